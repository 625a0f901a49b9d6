/*
 * A growable byte string, always NUL-terminated. A zeroed struct is an
 * empty buffer; buf_free releases it.
 */
#ifndef DPIA_BUF_H
#define DPIA_BUF_H

#include <stddef.h>

struct buf {
    char *data;
    size_t len;
    size_t cap;
};

void buf_add(struct buf *b, const char *s, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_clear(struct buf *b);
/* Hands the string over to the caller (who frees it); the buffer is empty. */
char *buf_take(struct buf *b);
void buf_free(struct buf *b);
/* The content, "" when nothing was added. */
const char *buf_str(const struct buf *b);

#endif
