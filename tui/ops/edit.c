/* ops: answers, notes and flags, risks, measures, sign-offs, title and
 * review date: each checked by the workflow rules, then stored. */
#include "config.h"
#include "ops/ops.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "core/answer.h"
#include "core/fields.h"
#include "core/logic.h"
#include "core/roles.h"
#include "core/table.h"
#include "core/textrule.h"
#include "util/i18n.h"
#include "util/buf.h"
#include "util/xalloc.h"
#include "util/i18n.h"

void ops_today(char out[16])
{
    time_t now = time(NULL);
    struct tm tm;
    strftime(out, 16, "%Y-%m-%d", localtime_r(&now, &tm));
}

int ops_date(const char *text, char out[DATE_ISO_SIZE], struct err *e)
{
    char today[16];
    ops_today(today);
    return date_parse(text ? text : "", today, out, e);
}

int64_t ops_edit_session(void)
{
    static int64_t next;
    return ++next;
}

int ops_answer(struct store *s, struct assessment *a, const char *qid, const char *raw,
               const char *note, int flagged, int64_t expected_revision, int64_t session,
               struct err *e)
{
    if (roles_check(a, store_who(s), RA_EDIT, e) < 0)
        return -1;
    const struct tmpl_question *q = tmpl_find_question(a->tmpl, qid);
    if (!q)
        return err_set(e, _("template '%s' has no question '%s'"), a->tmpl->id, qid);
    /* What is given anew is checked; what stays as it was (the value
     * when the note or the flag alone changes) was checked when it was
     * given. */
    const struct answer *was = assess_answer(a, qid);
    if (note && !(was && strcmp(note, was->note) == 0)) {
        char what[256];
        /* TRANSLATORS: %s is a question's id: "the note of scr.project". */
        snprintf(what, sizeof what, _("%s note"), qid);
        if (textrule_check_str(what, note, TK_LINES, e) < 0)
            return -1;
    }
    char *value;
    char iso[DATE_ISO_SIZE];
    if (!raw || !*raw) {
        value = xstrdup("");
    } else if (was && strcmp(raw, was->value) == 0) {
        value = xstrdup(was->value);
    } else if (q->type == QT_DATE) {
        /* The text rule first: the parser quotes what it refuses. */
        value = NULL;
        if (textrule_check_str(q->id, raw, TK_LINES, e) == 0) {
            if (ops_date(raw, iso, e) == 0)
                value = answer_canonical(q, iso, e);
            else
                err_prefix(e, "%s", q->id);
        }
    } else if (q->type == QT_TABLE) {
        /* New rows never take the number of a row this answer removes. */
        value = answer_canonical_over(q, raw, was ? was->value : NULL, e);
    } else {
        value = answer_canonical(q, raw, e);
    }
    if (!value)
        return -1;
    int rc = wf_check_answer(a, q, value, e);
    /* A table's rows may be cited: none may be left pointing nowhere. */
    if (rc == 0)
        rc = table_check_answer(a, q, value, e);
    if (rc == 0) {
        /* Copies: the answer in memory is replaced by the write. */
        const struct answer *old = assess_answer(a, qid);
        char *keep_note = xstrdup(note ? note : old ? old->note : "");
        bool f = flagged >= 0 ? flagged != 0 : old ? old->flagged : false;
        char *id = xstrdup(qid);
        rc = store_set_answer(s, a, id, value, keep_note, f, expected_revision, session, e);
        free(id);
        free(keep_note);
    }
    free(value);
    return rc;
}

int ops_annotate(struct store *s, struct assessment *a, const char *qid, const char *note,
                 int flagged, struct err *e)
{
    const struct answer *old = assess_answer(a, qid);
    char *value = xstrdup(old ? old->value : "");
    int rc = ops_answer(s, a, qid, value, note, flagged, old ? old->revision : 0, 0, e);
    free(value);
    return rc;
}

/* --- table rows ------------------------------------------------------------- */

static const struct tmpl_question *table_question(const struct assessment *a, const char *qid,
                                                  struct err *e)
{
    const struct tmpl_question *q = tmpl_find_question(a->tmpl, qid);
    if (!q) {
        err_set(e, _("template '%s' has no question '%s'"), a->tmpl->id, qid);
        return NULL;
    }
    if (q->type != QT_TABLE) {
        err_set(e, _("%s is not a table question (it is %s)"), qid, tmpl_qtype_label(q->type));
        return NULL;
    }
    return q;
}

