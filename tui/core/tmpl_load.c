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

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "core/assess.h"
#include "core/xmlsafe.h"
#include "util/sha256.h"
#include "util/text.h"
#include "util/xalloc.h"

extern const char res_template_rng[];
extern const unsigned long res_template_rng_len;

void tmpl_cleanup_builtin(void);

static xmlRelaxNGPtr schema;

struct load {
    const char *name;
    struct err *e;
    bool failed;
    struct tmpl *t;
};

static int fail_at(struct load *L, const xmlNode *node, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail_at(struct load *L, const xmlNode *node, const char *fmt, ...)
{
    if (L->failed)
        return -1;
    char msg[ERR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long line = node ? xmlGetLineNo(node) : 1;
    err_set(L->e, "%s:%ld: %s", L->name, line > 0 ? line : 1, msg);
    L->failed = true;
    return -1;
}

static xmlRelaxNGPtr get_schema(struct err *e)
{
    if (!schema)
        schema = xmlsafe_schema(res_template_rng, (size_t)res_template_rng_len);
    if (!schema)
        err_set(e, "built-in template schema does not parse");
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

static bool is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, TMPL_NS) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

static char *attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    if (!v)
        return NULL;
    char *s = xstrdup((const char *)v);
    xmlFree(v);
    return s;
}

/* A required attribute: NULL (and the load failed) when missing or empty. */
static char *need_attr(struct load *L, const xmlNode *n, const char *name)
{
    char *v = attr(n, name);
    if (!v || !*v) {
        free(v);
        fail_at(L, n, "<%s> needs the attribute %s", (const char *)n->name, name);
        return NULL;
    }
    return v;
}

static bool attr_is(const xmlNode *n, const char *name, const char *value)
{
    char *v = attr(n, name);
    bool r = v && strcmp(v, value) == 0;
    free(v);
    return r;
}

/* The element's text, white space squeezed (paragraphs kept). */
static char *text_of(const xmlNode *n, bool paragraphs)
{
    xmlChar *v = xmlNodeGetContent(n);
    char *s = text_squeeze(v ? (const char *)v : "", paragraphs);
    xmlFree(v);
    return s;
}

static const xmlNode *first_el(const xmlNode *parent, const char *name)
{
    for (const xmlNode *c = parent->children; c; c = c->next)
        if (is_el(c, name))
            return c;
    return NULL;
}

static char **split_words(const char *s, size_t *n)
{
    char **v = NULL;
    size_t cap = 0;
    *n = 0;
    while (s && *s) {
        while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
            s++;
        const char *w = s;
        while (*s && *s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
            s++;
        if (s > w) {
            v = xgrow(v, &cap, *n + 1, sizeof *v);
            v[(*n)++] = xstrndup(w, (size_t)(s - w));
        }
    }
    return v;
}

/* --- the parts ---------------------------------------------------------- */

static int read_scale(struct load *L, const xmlNode *scale, struct tmpl_scale_level *lv,
                      int *count)
{
    *count = 0;
    for (const xmlNode *c = scale->children; c; c = c->next) {
        if (!is_el(c, "level"))
            continue;
        if (*count >= TMPL_MAX_LEVELS)
            return fail_at(L, c, "a scale has at most %d levels", TMPL_MAX_LEVELS);
        char *v = attr(c, "value");
        int value = v ? atoi(v) : 0;
        free(v);
        if (value != *count + 1)
            return fail_at(L, c, "scale levels must be numbered 1, 2, 3... in order; expected %d",
                           *count + 1);
        lv[*count].value = value;
        lv[*count].name = attr(c, "name");
        if (!lv[*count].name)
            lv[*count].name = xasprintf("%d", value);
        lv[*count].definition = text_of(c, true);
        (*count)++;
    }
    if (*count < 2)
        return fail_at(L, scale, "a scale needs at least two levels");
    return 0;
}

static int level_index(const struct tmpl_method *m, const char *id)
{
    for (int i = 0; i < m->nlevels; i++)
        if (strcmp(m->levels[i].id, id) == 0)
            return i;
    return -1;
}

static int read_method(struct load *L, const xmlNode *n, struct tmpl_method *m)
{
    if (!(m->id = need_attr(L, n, "id")))
        return -1;
    m->is_default = attr_is(n, "default", "yes");
    const xmlNode *c;
    if ((c = first_el(n, "name")))
        m->name = text_of(c, false);
    if ((c = first_el(n, "description")))
        m->description = text_of(c, true);
    if (!m->name)
        m->name = xstrdup(m->id);
    const xmlNode *lik = first_el(n, "likelihood"), *sev = first_el(n, "severity");
    const xmlNode *lev = first_el(n, "levels"), *mat = first_el(n, "matrix");
    if (!lik || !sev || !lev || !mat)
        return fail_at(L, n, "method '%s' needs likelihood, severity, levels and matrix", m->id);
    if (read_scale(L, lik, m->likelihood, &m->nlikelihood) < 0 ||
        read_scale(L, sev, m->severity, &m->nseverity) < 0)
        return -1;
    for (c = lev->children; c; c = c->next) {
        if (!is_el(c, "level"))
            continue;
        if (m->nlevels >= TMPL_MAX_LEVELS)
            return fail_at(L, c, "at most %d risk levels", TMPL_MAX_LEVELS);
        struct tmpl_risk_level *rl = &m->levels[m->nlevels];
        if (!(rl->id = need_attr(L, c, "id")))
            return -1;
        rl->name = attr(c, "name");
        if (!rl->name)
            rl->name = xstrdup(rl->id);
        rl->high = attr_is(c, "high", "yes");
        char *acc = attr(c, "acceptable");
        rl->acceptable = acc ? strcmp(acc, "yes") == 0 : !rl->high;
        if (acc)
            m->threshold_declared = true;
        free(acc);
        m->nlevels++;
        if (level_index(m, rl->id) != m->nlevels - 1)
            return fail_at(L, c, "risk level '%s' is defined twice", rl->id);
        if (rl->high && rl->acceptable)
            return fail_at(L, c, "risk level '%s' is high and cannot be acceptable: a high "
                           "residual risk needs prior consultation (Art. 36)", rl->id);
        if (m->nlevels > 1 && rl->acceptable && !m->levels[m->nlevels - 2].acceptable)
            return fail_at(L, c, "risk level '%s' is acceptable above '%s', which is not: the "
                           "acceptable levels must be the lowest ones", rl->id,
                           m->levels[m->nlevels - 2].id);
    }
    if (m->nlevels < 2 || m->nlevels > TMPL_MAX_RISK_LEVELS)
        return fail_at(L, lev, "method '%s' has %d risk levels; a method needs 2 to %d", m->id,
                       m->nlevels, TMPL_MAX_RISK_LEVELS);
    bool any_high = false;
    for (int i = 0; i < m->nlevels; i++)
        any_high |= m->levels[i].high;
    if (!any_high)
        return fail_at(L, lev, "no risk level is marked high=\"yes\" (Art. 36 needs one)");
    if (!m->levels[0].acceptable)
        return fail_at(L, lev, "method '%s' has no acceptable risk level: its lowest level "
                       "must be acceptable", m->id);

    bool seen[TMPL_MAX_LEVELS] = { false };
    for (c = mat->children; c; c = c->next) {
        if (!is_el(c, "row"))
            continue;
        char *v = attr(c, "likelihood");
        int l = v ? atoi(v) : 0;
        free(v);
        if (l < 1 || l > m->nlikelihood)
            return fail_at(L, c, "matrix row for likelihood %d, which the scale does not have", l);
        if (seen[l - 1])
            return fail_at(L, c, "matrix row for likelihood %d given twice", l);
        seen[l - 1] = true;
        char *cells = text_of(c, false);
        size_t n_ids;
        char **ids = split_words(cells, &n_ids);
        free(cells);
        int rc = 0;
        if ((int)n_ids != m->nseverity)
            rc = fail_at(L, c, "matrix row for likelihood %d has %zu cells; the severity scale has %d",
                         l, n_ids, m->nseverity);
        for (size_t s = 0; rc == 0 && s < n_ids; s++) {
            int li = level_index(m, ids[s]);
            if (li < 0)
                rc = fail_at(L, c, "matrix cell '%s' is not a risk level of method '%s'", ids[s], m->id);
            else
                m->matrix[l - 1][s] = li;
        }
        for (size_t s = 0; s < n_ids; s++)
            free(ids[s]);
        free(ids);
        if (rc < 0)
            return -1;
    }
    for (int l = 0; l < m->nlikelihood; l++)
        if (!seen[l])
            return fail_at(L, mat, "the matrix has no row for likelihood %d: it must be complete", l + 1);
    return 0;
}

/* One <column> of a table question; its table is resolved in
 * check_tables, once every question is known. */
static int read_column(struct load *L, const xmlNode *n, struct tmpl_question *q,
                       struct tmpl_column *col)
{
    col->line = (int)xmlGetLineNo(n);
    if (!(col->id = need_attr(L, n, "id")))
        return -1;
    for (size_t j = 0; j + 1 < q->ncolumns; j++)
        if (strcmp(q->columns[j].id, col->id) == 0)
            return fail_at(L, n, "question '%s': column id '%s' is used twice", q->id, col->id);
    char *type = attr(n, "type");
    col->type = CT_COUNT;
    for (int i = 0; i < CT_COUNT; i++)
        if (type && strcmp(type, tmpl_ctype_name((enum tmpl_ctype)i)) == 0)
            col->type = (enum tmpl_ctype)i;
    if (col->type == CT_COUNT) {
        fail_at(L, n, "question '%s': column '%s' has the unknown type '%s' (text, choice, "
                "yesno, date, ref or refs)", q->id, col->id, type ? type : "");
        free(type);
        return -1;
    }
    free(type);
    col->required = attr_is(n, "required", "yes");
    col->table = attr(n, "table");
    size_t ocap = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        if (is_el(c, "label")) {
            free(col->label);
            col->label = text_of(c, false);
        } else if (is_el(c, "option")) {
            col->options = xgrow(col->options, &ocap, col->noptions + 1, sizeof *col->options);
            struct tmpl_option *o = &col->options[col->noptions++];
            o->value = need_attr(L, c, "value");
            o->label = text_of(c, false);
            if (!o->value)
                return -1;
            for (size_t k = 0; k + 1 < col->noptions; k++)
                if (strcmp(col->options[k].value, o->value) == 0)
                    return fail_at(L, c, "question '%s': column '%s': option '%s' is given twice",
                                   q->id, col->id, o->value);
        } else if (c->type == XML_ELEMENT_NODE) {
            return fail_at(L, c, "question '%s': column '%s': unexpected element <%s>", q->id,
                           col->id, (const char *)c->name);
        }
    }
    if (!col->label || !*col->label)
        return fail_at(L, n, "question '%s': column '%s' has no label", q->id, col->id);
    if (col->type == CT_CHOICE && col->noptions < 2)
        return fail_at(L, n, "question '%s': column '%s' needs at least two options", q->id,
                       col->id);
    if (col->type != CT_CHOICE && col->noptions > 0)
        return fail_at(L, n, "question '%s': column '%s' is %s and cannot have options", q->id,
                       col->id, tmpl_ctype_label(col->type));
    bool refs = col->type == CT_REF || col->type == CT_REFS;
    if (refs && (!col->table || !*col->table))
        return fail_at(L, n, "question '%s': column '%s' is %s and needs table=\"QUESTION-ID\"",
                       q->id, col->id, tmpl_ctype_label(col->type));
    if (!refs && col->table)
        return fail_at(L, n, "question '%s': column '%s': only ref and refs columns name a table",
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
        return fail_at(L, n, "question '%s': prefix '%s' must be one to three capital letters",
                       q->id, p);
    if (strcmp(p, "R") == 0 || strcmp(p, "M") == 0)
        return fail_at(L, n, "question '%s': prefix '%s' is taken: R and M name risks and "
                       "measures", q->id, p);
    return 0;
}

static int read_question(struct load *L, const xmlNode *n, struct tmpl_question *q,
                         size_t section, enum tmpl_kind kind)
{
    struct tmpl *t = L->t;
    q->line = (int)xmlGetLineNo(n);
    q->section = section;
    if (!(q->id = need_attr(L, n, "id")))
        return -1;
    char *type = attr(n, "type");
    q->type = QT_COUNT;
    for (int i = 0; i < QT_COUNT; i++)
        if (type && strcmp(type, tmpl_qtype_name((enum tmpl_qtype)i)) == 0)
            q->type = (enum tmpl_qtype)i;
    if (q->type == QT_COUNT) {
        fail_at(L, n, "question '%s' has the unknown type '%s' (text, yesno, choice, multi, "
                "list, date or table)", q->id, type ? type : "");
        free(type);
        return -1;
    }
    free(type);
    q->required = attr_is(n, "required", "yes");
    char *crit = attr(n, "criterion");
    q->criterion = crit ? atoi(crit) : 0;
    free(crit);
    q->mandatory = attr(n, "mandatory");
    q->implies = attr(n, "implies");
    q->feared_event = attr(n, "feared-event");
    q->prefix = attr(n, "prefix");
    char *role = attr(n, "role");
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
            return fail_at(L, n, "question '%s' has an unknown role", q->id);
    }
    char *covers = attr(n, "covers");
    q->covers = split_words(covers, &q->ncovers);
    free(covers);

    if (tmpl_index_question(t, (size_t)(q - t->questions)) >= 0)
        return fail_at(L, n, "question id '%s' is used twice", q->id);
    if ((q->criterion || q->mandatory) && (kind != SK_SCREENING || q->type != QT_YESNO))
        return fail_at(L, n, "question '%s': criterion and mandatory belong on yes/no questions "
                       "of the screening section", q->id);
    if (q->criterion && (q->criterion < 1 || q->criterion > 9))
        return fail_at(L, n, "question '%s': criterion must be 1 to 9", q->id);
    if (q->implies && q->type != QT_YESNO)
        return fail_at(L, n, "question '%s': implies belongs on yes/no questions", q->id);
    if (q->feared_event) {
        int rt = risk_type_parse(q->feared_event);
        if (kind != SK_RISKS || q->type != QT_TEXT)
            return fail_at(L, n, "question '%s': feared-event belongs on text questions of the "
                           "risks section", q->id);
        if (rt != RT_ACCESS && rt != RT_MODIFICATION && rt != RT_DISAPPEARANCE)
            return fail_at(L, n, "question '%s': feared-event must be illegitimate-access, "
                           "unwanted-modification or disappearance", q->id);
    }

    if (q->type == QT_TABLE) {
        if (!q->prefix)
            return fail_at(L, n, "question '%s' is a table and needs prefix=\"...\" (such as D)",
                           q->id);
        if (check_prefix(L, n, q) < 0)
            return -1;
        for (size_t i = 0; i < (size_t)(q - t->questions); i++)
            if (t->questions[i].prefix && strcmp(t->questions[i].prefix, q->prefix) == 0)
                return fail_at(L, n, "question '%s': prefix '%s' is already the prefix of '%s'",
                               q->id, q->prefix, t->questions[i].id);
        if (q->role != ROLE_Q_NONE)
            return fail_at(L, n, "question '%s': a table question has no role", q->id);
    } else if (q->prefix) {
        return fail_at(L, n, "question '%s': only table questions have a prefix", q->id);
    }

    size_t rcap = 0, ocap = 0, ccap = 0, colcap = 0;
    for (const xmlNode *c = n->children; c; c = c->next) {
        /* A second prompt or help is refused by the schema later; the
         * first must not leak meanwhile. */
        if (is_el(c, "prompt")) {
            free(q->prompt);
            q->prompt = text_of(c, true);
        } else if (is_el(c, "help")) {
            free(q->help);
            q->help = text_of(c, true);
        } else if (is_el(c, "ref")) {
            q->refs = xgrow(q->refs, &rcap, q->nrefs + 1, sizeof *q->refs);
            q->refs[q->nrefs++] = text_of(c, false);
        } else if (is_el(c, "option")) {
            q->options = xgrow(q->options, &ocap, q->noptions + 1, sizeof *q->options);
            struct tmpl_option *o = &q->options[q->noptions++];
            o->value = need_attr(L, c, "value");
            o->label = text_of(c, false);
            if (!o->value)
                return -1;
            if (tmpl_find_option(q, o->value) != o)
                return fail_at(L, c, "question '%s': option '%s' is given twice", q->id, o->value);
        } else if (is_el(c, "column")) {
            if (q->type != QT_TABLE)
                return fail_at(L, c, "question '%s' is %s and cannot have columns", q->id,
                               tmpl_qtype_label(q->type));
            q->columns = xgrow(q->columns, &colcap, q->ncolumns + 1, sizeof *q->columns);
            struct tmpl_column *col = &q->columns[q->ncolumns++];
            memset(col, 0, sizeof *col);
            if (read_column(L, c, q, col) < 0)
                return -1;
        } else if (is_el(c, "condition")) {
            q->conditions = xgrow(q->conditions, &ccap, q->nconditions + 1, sizeof *q->conditions);
            struct tmpl_condition *cd = &q->conditions[q->nconditions++];
            memset(cd, 0, sizeof *cd);
            cd->question = need_attr(L, c, "question");
            cd->value = need_attr(L, c, "value");
            if (!cd->question || !cd->value)
                return -1;
            long qi = tmpl_question_index(t, cd->question);
            if (qi < 0 || qi >= (long)(q - t->questions))
                return fail_at(L, c, "question '%s': condition on '%s', which is not an earlier question",
                               q->id, cd->question);
            cd->qindex = (size_t)qi;
            const struct tmpl_question *target = &t->questions[qi];
            cd->column = attr(c, "column");
            if (cd->column && target->type != QT_TABLE)
                return fail_at(L, c, "question '%s': a condition names column '%s', but '%s' is "
                               "not a table", q->id, cd->column, cd->question);
            if (target->type == QT_TABLE && cd->column) {
                const struct tmpl_column *col = NULL;
                for (size_t k = 0; k < target->ncolumns && !col; k++)
                    if (strcmp(target->columns[k].id, cd->column) == 0)
                        col = &target->columns[k];
                if (!col)
                    return fail_at(L, c, "question '%s': '%s' is not a column of '%s'", q->id,
                                   cd->column, cd->question);
                cd->cindex = (size_t)(col - target->columns);
                if (col->type == CT_YESNO) {
                    if (strcmp(cd->value, "yes") != 0 && strcmp(cd->value, "no") != 0)
                        return fail_at(L, c, "question '%s': condition value '%s' must be yes or no",
                                       q->id, cd->value);
                } else if (col->type == CT_CHOICE) {
                    bool found = false;
                    for (size_t k = 0; k < col->noptions && !found; k++)
                        found = strcmp(col->options[k].value, cd->value) == 0;
                    if (!found)
                        return fail_at(L, c, "question '%s': '%s' is not an option of column '%s' "
                                       "of '%s'", q->id, cd->value, cd->column, cd->question);
                } else {
                    return fail_at(L, c, "question '%s': a condition on a table needs a yes/no or "
                                   "choice column, and '%s' is %s", q->id, cd->column,
                                   tmpl_ctype_label(col->type));
                }
            } else if (target->type == QT_YESNO) {
                if (strcmp(cd->value, "yes") != 0 && strcmp(cd->value, "no") != 0)
                    return fail_at(L, c, "question '%s': condition value '%s' must be yes or no",
                                   q->id, cd->value);
            } else if (target->type == QT_CHOICE || target->type == QT_MULTI) {
                if (!tmpl_find_option(target, cd->value))
                    return fail_at(L, c, "question '%s': '%s' is not an option of '%s'",
                                   q->id, cd->value, cd->question);
            } else if (target->type == QT_TABLE) {
                return fail_at(L, c, "question '%s': a condition on '%s', a table, must name one "
                               "of its columns (column=\"...\"): a table's answer is rows, not "
                               "one value", q->id, cd->question);
            } else {
                return fail_at(L, c, "question '%s': a condition needs a yes/no or choice question, "
                               "and '%s' is %s", q->id, cd->question, tmpl_qtype_label(target->type));
            }
        } else if (c->type == XML_ELEMENT_NODE) {
            return fail_at(L, c, "question '%s': unexpected element <%s>", q->id,
                           (const char *)c->name);
        }
    }
    if (!q->prompt || !*q->prompt)
        return fail_at(L, n, "question '%s' has no prompt", q->id);
    if (q->type == QT_TABLE && q->ncolumns == 0)
        return fail_at(L, n, "question '%s' is a table and needs at least one <column>", q->id);
    bool choices = q->type == QT_CHOICE || q->type == QT_MULTI;
    if (choices && q->noptions < 2)
        return fail_at(L, n, "question '%s' needs at least two options", q->id);
    if (!choices && q->noptions > 0)
        return fail_at(L, n, "question '%s' is %s and cannot have options", q->id,
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
        if (!is_el(sn, "section"))
            continue;
        t->sections = xgrow(t->sections, &scap, t->nsections + 1, sizeof *t->sections);
        size_t si = t->nsections++;
        struct tmpl_section *s = &t->sections[si];
        memset(s, 0, sizeof *s);
        if (!(s->id = need_attr(L, sn, "id")))
            return -1;
        char *kind = attr(sn, "kind");
        s->kind = kind ? parse_kind(kind) : SK_QUESTIONS;
        free(kind);
        if (s->kind == SK_COUNT)
            return fail_at(L, sn, "section '%s' has an unknown kind", s->id);
        for (size_t j = 0; j < si; j++) {
            if (strcmp(t->sections[j].id, s->id) == 0)
                return fail_at(L, sn, "section id '%s' is used twice", s->id);
            if (s->kind != SK_QUESTIONS && t->sections[j].kind == s->kind)
                return fail_at(L, sn, "a template has at most one %s section", tmpl_kind_name(s->kind));
        }
        char *covers = attr(sn, "covers");
        s->covers = split_words(covers, &s->ncovers);
        free(covers);
        const xmlNode *c;
        if ((c = first_el(sn, "title")))
            s->title = text_of(c, false);
        if ((c = first_el(sn, "intro")))
            s->intro = text_of(c, true);
        if (!s->title)
            s->title = xstrdup(s->id);
        s->first = t->nquestions;
        for (c = sn->children; c; c = c->next) {
            if (c->type == XML_ELEMENT_NODE && !is_el(c, "question") && !is_el(c, "title") &&
                !is_el(c, "intro"))
                return fail_at(L, c, "section '%s': unexpected element <%s>", t->sections[si].id,
                               (const char *)c->name);
            if (!is_el(c, "question"))
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
        return fail_at(L, root, "a template needs at least one section");
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
                err_set(L->e, "%s:%d: criterion %d is asked twice (questions '%s' and '%s')",
                        L->name, q->line, q->criterion, t->questions[crit_seen[q->criterion] - 1].id,
                        q->id);
                return L->failed = true, -1;
            }
            crit_seen[q->criterion] = (int)i + 1;
        }
        if (q->role != ROLE_Q_NONE) {
            if (by_role[q->role]) {
                err_set(L->e, "%s:%d: question '%s' repeats the role of '%s'", L->name, q->line,
                        q->id, by_role[q->role]->id);
                return L->failed = true, -1;
            }
            by_role[q->role] = q;
        }
        if (q->implies) {
            const struct tmpl_question *to = tmpl_find_question(t, q->implies);
            if (!to || to->type != QT_YESNO || to == q) {
                err_set(L->e, "%s:%d: question '%s' implies '%s', which is not another yes/no "
                        "question", L->name, q->line, q->id, q->implies);
                return L->failed = true, -1;
            }
        }
        for (size_t c = 0; c < q->ncolumns; c++) {
            struct tmpl_column *col = &t->questions[i].columns[c];
            if (!col->table)
                continue;
            long ti = tmpl_question_index(t, col->table);
            if (ti < 0 || t->questions[ti].type != QT_TABLE) {
                err_set(L->e, "%s:%d: question '%s': column '%s' cites rows of '%s', which is "
                        "not a table question", L->name, col->line, q->id, col->id, col->table);
                return L->failed = true, -1;
            }
            col->tindex = (size_t)ti;
            col->tprefix = xstrdup(t->questions[ti].prefix);
        }
        for (size_t c = 0; c < q->ncovers; c++)
            if (!tmpl_find_coverage(t, q->covers[c])) {
                err_set(L->e, "%s:%d: question '%s' covers '%s', which is not a coverage item",
                        L->name, q->line, q->id, q->covers[c]);
                return L->failed = true, -1;
            }
    }
    const struct tmpl_question *dec = by_role[ROLE_Q_SCREENING_DECISION];
    if (dec && (dec->type != QT_CHOICE || dec->noptions != 2 ||
                !tmpl_find_option(dec, "carry-out") || !tmpl_find_option(dec, "not-carry-out"))) {
        err_set(L->e, "%s:%d: the screening-decision question needs exactly the options "
                "carry-out and not-carry-out", L->name, dec->line);
        return L->failed = true, -1;
    }
    const struct tmpl_question *start = by_role[ROLE_Q_PROCESSING_START];
    if (start && start->type != QT_DATE) {
        err_set(L->e, "%s:%d: the processing-start role belongs on a date question", L->name,
                start->line);
        return L->failed = true, -1;
    }
    for (size_t i = 0; i < t->nsections; i++)
        for (size_t c = 0; c < t->sections[i].ncovers; c++)
            if (!tmpl_find_coverage(t, t->sections[i].covers[c]))
                return fail_at(L, root, "section '%s' covers '%s', which is not a coverage item",
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
            return fail_at(L, root, "coverage item '%s' is covered by no question or section", id);
    }
    return 0;
}

