/* The assessment screen: sections with completion on the left, the
 * current question on the right with its reference, guidance, answer,
 * note and follow-up flag. Answers save themselves: a choice at once,
 * typed text at least once a second, on leaving the field, and when the
 * program must leave (q, SIGHUP, SIGTERM, end of input). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/answer.h"
#include "core/logic.h"
#include "core/workflow.h"
#include "ops/ops.h"
#include "store/store.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "ui/draft.h"
#include "ui/export.h"
#include "ui/reader.h"
#include "ui/record_text.h"
#include "ui/term.h"
#include "util/buf.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

static struct view *V(struct screen *s)
{
    return s->data;
}

int view_items(struct view *v, size_t section, const struct tmpl_question **qs, int max)
{
    const struct tmpl_section *s = &v->a->tmpl->sections[section];
    int n = 0;
    for (size_t i = s->first; i < s->first + s->count; i++) {
        const struct tmpl_question *q = &v->a->tmpl->questions[i];
        if (!logic_shown(v->a, q))
            continue;
        if (qs && n < max)
            qs[n] = q;
        n++;
    }
    if (s->kind != SK_QUESTIONS) {
        if (qs && n < max)
            qs[n] = NULL;
        n++;
    }
    return n;
}

const struct tmpl_question *view_question(struct view *v)
{
    int n = view_items(v, v->section, NULL, 0);
    if (n == 0)
        return NULL;
    if (v->item >= n)
        v->item = n - 1;
    if (v->item < 0)
        v->item = 0;
    const struct tmpl_question **qs = xcalloc((size_t)n, sizeof *qs);
    view_items(v, v->section, qs, n);
    const struct tmpl_question *q = qs[v->item];
    free(qs);
    return q;
}

void view_goto_question(struct view *v, const struct tmpl_question *q)
{
    v->section = q->section;
    int n = view_items(v, v->section, NULL, 0);
    const struct tmpl_question **qs = xcalloc((size_t)n + 1, sizeof *qs);
    view_items(v, v->section, qs, n);
    for (int i = 0; i < n; i++)
        if (qs[i] == q)
            v->item = i;
    free(qs);
    v->row = 0;
}

void view_reload(struct view *v, struct app *a)
{
    struct err e;
    /* What is about to be read is seen, marked before it is read: a
     * change made meanwhile is then found by the next look (a reload
     * too many, never one missed), and the ones read are not said again. */
    ops_live_seen(a->store, &v->live);
    /* The screen shows no change history: it is not read. */
    struct assessment *na = store_load_flags(a->store, v->id, STORE_LOAD_NO_HISTORY, &e);
    if (!na) {
        app_message(a, true, "%s", e.text);
        return;
    }
    /* The question being edited belongs to the old template snapshot:
     * find it again in the new one. */
    char *qid = v->q ? xstrdup(v->q->id) : NULL;
    assess_free(v->a);
    v->a = na;
    v->q = qid ? tmpl_find_question(na->tmpl, qid) : NULL;
    if (qid && !v->q) {
        if (v->editing == ED_TEXT)
            te_free(&v->te);
        if (v->editing != ED_NONE)
            ops_live_editing(a->store, &v->live, qid, false);
        v->editing = ED_NONE;
    }
    free(qid);
    snprintf(v->title, sizeof v->title, "%s", na->title);
}

/* Chooses the language the assessment is written in: its template's
 * text is read again in it, and its reports are written in it. */
static void view_language(struct view *v, struct app *a)
{
    struct err e;
    if (wf_check_editable(v->a, &e) < 0) {
        app_message(a, false, "%s.", e.text);
        return;
    }
    if (!view_may(v, a, RA_EDIT))
        return;
    const char *lang = dialog_pick_lang(a, v->a->tmpl, v->a->lang);
    if (!lang || strcmp(lang, v->a->lang) == 0)
        return;
    int rc;
    while ((rc = ops_set_lang(a->store, v->a, lang, &e)) < 0 && view_conflict(v, a, rc, &e))
        ;
    if (rc < 0 && rc != STORE_CONFLICT) {
        app_message(a, true, "%s", e.text);
    } else if (rc == 0) {
        view_reload(v, a);
        app_message(a, false, _("Now written in %s: its questions and its reports."),
                    i18n_name(lang));
    }
}

