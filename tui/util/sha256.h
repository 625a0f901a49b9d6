/* SHA-256 (FIPS 180-4), for template and record digests. */
#ifndef DPIA_SHA256_H
#define DPIA_SHA256_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct sha256 {
    uint32_t h[8];
    uint64_t total;
    unsigned char block[64];
    size_t used;
};

void sha256_init(struct sha256 *c);
void sha256_update(struct sha256 *c, const void *data, size_t len);
/* Writes 64 lowercase hex digits and a NUL into hex[65]. */
void sha256_hex(struct sha256 *c, char hex[65]);
/* One call: the digest of data[0..len). */
void sha256_of(const void *data, size_t len, char hex[65]);

/* Whether the CPU's SHA instructions are used (x86-64 with the SHA
 * extensions; elsewhere the portable code). allow=false turns them off,
 * true back on where the CPU has them; for tests of both paths. */
bool sha256_accelerated(bool allow);

#endif
