/*
 * dpia decide, close, revise, restore, diff: the steps of the workflow
 * from the command line. The rules are ops/'s (core/workflow.h); a
 * refusal prints every reason, exit status 1, nothing written.
 */
#include "config.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/change_text.h"
#include "cli/commands.h"
#include "ops/ops.h"
#include "util/err.h"
#include "util/i18n.h"

int cli_decide(struct store *s, struct assessment *a, enum decision d, const struct signoff *by,
               bool acknowledged, const struct ops_behalf *b)
{
    struct wf_list why = { 0 };
    struct err e;
    int rc = ops_decide_for(s, a, d, by, acknowledged, b, &why, &e);
    if (rc < 0 && why.nblockers) {
        char msg[160];
        /* TRANSLATORS: %s is a decision (Approved...). */
        snprintf(msg, sizeof msg, P_("%s is refused: %zu reason", "%s is refused: %zu reasons",
                                     why.nblockers),
                 decision_label(d), why.nblockers);
        cli_put_reasons(msg, &why, WF_BLOCKER);
    } else if (rc < 0) {
        msg_error("%s", e.text);
    } else if (rc > 0) {
        char msg[200];
        snprintf(msg, sizeof msg,
                 P_("%zu warning to acknowledge before the decision (add --acknowledge to "
                    "record it with it)",
                    "%zu warnings to acknowledge before the decision (add --acknowledge to "
                    "record them with it)",
                    why.nwarnings),
                 why.nwarnings);
        cli_put_reasons(msg, &why, WF_WARNING);
    } else {
        printf(I18N_LABELLED, decision_label(d), assess_status_label(a->status));
        putchar('\n');
    }
    wf_list_free(&why);
    return rc == 0 ? 0 : EXIT_WORK;
}

static const char *dec_key(int i) { return decision_key((enum decision)i); }

int cmd_decide(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "name", required_argument, NULL, 'n' },
        { "position", required_argument, NULL, 'p' },
        { "date", required_argument, NULL, 'd' },
        { "conditions", required_argument, NULL, 'c' },
        { "comment", required_argument, NULL, 'c' },
        { "acknowledge", no_argument, NULL, 'k' },
        { "on-behalf-of", required_argument, NULL, 'b' },
        { "reason", required_argument, NULL, 'w' },
        { NULL, 0, NULL, 0 },
    };
    const char *name = NULL, *position = NULL, *date = NULL, *comment = NULL;
    struct ops_behalf behalf = { NULL, NULL };
    bool ack = false;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":n:", lo, NULL)) != -1) {
        switch (c) {
        case 'n': name = optarg; break;
        case 'p': position = optarg; break;
        case 'd': date = optarg; break;
        case 'c': comment = optarg; break;
        case 'k': ack = true; break;
        case 'b': behalf.person = optarg; break;
        case 'w': behalf.reason = optarg; break;
        default: return cli_bad_option("decide", c, argv);
        }
    }
    if (argc - optind != 2 || !name || !*name) {
        msg_error(_("usage: dpia decide ID approve|approve-with-conditions|reject|refer --name NAME "
                  "[--position P] [--date DATE] [--conditions TEXT] [--acknowledge] "
                  "[--on-behalf-of PERSON --reason TEXT]"));
        return EXIT_USAGE;
    }
    if (!behalf.person != !behalf.reason) {
        msg_error(_("--on-behalf-of PERSON and --reason TEXT go together"));
        return EXIT_USAGE;
    }
    int d = decision_parse(argv[optind + 1]);
    if (d <= DEC_NONE) {
        msg_error(_("unknown decision '%s' (one of: approve, approve-with-conditions, reject, "
                  "refer)"), argv[optind + 1]);
        (void)dec_key;
        return EXIT_USAGE;
    }
    char date_iso[DATE_ISO_SIZE];
    struct err de;
    if (ops_date(date, date_iso, &de) < 0) {
        msg_error("%s", de.text);
        return EXIT_WORK;
    }
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, true, argv[optind], &s, &rc);
    if (!a)
        return rc;
    const struct signoff *old = &a->signoffs[SR_CONTROLLER];
    struct signoff by = *old;
    by.role = SR_CONTROLLER;
    by.name = (char *)(uintptr_t)name;
    by.position = (char *)(uintptr_t)(position ? position : old->position);
    by.date = date_iso;
    by.advice = (char *)(uintptr_t)(comment ? comment : old->advice);
    rc = cli_decide(s, a, (enum decision)d, &by, ack, &behalf);
    assess_free(a);
    store_close(s);
    return rc;
}

