/*
 * dpia backup FILE [--force]: a copy of the whole database, consistent
 * at one moment, while the interface or other commands may be using it
 * (store_backup). The one thing to copy when backing up by hand is the
 * output of this command, not the database file, whose newest changes
 * may still be in the -wal file beside it.
 */
#include "config.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "util/err.h"
#include "util/path.h"
#include "util/i18n.h"

int cmd_backup(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "force", no_argument, NULL, 'F' },
        { NULL, 0, NULL, 0 },
    };
    bool force = false;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
        if (c == 'F')
            force = true;
        else
            return cli_bad_option("backup", c, argv);
    }
    if (optind != argc - 1) {
        msg_error(_("usage: dpia backup FILE [--force]"));
        return EXIT_USAGE;
    }
    struct store *s;
    int rc = cli_open(g, false, &s);
    if (rc)
        return rc;
    if (!s) {
        char *path = path_database(g->db_path);
        msg_error(_("there is no database at %s to back up"), path ? path : "");
        free(path);
        return EXIT_WORK;
    }
    struct err e;
    if (store_backup(s, argv[optind], force, &e) < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    }
    store_close(s);
    return rc;
}
