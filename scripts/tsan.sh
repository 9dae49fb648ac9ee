#!/usr/bin/env bash
# Runs the concurrency tests under the thread sanitizer, in their own build folder
# (.build-tsan, git-ignored). Any data race report fails the run.
#
#   scripts/tsan.sh                          # the concurrency tests
#   scripts/tsan.sh 'Hostile|XMLReaderTests'  # any other --filter, e.g. the whole hostile suite
set -euo pipefail
cd "$(dirname "$0")/.."

filter="${1:-HostileConcurrencyTests|concurrentReadsShareOneSchema|schemasLoadConcurrently|documentsValidatedAtOnceShareOneScreen}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1 second_deadlock_stack=1}"
# The thread sanitizer multiplies memory use; the hostile suite's 500 MB ceiling becomes 2 GB.
export RESPECT_HOSTILE_MEMORY_MB="${RESPECT_HOSTILE_MEMORY_MB:-2000}"
swift test --scratch-path .build-tsan --sanitize=thread --filter "$filter"
