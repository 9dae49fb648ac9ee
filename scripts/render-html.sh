#!/usr/bin/env bash
# Renders `respect check`, `respect plan`, `respect tender` and `respect frameworks show` HTML
# reports with headless
# Chromium, to prove they render and to look at the layout: a desktop screenshot (1200 px wide),
# a phone screenshot (390 px wide), the first screen of each (1200 x 800 and 390 x 844) and, with
# --pdf, the printed A4 version. Everything goes to .build/screenshots/ (or --out DIR).
#
# A self-assessment report (check, plan) must show its verdict on the first screen: for each
# of the two screens the report is loaded in a frame of exactly that size and its verdict box
# (id="verdict") is measured (scripts/first-screen-probe.js); the script fails unless the whole
# box lies within the screen and the page title starts with the verdict's words.
#
# Usage: scripts/render-html.sh [--pdf] [--height PX] [--out DIR] [SUBMISSION.xml | plan:SUBMISSION.xml | REPORT.html | tender:TENDER.xml:BIDS | reference:ID@EDITION]...
#   With no files: examples/submissions/not-yet.xml, working-towards.xml and achieved.xml,
#   plan:examples/submissions/not-yet.xml, tender:examples/tender/tender-lot1.xml:examples/tender/bids
#   and reference:respect-standard@2017.
#   A .xml file is checked with the respect binary (built first); plan:FILE runs `respect plan
#   FILE --draft-actions`; a .html file (a check or plan report) is rendered as is;
#   tender:TENDER:BIDS runs `respect tender TENDER BIDS` (BIDS a file or folder), whose
#   comparison has no verdict box and is only rendered; reference:ID@EDITION runs `respect
#   frameworks show ID@EDITION` (the page is named reference-ID-EDITION, also only rendered).
#   --height PX   height of the full screenshots (default 4000; the top of the page is what fits).
#   --out DIR     where the reports and screenshots go (default .build/screenshots).
#
# Installs the Debian package `chromium` when it is missing (needs root, or sudo).
# Exits non-zero when a report cannot be made, Chromium fails, or a PNG (or PDF) is missing
# or empty.
set -euo pipefail
cd "$(dirname "$0")/.."

pdf=false
height=4000
out=.build/screenshots
files=()
while [ $# -gt 0 ]; do
    case "$1" in
        --pdf) pdf=true ;;
        --height) shift; height="${1:?--height needs a number of pixels}" ;;
        --out) shift; out="${1:?--out needs a folder}" ;;
        -h|--help) sed -n '2,28p' "$0"; exit 0 ;;
        -*) echo "render-html: unknown option $1" >&2; exit 64 ;;
        *) files+=("$1") ;;
    esac
    shift
done
[ ${#files[@]} -gt 0 ] || files=(examples/submissions/not-yet.xml examples/submissions/working-towards.xml
                                  examples/submissions/achieved.xml plan:examples/submissions/not-yet.xml
                                  tender:examples/tender/tender-lot1.xml:examples/tender/bids
                                  reference:respect-standard@2017)
case "$height" in ''|*[!0-9]*) echo "render-html: --height must be a number of pixels" >&2; exit 64 ;; esac

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
    echo "render-html: installing chromium (Debian package)" >&2
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -q chromium >&2
    browser=$(command -v chromium || command -v chromium-browser || true)
    [ -n "$browser" ] || { echo "render-html: chromium is not installed" >&2; exit 1; }
fi

mkdir -p "$out"
profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT

needs_binary=false
for file in "${files[@]}"; do case "$file" in *.html) ;; *) needs_binary=true ;; esac; done
if $needs_binary; then
    swift build --product respect >&2
    respect="$(swift build --show-bin-path)/respect"
fi

# Runs Chromium headless; its chatter goes to a log shown only when it fails.
chrome() {
    local log="$profile/chromium.log"
    if ! timeout 180 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
            --hide-scrollbars --no-first-run --user-data-dir="$profile/user" "$@" >"$log" 2>&1; then
        echo "render-html: chromium failed:" >&2
        cat "$log" >&2
        return 1
    fi
}

