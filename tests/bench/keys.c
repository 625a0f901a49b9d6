/*
 * bench-keys DB [N]: the CPU cost of typing N characters (10,000) into a
 * text answer, the way the assessment screen does it: each key goes
 * through te_key, the editor is drawn (te_draw, wnoutrefresh, doupdate
 * on a real curses screen writing to /dev/null), and the answer is saved
 * through the store once a second of simulated typing (10 keys a second,
 * a fast typist), as the screen's autosave does.
 *
 * Prints "KEY_US SAVE_US SAVES": CPU microseconds per keystroke with
 * everything included, CPU microseconds per save, and how many saves.
 * Deterministic, so it can also run under callgrind.
 */
#include "config.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/tmpl.h"
#include "store/store.h"
#include "ui/term.h"
#include "ui/textedit.h"

#define KEYS_PER_SECOND 10

static double cpu_us(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
    return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench-keys DB [N]\n");
        return 2;
    }
    long n = argc > 2 ? strtol(argv[2], NULL, 10) : 10000;
    setlocale(LC_ALL, "C.UTF-8");
    setenv("TERM", "xterm-256color", 0);

    struct err e;
    struct store *s = store_open(argv[1], false, "bench", &e);
    size_t len;
    const char *xml = tmpl_builtin_xml(&len);
    int64_t id = s ? store_create(s, "Typing benchmark", xml, len, NULL, &e) : -1;
    struct assessment *a = id < 0 ? NULL : store_load(s, id, &e);
    if (!a) {
        fprintf(stderr, "bench-keys: %s\n", e.text);
        return 1;
    }
    const char *qid = "desc.roles";

    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    SCREEN *scr = newterm(NULL, out, in);
    term_read_locale();
    if (!scr) {
        fprintf(stderr, "bench-keys: no terminal\n");
        return 1;
    }
    /* The answer area of the assessment screen at 100x30. */
    WINDOW *w = newwin(14, 62, 10, 36);

    static const char text[] =
        "Viewing records are observed automatically by the player apps each "
        "time a subscriber starts, pauses or stops a title; naïve “factoids” "
        "are drawn from them. ";
    wchar_t wtext[sizeof text];
    size_t nw = mbstowcs(wtext, text, sizeof text);

    struct textedit te;
    te_init(&te, "", true);
    double save_cpu = 0;
    long saves = 0;
    double t0 = cpu_us();
    for (long i = 0; i < n; i++) {
        te_key(&te, (wint_t)wtext[i % nw], false);
        werase(w);
        te_draw(&te, w, 0, 0, 14, 62, true);
        wnoutrefresh(w);
        doupdate();
        if ((i + 1) % KEYS_PER_SECOND == 0 || i + 1 == n) {
            double s0 = cpu_us();
            const struct answer *old = assess_answer(a, qid);
            if (store_set_answer(s, a, qid, te_text(&te), "", false, old ? old->revision : 0, 1,
                                 &e) != 0) {
                fprintf(stderr, "bench-keys: %s\n", e.text);
                return 1;
            }
            te_mark_saved(&te);
            save_cpu += cpu_us() - s0;
            saves++;
        }
    }
    double total = cpu_us() - t0;
    te_free(&te);
    delwin(w);
    endwin();
    delscreen(scr);
    fclose(out);
    fclose(in);
    assess_free(a);
    store_close(s);
    printf("%.2f %.1f %ld\n", total / (double)n, saves ? save_cpu / (double)saves : 0.0, saves);
    return 0;
}
