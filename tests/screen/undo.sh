#!/bin/sh
# U on the assessment screen: a yes/no answer changed, then U brings the
# previous answer back with a line naming the question and the value;
# the change log has the undo. Someone else's change is undone only
# after asking: no keeps it, yes undoes it.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
"$DPIA" -d "$DB" new --title "Loyalty programme" >/dev/null
DPIA_USER=tester "$DPIA" -d "$DB" answer 1 scr.evaluation yes || fail "answering from the CLI"

tmux_start 80 24 -d "$DB"
tmux_wait "Loyalty programme"
tmux_keys Enter
tmux_wait "question 1 of"
# To the evaluation question, by its text.
i=0
while ! tmux_screen | grep -qF "evaluate or score" && [ "$i" -lt 20 ]; do
    tmux_keys Down
    sleep 0.1
    i=$((i + 1))
done
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
tmux_keys q
tmux_wait_exit >/dev/null
done_testing