int ops_table_row(const struct tmpl_question *q, const char *ref, struct err *e)
{
    const char *p = ref;
    size_t pl = q->prefix ? strlen(q->prefix) : 0;
    if (pl && strncasecmp(p, q->prefix, pl) == 0)
        p += pl;
    int n = 0;
    bool ok = *p >= '1' && *p <= '9' && strlen(p) <= 6;
    for (const char *c = p; ok && *c; c++) {
        ok = *c >= '0' && *c <= '9';
        n = n * 10 + (*c - '0');
    }
    if (!ok)
        return err_set(e, _("'%s' is not a row of %s (its rows are %s1, %s2...)"), ref, q->id,
                       q->prefix, q->prefix);
    return n;
}

/* Sets the cells "COLUMN=VALUE" of row i. */
static int set_cells(struct table *t, size_t i, char *const *cells, size_t n, struct err *e)
{
    const struct tmpl_question *q = t->q;
    for (size_t k = 0; k < n; k++) {
        const char *eq = strchr(cells[k], '=');
        size_t col = q->ncolumns;
        for (size_t c = 0; eq && c < q->ncolumns; c++)
            if (strlen(q->columns[c].id) == (size_t)(eq - cells[k]) &&
                strncmp(q->columns[c].id, cells[k], (size_t)(eq - cells[k])) == 0)
                col = c;
        if (col == q->ncolumns) {
            struct buf cols = {0};
            for (size_t c = 0; c < q->ncolumns; c++)
                buf_printf(&cols, "%s%s", c ? ", " : "", q->columns[c].id);
            err_set(e, _("'%s' is not COLUMN=VALUE with a column of %s (%s)"), cells[k], q->id,
                    buf_str(&cols));
            buf_free(&cols);
            return -1;
        }
        if (table_set_cell(t, i, col, eq + 1, e) < 0)
            return -1;
    }
    return 0;
}

/* Reads the table, lets change() alter it, and answers with the result. */
static int table_change(struct store *s, struct assessment *a, const char *qid,
                        int (*change)(struct table *t, void *ctx, struct err *e), void *ctx,
                        struct err *e)
{
    const struct tmpl_question *q = table_question(a, qid, e);
    if (!q)
        return -1;
    const struct answer *old = assess_answer(a, qid);
    struct table t;
    if (table_parse(q, old ? old->value : "", &t, e) < 0) {
        err_prefix(e, "%s", qid);
        return -1;
    }
    int rc = change(&t, ctx, e);
    if (rc == 0) {
        char *value = table_format(&t);
        rc = ops_answer(s, a, qid, value, NULL, -1, old ? old->revision : 0, 0, e);
        free(value);
    }
    table_free(&t);
    return rc;
}

struct cells_ctx {
    char *const *cells;
    size_t n;
    int number;
};

static int add_row(struct table *t, void *ctx, struct err *e)
{
    struct cells_ctx *c = ctx;
    size_t i = table_add_row(t);
    c->number = t->rows[i].number;
    if (set_cells(t, i, c->cells, c->n, e) < 0)
        return -1;
    for (size_t k = 0; k < t->ncols; k++)
        if (*t->rows[i].cells[k])
            return 0;
    return err_set(e, _("a new row needs at least one cell that is not empty"));
}

static int find_row(const struct table *t, int number, struct err *e)
{
    for (size_t i = 0; i < t->nrows; i++)
        if (t->rows[i].number == number)
            return (int)i;
    char ref[TABLE_PREFIX_MAX + 12];
    table_ref(t->q, number, ref, sizeof ref);
    return err_set(e, _("%s has no row %s"), t->q->id, ref);
}

static int set_row(struct table *t, void *ctx, struct err *e)
{
    struct cells_ctx *c = ctx;
    int i = find_row(t, c->number, e);
    if (i < 0 || set_cells(t, (size_t)i, c->cells, c->n, e) < 0)
        return -1;
    /* A row with every cell empty is dropped: that is a delete, which
     * is asked for as one. */
    for (size_t k = 0; k < t->ncols; k++)
        if (*t->rows[i].cells[k])
            return 0;
    char ref[TABLE_PREFIX_MAX + 12];
    table_ref(t->q, c->number, ref, sizeof ref);
    return err_set(e, _("%s would have no cell left that is not empty; to remove the row, "
                   "delete it"), ref);
}

