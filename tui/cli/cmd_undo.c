/*
 * dpia undo ID [--theirs]: takes back the latest change still standing
 * in the assessment's change log (ops_undo), and prints what came back.
 * A change made by someone else is undone only with --theirs.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "ops/ops.h"
#include "util/err.h"
#include "util/i18n.h"

int cmd_undo(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "theirs", no_argument, NULL, 't' },
        { NULL, 0, NULL, 0 },
    };
    bool theirs = false;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
        if (c == 't')
            theirs = true;
        else
            return cli_bad_option("undo", c, argv);
    }
    if (argc - optind != 1) {
        msg_error(_("usage: dpia undo ID [--theirs]"));
        return EXIT_USAGE;
    }
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, true, argv[optind], &s, &rc);
    if (!a)
        return rc;
    struct err e;
    struct ops_undo u;
    int r = ops_undo(s, a, theirs, &u, &e);
    if (r == OPS_THEIRS) {
        msg_error(_("the latest change to assessment %lld (%s) was made by %s, not by you (%s); "
                  "give --theirs to undo it all the same"), (long long)a->id, u.what, u.who,
                  store_who(s));
        rc = EXIT_WORK;
    } else if (r < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    } else {
        cli_put_line(stdout, u.message);
        fputc('\n', stdout);
    }
    ops_undo_free(&u);
    assess_free(a);
    store_close(s);
    return rc;
}
