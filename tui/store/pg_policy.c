/*
 * The roles of core/roles.h kept by a PostgreSQL server itself, so that a
 * client other than dpia (psql, a modified dpia) is held to them too.
 *
 * The person is the database role the server authenticated
 * (session_user). The role that made dpia's tables owns them and is not
 * under these rules: it administers the database (dpia copy into it, a
 * migration). Everyone else gets the tables through grants to PUBLIC
 * (who may connect to the database is the server's own business:
 * pg_hba.conf, CONNECT), and row-level security decides, for every row,
 * from (assessment, session_user, role in members):
 *
 *  - everyone reads everything, as readers do, but the others' drafts;
 *  - anyone may create an assessment, and is its first owner;
 *  - answers, risks, measures and their links, workshops, revisions:
 *    owners and contributors;
 *  - the DPO's sign-off and the judgements: the DPO (an owner while
 *    nobody holds the role); the controller's sign-off: the
 *    decision-maker (likewise); or someone who may edit and recorded in
 *    the same revision that they did so on that person's behalf;
 *  - members: owners (and anyone while an assessment has no owner yet:
 *    the one creating or importing it);
 *  - the review's steps: a request by owners and contributors, a pass
 *    by the DPO, a return by the DPO or the decision-maker;
 *  - comments: written by anyone but a reader, in their own name; then
 *    only whether they are resolved changes (a column grant), by the
 *    author, an owner or the DPO;
 *  - the change log: appended in one's own name, by anyone but a reader
 *    (and by whoever leaves an assessment, of their leaving); never
 *    deleted;
 *  - while an assessment has no owner yet (it is being created or
 *    imported), whoever writes it writes it whole, in the names its
 *    record gives;
 *  - drafts and presence: one's own (anyone clears a stale presence);
 *  - the assessment's row: its summary by anyone but a reader; its
 *    fields by owners and contributors; its status as the workflow
 *    moves it (a trigger, since a policy cannot see the old row).
 *
 * dpia asks the same rules before every change (ops/), so these only
 * refuse what dpia would have refused, in words of its own. They are
 * made with the schema and replaced whenever their version
 * (POLICY_VERSION, returned by dpia_policy_version()) is older than
 * this program's, by the role that owns the tables.
 */
#include "config.h"
#include "store/store.h"

#include <stdlib.h>
#include <string.h>

#include "store/store_int.h"
#include "util/buf.h"
#include "util/i18n.h"
#include "util/xalloc.h"

#define POLICY_VERSION 1

/* The trigger below: the one check() accepts. */
const char store_pg_guard_trigger[] = "dpia_assessment_guard";

/* Tables holding rows of one assessment in a column of that name, and
 * what a write to them needs (an act of dpia_may). */
static const struct {
    const char *table;
    const char *act;
} plain[] = {
    { "answers", "edit" }, { "risks", "edit" }, { "measures", "edit" },
    { "workshops", "edit" },
};

/* Tables whose rows belong to a row of another (FK column -> table). */
static const struct {
    const char *table, *column, *parent;
} children[] = {
    { "measure_risks", "measure", "measures" },
    { "workshop_participants", "workshop", "workshops" },
    { "workshop_points", "workshop", "workshops" },
    { "workshop_settled", "workshop", "workshops" },
};

/* Every table of the schema, for the grants and for enabling security. */
static const char *const all_tables[] = {
    "templates", "assessments", "answers", "risks", "measures", "measure_risks", "signoffs",
    "history", "revisions", "drafts", "judgements", "presence", "workshops",
    "workshop_participants", "workshop_points", "workshop_settled", "members", "review_steps",
    "comments", "on_behalf",
};

