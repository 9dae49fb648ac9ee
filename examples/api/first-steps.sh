#!/usr/bin/env bash
# The first steps with the JSON API of `respect serve`, with curl and jq. Start the service from
# the repository's root first (`swift build && swift run respect serve`), then run this from the
# same folder: it uses the same data folder (./respect-data) to create the first admin.
#
#   RESPECT_URL   the service (default http://127.0.0.1:8080)
#   RESPECT       how to run the command line (default: swift run -q respect)
#   RESPECT_DATA  the data folder the service uses (default ./respect-data)
set -euo pipefail
URL="${RESPECT_URL:-http://127.0.0.1:8080}"
RESPECT="${RESPECT:-swift run -q respect}"
DATA="${RESPECT_DATA:-./respect-data}"
cd "$(dirname "$0")/../.."

# 1. The first admin, at the command line of the machine holding the data (password on stdin).
printf '%s\n' 'first admin passphrase' | $RESPECT users add admin@example.org --role admin --password-stdin --data "$DATA"

# 2. The admin signs in for a bearer token (HTTP Basic email:password; failed tries are throttled).
ADMIN=$(curl -sf -u 'admin@example.org:first admin passphrase' -X POST "$URL/api/v1/tokens" | jq -r .token)

# 3. The admin adds a provider organisation (by its charity number) and one of its users.
curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"registeredNumber": "1190003", "name": "Eastfield Men'"'"'s Programme", "kind": "provider"}' \
  "$URL/api/v1/organisations" | jq -c .
curl -sf -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d '{"email": "quality@eastfield.example", "role": "provider", "organisation": "1190003", "password": "provider passphrase"}' \
  "$URL/api/v1/users" | jq -c '{id, email, role, organisation}'

# 4. The provider signs in, and uploads its evidence pack as a submission (version 1).
TOKEN=$(curl -sf -u 'quality@eastfield.example:provider passphrase' -X POST "$URL/api/v1/tokens" | jq -r .token)
SUBMISSION=$(curl -sf -H "Authorization: Bearer $TOKEN" --data-binary @examples/submissions/not-yet.xml \
  "$URL/api/v1/submissions?name=not-yet.xml&title=2026%20self-assessment" | jq -r .submission.id)
echo "submission $SUBMISSION"

# 5. Its result: the same JSON as `respect check --format json` (with any assessor findings applied).
curl -sf -H "Authorization: Bearer $TOKEN" "$URL/api/v1/submissions/$SUBMISSION/versions/1/result" \
  | jq -c '{outcome: .outcome.verdict, rule: .outcome.label, missing: (.missingEvidence | length)}'

# 6. A quick check of a file without keeping it as a version: the JSON, and a link to its HTML report.
curl -sf -D /dev/stderr -o /dev/null -H "Authorization: Bearer $TOKEN" --data-binary @examples/submissions/not-yet.xml \
  "$URL/api/v1/check?name=not-yet.xml" 2>&1 | grep -i '^link:'

# 7. Submit version 1 for assessment: it is frozen, and assessors now see it.
curl -sf -H "Authorization: Bearer $TOKEN" -X POST "$URL/api/v1/submissions/$SUBMISSION/versions/1/submit" | jq -c '{number, state}'
