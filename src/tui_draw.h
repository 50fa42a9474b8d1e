/* Drawing for the interview's screens: the primitives every screen uses
 * (tui_draw.c) and the screens themselves (tui_<screen>.c). The screens
 * draw from the session state and never change it. */
#ifndef YARDSTICK_TUI_DRAW_H
#define YARDSTICK_TUI_DRAW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "yardstick/session.h"

#define TUI_MIN_COLS 80
#define TUI_MIN_LINES 24

/* Semantic colour roles; one table in tui_draw.c maps them to colours and
 * to a monochrome fallback. */
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
	TUI_QR,                 /* a QR code: black on white whatever the theme */
	TUI_ROLE_COUNT,
};

/* Sets up the colours once curses has started; ascii when the locale
 * cannot show UTF-8. */
void tui_draw_init(bool ascii);

/* Text is sanitised and measured by display width; nothing is drawn past
 * x + width. Each returns the columns used. */
int tui_attr(int role);
int tui_text(int y, int x, int width, const char *text, int role);
/* As tui_text, but text that does not fit ends in an ellipsis. */
int tui_text_cut(int y, int x, int width, const char *text, int role);
/* Word-wraps text into at most max_lines lines of width columns from row
 * y; returns the lines used. With max_lines exceeded, the last line ends
 * with an ellipsis. */
int tui_wrap(int y, int x, int width, int max_lines, const char *text, int role);
/* Word-wraps all of text from row y (which may be above the screen), but
 * draws only the lines on rows top to bottom - 1; returns the lines. */
int tui_wrap_clip(int y, int x, int width, const char *text, int role, int top, int bottom);
/* A scrolling screen says how far it can scroll (the first line shown at
 * most); the loop keeps the session's scroll within it. */
void tui_set_scroll_limit(size_t n);
size_t tui_scroll_limit(void);
/* The number of lines text wraps to at width. */
int tui_wrap_count(const char *text, int width);
/* Fills width columns from (y, x) with spaces in role. */
void tui_fill(int y, int x, int width, int role);
/* A bar of width cells filled to fraction (0..1). */
void tui_bar(int y, int x, int width, double fraction);
/* An area's bar on the maturity scale: per_level cells for each of the
 * levels above 0, filled up to its maturity (ys_maturity_cells), and,
 * with a target, a '|' after the target level's cells, so the bar reaches
 * the mark exactly when the target is met. Draws per_level * levels cells
 * plus one for the mark. */
void tui_maturity_bar(int y, int x, size_t per_level, size_t levels,
		      const ys_area_score *as, bool has_target);
/* The top bar, the status line (row LINES-3) and the key hints (rows
 * LINES-2 and LINES-1; a text prompt takes those two rows over). */
void tui_title(const char *left, const char *right);
void tui_status(const ys_session *s);
/* Rows 0 and 1 of a question screen: the title bar with "Question N of
 * M", then the area and the position within it. */
void tui_question_title(const ys_session *s, const ys_question *qn);
/* The hint lines of the session's screen or prompt from the key table;
 * when holds the TK_IF_* conditions that hold. */
void tui_key_hints(const ys_session *s, unsigned when);
/* True when the locale cannot show UTF-8: text is then drawn in ASCII. */
bool tui_ascii(void);
/* A glyph, or its ASCII fallback. */
const char *tui_glyph(const char *utf8, const char *ascii);
/* First row shown so that row sel is visible in a page of height rows. */
size_t tui_page_top(size_t sel, size_t height);

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
/* The live workshop's join screen: the QR code and the join address. */
void tui_draw_join(const ys_session *s);
/* The open prompt at the bottom of the screen; positions the cursor. */
void tui_draw_prompt(const ys_session *s);
/* A character typed into the open text prompt: false when it cannot be
 * typed (a control character). buf holds the UTF-8 the action points to. */
bool tui_input_char(uint32_t ch, ys_session_action *act, char buf[8]);

#endif
