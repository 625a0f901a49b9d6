/*
 * Reading a long text in full: a frame over the screen, wrapped, scrolled
 * with Up/Down (j/k), PgUp/PgDn (Space), Home and End; Esc, q or Enter
 * closes it.
 */
#ifndef DPIA_READER_H
#define DPIA_READER_H

#include "ui/app.h"

void ui_read(struct app *a, const char *title, const char *text);

#endif
