/* dpia workshop: a workshop started on an assessment (its date, place,
 * agenda and participants), ended (its minutes and open points), or
 * listed with what each settled. */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "ops/ops.h"
#include "util/err.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

static void print_clean(const char *label, const char *value, bool lines)
{
    char *v = text_sanitize(value, lines);
    printf("  ");
    printf(I18N_LABELLED, label, v);
    putchar('\n');
    free(v);
}

static void print_workshops(const struct assessment *a)
{
    if (!a->nworkshops)
        printf("%s\n", _("no workshop yet"));
    for (size_t i = 0; i < a->nworkshops; i++) {
        const struct workshop *w = &a->workshops[i];
        char *place = text_sanitize(w->place, false);
        printf(w->ended ? _("workshop %d: %s%s%s (ended)\n") : _("workshop %d: %s%s%s (open)\n"),
               w->number, w->date, *place ? ", " : "", place);
        free(place);
        print_clean(_("ran by"), w->who, false);
        if (*w->agenda)
            print_clean(_("agenda"), w->agenda, false);
        printf("  %s:\n", _("participants"));
        if (!w->nparticipants)
            printf("    %s\n", _("none recorded"));
        for (size_t k = 0; k < w->nparticipants; k++) {
            const struct ws_participant *p = &w->participants[k];
            char *n = text_sanitize(p->name, false), *r = text_sanitize(p->role, false),
                 *o = text_sanitize(p->organisation, false);
            printf("    %s%s%s%s%s%s\n", n, *r ? ", " : "", r, *o ? ", " : "", o,
                   p->represents ? _(" (represents the people concerned)") : "");
            free(n);
            free(r);
            free(o);
        }
        printf("  %s:\n", _("settled"));
        if (!w->nsettled)
            printf("    %s\n", _("no question answered or changed"));
        for (size_t k = 0; k < w->nsettled; k++) {
            const struct tmpl_question *q = tmpl_find_question(a->tmpl, w->settled[k]);
            char *id = text_sanitize(w->settled[k], false);
            char *t = text_sanitize(q && q->prompt ? q->prompt : "", false);
            printf("    %s%s%s\n", id, *t ? "  " : "", t);
            free(id);
            free(t);
        }
        if (*w->minutes)
            print_clean(_("minutes"), w->minutes, true);
        if (w->npoints)
            printf("  %s:\n", _("open points"));
        for (size_t k = 0; k < w->npoints; k++) {
            char *t = text_sanitize(w->points[k].text, true);
            char *who = text_sanitize(w->points[k].who, false);
            printf("    %s%s%s%s\n", t, *who ? " (" : "", who, *who ? ")" : "");
            free(t);
            free(who);
        }
    }
}

static void workshop_usage(void)
{
    msg_error(_("usage: dpia workshop ID start [--date D] [--place TEXT] [--agenda SECTION,...] "
              "[--participant \"NAME|ROLE|ORGANISATION|yes\"]..., dpia workshop ID end "
              "[--minutes TEXT] [--open-point \"TEXT|WHO\"]... (TEXT '-': read from stdin), or "
              "dpia workshop ID list"));
}

int cmd_workshop(const struct cli_global *g, int argc, char **argv)
{
    static const struct option lo[] = {
        { "date", required_argument, NULL, 'd' },
        { "place", required_argument, NULL, 'p' },
        { "agenda", required_argument, NULL, 'a' },
        { "participant", required_argument, NULL, 'P' },
        { "minutes", required_argument, NULL, 'm' },
        { "open-point", required_argument, NULL, 'o' },
        { NULL, 0, NULL, 0 },
    };
    struct workshop w = { 0 };
    struct ws_point *points = NULL;
    size_t npoints = 0;
    const char *minutes = NULL;
    bool start_opts = false, end_opts = false;
    int c, rc = EXIT_USAGE;
    struct err e;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
        if (c == 'd' || c == 'p' || c == 'a') {
            char **p = c == 'd' ? &w.date : c == 'p' ? &w.place : &w.agenda;
            free(*p);
            *p = xstrdup(optarg);
            start_opts = true;
        } else if (c == 'P') {
            struct ws_participant p;
            if (ops_workshop_participant(optarg, &p, &e) < 0) {
                msg_error("%s", e.text);
                goto out;
            }
            w.participants = xrealloc(w.participants,
                                      (w.nparticipants + 1) * sizeof *w.participants);
            w.participants[w.nparticipants++] = p;
            start_opts = true;
        } else if (c == 'm') {
            minutes = optarg;
            end_opts = true;
        } else if (c == 'o') {
            struct ws_point p;
            if (ops_workshop_point(optarg, &p, &e) < 0) {
                msg_error("%s", e.text);
                goto out;
            }
            points = xrealloc(points, (npoints + 1) * sizeof *points);
            points[npoints++] = p;
            end_opts = true;
        } else {
            rc = cli_bad_option("workshop", c, argv);
            goto out;
        }
    }
    if (argc - optind != 2) {
        workshop_usage();
        goto out;
    }
    const char *ref = argv[optind], *verb = argv[optind + 1];
    bool start = strcmp(verb, "start") == 0, end = strcmp(verb, "end") == 0,
         list = strcmp(verb, "list") == 0;
    if ((!start && !end && !list) || (start_opts && !start) || (end_opts && !end)) {
        workshop_usage();
        goto out;
    }
    char *mtext = NULL;
    if (minutes && !(mtext = strcmp(minutes, "-") == 0 ? cli_read_stdin() : xstrdup(minutes))) {
        rc = EXIT_WORK;
        goto out;
    }
    struct store *s;
    struct assessment *a = cli_open_load(g, !list, ref, &s, &rc);
    if (!a) {
        free(mtext);
        goto out;
    }
    rc = 0;
    if (list) {
        print_workshops(a);
    } else if (start) {
        if (ops_workshop_start(s, a, &w, &e) < 0) {
            msg_error("%s", e.text);
            rc = EXIT_WORK;
        } else {
            printf(_("workshop %d started\n"), w.number);
        }
    } else {
        const struct workshop *open = assess_open_workshop(a);
        int number = open ? open->number : 0;
        if (ops_workshop_end(s, a, mtext, points, npoints, &e) < 0) {
            msg_error("%s", e.text);
            rc = EXIT_WORK;
        } else {
            printf(_("workshop %d ended\n"), number);
        }
    }
    free(mtext);
    assess_free(a);
    store_close(s);
out:
    assess_workshop_clear(&w);
    for (size_t i = 0; i < npoints; i++) {
        free(points[i].text);
        free(points[i].who);
    }
    free(points);
    return rc;
}
