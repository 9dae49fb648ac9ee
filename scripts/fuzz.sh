#!/usr/bin/env bash
# Fuzzes the engine's whole input path (hardened XML parse, XSD validation, model builders,
# evaluation, every report) with libFuzzer for SECONDS (default 60).
#
#   scripts/fuzz.sh 600            # ten minutes
#   FUZZ_JOBS=2 scripts/fuzz.sh 600  # two fuzzing processes in parallel
#
# Builds the RespectFuzz target with -sanitize=fuzzer,address in its own build folder
# (.build-fuzz, git-ignored), seeds the corpus from examples/, standards/ and the test fixtures,
# and writes any crashing, hanging or memory-hungry input to .build-fuzz/crashes/. Replay one
# without the sanitizers with `swift run RespectFuzz FILE`, then add it to the hostile suite
# (Tests/RespectCommandLineTests/HostileCases.swift, `fuzzFindings`) and fix the engine.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-60}"
jobs="${FUZZ_JOBS:-1}"
build=.build-fuzz
corpus="$build/corpus"
crashes="$build/crashes"
mkdir -p "$corpus" "$build/seeds" "$crashes"

# The gold linker warns about every address-sanitizer symbol; those lines are dropped.
swift build -c debug --scratch-path "$build" --product RespectFuzz \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -DRESPECT_FUZZ 2>&1 \
    | { grep -v "Cannot export local symbol" || true; }

# Seeds: every XML file a user or a test gives the engine.
for file in examples/*/*.xml examples/*/*/*.xml standards/*.xml Tests/Fixtures/*/*.xml; do
    [ -f "$file" ] && cp "$file" "$build/seeds/$(echo "$file" | tr '/' '_')"
done

fuzzer="$build/debug/RespectFuzz"
# LeakSanitizer cannot follow Swift's enum payloads (tags live in the pointers' spare bits), so
# it reports statics and indirect enums as leaks, during the run and at exit. Memory growth is
# caught by -rss_limit_mb instead (replaying the corpus many times keeps a flat peak RSS).
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
options=(
    -max_total_time="$seconds"
    -max_len=131072          # the shipped standard is about 100 KB
    -timeout=10              # seconds per input; slower counts as a hang
    -rss_limit_mb=2048       # address sanitizer included
    -detect_leaks=0          # see ASAN_OPTIONS below
    -dict=fuzz/respect.dict
    -artifact_prefix="$crashes/"
    -print_final_stats=1
)
if [ "$jobs" -gt 1 ]; then
    options+=(-jobs="$jobs" -workers="$jobs")
fi
status=0
"$fuzzer" "${options[@]}" "$corpus" "$build/seeds" || status=$?

echo "corpus: $(find "$corpus" -type f | wc -l) inputs in $corpus"
found=$(find "$crashes" -type f | wc -l)
echo "crashes, hangs and out-of-memory inputs: $found in $crashes"
exit "$status"
