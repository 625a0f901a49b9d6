#!/bin/sh
# The database file alone holds what the interface saved once it has
# been idle for a second: a copy of the .sqlite file without its -wal,
# taken while the interface still runs, has the answer typed.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/data/db.sqlite
"$DPIA" -d "$DB" new --title "Typed in the workshop" >/dev/null || fail "new"

# lone_has TEXT: the history in a copy of the database file alone (the interface still
# running, nothing else opening the original) holds TEXT; polled, since
# the interface moves the answer into the file once it is idle.
lone_has() {
    checks=$((checks + 1))
    i=0
    while [ "$i" -lt "$WAIT_TENTHS" ]; do
        rm -rf "$T/lone"
        mkdir "$T/lone"
        cp "$DB" "$T/lone/db.sqlite"
        if "$DPIA" -d "$T/lone/db.sqlite" history 1 2>/dev/null |
            grep -qF -- "$1"; then
            pass "a copy of the file alone holds '$1'"
            return 0
        fi
        sleep 0.1
        i=$((i + 1))
    done
    fail "no copy of the file alone held '$1'"
    return 1
}

tmux_start 100 30 -d "$DB"
tmux_wait "Typed in the workshop"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys Enter
tmux_type "An answer saved by the interface"
tmux_wait "saved " && pass "the interface saved the answer"
lone_has "Answer scr.project: An answer saved by the interface"

# A choice saves at once; the next idle second moves it too.
tmux_keys Escape
tmux_keys Down
tmux_wait "question 2 of"
tmux_keys y
lone_has "Answer scr.evaluation: Yes"

tmux_keys q
status=$(tmux_wait_exit)
checks=$((checks + 1))
[ "$status" = 0 ] && pass "q exits 0" || fail "exit status '$status' after q"
checks=$((checks + 1))
[ ! -s "$DB-wal" ] && pass "no -wal of non-zero size after leaving" ||
    fail "$DB-wal holds $(wc -c <"$DB-wal") bytes after leaving"
done_testing
