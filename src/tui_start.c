/* The start screen (organisation, assessors, target profile,
 * questionnaire) and the screen shown when the questionnaire changed since
 * the answers file was started. */
#include <curses.h>

#include <stdio.h>
#include <string.h>

#include "tui_draw.h"
#include "yardstick/alloc.h"
#include "yardstick/text.h"

static void field(int y, const ys_session *s, int which, const char *label,
		  const char *value, const char *placeholder)
{
	bool sel = ys_session_start_field(s, s->row) == which;
	int x = 4;

	if (sel)
		tui_text(y, 2, 1, tui_glyph("\xe2\x96\xb6", ">"), TUI_SELECTED);
	tui_text(y, x, 18, label, sel ? TUI_SELECTED : TUI_HEADING);
	x = 24;
	if (value && *value)
		tui_text(y, x, COLS - x - 2, value, TUI_NORMAL);
	else
		tui_text(y, x, COLS - x - 2, placeholder, TUI_DIM);
}

void tui_draw_start(const ys_session *s)
{
	char buf[256], *assessors = NULL;
	const char *target, *qtitle;
	const char *what = s->workshop ? "workshop" : "assessment";
	int y = 2, lines;
	bool on_begin = ys_session_start_field(s, s->row) == YS_START_BEGIN;

	/* The fields, and the line under an offer to resume. */
	size_t n_fields = ys_session_start_rows(s) - 1 +
			  (s->opts.offer_path && s->opts.offer_label ? 1 : 0);
	int gaps = 2, desc = 0, room;

	snprintf(buf, sizeof(buf), "yardstick: new %s", what);
	tui_title(buf, s->q->version);
	y += tui_wrap(y, 2, COLS - 4, 1, s->q->title, TUI_QUESTION);
	/* The description holds the questionnaire's instructions: it gets
	 * every row the fields leave, and the blank rows go first. */
	room = LINES - 3 - y - (int)n_fields - 2;
	if (s->q->description) {
		desc = tui_wrap_count(s->q->description, COLS - 4);
		while (gaps > 0 && desc + gaps > room)
			gaps--;
		lines = tui_wrap(y, 2, COLS - 4, room - gaps > 1 ? room - gaps : 1,
				 s->q->description, TUI_DIM);
		y += lines;
	}
	if (gaps > 0)
		y++;
	if (s->opts.offer_path) {
		field(y++, s, YS_START_RESUME, "Resume", s->opts.offer_path, "");
		if (s->opts.offer_label)
			tui_text(y++, 24, COLS - 26, s->opts.offer_label, TUI_DIM);
	}
	field(y++, s, YS_START_ORG, "Organisation", s->a->organisation,
	      "(Enter to type the organisation's name)");
	if (s->workshop) {
		assessors = ys_names_join(s->a->participants, s->a->n_participants);
		field(y++, s, YS_START_PARTICIPANTS, "Participants", assessors,
		      "(Enter to type names or initials, comma separated)");
	} else {
		assessors = ys_names_join(s->a->assessors, s->a->n_assessors);
		field(y++, s, YS_START_ASSESSORS, "Assessors", assessors,
		      "(Enter to type names, comma separated)");
	}
	ys_free(assessors);
	target = s->target >= 0 ? s->q->targets[s->target].name : NULL;
	snprintf(buf, sizeof(buf), "%s %s %s", tui_glyph("\xe2\x97\x80", "<"),
		 target ? target : "none", tui_glyph("\xe2\x96\xb6", ">"));
	field(y++, s, YS_START_TARGET, "Target profile", buf, "");
	if (s->workshop) {
		char box[32];

		if (s->timebox)
			snprintf(box, sizeof(box), "%u minutes per area", s->timebox);
		else
			snprintf(box, sizeof(box), "none");
		snprintf(buf, sizeof(buf), "%s %s %s", tui_glyph("\xe2\x97\x80", "<"), box,
			 tui_glyph("\xe2\x96\xb6", ">"));
		field(y++, s, YS_START_TIMEBOX, "Time box", buf, "");
	}
	if (s->opts.n_q > 0)
		qtitle = s->opts.q_titles ? s->opts.q_titles[s->q_choice] :
					    s->opts.q_ids[s->q_choice];
	else
		qtitle = s->q->title;
	snprintf(buf, sizeof(buf), "%s %s %s",
		 s->opts.n_q > 1 ? tui_glyph("\xe2\x97\x80", "<") : "",
		 qtitle, s->opts.n_q > 1 ? tui_glyph("\xe2\x96\xb6", ">") : "");
	field(y++, s, YS_START_QUESTIONNAIRE, "Questionnaire", buf, "");
	if (gaps > 1)
		y++;
	snprintf(buf, sizeof(buf), " Begin the %s ", what);
	if (on_begin) {
		tui_text(y, 2, 1, tui_glyph("\xe2\x96\xb6", ">"), TUI_SELECTED);
		lines = tui_text(y, 4, 30, buf, TUI_SELECTED);
	} else {
		lines = tui_text(y, 4, 30, buf, TUI_HEADING);
	}
	snprintf(buf, sizeof(buf), "%zu areas, %zu questions", s->q->n_areas, s->q->n_questions);
	tui_text(y, 4 + lines + 2, COLS - lines - 8, buf, TUI_DIM);
	y++;
	if (y < LINES - 3) {
		int x;

		x = 4 + tui_text(y, 4, COLS - 6, ys_session_path(s) ? "Answers file: " :
				 "Answers are saved after every change.", TUI_DIM);
		if (ys_session_path(s)) {
			x += tui_text(y, x, COLS - x - 2, ys_session_path(s), TUI_NORMAL);
			tui_text(y, x, COLS - x - 2, ", saved after every change.", TUI_DIM);
		}
	}
	tui_key_hints(s, 0);
}

