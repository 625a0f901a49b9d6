#!/bin/sh
# Two processes write 200 answers each to one assessment at the same
# time: all 400 arrive and neither prints an error ("database is locked"
# must never reach the user).
. "$TOP_SRCDIR/tests/lib.sh"

TOOL=$TOP_BUILDDIR/tests/store/storetool
DB=$(test_db dpia.sqlite)
run 0 "$DPIA" -d "$DB" new --title "Workshop and DPO at once"

"$TOOL" writer "$DB" 1 laptop 200 >"$T/a.out" 2>"$T/a.err" &
pa=$!
"$TOOL" writer "$DB" 1 terminal 200 >"$T/b.out" 2>"$T/b.err" &
pb=$!
wait "$pa"; sa=$?
wait "$pb"; sb=$?
checks=$((checks + 1))
[ "$sa" -eq 0 ] && [ "$sb" -eq 0 ] && pass "both writers succeeded" ||
    fail "writers exited $sa and $sb"
for f in a b; do
    checks=$((checks + 1))
    if [ -s "$T/$f.err" ]; then
        fail "writer $f printed errors"
        head -5 "$T/$f.err"
    else
        pass "writer $f printed nothing on stderr"
    fi
done
"$TOOL" answers "$DB" 1 > "$T/stored"
n=$(grep -c '^laptop\.\|^terminal\.' "$T/stored")
checks=$((checks + 1))
[ "$n" -eq 400 ] && pass "all 400 answers stored" || fail "$n answers stored, not 400"
run 0 "$TOOL" check "$DB"

# The same answer changed by the other process since it was read is a
# conflict, not a silent overwrite (the unit tests cover the details); the
# command line reads and writes in one go, so it just wins.
run 0 "$DPIA" -d "$DB" answer 1 scr.evaluation yes
run 0 "$DPIA" -d "$DB" history 1
contains "$T/out" "writer  Answer laptop.200"
contains "$T/out" "writer  Answer terminal.200"

done_testing
