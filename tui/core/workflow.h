/*
 * The workflow rules: everything that decides what may happen to an
 * assessment. Which statuses can be set directly, when answers, risks,
 * measures and sign-offs may change, what approval needs (the gates),
 * what must be acknowledged before a decision (the warnings), when a
 * screening alone may close an assessment, revisions, archive and
 * restore.
 *
 * Pure functions of the in-memory assessment: no clock (the caller
 * gives today's date), no store, no screen. ops/ calls them before every
 * change; the interface and the command line show what they say and
 * never check or bypass a rule on their own. A refusal gives every
 * reason at once.
 */
#ifndef DPIA_WORKFLOW_H
#define DPIA_WORKFLOW_H

#include <stdbool.h>
#include <stddef.h>

#include "core/assess.h"
#include "util/buf.h"
#include "util/err.h"

enum wf_level { WF_BLOCKER, WF_WARNING };

/* One reason: a sentence for people, and where to go to deal with it. */
struct wf_item {
    enum wf_level level;
    char *text;                           /* owned */
    const struct tmpl_question *question; /* the question to answer, or NULL */
    const struct tmpl_section *section;   /* else the section to open, or NULL */
};

struct wf_list {
    struct wf_item *items;
    size_t n, cap;
    size_t nblockers, nwarnings;
};

void wf_list_free(struct wf_list *l);
/* The items of one level as text, one per line, each line started with
 * prefix. */
void wf_list_text(const struct wf_list *l, enum wf_level level, const char *prefix,
                  struct buf *out);

/* Statuses reached only through a decision (or the screening-only
 * close); an assessment in one of them is frozen until a new revision. */
bool wf_decided(enum assess_status st);
/* Whether answers, risks, measures and sign-offs may change (a draft or
 * an assessment in review). */
bool wf_editable(const struct assessment *a);
/* The same with the reason when not: -1 with e. */
int wf_check_editable(const struct assessment *a, struct err *e);

/* Everything approval needs that is not there yet (blockers) and what
 * must be acknowledged before a decision (warnings): screening, required
 * questions, coverage gaps, the risk register and the measures, the
 * DPO's advice, the review date, Art. 36; follow-up flags, overdue
 * measures and measures due after the processing starts, answers that
 * contradict the screening. today is "YYYY-MM-DD". */
void wf_readiness(const struct assessment *a, const char *today, struct wf_list *out);

/* Whether the controller's decision d, recorded by `by` (name, position,
 * date, comment: the conditions of an approval with conditions), may be
 * taken now. Returns 0 when it may, -1 when blockers forbid it, 1 when
 * only warnings stand and acknowledged is false. out receives every
 * reason. */
int wf_check_decision(const struct assessment *a, enum decision d, const struct signoff *by,
                      const char *today, bool acknowledged, struct wf_list *out);
/* The status a decision gives. */
enum assess_status wf_decision_status(enum decision d);

/* Whether a screening that concluded "no DPIA" may close the assessment
 * as "DPIA not required" with the DPO's sign-off alone. 0, or -1 with
 * every reason in out. */
int wf_check_close(const struct assessment *a, struct wf_list *out);

/* A status set directly: only draft and "in review", and only while no
 * decision is taken; the others come from a decision, the archive or a
 * new revision. */
int wf_check_status(const struct assessment *a, enum assess_status to, struct err *e);
/* A new revision: only of a decided assessment. */
int wf_check_revise(const struct assessment *a, struct err *e);
/* Archiving (archive true) or bringing back; the status restored. */
int wf_check_archive(const struct assessment *a, bool archive, struct err *e);
enum assess_status wf_restored_status(const struct assessment *a);

/* An answer (value canonical, "" clears): the assessment editable, and
 * no "no DPIA" where a DPIA is mandatory. */
int wf_check_answer(const struct assessment *a, const struct tmpl_question *q,
                    const char *value, struct err *e);
/* A sign-off of the DPO or the assessor (the controller's comes with
 * the decision): the assessment editable, a name, the DPO's advice, the
 * reasons when it was not followed. */
int wf_check_signoff(const struct assessment *a, const struct signoff *so, struct err *e);
/* The DPO's judgement of a section (verdict VD_NONE removes it): the
 * assessment editable (a decided revision keeps the judgements it was
 * signed with), a section of its template, a name when a verdict is
 * given. */
int wf_check_judgement(const struct assessment *a, const struct judgement *j, struct err *e);
/* A change to the risk register or the action plan. */
int wf_check_register(const struct assessment *a, struct err *e);
/* A workshop started (start true: none may be open, each section of
 * the agenda, comma-separated, must be the template's) or ended (one
 * must be open): like any change, refused on a decided or archived
 * assessment. */
int wf_check_workshop(const struct assessment *a, bool start, const char *agenda,
                      struct err *e);

#endif