static int delete_row(struct table *t, void *ctx, struct err *e)
{
    struct cells_ctx *c = ctx;
    int i = find_row(t, c->number, e);
    if (i < 0)
        return -1;
    table_remove_row(t, (size_t)i);
    return 0;
}

int ops_table_add(struct store *s, struct assessment *a, const char *qid, char *const *cells,
                  size_t ncells, int *number, struct err *e)
{
    struct cells_ctx c = { cells, ncells, 0 };
    int rc = table_change(s, a, qid, add_row, &c, e);
    if (rc == 0 && number)
        *number = c.number;
    return rc;
}

int ops_table_set(struct store *s, struct assessment *a, const char *qid, int number,
                  char *const *cells, size_t ncells, struct err *e)
{
    struct cells_ctx c = { cells, ncells, number };
    return table_change(s, a, qid, set_row, &c, e);
}

int ops_table_delete(struct store *s, struct assessment *a, const char *qid, int number,
                     struct err *e)
{
    struct cells_ctx c = { NULL, 0, number };
    return table_change(s, a, qid, delete_row, &c, e);
}

/* The risk or measure of that id in a, NULL when it is new. */
static const struct risk *old_risk(const struct assessment *a, int64_t id)
{
    for (size_t i = 0; id && i < a->nrisks; i++)
        if (a->risks[i].id == id)
            return &a->risks[i];
    return NULL;
}

static const struct measure *old_measure(const struct assessment *a, int64_t id)
{
    for (size_t i = 0; id && i < a->nmeasures; i++)
        if (a->measures[i].id == id)
            return &a->measures[i];
    return NULL;
}

/* The text fields that change (all of them for a new one) against the
 * text rule; "risk R2 title", "risk title" for a new one. */
static int check_texts(const char *kind, char letter, int number, const struct field *f,
                       size_t n, const void *obj, const void *old, struct err *e)
{
    char owner[64];
    if (old)
        snprintf(owner, sizeof owner, "%s %c%d", kind, letter, number);
    else
        snprintf(owner, sizeof owner, "%s", kind);
    return textrule_fields(owner, f, n, obj, old, e);
}

static int check_risk(const struct assessment *a, const struct risk *r, bool update,
                      struct err *e)
{
    if (wf_check_register(a, e) < 0)
        return -1;
    if (!r->title || !*r->title)
        return err_set(e, _("a risk needs a title"));
    const struct risk *old = update ? old_risk(a, r->id) : NULL;
    if (check_texts("risk", 'R', old ? old->number : 0, risk_fields, nrisk_fields, r, old, e) < 0)
        return -1;
    /* The table rows it cites, as fields_concerns writes them (the
     * screens and commands pass what was typed through it first). */
    const char *concerns = r->concerns ? r->concerns : "";
    if (!old || strcmp(concerns, old->concerns ? old->concerns : "") != 0) {
        char *normal = fields_concerns(concerns, e);
        if (!normal)
            return -1;
        bool same = strcmp(normal, concerns) == 0;
        free(normal);
        if (!same)
            return err_set(e, _("the table rows a risk concerns are written as references "
                           "separated by one space, such as 'D1 P2', not '%s'"), concerns);
    }
    /* A type the template declares (one kept from before stays), for a
     * risk of type other only. */
    const char *kind = r->kind ? r->kind : "";
    if (*kind && r->type != RT_OTHER)
        return err_set(e, _("a risk of a type the template declares ('%s') is of type other, "
                       "not '%s': set its type to other or leave the declared type out"),
                       kind, risk_type_label(r->type));
    if ((!old || strcmp(kind, old->kind ? old->kind : "") != 0) &&
        fields_check_kind(a->tmpl, kind, e) < 0)
        return -1;
    /* The table rows it concerns must exist. */
    if (table_check_risk(a, r, e) < 0)
        return -1;
    return logic_check_scores(assess_method(a), r, e);
}

/* A change of the risk register or the action plan: the person's role,
 * then the workflow's rule. */
static int check_register(struct store *s, const struct assessment *a, struct err *e)
{
    return roles_check(a, store_who(s), RA_EDIT, e) < 0 ? -1 : wf_check_register(a, e);
}

int ops_add_risk(struct store *s, struct assessment *a, struct risk *r, struct err *e)
{
    if (roles_check(a, store_who(s), RA_EDIT, e) < 0)
        return -1;
    return check_risk(a, r, false, e) < 0 ? -1 : store_add_risk(s, a, r, e);
}

