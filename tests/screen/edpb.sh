#!/bin/sh
# An assessment on the second built-in template, edpb-2026, walked to a
# decision at the keyboard, at 80x24: picked in the new-assessment
# dialog, every shown question answered (u finds the next one) with a
# row in each of its tables through the table editor (a party, a
# version, a team member, a special-category data item, a purpose
# citing it on legitimate interests, a transfer, a life-cycle phase, an
# asset held by the party in that phase), a risk of each feared event
# scored before and after against the acceptance threshold, a measure
# in one of the five groups, partially implemented, the DPO's advice
# and "Approve with conditions". The screen and the command line say
# the decision; the XML record validates and holds the rows and the
# group; the HTML report shows the EDPB sections in its coverage.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"
. "$TOP_SRCDIR/tests/screen/walk.sh"

XMLLINT=${XMLLINT:-$(command -v xmllint || true)}
DB=$T/db.sqlite
WALK_TEXT="Answered at the keyboard for the campaign."
WALK_DATE=2027-06-30
WALK_ENTRY="Subscribers"
# Criteria 1 and 5 (scoring, large scale) and a transfer outside the
# EEA; no secondary use, no views sought, no consultation.
WALK_YES="evaluate or score people|processed on a large scale|transferred to a country outside the EEA"
WALK_RISK_ACCESS="Subscribers singled out from small counts"
WALK_RISK_MODIFICATION="Counts altered before posting"
WALK_RISK_DISAPPEARANCE="Extract lost"
DUE=2027-01-31
REVIEW=2029-11-30

# walk_row REF: the row REF of each table, the cursor in its first
# field; a reference ticked or picked among the cited table's rows.
walk_row() {
    case "$1" in
    C1)
        tmux_type "Kestrel Streaming Ltd"
        form_field "Role"
        press_until Right "< Controller >"
        ;;
    V1)
        tmux_type "0.1"
        form_field "Date"
        tmux_type "2026-11-02"
        form_field "Prepared by"
        tmux_type "Anna Assessor"
        ;;
    T1)
        tmux_type "Anna Assessor"
        tmux_keys Tab
        tmux_type "Assessment"
        ;;
    D1)
        tmux_type "Viewing history"
        tmux_keys Tab
        tmux_type "Subscribers"
        tmux_keys Tab
        tmux_type "Playback logs"
        tmux_keys Tab
        press_until Right "< Yes >"
        tmux_keys Tab
        tmux_type "2 years"
        ;;
    P1)
        tmux_type "Social-media posts of viewing counts"
        tmux_keys Tab
        tmux_wait "[ ] D1"
        tmux_keys Space
        tmux_wait "[x] D1"
        tmux_keys Tab
        press_until Right "< (f) Legitimate interests"
        ;;
    TR1)
        tmux_type "Nimbus Support"
        tmux_keys Tab
        tmux_type "India"
        tmux_keys Tab
        tmux_wait "[ ] D1"
        tmux_keys Space
        tmux_wait "[x] D1"
        tmux_keys Tab
        press_until Right "< Standard contractual clauses"
        ;;
    L1)
        tmux_type "Extraction"
        tmux_keys Tab
        tmux_type "Counts drawn from the logs"
        tmux_keys Tab
        tmux_wait "[ ] D1"
        tmux_keys Space
        tmux_wait "[x] D1"
        ;;
    A1)
        tmux_type "Data warehouse"
        tmux_keys Tab
        press_until Right "< Software >"
        tmux_keys Tab
        press_until Right "C1"
        tmux_keys Tab
        tmux_wait "[ ] L1"
        tmux_keys Space
        tmux_wait "[x] L1"
        ;;
    *)
        fail "no row planned for $1"
        ;;
    esac
}

tmux_start 80 24 -d "$DB"
tmux_wait "No assessments yet"
tmux_keys n
tmux_wait "Template"
tmux_select "EDPB DPIA template, consultation version 1.0 (edpb-2026, built-in)"
tmux_keys Enter
tmux_wait "Language of the assessment"
# The EDPB template has no translation: German says its questions stay
# as written.
tmux_keys Down Down
tmux_wait "the template has no translation" && pass "German: the EDPB template stays as written"
tmux_keys Up Up
tmux_wait "> English (English)"
tmux_keys Enter
tmux_wait "Title (the processing"
tmux_type "Viewing factoids"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_wait "0. Reasons for the" && pass "the assessment opens on the EDPB template's screening"
# The guidance hidden: the answers have the room.
tmux_keys h

walk_questions
checks=$((checks + 1))
[ "$tables" -eq 8 ] && [ "$nrisks" -eq 3 ] && [ "$yesno" -gt 0 ] && [ "$text" -gt 0 ] &&
    [ "$dates" -gt 0 ] && [ "$choices" -gt 0 ] &&
    pass "a row in each of the 8 tables, a risk of each feared event" ||
    fail "kinds of answers: $yesno yes/no, $text texts, $dates dates, $tables tables, $choices choices, $nrisks risks"
