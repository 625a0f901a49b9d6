/*
 * dpia list, new, status, archive, delete, history: the commands that
 * handle assessments as a whole.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "ops/ops.h"
#include "core/change_text.h"
#include "core/tmpl.h"
#include "io/io.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"

/* --- list ---------------------------------------------------------------- */

static int at_least(int n, const char *s)
{
    int w = text_width(s);
    return w > n ? w : n;
}

static void list_text(const struct store_list *l)
{
    if (l->count == 0) {
        fputs(_("No assessments yet. Start one with: dpia new --title TITLE\n"), stdout);
        return;
    }
    /* TRANSLATORS: the column headers of dpia list; the columns widen to
     * fit them. */
    const char *h_id = _("ID"), *h_status = _("STATUS"), *h_done = _("DONE"),
               *h_risk = _("RISK"), *h_updated = _("UPDATED"), *h_title = _("TITLE");
    int wid = at_least(2, h_id), wst = at_least(6, h_status), wdone = at_least(4, h_done),
        wrisk = at_least(8, h_risk), wup = at_least(16, h_updated);
    for (size_t i = 0; i < l->count; i++) {
        char num[24];
        int n = snprintf(num, sizeof num, "%lld", (long long)l->items[i].id);
        if (n > wid)
            wid = n;
        wst = at_least(wst, assess_status_key(l->items[i].status));
    }
    cli_put_padded(stdout, h_id, wid, false);
    fputs("  ", stdout);
    cli_put_padded(stdout, h_status, wst, false);
    fputs("  ", stdout);
    cli_put_padded(stdout, h_done, wdone, true);
    fputs("  ", stdout);
    cli_put_padded(stdout, h_risk, wrisk, false);
    fputs("  ", stdout);
    cli_put_padded(stdout, h_updated, wup, false);
    printf("  %s\n", h_title);
    for (size_t i = 0; i < l->count; i++) {
        const struct store_summary *it = &l->items[i];
        char when[32];
        printf("%-*lld  %-*s  %*d%%  ", wid, (long long)it->id, wst,
               assess_status_key(it->status), wdone - 1, it->percent);
        /* The level name comes from the template snapshot: sanitise it
         * too, and pad by columns rather than bytes. */
        const char *risk = *it->highest_name ? it->highest_name : "-";
        cli_put_cut(stdout, risk, wrisk);
        int w = text_width(risk);
        printf("%*s  ", w < wrisk ? wrisk - w : 0, "");
        cli_put_padded(stdout, cli_time(it->updated, when), wup, false);
        fputs("  ", stdout);
        cli_put_line(stdout, it->title);
        putchar('\n');
    }
}

static void list_tsv(const struct store_list *l)
{
    printf("id\tuuid\tstatus\tpercent\trisk\thigh\ttemplate\treview\tupdated\ttitle\n");
    for (size_t i = 0; i < l->count; i++) {
        const struct store_summary *it = &l->items[i];
        char when[32];
        printf("%lld\t%s\t%s\t%d\t", (long long)it->id, it->uuid, assess_status_key(it->status),
               it->percent);
        cli_put_tsv(stdout, it->highest_name);
        printf("\t%s\t", it->highest_is_high ? "yes" : "no");
        cli_put_tsv(stdout, it->template_id);
        putchar('\t');
        cli_put_tsv(stdout, it->review_date);
        printf("\t%s\t", cli_time_iso(it->updated, when));
        cli_put_tsv(stdout, it->title);
        putchar('\n');
    }
}

static void list_json(const struct store_list *l)
{
    printf("[");
    for (size_t i = 0; i < l->count; i++) {
        const struct store_summary *it = &l->items[i];
        char when[32];
        printf("%s\n  {\"id\": %lld, \"uuid\": \"%s\", \"status\": \"%s\", \"percent\": %d, "
               "\"risk\": ", i ? "," : "", (long long)it->id, it->uuid,
               assess_status_key(it->status), it->percent);
        cli_put_json(stdout, it->highest_name);
        printf(", \"high\": %s, \"template\": ", it->highest_is_high ? "true" : "false");
        cli_put_json(stdout, it->template_id);
        printf(", \"review_date\": ");
        cli_put_json(stdout, it->review_date);
        printf(", \"updated\": \"%s\", \"title\": ", cli_time_iso(it->updated, when));
        cli_put_json(stdout, it->title);
        printf("}");
    }
    printf("%s]\n", l->count ? "\n" : "");
}

