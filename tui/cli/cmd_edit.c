/*
 * dpia answer, risk add, measure add, signoff: changing an assessment
 * from the command line. Options are parsed here; every change goes
 * through ops/, which checks it against the template, the risk method
 * and the workflow rules.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/commands.h"
#include "core/answer.h"
#include "core/fields.h"
#include "core/logic.h"
#include "core/textrule.h"
#include "ops/ops.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* The value of `dpia answer ID Q -` and the other '-' values: all of
 * stdin, one final line break dropped (what `echo` and editors add).
 * Read whole and checked before anything is opened: a NUL byte, invalid
 * UTF-8 or UTF-16 is refused with where it is, never cut. NULL (the
 * message printed) when it cannot be read or is not UTF-8 text. */
char *cli_read_stdin(void)
{
    struct buf b = { 0 };
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stdin)) > 0)
        buf_add(&b, chunk, n);
    if (ferror(stdin)) {
        msg_error(_("cannot read standard input: %s"), strerror(errno));
        buf_free(&b);
        return NULL;
    }
    struct err e;
    if (textrule_encoding(_("standard input"), b.data ? b.data : "", b.len, &e) < 0) {
        msg_error("%s", e.text);
        buf_free(&b);
        return NULL;
    }
    if (b.len && b.data[b.len - 1] == '\n') {
        b.data[--b.len] = '\0';
        if (b.len && b.data[b.len - 1] == '\r')
            b.data[--b.len] = '\0';
    }
    return buf_take(&b);
}

static int finish(struct store *s, struct assessment *a, int rc)
{
    assess_free(a);
    store_close(s);
    return rc;
}

/* --- answer ---------------------------------------------------------------- */

/* Whether the answer to q holds `expect` (as dpia answer takes a value:
 * put in its canonical form when it can be; "" for none). */
static bool answer_holds(const struct tmpl_question *q, const struct answer *an,
                         const char *expect)
{
    const char *now = an ? an->value : "";
    if (strcmp(now, expect) == 0)
        return true;
    if (!q || !*expect)
        return false;
    struct err e;
    char iso[DATE_ISO_SIZE];
    if (q->type == QT_DATE && ops_date(expect, iso, &e) == 0)
        expect = iso;
    char *canon = answer_canonical(q, expect, &e);
    bool same = canon && strcmp(canon, now) == 0;
    free(canon);
    return same;
}

/* How often a write that met another session's write to the same answer
 * is tried again on the value read anew. */
#define ANSWER_TRIES 20

int cmd_answer(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "note", required_argument, NULL, 'n' },
        { "flag", no_argument, NULL, 'F' },
        { "no-flag", no_argument, NULL, 'N' },
        { "expect", required_argument, NULL, 'e' },
        { NULL, 0, NULL, 0 },
    };
    const char *note = NULL, *expect = NULL;
    int flag = -1, c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":n:", lo, NULL)) != -1) {
        if (c == 'n')
            note = optarg;
        else if (c == 'F' || c == 'N')
            flag = c == 'F';
        else if (c == 'e')
            expect = optarg;
        else
            return cli_bad_option("answer", c, argv);
    }
    if (argc - optind != 3) {
        msg_error(_("usage: dpia answer ID QUESTION VALUE [--note TEXT] [--flag|--no-flag] "
                  "[--expect OLD] (VALUE '-': read from stdin)"));
        return EXIT_USAGE;
    }
    const char *ref = argv[optind], *qid = argv[optind + 1], *arg = argv[optind + 2];
    char *input = strcmp(arg, "-") == 0 ? cli_read_stdin() : xstrdup(arg);
    if (!input)
        return EXIT_WORK;
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, true, ref, &s, &rc);
    if (!a) {
        free(input);
        return rc;
    }
    struct err e;
    const struct tmpl_question *q = tmpl_find_question(a->tmpl, qid);
    if (q && *input && !logic_shown(a, q))
        msg_warn(_("%s is not asked with the current answers (its condition does not hold); the "
                 "answer is kept anyway"), qid);
    /* The write is made on the revision of the answer read here: when
     * another session changed it in between, the store refuses it, and
     * it is read again and tried again (with --expect, only while the
     * answer still holds what was expected). */
    for (int tries = 1;; tries++) {
        const struct answer *old = assess_answer(a, qid);
        if (expect && !answer_holds(q, old, expect)) {
            if (old && *old->value)
                msg_error(_("the answer to %s is not what was expected: %s made it read: %s; "
                            "nothing was saved"), qid, old->who, old->value);
            else
                msg_error(_("the answer to %s is not what was expected: it is empty; nothing "
                            "was saved"), qid);
            rc = EXIT_CONFLICT;
            break;
        }
        int r = ops_answer(s, a, qid, input, note, flag, old ? old->revision : 0, 0, &e);
        if (r == 0)
            break;
        if (r == STORE_CONFLICT && tries < ANSWER_TRIES) {
            struct assessment *b = store_load_flags(s, a->id, STORE_LOAD_NO_HISTORY, &e);
            if (b) {
                assess_free(a);
                a = b;
                /* The question as the copy read anew has it (the old
                 * one went with its template). */
                q = tmpl_find_question(a->tmpl, qid);
                continue;
            }
        }
        msg_error("%s", e.text);
        rc = r == STORE_CONFLICT ? EXIT_CONFLICT : EXIT_WORK;
        break;
    }
    free(input);
    return finish(s, a, rc);
}