/* The functions, in schema S (already quoted). */
static void functions(struct buf *b, const char *S)
{
    buf_printf(b,
        "CREATE FUNCTION %s.dpia_policy_version() RETURNS integer LANGUAGE sql IMMUTABLE "
        "AS 'SELECT %d';\n", S, POLICY_VERSION);
    /* Whether who may do act on assessment a: core/roles.c's roles_may,
     * from one look at the assessment's members. */
    buf_printf(b,
        "CREATE FUNCTION %s.dpia_may(a bigint, act text, who text DEFAULT session_user) "
        "RETURNS boolean LANGUAGE plpgsql STABLE SECURITY DEFINER "
        "SET search_path = %s, pg_temp AS $f$\n"
        "DECLARE n bigint; r text; dpo boolean; decider boolean;\n"
        "BEGIN\n"
        "  SELECT count(*), max(m.role) FILTER (WHERE m.person = who),\n"
        "         coalesce(bool_or(m.role = 'dpo'), false),\n"
        "         coalesce(bool_or(m.role = 'decision-maker'), false)\n"
        "    INTO n, r, dpo, decider FROM members m WHERE m.assessment = a;\n"
        "  IF n = 0 THEN\n"
        "    RETURN true;\n"
        "  END IF;\n"
        "  r := coalesce(r, 'reader');\n"
        "  RETURN CASE act\n"
        "    WHEN 'edit' THEN r IN ('owner', 'contributor')\n"
        "    WHEN 'comment' THEN r <> 'reader'\n"
        "    WHEN 'own' THEN r = 'owner'\n"
        "    WHEN 'dpo' THEN CASE WHEN dpo THEN r = 'dpo' ELSE r = 'owner' END\n"
        "    WHEN 'decide' THEN CASE WHEN decider THEN r = 'decision-maker' ELSE r = 'owner' END\n"
        "    ELSE false END;\n"
        "END $f$;\n", S, S);
    /* The act a record made on someone's behalf stands for. */
    buf_printf(b,
        "CREATE FUNCTION %s.dpia_act_of(what text) RETURNS text LANGUAGE sql IMMUTABLE AS $f$\n"
        "  SELECT CASE WHEN what = 'sign-off dpo' OR what LIKE 'judgement %%' THEN 'dpo'\n"
        "    WHEN what IN ('sign-off controller', 'close') THEN 'decide' ELSE 'edit' END $f$;\n",
        S);
    /* Whether session_user may write what on a: may do its act, or may
     * edit and recorded in this revision that they write it on behalf of
     * someone who may. */
    buf_printf(b,
        "CREATE FUNCTION %s.dpia_may_record(a bigint, what text) RETURNS boolean "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %s, pg_temp AS $f$\n"
        "  SELECT dpia_may(a, dpia_act_of(what)) OR (dpia_may(a, 'edit') AND EXISTS (\n"
        "    SELECT 1 FROM on_behalf b JOIN assessments x ON x.id = b.assessment\n"
        "    WHERE b.assessment = a AND b.what = dpia_may_record.what\n"
        "      AND b.recorded_by = session_user AND b.revision = x.revision)) $f$;\n", S, S);
    /* Whether the revision a is at has just been kept (a sign-off or a
     * judgement of it may then be cleared by whoever may edit). */
    buf_printf(b,
        "CREATE FUNCTION %s.dpia_kept(a bigint) RETURNS boolean "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %s, pg_temp AS $f$\n"
        "  SELECT EXISTS (SELECT 1 FROM revisions r JOIN assessments x ON x.id = r.assessment\n"
        "    WHERE r.assessment = a AND r.number = x.revision) $f$;\n", S, S);
    /* Whether assessment a has an owner (members may be added to it by
     * its creator until it has). */
    buf_printf(b,
        "CREATE FUNCTION %s.dpia_owned(a bigint) RETURNS boolean "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %s, pg_temp AS $f$\n"
        "  SELECT EXISTS (SELECT 1 FROM members m WHERE m.assessment = a AND m.role = 'owner')"
        " $f$;\n", S, S);
    /* Whether session_user is not under the policies (the tables' owner,
     * a superuser, a role with BYPASSRLS): the trigger lets them be too. */
    buf_printf(b,
        "CREATE FUNCTION %s.dpia_unbound() RETURNS boolean "
        "LANGUAGE sql STABLE SECURITY DEFINER SET search_path = %s, pg_temp AS $f$\n"
        "  SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_roles r WHERE r.rolname = session_user\n"
        "    AND (r.rolsuper OR r.rolbypassrls)) OR EXISTS (SELECT 1 FROM pg_catalog.pg_class c\n"
        "    WHERE c.relname = 'assessments' AND c.relnamespace = pg_catalog.to_regnamespace(\n"
        "    current_schema())::oid AND pg_catalog.pg_has_role(session_user, c.relowner, "
        "'MEMBER')) $f$;\n", S, S);
    /* The assessment's row: the fields, the status and the revision. */
    buf_printf(b,
        "CREATE FUNCTION %s.dpia_assessment_guard() RETURNS trigger LANGUAGE plpgsql "
        "SET search_path = %s, pg_temp AS $f$\n"
        "DECLARE decided text[] := ARRAY['approved', 'approved-with-conditions', 'rejected',\n"
        "  'referred', 'not-required'];\n"
        "BEGIN\n"
        /* Most writes move the summary alone (updated, percent...). */
        "  IF (NEW.id, NEW.uuid, NEW.template, NEW.method, NEW.created, NEW.title,\n"
        "      NEW.review_date, NEW.next_risk, NEW.next_measure, NEW.controller, NEW.dpo_contact,\n"
        "      NEW.lang, NEW.revision, NEW.replaces_date, NEW.status, NEW.archived_from)\n"
        "     IS NOT DISTINCT FROM\n"
        "     (OLD.id, OLD.uuid, OLD.template, OLD.method, OLD.created, OLD.title,\n"
        "      OLD.review_date, OLD.next_risk, OLD.next_measure, OLD.controller, OLD.dpo_contact,\n"
        "      OLD.lang, OLD.revision, OLD.replaces_date, OLD.status, OLD.archived_from)\n"
        "     OR dpia_unbound() THEN\n"
        "    RETURN NEW;\n"
        "  END IF;\n"
        "  IF (NEW.id, NEW.uuid, NEW.template, NEW.method, NEW.created) IS DISTINCT FROM\n"
        "     (OLD.id, OLD.uuid, OLD.template, OLD.method, OLD.created) THEN\n"
        "    RAISE EXCEPTION 'dpia: %% may not change what assessment %% is', session_user, OLD.id\n"
        "      USING ERRCODE = 'insufficient_privilege';\n"
        "  END IF;\n"
        "  IF (NEW.title, NEW.review_date, NEW.next_risk, NEW.next_measure, NEW.controller,\n"
        "      NEW.dpo_contact, NEW.lang, NEW.revision, NEW.replaces_date) IS DISTINCT FROM\n"
        "     (OLD.title, OLD.review_date, OLD.next_risk, OLD.next_measure, OLD.controller,\n"
        "      OLD.dpo_contact, OLD.lang, OLD.revision, OLD.replaces_date)\n"
        "     AND NOT dpia_may(OLD.id, 'edit') THEN\n"
        "    RAISE EXCEPTION 'dpia: %% may not change assessment %%: that needs the role owner "
        "or contributor', session_user, OLD.id USING ERRCODE = 'insufficient_privilege';\n"
        "  END IF;\n"
        "  IF NEW.revision <> OLD.revision AND NOT dpia_kept(OLD.id) THEN\n"
        "    RAISE EXCEPTION 'dpia: assessment %% cannot open a revision without keeping revision %%',\n"
        "      OLD.id, OLD.revision USING ERRCODE = 'insufficient_privilege';\n"
        "  END IF;\n"
        "  IF NEW.status = OLD.status AND NEW.archived_from = OLD.archived_from THEN\n"
        "    RETURN NEW;\n"
        "  END IF;\n"
        "  IF NEW.status = 'archived' OR OLD.status = 'archived'\n"
        "     OR NEW.archived_from <> OLD.archived_from THEN\n"
        "    IF dpia_may(OLD.id, 'own') THEN RETURN NEW; END IF;\n"
        "  ELSIF NEW.status = ANY (decided) THEN\n"
        "    IF dpia_may_record(OLD.id, CASE NEW.status WHEN 'not-required' THEN 'close'\n"
        "        ELSE 'sign-off controller' END) THEN RETURN NEW; END IF;\n"
        "  ELSIF OLD.status = ANY (decided) THEN\n"
        "    IF dpia_may(OLD.id, 'decide') OR (NEW.status = 'draft' AND dpia_may(OLD.id, 'edit')\n"
        "        AND NOT EXISTS (SELECT 1 FROM signoffs s WHERE s.assessment = OLD.id\n"
        "        AND s.role = 'controller' AND s.decision <> '')) THEN RETURN NEW; END IF;\n"
        "  ELSIF OLD.status = 'review' THEN\n"
        "    IF dpia_may(OLD.id, 'dpo') OR dpia_may(OLD.id, 'decide') THEN RETURN NEW; END IF;\n"
        "  ELSIF dpia_may(OLD.id, 'edit') THEN\n"
        "    RETURN NEW;\n"
        "  END IF;\n"
        "  RAISE EXCEPTION 'dpia: %% may not move assessment %% from %% to %%', session_user,\n"
        "    OLD.id, OLD.status, NEW.status USING ERRCODE = 'insufficient_privilege';\n"
        "END $f$;\n", S, S);
}

