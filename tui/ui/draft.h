/*
 * Drafts: what a person is typing in a form or a dialog and has not
 * saved yet, kept in the database (ops_draft_*) while the form is open,
 * so that a crash or kill -9 loses at most about a second of typing.
 *
 * A form or dialog given a draft (form_run_ex, dialog_text,
 * dialog_entry) asks when it opens, if a draft of its key is there,
 * whether to restore it; while it runs it keeps what it holds at most
 * once a second while that changes (draft_due says when; its wait for
 * a key is draft_wait long, so that the save comes on time without a
 * key), and at once when the program must leave (a->quitting).
 * Discarded by the person (F8, Esc on an untouched form, a cancelled
 * entry) it drops the draft; closed to be saved, or left because the
 * program must leave, it keeps what it holds, and the caller, once it
 * has saved that or given up, calls draft_finish.
 *
 * Nothing is kept or dropped on a read-only database.
 */
#ifndef DPIA_DRAFT_H
#define DPIA_DRAFT_H

#include <stdbool.h>
#include <stdint.h>

#include "ui/app.h"

struct draft {
    int64_t assessment;
    char key[160];   /* what the form edits: "risk:new", "note:QID" */
    char *saved;     /* what the database holds, or what the form opened with */
    char *base;      /* the form's: its fields as it first opened */
    long long due;   /* when a change may be kept next (monotonic ms) */
    bool changed;    /* input came since the content was last compared */
    bool stored;     /* a draft of the key may be in the database */
    bool offered;    /* the restore question was put (once per struct) */
    bool held;       /* the program left before it was answered: let be */
};

void draft_init(struct draft *d, int64_t assessment, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void draft_free(struct draft *d);

/* When a form opens: the draft kept for its key, when there is one, it
 * fits the form (fits NULL: any does) and the person wants it back; the
 * caller fills the form from it and frees it. A draft that does not fit
 * or is not wanted is dropped. Asks once per struct draft. title: the
 * question's. */
char *draft_restore(struct app *a, struct draft *d, const char *title,
                    bool (*fits)(const char *content, const void *ctx), const void *ctx);
/* What the form holds once open (restored or not): nothing is kept
 * until it changes. */
void draft_begin(struct draft *d, const char *content);
/* An input came that may have changed the content. */
void draft_touch(struct draft *d);
/* True when the content should be compared and kept now: input came
 * and a second has passed since the last save (at once when leaving). */
bool draft_due(const struct app *a, const struct draft *d);
/* How long to wait for input, in ms, so that draft_due comes on time. */
int draft_wait(const struct app *a, const struct draft *d);
/* Keeps content when it differs from what was kept last. */
void draft_keep(struct app *a, struct draft *d, const char *content);
/* The form closes: discarded by the person (and the program not
 * leaving), the draft is dropped; otherwise what it holds is kept at
 * once, until draft_finish. */
void draft_close(struct app *a, struct draft *d, const char *content, bool discarded);
/* After the caller saved what the form held (saved) or gave up on it:
 * the draft is dropped, unless the program is leaving and it was not
 * saved (it stays, to be offered next time). */
void draft_finish(struct app *a, struct draft *d, bool saved);

/* The content of a form: its fields one a line, each with backslashes
 * and line breaks escaped (\\, \n, \r); a NULL field (one left as
 * it was) is written \= . The caller frees. */
char *draft_encode(const char *const *fields, int n);
/* The fields back, n of them, NULL for one left as it was; the caller
 * frees with draft_fields_free. */
char **draft_decode(const char *content, int *n);
void draft_fields_free(char **fields, int n);

#endif
