/* Unit tests for the questionnaire loader, the strict YAML reader and the
 * catalog. The malformed corpus with exact diagnostics lives in
 * tests/golden/questionnaires; these tests check the model the loader
 * builds and its behaviour under allocation failure. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "yardstick/alloc.h"
#include "yardstick/catalog.h"
#include "yardstick/questionnaire.h"
#include "yardstick/yread.h"

static const char tiny[] =
	"yardstick: 1\n"
	"id: tiny\n"
	"title: Tiny questionnaire\n"
	"version: \"2026.1\"\n"
	"description: A small one.\n"
	"threshold: 0.5\n"
	"levels:\n"
	"  - {name: Absent, description: Nothing.}\n"
	"  - name: Initial\n"
	"  - name: Done\n"
	"answer_sets:\n"
	"  yn:\n"
	"    - {key: \"no\", label: \"No\", value: 0}\n"
	"    - {key: \"yes\", label: \"Yes\", value: 1}\n"
	"targets:\n"
	"  baseline: {default: 1, data: 2}\n"
	"  none: {}\n"
	"areas:\n"
	"  - id: cyber\n"
	"    title: Cyber\n"
	"    weight: 2.5\n"
	"    questions:\n"
	"      - id: c1\n"
	"        level: 1\n"
	"        weight: 3\n"
	"        text: MFA?\n"
	"        help: What counts.\n"
	"        answers: yn\n"
	"        red_flag: [\"no\"]\n"
	"        red_flag_cap: 0\n"
	"        advice: >-\n"
	"          Require a second factor\n"
	"          for remote access.\n"
	"        known_by: Head of ICT\n"
	"        refs: {caf: B2.a, cyber-essentials: User access control}\n"
	"      - id: c2\n"
	"        level: 2\n"
	"        text: Patching?\n"
	"        allow_na: true\n"
	"        answers:\n"
	"          - {key: none, label: None, value: 0}\n"
	"          - {key: some, label: Some, value: 0.4}\n"
	"          - {key: all, label: All, value: 1}\n"
	"    recommendations:\n"
	"      - {level: 0, text: Start.}\n"
	"      - {level: 1, text: Go on.}\n"
	"  - id: data\n"
	"    title: Data\n"
	"    questions:\n"
	"      - {id: d1, level: 1, text: DPO?, answers: yn}\n"
	"      - {id: d2, level: 2, text: Sharing?, answers: yn}\n";

static ys_questionnaire *load(const char *text, ys_diags *d)
{
	return ys_questionnaire_load_mem(text, strlen(text), "test.yaml", d);
}

static void test_model(void **state)
{
	ys_diags d = {0};
	ys_questionnaire *q = load(tiny, &d);
	const ys_question *c1, *c2;

	(void)state;
	assert_non_null(q);
	assert_int_equal(d.count, 0);
	assert_string_equal(q->id, "tiny");
	assert_string_equal(q->title, "Tiny questionnaire");
	assert_string_equal(q->version, "2026.1");
	assert_string_equal(q->description, "A small one.");
	assert_true(q->threshold == 0.5);
	assert_int_equal(q->n_levels, 3);
	assert_string_equal(q->levels[0].name, "Absent");
	assert_string_equal(q->levels[0].description, "Nothing.");
	assert_null(q->levels[1].description);
	assert_int_equal(q->n_answer_sets, 1);
	assert_int_equal(q->n_areas, 2);
	assert_int_equal(q->n_questions, 4);
	assert_string_equal(q->areas[0].id, "cyber");
	assert_true(q->areas[0].weight == 2.5);
	assert_true(q->areas[1].weight == 1.0);
	assert_int_equal(q->areas[0].n_questions, 2);
	assert_int_equal(q->areas[1].first_question, 2);
	assert_ptr_equal(q->areas[1].questions, &q->questions[2]);

	c1 = ys_questionnaire_find_question(q, "c1");
	c2 = ys_questionnaire_find_question(q, "c2");
	assert_non_null(c1);
	assert_non_null(c2);
	assert_null(ys_questionnaire_find_question(q, "c3"));
	assert_int_equal(c1->level, 1);
	assert_int_equal(c1->weight, 3);
	assert_int_equal(c2->weight, 1);
	assert_string_equal(c1->help, "What counts.");
	assert_null(c2->help);
	assert_string_equal(c1->answer_set, "yn");
	assert_null(c2->answer_set);
	assert_int_equal(c1->n_options, 2);
	assert_int_equal(c2->n_options, 3);
	assert_true(c2->options[1].value == 0.4);
	assert_true(c1->red_flag[0]);
	assert_false(c1->red_flag[1]);
	assert_false(c2->red_flag[0] || c2->red_flag[1] || c2->red_flag[2]);
	assert_false(c1->allow_na);
	assert_true(c2->allow_na);
	assert_int_equal(c1->red_flag_cap, 0);
	assert_int_equal(c2->red_flag_cap, 1);      /* the default */
	assert_string_equal(c1->advice, "Require a second factor for remote access.");
	assert_string_equal(c1->known_by, "Head of ICT");
	assert_null(c2->advice);
	assert_null(c2->known_by);
	assert_int_equal(c1->n_refs, 2);
	assert_string_equal(c1->refs[1].key, "cyber-essentials");
	assert_string_equal(c1->refs[1].value, "User access control");
	assert_int_equal(c1->area, 0);
	assert_int_equal(q->questions[3].area, 1);
	assert_int_equal(q->questions[3].index, 3);
	assert_int_equal(ys_question_option_index(c1, "yes"), 1);
	assert_int_equal(ys_question_option_index(c1, "maybe"), -1);

	assert_int_equal(ys_questionnaire_area_index(q, "data"), 1);
	assert_int_equal(ys_questionnaire_area_index(q, "nope"), -1);
	assert_int_equal(q->n_targets, 2);
	assert_int_equal(ys_questionnaire_find_target(q, "baseline")->levels[0], 1);
	assert_int_equal(ys_questionnaire_find_target(q, "baseline")->levels[1], 2);
	assert_int_equal(ys_questionnaire_find_target(q, "none")->levels[0], 0);
	assert_null(ys_questionnaire_find_target(q, "enhanced"));
	assert_string_equal(ys_area_recommendation(&q->areas[0], 1), "Go on.");
	assert_null(ys_area_recommendation(&q->areas[0], 2));
	assert_int_equal(strlen(q->sha256), 64);
	assert_int_equal(q->size, strlen(tiny));
	ys_questionnaire_free(q);
	ys_diags_free(&d);
}

