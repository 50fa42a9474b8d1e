/* The profile: a bar per area on the maturity scale with the target
 * marked, maturity, level and target, the overall maturity and practice
 * score, the weakest area, red flags, knowledge gaps, and each area's owner and
 * actions. */
#include <curses.h>

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "tui_draw.h"
#include "tui_keys.h"
#include "yardstick/explain.h"
#include "yardstick/report.h"
#include "yardstick/score.h"
#include "yardstick/strbuf.h"
#include "yardstick/text.h"

/* The widest bar: cells for every level above 0, plus the target mark. */
#define BAR_W 19
/* Columns of the area table at 80 columns ("0 Below basics" fills the
 * level column; one space before the target); wider terminals give the
 * title extra() more and move the rest right. */
#define TITLE_X 3
#define TITLE_W 26
#define BAR_X 31
#define MATURITY_X 51
#define STATE_X 53
#define LEVEL_X 56
#define TARGET_X 71

/* Extra columns for area titles on wide terminals (up to 40). */
static int extra(void)
{
	int e = COLS - 80;

	return e < 0 ? 0 : e > 40 ? 40 : e;
}

static const ys_area_record *record(const ys_session *s, size_t ai)
{
	return ys_answers_area(s->a, s->q->areas[ai].id);
}

static size_t levels_above_0(const ys_questionnaire *q)
{
	return q->n_levels > 1 ? q->n_levels - 1 : 1;
}

static void area_row(const ys_session *s, int y, size_t ai)
{
	const ys_area_score *as = &s->score.areas[ai];
	bool sel = ai == s->row;
	size_t per = ys_bar_per_level(s->q, BAR_W - 1);
	char buf[96], m[YS_FIGURE_BUF];

	if (sel)
		tui_text(y, 1, 1, tui_glyph("\xe2\x96\xb6", ">"), TUI_SELECTED);
	tui_text_cut(y, TITLE_X, TITLE_W + extra(), s->q->areas[ai].title,
		     sel ? TUI_SELECTED : TUI_NORMAL);
	tui_maturity_bar(y, BAR_X + extra(), per, levels_above_0(s->q), as,
			 s->score.has_target);
	if (as->state != YS_AREA_ASSESSED) {
		tui_text(y, STATE_X + extra(), 26, as->state == YS_AREA_NOT_APPLICABLE ?
			 "not applicable" : "not assessed", TUI_DIM);
		return;
	}
	tui_text(y, MATURITY_X + extra(), 3, ys_maturity_str(as->maturity, m),
		 TUI_NORMAL);
	snprintf(buf, sizeof(buf), "%d %s", as->level,
		 (size_t)as->level < s->q->n_levels ? s->q->levels[as->level].name : "?");
	tui_text(y, LEVEL_X + extra(), 14, buf, TUI_HEADING);
	if (as->target > 0) {
		snprintf(buf, sizeof(buf), "%u %s", as->target,
			 as->target_met ? "met" : "not met");
		tui_text(y, TARGET_X + extra(), 9, buf, as->target_met ? TUI_OK : TUI_FLAG);
	}
}

/* "Label (n): Q6 text; Q40 text" for a list of questions over every
 * area, on one line that ends in an ellipsis when it is cut. */
static void qlist_line(const ys_session *s, int y, const char *label,
		       size_t offset, int role)
{
	ys_sb sb;
	size_t a, i, n = 0;
	int x;
	char head[64];

	memset(&sb, 0, sizeof(sb));
	for (a = 0; a < s->score.n_areas; a++) {
		const ys_qlist *l = (const ys_qlist *)((const char *)&s->score.areas[a] + offset);

		for (i = 0; i < l->count; i++, n++)
			ys_sb_printf(&sb, "%sQ%zu %s", n ? "; " : "", l->items[i] + 1,
				     s->q->questions[l->items[i]].text);
	}
	snprintf(head, sizeof(head), n ? "%s (%zu): " : "%s: ", label, n);
	x = 2 + tui_text(y, 2, 30, head, TUI_HEADING);
	if (!n)
		tui_text(y, x, COLS - x - 1, "none", TUI_DIM);
	else if (!sb.oom && sb.buf)
		tui_wrap(y, x, COLS - x - 1, 1, sb.buf, role);
	ys_sb_free(&sb);
}

/* One row of the selected area's list: a blocker or an action. */
struct drow {
	size_t item;            /* the item, SIZE_MAX for a heading or advice line */
	const char *label;      /* before text: "What to do: " */
	const char *text;       /* advice text */
	int role;
};

