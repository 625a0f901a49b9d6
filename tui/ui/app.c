#include "config.h"
#include "ui/app.h"

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "core/tmpl.h"
#include "io/settings.h"
#include "store/store.h"
#include "ui/term.h"
#include "util/err.h"
#include "util/i18n.h"
#include "util/text.h"
#include "util/xalloc.h"

void app_push(struct app *a, struct screen *s)
{
    s->below = a->top;
    a->top = s;
    /* A screen says what it adds to the title bar (presence, what
     * waits) when it draws; the one below's does not carry over. */
    a->title_extra[0] = '\0';
}

static void app_pop(struct app *a)
{
    struct screen *s = a->top;
    if (!s)
        return;
    a->top = s->below;
    if (s->destroy)
        s->destroy(s);
    free(s);
    a->title_extra[0] = '\0';
    if (a->top && a->top->resume)
        a->top->resume(a->top, a);
}

void app_message(struct app *a, bool is_error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->message, sizeof a->message, fmt, ap);
    va_end(ap);
    a->message_is_error = is_error;
    a->message_at = term_now_ms();
}

void app_notice(struct app *a, const char *text)
{
    snprintf(a->notice, sizeof a->notice, "%s", text);
    app_notice_due(a);
}

bool app_notice_due(struct app *a)
{
    if (!a->notice[0] ||
        (a->message[0] && a->message_at && term_now_ms() - a->message_at < NOTICE_HOLD_MS))
        return false;
    snprintf(a->message, sizeof a->message, "%s", a->notice);
    a->message_is_error = false;
    a->message_at = 0;
    a->notice[0] = '\0';
    return true;
}

void app_mark_saved(struct app *a)
{
    char hms[16];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(hms, sizeof hms, "%H:%M:%S", &tm);
    snprintf(a->saved, sizeof a->saved, _("saved %s"), hms);
}

bool app_paste_refused(struct app *a)
{
    if (!term_paste_too_long())
        return false;
    app_message(a, true, _("Nothing was pasted: the text is longer than 1 MiB."));
    return true;
}

void app_set_mode(struct app *a, unsigned mode, bool on)
{
    if (on)
        a->modes |= mode;
    else
        a->modes &= ~mode;
}

/* The keys in force: the dialog's or form's, else the top screen's. */
static unsigned keys_in_force(const struct app *a)
{
    return a->overlay.context ? a->overlay.context : a->top ? a->top->context : 0;
}

unsigned app_modes(const struct app *a)
{
    unsigned ctx = keys_in_force(a);
    unsigned m = a->modes | a->overlay.modes | (a->top ? a->top->modes : 0);
    if (ctx & (KC_EDIT | KC_LINE))
        m |= UI_MODE_EDIT;
    if (ctx & KC_CHOOSE)
        m |= UI_MODE_CHOOSE;
    return m;
}

const char *app_mode_label(enum ui_mode m)
{
    switch (m) {
#define M(name, label) case UI_MODE_##name: return _(label);
    UI_MODES(M)
#undef M
    }
    return "";
}

struct app_keys app_context_begin(struct app *a, unsigned context)
{
    struct app_keys prev = a->overlay;
    a->overlay.context = context;
    a->overlay.modes = 0;
    return prev;
}

void app_context_modes(struct app *a, unsigned modes)
{
    a->overlay.modes = modes;
}

void app_context_end(struct app *a, struct app_keys previous)
{
    a->overlay = previous;
}

bool app_fits(void)
{
    return COLS >= TERM_MIN_COLS && LINES >= TERM_MIN_ROWS;
}

static void draw_too_small(void)
{
    erase();
    char line[128];
    snprintf(line, sizeof line, _("Terminal too small: %dx%d"), COLS, LINES);
    term_put(stdscr, 0, 0, COLS, term_attr(ROLE_ERROR), line);
    snprintf(line, sizeof line, _("dpia needs at least %dx%d."), TERM_MIN_COLS, TERM_MIN_ROWS);
    term_put(stdscr, 1, 0, COLS, A_NORMAL, line);
    term_put(stdscr, 2, 0, COLS, A_NORMAL, _("Enlarge the window, or press q to quit."));
    wnoutrefresh(stdscr);
}

static void draw_status(struct app *a);

/* The key hints that fit into cols columns: whole hints ("e export"),
 * then an ellipsis when some are left out (the help screen has them
 * all). The caller frees. */
static char *hint_fit(const char *hint, int cols)
{
    if (text_width(hint) <= cols)
        return xstrdup(hint);
    const char *ell = term_ellipsis();
    int room = cols - 2 - text_width(ell);
    size_t end = 0;
    for (const char *p = strstr(hint, "  "); p; p = strstr(p + 2, "  ")) {
        size_t n = (size_t)(p - hint);
        char *head = xstrndup(hint, n);
        bool fits = text_width(head) <= room;
        free(head);
        if (!fits)
            break;
        end = n;
    }
    if (end == 0)
        return text_cut(hint, cols, ell);
    return xasprintf("%.*s  %s", (int)end, hint, ell);
}

