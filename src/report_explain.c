/* The wording shared by every report format and the profile screen: why an
 * area is at its level and what blocks the next, and the scoring method in
 * words. */
#include <stdio.h>
#include <string.h>

#include "report_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/explain.h"
#include "yardstick/wording.h"

/* ---- explanations ---- */

/* Counts the applicable questions of area at level (responses that are
 * not N/A). */
static size_t area_applicable_at(const ys_questionnaire *q, const ys_answers *a,
				 size_t area, unsigned level)
{
	const ys_area *ar = &q->areas[area];
	size_t i, n = 0;

	for (i = 0; i < ar->n_questions; i++) {
		const ys_question *qn = &ar->questions[i];
		const ys_response *r = ys_report_response(a, qn->index);

		if (qn->level != level)
			continue;
		if (r && r->answer && r->choice.kind == YS_ANS_NA)
			continue;
		n++;
	}
	return n;
}

static bool add_blocker(ys_explanation *e, const ys_questionnaire *q,
			const ys_answers *a, size_t qi, bool red_flag)
{
	const ys_response *r;
	ys_blocker *b;

	if (qi >= q->n_questions)
		return true;
	b = ys_realloc(e->blockers, (e->n_blockers + 1) * sizeof(*b));
	if (!b)
		return false;
	e->blockers = b;
	b += e->n_blockers++;
	r = ys_report_response(a, qi);
	b->question = qi;
	b->red_flag = red_flag;
	b->dont_know = r && r->answer && r->choice.kind == YS_ANS_DONT_KNOW;
	b->answer = ys_answer_text(&q->questions[qi], r);
	b->advice = q->questions[qi].advice;
	b->known_by = b->dont_know ? q->questions[qi].known_by : NULL;
	return true;
}

/* "levels 1 to 3", "level 1", or "" for level 0. */
static void levels_up_to(ys_sb *b, long L)
{
	if (L == 1)
		ys_sb_puts(b, "level 1");
	else if (L == 2)
		ys_sb_puts(b, "levels 1 and 2");
	else
		ys_sb_printf(b, "levels 1 to %ld", L);
}

static void why_assessed(ys_sb *b, const ys_questionnaire *q,
			 const ys_answers *a, const ys_area_score *as,
			 size_t area)
{
	long top = (long)q->n_levels - 1;
	long L = as->level;
	size_t ncap = as->n_cap_blockers;
	char m[YS_FIGURE_BUF], u[YS_FIGURE_BUF];

	ys_maturity_str(as->maturity, m);
	if (as->capped) {
		ys_maturity_str((double)as->gated + as->progress, u);
		ys_sb_printf(b, "Its maturity is %s: it is held at level %ld "
			     "(%s) by %s listed below, %s an immediate risk "
			     "that caps the area at level %ld whatever else "
			     "is in place. Without %s its maturity would be "
			     "%s.", m, L, ys_level_name(q, L),
			     ys_plural(ncap, "a red-flag answer",
				       "red-flag answers"),
			     ys_plural(ncap, "an answer that is", "answers that are"),
			     L, ys_plural(ncap, "it,", "them,"), u);
	} else if (L >= top) {
		ys_sb_printf(b, "Its maturity is %s, the top level (%s): "
			     "every practice at every level is met.",
			     m, ys_level_name(q, L));
	} else {
		size_t need = area_applicable_at(q, a, area,
						 (unsigned)(L + 1));
		size_t miss = as->blockers.count - ncap;
		size_t met = need > miss ? need - miss : 0;

		ys_sb_printf(b, "Its maturity is %s, level %ld (%s): ", m, L,
			     ys_level_name(q, L));
		if (L > 0) {
			ys_sb_puts(b, "every practice at ");
			levels_up_to(b, L);
			ys_sb_puts(b, " is met, and ");
		}
		if (need == 1)
			ys_sb_printf(b, "the one practice at level %ld is not "
				     "met yet.", L + 1);
		else
			ys_sb_printf(b, "%zu of the %zu practices at level %ld "
				     "%s met.", met, need, L + 1,
				     ys_plural(met, "is", "are"));
		if (ncap)
			ys_sb_printf(b, " %s would hold it at level %ld even "
				     "if every practice at level %ld were met.",
				     ys_plural(ncap, "A red-flag answer",
					       "Red-flag answers"), L, L + 1);
	}
	ys_sb_printf(b, " Its practice score is %ld out of 100.",
		     ys_practice_shown(as->practice));
	if (as->unanswered.count)
		ys_sb_printf(b, " %zu %s in this area %s unanswered, so the "
			     "result is provisional.", as->unanswered.count,
			     ys_plural(as->unanswered.count, "question",
				    "questions"),
			     ys_plural(as->unanswered.count, "is", "are"));
	if (as->dont_know.count)
		ys_sb_printf(b, " %zu %s answered \"don't know\", which "
			     "counts as 0 and blocks levels until someone "
			     "finds out.", as->dont_know.count,
			     ys_plural(as->dont_know.count, "question was",
				    "questions were"));
}

