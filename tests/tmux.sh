# Driving the real interface inside tmux (sourced after lib.sh).
# A private server (socket and config in $T), a socket of its own for
# each start, the program's exit status written to a file by the pane's
# shell, the screen polled for expected text with a time cap, never a
# fixed sleep.
# shellcheck shell=sh

TMUX_BIN=${TMUX_PROG:-$(command -v tmux || true)}
[ -n "$TMUX_BIN" ] && [ -x "$TMUX_BIN" ] || skip "tmux is not installed"
unset TMUX
# The socket of the server started last; each tmux_start takes a new one.
TMUX_STARTS=0
SOCK=$T/tmux.0.sock
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
# next tmux_start does not reach a server on its way out ("server exited
# unexpectedly").
tmux_kill() {
    spid=$(tmux_cmd display-message -p -t t '#{pid}' 2>/dev/null || true)
    tmux_cmd kill-server >/dev/null 2>&1 || true
    i=0
    while [ -n "$spid" ] && kill -0 "$spid" 2>/dev/null && [ "$i" -lt "$WAIT_TENTHS" ]; do
        sleep 0.05
        i=$((i + 1))
    done
}
cleanup_hooks="$cleanup_hooks tmux_kill"

# tmux_start COLS ROWS ARGS...: runs "$DPIA ARGS..." in a new pane of a
# new server, on a socket never used before (a server still up from an
# earlier start is ended first), and returns once the program runs in
# the pane (or has already ended): a restart never meets a server on
# its way out, and no key is sent before the program is there.
tmux_start() {
    cols=$1
    rows=$2
    shift 2
    tmux_kill
    TMUX_STARTS=$((TMUX_STARTS + 1))
    SOCK=$T/tmux.$TMUX_STARTS.sock
    rm -f "$T/status"
    # The command line is quoted for the pane's /bin/sh.
    cmd="cd '$T' && LANG=C.UTF-8 LC_ALL=C.UTF-8 TERM=${DPIA_TERM:-tmux-256color} HOME='$HOME' DPIA_USER=tester"
    [ -n "${DPIA_ENV:-}" ] && cmd="$cmd $DPIA_ENV"
    cmd="$cmd ${DPIA_WRAPPER:-} '$DPIA'"
    for a in "$@"; do
        cmd="$cmd '$a'"
    done
    cmd="$cmd ${DPIA_REDIRECT:-}; echo \$? > '$T/status'"
    if ! tmux_cmd new-session -d -s t -x "$cols" -y "$rows" "$cmd"; then
        fail "tmux could not start a session on $SOCK"
        return 1
    fi
    command -v pgrep >/dev/null 2>&1 || return 0
    i=0
    while [ "$i" -lt "$WAIT_TENTHS" ]; do
        [ -n "$(tmux_pid 2>/dev/null)" ] || [ -s "$T/status" ] && return 0
        sleep 0.05
        i=$((i + 1))
    done
    fail "the program never started in the tmux pane"
    return 1
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

# tmux_selection: the text drawn as the selection (the selected line of a
# list, the option under the cursor), one screen line a line: the
# selection's white background in colour, reverse video without colour
# (where the title and status bars are reverse video too).
tmux_selection() {
    tmux_cmd capture-pane -p -e -t t | awk -v esc="$(printf '\033')" '
    BEGIN { bg = 0; rev = 0 }
    {
        n = split($0, parts, esc "\\[")
        out = ""
        for (i = 1; i <= n; i++) {
            text = parts[i]
            if (i > 1 && (m = index(text, "m")) > 0) {
                nc = split(substr(text, 1, m - 1), c, ";")
                if (nc == 0) { bg = 0; rev = 0 }
                for (j = 1; j <= nc; j++) {
                    v = c[j] + 0
                    if (v == 38 || v == 48) {
                        if (v == 48) bg = 0
                        j += c[j + 1] == 2 ? 4 : 2
                    } else if (v == 0) { bg = 0; rev = 0 }
                    else if (v == 7) rev = 1
                    else if (v == 27) rev = 0
                    else if (v == 47) bg = 1
                    else if ((v >= 40 && v <= 46) || v == 49) bg = 0
                }
                text = substr(text, m + 1)
            }
            if (bg || rev) out = out text
        }
        if (out != "") print out
    }'
}

# tmux_select TEXT [KEY]: presses KEY (Down by default) until the
# selection shows TEXT; where the selection stops moving, the other way
# (Up, Left), and back again: a program slow to take a key on a loaded
# machine looks as if it were at the end, and is given another pass. At
# most 40 presses each way, three turns; fails the test if TEXT is never
# selected.
tmux_select() {
    checks=$((checks + 1))
    key=${2:-Down}
    turned=0
    n=0
    run=0
    while [ "$n" -le 160 ]; do
        before=$(tmux_selection 2>/dev/null)
        case "$before" in *"$1"*) return 0 ;; esac
        tmux_keys "$key"
        n=$((n + 1))
        run=$((run + 1))
        i=0
        while [ "$i" -lt 10 ] && [ "$(tmux_selection 2>/dev/null)" = "$before" ]; do
            sleep 0.05
            i=$((i + 1))
        done
        if [ "$i" -ge 10 ] || [ "$run" -eq 40 ]; then
            # At the end (or far enough): the other way.
            [ "$turned" = 3 ] && break
            turned=$((turned + 1))
            run=0
            case "$key" in
            Down) key=Up ;; Up) key=Down ;; Left) key=Right ;; Right) key=Left ;; *) break ;;
            esac
        fi
    done
    fail "could not select '$1'"
    tmux_screen | sed 's/^/  | /'
    return 1
}

# tmux_settled: the screen once two captures in a row agree.
tmux_settled() {
    prev=$(tmux_screen)
    i=0
    while [ "$i" -lt "$WAIT_TENTHS" ]; do
        sleep 0.05
        now=$(tmux_screen)
        [ "$now" = "$prev" ] && break
        prev=$now
        i=$((i + 1))
    done
    printf '%s\n' "$prev"
}
