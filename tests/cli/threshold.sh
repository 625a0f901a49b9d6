#!/bin/sh
# A risk method's acceptance threshold: a template that declares it
# (acceptable="yes" on its lowest levels) gets it into the XML record,
# which validates, into the HTML report (the threshold, each level, each
# residual risk acceptable or not) and into dpia show; a method that
# declares none (the default template's) is written as before.
. "$TOP_SRCDIR/tests/lib.sh"

XMLLINT=${XMLLINT:-$(command -v xmllint || true)}
D="$DPIA -d $T/db.sqlite"
mkdir -p "$T/tpl"
cp "$TOP_SRCDIR/tests/fixtures/templates/threshold.xml" "$T/tpl/"
export DPIA_TEMPLATE_PATH="$T/tpl"

run 0 $D new --title "Threshold" --template threshold && id=$(cat "$T/out")
# R1 ends at Medium (acceptable), R2 at High (above the threshold).
run 0 $D risk add "$id" --title "Lowered well" --type illegitimate-access \
    --likelihood 3 --severity 3 --likelihood-after 1 --severity-after 2
run 0 $D risk add "$id" --title "Still high" --type disappearance \
    --likelihood 3 --severity 2 --likelihood-after 2 --severity-after 2

run 0 $D show "$id"
contains "$T/out" "acceptance threshold: Medium"
grep -A1 "R1 " "$T/out" >"$T/r1"
grep -A1 "R2 " "$T/out" >"$T/r2"
contains "$T/r1" "after: Medium (likelihood 1, severity 2), acceptable"
contains "$T/r2" "after: High (likelihood 2, severity 2), above the threshold"

run 0 $D export "$id" --format xml -o "$T/t.xml"
contains "$T/t.xml" '<level acceptable="yes" high="no" id="low" name="Low" rank="1">'
contains "$T/t.xml" '<level acceptable="yes" high="no" id="medium" name="Medium" rank="2">'
contains "$T/t.xml" '<level high="yes" id="high" name="High" rank="3">'
contains "$T/t.xml" '<level high="yes" id="very-high" name="Very high" rank="4">'
if [ -n "$XMLLINT" ]; then
    run 0 "$XMLLINT" --noout --relaxng "$TOP_SRCDIR/templates/dpia-record.rng" "$T/t.xml"
fi
# The record reads back with its threshold.
run 0 $D import "$T/t.xml" && id2=$(cat "$T/out")
run 0 $D show "$id2"
contains "$T/out" "acceptance threshold: Medium"

run 0 $D export "$id" --format html -o "$T/t.html"
tr '\n' ' ' <"$T/t.html" | tr -s ' ' >"$T/flat"
contains "$T/flat" "<strong>Acceptance threshold:</strong> Medium. A residual risk at Low or Medium may be accepted; one at High or Very high may not."
contains "$T/flat" "Medium (acceptable)</li>"
contains "$T/flat" "High (high: Art. 36 if it remains)</li>"
tr '\n' ' ' <"$T/t.html" | sed 's|<tr>|\n<tr>|g' >"$T/rows"
grep '<td class="id">R1</td>' "$T/rows" >"$T/r1"
grep '<td class="id">R2</td>' "$T/rows" >"$T/r2"
contains "$T/r1" "Acceptable: at or below the threshold."
contains "$T/r2" "<strong>Not acceptable:</strong> above the threshold."
lacks "$T/r1" "Not acceptable"

# So do the documents: the threshold under the levels, each risk's
# residual level acceptable or not.
if command -v python3 >/dev/null 2>&1; then
    Z="python3 $TOP_SRCDIR/tests/cli/zipparts.py"
    for f in odt docx; do
        run 0 $D export "$id" --format $f -o "$T/t.$f"
        rm -rf "$T/$f" && mkdir "$T/$f"
        $Z extract "$T/t.$f" "$T/$f" || fail "$f: cannot be read"
        [ $f = odt ] && part=$T/odt/content.xml || part=$T/docx/word/document.xml
        $Z text "$part" >"$T/$f.txt"
        contains "$T/$f.txt" "Acceptance threshold: Medium. A residual risk above it may not be accepted." \
            "$f: the threshold"
        contains "$T/$f.txt" "Medium (acceptable)" "$f: the acceptable levels marked"
        grep 'R1: .* → ' "$T/$f.txt" >"$T/$f.r1"
        grep 'R2: .* → ' "$T/$f.txt" >"$T/$f.r2"
        contains "$T/$f.r1" "; acceptable" "$f: R1's residual level is acceptable"
        contains "$T/$f.r2" "; above the acceptance threshold" "$f: R2's is not"
    done
else
    echo "python3 missing: the documents' threshold is not read"
fi

# The default template declares no threshold: nothing of it anywhere.
unset DPIA_TEMPLATE_PATH
run 0 $D new --title "Default" && id3=$(cat "$T/out")
run 0 $D risk add "$id3" --title "A risk" --likelihood 3 --severity 3 --likelihood-after 1 \
    --severity-after 1
run 0 $D export "$id3" --format xml -o "$T/d.xml"
lacks "$T/d.xml" "acceptable="
run 0 $D export "$id3" --format html -o "$T/d.html"
lacks "$T/d.html" "Acceptance threshold"
lacks "$T/d.html" "Acceptable: at or below"
run 0 $D export "$id3" --format odt -o "$T/d.odt"
if command -v python3 >/dev/null 2>&1; then
    rm -rf "$T/dodt" && mkdir "$T/dodt"
    $Z extract "$T/d.odt" "$T/dodt" && $Z text "$T/dodt/content.xml" >"$T/dodt.txt"
    lacks "$T/dodt.txt" "Acceptance threshold"
    lacks "$T/dodt.txt" "acceptable"
fi
run 0 $D show "$id3"
lacks "$T/out" "acceptance threshold"

done_testing
