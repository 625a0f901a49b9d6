/*
 * dpia member, review (its steps), comment, comments and waiting: people
 * and roles, and the review, from the command line. The rules are
 * core/roles.h's, asked by ops/; a refusal prints its one sentence,
 * exit status 1, nothing written.
 */
#include "config.h"

#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "ops/ops.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

/* The format option among the arguments: --format F (or --format=F)
 * taken out of argv, the rest kept in order; -1 after a usage error. */
static int take_format(int *argc, char **argv, enum cli_format *fmt)
{
    *fmt = CLI_TEXT;
    int k = 1;
    for (int i = 1; i < *argc; i++) {
        const char *v = NULL;
        if (strcmp(argv[i], "--format") == 0 && i + 1 < *argc)
            v = argv[++i];
        else if (strncmp(argv[i], "--format=", 9) == 0)
            v = argv[i] + 9;
        else {
            argv[k++] = argv[i];
            continue;
        }
        if (cli_parse_format(v, fmt) < 0)
            return -1;
    }
    *argc = k;
    argv[k] = NULL;
    return 0;
}

static int role_arg(const char *arg)
{
    int r = member_role_parse(arg);
    if (r < 0)
        msg_error(_("unknown role '%s' (one of: owner, contributor, dpo, decision-maker, "
                  "reader)"), arg);
    return r;
}

/* --- member ----------------------------------------------------------------- */

static void members_text(const struct assessment *a)
{
    printf(_("Members of assessment %lld:\n"), (long long)a->id);
    for (size_t i = 0; i < a->nmembers; i++) {
        printf("  ");
        cli_put_padded(stdout, member_role_label(a->members[i].role), 16, false);
        printf("  ");
        cli_put_line(stdout, a->members[i].person);
        putchar('\n');
    }
    if (!roles_held(a, MR_DPO))
        printf(_("  (nobody holds the role DPO: an owner records the DPO's advice)\n"));
    if (!roles_held(a, MR_DECIDER))
        printf(_("  (nobody holds the role decision-maker: an owner records the decision)\n"));
}

static void members_tsv(const struct assessment *a)
{
    printf("person\trole\n");
    for (size_t i = 0; i < a->nmembers; i++) {
        cli_put_tsv(stdout, a->members[i].person);
        printf("\t%s\n", member_role_key(a->members[i].role));
    }
}

static void members_json(const struct assessment *a)
{
    printf("{\"assessment\": %lld, \"members\": [", (long long)a->id);
    for (size_t i = 0; i < a->nmembers; i++) {
        printf("%s\n  {\"person\": ", i ? "," : "");
        cli_put_json(stdout, a->members[i].person);
        printf(", \"role\": \"%s\"}", member_role_key(a->members[i].role));
    }
    printf("%s]}\n", a->nmembers ? "\n" : "");
}

static int member_usage(void)
{
    msg_error(_("usage: dpia member ID [list [--format text|tsv|json] | add PERSON ROLE | set "
              "PERSON ROLE | remove PERSON] (ROLE: owner, contributor, dpo, decision-maker, "
              "reader)"));
    return EXIT_USAGE;
}