/* "ID" alone (argv[optind], the options parsed): loads it for writing,
 * runs fn (with b, whom it is recorded for), says what it did ("DONE:
 * revision N, status"). */
typedef int one_fn(struct store *, struct assessment *, const struct ops_behalf *b,
                   struct wf_list *, struct err *);
static int one(const struct cli_global *g, int argc, char **argv, const char *usage, one_fn *fn,
               const char *done, const struct ops_behalf *b)
{
    if (argc != 2 || argv[1][0] == '-') {
        msg_error(_("usage: %s"), usage);
        return EXIT_USAGE;
    }
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, true, argv[1], &s, &rc);
    if (!a)
        return rc;
    struct wf_list why = { 0 };
    struct err e;
    if (fn(s, a, b, &why, &e) < 0) {
        if (why.nblockers)
            cli_put_reasons(e.text[0] ? e.text : _("refused"), &why, WF_BLOCKER);
        else
            msg_error("%s", e.text);
        rc = EXIT_WORK;
    } else {
        /* TRANSLATORS: "Closed: revision 2, Not required". */
        printf(_("%s: revision %d, %s\n"), done, a->revision, assess_status_label(a->status));
    }
    wf_list_free(&why);
    assess_free(a);
    store_close(s);
    return rc;
}

static int do_close(struct store *s, struct assessment *a, const struct ops_behalf *b,
                    struct wf_list *why, struct err *e)
{
    int rc = ops_close_for(s, a, b, why, e);
    if (rc < 0 && why->nblockers)
        err_set(e,
                P_("the assessment cannot be closed as \"DPIA not required\": %zu reason",
                   "the assessment cannot be closed as \"DPIA not required\": %zu reasons",
                   why->nblockers),
                why->nblockers);
    return rc;
}

static int do_revise(struct store *s, struct assessment *a, const struct ops_behalf *b,
                     struct wf_list *why, struct err *e)
{
    (void)b;
    (void)why;
    return ops_revise(s, a, e);
}

static int do_restore(struct store *s, struct assessment *a, const struct ops_behalf *b,
                      struct wf_list *why, struct err *e)
{
    (void)b;
    (void)why;
    return ops_restore(s, a, e);
}

int cmd_close(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "on-behalf-of", required_argument, NULL, 'b' },
        { "reason", required_argument, NULL, 'w' },
        { NULL, 0, NULL, 0 },
    };
    struct ops_behalf behalf = { NULL, NULL };
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
        switch (c) {
        case 'b': behalf.person = optarg; break;
        case 'w': behalf.reason = optarg; break;
        default: return cli_bad_option("close", c, argv);
        }
    }
    if (!behalf.person != !behalf.reason) {
        msg_error(_("--on-behalf-of PERSON and --reason TEXT go together"));
        return EXIT_USAGE;
    }
    /* The ID alone left, as one() takes it. */
    argv[optind - 1] = argv[0];
    return one(g, argc - optind + 1, argv + optind - 1,
               "dpia close ID [--on-behalf-of PERSON --reason TEXT]", do_close, _("Closed"),
               behalf.person ? &behalf : NULL);
}

int cmd_revise(const struct cli_global *g, int argc, char **argv)
{
    return one(g, argc, argv, "dpia revise ID", do_revise, _("Opened"), NULL);
}