static int list_lines(int y, int max, const char *head, const char *const *ids, size_t n)
{
	size_t i;
	int used = 0;

	if (!n || max <= 0)
		return 0;
	tui_text(y, 2, COLS - 4, head, TUI_HEADING);
	used++;
	for (i = 0; i < n && used < max; i++) {
		if (used == max - 1 && i + 1 < n) {
			char more[64];

			snprintf(more, sizeof(more), "... and %zu more", n - i);
			tui_text(y + used++, 4, COLS - 6, more, TUI_DIM);
			break;
		}
		tui_text(y + used++, 4, COLS - 6, ids[i], TUI_NORMAL);
	}
	return used;
}

void tui_draw_changed(const ys_session *s)
{
	char buf[512];
	int y = 2, room;

	tui_title("yardstick: the questionnaire has changed", NULL);
	snprintf(buf, sizeof(buf),
		 "This answers file was started with %s version %s. The questionnaire "
		 "loaded now is version %s, with different content. Your answers are kept; "
		 "answers to removed questions stay in the file but no longer count.",
		 s->a->q_id ? s->a->q_id : "?",
		 s->a->q_version ? s->a->q_version : "?", s->q->version);
	y += tui_wrap(y, 2, COLS - 4, 5, buf, TUI_NORMAL) + 1;
	room = LINES - 4 - y;
	if (!s->opts.n_removed && !s->opts.n_added) {
		tui_wrap(y, 2, COLS - 4, 2,
			 "No questions were added or removed (wording, options or scoring may differ).",
			 TUI_DIM);
	} else {
		int half = s->opts.n_added ? room / 2 : room;
		int used = list_lines(y, half, "Questions removed:",
				      s->opts.removed, s->opts.n_removed);

		y += used + (used ? 1 : 0);
		list_lines(y, LINES - 4 - y, "Questions added:",
			   s->opts.added, s->opts.n_added);
	}
	tui_key_hints(s, 0);
}