int cmd_member(const struct cli_global *g, int argc, char **argv)
{
    enum cli_format fmt;
    if (take_format(&argc, argv, &fmt) < 0)
        return EXIT_USAGE;
    for (int i = 1; i < argc; i++)
        if (argv[i][0] == '-' && argv[i][1])
            return member_usage();
    if (argc < 2)
        return member_usage();
    const char *verb = argc > 2 ? argv[2] : "list";
    bool list = strcmp(verb, "list") == 0, add = strcmp(verb, "add") == 0,
         set = strcmp(verb, "set") == 0, rm = strcmp(verb, "remove") == 0;
    if ((list && argc > 3) || ((add || set) && argc != 5) || (rm && argc != 4) ||
        !(list || add || set || rm))
        return member_usage();
    int role = -1;
    if ((add || set) && (role = role_arg(argv[4])) < 0)
        return EXIT_USAGE;
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, !list, argv[1], &s, &rc);
    if (!a)
        return rc;
    struct err e;
    if (list) {
        if (fmt == CLI_TSV)
            members_tsv(a);
        else if (fmt == CLI_JSON)
            members_json(a);
        else
            members_text(a);
    } else if (ops_member(s, a, argv[3], rm ? -1 : role, add, &e) < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    } else if (rm) {
        char *p = text_sanitize(argv[3], false);
        printf(_("%s: no longer a member of assessment %lld\n"), p, (long long)a->id);
        free(p);
    } else {
        cli_put_line(stdout, argv[3]);
        printf(": %s\n", member_role_label((enum member_role)role));
    }
    assess_free(a);
    store_close(s);
    return rc;
}

/* --- review steps ------------------------------------------------------------- */

int cli_review_step(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "comment", required_argument, NULL, 'c' },
        { NULL, 0, NULL, 0 },
    };
    const char *comment = NULL;
    int c;
    opterr = 0;
    optind = 0;
    while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
        if (c != 'c')
            return cli_bad_option("review", c, argv);
        comment = optarg;
    }
    int k = argc - optind == 2 ? review_kind_parse(argv[optind + 1]) : -1;
    /* The words people type: request, return, pass. */
    static const char *const verbs[] = { "request", "return", "pass" };
    for (int i = 0; argc - optind == 2 && i < RV_COUNT; i++)
        if (strcmp(argv[optind + 1], verbs[i]) == 0)
            k = i;
    if (k < 0) {
        msg_error(_("usage: dpia review ID request|return|pass [--comment TEXT], or dpia review "
                  "ID DATE"));
        return EXIT_USAGE;
    }
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, true, argv[optind], &s, &rc);
    if (!a)
        return rc;
    struct err e;
    if (ops_review(s, a, (enum review_kind)k, comment, &e) < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    } else {
        /* TRANSLATORS: "In review: in review with the DPO". */
        printf(_("%s: %s\n"), assess_status_label(a->status),
               review_state_label(review_state(a)));
    }
    assess_free(a);
    store_close(s);
    return rc;
}

/* --- comments ------------------------------------------------------------------ */

static int comment_usage(void)
{
    msg_error(_("usage: dpia comment ID QUESTION TEXT, dpia comment ID --reply N TEXT, or dpia "
              "comment ID --resolve|--reopen N"));
    return EXIT_USAGE;
}

int cmd_comment(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "reply", required_argument, NULL, 'r' },
        { "resolve", required_argument, NULL, 's' },
        { "reopen", required_argument, NULL, 'o' },
        { NULL, 0, NULL, 0 },
    };
    int reply = 0, resolve = 0, reopen = 0, c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
        int *to = c == 'r' ? &reply : c == 's' ? &resolve : c == 'o' ? &reopen : NULL;
        if (!to)
            return cli_bad_option("comment", c, argv);
        if (!cli_parse_int(optarg, 1, 100000, to)) {
            msg_error(_("--%s takes the number of a comment, not '%s'"),
                      c == 'r' ? "reply" : c == 's' ? "resolve" : "reopen", optarg);
            return EXIT_USAGE;
        }
    }
    int n = argc - optind;
    if ((reply != 0) + (resolve != 0) + (reopen != 0) > 1 || (reply && n != 2) ||
        ((resolve || reopen) && n != 1) || (!reply && !resolve && !reopen && n != 3))
        return comment_usage();
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, true, argv[optind], &s, &rc);
    if (!a)
        return rc;
    struct err e;
    int number = 0;
    int r = resolve ? ops_comment_resolve(s, a, resolve, &e)
          : reopen ? ops_comment_reopen(s, a, reopen, &e)
          : reply ? ops_comment_reply(s, a, reply, argv[optind + 1], &number, &e)
          : ops_comment(s, a, argv[optind + 1], argv[optind + 2], &number, &e);
    if (r < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    } else if (resolve) {
        printf(_("thread of comment %d resolved\n"), comment_thread(a, resolve)->number);
    } else if (reopen) {
        printf(_("thread of comment %d reopened\n"), comment_thread(a, reopen)->number);
    } else {
        printf("%d\n", number);
    }
    assess_free(a);
    store_close(s);
    return rc;
}