/* --- risk add, measure add ------------------------------------------------------ */

static bool parse_key(const char *arg, const char *what, int (*parse)(const char *),
                      const char *(*key)(int), int count, int *out)
{
    *out = parse(arg);
    if (*out >= 0)
        return true;
    struct buf b = { 0 };
    for (int i = 0; i < count; i++)
        if (*key(i))
            buf_printf(&b, "%s%s", b.len ? ", " : "", key(i));
    msg_error(_("unknown %s '%s' (one of: %s)"), what, arg, buf_str(&b));
    buf_free(&b);
    return false;
}

/* Options beyond the field tables' own. */
enum { OPT_EXTRA = 1000 };

/* The long options of a field table (core/fields.h): each field with an
 * option name, its index + 1 as the value; then extra. The caller
 * frees. */
static struct option *field_options(const struct field *t, size_t n, const struct option *extra,
                                    size_t nextra)
{
    struct option *lo = xcalloc(n + nextra + 1, sizeof *lo);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (t[i].opt)
            lo[k++] = (struct option){ t[i].opt, required_argument, NULL, (int)i + 1 };
    for (size_t i = 0; i < nextra; i++)
        lo[k++] = extra[i];
    return lo;
}

/* Puts the options given (given[i] for t[i], NULL: not given) into obj,
 * which holds a copy of every text field already: scores against a's
 * method, choices by their keys, dates as ops_date reads them, the
 * table rows a risk cites in their written form, a group or a risk type
 * the template declares. False with the message printed. */
