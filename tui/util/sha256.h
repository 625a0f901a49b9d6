/* SHA-256 (FIPS 180-4), for template and record digests: a thin layer
 * over nettle's, which picks the CPU's SHA instructions or its
 * assembly code at run time. */
#ifndef DPIA_SHA256_H
#define DPIA_SHA256_H

#include <stddef.h>

#include <nettle/sha2.h>
/* nettle names its functions sha256_* through macros; the program's own
 * names below are the ones used, and nettle's are called by their full
 * names. */
#undef sha256_init
#undef sha256_update
#undef sha256_digest

struct sha256 {
    struct sha256_ctx ctx;
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t len);
/* Writes 64 lowercase hex digits and a NUL into hex[65]; c is then
 * ready for a new digest. */
void sha256_hex(struct sha256 *c, char hex[65]);
/* One call: the digest of data[0..len). */
void sha256_of(const void *data, size_t len, char hex[65]);

#endif
