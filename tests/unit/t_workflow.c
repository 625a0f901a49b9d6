/* Unit tests of the workflow rules (core/workflow.h) and of the
 * comparison of revisions (core/diff.h), on the default template, in
 * memory: the gates with every reason, the warnings, the screening-only
 * close, the statuses, revisions and the archive, the feared events. */
#include "config.h"

#include "unit.h"
#include "core/answer.h"
#include "core/assess.h"
#include "core/diff.h"
#include "core/logic.h"
#include "core/workflow.h"
#include "util/xalloc.h"

#define TODAY "2027-01-10"

static void set(struct assessment *a, const char *qid, const char *value)
{
    const struct tmpl_question *q = tmpl_find_question(a->tmpl, qid);
    if (!q)
        fail_msg("no question %s", qid);
    struct err e;
    char *v = answer_canonical(q, value, &e);
    if (!v)
        fail_msg("%s: %s", qid, e.text);
    assess_set_answer(a, qid, v);
    free(v);
}

static void set_str(char **p, const char *v)
{
    free(*p);
    *p = xstrdup(v);
}

static struct assessment *fresh(void)
{
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    struct err e;
    struct assessment *a = assess_new();
    a->id = 1;
    a->tmpl = tmpl_parse(xml, len, "built-in", &e);
    assert_non_null(a->tmpl);
    return a;
}

static void add_risk(struct assessment *a, enum risk_type type, int l, int s, int la, int sa)
{
    a->risks = realloc(a->risks, (a->nrisks + 1) * sizeof *a->risks);
    struct risk *r = &a->risks[a->nrisks++];
    memset(r, 0, sizeof *r);
    r->number = (int)a->nrisks;
    r->type = type;
    r->likelihood = l;
    r->severity = s;
    r->likelihood_after = la;
    r->severity_after = sa;
    const char **text[] = { (const char **)&r->title, (const char **)&r->description,
                            (const char **)&r->source, (const char **)&r->impacts,
                            (const char **)&r->threats, (const char **)&r->likelihood_why,
                            (const char **)&r->severity_why,
                            (const char **)&r->likelihood_after_why,
                            (const char **)&r->severity_after_why };
    for (size_t i = 0; i < sizeof text / sizeof text[0]; i++)
        *text[i] = xstrdup(i == 0 ? "A risk" : "");
}

static void add_measure(struct assessment *a, int risk, const char *due, enum measure_status st)
{
    a->measures = realloc(a->measures, (a->nmeasures + 1) * sizeof *a->measures);
    struct measure *m = &a->measures[a->nmeasures++];
    memset(m, 0, sizeof *m);
    m->number = (int)a->nmeasures;
    m->title = xstrdup("A measure");
    m->description = xstrdup("");
    m->owner = xstrdup("");
    m->due = xstrdup(due);
    m->status = st;
    m->risks = xcalloc(1, sizeof *m->risks);
    m->risks[0] = risk;
    m->nrisks = 1;
}

/* Everything approval needs: every shown question answered (a DPIA
 * required by criteria 1 and 5, carried out), one risk of each feared
 * event, a measure for the medium one, the DPO's advice followed, a
 * review date. */
static struct assessment *complete(void)
{
    struct assessment *a = fresh();
    add_risk(a, RT_ACCESS, 3, 3, 1, 2);
    add_risk(a, RT_MODIFICATION, 1, 1, 1, 1);
    add_risk(a, RT_DISAPPEARANCE, 2, 1, 1, 1);
    add_measure(a, 1, "2027-03-01", MS_PLANNED);
    for (int round = 0; round < 3; round++)
        for (size_t i = 0; i < a->tmpl->nquestions; i++) {
            const struct tmpl_question *q = &a->tmpl->questions[i];
            if (!logic_shown(a, q) || assess_value(a, q->id))
                continue;
            char row[512];
            const char *v = q->type == QT_YESNO ? "no"
                          : q->type == QT_DATE ? "2027-06-30"
                          : (q->type == QT_CHOICE || q->type == QT_MULTI) ? q->options[0].value
                          : q->type == QT_TABLE ? unit_table_value(q, "Answered", row, sizeof row)
                          : "Answered for the test.";
            if (!strcmp(q->id, "scr.evaluation") || !strcmp(q->id, "scr.large-scale"))
                v = "yes";
            if (q->role == ROLE_Q_SCREENING_DECISION)
                v = "carry-out";
            set(a, q->id, v);
        }
    set_str(&a->signoffs[SR_DPO].name, "Dana Officer");
    set_str(&a->signoffs[SR_DPO].advice, "Proceed with the measures.");
    a->signoffs[SR_DPO].advice_followed = 1;
    set_str(&a->review_date, "2029-12-31");
    return a;
}

