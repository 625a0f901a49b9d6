/*
 * bench-save DB ID QID [N]: what one autosave of a text being typed
 * costs. Loads assessment ID of DB as the assessment screen does, then
 * saves the answer to QID N times (100) in one editing session, ten
 * characters longer each time, as the screen's autosave does while
 * someone types (once a second, ten keys a second).
 *
 * Prints "MIN MEDIAN MAX" in microseconds of CPU time (user + system,
 * this process alone) per save. Deterministic, so it can also run under
 * callgrind; the database is changed (the answer and its change log).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "store/store.h"
#include "util/buf.h"

static double cpu_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int by_value(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

int main(int argc, char **argv)
{
    if (argc < 4) {
        fprintf(stderr, "usage: bench-save DB ID QID [N]\n");
        return 2;
    }
    long n = argc > 4 ? strtol(argv[4], NULL, 10) : 100;
    if (n < 1)
        return 2;
    struct err e;
    struct store *s = store_open(argv[1], false, "bench", &e);
    struct assessment *a = s ? store_load(s, strtoll(argv[2], NULL, 10), &e) : NULL;
    if (!a) {
        fprintf(stderr, "bench-save: %s\n", e.text);
        return 1;
    }
    const char *qid = argv[3];
    const struct answer *an = assess_answer(a, qid);
    struct buf text = { 0 };
    buf_adds(&text, an ? an->value : "");
    double *cost = calloc((size_t)n, sizeof *cost);
    for (long i = 0; i < n; i++) {
        buf_adds(&text, i % 8 == 7 ? "factoids. " : "viewing r ");
        double t0 = cpu_us();
        an = assess_answer(a, qid);
        if (store_set_answer(s, a, qid, buf_str(&text), "", false, an ? an->revision : 0, 1,
                             &e) != 0) {
            fprintf(stderr, "bench-save: %s\n", e.text);
            return 1;
        }
        cost[i] = cpu_us() - t0;
    }
    qsort(cost, (size_t)n, sizeof *cost, by_value);
    printf("%.1f %.1f %.1f\n", cost[0], n % 2 ? cost[n / 2] : (cost[n / 2 - 1] + cost[n / 2]) / 2,
           cost[n - 1]);
    free(cost);
    buf_free(&text);
    assess_free(a);
    store_close(s);
    return 0;
}
