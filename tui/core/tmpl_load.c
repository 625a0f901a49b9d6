/*
 * The template loader: parses template XML from memory with libxml2,
 * safely (no network, no DTD at all, no entity expansion, an external
 * entity loader that refuses everything), validates it against the
 * compiled-in RELAX NG schema, then builds the model and checks the
 * rules the schema cannot say. The first problem found is reported as
 * "NAME:LINE: message".
 */
#include "config.h"
#include "core/tmpl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "core/assess.h"
#include "core/tmpl_load.h"
#include "util/i18n.h"
#include "util/buf.h"
#include "core/xmlsafe.h"
#include "util/sha256.h"
#include "util/text.h"
#include "util/xalloc.h"

extern const char res_template_rng[];
extern const unsigned long res_template_rng_len;

void tmpl_cleanup_builtin(void);

static xmlRelaxNGPtr schema;

static xmlRelaxNGPtr get_schema(struct err *e)
{
    if (!schema)
        schema = xmlsafe_schema(res_template_rng, (size_t)res_template_rng_len);
    if (!schema)
        err_set(e, _("built-in template schema does not parse"));
    return schema;
}

void tmpl_cleanup(void)
{
    tmpl_cleanup_builtin();
    if (schema) {
        xmlRelaxNGFree(schema);
        schema = NULL;
    }
}

/* --- reading the tree ------------------------------------------------- */

static int read_column(struct load *L, const xmlNode *n, struct tmpl_question *q,
                       struct tmpl_column *col)
{
    col->line = (int)xmlGetLineNo(n);
    if (!(col->id = tl_need_attr(L, n, "id")))
        return -1;
    for (size_t j = 0; j + 1 < q->ncolumns; j++)
        if (strcmp(q->columns[j].id, col->id) == 0)
            return tl_fail_at(L, n, _("question '%s': column id '%s' is used twice"), q->id, col->id);
    char *type = tl_attr(n, "type");
    col->type = CT_COUNT;
    for (int i = 0; i < CT_COUNT; i++)
        if (type && strcmp(type, tmpl_ctype_name((enum tmpl_ctype)i)) == 0)
            col->type = (enum tmpl_ctype)i;
    if (col->type == CT_COUNT) {
        tl_fail_at(L, n, _("question '%s': column '%s' has the unknown type '%s' (text, choice, "
                "yesno, date, ref or refs)"), q->id, col->id, type ? type : "");
        free(type);
        return -1;
    }
    free(type);
    col->required = tl_attr_is(n, "required", "yes");
    col->table = tl_attr(n, "table");
    size_t ocap = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (tl_is_el(c, "label")) {
            free(col->label);
            col->label = tl_text_of(c, false);
        } else if (tl_is_el(c, "option")) {
            col->options = xgrow(col->options, &ocap, col->noptions + 1, sizeof *col->options);
            struct tmpl_option *o = &col->options[col->noptions++];
            o->value = tl_need_attr(L, c, "value");
            o->label = tl_text_of(c, false);
            if (!o->value)
                return -1;
            for (size_t k = 0; k + 1 < col->noptions; k++)
                if (strcmp(col->options[k].value, o->value) == 0)
                    return tl_fail_at(L, c, _("question '%s': column '%s': option '%s' is given twice"),
                                   q->id, col->id, o->value);
        } else if (c->type == XML_ELEMENT_NODE) {
            return tl_fail_at(L, c, _("question '%s': column '%s': unexpected element <%s>"), q->id,
                           col->id, (const char *)c->name);
        }
    }
    if (!col->label || !*col->label)
        return tl_fail_at(L, n, _("question '%s': column '%s' has no label"), q->id, col->id);
    if (col->type == CT_CHOICE && col->noptions < 2)
        return tl_fail_at(L, n, _("question '%s': column '%s' needs at least two options"), q->id,
                       col->id);
    if (col->type != CT_CHOICE && col->noptions > 0)
        return tl_fail_at(L, n, _("question '%s': column '%s' is %s and cannot have options"), q->id,
                       col->id, tmpl_ctype_label(col->type));
    bool refs = col->type == CT_REF || col->type == CT_REFS;
    if (refs && (!col->table || !*col->table))
        return tl_fail_at(L, n, _("question '%s': column '%s' is %s and needs table=\"QUESTION-ID\""),
                       q->id, col->id, tmpl_ctype_label(col->type));
    if (!refs && col->table)
        return tl_fail_at(L, n, _("question '%s': column '%s': only ref and refs columns name a table"),
                       q->id, col->id);
    return 0;
}

