#!/usr/bin/env bash
# Runs the concurrency tests under the thread sanitizer, in their own build folder
# (.build-tsan, git-ignored). Any data race report fails the run.
#
#   scripts/tsan.sh                 # the concurrency tests
#   scripts/tsan.sh 'XMLReaderTests' # any other --filter
set -euo pipefail
cd "$(dirname "$0")/.."

filter="${1:-HostileConcurrencyTests|concurrentReadsShareOneSchema|schemasLoadConcurrently}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1 second_deadlock_stack=1}"
swift test --scratch-path .build-tsan --sanitize=thread --filter "$filter"
