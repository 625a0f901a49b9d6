/* Unit tests of people and roles and of the review (core/roles.h), in
 * memory on the default template: what each role may and may not do,
 * the owner standing in while nobody holds the DPO's or the
 * decision-maker's role, records made on someone's behalf, the changes
 * of members (the last owner stays), the review's steps and the
 * decision's gate, comment threads and what waits for whom. Each
 * refusal names the role needed and who holds it. */
#include "config.h"

#include "unit.h"
#include "core/assess.h"
#include "core/roles.h"
#include "core/workflow.h"
#include "util/xalloc.h"

static struct assessment *team(void)
{
    struct assessment *a = unit_fresh_assessment();
    a->id = 7;
    roles_add_member(a, "olga", MR_OWNER);
    roles_add_member(a, "carl", MR_CONTRIBUTOR);
    roles_add_member(a, "dana", MR_DPO);
    roles_add_member(a, "max", MR_DECIDER);
    roles_add_member(a, "rita", MR_READER);
    return a;
}

static void set_advice(struct assessment *a, const char *advice)
{
    free(a->signoffs[SR_DPO].advice);
    a->signoffs[SR_DPO].advice = xstrdup(advice);
}

static void step(struct assessment *a, enum review_kind k, const char *who)
{
    struct review_step s = { (int)a->nsteps + 1, k, (char *)who, 1, (char *)"" };
    roles_add_step(a, &s);
    a->status = review_status_after(k, a->status);
}

#define ALLOWED(a, who, act) assert_true(roles_may(a, who, act))
#define REFUSED(a, who, act) assert_false(roles_may(a, who, act))

static void refused_with(const struct assessment *a, const char *who, enum role_act act,
                         const char *needle)
{
    struct err e;
    assert_int_equal(roles_check(a, who, act, &e), -1);
    if (!strstr(e.text, needle))
        fail_msg("'%s' lacks '%s'", e.text, needle);
}

static void test_each_role(void **state)
{
    (void)state;
    struct assessment *a = team();
    /* The owner: everything but the DPO's and the decision-maker's part
     * while they are held. */
    ALLOWED(a, "olga", RA_EDIT);
    ALLOWED(a, "olga", RA_REQUEST);
    ALLOWED(a, "olga", RA_COMMENT);
    ALLOWED(a, "olga", RA_MEMBERS);
    ALLOWED(a, "olga", RA_OWN);
    REFUSED(a, "olga", RA_DPO);
    REFUSED(a, "olga", RA_DECIDE);
    /* A contributor: edits, asks for the review and comments. */
    ALLOWED(a, "carl", RA_EDIT);
    ALLOWED(a, "carl", RA_REQUEST);
    ALLOWED(a, "carl", RA_COMMENT);
    REFUSED(a, "carl", RA_MEMBERS);
    REFUSED(a, "carl", RA_OWN);
    REFUSED(a, "carl", RA_DPO);
    REFUSED(a, "carl", RA_DECIDE);
    /* The DPO and the decision-maker: their part and comments. */
    ALLOWED(a, "dana", RA_DPO);
    ALLOWED(a, "dana", RA_COMMENT);
    REFUSED(a, "dana", RA_EDIT);
    REFUSED(a, "dana", RA_DECIDE);
    REFUSED(a, "dana", RA_MEMBERS);
    ALLOWED(a, "max", RA_DECIDE);
    ALLOWED(a, "max", RA_COMMENT);
    REFUSED(a, "max", RA_DPO);
    REFUSED(a, "max", RA_EDIT);
    /* A reader, and someone who is not a member, change nothing. */
    for (int act = 0; act < RA_COUNT; act++) {
        REFUSED(a, "rita", (enum role_act)act);
        REFUSED(a, "kim", (enum role_act)act);
        REFUSED(a, NULL, (enum role_act)act);
    }
    bool member = true;
    assert_int_equal(roles_of(a, "kim", &member), MR_READER);
    assert_false(member);

    /* Each refusal: one sentence with the role needed and who holds it. */
    refused_with(a, "rita", RA_EDIT, "rita (reader) cannot change assessment 7: that needs the "
                 "role owner or contributor (held by olga, carl)");
    refused_with(a, "kim", RA_EDIT, "kim (not a member) cannot change assessment 7");
    refused_with(a, "carl", RA_DPO, "that needs the role DPO (held by dana)");
    refused_with(a, "olga", RA_DECIDE, "that needs the role decision-maker (held by max)");
    refused_with(a, "carl", RA_MEMBERS, "carl (contributor) cannot add, change or remove the "
                 "members of assessment 7: that needs the role owner (held by olga)");
    refused_with(a, "dana", RA_OWN, "that needs the role owner (held by olga)");
    refused_with(a, "rita", RA_COMMENT, "(held by olga, carl, dana, max)");
    refused_with(a, "dana", RA_REQUEST, "dana (DPO) cannot ask for the review");
    assess_free(a);
}

