/*
 * bench-run [-p] [-n RUNS] [-o FILE] CMD [ARG]...: runs CMD RUNS times
 * and prints "WALL_MS CPU_MS MAXRSS_KB": the mean wall time (monotonic
 * clock, fork to reap), the mean user+system CPU time and the largest
 * peak resident set, all of the child alone (from wait4), so that no
 * shell or timing tool is counted.
 *
 * -p runs CMD on a new pseudo-terminal of 100x30 (a TUI needs one), its
 * output read and dropped as a terminal emulator would; otherwise its
 * stdout goes to FILE (-o) or /dev/null. A failed run fails the whole.
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
            setsid();
            int fd = open(slave, O_RDWR);
            if (fd < 0)
                _exit(126);
            struct winsize ws = { .ws_row = 30, .ws_col = 100 };
            ioctl(fd, TIOCSWINSZ, &ws);
            ioctl(fd, TIOCSCTTY, 0);
            dup2(fd, 0);
            dup2(fd, 1);
            dup2(fd, 2);
            close(master);
            if (fd > 2)
                close(fd);
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
        fprintf(stderr, "usage: bench-run [-p] [-n RUNS] [-o FILE] CMD [ARG]...\n");
        return 2;
    }
    double wall = 0, cpu = 0;
    long rss = 0;
    for (int i = 0; i < runs; i++) {
        double w, u;
        long r;
        int st = run_once(argv + optind, pty, out, &w, &u, &r);
        if (st != 0) {
            fprintf(stderr, "bench-run: %s exited %d\n", argv[optind], st);
            return 1;
        }
        wall += w;
        cpu += u;
        if (r > rss)
            rss = r;
    }
    printf("%.2f %.2f %ld\n", wall / runs, cpu / runs, rss);
    return 0;
}
