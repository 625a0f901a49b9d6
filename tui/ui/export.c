#include "config.h"
#include "ui/export.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "io/io.h"
#include "ops/ops.h"
#include "report/report.h"
#include "store/store.h"
#include "ui/dialog.h"
#include "util/buf.h"
#include "util/path.h"
#include "util/xalloc.h"

#define EXAMPLE "streaming-factoids.xml"

/* "Viewing factoids: tweets" -> "viewing-factoids-tweets". */
static char *slug(const char *title)
{
    struct buf b = {0};
    bool dash = false;
    for (const char *p = title; *p && b.len < 48; p++) {
        unsigned char c = (unsigned char)*p;
        if (isalnum(c) && c < 128) {
            if (dash && b.len)
                buf_addc(&b, '-');
            buf_addc(&b, (char)tolower(c));
            dash = false;
        } else {
            dash = true;
        }
    }
    if (!b.len)
        buf_adds(&b, "assessment");
    return buf_take(&b);
}

void ui_export(struct app *a, int64_t id)
{
    static const char *const labels[] = {
        "HTML report (for the compliance file)", "XML record (complete, re-importable)",
        "CSV: the risk register", "CSV: the action plan",
    };
    static const enum report_format formats[] = { RF_HTML, RF_XML, RF_CSV_RISKS, RF_CSV_MEASURES };
    static const char *const ext[] = { "html", "xml", "risks.csv", "measures.csv" };
    int pick = dialog_pick(a, "Export", labels, NULL, 4, 0);
    if (pick < 0)
        return;
    struct err e;
    struct assessment *as = store_load_flags(a->store, id, STORE_LOAD_NO_HISTORY, &e);
    if (!as) {
        app_message(a, true, "%s", e.text);
        return;
    }
    char date[11];
    time_t now = time(NULL);
    struct tm tm;
    localtime_r(&now, &tm);
    strftime(date, sizeof date, "%Y-%m-%d", &tm);
    char *s = slug(as->title);
    char *def = xasprintf("dpia-%s-%s.%s", s, date, ext[pick]);
    free(s);
    assess_free(as);
    char *path = dialog_line(a, "Export to", "File (in the current folder unless a path is given):", def);
    free(def);
    if (path && *path) {
        /* A regular file is replaced when the person says so; anything
         * else there (a folder, a device, a link) is refused with the
         * reason by ops_export_file. */
        struct stat sb;
        bool go = true;
        unsigned flags = 0;
        if (lstat(path, &sb) == 0 && S_ISREG(sb.st_mode)) {
            char q[1024];
            snprintf(q, sizeof q, "%s exists. Replace it?", path);
            go = dialog_confirm(a, "Replace", q);
            flags = IO_OUT_FORCE;
        }
        if (go) {
            struct ops_export x = { .format = formats[pick] };
            if (ops_export_file(a->store, id, &x, path, flags, false, &e) < 0)
                app_message(a, true, "%s", e.text);
            else
                app_message(a, false, "Written: %s", path);
        }
    }
    free(path);
}

int64_t ui_load_example(struct app *a)
{
    struct err e;
    char *path = io_find_example(EXAMPLE);
    if (!path) {
        app_message(a, true, "The worked example (%s) is not installed.", EXAMPLE);
        return -1;
    }
    int64_t id = -1;
    if (ops_import_file(a->store, path, &id, &e) < 0)
        app_message(a, true, "%s", e.text);
    else
        app_message(a, false, "Loaded the worked example.");
    free(path);
    return id;
}