int cmd_list(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "all", no_argument, NULL, 'a' },
        { "format", required_argument, NULL, 'f' },
        { NULL, 0, NULL, 0 },
    };
    bool all = false;
    enum cli_format fmt = CLI_TEXT;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":af:", lo, NULL)) != -1) {
        if (c == 'a')
            all = true;
        else if (c == 'f' && cli_parse_format(optarg, &fmt) == 0)
            continue;
        else
            return c == 'f' ? EXIT_USAGE : cli_bad_option("list", c, argv);
    }
    if (optind < argc) {
        msg_error(_("usage: dpia list [--all] [--format text|tsv|json]"));
        return EXIT_USAGE;
    }
    struct store *s;
    int rc = cli_open(g, false, &s);
    if (rc)
        return rc;
    struct store_list l = { 0 };
    struct err e;
    if (s && store_list(s, all, &l, &e) < 0) {
        msg_error("%s", e.text);
        store_close(s);
        return EXIT_WORK;
    }
    if (fmt == CLI_TEXT)
        list_text(&l);
    else if (fmt == CLI_TSV)
        list_tsv(&l);
    else
        list_json(&l);
    store_list_free(&l);
    store_close(s);
    return 0;
}

/* --- new ------------------------------------------------------------------ */

int cmd_new(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "title", required_argument, NULL, 't' },
        { "template", required_argument, NULL, 'T' },
        { "method", required_argument, NULL, 'm' },
        { "lang", required_argument, NULL, 'l' },
        { NULL, 0, NULL, 0 },
    };
    const char *title = NULL, *template_id = NULL, *method = NULL, *lang = NULL;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":t:T:m:", lo, NULL)) != -1) {
        if (c == 't')
            title = optarg;
        else if (c == 'T')
            template_id = optarg;
        else if (c == 'm')
            method = optarg;
        else if (c == 'l')
            lang = optarg;
        else
            return cli_bad_option("new", c, argv);
    }
    if (!title || !*title || optind < argc) {
        msg_error(_("usage: dpia new --title TITLE [--template ID] [--method ID] [--lang LANG]"));
        return EXIT_USAGE;
    }
    if (lang && !i18n_known(lang)) {
        msg_error(_("'%s' is not a language dpia speaks: en, fr or de"), lang);
        return EXIT_USAGE;
    }
    struct io_catalog cat = { 0 };
    const char *xml;
    size_t len;
    if (template_id) {
        io_catalog_load(&cat);
        const struct io_template *it = io_catalog_find(&cat, template_id);
        if (!it) {
            msg_error(_("there is no template '%s' (see dpia templates)"), template_id);
            io_catalog_free(&cat);
            return EXIT_WORK;
        }
        xml = it->xml;
        len = it->xml_len;
    } else {
        xml = tmpl_builtin_xml(&len);
    }
    struct store *s;
    int rc = cli_open(g, true, &s);
    if (rc == 0) {
        struct err e;
        int64_t id = ops_create(s, title, xml, len, method, lang, &e);
        if (id < 0) {
            msg_error("%s", e.text);
            rc = EXIT_WORK;
        } else {
            printf("%lld\n", (long long)id);
            if (!cli_flush_stdout()) {
                msg_error(_("assessment %lld was created, but its id could not be written to "
                          "standard output: %s"), (long long)id, strerror(errno));
                rc = EXIT_WORK;
            }
        }
        store_close(s);
    }
    if (template_id)
        io_catalog_free(&cat);
    return rc;
}

/* --- status, archive, delete ------------------------------------------- */

/* One change to one assessment, in its own transaction. */
typedef int (*change_fn)(struct store *s, struct assessment *a, const void *arg, struct err *e);

static int change_one(const struct cli_global *g, const char *ref, change_fn fn, const void *arg)
{
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, true, ref, &s, &rc);
    if (!a)
        return rc;
    struct err e;
    if (fn(s, a, arg, &e) < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    }
    assess_free(a);
    store_close(s);
    return rc;
}

static int do_status(struct store *s, struct assessment *a, const void *arg, struct err *e)
{
    return ops_set_status(s, a, *(const enum assess_status *)arg, e);
}

static int do_review(struct store *s, struct assessment *a, const void *arg, struct err *e)
{
    return ops_set_review_date(s, a, arg, e);
}

static int do_archive(struct store *s, struct assessment *a, const void *arg, struct err *e)
{
    (void)arg;
    return ops_archive(s, a, e);
}

static int set_status(const struct cli_global *g, const char *ref, const char *key)
{
    int st = assess_status_parse(key);
    if (st < 0) {
        char allowed[256] = "";
        for (int i = 0; i < ST_COUNT; i++)
            snprintf(allowed + strlen(allowed), sizeof allowed - strlen(allowed), "%s%s",
                     i ? ", " : "", assess_status_key((enum assess_status)i));
        msg_error(_("unknown status '%s' (one of: %s)"), key, allowed);
        return EXIT_WORK;
    }
    enum assess_status to = (enum assess_status)st;
    return change_one(g, ref, do_status, &to);
}

int cmd_status(const struct cli_global *g, int argc, char **argv)
{
    if (argc != 3 || argv[1][0] == '-') {
        msg_error(_("usage: dpia status ID STATUS"));
        return EXIT_USAGE;
    }
    return set_status(g, argv[1], argv[2]);
}

