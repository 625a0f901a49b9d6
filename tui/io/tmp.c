/* io: a private temporary folder for the files a helper program reads
 * and writes, removed with what is in it on every way out that can be
 * caught: io_tmp_remove, the exit, SIGINT, SIGTERM and SIGHUP. */
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

#include "util/signals.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* The paths are built when they are named, so that a signal handler only
 * calls unlink and rmdir. One folder at a time. */
#define TMP_PATH_MAX 4096
struct io_tmp {
    char dir[TMP_PATH_MAX];
    char files[IO_TMP_FILES][TMP_PATH_MAX];
    bool active;
};
static struct io_tmp the_tmp;
static bool at_exit_set;

static struct sigaction tmp_old[SIG_END_COUNT];

static void remove_all(void)
{
    struct io_tmp *t = &the_tmp;
    if (!t->active)
        return;
    for (size_t i = 0; i < IO_TMP_FILES; i++)
        if (t->files[i][0])
            unlink(t->files[i]);
    rmdir(t->dir);
}

/* The folder goes, then the signal does what it would have done without
 * this handler: ends the program, or reaches the handler in place before
 * (the one that removes a file being written, the interface's). */
static void tmp_handler(int sig)
{
    remove_all();
    the_tmp.active = false;
    for (size_t i = 0; i < SIG_END_COUNT; i++) {
        if (sig_end[i] != sig)
            continue;
        struct sigaction old = tmp_old[i];
        sig_end_restore(tmp_old);
        if (old.sa_handler == SIG_IGN)
            return;
        if (old.sa_handler == SIG_DFL) {
            signal(sig, SIG_DFL);
            raise(sig);
            return;
        }
        if (old.sa_flags & SA_SIGINFO)
            old.sa_sigaction(sig, NULL, NULL);
        else
            old.sa_handler(sig);
        return;
    }
}

struct io_tmp *io_tmp_make(struct err *e)
{
    struct io_tmp *t = &the_tmp;
    if (t->active) {
        err_set(e, _("a temporary folder is already in use"));
        return NULL;
    }
    const char *base = getenv("TMPDIR");
    if (!base || base[0] != '/')
        base = "/tmp";
    int n = snprintf(t->dir, sizeof t->dir, "%s/dpia-XXXXXX", base);
    if (n < 0 || (size_t)n >= sizeof t->dir) {
        err_set(e, _("TMPDIR names a folder whose path is too long"));
        return NULL;
    }
    if (!mkdtemp(t->dir)) {
        err_set(e, _("cannot make a temporary folder in %s: %s"), base, strerror(errno));
        return NULL;
    }
    memset(t->files, 0, sizeof t->files);
    t->active = true;
    if (!at_exit_set && atexit(remove_all) == 0)
        at_exit_set = true;
    sig_end_catch(tmp_handler, tmp_old);
    return t;
}

const char *io_tmp_path(struct io_tmp *t, const char *name)
{
    for (size_t i = 0; i < IO_TMP_FILES; i++) {
        if (t->files[i][0]) {
            const char *base = strrchr(t->files[i], '/');
            if (strcmp(base + 1, name) == 0)
                return t->files[i];
            continue;
        }
        char path[TMP_PATH_MAX];
        int n = snprintf(path, sizeof path, "%s/%s", t->dir, name);
        if (n < 0 || (size_t)n >= sizeof path || strchr(name, '/'))
            break;
        /* Built whole before the handler can see it. */
        sigset_t block, old;
        sigemptyset(&block);
        for (size_t k = 0; k < SIG_END_COUNT; k++)
            sigaddset(&block, sig_end[k]);
        sigprocmask(SIG_BLOCK, &block, &old);
        memcpy(t->files[i], path, (size_t)n + 1);
        sigprocmask(SIG_SETMASK, &old, NULL);
        return t->files[i];
    }
    return NULL;
}

int io_tmp_write(struct io_tmp *t, const char *name, const char *data, size_t len,
                 struct err *e)
{
    const char *path = io_tmp_path(t, name);
    if (!path)
        return err_set(e, _("too many temporary files"));
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return err_set(e, "%s: %s", path, strerror(errno));
    while (len > 0) {
        ssize_t w = write(fd, data, len);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            int err = w < 0 ? errno : EIO;
            close(fd);
            return err_set(e, "%s: %s", path, strerror(err));
        }
        data += w;
        len -= (size_t)w;
    }
    if (close(fd) < 0)
        return err_set(e, "%s: %s", path, strerror(errno));
    return 0;
}

bool io_tmp_stopped(const struct io_tmp *t)
{
    return t && !t->active;
}

void io_tmp_remove(struct io_tmp *t)
{
    if (!t || !t->active)
        return;
    remove_all();
    t->active = false;
    sig_end_restore(tmp_old);
}
