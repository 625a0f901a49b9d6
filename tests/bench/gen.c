/*
 * Databases for the benchmarks, written through the store API itself so
 * they look exactly like what the program makes:
 *
 *   bench-gen many DB N   N assessments of the built-in template, each
 *                         with a few text answers (sentences of realistic
 *                         length), the screening decision, now and then a
 *                         risk, a measure and a status; one transaction
 *   bench-gen big DB [ANSWERS [RISKS [HISTORY]]]
 *                         one assessment with ANSWERS answers (2,000) and
 *                         RISKS risks (500; and half as many measures):
 *                         the built-in template plus a generated section
 *                         of extra text questions, so that every answer
 *                         belongs to a real question. With HISTORY, the
 *                         answers are then changed again, one after the
 *                         other, until the change log holds that many
 *                         entries. Prints its id.
 *   bench-gen fresh DB    one new assessment of the built-in template,
 *                         nothing answered. Prints its id.
 *   bench-gen sha FILE    the CPU time (ms) of dpia's SHA-256 over FILE:
 *                         the floor of a record's digest
 *
 * The text is drawn from a fixed list with a fixed seed: the same
 * command always writes the same content (times and uuids aside).
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/tmpl.h"
#include "io/io.h"
#include "store/store.h"
#include "util/buf.h"
#include "util/sha256.h"

#define BIG_ANSWERS 2000
#define BIG_RISKS 500

static const char *const sentences[] = {
    "Viewing records are observed automatically by the player apps each time "
    "a subscriber starts, pauses or stops a title.",
    "The analytics team extracts aggregate counts from the data warehouse "
    "once a week and removes groups smaller than fifty people.",
    "Subscribers are told about the processing in the privacy notice and in "
    "a banner shown the first time they open the app after the change.",
    "Access to individual records is limited to four named analysts and every "
    "query is logged and reviewed monthly by the security team.",
    "The cloud provider hosting the warehouse acts as a processor under a "
    "contract that meets Article 28 and keeps the data in the EU.",
    "Records older than thirteen months are deleted by a nightly job; "
    "aggregates are kept for three years for year-on-year comparisons.",
    "People can object through the account settings page; an objection "
    "takes effect within a day and removes them from every extract.",
    "The legitimate interest assessment weighs the promotional value of the "
    "posts against subscribers' reasonable expectations of privacy.",
    "Viewing can reveal health, sexuality or religion, so titles in those "
    "categories are excluded from every published figure.",
    "The DPO was consulted at the design stage and again before launch; "
    "her advice is recorded in the sign-off section.",
};
#define NSENT (sizeof sentences / sizeof sentences[0])

static uint32_t seed = 12345;
static uint32_t rnd(void)
{
    seed = seed * 1103515245u + 12345u;
    return seed >> 8;
}

/* A paragraph of n sentences, in b (cleared first). */
static const char *para(struct buf *b, int n)
{
    buf_clear(b);
    for (int i = 0; i < n; i++) {
        if (i)
            buf_addc(b, ' ');
        buf_adds(b, sentences[rnd() % NSENT]);
    }
    return buf_str(b);
}

static int fail(struct store *s, struct err *e)
{
    fprintf(stderr, "bench-gen: %s\n", e->text);
    store_close(s);
    return 1;
}

/* The text questions of a template, to answer. */
static size_t text_questions(const struct tmpl *t, const char **ids, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < t->nquestions && n < max; i++)
        if (t->questions[i].type == QT_TEXT && t->questions[i].nconditions == 0)
            ids[n++] = t->questions[i].id;
    return n;
}

static int add_risk(struct store *s, struct assessment *a, struct buf *b, long i, struct err *e)
{
    char title[96];
    snprintf(title, sizeof title, "Re-identification of subscribers from published figure %ld", i);
    struct risk r = { 0 };
    r.title = title;
    char *d = strdup(para(b, 2));
    r.description = d;
    r.source = (char *)"Analysts, the social-media team, readers of the posts";
    r.impacts = (char *)"Disclosure of viewing habits to friends, family or employers";
    r.threats = (char *)"Small counts cross-referenced with public posts";
    r.likelihood_why = r.severity_why = (char *)"Scored in the workshop of 12 March";
    r.likelihood_after_why = r.severity_after_why = (char *)"After aggregation thresholds";
    r.likelihood = 1 + (int)(rnd() % 4);
    r.severity = 1 + (int)(rnd() % 4);
    r.likelihood_after = 1 + (int)(rnd() % 2);
    r.severity_after = 1 + (int)(rnd() % 3);
    int rc = store_add_risk(s, a, &r, e);
    free(d);
    return rc;
}

