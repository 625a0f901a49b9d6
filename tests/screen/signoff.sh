#!/bin/sh
# Sign-off at the keyboard: a new revision of the approved worked
# example, the decision taken again (the decision-maker already named),
# the assessment read-only afterwards; with a high residual risk, prior
# consultation (Art. 36) is required and "Approve" is not offered.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
"$DPIA" -d "$DB" import "$TOP_SRCDIR/data/examples/streaming-factoids.xml" >/dev/null ||
    fail "import of the worked example"

tmux_start 110 34 -d "$DB"
tmux_wait "Viewing factoids"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 7 End
tmux_wait "Sign-off"
tmux_wait "Prior consultation (Art. 36): not required" && pass "Art. 36 not required at Medium"
tmux_wait "Nothing is missing for sign-off"
tmux_keys R
tmux_wait "Open a new revision?"
tmux_keys y
tmux_wait "New revision opened"
tmux_wait "Draft"

# Rows: DPO, assessor, decision, review date.
tmux_keys Down Down Enter
tmux_wait "Decision"
tmux_wait "Approve with conditions"
tmux_keys Down Enter
tmux_wait "Controller's decision-maker"
tmux_keys Escape
tmux_wait "Approved with conditions" && pass "decision taken, status set"
tmux_keys Up Up Enter
tmux_wait "Approved: read-only" && pass "read-only after approval"
tmux_keys q
tmux_wait_exit >/dev/null
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
contains "$T/hist" "draft" "the revision is in the history"

# A residual risk that stays high.
"$DPIA" -d "$DB" status 1 draft >/dev/null
"$DPIA" -d "$DB" risk add 1 --title "Leak of raw viewing logs" --likelihood 4 --severity 4 \
    --likelihood-after 4 --severity-after 4 >/dev/null || fail "risk add"
tmux_kill
tmux_start 110 34 -d "$DB"
tmux_wait "Viewing factoids"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 7 End
tmux_wait "The highest residual risk is high: prior consultation" &&
    pass "Art. 36 required at a high residual risk"
# Enter on the decision row (after the gap rows the new risk opened).
n=0
while [ "$n" -lt 30 ]; do tmux_keys Down; n=$((n + 1)); done
tmux_keys Up Enter
tmux_wait "Decision (Art. 36 consultation required)"
tmux_screen >"$T/pick"
contains "$T/pick" "Refer to the supervisory authority"
contains "$T/pick" "> Reject" "reject offered first"
lacks "$T/pick" "│ > Approve" "approve not offered"
lacks "$T/pick" "│   Approve" "no approval of any kind offered"
tmux_keys Escape
tmux_keys q
tmux_wait_exit >/dev/null
done_testing
