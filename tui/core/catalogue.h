/*
 * The catalogue of measures and threats: entries a person may start a
 * measure or a risk from, each with a short description, the feared
 * events (risk types) and the risk sources it concerns, and its legal
 * references. dpia ships one (data/catalogue.xml, built in); a user's
 * own file adds entries or replaces those of the same id. An entry is
 * copied into the assessment when chosen, so that the catalogue may
 * change later without changing a signed record.
 *
 * The file: <catalogue xmlns="urn:dpia:catalogue:1" version="1" id=".."
 * title=".."> with <threat> and <measure> elements (catalogue.rng).
 */
#ifndef DPIA_CORE_CATALOGUE_H
#define DPIA_CORE_CATALOGUE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/assess.h"
#include "util/err.h"

#define CATALOGUE_NS "urn:dpia:catalogue:1"

/* Who or what may cause a risk: the sources an entry concerns. */
#define CAT_SOURCES(X) \
    X(STAFF, "staff", "Staff") \
    X(ATTACKERS, "external-attackers", "External attackers") \
    X(PROCESSORS, "processors", "Processors") \
    X(RECIPIENTS, "recipients", "Recipients") \
    X(CONTROLLER, "controller", "The controller itself") \
    X(PUBLIC, "public", "The public") \
    X(ACCIDENT, "accident", "Accidents and failures")

enum cat_source {
#define X(name, key, label) CS_##name,
    CAT_SOURCES(X)
#undef X
    CS_COUNT
};

const char *cat_source_key(enum cat_source s);
const char *cat_source_label(enum cat_source s);

enum cat_kind { CAT_THREAT, CAT_MEASURE };

struct cat_entry {
    enum cat_kind kind;
    char *id;            /* "t.phishing", "m.mfa" */
    char *title;
    char *description;
    char **refs;         /* legal or guidance references */
    size_t nrefs;
    char *category;      /* measures: technical, organisational, legal, rights */
    enum measure_type type;   /* measures: the type it gets in an assessment */
    unsigned risk_types; /* bit (1 << enum risk_type) per type */
    unsigned sources;    /* bit (1 << enum cat_source) per source */
    char **threats;      /* measures: the ids of the threats answered */
    size_t nthreats;
    char *origin;        /* "built-in" or the file it came from */
};

struct catalogue {
    struct cat_entry *entries;
    size_t count;
};

/* Adds the entries of the catalogue file xml[0..len) (name in messages,
 * origin recorded on each entry) to c: checked against the schema, an
 * entry replacing one of the same id. On failure c is unchanged and e
 * says "NAME:LINE: message". */
int catalogue_add(struct catalogue *c, const char *xml, size_t len, const char *name,
                  const char *origin, struct err *e);
/* The built-in catalogue's text. */
const char *catalogue_builtin(size_t *len);
void catalogue_free(struct catalogue *c);
/* -1 with e naming the first measure that answers a threat c does not
 * hold ("FROM: m.x answers t.y, which is not in the catalogue"). */
int catalogue_check_threats(const struct catalogue *c, struct err *e);
const struct cat_entry *catalogue_find(const struct catalogue *c, const char *id);
/* Whether e holds text (case-insensitive, in its id, title, description
 * or references); "" matches everything. */
bool cat_entry_matches(const struct cat_entry *e, const char *text);
/* Frees the schema kept between calls. */
void catalogue_cleanup(void);

#endif
