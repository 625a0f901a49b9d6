#include "config.h"
#include "ui/form.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/assess.h"
#include "core/date.h"
#include "core/fields.h"
#include "ops/ops.h"
#include "ui/dialog.h"
#include "ui/draft.h"
#include "ui/term.h"
#include "ui/textedit.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

/* The column of labels: as wide as the longest label, at least LABEL_W
 * and at most a third of the form (a longer label is cut there, and
 * read whole under the fields while its field has the focus). */
#define LABEL_W 22

static int label_width(const struct form_field *f, int n, int w)
{
    int lw = LABEL_W, most = (w - 5) / 3;
    for (int i = 0; i < n; i++) {
        int t = text_width(f[i].label);
        if (t > lw)
            lw = t;
    }
    return lw > most ? (most > LABEL_W ? most : LABEL_W) : lw;
}

static int field_rows(const struct form_field *f)
{
    return f->kind == FK_TEXT ? 3 : f->kind == FK_FLAGS ? 2 : 1;
}

/* Where box i of a flags field goes in a value area w columns wide (the
 * boxes wrap onto the field's rows); false when it does not fit. The
 * drawing and the cursor both use it, so the box under the cursor is
 * the one Space toggles. */
static bool flag_pos(const struct form_field *f, int i, int w, int *row, int *col)
{
    int r = 0, c = 0;
    for (int k = 0; k <= i; k++) {
        char box[32];
        int bw = snprintf(box, sizeof box, "[x] %s%d  ", f->flag_prefix, f->flag_ids[k]);
        if (c + bw > w) {
            r++;
            c = 0;
        }
        if (k == i) {
            *row = r;
            *col = c;
            return r < field_rows(f);
        }
        c += bw;
    }
    return false;
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
            snprintf(line, sizeof line, "< %s >", _("not scored"));
        term_put(stdscr, y, x, w, at, line);
        break;
    case FK_CHOICE:
        snprintf(line, sizeof line, "< %s >",
                 f->number >= 0 && f->number < f->nchoices ? f->choices[f->number] : "");
        term_put(stdscr, y, x, w, at, line);
        break;
    case FK_FLAGS: {
        if (f->nflag_ids == 0)
            term_put(stdscr, y, x, w, term_attr(ROLE_DIM), _("(none to choose from)"));
        int r, c;
        for (int i = 0; i < f->nflag_ids && flag_pos(f, i, w, &r, &c); i++) {
            snprintf(line, sizeof line, "[%c] %s%d  ", f->flags[i] ? 'x' : ' ', f->flag_prefix,
                     f->flag_ids[i]);
            term_put(stdscr, y + r, x + c, w - c, f->flags[i] ? term_attr(ROLE_OK) : A_NORMAL,
                     line);
        }
        break;
    }
    default:
        break;
    }
}

static void apply_key_to_choice(struct form_field *f, enum key_action act, wint_t ch,
                                bool is_key)
{
    int max = f->kind == FK_SCALE ? f->nscale : f->nchoices - 1;
    int min = 0;
    if (act == ACT_LESS && f->number > min) {
        f->number--;
    } else if (act == ACT_MORE || act == ACT_CYCLE) {
        f->number = f->number < max ? f->number + 1 : min;
    } else if (!is_key && ch >= '0' && ch <= '9') {
        /* A scale's digit is its level (0: not scored); a choice's digit
         * counts from 1. */
        int d = (int)(ch - '0');
        if (f->kind == FK_SCALE && d <= f->nscale)
            f->number = d;
        else if (f->kind == FK_CHOICE && d >= 1 && d <= f->nchoices)
            f->number = d - 1;
    }
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
                return _("This field is required.");
            }
        }
        if (f[i].kind == FK_DATE && f[i].value) {
            /* Read as people write it (31/03/2027, +6m), kept as
             * YYYY-MM-DD. */
            static struct err e;
            char iso[DATE_ISO_SIZE];
            if (ops_date(f[i].value, iso, &e) < 0) {
                *bad = i;
                return e.text;
            }
            free(f[i].value);
            f[i].value = xstrdup(iso);
        }
    }
    return NULL;
}

/* A fingerprint of the fields, to tell an untouched form from a
 * changed one. */