static void test_owner_stands_in(void **state)
{
    (void)state;
    struct assessment *a = unit_fresh_assessment();
    a->id = 3;
    roles_add_member(a, "olga", MR_OWNER);
    roles_add_member(a, "carl", MR_CONTRIBUTOR);
    /* Nobody holds the DPO's nor the decision-maker's role: the owner
     * may, a contributor still may not. */
    ALLOWED(a, "olga", RA_DPO);
    ALLOWED(a, "olga", RA_DECIDE);
    REFUSED(a, "carl", RA_DPO);
    REFUSED(a, "carl", RA_DECIDE);
    refused_with(a, "carl", RA_DPO, "that needs the role DPO, which nobody holds, so the role "
                 "owner (held by olga)");
    refused_with(a, "carl", RA_DECIDE, "which nobody holds, so the role owner (held by olga)");
    /* Once somebody holds it, the owner no longer may. */
    roles_add_member(a, "dana", MR_DPO);
    REFUSED(a, "olga", RA_DPO);
    ALLOWED(a, "olga", RA_DECIDE);
    assert_int_equal(roles_behalf_role(a, "olga", RA_DECIDE), MR_OWNER);
    assert_int_equal(roles_behalf_role(a, "dana", RA_DPO), MR_DPO);
    /* An assessment with no member at all (not from a store of this
     * version) puts no one under a rule. */
    roles_clear_members(a);
    ALLOWED(a, "anyone", RA_DPO);
    ALLOWED(a, "anyone", RA_MEMBERS);
    assess_free(a);
}

static void test_behalf(void **state)
{
    (void)state;
    struct assessment *a = team();
    struct err e;
    /* A contributor for the DPO, with a reason. */
    assert_int_equal(roles_check_behalf(a, "carl", "dana", RA_DPO, "signed paper copy", &e), 0);
    assert_int_equal(roles_check_behalf(a, "olga", "max", RA_DECIDE, "by e-mail", &e), 0);
    /* No reason, or no one named: refused. */
    assert_int_equal(roles_check_behalf(a, "carl", "dana", RA_DPO, "", &e), -1);
    assert_non_null(strstr(e.text, "needs the reason"));
    assert_int_equal(roles_check_behalf(a, "carl", "", RA_DPO, "why", &e), -1);
    /* The recorder must be allowed to change the assessment. */
    assert_int_equal(roles_check_behalf(a, "rita", "dana", RA_DPO, "why", &e), -1);
    assert_non_null(strstr(e.text, "rita (reader) cannot change assessment 7"));
    assert_int_equal(roles_check_behalf(a, "max", "dana", RA_DPO, "why", &e), -1);
    /* For someone who may record it, and nobody else. */
    assert_int_equal(roles_check_behalf(a, "carl", "olga", RA_DPO, "why", &e), -1);
    assert_non_null(strstr(e.text, "olga (owner) cannot record the DPO's advice"));
    assert_non_null(strstr(e.text, "(held by dana)"));
    assert_int_equal(roles_check_behalf(a, "carl", "max", RA_DPO, "why", &e), -1);
    /* A line break in the reason is refused by the text rule. */
    assert_int_equal(roles_check_behalf(a, "carl", "dana", RA_DPO, "a\nb", &e), -1);

    struct behalf b = { (char *)"sign-off dpo", (char *)"lee", (char *)"dana", MR_DPO,
                        (char *)"signed paper copy", 5 };
    char *t = roles_behalf_text(&b);
    assert_string_equal(t, "recorded by lee on behalf of dana (dpo): signed paper copy");
    free(t);
    roles_add_behalf(a, &b);
    assert_non_null(roles_behalf_of(a, "sign-off dpo"));
    assert_null(roles_behalf_of(a, "decision"));
    assess_free(a);
}

