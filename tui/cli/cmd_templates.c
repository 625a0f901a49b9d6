/* dpia templates; dpia template check FILE... */
#include "config.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/commands.h"
#include "io/io.h"
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
        } else {
            printf(_("%s: valid template '%s' version %s: sections: %zu, questions: %zu, "
                     "risk methods: %zu\n"), argv[i], t->id, t->version, t->nsections,
                   t->nquestions, t->nmethods);
        }
        tmpl_free(t);
        free(xml);
    }
    return bad ? EXIT_WORK : 0;
}
