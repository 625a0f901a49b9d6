/* The XML record of an assessment, written through the record writer
 * (xw.c): canonical XML streamed to its sink, the digest taken on the
 * way (see report.h for what the digest covers); or, for the HTML
 * transform, the same record built as a tree. */
#include "config.h"
#include "report/report.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/answer.h"
#include "core/table.h"
#include "core/diff.h"
#include "core/fields.h"
#include "core/logic.h"
#include "core/workflow.h"
#include "core/roles.h"
#include "report/report_int.h"
#include "report/xw.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/xalloc.h"

struct w {
    struct xw *x;
    const struct assessment *a;
    const struct tmpl_method *m;
};

static void at(struct w *w, const char *name, const char *value)
{
    xw_attr(w->x, name, value);
}

static void at_int(struct w *w, const char *name, long long v)
{
    xw_attr_int(w->x, name, v);
}

static void at_time(struct w *w, const char *name, int64_t t)
{
    char s[32];
    report_time_iso(t, s);
    xw_attr(w->x, name, s);
}

static void at_yes(struct w *w, const char *name, bool v)
{
    xw_attr(w->x, name, v ? "yes" : "no");
}

static void start(struct w *w, const char *name)
{
    xw_start(w->x, name);
}

static void end(struct w *w)
{
    xw_end(w->x);
}

/* An element holding only text. */
static void el(struct w *w, const char *name, const char *text)
{
    xw_el(w->x, name, text ? text : "");
}

/* Text of the element started, after its attributes. */
static void text(struct w *w, const char *s)
{
    xw_text(w->x, s ? s : "");
}

/* --- header: generator, assessment, template, method ------------------- */

static void write_head(struct w *w)
{
    const struct assessment *a = w->a;
    start(w, "generator");
    at(w, "name", PACKAGE_NAME);
    at(w, "version", PACKAGE_VERSION);
    at_time(w, "exported", report_now());
    end(w);

    start(w, "assessment");
    at(w, "uuid", a->uuid);
    at(w, "status", assess_status_key(a->status));
    at(w, "status-label", assess_status_label(a->status));
    at_time(w, "created", a->created);
    at_time(w, "updated", a->updated);
    if (a->review_date && *a->review_date)
        at(w, "review-date", a->review_date);
    /* Only what a first revision does not have, so that its record is
     * written as before revisions existed. */
    if (a->revision > 1)
        at_int(w, "revision", a->revision);
    if (a->replaces_date && *a->replaces_date)
        at(w, "replaces", a->replaces_date);
    /* Written in English unless it says otherwise, as before languages. */
    if (a->lang && *a->lang && strcmp(a->lang, "en") != 0)
        at(w, "lang", a->lang);
    el(w, "title", a->title);
    /* Only when given, so that the record of an assessment without them
     * is written as before they existed. */
    if (a->controller && *a->controller)
        el(w, "controller", a->controller);
    if (a->dpo_contact && *a->dpo_contact)
        el(w, "dpo-contact", a->dpo_contact);
    end(w);

    const struct tmpl *t = a->tmpl;
    start(w, "template");
    at(w, "id", t->id);
    at(w, "version", t->version);
    at(w, "lang", t->lang ? t->lang : "");
    at(w, "digest", t->digest);
    el(w, "title", t->title);
    end(w);

    const struct tmpl_method *m = w->m;
    start(w, "method");
    at(w, "id", m->id);
    el(w, "name", m->name);
    el(w, "description", m->description);
    const char *axes[2] = { "likelihood", "severity" };
    for (int k = 0; k < 2; k++) {
        start(w, axes[k]);
        const struct tmpl_scale_level *lv = k ? m->severity : m->likelihood;
        int n = k ? m->nseverity : m->nlikelihood;
        for (int i = 0; i < n; i++) {
            start(w, "level");
            at_int(w, "value", lv[i].value);
            at(w, "name", lv[i].name);
            text(w, lv[i].definition);
            end(w);
        }
        end(w);
    }
    start(w, "levels");
    for (int i = 0; i < m->nlevels; i++) {
        start(w, "level");
        at(w, "id", m->levels[i].id);
        at(w, "name", m->levels[i].name);
        at_int(w, "rank", i + 1);
        at_yes(w, "high", m->levels[i].high);
        /* Only a threshold the template declared: the records of
         * methods that declare none stay as they were. */
        if (m->threshold_declared && m->levels[i].acceptable)
            at(w, "acceptable", "yes");
        end(w);
    }
    end(w);
    start(w, "matrix");
    for (int l = 1; l <= m->nlikelihood; l++)
        for (int s = 1; s <= m->nseverity; s++) {
            int li = logic_risk_level(m, l, s);
            start(w, "cell");
            at_int(w, "likelihood", l);
            at_int(w, "severity", s);
            at(w, "level", li >= 0 ? m->levels[li].id : "");
            end(w);
        }
    end(w);
    end(w);
}

