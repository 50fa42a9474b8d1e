/* Unit tests for scoring (DESIGN section 5), case by case. The
 * questionnaires come from small YAML strings through the loader; the
 * answers are built by hand. */
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/diag.h"
#include "yardstick/questionnaire.h"
#include "yardstick/score.h"

/* Four levels (0..3), threshold 0.75, three areas:
 *   alpha (weight 1): a1 L1 w3 (red flag: none), a2 L1 (inline answers, red
 *                     flag "unsigned" worth 0.8), a3 L2 w2 (N/A allowed),
 *                     a4 L2, a5 L3
 *   beta  (weight 2): b1 L1, b2a L2, b2b L2, b2c L2 (N/A), b3 L3 (N/A)
 *   gamma (weight 1): g1 L1 (red flag: most, which meets the threshold),
 *                     g2 L2, g3 L3, all allowing N/A */
static const char main_yaml[] =
	"yardstick: 1\n"
	"id: score-test\n"
	"title: Scoring test\n"
	"version: \"1\"\n"
	"threshold: 0.75\n"
	"levels:\n"
	"  - {name: Absent}\n"
	"  - {name: Initial}\n"
	"  - {name: Repeatable}\n"
	"  - {name: Established}\n"
	"answer_sets:\n"
	"  scale:\n"
	"    - {key: none, label: None, value: 0}\n"
	"    - {key: few, label: A few, value: 0.25}\n"
	"    - {key: half, label: Half, value: 0.5}\n"
	"    - {key: most, label: Most, value: 0.75}\n"
	"    - {key: all, label: All, value: 1}\n"
	"targets:\n"
	"  base: {default: 2, beta: 3}\n"
	"  zero: {default: 0}\n"
	"areas:\n"
	"  - id: alpha\n"
	"    title: Alpha\n"
	"    questions:\n"
	"      - {id: a1, level: 1, weight: 3, text: A1, answers: scale,"
	" red_flag: [none]}\n"
	"      - id: a2\n"
	"        level: 1\n"
	"        text: A2\n"
	"        answers:\n"
	"          - {key: none, label: \"No\", value: 0}\n"
	"          - {key: unsigned, label: \"Yes, unsigned\", value: 0.8}\n"
	"          - {key: all, label: \"Yes, signed\", value: 1}\n"
	"        red_flag: [unsigned]\n"
	"      - {id: a3, level: 2, weight: 2, text: A3, answers: scale,"
	" allow_na: true}\n"
	"      - {id: a4, level: 2, text: A4, answers: scale}\n"
	"      - {id: a5, level: 3, text: A5, answers: scale}\n"
	"  - id: beta\n"
	"    title: Beta\n"
	"    weight: 2\n"
	"    questions:\n"
	"      - {id: b1, level: 1, text: B1, answers: scale}\n"
	"      - {id: b2a, level: 2, text: B2a, answers: scale}\n"
	"      - {id: b2b, level: 2, text: B2b, answers: scale}\n"
	"      - {id: b2c, level: 2, text: B2c, answers: scale,"
	" allow_na: true}\n"
	"      - {id: b3, level: 3, text: B3, answers: scale, allow_na: true}\n"
	"  - id: gamma\n"
	"    title: Gamma\n"
	"    questions:\n"
	"      - {id: g1, level: 1, text: G1, answers: scale, allow_na: true,"
	" red_flag: [most]}\n"
	"      - {id: g2, level: 2, text: G2, answers: scale, allow_na: true}\n"
	"      - {id: g3, level: 3, text: G3, answers: scale, allow_na: true}\n";

/* Question indexes in main_yaml. */
enum { A1, A2, A3, A4, A5, B1, B2A, B2B, B2C, B3, G1, G2, G3, NQ };
enum { ALPHA, BETA, GAMMA };

/* A two-level questionnaire with threshold 0.5 and three areas of one
 * question each, for the threshold and tie-break cases. */
static const char small_yaml[] =
	"yardstick: 1\n"
	"id: small\n"
	"title: Small\n"
	"version: \"1\"\n"
	"threshold: 0.5\n"
	"levels: [{name: Absent}, {name: Present}]\n"
	"answer_sets:\n"
	"  scale:\n"
	"    - {key: none, label: None, value: 0}\n"
	"    - {key: few, label: A few, value: 0.25}\n"
	"    - {key: half, label: Half, value: 0.5}\n"
	"    - {key: all, label: All, value: 1}\n"
	"areas:\n"
	"  - {id: x, title: X, questions: [{id: x1, level: 1, text: X1,"
	" answers: scale}]}\n"
	"  - {id: y, title: Y, questions: [{id: y1, level: 1, text: Y1,"
	" answers: scale}]}\n"
	"  - {id: z, title: Z, questions: [{id: z1, level: 1, text: Z1,"
	" answers: scale}]}\n";

