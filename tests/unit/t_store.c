/* Unit tests of the store on temporary files: creating and loading,
 * answers and conflicts, risks and measures with their links, sign-offs,
 * history, duplicate, delete, insert, opening checks, checkpoints and
 * backups. */
#include "config.h"

#include <locale.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

#include "unit.h"
#include "unit_db.h"
#include "core/tmpl.h"
#include "store/store.h"

static char dir[] = "/tmp/dpia-t-store.XXXXXX";
static char path[256];
static int serial;

static struct store *fresh(void)
{
    char name[32];
    snprintf(name, sizeof name, "sub/db%d.sqlite", ++serial);
    unit_db(path, sizeof path, dir, name);
    struct err e;
    struct store *s = store_open(path, false, "unit", &e);
    if (!s)
        fail_msg("store_open: %s", e.text);
    return s;
}

static int64_t create(struct store *s, const char *title)
{
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    struct err e;
    int64_t id = store_create(s, title, xml, len, NULL, &e);
    if (id < 0)
        fail_msg("store_create: %s", e.text);
    return id;
}

static struct assessment *load(struct store *s, int64_t id)
{
    struct err e;
    struct assessment *a = store_load(s, id, &e);
    if (!a)
        fail_msg("store_load: %s", e.text);
    return a;
}

static bool history_has(const struct assessment *a, const char *what, const char *old_value,
                        const char *new_value)
{
    for (size_t i = 0; i < a->nhistory; i++)
        if (strcmp(a->history[i].what, what) == 0 &&
            (!old_value || strcmp(a->history[i].old_value, old_value) == 0) &&
            (!new_value || strcmp(a->history[i].new_value, new_value) == 0))
            return true;
    return false;
}

static void test_create_load(void **state)
{
    struct store *s = fresh();
    struct stat sb;
    if (!unit_on_pg()) {
        assert_int_equal(stat(path, &sb), 0);
        assert_int_equal(sb.st_mode & 0777, 0600);
    }
    assert_false(store_is_read_only(s));
    assert_string_equal(store_who(s), "unit");
    int64_t id = create(s, "Loyalty programme");
    struct assessment *a = load(s, id);
    assert_int_equal(a->id, id);
    assert_string_equal(a->title, "Loyalty programme");
    assert_int_equal(a->status, ST_DRAFT);
    assert_int_equal(strlen(a->uuid), 36);
    assert_non_null(a->tmpl);
    assert_string_equal(a->tmpl->id, "gdpr-dpia");
    assert_true(a->created > 0);
    assert_true(history_has(a, "created", "", "Loyalty programme"));
    /* Two assessments from the same template share one snapshot. */
    int64_t id2 = create(s, "Second");
    struct err e;
    size_t l1, l2;
    char *x1 = store_template_xml(s, id, &l1, &e), *x2 = store_template_xml(s, id2, &l2, &e);
    assert_non_null(x1);
    assert_int_equal(l1, l2);
    assert_memory_equal(x1, x2, l1);
    free(x1);
    free(x2);
    assert_null(store_load(s, 999, &e));
    assert_non_null(strstr(e.text, "no assessment 999"));
    assert_int_equal(store_create(s, "", "x", 1, NULL, &e), -1);
    assert_int_equal(store_create(s, "Bad template", "<nope/>", 7, NULL, &e), -1);
    assess_free(a);
    store_close(s);
}

static void test_answers_and_conflict(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s, "Answers");
    struct assessment *a = load(s, id), *b = load(s, id);
    struct err e;
    assert_int_equal(store_set_answer(s, a, "scr.evaluation", "yes", "", false, 0, 0, &e), 0);
    const struct answer *an = assess_answer(a, "scr.evaluation");
    assert_non_null(an);
    assert_int_equal(an->revision, 1);
    assert_string_equal(an->who, "unit");
    /* b read the answer before a wrote it: its write is a conflict. */
    assert_int_equal(store_set_answer(s, b, "scr.evaluation", "no", "", false, 0, 0, &e),
                     STORE_CONFLICT);
    assert_non_null(strstr(e.text, "yes"));
    /* With the current revision it goes through. */
    assert_int_equal(store_set_answer(s, b, "scr.evaluation", "no", "why", true, 1, 0, &e), 0);
    struct assessment *c = load(s, id);
    an = assess_answer(c, "scr.evaluation");
    assert_string_equal(an->value, "no");
    assert_string_equal(an->note, "why");
    assert_true(an->flagged);
    assert_int_equal(an->revision, 2);
    assert_true(history_has(c, "note scr.evaluation", "", "why"));
    assert_true(history_has(c, "follow-up scr.evaluation", "no", "yes"));
    /* Two choices are two entries, even by one person within a minute. */
    assert_true(history_has(c, "answer scr.evaluation", "", "yes"));
    assert_true(history_has(c, "answer scr.evaluation", "yes", "no"));
    /* Writing the same again changes nothing, not even the revision. */
    assert_int_equal(store_set_answer(s, b, "scr.evaluation", "no", "why", true, 2, 0, &e), 0);
    assess_free(c);
    c = load(s, id);
    assert_int_equal(assess_answer(c, "scr.evaluation")->revision, 2);
    /* Clearing keeps the row (and its revision count). */
    assert_int_equal(store_set_answer(s, b, "scr.evaluation", "", "", false, 2, 0, &e), 0);
    assess_free(c);
    c = load(s, id);
    assert_null(assess_value(c, "scr.evaluation"));
    assert_int_equal(assess_answer(c, "scr.evaluation")->revision, 3);
    assess_free(a);
    assess_free(b);
    assess_free(c);
    store_close(s);
}

