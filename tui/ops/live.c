/*
 * Live on several terminals: an assessment open in one session follows
 * what the others change in it, and each session says who has it open
 * and on which question. The cheap test first (SQLite's data_version
 * moves only when another connection has committed), then the change
 * log's new entries and the presence rows.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/undo.h"
#include "ops/ops.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* How often this session's presence row is refreshed, and how often
 * the others' are read again when nothing else moved (rows age out). */
#define HEARTBEAT_SECONDS 10
#define PRESENCE_READ_SECONDS 5

void ops_live_start(struct store *s, struct ops_live *l, int64_t aid)
{
    memset(l, 0, sizeof *l);
    l->store = s;
    l->aid = aid;
    l->version = store_data_version(s);
    struct err e;
    if (aid > 0)
        store_watch_start(s, aid, &l->mark, &e);
    l->started = true;
}

void ops_live_seen(struct store *s, struct ops_live *l)
{
    if (!l->started)
        return;
    l->version = store_data_version(s);
    if (l->aid > 0) {
        struct err e;
        store_watch_start(s, l->aid, &l->mark, &e);
    }
}

void ops_live_end(struct ops_live *l)
{
    if (!l->started)
        return;
    if (l->aid > 0 && l->put_at && !store_is_read_only(l->store)) {
        struct err e;
        store_presence_drop(l->store, l->aid, &e);
    }
    store_presence_free(l->others, l->nothers);
    l->others = NULL;
    l->nothers = 0;
    l->started = false;
}

char *ops_live_describe(const struct assessment *a, const struct change *c)
{
    (void)a;
    const char *who = c->who[0] ? c->who : _("someone");
    if (undo_is_undo(c->what))
        return xasprintf(_("%s undid a change."), who);
    struct undo_subject sub;
    undo_parse(c->what, &sub);
    switch (sub.kind) {
    case UNDO_ANSWER:
        if (strcmp(sub.part, "note") == 0)
            return xasprintf(_("%s changed the note of %s."), who, sub.thing);
        if (strcmp(sub.part, "follow-up") == 0)
            return xasprintf(_("%s changed the follow-up flag of %s."), who, sub.thing);
        return xasprintf(_("%s changed the answer to %s."), who, sub.thing);
    case UNDO_RISK:
        if (strcmp(sub.part, "added") == 0)
            return xasprintf(_("%s added risk R%d."), who, sub.number);
        if (strcmp(sub.part, "deleted") == 0)
            return xasprintf(_("%s deleted risk R%d."), who, sub.number);
        return xasprintf(_("%s changed risk R%d."), who, sub.number);
    case UNDO_MEASURE:
        if (strcmp(sub.part, "added") == 0)
            return xasprintf(_("%s added measure M%d."), who, sub.number);
        if (strcmp(sub.part, "deleted") == 0)
            return xasprintf(_("%s deleted measure M%d."), who, sub.number);
        return xasprintf(_("%s changed measure M%d."), who, sub.number);
    case UNDO_SIGNOFF:
        return xasprintf(_("%s changed the sign-off of the %s."), who,
                         _(signoff_role_label((enum signoff_role)sub.role)));
    default:
        break;
    }
    /* The review, its comments and the members. */
    int n = 0, m = 0;
    if (strcmp(c->what, "review requested") == 0)
        return xasprintf(_("%s asked the DPO to review the assessment."), who);
    if (strcmp(c->what, "review returned") == 0)
        return xasprintf(_("%s returned the assessment with comments."), who);
    if (strcmp(c->what, "review passed") == 0)
        return xasprintf(_("%s passed the assessment to the decision-maker."), who);
    if (sscanf(c->what, "comment %d reply to %d", &n, &m) == 2)
        return xasprintf(_("%s replied to comment %d."), who, m);
    if (sscanf(c->what, "comment %d", &n) == 1 && strstr(c->what, " resolved"))
        return xasprintf(_("%s resolved the thread of comment %d."), who, n);
    if (sscanf(c->what, "comment %d on", &n) == 1 && strncmp(c->what, "comment ", 8) == 0) {
        const char *q = strstr(c->what, " on ");
        return xasprintf(_("%s commented on %s."), who, q ? q + 4 : "");
    }
    if (strncmp(c->what, "member ", 7) == 0)
        return xasprintf(_("%s changed the members of the assessment."), who);
    return xasprintf(_("%s changed the assessment (%s)."), who, c->what);
}

