#!/bin/sh
# Sign-off at the keyboard: a new revision of the approved worked
# example starts with no sign-offs, so the DPO's advice is recorded again
# before the decision is taken again (the decision-maker named, the
# warnings acknowledged); the assessment is read-only afterwards; with a
# high residual risk, prior consultation (Art. 36) is required and
# "Approve" is not offered.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(test_db db.sqlite)
"$DPIA" -d "$DB" import "$TOP_SRCDIR/data/examples/streaming-factoids.xml" >/dev/null ||
    fail "import of the worked example"

# wait_any TEXT...: waits until the screen shows one of the TEXTs;
# prints the one it showed.
wait_any() {
    i=0
    while [ "$i" -lt "$WAIT_TENTHS" ]; do
        tmux_screen >"$T/any"
        for t in "$@"; do
            if grep -qF -- "$t" "$T/any"; then
                printf '%s\n' "$t"
                return 0
            fi
        done
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

tmux_start 110 34 -d "$DB"
tmux_wait "Viewing factoids"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 7 End
tmux_wait "Sign-off of revision 1"
tmux_wait "Prior consultation (Art. 36): not required" && pass "Art. 36 not required"
tmux_wait "Revision 1 is decided: Approved with conditions."
tmux_keys R
tmux_wait "Open revision 2?"
tmux_keys y
tmux_wait "Revision 2 opened: a draft, with no sign-offs yet." && pass "revision 2 opened"
tmux_wait "Sign-off of revision 2"
tmux_wait "Draft"
tmux_wait "DPO's advice: (not recorded)" && pass "the new revision has no sign-offs"
tmux_wait "The DPO's advice is not recorded" && pass "the DPO's advice is missing for sign-off"

# The decision cannot be taken before the DPO's advice is recorded again.
tmux_select "Decision:"
tmux_keys Enter
tmux_wait "Approve with conditions"
tmux_select "Approve with conditions"
tmux_keys Enter
tmux_wait "Cannot approve yet" && pass "approval refused without the DPO's advice"
tmux_wait "The DPO's advice is not recorded"
tmux_keys Enter
tmux_wait_gone "Cannot approve yet"

# The DPO's advice, followed.
tmux_select "DPO's advice:"
tmux_keys Enter
tmux_wait "Advice followed"
tmux_type "Anja Vermeulen"
tmux_keys Tab Tab Tab
tmux_type "Go ahead with the conditions of revision 1."
tmux_keys Tab Right
tmux_wait "< Yes, followed >"
tmux_keys Escape
tmux_wait "DPO's advice: Go ahead with the conditions of revision 1.  [followed]" &&
    pass "DPO's advice recorded"
tmux_wait_gone "The DPO's advice is not recorded"

# The decision: approval with conditions, by a named decision-maker.
tmux_select "Decision:"
tmux_keys Enter
tmux_wait "Approve with conditions"
tmux_select "Approve with conditions"
tmux_keys Enter
if [ "$(wait_any "Controller's decision-maker" "When the DPIA will be reviewed")" != "Controller's decision-maker" ]; then
    tmux_type "2027-06-30"
    tmux_keys Enter
fi
tmux_wait "Controller's decision-maker"
tmux_wait "Conditions"
tmux_type "Luca Bianchi"
tmux_keys Tab Tab Tab
tmux_type "The conditions of the DPO's advice."
tmux_keys Escape
if [ "$(wait_any "Record the decision with these warnings" "Decision recorded:")" != "Decision recorded:" ]; then
    pass "warnings put to the user before the decision"
    tmux_keys y
fi
tmux_wait "Decision recorded: Approved with conditions." && pass "decision taken, status set"
tmux_wait "Decision: Approved with conditions by Luca Bianchi"
tmux_select "DPO's advice:"
tmux_keys Enter
tmux_wait "Approved with conditions: read-only as signed. Press R to open a new revision." &&
    pass "read-only after approval"
tmux_wait "Data Protection Officer (read-only)" && pass "a decided sign-off opens to be read"
tmux_wait "Go ahead with the conditions" && pass "the advice is shown in full"
tmux_keys Escape
tmux_wait_gone "Data Protection Officer (read-only)"
tmux_keys q
tmux_wait_exit >/dev/null
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
contains "$T/hist" "draft" "the revision is in the history"
"$DPIA" -d "$DB" show 1 >"$T/show"
contains "$T/show" "revision 2"
contains "$T/show" "status: Approved with conditions"

# A residual risk that stays high, in revision 3.
"$DPIA" -d "$DB" revise 1 >/dev/null || fail "revise"
"$DPIA" -d "$DB" risk add 1 --title "Leak of raw viewing logs" --type illegitimate-access \
    --likelihood 4 --severity 4 --likelihood-after 4 --severity-after 4 >/dev/null || fail "risk add"
tmux_kill
tmux_start 110 34 -d "$DB"
tmux_wait "Viewing factoids"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 7 End
tmux_wait "The highest residual risk is high: prior consultation" &&
    pass "Art. 36 required at a high residual risk"
tmux_select "Decision:"
tmux_keys Enter
tmux_wait "Decision (Art. 36 consultation required)"
tmux_screen >"$T/pick"
contains "$T/pick" "Refer to the supervisory authority"
contains "$T/pick" "> Reject" "reject offered first"
lacks "$T/pick" "│ > Approve" "approve not offered"
lacks "$T/pick" "│   Approve" "no approval of any kind offered"
tmux_keys Escape
tmux_keys q
tmux_wait_exit >/dev/null

# A screening that concludes no DPIA, closed with the DPO's sign-off: the
# page says so, and that there is no prior consultation to judge.
d() { "$DPIA" -d "$DB" "$@" >/dev/null || fail "dpia $*"; }
d new --title "Canteen menu survey"
for q in evaluation automated-decision monitoring sensitive large-scale matching vulnerable \
    innovative prevents-rights art35-3a art35-3b art35-3c sa-list; do
    d answer 2 "scr.$q" no
done
d answer 2 scr.project "An anonymous survey of menu preferences"
d answer 2 scr.decision not-carry-out
d signoff 2 --role dpo --name "Anja Vermeulen" --advice "No criterion is met."
d close 2
tmux_kill
tmux_start 110 34 -d "$DB"
tmux_wait "Canteen menu survey"
tmux_select "Canteen menu survey"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 7 End
tmux_wait "Sign-off of revision 1"
tmux_wait "Revision 1 is decided: DPIA not required." && pass "the page says the DPIA is not required"
tmux_wait "Closed: DPIA not required (screening, with the DPO's sign-off)"
tmux_wait "Prior consultation (Art. 36): not required (the screening concluded" &&
    pass "no prior consultation to judge after a screening-only close"
tmux_keys q
tmux_wait_exit >/dev/null
done_testing
