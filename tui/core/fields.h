/*
 * The fields of risks, measures and sign-offs, described once. Each row
 * of a table names one member of the struct and everything that calls
 * it by a name:
 *
 *   name    the change log and the comparison of revisions ("likelihood
 *           after why"); records carry it, so it never changes;
 *   column  its column in the store (the statements are made from it);
 *   xml     where the record holds it, relative to the element of the
 *           risk, measure or sign-off: "title" an element, "@type" an
 *           attribute, "before/@likelihood" one inside a child;
 *   csv     the header of its CSV column (NULL: not exported there);
 *   label   the label of its field in the forms (NULL: not in a form);
 *           both marked for translation and passed through _() where
 *           they are shown, the others never translated;
 *   opt     its command-line option, without the dashes (NULL: none).
 *
 * The store binds and reads its columns, the diff and the change log
 * compare and describe fields, copying and clearing go through the text
 * fields, the CSV exports and the forms lay them out, and `dpia risk
 * add` and `dpia measure add` take their options, all from these
 * tables: a new text field is one row here, a migration and its place
 * in the record. csv_pos and form_pos place a field among the others
 * (and the CSV's computed columns); 0 puts a field after every placed
 * one, in the order of the table.
 */
#ifndef DPIA_FIELDS_H
#define DPIA_FIELDS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/assess.h"
#include "util/err.h"

enum field_kind {
    FLD_TEXT,       /* char * */
    FLD_INT,        /* int */
    FLD_MTYPE,      /* enum measure_type */
    FLD_MSTATUS,    /* enum measure_status */
    FLD_DECISION,   /* enum decision */
    FLD_FOLLOWED,   /* int: 1 yes, 0 no, -1 not said */
    FLD_RTYPE,      /* enum risk_type */
};

/* What a text or number means beyond its kind. */
enum field_role {
    FR_PLAIN,
    FR_LIKELIHOOD,  /* FLD_INT: a level of the method's likelihood scale */
    FR_SEVERITY,    /* FLD_INT: a level of its severity scale */
    FR_DATE,        /* FLD_TEXT: YYYY-MM-DD or "" */
    FR_CONCERNS,    /* FLD_TEXT: table rows cited (fields_concerns) */
    FR_GROUP,       /* FLD_TEXT: id of a measure group of the template */
    FR_RISK_KIND,   /* FLD_TEXT: id of a risk type the template declares */
};

struct field {
    const char *name;
    enum field_kind kind;
    size_t off;
    bool lines;     /* FLD_TEXT: may hold several lines (core/textrule.h) */
    enum field_role role;
    bool required;  /* may not be empty (a title) */
    const char *column;
    const char *xml;
    bool xml_opt;   /* an element written only when it holds something,
                       so that records made before it stay byte-identical */
    const char *csv;
    int csv_pos;
    const char *label;
    int form_pos;
    const char *opt;
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
/* The label for people of an enumerated value ("" when out of range),
 * and how many values the enumeration has (0 for other kinds). */
const char *field_choice_label(const struct field *f, int v);
int field_nchoices(const struct field *f);
/* True when the field has the same value in both objects. */
bool field_same(const struct field *f, const void *a, const void *b);
/* The value as the change log shows it; the caller frees. */
char *field_text(const struct field *f, const void *obj);
/* The value as people read it in a, the assessment it belongs to: a
 * score with its level's name ("Significant (3)"), a choice by its
 * label, a group by its name, a risk of type other with a declared
 * kind by the kind's name; "" when empty. The caller frees. */
char *field_show(const struct field *f, const void *obj, const struct assessment *a);

/* The row of a table by its change-log name; NULL when none. */
const struct field *fields_find(const struct field *t, size_t n, const char *name);

/* Copies every text field of src into dst (which holds none yet), and
 * frees every text field of obj; the other members are the caller's. */
void fields_copy_texts(const struct field *t, size_t n, void *dst, const void *src);
void fields_clear_texts(const struct field *t, size_t n, void *obj);

/* The fields of a table in the order of csv_pos (form_pos with form),
 * those without a CSV header (form label) left out, into out (room for
 * n); returns how many. */
size_t fields_layout(const struct field *t, size_t n, bool form, const struct field **out);

/* The table rows a risk cites ("D1 P2"), as typed: references of one to
 * three capital letters and a number, separated by spaces or commas.
 * Returns them separated by one space, in the order given, a repeated
 * one once ("" for none; the caller frees), or NULL with e on the first
 * malformed reference. */
char *fields_concerns(const char *in, struct err *e);

/* The measure group of the template with the given id; NULL when none. */
const struct tmpl_group *fields_group(const struct tmpl *t, const char *id);
/* Checks that id is "" or a group t declares; -1 with e listing them. */
int fields_check_group(const struct tmpl *t, const char *id, struct err *e);

/* The risk type the template declares with the given id; NULL when
 * none. */
const struct tmpl_group *fields_kind(const struct tmpl *t, const char *id);
/* Checks that id is "" or a risk type t declares; -1 with e listing
 * them. */
int fields_check_kind(const struct tmpl *t, const char *id, struct err *e);
/* A risk's type as people read it: the name of its declared kind when
 * it has one the template declares, else the label of its type. */
const char *fields_risk_type_name(const struct assessment *a, const struct risk *r);

#endif
