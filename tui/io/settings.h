/*
 * The user's settings: the file $XDG_CONFIG_HOME/dpia/config (else
 * ~/.config/dpia/config), lines of "key = value"; blank lines and lines
 * whose first character other than a space is "#" are ignored. Known
 * keys:
 *
 *   export-dir   the folder the interface offers for exports: an
 *                absolute path or one starting with "~/" (the home
 *                folder); unset or empty, the current folder
 *   export-format  the format dpia export writes without --format and
 *                the interface's export dialog offers first (xml, html,
 *                odt, docx, pdf, csv-risks, csv-measures; checked by whoever
 *                uses it, see io_settings_warn_at); unset, xml for the
 *                command and html for the interface
 *   with-guidance  yes or no: reports include the template's guidance
 *                (default no)
 *   full-history   yes or no: reports carry the whole change log
 *                instead of the condensed one (default no)
 *   shared       yes or no: a database dpia creates is made for a group,
 *                as with --shared (default no)
 *   database     the database when neither -d nor DPIA_DB names one: an
 *                SQLite file (an absolute path or one starting with
 *                "~/") or a PostgreSQL URL (postgresql://HOST/DB or
 *                postgres://...); unset, the default file
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
    char *export_format;    /* as written; "" when unset */
    int export_format_line; /* its line, for a warning */
    int with_guidance;      /* 1 yes, 0 no, -1 unset */
    int full_history;       /* 1 yes, 0 no, -1 unset */
    int shared;             /* 1 yes, 0 no, -1 unset */
    char *database;         /* a file ("~" expanded) or a URL; "" when unset */
    char *file;        /* the file read; "" when none */
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
/* A warning about line (0: the whole file) of the settings, for a value
 * that only its user can check. */
void io_settings_warn_at(struct io_settings *c, int line, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#endif
