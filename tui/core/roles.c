/* People and roles, the review and its comments: see roles.h. */
#include "config.h"
#include "core/roles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/textrule.h"
#include "core/workflow.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

static const char *const role_keys[] = {
#define X(name, key, label) key,
    MEMBER_ROLES(X)
#undef X
};
static const char *const role_labels[] = {
#define X(name, key, label) label,
    MEMBER_ROLES(X)
#undef X
};
static const char *const step_keys[] = {
#define X(name, key, label) key,
    REVIEW_STEPS(X)
#undef X
};
static const char *const step_labels[] = {
#define X(name, key, label) label,
    REVIEW_STEPS(X)
#undef X
};

const char *member_role_key(enum member_role r)
{
    return (unsigned)r < MR_COUNT ? role_keys[r] : "";
}

const char *member_role_label(enum member_role r)
{
    return (unsigned)r < MR_COUNT ? _(role_labels[r]) : "";
}

int member_role_parse(const char *key)
{
    for (int i = 0; key && i < MR_COUNT; i++)
        if (strcmp(role_keys[i], key) == 0)
            return i;
    return -1;
}

const char *review_kind_key(enum review_kind k)
{
    return (unsigned)k < RV_COUNT ? step_keys[k] : "";
}

const char *review_kind_label(enum review_kind k)
{
    return (unsigned)k < RV_COUNT ? _(step_labels[k]) : "";
}

int review_kind_parse(const char *key)
{
    for (int i = 0; key && i < RV_COUNT; i++)
        if (strcmp(step_keys[i], key) == 0)
            return i;
    return -1;
}

/* --- the lists ------------------------------------------------------------ */

static char *dup0(const char *s)
{
    return xstrdup(s ? s : "");
}

void roles_member_clear(struct member *m)
{
    free(m->person);
    memset(m, 0, sizeof *m);
}

void roles_step_clear(struct review_step *s)
{
    free(s->who);
    free(s->text);
    memset(s, 0, sizeof *s);
}

void roles_comment_clear(struct comment *c)
{
    free(c->question);
    free(c->who);
    free(c->text);
    free(c->resolved_by);
    memset(c, 0, sizeof *c);
}

void roles_behalf_clear(struct behalf *b)
{
    free(b->what);
    free(b->by);
    free(b->person);
    free(b->reason);
    memset(b, 0, sizeof *b);
}

void roles_add_member(struct assessment *a, const char *person, enum member_role role)
{
    a->members = xrealloc(a->members, (a->nmembers + 1) * sizeof *a->members);
    a->members[a->nmembers].person = dup0(person);
    a->members[a->nmembers++].role = role;
}

void roles_add_step(struct assessment *a, const struct review_step *s)
{
    a->steps = xrealloc(a->steps, (a->nsteps + 1) * sizeof *a->steps);
    struct review_step *d = &a->steps[a->nsteps++];
    *d = *s;
    d->who = dup0(s->who);
    d->text = dup0(s->text);
}

void roles_add_comment(struct assessment *a, const struct comment *c)
{
    a->comments = xrealloc(a->comments, (a->ncomments + 1) * sizeof *a->comments);
    struct comment *d = &a->comments[a->ncomments++];
    *d = *c;
    d->question = dup0(c->question);
    d->who = dup0(c->who);
    d->text = dup0(c->text);
    d->resolved_by = dup0(c->resolved_by);
}

void roles_add_behalf(struct assessment *a, const struct behalf *b)
{
    a->behalf = xrealloc(a->behalf, (a->nbehalf + 1) * sizeof *a->behalf);
    struct behalf *d = &a->behalf[a->nbehalf++];
    *d = *b;
    d->what = dup0(b->what);
    d->by = dup0(b->by);
    d->person = dup0(b->person);
    d->reason = dup0(b->reason);
}

void roles_clear_members(struct assessment *a)
{
    for (size_t i = 0; i < a->nmembers; i++)
        roles_member_clear(&a->members[i]);
    XFREE(a->members);
    a->nmembers = 0;
}

void roles_clear_review(struct assessment *a)
{
    for (size_t i = 0; i < a->nsteps; i++)
        roles_step_clear(&a->steps[i]);
    XFREE(a->steps);
    a->nsteps = 0;
    for (size_t i = 0; i < a->ncomments; i++)
        roles_comment_clear(&a->comments[i]);
    XFREE(a->comments);
    a->ncomments = 0;
    for (size_t i = 0; i < a->nbehalf; i++)
        roles_behalf_clear(&a->behalf[i]);
    XFREE(a->behalf);
    a->nbehalf = 0;
}