struct fixture {
	ys_questionnaire *q;
	ys_answers *a;
	ys_score s;
};

static ys_questionnaire *load(const char *yaml)
{
	ys_diags d;
	ys_questionnaire *q;

	memset(&d, 0, sizeof(d));
	q = ys_questionnaire_load_mem(yaml, strlen(yaml), "test.yaml", &d);
	if (!q) {
		ys_diags_print(&d, stderr, "test");
		ys_diags_free(&d);
		fail_msg("test questionnaire does not load");
	}
	ys_diags_free(&d);
	return q;
}

/* Empty answers bound to q: every question unanswered. */
static ys_answers *answers_for(const ys_questionnaire *q)
{
	ys_answers *a = ys_calloc(1, sizeof(*a));
	size_t i;

	assert_non_null(a);
	a->responses = ys_calloc(q->n_questions, sizeof(*a->responses));
	assert_non_null(a->responses);
	a->n_responses = q->n_questions;
	a->n_bound = q->n_questions;
	for (i = 0; i < q->n_questions; i++) {
		a->responses[i].choice.kind = YS_ANS_NONE;
		a->responses[i].choice.option = -1;
	}
	return a;
}

static void answers_destroy(ys_answers *a)
{
	size_t i;

	if (!a)
		return;
	for (i = 0; i < a->n_areas; i++) {
		ys_free(a->areas[i].area_id);
		ys_free(a->areas[i].owner);
	}
	ys_free(a->areas);
	ys_free(a->responses);
	ys_free(a->target);
	ys_free(a);
}

/* Sets question i's answer: an option key, "dont-know", "n/a", or NULL
 * for unanswered. */
static void answer(struct fixture *f, size_t i, const char *key)
{
	ys_choice *c = &f->a->responses[i].choice;

	if (!key) {
		c->kind = YS_ANS_NONE;
		c->option = -1;
	} else if (!strcmp(key, YS_KEY_DONT_KNOW)) {
		c->kind = YS_ANS_DONT_KNOW;
		c->option = -1;
	} else if (!strcmp(key, YS_KEY_NA)) {
		c->kind = YS_ANS_NA;
		c->option = -1;
	} else {
		long o = ys_question_option_index(&f->q->questions[i], key);

		assert_true(o >= 0);
		c->kind = YS_ANS_OPTION;
		c->option = (int)o;
	}
}

/* Answers every question of area ai with key. */
static void answer_area(struct fixture *f, size_t ai, const char *key)
{
	const ys_area *ar = &f->q->areas[ai];
	size_t j;

	for (j = 0; j < ar->n_questions; j++)
		answer(f, ar->first_question + j, key);
}

static void set_owner(struct fixture *f, const char *area, const char *owner)
{
	ys_area_record *r;

	r = ys_realloc(f->a->areas, (f->a->n_areas + 1) * sizeof(*r));
	assert_non_null(r);
	f->a->areas = r;
	r = &f->a->areas[f->a->n_areas++];
	memset(r, 0, sizeof(*r));
	r->area_id = ys_strdup(area);
	r->owner = owner ? ys_strdup(owner) : NULL;
}

static void compute(struct fixture *f, const char *target)
{
	ys_score_free(&f->s);
	assert_true(ys_score_compute(f->q, f->a, target, &f->s));
}

static int setup_main(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->q = load(main_yaml);
	assert_int_equal(f->q->n_questions, NQ);
	f->a = answers_for(f->q);
	*state = f;
	return 0;
}

static int setup_small(void **state)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->q = load(small_yaml);
	f->a = answers_for(f->q);
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *f = *state;

	ys_score_free(&f->s);
	answers_destroy(f->a);
	ys_questionnaire_free(f->q);
	free(f);
	return 0;
}

/* Checks that list l holds exactly the question indexes given. */
static void check_list(const ys_qlist *l, size_t n, ...)
{
	va_list ap;
	size_t i;

	assert_int_equal(l->count, n);
	va_start(ap, n);
	for (i = 0; i < n; i++)
		assert_int_equal(l->items[i], va_arg(ap, int));
	va_end(ap);
}

#define EPS 1e-9

