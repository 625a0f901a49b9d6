/* A zip archive made in memory (libzip): the archive is built in a
 * buffer source, then read back and written to the sink. Each entry gets
 * the same DOS time, worked out in UTC (not the local time libzip's
 * zip_file_set_mtime would use), so that an export is reproducible
 * wherever it runs. */
#include "config.h"
#include "report/zipw.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zip.h>

#include "util/i18n.h"
#include "util/xalloc.h"

struct zipw {
    zip_source_t *src; /* the archive's bytes, kept after zip_close */
    zip_t *za;
    zip_uint16_t dtime, ddate;
};

static void dos_time(int64_t t, zip_uint16_t *dtime, zip_uint16_t *ddate)
{
    /* 1980-01-01T00:00:00Z, the first time a zip entry can hold. */
    if (t < 315532800)
        t = 315532800;
    time_t tt = (time_t)t;
    struct tm tm;
    gmtime_r(&tt, &tm);
    if (tm.tm_year > 207) /* DOS years end in 2107 */
        tm = (struct tm){ .tm_year = 207, .tm_mon = 11, .tm_mday = 31, .tm_hour = 23,
                          .tm_min = 59, .tm_sec = 58 };
    *dtime = (zip_uint16_t)((tm.tm_hour << 11) | (tm.tm_min << 5) | (tm.tm_sec / 2));
    *ddate = (zip_uint16_t)(((tm.tm_year - 80) << 9) | ((tm.tm_mon + 1) << 5) | tm.tm_mday);
}

struct zipw *zipw_new(int64_t t, struct err *e)
{
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
    zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
    if (!za) {
        err_set(e, _("cannot make the document's zip archive: %s"), zip_error_strerror(&ze));
        if (src)
            zip_source_free(src);
        zip_error_fini(&ze);
        return NULL;
    }
    zip_error_fini(&ze);
    /* zip_close would free the source with the archive: it is read
     * after. */
    zip_source_keep(src);
    struct zipw *z = xcalloc(1, sizeof *z);
    z->src = src;
    z->za = za;
    dos_time(t, &z->dtime, &z->ddate);
    return z;
}

int zipw_add(struct zipw *z, const char *name, struct buf *data, bool stored, struct err *e)
{
    size_t len = data->len;
    char *bytes = buf_take(data);
    zip_source_t *s = zip_source_buffer(z->za, bytes, len, 1);
    if (!s) {
        free(bytes);
        return err_set(e, _("cannot add %s to the document: %s"), name, zip_strerror(z->za));
    }
    zip_int64_t i = zip_file_add(z->za, name, s, ZIP_FL_ENC_UTF_8);
    if (i < 0) {
        zip_source_free(s);
        return err_set(e, _("cannot add %s to the document: %s"), name, zip_strerror(z->za));
    }
    zip_uint64_t idx = (zip_uint64_t)i;
    if (zip_set_file_compression(z->za, idx, stored ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 9) < 0 ||
        zip_file_set_dostime(z->za, idx, z->dtime, z->ddate, 0) < 0 ||
        zip_file_set_external_attributes(z->za, idx, 0, ZIP_OPSYS_UNIX, 0100644u << 16) < 0)
        return err_set(e, _("cannot add %s to the document: %s"), name, zip_strerror(z->za));
    return 0;
}

void zipw_discard(struct zipw *z)
{
    if (!z)
        return;
    zip_discard(z->za);
    zip_source_free(z->src);
    free(z);
}

int zipw_finish(struct zipw *z, const struct sink *out, struct err *e)
{
    int rc = -1;
    if (zip_close(z->za) < 0) {
        err_set(e, _("cannot make the document's zip archive: %s"), zip_strerror(z->za));
        zip_discard(z->za);
        goto done;
    }
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_source_stat(z->src, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
        zip_source_open(z->src) < 0) {
        err_set(e, _("cannot read the document's zip archive back"));
        goto done;
    }
    char chunk[65536];
    zip_uint64_t left = st.size;
    rc = 0;
    while (left > 0 && rc == 0) {
        zip_int64_t n = zip_source_read(z->src, chunk, left < sizeof chunk ? left : sizeof chunk);
        if (n <= 0)
            rc = err_set(e, _("cannot read the document's zip archive back"));
        else if (sink_write(out, chunk, (size_t)n) < 0)
            rc = err_set(e, _("cannot write the document: %s"), strerror(errno ? errno : EIO));
        else
            left -= (zip_uint64_t)n;
    }
    zip_source_close(z->src);
done:
    zip_source_free(z->src);
    free(z);
    return rc;
}
