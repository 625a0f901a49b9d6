#!/bin/sh
# The review on screen, two people on their own terminals at 80x24: the
# owner asks the DPO for the review (r), the title bar says where it
# stands; the DPO's list says what waits for her (the mark, the count, w
# lists it), she comments on a question (c, a), the question list marks
# it (C) and the owner's screen says so; she passes it on (r); the
# decision-maker finds it waiting and decides; the people of the
# assessment (M), and what a reader is told when she tries to change it.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(test_db db.sqlite)
as() { who=$1; shift; DPIA_USER=$who "$DPIA" -d "$DB" "$@" >/dev/null || fail "$who: $*"; }
as tester new --title "Loyalty card"
as tester member 1 add dana dpo
as tester member 1 add max decision-maker
as tester member 1 add rita reader
as tester answer 1 scr.project "Points for every visit."

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

# The second terminal: dana, the DPO.
u_start() {
    cmd="cd '$T' && LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=${DPIA_TERM:-tmux-256color} HOME='$HOME'"
    cmd="$cmd DPIA_USER=dana ${DPIA_WRAPPER:-} '$DPIA' -d '$DB'; echo \$? > '$T/status.u'"
    tmux_cmd new-session -d -s u -x 80 -y 24 "$cmd" || fail "tmux could not start session u"
}
u_keys() { tmux_cmd send-keys -t u "$@"; }
u_type() { tmux_cmd send-keys -t u -l -- "$1"; }
u_wait() {
    checks=$((checks + 1))
    i=0
    while [ "$i" -lt "$WAIT_TENTHS" ]; do
        tmux_cmd capture-pane -p -t u 2>/dev/null | grep -qF -- "$1" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    fail "dana's screen never showed '$1'"
    tmux_cmd capture-pane -p -t u | sed 's/^/  | /'
    return 1
}

# --- the owner asks for the review ----------------------------------------------
tmux_start 80 24 -d "$DB"
tmux_wait "Loyalty card"
tmux_keys Enter
tmux_wait "question 1 of"
u_start
u_wait "Loyalty card"
tmux_keys r
tmux_wait "The review"
tmux_wait "Ask the DPO to review it" && pass "the owner is offered the request"
tmux_wait "Now: a draft, no review asked for"
tmux_keys Enter
tmux_wait "A comment to go with it"
tmux_type "Ready for your eyes"
tmux_keys Escape
tmux_wait "[in review with the DPO]" && pass "the title bar says where the review stands"
tmux_wait "In review: in review with the DPO."

# --- what waits for the DPO ------------------------------------------------------
u_wait "1 waits for you (w)" && pass "the DPO's list counts what waits for her"
u_wait "»Loyalty card" && pass "the assessment is marked"
u_keys w
u_wait "Waiting for you"
u_wait "review requested of you as DPO" && pass "w says what waits"
u_keys Enter
u_wait "question 1 of"
u_wait "[in review with the DPO]"

# --- a comment on a question ------------------------------------------------------
u_keys c
u_wait "Comments on: Describe the project"
u_wait "No comment on this question yet"
u_keys a
u_wait "New comment"
u_type "Which data does a visit record?"
u_keys Escape
u_wait "Comment 1 added." && pass "the DPO comments on the question"
u_wait "#1 dana"
u_wait ": open"
u_keys Escape
u_wait "question 1 of"
u_wait "C open comments" && pass "the question list has the legend of C"
tmux_wait "dana commented on scr.project." && pass "the owner's screen says so at once"
tmux_wait "C open comments"
# The owner replies, and resolves the thread.
tmux_keys c
tmux_wait "#1 dana"
tmux_keys Enter
tmux_wait "Reply to #1"
tmux_type "Date, shop and basket total."
tmux_keys Escape
tmux_wait "Reply 2 added to #1."
tmux_wait "Date, shop and basket total."
tmux_keys x
tmux_wait "Thread #1 resolved." && pass "the owner resolves the thread"
tmux_wait "resolved by tester"
tmux_keys Escape
tmux_wait "question 1 of"

# --- the DPO passes it on ----------------------------------------------------------
as dana signoff 1 --role dpo --name "Dana Officer" --advice "Fine once the basket is gone"
u_wait "changed the sign-off of the Data Protection Officer"
u_keys r
u_wait "Pass it to the decision-maker"
u_wait "Return it with comments" && pass "the DPO is offered both steps"
u_keys Down Enter
u_wait "A comment to go with it"
u_type "Over to you"
u_keys Escape
u_wait "[with the decision-maker]" && pass "passed on"
tmux_wait "[with the decision-maker]" && pass "the owner sees it passed on"
u_keys r
u_wait "dana (DPO) cannot record the controller's decision" &&
    pass "the DPO is told whose step comes next"
u_keys q
tmux_keys q
tmux_wait_exit >/dev/null

# --- the decision-maker decides ----------------------------------------------------
DPIA_ENV="DPIA_USER=max" tmux_start 80 24 -d "$DB"
tmux_wait "1 waits for you (w)"
tmux_keys w
tmux_wait "passed to you for the decision" && pass "the decision-maker sees it waiting"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 7 End
tmux_wait "Sign-off of revision 1"
tmux_select "Decision:"
tmux_keys Enter
tmux_wait "Approve with conditions"
tmux_keys Down Down Enter
tmux_wait "Controller's decision-maker"
tmux_type "Max Controller"
tmux_keys Escape
if [ "$(wait_any "Record the decision with these warnings" "Decision recorded:")" != "Decision recorded:" ]; then
    tmux_keys y
fi
tmux_wait "Decision recorded: Rejected." && pass "the decision-maker decides"
tmux_keys L
tmux_wait "Rejected"
tmux_wait_gone "waits for you"
pass "nothing waits once decided"
tmux_keys q
tmux_wait_exit >/dev/null

# --- the people, and a reader ------------------------------------------------------
DPIA_ENV="DPIA_USER=rita" tmux_start 80 24 -d "$DB"
tmux_wait "Loyalty card"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_wait "READ-ONLY"
tmux_keys M
tmux_wait "People and roles: Loyalty card"
tmux_wait "decision-maker      max"
tmux_wait "You are rita: reader."
tmux_keys a
tmux_wait "rita (reader) cannot add, change or remove the members of assessment 1: that" &&
    pass "a reader is told whose the members are"
tmux_keys Escape
tmux_wait "question 1 of"
tmux_keys q
tmux_wait_exit >/dev/null
done_testing
