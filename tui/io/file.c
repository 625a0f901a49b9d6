#include "config.h"
#include "io/io.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/signals.h"
#include "util/path.h"
#include "util/xalloc.h"
#include "util/i18n.h"

static const char *kind_of(mode_t m);

static char *read_fd(int fd, const char *path, size_t max, size_t *len, struct err *e);

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
        err_set(e, _("%s: is a folder"), path);
        return NULL;
    }
    /* A regular file too large is refused without reading it. */
    if (S_ISREG(sb.st_mode) && (uintmax_t)sb.st_size > (uintmax_t)max) {
        close(fd);
        err_set(e, _("%s:1: larger than the limit of %zu bytes"), path, max);
        return NULL;
    }
    return read_fd(fd, path, max, len, e);
}

char *io_read_regular(const char *path, size_t max, size_t *len, struct err *e)
{
    /* Not even opened when it is not a regular file (opening some
     * devices does something); then opened without waiting (a FIFO
     * would wait for a writer) and checked again, in case it changed. */
    struct stat sb;
    if (stat(path, &sb) < 0) {
        err_set(e, "%s: %s", path, strerror(errno));
        return NULL;
    }
    if (!S_ISREG(sb.st_mode)) {
        err_set(e, _("%s: %s, not a regular file"), path, kind_of(sb.st_mode));
        return NULL;
    }
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK | O_NOCTTY);
    if (fd < 0) {
        err_set(e, "%s: %s", path, strerror(errno));
        return NULL;
    }
    int st = fstat(fd, &sb);
    if (st < 0 || !S_ISREG(sb.st_mode)) {
        if (st < 0)
            err_set(e, "%s: %s", path, strerror(errno));
        else
            err_set(e, _("%s: %s, not a regular file"), path, kind_of(sb.st_mode));
        close(fd);
        return NULL;
    }
    int fl = fcntl(fd, F_GETFL);
    if (fl >= 0)
        fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
    return read_fd(fd, path, max, len, e);
}

/* Reads fd whole and closes it. */
static char *read_fd(int fd, const char *path, size_t max, size_t *len, struct err *e)
{
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
        err_set(e, _("%s:1: larger than the limit of %zu bytes"), path, max);
        free(buf);
        return NULL;
    }
    buf[n] = '\0';
    if (len)
        *len = n;
    return buf;
}

struct io_out {
    char *path;   /* where the file goes (a link's target with IO_OUT_FOLLOW) */
    char *tmp;    /* the temporary file beside it */
    int fd;
    int error;    /* the first write's errno, 0 when none failed */
    bool replace; /* a regular file was there and may be replaced */
    bool guarded; /* io_out_guard's handlers are in place */
    int slot;     /* its place in live[], -1 when it has none */
};

/* --- removing the temporary files when the program ends ------------------ */

/* The temporary files not yet committed nor aborted, built when they are
 * made so that a signal handler only calls unlink. An exit (running out
 * of memory, say) removes them too; a signal does where io_out_guard
 * put its handlers in place. */
#define NLIVE 4
static char live[NLIVE][4096];
static bool at_exit_set;

static void remove_live(void)
{
    for (size_t i = 0; i < NLIVE; i++)
        if (live[i][0])
            unlink(live[i]);
}

static void live_add(struct io_out *o)
{
    size_t n = strlen(o->tmp);
    for (int i = 0; i < NLIVE && n < sizeof live[i]; i++) {
        if (!live[i][0]) {
            memcpy(live[i], o->tmp, n + 1);
            o->slot = i;
            break;
        }
    }
    if (!at_exit_set && atexit(remove_live) == 0)
        at_exit_set = true;
}

static void live_remove(struct io_out *o)
{
    if (o->slot >= 0)
        live[o->slot][0] = '\0';
    o->slot = -1;
}

static struct sigaction guard_old[SIG_END_COUNT];

static void guard_handler(int sig)
{
    remove_live();
    signal(sig, SIG_DFL);
    raise(sig);
}

void io_out_guard(struct io_out *o)
{
    if (o->guarded)
        return;
    sig_end_catch(guard_handler, guard_old);
    o->guarded = true;
}

static void unguard(struct io_out *o)
{
    if (!o->guarded)
        return;
    sig_end_restore(guard_old);
    o->guarded = false;
}

/* What is at a path that is not a regular file, for messages. */
static const char *kind_of(mode_t m)
{
    /* TRANSLATORS: kinds of file, shown as "PATH: a FIFO, not a regular file". */
    if (S_ISDIR(m))
        return _("a folder");
    if (S_ISLNK(m))
        return _("a symbolic link");
    if (S_ISFIFO(m))
        return _("a FIFO");
    if (S_ISCHR(m))
        return _("a character device");
    if (S_ISBLK(m))
        return _("a block device");
    if (S_ISSOCK(m))
        return _("a socket");
    return _("not a regular file");
}

/* Whether path may receive the file: nothing there, or (with force) a
 * regular file. A symbolic link is never replaced; with IO_OUT_FOLLOW
 * the regular file it points to is the target. *target is the path to
 * write (the caller frees), *sb what is there now when *exists. */
