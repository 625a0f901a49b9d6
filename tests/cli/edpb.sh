#!/bin/sh
# The second built-in template, the EDPB's harmonised DPIA template
# (edpb-2026): listed beside the default one, valid, and walked from the
# command line from the screening to a decision: its tables of numbered
# items, a risk scored before and after against the declared acceptance
# threshold, a measure in one of its five groups, the consultation
# ground asked only when the authority is consulted, the DPO's advice,
# the decision. The XML record validates and carries the threshold; the
# HTML report shows the EDPB sections in its coverage.
. "$TOP_SRCDIR/tests/lib.sh"

XMLLINT=${XMLLINT:-$(command -v xmllint || true)}
DB=$T/db.sqlite
d() { "$DPIA" -d "$DB" "$@"; }
setup() { "${DPIA_REAL:-$DPIA}" -d "$DB" "$@"; }
tpl=$TOP_SRCDIR/templates/edpb-2026.xml

run 0 "$DPIA" templates
grep '^edpb-2026 ' "$T/out" >"$T/line"
contains "$T/line" "EDPB DPIA template, consultation version 1.0" "the EDPB template is listed"
contains "$T/line" "built-in"
contains "$T/line" " 1.0 "
grep '^gdpr-dpia ' "$T/out" >"$T/line"
contains "$T/line" "built-in" "the default template still is"
run 0 "$DPIA" template check "$tpl"
contains "$T/out" "valid template 'edpb-2026' version 1.0"

run 1 d new --title "Nothing" --template edpb-2025
contains "$T/err" "there is no template 'edpb-2025'"
run 0 d new --title "Viewing factoids" --template edpb-2026 && id=$(cat "$T/out")
run 0 d show "$id"
contains "$T/out" "template: edpb-2026 version 1.0"
contains "$T/out" "risk method: Four-level scales with an acceptance threshold"
contains "$T/out" "acceptance threshold: Medium"
for s in "0. Reasons for the DPIA: screening" "0. Overview of the DPIA" \
    "1. Description of the processing" "2. Analysis of lawfulness and retention" \
    "2. Measures, in five groups" "3. Necessity and proportionality" \
    "4. Risks to the rights and freedoms of data subjects" "5. Parties consulted" \
    "6. Decision"; do
    contains "$T/out" "$s"
done
# Its coverage: one item per EDPB section and field, each said missing.
contains "$T/out" "EDPB 2026 §0 not covered: The team that carried out the DPIA."
contains "$T/out" "EDPB 2026 §4 not covered: The accidental and unlawful events that may affect the data."
contains "$T/out" "EDPB 2026 §6 not covered: The decision"

# --- Screening: criteria 1, 4 and 5 met, a DPIA carried out ------------------
for q in scr.automated-decision scr.monitoring scr.matching scr.vulnerable scr.innovative \
    scr.prevents-rights scr.art35-3a scr.art35-3b scr.art35-3c scr.sa-list; do
    setup answer "$id" "$q" no >/dev/null || fail "answer $q"
done
for q in scr.evaluation scr.sensitive scr.large-scale; do
    setup answer "$id" "$q" yes >/dev/null || fail "answer $q"
done
run 0 d answer "$id" scr.project "Posts about subscribers' viewing habits, from viewing counts."
run 0 d answer "$id" scr.decision carry-out
run 0 d show "$id"
contains "$T/out" "Screening: DPIA required"
contains "$T/out" "criterion 4:"

# --- 0. Overview and 1. Description: the tables of numbered items ------------
tab=$(printf '\t')
printf '1%sKestrel Streaming Ltd%scontroller%sprivacy@kestrel.example%sDecides the campaign\n2%sNimbus Cloud%sprocessor%s%sHosts the warehouse\n' \
    "$tab" "$tab" "$tab" "$tab" "$tab" "$tab" "$tab" "$tab" >"$T/parties"
run 0 d answer "$id" parties - <"$T/parties"
printf '1%s0.1%s2026-11-02%sAnna Assessor%sFirst draft\n' "$tab" "$tab" "$tab" "$tab" |
    d answer "$id" versions - >"$T/out" 2>"$T/err" || fail "versions: $(cat "$T/err")"
