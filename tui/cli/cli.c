#include "config.h"
#include "cli/cli.h"

#include <string.h>

#include "cli/commands.h"
#include "util/err.h"

static const struct cli_command commands[] = {
#define X(name, fn, args, summary) { name, fn, args, summary },
    CLI_COMMANDS(X)
#undef X
};

void cli_print_commands(FILE *out)
{
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        char left[80];
        snprintf(left, sizeof left, "%s %s", commands[i].name, commands[i].args);
        fprintf(out, "  %-36s %s\n", left, commands[i].summary);
    }
}

int cli_run(const struct cli_global *g, int argc, char **argv)
{
    /* Two-word commands ("template check") are matched before one-word. */
    for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++) {
        const char *name = commands[i].name;
        const char *space = strchr(name, ' ');
        if (space) {
            size_t n = (size_t)(space - name);
            if (argc >= 2 && strlen(argv[0]) == n && strncmp(argv[0], name, n) == 0 &&
                strcmp(argv[1], space + 1) == 0)
                return commands[i].run(g, argc - 1, argv + 1);
        } else if (strcmp(argv[0], name) == 0) {
            return commands[i].run(g, argc, argv);
        }
    }
    msg_error("unknown command '%s' (see dpia --help)", argv[0]);
    return EXIT_USAGE;
}
