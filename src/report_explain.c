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
	ys_blocker *b;

	if (qi >= q->n_questions)
		return true;
	b = ys_realloc(e->blockers, (e->n_blockers + 1) * sizeof(*b));
	if (!b)
		return false;
	e->blockers = b;
	b += e->n_blockers++;
	b->question = qi;
	b->red_flag = red_flag;
	b->answer = ys_answer_text(&q->questions[qi], ys_report_response(a, qi));
	return true;
}

static void why_assessed(ys_sb *b, const ys_questionnaire *q,
			 const ys_answers *a, const ys_area_score *as,
			 size_t area)
{
	long top = (long)q->n_levels - 1;
	long L = as->level, U = as->level_uncapped;
	size_t nflags = as->red_flags.count;

	if (nflags && U > L) {
		ys_sb_printf(b, "It is held at level %ld (%s) by %s: %s. "
			     "Without %s, the area would be at level %ld (%s).",
			     L, ys_level_name(q, L),
			     ys_plural(nflags, "a red-flag answer",
				    "red-flag answers"),
			     ys_plural(nflags,
				    "an answer that means a basic safeguard is "
				    "missing caps the area at level 1, whatever "
				    "else is in place",
				    "answers that mean a basic safeguard is "
				    "missing cap the area at level 1, whatever "
				    "else is in place"),
			     ys_plural(nflags, "it", "them"),
			     U, ys_level_name(q, U));
	} else if (L >= top) {
		ys_sb_printf(b, "It is at the top level, %ld (%s): every "
			     "practice at every level is met.",
			     L, ys_level_name(q, L));
	} else {
		size_t need = area_applicable_at(q, a, area,
						 (unsigned)(L + 1));
		size_t miss = as->blockers.count;

		if (L == 0)
			ys_sb_printf(b, "It is at level 0 (%s): ",
				     ys_level_name(q, 0));
		else if (L == 1)
			ys_sb_printf(b, "It is at level 1 (%s): every practice "
				     "at level 1 is met, but ",
				     ys_level_name(q, 1));
		else if (L == 2)
			ys_sb_printf(b, "It is at level 2 (%s): every practice "
				     "at levels 1 and 2 is met, but ",
				     ys_level_name(q, 2));
		else
			ys_sb_printf(b, "It is at level %ld (%s): every "
				     "practice at levels 1 to %ld is met, but ",
				     L, ys_level_name(q, L), L);
		if (need == 1)
			ys_sb_printf(b, "the one practice at level %ld is not "
				     "met yet.", L + 1);
		else if (miss >= need)
			ys_sb_printf(b, "none of the %zu practices at level %ld "
				     "is met yet.", need, L + 1);
		else
			ys_sb_printf(b, "%zu of the %zu practices at level %ld "
				     "%s not met yet (%d%% of the way to level "
				     "%ld).", miss, need, L + 1,
				     ys_plural(miss, "is", "are"),
				     as->progress_to_next < 0 ? 0
				     : as->progress_to_next, L + 1);
		if (nflags)
			ys_sb_printf(b, " %s would also hold it at level 1 "
				     "if everything else were met.",
				     ys_plural(nflags, "A red-flag answer",
					    "Red-flag answers"));
	}
	ys_sb_printf(b, " Its score is %ld out of 100 (%s).",
		     ys_round(as->score), ys_band(as->score));
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
	long L = as->level, U = as->level_uncapped;
	size_t nflags = as->red_flags.count;
	char thr[32];

	ys_format_exact(q->threshold * 100.0, thr);
	if (nflags && U > L && as->blockers.count == 0) {
		ys_sb_printf(b, "Clearing the red %s below would take it to "
			     "level %ld (%s).", ys_plural(nflags, "flag", "flags"),
			     U, ys_level_name(q, U));
		return;
	}
	if (nflags)
		ys_sb_printf(b, "First clear the red %s below. Then, to ",
			     ys_plural(nflags, "flag", "flags"));
	else
		ys_sb_puts(b, "To ");
	ys_sb_printf(b, "reach level %ld (%s), %s below must be answered "
		     "(not \"don't know\") with an answer worth at least %s%% "
		     "of full marks.", L + 1, ys_level_name(q, L + 1),
		     ys_plural(as->blockers.count, "the practice",
			    "each practice"), thr);
}

