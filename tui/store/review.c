/*
 * The review of an assessment: its steps (asked of the DPO, returned,
 * passed to the decision-maker) and the comments on its questions, as
 * threads that are resolved. Each is of the revision it was made in and
 * numbered in the assessment; a new revision starts with none. The rules
 * are core/roles.h's, asked by ops/ first; a reply to a thread another
 * session resolved meanwhile is refused here too.
 */
#include "config.h"
#include "store/store.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static int revision_of(const struct assessment *a)
{
    return a->revision > 0 ? a->revision : 1;
}

/* --- reading ---------------------------------------------------------------- */

static int step_row(struct store_row *r, void *ctx, size_t *cap)
{
    (void)cap;
    struct assessment *a = ctx;
    struct review_step s = { 0 };
    s.number = (int)store_row_int(r, 0, 1, STORE_NUMBER_MAX);
    int kind = store_row_key(r, 1, review_kind_parse, -1);
    s.who = store_row_text(r, 2);
    s.when = store_row_time(r, 3);
    s.text = store_row_text(r, 4);
    int rc = store_row_end(r);
    /* A step this program does not know (a newer writer) is left out. */
    if (rc == 0 && kind >= 0) {
        s.kind = (enum review_kind)kind;
        roles_add_step(a, &s);
    }
    roles_step_clear(&s);
    return rc;
}

static int comment_row(struct store_row *r, void *ctx, size_t *cap)
{
    (void)cap;
    struct assessment *a = ctx;
    struct comment c = { 0 };
    c.number = (int)store_row_int(r, 0, 1, STORE_NUMBER_MAX);
    c.thread = (int)store_row_int(r, 1, 1, STORE_NUMBER_MAX);
    c.question = store_row_text(r, 2);
    c.who = store_row_text(r, 3);
    c.when = store_row_time(r, 4);
    c.text = store_row_text(r, 5);
    c.resolved_by = store_row_text(r, 6);
    c.resolved_at = store_row_time(r, 7);
    int rc = store_row_end(r);
    if (rc == 0)
        roles_add_comment(a, &c);
    roles_comment_clear(&c);
    return rc;
}

static int load_steps(struct store *s, struct assessment *a, struct err *e)
{
    for (size_t i = 0; i < a->nsteps; i++)
        roles_step_clear(&a->steps[i]);
    XFREE(a->steps);
    a->nsteps = 0;
    return store_each_row(s, SQ_STEP_LOAD, a->id, revision_of(a), "review_steps",
                          _("reading the review"), step_row, a, e);
}

static int load_comments(struct store *s, struct assessment *a, struct err *e)
{
    for (size_t i = 0; i < a->ncomments; i++)
        roles_comment_clear(&a->comments[i]);
    XFREE(a->comments);
    a->ncomments = 0;
    return store_each_row(s, SQ_CMT_LOAD, a->id, revision_of(a), "comments",
                          _("reading the review"), comment_row, a, e);
}

int store_load_review(struct store *s, struct assessment *a, struct err *e)
{
    return load_steps(s, a, e) < 0 ? -1 : load_comments(s, a, e);
}

/* --- writing ---------------------------------------------------------------- */

static int put_step(struct store *s, int64_t aid, int rev, const struct review_step *p,
                    struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_STEP_ADD, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    db_bind_int(st, 2, p->number);
    db_bind_int(st, 3, rev);
    store_bind_text(st, 4, review_kind_key(p->kind));
    store_bind_text(st, 5, p->who);
    db_bind_int64(st, 6, p->when);
    store_bind_text(st, 7, p->text);
    return store_exec(s, st, _("saving a step of the review"), e);
}

