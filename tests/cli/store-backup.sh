#!/bin/sh
# Backing up: dpia backup writes a copy that holds every answer, taken
# while another process reads an older state and another holds a write
# transaction open; a command that ends leaves the database file whole
# (a copy of it without its -wal holds everything) even while another
# process keeps the file open; the targets that must not be replaced are
# refused, with nothing left behind.
. "$TOP_SRCDIR/tests/lib.sh"

TOOL=$TOP_BUILDDIR/tests/store/storetool
command -v timeout >/dev/null 2>&1 || skip "timeout is not installed"

# Processes that keep the database open: storetool hold, its standard
# input a FIFO held open by the test; closing that ends it.
holders=""
release_all() {
    for h in $holders; do
        eval "exec ${h}>&-"
    done
    holders=""
    wait 2>/dev/null
}
cleanup_hooks="$cleanup_hooks release_all"

# hold FD DB SQL: starts a holder running SQL, its input on FD (3 to 9).
hold() {
    mkfifo "$T/hold$1"
    : >"$T/hold$1.out"
    "$TOOL" hold "$2" "$3" <"$T/hold$1" >"$T/hold$1.out" 2>&1 &
    eval "exec $1>\"$T/hold$1\""
    holders="$holders $1"
    i=0
    while [ "$i" -lt 100 ] && ! grep -qx held "$T/hold$1.out"; do
        sleep 0.1
        i=$((i + 1))
    done
    checks=$((checks + 1))
    grep -qx held "$T/hold$1.out" && pass "holder: $3" ||
        fail "the holder never held: $(cat "$T/hold$1.out")"
}

# lone FILE NAME: a copy of FILE alone (no -wal, no -shm) as
# $T/lone/NAME/db.sqlite.
lone() {
    rm -rf "$T/lone/$2"
    mkdir -p "$T/lone/$2"
    cp "$1" "$T/lone/$2/db.sqlite"
}

# wal_empty DB: no -wal beside DB, or an empty one.
wal_empty() {
    checks=$((checks + 1))
    if [ -s "$1-wal" ]; then
        fail "$(basename "$1")-wal still holds $(wc -c <"$1-wal") bytes"
    else
        pass "no -wal of non-zero size beside $(basename "$1")"
    fi
}

# --- (a) a backup while another process reads and another writes --------

DB=$T/data/dpia.sqlite
d() { "$DPIA" -d "$DB" "$@"; }
run 0 d new --title "Backed up while in use"
# A reader that started before the answers: the checkpoints cannot move
# them into the database file while it reads, so they stay in the log.
hold 3 "$DB" "BEGIN; SELECT count(*) FROM answers"
run 0 d answer 1 scr.project "Answer only in the log"
run 0 d answer 1 desc.purposes "Second answer, also in the log"
run 0 d answer 1 scr.evaluation yes
lone "$DB" before
run 0 "$TOOL" answers "$T/lone/before/db.sqlite" 1
lacks "$T/out" "Answer only in the log" "(the answers are in the -wal file only)"
# A writer with a change not committed.
hold 4 "$DB" "BEGIN IMMEDIATE; UPDATE assessments SET title = 'Not committed' WHERE id = 1"
mkdir "$T/backups"
run 0 timeout 30 "$DPIA" -d "$DB" backup "$T/backups/copy.sqlite"
[ ! -e "$T/backups/copy.sqlite-wal" ] && [ ! -e "$T/backups/copy.sqlite-journal" ] &&
    pass "nothing beside the backup" || fail "files beside the backup: $(ls "$T/backups")"
