/*
 * Opening the database, and knowing it is still the file that was
 * opened.
 *
 * A file is checked before SQLite may write anything to it or beside it:
 * a file nothing else has open (no -wal, -shm or -journal beside it) is
 * first read as immutable, which creates nothing, so that a file refused
 * (another program's, a newer dpia's, a schema dpia did not make) is
 * left exactly as it was, with no new file beside it. Only then is it
 * opened for real, hardened (no trigger or view runs, the schema is not
 * trusted to call functions, defensive mode), checked again and brought
 * up to date.
 *
 * The file's identity (device and inode) is kept, and every write
 * transaction first makes sure the path still names that file: when the
 * file was replaced (another file moved over it) or removed, SQLite
 * would still write to the old one and leave a log of changes beside
 * the new one, which would then read as damaged. The store stops
 * writing instead, and says why.
 */
#include "config.h"
#include "store/store.h"

#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "store/store_int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

/* Creates a missing database file (folders too) with mode 0600 (0660
 * for a group) before SQLite sees it, so that SQLite never creates
 * anything with the umask's looser bits, and a file that exists is
 * opened without O_CREAT. SQLite gives the -wal and -shm files the
 * mode of the database. */
static int create_file(const char *path, bool shared, struct err *e)
{
    char *dir = path_dirname(path);
    int rc = store_make_folder(dir, shared, e);
    free(dir);
    if (rc < 0)
        return -1;
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0 && errno != EEXIST)
        return err_set(e, _("cannot create %s: %s"), path, strerror(errno));
    if (fd >= 0) {
        /* fchmod, not the mode of open: the umask may take the group's
         * bits away. */
        if (shared && fchmod(fd, 0660) != 0) {
            err_set(e, _("cannot create %s: %s"), path, strerror(errno));
            close(fd);
            unlink(path);
            return -1;
        }
        close(fd);
    }
    return 0;
}

static int set_pragmas(struct store *s, struct err *e)
{
    /* Switching to WAL needs a moment alone with the file; another
     * process opening it at the same instant makes that fail at once. */
    int64_t start = store_monotonic_ms();
    for (;;) {
        sqlite3_stmt *st = NULL;
        int rc = sqlite3_prepare_v2(db_sqlite_handle(s->db), "PRAGMA journal_mode = WAL", -1, &st,
                                    NULL);
        if (rc == SQLITE_OK)
            rc = sqlite3_step(st);
        const unsigned char *mode = rc == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
        bool wal = mode && sqlite3_stricmp((const char *)mode, "wal") == 0;
        sqlite3_finalize(st);
        if (wal)
            break;
        if ((rc & 0xff) != SQLITE_BUSY || store_monotonic_ms() - start > BUSY_RETRY_TOTAL_MS)
            return store_db_error(s, _("cannot switch to WAL"), e);
        struct timespec pause = { 0, 20 * 1000000L };
        nanosleep(&pause, NULL);
    }
    /* FULL: each answer is on disk when store_set_answer returns, not
     * only safe from a crash of the program. */
    return store_exec_sql(s, "PRAGMA synchronous = FULL", e);
}

/* The order of the people's language (LC_COLLATE: "é" with "e" in
 * French, "ä" with "a" in German), for the list sorted by title. */
static int collate_people(void *arg, int n1, const void *p1, int n2, const void *p2)
{
    char *a = xstrndup(p1, (size_t)n1), *b = xstrndup(p2, (size_t)n2);
    int c = strcoll(a, b);
    if (c == 0)
        c = strcmp(a, b);
    free(a);
    free(b);
    return c;
}

/* A connection just opened, hardened before it reads anything: the
 * file's schema may hold what dpia never made (it is refused, but only
 * once read), so nothing in it may run meanwhile. */
static int opened(struct store *s, const char *path, sqlite3 *h, int rc, struct err *e)
{
    s->db = db_sqlite_new(h);
    if (rc != SQLITE_OK)
        return err_set(e, _("cannot open %s: %s"), path,
                       h ? sqlite3_errmsg(h) : _("out of memory"));
    sqlite3_extended_result_codes(h, 1);
    /* Functions named in the schema (a default, a check, an index) run
     * only if they are harmless; no trigger and no view ever runs: dpia
     * makes none. */
    sqlite3_db_config(h, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, (int *)NULL);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, (int *)NULL);
    sqlite3_db_config(h, SQLITE_DBCONFIG_ENABLE_VIEW, 0, (int *)NULL);
    sqlite3_db_config(h, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)NULL);
    /* Until the file is known to be ours, closing must not write to it
     * (a checkpoint would copy a foreign log into the file). */
    sqlite3_db_config(h, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, (int *)NULL);
    sqlite3_create_collation(h, "people", SQLITE_UTF8, NULL, collate_people);
    return store_exec_sql(s, "PRAGMA trusted_schema = OFF", e);
}

