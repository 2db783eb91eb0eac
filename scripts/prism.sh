#!/usr/bin/env bash
# Starts Prism (pinned; installed on first use into target/tools with npm) as a validating mock
# of spec/resume_dunning.yaml on 127.0.0.1, waits until it answers, and prints its URL.
# Usage: url=$(scripts/prism.sh start) ... scripts/prism.sh stop
set -euo pipefail
cd "$(dirname "$0")/.."

version="5.14.2"
dir="target/tools/prism-$version"
pid_file="target/tools/prism.pid"
log="target/tools/prism.log"

case "${1:-}" in
  start)
    if [ ! -x "$dir/node_modules/.bin/prism" ]; then
      echo "installing @stoplight/prism-cli $version into $dir" >&2
      mkdir -p "$dir"
      npm install --prefix "$dir" --no-audit --no-fund --silent "@stoplight/prism-cli@$version" >&2
    fi
    port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
    "$dir/node_modules/.bin/prism" mock spec/resume_dunning.yaml -h 127.0.0.1 -p "$port" > "$log" 2>&1 &
    echo $! > "$pid_file"
    for _ in $(seq 1 120); do
      if grep -q "Prism is listening" "$log"; then
        echo "http://127.0.0.1:$port"
        exit 0
      fi
      if ! kill -0 "$(cat "$pid_file")" 2>/dev/null; then
        cat "$log" >&2
        exit 1
      fi
      sleep 0.5
    done
    echo "Prism did not start within 60 s; its log:" >&2
    cat "$log" >&2
    exit 1
    ;;
  stop)
    if [ -f "$pid_file" ]; then
      kill "$(cat "$pid_file")" 2>/dev/null || true
      rm -f "$pid_file"
    fi
    ;;
  *)
    echo "usage: scripts/prism.sh start|stop" >&2
    exit 2
    ;;
esac
