/* ops: people and roles, the review and its comments (core/roles.h):
 * members, the review's steps, comment threads, records made on
 * someone's behalf, and what waits for a person. */
#include "config.h"
#include "ops/ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textrule.h"
#include "util/i18n.h"
#include "util/xalloc.h"

int ops_check_roles(struct store *s, const struct assessment *a, enum role_act act,
                    const struct ops_behalf *b, struct err *e)
{
    if (b && b->person)
        return roles_check_behalf(a, store_who(s), b->person, act, b->reason, e);
    return roles_check(a, store_who(s), act, e);
}

int ops_record_behalf(struct store *s, struct assessment *a, const char *what,
                      enum role_act act, const struct ops_behalf *b, struct err *e)
{
    if (!b || !b->person) {
        /* Recorded by whoever may: an earlier record made on their
         * behalf for the same thing is no longer what stands. */
        if (!roles_behalf_of(a, what))
            return 0;
        return store_set_behalf(s, a, what, NULL, NULL, e);
    }
    struct behalf r = { 0 };
    r.what = (char *)(uintptr_t)what;
    r.by = (char *)(uintptr_t)store_who(s);
    r.person = (char *)(uintptr_t)b->person;
    r.role = roles_behalf_role(a, b->person, act);
    r.reason = (char *)(uintptr_t)b->reason;
    /* The change log speaks the assessment's language, as its record. */
    i18n_push(a->lang);
    char *text = roles_behalf_text(&r);
    i18n_pop();
    int rc = store_set_behalf(s, a, what, &r, text, e);
    free(text);
    return rc;
}

int ops_member(struct store *s, struct assessment *a, const char *person, int role, bool add,
               struct err *e)
{
    if (roles_check_member(a, store_who(s), person, role, add, e) < 0 ||
        (role >= 0 && store_check_person(s, person, e) < 0))
        return -1;
    return store_set_member(s, a, person, role, e);
}

int ops_review(struct store *s, struct assessment *a, enum review_kind k, const char *comment,
               struct err *e)
{
    comment = comment ? comment : "";
    if (review_check(a, store_who(s), k, e) < 0 ||
        textrule_check_str(_("comment"), comment, TK_LINES, e) < 0)
        return -1;
    return store_review_step(s, a, k, comment, review_status_after(k, a->status), e);
}

int ops_comment(struct store *s, struct assessment *a, const char *qid, const char *text,
                int *out, struct err *e)
{
    if (comment_check_add(a, store_who(s), qid, text, e) < 0)
        return -1;
    return store_add_comment(s, a, qid, 0, text, out, e);
}

int ops_comment_reply(struct store *s, struct assessment *a, int number, const char *text,
                      int *out, struct err *e)
{
    if (comment_check_reply(a, store_who(s), number, text, e) < 0)
        return -1;
    const struct comment *t = comment_thread(a, number);
    return store_add_comment(s, a, t->question, t->number, text, out, e);
}

int ops_comment_resolve(struct store *s, struct assessment *a, int number, struct err *e)
{
    if (comment_check_resolve(a, store_who(s), number, e) < 0)
        return -1;
    return store_resolve_comment(s, a, comment_thread(a, number)->number, e);
}

int ops_comment_reopen(struct store *s, struct assessment *a, int number, struct err *e)
{
    if (comment_check_reopen(a, store_who(s), number, e) < 0)
        return -1;
    return store_reopen_comment(s, a, comment_thread(a, number)->number, e);
}

int ops_waiting(struct store *s, struct waiting_row **out, size_t *n, struct err *e)
{
    struct waiting_row *rows;
    size_t count;
    if (store_waiting(s, store_who(s), &rows, &count, e) < 0)
        return -1;
    size_t k = 0;
    for (size_t i = 0; i < count; i++) {
        if (waiting_for(&rows[i])) {
            struct waiting_row keep = rows[i];
            rows[i] = rows[k];
            rows[k++] = keep;
        }
    }
    for (size_t i = k; i < count; i++) {
        free(rows[i].title);
        free(rows[i].last_who);
    }
    *out = rows;
    *n = k;
    return 0;
}
