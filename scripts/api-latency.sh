#!/usr/bin/env bash
# Measures POST /api/v1/check latency (median and p99 over N requests, one at a time) and the
# server's start-up time, on a release build, against a fresh data folder. A benchmark, not a test.
#   N=1000 FILE=examples/submissions/not-yet.xml scripts/api-latency.sh
# With wrk installed, also prints throughput at 32 connections for 10 seconds (CONNECTIONS, SECONDS).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${N:-1000}"; FILE="${FILE:-examples/submissions/not-yet.xml}"; PORT="${PORT:-18481}"
BIN="${BIN:-.build/release/respect}"
{ [ -x "$BIN" ] && [ -x "$(dirname "$BIN")/respect-server" ]; } || scripts/build-release
DATA=$(mktemp -d); trap 'kill "$SERVER" 2>/dev/null || true; rm -rf "$DATA"' EXIT
printf '%s\n' 'benchmark passphrase' | "$BIN" users add bench@example.org --role assessor --password-stdin --data "$DATA" >/dev/null
START=$(date +%s%N)
"$BIN" serve --port "$PORT" --data "$DATA" 2>"$DATA/serve.log" & SERVER=$!
until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do sleep 0.005; done
echo "start-up to first healthy answer: $(( ($(date +%s%N) - START) / 1000000 )) ms ($(grep -o 'ready in [0-9]* ms' "$DATA/serve.log"))"
TOKEN=$(curl -sf -u 'bench@example.org:benchmark passphrase' -X POST "http://127.0.0.1:$PORT/api/v1/tokens" | jq -r .token)
for _ in $(seq 1 "$N"); do
  curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" --data-binary @"$FILE" \
    "http://127.0.0.1:$PORT/api/v1/check?name=$(basename "$FILE")"
done | sort -n | awk '{ t[NR] = $1 * 1000 } END {
  printf "POST /api/v1/check %s: %d requests, median %.1f ms, p99 %.1f ms, max %.1f ms\n", "'"$FILE"'", NR, t[int(NR*0.5)], t[int(NR*0.99)], t[NR] }'
if command -v wrk >/dev/null; then
  LUA="$DATA/post.lua"
  printf 'wrk.method = "POST"\nwrk.headers["Authorization"] = "Bearer %s"\nlocal f = io.open("%s", "rb")\nwrk.body = f:read("*a")\nf:close()\n' "$TOKEN" "$FILE" > "$LUA"
  wrk -t2 -c"${CONNECTIONS:-32}" -d"${SECONDS_RUN:-10}s" --latency -s "$LUA" "http://127.0.0.1:$PORT/api/v1/check?name=$(basename "$FILE")" | grep -E 'Requests/sec|50%|99%|Non-2xx|Socket errors' || true
fi
