/* The drawing layer under every screen: the colour table, text measured
 * by display width, wrapping, bars, the title and status rows and the key
 * hints. */
#include <curses.h>

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_draw.h"
#include "tui_keys.h"
#include "yardstick/alloc.h"
#include "yardstick/text.h"

static bool ascii_mode;
static bool mono;

/* ---- Colours ---- */

struct role_style {
	short fg, bg;           /* colour pair; -1 is the terminal default */
	int colour_attr;        /* extra attributes with colour */
	int mono_attr;          /* attributes without colour */
};

static const struct role_style roles[TUI_ROLE_COUNT] = {
	[TUI_NORMAL] = {-1, -1, 0, 0},
	[TUI_TITLE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_REVERSE},
	[TUI_HEADING] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
	[TUI_QUESTION] = {-1, -1, A_BOLD, A_BOLD},
	[TUI_SELECTED] = {COLOR_BLACK, COLOR_CYAN, 0, A_REVERSE},
	[TUI_CURRENT] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
	[TUI_DIM] = {-1, -1, A_DIM, 0},
	[TUI_KEY] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
	[TUI_OK] = {COLOR_GREEN, -1, 0, 0},
	[TUI_ERROR] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_REVERSE | A_BOLD},
	[TUI_BAR] = {COLOR_GREEN, -1, 0, 0},
	[TUI_BAR_EMPTY] = {-1, -1, A_DIM, 0},
	[TUI_FLAG] = {COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
	[TUI_PROMPT] = {-1, -1, A_BOLD, A_BOLD},
	/* Explicit colours, not the default ones, so a dark theme still gets
	 * dark modules on a light ground; without colour, reverse video. */
	[TUI_QR] = {COLOR_BLACK, COLOR_WHITE, 0, A_REVERSE},
};

void tui_draw_init(bool ascii)
{
	const char *nc = getenv("NO_COLOR");
	int i;

	ascii_mode = ascii;
	mono = (nc && *nc) || !has_colors() || start_color() == ERR;
	if (mono)
		return;
	use_default_colors();
	for (i = 0; i < TUI_ROLE_COUNT; i++)
		init_pair((short)(i + 1), roles[i].fg, roles[i].bg);
}

int tui_attr(int role)
{
	if (role < 0 || role >= TUI_ROLE_COUNT)
		role = TUI_NORMAL;
	if (mono)
		return roles[role].mono_attr;
	return (int)COLOR_PAIR(role + 1) | roles[role].colour_attr;
}

/* ---- Text ---- */

bool tui_ascii(void)
{
	return ascii_mode;
}

const char *tui_glyph(const char *utf8, const char *ascii)
{
	return ascii_mode ? ascii : utf8;
}

/* Sanitised copy for the screen (the caller frees it), or NULL. */
static char *screen_text(const char *text, size_t n)
{
	return ys_sanitize(text, n, ascii_mode ? YS_SAN_ASCII : 0);
}

int tui_text(int y, int x, int width, const char *text, int role)
{
	char *t;
	size_t used = 0, fit;

	if (!text || width <= 0)
		return 0;
	t = screen_text(text, strlen(text));
	if (!t)
		return 0;
	fit = ys_text_fit(t, strlen(t), (size_t)width, &used);
	attrset(tui_attr(role));
	mvaddnstr(y, x, t, (int)fit);
	attrset(A_NORMAL);
	ys_free(t);
	return (int)used;
}

int tui_text_cut(int y, int x, int width, const char *text, int role)
{
	char *t;
	size_t used = 0, fit;

	if (!text || width <= 1)
		return tui_text(y, x, width, text, role);
	t = screen_text(text, strlen(text));
	if (!t)
		return 0;
	if (ys_text_width(t, strlen(t)) <= (size_t)width) {
		ys_free(t);
		return tui_text(y, x, width, text, role);
	}
	fit = ys_text_fit(t, strlen(t), (size_t)width - 1, &used);
	attrset(tui_attr(role));
	mvaddnstr(y, x, t, (int)fit);
	addstr(tui_glyph("\xe2\x80\xa6", "~"));
	attrset(A_NORMAL);
	ys_free(t);
	return (int)used + 1;
}

