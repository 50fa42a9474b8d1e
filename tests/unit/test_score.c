/* Unit tests for scoring, revision 2 (DESIGN section 5), case by case.
 * The questionnaires come from small YAML strings through the loader;
 * the answers are built by hand. Each case works its arithmetic out in
 * a comment beside the figures it asserts. */
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
 *   alpha (weight 1): a1 L1 w3 (red flag: none, default cap 1), a2 L1
 *                     (inline answers, red flag "unsigned" worth 0.8),
 *                     a3 L2 w2 (N/A allowed), a4 L2 (advice, known_by),
 *                     a5 L3
 *   beta  (weight 2): b1 L1, b2a L2, b2b L2, b2c L2 (N/A), b3 L3 (N/A)
 *   gamma (weight 1): g1 L1 (red flag: most, which meets the threshold),
 *                     g2 L2, g3 L3, all allowing N/A
 * Targets: base (alpha 2, beta 3, gamma 2), even (2 everywhere), zero
 * (0 everywhere), later (gamma 2, the others 0). */
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
	"  even: {default: 2}\n"
	"  zero: {default: 0}\n"
	"  later: {default: 0, gamma: 2}\n"
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
	"      - id: a4\n"
	"        level: 2\n"
	"        text: A4\n"
	"        answers: scale\n"
	"        advice: Write the practice down and name who owns it.\n"
	"        known_by: Head of ICT\n"
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

/* Four levels (0..3), threshold 0.75, for the red-flag caps:
 *   w (the worked example of DESIGN section 5): p L1; a, b L2; r L3 (red
 *     flag: none, cap 1 written out), s, t L3
 *   k (caps 0 and 2): k1 L1; k2 L2 (red flag "unsigned", worth 0.8,
 *     which meets the threshold; cap 2); k3 L3 (red flag: none, cap 0);
 *     k4 L3
 *   d (a red flag that is also an unmet question at the next level):
 *     d1 L1 (red flag: none, cap 0); d2 L2; d3 L3 */
static const char caps_yaml[] =
	"yardstick: 1\n"
	"id: caps\n"
	"title: Caps\n"
	"version: \"1\"\n"
	"levels: [{name: L0}, {name: L1}, {name: L2}, {name: L3}]\n"
	"answer_sets:\n"
	"  scale:\n"
	"    - {key: none, label: None, value: 0}\n"
	"    - {key: few, label: A few, value: 0.25}\n"
	"    - {key: half, label: Half, value: 0.5}\n"
	"    - {key: most, label: Most, value: 0.75}\n"
	"    - {key: all, label: All, value: 1}\n"
	"areas:\n"
	"  - id: w\n"
	"    title: Worked\n"
	"    questions:\n"
	"      - {id: p, level: 1, text: P, answers: scale}\n"
	"      - {id: a, level: 2, text: A, answers: scale}\n"
	"      - {id: b, level: 2, text: B, answers: scale,"
	" advice: Do B.}\n"
	"      - id: r\n"
	"        level: 3\n"
	"        text: R\n"
	"        answers: scale\n"
	"        red_flag: [none]\n"
	"        red_flag_cap: 1\n"
	"        advice: Fix R first.\n"
	"      - {id: s, level: 3, text: S, answers: scale}\n"
	"      - {id: t, level: 3, text: T, answers: scale}\n"
	"  - id: k\n"
	"    title: Caps\n"
	"    questions:\n"
	"      - {id: k1, level: 1, text: K1, answers: scale}\n"
	"      - id: k2\n"
	"        level: 2\n"
	"        text: K2\n"
	"        answers:\n"
	"          - {key: none, label: \"No\", value: 0}\n"
	"          - {key: unsigned, label: \"Yes, unsigned\", value: 0.8}\n"
	"          - {key: signed, label: \"Yes, signed\", value: 1}\n"
	"        red_flag_cap: 2\n"
	"        red_flag: [unsigned]\n"
	"      - {id: k3, level: 3, text: K3, answers: scale,"
	" red_flag: [none], red_flag_cap: 0, known_by: Records manager}\n"
	"      - {id: k4, level: 3, text: K4, answers: scale}\n"
	"  - id: d\n"
	"    title: Double\n"
	"    questions:\n"
	"      - {id: d1, level: 1, text: D1, answers: scale,"
	" red_flag: [none], red_flag_cap: 0}\n"
	"      - {id: d2, level: 2, text: D2, answers: scale}\n"
	"      - {id: d3, level: 3, text: D3, answers: scale}\n";

/* Question and area indexes in caps_yaml. */
enum { WP, WA, WB, WR, WS, WT, K1, K2, K3, K4, D1, D2, D3, NQ_CAPS };
enum { AREA_W, AREA_K, AREA_D };

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

static int setup_with(void **state, const char *yaml, size_t nq)
{
	struct fixture *f = calloc(1, sizeof(*f));

	if (!f)
		return -1;
	f->q = load(yaml);
	assert_int_equal(f->q->n_questions, nq);
	f->a = answers_for(f->q);
	*state = f;
	return 0;
}

static int setup_main(void **state)
{
	return setup_with(state, main_yaml, NQ);
}

static int setup_small(void **state)
{
	return setup_with(state, small_yaml, 3);
}

static int setup_caps(void **state)
{
	return setup_with(state, caps_yaml, NQ_CAPS);
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

/* Checks an assessed area's level figures in one go. */
static void check_level(const ys_area_score *x, int level, int gated,
			int cap, bool capped, int progress_to_next)
{
	assert_int_equal(x->state, YS_AREA_ASSESSED);
	assert_int_equal(x->level, level);
	assert_int_equal(x->gated, gated);
	assert_int_equal(x->cap, cap);
	if (x->capped != capped)
		fail_msg("capped is %d, expected %d", x->capped, capped);
	assert_int_equal(x->progress_to_next, progress_to_next);
}

/* Checks an area that has no figures (not assessed, not applicable). */
static void check_no_figures(const ys_area_score *x, ys_area_state state)
{
	assert_int_equal(x->state, state);
	assert_int_equal(x->level, -1);
	assert_int_equal(x->gated, -1);
	assert_int_equal(x->cap, -1);
	assert_false(x->capped);
	assert_int_equal(x->progress_to_next, -1);
	assert_true(x->maturity == 0.0);
	check_list(&x->blockers, 0);
	assert_int_equal(x->n_cap_blockers, 0);
	assert_false(x->target_met);
}

#define EPS 1e-9

/* cmocka 1.1 has no assert_double_equal: exact figures are compared with
 * ==, inexact ones (a third, a weighted mean) within EPS. */
#define assert_near(x, y) do { \
		double x_ = (x), y_ = (y); \
		if (!(fabs(x_ - y_) <= EPS)) \
			fail_msg("%.17g is not %.17g", x_, y_); \
	} while (0)
#define assert_exact(x, y) do { \
		double x_ = (x), y_ = (y); \
		if (!(x_ == y_)) \
			fail_msg("%.17g is not exactly %.17g", x_, y_); \
	} while (0)

/* The display form of a maturity, for comparing in one line. */
static const char *mat_str(double m)
{
	static char buf[YS_FIGURE_BUF];

	return ys_maturity_str(m, buf);
}

/* ---- The hand-worked area --------------------------------------------- */

