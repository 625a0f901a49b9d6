libdpia_a_SOURCES += \
	tui/store/store.h tui/store/store_int.h \
	tui/store/store.c \
	tui/store/schema.c \
	tui/store/records.c \
	tui/store/assess_io.c \
	tui/store/changes.c \
	tui/store/risks.c
