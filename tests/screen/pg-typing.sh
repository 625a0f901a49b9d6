#!/bin/sh
# The interface on a PostgreSQL database (tests/pg.sh) while the server
# goes away under it: an answer being typed cannot be saved, the status
# bar says the connection was lost, the field stays open (EDIT), and
# what was typed stays in the editor; once the server is back, the same
# field saves it, with no conflict with itself. The list and the answer
# otherwise work as on SQLite.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/pg.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(pg_db typing)
"$DPIA" -d "$DB" new --title "Server file" >/dev/null || fail "dpia new"

# last_answer: the last value of scr.project in the change log.
last_answer() {
    "$DPIA" -d "$DB" history 1 --format tsv 2>/dev/null | grep "answer scr.project" |
        tail -1 | cut -f5
}
wait_saved() {
    i=0
    while [ "$i" -lt "$WAIT_TENTHS" ]; do
        [ "$(last_answer)" = "$1" ] && return 0
        sleep 0.1
        i=$((i + 1))
    done
    fail "the database never held '$1' (it holds '$(last_answer)')"
    return 1
}

tmux_start 200 30 -d "$DB"
tmux_wait "Server file"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys Enter
tmux_type "Saved while all is well"
wait_saved "Saved while all is well" && pass "typing is saved on the server"

# The server stops; what is typed next cannot be saved.
(cd / && pg_as "$PG_CTL" stop -D "$PG_DIR/data" -m fast -s) >/dev/null 2>&1
tmux_type ", then more"
tmux_keys Escape
tmux_wait "the connection to $DB was lost" && pass "the status bar says the connection was lost"
# (The field's own message, or the next save's, which says the same.)
tmux_wait " EDIT " && pass "the field stays open"
tmux_wait "Saved while all is well, then more" && pass "what was typed is still in the editor"

# Back: the same field saves it.
pg_start || fail "the server did not start again"
tmux_type "."
tmux_keys Escape
wait_saved "Saved while all is well, then more." && pass "saved once the server is back"
tmux_wait_gone "Changed elsewhere" && pass "no conflict with itself"
tmux_keys q
tmux_keys q
tmux_wait_exit >/dev/null
done_testing
