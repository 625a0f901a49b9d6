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

DB=$T/db.sqlite
SENTENCE="Answered at the keyboard for the pilot."
START=2027-09-01   # the processing starts
DUE=2027-06-30     # the measure is done before
REVIEW=2027-12-31

# What the screen shows above the status bar (the question or page
# selected, the list of the section), to see that a key moved.
head_line() {
    tmux_screen | sed '$d' | cksum
}

# after_u OLD: waits until u has moved off the question OLD showed, or
# said that nothing is left.
after_u() {
    i=0
    while [ "$i" -lt $((WAIT_TENTHS * 2)) ]; do
        scr=$(tmux_screen)
        [ "$(printf '%s\n' "$scr" | sed '$d' | cksum)" != "$1" ] && return 0
        case "$scr" in *"Every shown question is answered."*) return 0 ;; esac
        sleep 0.05
        i=$((i + 1))
    done
    fail "u did not move from: $1"
    tmux_screen | sed 's/^/  | /'
    return 1
}

# press_until KEY TEXT: presses KEY until the screen shows TEXT (a value
# cycled with Left/Right).
press_until() {
    n=0
    while [ "$n" -lt 8 ]; do
        tmux_screen | grep -qF -- "$2" && return 0
        before=$(tmux_screen)
        tmux_keys "$1"
        i=0
        while [ "$i" -lt "$WAIT_TENTHS" ] && [ "$(tmux_screen)" = "$before" ]; do
            sleep 0.05
            i=$((i + 1))
        done
        n=$((n + 1))
    done
    tmux_wait "$2"
}

# left_pane: the left-hand pane (sections, progress, status).
left_pane() {
    tmux_screen | sed 's/│.*//'
}

# goto_section NAME: g, then the section picked by its name.
goto_section() {
    tmux_keys g
    tmux_wait "Go to section"
    tmux_select "> $1"
    tmux_keys Enter
    tmux_wait_gone "Go to section"
}

# add_risk TYPE TITLE: from a question of the risks section, the register
# (End), a new risk of TYPE scored High before measures, Low after.
nrisks=0
add_risk() {
    tmux_keys End
    tmux_wait "Risk register"
    tmux_keys a
    tmux_wait "New risk"
    tmux_type "$2"
    tmux_keys Tab
    press_until Right "< $1 >"
    # Description, sources, threats, impacts; then the scores, each
    # followed by its reason.
    tmux_keys Tab Tab Tab Tab Tab
    tmux_wait "Likelihood before"
    tmux_wait "Maximum:"
    tmux_keys 3 Tab Tab 3 Tab Tab 1 Tab Tab 2 Escape
    nrisks=$((nrisks + 1))
    tmux_wait "Risk R$nrisks added." && pass "risk R$nrisks added: $1"
}

# answer: answers the question on screen ($T/q) as its widget asks.
answer() {
    q=$T/q
    if grep -qF "No risk of illegitimate access" "$q"; then
        add_risk "Illegitimate access" "Loyalty scores seen by staff"
    elif grep -qF "No risk of unwanted modification" "$q"; then
        add_risk "Unwanted modification" "Wrong score cuts an offer"
    elif grep -qF "No risk of disappearance" "$q"; then
        add_risk "Disappearance" "Lost opt-out records"
    elif grep -qF "( ) Yes    ( ) No" "$q"; then
        # Two WP248 criteria: profiling, on a large scale.
        if grep -qE "evaluate or score people|processed on a large scale" "$q"; then
            tmux_keys y
            tmux_wait "is now Yes"
        else
            tmux_keys n
            tmux_wait "is now No"
        fi
        yesno=$((yesno + 1))
    elif grep -qF "(not answered: Enter to write)" "$q"; then
        tmux_keys Enter
        tmux_type "$SENTENCE"
        tmux_keys Escape
        # Two answers to check later: warnings to acknowledge.
        if grep -qE "How and when are people told|How can people object" "$q"; then
            tmux_wait_gone "editing"
            tmux_keys f
            tmux_wait "is marked for follow-up."
        fi
        text=$((text + 1))
    elif grep -qF "(no date: Enter to set" "$q"; then
        tmux_keys Enter
        tmux_wait "(empty clears it)"
        tmux_type "$START"
        tmux_keys Enter
        dates=$((dates + 1))
    elif grep -qF "(no entries: Enter to edit the list)" "$q"; then
        tmux_keys Enter a
        tmux_wait "Add an entry"
        tmux_type "Loyalty programme members"
        tmux_keys Enter Escape
        lists=$((lists + 1))
    elif grep -qF "(no rows: Enter to edit the table)" "$q"; then
        # A row through the table editor: a data item with its
        # retention, or a purpose citing D1 on legitimate interests.
        tmux_keys Enter a
        tmux_wait "New row "
        if tmux_screen | grep -qF "New row D1"; then
            ref=D1
            tmux_type "Purchase history"
            tmux_keys Tab Tab Tab
            tmux_type "Three years after the last purchase"
        else
            ref=P1
            tmux_wait "New row P1"
            tmux_type "Loyalty scoring"
            tmux_keys Tab
            tmux_wait "[ ]D1"
            tmux_keys Space
            tmux_wait "[x]D1"
            tmux_keys Tab
            press_until Right "< Legitimate interests of the controller"
        fi
        tmux_keys Escape
        tmux_wait "Row $ref added."
        tmux_keys Escape
        tmux_wait "question "
        tables=$((tables + 1))
    elif grep -qE "│ \[ \] " "$q"; then
        tmux_keys Enter Space Enter
        choices=$((choices + 1))
    elif grep -qE "│ \( \) " "$q"; then
        tmux_keys Enter Enter
        choices=$((choices + 1))
    fi
}

