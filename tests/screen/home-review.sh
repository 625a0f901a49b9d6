#!/bin/sh
# The list of assessments at 80x24: s goes through the sort orders to
# "review date", the nearest review first and those without one last;
# a review date that has passed is marked "!" and the line under the
# list says what the mark means, whole, only while one is shown.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(test_db db.sqlite)
d() { "$DPIA" -d "$DB" "$@" >/dev/null || fail "$*"; }
d new --title "Alpha, no review date"
d new --title "Bravo, reviewed last"
d review 2 2099-06-01
d new --title "Charlie, overdue, with a title long enough to be cut in the list at eighty columns"
d review 3 2020-01-01
d new --title "Delta, reviewed next"
d review 4 2098-01-01

tmux_start 80 24 -d "$DB"
tmux_wait "sorted by last change"
tmux_wait "2020-01-01!" && pass "the passed review date is marked"
tmux_wait "! review overdue" && pass "the legend of the mark is shown at 80 columns"

# s until the list is sorted by review date (finding it by its words).
n=0
while ! tmux_screen | grep -qF "sorted by review date" && [ "$n" -lt 8 ]; do
    tmux_keys s
    sleep 0.2
    n=$((n + 1))
done
tmux_wait "sorted by review date" && pass "s reaches the review date order"
tmux_screen >"$T/scr"
grep -oE "(Alpha|Bravo|Charlie|Delta)," "$T/scr" | tr -d ',' | tr '\n' ' ' >"$T/order"
checks=$((checks + 1))
[ "$(cat "$T/order")" = "Charlie Delta Bravo Alpha " ] &&
    pass "nearest review first, none last" || fail "order by review date: $(cat "$T/order")"
# The legend sits on the line under the list, whole, at the right end.
grep -F "sorted by review date" "$T/scr" >"$T/line"
checks=$((checks + 1))
grep -qE "sorted by review date .*! review overdue *$" "$T/line" &&
    pass "the legend ends the line of the sort order" || fail "line: $(cat "$T/line")"

# The selected title, cut in its column, is shown under the list up to
# the legend, never through it.
tmux_select "Charlie"
tmux_screen | grep -F "review overdue" >"$T/line"
checks=$((checks + 1))
grep -qE "· Charlie, overdue.*…  +! review overdue *$" "$T/line" &&
    pass "the selected title stops before the legend, with an ellipsis" ||
    fail "line: $(cat "$T/line")"

# Without an overdue review on screen there is no mark to explain.
tmux_keys /
tmux_wait "Show assessments whose title contains"
tmux_type "Alpha"
tmux_keys Enter
tmux_wait "filter: Alpha"
tmux_wait_gone "! review overdue" && pass "no legend without the mark"

# The sort goes on round to the first order.
tmux_keys s
tmux_wait "sorted by last change" && pass "after the review date order comes the first again"

tmux_keys q
tmux_wait_exit >/dev/null
done_testing