mode=$(stat -c %a "$T/backups/copy.sqlite" 2>/dev/null)
checks=$((checks + 1))
[ "$mode" = 600 ] && pass "backup mode 0600" || fail "backup mode $mode"
# The copy alone, somewhere else.
lone "$T/backups/copy.sqlite" a
run 0 "$TOOL" check "$T/lone/a/db.sqlite"
contains "$T/out" "ok" "the backup passes the integrity check"
run 0 "$DPIA" -d "$T/lone/a/db.sqlite" list
contains "$T/out" "Backed up while in use"
lacks "$T/out" "Not committed" "the uncommitted change is not in the backup"
run 0 "$DPIA" -d "$T/lone/a/db.sqlite" show 1
contains "$T/out" "progress: "
run 0 "$DPIA" -d "$T/lone/a/db.sqlite" export 1 --format xml
contains "$T/out" "Answer only in the log"
contains "$T/out" "Second answer, also in the log"
run 0 "$DPIA" -d "$T/lone/a/db.sqlite" history 1
contains "$T/out" "Answer scr.evaluation: Yes"
# Whole in itself: a rollback-journal file (bytes 18 and 19 of the
# header are 1), which needs no -wal or -shm beside it to be read.
checks=$((checks + 1))
hdr=$(od -An -tu1 -j18 -N2 "$T/backups/copy.sqlite" | tr -s ' ')
[ "$hdr" = " 1 1" ] && pass "the backup is in rollback-journal mode" ||
    fail "header bytes 18 and 19 of the backup: '$hdr'"
# So it is read from a folder the reader may not write (a share, an
# archive), where a file in WAL mode is not (checked as nobody when
# running as root, where permission bits do not apply).
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null 2>&1 && id nobody >/dev/null 2>&1; then
    mkdir "$T/shared"
    cp "$T/backups/copy.sqlite" "$T/shared/copy.sqlite"
    chmod 755 "$T/shared"
    chmod 644 "$T/shared/copy.sqlite"
    chmod 711 "$T"
    nobody="setpriv --reuid=$(id -u nobody) --regid=$(id -g nobody) --clear-groups"
    if $nobody env HOME=/ "$DPIA" --version >/dev/null 2>&1; then
        run 0 $nobody env HOME=/ "$DPIA" -d "$T/shared/copy.sqlite" list
        contains "$T/out" "Backed up while in use" "nobody reads the backup in a folder of root's"
    fi
fi
release_all
# The original kept everything too.
run 0 d export 1 --format xml
contains "$T/out" "Answer only in the log" "the database itself is untouched"

# --- (b) a command that ends leaves the database file whole -------------

DB=$T/b/dpia.sqlite
run 0 d new --title "Lone file"
# Another process keeps the file open (the interface, a second command):
# SQLite then leaves the log alone when a connection closes.
hold 5 "$DB" "SELECT count(*) FROM assessments"
run 0 d answer 1 scr.project "Saved before the command ended"
wal_empty "$DB"
lone "$DB" b1
run 0 "$TOOL" answers "$T/lone/b1/db.sqlite" 1
contains "$T/out" "Saved before the command ended" "the lone file holds the answer"
run 0 d risk add 1 --title "Risk saved by a command" --likelihood 2 --severity 3
wal_empty "$DB"
lone "$DB" b2
run 0 "$DPIA" -d "$T/lone/b2/db.sqlite" show 1
contains "$T/out" "Risk saved by a command" "the lone file holds the risk"
release_all
# And with no other process.
run 0 d answer 1 scr.project "Saved alone"
wal_empty "$DB"
lone "$DB" b3
run 0 "$TOOL" answers "$T/lone/b3/db.sqlite" 1
contains "$T/out" "Saved alone"

# --- (c) refusals -----------------------------------------------------------

DB=$T/data/dpia.sqlite
cp "$DB" "$T/db.before"
# listing: the folder's names, sorted; nothing else may appear.
listing() { ls -A "$T/backups" | sort; }
listing >"$T/names.before"

# unchanged: the folder holds the same names, and no temporary file.
unchanged() {
    listing >"$T/names.after"
    same "$T/names.before" "$T/names.after" "$1: nothing added or removed"
}

run 1 d backup "$T/backups/copy.sqlite"
contains "$T/err" "use --force" "an existing file needs --force"
cp "$T/backups/copy.sqlite" "$T/copy.kept"
unchanged "existing file"

