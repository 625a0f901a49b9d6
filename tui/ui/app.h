/*
 * The main loop and the screen stack. Each screen has draw and
 * handle_key; handlers return flags; the loop calls doupdate once per
 * frame. Below TERM_MIN_COLS x TERM_MIN_ROWS the loop draws a "terminal
 * too small" message instead of the screen. Dialogs (dialog.h) run their
 * own short loops on top of the current screen.
 */
#ifndef DPIA_APP_H
#define DPIA_APP_H

#include <curses.h>
#include <stdbool.h>

#include "ui/keys.h"
#include "ui/ui.h"
#include "util/i18n.h"

struct store;

enum {
    UI_HANDLED = 1 << 0,
    UI_REDRAW = 1 << 1,
    UI_POP = 1 << 2,  /* close this screen */
    UI_QUIT = 1 << 3, /* leave the program */
    /* Only the text being typed changed (nothing saved, nothing else
     * moved): the screen's draw_typing redraws that part alone. */
    UI_TYPED = 1 << 4,
};

struct app;

/* The modes the status bar shows at its left, in this order, with their
 * labels: M(name, label). EDIT and CHOOSE follow the keys in force
 * (KC_EDIT or KC_LINE; KC_CHOOSE); PRESENT and READ-ONLY are set by
 * whoever starts them (app_set_mode, or a screen's modes). */
#define UI_MODES(M) \
    M(PRESENT, N_("PRESENT")) \
    M(READ_ONLY, N_("READ-ONLY")) \
    M(EDIT, N_("EDIT")) \
    M(CHOOSE, N_("CHOOSE: Space toggles"))

enum {
#define M(name, label) UI_MODE_BIT_##name,
    UI_MODES(M)
#undef M
};

enum ui_mode {
#define M(name, label) UI_MODE_##name = 1 << UI_MODE_BIT_##name,
    UI_MODES(M)
#undef M
};

/* The keys in force while a dialog or form is open (app_context_begin). */
struct app_keys {
    unsigned context; /* KC_*, 0: the top screen's */
    unsigned modes;   /* UI_MODE_* beyond those the context implies */
};

struct screen {
    const char *title;
    unsigned context; /* KC_* for key lookup, help and the status bar */
    unsigned modes;   /* UI_MODE_* shown while this screen is on top */
    /* Draws rows 1..LINES-2 (row 0 is the title bar, the last row the
     * status bar, both drawn by the loop). */
    void (*draw)(struct screen *s, struct app *a);
    /* After a key that returned UI_TYPED: redraws the text being typed
     * where the last draw put it, and returns true; false when it cannot
     * (the whole screen is drawn then). NULL: never. */
    bool (*draw_typing)(struct screen *s, struct app *a);
    /* ch is a character (is_key false) or a KEY_* code; act is the key
     * table's action for it in this screen's context. */
    int (*handle_key)(struct screen *s, struct app *a, wint_t ch, bool is_key,
                      enum key_action act);
    /* Pasted text (bracketed paste); NULL: ignored. */
    int (*paste)(struct screen *s, struct app *a, const char *text);
    /* Called about once a second while idle. */
    void (*tick)(struct screen *s, struct app *a);
    /* Called about once a second, idle or not: follows what other
     * sessions changed; true when the screen must be drawn again.
     * NULL: never. */
    bool (*watch)(struct screen *s, struct app *a);
    /* The program is about to leave (q, a signal, end of input): save. */
    void (*leave)(struct screen *s, struct app *a);
    /* Called when the screen comes back on top. */
    void (*resume)(struct screen *s, struct app *a);
    void (*destroy)(struct screen *s);
    struct screen *below;
    void *data;
};

struct app {
    const struct ui_options *opt;
    struct store *store;
    struct screen *top;
    char message[256]; /* shown in the status bar until the next key */
    bool message_is_error;
    long long message_at; /* when it was given (term_now_ms), 0: a notice */
    char notice[256];  /* news of others' changes waiting for it (app_notice) */
    bool quitting;     /* a signal or end of input: dialogs return at once */
    char title_extra[128];
    char saved[48];    /* the status bar's right end: "saved 12:03:04" */
    unsigned modes;    /* UI_MODE_* set by app_set_mode */
    struct app_keys overlay; /* the dialog or form open, if any */
};

void app_push(struct app *a, struct screen *s);
/* Shows a one-line message in the status bar until the next key. */
void app_message(struct app *a, bool is_error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* News of what other sessions changed: shown at once, unless a message
 * answering the person's own action was given less than NOTICE_HOLD_MS
 * ago, which it then follows (or once a key leaves no message of its
 * own), so that nobody loses the answer to what they just did. */
#define NOTICE_HOLD_MS 3000
void app_notice(struct app *a, const char *text);
/* Shows the notice waiting, if its time has come: true when it did. */
bool app_notice_due(struct app *a);
/* The status bar's right end says "saved" and the time now: after a
 * change reached the database. */
void app_mark_saved(struct app *a);
/* After a TERM_PASTE: true, with the reason in the status bar, when the
 * paste was too long and was thrown away whole. */
bool app_paste_refused(struct app *a);
/* Sets (on) or clears a mode of the whole interface (UI_MODE_PRESENT,
 * UI_MODE_READ_ONLY; several may be set); the status bar shows it at its
 * left until it is cleared. A screen's own modes go in its modes field. */
void app_set_mode(struct app *a, unsigned mode, bool on);
/* The modes shown now: the interface's, the top screen's, and EDIT or
 * CHOOSE from the keys in force. */
unsigned app_modes(const struct app *a);
/* The label of one mode ("EDIT"), or "". */
const char *app_mode_label(enum ui_mode m);
/* A dialog or form that reads keys in its own loop says what it takes
 * them as (KC_*), so that the status bar lists its keys and mode; it
 * gives back what it replaced (the value returned) when it closes.
 * app_context_modes adds modes the context does not imply (a form: EDIT
 * while a text field has the focus) until the context ends. */
struct app_keys app_context_begin(struct app *a, unsigned context);
void app_context_modes(struct app *a, unsigned modes);
void app_context_end(struct app *a, struct app_keys previous);
/* Draws the top screen and the bars into the virtual screen (no
 * doupdate): the background of dialogs. */
void app_draw_base(struct app *a);
/* True when the terminal is big enough to draw screens. */
bool app_fits(void);

/* The screens. */
struct screen *home_screen_new(struct app *a);
struct screen *help_screen_new(struct app *a, unsigned context);
struct screen *assess_screen_new(struct app *a, int64_t id);
struct screen *register_screen_new(struct app *a);

#endif