static struct risk make_risk(const char *title, int l, int sv, int la, int sa)
{
    struct risk r;
    memset(&r, 0, sizeof r);
    r.title = (char *)title;
    r.description = r.source = r.impacts = r.threats = (char *)"";
    r.likelihood_why = r.severity_why = r.likelihood_after_why = r.severity_after_why = (char *)"";
    r.likelihood = l;
    r.severity = sv;
    r.likelihood_after = la;
    r.severity_after = sa;
    return r;
}

static void test_risks_measures(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s, "Register");
    struct assessment *a = load(s, id);
    struct err e;
    struct risk r1 = make_risk("Re-identification", 3, 4, 2, 2);
    struct risk r2 = make_risk("Profiling", 4, 4, 0, 0);
    assert_int_equal(store_add_risk(s, a, &r1, &e), 0);
    assert_int_equal(store_add_risk(s, a, &r2, &e), 0);
    assert_int_equal(r1.number, 1);
    assert_int_equal(r2.number, 2);
    assert_int_equal(a->nrisks, 2);
    struct risk bad = make_risk("Too likely", 9, 1, 0, 0);
    assert_int_equal(store_add_risk(s, a, &bad, &e), -1);

    int links[] = { 1, 2 };
    struct measure m;
    memset(&m, 0, sizeof m);
    m.title = (char *)"Pseudonymise";
    m.description = (char *)"";
    m.owner = (char *)"IT";
    m.due = (char *)"2027-01-31";
    m.status = MS_PLANNED;
    m.type = MT_TECHNICAL;
    m.risks = links;
    m.nrisks = 2;
    assert_int_equal(store_add_measure(s, a, &m, &e), 0);
    assert_int_equal(m.number, 1);
    int missing[] = { 7 };
    struct measure m2 = m;
    m2.risks = missing;
    m2.nrisks = 1;
    assert_int_equal(store_add_measure(s, a, &m2, &e), -1);
    assert_non_null(strstr(e.text, "R7"));
    assert_int_equal(a->nmeasures, 1);

    struct assessment *b = load(s, id);
    assert_int_equal(b->nrisks, 2);
    assert_string_equal(b->risks[0].title, "Re-identification");
    assert_int_equal(b->risks[0].likelihood, 3);
    assert_int_equal(b->nmeasures, 1);
    assert_int_equal(b->measures[0].nrisks, 2);
    assert_int_equal(b->measures[0].risks[1], 2);
    assert_string_equal(b->measures[0].due, "2027-01-31");

    /* Update: only changed fields in the history. */
    struct risk up = b->risks[0];
    up.severity = 2;
    assert_int_equal(store_update_risk(s, b, &up, &e), 0);
    assert_int_equal(b->risks[0].severity, 2);
    struct measure mu = b->measures[0];
    mu.status = MS_DONE;
    int one[] = { 1 };
    mu.risks = one;
    mu.nrisks = 1;
    assert_int_equal(store_update_measure(s, b, &mu, &e), 0);
    assert_int_equal(b->measures[0].status, MS_DONE);
    assert_int_equal(b->measures[0].nrisks, 1);
    assert_true(history_has(b, "risk R1 severity", "4", "2"));
    assert_true(history_has(b, "measure M1 status", "planned", "done"));
    assert_true(history_has(b, "measure M1 risks", "R1, R2", "R1"));
    assert_false(history_has(b, "risk R1 title", NULL, NULL));

    /* Deleting a risk removes its links; numbers are never reused. */
    assert_int_equal(store_delete_risk(s, b, b->risks[0].id, &e), 0);
    assert_int_equal(b->nrisks, 1);
    assert_int_equal(b->measures[0].nrisks, 0);
    struct risk r3 = make_risk("Third", 1, 1, 0, 0);
    assert_int_equal(store_add_risk(s, b, &r3, &e), 0);
    assert_int_equal(r3.number, 3);
    struct assessment *c = load(s, id);
    assert_int_equal(c->nrisks, 2);
    assert_int_equal(c->measures[0].nrisks, 0);
    assert_true(history_has(c, "risk R1 deleted", "Re-identification", ""));
    assert_int_equal(store_delete_measure(s, c, c->measures[0].id, &e), 0);
    assert_int_equal(c->nmeasures, 0);
    assess_free(c);
    c = load(s, id);
    assert_int_equal(c->nmeasures, 0);

    /* The listing's summary follows: R2 is High before measures. */
    struct store_list l;
    assert_int_equal(store_list(s, false, &l, &e), 0);
    assert_int_equal(l.count, 1);
    assert_string_equal(l.items[0].highest_name, "High");
    assert_true(l.items[0].highest_is_high);
    store_list_free(&l);
    assess_free(a);
    assess_free(b);
    assess_free(c);
    store_close(s);
}

static void test_signoffs_status(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s, "Signed");
    struct assessment *a = load(s, id);
    struct err e;
    struct signoff so = a->signoffs[SR_DPO];
    so.name = (char *)"Dana";
    so.advice = (char *)"Go ahead";
    so.advice_followed = 0;
    so.why_not = (char *)"Cost";
    so.date = (char *)"2026-12-01";
    assert_int_equal(store_set_signoff(s, a, &so, &e), 0);
    assert_string_equal(a->signoffs[SR_DPO].name, "Dana");
    so.date = (char *)"2026-13-01";
    assert_int_equal(store_set_signoff(s, a, &so, &e), -1);
    assert_int_equal(store_set_status(s, a, ST_REVIEW, &e), 0);
    assert_int_equal(store_set_title(s, a, "Signed off", &e), 0);
    assert_int_equal(store_set_review_date(s, a, "2027-06-30", &e), 0);
    assert_int_equal(store_set_review_date(s, a, "soon", &e), -1);
    struct assessment *b = load(s, id);
    assert_string_equal(b->signoffs[SR_DPO].advice, "Go ahead");
    assert_int_equal(b->signoffs[SR_DPO].advice_followed, 0);
    assert_string_equal(b->signoffs[SR_DPO].why_not, "Cost");
    assert_string_equal(b->signoffs[SR_CONTROLLER].name, "");
    assert_int_equal(b->status, ST_REVIEW);
    assert_string_equal(b->title, "Signed off");
    assert_string_equal(b->review_date, "2027-06-30");
    assert_true(history_has(b, "status", "draft", "review"));
    assert_true(history_has(b, "title", "Signed", "Signed off"));
    assert_true(history_has(b, "sign-off dpo advice followed", "", "no"));
    /* Archived ones leave the listing unless asked for. */
    assert_int_equal(store_set_status(s, b, ST_ARCHIVED, &e), 0);
    struct store_list l;
    assert_int_equal(store_list(s, false, &l, &e), 0);
    assert_int_equal(l.count, 0);
    store_list_free(&l);
    assert_int_equal(store_list(s, true, &l, &e), 0);
    assert_int_equal(l.count, 1);
    assert_int_equal(l.items[0].status, ST_ARCHIVED);
    store_list_free(&l);
    assess_free(a);
    assess_free(b);
    store_close(s);
}