static void test_hand_worked_area(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *al;

	/* Area alpha, threshold 0.75:
	 *
	 *   question  level  weight  answer      v     w*v   meets
	 *   a1        1      3       most        0.75  2.25  yes
	 *   a2        1      1       all         1     1     yes
	 *   a3        2      2       half        0.5   1     no
	 *   a4        2      1       don't know  0     0     no
	 *   a5        3      1       unanswered  -     -     no
	 *
	 * Practice = 100 * (2.25 + 1 + 1 + 0) / (3 + 1 + 2 + 1)
	 *          = 100 * 4.25 / 7 = 60.714285...  -> shown as 61.
	 * G = 1 (a1, a2 meet level 1; a3 fails level 2). f = 0/2 = 0 at
	 * level 2. No red flag, no cap. Maturity = 1 + 0 = 1.0, level 1,
	 * progress to level 2: 0%. Blockers: a3, a4 (no red flag first).
	 * Answered 4 of 5 -> provisional. */
	answer(f, A1, "most");
	answer(f, A2, "all");
	answer(f, A3, "half");
	answer(f, A4, YS_KEY_DONT_KNOW);
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	check_level(al, 1, 1, -1, false, 0);
	assert_exact(al->maturity, 1.0);
	assert_exact(al->progress, 0.0);
	assert_string_equal(mat_str(al->maturity), "1.0");
	assert_near(al->practice, 100.0 * 4.25 / 7.0);
	assert_int_equal(ys_practice_shown(al->practice), 61);
	check_list(&al->blockers, 2, A3, A4);
	assert_int_equal(al->n_cap_blockers, 0);
	check_list(&al->dont_know, 1, A4);
	check_list(&al->unanswered, 1, A5);
	check_list(&al->red_flags, 0);
	check_list(&al->not_applicable, 0);
	assert_int_equal(al->answered, 4);
	assert_int_equal(al->total, 5);
	assert_true(f->s.provisional);
	/* Only alpha is assessed: the overall figures are its own. */
	assert_true(f->s.assessed);
	assert_exact(f->s.maturity, al->maturity);
	assert_exact(f->s.practice, al->practice);
	assert_int_equal(f->s.weakest_area, ALPHA);
	assert_int_equal(f->s.answered, 4);
	assert_int_equal(f->s.total, NQ);
	check_no_figures(&f->s.areas[BETA], YS_AREA_NOT_ASSESSED);
	/* The loader kept the advice and who knows for the question. */
	assert_string_equal(f->q->questions[A4].known_by, "Head of ICT");
	assert_non_null(f->q->questions[A4].advice);
	assert_null(f->q->questions[A3].advice);
}

/* ---- Maturity 1.5 ----------------------------------------------------- */

static void test_maturity_one_and_a_half(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *al;

	/* alpha: a1 all, a2 all (level 1 met: G >= 1); level 2 has a3 all
	 * (meets) and a4 half (0.5 < 0.75, fails): G = 1, f = 1/2. a5 none.
	 * No red flag (a1's is "none", a2's "unsigned"). Maturity = 1 + 1/2
	 * = 1.5 exactly, level 1, progress to level 2 = 100 * 1/2 = 50.
	 * Practice = 100 * (3 + 1 + 2 + 0.5 + 0) / 8 = 81.25 -> 81. */
	answer(f, A1, "all");
	answer(f, A2, "all");
	answer(f, A3, "all");
	answer(f, A4, "half");
	answer(f, A5, "none");
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	check_level(al, 1, 1, -1, false, 50);
	assert_exact(al->maturity, 1.5);
	assert_exact(al->progress, 0.5);
	assert_string_equal(mat_str(al->maturity), "1.5");
	assert_exact(al->practice, 81.25);
	assert_int_equal(ys_practice_shown(al->practice), 81);
	check_list(&al->blockers, 1, A4);
	assert_int_equal(al->n_cap_blockers, 0);
	assert_true(f->s.provisional);          /* other areas are open */
}

/* ---- Don't know, N/A, unanswered -------------------------------------- */

static void test_dont_know(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *al;

	/* Everything met except a5, which is don't know: v = 0 in the
	 * practice score, 100 * 7 / 8 (weights 3+1+2+1+1), and it fails
	 * level 3: G = 2, f = 0/1 -> maturity 2.0, progress 0. */
	answer_area(f, ALPHA, "all");
	answer(f, A5, YS_KEY_DONT_KNOW);
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	check_level(al, 2, 2, -1, false, 0);
	assert_exact(al->maturity, 2.0);
	assert_exact(al->practice, 100.0 * 7.0 / 8.0);
	check_list(&al->blockers, 1, A5);
	check_list(&al->dont_know, 1, A5);
	assert_int_equal(al->answered, 5);

	/* Don't know on a level-1 question: G = 0; level 1 has a1 (don't
	 * know) and a2 (met): f = 1/2, maturity 0.5, progress 50. The
	 * higher levels, all met, count for nothing until a1 is met.
	 * Practice = 100 * (0 + 1 + 2 + 1 + 1) / 8 = 62.5. */
	answer(f, A5, "all");
	answer(f, A1, YS_KEY_DONT_KNOW);
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	check_level(al, 0, 0, -1, false, 50);
	assert_exact(al->maturity, 0.5);
	assert_exact(al->practice, 62.5);
	check_list(&al->blockers, 1, A1);
	check_list(&al->red_flags, 0);  /* don't know is never a red flag */
}

static void test_not_applicable(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *al, *ga;

	/* a3 (weight 2) is N/A and a4 is "half": a3 leaves the sum, so
	 * practice = 100 * (3*1 + 1*1 + 1*0.5 + 1*1) / (3 + 1 + 1 + 1)
	 *          = 100 * 5.5 / 6. Level 2 has only a4 applicable, which
	 * fails: G = 1, f = 0/1, maturity 1.0, progress 0. */
	answer_area(f, ALPHA, "all");
	answer(f, A3, YS_KEY_NA);
	answer(f, A4, "half");
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	check_level(al, 1, 1, -1, false, 0);
	assert_exact(al->maturity, 1.0);
	assert_near(al->practice, 100.0 * 5.5 / 6.0);
	check_list(&al->blockers, 1, A4);
	check_list(&al->not_applicable, 1, A3);
	assert_int_equal(al->answered, 5);

	/* With a4 met, level 2 holds without a3 and the area reaches the
	 * top: G = 3, f = 0, maturity 3.0, no progress figure, no
	 * blockers. */
	answer(f, A4, "most");
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	check_level(al, 3, 3, -1, false, -1);
	assert_exact(al->maturity, 3.0);
	assert_exact(al->progress, 0.0);
	check_list(&al->blockers, 0);

	/* Every question N/A: not applicable, no figures, and out of the
	 * overall maturity: alpha (3.0; practice 100 * (3 + 1 + 0.75 + 1)
	 * / 6 = 95.83) is the only assessed area, so the overall maturity is
	 * 3.0, not (3 + 0) / 2. */
	answer_area(f, GAMMA, YS_KEY_NA);
	compute(f, NULL);
	ga = &f->s.areas[GAMMA];
	check_no_figures(ga, YS_AREA_NOT_APPLICABLE);
	assert_int_equal(ga->answered, 3);
	check_list(&ga->not_applicable, 3, G1, G2, G3);
	assert_exact(f->s.maturity, 3.0);
	assert_near(f->s.practice, 100.0 * 5.75 / 6.0);
	assert_exact(f->s.practice, f->s.areas[ALPHA].practice);
	assert_int_equal(f->s.weakest_area, ALPHA);

	/* With beta assessed at 0.0 too (b1 none: G = 0, f = 0/1), the mean
	 * is (1 * 3 + 2 * 0) / (1 + 2) = 1.0: gamma's weight 1 is still out.
	 * Beta's practice: 100 * 0 / 1 = 0; overall practice
	 * (1 * 95.83 + 2 * 0) / 3 = 100 * 5.75 / 18. */
	answer(f, B1, "none");
	compute(f, NULL);
	assert_exact(f->s.areas[BETA].maturity, 0.0);
	assert_exact(f->s.maturity, 1.0);
	assert_near(f->s.practice, 100.0 * 5.75 / 18.0);
	assert_int_equal(f->s.weakest_area, BETA);

	/* N/A on a question that does not allow it counts as unanswered:
	 * a4 then fails level 2 and the area is back to 1.0. */
	answer(f, A4, YS_KEY_NA);
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	check_list(&al->unanswered, 1, A4);
	check_list(&al->not_applicable, 1, A3);
	check_level(al, 1, 1, -1, false, 0);
	check_list(&al->blockers, 1, A4);
}