static bool fill_fields(const struct assessment *a, const char *kind, const struct field *t,
                        size_t n, const char *const *given, void *obj)
{
    const struct tmpl_method *m = assess_method(a);
    for (size_t i = 0; i < n; i++) {
        const struct field *f = &t[i];
        const char *arg = given[i];
        if (!arg)
            continue;
        char *text = NULL;
        struct err e;
        int v;
        switch (f->kind) {
        case FLD_TEXT:
            if (f->role == FR_DATE) {
                char iso[DATE_ISO_SIZE];
                if (ops_date(arg, iso, &e) < 0) {
                    msg_error("%s", e.text);
                    return false;
                }
                text = xstrdup(iso);
            } else if (f->role == FR_CONCERNS) {
                if (!(text = fields_concerns(arg, &e))) {
                    msg_error("--%s: %s", f->opt, e.text);
                    return false;
                }
            } else if ((f->role == FR_GROUP && fields_check_group(a->tmpl, arg, &e) < 0) ||
                       (f->role == FR_RISK_KIND && fields_check_kind(a->tmpl, arg, &e) < 0)) {
                msg_error("--%s: %s", f->opt, e.text);
                return false;
            }
            field_set_str(f, obj, text ? text : arg);
            free(text);
            break;
        case FLD_FOLLOWED: {
            int yes = answer_yes_no(arg, strlen(arg));
            if (yes < 0) {
                msg_error(_("--%s takes yes or no, not '%s'"), f->opt, arg);
                return false;
            }
            field_set_int(f, obj, yes);
            break;
        }
        case FLD_INT: {
            int max = !m ? 0 : f->role == FR_SEVERITY ? m->nseverity : m->nlikelihood;
            if (!cli_parse_int(arg, 0, max, &v)) {
                msg_error(_("%s must be a whole number from 1 to %d (0: not scored), not '%s'"),
                          f->name, max, arg);
                return false;
            }
            field_set_int(f, obj, v);
            break;
        }
        default: {
            struct buf b = { 0 };
            v = field_parse(f, arg);
            if (v >= 0) {
                field_set_int(f, obj, v);
                break;
            }
            for (int k = 0; k < field_nchoices(f); k++)
                if (*field_key(f, k))
                    buf_printf(&b, "%s%s", b.len ? ", " : "", field_key(f, k));
            msg_error(_("unknown %s %s '%s' (one of: %s)"), kind, f->name, arg, buf_str(&b));
            buf_free(&b);
            return false;
        }
        }
    }
    return true;
}

/* Reads a command's options: those of its fields (t[i]'s into given[i])
 * and its others (extra[j]'s into extra_given[j]: the argument, or "yes"
 * for an option without one; their val must be OPT_EXTRA + j). shorts
 * maps short letters to long names, each "Xname" ("ttitle": -t is
 * --title). -1 after cli_bad_option's message, with its status in *rc. */
static int read_options(const char *cmd, const struct field *t, size_t n,
                        const struct option *extra, size_t nextra, const char *const *shorts,
                        size_t nshorts, int argc, char **argv, const char **given,
                        const char **extra_given, int *rc)
{
    struct option *lo = field_options(t, n, extra, nextra);
    char optstring[32] = ":";
    for (size_t k = 0; k < nshorts && strlen(optstring) + 3 < sizeof optstring; k++) {
        size_t l = strlen(optstring);
        optstring[l] = shorts[k][0];
        optstring[l + 1] = ':';
        optstring[l + 2] = '\0';
    }
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, optstring, lo, NULL)) != -1) {
        const char *name = NULL;
        for (size_t k = 0; k < nshorts && !name; k++)
            if (c == shorts[k][0])
                name = shorts[k] + 1;
        for (size_t i = 0; name && i < n; i++)
            if (t[i].opt && strcmp(t[i].opt, name) == 0)
                c = (int)i + 1;
        for (size_t j = 0; name && j < nextra; j++)
            if (strcmp(extra[j].name, name) == 0)
                c = OPT_EXTRA + (int)j;
        if (c >= 1 && (size_t)c <= n) {
            given[c - 1] = optarg;
        } else if (c >= OPT_EXTRA && (size_t)(c - OPT_EXTRA) < nextra) {
            extra_given[c - OPT_EXTRA] = optarg ? optarg : "yes";
        } else {
            free(lo);
            *rc = cli_bad_option(cmd, c, argv);
            return -1;
        }
    }
    free(lo);
    return 0;
}

/* "--title T [--description D] ..." for the usage line; the caller
 * frees. */
static char *options_usage(const struct field *t, size_t n)
{
    struct buf b = { 0 };
    for (size_t i = 0; i < n; i++)
        if (t[i].opt)
            buf_printf(&b, t[i].required ? " --%s V" : " [--%s V]", t[i].opt);
    return buf_take(&b);
}

