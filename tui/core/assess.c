/* The assessment model: names of its enumerations, lookups, freeing. */
#include "config.h"
#include "core/assess.h"
#include "core/fields.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/diff.h"
#include "core/logic.h"
#include "core/roles.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* One table per enumeration: key (stored, exported) and label (shown,
 * translated when asked for). */
#define TABLE(prefix, LIST, COUNT)                                         \
    static const char *const prefix##_keys[] = {                           \
        LIST(KEY_OF)                                                       \
    };                                                                     \
    static const char *const prefix##_labels[] = {                         \
        LIST(LABEL_OF)                                                     \
    };                                                                     \
    static int prefix##_parse_any(const char *key)                         \
    {                                                                      \
        for (int i = 0; key && i < (COUNT); i++)                           \
            if (strcmp(prefix##_keys[i], key) == 0)                        \
                return i;                                                  \
        return -1;                                                         \
    }
#define KEY_OF(name, key, label) key,
#define LABEL_OF(name, key, label) label,

TABLE(status, ASSESS_STATUSES, ST_COUNT)
TABLE(mstatus, MEASURE_STATUSES, MS_COUNT)
TABLE(mtype, MEASURE_TYPES, MT_COUNT)
TABLE(rtype, RISK_TYPES, RT_COUNT)
TABLE(role, SIGNOFF_ROLES, SR_COUNT)
TABLE(decision, DECISIONS, DEC_COUNT)
TABLE(verdict, VERDICTS, VD_COUNT)

#define GETTERS(prefix, fn, type, COUNT)                                   \
    const char *fn##_key(type v)                                           \
    {                                                                      \
        return (unsigned)v < (COUNT) ? prefix##_keys[v] : "";              \
    }                                                                      \
    const char *fn##_label(type v)                                         \
    {                                                                      \
        return (unsigned)v < (COUNT) ? _(prefix##_labels[v]) : "";            \
    }                                                                      \
    int fn##_parse(const char *key)                                        \
    {                                                                      \
        return prefix##_parse_any(key);                                    \
    }

GETTERS(status, assess_status, enum assess_status, ST_COUNT)
GETTERS(mstatus, measure_status, enum measure_status, MS_COUNT)
GETTERS(mtype, measure_type, enum measure_type, MT_COUNT)
GETTERS(rtype, risk_type, enum risk_type, RT_COUNT)
GETTERS(role, signoff_role, enum signoff_role, SR_COUNT)
GETTERS(decision, decision, enum decision, DEC_COUNT)
GETTERS(verdict, verdict, enum verdict, VD_COUNT)

/* A sign-off of role r with nothing recorded (so holds nothing to free). */
static void signoff_blank(struct signoff *so, enum signoff_role r)
{
    memset(so, 0, sizeof *so);
    so->role = r;
    so->name = xstrdup("");
    so->position = xstrdup("");
    so->date = xstrdup("");
    so->advice = xstrdup("");
    so->why_not = xstrdup("");
    so->acknowledged = xstrdup("");
    so->advice_followed = -1;
}

struct assessment *assess_new(void)
{
    struct assessment *a = xcalloc(1, sizeof *a);
    a->title = xstrdup("");
    a->method = xstrdup("");
    a->review_date = xstrdup("");
    a->replaces_date = xstrdup("");
    a->controller = xstrdup("");
    a->dpo_contact = xstrdup("");
    a->lang = xstrdup("en");
    a->revision = 1;
    a->archived_from = ST_DRAFT;
    for (int r = 0; r < SR_COUNT; r++)
        signoff_blank(&a->signoffs[r], (enum signoff_role)r);
    return a;
}

void assess_clear_content(struct assessment *a)
{
    for (size_t i = 0; i < a->nanswers; i++) {
        free(a->answers[i].question);
        free(a->answers[i].value);
        free(a->answers[i].note);
        free(a->answers[i].who);
    }
    XFREE(a->answers);
    a->nanswers = a->answers_cap = 0;
    XFREE(a->answer_slots);
    a->answer_nslots = a->index_n = 0;
    a->index_base = NULL;
    for (size_t i = 0; i < a->nrisks; i++)
        assess_risk_clear(&a->risks[i]);
    XFREE(a->risks);
    a->nrisks = 0;
    for (size_t i = 0; i < a->nmeasures; i++)
        assess_measure_clear(&a->measures[i]);
    XFREE(a->measures);
    a->nmeasures = 0;
    for (int r = 0; r < SR_COUNT; r++) {
        assess_signoff_clear(&a->signoffs[r]);
        signoff_blank(&a->signoffs[r], (enum signoff_role)r);
    }
    assess_clear_judgements(a);
    assess_clear_workshops(a);
    roles_clear(a);
    logic_forget(a);
}

static char *dup0(const char *s)
{
    return xstrdup(s ? s : "");
}

/* The text fields are the field tables' (core/fields.h): a new one is
 * copied and freed without a line here. */
void assess_risk_copy(struct risk *dst, const struct risk *src)
{
    *dst = *src;
    fields_copy_texts(risk_fields, nrisk_fields, dst, src);
}

void assess_risk_clear(struct risk *r)
{
    fields_clear_texts(risk_fields, nrisk_fields, r);
}

void assess_measure_copy(struct measure *dst, const struct measure *src)
{
    *dst = *src;
    fields_copy_texts(measure_fields, nmeasure_fields, dst, src);
    dst->risks = xcalloc(src->nrisks + 1, sizeof *dst->risks);
    if (src->nrisks)
        memcpy(dst->risks, src->risks, src->nrisks * sizeof *dst->risks);
}

void assess_measure_clear(struct measure *m)
{
    fields_clear_texts(measure_fields, nmeasure_fields, m);
    XFREE(m->risks);
    m->nrisks = 0;
}

void assess_signoff_copy(struct signoff *dst, const struct signoff *src)
{
    *dst = *src;
    fields_copy_texts(signoff_fields, nsignoff_fields, dst, src);
}

void assess_signoff_clear(struct signoff *so)
{
    fields_clear_texts(signoff_fields, nsignoff_fields, so);
}

void assess_free(struct assessment *a)
{
    if (!a)
        return;
    free(a->title);
    free(a->method);
    free(a->review_date);
    free(a->replaces_date);
    free(a->controller);
    free(a->dpo_contact);
    free(a->lang);
    if (a->since) {
        diff_free(a->since);
        free(a->since);
    }
    tmpl_free(a->tmpl);
    for (size_t i = 0; i < a->nanswers; i++) {
        free(a->answers[i].question);
        free(a->answers[i].value);
        free(a->answers[i].note);
        free(a->answers[i].who);
    }
    free(a->answers);
    free(a->answer_slots);
    logic_cache_free(a->logic);
    for (size_t i = 0; i < a->nrisks; i++)
        assess_risk_clear(&a->risks[i]);
    free(a->risks);
    for (size_t i = 0; i < a->nmeasures; i++)
        assess_measure_clear(&a->measures[i]);
    free(a->measures);
    for (size_t i = 0; i < a->nhistory; i++) {
        free(a->history[i].who);
        free(a->history[i].what);
        free(a->history[i].old_value);
        free(a->history[i].new_value);
    }
    free(a->history);
    for (int r = 0; r < SR_COUNT; r++)
        assess_signoff_clear(&a->signoffs[r]);
    assess_clear_judgements(a);
    assess_clear_workshops(a);
    roles_clear(a);
    free(a);
}

/* --- workshops ------------------------------------------------------------- */

void assess_workshop_clear(struct workshop *w)
{
    free(w->date);
    free(w->place);
    free(w->agenda);
    free(w->minutes);
    free(w->who);
    for (size_t i = 0; i < w->nparticipants; i++) {
        free(w->participants[i].name);
        free(w->participants[i].role);
        free(w->participants[i].organisation);
    }
    free(w->participants);
    for (size_t i = 0; i < w->npoints; i++) {
        free(w->points[i].text);
        free(w->points[i].who);
    }
    free(w->points);
    for (size_t i = 0; i < w->nsettled; i++)
        free(w->settled[i]);
    free(w->settled);
    memset(w, 0, sizeof *w);
}

void assess_add_workshop(struct assessment *a, struct workshop *w)
{
    a->workshops = xrealloc(a->workshops, (a->nworkshops + 1) * sizeof *a->workshops);
    a->workshops[a->nworkshops++] = *w;
    memset(w, 0, sizeof *w);
}

void assess_clear_workshops(struct assessment *a)
{
    for (size_t i = 0; i < a->nworkshops; i++)
        assess_workshop_clear(&a->workshops[i]);
    XFREE(a->workshops);
    a->nworkshops = 0;
}

const struct workshop *assess_open_workshop(const struct assessment *a)
{
    for (size_t i = 0; i < a->nworkshops; i++)
        if (a->workshops[i].ended == 0)
            return &a->workshops[i];
    return NULL;
}

/* --- judgements ------------------------------------------------------------ */

void assess_judgement_copy(struct judgement *dst, const struct judgement *src)
{
    *dst = *src;
    dst->section = dup0(src->section);
    dst->comment = dup0(src->comment);
    dst->name = dup0(src->name);
    dst->date = dup0(src->date);
}

void assess_judgement_clear(struct judgement *j)
{
    XFREE(j->section);
    XFREE(j->comment);
    XFREE(j->name);
    XFREE(j->date);
}

const struct judgement *assess_judgement(const struct assessment *a, const char *section)
{
    for (size_t i = 0; section && i < a->njudgements; i++)
        if (strcmp(a->judgements[i].section, section) == 0)
            return &a->judgements[i];
    return NULL;
}

void assess_set_judgement(struct assessment *a, const struct judgement *j)
{
    struct judgement copy;
    assess_judgement_copy(&copy, j);
    size_t i = 0;
    while (i < a->njudgements && strcmp(a->judgements[i].section, copy.section) != 0)
        i++;
    if (i < a->njudgements) {
        assess_judgement_clear(&a->judgements[i]);
        if (copy.verdict != VD_NONE) {
            a->judgements[i] = copy;
            return;
        }
        memmove(&a->judgements[i], &a->judgements[i + 1],
                (a->njudgements - i - 1) * sizeof *a->judgements);
        a->njudgements--;
    } else if (copy.verdict != VD_NONE) {
        a->judgements = xrealloc(a->judgements, (a->njudgements + 1) * sizeof *a->judgements);
        a->judgements[a->njudgements++] = copy;
        return;
    }
    assess_judgement_clear(&copy);
}

void assess_clear_judgements(struct assessment *a)
{
    for (size_t i = 0; i < a->njudgements; i++)
        assess_judgement_clear(&a->judgements[i]);
    XFREE(a->judgements);
    a->njudgements = 0;
}

char *assess_judgement_text(const struct judgement *j)
{
    if (!j || j->verdict == VD_NONE)
        return xstrdup("");
    if (!j->comment || !*j->comment)
        return xstrdup(verdict_key(j->verdict));
    return xasprintf("%s: %s", verdict_key(j->verdict), j->comment);
}

/* --- the answers by question id ---------------------------------------- */

static size_t hash_id(const char *s)
{
    uint64_t h = 1469598103934665603ULL; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211ULL;
    return (size_t)(h ^ (h >> 29));
}

/* Puts answer i into the table (slots hold index + 1, 0 is free). */
static void slot_put(struct assessment *a, size_t i)
{
    size_t mask = a->answer_nslots - 1;
    for (size_t k = hash_id(a->answers[i].question) & mask;; k = (k + 1) & mask)
        if (a->answer_slots[k] == 0) {
            a->answer_slots[k] = i + 1;
            return;
        }
}

/* A table for n answers (at most half full), with every answer in it. */
static void index_build(struct assessment *a, size_t n)
{
    size_t want = 16;
    while (want < 2 * n)
        want *= 2;
    if (want != a->answer_nslots) {
        free(a->answer_slots);
        a->answer_slots = xcalloc(want, sizeof *a->answer_slots);
        a->answer_nslots = want;
    } else {
        memset(a->answer_slots, 0, want * sizeof *a->answer_slots);
    }
    for (size_t i = 0; i < a->nanswers; i++)
        slot_put(a, i);
    a->index_base = a->answers;
    a->index_n = a->nanswers;
}

/* The table agrees with the array; rebuilt when the array was changed
 * behind assess_set_answer's back (when its room is not known either). */
static void index_check(struct assessment *a)
{
    if (a->index_base == a->answers && a->index_n == a->nanswers && a->answer_nslots)
        return;
    a->answers_cap = a->nanswers;
    index_build(a, a->nanswers);
}

const struct answer *assess_answer(const struct assessment *a, const char *qid)
{
    if (a->nanswers == 0)
        return NULL;
    struct assessment *m = (struct assessment *)a; /* the cache only */
    index_check(m);
    size_t mask = a->answer_nslots - 1;
    for (size_t k = hash_id(qid) & mask;; k = (k + 1) & mask) {
        size_t i = a->answer_slots[k];
        if (i == 0)
            return NULL;
        if (strcmp(a->answers[i - 1].question, qid) == 0)
            return &a->answers[i - 1];
    }
}

const char *assess_value(const struct assessment *a, const char *qid)
{
    const struct answer *an = assess_answer(a, qid);
    return an && an->value && *an->value ? an->value : NULL;
}

struct answer *assess_set_answer(struct assessment *a, const char *qid, const char *value)
{
    char *copy = xstrdup(value ? value : ""); /* value may be the one replaced */
    index_check(a);
    struct answer *an = (struct answer *)assess_answer(a, qid);
    const struct answer *base = a->answers;
    size_t n = a->nanswers;
    if (!an) {
        if (a->nanswers == a->answers_cap) {
            a->answers_cap = a->answers_cap < 8 ? 16 : 2 * a->answers_cap;
            a->answers = xrealloc(a->answers, a->answers_cap * sizeof *a->answers);
        }
        an = &a->answers[a->nanswers++];
        memset(an, 0, sizeof *an);
        an->question = xstrdup(qid);
        an->note = xstrdup("");
        an->who = xstrdup("");
        if (2 * a->nanswers > a->answer_nslots) {
            index_build(a, a->answers_cap);
        } else {
            slot_put(a, a->nanswers - 1);
            a->index_base = a->answers;
            a->index_n = a->nanswers;
        }
    } else {
        free(an->value);
    }
    an->value = copy;
    logic_note_answer(a, qid, base, n);
    return an;
}

void assess_add_change(struct assessment *a, int64_t when, const char *who, const char *what,
                       const char *old_value, const char *new_value)
{
    if (a->nhistory >= a->history_cap) {
        a->history_cap = a->nhistory < 8 ? 16 : 2 * a->nhistory;
        a->history = xrealloc(a->history, a->history_cap * sizeof *a->history);
    }
    struct change *c = &a->history[a->nhistory++];
    c->when = when;
    c->who = xstrdup(who ? who : "");
    c->what = xstrdup(what ? what : "");
    c->old_value = xstrdup(old_value ? old_value : "");
    c->new_value = xstrdup(new_value ? new_value : "");
}

const struct tmpl_method *assess_method(const struct assessment *a)
{
    if (!a->tmpl)
        return NULL;
    const struct tmpl_method *m = a->method ? tmpl_find_method(a->tmpl, a->method) : NULL;
    return m ? m : tmpl_default_method(a->tmpl);
}