/* A table's row prefix: one to three capital letters, never R or M. */
static int check_prefix(struct load *L, const xmlNode *n, const struct tmpl_question *q)
{
    const char *p = q->prefix;
    size_t len = strlen(p);
    bool ok = len >= 1 && len <= 3;
    for (size_t i = 0; i < len; i++)
        ok &= p[i] >= 'A' && p[i] <= 'Z';
    if (!ok)
        return tl_fail_at(L, n, _("question '%s': prefix '%s' must be one to three capital letters"),
                       q->id, p);
    if (strcmp(p, "R") == 0 || strcmp(p, "M") == 0)
        return tl_fail_at(L, n, _("question '%s': prefix '%s' is taken: R and M name risks and "
                       "measures"), q->id, p);
    return 0;
}

static int read_question(struct load *L, const xmlNode *n, struct tmpl_question *q,
                         size_t section, enum tmpl_kind kind)
{
    struct tmpl *t = L->t;
    q->line = (int)xmlGetLineNo(n);
    q->section = section;
    if (!(q->id = tl_need_attr(L, n, "id")))
        return -1;
    char *type = tl_attr(n, "type");
    q->type = QT_COUNT;
    for (int i = 0; i < QT_COUNT; i++)
        if (type && strcmp(type, tmpl_qtype_name((enum tmpl_qtype)i)) == 0)
            q->type = (enum tmpl_qtype)i;
    if (q->type == QT_COUNT) {
        tl_fail_at(L, n, _("question '%s' has the unknown type '%s' (text, yesno, choice, multi, "
                "list, date or table)"), q->id, type ? type : "");
        free(type);
        return -1;
    }
    free(type);
    q->required = tl_attr_is(n, "required", "yes");
    char *crit = tl_attr(n, "criterion");
    q->criterion = crit ? atoi(crit) : 0;
    free(crit);
    q->mandatory = tl_attr(n, "mandatory");
    q->implies = tl_attr(n, "implies");
    q->feared_event = tl_attr(n, "feared-event");
    q->prefix = tl_attr(n, "prefix");
    char *role = tl_attr(n, "role");
    q->role = ROLE_Q_NONE;
    if (role) {
        static const char *const names[] = {
#define X(name, xml) xml,
            TMPL_ROLES(X)
#undef X
        };
        for (int i = 1; i < ROLE_Q_COUNT; i++)
            if (strcmp(role, names[i]) == 0)
                q->role = (enum tmpl_role)i;
        free(role);
        if (q->role == ROLE_Q_NONE)
            return tl_fail_at(L, n, _("question '%s' has an unknown role"), q->id);
    }
    char *covers = tl_attr(n, "covers");
    q->covers = tl_split_words(covers, &q->ncovers);
    free(covers);

    if (tmpl_index_question(t, (size_t)(q - t->questions)) >= 0)
        return tl_fail_at(L, n, _("question id '%s' is used twice"), q->id);
    const xmlNode *mand = tl_first_el(n, "mandatory");
    if (mand) {
        if (q->mandatory)
            return tl_fail_at(L, mand, _("question '%s': the mandatory ground is given twice"), q->id);
        q->mandatory = tl_text_of(mand, false);
    }
    if ((q->criterion || q->mandatory) && (kind != SK_SCREENING || q->type != QT_YESNO))
        return tl_fail_at(L, n, _("question '%s': criterion and mandatory belong on yes/no questions "
                       "of the screening section"), q->id);
    if (q->criterion && (q->criterion < 1 || q->criterion > 9))
        return tl_fail_at(L, n, _("question '%s': criterion must be 1 to 9"), q->id);
    if (q->implies && q->type != QT_YESNO)
        return tl_fail_at(L, n, _("question '%s': implies belongs on yes/no questions"), q->id);
    if (q->feared_event) {
        int rt = risk_type_parse(q->feared_event);
        if (kind != SK_RISKS || q->type != QT_TEXT)
            return tl_fail_at(L, n, _("question '%s': feared-event belongs on text questions of the "
                           "risks section"), q->id);
        if (rt != RT_ACCESS && rt != RT_MODIFICATION && rt != RT_DISAPPEARANCE)
            return tl_fail_at(L, n, _("question '%s': feared-event must be illegitimate-access, "
                           "unwanted-modification or disappearance"), q->id);
    }

    if (q->type == QT_TABLE) {
        if (!q->prefix)
            return tl_fail_at(L, n, _("question '%s' is a table and needs prefix=\"...\" (such as D)"),
                           q->id);
        if (check_prefix(L, n, q) < 0)
            return -1;
        for (size_t i = 0; i < (size_t)(q - t->questions); i++)
            if (t->questions[i].prefix && strcmp(t->questions[i].prefix, q->prefix) == 0)
                return tl_fail_at(L, n, _("question '%s': prefix '%s' is already the prefix of '%s'"),
                               q->id, q->prefix, t->questions[i].id);
        if (q->role != ROLE_Q_NONE)
            return tl_fail_at(L, n, _("question '%s': a table question has no role"), q->id);
    } else if (q->prefix) {
        return tl_fail_at(L, n, _("question '%s': only table questions have a prefix"), q->id);
    }

    size_t rcap = 0, ocap = 0, ccap = 0, colcap = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        /* A second prompt or help is refused by the schema later; the
         * first must not leak meanwhile. */
        if (tl_is_el(c, "prompt")) {
            free(q->prompt);
            q->prompt = tl_text_of(c, true);
        } else if (tl_is_el(c, "help")) {
            free(q->help);
            q->help = tl_text_of(c, true);
        } else if (tl_is_el(c, "ref")) {
            q->refs = xgrow(q->refs, &rcap, q->nrefs + 1, sizeof *q->refs);
            q->refs[q->nrefs++] = tl_text_of(c, false);
        } else if (tl_is_el(c, "option")) {
            q->options = xgrow(q->options, &ocap, q->noptions + 1, sizeof *q->options);
            struct tmpl_option *o = &q->options[q->noptions++];
            o->value = tl_need_attr(L, c, "value");
            o->label = tl_text_of(c, false);
            if (!o->value)
                return -1;
            if (tmpl_find_option(q, o->value) != o)
                return tl_fail_at(L, c, _("question '%s': option '%s' is given twice"), q->id, o->value);
        } else if (tl_is_el(c, "column")) {
            if (q->type != QT_TABLE)
                return tl_fail_at(L, c, _("question '%s' is %s and cannot have columns"), q->id,
                               tmpl_qtype_label(q->type));
            q->columns = xgrow(q->columns, &colcap, q->ncolumns + 1, sizeof *q->columns);
            struct tmpl_column *col = &q->columns[q->ncolumns++];
            memset(col, 0, sizeof *col);
            if (read_column(L, c, q, col) < 0)
                return -1;
        } else if (tl_is_el(c, "condition")) {
            q->conditions = xgrow(q->conditions, &ccap, q->nconditions + 1, sizeof *q->conditions);
            struct tmpl_condition *cd = &q->conditions[q->nconditions++];
            memset(cd, 0, sizeof *cd);
            cd->question = tl_need_attr(L, c, "question");
            cd->value = tl_need_attr(L, c, "value");
            if (!cd->question || !cd->value)
                return -1;
            long qi = tmpl_question_index(t, cd->question);
            if (qi < 0 || qi >= (long)(q - t->questions))
                return tl_fail_at(L, c, _("question '%s': condition on '%s', which is not an earlier question"),
                               q->id, cd->question);
            cd->qindex = (size_t)qi;
            const struct tmpl_question *target = &t->questions[qi];
            cd->column = tl_attr(c, "column");
            if (cd->column && target->type != QT_TABLE)
                return tl_fail_at(L, c, _("question '%s': a condition names column '%s', but '%s' is "
                               "not a table"), q->id, cd->column, cd->question);
            if (target->type == QT_TABLE && cd->column) {
                const struct tmpl_column *col = NULL;
                for (size_t k = 0; k < target->ncolumns && !col; k++)
                    if (strcmp(target->columns[k].id, cd->column) == 0)
                        col = &target->columns[k];
                if (!col)
                    return tl_fail_at(L, c, _("question '%s': '%s' is not a column of '%s'"), q->id,
                                   cd->column, cd->question);
                cd->cindex = (size_t)(col - target->columns);
                if (col->type == CT_YESNO) {
                    if (strcmp(cd->value, "yes") != 0 && strcmp(cd->value, "no") != 0)
                        return tl_fail_at(L, c, _("question '%s': condition value '%s' must be yes or no"),
                                       q->id, cd->value);
                } else if (col->type == CT_CHOICE) {
                    bool found = false;
                    for (size_t k = 0; k < col->noptions && !found; k++)
                        found = strcmp(col->options[k].value, cd->value) == 0;
                    if (!found)
                        return tl_fail_at(L, c, _("question '%s': '%s' is not an option of column '%s' "
                                       "of '%s'"), q->id, cd->value, cd->column, cd->question);
                } else {
                    return tl_fail_at(L, c, _("question '%s': a condition on a table needs a yes/no or "
                                   "choice column, and '%s' is %s"), q->id, cd->column,
                                   tmpl_ctype_label(col->type));
                }
            } else if (target->type == QT_YESNO) {
                if (strcmp(cd->value, "yes") != 0 && strcmp(cd->value, "no") != 0)
                    return tl_fail_at(L, c, _("question '%s': condition value '%s' must be yes or no"),
                                   q->id, cd->value);
            } else if (target->type == QT_CHOICE || target->type == QT_MULTI) {
                if (!tmpl_find_option(target, cd->value))
                    return tl_fail_at(L, c, _("question '%s': '%s' is not an option of '%s'"),
                                   q->id, cd->value, cd->question);
            } else if (target->type == QT_TABLE) {
                return tl_fail_at(L, c, _("question '%s': a condition on '%s', a table, must name one "
                               "of its columns (column=\"...\"): a table's answer is rows, not "
                               "one value"), q->id, cd->question);
            } else {
                return tl_fail_at(L, c, _("question '%s': a condition needs a yes/no or choice question, "
                               "and '%s' is %s"), q->id, cd->question, tmpl_qtype_label(target->type));
            }
        } else if (c->type == XML_ELEMENT_NODE && !tl_is_el(c, "mandatory")) {
            return tl_fail_at(L, c, _("question '%s': unexpected element <%s>"), q->id,
                           (const char *)c->name);
        }
    }
    if (!q->prompt || !*q->prompt)
        return tl_fail_at(L, n, _("question '%s' has no prompt"), q->id);
    if (q->type == QT_TABLE && q->ncolumns == 0)
        return tl_fail_at(L, n, _("question '%s' is a table and needs at least one <column>"), q->id);
    bool choices = q->type == QT_CHOICE || q->type == QT_MULTI;
    if (choices && q->noptions < 2)
        return tl_fail_at(L, n, _("question '%s' needs at least two options"), q->id);
    if (!choices && q->noptions > 0)
        return tl_fail_at(L, n, _("question '%s' is %s and cannot have options"), q->id,
                       tmpl_qtype_label(q->type));
    return 0;
}