static void test_unanswered(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *al, *be;

	/* Nothing answered anywhere: no area assessed, no overall figures. */
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	check_no_figures(al, YS_AREA_NOT_ASSESSED);
	check_list(&al->unanswered, 5, A1, A2, A3, A4, A5);
	assert_false(f->s.assessed);
	assert_exact(f->s.maturity, 0.0);
	assert_int_equal(f->s.weakest_area, -1);
	assert_true(f->s.provisional);
	assert_int_equal(f->s.answered, 0);

	/* Some N/A and the rest unanswered: not assessed, not "not
	 * applicable". */
	answer(f, G1, YS_KEY_NA);
	answer(f, G2, YS_KEY_NA);
	/* Unanswered questions are out of the practice score but block
	 * levels: b1 all, b2a all, the rest unanswered. Practice 100.
	 * G = 1; level 2 has b2a (met), b2b and b2c (unanswered): f = 1/3,
	 * maturity 4/3 -> "1.3", progress 33 (rounded down). */
	answer(f, B1, "all");
	answer(f, B2A, "all");
	compute(f, NULL);
	check_no_figures(&f->s.areas[GAMMA], YS_AREA_NOT_ASSESSED);
	be = &f->s.areas[BETA];
	check_level(be, 1, 1, -1, false, 33);
	assert_exact(be->practice, 100.0);
	assert_near(be->maturity, 4.0 / 3.0);
	assert_near(be->progress, 1.0 / 3.0);
	assert_string_equal(mat_str(be->maturity), "1.3");
	check_list(&be->blockers, 2, B2B, B2C);
	check_list(&be->unanswered, 3, B2B, B2C, B3);
	assert_int_equal(f->s.weakest_area, BETA);
	assert_near(f->s.maturity, 4.0 / 3.0);
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
	/* Nothing meets the threshold: alpha and beta at 0.0. Gamma's
	 * level 1 has only g1, N/A, so it passes with no applicable
	 * question: G = 1, and g2 (don't know) fails level 2, f = 0/1:
	 * 1.0. */
	assert_exact(f->s.areas[ALPHA].maturity, 0.0);
	assert_exact(f->s.areas[BETA].maturity, 0.0);
	assert_exact(f->s.areas[GAMMA].maturity, 1.0);
	check_list(&f->s.areas[GAMMA].blockers, 1, G2);

	answer(f, B3, NULL);
	compute(f, NULL);
	assert_true(f->s.provisional);
	assert_int_equal(f->s.answered, NQ - 1);
}

/* A workshop file: an answered question the room has not settled keeps
 * the result provisional (DESIGN section 5); a file with no settled key
 * at all (written before it existed) counts its answers as settled. */
static void test_unsettled(void **state)
{
	struct fixture *f = *state;
	size_t i;

	for (i = 0; i < NQ; i++)
		answer(f, i, YS_KEY_DONT_KNOW);
	f->a->mode = YS_MODE_WORKSHOP;
	compute(f, NULL);
	assert_false(f->s.provisional);         /* no settled key: settled */
	assert_int_equal(f->s.unsettled, 0);

	f->a->has_settled = true;
	for (i = 0; i < NQ; i++)
		f->a->responses[i].settled = true;
	f->a->responses[A2].settled = false;
	f->a->responses[B3].settled = false;
	compute(f, NULL);
	assert_true(f->s.provisional);
	assert_int_equal(f->s.unsettled, 2);
	assert_int_equal(f->s.answered, NQ);    /* answered, not settled */

	/* An unanswered question is counted as unanswered, not unsettled. */
	answer(f, B3, NULL);
	compute(f, NULL);
	assert_int_equal(f->s.unsettled, 1);
	assert_int_equal(f->s.answered, NQ - 1);

	answer(f, B3, YS_KEY_DONT_KNOW);
	f->a->responses[A2].settled = true;
	f->a->responses[B3].settled = true;
	compute(f, NULL);
	assert_false(f->s.provisional);

	/* Settled flags mean nothing in an interview. */
	f->a->mode = YS_MODE_INTERVIEW;
	f->a->responses[A2].settled = false;
	compute(f, NULL);
	assert_false(f->s.provisional);
}

/* ---- Red flags -------------------------------------------------------- */

static void test_worked_example(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *w;

	/* DESIGN section 5, worked example, in area w:
	 *   level 1: p all                   (met)
	 *   level 2: a all (met), b half     (not met)
	 *   level 3: r none (red flag, cap 1), s all (met), t none
	 * G = 1 (b fails level 2). f = 1/2 (a of a, b). c = 1 (r).
	 * G + f = 1.5 > c = 1: maturity = min(1.5, 1) = 1.0, level 1,
	 * capped, progress to level 2 shown as 0. Blockers: the red flags
	 * whose cap is at most 1 (r), then level 2's unmet questions (b).
	 * Practice = 100 * (1 + 1 + 0.5 + 0 + 1 + 0) / 6 = 58.33 -> 58. */
	answer(f, WP, "all");
	answer(f, WA, "all");
	answer(f, WB, "half");
	answer(f, WR, "none");
	answer(f, WS, "all");
	answer(f, WT, "none");
	compute(f, NULL);
	w = &f->s.areas[AREA_W];
	check_level(w, 1, 1, 1, true, 0);
	assert_exact(w->progress, 0.5);
	assert_exact(w->maturity, 1.0);
	assert_string_equal(mat_str(w->maturity), "1.0");
	check_list(&w->red_flags, 1, WR);
	check_list(&w->blockers, 2, WR, WB);
	assert_int_equal(w->n_cap_blockers, 1);
	assert_near(w->practice, 100.0 * 3.5 / 6.0);
	assert_int_equal(ys_practice_shown(w->practice), 58);

	/* Once b is met: G = 2; f as level 3 stands: s of r, s, t = 1/3.
	 * G + f = 2.33 > c = 1: maturity still 1.0, level 1, capped.
	 * Blockers: r only (level 2 has nothing unmet). */
	answer(f, WB, "all");
	compute(f, NULL);
	w = &f->s.areas[AREA_W];
	check_level(w, 1, 2, 1, true, 0);
	assert_near(w->progress, 1.0 / 3.0);
	assert_exact(w->maturity, 1.0);
	check_list(&w->blockers, 1, WR);
	assert_int_equal(w->n_cap_blockers, 1);

	/* Once r is fixed too (all, which also meets level 3): no cap.
	 * G = 2, f = 2/3 (r and s of r, s, t): maturity 2 + 2/3 = 2.67,
	 * shown "2.6"; level 2; progress 66 (rounded down); blockers t. */
	answer(f, WR, "all");
	compute(f, NULL);
	w = &f->s.areas[AREA_W];
	check_level(w, 2, 2, -1, false, 66);
	assert_near(w->progress, 2.0 / 3.0);
	assert_near(w->maturity, 2.0 + 2.0 / 3.0);
	assert_string_equal(mat_str(w->maturity), "2.6");
	check_list(&w->red_flags, 0);
	check_list(&w->blockers, 1, WT);
	assert_int_equal(w->n_cap_blockers, 0);

	/* r fixed to a value that still fails level 3 (few): no cap, and
	 * f = 1/3: maturity 2 + 1/3, above the capped 1.0 it had. */
	answer(f, WR, "few");
	compute(f, NULL);
	w = &f->s.areas[AREA_W];
	check_level(w, 2, 2, -1, false, 33);
	assert_near(w->maturity, 2.0 + 1.0 / 3.0);
	check_list(&w->blockers, 2, WR, WT);
	assert_int_equal(w->n_cap_blockers, 0);
}