static void draw_bars(struct app *a)
{
    char title[512];
    /* Presenting, the title bar is the screen's own (the section and
     * the progress), in the high-contrast colours. */
    bool present = (a->top->modes & UI_MODE_PRESENT) != 0;
    if (present)
        snprintf(title, sizeof title, " %s", a->top->title);
    else
        snprintf(title, sizeof title, " %s %s %s %s%s%s", PACKAGE_NAME, PACKAGE_VERSION,
                 term_has_utf8() ? "\xE2\x80\x94" : "-", a->top->title,
                 a->title_extra[0] ? "  " : "", a->title_extra);
    attr_t bar = term_attr(present ? ROLE_PRESENT : ROLE_TITLE);
    term_fill(stdscr, 0, 0, COLS, bar);
    bool read_only = a->store && store_is_read_only(a->store);
    /* The sign of a read-only database, at the right end of the bar. */
    const char *ro = app_mode_label(UI_MODE_READ_ONLY);
    int sign_w = text_width(ro) + 2;
    term_put(stdscr, 0, 0, read_only ? COLS - sign_w - 1 : COLS, bar, title);
    if (read_only)
        term_put(stdscr, 0, COLS - sign_w, sign_w - 1, bar, ro);
    draw_status(a);
}

static void draw_status(struct app *a)
{
    int y = LINES - 1;
    term_fill(stdscr, y, 0, COLS, term_attr(ROLE_STATUS));
    /* The modes first, each in a box of its own colour: what the keys
     * do now is the first thing the bar says. */
    unsigned modes = app_modes(a);
    int room = 0; /* the columns the badges take */
    for (int bit = 0; modes >> bit; bit++)
        if (modes & (1u << bit))
            room += text_width(app_mode_label((enum ui_mode)(1u << bit))) + 3;
    /* ...unless a message needs their room: it says more than they do. */
    if (a->message[0] && text_width(a->message) > COLS - 1 - room)
        modes = 0;
    int x = 1;
    for (int bit = 0; modes >> bit; bit++) {
        if (!(modes & (1u << bit)))
            continue;
        char badge[64];
        snprintf(badge, sizeof badge, " %s ", app_mode_label((enum ui_mode)(1u << bit)));
        x += term_put(stdscr, y, x, COLS - x - 1, term_attr(ROLE_TITLE), badge) + 1;
    }
    int right = a->saved[0] ? text_width(a->saved) + 2 : 0;
    /* A message that needs the whole bar has it: "saved" comes back with
     * the next key. */
    if (a->message[0] && text_width(a->message) > COLS - x - right)
        right = 0;
    if (right)
        term_put(stdscr, y, COLS - right, right, term_attr(ROLE_STATUS), a->saved);
    if (a->message[0]) {
        term_put(stdscr, y, x, COLS - x - right,
                 term_attr(a->message_is_error ? ROLE_ERROR : ROLE_STATUS), a->message);
        return;
    }
    char hint[512];
    keys_hint(keys_in_force(a), 1, hint, sizeof hint);
    char *shown = hint_fit(hint, COLS - x - 1 - right);
    term_put(stdscr, y, x, COLS - x - 1 - right, term_attr(ROLE_STATUS), shown);
    free(shown);
}

void app_draw_base(struct app *a)
{
    if (!app_fits()) {
        draw_too_small();
        return;
    }
    erase();
    a->top->draw(a->top, a);
    draw_bars(a);
    wnoutrefresh(stdscr);
}

static void draw(struct app *a)
{
    app_draw_base(a);
    term_cursor_apply();
    doupdate();
}

/* After a key that only changed the text being typed: that text and the
 * status bar are drawn again, the rest of the screen is left as it is
 * (the same as a whole redraw would make it, for a part of the cost). */
static void draw_typed(struct app *a)
{
    if (!app_fits() || !a->top->draw_typing || !a->top->draw_typing(a->top, a)) {
        draw(a);
        return;
    }
    draw_status(a);
    wnoutrefresh(stdscr);
    term_cursor_apply();
    doupdate();
}

static int dispatch(struct app *a, wint_t ch, bool is_key)
{
    int key = is_key ? (int)ch : (ch < 128 ? (int)ch : 0);
    unsigned ctx = a->top->context | KC_GLOBAL;
    enum key_action act = keys_lookup(key, ctx);
    if (!app_fits())
        return act == ACT_QUIT ? UI_QUIT : 0;
    int r = a->top->handle_key(a->top, a, ch, is_key, act);
    if (r & (UI_HANDLED | UI_POP | UI_QUIT))
        return r;
    switch (act) {
    case ACT_QUIT:
        return UI_QUIT;
    case ACT_HELP:
        app_push(a, help_screen_new(a, a->top->context));
        return UI_REDRAW;
    case ACT_REDRAW:
        clearok(curscr, TRUE);
        return UI_REDRAW;
    case ACT_NONE:
        /* Backspace deletes text and does nothing else: where it once
         * went back, say which key does. */
        if ((key == KEY_BACKSPACE || key == 127 || key == CTRL_KEY('h')) &&
            (keys_binding(ACT_BACK)->contexts & a->top->context)) {
            char k[16];
            app_message(a, false, _("Backspace only deletes text. Press %s to go back to the "
                        "list of assessments."), keys_name(keys_binding(ACT_BACK)->key1, k,
                                                          sizeof k));
            return UI_REDRAW;
        }
        return r;
    default:
        return r;
    }
}

