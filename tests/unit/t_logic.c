/* Unit tests of the DPIA reasoning: answers, conditions, screening, risk
 * levels, Art. 36, progress and coverage, on the default template and
 * the answers of the worked example (data/examples/streaming-factoids.xml). */
#include "config.h"

#include "unit.h"
#include "core/answer.h"
#include "core/assess.h"
#include "core/logic.h"
#include "core/textrule.h"
#include "core/workflow.h"

static struct assessment *fresh(void)
{
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    struct err e;
    struct assessment *a = assess_new();
    a->tmpl = tmpl_parse(xml, len, "built-in", &e);
    assert_non_null(a->tmpl);
    return a;
}

static void set(struct assessment *a, const char *qid, const char *value)
{
    const struct tmpl_question *q = tmpl_find_question(a->tmpl, qid);
    if (!q)
        fail_msg("no question %s", qid);
    struct err e;
    char *v = answer_canonical(q, value, &e);
    if (!v)
        fail_msg("%s", e.text);
    assess_set_answer(a, qid, v);
    free(v);
}

static const char *const criteria_ids[] = {
    "scr.evaluation", "scr.automated-decision", "scr.monitoring", "scr.sensitive",
    "scr.large-scale", "scr.matching", "scr.vulnerable", "scr.innovative", "scr.prevents-rights",
};
static const char *const mandatory_ids[] = { "scr.art35-3a", "scr.art35-3b", "scr.art35-3c",
                                             "scr.sa-list" };

static void answer_screening(struct assessment *a, const char *yes_mask)
{
    for (int i = 0; i < 9; i++)
        set(a, criteria_ids[i], yes_mask[i] == '1' ? "yes" : "no");
    for (int i = 0; i < 4; i++)
        set(a, mandatory_ids[i], "no");
}

static void test_answer_values(void **state)
{
    const struct tmpl *t = tmpl_builtin();
    struct err e;
    char *v;
    const struct tmpl_question *yn = tmpl_find_question(t, "scr.evaluation");
    v = answer_canonical(yn, " Yes ", &e);
    assert_string_equal(v, "yes");
    free(v);
    assert_null(answer_canonical(yn, "maybe", &e));
    assert_non_null(strstr(e.text, "allowed: yes, no"));
    /* As people type them in French and German too. */
    const char *yes[] = { "y", "OUI", "Ja" }, *no[] = { "N", "non", "nein" };
    for (size_t i = 0; i < 3; i++) {
        v = answer_canonical(yn, yes[i], &e);
        assert_string_equal(v, "yes");
        free(v);
        v = answer_canonical(yn, no[i], &e);
        assert_string_equal(v, "no");
        free(v);
    }
    assert_int_equal(answer_yes_no("o", 1), -1);
    assert_int_equal(answer_yes_no("nei", 3), -1);

    const struct tmpl_question *dec = tmpl_find_question(t, "scr.decision");
    assert_int_equal(dec->type, QT_CHOICE);
    assert_null(answer_canonical(dec, "because", &e));
    assert_non_null(strstr(e.text, "allowed: carry-out"));
    v = answer_canonical(dec, "carry-out", &e);
    assert_string_equal(v, "carry-out");
    free(v);

    /* table: the lawful basis is a choice in each purpose's row. */
    const struct tmpl_question *purposes = tmpl_find_question(t, "desc.purpose-list");
    assert_int_equal(purposes->type, QT_TABLE);
    assert_null(answer_canonical(purposes, "1\tMarketing\t\tbecause\t", &e));
    assert_non_null(strstr(e.text, "allowed: consent, contract"));
    v = answer_canonical(purposes, "1\tMarketing\t\tlegitimate-interests\t", &e);
    assert_string_equal(v, "1\tMarketing\t\tlegitimate-interests\t");
    free(v);

    /* multi: any order and separator in, template order out. */
    const struct tmpl_question *sp = tmpl_find_question(t, "desc.special");
    assert_int_equal(sp->type, QT_MULTI);
    char in[256];
    snprintf(in, sizeof in, "%s, %s", sp->options[2].value, sp->options[0].value);
    v = answer_canonical(sp, in, &e);
    char want[256];
    snprintf(want, sizeof want, "%s\n%s", sp->options[0].value, sp->options[2].value);
    assert_string_equal(v, want);
    free(v);

    const struct tmpl_question *list = tmpl_find_question(t, "desc.recipients");
    v = answer_canonical(list, "  Social media team \n\n Legal, compliance \n", &e);
    assert_string_equal(v, "Social media team\nLegal, compliance");
    assert_int_equal(answer_count_items(v), 2);
    free(v);

    const struct tmpl_question *date = tmpl_find_question(t, "desc.start");
    assert_null(answer_canonical(date, "2026-02-29", &e));
    assert_null(answer_canonical(date, "2026-13-01", &e));
    assert_null(answer_canonical(date, "tomorrow", &e));
    v = answer_canonical(date, "2028-02-29", &e);
    assert_string_equal(v, "2028-02-29");
    free(v);

    const struct tmpl_question *text = tmpl_find_question(t, "desc.purposes");
    assert_null(answer_canonical(text, "a\x1b[2Jb", &e));
    assert_non_null(strstr(e.text, "control character"));
    assert_null(answer_canonical(text, "bad \xff utf-8", &e));
    assert_non_null(strstr(e.text, "UTF-8"));
    v = answer_canonical(text, "Line one\r\nLine two, caf\xc3\xa9\n\n", &e);
    assert_string_equal(v, "Line one\nLine two, caf\xc3\xa9");
    free(v);
    v = answer_canonical(text, "   ", &e);
    assert_string_equal(v, ""); /* blank clears */
    free(v);
}

