/* dpia catalogue [--threats|--measures] [--type T] [--source S] [TEXT]
 * dpia catalogue show ID
 * dpia catalogue check FILE...
 * The catalogue of measures and threats: listed and searched, one entry
 * whole, a catalogue file of one's own checked. */
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

static int catalogue_usage(void)
{
    msg_error(_("usage: dpia catalogue [--threats|--measures] [--type TYPE] [--source SOURCE] [TEXT] | "
              "dpia catalogue show ID | dpia catalogue check FILE..."));
    return EXIT_USAGE;
}

/* The short names of the risk types in bits, "access,disappearance". */
static void types_text(unsigned bits, struct buf *b)
{
    for (int t = RT_ACCESS; t < RT_COUNT; t++) {
        if (!(bits & (1u << t)))
            continue;
        const char *k = risk_type_key((enum risk_type)t);
        const char *dash = strchr(k, '-');
        if (b->len)
            buf_addc(b, ',');
        buf_adds(b, t == RT_ACCESS || t == RT_MODIFICATION ? dash + 1 : k);
    }
}

static int load(struct catalogue *c)
{
    struct err w;
    if (io_catalogue_load(c, &w) < 0)
        msg_warn("%s", w.text);
    return c->count ? 0 : EXIT_WORK;
}

static int show(const char *id)
{
    struct catalogue c = { 0 };
    load(&c);
    const struct cat_entry *x = catalogue_find(&c, id);
    if (!x) {
        msg_error(_("catalogue: there is no entry '%s' (dpia catalogue lists them)"), id);
        catalogue_free(&c);
        return EXIT_WORK;
    }
    struct buf b = { 0 };
    types_text(x->risk_types, &b);
    printf("%s: %s\n", x->id, x->title);
    if (x->kind == CAT_MEASURE)
        printf(_("Measure, %s (as a measure: %s)\n"), x->category,
               measure_type_label(x->type));
    else
        fputs(_("Threat\n"), stdout);
    printf(_("Risk types: %s\n"), buf_str(&b));
    fputs(_("Sources:"), stdout);
    for (int s = 0; s < CS_COUNT; s++)
        if (x->sources & (1u << s))
            printf(" %s", cat_source_key((enum cat_source)s));
    printf("\n%s\n", x->description);
    for (size_t i = 0; i < x->nrefs; i++)
        printf(_("Reference: %s\n"), x->refs[i]);
    for (size_t i = 0; i < x->nthreats; i++) {
        const struct cat_entry *t = catalogue_find(&c, x->threats[i]);
        /* TRANSLATORS: a threat's id, then ": " and its title when known. */
        printf(_("Answers: %s%s%s\n"), x->threats[i], t ? ": " : "", t ? t->title : "");
    }
    /* A threat lists the measures that answer it. */
    for (size_t i = 0; x->kind == CAT_THREAT && i < c.count; i++)
        for (size_t k = 0; k < c.entries[i].nthreats; k++)
            if (strcmp(c.entries[i].threats[k], x->id) == 0)
                printf(_("Answered by: %s: %s\n"), c.entries[i].id, c.entries[i].title);
    printf(_("From: %s\n"), x->origin);
    buf_free(&b);
    catalogue_free(&c);
    return 0;
}