static void blocker_row(const ys_session *s, int y, const ys_blocker *b, bool sel)
{
	const ys_question *qn = &s->q->questions[b->question];
	const ys_response *r = ys_session_response(s, b->question);
	bool red = b->red_flag || (r->choice.kind == YS_ANS_OPTION && qn->red_flag &&
				   qn->red_flag[r->choice.option]);
	char buf[32];
	int x = 4, w;

	if (sel)
		tui_text(y, 2, 1, tui_glyph("\xe2\x96\xb6", ">"), TUI_SELECTED);
	snprintf(buf, sizeof(buf), "Q%zu ", b->question + 1);
	x += tui_text(y, x, 8, buf, TUI_KEY);
	/* The question, with an ellipsis when cut; the answers in a column. */
	w = COLS - x - 2 - 30;
	tui_wrap(y, x, w, 1, qn->text, sel ? TUI_SELECTED : TUI_NORMAL);
	x += w + 2;
	/* A red flag is said in words too, for monochrome screens. */
	x += tui_text(y, x, 12, red ? "! red flag: " : "now: ", red ? TUI_FLAG : TUI_DIM);
	tui_text(y, x, COLS - x - 1, b->answer ? b->answer : "unanswered", TUI_CURRENT);
}

static void action_row(int y, const ys_action *ac, bool sel)
{
	char buf[256] = "";
	int x, pw = 0, tw;

	if (sel)
		tui_text(y, 2, 1, tui_glyph("\xe2\x96\xb6", ">"), TUI_SELECTED);
	x = 4 + tui_text(y, 4, 2, "-", TUI_DIM) + 1;
	if (ac->owner || ac->due) {
		snprintf(buf, sizeof(buf), " (%s%s%s)", ac->owner ? ac->owner : "",
			 ac->owner && ac->due ? ", due " : (ac->due ? "due " : ""),
			 ac->due ? ac->due : "");
		pw = (int)ys_text_width(buf, strlen(buf));
		if (pw > (COLS - x) / 2)
			pw = (COLS - x) / 2;
	}
	/* The text gives way to the owner and due date, with an ellipsis. */
	tw = (int)ys_text_width(ac->text, strlen(ac->text));
	if (tw > COLS - x - 1 - pw)
		tw = COLS - x - 1 - pw;
	tui_wrap(y, x, tw, 1, ac->text, sel ? TUI_SELECTED : TUI_NORMAL);
	if (pw)
		tui_text(y, x + tw, pw, buf, TUI_DIM);
}

/* The selected area: why it is at its level, its blockers with their
 * answers (and the selected one's advice), its owner and its actions,
 * from row y to row end - 1, scrolled so that the selected item shows. */
static void area_detail(const ys_session *s, int y, int end)
{
	const ys_area_record *r = record(s, s->row);
	ys_explanation ex;
	struct drow rows[256];
	size_t nr = 0, i, nb = 0, sel_row = 0, top = 0;
	int w = COLS - 6 > 100 ? 100 : COLS - 6, x, room;
	char head[128];
	bool have = ys_explain_area(s->q, s->a, &s->score, s->row, &ex);

	x = 2 + tui_text(y, 2, COLS / 2, s->q->areas[s->row].title, TUI_HEADING);
	x += tui_text(y, x, 10, "   Owner: ", TUI_DIM);
	if (r && r->owner)
		tui_text(y, x, COLS - x - 1, r->owner, TUI_NORMAL);
	else
		tui_text(y, x, COLS - x - 1, "none yet (o names one)", TUI_DIM);
	y++;
	if (!have) {
		tui_text(y, 4, w, "Out of memory: the explanation cannot be shown.", TUI_ERROR);
		ys_explanation_free(&ex);
		return;
	}
	nb = ex.n_blockers;
	/* The rows of the list: the blockers, the selected one's advice,
	 * then the actions. */
	if (nb) {
		snprintf(head, sizeof(head), "What blocks the next level (%zu; Enter goes to one):", nb);
		rows[nr++] = (struct drow){SIZE_MAX, NULL, NULL, TUI_DIM};
	}
	for (i = 0; i < nb && nr < 250; i++) {
		if (s->item == i)
			sel_row = nr;
		rows[nr++] = (struct drow){i, NULL, NULL, 0};
		if (s->item == i && ex.blockers[i].advice)
			rows[nr++] = (struct drow){SIZE_MAX, "What to do: ", ex.blockers[i].advice,
						   TUI_NORMAL};
		if (s->item == i && ex.blockers[i].known_by)
			rows[nr++] = (struct drow){SIZE_MAX, "Who usually knows: ",
						   ex.blockers[i].known_by, TUI_NORMAL};
	}
	rows[nr++] = (struct drow){SIZE_MAX, NULL, NULL, TUI_HEADING}; /* actions heading */
	for (i = 0; r && i < r->n_actions && nr < 255; i++) {
		if (s->item == nb + i)
			sel_row = nr;
		rows[nr++] = (struct drow){nb + i, NULL, NULL, 0};
	}
	/* Why, in the rows the list leaves (one at least, two at most). */
	room = end - y - (int)nr;
	if (ex.why)
		y += tui_wrap(y, 4, w, room >= 2 ? 2 : 1, ex.why, TUI_NORMAL);
	room = end - y;
	if (room <= 0) {
		ys_explanation_free(&ex);
		return;
	}
	/* Scroll: the selected item, and the advice under it, show. */
	if ((size_t)room < nr) {
		size_t want = sel_row + 3 < nr ? sel_row + 3 : nr;

		if (want > (size_t)room)
			top = want - (size_t)room;
		if (top > sel_row)
			top = sel_row;
	}
	for (i = top; i < nr && y < end; i++, y++) {
		const struct drow *d = &rows[i];
		bool first = i == top && top > 0, last = y == end - 1 && i + 1 < nr;

		if (first || last) {
			snprintf(head, sizeof(head), "%s %zu more", first ?
				 tui_glyph("\xe2\x86\x91", "^") : tui_glyph("\xe2\x86\x93", "v"),
				 first ? top + 1 : nr - i);
			tui_text(y, 4, COLS - 6, head, TUI_KEY);
			continue;
		}
		if (d->item != SIZE_MAX && d->item < nb) {
			blocker_row(s, y, &ex.blockers[d->item], d->item == s->item);
		} else if (d->item != SIZE_MAX) {
			action_row(y, &r->actions[d->item - nb], d->item == s->item);
		} else if (d->text) {
			x = 8 + tui_text(y, 8, 24, d->label, TUI_DIM);
			tui_wrap(y, x, COLS - x - 2, 1, d->text, d->role);
		} else if (d->role == TUI_HEADING) {
			if (r && r->n_actions)
				snprintf(head, sizeof(head), "Actions (%zu; + adds, Enter edits, - deletes):",
					 r->n_actions);
			else
				snprintf(head, sizeof(head), "No actions yet (+ adds one)");
			tui_text(y, 2, COLS - 4, head, TUI_DIM);
		} else {
			snprintf(head, sizeof(head), "What blocks the next level (%zu; Enter goes to one):",
				 nb);
			tui_text(y, 2, COLS - 4, head, TUI_DIM);
		}
	}
	ys_explanation_free(&ex);
}

