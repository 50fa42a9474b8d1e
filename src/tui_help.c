/* Key help (F1) and help for the current question (?). */
#include <curses.h>

#include <stdio.h>
#include <string.h>

#include "tui_draw.h"
#include "tui_keys.h"

/* A line of the key help: a heading or a note (text), or a key (k). */
struct help_line {
	const char *text;
	const tui_key *k;
};

#define HELP_MAX 64

/* The key help of the mode from the key table: each section's heading,
 * then its keys in table order. Returns the lines. */
static size_t help_lines(bool workshop, struct help_line *out)
{
	unsigned mode = workshop ? TK_WORKSHOP : TK_INTERVIEW;
	size_t n = 0, i;
	int sec;

	for (sec = TK_HELP_NONE + 1; sec < TK_HELP_COUNT; sec++) {
		bool head = false;

		for (i = 0; i < tui_n_keys && n + 3 < HELP_MAX; i++) {
			const tui_key *k = &tui_keys[i];

			if (k->help != sec || !(k->modes & mode))
				continue;
			if (!head)
				out[n++] = (struct help_line){tui_key_help_heading(sec), NULL};
			head = true;
			out[n++] = (struct help_line){NULL, k};
		}
	}
	out[n++] = (struct help_line){"", NULL};
	out[n++] = (struct help_line){workshop ?
		"Every vote is saved as it is recorded. Contested: votes two or more steps apart." :
		"Answers are saved after every change. Run 'yardstick scorecard FILE' for reports.",
		NULL};
	return n;
}

void tui_draw_keys(const ys_session *s)
{
	struct help_line lines[HELP_MAX];
	size_t n = help_lines(s->workshop, lines), i;
	int y = 2;

	tui_title("Keys", "F1");
	for (i = s->scroll < n ? s->scroll : n - 1; i < n && y < LINES - 3; i++, y++) {
		char buf[256];

		if (lines[i].text) {
			tui_text(y, 2, COLS - 4, lines[i].text, TUI_HEADING);
			continue;
		}
		snprintf(buf, sizeof(buf), "  %-16s %s", lines[i].k->help_keys,
			 lines[i].k->help_text);
		tui_text(y, 2, COLS - 4, buf, TUI_NORMAL);
	}
	tui_key_hints(s, 0);
}

void tui_draw_qhelp(const ys_session *s)
{
	const ys_question *qn = &s->q->questions[s->question];
	const ys_area *ar = &s->q->areas[qn->area];
	char buf[256];
	int y = 2, room, x;
	size_t i;
	static const char *const weight_names[] = {"", "normal", "important", "critical"};

	snprintf(buf, sizeof(buf), "Question %zu", s->question + 1);
	tui_title("Help for this question", buf);
	x = 2 + tui_text(y, 2, 10, "Area: ", TUI_DIM);
	tui_text(y++, x, COLS - x - 2, ar->title, TUI_NORMAL);
	snprintf(buf, sizeof(buf), "Level %u (%s), weight %u (%s), id ", qn->level,
		 qn->level < s->q->n_levels ? s->q->levels[qn->level].name : "?",
		 qn->weight, qn->weight <= 3 ? weight_names[qn->weight] : "");
	x = 2 + tui_text(y, 2, COLS - 4, buf, TUI_DIM);
	tui_text(y++, x, COLS - x - 2, qn->id, TUI_DIM);
	y++;
	y += tui_wrap(y, 2, COLS - 4, 5, qn->text, TUI_QUESTION) + 1;
	room = LINES - 4 - y - (qn->n_refs ? 2 : 0);
	if (qn->help)
		y += tui_wrap(y, 2, COLS - 4, room, qn->help, TUI_NORMAL) + 1;
	else
		y += tui_wrap(y, 2, COLS - 4, room, "This question has no further guidance.",
			      TUI_DIM) + 1;
	for (i = 0; i < qn->n_options && qn->red_flag; i++) {
		if (qn->red_flag[i] && y < LINES - 4) {
			x = 2 + tui_text(y, 2, 20, "Red flag answer: ", TUI_FLAG);
			tui_text(y++, x, COLS - x - 2, qn->options[i].label, TUI_NORMAL);
		}
	}
	for (i = 0; i < qn->n_refs && y < LINES - 3; i++, y++) {
		x = 2 + tui_text(y, 2, 30, qn->refs[i].key, TUI_DIM);
		x += tui_text(y, x, 2, ": ", TUI_DIM);
		tui_text(y, x, COLS - x - 2, qn->refs[i].value, TUI_NORMAL);
	}
	tui_key_hints(s, 0);
}
