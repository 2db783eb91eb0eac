#!/usr/bin/env bash
# Checks `apiforge diff`'s semver verdicts against `cargo semver-checks` on the generated
# crates: for each synthetic change of spec/resume_dunning.yaml (and the real Chargebee
# release pair when ../shared/specs has it), generates the old and the new crate, runs both
# tools, and prints a Markdown table (change | apiforge diff | cargo semver-checks | agree?).
# Exits 1 when a row disagrees and is not one of the known gaps below (docs/SEMVER.md).
#
# Needs `cargo install cargo-semver-checks --locked`, python3 with PyYAML, and network for the
# generated crates' dependencies the first time. Takes about 4 minutes on 2 cores from a cold
# WORK (rustdoc JSON of the generated crates' dependencies, built once into WORK/target; the
# Chargebee pair is most of the rest), and about 2 once WORK is warm; not in CI, as it needs
# the network and cargo-semver-checks, which takes 20 minutes to install. Usage: scripts/semver-table.sh [WORK] [CASE...]   (WORK defaults to a temp dir
# reused between runs; CASEs restrict the table to those rows).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=${1:-${TMPDIR:-/tmp}/apiforge-semver-table}
shift || true
only=("$@")
mkdir -p "$work"
work=$(cd "$work" && pwd)
command -v cargo-semver-checks >/dev/null || {
  echo "cargo-semver-checks is not installed: cargo install cargo-semver-checks --locked" >&2
  exit 2
}
(cd "$root" && cargo build -q -p apiforge)
apiforge=$root/target/debug/apiforge
# The generated crates are built outside this workspace, sharing one target dir.
export CARGO_TARGET_DIR=$work/target

# The synthetic pairs: each case's old and new spec, as JSON edits of resume_dunning.
python3 - "$root/spec/resume_dunning.yaml" "$work/specs" <<'PY'
import copy, json, os, sys, yaml
base = yaml.safe_load(open(sys.argv[1]))
out = sys.argv[2]
os.makedirs(out, exist_ok=True)
def op(s): return s["paths"]["/invoices/{invoice-id}/resume_dunning"]["post"]
def body(s): return op(s)["requestBody"]["content"]["application/x-www-form-urlencoded"]["schema"]
def invoice(s): return s["components"]["schemas"]["Invoice"]
def events(s, value, headers=("actions", "email", "webhook")):
    for h in headers:
        s["components"]["parameters"][f"chargebee-event-{h}"]["schema"]["enum"].append(value)
def second_op(s):
    # A resource of its own (module, response shape), as tests/diff.rs's operation_added.
    s["paths"]["/customers/{customer-id}"] = {"get": {
        "operationId": "retrieve_customer",
        "parameters": [{"name": "customer-id", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": {
            "type": "object",
            "properties": {"customer": {"type": "object", "properties": {"id": {"type": "string"}}}}}}}}}}}
def edit(f):
    s = copy.deepcopy(base); f(s); return s
cases = {
  "request enum: value added": (base, edit(lambda s: events(s, "some-disabled"))),
  "response enum: value added": (base, edit(lambda s: invoice(s)["properties"]["status"]["enum"].append("written_off"))),
  "enum value removed": (base, edit(lambda s: invoice(s)["properties"]["status"]["enum"].remove("voided"))),
  "request struct: optional field added": (base, edit(lambda s: body(s)["properties"].__setitem__("reason", {"type": "string"}))),
  "request struct: required field added": (base, edit(lambda s: (body(s)["properties"].__setitem__("reason", {"type": "string"}), body(s).__setitem__("required", ["reason"])))),
  "response struct: optional field added": (base, edit(lambda s: invoice(s)["properties"].__setitem__("memo", {"type": "string"}))),
  "response struct: required field added": (base, edit(lambda s: (invoice(s)["properties"].__setitem__("memo", {"type": "string"}), invoice(s)["required"].append("memo")))),
  "request field became required": (base, edit(lambda s: body(s).__setitem__("required", ["comment"]))),
  "operation added": (base, edit(second_op)),
  "operation removed": (edit(second_op), base),
  "merged type split (renamed)": (base, edit(lambda s: events(s, "some-disabled", ("email",)))),
  "types merged (renamed)": (edit(lambda s: events(s, "some-disabled", ("email",))), base),
  "no change": (base, base),
}
with open(os.path.join(out, "cases.txt"), "w") as index:
    for i, (name, (old, new)) in enumerate(cases.items()):
        slug = f"case{i:02}"
        for side, spec in (("old", old), ("new", new)):
            json.dump(spec, open(os.path.join(out, f"{slug}.{side}.json"), "w"))
        index.write(f"{slug}\t{name}\n")
