libdpia_a_SOURCES += \
	tui/cli/cli.c tui/cli/cli.h tui/cli/commands.h \
	tui/cli/cmd_templates.c \
	tui/cli/cmd_catalogue.c \
	tui/cli/cmd_out.c \
	tui/cli/cmd_store.c \
	tui/cli/cmd_show.c \
	tui/cli/cmd_edit.c \
	tui/cli/cmd_workshop.c \
	tui/cli/cmd_table.c \
	tui/cli/cmd_team.c \
	tui/cli/cmd_flow.c \
	tui/cli/cmd_backup.c \
	tui/cli/cmd_undo.c \
	tui/cli/cmd_lang.c \
	tui/cli/cmd_register.c \
	tui/cli/cmd_copy.c
libdpia_a_SOURCES += tui/cli/cmd_report.c
