#!/bin/sh
# One meaning per key and a visible mode, at 80x24: Esc leaves the field,
# list or dialog it is in and never the assessment, however often it is
# pressed; Backspace outside a text does not leave either and says which
# key does; L goes back to the list. The status bar shows EDIT while text
# is typed and CHOOSE while a list of options is open, and the open list
# points at the option under the cursor. The help screen
# scrolls to its last line, with a sign where there is more.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
run 0 "$DPIA" -d "$DB" new --title "Loyalty scheme"

# The title bar names the screen: the assessment's title, or the list.
title_bar() { tmux_screen | sed -n 1p; }
in_assessment() {
    checks=$((checks + 1))
    title_bar >"$T/bar"
    if grep -q "Loyalty scheme" "$T/bar" && ! grep -q "Assessments" "$T/bar"; then
        pass "$1"
    else
        fail "$1"
        tmux_screen | sed 's/^/  | /'
    fi
}

tmux_start 80 24 -d "$DB"
tmux_wait "Loyalty scheme"
tmux_keys Enter
tmux_wait "question 1 of"
in_assessment "the assessment opens"

# A text field: EDIT while it is open, gone once Esc leaves it.
tmux_keys Enter
tmux_wait " EDIT " && pass "the status bar says EDIT while text is typed"
tmux_type "Points for purchases"
tmux_keys Escape
tmux_wait_gone " EDIT " && pass "Esc leaves the field"
tmux_wait "Points for purchases"
# Twice, three times: still the assessment. Down then shows that the
# Escs were read (it moves to the next question of the assessment).
tmux_keys Escape Escape
tmux_keys Down
tmux_wait "question 2 of"
in_assessment "Esc twice after a field does not leave the assessment"
tmux_keys Up Enter
tmux_wait " EDIT "
tmux_keys Escape Escape Escape
tmux_wait_gone " EDIT "
tmux_keys Down
tmux_wait "question 2 of"
in_assessment "Esc three times in a field does not leave the assessment"
tmux_keys Up
tmux_wait "Points for purchases" && pass "what was typed was saved"

# Backspace outside a text: a hint naming the key, and no leaving.
tmux_keys BSpace
tmux_wait "Press L to go back" && pass "Backspace says which key goes back"
tmux_keys Down
tmux_wait "question 2 of"
in_assessment "Backspace does not leave the assessment"

# A list of options: the go-to dialog, then a choice answer.
tmux_keys g
tmux_wait "Go to section"
tmux_wait "CHOOSE: Space toggles" && pass "the status bar says CHOOSE in a dialog's list"
tmux_keys Escape
tmux_wait_gone "Go to section"
tmux_wait_gone "CHOOSE"
in_assessment "Esc closes the dialog, not the assessment"
# The screening's decision, the template's choice question.
tmux_select "Will a DPIA be carried out?"
tmux_wait "Will a DPIA be carried out?"
qn=$(tmux_screen | sed -n 's/.*question \([0-9][0-9]*\) of.*/\1/p' | head -1)
tmux_keys Enter
tmux_wait "CHOOSE: Space toggles" && pass "the status bar says CHOOSE while the options are open"
tmux_wait "> ( ) Yes: a DPIA will be carried out" &&
    pass "the open list points at the option under the cursor"
tmux_keys End
tmux_wait "> ( ) No: a DPIA will not be carried out" && pass "End goes to the last option"
tmux_keys Escape
tmux_wait_gone "CHOOSE" && pass "Esc closes the options"
tmux_wait_gone "> (" && pass "the closed list points at nothing"
tmux_screen >"$T/closed"
lacks "$T/closed" "(*)" "Esc chose nothing"
tmux_keys Escape Escape Up
tmux_wait "question $((qn - 1)) of"
in_assessment "Esc after closing the options does not leave the assessment"

# The key of its own goes back.
tmux_keys L
tmux_wait "Assessments" && pass "L goes back to the list of assessments"
tmux_keys Enter
tmux_wait "question 1 of"

# The help at 80x24 holds more than a screen: it scrolls to its end.
tmux_keys '?'
tmux_wait "Keys on this screen"
tmux_wait "more v" && pass "help shows that there is more below"
tmux_wait "sign-off page)" && pass "a help text wider than the screen wraps, whole"
tmux_screen >"$T/help"
lacks "$T/help" "To the bottom" "the help's last line is not on the first page"
lacks "$T/help" "Redraw the screen" "the last global key is not on the first page"
lacks "$T/help" "more ^" "nothing above at the top"
# Page by page to the last of the global keys.
n=0
while [ "$n" -lt 10 ] && ! tmux_screen | grep -q "Redraw the screen"; do
    tmux_keys PageDown
    sleep 0.1
    n=$((n + 1))
done
tmux_wait "Redraw the screen" && pass "PgDn reaches the last of the global keys"
tmux_wait "more ^" && pass "help shows that there is more above"
tmux_keys End
tmux_wait "To the bottom" && pass "End shows the help's last line"
tmux_wait_gone "more v" && pass "nothing more below at the end"
tmux_keys Home
tmux_wait "Keys on this screen" && pass "Home goes back to the top"
tmux_keys Down
tmux_wait_gone "Keys on this screen" && pass "Down scrolls by a line"
tmux_keys Up
tmux_wait "Keys on this screen"
tmux_keys x
tmux_wait_gone "Any other key closes the help" && pass "another key closes the help"
in_assessment "closing the help goes back to the assessment"

tmux_keys q
status=$(tmux_wait_exit)
checks=$((checks + 1))
[ "$status" = 0 ] && pass "q leaves dpia" || fail "exit status '$status' after q"
done_testing
