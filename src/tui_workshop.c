/* The workshop's question screen, for a projector: the question, one row
 * per participant (a dot for each hidden vote, the vote once revealed),
 * the answers with a histogram of the votes, the range and CONTESTED, and
 * the proposed consensus. The header carries the question timer and the
 * area's time box. */
#include <curses.h>

#include <stdio.h>
#include <string.h>

#include "tui_draw.h"
#include "tui_keys.h"
#include "yardstick/alloc.h"
#include "yardstick/consensus.h"
#include "yardstick/text.h"

/* The question's widest line; the participants' panel on the left, wider
 * from WIDE_COLS columns; the answers take the rest. */
#define TEXT_MAX_W 110
#define WIDE_COLS 100
#define VOTERS_W 26
#define VOTERS_WIDE_W 34

/* Time as mm:ss (minutes may run past 99). */
static void mmss(char *buf, size_t n, long secs)
{
	if (secs < 0)
		secs = -secs;
	snprintf(buf, n, "%02ld:%02ld", secs / 60, secs % 60);
}

static void draw_header(const ys_session *s, const ys_question *qn)
{
	size_t answered = ys_session_answered(s), total = s->q->n_questions;
	char right[64], buf[160], t[32];
	int x, rx;

	tui_question_title(s, qn);

	/* Row 2: progress, then the question timer and the area's time box
	 * at the right. */
	tui_bar(2, 1, 20, total ? (double)answered / (double)total : 0);
	snprintf(buf, sizeof(buf), " %zu of %zu settled", answered, total);
	x = 21 + tui_text(2, 21, 24, buf, TUI_DIM);
	if (ys_session_response(s, s->question)->parked)
		x += 2 + tui_text(2, x + 2, 8, "PARKED", TUI_FLAG);
	rx = COLS - 1;
	if (s->timebox) {
		long left = ys_session_area_left(s, qn->area);
		char box[32];

		mmss(box, sizeof(box), left);
		if (left >= 0)
			snprintf(buf, sizeof(buf), "Area box %s left", box);
		else
			snprintf(buf, sizeof(buf), "Area box OVER %s", box);
		rx -= (int)strlen(buf);
		if (rx > x + 1)
			tui_text(2, rx, COLS - rx - 1, buf, left >= 0 ? TUI_HEADING : TUI_ERROR);
		rx -= 3;
	}
	mmss(t, sizeof(t), ys_session_question_seconds(s));
	snprintf(right, sizeof(right), "Time %s", t);
	rx -= (int)strlen(right);
	if (rx > x + 1)
		tui_text(2, rx, (int)strlen(right), right, TUI_KEY);
}

/* A vote in a few words: "3 Most", "d Don't know", "x N/A". */
static void vote_words(const ys_question *qn, ys_choice c, char *buf, size_t n)
{
	switch (c.kind) {
	case YS_ANS_OPTION:
		snprintf(buf, n, "%d %s", c.option + 1, qn->options[c.option].label);
		break;
	case YS_ANS_DONT_KNOW:
		snprintf(buf, n, "d Don't know");
		break;
	case YS_ANS_NA:
		snprintf(buf, n, "x N/A");
		break;
	default:
		snprintf(buf, n, "-");
		break;
	}
}

/* The participants: rows from y to y + rows - 1, in as many columns of
 * the panel's width as they need. */
