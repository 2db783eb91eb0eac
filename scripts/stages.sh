# Sourced (not run) by scripts/test.sh, scripts/test-full-clients.sh and .ci/run: each stage
# announces itself and its duration, so that a run of several minutes says what it is doing.
#
#   stages_begin "test.sh" 5        # the script's name and its number of stages
#   stage "cargo test --workspace"  # prints "== test.sh [1/5] cargo test --workspace"
#   ...                             # the next stage (or stages_end) prints "   done in 84 s"
#   stages_end                      # prints "== test.sh: 5 stages passed in 612 s"
#
# On failure (set -e), stages_on_exit, called from the script's EXIT trap, names the stage that
# failed and how long it ran.

stages_begin() {
  stages_script="$1"
  stages_total="$2"
  stages_number=0
  stages_name=""
  stages_started=$SECONDS
  stages_stage_started=$SECONDS
}

stages_finish_current() {
  if [ -n "${stages_name:-}" ]; then
    echo "   done in $((SECONDS - stages_stage_started)) s"
    stages_name=""
  fi
}

stage() {
  stages_finish_current
  stages_number=$((stages_number + 1))
  stages_name="$*"
  stages_stage_started=$SECONDS
  echo "== $stages_script [$stages_number/$stages_total] $stages_name"
}

stages_end() {
  stages_finish_current
  echo "== $stages_script: $stages_number stages passed in $((SECONDS - stages_started)) s"
}

# For the EXIT trap, with the script's exit status.
stages_on_exit() {
  local status="$1"
  if [ "$status" -ne 0 ] && [ -n "${stages_name:-}" ]; then
    echo "== $stages_script [$stages_number/$stages_total] $stages_name FAILED (exit $status) after $((SECONDS - stages_stage_started)) s" >&2
  fi
}
