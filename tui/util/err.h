/*
 * Error texts. A function that can fail takes a `struct err *` (may be
 * NULL when the caller does not care), returns -1 (or NULL) and fills it
 * with one line, without the "dpia: " prefix. Messages about a file read
 * "FILE:LINE: message".
 */
#ifndef DPIA_ERR_H
#define DPIA_ERR_H

#define ERR_MAX 1024

struct err {
    char text[ERR_MAX];
};

/* Always returns -1, so that `return err_set(e, ...)` reads naturally. */
int err_set(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Prefixes the existing text with "prefix: ". */
void err_prefix(struct err *e, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Prints "dpia: message" on stderr (the one place the prefix is written). */
void msg_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void msg_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
