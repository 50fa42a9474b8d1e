/* Every allocation failing in turn, end to end: loading each built-in
 * questionnaire and a questionnaire file, reading and binding answers
 * files from disk, scoring, every scorecard format, compare and benchmark
 * in every format, and saving through the store. No crash, no leak (the
 * sanitizer build checks), a clean out-of-memory result (exit code 70 or
 * ENOMEM) or else exactly the output of a run without faults (never a
 * shortened report that looks whole), and a saved file left as it was
 * when a save runs out of memory. Run from the tests folder. */
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
#include "yardstick/bench.h"
#include "yardstick/catalog.h"
#include "yardstick/common.h"
#include "yardstick/compare.h"
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

/* One output of a report writer, in buf (taken). The run that must
 * succeed records it as the full report (*want). Under an injected fault
 * the writer returns ENOMEM, or else must have written exactly the full
 * report: never a shortened one that looks whole. Returns whether the
 * writer succeeded. */
static bool check_output(const char *what, int format, bool must_succeed,
			 int rc, char *buf, size_t len, char **want,
			 size_t *want_len)
{
	if (must_succeed) {
		assert_int_equal(rc, 0);
		assert_true(len > 0);
		free(*want);
		*want = buf;
		*want_len = len;
		return true;
	}
	if (rc == 0 && (len != *want_len || memcmp(buf, *want, len) != 0))
		fail_msg("%s, format %d: success under an allocation failure "
			 "with %zu bytes, not the %zu of the full report",
			 what, format, len, *want_len);
	free(buf);
	if (rc != 0)
		assert_int_equal(rc, ENOMEM);
	return rc == 0;
}

/* Reads answers from disk, binds, scores and renders every format, each
 * output checked by check_output. */
static const ys_report_format formats[] = {
	YS_REPORT_TEXT, YS_REPORT_MARKDOWN, YS_REPORT_CSV,
	YS_REPORT_JSON, YS_REPORT_SVG, YS_REPORT_HTML,
};
#define N_FORMATS YS_ARRAY_LEN(formats)

struct pipeline {
	const char *answers;
	ys_questionnaire *q;
	char *want[N_FORMATS];
	size_t want_len[N_FORMATS];
};

static bool render_all(struct pipeline *p, const ys_answers *a,
		       bool must_succeed)
{
	ys_score s;
	bool ok = true;
	size_t i;

	if (!ys_score_compute(p->q, a, NULL, &s))
		return false;
	for (i = 0; i < N_FORMATS; i++) {
		ys_report r = { p->q, a, &s, 72, false };
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		int rc;

		assert_non_null(f);
		rc = ys_report_write(&r, formats[i], f);
		assert_int_equal(fclose(f), 0);
		if (!check_output(p->answers, (int)formats[i], must_succeed, rc,
				  buf, len, &p->want[i], &p->want_len[i]))
			ok = false;
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
		ok = render_all(p, a, must_succeed);
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
	struct pipeline p = {0};
	size_t i, j;

	(void)state;
	p.q = ys_questionnaire_load_file(SMALL_Q, NULL, &d);
	assert_non_null(p.q);
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		p.answers = files[i];
		each_failure(pipeline, &p);
	}
	for (j = 0; j < N_FORMATS; j++)
		free(p.want[j]);
	ys_questionnaire_free(p.q);
	ys_diags_free(&d);
}

/* Compare and benchmark: the inputs are read and scored once; every
 * allocation of the writers then fails in turn, each output checked by
 * check_output. */
struct writing {
	const char *what;
	int (*write)(struct writing *w, int format, FILE *out);
	int n_formats;
	const ys_compare *c;
	ys_bench *b;
	char *want[3];
	size_t want_len[3];
};

static int write_compare(struct writing *w, int format, FILE *out)
{
	return ys_compare_write(w->c, (ys_compare_format)format, out);
}

static int write_bench(struct writing *w, int format, FILE *out)
{
	return ys_bench_write(w->b, (ys_bench_format)format, 72, out);
}

static bool write_all(void *ctx, bool must_succeed)
{
	struct writing *w = ctx;
	bool ok = true;
	int i;

	for (i = 0; i < w->n_formats; i++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&buf, &len);
		int rc;

		assert_non_null(f);
		rc = w->write(w, i, f);
		assert_int_equal(fclose(f), 0);
		if (!check_output(w->what, i, must_succeed, rc, buf, len,
				  &w->want[i], &w->want_len[i]))
			ok = false;
	}
	return ok;
}