/* --- summary (derived) -------------------------------------------------- */

static const char *criterion_prompt(const struct tmpl *t, int n)
{
    for (size_t i = 0; i < t->nquestions; i++)
        if (t->questions[i].criterion == n)
            return t->questions[i].prompt;
    return "";
}

static void level_attrs(struct w *w, int li)
{
    if (li < 0)
        return;
    at(w, "level", w->m->levels[li].id);
    at(w, "level-name", w->m->levels[li].name);
    at_yes(w, "high", w->m->levels[li].high);
}

/* Each line of text as an element of its own. */
static void lines(struct w *w, const char *name, const char *text)
{
    for (const char *l = text; *l;) {
        const char *eol = strchr(l, '\n');
        size_t n = eol ? (size_t)(eol - l) : strlen(l);
        if (n) {
            char *line = xstrndup(l, n);
            el(w, name, line);
            free(line);
        }
        l += n + (eol ? 1 : 0);
    }
}

static void write_summary(struct w *w)
{
    const struct assessment *a = w->a;
    start(w, "summary");

    struct screening s;
    logic_screening(a, &s);
    start(w, "screening");
    at(w, "outcome", logic_outcome_key(s.outcome));
    at(w, "label", logic_outcome_label(s.outcome));
    at_yes(w, "declined", s.declined);
    for (int i = 0; i < s.ncriteria; i++) {
        start(w, "criterion");
        at_int(w, "number", s.criteria[i]);
        text(w, criterion_prompt(a->tmpl, s.criteria[i]));
        end(w);
    }
    for (int i = 0; i < s.ngrounds; i++)
        el(w, "ground", s.grounds[i]);
    el(w, "rule", s.rule);
    end(w);

    start(w, "highest-residual");
    level_attrs(w, logic_highest_residual(a));
    end(w);
    start(w, "art36");
    at_yes(w, "required", logic_art36_required(a));
    end(w);

    struct progress p;
    logic_progress(a, &p);
    start(w, "progress");
    at_int(w, "answered", p.answered);
    at_int(w, "total", p.total);
    at_int(w, "percent", logic_percent(&p));
    end(w);

    size_t open = 0;
    for (size_t i = 0; i < a->nmeasures; i++)
        if (a->measures[i].status == MS_PLANNED || a->measures[i].status == MS_PROGRESS)
            open++;
    start(w, "measures");
    at_int(w, "total", (long long)a->nmeasures);
    at_int(w, "open", (long long)open);
    end(w);

    struct wf_list why = { 0 };
    char today[16];
    report_today(today);
    wf_readiness(a, today, &why);
    struct buf b = {0};
    wf_list_text(&why, WF_BLOCKER, "", &b);
    start(w, "blockers");
    lines(w, "blocker", buf_str(&b));
    end(w);
    if (why.nwarnings) {
        buf_clear(&b);
        wf_list_text(&why, WF_WARNING, "", &b);
        start(w, "warnings");
        lines(w, "warning", buf_str(&b));
        end(w);
    }
    buf_free(&b);
    wf_list_free(&why);
    end(w);
}

