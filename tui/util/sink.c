#include "config.h"
#include "util/sink.h"

#include <errno.h>

static int to_buf(void *ctx, const char *p, size_t n)
{
    buf_add(ctx, p, n);
    return 0;
}

struct sink sink_buf(struct buf *b)
{
    return (struct sink){ to_buf, b };
}

static int to_stdio(void *ctx, const char *p, size_t n)
{
    if (fwrite(p, 1, n, ctx) == n)
        return 0;
    if (errno == 0)
        errno = EIO;
    return -1;
}

struct sink sink_stdio(FILE *f)
{
    return (struct sink){ to_stdio, f };
}
