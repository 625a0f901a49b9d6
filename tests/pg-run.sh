# Runs command-line and screen tests against PostgreSQL (sourced by
# tests/cli/pg-store.sh, pg-records.sh, pg-team.sh, tests/screen/pg-live.sh
# and pg-screens.sh after tests/lib.sh): one throwaway server
# (tests/pg.sh) for them all, and each test makes its databases on it
# through test_db (tests/lib.sh), each one a database of its own.
#
# pg_run TEST...: runs tests/cli/TEST.sh (tests/TEST.sh when TEST names
# its folder: screen/live) with DPIA_TEST_PG=yes; a pass for each that
# passes, a failure with its failed checks for each that does not.
# shellcheck shell=sh

. "$TOP_SRCDIR/tests/pg.sh"
DPIA_TEST_PG=yes
export DPIA_TEST_PG PG_CREATEDB PG_PSQL

pg_run() {
    for pg_test in "$@"; do
        checks=$((checks + 1))
        case $pg_test in
        */*) pg_file=$TOP_SRCDIR/tests/$pg_test.sh ;;
        *) pg_file=$TOP_SRCDIR/tests/cli/$pg_test.sh ;;
        esac
        pg_log=$T/$(echo "$pg_test" | tr / -).log
        sh "$pg_file" >"$pg_log" 2>&1
        pg_rc=$?
        case $pg_rc in
        0)
            pass "$pg_test.sh on PostgreSQL: $(tail -1 "$pg_log")"
            ;;
        77)
            echo "skip: $pg_test.sh on PostgreSQL: $(grep '^SKIP' "$pg_log" | head -1)"
            ;;
        *)
            fail "$pg_test.sh on PostgreSQL exited $pg_rc"
            grep -E -A12 '^FAIL' "$pg_log" | head -60 | sed 's/^/  /'
            ;;
        esac
    done
}
