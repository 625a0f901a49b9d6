/*
 * Paths: the default database and the user's data folder, following the
 * XDG base directory rules. Pure string work; nothing is created here.
 */
#ifndef DPIA_PATH_H
#define DPIA_PATH_H

/* $XDG_DATA_HOME/dpia, else $HOME/.local/share/dpia; NULL when neither
 * variable is usable. The caller frees. */
char *path_user_data_dir(void);

/* $XDG_CONFIG_HOME/dpia, else $HOME/.config/dpia; NULL when neither
 * variable is usable. The caller frees. */
char *path_user_config_dir(void);

/* "~" and "~/..." with $HOME in place of the "~"; any other path is
 * copied as it is. NULL when the path starts with "~" and HOME is not
 * set (or is empty), or with "~name" (another user's home is not
 * looked up). The caller frees. */
char *path_expand_home(const char *path);

/* path made absolute against the folder dir (itself absolute) when it
 * is relative; "~/..." expanded first. NULL as path_expand_home.
 * The caller frees. */
char *path_absolute(const char *path, const char *dir);

/* The database to use: `given` (from -d) if not NULL, else $DPIA_DB if
 * set and not empty, else <user data dir>/dpia.sqlite. NULL when none can
 * be found. The caller frees. */
char *path_database(const char *given);

/* The folder part of a path ("." when there is none). The caller frees. */
char *path_dirname(const char *path);

/* Creates a folder and its parents with the given mode (existing ones are
 * left as they are). Returns 0, or -1 with errno set. */
int path_mkdirs(const char *dir, unsigned mode);

#endif
