/* The people of an assessment and their roles (M on the assessment
 * screen): each member with their role, who holds the DPO's and the
 * decision-maker's roles (or that an owner stands in), and the person
 * using dpia. An owner adds (a), changes (Enter) and removes (D) them;
 * for anyone else the status bar says whose that is, before anything is
 * asked. The rules are core/roles.h's, through ops/. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/ops.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "ui/term.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

struct mview {
    struct view *v;   /* the assessment screen's, below this one */
    size_t cur;
};

static struct mview *M(struct screen *s)
{
    return s->data;
}

static void members_draw(struct screen *s, struct app *a)
{
    struct mview *m = M(s);
    const struct assessment *as = m->v->a;
    char *line = xasprintf(_("People and roles: %s"), as->title);
    term_put(stdscr, 1, 1, COLS - 2, term_attr(ROLE_HEADING), line);
    free(line);
    /* TRANSLATORS: column headers of the list of people; Role has 18
       columns. */
    term_put(stdscr, 3, 2, 18, term_attr(ROLE_DIM), _("Role"));
    term_put(stdscr, 3, 22, COLS - 24, term_attr(ROLE_DIM), _("Person"));
    if (m->cur >= as->nmembers && as->nmembers)
        m->cur = as->nmembers - 1;
    int maxy = LINES - 6;
    size_t top = m->cur + 4 > (size_t)(maxy - 4) ? m->cur + 4 - (size_t)(maxy - 4) : 0;
    int y = 4;
    for (size_t i = top; i < as->nmembers && y < maxy; i++, y++) {
        bool sel = i == m->cur;
        attr_t at = sel ? term_attr(ROLE_SELECTED) : A_NORMAL;
        term_fill(stdscr, y, 0, COLS, at);
        term_put(stdscr, y, 2, 18, at, member_role_label(as->members[i].role));
        term_put(stdscr, y, 22, COLS - 24, at, as->members[i].person);
    }
    /* Who records the DPO's advice and the decision, and who you are. */
    y = maxy + 1;
    const char *who = store_who(a->store);
    bool member;
    enum member_role r = roles_of(as, who, &member);
    line = member ? xasprintf(_("You are %s: %s."), who, member_role_label(r))
                  : xasprintf(_("You are %s, not a member: you read it."), who);
    term_put(stdscr, y++, 1, COLS - 2, term_attr(ROLE_DIM), line);
    free(line);
    if (!roles_held(as, MR_DPO))
        term_put(stdscr, y++, 1, COLS - 2, term_attr(ROLE_DIM),
                 _("Nobody holds the role DPO: an owner records the DPO's advice."));
    if (!roles_held(as, MR_DECIDER))
        term_put(stdscr, y++, 1, COLS - 2, term_attr(ROLE_DIM),
                 _("Nobody holds the role decision-maker: an owner records the decision."));
}

/* A role chosen from the list (current highlighted); -1 on Esc. */
static int pick_role(struct app *a, const char *title, int current)
{
    const char *items[MR_COUNT];
    for (int i = 0; i < MR_COUNT; i++)
        items[i] = member_role_label((enum member_role)i);
    return dialog_pick(a, title, items, NULL, MR_COUNT, current < 0 ? MR_CONTRIBUTOR : current);
}

static int members_key(struct screen *s, struct app *a, wint_t ch, bool is_key,
                       enum key_action act)
{
    (void)ch;
    (void)is_key;
    struct mview *m = M(s);
    struct view *v = m->v;
    const struct assessment *as = v->a;
    const struct member *sel = m->cur < as->nmembers ? &as->members[m->cur] : NULL;
    struct err e;
    switch (act) {
    case ACT_UP:
        if (m->cur > 0)
            m->cur--;
        return UI_HANDLED;
    case ACT_DOWN:
        if (m->cur + 1 < as->nmembers)
            m->cur++;
        return UI_HANDLED;
    case ACT_MEM_ADD: {
        if (store_is_read_only(a->store)) {
            view_read_only(v, a);
            return UI_HANDLED;
        }
        if (!view_may(v, a, RA_MEMBERS))
            return UI_HANDLED;
        char *person = dialog_line(a, _("Add a person"),
                                   _("Their login (the name dpia records their changes by):"), "");
        char *p = person ? text_squeeze(person, false) : NULL;
        int role = p && *p ? pick_role(a, _("Role"), -1) : -1;
        if (role >= 0) {
            if (ops_member(a->store, v->a, p, role, true, &e) < 0)
                app_message(a, true, "%s", e.text);
            else
                app_message(a, false, _("%s added: %s."), p,
                            member_role_label((enum member_role)role));
        }
        free(p);
        free(person);
        return UI_HANDLED;
    }
    case ACT_MEM_ROLE: {
        if (!sel || (store_is_read_only(a->store) && view_read_only(v, a)) ||
            !view_may(v, a, RA_MEMBERS))
            return UI_HANDLED;
        char *person = xstrdup(sel->person);
        char title[160];
        snprintf(title, sizeof title, _("Role of %s"), person);
        int role = pick_role(a, title, (int)sel->role);
        if (role >= 0 && ops_member(a->store, v->a, person, role, false, &e) < 0)
            app_message(a, true, "%s", e.text);
        else if (role >= 0)
            app_message(a, false, _("%s: %s."), person, member_role_label((enum member_role)role));
        free(person);
        return UI_HANDLED;
    }
    case ACT_MEM_REMOVE: {
        if (!sel || (store_is_read_only(a->store) && view_read_only(v, a)) ||
            !view_may(v, a, RA_MEMBERS))
            return UI_HANDLED;
        char *person = xstrdup(sel->person);
        char q[320];
        snprintf(q, sizeof q, _("Remove %s from the people of this assessment? They will "
                   "still read it."), person);
        if (dialog_confirm(a, _("Remove"), q)) {
            if (ops_member(a->store, v->a, person, -1, false, &e) < 0)
                app_message(a, true, "%s", e.text);
            else
                app_message(a, false, _("%s is no longer a member."), person);
        }
        free(person);
        return UI_HANDLED;
    }
    case ACT_PANE_CLOSE:
        return UI_POP;
    default:
        return 0;
    }
}

static bool members_watch(struct screen *s, struct app *a)
{
    struct screen *below = s->below;
    return below && below->watch && below->watch(below, a);
}

static void members_destroy(struct screen *s)
{
    free(s->data);
}

struct screen *members_screen_new(struct app *a, struct view *v)
{
    (void)a;
    struct screen *s = xcalloc(1, sizeof *s);
    struct mview *m = xcalloc(1, sizeof *m);
    m->v = v;
    s->title = _("People and roles");
    s->context = KC_MEMBERS;
    s->draw = members_draw;
    s->handle_key = members_key;
    s->watch = members_watch;
    s->destroy = members_destroy;
    s->data = m;
    return s;
}