static void test_text_rule(void **state)
{
    struct err e;
    assert_int_equal(textrule_check_str("t", "Caf\xc3\xa9 \xd7\xa9\xd7\x9c", TK_LINE, &e), 0);
    assert_int_equal(textrule_check_str("t", "two\nlines\tand a tab", TK_LINES, &e), 0);
    assert_int_equal(textrule_check_str("t", "two\nlines", TK_LINE, &e), -1);
    assert_string_equal(e.text, "t: a line break at byte offset 3; it is one line, without line "
                                "breaks or tabs");
    assert_int_equal(textrule_check_str("t", "ab\x1b[2J", TK_LINES, &e), -1);
    assert_non_null(strstr(e.text, "(U+001B, escape) at byte offset 2"));
    assert_int_equal(textrule_check_str("t", "C1 \xc2\x9b", TK_LINES, &e), -1);
    assert_non_null(strstr(e.text, "(U+009B) at byte offset 3"));
    assert_int_equal(textrule_check_str("t", "x\x7f", TK_LINE, &e), -1);
    assert_int_equal(textrule_check_str("t", "a\r\nb", TK_LINES, &e), -1);
    assert_non_null(strstr(e.text, "carriage return"));
    assert_int_equal(textrule_check_str("t", "\xe2\x80\xae" "evil", TK_LINE, &e), -1);
    assert_non_null(strstr(e.text, "bidirectional control character (U+202E) at byte offset 0"));
    assert_int_equal(textrule_check_str("t", "bad \xc3", TK_LINE, &e), -1);
    assert_non_null(strstr(e.text, "not valid UTF-8 (byte 0xC3 at byte offset 4)"));
    assert_int_equal(textrule_check("t", "ab\0cd", 5, TK_LINE, &e), -1);
    assert_non_null(strstr(e.text, "a NUL byte at byte offset 2"));
    assert_int_equal(textrule_check("t", "a\0b\0c\0", 6, TK_LINE, &e), -1);
    assert_non_null(strstr(e.text, "UTF-16 text"));
    assert_int_equal(textrule_check("t", "\xff\xfe" "a\0", 4, TK_LINE, &e), -1);
    assert_non_null(strstr(e.text, "UTF-16 byte order mark"));
    /* The encoding alone lets the controls through (they are the
     * field's business). */
    assert_int_equal(textrule_encoding("t", "a\r\n\x1b", 4, &e), 0);

    /* A multiple choice keeps options however many there are. */
    struct tmpl_question q;
    memset(&q, 0, sizeof q);
    char id[] = "many";
    q.id = id;
    q.type = QT_MULTI;
    q.noptions = 300;
    q.options = calloc(q.noptions, sizeof *q.options);
    char values[300][8];
    for (size_t i = 0; i < q.noptions; i++) {
        snprintf(values[i], sizeof values[i], "o%zu", i + 1);
        q.options[i].value = values[i];
        q.options[i].label = values[i];
    }
    char *v = answer_canonical(&q, "o300,o2,o257", &e);
    assert_non_null(v);
    assert_string_equal(v, "o2\no257\no300");
    free(v);
    free(q.options);
}

