#!/bin/sh
# README, man page and --help stay in step: every command that --help
# lists is described in dpia(1) and shown in the README; every command
# answers --help with its synopsis.
. "$TOP_SRCDIR/tests/lib.sh"

run 0 "$DPIA" --help
sed -n '/^Commands:/,/^$/p' "$T/out" | sed -n 's/^  \([a-z][a-z]*\( [a-z][a-z]*\)\?\) .*/\1/p; s/^  \([a-z][a-z]*\( [a-z][a-z]*\)\?\)$/\1/p' |
    grep -v '^ *$' | sort -u >"$T/commands"
checks=$((checks + 1))
n=$(wc -l <"$T/commands")
[ "$n" -ge 15 ] && pass "$n commands in --help" || fail "only $n commands found in --help"

# The man page without roff escapes.
sed 's/\\-/-/g; s/\\f[BIRP]//g' "$TOP_SRCDIR/doc/dpia.1" >"$T/man"
while read -r cmd; do
    checks=$((checks + 3))
    grep -qE "^\.(B|BI|BR) \"?$cmd( |\"|$)" "$T/man" && pass "dpia(1) describes '$cmd'" ||
        fail "dpia(1) has no entry for '$cmd'"
    grep -q "dpia.* $cmd" "$TOP_SRCDIR/README.md" && pass "README shows '$cmd'" ||
        fail "README does not show '$cmd'"
    # shellcheck disable=SC2086
    "$DPIA" $cmd --help >"$T/h" 2>&1 && grep -q "^Usage: dpia .*$cmd" "$T/h" &&
        pass "'$cmd --help' gives its synopsis" || fail "'$cmd --help': $(head -1 "$T/h")"
done <"$T/commands"
done_testing
