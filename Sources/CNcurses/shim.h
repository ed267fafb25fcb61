#ifndef TERRITORIO_CNCURSES_SHIM_H
#define TERRITORIO_CNCURSES_SHIM_H

// The wide-character API (wget_wch, setcchar, mvadd_wch) is only declared with these set.
#define _XOPEN_SOURCE 700
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1

#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <wchar.h>
#include <ncursesw/ncurses.h>
#include <ncursesw/term.h>

// Swift 6 refuses C globals as "not concurrency-safe" and cannot call C macros:
// these accessors expose what the terminal layer needs.
static inline WINDOW *territorio_stdscr(void) { return stdscr; }
static inline FILE *territorio_stdout(void) { return stdout; }
static inline FILE *territorio_stdin(void) { return stdin; }
static inline int territorio_lines(void) { return LINES; }
static inline int territorio_cols(void) { return COLS; }
static inline int territorio_colors(void) { return COLORS; }
static inline int territorio_color_pairs(void) { return COLOR_PAIRS; }
static inline int territorio_wcwidth(wchar_t c) { return wcwidth(c); }
static inline int territorio_key_f(int n) { return KEY_F(n); }
/// The codeset of the current LC_CTYPE, e.g. "UTF-8" or "ANSI_X3.4-1968".
static inline const char *territorio_codeset(void) { return nl_langinfo(CODESET); }
static inline attr_t territorio_color_pair(short pair) { return (attr_t)COLOR_PAIR(pair); }
static inline attr_t territorio_a_bold(void) { return A_BOLD; }
static inline attr_t territorio_a_dim(void) { return A_DIM; }
static inline attr_t territorio_a_reverse(void) { return A_REVERSE; }
static inline attr_t territorio_a_underline(void) { return A_UNDERLINE; }
static inline attr_t territorio_a_normal(void) { return A_NORMAL; }

/// Whether the terminal named by TERM is known to terminfo and can move its cursor (`cup`):
/// `dumb`, an unknown TERM or a missing terminfo cannot draw a screen. Reads terminfo only and
/// gives its entry back, so `newterm` starts afresh.
static inline int territorio_can_address_cursor(void) {
    int status = 0;
    if (setupterm(NULL, 1, &status) != OK) return 0;
    const char *cup = tigetstr("cup");
    int addressable = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    return addressable;
}

#endif
