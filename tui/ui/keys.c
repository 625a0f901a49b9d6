#include "config.h"
#include "ui/keys.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

const struct key_binding keys_table[] = {
#define X(name, ctx, k1, k2, label, help) { ACT_##name, ctx, k1, k2, label, help },
    KEY_ACTIONS(X)
#undef X
};

const int keys_count = (int)(sizeof keys_table / sizeof keys_table[0]);

enum key_action keys_lookup(int key, unsigned context)
{
    if (!key)
        return ACT_NONE;
    if (key == '\n')
        key = '\r';
    enum key_action global = ACT_NONE;
    for (int i = 0; i < keys_count; i++) {
        const struct key_binding *b = &keys_table[i];
        if (b->key1 != key && b->key2 != key)
            continue;
        if (b->contexts & context & ~(unsigned)KC_GLOBAL)
            return b->action;
        if ((b->contexts & KC_GLOBAL) && global == ACT_NONE)
            global = b->action;
    }
    /* Inside a text field every printable key is text. */
    if (context & KC_EDIT)
        return ACT_NONE;
    return global;
}

const struct key_binding *keys_binding(enum key_action a)
{
    for (int i = 0; i < keys_count; i++)
        if (keys_table[i].action == a)
            return &keys_table[i];
    return NULL;
}

const char *keys_name(int key, char *out, int outsz)
{
    size_t n = (size_t)outsz;
    if (key >= KEY_F(1) && key <= KEY_F(12))
        snprintf(out, n, "F%d", key - KEY_F(0));
    else if (key == KEY_UP) snprintf(out, n, "Up");
    else if (key == KEY_DOWN) snprintf(out, n, "Down");
    else if (key == KEY_LEFT) snprintf(out, n, "Left");
    else if (key == KEY_RIGHT) snprintf(out, n, "Right");
    else if (key == KEY_NPAGE) snprintf(out, n, "PgDn");
    else if (key == KEY_PPAGE) snprintf(out, n, "PgUp");
    else if (key == KEY_HOME) snprintf(out, n, "Home");
    else if (key == KEY_END) snprintf(out, n, "End");
    else if (key == KEY_DC) snprintf(out, n, "Del");
    else if (key == KEY_IC) snprintf(out, n, "Ins");
    else if (key == KEY_BACKSPACE) snprintf(out, n, "Bksp");
    else if (key == '\r' || key == '\n' || key == KEY_ENTER) snprintf(out, n, "Enter");
    else if (key == KEY_ESC) snprintf(out, n, "Esc");
    else if (key == '\t') snprintf(out, n, "Tab");
    else if (key == ' ') snprintf(out, n, "Space");
    else if (key > 0 && key < 32) snprintf(out, n, "^%c", key + '@');
    else snprintf(out, n, "%c", key);
    return out;
}

void keys_hint(unsigned context, int globals, char *out, int outsz)
{
    /* The status bar asks on every key, mostly for the same context:
     * the last answer is kept. */
    static char last[512];
    static unsigned last_context;
    static int last_globals = -1, last_size;
    if (context == last_context && globals == last_globals && outsz == last_size &&
        outsz <= (int)sizeof last) {
        memcpy(out, last, strlen(last) + 1);
        return;
    }
    out[0] = '\0';
    size_t used = 0;
    for (int i = 0; i < keys_count; i++) {
        const struct key_binding *b = &keys_table[i];
        bool mine = (b->contexts & context & ~(unsigned)KC_GLOBAL) != 0;
        bool global = (b->contexts & KC_GLOBAL) && globals;
        if (!mine && !global)
            continue;
        if (b->action == ACT_UP || b->action == ACT_DOWN || b->action == ACT_REDRAW)
            continue;
        char name[16];
        keys_name(b->key1, name, sizeof name);
        int n = snprintf(out + used, (size_t)outsz - used, "%s%s %s", used ? "  " : "", name,
                         b->label);
        if (n < 0 || used + (size_t)n >= (size_t)outsz)
            break;
        used += (size_t)n;
    }
    if (outsz > 0 && outsz <= (int)sizeof last) {
        memcpy(last, out, strlen(out) + 1);
        last_context = context;
        last_globals = globals;
        last_size = outsz;
    }
}
