#!/usr/bin/env bash
# Generates OpenAI's client from its published spec ($OPENAI_SPEC: openapi.yaml of
# github.com/openai/openai-openapi, MIT; not committed here, 3 MB) and checks its unions: the
# client passes clippy with warnings denied, and a sample payload for every tag of every
# tagged union (tests/union_samples.rs writes them from the IR) decodes as the alternative the
# tag names, encodes with its tag and decodes back to the same value; and that
# createChatCompletion's event stream reaches the caller as typed chunks ending at `[DONE]`
# (tests/full_clients/openai_stream.rs, against a server on 127.0.0.1). Prints how many
# discriminators the spec has and how many tagged unions and samples were checked.
#
# Skipped without $OPENAI_SPEC. Built in the repository's target directory, in
# target/openai-check/ (replaced on each run).
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"

spec="${OPENAI_SPEC:-}"
if [ -z "$spec" ] || [ ! -f "$spec" ]; then
  echo "skipping the OpenAI check: set OPENAI_SPEC to OpenAI's openapi.yaml"
  exit 0
fi

export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
# The generated crate changes on every run; an incremental cache of it would only grow.
export CARGO_INCREMENTAL=0
work="$repo/target/openai-check"

cargo build -p apiforge -p apiforge-tests --bin apiforge --bin union-samples
rm -rf "$work/client"
mkdir -p "$work"
# OpenAI ends its event streams with `data: [DONE]` (tests/fixtures/openai.toml).
"$CARGO_TARGET_DIR/debug/apiforge" generate "$spec" --out "$work/client" --config tests/fixtures/openai.toml
echo "discriminators in the spec: $(grep -oE '"?discriminator"?[[:space:]]*:' "$spec" | wc -l)"
"$CARGO_TARGET_DIR/debug/union-samples" "$spec" "$work/client"

crate="$(sed -n 's/^name = "\(.*\)"$/\1/p' "$work/client/Cargo.toml" | head -1)"
cat > "$work/Cargo.toml" <<TOML
[workspace]
resolver = "2"
members = ["client"]

[profile.dev]
debug = "line-tables-only"

[profile.dev.package."*"]
debug = false
TOML
cp "$repo/Cargo.lock" "$work/Cargo.lock"

cargo clippy --manifest-path "$work/Cargo.toml" -p "$crate" --all-targets -- -D warnings
cargo test --manifest-path "$work/Cargo.toml" -p "$crate" --test union_round_trip

# createChatCompletion streamed from 127.0.0.1 as OpenAI streams it, through the client.
cp tests/full_clients/openai_stream.rs "$work/client/tests/openai_stream.rs"
cat >> "$work/client/Cargo.toml" <<TOML

[dev-dependencies]
tokio = { version = "1", features = ["macros", "rt"] }
TOML
cargo test --manifest-path "$work/Cargo.toml" -p "$crate" --test openai_stream