static void test_members(void **state)
{
    (void)state;
    struct assessment *a = team();
    struct err e;
    assert_int_equal(roles_check_member(a, "olga", "lee", MR_CONTRIBUTOR, true, &e), 0);
    assert_int_equal(roles_check_member(a, "olga", "carl", MR_DPO, false, &e), 0);
    assert_int_equal(roles_check_member(a, "olga", "carl", -1, false, &e), 0);
    /* Only an owner manages them. */
    assert_int_equal(roles_check_member(a, "carl", "lee", MR_READER, true, &e), -1);
    assert_non_null(strstr(e.text, "that needs the role owner (held by olga)"));
    assert_int_equal(roles_check_member(a, "dana", "carl", -1, false, &e), -1);
    /* Added once, changed or removed only when there. */
    assert_int_equal(roles_check_member(a, "olga", "dana", MR_READER, true, &e), -1);
    assert_string_equal(e.text, "dana is already a member of assessment 7, as DPO");
    assert_int_equal(roles_check_member(a, "olga", "kim", MR_READER, false, &e), -1);
    assert_string_equal(e.text, "kim is not a member of assessment 7");
    assert_int_equal(roles_check_member(a, "olga", "", MR_READER, true, &e), -1);
    /* The last owner stays, until there is another. */
    assert_int_equal(roles_check_member(a, "olga", "olga", -1, false, &e), -1);
    assert_string_equal(e.text, "olga is the last owner of assessment 7: make someone else "
                        "owner first");
    assert_int_equal(roles_check_member(a, "olga", "olga", MR_READER, false, &e), -1);
    assert_int_equal(roles_check_member(a, "olga", "olga", MR_OWNER, false, &e), 0);
    roles_add_member(a, "owen", MR_OWNER);
    assert_int_equal(roles_check_member(a, "olga", "olga", -1, false, &e), 0);
    assert_int_equal(member_role_parse("decision-maker"), MR_DECIDER);
    assert_int_equal(member_role_parse("boss"), -1);
    assess_free(a);
}

