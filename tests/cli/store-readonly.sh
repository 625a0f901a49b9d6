#!/bin/sh
# A database the user may not write opens for reading; the first change
# fails with a clear message and the file is not changed.
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

done_testing