static struct signoff signer(const char *name, const char *comment)
{
    struct signoff so;
    memset(&so, 0, sizeof so);
    so.role = SR_CONTROLLER;
    so.name = (char *)(uintptr_t)name;
    so.position = (char *)(uintptr_t)"";
    so.date = (char *)(uintptr_t)"";
    so.advice = (char *)(uintptr_t)comment;
    so.why_not = (char *)(uintptr_t)"";
    so.acknowledged = (char *)(uintptr_t)"";
    return so;
}

static bool has(const struct wf_list *l, enum wf_level level, const char *text)
{
    for (size_t i = 0; i < l->n; i++)
        if (l->items[i].level == level && strstr(l->items[i].text, text))
            return true;
    return false;
}

static void test_gates(void **state)
{
    (void)state;
    struct assessment *a = fresh();
    struct signoff by = signer("Chris", "");
    struct wf_list why = { 0 };
    /* Everything missing, every reason at once. */
    assert_int_equal(wf_check_decision(a, DEC_APPROVE, &by, TODAY, true, &why), -1);
    assert_true(has(&why, WF_BLOCKER, "Screening:"));
    assert_true(has(&why, WF_BLOCKER, "required questions are unanswered"));
    assert_true(has(&why, WF_BLOCKER, "not covered"));
    assert_true(has(&why, WF_BLOCKER, "The risk register is empty."));
    assert_true(has(&why, WF_BLOCKER, "The DPO's advice is not recorded"));
    assert_true(has(&why, WF_BLOCKER, "No review date is set"));
    size_t n = 0;
    for (size_t i = 0; i < why.n; i++)
        n += why.items[i].level == WF_BLOCKER;
    assert_int_equal(n, why.nblockers);
    wf_list_free(&why);
    /* Without a name no decision is taken. */
    struct signoff nobody = signer("", "");
    assert_int_equal(wf_check_decision(a, DEC_REJECT, &nobody, TODAY, true, &why), -1);
    assert_true(has(&why, WF_BLOCKER, "Name the controller's decision-maker."));
    wf_list_free(&why);
    assess_free(a);

    a = complete();
    assert_int_equal(wf_check_decision(a, DEC_APPROVE, &by, TODAY, false, &why), 0);
    assert_int_equal(why.n, 0);
    /* A review date that has passed is no review date. */
    set_str(&a->review_date, TODAY);
    assert_int_equal(wf_check_decision(a, DEC_APPROVE, &by, TODAY, false, &why), -1);
    assert_true(has(&why, WF_BLOCKER, "The review date " TODAY " is not after today"));
    wf_list_free(&why);
    set_str(&a->review_date, "2029-12-31");
    assert_int_equal(wf_check_decision(a, DEC_CONDITIONS, &by, TODAY, false, &why), -1);
    assert_true(has(&why, WF_BLOCKER, "Write down the conditions of the approval."));
    wf_list_free(&why);
    struct signoff cond = signer("Chris", "Aggregates only");
    assert_int_equal(wf_check_decision(a, DEC_CONDITIONS, &cond, TODAY, false, &why), 0);
    /* The DPO's advice overruled without reasons blocks approval. */
    a->signoffs[SR_DPO].advice_followed = 0;
    assert_int_equal(wf_check_decision(a, DEC_APPROVE, &by, TODAY, false, &why), -1);
    assert_true(has(&why, WF_BLOCKER, "reasons are not recorded"));
    wf_list_free(&why);
    /* ...but not a rejection, which needs only the advice. */
    assert_int_equal(wf_check_decision(a, DEC_REJECT, &by, TODAY, false, &why), 0);
    a->signoffs[SR_DPO].advice_followed = 1;
    /* A residual risk that stays high: no approval, refer or reject. */
    add_risk(a, RT_OTHER, 4, 4, 3, 4);
    add_measure(a, 4, "2027-03-01", MS_PLANNED);
    assert_true(logic_art36_required(a));
    assert_int_equal(wf_check_decision(a, DEC_APPROVE, &by, TODAY, false, &why), -1);
    assert_true(has(&why, WF_BLOCKER, "(Art. 36)"));
    assert_int_equal(why.nblockers, 1);
    wf_list_free(&why);
    assert_int_equal(wf_check_decision(a, DEC_REFER, &by, TODAY, false, &why), 0);
    assert_int_equal(wf_decision_status(DEC_REFER), ST_REFERRED);
    assert_int_equal(wf_decision_status(DEC_CONDITIONS), ST_CONDITIONS);
    assess_free(a);
}

