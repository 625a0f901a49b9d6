/*
 * dpia copy: every assessment of one database into another, whole and
 * as it was (store_copy_read and store_copy_write), in one transaction
 * of the database written: all or nothing. What the other database
 * holds already (the same uuid) is left out when asked, and otherwise
 * refuses the copy before anything is written.
 */
#include "config.h"
#include "ops/ops.h"

#include <stdlib.h>
#include <string.h>

#include "util/i18n.h"
#include "util/xalloc.h"

struct item {
    enum ops_copy_what what;
    int64_t from_id, to_id;
    char uuid[37];
    char *title;
};

static int by_id(const void *x, const void *y)
{
    const struct store_summary *a = x, *b = y;
    return (a->id > b->id) - (a->id < b->id);
}

static void tell(const struct ops_copy *o, const struct item *it)
{
    if (!o->each)
        return;
    struct ops_copy_item out = { it->what, it->from_id, it->to_id, it->uuid, it->title };
    o->each(&out, o->ctx);
}

int ops_copy(struct store *from, struct store *to, struct ops_copy *o, struct err *e)
{
    o->copied = o->skipped = o->taken = 0;
    if (!to && !o->dry_run)
        return err_set(e, _("no database to copy into"));
    if (to && store_check_unbound(to, e) < 0)
        return -1;
    struct store_list l;
    if (store_list(from, true, &l, e) < 0)
        return -1;
    /* Oldest first: copied into a new database, they keep their numbers
     * when the first has none missing. */
    qsort(l.items, l.count, sizeof *l.items, by_id);
    struct item *items = xcalloc(l.count + 1, sizeof *items);
    int rc = -1;
    bool batch = false;
    if (!o->dry_run) {
        if (store_batch_begin(to, e) < 0)
            goto done;
        batch = true;
    }
    /* What the other database holds already, inside its transaction: a
     * writer there cannot add one meanwhile. */
    for (size_t i = 0; i < l.count; i++) {
        struct item *it = &items[i];
        it->from_id = l.items[i].id;
        memcpy(it->uuid, l.items[i].uuid, sizeof it->uuid);
        it->title = xstrdup(l.items[i].title);
        int64_t there = to ? store_find_uuid(to, it->uuid, e) : 0;
        if (there < 0)
            goto done;
        it->what = there > 0 ? (o->skip_existing ? OPS_COPY_SKIPPED : OPS_COPY_TAKEN)
                             : OPS_COPY_DONE;
        it->to_id = there;
        if (it->what == OPS_COPY_TAKEN)
            o->taken++;
    }
    if (o->taken > 0) {
        for (size_t i = 0; i < l.count; i++)
            if (items[i].what == OPS_COPY_TAKEN)
                tell(o, &items[i]);
        err_set(e, P_("%zu assessment is already in %s; nothing was copied (--skip-existing "
                      "leaves such assessments out)",
                      "%zu assessments are already in %s; nothing was copied (--skip-existing "
                      "leaves such assessments out)", o->taken),
                o->taken, store_path(to));
        goto done;
    }
    for (size_t i = 0; i < l.count; i++) {
        struct item *it = &items[i];
        if (it->what == OPS_COPY_SKIPPED) {
            o->skipped++;
            continue;
        }
        /* Read whole even in a dry run: what cannot be read is said now. */
        struct store_copy *c = store_copy_read(from, it->from_id, e);
        int64_t id = !c ? -1 : o->dry_run ? 0 : store_copy_write(to, c, e);
        store_copy_free(c);
        if (id < 0) {
            err_prefix(e, _("copying assessment %lld (%s)"), (long long)it->from_id, it->uuid);
            goto done;
        }
        it->to_id = id;
        o->copied++;
    }
    if (batch) {
        batch = false;
        if (store_batch_end(to, true, e) < 0)
            goto done;
    }
    for (size_t i = 0; i < l.count; i++)
        tell(o, &items[i]);
    rc = 0;
done:
    if (batch)
        store_batch_end(to, false, NULL);
    if (rc < 0 && !o->dry_run)
        o->copied = o->skipped = 0;
    for (size_t i = 0; i < l.count; i++)
        free(items[i].title);
    free(items);
    store_list_free(&l);
    return rc;
}
