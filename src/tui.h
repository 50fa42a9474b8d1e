/* The interview's terminal screens. Only src/tui_*.c include <curses.h>;
 * the views draw from the session state and never change it. */
#ifndef YARDSTICK_TUI_H
#define YARDSTICK_TUI_H

#include <stdbool.h>
#include <stddef.h>

#include "yardstick/session.h"

#define TUI_MIN_COLS 80
#define TUI_MIN_LINES 24

/* Semantic colour roles; one table in tui.c maps them to colours and to a
 * monochrome fallback. */
enum tui_role {
	TUI_NORMAL = 0,
	TUI_TITLE,              /* top bar */
	TUI_HEADING,
	TUI_QUESTION,
	TUI_SELECTED,           /* the selected row: always visible */
	TUI_CURRENT,            /* the answer already given */
	TUI_DIM,
	TUI_KEY,                /* key names in hints */
	TUI_OK,
	TUI_ERROR,
	TUI_BAR,
	TUI_BAR_EMPTY,
	TUI_FLAG,               /* red flags, not met */
	TUI_PROMPT,
	TUI_ROLE_COUNT,
};

/* Starts curses on the terminal. Installs the signal handlers first.
 * Returns 0, or an exit code after printing why to stderr. */
int tui_begin(void);
/* Restores the terminal and the previous signal handlers. */
void tui_end(void);
/* Runs the interview until the session's outcome is no longer running. */
void tui_run(ys_session *s);
/* The signal that ended the run (SIGTERM, SIGHUP), or 0. */
int tui_signal(void);

/* Drawing helpers (tui.c). Text is sanitised and measured by display
 * width; nothing is drawn past x + width. Each returns the columns used. */
int tui_attr(int role);
int tui_text(int y, int x, int width, const char *text, int role);
/* Word-wraps text into at most max_lines lines of width columns from row
 * y; returns the lines used. With max_lines exceeded, the last line ends
 * with an ellipsis. */
int tui_wrap(int y, int x, int width, int max_lines, const char *text, int role);
/* The number of lines text wraps to at width. */
int tui_wrap_count(const char *text, int width);
/* Fills width columns from (y, x) with spaces in role. */
void tui_fill(int y, int x, int width, int role);
/* A bar of width cells filled to fraction (0..1). */
void tui_bar(int y, int x, int width, double fraction);
/* The top bar, the status line (row LINES-3) and the key hints (rows
 * LINES-2 and LINES-1; a text prompt takes those two rows over). */
void tui_title(const ys_session *s, const char *left, const char *right);
void tui_status(const ys_session *s);
/* Rows 0 and 1 of a question screen: the title bar with "Question N of
 * M", then the area and the position within it. */
void tui_question_title(const ys_session *s, const ys_question *qn);
void tui_hints(int y, const char *hints);
/* True when the locale cannot show UTF-8: text is then drawn in ASCII. */
bool tui_ascii(void);
/* A glyph, or its ASCII fallback. */
const char *tui_glyph(const char *utf8, const char *ascii);

/* Screens. */
void tui_draw_start(const ys_session *s);
void tui_draw_changed(const ys_session *s);
void tui_draw_question(const ys_session *s);
/* The workshop's question screen: votes, spread and consensus. */
void tui_draw_workshop(const ys_session *s);
void tui_draw_areas(const ys_session *s);
void tui_draw_review(const ys_session *s);
void tui_draw_profile(const ys_session *s);
void tui_draw_keys(const ys_session *s);
void tui_draw_qhelp(const ys_session *s);
/* The open prompt at the bottom of the screen; positions the cursor. */
void tui_draw_prompt(const ys_session *s);
/* Maps a key while a text prompt is open. */
bool tui_input_key(int is_key, unsigned long ch, ys_session_action *act, char buf[8]);

/* First row shown so that row sel is visible in a page of height rows. */
size_t tui_page_top(size_t sel, size_t height);

#endif