static void put_comment_text(const struct comment *c, bool reply)
{
    char t1[32], t2[32];
    /* Names and the question's id from the database, made safe. */
    char *who = text_sanitize(c->who, false), *q = text_sanitize(c->question, false);
    char *by = text_sanitize(c->resolved_by, false);
    if (reply)
        printf("    #%d %s %s\n", c->number, who, cli_time(c->when, t1));
    else if (c->resolved_at)
        /* TRANSLATORS: a comment thread of dpia comments: its number, the
           question's id, who, when, who resolved it, when. */
        printf(_("#%d %s %s %s, resolved by %s %s\n"), c->number, q, who,
               cli_time(c->when, t1), by, cli_time(c->resolved_at, t2));
    else
        /* TRANSLATORS: a comment thread of dpia comments, still open. */
        printf(_("#%d %s %s %s, open\n"), c->number, q, who, cli_time(c->when, t1));
    free(who);
    free(q);
    free(by);
    cli_put_text(stdout, c->text, reply ? "      " : "    ");
    putchar('\n');
}

int cmd_comments(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "format", required_argument, NULL, 'f' },
        { "open", no_argument, NULL, 'o' },
        { NULL, 0, NULL, 0 },
    };
    enum cli_format fmt = CLI_TEXT;
    bool open_only = false;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:", lo, NULL)) != -1) {
        if (c == 'o')
            open_only = true;
        else if (c != 'f')
            return cli_bad_option("comments", c, argv);
        else if (cli_parse_format(optarg, &fmt) < 0)
            return EXIT_USAGE;
    }
    if (argc - optind != 1) {
        msg_error(_("usage: dpia comments ID [--open] [--format text|tsv|json]"));
        return EXIT_USAGE;
    }
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, false, argv[optind], &s, &rc);
    if (!a) {
        store_close(s);
        return rc;
    }
    char t1[32], t2[32];
    size_t shown = 0;
    if (fmt == CLI_TSV)
        printf("number\tthread\tquestion\twho\tat\tresolved_by\tresolved_at\ttext\n");
    else if (fmt == CLI_JSON)
        printf("{\"assessment\": %lld, \"comments\": [", (long long)a->id);
    for (size_t i = 0; i < a->ncomments; i++) {
        const struct comment *cm = &a->comments[i];
        const struct comment *th = comment_find(a, cm->thread);
        if (open_only && th && th->resolved_at)
            continue;
        if (fmt == CLI_TEXT) {
            /* Threads in order, each with its replies under it. */
            if (cm->thread != cm->number)
                continue;
            put_comment_text(cm, false);
            for (size_t k = 0; k < a->ncomments; k++)
                if (a->comments[k].thread == cm->number && a->comments[k].number != cm->number)
                    put_comment_text(&a->comments[k], true);
        } else if (fmt == CLI_TSV) {
            printf("%d\t%d\t", cm->number, cm->thread);
            cli_put_tsv(stdout, cm->question);
            putchar('\t');
            cli_put_tsv(stdout, cm->who);
            printf("\t%s\t", cli_time_iso(cm->when, t1));
            cli_put_tsv(stdout, cm->resolved_by);
            printf("\t%s\t", cm->resolved_at ? cli_time_iso(cm->resolved_at, t2) : "");
            cli_put_tsv(stdout, cm->text);
            putchar('\n');
        } else {
            printf("%s\n  {\"number\": %d, \"thread\": %d, \"question\": ", shown ? "," : "",
                   cm->number, cm->thread);
            cli_put_json(stdout, cm->question);
            printf(", \"who\": ");
            cli_put_json(stdout, cm->who);
            printf(", \"at\": \"%s\", \"resolved_by\": ", cli_time_iso(cm->when, t1));
            cli_put_json(stdout, cm->resolved_by);
            printf(", \"resolved_at\": ");
            if (cm->resolved_at)
                printf("\"%s\"", cli_time_iso(cm->resolved_at, t2));
            else
                printf("null");
            printf(", \"text\": ");
            cli_put_json(stdout, cm->text);
            printf("}");
        }
        shown++;
    }
    if (fmt == CLI_JSON)
        printf("%s]}\n", shown ? "\n" : "");
    else if (fmt == CLI_TEXT && !shown)
        printf(open_only ? _("No open comment thread.\n") : _("No comment yet.\n"));
    assess_free(a);
    store_close(s);
    return rc;
}

