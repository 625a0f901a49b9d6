libdpia_a_SOURCES += \
	tui/core/tmpl.c tui/core/tmpl.h \
	tui/core/tmpl_load.c tui/core/tmpl_load.h tui/core/tmpl_xml.c tui/core/tmpl_method.c tui/core/tmpl_lang.c \
	tui/core/xmlsafe.c tui/core/xmlsafe.h \
	tui/core/assess.c tui/core/assess.h \
	tui/core/answer.c tui/core/answer.h \
	tui/core/table.c tui/core/table_cite.c tui/core/table.h \
	tui/core/date.c tui/core/date.h \
	tui/core/textrule.c tui/core/textrule.h \
	tui/core/logic.c tui/core/logic.h \
	tui/core/fields.c tui/core/fields.h \
	tui/core/workflow.c tui/core/workflow.h \
	tui/core/roles.c tui/core/roles.h \
	tui/core/register.c tui/core/register.h \
	tui/core/change_text.c tui/core/change_text.h \
	tui/core/diff.c tui/core/diff.h \
	tui/core/undo.c tui/core/undo.h \
	tui/core/catalogue.c tui/core/catalogue.h