static void test_screening_worked_example(void **state)
{
    struct assessment *a = fresh();
    struct screening s;
    logic_screening(a, &s);
    assert_int_equal(s.outcome, SCREEN_INCOMPLETE);

    /* The viewing-factoids campaign: evaluation of behaviour (1),
     * highly personal data, since viewing reveals health, sexuality or
     * religion (4), and large scale (5). */
    answer_screening(a, "100110000");
    logic_screening(a, &s);
    assert_int_equal(s.outcome, SCREEN_REQUIRED);
    assert_int_equal(s.ncriteria, 3);
    assert_int_equal(s.criteria[0], 1);
    assert_int_equal(s.criteria[1], 4);
    assert_int_equal(s.criteria[2], 5);
    assert_non_null(strstr(s.rule, "(1, 4, 5)"));
    assert_false(s.declined);

    /* Declining despite the criteria needs reasons and the DPO's view. */
    set(a, "scr.decision", "not-carry-out");
    logic_screening(a, &s);
    assert_true(s.declined);
    assert_true(s.declined_reasons_missing);
    set(a, "scr.not-reasons", "The campaign was withdrawn.");
    set(a, "scr.not-dpo-view", "Agreed, provided it is not revived.");
    logic_screening(a, &s);
    assert_false(s.declined_reasons_missing);
    assess_free(a);
}

static void test_screening_rules(void **state)
{
    struct assessment *a = fresh();
    struct screening s;
    answer_screening(a, "000000000");
    logic_screening(a, &s);
    assert_int_equal(s.outcome, SCREEN_NOT_REQUIRED);

    answer_screening(a, "000100000");
    logic_screening(a, &s);
    assert_int_equal(s.outcome, SCREEN_RECOMMENDED);
    assert_int_equal(s.criteria[0], 4);

    /* A mandatory case decides alone. */
    answer_screening(a, "000000000");
    set(a, "scr.art35-3b", "yes");
    logic_screening(a, &s);
    assert_int_equal(s.outcome, SCREEN_REQUIRED);
    assert_non_null(strstr(s.rule, "Art. 35(3)(b)"));

    /* Two criteria decide even while others are unanswered. */
    struct assessment *b = fresh();
    set(b, "scr.evaluation", "yes");
    set(b, "scr.matching", "yes");
    logic_screening(b, &s);
    assert_int_equal(s.outcome, SCREEN_REQUIRED);
    /* One criterion with the rest open: not decided yet. */
    set(b, "scr.matching", "no");
    logic_screening(b, &s);
    assert_int_equal(s.outcome, SCREEN_INCOMPLETE);
    assess_free(a);
    assess_free(b);
}

