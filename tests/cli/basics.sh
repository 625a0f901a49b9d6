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

# Without a terminal the interface refuses clearly instead of drawing garbage.
run 1 "$DPIA" -d "$T/db.sqlite"
contains "$T/err" "dpia: the interactive interface needs a terminal"

done_testing