printf '1%sAnna Assessor%sAssessment\n2%sDana Officer (DPO)%sAdvice\n' "$tab" "$tab" "$tab" "$tab" |
    d answer "$id" team - >"$T/out" 2>"$T/err" || fail "team: $(cat "$T/err")"
printf '1%sViewing history%sSubscribers%sPlayback logs%syes%s2 years\n2%sAccount e-mail%sSubscribers%sSign-up%sno%sLife of the account\n' \
    "$tab" "$tab" "$tab" "$tab" "$tab" "$tab" "$tab" "$tab" "$tab" "$tab" >"$T/items"
run 0 d answer "$id" data-items - <"$T/items"
# A purpose cites the data items; a row that does not exist is refused.
printf '1%sSocial-media posts of viewing counts%sD1 D3%slegitimate-interests%snone\n' \
    "$tab" "$tab" "$tab" "$tab" >"$T/purposes"
run 1 d answer "$id" purposes - <"$T/purposes"
printf '1%sSocial-media posts of viewing counts%sD1%slegitimate-interests%snone\n' \
    "$tab" "$tab" "$tab" "$tab" >"$T/purposes"
run 0 d answer "$id" purposes - <"$T/purposes"
printf '1%sExtraction%sCounts drawn from the logs%sD1\n2%sDeletion%sExtracts deleted after posting%sD1\n' \
    "$tab" "$tab" "$tab" "$tab" "$tab" "$tab" >"$T/phases"
run 0 d answer "$id" lifecycle - <"$T/phases"
printf '1%sData warehouse%ssoftware%sC2%sL1 L2\n' "$tab" "$tab" "$tab" "$tab" >"$T/assets"
run 0 d answer "$id" assets - <"$T/assets"
run 0 d show "$id"
grep "0. Overview of the DPIA" "$T/out" >"$T/line"
lacks "$T/line" "0/" "the overview's tables count as answered"

for q in desc.secondary cons.subjects dec.consult; do
    setup answer "$id" "$q" no >/dev/null || fail "answer $q"
done
# Asked because D1 is special-category data and P1 rests on legitimate
# interests (conditions on table columns).
for q in ov.scope an.basis an.li-test an.art9 an.retention nec.necessary nec.minimisation \
    nec.proportionate cons.subjects-why-not dec.review; do
    setup answer "$id" "$q" "Answered for the test." >"$T/out" 2>"$T/err" || fail "answer $q"
    lacks "$T/err" "warning" "$q is asked"
done
run 0 d answer "$id" desc.transfers yes
printf '1%sNimbus Support%sIndia%sD1%sscc\n' "$tab" "$tab" "$tab" "$tab" >"$T/transfers"
run 0 d answer "$id" transfers - <"$T/transfers"
run 0 d answer "$id" ov.start 2027-06-30
run 0 d answer "$id" ov.completed 2026-11-30

# --- 6. The consultation ground is asked only when consulting -----------------
decision_line() { d show "$id" | grep "6. Decision"; }
decision_line >"$T/line"
contains "$T/line" "/4 " "dec.consult and dec.review, the DPO's advice and the decision"
run 0 d answer "$id" dec.consult yes
decision_line >"$T/line"
contains "$T/line" "/5 " "consulting the authority asks for its ground"
run 1 d answer "$id" dec.consult-reason c
contains "$T/err" "'c'"
run 0 d answer "$id" dec.consult-reason b-member-state-law
run 0 d answer "$id" dec.consult no
decision_line >"$T/line"
contains "$T/line" "/4 " "the ground is not asked when the authority is not consulted"

# --- 4. Risks against the threshold; 2. a measure in its group ----------------
run 0 d risk add "$id" --title "Subscribers singled out from small counts" \
    --type illegitimate-access --concerns "D1 P1" \
    --likelihood 3 --severity 3 --likelihood-after 2 --severity-after 2
run 0 d risk add "$id" --title "Counts altered before posting" --type unwanted-modification \
    --likelihood 2 --severity 2 --likelihood-after 1 --severity-after 1