/* How often the screen on top looks for changes made elsewhere, in ms:
 * also the longest wait for a key. */
#define WATCH_MS 500

static void leave_all(struct app *a)
{
    for (struct screen *s = a->top; s; s = s->below)
        if (s->leave)
            s->leave(s, a);
}

int ui_run(const struct ui_options *opt)
{
    struct err e;
    struct app a;
    memset(&a, 0, sizeof a);
    a.opt = opt;
    /* Open the database before taking over the terminal, so that a
     * refusal reads as a plain message. */
    /* A database made now is made for a group with --shared, or when
     * the settings say so. */
    bool shared = opt->shared;
    struct stat sb;
    if (!shared && !opt->read_only && !store_names_server(opt->db_path) &&
        stat(opt->db_path, &sb) != 0 && errno == ENOENT) {
        struct io_settings cfg;
        io_settings_load(&cfg, NULL);
        for (size_t i = 0; i < cfg.nwarnings; i++)
            msg_warn("%s", cfg.warnings[i]);
        shared = cfg.shared == 1;
        io_settings_free(&cfg);
    }
    a.store = store_open_shared(opt->db_path, opt->read_only, shared, NULL, &e);
    if (!a.store) {
        msg_error("%s", e.text);
        return 1;
    }
    if (term_start(opt->no_color, &e) < 0) {
        store_close(a.store);
        msg_error("%s", e.text);
        return 1;
    }
    app_push(&a, home_screen_new(&a));
    draw(&a);
    long long last_input = term_now_ms();
    long long last_watch = last_input;
    while (!opt->first_frame_only && a.top) {
        /* About once a second, whether keys come or not: what other
         * sessions changed shows without a key being pressed. */
        if (a.top->watch && term_now_ms() - last_watch >= WATCH_MS) {
            last_watch = term_now_ms();
            if (a.top->watch(a.top, &a))
                draw(&a);
        }
        wint_t ch;
        enum term_input in = term_read(&ch, WATCH_MS);
        if (in == TERM_EOF || in == TERM_SIGNAL) {
            a.quitting = true;
            break;
        }
        if (in == TERM_TICK) {
            /* Idle: the screen may save what was typed, and then the
             * status bar must say so; news held back may show now. */
            if (a.top->tick)
                a.top->tick(a.top, &a);
            bool due = app_notice_due(&a);
            if (a.top->tick || due)
                draw(&a);
            /* Idle for a second: what was saved moves from the -wal
             * file into the database file, so that a copy of that one
             * file holds it (nothing is done when nothing was saved). */
            if (term_now_ms() - last_input >= 900)
                store_checkpoint(a.store);
            continue;
        }
        last_input = term_now_ms();
        if (in == TERM_KEY && ch == KEY_RESIZE) {
            draw(&a);
            continue;
        }
        a.message[0] = '\0';
        int r;
        if (in == TERM_PASTE && app_paste_refused(&a)) {
            r = UI_REDRAW;
        } else if (in == TERM_PASTE) {
            r = a.top->paste ? a.top->paste(a.top, &a, term_paste_text()) : 0;
        }
        else
            r = dispatch(&a, ch, in == TERM_KEY);
        if (a.quitting || (r & UI_QUIT))
            break;
        if (r & UI_POP)
            app_pop(&a);
        /* News held back shows once the key has left no message. */
        if (app_notice_due(&a))
            r |= UI_REDRAW;
        if (a.top && (r & (UI_TYPED | UI_POP | UI_REDRAW)) == UI_TYPED)
            draw_typed(&a);
        else if (a.top)
            draw(&a);
    }
    leave_all(&a);
    while (a.top) {
        struct screen *s = a.top;
        a.top = s->below;
        if (s->destroy)
            s->destroy(s);
        free(s);
    }
    term_stop();
    store_close(a.store);
    int sig = term_signal();
    if (sig) {
        /* Ended by SIGHUP, SIGTERM or SIGINT: what was typed is saved
         * and the terminal restored; now end as the signal would have,
         * so that whoever started dpia sees it. */
        fflush(NULL);
        signal(sig, SIG_DFL);
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, sig);
        sigprocmask(SIG_UNBLOCK, &set, NULL);
        raise(sig);
        return 128 + sig;
    }
    return 0;
}
