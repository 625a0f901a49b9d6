/* The record attached to the PDF made an associated file of the
 * document, as PDF/A-3 requires of an embedded file (ISO 19005-3,
 * 6.8): the catalog's /AF lists its file specification, which says how
 * the file relates to the document (/AFRelationship /Data) and carries
 * its name in /F as well as /UF; the embedded file stream says its MIME
 * type (/Subtype /text/xml) and its date (/Params /ModDate). WeasyPrint
 * attaches the file without these; libqpdf adds them to the PDF
 * WeasyPrint wrote, which is otherwise written back as it was (its
 * first /ID, the record's digest, kept). */
#include "config.h"
#include "report/report_int.h"

#include <string.h>
#include <time.h>

#ifdef HAVE_QPDF
#include <qpdf/qpdf-c.h>
#endif

#include "util/i18n.h"
#include "util/xalloc.h"

#ifdef HAVE_QPDF

/* The last error of q as a sentence, in e. */
static int qpdf_failed(qpdf_data q, const char *what, struct err *e)
{
    const char *why = _("unknown error");
    if (qpdf_has_error(q))
        why = qpdf_get_error_full_text(q, qpdf_get_error(q));
    return err_set(e, _("PDF export: %s: %s"), what, why);
}

/* The file specification of the file saved as name among the
 * document's embedded files (a flat name tree, as WeasyPrint writes
 * it); 0 when there is none. */
static qpdf_oh find_filespec(qpdf_data q, const char *name)
{
    qpdf_oh names = qpdf_oh_get_key_if_dict(q, qpdf_get_root(q), "/Names");
    qpdf_oh files = qpdf_oh_get_key_if_dict(q, names, "/EmbeddedFiles");
    qpdf_oh list = qpdf_oh_get_key_if_dict(q, files, "/Names");
    if (!qpdf_oh_is_array(q, list))
        return 0;
    int n = qpdf_oh_get_array_n_items(q, list);
    /* Found by the name it is saved under (its key is WeasyPrint's own). */
    for (int i = 1; i < n; i += 2) {
        qpdf_oh spec = qpdf_oh_get_array_item(q, list, i);
        qpdf_oh uf = qpdf_oh_get_key_if_dict(q, spec, "/UF");
        if (qpdf_oh_is_string(q, uf) && strcmp(qpdf_oh_get_utf8_value(q, uf), name) == 0)
            return spec;
    }
    return 0;
}

int report_pdf_associate(const char *pdf, size_t len, const char *name, const char *mime,
                         int64_t when, struct buf *out, struct err *e)
{
    qpdf_data q = qpdf_init();
    qpdf_silence_errors(q);
    int rc = -1;
    if (qpdf_read_memory(q, "report.pdf", pdf, (unsigned long long)len, NULL) & QPDF_ERRORS) {
        qpdf_failed(q, _("the PDF WeasyPrint wrote cannot be read"), e);
        goto done;
    }
    qpdf_oh spec = find_filespec(q, name);
    qpdf_oh ef = spec ? qpdf_oh_get_key_if_dict(q, spec, "/EF") : 0;
    qpdf_oh file = ef ? qpdf_oh_get_key_if_dict(q, ef, "/F") : 0;
    if (!spec || !qpdf_oh_is_dictionary(q, spec) || !file || !qpdf_oh_is_stream(q, file)) {
        err_set(e, _("PDF export: the PDF WeasyPrint wrote does not carry %s"), name);
        goto done;
    }
    qpdf_oh_replace_key(q, spec, "/AFRelationship", qpdf_oh_new_name(q, "/Data"));
    qpdf_oh_replace_key(q, spec, "/F", qpdf_oh_new_unicode_string(q, name));
    qpdf_oh_replace_key(q, spec, "/UF", qpdf_oh_new_unicode_string(q, name));
    qpdf_oh_replace_key(q, spec, "/Desc",
                        qpdf_oh_new_unicode_string(q, _("The dpia record of this assessment")));
    qpdf_oh dict = qpdf_oh_get_dict(q, file);
    char type[64];
    snprintf(type, sizeof type, "/%s", mime);
    qpdf_oh_replace_key(q, dict, "/Subtype", qpdf_oh_new_name(q, type));
    qpdf_oh params = qpdf_oh_get_key_if_dict(q, dict, "/Params");
    if (!qpdf_oh_is_dictionary(q, params)) {
        params = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, dict, "/Params", params);
    }
    time_t t = (time_t)when;
    struct tm tm;
    char date[32];
    gmtime_r(&t, &tm);
    strftime(date, sizeof date, "D:%Y%m%d%H%M%SZ", &tm);
    qpdf_oh_replace_key(q, params, "/ModDate", qpdf_oh_new_string(q, date));
    /* The one file specification the catalog's /AF lists. */
    qpdf_oh af = qpdf_oh_new_array(q);
    qpdf_oh_append_item(q, af, spec);
    qpdf_oh_replace_key(q, qpdf_get_root(q), "/AF", af);
    if (qpdf_has_error(q)) {
        qpdf_failed(q, _("the record cannot be made an associated file"), e);
        goto done;
    }
    /* Written back whole, its objects as they were; the /ID from its
     * content, so that the same PDF gives the same bytes. */
    if (qpdf_init_write_memory(q) & QPDF_ERRORS) {
        qpdf_failed(q, _("the PDF cannot be written"), e);
        goto done;
    }
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    if (qpdf_write(q) & QPDF_ERRORS) {
        qpdf_failed(q, _("the PDF cannot be written"), e);
        goto done;
    }
    buf_add(out, (const char *)qpdf_get_buffer(q), qpdf_get_buffer_length(q));
    rc = 0;
done:
    qpdf_cleanup(&q);
    return rc;
}

#else

int report_pdf_associate(const char *pdf, size_t len, const char *name, const char *mime,
                         int64_t when, struct buf *out, struct err *e)
{
    (void)pdf;
    (void)len;
    (void)name;
    (void)mime;
    (void)when;
    (void)out;
    return err_set(e, _("PDF export: this dpia was built without libqpdf, which makes the record "
                      "an associated file as PDF/A-3 requires; install the package libqpdf-dev "
                      "and build dpia again"));
}

#endif
