#!/bin/sh
# U on the assessment screen: a yes/no answer changed, then U brings the
# previous answer back with a line naming the question and the value;
# the change log has the undo. Someone else's change is undone only
# after asking: no keeps it, yes undoes it. A risk deleted on the
# register comes back with U.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(test_db db.sqlite)
"$DPIA" -d "$DB" new --title "Loyalty programme" >/dev/null
"$DPIA" -d "$DB" member 1 add bob contributor >/dev/null || fail "adding bob"
DPIA_USER=tester "$DPIA" -d "$DB" answer 1 scr.evaluation yes || fail "answering from the CLI"

tmux_start 80 24 -d "$DB"
tmux_wait "Loyalty programme"
tmux_keys Enter
tmux_wait "question 1 of"
# To the evaluation question, by its text.
tmux_select "Does the processing evaluate or score"
tmux_wait "(*) Yes    ( ) No" && pass "the stored answer is shown"
tmux_keys n
tmux_wait "( ) Yes    (*) No" && pass "the answer changed to no"
tmux_keys U
tmux_wait "(*) Yes    ( ) No" && pass "U brought yes back"
tmux_wait "Undone: the answer is back to “Yes” for “Does the processing" &&
    pass "the message names the value and the question"
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
contains "$T/hist" "tester	undone: answer scr.evaluation	no	yes"

# Someone else's change: asked first; no keeps it.
DPIA_USER=bob "$DPIA" -d "$DB" answer 1 scr.evaluation no || fail "bob's answer"
# Shown first (within a second, no key pressed): the news of it cannot
# then replace what the undo says.
tmux_wait "bob changed the answer to scr.evaluation."
tmux_keys U
tmux_wait "Someone else's change"
tmux_wait "made by bob" && pass "the question names who"
tmux_keys n
tmux_wait "Nothing was undone." && pass "no keeps bob's change"
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
checks=$((checks + 1))
n=$(grep -c "undone: answer scr.evaluation" "$T/hist")
[ "$n" -eq 1 ] && pass "nothing recorded on no" || fail "$n undos recorded after no"
# Yes undoes it.
tmux_keys U
tmux_wait "Someone else's change"
tmux_keys y
tmux_wait "Undone: the answer is back to “Yes”" && pass "yes undoes bob's change"
tmux_wait "(*) Yes    ( ) No"
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
checks=$((checks + 1))
n=$(grep -c "tester	undone: answer scr.evaluation	no	yes" "$T/hist")
[ "$n" -eq 2 ] && pass "the second undo is in the change log" || fail "$n undos recorded"

# On the risk register: a risk deleted, then U brings it back whole.
"$DPIA" -d "$DB" risk add 1 --title "Leak" --likelihood 2 --severity 3 \
    >/dev/null || fail "adding a risk"
tmux_keys L
tmux_wait "sorted by"
tmux_wait "Loyalty programme"
tmux_keys Enter
i=0
while ! tmux_screen | grep -qF "Risk register" && [ "$i" -lt 8 ]; do
    tmux_keys NPage End
    sleep 0.2
    i=$((i + 1))
done
tmux_wait "R1   Leak "
tmux_keys D
tmux_wait "Delete risk R1"
tmux_keys y
tmux_wait_gone "R1   Leak " && pass "the risk is deleted"
tmux_keys U
tmux_wait "Undone: risk R1, “Leak”, is back." && pass "U on the register"
tmux_wait "R1   Leak " && pass "the risk is listed again"
"$DPIA" -d "$DB" show 1 >"$T/show"
contains "$T/show" "Leak"
tmux_keys q
tmux_wait_exit >/dev/null
done_testing
