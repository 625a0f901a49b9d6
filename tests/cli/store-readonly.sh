#!/bin/sh
# A database the user may not write opens for reading; the first change
# fails with a clear message and the file is not changed. So in a folder
# the user may not write either, where SQLite cannot create the files it
# reads through, when nothing can change the file (an archive copy) and
# no log of changes lies beside it; else the reason is said.
. "$TOP_SRCDIR/tests/lib.sh"

command -v sha256sum >/dev/null 2>&1 || skip "sha256sum not found"
mkdir "$T/ro"
DB=$T/ro/dpia.sqlite
run 0 "$DPIA" -d "$DB" new --title "Locked away"
run 0 "$DPIA" -d "$DB" answer 1 scr.evaluation yes

# Permission bits do not stop root: run the checks as nobody then.
as_user=""
if [ "$(id -u)" -eq 0 ]; then
    command -v setpriv >/dev/null 2>&1 || skip "running as root without setpriv"
    id nobody >/dev/null 2>&1 || skip "running as root and there is no user nobody"
    nobody_uid=$(id -u nobody)
    nobody_gid=$(id -g nobody)
    chmod 711 "$T"
    chown "$nobody_uid:$nobody_gid" "$T/ro" "$DB"
    as_user="setpriv --reuid=$nobody_uid --regid=$nobody_gid --clear-groups"
    $as_user true 2>/dev/null || skip "setpriv cannot drop privileges here"
    # The build tree may sit in a folder nobody cannot enter.
    $as_user "$DPIA" --version >/dev/null 2>&1 || skip "user nobody cannot run $DPIA from here"
fi
chmod 0400 "$DB"
before=$(sha256sum "$DB" | cut -d' ' -f1)

run 0 $as_user "$DPIA" -d "$DB" list
contains "$T/out" "Locked away"
run 0 $as_user "$DPIA" -d "$DB" show 1
contains "$T/out" "Locked away"
run 1 $as_user "$DPIA" -d "$DB" answer 1 scr.evaluation no
contains "$T/err" "dpia: $DB is open read-only: the change was not saved"
run 1 $as_user "$DPIA" -d "$DB" new --title "Should not land"
contains "$T/err" "read-only"
after=$(sha256sum "$DB" | cut -d' ' -f1)
[ "$before" = "$after" ] && pass "read-only file unchanged" || fail "read-only file changed"

chmod 0600 "$DB"
run 0 "$DPIA" -d "$DB" show 1 --format json
contains "$T/out" '"title": "Locked away"'

# A folder nobody may write, holding a file nobody may write (an archive
# copy): reading works, nothing is created there.
if [ -n "$as_user" ]; then
    mkdir "$T/shelf"
    cp "$DB" "$T/shelf/dpia.sqlite"
    chmod 0755 "$T/shelf"
    chmod 0444 "$T/shelf/dpia.sqlite"
    SHELF=$T/shelf/dpia.sqlite
    before=$(sha256sum "$SHELF" | cut -d' ' -f1)
    run 0 $as_user "$DPIA" -d "$SHELF" list && contains "$T/out" "Locked away"
    run 0 $as_user "$DPIA" -d "$SHELF" export 1 --format xml &&
        contains "$T/out" "<title>Locked away</title>"
    run 1 $as_user "$DPIA" -d "$SHELF" answer 1 scr.evaluation no
    contains "$T/err" "dpia: $SHELF is open read-only: the change was not saved"
    after=$(sha256sum "$SHELF" | cut -d' ' -f1)
    [ "$before" = "$after" ] && pass "file in a read-only folder unchanged" ||
        fail "file in a read-only folder changed"
    checks=$((checks + 1))
    if [ "$(ls "$T/shelf")" = dpia.sqlite ]; then pass "nothing created beside it"
    else fail "files created: $(ls "$T/shelf" | tr '\n' ' ')"; fi

    # A file its owner may still change is not read without the locks
    # that would show those changes: said, with what to do.
    chmod 0644 "$SHELF"
    run 1 $as_user "$DPIA" -d "$SHELF" list
    contains "$T/err" "SQLite needs to create $SHELF-shm beside it"
    lacks "$T/out" "Locked away" "not read without its locks"
    chmod 0444 "$SHELF"

    # A log of changes beside the file (of WAL or of a rollback journal):
    # said, not read stale or half-written.
    echo "not empty" >"$SHELF-journal"
    run 1 $as_user "$DPIA" -d "$SHELF" list
    contains "$T/err" "changes to it are still in $SHELF-wal or $SHELF-journal"
    lacks "$T/out" "Locked away" "no listing past a journal"
    rm -f "$SHELF-journal"
    if command -v sqlite3 >/dev/null 2>&1; then
        chmod 0644 "$SHELF"
        sqlite3 "$SHELF" ".dbconfig no_ckpt_on_close on" \
            "UPDATE assessments SET title = 'Changed since'" >/dev/null
        chmod 0444 "$SHELF"
        if [ -s "$SHELF-wal" ]; then
            chmod 0644 "$SHELF-wal"
            rm -f "$SHELF-shm"
            run 1 $as_user "$DPIA" -d "$SHELF" list
            contains "$T/err" "changes to it are still in $SHELF-wal"
            lacks "$T/out" "Locked away" "no stale listing"
        fi
    fi
fi

done_testing
