/* Scoring (DESIGN section 5, revision 2): per area the gated level, the
 * progress within the next level, the red-flag cap, maturity, level,
 * blockers and practice score; overall maturity and practice score, the
 * weakest area, percent to target and ownership clarity. Pure functions
 * of a questionnaire and its answers, computed once for every surface. */
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

/* ---- Display ---------------------------------------------------------- */

const char *ys_maturity_str(double maturity, char buf[YS_FIGURE_BUF])
{
	return ys_format_tenths_down(maturity, buf, YS_FIGURE_BUF);
}

long ys_practice_shown(double practice)
{
	return ys_round(practice);
}

long ys_percent_shown(double percent)
{
	return ys_round_down(percent);
}

size_t ys_maturity_cells(double maturity, size_t per_level)
{
	long n = ys_round_down(maturity * (double)per_level);

	return n > 0 ? (size_t)n : 0;
}

size_t ys_bar_per_level(const ys_questionnaire *q, size_t max_cells)
{
	size_t top = q->n_levels > 1 ? q->n_levels - 1 : 1;

	return max_cells / top > 0 ? max_cells / top : 1;
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
		s->practice = sum_w > 0.0 ? 100.0 * sum_wv / sum_w : 0.0;
	} else if (n > 0 && s->not_applicable.count == n) {
		s->state = YS_AREA_NOT_APPLICABLE;
	} else {
		s->state = YS_AREA_NOT_ASSESSED;
	}
	return true;
}

/* The area's cap: the lowest red_flag_cap among its red-flagged
 * answers, -1 when it has none. */
static int area_cap(const ys_questionnaire *q, const ys_area_score *s)
{
	int cap = -1;
	size_t j;

	for (j = 0; j < s->red_flags.count; j++) {
		int c = (int)q->questions[s->red_flags.items[j]].red_flag_cap;

		if (cap < 0 || c < cap)
			cap = c;
	}
	return cap;
}

/* Gated level, progress, cap, maturity, level and blockers of an assessed
 * area.
 *
 * Worked example (DESIGN section 5): level 2 holds A (met) and B (not
 * met); R at level 3 has a red-flag answer with cap 1. G = 1 (B fails
 * level 2), f = 1/2 (A of A, B), c = 1: maturity = min(1.5, 1) = 1.0,
 * level 1, capped (1 < 1.5), blockers R (its cap 1 <= level 1), then B. */
static bool area_level(const ys_questionnaire *q, const ys_answers *a,
		       const ys_area *ar, ys_area_score *s)
{
	size_t top = q->n_levels ? q->n_levels - 1 : 0;
	size_t next, j, applicable = 0, met = 0;
	double uncapped;

	s->gated = gated_level(q, a, ar);
	s->progress = 0.0;
	if ((size_t)s->gated < top) {
		next = (size_t)s->gated + 1;
		for (j = 0; j < ar->n_questions; j++) {
			size_t i = ar->first_question + j;

			if (q->questions[i].level != next ||
			    choice_of(q, a, i).kind == YS_ANS_NA)
				continue;
			applicable++;
			if (meets(q, a, i))
				met++;
		}
		/* A level with no applicable question passes, so G + 1 has
		 * at least one that fails: m < n and f < 1. */
		if (applicable)
			s->progress = (double)met / (double)applicable;
	}
	uncapped = (double)s->gated + s->progress;
	s->cap = area_cap(q, s);
	s->capped = s->cap >= 0 && (double)s->cap < uncapped;
	s->maturity = s->capped ? (double)s->cap : uncapped;
	s->level = s->capped ? s->cap : s->gated;
	if ((size_t)s->level >= top) {
		s->progress_to_next = -1;
		return true;
	}
	s->progress_to_next = s->capped ? 0 :
		(int)ys_round_down(100.0 * s->progress);

	/* Blockers: red flags whose cap holds the area at or below its
	 * level, then what level + 1 still lacks. */
	for (j = 0; j < s->red_flags.count; j++) {
		size_t i = s->red_flags.items[j];

		if ((int)q->questions[i].red_flag_cap <= s->level &&
		    !qlist_push(&s->blockers, i, ar->n_questions))
			return false;
	}
	s->n_cap_blockers = s->blockers.count;
	next = (size_t)s->level + 1;
	for (j = 0; j < ar->n_questions; j++) {
		size_t i = ar->first_question + j;

		if (q->questions[i].level != next ||
		    choice_of(q, a, i).kind == YS_ANS_NA || meets(q, a, i))
			continue;
		/* A red flag already listed above is listed once, so the
		 * list never holds more than the area's questions. */
		if (is_red_flag(&q->questions[i], choice_of(q, a, i)) &&
		    (int)q->questions[i].red_flag_cap <= s->level)
			continue;
		if (!qlist_push(&s->blockers, i, ar->n_questions))
			return false;
	}
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
	s->gated = -1;
	s->cap = -1;
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

/* Weakest assessed area: lowest maturity, then lowest practice score,
 * then first in questionnaire order. */
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
		if (x->maturity < b->maturity ||
		    (x->maturity == b->maturity && x->practice < b->practice))
			best = (long)i;
	}
	return best;
}

static void totals(const ys_questionnaire *q, const ys_answers *a,
		   ys_score *s)
{
	double wsum = 0.0, wmat = 0.0, wprac = 0.0, deficit = 0.0;
	unsigned long tsum = 0;
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
		wmat += q->areas[i].weight * x->maturity;
		wprac += q->areas[i].weight * x->practice;
		tsum += x->target;
		if ((double)x->target > x->maturity)
			deficit += (double)x->target - x->maturity;
	}
	/* A workshop answer counts once the room has settled it (DESIGN
	 * section 5); as in ys_answer_is_settled(), files written before
	 * the settled key existed, and interviews, count as settled. */
	if (a && a->mode == YS_MODE_WORKSHOP && a->has_settled &&
	    a->n_bound == q->n_questions && a->n_responses >= q->n_questions)
		for (i = 0; i < q->n_questions; i++)
			if (choice_of(q, a, i).kind != YS_ANS_NONE &&
			    !a->responses[i].settled)
				s->unsettled++;
	s->provisional = s->answered < s->total || s->unsettled > 0;
	s->assessed = wsum > 0.0;
	s->maturity = s->assessed ? wmat / wsum : 0.0;
	s->practice = s->assessed ? wprac / wsum : 0.0;
	s->weakest_area = weakest(s);
	s->has_percent_to_target = s->has_target && tsum > 0;
	if (s->has_percent_to_target)
		s->percent_to_target = 100.0 * (1.0 - deficit / (double)tsum);
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
	totals(q, a, out);
	return true;
}
