/*
 * Allocation that never returns NULL: on exhaustion the program calls the
 * registered cleanup hook (the terminal layer restores the screen), prints
 * "dpia: out of memory" and exits with status 1.
 */
#ifndef DPIA_XALLOC_H
#define DPIA_XALLOC_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t count, size_t size);
void *xrealloc(void *p, size_t n);
/* Grows an array to hold at least `need` items of `size` bytes; *cap is
 * updated. Returns the (possibly moved) array. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Like asprintf; the caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *xvasprintf(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

/* Called before exiting on exhaustion (at most one hook). */
void xalloc_set_fatal_hook(void (*hook)(void));

/* A command that ends the program once its work is done (an export, an
 * import) may leave to the exit what only freeing would cost, the trees
 * and arrays of a large assessment: xalloc_exiting() says the program
 * ends after this work, and xalloc_leave_to_exit() is then true, unless
 * the memory is checked for leaks (valgrind, AddressSanitizer), which
 * must see everything freed. */
void xalloc_exiting(void);
bool xalloc_leave_to_exit(void);

/* Frees and clears the pointer. */
#define XFREE(p) do { free(p); (p) = NULL; } while (0)

#endif