static void next_assessed(ys_sb *b, const ys_questionnaire *q,
			  const ys_area_score *as)
{
	long L = as->level;
	size_t ncap = as->n_cap_blockers;
	size_t npractice = as->blockers.count - ncap;
	char thr[32];

	ys_format_exact(q->threshold * 100.0, thr);
	ys_sb_printf(b, "To reach level %ld (%s): ", L + 1,
		     ys_level_name(q, L + 1));
	if (ncap)
		ys_sb_printf(b, "clear the red %s below%s", ys_plural(ncap,
			     "flag", "flags"), npractice ? ", then " : ".");
	if (npractice)
		ys_sb_printf(b, "meet %s below: answered (not \"don't know\") "
			     "with an answer worth at least %s%% of full "
			     "marks.", ys_plural(npractice, "the practice",
						  "each practice"), thr);
}

bool ys_explain_area(const ys_questionnaire *q, const ys_answers *a,
		     const ys_score *s, size_t area, ys_explanation *out)
{
	const ys_area_score *as = &s->areas[area];
	ys_sb st = {0}, why = {0}, next = {0};
	char m[YS_FIGURE_BUF];
	size_t i;

	memset(out, 0, sizeof(*out));
	switch (as->state) {
	case YS_AREA_NOT_APPLICABLE:
		ys_sb_puts(&st, "Not applicable");
		ys_sb_puts(&why, "Every question in this area was answered "
			   "N/A, so it has no maturity or level.");
		break;
	case YS_AREA_NOT_ASSESSED:
		ys_sb_puts(&st, "Not assessed");
		ys_sb_printf(&why, "No question in this area has been answered "
			     "yet (%zu of %zu unanswered", as->unanswered.count,
			     as->total);
		if (as->not_applicable.count)
			ys_sb_printf(&why, ", %zu N/A", as->not_applicable.count);
		ys_sb_puts(&why, "), so it has no maturity or level.");
		break;
	case YS_AREA_ASSESSED:
		ys_sb_printf(&st, "Maturity %s, level %d %s",
			     ys_maturity_str(as->maturity, m), as->level,
			     ys_level_name(q, as->level));
		why_assessed(&why, q, a, as, area);
		if (as->blockers.count) {
			next_assessed(&next, q, as);
			out->next = ys_sb_take(&next);
			if (!out->next)
				goto oom;
		}
		for (i = 0; i < as->blockers.count; i++)
			if (!add_blocker(out, q, a, as->blockers.items[i],
					 i < as->n_cap_blockers))
				goto oom;
		out->n_cap_blockers = as->n_cap_blockers;
		if (as->level >= 0)
			out->recommendation =
				ys_area_recommendation(&q->areas[area],
						       (unsigned)as->level);
		break;
	}
	out->status = ys_sb_take(&st);
	out->why = ys_sb_take(&why);
	if (!out->status || !out->why)
		goto oom;
	return true;
oom:
	ys_sb_free(&st);
	ys_sb_free(&why);
	ys_sb_free(&next);
	ys_explanation_free(out);
	return false;
}

