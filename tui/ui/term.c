#include "config.h"
#include "ui/term.h"

#include <term.h>

#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "util/buf.h"
#include "util/text.h"
#include "util/xalloc.h"
#include "util/i18n.h"

static bool active;
static bool utf8;
static bool color;
static SCREEN *screen;
static int saved_stderr = -1;
static FILE *stderr_log;
static volatile sig_atomic_t pending_signal;
static int eof_count;
static struct buf paste;
static bool paste_too_long;
static int ctrl_left = -1, ctrl_right = -1;

static const struct {
    short fg, bg;
    attr_t mono;
} roles[ROLE_COUNT] = {
#define X(name, fg, bg, mono) { fg, bg, mono },
    TERM_ROLES(X)
#undef X
};

static void on_quit_signal(int sig)
{
    pending_signal = sig;
}

static void on_fatal_signal(int sig)
{
    /* Restore the terminal as far as is safe, and stderr, so that what
     * a crash prints (a sanitizer's report) reaches the user; then die of
     * the signal. */
    if (active)
        endwin();
    if (saved_stderr >= 0)
        dup2(saved_stderr, STDERR_FILENO);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void install_signals(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_quit_signal;
    sa.sa_flags = 0; /* no SA_RESTART: a signal interrupts the wait for a key */
    sigaction(SIGHUP, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
    sa.sa_handler = on_fatal_signal;
    sa.sa_flags = SA_RESETHAND;
    sigaction(SIGSEGV, &sa, NULL);
    sigaction(SIGBUS, &sa, NULL);
    sigaction(SIGFPE, &sa, NULL);
    sigaction(SIGILL, &sa, NULL);
    sigaction(SIGABRT, &sa, NULL);
}

static void keep_stderr_aside(void)
{
    stderr_log = tmpfile();
    if (!stderr_log)
        return;
    fflush(stderr);
    saved_stderr = dup(STDERR_FILENO);
    if (saved_stderr < 0 || dup2(fileno(stderr_log), STDERR_FILENO) < 0) {
        fclose(stderr_log);
        stderr_log = NULL;
    }
}

static void give_stderr_back(void)
{
    if (!stderr_log || saved_stderr < 0)
        return;
    fflush(stderr);
    dup2(saved_stderr, STDERR_FILENO);
    close(saved_stderr);
    saved_stderr = -1;
    rewind(stderr_log);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, stderr_log)) > 0)
        fwrite(chunk, 1, n, stderr);
    fclose(stderr_log);
    stderr_log = NULL;
}