/* A questionnaire with LEVELS levels (2..9) whose only area has one
 * question per level; the first question's mapping ends with extra (lines
 * indented by 8 spaces). Written to buf. */
static const char *one_area(char *buf, size_t size, int levels, const char *extra)
{
	int n = snprintf(buf, size,
			 "yardstick: 1\nid: x\ntitle: X\nversion: '1'\nlevels:\n");
	int i;

	for (i = 0; i < levels; i++)
		n += snprintf(buf + n, size - (size_t)n, "  - name: L%d\n", i);
	n += snprintf(buf + n, size - (size_t)n,
		      "areas:\n"
		      "  - id: a\n"
		      "    title: A\n"
		      "    questions:\n"
		      "      - id: q1\n"
		      "        level: 1\n"
		      "        text: T\n"
		      "        answers: [{key: k, label: K, value: 0}, {key: m, label: M, value: 1}]\n"
		      "%s", extra);
	for (i = 2; i < levels; i++)
		n += snprintf(buf + n, size - (size_t)n,
			      "      - {id: q%d, level: %d, text: T, answers: [{key: k, label: K, value: 1}]}\n",
			      i, i);
	return buf;
}

/* Loads text, expecting exactly one error at line:col whose message
 * contains want. */
static void expect_one_error(const char *text, unsigned line, unsigned col,
			     const char *want)
{
	ys_diags d = {0};
	ys_questionnaire *q = load(text, &d);

	if (q || d.count != 1 || !strstr(d.items[0].message, want) ||
	    d.items[0].pos.line != line || d.items[0].pos.col != col)
		ys_diags_print(&d, stderr, "expected one error");
	assert_null(q);
	assert_int_equal(d.count, 1);
	assert_int_equal(d.exit_code, 65);
	assert_non_null(strstr(d.items[0].message, want));
	assert_int_equal(d.items[0].pos.line, line);
	assert_int_equal(d.items[0].pos.col, col);
	ys_diags_free(&d);
}

