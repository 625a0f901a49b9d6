libdpia_a_SOURCES += \
	tui/ops/ops.h \
	tui/ops/edit.c \
	tui/ops/flow.c \
	tui/ops/records.c \
	tui/ops/register.c \
	tui/ops/drafts.c \
	tui/ops/undo.c \
	tui/ops/live.c \
	tui/ops/workshop.c \
	tui/ops/copy.c \
	tui/ops/team.c
