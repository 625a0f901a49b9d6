/*
 * The command table: name (two words for sub-commands), handler, argument
 * synopsis and one-line summary. --help and the dispatcher read it.
 */
#ifndef DPIA_COMMANDS_H
#define DPIA_COMMANDS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "cli/cli.h"
#include "core/workflow.h"
#include "store/store.h"
#include "util/i18n.h"

typedef int (*cli_fn)(const struct cli_global *g, int argc, char **argv);

struct cli_command {
    const char *name;
    cli_fn run;
    const char *args;
    const char *summary;
};

int cmd_templates(const struct cli_global *g, int argc, char **argv);
int cmd_catalogue(const struct cli_global *g, int argc, char **argv);
int cmd_template_check(const struct cli_global *g, int argc, char **argv);
int cmd_export(const struct cli_global *g, int argc, char **argv);
int cmd_import(const struct cli_global *g, int argc, char **argv);
int cmd_list(const struct cli_global *g, int argc, char **argv);
int cmd_new(const struct cli_global *g, int argc, char **argv);
int cmd_show(const struct cli_global *g, int argc, char **argv);
int cmd_answer(const struct cli_global *g, int argc, char **argv);
int cmd_risk_add(const struct cli_global *g, int argc, char **argv);
int cmd_measure_add(const struct cli_global *g, int argc, char **argv);
int cmd_signoff(const struct cli_global *g, int argc, char **argv);
int cmd_status(const struct cli_global *g, int argc, char **argv);
int cmd_review(const struct cli_global *g, int argc, char **argv);
int cmd_history(const struct cli_global *g, int argc, char **argv);
int cmd_undo(const struct cli_global *g, int argc, char **argv);
int cmd_archive(const struct cli_global *g, int argc, char **argv);
int cmd_delete(const struct cli_global *g, int argc, char **argv);
int cmd_decide(const struct cli_global *g, int argc, char **argv);
int cmd_close(const struct cli_global *g, int argc, char **argv);
int cmd_revise(const struct cli_global *g, int argc, char **argv);
int cmd_restore(const struct cli_global *g, int argc, char **argv);
int cmd_diff(const struct cli_global *g, int argc, char **argv);
int cmd_contacts(const struct cli_global *g, int argc, char **argv);
int cmd_language(const struct cli_global *g, int argc, char **argv);
int cmd_judge(const struct cli_global *g, int argc, char **argv);
int cmd_workshop(const struct cli_global *g, int argc, char **argv);
int cmd_table(const struct cli_global *g, int argc, char **argv);
int cmd_register(const struct cli_global *g, int argc, char **argv);
int cmd_due(const struct cli_global *g, int argc, char **argv);
int cmd_member(const struct cli_global *g, int argc, char **argv);
int cmd_comment(const struct cli_global *g, int argc, char **argv);
int cmd_comments(const struct cli_global *g, int argc, char **argv);
int cmd_waiting(const struct cli_global *g, int argc, char **argv);
/* dpia review ID request|return|pass [--comment TEXT] (cmd_team.c), for
 * cmd_review. */
int cli_review_step(const struct cli_global *g, int argc, char **argv);

/* The controller's decision from the command line (decide, signoff
 * --decision): through ops_decide_for (b: recorded on someone's behalf,
 * or NULL), every reason or warning printed.
 * Returns an exit status. */
struct ops_behalf;
int cli_decide(struct store *s, struct assessment *a, enum decision d, const struct signoff *by,
               bool acknowledged, const struct ops_behalf *b);
int cmd_backup(const struct cli_global *g, int argc, char **argv);
int cmd_copy(const struct cli_global *g, int argc, char **argv);

/* --- helpers shared by the store commands (cmd_out.c) ------------------ */

enum cli_format { CLI_TEXT, CLI_TSV, CLI_JSON };
/* Parses "text", "tsv" or "json"; -1 with a message otherwise. */
int cli_parse_format(const char *arg, enum cli_format *out);
/* Opens the database of -d / DPIA_DB / the default. A command that only
 * reads gets *out NULL (and 0) when there is no database yet, rather
 * than creating one. Returns an exit status, the message printed. */
int cli_open(const struct cli_global *g, bool write, struct store **out);
/* Finds and loads an assessment by number or uuid, without its change
 * history (store_load_history reads it for those that show it); NULL
 * with the message printed and *status set. */
struct assessment *cli_load(struct store *s, const char *ref, int *status);
/* Parses "ID [--format F]" for cmd, and "--revision N" when revision is
 * not NULL (0 when not given); the ID is argv[optind]. Returns 0, or the
 * exit status of a usage error (already reported). */
