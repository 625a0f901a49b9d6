#!/bin/sh
# Recording on someone's behalf at the keyboard: a contributor opens the
# DPO's sign-off, which is not theirs; the interface says whose it is and
# offers to record it on their behalf, asks why, and the change log, the
# sign-off page and the record say who recorded it, for whom and why. A
# reason left empty records nothing; declining shows the sign-off to
# read; a reader is not offered it at all.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(test_db db.sqlite)
as() { who=$1; shift; DPIA_USER=$who "$DPIA" -d "$DB" "$@" >/dev/null || fail "$who: $*"; }
as tester new --title "Loyalty card"
as tester member 1 add carl contributor
as tester member 1 add dana dpo
as tester member 1 add max decision-maker
as tester member 1 add rita reader
as carl answer 1 scr.project "Points for every visit."

# The sign-off page: the last page of the assessment.
signoff_page() {
    tmux_wait "Loyalty card"
    tmux_keys Enter
    tmux_wait "question 1 of"
    tmux_keys g 7 End
    tmux_wait "Sign-off of revision 1"
}

DPIA_ENV="DPIA_USER=carl"
tmux_start 100 30 -d "$DB"
signoff_page
# Declined: the sign-off is shown to read, nothing recorded.
tmux_select "DPO's advice:"
tmux_keys Enter
tmux_wait "On someone's behalf" && pass "the contributor is offered to record it on someone's behalf"
tmux_wait "carl (contributor) cannot record the DPO's advice" && pass "...told whose it is"
tmux_wait "Record it on behalf of dana" && pass "...and for whom"
tmux_keys n
tmux_wait "Data Protection Officer (read-only)" && pass "declined: the sign-off is shown to read"
tmux_keys Escape
tmux_wait_gone "Data Protection Officer (read-only)"
# No reason: nothing recorded.
tmux_select "DPO's advice:"
tmux_keys Enter
tmux_wait "Record it on behalf of dana"
tmux_keys y
tmux_wait "Why you record it for dana:"
tmux_keys Enter
tmux_wait "Nothing recorded on dana's behalf: the reason is needed." &&
    pass "a reason left empty records nothing"
# With the reason: the form, then the record.
tmux_select "DPO's advice:"
tmux_keys Enter
tmux_wait "Record it on behalf of dana"
tmux_keys y
tmux_wait "Why you record it for dana:"
tmux_type "signed paper copy"
tmux_keys Enter
tmux_wait "Advice followed"
tmux_type "Dana Officer"
tmux_keys Tab Tab Tab
tmux_type "Go ahead without the basket data."
tmux_keys Escape
tmux_wait "Data Protection Officer recorded on behalf of dana." &&
    pass "the status bar says it was recorded on dana's behalf"
tmux_wait "DPO's advice: Go ahead without the basket data." && pass "the advice is on the page"
tmux_keys q
tmux_wait_exit >/dev/null

"$DPIA" -d "$DB" history 1 >"$T/hist"
contains "$T/hist" "carl  Recorded on someone's behalf: Data Protection Officer: recorded by carl on behalf of dana (dpo): signed paper copy" \
    "the change log says who recorded it, for whom and why"
"$DPIA" -d "$DB" export 1 --format xml >"$T/rec.xml"
contains "$T/rec.xml" 'recorded-by="carl"' "the record keeps who recorded it"
"$DPIA" -d "$DB" show 1 >"$T/show"
contains "$T/show" "sign-off dpo: recorded by carl on behalf of dana (dpo): signed paper copy"

# A reader is not offered it: the sign-off is read, and the status bar
# says why.
DPIA_ENV="DPIA_USER=rita"
tmux_start 100 30 -d "$DB"
signoff_page
tmux_select "Decision:"
tmux_keys Enter
tmux_wait "rita (reader) cannot record the controller's decision" &&
    pass "a reader is told why, not offered to record it for someone"
tmux_wait_gone "On someone's behalf"
tmux_keys Escape q
tmux_wait_exit >/dev/null

done_testing
