/*
 * libFuzzer target: the template loader (tmpl_parse), which reads
 * templates from $DPIA_TEMPLATE_PATH and the user's folder, so from
 * files anyone may hand a DPO. Every input must give a template or a
 * message, never a crash, a leak or undefined behaviour.
 */
#include "config.h"

#include <stddef.h>
#include <stdint.h>

#include "core/tmpl.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct err e;
    struct tmpl *t = tmpl_parse((const char *)data, size, "fuzz", &e);
    tmpl_free(t);
    return 0;
}