int cmd_risk_add(const struct cli_global *g, int argc, char **argv)
{
    const char *given[64] = { 0 };
    static const char *const shorts[] = { "ttitle" };
    int rc;
    if (read_options("risk add", risk_fields, nrisk_fields, NULL, 0, shorts, 1, argc, argv,
                     given, NULL, &rc) < 0)
        return rc;
    const struct field *title = fields_find(risk_fields, nrisk_fields, "title");
    if (argc - optind != 1 || !given[title - risk_fields] || !*given[title - risk_fields]) {
        char *u = options_usage(risk_fields, nrisk_fields);
        msg_error(_("usage: dpia risk add ID%s"), u);
        free(u);
        return EXIT_USAGE;
    }
    struct store *s;
    struct assessment *a = cli_open_load(g, true, argv[optind], &s, &rc);
    if (!a)
        return rc;
    struct risk r, empty;
    memset(&empty, 0, sizeof empty);
    assess_risk_copy(&r, &empty);
    struct err e;
    bool filled = fill_fields(a, "risk", risk_fields, nrisk_fields, given, &r);
    /* A declared type is a kind of "other": --kind alone says so. */
    if (filled && r.kind && *r.kind && r.type == RT_NONE)
        r.type = RT_OTHER;
    if (!filled) {
        rc = EXIT_WORK;
    } else if (ops_add_risk(s, a, &r, &e) < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    } else {
        printf("R%d\n", r.number);
        if (!cli_flush_stdout()) {
            msg_error(_("risk R%d was added, but its number could not be written to standard "
                      "output: %s"), r.number, strerror(errno));
            rc = EXIT_WORK;
        }
    }
    assess_risk_clear(&r);
    return finish(s, a, rc);
}

/* "1,2" or "R1, R2" into numbers; false with a message when malformed. */
static bool parse_risks(const char *arg, struct measure *m)
{
    char *copy = xstrdup(arg), *save = NULL;
    bool ok = true;
    size_t cap = 0;
    for (char *tok = strtok_r(copy, ", ", &save); tok; tok = strtok_r(NULL, ", ", &save)) {
        int n;
        if (*tok == 'R' || *tok == 'r')
            tok++;
        if (!cli_parse_int(tok, 1, 1000000, &n)) {
            msg_error(_("--risks takes risk numbers such as 1,2 or R1,R2, not '%s'"), arg);
            ok = false;
            break;
        }
        m->risks = xgrow(m->risks, &cap, m->nrisks + 1, sizeof *m->risks);
        m->risks[m->nrisks++] = n;
    }
    free(copy);
    return ok;
}

static const char *role_key(int i) { return signoff_role_key((enum signoff_role)i); }

int cmd_measure_add(const struct cli_global *g, int argc, char **argv)
{
    const char *given[64] = { 0 }, *risks = NULL;
    static const struct option extra[] = { { "risks", required_argument, NULL, OPT_EXTRA } };
    static const char *const shorts[] = { "ttitle" };
    int rc;
    if (read_options("measure add", measure_fields, nmeasure_fields, extra, 1, shorts, 1, argc,
                     argv, given, &risks, &rc) < 0)
        return rc;
    const struct field *title = fields_find(measure_fields, nmeasure_fields, "title");
    if (argc - optind != 1 || !given[title - measure_fields] ||
        !*given[title - measure_fields]) {
        char *u = options_usage(measure_fields, nmeasure_fields);
        msg_error(_("usage: dpia measure add ID%s [--risks 1,2]"), u);
        free(u);
        return EXIT_USAGE;
    }
    struct measure m, empty;
    memset(&empty, 0, sizeof empty);
    assess_measure_copy(&m, &empty);
    if (risks && !parse_risks(risks, &m)) {
        assess_measure_clear(&m);
        return EXIT_WORK;
    }
    struct store *s;
    struct assessment *a = cli_open_load(g, true, argv[optind], &s, &rc);
    if (!a) {
        assess_measure_clear(&m);
        return rc;
    }
    struct err e;
    if (!fill_fields(a, "measure", measure_fields, nmeasure_fields, given, &m)) {
        rc = EXIT_WORK;
    } else if (ops_add_measure(s, a, &m, &e) < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    } else {
        printf("M%d\n", m.number);
        if (!cli_flush_stdout()) {
            msg_error(_("measure M%d was added, but its number could not be written to "
                      "standard output: %s"), m.number, strerror(errno));
            rc = EXIT_WORK;
        }
    }
    assess_measure_clear(&m);
    return finish(s, a, rc);
}

/* --- signoff ------------------------------------------------------------------- */