void roles_clear(struct assessment *a)
{
    roles_clear_members(a);
    roles_clear_review(a);
}

/* --- roles ---------------------------------------------------------------- */

enum member_role roles_of(const struct assessment *a, const char *person, bool *member)
{
    for (size_t i = 0; person && i < a->nmembers; i++)
        if (strcmp(a->members[i].person, person) == 0) {
            if (member)
                *member = true;
            return a->members[i].role;
        }
    if (member)
        *member = false;
    return MR_READER;
}

bool roles_held(const struct assessment *a, enum member_role r)
{
    for (size_t i = 0; i < a->nmembers; i++)
        if (a->members[i].role == r)
            return true;
    return false;
}

/* The members holding r or r2, comma-separated, "nobody" when none. */
static char *holders2(const struct assessment *a, enum member_role r, enum member_role r2)
{
    struct buf b = { 0 };
    for (size_t i = 0; i < a->nmembers; i++)
        if (a->members[i].role == r || a->members[i].role == r2)
            buf_printf(&b, "%s%s", b.len ? ", " : "", a->members[i].person);
    if (!b.len)
        buf_adds(&b, _("nobody"));
    return buf_take(&b);
}

char *roles_holders(const struct assessment *a, enum member_role r)
{
    return holders2(a, r, r);
}

bool roles_may(const struct assessment *a, const char *person, enum role_act act)
{
    /* An assessment nobody is a member of (one read from an older
     * record, not stored yet) puts nobody under a rule. */
    if (a->nmembers == 0)
        return true;
    enum member_role r = roles_of(a, person, NULL);
    switch (act) {
    case RA_EDIT:
    case RA_REQUEST:
        return r == MR_OWNER || r == MR_CONTRIBUTOR;
    case RA_COMMENT:
        return r != MR_READER;
    case RA_MEMBERS:
    case RA_OWN:
        return r == MR_OWNER;
    case RA_DPO:
        return roles_held(a, MR_DPO) ? r == MR_DPO : r == MR_OWNER;
    case RA_DECIDE:
        return roles_held(a, MR_DECIDER) ? r == MR_DECIDER : r == MR_OWNER;
    default:
        return false;
    }
}

int roles_check(const struct assessment *a, const char *person, enum role_act act,
                struct err *e)
{
    if (roles_may(a, person, act))
        return 0;
    bool member;
    enum member_role r = roles_of(a, person, &member);
    const char *standing = member ? member_role_label(r) : _("not a member");
    long long id = (long long)a->id;
    const char *who = person ? person : "";
    char *held;
    switch (act) {
    case RA_EDIT:
        held = holders2(a, MR_OWNER, MR_CONTRIBUTOR);
        /* TRANSLATORS: "kim (reader) cannot change assessment 3: that
         * needs the role owner or contributor (held by tester, lee)". The
         * role names are those of dpia member. */
        err_set(e, _("%s (%s) cannot change assessment %lld: that needs the role owner or "
                "contributor (held by %s)"), who, standing, id, held);
        break;
    case RA_REQUEST:
        held = holders2(a, MR_OWNER, MR_CONTRIBUTOR);
        err_set(e, _("%s (%s) cannot ask for the review of assessment %lld: that needs the role "
                "owner or contributor (held by %s)"), who, standing, id, held);
        break;
    case RA_COMMENT: {
        struct buf b = { 0 };
        for (size_t i = 0; i < a->nmembers; i++)
            if (a->members[i].role != MR_READER)
                buf_printf(&b, "%s%s", b.len ? ", " : "", a->members[i].person);
        held = buf_take(&b);
        err_set(e, _("%s (%s) cannot comment on assessment %lld: that needs the role owner, "
                "contributor, DPO or decision-maker (held by %s)"), who, standing, id, held);
        break;
    }
    case RA_MEMBERS:
        held = roles_holders(a, MR_OWNER);
        err_set(e, _("%s (%s) cannot add, change or remove the members of assessment %lld: that "
                "needs the role owner (held by %s)"), who, standing, id, held);
        break;
    case RA_OWN:
        held = roles_holders(a, MR_OWNER);
        err_set(e, _("%s (%s) cannot archive, restore or delete assessment %lld: that needs the "
                "role owner (held by %s)"), who, standing, id, held);
        break;
    case RA_DPO:
        if (roles_held(a, MR_DPO)) {
            held = roles_holders(a, MR_DPO);
            err_set(e, _("%s (%s) cannot record the DPO's advice, judgements or review steps on "
                    "assessment %lld: that needs the role DPO (held by %s)"), who, standing,
                    id, held);
        } else {
            held = roles_holders(a, MR_OWNER);
            err_set(e, _("%s (%s) cannot record the DPO's advice, judgements or review steps on "
                    "assessment %lld: that needs the role DPO, which nobody holds, so the role "
                    "owner (held by %s)"), who, standing, id, held);
        }
        break;
    case RA_DECIDE:
    default:
        if (roles_held(a, MR_DECIDER)) {
            held = roles_holders(a, MR_DECIDER);
            err_set(e, _("%s (%s) cannot record the controller's decision on assessment %lld: "
                    "that needs the role decision-maker (held by %s)"), who, standing, id, held);
        } else {
            held = roles_holders(a, MR_OWNER);
            err_set(e, _("%s (%s) cannot record the controller's decision on assessment %lld: "
                    "that needs the role decision-maker, which nobody holds, so the role owner "
                    "(held by %s)"), who, standing, id, held);
        }
        break;
    }
    free(held);
    return -1;
}

