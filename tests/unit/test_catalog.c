/* Unit tests for finding the questionnaire of an answers file
 * (ys_catalog_for_answers, DESIGN section 2): -q, else the file the
 * answers record, else the id lookup. Run from the tests folder. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "testutil.h"

#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/catalog.h"

#define MINI "data/mini-questionnaire.yaml"

static char base[] = "/tmp/yardstick-catalog-XXXXXX";
static char answers_path[128];

static void put(const char *rel, const char *text)
{
	char p[256];
	FILE *f;

	snprintf(p, sizeof(p), "%s/%s", base, rel);
	f = fopen(p, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

static int setup(void **state)
{
	char p[256], *mini;

	(void)state;
	if (!mkdtemp(base))
		return -1;
	snprintf(p, sizeof(p), "%s/elsewhere", base);
	mkdir(p, 0700);
	snprintf(p, sizeof(p), "%s/work", base);
	mkdir(p, 0700);
	snprintf(p, sizeof(p), "%s/path", base);
	mkdir(p, 0700);
	mini = tu_slurp(MINI, NULL);
	if (!mini)
		return -1;
	put("elsewhere/q.yaml", mini);
	put("path/mini.yaml", mini);
	free(mini);
	put("elsewhere/other.yaml",
	    "yardstick: 1\nid: other\ntitle: Other\nversion: \"1\"\n"
	    "levels: [{name: A}, {name: B}]\n"
	    "answer_sets:\n  yn: [{key: \"no\", label: No, value: 0}, "
	    "{key: \"yes\", label: Yes, value: 1}]\n"
	    "areas:\n  - id: cyber\n    title: Cyber\n    questions:\n"
	    "      - {id: cyber-mfa, level: 1, text: MFA?, answers: yn}\n");
	put("elsewhere/broken.yaml", "yardstick: 1\nid: mini\nlevels: 7\n");
	snprintf(answers_path, sizeof(answers_path), "%s/work/a.yaml", base);
	snprintf(p, sizeof(p), "%s/xdg", base);
	setenv("XDG_DATA_HOME", p, 1);
	setenv("HOME", base, 1);
	setenv("YARDSTICK_PATH", "", 1);
	return 0;
}

static int teardown(void **state)
{
	static const char *const files[] = {
		"elsewhere/q.yaml", "elsewhere/other.yaml", "elsewhere/broken.yaml",
		"path/mini.yaml", "elsewhere", "work", "path",
	};
	char p[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(p, sizeof(p), "%s/%s", base, files[i]);
		remove(p);
	}
	rmdir(base);
	return 0;
}

/* Answers to the mini questionnaire recording file (NULL: none). */
static ys_answers *answers(const char *file)
{
	ys_diags d = {0};
	ys_questionnaire *q = ys_questionnaire_load_file(MINI, NULL, &d);
	ys_answers *a;

	assert_non_null(q);
	a = ys_answers_new(q);
	assert_non_null(a);
	assert_true(ys_answers_set_questionnaire_file(a, file));
	ys_questionnaire_free(q);
	return a;
}

/* The joined messages of d, for checking; the caller frees. */
static char *messages(const ys_diags *d)
{
	char *out = NULL;
	size_t len = 0, i;
	FILE *f = open_memstream(&out, &len);

	assert_non_null(f);
	for (i = 0; i < d->count; i++)
		fprintf(f, "%s\n", d->items[i].message);
	fclose(f);
	return out;
}

static void test_recorded_file(void **state)
{
	ys_answers *a = answers("../elsewhere/q.yaml");
	ys_diags d = {0};
	const char *from = "x";
	ys_questionnaire *q;
	char want[256];

	(void)state;
	q = ys_catalog_for_answers(a, answers_path, NULL, false, &d, &from);
	assert_non_null(q);
	assert_int_equal(d.count, 0);
	assert_string_equal(q->id, "mini");
	snprintf(want, sizeof(want), "%s/work/../elsewhere/q.yaml", base);
	assert_string_equal(q->source, want);
	assert_ptr_equal(from, q->source);
	ys_questionnaire_free(q);
	/* With exact too: the recorded file comes before the id lookup. */
	q = ys_catalog_for_answers(a, answers_path, NULL, true, &d, &from);
	assert_non_null(q);
	assert_string_equal(q->source, want);
	ys_questionnaire_free(q);
	ys_answers_free(a);
}

