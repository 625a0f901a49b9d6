#!/bin/sh
# Two sessions on one file: an answer changed elsewhere while it is being
# typed is detected; the DPO chooses whose text stays, and the screen
# shows what was kept. Deleting from a list shorter than the screen
# deletes the assessment that was selected. An assessment deleted by
# another session while an answer or a risk form of it is open: saving
# says so (never a conflict offering to overwrite), and what was typed
# stays on screen (the form opens again with it).
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$(test_db db.sqlite)
"$DPIA" -d "$DB" new --title "Shared file" >/dev/null

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

tmux_start 100 30 -d "$DB"
tmux_wait "Shared file"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys Enter
tmux_type "Mine, first words"
wait_saved "Mine, first words"
# The workshop laptop writes the same answer meanwhile; one more key
# (neither y nor n), and the next save finds the conflict.
"$DPIA" -d "$DB" answer 1 scr.project "Theirs, from the other laptop" || fail "answer from the CLI"
tmux_type "+"
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
wait_saved "Theirs, from the other laptop (edited)"
"$DPIA" -d "$DB" answer 1 scr.project "Theirs again" || fail "answer from the CLI"
tmux_type "!"
tmux_wait "Changed elsewhere"
tmux_keys y
wait_saved "Theirs, from the other laptop (edited)!" && pass "mine replaced theirs on y"
tmux_keys Escape

# A short list: delete the second of three.
tmux_keys L
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

# --- deleted by another session while open ---------------------------------
id=$("$DPIA" -d "$DB" new --title "Doomed")
GONE="assessment $id is no longer in the database (deleted in another session?); nothing was saved"
"$DPIA" -d "$DB" answer "$id" scr.project "Saved before" >/dev/null
tmux_kill
tmux_start 150 30 -d "$DB"
tmux_wait "Doomed"
tmux_select "Doomed"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys Enter
tmux_type ", typed on"
wait_saved_in() {
    i=0
    while [ "$i" -lt "$WAIT_TENTHS" ]; do
        "$DPIA" -d "$DB" history "$id" --format tsv 2>/dev/null | grep "answer scr.project" |
            tail -1 | cut -f5 | grep -qxF -- "$1" && return 0
        sleep 0.1
        i=$((i + 1))
    done
    fail "the database never held '$1'"
    return 1
}
wait_saved_in "Saved before, typed on"
"$DPIA" -d "$DB" delete "$id" --yes || fail "delete from the CLI"
tmux_type " after the deletion"
tmux_wait "$GONE" && pass "an answer saved after the deletion: the reason is said"
tmux_screen >"$T/gone"
lacks "$T/gone" "Changed elsewhere" "no conflict offered for a deleted assessment"
tmux_keys Escape
tmux_wait "Not saved: the field stays open" && pass "the field stays open"
tmux_wait "Saved before, typed on after the deletion" && pass "the typed text stays"
tmux_kill

id=$("$DPIA" -d "$DB" new --title "Doomed too")
"$DPIA" -d "$DB" risk add "$id" --title "Re-identification" >/dev/null
GONE="assessment $id is no longer in the database (deleted in another session?); nothing was saved"
tmux_start 150 30 -d "$DB"
tmux_wait "Doomed too"
tmux_select "Doomed too"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys g 5 End
tmux_wait "Risk register"
tmux_keys Enter
tmux_wait "Risk R1"
tmux_type " from small counts"
"$DPIA" -d "$DB" delete "$id" --yes || fail "delete from the CLI"
tmux_keys Escape
tmux_wait "Not saved" && pass "a risk form saved after the deletion: not saved"
tmux_wait "no longer in the database (deleted in another session?)" && pass "the reason is said"
tmux_screen >"$T/gone"
lacks "$T/gone" "Changed elsewhere" "no conflict offered for a deleted assessment's risk"
tmux_keys Enter
tmux_wait_gone "The form opens again"
tmux_wait "Re-identification from small counts" && pass "the form opens again with the typed title"
tmux_wait "Likelihood before"
tmux_keys F8
tmux_wait "Close the form without saving"
tmux_keys y
tmux_wait_gone "Likelihood before" && pass "F8 closes it"
tmux_keys q
status=$(tmux_wait_exit)
checks=$((checks + 1))
[ "$status" = 0 ] && pass "q exits 0" || fail "exit status '$status' after q"
done_testing
