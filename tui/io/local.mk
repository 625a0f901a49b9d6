libdpia_a_SOURCES += \
	tui/io/io.h \
	tui/io/file.c \
	tui/io/tmp.c \
	tui/io/catalog.c \
	tui/io/measure_catalogue.c \
	tui/io/settings.c tui/io/settings.h
