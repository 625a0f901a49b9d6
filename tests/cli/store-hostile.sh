#!/bin/sh
# A database that cannot be turned against its user. A file changed with
# the sqlite3 shell, crafted, or damaged by one flipped byte is refused or
# read with a message, never a crash: triggers, views, tables, indexes
# and columns dpia did not make are refused before anything runs or is
# written; values that are not what dpia writes (a NUL byte in a
# template snapshot, text that is not UTF-8, integers near INT_MAX or
# INT64_MAX) are reported as a damaged database with the table, the row
# and the column. A file refused leaves no -wal, -shm or -journal beside
# it. A database replaced or removed under a running session is not
# written to any more, and nothing of the old one is left beside the new.
. "$TOP_SRCDIR/tests/lib.sh"

TOOL=$TOP_BUILDDIR/tests/store/storetool
command -v sha256sum >/dev/null 2>&1 || skip "sha256sum not found"
command -v od >/dev/null 2>&1 || skip "od not found"
TIMEOUT=
command -v timeout >/dev/null 2>&1 && TIMEOUT="timeout 60"

digest() { sha256sum "$1" | cut -d' ' -f1; }

# sane FILE: the stderr in FILE holds no sanitizer or crash report.
sane() {
    ! grep -qE 'AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:|Segmentation fault|core dumped' "$1"
}

# survive WHAT CMD...: CMD ends by itself with 0, or with 1 and a
# message; never a signal (status 128 and up), never a sanitizer report.
survive() {
    what=$1
    shift
    checks=$((checks + 1))
    $TIMEOUT "$@" >"$T/out" 2>"$T/err"
    got=$?
    if [ "$got" -ge 2 ] || ! sane "$T/err" || { [ "$got" -eq 1 ] && ! grep -q '^dpia: ' "$T/err"; }; then
        fail "$what: $* exited $got"
        sed 's/^/  stderr: /' "$T/err" | head -20
        return 1
    fi
    return 0
}

# sides FILE: names of the files beside FILE (-wal, -shm, -journal).
sides() {
    for s in -wal -shm -journal; do
        [ -e "$1$s" ] && printf '%s ' "$(basename "$1$s")"
    done
}

# A real database: two assessments, answers, risks, a linked measure, a
# sign-off, a closed revision, their change log.
BASE=$T/base.sqlite
b() { "$DPIA" -d "$BASE" "$@" >/dev/null; }
b new --title "Viewing history"
b answer 1 scr.evaluation yes
b answer 1 scr.sensitive no
b answer 1 desc.purposes "Profiling of viewers"
b risk add 1 --title "Re-identification" --likelihood 3 --severity 4
b risk add 1 --title "Profiling" --likelihood 2 --severity 2
b measure add 1 --title "Pseudonymise" --risks 1,2
b signoff 1 --role dpo --name "Dana Officer" --advice "Go ahead"
b new --title "Second one"
b answer 2 scr.project "A second project"
"$TOOL" sql "$BASE" "INSERT INTO revisions VALUES (2, 1, 'approved', '2026-01-02',
    1767312000, CAST('<record/>' AS BLOB)); UPDATE assessments SET revision = 2 WHERE id = 2" \
    >/dev/null || fail "a closed revision"
[ -z "$(sides "$BASE")" ] && pass "the base database stands alone" || fail "beside base: $(sides "$BASE")"

