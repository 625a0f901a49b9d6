/*
 * bench-run [-p] [-n RUNS] [-o FILE] CMD [ARG]... [--vs CMD2 [ARG]...]:
 * runs CMD RUNS times (after one run not counted, which fills the page
 * cache) and prints one line
 *
 *     CPU_MIN CPU_MEDIAN CPU_MAX WALL_MEDIAN MAXRSS
 *
 * the user+system CPU time (ms) of the child alone, from wait4, so that
 * no shell or timing tool is counted; the median wall time (ms, fork to
 * reap, for the record only: it moves with whatever else the machine
 * does); the largest peak resident set (kB).
 *
 * With --vs, CMD2 is the other side of a comparison (a floor): the two
 * run in turn, A B A B ..., so that a change in the machine's load
 * touches both alike, and a second line gives CMD2's figures.
 *
 * -p runs the commands on a new pseudo-terminal of 100x30 (a TUI needs
 * one), their output read and dropped as a terminal emulator would;
 * otherwise stdout goes to FILE (-o) or /dev/null. A failed run fails
 * the whole.
 */
#define _GNU_SOURCE
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "pty.h"

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* One run; fills wall, cpu (ms) and rss (kB). Returns the exit status. */
static int run_once(char **argv, int pty, const char *out, double *wall, double *cpu, long *rss)
{
    int master = -1;
    char *slave = NULL;
    if (pty) {
        master = posix_openpt(O_RDWR | O_NOCTTY);
        if (master < 0 || grantpt(master) < 0 || unlockpt(master) < 0 ||
            !(slave = ptsname(master))) {
            perror("bench-run: pty");
            return -1;
        }
    }
    double t0 = now_ms();
    pid_t pid = fork();
    if (pid < 0) {
        perror("bench-run: fork");
        return -1;
    }
    if (pid == 0) {
        if (pty) {
            bench_pty_child(slave, master);
        } else {
            int fd = open(out ? out : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0600);
            int in = open("/dev/null", O_RDONLY);
            if (fd < 0 || in < 0)
                _exit(126);
            dup2(in, 0);
            dup2(fd, 1);
        }
        execvp(argv[0], argv);
        _exit(127);
    }
    if (pty) {
        /* Drain what the program draws until its side closes. */
        char buf[65536];
        for (;;) {
            ssize_t n = read(master, buf, sizeof buf);
            if (n > 0)
                continue;
            if (n < 0 && errno == EINTR)
                continue;
            break;
        }
    }
    int status;
    struct rusage ru;
    if (wait4(pid, &status, 0, &ru) < 0) {
        perror("bench-run: wait4");
        return -1;
    }
    *wall = now_ms() - t0;
    if (pty)
        close(master);
    *cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
           (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    *rss = ru.ru_maxrss;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
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

struct side {
    char **argv;
    double *cpu, *wall;
    long rss;
};

static void report(struct side *s, int runs)
{
    double wall = median(s->wall, runs);
    double mid = median(s->cpu, runs); /* sorts s->cpu */
    printf("%.2f %.2f %.2f %.2f %ld\n", s->cpu[0], mid, s->cpu[runs - 1], wall, s->rss);
}

int main(int argc, char **argv)
{
    int pty = 0, runs = 5, c;
    const char *out = NULL;
    while ((c = getopt(argc, argv, "+pn:o:")) != -1) {
        switch (c) {
        case 'p':
            pty = 1;
            break;
        case 'n':
            runs = atoi(optarg);
            break;
        case 'o':
            out = optarg;
            break;
        default:
            return 2;
        }
    }
    if (optind >= argc || runs < 1) {
        fprintf(stderr, "usage: bench-run [-p] [-n RUNS] [-o FILE] CMD [ARG]... "
                "[--vs CMD2 [ARG]...]\n");
        return 2;
    }
    struct side sides[2] = { { argv + optind, NULL, NULL, 0 }, { NULL, NULL, NULL, 0 } };
    int nsides = 1;
    for (int i = optind; i < argc; i++) {
        if (strcmp(argv[i], "--vs") == 0) {
            argv[i] = NULL;
            if (i + 1 >= argc) {
                fprintf(stderr, "bench-run: nothing after --vs\n");
                return 2;
            }
            sides[1].argv = argv + i + 1;
            nsides = 2;
            break;
        }
    }
    for (int k = 0; k < nsides; k++) {
        sides[k].cpu = calloc((size_t)runs, sizeof(double));
        sides[k].wall = calloc((size_t)runs, sizeof(double));
    }
    /* One run of each first, not counted: the files in the page cache. */
    for (int i = -1; i < runs; i++) {
        for (int k = 0; k < nsides; k++) {
            struct side *s = &sides[k];
            double w, u;
            long r;
            int st = run_once(s->argv, pty, k == 0 ? out : NULL, &w, &u, &r);
            if (st != 0) {
                fprintf(stderr, "bench-run: %s exited %d\n", s->argv[0], st);
                return 1;
            }
            if (i < 0)
                continue;
            s->wall[i] = w;
            s->cpu[i] = u;
            if (r > s->rss)
                s->rss = r;
        }
    }
    for (int k = 0; k < nsides; k++) {
        report(&sides[k], runs);
        free(sides[k].cpu);
        free(sides[k].wall);
    }
    return 0;
}
