#!/bin/sh
# The store's unit tests (tests/unit/t_store and the others that open a
# store) again on a throwaway PostgreSQL server (tests/pg.sh): with
# DPIA_TEST_DB set, each of their databases is a new one on it
# (tests/unit/unit_db.h). What only an SQLite file has is checked on
# SQLite alone.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/pg.sh"
export PG_CREATEDB PG_PSQL
# The store's tests write as several people without making them members:
# the server's rules (tui/store/pg_policy.c, tested by
# tests/cli/pg-rules.sh) are lifted for them, as for an administrator.
"$PG_PSQL" -X -q -v ON_ERROR_STOP=1 -d postgres -c 'CREATE ROLE "someone else" LOGIN;' \
    -c 'ALTER ROLE unit BYPASSRLS; ALTER ROLE other BYPASSRLS; ALTER ROLE alice BYPASSRLS;' \
    -c 'ALTER ROLE bob BYPASSRLS; ALTER ROLE "someone else" BYPASSRLS;' >/dev/null ||
    fail "the unit tests' roles could not be set up"

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