static void writing_free(struct writing *w)
{
	size_t i;

	for (i = 0; i < YS_ARRAY_LEN(w->want); i++)
		free(w->want[i]);
}

/* Reads, binds and scores an answers file with no fault injected. */
static ys_answers *scored(const ys_questionnaire *q, const char *path,
			  ys_score *s)
{
	ys_diags d = {0};
	ys_answers *a = ys_answers_read_file(path, &d);

	assert_non_null(a);
	assert_true(ys_answers_bind(a, q, path, &d));
	assert_true(ys_score_compute(q, a, NULL, s));
	ys_diags_free(&d);
	return a;
}

static void test_compare(void **state)
{
	ys_diags d = {0};
	ys_questionnaire *q = ys_questionnaire_load_file(SMALL_Q, NULL, &d);
	ys_score so, sn;
	ys_answers *ao, *an;
	ys_compare c;
	struct writing w = { .what = "compare", .write = write_compare,
			     .n_formats = 3, .c = &c };

	(void)state;
	assert_non_null(q);
	ao = scored(q, "data/small-provisional.yaml", &so);
	an = scored(q, "data/small-hostile.yaml", &sn);
	c = (ys_compare){ q, q, ao, an, &so, &sn, "before.yaml", "after.yaml",
			  72, false };
	each_failure(write_all, &w);
	writing_free(&w);
	ys_score_free(&so);
	ys_score_free(&sn);
	ys_answers_free(ao);
	ys_answers_free(an);
	ys_questionnaire_free(q);
	ys_diags_free(&d);
}

/* Last year's assessment on the archived 2026.1 version against this
 * year's on 2027.1: the version differences are written in full or the
 * writer fails with ENOMEM. */
static void test_compare_versions(void **state)
{
	ys_diags d = {0};
	ys_questionnaire *oq = NULL, *nq = NULL;
	ys_score so, sn;
	ys_answers *ao, *an;
	ys_compare c;
	struct writing w = { .what = "compare across versions",
			     .write = write_compare, .n_formats = 3, .c = &c };
	const ys_builtin *b;

	(void)state;
	for (b = ys_builtins; b->id; b++) {
		if (strcmp(b->id, "public-sector-digital-maturity") != 0)
			continue;
		if (b->archived)
			oq = ys_questionnaire_load_mem(b->data, b->len, b->id, &d);
		else
			nq = ys_questionnaire_load_mem(b->data, b->len, b->id, &d);
	}
	assert_non_null(oq);
	assert_non_null(nq);
	ao = scored(oq, "data/example-assessment-2026.1.yaml", &so);
	an = scored(nq, "data/example-assessment.yaml", &sn);
	c = (ys_compare){ oq, nq, ao, an, &so, &sn, "2026.yaml", "2027.yaml",
			  72, false };
	each_failure(write_all, &w);
	assert_non_null(strstr(w.want[0], "Target enhanced is now called good-practice"));
	writing_free(&w);
	ys_score_free(&so);
	ys_score_free(&sn);
	ys_answers_free(ao);
	ys_answers_free(an);
	ys_questionnaire_free(oq);
	ys_questionnaire_free(nq);
	ys_diags_free(&d);
}

static void test_bench(void **state)
{
	ys_diags d = {0};
	ys_questionnaire *q = ys_questionnaire_load_file(SMALL_Q, NULL, &d);
	struct writing w = { .what = "benchmark", .write = write_bench,
			     .n_formats = 3 };
	char path[64];
	int i;

	(void)state;
	assert_non_null(q);
	w.b = ys_bench_new(q);
	assert_non_null(w.b);
	for (i = 1; i <= 7; i++) {
		ys_score s;
		ys_answers *a;

		snprintf(path, sizeof(path), "data/bench/org-%02d.yaml", i);
		a = scored(q, path, &s);
		assert_true(ys_bench_add(w.b, &s));
		if (i == 3)
			assert_true(ys_bench_highlight(w.b, &s));
		ys_score_free(&s);
		ys_answers_free(a);
	}
	each_failure(write_all, &w);
	writing_free(&w);
	ys_bench_free(w.b);
	ys_questionnaire_free(q);
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
		/* A save that reports success under an allocation failure
		 * wrote exactly what the save that had to succeed wrote (the
		 * answers and the clock are the same every time). */
		if (!must_succeed) {
			assert_int_equal(len, v->before_len);
			assert_memory_equal(now, v->before, len);
		}
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
		cmocka_unit_test(test_compare),
		cmocka_unit_test(test_compare_versions),
		cmocka_unit_test(test_bench),
		cmocka_unit_test(test_store_save),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
