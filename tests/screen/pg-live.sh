#!/bin/sh
# tests/screen/live.sh on a PostgreSQL database (tests/pg.sh): two
# interfaces and the command line on one database on the server, what
# one types shows in the other (data_version), each sees the other
# present, presence rows removed at exit.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/pg-run.sh"

pg_run screen/live

done_testing
