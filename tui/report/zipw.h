/*
 * Inside the report module: a zip archive made in memory with libzip,
 * for the document formats (ODT, DOCX) that are zip packages. Entries
 * are written in the order they are added, each with the same time, so
 * that the same parts give the same bytes.
 */
#ifndef DPIA_REPORT_ZIPW_H
#define DPIA_REPORT_ZIPW_H

#include <stdbool.h>
#include <stdint.h>

#include "util/buf.h"
#include "util/err.h"
#include "util/sink.h"

struct zipw;

/* A new, empty archive whose entries carry the time t (seconds since the
 * epoch, as a DOS time in UTC; times before 1980 become 1980-01-01).
 * NULL with e. */
struct zipw *zipw_new(int64_t t, struct err *e);

/* Adds the entry name with the bytes of data, which the archive takes
 * (data is left empty). stored: kept uncompressed (an ODT's mimetype);
 * otherwise deflated. 0, or -1 with e. */
int zipw_add(struct zipw *z, const char *name, struct buf *data, bool stored, struct err *e);

/* Closes the archive and writes it to out; frees z in every case. 0, or
 * -1 with e. */
int zipw_finish(struct zipw *z, const struct sink *out, struct err *e);

/* Frees an archive that is not to be written (NULL is fine). */
void zipw_discard(struct zipw *z);

#endif
