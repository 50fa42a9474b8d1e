/* Key help (F1) and help for the current question (?). */
#include <curses.h>

#include <stdio.h>
#include <string.h>

#include "tui.h"

static const char *const keys_text[] = {
	"Question screen",
	"  Up/Down, Enter   choose an option and save it; moves to the next question",
	"  1-9              choose option 1 to 9 and save it",
	"  d                don't know (counts as 0 and is listed as a knowledge gap)",
	"  x                not applicable, with a reason (where the question allows it)",
	"  n                add or change a note",
	"  p                park the question for later, or unpark it",
	"  Left/Right       previous / next question (also PgUp/PgDn)",
	"  ?                help for this question",
	"Anywhere",
	"  a                area menu          r  review what is left",
	"  s                scores (profile: owners, actions, export)",
	"  q                save and quit      Ctrl-C asks whether to quit",
	"  R / W            retry a failed save / save to another file",
	"  Esc              back to the question",
	"Profile",
	"  o                name the selected area's owner",
	"  + / -            add an action / remove the last action",
	"  e                export the scorecard",
	"",
	"Answers are saved after every change. Run 'yardstick scorecard FILE' for reports.",
};

static const char *const workshop_keys_text[] = {
	"Collecting the votes (hidden as dots until revealed)",
	"  1-9              the marked participant votes for option 1 to 9",
	"  d / x            the marked participant votes don't know / N/A",
	"  Backspace        take back the last vote",
	"  Up/Down          mark another participant (to vote again)",
	"  v                reveal the votes (Enter once everyone has voted)",
	"After the reveal",
	"  Enter            accept the proposed answer (lower median of the votes)",
	"  1-9 / d / x      choose another answer (x asks for a reason)",
	"  n                add a dissent note (saved in the note as \"Dissent: ...\")",
	"  N                edit the whole note",
	"Any question",
	"  p                park the question for later, or unpark it",
	"  Left/Right       previous / next question (also PgUp/PgDn)",
	"  ?                help for this question",
	"Anywhere",
	"  a                area menu          r  review: unsettled, parked, contested",
	"  s                scores (profile: owners, actions, export)",
	"  q                save and quit      Ctrl-C asks whether to quit",
	"  R / W            retry a failed save / save to another file",
	"  Esc              back to the question",
	"Profile",
	"  o                name the selected area's owner",
	"  + / -            add an action / remove the last action",
	"  e                export the scorecard",
	"",
	"Every vote is saved as it is recorded. Contested: votes two or more steps apart.",
};

static void draw_lines(const char *const *lines, size_t n, size_t scroll)
{
	size_t i;
	int y = 2;

	for (i = scroll; i < n && y < LINES - 3; i++, y++) {
		bool head = lines[i][0] && lines[i][0] != ' ';

		tui_text(y, 2, COLS - 4, lines[i], head ? TUI_HEADING : TUI_NORMAL);
	}
}

void tui_draw_keys(const ys_session *s)
{
	const char *const *text = s->workshop ? workshop_keys_text : keys_text;
	size_t n = s->workshop ? sizeof(workshop_keys_text) / sizeof(workshop_keys_text[0]) :
				 sizeof(keys_text) / sizeof(keys_text[0]);

	tui_title(s, "Keys", "F1");
	draw_lines(text, n, s->scroll < n ? s->scroll : n - 1);
	tui_hints(LINES - 1, "any key back  Up/Down scroll");
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
	tui_title(s, "Help for this question", buf);
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
	tui_hints(LINES - 1, "any key back to the question");
}