bool view_conflict(struct view *v, struct app *a, int rc, const struct err *e)
{
    if (rc != STORE_CONFLICT)
        return false;
    char msg[ERR_MAX + 64];
    snprintf(msg, sizeof msg, _("%s. Replace it with yours?"), e->text);
    bool mine = a->quitting || dialog_confirm(a, _("Changed elsewhere"), msg);
    view_reload(v, a);
    if (!mine)
        app_message(a, false, _("Kept the other session's version."));
    return mine;
}

int view_move_row(struct view *v, enum key_action act, int n)
{
    if (act == ACT_UP && v->row > 0) {
        v->row--;
        return UI_HANDLED;
    }
    if (act == ACT_DOWN && v->row + 1 < n) {
        v->row++;
        return UI_HANDLED;
    }
    return 0;
}

bool view_is_read_only(struct view *v, struct app *a)
{
    struct err e;
    return store_is_read_only(a->store) || wf_check_editable(v->a, &e) < 0;
}

bool view_read_only(struct view *v, struct app *a)
{
    if (store_is_read_only(a->store)) {
        app_message(a, true, _("The database is read-only: nothing can be changed."));
        return true;
    }
    struct err e;
    if (wf_check_editable(v->a, &e) < 0) {
        if (v->a->status == ST_ARCHIVED)
            app_message(a, true, _("Archived: read-only. Bring it back from the list (a)."));
        else
            app_message(a, true, _("%s: read-only as signed. Press R to open a new revision."),
                        _(assess_status_label(v->a->status)));
        return true;
    }
    return false;
}

/* --- drawing ---------------------------------------------------------------- */

/* Who else has the assessment open, and on which question, for the
 * title bar: "also open by Dana (scr.project), Lee". */
static void view_presence(struct view *v, char *out, size_t size)
{
    out[0] = '\0';
    if (v->live.nothers == 0)
        return;
    /* Those only on a question or a page, then those editing one:
     * "also open by Lee; Dana is editing scr.project". */
    struct buf b = { 0 }, ed = { 0 };
    size_t nopen = 0, nedit = 0;
    for (size_t i = 0; i < v->live.nothers; i++) {
        const struct store_presence *p = &v->live.others[i];
        char *who = text_sanitize(p->who, false);
        char *q = text_sanitize(p->question, false);
        if (p->editing && q[0]) {
            if (nedit++)
                buf_adds(&ed, "; ");
            /* TRANSLATORS: in the title bar: another session is editing
               a question, "dana is editing scr.project". */
            buf_printf(&ed, _("%s is editing %s"), who, q);
        } else {
            if (nopen++)
                buf_adds(&b, ", ");
            if (q[0])
                buf_printf(&b, "%s (%s)", who, q);
            else
                buf_adds(&b, who);
        }
        free(q);
        free(who);
    }
    if (nopen)
        /* TRANSLATORS: in the title bar: the others who have the assessment
           open, "Dana (scr.project), Lee". */
        snprintf(out, size, _("also open by %s"), buf_str(&b));
    if (nedit) {
        size_t len = strlen(out);
        snprintf(out + len, size - len, "%s%s", nopen ? "; " : "", buf_str(&ed));
    }
    buf_free(&b);
    buf_free(&ed);
}

