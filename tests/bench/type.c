/*
 * bench-type [-n PAIRS] [-k KEYS] [-r RATE] [-q QID] [-w MS] [-x] SRC WORK DPIA: what
 * a key typed into a text answer costs, measured from outside, through
 * the real program on a pseudo-terminal of 100x30, autosave included.
 *
 * SRC is a database holding one assessment; before each run it is
 * copied to WORK and `DPIA -d WORK` is started on a new terminal. The
 * run opens the assessment (Enter), opens the answer of its first
 * question (Enter: QID, a text question), types KEYS characters one at
 * a time, RATE a second (10: a fast typist, so the screen's autosave
 * runs about once every ten keys, as it would), leaves the field (F10,
 * which saves) and quits (q). Everything the program draws is read and
 * dropped as a terminal emulator would. A screen counts as drawn once
 * the program has written nothing for MS milliseconds (200; more under
 * valgrind).
 *
 * Each pair is a run that types nothing and one that types KEYS keys,
 * one after the other; the child's CPU time (user + system, from wait4)
 * of the second less that of the first, divided by KEYS, is what a key
 * costs with everything included: the redraw, the terminal output, the
 * autosaves, the leaving save. Prints
 *
 *     KEY_MIN KEY_MEDIAN KEY_MAX IDLE_MEDIAN TYPING_MEDIAN SAVES MAXRSS
 *     INSIDE_MEDIAN
 *
 * microseconds per key over the pairs, the two runs' CPU medians (ms),
 * the saves one typing run made (from the answer's revision), the
 * largest peak resident set of any run (kB), and a cross-check free of
 * the noise of starting and ending: the child's CPU time between the
 * first key and the last one drawn (the kernel's count for the process,
 * /proc/PID/schedstat, the same clock as wait4's; 0 where there is no
 * such file) divided by KEYS, in microseconds. The last run's answer is
 * checked to hold what was typed.
 *
 * -x: DPIA is not dpia but a floor to compare with (any program that
 * reads keys from its terminal and shows them, run with the same
 * arguments), and nothing is checked.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pty.h"
#include "store/store.h"

static const char text[] =
    "Viewing records are observed automatically by the player apps each "
    "time a subscriber starts, pauses or stops a title; naïve “factoids” "
    "are drawn from them. ";

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int master = -1;
static double settle = 200; /* ms of quiet that says a screen is drawn */

/* Reads and drops what the program draws for ms milliseconds; with
 * quiet, until it has drawn something and then nothing for that long
 * (at most ten seconds). Returns -1 when its side has closed. */
static int drain(double ms, bool quiet)
{
    char buf[65536];
    double start = now_ms(), last = start;
    bool drawn = false;
    for (;;) {
        double t = now_ms();
        double until = quiet ? (drawn ? last : t) + ms : start + ms;
        if (t >= until || (quiet && t - start > 10000 + 10 * settle))
            return 0;
        struct pollfd p = { master, POLLIN, 0 };
        int r = poll(&p, 1, (int)(until - t) + 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            continue;
        ssize_t n = read(master, buf, sizeof buf);
        if (n > 0) {
            last = now_ms();
            drawn = true;
            continue;
        }
        if (n < 0 && errno == EINTR)
            continue;
        return -1;
    }
}

static void put(const char *s, size_t n)
{
    while (n > 0) {
        ssize_t w = write(master, s, n);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            return;
        s += w;
        n -= (size_t)w;
    }
}

static int copy_file(const char *from, const char *to)
{
    char side[4096];
    static const char *const sfx[] = { "-wal", "-shm", "-journal" };
    for (int i = 0; i < 3; i++) {
        snprintf(side, sizeof side, "%s%s", to, sfx[i]);
        unlink(side);
    }
    int in = open(from, O_RDONLY), out = open(to, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    if (in < 0 || out < 0) {
        perror("bench-type: copy");
        return -1;
    }
    char buf[1 << 16];
    ssize_t n;
    while ((n = read(in, buf, sizeof buf)) > 0)
        if (write(out, buf, (size_t)n) != n)
            return -1;
    close(in);
    close(out);
    return n < 0 ? -1 : 0;
}

/* The CPU time the process has used so far (ns), from the kernel's
 * scheduler statistics; -1 when they cannot be read. */
static double ran_ns(pid_t pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/schedstat", (long)pid);
    FILE *f = fopen(path, "r");
    double ns = -1;
    if (f && fscanf(f, "%lf", &ns) != 1)
        ns = -1;
    if (f)
        fclose(f);
    return ns;
}

/* One run typing keys characters; the child's CPU (ms), its CPU while
 * typing (ns, -1 unknown) and peak RSS. */
static int run(const char *dpia, const char *work, long keys, double rate, double *cpu,
               double *inside, long *rss)
{
    char *slave = NULL;
    master = posix_openpt(O_RDWR | O_NOCTTY);
    if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0 || !(slave = ptsname(master))) {
        perror("bench-type: pty");
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        bench_pty_child(slave, master);
        execlp(dpia, dpia, "-d", work, (char *)NULL);
        _exit(127);
    }
    /* The list, then the assessment, then its first answer opened. */
    drain(settle, true);
    put("\r", 1);
    drain(settle, true);
    put("\r", 1);
    drain(settle, true);
    /* The keys, one at a time, at the typist's pace. */
    double at_first = ran_ns(pid);
    const char *p = text;
    for (long i = 0; i < keys; i++) {
        if (!*p)
            p = text;
        size_t n = 1;
        while (((unsigned char)p[n] & 0xC0) == 0x80)
            n++;
        put(p, n);
        p += n;
        drain(1000.0 / rate, false);
    }
    drain(settle, true);
    double at_last = ran_ns(pid);
    *inside = at_first >= 0 && at_last >= 0 ? at_last - at_first : -1;
    put("\033[21~", 5); /* F10: leave the field, saving */
    drain(settle, true);
    put("q", 1);
    while (drain(1000, false) == 0) {
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("bench-type: wait4");
        return -1;
    }
    close(master);
    *cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    *rss = ru.ru_maxrss;
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        fprintf(stderr, "bench-type: dpia ended with status %d\n", status);
        return -1;
    }
    return 0;
}

