libdpia_a_SOURCES += \
	tui/util/util.h \
	tui/util/i18n.c tui/util/i18n.h \
	tui/util/xalloc.c tui/util/xalloc.h \
	tui/util/buf.c tui/util/buf.h \
	tui/util/err.c tui/util/err.h \
	tui/util/text.c tui/util/text.h \
	tui/util/path.c tui/util/path.h \
	tui/util/sha256.c tui/util/sha256.h \
	tui/util/sink.c tui/util/sink.h \
	tui/util/signals.c tui/util/signals.h
