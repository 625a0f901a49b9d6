/*
 * The DPIA's reasoning, from an assessment's answers, risks and
 * sign-offs: which questions are shown, the screening outcome (WP248),
 * risk levels under the template's method, the highest residual risk and
 * Art. 36, completeness, and the coverage of Art. 35(7) and Annex 2.
 * Pure functions of the in-memory assessment.
 */
#ifndef DPIA_LOGIC_H
#define DPIA_LOGIC_H

#include <stdbool.h>
#include <stddef.h>

#include "core/assess.h"
#include "util/buf.h"
#include "util/err.h"

/* True when every condition of question q holds for the answers. */
bool logic_shown(const struct assessment *a, const struct tmpl_question *q);

/* Which questions are shown and the progress of each section are kept
 * in the assessment between calls and follow each answer given through
 * assess_set_answer, so that a screen drawn after every key, or a
 * summary saved with every answer, costs what changed. Risks, measures
 * and sign-offs may be changed in place: what depends on them is worked
 * out at each call. The array of answers changed otherwise (appended to
 * while loading) is noticed, and everything is worked out again. */
/* Called by assess_set_answer once the answer to qid was given; old_base
 * and old_n are a->answers and a->nanswers before. */
void logic_note_answer(struct assessment *a, const char *qid, const struct answer *old_base,
                       size_t old_n);
/* Forgets what was worked out (the next call starts from the answers);
 * for tests that compare the two. */
void logic_forget(struct assessment *a);
void logic_cache_free(struct logic_cache *c);

/* --- screening ---------------------------------------------------------- */

enum screening_outcome { SCREEN_INCOMPLETE, SCREEN_NOT_REQUIRED, SCREEN_RECOMMENDED,
                         SCREEN_REQUIRED };
const char *logic_outcome_key(enum screening_outcome o);   /* "required", ... */
const char *logic_outcome_label(enum screening_outcome o); /* "DPIA required", ... */

struct screening {
    enum screening_outcome outcome;
    int criteria[9];         /* the WP248 criteria answered yes, ascending */
    int ncriteria;
    const char *grounds[8];  /* mandatory grounds answered yes (template strings) */
    int ngrounds;
    int unanswered;          /* screening questions shown and not answered */
    char rule[512];          /* the rule that decided, in a sentence */
    /* "Not carrying out a DPIA" despite a required/recommended outcome:
     * the reasons and the DPO's view must be recorded. */
    bool declined;
    bool declined_reasons_missing;
    /* ...which the law does not allow: a mandatory case applies. */
    bool declined_forbidden;
    bool decided;            /* the screening decision is answered */
    bool not_carried_out;    /* ...as "no DPIA will be carried out" */
};

void logic_screening(const struct assessment *a, struct screening *out);

/* --- risks ---------------------------------------------------------------- */

/* The level index (into method->levels) for a pair, or -1 when either
 * score is 0 (not scored) or out of the scale. */
int logic_risk_level(const struct tmpl_method *m, int likelihood, int severity);
/* A risk's level before and after measures (-1 when not scored). The
 * residual level is the "after" level, else the "before" level when no
 * after-scores exist yet. */
int logic_risk_inherent(const struct assessment *a, const struct risk *r);
int logic_risk_residual(const struct assessment *a, const struct risk *r);
/* The highest residual level over all risks, or -1 when none is scored. */
int logic_highest_residual(const struct assessment *a);
/* True when the highest residual level counts as high: Art. 36 prior
 * consultation of the supervisory authority is required. */
bool logic_art36_required(const struct assessment *a);

/* --- completeness and coverage ---------------------------------------- */

struct progress {
    int answered;
    int total;   /* shown questions (all, not just required), plus one
                    for each special section's content */
};

/* A section's progress (index into tmpl->sections). Special sections
 * count their content: the risk register is done with one fully scored
 * risk, the measures with one measure for each medium or high risk, the
 * sign-off with the DPO's advice and the controller's decision. */
void logic_section_progress(const struct assessment *a, size_t section, struct progress *p);
void logic_progress(const struct assessment *a, struct progress *p);
/* Whole percent, 0..100 (100 only when all is done). */
int logic_percent(const struct progress *p);

struct coverage_gap {
    const struct tmpl_coverage_item *item;
    const struct tmpl_question *question; /* first question to answer, or NULL */
    const struct tmpl_section *section;   /* the section to go to */
};

/* The coverage items not yet met: an item is met when every shown
 * required question covering it is answered, at least one question or
 * special section covering it has content, and the special sections
 * covering it are complete. Fills gaps (up to max) and returns how many
 * items are missing in all. */
size_t logic_coverage(const struct assessment *a, struct coverage_gap *gaps, size_t max);

/* Parts of completeness the workflow rules name one by one. */
bool logic_risk_scored(const struct assessment *a, const struct risk *r);
bool logic_risk_addressed(const struct assessment *a, int number);
bool logic_dpo_advice_done(const struct assessment *a);
bool logic_has_risk_type(const struct assessment *a, enum risk_type type);

/* The one check of a risk's scores (each 0 = not scored, or within the
 * method's scales) and type, used by every path that writes a risk:
 * the interface, the command line and import. -1 with e when wrong. */
int logic_check_scores(const struct tmpl_method *m, const struct risk *r, struct err *e);

#endif
