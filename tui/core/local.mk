libdpia_a_SOURCES += \
	tui/core/tmpl.c tui/core/tmpl.h \
	tui/core/tmpl_load.c \
	tui/core/xmlsafe.c tui/core/xmlsafe.h \
	tui/core/assess.c tui/core/assess.h \
	tui/core/answer.c tui/core/answer.h \
	tui/core/logic.c tui/core/logic.h
