/*
 * The signals by which a person or the system asks a program to stop
 * (SIGINT, SIGTERM, SIGHUP), caught for a while by whoever must clean
 * up first (a temporary file, a temporary folder) and then given back.
 */
#ifndef DPIA_UTIL_SIGNALS_H
#define DPIA_UTIL_SIGNALS_H

#include <signal.h>

#define SIG_END_COUNT 3
extern const int sig_end[SIG_END_COUNT];

/* Puts handler on each of sig_end, keeping the actions there in old. */
void sig_end_catch(void (*handler)(int), struct sigaction old[SIG_END_COUNT]);
/* Puts back the actions sig_end_catch kept. */
void sig_end_restore(const struct sigaction old[SIG_END_COUNT]);

#endif
