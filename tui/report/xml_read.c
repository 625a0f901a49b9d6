/* Import of a record into a new in-memory assessment. The input may be
 * hostile: it is parsed by xmlsafe (no DOCTYPE, no entities, no network,
 * bounded nesting), checked against the record schema, its digest and
 * its template snapshot verified, and every value checked against the
 * template snapshot before anything is given back. Derived parts of the
 * record (summary, labels, display texts, coverage, whether a question
 * is applicable) are not read: an answer to a question its conditions
 * hide is read and checked like any other. */
#include "config.h"
#include "report/report.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "core/answer.h"
#include "core/table.h"
#include "core/diff.h"
#include "core/fields.h"
#include "core/xmlsafe.h"
#include "core/roles.h"
#include "report/report_int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/xalloc.h"

/* A set of risk or measure numbers, so that a record of many is read in
 * linear time (open addressing; slots hold the number, 0 none). */
struct numset {
    int *slots;
    size_t cap;  /* a power of two */
    size_t n;
    bool zero;   /* 0 is in it */
};

static bool numset_has(const struct numset *s, int v)
{
    if (v == 0)
        return s->zero;
    if (!s->cap)
        return false;
    for (size_t k = ((unsigned)v * 2654435761u) & (s->cap - 1);; k = (k + 1) & (s->cap - 1)) {
        if (s->slots[k] == 0)
            return false;
        if (s->slots[k] == v)
            return true;
    }
}

/* Adds v (not 0); false when it was there already. */
static bool numset_add(struct numset *s, int v)
{
    if (numset_has(s, v))
        return false;
    if (v == 0) {
        s->zero = true;
        return true;
    }
    if (2 * (s->n + 1) > s->cap) {
        struct numset bigger = { NULL, s->cap ? 2 * s->cap : 64, 0, s->zero };
        bigger.slots = xcalloc(bigger.cap, sizeof *bigger.slots);
        for (size_t i = 0; i < s->cap; i++)
            if (s->slots[i])
                numset_add(&bigger, s->slots[i]);
        free(s->slots);
        *s = bigger;
    }
    size_t k = ((unsigned)v * 2654435761u) & (s->cap - 1);
    while (s->slots[k])
        k = (k + 1) & (s->cap - 1);
    s->slots[k] = v;
    s->n++;
    return true;
}

struct rd {
    const char *name;
    struct err *e;
    struct assessment *a;
    const struct tmpl_method *m;
    struct numset risks, measures; /* the numbers read so far */
};

