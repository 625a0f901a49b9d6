/*
 * dpia show ID: one assessment at a glance, for people (text) or
 * scripts (tsv: one record per line, its kind first; json: one object).
 * Everything shown is worked out by core/logic.h; this file only lays
 * it out.
 */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "core/fields.h"
#include "core/logic.h"
#include "core/roles.h"
#include "core/workflow.h"
#include "ops/ops.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"

static const char *level_name(const struct tmpl_method *m, int level)
{
    return m && level >= 0 && level < m->nlevels ? m->levels[level].name : "";
}

/* The highest acceptable level of a method that declares its threshold,
 * or -1. */
static int acceptance_threshold(const struct tmpl_method *m)
{
    int t = -1;
    for (int i = 0; m && m->threshold_declared && i < m->nlevels; i++)
        if (m->levels[i].acceptable)
            t = i;
    return t;
}

static bool measure_open(const struct measure *m)
{
    return m->status == MS_PLANNED || m->status == MS_PROGRESS;
}

static const struct tmpl_question *criterion_question(const struct tmpl *t, int n)
{
    for (size_t i = 0; i < t->nquestions; i++)
        if (t->questions[i].criterion == n)
            return &t->questions[i];
    return NULL;
}

static char *risk_numbers(const struct measure *m)
{
    struct buf b = { 0 };
    for (size_t i = 0; i < m->nrisks; i++)
        buf_printf(&b, "%sR%d", i ? "," : "", m->risks[i]);
    return buf_take(&b);
}

/* Splits the blockers text into lines, calling put for each. */
static void each_line(const char *text, void (*put)(const char *line, size_t n, void *ctx),
                      void *ctx)
{
    size_t i = 0;
    while (text[i]) {
        size_t n = strcspn(text + i, "\n");
        put(text + i, n, ctx);
        i += n + (text[i + n] == '\n');
    }
}

/* --- text ---------------------------------------------------------------- */

static void text_blocker(const char *line, size_t n, void *ctx)
{
    char *l = strndup(line, n);
    fputs("  - ", stdout);
    cli_put_line(stdout, l);
    putchar('\n');
    free(l);
}

