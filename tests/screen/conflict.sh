#!/bin/sh
# Two sessions on one file: an answer changed elsewhere while it is being
# typed is detected; the DPO chooses whose text stays, and the screen
# shows what was kept. Deleting from a list shorter than the screen
# deletes the assessment that was selected.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
"$DPIA" -d "$DB" new --title "Shared file" >/dev/null

tmux_start 100 30 -d "$DB"
tmux_wait "Shared file"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys Enter
tmux_type "Mine, first words"
tmux_wait "saved "
# The workshop laptop writes the same answer meanwhile.
"$DPIA" -d "$DB" answer 1 scr.project "Theirs, from the other laptop" || fail "answer from the CLI"
tmux_type " and more"
tmux_wait "Changed elsewhere" && pass "the conflict is detected"
tmux_keys n
tmux_wait "Kept the other session's answer" && pass "theirs kept on n"
tmux_wait "Theirs, from the other laptop" && pass "the editor shows the kept text"
tmux_keys Escape
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
checks=$((checks + 1))
last=$(grep "answer scr.project" "$T/hist" | tail -1 | cut -f5)
[ "$last" = "Theirs, from the other laptop" ] && pass "the database holds theirs" ||
    fail "the database holds '$last'"

# Again, and this time keep mine.
tmux_keys Enter
tmux_type " (edited)"
tmux_wait "saved "
"$DPIA" -d "$DB" answer 1 scr.project "Theirs again" || fail "answer from the CLI"
tmux_type "!"
tmux_wait "Changed elsewhere"
tmux_keys y
tmux_wait "saved "
tmux_keys Escape
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
last=$(grep "answer scr.project" "$T/hist" | tail -1 | cut -f5)
checks=$((checks + 1))
[ "$last" = "Theirs, from the other laptop (edited)!" ] && pass "mine replaced theirs on y" ||
    fail "the database holds '$last'"

# A short list: delete the second of three.
tmux_keys Escape
tmux_wait "1 of 1"
tmux_keys q
tmux_wait_exit >/dev/null
"$DPIA" -d "$DB" new --title "Second" >/dev/null
"$DPIA" -d "$DB" new --title "Third" >/dev/null
tmux_kill
tmux_start 100 30 -d "$DB"
tmux_wait "1 of 3"
tmux_keys Down
tmux_wait "2 of 3"
tmux_keys D
tmux_wait "Delete \"Second\""
tmux_keys y
tmux_wait "Deleted."
tmux_keys q
tmux_wait_exit >/dev/null
"$DPIA" -d "$DB" list --format tsv >"$T/list"
lacks "$T/list" "Second" "the selected one was deleted"
contains "$T/list" "Third"
contains "$T/list" "Shared file"
done_testing