static int add_measure(struct store *s, struct assessment *a, struct buf *b, long i, int risk,
                       struct err *e)
{
    char title[96];
    snprintf(title, sizeof title, "Minimum group size for published figure %ld", i);
    struct measure m = { 0 };
    m.title = title;
    char *d = strdup(para(b, 1));
    m.description = d;
    m.type = (enum measure_type)(rnd() % MT_COUNT);
    m.owner = (char *)"Head of analytics";
    m.due = (char *)"2027-03-31";
    m.status = (enum measure_status)(rnd() % MS_COUNT);
    m.risks = &risk;
    m.nrisks = risk > 0;
    int rc = store_add_measure(s, a, &m, e);
    free(d);
    return rc;
}

static int many(const char *db, long n)
{
    struct err e;
    struct store *s = store_open(db, false, "bench", &e);
    if (!s || store_batch_begin(s, &e) < 0)
        return fail(s, &e);
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    const struct tmpl *t = tmpl_builtin();
    const char *ids[16];
    size_t nids = text_questions(t, ids, 16);
    struct buf b = { 0 };
    static const char *const campaigns[] = {
        "Viewing-history campaign", "Customer loyalty scoring", "CCTV at the depot",
        "HR absence analytics", "Newsletter personalisation", "Fraud detection rules",
    };
    for (long i = 1; i <= n; i++) {
        char title[96];
        snprintf(title, sizeof title, "%s %ld (%s team)", campaigns[i % 6], i,
                 i % 2 ? "marketing" : "operations");
        int64_t id = store_create(s, title, xml, len, NULL, &e);
        if (id < 0)
            return fail(s, &e);
        /* The built-in template borrowed, not parsed again per row. */
        struct assessment *a = assess_new();
        a->id = id;
        a->tmpl = (struct tmpl *)(uintptr_t)t;
        int ok = store_set_answer(s, a, "scr.evaluation", i % 2 ? "yes" : "no", "", false, 0, 0, &e);
        for (size_t k = 0; ok == 0 && k < 4 && k < nids; k++)
            ok = store_set_answer(s, a, ids[(i + k) % nids], para(&b, 1 + (int)(rnd() % 3)), "",
                                  false, 0, 0, &e);
        if (ok == 0 && i % 3 == 0)
            ok = add_risk(s, a, &b, i, &e);
        if (ok == 0 && i % 6 == 0)
            ok = add_measure(s, a, &b, i, 1, &e);
        if (ok == 0 && i % 7 == 0)
            ok = store_set_status(s, a, i % 14 ? ST_REVIEW : ST_ARCHIVED, &e);
        a->tmpl = NULL;
        assess_free(a);
        if (ok != 0)
            return fail(s, &e);
    }
    buf_free(&b);
    if (store_batch_end(s, true, &e) < 0)
        return fail(s, &e);
    store_close(s);
    return 0;
}

/* The built-in template with a section of extra text questions inserted
 * before the risk register, enough for `total` text answers in all. */
static char *big_template(size_t total, size_t *len)
{
    size_t blen;
    const char *base = tmpl_builtin_xml(&blen);
    const char *at = strstr(base, "<section id=\"risks\"");
    if (!at)
        return NULL;
    const struct tmpl *t = tmpl_builtin();
    const char *ids[256];
    size_t have = text_questions(t, ids, 256);
    struct buf b = { 0 };
    buf_add(&b, base, (size_t)(at - base));
    buf_adds(&b, "<section id=\"annex\">\n<title>Processing inventory</title>\n");
    for (size_t i = have; i < total; i++) {
        char q[160];
        snprintf(q, sizeof q, "<question id=\"annex.q%04zu\" type=\"text\">"
                 "<prompt>Inventory entry %zu: what is done with this data set?</prompt>"
                 "</question>\n", i, i);
        buf_adds(&b, q);
    }
    buf_adds(&b, "</section>\n");
    buf_adds(&b, at);
    *len = b.len;
    return buf_take(&b);
}