/* How many history entries of `what` the assessment has. */
static int history_count(const struct assessment *a, const char *what)
{
    int n = 0;
    for (size_t i = 0; i < a->nhistory; i++)
        n += strcmp(a->history[i].what, what) == 0;
    return n;
}

/* Two sessions read the same assessment; what one saves is never
 * overwritten by the other without asking: STORE_CONFLICT, naming what
 * changed, nothing written. */
static void test_record_conflicts(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s, "Two sessions");
    struct assessment *a = load(s, id);
    struct err e;
    struct risk r = make_risk("Re-identification", 1, 1, 0, 0);
    assert_int_equal(store_add_risk(s, a, &r, &e), 0);
    int links[] = { 1 };
    struct measure m;
    memset(&m, 0, sizeof m);
    m.title = (char *)"Aggregate";
    m.description = m.owner = m.due = (char *)"";
    m.risks = links;
    m.nrisks = 1;
    assert_int_equal(store_add_measure(s, a, &m, &e), 0);
    struct assessment *b = load(s, id);

    /* B raises the severity; A, which read severity 1, edits the title. */
    struct risk rb;
    assess_risk_copy(&rb, &b->risks[0]);
    rb.severity = 4;
    assert_int_equal(store_update_risk(s, b, &rb, &e), 0);
    struct risk ra;
    assess_risk_copy(&ra, &a->risks[0]);
    free(ra.title);
    ra.title = strdup("Re-identification from small counts");
    assert_int_equal(store_update_risk(s, a, &ra, &e), STORE_CONFLICT);
    assert_non_null(strstr(e.text, "risk R1 was changed in another session"));
    assert_non_null(strstr(e.text, "severity: 1"));
    assert_int_equal(store_delete_risk(s, a, ra.id, &e), STORE_CONFLICT);
    struct assessment *c = load(s, id);
    assert_int_equal(c->risks[0].severity, 4);
    assert_string_equal(c->risks[0].title, "Re-identification");
    assess_free(c);

    /* The measure's status, and the risks it addresses. */
    struct measure mb;
    assess_measure_copy(&mb, &b->measures[0]);
    mb.status = MS_DONE;
    assert_int_equal(store_update_measure(s, b, &mb, &e), 0);
    struct measure ma;
    assess_measure_copy(&ma, &a->measures[0]);
    free(ma.owner);
    ma.owner = strdup("IT");
    assert_int_equal(store_update_measure(s, a, &ma, &e), STORE_CONFLICT);
    assert_non_null(strstr(e.text, "status: planned"));

    /* The DPO's advice recorded elsewhere while a form was open. */
    struct signoff so = b->signoffs[SR_DPO];
    so.name = (char *)"Dana";
    so.advice = (char *)"Aggregate first";
    so.date = (char *)"2026-11-30";
    assert_int_equal(store_set_signoff(s, b, &so, &e), 0);
    struct signoff sa = a->signoffs[SR_DPO];
    sa.name = (char *)"Dana";
    sa.advice = (char *)"Other advice";
    assert_int_equal(store_set_signoff(s, a, &sa, &e), STORE_CONFLICT);
    assert_non_null(strstr(e.text, "advice"));

    /* The title. */
    assert_int_equal(store_set_title(s, b, "Renamed by B", &e), 0);
    assert_int_equal(store_set_title(s, a, "Renamed by A", &e), STORE_CONFLICT);
    assert_non_null(strstr(e.text, "Renamed by B"));

    /* Nothing of A's was written; after reading again, A's goes through. */
    c = load(s, id);
    assert_string_equal(c->signoffs[SR_DPO].advice, "Aggregate first");
    assert_string_equal(c->signoffs[SR_DPO].date, "2026-11-30");
    assert_string_equal(c->title, "Renamed by B");
    assert_int_equal(c->measures[0].status, MS_DONE);
    assert_int_equal(store_update_risk(s, c, &ra, &e), 0);
    assert_int_equal(store_set_title(s, c, "Renamed by A", &e), 0);
    /* Deleted by another session: every change says so. */
    struct assessment *d = load(s, id);
    assert_int_equal(store_delete(s, id, &e), 0);
    assert_int_equal(store_set_answer(s, d, "scr.project", "Typed", "", false, 0, 0, &e), -1);
    assert_non_null(strstr(e.text, "no longer in the database"));
    struct risk late = make_risk("Late", 0, 0, 0, 0);
    assert_int_equal(store_add_risk(s, d, &late, &e), -1);
    assert_non_null(strstr(e.text, "no longer in the database"));
    assert_int_equal(store_set_status(s, d, ST_REVIEW, &e), -1);
    assert_non_null(strstr(e.text, "no longer in the database"));
    assess_free(d);
    /* Deleted while records it had saved are open: the answer, the risk,
     * the measure and the sign-off it read are gone with it, which is
     * said as such, never as a change made elsewhere to offer to
     * overwrite. */
    id = create(s, "Deleted under an open form");
    d = load(s, id);
    assert_int_equal(store_set_answer(s, d, "scr.project", "Typed", "", false, 0, 0, &e), 0);
    struct risk kept = make_risk("Kept", 1, 1, 0, 0);
    assert_int_equal(store_add_risk(s, d, &kept, &e), 0);
    m.risks = NULL;
    m.nrisks = 0;
    assert_int_equal(store_add_measure(s, d, &m, &e), 0);
    struct signoff sd = d->signoffs[SR_DPO];
    sd.name = (char *)"Dana";
    sd.advice = (char *)"Advice";
    sd.date = (char *)"2026-11-30";
    assert_int_equal(store_set_signoff(s, d, &sd, &e), 0);
    assess_free(d);
    d = load(s, id);
    assert_int_equal(store_delete(s, id, &e), 0);
    int64_t rev = assess_answer(d, "scr.project")->revision;
    assert_int_equal(store_set_answer(s, d, "scr.project", "Typed more", "", false, rev, 0, &e),
                     -1);
    assert_non_null(strstr(e.text, "no longer in the database"));
    struct risk rd;
    assess_risk_copy(&rd, &d->risks[0]);
    rd.severity = 2;
    assert_int_equal(store_update_risk(s, d, &rd, &e), -1);
    assert_non_null(strstr(e.text, "no longer in the database"));
    assert_int_equal(store_delete_risk(s, d, rd.id, &e), -1);
    assert_non_null(strstr(e.text, "no longer in the database"));
    struct measure md;
    assess_measure_copy(&md, &d->measures[0]);
    md.status = MS_DONE;
    assert_int_equal(store_update_measure(s, d, &md, &e), -1);
    assert_non_null(strstr(e.text, "no longer in the database"));
    assert_int_equal(store_delete_measure(s, d, md.id, &e), -1);
    assert_non_null(strstr(e.text, "no longer in the database"));
    sd = d->signoffs[SR_DPO];
    sd.advice = (char *)"Other advice";
    assert_int_equal(store_set_signoff(s, d, &sd, &e), -1);
    assert_non_null(strstr(e.text, "no longer in the database"));
    assert_int_equal(store_set_title(s, d, "Renamed", &e), -1);
    assert_non_null(strstr(e.text, "no longer in the database"));
    /* A judgement, with none recorded before and with one. */
    struct judgement jd = { (char *)"screening", VD_ACCEPTABLE, (char *)"", (char *)"Dana",
                            (char *)"2026-11-30" };
    assert_int_equal(store_set_judgement(s, d, &jd, &e), -1);
    assert_non_null(strstr(e.text, "no longer in the database"));
    assess_risk_clear(&rd);
    assess_measure_clear(&md);
    assess_free(d);
    assess_risk_clear(&ra);
    assess_risk_clear(&rb);
    assess_measure_clear(&ma);
    assess_measure_clear(&mb);
    assess_free(a);
    assess_free(b);
    assess_free(c);
    store_close(s);
}

