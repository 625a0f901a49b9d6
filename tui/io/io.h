/*
 * io: files. Reading a file whole (with a size limit), writing one
 * atomically (temporary name in the same folder, then rename), and the
 * template catalogue: where templates are found and loading them by id.
 * May use the core and util; knows no screen, no SQL.
 */
#ifndef DPIA_IO_H
#define DPIA_IO_H

#include <stdbool.h>
#include <stddef.h>

#include "core/tmpl.h"
#include "core/catalogue.h"
#include "util/err.h"
#include "util/sink.h"

/* Reads a whole file (at most max bytes, else an error naming the
 * limit). Returns a NUL-terminated buffer the caller frees, or NULL. */
char *io_read_file(const char *path, size_t max, size_t *len, struct err *e);
/* The same for a file found rather than named (the templates of a
 * folder): only a regular file is read; anything else ("PATH: a FIFO,
 * not a regular file") is refused without waiting on it. */
char *io_read_regular(const char *path, size_t max, size_t *len, struct err *e);

/* A file written atomically, in pieces: io_out_open creates a temporary
 * file in the same folder (mode 0666 less the umask for a new file); the
 * bytes go through io_out_sink; then io_out_commit syncs it and renames
 * it into place (-1 with "PATH: reason" when a write had failed or the
 * rename fails, the temporary file removed) or io_out_abort removes it.
 * Either frees o.
 *
 * Only a regular file is ever written. io_out_open fails with e (the
 * reason said) when the path is a folder, a device, a FIFO or a socket,
 * or a symbolic link (never replaced; with IO_OUT_FOLLOW the regular
 * file it points to is written instead, a link to nothing refused), or
 * when a regular file is there and IO_OUT_FORCE is not given. A file
 * replaced keeps its mode, and its owner where the system allows it.
 * io_out_commit never replaces what appeared at the path meanwhile
 * unless it is a regular file and IO_OUT_FORCE was given. */
enum {
    IO_OUT_FORCE = 1,  /* an existing regular file may be replaced */
    IO_OUT_FOLLOW = 2, /* a symbolic link: write the file it points to */
};
struct io_out;
struct io_out *io_out_open(const char *path, unsigned flags, struct err *e);
struct sink io_out_sink(struct io_out *o);
int io_out_commit(struct io_out *o, struct err *e);
void io_out_abort(struct io_out *o);
/* -1 with "PATH: reason" when a write has failed, else 0. */
int io_out_failed(const struct io_out *o, struct err *e);
/* For a program that a signal would end while it writes (the command
 * line; the interface finishes the export first): until commit or
 * abort, SIGINT, SIGTERM and SIGHUP remove the temporary file before
 * they end the program as they would have. (A program that exits, as
 * on running out of memory, removes it without this.) */
void io_out_guard(struct io_out *o);

/* A private temporary folder (mode 0700, under $TMPDIR, else /tmp) for
 * the files a helper program reads and writes (the PDF engine, the PDF
 * reader), one at a time. The files in it are named by io_tmp_path (at
 * most IO_TMP_FILES names, without a '/'; NULL beyond) and written whole
 * by io_tmp_write. The folder and its files are removed by
 * io_tmp_remove, at exit, and when SIGINT, SIGTERM or SIGHUP arrive
 * before it: the signal then goes on to what was in place before (it
 * ends the program, or reaches the handler that was there). */
#define IO_TMP_FILES 8
struct io_tmp;
struct io_tmp *io_tmp_make(struct err *e);
const char *io_tmp_path(struct io_tmp *t, const char *name);
int io_tmp_write(struct io_tmp *t, const char *name, const char *data, size_t len,
                 struct err *e);
void io_tmp_remove(struct io_tmp *t);
/* Whether a stop signal has removed the folder since io_tmp_make (what
 * runs on its files should then be ended). */
bool io_tmp_stopped(const struct io_tmp *t);

/* Where a template came from. */
enum io_source { SRC_BUILTIN, SRC_ENV, SRC_USER, SRC_SYSTEM };
const char *io_source_name(enum io_source s);

struct io_template {
    struct tmpl *tmpl;       /* NULL when the file did not load */
    char *path;              /* NULL for the built-in one */
    enum io_source source;
    char *xml;               /* the source text (for the snapshot) */
    size_t xml_len;
    char error[ERR_MAX];     /* why it did not load */
};

struct io_catalog {
    struct io_template *items;
    size_t count;
};

/* Finds every template: the built-in ones, then *.xml files in the
 * folders of $DPIA_TEMPLATE_PATH (colon-separated), the user's data
 * folder (<data>/templates) and the installed data folder. Files that do
 * not load are listed with their error; only regular files are read (a
 * FIFO or a device there is listed with its error, never waited on). */
void io_catalog_load(struct io_catalog *c);
void io_catalog_free(struct io_catalog *c);
/* The first template with this id that loaded, or NULL. */
const struct io_template *io_catalog_find(const struct io_catalog *c, const char *id);

/* The catalogue of measures and threats: the built-in one, then the
 * user's file (io_user_catalogue_path) when there is one, its entries
 * added or replacing those of the same id. 0; or -1 with warning when
 * the user's file cannot be used (its entries are left out, the
 * built-in ones are there). */
int io_catalogue_load(struct catalogue *c, struct err *warning);
/* <user data folder>/catalogue.xml; NULL without a home. The caller
 * frees. */
char *io_user_catalogue_path(void);

/* The path of an example shipped with dpia (e.g. "streaming-factoids.xml"):
 * the installed examples folder, else data/examples beside the program
 * (a build that is not installed). NULL when not found; the caller frees. */
char *io_find_example(const char *name);

#endif
