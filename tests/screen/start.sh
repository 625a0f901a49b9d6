#!/bin/sh
# The interface starts on a real terminal, shows its name, version and
# the keys to quit, shows help from the key table, says so when the
# terminal is too small, restores the terminal and exits 0 on q.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/tmux.sh"

version=$("$DPIA" --version | head -1 | cut -d' ' -f2)

tmux_start 100 30 -d "$T/db.sqlite"
tmux_wait "dpia $version" && pass "first screen shows name and version"
tmux_wait "q quit" && pass "status bar shows the key to quit"

# Help is drawn from the key table.
tmux_keys '?'
tmux_wait "Leave dpia" && pass "help lists the quit action"
tmux_keys Escape
tmux_wait_gone "Leave dpia" && pass "any key closes help"

# Below 80x24: a message, not garbage; back to normal after.
tmux_resize 60 20
tmux_wait "Terminal too small" && pass "too-small message at 60x20"
tmux_resize 100 30
tmux_wait "q quit" && pass "screen back after resize"

tmux_keys q
status=$(tmux_wait_exit)
checks=$((checks + 1))
[ "$status" = 0 ] && pass "q exits 0" || fail "exit status '$status' after q"

# The terminal is restored: the shell's echo follows on a clean screen.
tmux_history >"$T/hist"
lacks "$T/hist" "q quit" "alternate screen left after exit"

# With its input at end of file, the program leaves instead of spinning.
tmux_kill
DPIA_REDIRECT="</dev/null" tmux_start 100 30 -d "$T/db.sqlite"
status=$(tmux_wait_exit)
checks=$((checks + 1))
[ "$status" = 0 ] && pass "leaves on end of input" || fail "end of input: status '$status'"
done_testing