static void test_warnings(void **state)
{
    (void)state;
    struct assessment *a = complete();
    struct signoff by = signer("Chris", "");
    struct wf_list why = { 0 };
    /* A question marked for follow-up. */
    struct answer *an = (struct answer *)(uintptr_t)assess_answer(a, "desc.roles");
    an->flagged = true;
    /* A measure overdue, one due after the processing starts, one done. */
    add_measure(a, 1, "2026-12-01", MS_PROGRESS);
    add_measure(a, 1, "2027-09-01", MS_PLANNED);
    add_measure(a, 1, "2026-01-01", MS_DONE);
    /* The description contradicts the screening. */
    set(a, "desc.vulnerable", "yes");
    set(a, "desc.vulnerable-detail", "Children on family accounts.");
    assert_int_equal(wf_check_decision(a, DEC_APPROVE, &by, TODAY, false, &why), 1);
    assert_int_equal(why.nblockers, 0);
    assert_int_equal(why.nwarnings, 4);
    assert_true(has(&why, WF_WARNING, "desc.roles is marked for follow-up."));
    assert_true(has(&why, WF_WARNING, "Measure M2 was due on 2026-12-01 and is not done."));
    assert_true(has(&why, WF_WARNING, "Measure M3 is due on 2027-09-01, after the processing "
                                      "starts (2027-06-30)."));
    assert_true(has(&why, WF_WARNING, "desc.vulnerable is answered yes but scr.vulnerable no"));
    wf_list_free(&why);
    /* Acknowledged, the decision may be taken; the warnings come with it. */
    assert_int_equal(wf_check_decision(a, DEC_APPROVE, &by, TODAY, true, &why), 0);
    assert_int_equal(why.nwarnings, 4);
    struct buf b = { 0 };
    wf_list_text(&why, WF_WARNING, "- ", &b);
    assert_non_null(strstr(buf_str(&b), "- Measure M2 was due"));
    buf_free(&b);
    wf_list_free(&why);
    assess_free(a);
}

static void test_screening(void **state)
{
    (void)state;
    struct assessment *a = fresh();
    const struct tmpl_question *dec = tmpl_find_question(a->tmpl, "scr.decision");
    const struct tmpl_question *why_q = tmpl_find_question(a->tmpl, "scr.not-reasons");
    struct err e;
    for (size_t i = 0; i < a->tmpl->nquestions; i++) {
        const struct tmpl_question *q = &a->tmpl->questions[i];
        if (q->criterion || q->mandatory)
            set(a, q->id, "no");
    }
    set(a, "scr.project", "A canteen survey.");
    /* No criterion: declining asks for no reasons "despite the criteria". */
    set(a, "scr.decision", "not-carry-out");
    assert_false(logic_shown(a, why_q));
    struct wf_list why = { 0 };
    assert_int_equal(wf_check_close(a, &why), -1);
    assert_int_equal(why.nblockers, 1);
    assert_true(has(&why, WF_BLOCKER, "The DPO's sign-off (name and advice) is not recorded."));
    wf_list_free(&why);
    set_str(&a->signoffs[SR_DPO].name, "Dana");
    set_str(&a->signoffs[SR_DPO].advice, "No DPIA needed.");
    assert_int_equal(wf_check_close(a, &why), 0);
    /* A decision on the processing is not the way to close it. */
    struct signoff by = signer("Chris", "");
    assert_int_equal(wf_check_decision(a, DEC_REJECT, &by, TODAY, true, &why), -1);
    assert_true(has(&why, WF_BLOCKER, "close the assessment as \"DPIA not required\""));
    wf_list_free(&why);
    /* One criterion: the reasons and the DPO's view are asked. */
    set(a, "scr.innovative", "yes");
    assert_true(logic_shown(a, why_q));
    assert_int_equal(wf_check_close(a, &why), -1);
    assert_true(has(&why, WF_BLOCKER, "the reasons or the DPO's view are not recorded"));
    wf_list_free(&why);
    set(a, "scr.not-reasons", "Small scale.");
    set(a, "scr.not-dpo-view", "Agreed.");
    assert_int_equal(wf_check_close(a, &why), 0);
    /* A mandatory case: "no DPIA" refused as an answer, and no close. */
    set(a, "scr.art35-3b", "yes");
    assert_int_equal(wf_check_answer(a, dec, "not-carry-out", &e), -1);
    assert_non_null(strstr(e.text, "Art. 35(3)(b)"));
    assert_int_equal(wf_check_answer(a, dec, "carry-out", &e), 0);
    assert_int_equal(wf_check_close(a, &why), -1);
    assert_true(has(&why, WF_BLOCKER, "a DPIA is mandatory"));
    wf_list_free(&why);
    /* A screening that requires a DPIA carried out: no close. */
    set(a, "scr.decision", "carry-out");
    assert_int_equal(wf_check_close(a, &why), -1);
    assert_true(has(&why, WF_BLOCKER, "does not conclude that no DPIA"));
    wf_list_free(&why);
    assess_free(a);
}

