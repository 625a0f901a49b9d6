#!/bin/sh
# A workshop at the keyboard: W on the assessment screen opens the form
# to start one (date, place, agenda, participants one a line); the title
# bar then says it is open; an answer given meanwhile is linked to it;
# W again ends it with its minutes and open points, and the command line
# lists the session, its participants and what it settled.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(test_db db.sqlite)
"$DPIA" -d "$DB" new --title "Workshop at the keyboard" >/dev/null || fail "new"

tmux_start 120 34 -d "$DB"
tmux_wait "Workshop at the keyboard"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys W
tmux_wait "Start a workshop" && pass "W opens the form to start a workshop"
tmux_type "2026-03-02"
tmux_keys Tab
tmux_type "Room 4.12"
tmux_keys Tab Tab
tmux_type "Dana Officer|DPO|Acme|no"
tmux_keys Enter
tmux_type "Pat Doe|staff representative|Works council|perhaps"
tmux_keys Escape
# Refused: the form opens again on the participants, the date as typed.
tmux_wait "'perhaps': whether a participant represents the people concerned is yes or no" &&
    pass "a participant who is neither yes nor no is refused, with the reason"
tmux_keys Space
tmux_wait "Start a workshop"
tmux_wait "2026-03-02"
# The keys go to the participants: "perhaps" becomes "yes".
tmux_keys BSpace BSpace BSpace BSpace BSpace BSpace BSpace
tmux_type "yes"
tmux_wait "Works council|yes" && pass "the form opens again on the field that was refused"
tmux_keys Escape
tmux_wait "Workshop 1 started" && pass "the workshop is started"
tmux_wait "[workshop 1 open]" && pass "the title bar says a workshop is open"

# An answer given meanwhile, from the command line, is linked to it.
"$DPIA" -d "$DB" answer 1 scr.project "Rota planning" >/dev/null || fail "answer"
tmux_wait "changed the answer to scr.project"
contains_screen() {
    tmux_screen >"$T/screen"
    contains "$T/screen" "$@"
}
contains_screen "[workshop 1 open]" "still open after another session's change"

tmux_keys W
tmux_wait "End workshop 1" && pass "W again offers to end it"
tmux_type "Scope agreed."
tmux_keys Tab
tmux_type "Ask IT about logs|Sam Admin"
tmux_keys Escape
tmux_wait "Workshop 1 ended." && pass "the workshop is ended"
tmux_wait_gone "[workshop 1 open]" && pass "the title bar no longer says it is open"
tmux_keys q
tmux_wait_exit >/dev/null
tmux_kill

run 0 "$DPIA" -d "$DB" workshop 1 list
contains "$T/out" "workshop 1: 2026-03-02, Room 4.12 (ended)"
contains "$T/out" "agenda: screening"
contains "$T/out" "Dana Officer, DPO, Acme"
contains "$T/out" "Pat Doe, staff representative, Works council (represents the people concerned)"
contains "$T/out" "scr.project"
contains "$T/out" "minutes: Scope agreed."
contains "$T/out" "Ask IT about logs (Sam Admin)"
done_testing
