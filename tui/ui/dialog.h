/*
 * Dialogs: short modal loops drawn over the current screen. Each redraws
 * the screen below on resize, and returns at once (as a cancel) when the
 * program must leave (a->quitting: a signal or the end of input); the
 * caller saves what it holds. Their keys come from the key table
 * (ui/keys.h): KC_DIALOG for a question or a message, KC_LINE and
 * KC_EDIT for a line, KC_EDIT for several lines, KC_CHOOSE for a list;
 * while one is open the status bar lists them, with its mode.
 */
#ifndef DPIA_DIALOG_H
#define DPIA_DIALOG_H

#include <stdbool.h>

#include "ui/app.h"

struct draft;

/* y/n; Esc is no. */
bool dialog_confirm(struct app *a, const char *title, const char *question);
/* Any key closes it. */
void dialog_message(struct app *a, const char *title, const char *text);
/* A form whose save failed (why: the reason; the database replaced,
 * the assessment deleted in another session, a refused value): says so
 * and that the form opens again with what was typed, so that nothing
 * typed is lost to a failed save. False when the program must leave
 * (there is no form to open again). */
bool dialog_save_failed(struct app *a, const char *why);
/* A line of text: Enter (or F10) accepts, Esc cancels (NULL). The caller
 * frees. */
char *dialog_line(struct app *a, const char *title, const char *prompt, const char *initial);
/* A line that is part of an answer (a list entry): like dialog_line,
 * but when the program must leave, what was typed is returned so that
 * the caller can save it. With a draft (ui/draft.h; NULL: none), what
 * is typed is kept while the dialog runs and offered back when it
 * opens; closed by the person, the dialog drops it. */
char *dialog_entry(struct app *a, const char *title, const char *prompt, const char *initial,
                   struct draft *d);
/* Several lines: Esc or F10 accepts (the text is returned even when the
 * program is leaving, so that nothing typed is lost). The caller frees.
 * A draft as for dialog_entry. */
char *dialog_text(struct app *a, const char *title, const char *prompt, const char *initial,
                  struct draft *d);
/* The language an assessment is written in, chosen among those dpia
 * speaks, current highlighted; each says whether template t has its
 * questions in it. Returns "en", "fr" or "de", or NULL on Esc. */
struct tmpl;
const char *dialog_pick_lang(struct app *a, const struct tmpl *t, const char *current);
/* One of n items; details[i] (may be NULL) is shown under the list for
 * the highlighted item. Enter or Space takes it, a digit the item of
 * that place. Returns the index, or -1 on Esc. */
int dialog_pick(struct app *a, const char *title, const char *const *items,
                const char *const *details, int n, int selected);

/* Shared drawing: a framed box on stdscr, cleared inside; returns the
 * inner origin. */
void dialog_frame(int y, int x, int h, int w, const char *title);
/* The rows text takes when word-wrapped to w columns. */
int dialog_text_rows(const char *text, int w);
/* Word-wraps text into the box (y, x, h, w); returns rows used. */
int dialog_wrap(int y, int x, int h, int w, attr_t attr, const char *text);
/* Word-wraps text into the box from wrapped row *top on, for reading
 * a text longer than the box: *top is first kept within the text (so
 * that the box is full when it can be). Returns the rows of the whole
 * text. */
int dialog_wrap_at(int y, int x, int h, int w, attr_t attr, const char *text, int *top);
/* The same from row y down to (not including) maxy; returns the row
 * after the text. */
int dialog_wrap_to(int y, int x, int maxy, int w, attr_t attr, const char *text);

#endif