/* The risks a measure addresses, and an answer's note and follow-up
 * flag, are not overwritten in silence either. */
static void test_link_and_note_conflicts(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s, "Links and notes");
    struct assessment *a = load(s, id);
    struct err e;
    struct risk r1 = make_risk("Re-identification", 1, 1, 0, 0);
    struct risk r2 = make_risk("Profiling", 1, 1, 0, 0);
    assert_int_equal(store_add_risk(s, a, &r1, &e), 0);
    assert_int_equal(store_add_risk(s, a, &r2, &e), 0);
    int links[] = { 1 };
    struct measure m;
    memset(&m, 0, sizeof m);
    m.title = (char *)"Aggregate";
    m.description = m.owner = m.due = (char *)"";
    m.risks = links;
    m.nrisks = 1;
    assert_int_equal(store_add_measure(s, a, &m, &e), 0);
    assert_int_equal(store_set_answer(s, a, "scr.project", "Posts", "", false, 0, 0, &e), 0);
    struct assessment *b = load(s, id);
    assess_free(a);
    a = load(s, id);

    /* B links the measure to R2 as well; A, which read R1 alone, edits
     * its owner. */
    struct measure mb;
    assess_measure_copy(&mb, &b->measures[0]);
    int both[] = { 1, 2 };
    free(mb.risks);
    mb.risks = malloc(sizeof both);
    memcpy(mb.risks, both, sizeof both);
    mb.nrisks = 2;
    assert_int_equal(store_update_measure(s, b, &mb, &e), 0);
    struct measure ma;
    assess_measure_copy(&ma, &a->measures[0]);
    free(ma.owner);
    ma.owner = strdup("IT");
    assert_int_equal(store_update_measure(s, a, &ma, &e), STORE_CONFLICT);
    assert_non_null(strstr(e.text, "risks: R1 \xe2\x86\x92 R1, R2"));

    /* B flags the answer for follow-up; A, which read it unflagged,
     * writes a note. */
    int64_t rev = assess_answer(a, "scr.project")->revision;
    assert_int_equal(store_set_answer(s, b, "scr.project", "Posts", "", true, rev, 0, &e), 0);
    assert_int_equal(store_set_answer(s, a, "scr.project", "Posts", "A's note", false, rev, 0, &e),
                     STORE_CONFLICT);
    struct assessment *c = load(s, id);
    assert_int_equal(c->measures[0].nrisks, 2);
    assert_string_equal(c->measures[0].owner, "");
    assert_true(assess_answer(c, "scr.project")->flagged);
    assert_string_equal(assess_answer(c, "scr.project")->note, "");
    assess_measure_clear(&ma);
    assess_measure_clear(&mb);
    assess_free(a);
    assess_free(b);
    assess_free(c);
    store_close(s);
}