/* cmocka 1.1 has no assert_double_equal. */
#define assert_near(x, y) do { \
		double x_ = (x), y_ = (y); \
		if (!(fabs(x_ - y_) <= EPS)) \
			fail_msg("%.17g is not %.17g", x_, y_); \
	} while (0)

/* ---- The hand-worked area --------------------------------------------- */

static void test_hand_worked_area(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *al;

	/* Area alpha, threshold 0.75:
	 *
	 *   question  level  weight  answer      v     w*v
	 *   a1        1      3       most        0.75  2.25
	 *   a2        1      1       all         1     1
	 *   a3        2      2       half        0.5   1
	 *   a4        2      1       don't know  0     0
	 *   a5        3      1       unanswered  -     -
	 *
	 * Score = 100 * (2.25 + 1 + 1 + 0) / (3 + 1 + 2 + 1)
	 *       = 100 * 4.25 / 7 = 60.714285...  -> shown as 61, Established.
	 * Level 1: a1 (0.75 >= 0.75) and a2 (1) meet it.
	 * Level 2: a3 (0.5 < 0.75) and a4 (don't know) do not -> level 1.
	 * Progress to level 2: 0 of 2 applicable questions met -> 0%.
	 * Blockers: a3, a4. Answered 4 of 5 -> provisional. */
	answer(f, A1, "most");
	answer(f, A2, "all");
	answer(f, A3, "half");
	answer(f, A4, YS_KEY_DONT_KNOW);
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	assert_int_equal(al->state, YS_AREA_ASSESSED);
	assert_near(al->score, 100.0 * 4.25 / 7.0);
	assert_int_equal(ys_round(al->score), 61);
	assert_string_equal(ys_band(al->score), "Established");
	assert_int_equal(al->level, 1);
	assert_int_equal(al->level_uncapped, 1);
	assert_int_equal(al->progress_to_next, 0);
	check_list(&al->blockers, 2, A3, A4);
	check_list(&al->dont_know, 1, A4);
	check_list(&al->unanswered, 1, A5);
	check_list(&al->red_flags, 0);
	check_list(&al->not_applicable, 0);
	assert_int_equal(al->answered, 4);
	assert_int_equal(al->total, 5);
	assert_true(f->s.provisional);
	/* Only alpha is assessed: the index is its score. */
	assert_true(f->s.has_index);
	assert_near(f->s.index, al->score);
	assert_int_equal(f->s.weakest_area, ALPHA);
	assert_int_equal(f->s.answered, 4);
	assert_int_equal(f->s.total, NQ);
}

/* ---- Don't know, N/A, unanswered -------------------------------------- */

static void test_dont_know(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *al;

	/* Everything met except a5, which is don't know: it counts v = 0
	 * and blocks level 3. Score = 100 * 7 / 8 (weights 3+1+2+1+1). */
	answer_area(f, ALPHA, "all");
	answer(f, A5, YS_KEY_DONT_KNOW);
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	assert_near(al->score, 100.0 * 7.0 / 8.0);
	assert_int_equal(al->level, 2);
	assert_int_equal(al->progress_to_next, 0);
	check_list(&al->blockers, 1, A5);
	check_list(&al->dont_know, 1, A5);
	assert_int_equal(al->answered, 5);

	/* Don't know on a level-1 question blocks everything above it. */
	answer(f, A5, "all");
	answer(f, A1, YS_KEY_DONT_KNOW);
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	assert_int_equal(al->level, 0);
	assert_near(al->score, 100.0 * 5.0 / 8.0);
	check_list(&al->blockers, 1, A1);
	assert_int_equal(al->progress_to_next, 50);     /* a2 met, a1 not */
}

