#!/bin/sh
# Colours only where wanted: colour on a colour terminal, none with
# --no-color or NO_COLOR (the monochrome theme still marks the selected
# line), and ASCII borders where the locale is not UTF-8.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

DB=$T/db.sqlite
"$DPIA" -d "$DB" new --title "Theme test" >/dev/null

# colour_codes FILE: SGR sequences that set a foreground or background.
colour_codes() {
    grep -o "$(printf '\033')\[[0-9;]*m" "$1" | grep -E '\[(.*;)?(3[0-8]|4[0-8]|9[0-7]|10[0-7])(;.*)?m' | head -3
}

tmux_start 100 30 -d "$DB"
tmux_wait "Theme test"
tmux_cmd capture-pane -p -e -t t >"$T/colour"
checks=$((checks + 1))
[ -n "$(colour_codes "$T/colour")" ] && pass "colours on a colour terminal" ||
    fail "no colour on a colour terminal"
tmux_keys q
tmux_wait_exit >/dev/null

for how in flag env; do
    tmux_kill
    if [ "$how" = flag ]; then
        tmux_start 100 30 --no-color -d "$DB"
    else
        DPIA_ENV="NO_COLOR=1" tmux_start 100 30 -d "$DB"
    fi
    tmux_wait "Theme test"
    tmux_cmd capture-pane -p -e -t t >"$T/mono"
    checks=$((checks + 2))
    [ -z "$(colour_codes "$T/mono")" ] && pass "no colour ($how)" ||
        fail "colour codes with $how: $(colour_codes "$T/mono")"
    # The selected line is still marked (reverse video).
    grep -q "$(printf '\033')\[[0-9;]*7[0-9;]*m" "$T/mono" && pass "selection in reverse video ($how)" ||
        fail "no reverse video in the monochrome theme ($how)"
    tmux_keys q
    tmux_wait_exit >/dev/null
done

# A locale without UTF-8: ASCII borders, no box-drawing characters.
tmux_kill
DPIA_ENV="LC_ALL=C LANG=C" tmux_start 100 30 -d "$DB"
tmux_wait "Theme test"
tmux_keys Enter
tmux_wait "question 1 of"
tmux_screen >"$T/ascii"
contains "$T/ascii" "|" "ASCII vertical line"
lacks "$T/ascii" "│" "no box-drawing character"
tmux_keys q
tmux_wait_exit >/dev/null
done_testing
