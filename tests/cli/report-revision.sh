#!/bin/sh
# What the record and the report say of revisions and of the workflow:
# an answer hidden by a later answer survives export and import (in the
# record, not in the report); a second revision names the one it
# replaces and opens its change log with what changed since; a screening
# closed as "DPIA not required" says so; every record validates.
. "$TOP_SRCDIR/tests/lib.sh"

D="$DPIA -d $(test_db db.sqlite)"
export SOURCE_DATE_EPOCH=1771954200

validates() {
    [ -n "${XMLLINT:-}" ] || return 0
    checks=$((checks + 1))
    if "$XMLLINT" --noout --relaxng "$TOP_SRCDIR/templates/dpia-record.rng" "$1" 2>"$T/err"; then
        pass "$(basename "$1") validates"
    else
        fail "$(basename "$1") does not validate"
        cat "$T/err"
    fi
}

# The legitimate interests test, answered, then hidden by a change of
# the lawful basis.
run 0 $D new --title "Hidden answer" && id=$(cat "$T/out")
run 0 $D table "$id" desc.purpose-list add purpose=Security basis=legitimate-interests
run 0 $D answer "$id" nec.li-interest "Fraud prevention for the benefit of all subscribers"
run 0 $D table "$id" desc.purpose-list set P1 basis=consent
run 0 $D export "$id" --format xml -o "$T/h1.xml"
run 0 $D import "$T/h1.xml" && id2=$(cat "$T/out")
run 0 $D export "$id2" --format xml -o "$T/h2.xml"
run 0 $D export "$id2" --format html -o "$T/h2.html"
for f in "$T/h1.xml" "$T/h2.xml"; do
    grep -A6 '<question applicable="no" id="nec.li-interest"' "$f" >"$T/q"
    contains "$T/q" "<value>Fraud prevention for the benefit of all subscribers</value>" \
        "$(basename "$f"): the hidden answer is kept, not applicable"
    contains "$f" '<question id="desc.purpose-list"' "$(basename "$f"): the answer that hides it"
    lacks "$f" 'applicable="no" id="desc.purpose-list"' "$(basename "$f"): desc.purpose-list is applicable"
    validates "$f"
done
lacks "$T/h2.html" 'id="q-nec.li-interest"' "the report leaves the hidden answer out"
contains "$T/h2.html" 'id="q-desc.purpose-list"'
# So do the documents: the question and its answer are not in their
# sections (the change log at the end still names the change).
if command -v python3 >/dev/null 2>&1; then
    for f in odt docx; do
        run 0 $D export "$id2" --format $f -o "$T/h2.$f"
        rm -rf "$T/$f" && mkdir "$T/$f"
        python3 "$TOP_SRCDIR/tests/cli/zipparts.py" extract "$T/h2.$f" "$T/$f" ||
            fail "$f: cannot be read"
        [ $f = odt ] && part=$T/odt/content.xml || part=$T/docx/word/document.xml
        lacks "$part" "Legitimate interests, purpose test" "the $f leaves the hidden question out"
        contains "$part" "each purpose with the data items" "the $f has the question that hides it"
    done
fi
# Back to legitimate interests: the imported answer is there again.
run 0 $D table "$id2" desc.purpose-list set P1 basis=legitimate-interests
run 0 $D export "$id2" --format xml -o "$T/h3.xml"
grep -A6 '<question id="nec.li-interest"' "$T/h3.xml" >"$T/q"
contains "$T/q" "<value>Fraud prevention for the benefit of all subscribers</value>" \
    "the imported answer, shown again once the basis allows it"

# A second revision of the worked example.
run 0 $D import "$TOP_SRCDIR/data/examples/streaming-factoids.xml" && ex=$(cat "$T/out")
run 0 $D revise "$ex"
run 0 $D answer "$ex" desc.scale "About 120 million accounts <worldwide>"
run 0 $D export "$ex" --format xml -o "$T/r2.xml"
run 0 $D export "$ex" --format html -o "$T/r2.html"
validates "$T/r2.xml"
grep '<assessment ' "$T/r2.xml" >"$T/as"
contains "$T/as" ' replaces="2026-02-24" ' "the revision it replaces, by its decision date"
contains "$T/as" ' revision="2" '
contains "$T/r2.xml" '<changes since-date="2026-02-24" since-revision="1">'
grep -A4 '<change what="answer desc.scale">' "$T/r2.xml" >"$T/ch"
contains "$T/ch" "<new>About 120 million accounts &lt;worldwide&gt;</new>" "the change, escaped"
contains "$T/r2.html" "<th>Revision</th><td>Revision 2, replaces the revision decided on 2026-02-24</td>"
contains "$T/r2.html" '<h2>Appendix: change log</h2><h3>Changes since revision 1</h3>' \
    "the change log opens with the changes since revision 1"
