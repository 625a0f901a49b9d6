/*
 * A copy of the whole database, consistent at one moment, taken while
 * the interface or other commands may be reading and writing it.
 *
 * Copying the file with cp is not that: the answers saved last may
 * still be in the log of changes (the -wal file beside it), and a copy
 * taken during a write can be torn. SQLite's online backup API reads
 * the pages of one committed state (the file and the log together)
 * inside a read transaction, which in WAL mode blocks no writer, and
 * writes them into a new file.
 */
#include "config.h"
#include "store/store.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "store/store_int.h"
#include "util/i18n.h"
#include "util/signals.h"
#include "util/path.h"
#include "util/xalloc.h"

/* How long a busy source is retried before the backup gives up. */
#define BACKUP_RETRY_MS 15000

/* The files SQLite may put beside a database (and so beside the
 * temporary copy). */
static const char *const side_suffix[] = { "-wal", "-shm", "-journal" };
#define NSIDE (sizeof side_suffix / sizeof side_suffix[0])

/* --- the temporary copy, removed when a signal ends the program -------- */

static struct sigaction guard_old[SIG_END_COUNT];
/* The temporary file and its side files; built before the handlers are
 * in place, so that the handler only calls unlink. */
static char guard_path[1 + NSIDE][4096];

static void guard_handler(int sig)
{
    for (size_t i = 0; i < 1 + NSIDE; i++)
        if (guard_path[i][0])
            unlink(guard_path[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

static bool guard(const char *tmp)
{
    if (strlen(tmp) + 16 >= sizeof guard_path[0])
        return false;
    snprintf(guard_path[0], sizeof guard_path[0], "%s", tmp);
    for (size_t i = 0; i < NSIDE; i++)
        snprintf(guard_path[1 + i], sizeof guard_path[1 + i], "%s%s", tmp, side_suffix[i]);
    sig_end_catch(guard_handler, guard_old);
    return true;
}

static void unguard(bool guarded)
{
    if (!guarded)
        return;
    sig_end_restore(guard_old);
    for (size_t i = 0; i < 1 + NSIDE; i++)
        guard_path[i][0] = '\0';
}

/* Removes the temporary copy and anything SQLite left beside it. */
static void remove_tmp(const char *tmp)
{
    unlink(tmp);
    for (size_t i = 0; i < NSIDE; i++) {
        char *side = xasprintf("%s%s", tmp, side_suffix[i]);
        unlink(side);
        free(side);
    }
}

/* --- the target ----------------------------------------------------------- */

static bool same_file(const struct stat *a, const char *path)
{
    struct stat sb;
    return stat(path, &sb) == 0 && sb.st_dev == a->st_dev && sb.st_ino == a->st_ino;
}

/* Whether path may receive the copy: absent, or (with force) a regular
 * file other than the database and its side files. *mode receives the
 * mode the copy gets: 0600, or that of the file it replaces. */
static int check_target(struct store *s, const char *path, bool force, mode_t *mode,
                        struct err *e)
{
    *mode = 0600;
    if (!*path)
        return err_set(e, _("no file named for the backup"));
    struct stat sb;
    if (lstat(path, &sb) < 0) {
        if (errno == ENOENT)
            return 0;
        return err_set(e, "%s: %s", path, strerror(errno));
    }
    if (S_ISLNK(sb.st_mode))
        return err_set(e, _("%s is a symbolic link; name the file itself"), path);
    if (S_ISDIR(sb.st_mode))
        return err_set(e, _("%s is a folder; name a file in it"), path);
    if (!S_ISREG(sb.st_mode))
        return err_set(e, _("%s is not a regular file (a device, a FIFO or a socket)"), path);
    if (same_file(&sb, s->path))
        return err_set(e, _("%s is the database itself"), path);
    for (size_t i = 0; i < NSIDE; i++) {
        char *side = xasprintf("%s%s", s->path, side_suffix[i]);
        bool same = same_file(&sb, side);
        free(side);
        if (same)
            return err_set(e, _("%s is a file SQLite keeps beside the database"), path);
    }
    if (!force)
        return err_set(e, _("%s exists; use --force to replace it"), path);
    *mode = sb.st_mode & 07777;
    return 0;
}

/* --- the copy ------------------------------------------------------------- */

static int64_t monotonic_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The destination's error, with the system's reason when there is one
 * ("disk I/O error" alone does not say that the disk is full). */
enum dest_stage { DEST_WRITE, DEST_START, DEST_FINISH };

static int dest_error(sqlite3 *d, enum dest_stage stage, const char *path, struct err *e)
{
    char *head = stage == DEST_START ? xasprintf(_("cannot start the backup %s"), path)
               : stage == DEST_FINISH ? xasprintf(_("cannot finish the backup %s"), path)
               : xasprintf(_("cannot write the backup %s"), path);
    int sys = d ? sqlite3_system_errno(d) : 0;
    if (!d)
        err_set(e, _("%s: out of memory"), head);
    else if (sys)
        err_set(e, "%s: %s (%s)", head, sqlite3_errmsg(d), strerror(sys));
    else
        err_set(e, "%s: %s", head, sqlite3_errmsg(d));
    free(head);
    return -1;
}

/* Copies the store's database into the (empty) file tmp. */
static int copy_into(struct store *s, const char *tmp, const char *path, struct err *e)
{
    sqlite3 *d = NULL;
    int rc = sqlite3_open_v2(tmp, &d, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
    if (rc != SQLITE_OK) {
        dest_error(d, DEST_WRITE, path, e);
        sqlite3_close(d);
        return -1;
    }
    sqlite3_extended_result_codes(d, 1);
    /* The temporary file is thrown away on any failure, so a journal
     * would protect nothing; the copy is synced once, whole, before it
     * is renamed into place. */
    if (sqlite3_exec(d, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF", NULL, NULL,
                     NULL) != SQLITE_OK) {
        dest_error(d, DEST_WRITE, path, e);
        sqlite3_close(d);
        return -1;
    }
    sqlite3_backup *b = sqlite3_backup_init(d, "main", db_sqlite_handle(s->db), "main");
    if (!b) {
        dest_error(d, DEST_START, path, e);
        sqlite3_close(d);
        return -1;
    }
    /* All pages in one step: one read transaction, so one consistent
     * state, however much the others write meanwhile (in WAL mode the
     * reader holds up no writer). A busy source is retried. */
    int64_t start = monotonic_ms();
    for (;;) {
        rc = sqlite3_backup_step(b, -1);
        if ((rc & 0xff) != SQLITE_BUSY && (rc & 0xff) != SQLITE_LOCKED)
            break;
        if (monotonic_ms() - start > BACKUP_RETRY_MS)
            break;
        struct timespec pause = { 0, 20 * 1000000L };
        nanosleep(&pause, NULL);
    }
    int done = rc;
    rc = sqlite3_backup_finish(b);
    if (done != SQLITE_DONE || rc != SQLITE_OK) {
        if ((done & 0xff) == SQLITE_BUSY || (done & 0xff) == SQLITE_LOCKED)
            err_set(e, _("cannot back up %s: another program kept it locked for too long"),
                    s->path);
        else
            dest_error(d, DEST_WRITE, path, e);
        sqlite3_close(d);
        return -1;
    }
    /* The pages copied say "WAL mode", as the original's do. The copy
     * is turned into a rollback-journal database instead: it holds the
     * same data (nothing of it is in a log: the copy was written into
     * the file itself), but a file in WAL mode can only be read where
     * SQLite may create its -shm file beside it, while a backup goes to
     * archives, read-only shares and removable media, where a file in
     * rollback mode is read as it is, by dpia and by any SQLite tool.
     * dpia puts it back in WAL mode when it opens it to write. (VACUUM
     * INTO would make a compact copy too, but it rebuilds the file
     * through SQL instead of copying the pages of one state.) */
    sqlite3_stmt *st = NULL;
    bool rollback = false;
    if (sqlite3_prepare_v2(d, "PRAGMA journal_mode = DELETE", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
        rollback = sqlite3_stricmp((const char *)sqlite3_column_text(st, 0), "delete") == 0;
    sqlite3_finalize(st);
    if (!rollback) {
        dest_error(d, DEST_FINISH, path, e);
        sqlite3_close(d);
        return -1;
    }
    if (sqlite3_close(d) != SQLITE_OK)
        return dest_error(d, DEST_FINISH, path, e);
    return 0;
}

/* Gives the copy its mode and puts it on disk. */
static int seal(const char *tmp, mode_t mode, const char *path, struct err *e)
{
    int fd = open(tmp, O_RDWR | O_CLOEXEC);
    if (fd < 0)
        return err_set(e, _("cannot finish the backup %s: %s"), path, strerror(errno));
    int rc = 0;
    if (fchmod(fd, mode) < 0 || fsync(fd) < 0)
        rc = err_set(e, _("cannot finish the backup %s: %s"), path, strerror(errno));
    if (close(fd) < 0 && rc == 0)
        rc = err_set(e, _("cannot finish the backup %s: %s"), path, strerror(errno));
    return rc;
}

/* Moves the copy to path. Without force, a file that appeared there
 * since the check is not replaced either: link fails when the name is
 * taken (where a file system has no hard links, the check is made again
 * just before the rename). */
static int publish(const char *tmp, const char *path, bool force, struct err *e)
{
    if (!force) {
        if (link(tmp, path) == 0) {
            unlink(tmp);
            return 0;
        }
        if (errno == EEXIST)
            return err_set(e, _("%s exists; use --force to replace it"), path);
        struct stat sb;
        if (lstat(path, &sb) == 0)
            return err_set(e, _("%s exists; use --force to replace it"), path);
    }
    if (rename(tmp, path) < 0)
        return err_set(e, _("cannot write the backup %s: %s"), path, strerror(errno));
    return 0;
}

/* The rename itself on disk: the folder synced (where it can be). */
static void sync_folder(const char *dir)
{
    int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
}

int store_backup(struct store *s, const char *path, bool force, struct err *e)
{
    if (store_on_server(s))
        return err_set(e, _("%s is a PostgreSQL database: back it up with pg_dump (dpia backup "
                       "copies an SQLite file)"), s->path);
    if (s->depth > 0)
        return err_set(e, _("cannot back up %s in the middle of a change"), s->path);
    mode_t mode;
    if (check_target(s, path, force, &mode, e) < 0)
        return -1;
    char *dir = path_dirname(path);
    char *tmp = xasprintf("%s/.dpia-backup-XXXXXX", dir);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        err_set(e, _("cannot write the backup %s: cannot create a temporary file in %s: %s"),
                path, dir, strerror(errno));
        free(tmp);
        free(dir);
        return -1;
    }
    bool guarded = guard(tmp);
    /* mkstemp makes it 0600; said again, as the copy holds personal
     * data until it gets the mode of the file it replaces. */
    int rc = 0;
    if (fchmod(fd, 0600) < 0)
        rc = err_set(e, _("cannot write the backup %s: %s"), path, strerror(errno));
    if (close(fd) < 0 && rc == 0)
        rc = err_set(e, _("cannot write the backup %s: %s"), path, strerror(errno));
    if (rc == 0)
        rc = copy_into(s, tmp, path, e);
    if (rc == 0)
        rc = seal(tmp, mode, path, e);
    if (rc == 0)
        rc = publish(tmp, path, force, e);
    if (rc == 0)
        sync_folder(dir);
    else
        remove_tmp(tmp);
    unguard(guarded);
    free(tmp);
    free(dir);
    return rc;
}