static void test_advice_fields(void **state)
{
	char buf[4096];
	ys_diags d = {0};
	ys_questionnaire *q;

	(void)state;
	/* The highest cap allowed is N-2; the keys may come in any order. */
	q = load(one_area(buf, sizeof(buf), 5,
			  "        red_flag_cap: 3\n"
			  "        known_by: \"Records manager\"\n"
			  "        red_flag: [k]\n"
			  "        advice: Keep a register.\n"), &d);
	assert_non_null(q);
	assert_int_equal(d.count, 0);
	assert_int_equal(q->questions[0].red_flag_cap, 3);
	assert_true(q->questions[0].red_flag[0]);
	assert_string_equal(q->questions[0].advice, "Keep a register.");
	assert_string_equal(q->questions[0].known_by, "Records manager");
	assert_int_equal(q->questions[1].red_flag_cap, 1);
	assert_null(q->questions[1].advice);
	ys_questionnaire_free(q);
	/* Levels listed after the areas still bound the cap. */
	q = load("yardstick: 1\nid: x\ntitle: X\nversion: '1'\n"
		 "areas: [{id: a, title: A, questions: [{id: q, level: 1, text: T, "
		 "answers: [{key: k, label: K, value: 1}], red_flag: [k], red_flag_cap: 0}]}]\n"
		 "levels: [{name: A}, {name: B}]\n", &d);
	assert_non_null(q);
	assert_int_equal(q->questions[0].red_flag_cap, 0);
	ys_questionnaire_free(q);
	ys_diags_free(&d);
}

static void test_advice_errors(void **state)
{
	char buf[4096];

	(void)state;
	/* Positions: the extra lines start at line 19 with 5 levels. */
	expect_one_error(one_area(buf, sizeof(buf), 5, "        red_flag_cap: 0\n"),
			 19, 23, "red_flag_cap without red_flag");
	expect_one_error(one_area(buf, sizeof(buf), 5,
				  "        red_flag: []\n        red_flag_cap: 0\n"),
			 20, 23, "red_flag_cap without red_flag");
	expect_one_error(one_area(buf, sizeof(buf), 5,
				  "        red_flag: [k]\n        red_flag_cap: 4\n"),
			 20, 23, "red_flag_cap 4 is out of range: this questionnaire has 5 levels, "
			 "so a red flag caps an area at level 0 to 3");
	expect_one_error(one_area(buf, sizeof(buf), 2,
				  "        red_flag: [k]\n        red_flag_cap: -1\n"),
			 17, 23, "level 0 to 0");
	expect_one_error(one_area(buf, sizeof(buf), 5,
				  "        red_flag: [k]\n        red_flag_cap: one\n"),
			 20, 23, "red_flag_cap must be a whole number, not 'one'");
	expect_one_error(one_area(buf, sizeof(buf), 5,
				  "        red_flag: [k]\n        red_flag_cap: 1.0\n"),
			 20, 23, "red_flag_cap must be a whole number");
	expect_one_error(one_area(buf, sizeof(buf), 5,
				  "        red_flag: [k]\n        red_flag_cap: \"1\"\n"),
			 20, 23, "red_flag_cap must be a whole number, not a quoted string");
	expect_one_error(one_area(buf, sizeof(buf), 5, "        advice: [a, b]\n"),
			 19, 17, "advice");
	expect_one_error(one_area(buf, sizeof(buf), 5, "        advice: \"  \"\n"),
			 19, 17, "advice is empty");
	expect_one_error(one_area(buf, sizeof(buf), 5, "        known_by: {who: x}\n"),
			 19, 19, "known_by");
	expect_one_error(one_area(buf, sizeof(buf), 5, "        advise: Do it.\n"),
			 19, 9, "did you mean 'advice'?");
	expect_one_error(one_area(buf, sizeof(buf), 5, "        knownby: ICT\n"),
			 19, 9, "did you mean 'known_by'?");
	expect_one_error(one_area(buf, sizeof(buf), 5, "        red_flag_caps: 0\n"),
			 19, 9, "did you mean 'red_flag_cap'?");
}

