/* The catalogue of measures and threats as dpia finds it (io/io.h):
 * the built-in one, then the user's own file, <data>/catalogue.xml,
 * whose entries add to it or replace those of the same id. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "io/io.h"
#include "util/path.h"
#include "util/xalloc.h"
#include "util/i18n.h"

/* A catalogue is a few hundred entries; a larger file is a mistake. */
#define CATALOGUE_MAX_BYTES (4u << 20)

char *io_user_catalogue_path(void)
{
    char *dir = path_user_data_dir();
    if (!dir)
        return NULL;
    char *p = xasprintf("%s/catalogue.xml", dir);
    free(dir);
    return p;
}

int io_catalogue_load(struct catalogue *c, struct err *warning)
{
    size_t len;
    const char *xml = catalogue_builtin(&len);
    struct err e;
    if (catalogue_add(c, xml, len, "built-in catalogue", "built-in", &e) < 0)
        return err_set(warning, "%s", e.text);
    char *path = io_user_catalogue_path();
    struct stat sb;
    int rc = 0;
    if (path && !(stat(path, &sb) < 0 && errno == ENOENT)) {
        char *text = io_read_regular(path, CATALOGUE_MAX_BYTES, &len, &e);
        if (!text || catalogue_add(c, text, len, path, path, &e) < 0)
            rc = err_set(warning, _("%s; its entries are left out"), e.text);
        else if (catalogue_check_threats(c, &e) < 0)
            rc = err_set(warning, _("%s; its entries are listed all the same"), e.text);
        free(text);
    }
    free(path);
    return rc;
}
