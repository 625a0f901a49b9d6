/*
 * Undo, as the change log sees it: which change is the latest one still
 * standing, what it touched, and the values that bring it back. Pure:
 * the store reads the log and writes the reversal, ops/ checks the
 * rules first.
 *
 * An undo is itself a change of the log: each entry it reverses gets an
 * entry "undone: WHAT" whose old and new values are the reversed
 * entry's new and old values. Walking the log from its end, each
 * "undone: WHAT" cancels the nearest earlier entry WHAT not cancelled
 * yet; the first entry that is neither an undo nor cancelled is the one
 * to undo next. The link is made by the entries' text, not by a row
 * number, so that it holds in an exported record and in its import.
 *
 * One change may have written several entries at once (an answer and
 * its note, three fields of a risk, a risk deleted with its details):
 * the store numbers each entry's part in its change, and an undo takes
 * the whole change back. Where that is not known (entries of an older
 * file or of an imported record), each entry is a change of its own,
 * and a deletion cannot be undone (its details may be missing).
 */
#ifndef DPIA_UNDO_H
#define DPIA_UNDO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/assess.h"
#include "core/fields.h"
#include "util/err.h"

#define UNDO_PREFIX "undone: "

/* The part of an entry in its change. */
#define UNDO_PART_UNKNOWN 0  /* not known */
#define UNDO_PART_FIRST 1    /* the first entry a change wrote */
#define UNDO_PART_MORE 2     /* a later entry of the same change */

enum undo_kind {
    UNDO_NONE,     /* an entry undo does not reverse (status, title, ...) */
    UNDO_ANSWER,   /* "answer Q", "note Q", "follow-up Q" */
    UNDO_RISK,     /* "risk RN added|deleted|FIELD|measures" */
    UNDO_MEASURE,  /* "measure MN added|deleted|FIELD|risks" */
    UNDO_SIGNOFF,  /* "sign-off ROLE FIELD" */
};

/* What an entry's text says: the kind, the thing (question id, risk or
 * measure number, sign-off role) and the part ("answer", "note",
 * "follow-up"; "added", "deleted" or a field's name). */
struct undo_subject {
    enum undo_kind kind;
    char thing[256];
    int number;            /* risks and measures */
    int role;              /* sign-offs: enum signoff_role */
    char part[64];
};

/* Parses an entry's text; kind UNDO_NONE when undo cannot reverse it. */
void undo_parse(const char *what, struct undo_subject *out);
/* Whether the entry's text is that of an undo. */
bool undo_is_undo(const char *what);

/* The latest change still standing in h (oldest first; parts[i] the
 * part of h[i], or parts NULL when not known): the entries
 * [*first, *last] that make it. false when nothing is left to undo. */
bool undo_find(const struct change *h, const int *parts, size_t n, size_t *first,
               size_t *last);

/* Sets a field of a risk, measure or sign-off from its text as the
 * change log writes it (field_text); -1 with e when the text is not a
 * value of that field. */
int undo_field_set(const struct field *f, void *obj, const char *text, struct err *e);
/* The field of the table with that name, or NULL. */
const struct field *undo_field(const struct field *fields, size_t n, const char *name);
/* "R1, R3" (or "M1, M3") as numbers; the caller frees *out. -1 with e
 * when the text is not such a list. */
int undo_numbers(const char *text, char letter, int **out, size_t *n, struct err *e);

#endif