static void test_not_applicable(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *al, *ga;

	/* a3 (weight 2) is N/A and a4 is "half": a3 leaves the sum, so
	 * score = 100 * (3*1 + 1*1 + 1*0.5 + 1*1) / (3 + 1 + 1 + 1)
	 *       = 100 * 5.5 / 6. Level 2 needs only a4, which fails. */
	answer_area(f, ALPHA, "all");
	answer(f, A3, YS_KEY_NA);
	answer(f, A4, "half");
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	assert_near(al->score, 100.0 * 5.5 / 6.0);
	assert_int_equal(al->level, 1);
	assert_int_equal(al->progress_to_next, 0);      /* 0 of 1, a3 excluded */
	check_list(&al->blockers, 1, A4);
	check_list(&al->not_applicable, 1, A3);
	assert_int_equal(al->answered, 5);

	/* With a4 met, level 2 holds without a3 and the area reaches 3. */
	answer(f, A4, "most");
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	assert_int_equal(al->level, 3);
	assert_int_equal(al->progress_to_next, -1);
	check_list(&al->blockers, 0);

	/* Every question N/A: not applicable, no level, not in the index. */
	answer_area(f, GAMMA, YS_KEY_NA);
	compute(f, NULL);
	ga = &f->s.areas[GAMMA];
	assert_int_equal(ga->state, YS_AREA_NOT_APPLICABLE);
	assert_int_equal(ga->level, -1);
	assert_int_equal(ga->level_uncapped, -1);
	assert_int_equal(ga->progress_to_next, -1);
	assert_int_equal(ga->answered, 3);
	check_list(&ga->not_applicable, 3, G1, G2, G3);
	assert_false(ga->target_met);

	/* N/A on a question that does not allow it counts as unanswered. */
	answer(f, A4, YS_KEY_NA);
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	check_list(&al->unanswered, 1, A4);
	check_list(&al->not_applicable, 1, A3);
	assert_int_equal(al->level, 1);
}

static void test_unanswered(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *al, *be, *ga;

	/* Nothing answered anywhere. */
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	assert_int_equal(al->state, YS_AREA_NOT_ASSESSED);
	assert_int_equal(al->level, -1);
	assert_int_equal(al->progress_to_next, -1);
	check_list(&al->unanswered, 5, A1, A2, A3, A4, A5);
	check_list(&al->blockers, 0);
	assert_false(f->s.has_index);
	assert_int_equal(f->s.weakest_area, -1);
	assert_true(f->s.provisional);
	assert_int_equal(f->s.answered, 0);

	/* Some N/A and the rest unanswered: not assessed, not "not
	 * applicable". */
	answer(f, G1, YS_KEY_NA);
	answer(f, G2, YS_KEY_NA);
	/* Unanswered questions are out of the score but block the level:
	 * b1 all, b2a all, b2b unanswered -> level 1, score 100. */
	answer(f, B1, "all");
	answer(f, B2A, "all");
	compute(f, NULL);
	ga = &f->s.areas[GAMMA];
	assert_int_equal(ga->state, YS_AREA_NOT_ASSESSED);
	be = &f->s.areas[BETA];
	assert_int_equal(be->state, YS_AREA_ASSESSED);
	assert_near(be->score, 100.0);
	assert_int_equal(be->level, 1);
	/* b2a met; b2b and b2c unanswered: 1 of 3 -> 33 (rounded down). */
	assert_int_equal(be->progress_to_next, 33);
	check_list(&be->blockers, 2, B2B, B2C);
	check_list(&be->unanswered, 3, B2B, B2C, B3);
	assert_int_equal(f->s.weakest_area, BETA);
}

/* ---- Provisional ------------------------------------------------------ */

static void test_provisional(void **state)
{
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < NQ; i++)
		answer(f, i, YS_KEY_DONT_KNOW);
	answer(f, A2, "none");
	answer(f, G1, YS_KEY_NA);
	compute(f, NULL);
	/* Don't know and N/A are answers: the result is final. */
	assert_false(f->s.provisional);
	assert_int_equal(f->s.answered, NQ);
	assert_int_equal(f->s.total, NQ);

	answer(f, B3, NULL);
	compute(f, NULL);
	assert_true(f->s.provisional);
	assert_int_equal(f->s.answered, NQ - 1);
}

/* ---- Red flags -------------------------------------------------------- */

