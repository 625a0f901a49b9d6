/*
 * cli: the non-interactive commands, one table in commands.h, each
 * described in dpia(1). Each command parses its own arguments, prints
 * results on stdout and errors as "dpia: message" on stderr, and returns
 * the exit status: 0 done, 1 the work failed, 2 a usage error. May use
 * the store, the reports, io and the core; never curses (the layers are
 * in doc/HACKING.md).
 */
#ifndef DPIA_CLI_H
#define DPIA_CLI_H

#include <stdio.h>

#define EXIT_WORK 1
#define EXIT_USAGE 2

struct cli_global {
    const char *db_path; /* from -d, NULL when not given */
};

/* Runs argv[0] (a command name) with its arguments. */
int cli_run(const struct cli_global *g, int argc, char **argv);

/* The command list for --help. */
void cli_print_commands(FILE *out);

#endif