static void draw_voters(const ys_session *s, const ys_question *qn, int y,
			int rows, int width, bool shown)
{
	size_t n = s->a->n_participants, cast = ys_session_votes_cast(s, s->question);
	size_t per_col, cols, i, fit;
	int cw, widest = 2;
	char buf[160];

	snprintf(buf, sizeof(buf), shown ? "Votes (%zu of %zu)" : "Votes (%zu of %zu, hidden)",
		 cast, n);
	tui_text(y, 2, width, buf, TUI_HEADING);
	y++;
	rows--;
	if (rows <= 0 || !n)
		return;
	per_col = (size_t)rows;
	cols = (n + per_col - 1) / per_col;
	if (cols > 3)
		cols = 3;
	cw = width / (int)cols;
	fit = per_col * cols;
	/* Names as wide as the widest, up to half the column once revealed. */
	for (i = 0; i < n && i < fit; i++) {
		int w = (int)ys_text_width(s->a->participants[i], strlen(s->a->participants[i]));

		if (w > widest)
			widest = w;
	}
	for (i = 0; i < n && i < fit; i++) {
		int row = y + (int)(i % per_col), x = 2 + (int)(i / per_col) * cw;
		ys_choice v = ys_session_vote(s, s->question, i);
		bool cur = !shown && i == s->voter;
		int nw = shown ? (widest < cw / 2 - 1 ? widest : cw / 2 - 1) :
			 cw - (s->live ? 13 : 11);

		if (fit < n && i + 1 == fit) {
			snprintf(buf, sizeof(buf), "+%zu more", n - i);
			tui_text(row, x + 2, cw - 3, buf, TUI_DIM);
			break;
		}
		if (nw < 3)
			nw = 3;
		tui_text(row, x, 2, cur ? tui_glyph("\xe2\x96\xb6", ">") : " ",
			 cur ? TUI_SELECTED : TUI_NORMAL);
		tui_text(row, x + 2, nw, s->a->participants[i],
			 cur ? TUI_SELECTED : TUI_QUESTION);
		if (!shown) {
			/* One column for the dot or "voting". */
			if (v.kind != YS_ANS_NONE)
				tui_text(row, x + nw + 3, 2, tui_glyph("\xe2\x97\x8f", "*"),
					 TUI_QUESTION);
			else if (cur)
				tui_text(row, x + nw + 3, cw - nw - 4, "voting", TUI_DIM);
			else if (s->live && !ys_session_live_joined(s, i))
				tui_text(row, x + nw + 3, cw - nw - 4, "no device", TUI_DIM);
			else if (s->live)
				tui_text(row, x + nw + 3, cw - nw - 4, "joined", TUI_DIM);
			continue;
		}
		vote_words(qn, v, buf, sizeof(buf));
		tui_text(row, x + 2 + nw + 1, cw - nw - 4, buf,
			 v.kind == YS_ANS_NONE ? TUI_DIM : TUI_NORMAL);
	}
}

/* The role of an answer's label: the proposal stands out, the agreed
 * answer is marked. */
static int answer_role(ys_choice proposed, ys_choice agreed, ys_answer_kind kind,
		       int option, bool shown)
{
	if (shown && proposed.kind == kind && (kind != YS_ANS_OPTION || proposed.option == option))
		return TUI_SELECTED;
	if (agreed.kind == kind && (kind != YS_ANS_OPTION || agreed.option == option))
		return TUI_CURRENT;
	return TUI_NORMAL;
}

/* One row of the histogram: key, label, bar and count. */
static void answer_row(int y, int x, int width, const char *key, const char *label,
		       int role, bool shown, size_t count, size_t total)
{
	int barw = width >= 60 ? 20 : 12;
	int lw = shown ? width - barw - 8 : width - 3;
	char num[24];

	tui_text(y, x, 1, key, TUI_KEY);
	tui_text(y, x + 2, lw, label, role);
	if (!shown)
		return;
	x += 2 + lw + 1;
	if (count) {
		int cells = total ? (int)((count * (size_t)barw + total - 1) / total) : 0;
		const char *on = tui_glyph("\xe2\x96\x88", "#");
		int i;

		move(y, x);
		attrset(tui_attr(TUI_BAR));
		for (i = 0; i < cells && i < barw; i++)
			addstr(on);
		attrset(A_NORMAL);
	}
	snprintf(num, sizeof(num), "%3zu", count);
	tui_text(y, x + barw + 1, 3, num, count ? TUI_QUESTION : TUI_DIM);
}

