#!/bin/sh
# Screen tests on a PostgreSQL database (tests/pg.sh), the pages of an
# assessment at the keyboard as they run on SQLite: journey.sh (a first
# session, questions of every type answered in UTF-8 text, kept through
# a restart), risks.sh (the risk register and its heat maps),
# approval.sh and signoff.sh (the sign-offs, the decision and a new
# revision), judgement.sh (the DPO's judgement, its draft through a
# kill -9, the contact details), workshop.sh, home-review.sh (the list
# sorted by review date), behalf.sh (the DPO's advice recorded on her
# behalf by a contributor, under the server's rules). Where several
# people meet on one database: pg-live.sh.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/pg-run.sh"

pg_run screen/journey screen/risks screen/approval screen/signoff screen/judgement \
    screen/workshop screen/home-review screen/behalf

done_testing
