/*
 * dpia register and dpia due: every assessment as the DPO answers for
 * it, and what is due or overdue across them (core/register.h).
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "core/date.h"
#include "core/register.h"
#include "io/io.h"
#include "ops/ops.h"
#include "report/report.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

enum reg_format { RG_TEXT, RG_TSV, RG_JSON, RG_HTML, RG_CSV };

static int width_of(int n, const char *s)
{
    int w = text_width(s);
    return w > n ? w : n;
}

/* s cut to cols columns and padded to them. */
static void put_col(FILE *f, const char *s, int cols)
{
    const char *v = *s ? s : "-";
    cli_put_cut(f, v, cols);
    int w = text_width(v);
    fprintf(f, "%*s  ", w < cols ? cols - w : 0, "");
}

static void overdue_text(FILE *f, const struct reg *r)
{
    if (r->noverdue == 0) {
        fputs(_("No measure is overdue.\n"), f);
        return;
    }
    fprintf(f, P_("%zu measure overdue:\n", "%zu measures overdue:\n", r->noverdue), r->noverdue);
    /* TRANSLATORS: the column headers of the overdue measures of dpia
     * register; the columns widen to fit them. */
    const char *h_id = _("ID"), *h_m = _("MEASURE"), *h_due = _("DUE"), *h_owner = _("OWNER"),
               *h_st = _("STATUS"), *h_title = _("TITLE");
    int wid = width_of(2, h_id), wm = width_of(4, h_m), wdue = width_of(10, h_due),
        wowner = width_of(5, h_owner), wst = width_of(11, h_st);
    for (size_t i = 0; i < r->noverdue; i++) {
        const struct reg_measure *m = &r->measures[r->overdue[i]];
        int w = text_width(m->owner);
        wowner = w > wowner ? (w > 24 ? 24 : w) : wowner;
    }
    cli_put_padded(f, h_id, wid, false);
    fputs("  ", f);
    cli_put_padded(f, h_m, wm, false);
    fputs("  ", f);
    cli_put_padded(f, h_due, wdue, false);
    fputs("  ", f);
    cli_put_padded(f, h_owner, wowner, false);
    fputs("  ", f);
    cli_put_padded(f, h_st, wst, false);
    fprintf(f, "  %s\n", h_title);
    for (size_t i = 0; i < r->noverdue; i++) {
        const struct reg_measure *m = &r->measures[r->overdue[i]];
        char ref[24];
        snprintf(ref, sizeof ref, "M%d", m->number);
        fprintf(f, "%-*lld  %-*s  %-*s  ", wid, (long long)m->assessment, wm, ref, wdue, m->due);
        put_col(f, m->owner, wowner);
        fprintf(f, "%-*s  ", wst, measure_status_key(m->status));
        cli_put_line(f, m->title);
        fputs(" (", f);
        cli_put_line(f, m->atitle);
        fputs(")\n", f);
    }
}

