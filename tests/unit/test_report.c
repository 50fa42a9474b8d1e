/* Unit tests for the reports: number formatting, quantiles, escaping for
 * JSON, Markdown, CSV and plain ASCII, the explanation wording, the text
 * width limit, the benchmark's refusal of small groups, and allocation
 * failure at every step of every format. The answers are built by hand so
 * these tests need only the loader and the scoring. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "../../src/report_priv.h"
#include "yardstick/text.h"
#include "yardstick/alloc.h"
#include "yardstick/bench.h"
#include "yardstick/compare.h"
#include "yardstick/explain.h"
#include "yardstick/questionnaire.h"
#include "yardstick/report.h"
#include "yardstick/score.h"

static const char questionnaire[] =
	"yardstick: 1\n"
	"id: unit\n"
	"title: Unit | test *questionnaire*\n"
	"version: \"1\"\n"
	"levels:\n"
	"  - {name: Absent}\n"
	"  - {name: Initial}\n"
	"  - {name: Repeatable}\n"
	"answer_sets:\n"
	"  yn:\n"
	"    - {key: \"no\", label: \"No\", value: 0}\n"
	"    - {key: partly, label: \"Partly\", value: 0.5}\n"
	"    - {key: \"yes\", label: \"Yes\", value: 1}\n"
	"targets:\n"
	"  base: {default: 2}\n"
	"areas:\n"
	"  - id: one\n"
	"    title: \"Area one: caf\xC3\xA9 \xE2\x80\x94 Zo\xC3\xAB\"\n"
	"    questions:\n"
	"      - {id: one-a, level: 1, weight: 3, text: First practice?, answers: yn, red_flag: [\"no\"], advice: ADV-one-a Put the first practice in place.}\n"
	"      - {id: one-b, level: 1, text: Second practice?, answers: yn, advice: ADV-one-b Put the second practice in place.}\n"
	"      - {id: one-c, level: 2, weight: 2, text: Third practice with a rather long question text that will need wrapping at sixty columns?, answers: yn, advice: ADV-one-c Put the third practice in place., known_by: KNOWN-one-c the records manager}\n"
	"      - {id: one-d, level: 2, text: Fourth practice?, answers: yn, red_flag: [\"no\"], advice: ADV-one-d Put the fourth practice in place.}\n"
	"    recommendations:\n"
	"      - {level: 1, text: Do the level two practices.}\n"
	"  - id: two\n"
	"    title: Area two\n"
	"    questions:\n"
	"      - {id: two-a, level: 1, text: Fifth?, answers: yn, allow_na: true, advice: ADV-two-a Do the fifth.}\n"
	"      - {id: two-b, level: 2, text: Sixth?, answers: yn, allow_na: true, advice: ADV-two-b Do the sixth.}\n";

typedef struct fixture {
	ys_questionnaire *q;
	ys_answers a;
	ys_score s;
	bool scored;
} fixture;

static void set_answer(fixture *f, size_t i, const char *key, const char *note)
{
	ys_response *r = &f->a.responses[i];
	const ys_question *qn = &f->q->questions[i];

	ys_free(r->answer);
	ys_free(r->note);
	r->answer = key ? ys_strdup(key) : NULL;
	r->note = note ? ys_strdup(note) : NULL;
	r->choice.option = -1;
	if (!key)
		r->choice.kind = YS_ANS_NONE;
	else if (!strcmp(key, YS_KEY_DONT_KNOW))
		r->choice.kind = YS_ANS_DONT_KNOW;
	else if (!strcmp(key, YS_KEY_NA))
		r->choice.kind = YS_ANS_NA;
	else {
		r->choice.kind = YS_ANS_OPTION;
		r->choice.option = (int)ys_question_option_index(qn, key);
		assert_true(r->choice.option >= 0);
	}
}

static void rescore(fixture *f, const char *target)
{
	if (f->scored)
		ys_score_free(&f->s);
	assert_true(ys_score_compute(f->q, &f->a, target, &f->s));
	f->scored = true;
}

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	ys_diags d = {0};
	size_t i;

	f->q = ys_questionnaire_load_mem(questionnaire, sizeof(questionnaire) - 1,
					 "unit.yaml", &d);
	if (!f->q) {
		ys_diags_print(&d, stderr, "test");
		return -1;
	}
	ys_diags_free(&d);
	f->a.q_id = ys_strdup("unit");
	f->a.q_version = ys_strdup("1");
	f->a.q_sha256 = ys_strdup(f->q->sha256);
	f->a.organisation = ys_strdup("Org | <b>*x*</b> & \xE2\x80\xAE" "evil");
	f->a.mode = YS_MODE_INTERVIEW;
	f->a.updated = ys_strdup("2026-11-21T10:00:00Z");
	f->a.n_responses = f->a.n_bound = f->q->n_questions;
	f->a.responses = ys_calloc(f->q->n_questions, sizeof(ys_response));
	for (i = 0; i < f->q->n_questions; i++) {
		f->a.responses[i].question_id = ys_strdup(f->q->questions[i].id);
		f->a.responses[i].choice.option = -1;
	}
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	fixture *f = *state;
	size_t i;

	if (f->scored)
		ys_score_free(&f->s);
	for (i = 0; i < f->a.n_responses; i++) {
		ys_free(f->a.responses[i].question_id);
		ys_free(f->a.responses[i].answer);
		ys_free(f->a.responses[i].note);
	}
	ys_free(f->a.responses);
	ys_free(f->a.q_id);
	ys_free(f->a.q_version);
	ys_free(f->a.q_sha256);
	ys_free(f->a.organisation);
	ys_free(f->a.updated);
	ys_questionnaire_free(f->q);
	free(f);
	return 0;
}

/* Runs a writer into a memory buffer; returns the text (free()). */
static char *capture(int (*fn)(const ys_report *, FILE *), const ys_report *r,
		     int *rc)
{
	/* The stream's buffer pointer lives on the heap, not in this frame,
	 * so no compiler mistakes the text for a pointer into it. */
	struct { char *buf; size_t len; } *h = calloc(1, sizeof(*h));
	FILE *m;
	char *buf;

	assert_non_null(h);
	m = open_memstream(&h->buf, &h->len);
	assert_non_null(m);
	*rc = fn(r, m);
	fclose(m);
	buf = h->buf;
	free(h);
	return buf;
}