static void test_lint(void **state)
{
	ys_diags d = {0};
	ys_questionnaire *q = load(tiny, &d);

	(void)state;
	assert_non_null(q);
	/* c1 has advice, c2, d1 and d2 have none; cyber has recommendations
	 * for levels 0 and 1 (all it needs with 3 levels), data has none. */
	assert_int_equal(ys_questionnaire_lint(q, &d), 4);
	assert_int_equal(d.count, 4);
	assert_int_equal(d.warnings, 4);
	assert_int_equal(d.exit_code, 0);
	assert_true(d.items[0].warning);
	assert_string_equal(d.items[0].file, "test.yaml");
	assert_non_null(strstr(d.items[0].message, "question 'c2' has no advice"));
	assert_int_equal(d.items[0].pos.line, 36);
	assert_int_equal(d.items[0].pos.col, 9);
	assert_non_null(strstr(d.items[1].message,
			       "area 'data' has no recommendation for levels 0 (Absent) "
			       "and 1 (Initial)"));
	assert_int_equal(d.items[1].pos.line, 47);
	assert_int_equal(d.items[1].pos.col, 5);
	assert_non_null(strstr(d.items[2].message, "question 'd1' has no advice"));
	assert_non_null(strstr(d.items[3].message, "question 'd2' has no advice"));
	ys_diags_free(&d);
	ys_questionnaire_free(q);
}

static void test_lint_clean_and_capped(void **state)
{
	char buf[4096];
	ys_diags d = {0};
	ys_questionnaire *q;
	int i;

	(void)state;
	/* Two levels: only level 0 needs a recommendation. */
	q = load("yardstick: 1\nid: x\ntitle: X\nversion: '1'\n"
		 "levels: [{name: A}, {name: B}]\n"
		 "areas: [{id: a, title: A, recommendations: [{level: 0, text: Go.}], "
		 "questions: [{id: q, level: 1, text: T, advice: Do it., "
		 "answers: [{key: k, label: K, value: 1}]}]}]\n", &d);
	assert_non_null(q);
	assert_int_equal(ys_questionnaire_lint(q, &d), 0);
	assert_int_equal(d.count, 0);
	ys_questionnaire_free(q);
	/* One warning for an area names every missing level. */
	q = load(one_area(buf, sizeof(buf), 4, "        advice: A.\n"), &d);
	assert_non_null(q);
	assert_int_equal(ys_questionnaire_lint(q, &d), 3);   /* the area, q2, q3 */
	assert_non_null(strstr(d.items[0].message, "levels 0 (L0), 1 (L1) and 2 (L2);"));
	ys_diags_free(&d);
	ys_questionnaire_free(q);
	/* Warnings past the cap are counted, never set an exit code and
	 * leave room for errors. */
	for (i = 0; i < YS_WARN_MAX + 7; i++)
		ys_diag_warn(&d, "f", (ys_pos){1, 1}, "w%d", i);
	assert_int_equal(d.warnings, YS_WARN_MAX);
	assert_int_equal(d.warnings_dropped, 7);
	assert_int_equal(d.count, YS_WARN_MAX);
	assert_int_equal(d.exit_code, 0);
	assert_false(ys_diags_full(&d));
	ys_diag_add(&d, 65, "f", (ys_pos){2, 1}, "an error");
	assert_int_equal(d.count, YS_WARN_MAX + 1);
	assert_false(d.items[YS_WARN_MAX].warning);
	assert_int_equal(d.exit_code, 65);
	ys_diags_free(&d);
	assert_int_equal(d.warnings, 0);
	assert_int_equal(d.warnings_dropped, 0);
}

static void test_sha256_of_bytes(void **state)
{
	ys_diags d = {0};
	ys_questionnaire *q = load("yardstick: 1\nid: x\ntitle: X\nversion: '1'\n"
				   "levels: [{name: A}, {name: B}]\n"
				   "areas: [{id: a, title: A, questions: [{id: q, level: 1, "
				   "text: T, answers: [{key: k, label: K, value: 1}]}]}]\n", &d);
	FILE *f;
	char cmd[] = "/tmp/ys-sha-XXXXXX";
	int fd;
	ys_questionnaire *q2;

	(void)state;
	assert_non_null(q);
	/* The same bytes read from a file give the same fingerprint. */
	fd = mkstemp(cmd);
	assert_true(fd >= 0);
	f = fdopen(fd, "w");
	fputs("yardstick: 1\nid: x\ntitle: X\nversion: '1'\n"
	      "levels: [{name: A}, {name: B}]\n"
	      "areas: [{id: a, title: A, questions: [{id: q, level: 1, "
	      "text: T, answers: [{key: k, label: K, value: 1}]}]}]\n", f);
	fclose(f);
	q2 = ys_questionnaire_load_file(cmd, NULL, &d);
	assert_non_null(q2);
	assert_string_equal(q->sha256, q2->sha256);
	unlink(cmd);
	ys_questionnaire_free(q);
	ys_questionnaire_free(q2);
	ys_diags_free(&d);
}

