/* The question screen: position, progress, the question and its options. */
#include <curses.h>

#include <stdio.h>
#include <string.h>

#include "tui_draw.h"
#include "tui_keys.h"

/* Column where option labels start: "  > 1  Label". */
#define OPT_X 2
/* Row 2: the progress bar from column 1, then the count after it. */
#define BAR_X 1
#define BAR_W 40

static void draw_header(const ys_session *s, const ys_question *qn)
{
	size_t answered = ys_session_answered(s), total = s->q->n_questions;
	char buf[160];

	tui_question_title(s, qn);

	tui_bar(2, BAR_X, BAR_W, total ? (double)answered / (double)total : 0);
	snprintf(buf, sizeof(buf), " %zu of %zu answered (%zu%%)", answered, total,
		 total ? answered * 100 / total : 0);
	tui_text(2, BAR_X + BAR_W, COLS - BAR_X - BAR_W - 1, buf, TUI_DIM);
}

/* The answer given so far, as words. */
static const char *answer_words(const ys_question *qn, const ys_response *r)
{
	switch (r->choice.kind) {
	case YS_ANS_OPTION:
		return qn->options[r->choice.option].label;
	case YS_ANS_DONT_KNOW:
		return "Don't know";
	case YS_ANS_NA:
		return "N/A";
	default:
		break;
	}
	return NULL;
}

/* What counts as evidence, from the question's help ("What counts: ..."
 * onwards, or from its start), in the rows from y to end, at most three;
 * nothing when not even one line fits. */
static void evidence(const ys_session *s, const ys_question *qn, int y, int end)
{
	const char *from;
	int x, rows = end - y;

	(void)s;
	if (!qn->help || rows < 1)
		return;
	if (rows > 3)
		rows = 3;
	from = strstr(qn->help, "What counts");
	if (!from)
		from = qn->help;
	x = 2 + tui_text(y, 2, 12, "Help (?): ", TUI_DIM);
	tui_wrap(y, x, COLS - x - 2 > 94 ? 94 : COLS - x - 2, rows, from, TUI_DIM);
}

void tui_draw_question(const ys_session *s)
{
	const ys_question *qn = &s->q->questions[s->question];
	const ys_response *r = ys_session_response(s, s->question);
	const char *given = answer_words(qn, r);
	int width = COLS - 4 > 96 ? 96 : COLS - 4;
	int below = (int)qn->n_options + 8;     /* options, extras, status, hints */
	int max_q = LINES - 4 - below;
	int y = 4, i, lines;
	char buf[64];

	draw_header(s, qn);
	if (max_q < 2)
		max_q = 2;
	lines = tui_wrap(y, 2, width, max_q, qn->text, TUI_QUESTION);
	y += lines + 1;

	for (i = 0; i < (int)qn->n_options && y < LINES - 5; i++, y++) {
		bool sel = i == s->option;
		bool cur = r->choice.kind == YS_ANS_OPTION && r->choice.option == i;
		bool flag = qn->red_flag && qn->red_flag[i];
		int x;

		/* The selection is the marker and the digit in one run of the
		 * selected role, so a move rewrites a few cells per row. */
		snprintf(buf, sizeof(buf), "%s %c", sel ? tui_glyph("\xe2\x96\xb6", ">") : " ",
			 i < 9 ? '1' + i : ' ');
		if (sel)
			tui_text(y, OPT_X, 3, buf, TUI_SELECTED);
		else
			tui_text(y, OPT_X + 2, 1, buf + 2, TUI_KEY);
		x = OPT_X + 5;
		x += tui_text(y, x, COLS - x - 14 - (flag ? 13 : 0), qn->options[i].label,
			      cur ? TUI_CURRENT : TUI_NORMAL);
		/* Marked in words as well as colour, so it reads in monochrome. */
		if (flag)
			x += 1 + tui_text(y, x + 1, 12, "! red flag", TUI_FLAG);
		if (cur)
			tui_text(y, x + 1, 13, tui_glyph("\xe2\x9c\x93 answer", "* answer"),
				 TUI_CURRENT);
	}
	y++;
	{
		int x = OPT_X + 4;

		x += tui_text(y, x, 2, "d", TUI_KEY) + 1;
		x += tui_text(y, x, 12, "Don't know",
			      r->choice.kind == YS_ANS_DONT_KNOW ? TUI_CURRENT : TUI_NORMAL);
		if (qn->allow_na) {
			x += 4;
			x += tui_text(y, x, 2, "x", TUI_KEY) + 1;
			x += tui_text(y, x, 20, "N/A (with a reason)",
				      r->choice.kind == YS_ANS_NA ? TUI_CURRENT : TUI_NORMAL);
		}
		if (r->parked) {
			x += 4;
			tui_text(y, x, COLS - x - 1, "PARKED for later", TUI_FLAG);
		}
	}
	y++;
	if (y < LINES - 4 && given && r->choice.kind != YS_ANS_OPTION) {
		int x = 2 + tui_text(y, 2, 10, "Answer: ", TUI_DIM);

		x += tui_text(y, x, 12, given, TUI_CURRENT);
		if (r->choice.kind == YS_ANS_NA && r->na_reason) {
			x += tui_text(y, x, 4, " - ", TUI_DIM);
			tui_text(y, x, COLS - x - 1, r->na_reason, TUI_NORMAL);
		}
		y++;
	}
	if (y < LINES - 4 && r->note) {
		int x = 2 + tui_text(y, 2, 8, "Note: ", TUI_DIM);

		/* One line; a longer note ends in an ellipsis. */
		tui_wrap(y, x, COLS - x - 1, 1, r->note, TUI_NORMAL);
		y++;
	}
	evidence(s, qn, y + 1, LINES - 4);
	tui_key_hints(s, qn->allow_na ? TK_IF_NA : 0);
}