static void show_text(const struct assessment *a, const struct screening *sc,
                      const struct progress *total, const char *blockers, const char *warnings)
{
    const struct tmpl *t = a->tmpl;
    const struct tmpl_method *m = assess_method(a);
    char c1[32], c2[32];
    cli_put_line(stdout, a->title);
    printf(_("\n  number %lld, uuid %s\n"), (long long)a->id, a->uuid);
    printf(_("  status: %s\n  revision %d"), assess_status_label(a->status), a->revision);
    if (*a->replaces_date) {
        /* TRANSLATORS: followed by a date. */
        printf(_(", replacing the revision decided on "));
        cli_put_line(stdout, a->replaces_date);
    }
    printf(_("\n  template: "));
    cli_put_line(stdout, t->id);
    /* TRANSLATORS: between a template's id and its version. */
    printf(" %s ", _("version"));
    cli_put_line(stdout, t->version);
    printf(_("\n  risk method: "));
    cli_put_line(stdout, m ? m->name : "");
    int threshold = acceptance_threshold(m);
    if (threshold >= 0) {
        printf(_("\n  acceptance threshold: "));
        cli_put_line(stdout, m->levels[threshold].name);
    }
    printf(_("\n  created %s, last change %s\n"), cli_time(a->created, c1), cli_time(a->updated, c2));
    if (*a->review_date) {
        printf(_("  review date: "));
        cli_put_line(stdout, a->review_date);
        putchar('\n');
    }
    if (*a->controller) {
        printf(_("  controller: "));
        cli_put_line(stdout, a->controller);
        putchar('\n');
    }
    if (*a->dpo_contact) {
        printf(_("  DPO contact: "));
        cli_put_line(stdout, a->dpo_contact);
        putchar('\n');
    }
    printf(_("  progress: %d%% (%d of %d)\n"), logic_percent(total), total->answered, total->total);
    if (a->nmembers) {
        printf(_("  people: "));
        for (size_t i = 0; i < a->nmembers; i++) {
            printf("%s", i ? ", " : "");
            cli_put_line(stdout, a->members[i].person);
            printf(" (%s)", member_role_label(a->members[i].role));
        }
        putchar('\n');
    }
    enum review_state rs = review_state(a);
    if (rs != RS_NONE && rs != RS_DECIDED)
        printf(_("  review: %s\n"), review_state_label(rs));
    size_t threads = comment_open_threads(a, NULL);
    if (threads)
        printf(P_("  %zu open comment thread (dpia comments)\n",
                  "  %zu open comment threads (dpia comments)\n", threads), threads);
    for (size_t i = 0; i < a->nbehalf; i++) {
        const struct behalf *b = &a->behalf[i];
        char *text = roles_behalf_text(b);
        printf("  ");
        cli_put_line(stdout, b->what);
        printf(": ");
        cli_put_line(stdout, text);
        putchar('\n');
        free(text);
    }

    printf(_("\nSections\n"));
    for (size_t i = 0; i < t->nsections; i++) {
        struct progress p;
        logic_section_progress(a, i, &p);
        printf("  %3d/%-3d  ", p.answered, p.total);
        cli_put_line(stdout, t->sections[i].title);
        printf("%s\n", p.total > 0 && p.answered >= p.total ? _("  (done)") : "");
    }

    printf(_("\nScreening: %s\n  "), logic_outcome_label(sc->outcome));
    cli_put_line(stdout, sc->rule);
    putchar('\n');
    for (int i = 0; i < sc->ncriteria; i++) {
        const struct tmpl_question *q = criterion_question(t, sc->criteria[i]);
        printf(_("  criterion %d: "), sc->criteria[i]);
        cli_put_cut(stdout, q ? q->prompt : "", 90);
        putchar('\n');
    }
    for (int i = 0; i < sc->ngrounds; i++) {
        printf(_("  mandatory: "));
        cli_put_line(stdout, sc->grounds[i]);
        putchar('\n');
    }
    if (sc->declined)
        fputs(_("  The controller decided not to carry out a DPIA despite this outcome.\n"), stdout);

    printf(_("\nRisks (%zu)\n"), a->nrisks);
    for (size_t i = 0; i < a->nrisks; i++) {
        const struct risk *r = &a->risks[i];
        int before = logic_risk_inherent(a, r), after = logic_risk_residual(a, r);
        printf("  R%-3d ", r->number);
        cli_put_cut(stdout, r->title, 50);
        printf(_("\n       before: %s (likelihood %d, severity %d)  after: %s"),
               before >= 0 ? level_name(m, before) : _("not scored"), r->likelihood, r->severity,
               after >= 0 ? level_name(m, after) : _("not scored"));
        if (r->likelihood_after || r->severity_after)
            printf(_(" (likelihood %d, severity %d)"), r->likelihood_after, r->severity_after);
        if (threshold >= 0 && after >= 0)
            printf(", %s", m->levels[after].acceptable ? _("acceptable") : _("above the threshold"));
        if (r->type != RT_NONE) {
            /* TRANSLATORS: followed by the risk's type. */
            printf(_("\n       type "));
            cli_put_line(stdout, fields_risk_type_name(a, r));
        }
        if (*r->concerns) {
            /* TRANSLATORS: followed by the table rows the risk concerns (D1 P2). */
            printf(_("\n       concerns "));
            cli_put_line(stdout, r->concerns);
        }
        putchar('\n');
    }
    int highest = logic_highest_residual(a);
    if (highest >= 0)
        printf(logic_art36_required(a)
                   ? _("  highest residual risk: %s: prior consultation of the supervisory "
                       "authority (Art. 36) is required\n")
                   : _("  highest residual risk: %s\n"),
               level_name(m, highest));

    size_t nopen = 0;
    for (size_t i = 0; i < a->nmeasures; i++)
        nopen += measure_open(&a->measures[i]);
    printf(_("\nOpen measures (%zu of %zu)\n"), nopen, a->nmeasures);
    for (size_t i = 0; i < a->nmeasures; i++) {
        const struct measure *me = &a->measures[i];
        if (!measure_open(me))
            continue;
        char *risks = risk_numbers(me);
        printf("  M%-3d ", me->number);
        cli_put_cut(stdout, me->title, 50);
        printf("\n       %s, %s", measure_status_label(me->status), measure_type_label(me->type));
        if (*me->owner) {
            /* TRANSLATORS: followed by the measure's owner. */
            printf(_(", owner "));
            cli_put_cut(stdout, me->owner, 30);
        }
        if (*me->due) {
            /* TRANSLATORS: followed by the measure's due date. */
            printf(_(", due "));
            cli_put_line(stdout, me->due);
        }
        if (*risks)
            /* TRANSLATORS: %s is a list of risks, R1,R2. */
            printf(_(", for %s"), risks);
        const struct tmpl_group *g = *me->group ? fields_group(a->tmpl, me->group) : NULL;
        if (*me->group) {
            /* TRANSLATORS: followed by the name of the measure's group. */
            printf(_(", group "));
            cli_put_cut(stdout, g ? g->name : me->group, 40);
        }
        putchar('\n');
        free(risks);
    }

    printf(_("\nSign-offs\n"));
    for (int r = 0; r < SR_COUNT; r++) {
        const struct signoff *so = &a->signoffs[r];
        printf("  %s: ", signoff_role_label((enum signoff_role)r));
        if (!*so->name) {
            printf("-\n");
            continue;
        }
        cli_put_line(stdout, so->name);
        if (*so->date) {
            printf(", ");
            cli_put_line(stdout, so->date);
        }
        if (so->decision != DEC_NONE)
            printf(", %s", decision_label(so->decision));
        putchar('\n');
        if (so->acknowledged && *so->acknowledged) {
            printf(_("    warnings acknowledged with the decision:\n"));
            cli_put_text(stdout, so->acknowledged, "    - ");
            putchar('\n');
        }
    }

    if (a->njudgements) {
        printf(_("\nThe DPO's judgements (%zu of %zu sections)\n"), a->njudgements, t->nsections);
        for (size_t i = 0; i < t->nsections; i++) {
            const struct judgement *j = assess_judgement(a, t->sections[i].id);
            if (!j)
                continue;
            printf("  ");
            cli_put_line(stdout, t->sections[i].id);
            printf(": %s, ", verdict_label(j->verdict));
            cli_put_line(stdout, j->name);
            if (*j->date) {
                printf(", ");
                cli_put_line(stdout, j->date);
            }
            putchar('\n');
            if (*j->comment) {
                cli_put_text(stdout, j->comment, "    ");
                putchar('\n');
            }
        }
    }

    if (!wf_editable(a)) {
        printf(_("\nRevision %d is decided (%s): it stays as it was signed; dpia revise opens "
                 "the next.\n"), a->revision, assess_status_label(a->status));
        return;
    }
    if (*blockers) {
        int n = 0;
        for (const char *p = blockers; *p; p++)
            n += *p == '\n';
        printf(_("\nMissing for sign-off (%d)\n"), n);
        each_line(blockers, text_blocker, NULL);
    } else {
        fputs(_("\nNothing is missing for sign-off.\n"), stdout);
    }
    if (*warnings) {
        fputs(_("\nTo acknowledge before a decision\n"), stdout);
        each_line(warnings, text_blocker, NULL);
    }
}