static char *snapshot(const struct form_field *f, int n)
{
    struct buf b = {0};
    for (int i = 0; i < n; i++) {
        buf_printf(&b, "%s\x1f%d\x1f", f[i].value ? f[i].value : "", f[i].number);
        for (int k = 0; k < f[i].nflag_ids; k++)
            buf_addc(&b, f[i].flags[k] ? '1' : '0');
        buf_addc(&b, '\x1e');
    }
    return buf_take(&b);
}

static bool is_texty(const struct form_field *f)
{
    return f->kind == FK_LINE || f->kind == FK_TEXT || f->kind == FK_DATE;
}

/* A field's value as text: a text field its text (live: the editor's,
 * when not NULL), a scale or a choice its number, a risk list the
 * numbers picked ("1,3"). The caller frees. */
static char *form_value_text(const struct form_field *f, const char *live)
{
    if (is_texty(f))
        return xstrdup(live ? live : f->value ? f->value : "");
    if (f->kind == FK_SCALE || f->kind == FK_CHOICE)
        return xasprintf("%d", f->number);
    struct buf b = {0};
    for (int k = 0; k < f->nflag_ids; k++)
        if (f->flags[k])
            buf_printf(&b, "%s%d", b.len ? "," : "", f->flag_ids[k]);
    return buf_take(&b);
}

/* The fields as the form opened, to compare with. */
static char **fields_text(const struct form_field *f, int n)
{
    char **v = xcalloc((size_t)n + 1, sizeof *v);
    for (int i = 0; i < n; i++)
        v[i] = form_value_text(&f[i], NULL);
    return v;
}

/* The form as a draft (draft_encode): each field changed since the form
 * opened (base) as text, the others as unchanged, so that restoring it
 * brings back what the person changed and nothing else (a field another
 * session changed meanwhile keeps that change). Field cur's text is the
 * editor's (live) when live is not NULL. The caller frees. */
static char *draft_content(const struct form_field *f, int n, char *const *base, int cur,
                           const char *live)
{
    char **v = xcalloc((size_t)n + 1, sizeof *v);
    for (int i = 0; i < n; i++) {
        v[i] = form_value_text(&f[i], i == cur ? live : NULL);
        if (strcmp(v[i], base[i]) == 0)
            XFREE(v[i]);
    }
    char *c = draft_encode((const char *const *)v, n);
    draft_fields_free(v, n);
    return c;
}

