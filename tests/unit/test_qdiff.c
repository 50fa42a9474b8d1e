/* What changed between two versions of a questionnaire (qdiff.c): two
 * small versions written here, with one change of every kind, then the
 * bundled questionnaires' 2026.1 and 2027.1 versions, and every
 * allocation failing in turn. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "yardstick/alloc.h"
#include "yardstick/catalog.h"
#include "yardstick/qdiff.h"
#include "yardstick/questionnaire.h"

/* Version 1: areas a and b, levels Absent..Managed (3 of them here). */
static const char v1[] =
	"yardstick: 1\n"
	"id: t\n"
	"title: T\n"
	"version: '1'\n"
	"threshold: 0.75\n"
	"levels: [{name: Absent}, {name: Initial}, {name: Repeatable}]\n"
	"answer_sets:\n"
	"  cov:\n"
	"    - {key: none, label: None, value: 0}\n"
	"    - {key: most, label: Most, value: 0.75}\n"
	"    - {key: all, label: All, value: 1}\n"
	"targets:\n"
	"  baseline: {default: 1, b: 2}\n"
	"  enhanced: {default: 2}\n"
	"  old-only: {a: 1, b: 1}\n"
	"  twin: {default: 1, b: 2}\n"
	"  steady: {default: 1}\n"
	"areas:\n"
	"  - id: a\n"
	"    title: Area A\n"
	"    questions:\n"
	"      - {id: a1, level: 1, text: A one, answers: cov}\n"
	"      - {id: a2, level: 2, text: A two, answers: cov}\n"
	"      - {id: gone, level: 1, text: Gone, answers: cov}\n"
	"      - {id: jumps, level: 1, text: Jumps, answers: cov}\n"
	"  - id: b\n"
	"    title: Area B\n"
	"    questions:\n"
	"      - {id: b1, level: 1, text: B one, answers: cov}\n"
	"      - {id: b2, level: 2, text: B two, answers: cov}\n"
	"      - {id: keys, level: 2, text: Keys, answers: [{key: no, label: No, value: 0}, {key: partly, label: Partly, value: 0.5}, {key: yes, label: Yes, value: 1}]}\n"
	"  - id: c\n"
	"    title: Area C\n"
	"    questions:\n"
	"      - {id: c1, level: 1, text: C one, answers: cov}\n"
	"      - {id: c2, level: 2, text: C two, answers: cov}\n";

/* Version 2: level 0 renamed; area c gone and d new; gone removed, new
 * added, a2 moved to level 1, jumps moved to area b; a1 on a scale where
 * "most" no longer meets; keys loses "partly" and gains "mostly";
 * baseline renamed minimum, enhanced renamed good-practice, old-only
 * gone, twin gone (its levels match minimum, taken already), steady's
 * levels changed, fresh new; the threshold is 0.8. */
static const char v2[] =
	"yardstick: 1\n"
	"id: t\n"
	"title: T\n"
	"version: '2'\n"
	"threshold: 0.8\n"
	"levels: [{name: Below basics}, {name: Initial}, {name: Repeatable}]\n"
	"answer_sets:\n"
	"  cov:\n"
	"    - {key: none, label: None, value: 0}\n"
	"    - {key: most, label: Most, value: 0.8}\n"
	"    - {key: all, label: All, value: 1}\n"
	"  estate:\n"
	"    - {key: none, label: None, value: 0}\n"
	"    - {key: most, label: Most, value: 0.5}\n"
	"    - {key: all, label: All, value: 1}\n"
	"targets:\n"
	"  minimum: {default: 1, b: 2}\n"
	"  good-practice: {default: 2}\n"
	"  steady: {default: 1, a: 2}\n"
	"  fresh: {default: 2, b: 1}\n"
	"areas:\n"
	"  - id: a\n"
	"    title: Area A\n"
	"    questions:\n"
	"      - {id: a1, level: 1, text: A one, answers: estate}\n"
	"      - {id: a2, level: 1, text: A two, answers: cov}\n"
	"      - {id: new, level: 2, text: New, answers: cov}\n"
	"  - id: b\n"
	"    title: Area B\n"
	"    questions:\n"
	"      - {id: b1, level: 1, text: B one, answers: cov}\n"
	"      - {id: b2, level: 2, text: B two, answers: cov}\n"
	"      - {id: jumps, level: 1, text: Jumps, answers: cov}\n"
	"      - {id: keys, level: 2, text: Keys, answers: [{key: no, label: No, value: 0}, {key: mostly, label: Mostly, value: 0.8}, {key: yes, label: Yes, value: 1}]}\n"
	"  - id: d\n"
	"    title: Area D\n"
	"    questions:\n"
	"      - {id: d1, level: 1, text: D one, answers: cov}\n"
	"      - {id: d2, level: 2, text: D two, answers: cov}\n";