/* --- sections and answers ------------------------------------------------ */

static void write_items(struct w *w, const struct tmpl_question *q, const char *value)
{
    for (const char *p = value; *p;) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        char *item = xstrndup(p, n);
        const struct tmpl_option *o = q->type == QT_MULTI ? tmpl_find_option(q, item) : NULL;
        start(w, "item");
        if (o)
            at(w, "value", o->value);
        text(w, o ? o->label : item);
        end(w);
        free(item);
        p += n + (eol ? 1 : 0);
    }
}

/* A table answer's rows, each cell with its column's id and label; a
 * choice cell holds the option's label, its value in an attribute. */
static void write_rows(struct w *w, const struct tmpl_question *q, const char *value)
{
    struct table t;
    if (table_parse(q, value, &t, NULL) < 0)
        return;
    start(w, "rows");
    for (size_t i = 0; i < t.nrows; i++) {
        char ref[TABLE_PREFIX_MAX + 12];
        table_ref(q, t.rows[i].number, ref, sizeof ref);
        start(w, "row");
        at(w, "ref", ref);
        at_int(w, "number", t.rows[i].number);
        for (size_t c = 0; c < t.ncols; c++) {
            const struct tmpl_column *col = &q->columns[c];
            const char *cell = t.rows[i].cells[c];
            start(w, "cell");
            at(w, "column", col->id);
            at(w, "label", col->label);
            if (col->type == CT_CHOICE && *cell)
                at(w, "value", cell);
            char *d = table_cell_display(col, cell);
            text(w, d);
            free(d);
            end(w);
        }
        end(w);
    }
    end(w);
    table_free(&t);
}

/* Whether an answer holds anything to write. */
static bool has_content(const struct answer *an)
{
    return an && ((an->value && *an->value) || (an->note && *an->note) || an->flagged);
}

static void write_answer(struct w *w, const struct tmpl_question *q, const struct answer *an)
{
    const char *value = an->value ? an->value : "";
    const char *note = an->note ? an->note : "";
    if (!has_content(an))
        return;
    start(w, "answer");
    at_yes(w, "flagged", an->flagged);
    if (an->who && *an->who)
        at(w, "by", an->who);
    if (an->when)
        at_time(w, "at", an->when);
    el(w, "value", value);
    char *display = answer_display(q, value);
    el(w, "display", display);
    free(display);
    if (q->type == QT_MULTI || q->type == QT_LIST)
        write_items(w, q, value);
    if (q->type == QT_TABLE && *value)
        write_rows(w, q, value);
    if (*note)
        el(w, "note", note);
    end(w);
}

static void write_question(struct w *w, const struct tmpl_question *q, bool shown)
{
    start(w, "question");
    if (!shown)
        at(w, "applicable", "no");
    at(w, "id", q->id);
    at(w, "type", tmpl_qtype_name(q->type));
    at_yes(w, "required", q->required);
    if (q->criterion > 0)
        at_int(w, "criterion", q->criterion);
    el(w, "prompt", q->prompt);
    for (size_t i = 0; i < q->nrefs; i++)
        el(w, "ref", q->refs[i]);
    /* A table's columns, in order: its rows' cells follow them. */
    for (size_t i = 0; i < q->ncolumns; i++) {
        const struct tmpl_column *col = &q->columns[i];
        start(w, "column");
        at(w, "id", col->id);
        at(w, "type", tmpl_ctype_name(col->type));
        at_yes(w, "required", col->required);
        if (col->table)
            at(w, "table", col->table);
        text(w, col->label);
        end(w);
    }
    const struct answer *an = assess_answer(w->a, q->id);
    if (an)
        write_answer(w, q, an);
    end(w);
}