PY

# `apiforge diff`'s bump for a crate at 1.0.0: major, minor or none.
ours() {
  local out
  out=$("$apiforge" diff "$@" --crate-version 1.0.0 || true)
  case $out in
    *"bump for the generated crate: **major**"*) echo major ;;
    *"bump for the generated crate: **minor**"*) echo minor ;;
    *) echo none ;;
  esac
}

# `cargo semver-checks`' verdict on NEW against OLD: major, minor or none.
theirs() {
  local old=$1 new=$2 log=$3
  cargo semver-checks check-release --manifest-path "$new/Cargo.toml" --baseline-root "$old" \
    --release-type patch >"$log" 2>&1 || true
  if grep -q "requires new major version" "$log"; then echo major
  elif grep -q "requires new minor version" "$log"; then echo minor
  elif grep -q "no semver update required\|passed" "$log"; then echo none
  else echo "error (see $log)"
  fi
}

row() {
  local name=$1 old_spec=$2 new_spec=$3 dir=$4 config=$5 crate=$6
  shift 6
  rm -rf "$dir/old" "$dir/new"
  mkdir -p "$dir"
  for side in old new; do
    local spec=$old_spec
    [[ $side == new ]] && spec=$new_spec
    "$apiforge" generate "$spec" --out "$dir/$side" --crate-name "$crate" --crate-version 1.0.0 \
      ${config:+--config "$config"} >/dev/null 2>"$dir/$side.warnings"
  done
  local a b agree
  a=$(ours "$old_spec" "$new_spec" ${config:+--config "$config"})
  b=$(theirs "$dir/old" "$dir/new" "$dir/semver-checks.log")
  # Agreement is on what matters: breaking (major) or not. semver-checks has no lint that
  # asks for a minor bump for additions, so "minor" against "none" agrees.
  local a_breaks=no b_breaks=no
  [[ $a == major ]] && a_breaks=yes
  [[ $b == major ]] && b_breaks=yes
  if [[ $a_breaks == "$b_breaks" ]]; then
    agree=yes
  elif [[ -n ${known_gaps[$name]:-} ]]; then
    agree="no: ${known_gaps[$name]}"
  else
    agree=NO
  fi
  printf '| %s | %s | %s | %s |\n' "$name" "$a" "$b" "$agree"
  [[ $agree != NO ]]
}

wanted() {
  [[ ${#only[@]} -eq 0 ]] && return 0
  local c
  for c in "${only[@]}"; do [[ $1 == "$c" || $2 == *"$c"* ]] && return 0; done
  return 1
}

# Disagreements explained in docs/SEMVER.md: cargo semver-checks has no lint for a public
# field whose type changes (obi1kenobi/cargo-semver-checks#148, #149), which these are.
declare -A known_gaps=(
  ["request field became required"]="field type \`Option<T>\` → \`T\`, unlinted (semver-checks #148)"
  ["merged type split (renamed)"]="field type \`ChargebeeEvent\` → \`ChargebeeEventEmail\`, unlinted (semver-checks #148)"
)

start=$(date +%s)
status=0
echo "| change | apiforge diff | cargo semver-checks | agree? |"
echo "|---|---|---|---|"
while IFS=$'\t' read -r slug name; do
  wanted "$slug" "$name" || continue
  row "$name" "$work/specs/$slug.old.json" "$work/specs/$slug.new.json" "$work/$slug" "" \
    semver-case || status=1
done <"$work/specs/cases.txt"
old_cb=$root/../shared/specs/chargebee_api_v1_spec.2026-06-08.json
new_cb=$root/../shared/specs/chargebee_api_v1_spec.json
if [[ -f $old_cb && -f $new_cb ]] && wanted chargebee "Chargebee release"; then
  row "Chargebee release 2026-06-08 → next" "$old_cb" "$new_cb" "$work/chargebee" \
    "$root/spec/apiforge.toml" chargebee-v1 || status=1
fi
echo
echo "$(($(date +%s) - start)) s; logs in $work"
exit $status