static void test_history_sessions(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s, "Typing");
    struct assessment *a = load(s, id);
    struct err e;
    /* The saves of one text being typed: one entry, first to last. */
    assert_int_equal(store_set_answer(s, a, "scr.project", "A", "", false, 0, 7, &e), 0);
    assert_int_equal(store_set_answer(s, a, "scr.project", "AB", "", false, 1, 7, &e), 0);
    assert_int_equal(store_set_answer(s, a, "scr.project", "ABC", "", false, 2, 7, &e), 0);
    assess_free(a);
    a = load(s, id);
    assert_int_equal(history_count(a, "answer scr.project"), 1);
    assert_true(history_has(a, "answer scr.project", "", "ABC"));
    /* A new editing session is a new entry. */
    assert_int_equal(store_set_answer(s, a, "scr.project", "ABCD", "", false, 3, 8, &e), 0);
    /* Saves without a session never fold. */
    assert_int_equal(store_set_answer(s, a, "scr.evaluation", "yes", "", false, 0, 0, &e), 0);
    assert_int_equal(store_set_answer(s, a, "scr.evaluation", "no", "", false, 1, 0, &e), 0);
    assert_int_equal(store_set_answer(s, a, "scr.evaluation", "yes", "", false, 2, 0, &e), 0);
    assess_free(a);
    a = load(s, id);
    assert_int_equal(history_count(a, "answer scr.project"), 2);
    assert_int_equal(history_count(a, "answer scr.evaluation"), 3);
    /* Another connection's change in between ends the run. */
    struct err e2;
    struct store *other = store_open(path, false, "other", &e2);
    assert_non_null(other);
    assert_int_equal(store_set_answer(s, a, "scr.project", "X", "", false, 4, 9, &e), 0);
    struct assessment *b = load(other, id);
    assert_int_equal(store_set_answer(other, b, "scr.matching", "no", "", false, 0, 0, &e), 0);
    assert_int_equal(store_set_answer(s, a, "scr.project", "XY", "", false, 5, 9, &e), 0);
    assess_free(a);
    a = load(s, id);
    assert_int_equal(history_count(a, "answer scr.project"), 4);
    assess_free(a);
    assess_free(b);
    store_close(other);
    store_close(s);
}

static void test_revisions_archive(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s, "Revised");
    struct assessment *a = load(s, id);
    struct err e;
    assert_int_equal(a->revision, 1);
    struct signoff so = a->signoffs[SR_CONTROLLER];
    so.name = (char *)"Chris";
    so.decision = DEC_APPROVE;
    so.date = (char *)"2026-11-02";
    assert_int_equal(store_set_signoff(s, a, &so, &e), 0);
    assert_int_equal(store_set_status(s, a, ST_APPROVED, &e), 0);
    const char record[] = "<record>revision one as signed</record>";
    assert_int_equal(store_revise(s, a, record, sizeof record - 1, "2026-11-02", &e), 0);
    /* In memory and in the file: revision 2, a draft, no sign-offs. */
    struct assessment *b = load(s, id);
    for (struct assessment *x = a;; x = b) {
        assert_int_equal(x->revision, 2);
        assert_int_equal(x->status, ST_DRAFT);
        assert_string_equal(x->replaces_date, "2026-11-02");
        assert_string_equal(x->signoffs[SR_CONTROLLER].name, "");
        assert_int_equal(x->signoffs[SR_CONTROLLER].decision, DEC_NONE);
        if (x == b)
            break;
    }
    assert_true(history_has(b, "revision", "1", "2"));
    assert_true(history_has(b, "status", "approved", "draft"));
    size_t len = 0;
    char *kept = store_revision_record(s, id, 1, &len, &e);
    assert_non_null(kept);
    assert_int_equal(len, sizeof record - 1);
    assert_memory_equal(kept, record, len);
    free(kept);
    assert_null(store_revision_record(s, id, 2, &len, &e));
    struct store_revision *revs;
    size_t n;
    assert_int_equal(store_revisions(s, id, &revs, &n, &e), 0);
    assert_int_equal(n, 1);
    assert_int_equal(revs[0].number, 1);
    assert_int_equal(revs[0].status, ST_APPROVED);
    assert_string_equal(revs[0].decided, "2026-11-02");
    free(revs);
    /* Archived, then back with the status it had. */
    assert_int_equal(store_set_status(s, b, ST_REVIEW, &e), 0);
    assert_int_equal(store_set_status(s, b, ST_ARCHIVED, &e), 0);
    assert_int_equal(b->archived_from, ST_REVIEW);
    struct assessment *c = load(s, id);
    assert_int_equal(c->status, ST_ARCHIVED);
    assert_int_equal(c->archived_from, ST_REVIEW);
    assess_free(a);
    assess_free(b);
    assess_free(c);
    store_close(s);
}

/* The controller's and the DPO's contact details, and the DPO's
 * judgement of a section: saved, read back, in the change log, guarded
 * against another session's change, gone with a new revision. */