/* --- tsv ------------------------------------------------------------------ */

static void tsv_blocker(const char *line, size_t n, void *ctx)
{
    char *l = strndup(line, n);
    printf("missing\t");
    cli_put_tsv(stdout, l);
    putchar('\n');
    free(l);
}

static void tsv_warning(const char *line, size_t n, void *ctx)
{
    (void)ctx;
    char *l = strndup(line, n);
    printf("warning\t");
    cli_put_tsv(stdout, l);
    putchar('\n');
    free(l);
}

static void show_tsv(const struct assessment *a, const struct screening *sc,
                     const struct progress *total, const char *blockers, const char *warnings)
{
    const struct tmpl_method *m = assess_method(a);
    char c1[32];
    printf("id\t%lld\nuuid\t%s\ntitle\t", (long long)a->id, a->uuid);
    cli_put_tsv(stdout, a->title);
    printf("\nstatus\t%s\nrevision\t%d\ntemplate\t", assess_status_key(a->status), a->revision);
    cli_put_tsv(stdout, a->tmpl->id);
    printf("\nupdated\t%s\nreview\t", cli_time_iso(a->updated, c1));
    cli_put_tsv(stdout, a->review_date);
    printf("\ncontroller\t");
    cli_put_tsv(stdout, a->controller);
    printf("\ndpo-contact\t");
    cli_put_tsv(stdout, a->dpo_contact);
    printf("\npercent\t%d\n", logic_percent(total));
    for (size_t i = 0; i < a->nmembers; i++) {
        printf("member\t");
        cli_put_tsv(stdout, a->members[i].person);
        printf("\t%s\n", member_role_key(a->members[i].role));
    }
    printf("review\t%s\nopen-threads\t%zu\n", review_state_key(review_state(a)),
           comment_open_threads(a, NULL));
    for (size_t i = 0; i < a->nbehalf; i++) {
        const struct behalf *b = &a->behalf[i];
        printf("on-behalf\t");
        cli_put_tsv(stdout, b->what);
        putchar('\t');
        cli_put_tsv(stdout, b->by);
        putchar('\t');
        cli_put_tsv(stdout, b->person);
        printf("\t%s\t", member_role_key(b->role));
        cli_put_tsv(stdout, b->reason);
        putchar('\n');
    }
    for (size_t i = 0; i < a->tmpl->nsections; i++) {
        struct progress p;
        logic_section_progress(a, i, &p);
        printf("section\t");
        cli_put_tsv(stdout, a->tmpl->sections[i].id);
        printf("\t%d\t%d\t", p.answered, p.total);
        cli_put_tsv(stdout, a->tmpl->sections[i].title);
        putchar('\n');
    }
    for (size_t i = 0; i < a->tmpl->nsections; i++) {
        const struct judgement *j = assess_judgement(a, a->tmpl->sections[i].id);
        if (!j)
            continue;
        printf("judgement\t");
        cli_put_tsv(stdout, j->section);
        printf("\t%s\t", verdict_key(j->verdict));
        cli_put_tsv(stdout, j->date);
        putchar('\t');
        cli_put_tsv(stdout, j->name);
        putchar('\t');
        cli_put_tsv(stdout, j->comment);
        putchar('\n');
    }
    printf("screening\t%s\t", logic_outcome_key(sc->outcome));
    cli_put_tsv(stdout, sc->rule);
    putchar('\n');
    for (int i = 0; i < sc->ncriteria; i++)
        printf("criterion\t%d\n", sc->criteria[i]);
    for (size_t i = 0; i < a->nrisks; i++) {
        const struct risk *r = &a->risks[i];
        printf("risk\tR%d\t%s\t", r->number, level_name(m, logic_risk_inherent(a, r)));
        printf("%s\t", level_name(m, logic_risk_residual(a, r)));
        cli_put_tsv(stdout, r->title);
        putchar('\n');
    }
    printf("highest\t%s\t%s\n", level_name(m, logic_highest_residual(a)),
           logic_art36_required(a) ? "art36" : "");
    for (size_t i = 0; i < a->nmeasures; i++) {
        const struct measure *me = &a->measures[i];
        if (!measure_open(me))
            continue;
        char *risks = risk_numbers(me);
        printf("measure\tM%d\t%s\t", me->number, measure_status_key(me->status));
        cli_put_tsv(stdout, me->owner);
        putchar('\t');
        cli_put_tsv(stdout, me->due);
        printf("\t%s\t", risks);
        cli_put_tsv(stdout, me->title);
        putchar('\n');
        free(risks);
    }
    each_line(blockers, tsv_blocker, NULL);
    each_line(warnings, tsv_warning, NULL);
}