static void test_red_flags(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *al;

	/* a2 = "unsigned" (0.8) meets the threshold but is a red flag:
	 * every level is met, so the area would be 3, capped at 1. */
	answer_area(f, ALPHA, "all");
	answer(f, A2, "unsigned");
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	assert_int_equal(al->level_uncapped, 3);
	assert_int_equal(al->level, 1);
	check_list(&al->red_flags, 1, A2);
	/* Progress to level 2: both level-2 questions meet it; nothing
	 * blocks it but the red flag. */
	assert_int_equal(al->progress_to_next, 100);
	check_list(&al->blockers, 0);
	/* The cap leaves the score alone: 100 * (3 + 0.8 + 2 + 1 + 1) / 8. */
	assert_near(al->score, 100.0 * 7.8 / 8.0);

	/* A red flag below the threshold: level 0, cap has no effect. */
	answer(f, A2, "all");
	answer(f, A1, "none");
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	assert_int_equal(al->level_uncapped, 0);
	assert_int_equal(al->level, 0);
	check_list(&al->red_flags, 1, A1);
	check_list(&al->blockers, 1, A1);
	assert_int_equal(al->progress_to_next, 50);

	/* A red flag with the uncapped level exactly 1: stays 1. */
	answer(f, A1, "all");
	answer(f, A2, "unsigned");
	answer(f, A4, "few");
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	assert_int_equal(al->level_uncapped, 1);
	assert_int_equal(al->level, 1);
	check_list(&al->blockers, 1, A4);
	assert_int_equal(al->progress_to_next, 50);

	/* Capped at 1 with every level-2 question N/A: nothing at level 2
	 * fails, so progress is 100% and only the red flag holds it. */
	answer(f, G1, "most");
	answer(f, G2, YS_KEY_NA);
	answer(f, G3, "all");
	compute(f, NULL);
	assert_int_equal(f->s.areas[GAMMA].level_uncapped, 3);
	assert_int_equal(f->s.areas[GAMMA].level, 1);
	assert_int_equal(f->s.areas[GAMMA].progress_to_next, 100);
	check_list(&f->s.areas[GAMMA].blockers, 0);
	check_list(&f->s.areas[GAMMA].red_flags, 1, G1);

	/* A red-flag key under don't know or N/A is no red flag. */
	answer(f, A2, YS_KEY_DONT_KNOW);
	compute(f, NULL);
	check_list(&f->s.areas[ALPHA].red_flags, 0);
}

/* ---- Gating and the threshold ----------------------------------------- */

static void test_gating(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *be;

	/* v exactly equal to the threshold (0.75) meets it. */
	answer_area(f, BETA, "most");
	compute(f, NULL);
	be = &f->s.areas[BETA];
	assert_int_equal(be->level, 3);
	assert_int_equal(be->progress_to_next, -1);
	assert_near(be->score, 75.0);
	assert_string_equal(ys_band(be->score), "Advanced");

	/* Just below: 0.5 at level 1 stops the area at 0 even though the
	 * higher levels are met. */
	answer(f, B1, "half");
	compute(f, NULL);
	be = &f->s.areas[BETA];
	assert_int_equal(be->level, 0);
	assert_int_equal(be->level_uncapped, 0);
	assert_int_equal(be->progress_to_next, 0);
	check_list(&be->blockers, 1, B1);

	/* Level 2 partly met: 2 of 3 -> 66 (not 67). */
	answer(f, B1, "all");
	answer(f, B2C, "few");
	compute(f, NULL);
	be = &f->s.areas[BETA];
	assert_int_equal(be->level, 1);
	assert_int_equal(be->progress_to_next, 66);
	check_list(&be->blockers, 1, B2C);

	/* b2c N/A: level 2 needs b2a and b2b only; b3 N/A too: the top
	 * level has no applicable question and is met. */
	answer(f, B2C, YS_KEY_NA);
	answer(f, B3, YS_KEY_NA);
	compute(f, NULL);
	be = &f->s.areas[BETA];
	assert_int_equal(be->level, 3);
	assert_int_equal(be->progress_to_next, -1);
}

static void test_threshold_other(void **state)
{
	struct fixture *f = *state;

	/* Threshold 0.5: "half" meets it, "few" does not. */
	answer(f, 0, "half");
	answer(f, 1, "few");
	answer(f, 2, "all");
	compute(f, NULL);
	assert_int_equal(f->s.areas[0].level, 1);
	assert_int_equal(f->s.areas[0].progress_to_next, -1);
	assert_int_equal(f->s.areas[1].level, 0);
	assert_int_equal(f->s.areas[1].progress_to_next, 0);
	assert_int_equal(f->s.areas[2].level, 1);
	assert_true(ys_choice_meets(f->q, &f->q->questions[0],
				    f->a->responses[0].choice));
	assert_false(ys_choice_meets(f->q, &f->q->questions[1],
				     f->a->responses[1].choice));
}

static void test_choice_helpers(void **state)
{
	struct fixture *f = *state;
	const ys_question *a2 = &f->q->questions[A2];
	ys_choice opt = { YS_ANS_OPTION, 1 };
	ys_choice dk = { YS_ANS_DONT_KNOW, -1 };
	ys_choice na = { YS_ANS_NA, -1 };
	ys_choice none = { YS_ANS_NONE, -1 };
	ys_choice bad = { YS_ANS_OPTION, 7 };

	assert_near(ys_choice_value(a2, opt), 0.8);
	assert_near(ys_choice_value(a2, dk), 0.0);
	assert_true(ys_choice_meets(f->q, a2, opt));
	assert_false(ys_choice_meets(f->q, a2, dk));
	assert_false(ys_choice_meets(f->q, a2, na));
	assert_false(ys_choice_meets(f->q, a2, none));
	/* An option index out of range never reads past the options. */
	assert_near(ys_choice_value(a2, bad), 0.0);
	assert_false(ys_choice_meets(f->q, a2, bad));
	f->a->responses[A2].choice = bad;
	compute(f, NULL);
	check_list(&f->s.areas[ALPHA].unanswered, 5, A1, A2, A3, A4, A5);
}