static int check_target(const char *path, unsigned flags, char **target, struct stat *sb,
                        bool *exists, struct err *e)
{
    *target = NULL;
    *exists = false;
    if (!*path)
        return err_set(e, _("no file named to write"));
    if (lstat(path, sb) < 0) {
        if (errno != ENOENT)
            return err_set(e, "%s: %s", path, strerror(errno));
        *target = xstrdup(path);
        return 0;
    }
    char *real = NULL;
    if (S_ISLNK(sb->st_mode)) {
        if (!(flags & IO_OUT_FOLLOW))
            return err_set(e, _("%s is a symbolic link, which dpia does not replace; name the "
                           "file itself (or use --follow-symlinks to write the file it "
                           "points to)"), path);
        real = realpath(path, NULL);
        if (!real) {
            if (errno == ENOENT)
                return err_set(e, _("%s is a symbolic link to a file that does not exist; "
                               "name the file itself"), path);
            return err_set(e, "%s: %s", path, strerror(errno));
        }
        if (stat(real, sb) < 0) {
            err_set(e, "%s: %s", real, strerror(errno));
            free(real);
            return -1;
        }
    }
    const char *shown = real ? real : path;
    if (S_ISDIR(sb->st_mode)) {
        err_set(e, _("%s is a folder; name a file in it"), shown);
    } else if (!S_ISREG(sb->st_mode)) {
        err_set(e, _("%s is %s, not a regular file; dpia writes only regular files"), shown,
                kind_of(sb->st_mode));
    } else if (!(flags & IO_OUT_FORCE)) {
        err_set(e, _("%s exists; use --force to replace it"), shown);
    } else {
        *target = real ? real : xstrdup(path);
        *exists = true;
        return 0;
    }
    free(real);
    return -1;
}

struct io_out *io_out_open(const char *path, unsigned flags, struct err *e)
{
    char *target;
    struct stat sb;
    bool exists;
    if (check_target(path, flags, &target, &sb, &exists, e) < 0)
        return NULL;
    char *dir = path_dirname(target);
    char *tmp = xasprintf("%s/.dpia-tmp-XXXXXX", dir);
    free(dir);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        err_set(e, _("%s: cannot create a temporary file: %s"), target, strerror(errno));
        free(tmp);
        free(target);
        return NULL;
    }
    if (exists) {
        /* The file replaced keeps its owner where the system allows it
         * (the owner first: a change of owner clears the set-id bits),
         * and its mode. */
        if ((sb.st_uid != geteuid() || sb.st_gid != getegid()) &&
            fchown(fd, sb.st_uid, sb.st_gid) < 0 && fchown(fd, (uid_t)-1, sb.st_gid) < 0) {
            /* Another user's file: it becomes the writer's. */
        }
        fchmod(fd, sb.st_mode & 07777);
    } else {
        mode_t mask = umask(0);
        umask(mask);
        fchmod(fd, 0666 & ~mask);
    }
    struct io_out *o = xcalloc(1, sizeof *o);
    o->path = target;
    o->tmp = tmp;
    o->fd = fd;
    o->replace = exists;
    o->slot = -1;
    live_add(o);
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
    live_remove(o);
    free(o->path);
    free(o->tmp);
    free(o);
}

/* Puts the complete temporary file in place. Without replace, nothing
 * may have appeared at the path meanwhile: a hard link cannot replace
 * anything, where the file system has them; with replace, only a
 * regular file is replaced, never what took its place since. */
static int put_in_place(struct io_out *o)
{
    if (!o->replace) {
        if (link(o->tmp, o->path) == 0) {
            unlink(o->tmp);
            return 0;
        }
        if (errno == EEXIST)
            return EEXIST;
        if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS && errno != EMLINK &&
            errno != EXDEV)
            return errno;
    }
    struct stat sb;
    if (lstat(o->path, &sb) == 0) {
        if (!o->replace)
            return EEXIST;
        if (!S_ISREG(sb.st_mode))
            return -1;
    } else if (errno != ENOENT) {
        return errno;
    }
    return rename(o->tmp, o->path) < 0 ? errno : 0;
}

int io_out_commit(struct io_out *o, struct err *e)
{
    int rc = 0;
    if (!o->error && fsync(o->fd) < 0)
        o->error = errno;
    if (close(o->fd) < 0 && !o->error)
        o->error = errno;
    o->fd = -1;
    int placed = o->error ? 0 : put_in_place(o);
    if (placed == EEXIST)
        rc = err_set(e, _("%s exists (it appeared while the file was written); use --force to "
                     "replace it"), o->path);
    else if (placed < 0)
        rc = err_set(e, _("%s is no longer a regular file; it was left as it is"), o->path);
    else if (placed > 0)
        o->error = placed;
    if (o->error)
        rc = err_set(e, "%s: %s", o->path, strerror(o->error));
    if (rc < 0)
        unlink(o->tmp);
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
