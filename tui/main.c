/*
 * dpia: a terminal workbench for GDPR Data Protection Impact Assessments.
 * Parses the global options, then runs a command or the interface.
 */
#include "config.h"

#include <getopt.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "io/settings.h"
#include "ui/ui.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

static void usage(FILE *out)
{
    fputs(_("Usage: dpia [OPTION]... [COMMAND [ARG]...]\n"
            "A terminal workbench for GDPR Data Protection Impact Assessments.\n"
            "Without a command, starts the interactive interface.\n"
            "\n"
            "Options:\n"
            "  -d, --database FILE    use FILE as the database, an SQLite file or a\n"
            "                         postgresql:// URL (default: $DPIA_DB, else the\n"
            "                         setting database, else\n"
            "                         $XDG_DATA_HOME/dpia/dpia.sqlite)\n"
            "      --no-color         draw without colours (as does NO_COLOR=1)\n"
            "      --read-only        open the database read-only: everything can be\n"
            "                         read and exported, nothing changed\n"
            "      --present          open assessments in presentation mode (the key P\n"
            "                         leaves it): the question alone, for a projector\n"
            "      --shared           make a new database for a group: the group may\n"
            "                         read and write it, and its folder keeps new files\n"
            "                         in the group\n"
            "  -h, --help             show this help and exit\n"
            "  -V, --version          show the version and exit\n"
            "\n"
            "Commands:\n"), out);
    cli_print_commands(out);
    fputs(_("\n"
            "Exit status: 0 on success, 1 when the work failed, 2 on a usage error;\n"
            "after SIGHUP, SIGTERM or SIGINT, dpia saves, then ends by that signal.\n"
            "See dpia(1) for the keys of the interface and dpia-template(5) for templates.\n"), out);
}

static void version(void)
{
    printf("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
    fputs(_("Copyright (C) 2026 the dpia authors.\n"
           "License GPLv3+: GNU GPL version 3 or later <https://gnu.org/licenses/gpl.html>.\n"
           "This is free software: you are free to change and redistribute it.\n"
           "There is NO WARRANTY, to the extent permitted by law.\n"), stdout);
}

enum { OPT_NO_COLOR = 256, OPT_FIRST_FRAME, OPT_READ_ONLY, OPT_PRESENT, OPT_SHARED };

int main(int argc, char **argv)
{
    i18n_init();

    static const struct option longopts[] = {
        { "database", required_argument, NULL, 'd' },
        { "no-color", no_argument, NULL, OPT_NO_COLOR },
        { "first-frame", no_argument, NULL, OPT_FIRST_FRAME },
        { "read-only", no_argument, NULL, OPT_READ_ONLY },
        { "present", no_argument, NULL, OPT_PRESENT },
        { "shared", no_argument, NULL, OPT_SHARED },
        { "help", no_argument, NULL, 'h' },
        { "version", no_argument, NULL, 'V' },
        { NULL, 0, NULL, 0 },
    };
    const char *db = NULL;
    bool no_color = false, first_frame = false, read_only = false, present = false,
         shared = false;
    int c;
    opterr = 0;
    /* '+': stop at the first non-option, which is the command. */
    while ((c = getopt_long(argc, argv, "+:d:hV", longopts, NULL)) != -1) {
        switch (c) {
        case 'd':
            /* An empty name is a slip (an unset variable), never a wish
             * for the default database. */
            if (!*optarg) {
                msg_error(_("option -d (--database) needs a file name, not an empty one "
                          "(see dpia --help)"));
                return EXIT_USAGE;
            }
            db = optarg;
            break;
        case OPT_NO_COLOR:
            no_color = true;
            break;
        case OPT_FIRST_FRAME:
            first_frame = true;
            break;
        case OPT_READ_ONLY:
            read_only = true;
            break;
        case OPT_PRESENT:
            present = true;
            break;
        case OPT_SHARED:
            shared = true;
            break;
        case 'h': {
            /* Written at once, so that a failure keeps its reason
             * (the help is longer than stdio's buffer). */
            char *text = NULL;
            size_t len = 0;
            FILE *m = open_memstream(&text, &len);
            if (!m) {
                usage(stdout);
                return cli_finish_output(0);
            }
            usage(m);
            fclose(m);
            cli_write_stdout(text, len);
            free(text);
            return cli_finish_output(0);
        }
        case 'V':
            version();
            return cli_finish_output(0);
        case ':':
            msg_error(_("option '%s' needs an argument (see dpia --help)"), argv[optind - 1]);
            return EXIT_USAGE;
        default:
            msg_error(_("unknown option '%s' (see dpia --help)"), argv[optind - 1]);
            return EXIT_USAGE;
        }
    }

    /* Neither -d nor DPIA_DB: the settings may name the database (a
     * team's server). Their warnings are said where they are used. */
    char *configured = NULL;
    const char *env = getenv("DPIA_DB");
    if (!db && !(env && *env)) {
        struct io_settings cfg;
        io_settings_load(&cfg, NULL);
        if (*cfg.database)
            db = configured = xstrdup(cfg.database);
        io_settings_free(&cfg);
    }

    if (optind < argc) {
        struct cli_global g = { db, read_only, shared };
        int first = optind;
        optind = 0; /* each command runs getopt afresh on its own arguments */
        int rc = cli_run(&g, argc - first, argv + first);
        free(configured);
        return rc;
    }

    char *path = path_database(db);
    free(configured);
    if (!path) {
        msg_error(_("no database: set HOME, XDG_DATA_HOME or DPIA_DB, or use -d FILE"));
        return EXIT_WORK;
    }
    struct ui_options uo = { path, no_color, first_frame, read_only, present, shared };
    int rc = ui_run(&uo);
    free(path);
    return rc;
}
