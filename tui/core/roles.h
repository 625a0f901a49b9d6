/*
 * People and roles, and the review: who may do what to an assessment,
 * the steps of its review by the DPO and the decision-maker, and the
 * comments people leave on its questions.
 *
 * The person is a name the store gives (the login, DPIA_USER, or a
 * database role): on each assessment each member has one role. A person
 * who is not a member reads it like a reader. The rules are pure
 * functions of the assessment in memory and the person asking, like
 * those of core/workflow.h: ops/ asks them before every change, so that
 * the screens and the command line cannot disagree, and a refusal is
 * one sentence naming the role needed and who holds it.
 *
 *  - a reader changes nothing;
 *  - a contributor answers and edits risks, measures, notes and
 *    workshops, records the assessor's sign-off, asks for the review and
 *    comments;
 *  - an owner does what contributors do and manages the members (at
 *    least one owner always remains), archives, restores and deletes;
 *  - only the DPO records the DPO's advice and sign-off and the
 *    judgements of the sections, and returns or passes a review asked of
 *    them; only the decision-maker records the controller's decision
 *    (and closes an assessment as "DPIA not required"). While nobody
 *    holds one of those two roles, an owner does what it would;
 *  - anyone allowed to change the assessment may record the DPO's advice
 *    or the decision on behalf of whoever may record it, with a reason:
 *    the change log says who recorded it, for whom and why.
 *
 * The review: a draft is asked for review of the DPO (by an owner or a
 * contributor: status "review"), who returns it with comments (back to
 * draft) or passes it to the decision-maker, who decides (or returns it
 * too). Its steps are records of their own, in the change log and the
 * XML record. Comments are threads on questions: a comment, replies,
 * resolved by its author, an owner or the DPO.
 */
#ifndef DPIA_ROLES_H
#define DPIA_ROLES_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/assess.h"
#include "util/err.h"
#include "util/i18n.h"

/* The roles: enum name, key (stored, exported, typed), label. */
#define MEMBER_ROLES(X) \
    X(OWNER, "owner", N_("owner")) \
    X(CONTRIBUTOR, "contributor", N_("contributor")) \
    X(DPO, "dpo", N_("DPO")) \
    X(DECIDER, "decision-maker", N_("decision-maker")) \
    X(READER, "reader", N_("reader"))

enum member_role {
#define X(name, key, label) MR_##name,
    MEMBER_ROLES(X)
#undef X
    MR_COUNT
};

const char *member_role_key(enum member_role r);
const char *member_role_label(enum member_role r);
int member_role_parse(const char *key); /* -1 when unknown */

struct member {
    char *person;
    enum member_role role;
};

/* The steps of a review: enum name, key, label. */
#define REVIEW_STEPS(X) \
    X(REQUEST, "requested", N_("review requested of the DPO")) \
    X(RETURN, "returned", N_("returned with comments")) \
    X(PASS, "passed", N_("passed to the decision-maker"))

enum review_kind {
#define X(name, key, label) RV_##name,
    REVIEW_STEPS(X)
#undef X
    RV_COUNT
};

const char *review_kind_key(enum review_kind k);
const char *review_kind_label(enum review_kind k);
int review_kind_parse(const char *key);

struct review_step {
    int number;          /* 1, 2, ... in the assessment */
    enum review_kind kind;
    char *who;
    int64_t when;        /* seconds since the epoch */
    char *text;          /* the comment given with it, "" when none */
};

/* One comment on a question. The first of a thread has thread ==
 * number; a reply has the number of the thread's first comment. Only a
 * thread's first comment says whether it is resolved. */
struct comment {
    int number;          /* 1, 2, ... in the assessment */
    int thread;
    char *question;      /* the question's id */
    char *who;
    int64_t when;
    char *text;
    char *resolved_by;   /* "" while open */
    int64_t resolved_at; /* 0 while open */
};

/* A record made on someone's behalf: what (the change log's name of
 * what was recorded: "sign-off dpo", "decision", "judgement SECTION"),
 * who recorded it, for whom (holding role), why and when. */
struct behalf {
    char *what;
    char *by;
    char *person;
    enum member_role role;
    char *reason;
    int64_t when;
};

/* Releasing and copying. */
void roles_member_clear(struct member *m);
void roles_step_clear(struct review_step *s);
void roles_comment_clear(struct comment *c);
void roles_behalf_clear(struct behalf *b);
/* Appends copies of the strings of one to the assessment's lists. */
void roles_add_member(struct assessment *a, const char *person, enum member_role role);
void roles_add_step(struct assessment *a, const struct review_step *s);
void roles_add_comment(struct assessment *a, const struct comment *c);
void roles_add_behalf(struct assessment *a, const struct behalf *b);
/* Empties one list, or all four (assess_free and assess_clear_content
 * do it). */
void roles_clear_members(struct assessment *a);
void roles_clear_review(struct assessment *a);
void roles_clear(struct assessment *a);

/* --- roles --------------------------------------------------------------- */

/* What a person may be asked to do. */
enum role_act {
    RA_EDIT,     /* answers, notes, risks, measures, workshops, the assessor's
                    sign-off, title, dates, contacts, language, revisions */
    RA_REQUEST,  /* ask for the review */
    RA_COMMENT,  /* comment and reply */
    RA_MEMBERS,  /* add, change and remove members */
    RA_OWN,      /* archive, restore, delete */
    RA_DPO,      /* the DPO's advice and sign-off, judgements, the review's
                    steps while it is with the DPO */
    RA_DECIDE,   /* the controller's decision, the close, returning a
                    review passed to the decision-maker */
    RA_COUNT
};