static enum tmpl_kind parse_kind(const char *s)
{
    for (int i = 0; i < SK_COUNT; i++)
        if (strcmp(s, tmpl_kind_name((enum tmpl_kind)i)) == 0)
            return (enum tmpl_kind)i;
    return SK_COUNT;
}

static int read_sections(struct load *L, const xmlNode *root)
{
    struct tmpl *t = L->t;
    size_t scap = 0, qcap = 0;
    for (const xmlNode *sn = root->children; sn; sn = sn->next) {
        if (!tl_is_el(sn, "section"))
            continue;
        t->sections = xgrow(t->sections, &scap, t->nsections + 1, sizeof *t->sections);
        size_t si = t->nsections++;
        struct tmpl_section *s = &t->sections[si];
        memset(s, 0, sizeof *s);
        if (!(s->id = tl_need_attr(L, sn, "id")))
            return -1;
        char *kind = tl_attr(sn, "kind");
        s->kind = kind ? parse_kind(kind) : SK_QUESTIONS;
        free(kind);
        if (s->kind == SK_COUNT)
            return tl_fail_at(L, sn, _("section '%s' has an unknown kind"), s->id);
        for (size_t j = 0; j < si; j++) {
            if (strcmp(t->sections[j].id, s->id) == 0)
                return tl_fail_at(L, sn, _("section id '%s' is used twice"), s->id);
            if (s->kind != SK_QUESTIONS && t->sections[j].kind == s->kind)
                return tl_fail_at(L, sn, _("a template has at most one %s section"), tmpl_kind_name(s->kind));
        }
        char *covers = tl_attr(sn, "covers");
        s->covers = tl_split_words(covers, &s->ncovers);
        free(covers);
        const xmlNode *c;
        if ((c = tl_first_el(sn, "title")))
            s->title = tl_text_of(c, false);
        if ((c = tl_first_el(sn, "intro")))
            s->intro = tl_text_of(c, true);
        if (!s->title)
            s->title = xstrdup(s->id);
        s->first = t->nquestions;
        for (c = sn->children; c; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && !tl_is_el(c, "question") && !tl_is_el(c, "title") &&
                !tl_is_el(c, "intro"))
                return tl_fail_at(L, c, _("section '%s': unexpected element <%s>"), t->sections[si].id,
                               (const char *)c->name);
            if (!tl_is_el(c, "question"))
                continue;
            t->questions = xgrow(t->questions, &qcap, t->nquestions + 1, sizeof *t->questions);
            struct tmpl_question *q = &t->questions[t->nquestions++];
            memset(q, 0, sizeof *q);
            s = &t->sections[si];
            s->count++;
            if (read_question(L, c, q, si, s->kind) < 0)
                return -1;
        }
    }
    if (t->nsections == 0)
        return tl_fail_at(L, root, _("a template needs at least one section"));
    return 0;
}

