/* Unit tests of the settings file (io/settings.h): where it is, comments
 * and blank lines, export-dir with "~" expanded, and each kind of bad
 * line warned with the file and the line and otherwise ignored. */
#include "config.h"

#include "unit.h"

#include <sys/stat.h>
#include <unistd.h>

#include "io/settings.h"
#include "util/path.h"

static char dir[256];

/* Writes text to dir/name; returns the path (static). */
static const char *write_file(const char *name, const char *text)
{
    static char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    if (!f)
        fail_msg("cannot write %s", path);
    fputs(text, f);
    fclose(f);
    return path;
}

/* The warning that starts with "PATH:LINE: " and holds what. */
static void has_warning(const struct io_settings *c, const char *path, int line, const char *what)
{
    char at[600];
    snprintf(at, sizeof at, "%s:%d: ", path, line);
    for (size_t i = 0; i < c->nwarnings; i++)
        if (strncmp(c->warnings[i], at, strlen(at)) == 0 && strstr(c->warnings[i], what))
            return;
    for (size_t i = 0; i < c->nwarnings; i++)
        print_message("warning: %s\n", c->warnings[i]);
    fail_msg("no warning '%s...%s'", at, what);
}

static int setup(void **state)
{
    (void)state;
    snprintf(dir, sizeof dir, "%s/t_settings.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(dir))
        return -1;
    setenv("HOME", "/home/dpo", 1);
    unsetenv("XDG_CONFIG_HOME");
    return 0;
}

static int teardown(void **state)
{
    return unit_remove_dir(dir);
}

static void test_where(void **state)
{
    (void)state;
    char *p = io_settings_path();
    assert_string_equal(p, "/home/dpo/.config/dpia/config");
    free(p);
    setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
    p = io_settings_path();
    assert_string_equal(p, "/x/cfg/dpia/config");
    free(p);
    setenv("XDG_CONFIG_HOME", "relative/cfg", 1); /* not absolute: not used */
    p = io_settings_path();
    assert_string_equal(p, "/home/dpo/.config/dpia/config");
    free(p);
    unsetenv("XDG_CONFIG_HOME");
    unsetenv("HOME");
    assert_null(io_settings_path());
    setenv("HOME", "/home/dpo", 1);
}

static void test_no_file(void **state)
{
    (void)state;
    struct io_settings c;
    char path[512];
    snprintf(path, sizeof path, "%s/none", dir);
    io_settings_load(&c, path);
    assert_string_equal(c.export_dir, "");
    assert_int_equal(c.nwarnings, 0);
    io_settings_free(&c);
    /* The default place, with nothing there. */
    setenv("XDG_CONFIG_HOME", dir, 1);
    io_settings_load(&c, NULL);
    assert_string_equal(c.export_dir, "");
    assert_int_equal(c.nwarnings, 0);
    io_settings_free(&c);
    unsetenv("XDG_CONFIG_HOME");
}

static void test_good(void **state)
{
    (void)state;
    struct io_settings c;
    const char *p = write_file("good", "# dpia settings\n"
                                       "\n"
                                       "   # indented comment = not a setting\n"
                                       "export-dir = /srv/first\n"
                                       "\texport-dir\t=   ~/DPIA exports//  \r\n");
    io_settings_load(&c, p);
    assert_int_equal(c.nwarnings, 0);
    assert_string_equal(c.export_dir, "/home/dpo/DPIA exports"); /* the last wins */
    io_settings_free(&c);

    p = write_file("home", "export-dir=~");
    io_settings_load(&c, p);
    assert_int_equal(c.nwarnings, 0);
    assert_string_equal(c.export_dir, "/home/dpo");
    io_settings_free(&c);

    p = write_file("empty", "export-dir =\n");
    io_settings_load(&c, p);
    assert_int_equal(c.nwarnings, 0);
    assert_string_equal(c.export_dir, "");
    io_settings_free(&c);

    /* Found at its default place. */
    char sub[400];
    snprintf(sub, sizeof sub, "%s/dpia", dir);
    mkdir(sub, 0700);
    write_file("dpia/config", "export-dir = /srv/reports\n");
    setenv("XDG_CONFIG_HOME", dir, 1);
    io_settings_load(&c, NULL);
    assert_string_equal(c.export_dir, "/srv/reports");
    io_settings_free(&c);
    unsetenv("XDG_CONFIG_HOME");
}

/* The database: a file (~ expanded) or a PostgreSQL URL, as written. */
static void test_database(void **state)
{
    (void)state;
    struct io_settings c;
    const char *p = write_file("db", "database = ~/team/dpia.sqlite\n");
    io_settings_load(&c, p);
    assert_int_equal(c.nwarnings, 0);
    assert_string_equal(c.database, "/home/dpo/team/dpia.sqlite");
    io_settings_free(&c);
    p = write_file("db2", "database = postgresql://db.example.org/dpia?sslmode=require\n"
                          "database = relative.sqlite\n");
    io_settings_load(&c, p);
    assert_int_equal(c.nwarnings, 1);
    has_warning(&c, p, 2, "database must be an absolute file name, one starting with ~/, or a "
                          "postgresql:// URL, not 'relative.sqlite'");
    assert_string_equal(c.database, "postgresql://db.example.org/dpia?sslmode=require");
    io_settings_free(&c);
    p = write_file("db3", "export-dir = /srv\n");
    io_settings_load(&c, p);
    assert_string_equal(c.database, "");
    io_settings_free(&c);
}

static void test_bad_lines(void **state)
{
    (void)state;
    struct io_settings c;
    const char *p = write_file("bad", "# a comment\n"
                                      "export-dir = /srv/kept\n"
                                      "just some words\n"
                                      "colour = blue\n"
                                      " = nothing\n"
                                      "export-dir = relative/folder\n"
                                      "export-dir = ~bob/exports\n"
                                      "export-dir = /srv/\x1b[2Jevil\n"
                                      "export-dir = /srv/\xff\xfe\n");
    io_settings_load(&c, p);
    assert_int_equal(c.nwarnings, 7);
    has_warning(&c, p, 3, "is not of the form \"key = value\"; it is ignored.");
    has_warning(&c, p, 4, "'colour' is not a setting of dpia (known: export-dir, export-format, "
                          "with-guidance, full-history, shared, database)");
    has_warning(&c, p, 5, "is not of the form \"key = value\"");
    has_warning(&c, p, 6, "export-dir must be an absolute folder or start with ~/, not "
                          "'relative/folder'");
    has_warning(&c, p, 7, "only ~ and ~/ are");
    has_warning(&c, p, 8, "a control character");
    has_warning(&c, p, 9, "not UTF-8");
    /* Every bad line is ignored, the good one still counts. */
    assert_string_equal(c.export_dir, "/srv/kept");
    io_settings_free(&c);

    /* "~" without a home. */
    unsetenv("HOME");
    p = write_file("nohome", "export-dir = ~/x\n");
    io_settings_load(&c, p);
    assert_int_equal(c.nwarnings, 1);
    has_warning(&c, p, 1, "cannot be expanded");
    assert_string_equal(c.export_dir, "");
    io_settings_free(&c);
    setenv("HOME", "/home/dpo", 1);
}

/* The export defaults: yes/no as people write them, a format kept as
 * written with its line (its user checks it), the last line winning. */
static void test_export_defaults(void **state)
{
    (void)state;
    struct io_settings c;
    const char *p = write_file("exp", "export-format = odt\n"
                                      "with-guidance = yes\n"
                                      "full-history = maybe\n"
                                      "full-history = off\n"
                                      "shared = yes\n");
    io_settings_load(&c, p);
    assert_int_equal(c.nwarnings, 1);
    has_warning(&c, p, 3, "full-history takes yes or no, not 'maybe'");
    assert_string_equal(c.export_format, "odt");
    assert_int_equal(c.export_format_line, 1);
    assert_int_equal(c.with_guidance, 1);
    assert_int_equal(c.full_history, 0);
    assert_int_equal(c.shared, 1);
    io_settings_warn_at(&c, 1, "checked later");
    has_warning(&c, p, 1, "checked later");
    io_settings_free(&c);
    /* Unset: -1, and no format. */
    p = write_file("none", "# nothing\n");
    io_settings_load(&c, p);
    assert_int_equal(c.nwarnings, 0);
    assert_string_equal(c.export_format, "");
    assert_int_equal(c.with_guidance, -1);
    assert_int_equal(c.full_history, -1);
    assert_int_equal(c.shared, -1);
    io_settings_free(&c);
}

static void test_unreadable(void **state)
{
    (void)state;
    struct io_settings c;
    /* A folder where the file should be: one warning naming it. */
    char path[512];
    snprintf(path, sizeof path, "%s/folder", dir);
    mkdir(path, 0700);
    io_settings_load(&c, path);
    assert_int_equal(c.nwarnings, 1);
    assert_non_null(strstr(c.warnings[0], path));
    assert_non_null(strstr(c.warnings[0], "no setting is read from it"));
    assert_string_equal(c.export_dir, "");
    io_settings_free(&c);
}

static void test_paths(void **state)
{
    (void)state;
    char *p = path_expand_home("~/a/b");
    assert_string_equal(p, "/home/dpo/a/b");
    free(p);
    p = path_expand_home("/abs/~x");
    assert_string_equal(p, "/abs/~x");
    free(p);
    assert_null(path_expand_home("~bob/x"));
    p = path_absolute("report.html", "/srv/out/");
    assert_string_equal(p, "/srv/out/report.html");
    free(p);
    p = path_absolute("sub/report.html", "/");
    assert_string_equal(p, "/sub/report.html");
    free(p);
    p = path_absolute("/elsewhere/r.html", "/srv/out");
    assert_string_equal(p, "/elsewhere/r.html");
    free(p);
    p = path_absolute("~/r.html", "/srv/out");
    assert_string_equal(p, "/home/dpo/r.html");
    free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_where),
        cmocka_unit_test(test_no_file),
        cmocka_unit_test(test_good),
        cmocka_unit_test(test_database),
        cmocka_unit_test(test_bad_lines),
        cmocka_unit_test(test_export_defaults),
        cmocka_unit_test(test_unreadable),
        cmocka_unit_test(test_paths),
    };
    return cmocka_run_group_tests_name("settings", tests, setup, teardown);
}