static int big(const char *db, long answers, long risks, long history)
{
    struct err e;
    size_t len;
    char *xml = big_template((size_t)answers, &len);
    struct store *s = xml ? store_open(db, false, "bench", &e) : NULL;
    if (!s) {
        free(xml);
        return xml ? fail(s, &e) : 1;
    }
    char title[96];
    snprintf(title, sizeof title, "Group-wide processing inventory (%ld answers)", answers);
    int64_t id = store_batch_begin(s, &e) < 0 ? -1 :
        store_create(s, title, xml, len, NULL, &e);
    free(xml);
    struct assessment *a = id < 0 ? NULL : store_load(s, id, &e);
    if (!a)
        return fail(s, &e);
    struct buf b = { 0 };
    const char **ids = calloc(a->tmpl->nquestions, sizeof *ids);
    size_t nids = text_questions(a->tmpl, ids, a->tmpl->nquestions);
    int ok = store_set_answer(s, a, "scr.evaluation", "yes", "", false, 0, 0, &e);
    for (size_t k = 0; ok == 0 && k < nids && (long)k < answers - 1; k++)
        ok = store_set_answer(s, a, ids[k], para(&b, 1 + (int)(rnd() % 3)), "", false, 0, 0, &e);
    for (long i = 1; ok == 0 && i <= risks; i++)
        ok = add_risk(s, a, &b, i, &e);
    for (long i = 1; ok == 0 && i <= risks / 2; i++)
        ok = add_measure(s, a, &b, i, (int)(2 * i), &e);
    /* More changes, each its own entry of the change log (one that
     * happens to write the same text again writes nothing). */
    for (long k = 0; ok == 0 && (long)a->nhistory < history && nids > 0; k++) {
        const char *q = ids[(size_t)k % nids];
        const struct answer *an = assess_answer(a, q);
        char *v = strdup(para(&b, 1 + (int)(rnd() % 3)));
        ok = store_set_answer(s, a, q, v, "", false, an ? an->revision : 0, 0, &e);
        free(v);
    }
    free(ids);
    buf_free(&b);
    assess_free(a);
    if (ok != 0 || store_batch_end(s, true, &e) < 0)
        return fail(s, &e);
    store_close(s);
    printf("%lld\n", (long long)id);
    return 0;
}

static int fresh(const char *db)
{
    struct err e;
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    struct store *s = store_open(db, false, "bench", &e);
    int64_t id = s ? store_create(s, "A new assessment", xml, len, NULL, &e) : -1;
    if (id < 0)
        return fail(s, &e);
    store_close(s);
    printf("%lld\n", (long long)id);
    return 0;
}

static int sha(const char *path)
{
    struct err e;
    size_t len;
    char *data = io_read_file(path, (size_t)1 << 31, &len, &e);
    if (!data) {
        fprintf(stderr, "bench-gen: %s\n", e.text);
        return 1;
    }
    struct timespec t0, t1;
    char hex[65];
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t0);
    sha256_of(data, len, hex);
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t1);
    printf("%.2f\n", (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
    free(data);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc == 4 && strcmp(argv[1], "many") == 0)
        return many(argv[2], strtol(argv[3], NULL, 10));
    if (argc >= 3 && argc <= 6 && strcmp(argv[1], "big") == 0)
        return big(argv[2], argc > 3 ? strtol(argv[3], NULL, 10) : BIG_ANSWERS,
                   argc > 4 ? strtol(argv[4], NULL, 10) : BIG_RISKS,
                   argc > 5 ? strtol(argv[5], NULL, 10) : 0);
    if (argc == 3 && strcmp(argv[1], "fresh") == 0)
        return fresh(argv[2]);
    if (argc == 3 && strcmp(argv[1], "sha") == 0)
        return sha(argv[2]);
    fprintf(stderr, "usage: bench-gen many DB N | bench-gen big DB [ANSWERS [RISKS [HISTORY]]] "
            "| bench-gen fresh DB\n");
    return 2;
}
