/* The benchmark helpers that run dpia on a pseudo-terminal (bench-run -p,
 * bench-type): the child's side of it, made the same way for both. */
#ifndef DPIA_BENCH_PTY_H
#define DPIA_BENCH_PTY_H

#include <fcntl.h>
#include <sys/ioctl.h>
#include <termios.h>
#include <unistd.h>

/* In the child: a session of its own whose controlling terminal is the
 * pty's slave, 100x30, as its standard input, output and error. */
static inline void bench_pty_child(const char *slave, int master)
{
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
}

#endif
