#!/usr/bin/env bash
# The service under load: a benchmark, not a test. Builds the release binary, starts
# `respect serve` on a free loopback port over a fresh store, and measures with wrk (loopback
# only; every phase bounded in time):
#
#   check   POST /api/v1/check with FILE (default examples/submissions/working-towards.xml) at
#           CONNECTIONS (32) for CHECK_SECONDS (30), beside the same-run figure of
#           `xmllint --noout --schema` validating FILE repeated XMLLINT_FILES (300) times in one
#           process (files/s), so the server's figure reads as a ratio on any machine, and of
#           the engine alone (`respect batch` on as many copies, every core: no plan, no JSON,
#           no HTTP), which shows how much of that budget reading and evaluating already take;
#   pages   the provider's dashboard as a signed-in provider (a session cookie) for PAGE_SECONDS
#           (20): GET /self-assessments/ID where the build has the provider pages, else GET /home;
#   round   ROUND (1,000) generated submissions uploaded and submitted through the API, then
#           scored as one round (POST /api/v1/rounds) while wrk reads that page as the provider;
#   soak    about SOAK (100,000) checks in ten equal parts (each as long as the check phase's
#           rate needs for a tenth), with the server's resident memory after the first and after
#           the last part (flat: within 10%).
#
# Each phase prints requests/s, median and p99 latency, errors (non-2xx answers and socket
# errors) and the server's peak resident memory during the phase (VmHWM, reset before it), with
# the machine's load average. Targets on a 2-core machine: check ≥ 1.0× xmllint's files/s with
# p99 < 100 ms; pages ≥ 1,000/s; zero errors; memory flat over the soak.
#
#   scripts/load.sh [sqlite|postgres|all]       (default all)
#   CHECK_SECONDS=10 PAGE_SECONDS=5 ROUND=200 SOAK=20000 scripts/load.sh sqlite    # a shorter run
#
# The PostgreSQL leg runs the same phases through scripts/with-postgres (a throwaway PostgreSQL
# on loopback). Needs wrk, curl, jq and xmllint (scripts/install-deps --load installs them).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)

LEG="${1:-all}"
FILE="${FILE:-examples/submissions/working-towards.xml}"
CONNECTIONS="${CONNECTIONS:-32}"
THREADS="${THREADS:-2}"
CHECK_SECONDS="${CHECK_SECONDS:-30}"
PAGE_SECONDS="${PAGE_SECONDS:-20}"
XMLLINT_FILES="${XMLLINT_FILES:-300}"
ROUND="${ROUND:-1000}"
ROUND_SECONDS="${ROUND_SECONDS:-600}"   # the most the round phase may take
SOAK="${SOAK:-100000}"
SOAK_PART_SECONDS="${SOAK_PART_SECONDS:-300}"   # the most one tenth of the soak may take
BIN="${BIN:-.build/release/respect}"
OUT="${OUT:-.build/load}"

case "$LEG" in
  sqlite|postgres|all|postgres-inner) ;;
  *) echo "usage: scripts/load.sh [sqlite|postgres|all]" >&2; exit 64 ;;
esac
for tool in wrk curl jq xmllint; do
  command -v "$tool" >/dev/null 2>&1 || scripts/install-deps --load
done
mkdir -p "$OUT"

machine() {
  local cpu
  cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
  echo "machine: $(nproc) cores ($cpu), $(awk '/MemTotal/ { printf "%.1f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)"
}
load_average() { cut -d' ' -f1-3 /proc/loadavg; }

# --- the server -----------------------------------------------------------------------------
PORT=""; SERVER=""; WORK=""
start_server() {  # start_server DATA [--database URL]
  local data="$1"; shift
  "$BIN" serve --port 0 --data "$data" "$@" 2>"$WORK/serve.log" &
  SERVER=$!
  for _ in $(seq 1 600); do
    PORT=$(grep -o '127\.0\.0\.1:[0-9]*' "$WORK/serve.log" | head -1 | cut -d: -f2 || true)
    [ -n "$PORT" ] && curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && return 0
    kill -0 "$SERVER" 2>/dev/null || { cat "$WORK/serve.log" >&2; return 1; }
    sleep 0.05
  done
  echo "load: the server did not start" >&2; return 1
}
stop_server() {
  [ -n "$SERVER" ] || return 0
  kill -INT "$SERVER" 2>/dev/null || true
  wait "$SERVER" 2>/dev/null || true
  SERVER=""
}
reset_peak() { echo 5 > "/proc/$SERVER/clear_refs" 2>/dev/null || true; }   # VmHWM starts again from VmRSS
memory() { awk -v key="$1:" '$1 == key { printf "%.1f", $2 / 1024 }' "/proc/$SERVER/status"; }   # MB