static int put_comment(struct store *s, int64_t aid, int rev, const struct comment *c,
                       struct err *e)
{
    struct db_stmt *st = store_stmt(s, SQ_CMT_ADD, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    db_bind_int(st, 2, c->number);
    db_bind_int(st, 3, rev);
    db_bind_int(st, 4, c->thread);
    store_bind_text(st, 5, c->question);
    store_bind_text(st, 6, c->who);
    db_bind_int64(st, 7, c->when);
    store_bind_text(st, 8, c->text);
    store_bind_text(st, 9, c->resolved_by);
    db_bind_int64(st, 10, c->resolved_at);
    return store_exec(s, st, _("saving a comment"), e);
}

/* Used by store_put_team (members.c). */
int store_put_review(struct store *s, const struct assessment *a, struct err *e);

int store_put_review(struct store *s, const struct assessment *a, struct err *e)
{
    int rev = revision_of(a);
    for (size_t i = 0; i < a->nsteps; i++)
        if (put_step(s, a->id, rev, &a->steps[i], e) < 0)
            return -1;
    for (size_t i = 0; i < a->ncomments; i++)
        if (put_comment(s, a->id, rev, &a->comments[i], e) < 0)
            return -1;
    return 0;
}

/* The next number of statement id (a max + 1 of the assessment): of a
 * comment (comments) or a step of the review. */
static int next_number(struct store *s, enum store_stmt id, int64_t aid, bool comments,
                       int *out, struct err *e)
{
    struct db_stmt *st = store_stmt(s, id, e);
    if (!st)
        return -1;
    db_bind_int64(st, 1, aid);
    int64_t next = db_step(st) == DB_ROW ? db_column_int64(st, 0) : 1;
    db_reset(st);
    if (next < 1 || next > STORE_NUMBER_MAX)
        return err_set(e, comments ? _("assessment %lld has too many comments")
                                   : _("assessment %lld has too many review steps"),
                       (long long)aid);
    *out = (int)next;
    return 0;
}

int store_review_step(struct store *s, struct assessment *a, enum review_kind k,
                      const char *text, enum assess_status to, struct err *e)
{
    if ((int)k < 0 || k >= RV_COUNT)
        return err_set(e, _("unknown step of a review"));
    if (store_check_writable(s, e) < 0 || store_txn_begin(s, e) < 0)
        return -1;
    if (store_gone(s, a->id, e) != 0)
        goto fail;
    struct review_step p = { 0, k, s->who, store_now(), (char *)(uintptr_t)(text ? text : "") };
    if (next_number(s, SQ_STEP_NEXT, a->id, false, &p.number, e) < 0 ||
        put_step(s, a->id, revision_of(a), &p, e) < 0)
        goto fail;
    char *what = xasprintf("review %s", review_kind_key(k));
    int rc = store_hist_add(s, a->id, what, "", p.text, 0, e);
    free(what);
    if (rc < 0)
        goto fail;
    if (to != a->status && store_set_status(s, a, to, e) < 0)
        goto fail;
    if (load_steps(s, a, e) < 0 || store_finish(s, a, e) < 0)
        goto fail;
    return 0;
fail:
    store_txn_rollback(s);
    store_reread_copy(s, a);
    return -1;
}

int store_add_comment(struct store *s, struct assessment *a, const char *qid, int thread,
                      const char *text, int *number, struct err *e)
{
    if (store_check_writable(s, e) < 0 || store_txn_begin(s, e) < 0)
        return -1;
    if (store_gone(s, a->id, e) != 0)
        goto fail;
    char *question = NULL;
    if (thread) {
        /* The thread as it is now: another session may have resolved it. */
        struct db_stmt *st = store_stmt(s, SQ_CMT_THREAD, e);
        if (!st)
            goto fail;
        db_bind_int64(st, 1, a->id);
        db_bind_int(st, 2, revision_of(a));
        db_bind_int(st, 3, thread);
        int64_t resolved = -1;
        if (db_step(st) == DB_ROW) {
            struct store_row r;
            store_row_start(&r, s, st, "comments", "assessment", a->id, e);
            question = store_row_text(&r, 0);
            resolved = store_row_time(&r, 1);
            if (store_row_end(&r) < 0) {
                db_reset(st);
                free(question);
                goto fail;
            }
        }
        db_reset(st);
        if (resolved != 0) {
            if (resolved < 0)
                err_set(e, _("assessment %lld has no comment %d"), (long long)a->id, thread);
            else
                err_set(e, _("the thread of comment %d is resolved: start a new one"), thread);
            free(question);
            goto fail;
        }
    } else {
        question = xstrdup(qid ? qid : "");
    }
    struct comment c = { 0 };
    c.who = s->who;
    c.when = store_now();
    c.text = (char *)(uintptr_t)(text ? text : "");
    c.question = question;
    c.resolved_by = (char *)(uintptr_t)"";
    int rc = next_number(s, SQ_CMT_NEXT, a->id, true, &c.number, e);
    c.thread = thread ? thread : c.number;
    if (rc == 0)
        rc = put_comment(s, a->id, revision_of(a), &c, e);
    char *what = thread ? xasprintf("comment %d reply to %d", c.number, thread)
                        : xasprintf("comment %d on %s", c.number, question);
    if (rc == 0)
        rc = store_hist_add(s, a->id, what, "", c.text, 0, e);
    free(what);
    free(question);
    if (rc < 0 || load_comments(s, a, e) < 0 || store_finish(s, a, e) < 0)
        goto fail;
    if (number)
        *number = c.number;
    return 0;
fail:
    store_txn_rollback(s);
    store_reread_copy(s, a);
    return -1;
}

static int settle_comment(struct store *s, struct assessment *a, int thread, bool reopen,
                          struct err *e)
{
    if (store_check_writable(s, e) < 0 || store_txn_begin(s, e) < 0)
        return -1;
    if (store_gone(s, a->id, e) != 0)
        goto fail;
    struct db_stmt *st = store_stmt(s, reopen ? SQ_CMT_REOPEN : SQ_CMT_RESOLVE, e);
    if (!st)
        goto fail;
    db_bind_int64(st, 1, a->id);
    db_bind_int(st, 2, revision_of(a));
    db_bind_int(st, 3, thread);
    if (!reopen) {
        store_bind_text(st, 4, s->who);
        db_bind_int64(st, 5, store_now());
    }
    if (store_exec(s, st, reopen ? _("reopening a comment") : _("resolving a comment"), e) < 0)
        goto fail;
    if (db_changes(s->db) == 0) {
        if (reopen)
            err_set(e, _("the thread of comment %d is not resolved (reopened in another "
                    "session?)"), thread);
        else
            err_set(e, _("the thread of comment %d is not open (resolved in another session?)"),
                    thread);
        goto fail;
    }
    char *what = xasprintf(reopen ? "comment %d reopened" : "comment %d resolved", thread);
    int rc = store_hist_add(s, a->id, what, "", reopen ? "reopened" : "resolved", 0, e);
    free(what);
    if (rc < 0 || load_comments(s, a, e) < 0 || store_finish(s, a, e) < 0)
        goto fail;
    return 0;
fail:
    store_txn_rollback(s);
    store_reread_copy(s, a);
    return -1;
}

int store_resolve_comment(struct store *s, struct assessment *a, int thread, struct err *e)
{
    return settle_comment(s, a, thread, false, e);
}

int store_reopen_comment(struct store *s, struct assessment *a, int thread, struct err *e)
{
    return settle_comment(s, a, thread, true, e);
}