/* --- json ----------------------------------------------------------------- */

static void json_blocker(const char *line, size_t n, void *ctx)
{
    int *count = ctx;
    char *l = strndup(line, n);
    printf("%s\n    ", (*count)++ ? "," : "");
    cli_put_json(stdout, l);
    free(l);
}

static void show_json(const struct assessment *a, const struct screening *sc,
                      const struct progress *total, const char *blockers, const char *warnings)
{
    const struct tmpl_method *m = assess_method(a);
    char c1[32];
    printf("{\n  \"id\": %lld,\n  \"uuid\": \"%s\",\n  \"title\": ", (long long)a->id, a->uuid);
    cli_put_json(stdout, a->title);
    printf(",\n  \"status\": \"%s\",\n  \"template\": ", assess_status_key(a->status));
    cli_put_json(stdout, a->tmpl->id);
    printf(",\n  \"updated\": \"%s\",\n  \"review_date\": ", cli_time_iso(a->updated, c1));
    cli_put_json(stdout, a->review_date);
    printf(",\n  \"controller\": ");
    cli_put_json(stdout, a->controller);
    printf(",\n  \"dpo_contact\": ");
    cli_put_json(stdout, a->dpo_contact);
    printf(",\n  \"members\": [");
    for (size_t i = 0; i < a->nmembers; i++) {
        printf("%s{\"person\": ", i ? ", " : "");
        cli_put_json(stdout, a->members[i].person);
        printf(", \"role\": \"%s\"}", member_role_key(a->members[i].role));
    }
    printf("],\n  \"review\": \"%s\",\n  \"open_threads\": %zu,\n  \"on_behalf\": [",
           review_state_key(review_state(a)), comment_open_threads(a, NULL));
    for (size_t i = 0; i < a->nbehalf; i++) {
        const struct behalf *b = &a->behalf[i];
        printf("%s{\"what\": ", i ? ", " : "");
        cli_put_json(stdout, b->what);
        printf(", \"by\": ");
        cli_put_json(stdout, b->by);
        printf(", \"for\": ");
        cli_put_json(stdout, b->person);
        printf(", \"role\": \"%s\", \"reason\": ", member_role_key(b->role));
        cli_put_json(stdout, b->reason);
        printf("}");
    }
    printf("]");
    printf(",\n  \"percent\": %d,\n  \"sections\": [", logic_percent(total));
    for (size_t i = 0; i < a->tmpl->nsections; i++) {
        struct progress p;
        logic_section_progress(a, i, &p);
        printf("%s\n    {\"id\": ", i ? "," : "");
        cli_put_json(stdout, a->tmpl->sections[i].id);
        printf(", \"title\": ");
        cli_put_json(stdout, a->tmpl->sections[i].title);
        printf(", \"answered\": %d, \"total\": %d", p.answered, p.total);
        const struct judgement *j = assess_judgement(a, a->tmpl->sections[i].id);
        if (j) {
            printf(", \"judgement\": {\"verdict\": \"%s\", \"date\": ", verdict_key(j->verdict));
            cli_put_json(stdout, j->date);
            printf(", \"name\": ");
            cli_put_json(stdout, j->name);
            printf(", \"comment\": ");
            cli_put_json(stdout, j->comment);
            printf("}");
        }
        printf("}");
    }
    printf("\n  ],\n  \"screening\": {\"outcome\": \"%s\", \"rule\": ",
           logic_outcome_key(sc->outcome));
    cli_put_json(stdout, sc->rule);
    printf(", \"criteria\": [");
    for (int i = 0; i < sc->ncriteria; i++)
        printf("%s%d", i ? ", " : "", sc->criteria[i]);
    printf("]},\n  \"risks\": [");
    for (size_t i = 0; i < a->nrisks; i++) {
        const struct risk *r = &a->risks[i];
        printf("%s\n    {\"number\": %d, \"title\": ", i ? "," : "", r->number);
        cli_put_json(stdout, r->title);
        printf(", \"likelihood\": %d, \"severity\": %d, \"level\": ", r->likelihood, r->severity);
        cli_put_json(stdout, level_name(m, logic_risk_inherent(a, r)));
        printf(", \"likelihood_after\": %d, \"severity_after\": %d, \"residual\": ",
               r->likelihood_after, r->severity_after);
        cli_put_json(stdout, level_name(m, logic_risk_residual(a, r)));
        printf("}");
    }
    printf("%s],\n  \"highest_residual\": ", a->nrisks ? "\n  " : "");
    cli_put_json(stdout, level_name(m, logic_highest_residual(a)));
    printf(",\n  \"art36\": %s,\n  \"open_measures\": [",
           logic_art36_required(a) ? "true" : "false");
    int k = 0;
    for (size_t i = 0; i < a->nmeasures; i++) {
        const struct measure *me = &a->measures[i];
        if (!measure_open(me))
            continue;
        printf("%s\n    {\"number\": %d, \"title\": ", k++ ? "," : "", me->number);
        cli_put_json(stdout, me->title);
        printf(", \"status\": \"%s\", \"owner\": ", measure_status_key(me->status));
        cli_put_json(stdout, me->owner);
        printf(", \"due\": ");
        cli_put_json(stdout, me->due);
        printf(", \"risks\": [");
        for (size_t j = 0; j < me->nrisks; j++)
            printf("%s%d", j ? ", " : "", me->risks[j]);
        printf("]}");
    }
    printf("%s],\n  \"missing\": [", k ? "\n  " : "");
    int nb = 0;
    each_line(blockers, json_blocker, &nb);
    printf("%s],\n  \"warnings\": [", nb ? "\n  " : "");
    nb = 0;
    each_line(warnings, json_blocker, &nb);
    printf("%s]\n}\n", nb ? "\n  " : "");
}