static ys_questionnaire *load(const char *text, const char *name)
{
	ys_diags d = {0};
	ys_questionnaire *q = ys_questionnaire_load_mem(text, strlen(text), name, &d);

	if (!q)
		ys_diags_print(&d, stderr, name);
	ys_diags_free(&d);
	assert_non_null(q);
	return q;
}

static bool has_question(const ys_question *const *v, size_t n, const char *id)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!strcmp(v[i]->id, id))
			return true;
	return false;
}

static void test_same(void **state)
{
	ys_questionnaire *a = load(v1, "v1"), *b = load(v1, "v1 again");
	ys_qdiff d;

	(void)state;
	assert_true(ys_qdiff_build(a, a, &d));
	assert_true(d.same);
	assert_true(ys_qdiff_empty(&d));
	ys_qdiff_free(&d);
	/* Two loads of the same bytes: the same sha256. */
	assert_true(ys_qdiff_build(a, b, &d));
	assert_true(d.same);
	assert_int_equal(d.n_added + d.n_removed + d.n_moved, 0);
	ys_qdiff_free(&d);
	ys_questionnaire_free(a);
	ys_questionnaire_free(b);
}

static void test_every_kind(void **state)
{
	ys_questionnaire *a = load(v1, "v1"), *b = load(v2, "v2");
	ys_qdiff d;
	size_t i;

	(void)state;
	assert_true(ys_qdiff_build(a, b, &d));
	assert_false(d.same);
	assert_false(ys_qdiff_empty(&d));

	assert_true(d.threshold_changed);
	assert_true(d.old_threshold == 0.75 && d.new_threshold == 0.8);

	assert_int_equal(d.n_levels, 1);
	assert_int_equal(d.levels[0].index, 0);
	assert_string_equal(d.levels[0].old_name, "Absent");
	assert_string_equal(d.levels[0].new_name, "Below basics");

	assert_int_equal(d.n_areas_added, 1);
	assert_string_equal(d.areas_added[0]->id, "d");
	assert_int_equal(d.n_areas_removed, 1);
	assert_string_equal(d.areas_removed[0]->id, "c");

	/* new, d1, d2 added; gone, c1, c2 removed. */
	assert_int_equal(d.n_added, 3);
	assert_string_equal(d.added[0]->id, "new");
	assert_true(has_question(d.added, d.n_added, "d1"));
	assert_true(has_question(d.added, d.n_added, "d2"));
	assert_int_equal(d.n_removed, 3);
	assert_string_equal(d.removed[0]->id, "gone");
	assert_true(has_question(d.removed, d.n_removed, "c1"));
	assert_int_equal(d.n_shared, 6);

	/* a2 to level 1; jumps to area b, same level. */
	assert_int_equal(d.n_moved, 2);
	assert_string_equal(d.moved[0].new_qn->id, "a2");
	assert_int_equal(d.moved[0].old_qn->level, 2);
	assert_int_equal(d.moved[0].new_qn->level, 1);
	assert_string_equal(d.moved[1].new_qn->id, "jumps");
	assert_string_equal(a->areas[d.moved[1].old_qn->area].id, "a");
	assert_string_equal(b->areas[d.moved[1].new_qn->area].id, "b");

	/* a1: "most" no longer meets; keys: partly gone, mostly new. The
	 * questions on cov keep their verdicts (0.8 meets 0.8). */
	assert_int_equal(d.n_rescaled, 2);
	assert_string_equal(d.rescaled[0].new_qn->id, "a1");
	assert_int_equal(ys_qdiff_meets(a, d.rescaled[0].old_qn, "most"), 1);
	assert_int_equal(ys_qdiff_meets(b, d.rescaled[0].new_qn, "most"), 0);
	assert_string_equal(d.rescaled[1].new_qn->id, "keys");
	assert_int_equal(ys_qdiff_meets(b, d.rescaled[1].new_qn, "partly"), -1);

	/* baseline -> minimum and enhanced -> good-practice; twin has
	 * minimum's levels too, but minimum is taken: twin is removed. */
	assert_int_equal(d.n_targets_renamed, 2);
	assert_string_equal(d.targets_renamed[0].old_t->name, "baseline");
	assert_string_equal(d.targets_renamed[0].new_t->name, "minimum");
	assert_string_equal(d.targets_renamed[1].old_t->name, "enhanced");
	assert_string_equal(d.targets_renamed[1].new_t->name, "good-practice");
	assert_int_equal(d.n_targets_removed, 2);
	assert_string_equal(d.targets_removed[0]->name, "old-only");
	assert_string_equal(d.targets_removed[1]->name, "twin");
	assert_int_equal(d.n_targets_added, 1);
	assert_string_equal(d.targets_added[0]->name, "fresh");
	assert_int_equal(d.n_targets_changed, 1);
	assert_string_equal(d.targets_changed[0].new_t->name, "steady");
	assert_int_equal(ys_qdiff_target_level(a, d.targets_changed[0].old_t, "a"), 1);
	assert_int_equal(ys_qdiff_target_level(b, d.targets_changed[0].new_t, "a"), 2);
	assert_int_equal(ys_qdiff_target_level(b, d.targets_changed[0].new_t, "c"), 0);

	ys_qdiff_free(&d);
	for (i = 0; i < sizeof(d); i++)
		assert_int_equal(((unsigned char *)&d)[i], 0);
	ys_questionnaire_free(a);
	ys_questionnaire_free(b);
}

