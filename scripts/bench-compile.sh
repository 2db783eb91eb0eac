#!/usr/bin/env bash
# How long a big generated client takes to `cargo check`, its own crate only (dependencies
# already built, CARGO_INCREMENTAL=0, `src/lib.rs` touched before each run): with its default
# features (every resource module and the webhooks), with no resource at all, and with one
# resource a user picks (the one compiling the most code and the median one, by the lines of
# its module and of the types and error enums it reaches; or $FEATURES_<CLIENT>, a list of
# features or `all`, every resource module).
#
#   scripts/bench-compile.sh [BEFORE]
#
# BEFORE, an `apiforge` binary (say, one built from an older commit), generates a second copy
# of each client, measured interleaved with this checkout's (run by run, so that both see the
# same load). The clients:
#   github  $GITHUB_SPEC, by default target/bench-compile/specs/github.json: GitHub's REST
#           description, `generated/api.github.com.json` of the npm package @octokit/openapi
#           (`npm pack @octokit/openapi@23.0.2`)
#   stripe  $STRIPE_SPEC, by default target/bench-compile/specs/stripe.yaml: Stripe's
#           `openapi/spec3.yaml` (github.com/stripe/openapi, commit 63a6746, 2023-09-12)
# A client whose spec is missing is skipped. RUNS (default 3) runs of each; the table shows
# the medians of wall time and of CPU time (user + sys of cargo and rustc: the number to
# compare on a shared machine, where wall time includes waiting for the cores). Everything
# is written under target/bench-compile/.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
cd "$repo"
work="$repo/target/bench-compile"
runs="${RUNS:-3}"
before="${1:-}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$repo/target}"
# The crates change on every generation; incremental caches of them would only grow, and the
# number wanted is a check from scratch of the crate.
export CARGO_INCREMENTAL=0

declare -A specs=(
  [github]="${GITHUB_SPEC:-$work/specs/github.json}"
  [stripe]="${STRIPE_SPEC:-$work/specs/stripe.yaml}"
)
clients=()
for client in github stripe; do
  if [ -f "${specs[$client]}" ]; then
    clients+=("$client")
  else
    echo "skipping $client: no spec at ${specs[$client]}" >&2
  fi
done
[ ${#clients[@]} -gt 0 ] || { echo "error: no spec found (see the top of $0)" >&2; exit 1; }

echo "== building this checkout's generator (cargo build -p apiforge)"
cargo build -q -p apiforge
declare -A generators=([after]="$CARGO_TARGET_DIR/debug/apiforge")
variants=(after)
if [ -n "$before" ]; then
  generators[before]="$(cd "$(dirname "$before")" && pwd)/$(basename "$before")"
  variants=(before after)
fi

# Every variant is a small workspace of its own (crate names repeat across variants), with the
# repository's dev profile and lock file, so that the dependencies are built once for all. Its
# crates' folders are named after the variant too: cargo names a workspace member's artifacts
# by its path relative to the workspace, so two variants' `github` would share them.
for variant in "${variants[@]}"; do
  dir="$work/$variant"
  mkdir -p "$dir"
  for client in "${clients[@]}"; do
    echo "== generating $variant/$client"
    "${generators[$variant]}" generate "${specs[$client]}" --out "$dir/$client-$variant" \
      --crate-name "$client-api" --force 2>"$dir/$client.warnings"
  done
  members=$(printf "\"%s-$variant\", " "${clients[@]}")
  cat >"$dir/Cargo.toml" <<TOML
[workspace]
resolver = "2"
members = [${members%, }]

[profile.dev]
debug = "line-tables-only"

[profile.dev.package."*"]
debug = false
TOML
  cp "$repo/Cargo.lock" "$dir/Cargo.lock"
done

# The lines a feature alone compiles: its module, and the items of src/types.rs and
# src/responses.rs whose `cfg` names it (or that have none), in increasing order: "lines feature".
compiled_lines() {
  python3 - "$1" <<'PY'
import os, re, sys
crate = sys.argv[1]
toml = open(os.path.join(crate, "Cargo.toml")).read().split("[features]")[1]
features = [m.group(1) for m in re.finditer(r"^([a-z0-9_]+) = \[", toml, re.M)]
def items(name):
    """(cfg, lines) of each top-level item: lines up to a blank line or a closing brace."""
    out, current = [], []
    for line in open(os.path.join(crate, "src", name)).read().split("\n"):
        current.append(line)
        if line in ("", "}") or (line.endswith(";") and not line.startswith(" ")):
            gate = re.search(r"^#\[cfg\((.*)\)\]$", "\n".join(current), re.M)
            out.append((gate.group(1) if gate else None, len(current)))
            current = []
    return out
shared = [i for name in ("types.rs", "responses.rs")
          if os.path.exists(os.path.join(crate, "src", name)) for i in items(name)]
for feature in features:
    own = os.path.join(crate, "src", feature + ".rs")
    if not os.path.exists(own):
        continue
    lines = sum(1 for _ in open(own))
    lines += sum(n for gate, n in shared if gate is None or '"%s"' % feature in gate)
    print(lines, feature)
PY
}
# The modules of operations, by size.
modules_by_size() {
  local crate="$1"
  sed -n '/^\[features\]/,$p' "$crate/Cargo.toml" | sed -n 's/^\([a-z0-9_]*\) = \[.*/\1/p' |
    while read -r feature; do
      if [ -f "$crate/src/$feature.rs" ]; then echo "$(wc -l <"$crate/src/$feature.rs") $feature"; fi
    done | sort -n
}
# The features a user picks: the one that compiles the most code, and the median one.
declare -A picks
for client in "${clients[@]}"; do
  var="FEATURES_${client^^}"
  if [ "${!var:-}" = all ]; then
    # Every resource module, one after the other.
    picks[$client]="$(modules_by_size "$work/after/$client-after" | cut -d' ' -f2 | tr '\n' ' ')"
  elif [ -n "${!var:-}" ]; then
    picks[$client]="${!var}"
  else
    sized=$(compiled_lines "$work/after/$client-after" | sort -n)
    count=$(echo "$sized" | wc -l)
    largest=$(echo "$sized" | tail -1 | cut -d' ' -f2)
    median=$(echo "$sized" | sed -n "$(((count + 1) / 2))p" | cut -d' ' -f2)
    picks[$client]="$largest $median"
  fi
  echo "== $client: measuring one feature alone with ${picks[$client]}"
done

# The flags of a configuration: `default`, `none` (no resource) or one resource. The TLS stack
# and tracing stay as by default, so that every configuration shares the same dependencies.
flags() {
  case "$1" in
    default) echo "" ;;
    none) echo "--no-default-features --features rustls,tracing" ;;
    *) echo "--no-default-features --features rustls,tracing,$1" ;;
  esac
}

