/* ops: the workflow's steps: the decision, the screening-only close,
 * the statuses set directly, revisions, archive and restore. */
#include "config.h"
#include "ops/ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/roles.h"
#include "util/buf.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* A refusal: the first reason in e, all of them in why. */
static int refused(const struct wf_list *why, const char *what, struct err *e)
{
    struct buf b = { 0 };
    wf_list_text(why, WF_BLOCKER, "", &b);
    size_t n = why->nblockers;
    /* TRANSLATORS: "the decision cannot be taken: 2 reasons: ..." */
    err_set(e, P_("%s: %zu reason: %s", "%s: %zu reasons: %s", n), what, n, buf_str(&b));
    /* One line in e: the reasons joined. */
    for (char *p = e->text; *p; p++)
        if (*p == '\n')
            *p = p[1] ? ' ' : '\0';
    buf_free(&b);
    return -1;
}

int ops_decide(struct store *s, struct assessment *a, enum decision d,
               const struct signoff *by, bool acknowledged, struct wf_list *why,
               struct err *e)
{
    return ops_decide_for(s, a, d, by, acknowledged, NULL, why, e);
}

int ops_decide_for(struct store *s, struct assessment *a, enum decision d,
                   const struct signoff *by, bool acknowledged, const struct ops_behalf *b,
                   struct wf_list *why, struct err *e)
{
    /* Who may decide, and whether the review lets them yet. */
    if (ops_check_roles(s, a, RA_DECIDE, b, e) < 0 || review_check_decision(a, e) < 0)
        return -1;
    char today[16];
    ops_today(today);
    /* The date as the person wrote it, stored as YYYY-MM-DD. */
    char iso[DATE_ISO_SIZE] = "";
    struct signoff dated;
    if (by) {
        if (ops_date(by->date, iso, e) < 0)
            return -1;
        dated = *by;
        dated.date = iso;
        by = &dated;
    }
    /* The texts given with it first (the acknowledged warnings are the
     * rules' own words, set below). */
    if (by) {
        struct signoff given = *by;
        given.role = SR_CONTROLLER;
        given.acknowledged = a->signoffs[SR_CONTROLLER].acknowledged;
        if (ops_check_signoff_texts(a, &given, e) < 0)
            return -1;
    }
    int rc = wf_check_decision(a, d, by, today, acknowledged, why);
    if (rc < 0)
        return refused(why, _("the decision cannot be taken"), e);
    if (rc > 0) {
        err_set(e,
                P_("%zu warning must be acknowledged before the decision",
                   "%zu warnings must be acknowledged before the decision", why->nwarnings),
                why->nwarnings);
        return 1;
    }
    struct signoff so;
    assess_signoff_copy(&so, by);
    so.role = SR_CONTROLLER;
    so.decision = d;
    if (!*so.date) {
        free(so.date);
        so.date = xstrdup(today);
    }
    /* The warnings kept with the decision are said in the assessment's
     * language, as its record is written, whatever the interface's. */
    struct buf warned = { 0 };
    struct wf_list kept = { 0 };
    i18n_push(a->lang);
    wf_check_decision(a, d, by, today, true, &kept);
    wf_list_text(&kept, WF_WARNING, "", &warned);
    i18n_pop();
    wf_list_free(&kept);
    if (warned.len)
        warned.data[--warned.len] = '\0';
    free(so.acknowledged);
    so.acknowledged = buf_take(&warned);
    /* The sign-off and the status it gives, together or not at all. */
    rc = store_batch_begin(s, e);
    if (rc == 0 && ((rc = ops_record_behalf(s, a, "sign-off controller", RA_DECIDE, b, e)) < 0 ||
                    (rc = store_set_signoff(s, a, &so, e)) < 0 ||
                    (rc = store_set_status(s, a, wf_decision_status(d), e)) < 0))
        store_batch_end(s, false, NULL);
    else if (rc == 0)
        rc = store_batch_end(s, true, e);
    assess_signoff_clear(&so);
    return rc;
}

