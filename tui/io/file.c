#include "config.h"
#include "io/io.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/path.h"
#include "util/xalloc.h"

char *io_read_file(const char *path, size_t max, size_t *len, struct err *e)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        err_set(e, "%s: %s", path, strerror(errno));
        return NULL;
    }
    struct stat sb;
    if (fstat(fd, &sb) == 0 && S_ISDIR(sb.st_mode)) {
        close(fd);
        err_set(e, "%s: is a folder", path);
        return NULL;
    }
    size_t cap = 65536, n = 0;
    char *buf = xmalloc(cap + 1);
    for (;;) {
        if (n == cap) {
            if (cap > max) {
                break;
            }
            cap *= 2;
            buf = xrealloc(buf, cap + 1);
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            err_set(e, "%s: %s", path, strerror(errno));
            close(fd);
            free(buf);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n > max)
            break;
    }
    close(fd);
    if (n > max) {
        err_set(e, "%s:1: larger than the limit of %zu bytes", path, max);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

struct io_out {
    char *path;   /* where the file goes */
    char *tmp;    /* the temporary file beside it */
    int fd;
    int error;    /* the first write's errno, 0 when none failed */
    bool guarded; /* io_out_guard's handlers are in place */
};

/* --- removing the temporary file when a signal ends the program ----------- */

static const int guard_signals[] = { SIGINT, SIGTERM, SIGHUP };
#define NGUARD (sizeof guard_signals / sizeof guard_signals[0])
static struct sigaction guard_old[NGUARD];
static char guard_path[4096];

static void guard_handler(int sig)
{
    if (guard_path[0])
        unlink(guard_path);
    signal(sig, SIG_DFL);
    raise(sig);
}

void io_out_guard(struct io_out *o)
{
    if (o->guarded || strlen(o->tmp) >= sizeof guard_path)
        return;
    memcpy(guard_path, o->tmp, strlen(o->tmp) + 1);
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = guard_handler;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < NGUARD; i++)
        sigaction(guard_signals[i], &sa, &guard_old[i]);
    o->guarded = true;
}

static void unguard(struct io_out *o)
{
    if (!o->guarded)
        return;
    for (size_t i = 0; i < NGUARD; i++)
        sigaction(guard_signals[i], &guard_old[i], NULL);
    guard_path[0] = '\0';
    o->guarded = false;
}

struct io_out *io_out_open(const char *path, bool force, struct err *e)
{
    if (!force && access(path, F_OK) == 0) {
        err_set(e, "%s exists; use --force to replace it", path);
        return NULL;
    }
    char *dir = path_dirname(path);
    char *tmp = xasprintf("%s/.dpia-tmp-XXXXXX", dir);
    free(dir);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        err_set(e, "%s: cannot create a temporary file: %s", path, strerror(errno));
        free(tmp);
        return NULL;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    struct io_out *o = xcalloc(1, sizeof *o);
    o->path = xstrdup(path);
    o->tmp = tmp;
    o->fd = fd;
    return o;
}

static int out_write(void *ctx, const char *p, size_t n)
{
    struct io_out *o = ctx;
    while (n > 0 && !o->error) {
        ssize_t w = write(o->fd, p, n);
        if (w < 0) {
            if (errno != EINTR)
                o->error = errno;
            continue;
        }
        p += w;
        n -= (size_t)w;
    }
    errno = o->error;
    return o->error ? -1 : 0;
}

struct sink io_out_sink(struct io_out *o)
{
    return (struct sink){ out_write, o };
}

static void out_free(struct io_out *o)
{
    unguard(o);
    free(o->path);
    free(o->tmp);
    free(o);
}

int io_out_commit(struct io_out *o, struct err *e)
{
    int rc = 0;
    if (!o->error && fsync(o->fd) < 0)
        o->error = errno;
    if (close(o->fd) < 0 && !o->error)
        o->error = errno;
    o->fd = -1;
    if (!o->error && rename(o->tmp, o->path) < 0)
        o->error = errno;
    if (o->error) {
        rc = err_set(e, "%s: %s", o->path, strerror(o->error));
        unlink(o->tmp);
    }
    out_free(o);
    return rc;
}

void io_out_abort(struct io_out *o)
{
    if (!o)
        return;
    close(o->fd);
    unlink(o->tmp);
    out_free(o);
}

int io_out_failed(const struct io_out *o, struct err *e)
{
    if (!o->error)
        return 0;
    return err_set(e, "%s: %s", o->path, strerror(o->error));
}
