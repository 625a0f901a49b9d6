#!/bin/sh
# The interface against hostile input and signals: it ends with the
# status a signal gives (SIGTERM 143, SIGHUP 129, SIGINT 130) after
# saving what was typed and restoring the terminal; a paste longer than
# 1 MiB is refused whole, never cut; a FIFO in a template folder does not
# hang the new-assessment dialog; a title with a bidirectional control is
# refused there, and one stored behind dpia's back is drawn harmlessly.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
run 0 "$DPIA" -d "$DB" new --title "Signal test"

# ended_by SIGNAL STATUS: kills the program in the pane with SIGNAL and
# checks its exit status and the terminal it leaves.
ended_by() {
    pid=$(tmux_pid)
    checks=$((checks + 1))
    if [ -z "$pid" ]; then
        fail "no program in the pane"
        return
    fi
    kill -"$1" "$pid"
    status=$(tmux_wait_exit)
    checks=$((checks + 1))
    [ "$status" = "$2" ] && pass "SIG$1: exit status $2 (ended by the signal)" ||
        fail "SIG$1: exit status '$status', expected $2"
}

# --- SIGTERM on the list -----------------------------------------------------------
tmux_start 100 30 -d "$DB"
tmux_wait "Signal test"
ended_by TERM 143

# --- SIGTERM while typing: the text is saved first ------------------------------------
tmux_kill
tmux_start 120 40 -d "$DB"
tmux_wait "Signal test"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys Enter
tmux_type "Typed before SIGTERM"
tmux_wait "before SIGTERM"
ended_by TERM 143
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
contains "$T/hist" "Typed before SIGTERM" "text typed before SIGTERM was saved"

# --- a paste longer than 1 MiB: refused whole, never cut --------------------------------
tmux_kill
tmux_start 120 40 -d "$DB"
tmux_wait "Signal test"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_keys Enter
awk 'BEGIN { for (i = 0; i < 20000; i++) printf "line %05d of a paste that is far too long for one answer\n", i }' >"$T/big"
tmux_cmd load-buffer "$T/big"
tmux_cmd paste-buffer -p -t t
tmux_wait "Nothing was pasted: the text is longer than 1 MiB" && pass "a paste over 1 MiB is refused"
printf 'A short paste\n' >"$T/small"
tmux_cmd load-buffer "$T/small"
tmux_cmd paste-buffer -p -t t
tmux_wait "A short paste" && pass "a short paste is taken"
tmux_keys Escape
tmux_keys q
tmux_wait_exit >/dev/null
"$DPIA" -d "$DB" history 1 --format tsv >"$T/hist"
lacks "$T/hist" "far too long" "nothing of the long paste was saved"

# --- SIGHUP and SIGINT ---------------------------------------------------------------
tmux_kill
tmux_start 100 30 -d "$DB"
tmux_wait "Signal test"
ended_by HUP 129
tmux_kill
tmux_start 100 30 -d "$DB"
tmux_wait "Signal test"
ended_by INT 130

# --- a FIFO in the template folder: the dialog opens, nothing waits ----------------------------
mkdir "$T/tpl"
cp "$TOP_SRCDIR/tests/fixtures/templates/minimal.xml" "$T/tpl/minimal.xml"
mkfifo "$T/tpl/fifo.xml"
tmux_kill
DPIA_ENV="DPIA_TEMPLATE_PATH='$T/tpl'" tmux_start 100 30 -d "$DB"
tmux_wait "Signal test"
tmux_keys n
tmux_wait "Minimal test template" && pass "n lists the templates beside a FIFO"
# A title with a bidirectional control is refused, as on the command line.
tmux_keys Down Down Enter
tmux_wait "Language of the assessment"
tmux_keys Enter
tmux_wait "Title (the processing being assessed)"
tmux_type "Invoice $(printf '\342\200\256')fdp.exe"
tmux_keys Enter
tmux_wait "a bidirectional control character (U+202E)" && pass "the interface refuses the title"
"$DPIA" -d "$DB" list --format tsv >"$T/list"
lacks "$T/list" "Invoice" "no assessment was made"
tmux_keys q
status=$(tmux_wait_exit)
checks=$((checks + 1))
[ "$status" = 0 ] && pass "q exits 0" || fail "exit status '$status' after q"

# --- a bidirectional control stored in a title -------------------------------------------------
"$TOP_BUILDDIR/tests/store/storetool" sql "$DB" "UPDATE assessments SET title = 'Invoice ' || char(8238) || 'fdp.exe' WHERE id = 1" >/dev/null ||
    fail "storetool sql"
tmux_kill
tmux_start 100 30 -d "$DB"
tmux_wait "Invoice" && pass "the title is listed"
tmux_screen >"$T/screen"
lacks "$T/screen" "$(printf '\342\200\256')" "U+202E is not drawn raw"
contains "$T/screen" "Invoice �fdp.exe" "U+202E is drawn as a symbol"
tmux_keys q
tmux_wait_exit >/dev/null
done_testing
