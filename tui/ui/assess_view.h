/*
 * The assessment screen's state, shared by its parts: scr_assess.c
 * (sections, questions, answer editing), page_risks.c (the risk register,
 * the heat maps and the action plan) and page_signoff.c (the screening
 * outcome and the sign-off).
 */
#ifndef DPIA_ASSESS_VIEW_H
#define DPIA_ASSESS_VIEW_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "core/assess.h"
#include "ops/ops.h"
#include "ui/app.h"
#include "ui/textedit.h"

struct view {
    int64_t id;
    struct assessment *a;
    size_t section;        /* index into a->tmpl->sections */
    int item;              /* index into the section's items (see view_items) */
    bool show_help;
    bool present;          /* presentation: the question alone, large */
    long long typing_at;   /* when a character last looked like typing, in ms */
    /* Answer editing. */
    enum { ED_NONE, ED_TEXT, ED_CHOICE, ED_MULTI, ED_LIST } editing;
    struct textedit te;
    const struct tmpl_question *q; /* the question being edited */
    int opt;               /* option or entry cursor */
    time_t last_save;
    int64_t session;       /* the editing session of the text being typed */
    char *before;          /* its value when the field was opened */
    /* Where the last draw put the text being typed (typed_drawn), so
     * that a key that changes nothing else redraws it alone. */
    int typed_y, typed_x, typed_h, typed_w;
    bool typed_drawn;
    /* Special pages. */
    int row;               /* selected row of a table or list */
    bool map;              /* heat maps in full */
    char title[256];
    /* Live: what other sessions change, and who else has it open. */
    struct ops_live live;
};

/* Draws the screen (assess_draw.c): the sections, the question list,
 * the selected question or page; or, presenting, the question alone. */
void view_draw(struct view *v, struct app *a);
/* The width of the section list: as its names need, within bounds. */
int view_sections_width(const struct view *v);

/* The items of a section: its shown questions, then one special page
 * for screening, risks, measures and sign-off. Returns how many; fills
 * qs (may be NULL) with question pointers, NULL for the page. */
int view_items(struct view *v, size_t section, const struct tmpl_question **qs, int max);
/* The question at the current item, or NULL on a special page. */
const struct tmpl_question *view_question(struct view *v);
/* Goes to a question (its section and item). */
void view_goto_question(struct view *v, const struct tmpl_question *q);
/* Reloads the assessment from the store (after changes made elsewhere). */
void view_reload(struct view *v, struct app *a);
/* Moves the selected row of a page's table (n rows) up or down; at
 * either end the key is left to the screen, which moves between items. */
int view_move_row(struct view *v, enum key_action act, int n);
/* After a save refused with rc: when it was a conflict (the record was
 * changed in another session since it was read), asks whether to
 * replace the other version, reloads, and returns true when the caller
 * should save again (its copy then wins). */
bool view_conflict(struct view *v, struct app *a, int rc, const struct err *e);
/* True when the assessment may not be changed (signed, archived, a
 * read-only database); view_read_only says so in the status bar too. */
bool view_is_read_only(struct view *v, struct app *a);
/* True (with a message) when the assessment may not be changed. */
bool view_read_only(struct view *v, struct app *a);

/* Answering (answer_edit.c). view_save_answer saves value (raw) for q,
 * keeping note (NULL) and flag (-1), and reports problems in the status
 * bar; 0 when saved. view_save_text saves the text being typed (false
 * when that failed; the text stays). view_stop_editing leaves the field
 * (a text that could not be saved keeps it open). view_edit_key handles
 * a key while a field is open; view_start_editing opens the field of q
 * (insert: pasted text to add, or NULL). */
int view_save_answer(struct view *v, struct app *a, const struct tmpl_question *q,
                     const char *value, const char *note, int flagged);
bool view_save_text(struct view *v, struct app *a);
void view_stop_editing(struct view *v, struct app *a);
/* Says in the status bar how q's answer changed from before. */
void view_tell_text_change(struct view *v, struct app *a, const struct tmpl_question *q,
                           const char *before);
int view_edit_key(struct view *v, struct app *a, wint_t ch, bool is_key);
void view_start_editing(struct view *v, struct app *a, const struct tmpl_question *q,
                        const char *insert);