static void register_text(FILE *f, const struct reg *r)
{
    if (r->nrows == 0) {
        fputs(_("No assessments.\n"), f);
        return;
    }
    /* TRANSLATORS: the column headers of dpia register; the columns
     * widen to fit them. OPEN and LATE count the open and the overdue
     * measures. */
    const char *h_id = _("ID"), *h_st = _("STATUS"), *h_risk = _("RISK"),
               *h_review = _("REVIEW"), *h_open = _("OPEN"), *h_late = _("LATE"),
               *h_resp = _("RESPONSIBLE"), *h_title = _("TITLE");
    int wid = width_of(2, h_id), wst = width_of(6, h_st), wrisk = width_of(8, h_risk),
        wrev = width_of(12, h_review), wopen = width_of(4, h_open),
        wlate = width_of(4, h_late), wresp = width_of(11, h_resp);
    for (size_t i = 0; i < r->nrows; i++) {
        const struct reg_row *w = &r->rows[i];
        char num[24];
        int n = snprintf(num, sizeof num, "%lld", (long long)w->id);
        wid = n > wid ? n : wid;
        wst = width_of(wst, assess_status_key(w->status));
        int rw = text_width(w->responsible);
        wresp = rw > wresp ? (rw > 24 ? 24 : rw) : wresp;
    }
    cli_put_padded(f, h_id, wid, false);
    fputs("  ", f);
    cli_put_padded(f, h_st, wst, false);
    fputs("  ", f);
    cli_put_padded(f, h_risk, wrisk, false);
    fputs("  ", f);
    cli_put_padded(f, h_review, wrev, false);
    fputs("  ", f);
    cli_put_padded(f, h_open, wopen, true);
    fputs("  ", f);
    cli_put_padded(f, h_late, wlate, true);
    fputs("  ", f);
    cli_put_padded(f, h_resp, wresp, false);
    fprintf(f, "  %s\n", h_title);
    for (size_t i = 0; i < r->nrows; i++) {
        const struct reg_row *w = &r->rows[i];
        fprintf(f, "%-*lld  %-*s  ", wid, (long long)w->id, wst, assess_status_key(w->status));
        put_col(f, w->highest_name, wrisk);
        char review[32];
        /* An overdue review is marked with "!", as the legend says. */
        snprintf(review, sizeof review, "%s%s", *w->review_date ? w->review_date : "-",
                 w->review_overdue ? " !" : "");
        fprintf(f, "%-*s  %*zu  %*d%s ", wrev, review, wopen, w->nopen, wlate, w->noverdue,
                w->noverdue ? "!" : " ");
        put_col(f, w->responsible, wresp);
        cli_put_line(f, w->title);
        putc('\n', f);
        if (*w->owners) {
            fprintf(f, "%*s  ", wid, "");
            /* TRANSLATORS: under an assessment in dpia register: who owns
             * its open measures. */
            fputs(_("owners: "), f);
            cli_put_line(f, w->owners);
            putc('\n', f);
        }
    }
    fputs(_("! overdue (a review date or a measure's due date before today)\n"), f);
    putc('\n', f);
    overdue_text(f, r);
}

static void register_tsv(FILE *f, const struct reg *r)
{
    fputs("id\tuuid\tstatus\tdecision\trisk\thigh\treview\treview_overdue\topen\toverdue\t"
          "owners\tresponsible\tresponsible_as\ttitle\n", f);
    for (size_t i = 0; i < r->nrows; i++) {
        const struct reg_row *w = &r->rows[i];
        fprintf(f, "%lld\t%s\t%s\t%s\t", (long long)w->id, w->uuid, assess_status_key(w->status),
                decision_key(w->decision));
        cli_put_tsv(f, w->highest_name);
        fprintf(f, "\t%s\t", w->highest_is_high ? "yes" : "no");
        cli_put_tsv(f, w->review_date);
        fprintf(f, "\t%s\t%zu\t%d\t", w->review_overdue ? "yes" : "no", w->nopen, w->noverdue);
        cli_put_tsv(f, w->owners);
        putc('\t', f);
        cli_put_tsv(f, w->responsible);
        fprintf(f, "\t%s\t", reg_responsible_key(w->responsible_from));
        cli_put_tsv(f, w->title);
        putc('\n', f);
    }
}

static void overdue_tsv(FILE *f, const struct reg *r)
{
    fputs("id\tassessment\tmeasure\tdue\towner\tstatus\ttitle\n", f);
    for (size_t i = 0; i < r->noverdue; i++) {
        const struct reg_measure *m = &r->measures[r->overdue[i]];
        fprintf(f, "%lld\t", (long long)m->assessment);
        cli_put_tsv(f, m->atitle);
        fprintf(f, "\tM%d\t", m->number);
        cli_put_tsv(f, m->due);
        putc('\t', f);
        cli_put_tsv(f, m->owner);
        fprintf(f, "\t%s\t", measure_status_key(m->status));
        cli_put_tsv(f, m->title);
        putc('\n', f);
    }
}

static void measure_json(FILE *f, const struct reg_measure *m)
{
    fprintf(f, "{\"assessment\": %lld, \"measure\": \"M%d\", \"title\": ", (long long)m->assessment,
            m->number);
    cli_put_json(f, m->title);
    fputs(", \"owner\": ", f);
    cli_put_json(f, m->owner);
    fputs(", \"due\": ", f);
    cli_put_json(f, m->due);
    fprintf(f, ", \"status\": \"%s\", \"overdue\": %s}", measure_status_key(m->status),
            m->overdue ? "true" : "false");
}

