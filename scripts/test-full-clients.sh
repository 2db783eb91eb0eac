#!/usr/bin/env bash
# Generates whole clients and tests them: Chargebee's published API (OpenAPI 3.1; from
# $CHARGEBEE_SPEC, by default ../shared/specs/chargebee_api_v1_spec.json beside the checkout,
# with Chargebee's settings, spec/apiforge.toml; again with resource handles and a module of
# our own, tests/fixtures/chargebee_resources.toml), tests/fixtures/form_rules.yaml (OpenAPI's
# style rules, no settings), the vendor-convention fixtures tests/fixtures/{stripe,twilio,
# chargebee}_conventions.yaml (Stripe's and Twilio's without settings, Chargebee's with
# spec/apiforge.toml), the unions of tests/fixtures/{unions,stripe_unions}.yaml, tests/fixtures/hostile.yaml, tests/fixtures/common_mistakes/ (published specs' mistakes), tests/fixtures/media.yaml (every non-JSON
# body and response), tests/fixtures/streams.yaml (event streams, NDJSON, unmodeled media
# types; with tests/fixtures/streams.toml), tests/fixtures/pagination/ (every pagination
# style), the excerpts of Stripe's, GitHub's and Kubernetes' specs in
# tests/fixtures/real_pagination/, tests/fixtures/swagger2.yaml (a Swagger 2.0 document), the
# Petstore 3 spec ($PETSTORE_SPEC, by default ../shared/specs/petstore3.yaml) and
# spec/resume_dunning.yaml customized by tests/fixtures/customize/apiforge.toml. Each is checked with clippy (warnings denied) and rustdoc,
# then tests/full_clients/*.rs run against them on 127.0.0.1. Each stage announces itself
# ("== test-full-clients.sh [4/8] ...") and its duration.
#
# The clients are generated into target/full-clients/ (a small workspace of their own) and
# built in the repository's target directory. The directory is the same on every run, so each
# run replaces the previous run's build artifacts instead of adding new ones, and dependencies
# compile once.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
# shellcheck source=scripts/stages.sh
source scripts/stages.sh

spec="${CHARGEBEE_SPEC:-$repo/../shared/specs/chargebee_api_v1_spec.json}"
petstore="${PETSTORE_SPEC:-$repo/../shared/specs/petstore3.yaml}"
for needed in "$spec" "$petstore"; do
  if [ ! -f "$needed" ]; then
    if [ "${CI:-}" = "true" ]; then
      echo "error: a real spec is missing at $needed (set CHARGEBEE_SPEC / PETSTORE_SPEC)" >&2
      exit 1
    fi
    echo "skipping the whole-client tests: no spec at $needed (set CHARGEBEE_SPEC / PETSTORE_SPEC)"
    exit 0
  fi
done

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
# The generated crates change on every run; incremental caches of them would only grow.
export CARGO_INCREMENTAL=0
work="$repo/target/full-clients"
# The debug build the workspace's tests already made: a release build (thin LTO) would take
# longer than every generation here put together.
apiforge="$CARGO_TARGET_DIR/debug/apiforge"

stages_begin test-full-clients.sh 8
trap 'stages_on_exit $?' EXIT

stage "build the generator (cargo build -p apiforge: the tests' build, reused)"
cargo build -p apiforge

