/*
 * A sink: where a stream of bytes goes (a buffer, a file being written,
 * standard output), so that a long export is written as it is made
 * instead of being held whole in memory.
 */
#ifndef DPIA_SINK_H
#define DPIA_SINK_H

#include <stddef.h>
#include <stdio.h>

#include "util/buf.h"

struct sink {
    /* Takes p[0..n); returns 0, or -1 with errno set. */
    int (*write)(void *ctx, const char *p, size_t n);
    void *ctx;
};

/* Appends to b (never fails). */
struct sink sink_buf(struct buf *b);
/* Writes to f (fails as fwrite does). */
struct sink sink_stdio(FILE *f);

static inline int sink_write(const struct sink *s, const char *p, size_t n)
{
    return n ? s->write(s->ctx, p, n) : 0;
}

#endif
