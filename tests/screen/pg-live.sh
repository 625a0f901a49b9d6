#!/bin/sh
# Screen tests on a PostgreSQL database (tests/pg.sh), those where
# several people or sessions meet on one database: live.sh (two
# interfaces and the command line, what one types shows in the other,
# each sees the other present, presence rows removed at exit);
# review.sh (the owner, the DPO, the decision-maker and a reader each
# as their own role on the server); conflict.sh and conflict-records.sh
# (a change or a deletion by another session while a form is open);
# undo.sh (one's own change undone, someone else's only when asked);
# drafts.sh (what is typed kept as a draft on the server through a
# kill -9, another person never offered it); notice.sh (news of another
# person's change held back behind the answer to one's own action). The
# pages of an assessment at the keyboard are in pg-screens.sh.
. "$TOP_SRCDIR/tests/lib.sh"
. "$TOP_SRCDIR/tests/pg-run.sh"

pg_run screen/live screen/review screen/conflict screen/conflict-records screen/undo \
    screen/drafts screen/notice

done_testing
