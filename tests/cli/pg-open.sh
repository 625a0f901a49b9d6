#!/bin/sh
# Opening a PostgreSQL database (tests/pg.sh): the schema made on first
# use; a server that cannot be reached said in one line with the host,
# the database and libpq's reason; a database of another program, of a
# newer dpia, or changed behind dpia's back refused and left exactly as
# it was; read-only; dpia backup says to use pg_dump; a password never
# shown; a save that fails because the connection dropped is said as
# such, and the next one, once the server is back, is saved.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/pg.sh"

TOOL=$TOP_BUILDDIR/tests/store/storetool
psql_in() { "$PG_PSQL" -X -q -At -v ON_ERROR_STOP=1 -d "$1" -c "$2"; }

# --- made on first use --------------------------------------------------------
DB=$(pg_db open)
run 0 "$DPIA" -d "$DB" list
contains "$T/out" "No assessments yet"
checks=$((checks + 1))
[ "$(psql_in "$DB" "SELECT version FROM dpia_schema")" = 13 ] &&
    pass "the schema of version 13 was made" || fail "no schema 13 in $DB"
run 0 "$DPIA" -d "$DB" new --title "On the server"
run 0 env DPIA_DB="$DB" "$DPIA" answer 1 scr.project "Through DPIA_DB"
run 0 "$DPIA" -d "postgres:///${DB#postgresql:///}" show 1
contains "$T/out" "On the server" "postgres:// names it too"

# --- a server that cannot be reached ----------------------------------------------
run 1 "$DPIA" -d "postgresql:///nowhere?host=$T/no-server" list
contains "$T/err" "dpia: cannot connect to the PostgreSQL database nowhere on $T/no-server: "
contains "$T/err" "No such file or directory"
checks=$((checks + 1))
[ "$(wc -l <"$T/err")" -eq 1 ] && pass "the reason in one line" ||
    fail "the reason in $(wc -l <"$T/err") lines"
run 1 "$DPIA" -d "postgresql:///no_such_database" list
contains "$T/err" "cannot connect to the PostgreSQL database no_such_database on $PGHOST: "
contains "$T/err" "does not exist"

# --- read-only ------------------------------------------------------------------------
run 0 "$DPIA" --read-only -d "$DB" history 1
contains "$T/out" "Through DPIA_DB"
run 1 "$DPIA" --read-only -d "$DB" answer 1 scr.project "Not allowed"
contains "$T/err" "read-only"
EMPTY=$(pg_db empty)
run 1 "$DPIA" --read-only -d "$EMPTY" list
contains "$T/err" "holds no assessments yet: dpia sets it up on first use, which needs write access"
checks=$((checks + 1))
[ "$(psql_in "$EMPTY" "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")" = 0 ] &&
    pass "read-only made nothing" || fail "read-only made tables"

# --- backup is pg_dump's ------------------------------------------------------------
run 1 "$DPIA" -d "$DB" backup "$T/copy.sqlite"
contains "$T/err" "is a PostgreSQL database: back it up with pg_dump"
[ ! -e "$T/copy.sqlite" ] && pass "no file written" || fail "backup wrote $T/copy.sqlite"

# --- refused and left unchanged ---------------------------------------------------
# state DB: what a refusal must leave as it was.
state() {
    psql_in "$1" "SELECT string_agg(tablename, ',' ORDER BY tablename) FROM pg_tables
                  WHERE schemaname = 'public'"
    psql_in "$1" "SELECT coalesce((SELECT version || ' ' || data_version FROM dpia_schema), 'none')" \
        2>/dev/null || true
}
# refused NAME DB TEXT: dpia list on DB fails saying TEXT, and DB is as it was.
refused() {
    state "$2" >"$T/$1.before"
    run 1 "$DPIA" -d "$2" list
    contains "$T/err" "$3" "$1: refused"
    run 1 "$DPIA" -d "$2" new --title "Not here"
    state "$2" >"$T/$1.after"
    same "$T/$1.before" "$T/$1.after" "$1: left unchanged"
}

OTHER=$(pg_db other)
psql_in "$OTHER" "CREATE TABLE invoices (id integer PRIMARY KEY, total numeric)"
refused other "$OTHER" "is not a dpia database (it holds tables of another program); it was left unchanged"

NEWER=$(pg_db newer)
run 0 "$DPIA" -d "$NEWER" new --title "From the future"
psql_in "$NEWER" "UPDATE dpia_schema SET version = 14"
refused newer "$NEWER" "was written by a newer version of dpia (schema 14; this program knows up to 13); it was left unchanged"

TRIG=$(pg_db trigger)
run 0 "$DPIA" -d "$TRIG" new --title "Watched"
psql_in "$TRIG" "CREATE FUNCTION spy() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
                 CREATE TRIGGER spy BEFORE UPDATE ON answers FOR EACH ROW EXECUTE FUNCTION spy()"
refused trigger "$TRIG" "has a trigger 'spy' that dpia did not create; it was left unchanged"

