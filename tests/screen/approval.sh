#!/bin/sh
# A whole assessment at the keyboard, at 80x24: a new one created in the
# interface and answered question by question (u finds the next one; the
# answer widget on screen says how to answer it; a table gets a row
# through the table editor, the purpose on legitimate interests), the risk register with
# a risk of each feared event, a measure for them, the DPO's advice, the
# assessor, and the decision "Approve with conditions" with its review
# date and the warnings acknowledged; then revision 2 (R), a changed
# answer seen in V, the DPO's advice recorded again and "Approve". The
# command line agrees at each step.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(test_db db.sqlite)
SENTENCE="Answered at the keyboard for the pilot."
START=2027-09-01   # the processing starts
DUE=2027-06-30     # the measure is done before
REVIEW=2027-12-31

. "$TOP_SRCDIR/tests/screen/walk.sh"

WALK_TEXT=$SENTENCE
WALK_DATE=$START
WALK_ENTRY="Loyalty programme members"
# Two WP248 criteria: profiling, on a large scale.
WALK_YES="evaluate or score people|processed on a large scale"
# Two answers to check later: warnings to acknowledge.
WALK_FOLLOW="How and when are people told|How can people object"
WALK_RISK_ACCESS="Loyalty scores seen by staff"
WALK_RISK_MODIFICATION="Wrong score cuts an offer"
WALK_RISK_DISAPPEARANCE="Lost opt-out records"

# walk_row REF: a data item with its retention, or a purpose citing D1
# on legitimate interests.
walk_row() {
    if [ "$1" = D1 ]; then
        tmux_type "Purchase history"
        tmux_keys Tab Tab Tab
        tmux_type "Three years after the last purchase"
    else
        tmux_wait "New row P1"
        tmux_type "Loyalty scoring"
        tmux_keys Tab
        tmux_wait "[ ] D1"
        tmux_keys Space
        tmux_wait "[x] D1"
        tmux_keys Tab
        press_until Right "< Legitimate interests of the controller"
    fi
}

tmux_start 80 24 -d "$DB"
tmux_wait "No assessments yet"
tmux_keys n
tmux_wait "EDPB DPIA template, consultation version 1.0 (edpb-2026, built-in)"
tmux_keys Enter
tmux_wait "Risk method"
tmux_keys Enter
tmux_wait "Language of the assessment"
tmux_keys Enter
tmux_wait "Title (the processing"
tmux_type "Loyalty scoring pilot"
tmux_keys Enter
tmux_wait "question 1 of"
# The guidance hidden: the answers have the room.
tmux_keys h

# Every question, found with u, until none is left.
walk_questions
checks=$((checks + 1))
[ "$yesno" -gt 0 ] && [ "$text" -gt 0 ] && [ "$dates" -gt 0 ] && [ "$lists" -gt 0 ] &&
    [ "$tables" -eq 2 ] && [ "$choices" -gt 0 ] && [ "$nrisks" -eq 3 ] && pass "every kind of answer given" ||
    fail "kinds of answers: $yesno yes/no, $text texts, $dates dates, $lists lists, $tables tables, $choices choices, $nrisks risks"
tmux_wait "DPIA required" && pass "the screening requires a DPIA"
# The legitimate-interest questions followed the purpose's lawful basis.
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
contains "$T/hist" '1\tPurchase history\t\t\tThree years after the last purchase' \
    "the data item as typed in the table editor"
contains "$T/hist" '1\tLoyalty scoring\tD1\tlegitimate-interests' \
    "the purpose as typed, citing D1, on legitimate interests"
contains "$T/hist" "nec.li-balancing" "the questions the lawful basis opened are answered"

# With a risk of each feared event, the section holds the register alone.
goto_section "Risks to people"
tmux_wait "Risk register" && pass "the risks section is the register once each event has a risk"
tmux_wait "3/3 High"
tmux_wait "1/2 Low"

# One measure for the three risks, due before the processing starts.
tmux_keys ']'
walk_measure "Scores computed on pseudonyms" "Data lead" "$DUE"
tmux_wait "R1,R2,R3" && pass "measure M1 addresses the three risks"
tmux_wait "$DUE"

# The sign-off page: what is missing, then the sign-offs.
tmux_keys ']'
tmux_wait "question 1 of"
tmux_keys End
tmux_wait "Sign-off of revision 1"
tmux_wait "Prior consultation (Art. 36): not required"
tmux_wait "(highest residual risk: Low)." && pass "Art. 36: not required at a low residual risk"
tmux_wait "The DPO's advice is not recorded" && pass "the missing DPO's advice is listed"
tmux_wait "DPO's advice: (not recorded)"
# The page and dpia show count the same missing items and give the same
# reasons; "not required" stands beside no Art. 36 gap.
tmux_screen >"$T/page"
n_page=$(grep -o '[0-9][0-9]* items* [a-z]* missing for sign-off' "$T/page" | cut -d' ' -f1)
"$DPIA" -d "$DB" show 1 >"$T/show"
n_show=$(sed -n 's/^Missing for sign-off (\([0-9]*\))$/\1/p' "$T/show")
checks=$((checks + 1))
[ -n "$n_page" ] && [ "$n_page" = "$n_show" ] && pass "the page and show count $n_page missing items" ||
    fail "the page counts ${n_page:-?} missing items, show ${n_show:-?}"