static int check(int argc, char **argv)
{
    int bad = 0;
    for (int i = 0; i < argc; i++) {
        struct err e;
        size_t len;
        /* A file of one's own may answer the built-in threats. */
        struct catalogue c = { 0 };
        const char *builtin = catalogue_builtin(&len);
        catalogue_add(&c, builtin, len, "built-in catalogue", "built-in", &e);
        size_t before = c.count;
        char *xml = io_read_regular(argv[i], 4u << 20, &len, &e);
        if (!xml || catalogue_add(&c, xml, len, argv[i], argv[i], &e) < 0 ||
            catalogue_check_threats(&c, &e) < 0) {
            msg_error("%s", e.text);
            bad++;
        } else {
            size_t threats = 0, mine = 0;
            for (size_t k = 0; k < c.count; k++)
                if (strcmp(c.entries[k].origin, argv[i]) == 0) {
                    mine++;
                    threats += c.entries[k].kind == CAT_THREAT;
                }
            printf(_("%s: valid catalogue: measures: %zu, threats: %zu (%zu new, the others "
                     "replace built-in entries)\n"), argv[i], mine - threats, threats,
                   c.count - before);
        }
        free(xml);
        catalogue_free(&c);
    }
    return bad ? EXIT_WORK : 0;
}

int cmd_catalogue(const struct cli_global *g, int argc, char **argv)
{
    (void)g;
    if (argc >= 2 && strcmp(argv[1], "show") == 0)
        return argc == 3 ? show(argv[2]) : catalogue_usage();
    if (argc >= 2 && strcmp(argv[1], "check") == 0)
        return argc >= 3 ? check(argc - 2, argv + 2) : catalogue_usage();
    static const struct option lo[] = {
        { "threats", no_argument, NULL, 't' },
        { "measures", no_argument, NULL, 'm' },
        { "type", required_argument, NULL, 'y' },
        { "source", required_argument, NULL, 's' },
        { NULL, 0, NULL, 0 },
    };
    int kind = -1, type = -1, source = -1, c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":", lo, NULL)) != -1) {
        switch (c) {
        case 't':
            kind = CAT_THREAT;
            break;
        case 'm':
            kind = CAT_MEASURE;
            break;
        case 'y':
            type = risk_type_parse(optarg);
            if (type <= RT_NONE) {
                msg_error(_("catalogue: --type takes illegitimate-access, unwanted-modification, "
                          "disappearance or other, not '%s'"), optarg);
                return EXIT_USAGE;
            }
            break;
        case 's':
            for (source = CS_COUNT - 1; source >= 0; source--)
                if (strcmp(optarg, cat_source_key((enum cat_source)source)) == 0)
                    break;
            if (source < 0) {
                msg_error(_("catalogue: --source takes staff, external-attackers, processors, "
                          "recipients, controller, public or accident, not '%s'"), optarg);
                return EXIT_USAGE;
            }
            break;
        default:
            return cli_bad_option("catalogue", c, argv);
        }
    }
    if (argc - optind > 1)
        return catalogue_usage();
    const char *text = optind < argc ? argv[optind] : "";
    struct catalogue cat = { 0 };
    int rc = load(&cat);
    /* TRANSLATORS: the column headers of dpia catalogue, over columns of 32,
     * 15 and 34 characters. */
    const char *h_id = _("ID"), *h_kind = _("KIND"), *h_types = _("RISK TYPES");
    cli_put_padded(stdout, h_id, 32, false);
    putchar(' ');
    cli_put_padded(stdout, h_kind, 15, false);
    putchar(' ');
    cli_put_padded(stdout, h_types, 34, false);
    printf(" %s\n", _("TITLE"));
    size_t shown = 0;
    struct buf b = { 0 };
    for (size_t i = 0; i < cat.count; i++) {
        const struct cat_entry *x = &cat.entries[i];
        if ((kind >= 0 && (int)x->kind != kind) ||
            (type >= 0 && !(x->risk_types & (1u << type))) ||
            (source >= 0 && !(x->sources & (1u << source))) || !cat_entry_matches(x, text))
            continue;
        buf_clear(&b);
        types_text(x->risk_types, &b);
        printf("%-32s %-15s %-34s %s\n", x->id, x->kind == CAT_THREAT ? "threat" : x->category,
               buf_str(&b), x->title);
        shown++;
    }
    buf_free(&b);
    catalogue_free(&cat);
    if (rc == 0 && shown == 0)
        msg_warn(_("nothing in the catalogue matches"));
    return rc;
}