/* ---- Weights and the index -------------------------------------------- */

static void test_weights_and_index(void **state)
{
	struct fixture *f = *state;
	double alpha, beta;

	/* alpha: a1 (w3) none, the rest all:
	 *   100 * (0 + 1 + 2 + 1 + 1) / 8 = 62.5
	 * beta: b1 all, b2a most, b2b half, b2c few, b3 none:
	 *   100 * (1 + 0.75 + 0.5 + 0.25 + 0) / 5 = 50
	 * index (area weights 1 and 2; gamma not assessed):
	 *   (1 * 62.5 + 2 * 50) / 3 = 54.1666... */
	answer_area(f, ALPHA, "all");
	answer(f, A1, "none");
	answer(f, B1, "all");
	answer(f, B2A, "most");
	answer(f, B2B, "half");
	answer(f, B2C, "few");
	answer(f, B3, "none");
	compute(f, NULL);
	alpha = f->s.areas[ALPHA].score;
	beta = f->s.areas[BETA].score;
	assert_near(alpha, 62.5);
	assert_near(beta, 50.0);
	assert_true(f->s.has_index);
	assert_near(f->s.index, (62.5 + 2 * 50.0) / 3.0);
	assert_int_equal(ys_round(f->s.index), 54);
	/* alpha is at level 0 (a1 fails level 1), beta at 1 (b2b fails
	 * level 2): alpha is the weakest despite its higher score. */
	assert_int_equal(f->s.areas[ALPHA].level, 0);
	assert_int_equal(f->s.areas[BETA].level, 1);
	assert_int_equal(f->s.weakest_area, ALPHA);

	/* A weight-3 question moves the score three times as much. */
	answer(f, A1, "all");
	compute(f, NULL);
	assert_near(f->s.areas[ALPHA].score, 100.0);
	answer(f, A1, "few");
	compute(f, NULL);
	assert_near(f->s.areas[ALPHA].score,
			    100.0 * (0.75 + 5.0) / 8.0);
}

/* ---- Weakest area ----------------------------------------------------- */

static void test_weakest_by_level(void **state)
{
	struct fixture *f = *state;

	/* alpha: level 3, score 100. beta: level 1, score 90. gamma: level
	 * 2, score 58.3. The lowest level wins whatever the scores. */
	answer_area(f, ALPHA, "all");
	answer_area(f, BETA, "all");
	answer(f, B2C, "half");                 /* beta level 1, 90 */
	answer(f, G1, "all");
	answer(f, G2, "most");
	answer(f, G3, "none");                  /* gamma level 2, 58.3 */
	compute(f, NULL);
	assert_int_equal(f->s.areas[BETA].level, 1);
	assert_near(f->s.areas[BETA].score, 90.0);
	assert_int_equal(f->s.areas[GAMMA].level, 2);
	assert_near(f->s.areas[GAMMA].score, 100.0 * 1.75 / 3.0);
	assert_int_equal(f->s.weakest_area, BETA);
}

static void test_weakest_ties(void **state)
{
	struct fixture *f = *state;

	/* Same level (1) everywhere; y has the lowest score. */
	answer(f, 0, "all");
	answer(f, 1, "half");
	answer(f, 2, "all");
	compute(f, NULL);
	assert_int_equal(f->s.weakest_area, 1);

	/* Same level and same score: the first in questionnaire order. */
	answer(f, 1, "all");
	compute(f, NULL);
	assert_int_equal(f->s.weakest_area, 0);

	/* Only y and z at level 0 with equal scores: y comes first. */
	answer(f, 1, "few");
	answer(f, 2, "few");
	compute(f, NULL);
	assert_int_equal(f->s.weakest_area, 1);

	/* z lower than y at the same level. */
	answer(f, 2, "none");
	compute(f, NULL);
	assert_int_equal(f->s.weakest_area, 2);

	/* A not-assessed area is never the weakest. */
	answer(f, 0, NULL);
	answer(f, 1, "all");
	answer(f, 2, "all");
	compute(f, NULL);
	assert_int_equal(f->s.areas[0].state, YS_AREA_NOT_ASSESSED);
	assert_int_equal(f->s.weakest_area, 1);
}