static void register_json(FILE *f, const struct reg *r)
{
    fprintf(f, "{\"today\": \"%s\", \"assessments\": [", r->today);
    for (size_t i = 0; i < r->nrows; i++) {
        const struct reg_row *w = &r->rows[i];
        fprintf(f, "%s\n  {\"id\": %lld, \"uuid\": \"%s\", \"status\": \"%s\", \"decision\": \"%s\", "
                "\"risk\": ", i ? "," : "", (long long)w->id, w->uuid,
                assess_status_key(w->status), decision_key(w->decision));
        cli_put_json(f, w->highest_name);
        fprintf(f, ", \"high\": %s, \"review_date\": ", w->highest_is_high ? "true" : "false");
        cli_put_json(f, w->review_date);
        fprintf(f, ", \"review_overdue\": %s, \"responsible\": ",
                w->review_overdue ? "true" : "false");
        cli_put_json(f, w->responsible);
        fprintf(f, ", \"responsible_as\": \"%s\", \"title\": ",
                reg_responsible_key(w->responsible_from));
        cli_put_json(f, w->title);
        fprintf(f, ", \"open\": %zu, \"overdue\": %d, \"measures\": [", w->nopen, w->noverdue);
        for (size_t k = 0; k < w->nopen; k++) {
            fputs(k ? ", " : "", f);
            measure_json(f, &r->measures[w->first + k]);
        }
        fputs("]}", f);
    }
    fprintf(f, "%s], \"overdue\": [", r->nrows ? "\n" : "");
    for (size_t i = 0; i < r->noverdue; i++) {
        fputs(i ? ",\n  " : "\n  ", f);
        measure_json(f, &r->measures[r->overdue[i]]);
    }
    fprintf(f, "%s]}\n", r->noverdue ? "\n" : "");
}

struct bytes {
    const char *p;
    size_t n;
};

static int put_bytes(void *ctx, const struct sink *out, struct err *e)
{
    const struct bytes *b = ctx;
    if (sink_write(out, b->p, b->n) < 0)
        return err_set(e, "%s", strerror(errno));
    return 0;
}

static int register_usage(void)
{
    msg_error(_("usage: dpia register [--format text|tsv|json|html|csv] [--overdue] "
                "[--sort due|title|status|risk|review] [--status S] [--all] [-o FILE] [--force] [--follow-symlinks]"));
    return EXIT_USAGE;
}

