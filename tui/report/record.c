/* The record's plumbing: format names, export time, dates, base64, the
 * record digest of a parsed record, schema validation. */
#include "config.h"
#include "report/report.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <libxml/c14n.h>
#include <libxml/relaxng.h>

#include "core/xmlsafe.h"
#include "report/report_int.h"
#include "util/i18n.h"
#include "util/sha256.h"
#include "util/text.h"
#include "util/xalloc.h"

extern const char res_report_xsl[];
extern const unsigned long res_report_xsl_len;
extern const char res_report_fr_xsl[];
extern const unsigned long res_report_fr_xsl_len;
extern const char res_report_de_xsl[];
extern const unsigned long res_report_de_xsl_len;
extern const char res_odt_xsl[];
extern const unsigned long res_odt_xsl_len;
extern const char res_odt_fr_xsl[];
extern const unsigned long res_odt_fr_xsl_len;
extern const char res_odt_de_xsl[];
extern const unsigned long res_odt_de_xsl_len;
extern const char res_docx_xsl[];
extern const unsigned long res_docx_xsl_len;
extern const char res_docx_fr_xsl[];
extern const unsigned long res_docx_fr_xsl_len;
extern const char res_docx_de_xsl[];
extern const unsigned long res_docx_de_xsl_len;
extern const char res_record_rng[];
extern const unsigned long res_record_rng_len;

static const char *const format_names[] = {
#define X(name, key, summary) key,
    REPORT_FORMATS(X)
#undef X
};

const char *report_format_name(enum report_format f)
{
    return (unsigned)f < RF_COUNT ? format_names[f] : "";
}

bool report_format_is_report(enum report_format f)
{
    return f == RF_HTML || f == RF_ODT || f == RF_DOCX || f == RF_PDF;
}

int report_format_parse(const char *name)
{
    for (int i = 0; name && i < RF_COUNT; i++)
        if (strcmp(format_names[i], name) == 0)
            return i;
    return -1;
}

const char *report_builtin_xsl(size_t *len)
{
    if (len)
        *len = (size_t)res_report_xsl_len;
    return res_report_xsl;
}

/* The built-in stylesheets by sheet and language (templates/report.mk
 * makes the French and German ones). */
static const struct {
    const char *lang;
    const char *xsl[3];
    const unsigned long *len[3];
    const char *name[3];
} sheets[] = {
    { "en", { res_report_xsl, res_odt_xsl, res_docx_xsl },
      { &res_report_xsl_len, &res_odt_xsl_len, &res_docx_xsl_len },
      { "built-in report.xsl", "built-in odt.xsl", "built-in docx.xsl" } },
    { "fr", { res_report_fr_xsl, res_odt_fr_xsl, res_docx_fr_xsl },
      { &res_report_fr_xsl_len, &res_odt_fr_xsl_len, &res_docx_fr_xsl_len },
      { "built-in report.fr.xsl", "built-in odt.fr.xsl", "built-in docx.fr.xsl" } },
    { "de", { res_report_de_xsl, res_odt_de_xsl, res_docx_de_xsl },
      { &res_report_de_xsl_len, &res_odt_de_xsl_len, &res_docx_de_xsl_len },
      { "built-in report.de.xsl", "built-in odt.de.xsl", "built-in docx.de.xsl" } },
};

static size_t sheet_lang(const char *lang)
{
    for (size_t i = 0; lang && i < sizeof sheets / sizeof sheets[0]; i++)
        if (strcmp(sheets[i].lang, lang) == 0)
            return i;
    return 0;
}

bool report_lang_known(const char *lang)
{
    return !lang || !*lang || strcmp(lang, "en") == 0 || sheet_lang(lang) != 0;
}

const char *report_builtin_sheet(enum report_sheet s, const char *lang, size_t *len,
                                 const char **name)
{
    size_t l = sheet_lang(lang);
    if (len)
        *len = (size_t)*sheets[l].len[s];
    if (name)
        *name = sheets[l].name[s];
    return sheets[l].xsl[s];
}