static void test_sha256_known(void **state)
{
	ys_diags d = {0};
	/* sha256("") is well known; an empty file fails to load but the
	 * reader still fingerprints what it read. */
	ys_yreader *r = ys_yreader_open_mem("", 0, "e", &d);
	ys_yevent ev;

	(void)state;
	assert_non_null(r);
	assert_true(ys_yreader_next(r, &ev));
	assert_int_equal(ev.type, YS_Y_END);
	assert_string_equal(ys_yreader_sha256(r),
			    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	ys_yreader_close(r);
	ys_diags_free(&d);
}

static void test_builtins_valid(void **state)
{
	const ys_builtin *b;
	int n = 0;

	(void)state;
	for (b = ys_builtins; b->id; b++) {
		ys_diags d = {0};
		ys_questionnaire *q = ys_catalog_load(b->id, &d);

		if (!q)
			ys_diags_print(&d, stderr, "yardstick");
		assert_non_null(q);
		assert_string_equal(q->id, b->id);
		ys_questionnaire_free(q);
		ys_diags_free(&d);
		n++;
	}
	assert_true(n >= 1);
}

static void test_catalog_unknown_id(void **state)
{
	ys_diags d = {0};

	(void)state;
	assert_null(ys_catalog_load("no-such-questionnaire", &d));
	assert_int_equal(d.exit_code, 66);
	ys_diags_free(&d);
	assert_null(ys_catalog_load("Bad Id", &d));
	assert_int_equal(d.exit_code, 66);
	ys_diags_free(&d);
	assert_null(ys_catalog_load("/nonexistent/q.yaml", &d));
	assert_int_equal(d.exit_code, 66);
	ys_diags_free(&d);
}

static void test_catalog_path_order(void **state)
{
	char dir[] = "/tmp/ys-cat-XXXXXX";
	char path[256];
	FILE *f;
	ys_diags d = {0};
	ys_questionnaire *q;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/%s.yaml", dir, YS_DEFAULT_QUESTIONNAIRE);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs("yardstick: 1\nid: public-sector-digital-maturity\ntitle: Override\n"
	      "version: '9'\nlevels: [{name: A}, {name: B}]\n"
	      "areas: [{id: a, title: A, questions: [{id: q, level: 1, "
	      "text: T, answers: [{key: k, label: K, value: 1}]}]}]\n", f);
	fclose(f);
	setenv("YARDSTICK_PATH", dir, 1);
	q = ys_catalog_load(YS_DEFAULT_QUESTIONNAIRE, &d);
	assert_non_null(q);
	assert_string_equal(q->title, "Override");
	ys_questionnaire_free(q);
	unsetenv("YARDSTICK_PATH");
	q = ys_catalog_load(YS_DEFAULT_QUESTIONNAIRE, &d);
	assert_non_null(q);
	assert_string_not_equal(q->title, "Override");
	ys_questionnaire_free(q);
	unlink(path);
	rmdir(dir);
	ys_diags_free(&d);
}

static void test_all_errors_reported(void **state)
{
	ys_diags d = {0};
	char *text = strdup(tiny);
	char *p;

	(void)state;
	/* Three independent mistakes: all are reported (the misspelt key
	 * also leaves the area without its title). */
	p = strstr(text, "weight: 3");
	p[8] = '7';
	p = strstr(text, "threshold: 0.5");
	p[11] = '9';
	p = strstr(text, "title: Data");
	memcpy(p, "titl_", 5);
	assert_null(load(text, &d));
	assert_int_equal(d.count, 4);
	assert_int_equal(d.exit_code, 65);
	assert_int_equal(d.items[0].pos.line, 6);
	assert_non_null(strstr(d.items[1].message, "weight"));
	assert_non_null(strstr(d.items[2].message, "did you mean 'title'"));
	assert_non_null(strstr(d.items[3].message, "has no 'title'"));
	ys_diags_free(&d);
	free(text);
}

