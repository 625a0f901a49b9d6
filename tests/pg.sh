# A throwaway PostgreSQL server for the tests (sourced after tests/lib.sh):
# initdb and pg_ctl in a folder of its own, listening on a Unix socket in
# that folder alone (listen_addresses=''), trust authentication, stopped
# and removed when the test ends. Run as root, the server runs as nobody,
# which owns the folder; the role it makes is named after whoever runs
# the test, so that dpia, createdb and psql connect without a user name.
#
# After it: PGHOST (the socket's folder), PGPORT, PGDATABASE and PG_ROLE
# (the superuser) are exported; the people of the tests are roles; pg_db NAME makes a new database and prints its URL
# (postgresql:///NAME: libpq finds the socket through PGHOST).
#
# Exits 77 with the reason when dpia was built without PostgreSQL
# (HAVE_LIBPQ, from configure) or initdb, pg_ctl or createdb are missing.
# shellcheck shell=sh

[ "${HAVE_LIBPQ:-no}" = yes ] || skip "dpia was built without PostgreSQL (libpq)"

pg_tool() {
    for pg_dir in ${PG_BINDIR:-} $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k4 -n -r) \
        /usr/local/bin /usr/bin; do
        if [ -x "$pg_dir/$1" ]; then
            echo "$pg_dir/$1"
            return 0
        fi
    done
    command -v "$1"
}
PG_INITDB=${PG_INITDB:-$(pg_tool initdb)}
PG_CTL=${PG_CTL:-$(pg_tool pg_ctl)}
PG_CREATEDB=$(pg_tool createdb)
PG_PSQL=$(pg_tool psql)
[ -n "$PG_INITDB" ] && [ -x "$PG_INITDB" ] || skip "initdb not found (apt-get install postgresql)"
[ -n "$PG_CTL" ] && [ -x "$PG_CTL" ] || skip "pg_ctl not found (apt-get install postgresql)"
[ -n "$PG_CREATEDB" ] || skip "createdb not found (apt-get install postgresql-client)"

# A short folder: a Unix socket's path is limited to about 100 bytes.
PG_DIR=$(mktemp -d /tmp/dpia-pg.XXXXXX) || skip "cannot make a folder for PostgreSQL"
PG_ROLE=$(id -un)
pg_as() { "$@"; }
if [ "$(id -u)" = 0 ]; then
    chown nobody "$PG_DIR" || skip "cannot give $PG_DIR to nobody"
    if command -v setpriv >/dev/null 2>&1; then
        pg_gid=$(id -g nobody)
        pg_as() { setpriv --reuid=nobody --regid="$pg_gid" --clear-groups -- "$@"; }
    elif command -v runuser >/dev/null 2>&1; then
        pg_as() { runuser -u nobody -- "$@"; }
    else
        skip "running as root without setpriv or runuser to start PostgreSQL as nobody"
    fi
fi

pg_stop() {
    if [ -f "$PG_DIR/data/postmaster.pid" ]; then
        (cd / && pg_as "$PG_CTL" stop -D "$PG_DIR/data" -m immediate -s) >/dev/null 2>&1
    fi
    rm -rf "$PG_DIR"
}
cleanup_hooks="$cleanup_hooks pg_stop"

if ! (cd / && pg_as "$PG_INITDB" -D "$PG_DIR/data" -U "$PG_ROLE" -A trust -E UTF8 \
        --locale=C.UTF-8 --no-sync) >"$T/pg-initdb.log" 2>&1; then
    sed 's/^/  initdb: /' "$T/pg-initdb.log" | tail -5
    echo "FAIL: initdb could not make a PostgreSQL cluster"
    exit 1
fi
cat >>"$PG_DIR/data/postgresql.conf" <<EOF
listen_addresses = ''
unix_socket_directories = '$PG_DIR'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 60
EOF

# pg_start: starts the server (again, after pg_ctl stop).
pg_start() {
    (cd / && pg_as "$PG_CTL" start -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 -s) \
        >/dev/null 2>&1
}
if ! pg_start; then
    tail -5 "$PG_DIR/server.log" 2>/dev/null | sed 's/^/  server: /'
    echo "FAIL: the PostgreSQL server did not start"
    exit 1
fi
PGHOST=$PG_DIR
PGPORT=5432
PGDATABASE=postgres
export PGHOST PGPORT PGDATABASE
unset PGUSER PGPASSWORD PGSERVICE PGOPTIONS

# The people of the tests, each a role of their own (the person on a
# PostgreSQL database is the role the server authenticates: dpia asks
# for the one DPIA_USER names), none a superuser, so that the server's
# rules hold them (tui/store/pg_policy.c). Anyone may make dpia's tables
# in a new database (PostgreSQL 15 and later let only its owner); the
# tests' databases are set up by the server's superuser ($PG_ROLE: not
# under those rules) before anyone works in them (test_db, tests/lib.sh).
PG_PEOPLE="alice amira anna avermeulen ben bench bob carl carla client dana ivan kim lee
max olga other owen rita seed someone tester unit $(seq -f 'client%g' 1 20)"
pg_people_sql="GRANT CREATE ON SCHEMA public TO PUBLIC;"
for pg_person in $PG_PEOPLE; do
    [ "$pg_person" = "$PG_ROLE" ] ||
        pg_people_sql="$pg_people_sql CREATE ROLE \"$pg_person\" LOGIN;"
done
# storetool writes behind dpia's back (as an older version, another
# program or a hostile hand would) as writer, reader, generator and
# session: roles the rules do not hold.
for pg_person in writer reader generator session; do
    pg_people_sql="$pg_people_sql CREATE ROLE \"$pg_person\" LOGIN BYPASSRLS;"
done
if ! "$PG_PSQL" -X -q -v ON_ERROR_STOP=1 -d template1 -c "$pg_people_sql" >/dev/null; then
    echo "FAIL: could not make the tests' roles on the PostgreSQL server"
    exit 1
fi
export PG_ROLE

pg_serial=0
# pg_db NAME: a new, empty database; prints its URL.
pg_db() {
    pg_serial=$((pg_serial + 1))
    pg_name="$1_$pg_serial"
    "$PG_CREATEDB" "$pg_name" >/dev/null || {
        echo "FAIL: createdb $pg_name" >&2
        return 1
    }
    echo "postgresql:///$pg_name"
}