void term_read_locale(void)
{
    utf8 = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

int term_start(bool no_color, struct err *e)
{
    if (!isatty(STDOUT_FILENO))
        return err_set(e, _("the interactive interface needs a terminal (see dpia --help for the commands)"));
    const char *term = getenv("TERM");
    if (!term || !*term)
        return err_set(e, _("TERM is not set; cannot start the interface"));
    /* A terminal that cannot move the cursor (TERM=dumb, say) cannot show
     * a full-screen interface: say so instead of drawing garbage. */
    int setup_err = 0;
    if (setupterm(term, STDOUT_FILENO, &setup_err) != OK)
        return err_set(e, _("cannot use terminal type '%s'"), term);
    const char *cup = tigetstr("cup");
    bool addressable = cup && cup != (char *)-1;
    del_curterm(cur_term);
    if (!addressable)
        return err_set(e, _("terminal type '%s' cannot move the cursor; set TERM to your "
                         "terminal (for example xterm-256color), or use the commands "
                         "(dpia --help)"), term);
    screen = newterm(NULL, stdout, stdin);
    if (!screen)
        return err_set(e, _("cannot use terminal type '%s'"), term);
    set_term(screen);
    active = true;
    atexit(term_stop);
    xalloc_set_fatal_hook(term_stop);
    install_signals();
    keep_stderr_aside();

    term_read_locale();
    const char *nc = getenv("NO_COLOR");
    color = !no_color && !(nc && *nc) && has_colors();
    if (color) {
        start_color();
        use_default_colors();
        for (int r = 0; r < ROLE_COUNT; r++)
            init_pair((short)(r + 1), roles[r].fg, roles[r].bg);
    }
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    const char *cl = tigetstr("kLFT5"), *cr = tigetstr("kRIT5");
    if (cl && cl != (char *)-1)
        ctrl_left = key_defined(cl);
    if (cr && cr != (char *)-1)
        ctrl_right = key_defined(cr);
    /* Bracketed paste: pasted text arrives between ESC[200~ and ESC[201~. */
    fputs("\033[?2004h", stdout);
    fflush(stdout);
    return 0;
}

void term_stop(void)
{
    if (!active)
        return;
    active = false;
    fputs("\033[?2004l", stdout);
    fflush(stdout);
    endwin();
    delscreen(screen);
    screen = NULL;
    buf_free(&paste);
    give_stderr_back();
}

bool term_has_utf8(void)
{
    return utf8;
}

bool term_has_color(void)
{
    return color;
}

attr_t term_attr(enum term_role role)
{
    if (color)
        return COLOR_PAIR(role + 1) | (roles[role].mono & (A_BOLD | A_UNDERLINE));
    return roles[role].mono;
}

long long term_now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

const char *term_paste_text(void)
{
    return buf_str(&paste);
}

bool term_paste_too_long(void)
{
    return paste_too_long;
}

int term_key_ctrl_left(void)
{
    return ctrl_left;
}

int term_key_ctrl_right(void)
{
    return ctrl_right;
}

/* After an ESC: a bracketed-paste marker ("[200~" starts, "[201~" ends),
 * another control sequence the terminal description does not know
 * (swallowed whole, so that its bytes are not taken for commands), or a
 * plain Esc. Returns 200, 201, -1 (swallowed) or 0 (plain Esc; a key
 * that followed is pushed back). */
static int bracket_code(void)
{
    wint_t c;
    timeout(30);
    int r = get_wch(&c);
    if (r == ERR)
        return 0;
    if (r == KEY_CODE_YES) {
        ungetch((int)c); /* a key right after Esc (Esc, then Down) */
        return 0;
    }
    if (c != '[' && c != 'O') {
        unget_wch((wchar_t)c);
        return 0;
    }
    bool csi = c == '[';
    char seq[24] = "";
    size_t n = 0;
    /* Parameter and intermediate bytes, then one final byte. */
    while (n + 1 < sizeof seq) {
        if (get_wch(&c) != OK || c > 127)
            return -1;
        seq[n++] = (char)c;
        if (!csi || (c >= 0x40 && c <= 0x7e))
            break;
    }
    seq[n] = '\0';
    if (csi && strcmp(seq, "200~") == 0)
        return 200;
    if (csi && strcmp(seq, "201~") == 0)
        return 201;
    return -1;
}

/* Collects a paste up to ESC[201~ (or a pause). One longer than 1 MiB
 * (the most one answer holds) is read to its end and thrown away whole,
 * never cut: paste_too_long says so. */

static void read_paste(void)
{
    buf_clear(&paste);
    paste_too_long = false;
    for (;;) {
        wint_t c;
        timeout(500);
        int r = get_wch(&c);
        if (r == ERR || pending_signal)
            return;
        if (r == KEY_CODE_YES)
            continue;
        if (c == 27) {
            if (bracket_code() == 201)
                return;
            continue;
        }
        if (paste.len > (1u << 20)) {
            paste_too_long = true;
            buf_clear(&paste);
        }
        if (paste_too_long)
            continue;
        if (c == '\r' || c == '\n') {
            buf_addc(&paste, '\n');
        } else if (c == '\t' || c >= 32) {
            char mb[8];
            int n = wctomb(mb, (wchar_t)c);
            if (n > 0)
                buf_add(&paste, mb, (size_t)n);
        }
    }
}

enum term_input term_read(wint_t *ch, int timeout_ms)
{
    if (pending_signal)
        return TERM_SIGNAL;
    timeout(timeout_ms);
    long long start = term_now_ms();
    int r = get_wch(ch);
    if (pending_signal)
        return TERM_SIGNAL;
    if (r == KEY_CODE_YES) {
        eof_count = 0;
        return TERM_KEY;
    }
    if (r == OK) {
        eof_count = 0;
        if (*ch == 27) {
            int code = bracket_code();
            if (code == 200) {
                read_paste();
                return pending_signal ? TERM_SIGNAL : TERM_PASTE;
            }
            if (code == 201 || code == -1)
                return TERM_TICK;
            *ch = 27;
            return TERM_KEY; /* Esc is a key like the others */
        }
        return TERM_CHAR;
    }
    /* ERR: a timeout, or a closed input, which returns at once. A few
     * immediate ERRs in a row mean the input is gone. */
    long long waited = term_now_ms() - start;
    if (timeout_ms < 0 || waited < timeout_ms / 2 || waited < 5) {
        if (++eof_count >= 3)
            return TERM_EOF;
        return TERM_TICK;
    }
    eof_count = 0;
    return TERM_TICK;
}

bool term_text_follows(int ms)
{
    timeout(ms);
    wint_t c;
    int r = get_wch(&c);
    if (r == ERR)
        return false;
    if (r == KEY_CODE_YES)
        ungetch((int)c);
    else
        unget_wch(c);
    return r == OK && c > ' ' && c != 127;
}

int term_signal(void)
{
    return pending_signal;
}

/* Text whose characters all take one column and need no cleaning
 * (accented letters, typographic quotes and dashes beside ASCII: most
 * text in European languages) goes to the window as cells as well,
 * decoded here once. -1 when s holds anything else (control characters,
 * broken UTF-8, wide or combining characters), for the general path. */
static int put_narrow(WINDOW *w, int y, int x, int cols, attr_t attr, const char *s)
{
    if (!utf8)
        return -1;
    /* The cells of printable ASCII in the last attribute used, made
     * once: most characters of such text are ASCII. */
    static cchar_t ascii[0x7f];
    static attr_t ascii_attr;
    static bool ascii_set;
    attr_t a = attr & ~A_COLOR;
    short pair = (short)PAIR_NUMBER(attr);
    if (!ascii_set || ascii_attr != attr) {
        for (wchar_t c = 0x20; c < 0x7f; c++)
            setcchar(&ascii[c], (wchar_t[]){ c, 0 }, a, pair, NULL);
        ascii_attr = attr;
        ascii_set = true;
    }
    cchar_t cells[512];
    size_t len = strlen(s), i = 0;
    int n = 0;
    while (i < len && n < cols) {
        if (n == (int)(sizeof cells / sizeof cells[0]))
            return -1;
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f) {
            cells[n++] = ascii[c];
            i++;
            continue;
        }
        unsigned cp;
        size_t k = text_decode(s + i, len - i, &cp);
        if (cp < 0xa0 || (cp == 0xFFFD && k == 1) || wcwidth((wchar_t)cp) != 1)
            return -1;
        setcchar(&cells[n++], (wchar_t[]){ (wchar_t)cp, 0 }, a, pair, NULL);
        i += k;
    }
    mvwadd_wchnstr(w, y, x, cells, n);
    return n;
}