/* The revision and value of the answer to qid of the one assessment
 * in db (revision 0 when none). */
static int answer_of(const char *db, const char *qid, int64_t *revision, char **value)
{
    struct err e;
    struct store *s = store_open(db, true, "bench", &e);
    struct store_list l = { 0 };
    struct assessment *a = NULL;
    if (s && store_list(s, true, &l, &e) == 0 && l.count == 1)
        a = store_load(s, l.items[0].id, &e);
    else if (s && l.count != 1)
        err_set(&e, "%s holds %zu assessments, not one", db, l.count);
    if (!a) {
        fprintf(stderr, "bench-type: %s\n", e.text);
        store_list_free(&l);
        store_close(s);
        return -1;
    }
    const struct answer *an = assess_answer(a, qid);
    *revision = an ? an->revision : 0;
    *value = strdup(an ? an->value : "");
    assess_free(a);
    store_list_free(&l);
    store_close(s);
    return 0;
}

static int by_value(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static double median(double *v, int n)
{
    qsort(v, (size_t)n, sizeof *v, by_value);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

int main(int argc, char **argv)
{
    int pairs = 3, c;
    long keys = 100;
    double rate = 10;
    const char *qid = "scr.project";
    bool floor = false;
    while ((c = getopt(argc, argv, "n:k:r:q:w:x")) != -1) {
        switch (c) {
        case 'n':
            pairs = atoi(optarg);
            break;
        case 'k':
            keys = atol(optarg);
            break;
        case 'r':
            rate = atof(optarg);
            break;
        case 'q':
            qid = optarg;
            break;
        case 'w':
            settle = atof(optarg);
            break;
        case 'x':
            floor = true;
            break;
        default:
            return 2;
        }
    }
    if (argc - optind != 3 || pairs < 1 || keys < 1 || rate <= 0) {
        fprintf(stderr, "usage: bench-type [-n PAIRS] [-k KEYS] [-r RATE] [-q QID] [-w MS] [-x] "
                "SRC WORK DPIA\n");
        return 2;
    }
    setlocale(LC_ALL, "C.UTF-8");
    signal(SIGPIPE, SIG_IGN);
    const char *src = argv[optind], *work = argv[optind + 1], *dpia = argv[optind + 2];
    int64_t rev0 = 0;
    char *before = NULL;
    if (!floor && answer_of(src, qid, &rev0, &before) < 0)
        return 1;
    double *per_key = calloc((size_t)pairs, sizeof *per_key);
    double *idle = calloc((size_t)pairs, sizeof *idle);
    double *typing = calloc((size_t)pairs, sizeof *typing);
    double *inside = calloc((size_t)pairs, sizeof *inside);
    long rss = 0;
    for (int i = 0; i < pairs; i++) {
        long r0, r1;
        double unused;
        if (copy_file(src, work) < 0 || run(dpia, work, 0, rate, &idle[i], &unused, &r0) < 0 ||
            copy_file(src, work) < 0 ||
            run(dpia, work, keys, rate, &typing[i], &inside[i], &r1) < 0)
            return 1;
        inside[i] = inside[i] < 0 ? 0 : inside[i] / 1000.0 / (double)keys;
        per_key[i] = (typing[i] - idle[i]) * 1000.0 / (double)keys;
        rss = r0 > rss ? r0 : rss;
        rss = r1 > rss ? r1 : rss;
    }
    /* What was typed is in the answer. */
    int64_t rev1 = 0;
    char *after = NULL;
    if (!floor && answer_of(work, qid, &rev1, &after) < 0)
        return 1;
    char *typed = calloc((size_t)keys * 4 + 1, 1);
    const char *p = text;
    size_t o = 0;
    for (long i = 0; i < keys; i++) {
        if (!*p)
            p = text;
        do
            typed[o++] = *p++;
        while (((unsigned char)*p & 0xC0) == 0x80);
    }
    /* (An answer is kept without the spaces that end it.) */
    while (o > 0 && typed[o - 1] == ' ')
        typed[--o] = '\0';
    if (!floor && (!strstr(after, typed) || strlen(after) < strlen(before) + o)) {
        fprintf(stderr, "bench-type: the answer to %s does not hold the %ld keys typed: "
                "\"%s\" (was \"%s\")\n", qid, keys, after, before);
        return 1;
    }
    double mid = median(per_key, pairs);
    printf("%.1f %.1f %.1f %.2f %.2f %lld %ld %.1f\n", per_key[0], mid, per_key[pairs - 1],
           median(idle, pairs), median(typing, pairs), (long long)(rev1 - rev0), rss,
           median(inside, pairs));
    free(per_key);
    free(inside);
    free(idle);
    free(typing);
    free(typed);
    free(before);
    free(after);
    return 0;
}
