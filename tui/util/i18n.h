/*
 * i18n: the language of what people read. Messages go through GNU
 * gettext: _("text") translates now, N_("text") marks a string for the
 * catalogue where it is defined (a table) and is translated with _()
 * where it is shown.
 *
 * Two languages can be at work at once: the interface's, from
 * LANGUAGE / LC_ALL / LC_MESSAGES / LANG, and an assessment's, in which
 * its reports are written whatever the interface speaks. i18n_push()
 * switches the messages to a language for a while; i18n_pop() comes
 * back. The program is single-threaded, so a switch is global.
 */
#ifndef DPIA_I18N_H
#define DPIA_I18N_H

#include <stdbool.h>

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(one, many, n) ngettext(one, many, n)
#else
#define _(s) ((const char *) (s))
#define P_(one, many, n) ((n) == 1 ? (one) : (many))
#endif
#define N_(s) s

/* Languages dpia speaks: code, name in English, name in itself. */
#define I18N_LANGS(X) \
    X("en", N_("English"), "English") \
    X("fr", N_("French"), "Français") \
    X("de", N_("German"), "Deutsch")

/* Sets the locale from the environment and binds the catalogue, from
 * DPIA_LOCALEDIR when set (the tests' uninstalled catalogues), else
 * from the installed one. */
void i18n_init(void);

/* The interface's language: "en", "fr" or "de" (the first of LANGUAGE,
 * then the messages locale, that dpia speaks; "en" otherwise). */
const char *i18n_ui_lang(void);

/* Whether dpia speaks CODE ("en", "fr", "de"). */
bool i18n_known(const char *code);

/* The name of language CODE in the current language ("German",
 * "allemand"), or CODE. */
const char *i18n_name(const char *code);
/* The name of language CODE in itself ("Deutsch"), or CODE. */
const char *i18n_own_name(const char *code);

/* Messages in language CODE until the matching i18n_pop(). NULL or ""
 * keeps the current language. Pushes nest up to 8 deep. */
void i18n_push(const char *code);
void i18n_pop(void);

/* The language messages are in now. */
const char *i18n_current(void);

/* The punctuation that joins texts on one line, as the language of the
 * messages writes it (French puts a no-break space before ":" and
 * ";"). */
/* TRANSLATORS: a label and its value on one line ("Legal basis: consent"). */
#define I18N_LABELLED _("%s: %s")
/* TRANSLATORS: between the items of a list on one line ("a; b"). */
#define I18N_LIST_SEP _("; ")

#endif
