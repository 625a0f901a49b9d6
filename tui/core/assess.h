/*
 * An assessment in memory: its metadata, answers, risks, measures and
 * sign-offs, with the template it was started with. The store fills one
 * from the database; the reports write one out; the interface edits one
 * through the store. Every string is owned by the structure (UTF-8,
 * never NULL unless said); assess_free releases it all.
 */
#ifndef DPIA_ASSESS_H
#define DPIA_ASSESS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/tmpl.h"
#include "util/i18n.h"

/* Statuses: enum name, name stored and exported, label for people. */
#define ASSESS_STATUSES(X) \
    X(DRAFT, "draft", N_("Draft")) \
    X(REVIEW, "review", N_("In review")) \
    X(APPROVED, "approved", N_("Approved")) \
    X(CONDITIONS, "approved-with-conditions", N_("Approved with conditions")) \
    X(REJECTED, "rejected", N_("Rejected")) \
    X(REFERRED, "referred", N_("Referred to the supervisory authority")) \
    X(NOT_REQUIRED, "not-required", N_("DPIA not required")) \
    X(ARCHIVED, "archived", N_("Archived"))

enum assess_status {
#define X(name, key, label) ST_##name,
    ASSESS_STATUSES(X)
#undef X
    ST_COUNT
};

/* Measure statuses. */
#define MEASURE_STATUSES(X) \
    X(PLANNED, "planned", N_("Planned")) \
    X(PROGRESS, "in-progress", N_("Partially implemented")) \
    X(DONE, "done", N_("Implemented")) \
    X(DROPPED, "dropped", N_("Dropped"))

enum measure_status {
#define X(name, key, label) MS_##name,
    MEASURE_STATUSES(X)
#undef X
    MS_COUNT
};

/* Measure types. */
#define MEASURE_TYPES(X) \
    X(TECHNICAL, "technical", N_("Technical")) \
    X(ORGANISATIONAL, "organisational", N_("Organisational")) \
    X(LEGAL, "legal", N_("Legal or contractual"))

enum measure_type {
#define X(name, key, label) MT_##name,
    MEASURE_TYPES(X)
#undef X
    MT_COUNT
};

/* The type of a risk: the feared events every DPIA considers (WP248
 * Annex 2) and the others. */
#define RISK_TYPES(X) \
    X(NONE, "", N_("Not said")) \
    X(ACCESS, "illegitimate-access", N_("Illegitimate access")) \
    X(MODIFICATION, "unwanted-modification", N_("Unwanted modification")) \
    X(DISAPPEARANCE, "disappearance", N_("Disappearance")) \
    X(OTHER, "other", N_("Other harm"))

enum risk_type {
#define X(name, key, label) RT_##name,
    RISK_TYPES(X)
#undef X
    RT_COUNT
};

/* Sign-off roles. */
#define SIGNOFF_ROLES(X) \
    X(ASSESSOR, "assessor", N_("Assessor")) \
    X(DPO, "dpo", N_("Data Protection Officer")) \
    X(CONTROLLER, "controller", N_("Controller's decision-maker"))

enum signoff_role {
#define X(name, key, label) SR_##name,
    SIGNOFF_ROLES(X)
#undef X
    SR_COUNT
};

/* The controller's decisions (EDPB 2026 template). */
#define DECISIONS(X) \
    X(NONE, "", N_("No decision yet")) \
    X(APPROVE, "approve", N_("Approve")) \
    X(CONDITIONS, "approve-with-conditions", N_("Approve with conditions")) \
    X(REJECT, "reject", N_("Reject")) \
    X(REFER, "refer", N_("Refer to the supervisory authority"))

enum decision {
#define X(name, key, label) DEC_##name,
    DECISIONS(X)
#undef X
    DEC_COUNT
};

/* The DPO's judgement of a section (as the CNIL's PIA tool has it). */
#define VERDICTS(X) \
    X(NONE, "", N_("Not judged")) \
    X(ACCEPTABLE, "acceptable", N_("Acceptable")) \
    X(IMPROVE, "improve", N_("To be improved"))

enum verdict {
#define X(name, key, label) VD_##name,
    VERDICTS(X)
#undef X
    VD_COUNT
};

const char *assess_status_key(enum assess_status s);
const char *assess_status_label(enum assess_status s);
int assess_status_parse(const char *key); /* -1 when unknown */
const char *measure_status_key(enum measure_status s);
const char *measure_status_label(enum measure_status s);
int measure_status_parse(const char *key);
const char *measure_type_key(enum measure_type t);
const char *measure_type_label(enum measure_type t);
int measure_type_parse(const char *key);
const char *risk_type_key(enum risk_type t);
const char *risk_type_label(enum risk_type t);
int risk_type_parse(const char *key);
const char *signoff_role_key(enum signoff_role r);
const char *signoff_role_label(enum signoff_role r);
int signoff_role_parse(const char *key);
const char *decision_key(enum decision d);
const char *decision_label(enum decision d);
int decision_parse(const char *key);
const char *verdict_key(enum verdict v);
const char *verdict_label(enum verdict v);
int verdict_parse(const char *key);