/* --- waiting --------------------------------------------------------------------- */

static const char *wait_key(unsigned w)
{
    return w == WAIT_REVIEW ? "review" : w == WAIT_DECISION ? "decision"
         : w == WAIT_RETURNED ? "returned" : "comments";
}

int cmd_waiting(const struct cli_global *g, int argc, char **argv)
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
            return cli_bad_option("waiting", c, argv);
        if (cli_parse_format(optarg, &fmt) < 0)
            return EXIT_USAGE;
    }
    if (argc != optind) {
        msg_error(_("usage: dpia waiting [--format text|tsv|json]"));
        return EXIT_USAGE;
    }
    struct store *s;
    int rc = cli_open(g, false, &s);
    if (rc)
        return rc;
    struct waiting_row *rows = NULL;
    size_t n = 0;
    struct err e;
    if (s && ops_waiting(s, &rows, &n, &e) < 0) {
        msg_error("%s", e.text);
        store_close(s);
        return EXIT_WORK;
    }
    if (fmt == CLI_TSV)
        printf("id\tstatus\twhat\topen_threads\ttitle\n");
    else if (fmt == CLI_JSON)
        printf("{\"waiting\": [");
    for (size_t i = 0; i < n; i++) {
        const struct waiting_row *r = &rows[i];
        unsigned w = waiting_for(r);
        if (fmt == CLI_TEXT) {
            char *what = waiting_text(w, r->open_threads);
            printf("%4lld  ", (long long)r->id);
            cli_put_cut(stdout, r->title, 40);
            printf("\n      ");
            cli_put_line(stdout, what);
            putchar('\n');
            free(what);
            continue;
        }
        if (fmt == CLI_JSON)
            printf("%s\n  {\"id\": %lld, \"status\": \"%s\", \"what\": [", i ? "," : "",
                   (long long)r->id, assess_status_key(r->status));
        else
            printf("%lld\t%s\t", (long long)r->id, assess_status_key(r->status));
        int k = 0;
        for (unsigned bit = 1; bit <= WAIT_COMMENTS; bit <<= 1) {
            if (!(w & bit))
                continue;
            printf(fmt == CLI_JSON ? "%s\"%s\"" : "%s%s", k++ ? (fmt == CLI_JSON ? ", " : ",") : "",
                   wait_key(bit));
        }
        if (fmt == CLI_JSON) {
            printf("], \"open_threads\": %d, \"title\": ", r->open_threads);
            cli_put_json(stdout, r->title);
            printf("}");
        } else {
            printf("\t%d\t", r->open_threads);
            cli_put_tsv(stdout, r->title);
            putchar('\n');
        }
    }
    if (fmt == CLI_JSON)
        printf("%s]}\n", n ? "\n" : "");
    else if (fmt == CLI_TEXT && n == 0)
        printf(_("Nothing waits for you.\n"));
    waiting_free(rows, n);
    store_close(s);
    return 0;
}
