/* Scoring (DESIGN section 5): area scores, levels with threshold gating and
 * the red-flag cap, progress and blockers, index, weakest area, targets and
 * ownership clarity. Pure functions of a questionnaire and its answers. */
#include <math.h>
#include <limits.h>
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/score.h"
#include "yardstick/text.h"

/* ---- Choices ---------------------------------------------------------- */

/* A choice that names an option the question really has. */
static bool is_option(const ys_question *qn, ys_choice c)
{
	return c.kind == YS_ANS_OPTION && c.option >= 0 &&
	       (size_t)c.option < qn->n_options;
}

double ys_choice_value(const ys_question *qn, ys_choice c)
{
	if (is_option(qn, c))
		return qn->options[c.option].value;
	return 0.0;
}

bool ys_choice_meets(const ys_questionnaire *q, const ys_question *qn,
		     ys_choice c)
{
	return is_option(qn, c) && qn->options[c.option].value >= q->threshold;
}

static bool is_red_flag(const ys_question *qn, ys_choice c)
{
	return is_option(qn, c) && qn->red_flag && qn->red_flag[c.option];
}

/* The choice for question i, or "unanswered" when the answers are not
 * bound to this questionnaire or the choice is out of range. */
static ys_choice choice_of(const ys_questionnaire *q, const ys_answers *a,
			   size_t i)
{
	ys_choice none = { YS_ANS_NONE, -1 };
	ys_choice c;

	if (!a || !a->responses || a->n_bound != q->n_questions ||
	    a->n_responses < a->n_bound || i >= a->n_bound)
		return none;
	c = a->responses[i].choice;
	switch (c.kind) {
	case YS_ANS_OPTION:
		return is_option(&q->questions[i], c) ? c : none;
	case YS_ANS_DONT_KNOW:
		return c;
	case YS_ANS_NA:
		/* Only where the question allows it. */
		return q->questions[i].allow_na ? c : none;
	default:
		return none;
	}
}

static bool is_contested(const ys_questionnaire *q, const ys_answers *a,
			 size_t i)
{
	if (!a || !a->responses || a->n_bound != q->n_questions ||
	    a->n_responses < a->n_bound || i >= a->n_bound)
		return false;
	return a->responses[i].contested;
}

/* ---- Rounding and bands ----------------------------------------------- */

const char *ys_band(double score)
{
	long r = ys_round(score);

	if (r < 25)
		return "Beginning";
	if (r < 50)
		return "Developing";
	if (r < 75)
		return "Established";
	return "Advanced";
}

/* ---- Lists ------------------------------------------------------------ */

static bool qlist_push(ys_qlist *l, size_t item, size_t cap)
{
	if (!l->items) {
		/* cap bounds the list: one allocation, never grown. */
		l->items = ys_malloc(cap * sizeof(*l->items));
		if (!l->items)
			return false;
	}
	l->items[l->count++] = item;
	return true;
}

static void qlist_free(ys_qlist *l)
{
	ys_free(l->items);
	l->items = NULL;
	l->count = 0;
}

static void area_free(ys_area_score *s)
{
	qlist_free(&s->blockers);
	qlist_free(&s->red_flags);
	qlist_free(&s->dont_know);
	qlist_free(&s->not_applicable);
	qlist_free(&s->unanswered);
	qlist_free(&s->contested);
}

void ys_score_free(ys_score *s)
{
	size_t i;

	if (!s)
		return;
	if (s->areas) {
		for (i = 0; i < s->n_areas; i++)
			area_free(&s->areas[i]);
		ys_free(s->areas);
	}
	memset(s, 0, sizeof(*s));
	s->weakest_area = -1;
}

/* ---- One area --------------------------------------------------------- */

/* True when question i counts towards its level: answered with an option
 * at or above the threshold. N/A questions are not applicable and are
 * skipped by the callers. */
static bool meets(const ys_questionnaire *q, const ys_answers *a, size_t i)
{
	return ys_choice_meets(q, &q->questions[i], choice_of(q, a, i));
}