struct answer {
    char *question;  /* question id */
    char *value;     /* canonical form, see core/answer.h */
    char *note;      /* "" when none */
    bool flagged;    /* marked for follow-up */
    char *who;
    int64_t when;    /* seconds since the epoch */
    int64_t revision;/* bumped by the store on each change */
};

struct risk {
    int64_t id;      /* the store's id, unique in the assessment's file */
    int number;      /* R1, R2, ...: stable within the assessment */
    char *title;
    char *description;
    char *source;    /* risk sources: who or what could cause it */
    char *impacts;   /* on the people concerned */
    char *threats;
    enum risk_type type;
    int likelihood, severity;             /* before measures; 0 = not scored */
    char *likelihood_why, *severity_why;
    int likelihood_after, severity_after; /* after measures; 0 = not scored */
    char *likelihood_after_why, *severity_after_why;
    /* The table rows it concerns (core/table.h), references separated
     * by one space ("D1 D3 P2"); "" when none. */
    char *concerns;
    /* The id of a risk type the template declares (core/tmpl.h), for a
     * risk of type RT_OTHER; "" when none. */
    char *kind;
};

struct measure {
    int64_t id;
    int number;      /* M1, M2, ... */
    char *title;
    char *description;
    enum measure_type type;
    char *owner;
    char *due;       /* YYYY-MM-DD or "" */
    enum measure_status status;
    char *group;     /* id of a group the template declares, or "" */
    int *risks;      /* numbers of the risks it addresses */
    size_t nrisks;
};

struct signoff {
    enum signoff_role role;
    char *name;
    char *position;
    char *date;      /* YYYY-MM-DD or "" */
    enum decision decision;   /* the controller's */
    char *advice;    /* the DPO's advice, or the signer's comment */
    int advice_followed;      /* DPO advice: 1 followed, 0 not, -1 not said */
    char *why_not;   /* reasons when the advice was not followed */
    char *acknowledged; /* the warnings acknowledged with the decision,
                           one per line; "" when none */
};

/* The DPO's judgement of one section of the questionnaire: acceptable
 * or to be improved, with a comment, who gave it and when. */
struct judgement {
    char *section;   /* section id in the template */
    enum verdict verdict;     /* never VD_NONE in an assessment */
    char *comment;   /* "" when none */
    char *name;      /* who judged (the DPO) */
    char *date;      /* YYYY-MM-DD or "" */
};

/* A workshop: one session in which the assessment was worked on with
 * others (Art. 35(2) the DPO's advice, Art. 35(9) the views of the
 * people concerned), its participants, what it settled and what it
 * left open. */
struct ws_participant {
    char *name;
    char *role;          /* "" when not said */
    char *organisation;  /* "" when not said */
    bool represents;     /* represents the people concerned, Art. 35(9) */
};

struct ws_point {
    char *text;
    char *who;           /* who took it, "" when nobody */
};

struct workshop {
    int number;          /* 1, 2, ... in the assessment */
    char *date;          /* YYYY-MM-DD or "" */
    char *place;         /* a room or a call, "" when not said */
    char *agenda;        /* section ids, comma-separated, "" when none */
    char *minutes;       /* "" when none */
    int64_t started;     /* seconds since the epoch */
    int64_t ended;       /* 0 while it is open */
    char *who;           /* who ran it */
    struct ws_participant *participants;
    size_t nparticipants;
    struct ws_point *points;
    size_t npoints;
    char **settled;      /* the questions answered or changed during it */
    size_t nsettled;
};

/* One entry of the change history (Art. 5(2) accountability). */
struct change {
    int64_t when;     /* seconds since the epoch */
    char *who;
    char *what;       /* "answer desc.purposes", "risk R2 likelihood", "status", ... */
    char *old_value;  /* "" when there was none */
    char *new_value;
};

struct diff;
struct logic_cache;
struct member;
struct review_step;
struct comment;
struct behalf;