/* Backwards, the same changes seen from the other side. */
static void test_reverse(void **state)
{
	ys_questionnaire *a = load(v1, "v1"), *b = load(v2, "v2");
	ys_qdiff d;

	(void)state;
	assert_true(ys_qdiff_build(b, a, &d));
	assert_int_equal(d.n_added, 3);
	assert_string_equal(d.added[0]->id, "gone");
	assert_int_equal(d.n_removed, 3);
	assert_string_equal(d.removed[0]->id, "new");
	assert_int_equal(d.n_moved, 2);
	assert_int_equal(d.n_targets_renamed, 2);
	assert_string_equal(d.targets_renamed[0].old_t->name, "minimum");
	assert_string_equal(d.targets_renamed[0].new_t->name, "baseline");
	assert_int_equal(d.n_targets_removed, 1);
	assert_string_equal(d.targets_removed[0]->name, "fresh");
	ys_qdiff_free(&d);
	ys_questionnaire_free(a);
	ys_questionnaire_free(b);
}

/* Targets are renamed only when the versions share an area to compare
 * them on. */
static void test_no_shared_area_no_rename(void **state)
{
	static const char x[] =
		"yardstick: 1\nid: t\ntitle: T\nversion: '1'\n"
		"levels: [{name: A}, {name: B}]\n"
		"targets: {old: {default: 1}}\n"
		"areas: [{id: x, title: X, questions: [{id: q1, level: 1, text: Q, "
		"answers: [{key: n, label: N, value: 0}, {key: y, label: Y, value: 1}]}]}]\n";
	static const char y[] =
		"yardstick: 1\nid: t\ntitle: T\nversion: '2'\n"
		"levels: [{name: A}, {name: B}]\n"
		"targets: {new: {default: 1}}\n"
		"areas: [{id: y, title: Y, questions: [{id: q1, level: 1, text: Q, "
		"answers: [{key: n, label: N, value: 0}, {key: y, label: Y, value: 1}]}]}]\n";
	ys_questionnaire *a = load(x, "x"), *b = load(y, "y");
	ys_qdiff d;

	(void)state;
	assert_true(ys_qdiff_build(a, b, &d));
	assert_int_equal(d.n_targets_renamed, 0);
	assert_int_equal(d.n_targets_removed, 1);
	assert_int_equal(d.n_targets_added, 1);
	/* q1 is in both, in another area. */
	assert_int_equal(d.n_moved, 1);
	assert_int_equal(d.n_rescaled, 0);
	ys_qdiff_free(&d);
	ys_questionnaire_free(a);
	ys_questionnaire_free(b);
}

static ys_questionnaire *builtin(const char *id, bool archived)
{
	const ys_builtin *b;

	for (b = ys_builtins; b->id; b++)
		if (!strcmp(b->id, id) && b->archived == archived)
			return load(b->data, b->id);
	fail_msg("%s is not built in", id);
	return NULL;
}

static bool has_move(const ys_qdiff *d, const char *id, unsigned from,
		     unsigned to)
{
	size_t i;

	for (i = 0; i < d->n_moved; i++)
		if (!strcmp(d->moved[i].new_qn->id, id))
			return d->moved[i].old_qn->level == from &&
			       d->moved[i].new_qn->level == to;
	return false;
}

