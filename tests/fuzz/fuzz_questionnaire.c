/* Fuzz target: the questionnaire loader.
 *
 * Any input must either load into a self-consistent questionnaire or be
 * refused with at least one diagnostic and a non-zero exit code; never a
 * crash, a leak or a hang. A questionnaire that loads validates again: a
 * second load, from a copy of the bytes, gives the same model (ids, texts,
 * levels, weights, options, red flags, targets and fingerprint), so
 * nothing depends on the buffer or on state left by the first load.
 * Diagnostics are also printed (to /dev/null) so the source-line and
 * caret code sees every position the loader reports. */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "yardstick/diag.h"
#include "yardstick/questionnaire.h"

static FILE *sink(void)
{
	static FILE *devnull;   /* opened once, kept for the process */

	if (!devnull)
		devnull = fopen("/dev/null", "w");
	return devnull;
}

static void check_options(const ys_option *o, size_t n)
{
	size_t i;

	FUZZ_CHECK(o != NULL && n > 0);
	for (i = 0; i < n; i++) {
		FUZZ_CHECK(o[i].key != NULL && o[i].label != NULL);
		FUZZ_CHECK(o[i].value >= 0.0 && o[i].value <= 1.0);
		if (i > 0)
			FUZZ_CHECK(o[i].value > o[i - 1].value);
	}
}

static void check_question(const ys_questionnaire *q, size_t i)
{
	const ys_question *qn = &q->questions[i];

	FUZZ_CHECK(qn->id != NULL && qn->text != NULL);
	FUZZ_CHECK(qn->index == i);
	FUZZ_CHECK(qn->area < q->n_areas);
	FUZZ_CHECK(qn->level >= 1 && qn->level < q->n_levels);
	FUZZ_CHECK(qn->weight >= 1 && qn->weight <= 3);
	check_options(qn->options, qn->n_options);
	FUZZ_CHECK(ys_questionnaire_find_question(q, qn->id) == qn);
	FUZZ_CHECK(qn->n_refs == 0 || qn->refs != NULL);
}

static void check_area(const ys_questionnaire *q, size_t k, size_t *next)
{
	const ys_area *a = &q->areas[k];
	bool seen[YS_MAX_LEVELS] = {false};
	size_t i;

	FUZZ_CHECK(a->id != NULL && a->title != NULL);
	FUZZ_CHECK(a->weight > 0);
	FUZZ_CHECK(a->first_question == *next);
	FUZZ_CHECK(a->n_questions > 0);
	FUZZ_CHECK(a->first_question + a->n_questions <= q->n_questions);
	FUZZ_CHECK(a->questions == q->questions + a->first_question);
	FUZZ_CHECK(ys_questionnaire_area_index(q, a->id) == (long)k);
	for (i = 0; i < a->n_questions; i++) {
		FUZZ_CHECK(a->questions[i].area == k);
		seen[a->questions[i].level] = true;
	}
	for (i = 1; i < q->n_levels; i++)
		FUZZ_CHECK(seen[i]);
	for (i = 0; i < a->n_recommendations; i++)
		FUZZ_CHECK(a->recommendations[i].level < q->n_levels &&
			   a->recommendations[i].text != NULL);
	*next += a->n_questions;
}