/* The highest level L such that every applicable question at levels
 * 1..L meets the threshold (before the red-flag cap). */
static int gated_level(const ys_questionnaire *q, const ys_answers *a,
		       const ys_area *ar)
{
	size_t top = q->n_levels ? q->n_levels - 1 : 0;
	size_t k, j;

	for (k = 1; k <= top; k++) {
		for (j = 0; j < ar->n_questions; j++) {
			size_t i = ar->first_question + j;
			const ys_question *qn = &q->questions[i];

			if (qn->level != k ||
			    choice_of(q, a, i).kind == YS_ANS_NA)
				continue;
			if (!meets(q, a, i))
				return (int)k - 1;
		}
	}
	return (int)top;
}

/* Fills the lists of an area and its score, state and counts. */
static bool area_lists(const ys_questionnaire *q, const ys_answers *a,
		       const ys_area *ar, ys_area_score *s)
{
	size_t n = ar->n_questions, j;
	size_t applicable = 0;
	double sum_wv = 0.0, sum_w = 0.0;

	s->total = n;
	for (j = 0; j < n; j++) {
		size_t i = ar->first_question + j;
		const ys_question *qn = &q->questions[i];
		ys_choice c = choice_of(q, a, i);
		bool ok = true;

		if (is_contested(q, a, i))
			ok = qlist_push(&s->contested, i, n);
		switch (c.kind) {
		case YS_ANS_NONE:
			ok = ok && qlist_push(&s->unanswered, i, n);
			break;
		case YS_ANS_NA:
			s->answered++;
			ok = ok && qlist_push(&s->not_applicable, i, n);
			break;
		case YS_ANS_DONT_KNOW:
		case YS_ANS_OPTION:
			s->answered++;
			applicable++;
			sum_w += qn->weight;
			sum_wv += qn->weight * ys_choice_value(qn, c);
			if (c.kind == YS_ANS_DONT_KNOW)
				ok = ok && qlist_push(&s->dont_know, i, n);
			else if (is_red_flag(qn, c))
				ok = ok && qlist_push(&s->red_flags, i, n);
			break;
		}
		if (!ok)
			return false;
	}
	if (applicable > 0) {
		s->state = YS_AREA_ASSESSED;
		s->score = sum_w > 0.0 ? 100.0 * sum_wv / sum_w : 0.0;
	} else if (n > 0 && s->not_applicable.count == n) {
		s->state = YS_AREA_NOT_APPLICABLE;
	} else {
		s->state = YS_AREA_NOT_ASSESSED;
	}
	return true;
}

/* Level, progress to the next level and blockers of an assessed area. */
static bool area_level(const ys_questionnaire *q, const ys_answers *a,
		       const ys_area *ar, ys_area_score *s)
{
	size_t next, j, applicable = 0, met = 0;

	s->level_uncapped = gated_level(q, a, ar);
	s->level = s->level_uncapped;
	if (s->red_flags.count > 0 && s->level > 1)
		s->level = 1;
	if (q->n_levels == 0 || (size_t)s->level + 1 >= q->n_levels) {
		s->progress_to_next = -1;
		return true;
	}
	next = (size_t)s->level + 1;
	for (j = 0; j < ar->n_questions; j++) {
		size_t i = ar->first_question + j;

		if (q->questions[i].level != next ||
		    choice_of(q, a, i).kind == YS_ANS_NA)
			continue;
		applicable++;
		if (meets(q, a, i))
			met++;
		else if (!qlist_push(&s->blockers, i, ar->n_questions))
			return false;
	}
	/* Exact integer arithmetic: floor(100 * met / applicable). With no
	 * applicable question the level's requirement is met (only the
	 * red-flag cap can hold the area below it). */
	s->progress_to_next = applicable ? (int)(100 * met / applicable) : 100;
	return true;
}

static bool area_has_owner(const ys_answers *a, const char *area_id)
{
	size_t i;

	if (!a || !a->areas)
		return false;
	for (i = 0; i < a->n_areas; i++)
		if (a->areas[i].area_id && !strcmp(a->areas[i].area_id, area_id)
		    && !ys_str_blank(a->areas[i].owner))
			return true;
	return false;
}