static void write_sections(struct w *w)
{
    const struct tmpl *t = w->a->tmpl;
    start(w, "sections");
    for (size_t i = 0; i < t->nsections; i++) {
        const struct tmpl_section *sec = &t->sections[i];
        start(w, "section");
        at(w, "id", sec->id);
        at(w, "kind", tmpl_kind_name(sec->kind));
        struct progress p;
        logic_section_progress(w->a, i, &p);
        at_int(w, "answered", p.answered);
        at_int(w, "total", p.total);
        el(w, "title", sec->title);
        if (sec->intro && *sec->intro)
            el(w, "intro", sec->intro);
        /* The questions shown, and those their conditions hide now but
         * that were answered before (kept, marked not applicable). */
        for (size_t k = sec->first; k < sec->first + sec->count; k++) {
            const struct tmpl_question *q = &t->questions[k];
            bool shown = logic_shown(w->a, q);
            if (shown || has_content(assess_answer(w->a, q->id)))
                write_question(w, q, shown);
        }
        const struct judgement *j = assess_judgement(w->a, sec->id);
        if (j && j->verdict != VD_NONE) {
            start(w, "judgement");
            at(w, "verdict", verdict_key(j->verdict));
            if (j->date && *j->date)
                at(w, "date", j->date);
            el(w, "name", j->name);
            el(w, "comment", j->comment);
            end(w);
        }
        end(w);
    }
    end(w);
}

/* --- risks, measures, sign-offs ------------------------------------------ */

static void write_scores(struct w *w, const char *name, int l, int s, const char *lwhy,
                         const char *swhy)
{
    const struct tmpl_method *m = w->m;
    start(w, name);
    at_int(w, "likelihood", l);
    at_int(w, "severity", s);
    if (l >= 1 && l <= m->nlikelihood)
        at(w, "likelihood-name", m->likelihood[l - 1].name);
    if (s >= 1 && s <= m->nseverity)
        at(w, "severity-name", m->severity[s - 1].name);
    level_attrs(w, logic_risk_level(m, l, s));
    el(w, "likelihood-why", lwhy);
    el(w, "severity-why", swhy);
    end(w);
}

/* The fields of a table that the record holds only when they hold
 * something (core/fields.h: xml_opt), each an element named by its xml,
 * in the order of the table: a record of an assessment that never used
 * them is the same, byte for byte, as before they existed. A measure's
 * group and a risk's declared type carry their names, as the template
 * declares them. */
static void write_optional(struct w *w, const struct field *t, size_t n, const void *obj)
{
    for (size_t i = 0; i < n; i++) {
        const struct field *f = &t[i];
        if (!f->xml_opt || f->kind != FLD_TEXT || !*field_str(f, obj))
            continue;
        start(w, f->xml);
        if (f->role == FR_GROUP || f->role == FR_RISK_KIND) {
            const struct tmpl_group *g = f->role == FR_GROUP
                ? fields_group(w->a->tmpl, field_str(f, obj))
                : fields_kind(w->a->tmpl, field_str(f, obj));
            if (g)
                at(w, "name", g->name);
        }
        text(w, field_str(f, obj));
        end(w);
    }
}

static void write_risks(struct w *w)
{
    start(w, "risks");
    for (size_t i = 0; i < w->a->nrisks; i++) {
        const struct risk *r = &w->a->risks[i];
        start(w, "risk");
        at_int(w, "number", r->number);
        level_attrs(w, logic_risk_residual(w->a, r));
        if (r->type != RT_NONE) {
            at(w, "type", risk_type_key(r->type));
            /* A declared type's name for a risk of type other. */
            at(w, "type-label", fields_risk_type_name(w->a, r));
        }
        el(w, "title", r->title);
        el(w, "description", r->description);
        el(w, "source", r->source);
        el(w, "threats", r->threats);
        el(w, "impacts", r->impacts);
        write_scores(w, "before", r->likelihood, r->severity, r->likelihood_why,
                     r->severity_why);
        write_scores(w, "after", r->likelihood_after, r->severity_after,
                     r->likelihood_after_why, r->severity_after_why);
        write_optional(w, risk_fields, nrisk_fields, r);
        end(w);
    }
    end(w);
}