static void check_questionnaire(const ys_questionnaire *q, size_t size)
{
	size_t i, k, next = 0;

	FUZZ_CHECK(q->id != NULL && q->title != NULL && q->version != NULL);
	FUZZ_CHECK(q->size == size);
	FUZZ_CHECK(strlen(q->sha256) == 64);
	FUZZ_CHECK(q->threshold >= 0.0 && q->threshold <= 1.0);
	FUZZ_CHECK(q->n_levels >= YS_MIN_LEVELS && q->n_levels <= YS_MAX_LEVELS);
	for (i = 0; i < q->n_levels; i++)
		FUZZ_CHECK(q->levels[i].name != NULL);
	for (i = 0; i < q->n_answer_sets; i++)
		check_options(q->answer_sets[i].options,
			      q->answer_sets[i].n_options);
	FUZZ_CHECK(q->n_areas > 0);
	FUZZ_CHECK(q->n_questions > 0 && q->n_questions <= YS_MAX_QUESTIONS);
	for (i = 0; i < q->n_questions; i++)
		check_question(q, i);
	for (k = 0; k < q->n_areas; k++)
		check_area(q, k, &next);
	FUZZ_CHECK(next == q->n_questions);
	for (i = 0; i < q->n_targets; i++) {
		FUZZ_CHECK(q->targets[i].name != NULL);
		FUZZ_CHECK(ys_questionnaire_find_target(q, q->targets[i].name) ==
			   &q->targets[i]);
		for (k = 0; k < q->n_areas; k++)
			FUZZ_CHECK(q->targets[i].levels[k] < q->n_levels);
	}
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

/* a and b, loaded from the same bytes, are the same questionnaire. */
static void check_same(const ys_questionnaire *a, const ys_questionnaire *b)
{
	size_t i, k;

	FUZZ_CHECK(same_str(a->id, b->id) && same_str(a->title, b->title) &&
		   same_str(a->version, b->version));
	FUZZ_CHECK(!strcmp(a->sha256, b->sha256));
	FUZZ_CHECK(a->threshold == b->threshold);
	FUZZ_CHECK(a->n_levels == b->n_levels && a->n_areas == b->n_areas &&
		   a->n_questions == b->n_questions &&
		   a->n_targets == b->n_targets);
	for (i = 0; i < a->n_levels; i++)
		FUZZ_CHECK(same_str(a->levels[i].name, b->levels[i].name));
	for (i = 0; i < a->n_areas; i++)
		FUZZ_CHECK(same_str(a->areas[i].id, b->areas[i].id) &&
			   a->areas[i].first_question == b->areas[i].first_question &&
			   a->areas[i].n_questions == b->areas[i].n_questions);
	for (i = 0; i < a->n_questions; i++) {
		const ys_question *x = &a->questions[i], *y = &b->questions[i];

		FUZZ_CHECK(same_str(x->id, y->id) && same_str(x->text, y->text) &&
			   same_str(x->help, y->help));
		FUZZ_CHECK(x->level == y->level && x->weight == y->weight &&
			   x->area == y->area && x->allow_na == y->allow_na &&
			   x->n_options == y->n_options && x->n_refs == y->n_refs);
		for (k = 0; k < x->n_options; k++) {
			FUZZ_CHECK(same_str(x->options[k].key, y->options[k].key) &&
				   same_str(x->options[k].label, y->options[k].label) &&
				   x->options[k].value == y->options[k].value);
			FUZZ_CHECK(!x->red_flag == !y->red_flag &&
				   (!x->red_flag || x->red_flag[k] == y->red_flag[k]));
		}
	}
	for (i = 0; i < a->n_targets; i++) {
		FUZZ_CHECK(same_str(a->targets[i].name, b->targets[i].name));
		for (k = 0; k < a->n_areas; k++)
			FUZZ_CHECK(a->targets[i].levels[k] == b->targets[i].levels[k]);
	}
}

/* Loads a copy of the bytes again; it must load, without a diagnostic,
 * into the same questionnaire. */
static void check_reload(const ys_questionnaire *q, const uint8_t *data,
			 size_t size)
{
	ys_diags d = {0};
	ys_questionnaire *again;
	char *copy = malloc(size ? size : 1);

	FUZZ_CHECK(copy != NULL);
	memcpy(copy, data, size);
	again = ys_questionnaire_load_mem(copy, size, "again.yaml", &d);
	FUZZ_CHECK(again != NULL && d.count == 0);
	memset(copy, 0, size);          /* the model must not point into it */
	check_same(q, again);
	ys_questionnaire_free(again);
	ys_diags_free(&d);
	free(copy);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	ys_diags d = {0};
	ys_questionnaire *q;

	q = ys_questionnaire_load_mem((const char *)data, size, "fuzz.yaml", &d);
	if (q) {
		check_questionnaire(q, size);
		FUZZ_CHECK(d.count == 0);
		check_reload(q, data, size);
		ys_questionnaire_free(q);
	} else {
		FUZZ_CHECK(d.count > 0);
		FUZZ_CHECK(d.exit_code != 0);
		d.src = (const char *)data;
		d.src_len = size;
		if (sink())
			ys_diags_print(&d, sink(), "yardstick");
	}
	ys_diags_free(&d);
	return 0;
}
