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

#include <stdbool.h>
#include <stdio.h>

#define EXIT_WORK 1
#define EXIT_USAGE 2
/* dpia answer --expect: the answer no longer held what was expected. */
#define EXIT_CONFLICT 3

struct cli_global {
    const char *db_path; /* from -d, NULL when not given */
    bool read_only;      /* --read-only: nothing may be changed */
    bool shared;         /* --shared: a new database is made for a group */
};

/* Runs argv[0] (a command name) with its arguments; what it printed is
 * then checked with cli_finish_output. */
int cli_run(const struct cli_global *g, int argc, char **argv);

/* Writes out what stdout holds. False, with errno set, when that or an
 * earlier write to stdout failed (a full disk): the caller says so (a
 * command that must tell what was done anyway, such as the id of what
 * it made). cli_finish_output then says nothing more. */
bool cli_flush_stdout(void);
/* Writes s[0..n) to stdout, keeping the reason when that fails, for
 * cli_flush_stdout and cli_finish_output to say (a write larger than
 * stdio's buffer fails at once, and its errno would be lost). */
void cli_write_stdout(const char *s, size_t n);
/* The end of every command: rc, or EXIT_WORK with "cannot write to
 * standard output: reason" when what was printed did not all reach
 * stdout and the command has not said so itself. */
int cli_finish_output(int rc);
/* A value given as '-': all of standard input, one final line break
 * dropped, checked as UTF-8 text (cmd_edit.c); NULL with the message
 * printed when it cannot be read or is not text. The caller frees. */
char *cli_read_stdin(void);

/* The command list for --help. */
void cli_print_commands(FILE *out);

#endif