int ops_update_risk(struct store *s, struct assessment *a, const struct risk *r, struct err *e)
{
    if (roles_check(a, store_who(s), RA_EDIT, e) < 0)
        return -1;
    return check_risk(a, r, true, e) < 0 ? -1 : store_update_risk(s, a, r, e);
}

int ops_delete_risk(struct store *s, struct assessment *a, int64_t risk_id, struct err *e)
{
    return check_register(s, a, e) < 0 ? -1 : store_delete_risk(s, a, risk_id, e);
}

static int check_measure(const struct assessment *a, const struct measure *m, bool update,
                         struct err *e)
{
    if (wf_check_register(a, e) < 0)
        return -1;
    if (!m->title || !*m->title)
        return err_set(e, _("a measure needs a title"));
    const struct measure *old = update ? old_measure(a, m->id) : NULL;
    if (check_texts("measure", 'M', old ? old->number : 0, measure_fields, nmeasure_fields, m,
                    old, e) < 0)
        return -1;
    /* A group the template declares (one kept from before stays). */
    const char *group = m->group ? m->group : "";
    if (!old || strcmp(group, old->group ? old->group : "") != 0)
        return fields_check_group(a->tmpl, group, e);
    return 0;
}

int ops_add_measure(struct store *s, struct assessment *a, struct measure *m, struct err *e)
{
    char iso[DATE_ISO_SIZE];
    if (roles_check(a, store_who(s), RA_EDIT, e) < 0 || check_measure(a, m, false, e) < 0 ||
        ops_date(m->due, iso, e) < 0)
        return -1;
    /* A copy with the date as stored; the store numbers the measure. */
    struct measure copy = *m;
    copy.due = iso;
    int rc = store_add_measure(s, a, &copy, e);
    m->id = copy.id;
    m->number = copy.number;
    return rc;
}

int ops_update_measure(struct store *s, struct assessment *a, const struct measure *m,
                       struct err *e)
{
    char iso[DATE_ISO_SIZE];
    if (roles_check(a, store_who(s), RA_EDIT, e) < 0 || check_measure(a, m, true, e) < 0 ||
        ops_date(m->due, iso, e) < 0)
        return -1;
    struct measure copy = *m;
    copy.due = iso;
    return store_update_measure(s, a, &copy, e);
}

int ops_delete_measure(struct store *s, struct assessment *a, int64_t measure_id,
                       struct err *e)
{
    return check_register(s, a, e) < 0 ? -1 : store_delete_measure(s, a, measure_id, e);
}

int ops_signoff(struct store *s, struct assessment *a, const struct signoff *so, struct err *e)
{
    return ops_signoff_for(s, a, so, NULL, e);
}

int ops_signoff_for(struct store *s, struct assessment *a, const struct signoff *so,
                    const struct ops_behalf *b, struct err *e)
{
    enum role_act act = so->role == SR_DPO ? RA_DPO : RA_EDIT;
    if (ops_check_roles(s, a, act, b, e) < 0 ||
        ops_check_signoff_texts(a, so, e) < 0 || wf_check_signoff(a, so, e) < 0)
        return -1;
    struct signoff copy = *so;
    char iso[DATE_ISO_SIZE];
    if (ops_date(so->date, iso, e) < 0)
        return -1;
    char today[16];
    ops_today(today);
    copy.date = *iso ? iso : today;
    char what[64];
    snprintf(what, sizeof what, "sign-off %s", signoff_role_key(so->role));
    if (store_batch_begin(s, e) < 0)
        return -1;
    /* Who it is recorded for first: a server keeping the roles lets the
     * sign-off in on the strength of it. */
    int rc = ops_record_behalf(s, a, what, act, b, e);
    if (rc == 0)
        rc = store_set_signoff(s, a, &copy, e);
    if (rc < 0) {
        store_batch_end(s, false, NULL);
        return rc;
    }
    return store_batch_end(s, true, e);
}

int ops_check_signoff_texts(const struct assessment *a, const struct signoff *so,
                            struct err *e)
{
    if ((int)so->role < 0 || so->role >= SR_COUNT)
        return 0;
    char owner[64];
    /* TRANSLATORS: %s is a sign-off's role: "dpo", "assessor". */
    snprintf(owner, sizeof owner, _("sign-off %s"), signoff_role_key(so->role));
    return textrule_fields(owner, signoff_fields, nsignoff_fields, so, &a->signoffs[so->role], e);
}

