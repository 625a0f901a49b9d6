/*
 * bench-clients [-x DPIA] DB N ROUNDS: N clients writing answers to one
 * assessment at the same time, each its own text question (one asked
 * whatever the other answers), ROUNDS answers each, every one a sentence
 * of its own.
 *
 * DB is a database argument as -d takes it. A new assessment of the
 * built-in template is made in it first. Each client is a process of
 * its own, linked with dpia's objects: it opens DB, loads the
 * assessment once (without its change log), and saves its answers one
 * after the other through ops_answer on the revision it holds, as the
 * assessment screen does. With -x, each save is instead a `DPIA -d DB
 * answer ID QUESTION VALUE` process, started and waited for: what a
 * script pays, process start and the opening checks included.
 *
 * The clients open and load first, then start together. Prints one
 * line:
 *
 *     WRITES ERRORS SECONDS ANSWERS_PER_S P50_MS P90_MS P99_MS MAX_MS
 *
 * SECONDS is the wall time from the common start to the last save;
 * the latencies are the wall time of each save. ERRORS counts the saves
 * that failed (each also said on stderr). Exit status 1 when one did.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "core/roles.h"
#include "core/tmpl.h"
#include "ops/ops.h"
#include "store/store.h"

static const char *const words[] = {
    "Viewing records are kept for thirteen months and then deleted by a nightly job.",
    "Access to individual records is limited to four named analysts.",
    "Subscribers are told in the privacy notice and in a banner in the app.",
    "The processor keeps the data in the EU under a contract meeting Article 28.",
    "People can object in the account settings; it takes effect within a day.",
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int by_value(const void *x, const void *y)
{
    double a = *(const double *)x, b = *(const double *)y;
    return (a > b) - (a < b);
}

static double pct(const double *v, size_t n, double p)
{
    size_t i = (size_t)(p * (double)(n - 1) + 0.5);
    return v[i < n ? i : n - 1];
}

/* What the clients share with the parent. */
struct shared {
    double end[256];
    int errors[256];
    double lat[];    /* N * ROUNDS */
};

static void die(const char *what, const char *why)
{
    fprintf(stderr, "bench-clients: %s: %s\n", what, why);
    exit(1);
}

/* One client: ROUNDS saves of question q, each timed. */
static void client(const char *db, const char *dpia, int64_t id, int k, const char *q, int rounds,
                   struct shared *sh, int ready, int go)
{
    char who[32], idtext[32];
    snprintf(who, sizeof who, "client%d", k + 1);
    snprintf(idtext, sizeof idtext, "%lld", (long long)id);
    struct err e;
    struct store *s = NULL;
    struct assessment *a = NULL;
    if (!dpia) {
        s = store_open(db, false, who, &e);
        a = s ? store_load_flags(s, id, STORE_LOAD_NO_HISTORY, &e) : NULL;
        if (!a)
            die(db, e.text);
    } else {
        setenv("DPIA_USER", who, 1);
    }
    char c = 1, buf;
    if (write(ready, &c, 1) != 1 || read(go, &buf, 1) < 0)
        die("start", strerror(errno));
    for (int r = 0; r < rounds; r++) {
        char value[256];
        snprintf(value, sizeof value, "Client %d, round %d. %s", k + 1, r + 1,
                 words[(k + r) % (sizeof words / sizeof *words)]);
        double t0 = now_ms();
        int rc;
        if (!dpia) {
            const struct answer *an = assess_answer(a, q);
            rc = ops_answer(s, a, q, value, NULL, -1, an ? an->revision : 0, 0, &e);
            if (rc != 0)
                fprintf(stderr, "bench-clients: client %d: %s\n", k + 1, e.text);
        } else {
            pid_t pid = fork();
            if (pid == 0) {
                execl(dpia, "dpia", "-d", db, "answer", idtext, q, value, (char *)NULL);
                _exit(127);
            }
            int st = 0;
            rc = pid < 0 || waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0;
        }
        sh->lat[(size_t)k * (size_t)rounds + (size_t)r] = now_ms() - t0;
        if (rc != 0)
            sh->errors[k]++;
    }
    sh->end[k] = now_ms();
    assess_free(a);
    store_close(s);
    exit(0);
}