static void test_conditions(void **state)
{
    struct assessment *a = fresh();
    const struct tmpl_question *li = tmpl_find_question(a->tmpl, "nec.li-balancing");
    const struct tmpl_question *compat = tmpl_find_question(a->tmpl, "nec.compatibility");
    /* A condition on a table's column: the legitimate-interests test is
     * asked when any purpose rests on that basis. */
    assert_false(logic_shown(a, li));
    set(a, "desc.purpose-list", "1\tSupport\t\tconsent\t");
    assert_false(logic_shown(a, li));
    set(a, "desc.purpose-list", "1\tSupport\t\tconsent\t\n2\tPosts\t\tlegitimate-interests\t");
    assert_true(logic_shown(a, li));
    set(a, "desc.purpose-list", "2\tPosts\t\tcontract\t");
    assert_false(logic_shown(a, li));
    set(a, "desc.purpose-list", "2\tPosts\t\tlegitimate-interests\t");
    assert_true(logic_shown(a, li));
    assert_false(logic_shown(a, compat));
    set(a, "nec.reuse", "yes");
    assert_true(logic_shown(a, compat));

    /* Progress counts only what is shown. */
    struct progress before, after;
    size_t si = li->section;
    set(a, "desc.purpose-list", "1\tSupport\t\tconsent\t");
    logic_section_progress(a, si, &before);
    set(a, "desc.purpose-list", "1\tSupport\t\tlegitimate-interests\t");
    logic_section_progress(a, si, &after);
    assert_int_equal(after.total, before.total + 3); /* the three-part test */
    assert_int_equal(after.answered, before.answered);
    assess_free(a);
}

static struct risk make_risk(int number, int l, int s, int la, int sa)
{
    struct risk r;
    memset(&r, 0, sizeof r);
    r.number = number;
    r.likelihood = l;
    r.severity = s;
    r.likelihood_after = la;
    r.severity_after = sa;
    return r;
}

static void test_risk_levels(void **state)
{
    struct assessment *a = fresh();
    const struct tmpl_method *m = assess_method(a);
    assert_string_equal(m->id, "cnil-4x4");
    assert_string_equal(m->levels[logic_risk_level(m, 1, 1)].id, "low");
    assert_string_equal(m->levels[logic_risk_level(m, 2, 2)].id, "low");
    assert_string_equal(m->levels[logic_risk_level(m, 3, 3)].id, "high");
    /* CNIL's four zones: one score at level 3 or more is medium. */
    assert_string_equal(m->levels[logic_risk_level(m, 1, 4)].id, "medium");
    assert_string_equal(m->levels[logic_risk_level(m, 4, 1)].id, "medium");
    assert_string_equal(m->levels[logic_risk_level(m, 4, 4)].id, "high");
    assert_string_equal(m->levels[logic_risk_level(m, 3, 4)].id, "high");
    /* A risk's level never rises when its severity or likelihood falls. */
    for (int l = 1; l <= m->nlikelihood; l++)
        for (int sv = 2; sv <= m->nseverity; sv++) {
            assert_true(logic_risk_level(m, l, sv - 1) <= logic_risk_level(m, l, sv));
            assert_true(logic_risk_level(m, sv - 1, l) <= logic_risk_level(m, sv, l));
        }
    assert_string_equal(m->levels[logic_risk_level(m, 2, 3)].id, "medium");
    assert_int_equal(logic_risk_level(m, 0, 3), -1);
    assert_int_equal(logic_risk_level(m, 5, 1), -1);

    /* No risks: no residual level, no Art. 36. */
    assert_int_equal(logic_highest_residual(a), -1);
    assert_false(logic_art36_required(a));

    /* Re-identification from small counts: significant/maximum before,
     * negligible/limited after aggregation with a minimum group size. */
    struct risk rs[2] = { make_risk(1, 3, 4, 1, 2), make_risk(2, 3, 3, 2, 2) };
    a->risks = rs;
    a->nrisks = 2;
    assert_string_equal(m->levels[logic_risk_inherent(a, &rs[0])].id, "high");
    assert_string_equal(m->levels[logic_highest_residual(a)].id, "low");
    assert_false(logic_art36_required(a));
    /* A residual high risk means prior consultation. */
    rs[1].likelihood_after = 3;
    rs[1].severity_after = 3;
    assert_true(logic_art36_required(a));
    /* Unscored "after": the inherent level stands. */
    rs[1].likelihood_after = 0;
    assert_int_equal(logic_risk_residual(a, &rs[1]), logic_risk_inherent(a, &rs[1]));

    /* Under the ICO method the same pair reads on a 3x3 matrix. */
    free(a->method);
    a->method = strdup("ico-3x3");
    assert_string_equal(assess_method(a)->id, "ico-3x3");
    a->risks = NULL;
    a->nrisks = 0;
    assess_free(a);
}