static int check_title(const char *title, struct err *e)
{
    if (!title || !*title)
        return err_set(e, _("an assessment needs a title"));
    return textrule_check_str(_("title"), title, TK_LINE, e);
}

int64_t ops_create(struct store *s, const char *title, const char *template_xml, size_t len,
                   const char *method_id, const char *lang, struct err *e)
{
    if (check_title(title, e) < 0)
        return -1;
    if (!lang || !*lang)
        lang = i18n_ui_lang();
    if (!i18n_known(lang))
        return err_set(e, _("'%s' is not a language dpia speaks (en, fr, de)"), lang);
    return store_create_in(s, title, template_xml, len, method_id, lang, e);
}

int ops_set_lang(struct store *s, struct assessment *a, const char *lang, struct err *e)
{
    if (roles_check(a, store_who(s), RA_EDIT, e) < 0 || wf_check_editable(a, e) < 0)
        return -1;
    if (!lang || !i18n_known(lang))
        return err_set(e, _("'%s' is not a language dpia speaks (en, fr, de)"), lang ? lang : "");
    return store_set_lang(s, a, lang, e);
}

int ops_set_title(struct store *s, struct assessment *a, const char *title, struct err *e)
{
    if (roles_check(a, store_who(s), RA_EDIT, e) < 0 || wf_check_editable(a, e) < 0 || check_title(title, e) < 0)
        return -1;
    return store_set_title(s, a, title, e);
}

int ops_set_review_date(struct store *s, struct assessment *a, const char *date, struct err *e)
{
    if (roles_check(a, store_who(s), RA_EDIT, e) < 0 || wf_check_editable(a, e) < 0)
        return -1;
    char iso[DATE_ISO_SIZE];
    if (ops_date(date, iso, e) < 0)
        return -1;
    return store_set_review_date(s, a, iso, e);
}

int ops_set_controller(struct store *s, struct assessment *a, const char *text, struct err *e)
{
    text = text ? text : "";
    if (roles_check(a, store_who(s), RA_EDIT, e) < 0 || wf_check_editable(a, e) < 0 ||
        textrule_check_str(_("controller"), text, TK_LINES, e) < 0)
        return -1;
    return store_set_controller(s, a, text, e);
}

int ops_set_dpo_contact(struct store *s, struct assessment *a, const char *text, struct err *e)
{
    text = text ? text : "";
    if (roles_check(a, store_who(s), RA_EDIT, e) < 0 || wf_check_editable(a, e) < 0 ||
        textrule_check_str(_("DPO's contact details"), text, TK_LINES, e) < 0)
        return -1;
    return store_set_dpo_contact(s, a, text, e);
}

int ops_judge(struct store *s, struct assessment *a, const struct judgement *j, struct err *e)
{
    return ops_judge_for(s, a, j, NULL, e);
}

int ops_judge_for(struct store *s, struct assessment *a, const struct judgement *j,
                  const struct ops_behalf *b, struct err *e)
{
    if (ops_check_roles(s, a, RA_DPO, b, e) < 0)
        return -1;
    struct judgement copy = *j;
    copy.comment = (char *)(uintptr_t)(j->comment ? j->comment : "");
    copy.name = (char *)(uintptr_t)(j->name && *j->name ? j->name : store_who(s));
    copy.date = (char *)(uintptr_t)(j->date ? j->date : "");
    if (copy.verdict == VD_NONE) {
        copy.comment = copy.name = copy.date = (char *)(uintptr_t)"";
    }
    if (wf_check_judgement(a, &copy, e) < 0 ||
        textrule_check_str(_("judgement comment"), copy.comment, TK_LINES, e) < 0 ||
        textrule_check_str(_("judgement name"), copy.name, TK_LINE, e) < 0)
        return -1;
    char iso[DATE_ISO_SIZE];
    if (ops_date(copy.date, iso, e) < 0)
        return -1;
    char today[16];
    ops_today(today);
    if (copy.verdict != VD_NONE)
        copy.date = *iso ? iso : today;
    char *what = xasprintf("judgement %s", copy.section);
    int rc = store_batch_begin(s, e);
    if (rc == 0 && ((rc = ops_record_behalf(s, a, what, RA_DPO, b, e)) != 0 ||
                    (rc = store_set_judgement(s, a, &copy, e)) != 0))
        store_batch_end(s, false, NULL);
    else if (rc == 0)
        rc = store_batch_end(s, true, e);
    free(what);
    return rc;
}
