/*
 * replay-TARGET [FILE|DIR]...: feeds stored inputs to a harness's
 * LLVMFuzzerTestOneInput, built with the normal compiler, so that
 * `make check` keeps every crasher the fuzzers found (regressions/) and
 * the seed corpus (corpus/) passing. Without arguments it reads
 * FUZZ_SRCDIR/regressions/TARGET and FUZZ_SRCDIR/corpus/TARGET. Prints
 * TAP, one line per input; a crash ends the run (the TAP driver says
 * which input was last).
 */
#include "config.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

static int count;

static int cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void replay_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        printf("not ok %d - %s: cannot open\n", ++count, path);
        return;
    }
    size_t cap = 4096, len = 0, n;
    unsigned char *buf = malloc(cap);
    while (buf && (n = fread(buf + len, 1, cap - len, f)) > 0) {
        len += n;
        if (len == cap)
            buf = realloc(buf, cap *= 2);
    }
    fclose(f);
    if (!buf)
        abort();
    /* Announced first, so a crash leaves the input's name in the log. */
    printf("# %s (%zu bytes)\n", path, len);
    fflush(stdout);
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
    printf("ok %d - %s\n", ++count, path);
}

/* The files of a folder in name order (dot files skipped). */
static void replay(const char *path)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return;
    if (!S_ISDIR(st.st_mode)) {
        replay_file(path);
        return;
    }
    DIR *d = opendir(path);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (de->d_name[0] == '.')
            continue;
        names = realloc(names, (n + 1) * sizeof *names);
        size_t len = strlen(path) + strlen(de->d_name) + 2;
        names[n] = malloc(len);
        snprintf(names[n++], len, "%s/%s", path, de->d_name);
    }
    closedir(d);
    if (n)
        qsort(names, n, sizeof *names, cmp);
    for (size_t i = 0; i < n; i++) {
        replay_file(names[i]);
        free(names[i]);
    }
    free(names);
}

int main(int argc, char **argv)
{
    if (argc > 1) {
        for (int i = 1; i < argc; i++)
            replay(argv[i]);
    } else {
        replay(FUZZ_SRCDIR "/regressions/" FUZZ_TARGET);
        replay(FUZZ_SRCDIR "/corpus/" FUZZ_TARGET);
    }
    printf("1..%d\n", count);
    return 0;
}