static void test_review(void **state)
{
    (void)state;
    struct assessment *a = team();
    struct err e;
    assert_int_equal(review_state(a), RS_NONE);
    /* Asked for by an owner or a contributor, not by the DPO nor a reader. */
    assert_int_equal(review_check(a, "dana", RV_REQUEST, &e), -1);
    assert_int_equal(review_check(a, "rita", RV_REQUEST, &e), -1);
    assert_int_equal(review_check(a, "carl", RV_PASS, &e), -1);
    assert_non_null(strstr(e.text, "ask for the review first"));
    assert_int_equal(review_check(a, "olga", RV_RETURN, &e), -1);
    assert_non_null(strstr(e.text, "nothing to return"));
    assert_int_equal(review_check(a, "carl", RV_REQUEST, &e), 0);
    step(a, RV_REQUEST, "carl");
    assert_int_equal(a->status, ST_REVIEW);
    assert_int_equal(review_state(a), RS_DPO);
    assert_int_equal(review_check(a, "carl", RV_REQUEST, &e), -1);
    assert_string_equal(e.text, "assessment 7 is already in review with the DPO");
    /* With the DPO: the decision waits for them. */
    assert_int_equal(review_check_decision(a, &e), -1);
    assert_non_null(strstr(e.text, "is with the DPO (dana)"));
    /* Only the DPO returns or passes it, and passes it with advice. */
    assert_int_equal(review_check(a, "olga", RV_RETURN, &e), -1);
    assert_non_null(strstr(e.text, "(held by dana)"));
    assert_int_equal(review_check(a, "max", RV_PASS, &e), -1);
    assert_int_equal(review_check(a, "dana", RV_PASS, &e), -1);
    assert_non_null(strstr(e.text, "advice"));
    assert_int_equal(review_check(a, "dana", RV_RETURN, &e), 0);
    step(a, RV_RETURN, "dana");
    assert_int_equal(a->status, ST_DRAFT);
    assert_int_equal(review_state(a), RS_RETURNED);
    assert_int_equal(review_check_decision(a, &e), 0);
    /* Asked again, passed with the advice recorded. */
    assert_int_equal(review_check(a, "olga", RV_REQUEST, &e), 0);
    step(a, RV_REQUEST, "olga");
    set_advice(a, "Go ahead.");
    assert_int_equal(review_check(a, "dana", RV_PASS, &e), 0);
    step(a, RV_PASS, "dana");
    assert_int_equal(review_state(a), RS_DECIDER);
    assert_int_equal(review_check_decision(a, &e), 0);
    assert_int_equal(review_check(a, "dana", RV_PASS, &e), -1);
    assert_non_null(strstr(e.text, "already with the decision-maker"));
    /* With the decision-maker: only they return it. */
    assert_int_equal(review_check(a, "dana", RV_RETURN, &e), -1);
    assert_non_null(strstr(e.text, "(held by max)"));
    assert_int_equal(review_check(a, "max", RV_RETURN, &e), 0);
    /* Decided: no step any more. */
    a->status = ST_APPROVED;
    assert_int_equal(review_state(a), RS_DECIDED);
    assert_int_equal(review_check(a, "max", RV_RETURN, &e), -1);
    assert_non_null(strstr(e.text, "is decided"));
    assess_free(a);
}

static void test_review_alone(void **state)
{
    (void)state;
    /* One owner working alone takes every step (the DPO's too). */
    struct assessment *a = unit_fresh_assessment();
    a->id = 2;
    roles_add_member(a, "olga", MR_OWNER);
    struct err e;
    assert_int_equal(review_check(a, "olga", RV_REQUEST, &e), 0);
    step(a, RV_REQUEST, "olga");
    /* Nobody holds the DPO's role: the decision does not wait. */
    assert_int_equal(review_check_decision(a, &e), 0);
    set_advice(a, "Fine.");
    assert_int_equal(review_check(a, "olga", RV_PASS, &e), 0);
    step(a, RV_PASS, "olga");
    assert_int_equal(review_check(a, "olga", RV_RETURN, &e), 0);
    assess_free(a);
}

static void add_comment(struct assessment *a, int number, int thread, const char *q,
                        const char *who)
{
    struct comment c = { number, thread, (char *)q, (char *)who, 1, (char *)"text",
                         (char *)"", 0 };
    roles_add_comment(a, &c);
}

