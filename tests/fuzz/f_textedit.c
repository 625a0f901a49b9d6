/*
 * libFuzzer target: the text editor's input handling (te_key, te_insert,
 * te_set, te_draw, te_rows), the code every keystroke and every paste
 * of the interface goes through. The input is a script of operations:
 * each byte picks one, the following bytes give its argument. Pasted
 * text is raw bytes, invalid UTF-8 included, as a terminal may send.
 * After each operation the editor's own invariants are checked.
 */
#include "config.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "ui/keys.h"
#include "ui/textedit.h"

static WINDOW *win;

/* A curses screen writing to /dev/null, once, for te_draw. */
static void setup(void)
{
    if (win)
        return;
    setlocale(LC_ALL, "C.UTF-8");
    setenv("TERM", "xterm", 0);
    FILE *out = fopen("/dev/null", "w"), *in = fopen("/dev/null", "r");
    if (!out || !in || !newterm(NULL, out, in))
        abort();
    win = newwin(40, 120, 0, 0);
}

static const int keys[] = {
    KEY_LEFT, KEY_RIGHT, KEY_UP, KEY_DOWN, KEY_PPAGE, KEY_NPAGE, KEY_HOME,
    KEY_END, KEY_BACKSPACE, KEY_DC, KEY_ENTER, KEY_F(10), KEY_ESC, KEY_RESIZE,
};
static const wint_t chars[] = {
    'a', ' ', '\n', '\r', '\t', 0x7f, 0x01, CTRL_KEY('h'), CTRL_KEY('d'), CTRL_KEY('w'),
    CTRL_KEY('b'), CTRL_KEY('f'), CTRL_KEY('a'), CTRL_KEY('e'), CTRL_KEY('u'),
    CTRL_KEY('k'), 0xe9 /* é */, 0x65e5 /* 日, two columns */, 0x301 /* combining */,
    0x9b /* C1 */, 0x200b /* zero width */, 0x1f600 /* emoji */, 0xfffd, 0x110000,
};
#define N(a) (sizeof(a) / sizeof((a)[0]))

static void check(const struct textedit *t)
{
    const char *s = te_text(t);
    if (t->cursor > t->text.len || s[t->text.len] != '\0' || strlen(s) != t->text.len)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    setup();
    struct textedit t;
    size_t i = 0;
    te_init(&t, "", size > 0 && (data[i++] & 1));
    while (i < size) {
        uint8_t op = data[i++];
        uint8_t arg = i < size ? data[i] : 0;
        switch (op % 8) {
        case 0: case 1: case 2: /* typing */
            te_key(&t, arg < 128 && arg >= 32 ? arg : chars[arg % N(chars)], false);
            i++;
            break;
        case 3:
            te_key(&t, (wint_t)keys[arg % N(keys)], true);
            i++;
            break;
        case 4: case 5: { /* a paste or a new text: raw bytes up to a NUL */
            size_t n = arg % 64, k = 0;
            char buf[65];
            for (i++; k < n && i < size; i++, k++)
                buf[k] = data[i] ? (char)data[i] : ' ';
            buf[k] = '\0';
            if (op % 8 == 4)
                te_insert(&t, buf);
            else
                te_set(&t, buf);
            break;
        }
        case 6: /* drawn at some size, as the layout changes */
            te_draw(&t, win, 0, 0, 1 + arg % 40, 1 + (arg * 7) % 120, arg & 1);
            i++;
            break;
        default:
            (void)te_rows(&t, 1 + arg % 120);
            i++;
            break;
        }
        check(&t);
    }
    te_free(&t);
    return 0;
}