stage "generate the Chargebee, form_rules, vendor-convention and hostile clients into $work"
mkdir -p "$work/e2e"
start=$(date +%s%N)
# Chargebee's settings: its idempotency header and its form-encoding conventions.
"$apiforge" generate "$spec" --out "$work/chargebee" --crate-name chargebee-v1 --config spec/apiforge.toml
end=$(date +%s%N)
echo "   Chargebee v1 client generated in $(( (end - start) / 1000000 )) ms (debug build, whole crate written): $(find "$work/chargebee/src" -name '*.rs' | wc -l) Rust files, $(cat "$work/chargebee"/src/*.rs | wc -l) lines"
# The same API with resource handles (`[client] style = "resources"`), carrying a module of our
# own (src/custom/mod.rs): a regeneration keeps it and declares it, and --check finds the crate
# up to date.
resources="$work/chargebee-resources"
"$apiforge" generate "$spec" --out "$resources" --crate-name chargebee-resources --config tests/fixtures/chargebee_resources.toml
mkdir -p "$resources/src/custom"
cp tests/full_clients/custom/mod.rs "$resources/src/custom/mod.rs"
"$apiforge" generate "$spec" --out "$resources" --crate-name chargebee-resources --config tests/fixtures/chargebee_resources.toml
"$apiforge" generate "$spec" --out "$resources" --crate-name chargebee-resources --config tests/fixtures/chargebee_resources.toml --check
cmp tests/full_clients/custom/mod.rs "$resources/src/custom/mod.rs"
grep -q '^pub mod custom;$' "$resources/src/lib.rs"
"$apiforge" generate tests/fixtures/form_rules.yaml --out "$work/form-rules"
# Stripe's and Twilio's shapes need no settings file; Chargebee's use its settings.
"$apiforge" generate tests/fixtures/stripe_conventions.yaml --out "$work/stripe-conventions"
"$apiforge" generate tests/fixtures/twilio_conventions.yaml --out "$work/twilio-conventions"
# Discriminated and undiscriminated unions; Stripe's polymorphic objects, decoded from its samples.
"$apiforge" generate tests/fixtures/unions.yaml --out "$work/unions"
"$apiforge" generate tests/fixtures/stripe_unions.yaml --out "$work/stripe-unions"
"$apiforge" generate tests/fixtures/chargebee_conventions.yaml --out "$work/chargebee-conventions" --config spec/apiforge.toml
# Stripe-shaped webhook events, verified by the Stripe preset (`[webhooks] preset = "stripe"`).
"$apiforge" generate tests/fixtures/stripe_webhooks.yaml --out "$work/stripe-webhooks" --config tests/fixtures/stripe_webhooks.toml
# Hostile but valid: the generator warns about what it works around; the crate must compile.
"$apiforge" generate tests/fixtures/hostile.yaml --out "$work/hostile"
# Mistakes common in published specs (an operation given by `$ref`, `required: true` on a
# property, `#` in names, a long title and path): warned about, and the crate, named from the
# long title, must compile clippy-clean.
"$apiforge" generate tests/fixtures/common_mistakes/openapi.yaml --out "$work/common-mistakes"
# Every non-JSON body and response (multipart, bytes, text, downloads), and Petstore 3 as
# published (JSON and XML bodies, an octet-stream upload, API key and OAuth2 security).
"$apiforge" generate tests/fixtures/media.yaml --out "$work/media"
# Server-sent events (OpenAI's `[DONE]` sentinel, tests/fixtures/streams.toml), NDJSON, and
# media types apiforge does not model.
"$apiforge" generate tests/fixtures/streams.yaml --out "$work/streams" --config tests/fixtures/streams.toml
# Petstore keeps unknown fields (`[types] unknown-fields = "keep"`).
"$apiforge" generate "$petstore" --out "$work/petstore" --crate-name petstore --config tests/fixtures/petstore.toml
# One list operation per pagination style, with the settings beside it (its apiforge.toml).
"$apiforge" generate tests/fixtures/pagination/pagination.yaml --out "$work/pagination"
# Excerpts of Stripe's, GitHub's and Kubernetes' published specs, each with its settings.
for vendor in stripe github kubernetes; do
  "$apiforge" generate "tests/fixtures/real_pagination/$vendor/$vendor.json" --out "$work/real-$vendor" --crate-name "real-$vendor"
done
# Chargebee's resume_dunning customized with every setting of docs/CUSTOMIZING.md: an overlay,
# renames, a replacement by the money crate's type (copied beside it) and extra derives.
"$apiforge" generate spec/resume_dunning.yaml --out "$work/chargebee-custom" --crate-name chargebee-custom --config tests/fixtures/customize/apiforge.toml
rm -rf "$work/money"
cp -R tests/fixtures/customize/money "$work/money"
# A Swagger 2.0 document, read directly (no converter).
"$apiforge" generate tests/fixtures/swagger2.yaml --out "$work/swagger2" --crate-name swagger2

cat > "$work/Cargo.toml" <<TOML
[workspace]
resolver = "2"
members = ["chargebee", "chargebee-resources", "form-rules", "stripe-conventions", "twilio-conventions", "chargebee-conventions", "unions", "stripe-unions", "hostile", "media", "streams", "petstore", "stripe-webhooks", "pagination", "real-stripe", "real-github", "real-kubernetes", "chargebee-custom", "money", "swagger2", "common-mistakes", "e2e"]

# The repository's dev profile (its Cargo.toml), so that dependencies already built for the
# workspace are reused rather than built again with full debug info.
[profile.dev]
debug = "line-tables-only"

[profile.dev.package."*"]
debug = false
TOML
cat > "$work/e2e/Cargo.toml" <<TOML
[package]
name = "chargebee-v1-e2e"
version = "0.0.0"
edition = "2021"
publish = false

[lib]
path = "lib.rs"

[[test]]
name = "chargebee_v1"
path = "$repo/tests/full_clients/chargebee_v1.rs"

[[test]]
name = "chargebee_resources"
path = "$repo/tests/full_clients/chargebee_resources.rs"

[[test]]
name = "form_rules"
path = "$repo/tests/full_clients/form_rules.rs"

[[test]]
name = "stripe_conventions"
path = "$repo/tests/full_clients/stripe_conventions.rs"

[[test]]
name = "twilio_conventions"
path = "$repo/tests/full_clients/twilio_conventions.rs"

[[test]]
name = "chargebee_conventions"
path = "$repo/tests/full_clients/chargebee_conventions.rs"

[[test]]
name = "unions"
path = "$repo/tests/full_clients/unions.rs"

[[test]]
name = "stripe_unions"
path = "$repo/tests/full_clients/stripe_unions.rs"

[[test]]
name = "stripe_webhooks"
path = "$repo/tests/full_clients/stripe_webhooks.rs"