static int build(struct load *L, const xmlNode *root)
{
    struct tmpl *t = L->t;
    if (!(t->id = need_attr(L, root, "id")) || !(t->version = need_attr(L, root, "version")))
        return -1;
    t->lang = attr(root, "lang");
    if (!t->lang)
        t->lang = xstrdup("en");
    const xmlNode *c;
    if ((c = first_el(root, "title")))
        t->title = text_of(c, false);
    if ((c = first_el(root, "description")))
        t->description = text_of(c, true);
    if (!t->title)
        t->title = xstrdup(t->id);
    if (!t->description)
        t->description = xstrdup("");

    size_t mcap = 0;
    int defaults = 0;
    for (c = root->children; c; c = c->next) {
        if (!is_el(c, "method"))
            continue;
        t->methods = xgrow(t->methods, &mcap, t->nmethods + 1, sizeof *t->methods);
        struct tmpl_method *m = &t->methods[t->nmethods++];
        memset(m, 0, sizeof *m);
        if (read_method(L, c, m) < 0)
            return -1;
        if (tmpl_find_method(t, m->id) != m)
            return fail_at(L, c, "method id '%s' is used twice", m->id);
        if (m->is_default) {
            defaults++;
            t->default_method = t->nmethods - 1;
            if (defaults > 1)
                return fail_at(L, c, "only one method may be default=\"yes\"");
        }
    }
    if (t->nmethods == 0)
        return fail_at(L, root, "a template needs a risk method");
    if (defaults == 0 && t->nmethods > 1)
        return fail_at(L, root, "with several methods, one must be default=\"yes\"");

    const xmlNode *cov = first_el(root, "coverage");
    size_t ccap = 0;
    for (c = cov ? cov->children : NULL; c; c = c->next) {
        if (!is_el(c, "item"))
            continue;
        t->coverage = xgrow(t->coverage, &ccap, t->ncoverage + 1, sizeof *t->coverage);
        struct tmpl_coverage_item *it = &t->coverage[t->ncoverage++];
        /* Counted before it is filled: tmpl_free must find NULLs, not
         * garbage, if the item turns out to be invalid. */
        memset(it, 0, sizeof *it);
        if (!(it->id = need_attr(L, c, "id")))
            return -1;
        it->ref = attr(c, "ref");
        it->text = text_of(c, false);
        if (!it->ref)
            it->ref = xstrdup("");
        if (tmpl_find_coverage(t, it->id) != it)
            return fail_at(L, c, "coverage item '%s' is defined twice", it->id);
    }
    /* The groups of measures: ids unique, each with a name. */
    const xmlNode *groups = first_el(root, "measure-groups");
    size_t gcap = 0;
    for (c = groups ? groups->children : NULL; c; c = c->next) {
        if (!is_el(c, "group"))
            continue;
        t->groups = xgrow(t->groups, &gcap, t->ngroups + 1, sizeof *t->groups);
        struct tmpl_group *g = &t->groups[t->ngroups++];
        memset(g, 0, sizeof *g);
        if (!(g->id = need_attr(L, c, "id")))
            return -1;
        g->name = text_of(c, false);
        for (size_t k = 0; k + 1 < t->ngroups; k++)
            if (strcmp(t->groups[k].id, g->id) == 0)
                return fail_at(L, c, "measure group '%s' is defined twice", g->id);
    }
    /* The risk types it declares: ids unique, none a built-in key. */
    const xmlNode *kinds = first_el(root, "risk-types");
    size_t kcap = 0;
    for (c = kinds ? kinds->children : NULL; c; c = c->next) {
        if (!is_el(c, "type"))
            continue;
        t->kinds = xgrow(t->kinds, &kcap, t->nkinds + 1, sizeof *t->kinds);
        struct tmpl_group *k = &t->kinds[t->nkinds++];
        memset(k, 0, sizeof *k);
        if (!(k->id = need_attr(L, c, "id")))
            return -1;
        k->name = text_of(c, false);
        if (risk_type_parse(k->id) >= 0)
            return fail_at(L, c, "risk type '%s' is a built-in type", k->id);
        for (size_t j = 0; j + 1 < t->nkinds; j++)
            if (strcmp(t->kinds[j].id, k->id) == 0)
                return fail_at(L, c, "risk type '%s' is defined twice", k->id);
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

static struct tmpl *parse(const char *buf, size_t len, const char *name, bool with_schema,
                          struct err *e)
{
    struct load L = { name ? name : "template", e, false, NULL };
    if (len > TMPL_MAX_BYTES) {
        err_set(e, "%s:1: the template is larger than %u MiB", L.name, TMPL_MAX_BYTES >> 20);
        return NULL;
    }
    xmlDocPtr doc = xmlsafe_parse(buf, len, L.name, TMPL_MAX_DEPTH, e);
    if (!doc)
        return NULL;
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!is_el(root, "template")) {
        fail_at(&L, root, "not a dpia template (expected <template xmlns=\"%s\">)", TMPL_NS);
        xmlFreeDoc(doc);
        return NULL;
    }
    /* The model's own checks first: their messages are the most precise;
     * the schema then catches anything they do not look at. */
    L.t = xcalloc(1, sizeof *L.t);
    int rc = build(&L, root);
    if (rc == 0 && with_schema)
        rc = validate(&L, doc);
    xmlFreeDoc(doc);
    if (rc < 0) {
        tmpl_free(L.t);
        return NULL;
    }
    sha256_of(buf, len, L.t->digest);
    return L.t;
}

struct tmpl *tmpl_parse(const char *buf, size_t len, const char *name, struct err *e)
{
    return parse(buf, len, name, !is_builtin(buf, len), e);
}

struct tmpl *tmpl_check(const char *buf, size_t len, const char *name, struct err *e)
{
    return parse(buf, len, name, true, e);
}

struct tmpl *tmpl_parse_snapshot(const char *buf, size_t len, const char *name, struct err *e)
{
    return parse(buf, len, name, false, e);
}
