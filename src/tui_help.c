/* Key help (F1) and help for the current question (?). */
#include <curses.h>

#include <stdio.h>
#include <string.h>

#include "tui_draw.h"
#include "tui_keys.h"
#include "yardstick/text.h"

/* A line of the key help: a heading or a note (text), or a key (k). */
struct help_line {
	const char *text;
	const tui_key *k;
};

#define HELP_MAX 96

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
	tui_set_scroll_limit(n > (size_t)(LINES - 5) ? n - (size_t)(LINES - 5) : 0);
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

/* Lines of the question help, laid out from virtual row 0 and drawn
 * only between the title and the status line, shifted up by the scroll. */
struct pager {
	int v;                  /* next virtual row */
	int top, bottom;        /* screen rows shown */
	int shift;              /* virtual row shown on row top */
};

static int row_of(const struct pager *p)
{
	return p->top + p->v - p->shift;
}

static bool visible(const struct pager *p)
{
	return row_of(p) >= p->top && row_of(p) < p->bottom;
}

/* "Label value" on one line, the value wrapped under itself. */
static void labelled(struct pager *p, const char *label, int label_role,
		     const char *value, int role)
{
	int x = 2, w;

	if (visible(p))
		x += tui_text(row_of(p), 2, COLS / 2, label, label_role);
	else
		x += (int)ys_text_width(label, strlen(label));
	w = COLS - x - 2;
	p->v += tui_wrap_clip(row_of(p), x, w, value, role, p->top, p->bottom);
}

static void para(struct pager *p, const char *text, int role)
{
	p->v += tui_wrap_clip(row_of(p), 2, COLS - 4, text, role, p->top, p->bottom);
}

void tui_draw_qhelp(const ys_session *s)
{
	const ys_question *qn = &s->q->questions[s->question];
	const ys_area *ar = &s->q->areas[qn->area];
	char buf[256];
	size_t i;
	int page;
	struct pager p;
	static const char *const weight_names[] = {"", "normal", "important", "critical"};

	p.top = 2;
	p.bottom = LINES - 3;
	page = p.bottom - p.top;
	p.shift = (int)(s->scroll < 100000 ? s->scroll : 100000);
	p.v = 0;
	labelled(&p, "Area: ", TUI_DIM, ar->title, TUI_NORMAL);
	snprintf(buf, sizeof(buf), "Level %u (%s), weight %u (%s), id %s", qn->level,
		 qn->level < s->q->n_levels ? s->q->levels[qn->level].name : "?",
		 qn->weight, qn->weight <= 3 ? weight_names[qn->weight] : "", qn->id);
	para(&p, buf, TUI_DIM);
	p.v++;
	para(&p, qn->text, TUI_QUESTION);
	p.v++;
	para(&p, qn->help ? qn->help : "This question has no further guidance.",
	     qn->help ? TUI_NORMAL : TUI_DIM);
	p.v++;
	for (i = 0; i < qn->n_options && qn->red_flag; i++)
		if (qn->red_flag[i])
			labelled(&p, "Red flag answer: ", TUI_FLAG, qn->options[i].label, TUI_NORMAL);
	if (qn->advice)
		labelled(&p, "What to do: ", TUI_HEADING, qn->advice, TUI_NORMAL);
	if (qn->known_by)
		labelled(&p, "Who usually knows: ", TUI_HEADING, qn->known_by, TUI_NORMAL);
	if (qn->n_refs) {
		p.v++;
		if (visible(&p))
			tui_text(row_of(&p), 2, COLS - 4, "References", TUI_HEADING);
		p.v++;
	}
	for (i = 0; i < qn->n_refs; i++) {
		snprintf(buf, sizeof(buf), "%s: ", qn->refs[i].key);
		labelled(&p, buf, TUI_DIM, qn->refs[i].value, TUI_NORMAL);
	}
	tui_set_scroll_limit(p.v > page ? (size_t)(p.v - page) : 0);
	snprintf(buf, sizeof(buf), "Question %zu%s", s->question + 1,
		 p.v - p.shift > page ? " (more: Down)" : "");
	tui_title("Help for this question", buf);
	tui_key_hints(s, 0);
}
