/*
 * SHA-256 through nettle. The names are the program's own so that
 * nothing else includes nettle; the digests are written as lowercase
 * hex, the form the records and the store keep.
 */
#include "config.h"
#include "util/sha256.h"

void sha256_init(struct sha256 *c)
{
    nettle_sha256_init(&c->ctx);
}

void sha256_update(struct sha256 *c, const void *data, size_t len)
{
    if (len)
        nettle_sha256_update(&c->ctx, len, data);
}

void sha256_hex(struct sha256 *c, char hex[65])
{
    static const char digits[] = "0123456789abcdef";
    unsigned char d[SHA256_DIGEST_SIZE];
    nettle_sha256_digest(&c->ctx, sizeof d, d);
    for (size_t i = 0; i < sizeof d; i++) {
        hex[2 * i] = digits[d[i] >> 4];
        hex[2 * i + 1] = digits[d[i] & 15];
    }
    hex[64] = '\0';
}

void sha256_of(const void *data, size_t len, char hex[65])
{
    struct sha256 c;
    sha256_init(&c);
    sha256_update(&c, data, len);
    sha256_hex(&c, hex);
}