bool ys_explain_area(const ys_questionnaire *q, const ys_answers *a,
		     const ys_score *s, size_t area, ys_explanation *out)
{
	const ys_area_score *as = &s->areas[area];
	ys_sb st = {0}, why = {0}, next = {0};
	size_t i;

	memset(out, 0, sizeof(*out));
	switch (as->state) {
	case YS_AREA_NOT_APPLICABLE:
		ys_sb_puts(&st, "Not applicable");
		ys_sb_puts(&why, "Every question in this area was answered "
			   "N/A, so it has no score or level.");
		break;
	case YS_AREA_NOT_ASSESSED:
		ys_sb_puts(&st, "Not assessed");
		ys_sb_printf(&why, "No question in this area has been answered "
			     "yet (%zu of %zu unanswered", as->unanswered.count,
			     as->total);
		if (as->not_applicable.count)
			ys_sb_printf(&why, ", %zu N/A", as->not_applicable.count);
		ys_sb_puts(&why, "), so it has no score or level.");
		break;
	case YS_AREA_ASSESSED:
		ys_sb_printf(&st, "Level %d %s", as->level,
			     ys_level_name(q, as->level));
		why_assessed(&why, q, a, as, area);
		if ((size_t)as->level + 1 < q->n_levels ||
		    as->level_uncapped > as->level) {
			next_assessed(&next, q, as);
			out->next = ys_sb_take(&next);
			if (!out->next)
				goto oom;
		}
		for (i = 0; i < as->red_flags.count; i++)
			if (!add_blocker(out, q, a, as->red_flags.items[i], true))
				goto oom;
		for (i = 0; i < as->blockers.count; i++) {
			size_t k, qi = as->blockers.items[i];
			bool listed = false;

			/* A red-flag answer is listed once, as a red flag. */
			for (k = 0; k < as->red_flags.count; k++)
				listed |= as->red_flags.items[k] == qi;
			if (!listed && !add_blocker(out, q, a, qi, false))
				goto oom;
		}
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
		"questionnaire. \"Don't know\" counts as 0. N/A (only where "
		"a question allows it) and unanswered questions are left out "
		"of the score; any unanswered question makes the scorecard "
		"provisional.");
	paras[1] = ys_strdup("Area score (0 to 100): 100 times the weighted "
		"mean of the values of the answered questions in the area. "
		"Questions weigh 1 (normal), 2 (important) or 3 (critical).");
	ys_sb_printf(&b, "Area level: the highest level L for which every "
		     "question at levels 1 to L is answered, is not \"don't "
		     "know\" and has a value of at least %s. A red-flag answer "
		     "caps the area at level 1. The levels are %s. Levels are "
		     "never rounded up.", thr, lv.buf ? lv.buf : "");
	paras[2] = lv.oom ? NULL : ys_sb_take(&b);
	ys_sb_free(&b);
	paras[3] = ys_strdup("Index (0 to 100): the mean of the assessed "
		"areas' scores, weighted by area weight; there is no overall "
		"level. Weakest area: the lowest level, then the lowest score. "
		"Bands: 0-24 Beginning, 25-49 Developing, 50-74 Established, "
		"75-100 Advanced.");
	paras[4] = ys_strdup("Target: an area meets it when its level is at "
		"or above the target level. Percent to target: 100 times (1 "
		"minus the levels still missing divided by the sum of the "
		"target levels), over the assessed areas. Ownership clarity: "
		"the share of areas with a named owner.");
	paras[5] = ys_strdup("Scores and the index are shown as whole numbers, "
		"halves rounded away from zero; percentages are rounded down, "
		"so they never overstate.");
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