static int open_db(struct store *s, const char *path, struct err *e)
{
    int flags = (s->read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE) |
                SQLITE_OPEN_NOMUTEX;
    sqlite3 *h = NULL;
    int rc = sqlite3_open_v2(path, &h, flags, NULL);
    return opened(s, path, h, rc, e);
}

/* Whether a file beside path (SUFFIX "-wal", "-shm" or "-journal")
 * exists; with content, whether it holds anything. */
static bool side_file(const char *path, const char *suffix, bool content)
{
    char *side = xasprintf("%s%s", path, suffix);
    struct stat sb;
    bool there = content ? stat(side, &sb) == 0 && sb.st_size > 0 : lstat(side, &sb) == 0;
    free(side);
    return there;
}

static bool any_side_file(const char *path)
{
    return side_file(path, "-wal", false) || side_file(path, "-shm", false) ||
           side_file(path, "-journal", false);
}

/* Whether path may be read as a file nothing changes: a database in WAL
 * mode (header bytes 18 and 19 are 2) with no log of changes beside it,
 * on a read-only file system or with no write permission for anyone.
 * Else an error saying why it cannot be read here. */
static bool frozen(const char *path, struct err *e)
{
    unsigned char head[20] = { 0 };
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    bool wal_mode = fd >= 0 && read(fd, head, sizeof head) == (ssize_t)sizeof head &&
                    memcmp(head, "SQLite format 3", 16) == 0 && head[18] == 2 && head[19] == 2;
    struct statvfs vfs;
    struct stat sb;
    bool fixed = fd >= 0 && ((fstatvfs(fd, &vfs) == 0 && (vfs.f_flag & ST_RDONLY)) ||
                             (fstat(fd, &sb) == 0 && (sb.st_mode & 0222) == 0));
    if (fd >= 0)
        close(fd);
    if (side_file(path, "-wal", true) || side_file(path, "-journal", true)) {
        err_set(e, _("cannot read %s: changes to it are still in %s-wal or %s-journal beside "
                "it, and reading them needs write access to its folder"), path, path, path);
        return false;
    }
    if (!wal_mode || !fixed) {
        err_set(e, _("cannot read %s: SQLite needs to create %s-shm beside it, in a folder "
                "you may not write; copy the file to a folder of yours, or ask its owner"),
                path, path);
        return false;
    }
    return true;
}

/* Opens path read-only as a file nothing changes (SQLite's immutable
 * URI parameter: no locks, no -shm file, nothing created beside it). */
static int open_immutable(struct store *s, const char *path, struct err *e)
{
    db_close(s->db);
    s->db = NULL;
    struct buf uri = {0};
    /* An empty authority before an absolute path, so that a path that
     * starts with two slashes is not read as a host name. */
    buf_adds(&uri, path[0] == '/' ? "file://" : "file:");
    for (const char *p = path; *p; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) || strchr("/-._~", c))
            buf_addc(&uri, (char)c);
        else
            buf_printf(&uri, "%%%02X", c);
    }
    buf_adds(&uri, "?immutable=1");
    sqlite3 *h = NULL;
    int rc = sqlite3_open_v2(buf_str(&uri), &h,
                             SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX, NULL);
    buf_free(&uri);
    return opened(s, path, h, rc, e);
}

/* The check before SQLite opens the file for real. A file with nothing
 * beside it is whole in itself and nobody is using it: read as
 * immutable, it is checked without a -wal, -shm or -journal being made.
 * When a file appeared beside it meanwhile, another process opened it
 * and may have been changing it under the check: its verdict is left to
 * the check on the real connection. A file with something beside it is
 * in use, or was left so by a crash: it is checked on the real
 * connection alone. */
static int check_untouched(struct store *s, const char *path, struct err *e)
{
    struct stat sb;
    if (any_side_file(path) || stat(path, &sb) != 0 || sb.st_size == 0)
        return 0;
    int version = 0;
    struct err why;
    int rc = open_immutable(s, path, &why);
    if (rc == 0)
        rc = store_schema_check(s, &version, &why);
    db_close(s->db);
    s->db = NULL;
    if (rc < 0 && !any_side_file(path)) {
        if (e)
            *e = why;
        return -1;
    }
    return 0;
}

static int note_identity(struct store *s, struct err *e)
{
    struct stat sb;
    if (stat(s->path, &sb) != 0)
        return err_set(e, _("cannot open %s: %s"), s->path, strerror(errno));
    s->dev = sb.st_dev;
    s->ino = sb.st_ino;
    return 0;
}

/* The identity of the file beside path with suffix; false when none. */
static bool side_identity(const char *path, const char *suffix, dev_t *dev, ino_t *ino,
                          off_t *size)
{
    char *side = xasprintf("%s%s", path, suffix);
    struct stat sb;
    bool there = lstat(side, &sb) == 0 && S_ISREG(sb.st_mode);
    free(side);
    if (there) {
        *dev = sb.st_dev;
        *ino = sb.st_ino;
        if (size)
            *size = sb.st_size;
    }
    return there;
}