# Loads report $1 in a frame of exactly $2 x $3 px and fails unless its verdict box lies within
# that first screen and the page title starts with the verdict's words.
first_screen() {
    local html="$1" width="$2" height="$3" wrapper="$profile/first-screen.html" probe
    {
        printf '<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{margin:0}iframe{border:0;display:block}</style></head><body>'
        printf '<iframe id="report" width="%s" height="%s" srcdoc="' "$width" "$height"
        sed -e 's/&/\&amp;/g' -e 's/"/\&quot;/g' "$html"
        printf '"></iframe><script>\n'
        cat scripts/first-screen-probe.js
        printf '</script></body></html>\n'
    } >"$wrapper"
    chrome --dump-dom "file://$wrapper"
    probe=$(sed -n '/<pre id="probe">/,/<\/pre>/p' "$profile/chromium.log" | sed -e 's/<[^>]*>//g' \
            -e 's/&amp;/\&/g' -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&#39;/'/g")
    value() { printf '%s\n' "$probe" | sed -n "s/^$1=//p" | head -n 1; }
    if [ "$(value viewport)" != "${width}x${height}" ]; then
        echo "render-html: could not measure $html at ${width}x${height} (probe: $probe)" >&2
        return 1
    fi
    if [ -z "$(value verdict)" ]; then
        echo "render-html: $html has no verdict box (id=\"verdict\")" >&2
        return 1
    fi
    local label title bottom
    label=$(value label); title=$(value title); bottom=$(value bottom)
    if [ -z "$label" ] || [ "$bottom" -gt "$height" ] || [ "$(value top)" -lt 0 ]; then
        echo "render-html: $html at ${width}x${height}: the verdict box is not on the first screen (top $(value top), bottom $bottom px)" >&2
        return 1
    fi
    case "$title" in
        "$label"*) ;;
        *) echo "render-html: $html: the page title does not start with the verdict '$label': $title" >&2; return 1 ;;
    esac
    echo "$html at ${width}x${height}: verdict '$label' on the first screen (${bottom} of ${height} px); title '$title'"
}

# Fails unless the file exists and is big enough to hold a rendered page (a blank page's PNG
# is a few kilobytes).
check_output() {
    local size
    size=$(stat -c %s "$1" 2>/dev/null || echo 0)
    if [ "$size" -lt 20000 ]; then
        echo "render-html: $1 is missing or too small ($size bytes) to be a rendered report" >&2
        return 1
    fi
    echo "$1 ($size bytes)"
}

for file in "${files[@]}"; do
    case "$file" in
        tender:*)
            spec=${file#tender:}; tender=${spec%%:*}; bids=${spec#*:}
            name=$(basename "$tender"); name=${name%.*}
            html="$out/$name.html"
            status=0
            "$respect" tender "$tender" "$bids" --format html --output "$html" 2>/dev/null || status=$?
            # 0: a bid is compliant; 30: none is; anything else is an error.
            case $status in 0|30) ;; *) echo "render-html: respect tender $tender exited $status" >&2; exit 1 ;; esac
            ;;
        plan:*)
            source=${file#plan:}
            name=$(basename "$source"); name="plan-${name%.*}"
            html="$out/$name.html"
            status=0
            "$respect" plan "$source" --draft-actions --format html --output "$html" || status=$?
            case $status in 0|10|20) ;; *) echo "render-html: respect plan $source exited $status" >&2; exit 1 ;; esac
            ;;
        reference:*)
            edition=${file#reference:}
            name="reference-${edition//@/-}"
            html="$out/$name.html"
            "$respect" frameworks show "$edition" --format html --output "$html" \
                || { echo "render-html: respect frameworks show $edition failed" >&2; exit 1; }
            ;;
        *.html) name=$(basename "$file"); name=${name%.*}; html="$file" ;;
        *)
            name=$(basename "$file"); name=${name%.*}
            html="$out/$name.html"
            status=0
            "$respect" check "$file" --format html --output "$html" || status=$?
            # 0, 10 and 20 are the three verdicts; anything else is an error.
            case $status in 0|10|20) ;; *) echo "render-html: respect check $file exited $status" >&2; exit 1 ;; esac
            ;;
    esac
    url="file://$(cd "$(dirname "$html")" && pwd)/$(basename "$html")"
    rm -f "$out/$name.png" "$out/$name-phone.png" "$out/$name-screen.png" "$out/$name-phone-screen.png" "$out/$name.pdf"
    chrome --window-size=1200,"$height" --screenshot="$out/$name.png" "$url"
    check_output "$out/$name.png"
    chrome --window-size=390,"$height" --screenshot="$out/$name-phone.png" "$url"
    check_output "$out/$name-phone.png"
    chrome --window-size=1200,800 --screenshot="$out/$name-screen.png" "$url"
    check_output "$out/$name-screen.png"
    chrome --window-size=390,844 --screenshot="$out/$name-phone-screen.png" "$url"
    check_output "$out/$name-phone-screen.png"
    # Every report but the tender comparison and the framework reference is a self-assessment
    # with a verdict.
    case "$file" in
        tender:*|reference:*) ;;
        *) first_screen "$html" 1200 800; first_screen "$html" 390 844 ;;
    esac
    if $pdf; then
        chrome --no-pdf-header-footer --print-to-pdf="$out/$name.pdf" "$url"
        check_output "$out/$name.pdf"
    fi
done