/* The person's role on a; MR_READER when not a member (member false). */
enum member_role roles_of(const struct assessment *a, const char *person, bool *member);
/* Whether somebody holds role r on a. */
bool roles_held(const struct assessment *a, enum member_role r);
/* The members holding r, comma-separated ("nobody" when none); the
 * caller frees. */
char *roles_holders(const struct assessment *a, enum member_role r);
/* Whether person may do act (no reason given). */
bool roles_may(const struct assessment *a, const char *person, enum role_act act);
/* The same, with the refusal in e: -1, or 0 when allowed. */
int roles_check(const struct assessment *a, const char *person, enum role_act act,
                struct err *e);

/* A record made by `by` on behalf of `person` (act RA_DPO or
 * RA_DECIDE): by may change the assessment, person may do act, and a
 * reason is given. 0, or -1 with e. */
int roles_check_behalf(const struct assessment *a, const char *by, const char *person,
                       enum role_act act, const char *reason, struct err *e);
/* The role a person recording on their behalf for act holds, as the
 * record names it: the DPO, the decision-maker, else their own. */
enum member_role roles_behalf_role(const struct assessment *a, const char *person,
                                   enum role_act act);
/* The change log's words for it: "recorded by lee on behalf of dana
 * (dpo): signed paper copy". The caller frees. */
char *roles_behalf_text(const struct behalf *b);
/* The record made on someone's behalf for what, or NULL. */
const struct behalf *roles_behalf_of(const struct assessment *a, const char *what);

/* A change of members by `who`: adding person with role (add), setting
 * their role, or removing them (role -1). who must be an owner; person
 * must (add: must not) be a member; at least one owner must remain.
 * 0, or -1 with e. */
int roles_check_member(const struct assessment *a, const char *who, const char *person,
                       int role, bool add, struct err *e);

/* --- the review -------------------------------------------------------------- */

enum review_state {
    RS_NONE,      /* a draft nobody has asked to review (or never) */
    RS_DPO,       /* in review, with the DPO */
    RS_DECIDER,   /* passed to the decision-maker */
    RS_RETURNED,  /* returned with comments, a draft again */
    RS_DECIDED,   /* decided (or archived after a decision) */
};
enum review_state review_state(const struct assessment *a);
/* The state's words for a title bar ("in review with the DPO"), and its
 * key for TSV and JSON ("with-dpo"; "" for none). */
const char *review_state_label(enum review_state s);
const char *review_state_key(enum review_state s);
/* The last step of the review, or NULL. */
const struct review_step *review_last(const struct assessment *a);
/* Whether person may take step k now: 0, or -1 with e. */
int review_check(const struct assessment *a, const char *person, enum review_kind k,
                 struct err *e);
/* The status a step leaves the assessment in. */
enum assess_status review_status_after(enum review_kind k, enum assess_status now);
/* A decision while the review is with the DPO waits until the DPO
 * passes it (only while someone holds the DPO's role): 0, or -1 with e. */
int review_check_decision(const struct assessment *a, struct err *e);

/* --- comments ------------------------------------------------------------------ */

/* The comment of that number, or NULL; the first comment of the thread
 * of that number (number may be a reply's), or NULL. */
const struct comment *comment_find(const struct assessment *a, int number);
const struct comment *comment_thread(const struct assessment *a, int number);
/* The open threads on question qid (NULL: on every question). */
size_t comment_open_threads(const struct assessment *a, const char *qid);
/* The replies of thread number. */
size_t comment_replies(const struct assessment *a, int thread);
/* A new thread on question qid, a reply to (the thread of) comment
 * number, a thread resolved or (reopen) a resolved one opened again, by
 * its author, an owner or the DPO: 0, or -1 with e. */
int comment_check_add(const struct assessment *a, const char *person, const char *qid,
                      const char *text, struct err *e);
int comment_check_reply(const struct assessment *a, const char *person, int number,
                        const char *text, struct err *e);
int comment_check_resolve(const struct assessment *a, const char *person, int number,
                          struct err *e);
int comment_check_reopen(const struct assessment *a, const char *person, int number,
                         struct err *e);

/* --- what waits for a person ----------------------------------------------------- */

/* One assessment as seen from one person, enough to say what waits for
 * them there without loading it: their role, whether the DPO's and the
 * decision-maker's roles are held, the status, the review's last step
 * and the open comment threads. */
struct waiting_row {
    int64_t id;
    char *title;
    enum assess_status status;
    enum member_role role;   /* MR_READER when not a member */
    bool member;
    bool dpo_held, decider_held;
    int last_step;           /* enum review_kind, -1 when none */
    char *last_who;          /* "" when none */
    int64_t last_at;
    int open_threads;
};

enum {
    WAIT_REVIEW = 1 << 0,   /* a review asked of them as DPO */
    WAIT_DECISION = 1 << 1, /* passed to them as decision-maker */
    WAIT_RETURNED = 1 << 2, /* returned with comments, and theirs */
    WAIT_COMMENTS = 1 << 3, /* open threads where they own or contribute */
};
/* What waits for the person r describes (WAIT_* bits; 0: nothing). */
unsigned waiting_for(const struct waiting_row *r);
/* One line for people naming each bit of w ("review requested of you as
 * DPO; 2 open comment threads"); the caller frees. */
char *waiting_text(unsigned w, int open_threads);
void waiting_free(struct waiting_row *rows, size_t n);

#endif