/* The -wal and -shm files beside the file, once the store has it open. */
static void note_log(struct store *s)
{
    s->has_log = side_identity(s->path, "-wal", &s->log_dev, &s->log_ino, NULL) &&
                 side_identity(s->path, "-shm", &s->shm_dev, &s->shm_ino, NULL);
}

void store_remove_log(const struct store *s)
{
    dev_t dev;
    ino_t ino;
    off_t size = -1;
    if (!s->has_log || !side_identity(s->path, "-wal", &dev, &ino, &size) || size != 0 ||
        dev != s->log_dev || ino != s->log_ino ||
        !side_identity(s->path, "-shm", &dev, &ino, NULL) || dev != s->shm_dev ||
        ino != s->shm_ino)
        return;
    char *side = xasprintf("%s-wal", s->path);
    unlink(side);
    free(side);
    side = xasprintf("%s-shm", s->path);
    unlink(side);
    free(side);
}

int store_check_file(struct store *s, struct err *e)
{
    if (store_on_server(s))
        return 0;
    if (!s->gone) {
        struct stat sb;
        s->gone = stat(s->path, &sb) != 0 || sb.st_dev != s->dev || sb.st_ino != s->ino;
    }
    if (s->gone)
        return err_set(e, _("%s was replaced or removed while dpia was running; nothing more "
                       "is written to it"), s->path);
    return 0;
}

struct store *store_open(const char *path, bool read_only, const char *who, struct err *e)
{
    return store_open_shared(path, read_only, false, who, e);
}

struct store *store_open_shared(const char *path, bool read_only, bool shared, const char *who,
                                struct err *e)
{
    if (store_names_server(path))
        return store_open_server(path, read_only, who, e);
    if (store_check_fs(path, e) < 0)
        return NULL;
    struct stat sb;
    if (stat(path, &sb) == 0) {
        if (S_ISDIR(sb.st_mode)) {
            err_set(e, _("%s is a folder, not a database"), path);
            return NULL;
        }
    } else if (errno != ENOENT) {
        err_set(e, _("cannot open %s: %s"), path, strerror(errno));
        return NULL;
    } else if (read_only) {
        err_set(e, _("no database at %s"), path);
        return NULL;
    } else if (create_file(path, shared, e) < 0) {
        return NULL;
    }

    struct store *s = xcalloc(1, sizeof *s);
    s->path = xstrdup(path);
    s->who = who && *who ? xstrdup(who) : store_default_who();
    s->stamp = 1;
    s->data_version = -1;
    /* A file we may not write opens for reading: the user can still look
     * at the assessments, and the first change says why it cannot be
     * saved (store_check_writable). */
    s->read_only = read_only || access(path, W_OK) != 0;
    if (check_untouched(s, path, e) < 0) {
        store_close(s);
        return NULL;
    }
    int version = 0;
    if (open_db(s, path, e) < 0 || store_schema_check(s, &version, e) < 0) {
        /* Reading a database in WAL mode needs its -shm file, which
         * SQLite cannot create in a folder we may not write. A file
         * that nothing can change (a read-only file system, no write
         * permission for anyone: an archive copy) and that is whole in
         * itself (no log of changes beside it) is opened as immutable;
         * a file its owner may still change is not, since an immutable
         * reader would not see the changes and could read torn pages. */
        int code = s->db ? sqlite3_extended_errcode(db_sqlite_handle(s->db)) & 0xff : SQLITE_OK;
        if (!s->read_only || (code != SQLITE_READONLY && code != SQLITE_CANTOPEN) ||
            !frozen(path, e) || open_immutable(s, path, e) < 0 ||
            store_schema_check(s, &version, e) < 0) {
            store_close(s);
            return NULL;
        }
    }
    /* A small page cache: the program reads each page about once (the
     * listing, one assessment), so SQLite's default of 2 MB buys nothing
     * but resident memory. */
    if (note_identity(s, e) < 0 || store_exec_sql(s, "PRAGMA foreign_keys = ON", e) < 0 ||
        store_exec_sql(s, "PRAGMA cache_size = -256", e) < 0) {
        store_close(s);
        return NULL;
    }
    if (s->read_only) {
        if (version != store_schema_version()) {
            err_set(e, _("%s needs to be brought up to date (schema %d to %d), which needs "
                    "write access"), path, version, store_schema_version());
            store_close(s);
            return NULL;
        }
        return s;
    }
    if (set_pragmas(s, e) < 0 || store_schema_migrate(s, version, e) < 0) {
        store_close(s);
        return NULL;
    }
    sqlite3_db_config(db_sqlite_handle(s->db), SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 0, (int *)NULL);
    s->ours = true;
    note_log(s);
    return s;
}
