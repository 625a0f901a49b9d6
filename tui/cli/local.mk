libdpia_a_SOURCES += \
	tui/cli/cli.c tui/cli/cli.h tui/cli/commands.h \
	tui/cli/cmd_templates.c
