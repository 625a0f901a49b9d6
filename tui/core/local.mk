libdpia_a_SOURCES += \
	tui/core/tmpl.c tui/core/tmpl.h \
	tui/core/tmpl_load.c \
	tui/core/xmlsafe.c tui/core/xmlsafe.h
