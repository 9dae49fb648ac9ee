#!/usr/bin/env bash
# Browser tests of the web application's pages (tests/browser): builds the `respect` binary,
# then pytest starts `respect serve` on a free loopback port over a fresh SQLite data folder
# (seeded with `respect organisations add` and `respect users add`) and drives Debian's headless
# chromium through Debian's chromedriver with Selenium. Each flow runs end to end through the
# pages; every kind of page is photographed at 1200 px and 390 px and scanned with axe-core
# (no serious or critical violation allowed). Screenshots and the scan results
# (accessibility.json) go to .build/screenshots/web/.
#
# Usage: scripts/browser-test.sh [PYTEST ARGUMENTS...]
# Needs what `scripts/install-deps --test` installs: chromium, chromium-driver, and the Python
# packages of tests/browser/requirements.txt in the virtual environment .build/browser-venv.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=.build/browser-venv
if [ ! -x "$venv/bin/pytest" ]; then
    echo "browser-test: $venv is missing; run scripts/install-deps --test first" >&2
    exit 69
fi
for tool in chromium chromedriver; do
    command -v "$tool" >/dev/null 2>&1 || { echo "browser-test: $tool is missing; run scripts/install-deps --test" >&2; exit 69; }
done

swift build --product respect >&2 && swift build --product respect-server >&2
binary="$(swift build --show-bin-path)/respect"
rm -rf .build/screenshots/web
mkdir -p .build/screenshots/web
start=$(date +%s)
status=0
RESPECT_BINARY="$binary" "$venv/bin/pytest" -p no:cacheprovider -q --durations=0 tests/browser "$@" || status=$?
echo "browser-test: $(( $(date +%s) - start )) s; screenshots and accessibility.json in .build/screenshots/web/" >&2
exit $status