static void test_caps_zero_and_two(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *k;

	/* A red flag caps the area as soon as it is answered, even where
	 * the question was unanswered before: k1 all, k2 signed, k3
	 * unanswered, k4 all: G = 2, f = 1/2 (k4 of k3, k4), 2.5. Then k3
	 * none (red flag, cap 0): maturity 0.0. (So "maturity never falls
	 * when an answer improves" holds for answers that do not become a
	 * red flag; the property test below keeps to those.) */
	answer(f, K1, "all");
	answer(f, K2, "signed");
	answer(f, K4, "all");
	compute(f, NULL);
	k = &f->s.areas[AREA_K];
	check_level(k, 2, 2, -1, false, 50);
	assert_exact(k->maturity, 2.5);
	answer(f, K3, "none");
	compute(f, NULL);
	k = &f->s.areas[AREA_K];
	check_level(k, 0, 2, 0, true, 0);
	assert_exact(k->maturity, 0.0);

	/* Area k: k1 all (level 1 met), k2 unsigned (0.8 meets level 2 but
	 * is a red flag with cap 2), k3 none (red flag, cap 0; fails level
	 * 3), k4 all. G = 2, f = 1/2 (k4 of k3, k4): G + f = 2.5.
	 * c = min(2, 0) = 0 < 2.5: maturity 0.0, level 0, capped.
	 * Blockers: red flags with cap <= 0: k3 only (k2's cap 2 > 0); then
	 * level 1's unmet questions: none. */
	answer(f, K1, "all");
	answer(f, K2, "unsigned");
	answer(f, K3, "none");
	answer(f, K4, "all");
	compute(f, NULL);
	k = &f->s.areas[AREA_K];
	check_level(k, 0, 2, 0, true, 0);
	assert_exact(k->maturity, 0.0);
	assert_exact(k->progress, 0.5);
	assert_string_equal(mat_str(k->maturity), "0.0");
	check_list(&k->red_flags, 2, K2, K3);
	check_list(&k->blockers, 1, K3);
	assert_int_equal(k->n_cap_blockers, 1);
	/* w is not assessed: k is the only candidate for the weakest. */
	assert_int_equal(f->s.weakest_area, AREA_K);

	/* Clear the cap-0 flag: k3 all. G = 3 (top), f = 0; c = 2 < 3:
	 * maturity 2.0, level 2, capped; blockers k2 (cap 2 <= 2), and
	 * level 3 has nothing unmet. */
	answer(f, K3, "all");
	compute(f, NULL);
	k = &f->s.areas[AREA_K];
	check_level(k, 2, 3, 2, true, 0);
	assert_exact(k->maturity, 2.0);
	assert_exact(k->progress, 0.0);
	check_list(&k->red_flags, 1, K2);
	check_list(&k->blockers, 1, K2);
	assert_int_equal(k->n_cap_blockers, 1);

	/* The cap-2 flag where G + f is exactly 2 (k3, k4 half: G = 2,
	 * f = 0/2): c = 2 is not below 2, so not capped, maturity 2.0; the
	 * flag still stands between level 2 and 3 (cap 2 <= level 2), so it
	 * leads the blockers, then k3 and k4. */
	answer(f, K3, "half");
	answer(f, K4, "half");
	compute(f, NULL);
	k = &f->s.areas[AREA_K];
	check_level(k, 2, 2, 2, false, 0);
	assert_exact(k->maturity, 2.0);
	check_list(&k->blockers, 3, K2, K3, K4);
	assert_int_equal(k->n_cap_blockers, 1);

	/* Both flags cleared: the top, 3.0, nothing to do. */
	answer(f, K2, "signed");
	answer(f, K3, "all");
	answer(f, K4, "all");
	compute(f, NULL);
	k = &f->s.areas[AREA_K];
	check_level(k, 3, 3, -1, false, -1);
	assert_exact(k->maturity, 3.0);
	check_list(&k->red_flags, 0);
	check_list(&k->blockers, 0);
	assert_int_equal(k->n_cap_blockers, 0);

	/* The cap-0 flag where G + f is already 0: k1 half fails level 1,
	 * its only question, so G = 0 and f = 0/1. c = 0 is not below 0:
	 * not capped, maturity 0.0. k3's cap 0 <= level 0 makes it a
	 * blocker all the same, before level 1's unmet k1. */
	answer(f, K1, "half");
	answer(f, K3, "none");
	compute(f, NULL);
	k = &f->s.areas[AREA_K];
	check_level(k, 0, 0, 0, false, 0);
	assert_exact(k->maturity, 0.0);
	check_list(&k->blockers, 2, K3, K1);
	assert_int_equal(k->n_cap_blockers, 1);
}

static void test_blocker_listed_once(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *d;
	ys_questionnaire *q1;
	ys_answers *a1;
	ys_score s1;
	static const char one_yaml[] =
		"yardstick: 1\n"
		"id: one\n"
		"title: One\n"
		"version: \"1\"\n"
		"levels: [{name: Absent}, {name: Present}]\n"
		"answer_sets:\n"
		"  yn:\n"
		"    - {key: \"no\", label: \"No\", value: 0}\n"
		"    - {key: \"yes\", label: \"Yes\", value: 1}\n"
		"areas:\n"
		"  - {id: x, title: X, questions: [{id: x1, level: 1, text: X1,"
		" answers: yn, red_flag: [\"no\"], red_flag_cap: 0}]}\n";

	/* Area d: d1 none (red flag, cap 0), d2, d3 all. G = 0 (d1 fails
	 * level 1, its only question), f = 0/1, c = 0: G + f = 0 is not
	 * above c, so not capped; maturity 0.0, level 0. d1 is both a red
	 * flag with cap <= 0 and level 1's unmet question: listed once, as
	 * the red flag. */
	answer(f, D1, "none");
	answer(f, D2, "all");
	answer(f, D3, "all");
	compute(f, NULL);
	d = &f->s.areas[AREA_D];
	check_level(d, 0, 0, 0, false, 0);
	assert_exact(d->maturity, 0.0);
	check_list(&d->blockers, 1, D1);
	assert_int_equal(d->n_cap_blockers, 1);

	/* d1 few: no red flag, the same practice blocks as unmet. */
	answer(f, D1, "few");
	compute(f, NULL);
	d = &f->s.areas[AREA_D];
	check_level(d, 0, 0, -1, false, 0);
	check_list(&d->blockers, 1, D1);
	assert_int_equal(d->n_cap_blockers, 0);

	/* The same in an area of one question, where listing it twice would
	 * overrun a list sized for the area's questions. */
	q1 = load(one_yaml);
	a1 = answers_for(q1);
	a1->responses[0].choice.kind = YS_ANS_OPTION;
	a1->responses[0].choice.option = 0;
	assert_true(ys_score_compute(q1, a1, NULL, &s1));
	check_level(&s1.areas[0], 0, 0, 0, false, 0);
	check_list(&s1.areas[0].blockers, 1, 0);
	assert_int_equal(s1.areas[0].n_cap_blockers, 1);
	ys_score_free(&s1);
	answers_destroy(a1);
	ys_questionnaire_free(q1);
}