void tui_fill(int y, int x, int width, int role)
{
	attrset(tui_attr(role));
	if (width > 0)
		mvhline(y, x, ' ', width);
	attrset(A_NORMAL);
}

struct wrap_ctx {
	int y, x, width, max, n, role;
	bool draw;
	size_t last_used;       /* width of the last line drawn */
	int top, bottom;        /* rows drawn on: top <= row < bottom */
};

static void wrap_emit(void *ctx, const char *line, size_t len)
{
	struct wrap_ctx *w = ctx;
	size_t used;

	if (w->draw && w->n < w->max && w->y + w->n >= w->top && w->y + w->n < w->bottom) {
		size_t fit = ys_text_fit(line, len, (size_t)w->width, &used);

		attrset(tui_attr(w->role));
		mvaddnstr(w->y + w->n, w->x, line, (int)fit);
		attrset(A_NORMAL);
		w->last_used = used;
	}
	w->n++;
}

/* Sanitises text for the terminal and runs it through the wrapper with
 * w; false when there is nothing to wrap or no memory. */
static bool wrap_run(struct wrap_ctx *w, const char *text)
{
	char *t;

	if (!text || w->width <= 0)
		return false;
	t = ys_sanitize(text, strlen(text),
			YS_SAN_KEEP_NEWLINE | (ascii_mode ? YS_SAN_ASCII : 0));
	if (!t)
		return false;
	ys_wrap(t, (size_t)w->width, wrap_emit, w);
	ys_free(t);
	return true;
}

int tui_wrap(int y, int x, int width, int max_lines, const char *text, int role)
{
	struct wrap_ctx w = {y, x, width, max_lines, 0, role, true, 0, 0, INT_MAX};

	if (max_lines <= 0 || !wrap_run(&w, text))
		return 0;
	if (w.n > max_lines) {
		const char *e = tui_glyph("\xe2\x80\xa6", "~");
		int ex = (int)w.last_used + 1 < width ? (int)w.last_used + 1 : width - 1;

		attrset(tui_attr(role));
		mvaddstr(y + max_lines - 1, x + ex, e);
		attrset(A_NORMAL);
		return max_lines;
	}
	return w.n;
}

int tui_wrap_clip(int y, int x, int width, const char *text, int role, int top, int bottom)
{
	struct wrap_ctx w = {y, x, width, INT_MAX, 0, role, true, 0, top, bottom};

	return wrap_run(&w, text) ? w.n : 0;
}

static size_t scroll_limit = SIZE_MAX;

void tui_set_scroll_limit(size_t n)
{
	scroll_limit = n;
}

size_t tui_scroll_limit(void)
{
	return scroll_limit;
}

int tui_wrap_count(const char *text, int width)
{
	struct wrap_ctx w = {0, 0, width, 0, 0, 0, false, 0, 0, INT_MAX};

	return wrap_run(&w, text) ? w.n : 0;
}

void tui_bar(int y, int x, int width, double fraction)
{
	int full, i;
	const char *on = tui_glyph("\xe2\x96\x88", "#");
	const char *off = tui_glyph("\xe2\x96\x91", ".");

	if (fraction < 0)
		fraction = 0;
	if (fraction > 1)
		fraction = 1;
	full = (int)(fraction * width + 0.5);
	move(y, x);
	attrset(tui_attr(TUI_BAR));
	for (i = 0; i < full; i++)
		addstr(on);
	attrset(tui_attr(TUI_BAR_EMPTY));
	for (; i < width; i++)
		addstr(off);
	attrset(A_NORMAL);
}

