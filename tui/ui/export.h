/* Export from the interface, and loading the worked example. */
#ifndef DPIA_UI_EXPORT_H
#define DPIA_UI_EXPORT_H

#include <stdint.h>

#include "ui/app.h"

/* Asks for a format and a path: by default dpia-<title>-<date>.<ext> in
 * the export folder of the settings (io/settings.h; made when it is not
 * there), else in the current folder, offered as a full path; a name
 * typed alone goes into that folder. Shows the settings file's warnings
 * first, confirms before replacing a file, writes the report and says
 * the full path it was written to. */
void ui_export(struct app *a, int64_t id);
/* The register as the screen shows it (its order and filter), as HTML
 * or CSV (or its overdue measures as CSV), asked for and written as
 * ui_export writes a report. */
struct reg;
void ui_export_register(struct app *a, const struct reg *r);
/* Imports the worked example into the database; returns its id or -1. */
int64_t ui_load_example(struct app *a);

#endif
