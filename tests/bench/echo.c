/*
 * bench-echo: the floor of a key typed into a curses program. It takes
 * over the terminal as dpia does (a screen of text, a status bar), then
 * reads keys one at a time with the same one-second timeout and shows
 * each character typed where a text being edited would go, until it
 * reads 'q' after F10. Nothing else: what a key costs here is what the
 * terminal, the kernel and ncurses take for any program on this machine.
 * Run by bench-type -x in place of dpia (its arguments are ignored).
 */
#include "config.h"

#include <curses.h>
#include <locale.h>
#include <wchar.h>

int main(void)
{
    setlocale(LC_ALL, "");
    if (!initscr())
        return 1;
    raw();
    noecho();
    keypad(stdscr, TRUE);
    /* A screen like dpia's: text everywhere, a bar at the bottom. */
    for (int y = 0; y < LINES - 1; y++)
        for (int x = 0; x < COLS; x++)
            mvaddch(y, x, x == 30 ? '|' : '.');
    attron(A_REVERSE);
    for (int x = 0; x < COLS; x++)
        mvaddch(LINES - 1, x, ' ');
    attroff(A_REVERSE);
    refresh();
    int y = 12, x = 32;
    bool done = false;
    for (;;) {
        wint_t ch;
        timeout(1000);
        int r = get_wch(&ch);
        if (r == ERR)
            continue;
        if (r == KEY_CODE_YES) {
            done = ch == KEY_F(10);
            continue;
        }
        if (done && ch == 'q')
            break;
        if (ch == '\r')
            continue;
        wchar_t s[2] = { (wchar_t)ch, 0 };
        mvaddnwstr(y, x, s, 1);
        if (++x >= COLS - 2) {
            x = 32;
            y = y + 1 < LINES - 2 ? y + 1 : 12;
        }
        move(y, x);
        refresh();
    }
    endwin();
    return 0;
}
