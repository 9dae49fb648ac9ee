#!/usr/bin/env bash
# Peak memory of the heaviest legal submission, a benchmark (not a test): a release build reads
# a file just under the default limits (32 MiB, 19,900 evidence items with long titles) in
# `respect check`, a file of the same size with far too many evidence items (refused while
# parsing), `respect serve` handling four such uploads at once, then twelve (it holds four and
# answers the rest 503 at once), and then the same server giving the results of eight stored
# versions of that size, each a different file, one after another (the pages' assessment cache
# must not keep them all). Prints each peak RSS
# (VmHWM / time -v) against its bound: check below 100 MB, the server below 500 MB.
#   scripts/memory.sh            (BIN=path/to/respect to use another build)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.build/release/respect}"
{ [ -x "$BIN" ] && [ -x "$(dirname "$BIN")/respect-server" ]; } || scripts/build-release
WORK=$(mktemp -d); SERVER=""
trap '[ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null; rm -rf "$WORK"' EXIT
python3 scripts/heavy-submission.py "$WORK/heavy.xml"
python3 scripts/heavy-submission.py "$WORK/over.xml" --items 110000 --title-chars 20
status=0
peak() { # LABEL BOUND_MB CMD...: runs CMD, prints its peak RSS against BOUND_MB
  local label="$1" bound="$2"; shift 2
  local kb code=0
  /usr/bin/time -f '%M' -o "$WORK/time" "$@" >/dev/null 2>"$WORK/err" || code=$?
  kb=$(tail -1 "$WORK/time")
  printf '%-58s peak %4d MB (bound %d MB), exit %d\n' "$label" $((kb / 1024)) "$bound" "$code"
  [ $((kb / 1024)) -lt "$bound" ] || status=1
}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -g | awk '/Mem:/ {print $2}') GB"
printf 'heaviest legal file: %s bytes\n' "$(stat -c %s "$WORK/heavy.xml")"
peak "check, heaviest legal file (19,900 items)" 100 "$BIN" check "$WORK/heavy.xml"
peak "check, 110,000 items (refused while parsing)" 100 "$BIN" check "$WORK/over.xml"
peak "validate, heaviest legal file" 100 "$BIN" validate "$WORK/heavy.xml"

PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
printf '%s\n' 'memory passphrase' | "$BIN" users add memory@example.org --role assessor --password-stdin --data "$WORK/data" >/dev/null
"$BIN" organisations add 1999999 --name "Heavy File Benchmark" --kind provider --data "$WORK/data" >/dev/null
printf '%s\n' 'memory passphrase' | "$BIN" users add provider@example.org --role provider --organisation 1999999 \
  --password-stdin --data "$WORK/data" >/dev/null
"$BIN" serve --port "$PORT" --data "$WORK/data" 2>"$WORK/serve.log" & SERVER=$!
until curl -sf "http://127.0.0.1:$PORT/health" >/dev/null; do sleep 0.05; done
TOKEN=$(curl -sf -u 'memory@example.org:memory passphrase' -X POST "http://127.0.0.1:$PORT/api/v1/tokens" | jq -r .token)
for round in 1 2; do
  uploads=()
  for n in 1 2 3 4; do
    curl -s -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/heavy.xml" \
      "http://127.0.0.1:$PORT/api/v1/check?name=heavy-$n.xml" > "$WORK/code-$round-$n" & uploads+=($!)
  done
  wait "${uploads[@]}"
done
codes=$(cat "$WORK"/code-* | sort | uniq -c | xargs)
kb=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status")
printf '%-58s peak %4d MB (bound 500 MB), answers: %s\n' "serve, 2 x 4 heaviest uploads at once" $((kb / 1024)) "$codes"
[ $((kb / 1024)) -lt 500 ] || status=1

# Twelve at once: the server holds four of the largest uploads (--upload-memory's default) and
# answers the others 503 (busy) at once, so its memory does not grow with the number sent.
uploads=()
for n in $(seq 1 12); do
  curl -s -o /dev/null -w "%{http_code}\n" -H "Authorization: Bearer $TOKEN" --data-binary @"$WORK/heavy.xml" \
    "http://127.0.0.1:$PORT/api/v1/check?name=heavy-many-$n.xml" > "$WORK/many-$n" & uploads+=($!)
done
wait "${uploads[@]}"
codes=$(cat "$WORK"/many-* | sort | uniq -c | xargs)
kb=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status")
printf '%-58s peak %4d MB (bound 500 MB), answers: %s\n' "serve, 12 heaviest uploads at once" $((kb / 1024)) "$codes"
[ $((kb / 1024)) -lt 500 ] || status=1
grep -q 503 "$WORK"/many-* || { echo "  expected some uploads answered 503 (busy)"; status=1; }

# Eight stored versions of the heaviest size, each a different file, and each one's result read.
PROVIDER=$(curl -sf -u 'provider@example.org:memory passphrase' -X POST "http://127.0.0.1:$PORT/api/v1/tokens" | jq -r .token)
codes=""
for n in 1 2 3 4 5 6 7 8; do
  sed "s|<provider |<!-- copy $n --><provider |" "$WORK/heavy.xml" > "$WORK/copy.xml"
  id=$(curl -sf -H "Authorization: Bearer $PROVIDER" --data-binary @"$WORK/copy.xml" \
    "http://127.0.0.1:$PORT/api/v1/submissions?name=heavy-$n.xml" | jq -r .submission.id)
  codes+="$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $PROVIDER" \
    "http://127.0.0.1:$PORT/api/v1/submissions/$id/versions/1/result") "
done
kb=$(awk '/VmHWM/ {print $2}' "/proc/$SERVER/status")
rss=$(awk '/VmRSS/ {print $2}' "/proc/$SERVER/status")
printf '%-58s peak %4d MB (bound 500 MB), %d MB after; answers: %s\n' "serve, then 8 heaviest stored versions' results" \
  $((kb / 1024)) $((rss / 1024)) "$(printf '%s\n' $codes | sort | uniq -c | xargs)"
[ $((kb / 1024)) -lt 500 ] || status=1
exit $status
