# Driving the real interface inside tmux (sourced after lib.sh).
# A private server (socket and config in $T), the program's exit status
# written to a file by the pane's shell, the screen polled for expected
# text with a time cap, never a fixed sleep.
# shellcheck shell=sh

TMUX_BIN=${TMUX_PROG:-$(command -v tmux || true)}
[ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ] || skip "tmux is not installed"
unset TMUX
SOCK=$T/tmux.sock
# Poll cap in tenths of a second (longer under valgrind).
WAIT_TENTHS=${DPIA_TEST_WAIT:-100}

cat >"$T/tmux.conf" <<'CONF'
set -g default-shell /bin/sh
set -g status off
set -g remain-on-exit on
set -g history-limit 5000
set -g escape-time 0
CONF

tmux_cmd() {
    "$TMUX_BIN" -S "$SOCK" -f "$T/tmux.conf" "$@"
}

# tmux_kill: ends the server and waits until it is gone, so that the
# next tmux_start does not reach it on its way out ("server exited
# unexpectedly" on a busy machine).
tmux_kill() {
    spid=$(tmux_cmd display-message -p -t t '#{pid}' 2>/dev/null)
    tmux_cmd kill-server >/dev/null 2>&1 || true
    i=0
    while [ -n "$spid" ] && kill -0 "$spid" 2>/dev/null && [ "$i" -lt 50 ]; do
        sleep 0.1
        i=$((i + 1))
    done
}
cleanup_hooks="$cleanup_hooks tmux_kill"

# tmux_start COLS ROWS ARGS...: runs "$DPIA ARGS..." in a new pane.
tmux_start() {
    cols=$1
    rows=$2
    shift 2
    rm -f "$T/status"
    # The command line is quoted for the pane's /bin/sh.
    cmd="cd '$T' && LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=${DPIA_TERM:-tmux-256color} HOME='$HOME' DPIA_USER=tester"
    [ -n "${DPIA_ENV:-}" ] && cmd="$cmd $DPIA_ENV"
    cmd="$cmd ${DPIA_WRAPPER:-} '$DPIA'"
    for a in "$@"; do
        cmd="$cmd '$a'"
    done
    cmd="$cmd ${DPIA_REDIRECT:-}; echo \$? > '$T/status'"
    tmux_cmd new-session -d -s t -x "$cols" -y "$rows" "$cmd"
}

tmux_screen() {
    tmux_cmd capture-pane -p -t t
}

# tmux_wait TEXT: waits until the screen shows TEXT; fails the test if not.
tmux_wait() {
    checks=$((checks + 1))
    i=0
    while [ "$i" -lt "$WAIT_TENTHS" ]; do
        if tmux_screen 2>/dev/null | grep -qF -- "$1"; then
            return 0
        fi
        sleep 0.1
        i=$((i + 1))
    done
    fail "screen never showed '$1'"
    tmux_screen | sed 's/^/  | /'
    return 1
}

# tmux_wait_gone TEXT: waits until TEXT is no longer on screen.
tmux_wait_gone() {
    checks=$((checks + 1))
    i=0
    while [ "$i" -lt "$WAIT_TENTHS" ]; do
        if ! tmux_screen 2>/dev/null | grep -qF -- "$1"; then
            return 0
        fi
        sleep 0.1
        i=$((i + 1))
    done
    fail "screen still shows '$1'"
    tmux_screen | sed 's/^/  | /'
    return 1
}

# tmux_keys KEY...: tmux key names (Enter, Escape, Down, C-c, q...).
tmux_keys() {
    tmux_cmd send-keys -t t "$@"
}

# tmux_type TEXT: literal text, UTF-8 intact.
tmux_type() {
    tmux_cmd send-keys -t t -l -- "$1"
}

# tmux_resize COLS ROWS
tmux_resize() {
    tmux_cmd resize-window -t t -x "$1" -y "$2"
}

# tmux_pid: the pid of the program in the pane (the shell's child).
tmux_pid() {
    shell=$(tmux_cmd display-message -p -t t '#{pane_pid}')
    pgrep -P "$shell" | head -1
}

# tmux_wait_exit: waits for the program to end; prints its exit status.
tmux_wait_exit() {
    i=0
    while [ "$i" -lt "$WAIT_TENTHS" ]; do
        if [ -s "$T/status" ]; then
            cat "$T/status"
            return 0
        fi
        sleep 0.1
        i=$((i + 1))
    done
    echo "timeout"
    return 1
}

# tmux_history: the whole pane, the last screen after the program exits.
tmux_history() {
    tmux_cmd capture-pane -p -S - -t t
}