static void test_red_flags(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *al, *ga;

	/* a2 = "unsigned" (0.8) meets the threshold but is a red flag
	 * (default cap 1): every level is met, G = 3, f = 0, c = 1 < 3:
	 * maturity 1.0, level 1, capped, progress 0. Blockers: a2 (cap 1
	 * <= 1); level 2 has nothing unmet. The cap leaves the practice
	 * score alone: 100 * (3 + 0.8 + 2 + 1 + 1) / 8 = 97.5. */
	answer_area(f, ALPHA, "all");
	answer(f, A2, "unsigned");
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	check_level(al, 1, 3, 1, true, 0);
	assert_exact(al->maturity, 1.0);
	check_list(&al->red_flags, 1, A2);
	check_list(&al->blockers, 1, A2);
	assert_int_equal(al->n_cap_blockers, 1);
	assert_near(al->practice, 100.0 * 7.8 / 8.0);

	/* A red flag at level 1 that does not cap: a1 none (cap 1), a2 all.
	 * G = 0 (a1 fails level 1), f = 1/2 (a2 of a1, a2). G + f = 0.5 <=
	 * c = 1: not capped, maturity = G + f = 0.5, level 0, progress 50.
	 * a1's cap 1 is above level 0, so it is a blocker only as level 1's
	 * unmet question (n_cap_blockers 0). */
	answer(f, A2, "all");
	answer(f, A1, "none");
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	check_level(al, 0, 0, 1, false, 50);
	assert_exact(al->maturity, 0.5);
	assert_exact(al->progress, 0.5);
	check_list(&al->red_flags, 1, A1);
	check_list(&al->blockers, 1, A1);
	assert_int_equal(al->n_cap_blockers, 0);

	/* A red flag with G + f above the cap: a1 all, a2 unsigned, a3 all,
	 * a4 few. G = 1 (a4 fails level 2), f = 1/2 (a3): 1.5 > 1, so
	 * capped at 1.0 and progress 0. Blockers a2, then a4. */
	answer(f, A1, "all");
	answer(f, A2, "unsigned");
	answer(f, A4, "few");
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	check_level(al, 1, 1, 1, true, 0);
	assert_exact(al->maturity, 1.0);
	assert_exact(al->progress, 0.5);
	check_list(&al->blockers, 2, A2, A4);
	assert_int_equal(al->n_cap_blockers, 1);

	/* With a3 half as well, f = 0/2: G + f = 1 = c, not capped, maturity
	 * 1.0; a2 still leads the blockers (its cap 1 <= level 1). */
	answer(f, A3, "half");
	compute(f, NULL);
	al = &f->s.areas[ALPHA];
	check_level(al, 1, 1, 1, false, 0);
	assert_exact(al->maturity, 1.0);
	check_list(&al->blockers, 3, A2, A3, A4);
	assert_int_equal(al->n_cap_blockers, 1);

	/* Capped at 1 with every level-2 question N/A: g1 most (a red flag
	 * that meets level 1), g2 N/A (level 2 passes with no applicable
	 * question), g3 all. G = 3, f = 0, c = 1: maturity 1.0, capped,
	 * blockers g1 alone. */
	answer(f, G1, "most");
	answer(f, G2, YS_KEY_NA);
	answer(f, G3, "all");
	compute(f, NULL);
	ga = &f->s.areas[GAMMA];
	check_level(ga, 1, 3, 1, true, 0);
	assert_exact(ga->maturity, 1.0);
	check_list(&ga->blockers, 1, G1);
	assert_int_equal(ga->n_cap_blockers, 1);
	check_list(&ga->red_flags, 1, G1);

	/* A red-flag key under don't know or N/A is no red flag. */
	answer(f, A2, YS_KEY_DONT_KNOW);
	answer(f, G1, YS_KEY_NA);
	compute(f, NULL);
	check_list(&f->s.areas[ALPHA].red_flags, 0);
	assert_int_equal(f->s.areas[ALPHA].cap, -1);
	check_list(&f->s.areas[GAMMA].red_flags, 0);
	assert_int_equal(f->s.areas[GAMMA].cap, -1);
	/* Gamma: g1, g2 N/A, g3 all: levels 1 and 2 pass empty, 3.0. */
	assert_exact(f->s.areas[GAMMA].maturity, 3.0);
}

/* ---- Gating and the threshold ----------------------------------------- */

static void test_gating(void **state)
{
	struct fixture *f = *state;
	const ys_area_score *be;

	/* v exactly equal to the threshold (0.75) meets it: the top, 3.0;
	 * practice 75. */
	answer_area(f, BETA, "most");
	compute(f, NULL);
	be = &f->s.areas[BETA];
	check_level(be, 3, 3, -1, false, -1);
	assert_exact(be->maturity, 3.0);
	assert_exact(be->practice, 75.0);

	/* Just below: 0.5 at level 1 stops the area at G = 0 even though
	 * the higher levels are met; level 1 has b1 alone: f = 0/1, so
	 * maturity 0.0. */
	answer(f, B1, "half");
	compute(f, NULL);
	be = &f->s.areas[BETA];
	check_level(be, 0, 0, -1, false, 0);
	assert_exact(be->maturity, 0.0);
	check_list(&be->blockers, 1, B1);

	/* Level 2 partly met: G = 1, f = 2/3 -> maturity 1.67, shown
	 * "1.6"; progress 66 (not 67). */
	answer(f, B1, "all");
	answer(f, B2C, "few");
	compute(f, NULL);
	be = &f->s.areas[BETA];
	check_level(be, 1, 1, -1, false, 66);
	assert_near(be->maturity, 1.0 + 2.0 / 3.0);
	assert_string_equal(mat_str(be->maturity), "1.6");
	check_list(&be->blockers, 1, B2C);

	/* b2c N/A: level 2 needs b2a and b2b only; b3 N/A too: the top
	 * level has no applicable question and passes: 3.0. */
	answer(f, B2C, YS_KEY_NA);
	answer(f, B3, YS_KEY_NA);
	compute(f, NULL);
	be = &f->s.areas[BETA];
	check_level(be, 3, 3, -1, false, -1);
	assert_exact(be->maturity, 3.0);
}

static void test_threshold_other(void **state)
{
	struct fixture *f = *state;

	/* Threshold 0.5, two levels: "half" meets it (the top, 1.0), "few"
	 * does not (0.0: level 1's only question fails, f = 0/1). */
	answer(f, 0, "half");
	answer(f, 1, "few");
	answer(f, 2, "all");
	compute(f, NULL);
	check_level(&f->s.areas[0], 1, 1, -1, false, -1);
	assert_exact(f->s.areas[0].maturity, 1.0);
	check_level(&f->s.areas[1], 0, 0, -1, false, 0);
	assert_exact(f->s.areas[1].maturity, 0.0);
	check_level(&f->s.areas[2], 1, 1, -1, false, -1);
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

	assert_exact(ys_choice_value(a2, opt), 0.8);
	assert_exact(ys_choice_value(a2, dk), 0.0);
	assert_true(ys_choice_meets(f->q, a2, opt));
	assert_false(ys_choice_meets(f->q, a2, dk));
	assert_false(ys_choice_meets(f->q, a2, na));
	assert_false(ys_choice_meets(f->q, a2, none));
	/* An option index out of range never reads past the options. */
	assert_exact(ys_choice_value(a2, bad), 0.0);
	assert_false(ys_choice_meets(f->q, a2, bad));
	f->a->responses[A2].choice = bad;
	compute(f, NULL);
	check_list(&f->s.areas[ALPHA].unanswered, 5, A1, A2, A3, A4, A5);
}

/* ---- Weights and the overall figures ---------------------------------- */

static void test_weights_and_means(void **state)
{
	struct fixture *f = *state;

	/* alpha: a1 (w3) none, the rest all:
	 *   practice 100 * (0 + 1 + 2 + 1 + 1) / 8 = 62.5
	 *   G = 0, f = 1/2 (a2 of a1, a2): maturity 0.5 (a1's red flag
	 *   caps at 1, above 0.5)
	 * beta: b1 all, b2a most, b2b half, b2c few, b3 none:
	 *   practice 100 * (1 + 0.75 + 0.5 + 0.25 + 0) / 5 = 50
	 *   G = 1, f = 1/3 (b2a of b2a, b2b, b2c): maturity 4/3
	 * gamma not assessed. Area weights 1 and 2:
	 *   maturity (1 * 0.5 + 2 * 4/3) / 3 = 19/18 = 1.0555... -> "1.0"
	 *   practice (1 * 62.5 + 2 * 50) / 3 = 54.1666... -> 54 */
	answer_area(f, ALPHA, "all");
	answer(f, A1, "none");
	answer(f, B1, "all");
	answer(f, B2A, "most");
	answer(f, B2B, "half");
	answer(f, B2C, "few");
	answer(f, B3, "none");
	compute(f, NULL);
	assert_exact(f->s.areas[ALPHA].practice, 62.5);
	assert_exact(f->s.areas[ALPHA].maturity, 0.5);
	assert_exact(f->s.areas[BETA].practice, 50.0);
	assert_near(f->s.areas[BETA].maturity, 4.0 / 3.0);
	assert_true(f->s.assessed);
	assert_near(f->s.maturity, 19.0 / 18.0);
	assert_string_equal(mat_str(f->s.maturity), "1.0");
	assert_near(f->s.practice, (62.5 + 2 * 50.0) / 3.0);
	assert_int_equal(ys_practice_shown(f->s.practice), 54);
	/* alpha has the lower maturity (0.5 < 1.33): the weakest despite
	 * its higher practice score. */
	assert_int_equal(f->s.weakest_area, ALPHA);

	/* gamma assessed too: g1 all, g2 most, g3 none: G = 2, f = 0/1,
	 * maturity 2.0; practice 100 * 1.75 / 3. Weights 1, 2, 1:
	 *   maturity (0.5 + 2 * 4/3 + 2) / 4 = 31/24 = 1.2916... -> "1.2"
	 *   practice (62.5 + 100 + 175/3) / 4 */
	answer(f, G1, "all");
	answer(f, G2, "most");
	answer(f, G3, "none");
	compute(f, NULL);
	assert_exact(f->s.areas[GAMMA].maturity, 2.0);
	assert_near(f->s.maturity, 31.0 / 24.0);
	assert_string_equal(mat_str(f->s.maturity), "1.2");
	assert_near(f->s.practice, (62.5 + 100.0 + 175.0 / 3.0) / 4.0);

	/* A weight-3 question moves the practice score three times as
	 * much: a1 all -> 100; a1 few -> 100 * (3 * 0.25 + 5) / 8. */
	answer(f, A1, "all");
	compute(f, NULL);
	assert_exact(f->s.areas[ALPHA].practice, 100.0);
	answer(f, A1, "few");
	compute(f, NULL);
	assert_near(f->s.areas[ALPHA].practice, 100.0 * (0.75 + 5.0) / 8.0);
}