sed -n '/^Missing for sign-off/,/^$/s/^  - \(.\{1,30\}\).*/\1/p' "$T/show" >"$T/reasons"
while IFS= read -r reason; do
    contains "$T/page" "$reason" "the page gives show's reason: $reason"
done <"$T/reasons"
lacks "$T/page" "Art. 36; WP248" "no Art. 36 gap beside \"not required\""

record_dpo "Dana Okafor" "Go ahead." && pass "DPO's advice recorded"
record_assessor "Sam Reyes"

# The decision: approval with conditions; the review date is asked for
# on the way, the conditions written in the controller's form, the
# warnings (the questions marked for follow-up) acknowledged.
record_decision "Approve with conditions" "Lee Chen" "Scores stay out of pricing." "$REVIEW"
checks=$((checks + 2))
[ "$review_asked" = yes ] && pass "the review date is asked for" || fail "the review date is not asked for"
[ "$warned" = yes ] && pass "the warnings are put to the user" || fail "no warnings put to the user"
contains "$T/warn" "nec.information is marked for follow-up." "first warning shown"
contains "$T/warn" "nec.objection is marked for follow-up." "second warning shown"
tmux_wait "Decision recorded: Approved with conditions." && pass "approved with conditions"
checks=$((checks + 1))
left_pane | grep -q "^ Approved with conditions *$" && pass "status shown: Approved with conditions" ||
    fail "status not shown: $(left_pane | sed -n 13p)"
tmux_wait "Decision: Approved with conditions by Lee Chen"
tmux_wait "Review date: $REVIEW"
# Read-only as signed: the message is whole at 80 columns.
tmux_keys Home Enter
tmux_wait "Approved with conditions: read-only as signed. Press R to open a new revision." &&
    pass "read-only after the decision, said in full"
tmux_wait "Answer: $SENTENCE" && pass "the signed answer opens to be read"
tmux_keys Escape
tmux_wait_gone "Answer: $SENTENCE"

"$DPIA" -d "$DB" show 1 >"$T/show1"
contains "$T/show1" "status: Approved with conditions"
contains "$T/show1" "Approve with conditions" "show names the decision"
contains "$T/show1" "review date: $REVIEW"
contains "$T/show1" "Revision 1 is decided (Approved with conditions)"
"$DPIA" -d "$DB" history 1 >"$T/hist1"
contains "$T/hist1" "Status: Draft → Approved with conditions" "history has the status change"
contains "$T/hist1" "Controller's decision-maker — Decision: Approve with conditions"
contains "$T/hist1" "Warnings acknowledged: nec.information is marked for follow-up." \
    "history keeps the acknowledged warnings"

# Revision 2: a draft with no sign-offs.
tmux_keys End
tmux_wait "Sign-off of revision 1"
tmux_keys R
tmux_wait "Open revision 2?"
tmux_keys y
tmux_wait "Revision 2 opened: a draft, with no sign-offs yet." && pass "revision 2 opened"
tmux_wait "Sign-off of revision 2"
tmux_wait "DPO's advice: (not recorded)" && pass "revision 2 has no DPO's advice yet"
tmux_wait "Draft"

# A changed answer: the first question of the sign-off section.
tmux_keys Home
tmux_wait "Who will keep this DPIA under review"
tmux_keys Enter End
tmux_type " Reviewed every six months."
tmux_keys Escape
tmux_wait "Reviewed every six months."
tmux_keys V
tmux_wait "Changes since revision 1"
tmux_select "Answer sign.review-owner"
tmux_wait "After: $SENTENCE Reviewed every" && pass "V lists the changed answer, before and after"
tmux_keys Escape
tmux_wait_gone "Changes since revision 1"

# The DPO's advice again, then "Approve".
record_dpo "Dana Okafor" "Go ahead." && pass "DPO's advice recorded for revision 2"
tmux_wait "Review date: $REVIEW" && pass "the review date stays"
# Approve; the questions are still marked for follow-up: acknowledged
# again.
record_decision Approve "Lee Chen"
checks=$((checks + 1))
[ "$warned" = yes ] && pass "the warnings are put to the user again" ||
    fail "the warnings are not put to the user again"
tmux_wait "Decision recorded: Approved." && pass "revision 2 approved"
tmux_wait "Sign-off of revision 2"
checks=$((checks + 1))
left_pane | grep -q "^ Approved *$" && pass "status shown: Approved" ||
    fail "status not shown: $(left_pane | sed -n 13p)"
tmux_keys q
tmux_wait_exit >/dev/null

"$DPIA" -d "$DB" show 1 >"$T/show2"
contains "$T/show2" "status: Approved"
lacks "$T/show2" "Approved with conditions" "revision 2 is approved without conditions"
contains "$T/show2" "revision 2"
"$DPIA" -d "$DB" show 1 --revision 1 >"$T/rev1"
contains "$T/rev1" "status: Approved with conditions" "revision 1 keeps its decision"
contains "$T/rev1" "Approve with conditions"
"$DPIA" -d "$DB" diff 1 >"$T/diff"
contains "$T/diff" "Answer sign.review-owner" "diff lists the changed answer"
contains "$T/diff" "→ $SENTENCE Reviewed every"
done_testing
