#!/usr/bin/env bash
# Fuzzes the JSON API with Schemathesis against its own OpenAPI document: a debug build of
# `respect serve` on a free loopback port with a fresh data folder, an admin and a provider (with
# one submission, so ids exist), then `st run` as each of them, bounded in examples and time.
# Fails on any 5xx and on any answer the document does not describe (status, content type, body).
# The server is stopped and the data folder removed on every exit.
#   MAX_EXAMPLES=25 MAX_TIME=40 scripts/api-fuzz.sh      (BIN=path/to/respect skips the build)
set -euo pipefail
cd "$(dirname "$0")/.."
MAX_EXAMPLES="${MAX_EXAMPLES:-25}"; MAX_TIME="${MAX_TIME:-40}"; SEED="${SEED:-15}"
VENV=.build/schemathesis-venv
[ -x "$VENV/bin/st" ] || { echo "api-fuzz: Schemathesis missing; run scripts/install-deps --test" >&2; exit 69; }
if [ -z "${BIN:-}" ]; then
  swift build --product respect >/dev/null && swift build --product respect-server >/dev/null
  BIN=$(swift build --show-bin-path)/respect
fi
DATA=$(mktemp -d); SERVER=""
cleanup() { [ -n "$SERVER" ] && kill "$SERVER" 2>/dev/null && wait "$SERVER" 2>/dev/null; rm -rf "$DATA"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
"$BIN" organisations add 1190003 --name "Eastfield Men's Programme" --kind provider --data "$DATA" >/dev/null
printf '%s\n' 'fuzzing passphrase' | "$BIN" users add admin@example.org --role admin --password-stdin --data "$DATA" >/dev/null
printf '%s\n' 'fuzzing passphrase' | "$BIN" users add quality@eastfield.example --role provider --organisation 1190003 \
  --password-stdin --data "$DATA" >/dev/null
"$BIN" serve --port 0 --data "$DATA" --standards standards 2>"$DATA/serve.log" & SERVER=$!
PORT=""
for _ in $(seq 1 300); do
  PORT=$(grep -o 'serving http://127.0.0.1:[0-9]*' "$DATA/serve.log" | grep -o '[0-9]*$' || true)
  [ -n "$PORT" ] && break
  kill -0 "$SERVER" 2>/dev/null || { cat "$DATA/serve.log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$PORT" ] || { echo "api-fuzz: the server did not start" >&2; exit 1; }
BASE="http://127.0.0.1:$PORT"
token() { curl -sf -u "$1:fuzzing passphrase" -X POST "$BASE/api/v1/tokens" | jq -r .token; }
ADMIN=$(token admin@example.org); PROVIDER=$(token quality@eastfield.example)
curl -sf -H "Authorization: Bearer $PROVIDER" --data-binary @examples/submissions/not-yet.xml \
  "$BASE/api/v1/submissions?name=not-yet.xml" >/dev/null
status=0
for who in admin provider; do
  [ "$who" = admin ] && TOKEN=$ADMIN || TOKEN=$PROVIDER
  echo "api-fuzz: as the $who, at most $MAX_EXAMPLES examples per operation, $MAX_TIME s"
  # From the data folder, so Schemathesis's own cache goes with it.
  (cd "$DATA" && "$OLDPWD/$VENV/bin/st" run "$BASE/openapi.json" --url "$BASE" -H "Authorization: Bearer $TOKEN" \
    --checks not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance \
    --max-examples "$MAX_EXAMPLES" --max-time "$MAX_TIME" --seed "$SEED" --request-timeout 20 --workers 1 \
    --phases examples,coverage,fuzzing --suppress-health-check all --no-color) || status=$?
done
kill -0 "$SERVER" 2>/dev/null || { echo "api-fuzz: the server died" >&2; cat "$DATA/serve.log" >&2; exit 1; }
[ "$status" -eq 0 ] && echo "api-fuzz: no 5xx, every answer as the OpenAPI document describes"
exit "$status"
