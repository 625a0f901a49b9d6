/*
 * dpia copy FROM TO [--skip-existing] [--dry-run]: every assessment of
 * database FROM into database TO, whole, as it was (ops_copy), in one
 * transaction of TO. FROM is opened read-only; TO is made when it does
 * not exist (not in a dry run). FROM and TO are database arguments as
 * -d takes them.
 */
#include "config.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "ops/ops.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"

struct copy_out {
    bool dry_run;
    char *to;   /* TO as people read it */
};

static void each(const struct ops_copy_item *it, void *ctx)
{
    const struct copy_out *c = ctx;
    char *title = text_sanitize(it->title, false);
    long long from = (long long)it->from_id, to = (long long)it->to_id;
    switch (it->what) {
    case OPS_COPY_DONE:
        if (c->dry_run)
            printf(_("would copy %lld: %s (%s)\n"), from, title, it->uuid);
        else
            printf(_("copied %lld as %lld: %s (%s)\n"), from, to, title, it->uuid);
        break;
    case OPS_COPY_SKIPPED:
        if (c->dry_run)
            printf(_("would leave out %lld: %s (%s), already in %s as %lld\n"), from, title,
                   it->uuid, c->to, to);
        else
            printf(_("left out %lld: %s (%s), already in %s as %lld\n"), from, title, it->uuid,
                   c->to, to);
        break;
    case OPS_COPY_TAKEN:
        msg_error(_("assessment %lld, %s (%s), is already in %s as %lld"), from, title, it->uuid,
                  c->to, to);
        break;
    }
    free(title);
}

int cmd_copy(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "skip-existing", no_argument, NULL, 's' },
        { "dry-run", no_argument, NULL, 'n' },
        { NULL, 0, NULL, 0 },
    };
    struct ops_copy o = { 0 };
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
        if (c == 's')
            o.skip_existing = true;
        else if (c == 'n')
            o.dry_run = true;
        else
            return cli_bad_option("copy", c, argv);
    }
    if (argc - optind != 2 || !*argv[optind] || !*argv[optind + 1]) {
        msg_error(_("usage: dpia copy FROM TO [--skip-existing] [--dry-run]"));
        return EXIT_USAGE;
    }
    const char *from_arg = argv[optind], *to_arg = argv[optind + 1];
    /* FROM first, read-only: when it cannot be read, TO is not made. */
    struct cli_global gf = *g, gt = *g;
    gf.db_path = from_arg;
    gf.read_only = true;
    struct store *from = NULL, *to = NULL;
    int rc = cli_open(&gf, false, &from);
    if (rc)
        return rc;
    if (!from) {
        msg_error(_("there is no database at %s to copy from"), from_arg);
        return EXIT_WORK;
    }
    /* A dry run makes nothing: a TO that is not there yet holds nothing. */
    gt.db_path = to_arg;
    if (o.dry_run)
        gt.read_only = true;
    rc = cli_open(&gt, !o.dry_run, &to);
    if (rc) {
        store_close(from);
        return rc;
    }
    struct copy_out out = { o.dry_run, text_sanitize(to_arg, false) };
    o.each = each;
    o.ctx = &out;
    struct err e;
    if (ops_copy(from, to, &o, &e) < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    } else if (o.dry_run) {
        printf(P_("dry run: %zu assessment would be copied into %s; nothing was written\n",
                  "dry run: %zu assessments would be copied into %s; nothing was written\n",
                  o.copied), o.copied, out.to);
        if (o.skipped)
            printf(P_("%zu assessment would be left out: already in %s\n",
                      "%zu assessments would be left out: already in %s\n", o.skipped),
                   o.skipped, out.to);
    } else {
        printf(P_("%zu assessment copied into %s\n", "%zu assessments copied into %s\n",
                  o.copied), o.copied, out.to);
        if (o.skipped)
            printf(P_("%zu assessment left out: already in %s\n",
                      "%zu assessments left out: already in %s\n", o.skipped),
                   o.skipped, out.to);
    }
    free(out.to);
    store_close(to);
    store_close(from);
    return rc;
}