int cmd_review(const struct cli_global *g, int argc, char **argv)
{
    /* dpia review ID request|return|pass: a step of the review. */
    for (int i = 2; i < argc; i++)
        if (strcmp(argv[i], "request") == 0 || strcmp(argv[i], "return") == 0 ||
            strcmp(argv[i], "pass") == 0 || strncmp(argv[i], "--comment", 9) == 0)
            return cli_review_step(g, argc, argv);
    if (argc != 3 || argv[1][0] == '-') {
        msg_error(_("usage: dpia review ID DATE, or dpia review ID request|return|pass "
                  "[--comment TEXT]"));
        return EXIT_USAGE;
    }
    char date[DATE_ISO_SIZE];
    struct err e;
    if (ops_date(argv[2], date, &e) < 0) {
        msg_error("%s", e.text);
        return EXIT_WORK;
    }
    return change_one(g, argv[1], do_review, date);
}

int cmd_archive(const struct cli_global *g, int argc, char **argv)
{
    if (argc != 2 || argv[1][0] == '-') {
        msg_error(_("usage: dpia archive ID"));
        return EXIT_USAGE;
    }
    return change_one(g, argv[1], do_archive, NULL);
}

int cmd_delete(const struct cli_global *g, int argc, char **argv)
{
    const char *ref = NULL;
    bool yes = false;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--yes") == 0 || strcmp(argv[i], "-y") == 0) {
            yes = true;
        } else if (argv[i][0] == '-' || ref) {
            msg_error(_("usage: dpia delete ID --yes"));
            return EXIT_USAGE;
        } else {
            ref = argv[i];
        }
    }
    if (!ref) {
        msg_error(_("usage: dpia delete ID --yes"));
        return EXIT_USAGE;
    }
    if (!yes) {
        msg_error(_("delete removes assessment '%s' and its history for good: add --yes "
                  "to confirm (or use dpia archive)"), ref);
        return EXIT_USAGE;
    }
    struct store *s;
    int rc = cli_open(g, true, &s);
    if (rc)
        return rc;
    struct err e;
    int64_t id = store_resolve(s, ref, &e);
    if (id < 0 || ops_delete(s, id, &e) < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    }
    store_close(s);
    return rc;
}

/* --- history ----------------------------------------------------------- */

static void history_text(const struct assessment *a)
{
    for (size_t i = 0; i < a->nhistory; i++) {
        const struct change *c = &a->history[i];
        char when[32];
        printf("%s  ", cli_time(c->when, when));
        cli_put_cut(stdout, c->who, 16);
        printf("  ");
        char *what = change_what_text(c->what);
        char *o = change_value_text(c->what, c->old_value, a->tmpl);
        char *n = change_value_text(c->what, c->new_value, a->tmpl);
        cli_put_line(stdout, what);
        /* What separates a label from its value in the messages' language. */
        printf(I18N_LABELLED, "", "");
        if (*o) {
            cli_put_cut(stdout, o, 50);
            printf(" \xe2\x86\x92 "); /* → */
            if (*n)
                cli_put_cut(stdout, n, 50);
            else
                fputs(_("(empty)"), stdout);
        } else {
            cli_put_cut(stdout, n, 100);
        }
        free(what);
        free(o);
        free(n);
        putchar('\n');
    }
}

int cmd_history(const struct cli_global *g, int argc, char **argv)
{
    enum cli_format fmt;
    int rc = cli_id_and_format("history", argc, argv, &fmt, NULL);
    if (rc)
        return rc;
    struct store *s;
    struct assessment *a = cli_open_load(g, false, argv[optind], &s, &rc);
    if (!a)
        return rc;
    struct err e;
    if (store_load_history(s, a, &e) < 0) {
        msg_error("%s", e.text);
        assess_free(a);
        store_close(s);
        return EXIT_WORK;
    }
    if (fmt == CLI_TEXT) {
        history_text(a);
    } else if (fmt == CLI_TSV) {
        printf("when\twho\twhat\told\tnew\n");
        for (size_t i = 0; i < a->nhistory; i++) {
            const struct change *ch = &a->history[i];
            char when[32];
            printf("%s\t", cli_time_iso(ch->when, when));
            cli_put_tsv(stdout, ch->who);
            putchar('\t');
            cli_put_tsv(stdout, ch->what);
            putchar('\t');
            cli_put_tsv(stdout, ch->old_value);
            putchar('\t');
            cli_put_tsv(stdout, ch->new_value);
            putchar('\n');
        }
    } else {
        printf("[");
        for (size_t i = 0; i < a->nhistory; i++) {
            const struct change *ch = &a->history[i];
            char when[32];
            printf("%s\n  {\"when\": \"%s\", \"who\": ", i ? "," : "", cli_time_iso(ch->when, when));
            cli_put_json(stdout, ch->who);
            printf(", \"what\": ");
            cli_put_json(stdout, ch->what);
            printf(", \"old\": ");
            cli_put_json(stdout, ch->old_value);
            printf(", \"new\": ");
            cli_put_json(stdout, ch->new_value);
            printf("}");
        }
        printf("%s]\n", a->nhistory ? "\n" : "");
    }
    assess_free(a);
    store_close(s);
    return 0;
}