tr '\n' ' ' <"$T/r2.html" | sed 's|<tr>|\n<tr>|g' | grep 'Answer desc.scale</span>' >"$T/row"
contains "$T/row" "About 110 million accounts worldwide" "the change's old value"
contains "$T/row" "About 120 million accounts &lt;worldwide&gt;" "the change's new value"
lacks "$T/r2.html" "<worldwide>"
contains "$T/r2.html" "<th>Revision</th><td>Revision 2,"
# Revision 2 starts with no sign-offs: its report, up to the change log
# (which keeps revision 1's as they were), is a draft with no decision
# and none of revision 1's signatories.
awk '/Appendix: change log/ { sub(/Appendix: change log.*/, ""); print; exit } { print }' \
    "$T/r2.html" >"$T/r2-body"
contains "$T/r2-body" "<th>Status</th><td>Draft</td>"
contains "$T/r2-body" "<th>Decision</th><td>No decision recorded</td>" "no decision carried over"
contains "$T/r2-body" "<th>Data Protection Officer</th><td>Not recorded</td>"
lacks "$T/r2-body" "Luca Bianchi" "revision 1's decision-maker is not in revision 2's report"
lacks "$T/r2-body" "Anja Vermeulen" "revision 1's DPO is not in revision 2's report"
lacks "$T/r2-body" "Approve with conditions"

# Prior consultation (Art. 36) is judged on the whole register, as on
# the sign-off page: "not required" only once every risk is scored.
run 0 $D new --title "Art. 36 judged" && aj=$(cat "$T/out")
run 0 $D export "$aj" --format html -o "$T/aj0.html"
contains "$T/aj0.html" "<th>Prior consultation (Art. 36)</th><td>To be judged once the risks are scored." \
    "no risk yet: Art. 36 to be judged"
run 0 $D risk add "$aj" --title "Scored" --likelihood 1 --severity 1 --likelihood-after 1 \
    --severity-after 1
run 0 $D export "$aj" --format html -o "$T/aj1.html"
contains "$T/aj1.html" "<th>Prior consultation (Art. 36)</th><td>Not required: no residual risk is high."
run 0 $D risk add "$aj" --title "Not yet scored"
run 0 $D export "$aj" --format html -o "$T/aj2.html"
contains "$T/aj2.html" "<th>Prior consultation (Art. 36)</th><td>To be judged once the risks are scored." \
    "a risk not scored: Art. 36 to be judged"
lacks "$T/aj2.html" "Not required: no residual risk is high."
if command -v python3 >/dev/null 2>&1; then
    for f in odt docx; do
        run 0 $D export "$aj" --format $f -o "$T/aj2.$f"
        rm -rf "$T/$f" && mkdir "$T/$f"
        python3 "$TOP_SRCDIR/tests/cli/zipparts.py" extract "$T/aj2.$f" "$T/$f" ||
            fail "$f: cannot be read"
        [ $f = odt ] && part=$T/odt/content.xml || part=$T/docx/word/document.xml
        contains "$part" "To be judged once the risks are scored." "the $f says the same"
    done
fi

# A screening that concludes no DPIA, closed with the DPO's sign-off.
run 0 $D new --title "Staff canteen menu survey" && sc=$(cat "$T/out")
run 0 $D answer "$sc" scr.project "An anonymous survey of menu preferences in the staff canteen"
for q in evaluation automated-decision monitoring sensitive large-scale matching vulnerable \
    innovative prevents-rights art35-3a art35-3b art35-3c sa-list; do
    run 0 $D answer "$sc" "scr.$q" no
done
run 0 $D answer "$sc" scr.decision not-carry-out
run 0 $D signoff "$sc" --role dpo --name "Dr. Anja Vermeulen" --date 2026-02-20 \
    --advice "No criterion is met: no DPIA is needed."
run 0 $D close "$sc"
run 0 $D export "$sc" --format xml -o "$T/nr.xml"
run 0 $D export "$sc" --format html -o "$T/nr.html"
validates "$T/nr.xml"
contains "$T/nr.xml" 'status="not-required" status-label="DPIA not required"'
contains "$T/nr.html" "<th>Status</th><td>DPIA not required</td>"
contains "$T/nr.html" "No DPIA needed: the screening concluded that no DPIA is required, closed with the DPO's sign-off"
contains "$T/nr.html" "The screening concluded that no DPIA is needed for this processing; the assessment was closed on the screening alone, with the Data Protection Officer's sign-off (Dr. Anja Vermeulen (2026-02-20))."
lacks "$T/nr.html" "Outstanding before sign-off" "nothing is outstanding once closed"
contains "$T/nr.html" "<th>Prior consultation (Art. 36)</th><td>Not required" \
    "closed on the screening: no risk to judge"
run 0 $D import "$T/nr.xml"
done_testing