int roles_check_behalf(const struct assessment *a, const char *by, const char *person,
                       enum role_act act, const char *reason, struct err *e)
{
    if (!person || !*person)
        return err_set(e, _("a record made on someone's behalf names them"));
    if (!reason || !*reason)
        return err_set(e, _("recording on behalf of %s needs the reason why"), person);
    if (textrule_check_str(_("reason"), reason, TK_LINE, e) < 0 ||
        roles_check(a, by, RA_EDIT, e) < 0)
        return -1;
    return roles_check(a, person, act, e);
}

enum member_role roles_behalf_role(const struct assessment *a, const char *person,
                                   enum role_act act)
{
    if (act == RA_DPO && roles_held(a, MR_DPO))
        return MR_DPO;
    if (act == RA_DECIDE && roles_held(a, MR_DECIDER))
        return MR_DECIDER;
    return roles_of(a, person, NULL);
}

char *roles_behalf_text(const struct behalf *b)
{
    /* TRANSLATORS: the change log's entry of a record made on someone's
     * behalf: "recorded by lee on behalf of dana (dpo): signed paper
     * copy"; the role in brackets is its key. */
    return xasprintf(_("recorded by %s on behalf of %s (%s): %s"), b->by, b->person,
                     member_role_key(b->role), b->reason);
}

const struct behalf *roles_behalf_of(const struct assessment *a, const char *what)
{
    for (size_t i = a->nbehalf; i-- > 0;)
        if (strcmp(a->behalf[i].what, what) == 0)
            return &a->behalf[i];
    return NULL;
}

int roles_check_member(const struct assessment *a, const char *who, const char *person,
                       int role, bool add, struct err *e)
{
    if (roles_check(a, who, RA_MEMBERS, e) < 0)
        return -1;
    if (!person || !*person)
        return err_set(e, _("a member is named by their login"));
    if (textrule_check_str(_("member"), person, TK_LINE, e) < 0)
        return -1;
    if (role >= MR_COUNT)
        return err_set(e, _("unknown role"));
    bool member;
    enum member_role now = roles_of(a, person, &member);
    if (add && member)
        return err_set(e, _("%s is already a member of assessment %lld, as %s"), person,
                       (long long)a->id, member_role_label(now));
    if (!add && !member)
        return err_set(e, _("%s is not a member of assessment %lld"), person, (long long)a->id);
    if (member && now == MR_OWNER && role != MR_OWNER) {
        size_t owners = 0;
        for (size_t i = 0; i < a->nmembers; i++)
            owners += a->members[i].role == MR_OWNER;
        if (owners <= 1)
            return err_set(e, _("%s is the last owner of assessment %lld: make someone else "
                           "owner first"), person, (long long)a->id);
    }
    return 0;
}

/* --- the review ------------------------------------------------------------- */

const struct review_step *review_last(const struct assessment *a)
{
    return a->nsteps ? &a->steps[a->nsteps - 1] : NULL;
}

enum review_state review_state(const struct assessment *a)
{
    enum assess_status st = a->status == ST_ARCHIVED ? a->archived_from : a->status;
    if (wf_decided(st))
        return RS_DECIDED;
    const struct review_step *last = review_last(a);
    if (st == ST_REVIEW)
        return last && last->kind == RV_PASS ? RS_DECIDER : RS_DPO;
    if (st == ST_DRAFT && last && last->kind == RV_RETURN)
        return RS_RETURNED;
    return RS_NONE;
}

