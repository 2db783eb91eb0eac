#!/usr/bin/env bash
# Runs the end-to-end suites (the generated client against the fault-injecting server, the
# local server and, when it can be started, Prism) while CPU-bound loops at a higher priority
# than the tests keep every core busy: the timing-sensitive tests must pass on a starved
# machine too, as on a busy CI runner.
#
# Usage: scripts/e2e-under-load.sh [--loops N] [--runs K] [--no-prism]
#   --loops N   busy loops to start (default 4), each `nice -n -15` (needs root; otherwise
#               they run at normal priority, which is a lighter load)
#   --runs K    how many times to run every suite (default 3)
#   --no-prism  leave out e2e_prism even if Prism could be started
# Prints one line per suite and run and a summary; exits non-zero if any run failed. The
# loops are always stopped on exit. Each run's output is kept in target/e2e-under-load/.
set -euo pipefail
cd "$(dirname "$0")/.."

loops=4
runs=3
prism=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --loops) loops="$2"; shift 2 ;;
    --runs) runs="$2"; shift 2 ;;
    --no-prism) prism=no; shift ;;
    -h|--help) sed -n '2,13p' "$0"; exit 0 ;;
    *) echo "unknown argument: $1 (see --help)" >&2; exit 2 ;;
  esac
done

suites=(e2e_faults e2e_resume_dunning e2e_security e2e_observe)
busy_pids=()
started_prism=no

cleanup() {
  for pid in "${busy_pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${busy_pids[@]}"; do
    wait "$pid" 2>/dev/null || true
  done
  if [ "$started_prism" = yes ]; then
    scripts/prism.sh stop
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Prism (started before the load, so that its start-up is not what is measured).
if [ "$prism" = yes ]; then
  if [ -n "${PRISM_URL:-}" ]; then
    suites+=(e2e_prism)
  elif PRISM_URL="$(scripts/prism.sh start)"; then
    export PRISM_URL
    started_prism=yes
    suites+=(e2e_prism)
  else
    echo "Prism could not be started: e2e_prism is left out" >&2
  fi
fi

# Build first, without load (a build is not a test), and run the test binaries themselves, so
# that nothing is rebuilt while the load runs.
test_args=()
for suite in "${suites[@]}"; do
  test_args+=(--test "$suite")
done
declare -A binary
while IFS= read -r line; do
  suite=$(sed -n 's/.*"target":{[^}]*"name":"\([^"]*\)".*/\1/p' <<< "$line")
  executable=$(sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' <<< "$line")
  if [ -n "$suite" ] && [ -n "$executable" ]; then
    binary[$suite]="$executable"
  fi
done < <(cargo test -q -p apiforge-tests "${test_args[@]}" --no-run --message-format=json)
for suite in "${suites[@]}"; do
  if [ -z "${binary[$suite]:-}" ]; then
    echo "no test binary for $suite" >&2
    exit 2
  fi
done

logs=target/e2e-under-load
mkdir -p "$logs"

for _ in $(seq 1 "$loops"); do
  nice -n -15 bash -c 'while :; do :; done' &
  busy_pids+=($!)
done
echo "started $loops busy loops (nice -15): ${busy_pids[*]}"

failed=0
declare -A passed
for suite in "${suites[@]}"; do
  passed[$suite]=0
done
for run in $(seq 1 "$runs"); do
  for suite in "${suites[@]}"; do
    log="$logs/$suite-run$run.log"
    start=$(date +%s%N)
    if (cd tests && INSTA_UPDATE=no "${binary[$suite]}") > "$log" 2>&1; then
      outcome=pass
      passed[$suite]=$((passed[$suite] + 1))
    else
      outcome=FAIL
      failed=$((failed + 1))
    fi
    tenths=$((($(date +%s%N) - start) / 100000000))
    printf 'run %d/%d  %-20s %s  (%d.%d s)\n' "$run" "$runs" "$suite" "$outcome" $((tenths / 10)) $((tenths % 10))
    if [ "$outcome" = FAIL ]; then
      grep -E '^test .* FAILED$|panicked at|^---- ' "$log" | sed 's/^/    /' || true
      echo "    full output: $log"
    fi
  done
done

echo "summary ($loops busy loops, $runs runs):"
for suite in "${suites[@]}"; do
  printf '  %-20s %d/%d passed\n' "$suite" "${passed[$suite]}" "$runs"
done
if [ "$failed" -gt 0 ]; then
  echo "FAILED: $failed run(s)"
  exit 1
fi
echo "all passed"
