/* dpia templates; dpia template check FILE... */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "io/io.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/i18n.h"

int cmd_templates(const struct cli_global *g, int argc, char **argv)
{
    if (argc > 1) {
        msg_error(_("templates takes no arguments"));
        return EXIT_USAGE;
    }
    struct io_catalog c;
    io_catalog_load(&c);
    /* TRANSLATORS: the column headers of dpia templates, over columns of
     * 20, 8, 20 and 44 characters. */
    const char *head[] = { _("ID"), _("VERSION"), _("SOURCE"), _("TITLE") };
    static const int cols[] = { 20, 8, 20, 44 };
    for (int k = 0; k < 4; k++) {
        cli_put_padded(stdout, head[k], cols[k], false);
        putchar(' ');
    }
    printf("%s\n", _("PATH"));
    int bad = 0;
    for (size_t i = 0; i < c.count; i++) {
        const struct io_template *it = &c.items[i];
        if (!it->tmpl) {
            msg_warn("%s", it->error);
            bad++;
            continue;
        }
        const char *cell[] = { it->tmpl->id, it->tmpl->version, io_source_name(it->source),
                               it->tmpl->title };
        for (int k = 0; k < 4; k++) {
            cli_put_padded(stdout, cell[k], cols[k], false);
            putchar(' ');
        }
        printf("%s\n", it->path ? it->path : "-");
    }
    io_catalog_free(&c);
    return bad ? EXIT_WORK : 0;
}

/* A translated template: valid in each of its languages, and with every
 * text translated into each (a text whose English changed after it was
 * translated has lost its translation, and is said the same way).
 * 0, or -1 after saying what is wrong. */
static int check_translations(const char *name, const char *xml, size_t len, const struct tmpl *t)
{
    if (!t->langs)
        return 0;
    int rc = 0;
    for (const char *p = t->langs; *p;) {
        size_t w = strcspn(p, " ");
        char code[16];
        snprintf(code, sizeof code, "%.*s", (int) (w < 15 ? w : 15), p);
        p += w + (p[w] == ' ');
        struct err e;
        struct tmpl *tr = tmpl_check_in(xml, len, name, code, &e);
        if (!tr) {
            msg_error(_("%s (in %s)"), e.text, code);
            rc = -1;
        }
        tmpl_free(tr);
    }
    struct buf out = { 0 };
    struct err e;
    long n = tmpl_untranslated(xml, len, name, &out, &e);
    if (n < 0) {
        msg_error("%s", e.text);
        rc = -1;
    } else if (n > 0) {
        fputs(out.data ? out.data : "", stderr);
        msg_error(P_("%s: %ld text is not translated", "%s: %ld texts are not translated", n),
                  name, n);
        rc = -1;
    }
    buf_free(&out);
    return rc;
}

int cmd_template_check(const struct cli_global *g, int argc, char **argv)
{
    if (argc < 2) {
        msg_error(_("usage: dpia template check FILE..."));
        return EXIT_USAGE;
    }
    int bad = 0;
    for (int i = 1; i < argc; i++) {
        struct err e;
        size_t len;
        char *xml = io_read_file(argv[i], TMPL_MAX_BYTES, &len, &e);
        struct tmpl *t = xml ? tmpl_check(xml, len, argv[i], &e) : NULL;
        if (!t) {
            msg_error("%s", e.text);
            bad++;
        } else if (check_translations(argv[i], xml, len, t) < 0) {
            bad++;
        } else {
            printf(_("%s: valid template '%s' version %s: sections: %zu, questions: %zu, "
                     "risk methods: %zu\n"), argv[i], t->id, t->version, t->nsections,
                   t->nquestions, t->nmethods);
            if (t->langs)
                printf(_("%s: translated into %s, every text complete\n"), argv[i], t->langs);
        }
        tmpl_free(t);
        free(xml);
    }
    return bad ? EXIT_WORK : 0;
}