/* The bundled questionnaires from 2026.1 to 2027.1: level 0 and both
 * targets renamed, nothing else about the targets changed, except that
 * the default's minimum asks cyber level 2 where baseline asked 3, so
 * there baseline is gone and minimum is new. */
static void test_bundled_versions(void **state)
{
	static const char *const ids[] = {
		"public-sector-digital-maturity", "remote-working-readiness",
		"ai-and-data-readiness",
	};
	size_t k;

	(void)state;
	for (k = 0; k < sizeof(ids) / sizeof(ids[0]); k++) {
		ys_questionnaire *a = builtin(ids[k], true), *b = builtin(ids[k], false);
		ys_qdiff d;

		assert_true(ys_qdiff_build(a, b, &d));
		assert_false(d.same);
		assert_int_equal(d.n_levels, 1);
		assert_string_equal(d.levels[0].old_name, "Absent");
		assert_string_equal(d.levels[0].new_name, "Below basics");
		if (k == 0) {
			assert_int_equal(d.n_targets_renamed, 1);
			assert_string_equal(d.targets_renamed[0].old_t->name, "enhanced");
			assert_string_equal(d.targets_renamed[0].new_t->name, "good-practice");
			assert_int_equal(d.n_targets_removed, 1);
			assert_string_equal(d.targets_removed[0]->name, "baseline");
			assert_int_equal(d.n_targets_added, 1);
			assert_string_equal(d.targets_added[0]->name, "minimum");
			assert_int_equal(d.n_targets_changed, 0);
		} else {
			assert_int_equal(d.n_targets_renamed, 2);
			assert_string_equal(d.targets_renamed[0].old_t->name, "baseline");
			assert_string_equal(d.targets_renamed[0].new_t->name, "minimum");
			assert_string_equal(d.targets_renamed[1].old_t->name, "enhanced");
			assert_string_equal(d.targets_renamed[1].new_t->name, "good-practice");
			assert_int_equal(d.n_targets_removed + d.n_targets_added +
					 d.n_targets_changed, 0);
		}
		assert_false(d.threshold_changed);
		assert_int_equal(d.n_shared + d.n_removed, a->n_questions);
		assert_int_equal(d.n_shared + d.n_added, b->n_questions);
		if (k == 0) {
			/* The review's misplaced levels, fixed. */
			assert_true(has_move(&d, "cyber-pen-test", 4, 2));
			assert_true(has_question(d.added, d.n_added, "cyber-admin-mfa"));
			assert_true(has_question(d.removed, d.n_removed,
						 "data-induction-training"));
		}
		if (k == 2) {
			assert_int_equal(d.n_areas_added, 1);
			assert_string_equal(d.areas_added[0]->id, "ai-policy");
			assert_int_equal(d.n_areas_removed, 1);
			assert_string_equal(d.areas_removed[0]->id, "policy");
		}
		ys_qdiff_free(&d);
		ys_questionnaire_free(a);
		ys_questionnaire_free(b);
	}
}

/* Every allocation failing in turn: false and an empty result, or the
 * same result as without faults. */
static void test_out_of_memory(void **state)
{
	ys_questionnaire *a = load(v1, "v1"), *b = load(v2, "v2");
	ys_qdiff d;
	long before, total, i, failed = 0;

	(void)state;
	ys_alloc_fail_after(0);
	before = ys_alloc_count();
	assert_true(ys_qdiff_build(a, b, &d));
	total = ys_alloc_count() - before;
	ys_qdiff_free(&d);
	assert_true(total > 0);
	for (i = 1; i <= total; i++) {
		bool ok;

		ys_alloc_fail_after(i);
		ok = ys_qdiff_build(a, b, &d);
		ys_alloc_fail_after(0);
		if (!ok) {
			failed++;
			assert_null(d.added);
			assert_int_equal(d.n_added, 0);
			continue;
		}
		assert_int_equal(d.n_added, 3);
		assert_int_equal(d.n_targets_renamed, 2);
		ys_qdiff_free(&d);
	}
	assert_int_equal(failed, total);
	ys_questionnaire_free(a);
	ys_questionnaire_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same),
		cmocka_unit_test(test_every_kind),
		cmocka_unit_test(test_reverse),
		cmocka_unit_test(test_no_shared_area_no_rename),
		cmocka_unit_test(test_bundled_versions),
		cmocka_unit_test(test_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
