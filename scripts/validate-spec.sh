#!/usr/bin/env bash
# Validates every spec in spec/ with a real OpenAPI validator (openapi-spec-validator, pinned),
# installed on first use into a virtualenv under target/ so that nothing outside the
# repository changes.
set -euo pipefail
cd "$(dirname "$0")/.."

version="0.9.0"
venv="target/tools/openapi-spec-validator-$version"
if [ ! -x "$venv/bin/openapi-spec-validator" ]; then
  echo "installing openapi-spec-validator $version into $venv"
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "openapi-spec-validator==$version"
fi
for spec in spec/*.yaml spec/*.json; do
  [ -e "$spec" ] || continue
  "$venv/bin/openapi-spec-validator" "$spec"
done
