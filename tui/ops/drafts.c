/* ops: drafts, what is typed and not yet saved (see ops.h). A draft is
 * not a change to the assessment, so no rule of the workflow applies:
 * these only pass it to the store. */
#include "config.h"
#include "ops/ops.h"

int ops_draft_save(struct store *s, int64_t id, const char *key, const char *content,
                   struct err *e)
{
    return store_draft_put(s, id, key, content, e);
}

char *ops_draft_load(struct store *s, int64_t id, const char *key, struct err *e)
{
    return store_draft_get(s, id, key, e);
}

int ops_draft_drop(struct store *s, int64_t id, const char *key, struct err *e)
{
    return store_draft_delete(s, id, key, e);
}
