/*
 * Reading a text in full: a box over the screen that shows a long text
 * wrapped, scrolled with the arrows, PgUp, PgDn, Home and End, and
 * closed with Esc or q (the keys of KC_READ in the key table). Nothing
 * in it can be changed, and it says so. Used where a record is shown cut to a row (a risk, a measure, a
 * sign-off) and cannot be edited (a decided revision, a read-only
 * database), so that it can still be read to its last word.
 */
#ifndef DPIA_READER_H
#define DPIA_READER_H

#include "ui/app.h"

/* Shows text under title until closed; returns at once when the program
 * must leave (a->quitting). */
void reader_show(struct app *a, const char *title, const char *text);

#endif