static void test_contacts_judgements(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s, "Judged");
    struct assessment *a = load(s, id);
    struct err e;
    assert_string_equal(a->controller, "");
    assert_int_equal(store_set_controller(s, a, "Acme Ltd\n1 High Street", &e), 0);
    assert_int_equal(store_set_dpo_contact(s, a, "dpo@acme.example", &e), 0);
    struct judgement j = { (char *)"description", VD_IMPROVE, (char *)"Purposes vague",
                           (char *)"Dana", (char *)"2026-11-01" };
    assert_int_equal(store_set_judgement(s, a, &j, &e), 0);
    assert_int_equal(a->njudgements, 1);
    struct assessment *b = load(s, id);
    assert_string_equal(b->controller, "Acme Ltd\n1 High Street");
    assert_string_equal(b->dpo_contact, "dpo@acme.example");
    const struct judgement *got = assess_judgement(b, "description");
    assert_non_null(got);
    assert_int_equal(got->verdict, VD_IMPROVE);
    assert_string_equal(got->comment, "Purposes vague");
    assert_string_equal(got->name, "Dana");
    assert_string_equal(got->date, "2026-11-01");
    assert_null(assess_judgement(b, "necessity"));
    assert_true(history_has(b, "controller", "", "Acme Ltd\n1 High Street"));
    assert_true(history_has(b, "dpo-contact", "", "dpo@acme.example"));
    assert_true(history_has(b, "judgement description", "", "improve: Purposes vague"));

    /* Another session changes the judgement; this copy (b) still holds
     * the old one and is refused, naming both. */
    struct store *s2 = store_open(path, false, "other", &e);
    assert_non_null(s2);
    struct assessment *o = load(s2, id);
    j.verdict = VD_ACCEPTABLE;
    j.comment = (char *)"Fixed";
    assert_int_equal(store_set_judgement(s2, o, &j, &e), 0);
    j.comment = (char *)"Mine";
    assert_int_equal(store_set_judgement(s, b, &j, &e), STORE_CONFLICT);
    assert_non_null(strstr(e.text, "improve: Purposes vague"));
    assert_non_null(strstr(e.text, "acceptable: Fixed"));
    assert_int_equal(store_set_dpo_contact(s2, o, "dpo@other.example", &e), 0);
    assert_int_equal(store_set_dpo_contact(s, b, "dpo@mine.example", &e), STORE_CONFLICT);
    assess_free(b);
    b = load(s, id);
    assert_string_equal(assess_judgement(b, "description")->comment, "Fixed");
    assert_string_equal(b->dpo_contact, "dpo@other.example");
    /* Removed: gone from the file, "" in the log. */
    j.verdict = VD_NONE;
    assert_int_equal(store_set_judgement(s, b, &j, &e), 0);
    assert_int_equal(b->njudgements, 0);
    assert_true(history_has(b, "judgement description", "acceptable: Fixed", ""));
    struct assessment *c = load(s, id);
    assert_int_equal(c->njudgements, 0);
    assess_free(c);

    /* A new revision starts without judgements; the contacts stay. */
    j.verdict = VD_ACCEPTABLE;
    j.section = (char *)"necessity";
    assert_int_equal(store_set_judgement(s, b, &j, &e), 0);
    const char record[] = "<record/>";
    assert_int_equal(store_revise(s, b, record, sizeof record - 1, "2026-11-02", &e), 0);
    assert_int_equal(b->njudgements, 0);
    c = load(s, id);
    assert_int_equal(c->njudgements, 0);
    assert_string_equal(c->controller, "Acme Ltd\n1 High Street");
    /* A copy keeps the contacts, an import the judgements too. */
    assert_int_equal(store_set_judgement(s, c, &j, &e), 0);
    int64_t dup = store_duplicate(s, id, &e);
    assert_true(dup > 0);
    struct assessment *d = load(s, dup);
    assert_int_equal(d->njudgements, 0);
    assert_string_equal(d->dpo_contact, "dpo@other.example");
    assess_free(d);
    char *xml = store_template_xml(s, id, NULL, &e);
    size_t len = strlen(xml);
    assess_free(c);
    c = load(s, id);
    int64_t ins = store_insert(s, c, xml, len, &e);
    free(xml);
    assert_true(ins > 0);
    d = load(s, ins);
    assert_int_equal(d->njudgements, 1);
    assert_string_equal(assess_judgement(d, "necessity")->name, "Dana");
    assert_string_equal(d->controller, "Acme Ltd\n1 High Street");
    assess_free(d);
    assess_free(a);
    assess_free(b);
    assess_free(c);
    assess_free(o);
    store_close(s2);
    store_close(s);
}

static void test_duplicate_delete_insert(void **state)
{
    struct store *s = fresh();
    int64_t id = create(s, "Original");
    struct assessment *a = load(s, id);
    struct err e;
    assert_int_equal(store_set_answer(s, a, "scr.evaluation", "yes", "", false, 0, 0, &e), 0);
    struct risk r = make_risk("R", 2, 2, 0, 0);
    assert_int_equal(store_add_risk(s, a, &r, &e), 0);
    struct signoff so = a->signoffs[SR_DPO];
    so.name = (char *)"Dana";
    assert_int_equal(store_set_signoff(s, a, &so, &e), 0);

    int64_t copy = store_duplicate(s, id, &e);
    assert_true(copy > id);
    struct assessment *c = load(s, copy);
    assert_string_equal(c->title, "Copy of Original");
    assert_string_not_equal(c->uuid, a->uuid);
    assert_string_equal(assess_value(c, "scr.evaluation"), "yes");
    assert_int_equal(c->nrisks, 1);
    assert_string_equal(c->signoffs[SR_DPO].name, "");
    assert_true(history_has(c, "copied from", "", a->uuid));

    /* Insert keeps a free uuid, replaces a taken one. */
    struct assessment *imp = load(s, id);
    int64_t nid = store_insert(s, imp, NULL, 0, &e);
    assert_int_equal(nid, -1);
    size_t len;
    char *xml = store_template_xml(s, id, &len, &e);
    nid = store_insert(s, imp, xml, len, &e);
    assert_true(nid > 0);
    assert_string_not_equal(imp->uuid, a->uuid);
    struct assessment *i2 = load(s, nid);
    assert_int_equal(i2->nrisks, 1);
    assert_string_equal(i2->signoffs[SR_DPO].name, "Dana");
    assert_true(history_has(i2, "imported", "", "Original"));
    assert_true(history_has(i2, "answer scr.evaluation", "", "yes"));
    char kept[37];
    snprintf(kept, sizeof kept, "%s", a->uuid);
    assert_int_equal(store_delete(s, id, &e), 0);
    assert_int_equal(store_delete(s, id, &e), -1);
    snprintf(i2->uuid, sizeof i2->uuid, "%s", kept);
    int64_t again = store_insert(s, i2, xml, len, &e);
    assert_true(again > 0);
    assert_string_equal(i2->uuid, kept);
    assert_int_equal(store_resolve(s, kept, &e), again);
    char prefix[9];
    snprintf(prefix, sizeof prefix, "%s", kept);
    assert_int_equal(store_resolve(s, prefix, &e), again);
    assert_int_equal(store_resolve(s, "nothing", &e), -1);
    free(xml);
    assess_free(a);
    assess_free(c);
    assess_free(imp);
    assess_free(i2);
    store_close(s);
}

