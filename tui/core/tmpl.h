/*
 * core: the domain of a DPIA: templates (sections, questions, risk
 * methods, coverage items), assessments, screening, risk scoring,
 * completeness. May use libxml2 to parse template text given to it in
 * memory; knows no curses, no SQL and reads or writes no files.
 *
 * tmpl: the template model and its loader. A template is parsed from a
 * buffer (the caller reads the file), validated against the RELAX NG
 * schema compiled into the program and against the rules the schema
 * cannot say. Errors read "NAME:LINE: message".
 */
#ifndef DPIA_TMPL_H
#define DPIA_TMPL_H

#include <stdbool.h>
#include <stddef.h>

#include "util/err.h"
#include "util/i18n.h"

#define TMPL_NS "urn:dpia:template:1"
#define TMPL_MAX_BYTES (4u * 1024u * 1024u)
#define TMPL_MAX_DEPTH 64
#define TMPL_MAX_LEVELS 9

/* Question types: enum name, name in XML, label for people. */
#define TMPL_QTYPES(X) \
    X(TEXT, "text", N_("free text")) \
    X(YESNO, "yesno", N_("yes or no")) \
    X(CHOICE, "choice", N_("one of the options")) \
    X(MULTI, "multi", N_("any of the options")) \
    X(LIST, "list", N_("list of entries")) \
    X(DATE, "date", N_("date (YYYY-MM-DD)")) \
    X(TABLE, "table", N_("table of numbered rows"))

enum tmpl_qtype {
#define X(name, xml, label) QT_##name,
    TMPL_QTYPES(X)
#undef X
    QT_COUNT
};

/* Section kinds: the special ones are drawn by the program itself. */
#define TMPL_KINDS(X) \
    X(QUESTIONS, "questions") \
    X(SCREENING, "screening") \
    X(RISKS, "risks") \
    X(MEASURES, "measures") \
    X(SIGNOFF, "signoff")

enum tmpl_kind {
#define X(name, xml) SK_##name,
    TMPL_KINDS(X)
#undef X
    SK_COUNT
};

/* Roles of questions the rules read: the screening decision and what it
 * needs, the date the processing starts. */
#define TMPL_ROLES(X) \
    X(NONE, "") \
    X(SCREENING_DECISION, "screening-decision") \
    X(SCREENING_REASONS, "screening-reasons") \
    X(SCREENING_DPO_VIEW, "screening-dpo-view") \
    X(PROCESSING_START, "processing-start")

enum tmpl_role {
#define X(name, xml) ROLE_Q_##name,
    TMPL_ROLES(X)
#undef X
    ROLE_Q_COUNT
};

const char *tmpl_qtype_name(enum tmpl_qtype t);
const char *tmpl_qtype_label(enum tmpl_qtype t);
const char *tmpl_kind_name(enum tmpl_kind k);

struct tmpl_option {
    char *value;
    char *label;
};

/* Column types of a table question (core/table.h): enum name, name in
 * XML, label for people. */
#define TMPL_CTYPES(X) \
    X(TEXT, "text", N_("text")) \
    X(CHOICE, "choice", N_("one of the options")) \
    X(YESNO, "yesno", N_("yes or no")) \
    X(DATE, "date", N_("date (YYYY-MM-DD)")) \
    X(REF, "ref", N_("a row of another table")) \
    X(REFS, "refs", N_("rows of another table"))

enum tmpl_ctype {
#define X(name, xml, label) CT_##name,
    TMPL_CTYPES(X)
#undef X
    CT_COUNT
};

const char *tmpl_ctype_name(enum tmpl_ctype t);
const char *tmpl_ctype_label(enum tmpl_ctype t);

/* One column of a table question. */
struct tmpl_column {
    char *id;
    enum tmpl_ctype type;
    bool required;    /* a row may not leave it empty */
    char *label;
    struct tmpl_option *options;  /* CT_CHOICE only */
    size_t noptions;
    /* CT_REF, CT_REFS: the id of the table question its rows are cited
     * from (any table question of the template, this one included), and
     * that question's index in tmpl.questions. */
    char *table;
    size_t tindex;
    char *tprefix;    /* that question's prefix (a copy), NULL for others */
    int line;         /* in the template's source */
};

