/*
 * ui: the ncurses interface: the terminal layer, the key table, the
 * screens and widgets. The only layer that includes curses. It reads and
 * writes assessments through the store and the core, never with SQL.
 */
#ifndef DPIA_UI_H
#define DPIA_UI_H

#include <stdbool.h>

struct ui_options {
    const char *db_path;   /* database file, already resolved */
    bool no_color;         /* --no-color (NO_COLOR is read by the terminal layer) */
    bool first_frame_only; /* draw the first screen, then exit (benchmarks) */
    bool read_only;        /* --read-only: the database is opened read-only */
    bool present;          /* --present: assessments open in presentation mode */
    bool shared;           /* --shared: a new database is made for a group */
};

/* Runs the interactive program. Returns the process exit status; after
 * SIGHUP, SIGTERM or SIGINT (what was typed saved, the terminal
 * restored) it ends the process by that signal instead. */
int ui_run(const struct ui_options *opt);

#endif