static void test_comments(void **state)
{
    (void)state;
    struct assessment *a = team();
    struct err e;
    assert_int_equal(comment_check_add(a, "dana", "scr.project", "Say more.", &e), 0);
    assert_int_equal(comment_check_add(a, "max", "scr.project", "Why?", &e), 0);
    assert_int_equal(comment_check_add(a, "rita", "scr.project", "Hm.", &e), -1);
    assert_non_null(strstr(e.text, "rita (reader) cannot comment on assessment 7"));
    assert_int_equal(comment_check_add(a, "dana", "no.such", "Say more.", &e), -1);
    assert_int_equal(comment_check_add(a, "dana", "scr.project", "", &e), -1);
    add_comment(a, 1, 1, "scr.project", "dana");
    add_comment(a, 2, 1, "scr.project", "carl");
    add_comment(a, 3, 3, "dsc.purpose", "max");
    assert_int_equal(comment_open_threads(a, NULL), 2);
    assert_int_equal(comment_open_threads(a, "scr.project"), 1);
    assert_int_equal(comment_replies(a, 1), 1);
    assert_int_equal(comment_thread(a, 2)->number, 1);
    /* A reply goes to the thread of the comment named. */
    assert_int_equal(comment_check_reply(a, "carl", 2, "Done.", &e), 0);
    assert_int_equal(comment_check_reply(a, "carl", 9, "Done.", &e), -1);
    assert_string_equal(e.text, "assessment 7 has no comment 9");
    assert_int_equal(comment_check_reply(a, "rita", 1, "Done.", &e), -1);
    /* Resolved by its author, an owner or the DPO; not by others. */
    assert_int_equal(comment_check_resolve(a, "dana", 1, &e), 0);
    assert_int_equal(comment_check_resolve(a, "olga", 3, &e), 0);
    assert_int_equal(comment_check_resolve(a, "max", 3, &e), 0);
    assert_int_equal(comment_check_resolve(a, "dana", 3, &e), 0);
    assert_int_equal(comment_check_resolve(a, "carl", 1, &e), -1);
    assert_string_equal(e.text, "carl cannot resolve the thread of comment 1: that is for its "
                        "author (dana), the role owner (held by olga) or the role DPO (held by "
                        "dana)");
    assert_int_equal(comment_check_resolve(a, "carl", 2, &e), -1);
    a->comments[0].resolved_at = 9;
    a->comments[0].resolved_by = xstrdup("dana");
    assert_int_equal(comment_open_threads(a, "scr.project"), 0);
    assert_int_equal(comment_check_resolve(a, "dana", 1, &e), -1);
    assert_non_null(strstr(e.text, "already resolved (by dana)"));
    assert_int_equal(comment_check_reply(a, "carl", 1, "More.", &e), -1);
    assert_non_null(strstr(e.text, "is resolved"));
    assess_free(a);
}

static void test_waiting(void **state)
{
    (void)state;
    struct waiting_row r = { 0 };
    r.member = true;
    r.status = ST_REVIEW;
    r.last_step = RV_REQUEST;
    r.dpo_held = r.decider_held = true;
    r.role = MR_DPO;
    assert_int_equal(waiting_for(&r), WAIT_REVIEW);
    r.role = MR_OWNER;
    assert_int_equal(waiting_for(&r), 0);
    r.dpo_held = false; /* the owner stands in */
    assert_int_equal(waiting_for(&r), WAIT_REVIEW);
    r.last_step = RV_PASS;
    assert_int_equal(waiting_for(&r), 0);
    r.role = MR_DECIDER;
    assert_int_equal(waiting_for(&r), WAIT_DECISION);
    r.status = ST_DRAFT;
    r.last_step = RV_RETURN;
    assert_int_equal(waiting_for(&r), 0);
    r.role = MR_OWNER;
    assert_int_equal(waiting_for(&r), WAIT_RETURNED);
    r.open_threads = 2;
    assert_int_equal(waiting_for(&r), WAIT_RETURNED | WAIT_COMMENTS);
    char *t = waiting_text(waiting_for(&r), r.open_threads);
    assert_string_equal(t, "returned with comments; 2 open comment threads");
    free(t);
    r.role = MR_READER;
    assert_int_equal(waiting_for(&r), 0);
    r.role = MR_OWNER;
    r.member = false;
    assert_int_equal(waiting_for(&r), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_role),
        cmocka_unit_test(test_owner_stands_in),
        cmocka_unit_test(test_behalf),
        cmocka_unit_test(test_members),
        cmocka_unit_test(test_review),
        cmocka_unit_test(test_review_alone),
        cmocka_unit_test(test_comments),
        cmocka_unit_test(test_waiting),
    };
    return cmocka_run_group_tests_name("roles", tests, NULL, NULL);
}