/* Rules across the whole template. */
static int check_whole(struct load *L, const xmlNode *root)
{
    struct tmpl *t = L->t;
    int crit_seen[10] = { 0 };
    const struct tmpl_question *by_role[ROLE_Q_COUNT] = { NULL };
    for (size_t i = 0; i < t->nquestions; i++) {
        const struct tmpl_question *q = &t->questions[i];
        if (q->criterion) {
            if (crit_seen[q->criterion]) {
                err_set(L->e, _("%s:%d: criterion %d is asked twice (questions '%s' and '%s')"),
                        L->name, q->line, q->criterion, t->questions[crit_seen[q->criterion] - 1].id,
                        q->id);
                return L->failed = true, -1;
            }
            crit_seen[q->criterion] = (int)i + 1;
        }
        if (q->role != ROLE_Q_NONE) {
            if (by_role[q->role]) {
                err_set(L->e, _("%s:%d: question '%s' repeats the role of '%s'"), L->name, q->line,
                        q->id, by_role[q->role]->id);
                return L->failed = true, -1;
            }
            by_role[q->role] = q;
        }
        if (q->implies) {
            const struct tmpl_question *to = tmpl_find_question(t, q->implies);
            if (!to || to->type != QT_YESNO || to == q) {
                err_set(L->e, _("%s:%d: question '%s' implies '%s', which is not another yes/no "
                        "question"), L->name, q->line, q->id, q->implies);
                return L->failed = true, -1;
            }
        }
        for (size_t c = 0; c < q->ncolumns; c++) {
            struct tmpl_column *col = &t->questions[i].columns[c];
            if (!col->table)
                continue;
            long ti = tmpl_question_index(t, col->table);
            if (ti < 0 || t->questions[ti].type != QT_TABLE) {
                err_set(L->e, _("%s:%d: question '%s': column '%s' cites rows of '%s', which is "
                        "not a table question"), L->name, col->line, q->id, col->id, col->table);
                return L->failed = true, -1;
            }
            col->tindex = (size_t)ti;
            col->tprefix = xstrdup(t->questions[ti].prefix);
        }
        for (size_t c = 0; c < q->ncovers; c++)
            if (!tmpl_find_coverage(t, q->covers[c])) {
                err_set(L->e, _("%s:%d: question '%s' covers '%s', which is not a coverage item"),
                        L->name, q->line, q->id, q->covers[c]);
                return L->failed = true, -1;
            }
    }
    const struct tmpl_question *dec = by_role[ROLE_Q_SCREENING_DECISION];
    if (dec && (dec->type != QT_CHOICE || dec->noptions != 2 ||
                !tmpl_find_option(dec, "carry-out") || !tmpl_find_option(dec, "not-carry-out"))) {
        err_set(L->e, _("%s:%d: the screening-decision question needs exactly the options "
                "carry-out and not-carry-out"), L->name, dec->line);
        return L->failed = true, -1;
    }
    const struct tmpl_question *start = by_role[ROLE_Q_PROCESSING_START];
    if (start && start->type != QT_DATE) {
        err_set(L->e, _("%s:%d: the processing-start role belongs on a date question"), L->name,
                start->line);
        return L->failed = true, -1;
    }
    for (size_t i = 0; i < t->nsections; i++)
        for (size_t c = 0; c < t->sections[i].ncovers; c++)
            if (!tmpl_find_coverage(t, t->sections[i].covers[c]))
                return tl_fail_at(L, root, _("section '%s' covers '%s', which is not a coverage item"),
                               t->sections[i].id, t->sections[i].covers[c]);
    /* Every coverage item must be reachable, or it could never be met. */
    for (size_t k = 0; k < t->ncoverage; k++) {
        const char *id = t->coverage[k].id;
        bool found = false;
        for (size_t i = 0; i < t->nquestions && !found; i++)
            for (size_t c = 0; c < t->questions[i].ncovers && !found; c++)
                found = strcmp(t->questions[i].covers[c], id) == 0;
        for (size_t i = 0; i < t->nsections && !found; i++)
            for (size_t c = 0; c < t->sections[i].ncovers && !found; c++)
                found = strcmp(t->sections[i].covers[c], id) == 0;
        if (!found)
            return tl_fail_at(L, root, _("coverage item '%s' is covered by no question or section"), id);
    }
    return 0;
}