static bool score_area(const ys_questionnaire *q, const ys_answers *a,
		       size_t ai, const ys_target *t, ys_area_score *s)
{
	const ys_area *ar = &q->areas[ai];

	s->level = -1;
	s->level_uncapped = -1;
	s->progress_to_next = -1;
	s->target = t ? t->levels[ai] : 0;
	s->has_owner = area_has_owner(a, ar->id);
	if (!area_lists(q, a, ar, s))
		return false;
	if (s->state != YS_AREA_ASSESSED)
		return true;
	if (!area_level(q, a, ar, s))
		return false;
	s->target_met = s->level >= 0 && (unsigned)s->level >= s->target;
	return true;
}

/* ---- Whole questionnaire ---------------------------------------------- */

/* Weakest assessed area: lowest level, then lowest score, then first in
 * questionnaire order. */
static long weakest(const ys_score *s)
{
	long best = -1;
	size_t i;

	for (i = 0; i < s->n_areas; i++) {
		const ys_area_score *x = &s->areas[i];
		const ys_area_score *b;

		if (x->state != YS_AREA_ASSESSED)
			continue;
		if (best < 0) {
			best = (long)i;
			continue;
		}
		b = &s->areas[best];
		if (x->level < b->level ||
		    (x->level == b->level && x->score < b->score))
			best = (long)i;
	}
	return best;
}

static void totals(const ys_questionnaire *q, ys_score *s)
{
	double wsum = 0.0, wscore = 0.0;
	unsigned long tsum = 0, deficit = 0;
	size_t owners = 0, i;

	for (i = 0; i < s->n_areas; i++) {
		const ys_area_score *x = &s->areas[i];

		s->answered += x->answered;
		s->total += x->total;
		if (x->has_owner)
			owners++;
		if (x->state != YS_AREA_ASSESSED)
			continue;
		wsum += q->areas[i].weight;
		wscore += q->areas[i].weight * x->score;
		tsum += x->target;
		if (x->target > (unsigned)x->level)
			deficit += x->target - (unsigned)x->level;
	}
	s->provisional = s->answered < s->total;
	s->has_index = wsum > 0.0;
	s->index = s->has_index ? wscore / wsum : 0.0;
	s->weakest_area = weakest(s);
	s->has_percent_to_target = s->has_target && tsum > 0;
	if (s->has_percent_to_target)
		s->percent_to_target =
			100.0 * (1.0 - (double)deficit / (double)tsum);
	s->ownership_clarity = s->n_areas ?
		100.0 * (double)owners / (double)s->n_areas : 0.0;
}

bool ys_score_compute(const ys_questionnaire *q, const ys_answers *a,
		      const char *target, ys_score *out)
{
	const ys_target *t = NULL;
	size_t i;

	memset(out, 0, sizeof(*out));
	out->weakest_area = -1;
	if (!target && a)
		target = a->target;
	if (target) {
		t = ys_questionnaire_find_target(q, target);
		if (!t)
			return false;
		out->target_name = t->name;
		out->has_target = true;
	}
	if (q->n_areas > 0) {
		out->areas = ys_calloc(q->n_areas, sizeof(*out->areas));
		if (!out->areas) {
			ys_score_free(out);
			return false;
		}
	}
	out->n_areas = q->n_areas;
	for (i = 0; i < q->n_areas; i++) {
		if (!score_area(q, a, i, t, &out->areas[i])) {
			ys_score_free(out);
			return false;
		}
	}
	totals(q, out);
	/* A workshop's answer counts as final once the room settled it; a
	 * merge's proposals do not (DESIGN section 5). */
	for (i = 0; a && a->mode == YS_MODE_WORKSHOP && i < a->n_responses && i < q->n_questions; i++)
		if (a->responses[i].answer && !ys_answer_is_settled(a, i))
			out->unsettled++;
	if (out->unsettled)
		out->provisional = true;
	return true;
}