/* A group of measures the template declares (the EDPB's five, or an
 * organisation's own), or a type of risk it declares beside the built-in
 * ones: id and name. */
struct tmpl_group {
    char *id;
    char *name;
};

struct tmpl_condition {
    char *question; /* id of an earlier question */
    size_t qindex;  /* its index in tmpl.questions */
    /* On a table question: the id of a choice or yes/no column, and its
     * index; the condition holds when any row has the value in that
     * column. NULL otherwise. */
    char *column;
    size_t cindex;
    char *value;
};

struct tmpl_question {
    char *id;
    enum tmpl_qtype type;
    bool required;
    int criterion;    /* WP248 criterion 1..9, 0 when none */
    char *mandatory;  /* legal ground making a DPIA required, or NULL */
    enum tmpl_role role;
    /* A yes/no question whose "yes" should agree with another yes/no
     * question (a description that contradicts the screening): the id,
     * or NULL. */
    char *implies;
    /* The feared event (a risk type key, core/assess.h) this question
     * explains away: asked only while no risk of that type exists. NULL
     * for other questions. */
    char *feared_event;
    char *prompt;
    char *help;       /* may be NULL */
    char **refs;
    size_t nrefs;
    struct tmpl_option *options;
    size_t noptions;
    struct tmpl_condition *conditions;
    size_t nconditions;
    char **covers;
    size_t ncovers;
    /* QT_TABLE: the prefix of its row references ("D" cites row 3 as
     * "D3": one to three capital letters, unique in the template, never
     * R or M, which name risks and measures) and its columns. NULL and
     * 0 for other types. */
    char *prefix;
    struct tmpl_column *columns;
    size_t ncolumns;
    size_t section;   /* index in tmpl.sections */
    int line;
};

struct tmpl_section {
    char *id;
    enum tmpl_kind kind;
    char *title;
    char *intro;      /* may be NULL */
    size_t first;     /* index of its first question in tmpl.questions */
    size_t count;     /* how many questions it holds */
    char **covers;    /* what its special content satisfies */
    size_t ncovers;
};

struct tmpl_scale_level {
    int value;        /* 1..n */
    char *name;
    char *definition;
};

struct tmpl_risk_level {
    char *id;
    char *name;
    bool high;        /* counts as high risk (Art. 36) */
    /* Below the method's acceptance threshold: a residual risk at this
     * level may be accepted. The acceptable levels are the lowest ones
     * (the threshold is the highest of them); a level that says nothing
     * is acceptable unless it is high. */
    bool acceptable;
};

/* A method has 2 to TMPL_MAX_RISK_LEVELS risk levels (its scales may
 * have up to TMPL_MAX_LEVELS). */
#define TMPL_MAX_RISK_LEVELS 5

struct tmpl_method {
    char *id;
    char *name;
    char *description;
    bool is_default;
    struct tmpl_scale_level likelihood[TMPL_MAX_LEVELS];
    int nlikelihood;
    struct tmpl_scale_level severity[TMPL_MAX_LEVELS];
    int nseverity;
    struct tmpl_risk_level levels[TMPL_MAX_LEVELS];
    int nlevels;      /* ascending */
    /* Some level says acceptable="yes" or "no": the template declared
     * its threshold, which the record then carries (a method that says
     * nothing is written as before thresholds existed). */
    bool threshold_declared;
    /* matrix[l-1][s-1]: index into levels */
    int matrix[TMPL_MAX_LEVELS][TMPL_MAX_LEVELS];
};

struct tmpl_coverage_item {
    char *id;
    char *ref;
    char *text;
};

struct tmpl {
    char *id;
    char *version;
    char *lang;                      /* the language of its text */
    char *langs;                     /* the languages it is translated into,
                                        space-separated, or NULL */
    char *own_lang;                  /* the language it is written in */
    char *title;
    char *description;
    struct tmpl_method *methods;
    size_t nmethods;
    size_t default_method;
    struct tmpl_coverage_item *coverage;
    size_t ncoverage;
    /* The measure groups it declares, in order (none: measures are not
     * grouped). */
    struct tmpl_group *groups;
    size_t ngroups;
    /* The risk types it declares beside the built-in ones, in order
     * (a risk of type "other" may name one as its kind). */
    struct tmpl_group *kinds;
    size_t nkinds;
    struct tmpl_section *sections;
    size_t nsections;
    struct tmpl_question *questions; /* all of them, in document order */
    size_t nquestions;
    size_t *by_id;                   /* hash table of question index + 1 */
    size_t by_id_cap;                /* a power of two, or 0 */
    char digest[65];                 /* SHA-256 of the source bytes, hex */
};

