#include "config.h"
#include "ui/keys.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "util/i18n.h"

const struct key_binding keys_table[] = {
#define X(name, ctx, k1, k2, label, help) { ACT_##name, ctx, k1, k2, label, help },
    KEY_ACTIONS(X)
#undef X
};

const int keys_count = (int)(sizeof keys_table / sizeof keys_table[0]);

const struct key_context_info keys_contexts[] = {
#define C(ctx, heading) { ctx, heading },
    KEY_CONTEXTS(C)
#undef C
};

const int keys_ncontexts = (int)(sizeof keys_contexts / sizeof keys_contexts[0]);

int keys_code(wint_t ch, bool is_key)
{
    if (is_key)
        return (int)ch;
    return ch < 128 ? (int)ch : 0;
}

enum key_action keys_lookup(int key, unsigned context)
{
    if (!key)
        return ACT_NONE;
    if (key == '\n')
        key = '\r';
    if (key == 127)
        key = KEY_BACKSPACE;
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
    /* Inside a text field every printable key is text; a list, form or
     * dialog takes every key until it is closed. */
    if (context & KC_MODAL)
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
    else if (key == KEY_BTAB) snprintf(out, n, "S-Tab");
    else if (key == ' ') snprintf(out, n, "Space");
    else if (key > 0 && key < 32) snprintf(out, n, "^%c", key + '@');
    else snprintf(out, n, "%c", key);
    return out;
}

const char *keys_label(enum key_action a, char *out, int outsz)
{
    const struct key_binding *b = keys_binding(a);
    char name[16];
    if (!b)
        out[0] = '\0';
    else
        snprintf(out, (size_t)outsz, "%s %s", keys_name(b->key1, name, sizeof name),
                 _(b->label));
    return out;
}

void keys_line(const enum key_action *acts, int n, char *out, int outsz)
{
    size_t used = 0;
    out[0] = '\0';
    for (int i = 0; i < n && used < (size_t)outsz; i++) {
        char one[64];
        int k = snprintf(out + used, (size_t)outsz - used, " %s ",
                         keys_label(acts[i], one, sizeof one));
        if (k < 0)
            break;
        used += (size_t)k;
    }
}

/* Moving by a character, a row or an item: the arrows, which need no
 * hint. */
static bool in_hint(enum key_action a)
{
    switch (a) {
    case ACT_UP:
    case ACT_DOWN:
    case ACT_REDRAW:
    case ACT_CHAR_LEFT:
    case ACT_CHAR_RIGHT:
    case ACT_ROW_UP:
    case ACT_ROW_DOWN:
    case ACT_ERASE:
    case ACT_DEL_CHAR:
        return false;
    default:
        return true;
    }
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
        bool global = (b->contexts & KC_GLOBAL) && globals &&
                      !(context & (KC_MODAL | KC_HELP));
        if (!mine && !global)
            continue;
        /* A global key the context binds to something else (q going
         * back from a screen of its own) is not offered as global. */
        if (!mine && keys_lookup(b->key1, context | KC_GLOBAL) != b->action)
            continue;
        if (!in_hint(b->action))
            continue;
        char name[16];
        keys_name(b->key1, name, sizeof name);
        int n = snprintf(out + used, (size_t)outsz - used, "%s%s %s", used ? "  " : "", name,
                         _(b->label));
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
