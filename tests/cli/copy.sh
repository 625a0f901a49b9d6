#!/bin/sh
# dpia copy FROM TO: every assessment moves whole between two databases
# (the worked example decided and revised, with a judgement, a sign-off,
# two people's changes and an undo; a workshop; an archived one; one in
# French with a review date): every export of every assessment, and of
# the closed revision, is byte for byte the same in both with
# SOURCE_DATE_EPOCH, as are list, history, show and the workshops; undo
# and the numbers of new risks go on in TO as they would have in FROM. A
# second copy is refused naming each assessment, nothing written;
# --skip-existing leaves those out; --dry-run writes nothing; FROM is
# never changed; a TO that is not a dpia database, and a FROM from a
# newer dpia, are refused and left as they were.
#
# TO is then copied on into BACK, which must give every export byte for
# byte as FROM does.
#
# The databases are arguments as -d takes them, from COPY_FROM, COPY_TO,
# COPY_TO2 and COPY_BACK (empty databases, or ones that do not exist
# yet; default: SQLite files in the test's folder, TO and TO2 databases
# on the test's PostgreSQL server when tests/pg-run.sh runs it: SQLite
# to PostgreSQL and back), so that another back end can run the same
# test. The checks of files as such (FROM's bytes, a file that is not a
# database, a file of a newer dpia) run on SQLite files only.
. "$TOP_SRCDIR/tests/lib.sh"

FROM=${COPY_FROM:-$T/from.sqlite}
TO=${COPY_TO:-$(test_db to.sqlite)}
TO2=${COPY_TO2:-$(test_db to2.sqlite)}
BACK=${COPY_BACK:-$T/back.sqlite}
SOURCE_DATE_EPOCH=1771954200
export SOURCE_DATE_EPOCH
ex=$TOP_SRCDIR/data/examples/streaming-factoids.xml