static void test_spec(void **state)
{
	ys_answers *a = answers("../elsewhere/q.yaml");
	ys_diags d = {0};
	const char *from = "x";
	ys_questionnaire *q;
	char spec[256], *m;

	(void)state;
	/* A path of the same questionnaire is used, and is what to record. */
	snprintf(spec, sizeof(spec), "%s/path/mini.yaml", base);
	q = ys_catalog_for_answers(a, answers_path, spec, false, &d, &from);
	assert_non_null(q);
	assert_string_equal(from, spec);
	ys_questionnaire_free(q);
	/* An id is looked up; nothing to record. */
	snprintf(spec, sizeof(spec), "%s/path", base);
	setenv("YARDSTICK_PATH", spec, 1);
	q = ys_catalog_for_answers(a, answers_path, "mini", false, &d, &from);
	assert_non_null(q);
	assert_null(from);
	ys_questionnaire_free(q);
	setenv("YARDSTICK_PATH", "", 1);
	assert_int_equal(d.count, 0);
	/* Another questionnaire, by id or by path, is refused. */
	q = ys_catalog_for_answers(a, answers_path, "public-sector-digital-maturity",
				   false, &d, &from);
	assert_null(q);
	assert_int_equal(d.exit_code, 65);
	assert_int_equal(d.count, 1);
	assert_string_equal(d.items[0].file, answers_path);
	assert_string_equal(d.items[0].message,
			    "holds answers to questionnaire 'mini', but -q "
			    "public-sector-digital-maturity is questionnaire "
			    "'public-sector-digital-maturity'; leave out -q to use the "
			    "questionnaire the file names, or give one with id 'mini'");
	ys_diags_free(&d);
	snprintf(spec, sizeof(spec), "%s/elsewhere/other.yaml", base);
	q = ys_catalog_for_answers(a, answers_path, spec, false, &d, &from);
	assert_null(q);
	assert_int_equal(d.exit_code, 65);
	m = messages(&d);
	assert_non_null(strstr(m, "is questionnaire 'other'"));
	free(m);
	ys_diags_free(&d);
	ys_answers_free(a);
}

/* A recorded file that is missing, another questionnaire or broken
 * leaves the id lookup; when that fails too, the error says what became
 * of the file. */
static void test_recorded_fallback(void **state)
{
	static const struct {
		const char *file, *says;
	} cases[] = {
		{"../elsewhere/gone.yaml", "the questionnaire file it records, "
		 "../elsewhere/gone.yaml, is not there (looked for "},
		{"../elsewhere/other.yaml", "the questionnaire file it records, "
		 "../elsewhere/other.yaml, is questionnaire 'other' now, not 'mini'; "
		 "give the questionnaire with -q"},
		{"../elsewhere/broken.yaml", "the questionnaire file it records, "
		 "../elsewhere/broken.yaml, does not load:"},
	};
	char dir[256];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ys_answers *a = answers(cases[i].file);
		ys_diags d = {0};
		const char *from = "x";
		ys_questionnaire *q;
		char *m;

		q = ys_catalog_for_answers(a, answers_path, NULL, false, &d, &from);
		assert_null(q);
		assert_int_equal(d.exit_code, 66);
		assert_true(d.count >= 2);
		m = messages(&d);
		assert_non_null(strstr(m, "no questionnaire with id 'mini'"));
		if (!strstr(m, cases[i].says))
			fprintf(stderr, "%s", m);
		assert_non_null(strstr(m, cases[i].says));
		/* The broken file's own problems follow. */
		if (i == 2)
			assert_true(d.count >= 3);
		free(m);
		ys_diags_free(&d);

		/* The id lookup finds it: used, nothing to record. */
		snprintf(dir, sizeof(dir), "%s/path", base);
		setenv("YARDSTICK_PATH", dir, 1);
		q = ys_catalog_for_answers(a, answers_path, NULL, false, &d, &from);
		assert_non_null(q);
		assert_null(from);
		assert_int_equal(d.count, 0);
		assert_non_null(strstr(q->source, "/path/mini.yaml"));
		ys_questionnaire_free(q);
		setenv("YARDSTICK_PATH", "", 1);
		ys_answers_free(a);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_recorded_file),
		cmocka_unit_test(test_spec),
		cmocka_unit_test(test_recorded_fallback),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