int cmd_signoff(const struct cli_global *g, int argc, char **argv)
{
    enum { X_ROLE, X_ACK, X_BEHALF, X_REASON, X_COUNT };
    static const struct option extra[] = {
        { "role", required_argument, NULL, OPT_EXTRA + X_ROLE },
        { "acknowledge", no_argument, NULL, OPT_EXTRA + X_ACK },
        { "on-behalf-of", required_argument, NULL, OPT_EXTRA + X_BEHALF },
        { "reason", required_argument, NULL, OPT_EXTRA + X_REASON },
    };
    static const char *const shorts[] = { "rrole", "nname" };
    const char *given[64] = { 0 }, *x[X_COUNT] = { 0 };
    int rc;
    if (read_options("signoff", signoff_fields, nsignoff_fields, extra, X_COUNT, shorts, 2, argc,
                     argv, given, x, &rc) < 0)
        return rc;
    const struct field *name = fields_find(signoff_fields, nsignoff_fields, "name");
    const struct field *date = fields_find(signoff_fields, nsignoff_fields, "date");
    const struct field *decision = fields_find(signoff_fields, nsignoff_fields, "decision");
    const char *nm = given[name - signoff_fields];
    if (argc - optind != 1 || !x[X_ROLE] || !nm || !*nm) {
        char *u = options_usage(signoff_fields, nsignoff_fields);
        msg_error(_("usage: dpia signoff ID --role dpo|assessor|controller%s [--acknowledge] "
                  "[--on-behalf-of PERSON --reason TEXT]"), u);
        free(u);
        return EXIT_USAGE;
    }
    if (!x[X_BEHALF] != !x[X_REASON]) {
        msg_error(_("--on-behalf-of PERSON and --reason TEXT go together"));
        return EXIT_USAGE;
    }
    struct ops_behalf behalf = { x[X_BEHALF], x[X_REASON] };
    int role;
    if (!parse_key(x[X_ROLE], "role", signoff_role_parse, role_key, SR_COUNT, &role))
        return EXIT_WORK;
    bool deciding = given[decision - signoff_fields] != NULL;
    if (deciding && role != SR_CONTROLLER) {
        msg_error(_("--decision is the controller's: use --role controller (or dpia decide)"));
        return EXIT_USAGE;
    }
    /* The date defaults to today. */
    char today[DATE_ISO_SIZE];
    struct err e;
    if (!given[date - signoff_fields]) {
        if (ops_date(NULL, today, &e) < 0) {
            msg_error("%s", e.text);
            return EXIT_WORK;
        }
        given[date - signoff_fields] = today;
    }
    struct store *s;
    struct assessment *a = cli_open_load(g, true, argv[optind], &s, &rc);
    if (!a)
        return rc;
    /* What is not given stays as it was. */
    struct signoff so;
    assess_signoff_copy(&so, &a->signoffs[role]);
    so.role = (enum signoff_role)role;
    if (!fill_fields(a, "sign-off", signoff_fields, nsignoff_fields, given, &so))
        rc = EXIT_WORK;
    else if (role == SR_CONTROLLER)
        rc = cli_decide(s, a, so.decision, &so, x[X_ACK] != NULL, &behalf);
    else if (ops_signoff_for(s, a, &so, &behalf, &e) < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    }
    assess_signoff_clear(&so);
    return finish(s, a, rc);
}

/* --- contacts -------------------------------------------------------------------- */

