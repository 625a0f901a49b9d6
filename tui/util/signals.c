/* Catching the signals that ask a program to stop (util/signals.h). */
#include "config.h"
#include "util/signals.h"

#include <string.h>

const int sig_end[SIG_END_COUNT] = { SIGINT, SIGTERM, SIGHUP };

void sig_end_catch(void (*handler)(int), struct sigaction old[SIG_END_COUNT])
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = handler;
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < SIG_END_COUNT; i++)
        sigaction(sig_end[i], &sa, &old[i]);
}

void sig_end_restore(const struct sigaction old[SIG_END_COUNT])
{
    for (size_t i = 0; i < SIG_END_COUNT; i++)
        sigaction(sig_end[i], &old[i], NULL);
}