/* One policy: FOR cmd on table, with USING and WITH CHECK (NULL: none). */
static void policy(struct buf *b, const char *S, const char *table, const char *name,
                   const char *cmd, const char *use, const char *check)
{
    buf_printf(b, "CREATE POLICY dpia_%s ON %s.%s FOR %s", name, S, table, cmd);
    if (use)
        buf_printf(b, " USING (%s)", use);
    if (check)
        buf_printf(b, " WITH CHECK (%s)", check);
    buf_adds(b, ";\n");
}

/* The same test for inserting, changing and removing rows. */
static void writes(struct buf *b, const char *S, const char *table, const char *test)
{
    policy(b, S, table, "insert", "INSERT", NULL, test);
    policy(b, S, table, "update", "UPDATE", test, test);
    policy(b, S, table, "delete", "DELETE", test, NULL);
}

static void policies(struct buf *b, const char *S)
{
    /* Everyone reads everything but the drafts, which are what each
     * person typed and has not saved. */
    for (size_t i = 0; i < sizeof all_tables / sizeof all_tables[0]; i++) {
        buf_printf(b, "ALTER TABLE %s.%s ENABLE ROW LEVEL SECURITY;\n", S, all_tables[i]);
        policy(b, S, all_tables[i], "read", "SELECT",
               strcmp(all_tables[i], "drafts") == 0 ? "who = session_user" : "true", NULL);
    }
    for (size_t i = 0; i < sizeof plain / sizeof plain[0]; i++) {
        char *test = xasprintf("dpia_may(assessment, '%s')", plain[i].act);
        writes(b, S, plain[i].table, test);
        free(test);
    }
    for (size_t i = 0; i < sizeof children / sizeof children[0]; i++) {
        char *test = xasprintf("dpia_may((SELECT p.assessment FROM %s.%s p WHERE p.id = %s), "
                               "'edit')", S, children[i].parent, children[i].column);
        writes(b, S, children[i].table, test);
        free(test);
    }
    policy(b, S, "templates", "insert", "INSERT", NULL, "true");
    policy(b, S, "assessments", "insert", "INSERT", NULL, "true");
    policy(b, S, "assessments", "update", "UPDATE", "dpia_may(id, 'comment')",
           "dpia_may(id, 'comment')");
    policy(b, S, "assessments", "delete", "DELETE", "dpia_may(id, 'own')", NULL);
    policy(b, S, "revisions", "insert", "INSERT", NULL, "dpia_may(assessment, 'comment')");
    /* The sign-offs: the assessor's by whoever edits; the DPO's and the
     * controller's as their records. Cleared when a revision is kept. */
    static const char sign[] =
        "CASE role WHEN 'dpo' THEN dpia_may_record(assessment, 'sign-off dpo') "
        "WHEN 'controller' THEN dpia_may_record(assessment, 'sign-off controller') "
        "ELSE dpia_may(assessment, 'edit') END";
    static const char sign_clear[] =
        "(dpia_may(assessment, 'edit') AND dpia_kept(assessment)) OR "
        "CASE role WHEN 'dpo' THEN dpia_may_record(assessment, 'sign-off dpo') "
        "WHEN 'controller' THEN dpia_may_record(assessment, 'sign-off controller') "
        "ELSE dpia_may(assessment, 'edit') END";
    policy(b, S, "signoffs", "insert", "INSERT", NULL, sign);
    policy(b, S, "signoffs", "update", "UPDATE", sign, sign);
    policy(b, S, "signoffs", "delete", "DELETE", sign_clear, NULL);
    static const char judge[] = "dpia_may_record(assessment, 'judgement ' || section)";
    static const char judge_clear[] =
        "(dpia_may(assessment, 'edit') AND dpia_kept(assessment)) OR "
        "dpia_may_record(assessment, 'judgement ' || section)";
    policy(b, S, "judgements", "insert", "INSERT", NULL, judge);
    policy(b, S, "judgements", "update", "UPDATE", judge, judge);
    policy(b, S, "judgements", "delete", "DELETE", judge_clear, NULL);
    /* Records made on someone's behalf: by one who may edit, in their own
     * name, for someone who may do what was recorded. */
    static const char behalf[] =
        "NOT dpia_owned(assessment) OR (dpia_may(assessment, 'edit') "
        "AND recorded_by = session_user AND dpia_may(assessment, dpia_act_of(what), person))";
    policy(b, S, "on_behalf", "insert", "INSERT", NULL, behalf);
    /* Replacing another's record made on the same person's behalf too. */
    policy(b, S, "on_behalf", "update", "UPDATE",
           "NOT dpia_owned(assessment) OR dpia_may(assessment, 'edit')", behalf);
    policy(b, S, "on_behalf", "delete", "DELETE", "dpia_may(assessment, dpia_act_of(what))",
           NULL);
    /* Members: owners; the first owner by whoever creates the assessment. */
    policy(b, S, "members", "insert", "INSERT", NULL,
           "dpia_may(assessment, 'own') OR NOT dpia_owned(assessment)");
    policy(b, S, "members", "update", "UPDATE", "dpia_may(assessment, 'own')",
           "dpia_may(assessment, 'own')");
    policy(b, S, "members", "delete", "DELETE", "dpia_may(assessment, 'own')", NULL);
    policy(b, S, "review_steps", "insert", "INSERT", NULL,
           "(who = session_user OR NOT dpia_owned(assessment)) AND CASE step WHEN 'requested' THEN dpia_may(assessment, 'edit') "
           "WHEN 'passed' THEN dpia_may(assessment, 'dpo') "
           "ELSE dpia_may(assessment, 'dpo') OR dpia_may(assessment, 'decide') END");
    policy(b, S, "comments", "insert", "INSERT", NULL,
           "(who = session_user OR NOT dpia_owned(assessment)) "
           "AND dpia_may(assessment, 'comment')");
    policy(b, S, "comments", "update", "UPDATE",
           "who = session_user OR dpia_may(assessment, 'own') OR dpia_may(assessment, 'dpo')",
           "resolved_by IN ('', session_user)");
    /* One's own entry when leaving an assessment included. */
    policy(b, S, "history", "insert", "INSERT", NULL,
           "(who = session_user OR NOT dpia_owned(assessment)) "
           "AND (dpia_may(assessment, 'comment') OR what = 'member ' || session_user)");
    policy(b, S, "history", "update", "UPDATE", "who = session_user", "who = session_user");
    writes(b, S, "drafts", "who = session_user");
    policy(b, S, "presence", "insert", "INSERT", NULL, "who = session_user");
    policy(b, S, "presence", "update", "UPDATE", "who = session_user", "who = session_user");
    policy(b, S, "presence", "delete", "DELETE", "true", NULL);
    buf_printf(b, "CREATE TRIGGER %s BEFORE UPDATE ON %s.assessments FOR EACH ROW "
               "EXECUTE FUNCTION %s.dpia_assessment_guard();\n", store_pg_guard_trigger, S, S);
}