# A database argument that names a file (not a URL).
is_file() { case $1 in *://*) return 1 ;; *) return 0 ;; esac; }
f() { "$DPIA" -d "$FROM" "$@"; }
by() { who=$1; shift; DPIA_USER=$who "$DPIA" -d "$FROM" "$@"; }
t() { "$DPIA" -d "$TO" "$@"; }
# Copying into a PostgreSQL server that keeps the roles itself is for the
# role owning dpia's tables there (tests/pg.sh: the server's superuser).
ADMIN=
is_file "$TO" || ADMIN="env PGUSER=$PG_ROLE"

# --- FROM ----------------------------------------------------------------------
# 1: the worked example, decided; revision 2 changed by alice and bob,
# one risk added and taken back again (its number is not given again).
run 0 f import "$ex"
run 0 f revise 1
# alice and bob work on it: a contributor, and an owner (who records the
# DPO's judgement while nobody holds that role).
run 0 f member 1 add alice contributor
run 0 f member 1 add bob owner
run 0 by alice answer 1 desc.scale "About 120 million accounts"
run 0 by bob answer 1 scr.project "Viewing factoids, second season" --note "Scope widened"
run 0 by bob judge 1 description improve --comment "Say who receives the data" \
    --name "Dana Officer" --date 2026-03-01
run 0 by alice risk add 1 --title "Re-identification from the counts" --likelihood 2 --severity 3
risk1=$(cat "$T/out")
run 0 by alice risk add 1 --title "A second risk, taken back"
run 0 by alice undo 1
contains "$T/out" "Undone: risk" "alice takes her risk back"
run 0 by bob signoff 1 --role assessor --name "Bob Assessor" --position "Privacy lead" \
    --date 2026-03-02
# 2: a workshop, ended, with what it settled and its open points.
run 0 f new --title "Staff rota" && ws=$(cat "$T/out")
run 0 f workshop "$ws" start --date 2026-03-02 --place "Room 4.12" --agenda screening \
    --participant "Dana Officer|DPO|Acme Retail|no" \
    --participant "Pat Doe|staff representative|Works council|yes"
run 0 f answer "$ws" scr.project "Rota planning for 300 staff" --note "Agreed with the council"
run 0 f workshop "$ws" end --minutes "We agreed on the scope." \
    --open-point "Ask IT how long logs are kept|Sam Admin"
# 3: archived.
run 0 f new --title "Old loyalty scheme" && old=$(cat "$T/out")
run 0 f answer "$old" scr.evaluation yes
run 0 f archive "$old"
# 4: in French, with a review date and a flag.
run 0 f new --title "Vidéosurveillance du magasin" --lang fr && fr=$(cat "$T/out")
run 0 f answer "$fr" scr.project "Caméras à l'entrée" --flag
run 0 f review "$fr" 2027-03-31

[ "$ws" = 2 ] && [ "$old" = 3 ] && [ "$fr" = 4 ] || fail "FROM numbered $ws $old $fr, not 2 3 4"
ids="1 $ws $old $fr"
uuid() { f show "$1" --format json | sed -n 's/.*"uuid": "\([0-9a-f-]*\)".*/\1/p' | head -1; }
for i in $ids; do
    eval "u$i=\$(uuid $i)"
done
run 0 f list --all
cp "$T/out" "$T/from-list"
sum=
is_file "$FROM" && sum=$(cksum <"$FROM")

# --- the copy --------------------------------------------------------------------
if [ -n "$ADMIN" ]; then
    run 1 "$DPIA" copy "$FROM" "$TO"
    contains "$T/err" "keeps the roles itself, and writing every assessment whole, in other \
people's names, is for the role that owns dpia's tables there ($PG_ROLE), not for tester" \
        "a copy by someone the server's rules hold is refused, naming who may"
    run 0 t list --all
    lacks "$T/out" "Viewing factoids" "...and writes nothing"
fi
run 0 $ADMIN "$DPIA" copy "$FROM" "$TO"
for i in $ids; do
    eval "u=\$u$i"
    contains "$T/out" "copied $i as $i: " "assessment $i copied, as $i"
    contains "$T/out" "($u)" "its uuid said"
done
contains "$T/out" "4 assessments copied into $TO"

# Every export of every assessment, by its uuid, byte for byte.
formats="xml html csv-risks csv-measures csv-tables odt docx"
for i in $ids; do
    eval "u=\$u$i"
    for fmt in $formats; do
        f export "$u" --format "$fmt" -o "$T/from.$i.$fmt" >/dev/null 2>"$T/err" ||
            fail "FROM: export $i $fmt: $(cat "$T/err")"
        t export "$u" --format "$fmt" -o "$T/to.$i.$fmt" >/dev/null 2>"$T/err" ||
            fail "TO: export $i $fmt: $(cat "$T/err")"
        same "$T/from.$i.$fmt" "$T/to.$i.$fmt" "assessment $i: the $fmt export is the same"
    done
    for what in "history" "show --format json" "workshop list"; do
        set -- $what
        cmd=$1
        shift
        f "$cmd" "$u" "$@" >"$T/from.$i.$cmd" 2>&1
        t "$cmd" "$u" "$@" >"$T/to.$i.$cmd" 2>&1
        same "$T/from.$i.$cmd" "$T/to.$i.$cmd" "assessment $i: dpia $what says the same"
    done
done
# The closed revision: its record kept as signed, and its report.
for fmt in xml html; do
    run 0 f export "$u1" --revision 1 --format "$fmt" -o "$T/from.r1.$fmt"
    run 0 t export "$u1" --revision 1 --format "$fmt" -o "$T/to.r1.$fmt"
    same "$T/from.r1.$fmt" "$T/to.r1.$fmt" "revision 1: the $fmt export is the same"
done
f diff "$u1" >"$T/from.diff" 2>&1
t diff "$u1" >"$T/to.diff" 2>&1
same "$T/from.diff" "$T/to.diff" "dpia diff between the revisions says the same"
if command -v weasyprint >/dev/null 2>&1; then
    run 0 f export "$u1" --format pdf -o "$T/from.pdf"
    run 0 t export "$u1" --format pdf -o "$T/to.pdf"
    same "$T/from.pdf" "$T/to.pdf" "the PDF of the worked example is the same"
fi
contains "$T/from.1.xml" "<change " "the record carries the change log"
checks=$((checks + 1))
[ "$(grep -c 'Imported: ' "$T/to.1.history")" = 1 ] && [ "$(wc -l <"$T/to.1.history")" -gt 100 ] &&
    pass "the log as it was: the one import into FROM, no entry added by the copy" ||
    fail "the copied log: $(grep -c 'Imported: ' "$T/to.1.history") imports"
contains "$T/to.1.history" "Undone: Risk R" "the undo is in the copied log"
contains "$T/to.1.history" "alice" "alice's changes"
contains "$T/to.1.history" "bob" "bob's changes"
contains "$T/to.2.workshop" "Pat Doe" "the workshop's participants"
contains "$T/to.2.workshop" "scr.project" "what the workshop settled"
contains "$T/to.4.xml" 'lang="fr"' "the French assessment is still in French"
run 0 t list --all
same "$T/from-list" "$T/out" "dpia list --all says the same"
run 0 t list
lacks "$T/out" "Old loyalty scheme" "the archived one is still archived"
run 0 t register --all --format tsv
cp "$T/out" "$T/to.register"
run 0 f register --all --format tsv
same "$T/out" "$T/to.register" "the register says the same"

# --- and back: TO copied into BACK gives what FROM gives -------------------------
run 0 $ADMIN "$DPIA" copy "$TO" "$BACK"
contains "$T/out" "4 assessments copied into $BACK"
for i in $ids; do
    eval "u=\$u$i"
    for fmt in $formats; do
        "$DPIA" -d "$BACK" export "$u" --format "$fmt" -o "$T/back.$i.$fmt" >/dev/null \
            2>"$T/err" || fail "BACK: export $i $fmt: $(cat "$T/err")"
        same "$T/from.$i.$fmt" "$T/back.$i.$fmt" "copied back, $i: the $fmt export is the same"
    done
    "$DPIA" -d "$BACK" history "$u" >"$T/back.$i.history" 2>&1
    same "$T/from.$i.history" "$T/back.$i.history" "copied back, $i: dpia history says the same"
done
for fmt in xml html; do
    run 0 "$DPIA" -d "$BACK" export "$u1" --revision 1 --format "$fmt" -o "$T/back.r1.$fmt"
    same "$T/from.r1.$fmt" "$T/back.r1.$fmt" "copied back, revision 1: the $fmt export is the same"
done
run 0 "$DPIA" -d "$BACK" list --all
same "$T/from-list" "$T/out" "copied back, dpia list --all says the same"

# The work goes on in TO as in FROM: the next risk takes the number after
# the one taken back; undo takes back bob's sign-off, and then the undo
# stops at alice's undo as it would have.
run 0 t risk add 1 --title "A risk added in TO"
contains "$T/out" "R$(( ${risk1#R} + 2 ))" "the number of the risk taken back is not given again"
run 0 t undo 1
run 0 env DPIA_USER=bob "$DPIA" -d "$TO" undo 1
contains "$T/out" "sign-off" "bob's sign-off is undone in TO"
run 0 t show 1
lacks "$T/out" "Bob Assessor" "the whole sign-off (one change of several entries) is undone"

# --- a second copy: refused, naming each; nothing written ----------------------
run 0 t list --all
cp "$T/out" "$T/to-before"
run 1 $ADMIN "$DPIA" copy "$FROM" "$TO"
contains "$T/err" "$u1" "the refusal names the uuid"
contains "$T/err" "Viewing factoids: social media campaign" "...and the title"
contains "$T/err" "4 assessments are already in $TO; nothing was copied"
run 0 t list --all
same "$T/to-before" "$T/out" "a refused copy writes nothing"

# --- --skip-existing, --dry-run ---------------------------------------------------
run 0 $ADMIN "$DPIA" copy "$FROM" "$TO2"
run 0 "$DPIA" -d "$TO2" delete "$u2" --yes
run 0 "$DPIA" -d "$TO2" list --all
cp "$T/out" "$T/to2-before"
run 0 $ADMIN "$DPIA" copy "$FROM" "$TO2" --dry-run --skip-existing
contains "$T/out" "would copy 2: Staff rota ($u2)"
contains "$T/out" "would leave out 1: "
contains "$T/out" "dry run: 1 assessment would be copied into $TO2; nothing was written"
contains "$T/out" "3 assessments would be left out: already in $TO2"
run 0 "$DPIA" -d "$TO2" list --all
same "$T/to2-before" "$T/out" "a dry run writes nothing"
run 1 $ADMIN "$DPIA" copy "$FROM" "$TO2" --dry-run
contains "$T/err" "3 assessments are already in $TO2"
run 0 $ADMIN "$DPIA" copy "$FROM" "$TO2" --skip-existing
contains "$T/out" "copied 2 as 5: Staff rota ($u2)"
contains "$T/out" "left out 1: "
contains "$T/out" "1 assessment copied into $TO2"
contains "$T/out" "3 assessments left out: already in $TO2"
run 0 "$DPIA" -d "$TO2" workshop "$u2" list
same "$T/to.2.workshop" "$T/out" "the assessment left out of TO2 before is there whole"

# --- FROM is only read -------------------------------------------------------------
run 0 f list --all
same "$T/from-list" "$T/out" "FROM lists the same"
if is_file "$FROM"; then
    [ "$(cksum <"$FROM")" = "$sum" ] && pass "FROM's bytes are unchanged" ||
        fail "FROM was changed"
fi

# --- usage, and what is refused ----------------------------------------------------
run 2 $ADMIN "$DPIA" copy "$FROM"
contains "$T/err" "usage: dpia copy FROM TO"
run 2 $ADMIN "$DPIA" copy "$FROM" "$TO" --nonsense
run 0 $ADMIN "$DPIA" copy --help
contains "$T/out" "copy FROM TO [--skip-existing] [--dry-run]"
if is_file "$FROM"; then
    run 1 $ADMIN "$DPIA" copy "$T/nowhere.sqlite" "$T/new.sqlite"
    contains "$T/err" "there is no database at $T/nowhere.sqlite"
    [ ! -e "$T/new.sqlite" ] && pass "TO is not made when FROM cannot be read" ||
        fail "TO was made although FROM was not there"
    run 0 $ADMIN "$DPIA" copy "$FROM" "$T/dry.sqlite" --dry-run
    contains "$T/out" "dry run: 4 assessments would be copied"
    [ ! -e "$T/dry.sqlite" ] && pass "a dry run makes no TO" || fail "a dry run made TO"
    # A TO that is not a dpia database: refused, left as it was.
    printf 'Meeting notes, not a database\n' >"$T/notes.txt"
    cp "$T/notes.txt" "$T/notes.orig"
    run 1 $ADMIN "$DPIA" copy "$FROM" "$T/notes.txt"
    contains "$T/err" "is not a dpia database"
    same "$T/notes.orig" "$T/notes.txt" "a TO that is not a database is left as it was"
    # A FROM from a newer dpia: refused, left as it was.
    cp "$FROM" "$T/newer.sqlite"
    run 0 "$TOP_BUILDDIR/tests/store/storetool" sql "$T/newer.sqlite" "PRAGMA user_version = 999"
    newer=$(cksum <"$T/newer.sqlite")
    run 1 $ADMIN "$DPIA" copy "$T/newer.sqlite" "$T/from-newer.sqlite"
    contains "$T/err" "was written by a newer version of dpia (schema 999"
    [ "$(cksum <"$T/newer.sqlite")" = "$newer" ] && pass "the newer FROM is unchanged" ||
        fail "the newer FROM was changed"
    [ ! -e "$T/from-newer.sqlite" ] && pass "nothing made from a newer FROM" ||
        fail "a TO was made from a newer FROM"
fi

done_testing