static int build(struct load *L, const xmlNode *root)
{
    struct tmpl *t = L->t;
    if (!(t->id = tl_need_attr(L, root, "id")) || !(t->version = tl_need_attr(L, root, "version")))
        return -1;
    t->lang = tl_attr(root, "lang");
    if (!t->lang)
        t->lang = xstrdup("en");
    const xmlNode *c;
    if ((c = tl_first_el(root, "title")))
        t->title = tl_text_of(c, false);
    if ((c = tl_first_el(root, "description")))
        t->description = tl_text_of(c, true);
    if (!t->title)
        t->title = xstrdup(t->id);
    if (!t->description)
        t->description = xstrdup("");

    size_t mcap = 0;
    int defaults = 0;
    for (c = root->children; c; c = c->next) {
        if (!tl_is_el(c, "method"))
            continue;
        t->methods = xgrow(t->methods, &mcap, t->nmethods + 1, sizeof *t->methods);
        struct tmpl_method *m = &t->methods[t->nmethods++];
        memset(m, 0, sizeof *m);
        if (tl_read_method(L, c, m) < 0)
            return -1;
        if (tmpl_find_method(t, m->id) != m)
            return tl_fail_at(L, c, _("method id '%s' is used twice"), m->id);
        if (m->is_default) {
            defaults++;
            t->default_method = t->nmethods - 1;
            if (defaults > 1)
                return tl_fail_at(L, c, _("only one method may be default=\"yes\""));
        }
    }
    if (t->nmethods == 0)
        return tl_fail_at(L, root, _("a template needs a risk method"));
    if (defaults == 0 && t->nmethods > 1)
        return tl_fail_at(L, root, _("with several methods, one must be default=\"yes\""));

    const xmlNode *cov = tl_first_el(root, "coverage");
    size_t ccap = 0;
    for (c = cov ? cov->children : NULL; c; c = c->next) {
        if (!tl_is_el(c, "item"))
            continue;
        t->coverage = xgrow(t->coverage, &ccap, t->ncoverage + 1, sizeof *t->coverage);
        struct tmpl_coverage_item *it = &t->coverage[t->ncoverage++];
        /* Counted before it is filled: tmpl_free must find NULLs, not
         * garbage, if the item turns out to be invalid. */
        memset(it, 0, sizeof *it);
        if (!(it->id = tl_need_attr(L, c, "id")))
            return -1;
        /* The text and reference as elements, or the older form: the
         * reference an attribute, the text the content. */
        const xmlNode *tx = tl_first_el(c, "text"), *rf = tl_first_el(c, "ref");
        it->ref = rf ? tl_text_of(rf, false) : tl_attr(c, "ref");
        it->text = tl_text_of(tx ? tx : c, false);
        if (!it->ref)
            it->ref = xstrdup("");
        if (tmpl_find_coverage(t, it->id) != it)
            return tl_fail_at(L, c, _("coverage item '%s' is defined twice"), it->id);
    }
    /* The groups of measures: ids unique, each with a name. */
    const xmlNode *groups = tl_first_el(root, "measure-groups");
    size_t gcap = 0;
    for (c = groups ? groups->children : NULL; c; c = c->next) {
        if (!tl_is_el(c, "group"))
            continue;
        t->groups = xgrow(t->groups, &gcap, t->ngroups + 1, sizeof *t->groups);
        struct tmpl_group *g = &t->groups[t->ngroups++];
        memset(g, 0, sizeof *g);
        if (!(g->id = tl_need_attr(L, c, "id")))
            return -1;
        g->name = tl_text_of(c, false);
        for (size_t k = 0; k + 1 < t->ngroups; k++)
            if (strcmp(t->groups[k].id, g->id) == 0)
                return tl_fail_at(L, c, _("measure group '%s' is defined twice"), g->id);
    }
    /* The risk types it declares: ids unique, none a built-in key. */
    const xmlNode *kinds = tl_first_el(root, "risk-types");
    size_t kcap = 0;
    for (c = kinds ? kinds->children : NULL; c; c = c->next) {
        if (!tl_is_el(c, "type"))
            continue;
        t->kinds = xgrow(t->kinds, &kcap, t->nkinds + 1, sizeof *t->kinds);
        struct tmpl_group *k = &t->kinds[t->nkinds++];
        memset(k, 0, sizeof *k);
        if (!(k->id = tl_need_attr(L, c, "id")))
            return -1;
        k->name = tl_text_of(c, false);
        if (risk_type_parse(k->id) >= 0)
            return tl_fail_at(L, c, _("risk type '%s' is a built-in type"), k->id);
        for (size_t j = 0; j + 1 < t->nkinds; j++)
            if (strcmp(t->kinds[j].id, k->id) == 0)
                return tl_fail_at(L, c, _("risk type '%s' is defined twice"), k->id);
    }
    if (read_sections(L, root) < 0)
        return -1;
    return check_whole(L, root);
}