int cmd_register(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "format", required_argument, NULL, 'f' },
        { "sort", required_argument, NULL, 's' },
        { "status", required_argument, NULL, 'S' },
        { "all", no_argument, NULL, 'a' },
        { "overdue", no_argument, NULL, 'O' },
        { "output", required_argument, NULL, 'o' },
        { "force", no_argument, NULL, 'F' },
        { "follow-symlinks", no_argument, NULL, 'L' },
        { NULL, 0, NULL, 0 },
    };
    static const char *const formats[] = { "text", "tsv", "json", "html", "csv" };
    int fmt = RG_TEXT, sort = REG_SORT_DUE, st = -1, c;
    bool all = false, overdue = false;
    const char *output = NULL;
    unsigned flags = 0;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":f:o:", lo, NULL)) != -1) {
        switch (c) {
        case 'f':
            fmt = -1;
            for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
                if (strcmp(optarg, formats[i]) == 0)
                    fmt = (int)i;
            if (fmt < 0) {
                msg_error(_("register: unknown format '%s' (text, tsv, json, html or csv)"), optarg);
                return EXIT_USAGE;
            }
            break;
        case 's':
            sort = reg_sort_parse(optarg);
            if (sort < 0) {
                msg_error(_("register: unknown order '%s' (due, title, status, risk or review)"),
                          optarg);
                return EXIT_USAGE;
            }
            break;
        case 'S':
            st = assess_status_parse(optarg);
            if (st < 0) {
                msg_error(_("register: unknown status '%s' (draft, review, approved, "
                            "approved-with-conditions, rejected, referred, not-required or "
                            "archived)"), optarg);
                return EXIT_USAGE;
            }
            break;
        case 'a':
            all = true;
            break;
        case 'O':
            overdue = true;
            break;
        case 'o':
            output = optarg;
            break;
        case 'F':
            flags |= IO_OUT_FORCE;
            break;
        case 'L':
            flags |= IO_OUT_FOLLOW;
            break;
        default:
            return cli_bad_option("register", c, argv);
        }
    }
    if (optind < argc)
        return register_usage();
    if (overdue && fmt != RG_TSV && fmt != RG_CSV) {
        msg_error(_("register: --overdue goes with --format tsv or csv (the others hold both "
                    "lists)"));
        return EXIT_USAGE;
    }
    /* An archived assessment is asked for by its status too. */
    if (st == ST_ARCHIVED)
        all = true;
    struct store *s;
    int rc = cli_open(g, false, &s);
    if (rc)
        return rc;
    char today[16];
    ops_report_today(today);
    struct reg r = { 0 };
    struct err e;
    if (s && ops_register(s, all, st, (enum reg_sort)sort, today, &r, &e) < 0) {
        msg_error("%s", e.text);
        store_close(s);
        return EXIT_WORK;
    }
    if (!s)
        reg_settle(&r, today);
    /* Made whole in memory (a few hundred bytes an assessment), then
     * written to standard output or to the file as an export is. */
    char *mem = NULL;
    size_t len = 0;
    struct buf b = { 0 };
    if (fmt == RG_HTML) {
        report_register_html(&r, today, &b);
    } else if (fmt == RG_CSV) {
        if (overdue)
            report_register_overdue_csv(&r, &b);
        else
            report_register_csv(&r, &b);
    } else {
        FILE *f = open_memstream(&mem, &len);
        if (!f) {
            /* As the x* functions of util/xalloc.h end it. */
            msg_error("%s", strerror(errno));
            exit(EXIT_WORK);
        }
        if (fmt == RG_TEXT)
            register_text(f, &r);
        else if (fmt == RG_TSV && overdue)
            overdue_tsv(f, &r);
        else if (fmt == RG_TSV)
            register_tsv(f, &r);
        else
            register_json(f, &r);
        if (fclose(f) != 0) {
            msg_error("%s", strerror(errno));
            exit(EXIT_WORK);
        }
        buf_add(&b, mem, len);
        free(mem);
    }
    struct bytes bytes = { b.data ? b.data : "", b.len };
    if (output && strcmp(output, "-") != 0) {
        rc = ops_write_file(s, output, flags, true, put_bytes, &bytes, &e);
    } else {
        rc = fwrite(bytes.p, 1, bytes.n, stdout) == bytes.n && cli_flush_stdout() ? 0 : -1;
        if (rc < 0)
            err_set(&e, _("register: cannot write to standard output: %s"), strerror(errno));
    }
    if (rc < 0)
        msg_error("%s", e.text);
    buf_free(&b);
    reg_free(&r);
    store_close(s);
    return rc < 0 ? EXIT_WORK : 0;
}

/* --- due ------------------------------------------------------------------ */

struct due_item {
    const char *date;
    bool overdue;
    int64_t id;
    int measure;           /* 0: the review */
    const char *owner, *title, *atitle;
};

static int due_cmp(const void *pa, const void *pb)
{
    const struct due_item *a = pa, *b = pb;
    int c = strcmp(a->date, b->date);
    if (c == 0)
        c = (a->id > b->id) - (a->id < b->id);
    return c ? c : a->measure - b->measure;
}