static void assess_draw(struct screen *s, struct app *a)
{
    struct view *v = V(s);
    v->typed_drawn = false;
    if (!v->a)
        return;
    const struct tmpl_question *q = view_question(v);
    enum tmpl_kind kind = v->a->tmpl->sections[v->section].kind;
    /* The keys in force follow what has the focus. */
    s->context = v->editing == ED_TEXT ? KC_EDIT
               : v->editing == ED_LIST ? KC_LIST
               : v->editing == ED_CHOICE || v->editing == ED_MULTI ? KC_CHOOSE
               : q || kind == SK_SCREENING ? KC_ASSESS
               : kind == SK_SIGNOFF ? KC_SIGNOFF : KC_TABLE;
    /* y and n answer only a yes/no question that may be changed: the
     * status bar then lists them, and only then. */
    bool read_only = view_is_read_only(v, a);
    const char *who = store_who(a->store);
    if (v->editing == ED_NONE && q && q->type == QT_YESNO && !read_only &&
        roles_may(v->a, who, RA_EDIT))
        s->context |= KC_YESNO;
    /* A reader (or someone who is no member) changes nothing here. */
    if (read_only || !roles_may(v->a, who, RA_COMMENT))
        s->modes |= UI_MODE_READ_ONLY;
    else
        s->modes &= ~(unsigned)UI_MODE_READ_ONLY;
    if (v->editing == ED_TEXT && v->te.changed)
        snprintf(a->saved, sizeof a->saved, "%s", _("editing"));
    if (v->present) {
        /* The title bar is the only chrome: the section and progress. */
        struct progress p;
        logic_section_progress(v->a, v->section, &p);
        snprintf(v->title, sizeof v->title, _("%s  %d%%  (question %d of %d)"),
                 v->a->tmpl->sections[v->section].title, logic_percent(&p), v->item + 1,
                 view_items(v, v->section, NULL, 0));
    } else {
        const struct workshop *ws = assess_open_workshop(v->a);
        if (ws)
            /* TRANSLATORS: in the title bar, after the assessment's title. */
            snprintf(v->title, sizeof v->title, _("%s  [workshop %d open]"), v->a->title,
                     ws->number);
        else
            snprintf(v->title, sizeof v->title, "%s", v->a->title);
        /* The review's step: "[in review with the DPO]". */
        enum review_state rs = review_state(v->a);
        if (rs != RS_NONE && rs != RS_DECIDED) {
            size_t len = strlen(v->title);
            snprintf(v->title + len, sizeof v->title - len, "  [%s]", review_state_label(rs));
        }
    }
    view_presence(v, a->title_extra, sizeof a->title_extra);
    view_draw(v, a);
}

/* After a key that changed the text being typed and nothing else: that
 * text alone, where the last draw put it. */
static bool assess_draw_typing(struct screen *s, struct app *a)
{
    struct view *v = V(s);
    if (!v->a || v->editing != ED_TEXT || !v->typed_drawn)
        return false;
    if (v->te.changed)
        snprintf(a->saved, sizeof a->saved, "%s", _("editing"));
    te_draw(&v->te, stdscr, v->typed_y, v->typed_x, v->typed_h, v->typed_w, true);
    return true;
}

/* --- keys -------------------------------------------------------------------- */

static void move_item(struct view *v, int delta)
{
    int n = view_items(v, v->section, NULL, 0);
    int i = v->item + delta;
    if (i < 0 && v->section > 0) {
        v->section--;
        v->item = view_items(v, v->section, NULL, 0) - 1;
    } else if (i >= n && v->section + 1 < v->a->tmpl->nsections) {
        v->section++;
        v->item = 0;
    } else if (i >= 0 && i < n) {
        v->item = i;
    } else {
        return; /* at either end: stay, on the same row */
    }
    v->row = 0;
}

static void move_section(struct view *v, int delta)
{
    long s = (long)v->section + delta;
    if (s >= 0 && s < (long)v->a->tmpl->nsections) {
        v->section = (size_t)s;
        v->item = 0;
        v->row = 0;
    }
}

/* The next shown question after the current one (wrapping) for which
 * pred holds. */
static void jump_next(struct view *v, struct app *a, bool flagged)
{
    const struct tmpl *t = v->a->tmpl;
    const struct tmpl_question *cur = view_question(v);
    size_t start = cur ? (size_t)(cur - t->questions) + 1 : t->sections[v->section].first;
    for (size_t k = 0; k < t->nquestions; k++) {
        const struct tmpl_question *q = &t->questions[(start + k) % t->nquestions];
        if (!logic_shown(v->a, q))
            continue;
        const struct answer *an = assess_answer(v->a, q->id);
        bool hit = flagged ? an && an->flagged : !assess_value(v->a, q->id);
        if (hit) {
            view_goto_question(v, q);
            return;
        }
    }
    app_message(a, false, flagged ? _("No question is marked for follow-up.")
                                  : _("Every shown question is answered."));
}

