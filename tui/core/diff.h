/*
 * What changed between two revisions of an assessment: answers (and
 * their notes), risks and their scores and levels, measures and the
 * risks they address, sign-offs, the DPO's judgements of the sections,
 * the title, the contact details and the review date. The
 * reviewer of revision 2 reads the difference, not the whole DPIA again.
 */
#ifndef DPIA_DIFF_H
#define DPIA_DIFF_H

#include <stddef.h>

#include "core/assess.h"

struct diff_item {
    char *what;       /* "answer desc.purposes", "risk R2 severity after", ... */
    char *label;      /* what people read: the question's prompt, the risk's title */
    char *old_value;  /* "" when there was none (added) */
    char *new_value;  /* "" when there is none any more (removed) */
};

struct diff {
    struct diff_item *items;
    size_t n, cap;
};

/* Appends to out what differs from `from` to `to` (either may use its
 * own template snapshot; questions are matched by id). */
void diff_assessments(const struct assessment *from, const struct assessment *to,
                      struct diff *out);
void diff_free(struct diff *d);

#endif