/* ---- Weakest area ----------------------------------------------------- */

static void test_weakest_by_maturity(void **state)
{
	struct fixture *f = *state;

	/* alpha: all, 3.0, practice 100. beta: all but b2c half: G = 1,
	 * f = 2/3, 1.67, practice 90. gamma: g1 all, g2 most, g3 none: 2.0,
	 * practice 58.3. The lowest maturity wins whatever the practice
	 * scores. */
	answer_area(f, ALPHA, "all");
	answer_area(f, BETA, "all");
	answer(f, B2C, "half");
	answer(f, G1, "all");
	answer(f, G2, "most");
	answer(f, G3, "none");
	compute(f, NULL);
	assert_near(f->s.areas[BETA].maturity, 1.0 + 2.0 / 3.0);
	assert_exact(f->s.areas[BETA].practice, 90.0);
	assert_exact(f->s.areas[GAMMA].maturity, 2.0);
	assert_near(f->s.areas[GAMMA].practice, 100.0 * 1.75 / 3.0);
	assert_int_equal(f->s.weakest_area, BETA);
}

static void test_weakest_ties_main(void **state)
{
	struct fixture *f = *state;

	/* alpha: a1, a2, a3 all, a4 half, a5 none: G = 1, f = 1/2, 1.5;
	 *   practice 100 * (3 + 1 + 2 + 0.5 + 0) / 8 = 81.25.
	 * beta: b1 all, b2a all, b2b none, b2c N/A, b3 all: G = 1, f = 1/2
	 *   (b2a of b2a, b2b), 1.5; practice 100 * 3 / 4 = 75.
	 * Equal maturity: the lower practice score (beta) is the weakest,
	 * although alpha comes first. */
	answer(f, A1, "all");
	answer(f, A2, "all");
	answer(f, A3, "all");
	answer(f, A4, "half");
	answer(f, A5, "none");
	answer(f, B1, "all");
	answer(f, B2A, "all");
	answer(f, B2B, "none");
	answer(f, B2C, YS_KEY_NA);
	answer(f, B3, "all");
	compute(f, NULL);
	assert_exact(f->s.areas[ALPHA].maturity, 1.5);
	assert_exact(f->s.areas[BETA].maturity, 1.5);
	assert_exact(f->s.areas[ALPHA].practice, 81.25);
	assert_exact(f->s.areas[BETA].practice, 75.0);
	assert_int_equal(f->s.weakest_area, BETA);

	/* a3 most (still meets): alpha's practice 100 * (3 + 1 + 1.5 + 0.5)
	 * / 8 = 75, equal to beta's, at equal maturity: questionnaire order
	 * decides, alpha. */
	answer(f, A3, "most");
	compute(f, NULL);
	assert_exact(f->s.areas[ALPHA].maturity, 1.5);
	assert_exact(f->s.areas[ALPHA].practice, 75.0);
	assert_int_equal(f->s.weakest_area, ALPHA);
}