LACK=$(pg_db lacking)
run 0 "$DPIA" -d "$LACK" new --title "Short of a table"
psql_in "$LACK" "DROP TABLE drafts"
refused lacking "$LACK" "lacks the table 'drafts' that dpia makes; it was left unchanged"

# A password is never shown, in the user part or among the parameters.
LACK13=$(pg_db lacking13)
run 0 "$DPIA" -d "$LACK13" new --title "Short of the members"
psql_in "$LACK13" "DROP TABLE members"
refused lacking13 "$LACK13" "lacks the table 'members' that dpia makes; it was left unchanged"

# A database of schema 12, as a dpia before people and roles left it
# (made by carla, who owns its tables; everyone had been granted them):
# brought to 13 by carla alone, each assessment owned by the author of
# its first change-log entry, one without any by whoever migrates.
OLD=$(pg_db old12)
DPIA_USER=carla run 0 "$DPIA" -d "$OLD" list
DPIA_USER=amira run 0 "$DPIA" -d "$OLD" new --title "Amira's"
DPIA_USER=amira run 0 "$DPIA" -d "$OLD" answer 1 scr.project "Her answer"
DPIA_USER=ben run 0 "$DPIA" -d "$OLD" new --title "No change log"
psql_in "$OLD" "DROP TABLE members, review_steps, comments, on_behalf;
                DELETE FROM history WHERE assessment = 2;
                UPDATE dpia_schema SET version = 12"
DPIA_USER=ben run 1 "$DPIA" -d "$OLD" list
contains "$T/err" "$OLD needs to be brought up to date (schema 12 to 13), which only the role \
owning its tables (carla) may do; it was left unchanged"
checks=$((checks + 1))
[ "$(psql_in "$OLD" "SELECT version FROM dpia_schema")" = 12 ] &&
    pass "...and it is left at 12" || fail "ben changed the schema"
DPIA_USER=carla run 0 "$DPIA" -d "$OLD" list
checks=$((checks + 1))
[ "$(psql_in "$OLD" "SELECT version FROM dpia_schema")" = 13 ] &&
    pass "schema 12 brought to 13" || fail "schema 12 not brought to 13"
checks=$((checks + 1))
[ "$(psql_in "$OLD" "SELECT string_agg(assessment || ' ' || person || ' ' || role, ','
                          ORDER BY assessment) FROM members")" = "1 amira owner,2 carla owner" ] &&
    pass "the first author owns each assessment, whoever migrates the one without" ||
    fail "members after the migration: $(psql_in "$OLD" "SELECT * FROM members")"
DPIA_USER=amira run 0 "$DPIA" -d "$OLD" member 1 add ben contributor
DPIA_USER=ben run 1 "$DPIA" -d "$OLD" member 1 add dan reader
contains "$T/err" "owner"

run 1 "$DPIA" -d "postgresql://$(id -un):s3cret@/${NEWER#postgresql:///}?host=$PGHOST&password=t0psecret" list
contains "$T/err" "written by a newer version"
lacks "$T/err" "s3cret"
lacks "$T/err" "t0psecret"

# --- the connection lost while a session is open ---------------------------------
# A session as the interface keeps it (storetool session): a save while
# the server is down fails and says why; the copy in memory is not
# emptied; once the server is back the same save goes through, with no
# conflict with itself.
mkfifo "$T/live.in"
: >"$T/live.out"
"$TOOL" session "$DB" 1 <"$T/live.in" >"$T/live.out" 2>&1 &
exec 8>"$T/live.in"
end_session() {
    exec 8>&-
    wait
}
cleanup_hooks="end_session $cleanup_hooks"
wait_for() {
    n=0
    while [ "$n" -lt 150 ] && [ "$(grep -c "^$1" "$T/live.out")" -lt "$2" ]; do
        sleep 0.1
        n=$((n + 1))
    done
    checks=$((checks + 1))
    [ "$(grep -c "^$1" "$T/live.out")" -ge "$2" ] && pass "session: $1 ($2)" ||
        { fail "session never said '$1' $2 times"; cat "$T/live.out"; }
}
wait_for ready 1
echo "scr.project typed while all is well" >&8
wait_for "saved scr.project" 1
(cd / && pg_as "$PG_CTL" stop -D "$PG_DIR/data" -m fast -s) >/dev/null 2>&1
echo "scr.project typed while the server is down" >&8
wait_for "error: " 1
contains "$T/live.out" "the connection to $DB was lost"
# (Not holding the session's input open: it must see its end.)
pg_start 8>&- || fail "the server did not start again"
echo "scr.project typed once it is back" >&8
wait_for "saved scr.project" 2
lacks "$T/live.out" "changed by"
end_session
run 0 "$DPIA" -d "$DB" history 1
contains "$T/out" "Answer scr.project: typed while all is well → typed once it is back"
lacks "$T/out" "typed while the server is down"

done_testing