/* Keys that change the assessment, write a file or leave: the ones a
 * sentence typed outside an edit must not set off. */
static bool acts(enum key_action act)
{
    switch (act) {
    case ACT_YES:
    case ACT_NO:
    case ACT_FLAG:
    case ACT_NOTE:
    case ACT_EXPORT:
    case ACT_REVISION:
    case ACT_LANGUAGE:
    case ACT_DELETE:
    case ACT_ADD:
    case ACT_CATALOGUE:
    case ACT_JUDGE:
    case ACT_WORKSHOP:
    case ACT_REVIEW:
    case ACT_QUIT:
        return true;
    default:
        return false;
    }
}

/* A character with more text right behind it is typing (a sentence
 * meant for an answer, or text pasted where the terminal does not mark
 * pastes), not a command; so is one that comes hard on the heels of
 * such typing, or of a letter that is no command. Outside an edit,
 * typing changes nothing and the status bar says how to write an
 * answer. */
#define TYPING_PEEK_MS 15
#define TYPING_RUN_MS 150

static bool typed_by_mistake(struct view *v, struct app *a, wint_t ch, bool is_key,
                             enum key_action act)
{
    if (is_key || ch <= ' ' || ch == 127) {
        v->typing_at = 0;
        return false;
    }
    long long t = term_now_ms();
    bool run = v->typing_at && t - v->typing_at < TYPING_RUN_MS;
    if (act != ACT_NONE && !run && !(acts(act) && term_text_follows(TYPING_PEEK_MS)))
        return false;
    v->typing_at = t;
    app_message(a, false, act == ACT_NONE && !run
                              ? _("That key is no command here; nothing was changed. Press "
                                  "Enter to edit the answer.")
                              : _("That looked like typing outside an answer: nothing was "
                                  "changed. Press Enter to edit the answer."));
    return true;
}

/* The selected question in full, to read. */
static void read_question(struct view *v, struct app *a, const struct tmpl_question *q)
{
    char *text = record_text_question(v->a, q);
    if (!view_read_only(v, a)) /* says why, under the text */
        view_may(v, a, RA_EDIT);
    reader_show(a, _("Question"), text);
    free(text);
}

static int assess_key_do(struct screen *s, struct app *a, wint_t ch, bool is_key,
                         enum key_action act);

/* Every key, and "saved" with the time in the status bar when what it
 * did changed the assessment (a risk, a sign-off, a decision... as much
 * as an answer). */
static int assess_key(struct screen *s, struct app *a, wint_t ch, bool is_key,
                      enum key_action act)
{
    struct view *v = V(s);
    const struct assessment *was = v->a;
    unsigned long before = v->a ? v->a->saves : 0;
    int rc = assess_key_do(s, a, ch, is_key, act);
    if (v->a && v->a == was && v->a->saves != before)
        app_mark_saved(a);
    return rc;
}

