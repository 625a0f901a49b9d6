#!/bin/sh
# The database file replaced under the interface while an answer is being
# typed: the save fails with the reason, the text stays in the open field,
# nothing reaches the file moved in, and nothing of the old file is left
# beside it once the interface ends.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

TOOL=$TOP_BUILDDIR/tests/store/storetool
DB=$T/db.sqlite
"$DPIA" -d "$DB" new --title "Mine" >/dev/null
"$DPIA" -d "$T/other.sqlite" new --title "The other database" >/dev/null

# wait_saved TEXT: polls the database until the answer reads TEXT.
wait_saved() {
    i=0
    while [ "$i" -lt "$WAIT_TENTHS" ]; do
        "$DPIA" -d "$DB" history 1 --format tsv 2>/dev/null | grep "answer scr.project" |
            tail -1 | cut -f5 | grep -qxF -- "$1" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    fail "the database never held '$1'"
    return 1
}

tmux_start 180 30 -d "$DB"
tmux_wait "Mine"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys Enter
tmux_type "Typed before"
wait_saved "Typed before" && pass "saved before the move"
mv "$T/other.sqlite" "$DB"
tmux_type " and after the move"
tmux_wait "was replaced or removed while dpia was running; nothing more is written to it" &&
    pass "the failed save says why"
tmux_keys Escape
tmux_wait "Not saved: the field stays open" && pass "leaving the field keeps it open"
tmux_wait "Typed before and after the move" && pass "the typed text is still there"
pid=$(tmux_pid)
kill -TERM "$pid"
status=$(tmux_wait_exit)
checks=$((checks + 1))
# Ended by the signal, after restoring the terminal: the signal's status.
[ "$status" = 143 ] && pass "ended by SIGTERM (143)" || fail "exit status '$status'"

checks=$((checks + 1))
if [ -e "$DB-wal" ] || [ -e "$DB-shm" ]; then
    fail "left beside the file moved in: $(ls "$T" | grep db.sqlite-)"
else
    pass "nothing of the old file beside the new one"
fi
run 0 "$TOOL" check "$DB"
run 0 "$DPIA" -d "$DB" list
contains "$T/out" "The other database"
run 0 "$DPIA" -d "$DB" history 1
lacks "$T/out" "Typed" "nothing typed reached the file moved in"
done_testing
