/*
 * The register: every assessment as the DPO answers for it (status,
 * decision, highest residual risk, review date, open and overdue
 * measures with their owners, the person responsible), and the measures
 * overdue across all of them. The store fills the rows and the open
 * measures; what is overdue, who is responsible, the order and the
 * filter are worked out here. Pure: today is given.
 *
 * The person responsible is the DPO who signed the assessment off, else
 * the assessor who signed it, else the controller organisation, else
 * no one (""); responsible_from says which.
 */
#ifndef DPIA_REGISTER_H
#define DPIA_REGISTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/assess.h"

/* An open measure (planned or in progress). */
struct reg_measure {
    int64_t assessment;
    int number;
    char *title, *owner, *due; /* "" when none; due YYYY-MM-DD */
    enum measure_status status;
    bool overdue;              /* reg_settle: due before today */
    const char *atitle;        /* reg_settle: its assessment's title */
};

#define REG_RESPONSIBLE(X) \
    X(NONE, "") \
    X(DPO, "dpo") \
    X(ASSESSOR, "assessor") \
    X(CONTROLLER, "controller")

enum reg_responsible {
#define X(name, key) RESP_##name,
    REG_RESPONSIBLE(X)
#undef X
};
const char *reg_responsible_key(enum reg_responsible r);

struct reg_row {
    int64_t id;
    char uuid[37];
    char *title;
    enum assess_status status;
    enum decision decision;    /* the controller's sign-off */
    int highest_level;         /* -1 none */
    char *highest_name;        /* "" none */
    bool highest_is_high;
    char *review_date;         /* "" none */
    char *controller;          /* the organisation */
    char *dpo, *assessor;      /* the names on the sign-offs, "" none */
    /* Worked out by reg_settle: */
    bool review_overdue;       /* the review date is before today */
    size_t first, nopen;       /* its open measures: measures[first..first+nopen) */
    int noverdue;
    char *owners;              /* the owners of its open measures, "; " between */
    const char *responsible;   /* one of the strings above, or "" */
    enum reg_responsible responsible_from;
    const char *next_date;     /* the earliest of the review date and its open
                                  measures' due dates, "" none */
};

struct reg {
    struct reg_row *rows;
    size_t nrows;
    struct reg_measure *measures; /* by assessment, then number */
    size_t nmeasures;
    size_t *overdue;              /* reg_settle: indexes into measures of those
                                     overdue, of the rows kept, earliest first */
    size_t noverdue;
    char today[16];
};

#define REG_SORTS(X) \
    X(DUE, "due") \
    X(TITLE, "title") \
    X(STATUS, "status") \
    X(RISK, "risk") \
    X(REVIEW, "review")

enum reg_sort {
#define X(name, key) REG_SORT_##name,
    REG_SORTS(X)
#undef X
};
/* -1 when unknown. */
int reg_sort_parse(const char *key);

/* Keeps the rows of status st only (st -1: all). Before reg_settle. */
void reg_filter_status(struct reg *r, int st);
/* Works out what is overdue on today ("YYYY-MM-DD"), the owners and the
 * person responsible of each row, and the list of overdue measures. */
void reg_settle(struct reg *r, const char *today);
/* Sorts the rows: REG_SORT_DUE the most pressing first (the earliest
 * review or due date, those with none last), TITLE alphabetically,
 * STATUS in the order of the workflow, RISK the highest first, REVIEW
 * the nearest review date first, those with none last. Ties by id. */
void reg_sort(struct reg *r, enum reg_sort by);
void reg_free(struct reg *r);

/* Whether an open measure or a review on date is overdue on today: a
 * date before today ("" never is). */
bool reg_overdue(const char *date, const char *today);
/* Whether date is due by limit (on or before it; "" never is). */
bool reg_due_by(const char *date, const char *limit);

#endif