[[test]]
name = "hostile"
path = "$repo/tests/full_clients/hostile.rs"

[[test]]
name = "media"
path = "$repo/tests/full_clients/media.rs"

[[test]]
name = "streams"
path = "$repo/tests/full_clients/streams.rs"

[[test]]
name = "petstore"
path = "$repo/tests/full_clients/petstore.rs"

[[test]]
name = "customize"
path = "$repo/tests/full_clients/customize.rs"

[[test]]
name = "pagination"
path = "$repo/tests/full_clients/pagination.rs"

[[test]]
name = "real_pagination"
path = "$repo/tests/full_clients/real_pagination.rs"

[[test]]
name = "swagger2"
path = "$repo/tests/full_clients/swagger2.rs"

[dev-dependencies]
chargebee-v1 = { path = "../chargebee" }
chargebee-resources = { path = "../chargebee-resources" }
form-rules = { path = "../form-rules" }
stripe-conventions = { path = "../stripe-conventions" }
twilio-conventions = { path = "../twilio-conventions" }
chargebee-conventions = { path = "../chargebee-conventions" }
unions = { path = "../unions" }
stripe-unions = { path = "../stripe-unions" }
stripe-webhooks = { path = "../stripe-webhooks" }
hostile = { path = "../hostile" }
media = { path = "../media" }
streams = { path = "../streams" }
petstore = { path = "../petstore" }
chargebee-custom = { path = "../chargebee-custom" }
money = { path = "../money" }
pagination = { path = "../pagination" }
real-stripe = { path = "../real-stripe" }
real-github = { path = "../real-github" }
real-kubernetes = { path = "../real-kubernetes" }
swagger2 = { path = "../swagger2" }
chrono = { version = "0.4", default-features = false, features = ["std"] }
form_urlencoded = "1"
futures-util = { version = "0.3", default-features = false }
http = "1"
serde = "1"
serde_json = "1"
socket2 = "0.6"
tokio = { version = "1", features = ["macros", "rt"] }
TOML
echo "//! End-to-end tests of generated clients; see tests/full_clients/." > "$work/e2e/lib.rs"
# Resolve to the versions the repository already uses.
cp "$repo/Cargo.lock" "$work/Cargo.lock"

stage "cargo check of the Chargebee client, with its dependencies"
cargo check --manifest-path "$work/Cargo.toml" -p chargebee-v1

# The number docs/PERFORMANCE.md quotes: checking the generated crate alone, as after an edit of the
# spec and a regeneration, with dependencies built and no incremental cache.
stage "cargo check of the Chargebee client alone (dependencies built)"
touch "$work/chargebee/src/lib.rs"
start=$(date +%s%N)
cargo check --manifest-path "$work/Cargo.toml" -p chargebee-v1
end=$(date +%s%N)
echo "   cargo check of the generated Chargebee crate alone: $(awk "BEGIN { printf \"%.1f\", ($end - $start) / 1e9 }") s (dependencies already built, CARGO_INCREMENTAL=0, after touching src/lib.rs)"

clients=(-p chargebee-v1 -p chargebee-resources -p form-rules -p stripe-conventions -p twilio-conventions -p chargebee-conventions -p unions -p stripe-unions -p hostile -p media -p streams -p petstore -p stripe-webhooks -p pagination -p real-stripe -p real-github -p real-kubernetes -p chargebee-custom -p swagger2 -p u-s-epa-enforcement-compliance-history-online-echo-1-clean-air)

stage "clippy on the $(( ${#clients[@]} / 2 )) clients, warnings denied"
cargo clippy --manifest-path "$work/Cargo.toml" "${clients[@]}" --all-targets -- -D warnings

stage "rustdoc on the $(( ${#clients[@]} / 2 )) clients, warnings denied"
RUSTDOCFLAGS="-D warnings" cargo doc --manifest-path "$work/Cargo.toml" "${clients[@]}" --no-deps

stage "tests/full_clients/*.rs and the clients' own tests and doctests (cargo test)"
cargo test --manifest-path "$work/Cargo.toml" --workspace

# Each module of operations is a feature: a crate that needs some compiles only those, and
# must get no warning whichever it picks (an import or helper that only a left-out module
# used). Two modules, the webhooks alone, one small module, none.
stage "clippy and rustdoc on the Chargebee client with some of its features, warnings denied"
for features in customers,invoices webhooks comments "" rustls-ring,customers native-tls,webhooks; do
  echo "   --no-default-features --features \"$features\""
  cargo clippy --manifest-path "$work/Cargo.toml" -p chargebee-v1 --no-default-features --features "$features" -- -D warnings
  RUSTDOCFLAGS="-D warnings" cargo doc --manifest-path "$work/Cargo.toml" -p chargebee-v1 --no-deps --no-default-features --features "$features"
done
# Resource handles and the user's module behind a feature: only `invoices`.
echo "   chargebee-resources --no-default-features --features invoices"
cargo clippy --manifest-path "$work/Cargo.toml" -p chargebee-resources --no-default-features --features invoices -- -D warnings

stages_end
