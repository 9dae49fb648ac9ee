#!/usr/bin/env bash
# A/B of the server's check throughput: two builds of `respect` (each with its `respect-server`
# beside it) take turns, ROUNDS times, each on a fresh data folder, while wrk sends POST
# /api/v1/check with FILE at CONNECTIONS connections for SECONDS. A benchmark, not a test.
# On a machine whose speed drifts (the reference VM's does, by a third within an hour), only
# interleaved runs like these show what a change did; one run each does not.
#   scripts/ab-check.sh OLD_BIN NEW_BIN      e.g. /tmp/old/.build/release/respect .build/release/respect
#   ROUNDS=4 SECONDS_RUN=15 CONNECTIONS=32 FILE=examples/submissions/working-towards.xml
# Prints, per round and build: answers a second, median and p99 latency, and non-2xx answers.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: scripts/ab-check.sh OLD_BIN NEW_BIN" >&2; exit 64; }
for bin in "$1" "$2"; do
  { [ -x "$bin" ] && [ -x "$(dirname "$bin")/respect-server" ]; } || { echo "ab-check: $bin (with respect-server beside it) not found" >&2; exit 66; }
done
command -v wrk >/dev/null 2>&1 && command -v jq >/dev/null 2>&1 || scripts/install-deps --load
ROUNDS="${ROUNDS:-4}"; SECONDS_RUN="${SECONDS_RUN:-15}"; CONNECTIONS="${CONNECTIONS:-32}"
FILE="${FILE:-examples/submissions/working-towards.xml}"
WORK=$(mktemp -d); SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

one() {  # one BIN LABEL: a fresh store, a server, one wrk run; prints one line
  local bin="$1" label="$2" data="$WORK/data-$2" port token
  rm -rf "$data"; port=$(free_port)
  printf '%s\n' 'a/b passphrase' | "$bin" users add ab@example.org --role assessor --password-stdin --data "$data" >/dev/null
  "$bin" serve --port "$port" --data "$data" 2>"$WORK/serve-$label.log" & SERVER=$!
  until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve-$label.log" >&2; exit 1; }
    sleep 0.05
  done
  token=$(curl -sf -u 'ab@example.org:a/b passphrase' -X POST "http://127.0.0.1:$port/api/v1/tokens" | jq -r .token)
  printf 'wrk.method = "POST"\nwrk.headers["Authorization"] = "Bearer %s"\nlocal f = io.open("%s", "rb")\nwrk.body = f:read("*a")\nf:close()\n' \
    "$token" "$FILE" > "$WORK/post.lua"
  wrk -t2 -c"$CONNECTIONS" -d"${SECONDS_RUN}s" --timeout 10s --latency -s "$WORK/post.lua" \
    "http://127.0.0.1:$port/api/v1/check?name=$(basename "$FILE")" > "$WORK/wrk.txt"
  kill -INT "$SERVER"; wait "$SERVER" 2>/dev/null || true; SERVER=""
  awk -v label="$label" '/Requests\/sec/ { rate = $2 } / 50%/ { p50 = $2 } / 99%/ { p99 = $2 } /Non-2xx/ { bad = $NF }
    END { printf "%-4s %8s answers/s, p50 %s, p99 %s, non-2xx %s\n", label, rate, p50, p99, bad + 0 }' "$WORK/wrk.txt"
}

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $FILE, $CONNECTIONS connections, ${SECONDS_RUN} s a run"
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round"
  one "$1" old
  one "$2" new
done