int cmd_restore(const struct cli_global *g, int argc, char **argv)
{
    return one(g, argc, argv, "dpia restore ID", do_restore, _("Restored"), NULL);
}

/* --- diff ------------------------------------------------------------------- */

int cmd_diff(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "format", required_argument, NULL, 'f' },
        { NULL, 0, NULL, 0 },
    };
    enum cli_format fmt = CLI_TEXT;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:", lo, NULL)) != -1) {
        if (c != 'f')
            return cli_bad_option("diff", c, argv);
        if (cli_parse_format(optarg, &fmt) < 0)
            return EXIT_USAGE;
    }
    int n = argc - optind, from = 0, to = 0;
    if (n < 1 || n > 3 || (n > 1 && !cli_parse_int(argv[optind + 1], 1, 1000000, &from)) ||
        (n > 2 && !cli_parse_int(argv[optind + 2], 1, 1000000, &to))) {
        msg_error(_("usage: dpia diff ID [REVISION [REVISION]] [--format text|tsv|json]"));
        return EXIT_USAGE;
    }
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, false, argv[optind], &s, &rc);
    if (!a)
        return rc;
    int64_t id = a->id;
    if (to == 0)
        to = a->revision;
    if (from == 0)
        from = to - 1;
    assess_free(a);
    struct diff d = { 0 };
    struct err e;
    if (from < 1) {
        msg_error(_("assessment %lld has only one revision: nothing to compare"), (long long)id);
        rc = EXIT_WORK;
    } else if (ops_diff(s, id, from, to, &d, &e) < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    } else if (fmt == CLI_TEXT) {
        printf(P_("Revision %d -> revision %d: %zu change\n", "Revision %d -> revision %d: %zu changes\n",
                  d.n),
               from, to, d.n);
        for (size_t i = 0; i < d.n; i++) {
            const struct diff_item *it = &d.items[i];
            char *what = change_what_text(it->what);
            char *ov = change_value_text(it->what, it->old_value, NULL);
            char *nv = change_value_text(it->what, it->new_value, NULL);
            printf("  ");
            cli_put_line(stdout, what);
            /* The question or record it is about, unless already said. */
            if (*it->label && !strstr(what, it->label)) {
                printf(" (");
                cli_put_cut(stdout, it->label, 60);
                printf(")");
            }
            printf(I18N_LABELLED, "", "");
            cli_put_cut(stdout, *ov ? ov : _("(none)"), 60);
            printf(" \xe2\x86\x92 "); /* → */
            cli_put_cut(stdout, *nv ? nv : _("(none)"), 60);
            putchar('\n');
            free(what);
            free(ov);
            free(nv);
        }
    } else if (fmt == CLI_TSV) {
        printf("what\tlabel\told\tnew\n");
        for (size_t i = 0; i < d.n; i++) {
            const struct diff_item *it = &d.items[i];
            cli_put_tsv(stdout, it->what);
            putchar('\t');
            cli_put_tsv(stdout, it->label);
            putchar('\t');
            cli_put_tsv(stdout, it->old_value);
            putchar('\t');
            cli_put_tsv(stdout, it->new_value);
            putchar('\n');
        }
    } else {
        printf("{\"from\": %d, \"to\": %d, \"changes\": [", from, to);
        for (size_t i = 0; i < d.n; i++) {
            const struct diff_item *it = &d.items[i];
            printf("%s\n  {\"what\": ", i ? "," : "");
            cli_put_json(stdout, it->what);
            printf(", \"label\": ");
            cli_put_json(stdout, it->label);
            printf(", \"old\": ");
            cli_put_json(stdout, it->old_value);
            printf(", \"new\": ");
            cli_put_json(stdout, it->new_value);
            printf("}");
        }
        printf("%s]}\n", d.n ? "\n" : "");
    }
    diff_free(&d);
    store_close(s);
    return rc;
}