# One check of a crate: prints "wall cpu".
check_once() {
  local variant="$1" client="$2" config="$3" out
  out="$work/time.txt"
  touch "$work/$variant/$client-$variant/src/lib.rs"
  # shellcheck disable=SC2046
  /usr/bin/time -f '%e %U %S' -o "$out" cargo check -q --manifest-path "$work/$variant/Cargo.toml" \
    -p "$client-api" $(flags "$config")
  awk '{ printf "%.2f %.2f\n", $1, $2 + $3 }' "$out"
}

# Every configuration has the same dependencies, so checking the smallest builds them all.
echo "== building the dependencies (once)"
for client in "${clients[@]}"; do
  for variant in "${variants[@]}"; do
    # shellcheck disable=SC2046
    cargo check -q --manifest-path "$work/$variant/Cargo.toml" -p "$client-api" $(flags none)
  done
done

declare -A samples
for run in $(seq "$runs"); do
  echo "== run $run of $runs"
  for client in "${clients[@]}"; do
    for config in default none ${picks[$client]}; do
      for variant in "${variants[@]}"; do
        sample=$(check_once "$variant" "$client" "$config")
        echo "   $client $config $variant: $sample (wall, cpu s)"
        samples[$client/$config/$variant]+="$sample"$'\n'
      done
    done
  done
done

median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

echo
echo "Generated Rust (lines): whole crate, src/types.rs, src/responses.rs, the largest module of operations"
for client in "${clients[@]}"; do
  for variant in "${variants[@]}"; do
    crate="$work/$variant/$client-$variant"
    total=$(cat "$crate"/src/*.rs | wc -l)
    types=$(wc -l <"$crate/src/types.rs")
    responses=0
    if [ -f "$crate/src/responses.rs" ]; then responses=$(wc -l <"$crate/src/responses.rs"); fi
    largest=$(modules_by_size "$crate" | tail -1)
    echo "  $client $variant: $total total, $types types, $responses responses, largest module ${largest#* } ${largest%% *}"
  done
done

echo
echo "Own-crate cargo check, median of $runs (seconds; CPU = user + sys)"
printf '| client | features | %s |\n' "$(for v in "${variants[@]}"; do printf '%s CPU | %s wall | ' "$v" "$v"; done | sed 's/ | $//')"
printf '|---|---|%s\n' "$(for _ in "${variants[@]}"; do printf -- '---:|---:|'; done)"
for client in "${clients[@]}"; do
  for config in default none ${picks[$client]}; do
    row="| $client | $config |"
    for variant in "${variants[@]}"; do
      values="${samples[$client/$config/$variant]}"
      cpu=$(echo -n "$values" | awk '{ print $2 }' | median)
      wall=$(echo -n "$values" | awk '{ print $1 }' | median)
      row+=" $cpu | $wall |"
    done
    echo "$row"
  done
done
