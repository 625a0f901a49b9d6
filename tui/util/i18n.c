/*
 * i18n: gettext set-up and the switch between the interface's language
 * and an assessment's.
 */
#include "config.h"

#include "util/i18n.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "util/xalloc.h"

#ifndef LOCALEDIR
#define LOCALEDIR "/usr/local/share/locale"
#endif

struct lang_entry {
    const char *code, *english, *own;
};

static const struct lang_entry langs[] = {
#define X(code, english, own) {code, english, own},
    I18N_LANGS(X)
#undef X
};

#define LANG_COUNT (sizeof langs / sizeof langs[0])
#define STACK_MAX 8

static struct {
    const char *code;  /* current language of messages */
    char *language;    /* LANGUAGE before the first push, or NULL */
    bool had_language;
    char *messages;    /* the LC_MESSAGES locale before the first push */
} stack[STACK_MAX];
static int depth;
static const char *ui_code;

bool i18n_known(const char *code)
{
    for (size_t i = 0; code && i < LANG_COUNT; i++)
        if (strcmp(langs[i].code, code) == 0)
            return true;
    return false;
}

const char *i18n_name(const char *code)
{
    for (size_t i = 0; code && i < LANG_COUNT; i++)
        if (strcmp(langs[i].code, code) == 0)
            return _(langs[i].english);
    return code ? code : "";
}

const char *i18n_own_name(const char *code)
{
    for (size_t i = 0; code && i < LANG_COUNT; i++)
        if (strcmp(langs[i].code, code) == 0)
            return langs[i].own;
    return code ? code : "";
}

/* The language dpia speaks among a locale or LANGUAGE entry ("de_AT.UTF-8",
 * "fr:en"), or NULL. */
static const char *known_prefix(const char *s)
{
    while (s && *s) {
        size_t n = strcspn(s, ":");
        for (size_t i = 0; i < LANG_COUNT; i++) {
            size_t l = strlen(langs[i].code);
            if (n >= l && strncmp(s, langs[i].code, l) == 0 &&
                (n == l || s[l] == '_' || s[l] == '.' || s[l] == '@'))
                return langs[i].code;
        }
        s += n;
        if (*s == ':')
            s++;
    }
    return NULL;
}

static const char *guess_ui_lang(void)
{
    const char *msg = setlocale(LC_MESSAGES, NULL);
    /* As gettext does: LANGUAGE counts unless the locale is "C". */
    if (msg && strcmp(msg, "C") != 0 && strcmp(msg, "POSIX") != 0) {
        const char *l = known_prefix(getenv("LANGUAGE"));
        if (l)
            return l;
    }
    const char *l = known_prefix(msg);
    return l ? l : "en";
}

void i18n_init(void)
{
    setlocale(LC_ALL, "");
#ifdef ENABLE_NLS
    const char *dir = getenv("DPIA_LOCALEDIR");
    bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
    bind_textdomain_codeset(PACKAGE, "UTF-8");
    textdomain(PACKAGE);
#endif
    ui_code = guess_ui_lang();
}

const char *i18n_ui_lang(void)
{
    return ui_code ? ui_code : "en";
}

const char *i18n_current(void)
{
    return depth > 0 ? stack[depth - 1].code : i18n_ui_lang();
}

#ifdef ENABLE_NLS
#ifdef HAVE_NL_MSG_CAT_CNTR
/* gettext's cache of translations, to be bumped after LANGUAGE changes. */
extern int _nl_msg_cat_cntr;
#endif

/* Makes gettext look its translations up again. */
static void forget(void)
{
#ifdef HAVE_NL_MSG_CAT_CNTR
    ++_nl_msg_cat_cntr;
#else
    /* Setting the messages locale again does it too. */
    const char *m = setlocale(LC_MESSAGES, NULL);
    char *copy = xstrdup(m ? m : "C");
    setlocale(LC_MESSAGES, copy);
    free(copy);
#endif
}

static void apply(const char *code)
{
    setenv("LANGUAGE", code, 1);
    forget();
}
#endif

void i18n_push(const char *code)
{
    if (depth >= STACK_MAX)
        abort();
    const char *c = i18n_current();
    for (size_t i = 0; code && i < LANG_COUNT; i++)
        if (strcmp(langs[i].code, code) == 0)
            c = langs[i].code;
    if (depth == 0) {
        const char *l = getenv("LANGUAGE");
        stack[0].had_language = l != NULL;
        stack[0].language = l ? xstrdup(l) : NULL;
        const char *m = setlocale(LC_MESSAGES, NULL);
        stack[0].messages = xstrdup(m ? m : "C");
    }
    stack[depth].code = c;
    depth++;
#ifdef ENABLE_NLS
    /* gettext reads LANGUAGE only when the messages locale is not "C":
     * then any UTF-8 locale the system has will do (without one, the
     * messages stay English). */
    const char *m = setlocale(LC_MESSAGES, NULL);
    if (!m || strcmp(m, "C") == 0 || strcmp(m, "POSIX") == 0) {
        static const char *const utf8[] = { "C.UTF-8", "C.utf8", "en_US.UTF-8", "en_GB.UTF-8" };
        for (size_t i = 0; i < sizeof utf8 / sizeof utf8[0]; i++)
            if (setlocale(LC_MESSAGES, utf8[i]))
                break;
    }
    apply(c);
#endif
}

void i18n_pop(void)
{
    if (depth <= 0)
        return;
    depth--;
    if (depth > 0) {
#ifdef ENABLE_NLS
        apply(stack[depth - 1].code);
#endif
        return;
    }
    if (stack[0].had_language)
        setenv("LANGUAGE", stack[0].language, 1);
    else
        unsetenv("LANGUAGE");
    setlocale(LC_MESSAGES, stack[0].messages);
    free(stack[0].language);
    free(stack[0].messages);
    stack[0].language = stack[0].messages = NULL;
#ifdef ENABLE_NLS
    forget();
#endif
}
