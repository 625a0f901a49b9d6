#include "config.h"
#include "ui/form.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "ui/dialog.h"
#include "ui/term.h"
#include "ui/textedit.h"
#include "util/text.h"
#include "util/xalloc.h"

#define LABEL_W 22

static int field_rows(const struct form_field *f)
{
    return f->kind == FK_TEXT ? 3 : 1;
}

static void draw_value(const struct form_field *f, int y, int x, int w, bool focus)
{
    attr_t at = focus ? term_attr(ROLE_SELECTED) : A_NORMAL;
    char line[512];
    switch (f->kind) {
    case FK_SCALE:
        if (f->number >= 1 && f->number <= f->nscale)
            snprintf(line, sizeof line, "< %d %s >", f->number, f->scale[f->number - 1].name);
        else
            snprintf(line, sizeof line, "< not scored >");
        term_put(stdscr, y, x, w, at, line);
        break;
    case FK_CHOICE:
        snprintf(line, sizeof line, "< %s >",
                 f->number >= 0 && f->number < f->nchoices ? f->choices[f->number] : "");
        term_put(stdscr, y, x, w, at, line);
        break;
    case FK_FLAGS: {
        int cx = x;
        if (f->nflag_ids == 0)
            term_put(stdscr, y, x, w, term_attr(ROLE_DIM), "(none to choose from)");
        for (int i = 0; i < f->nflag_ids && cx < x + w - 6; i++) {
            snprintf(line, sizeof line, "[%c]%s%d ", f->flags[i] ? 'x' : ' ', f->flag_prefix,
                     f->flag_ids[i]);
            cx += term_put(stdscr, y, cx, x + w - cx, f->flags[i] ? term_attr(ROLE_OK) : A_NORMAL,
                           line);
        }
        break;
    }
    default:
        break;
    }
}

static void apply_key_to_choice(struct form_field *f, wint_t ch, bool is_key)
{
    int max = f->kind == FK_SCALE ? f->nscale : f->nchoices - 1;
    int min = 0;
    if (is_key && ch == KEY_LEFT && f->number > min)
        f->number--;
    else if ((is_key && ch == KEY_RIGHT) || (!is_key && ch == ' '))
        f->number = f->number < max ? f->number + 1 : min;
    else if (!is_key && ch >= '0' && ch <= '9' && (int)(ch - '0') <= max)
        f->number = (int)(ch - '0') - (f->kind == FK_CHOICE ? 1 : 0);
    if (f->number < min)
        f->number = min;
}

static const char *check(struct form_field *f, int n, int *bad)
{
    for (int i = 0; i < n; i++) {
        if (f[i].required && (f[i].kind == FK_LINE || f[i].kind == FK_TEXT)) {
            char *sq = text_squeeze(f[i].value ? f[i].value : "", false);
            bool empty = !*sq;
            free(sq);
            if (empty) {
                *bad = i;
                return "This field is required.";
            }
        }
        if (f[i].kind == FK_DATE && f[i].value && *f[i].value &&
            !answer_valid_date(f[i].value)) {
            *bad = i;
            return "Not a date: write YYYY-MM-DD (a real calendar day), or leave it empty.";
        }
    }
    return NULL;
}