static void test_statuses(void **state)
{
    (void)state;
    struct assessment *a = fresh();
    struct err e;
    assert_int_equal(wf_check_status(a, ST_REVIEW, &e), 0);
    for (int st = ST_APPROVED; st <= ST_NOT_REQUIRED; st++) {
        assert_int_equal(wf_check_status(a, (enum assess_status)st, &e), -1);
        assert_non_null(strstr(e.text, "outcome of a decision"));
    }
    assert_int_equal(wf_check_status(a, ST_ARCHIVED, &e), -1);
    assert_int_equal(wf_check_revise(a, &e), -1);
    assert_int_equal(wf_check_editable(a, &e), 0);
    assert_int_equal(wf_check_register(a, &e), 0);
    /* Decided: frozen, and only then a new revision. */
    for (int st = ST_APPROVED; st <= ST_NOT_REQUIRED; st++) {
        a->status = (enum assess_status)st;
        assert_true(wf_decided(a->status));
        assert_int_equal(wf_check_editable(a, &e), -1);
        assert_non_null(strstr(e.text, "open a new revision"));
        assert_int_equal(wf_check_status(a, ST_DRAFT, &e), -1);
        assert_int_equal(wf_check_revise(a, &e), 0);
        const struct tmpl_question *q = tmpl_find_question(a->tmpl, "desc.roles");
        assert_int_equal(wf_check_answer(a, q, "x", &e), -1);
        struct signoff dpo = signer("Dana", "Advice");
        dpo.role = SR_DPO;
        assert_int_equal(wf_check_signoff(a, &dpo, &e), -1);
    }
    /* Archived from approved, restored to approved. */
    a->status = ST_APPROVED;
    assert_int_equal(wf_check_archive(a, true, &e), 0);
    assert_int_equal(wf_check_archive(a, false, &e), -1);
    a->archived_from = ST_APPROVED;
    a->status = ST_ARCHIVED;
    assert_int_equal(wf_check_archive(a, true, &e), -1);
    assert_int_equal(wf_check_archive(a, false, &e), 0);
    assert_int_equal(wf_restored_status(a), ST_APPROVED);
    assert_int_equal(wf_check_revise(a, &e), -1);
    assert_int_equal(wf_check_editable(a, &e), -1);
    assert_non_null(strstr(e.text, "archived"));
    /* The controller signs through the decision only. */
    a->status = ST_DRAFT;
    struct signoff c = signer("Chris", "");
    assert_int_equal(wf_check_signoff(a, &c, &e), -1);
    assert_non_null(strstr(e.text, "dpia decide"));
    struct signoff dpo = signer("Dana", "");
    dpo.role = SR_DPO;
    assert_int_equal(wf_check_signoff(a, &dpo, &e), -1);
    assert_non_null(strstr(e.text, "advice"));
    assess_free(a);
}

static void test_feared_events(void **state)
{
    (void)state;
    struct assessment *a = complete();
    /* complete() has a risk of each type: the three questions are not asked. */
    const char *ids[] = { "risk.no-access", "risk.no-modification", "risk.no-disappearance" };
    for (int i = 0; i < 3; i++)
        assert_false(logic_shown(a, tmpl_find_question(a->tmpl, ids[i])));
    assert_int_equal(logic_coverage(a, NULL, 0), 0);
    /* Without a modification risk, the question comes back and the
     * coverage item is open until it is answered. */
    a->risks[1].type = RT_OTHER;
    const struct tmpl_question *q = tmpl_find_question(a->tmpl, "risk.no-modification");
    assert_true(logic_shown(a, q));
    struct coverage_gap gap;
    assert_int_equal(logic_coverage(a, &gap, 1), 1);
    assert_string_equal(gap.item->id, "annex2-risk-events");
    assert_ptr_equal(gap.question, q);
    set(a, "risk.no-modification", "The campaign only reads viewing data.");
    assert_int_equal(logic_coverage(a, NULL, 0), 0);
    /* Scores outside the method and unknown types are refused. */
    struct err e;
    struct risk r = a->risks[0];
    assert_int_equal(logic_check_scores(assess_method(a), &r, &e), 0);
    r.severity_after = 5;
    assert_int_equal(logic_check_scores(assess_method(a), &r, &e), -1);
    assert_non_null(strstr(e.text, "severity after measures"));
    r.severity_after = 1;
    r.type = RT_COUNT;
    assert_int_equal(logic_check_scores(assess_method(a), &r, &e), -1);
    assess_free(a);
}

