#!/bin/sh
# The records on a PostgreSQL database (tests/pg.sh): export and import,
# revisions kept as records, the register, fields, risk types, tables
# and languages, with the same tests as on SQLite.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/pg-run.sh"

pg_run report-roundtrip report-import report-revision register fields risk-kinds tables lang

done_testing
