libdpia_a_SOURCES += \
	tui/io/io.h \
	tui/io/file.c \
	tui/io/catalog.c
