libdpia_a_SOURCES += \
	tui/ui/ui.h \
	tui/ui/app.c tui/ui/app.h \
	tui/ui/keys.c tui/ui/keys.h \
	tui/ui/term.c tui/ui/term.h \
	tui/ui/scr_help.c \
	tui/ui/scr_home.c
