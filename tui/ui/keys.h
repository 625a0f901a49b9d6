/*
 * The key table: every action with its context, default keys, status-bar
 * label and help text, in one X-macro list. The help screen and the
 * status bar are drawn from it; handlers look actions up by context.
 *   X(name, context, key1, key2, label, help)
 * key2 is 0 when the action has one key. The table drives the screens,
 * the text editor, the forms and the dialogs alike: none of them tests
 * a key itself, so that what the help screen and the status bar list is
 * what the keys do. The same key may mean different things in different
 * contexts, never two things in one (tests/unit/t_keys.c).
 */
#ifndef DPIA_KEYS_H
#define DPIA_KEYS_H

#include <curses.h>
#include <stdbool.h>

#include "util/i18n.h"

#define CTRL_KEY(c) ((c) & 0x1f)
#define KEY_ESC 27

enum key_context {
    KC_GLOBAL = 1 << 0, /* everywhere */
    KC_HOME = 1 << 1,   /* the list of assessments */
    KC_ASSESS = 1 << 2, /* an assessment, browsing questions */
    KC_TABLE = 1 << 3,  /* the risk register and the measures */
    KC_SIGNOFF = 1 << 4,/* the sign-off page */
    KC_EDIT = 1 << 5,   /* editing text (textedit.c) */
    KC_LIST = 1 << 6,   /* editing a list of entries */
    KC_CHOOSE = 1 << 7, /* a list of options open (an answer, a dialog) */
    KC_FORM = 1 << 8,   /* a form: a risk, a measure, a sign-off */
    KC_LINE = 1 << 9,   /* a dialog asking for one line (a title, a date) */
    KC_DIALOG = 1 << 10,/* a dialog asking yes or no, or showing a message */
    KC_HELP = 1 << 11,  /* the help screen */
    KC_YESNO = 1 << 12, /* a yes/no question that may be changed: y and n answer it */
    KC_READ = 1 << 13,  /* a text read in full (reader.c): nothing to change */
    KC_ROWS = 1 << 14,  /* the rows of a table answer (table_edit.c) */
    KC_REGISTER = 1 << 15, /* the register of every assessment (scr_register.c) */
    KC_COMMENTS = 1 << 16, /* the comment threads of a question (scr_comments.c) */
    KC_MEMBERS = 1 << 17,  /* the people of an assessment and their roles (scr_members.c) */
};

/* Where something is open that takes every key until it is closed: the
 * global keys do not apply there (q is a letter in a text). */
#define KC_MODAL (KC_EDIT | KC_LIST | KC_ROWS | KC_CHOOSE | KC_FORM | KC_LINE | KC_DIALOG)

/* The contexts in the order the help screen, the README and dpia(1)
 * list them, with their headings there:
 *   C(context, heading) */
#define KEY_CONTEXTS(C) \
    C(KC_GLOBAL, N_("Everywhere")) \
    C(KC_HOME, N_("List of assessments")) \
    C(KC_REGISTER, N_("Register of assessments")) \
    C(KC_ASSESS, N_("Questions")) \
    C(KC_YESNO, N_("A yes/no question")) \
    C(KC_TABLE, N_("Risk register and measures")) \
    C(KC_SIGNOFF, N_("Sign-off")) \
    C(KC_COMMENTS, N_("Comments on a question")) \
    C(KC_MEMBERS, N_("People and roles")) \
    C(KC_EDIT, N_("Editing text")) \
    C(KC_LIST, N_("Editing a list")) \
    C(KC_ROWS, N_("Editing a table")) \
    C(KC_CHOOSE, N_("Choosing from a list")) \
    C(KC_FORM, N_("Forms")) \
    C(KC_LINE, N_("Typing one line")) \
    C(KC_DIALOG, N_("Dialogs")) \
    C(KC_HELP, N_("The help screen")) \
    C(KC_READ, N_("Reading a text in full"))

