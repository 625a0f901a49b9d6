# Shared helpers for the shell tests (sourced). Each test runs in its own
# temporary folder, removed at exit. Exit status: 0 pass, 1 fail, 77 skip.
# shellcheck shell=sh

set -u
: "${DPIA:?DPIA must name the dpia binary (run through make check)}"
: "${TOP_SRCDIR:?TOP_SRCDIR must be set}"

T=$(mktemp -d "${TMPDIR:-/tmp}/dpia-test.XXXXXX")
cleanup_hooks=""
cleanup() {
    for h in $cleanup_hooks; do "$h"; done
    rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP

# Keep the tests away from the user's own files.
HOME=$T/home
export HOME
mkdir -p "$HOME"
unset XDG_DATA_HOME XDG_CONFIG_HOME DPIA_DB DPIA_TEMPLATE_PATH
DPIA_USER=tester
export DPIA_USER

failures=0
checks=0

# test_db FILE: the database a test works on, for -d or DPIA_DB: the
# SQLite file $T/FILE; or, when the test runs against PostgreSQL
# (DPIA_TEST_PG=yes: tests/pg-run.sh started a server and exported
# PGHOST), a new database of its own on that server, by URL.
test_db() {
    if [ "${DPIA_TEST_PG:-}" = yes ]; then
        tdb_name=$(printf '%s_%s' "$(basename "$T")" "$1" | tr -c 'A-Za-z0-9' '_' |
            tr 'A-Z' 'a-z')
        "${PG_CREATEDB:-createdb}" "$tdb_name" >/dev/null 2>&1 || {
            echo "FAIL: createdb $tdb_name" >&2
            exit 1
        }
        # dpia's tables made by the server's superuser, as an
        # administrator would: everyone else works under the rules.
        PGUSER=${PG_ROLE:?} "$DPIA" -d "postgresql:///$tdb_name" list >/dev/null 2>&1 || {
            echo "FAIL: setting up $tdb_name" >&2
            exit 1
        }
        echo "postgresql:///$tdb_name"
    else
        echo "$T/$1"
    fi
}

# db_sql DB SQL: runs SQL on a test's database behind dpia's back (what
# an older version, another program or a hostile hand may have written):
# through storetool on an SQLite file, through psql on PostgreSQL, where
# char(N) is written chr(N).
db_sql() {
    if [ "${DPIA_TEST_PG:-}" = yes ]; then
        printf '%s\n' "$2" | sed 's/char(/chr(/g' |
            "${PG_PSQL:-psql}" -X -q -v ON_ERROR_STOP=1 -d "$1" >/dev/null
    else
        "$TOP_BUILDDIR/tests/store/storetool" sql "$1" "$2" >/dev/null
    fi
}

# db_query DB SQL: what SQL reads from a test's database, one row a line
# (columns separated by tabs), read behind dpia's back as db_sql writes.
db_query() {
    if [ "${DPIA_TEST_PG:-}" = yes ]; then
        "${PG_PSQL:-psql}" -X -q -At -F "$(printf '\t')" -v ON_ERROR_STOP=1 -d "$1" -c "$2"
    else
        "$TOP_BUILDDIR/tests/store/storetool" sql "$1" "$2"
    fi
}

# on_sqlite: whether the test's databases are SQLite files (what only a
# file has is checked only then).
on_sqlite() {
    [ "${DPIA_TEST_PG:-}" != yes ]
}

skip() {
    echo "SKIP: $*"
    exit 77
}

fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

pass() {
    echo "ok: $*"
}

# run EXPECTED_STATUS CMD...: runs CMD, output in $T/out and $T/err.
run() {
    want=$1
    shift
    checks=$((checks + 1))
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" -ne "$want" ]; then
        fail "$* exited $got, expected $want"
        sed 's/^/  stdout: /' "$T/out" | head -20
        sed 's/^/  stderr: /' "$T/err" | head -20
        return 1
    fi
    return 0
}

# contains FILE TEXT [what]: FILE holds the fixed string TEXT.
contains() {
    checks=$((checks + 1))
    if grep -qF -- "$2" "$1"; then
        pass "${3:-$(basename "$1") has '$2'}"
    else
        fail "${3:-$(basename "$1")} lacks '$2'"
        sed 's/^/  | /' "$1" | head -30
    fi
}

# lacks FILE TEXT [what]: FILE does not hold TEXT.
lacks() {
    checks=$((checks + 1))
    if grep -qF -- "$2" "$1"; then
        fail "${3:-$(basename "$1")} has '$2', which it must not"
        grep -nF -- "$2" "$1" | head -5 | sed 's/^/  | /'
    else
        pass "${3:-$(basename "$1") lacks '$2'}"
    fi
}

# same A B [what]: two files are identical.
same() {
    checks=$((checks + 1))
    if cmp -s "$1" "$2"; then
        pass "${3:-$1 = $2}"
    else
        fail "${3:-$1 differs from $2}"
        diff -u "$1" "$2" | head -30
    fi
}

# done_testing: the last line of every test.
done_testing() {
    echo "$checks checks, $failures failed"
    [ "$failures" -eq 0 ] || exit 1
    exit 0
}

# po_gaps PO POT: what the translation PO lacks against the template
# POT, an msgid line each: untranslated, fuzzy (the English changed a
# little) or obsolete (kept for an English text that is gone). Prints
# nothing when PO is complete and in step.
po_gaps() {
    msgmerge --quiet --no-fuzzy-matching -o "$T/po-gaps.po" "$1" "$2" 2>&1 || return 0
    msgattrib --untranslated --no-obsolete --no-wrap "$T/po-gaps.po" | grep '^msgid ' | sed 1d
    msgattrib --only-fuzzy --no-obsolete --no-wrap "$T/po-gaps.po" | grep '^msgid ' | sed 1d
    grep '^#~ msgid ' "$T/po-gaps.po"
}