tmux_start 80 24 -d "$DB"
tmux_wait "No assessments yet"
tmux_keys n
tmux_wait "EDPB DPIA template, consultation version 1.0 (edpb-2026, built-in)"
tmux_keys Enter
tmux_wait "Risk method"
tmux_keys Enter
tmux_wait "Title (the processing"
tmux_type "Loyalty scoring pilot"
tmux_keys Enter
tmux_wait "question 1 of"
# The guidance hidden: the answers have the room.
tmux_keys h

# Every question, found with u (never by counting rows), until none is
# left; the widget on screen says what kind of answer it takes.
yesno=0 text=0 dates=0 lists=0 tables=0 choices=0
rounds=0
while [ "$rounds" -lt 120 ]; do
    rounds=$((rounds + 1))
    tmux_settled >"$T/q"
    grep -qF "Every shown question is answered." "$T/q" && break
    grep -qE "question [0-9]+ of [0-9]+" "$T/q" && answer
    old=$(head_line)
    tmux_keys u
    after_u "$old" || break
done
checks=$((checks + 1))
grep -qF "Every shown question is answered." "$T/q" &&
    pass "u: every shown question answered ($yesno yes/no, $text texts, $dates dates, $lists lists, $tables tables, $choices choices, $nrisks risks)" ||
    fail "questions left after $rounds rounds"
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
tmux_wait "Measures and action plan"
tmux_keys a
tmux_wait "New measure"
tmux_type "Scores computed on pseudonyms"
tmux_keys Tab Tab Tab
tmux_type "Data lead"
tmux_keys Tab
tmux_type "$DUE"
tmux_keys Tab Tab
tmux_wait "[ ]R3"
tmux_keys Space Right Space Right Space
tmux_wait "[x]R1 [x]R2 [x]R3"
tmux_keys Escape
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

# record_dpo: the DPO's advice, followed.
record_dpo() {
    tmux_keys End
    tmux_select "DPO's advice:"
    tmux_keys Enter
    tmux_wait "Data Protection Officer"
    tmux_type "Dana Okafor"
    tmux_keys Tab Tab Tab
    tmux_type "Go ahead."
    tmux_keys Tab
    press_until Right "< Yes, followed >"
    tmux_keys Escape
    tmux_wait "DPO's advice: Go ahead.  [followed]"
}
record_dpo && pass "DPO's advice recorded"
tmux_select "Assessor:"
tmux_keys Enter
tmux_wait "Comment"
tmux_type "Sam Reyes"
tmux_keys Escape
tmux_wait "Assessor: Sam Reyes"

# The decision: approval with conditions; the review date is asked for
# on the way, the conditions written in the controller's form, the
# warnings (the questions marked for follow-up) acknowledged.
tmux_select "Decision:"
tmux_keys Enter
tmux_wait "Approve with conditions"
tmux_select "> Approve with conditions"
tmux_keys Enter
tmux_wait "When the DPIA will be reviewed" && pass "the review date is asked for"
tmux_type "$REVIEW"
tmux_keys Enter
tmux_wait "Controller's decision-maker"
tmux_wait "Conditions"
tmux_type "Lee Chen"
tmux_keys Tab Tab Tab
tmux_type "Scores stay out of pricing."
tmux_keys Escape
tmux_wait "Record the decision with these warnings acknowledged?" &&
    pass "the warnings are put to the user"
tmux_screen >"$T/warn"
contains "$T/warn" "nec.information is marked for follow-up." "first warning shown"
contains "$T/warn" "nec.objection is marked for follow-up." "second warning shown"
tmux_keys y
tmux_wait "Decision recorded: Approved with conditions." && pass "approved with conditions"
checks=$((checks + 1))
left_pane | grep -q "^ Approved with conditions *$" && pass "status shown: Approved with conditions" ||
    fail "status not shown: $(left_pane | sed -n 13p)"
tmux_wait "Decision: Approve with conditions by Lee Chen"
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
contains "$T/hist1" "draft → approved-with-conditions" "history has the status change"
contains "$T/hist1" "sign-off controller decision: approve-with-conditions"
contains "$T/hist1" "warnings acknowledged: nec.information is marked for follow-up." \
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
tmux_select "answer sign.review-owner"
tmux_wait "After: $SENTENCE Reviewed every" && pass "V lists the changed answer, before and after"
tmux_keys Escape
tmux_wait_gone "Changes since revision 1"

# The DPO's advice again, then "Approve".
record_dpo && pass "DPO's advice recorded for revision 2"
tmux_wait "Review date: $REVIEW" && pass "the review date stays"
tmux_select "Decision:"
tmux_keys Enter
tmux_wait "Approve with conditions"
# Approve: the first of the list.
tmux_keys Home Enter
tmux_wait "Controller's decision-maker"
tmux_type "Lee Chen"
tmux_keys Escape
# The questions are still marked for follow-up: acknowledged again.
tmux_wait "Record the decision with these warnings acknowledged?"
tmux_keys y
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
contains "$T/diff" "answer sign.review-owner" "diff lists the changed answer"
contains "$T/diff" "→ $SENTENCE Reviewed every"
done_testing
