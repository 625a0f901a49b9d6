/* A workshop on the assessment: W starts one (its date, place, agenda
 * and participants, one a line) or, while one is open, ends it (its
 * minutes and open points, one a line). Saved through ops/, which
 * checks the workflow's rules; the title bar says while one is open. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/ops.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "ui/form.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The lines of text that are not blank, each given to add; -1 with e
 * from the first that add refuses. */
static int each_line(const char *text, int (*add)(const char *line, void *ctx, struct err *e),
                     void *ctx, struct err *e)
{
    const char *p = text;
    while (*p) {
        size_t n = strcspn(p, "\n");
        char *line = xstrndup(p, n);
        char *s = line, *end = line + strlen(line);
        while (*s == ' ' || *s == '\t')
            s++;
        while (end > s && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r'))
            *--end = '\0';
        int rc = *s ? add(s, ctx, e) : 0;
        free(line);
        if (rc < 0)
            return -1;
        p += n;
        if (*p == '\n')
            p++;
    }
    return 0;
}

static int add_participant(const char *line, void *ctx, struct err *e)
{
    struct workshop *w = ctx;
    struct ws_participant p;
    if (ops_workshop_participant(line, &p, e) < 0)
        return -1;
    w->participants = xrealloc(w->participants, (w->nparticipants + 1) * sizeof *w->participants);
    w->participants[w->nparticipants++] = p;
    return 0;
}

struct points {
    struct ws_point *v;
    size_t n;
};

static int add_point(const char *line, void *ctx, struct err *e)
{
    struct points *ps = ctx;
    struct ws_point p;
    if (ops_workshop_point(line, &p, e) < 0)
        return -1;
    ps->v = xrealloc(ps->v, (ps->n + 1) * sizeof *ps->v);
    ps->v[ps->n++] = p;
    return 0;
}

static void points_free(struct points *ps)
{
    for (size_t i = 0; i < ps->n; i++) {
        free(ps->v[i].text);
        free(ps->v[i].who);
    }
    free(ps->v);
    ps->v = NULL;
    ps->n = 0;
}

static void workshop_start(struct view *v, struct app *a)
{
    struct form_field f[4];
    memset(f, 0, sizeof f);
    f[0] = (struct form_field){ .label = _("Date"), .kind = FK_DATE, .value = xstrdup("") };
    f[1] = (struct form_field){ .label = _("Place or call"), .kind = FK_LINE,
                                .value = xstrdup("") };
    f[2] = (struct form_field){ .label = _("Agenda (section ids, comma-separated)"),
                                .kind = FK_LINE,
                                .value = xstrdup(v->a->tmpl->sections[v->section].id) };
    f[3] = (struct form_field){ .label = _("Participants, one a line: name|role|organisation|"
                                           "yes if they represent the people concerned"),
                                .kind = FK_TEXT, .value = xstrdup("") };
    for (;;) {
        bool untouched;
        if (!form_run_ex(a, _("Start a workshop"), f, 4, &untouched, NULL))
            break;
        struct workshop w = { 0 };
        w.date = xstrdup(f[0].value);
        w.place = xstrdup(f[1].value);
        w.agenda = xstrdup(f[2].value);
        struct err e;
        int rc = each_line(f[3].value, add_participant, &w, &e);
        /* Opened again on the field the refusal is about. */
        f[3].focus = rc < 0;
        if (rc == 0) {
            rc = ops_workshop_start(a->store, v->a, &w, &e);
            f[2].focus = rc < 0;
        }
        if (rc == 0)
            app_message(a, false, _("Workshop %d started: the answers and notes changed until "
                                    "it ends are linked to it."), w.number);
        assess_workshop_clear(&w);
        if (rc < 0) {
            app_message(a, true, "%s", e.text);
            if (dialog_save_failed(a, e.text))
                continue;
        }
        break;
    }
    form_free(f, 4);
}

static void workshop_end(struct view *v, struct app *a, int number)
{
    struct form_field f[2];
    memset(f, 0, sizeof f);
    f[0] = (struct form_field){ .label = _("Minutes"), .kind = FK_TEXT, .value = xstrdup("") };
    f[1] = (struct form_field){ .label = _("Open points, one a line: text|who took it"),
                                .kind = FK_TEXT, .value = xstrdup("") };
    char title[128];
    snprintf(title, sizeof title, _("End workshop %d"), number);
    for (;;) {
        bool untouched;
        if (!form_run_ex(a, title, f, 2, &untouched, NULL) && !untouched)
            break;
        if (untouched && !dialog_confirm(a, title, _("End the workshop without minutes or open "
                                                     "points?")))
            break;
        struct points ps = { NULL, 0 };
        struct err e;
        int rc = each_line(f[1].value, add_point, &ps, &e);
        if (rc == 0)
            rc = ops_workshop_end(a->store, v->a, f[0].value, ps.v, ps.n, &e);
        points_free(&ps);
        if (rc == 0) {
            app_message(a, false, _("Workshop %d ended."), number);
        } else {
            app_message(a, true, "%s", e.text);
            if (dialog_save_failed(a, e.text))
                continue;
        }
        break;
    }
    form_free(f, 2);
}

void view_workshop(struct view *v, struct app *a)
{
    if (view_read_only(v, a) || !view_may(v, a, RA_EDIT))
        return;
    const struct workshop *open = assess_open_workshop(v->a);
    if (open)
        workshop_end(v, a, open->number);
    else
        workshop_start(v, a);
}
