/*
 * util: small helpers shared by every layer (allocation, strings, UTF-8
 * text, error texts). May include only the C library; knows nothing of
 * the domain, the terminal, the database or the file formats.
 */
#ifndef DPIA_UTIL_H
#define DPIA_UTIL_H

#include "util/xalloc.h"
#include "util/buf.h"
#include "util/err.h"
#include "util/text.h"

#endif