int cli_id_and_format(const char *cmd, int argc, char **argv, enum cli_format *fmt,
                      int *revision);
/* cli_open and cli_load together: the assessment, or NULL with *rc set
 * and the database closed again (*s NULL). */
struct assessment *cli_open_load(const struct cli_global *g, bool write, const char *ref,
                                 struct store **s, int *rc);
/* cli_open_load for reading, then the closed revision `revision` when
 * it is not 0 nor the revision in force. */
struct assessment *cli_open_load_revision(const struct cli_global *g, const char *ref,
                                          int revision, struct store **s, int *rc);
/* Prints a refusal: the message, then every reason of why's level. */
void cli_put_reasons(const char *message, const struct wf_list *why, enum wf_level level);
/* Text from the database for people: on one line (line breaks shown as
 * "; "), cut to cols columns with an ellipsis, or as a block with every
 * line indented; control characters made visible. */
void cli_put_line(FILE *f, const char *s);
void cli_put_cut(FILE *f, const char *s, int cols);
void cli_put_text(FILE *f, const char *s, const char *indent);
/* s (text of dpia's own, such as a column header) then spaces up to cols
 * display columns; with right, the spaces first. */
void cli_put_padded(FILE *f, const char *s, int cols, bool right);
/* A TSV field (\t, \n, \r, \\ and \uXXXX escapes) and a JSON string
 * (quoted, control characters as \uXXXX); invalid UTF-8 as U+FFFD. */
void cli_put_tsv(FILE *f, const char *s);
void cli_put_json(FILE *f, const char *s);
/* Local "YYYY-MM-DD HH:MM" and UTC ISO 8601 times. */
const char *cli_time(int64_t t, char buf[32]);
const char *cli_time_iso(int64_t t, char buf[32]);
/* Reports an option getopt refused (c is what it returned: ':' or '?');
 * returns EXIT_USAGE. */
int cli_bad_option(const char *cmd, int c, char **argv);
/* A whole decimal number in lo..hi. */
bool cli_parse_int(const char *s, int lo, int hi, int *out);

/* In the order --help and the man page list them. The synopsis and the
 * summary are marked for translation (shown with _() by cli.c); the name
 * is the command itself. */
/* TRANSLATORS: the synopses ("ID [--format F]") keep option names and the
 * words a command takes (add, set, delete, acceptable, improve) as they
 * are; only the placeholders in capitals (ID, FILE, TEXT...) and the
 * summaries are to be translated. */
