#!/bin/sh
# Files that are not ours are refused with a clear message and left
# byte-for-byte as they were: a file from a newer dpia, an SQLite file of
# another program, a file that is not SQLite at all.
. "$TOP_SRCDIR/tests/lib.sh"

TOOL=$TOP_BUILDDIR/tests/store/storetool
command -v sha256sum >/dev/null 2>&1 || skip "sha256sum not found"

digest() { sha256sum "$1" | cut -d' ' -f1; }

# A newer dpia: our application_id, a higher user_version.
run 0 "$DPIA" -d "$T/newer.sqlite" new --title "Made by us"
run 0 "$TOOL" sql "$T/newer.sqlite" "PRAGMA user_version = 999"
before=$(digest "$T/newer.sqlite")
run 1 "$DPIA" -d "$T/newer.sqlite" list
contains "$T/err" "was written by a newer version of dpia (schema 999"
contains "$T/err" "left unchanged"
run 1 "$DPIA" -d "$T/newer.sqlite" new --title "Should not land"
[ "$(digest "$T/newer.sqlite")" = "$before" ] && pass "newer file unchanged" ||
    fail "newer file was changed"

# Another program's SQLite file.
run 0 "$TOOL" sql "$T/other.sqlite" "CREATE TABLE t(x); INSERT INTO t VALUES (1)"
before=$(digest "$T/other.sqlite")
run 1 "$DPIA" -d "$T/other.sqlite" new --title "Should not land"
contains "$T/err" "is not a dpia database (an SQLite file of another program)"
[ "$(digest "$T/other.sqlite")" = "$before" ] && pass "foreign SQLite file unchanged" ||
    fail "foreign SQLite file was changed"

# Not SQLite at all.
i=0
while [ $i -lt 200 ]; do echo "This is a text file, not a database. $i"; i=$((i + 1)); done > "$T/text.sqlite"
before=$(digest "$T/text.sqlite")
run 1 "$DPIA" -d "$T/text.sqlite" list
contains "$T/err" "is not a dpia database (not an SQLite file)"
run 1 "$DPIA" -d "$T/text.sqlite" new --title "Should not land"
[ "$(digest "$T/text.sqlite")" = "$before" ] && pass "text file unchanged" ||
    fail "text file was changed"
[ ! -e "$T/text.sqlite-wal" ] && pass "no log left beside the text file" ||
    fail "a -wal file was left beside the text file"

# A folder where the database should be.
mkdir "$T/folder.sqlite"
run 1 "$DPIA" -d "$T/folder.sqlite" list
contains "$T/err" "is a folder"

# Folders of a new database are created.
run 0 "$DPIA" -d "$T/a/b/c/new.sqlite" new --title "Deep"
[ -f "$T/a/b/c/new.sqlite" ] && pass "folders created" || fail "folders not created"

# A postgresql:// database in a dpia built without PostgreSQL: one
# sentence saying so (with it, tests/cli/pg-open.sh opens such a one).
if [ "${HAVE_LIBPQ:-no}" != yes ]; then
    run 1 "$DPIA" -d "postgresql:///team" list
    contains "$T/err" "dpia: postgresql:///team is a PostgreSQL database, but this dpia was built without PostgreSQL (libpq)"
fi

done_testing