const char *term_ellipsis(void)
{
    return utf8 ? TEXT_ELLIPSIS_UTF8 : TEXT_ELLIPSIS_ASCII;
}

/* Draws s, which fits into cols columns (or is cut there without a
 * sign). */
static int put_fitted(WINDOW *w, int y, int x, int cols, attr_t attr, const char *s)
{
    /* Printable ASCII (most rows of most screens) needs no cleaning and
     * is one column a byte. */
    size_t n = 0;
    while (s[n] && (unsigned char)s[n] >= 0x20 && (unsigned char)s[n] < 0x7f && n < (size_t)cols)
        n++;
    if ((!s[n] || n == (size_t)cols) && n <= 1024) {
        /* Cells straight into the window, skipping the multibyte
         * conversion that waddnstr does character by character. */
        chtype cells[1024];
        for (size_t i = 0; i < n; i++)
            cells[i] = (chtype)(unsigned char)s[i] | attr;
        mvwaddchnstr(w, y, x, cells, (int)n);
        return (int)n;
    }
    int used = put_narrow(w, y, x, cols, attr, s);
    if (used >= 0)
        return used;
    char *clean = text_sanitize(s, false);
    n = text_fit(clean, cols);
    wattrset(w, attr);
    mvwaddnstr(w, y, x, clean, (int)n);
    wattrset(w, A_NORMAL);
    clean[n] = '\0';
    used = text_width(clean);
    free(clean);
    return used;
}

