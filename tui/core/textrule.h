/*
 * What text a field may hold, said once for every field a person fills
 * in: answers and their notes, titles, names and positions, advice and
 * comments, the text fields of risks and measures. The interface and the
 * command line reach it through ops/, which refuses a text that breaks
 * it, with the reason; nothing is cut or replaced on the way in.
 *
 * A text is acceptable when it is well-formed UTF-8 with no NUL byte, no
 * C0 or C1 control character (line feed and tab only in a field of
 * several lines; never carriage return, ESC, DEL), and no bidirectional
 * control (util/text.h: text_is_bidi), which would make it read
 * differently on a screen or in a report from what it holds.
 */
#ifndef DPIA_TEXTRULE_H
#define DPIA_TEXTRULE_H

#include <stddef.h>

#include "core/fields.h"
#include "util/err.h"

enum text_kind {
    TK_LINE,  /* one line: no line break, no tab */
    TK_LINES, /* several lines: line feeds and tabs allowed */
};

/* 0 when s[0..len) is acceptable for a field of this kind; else -1 with
 * "WHAT: what is wrong at byte offset N" (the offset counted from 0 in
 * s). A UTF-16 text (a byte order mark, or NUL bytes between ASCII
 * letters) is said to be one. */
int textrule_check(const char *what, const char *s, size_t len, enum text_kind kind,
                   struct err *e);
/* The same for a C string. */
int textrule_check_str(const char *what, const char *s, enum text_kind kind, struct err *e);
/* The encoding alone: UTF-8 without NUL bytes (for input read whole
 * before it is given to a field, such as standard input). */
int textrule_encoding(const char *what, const char *s, size_t len, struct err *e);

/* Checks every FLD_TEXT field of obj (a risk, a measure, a sign-off;
 * fields[] from core/fields.h) that differs from old (all of them when
 * old is NULL), each by its kind; WHAT is "<owner> <field name>". */
int textrule_fields(const char *owner, const struct field *fields, size_t n, const void *obj,
                    const void *old, struct err *e);

#endif