static int assess_key_do(struct screen *s, struct app *a, wint_t ch, bool is_key,
                         enum key_action act)
{
    struct view *v = V(s);
    if (!v->a)
        return UI_POP;
    if (v->editing != ED_NONE)
        return view_edit_key(v, a, ch, is_key);
    if (typed_by_mistake(v, a, ch, is_key, act))
        return UI_HANDLED;
    const struct tmpl_question *q = view_question(v);
    if (!q) {
        int r = 0;
        switch (v->a->tmpl->sections[v->section].kind) {
        case SK_RISKS:
            r = page_risks_key(v, a, ch, is_key, act);
            break;
        case SK_MEASURES:
            r = page_measures_key(v, a, ch, is_key, act);
            break;
        case SK_SIGNOFF:
            r = page_signoff_key(v, a, ch, is_key, act);
            break;
        default:
            break;
        }
        if (r)
            return r;
    }
    struct err e;
    switch (act) {
    case ACT_BACK:
        return UI_POP;
    case ACT_UP:
        move_item(v, -1);
        return UI_HANDLED;
    case ACT_DOWN:
        move_item(v, 1);
        return UI_HANDLED;
    case ACT_NEXT_SECTION:
        move_section(v, 1);
        return UI_HANDLED;
    case ACT_FIRST:
        v->item = 0;
        v->row = 0;
        return UI_HANDLED;
    case ACT_LAST:
        v->item = view_items(v, v->section, NULL, 0) - 1;
        v->row = 0;
        return UI_HANDLED;
    case ACT_PREV_SECTION:
        move_section(v, -1);
        return UI_HANDLED;
    case ACT_JUMP: {
        const struct tmpl *t = v->a->tmpl;
        const char **names = xcalloc(t->nsections, sizeof *names);
        for (size_t i = 0; i < t->nsections; i++)
            names[i] = t->sections[i].title;
        int pick = dialog_pick(a, _("Go to section"), names, NULL, (int)t->nsections, (int)v->section);
        free(names);
        if (pick >= 0) {
            v->section = (size_t)pick;
            v->item = 0;
        }
        return UI_HANDLED;
    }
    case ACT_UNANSWERED:
        jump_next(v, a, false);
        return UI_HANDLED;
    case ACT_FLAGGED:
        jump_next(v, a, true);
        return UI_HANDLED;
    case ACT_HELPTEXT:
        v->show_help = !v->show_help;
        return UI_HANDLED;
    case ACT_OPEN:
        if (q && (view_is_read_only(v, a) || !roles_may(v->a, store_who(a->store), RA_EDIT)))
            read_question(v, a, q);
        else if (q)
            view_start_editing(v, a, q, NULL);
        return UI_HANDLED;
    case ACT_PRESENT:
        v->present = !v->present;
        if (v->present)
            s->modes |= UI_MODE_PRESENT;
        else
            s->modes &= ~(unsigned)UI_MODE_PRESENT;
        app_message(a, false, v->present ? _("Presentation mode: P leaves it.")
                                         : _("Presentation mode left."));
        return UI_HANDLED;
    case ACT_YES:
    case ACT_NO:
        if (q && q->type == QT_YESNO && !view_read_only(v, a) && view_may(v, a, RA_EDIT))
            view_save_answer(v, a, q, act == ACT_YES ? "yes" : "no", NULL, -1);
        return q && q->type == QT_YESNO ? UI_HANDLED : 0;
    case ACT_FLAG:
        if (q && !view_read_only(v, a) && view_may(v, a, RA_EDIT)) {
            const struct answer *an = assess_answer(v->a, q->id);
            view_save_answer(v, a, q, an ? an->value : "", NULL, !(an && an->flagged));
        }
        return UI_HANDLED;
    case ACT_NOTE:
        if (q && !view_read_only(v, a) && view_may(v, a, RA_EDIT)) {
            const struct answer *an = assess_answer(v->a, q->id);
            struct draft d;
            draft_init(&d, v->id, "note:%s", q->id);
            ops_live_editing(a->store, &v->live, q->id, true);
            char *note = dialog_text(a, _("Note"), q->prompt, an ? an->note : "", &d);
            ops_live_editing(a->store, &v->live, q->id, false);
            bool saved = false;
            if (note) {
                char *sq = text_squeeze(note, true);
                saved = view_save_answer(v, a, q, an ? an->value : "", sq, -1) == 0;
                free(sq);
                free(note);
            }
            draft_finish(a, &d, saved);
            draft_free(&d);
        }
        return UI_HANDLED;
    case ACT_EXPORT:
        ui_export(a, v->id);
        return UI_HANDLED;
    case ACT_REVISION:
        if (wf_check_revise(v->a, &e) < 0) {
            app_message(a, false, "%s.", e.text);
        } else if (view_may(v, a, RA_EDIT)) {
            char ask[256];
            snprintf(ask, sizeof ask, _("Open revision %d? Revision %d stays readable exactly as "
                       "it was signed; the new one starts as a draft with no sign-offs."),
                     v->a->revision + 1, v->a->revision);
            if (dialog_confirm(a, _("New revision"), ask)) {
                if (ops_revise(a->store, v->a, &e) < 0)
                    app_message(a, true, "%s", e.text);
                else
                    app_message(a, false, _("Revision %d opened: a draft, with no sign-offs yet."),
                                v->a->revision);
            }
        }
        return UI_HANDLED;
    case ACT_LANGUAGE:
        view_language(v, a);
        return UI_HANDLED;
    case ACT_DIFF:
        ui_diff(a, v->id, v->a->revision);
        return UI_HANDLED;
    case ACT_UNDO:
        view_undo(v, a);
        return UI_HANDLED;
    case ACT_JUDGE:
        view_judge(v, a);
        return UI_HANDLED;
    case ACT_WORKSHOP:
        view_workshop(v, a);
        return UI_HANDLED;
    case ACT_REVIEW:
        view_review(v, a);
        return UI_HANDLED;
    case ACT_COMMENT:
        if (q)
            app_push(a, comments_screen_new(a, v, q));
        else
            app_message(a, false, _("Comments are on questions: go to one first."));
        return UI_HANDLED;
    case ACT_MEMBERS:
        app_push(a, members_screen_new(a, v));
        return UI_HANDLED;
    default:
        return 0;
    }
}