void view_draw_answer(struct view *v, const struct tmpl_question *q, int y, int x, int maxy,
                      int w);
/* A table answer (table_edit.c): its rows with their references and
 * cells in columns fitted to w, drawn from y to maxy (not included);
 * and the editor of its rows, a box over the screen (a adds a row,
 * Enter edits one, D deletes one, Esc goes back), each change saved at
 * once. */
void view_draw_table(struct view *v, const struct tmpl_question *q, int y, int x, int maxy,
                     int w);
void view_edit_table(struct view *v, struct app *a, const struct tmpl_question *q);

/* The special pages: draw in the right pane (y, x, h, w); keys. */
void page_screening_draw(struct view *v, struct app *a, int y, int x, int h, int w);
void page_risks_draw(struct view *v, struct app *a, int y, int x, int h, int w);
/* A new risk or measure started from the catalogue (catalogue_pick.c):
 * the chosen entry copied into *r or *m (a measure linked to the risk
 * chosen for it); false when nothing was chosen. */
bool ui_catalogue_risk(struct app *a, struct risk *r);
bool ui_catalogue_measure(struct app *a, const struct assessment *as, struct measure *m);

int page_risks_key(struct view *v, struct app *a, wint_t ch, bool is_key, enum key_action act);
void page_measures_draw(struct view *v, struct app *a, int y, int x, int h, int w);
int page_measures_key(struct view *v, struct app *a, wint_t ch, bool is_key, enum key_action act);
void page_signoff_draw(struct view *v, struct app *a, int y, int x, int h, int w);
int page_signoff_key(struct view *v, struct app *a, wint_t ch, bool is_key, enum key_action act);
/* The DPO's judgement of the current section, and the contact details
 * of the controller and the DPO: a form each, or the text to read when
 * the assessment may not change (page_judge.c). */
void view_judge(struct view *v, struct app *a);
void view_contacts(struct view *v, struct app *a);
/* Starts a workshop (a form: date, place, agenda, participants) or ends
 * the open one (minutes, open points) (page_workshop.c). */
void view_workshop(struct view *v, struct app *a);
/* People and roles, the review (page_review.c): view_may is true when
 * the rules of roles let the person do act, and otherwise says why in
 * the status bar (the sentence of core/roles.h: the role needed and who
 * holds it). view_review offers the steps of the review the rules allow
 * now (ask the DPO, return with comments, pass to the decision-maker),
 * with a comment, or says why there is none. comments_screen_new shows
 * the comment threads of question q, to comment, reply and resolve
 * (scr_comments.c); members_screen_new the people of the assessment and
 * their roles, which an owner changes (scr_members.c). Both read and
 * change v->a, which stays below them. */
bool view_may(struct view *v, struct app *a, enum role_act act);
/* The DPO's part (act RA_DPO) or the decision (RA_DECIDE), which the
 * person may not record themselves but may record on behalf of whoever
 * may, since they may change the assessment: asks whether to, for whom
 * (when several may) and why. 1 with b's person and reason set (the
 * caller frees them with view_behalf_free); 0 when it is not for them
 * to offer, or they decline; -1 when they leave without a reason (said
 * in the status bar: nothing more to do). b holds nothing but after 1. */
struct view_behalf {
    char *person, *reason;
};
int view_behalf(struct view *v, struct app *a, enum role_act act, struct view_behalf *b);
void view_behalf_free(struct view_behalf *b);
/* b as ops takes it: NULL when b holds nobody. */
const struct ops_behalf *view_behalf_ops(const struct view_behalf *b, struct ops_behalf *out);
void view_review(struct view *v, struct app *a);
struct screen *comments_screen_new(struct app *a, struct view *v,
                                   const struct tmpl_question *q);
struct screen *members_screen_new(struct app *a, struct view *v);
/* Undoes the latest change still standing (undo.c): someone else's
 * only after asking; the status bar says what came back or why not. */
void view_undo(struct view *v, struct app *a);
/* What changed between revision `revision` of assessment id and the one
 * it replaces, in a list to scroll (diff_view.c). */
void ui_diff(struct app *a, int64_t id, int revision);
/* The heat map of the method, before (after=false) or after measures. */
void heatmap_draw(struct view *v, int y, int x, int h, int w, bool after);
int heatmap_width(struct view *v);
int heatmap_height(struct view *v);

#endif