int main(int argc, char **argv)
{
    const char *dpia = NULL;
    int opt;
    while ((opt = getopt(argc, argv, "x:")) != -1) {
        if (opt != 'x')
            return 2;
        dpia = optarg;
    }
    if (argc - optind != 3) {
        fprintf(stderr, "usage: bench-clients [-x DPIA] DB N ROUNDS\n");
        return 2;
    }
    const char *db = argv[optind];
    int n = atoi(argv[optind + 1]), rounds = atoi(argv[optind + 2]);
    if (n < 1 || n > 256 || rounds < 1)
        return 2;

    /* The assessment, and a text question for each client. */
    struct err e;
    struct store *s = store_open(db, false, "bench", &e);
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    int64_t id = s ? store_create(s, "Twenty at once", xml, len, NULL, &e) : -1;
    struct assessment *a = id > 0 ? store_load_flags(s, id, STORE_LOAD_NO_HISTORY, &e) : NULL;
    if (!a)
        die(db, e.text);
    const char **qs = calloc((size_t)n, sizeof *qs);
    int found = 0;
    for (size_t i = 0; i < a->tmpl->nquestions && found < n; i++)
        if (a->tmpl->questions[i].type == QT_TEXT && a->tmpl->questions[i].nconditions == 0 &&
            !a->tmpl->questions[i].feared_event)
            qs[found++] = a->tmpl->questions[i].id;
    if (found < n)
        die("template", "fewer text questions than clients");
    /* Each client a contributor, as the rules of roles want of whoever
     * answers. */
    for (int k = 0; k < n; k++) {
        char who[32];
        snprintf(who, sizeof who, "client%d", k + 1);
        if (store_set_member(s, a, who, MR_CONTRIBUTOR, &e) < 0)
            die(db, e.text);
    }
    store_close(s);

    size_t size = sizeof(struct shared) + (size_t)n * (size_t)rounds * sizeof(double);
    struct shared *sh = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (sh == MAP_FAILED)
        die("mmap", strerror(errno));
    memset(sh, 0, size);
    int ready[2], go[2];
    if (pipe(ready) != 0 || pipe(go) != 0)
        die("pipe", strerror(errno));
    fflush(NULL);
    for (int k = 0; k < n; k++) {
        pid_t pid = fork();
        if (pid < 0)
            die("fork", strerror(errno));
        if (pid == 0) {
            close(ready[0]);
            close(go[1]);
            client(db, dpia, id, k, qs[k], rounds, sh, ready[1], go[0]);
        }
    }
    close(ready[1]);
    close(go[0]);
    for (int k = 0; k < n; k++) {
        char c;
        if (read(ready[0], &c, 1) != 1)
            die("start", "a client ended before it was ready");
    }
    double t0 = now_ms();
    close(go[1]);
    int failed = 0;
    for (int k = 0; k < n; k++) {
        int st;
        if (wait(&st) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
            failed++;
    }
    double t1 = t0;
    int errors = failed;
    for (int k = 0; k < n; k++) {
        t1 = sh->end[k] > t1 ? sh->end[k] : t1;
        errors += sh->errors[k];
    }
    size_t writes = (size_t)n * (size_t)rounds;
    qsort(sh->lat, writes, sizeof *sh->lat, by_value);
    double secs = (t1 - t0) / 1e3;
    printf("%zu %d %.3f %.1f %.2f %.2f %.2f %.2f\n", writes, errors, secs,
           secs > 0 ? (double)writes / secs : 0, pct(sh->lat, writes, 0.50),
           pct(sh->lat, writes, 0.90), pct(sh->lat, writes, 0.99), sh->lat[writes - 1]);
    free(qs);
    assess_free(a);
    return errors ? 1 : 0;
}