static void write_measures(struct w *w)
{
    start(w, "measures");
    for (size_t i = 0; i < w->a->nmeasures; i++) {
        const struct measure *m = &w->a->measures[i];
        start(w, "measure");
        at_int(w, "number", m->number);
        at(w, "type", measure_type_key(m->type));
        at(w, "type-label", measure_type_label(m->type));
        at(w, "status", measure_status_key(m->status));
        at(w, "status-label", measure_status_label(m->status));
        if (m->due && *m->due)
            at(w, "due", m->due);
        el(w, "title", m->title);
        el(w, "description", m->description);
        el(w, "owner", m->owner);
        write_optional(w, measure_fields, nmeasure_fields, m);
        for (size_t k = 0; k < m->nrisks; k++) {
            start(w, "addresses");
            at_int(w, "risk", m->risks[k]);
            end(w);
        }
        end(w);
    }
    end(w);
}

static void write_signoffs(struct w *w)
{
    start(w, "signoffs");
    for (int r = 0; r < SR_COUNT; r++) {
        const struct signoff *so = &w->a->signoffs[r];
        start(w, "signoff");
        at(w, "role", signoff_role_key((enum signoff_role)r));
        at(w, "role-label", signoff_role_label((enum signoff_role)r));
        if (so->date && *so->date)
            at(w, "date", so->date);
        if (so->decision != DEC_NONE) {
            at(w, "decision", decision_key(so->decision));
            at(w, "decision-label", decision_label(so->decision));
        }
        at(w, "advice-followed", so->advice_followed > 0    ? "yes"
                                 : so->advice_followed == 0 ? "no"
                                                            : "not-said");
        el(w, "name", so->name);
        el(w, "position", so->position);
        el(w, "advice", so->advice);
        el(w, "why-not", so->why_not);
        write_optional(w, signoff_fields, nsignoff_fields, so);
        end(w);
    }
    end(w);
}

/* --- workshops -------------------------------------------------------------- */

/* Written only when there is one: a record without workshops is as it
 * was before they existed. */
static void write_workshops(struct w *w)
{
    const struct assessment *a = w->a;
    if (!a->nworkshops)
        return;
    start(w, "workshops");
    for (size_t i = 0; i < a->nworkshops; i++) {
        const struct workshop *ws = &a->workshops[i];
        start(w, "workshop");
        at_int(w, "number", ws->number);
        if (*ws->date)
            at(w, "date", ws->date);
        at_time(w, "started", ws->started);
        if (ws->ended)
            at_time(w, "ended", ws->ended);
        at(w, "ran-by", ws->who);
        el(w, "place", ws->place);
        start(w, "agenda");
        const char *p = ws->agenda;
        while (*p) {
            size_t n = strcspn(p, ",");
            char *id = xstrndup(p, n);
            const struct tmpl_section *sec = tmpl_find_section(a->tmpl, id);
            start(w, "section");
            at(w, "id", id);
            text(w, sec ? sec->title : "");
            end(w);
            free(id);
            p += n;
            if (*p == ',')
                p++;
        }
        end(w);
        start(w, "participants");
        for (size_t k = 0; k < ws->nparticipants; k++) {
            const struct ws_participant *pa = &ws->participants[k];
            start(w, "participant");
            at_yes(w, "represents", pa->represents);
            el(w, "name", pa->name);
            el(w, "role", pa->role);
            el(w, "organisation", pa->organisation);
            end(w);
        }
        end(w);
        start(w, "settled");
        for (size_t k = 0; k < ws->nsettled; k++) {
            const struct tmpl_question *q = tmpl_find_question(a->tmpl, ws->settled[k]);
            start(w, "question");
            at(w, "id", ws->settled[k]);
            text(w, q ? q->prompt : "");
            end(w);
        }
        end(w);
        el(w, "minutes", ws->minutes);
        start(w, "open-points");
        for (size_t k = 0; k < ws->npoints; k++) {
            start(w, "point");
            at(w, "who", ws->points[k].who);
            text(w, ws->points[k].text);
            end(w);
        }
        end(w);
        end(w);
    }
    end(w);
}