/* By title, in the order of the people's language: under French or
 * German collation, accented titles sort with their letter, not after z
 * as their bytes would. */
static void test_list_collation(void **state)
{
    if (!setlocale(LC_COLLATE, "fr_FR.UTF-8") && !setlocale(LC_COLLATE, "de_DE.UTF-8"))
        skip();
    struct store *s = fresh();
    create(s, "Zoo tickets");
    create(s, "\xc3\x89thique des donn\xc3\xa9" "es");
    create(s, "Avis clients");
    struct err e;
    struct store_list l;
    size_t total;
    struct store_query q = { false, STORE_SORT_TITLE, "", 0, 10 };
    assert_int_equal(store_list_page(s, &q, &l, &total, &e), 0);
    assert_int_equal(l.count, 3);
    assert_string_equal(l.items[0].title, "Avis clients");
    assert_string_equal(l.items[1].title, "\xc3\x89thique des donn\xc3\xa9" "es");
    assert_string_equal(l.items[2].title, "Zoo tickets");
    store_list_free(&l);
    store_close(s);
    setlocale(LC_COLLATE, "C");
}

/* Pages of the list: the count, the order of each sort, the filter,
 * offsets, archived rows only on request. */
static void test_list_pages(void **state)
{
    struct store *s = fresh();
    char title[32];
    for (int i = 1; i <= 25; i++) {
        snprintf(title, sizeof title, "%s %02d", i % 2 ? "Odd" : "Even", i);
        create(s, title);
    }
    struct err e;
    struct store_list l;
    size_t total;
    struct store_query q = { false, STORE_SORT_CHANGED, "", 0, 10 };
    assert_int_equal(store_list_page(s, &q, &l, &total, &e), 0);
    assert_int_equal(total, 25);
    assert_int_equal(l.count, 10);
    assert_string_equal(l.items[0].title, "Odd 25"); /* newest first */
    store_list_free(&l);

    q.sort = STORE_SORT_TITLE;
    q.offset = 12;
    q.limit = 100;
    assert_int_equal(store_list_page(s, &q, &l, &total, &e), 0);
    assert_int_equal(l.count, 13);
    assert_string_equal(l.items[0].title, "Odd 01"); /* 12 "Even" titles come first */
    assert_string_equal(l.items[12].title, "Odd 25");
    store_list_free(&l);

    q.offset = 0;
    q.filter = "EVEN 1";
    assert_int_equal(store_list_page(s, &q, &l, &total, &e), 0);
    assert_int_equal(total, 5); /* 10, 12, 14, 16, 18: case does not matter */
    assert_string_equal(l.items[0].title, "Even 10");
    store_list_free(&l);

    /* Archived rows leave the list unless asked for. */
    struct assessment *a = load(s, 1);
    assert_int_equal(store_set_status(s, a, ST_ARCHIVED, &e), 0);
    assess_free(a);
    q.filter = "";
    assert_int_equal(store_list_page(s, &q, &l, &total, &e), 0);
    assert_int_equal(total, 24);
    store_list_free(&l);
    q.include_archived = true;
    assert_int_equal(store_list_page(s, &q, &l, &total, &e), 0);
    assert_int_equal(total, 25);
    store_list_free(&l);

    /* By review date: the nearest first, those without one last. */
    static const struct { int64_t id; const char *date; } reviews[] = {
        { 7, "2027-06-01" }, { 12, "2026-01-01" }, { 3, "2027-01-01" },
    };
    for (size_t i = 0; i < 3; i++) {
        a = load(s, reviews[i].id);
        assert_int_equal(store_set_review_date(s, a, reviews[i].date, &e), 0);
        assess_free(a);
    }
    q.sort = STORE_SORT_REVIEW;
    assert_int_equal(store_list_page(s, &q, &l, &total, &e), 0);
    assert_int_equal(l.count, 25);
    assert_int_equal(l.items[0].id, 12);
    assert_int_equal(l.items[1].id, 3);
    assert_int_equal(l.items[2].id, 7);
    for (size_t i = 3; i < l.count; i++)
        assert_string_equal(l.items[i].review_date, "");
    store_list_free(&l);
    store_close(s);
}

static void test_open_checks(void **state)
{
    struct store *s = fresh();
    create(s, "Kept");
    store_close(s);
    struct err e;
    /* Read-only by request: reads work, writes say why they fail. */
    s = store_open(path, true, NULL, &e);
    assert_non_null(s);
    assert_true(store_is_read_only(s));
    struct store_list l;
    assert_int_equal(store_list(s, false, &l, &e), 0);
    assert_int_equal(l.count, 1);
    store_list_free(&l);
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    assert_int_equal(store_create(s, "No", xml, len, NULL, &e), -1);
    assert_non_null(strstr(e.text, "read-only"));
    store_close(s);
    assert_int_equal(store_schema_version(), 13);
    if (unit_on_pg())
        goto who;
    /* Reading a file that does not exist does not create it. */
    char missing[300];
    snprintf(missing, sizeof missing, "%s/missing.sqlite", dir);
    assert_null(store_open(missing, true, NULL, &e));
    assert_int_equal(access(missing, F_OK), -1);
    /* Not SQLite. */
    char text[300];
    snprintf(text, sizeof text, "%s/text.sqlite", dir);
    FILE *f = fopen(text, "w");
    for (int i = 0; i < 100; i++)
        fprintf(f, "not a database %d\n", i);
    fclose(f);
    assert_null(store_open(text, false, NULL, &e));
    assert_non_null(strstr(e.text, "not an SQLite file"));
who:
    setenv("DPIA_USER", "someone", 1);
    s = store_open(path, false, NULL, &e);
    assert_string_equal(store_who(s), "someone");
    store_set_who(s, "other");
    assert_string_equal(store_who(s), "other");
    store_close(s);
}