bool form_run(struct app *a, const char *title, struct form_field *f, int n)
{
    int cur = 0, flag_cur = 0;
    struct textedit te;
    bool te_live = false;
    bool ok = false;
    for (;;) {
        struct form_field *F = &f[cur];
        bool texty = F->kind == FK_LINE || F->kind == FK_TEXT || F->kind == FK_DATE;
        if (texty && !te_live) {
            te_init(&te, F->value ? F->value : "", F->kind == FK_TEXT);
            te_live = true;
        }
        app_draw_base(a);
        if (app_fits()) {
            int w = COLS - 4, rows = 0;
            for (int i = 0; i < n; i++)
                rows += field_rows(&f[i]);
            int info = 7;
            int h = rows + n / 3 + 4 + info;
            if (h > LINES - 2)
                h = LINES - 2;
            int y0 = (LINES - h) / 2, x0 = 2;
            dialog_frame(y0, x0, h, w, title);
            int y = y0 + 1;
            for (int i = 0; i < n && y < y0 + h - info; i++) {
                bool focus = i == cur;
                term_put(stdscr, y, x0 + 2, LABEL_W, focus ? term_attr(ROLE_KEY) : A_NORMAL,
                         f[i].label);
                int vx = x0 + 3 + LABEL_W, vw = w - LABEL_W - 5;
                if (f[i].kind == FK_LINE || f[i].kind == FK_TEXT || f[i].kind == FK_DATE) {
                    if (focus)
                        te_draw(&te, stdscr, y, vx, field_rows(&f[i]), vw, true);
                    else
                        dialog_wrap(y, vx, field_rows(&f[i]), vw, A_NORMAL,
                                    f[i].value ? f[i].value : "");
                } else {
                    draw_value(&f[i], y, vx, vw, focus);
                    if (focus && f[i].kind == FK_FLAGS && f[i].nflag_ids)
                        term_cursor(y, vx + 1 + flag_cur * (int)(4 + strlen(f[i].flag_prefix) +
                                                                  (f[i].flag_ids[flag_cur] > 9)));
                }
                y += field_rows(&f[i]);
            }
            int iy = y0 + h - info;
            term_rule(stdscr, iy, x0 + 1, w - 2);
            if (F->kind == FK_SCALE) {
                for (int k = 0; k < F->nscale && k < info - 2; k++) {
                    char line[1024];
                    snprintf(line, sizeof line, "%d %s: %s", F->scale[k].value, F->scale[k].name,
                             F->scale[k].definition);
                    term_put(stdscr, iy + 1 + k, x0 + 2, w - 4,
                             k + 1 == F->number ? term_attr(ROLE_OK) : term_attr(ROLE_DIM), line);
                }
            }
            term_put(stdscr, y0 + h - 1, x0 + 2, w - 4, term_attr(ROLE_KEY),
                     F->kind == FK_TEXT ? " Tab next field  Esc save and close "
                     : F->kind == FK_FLAGS ? " Left/Right choose  Space toggle  Tab next  Esc save and close "
                     : (F->kind == FK_SCALE || F->kind == FK_CHOICE)
                         ? " Left/Right or digit choose  Tab/Down next  Esc save and close "
                         : " Tab/Down next  Up previous  Esc save and close ");
        }
        term_cursor_apply();
        doupdate();

        wint_t ch;
        enum term_input in = term_read(&ch, 1000);
        if (in == TERM_EOF || in == TERM_SIGNAL) {
            a->quitting = true;
            break;
        }
        if (in == TERM_TICK || (in == TERM_KEY && ch == KEY_RESIZE))
            continue;
        if (in == TERM_PASTE) {
            if (texty)
                te_insert(&te, term_paste_text());
            continue;
        }
        bool key = in == TERM_KEY;
        int move = 0;
        bool close = false;
        if (key && (ch == KEY_ESC || ch == KEY_F(10)))
            close = true;
        else if ((!key && ch == '\t') || (key && ch == KEY_DOWN && F->kind != FK_TEXT))
            move = 1;
        else if ((key && ch == KEY_BTAB) || (key && ch == KEY_UP && F->kind != FK_TEXT))
            move = -1;
        else if (texty) {
            enum te_result r = te_key(&te, ch, key);
            if (r == TE_ENTER)
                move = 1;
        } else if (F->kind == FK_FLAGS) {
            if (key && ch == KEY_LEFT && flag_cur > 0)
                flag_cur--;
            else if (key && ch == KEY_RIGHT && flag_cur + 1 < F->nflag_ids)
                flag_cur++;
            else if (!key && (ch == ' ' || ch == '\r') && F->nflag_ids)
                F->flags[flag_cur] = !F->flags[flag_cur];
        } else {
            apply_key_to_choice(F, ch, key);
        }
        if (move || close) {
            if (te_live) {
                free(F->value);
                F->value = xstrdup(te_text(&te));
                te_free(&te);
                te_live = false;
            }
            if (close) {
                int bad;
                const char *why = check(f, n, &bad);
                if (!why) {
                    ok = true;
                    break;
                }
                app_message(a, true, "%s: %s", f[bad].label, why);
                dialog_message(a, "Cannot close yet", a->message);
                a->message[0] = '\0';
                cur = bad;
                continue;
            }
            cur = (cur + move + n) % n;
            flag_cur = 0;
        }
    }
    if (te_live) {
        free(f[cur].value);
        f[cur].value = xstrdup(te_text(&te));
        te_free(&te);
    }
    curs_set(0);
    return ok;
}

void form_free(struct form_field *f, int n)
{
    for (int i = 0; i < n; i++) {
        free(f[i].value);
        f[i].value = NULL;
    }
}