static ys_report report_of(fixture *f, size_t width)
{
	ys_report r;

	r.q = f->q;
	r.a = &f->a;
	r.s = &f->s;
	r.width = width;
	r.ascii = false;
	return r;
}

/* ---- numbers ---- */

static void test_format_exact(void **state)
{
	char buf[32];

	(void)state;
	/* The shortest text that reads back as the same double. */
	assert_string_equal(ys_format_exact(70.454545, buf), "70.454545");
	assert_string_equal(ys_format_exact(57.9, buf), "57.9");
	assert_string_equal(ys_format_exact(100.0, buf), "100");
	assert_string_equal(ys_format_exact(0.0, buf), "0");
	assert_string_equal(ys_format_exact(-0.0, buf), "0");
	assert_string_equal(ys_format_exact(1.5, buf), "1.5");
	assert_string_equal(ys_format_exact(100.0 / 3.0, buf),
			    "33.333333333333336");
	assert_true(strtod(ys_format_exact(0.1 + 0.2, buf), NULL) == 0.1 + 0.2);
	assert_string_equal(ys_format_exact(0.75, buf), "0.75");
	assert_string_equal(ys_format_exact(-12.5, buf), "-12.5");
}

static void test_quantile7(void **state)
{
	const double four[] = {1, 2, 3, 4};
	const double five[] = {10, 20, 30, 40, 50};
	const double one[] = {42};

	(void)state;
	/* The values R's quantile(type = 7) and numpy give. */
	assert_float_equal(ys_quantile7(four, 4, 0.25), 1.75, 1e-12);
	assert_float_equal(ys_quantile7(four, 4, 0.5), 2.5, 1e-12);
	assert_float_equal(ys_quantile7(four, 4, 0.75), 3.25, 1e-12);
	assert_float_equal(ys_quantile7(five, 5, 0.25), 20, 1e-12);
	assert_float_equal(ys_quantile7(five, 5, 0.5), 30, 1e-12);
	assert_float_equal(ys_quantile7(five, 5, 0.75), 40, 1e-12);
	assert_float_equal(ys_quantile7(five, 5, 0.1), 14, 1e-12);
	assert_float_equal(ys_quantile7(five, 5, 0), 10, 1e-12);
	assert_float_equal(ys_quantile7(five, 5, 1), 50, 1e-12);
	assert_float_equal(ys_quantile7(one, 1, 0.75), 42, 1e-12);
}

