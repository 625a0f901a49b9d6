/*
 * The command table: name (two words for sub-commands), handler, argument
 * synopsis and one-line summary. --help and the dispatcher read it.
 */
#ifndef DPIA_COMMANDS_H
#define DPIA_COMMANDS_H

#include "cli/cli.h"

typedef int (*cli_fn)(const struct cli_global *g, int argc, char **argv);

struct cli_command {
    const char *name;
    cli_fn run;
    const char *args;
    const char *summary;
};

int cmd_templates(const struct cli_global *g, int argc, char **argv);
int cmd_template_check(const struct cli_global *g, int argc, char **argv);

#define CLI_COMMANDS(X) \
    X("templates", cmd_templates, "", "list the templates found, with their source") \
    X("template check", cmd_template_check, "FILE...", "validate template files")

#endif
