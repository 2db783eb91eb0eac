#!/usr/bin/env bash
# Own-crate `cargo check` time of a generated client crate, dependencies already built:
# CARGO_INCREMENTAL=0, `touch src/lib.rs`, then `cargo check`, RUNS times (default 5); prints
# each run and the median. Usage: scripts/check-time.sh <crate-dir> [runs] [target-dir]
set -euo pipefail
dir=${1:?usage: scripts/check-time.sh <crate-dir> [runs] [target-dir]}
runs=${2:-5}
target=${3:-$dir/target}
export CARGO_INCREMENTAL=0 CARGO_TARGET_DIR=$target
(cd "$dir" && cargo check -q 2>/dev/null) || (cd "$dir" && cargo check)
times=()
for _ in $(seq "$runs"); do
  touch "$dir/src/lib.rs"
  start=$(date +%s%N)
  (cd "$dir" && cargo check -q)
  end=$(date +%s%N)
  t=$(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  times+=("$t")
  printf 'run: %.2f s\n' "$t"
done
median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
printf 'median own-crate cargo check of %s: %.2f s (%d runs)\n' "$dir" "$median" "$runs"