static void test_dates_and_names(void **state)
{
	char d[11];
	ys_report_format f;

	(void)state;
	assert_string_equal(ys_report_date("2026-11-21T10:00:00Z", d), "2026-11-21");
	assert_string_equal(ys_report_date("2026-1-21", d), "");
	assert_string_equal(ys_report_date(NULL, d), "");
	assert_true(ys_report_format_parse("md", &f));
	assert_int_equal(f, YS_REPORT_MARKDOWN);
	assert_true(ys_report_format_parse("svg", &f));
	assert_int_equal(f, YS_REPORT_SVG);
	assert_true(ys_report_format_parse("html", &f));
	assert_int_equal(f, YS_REPORT_HTML);
	assert_true(ys_report_format_parse("htm", &f));
	assert_int_equal(f, YS_REPORT_HTML);
	assert_string_equal(ys_report_format_find("htm")->ext, "html");
	assert_false(ys_report_format_parse("pdf", &f));
	assert_false(ys_report_format_parse("JSON", &f));
	assert_string_equal(ys_report_format_name(YS_REPORT_CSV), "csv");
}

/* ---- escaping ---- */

static void test_json_str(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	(void)state;
	ys_json_str(m, "a\"b\\c\n\t\x01\x7f \xE2\x80\xAE \xC2\x85 \xFF caf\xC3\xA9 \xF0\x9F\x98\x80");
	fputc(' ', m);
	ys_json_str(m, NULL);
	fclose(m);
	assert_string_equal(buf, "\"a\\\"b\\\\c\\u000a\\u0009\\u0001\\u007f "
			    "\\u202e \\u0085 \\ufffd caf\xC3\xA9 \xF0\x9F\x98\x80\" null");
	free(buf);
}

static void test_xml_str(void **state)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&buf, &len);

	(void)state;
	ys_xml_str(m, "<a href='x'>&\"\x01\xE2\x81\xA6\n");
	fclose(m);
	assert_string_equal(buf, "&lt;a href=&apos;x&apos;&gt;&amp;&quot;"
			    "\xEF\xBF\xBD\xEF\xBF\xBD ");
	free(buf);
}

static void test_ascii(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"Zo\xC3\xAB O\xE2\x80\x99" "Brien \xE2\x80\x94 caf\xC3\xA9",
		 "Zoe O'Brien - cafe"},
		{"\xC5\x81\xC3\xB3" "d\xC5\xBA Stra\xC3\x9F" "e", "Lodz Strasse"},
		{"Ynys M\xC3\xB4n, Pen-y-bont ar Ogwr, \xC5\xB5 \xC5\xB7",
		 "Ynys Mon, Pen-y-bont ar Ogwr, w y"},
		{"e\xCC\x81 \xE6\x9D\xB1\xE4\xBA\xAC", "e ??"},
		{"\xE2\x80\xAEgnp.exe \x01 \xFF", "?gnp.exe ? ?"},
		{"\xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x80\xA6 \xC2\xA3" "5",
		 "\"quoted\" ... GBP5"},
		{"tab\there\nnewline", "tab here newline"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		ys_sb b = {0};
		char *s;

		ys_sb_ascii(&b, cases[i].in, false);
		s = ys_sb_take(&b);
		assert_non_null(s);
		assert_string_equal(s, cases[i].out);
		ys_free(s);
	}
}

/* ---- explanations ---- */

