/*
 * The key table: every action with its context, default keys, status-bar
 * label and help text, in one X-macro list. The help screen and the
 * status bar are drawn from it; handlers look actions up by context.
 *   X(name, context, key1, key2, label, help)
 * key2 is 0 when the action has one key.
 */
#ifndef DPIA_KEYS_H
#define DPIA_KEYS_H

#include <curses.h>

#define CTRL_KEY(c) ((c) & 0x1f)
#define KEY_ESC 27

enum key_context {
    KC_GLOBAL = 1 << 0, /* everywhere */
    KC_HOME = 1 << 1,   /* the list of assessments */
    KC_ASSESS = 1 << 2, /* an assessment, browsing questions */
    KC_TABLE = 1 << 3,  /* the risk register and the measures */
    KC_SIGNOFF = 1 << 4,/* the sign-off page */
    KC_EDIT = 1 << 5,   /* editing text */
    KC_LIST = 1 << 6,   /* editing a list of entries */
};

#define KEY_ACTIONS(X) \
    X(QUIT,     KC_GLOBAL, 'q', 0,          "quit",    "Leave dpia (everything is already saved)") \
    X(HELP,     KC_GLOBAL, '?', KEY_F(1),   "help",    "Show the keys of this screen") \
    X(REDRAW,   KC_GLOBAL, CTRL_KEY('l'), 0, "redraw", "Redraw the screen") \
    X(UP,       KC_HOME | KC_ASSESS | KC_TABLE | KC_SIGNOFF | KC_LIST, KEY_UP, 'k', "up", "Previous item") \
    X(DOWN,     KC_HOME | KC_ASSESS | KC_TABLE | KC_SIGNOFF | KC_LIST, KEY_DOWN, 'j', "down", "Next item") \
    X(OPEN,     KC_HOME | KC_ASSESS | KC_TABLE | KC_SIGNOFF | KC_LIST, '\r', KEY_ENTER, "open", "Open, answer or edit the selected item") \
    X(NEW,      KC_HOME, 'n', 0,            "new",     "Start a new assessment") \
    X(DUPLICATE, KC_HOME, 'c', 0,           "copy",    "Duplicate the selected assessment") \
    X(ARCHIVE,  KC_HOME, 'a', 0,            "archive", "Archive the selected assessment (or bring it back)") \
    X(DELETE,   KC_HOME | KC_TABLE | KC_LIST, 'D', KEY_DC, "delete", "Delete the selected item (asks first)") \
    X(EXPORT,   KC_HOME | KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'e', 0,   "export",  "Export as an HTML report or XML record") \
    X(SEARCH,   KC_HOME, '/', 0,            "search",  "Filter assessments by title") \
    X(SORT,     KC_HOME, 's', 0,            "sort",    "Sort by last change, title, status or risk") \
    X(ALL,      KC_HOME, 'A', 0,            "archived","Show or hide archived assessments") \
    X(EXAMPLE,  KC_HOME, 'x', 0,            "example", "Load the worked example") \
    X(BACK,     KC_ASSESS | KC_TABLE | KC_SIGNOFF, KEY_ESC, KEY_BACKSPACE, "back", "Back to the list of assessments") \
    X(NEXT_SECTION, KC_ASSESS | KC_TABLE | KC_SIGNOFF, KEY_NPAGE, ']', "section+", "Next section") \
    X(PREV_SECTION, KC_ASSESS | KC_TABLE | KC_SIGNOFF, KEY_PPAGE, '[', "section-", "Previous section") \
    X(FIRST,    KC_ASSESS | KC_TABLE | KC_SIGNOFF, KEY_HOME, 0, "first", "First item of the section") \
    X(LAST,     KC_ASSESS | KC_TABLE | KC_SIGNOFF, KEY_END, 0, "last", "Last item of the section (the outcome, register or sign-off page)") \
    X(JUMP,     KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'g', 0, "go to", "Go to a section by its number") \
    X(UNANSWERED, KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'u', 0, "unanswered", "Next unanswered question") \
    X(FLAG,     KC_ASSESS, 'f', 0,          "flag",    "Mark or unmark the question for follow-up") \
    X(FLAGGED,  KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'F', 0, "flagged", "Next question marked for follow-up") \
    X(NOTE,     KC_ASSESS, 'N', 0,          "note",    "Edit the note on the question") \
    X(HELPTEXT, KC_ASSESS, 'h', 0,          "guidance","Show or hide the question's guidance") \
    X(YES,      KC_ASSESS, 'y', 0,          "yes",     "Answer yes (yes/no questions)") \
    X(NO,       KC_ASSESS, 'n', 0,          "no",      "Answer no (yes/no questions)") \
    X(ADD,      KC_TABLE | KC_LIST, 'a', KEY_IC, "add", "Add an entry") \
    X(MAP,      KC_TABLE, 'm', 0,           "heat map","Show the heat maps before and after measures") \
    X(REVISION, KC_SIGNOFF | KC_ASSESS | KC_TABLE, 'R', 0, "revision", "Open a new revision of a decided assessment") \
    X(DIFF,     KC_SIGNOFF | KC_ASSESS | KC_TABLE, 'V', 0, "changes", "What changed since the revision this one replaces") \
    X(UNDO,     KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'U', 0, "undo", "Undo your latest change (answers, notes, flags, risks, measures, sign-offs); asks before undoing someone else's") \
    X(MOVE_UP,  KC_LIST, 'K', 0,            "move up", "Move the entry up") \
    X(MOVE_DOWN, KC_LIST, 'J', 0,           "move down", "Move the entry down") \
    X(DONE,     KC_EDIT | KC_LIST, KEY_ESC, KEY_F(10), "done", "Save and leave the field") \
    X(WORD_LEFT, KC_EDIT, CTRL_KEY('b'), 0, "word left", "Move one word left (also Ctrl-Left)") \
    X(WORD_RIGHT, KC_EDIT, CTRL_KEY('f'), 0, "word right", "Move one word right (also Ctrl-Right)") \
    X(DEL_WORD, KC_EDIT, CTRL_KEY('w'), 0,  "delete word", "Delete the word before the cursor") \
    X(LINE_START, KC_EDIT, KEY_HOME, CTRL_KEY('a'), "start", "Start of the line") \
    X(LINE_END, KC_EDIT, KEY_END, CTRL_KEY('e'), "end", "End of the line")

enum key_action {
    ACT_NONE = 0,
#define X(name, ctx, k1, k2, label, help) ACT_##name,
    KEY_ACTIONS(X)
#undef X
    ACT_COUNT
};

struct key_binding {
    enum key_action action;
    unsigned contexts;
    int key1, key2;
    const char *label;
    const char *help;
};

extern const struct key_binding keys_table[];
extern const int keys_count;

/* The action bound to a key in a context (global actions apply in every
 * context), or ACT_NONE. Context-specific bindings win over global ones. */
enum key_action keys_lookup(int key, unsigned context);
/* The binding of an action. */
const struct key_binding *keys_binding(enum key_action a);
/* "q", "?", "F1", "^L": a key's name for the status bar and help. */
const char *keys_name(int key, char *out, int outsz);
/* "n new  Enter open  ..." for the status bar: the actions of the context
 * (not the global ones, unless globals is set), as many as fit. */
void keys_hint(unsigned context, int globals, char *out, int outsz);

#endif
