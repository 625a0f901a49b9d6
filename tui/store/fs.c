/*
 * Where a database may live, and how a database for a group is made.
 *
 * SQLite keeps a database safe from two writers by locks on the file and
 * by the -shm file it maps into the memory of every process that uses
 * the database. On a file system shared over the network both can fail
 * without a word: the locks of NFS and SMB are known to be lost or
 * ignored, and a mapped file is not shared between hosts at all, so two
 * people on two hosts would each write over the other's changes and the
 * file would end up damaged. Such a file is refused before SQLite opens
 * it, and nothing is created beside it.
 *
 * The file system is told by the type statfs reports (Linux). FUSE is
 * not refused: sshfs is FUSE, but so are file systems on a local disk
 * (NTFS through ntfs-3g, encrypted folders), and statfs does not say
 * which FUSE file system it is.
 */
#include "config.h"

#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/vfs.h>
#if defined __has_include
#if __has_include(<linux/magic.h>)
#include <linux/magic.h>
#endif
#endif
#endif

#include "store/store_int.h"
#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

#ifdef __linux__
/* The numbers of linux/magic.h, for systems without the header and for
 * the file systems it does not name. */
#ifndef NFS_SUPER_MAGIC
#define NFS_SUPER_MAGIC 0x6969
#endif
#ifndef SMB_SUPER_MAGIC
#define SMB_SUPER_MAGIC 0x517B
#endif
#ifndef SMB2_SUPER_MAGIC
#define SMB2_SUPER_MAGIC 0xFE534D42
#endif
#ifndef CIFS_SUPER_MAGIC
#define CIFS_SUPER_MAGIC 0xFF534D42
#endif
#ifndef AFS_SUPER_MAGIC
#define AFS_SUPER_MAGIC 0x5346414F
#endif
#ifndef AFS_FS_MAGIC
#define AFS_FS_MAGIC 0x6B414653
#endif
#ifndef CODA_SUPER_MAGIC
#define CODA_SUPER_MAGIC 0x73757245
#endif
#ifndef NCP_SUPER_MAGIC
#define NCP_SUPER_MAGIC 0x564c
#endif
#ifndef V9FS_MAGIC
#define V9FS_MAGIC 0x01021997
#endif
#ifndef CEPH_SUPER_MAGIC
#define CEPH_SUPER_MAGIC 0x00c36400
#endif
#ifndef OCFS2_SUPER_MAGIC
#define OCFS2_SUPER_MAGIC 0x7461636f
#endif
#define GFS2_MAGIC_NUMBER 0x01161970
#define LUSTRE_MAGIC_NUMBER 0x0BD00BD0
#define GPFS_MAGIC_NUMBER 0x47504653

/* The file systems shared over the network, by the name people know. */
static const struct {
    unsigned long magic;
    const char *name;
} networked[] = {
    { NFS_SUPER_MAGIC, "NFS" },
    { SMB_SUPER_MAGIC, "SMB" },
    { SMB2_SUPER_MAGIC, "SMB" },
    { CIFS_SUPER_MAGIC, "SMB/CIFS" },
    { AFS_SUPER_MAGIC, "AFS" },
    { AFS_FS_MAGIC, "AFS" },
    { CODA_SUPER_MAGIC, "Coda" },
    { NCP_SUPER_MAGIC, "NetWare (NCP)" },
    { V9FS_MAGIC, "9P" },
    { CEPH_SUPER_MAGIC, "CephFS" },
    { GFS2_MAGIC_NUMBER, "GFS2" },
    { OCFS2_SUPER_MAGIC, "OCFS2" },
    { LUSTRE_MAGIC_NUMBER, "Lustre" },
    { GPFS_MAGIC_NUMBER, "GPFS" },
};

/* The name of the network file system holding path, or NULL. */
static const char *network_fs(const char *path)
{
    struct statfs sf;
    if (statfs(path, &sf) != 0)
        return NULL;
    /* f_type is signed on some architectures: compare its 32 bits. */
    unsigned long type = (unsigned long)sf.f_type & 0xffffffffUL;
    for (size_t i = 0; i < sizeof networked / sizeof networked[0]; i++)
        if (type == networked[i].magic)
            return networked[i].name;
    return NULL;
}
#else
static const char *network_fs(const char *path)
{
    (void)path;
    return NULL;
}
#endif

/* The nearest folder above path that exists; the caller frees. */
static char *existing_parent(const char *path)
{
    char *dir = path_dirname(path);
    struct stat sb;
    while (stat(dir, &sb) != 0 && strcmp(dir, "/") != 0 && strcmp(dir, ".") != 0) {
        char *up = path_dirname(dir);
        free(dir);
        dir = up;
    }
    return dir;
}

int store_check_fs(const char *path, struct err *e)
{
    struct stat sb;
    if (stat(path, &sb) == 0) {
        const char *fs = network_fs(path);
        if (fs)
            return err_set(e, _("%s is on a network file system (%s), where SQLite cannot lock "
                           "the database safely; copy it to a disk of this host and use it "
                           "there"), path, fs);
        return 0;
    }
    char *dir = existing_parent(path);
    const char *fs = network_fs(dir);
    int rc = 0;
    if (fs)
        rc = err_set(e, _("cannot create %s: the folder %s is on a network file system (%s), "
                     "where SQLite cannot lock a database safely; choose a folder on a disk "
                     "of this host"), path, dir, fs);
    free(dir);
    return rc;
}

/* The folders of dir that do not exist yet, the deepest first. */
static char **missing_folders(const char *dir, size_t *n)
{
    char **list = NULL;
    size_t cap = 0;
    *n = 0;
    char *d = xstrdup(dir);
    struct stat sb;
    while (stat(d, &sb) != 0 && errno == ENOENT && strcmp(d, "/") != 0 &&
           strcmp(d, ".") != 0) {
        list = xgrow(list, &cap, *n + 1, sizeof *list);
        list[(*n)++] = d;
        d = path_dirname(d);
    }
    free(d);
    return list;
}

int store_make_folder(const char *dir, bool shared, struct err *e)
{
    size_t n = 0;
    char **made = shared ? missing_folders(dir, &n) : NULL;
    int rc = path_mkdirs(dir, shared ? 0770 : 0700);
    if (rc < 0)
        err_set(e, _("cannot create the folder %s: %s"), dir, strerror(errno));
    /* A folder made for a group: the group may use it, and what is made
     * in it (the database, and the -wal and -shm files each person's
     * dpia makes beside it) keeps the folder's group. The umask does
     * not count here, and mkdir does not set the setgid bit itself. */
    for (size_t i = 0; i < n; i++) {
        if (rc == 0)
            chmod(made[i], 02770);
        free(made[i]);
    }
    free(made);
    if (rc < 0 || !shared)
        return rc;
    /* A folder that was there already is changed only when it is the
     * user's own and already open to its group. */
    struct stat sb;
    if (stat(dir, &sb) == 0 && sb.st_uid == geteuid() && (sb.st_mode & S_IRWXG) == S_IRWXG &&
        !(sb.st_mode & S_ISGID))
        chmod(dir, (sb.st_mode & 07777) | S_ISGID);
    return 0;
}