#define KEY_ACTIONS(X) \
    /* TRANSLATORS: each action's first text is its short label in the status \
       bar, after its key (a word or two); the second its line on the help \
       screen. The keys themselves stay. */ \
    X(QUIT,     KC_GLOBAL, 'q', 0,          N_("quit"),    N_("Leave dpia (everything is already saved)")) \
    X(HELP,     KC_GLOBAL, '?', KEY_F(1),   N_("help"),    N_("Show the keys of this screen")) \
    X(REDRAW,   KC_GLOBAL, CTRL_KEY('l'), 0, N_("redraw"), N_("Redraw the screen")) \
    X(UP,       KC_HOME | KC_REGISTER | KC_ASSESS | KC_TABLE | KC_SIGNOFF | KC_LIST | KC_ROWS | KC_CHOOSE | KC_COMMENTS | KC_MEMBERS, KEY_UP, 'k', N_("up"), N_("Previous item")) \
    X(DOWN,     KC_HOME | KC_REGISTER | KC_ASSESS | KC_TABLE | KC_SIGNOFF | KC_LIST | KC_ROWS | KC_CHOOSE | KC_COMMENTS | KC_MEMBERS, KEY_DOWN, 'j', N_("down"), N_("Next item")) \
    X(OPEN,     KC_HOME | KC_REGISTER | KC_ASSESS | KC_TABLE | KC_SIGNOFF | KC_LIST | KC_ROWS, '\r', KEY_ENTER, N_("open"), N_("Open, answer or edit the selected item")) \
    X(YES,      KC_YESNO, 'y', 0,           N_("yes"),     N_("Answer yes (only on a yes/no question, as the status bar says)")) \
    X(NO,       KC_YESNO, 'n', 0,           N_("no"),      N_("Answer no (only on a yes/no question, as the status bar says)")) \
    X(NEW,      KC_HOME, 'n', 0,            N_("new"),     N_("Start a new assessment")) \
    X(DUPLICATE, KC_HOME, 'c', 0,           N_("copy"),    N_("Duplicate the selected assessment")) \
    X(ARCHIVE,  KC_HOME, 'a', 0,            N_("archive"), N_("Archive the selected assessment (or bring it back)")) \
    X(DELETE,   KC_HOME | KC_TABLE | KC_LIST | KC_ROWS, 'D', KEY_DC, N_("delete"), N_("Delete the selected item (asks first)")) \
    X(EXPORT,   KC_HOME | KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'e', 0,   N_("export"),  N_("Export a report (HTML, ODT, DOCX, PDF), the XML record or a CSV table")) \
    X(SEARCH,   KC_HOME, '/', 0,            N_("search"),  N_("Filter assessments by title")) \
    X(SORT,     KC_HOME, 's', 0,            N_("sort"),    N_("Sort by last change, title, status, risk or review date")) \
    X(ALL,      KC_HOME, 'A', 0,            N_("archived"),N_("Show or hide archived assessments")) \
    X(EXAMPLE,  KC_HOME, 'x', 0,            N_("example"), N_("Load the worked example")) \
    X(REGISTER, KC_HOME, 'r', 0,            N_("register"), N_("The register: every assessment with its review date, open and overdue measures and the person responsible")) \
    X(WAITING,  KC_HOME, 'w', 0,            N_("waiting"), N_("What waits for you: reviews asked of you as DPO, assessments passed to you for the decision, returned ones you own, open comment threads")) \
    X(REG_SORT, KC_REGISTER, 's', 0,        N_("sort"),    N_("Sort by the next date due, title, status, risk or review date")) \
    X(REG_STATUS, KC_REGISTER, 'f', 0,      N_("status"),  N_("Show the assessments of one status only, the next status at each press, then all again")) \
    X(REG_OVERDUE, KC_REGISTER, 'o', 0,     N_("overdue"), N_("Show the measures overdue across assessments, or the assessments again")) \
    X(REG_EXPORT, KC_REGISTER, 'e', 0,      N_("export"),  N_("Export the register as HTML or CSV")) \
    X(REG_CLOSE, KC_REGISTER, KEY_ESC, 'q', N_("back"),    N_("Back to the list of assessments")) \
    X(BACK,     KC_ASSESS | KC_TABLE | KC_SIGNOFF | KC_REGISTER, 'L', 0, N_("list"), N_("Back to the list of assessments")) \
    X(NEXT_SECTION, KC_ASSESS | KC_TABLE | KC_SIGNOFF, KEY_NPAGE, ']', N_("section+"), N_("Next section")) \
    X(PREV_SECTION, KC_ASSESS | KC_TABLE | KC_SIGNOFF, KEY_PPAGE, '[', N_("section-"), N_("Previous section")) \
    X(FIRST,    KC_ASSESS | KC_TABLE | KC_SIGNOFF, KEY_HOME, 0, N_("first"), N_("First item of the section")) \
    X(LAST,     KC_ASSESS | KC_TABLE | KC_SIGNOFF, KEY_END, 0, N_("last"), N_("Last item of the section (the outcome, register or sign-off page)")) \
    X(JUMP,     KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'g', 0, N_("go to"), N_("Go to a section by its number")) \
    X(UNANSWERED, KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'u', 0, N_("unanswered"), N_("Next unanswered question")) \
    X(FLAG,     KC_ASSESS, 'f', 0,          N_("flag"),    N_("Mark or unmark the question for follow-up")) \
    X(FLAGGED,  KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'F', 0, N_("flagged"), N_("Next question marked for follow-up")) \
    X(NOTE,     KC_ASSESS, 'N', 0,          N_("note"),    N_("Edit the note on the question")) \
    X(HELPTEXT, KC_ASSESS, 'h', 0,          N_("guidance"),N_("Show or hide the question's guidance")) \
    X(ADD,      KC_TABLE | KC_LIST | KC_ROWS, 'a', KEY_IC, N_("add"), N_("Add an entry")) \
    X(MAP,      KC_TABLE, 'm', 0,           N_("heat map"),N_("Show the heat maps before and after measures")) \
    X(CATALOGUE, KC_TABLE, 'C', 0,          N_("catalogue"), N_("Add a risk from the catalogue's threats, or a measure from its measures (for a risk of your choice)")) \
    X(REVISION, KC_SIGNOFF | KC_ASSESS | KC_TABLE, 'R', 0, N_("revision"), N_("Open a new revision of a decided assessment")) \
    X(LANGUAGE, KC_SIGNOFF | KC_ASSESS | KC_TABLE, 'l', 0, N_("language"), N_("The language the assessment and its reports are written in: English, French or German")) \
    X(DIFF,     KC_SIGNOFF | KC_ASSESS | KC_TABLE, 'V', 0, N_("changes"), N_("What changed since the revision this one replaces")) \
    X(PRESENT,  KC_SIGNOFF | KC_ASSESS | KC_TABLE, 'P', 0, N_("present"), N_("Presentation mode: the question alone, large, for a room (P again to leave)")) \
    X(JUDGE,    KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'J', 0, N_("judge"), N_("The DPO's judgement of this section: acceptable or to be improved, with a comment (A or I in the section list)")) \
    X(WORKSHOP, KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'W', 0, N_("workshop"), N_("Start a workshop (date, place, agenda, participants) or end the open one (minutes, open points); what is answered meanwhile is linked to it")) \
    X(UNDO,     KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'U', 0, N_("undo"), N_("Undo your latest change (answers, notes, flags, risks, measures, sign-offs); asks before undoing someone else's")) \
    X(REVIEW,   KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'r', 0, N_("review"), N_("The review: ask the DPO for it, return it with comments or pass it to the decision-maker, as your role allows")) \
    X(COMMENT,  KC_ASSESS, 'c', 0,          N_("comments"), N_("The comment threads of the question: comment, reply, resolve (C in the question list: open threads)")) \
    X(MEMBERS,  KC_ASSESS | KC_TABLE | KC_SIGNOFF, 'M', 0, N_("people"), N_("The people of the assessment and their roles; an owner adds, changes and removes them")) \
    X(CMT_NEW,  KC_COMMENTS, 'a', 0,        N_("comment"), N_("Start a new thread on the question")) \
    X(CMT_REPLY, KC_COMMENTS, '\r', KEY_ENTER, N_("reply"), N_("Reply to the selected thread")) \
    X(CMT_RESOLVE, KC_COMMENTS, 'x', 0,     N_("resolve"), N_("Resolve the selected thread, or reopen a resolved one (its author, an owner or the DPO)")) \
    X(MEM_ADD,  KC_MEMBERS, 'a', 0,         N_("add"),     N_("Add a person with a role")) \
    X(MEM_ROLE, KC_MEMBERS, '\r', KEY_ENTER, N_("role"),  N_("Change the role of the selected person")) \
    X(MEM_REMOVE, KC_MEMBERS, 'D', 0,       N_("remove"),  N_("Remove the selected person (asks first)")) \
    X(PANE_CLOSE, KC_COMMENTS | KC_MEMBERS, KEY_ESC, 'q', N_("back"), N_("Back to the assessment")) \
    X(MOVE_UP,  KC_LIST, 'K', 0,            N_("move up"), N_("Move the entry up")) \
    X(MOVE_DOWN, KC_LIST, 'J', 0,           N_("move down"), N_("Move the entry down")) \
    X(DONE,     KC_EDIT | KC_LIST, KEY_ESC, KEY_F(10), N_("done"), N_("Save and leave the field")) \
    X(ROWS_BACK, KC_ROWS, KEY_ESC, 'q',    N_("back"),    N_("Back to the question (each row is saved as it is added, changed or deleted)")) \
    X(NEWLINE,  KC_EDIT, '\r', KEY_ENTER,   N_("new line"), N_("Start a new line (in a one-line form field: the next field)")) \
    X(CHAR_LEFT, KC_EDIT, KEY_LEFT, 0,      N_("left"),    N_("One character left")) \
    X(CHAR_RIGHT, KC_EDIT, KEY_RIGHT, 0,    N_("right"),   N_("One character right")) \
    X(ROW_UP,   KC_EDIT | KC_HELP | KC_READ, KEY_UP, 0, N_("row up"), N_("One row up")) \
    X(ROW_DOWN, KC_EDIT | KC_HELP | KC_READ, KEY_DOWN, 0, N_("row down"), N_("One row down")) \
    X(PAGE_UP,  KC_EDIT | KC_HELP | KC_READ, KEY_PPAGE, 0, N_("page up"), N_("One screen up")) \
    X(PAGE_DOWN, KC_EDIT | KC_HELP | KC_READ, KEY_NPAGE, 0, N_("page down"), N_("One screen down")) \
    X(WORD_LEFT, KC_EDIT, CTRL_KEY('b'), 0, N_("word left"), N_("Move one word left (also Ctrl-Left)")) \
    X(WORD_RIGHT, KC_EDIT, CTRL_KEY('f'), 0, N_("word right"), N_("Move one word right (also Ctrl-Right)")) \
    X(LINE_START, KC_EDIT, KEY_HOME, CTRL_KEY('a'), N_("start"), N_("Start of the line")) \
    X(LINE_END, KC_EDIT, KEY_END, CTRL_KEY('e'), N_("end"), N_("End of the line")) \
    X(ERASE,    KC_EDIT, KEY_BACKSPACE, CTRL_KEY('h'), N_("erase"), N_("Delete the character before the cursor")) \
    X(DEL_CHAR, KC_EDIT, KEY_DC, CTRL_KEY('d'), N_("delete"), N_("Delete the character under the cursor")) \
    X(DEL_WORD, KC_EDIT, CTRL_KEY('w'), 0,  N_("delete word"), N_("Delete the word before the cursor")) \
    X(DEL_TO_START, KC_EDIT, CTRL_KEY('u'), 0, N_("delete to start"), N_("Delete to the start of the line")) \
    X(DEL_TO_END, KC_EDIT, CTRL_KEY('k'), 0, N_("delete to end"), N_("Delete to the end of the line")) \
    X(TOGGLE,   KC_CHOOSE, ' ', 0,          N_("toggle"),  N_("Choose the option under the cursor (where several may be chosen: tick or untick it)")) \
    X(PICK,     KC_CHOOSE, '\r', KEY_ENTER, N_("select"),  N_("Close the list with the option under the cursor (where several may be chosen: as ticked)")) \
    X(LIST_TOP, KC_CHOOSE | KC_HELP | KC_READ, KEY_HOME, 0, N_("top"), N_("To the top")) \
    X(LIST_BOTTOM, KC_CHOOSE | KC_HELP | KC_READ, KEY_END, 0, N_("bottom"), N_("To the bottom")) \
    X(FORM_DONE, KC_FORM, KEY_ESC, KEY_F(10), N_("save"), N_("Save and close the form (an untouched form just closes)")) \
    X(DISCARD,  KC_FORM, KEY_F(8), 0,       N_("discard"), N_("Discard what was typed in the form (asks first)")) \
    X(NEXT_FIELD, KC_FORM, '\t', KEY_DOWN,  N_("next field"), N_("Next field (Down: not inside a text of several lines)")) \
    X(PREV_FIELD, KC_FORM, KEY_BTAB, KEY_UP, N_("previous field"), N_("Previous field (Up: not inside a text of several lines)")) \
    X(LESS,     KC_FORM, KEY_LEFT, 0,       N_("less"),    N_("Lower level, previous option or previous risk")) \
    X(MORE,     KC_FORM, KEY_RIGHT, 0,      N_("more"),    N_("Higher level, next option or next risk")) \
    X(CYCLE,    KC_FORM, ' ', 0,            N_("tick"),    N_("Tick or untick the risk under the cursor; on a level or option, the next one")) \
    X(ACCEPT,   KC_LINE, '\r', KEY_ENTER,   N_("accept"),  N_("Accept what was typed")) \
    X(CONFIRM_YES, KC_DIALOG, 'y', 'Y',     N_("yes"),     N_("Yes, go ahead (a question asked)")) \
    X(CONFIRM_NO, KC_DIALOG, 'n', 'N',      N_("no"),      N_("No, leave things as they are (a question asked)")) \
    X(CANCEL,   KC_CHOOSE | KC_LINE | KC_DIALOG, KEY_ESC, 0, N_("cancel"), N_("Close and change nothing more")) \
    X(CLOSE,    KC_READ, KEY_ESC, 'q',      N_("close"),   N_("Close the text and go back where it was opened"))

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

