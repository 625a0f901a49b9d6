/* Common includes and helpers for the cmocka unit tests. */
#ifndef DPIA_UNIT_H
#define DPIA_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/assess.h"
#include "core/tmpl.h"

/* An empty assessment of the built-in template, with a fixed uuid and
 * times (the reports' tests compare bytes); the caller frees. */
static inline struct assessment *unit_fresh_assessment(void)
{
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    struct err e;
    struct assessment *a = assess_new();
    a->tmpl = tmpl_parse(xml, len, "built-in", &e);
    assert_non_null(a->tmpl);
    snprintf(a->uuid, sizeof a->uuid, "0b7e3a52-9d4f-4c1a-8e2b-5f6a7c8d9e01");
    a->created = 1767225600;
    a->updated = 1767312000;
    return a;
}

/* A valid answer of one row to table question q, in buf: text cells
 * hold text, a choice its first option, yes/no "yes", a date; cited
 * rows are left empty (they may not exist). */
static inline const char *unit_table_value(const struct tmpl_question *q, const char *text,
                                           char *buf, size_t size)
{
    size_t n = (size_t)snprintf(buf, size, "1");
    for (size_t i = 0; i < q->ncolumns && n < size; i++) {
        const struct tmpl_column *c = &q->columns[i];
        const char *v = c->type == CT_TEXT     ? text
                      : c->type == CT_CHOICE   ? c->options[0].value
                      : c->type == CT_YESNO    ? "yes"
                      : c->type == CT_DATE     ? "2027-01-15"
                                               : "";
        n += (size_t)snprintf(buf + n, size - n, "\t%s", v);
    }
    return buf;
}

/* Reads a file of the tree top (path relative to it); the caller frees.
 * Fails the test when it cannot. */
static inline char *unit_read_in(const char *top, const char *rel, size_t *len)
{
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", top, rel);
    FILE *f = fopen(path, "rb");
    if (!f)
        fail_msg("cannot open %s", path);
    size_t cap = 1 << 16, n = 0;
    char *buf = malloc(cap + 1);
    size_t r;
    while ((r = fread(buf + n, 1, cap - n, f)) > 0) {
        n += r;
        if (n == cap) {
            cap *= 2;
            buf = realloc(buf, cap + 1);
        }
    }
    fclose(f);
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

/* A file of the source tree, or of the build tree (what the build
 * makes: the default template with its translations joined in). */
static inline char *unit_read_src(const char *rel, size_t *len)
{
    return unit_read_in(TOP_SRCDIR, rel, len);
}

static inline char *unit_read_build(const char *rel, size_t *len)
{
    return unit_read_in(TOP_BUILDDIR, rel, len);
}

/* Removes a test's temporary folder and all it holds (the teardown of
 * a group): 0, or -1 when that failed. */
static inline int unit_remove_dir(const char *dir)
{
    char cmd[4200];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

#endif
