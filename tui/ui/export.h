/* Export from the interface, and loading the worked example. */
#ifndef DPIA_UI_EXPORT_H
#define DPIA_UI_EXPORT_H

#include <stdint.h>

#include "ui/app.h"

/* Asks for a format and a path (default dpia-<title>-<date>.<ext> in the
 * current folder), confirms before replacing a file, writes the report. */
void ui_export(struct app *a, int64_t id);
/* Imports the worked example into the database; returns its id or -1. */
int64_t ui_load_example(struct app *a);

#endif