struct key_context_info {
    unsigned context; /* one KC_* */
    const char *heading;
};
extern const struct key_context_info keys_contexts[];
extern const int keys_ncontexts;

/* The key code the table uses for an input: a KEY_* code (is_key) or a
 * character; characters beyond ASCII are never keys (0). */
int keys_code(wint_t ch, bool is_key);
/* The action bound to a key in a context (global actions apply in every
 * context), or ACT_NONE. Context-specific bindings win over global ones.
 * In a KC_MODAL context no global key applies (every printable key is
 * text in a field). '\n' is Enter, DEL (127) is Backspace. */
enum key_action keys_lookup(int key, unsigned context);
/* The binding of an action. */
const struct key_binding *keys_binding(enum key_action a);
/* "q", "?", "F1", "^L": a key's name for the status bar and help. */
const char *keys_name(int key, char *out, int outsz);
/* "Esc cancel": an action's first key and its label. */
const char *keys_label(enum key_action a, char *out, int outsz);
/* " Enter accept  Esc cancel ": the labels of n actions, for the foot of
 * a dialog or form. */
void keys_line(const enum key_action *acts, int n, char *out, int outsz);
/* "n new  Enter open  ..." for the status bar: the actions of the context
 * (not the global ones, unless globals is set and the context is neither
 * KC_MODAL nor KC_HELP), as many as fit; moving
 * the cursor by a character, row or item is left out. */
void keys_hint(unsigned context, int globals, char *out, int outsz);

#endif