tmux_wait "DPIA required" && pass "the screening requires a DPIA"
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
contains "$T/hist" "an.art9" "the Art. 9(2) reasons asked for the special-category item, answered"
contains "$T/hist" "an.li-test" "the legitimate-interests test asked for the purpose, answered"

# The register: each risk High before the measures, Low after, below the
# threshold.
goto_section "4. Risks to the"
tmux_wait "Risk register" && pass "the risks section is the register once each event has a risk"
tmux_wait "3/3 High"
tmux_wait "1/2 Low"

# One measure for the three risks, in a group, partially implemented.
goto_section "2. Measures"
walk_measure "Aggregates over groups of 10,000 accounts only" "Data lead" "$DUE" \
    "Data protection by design" "Partially implemented"
tmux_wait "R1,R2,R3" && pass "measure M1 addresses the three risks"
tmux_wait "Partially"

# The sign-off page: nothing but the DPO's advice and the decision
# missing; no consultation at a low residual risk.
goto_section "6. Decision"
tmux_wait "question 1 of"
tmux_keys End
tmux_wait "Sign-off of revision 1"
tmux_wait "(highest residual risk: Low)." && pass "Art. 36: not required at a low residual risk"
tmux_wait "The DPO's advice is not recorded" && pass "the missing DPO's advice is listed"
record_dpo "Dana Officer" "Proceed." && pass "DPO's advice recorded"
record_assessor "Anna Assessor"
record_decision "Approve with conditions" "Chris Controller" "Only aggregates are posted." "$REVIEW"
checks=$((checks + 1))
[ "$review_asked" = yes ] && pass "the review date is asked for" || fail "the review date is not asked for"
tmux_wait "Decision recorded: Approved with conditions." && pass "approved with conditions"
checks=$((checks + 1))
left_pane | grep -q "^ Approved with conditions *$" && pass "status shown: Approved with conditions" ||
    fail "status not shown: $(left_pane)"
checks=$((checks + 1))
left_pane | grep -q "^ Residual risk: Low" && pass "residual risk shown: Low" ||
    fail "residual risk not shown: $(left_pane)"
tmux_wait "Decision: Approved with conditions by Chris"
tmux_wait "Review date: $REVIEW"
tmux_keys q
tmux_wait_exit >/dev/null

# The command line agrees; the record validates and holds the answers.
"$DPIA" -d "$DB" show 1 >"$T/show"
contains "$T/show" "template: edpb-2026 version 1.0"
contains "$T/show" "status: Approved with conditions"
contains "$T/show" "Approve with conditions" "show names the decision"
contains "$T/show" "review date: $REVIEW"
"$DPIA" -d "$DB" export 1 --format xml -o "$T/r.xml" || fail "export xml"
if [ -n "$XMLLINT" ]; then
    run 0 "$XMLLINT" --noout --relaxng "$TOP_SRCDIR/templates/dpia-record.rng" "$T/r.xml" &&
        pass "the record validates against dpia-record.rng"
fi
for ref in C1 V1 T1 D1 P1 TR1 L1 A1; do
    contains "$T/r.xml" "<row number=\"1\" ref=\"$ref\">" "the record holds row $ref"
done
contains "$T/r.xml" '<cell column="holder" label="Held or run by">C1</cell>' \
    "the asset held by the party C1"
tab=$(printf '\t')
"$DPIA" -d "$DB" table 1 purposes >"$T/purposes" || fail "dpia table purposes"
contains "$T/purposes" "P1${tab}Social-media posts of viewing counts${tab}D1${tab}legitimate-interests" \
    "the purpose as typed, citing D1, on legitimate interests"
"$DPIA" -d "$DB" table 1 assets >"$T/assets" || fail "dpia table assets"
contains "$T/assets" "A1${tab}Data warehouse${tab}software${tab}C1${tab}L1" \
    "the asset as typed, held by C1, in the phase L1"
contains "$T/r.xml" '<group name="Data protection by design and by default (Art. 25)">by-design</group>' \
    "the measure's group"
contains "$T/r.xml" 'status-label="Partially implemented"' "the measure's status"
contains "$T/r.xml" 'id="edpb-2026"'
"$DPIA" -d "$DB" export 1 --format html -o "$T/r.html" || fail "export html"
tr '\n' ' ' <"$T/r.html" | tr -s ' ' >"$T/flat"
for s in 0 1 2 3 4 5 6; do
    contains "$T/flat" "<td class=\"small\">EDPB 2026 §$s</td>" "coverage of EDPB section $s"
done
contains "$T/flat" "<h2>Coverage of the template: EDPB DPIA template, consultation version 1.0</h2>"
contains "$T/flat" "Only aggregates are posted."
done_testing