static void test_error_cap(void **state)
{
	ys_diags d = {0};
	size_t cap = 4096, used = 0;
	char *text = malloc(cap);
	int i;

	(void)state;
	used += (size_t)snprintf(text, cap, "yardstick: 1\n");
	for (i = 0; i < 80; i++)
		used += (size_t)snprintf(text + used, cap - used, "bad%d: 1\n", i);
	assert_null(load(text, &d));
	assert_int_equal(d.count, YS_DIAG_MAX);
	assert_true(d.dropped > 0);
	ys_diags_free(&d);
	free(text);
}

static void test_deep_nesting_is_fast(void **state)
{
	size_t n = 1024 * 1024;
	char *text = malloc(n + 1);
	ys_diags d = {0};

	(void)state;
	memset(text, '[', n);
	text[n] = '\0';
	assert_null(load(text, &d));
	assert_int_equal(d.exit_code, 65);
	ys_diags_free(&d);
	memcpy(text, "x: ", 3);
	assert_null(load(text, &d));
	assert_non_null(strstr(d.items[d.count - 1].message, "nesting is too deep"));
	ys_diags_free(&d);
	free(text);
}

/* Every allocation failing in turn: no crash, no leak, a clean error. */
static void test_allocation_failures(void **state)
{
	long total, i;

	(void)state;
	ys_alloc_fail_after(0);
	total = ys_alloc_count();
	{
		ys_diags d = {0};
		ys_questionnaire *q = load(tiny, &d);

		assert_non_null(q);
		ys_questionnaire_free(q);
		ys_diags_free(&d);
	}
	total = ys_alloc_count() - total;
	assert_true(total > 10);
	for (i = 1; i <= total; i++) {
		ys_diags d = {0};
		ys_questionnaire *q;

		ys_alloc_fail_after(i);
		q = load(tiny, &d);
		ys_alloc_fail_after(0);
		if (q) {
			ys_questionnaire_free(q);
		} else {
			assert_int_equal(d.exit_code, 70);
		}
		ys_diags_free(&d);
	}
}

