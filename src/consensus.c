/* Workshop consensus: the spread of a question's votes and the answer they
 * propose (rules in include/yardstick/consensus.h). */
#include <string.h>

#include "yardstick/consensus.h"

/* A run of n choices, stride bytes apart: a ys_choice array, or the choice
 * members of a ys_vote array, read without copying either. */
typedef struct choices {
	const char *first;
	size_t stride;
	size_t n;
} choices;

static ys_choice choice_at(const choices *c, size_t i)
{
	const ys_choice *p = (const ys_choice *)(const void *)
		(c->first + i * c->stride);

	return *p;
}

static bool is_option(const ys_question *qn, ys_choice c)
{
	return c.kind == YS_ANS_OPTION && c.option >= 0 &&
	       (size_t)c.option < qn->n_options;
}

/* Option votes at or below option o. */
static size_t count_up_to(const ys_question *qn, const choices *c, int o)
{
	size_t i, n = 0;

	for (i = 0; i < c->n; i++) {
		ys_choice v = choice_at(c, i);

		if (is_option(qn, v) && v.option <= o)
			n++;
	}
	return n;
}

/* The lower median of the option votes: the smallest option o with more
 * than (n_option - 1) / 2 option votes at or below it. With counts, one
 * walk over them; without, a binary search between the lowest and the
 * highest option voted (the answer is always an option someone voted, as
 * the count only grows at those). */
static int lower_median(const ys_question *qn, const choices *c,
			const ys_spread *sp, const size_t *counts)
{
	size_t rank = (sp->n_option - 1) / 2, seen = 0;
	int o, lo = sp->min_option, hi = sp->max_option;

	if (counts) {
		for (o = lo; o < hi; o++) {
			seen += counts[o];
			if (seen > rank)
				return o;
		}
		return hi;
	}
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;

		if (count_up_to(qn, c, mid) > rank)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

static ys_choice propose(const ys_question *qn, const choices *c,
			 const ys_spread *sp, const size_t *counts)
{
	if (!sp->n_votes)
		return (ys_choice){YS_ANS_NONE, -1};
	if (sp->n_na == sp->n_votes && qn->allow_na)
		return (ys_choice){YS_ANS_NA, -1};
	if (sp->n_dont_know * 2 > sp->n_votes)
		return (ys_choice){YS_ANS_DONT_KNOW, -1};
	if (sp->n_option)
		return (ys_choice){YS_ANS_OPTION, lower_median(qn, c, sp, counts)};
	return (ys_choice){YS_ANS_DONT_KNOW, -1};
}

static ys_spread compute(const ys_question *qn, const choices *c,
			 size_t *counts)
{
	ys_spread sp = {0};
	size_t i;

	sp.min_option = sp.max_option = -1;
	if (counts)
		memset(counts, 0, qn->n_options * sizeof(*counts));
	for (i = 0; i < c->n; i++) {
		ys_choice v = choice_at(c, i);

		switch (v.kind) {
		case YS_ANS_OPTION:
			if (!is_option(qn, v))
				break;
			sp.n_votes++;
			sp.n_option++;
			if (counts)
				counts[v.option]++;
			if (sp.min_option < 0 || v.option < sp.min_option)
				sp.min_option = v.option;
			if (v.option > sp.max_option)
				sp.max_option = v.option;
			break;
		case YS_ANS_DONT_KNOW:
			sp.n_votes++;
			sp.n_dont_know++;
			break;
		case YS_ANS_NA:
			sp.n_votes++;
			sp.n_na++;
			break;
		case YS_ANS_NONE:
			break;
		}
	}
	if (sp.n_option)
		sp.range = (unsigned)(sp.max_option - sp.min_option);
	sp.contested = sp.range >= YS_CONTESTED_RANGE;
	sp.proposed = propose(qn, c, &sp, counts);
	return sp;
}

ys_spread ys_consensus_compute(const ys_question *qn, const ys_choice *votes,
			       size_t n, size_t *counts)
{
	choices c = {(const char *)votes, sizeof(*votes), votes ? n : 0};

	return compute(qn, &c, counts);
}

ys_spread ys_consensus_votes(const ys_question *qn, const ys_vote *votes,
			     size_t n, size_t *counts)
{
	choices c = {NULL, sizeof(*votes), 0};

	if (votes && n) {
		c.first = (const char *)&votes[0].choice;
		c.n = n;
	}
	return compute(qn, &c, counts);
}