int term_put(WINDOW *w, int y, int x, int cols, attr_t attr, const char *s)
{
    if (cols <= 0)
        return 0;
    /* Short printable ASCII is drawn as it is; anything else is measured
     * first, and a text too wide is cut with an ellipsis, never
     * silently. */
    size_t n = 0;
    while (s[n] && (unsigned char)s[n] >= 0x20 && (unsigned char)s[n] < 0x7f && n <= (size_t)cols)
        n++;
    bool fits = n <= (size_t)cols && (!s[n] || text_width(s) <= cols);
    if (fits)
        return put_fitted(w, y, x, cols, attr, s);
    char *cut = text_cut(s, cols, term_ellipsis());
    int used = put_fitted(w, y, x, cols, attr, cut);
    free(cut);
    return used;
}

void term_fill(WINDOW *w, int y, int x, int cols, attr_t attr)
{
    /* One call for the run of blanks: the editor and the lists fill
     * every row on every key. */
    if (cols > 0)
        mvwhline(w, y, x, ' ' | attr, cols);
}

/* Box drawing as UTF-8 text where the locale has it (the alternate
 * character set is not understood by every terminal and multiplexer). */
/* The cell of a line drawing character as text (not from the alternate
 * set), made once: a rule is drawn on every frame. */
static const cchar_t *line_cell(wchar_t wide, wchar_t plain)
{
    static cchar_t cells[2];
    static wchar_t made[2];
    int k = wide == 0x2500 ? 0 : 1;
    wchar_t c = utf8 ? wide : plain;
    if (made[k] != c) {
        setcchar(&cells[k], (wchar_t[]){ c, 0 }, A_NORMAL, 0, NULL);
        made[k] = c;
    }
    return &cells[k];
}

void term_rule(WINDOW *w, int y, int x, int cols)
{
    if (cols > 0)
        mvwhline_set(w, y, x, line_cell(0x2500, L'-'), cols);
}

void term_vline(WINDOW *w, int y, int x, int rows)
{
    if (rows > 0)
        mvwvline_set(w, y, x, line_cell(0x2502, L'|'), rows);
}

void term_corner(WINDOW *w, int y, int x, int which)
{
    static const char *const u[] = { "\xE2\x94\x8C", "\xE2\x94\x90", "\xE2\x94\x94",
                                     "\xE2\x94\x98" };
    mvwaddstr(w, y, x, utf8 ? u[which & 3] : "+");
}

static int cursor_y = -1, cursor_x;

void term_cursor(int y, int x)
{
    cursor_y = y;
    cursor_x = x;
}

void term_cursor_apply(void)
{
    if (cursor_y >= 0) {
        wmove(stdscr, cursor_y, cursor_x);
        wnoutrefresh(stdscr);
        curs_set(1);
    } else {
        curs_set(0);
    }
    cursor_y = -1;
}