/* The blockers of wf_readiness as text, one per line; returns how many. */
static int blockers_of(const struct assessment *a, struct buf *out)
{
    struct wf_list why = { 0 };
    wf_readiness(a, "2026-01-01", &why);
    wf_list_text(&why, WF_BLOCKER, "", out);
    int n = (int)why.nblockers;
    wf_list_free(&why);
    return n;
}

static void test_progress_and_coverage(void **state)
{
    struct assessment *a = fresh();
    struct progress p;
    logic_progress(a, &p);
    assert_int_equal(p.answered, 0);
    assert_true(p.total > 40);
    assert_int_equal(logic_percent(&p), 0);
    struct coverage_gap gaps[64];
    size_t n = logic_coverage(a, gaps, 64);
    assert_int_equal(n, a->tmpl->ncoverage);

    /* Answer every shown question with something valid. */
    for (int round = 0; round < 3; round++)
        for (size_t i = 0; i < a->tmpl->nquestions; i++) {
            const struct tmpl_question *q = &a->tmpl->questions[i];
            if (!logic_shown(a, q) || assess_value(a, q->id))
                continue;
            char row[512];
            const char *v = q->type == QT_YESNO ? "no"
                          : q->type == QT_DATE ? "2027-01-15"
                          : (q->type == QT_CHOICE || q->type == QT_MULTI) ? q->options[0].value
                          : q->type == QT_TABLE ? unit_table_value(q, "Answered", row, sizeof row)
                          : "Answered for the test.";
            if (q->role == ROLE_Q_SCREENING_DECISION)
                v = "carry-out";
            set(a, q->id, v);
        }
    logic_progress(a, &p);
    assert_true(p.answered < p.total); /* the special sections are still empty */
    assert_true(logic_percent(&p) < 100);

    struct buf b = {0};
    int blockers = blockers_of(a, &b);
    assert_true(blockers > 0);
    assert_non_null(strstr(buf_str(&b), "risk register is empty"));
    assert_non_null(strstr(buf_str(&b), "DPO's advice"));
    buf_free(&b);

    /* A scored risk, a measure for it, the DPO's advice, a decision. */
    struct risk r = make_risk(1, 3, 3, 1, 2);
    a->risks = &r;
    a->nrisks = 1;
    int rn = 1;
    struct measure m;
    memset(&m, 0, sizeof m);
    m.number = 1;
    m.risks = &rn;
    m.nrisks = 1;
    a->measures = &m;
    a->nmeasures = 1;
    free(a->signoffs[SR_DPO].advice);
    a->signoffs[SR_DPO].advice = strdup("Proceed only with aggregation.");
    a->signoffs[SR_DPO].advice_followed = 1;
    a->signoffs[SR_CONTROLLER].decision = DEC_CONDITIONS;
    free(a->review_date);
    a->review_date = strdup("2027-06-30");
    logic_progress(a, &p);
    assert_int_equal(p.answered, p.total);
    assert_int_equal(logic_percent(&p), 100);
    n = logic_coverage(a, gaps, 64);
    if (n)
        fail_msg("coverage item %s still open", gaps[0].item->id);
    struct buf b2 = {0};
    assert_int_equal(blockers_of(a, &b2), 0);
    buf_free(&b2);

    /* Advice not followed needs reasons. */
    a->signoffs[SR_DPO].advice_followed = 0;
    struct buf b3 = {0};
    assert_true(blockers_of(a, &b3) >= 1);
    assert_non_null(strstr(buf_str(&b3), "reasons are not recorded"));
    buf_free(&b3);
    a->risks = NULL;
    a->nrisks = 0;
    a->measures = NULL;
    a->nmeasures = 0;
    assess_free(a);
}