# fresh NAME [SQL]: a copy of the base database as $T/NAME.sqlite, SQL
# run on it straight through SQLite (as with the sqlite3 shell).
fresh() {
    DB=$T/$1.sqlite
    cp "$BASE" "$DB"
    if [ $# -gt 1 ]; then
        "$TOOL" sql "$DB" "$2" >/dev/null || fail "$1: $2"
    fi
}

# refused NAME MESSAGE CMD...: CMD on $DB exits 1 with MESSAGE, the file
# byte for byte as it was, and no file beside it.
refused() {
    name=$1
    msg=$2
    shift 2
    before=$(digest "$DB")
    run 1 "$DPIA" -d "$DB" "$@"
    contains "$T/err" "$msg" "$name: $msg"
    checks=$((checks + 1))
    [ "$(digest "$DB")" = "$before" ] && pass "$name: file unchanged" || fail "$name: file changed"
    checks=$((checks + 1))
    [ -z "$(sides "$DB")" ] && pass "$name: nothing beside it" ||
        fail "$name: left beside it: $(sides "$DB")"
}

# --- objects dpia did not make ------------------------------------------

# The tester's trigger: whenever dpia saved, another answer was rewritten
# and its change-log entry deleted.
fresh trigger "CREATE TRIGGER forge AFTER UPDATE ON answers BEGIN
    UPDATE answers SET value = 'forged' WHERE question = 'scr.sensitive';
    DELETE FROM history WHERE what = 'answer scr.sensitive'; END"
refused trigger "has a trigger 'forge' that dpia did not create; it was left unchanged" \
    answer 1 scr.evaluation no
refused trigger "has a trigger 'forge' that dpia did not create" list
"$TOOL" sql "$DB" "DROP TRIGGER forge" >/dev/null
run 0 "$DPIA" -d "$DB" answer 1 scr.evaluation no
run 0 "$TOOL" answers "$DB" 1
contains "$T/out" "scr.sensitive	no" "the other answer is as it was"

fresh trigger-insert "CREATE TRIGGER forge2 AFTER INSERT ON history BEGIN
    DELETE FROM history; END"
refused trigger-insert "has a trigger 'forge2' that dpia did not create" show 1
fresh view "CREATE VIEW everything AS SELECT * FROM answers"
refused view "has a view 'everything' that dpia did not create" list
fresh table "CREATE TABLE notes(x)"
refused table "has a table 'notes' that dpia did not create" list
fresh index "CREATE INDEX answers_by_value ON answers(value)"
refused index "has an index 'answers_by_value' that dpia did not create" list
fresh expr-index "CREATE INDEX answers_lower ON answers(lower(value))"
refused expr-index "has an index 'answers_lower' that dpia did not create" answer 1 scr.project x
fresh column "ALTER TABLE answers ADD COLUMN extra TEXT DEFAULT 'x'"
refused column "has a table 'answers' whose columns are not the ones dpia made" list
fresh missing "DROP INDEX history_by_assessment"
refused missing "lacks the index 'history_by_assessment' that dpia makes" list
fresh changed "PRAGMA writable_schema = ON;
    UPDATE sqlite_master SET sql = replace(sql, 'revision INTEGER NOT NULL,',
        'revision INTEGER NOT NULL CHECK (abs(revision) >= 0),') WHERE name = 'answers';"
refused changed "has a table 'answers' that is not the one dpia made" list
fresh escape "CREATE TABLE \"$(printf 'x\033[2Jy')\"(a)"
refused escape "has a table 'x" list
lacks "$T/err" "$(printf '\033')" "no escape character from a table's name"

# --- values that are not what dpia writes ----------------------------------

# damaged NAME MESSAGE CMD...: CMD on $DB exits 1 with MESSAGE, cleanly.
damaged() {
    name=$1
    msg=$2
    shift 2
    survive "$name" "$DPIA" -d "$DB" "$@"
    checks=$((checks + 1))
    [ "$got" -eq 1 ] && pass "$name: refused" || fail "$name: exited $got"
    contains "$T/err" "$msg" "$name: $msg"
}

# The tester's crash: a NUL byte in the template snapshot was read past
# the end of its blob.
fresh nul-snapshot "UPDATE templates SET xml = CAST(substr(xml, 1, 200) || char(0) ||
    substr(xml, 201) AS BLOB)"
damaged nul-snapshot "is damaged: table templates, row id 1, column xml: a NUL byte inside" show 1
damaged nul-snapshot "table templates, row id 1, column xml: a NUL byte inside" \
    export 1 --format xml -o "$T/x.xml"
damaged nul-snapshot "a NUL byte inside" answer 1 scr.project x
fresh nul-record "UPDATE revisions SET record = CAST('<record>' || char(0) || '</record>' AS BLOB)"
damaged nul-record "table revisions, row assessment 2, column record: a NUL byte inside" \
    show 2 --revision 1
fresh nul-answer "UPDATE answers SET value = CAST(x'4100420043' AS TEXT) WHERE question = 'desc.purposes'"
damaged nul-answer "table answers, row assessment 1, column value: a NUL byte inside the text" show 1
fresh utf8-title "UPDATE assessments SET title = CAST(x'41ff42' AS TEXT) WHERE id = 2"
damaged utf8-title "table assessments, row id 2, column title: not UTF-8 text" list
# NULL where the schema says NOT NULL: the constraint lifted for a moment.
fresh null-who "PRAGMA writable_schema = ON; UPDATE sqlite_master SET
    sql = replace(sql, 'who TEXT NOT NULL', 'who TEXT') WHERE name = 'history'"
"$TOOL" sql "$DB" "UPDATE history SET who = NULL" >/dev/null || fail "NULL who"
"$TOOL" sql "$DB" "PRAGMA writable_schema = ON; UPDATE sqlite_master SET
    sql = replace(sql, 'who TEXT,', 'who TEXT NOT NULL,') WHERE name = 'history'" >/dev/null