run 0 d risk add "$id" --title "Extract lost" --type disappearance \
    --likelihood 1 --severity 1 --likelihood-after 1 --severity-after 1
run 1 d measure add "$id" --title "Nowhere" --group hygiene
contains "$T/err" "unknown measure group 'hygiene'"
run 0 d measure add "$id" --title "Aggregates over groups of 10,000 accounts only" \
    --group by-design --risks 1,2,3 --due 2027-01-31 --owner "Data lead"
run 0 d show "$id"
grep -A1 " R1 " "$T/out" >"$T/r1"
contains "$T/r1" "before: High (likelihood 3, severity 3)"
contains "$T/r1" "after: Medium (likelihood 2, severity 2), acceptable"

# --- 5. The DPO's advice, then the decision -------------------------------------
run 1 d decide "$id" approve-with-conditions --name "Chris Controller" \
    --conditions "Only aggregates are posted"
contains "$T/err" "The DPO's advice is not recorded"
run 0 d signoff "$id" --role dpo --name "Dana Officer" --advice "Proceed with the measures" \
    --followed yes
run 0 d review "$id" 2029-11-30
run 0 d show "$id"
contains "$T/out" "Nothing is missing for sign-off."
run 0 d decide "$id" approve-with-conditions --name "Chris Controller" \
    --conditions "Only aggregates are posted" --acknowledge
contains "$T/out" "Approved with conditions"
run 0 d show "$id"
contains "$T/out" "status: Approved with conditions"

# --- The record and the report ----------------------------------------------------
run 0 d export "$id" --format xml -o "$T/r.xml"
if [ -n "$XMLLINT" ]; then
    run 0 "$XMLLINT" --noout --relaxng "$TOP_SRCDIR/templates/dpia-record.rng" "$T/r.xml"
fi
contains "$T/r.xml" '<template digest="'
contains "$T/r.xml" 'id="edpb-2026"'
contains "$T/r.xml" '<level acceptable="yes" high="no" id="medium" name="Medium" rank="2">'
contains "$T/r.xml" 'ref="EDPB 2026 §4"'
lacks "$T/r.xml" 'met="no"' "every coverage item is met"
# The record reads back as the same assessment.
run 0 d import "$T/r.xml"
id2=$(cat "$T/out")
run 0 d show "${id2:-0}"
contains "$T/out" "template: edpb-2026 version 1.0"
contains "$T/out" "status: Approved with conditions"

run 0 d export "$id" --format html -o "$T/r.html"
tr '\n' ' ' <"$T/r.html" | tr -s ' ' >"$T/flat"
for s in 0 1 2 3 4 5 6; do
    contains "$T/flat" "<td class=\"small\">EDPB 2026 §$s</td>" "coverage of EDPB section $s"
done
contains "$T/flat" "The views of data subjects or their representatives, or why they were not sought (Art. 35(9))"
contains "$T/flat" "<h2>Coverage of the template: EDPB DPIA template, consultation version 1.0</h2>"
lacks "$T/flat" "Coverage of Art. 35(7) and WP248 Annex 2"
contains "$T/flat" "<strong>Acceptance threshold:</strong> Medium."
contains "$T/flat" "Acceptable: at or below the threshold."
contains "$T/flat" "Only aggregates are posted"
# The office documents name the coverage the same way.
if command -v python3 >/dev/null 2>&1; then
    Z="python3 $TOP_SRCDIR/tests/cli/zipparts.py"
    run 0 d export "$id" --format odt -o "$T/r.odt"
    run 0 d export "$id" --format docx -o "$T/r.docx"
    mkdir "$T/odt" "$T/docx"
    $Z extract "$T/r.odt" "$T/odt" && $Z extract "$T/r.docx" "$T/docx"
    contains "$T/odt/content.xml" "Coverage of the template: EDPB DPIA template, consultation version 1.0"
    contains "$T/docx/word/document.xml" "Coverage of the template: EDPB DPIA template, consultation version 1.0"
    contains "$T/odt/content.xml" "EDPB 2026 §4"
fi

done_testing
