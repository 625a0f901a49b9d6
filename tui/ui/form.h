/*
 * A form: labelled fields edited in place, for risks, measures and
 * sign-offs. Its keys are the key table's KC_FORM actions (ui/keys.h),
 * and KC_EDIT's in a text field: Tab or Down/Up move between fields (Tab
 * only, inside a multi-line text); Left/Right or digits choose on a
 * scale or a choice, Space ticks a risk in a risk list; Esc or F10
 * closes the form and keeps what was typed (Esc on an untouched form
 * just closes it), F8 discards it after a confirmation. The fields scroll when the terminal
 * is too short for them all. While a scale field has the focus, its level
 * definitions are shown under the form, and while a list of numbers
 * that have details has it, the numbers with their details.
 */
#ifndef DPIA_FORM_H
#define DPIA_FORM_H

#include <stdbool.h>

#include "core/tmpl.h"
#include "ui/app.h"

struct assessment;
struct draft;
struct field;

enum form_kind {
    FK_LINE,   /* one line of text: value */
    FK_TEXT,   /* several lines: value */
    FK_DATE,   /* a date as ops_date reads it, or empty: value (YYYY-MM-DD
                * once the form is closed to be saved) */
    FK_SCALE,  /* 0 (not scored) or 1..n of scale: number */
    FK_CHOICE, /* index into choices: number */
    FK_FLAGS,  /* a set of small numbers (risk numbers) in flags[]: toggled */
};

struct form_field {
    const char *label;
    enum form_kind kind;
    char *value;                          /* FK_LINE, FK_TEXT, FK_DATE (owned) */
    int number;                           /* FK_SCALE, FK_CHOICE */
    const struct tmpl_scale_level *scale; /* FK_SCALE */
    int nscale;
    const char *const *choices;           /* FK_CHOICE */
    int nchoices;
    const int *flag_ids;                  /* FK_FLAGS: the numbers one may pick */
    int nflag_ids;
    bool *flags;                          /* FK_FLAGS: picked (nflag_ids of them) */
    const char *flag_prefix;              /* "R" */
    /* FK_FLAGS: what each number stands for ("Viewing history"), listed
     * under the form while the field has the focus; NULL: nothing. */
    const char *const *flag_details;
    bool required;
    /* The field the form opens on (the first when none is): the one a
     * refusal was about, when the form opens again; cleared once used. */
    bool focus;
};

/* Runs the form; returns true when it was closed with something to save
 * (the fields hold the result), false when it was left untouched or
 * discarded, or when the program must leave (a->quitting; the fields
 * still hold what was typed). Refuses to close while a required
 * field is empty or a date is not a real date. *untouched tells an Esc
 * on an unchanged form (true) from a discard or a refusal (false).
 * With a draft (ui/draft.h; NULL: none), what the form holds is kept
 * while it runs, at most once a second while it changes and at once
 * when the program must leave, and offered back when it opens; closed
 * by the person, the form drops it. */
bool form_run_ex(struct app *a, const char *title, struct form_field *f, int n, bool *untouched,
                 struct draft *d);
void form_free(struct form_field *f, int n);

/* The form of a risk, measure or sign-off made from its field table
 * (core/fields.h): one field for each row with a label, in the order of
 * form_pos, filled from obj; the scales are a's method's, a group is
 * picked among the groups a's template declares, a risk's declared type
 * among the risk types it declares (no such field when it declares
 * none). out has room for n; src[i] is the row of out[i].
 * Returns how many fields it made. */
int form_from_table(const struct assessment *a, const struct field *t, size_t n,
                    const void *obj, struct form_field *out, const struct field **src);
/* What the fields made by form_from_table hold, back into obj (the
 * table rows a risk cites as fields_concerns writes them, when it can
 * read them; a risk given a declared type with its type not said
 * becomes of type other). */
void form_to_table(const struct form_field *f, const struct field *const *src, int n,
                   const struct assessment *a, void *obj);
/* Frees them (form_free and the lists of choices it made). */
void form_table_free(struct form_field *f, const struct field *const *src, int n);

#endif