survive null-who "$DPIA" -d "$DB" history 1
survive null-who "$DPIA" -d "$DB" answer 1 scr.project "with no author before"
fresh uuid "UPDATE assessments SET uuid = 'not-a-uuid' WHERE id = 1"
damaged uuid "table assessments, row id 1, column uuid: not a uuid" show 1

# Integers near INT_MAX and INT64_MAX, where counters are computed.
fresh risk-number "UPDATE risks SET number = 2147483647 WHERE number = 2"
damaged risk-number "table risks, row id 2, column number: 2147483647 is out of range (1 to 100000)" show 1
fresh next-risk "UPDATE assessments SET next_risk = 2147483647"
damaged next-risk "column next_risk: 2147483647 is out of range (1 to 100001)" \
    risk add 1 --title "One more"
fresh last-risk "UPDATE assessments SET next_risk = 100001, next_measure = 100001"
damaged last-risk "has used every risk number (R1 to R100000)" risk add 1 --title "One more"
damaged last-risk "has used every measure number (M1 to M100000)" measure add 1 --title "More"
fresh answer-rev "UPDATE answers SET revision = 9223372036854775807 WHERE question = 'scr.evaluation'"
damaged answer-rev "column revision: 9223372036854775807 is out of range" answer 1 scr.evaluation no
fresh answer-rev-max "UPDATE answers SET revision = 9007199254740992 WHERE question = 'scr.evaluation'"
damaged answer-rev-max "changed too many times to count" answer 1 scr.evaluation no
fresh revision "UPDATE assessments SET revision = 2147483647 WHERE id = 1"
damaged revision "column revision: 2147483647 is out of range (1 to 100000)" show 1
fresh history-at "UPDATE history SET at = -9223372036854775808"
damaged history-at "table history, row id 1, column at: -9223372036854775808 is out of range" history 1
fresh history-id "UPDATE history SET id = 9223372036854775807 WHERE id = (SELECT max(id) FROM history)"
survive history-id "$DPIA" -d "$DB" answer 1 scr.project "after the largest id"
survive history-id "$DPIA" -d "$DB" history 1
fresh score "UPDATE risks SET likelihood = 2147483647"
damaged score "column likelihood: 2147483647 is out of range (0 to 9)" show 1
fresh text-int "UPDATE answers SET revision = 'many'"
damaged text-int "column revision: not a whole number" show 1
# The listing's summary is a cache: brought into range, not refused.
fresh listing "UPDATE assessments SET percent = 2147483647, highest_level = 2147483647,
    highest_high = -9223372036854775808"
survive listing "$DPIA" -d "$DB" list
contains "$T/out" "100%" "a progress above 100 reads 100%"

# --- one flipped byte, at many places of a real file -----------------------

# Each byte chosen is turned into its complement, or into a NUL (the
# tester's crash: a NUL in the template snapshot, read past its end).
size=$(wc -c <"$BASE")
flips=${DPIA_FLIPS:-80}
i=0
cases=0
while [ "$i" -lt "$flips" ]; do
    # The header's fields, then places spread over every page.
    if [ "$i" -lt 12 ]; then
        off=$(( (16 + i * 7) % 100 ))
    else
        off=$(( (i * 7919 + i * i * 31) % size ))
    fi
    i=$((i + 1))
    DB=$T/flip.sqlite
    cp "$BASE" "$DB"
    byte=$(od -An -tu1 -j "$off" -N1 "$DB" | tr -d ' ')
    new=$(( i % 2 ? byte ^ 255 : 0 ))
    printf "$(printf '\\%03o' "$new")" |
        dd of="$DB" bs=1 seek="$off" conv=notrunc 2>/dev/null
    for cmd in "list --all" "show 1" "history 2" "export 1 --format xml -o $T/flip.xml --force" \
        "answer 1 desc.purposes flipped"; do
        # shellcheck disable=SC2086
        survive "byte $off flipped" "$DPIA" -d "$DB" $cmd || break
        cases=$((cases + 1))
    done
    rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-journal"
done
pass "$cases commands on $flips files with a flipped byte ended cleanly"

# --- refused files leave nothing beside them ------------------------------

fresh newer "PRAGMA user_version = 999"
refused newer "was written by a newer version of dpia (schema 999" list
refused newer "left unchanged" new --title "Should not land"
fresh negative "PRAGMA user_version = -3"
refused negative "has an unknown schema version (-3); it was left unchanged" list
DB=$T/foreign.sqlite
"$TOOL" sql "$DB" "PRAGMA journal_mode = WAL; CREATE TABLE t(x); INSERT INTO t VALUES (1)" >/dev/null
refused foreign "is not a dpia database (an SQLite file of another program)" list
refused foreign "left unchanged" new --title "Should not land"
DB=$T/foreign-id.sqlite
"$TOOL" sql "$DB" "PRAGMA application_id = 7; PRAGMA journal_mode = WAL; CREATE TABLE t(x)" >/dev/null
refused foreign-id "is not a dpia database" list