/* A byte copy of the database file alone, as a user's backup tool
 * makes it; then whether it holds an answer to qid. */
static bool lone_copy_has(const char *qid, const char *value)
{
    char copy[300], side[310];
    snprintf(copy, sizeof copy, "%s/lone.sqlite", dir);
    snprintf(side, sizeof side, "%s-wal", copy);
    unlink(side);
    FILE *in = fopen(path, "rb"), *out = fopen(copy, "wb");
    assert_non_null(in);
    assert_non_null(out);
    char buf[8192];
    size_t n;
    while ((n = fread(buf, 1, sizeof buf, in)) > 0)
        assert_int_equal(fwrite(buf, 1, n, out), n);
    fclose(in);
    assert_int_equal(fclose(out), 0);
    struct err e;
    struct store *c = store_open(copy, false, "copy", &e);
    assert_non_null(c);
    /* Without the log the assessment itself may be missing. */
    struct assessment *a = store_load(c, 1, &e);
    const struct answer *an = a ? assess_answer(a, qid) : NULL;
    bool has = an && strcmp(an->value, value) == 0;
    assess_free(a);
    store_close(c);
    return has;
}

static void test_checkpoint(void **state)
{
    struct store *s = fresh();
    assert_int_equal(create(s, "Checkpointed"), 1);
    struct assessment *a = load(s, 1);
    struct err e;
    if (unit_on_pg()) {
        /* No file, no log beside it: nothing to checkpoint, and a
         * backup is pg_dump's. */
        assert_int_equal(store_set_answer(s, a, "scr.project", "Saved", "", false, 0, 0, &e),
                         0);
        assert_int_equal(store_checkpoint(s), -1);
        char copy[300];
        snprintf(copy, sizeof copy, "%s/backup.sqlite", dir);
        assert_int_equal(store_backup(s, copy, false, &e), -1);
        assert_non_null(strstr(e.text, "pg_dump"));
        assert_int_equal(access(copy, F_OK), -1);
        assess_free(a);
        store_close(s);
        return;
    }
    assert_int_equal(store_set_answer(s, a, "scr.project", "In the log", "", false, 0, 0, &e), 0);
    /* While the store is open the answer is in the -wal file only. */
    assert_false(lone_copy_has("scr.project", "In the log"));
    assert_int_equal(store_checkpoint(s), 0);
    assert_true(lone_copy_has("scr.project", "In the log"));
    /* Nothing new: nothing to do. */
    assert_int_equal(store_checkpoint(s), 0);

    /* A second connection that closes while the first is still open
     * leaves the file whole and the log empty. */
    struct store *s2 = store_open(path, false, "second", &e);
    assert_non_null(s2);
    struct assessment *a2 = load(s2, 1);
    assert_int_equal(store_set_answer(s2, a2, "scr.evaluation", "yes", "", false, 0, 0, &e), 0);
    assess_free(a2);
    assert_false(lone_copy_has("scr.evaluation", "yes"));
    store_close(s2);
    char wal[300];
    snprintf(wal, sizeof wal, "%s-wal", path);
    struct stat sb;
    assert_true(stat(wal, &sb) != 0 || sb.st_size == 0);
    assert_true(lone_copy_has("scr.evaluation", "yes"));

    /* A backup, refused over itself without force, replaced with it. */
    char copy[300];
    snprintf(copy, sizeof copy, "%s/backup.sqlite", dir);
    assert_int_equal(store_backup(s, copy, false, &e), 0);
    assert_int_equal(store_backup(s, copy, false, &e), -1);
    assert_non_null(strstr(e.text, "--force"));
    assert_int_equal(store_backup(s, copy, true, &e), 0);
    assert_int_equal(store_backup(s, path, true, &e), -1);
    assert_non_null(strstr(e.text, "the database itself"));
    assess_free(a);
    store_close(s);

    /* Read-only: nothing to checkpoint, and no error but the result. */
    s = store_open(path, true, NULL, &e);
    assert_non_null(s);
    assert_int_equal(store_checkpoint(s), -1);
    store_close(s);
}

static int teardown(void **state)
{
    return unit_remove_dir(dir);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    if (!mkdtemp(dir))
        return 1;
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_create_load),
        cmocka_unit_test(test_answers_and_conflict),
        cmocka_unit_test(test_risks_measures),
        cmocka_unit_test(test_signoffs_status),
        cmocka_unit_test(test_record_conflicts),
        cmocka_unit_test(test_link_and_note_conflicts),
        cmocka_unit_test(test_history_sessions),
        cmocka_unit_test(test_revisions_archive),
        cmocka_unit_test(test_contacts_judgements),
        cmocka_unit_test(test_duplicate_delete_insert),
        cmocka_unit_test(test_list_pages),
        cmocka_unit_test(test_list_collation),
        cmocka_unit_test(test_open_checks),
        cmocka_unit_test(test_checkpoint),
    };
    int rc = cmocka_run_group_tests_name("store", tests, NULL, teardown);
    tmpl_cleanup();
    return rc;
}