struct assessment {
    int64_t id;
    char uuid[37];
    char *title;
    enum assess_status status;
    char *method;    /* risk method id in the template */
    int64_t created, updated;
    unsigned long saves; /* changes written through this copy since it was
                            loaded (the store counts them) */
    char *review_date;  /* YYYY-MM-DD or "" */
    int revision;       /* 1, 2, ...: opened anew after each decision */
    char *replaces_date;/* decision date of the revision this one replaces,
                           "" for the first */
    enum assess_status archived_from; /* the status before archiving */
    /* The controller organisation and the DPO's contact details (Art.
     * 36(3)(d)): free text of several lines, "" when not given; they
     * stay from one revision to the next. */
    char *controller;
    char *dpo_contact;
    /* The language it is written in ("en", "fr", "de"): its template's
     * text, its answers and its reports. */
    char *lang;
    /* What changed since the revision this one replaces (owned; NULL
     * when not known): filled by whoever loads both, or by an import of
     * a record that carries it. */
    struct diff *since;
    struct tmpl *tmpl;  /* the snapshot it was started with (owned) */
    struct answer *answers;
    size_t nanswers;
    struct risk *risks;
    size_t nrisks;
    struct measure *measures;
    size_t nmeasures;
    struct signoff signoffs[SR_COUNT];
    /* The DPO's judgements of the sections, at most one a section, in
     * the order they were recorded or read; a new revision starts with
     * none. */
    struct judgement *judgements;
    size_t njudgements;
    /* The workshops, oldest first; at most the last one open. */
    struct workshop *workshops;
    size_t nworkshops;
    /* People and roles, the review and its comments (core/roles.h):
     * the members with their roles (they stay from one revision to the
     * next); the review's steps, the comments on questions and the
     * records made on someone's behalf of this revision, oldest first. */
    struct member *members;
    size_t nmembers;
    struct review_step *steps;
    size_t nsteps;
    struct comment *comments;
    size_t ncomments;
    struct behalf *behalf;
    size_t nbehalf;
    struct change *history;  /* oldest first */
    size_t nhistory;
    /* True when the change history was not read (the store loads it
     * only for those who show or export it): history is then empty and
     * must not be taken for the whole. */
    bool history_missing;
    /* The store's: the id of the last history row read into history,
     * and what tells whether this copy is still what the database holds
     * (see store.h). */
    int64_t history_last_id;
    uint64_t store_stamp;
    const void *store_of;

    /* Caches of the core, not to be touched. The answers by question id
     * (a hash table of indices into answers, kept by assess_answer and
     * assess_set_answer, rebuilt when answers or nanswers changed behind
     * their back); what core/logic.c has worked out from the answers
     * (which questions are shown, the progress of each section), kept
     * up to date by assess_set_answer; the room allocated in answers and
     * history. */
    size_t *answer_slots;
    size_t answer_nslots;    /* a power of two, or 0 */
    const struct answer *index_base;
    size_t index_n;
    size_t answers_cap;
    size_t history_cap;
    struct logic_cache *logic;
};

struct assessment *assess_new(void);
void assess_free(struct assessment *a);
/* Empties the answers, risks, measures and sign-offs (to be read
 * again), and what was worked out from them. The arrays may be appended
 * to (a load does), but are freed or replaced only by this and
 * assess_free. */
void assess_clear_content(struct assessment *a);

/* The answer to a question, or NULL when none, in constant time (a hash
 * table of the answers, rebuilt when the array was changed other than by
 * assess_set_answer). */
const struct answer *assess_answer(const struct assessment *a, const char *qid);
/* Its value, or NULL when unanswered (an empty value counts as unanswered). */
const char *assess_value(const struct assessment *a, const char *qid);
/* Adds or replaces an answer in memory (copies the strings); the
 * lookups and what the core's logic has worked out follow, in time that
 * does not grow with the number of answers. Use it, not the array, to
 * change an answer's value. */
struct answer *assess_set_answer(struct assessment *a, const char *qid, const char *value);

/* Deep copies (dst is overwritten, not freed first) and releasing the
 * strings a risk, measure or sign-off owns (the struct itself stays,
 * zeroed strings freed and set to NULL). */
void assess_risk_copy(struct risk *dst, const struct risk *src);
void assess_risk_clear(struct risk *r);
void assess_measure_copy(struct measure *dst, const struct measure *src);
void assess_measure_clear(struct measure *m);
void assess_signoff_copy(struct signoff *dst, const struct signoff *src);
void assess_signoff_clear(struct signoff *so);

void assess_judgement_copy(struct judgement *dst, const struct judgement *src);
void assess_judgement_clear(struct judgement *j);
/* The judgement of a section, or NULL when none. */
const struct judgement *assess_judgement(const struct assessment *a, const char *section);
/* Replaces the judgement of j->section with a copy of j, or removes it
 * when j->verdict is VD_NONE. */
void assess_set_judgement(struct assessment *a, const struct judgement *j);
/* Removes every judgement. */
void assess_clear_judgements(struct assessment *a);
/* The text the change log gives a judgement: "VERDICT: COMMENT", the
 * verdict alone without a comment, "" for none (j NULL). The caller
 * frees. */
char *assess_judgement_text(const struct judgement *j);

/* Releases what a workshop owns (the struct itself stays, zeroed). */
void assess_workshop_clear(struct workshop *w);
/* Appends a workshop (w's strings and arrays are taken over, w zeroed). */
void assess_add_workshop(struct assessment *a, struct workshop *w);
/* Removes every workshop. */
void assess_clear_workshops(struct assessment *a);
/* The open workshop, or NULL when none is. */
const struct workshop *assess_open_workshop(const struct assessment *a);

/* Appends a history entry (copies the strings), in amortised constant
 * time. */
void assess_add_change(struct assessment *a, int64_t when, const char *who, const char *what,
                       const char *old_value, const char *new_value);

/* The risk method in force: the assessment's, else the template's default. */
const struct tmpl_method *assess_method(const struct assessment *a);

#endif