# --- a database replaced or removed under a running session ----------------

# session NAME DB: a store kept open on DB (storetool session), its input
# a FIFO held by the test on descriptor 8; its output in $T/NAME.out.
session() {
    mkfifo "$T/$1.in"
    : >"$T/$1.out"
    "$TOOL" session "$2" 1 <"$T/$1.in" >"$T/$1.out" 2>&1 &
    exec 8>"$T/$1.in"
    wait_for "$1" ready
}
end_session() {
    exec 8>&-
    wait
}
cleanup_hooks="$cleanup_hooks end_session"

# wait_for NAME LINE: the session printed LINE (first words) within 10 s.
wait_for() {
    n=0
    while [ "$n" -lt 100 ] && ! grep -q "^$2" "$T/$1.out"; do
        sleep 0.1
        n=$((n + 1))
    done
    checks=$((checks + 1))
    grep -q "^$2" "$T/$1.out" && pass "$1: $2" || { fail "$1 never said '$2'"; cat "$T/$1.out"; }
}

GONE="was replaced or removed while dpia was running; nothing more is written to it"

# Replaced: another database moved over it while the session types.
mkdir "$T/replace"
DB=$T/replace/db.sqlite
cp "$BASE" "$DB"
"$DPIA" -d "$T/replace/other.sqlite" new --title "The other database" >/dev/null
"$DPIA" -d "$T/replace/other.sqlite" answer 1 scr.project "Theirs" >/dev/null
session replace "$DB"
echo "scr.project typed before" >&8
wait_for replace "saved scr.project"
mv "$T/replace/other.sqlite" "$DB"
echo "scr.project typed after the move" >&8
wait_for replace "error: "
contains "$T/replace.out" "$DB $GONE"
echo "scr.project and once more" >&8
echo "desc.purposes and another answer" >&8
end_session
checks=$((checks + 1))
[ "$(grep -c "$GONE" "$T/replace.out")" = 3 ] && pass "every later save refused" ||
    fail "later saves: $(cat "$T/replace.out")"
checks=$((checks + 1))
[ -z "$(sides "$DB")" ] && pass "replaced: nothing of the old file beside the new" ||
    fail "replaced: left beside it: $(sides "$DB")"
run 0 "$TOOL" check "$DB"
run 0 "$DPIA" -d "$DB" list
contains "$T/out" "The other database"
lacks "$T/out" "Viewing history"
run 0 "$TOOL" answers "$DB" 1
contains "$T/out" "scr.project	Theirs" "the new file's answer is its own"
lacks "$T/out" "typed" "nothing of the session reached the new file"
run 0 "$DPIA" -d "$DB" answer 1 scr.project "Written to the new file"

# Removed: the session stops writing, and leaves no -wal or -shm behind
# where a new database would read them as its own.
mkdir "$T/remove"
DB=$T/remove/db.sqlite
cp "$BASE" "$DB"
session remove "$DB"
echo "scr.project typed before" >&8
wait_for remove "saved scr.project"
rm "$DB"
echo "scr.project typed after the removal" >&8
wait_for remove "error: "
contains "$T/remove.out" "$DB $GONE"
end_session
checks=$((checks + 1))
[ -z "$(ls "$T/remove")" ] && pass "removed: nothing left in the folder" ||
    fail "removed: left: $(ls "$T/remove")"
run 0 "$DPIA" -d "$DB" new --title "A new database"
run 0 "$TOOL" check "$DB"

# Moved away: what the session saved before is in the moved file, whole.
mkdir "$T/move"
DB=$T/move/db.sqlite
cp "$BASE" "$DB"
session move "$DB"
echo "scr.project typed before the move" >&8
wait_for move "saved scr.project"
mv "$DB" "$T/move/moved.sqlite"
echo "scr.project typed after" >&8
wait_for move "error: "
end_session
checks=$((checks + 1))
[ ! -e "$DB" ] && [ -z "$(sides "$DB")" ] && pass "moved: nothing left at the old path" ||
    fail "moved: left: $(ls "$T/move")"
run 0 "$TOOL" answers "$T/move/moved.sqlite" 1
contains "$T/out" "scr.project	typed before the move" "the moved file holds what was saved"
run 0 "$TOOL" check "$T/move/moved.sqlite"

done_testing