/* What PUBLIC may do at all; the policies then choose the rows. */
static void grants(struct buf *b, const char *S)
{
    for (size_t i = 0; i < sizeof all_tables / sizeof all_tables[0]; i++)
        buf_printf(b, "GRANT SELECT ON %s.%s TO PUBLIC;\n", S, all_tables[i]);
    static const char *const full[] = {
        "answers", "risks", "measures", "measure_risks", "signoffs", "judgements", "drafts",
        "presence", "workshops", "workshop_participants", "workshop_points",
        "workshop_settled", "members", "on_behalf", "assessments",
    };
    for (size_t i = 0; i < sizeof full / sizeof full[0]; i++)
        buf_printf(b, "GRANT INSERT, UPDATE, DELETE ON %s.%s TO PUBLIC;\n", S, full[i]);
    static const char *const append[] = {
        "templates", "revisions", "review_steps", "comments", "history",
    };
    for (size_t i = 0; i < sizeof append / sizeof append[0]; i++)
        buf_printf(b, "GRANT INSERT ON %s.%s TO PUBLIC;\n", S, append[i]);
    buf_printf(b, "GRANT UPDATE (resolved_by, resolved_at) ON %s.comments TO PUBLIC;\n", S);
    buf_printf(b, "GRANT UPDATE (at, new_value) ON %s.history TO PUBLIC;\n", S);
    buf_printf(b, "GRANT SELECT, UPDATE (data_version) ON %s." DB_PG_STATE_TABLE
               " TO PUBLIC;\n", S);
    buf_printf(b, "GRANT USAGE ON ALL SEQUENCES IN SCHEMA %s TO PUBLIC;\n", S);
}

