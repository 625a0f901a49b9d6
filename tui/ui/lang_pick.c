/* ui: the choice of the language an assessment is written in. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/tmpl.h"
#include "ui/dialog.h"
#include "util/i18n.h"
#include "util/xalloc.h"

/* Whether the template has its text in code: its own language, or one
 * it is translated into. */
static bool has_lang(const struct tmpl *t, const char *code)
{
    if (!t || (t->own_lang && strcmp(t->own_lang, code) == 0))
        return true;
    for (const char *p = t->langs; p && *p;) {
        size_t w = strcspn(p, " ");
        if (w == strlen(code) && strncmp(p, code, w) == 0)
            return true;
        p += w + (p[w] == ' ');
    }
    return false;
}

const char *dialog_pick_lang(struct app *a, const struct tmpl *t, const char *current)
{
    static const char *const codes[] = { "en", "fr", "de" };
    enum { N = sizeof codes / sizeof codes[0] };
    const char *names[N], *details[N];
    char *owned[N * 2];
    int cur = 0;
    for (int i = 0; i < N; i++) {
        owned[2 * i] = xasprintf("%s (%s)", i18n_own_name(codes[i]), i18n_name(codes[i]));
        names[i] = owned[2 * i];
        owned[2 * i + 1] = has_lang(t, codes[i])
            ? xasprintf(_("The questions, the answers and the reports in %s."),
                        i18n_name(codes[i]))
            : xasprintf(_("The reports' headings in %s; the template has no translation into "
                          "it, so its questions stay as written."), i18n_name(codes[i]));
        details[i] = owned[2 * i + 1];
        if (current && strcmp(current, codes[i]) == 0)
            cur = i;
    }
    int pick = dialog_pick(a, _("Language of the assessment"), names, details, N, cur);
    for (int i = 0; i < 2 * N; i++)
        free(owned[i]);
    return pick >= 0 ? codes[pick] : NULL;
}
