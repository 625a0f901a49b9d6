#!/bin/sh
# A database on a file system shared over the network (NFS, SMB/CIFS)
# is refused with the reason, naming the file system and the file, and
# nothing is written: the file is unchanged and nothing is made beside
# it; a new database is not created there either. The file system type
# is faked by a library preloaded for the tests (tests/fakefs), which
# makes statfs report NFS or SMB; a local file system is accepted.
. "$TOP_SRCDIR/tests/lib.sh"

SHIM=$TOP_BUILDDIR/tests/fakefs/fakefs.so
[ -f "$SHIM" ] || skip "tests/fakefs/fakefs.so was not built"
# A sanitizer's runtime must come first in the process, and valgrind
# runs its own: the shim is not preloaded there.
[ -z "${DPIA_SAN_CFLAGS:-}" ] || skip "a sanitizer build does not take a preloaded library"
[ -z "${DPIA_VALGRIND:-}" ] || skip "not under valgrind"
command -v cksum >/dev/null 2>&1 || skip "cksum not found"
# The shim must take: stat -f reads the same statfs, and dpia must run.
[ "$(LD_PRELOAD=$SHIM DPIA_FAKE_FS=nfs stat -f -c %t "$T" 2>/dev/null)" = 6969 ] ||
    skip "preloading a library does not work here"
LD_PRELOAD=$SHIM "$DPIA" --version >/dev/null 2>&1 || skip "dpia does not run with the shim preloaded"

DB=$T/db/dpia.sqlite
run 0 "$DPIA" -d "$DB" new --title "On the local disk"
run 0 "$DPIA" -d "$DB" answer 1 scr.evaluation yes
before=$(cksum <"$DB")

# refused NAME FS ARGS...: dpia with statfs saying FS exits 1, naming
# NAME and the file; the file is unchanged, nothing beside it.
refused() {
    name=$1 fs=$2
    shift 2
    run 1 env LD_PRELOAD="$SHIM" DPIA_FAKE_FS="$fs" "$DPIA" -d "$DB" "$@"
    contains "$T/err" "dpia: $DB is on a network file system ($name), where SQLite cannot lock the database safely" \
        "$* on $name: refused, the file and the file system named"
    checks=$((checks + 1))
    [ "$(cksum <"$DB")" = "$before" ] && pass "$* on $name: the file is unchanged" ||
        fail "$* on $name: the file changed"
    checks=$((checks + 1))
    if [ -e "$DB-wal" ] || [ -e "$DB-shm" ] || [ -e "$DB-journal" ]; then
        fail "$* on $name: $(ls "$T/db" | tr '\n' ' ') left beside it"
    else
        pass "$* on $name: nothing made beside the file"
    fi
}
refused NFS nfs list
refused NFS nfs answer 1 scr.evaluation no
refused NFS nfs --read-only show 1
refused SMB smb answer 1 scr.evaluation no
refused SMB/CIFS cifs list

# A new database on such a file system: refused, its folder not made.
mkdir "$T/share"
run 1 env LD_PRELOAD="$SHIM" DPIA_FAKE_FS=nfs "$DPIA" -d "$T/share/team/new.sqlite" new --title Nope
contains "$T/err" "dpia: cannot create $T/share/team/new.sqlite: the folder $T/share is on a network file system (NFS)" \
    "a new database on NFS: refused, the folder named"
checks=$((checks + 1))
[ -z "$(ls -A "$T/share")" ] && pass "nothing created on NFS" || fail "created on NFS: $(ls -A "$T/share")"
run 1 env LD_PRELOAD="$SHIM" DPIA_FAKE_FS=smb "$DPIA" -d "$T/share/new.sqlite" new --title Nope
contains "$T/err" "the folder $T/share is on a network file system (SMB)" "a new database on SMB: refused"

# Translated, as every message.
if [ "${USE_NLS:-yes}" = yes ] && locale -a 2>/dev/null | grep -qix "fr_fr.utf8"; then
    run 1 env LD_PRELOAD="$SHIM" DPIA_FAKE_FS=nfs LANGUAGE= LC_ALL=fr_FR.UTF-8 "$DPIA" -d "$DB" list
    contains "$T/err" "système de fichiers en réseau (NFS)" "the refusal in French"
fi

# The shim present but saying nothing: the local file system is accepted.
run 0 env LD_PRELOAD="$SHIM" DPIA_FAKE_FS= "$DPIA" -d "$DB" answer 1 scr.evaluation no
run 0 env LD_PRELOAD="$SHIM" "$DPIA" -d "$T/share/local.sqlite" new --title "Local again"
run 0 "$DPIA" -d "$DB" history 1
contains "$T/out" "Answer scr.evaluation: Yes → No" "on the local disk the change was saved"

[ "$failures" -eq 0 ] || exit 1
echo "all $checks checks passed"