/* --- people and roles, the review --------------------------------------------- */

/* The members with their roles, the review's steps, the comment threads
 * and the records made on someone's behalf, each only when there is one:
 * a record of an assessment without them is as it was before they
 * existed. */
static void write_team(struct w *w)
{
    const struct assessment *a = w->a;
    if (a->nmembers) {
        start(w, "members");
        for (size_t i = 0; i < a->nmembers; i++) {
            start(w, "member");
            at(w, "person", a->members[i].person);
            at(w, "role", member_role_key(a->members[i].role));
            at(w, "role-label", member_role_label(a->members[i].role));
            end(w);
        }
        end(w);
    }
    if (a->nsteps) {
        start(w, "review");
        for (size_t i = 0; i < a->nsteps; i++) {
            const struct review_step *p = &a->steps[i];
            start(w, "step");
            at_int(w, "number", p->number);
            at(w, "step", review_kind_key(p->kind));
            at(w, "step-label", review_kind_label(p->kind));
            at_time(w, "at", p->when);
            at(w, "who", p->who);
            text(w, p->text);
            end(w);
        }
        end(w);
    }
    if (a->ncomments) {
        start(w, "comments");
        for (size_t i = 0; i < a->ncomments; i++) {
            const struct comment *t = &a->comments[i];
            if (t->thread != t->number)
                continue;
            start(w, "thread");
            at_int(w, "number", t->number);
            at(w, "question", t->question);
            if (t->resolved_at) {
                at_time(w, "resolved-at", t->resolved_at);
                at(w, "resolved-by", t->resolved_by);
            }
            for (size_t k = 0; k < a->ncomments; k++) {
                const struct comment *c = &a->comments[k];
                if (c->thread != t->number)
                    continue;
                start(w, "comment");
                at_int(w, "number", c->number);
                at_time(w, "at", c->when);
                at(w, "who", c->who);
                text(w, c->text);
                end(w);
            }
            end(w);
        }
        end(w);
    }
    if (a->nbehalf) {
        start(w, "on-behalf");
        for (size_t i = 0; i < a->nbehalf; i++) {
            const struct behalf *b = &a->behalf[i];
            start(w, "record");
            at(w, "what", b->what);
            at(w, "recorded-by", b->by);
            at(w, "for", b->person);
            at(w, "role", member_role_key(b->role));
            at_time(w, "at", b->when);
            text(w, b->reason);
            end(w);
        }
        end(w);
    }
}

/* --- coverage, history, snapshot ----------------------------------------- */

static void write_coverage(struct w *w)
{
    const struct tmpl *t = w->a->tmpl;
    size_t max = t->ncoverage ? t->ncoverage : 1;
    struct coverage_gap *gaps = xcalloc(max, sizeof *gaps);
    size_t ngaps = logic_coverage(w->a, gaps, max);
    start(w, "coverage");
    at_int(w, "met", (long long)(t->ncoverage - ngaps));
    at_int(w, "total", (long long)t->ncoverage);
    for (size_t i = 0; i < t->ncoverage; i++) {
        bool met = true;
        for (size_t k = 0; k < ngaps && k < max; k++)
            if (gaps[k].item == &t->coverage[i])
                met = false;
        start(w, "item");
        at(w, "id", t->coverage[i].id);
        at(w, "ref", t->coverage[i].ref ? t->coverage[i].ref : "");
        at_yes(w, "met", met);
        text(w, t->coverage[i].text);
        end(w);
    }
    end(w);
    free(gaps);
}

static void write_history(struct w *w)
{
    start(w, "history");
    for (size_t i = 0; i < w->a->nhistory; i++) {
        const struct change *c = &w->a->history[i];
        start(w, "change");
        at_time(w, "at", c->when);
        at(w, "who", c->who);
        el(w, "what", c->what);
        el(w, "old", c->old_value);
        el(w, "new", c->new_value);
        end(w);
    }
    end(w);
}