/* ---- Bands and rounding ----------------------------------------------- */

static void test_round(void **state)
{
	(void)state;
	assert_int_equal(ys_round(0.0), 0);
	assert_int_equal(ys_round(2.5), 3);
	assert_int_equal(ys_round(-2.5), -3);
	assert_int_equal(ys_round(0.5), 1);
	assert_int_equal(ys_round(-0.5), -1);
	assert_int_equal(ys_round(1.5), 2);
	assert_int_equal(ys_round(0.49999999999999994), 0);
	assert_int_equal(ys_round(-0.49999999999999994), 0);
	assert_int_equal(ys_round(2.4999999), 2);
	assert_int_equal(ys_round(60.714285714), 61);
	assert_int_equal(ys_round(99.5), 100);
	assert_int_equal(ys_round(4503599627370495.5), 4503599627370496);
	assert_int_equal(ys_round((double)NAN), 0);
	assert_true(ys_round(1e300) > 0);
	assert_true(ys_round(-1e300) < 0);
}

static void test_bands(void **state)
{
	(void)state;
	assert_string_equal(ys_band(0), "Beginning");
	assert_string_equal(ys_band(24), "Beginning");
	assert_string_equal(ys_band(24.49), "Beginning");
	assert_string_equal(ys_band(24.5), "Developing");
	assert_string_equal(ys_band(25), "Developing");
	assert_string_equal(ys_band(49), "Developing");
	assert_string_equal(ys_band(49.49), "Developing");
	assert_string_equal(ys_band(49.5), "Established");
	assert_string_equal(ys_band(50), "Established");
	assert_string_equal(ys_band(74.4), "Established");
	assert_string_equal(ys_band(74.5), "Advanced");
	assert_string_equal(ys_band(75), "Advanced");
	assert_string_equal(ys_band(100), "Advanced");
}

/* ---- Targets ---------------------------------------------------------- */

static void test_targets(void **state)
{
	struct fixture *f = *state;

	/* alpha level 1 (target 2), beta level 2 (target 3), gamma not
	 * assessed (excluded):
	 *   percent = 100 * (1 - ((2-1) + (3-2)) / (2 + 3)) = 60 */
	answer_area(f, ALPHA, "all");
	answer(f, A4, "half");                          /* alpha level 1 */
	answer_area(f, BETA, "all");
	answer(f, B3, "half");                          /* beta level 2 */

	compute(f, NULL);                               /* no target */
	assert_false(f->s.has_target);
	assert_null(f->s.target_name);
	assert_false(f->s.has_percent_to_target);
	assert_int_equal(f->s.areas[ALPHA].target, 0);
	assert_true(f->s.areas[ALPHA].target_met);      /* level >= 0 */

	compute(f, "base");
	assert_true(f->s.has_target);
	assert_string_equal(f->s.target_name, "base");
	assert_int_equal(f->s.areas[ALPHA].target, 2);
	assert_int_equal(f->s.areas[BETA].target, 3);
	assert_int_equal(f->s.areas[GAMMA].target, 2);
	assert_false(f->s.areas[ALPHA].target_met);
	assert_false(f->s.areas[BETA].target_met);
	assert_false(f->s.areas[GAMMA].target_met);     /* not assessed */
	assert_true(f->s.has_percent_to_target);
	assert_near(f->s.percent_to_target, 60.0);

	/* Over-achieving one area does not make up for another. */
	answer(f, A4, "all");
	answer(f, A5, "all");                           /* alpha level 3 */
	compute(f, "base");
	assert_true(f->s.areas[ALPHA].target_met);
	assert_false(f->s.areas[BETA].target_met);
	assert_near(f->s.percent_to_target, 80.0);

	/* The answers' own target applies when none is given. */
	f->a->target = ys_strdup("base");
	compute(f, NULL);
	assert_string_equal(f->s.target_name, "base");
	assert_near(f->s.percent_to_target, 80.0);

	/* The argument wins over the answers' target. Every target is 0:
	 * met everywhere, but no percent (sum of targets is 0). */
	compute(f, "zero");
	assert_string_equal(f->s.target_name, "zero");
	assert_true(f->s.areas[ALPHA].target_met);
	assert_false(f->s.has_percent_to_target);

	/* An unknown profile is an error; the result is empty. */
	ys_score_free(&f->s);
	assert_false(ys_score_compute(f->q, f->a, "nonesuch", &f->s));
	assert_null(f->s.areas);
	assert_int_equal(f->s.n_areas, 0);
	ys_score_free(&f->s);
}

