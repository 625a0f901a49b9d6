/*
 * A change of the change log, or of the comparison of two revisions, in
 * people's words and in the language of the messages. The log and the
 * record keep their keys ("sign-off dpo advice followed", "yes"), which
 * never change; what people read is made from them here: "Data
 * Protection Officer — Advice followed", "Yes". A key this does not
 * know is shown as it is.
 */
#ifndef DPIA_CHANGE_TEXT_H
#define DPIA_CHANGE_TEXT_H

struct tmpl;

/* What changed: "answer scr.project" -> "Answer scr.project", "risk R2
 * severity after" -> "R2 — Severity after", "undone: ..." the same after
 * "Undone: ". The caller frees. */
char *change_what_text(const char *what);

/* A value of that change as people read it: a status, decision, type or
 * yes/no by its label, a date as the language writes dates, a language
 * by its name, an answer as the question of t shows it (t may be NULL);
 * any other value as it is. The caller frees. */
char *change_value_text(const char *what, const char *value, const struct tmpl *t);

#endif
