#!/usr/bin/env bash
# The manual check of Swagger 2.0 reading on whole published specs (docs/SPECS.md, "Swagger
# 2.0"): downloads Kubernetes' full API, Docker Engine's and Slack's Web API (Swagger 2.0),
# generates a client from each with apiforge (2.0 read directly) and from swagger2openapi's
# conversion of the same file, runs clippy with warnings denied on the first, and prints how
# the two generated crates differ. Needs network access, npm and about 15 minutes on 2 cores
# (Kubernetes' crate has 1,200 files).
#
#   scripts/swagger2-real-specs.sh [kubernetes|docker|slack]...
#
# Specs already in target/swagger2-real-specs/specs/ are not downloaded again.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
work="$repo/target/swagger2-real-specs"
mkdir -p "$work/specs"
names=("$@")
[ ${#names[@]} -eq 0 ] && names=(kubernetes docker slack)

declare -A urls=(
  [kubernetes]="https://raw.githubusercontent.com/kubernetes/kubernetes/master/api/openapi-spec/swagger.json"
  [docker]="https://raw.githubusercontent.com/moby/moby/master/api/swagger.yaml"
  [slack]="https://raw.githubusercontent.com/slackapi/slack-api-specs/master/web-api/slack_web_openapi_v2.json"
)
declare -A files=([kubernetes]=kubernetes.json [docker]=docker.yaml [slack]=slack.json)

if [ ! -x "$work/npm/node_modules/.bin/swagger2openapi" ]; then
  mkdir -p "$work/npm"
  (cd "$work/npm" && npm install --no-audit --no-fund swagger2openapi@7 >/dev/null)
fi
# APIFORGE=target/release/apiforge times a release build (build it first); the default is the
# debug build the tests use.
apiforge="${APIFORGE:-$repo/target/debug/apiforge}"
[ -n "${APIFORGE:-}" ] || cargo build -q -p apiforge

members=()
for name in "${names[@]}"; do
  spec="$work/specs/${files[$name]}"
  [ -f "$spec" ] || curl -fsSL "${urls[$name]}" -o "$spec"
  echo "== $name: $(wc -c < "$spec") bytes"
  "$work/npm/node_modules/.bin/swagger2openapi" --patch --warnOnly "$spec" -o "$work/specs/$name.s2o.yaml"
  start=$(date +%s%N)
  "$apiforge" generate "$spec" --out "$work/$name" --crate-name "$name-direct" --force 2> "$work/$name.warnings"
  end=$(date +%s%N)
  echo "   read directly: generated in $(( (end - start) / 1000000 )) ms, $(grep -c '^warning' "$work/$name.warnings" || true) warnings"
  start=$(date +%s%N)
  "$apiforge" generate "$work/specs/$name.s2o.yaml" --out "$work/$name-s2o" --crate-name "$name-direct" --force 2> "$work/$name-s2o.warnings"
  end=$(date +%s%N)
  echo "   through swagger2openapi: generated in $(( (end - start) / 1000000 )) ms, $(grep -c '^warning' "$work/$name-s2o.warnings" || true) warnings"
  echo "   lines that differ between the two crates: $(diff -r "$work/$name" "$work/$name-s2o" | grep -c '^[<>]' || true) ($(diff -r "$work/$name" "$work/$name-s2o" | grep '^[<>]' | grep -vc '^[<>] *|\|^[<>] *///\|^[<>] *$' || true) outside docs)"
  members+=("\"$name\"")
done

# CLIPPY=0 stops here (the timings and the comparison only).
[ "${CLIPPY:-1}" = 0 ] && exit 0
(IFS=,; printf '[workspace]\nresolver = "2"\nmembers = [%s]\n\n[profile.dev]\ndebug = "line-tables-only"\n\n[profile.dev.package."*"]\ndebug = false\n' "${members[*]}") > "$work/Cargo.toml"
cp "$repo/Cargo.lock" "$work/Cargo.lock"
CARGO_TARGET_DIR="$repo/target" CARGO_INCREMENTAL=0 cargo clippy --manifest-path "$work/Cargo.toml" --workspace -- -D warnings
echo "clippy: no warning on ${names[*]}"
