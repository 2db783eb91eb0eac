#!/usr/bin/env bash
# Runs every test of the repository: the OpenAPI validator on spec/, then the workspace's
# tests (generator unit and CLI tests, snapshot tests, the freshness check of generated/,
# end-to-end tests of the generated client against a local server, a fault-injecting server
# and Prism, and the generated crate's own unit tests and doctests), then whole generated
# clients.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/validate-spec.sh

# Prism, the validating mock server the end-to-end tests send real requests to.
PRISM_URL="$(scripts/prism.sh start)"
export PRISM_URL
trap 'scripts/prism.sh stop' EXIT

# Snapshots are compared, never written, unless a developer asks (cargo insta review).
INSTA_UPDATE="${INSTA_UPDATE:-no}" cargo test --workspace --no-fail-fast

# Whole generated clients (Chargebee's published API, and the wire-rules fixture), compiled,
# linted and tested against a local server.
scripts/test-full-clients.sh
