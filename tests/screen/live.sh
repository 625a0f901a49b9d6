#!/bin/sh
# Two interfaces on one database, as two people at a workshop on their
# own terminals: an answer typed in one shows in the other within two
# seconds without a key pressed there, with a line saying who changed
# what; each shows the other as having the assessment open, on which
# question, the question marked in the list; a change from the command
# line shows too; leaving removes one's presence.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(test_db db.sqlite)
"$DPIA" -d "$DB" new --title "Workshop file" >/dev/null
# dana and lee work on it too.
"$DPIA" -d "$DB" member 1 add dana contributor >/dev/null || fail "adding dana"
"$DPIA" -d "$DB" member 1 add lee contributor >/dev/null || fail "adding lee"

# The second interface: a second session "u" of the same tmux server,
# as another person (DPIA_USER=dana).
u_start() {
    cmd="cd '$T' && LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=${DPIA_TERM:-tmux-256color} HOME='$HOME'"
    cmd="$cmd DPIA_USER=dana ${DPIA_WRAPPER:-} '$DPIA' -d '$DB'; echo \$? > '$T/status.u'"
    tmux_cmd new-session -d -s u -x 120 -y 30 "$cmd" || fail "tmux could not start session u"
}
u_screen() {
    tmux_cmd capture-pane -p -t u
}
u_keys() {
    tmux_cmd send-keys -t u "$@"
}
u_type() {
    tmux_cmd send-keys -t u -l -- "$1"
}
# wait_in SESSION TENTHS TEXT: the session's screen shows TEXT within
# that many tenths of a second.
wait_in() {
    checks=$((checks + 1))
    i=0
    while [ "$i" -lt "$2" ]; do
        tmux_cmd capture-pane -p -t "$1" 2>/dev/null | grep -qF -- "$3" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    fail "screen $1 never showed '$3' within $(($2 / 10)).$(($2 % 10)) s"
    tmux_cmd capture-pane -p -t "$1" | sed 's/^/  | /'
    return 1
}
# Two seconds, longer under valgrind.
FAST=20
[ "$WAIT_TENTHS" -gt 100 ] && FAST=$WAIT_TENTHS

tmux_start 120 30 -d "$DB"
tmux_wait "Workshop file"
tmux_keys Enter
tmux_wait "question 1 of"
u_start
wait_in u "$WAIT_TENTHS" "Workshop file"
u_keys Enter
wait_in u "$WAIT_TENTHS" "question 1 of"

# Each sees the other, and on which question.
wait_in t "$WAIT_TENTHS" "also open by dana (scr.project)" && pass "tester sees dana present"
wait_in u "$WAIT_TENTHS" "also open by tester (scr.project)" && pass "dana sees tester present"
wait_in t "$WAIT_TENTHS" "@ open elsewhere" && pass "the mark's legend"

# Dana opens the field: tester's list marks the question as being
# edited, not merely open, and the title bar says who edits which.
u_keys Enter
wait_in t "$FAST" "dana is editing scr.project" && pass "the title bar says dana is editing"
wait_in t "$FAST" "$(printf '\342\234\216') being edited elsewhere" && pass "the editing mark's legend"
checks=$((checks + 1))
tmux_screen | grep -F "$(printf '\342\234\216')" | grep -qF "Describe the project" &&
    pass "the question marked as being edited" || fail "no editing mark on the question"

# Dana answers; tester's screen follows with no key pressed.
u_type "Dana typed this at the workshop"
u_keys Escape
wait_in t "$FAST" "Dana typed this at the workshop" && pass "the answer shows within 2 s, no key"
wait_in t "$FAST" "dana changed the answer to scr.project." && pass "who changed what"
# She left the field: the question is only open there again.
wait_in t "$FAST" "also open by dana (scr.project)" && pass "editing ends when she leaves the field"
checks=$((checks + 1))
tmux_screen | grep -F "Describe the project" | grep -qF "@" &&
    pass "the mark back to @" || fail "the question is not marked @ again"
checks=$((checks + 1))
tmux_screen | grep -qF "$(printf '\342\234\216')" && fail "the editing mark stayed" ||
    pass "no editing mark left"

# Dana moves on: tester sees where.
u_keys Down
wait_in t "$WAIT_TENTHS" "also open by dana (scr.evaluation)" && pass "presence follows the question"

# From the command line, as someone else.
DPIA_USER=lee "$DPIA" -d "$DB" answer 1 scr.project "Lee from the shell" ||
    fail "answer from the command line"
wait_in t "$FAST" "Lee from the shell" && pass "a command-line change shows within 2 s"
wait_in t "$FAST" "lee changed the answer to scr.project." && pass "naming who"
wait_in u "$FAST" "lee changed the answer to scr.project." && pass "in the other interface too"

# Typing is never overwritten by a change from elsewhere: the conflict
# question still protects it.
tmux_keys Enter
tmux_type "Mine while typing"
i=0
until "$DPIA" -d "$DB" history 1 --format tsv | grep "answer scr.project" | tail -1 |
    cut -f5 | grep -q "Mine while typing"; do
    [ "$i" -lt "$WAIT_TENTHS" ] || break
    sleep 0.1
    i=$((i + 1))
done
DPIA_USER=lee "$DPIA" -d "$DB" answer 1 scr.project "Lee again" || fail "answer from the CLI"
sleep 1.5
checks=$((checks + 1))
tmux_screen | grep -qF "Mine while typing" && pass "the text being typed stays" ||
    fail "the text being typed was replaced"
tmux_screen | grep -qF "lee changed" && fail "reloaded while typing"
tmux_type "!"
tmux_wait "Changed elsewhere" && pass "the conflict is asked"
tmux_keys y
tmux_keys Escape

# Dana leaves: her presence goes from tester's title bar.
u_keys q
i=0
while [ "$i" -lt "$WAIT_TENTHS" ] && [ ! -s "$T/status.u" ]; do
    sleep 0.1
    i=$((i + 1))
done
tmux_wait_gone "also open by dana" && pass "a session that ends is no longer shown"
checks=$((checks + 1))
[ "$(db_query "$DB" "SELECT count(*) FROM presence WHERE who = 'dana'")" = 0 ] &&
    pass "dana's row removed at exit" || fail "dana's presence row left behind"
tmux_keys q
tmux_wait_exit >/dev/null
checks=$((checks + 1))
[ "$(db_query "$DB" "SELECT count(*) FROM presence")" = 0 ] &&
    pass "no presence left once both have left" || fail "presence rows left behind"
done_testing
