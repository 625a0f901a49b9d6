#!/bin/sh
# The smallest terminal the interface supports, 80x24: what the user
# needs to read is whole, not cut at the edge of the pane.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
"$DPIA" -d "$DB" new --title "Narrow test" >/dev/null

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

tmux_keys q
tmux_wait_exit >/dev/null
done_testing
