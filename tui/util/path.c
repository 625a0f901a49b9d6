#include "config.h"
#include "util/path.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/xalloc.h"

char *path_user_data_dir(void)
{
    const char *xdg = getenv("XDG_DATA_HOME");
    if (xdg && xdg[0] == '/')
        return xasprintf("%s/dpia", xdg);
    const char *home = getenv("HOME");
    if (home && *home)
        return xasprintf("%s/.local/share/dpia", home);
    return NULL;
}

char *path_user_config_dir(void)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    if (xdg && xdg[0] == '/')
        return xasprintf("%s/dpia", xdg);
    const char *home = getenv("HOME");
    if (home && *home)
        return xasprintf("%s/.config/dpia", home);
    return NULL;
}

char *path_expand_home(const char *path)
{
    if (path[0] != '~')
        return xstrdup(path);
    if (path[1] != '\0' && path[1] != '/')
        return NULL;
    const char *home = getenv("HOME");
    if (!home || !*home)
        return NULL;
    size_t n = strlen(home);
    while (n > 0 && home[n - 1] == '/')
        n--;
    /* A home of "/" alone: "~" is "/", "~/x" is "/x". */
    return n == 0 && !path[1] ? xstrdup("/") : xasprintf("%.*s%s", (int)n, home, path + 1);
}

char *path_absolute(const char *path, const char *dir)
{
    char *p = path_expand_home(path);
    if (!p || p[0] == '/')
        return p;
    size_t n = strlen(dir);
    while (n > 0 && dir[n - 1] == '/')
        n--;
    char *abs = xasprintf("%.*s/%s", (int)n, dir, p);
    free(p);
    return abs;
}

char *path_database(const char *given)
{
    if (given && *given)
        return xstrdup(given);
    const char *env = getenv("DPIA_DB");
    if (env && *env)
        return xstrdup(env);
    char *dir = path_user_data_dir();
    if (!dir)
        return NULL;
    char *p = xasprintf("%s/dpia.sqlite", dir);
    free(dir);
    return p;
}

char *path_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    return xstrndup(path, (size_t)(slash - path));
}

int path_mkdirs(const char *dir, unsigned mode)
{
    char *p = xstrdup(dir);
    int rc = 0;
    for (char *s = p + 1; ; s++) {
        if (*s == '/' || *s == '\0') {
            char c = *s;
            *s = '\0';
            if (mkdir(p, (mode_t)mode) < 0 && errno != EEXIST) {
                rc = -1;
                break;
            }
            *s = c;
            if (!c)
                break;
        }
    }
    int saved = errno;
    free(p);
    errno = saved;
    return rc;
}