int ops_close(struct store *s, struct assessment *a, struct wf_list *why, struct err *e)
{
    return ops_close_for(s, a, NULL, why, e);
}

int ops_close_for(struct store *s, struct assessment *a, const struct ops_behalf *b,
                  struct wf_list *why, struct err *e)
{
    if (ops_check_roles(s, a, RA_DECIDE, b, e) < 0 || review_check_decision(a, e) < 0)
        return -1;
    if (wf_check_close(a, why) < 0)
        return refused(why, _("the assessment cannot be closed as \"DPIA not required\""), e);
    /* Whom it is recorded for first, as for the decision. */
    int rc = store_batch_begin(s, e);
    if (rc == 0 && ((rc = ops_record_behalf(s, a, "close", RA_DECIDE, b, e)) < 0 ||
                    (rc = store_set_status(s, a, ST_NOT_REQUIRED, e)) < 0))
        store_batch_end(s, false, NULL);
    else if (rc == 0)
        rc = store_batch_end(s, true, e);
    return rc;
}

int ops_set_status(struct store *s, struct assessment *a, enum assess_status to, struct err *e)
{
    /* In review and back: the steps of the review, with their rules. */
    if (a->status == ST_DRAFT && to == ST_REVIEW)
        return ops_review(s, a, RV_REQUEST, NULL, e);
    if (a->status == ST_REVIEW && to == ST_DRAFT)
        return ops_review(s, a, RV_RETURN, NULL, e);
    if (wf_check_status(a, to, e) < 0)
        return -1;
    return store_set_status(s, a, to, e);
}

int ops_revise(struct store *s, struct assessment *a, struct err *e)
{
    if (roles_check(a, store_who(s), RA_EDIT, e) < 0 || wf_check_revise(a, e) < 0)
        return -1;
    size_t tlen = 0;
    char *txml = NULL;
    /* The record kept holds the whole change history, and is written in
     * the assessment's language (its labels, what changed since the
     * revision before) whatever the interface speaks. */
    i18n_push(a->lang);
    if (a->since) {
        diff_free(a->since);
        free(a->since);
        a->since = NULL;
    }
    if (store_load_history(s, a, e) < 0 || ops_fill_since(s, a, e) < 0 ||
        !(txml = store_template_xml(s, a->id, &tlen, e))) {
        i18n_pop();
        return -1;
    }
    struct buf record = { 0 };
    struct sink out = sink_buf(&record);
    int rc = report_xml(a, txml, tlen, &out, e);
    i18n_pop();
    free(txml);
    if (rc == 0) {
        const struct signoff *c = &a->signoffs[a->status == ST_NOT_REQUIRED ? SR_DPO
                                                                              : SR_CONTROLLER];
        rc = store_revise(s, a, record.data, record.len, c->date, e);
    }
    /* The review, its comments and the records made on someone's behalf
     * stay with the revision they were made in. */
    if (rc == 0)
        roles_clear_review(a);
    buf_free(&record);
    return rc;
}

int ops_archive(struct store *s, struct assessment *a, struct err *e)
{
    if (roles_check(a, store_who(s), RA_OWN, e) < 0 || wf_check_archive(a, true, e) < 0)
        return -1;
    return store_set_status(s, a, ST_ARCHIVED, e);
}

int ops_restore(struct store *s, struct assessment *a, struct err *e)
{
    if (roles_check(a, store_who(s), RA_OWN, e) < 0 || wf_check_archive(a, false, e) < 0)
        return -1;
    return store_set_status(s, a, wf_restored_status(a), e);
}

int64_t ops_duplicate(struct store *s, int64_t id, struct err *e)
{
    return store_duplicate(s, id, e);
}

int ops_delete(struct store *s, int64_t id, struct err *e)
{
    struct assessment *a = store_load_flags(s, id, STORE_LOAD_NO_HISTORY, e);
    if (!a)
        return -1;
    int rc = roles_check(a, store_who(s), RA_OWN, e);
    assess_free(a);
    return rc < 0 ? -1 : store_delete(s, id, e);
}