/* Parses and validates a template from buf[0..len). `name` is used in
 * messages (a file name, or "built-in"). Returns a new template the
 * caller frees with tmpl_free, or NULL with e filled. */
struct tmpl *tmpl_parse(const char *buf, size_t len, const char *name, struct err *e);
/* The same, always validating against the schema: tmpl_parse skips the
 * schema for bytes identical to the built-in template, which this
 * function (and so the tests and `dpia template check`) validates. */
struct tmpl *tmpl_check(const char *buf, size_t len, const char *name, struct err *e);
/* For a snapshot this program validated before it wrote it (the
 * template snapshots in the database): parsed as safely as any XML and
 * held to the model's own rules, but not to the schema a second time. */
struct tmpl *tmpl_parse_snapshot(const char *buf, size_t len, const char *name, struct err *e);
/* The same three, with the text in language lang ("fr"): where the
 * template has a translation into lang, it is used; elsewhere the
 * template's own language. NULL: the template's own language. */
struct tmpl *tmpl_parse_in(const char *buf, size_t len, const char *name, const char *lang,
                           struct err *e);
struct tmpl *tmpl_check_in(const char *buf, size_t len, const char *name, const char *lang,
                           struct err *e);
struct tmpl *tmpl_parse_snapshot_in(const char *buf, size_t len, const char *name,
                                    const char *lang, struct err *e);
/* The texts of a template that lack a translation into one of the
 * languages it is translated into (or whose English changed since:
 * translations are matched to the English text), one line each with
 * its line number, added to out. Returns their number, or -1 with e
 * filled when the template cannot be read. */
struct buf;
long tmpl_untranslated(const char *buf, size_t len, const char *name, struct buf *out,
                       struct err *e);
void tmpl_free(struct tmpl *t);

/* The built-in default template (parsed once, owned by the core; never
 * NULL unless the compiled-in copy is broken, which a test rules out). */
const struct tmpl *tmpl_builtin(void);
/* The compiled-in XML of the default template. */
const char *tmpl_builtin_xml(size_t *len);
/* All the built-in templates, compiled in: how many, and the XML and the
 * name (for messages: "built-in" for the default one, which comes
 * first, "built-in ID" for the others) of the i-th. */
size_t tmpl_builtin_count(void);
const char *tmpl_builtin_xml_at(size_t i, size_t *len, const char **name);

/* A question's references on one line, "; " between them ("" when it
 * has none); the caller frees. */
char *tmpl_refs_text(const struct tmpl_question *q);

/* Lookups; NULL / -1 when absent. */
const struct tmpl_question *tmpl_find_question(const struct tmpl *t, const char *id);
long tmpl_question_index(const struct tmpl *t, const char *id);
/* Adds question i to the table by id (tmpl_question_index then finds it
 * in constant time). Returns the index of an earlier question with the
 * same id (which keeps its place), or -1. */
long tmpl_index_question(struct tmpl *t, size_t i);
const struct tmpl_method *tmpl_find_method(const struct tmpl *t, const char *id);
const struct tmpl_method *tmpl_default_method(const struct tmpl *t);
const struct tmpl_question *tmpl_find_role(const struct tmpl *t, enum tmpl_role r);
const struct tmpl_section *tmpl_find_kind(const struct tmpl *t, enum tmpl_kind k);
const struct tmpl_section *tmpl_find_section(const struct tmpl *t, const char *id);
const struct tmpl_option *tmpl_find_option(const struct tmpl_question *q, const char *value);
const struct tmpl_coverage_item *tmpl_find_coverage(const struct tmpl *t, const char *id);

/* Frees the libxml2 state the loader keeps (the parsed schema, the
 * built-in template); for leak checkers at exit. */
void tmpl_cleanup(void);

#endif
