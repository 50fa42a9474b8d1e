/* Unit tests for the workshop consensus rules.
 *
 * Exhaustive part: every sequence of 1 to 5 votes over a 4-option question
 * (each vote an option, don't know, N/A or absent), with and without N/A
 * allowed, compared with a reference written differently from the module
 * (it sorts the option votes and states each rule as a share of the votes
 * cast). Sequences rather than multisets, so the result is also checked not
 * to depend on the order of the votes. Then named cases by hand. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yardstick/consensus.h"

#define N_OPT 4
#define MAX_VOTES 5

static const ys_option opts[N_OPT] = {
	{"none", "None", 0}, {"few", "A few", 0.25},
	{"most", "Most", 0.75}, {"all", "All", 1},
};

static ys_question question(bool allow_na)
{
	ys_question qn;

	memset(&qn, 0, sizeof(qn));
	qn.id = "q";
	qn.level = 1;
	qn.weight = 1;
	qn.options = opts;
	qn.n_options = N_OPT;
	qn.allow_na = allow_na;
	return qn;
}

/* Symbols of the enumeration: 0..3 an option, then these. */
enum { S_DK = N_OPT, S_NA, S_ABSENT, N_SYM };

static ys_choice sym_choice(int s)
{
	switch (s) {
	case S_DK: return (ys_choice){YS_ANS_DONT_KNOW, -1};
	case S_NA: return (ys_choice){YS_ANS_NA, -1};
	case S_ABSENT: return (ys_choice){YS_ANS_NONE, -1};
	default: return (ys_choice){YS_ANS_OPTION, s};
	}
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The reference: what DESIGN section 7 says, the plain way. */
typedef struct ref_result {
	size_t cast, dk, na, per_option[N_OPT];
	unsigned range;
	bool contested;
	ys_choice proposed;
} ref_result;

static ref_result reference(const int *sym, size_t n, bool allow_na)
{
	ref_result r;
	int picked[MAX_VOTES];
	size_t k = 0, i;

	memset(&r, 0, sizeof(r));
	for (i = 0; i < n; i++) {
		if (sym[i] == S_ABSENT)
			continue;
		r.cast++;
		if (sym[i] == S_DK)
			r.dk++;
		else if (sym[i] == S_NA)
			r.na++;
		else {
			picked[k++] = sym[i];
			r.per_option[sym[i]]++;
		}
	}
	qsort(picked, k, sizeof(int), cmp_int);
	r.range = k ? (unsigned)(picked[k - 1] - picked[0]) : 0;
	r.contested = r.range >= 2;
	if (r.cast == 0)
		r.proposed = (ys_choice){YS_ANS_NONE, -1};
	else if (allow_na && r.na == r.cast)
		r.proposed = (ys_choice){YS_ANS_NA, -1};
	else if ((double)r.dk / (double)r.cast > 0.5)
		r.proposed = (ys_choice){YS_ANS_DONT_KNOW, -1};
	else if (k % 2 == 1)
		r.proposed = (ys_choice){YS_ANS_OPTION, picked[k / 2]};
	else if (k > 0)
		r.proposed = (ys_choice){YS_ANS_OPTION, picked[k / 2 - 1]};
	else
		r.proposed = (ys_choice){YS_ANS_DONT_KNOW, -1};
	return r;
}

static void check_against_reference(const int *sym, size_t n, bool allow_na)
{
	ys_question qn = question(allow_na);
	ys_choice votes[MAX_VOTES];
	ys_vote wvotes[MAX_VOTES];
	size_t counts[N_OPT], i;
	ref_result r = reference(sym, n, allow_na);
	ys_spread with, without, wv;

	memset(wvotes, 0, sizeof(wvotes));
	for (i = 0; i < n; i++) {
		votes[i] = sym_choice(sym[i]);
		wvotes[i].choice = votes[i];
	}
	with = ys_consensus_compute(&qn, votes, n, counts);
	without = ys_consensus_compute(&qn, votes, n, NULL);
	wv = ys_consensus_votes(&qn, wvotes, n, NULL);

	assert_int_equal(with.n_votes, r.cast);
	assert_int_equal(with.n_dont_know, r.dk);
	assert_int_equal(with.n_na, r.na);
	assert_int_equal(with.n_option, r.cast - r.dk - r.na);
	assert_int_equal(with.range, r.range);
	assert_int_equal(with.contested, r.contested);
	assert_int_equal(with.proposed.kind, r.proposed.kind);
	assert_int_equal(with.proposed.option, r.proposed.option);
	for (i = 0; i < N_OPT; i++)
		assert_int_equal(counts[i], r.per_option[i]);
	if (with.n_option) {
		assert_int_equal(with.max_option - with.min_option, (int)r.range);
	} else {
		assert_int_equal(with.min_option, -1);
		assert_int_equal(with.max_option, -1);
	}
	/* Counts or not, choices or votes: the same answer. */
	assert_memory_equal(&with, &without, sizeof(with));
	assert_memory_equal(&with, &wv, sizeof(with));
}

static void test_exhaustive(void **state)
{
	int sym[MAX_VOTES];
	size_t n, i, checked = 0;
	int na;

	(void)state;
	for (na = 0; na < 2; na++) {
		for (n = 1; n <= MAX_VOTES; n++) {
			memset(sym, 0, sizeof(sym));
			for (;;) {
				check_against_reference(sym, n, na);
				checked++;
				/* Next sequence, odometer style. */
				for (i = 0; i < n && ++sym[i] == N_SYM; i++)
					sym[i] = 0;
				if (i == n)
					break;
			}
		}
	}
	/* 7 + 49 + 343 + 2401 + 16807 sequences, twice. */
	assert_int_equal(checked, 2 * 19607);
}

/* Named cases ---------------------------------------------------------- */

#define OPT(i) ((ys_choice){YS_ANS_OPTION, (i)})
#define DK ((ys_choice){YS_ANS_DONT_KNOW, -1})
#define NA ((ys_choice){YS_ANS_NA, -1})
#define ABSENT ((ys_choice){YS_ANS_NONE, -1})

static ys_spread spread_of(bool allow_na, const ys_choice *v, size_t n)
{
	ys_question qn = question(allow_na);

	return ys_consensus_compute(&qn, v, n, NULL);
}

#define SPREAD(allow_na, ...) \
	spread_of(allow_na, (const ys_choice[]){__VA_ARGS__}, \
		  sizeof((const ys_choice[]){__VA_ARGS__}) / sizeof(ys_choice))

static void assert_option(ys_spread sp, int option)
{
	assert_int_equal(sp.proposed.kind, YS_ANS_OPTION);
	assert_int_equal(sp.proposed.option, option);
}

static void test_single_participant(void **state)
{
	ys_spread sp;

	(void)state;
	sp = SPREAD(false, OPT(2));
	assert_option(sp, 2);
	assert_int_equal(sp.n_votes, 1);
	assert_int_equal(sp.range, 0);
	assert_false(sp.contested);
	assert_int_equal(SPREAD(false, DK).proposed.kind, YS_ANS_DONT_KNOW);
	assert_int_equal(SPREAD(true, NA).proposed.kind, YS_ANS_NA);
}

static void test_tie_takes_lower_middle(void **state)
{
	ys_spread sp;

	(void)state;
	/* Two against two: the lower of the middle pair. */
	sp = SPREAD(false, OPT(3), OPT(1), OPT(3), OPT(1));
	assert_option(sp, 1);
	assert_int_equal(sp.range, 2);
	assert_true(sp.contested);
	/* Even count, distinct middles. */
	assert_option(SPREAD(false, OPT(0), OPT(2), OPT(3), OPT(3)), 2);
	/* Two votes one step apart: lower, not contested. */
	sp = SPREAD(false, OPT(2), OPT(1));
	assert_option(sp, 1);
	assert_false(sp.contested);
}

static void test_median_not_mode(void **state)
{
	(void)state;
	/* Mode would be 3; the lower median is 1. */
	assert_option(SPREAD(false, OPT(0), OPT(0), OPT(1), OPT(3), OPT(3)), 1);
}

static void test_all_dont_know(void **state)
{
	ys_spread sp;

	(void)state;
	sp = SPREAD(false, DK, DK, DK);
	assert_int_equal(sp.proposed.kind, YS_ANS_DONT_KNOW);
	assert_int_equal(sp.n_dont_know, 3);
	assert_int_equal(sp.n_option, 0);
	assert_int_equal(sp.range, 0);
	assert_false(sp.contested);
}

static void test_dont_know_majority(void **state)
{
	ys_spread sp;

	(void)state;
	/* Three of five: more than half. */
	sp = SPREAD(false, DK, OPT(3), DK, OPT(0), DK);
	assert_int_equal(sp.proposed.kind, YS_ANS_DONT_KNOW);
	/* The spread is still reported. */
	assert_int_equal(sp.range, 3);
	assert_true(sp.contested);
	/* Exactly half is not more than half. */
	assert_option(SPREAD(false, DK, DK, OPT(2), OPT(3)), 2);
}

static void test_mixed_na(void **state)
{
	ys_spread sp;

	(void)state;
	/* N/A is not unanimous: it takes no part, the options decide. */
	sp = SPREAD(true, NA, NA, NA, OPT(1));
	assert_option(sp, 1);
	assert_int_equal(sp.n_na, 3);
	assert_int_equal(sp.n_votes, 4);
	/* N/A and don't know only: don't know. */
	assert_int_equal(SPREAD(true, NA, DK).proposed.kind, YS_ANS_DONT_KNOW);
	assert_int_equal(SPREAD(true, NA, NA, DK).proposed.kind,
			 YS_ANS_DONT_KNOW);
	/* Unanimous N/A. */
	assert_int_equal(SPREAD(true, NA, NA, NA).proposed.kind, YS_ANS_NA);
	/* ... but not where the question does not allow it. */
	assert_int_equal(SPREAD(false, NA, NA).proposed.kind, YS_ANS_DONT_KNOW);
	/* N/A votes do not make a majority of don't know smaller. */
	assert_int_equal(SPREAD(true, DK, DK, NA, OPT(1)).proposed.kind,
			 YS_ANS_OPTION);
	assert_int_equal(SPREAD(true, DK, DK, DK, NA, OPT(1)).proposed.kind,
			 YS_ANS_DONT_KNOW);
}

static void test_absent_votes_are_not_votes(void **state)
{
	ys_spread sp;

	(void)state;
	sp = SPREAD(true, ABSENT, ABSENT);
	assert_int_equal(sp.proposed.kind, YS_ANS_NONE);
	assert_int_equal(sp.n_votes, 0);
	/* Two absent, one N/A: everyone who voted said N/A. */
	assert_int_equal(SPREAD(true, ABSENT, NA, ABSENT).proposed.kind,
			 YS_ANS_NA);
	/* Two don't know of three cast is a majority, whatever the absent. */
	assert_int_equal(SPREAD(false, DK, ABSENT, ABSENT, DK, OPT(1)).proposed.kind,
			 YS_ANS_DONT_KNOW);
	/* Nothing at all. */
	sp = spread_of(false, NULL, 0);
	assert_int_equal(sp.proposed.kind, YS_ANS_NONE);
	assert_int_equal(sp.min_option, -1);
	sp = ys_consensus_votes(&(ys_question){.n_options = 0}, NULL, 0, NULL);
	assert_int_equal(sp.proposed.kind, YS_ANS_NONE);
}

static void test_out_of_range_option_is_absent(void **state)
{
	ys_spread sp;

	(void)state;
	sp = SPREAD(false, OPT(7), OPT(-1), OPT(1));
	assert_int_equal(sp.n_votes, 1);
	assert_option(sp, 1);
	assert_int_equal(sp.range, 0);
}

static void test_many_votes(void **state)
{
	ys_question qn = question(false);
	ys_choice v[1001];
	size_t counts[N_OPT], i;
	ys_spread a, b;

	(void)state;
	/* 400 x option 0, 1 x option 1, 600 x option 3: rank 500 is 3. */
	for (i = 0; i < 1001; i++)
		v[i] = i < 400 ? OPT(0) : i == 400 ? OPT(1) : OPT(3);
	a = ys_consensus_compute(&qn, v, 1001, counts);
	b = ys_consensus_compute(&qn, v, 1001, NULL);
	assert_option(a, 3);
	assert_memory_equal(&a, &b, sizeof(a));
	assert_int_equal(counts[0], 400);
	assert_int_equal(counts[1], 1);
	assert_int_equal(counts[2], 0);
	assert_int_equal(counts[3], 600);
	/* 500 at 0, 1 at 1, 500 at 3: the middle vote is the 1. */
	for (i = 0; i < 1001; i++)
		v[i] = i < 500 ? OPT(0) : i == 500 ? OPT(1) : OPT(3);
	assert_option(ys_consensus_compute(&qn, v, 1001, NULL), 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exhaustive),
		cmocka_unit_test(test_single_participant),
		cmocka_unit_test(test_tie_takes_lower_middle),
		cmocka_unit_test(test_median_not_mode),
		cmocka_unit_test(test_all_dont_know),
		cmocka_unit_test(test_dont_know_majority),
		cmocka_unit_test(test_mixed_na),
		cmocka_unit_test(test_absent_votes_are_not_votes),
		cmocka_unit_test(test_out_of_range_option_is_absent),
		cmocka_unit_test(test_many_votes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