#define CLI_COMMANDS(X) \
    X("list", cmd_list, N_("[--all] [--format F]"), N_("the assessments: id, status, progress, risk, title")) \
    X("new", cmd_new, N_("--title T [--template ID] [--method ID] [--lang L]"), \
      N_("start an assessment (in language L: en, fr or de; default: the interface's); prints its id")) \
    X("show", cmd_show, N_("ID [--revision N] [--format F]"), N_("summary of one assessment")) \
    X("answer", cmd_answer, N_("ID QUESTION VALUE [--note N] [--flag|--no-flag] [--expect OLD]"), N_(\
      "set one answer ('-': read it from stdin); with --expect, only while it still holds OLD (exit 3 when not)")) \
    X("table", cmd_table, N_("ID QUESTION [add COL=VALUE...|set REF COL=VALUE...|delete REF]"), N_(\
      "the rows of a table question: list them, add one (prints its reference), change or " \
      "delete one")) \
    X("risk add", cmd_risk_add, N_("ID --title T [OPTION]..."), N_("add a risk to the register; prints R<n>")) \
    X("measure add", cmd_measure_add, N_("ID --title T [OPTION]..."), N_("add a measure; prints M<n>")) \
    X("signoff", cmd_signoff, N_("ID --role R --name N [OPTION]..."), N_(\
      "record the DPO's or the assessor's sign-off")) \
    X("contacts", cmd_contacts, N_("ID [--controller TEXT] [--dpo-contact TEXT]"), N_(\
      "the controller organisation and the DPO's contact details ('-': read from stdin)")) \
    X("language", cmd_language, N_("ID [L]"), \
      N_("the language an assessment and its reports are written in (en, fr or de); without L, shows it")) \
    X("judge", cmd_judge, N_("ID SECTION acceptable|improve [OPTION]..."), N_(\
      "the DPO's judgement of a section ('' or --clear removes it)")) \
    X("workshop", cmd_workshop, N_("ID start|end|list [OPTION]..."), N_(\
      "a workshop on an assessment: start one (its date, place, agenda and participants), end " \
      "it (its minutes and open points), list them with what each settled")) \
    X("decide", cmd_decide, N_("ID DECISION --name N [OPTION]..."), N_(\
      "the controller's decision: approve, approve-with-conditions, reject, refer")) \
    X("close", cmd_close, N_("ID [--on-behalf-of PERSON --reason TEXT]"), \
      N_("close as \"DPIA not required\" when the screening says so")) \
    X("revise", cmd_revise, N_("ID"), N_("open a new revision of a decided assessment")) \
    X("diff", cmd_diff, N_("ID [REV [REV]] [--format F]"), N_("what changed between two revisions")) \
    X("review", cmd_review, N_("ID DATE | ID request|return|pass [--comment TEXT]"), N_("set the review " \
      "date (31/03/2027, 2027-03-31, +6m...; '' clears it), or take a step of the review: ask the DPO " \
      "for it, return it with comments, pass it to the decision-maker")) \
    X("status", cmd_status, N_("ID STATUS"), N_("set the status: draft or review (the review's request and return)")) \
    X("member", cmd_member, N_("ID [list | add PERSON ROLE | set PERSON ROLE | remove PERSON] [--format F]"), N_(\
      "the people of an assessment and their roles: owner, contributor, dpo, decision-maker, reader")) \
    X("comment", cmd_comment, N_("ID QUESTION TEXT | ID --reply N TEXT | ID --resolve|--reopen N"), N_(\
      "comment on a question, reply to a thread, resolve it; prints the comment's number")) \
    X("comments", cmd_comments, N_("ID [--open] [--format F]"), N_("the comment threads of an assessment")) \
    X("waiting", cmd_waiting, N_("[--format F]"), N_(\
      "what waits for you: reviews asked of you as DPO, assessments passed to you for the decision, " \
      "returned ones you own, open comment threads where you own or contribute")) \
    X("history", cmd_history, N_("ID [--format F]"), N_("the change history of an assessment")) \
    X("undo", cmd_undo, N_("ID [--theirs]"), N_(\
      "undo the latest change still standing (someone else's only with --theirs)")) \
    X("register", cmd_register, N_("[--format F] [--overdue] [--sort KEY] [--status S] [--all] [-o FILE] " \
      "[--force] [--follow-symlinks]"), N_("every assessment with its status, decision, highest residual risk, review " \
      "date, open and overdue measures, their owners and the person responsible, then the " \
      "overdue measures; F: text, tsv, json, html or csv; KEY: due, title, status, risk, review")) \
    X("due", cmd_due, N_("[--within DAYS]"), N_("the reviews and measures due within DAYS (default " \
      "30) or overdue; exits 1 when one is overdue")) \
    X("archive", cmd_archive, N_("ID"), N_("archive an assessment (hidden from list without --all)")) \
    X("restore", cmd_restore, N_("ID"), N_("bring an archived assessment back, with its status")) \
    X("delete", cmd_delete, N_("ID --yes"), N_("delete an assessment for good")) \
    X("backup", cmd_backup, N_("FILE [--force]"), N_(\
      "a consistent copy of the database, even while it is in use")) \
    X("copy", cmd_copy, N_("FROM TO [--skip-existing] [--dry-run]"), N_(\
      "copy every assessment of database FROM into database TO, whole: revisions, change log, " \
      "workshops; all or nothing")) \
    X("export", cmd_export, N_("ID --format F [--revision N] [-o FILE] [--force] [--follow-symlinks] [--stylesheet XSL] " \
      "[--with-guidance|--no-guidance] [--full-history|--condensed-history] [--lang en|fr|de]"), N_(\
      "xml, html, odt, docx, pdf, csv-risks, csv-measures or csv-tables (CSV cells starting =+-@ get a leading '); " \
      "reports leave out the template's guidance and condense the change log unless asked; " \
      "--lang writes the reports in English, French or German (default: the assessment's language)")) \
    X("import", cmd_import, N_("FILE"), N_(\
      "read an exported XML record (or a PDF export carrying it) as a new assessment; prints its id")) \
    X("templates", cmd_templates, "", N_("list the templates found, with their source")) \
    X("catalogue", cmd_catalogue, N_("[--threats|--measures] [--type T] [--source S] [TEXT]"), N_(\
      "list and search the catalogue of measures and threats; 'catalogue show ID' shows one, " \
      "'catalogue check FILE...' checks a catalogue file of one's own")) \
    X("template check", cmd_template_check, N_("FILE..."), N_("validate template files"))

#endif