# --- wrk ------------------------------------------------------------------------------------
# Lua for wrk: the method, headers and body; STOP_AFTER responses per thread, or until the file
# STOP_FILE exists (checked every 50 responses), stop the thread.
wrk_script() {  # wrk_script OUT METHOD BODYFILE|"" HEADER...
  local out="$1" method="$2" body="$3"; shift 3
  {
    echo "wrk.method = \"$method\""
    for header in "$@"; do
      echo "wrk.headers[\"${header%%:*}\"] = \"$(printf '%s' "${header#*: }" | sed 's/"/\\"/g')\""
    done
    [ -z "$body" ] || echo "local f = io.open(\"$body\", \"rb\"); wrk.body = f:read(\"*a\"); f:close()"
    cat <<'LUA'
local stopAfter = tonumber(os.getenv("STOP_AFTER") or "")
local stopFile = os.getenv("STOP_FILE")
if stopAfter or stopFile then
  local seen = 0
  function response(status, headers, body)
    seen = seen + 1
    if stopAfter and seen >= stopAfter then wrk.thread:stop() end
    if stopFile and seen % 50 == 0 then
      local f = io.open(stopFile, "r")
      if f then f:close(); wrk.thread:stop() end
    end
  end
end
LUA
  } > "$out"
}

# Runs wrk and prints one line: requests/s, median, p99, errors. wrk's own output is kept in $WORK.
run_wrk() {  # run_wrk NAME SECONDS SCRIPT URL
  local name="$1" seconds="$2" script="$3" url="$4" log="$WORK/wrk-$1.txt"
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency -s "$script" "$url" > "$log"
  summarise_wrk "$log"
}
summarise_wrk() {
  awk '
    function ms(v) { if (v ~ /us$/) return v / 1000; if (v ~ /ms$/) return v + 0; if (v ~ /m$/) return v * 60000; return v * 1000 }
    / requests in / { requests = $1 }
    /Requests\/sec/ { rate = $2 }
    $1 == "50%" { p50 = ms($2) } $1 == "99%" { p99 = ms($2) }
    /Non-2xx/ { errors += $NF }
    /Socket errors/ { for (i = 1; i <= NF; i++) if ($i ~ /^[0-9]+,?$/) errors += $i }
    END { printf "%d requests, %.1f requests/s, median %.1f ms, p99 %.1f ms, errors %d", requests, rate, p50, p99, errors }
  ' "$1"
}

# --- accounts and data ----------------------------------------------------------------------
PASSWORD="load test passphrase"
add_accounts() {  # add_accounts DATA-OPTIONS...
  "$BIN" organisations add 1190002 --name "Brookfield Safer Relationships" --kind provider "$@" >/dev/null
  "$BIN" organisations add 1190099 --name "Round Test Provider" --kind provider "$@" >/dev/null
  printf '%s\n' "$PASSWORD" | "$BIN" users add reader@brookfield.example --role provider --organisation 1190002 --password-stdin "$@" >/dev/null
  printf '%s\n' "$PASSWORD" | "$BIN" users add round@provider.example --role provider --organisation 1190099 --password-stdin "$@" >/dev/null
  printf '%s\n' "$PASSWORD" | "$BIN" users add assessor@respect.example --role assessor --password-stdin "$@" >/dev/null
}
token() { curl -sf -u "$1:$PASSWORD" -X POST "http://127.0.0.1:$PORT/api/v1/tokens" | jq -r .token; }

# A session cookie for EMAIL, through the sign-in form (its CSRF token is in the sign-in cookie).
session_cookie() {
  local form csrf answer
  form=$(curl -sf -D - -o /dev/null "http://127.0.0.1:$PORT/sign-in")
  csrf=$(printf '%s' "$form" | tr -d '\r' | grep -i '^set-cookie: respect_sign_in=' | sed 's/^[^=]*=//; s/;.*//')
  answer=$(curl -s -D - -o /dev/null -H "Cookie: respect_sign_in=$csrf" \
    --data-urlencode "csrf=$csrf" --data-urlencode "email=$1" --data-urlencode "password=$PASSWORD" \
    "http://127.0.0.1:$PORT/sign-in")
  printf '%s' "$answer" | tr -d '\r' | grep -i '^set-cookie: respect_session=' | sed 's/^[^=]*=//; s/;.*//'
}

# The page a provider reads most: the dashboard of a self-assessment (/self-assessments/ID, where
# this build has the provider pages), else the signed-in home page (/home).
dashboard() {  # dashboard COOKIE SUBMISSION-ID
  if [ "$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: respect_session=$1" \
          "http://127.0.0.1:$PORT/self-assessments/$2")" = 200 ]; then
    echo "/self-assessments/$2"
  else
    echo /home
  fi
}

# Uploads FILE as a new submission with TOKEN; prints the submission's id. With "submit", also
# submits its first version for assessment.
upload() {  # upload TOKEN FILE [submit]
  local id
  id=$(curl -sf -H "Authorization: Bearer $1" --data-binary @"$2" \
    "http://127.0.0.1:$PORT/api/v1/submissions?name=$(basename "$2")" | jq -r .submission.id)
  [ -n "$id" ] && [ "$id" != null ] || { echo "load: could not upload $2" >&2; return 1; }
  if [ "${3:-}" = submit ]; then
    curl -sf -X POST -H "Authorization: Bearer $1" "http://127.0.0.1:$PORT/api/v1/submissions/$id/versions/1/submit" >/dev/null
  fi
  echo "$id"
}

# A copy of FILE whose provider is the organisation NUMBER.
as_organisation() {  # as_organisation FILE NUMBER OUT
  sed -E 's/ (charityNumber|companyNumber)="[^"]*"//g; s/<provider /<provider charityNumber="'"$2"'" /' "$1" > "$3"
}

# --- xmllint's same-run figure --------------------------------------------------------------
xmllint_rate() {
  local files=() start end
  for _ in $(seq 1 "$XMLLINT_FILES"); do files+=("$FILE"); done
  start=$(date +%s%N)
  xmllint --noout --schema standards/schema/submission-v1.xsd "${files[@]}" 2>/dev/null
  end=$(date +%s%N)
  awk -v n="$XMLLINT_FILES" -v ns=$((end - start)) 'BEGIN { printf "%.1f", n / (ns / 1e9) }'
}

# --- the engine's same-run figure -----------------------------------------------------------
# `respect batch` scoring the same XMLLINT_FILES copies of FILE on every core: read, validate
# and evaluate, with no path to the next verdict, no JSON answer, no HTTP and no store. It shows
# how much of the check's CPU budget the engine alone takes (files/s; empty if batch failed).
engine_rate() {
  local dir="$WORK/engine" start end
  mkdir -p "$dir"
  for index in $(seq 1 "$XMLLINT_FILES"); do cp "$FILE" "$dir/$index.xml"; done
  start=$(date +%s%N)
  "$BIN" batch "$dir" >/dev/null 2>"$WORK/engine.log" || { rm -rf "$dir"; return 0; }
  end=$(date +%s%N)
  rm -rf "$dir"
  awk -v n="$XMLLINT_FILES" -v ns=$((end - start)) 'BEGIN { printf "%.1f", n / (ns / 1e9) }'
}

# --- one leg --------------------------------------------------------------------------------
run_leg() {  # run_leg NAME [--database URL]
  local name="$1"; shift
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/respect-load.XXXXXX")
  trap 'stop_server; rm -rf "$WORK"' EXIT
  local data="$WORK/data" results="$OUT/$name.txt"
  add_accounts --data "$data" "$@"
  start_server "$data" "$@"
  local url="http://127.0.0.1:$PORT"
  {
    echo "== $name: $(date -u +%Y-%m-%dT%H:%MZ), release build, $(git rev-parse --short HEAD 2>/dev/null || echo '?')"
    machine
  } | tee "$results"

  # check
  local reader_token
  reader_token=$(token reader@brookfield.example)
  wrk_script "$WORK/check.lua" POST "$ROOT/$FILE" "Authorization: Bearer $reader_token"
  wrk -t1 -c4 -d3s -s "$WORK/check.lua" "$url/api/v1/check?name=warm-up.xml" >/dev/null   # warm-up
  local before xmllint engine check
  before=$(load_average)
  xmllint=$(xmllint_rate)
  engine=$(engine_rate)
  reset_peak
  check=$(run_wrk check "$CHECK_SECONDS" "$WORK/check.lua" "$url/api/v1/check?name=$(basename "$FILE")")
  local rate; rate=$(awk '/Requests\/sec/ { print $2 }' "$WORK/wrk-check.txt")
  {
    echo "check   POST /api/v1/check $FILE, $CONNECTIONS connections, ${CHECK_SECONDS} s: $check;" \
         "peak RSS $(memory VmHWM) MB; load average $before → $(load_average)"
    echo "        xmllint --noout --schema, $XMLLINT_FILES × the same file in one process: $xmllint files/s;" \
         "ratio $(awk -v a="$rate" -v b="$xmllint" 'BEGIN { printf "%.2f", a / b }')× (target ≥ 1.0, p99 < 100 ms)"
    if [ -n "$engine" ]; then
      echo "        the engine alone (respect batch, the same $XMLLINT_FILES files on $(nproc) cores: read, validate, evaluate;" \
           "no plan, no JSON, no HTTP, no store): $engine files/s, $(awk -v a="$engine" -v b="$xmllint" 'BEGIN { printf "%.2f", a / b }')× xmllint"
    else
      echo "        the engine alone: respect batch failed ($(head -c 300 "$WORK/engine.log"))"
    fi
  } | tee -a "$results"

  # pages
  local dashboard_id=""
  for example in achieved not-yet working-towards; do
    as_organisation "examples/submissions/$example.xml" 1190002 "$WORK/$example.xml"
    dashboard_id=$(upload "$reader_token" "$WORK/$example.xml")
  done
  local cookie page
  cookie=$(session_cookie reader@brookfield.example)
  [ -n "$cookie" ] || { echo "load: could not sign in" >&2; return 1; }
  page=$(dashboard "$cookie" "$dashboard_id")
  wrk_script "$WORK/home.lua" GET "" "Cookie: respect_session=$cookie"
  STOP_AFTER=200 wrk -t1 -c4 -d5s -s "$WORK/home.lua" "$url$page" >/dev/null   # warm-up
  before=$(load_average)
  reset_peak
  echo "pages   GET $page as a signed-in provider, $CONNECTIONS connections, ${PAGE_SECONDS} s:" \
       "$(run_wrk pages "$PAGE_SECONDS" "$WORK/home.lua" "$url$page"); peak RSS $(memory VmHWM) MB;" \
       "load average $before → $(load_average) (target ≥ 1,000/s)" | tee -a "$results"

  # round, with pages read meanwhile
  if [ "$ROUND" -gt 0 ]; then
    "$BIN" generate --count "$ROUND" --seed 1 "$WORK/corpus" >/dev/null
    local round_token assessor_token versions="" count=0 started
    round_token=$(token round@provider.example)
    assessor_token=$(token assessor@respect.example)
    started=$(date +%s%N)
    for path in "$WORK"/corpus/*.xml; do
      as_organisation "$path" 1190099 "$WORK/upload.xml"
      versions+="${versions:+,}{\"submission\":$(upload "$round_token" "$WORK/upload.xml" submit),\"version\":1}"
      count=$((count + 1))
    done
    local uploads_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    echo "{\"name\":\"load test round\",\"versions\":[$versions]}" > "$WORK/round.json"
    before=$(load_average)
    reset_peak
    rm -f "$WORK/round-done"
    STOP_FILE="$WORK/round-done" wrk -t"$THREADS" -c"$CONNECTIONS" -d"${ROUND_SECONDS}s" --timeout 10s --latency \
      -s "$WORK/home.lua" "$url$page" > "$WORK/wrk-round-pages.txt" &
    local reader=$!
    started=$(date +%s%N)
    local status
    status=$(curl -s -o "$WORK/round-answer.json" -w '%{http_code}' --max-time "$ROUND_SECONDS" \
      -H "Authorization: Bearer $assessor_token" -H 'Content-Type: application/json' \
      --data-binary @"$WORK/round.json" "$url/api/v1/rounds" || true)
    local round_ms=$(( ($(date +%s%N) - started) / 1000000 ))
    touch "$WORK/round-done"
    # wrk's threads stop at the file, but its main thread sleeps out -d; SIGINT ends that sleep
    # and wrk prints its summary for the time it really ran.
    sleep 1; kill -INT "$reader" 2>/dev/null || true
    wait "$reader" || true
    local scored
    scored=$(jq '[.entries[] | select(.run != null)] | length' "$WORK/round-answer.json" 2>/dev/null || echo 0)
    {
      echo "round   $count generated submissions uploaded and submitted in $((uploads_ms / 1000)) s; scored as one round:" \
           "HTTP $status, $scored runs recorded in $(awk -v ms="$round_ms" 'BEGIN { printf "%.1f", ms / 1000 }') s" \
           "($(awk -v n="$scored" -v ms="$round_ms" 'BEGIN { printf "%.0f", n / (ms / 1000) }') submissions/s)"
      echo "        GET $page meanwhile: $(summarise_wrk "$WORK/wrk-round-pages.txt"); peak RSS $(memory VmHWM) MB;" \
           "load average $before → $(load_average)"
    } | tee -a "$results"
  fi

  # soak
  if [ "$SOAK" -gt 0 ]; then
    local part=$((SOAK / 10)) first="" last="" errors=0 line seconds done_requests=0
    # Each tenth runs for the time the check phase's rate needs for SOAK/10 requests (wrk cannot
    # stop at a count: its main thread sleeps out -d), at most SOAK_PART_SECONDS.
    seconds=$(awk -v n="$part" -v r="$rate" -v most="$SOAK_PART_SECONDS" \
      'BEGIN { s = (r > 0) ? int(n / r) + 1 : most; if (s > most) s = most; if (s < 2) s = 2; print s }')
    before=$(load_average)
    reset_peak
    for index in $(seq 1 10); do
      wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --timeout 10s --latency \
        -s "$WORK/check.lua" "$url/api/v1/check?name=soak.xml" > "$WORK/wrk-soak-$index.txt"
      done_requests=$((done_requests + $(awk '/requests in/ { print $1 }' "$WORK/wrk-soak-$index.txt")))
      line=$(summarise_wrk "$WORK/wrk-soak-$index.txt")
      errors=$((errors + $(printf '%s' "$line" | sed 's/.*errors //')))
      [ "$index" -eq 1 ] && first=$(memory VmRSS)
      last=$(memory VmRSS)
      echo "        soak part $index: $line; RSS $last MB"
    done
    echo "soak    $done_requests checks in ten parts of ${seconds} s: RSS $first MB after the first tenth, $last MB after the last" \
         "($(awk -v a="$first" -v b="$last" 'BEGIN { printf "%+.1f%%", (b - a) / a * 100 }'); target within 10%);" \
         "errors $errors; peak RSS $(memory VmHWM) MB; load average $before → $(load_average)" | tee -a "$results"
  fi
  stop_server
  echo "(wrk's full output: $WORK is removed; the summary is in $results)"
  rm -rf "$WORK"
  trap - EXIT
}

postgres_leg() {
  scripts/with-postgres bash -c 'exec "$0" postgres-inner' "$0"
}

if [ "$LEG" != postgres-inner ]; then
  echo "load: building the release binary" >&2
  scripts/build-release >&2
fi
case "$LEG" in
  sqlite) run_leg sqlite ;;
  postgres) postgres_leg ;;
  postgres-inner) run_leg postgres --database "$RESPECT_DATABASE_URL" ;;
  all) run_leg sqlite; postgres_leg ;;
esac
