/* The area menu and the review list. */
#include <curses.h>

#include <stdio.h>
#include <string.h>

#include "tui_draw.h"

#define LIST_Y 3
/* Area menu columns: the number, the title, then from the right edge a
 * bar and the count ("  3 of 12 answered"). */
#define AREA_NUM_X 3
#define AREA_TITLE_X 7
#define AREA_BAR_FROM_RIGHT 36
#define AREA_BAR_W 12
#define AREA_COUNT_FROM_RIGHT 22
/* Review columns: the flags, then the question number and its text. */
#define REVIEW_FLAGS_X 3
#define REVIEW_FLAGS_W 22
#define REVIEW_NUM_X 26

static int list_height(void)
{
	return LINES - 3 - LIST_Y - 1;
}

static void marker(int y, bool sel)
{
	if (sel)
		tui_text(y, 1, 1, tui_glyph("\xe2\x96\xb6", ">"), TUI_SELECTED);
}

void tui_draw_areas(const ys_session *s)
{
	size_t h = (size_t)list_height();
	size_t top = tui_page_top(s->row, h), i;
	char buf[64];
	int y = LIST_Y;

	tui_title("Areas", s->q->title);
	tui_text(1, 2, COLS - 4, "Choose an area to go to its first open question.", TUI_DIM);
	for (i = top; i < s->q->n_areas && i < top + h; i++, y++) {
		size_t done, total;
		bool sel = i == s->row;
		int x;

		ys_session_area_progress(s, i, &done, &total);
		snprintf(buf, sizeof(buf), "%zu", i + 1);
		marker(y, sel);
		tui_text(y, AREA_NUM_X, 3, i < 9 ? buf : "", sel ? TUI_SELECTED : TUI_KEY);
		x = AREA_TITLE_X;
		tui_text_cut(y, x, COLS - x - AREA_BAR_FROM_RIGHT - 2, s->q->areas[i].title,
			 sel ? TUI_SELECTED : TUI_NORMAL);
		tui_bar(y, COLS - AREA_BAR_FROM_RIGHT, AREA_BAR_W,
			total ? (double)done / (double)total : 0);
		snprintf(buf, sizeof(buf), "%3zu of %zu answered", done, total);
		tui_text(y, COLS - AREA_COUNT_FROM_RIGHT, AREA_COUNT_FROM_RIGHT - 1, buf,
			 done == total ? TUI_OK : TUI_DIM);
	}
	tui_key_hints(s, 0);
}

static void flags_text(unsigned f, bool workshop, char *buf, size_t n)
{
	buf[0] = '\0';
	if (f & YS_REV_VOTING)
		strncat(buf, "voting ", n - strlen(buf) - 1);
	else if (f & YS_REV_UNANSWERED)
		strncat(buf, workshop ? "unsettled " : "unanswered ", n - strlen(buf) - 1);
	if (f & YS_REV_CONTESTED)
		strncat(buf, "contested ", n - strlen(buf) - 1);
	if (f & YS_REV_DONT_KNOW)
		strncat(buf, "don't know ", n - strlen(buf) - 1);
	if (f & YS_REV_NA)
		strncat(buf, "N/A ", n - strlen(buf) - 1);
	if (f & YS_REV_PARKED)
		strncat(buf, "parked ", n - strlen(buf) - 1);
}

void tui_draw_review(const ys_session *s)
{
	size_t h = (size_t)list_height();
	size_t top = tui_page_top(s->row, h), i;
	char buf[96];
	int y = LIST_Y;
	size_t un = 0, dk = 0, na = 0, pk = 0, ct = 0;

	for (i = 0; i < s->n_review; i++) {
		unsigned f = s->review[i].flags;

		un += !!(f & YS_REV_UNANSWERED);
		dk += !!(f & YS_REV_DONT_KNOW);
		na += !!(f & YS_REV_NA);
		pk += !!(f & YS_REV_PARKED);
		ct += !!(f & YS_REV_CONTESTED);
	}
	tui_title("Review", s->q->title);
	if (s->workshop)
		snprintf(buf, sizeof(buf), "%zu unsettled, %zu parked, %zu contested, %zu don't know, %zu N/A",
			 un, pk, ct, dk, na);
	else
		snprintf(buf, sizeof(buf), "%zu unanswered, %zu parked, %zu don't know, %zu N/A",
			 un, pk, dk, na);
	tui_text(1, 2, COLS - 4, buf, TUI_HEADING);
	if (!s->n_review)
		tui_text(LIST_Y, 3, COLS - 6,
			 "Every question has an answer. Press s to see the scores.", TUI_OK);
	for (i = top; i < s->n_review && i < top + h; i++, y++) {
		const ys_question *qn = &s->q->questions[s->review[i].question];
		bool sel = i == s->row;
		int x;

		marker(y, sel);
		flags_text(s->review[i].flags, s->workshop, buf, sizeof(buf));
		tui_text(y, REVIEW_FLAGS_X, REVIEW_FLAGS_W, buf,
			 (s->review[i].flags & (YS_REV_UNANSWERED | YS_REV_CONTESTED)) ?
			 TUI_FLAG : TUI_DIM);
		snprintf(buf, sizeof(buf), "%zu", qn->index + 1);
		x = REVIEW_NUM_X;
		tui_text(y, x, 4, buf, sel ? TUI_SELECTED : TUI_KEY);
		x += 5;
		tui_text_cut(y, x, COLS - x - 1, qn->text, sel ? TUI_SELECTED : TUI_NORMAL);
	}
	tui_key_hints(s, 0);
}