mkdir "$T/backups/folder"
listing >"$T/names.before"
run 1 d backup "$T/backups/folder" --force
contains "$T/err" "folder"
unchanged "a folder"
[ -z "$(ls -A "$T/backups/folder")" ] && pass "the folder is still empty" ||
    fail "the folder holds $(ls -A "$T/backups/folder")"

mkfifo "$T/backups/fifo"
listing >"$T/names.before"
run 1 timeout 10 "$DPIA" -d "$DB" backup "$T/backups/fifo" --force
contains "$T/err" "not a regular file"
[ -p "$T/backups/fifo" ] && pass "the FIFO is still a FIFO" || fail "the FIFO was replaced"
unchanged "a FIFO"

ln -s copy.sqlite "$T/backups/link"
ln -s missing.sqlite "$T/backups/dangling"
listing >"$T/names.before"
run 1 d backup "$T/backups/link" --force
contains "$T/err" "symbolic link"
[ -L "$T/backups/link" ] && [ "$(readlink "$T/backups/link")" = copy.sqlite ] &&
    pass "the link is still a link" || fail "the link was replaced"
run 1 d backup "$T/backups/dangling"
contains "$T/err" "symbolic link"
unchanged "symbolic links"

run 1 d backup /dev/null --force
contains "$T/err" "not a regular file"
checks=$((checks + 1))
[ -c /dev/null ] && pass "/dev/null is still a device" || fail "/dev/null was replaced"

run 1 d backup "$DB" --force
contains "$T/err" "the database itself"
run 1 d backup "$T/backups/nowhere/copy.sqlite"
unchanged "refusals"
same "$T/backups/copy.sqlite" "$T/copy.kept" "the refused backups left the copy as it was"

# A backup that fails midway (a file size limit) leaves nothing behind.
listing >"$T/names.before"
run 1 sh -c "trap '' XFSZ; ulimit -f 100; exec \"\$0\" -d \"\$1\" backup \"\$2\"" \
    "$DPIA" "$DB" "$T/backups/too-big.sqlite"
contains "$T/err" "too-big.sqlite"
unchanged "a failed backup"

# --force replaces a regular file and keeps its mode.
printf 'an older backup\n' >"$T/backups/old.sqlite"
chmod 0640 "$T/backups/old.sqlite"
run 0 d backup "$T/backups/old.sqlite" --force
mode=$(stat -c %a "$T/backups/old.sqlite" 2>/dev/null)
checks=$((checks + 1))
[ "$mode" = 640 ] && pass "--force keeps mode 0640" || fail "--force left mode $mode"
run 0 "$DPIA" -d "$T/backups/old.sqlite" list
contains "$T/out" "Backed up while in use" "the replaced file is the new backup"
# A new file is 0600 whatever the umask.
run 0 sh -c "umask 000; exec \"\$0\" -d \"\$1\" backup \"\$2\"" "$DPIA" "$DB" "$T/backups/new.sqlite"
mode=$(stat -c %a "$T/backups/new.sqlite" 2>/dev/null)
checks=$((checks + 1))
[ "$mode" = 600 ] && pass "a new backup is 0600 under umask 000" || fail "new backup mode $mode"
checks=$((checks + 1))
leftovers=$(ls -A "$T/backups" | grep '^\.dpia' || true)
[ -z "$leftovers" ] && pass "no temporary file left" || fail "left behind: $leftovers"
same "$DB" "$T/db.before" "the database was not changed by the backups"

# Usage.
run 2 d backup
contains "$T/err" "usage: dpia backup FILE [--force]"
run 2 d backup a b
run 2 d backup x --bogus
run 0 d backup --help
contains "$T/out" "Usage: dpia [-d DB] backup FILE [--force]"
run 1 "$DPIA" -d "$T/none/dpia.sqlite" backup "$T/backups/none.sqlite"
contains "$T/err" "no database"
[ ! -e "$T/none" ] && pass "no database was created" || fail "$T/none was created"

done_testing