int cmd_contacts(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "controller", required_argument, NULL, 'c' },
        { "dpo-contact", required_argument, NULL, 'p' },
        { NULL, 0, NULL, 0 },
    };
    const char *controller = NULL, *dpo = NULL;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
        if (c == 'c')
            controller = optarg;
        else if (c == 'p')
            dpo = optarg;
        else
            return cli_bad_option("contacts", c, argv);
    }
    if (argc - optind != 1 || (!controller && !dpo)) {
        msg_error(_("usage: dpia contacts ID [--controller TEXT] [--dpo-contact TEXT] (TEXT '-': "
                  "read from stdin; '' clears it)"));
        return EXIT_USAGE;
    }
    if (controller && dpo && strcmp(controller, "-") == 0 && strcmp(dpo, "-") == 0) {
        msg_error(_("only one of --controller and --dpo-contact can read standard input"));
        return EXIT_USAGE;
    }
    char *ctext = NULL, *dtext = NULL;
    if (controller && !(ctext = strcmp(controller, "-") == 0 ? cli_read_stdin() : xstrdup(controller)))
        return EXIT_WORK;
    if (dpo && !(dtext = strcmp(dpo, "-") == 0 ? cli_read_stdin() : xstrdup(dpo))) {
        free(ctext);
        return EXIT_WORK;
    }
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, true, argv[optind], &s, &rc);
    if (a) {
        struct err e;
        if ((ctext && ops_set_controller(s, a, ctext, &e) < 0) ||
            (dtext && ops_set_dpo_contact(s, a, dtext, &e) < 0)) {
            msg_error("%s", e.text);
            rc = EXIT_WORK;
        }
    }
    free(ctext);
    free(dtext);
    return a ? finish(s, a, rc) : rc;
}

/* --- judge ------------------------------------------------------------------------ */

int cmd_judge(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "comment", required_argument, NULL, 'c' },
        { "name", required_argument, NULL, 'n' },
        { "date", required_argument, NULL, 'd' },
        { "clear", no_argument, NULL, 'x' },
        { "on-behalf-of", required_argument, NULL, 'b' },
        { "reason", required_argument, NULL, 'w' },
        { NULL, 0, NULL, 0 },
    };
    const char *comment = NULL, *name = NULL, *date = NULL;
    struct ops_behalf behalf = { NULL, NULL };
    bool clear = false;
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
        if (c == 'c')
            comment = optarg;
        else if (c == 'n')
            name = optarg;
        else if (c == 'd')
            date = optarg;
        else if (c == 'x')
            clear = true;
        else if (c == 'b')
            behalf.person = optarg;
        else if (c == 'w')
            behalf.reason = optarg;
        else
            return cli_bad_option("judge", c, argv);
    }
    int nargs = argc - optind;
    if (nargs < 2 || nargs > 3 || (clear && nargs == 3) || (!clear && nargs == 2)) {
        msg_error(_("usage: dpia judge ID SECTION acceptable|improve [--comment TEXT] "
                  "[--name NAME] [--date DATE] [--on-behalf-of PERSON --reason TEXT] (TEXT '-': "
                  "read from stdin), or dpia judge ID SECTION --clear"));
        return EXIT_USAGE;
    }
    if (!behalf.person != !behalf.reason) {
        msg_error(_("--on-behalf-of PERSON and --reason TEXT go together"));
        return EXIT_USAGE;
    }
    const char *ref = argv[optind], *section = argv[optind + 1];
    const char *verdict = nargs == 3 ? argv[optind + 2] : "";
    int vd = verdict_parse(verdict);
    if (vd < 0) {
        msg_error(_("unknown verdict '%s' (acceptable, improve; '' removes the judgement)"),
                  verdict);
        return EXIT_USAGE;
    }
    char *ctext = NULL;
    if (comment && !(ctext = strcmp(comment, "-") == 0 ? cli_read_stdin() : xstrdup(comment)))
        return EXIT_WORK;
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, true, ref, &s, &rc);
    if (!a) {
        free(ctext);
        return rc;
    }
    /* What is not given stays as it was; the date defaults to today. */
    const struct judgement *old = assess_judgement(a, section);
    struct judgement j = { 0 };
    j.section = (char *)(uintptr_t)section;
    j.verdict = (enum verdict)vd;
    j.comment = ctext ? ctext : old ? old->comment : (char *)(uintptr_t)"";
    j.name = (char *)(uintptr_t)(name ? name : old ? old->name : "");
    j.date = (char *)(uintptr_t)(date ? date : "");
    struct err e;
    if (ops_judge_for(s, a, &j, &behalf, &e) < 0) {
        msg_error("%s", e.text);
        rc = EXIT_WORK;
    }
    free(ctext);
    return finish(s, a, rc);
}
