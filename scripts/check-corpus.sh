#!/usr/bin/env bash
# Checks a generated corpus end to end: `respect generate` writes COUNT files (default 300,
# seed SEED, default 1), xmllint validates every one against standards/schema/submission-v1.xsd,
# and `respect batch` must give each file the verdict named in its header comment.
#   scripts/check-corpus.sh            # 300 files
#   COUNT=2000 SEED=7 scripts/check-corpus.sh
# Needs xmllint (libxml2-utils) and python3. Uses the debug build unless RESPECT=path/to/respect is set.
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-300}
SEED=${SEED:-1}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [ -z "${RESPECT:-}" ]; then
    swift build --product respect 2>&1 | tail -n 1
    RESPECT=.build/debug/respect
fi

"$RESPECT" generate --count "$COUNT" --seed "$SEED" "$WORK/corpus"
find "$WORK/corpus" -name '*.xml' | sort > "$WORK/files.txt"

invalid=$(xargs -a "$WORK/files.txt" xmllint --noout --schema standards/schema/submission-v1.xsd 2>&1 | grep -c "fails to validate" || true)
echo "xmllint: $(wc -l < "$WORK/files.txt") files, $invalid failing the XSD"

"$RESPECT" batch "$WORK/corpus" --csv "$WORK/round.csv" | sed -n 1,4p
# The header comment of each file names the verdict it was built for; the CSV's second and third
# columns are the file and its outcome (read with Python's csv module: RFC 4180 quoting).
mismatches=0
while IFS=$'\t' read -r file outcome; do
    intended=$(sed -n "s/.*built to receive the verdict '\([a-z-]*\)'.*/\1/p" "$file" | head -n 1)
    if [ "$intended" != "$outcome" ]; then
        echo "MISMATCH: $file was built for $intended, scored $outcome"
        mismatches=$((mismatches + 1))
    fi
done < <(python3 -c 'import csv, sys
rows = csv.reader(open(sys.argv[1], newline="", encoding="utf-8-sig"))
next(rows)
for row in rows: print(row[1] + "\t" + row[2])' "$WORK/round.csv")
echo "verdicts different from the intended one: $mismatches"
[ "$invalid" = 0 ] && [ "$mismatches" = 0 ]