void tui_draw_profile(const ys_session *s)
{
	const ys_score *sc = &s->score;
	size_t n = s->q->n_areas, h = n < 8 ? n : 8, top, i;
	char buf[256], right[64];
	int y = 2, x;

	if (sc->provisional)
		snprintf(right, sizeof(right), "PROVISIONAL: %zu of %zu answered",
			 sc->answered, sc->total);
	else
		snprintf(right, sizeof(right), "FINAL: all %zu answered", sc->total);
	tui_title("Profile", s->has_score ? right : "");
	if (!s->has_score || sc->n_areas != n) {
		tui_text(2, 2, COLS - 4, "The scores could not be computed.", TUI_ERROR);
		tui_key_hints(s, 0);
		return;
	}
	tui_text(1, TITLE_X, TITLE_W + extra(), "Area", TUI_DIM);
	tui_text(1, BAR_X + extra(), BAR_W, "Maturity", TUI_DIM);
	tui_text(1, LEVEL_X + extra(), 14, "Level", TUI_DIM);
	tui_text(1, TARGET_X + extra(), 9, "Target", TUI_DIM);
	top = tui_page_top(s->row, h);
	for (i = top; i < n && i < top + h; i++)
		area_row(s, y++, i);
	y = 2 + (int)h;

	x = 2;
	if (sc->assessed) {
		char m[YS_FIGURE_BUF];

		snprintf(buf, sizeof(buf), "Maturity %s of %zu, practice %ld",
			 ys_maturity_str(sc->maturity, m),
			 levels_above_0(s->q), ys_practice_shown(sc->practice));
		x += tui_text(y, x, 36, buf, TUI_HEADING) + 3;
	}
	if (sc->weakest_area >= 0) {
		x += tui_text(y, x, 9, "Weakest: ", TUI_DIM);
		x += tui_text(y, x, 28, s->q->areas[sc->weakest_area].title, TUI_NORMAL) + 3;
	}
	if (sc->has_percent_to_target && x < COLS - 16) {
		snprintf(buf, sizeof(buf), "%ld%% to target", ys_percent_shown(sc->percent_to_target));
		x += tui_text(y, x, COLS - x - 1, buf, TUI_NORMAL) + 3;
	}
	y++;
	snprintf(buf, sizeof(buf), "Owners named for %ld%% of areas",
		 ys_percent_shown(sc->ownership_clarity));
	tui_text(y++, 2, COLS - 4, buf, TUI_DIM);
	qlist_line(s, y++, "Red flags", offsetof(ys_area_score, red_flags), TUI_FLAG);
	qlist_line(s, y++, "Knowledge gaps", offsetof(ys_area_score, dont_know), TUI_NORMAL);
	area_detail(s, y, LINES - 3);
	tui_key_hints(s, TK_IF_SCORED);
}
