#include "config.h"
#include "cli/cli.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "cli/commands.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

static const struct cli_command commands[] = {
#define X(name, fn, args, summary) { name, fn, args, summary },
    CLI_COMMANDS(X)
#undef X
};

/* A table string for people: "" stays "" (gettext would give the
 * catalogue's header). */
static const char *tr(const char *s)
{
    return *s ? _(s) : "";
}

void cli_print_commands(FILE *out)
{
    /* The summaries start at column 37: 2 spaces, 34 columns of synopsis
     * and one space, counted in display columns. */
    enum { SYNOPSIS = 34 };
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        /* Printed whole, however long the synopsis. */
        const char *name = commands[i].name, *args = tr(commands[i].args);
        int width = text_width(name) + 1 + text_width(args);
        fprintf(out, "  %s %s", name, args);
        if (width > SYNOPSIS) {
            fprintf(out, "\n  %*s", SYNOPSIS, "");
        } else {
            fprintf(out, "%*s", SYNOPSIS - width, "");
        }
        fprintf(out, " %s\n", tr(commands[i].summary));
    }
}

/* "dpia CMD --help": the command's synopsis and summary. */
static bool wants_help(int argc, char **argv)
{
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--") == 0)
            return false;
        if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0)
            return true;
    }
    return false;
}

/* s with its first character in capitals, in the locale's terms. The
 * caller frees. */
static char *capitalised(const char *s)
{
    mbstate_t st;
    memset(&st, 0, sizeof st);
    wchar_t wc;
    size_t n = mbrtowc(&wc, s, strlen(s), &st);
    char up[MB_LEN_MAX];
    memset(&st, 0, sizeof st);
    size_t m;
    if (n == 0 || n > MB_LEN_MAX || (m = wcrtomb(up, (wchar_t)towupper((wint_t)wc), &st)) ==
                                                (size_t)-1)
        return xstrdup(s);
    return xasprintf("%.*s%s", (int)m, up, s + n);
}

static int command_help(const struct cli_command *c)
{
    char *summary = capitalised(tr(c->summary));
    /* TRANSLATORS: the first %s is a command's name, the second its synopsis. */
    printf(_("Usage: dpia [-d DB] %s %s\n"), c->name, tr(c->args));
    /* TRANSLATORS: a command's summary, begun with a capital letter. */
    printf(_("%s.\n"), summary);
    fputs(_("See dpia(1) for every option.\n"), stdout);
    free(summary);
    return 0;
}

/* A failed write to stdout that a command has seen (and reported). */
static bool stdout_seen;
static int stdout_errno;
/* The reason of the first write that failed, when known. */
static int stdout_write_errno;

void cli_write_stdout(const char *s, size_t n)
{
    errno = 0;
    if (fwrite(s, 1, n, stdout) < n && errno && !stdout_write_errno)
        stdout_write_errno = errno;
}

bool cli_flush_stdout(void)
{
    int saved = errno;
    errno = 0;
    bool failed = fflush(stdout) != 0;
    int err = errno;
    if (!failed && !ferror(stdout)) {
        errno = saved;
        return true;
    }
    stdout_seen = true;
    stdout_errno = err                  ? err
                   : stdout_errno       ? stdout_errno
                   : stdout_write_errno ? stdout_write_errno
                                        : EIO;
    errno = stdout_errno;
    return false;
}

int cli_finish_output(int rc)
{
    bool seen = stdout_seen;
    if (cli_flush_stdout() || seen)
        return rc;
    msg_error(_("cannot write to standard output: %s"), strerror(errno));
    return EXIT_WORK;
}

static int run(const struct cli_command *c, const struct cli_global *g, int argc, char **argv)
{
    return cli_finish_output(wants_help(argc, argv) ? command_help(c) : c->run(g, argc, argv));
}

int cli_run(const struct cli_global *g, int argc, char **argv)
{
    /* Two-word commands ("template check") are matched before one-word. */
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        const char *name = commands[i].name;
        const char *space = strchr(name, ' ');
        if (space) {
            size_t n = (size_t)(space - name);
            if (argc >= 2 && strlen(argv[0]) == n && strncmp(argv[0], name, n) == 0 &&
                strcmp(argv[1], space + 1) == 0)
                return run(&commands[i], g, argc - 1, argv + 1);
        } else if (strcmp(argv[0], name) == 0) {
            return run(&commands[i], g, argc, argv);
        }
    }
    msg_error(_("unknown command '%s' (see dpia --help)"), argv[0]);
    return EXIT_USAGE;
}