/* --- what is kept between calls agrees with working it all out ---------- */

static uint32_t seed = 20260224;
static uint32_t rnd(uint32_t n)
{
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
}

/* A value question q may take (raw, as typed), or "" now and then. */
static char *some_value(const struct tmpl_question *q)
{
    struct buf b = { 0 };
    if (rnd(5) == 0)
        return buf_take(&b);
    switch (q->type) {
    case QT_YESNO:
        buf_adds(&b, rnd(2) ? "yes" : "no");
        break;
    case QT_CHOICE:
        buf_adds(&b, q->options[rnd((uint32_t)q->noptions)].value);
        break;
    case QT_MULTI:
        for (size_t i = 0; i < q->noptions; i++)
            if (rnd(2))
                buf_printf(&b, "%s%s", b.len ? "," : "", q->options[i].value);
        if (!b.len)
            buf_adds(&b, q->options[0].value);
        break;
    case QT_DATE:
        buf_adds(&b, "2027-03-31");
        break;
    case QT_LIST:
        buf_adds(&b, rnd(2) ? "Staff\nProcessors" : "Subscribers");
        break;
    case QT_TABLE: {
        char row[512];
        buf_adds(&b, unit_table_value(q, rnd(2) ? "Staff" : "Subscribers", row, sizeof row));
        break;
    }
    default:
        buf_printf(&b, "Answer %u", (unsigned)rnd(1000));
    }
    return buf_take(&b);
}

/* Everything the logic says of a, worked out again from nothing: a
 * copy that shares a's arrays but none of what a keeps. */
static void same_as_fresh(struct assessment *a)
{
    struct assessment ref = *a;
    ref.logic = NULL;
    ref.answer_slots = NULL;
    ref.answer_nslots = 0;
    ref.index_base = NULL;
    const struct tmpl *t = a->tmpl;
    for (size_t i = 0; i < t->nquestions; i++)
        if (logic_shown(&ref, &t->questions[i]) != logic_shown(a, &t->questions[i]))
            fail_msg("question %s: shown differs", t->questions[i].id);
    for (size_t i = 0; i < t->nsections; i++) {
        struct progress p, q;
        logic_section_progress(&ref, i, &p);
        logic_section_progress(a, i, &q);
        if (p.answered != q.answered || p.total != q.total)
            fail_msg("section %s: %d of %d kept, %d of %d worked out", t->sections[i].id,
                     q.answered, q.total, p.answered, p.total);
    }
    struct progress p, q;
    logic_progress(&ref, &p);
    logic_progress(a, &q);
    assert_int_equal(p.answered, q.answered);
    assert_int_equal(p.total, q.total);
    struct screening sp, sq;
    logic_screening(&ref, &sp);
    logic_screening(a, &sq);
    assert_int_equal(sp.outcome, sq.outcome);
    assert_int_equal(sp.unanswered, sq.unanswered);
    assert_int_equal(sp.declined_reasons_missing, sq.declined_reasons_missing);
    assert_int_equal(logic_coverage(&ref, NULL, 0), logic_coverage(a, NULL, 0));
    assert_int_equal(logic_highest_residual(&ref), logic_highest_residual(a));
    free(ref.answer_slots);
    logic_cache_free(ref.logic);
}

