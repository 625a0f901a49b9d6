#!/bin/sh
# The HTML reports as a browser builds them: headless Chromium's DOM of a
# report whose every text field holds script and markup payloads has no
# script or img element and shows the payload as text; the worked
# example renders and prints. Skipped where chromium is not installed.
. "$TOP_SRCDIR/tests/lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)
if [ -z "$CHROMIUM" ]; then
    # CI installs it (.ci/run): there, a missing browser is a failure.
    [ "${CI:-}" = true ] && { echo "FAIL: chromium is not installed in CI"; exit 1; }
    skip "chromium is not installed (apt-get install chromium)"
fi
browse() {
    timeout 60 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic \
        --no-first-run --disable-background-networking --disable-component-update \
        --disable-sync --disable-dev-shm-usage --user-data-dir="$T/profile" "$@" 2>/dev/null
}

D="$DPIA -d $T/db.sqlite"
. "$TOP_SRCDIR/tests/cli/report-payload.sh"
run 0 $D export "$pid" --format html -o "$T/p.html"
browse --dump-dom "file://$T/p.html" >"$T/dom.html"
checks=$((checks + 1))
[ -s "$T/dom.html" ] && pass "chromium built a DOM" || fail "chromium gave no DOM"
lacks "$T/dom.html" "<script" "no script element in the DOM"
lacks "$T/dom.html" "<img" "no img element in the DOM"
lacks "$T/dom.html" "<b>" "no b element in the DOM"
contains "$T/dom.html" "&lt;script&gt;alert(1)&lt;/script&gt;" "the payload shows as text"
contains "$T/dom.html" "onerror=alert(1)&gt;"
contains "$T/dom.html" "<svg" "the heat maps are SVG in the DOM"
contains "$T/dom.html" "<rect" "with their cells"

run 0 $D import "$TOP_SRCDIR/data/examples/streaming-factoids.xml"
run 0 $D export 2 --format html -o "$T/example.html"
browse --screenshot="$T/shot.png" --window-size=1100,1500 "file://$T/example.html"
checks=$((checks + 1))
[ -s "$T/shot.png" ] && pass "screenshot of the example" || fail "no screenshot"
browse --print-to-pdf="$T/example.pdf" --no-pdf-header-footer "file://$T/example.html"
checks=$((checks + 1))
if [ -s "$T/example.pdf" ] && head -c 5 "$T/example.pdf" | grep -q '%PDF'; then
    pass "the example prints to PDF"
else
    fail "no PDF"
fi
done_testing
