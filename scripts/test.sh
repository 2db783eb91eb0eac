#!/usr/bin/env bash
# Runs every test of the repository: the OpenAPI validator on spec/, then the workspace's
# tests (generator unit and CLI tests, snapshot tests, the freshness check of generated/,
# end-to-end tests of the generated client against a local server, a fault-injecting server
# and Prism, and the generated crate's own unit tests and doctests), then whole generated
# clients. Each stage announces itself ("== test.sh [3/5] ...") and its duration.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=scripts/stages.sh
source scripts/stages.sh

stages_begin test.sh 5
trap 'status=$?; scripts/prism.sh stop; stages_on_exit $status' EXIT

stage "validate spec/ with openapi-spec-validator (scripts/validate-spec.sh)"
scripts/validate-spec.sh

# Prism, the validating mock server the end-to-end tests send real requests to.
stage "start Prism, the validating mock server (scripts/prism.sh)"
PRISM_URL="$(scripts/prism.sh start)"
export PRISM_URL
echo "   Prism listens on $PRISM_URL"

# Snapshots are compared, never written, unless a developer asks (cargo insta review).
export INSTA_UPDATE="${INSTA_UPDATE:-no}"
stage "build the workspace's tests (cargo test --workspace --no-run)"
cargo test --workspace --no-run

stage "run the workspace's tests (cargo test --workspace --no-fail-fast)"
cargo test --workspace --no-fail-fast

# Whole generated clients (Chargebee's published API, and the wire-rules fixture), compiled,
# linted and tested against a local server.
stage "whole generated clients (scripts/test-full-clients.sh)"
scripts/test-full-clients.sh

stages_end
