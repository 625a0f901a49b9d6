#include "config.h"
#include "io/io.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/i18n.h"
#include "util/path.h"
#include "util/xalloc.h"

/* TRANSLATORS: where a template was found; DPIA_TEMPLATE_PATH is the
 * environment variable's name and is not translated. */
static const char *const source_names[] = { N_("built-in"), "DPIA_TEMPLATE_PATH", N_("user"),
                                            N_("system") };

const char *io_source_name(enum io_source s)
{
    return s == SRC_ENV ? source_names[s] : _(source_names[s]);
}

static struct io_template *add(struct io_catalog *c, size_t *cap)
{
    c->items = xgrow(c->items, cap, c->count + 1, sizeof *c->items);
    struct io_template *it = &c->items[c->count++];
    memset(it, 0, sizeof *it);
    return it;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static void scan_dir(struct io_catalog *c, size_t *cap, const char *dir, enum io_source src)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    char **names = NULL;
    size_t n = 0, ncap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        size_t len = strlen(de->d_name);
        if (len > 4 && strcmp(de->d_name + len - 4, ".xml") == 0 && de->d_name[0] != '.') {
            names = xgrow(names, &ncap, n + 1, sizeof *names);
            names[n++] = xasprintf("%s/%s", dir, de->d_name);
        }
    }
    closedir(d);
    if (n > 1)
        qsort(names, n, sizeof *names, by_name);
    for (size_t i = 0; i < n; i++) {
        struct io_template *it = add(c, cap);
        it->path = names[i];
        it->source = src;
        struct err e;
        it->xml = io_read_regular(it->path, TMPL_MAX_BYTES, &it->xml_len, &e);
        if (it->xml)
            it->tmpl = tmpl_parse_in(it->xml, it->xml_len, it->path, i18n_ui_lang(), &e);
        if (!it->tmpl) {
            snprintf(it->error, sizeof it->error, "%s", e.text);
            continue;
        }
        /* An installed copy of a template already found (the built-in
         * one, say) is the same template: list it once. */
        for (size_t k = 0; k + 1 < c->count; k++) {
            const struct tmpl *o = c->items[k].tmpl;
            if (o && strcmp(o->id, it->tmpl->id) == 0 && strcmp(o->digest, it->tmpl->digest) == 0) {
                tmpl_free(it->tmpl);
                free(it->path);
                free(it->xml);
                c->count--;
                break;
            }
        }
    }
    free(names);
}

void io_catalog_load(struct io_catalog *c)
{
    size_t cap = 0;
    memset(c, 0, sizeof *c);
    for (size_t i = 0; i < tmpl_builtin_count(); i++) {
        struct io_template *b = add(c, &cap);
        b->source = SRC_BUILTIN;
        const char *name;
        const char *xml = tmpl_builtin_xml_at(i, &b->xml_len, &name);
        b->xml = xstrndup(xml, b->xml_len);
        struct err e;
        /* Read in the interface's language: what is chosen among. */
        b->tmpl = tmpl_parse_in(b->xml, b->xml_len, name, i18n_ui_lang(), &e);
        if (!b->tmpl)
            snprintf(b->error, sizeof b->error, "%s", e.text);
    }

    const char *env = getenv("DPIA_TEMPLATE_PATH");
    if (env && *env) {
        char *copy = xstrdup(env), *save = NULL;
        for (char *dir = strtok_r(copy, ":", &save); dir; dir = strtok_r(NULL, ":", &save))
            scan_dir(c, &cap, dir, SRC_ENV);
        free(copy);
    }
    char *user = path_user_data_dir();
    if (user) {
        char *dir = xasprintf("%s/templates", user);
        scan_dir(c, &cap, dir, SRC_USER);
        free(dir);
        free(user);
    }
    scan_dir(c, &cap, DPIA_DATADIR "/templates", SRC_SYSTEM);
}

void io_catalog_free(struct io_catalog *c)
{
    for (size_t i = 0; i < c->count; i++) {
        tmpl_free(c->items[i].tmpl);
        free(c->items[i].path);
        free(c->items[i].xml);
    }
    free(c->items);
    memset(c, 0, sizeof *c);
}

const struct io_template *io_catalog_find(const struct io_catalog *c, const char *id)
{
    for (size_t i = 0; i < c->count; i++)
        if (c->items[i].tmpl && strcmp(c->items[i].tmpl->id, id) == 0)
            return &c->items[i];
    return NULL;
}

char *io_find_example(const char *name)
{
    char *candidates[4] = { NULL };
    int n = 0;
    candidates[n++] = xasprintf("%s/examples/%s", DPIA_DATADIR, name);
    char exe[4096];
    ssize_t len = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (len > 0) {
        exe[len] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        candidates[n++] = xasprintf("%s/data/examples/%s", exe, name);
        candidates[n++] = xasprintf("%s/../share/dpia/examples/%s", exe, name);
    }
    candidates[n++] = xasprintf("%s/data/examples/%s", DPIA_SRCDIR, name);
    char *found = NULL;
    for (int i = 0; i < n; i++) {
        if (!found && access(candidates[i], R_OK) == 0)
            found = candidates[i];
        else
            free(candidates[i]);
    }
    return found;
}