static int fail(struct rd *r, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static int fail(struct rd *r, const xmlNode *n, const char *fmt, ...)
{
    char msg[ERR_MAX];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    long line = n ? xmlGetLineNo((xmlNodePtr)n) : 1;
    return err_set(r->e, "%s:%ld: %s", r->name, line > 0 ? line : 1, msg);
}

static bool is_el(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->ns &&
           strcmp((const char *)n->ns->href, REPORT_NS) == 0 &&
           strcmp((const char *)n->name, name) == 0;
}

/* The first child element with this name (the schema has checked the
 * structure, so required ones exist). */
static xmlNodePtr child(const xmlNode *n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (is_el(c, name))
            return c;
    return NULL;
}

static char *text(const xmlNode *n)
{
    xmlChar *v = n ? xmlNodeGetContent(n) : NULL;
    char *s = xstrdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

static char *child_text(const xmlNode *n, const char *name)
{
    return text(child(n, name));
}

/* An attribute's value, or dflt (copied; may be NULL) when absent. */
static char *prop(const xmlNode *n, const char *name, const char *dflt)
{
    xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
    char *s = v ? xstrdup((const char *)v) : dflt ? xstrdup(dflt) : NULL;
    xmlFree(v);
    return s;
}

static int prop_int(const xmlNode *n, const char *name)
{
    char *v = prop(n, name, "0");
    int i = atoi(v);
    free(v);
    return i;
}

static bool prop_is(const xmlNode *n, const char *name, const char *value)
{
    char *v = prop(n, name, "");
    bool r = strcmp(v, value) == 0;
    free(v);
    return r;
}

static int prop_time(struct rd *r, const xmlNode *n, const char *name, int64_t *t)
{
    char *v = prop(n, name, NULL);
    *t = 0;
    int rc = 0;
    if (v && report_time_parse(v, t) < 0)
        rc = fail(r, n, _("%s '%s' is not a time (YYYY-MM-DDTHH:MM:SSZ)"), name, v);
    free(v);
    return rc;
}

/* A date attribute ("" when absent) into *out. */
static int prop_date(struct rd *r, const xmlNode *n, const char *name, char **out)
{
    char *v = prop(n, name, "");
    if (*v && !answer_valid_date(v)) {
        fail(r, n, _("%s '%s' is not a calendar date"), name, v);
        free(v);
        return -1;
    }
    free(*out);
    *out = v;
    return 0;
}

/* --- header ------------------------------------------------------------- */

static int read_snapshot(struct rd *r, xmlNodePtr root, char **xml, size_t *xml_len)
{
    xmlNodePtr sn = child(root, "template-snapshot");
    xmlNodePtr te = child(root, "template");
    char *b64 = text(sn);
    size_t len = 0;
    char *src = report_base64_decode(b64, &len);
    free(b64);
    if (!src)
        return fail(r, sn, _("the template snapshot is not valid base64"));
    char hex[65];
    sha256_of(src, len, hex);
    char *want = prop(sn, "digest", "");
    char *tdig = prop(te, "digest", "");
    int rc = 0;
    if ((size_t)prop_int(sn, "length") != len || strcmp(hex, want) != 0)
        rc = fail(r, sn, _("the template snapshot does not match its length and digest"));
    else if (strcmp(hex, tdig) != 0)
        rc = fail(r, te, _("the template digest does not match the template snapshot"));
    free(want);
    free(tdig);
    if (rc < 0) {
        free(src);
        return -1;
    }
    /* The template's text in the assessment's language. */
    char *lang = prop(child(root, "assessment"), "lang", "en");
    if (!i18n_known(lang)) {
        free(src);
        rc = fail(r, child(root, "assessment"), _("unknown language '%s' (dpia speaks en, fr, de)"),
                  lang);
        free(lang);
        return rc;
    }
    free(r->a->lang);
    r->a->lang = lang;
    struct err te_err;
    struct tmpl *t = tmpl_parse_in(src, len, "snapshot", lang, &te_err);
    if (!t) {
        free(src);
        return fail(r, sn, _("the template snapshot is not a valid template (%s)"), te_err.text);
    }
    r->a->tmpl = t;
    if (!prop_is(te, "id", t->id) || !prop_is(te, "version", t->version)) {
        free(src);
        return fail(r, te, _("the template id and version differ from the snapshot's ('%s' %s)"),
                    t->id, t->version);
    }
    *xml = src;
    *xml_len = len;
    return 0;
}

static int read_assessment(struct rd *r, xmlNodePtr root)
{
    struct assessment *a = r->a;
    xmlNodePtr as = child(root, "assessment");
    char *uuid = prop(as, "uuid", "");
    snprintf(a->uuid, sizeof a->uuid, "%s", uuid);
    free(uuid);
    char *st = prop(as, "status", "");
    int s = assess_status_parse(st);
    free(st);
    if (s < 0)
        return fail(r, as, _("unknown status"));
    a->status = (enum assess_status)s;
    if (prop_time(r, as, "created", &a->created) < 0 || prop_time(r, as, "updated", &a->updated) < 0 ||
        prop_date(r, as, "review-date", &a->review_date) < 0 ||
        prop_date(r, as, "replaces", &a->replaces_date) < 0)
        return -1;
    /* The schema allows 1 to 100000; absent, the first revision. */
    a->revision = prop_int(as, "revision");
    if (a->revision < 1)
        a->revision = 1;
    free(a->title);
    a->title = child_text(as, "title");
    free(a->controller);
    a->controller = child_text(as, "controller");
    free(a->dpo_contact);
    a->dpo_contact = child_text(as, "dpo-contact");

    xmlNodePtr me = child(root, "method");
    char *id = prop(me, "id", "");
    r->m = tmpl_find_method(a->tmpl, id);
    if (!r->m) {
        fail(r, me, _("the risk method '%s' is not in the template snapshot"), id);
        free(id);
        return -1;
    }
    free(a->method);
    a->method = id;
    return 0;
}

/* --- answers -------------------------------------------------------------- */

static int read_answer(struct rd *r, xmlNodePtr qe, const struct tmpl_question *q,
                       xmlNodePtr ae)
{
    xmlNodePtr ve = child(ae, "value");
    char *raw = text(ve);
    char *value = NULL;
    if (*raw) {
        struct err ve_err;
        value = answer_canonical(q, raw, &ve_err);
        if (!value) {
            free(raw);
            return fail(r, ve, "%s", ve_err.text);
        }
    }
    free(raw);
    struct answer *an = assess_set_answer(r->a, q->id, value ? value : "");
    free(value);
    free(an->note);
    an->note = child_text(ae, "note");
    an->flagged = prop_is(ae, "flagged", "yes");
    free(an->who);
    an->who = prop(ae, "by", "");
    return prop_time(r, ae, "at", &an->when);
}

/* The DPO's judgement of a section (the schema allows one a section). */
static int read_judgement(struct rd *r, xmlNodePtr se, xmlNodePtr je)
{
    struct judgement j = { 0 };
    j.section = prop(se, "id", "");
    int rc = 0;
    if (!tmpl_find_section(r->a->tmpl, j.section))
        rc = fail(r, se, _("unknown section '%s' (not in the template snapshot)"), j.section);
    else if (assess_judgement(r->a, j.section))
        rc = fail(r, se, _("section '%s' appears twice"), j.section);
    char *v = prop(je, "verdict", "");
    int vd = verdict_parse(v);
    free(v);
    if (rc == 0 && vd <= VD_NONE)
        rc = fail(r, je, _("section '%s': unknown verdict (acceptable or improve)"), j.section);
    j.verdict = vd > 0 ? (enum verdict)vd : VD_NONE;
    j.date = xstrdup("");
    if (rc == 0)
        rc = prop_date(r, je, "date", &j.date);
    j.name = child_text(je, "name");
    j.comment = child_text(je, "comment");
    if (rc == 0)
        assess_set_judgement(r->a, &j);
    assess_judgement_clear(&j);
    return rc;
}

static int read_sections(struct rd *r, xmlNodePtr root)
{
    const struct tmpl *t = r->a->tmpl;
    for (xmlNodePtr se = child(root, "sections")->children; se; se = se->next) {
        if (!is_el(se, "section"))
            continue;
        for (xmlNodePtr qe = se->children; qe; qe = qe->next) {
            if (!is_el(qe, "question"))
                continue;
            char *id = prop(qe, "id", "");
            const struct tmpl_question *q = tmpl_find_question(t, id);
            int rc = 0;
            if (!q)
                rc = fail(r, qe, _("unknown question '%s' (not in the template snapshot)"), id);
            else if (!prop_is(qe, "type", tmpl_qtype_name(q->type)))
                rc = fail(r, qe, _("question '%s' is of type %s in the template snapshot"), id,
                          tmpl_qtype_name(q->type));
            else if (assess_answer(r->a, id))
                rc = fail(r, qe, _("question '%s' appears twice"), id);
            free(id);
            if (rc < 0)
                return -1;
            xmlNodePtr ae = child(qe, "answer");
            if (ae && read_answer(r, qe, q, ae) < 0)
                return -1;
        }
        xmlNodePtr je = child(se, "judgement");
        if (je && read_judgement(r, se, je) < 0)
            return -1;
    }
    return 0;
}

/* --- risks and measures ---------------------------------------------------- */

static int read_scores(struct rd *r, xmlNodePtr re, int number, const char *which, int *l,
                       int *s, char **lwhy, char **swhy)
{
    xmlNodePtr sc = child(re, which);
    *l = prop_int(sc, "likelihood");
    *s = prop_int(sc, "severity");
    bool before = strcmp(which, "before") == 0;
    if (*l > r->m->nlikelihood)
        return fail(r, sc, before ? _("risk R%d: likelihood before measures is %d, outside the "
                                      "method's scale (1 to %d, 0 when not scored)")
                                  : _("risk R%d: likelihood after measures is %d, outside the "
                                      "method's scale (1 to %d, 0 when not scored)"),
                    number, *l, r->m->nlikelihood);
    if (*s > r->m->nseverity)
        return fail(r, sc, before ? _("risk R%d: severity before measures is %d, outside the "
                                      "method's scale (1 to %d, 0 when not scored)")
                                  : _("risk R%d: severity after measures is %d, outside the "
                                      "method's scale (1 to %d, 0 when not scored)"),
                    number, *s, r->m->nseverity);
    *lwhy = child_text(sc, "likelihood-why");
    *swhy = child_text(sc, "severity-why");
    return 0;
}

/* The optional elements of a table (core/fields.h: xml_opt), "" when
 * absent; the table rows a risk cites must be as the program writes
 * them, a measure's group and a risk's declared type ones its template
 * declares. what: "risk R2". */
static int read_optional(struct rd *r, xmlNodePtr n, const struct field *t, size_t nt,
                         void *obj, const char *what)
{
    for (size_t i = 0; i < nt; i++) {
        const struct field *f = &t[i];
        if (!f->xml_opt || f->kind != FLD_TEXT)
            continue;
        char *v = child_text(n, f->xml);
        field_set_str(f, obj, v);
        free(v);
        const char *got = field_str(f, obj);
        struct err e;
        if (f->role == FR_CONCERNS) {
            char *normal = fields_concerns(got, &e);
            bool same = normal && strcmp(normal, got) == 0;
            free(normal);
            if (!same)
                return fail(r, n, _("%s: the table rows it concerns are not references separated "
                            "by one space: '%s'"), what, got);
        } else if ((f->role == FR_GROUP && fields_check_group(r->a->tmpl, got, &e) < 0) ||
                   (f->role == FR_RISK_KIND && fields_check_kind(r->a->tmpl, got, &e) < 0)) {
            return fail(r, n, "%s: %s", what, e.text);
        }
    }
    return 0;
}

static int read_risks(struct rd *r, xmlNodePtr root)
{
    struct assessment *a = r->a;
    size_t cap = 0;
    for (xmlNodePtr re = child(root, "risks")->children; re; re = re->next) {
        if (!is_el(re, "risk"))
            continue;
        int number = prop_int(re, "number");
        if (!numset_add(&r->risks, number))
            return fail(r, re, _("risk R%d appears twice"), number);
        a->risks = xgrow(a->risks, &cap, a->nrisks + 1, sizeof *a->risks);
        struct risk *k = &a->risks[a->nrisks++];
        memset(k, 0, sizeof *k);
        k->number = number;
        k->title = child_text(re, "title");
        k->description = child_text(re, "description");
        k->source = child_text(re, "source");
        k->threats = child_text(re, "threats");
        k->impacts = child_text(re, "impacts");
        char *ty = prop(re, "type", NULL);
        int t = ty ? risk_type_parse(ty) : RT_NONE;
        if (t <= RT_NONE && ty) {
            fail(r, re, _("risk R%d: unknown type '%s' (known: illegitimate-access, "
                 "unwanted-modification, disappearance, other)"), number, ty);
            free(ty);
            return -1;
        }
        free(ty);
        k->type = (enum risk_type)t;
        if (read_scores(r, re, number, "before", &k->likelihood, &k->severity,
                        &k->likelihood_why, &k->severity_why) < 0 ||
            read_scores(r, re, number, "after", &k->likelihood_after, &k->severity_after,
                        &k->likelihood_after_why, &k->severity_after_why) < 0)
            return -1;
        char what[32];
        snprintf(what, sizeof what, "risk R%d", number);
        if (read_optional(r, re, risk_fields, nrisk_fields, k, what) < 0)
            return -1;
        if (*k->kind && k->type != RT_OTHER)
            return fail(r, re, _("risk R%d: a risk of a type the template declares ('%s') is of "
                        "type other"), number, k->kind);
    }
    return 0;
}

static int read_measures(struct rd *r, xmlNodePtr root)
{
    struct assessment *a = r->a;
    size_t cap = 0;
    for (xmlNodePtr me = child(root, "measures")->children; me; me = me->next) {
        if (!is_el(me, "measure"))
            continue;
        int number = prop_int(me, "number");
        if (!numset_add(&r->measures, number))
            return fail(r, me, _("measure M%d appears twice"), number);
        a->measures = xgrow(a->measures, &cap, a->nmeasures + 1, sizeof *a->measures);
        struct measure *m = &a->measures[a->nmeasures++];
        memset(m, 0, sizeof *m);
        m->number = number;
        m->title = child_text(me, "title");
        m->description = child_text(me, "description");
        m->owner = child_text(me, "owner");
        m->due = xstrdup("");
        char *ty = prop(me, "type", ""), *st = prop(me, "status", "");
        int t = measure_type_parse(ty), s = measure_status_parse(st);
        free(ty);
        free(st);
        if (t < 0 || s < 0)
            return fail(r, me, _("measure M%d: unknown type or status"), number);
        m->type = (enum measure_type)t;
        m->status = (enum measure_status)s;
        if (prop_date(r, me, "due", &m->due) < 0)
            return -1;
        char what[32];
        snprintf(what, sizeof what, "measure M%d", number);
        if (read_optional(r, me, measure_fields, nmeasure_fields, m, what) < 0)
            return -1;
        for (xmlNodePtr ad = me->children; ad; ad = ad->next) {
            if (!is_el(ad, "addresses"))
                continue;
            int rn = prop_int(ad, "risk");
            if (!numset_has(&r->risks, rn))
                return fail(r, ad, _("measure M%d addresses risk R%d, which is not in the record"),
                            number, rn);
            for (size_t i = 0; i < m->nrisks; i++)
                if (m->risks[i] == rn)
                    return fail(r, ad, _("measure M%d names risk R%d twice"), number, rn);
            m->risks = xrealloc(m->risks, (m->nrisks + 1) * sizeof *m->risks);
            m->risks[m->nrisks++] = rn;
        }
    }
    return 0;
}

/* --- sign-offs and history -------------------------------------------------- */

static void replace(char **field, char *value)
{
    free(*field);
    *field = value;
}

static int read_signoffs(struct rd *r, xmlNodePtr root)
{
    bool seen[SR_COUNT] = { false };
    for (xmlNodePtr se = child(root, "signoffs")->children; se; se = se->next) {
        if (!is_el(se, "signoff"))
            continue;
        char *role = prop(se, "role", "");
        int ro = signoff_role_parse(role);
        free(role);
        if (ro < 0 || seen[ro])
            return fail(r, se, _("sign-off role unknown or given twice"));
        seen[ro] = true;
        struct signoff *so = &r->a->signoffs[ro];
        if (prop_date(r, se, "date", &so->date) < 0)
            return -1;
        char *dec = prop(se, "decision", "");
        int d = decision_parse(dec);
        free(dec);
        so->decision = d > 0 ? (enum decision)d : DEC_NONE;
        so->advice_followed = prop_is(se, "advice-followed", "yes")  ? 1
                              : prop_is(se, "advice-followed", "no") ? 0
                                                                      : -1;
        replace(&so->name, child_text(se, "name"));
        replace(&so->position, child_text(se, "position"));
        replace(&so->advice, child_text(se, "advice"));
        replace(&so->why_not, child_text(se, "why-not"));
        replace(&so->acknowledged, child_text(se, "acknowledged"));
    }
    return 0;
}

/* The workshops: numbers rising, at most the last one open, agenda
 * sections and the questions settled known to the template. */
static int read_workshops(struct rd *r, xmlNodePtr root)
{
    xmlNodePtr wse = child(root, "workshops");
    if (!wse)
        return 0;
    const struct tmpl *t = r->a->tmpl;
    for (xmlNodePtr we = wse->children; we; we = we->next) {
        if (!is_el(we, "workshop"))
            continue;
        struct workshop w = { 0 };
        w.number = prop_int(we, "number");
        w.date = xstrdup("");
        int rc = 0;
        if (r->a->nworkshops && w.number <= r->a->workshops[r->a->nworkshops - 1].number)
            rc = fail(r, we, _("workshop %d comes after workshop %d"), w.number,
                      r->a->workshops[r->a->nworkshops - 1].number);
        else if (r->a->nworkshops && r->a->workshops[r->a->nworkshops - 1].ended == 0)
            rc = fail(r, we, _("workshop %d follows one that is still open"), w.number);
        if (rc == 0)
            rc = prop_date(r, we, "date", &w.date);
        if (rc == 0)
            rc = prop_time(r, we, "started", &w.started);
        if (rc == 0)
            rc = prop_time(r, we, "ended", &w.ended);
        w.who = prop(we, "ran-by", "");
        w.place = child_text(we, "place");
        w.minutes = child_text(we, "minutes");
        struct buf agenda = { 0 };
        for (xmlNodePtr se = child(we, "agenda")->children; rc == 0 && se; se = se->next) {
            if (!is_el(se, "section"))
                continue;
            char *id = prop(se, "id", "");
            if (!tmpl_find_section(t, id))
                rc = fail(r, se, _("unknown section '%s' (not in the template snapshot)"), id);
            buf_printf(&agenda, "%s%s", agenda.len ? "," : "", id);
            free(id);
        }
        w.agenda = xstrdup(buf_str(&agenda));
        buf_free(&agenda);
        for (xmlNodePtr pe = child(we, "participants")->children; rc == 0 && pe;
             pe = pe->next) {
            if (!is_el(pe, "participant"))
                continue;
            w.participants = xrealloc(w.participants,
                                      (w.nparticipants + 1) * sizeof *w.participants);
            struct ws_participant *p = &w.participants[w.nparticipants++];
            p->name = child_text(pe, "name");
            p->role = child_text(pe, "role");
            p->organisation = child_text(pe, "organisation");
            p->represents = prop_is(pe, "represents", "yes");
        }
        for (xmlNodePtr qe = child(we, "settled")->children; rc == 0 && qe; qe = qe->next) {
            if (!is_el(qe, "question"))
                continue;
            char *id = prop(qe, "id", "");
            if (!tmpl_find_question(t, id)) {
                rc = fail(r, qe, _("unknown question '%s' (not in the template snapshot)"), id);
                free(id);
                break;
            }
            w.settled = xrealloc(w.settled, (w.nsettled + 1) * sizeof *w.settled);
            w.settled[w.nsettled++] = id;
        }
        for (xmlNodePtr pe = child(we, "open-points")->children; rc == 0 && pe;
             pe = pe->next) {
            if (!is_el(pe, "point"))
                continue;
            w.points = xrealloc(w.points, (w.npoints + 1) * sizeof *w.points);
            struct ws_point *p = &w.points[w.npoints++];
            p->text = text(pe);
            p->who = prop(pe, "who", "");
        }
        if (rc < 0) {
            assess_workshop_clear(&w);
            return -1;
        }
        assess_add_workshop(r->a, &w);
    }
    return 0;
}

/* The members (each once, one owner at least), the review's steps
 * (numbers rising), the comment threads (numbers once, questions of the
 * template) and the records made on someone's behalf. */
static int read_team(struct rd *r, xmlNodePtr root)
{
    struct assessment *a = r->a;
    xmlNodePtr me = child(root, "members");
    bool owner = false;
    for (xmlNodePtr m = me ? me->children : NULL; m; m = m->next) {
        if (!is_el(m, "member"))
            continue;
        char *person = prop(m, "person", ""), *role = prop(m, "role", "");
        int ro = member_role_parse(role);
        bool member;
        roles_of(a, person, &member);
        int rc = 0;
        if (!*person)
            rc = fail(r, m, _("a member without a name"));
        else if (member)
            rc = fail(r, m, _("member %s is given twice"), person);
        else if (ro < 0)
            rc = fail(r, m, _("unknown role '%s'"), role);
        else
            roles_add_member(a, person, (enum member_role)ro);
        owner = owner || ro == MR_OWNER;
        free(person);
        free(role);
        if (rc < 0)
            return -1;
    }
    if (me && !owner)
        return fail(r, me, _("the members name no owner"));
    xmlNodePtr rv = child(root, "review");
    for (xmlNodePtr p = rv ? rv->children : NULL; p; p = p->next) {
        if (!is_el(p, "step"))
            continue;
        struct review_step st = { 0 };
        st.number = prop_int(p, "number");
        char *kind = prop(p, "step", "");
        int k = review_kind_parse(kind);
        free(kind);
        if (k < 0 || (a->nsteps && st.number <= a->steps[a->nsteps - 1].number))
            return fail(r, p, _("step %d of the review is unknown or out of order"), st.number);
        st.kind = (enum review_kind)k;
        if (prop_time(r, p, "at", &st.when) < 0)
            return -1;
        st.who = prop(p, "who", "");
        st.text = text(p);
        roles_add_step(a, &st);
        roles_step_clear(&st);
    }
    xmlNodePtr cs = child(root, "comments");
    for (xmlNodePtr t = cs ? cs->children : NULL; t; t = t->next) {
        if (!is_el(t, "thread"))
            continue;
        struct comment c = { 0 };
        c.thread = prop_int(t, "number");
        c.question = prop(t, "question", "");
        int rc = 0;
        if (!tmpl_find_question(a->tmpl, c.question))
            rc = fail(r, t, _("unknown question '%s' (not in the template snapshot)"), c.question);
        if (rc == 0)
            rc = prop_time(r, t, "resolved-at", &c.resolved_at);
        c.resolved_by = prop(t, "resolved-by", "");
        bool first = true;
        for (xmlNodePtr ce = t->children; rc == 0 && ce; ce = ce->next) {
            if (!is_el(ce, "comment"))
                continue;
            c.number = prop_int(ce, "number");
            if (first && c.number != c.thread)
                rc = fail(r, ce, _("thread %d does not start with comment %d"), c.thread,
                          c.thread);
            else if (comment_find(a, c.number))
                rc = fail(r, ce, _("comment %d is given twice"), c.number);
            else if ((rc = prop_time(r, ce, "at", &c.when)) == 0) {
                struct comment one = c;
                one.who = prop(ce, "who", "");
                one.text = text(ce);
                /* Only the first of a thread says whether it is resolved. */
                if (!first) {
                    one.resolved_at = 0;
                    one.resolved_by = (char *)"";
                }
                roles_add_comment(a, &one);
                free(one.who);
                free(one.text);
            }
            first = false;
        }
        free(c.question);
        free(c.resolved_by);
        if (rc < 0)
            return -1;
    }
    xmlNodePtr ob = child(root, "on-behalf");
    for (xmlNodePtr b = ob ? ob->children : NULL; b; b = b->next) {
        if (!is_el(b, "record"))
            continue;
        struct behalf rec = { 0 };
        char *role = prop(b, "role", "");
        int ro = member_role_parse(role);
        free(role);
        rec.role = ro < 0 ? MR_READER : (enum member_role)ro;
        if (prop_time(r, b, "at", &rec.when) < 0)
            return -1;
        rec.what = prop(b, "what", "");
        rec.by = prop(b, "recorded-by", "");
        rec.person = prop(b, "for", "");
        rec.reason = text(b);
        roles_add_behalf(a, &rec);
        roles_behalf_clear(&rec);
    }
    return 0;
}

static int read_history(struct rd *r, xmlNodePtr root)
{
    for (xmlNodePtr ce = child(root, "history")->children; ce; ce = ce->next) {
        if (!is_el(ce, "change"))
            continue;
        int64_t when;
        if (prop_time(r, ce, "at", &when) < 0)
            return -1;
        char *who = prop(ce, "who", ""), *what = child_text(ce, "what");
        char *old = child_text(ce, "old"), *nw = child_text(ce, "new");
        assess_add_change(r->a, when, who, what, old, nw);
        free(who);
        free(what);
        free(old);
        free(nw);
    }
    return 0;
}

/* What changed since the revision this one replaces (its numbers and
 * date follow from the assessment's, so they are not read). */
static int read_changes(struct rd *r, xmlNodePtr root)
{
    xmlNodePtr ch = child(root, "changes");
    if (!ch)
        return 0;
    if (r->a->revision < 2)
        return fail(r, ch,
                    _("changes since an earlier revision in a record of the first revision"));
    struct diff *d = xcalloc(1, sizeof *d);
    r->a->since = d;
    for (xmlNodePtr ce = ch->children; ce; ce = ce->next) {
        if (!is_el(ce, "change"))
            continue;
        d->items = xgrow(d->items, &d->cap, d->n + 1, sizeof *d->items);
        struct diff_item *it = &d->items[d->n++];
        it->what = prop(ce, "what", "");
        it->label = child_text(ce, "label");
        it->old_value = child_text(ce, "old");
        it->new_value = child_text(ce, "new");
    }
    return 0;
}

/* --- the whole ------------------------------------------------------------- */

static int check_envelope(struct rd *r, xmlDocPtr doc)
{
    xmlNodePtr root = xmlDocGetRootElement(doc);
    if (!is_el(root, "record"))
        return fail(r, root, _("not a dpia record: the root element must be <record> in the "
                    "namespace %s"), REPORT_NS);
    char *v = prop(root, "version", "");
    int rc = 0;
    if (strcmp(v, REPORT_VERSION) != 0)
        rc = fail(r, root, _("record version '%s' is not supported (this dpia reads version %s)"),
                  v, REPORT_VERSION);
    free(v);
    if (rc < 0 || report_validate(doc, r->name, r->e) < 0)
        return -1;

    xmlNodePtr dg = NULL;
    for (xmlNodePtr c = root->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE)
            dg = c;
    char *stored = text(dg), hex[65];
    rc = report_doc_digest(doc, dg, hex, r->e);
    if (rc == 0 && strcmp(stored, hex) != 0)
        rc = fail(r, dg, _("the record digest does not match its content (the record was "
                  "changed after export)"));
    free(stored);
    return rc;
}

/* The element where a citation is made ("P2": the value of the table
 * with that prefix; "R1": that risk), for the line of a message. */
static const xmlNode *citer_node(struct rd *r, xmlNodePtr root, const char *who)
{
    const struct tmpl_question *q;
    if (table_parse_ref(r->a->tmpl, who, &q, NULL)) {
        for (xmlNodePtr se = child(root, "sections")->children; se; se = se->next)
            for (xmlNodePtr qe = is_el(se, "section") ? se->children : NULL; qe; qe = qe->next)
                if (is_el(qe, "question") && prop_is(qe, "id", q->id))
                    return child(child(qe, "answer"), "value");
    } else if (who[0] == 'R') {
        int n = atoi(who + 1);
        for (xmlNodePtr re = child(root, "risks")->children; re; re = re->next)
            if (is_el(re, "risk") && prop_int(re, "number") == n)
                return re;
    }
    return root;
}

/* Every reference to a table row must point to a row. */
static int read_check_rows(struct rd *r, xmlNodePtr root)
{
    char *d = table_dangling(r->a);
    int rc = 0;
    if (*d) {
        char *nl = strchr(d, '\n');
        *nl = '\0';
        char *sp = strchr(d, ' ');
        char *who = xstrndup(d, sp ? (size_t)(sp - d) : strlen(d));
        rc = fail(r, citer_node(r, root, who), _("%s, which is not a row of the assessment"), d);
        free(who);
    }
    free(d);
    return rc;
}

struct assessment *report_import(const char *buf, size_t len, const char *name,
                                 char **tmpl_xml, size_t *tmpl_len, struct err *e)
{
    *tmpl_xml = NULL;
    *tmpl_len = 0;
    if (len > REPORT_MAX_BYTES) {
        err_set(e, _("%s:1: larger than the limit of %u bytes"), name, REPORT_MAX_BYTES);
        return NULL;
    }
    xmlDocPtr doc = xmlsafe_parse(buf, len, name, REPORT_MAX_DEPTH, e);
    if (!doc)
        return NULL;
    struct rd r = { name, e, assess_new(), NULL, { NULL, 0, 0, false }, { NULL, 0, 0, false } };
    xmlNodePtr root = xmlDocGetRootElement(doc);
    char *xml = NULL;
    size_t xml_len = 0;
    if (check_envelope(&r, doc) < 0 || read_snapshot(&r, root, &xml, &xml_len) < 0 ||
        read_assessment(&r, root) < 0 || read_sections(&r, root) < 0 ||
        read_risks(&r, root) < 0 || read_check_rows(&r, root) < 0 ||
        read_measures(&r, root) < 0 ||
        read_signoffs(&r, root) < 0 || read_workshops(&r, root) < 0 ||
        read_team(&r, root) < 0 || read_history(&r, root) < 0 ||
        read_changes(&r, root) < 0) {
        xmlFreeDoc(doc);
        assess_free(r.a);
        free(xml);
        free(r.risks.slots);
        free(r.measures.slots);
        return NULL;
    }
    free(r.risks.slots);
    free(r.measures.slots);
    xmlFreeDoc(doc);
    *tmpl_xml = xml;
    *tmpl_len = xml_len;
    return r.a;
}
