#!/usr/bin/env bash
# Benchmark: `respect batch` and `respect validate` against xmllint on the same generated corpus.
#
# Builds the release binary, generates COUNT submissions (default 10,000; seed SEED, default 1)
# and uses the first SMALL of them (default 1,000) too, then measures, on the same files, the
# wall time and peak memory (GNU time's maximum resident set size) of:
#   respect batch          on SMALL files and on COUNT files (with --csv, as an assessor runs it)
#   respect validate       on COUNT files, given as arguments as to xmllint
#   xmllint --noout        on COUNT files (parse only)
#   xmllint --noout --schema standards/schema/submission-v1.xsd   on COUNT files
# and prints the ratios batch/xmllint-schema and batch/xmllint-noout. Each figure is the median
# of RUNS runs (default 3). xmllint is single-threaded; `respect batch` uses every core.
# It also checks that xmllint finds every generated file valid against the XSD.
#
# Not part of the tests (no timed tests). Needs xmllint (libxml2-utils) and GNU time (/usr/bin/time).
#   scripts/bench.sh                     # 10,000 files in /tmp/respect-bench
#   COUNT=2000 SMALL=200 RUNS=1 scripts/bench.sh
set -euo pipefail
cd "$(dirname "$0")/.."

COUNT=${COUNT:-10000}
SMALL=${SMALL:-1000}
SEED=${SEED:-1}
RUNS=${RUNS:-3}
WORK=${BENCH_DIR:-/tmp/respect-bench}
SCHEMA=standards/schema/submission-v1.xsd

for tool in xmllint /usr/bin/time; do
    command -v "$tool" > /dev/null || { echo "bench.sh: $tool is needed (apt-get install libxml2-utils time)" >&2; exit 69; }
done

echo "== building release"
scripts/build-release 2>&1 | tail -n 1
BIN=.build/release/respect

echo "== generating $COUNT submissions (seed $SEED) in $WORK"
rm -rf "$WORK"
mkdir -p "$WORK/corpus" "$WORK/small"
"$BIN" generate --count "$COUNT" --seed "$SEED" "$WORK/corpus"
find "$WORK/corpus" -name '*.xml' | sort > "$WORK/files.txt"
# The first SMALL files: hard links, so both runs read the very same bytes.
head -n "$SMALL" "$WORK/files.txt" | xargs -I{} ln {} "$WORK/small/"
echo "corpus: $(wc -l < "$WORK/files.txt") files, $(du -sh "$WORK/corpus" | cut -f1)"
# Warm the page cache so no tool pays for the first read.
xargs -a "$WORK/files.txt" cat > /dev/null

echo "== xmllint --schema check of every generated file"
invalid=$(xargs -a "$WORK/files.txt" xmllint --noout --schema "$SCHEMA" 2>&1 | grep -c "fails to validate" || true)
echo "files failing the XSD: $invalid"
[ "$invalid" = 0 ] || { echo "bench.sh: generated files fail the XSD" >&2; exit 1; }

# measure NAME COMMAND...: runs it RUNS times; records the median wall seconds, CPU seconds
# (user + system) and peak KiB.
declare -A SECONDS_OF MEMORY_OF CPU_OF
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
measure() {
    local name=$1; shift
    local times=() memories=() cpus=()
    for _ in $(seq "$RUNS"); do
        /usr/bin/time -f "%e %M %U %S" -o "$WORK/time.txt" "$@" > "$WORK/stdout.txt" 2> "$WORK/stderr.txt" || {
            echo "bench.sh: '$*' failed:" >&2; tail -n 5 "$WORK/stderr.txt" >&2; exit 1; }
        read -r seconds kib user system < <(tail -n 1 "$WORK/time.txt")
        times+=("$seconds"); memories+=("$kib"); cpus+=("$(awk -v u="$user" -v s="$system" 'BEGIN { print u + s }')")
    done
    SECONDS_OF[$name]=$(printf '%s\n' "${times[@]}" | median)
    MEMORY_OF[$name]=$(printf '%s\n' "${memories[@]}" | median)
    CPU_OF[$name]=$(printf '%s\n' "${cpus[@]}" | median)
    printf '%-28s %8.2f s  %8.1f MiB  cpu %7.2f s  (%s)\n' "$name" "${SECONDS_OF[$name]}" \
        "$(echo "${MEMORY_OF[$name]}" | awk '{print $1/1024}')" "${CPU_OF[$name]}" "$(printf '%s ' "${times[@]}")"
}

cpu_model=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')
echo "== measuring (median of $RUNS; machine: $(nproc) cores, $cpu_model; load: $(cut -d' ' -f1-3 /proc/loadavg))"
measure "batch $SMALL" "$BIN" batch "$WORK/small" --csv "$WORK/small.csv"
measure "batch $COUNT" "$BIN" batch "$WORK/corpus" --csv "$WORK/round.csv"
cp "$WORK/stdout.txt" "$WORK/batch-summary.txt"
# validate takes the files as arguments, as xmllint does (xargs may split them into several runs).
measure "validate $COUNT" xargs -a "$WORK/files.txt" "$BIN" validate
measure "xmllint --noout $COUNT" xargs -a "$WORK/files.txt" xmllint --noout
measure "xmllint --schema $COUNT" xargs -a "$WORK/files.txt" xmllint --noout --schema "$SCHEMA"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
echo "== results"
echo "batch/xmllint-schema time:  $(ratio "${SECONDS_OF[batch $COUNT]}" "${SECONDS_OF[xmllint --schema $COUNT]}")  (target <= 0.60)"
echo "validate/xmllint-schema time: $(ratio "${SECONDS_OF[validate $COUNT]}" "${SECONDS_OF[xmllint --schema $COUNT]}")  (target <= 1.00)"
echo "batch/xmllint-noout time:   $(ratio "${SECONDS_OF[batch $COUNT]}" "${SECONDS_OF[xmllint --noout $COUNT]}")"
echo "batch/xmllint-schema CPU:   $(ratio "${CPU_OF[batch $COUNT]}" "${CPU_OF[xmllint --schema $COUNT]}")  (CPU seconds, all cores)"
echo "batch files/s:              $(awk -v n="$COUNT" -v s="${SECONDS_OF[batch $COUNT]}" 'BEGIN { printf "%.0f", n / s }')"
echo "batch peak memory $COUNT/$SMALL: $(ratio "${MEMORY_OF[batch $COUNT]}" "${MEMORY_OF[batch $SMALL]}")  (target about 1)"
echo "summary of the last batch $COUNT run:"
sed -n '1,5p' "$WORK/batch-summary.txt"
