#!/bin/sh
# People and roles, the review, dpia copy and twenty writers at once on a
# PostgreSQL database (tests/pg.sh): roles.sh and review.sh as they run
# on SQLite; copy.sh from an SQLite file into PostgreSQL and from there
# into another file, every export of the three byte for byte the same;
# concurrent.sh with its twenty clients on one assessment on the server.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/pg-run.sh"

pg_run roles review copy concurrent

done_testing
