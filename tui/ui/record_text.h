/*
 * A risk, a measure or a sign-off as one text to read in full (see
 * ui/reader.h): every field with its label, long fields as paragraphs
 * of their own, in the order of their forms.
 */
#ifndef DPIA_RECORD_TEXT_H
#define DPIA_RECORD_TEXT_H

#include "core/assess.h"

/* Each returns a text the caller frees. A question: its prompt,
 * references, guidance, answer, note and follow-up mark. */
char *record_text_question(const struct assessment *a, const struct tmpl_question *q);
char *record_text_risk(const struct assessment *a, const struct risk *r);
char *record_text_measure(const struct assessment *a, const struct measure *m);
char *record_text_signoff(const struct signoff *so);

#endif