/* Removes what an older version of the policies made. */
static void drop_old(struct buf *b, const char *S)
{
    buf_printf(b, "DROP TRIGGER IF EXISTS %s ON %s.assessments;\n", store_pg_guard_trigger, S);
    buf_printf(b,
        "DO $d$ DECLARE p record; BEGIN\n"
        "  FOR p IN SELECT pol.polname, c.relname FROM pg_catalog.pg_policy pol\n"
        "    JOIN pg_catalog.pg_class c ON c.oid = pol.polrelid\n"
        "    JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace\n"
        "    WHERE n.nspname = current_schema() AND pol.polname LIKE 'dpia\\_%%' LOOP\n"
        "    EXECUTE format('DROP POLICY %%I ON %%I', p.polname, p.relname);\n"
        "  END LOOP;\n"
        "END $d$;\n");
    static const char *const fns[] = {
        "dpia_assessment_guard()", "dpia_unbound()", "dpia_owned(bigint)", "dpia_kept(bigint)",
        "dpia_may_record(bigint, text)", "dpia_act_of(text)", "dpia_may(bigint, text, text)",
        "dpia_policy_version()",
    };
    for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
        buf_printf(b, "DROP FUNCTION IF EXISTS %s.%s;\n", S, fns[i]);
}

/* The schema's name, quoted for SQL; NULL with e. */
static char *schema_name(struct store *s, struct err *e)
{
    struct db_stmt *st = db_prepare(s->db, "SELECT pg_catalog.quote_ident(current_schema())");
    char *name = NULL;
    if (st && db_step(st) == DB_ROW) {
        size_t len;
        const char *t = db_column_text(st, 0, &len);
        name = t ? xstrdup(t) : NULL;
    }
    db_finalize(st);
    if (!name)
        store_db_error(s, _("cannot read the database"), e);
    return name;
}