static void test_kept_progress(void **state)
{
    struct assessment *a = fresh();
    const struct tmpl *t = a->tmpl;
    const struct tmpl_method *m = assess_method(a);
    same_as_fresh(a);
    for (int step = 0; step < 3000; step++) {
        uint32_t what = rnd(20);
        if (what < 14) {
            /* An answer, given as the store and the import give it. */
            const struct tmpl_question *q = &t->questions[rnd((uint32_t)t->nquestions)];
            char *raw = some_value(q);
            struct err e;
            char *v = *raw ? answer_canonical(q, raw, &e) : strdup("");
            if (!v)
                fail_msg("%s: %s", q->id, e.text);
            assess_set_answer(a, q->id, v);
            free(v);
            free(raw);
        } else if (what < 16) {
            /* A risk added, or one changed or taken away in place: what
             * depends on risks is worked out at each call. */
            if (a->nrisks < 6 && rnd(2)) {
                a->risks = realloc(a->risks, (a->nrisks + 1) * sizeof *a->risks);
                struct risk *r = &a->risks[a->nrisks];
                memset(r, 0, sizeof *r);
                r->number = (int)++a->nrisks;
                r->title = strdup("A risk");
            }
            if (a->nrisks) {
                struct risk *r = &a->risks[rnd((uint32_t)a->nrisks)];
                r->type = (enum risk_type)rnd(RT_COUNT);
                r->likelihood = (int)rnd((uint32_t)m->nlikelihood + 1);
                r->severity = (int)rnd((uint32_t)m->nseverity + 1);
                r->likelihood_after = (int)rnd((uint32_t)m->nlikelihood + 1);
                r->severity_after = (int)rnd((uint32_t)m->nseverity + 1);
            }
            if (a->nrisks && rnd(4) == 0)
                assess_risk_clear(&a->risks[--a->nrisks]);
        } else if (what < 17) {
            if (a->nmeasures < 4) {
                a->measures = realloc(a->measures, (a->nmeasures + 1) * sizeof *a->measures);
                struct measure *me = &a->measures[a->nmeasures++];
                memset(me, 0, sizeof *me);
                me->number = (int)a->nmeasures;
                me->title = strdup("A measure");
                me->risks = calloc(2, sizeof *me->risks);
            }
            struct measure *me = &a->measures[rnd((uint32_t)a->nmeasures)];
            me->status = (enum measure_status)rnd(MS_COUNT);
            me->nrisks = rnd(2);
            me->risks[0] = 1 + (int)rnd(6);
        } else if (what < 18) {
            struct signoff *d = &a->signoffs[SR_DPO];
            free(d->advice);
            d->advice = strdup(rnd(2) ? "Proceed" : "");
            d->advice_followed = (int)rnd(3) - 1;
            a->signoffs[SR_CONTROLLER].decision = (enum decision)rnd(DEC_COUNT);
        } else if (what < 19) {
            /* Answers appended to the array behind assess_set_answer's
             * back, as a load does: noticed, and worked out again. */
            const struct tmpl_question *q = &t->questions[rnd((uint32_t)t->nquestions)];
            if (!assess_answer(a, q->id)) {
                a->answers = realloc(a->answers, (a->nanswers + 1) * sizeof *a->answers);
                struct answer *an = &a->answers[a->nanswers++];
                memset(an, 0, sizeof *an);
                an->question = strdup(q->id);
                char *raw = some_value(q);
                struct err e;
                an->value = *raw ? answer_canonical(q, raw, &e) : strdup("");
                assert_non_null(an->value);
                free(raw);
                an->note = strdup("");
                an->who = strdup("");
            }
        } else {
            /* An answer to no question of the template counts for nothing. */
            assess_set_answer(a, "no.such.question", rnd(2) ? "x" : "");
        }
        /* Asked now and then, so that changes pile up between calls. */
        if (rnd(3) == 0)
            same_as_fresh(a);
    }
    same_as_fresh(a);
    assess_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_answer_values),
        cmocka_unit_test(test_text_rule),
        cmocka_unit_test(test_screening_worked_example),
        cmocka_unit_test(test_screening_rules),
        cmocka_unit_test(test_conditions),
        cmocka_unit_test(test_risk_levels),
        cmocka_unit_test(test_progress_and_coverage),
        cmocka_unit_test(test_kept_progress),
    };
    int rc = cmocka_run_group_tests_name("logic", tests, NULL, NULL);
    tmpl_cleanup();
    return rc;
}