const char *report_record_schema(size_t *len)
{
    if (len)
        *len = (size_t)res_record_rng_len;
    return res_record_rng;
}

int report_export(enum report_format f, const struct assessment *a, const char *tmpl_xml,
                  size_t tmpl_len, const struct report_opts *o, const struct sink *out,
                  struct err *e)
{
    if (f == RF_XML)
        return report_xml(a, tmpl_xml, tmpl_len, out, e);
    if (f == RF_HTML)
        return report_html(a, tmpl_xml, tmpl_len, o, out, e);
    if (f == RF_ODT)
        return report_odt(a, tmpl_xml, tmpl_len, o, out, e);
    if (f == RF_DOCX)
        return report_docx(a, tmpl_xml, tmpl_len, o, out, e);
    if (f == RF_PDF)
        return report_pdf(a, tmpl_xml, tmpl_len, NULL, 0, o, out, e);
    struct buf b = {0};
    if (f == RF_CSV_RISKS)
        report_csv_risks(a, &b);
    else if (f == RF_CSV_TABLES)
        report_csv_tables(a, &b);
    else
        report_csv_measures(a, &b);
    int rc = sink_write(out, b.data, b.len);
    buf_free(&b);
    return rc < 0 ? err_set(e, _("cannot write the table: %s"), strerror(errno)) : 0;
}

int64_t report_now(void)
{
    const char *s = getenv("SOURCE_DATE_EPOCH");
    if (s && *s) {
        char *end;
        errno = 0;
        long long v = strtoll(s, &end, 10);
        if (errno == 0 && *end == '\0' && v >= 0 && v < 253402300800LL)
            return (int64_t)v;
    }
    return (int64_t)time(NULL);
}

void report_today(char out[16])
{
    char iso[32];
    report_time_iso(report_now(), iso);
    snprintf(out, 16, "%.10s", iso);
}

/* --- dates -------------------------------------------------------------- */

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, int m, int d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

/* The civil date of a day count since 1970-01-01. */
static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

static char *digits(char *p, int64_t v, int width)
{
    for (int i = width - 1; i >= 0; i--, v /= 10)
        p[i] = (char)('0' + v % 10);
    return p + width;
}

void report_time_iso(int64_t t, char out[32])
{
    /* Worked out, not through gmtime and printf: an export writes one
     * for each answer and each entry of the change log. */
    if (t >= 0 && t < 253402300800LL) {
        int64_t y;
        int m, d;
        civil_from_days(t / 86400, &y, &m, &d);
        int64_t s = t % 86400;
        char *p = digits(out, y, 4);
        *p++ = '-';
        p = digits(p, m, 2);
        *p++ = '-';
        p = digits(p, d, 2);
        *p++ = 'T';
        p = digits(p, s / 3600, 2);
        *p++ = ':';
        p = digits(p, s / 60 % 60, 2);
        *p++ = ':';
        p = digits(p, s % 60, 2);
        *p++ = 'Z';
        *p = '\0';
        return;
    }
    time_t tt = (time_t)t;
    struct tm tm;
    if (!gmtime_r(&tt, &tm)) {
        snprintf(out, 32, "1970-01-01T00:00:00Z");
        return;
    }
    snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
             tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec);
}

int report_time_parse(const char *s, int64_t *t)
{
    int y, mo, d, h, mi, se;
    char z, end;
    if (!s || strlen(s) != 20 ||
        sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2d%c%c", &y, &mo, &d, &h, &mi, &se, &z, &end) != 7 ||
        z != 'Z')
        return -1;
    char date[11];
    memcpy(date, s, 10);
    date[10] = '\0';
    static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1970 || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] ||
        (mo == 2 && d == 29 && !leap) || h > 23 || mi > 59 || se > 59)
        return -1;
    *t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
    return 0;
}

/* --- base64 ------------------------------------------------------------- */

static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

