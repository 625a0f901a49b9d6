#!/bin/sh
# The smallest terminal the interface supports, 80x24: what the user
# needs to read is whole, not cut at the edge of the pane.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
"$DPIA" -d "$DB" new --title "Narrow test" >/dev/null
# A risk of each feared event, one measure for the three.
for ty in illegitimate-access unwanted-modification disappearance; do
    "$DPIA" -d "$DB" risk add 1 --title "Risk of $ty" --type "$ty" --likelihood 3 --severity 3 \
        --likelihood-after 1 --severity-after 2 >/dev/null || fail "risk add $ty"
done
"$DPIA" -d "$DB" measure add 1 --title "Pseudonyms" --owner "Data lead" --due 2027-06-30 \
    --risks 1,2,3 >/dev/null || fail "measure add"
# Two answers marked for follow-up, and the DPO's advice.
"$DPIA" -d "$DB" answer 1 nec.information "In the app." --flag >/dev/null || fail "answer"
"$DPIA" -d "$DB" answer 1 desc.concerns "None known." --flag >/dev/null || fail "answer"
"$DPIA" -d "$DB" signoff 1 --role dpo --name "Dana Okafor" --advice "Do not go ahead." \
    --followed yes >/dev/null || fail "signoff"

tmux_start 80 24 -d "$DB"
tmux_wait "Narrow test"
tmux_keys Enter
tmux_wait "question 1 of"

# The question counter: the section title gives way, the counter stays.
tmux_screen >"$T/q"
checks=$((checks + 1))
grep -qE "question 1 of [0-9]+  \(required\)" "$T/q" &&
    pass "the question counter is whole at 80 columns" ||
    fail "the question counter is cut: $(sed -n 2p "$T/q")"

# The measures: the risks each one addresses stay readable.
tmux_keys g
tmux_wait "Go to section"
tmux_select "> Measures to address"
tmux_keys Enter
tmux_wait "Measures and action plan"
tmux_wait "R1,R2,R3" && pass "the risks a measure addresses are whole"

# The sign-off page: its lines above the list wrap instead of ending at
# the edge.
tmux_keys ']'
tmux_wait "question 1 of"
tmux_keys End
tmux_wait "Sign-off of revision 1"
tmux_wait "(highest residual risk: Low)." && pass "the Art. 36 line is whole"
tmux_wait "(Enter goes to it):" && pass "the count of what is missing is whole"

# The warnings before a decision: every one, and the question, on screen.
tmux_select "Decision:"
tmux_keys Enter
tmux_wait "Approve with conditions"
tmux_select "> Reject"
tmux_keys Enter
tmux_wait "Controller's decision-maker"
tmux_type "Lee Chen"
tmux_keys Escape
tmux_wait "Record the decision with these warnings acknowledged?"
tmux_screen >"$T/warn"
contains "$T/warn" "nec.information is marked for follow-up." "first warning shown"
contains "$T/warn" "desc.concerns is marked for follow-up." "second warning shown"
contains "$T/warn" "Record the decision with these warnings acknowledged?" "with the question"
tmux_keys n
tmux_wait "No decision recorded."

# A long message in the status bar takes the room of "saved": V on the
# first revision, after an answer was saved.
tmux_keys g
tmux_wait "Go to section"
tmux_select "> Screening"
tmux_keys Enter Down
tmux_wait "( ) Yes    ( ) No"
tmux_keys y
tmux_wait "is now Yes"
tmux_keys V
tmux_wait "This is the first revision: there is nothing to compare it with." &&
    pass "a long message is whole in the status bar"

tmux_keys q
tmux_wait_exit >/dev/null
done_testing
