/* The profile: a bar per area on the maturity scale with the target
 * marked, maturity, level and target, the overall maturity and practice
 * score, the weakest area, red flags, knowledge gaps, and each area's owner and
 * actions. */
#include <curses.h>

#include <stddef.h>
#include <stdio.h>
#include <string.h>

#include "tui_draw.h"
#include "tui_keys.h"
#include "yardstick/explain.h"
#include "yardstick/report.h"
#include "yardstick/score.h"

/* The widest bar: cells for every level above 0, plus the target mark. */
#define BAR_W 19
/* Columns of the area table at 80 columns; wider terminals give the
 * title extra() more and move the rest right. */
#define TITLE_X 3
#define TITLE_W 26
#define BAR_X 31
#define MATURITY_X 52
#define STATE_X 53
#define LEVEL_X 57
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
	tui_text(y, TITLE_X, TITLE_W + extra(), s->q->areas[ai].title, sel ? TUI_SELECTED : TUI_NORMAL);
	tui_maturity_bar(y, BAR_X + extra(), per, levels_above_0(s->q), as,
			 s->score.has_target);
	if (as->state != YS_AREA_ASSESSED) {
		tui_text(y, STATE_X + extra(), 26, as->state == YS_AREA_NOT_APPLICABLE ?
			 "not applicable" : "not assessed", TUI_DIM);
		return;
	}
	tui_text(y, MATURITY_X + extra(), 4, ys_maturity_str(as->maturity, m),
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

/* "Label: id, id, ..." for a list of questions over every area. */
static void qlist_line(const ys_session *s, int y, const char *label,
		       size_t offset, int role)
{
	char buf[512];
	size_t a, i, n = 0, used;
	int x;

	buf[0] = '\0';
	used = 0;
	for (a = 0; a < s->score.n_areas; a++) {
		const ys_qlist *l = (const ys_qlist *)((const char *)&s->score.areas[a] + offset);

		for (i = 0; i < l->count; i++, n++) {
			const char *id = s->q->questions[l->items[i]].id;
			int w = snprintf(buf + used, sizeof(buf) - used, "%s%s",
					 n ? ", " : "", id);

			if (w < 0 || (size_t)w >= sizeof(buf) - used)
				break;
			used += (size_t)w;
		}
	}
	x = 2 + tui_text(y, 2, 30, label, TUI_HEADING);
	if (!n) {
		tui_text(y, x, COLS - x - 1, "none", TUI_DIM);
		return;
	}
	{
		char cnt[32];

		snprintf(cnt, sizeof(cnt), "%zu: ", n);
		x += tui_text(y, x, 10, cnt, role);
	}
	tui_text(y, x, COLS - x - 1, buf, role);
}

/* Why the selected area is at its level and what the next one needs, in
 * at most room lines from row y; returns the lines used. */
static int explain(const ys_session *s, int y, int room)
{
	ys_explanation ex;
	int used = 0, w = COLS - 6 > 100 ? 100 : COLS - 6;

	if (room <= 0)
		return 0;
	if (ys_explain_area(s->q, s->a, &s->score, s->row, &ex)) {
		if (ex.why)
			used += tui_wrap(y, 4, w, room > 2 && ex.next ? 2 : room, ex.why, TUI_NORMAL);
		if (ex.next && used < room)
			used += tui_wrap(y + used, 4, w, room - used, ex.next, TUI_DIM);
	}
	ys_explanation_free(&ex);
	return used;
}

void tui_draw_profile(const ys_session *s)
{
	const ys_score *sc = &s->score;
	size_t n = s->q->n_areas, h = n < 8 ? n : 8, top, i;
	const ys_area_record *r;
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
	y = 2 + (int)h + 1;

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
	if (sc->has_percent_to_target && x < COLS - 20) {
		snprintf(buf, sizeof(buf), "%ld%% to target", ys_percent_shown(sc->percent_to_target));
		x += tui_text(y, x, COLS - x - 1, buf, TUI_NORMAL);
	}
	y++;
	snprintf(buf, sizeof(buf), "Owners named for %ld%% of areas",
		 ys_percent_shown(sc->ownership_clarity));
	tui_text(y++, 2, COLS - 4, buf, TUI_DIM);
	qlist_line(s, y++, "Red flags: ", offsetof(ys_area_score, red_flags), TUI_FLAG);
	qlist_line(s, y++, "Knowledge gaps: ", offsetof(ys_area_score, dont_know), TUI_NORMAL);
	y++;

	r = record(s, s->row);
	snprintf(buf, sizeof(buf), "%s", s->q->areas[s->row].title);
	tui_text(y++, 2, COLS - 4, buf, TUI_HEADING);
	y += explain(s, y, LINES - 3 - y - 2);
	x = 4 + tui_text(y, 4, 8, "Owner: ", TUI_DIM);
	if (r && r->owner)
		tui_text(y, x, COLS - x - 1, r->owner, TUI_NORMAL);
	else
		tui_text(y, x, COLS - x - 1, "none yet (o to name one)", TUI_DIM);
	y++;
	if (!r || !r->n_actions) {
		tui_text(y++, 4, COLS - 6, "No actions yet (+ to add one)", TUI_DIM);
	} else {
		for (i = 0; i < r->n_actions && y < LINES - 3; i++, y++) {
			const ys_action *ac = &r->actions[i];

			x = 4 + tui_text(y, 4, 2, "-", TUI_DIM) + 1;
			x += tui_text(y, x, COLS - x - 30, ac->text, TUI_NORMAL);
			if (ac->owner || ac->due) {
				snprintf(buf, sizeof(buf), " (%s%s%s)", ac->owner ? ac->owner : "",
					 ac->owner && ac->due ? ", due " : (ac->due ? "due " : ""),
					 ac->due ? ac->due : "");
				tui_text(y, x, COLS - x - 1, buf, TUI_DIM);
			}
		}
	}
	tui_key_hints(s, TK_IF_SCORED);
}