static void test_explain_levels(void **state)
{
	fixture *f = *state;
	ys_explanation e;

	/* Level 1, one of two practices at level 2 missing. */
	set_answer(f, 0, "yes", NULL);
	set_answer(f, 1, "yes", NULL);
	set_answer(f, 2, "partly", NULL);
	set_answer(f, 3, "yes", NULL);
	rescore(f, "base");
	assert_int_equal(f->s.areas[0].level, 1);
	assert_true(ys_explain_area(f->q, &f->a, &f->s, 0, &e));
	/* G = 1, f = 1/2: maturity 1.5. */
	assert_string_equal(e.status, "Maturity 1.5, level 1 Initial");
	assert_non_null(strstr(e.why, "Its maturity is 1.5, level 1 (Initial): "
			       "every practice at level 1 is met, and 1 of the 2 "
			       "practices at level 2 is met."));
	assert_non_null(e.next);
	assert_non_null(strstr(e.next, "reach level 2 (Repeatable)"));
	assert_int_equal(e.n_blockers, 1);
	assert_int_equal(e.blockers[0].question, 2);
	assert_false(e.blockers[0].red_flag);
	assert_string_equal(e.blockers[0].answer, "Partly");
	assert_string_equal(e.recommendation, "Do the level two practices.");
	ys_explanation_free(&e);

	/* Top level: nothing blocks. */
	set_answer(f, 2, "yes", NULL);
	rescore(f, NULL);
	assert_true(ys_explain_area(f->q, &f->a, &f->s, 0, &e));
	assert_int_equal(f->s.areas[0].level, 2);
	assert_string_equal(e.status, "Maturity 2.0, level 2 Repeatable");
	assert_non_null(strstr(e.why, "Its maturity is 2.0, the top level "
			       "(Repeatable)"));
	assert_null(e.next);
	assert_int_equal(e.n_blockers, 0);
	ys_explanation_free(&e);

	/* A red flag at level 2 holds the area at level 1 and is listed once. */
	set_answer(f, 3, "no", NULL);
	rescore(f, NULL);
	assert_int_equal(f->s.areas[0].level, 1);
	assert_true(ys_explain_area(f->q, &f->a, &f->s, 0, &e));
	/* G = 1, f = 1/2 (one-c met, one-d not), cap 1: maturity
	 * min(1.5, 1) = 1.0, capped. */
	assert_string_equal(e.status, "Maturity 1.0, level 1 Initial");
	assert_non_null(strstr(e.why, "it is held at level 1 (Initial) by a "
			       "red-flag answer listed below"));
	assert_non_null(strstr(e.why, "Without it, its maturity would be 1.5."));
	assert_non_null(e.next);
	assert_non_null(strstr(e.next, "clear the red flag below."));
	assert_int_equal(e.n_blockers, 1);
	assert_int_equal(e.n_cap_blockers, 1);
	assert_true(e.blockers[0].red_flag);
	assert_int_equal(e.blockers[0].question, 3);
	ys_explanation_free(&e);

	/* Not assessed and not applicable. */
	rescore(f, NULL);
	assert_true(ys_explain_area(f->q, &f->a, &f->s, 1, &e));
	assert_string_equal(e.status, "Not assessed");
	assert_null(e.next);
	ys_explanation_free(&e);
	set_answer(f, 4, "n/a", NULL);
	set_answer(f, 5, "n/a", NULL);
	rescore(f, NULL);
	assert_true(ys_explain_area(f->q, &f->a, &f->s, 1, &e));
	assert_string_equal(e.status, "Not applicable");
	ys_explanation_free(&e);
}

static void test_vote_spread(void **state)
{
	fixture *f = *state;
	ys_vote votes[4];
	ys_response r;
	size_t counts[5];

	memset(&r, 0, sizeof(r));
	memset(votes, 0, sizeof(votes));
	votes[0].choice = (ys_choice){YS_ANS_OPTION, 0};
	votes[1].choice = (ys_choice){YS_ANS_OPTION, 2};
	votes[2].choice = (ys_choice){YS_ANS_DONT_KNOW, -1};
	votes[3].choice = (ys_choice){YS_ANS_OPTION, 2};
	r.votes = votes;
	r.n_votes = 4;
	assert_int_equal(ys_vote_spread(&f->q->questions[0], &r, counts), 2);
	assert_int_equal(counts[0], 1);
	assert_int_equal(counts[1], 0);
	assert_int_equal(counts[2], 2);
	assert_int_equal(counts[3], 1);
	assert_int_equal(counts[4], 0);
	r.n_votes = 1;
	assert_int_equal(ys_vote_spread(&f->q->questions[0], &r, NULL), 0);
}

/* ---- formats ---- */

static void answer_all(fixture *f)
{
	set_answer(f, 0, "yes", "Note, with \"quotes\"\nand a second line");
	set_answer(f, 1, "partly", "=1+2");
	set_answer(f, 2, "dont-know", NULL);
	set_answer(f, 3, "yes", "| pipe * star _ under <tag> # [x]");
	set_answer(f, 4, "no", NULL);
	set_answer(f, 5, NULL, NULL);
	rescore(f, "base");
}

static void test_text_width_and_ascii(void **state)
{
	fixture *f = *state;
	size_t widths[] = {60, 80, 61, 200}, k, a;

	answer_all(f);
	for (a = 0; a < 2; a++) {
		for (k = 0; k < sizeof(widths) / sizeof(widths[0]); k++) {
			ys_report r = report_of(f, widths[k]);
			int rc;
			char *out, *line, *save = NULL;
			const unsigned char *p;

			r.ascii = a == 1;
			out = capture(ys_report_text, &r, &rc);
			assert_int_equal(rc, 0);
			assert_true(ys_utf8_valid(out, strlen(out)));
			for (p = (const unsigned char *)out; *p; p++)
				assert_true(*p == '\n' || *p >= 0x20);
			if (r.ascii) {
				for (p = (const unsigned char *)out; *p; p++)
					assert_true(*p == '\n' || *p < 0x7f);
				assert_non_null(strstr(out, "Area one: cafe - Zoe"));
			} else {
				/* UTF-8: names as written. */
				assert_non_null(strstr(out, "Area one: caf\xC3\xA9 "
						       "\xE2\x80\x94 Zo\xC3\xAB"));
			}
			assert_non_null(strstr(out, "PROVISIONAL"));
			for (line = strtok_r(out, "\n", &save); line;
			     line = strtok_r(NULL, "\n", &save))
				assert_true(ys_text_width(line, strlen(line)) <=
					    widths[k]);
			free(out);
		}
	}
}