/* An integer from one query, -1 when it gives no row; -2 on error. */
static int64_t one_int(struct store *s, const char *sql)
{
    struct db_stmt *st = db_prepare(s->db, sql);
    int rc = st ? db_step(st) : DB_ERROR;
    int64_t v = rc == DB_ROW ? db_column_int64(st, 0) : rc == DB_DONE ? -1 : -2;
    db_finalize(st);
    return v;
}

int store_pg_policy_sql(struct store *s, bool fresh, struct err *e)
{
    char *S = schema_name(s, e);
    if (!S)
        return -1;
    struct buf b = { 0 };
    if (!fresh)
        drop_old(&b, S);
    functions(&b, S);
    policies(&b, S);
    grants(&b, S);
    int rc = store_exec_sql(s, b.data, e);
    free(b.data);
    free(S);
    if (rc < 0)
        err_prefix(e, _("setting the roles' rules on the database"));
    return rc;
}

int64_t store_pg_policy_version(struct store *s)
{
    int64_t have = one_int(s, "SELECT CASE WHEN pg_catalog.to_regproc('dpia_policy_version') "
                           "IS NULL THEN -1 ELSE 0 END");
    return have == 0 ? one_int(s, "SELECT dpia_policy_version()") : have;
}

int store_pg_policy(struct store *s, struct err *e)
{
    int64_t have = store_pg_policy_version(s);
    if (have == -2)
        return store_db_error(s, _("cannot read the database"), e);
    if (have >= POLICY_VERSION)
        return 0;
    /* Only the tables' owner may make them; anyone else works under the
     * rules there are (or, with none, under no grant at all). */
    if (s->read_only)
        return 0;
    char *other = store_pg_other_owner(s);
    bool mine = !other;
    free(other);
    if (!mine)
        return 0;
    if (store_txn_begin(s, e) < 0)
        return -1;
    if (store_pg_policy_sql(s, have < 0, e) < 0) {
        store_txn_rollback(s);
        return -1;
    }
    return store_txn_commit(s, e);
}

