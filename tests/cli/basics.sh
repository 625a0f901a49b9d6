#!/bin/sh
# The command line's contract: --help, --version, exit statuses, errors
# as "dpia: message" on stderr, and a clear refusal without a terminal.
. "$TOP_SRCDIR/tests/lib.sh"

run 0 "$DPIA" --help
contains "$T/out" "Usage: dpia [OPTION]..."
contains "$T/out" "template check FILE"
contains "$T/out" "--database FILE"
run 0 "$DPIA" -h

run 0 "$DPIA" --version
contains "$T/out" "dpia $(sed -n 's/^AC_INIT(\[dpia\], \[\([^]]*\)\].*/\1/p' "$TOP_SRCDIR/configure.ac")"
contains "$T/out" "GPLv3+"

run 2 "$DPIA" no-such-command
contains "$T/err" "dpia: unknown command 'no-such-command'"
run 2 "$DPIA" --no-such-option
contains "$T/err" "dpia: unknown option '--no-such-option'"
run 2 "$DPIA" -d
contains "$T/err" "needs an argument"
# An empty database name (an unset variable) is a slip, never the default
# database: a usage error, and no database is made.
for opt in "-d" "--database"; do
    run 2 "$DPIA" "$opt" "" new --title "Lands nowhere"
    contains "$T/err" "option -d (--database) needs a file name, not an empty one"
    run 2 "$DPIA" "$opt" ""
done
run 2 "$DPIA" --database= list
contains "$T/err" "needs a file name, not an empty one"
[ ! -e "$HOME/.local/share/dpia/dpia.sqlite" ] && pass "no default database made" ||
    fail "an empty -d opened the default database"

# Without a terminal the interface refuses clearly instead of drawing garbage.
run 1 "$DPIA" -d "$T/db.sqlite"
contains "$T/err" "dpia: the interactive interface needs a terminal"

# On a terminal that cannot move the cursor: a message, not garbage.
if command -v script >/dev/null 2>&1; then
    TERM=dumb script -qec "'$DPIA' -d '$T/db.sqlite'" /dev/null </dev/null >"$T/dumb" 2>&1
    st=$?
    checks=$((checks + 1))
    [ "$st" -eq 1 ] && pass "TERM=dumb exits 1" || fail "TERM=dumb exited $st"
    contains "$T/dumb" "dpia: terminal type 'dumb' cannot move the cursor"
    TERM=no-such-terminal script -qec "'$DPIA' -d '$T/db.sqlite'" /dev/null </dev/null >"$T/bad" 2>&1
    contains "$T/bad" "dpia: cannot use terminal type 'no-such-terminal'"
fi

done_testing
