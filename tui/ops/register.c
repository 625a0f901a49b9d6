/*
 * The register across assessments: read by the store, settled by the
 * core (core/register.h).
 */
#include "config.h"

#include <stdlib.h>

#include "ops/ops.h"
#include "report/report.h"

void ops_report_today(char out[16])
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    if (epoch && *epoch)
        report_today(out);
    else
        ops_today(out);
}

int ops_register(struct store *s, bool all, int st, enum reg_sort by, const char *today,
                 struct reg *out, struct err *e)
{
    if (store_register(s, all, out, e) < 0)
        return -1;
    reg_filter_status(out, st);
    reg_settle(out, today);
    reg_sort(out, by);
    return 0;
}