int cmd_due(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "within", required_argument, NULL, 'w' },
        { NULL, 0, NULL, 0 },
    };
    int within = 30, c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":w:", lo, NULL)) != -1) {
        if (c == 'w' && cli_parse_int(optarg, 0, 36500, &within))
            continue;
        if (c == 'w') {
            msg_error(_("due: --within takes a number of days from 0 to 36500, not '%s'"), optarg);
            return EXIT_USAGE;
        }
        return cli_bad_option("due", c, argv);
    }
    if (optind < argc) {
        msg_error(_("usage: dpia due [--within DAYS]"));
        return EXIT_USAGE;
    }
    struct store *s;
    int rc = cli_open(g, false, &s);
    if (rc)
        return rc;
    char today[16], limit[DATE_ISO_SIZE], plus[32];
    ops_today(today);
    snprintf(plus, sizeof plus, "+%dd", within);
    struct err e;
    if (date_parse(plus, today, limit, &e) < 0) {
        /* Past the calendar's last year: everything dated is within. */
        snprintf(limit, sizeof limit, "9999-12-31");
    }
    struct reg r = { 0 };
    if (s && ops_register(s, false, -1, REG_SORT_DUE, today, &r, &e) < 0) {
        msg_error("%s", e.text);
        store_close(s);
        return EXIT_WORK;
    }
    struct due_item *items = xcalloc(r.nrows + r.nmeasures + 1, sizeof *items);
    size_t n = 0, late = 0;
    for (size_t i = 0; i < r.nrows; i++) {
        const struct reg_row *w = &r.rows[i];
        if (reg_due_by(w->review_date, limit))
            items[n++] = (struct due_item){ w->review_date, w->review_overdue, w->id, 0, "",
                                            "", w->title };
        for (size_t k = 0; k < w->nopen; k++) {
            const struct reg_measure *m = &r.measures[w->first + k];
            if (reg_due_by(m->due, limit))
                items[n++] = (struct due_item){ m->due, m->overdue, w->id, m->number,
                                                m->owner, m->title, w->title };
        }
    }
    qsort(items, n, sizeof *items, due_cmp);
    if (n == 0) {
        printf(P_("Nothing is due within %d day.\n", "Nothing is due within %d days.\n", within),
               within);
    } else {
        /* TRANSLATORS: the column headers of dpia due. */
        const char *h_state = _("STATE"), *h_date = _("DATE"), *h_id = _("ID"),
                   *h_what = _("WHAT"), *h_owner = _("OWNER"), *h_title = _("TITLE");
        /* TRANSLATORS: the state of an item in dpia due. */
        const char *s_late = _("overdue"), *s_due = _("due");
        int wst = width_of(width_of(5, h_state), s_late), wdate = width_of(10, h_date),
            wid = width_of(2, h_id), wwhat = width_of(6, h_what), wowner = width_of(5, h_owner);
        wst = width_of(wst, s_due);
        const char *review = _("review");
        wwhat = width_of(wwhat, review);
        for (size_t i = 0; i < n; i++) {
            int w = text_width(items[i].owner);
            wowner = w > wowner ? (w > 24 ? 24 : w) : wowner;
        }
        cli_put_padded(stdout, h_state, wst, false);
        fputs("  ", stdout);
        cli_put_padded(stdout, h_date, wdate, false);
        fputs("  ", stdout);
        cli_put_padded(stdout, h_id, wid, false);
        fputs("  ", stdout);
        cli_put_padded(stdout, h_what, wwhat, false);
        fputs("  ", stdout);
        cli_put_padded(stdout, h_owner, wowner, false);
        printf("  %s\n", h_title);
        for (size_t i = 0; i < n; i++) {
            const struct due_item *it = &items[i];
            late += it->overdue;
            cli_put_padded(stdout, it->overdue ? s_late : s_due, wst, false);
            printf("  %-*s  %-*lld  ", wdate, it->date, wid, (long long)it->id);
            char ref[24];
            snprintf(ref, sizeof ref, "M%d", it->measure);
            cli_put_padded(stdout, it->measure ? ref : review, wwhat, false);
            fputs("  ", stdout);
            put_col(stdout, it->owner, wowner);
            if (it->measure) {
                cli_put_line(stdout, it->title);
                fputs(" (", stdout);
                cli_put_line(stdout, it->atitle);
                fputs(")", stdout);
            } else {
                cli_put_line(stdout, it->atitle);
            }
            putchar('\n');
        }
    }
    free(items);
    reg_free(&r);
    store_close(s);
    if (!cli_flush_stdout()) {
        msg_error(_("due: cannot write to standard output: %s"), strerror(errno));
        return EXIT_WORK;
    }
    return late ? EXIT_WORK : 0;
}