const char *review_state_label(enum review_state s)
{
    switch (s) {
    case RS_DPO:
        return _("in review with the DPO");
    case RS_DECIDER:
        return _("with the decision-maker");
    case RS_RETURNED:
        return _("returned with comments");
    case RS_DECIDED:
        return _("decided");
    default:
        return "";
    }
}

const char *review_state_key(enum review_state s)
{
    switch (s) {
    case RS_DPO:
        return "with-dpo";
    case RS_DECIDER:
        return "with-decision-maker";
    case RS_RETURNED:
        return "returned";
    case RS_DECIDED:
        return "decided";
    default:
        return "";
    }
}

int review_check(const struct assessment *a, const char *person, enum review_kind k,
                 struct err *e)
{
    if (wf_check_editable(a, e) < 0)
        return -1;
    enum review_state st = review_state(a);
    long long id = (long long)a->id;
    switch (k) {
    case RV_REQUEST:
        if (st == RS_DPO)
            return err_set(e, _("assessment %lld is already in review with the DPO"), id);
        if (st == RS_DECIDER)
            return err_set(e, _("assessment %lld is already with the decision-maker"), id);
        return roles_check(a, person, RA_REQUEST, e);
    case RV_RETURN:
        if (st == RS_DPO)
            return roles_check(a, person, RA_DPO, e);
        if (st == RS_DECIDER)
            return roles_check(a, person, RA_DECIDE, e);
        return err_set(e, _("assessment %lld is not in review: there is nothing to return"), id);
    case RV_PASS:
        if (st == RS_DECIDER)
            return err_set(e, _("assessment %lld is already with the decision-maker"), id);
        if (st != RS_DPO)
            return err_set(e, _("assessment %lld is not in review: ask for the review first"),
                           id);
        if (roles_check(a, person, RA_DPO, e) < 0)
            return -1;
        if (!*a->signoffs[SR_DPO].advice)
            return err_set(e, _("the DPO's advice on assessment %lld is not recorded (Art. "
                           "35(2)): record it before passing the review to the "
                           "decision-maker"), id);
        return 0;
    default:
        return err_set(e, _("unknown step of a review"));
    }
}

enum assess_status review_status_after(enum review_kind k, enum assess_status now)
{
    switch (k) {
    case RV_REQUEST:
    case RV_PASS:
        return ST_REVIEW;
    case RV_RETURN:
        return ST_DRAFT;
    default:
        return now;
    }
}

int review_check_decision(const struct assessment *a, struct err *e)
{
    if (review_state(a) != RS_DPO || !roles_held(a, MR_DPO))
        return 0;
    char *dpo = roles_holders(a, MR_DPO);
    err_set(e, _("the review of assessment %lld is with the DPO (%s): the decision waits until "
            "the DPO passes it"), (long long)a->id, dpo);
    free(dpo);
    return -1;
}

/* --- comments ---------------------------------------------------------------- */

const struct comment *comment_find(const struct assessment *a, int number)
{
    for (size_t i = 0; i < a->ncomments; i++)
        if (a->comments[i].number == number)
            return &a->comments[i];
    return NULL;
}

const struct comment *comment_thread(const struct assessment *a, int number)
{
    const struct comment *c = comment_find(a, number);
    return c ? comment_find(a, c->thread) : NULL;
}

size_t comment_open_threads(const struct assessment *a, const char *qid)
{
    size_t n = 0;
    for (size_t i = 0; i < a->ncomments; i++) {
        const struct comment *c = &a->comments[i];
        if (c->thread == c->number && !c->resolved_at && (!qid || strcmp(c->question, qid) == 0))
            n++;
    }
    return n;
}

size_t comment_replies(const struct assessment *a, int thread)
{
    size_t n = 0;
    for (size_t i = 0; i < a->ncomments; i++)
        n += a->comments[i].thread == thread && a->comments[i].number != thread;
    return n;
}

static int check_text(const char *text, struct err *e)
{
    if (!text || !*text)
        return err_set(e, _("a comment needs some text"));
    return textrule_check_str(_("comment"), text, TK_LINES, e);
}