static int assess_paste(struct screen *s, struct app *a, const char *text)
{
    struct view *v = V(s);
    if (v->editing == ED_TEXT) {
        te_insert(&v->te, text);
        view_save_text(v, a);
        return UI_HANDLED;
    }
    const struct tmpl_question *q = view_question(v);
    if (v->editing == ED_NONE && q && q->type == QT_TEXT) {
        view_start_editing(v, a, q, text);
        return UI_HANDLED;
    }
    app_message(a, true, _("Pasted text goes into a text answer: open one with Enter first."));
    return UI_HANDLED;
}

static void assess_tick(struct screen *s, struct app *a)
{
    struct view *v = V(s);
    if (time(NULL) - v->last_save >= 1)
        view_save_text(v, a);
}

/* What other sessions changed shows without a key: but never while a
 * text is being typed or a choice made (the conflict question of the
 * save protects that), and this session's place is noted for them. */
static bool assess_watch(struct screen *s, struct app *a)
{
    struct view *v = V(s);
    if (!v->a)
        return false;
    const struct tmpl_question *q = v->editing != ED_NONE && v->q ? v->q : view_question(v);
    char *msg = NULL;
    int r = ops_live_poll(a->store, &v->live, q ? q->id : NULL, v->editing != ED_NONE, &msg);
    if (r == OPS_LIVE_CHANGED) {
        view_reload(v, a);
        if (msg)
            app_notice(a, msg);
    }
    free(msg);
    return r != OPS_LIVE_NONE;
}

static void assess_leave(struct screen *s, struct app *a)
{
    view_save_text(V(s), a);
    ops_live_end(&V(s)->live);
}

static void assess_resume(struct screen *s, struct app *a)
{
    view_reload(V(s), a);
}

static void assess_destroy(struct screen *s)
{
    struct view *v = V(s);
    if (v->editing == ED_TEXT)
        te_free(&v->te);
    free(v->before);
    ops_live_end(&v->live);
    assess_free(v->a);
    free(v);
}

struct screen *assess_screen_new(struct app *a, int64_t id)
{
    struct screen *s = xcalloc(1, sizeof *s);
    struct view *v = xcalloc(1, sizeof *v);
    v->id = id;
    v->show_help = true;
    v->present = a->opt->present;
    s->modes = v->present ? UI_MODE_PRESENT : 0;
    s->data = v;
    ops_live_start(a->store, &v->live, id);
    view_reload(v, a);
    s->title = v->title;
    s->context = KC_ASSESS;
    s->draw = assess_draw;
    s->draw_typing = assess_draw_typing;
    s->handle_key = assess_key;
    s->paste = assess_paste;
    s->tick = assess_tick;
    s->watch = assess_watch;
    s->leave = assess_leave;
    s->resume = assess_resume;
    s->destroy = assess_destroy;
    return s;
}