static void test_weakest_ties(void **state)
{
	struct fixture *f = *state;

	/* Two levels, threshold 0.5. x all, y half, z all: maturity 1.0
	 * everywhere; y has the lowest practice score (50). */
	answer(f, 0, "all");
	answer(f, 1, "half");
	answer(f, 2, "all");
	compute(f, NULL);
	assert_exact(f->s.areas[1].maturity, 1.0);
	assert_int_equal(f->s.weakest_area, 1);

	/* Same maturity and same practice: the first in questionnaire
	 * order. */
	answer(f, 1, "all");
	compute(f, NULL);
	assert_int_equal(f->s.weakest_area, 0);

	/* y and z at 0.0 with equal practice (25): y comes first. */
	answer(f, 1, "few");
	answer(f, 2, "few");
	compute(f, NULL);
	assert_exact(f->s.areas[2].maturity, 0.0);
	assert_int_equal(f->s.weakest_area, 1);

	/* z lower than y at the same maturity. */
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

/* ---- Display and bars ------------------------------------------------- */

static void test_display(void **state)
{
	char buf[YS_FIGURE_BUF];

	(void)state;
	/* Maturity: one decimal, rounded down, 1e-9 slack. */
	assert_ptr_equal(ys_maturity_str(1.97, buf), buf);
	assert_string_equal(buf, "1.9");
	assert_string_equal(mat_str(1.97), "1.9");
	assert_string_equal(mat_str(1.7), "1.7");
	assert_string_equal(mat_str(2.0), "2.0");
	assert_string_equal(mat_str(0.0), "0.0");
	assert_string_equal(mat_str(3.0), "3.0");
	assert_string_equal(mat_str(2.0 + 2.0 / 3.0), "2.6");
	assert_string_equal(mat_str(1.0 - 1.0 / 3.0), "0.6");
	/* Percent to target, ownership: whole percents rounded down;
	 * 100 * (1 - 4/5) is 19.999999999999996 in doubles and shows 20. */
	assert_int_equal(ys_percent_shown(100.0 * (1.0 - 4.0 / 5.0)), 20);
	assert_int_equal(ys_percent_shown(87.5), 87);
	assert_int_equal(ys_percent_shown(100.0 / 3.0), 33);
	assert_int_equal(ys_percent_shown(200.0 / 3.0), 66);
	assert_int_equal(ys_percent_shown(100.0), 100);
	assert_int_equal(ys_percent_shown(0.0), 0);
	/* Practice: whole numbers, halves away from zero. */
	assert_int_equal(ys_practice_shown(2.5), 3);
	assert_int_equal(ys_practice_shown(2.4999), 2);
	assert_int_equal(ys_practice_shown(81.25), 81);
	assert_int_equal(ys_practice_shown(100.0 * 4.25 / 7.0), 61);
	assert_int_equal(ys_practice_shown(0.5), 1);
}

static void test_bars(void **state)
{
	struct fixture *f = *state;
	ys_questionnaire *small = load(small_yaml);
	size_t pl, g, n, m, t;

	/* Cells: maturity * per_level rounded down. */
	assert_int_equal(ys_maturity_cells(0.0, 4), 0);
	assert_int_equal(ys_maturity_cells(1.5, 4), 6);
	assert_int_equal(ys_maturity_cells(1.97, 4), 7);       /* 7.88 */
	assert_int_equal(ys_maturity_cells(2.0, 4), 8);
	assert_int_equal(ys_maturity_cells(3.0, 4), 12);
	assert_int_equal(ys_maturity_cells(1.0 + 2.0 / 3.0, 3), 5);
	assert_int_equal(ys_maturity_cells(2.0 + 1.0 / 3.0, 6), 14);
	assert_int_equal(ys_maturity_cells(1.5, 1), 1);

	/* Cells per level: the widest that fits max_cells over the N - 1
	 * levels above 0, at least 1. Main has 4 levels: 20 / 3 = 6. */
	assert_int_equal(ys_bar_per_level(f->q, 20), 6);
	assert_int_equal(ys_bar_per_level(f->q, 18), 6);
	assert_int_equal(ys_bar_per_level(f->q, 17), 5);
	assert_int_equal(ys_bar_per_level(f->q, 3), 1);
	assert_int_equal(ys_bar_per_level(f->q, 2), 1);
	assert_int_equal(ys_bar_per_level(f->q, 0), 1);
	assert_int_equal(ys_bar_per_level(small, 10), 10);    /* 2 levels */
	ys_questionnaire_free(small);

	/* The bar reaches a target's mark (cell t * per_level) exactly when
	 * maturity >= t, for every maturity G + m/n the scoring can give
	 * (n up to 12 applicable questions at the next level) and every
	 * width: never one cell early, never one late. */
	for (pl = 1; pl <= 12; pl++)
		for (g = 0; g <= 3; g++)
			for (n = 1; n <= 12; n++)
				for (m = 0; m < n && (g < 3 || m == 0); m++) {
					double mat = (double)g + (double)m / (double)n;
					size_t cells = ys_maturity_cells(mat, pl);

					assert_true(cells <= 3 * pl);
					for (t = 0; t <= 3; t++)
						if ((cells >= t * pl) != (mat >= (double)t))
							fail_msg("maturity %g at %zu per level: %zu cells, target %zu",
								 mat, pl, cells, t);
				}
}

/* ---- Targets ---------------------------------------------------------- */

static void test_targets(void **state)
{
	struct fixture *f = *state;

	/* alpha: all but a4 half: G = 1, f = 1/2 (a3 of a3, a4): 1.5.
	 * beta: all but b3 half: G = 2, f = 0/1: 2.0. gamma not assessed
	 * (out of the sums). */
	answer_area(f, ALPHA, "all");
	answer(f, A4, "half");
	answer_area(f, BETA, "all");
	answer(f, B3, "half");

	compute(f, NULL);                               /* no target */
	assert_exact(f->s.areas[ALPHA].maturity, 1.5);
	assert_exact(f->s.areas[BETA].maturity, 2.0);
	assert_false(f->s.has_target);
	assert_null(f->s.target_name);
	assert_false(f->s.has_percent_to_target);
	assert_int_equal(f->s.areas[ALPHA].target, 0);
	assert_true(f->s.areas[ALPHA].target_met);      /* level 1 >= 0 */

	/* base: alpha 2, beta 3 (gamma 2, not assessed):
	 *   100 * (1 - ((2 - 1.5) + (3 - 2)) / (2 + 3)) = 100 * 0.7 = 70 */
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
	assert_near(f->s.percent_to_target, 70.0);
	assert_int_equal(ys_percent_shown(f->s.percent_to_target), 70);

	/* even: 2 and 2, a fractional gap: 100 * (1 - (0.5 + 0) / 4)
	 * = 87.5 exactly, shown 87. beta (2.0) meets its 2, alpha (1.5)
	 * does not. */
	compute(f, "even");
	assert_true(f->s.has_percent_to_target);
	assert_exact(f->s.percent_to_target, 87.5);
	assert_int_equal(ys_percent_shown(f->s.percent_to_target), 87);
	assert_false(f->s.areas[ALPHA].target_met);
	assert_true(f->s.areas[BETA].target_met);

	/* Over-achieving one area does not make up for another: alpha at
	 * 3.0 (a4, a5 all): base gives 100 * (1 - (0 + 1) / 5) = 80. */
	answer(f, A4, "all");
	compute(f, "base");
	assert_exact(f->s.areas[ALPHA].maturity, 3.0);
	assert_true(f->s.areas[ALPHA].target_met);
	assert_false(f->s.areas[BETA].target_met);
	assert_near(f->s.percent_to_target, 80.0);
	assert_int_equal(ys_percent_shown(f->s.percent_to_target), 80);

	/* The answers' own target applies when none is given. */
	f->a->target = ys_strdup("base");
	compute(f, NULL);
	assert_string_equal(f->s.target_name, "base");
	assert_near(f->s.percent_to_target, 80.0);

	/* The argument wins over the answers' target. Every target 0: met
	 * everywhere, but no percent (the sum of targets is 0). */
	compute(f, "zero");
	assert_string_equal(f->s.target_name, "zero");
	assert_true(f->s.has_target);
	assert_true(f->s.areas[ALPHA].target_met);
	assert_true(f->s.areas[BETA].target_met);
	assert_false(f->s.has_percent_to_target);

	/* later: only gamma has a target (2), and gamma is not assessed, so
	 * the sum over assessed areas is 0: no percent. */
	compute(f, "later");
	assert_false(f->s.has_percent_to_target);
	/* gamma at 1.0 (g1 all, g2 none: G = 1, f = 0/1):
	 * 100 * (1 - (2 - 1) / 2) = 50. */
	answer(f, G1, "all");
	answer(f, G2, "none");
	compute(f, "later");
	assert_exact(f->s.areas[GAMMA].maturity, 1.0);
	assert_true(f->s.has_percent_to_target);
	assert_exact(f->s.percent_to_target, 50.0);
	assert_false(f->s.areas[GAMMA].target_met);

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
	assert_false(f->s.assessed);
}

/* ---- Ownership clarity ------------------------------------------------ */

static void test_ownership(void **state)
{
	struct fixture *f = *state;

	compute(f, NULL);
	assert_exact(f->s.ownership_clarity, 0.0);

	set_owner(f, "alpha", "Head of ICT");
	set_owner(f, "beta", "");                       /* not named */
	set_owner(f, "gamma", NULL);
	set_owner(f, "zeta", "Someone");                /* not an area */
	compute(f, NULL);
	assert_true(f->s.areas[ALPHA].has_owner);
	assert_false(f->s.areas[BETA].has_owner);
	assert_false(f->s.areas[GAMMA].has_owner);
	assert_near(f->s.ownership_clarity, 100.0 / 3.0);
	assert_int_equal(ys_percent_shown(f->s.ownership_clarity), 33);

	set_owner(f, "gamma", "  ");                    /* blank */
	set_owner(f, "beta", "CDIO");
	compute(f, NULL);
	assert_false(f->s.areas[GAMMA].has_owner);
	assert_near(f->s.ownership_clarity, 200.0 / 3.0);
	assert_int_equal(ys_percent_shown(f->s.ownership_clarity), 66);
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
	assert_false(f->s.assessed);
	for (i = 0; i < f->s.n_areas; i++)
		check_no_figures(&f->s.areas[i], YS_AREA_NOT_ASSESSED);
	/* Owners come from the area records, not the responses. */
	assert_true(f->s.areas[ALPHA].has_owner);

	f->a->n_bound = NQ + 1;         /* bound to another questionnaire */
	compute(f, NULL);
	assert_int_equal(f->s.answered, 0);
	assert_false(f->s.assessed);

	/* No answers at all. */
	ys_score_free(&f->s);
	assert_true(ys_score_compute(f->q, NULL, NULL, &f->s));
	assert_int_equal(f->s.answered, 0);
	assert_int_equal(f->s.total, NQ);
	assert_int_equal(f->s.n_areas, 3);
	assert_false(f->s.has_target);
}

static void test_out_of_memory(void **state)
{
	struct fixture *f = *state;
	long n;
	bool ok = false;

	/* A result with every list in use. alpha: a1 most, a2 unsigned (red
	 * flag, cap 1, meets), a3 N/A, a4 don't know: G = 1, f = 0/1, so
	 * G + f = 1 = c: maturity 1.0, blockers a2 then a4. */
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
		} else {
			assert_exact(s.areas[ALPHA].maturity, 1.0);
			check_list(&s.areas[ALPHA].blockers, 2, A2, A4);
			assert_int_equal(s.areas[ALPHA].n_cap_blockers, 1);
		}
		ys_score_free(&s);
	}
	assert_true(ok);
	assert_true(n > 2);     /* some allocation really failed first */
}

/* ---- Maturity never falls when an answer improves --------------------- */

/* A small fixed-seed generator (xorshift64*), so a failure can be
 * replayed: the seed is printed, and YS_SCORE_SEED replaces it. */
static uint64_t rng_state;