static void test_markdown_escapes(void **state)
{
	fixture *f = *state;
	ys_report r;
	char *out;
	int rc;

	answer_all(f);
	r = report_of(f, 0);
	out = capture(ys_report_markdown, &r, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(out, "# Scorecard: Unit \\| test \\*questionnaire\\*\n"));
	assert_non_null(strstr(out, "Org \\| \\<b\\>\\*x\\*\\</b\\> \\& \xEF\xBF\xBD" "evil"));
	assert_null(strstr(out, "<b>"));
	assert_null(strstr(out, "\xE2\x80\xAE"));
	free(out);
}

static void test_json_shape(void **state)
{
	fixture *f = *state;
	ys_report r;
	char *out;
	int rc;

	answer_all(f);
	r = report_of(f, 0);
	out = capture(ys_report_json, &r, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(out, "\"format\": \"yardstick-scorecard/2\""));
	assert_non_null(strstr(out, "\"provisional\": true"));
	assert_non_null(strstr(out, "\"completion\": {\n    \"answered\": 5,\n"
			       "    \"total\": 6,\n    \"unsettled\": 0\n  }"));
	assert_non_null(strstr(out, "\"dont_know\": [\"one-c\"]"));
	assert_non_null(strstr(out, "\"organisation\": \"Org | <b>*x*</b> & \\u202eevil\""));
	/* Area two: two-a answered "no", two-b unanswered: level 0. */
	assert_non_null(strstr(out, "\"unanswered\": [\"two-b\"]"));
	free(out);

	/* Nothing assessed: null level, maturity and practice score. */
	set_answer(f, 4, NULL, NULL);
	rescore(f, NULL);
	r = report_of(f, 0);
	out = capture(ys_report_json, &r, &rc);
	assert_int_equal(rc, 0);
	assert_non_null(strstr(out, "\"state\": \"not_assessed\",\n      \"level\": null"));
	assert_non_null(strstr(out, "\"maturity\": null"));
	assert_non_null(strstr(out, "\"practice_score\": null"));
	assert_non_null(strstr(out, "\"target\": null"));
	free(out);
}

static void test_csv_cells(void **state)
{
	fixture *f = *state;
	ys_report r;
	char *out;
	int rc;

	answer_all(f);
	r = report_of(f, 0);
	out = capture(ys_report_csv, &r, &rc);
	assert_int_equal(rc, 0);
	assert_true(!strncmp(out, "\xEF\xBB\xBF" "area,area_title,question,"
			     "question_text,level,weight,answer,answer_label,"
			     "value,note,na_reason,votes,contested,settled\r\n", 121));
	assert_non_null(strstr(out, "\r\none,Area one: caf\xC3\xA9 \xE2\x80\x94 "
			       "Zo\xC3\xAB,one-a,First practice?,1,3,yes,Yes,1,"
			       "\"Note, with \"\"quotes\"\"\nand a second line\""
			       ",,,,\r\n"));
	assert_non_null(strstr(out, ",\"'=1+2\","));
	assert_non_null(strstr(out, ",2,2,dont-know,Don't know,0,,,,,\r\n"));
	assert_non_null(strstr(out, ",2,1,,,,,,,,\r\n"));
	free(out);
}

/* The cell writer on its own: what no answers file can hold (a leading
 * CR), and each character a spreadsheet would start a formula with. */
