/*
 * The user's settings: the file $XDG_CONFIG_HOME/dpia/config (else
 * ~/.config/dpia/config), lines of "key = value"; blank lines and lines
 * whose first character other than a space is "#" are ignored. Known
 * keys:
 *
 *   export-dir   the folder the interface offers for exports: an
 *                absolute path or one starting with "~/" (the home
 *                folder); unset or empty, the current folder
 *
 * A file that is not there holds no settings. A line that is not
 * "key = value", a key dpia does not know, a value it cannot use, or a
 * line that is not UTF-8 text gives a warning naming the file and the
 * line, and is otherwise ignored; the other lines still count. When a
 * key is given twice, the last line wins.
 */
#ifndef DPIA_IO_SETTINGS_H
#define DPIA_IO_SETTINGS_H

#include <stddef.h>

struct io_settings {
    char *export_dir;  /* absolute, "~" expanded, no "/" at the end; "" when unset */
    char **warnings;   /* "FILE:LINE: message", each a sentence */
    size_t nwarnings;
};

/* The path of the user's config file; NULL when neither XDG_CONFIG_HOME
 * nor HOME gives one. The caller frees. */
char *io_settings_path(void);

/* Reads the settings of the file at path (NULL: io_settings_path()) into
 * c, which io_settings_free releases. Never fails: what cannot be read is
 * a warning (a file that cannot be opened or is too large is one
 * warning "FILE: reason", and no setting). */
void io_settings_load(struct io_settings *c, const char *path);
void io_settings_free(struct io_settings *c);

#endif
