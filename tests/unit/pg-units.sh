#!/bin/sh
# The store's unit tests (tests/unit/t_store and the others that open a
# store) again on a throwaway PostgreSQL server (tests/pg.sh): with
# DPIA_TEST_DB set, each of their databases is a new one on it
# (tests/unit/unit_db.h). What only an SQLite file has is checked on
# SQLite alone.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/pg.sh"
export PG_CREATEDB PG_PSQL

for t in t_store t_drafts t_undo t_live t_summary t_fields t_copy; do
    prog=$TOP_BUILDDIR/tests/unit/$t
    [ -x "$prog" ] || skip "the unit tests are not built (cmocka is missing)"
    checks=$((checks + 1))
    CMOCKA_MESSAGE_OUTPUT=TAP DPIA_TEST_DB=postgresql:///u_$t "$prog" >"$T/$t.log" 2>&1
    rc=$?
    n=$(grep -c '^ok ' "$T/$t.log")
    if [ "$rc" -eq 0 ] && ! grep -q '^not ok' "$T/$t.log"; then
        pass "$t on PostgreSQL: $n tests"
    else
        fail "$t on PostgreSQL exited $rc"
        grep -v '^ok ' "$T/$t.log" | head -30 | sed 's/^/  /'
    fi
done

done_testing