static void test_target_nothing_assessed(void **state)
{
	struct fixture *f = *state;

	compute(f, "base");
	assert_true(f->s.has_target);
	assert_false(f->s.has_percent_to_target);
}

/* ---- Ownership clarity ------------------------------------------------ */

static void test_ownership(void **state)
{
	struct fixture *f = *state;

	compute(f, NULL);
	assert_near(f->s.ownership_clarity, 0.0);

	set_owner(f, "alpha", "Head of ICT");
	set_owner(f, "beta", "");                       /* not named */
	set_owner(f, "gamma", NULL);
	set_owner(f, "zeta", "Someone");                /* not an area */
	compute(f, NULL);
	assert_true(f->s.areas[ALPHA].has_owner);
	assert_false(f->s.areas[BETA].has_owner);
	assert_false(f->s.areas[GAMMA].has_owner);
	assert_near(f->s.ownership_clarity, 100.0 / 3.0);

	set_owner(f, "gamma", "  ");                    /* blank */
	set_owner(f, "beta", "CDIO");
	compute(f, NULL);
	assert_false(f->s.areas[GAMMA].has_owner);
	assert_near(f->s.ownership_clarity, 200.0 / 3.0);
}

/* ---- Contested, unbound answers, out of memory ------------------------ */

static void test_contested(void **state)
{
	struct fixture *f = *state;

	f->a->responses[B2A].contested = true;
	f->a->responses[G3].contested = true;
	compute(f, NULL);
	check_list(&f->s.areas[BETA].contested, 1, B2A);
	check_list(&f->s.areas[GAMMA].contested, 1, G3);
	check_list(&f->s.areas[ALPHA].contested, 0);
}

static void test_unbound(void **state)
{
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < NQ; i++)
		answer(f, i, "all");
	set_owner(f, "alpha", "Head of ICT");
	f->a->n_bound = 0;              /* read but not bound */
	compute(f, NULL);
	assert_int_equal(f->s.answered, 0);
	assert_true(f->s.provisional);
	assert_false(f->s.has_index);
	for (i = 0; i < f->s.n_areas; i++)
		assert_int_equal(f->s.areas[i].state, YS_AREA_NOT_ASSESSED);
	/* Owners come from the area records, not the responses. */
	assert_true(f->s.areas[ALPHA].has_owner);

	f->a->n_bound = NQ + 1;         /* bound to another questionnaire */
	compute(f, NULL);
	assert_int_equal(f->s.answered, 0);

	/* No answers at all. */
	ys_score_free(&f->s);
	assert_true(ys_score_compute(f->q, NULL, NULL, &f->s));
	assert_int_equal(f->s.answered, 0);
	assert_int_equal(f->s.total, NQ);
	assert_int_equal(f->s.n_areas, 3);
}

static void test_out_of_memory(void **state)
{
	struct fixture *f = *state;
	long n;
	bool ok = false;

	/* A result with every list in use. */
	answer(f, A1, "most");
	answer(f, A2, "unsigned");
	answer(f, A3, YS_KEY_NA);
	answer(f, A4, YS_KEY_DONT_KNOW);
	answer(f, B1, "all");
	f->a->responses[B1].contested = true;
	for (n = 1; !ok && n < 1000; n++) {
		ys_score s;

		ys_alloc_fail_after(n);
		ok = ys_score_compute(f->q, f->a, "base", &s);
		ys_alloc_fail_after(0);
		if (!ok) {
			assert_null(s.areas);
			assert_int_equal(s.n_areas, 0);
		}
		ys_score_free(&s);
	}
	assert_true(ok);
	assert_true(n > 2);     /* some allocation really failed first */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_hand_worked_area,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_dont_know,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_not_applicable,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_unanswered,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_provisional,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_red_flags,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_gating,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_threshold_other,
						setup_small, teardown),
		cmocka_unit_test_setup_teardown(test_choice_helpers,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_weights_and_index,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_weakest_by_level,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_weakest_ties,
						setup_small, teardown),
		cmocka_unit_test(test_round),
		cmocka_unit_test(test_bands),
		cmocka_unit_test_setup_teardown(test_targets,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_target_nothing_assessed,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_ownership,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_contested,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_unbound,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_out_of_memory,
						setup_main, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