int cmd_show(const struct cli_global *g, int argc, char **argv)
{
    enum cli_format fmt;
    int revision = 0;
    int rc = cli_id_and_format("show", argc, argv, &fmt, &revision);
    if (rc)
        return rc;
    struct store *s;
    struct assessment *a = cli_open_load_revision(g, argv[optind], revision, &s, &rc);
    if (a) {
        struct screening sc;
        struct progress total;
        struct wf_list why = { 0 };
        struct buf blockers = { 0 }, warnings = { 0 };
        char today[16];
        ops_today(today);
        logic_screening(a, &sc);
        logic_progress(a, &total);
        /* A decided revision is frozen: nothing is missing from it. */
        if (wf_editable(a))
            wf_readiness(a, today, &why);
        wf_list_text(&why, WF_BLOCKER, "", &blockers);
        wf_list_text(&why, WF_WARNING, "", &warnings);
        if (fmt == CLI_TEXT)
            show_text(a, &sc, &total, buf_str(&blockers), buf_str(&warnings));
        else if (fmt == CLI_TSV)
            show_tsv(a, &sc, &total, buf_str(&blockers), buf_str(&warnings));
        else
            show_json(a, &sc, &total, buf_str(&blockers), buf_str(&warnings));
        buf_free(&blockers);
        buf_free(&warnings);
        wf_list_free(&why);
        assess_free(a);
    }
    store_close(s);
    return rc;
}
