/* Every allocation failing in turn, end to end: loading each built-in
 * questionnaire and a questionnaire file, reading and binding answers
 * files from disk, scoring, every scorecard format, and saving through
 * the store. No crash, no leak (the sanitizer build checks), a clean
 * out-of-memory result (exit code 70 or ENOMEM), and a saved file left
 * as it was when a save runs out of memory. Run from the tests folder. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "testutil.h"

#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/catalog.h"
#include "yardstick/common.h"
#include "yardstick/diag.h"
#include "yardstick/questionnaire.h"
#include "yardstick/report.h"
#include "yardstick/score.h"
#include "yardstick/store.h"

#define SMALL_Q "data/questionnaires/small-test.yaml"

/* Runs fn(ctx) once to count its allocations, then once with each of
 * them failing in turn. fn returns true on success and must clean up. */
static long each_failure(bool (*fn)(void *ctx, bool must_succeed), void *ctx)
{
	long before, total, i, failed = 0;

	ys_alloc_fail_after(0);
	before = ys_alloc_count();
	assert_true(fn(ctx, true));
	total = ys_alloc_count() - before;
	assert_true(total > 0);
	for (i = 1; i <= total; i++) {
		ys_alloc_fail_after(i);
		if (!fn(ctx, false))
			failed++;
		ys_alloc_fail_after(0);
	}
	/* Most failures must be noticed: a function that ignores them
	 * would "succeed" every time. */
	assert_true(failed > 0);
	return total;
}

static bool load_builtin(void *ctx, bool must_succeed)
{
	const ys_builtin *b = *(const ys_builtin **)ctx;
	ys_diags d = {0};
	ys_questionnaire *q = ys_questionnaire_load_mem(b->data, b->len, b->id, &d);

	if (!q)
		assert_int_equal(d.exit_code, YS_EX_SOFTWARE);
	else if (must_succeed)
		assert_int_equal(d.count, 0);
	ys_questionnaire_free(q);
	ys_diags_free(&d);
	return q != NULL;
}

static void test_builtins(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; ys_builtins[i].id; i++) {
		const ys_builtin *b = &ys_builtins[i];

		each_failure(load_builtin, &b);
	}
}

static bool load_file(void *ctx, bool must_succeed)
{
	ys_diags d = {0};
	ys_questionnaire *q = ys_questionnaire_load_file(ctx, NULL, &d);

	(void)must_succeed;
	if (!q)
		assert_int_equal(d.exit_code, YS_EX_SOFTWARE);
	ys_questionnaire_free(q);
	ys_diags_free(&d);
	return q != NULL;
}

static void test_questionnaire_file(void **state)
{
	(void)state;
	each_failure(load_file, SMALL_Q);
}

/* Reads answers from disk, binds, scores and renders every format. */
struct pipeline {
	const char *answers;
	ys_questionnaire *q;
};

static bool render_all(const ys_questionnaire *q, const ys_answers *a)
{
	static const ys_report_format formats[] = {
		YS_REPORT_TEXT, YS_REPORT_MARKDOWN, YS_REPORT_CSV,
		YS_REPORT_JSON, YS_REPORT_SVG,
	};
	ys_score s;
	bool ok = true;
	size_t i;

	if (!ys_score_compute(q, a, NULL, &s))
		return false;
	for (i = 0; i < sizeof(formats) / sizeof(formats[0]); i++) {
		ys_report r = { q, a, &s, 72 };
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		int rc;

		assert_non_null(f);
		rc = ys_report_write(&r, formats[i], f);
		fclose(f);
		free(buf);
		if (rc != 0) {
			assert_int_equal(rc, ENOMEM);
			ok = false;
		}
	}
	ys_score_free(&s);
	return ok;
}

static bool pipeline(void *ctx, bool must_succeed)
{
	struct pipeline *p = ctx;
	ys_diags d = {0};
	ys_answers *a = ys_answers_read_file(p->answers, &d);
	bool ok = false;

	if (!a) {
		assert_int_equal(d.exit_code, YS_EX_SOFTWARE);
	} else if (!ys_answers_bind(a, p->q, p->answers, &d)) {
		assert_int_equal(d.exit_code, YS_EX_SOFTWARE);
	} else {
		ok = render_all(p->q, a);
	}
	if (must_succeed)
		assert_true(ok);
	ys_answers_free(a);
	ys_diags_free(&d);
	return ok;
}

static void test_answers_to_reports(void **state)
{
	static const char *const files[] = {
		"data/small-complete.yaml", "data/small-hostile.yaml",
		"data/small-workshop.yaml", "data/small-provisional.yaml",
	};
	ys_diags d = {0};
	struct pipeline p;
	size_t i;

	(void)state;
	p.q = ys_questionnaire_load_file(SMALL_Q, NULL, &d);
	assert_non_null(p.q);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		p.answers = files[i];
		each_failure(pipeline, &p);
	}
	ys_questionnaire_free(p.q);
	ys_diags_free(&d);
}

/* A save that runs out of memory leaves the saved file as it was. */
struct saving {
	ys_questionnaire *q;
	ys_answers *a;
	ys_store *s;
	char *path;
	char *before;
	size_t before_len;
};

static bool save_once(void *ctx, bool must_succeed)
{
	struct saving *v = ctx;
	char *err = NULL, *now;
	size_t len;
	int rc = ys_store_save(v->s, v->a, &err);

	now = tu_slurp(v->path, &len);
	assert_non_null(now);
	if (rc == 0) {
		assert_null(err);
		free(v->before);
		v->before = now;
		v->before_len = len;
		return true;
	} else {
		assert_false(must_succeed);
		assert_int_equal(rc, YS_EX_SOFTWARE);
		/* Unchanged: the saved bytes are those saved before. */
		assert_int_equal(len, v->before_len);
		assert_memory_equal(now, v->before, len);
	}
	free(now);
	ys_free(err);
	return rc == 0;
}

static void test_store_save(void **state)
{
	char dir[] = "/tmp/yardstick-faults-XXXXXX";
	ys_diags d = {0};
	struct saving v;
	ys_store s;
	char *err = NULL;
	size_t i;

	(void)state;
	setenv("YARDSTICK_NOW", "2026-11-21T10:00:00Z", 1);
	assert_non_null(mkdtemp(dir));
	v.path = malloc(strlen(dir) + 16);
	assert_non_null(v.path);
	sprintf(v.path, "%s/a.yaml", dir);
	v.q = ys_questionnaire_load_file(SMALL_Q, NULL, &d);
	assert_non_null(v.q);
	v.a = ys_answers_new(v.q);
	assert_non_null(v.a);
	assert_int_equal(ys_store_open(&s, v.path, NULL, &err), 0);
	v.s = &s;
	assert_int_equal(ys_store_save(&s, v.a, &err), 0);
	for (i = 0; i < v.q->n_questions; i++)
		assert_true(ys_answers_set_choice(v.a, v.q, i,
						  (ys_choice){YS_ANS_OPTION, 0}));
	v.before = tu_slurp(v.path, &v.before_len);
	assert_non_null(v.before);
	each_failure(save_once, &v);
	free(v.before);
	ys_store_close(&s);
	ys_answers_free(v.a);
	ys_questionnaire_free(v.q);
	ys_diags_free(&d);
	unlink(v.path);
	rmdir(dir);
	free(v.path);
	unsetenv("YARDSTICK_NOW");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_builtins),
		cmocka_unit_test(test_questionnaire_file),
		cmocka_unit_test(test_answers_to_reports),
		cmocka_unit_test(test_store_save),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