void tui_maturity_bar(int y, int x, size_t per_level, size_t levels,
		      const ys_area_score *as, bool has_target)
{
	const char *on = tui_glyph("\xe2\x96\x88", "#");
	const char *off = tui_glyph("\xe2\x96\x91", ".");
	size_t cells = per_level * levels, mark = SIZE_MAX, i;
	bool assessed = as->state == YS_AREA_ASSESSED;
	size_t fill = assessed ? ys_maturity_cells(as->maturity, per_level) : 0;

	if (has_target)
		mark = (size_t)as->target * per_level;
	move(y, x);
	for (i = 0; i <= cells; i++) {
		if (i == mark) {
			attrset(tui_attr(as->target_met ? TUI_OK : TUI_FLAG));
			addstr("|");
		}
		if (i == cells)
			break;
		attrset(tui_attr(i < fill ? TUI_BAR : TUI_BAR_EMPTY));
		addstr(!assessed ? " " : i < fill ? on : off);
	}
	attrset(A_NORMAL);
}

size_t tui_page_top(size_t sel, size_t height)
{
	if (height == 0)
		return sel;
	return sel / height * height;
}

void tui_title(const char *left, const char *right)
{
	int rw = right ? (int)ys_text_width(right, strlen(right)) : 0;

	tui_fill(0, 0, COLS, TUI_TITLE);
	tui_text(0, 1, COLS - rw - 3, left, TUI_TITLE);
	if (right)
		tui_text(0, COLS - rw - 1, rw, right, TUI_TITLE);
}

void tui_question_title(const ys_session *s, const ys_question *qn)
{
	const ys_area *ar = &s->q->areas[qn->area];
	char buf[64];
	int x;

	snprintf(buf, sizeof(buf), "Question %zu of %zu", s->question + 1,
		 s->q->n_questions);
	tui_title(s->q->title, buf);
	snprintf(buf, sizeof(buf), "Area %zu of %zu: ", qn->area + 1, s->q->n_areas);
	x = 1 + tui_text(1, 1, COLS - 2, buf, TUI_DIM);
	x += tui_text(1, x, COLS - x - 24, ar->title, TUI_HEADING);
	snprintf(buf, sizeof(buf), "  question %zu of %zu",
		 s->question - ar->first_question + 1, ar->n_questions);
	tui_text(1, x, COLS - x - 1, buf, TUI_DIM);
}

void tui_status(const ys_session *s)
{
	int y = LINES - 3;

	if (s->status[0])
		tui_text(y, 1, COLS - 2, s->status,
			 s->status_error ? TUI_ERROR : TUI_OK);
}

/* Hints are "k label" pairs separated by two spaces; keys are shown in
 * the key role. */
static void tui_hints(int y, const char *hints)
{
	int x = 1;
	const char *p = hints;

	while (*p && x < COLS - 1) {
		const char *sp = strchr(p, ' ');
		const char *end = strstr(p, "  ");
		size_t klen, llen;
		char buf[128];

		if (!end)
			end = p + strlen(p);
		if (!sp || sp > end)
			sp = end;
		klen = (size_t)(sp - p);
		if (klen >= sizeof(buf))
			klen = sizeof(buf) - 1;
		memcpy(buf, p, klen);
		buf[klen] = '\0';
		x += tui_text(y, x, COLS - 1 - x, buf, TUI_KEY);
		llen = (size_t)(end - sp);
		if (llen >= sizeof(buf))
			llen = sizeof(buf) - 1;
		memcpy(buf, sp, llen);
		buf[llen] = '\0';
		x += tui_text(y, x, COLS - 1 - x, buf, TUI_DIM);
		x += 2;
		p = *end ? end + 2 : end;
	}
}

void tui_key_hints(const ys_session *s, unsigned when)
{
	unsigned screen = tui_key_screen(s), mode = tui_key_mode(s);
	char buf[256];
	int line;

	if (s->live)
		when |= TK_IF_LIVE;
	if (s->live && s->live->n_addrs > 1)
		when |= TK_IF_ADDRS;
	for (line = 1; line <= 2; line++) {
		tui_key_hint_line(screen, mode, line, when, ascii_mode, buf, sizeof(buf));
		if (buf[0])
			tui_hints(LINES - 3 + line, buf);
	}
}
