#!/bin/sh
# Records other than answers are not overwritten in silence either: the
# DPO's advice recorded from the command line while the interface's
# sign-off form is open is detected when the form is saved; the DPO
# chooses whose advice stays, and the date is never emptied. A form
# whose save fails (the assessment deleted meanwhile) opens again with
# what was typed.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(test_db db.sqlite)
"$DPIA" -d "$DB" new --title "Shared advice" >/dev/null

# open_dpo_form: from the assessment, the sign-off page, then the DPO's
# row (the last rows are the DPO, the assessor, the decision and the
# review date: Down stops on the last one).
open_dpo_form() {
    tmux_keys g 7 End
    tmux_wait "Sign-off of revision 1"
    n=0
    while [ "$n" -lt 60 ]; do tmux_keys Down; n=$((n + 1)); done
    tmux_keys Up Up Up Enter
    tmux_wait "Advice followed"
}

tmux_start 110 34 -d "$DB"
tmux_wait "Shared advice"
tmux_keys Enter
tmux_wait "question 1 of"
open_dpo_form
tmux_type "Dana Mine"
tmux_keys Tab Tab Tab
tmux_type "My advice"
# Meanwhile, from another terminal.
"$DPIA" -d "$DB" signoff 1 --role dpo --name "Dana Theirs" --advice "Their advice" \
    --date 2026-11-30 || fail "signoff from the CLI"
tmux_keys Escape
tmux_wait "Changed elsewhere" && pass "the conflict on the sign-off is detected"
tmux_wait "in another session" && pass "the dialog says what happened"
tmux_keys n
tmux_wait "Kept the other session's version." && pass "theirs kept on n"
tmux_wait "Their advice" && pass "the page shows the advice that was kept"
"$DPIA" -d "$DB" show 1 >"$T/show"
contains "$T/show" "Dana Theirs, 2026-11-30" "theirs in the database, date kept"

# Again, and keep mine this time.
open_dpo_form
"$DPIA" -d "$DB" signoff 1 --role dpo --name "Dana Theirs" --advice "Their second advice" ||
    fail "signoff from the CLI"
tmux_keys Tab Tab Tab
tmux_type " (mine)"
tmux_keys Escape
tmux_wait "Changed elsewhere"
tmux_keys y
tmux_wait "Data Protection Officer recorded." && pass "mine saved on y"
"$DPIA" -d "$DB" show 1 >"$T/show"
contains "$T/show" "Dana Theirs" "the name from the form"
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
contains "$T/hist" "Their advice (mine)" "mine, typed over what the form showed"

# The assessment deleted in another session while the form is open: the
# save fails with the reason, and the form opens again with what was
# typed, until it is discarded.
open_dpo_form
tmux_keys Tab Tab Tab
tmux_type " and a third thought"
"$DPIA" -d "$DB" delete 1 --yes || fail "delete from the CLI"
tmux_keys Escape
tmux_wait "Not saved" && pass "the sign-off of a deleted assessment is not saved"
tmux_wait "no longer in the database (deleted in another session?)" && pass "the reason is said"
tmux_keys Enter
tmux_wait_gone "The form opens again"
tmux_wait "and a third thought" && pass "the form opens again with what was typed"
tmux_wait "Advice followed"
tmux_keys F8
tmux_wait "Close the form without saving"
tmux_keys y
tmux_wait_gone "Advice followed" && pass "F8 closes it"
tmux_keys q
status=$(tmux_wait_exit)
checks=$((checks + 1))
[ "$status" = 0 ] && pass "q exits 0" || fail "exit status '$status' after q"
done_testing