/* Reads the others' presence rows again; true when they differ. */
static bool read_presence(struct ops_live *l)
{
    struct store_presence *p;
    size_t n;
    struct err e;
    l->presence_read = time(NULL);
    if (store_presence_list(l->store, l->aid, OPS_PRESENCE_MAX_AGE, &p, &n, &e) < 0)
        return false;
    bool same = n == l->nothers;
    for (size_t i = 0; same && i < n; i++)
        same = strcmp(p[i].who, l->others[i].who) == 0 &&
               strcmp(p[i].question, l->others[i].question) == 0 &&
               strcmp(p[i].host, l->others[i].host) == 0 && p[i].pid == l->others[i].pid &&
               p[i].editing == l->others[i].editing;
    store_presence_free(l->others, l->nothers);
    l->others = p;
    l->nothers = n;
    return !same;
}

/* Writes this session's row: on question q, editing it or not. */
static void put_self(struct store *s, struct ops_live *l, const char *q, bool editing, time_t now)
{
    struct err e;
    /* Tried once per heartbeat whether it took or not: a database busy
     * elsewhere is not asked again at every poll. */
    store_presence_put(s, l->aid, q, editing, &e);
    l->put_at = now;
    l->editing = editing;
    snprintf(l->question, sizeof l->question, "%s", q);
}

void ops_live_editing(struct store *s, struct ops_live *l, const char *question, bool editing)
{
    if (!l->started || l->aid <= 0 || store_is_read_only(s))
        return;
    const char *q = question ? question : "";
    if (l->put_at && editing == l->editing && strcmp(q, l->question) == 0)
        return;
    put_self(s, l, q, editing, time(NULL));
}

int ops_live_poll(struct store *s, struct ops_live *l, const char *question, bool hold,
                  char **message)
{
    *message = NULL;
    if (!l->started)
        return OPS_LIVE_NONE;
    int r = OPS_LIVE_NONE;
    time_t now = time(NULL);
    if (l->aid > 0) {
        const char *q = question ? question : "";
        /* This session's row: when the question changes, and often
         * enough that the others do not take it for a session that has
         * ended. */
        if (!store_is_read_only(s) &&
            (!l->put_at || strcmp(q, l->question) != 0 || hold != l->editing ||
             now - l->put_at >= HEARTBEAT_SECONDS))
            put_self(s, l, q, hold, now);
        if (now - l->presence_read >= PRESENCE_READ_SECONDS && read_presence(l))
            r = OPS_LIVE_PRESENCE;
    }
    int64_t v = store_data_version(s);
    if (v == l->version || hold)
        return r;
    l->version = v;
    if (l->aid <= 0)
        return OPS_LIVE_CHANGED;
    if (read_presence(l))
        r = OPS_LIVE_PRESENCE;
    struct change *c;
    size_t n;
    struct err e;
    if (store_watch(s, l->aid, &l->mark, &c, &n, &e) < 0) {
        /* The assessment may be gone: the caller's reload says so. */
        return OPS_LIVE_CHANGED;
    }
    if (n == 0)
        return r;
    char *last = ops_live_describe(NULL, &c[n - 1]);
    if (n > 1) {
        *message = xasprintf(P_("%s And %zu earlier change.", "%s And %zu earlier changes.", n - 1),
                             last, n - 1);
        free(last);
    } else {
        *message = last;
    }
    store_watch_free(c, n);
    return OPS_LIVE_CHANGED;
}

size_t ops_live_others_on(const struct ops_live *l, const char *qid)
{
    size_t k = 0;
    for (size_t i = 0; i < l->nothers; i++)
        if (qid && l->others[i].question[0] && strcmp(l->others[i].question, qid) == 0)
            k++;
    return k;
}

size_t ops_live_editing_on(const struct ops_live *l, const char *qid)
{
    size_t k = 0;
    for (size_t i = 0; i < l->nothers; i++)
        if (qid && l->others[i].editing && l->others[i].question[0] &&
            strcmp(l->others[i].question, qid) == 0)
            k++;
    return k;
}
