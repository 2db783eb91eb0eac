#!/usr/bin/env bash
# Generates whole clients into a temporary directory and tests them: Chargebee's published
# API (OpenAPI 3.1; from $CHARGEBEE_SPEC, by default ../shared/specs/chargebee_api_v1_spec.json
# beside the checkout), tests/fixtures/form_rules.yaml and tests/fixtures/hostile.yaml. Each is checked with clippy
# (warnings denied) and rustdoc, then tests/full_clients/*.rs run against them.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

spec="${CHARGEBEE_SPEC:-$repo/../shared/specs/chargebee_api_v1_spec.json}"
if [ ! -f "$spec" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "error: the Chargebee spec is missing at $spec (set CHARGEBEE_SPEC)" >&2
    exit 1
  fi
  echo "skipping the Chargebee client tests: no spec at $spec (set CHARGEBEE_SPEC)"
  exit 0
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/apiforge-chargebee.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# Builds share the repository's target directory, so dependencies compile once.
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"

cargo build -q --release -p apiforge
start=$(date +%s%N)
"$CARGO_TARGET_DIR/release/apiforge" generate "$spec" --out "$work/chargebee" --crate-name chargebee-v1 --idempotency-header chargebee-idempotency-key
end=$(date +%s%N)
echo "Chargebee v1 client generated in $(( (end - start) / 1000000 )) ms: $(find "$work/chargebee/src" -name '*.rs' | wc -l) Rust files, $(cat "$work/chargebee"/src/*.rs | wc -l) lines"
"$CARGO_TARGET_DIR/release/apiforge" generate tests/fixtures/form_rules.yaml --out "$work/form-rules"
# Hostile but valid: the generator warns about what it works around; the crate must compile.
"$CARGO_TARGET_DIR/release/apiforge" generate tests/fixtures/hostile.yaml --out "$work/hostile"

mkdir -p "$work/e2e"
cat > "$work/Cargo.toml" <<TOML
[workspace]
resolver = "2"
members = ["chargebee", "form-rules", "hostile", "e2e"]
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
name = "form_rules"
path = "$repo/tests/full_clients/form_rules.rs"

[[test]]
name = "hostile"
path = "$repo/tests/full_clients/hostile.rs"

[dev-dependencies]
chargebee-v1 = { path = "../chargebee" }
form-rules = { path = "../form-rules" }
hostile = { path = "../hostile" }
form_urlencoded = "1"
futures-util = { version = "0.3", default-features = false }
serde_json = "1"
socket2 = "0.6"
tokio = { version = "1", features = ["macros", "rt"] }
TOML
echo "//! End-to-end tests of generated clients; see tests/full_clients/." > "$work/e2e/lib.rs"
# Resolve to the versions the repository already uses.
cp "$repo/Cargo.lock" "$work/Cargo.lock"

start=$(date +%s%N)
cargo check -q --manifest-path "$work/Cargo.toml" -p chargebee-v1
end=$(date +%s%N)
echo "cargo check of the generated crate: $(( (end - start) / 1000000 )) ms"
cargo clippy -q --manifest-path "$work/Cargo.toml" -p chargebee-v1 -p form-rules -p hostile --all-targets -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc -q --manifest-path "$work/Cargo.toml" -p chargebee-v1 -p form-rules -p hostile --no-deps
cargo test --manifest-path "$work/Cargo.toml" --workspace
