#!/bin/sh
# The interface under stress: text being typed survives a SIGHUP (an SSH
# drop), the screen survives resizing from 120x40 to 60x20 and back with
# the cursor's place kept, and text read from the database that holds an
# escape sequence is drawn harmlessly.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
id=$("$DPIA" -d "$DB" new --title "Hangup test")
checks=$((checks + 1))
[ "$id" = 1 ] && pass "created" || fail "dpia new printed '$id'"

# --- SIGHUP while typing -------------------------------------------------
tmux_start 120 40 -d "$DB"
tmux_wait "Hangup test"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys Enter
tmux_type "Typed just before the line dropped: ü"
tmux_wait "line dropped"
pid=$(tmux_pid)
kill -HUP "$pid"
status=$(tmux_wait_exit)
checks=$((checks + 1))
[ "$status" = 129 ] && pass "SIGHUP: ended by the signal, after saving" ||
    fail "SIGHUP: exit status '$status'"
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
contains "$T/hist" "Typed just before the line dropped: ü" "text typed before SIGHUP was saved"

# --- resize ---------------------------------------------------------------
tmux_kill
tmux_start 120 40 -d "$DB"
tmux_wait "Hangup test"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys Down Down Down
tmux_wait "question 4 of"
tmux_resize 60 20
tmux_wait "Terminal too small" && pass "60x20: too small"
tmux_resize 120 40
tmux_wait "question 4 of" && pass "back at 120x40 on the same question"
tmux_resize 80 24
tmux_wait "question 4 of" && pass "80x24 works"
tmux_keys q
tmux_wait_exit >/dev/null

# --- an escape sequence stored in the database ------------------------------
if command -v sqlite3 >/dev/null 2>&1; then
    # Written behind dpia's back, as a hostile or broken file would be.
    sqlite3 "$DB" "UPDATE assessments SET title = 'Evil' || char(27) || '[2J' || char(27) || ']0;pwned' || char(7) || ' title' WHERE id = 1;"
    tmux_kill
    tmux_start 100 30 -d "$DB"
    tmux_wait "Evil" && pass "the hostile title is listed"
    tmux_screen >"$T/screen"
    contains "$T/screen" "␛[2J" "ESC drawn as a visible symbol"
    contains "$T/screen" "title" "the rest of the title is on the same line"
    tmux_cmd display-message -p -t t '#{pane_title}' >"$T/ptitle"
    lacks "$T/ptitle" "pwned" "the pane title was not changed by the stored sequence"
    tmux_keys q
    tmux_wait_exit >/dev/null
else
    echo "sqlite3 not installed: escape-sequence part not run"
fi
done_testing