void ys_explanation_free(ys_explanation *e)
{
	if (!e)
		return;
	ys_free(e->status);
	ys_free(e->why);
	ys_free(e->next);
	ys_free(e->blockers);
	memset(e, 0, sizeof(*e));
}

/* ---- the scoring method in words ---- */

bool ys_explain_method(const ys_questionnaire *q,
		       char *paras[YS_METHOD_PARAS])
{
	ys_sb b = {0}, lv = {0};
	char thr[32];
	size_t i;

	memset(paras, 0, YS_METHOD_PARAS * sizeof(*paras));
	ys_format_exact(q->threshold, thr);
	for (i = 0; i < q->n_levels; i++)
		ys_sb_printf(&lv, "%s%zu %s", i ? ", " : "", i,
			     q->levels[i].name);
	paras[0] = ys_strdup("Each answer has a value from 0 to 1 set by the "
		"questionnaire. \"Don't know\" counts as 0 and blocks levels. "
		"N/A (only where a question allows it) is left out entirely. "
		"Unanswered questions are left out of the practice score and "
		"block levels, and any unanswered question makes the "
		"scorecard provisional.");
	ys_sb_printf(&b, "Level: an area reaches level L when every question "
		     "at levels 1 to L is answered, is not \"don't know\" and "
		     "has a value of at least %s. The levels are %s.", thr,
		     lv.buf ? lv.buf : "");
	paras[1] = lv.oom ? NULL : ys_sb_take(&b);
	ys_sb_free(&b);
	paras[2] = ys_strdup("Maturity, the headline figure of each area: "
		"the level reached plus the share of the next level's "
		"practices already met, so 1.5 means level 1 is reached and "
		"half of level 2's practices are in place. A red-flag answer "
		"marks an immediate risk: it caps the area's maturity at the "
		"level its question names (level 1 unless the questionnaire "
		"says otherwise) until it is cleared. Maturity never falls "
		"when an answer improves.");
	paras[3] = ys_strdup("Practice score (0 to 100), a secondary figure: "
		"100 times the weighted mean of the values of the answered "
		"questions in the area, at every level. Questions weigh 1 "
		"(normal), 2 (important) or 3 (critical). Overall maturity "
		"and overall practice score are the means over the assessed "
		"areas, weighted by area weight; there is no overall level. "
		"The weakest area has the lowest maturity, then the lowest "
		"practice score.");
	paras[4] = ys_strdup("Target: an area meets it when its level is at "
		"or above the target level. Percent to target: 100 times (1 "
		"minus the maturity still missing divided by the sum of the "
		"target levels), over the assessed areas. Ownership clarity: "
		"the share of areas with a named owner.");
	paras[5] = ys_strdup("Maturity is shown with one decimal, rounded "
		"down, so a level is never shown before it is reached (1.97 "
		"shows as 1.9). Practice scores are whole numbers, halves "
		"rounded away from zero; percentages are rounded down, so "
		"they never overstate.");
	paras[6] = ys_strdup("What this is not: a self-assessment from the "
		"organisation's own answers, not verified by anyone outside "
		"it. It is not a Cyber Assessment Framework (CAF) assessment, "
		"a Data Security and Protection Toolkit (DSPT) submission, a "
		"Cyber Essentials or Cyber Essentials Plus certification, or "
		"an audit, though its questions refer to them.");
	ys_sb_free(&lv);
	for (i = 0; i < YS_METHOD_PARAS; i++) {
		if (!paras[i]) {
			for (i = 0; i < YS_METHOD_PARAS; i++) {
				ys_free(paras[i]);
				paras[i] = NULL;
			}
			return false;
		}
	}
	return true;
}
