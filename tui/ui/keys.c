#include "config.h"
#include "ui/keys.h"

#include <stdio.h>

const struct key_binding keys_table[] = {
#define X(name, k1, k2, label, help) { ACT_##name, k1, k2, label, help },
    KEY_ACTIONS(X)
#undef X
};

const int keys_count = (int)(sizeof keys_table / sizeof keys_table[0]);

enum key_action keys_lookup(int key)
{
    for (int i = 0; i < keys_count; i++)
        if (key && (keys_table[i].key1 == key || keys_table[i].key2 == key))
            return keys_table[i].action;
    return ACT_NONE;
}

const char *keys_name(int key, char *out, int outsz)
{
    if (key >= KEY_F(1) && key <= KEY_F(12))
        snprintf(out, (size_t)outsz, "F%d", key - KEY_F(0));
    else if (key == KEY_UP) snprintf(out, (size_t)outsz, "Up");
    else if (key == KEY_DOWN) snprintf(out, (size_t)outsz, "Down");
    else if (key == KEY_LEFT) snprintf(out, (size_t)outsz, "Left");
    else if (key == KEY_RIGHT) snprintf(out, (size_t)outsz, "Right");
    else if (key == KEY_NPAGE) snprintf(out, (size_t)outsz, "PgDn");
    else if (key == KEY_PPAGE) snprintf(out, (size_t)outsz, "PgUp");
    else if (key == KEY_HOME) snprintf(out, (size_t)outsz, "Home");
    else if (key == KEY_END) snprintf(out, (size_t)outsz, "End");
    else if (key == '\n' || key == KEY_ENTER) snprintf(out, (size_t)outsz, "Enter");
    else if (key == 27) snprintf(out, (size_t)outsz, "Esc");
    else if (key == '\t') snprintf(out, (size_t)outsz, "Tab");
    else if (key == KEY_BTAB) snprintf(out, (size_t)outsz, "S-Tab");
    else if (key == ' ') snprintf(out, (size_t)outsz, "Space");
    else if (key > 0 && key < 32) snprintf(out, (size_t)outsz, "^%c", key + '@');
    else snprintf(out, (size_t)outsz, "%c", key);
    return out;
}
