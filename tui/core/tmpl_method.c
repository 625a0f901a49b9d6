/* The template loader: a risk method (its scales, levels with their
 * acceptance threshold, and matrix) read and checked (core/tmpl_load.h). */
#include "config.h"
#include "core/tmpl_load.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

static int read_scale(struct load *L, const xmlNode *scale, struct tmpl_scale_level *lv,
                      int *count)
{
    *count = 0;
    for (const xmlNode *c = scale->children; c; c = c->next) {
        if (!tl_is_el(c, "level"))
            continue;
        if (*count >= TMPL_MAX_LEVELS)
            return tl_fail_at(L, c, _("a scale has at most %d levels"), TMPL_MAX_LEVELS);
        char *v = tl_attr(c, "value");
        int value = v ? atoi(v) : 0;
        free(v);
        if (value != *count + 1)
            return tl_fail_at(L, c, _("scale levels must be numbered 1, 2, 3... in order; expected %d"),
                           *count + 1);
        lv[*count].value = value;
        /* The name and definition as elements, or the older form: the
         * name an attribute, the definition the text. */
        const xmlNode *nm = tl_first_el(c, "name"), *def = tl_first_el(c, "definition");
        lv[*count].name = nm ? tl_text_of(nm, false) : tl_attr(c, "name");
        if (!lv[*count].name)
            lv[*count].name = xasprintf("%d", value);
        lv[*count].definition = def ? tl_text_of(def, true)
                                    : nm ? xstrdup("") : tl_text_of(c, true);
        (*count)++;
    }
    if (*count < 2)
        return tl_fail_at(L, scale, _("a scale needs at least two levels"));
    return 0;
}

static int level_index(const struct tmpl_method *m, const char *id)
{
    for (int i = 0; i < m->nlevels; i++)
        if (strcmp(m->levels[i].id, id) == 0)
            return i;
    return -1;
}

int tl_read_method(struct load *L, const xmlNode *n, struct tmpl_method *m)
{
    if (!(m->id = tl_need_attr(L, n, "id")))
        return -1;
    m->is_default = tl_attr_is(n, "default", "yes");
    const xmlNode *c;
    if ((c = tl_first_el(n, "name")))
        m->name = tl_text_of(c, false);
    if ((c = tl_first_el(n, "description")))
        m->description = tl_text_of(c, true);
    if (!m->name)
        m->name = xstrdup(m->id);
    const xmlNode *lik = tl_first_el(n, "likelihood"), *sev = tl_first_el(n, "severity");
    const xmlNode *lev = tl_first_el(n, "levels"), *mat = tl_first_el(n, "matrix");
    if (!lik || !sev || !lev || !mat)
        return tl_fail_at(L, n, _("method '%s' needs likelihood, severity, levels and matrix"), m->id);
    if (read_scale(L, lik, m->likelihood, &m->nlikelihood) < 0 ||
        read_scale(L, sev, m->severity, &m->nseverity) < 0)
        return -1;
    for (c = lev->children; c; c = c->next) {
        if (!tl_is_el(c, "level"))
            continue;
        if (m->nlevels >= TMPL_MAX_LEVELS)
            return tl_fail_at(L, c, _("at most %d risk levels"), TMPL_MAX_LEVELS);
        struct tmpl_risk_level *rl = &m->levels[m->nlevels];
        if (!(rl->id = tl_need_attr(L, c, "id")))
            return -1;
        const xmlNode *nm = tl_first_el(c, "name");
        rl->name = nm ? tl_text_of(nm, false) : tl_attr(c, "name");
        if (!rl->name)
            rl->name = xstrdup(rl->id);
        rl->high = tl_attr_is(c, "high", "yes");
        char *acc = tl_attr(c, "acceptable");
        rl->acceptable = acc ? strcmp(acc, "yes") == 0 : !rl->high;
        if (acc)
            m->threshold_declared = true;
        free(acc);
        m->nlevels++;
        if (level_index(m, rl->id) != m->nlevels - 1)
            return tl_fail_at(L, c, _("risk level '%s' is defined twice"), rl->id);
        if (rl->high && rl->acceptable)
            return tl_fail_at(L, c, _("risk level '%s' is high and cannot be acceptable: a high "
                           "residual risk needs prior consultation (Art. 36)"), rl->id);
        if (m->nlevels > 1 && rl->acceptable && !m->levels[m->nlevels - 2].acceptable)
            return tl_fail_at(L, c, _("risk level '%s' is acceptable above '%s', which is not: the "
                           "acceptable levels must be the lowest ones"), rl->id,
                           m->levels[m->nlevels - 2].id);
    }
    if (m->nlevels < 2 || m->nlevels > TMPL_MAX_RISK_LEVELS)
        return tl_fail_at(L, lev, _("method '%s' has %d risk levels; a method needs 2 to %d"), m->id,
                       m->nlevels, TMPL_MAX_RISK_LEVELS);
    bool any_high = false;
    for (int i = 0; i < m->nlevels; i++)
        any_high |= m->levels[i].high;
    if (!any_high)
        return tl_fail_at(L, lev, _("no risk level is marked high=\"yes\" (Art. 36 needs one)"));
    if (!m->levels[0].acceptable)
        return tl_fail_at(L, lev, _("method '%s' has no acceptable risk level: its lowest level "
                       "must be acceptable"), m->id);

    bool seen[TMPL_MAX_LEVELS] = { false };
    for (c = mat->children; c; c = c->next) {
        if (!tl_is_el(c, "row"))
            continue;
        char *v = tl_attr(c, "likelihood");
        int l = v ? atoi(v) : 0;
        free(v);
        if (l < 1 || l > m->nlikelihood)
            return tl_fail_at(L, c, _("matrix row for likelihood %d, which the scale does not have"), l);
        if (seen[l - 1])
            return tl_fail_at(L, c, _("matrix row for likelihood %d given twice"), l);
        seen[l - 1] = true;
        char *cells = tl_text_of(c, false);
        size_t n_ids;
        char **ids = tl_split_words(cells, &n_ids);
        free(cells);
        int rc = 0;
        if ((int)n_ids != m->nseverity)
            rc = tl_fail_at(L, c, _("matrix row for likelihood %d has %zu cells; the severity scale has %d"),
                         l, n_ids, m->nseverity);
        for (size_t s = 0; rc == 0 && s < n_ids; s++) {
            int li = level_index(m, ids[s]);
            if (li < 0)
                rc = tl_fail_at(L, c, _("matrix cell '%s' is not a risk level of method '%s'"), ids[s], m->id);
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
            return tl_fail_at(L, mat, _("the matrix has no row for likelihood %d: it must be complete"), l + 1);
    return 0;
}

/* One <column> of a table question; its table is resolved in
 * check_tables, once every question is known. */