/* The answers, with the spread once revealed. Returns the rows used. */
static int draw_answers(const ys_session *s, const ys_question *qn, int y, int x,
			int width, int rows, bool shown)
{
	const ys_response *r = ys_session_response(s, s->question);
	size_t *counts = ys_calloc(qn->n_options ? qn->n_options : 1, sizeof(*counts));
	ys_spread sp = ys_consensus_votes(qn, r->votes, r->n_votes, counts);
	int y0 = y, end = y + rows;
	size_t i;
	char buf[256], key[4];

	tui_text(y++, x, width, shown ? "Spread of the votes" : "Answers", TUI_HEADING);
	for (i = 0; i < qn->n_options && y < end; i++, y++) {
		snprintf(key, sizeof(key), "%c", i < 9 ? (char)('1' + i) : ' ');
		answer_row(y, x, width, key, qn->options[i].label,
			   answer_role(sp.proposed, r->choice, YS_ANS_OPTION, (int)i, shown),
			   shown, counts ? counts[i] : 0, sp.n_votes);
	}
	if (y < end)
		answer_row(y++, x, width, "d", "Don't know",
			   answer_role(sp.proposed, r->choice, YS_ANS_DONT_KNOW, -1, shown),
			   shown, sp.n_dont_know, sp.n_votes);
	if (y < end && (qn->allow_na || sp.n_na))
		answer_row(y++, x, width, "x", "N/A",
			   answer_role(sp.proposed, r->choice, YS_ANS_NA, -1, shown),
			   shown, sp.n_na, sp.n_votes);
	ys_free(counts);
	if (!shown || y >= end)
		return y - y0;
	y++;
	if (y < end) {
		int cx;

		snprintf(buf, sizeof(buf), "Range: %u %s", sp.range, sp.range == 1 ? "step" : "steps");
		cx = x + tui_text(y, x, width, buf, TUI_QUESTION);
		if (sp.contested)
			tui_text(y, cx + 3, width - (cx - x) - 3, " CONTESTED ", TUI_ERROR);
		y++;
	}
	if (y < end) {
		const char *p = sp.proposed.kind == YS_ANS_OPTION ? qn->options[sp.proposed.option].label :
				sp.proposed.kind == YS_ANS_DONT_KNOW ? "Don't know" :
				sp.proposed.kind == YS_ANS_NA ? "N/A" : "none (no votes)";
		int cx = x + tui_text(y, x, 10, "Proposed: ", TUI_DIM);

		tui_text(y, cx, width - (cx - x), p, TUI_SELECTED);
		y++;
	}
	if (y < end && r->choice.kind != YS_ANS_NONE) {
		bool same = r->choice.kind == sp.proposed.kind &&
			    (r->choice.kind != YS_ANS_OPTION || r->choice.option == sp.proposed.option);
		int cx = x + tui_text(y, x, 10, "Agreed:   ", TUI_DIM);

		vote_words(qn, r->choice, buf, sizeof(buf));
		cx += tui_text(y, cx, width - (cx - x), buf + 2, TUI_CURRENT);
		if (!same)
			tui_text(y, cx + 1, width - (cx - x) - 1, "(not the proposal)", TUI_DIM);
		y++;
	}
	return y - y0;
}

void tui_draw_workshop(const ys_session *s)
{
	const ys_question *qn = &s->q->questions[s->question];
	const ys_response *r = ys_session_response(s, s->question);
	bool shown = ys_session_revealed(s);
	int width = COLS - 4 > TEXT_MAX_W ? TEXT_MAX_W : COLS - 4;
	int left = COLS >= WIDE_COLS ? VOTERS_WIDE_W : VOTERS_W;
	int bottom = LINES - 4;         /* last row for the panels */
	int y = 4, rows, max_q;

	draw_header(s, qn);
	if (s->live) {
		/* The join address stays on screen as one line of text. */
		char url[200], buf[300];

		ys_session_join_url(s, url, sizeof(url));
		snprintf(buf, sizeof(buf), "Join: %s   %zu of %zu joined   J: QR code",
			 url, ys_session_live_count(s), s->a->n_participants);
		tui_text(3, 2, COLS - 3, buf, TUI_DIM);
		y = 5;
	}
	/* The question gets what the panels leave, at most 4 lines. */
	max_q = LINES - 4 - y - ((int)qn->n_options + 6);
	if (max_q > 4)
		max_q = 4;
	if (max_q < 2)
		max_q = 2;
	y += tui_wrap(y, 2, width, max_q, qn->text, TUI_QUESTION) + 1;
	if (r->note)
		bottom--;
	rows = bottom - y + 1;
	draw_voters(s, qn, y, rows, left, shown);
	draw_answers(s, qn, y, left + 4, COLS - left - 6, rows, shown);
	if (r->note) {
		int x = 2 + tui_text(LINES - 4, 2, 8, "Note: ", TUI_DIM);

		tui_text(LINES - 4, x, COLS - x - 1, r->note, TUI_NORMAL);
	}
	tui_key_hints(s, qn->allow_na ? TK_IF_NA : 0);
}
