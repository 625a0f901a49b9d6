#!/bin/sh
# The store's command-line tests on a PostgreSQL database (tests/pg.sh):
# new, list, answers, risks and measures, sign-offs, the workflow to a
# decision, revisions, undo, workshops, two writers at once. What only an
# SQLite file has (its mode, a value written behind dpia's back with the
# sqlite3 shell) is checked by the same tests on SQLite alone.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/pg-run.sh"

pg_run store-commands workflow undo workshop judgement store-concurrent input output dates

done_testing
