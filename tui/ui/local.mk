libdpia_a_SOURCES += \
	tui/ui/ui.h \
	tui/ui/app.c tui/ui/app.h \
	tui/ui/keys.c tui/ui/keys.h \
	tui/ui/term.c tui/ui/term.h \
	tui/ui/textedit.c tui/ui/textedit.h \
	tui/ui/dialog.c tui/ui/dialog.h \
	tui/ui/form.c tui/ui/form.h \
	tui/ui/draft.c tui/ui/draft.h \
	tui/ui/export.c tui/ui/export.h \
	tui/ui/assess_view.h \
	tui/ui/scr_help.c \
	tui/ui/scr_home.c tui/ui/lang_pick.c \
	tui/ui/scr_register.c \
	tui/ui/scr_assess.c \
	tui/ui/assess_draw.c \
	tui/ui/reader.c tui/ui/reader.h \
	tui/ui/answer_edit.c \
	tui/ui/table_edit.c \
	tui/ui/page_risks.c \
	tui/ui/catalogue_pick.c \
	tui/ui/page_signoff.c \
	tui/ui/page_judge.c \
	tui/ui/page_workshop.c \
	tui/ui/page_review.c \
	tui/ui/scr_comments.c \
	tui/ui/scr_members.c \
	tui/ui/diff_view.c \
	tui/ui/reader.c tui/ui/reader.h \
	tui/ui/record_text.c tui/ui/record_text.h \
	tui/ui/undo.c