static void test_csv_cell_writer(void **state)
{
	static const struct {
		const char *in, *out;
	} cases[] = {
		{"\r=1+1", "\xEF\xBF\xBD=1+1\r\n"},
		{"\r", "\xEF\xBF\xBD\r\n"},
		{"\rline\r\nnext", "\"\xEF\xBF\xBDline\xEF\xBF\xBD\nnext\"\r\n"},
		{"=SUM(A1)", "\"'=SUM(A1)\"\r\n"},
		{"+1", "\"'+1\"\r\n"},
		{"-1", "\"'-1\"\r\n"},
		{"@x", "\"'@x\"\r\n"},
		{"\t=1", "\"'\t=1\"\r\n"},
		{"a,b", "\"a,b\"\r\n"},
		{"Ynys M\xC3\xB4n", "Ynys M\xC3\xB4n\r\n"},
		{NULL, "\r\n"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *buf = NULL;
		size_t len = 0;
		FILE *m = open_memstream(&buf, &len);

		assert_non_null(m);
		assert_true(ys_csv_cell(m, cases[i].in, true));
		assert_int_equal(fclose(m), 0);
		assert_string_equal(buf, cases[i].out);
		/* No cell starts with a character that makes a formula
		 * (after its opening quote, if any). */
		if (strcmp(buf, "\r\n") != 0)
			assert_null(strchr("=+-@\t\r", buf[buf[0] == '"']));
		free(buf);
	}
}

static void test_svg_deterministic(void **state)
{
	fixture *f = *state;
	ys_report r;
	char *a, *b;
	int rc;

	answer_all(f);
	r = report_of(f, 0);
	a = capture(ys_report_svg, &r, &rc);
	assert_int_equal(rc, 0);
	b = capture(ys_report_svg, &r, &rc);
	assert_string_equal(a, b);
	/* Two areas: bars, each with its target mark. */
	assert_non_null(strstr(a, "data-form=\"bars\""));
	assert_non_null(strstr(a, "<line class=\"target-mark\""));
	assert_null(strstr(a, "-0.00"));
	assert_null(strstr(a, "nan"));
	free(a);
	free(b);
}

/* Every allocation made by every format may fail: the writer returns
 * ENOMEM (or succeeds) and leaks nothing (LeakSanitizer checks). */
static void test_alloc_failures(void **state)
{
	int (*const fns[])(const ys_report *, FILE *) = {
		ys_report_text, ys_report_markdown, ys_report_csv,
		ys_report_json, ys_report_svg,
	};
	fixture *f = *state;
	ys_report r;
	size_t k;

	answer_all(f);
	r = report_of(f, 60);
	for (k = 0; k < sizeof(fns) / sizeof(fns[0]); k++) {
		long n;
		int rc = ENOMEM;

		for (n = 1; n < 100000 && rc == ENOMEM; n++) {
			char *out;

			ys_alloc_fail_after(n);
			out = capture(fns[k], &r, &rc);
			ys_alloc_fail_after(0);
			assert_true(rc == 0 || rc == ENOMEM);
			free(out);
		}
		assert_int_equal(rc, 0);
	}
}

/* ---- next steps ---- */

/* Where needle first occurs in hay, or -1. */
static long offset_of(const char *hay, const char *needle)
{
	const char *p = strstr(hay, needle);

	return p ? (long)(p - hay) : -1;
}

/* Counts the advice texts (marked ADV-) that text holds. */
static size_t count_advice(const char *text)
{
	size_t n = 0;
	const char *p = text;

	while ((p = strstr(p, "ADV-")) != NULL) {
		n++;
		p += 4;
	}
	return n;
}

static void test_next_steps(void **state)
{
	fixture *f = *state;
	int (*const writers[])(const ys_report *, FILE *) = {
		ys_report_text, ys_report_markdown, ys_report_json,
	};
	ys_report r;
	size_t i;
	char *out;
	int rc;

	/* Every answer at its best but one practice, one-c: that practice's
	 * advice, once per place it is listed (the area's blockers), and no
	 * other advice anywhere. */
	for (i = 0; i < f->q->n_questions; i++)
		set_answer(f, i, "yes", NULL);
	set_answer(f, 2, "partly", NULL);
	rescore(f, NULL);
	r = report_of(f, 200);
	for (i = 0; i < YS_ARRAY_LEN(writers); i++) {
		out = capture(writers[i], &r, &rc);
		assert_int_equal(rc, 0);
		assert_non_null(strstr(out, "ADV-one-c Put the third practice in place."));
		assert_int_equal(count_advice(out), 1);
		assert_null(strstr(out, "KNOWN-one-c"));  /* not a don't know */
		free(out);
	}

	/* A don't know holds the area back: the question is named with who
	 * usually knows, beside its advice. */
	set_answer(f, 2, "dont-know", NULL);
	rescore(f, NULL);
	r = report_of(f, 200);
	for (i = 0; i < YS_ARRAY_LEN(writers); i++) {
		const char *blk;

		out = capture(writers[i], &r, &rc);
		assert_int_equal(rc, 0);
		assert_non_null(strstr(out, "ADV-one-c"));
		assert_non_null(strstr(out, "KNOWN-one-c the records manager"));
		assert_int_equal(count_advice(out), 1);
		/* The area's next steps name one-c. */
		blk = writers[i] == ys_report_json ? strstr(out, "\"next_steps\"")
			: strstr(out, "Next:");
		assert_non_null(blk);
		assert_non_null(strstr(blk, "one-c"));
		free(out);
	}

	/* A red flag with a missing practice: the red flag's advice comes
	 * first, then the practice's. */
	set_answer(f, 2, "partly", NULL);
	set_answer(f, 3, "no", NULL);
	rescore(f, NULL);
	r = report_of(f, 200);
	out = capture(ys_report_text, &r, &rc);
	assert_int_equal(rc, 0);
	{
		/* The area's next steps, after the red-flag list that names
		 * one-d's advice too. */
		long nx = offset_of(out, "Next:");

		assert_true(nx >= 0);
		assert_true(offset_of(out + nx, "ADV-one-d") >= 0);
		assert_true(offset_of(out + nx, "ADV-one-d") <
			    offset_of(out + nx, "ADV-one-c"));
	}
	free(out);
}

/* ---- benchmark ---- */

/* Adds f's current score as an assessment of org; checks what was done. */
static void bench_expect(ys_bench *b, fixture *f, const char *org,
			 const char *created, const char *updated, size_t id,
			 ys_bench_added want, size_t want_other)
{
	size_t other = 999;

	rescore(f, NULL);
	assert_int_equal(ys_bench_add_assessment(b, org, created, updated, id,
						 &f->s, &other), want);
	if (want != YS_BENCH_COUNTED)
		assert_int_equal(other, want_other);
}

/* The benchmark counts organisations, not files: one organisation's
 * assessments (names equal but for case and spaces) count once, with the
 * most recent; copies count once; the counts are in every format. */
static void test_bench_organisations(void **state)
{
	fixture *f = *state;
	ys_bench *b = ys_bench_new(f->q);
	char *buf = NULL;
	size_t len = 0;
	FILE *m;

	assert_non_null(b);
	set_answer(f, 1, "yes", NULL);
	set_answer(f, 0, "no", NULL);
	bench_expect(b, f, "Anytown Council", "2026-01-01T09:00:00Z",
		     "2026-01-02T09:00:00Z", 0, YS_BENCH_COUNTED, 0);
	bench_expect(b, f, "anytown  council", "2025-01-01T09:00:00Z",
		     "2025-01-02T09:00:00Z", 1, YS_BENCH_OLDER, 0);
	/* A more recent one replaces it, with its own answers. */
	set_answer(f, 0, "yes", NULL);
	bench_expect(b, f, " ANYTOWN\tCouncil ", "2027-01-01T09:00:00Z",
		     "2027-01-02T09:00:00Z", 2, YS_BENCH_REPLACED, 0);
	bench_expect(b, f, "Anytown Council", "2027-01-01T09:00:00Z",
		     "2027-01-02T09:00:00Z", 3, YS_BENCH_REPEAT, 2);
	/* Without a name, only copies (same times) are one. */
	set_answer(f, 0, "no", NULL);
	bench_expect(b, f, NULL, "2026-03-01T09:00:00Z", "2026-03-02T09:00:00Z",
		     4, YS_BENCH_COUNTED, 0);
	bench_expect(b, f, "  ", "2026-03-01T09:00:00Z", "2026-03-02T09:00:00Z",
		     5, YS_BENCH_REPEAT, 4);
	bench_expect(b, f, NULL, "2026-03-01T09:00:00Z", "2026-03-03T09:00:00Z",
		     6, YS_BENCH_COUNTED, 0);
	bench_expect(b, f, "Anytown Councils", "2026-01-01T09:00:00Z",
		     "2026-01-02T09:00:00Z", 7, YS_BENCH_COUNTED, 0);
	set_answer(f, 0, "partly", NULL);
	bench_expect(b, f, "Westvale Police", "2026-01-01T09:00:00Z",
		     "2026-01-02T09:00:00Z", 8, YS_BENCH_COUNTED, 0);
	/* ys_bench_add never merges. */
	assert_true(ys_bench_add(b, &f->s));
	assert_int_equal(ys_bench_count(b), 6);
	assert_int_equal(ys_bench_files(b), 10);

	m = open_memstream(&buf, &len);
	assert_int_equal(ys_bench_write(b, YS_BENCH_JSON, 0, m), 0);
	fclose(m);
	assert_non_null(strstr(buf, "\"organisations\": 6,\n  \"files\": 10,\n"
			       "  \"set_aside\": 4,"));
	/* Anytown counts with its 2027 "yes" (level 1), not its 2026 "no":
	 * "no" x3 (the two unnamed and Anytown Councils), "yes" x1,
	 * "partly" x2. */
	assert_non_null(strstr(buf, "\"levels\": [5, 1, 0]"));
	free(buf);
	buf = NULL;

	m = open_memstream(&buf, &len);
	assert_int_equal(ys_bench_write(b, YS_BENCH_TEXT, 0, m), 0);
	fclose(m);
	assert_non_null(strstr(buf, "Organisations:  6 (10 files: 4 set aside as "
			       "older assessments of"));
	free(buf);
	buf = NULL;

	m = open_memstream(&buf, &len);
	assert_int_equal(ys_bench_write(b, YS_BENCH_CSV, 0, m), 0);
	fclose(m);
	assert_non_null(strstr(buf, ",files,set_aside\r\n(overall),"));
	assert_non_null(strstr(buf, ",10,4\r\n"));
	free(buf);
	ys_bench_free(b);
}

static void test_bench(void **state)
{
	fixture *f = *state;
	ys_bench *b = ys_bench_new(f->q);
	char *buf = NULL;
	size_t len = 0, i;
	FILE *m;
	static const char *const first[] = {"no", "partly", "yes", "yes", "yes", "partly"};

	assert_non_null(b);
	/* Six organisations; area two assessed by only four of them. */
	for (i = 0; i < 6; i++) {
		set_answer(f, 0, first[i], NULL);
		set_answer(f, 1, "yes", NULL);
		set_answer(f, 2, NULL, NULL);
		set_answer(f, 3, NULL, NULL);
		set_answer(f, 4, i < 4 ? "yes" : NULL, NULL);
		set_answer(f, 5, NULL, NULL);
		rescore(f, NULL);
		assert_true(ys_bench_add(b, &f->s));
	}
	assert_int_equal(ys_bench_count(b), 6);
	m = open_memstream(&buf, &len);
	assert_int_equal(ys_bench_write(b, YS_BENCH_JSON, 0, m), 0);
	fclose(m);
	/* Area one's maturity: "no" and "partly" miss level 1 with one-b
	 * met, so 0 + 1/2 = 0.5 (the red flag's cap, 1, does not bind);
	 * "yes" reaches level 1 with nothing met at level 2, so 1.0. Sorted:
	 * 0.5 0.5 0.5 1 1 1; type 7 quartiles: h = 1.25 -> 0.5, h = 2.5 ->
	 * 0.75, h = 3.75 -> 1. Practice scores (weights 3 and 1): 25,
	 * 62.5 x2, 100 x3, so 62.5, 81.25 and 100. */
	assert_non_null(strstr(buf, "\"id\": \"one\", \"title\": \"Area one: caf\xC3\xA9 "
			       "\xE2\x80\x94 Zo\xC3\xAB\", \"organisations\": 6, "
			       "\"not_assessed\": 0, \"shown\": true,\n     \"levels\": "
			       "[3, 3, 0], \"q1\": 0.5, \"median\": 0.75, \"q3\": 1, "
			       "\"practice\": {\"q1\": 62.5, \"median\": 81.25, "
			       "\"q3\": 100}}"));
	assert_non_null(strstr(buf, "\"id\": \"two\", \"title\": \"Area two\", "
			       "\"organisations\": 4, \"not_assessed\": 2, \"shown\": "
			       "false,\n     \"levels\": null, \"q1\": null"));
	assert_non_null(strstr(buf, "\"highlight\": null"));
	free(buf);
	ys_bench_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_format_exact),
		cmocka_unit_test(test_quantile7),
		cmocka_unit_test(test_dates_and_names),
		cmocka_unit_test(test_json_str),
		cmocka_unit_test(test_xml_str),
		cmocka_unit_test(test_ascii),
		cmocka_unit_test_setup_teardown(test_explain_levels, setup, teardown),
		cmocka_unit_test_setup_teardown(test_vote_spread, setup, teardown),
		cmocka_unit_test_setup_teardown(test_text_width_and_ascii, setup, teardown),
		cmocka_unit_test_setup_teardown(test_markdown_escapes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_json_shape, setup, teardown),
		cmocka_unit_test(test_csv_cell_writer),
		cmocka_unit_test_setup_teardown(test_csv_cells, setup, teardown),
		cmocka_unit_test_setup_teardown(test_svg_deterministic, setup, teardown),
		cmocka_unit_test_setup_teardown(test_alloc_failures, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bench, setup, teardown),
		cmocka_unit_test_setup_teardown(test_bench_organisations, setup, teardown),
		cmocka_unit_test_setup_teardown(test_next_steps, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
