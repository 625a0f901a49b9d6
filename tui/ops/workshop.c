/* Workshops: started and ended under the workflow's rules, their texts
 * checked, their participants and open points read as people write
 * them on the command line. */
#include "config.h"
#include "ops/ops.h"

#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/roles.h"
#include "core/textrule.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* The fields of "a|b|c|d", at most max; how many there were. */
static size_t split_bars(const char *text, char **out, size_t max)
{
    size_t n = 0;
    const char *p = text;
    for (;;) {
        size_t len = strcspn(p, "|");
        if (n == max) {
            n++;
            break;
        }
        out[n++] = xstrndup(p, len);
        p += len;
        if (!*p)
            break;
        p++;
    }
    return n;
}

int ops_workshop_participant(const char *text, struct ws_participant *p, struct err *e)
{
    char *f[4] = { NULL, NULL, NULL, NULL };
    size_t n = split_bars(text ? text : "", f, 4);
    memset(p, 0, sizeof *p);
    int rc = 0;
    if (n > 4 || !f[0] || !*f[0])
        rc = err_set(e, _("a participant is written NAME|ROLE|ORGANISATION|yes or no (whether "
                     "they represent the people concerned): '%s'"), text ? text : "");
    else if (f[3] && *f[3] && answer_yes_no(f[3], strlen(f[3])) < 0)
        rc = err_set(e, _("'%s': whether a participant represents the people concerned is "
                     "yes or no"), f[3]);
    if (rc == 0) {
        p->name = f[0];
        p->role = f[1] ? f[1] : xstrdup("");
        p->organisation = f[2] ? f[2] : xstrdup("");
        p->represents = f[3] && answer_yes_no(f[3], strlen(f[3])) == 1;
        free(f[3]);
        return 0;
    }
    for (size_t i = 0; i < 4; i++)
        free(f[i]);
    return rc;
}

int ops_workshop_point(const char *text, struct ws_point *p, struct err *e)
{
    char *f[2] = { NULL, NULL };
    size_t n = split_bars(text ? text : "", f, 2);
    memset(p, 0, sizeof *p);
    if (n > 2 || !f[0] || !*f[0]) {
        free(f[0]);
        free(f[1]);
        return err_set(e, _("an open point is written TEXT|WHO: '%s'"), text ? text : "");
    }
    p->text = f[0];
    p->who = f[1] ? f[1] : xstrdup("");
    return 0;
}

/* "screening, description" as "screening,description": the agenda's
 * section ids with the spaces people put after the commas left out. */
static void agenda_tidy(char *agenda)
{
    char *out = agenda;
    for (const char *p = agenda; p && *p; p++)
        if (*p != ' ' && *p != '\t')
            *out++ = *p;
    if (out)
        *out = '\0';
}

int ops_workshop_start(struct store *s, struct assessment *a, struct workshop *w,
                       struct err *e)
{
    agenda_tidy(w->agenda);
    if (roles_check(a, store_who(s), RA_EDIT, e) < 0 ||
        wf_check_workshop(a, true, w->agenda, e) < 0 ||
        textrule_check_str(_("workshop place"), w->place ? w->place : "", TK_LINE, e) < 0)
        return -1;
    for (size_t i = 0; i < w->nparticipants; i++) {
        const struct ws_participant *p = &w->participants[i];
        if (!p->name || !*p->name)
            return err_set(e, _("a participant needs a name"));
        if (textrule_check_str(_("participant's name"), p->name, TK_LINE, e) < 0 ||
            textrule_check_str(_("participant's role"), p->role ? p->role : "", TK_LINE, e) < 0 ||
            textrule_check_str(_("participant's organisation"),
                               p->organisation ? p->organisation : "", TK_LINE, e) < 0)
            return -1;
    }
    char iso[16];
    if (ops_date(w->date ? w->date : "", iso, e) < 0)
        return -1;
    if (!*iso)
        ops_today(iso);
    free(w->date);
    w->date = xstrdup(iso);
    return store_workshop_start(s, a, w, e);
}

int ops_workshop_end(struct store *s, struct assessment *a, const char *minutes,
                     const struct ws_point *points, size_t npoints, struct err *e)
{
    if (roles_check(a, store_who(s), RA_EDIT, e) < 0 ||
        wf_check_workshop(a, false, NULL, e) < 0 ||
        textrule_check_str(_("minutes"), minutes ? minutes : "", TK_LINES, e) < 0)
        return -1;
    for (size_t i = 0; i < npoints; i++)
        if (textrule_check_str(_("open point"), points[i].text, TK_LINES, e) < 0 ||
            textrule_check_str(_("who took the open point"), points[i].who, TK_LINE, e) < 0)
            return -1;
    return store_workshop_end(s, a, minutes, points, npoints, e);
}
