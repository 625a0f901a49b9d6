/*
 * For the tests alone: preloaded (LD_PRELOAD), makes statfs and fstatfs
 * report the file system DPIA_FAKE_FS names (nfs, smb, cifs) instead of
 * the real one, so that the refusal of a database on a network file
 * system can be tested where no such mount can be had. Unset or empty,
 * the real answer stands.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>
#include <sys/vfs.h>

static long fake_type(void)
{
    const char *fs = getenv("DPIA_FAKE_FS");
    if (!fs || !*fs)
        return 0;
    if (strcmp(fs, "nfs") == 0)
        return 0x6969;
    if (strcmp(fs, "smb") == 0)
        return 0xFE534D42L;
    if (strcmp(fs, "cifs") == 0)
        return 0xFF534D42L;
    return 0;
}

#define WRAP(name, arg_t, st_t)                                               \
    int name(arg_t a, struct st_t *sf)                                        \
    {                                                                         \
        static int (*real)(arg_t, struct st_t *);                             \
        if (!real)                                                            \
            real = (int (*)(arg_t, struct st_t *))dlsym(RTLD_NEXT, #name);    \
        if (!real)                                                            \
            return -1;                                                        \
        int rc = real(a, sf);                                                 \
        long t = fake_type();                                                 \
        if (rc == 0 && t)                                                     \
            sf->f_type = t;                                                   \
        return rc;                                                            \
    }

WRAP(statfs, const char *, statfs)
WRAP(fstatfs, int, statfs)
WRAP(statfs64, const char *, statfs64)
WRAP(fstatfs64, int, statfs64)