/* What changed since the revision this one replaces, when known. */
static void write_changes(struct w *w)
{
    const struct assessment *a = w->a;
    if (!a->since || a->revision < 2)
        return;
    start(w, "changes");
    at_int(w, "since-revision", a->revision - 1);
    if (a->replaces_date && *a->replaces_date)
        at(w, "since-date", a->replaces_date);
    for (size_t i = 0; i < a->since->n; i++) {
        const struct diff_item *it = &a->since->items[i];
        start(w, "change");
        at(w, "what", it->what);
        el(w, "label", it->label);
        el(w, "old", it->old_value);
        el(w, "new", it->new_value);
        end(w);
    }
    end(w);
}

static void write_snapshot(struct w *w, const char *xml, size_t len)
{
    struct buf b = {0};
    report_base64_encode((const unsigned char *)xml, len, 2, &b);
    start(w, "template-snapshot");
    at(w, "encoding", "base64");
    at_int(w, "length", (long long)len);
    at(w, "digest", w->a->tmpl->digest);
    text(w, buf_str(&b));
    end(w);
    buf_free(&b);
}

/* Whether tmpl_xml is the snapshot of a's template: 0, or -1 with e. */
static int snapshot_ok(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                       struct err *e)
{
    if (!a->tmpl || !tmpl_xml)
        return err_set(e, _("the assessment has no template snapshot"));
    /* A record holds the whole change history or is not written. */
    if (a->history_missing)
        return err_set(e, _("the change history of the assessment was not read"));
    char hex[65];
    sha256_of(tmpl_xml, tmpl_len, hex);
    if (strcmp(hex, a->tmpl->digest) != 0)
        return err_set(e, _("the template snapshot does not match the assessment's template"));
    return 0;
}

/* Writes the record through x (set up by the caller, the snapshot
 * checked); returns 0, or -1 with e. */
static int write_record(struct xw *x, const struct assessment *a, const char *tmpl_xml,
                        size_t tmpl_len, xmlDocPtr *doc, struct err *e)
{
    char hex[65];
    struct w w = { x, a, assess_method(a) };
    xw_root(x, "record", REPORT_NS);
    xw_attr(x, "version", REPORT_VERSION);
    write_head(&w);
    write_summary(&w);
    write_sections(&w);
    write_risks(&w);
    write_measures(&w);
    write_signoffs(&w);
    write_workshops(&w);
    write_team(&w);
    write_coverage(&w);
    write_history(&w);
    write_changes(&w);
    write_snapshot(&w, tmpl_xml, tmpl_len);
    /* The record is not validated here against its schema: that would
     * need the whole tree, and the tests validate every kind of export
     * instead (tests/unit/t_report.c, tests/cli/report-*.sh). */
    if (xw_finish(x, "digest", hex, doc) < 0)
        return err_set(e, _("cannot write the record: %s"), strerror(errno));
    return 0;
}

xmlDocPtr report_record_doc(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
                            struct err *e)
{
    if (snapshot_ok(a, tmpl_xml, tmpl_len, e) < 0)
        return NULL;
    struct xw *x = xmalloc(sizeof *x);
    xw_init(x, NULL, true);
    xmlDocPtr doc = NULL;
    write_record(x, a, tmpl_xml, tmpl_len, &doc, e);
    xw_free(x);
    free(x);
    return doc;
}

int report_xml(const struct assessment *a, const char *tmpl_xml, size_t tmpl_len,
               const struct sink *out, struct err *e)
{
    if (snapshot_ok(a, tmpl_xml, tmpl_len, e) < 0)
        return -1;
    struct xw *x = xmalloc(sizeof *x);
    xw_init(x, out, false);
    int rc = write_record(x, a, tmpl_xml, tmpl_len, NULL, e);
    xw_free(x);
    free(x);
    return rc;
}