int comment_check_add(const struct assessment *a, const char *person, const char *qid,
                      const char *text, struct err *e)
{
    if (wf_check_editable(a, e) < 0 || roles_check(a, person, RA_COMMENT, e) < 0)
        return -1;
    if (!qid || !tmpl_find_question(a->tmpl, qid))
        return err_set(e, _("template '%s' has no question '%s'"), a->tmpl->id, qid ? qid : "");
    return check_text(text, e);
}

int comment_check_reply(const struct assessment *a, const char *person, int number,
                        const char *text, struct err *e)
{
    if (wf_check_editable(a, e) < 0 || roles_check(a, person, RA_COMMENT, e) < 0)
        return -1;
    const struct comment *t = comment_thread(a, number);
    if (!t)
        return err_set(e, _("assessment %lld has no comment %d"), (long long)a->id, number);
    if (t->resolved_at)
        return err_set(e, _("the thread of comment %d is resolved (by %s): start a new one"),
                       t->number, t->resolved_by);
    return check_text(text, e);
}

/* Resolving a thread (or opening it again): its author, an owner or the
 * DPO. */
static int check_settle(const struct assessment *a, const char *person, int number,
                        bool reopen, struct err *e)
{
    if (wf_check_editable(a, e) < 0)
        return -1;
    const struct comment *t = comment_thread(a, number);
    if (!t)
        return err_set(e, _("assessment %lld has no comment %d"), (long long)a->id, number);
    if (t->resolved_at && !reopen)
        return err_set(e, _("the thread of comment %d is already resolved (by %s)"), t->number,
                       t->resolved_by);
    if (!t->resolved_at && reopen)
        return err_set(e, _("the thread of comment %d is open"), t->number);
    if (a->nmembers == 0 || (person && strcmp(person, t->who) == 0))
        return 0;
    enum member_role r = roles_of(a, person, NULL);
    if (r == MR_OWNER || (r == MR_DPO))
        return 0;
    char *owners = roles_holders(a, MR_OWNER), *dpo = roles_holders(a, MR_DPO);
    if (reopen)
        err_set(e, _("%s cannot reopen the thread of comment %d: that is for its author (%s), "
                "the role owner (held by %s) or the role DPO (held by %s)"),
                person ? person : "", t->number, t->who, owners, dpo);
    else
        err_set(e, _("%s cannot resolve the thread of comment %d: that is for its author (%s), "
                "the role owner (held by %s) or the role DPO (held by %s)"),
                person ? person : "", t->number, t->who, owners, dpo);
    free(owners);
    free(dpo);
    return -1;
}

int comment_check_resolve(const struct assessment *a, const char *person, int number,
                          struct err *e)
{
    return check_settle(a, person, number, false, e);
}

int comment_check_reopen(const struct assessment *a, const char *person, int number,
                         struct err *e)
{
    return check_settle(a, person, number, true, e);
}

/* --- what waits ------------------------------------------------------------------ */

unsigned waiting_for(const struct waiting_row *r)
{
    unsigned w = 0;
    if (!r->member)
        return 0;
    if (r->status == ST_REVIEW) {
        if (r->last_step == RV_PASS) {
            if (r->decider_held ? r->role == MR_DECIDER : r->role == MR_OWNER)
                w |= WAIT_DECISION;
        } else if (r->dpo_held ? r->role == MR_DPO : r->role == MR_OWNER) {
            w |= WAIT_REVIEW;
        }
    }
    if (r->status == ST_DRAFT && r->last_step == RV_RETURN && r->role == MR_OWNER)
        w |= WAIT_RETURNED;
    if (r->open_threads > 0 && (r->role == MR_OWNER || r->role == MR_CONTRIBUTOR))
        w |= WAIT_COMMENTS;
    return w;
}

char *waiting_text(unsigned w, int open_threads)
{
    struct buf b = { 0 };
    if (w & WAIT_REVIEW)
        buf_printf(&b, "%s", _("review requested of you as DPO"));
    if (w & WAIT_DECISION)
        buf_printf(&b, "%s%s", b.len ? "; " : "", _("passed to you for the decision"));
    if (w & WAIT_RETURNED)
        buf_printf(&b, "%s%s", b.len ? "; " : "", _("returned with comments"));
    if (w & WAIT_COMMENTS) {
        buf_printf(&b, "%s", b.len ? "; " : "");
        buf_printf(&b, P_("%d open comment thread", "%d open comment threads",
                          (unsigned long)open_threads), open_threads);
    }
    return buf_take(&b);
}

void waiting_free(struct waiting_row *rows, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        free(rows[i].title);
        free(rows[i].last_who);
    }
    free(rows);
}
