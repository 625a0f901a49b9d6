/*
 * The key table: every action with its default keys and help text, in
 * one X-macro list. The help screen and the status bar are drawn from it.
 *   KEY_ACTION(name, key1, key2, label, help)
 * key2 is 0 when the action has one key. Labels are short (status bar);
 * help is one line (help screen).
 */
#ifndef DPIA_KEYS_H
#define DPIA_KEYS_H

#include <curses.h>

#define CTRL_KEY(c) ((c) & 0x1f)

#define KEY_ACTIONS(X) \
    X(QUIT,  'q',        0,        "quit",   "Leave dpia (everything is already saved)") \
    X(HELP,  '?',        KEY_F(1), "help",   "Show this list of keys") \
    X(REDRAW, CTRL_KEY('l'), 0,    "redraw", "Redraw the screen")

enum key_action {
    ACT_NONE = 0,
#define X(name, k1, k2, label, help) ACT_##name,
    KEY_ACTIONS(X)
#undef X
    ACT_COUNT
};

struct key_binding {
    enum key_action action;
    int key1, key2;
    const char *label;
    const char *help;
};

/* The table, ACT_COUNT - 1 entries in the order above. */
extern const struct key_binding keys_table[];
extern const int keys_count;

/* The action bound to a key (as returned by get_wch), or ACT_NONE. */
enum key_action keys_lookup(int key);
/* "q", "?", "F1", "^L": a key's name for the status bar and help. */
const char *keys_name(int key, char *out, int outsz);

#endif