void report_base64_encode(const unsigned char *p, size_t len, int indent, struct buf *out)
{
    size_t col = 0;
    for (size_t i = 0; i < len; i += 3) {
        if (col == 0)
            buf_addc(out, '\n');
        unsigned v = (unsigned)p[i] << 16;
        if (i + 1 < len)
            v |= (unsigned)p[i + 1] << 8;
        if (i + 2 < len)
            v |= p[i + 2];
        char q[4] = { b64[(v >> 18) & 63], b64[(v >> 12) & 63],
                      i + 1 < len ? b64[(v >> 6) & 63] : '=', i + 2 < len ? b64[v & 63] : '=' };
        buf_add(out, q, 4);
        col += 4;
        if (col >= 76)
            col = 0;
    }
    buf_addc(out, '\n');
    for (int i = 0; i < indent; i++)
        buf_addc(out, ' ');
}

static int b64_value(char c)
{
    const char *p = c ? strchr(b64, c) : NULL;
    return p ? (int)(p - b64) : -1;
}

char *report_base64_decode(const char *s, size_t *len)
{
    size_t n = strlen(s);
    char *out = xmalloc(n / 4 * 3 + 4);
    size_t o = 0;
    unsigned acc = 0;
    int bits = 0, pad = 0;
    for (const char *c = s; *c; c++) {
        if (*c == ' ' || *c == '\n' || *c == '\r' || *c == '\t')
            continue;
        if (*c == '=') {
            pad++;
            continue;
        }
        int v = b64_value(*c);
        if (v < 0 || pad) {
            free(out);
            return NULL;
        }
        acc = (acc << 6) | (unsigned)v;
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out[o++] = (char)((acc >> bits) & 0xff);
        }
    }
    if (pad > 2 || bits >= 6) {
        free(out);
        return NULL;
    }
    out[o] = '\0';
    *len = o;
    return out;
}

/* --- digest, schema ----------------------------------------------------- */

int report_doc_digest(xmlDocPtr doc, xmlNodePtr digest, char hex[65], struct err *e)
{
    xmlNodeSetContent(digest, NULL);
    xmlChar *c14n = NULL;
    int n = xmlC14NDocDumpMemory(doc, NULL, XML_C14N_1_0, NULL, 1, &c14n);
    if (n < 0 || !c14n)
        return err_set(e, _("cannot compute the canonical form of the record"));
    sha256_of(c14n, (size_t)n, hex);
    xmlFree(c14n);
    return 0;
}

static xmlRelaxNGPtr schema;

int report_validate(xmlDocPtr doc, const char *name, struct err *e)
{
    if (!schema)
        schema = xmlsafe_schema(res_record_rng, (size_t)res_record_rng_len);
    if (!schema)
        return err_set(e, _("the built-in record schema does not parse"));
    return xmlsafe_validate(doc, schema, name, "record", e);
}

bool report_xml_char(const char *s, size_t len, size_t i, size_t *n)
{
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
        *n = 1;
        return (c >= 0x20 && c != 0x7f) || c == '\t' || c == '\n' || c == '\r';
    }
    unsigned cp;
    *n = text_decode(s + i, len - i, &cp);
    return !(cp == 0xFFFD && *n == 1) && cp != 0xFFFE && cp != 0xFFFF;
}

char *report_xml_text(const char *s)
{
    size_t len = strlen(s), i = 0, n;
    /* Most text is fine as it is: copy it in one go. */
    while (i < len && report_xml_char(s, len, i, &n))
        i += n;
    if (i == len)
        return xstrndup(s, len);
    /* Characters XML cannot hold (and broken UTF-8) become U+FFFD. */
    struct buf b = {0};
    for (i = 0; i < len; i += n) {
        if (report_xml_char(s, len, i, &n))
            buf_add(&b, s + i, n);
        else
            buf_adds(&b, "\xef\xbf\xbd");
    }
    return buf_take(&b);
}

void report_cleanup(void)
{
    if (schema) {
        xmlRelaxNGFree(schema);
        schema = NULL;
    }
}
