libdpia_a_SOURCES += \
	tui/store/store.h tui/store/store_int.h \
	tui/store/db.h tui/store/db_impl.h \
	tui/store/db.c \
	tui/store/db_sqlite.c \
	tui/store/db_pg.c \
	tui/store/pg.c \
	tui/store/pg_policy.c \
	tui/store/store.c \
	tui/store/open.c \
	tui/store/fs.c \
	tui/store/rows.c \
	tui/store/schema.c \
	tui/store/records.c \
	tui/store/load.c \
	tui/store/listing.c \
	tui/store/create.c \
	tui/store/changes.c \
	tui/store/risks.c \
	tui/store/revisions.c \
	tui/store/backup.c \
	tui/store/drafts.c \
	tui/store/undo.c \
	tui/store/live.c \
	tui/store/workshops.c \
	tui/store/copy.c \
	tui/store/members.c \
	tui/store/review.c