char *store_pg_other_owner(struct store *s)
{
    struct db_stmt *st = db_prepare(s->db, "SELECT pg_catalog.pg_get_userbyid(c.relowner) FROM "
                                    "pg_catalog.pg_class c WHERE c.relname = 'assessments' AND "
                                    "c.relnamespace = pg_catalog.to_regnamespace("
                                    "current_schema())::oid AND NOT pg_catalog.pg_has_role("
                                    "c.relowner, 'USAGE')");
    char *owner = NULL;
    if (st && db_step(st) == DB_ROW) {
        size_t len;
        const char *t = db_column_text(st, 0, &len);
        owner = xstrdup(t ? t : "?");
    }
    db_finalize(st);
    return owner;
}

int store_check_unbound(struct store *s, struct err *e)
{
    if (!store_on_server(s))
        return 0;
    struct db_stmt *st = db_prepare(s->db, "SELECT dpia_unbound()::int, pg_catalog.pg_get_userbyid("
                                    "c.relowner) FROM pg_catalog.pg_class c WHERE c.relname = "
                                    "'assessments' AND c.relnamespace = pg_catalog."
                                    "to_regnamespace(current_schema())::oid");
    int rc = st ? db_step(st) : DB_ERROR;
    if (rc != DB_ROW) {
        db_finalize(st);
        return store_db_error(s, _("cannot read the database"), e);
    }
    bool unbound = db_column_int64(st, 0) != 0;
    size_t len;
    const char *owner = db_column_text(st, 1, &len);
    if (!unbound)
        err_set(e, _("%s keeps the roles itself, and writing every assessment whole, in other "
                "people's names, is for the role that owns dpia's tables there (%s), not for "
                "%s"), s->path, owner ? owner : "?", s->who);
    db_finalize(st);
    return unbound ? 0 : -1;
}
