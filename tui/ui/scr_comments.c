/* The comment threads of one question (c on the assessment screen):
 * each thread with its replies, who wrote them and when, and who
 * resolved it; a starts a thread, Enter replies to the selected one, x
 * resolves it (or opens a resolved one again). The rules are core/roles.h's, through ops/: a refusal
 * shows in the status bar before anything is typed. What other sessions
 * change shows as on the assessment screen below, which this screen
 * reads and changes. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ops/ops.h"
#include "ui/assess_view.h"
#include "ui/dialog.h"
#include "ui/draft.h"
#include "ui/term.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

struct cview {
    struct view *v;       /* the assessment screen's, below this one */
    char qid[128];
    size_t cur, top;      /* the selected thread, the first drawn */
};

static struct cview *C(struct screen *s)
{
    return s->data;
}

/* The threads of the question, oldest first: the first comment of each. */
static size_t threads(const struct cview *c, const struct comment **out, size_t max)
{
    const struct assessment *as = c->v->a;
    size_t n = 0;
    for (size_t i = 0; i < as->ncomments; i++) {
        const struct comment *cm = &as->comments[i];
        if (cm->thread == cm->number && strcmp(cm->question, c->qid) == 0) {
            if (out && n < max)
                out[n] = cm;
            n++;
        }
    }
    return n;
}

static const char *when(int64_t t, char buf[32])
{
    time_t tt = (time_t)t;
    struct tm tm;
    strftime(buf, 32, "%Y-%m-%d %H:%M", localtime_r(&tt, &tm));
    return buf;
}

/* One comment: its line (number, who, when, and for a thread whether
 * it is resolved) then its text, indented; returns the row after it. */
static int draw_comment(const struct comment *cm, bool reply, bool sel, int y, int maxy)
{
    char t1[32], t2[32];
    int indent = reply ? 4 : 1;
    char *head;
    if (reply)
        head = xasprintf("%s #%d %s, %s", term_has_utf8() ? "\xE2\x86\xB3" : ">", cm->number,
                         cm->who, when(cm->when, t1));
    else if (cm->resolved_at)
        /* TRANSLATORS: the line of a comment thread: number, who, when,
           and who resolved it when. */
        head = xasprintf(_("#%d %s, %s: resolved by %s, %s"), cm->number, cm->who,
                         when(cm->when, t1), cm->resolved_by, when(cm->resolved_at, t2));
    else
        head = xasprintf(_("#%d %s, %s: open"), cm->number, cm->who, when(cm->when, t1));
    if (y < maxy) {
        attr_t at = sel ? term_attr(ROLE_SELECTED)
                  : !reply && !cm->resolved_at ? term_attr(ROLE_KEY) : term_attr(ROLE_DIM);
        if (sel)
            term_fill(stdscr, y, 0, COLS, at);
        term_put(stdscr, y, indent - 1 + (reply ? 0 : 0), COLS - indent, at, head);
        y++;
    }
    free(head);
    return dialog_wrap_to(y, indent + 2, maxy, COLS - indent - 3, A_NORMAL, cm->text);
}

/* The rows a thread takes. */
static int thread_rows(const struct cview *c, const struct comment *t)
{
    const struct assessment *as = c->v->a;
    int rows = 0;
    for (size_t i = 0; i < as->ncomments; i++) {
        const struct comment *cm = &as->comments[i];
        if (cm->thread != t->number)
            continue;
        int indent = cm->number == t->number ? 1 : 4;
        rows += 1 + dialog_text_rows(cm->text, COLS - indent - 3);
    }
    return rows + 1;
}

static void comments_draw(struct screen *s, struct app *a)
{
    struct cview *c = C(s);
    (void)a;
    const struct assessment *as = c->v->a;
    const struct tmpl_question *q = tmpl_find_question(as->tmpl, c->qid);
    char *line = xasprintf(_("Comments on: %s"), q ? q->prompt : c->qid);
    term_put(stdscr, 1, 1, COLS - 2, term_attr(ROLE_HEADING), line);
    free(line);
    size_t n = threads(c, NULL, 0);
    const struct comment **ts = xcalloc(n + 1, sizeof *ts);
    threads(c, ts, n);
    size_t open = comment_open_threads(as, c->qid);
    /* Each count with its own plural. */
    char *nt = xasprintf(P_("%zu thread", "%zu threads", n), n);
    /* TRANSLATORS: how many comment threads are open ("2 open"). */
    char *no = xasprintf(P_("%zu open", "%zu open", open), open);
    /* TRANSLATORS: a question's id, then its threads and the open ones. */
    line = xasprintf(_("%s: %s, %s"), c->qid, nt, no);
    free(nt);
    free(no);
    term_put(stdscr, 2, 1, COLS - 2, term_attr(ROLE_DIM), line);
    free(line);
    int maxy = LINES - 1;
    if (n == 0) {
        term_put(stdscr, 4, 2, COLS - 4, A_NORMAL,
                 _("No comment on this question yet: a starts a thread."));
        free(ts);
        return;
    }
    if (c->cur >= n)
        c->cur = n - 1;
    /* The selected thread shows whole when it can. */
    if (c->top > c->cur)
        c->top = c->cur;
    for (;;) {
        int rows = 0;
        for (size_t i = c->top; i <= c->cur; i++)
            rows += thread_rows(c, ts[i]);
        if (rows <= maxy - 4 || c->top == c->cur)
            break;
        c->top++;
    }
    int y = 4;
    for (size_t i = c->top; i < n && y < maxy; i++) {
        y = draw_comment(ts[i], false, i == c->cur, y, maxy);
        for (size_t k = 0; k < as->ncomments && y < maxy; k++) {
            const struct comment *cm = &as->comments[k];
            if (cm->thread == ts[i]->number && cm->number != ts[i]->number)
                y = draw_comment(cm, true, false, y, maxy);
        }
        y++;
    }
    free(ts);
}