/* A whole number in [lo, hi] and nothing else. */
static bool number_in(const char *s, int lo, int hi, int *out)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (!*s || *end || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

/* Whether content is a draft of these fields that changes one at least
 * (as many fields, each number in its range, a risk list of numbers);
 * with apply, fills the fields it changed from it (a risk no longer
 * there is left out). */
static bool from_draft(struct form_field *f, int n, const char *content, bool apply)
{
    int m, changed = 0;
    char **v = draft_decode(content, &m);
    bool ok = m == n;
    for (int i = 0; ok && i < n; i++) {
        int num;
        changed += v[i] != NULL;
        if (!v[i]) {
            continue; /* unchanged */
        } else if (is_texty(&f[i])) {
            if (apply) {
                free(f[i].value);
                f[i].value = xstrdup(v[i]);
            }
        } else if (f[i].kind == FK_FLAGS) {
            for (int k = 0; apply && k < f[i].nflag_ids; k++)
                f[i].flags[k] = false;
            char *list = xstrdup(v[i]), *save = NULL;
            for (char *tok = strtok_r(list, ",", &save); ok && tok;
                 tok = strtok_r(NULL, ",", &save)) {
                ok = number_in(tok, 1, 1 << 30, &num);
                for (int k = 0; ok && apply && k < f[i].nflag_ids; k++)
                    if (f[i].flag_ids[k] == num)
                        f[i].flags[k] = true;
            }
            free(list);
        } else {
            int hi = f[i].kind == FK_SCALE ? f[i].nscale : f[i].nchoices - 1;
            ok = number_in(v[i], 0, hi, &num);
            if (ok && apply)
                f[i].number = num;
        }
    }
    draft_fields_free(v, m);
    return ok && changed > 0;
}

struct fit {
    struct form_field *f;
    int n;
};

static bool draft_fits(const char *content, const void *ctx)
{
    const struct fit *fit = ctx;
    return from_draft(fit->f, fit->n, content, false);
}

bool form_run_ex(struct app *a, const char *title, struct form_field *f, int n, bool *untouched,
                 struct draft *d)
{
    *untouched = false;
    int cur = 0, flag_cur = 0, first = 0;
    struct textedit te;
    bool te_live = false;
    bool ok = false;
    for (int i = 0; i < n; i++) {
        /* A date as the person writes it, also when the form opens again
         * with a date it had already read (kept as YYYY-MM-DD). */
        if (f[i].kind == FK_DATE && f[i].value && strlen(f[i].value) == 10) {
            char shown[DATE_DISPLAY_SIZE];
            char *d2 = xstrdup(date_display(f[i].value, i18n_ui_lang(), shown));
            free(f[i].value);
            f[i].value = d2;
        }
        if (f[i].focus) {
            cur = i;
            f[i].focus = false;
        }
    }
    char *initial = snapshot(f, n);
    char **base = NULL;
    if (d) {
        /* Compared with the fields as the form first opened, also when
         * it opens again with what was typed (a refusal sends the
         * person back to it). */
        int nb = 0;
        if (d->base)
            base = draft_decode(d->base, &nb);
        if (nb != n) {
            draft_fields_free(base, nb);
            base = fields_text(f, n);
            free(d->base);
            d->base = draft_encode((const char *const *)base, n);
        }
        /* A draft restored is a change: Esc then saves it. */
        struct fit fit = { f, n };
        char *kept = draft_restore(a, d, title, draft_fits, &fit);
        if (kept)
            from_draft(f, n, kept, true);
        free(kept);
        char *now = draft_content(f, n, base, -1, NULL);
        draft_begin(d, now);
        free(now);
    }
    struct app_keys keys_before = app_context_begin(a, KC_FORM);
    for (;;) {
        struct form_field *F = &f[cur];
        bool texty = is_texty(F);
        app_context_modes(a, texty ? UI_MODE_EDIT : 0);
        if (texty && !te_live) {
            te_init(&te, F->value ? F->value : "", F->kind == FK_TEXT);
            te_live = true;
        }
        if (draft_due(a, d)) {
            char *now = draft_content(f, n, base, cur, te_live ? te_text(&te) : NULL);
            draft_keep(a, d, now);
            free(now);
        }
        app_draw_base(a);
        if (app_fits()) {
            int w = COLS - 4, rows = 0;
            int lw = label_width(f, n, w);
            bool scales = false;
            for (int i = 0; i < n; i++) {
                rows += field_rows(&f[i]);
                scales = scales || f[i].kind == FK_SCALE;
            }
            /* A scale's levels, the chosen one's definition whole. */
            int info = scales ? 9 : 7;
            int h = rows + n / 3 + 4 + info;
            if (h > LINES - 2)
                h = LINES - 2;
            int y0 = (LINES - h) / 2, x0 = 2;
            dialog_frame(y0, x0, h, w, title);
            /* Scroll so that the field with the focus is on screen. */
            int room = h - info - 1;
            if (cur < first)
                first = cur;
            for (;;) {
                int used = 0;
                for (int i = first; i <= cur; i++)
                    used += field_rows(&f[i]);
                if (used <= room || first == cur)
                    break;
                first++;
            }
            if (first > 0)
                term_put(stdscr, y0, x0 + w - 12, 10, term_attr(ROLE_DIM), _(" more ^ "));
            int y = y0 + 1, last = first;
            for (int i = first; i < n && y + field_rows(&f[i]) <= y0 + 1 + room; i++) {
                last = i;
                bool focus = i == cur;
                term_put(stdscr, y, x0 + 2, lw, focus ? term_attr(ROLE_KEY) : A_NORMAL,
                         f[i].label);
                int vx = x0 + 3 + lw, vw = w - lw - 5;
                if (f[i].kind == FK_LINE || f[i].kind == FK_TEXT || f[i].kind == FK_DATE) {
                    if (focus)
                        te_draw(&te, stdscr, y, vx, field_rows(&f[i]), vw, true);
                    else
                        dialog_wrap(y, vx, field_rows(&f[i]), vw, A_NORMAL,
                                    f[i].value ? f[i].value : "");
                } else {
                    draw_value(&f[i], y, vx, vw, focus);
                    int r, c;
                    if (focus && f[i].kind == FK_FLAGS && f[i].nflag_ids &&
                        flag_pos(&f[i], flag_cur, vw, &r, &c))
                        term_cursor(y + r, vx + c + 1);
                }
                y += field_rows(&f[i]);
            }
            if (last + 1 < n)
                term_put(stdscr, y0 + h - info, x0 + w - 12, 10, term_attr(ROLE_DIM),
                         _(" more v "));
            int iy = y0 + h - info;
            term_rule(stdscr, iy, x0 + 1, w - 2);
            if (F->kind == FK_SCALE) {
                /* A level to a row, cut; the chosen one wrapped in the
                 * rows the others leave. */
                int ly = iy + 1, end = y0 + h - 1;
                for (int k = 0; k < F->nscale && ly < end; k++) {
                    /* TRANSLATORS: a level of a scale: its number, its name, then its
                       definition ("3 Significant: the people concerned..."). */
                    char *line = xasprintf(_("%d %s: %s"), F->scale[k].value, F->scale[k].name,
                                           F->scale[k].definition);
                    bool chosen = k + 1 == F->number;
                    attr_t at = chosen ? term_attr(ROLE_OK) : term_attr(ROLE_DIM);
                    int left = end - ly - (F->nscale - k - 1);
                    if (chosen && left > 1)
                        ly += dialog_wrap(ly, x0 + 2, left, w - 4, at, line);
                    else
                        term_put(stdscr, ly++, x0 + 2, w - 4, at, line);
                    free(line);
                }
            }
            /* A label cut to its column, or a choice cut to its row,
             * read whole under the fields. */
            bool picked = F->kind == FK_CHOICE && F->choices && F->number >= 0 &&
                          F->number < F->nchoices;
            if (F->kind != FK_SCALE && !(F->kind == FK_FLAGS && F->flag_details) &&
                (text_width(F->label) > lw ||
                 (picked && text_width(F->choices[F->number]) > w - lw - 9))) {
                char *line = picked ? xasprintf(I18N_LABELLED, F->label, F->choices[F->number])
                                    : xstrdup(F->label);
                dialog_wrap(iy + 1, x0 + 2, y0 + h - 2 - iy, w - 4, term_attr(ROLE_DIM), line);
                free(line);
            }
            if (F->kind == FK_FLAGS && F->flag_details && F->nflag_ids) {
                /* A number to a row, with what it stands for, scrolled
                 * so that the one under the cursor shows. */
                int ly = iy + 1, end = y0 + h - 1, fit = end - ly;
                int top = flag_cur >= fit ? flag_cur - fit + 1 : 0;
                for (int k = top; k < F->nflag_ids && ly < end; k++, ly++) {
                    char *line = xasprintf("[%c] %s%d %s", F->flags[k] ? 'x' : ' ',
                                           F->flag_prefix, F->flag_ids[k],
                                           F->flag_details[k] ? F->flag_details[k] : "");
                    term_put(stdscr, ly, x0 + 2, w - 4,
                             k == flag_cur ? term_attr(ROLE_SELECTED) : term_attr(ROLE_DIM),
                             line);
                    free(line);
                }
            }
            /* The keys of the field with the focus first, from the table. */
            enum key_action shown[4] = { ACT_NEXT_FIELD, ACT_FORM_DONE, ACT_DISCARD };
            int nshown = 3;
            if (F->kind == FK_FLAGS || F->kind == FK_SCALE || F->kind == FK_CHOICE) {
                memmove(shown + 1, shown, 3 * sizeof *shown);
                shown[0] = F->kind == FK_FLAGS ? ACT_CYCLE : ACT_MORE;
                nshown = 4;
            }
            char keys[256];
            keys_line(shown, nshown, keys, sizeof keys);
            term_put(stdscr, y0 + h - 1, x0 + 2, w - 4, term_attr(ROLE_KEY), keys);
        }
        term_cursor_apply();
        doupdate();

        wint_t ch;
        /* With a draft, the wait ends when its next save is due. */
        enum term_input in = term_read(&ch, d ? draft_wait(a, d) : 1000);
        if (in == TERM_EOF || in == TERM_SIGNAL) {
            a->quitting = true;
            break;
        }
        if (in == TERM_TICK || (in == TERM_KEY && ch == KEY_RESIZE))
            continue;
        draft_touch(d);
        if (in == TERM_PASTE) {
            if (texty && !app_paste_refused(a))
                te_insert(&te, term_paste_text());
            continue;
        }
        bool key = in == TERM_KEY;
        int move = 0;
        bool close = false;
        enum key_action act = keys_lookup(keys_code(ch, key), KC_FORM);
        /* Up and Down move by rows inside a text of several lines. */
        if ((act == ACT_NEXT_FIELD || act == ACT_PREV_FIELD) && F->kind == FK_TEXT && key &&
            (ch == KEY_DOWN || ch == KEY_UP))
            act = ACT_NONE;
        if (act == ACT_DISCARD) {
            if (dialog_confirm(a, _("Discard"), _("Close the form without saving what it holds?")))
                break;
            continue;
        }
        if (act == ACT_FORM_DONE)
            close = true;
        else if (act == ACT_NEXT_FIELD)
            move = 1;
        else if (act == ACT_PREV_FIELD)
            move = -1;
        else if (texty) {
            enum te_result r = te_key(&te, ch, key);
            if (r == TE_ENTER)
                move = 1;
        } else if (F->kind == FK_FLAGS) {
            if (act == ACT_LESS && flag_cur > 0)
                flag_cur--;
            else if (act == ACT_MORE && flag_cur + 1 < F->nflag_ids)
                flag_cur++;
            else if (act == ACT_CYCLE && F->nflag_ids)
                F->flags[flag_cur] = !F->flags[flag_cur];
        } else {
            apply_key_to_choice(F, act, ch, key);
        }
        if (move || close) {
            if (te_live) {
                free(F->value);
                F->value = xstrdup(te_text(&te));
                te_free(&te);
                te_live = false;
            }
            if (close) {
                /* Esc on a form left as it was opened: nothing to save. */
                char *now = snapshot(f, n);
                *untouched = strcmp(now, initial) == 0;
                free(now);
                if (*untouched)
                    break;
                int bad;
                const char *why = check(f, n, &bad);
                if (!why) {
                    ok = true;
                    break;
                }
                app_message(a, true, _("%s: %s (F8 discards the form)"), f[bad].label, why);
                dialog_message(a, _("Cannot close yet"), a->message);
                a->message[0] = '\0';
                cur = bad;
                continue;
            }
            cur = (cur + move + n) % n;
            flag_cur = 0;
        }
    }
    app_context_end(a, keys_before);
    if (te_live) {
        free(f[cur].value);
        f[cur].value = xstrdup(te_text(&te));
        te_free(&te);
    }
    if (d) {
        /* Discarded: dropped; to be saved, or leaving: kept at once. */
        char *now = draft_content(f, n, base, -1, NULL);
        draft_close(a, d, now, !ok);
        free(now);
        draft_fields_free(base, n);
    }
    free(initial);
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

/* --- forms made from the field tables ------------------------------------ */

/* The labels of an enumerated field's values, kept for the program's
 * life (the form only points at them). */
static const char *const *choice_labels(const struct field *f)
{
    static const char *labels[FLD_RTYPE + 1][16];
    const char **l = labels[f->kind];
    for (int i = 0; i < field_nchoices(f) && i < 16; i++)
        l[i] = _(field_choice_label(f, i));
    return l;
}

/* The groups of measures (FR_GROUP) or the risk types (FR_RISK_KIND) a
 * template declares, and how many. */
static const struct tmpl_group *declared(const struct tmpl *tp, enum field_role role, size_t *n)
{
    *n = !tp ? 0 : role == FR_GROUP ? tp->ngroups : tp->nkinds;
    return !tp ? NULL : role == FR_GROUP ? tp->groups : tp->kinds;
}

static bool has_tables(const struct tmpl *tp)
{
    for (size_t i = 0; tp && i < tp->nquestions; i++)
        if (tp->questions[i].type == QT_TABLE)
            return true;
    return false;
}

int form_from_table(const struct assessment *a, const struct field *t, size_t n,
                    const void *obj, struct form_field *out, const struct field **src)
{
    const struct tmpl_method *m = assess_method(a);
    const struct field *order[64];
    size_t no = fields_layout(t, n < 64 ? n : 64, true, order);
    int k = 0;
    for (size_t i = 0; i < no; i++) {
        const struct field *f = order[i];
        struct form_field ff = { .label = _(f->label), .required = f->required };
        switch (f->kind) {
        case FLD_TEXT:
            /* No rows to cite in a template without tables (unless some
             * are cited already, which the form must not lose). */
            if (f->role == FR_CONCERNS && !has_tables(a->tmpl) && !*field_str(f, obj))
                continue;
            if (f->role == FR_GROUP || f->role == FR_RISK_KIND) {
                size_t nd;
                const struct tmpl_group *d = declared(a->tmpl, f->role, &nd);
                if (nd == 0)
                    continue;
                /* "None", the declared ones, and one the template no
                 * longer declares, so that it is not lost by opening the
                 * form. */
                const char *cur = field_str(f, obj);
                const char **c = xcalloc(nd + 2, sizeof *c);
                int nc = 0, at = 0;
                c[nc++] = _("None");
                for (size_t g = 0; g < nd; g++) {
                    if (strcmp(d[g].id, cur) == 0)
                        at = nc;
                    c[nc++] = d[g].name;
                }
                if (*cur && at == 0) {
                    at = nc;
                    c[nc++] = cur;
                }
                ff.kind = FK_CHOICE;
                ff.choices = c;
                ff.nchoices = nc;
                ff.number = at;
                break;
            }
            ff.kind = f->role == FR_DATE ? FK_DATE : f->lines ? FK_TEXT : FK_LINE;
            ff.value = xstrdup(field_str(f, obj));
            break;
        case FLD_INT:
            ff.kind = FK_SCALE;
            ff.number = field_int(f, obj);
            ff.scale = f->role == FR_SEVERITY ? m->severity : m->likelihood;
            ff.nscale = f->role == FR_SEVERITY ? m->nseverity : m->nlikelihood;
            break;
        case FLD_FOLLOWED: {
            /* Not said, followed, overruled: -1, 1, 0 kept. */
            static const char *followed[3];
            followed[0] = _("Not said");
            followed[1] = _("Yes, followed");
            followed[2] = _("No, overruled");
            int v = field_int(f, obj);
            ff.kind = FK_CHOICE;
            ff.number = v < 0 ? 0 : v ? 1 : 2;
            ff.choices = followed;
            ff.nchoices = 3;
            break;
        }
        default:
            ff.kind = FK_CHOICE;
            ff.number = field_int(f, obj);
            ff.choices = choice_labels(f);
            ff.nchoices = field_nchoices(f);
        }
        src[k] = f;
        out[k++] = ff;
    }
    return k;
}

void form_to_table(const struct form_field *f, const struct field *const *src, int n,
                   const struct assessment *a, void *obj)
{
    for (int i = 0; i < n; i++) {
        const struct field *t = src[i];
        switch (t->kind) {
        case FLD_TEXT:
            if (t->role == FR_GROUP || t->role == FR_RISK_KIND) {
                size_t nd;
                const struct tmpl_group *d = declared(a->tmpl, t->role, &nd);
                int c = f[i].number;
                if (c == 0)
                    field_set_str(t, obj, "");
                else if ((size_t)c <= nd)
                    field_set_str(t, obj, d[c - 1].id);
                /* else: the one kept from before */
            } else if (t->role == FR_CONCERNS) {
                char *normal = fields_concerns(f[i].value, NULL);
                field_set_str(t, obj, normal ? normal : f[i].value);
                free(normal);
            } else {
                field_set_str(t, obj, f[i].value);
            }
            break;
        case FLD_FOLLOWED:
            field_set_int(t, obj, f[i].number == 0 ? -1 : f[i].number == 1 ? 1 : 0);
            break;
        default:
            if (f[i].kind == FK_CHOICE && (f[i].number < 0 || f[i].number >= f[i].nchoices))
                break;
            field_set_int(t, obj, f[i].number);
        }
    }
    /* A declared type is a kind of "other": picking one with the type
     * not said makes it so (with another type, saving is refused). */
    for (int i = 0; i < n; i++)
        if (src[i]->role == FR_RISK_KIND && *field_str(src[i], obj))
            for (int j = 0; j < n; j++)
                if (src[j]->kind == FLD_RTYPE && field_int(src[j], obj) == RT_NONE)
                    field_set_int(src[j], obj, RT_OTHER);
}

void form_table_free(struct form_field *f, const struct field *const *src, int n)
{
    for (int i = 0; i < n; i++)
        if (src[i] && (src[i]->role == FR_GROUP || src[i]->role == FR_RISK_KIND)) {
            free((void *)(uintptr_t)f[i].choices);
            f[i].choices = NULL;
        }
    form_free(f, n);
}
