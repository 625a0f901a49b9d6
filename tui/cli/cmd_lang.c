/* cli: `dpia language ID [L]`, the language an assessment is written
 * in: its template's text, its answers and its reports. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "cli/commands.h"
#include "ops/ops.h"
#include "util/err.h"
#include "util/i18n.h"

int cmd_language(const struct cli_global *g, int argc, char **argv)
{
    if (argc < 2 || argc > 3 || argv[1][0] == '-') {
        msg_error(_("usage: dpia language ID [en|fr|de]"));
        return EXIT_USAGE;
    }
    if (argc == 3 && !i18n_known(argv[2])) {
        msg_error(_("'%s' is not a language dpia speaks: en, fr or de"), argv[2]);
        return EXIT_USAGE;
    }
    struct store *s;
    int rc;
    struct assessment *a = cli_open_load(g, argc == 3, argv[1], &s, &rc);
    if (!a)
        return rc;
    if (argc == 2) {
        printf("%s\t%s\n", a->lang, i18n_name(a->lang));
    } else {
        struct err e;
        if (ops_set_lang(s, a, argv[2], &e) < 0) {
            msg_error("%s", e.text);
            rc = EXIT_WORK;
        }
    }
    assess_free(a);
    store_close(s);
    return rc;
}