static void test_valid_id(void **state)
{
	(void)state;
	assert_true(ys_valid_id("a", 1));
	assert_true(ys_valid_id("0a.b_c-d", 8));
	assert_false(ys_valid_id("", 0));
	assert_false(ys_valid_id("A", 1));
	assert_false(ys_valid_id("-a", 2));
	assert_false(ys_valid_id("a b", 3));
	assert_false(ys_valid_id("n/a", 3));
	assert_true(ys_valid_id("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 64));
	assert_false(ys_valid_id("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 65));
}

static void test_did_you_mean(void **state)
{
	static const char *const keys[] = {"title", "levels", "answer_sets", NULL};

	(void)state;
	assert_string_equal(ys_did_you_mean("titel", keys), "title");
	assert_string_equal(ys_did_you_mean("level", keys), "levels");
	assert_string_equal(ys_did_you_mean("answer-sets", keys), "answer_sets");
	assert_null(ys_did_you_mean("colour", keys));
	assert_null(ys_did_you_mean("title", keys));
}

static void test_keyset(void **state)
{
	ys_keyset s = {0};
	ys_pos first;
	char key[32];
	int i;

	(void)state;
	for (i = 0; i < 1000; i++) {
		snprintf(key, sizeof(key), "k%d", i);
		assert_true(ys_keyset_add(&s, key, strlen(key), (ys_pos){(uint32_t)i + 1, 1}, &first));
	}
	assert_false(ys_keyset_add(&s, "k500", 4, (ys_pos){9999, 1}, &first));
	assert_int_equal(first.line, 501);
	assert_true(ys_keyset_find(&s, "k999", 4, &first));
	assert_false(ys_keyset_find(&s, "k1000", 5, &first));
	ys_keyset_free(&s);
}

static void test_numbers_strict(void **state)
{
	static const char *const bad[] = {"1.", ".5", "+1", "01", "1e", "0x1", "1_0",
					  "inf", "--1", "1,5", NULL};
	static const char *const good[] = {"0", "1", "0.25", "1e-1", "0.5E0", NULL};
	const char *const *s;

	(void)state;
	for (s = bad; *s; s++) {
		char text[128];
		ys_diags d = {0};
		ys_yreader *r;
		ys_yevent ev;
		double v;

		snprintf(text, sizeof(text), "%s", *s);
		r = ys_yreader_open_mem(text, strlen(text), "n", &d);
		assert_true(ys_yreader_next(r, &ev));
		assert_false(ys_yscalar_double(r, &ev, "value", 0, 1, &v));
		ys_yreader_close(r);
		ys_diags_free(&d);
	}
	for (s = good; *s; s++) {
		ys_diags d = {0};
		ys_yreader *r = ys_yreader_open_mem(*s, strlen(*s), "n", &d);
		ys_yevent ev;
		double v;

		assert_true(ys_yreader_next(r, &ev));
		if (!ys_yscalar_double(r, &ev, "value", 0, 1, &v))
			ys_diags_print(&d, stderr, *s);
		assert_int_equal(d.count, 0);
		ys_yreader_close(r);
		ys_diags_free(&d);
	}
}


/* Builds a questionnaire of n questions (about 200 bytes each) with an
 * optional tail appended; the caller frees it. */
static char *big_questionnaire(size_t n, const char *tail)
{
	size_t cap = 1024 + n * 256 + (tail ? strlen(tail) : 0), used = 0, i;
	char *text = malloc(cap);

	used += (size_t)snprintf(text + used, cap - used,
				 "yardstick: 1\nid: big\ntitle: Big\nversion: '1'\n"
				 "levels: [{name: A}, {name: B}, {name: C}]\n"
				 "answer_sets:\n  yn: [{key: n, label: No, value: 0}, "
				 "{key: y, label: Yes, value: 1}]\n"
				 "areas:\n  - id: a\n    title: A\n    questions:\n");
	for (i = 0; i < n; i++)
		used += (size_t)snprintf(text + used, cap - used,
					 "      - id: q%zu\n        level: %zu\n"
					 "        text: Is practice number %zu in place across the whole organisation?\n"
					 "        help: >-\n          Evidence is a record of the practice being applied.\n"
					 "        answers: yn\n", i, 1 + i % 2, i);
	if (tail)
		used += (size_t)snprintf(text + used, cap - used, "%s", tail);
	return text;
}

static char *write_temp(const char *text)
{
	char *path = strdup("/tmp/ys-big-XXXXXX");
	int fd = mkstemp(path);
	FILE *f = fdopen(fd, "w");

	fputs(text, f);
	fclose(f);
	return path;
}

/* A large file is parsed on a second thread: the model must be the same
 * as the one built inline from memory, fingerprint included. */
static void test_large_file_same_as_memory(void **state)
{
	char *text = big_questionnaire(20000, NULL);
	char *path = write_temp(text);
	ys_diags d = {0};
	ys_questionnaire *a = load(text, &d);
	ys_questionnaire *b = ys_questionnaire_load_file(path, NULL, &d);
	size_t i;

	(void)state;
	assert_true(strlen(text) > 2u * 1024 * 1024);
	assert_non_null(a);
	assert_non_null(b);
	assert_int_equal(a->n_questions, 20000);
	assert_int_equal(b->n_questions, 20000);
	assert_string_equal(a->sha256, b->sha256);
	for (i = 0; i < a->n_questions; i++) {
		assert_string_equal(a->questions[i].id, b->questions[i].id);
		assert_string_equal(a->questions[i].text, b->questions[i].text);
		assert_string_equal(a->questions[i].help, b->questions[i].help);
		assert_int_equal(a->questions[i].level, b->questions[i].level);
	}
	assert_non_null(ys_questionnaire_find_question(b, "q19999"));
	ys_questionnaire_free(a);
	ys_questionnaire_free(b);
	unlink(path);
	free(path);
	free(text);
	ys_diags_free(&d);
}

/* Errors deep into a large file keep their positions on either path. */
static void test_large_file_errors(void **state)
{
	static const char *const tails[] = {
		"      - id: q1\n        level: 1\n        text: T\n        answers: yn\n",
		"      - id: z\n        level: 1\n        text: \"\\e[2J\"\n        answers: yn\n",
		"      - id: z\n        level: [1\n",
		"      - id: z\n        level: &x 1\n",
		"x: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n",
	};
	size_t t;

	(void)state;
	for (t = 0; t < sizeof(tails) / sizeof(tails[0]); t++) {
		char *text = big_questionnaire(20000, tails[t]);
		char *path = write_temp(text);
		ys_diags dm = {0}, df = {0};
		size_t i;

		assert_null(load(text, &dm));
		assert_null(ys_questionnaire_load_file(path, "test.yaml", &df));
		assert_true(dm.count > 0);
		assert_int_equal(dm.count, df.count);
		assert_int_equal(dm.exit_code, df.exit_code);
		for (i = 0; i < dm.count; i++) {
			assert_int_equal(dm.items[i].pos.line, df.items[i].pos.line);
			assert_int_equal(dm.items[i].pos.col, df.items[i].pos.col);
			assert_string_equal(dm.items[i].message, df.items[i].message);
		}
		assert_true(dm.items[dm.count - 1].pos.line > 100000);
		unlink(path);
		free(path);
		free(text);
		ys_diags_free(&dm);
		ys_diags_free(&df);
	}
}

/* Closing a reader part way through a large file stops the parser
 * thread cleanly (no hang, no leak). */
static void test_large_file_early_close(void **state)
{
	char *text = big_questionnaire(20000, NULL);
	char *path = write_temp(text);
	int k;

	(void)state;
	for (k = 0; k < 50; k += 7) {
		ys_diags d = {0};
		ys_yreader *r = ys_yreader_open_file(path, NULL, &d);
		ys_yevent ev;
		int i;

		assert_non_null(r);
		for (i = 0; i < k * 1000; i++)
			assert_true(ys_yreader_next(r, &ev));
		ys_yreader_close(r);
		ys_diags_free(&d);
	}
	unlink(path);
	free(path);
	free(text);
}

static void test_question_limit(void **state)
{
	char *text = big_questionnaire(YS_MAX_QUESTIONS + 1, NULL);
	ys_diags d = {0};

	(void)state;
	assert_null(load(text, &d));
	assert_int_equal(d.exit_code, 65);
	assert_int_equal(d.count, 1);
	assert_non_null(strstr(d.items[0].message, "too many questions (the limit is 100000)"));
	ys_diags_free(&d);
	free(text);
}

static void test_file_size_limit(void **state)
{
	char path[] = "/tmp/ys-huge-XXXXXX";
	int fd = mkstemp(path);
	ys_diags d = {0};

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(ftruncate(fd, (off_t)YS_MAX_FILE + 1), 0);
	close(fd);
	assert_null(ys_questionnaire_load_file(path, NULL, &d));
	assert_int_equal(d.exit_code, 65);
	assert_non_null(strstr(d.items[0].message, "too large"));
	ys_diags_free(&d);
	unlink(path);
	/* Not a regular file: a folder and a device are refused at once. */
	assert_null(ys_questionnaire_load_file("/tmp", NULL, &d));
	assert_int_equal(d.exit_code, 66);
	ys_diags_free(&d);
	assert_null(ys_questionnaire_load_file("/dev/zero", NULL, &d));
	assert_int_equal(d.exit_code, 66);
	ys_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_model),
		cmocka_unit_test(test_advice_fields),
		cmocka_unit_test(test_advice_errors),
		cmocka_unit_test(test_lint),
		cmocka_unit_test(test_lint_clean_and_capped),
		cmocka_unit_test(test_sha256_of_bytes),
		cmocka_unit_test(test_sha256_known),
		cmocka_unit_test(test_builtins_valid),
		cmocka_unit_test(test_catalog_unknown_id),
		cmocka_unit_test(test_catalog_path_order),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_error_cap),
		cmocka_unit_test(test_deep_nesting_is_fast),
		cmocka_unit_test(test_allocation_failures),
		cmocka_unit_test(test_valid_id),
		cmocka_unit_test(test_did_you_mean),
		cmocka_unit_test(test_keyset),
		cmocka_unit_test(test_numbers_strict),
		cmocka_unit_test(test_large_file_same_as_memory),
		cmocka_unit_test(test_large_file_errors),
		cmocka_unit_test(test_large_file_early_close),
		cmocka_unit_test(test_question_limit),
		cmocka_unit_test(test_file_size_limit),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