/* The selected thread, or NULL. */
static const struct comment *selected(struct cview *c)
{
    size_t n = threads(c, NULL, 0);
    if (n == 0)
        return NULL;
    const struct comment **ts = xcalloc(n, sizeof *ts);
    threads(c, ts, n);
    const struct comment *t = ts[c->cur < n ? c->cur : n - 1];
    free(ts);
    return t;
}

/* Asks for a text (kept as a draft under key while typed); the caller
 * frees. NULL when nothing was typed. */
static char *ask_text(struct cview *c, struct app *a, const char *title, const char *key)
{
    const struct tmpl_question *q = tmpl_find_question(c->v->a->tmpl, c->qid);
    struct draft d;
    draft_init(&d, c->v->id, "%s", key);
    char *text = dialog_text(a, title, q ? q->prompt : c->qid, "", &d);
    char *sq = text ? text_squeeze(text, true) : NULL;
    free(text);
    if (sq && !*sq)
        XFREE(sq);
    /* Kept only when the program leaves before it is saved. */
    draft_finish(a, &d, !a->quitting);
    draft_free(&d);
    return sq;
}

static int comments_key(struct screen *s, struct app *a, wint_t ch, bool is_key,
                        enum key_action act)
{
    (void)ch;
    (void)is_key;
    struct cview *c = C(s);
    struct view *v = c->v;
    const char *who = store_who(a->store);
    const struct comment *t = selected(c);
    struct err e;
    size_t n = threads(c, NULL, 0);
    switch (act) {
    case ACT_UP:
        if (c->cur > 0)
            c->cur--;
        return UI_HANDLED;
    case ACT_DOWN:
        if (c->cur + 1 < n)
            c->cur++;
        return UI_HANDLED;
    case ACT_CMT_NEW: {
        /* Said before anything is typed: whether it may be. */
        if (view_read_only(v, a) || !view_may(v, a, RA_COMMENT))
            return UI_HANDLED;
        char key[160];
        snprintf(key, sizeof key, "comment:%s", c->qid);
        char *text = ask_text(c, a, _("New comment"), key);
        int number = 0;
        if (text && ops_comment(a->store, v->a, c->qid, text, &number, &e) < 0) {
            app_message(a, true, "%s", e.text);
        } else if (text) {
            c->cur = threads(c, NULL, 0) - 1;
            app_message(a, false, _("Comment %d added."), number);
        }
        free(text);
        return UI_HANDLED;
    }
    case ACT_CMT_REPLY: {
        if (!t)
            return UI_HANDLED;
        int thread = t->number;
        if (comment_check_reply(v->a, who, thread, "-", &e) < 0) {
            app_message(a, true, "%s", e.text);
            return UI_HANDLED;
        }
        char key[64], title[64];
        snprintf(key, sizeof key, "reply:%d", thread);
        snprintf(title, sizeof title, _("Reply to #%d"), thread);
        char *text = ask_text(c, a, title, key);
        int number = 0;
        if (text && ops_comment_reply(a->store, v->a, thread, text, &number, &e) < 0)
            app_message(a, true, "%s", e.text);
        else if (text)
            app_message(a, false, _("Reply %d added to #%d."), number, thread);
        free(text);
        return UI_HANDLED;
    }
    case ACT_CMT_RESOLVE: {
        if (!t)
            return UI_HANDLED;
        /* A resolved thread is opened again. */
        int thread = t->number;
        bool reopen = t->resolved_at != 0;
        if ((reopen ? ops_comment_reopen : ops_comment_resolve)(a->store, v->a, thread, &e) < 0)
            app_message(a, true, "%s", e.text);
        else if (reopen)
            app_message(a, false, _("Thread #%d reopened."), thread);
        else
            app_message(a, false, _("Thread #%d resolved."), thread);
        return UI_HANDLED;
    }
    case ACT_PANE_CLOSE:
        return UI_POP;
    default:
        return 0;
    }
}

/* What other sessions change: as the assessment screen below follows it. */
static bool comments_watch(struct screen *s, struct app *a)
{
    struct screen *below = s->below;
    return below && below->watch && below->watch(below, a);
}

static void comments_destroy(struct screen *s)
{
    free(s->data);
}

struct screen *comments_screen_new(struct app *a, struct view *v,
                                   const struct tmpl_question *q)
{
    (void)a;
    struct screen *s = xcalloc(1, sizeof *s);
    struct cview *c = xcalloc(1, sizeof *c);
    c->v = v;
    snprintf(c->qid, sizeof c->qid, "%s", q->id);
    s->title = _("Comments");
    s->context = KC_COMMENTS;
    s->draw = comments_draw;
    s->handle_key = comments_key;
    s->watch = comments_watch;
    s->destroy = comments_destroy;
    s->data = c;
    return s;
}
