/*
 * The fields of risks, measures and sign-offs, described once: name (as
 * the change log and the comparison of revisions say it), kind and place
 * in the struct. The store binds and reads its columns in this order,
 * the diff between revisions and the change log compare and describe
 * fields through it.
 */
#ifndef DPIA_FIELDS_H
#define DPIA_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/assess.h"

enum field_kind {
    FLD_TEXT,       /* char * */
    FLD_INT,        /* int */
    FLD_MTYPE,      /* enum measure_type */
    FLD_MSTATUS,    /* enum measure_status */
    FLD_DECISION,   /* enum decision */
    FLD_FOLLOWED,   /* int: 1 yes, 0 no, -1 not said */
    FLD_RTYPE,      /* enum risk_type */
};

struct field {
    const char *name;
    enum field_kind kind;
    size_t off;
    bool lines; /* FLD_TEXT: may hold several lines (core/textrule.h) */
};

extern const struct field risk_fields[];
extern const size_t nrisk_fields;
extern const struct field measure_fields[];
extern const size_t nmeasure_fields;
extern const struct field signoff_fields[];
extern const size_t nsignoff_fields;

/* The text of a FLD_TEXT field (never NULL: "" when unset). */
const char *field_str(const struct field *f, const void *obj);
/* Replaces a FLD_TEXT field with a copy of v. */
void field_set_str(const struct field *f, void *obj, const char *v);
/* Any other kind as an int, and back. */
int field_int(const struct field *f, const void *obj);
void field_set_int(const struct field *f, void *obj, int v);
/* The stored key of an enumerated value ("" when out of range), and
 * its parse (-1 when unknown). */
const char *field_key(const struct field *f, int v);
int field_parse(const struct field *f, const char *key);
/* True when the field has the same value in both objects. */
bool field_same(const struct field *f, const void *a, const void *b);
/* The value as the change log shows it; the caller frees. */
char *field_text(const struct field *f, const void *obj);

#endif