static size_t rng_below(size_t n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (size_t)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

/* Any answer the question can take, red flags included: unanswered,
 * don't know, N/A where allowed, or an option. */
static void random_answer(struct fixture *f, size_t i)
{
	const ys_question *qn = &f->q->questions[i];
	size_t k = rng_below(qn->n_options + (qn->allow_na ? 3 : 2));
	ys_choice *c = &f->a->responses[i].choice;

	if (k < qn->n_options) {
		c->kind = YS_ANS_OPTION;
		c->option = (int)k;
	} else {
		c->kind = k == qn->n_options ? YS_ANS_NONE :
			  k == qn->n_options + 1 ? YS_ANS_DONT_KNOW : YS_ANS_NA;
		c->option = -1;
	}
}

/* The better answers for question i: from unanswered or don't know, any
 * option; from an option, any option of higher value. N/A has none. A
 * red-flag option is never an improvement: it is by definition an
 * immediate risk, and moving onto one may lower maturity by design (an
 * unanswered question becoming a cap-0 red flag). Moving off one is. */
static size_t improvements(const struct fixture *f, size_t i, int *out)
{
	const ys_question *qn = &f->q->questions[i];
	ys_choice c = f->a->responses[i].choice;
	size_t o, n = 0;

	if (c.kind == YS_ANS_NA)
		return 0;
	for (o = 0; o < qn->n_options; o++) {
		if (qn->red_flag && qn->red_flag[o])
			continue;
		if (c.kind == YS_ANS_OPTION &&
		    !(qn->options[o].value > qn->options[c.option].value))
			continue;
		out[n++] = (int)o;
	}
	return n;
}

/* What holds for every assessed area whatever the answers: maturity is
 * G + f, or the cap when capped; the blockers are the cap's red flags
 * then unmet questions at level + 1, each once, and there is at least
 * one below the top. */
static void check_invariants(const struct fixture *f, const ys_area_score *x)
{
	int top = (int)f->q->n_levels - 1;
	size_t j, k;

	if (x->state != YS_AREA_ASSESSED) {
		check_no_figures(x, x->state);
		return;
	}
	assert_true(x->progress >= 0.0 && x->progress < 1.0);
	assert_true(x->gated >= 0 && x->gated <= top);
	assert_true(x->cap >= -1 && x->cap <= top - 1);
	assert_int_equal(x->capped,
			 x->cap >= 0 && (double)x->cap < (double)x->gated + x->progress);
	if (x->capped) {
		assert_exact(x->maturity, (double)x->cap);
		assert_int_equal(x->level, x->cap);
	} else {
		assert_exact(x->maturity, (double)x->gated + x->progress);
		assert_int_equal(x->level, x->gated);
	}
	assert_true(x->n_cap_blockers <= x->blockers.count);
	if (x->level == top) {
		assert_int_equal(x->progress_to_next, -1);
		assert_int_equal(x->blockers.count, 0);
		return;
	}
	assert_int_equal(x->progress_to_next,
			 x->capped ? 0 : ys_percent_shown(100.0 * x->progress));
	assert_true(x->blockers.count > 0);
	for (j = 0; j < x->blockers.count; j++) {
		const ys_question *qn = &f->q->questions[x->blockers.items[j]];
		ys_choice c = f->a->responses[x->blockers.items[j]].choice;

		for (k = 0; k < j; k++)
			assert_int_not_equal(x->blockers.items[k], x->blockers.items[j]);
		if (j < x->n_cap_blockers) {
			assert_true(c.kind == YS_ANS_OPTION && qn->red_flag &&
				    qn->red_flag[c.option]);
			assert_true((int)qn->red_flag_cap <= x->level);
		} else {
			/* Never advise a practice already met. */
			assert_int_equal(qn->level, x->level + 1);
			assert_false(ys_choice_meets(f->q, qn, c));
		}
	}
}

/* The overall figures against their definitions: area-weighted means
 * of the assessed areas, and the weakest area by maturity, then
 * practice, then order. */
static void check_overall(const struct fixture *f)
{
	double w = 0.0, m = 0.0, p = 0.0;
	long weakest = -1;
	size_t i;

	for (i = 0; i < f->s.n_areas; i++) {
		const ys_area_score *x = &f->s.areas[i];
		const ys_area_score *b;

		if (x->state != YS_AREA_ASSESSED)
			continue;
		w += f->q->areas[i].weight;
		m += f->q->areas[i].weight * x->maturity;
		p += f->q->areas[i].weight * x->practice;
		b = weakest >= 0 ? &f->s.areas[weakest] : NULL;
		if (!b || x->maturity < b->maturity ||
		    (x->maturity == b->maturity && x->practice < b->practice))
			weakest = (long)i;
	}
	assert_int_equal(f->s.assessed, w > 0.0);
	if (w > 0.0) {
		assert_near(f->s.maturity, m / w);
		assert_near(f->s.practice, p / w);
	}
	assert_int_equal(f->s.weakest_area, weakest);
}

static void improve_and_check(struct fixture *f, const char *name)
{
	enum { TRIALS = 400, STEPS = 40 };
	double before[8];
	int level_before[8];
	int better[16];
	const char *env = getenv("YS_SCORE_SEED");
	uint64_t seed = env && *env ? strtoull(env, NULL, 10) : 20261205ULL;
	size_t trial, step, i, ai, n, changes = 0, rises = 0;

	assert_true(f->q->n_areas <= 8);
	rng_state = seed ? seed : 1;
	print_message("maturity property on %s: seed %llu, %d trials of %d steps\n",
		      name, (unsigned long long)seed, TRIALS, STEPS);
	for (trial = 0; trial < TRIALS; trial++) {
		for (i = 0; i < f->q->n_questions; i++)
			random_answer(f, i);
		compute(f, NULL);
		check_overall(f);
		for (ai = 0; ai < f->s.n_areas; ai++) {
			check_invariants(f, &f->s.areas[ai]);
			before[ai] = f->s.areas[ai].maturity;
			level_before[ai] = f->s.areas[ai].level;
		}
		for (step = 0; step < STEPS; step++) {
			i = rng_below(f->q->n_questions);
			assert_true(f->q->questions[i].n_options <= 16);
			n = improvements(f, i, better);
			if (!n)
				continue;
			f->a->responses[i].choice.kind = YS_ANS_OPTION;
			f->a->responses[i].choice.option = better[rng_below(n)];
			compute(f, NULL);
			changes++;
			check_overall(f);
			for (ai = 0; ai < f->s.n_areas; ai++) {
				const ys_area_score *x = &f->s.areas[ai];

				if (x->maturity > before[ai])
					rises++;

				check_invariants(f, x);
				if (x->maturity < before[ai] || x->level < level_before[ai])
					fail_msg("seed %llu trial %zu step %zu: improving %s "
						 "took area %s from %.17g (level %d) to %.17g (level %d)",
						 (unsigned long long)seed, trial, step,
						 f->q->questions[i].id, f->q->areas[ai].id,
						 before[ai], level_before[ai], x->maturity, x->level);
				before[ai] = x->maturity;
				level_before[ai] = x->level;
			}
		}
	}
	/* The walk really moved: most improvements change nothing, but
	 * many must raise some area. */
	print_message("%zu improvements, %zu raised an area's maturity\n",
		      changes, rises);
	assert_true(changes > TRIALS * STEPS / 4);
	assert_true(rises > TRIALS);
}

static void test_maturity_never_falls_main(void **state)
{
	improve_and_check(*state, "main");
}

static void test_maturity_never_falls_caps(void **state)
{
	improve_and_check(*state, "caps");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_hand_worked_area,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_maturity_one_and_a_half,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_dont_know,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_not_applicable,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_unanswered,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_unsettled, setup_main,
						teardown),
		cmocka_unit_test_setup_teardown(test_provisional,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_worked_example,
						setup_caps, teardown),
		cmocka_unit_test_setup_teardown(test_caps_zero_and_two,
						setup_caps, teardown),
		cmocka_unit_test_setup_teardown(test_blocker_listed_once,
						setup_caps, teardown),
		cmocka_unit_test_setup_teardown(test_red_flags,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_gating,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_threshold_other,
						setup_small, teardown),
		cmocka_unit_test_setup_teardown(test_choice_helpers,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_weights_and_means,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_weakest_by_maturity,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_weakest_ties_main,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_weakest_ties,
						setup_small, teardown),
		cmocka_unit_test(test_display),
		cmocka_unit_test_setup_teardown(test_bars,
						setup_main, teardown),
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
		cmocka_unit_test_setup_teardown(test_maturity_never_falls_main,
						setup_main, teardown),
		cmocka_unit_test_setup_teardown(test_maturity_never_falls_caps,
						setup_caps, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