/* --- validation against the schema ------------------------------------- */

static int validate(struct load *L, xmlDocPtr doc)
{
    xmlRelaxNGPtr rng = get_schema(L->e);
    if (!rng || xmlsafe_validate(doc, rng, L->name, "template", L->e) < 0) {
        L->failed = true;
        return -1;
    }
    return 0;
}

/* The bytes of a built-in template, which the tests validate against
 * the schema (tmpl_check): a snapshot equal to one need not be validated
 * again, a quarter of the time it takes to open an assessment. */
static bool is_builtin(const char *buf, size_t len)
{
    for (size_t i = 0; i < tmpl_builtin_count(); i++) {
        size_t blen;
        const char *b = tmpl_builtin_xml_at(i, &blen, NULL);
        if (len == blen && memcmp(buf, b, len) == 0)
            return true;
    }
    return false;
}

static struct tmpl *parse(const char *buf, size_t len, const char *name, const char *lang,
                          bool with_schema, struct err *e)
{
    struct load L = { name ? name : "template", e, false, NULL };
    if (len > TMPL_MAX_BYTES) {
        err_set(e, _("%s:1: the template is larger than %u MiB"), L.name, TMPL_MAX_BYTES >> 20);
        return NULL;
    }
    xmlDocPtr doc = xmlsafe_parse(buf, len, L.name, TMPL_MAX_DEPTH, e);
    if (!doc)
        return NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!tl_is_el(root, "template")) {
        tl_fail_at(&L, root, _("not a dpia template (expected <template xmlns=\"%s\">)"), TMPL_NS);
        xmlFreeDoc(doc);
        return NULL;
    }
    /* The model's own checks first: their messages are the most precise;
     * the schema then catches anything they do not look at. */
    L.t = xcalloc(1, sizeof *L.t);
    bool chosen = false;
    int rc = tl_select_lang(&L, root, lang, &L.t->langs, &chosen);
    if (rc == 0)
        rc = build(&L, root);
    if (rc == 0 && with_schema)
        rc = validate(&L, doc);
    xmlFreeDoc(doc);
    if (rc < 0) {
        tmpl_free(L.t);
        return NULL;
    }
    L.t->own_lang = xstrdup(L.t->lang);
    if (chosen) {
        free(L.t->lang);
        L.t->lang = xstrdup(lang);
    }
    sha256_of(buf, len, L.t->digest);
    return L.t;
}