static bool diff_has(const struct diff *d, const char *what, const char *ov, const char *nv)
{
    for (size_t i = 0; i < d->n; i++)
        if (!strcmp(d->items[i].what, what) && !strcmp(d->items[i].old_value, ov) &&
            !strcmp(d->items[i].new_value, nv))
            return true;
    return false;
}

static void test_diff(void **state)
{
    (void)state;
    struct assessment *a = complete(), *b = complete();
    struct diff d = { 0 };
    diff_assessments(a, b, &d);
    assert_int_equal(d.n, 0);
    set(b, "desc.purposes", "Aggregates only.");
    b->risks[0].severity_after = 1;
    add_measure(b, 2, "2027-02-01", MS_DONE);
    set_str(&b->signoffs[SR_DPO].advice, "Changed advice.");
    b->signoffs[SR_CONTROLLER].decision = DEC_APPROVE;
    diff_assessments(a, b, &d);
    assert_true(diff_has(&d, "answer desc.purposes", "Answered for the test.", "Aggregates only."));
    assert_true(diff_has(&d, "risk R1 severity after", "2", "1"));
    assert_true(diff_has(&d, "measure M2", "", "A measure"));
    assert_true(diff_has(&d, "sign-off dpo advice", "Proceed with the measures.",
                         "Changed advice."));
    assert_true(diff_has(&d, "sign-off controller decision", "", "approve"));
    diff_free(&d);
    set_str(&b->controller, "Acme Ltd");
    struct judgement j = { (char *)"necessity", VD_IMPROVE, (char *)"Vague", (char *)"Dana",
                           (char *)"2026-11-01" };
    assess_set_judgement(a, &j);
    diff_assessments(a, b, &d);
    assert_true(diff_has(&d, "controller", "", "Acme Ltd"));
    assert_true(diff_has(&d, "judgement necessity", "improve: Vague", ""));
    /* The question's prompt is the label people read. */
    for (size_t i = 0; i < d.n; i++)
        if (!strcmp(d.items[i].what, "answer desc.purposes"))
            assert_string_equal(d.items[i].label,
                                tmpl_find_question(b->tmpl, "desc.purposes")->prompt);
    /* A level that moves is named. */
    b->risks[0].severity_after = 4;
    b->risks[0].likelihood_after = 4;
    diff_free(&d);
    diff_assessments(a, b, &d);
    assert_true(diff_has(&d, "risk R1 residual level", "Low", "High"));
    diff_free(&d);
    /* a->since is the assessment's to free. */
    b->since = xcalloc(1, sizeof *b->since);
    diff_assessments(a, b, b->since);
    assess_free(a);
    assess_free(b);
}

/* The DPO's judgement: a section of the template, a verdict, a name;
 * never on a decided revision. */
static void test_judgement(void **state)
{
    (void)state;
    struct assessment *a = complete();
    struct err e;
    struct judgement j = { (char *)"necessity", VD_ACCEPTABLE, (char *)"", (char *)"Dana",
                           (char *)"" };
    assert_int_equal(wf_check_judgement(a, &j, &e), 0);
    j.section = (char *)"nowhere";
    assert_int_equal(wf_check_judgement(a, &j, &e), -1);
    assert_non_null(strstr(e.text, "no section 'nowhere'"));
    j.section = (char *)"necessity";
    j.name = (char *)"";
    assert_int_equal(wf_check_judgement(a, &j, &e), -1);
    assert_non_null(strstr(e.text, "needs the name"));
    j.verdict = VD_NONE; /* a removal names no one */
    assert_int_equal(wf_check_judgement(a, &j, &e), 0);
    j.name = (char *)"Dana";
    j.verdict = VD_IMPROVE;
    a->status = ST_APPROVED;
    assert_int_equal(wf_check_judgement(a, &j, &e), -1);
    assert_non_null(strstr(e.text, "is decided"));
    a->status = ST_ARCHIVED;
    assert_int_equal(wf_check_judgement(a, &j, &e), -1);
    assert_non_null(strstr(e.text, "archived"));
    assess_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_gates),
        cmocka_unit_test(test_judgement),
        cmocka_unit_test(test_warnings),
        cmocka_unit_test(test_screening),
        cmocka_unit_test(test_statuses),
        cmocka_unit_test(test_feared_events),
        cmocka_unit_test(test_diff),
    };
    return cmocka_run_group_tests_name("workflow", tests, NULL, NULL);
}
