#!/bin/sh
# A database for a group: with --shared (or shared = yes in the
# settings) a new database and the -wal and -shm files beside it are
# readable and writable by the group (0660, whatever the umask), and the
# folder dpia makes for it has the setgid bit, so that what is made in
# it keeps its group; an existing database keeps its mode. Another
# member of the group changes it, and the change log names that
# person's login, not the owner of the file.
. "$TOP_SRCDIR/tests/lib.sh"

TOOL=$TOP_BUILDDIR/tests/store/storetool
umask 022

# mode PATH WANT [what]: stat's octal mode of PATH is WANT.
mode() {
    checks=$((checks + 1))
    got=$(stat -c %a "$1")
    [ "$got" = "$2" ] && pass "${3:-$1} is $2" || fail "${3:-$1} is $got, not $2"
}

# --- a new database, a new folder ---------------------------------------
DB=$T/team/dpia/dpia.sqlite
run 0 "$DPIA" --shared -d "$DB" new --title "Team assessment"
mode "$DB" 660 "a new shared database"
mode "$T/team/dpia" 2770 "the folder made for it (setgid, the group's)"
mode "$T/team" 2770 "the folder above, made too"

# While a session keeps it open, the -wal and -shm are the group's too.
mkfifo "$T/in"
"$TOOL" session "$DB" 1 <"$T/in" >"$T/session.out" 2>&1 &
exec 3>"$T/in"
i=0
while [ "$i" -lt 100 ] && ! grep -qx ready "$T/session.out"; do
    sleep 0.1
    i=$((i + 1))
done
echo "scr.evaluation yes" >&3
i=0
while [ "$i" -lt 100 ] && ! grep -q "^saved" "$T/session.out"; do
    sleep 0.1
    i=$((i + 1))
done
mode "$DB-wal" 660 "its -wal"
mode "$DB-shm" 660 "its -shm"
exec 3>&-
wait

# --- without --shared, or on a file that exists ---------------------------
run 0 "$DPIA" -d "$T/own/dpia.sqlite" new --title "Mine"
mode "$T/own/dpia.sqlite" 600 "a database made without --shared"
mode "$T/own" 700 "its folder"
run 0 "$DPIA" --shared -d "$T/own/dpia.sqlite" answer 1 scr.evaluation yes
mode "$T/own/dpia.sqlite" 600 "an existing database with --shared: its mode kept"
chmod 640 "$DB"
run 0 "$DPIA" --shared -d "$DB" answer 1 scr.evaluation no
mode "$DB" 640 "a shared database whose mode was changed keeps it"
chmod 660 "$DB"

# An existing folder of the user's that the group may write gets the
# setgid bit; one the group may not write is left alone.
mkdir -m 770 "$T/open" "$T/closed"
chmod 770 "$T/open"
chmod 755 "$T/closed"
run 0 "$DPIA" --shared -d "$T/open/dpia.sqlite" new --title "In an open folder"
mode "$T/open" 2770 "an existing folder open to the group"
mode "$T/open/dpia.sqlite" 660
run 0 "$DPIA" --shared -d "$T/closed/dpia.sqlite" new --title "In a closed folder"
mode "$T/closed" 755 "an existing folder closed to the group"

# --- the setting ----------------------------------------------------------
mkdir -p "$HOME/.config/dpia"
printf 'shared = yes\n' >"$HOME/.config/dpia/config"
run 0 "$DPIA" -d "$T/set/dpia.sqlite" new --title "By the setting"
mode "$T/set/dpia.sqlite" 660 "a new database with shared = yes"
mode "$T/set" 2770 "its folder"
printf 'shared = maybe\n' >"$HOME/.config/dpia/config"
run 0 "$DPIA" -d "$T/set2/dpia.sqlite" new --title "Not by the setting"
contains "$T/err" "shared takes yes or no, not 'maybe'" "a wrong setting is said"
mode "$T/set2/dpia.sqlite" 600 "a wrong setting makes no shared database"
rm "$HOME/.config/dpia/config"

# --- another member of the group ------------------------------------------
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
    nobody_uid=$(id -u nobody)
    nobody_gid=$(id -g nobody)
    group=$(stat -c %g "$DB")
    chmod 711 "$T"
    # nobody, in the group of the database but not its owner.
    member="setpriv --reuid=$nobody_uid --regid=$nobody_gid --groups=$group"
    if $member "$DPIA" --version >/dev/null 2>&1; then
        # Both work on the assessment the tests' user started.
        run 0 "$DPIA" -d "$DB" member 1 add nobody contributor
        run 0 "$DPIA" -d "$DB" member 1 add "$(id -un)" contributor
        run 0 env -u DPIA_USER $member "$DPIA" -d "$DB" answer 1 scr.evaluation yes
        run 0 "$DPIA" -d "$DB" history 1
        checks=$((checks + 1))
        grep -q "  nobody  Answer scr.evaluation: No → Yes" "$T/out" &&
            pass "the other member's change carries the login nobody" ||
            { fail "the change log does not name nobody"; sed 's/^/  | /' "$T/out"; }
        run 0 env -u DPIA_USER "$DPIA" -d "$DB" answer 1 scr.evaluation no
        run 0 "$DPIA" -d "$DB" history 1
        contains "$T/out" "  $(id -un)  Answer scr.evaluation: Yes → No" "the owner's change carries the owner's login"
        mode "$DB" 660 "the database after the other member's change"
        checks=$((checks + 1))
        [ "$(stat -c %u "$DB")" = 0 ] && pass "the file still belongs to its owner" ||
            fail "the file changed owner"
        run 0 $member "$TOOL" check "$DB"
    else
        echo "note: nobody cannot run $DPIA from here; the second member is not tested"
    fi
else
    echo "note: not root with setpriv and a user nobody; the second member is not tested"
fi

[ "$failures" -eq 0 ] || exit 1
echo "all $checks checks passed"