struct tmpl *tmpl_parse_in(const char *buf, size_t len, const char *name, const char *lang,
                           struct err *e)
{
    return parse(buf, len, name, lang, !is_builtin(buf, len), e);
}

struct tmpl *tmpl_check_in(const char *buf, size_t len, const char *name, const char *lang,
                           struct err *e)
{
    return parse(buf, len, name, lang, true, e);
}

struct tmpl *tmpl_parse_snapshot_in(const char *buf, size_t len, const char *name,
                                    const char *lang, struct err *e)
{
    return parse(buf, len, name, lang, false, e);
}

struct tmpl *tmpl_parse(const char *buf, size_t len, const char *name, struct err *e)
{
    return tmpl_parse_in(buf, len, name, NULL, e);
}

struct tmpl *tmpl_check(const char *buf, size_t len, const char *name, struct err *e)
{
    return tmpl_check_in(buf, len, name, NULL, e);
}

long tmpl_untranslated(const char *buf, size_t len, const char *name, struct buf *out,
                       struct err *e)
{
    struct load L = { name ? name : "template", e, false, NULL };
    xmlDocPtr doc = xmlsafe_parse(buf, len, L.name, TMPL_MAX_DEPTH, e);
    if (!doc)
        return -1;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    char *langs = NULL;
    bool chosen;
    long n = -1;
    /* The languages first (and the translations' own checks), on a copy:
     * choosing a language changes the tree. */
    xmlDocPtr copy = xmlCopyDoc(doc, 1);
    if (copy && tl_select_lang(&L, xmlDocGetRootElement(copy), NULL, &langs, &chosen) == 0)
        n = (long) tl_untranslated(&L, root, langs, out);
    else if (!copy)
        err_set(e, _("%s: out of memory"), L.name);
    xmlFreeDoc(copy);
    xmlFreeDoc(doc);
    free(langs);
    return n;
}

struct tmpl *tmpl_parse_snapshot(const char *buf, size_t len, const char *name, struct err *e)
{
    return tmpl_parse_snapshot_in(buf, len, name, NULL, e);
}
