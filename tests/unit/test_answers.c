/* Unit tests for the answers file: reading, canonical writing and exact
 * round trips, binding to a questionnaire, the setters, and the malformed
 * corpus in tests/golden/answers (each NAME.yaml with NAME.expected holding
 * the exit code and the exact diagnostics).
 *
 * Run from the tests folder (meson sets the working directory). Set
 * YARDSTICK_UPDATE_GOLDEN=1 to rewrite the .expected files. */
#include <dirent.h>
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "testutil.h"

#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/questionnaire.h"

#define MINI "data/mini-questionnaire.yaml"
#define NOW "2026-11-21T10:41:07Z"
#define SHA "873170c1ad3f19ffd18cf8fd3b8587bc743ea4aa9db02eddfbfea67d90f243a0"

static ys_questionnaire *mini(void)
{
	ys_diags d = {0};
	ys_questionnaire *q = ys_questionnaire_load_file(MINI, NULL, &d);

	if (!q)
		ys_diags_print(&d, stderr, "yardstick");
	assert_non_null(q);
	ys_diags_free(&d);
	return q;
}

static ys_answers *read_ok(const char *text)
{
	ys_diags d = {0};
	ys_answers *a = ys_answers_read_mem(text, strlen(text), "test.yaml", &d);

	if (!a)
		ys_diags_print(&d, stderr, "yardstick");
	assert_non_null(a);
	assert_int_equal(d.count, 0);
	ys_diags_free(&d);
	return a;
}

/* Reads text expecting failure; returns all messages joined by newlines
 * with their positions ("L:C: message"), which the caller frees. */
static char *read_errors(const char *text, int *exit_code)
{
	ys_diags d = {0};
	ys_answers *a = ys_answers_read_mem(text, strlen(text), "test.yaml", &d);
	char *out = NULL;
	size_t len = 0, i;
	FILE *f;

	assert_null(a);
	f = open_memstream(&out, &len);
	assert_non_null(f);
	for (i = 0; i < d.count; i++)
		fprintf(f, "%u:%u: %s\n", d.items[i].pos.line, d.items[i].pos.col,
			d.items[i].message);
	fclose(f);
	*exit_code = d.exit_code;
	ys_diags_free(&d);
	return out;
}

static char *write_str(const ys_answers *a, size_t *len)
{
	char *s = ys_answers_to_string(a, len);

	assert_non_null(s);
	assert_int_equal(strlen(s), *len);
	return s;
}

static const char full[] =
	"yardstick-answers: 1\n"
	"questionnaire: {id: mini, version: \"2026.1\", sha256: " SHA "}\n"
	"organisation: Anytown Council\n"
	"assessors: [Sam Patel, \"Jo: Smith\"]\n"
	"mode: workshop\n"
	"target: baseline\n"
	"created: 2026-11-21T10:00:00Z\n"
	"updated: 2026-11-21T10:41:07Z\n"
	"participants: [AB, CD, EF]\n"
	"areas:\n"
	"  data:\n"
	"    owner: Data protection officer\n"
	"  cyber:\n"
	"    owner: Head of ICT\n"
	"    actions:\n"
	"      - {text: Turn on MFA for VPN, owner: CD, due: 2027-03-31}\n"
	"      - {text: Patch report monthly}\n"
	"answers:\n"
	"  data-dpo:\n"
	"    answer: \"yes\"\n"
	"    at: 2026-11-21T10:07:00Z\n"
	"  gone-question:\n"
	"    answer: \"no\"\n"
	"    note: Kept although the questionnaire dropped it.\n"
	"  cyber-mfa:\n"
	"    answer: partly\n"
	"    note: \"Servers excluded: see asset register.\\nSecond line.\\n\"\n"
	"    at: 2026-11-21T10:05:12Z\n"
	"    votes: {EF: \"yes\", AB: partly, CD: \"no\"}\n"
	"    contested: true\n"
	"  cyber-patch:\n"
	"    answer: n/a\n"
	"    na_reason: No servers of our own.\n"
	"    parked: true\n";

/* The canonical form of full, as bound to the mini questionnaire:
 * questions and areas in questionnaire order, votes in participant order,
 * the unknown question last. */
static const char full_canonical[] =
	"yardstick-answers: 1\n"
	"questionnaire: {id: mini, version: \"2026.1\", sha256: " SHA "}\n"
	"organisation: Anytown Council\n"
	"assessors: [Sam Patel, 'Jo: Smith']\n"
	"mode: workshop\n"
	"target: baseline\n"
	"created: 2026-11-21T10:00:00Z\n"
	"updated: 2026-11-21T10:41:07Z\n"
	"participants: [AB, CD, EF]\n"
	"areas:\n"
	"  cyber:\n"
	"    owner: Head of ICT\n"
	"    actions:\n"
	"    - {text: Turn on MFA for VPN, owner: CD, due: 2027-03-31}\n"
	"    - {text: Patch report monthly}\n"
	"  data:\n"
	"    owner: Data protection officer\n"
	"answers:\n"
	"  cyber-mfa:\n"
	"    answer: partly\n"
	"    note: |\n"
	"      Servers excluded: see asset register.\n"
	"      Second line.\n"
	"    at: 2026-11-21T10:05:12Z\n"
	"    votes: {AB: partly, CD: \"no\", EF: \"yes\"}\n"
	"    contested: true\n"
	"  cyber-patch:\n"
	"    answer: n/a\n"
	"    na_reason: No servers of our own.\n"
	"    parked: true\n"
	"  data-dpo:\n"
	"    answer: \"yes\"\n"
	"    at: 2026-11-21T10:07:00Z\n"
	"  gone-question:\n"
	"    answer: \"no\"\n"
	"    note: Kept although the questionnaire dropped it.\n";

static void test_read_model(void **state)
{
	ys_answers *a = read_ok(full);
	const ys_response *r;

	(void)state;
	assert_string_equal(a->q_id, "mini");
	assert_string_equal(a->q_version, "2026.1");
	assert_string_equal(a->q_sha256, SHA);
	assert_string_equal(a->organisation, "Anytown Council");
	assert_int_equal(a->n_assessors, 2);
	assert_string_equal(a->assessors[1], "Jo: Smith");
	assert_int_equal(a->mode, YS_MODE_WORKSHOP);
	assert_string_equal(a->target, "baseline");
	assert_int_equal(a->target_pos.line, 6);
	assert_int_equal(a->target_pos.col, 9);
	assert_string_equal(a->created, "2026-11-21T10:00:00Z");
	assert_int_equal(a->n_participants, 3);
	assert_int_equal(a->n_areas, 2);
	assert_string_equal(a->areas[1].area_id, "cyber");
	assert_int_equal(a->areas[1].n_actions, 2);
	assert_string_equal(a->areas[1].actions[0].due, "2027-03-31");
	assert_null(a->areas[1].actions[1].owner);
	assert_int_equal(a->n_bound, 0);
	assert_int_equal(a->n_responses, 4);
	r = &a->responses[2];
	assert_string_equal(r->question_id, "cyber-mfa");
	assert_int_equal(r->pos.line, 25);
	assert_int_equal(r->pos.col, 3);
	assert_string_equal(r->answer, "partly");
	assert_string_equal(r->note, "Servers excluded: see asset register.\nSecond line.\n");
	assert_int_equal(r->n_votes, 3);
	assert_string_equal(r->votes[0].participant, "EF");
	assert_string_equal(r->votes[0].answer, "yes");
	assert_true(r->contested);
	assert_false(r->parked);
	assert_true(a->responses[3].parked);
	assert_string_equal(a->responses[3].na_reason, "No servers of our own.");
	ys_answers_free(a);
}

static void test_bind_and_canonical_order(void **state)
{
	ys_questionnaire *q = mini();
	ys_answers *a = read_ok(full);
	ys_diags d = {0};
	size_t len;
	char *s;

	(void)state;
	assert_true(ys_answers_bind(a, q, "test.yaml", &d));
	assert_int_equal(d.count, 0);
	assert_int_equal(a->n_bound, 4);
	assert_int_equal(a->n_responses, 5);
	assert_string_equal(a->responses[0].question_id, "cyber-mfa");
	assert_int_equal(a->responses[0].choice.kind, YS_ANS_OPTION);
	assert_int_equal(a->responses[0].choice.option, 1);
	assert_int_equal(a->responses[0].votes[1].choice.kind, YS_ANS_OPTION);
	assert_int_equal(a->responses[0].votes[1].choice.option, 0);
	assert_string_equal(a->responses[1].question_id, "cyber-patch");
	assert_int_equal(a->responses[1].choice.kind, YS_ANS_NA);
	assert_int_equal(a->responses[1].choice.option, -1);
	assert_string_equal(a->responses[2].question_id, "data-dpo");
	assert_int_equal(a->responses[2].choice.option, 2);
	assert_string_equal(a->responses[3].question_id, "data-share");
	assert_null(a->responses[3].answer);
	assert_int_equal(a->responses[3].choice.kind, YS_ANS_NONE);
	assert_string_equal(a->responses[4].question_id, "gone-question");
	assert_string_equal(a->areas[0].area_id, "cyber");

	s = write_str(a, &len);
	assert_string_equal(s, full_canonical);
	ys_free(s);
	ys_answers_free(a);
	ys_questionnaire_free(q);
	ys_diags_free(&d);
}

/* A canonical file read, bound and written again is the same bytes. */
static void test_read_file(void **state)
{
	ys_questionnaire *q = mini();
	ys_diags d = {0};
	ys_answers *a = ys_answers_read_file("data/mini-answers.yaml", &d);
	size_t len;
	char *s;

	(void)state;
	assert_non_null(a);
	assert_true(ys_answers_bind(a, q, "data/mini-answers.yaml", &d));
	s = write_str(a, &len);
	assert_string_equal(s, full_canonical);
	ys_free(s);
	ys_answers_free(a);

	assert_null(ys_answers_read_file("data/no-such-answers.yaml", &d));
	assert_int_equal(d.exit_code, 66);
	assert_int_equal(d.count, 1);
	assert_string_equal(d.items[0].file, "data/no-such-answers.yaml");
	assert_non_null(strstr(d.items[0].message, strerror(ENOENT)));
	ys_diags_free(&d);
	ys_questionnaire_free(q);
}

/* read -> write -> read -> write gives the same bytes, and the second read
 * gives the same model. */
static void check_round_trip(const ys_answers *a)
{
	ys_diags d = {0};
	size_t len1, len2;
	char *s1 = write_str(a, &len1), *s2;
	ys_answers *b = ys_answers_read_mem(s1, len1, "written.yaml", &d);

	if (!b) {
		fprintf(stderr, "%s", s1);
		ys_diags_print(&d, stderr, "yardstick");
	}
	assert_non_null(b);
	s2 = write_str(b, &len2);
	assert_int_equal(len1, len2);
	assert_memory_equal(s1, s2, len1);
	ys_answers_free(b);
	ys_free(s1);
	ys_free(s2);
	ys_diags_free(&d);
}

static void test_round_trip_full(void **state)
{
	ys_answers *a = read_ok(full);

	(void)state;
	check_round_trip(a);
	ys_answers_free(a);
}

/* Strings that YAML quoting gets wrong easily. Each is stored as a note,
 * the organisation, an assessor, a participant, an action and an owner;
 * each must read back exactly. */
static const char *const tricky[] = {
	"yes", "no", "Yes", "NO", "on", "off", "y", "n", "true", "False", "null",
	"Null", "~", "", " ", "1", "-1", "+1", "0", "007", "1.5", "2026.1", ".5",
	"1e3", "1E-3", "0x1F", "0o17", "0b101", "1_000", "1:20", "1:20.5", ".inf",
	"-.inf", ".NaN", "2026-11-21", "2026-11-21T10:00:00Z", "2026-11-21 10:00",
	"<<", "=", "- leading dash", "-", "--", "---", "...", "key: value",
	"trailing colon:", "a:b", "# hash", "a #b", "[list]", "{map}", "a, b",
	"&anchor", "*alias", "!tag", "%percent", "@at", "`tick", "|", ">", "?",
	"? x", "'single'", "\"double\"", "back\\slash", "\\n", "  leading spaces",
	"trailing spaces  ", "line\nbreak", "line\nbreak\n", "line\n\n\n",
	"\nleading break", "\n", "\n\n", "  indented\n  lines\n", "a  \nb",
	"tab\there", "\ttab first", "Ünïcödé café", "日本語のメモ", "emoji 😀 👍🏽 done",
	"😀", "combining e\xCC\x81", "RTL \xE2\x80\xAE override", "ls\xE2\x80\xA8sep",
	"ps\xE2\x80\xA9sep", "bom \xEF\xBB\xBF inside", "nbsp\xC2\xA0here",
	"private \xEE\x80\x80 \xEE\xA0\x80 \xEE\x8F\xBF\xEE\x90\x80 \xEF\xA3\xBF",
	"1st place", "3 laptops excluded", "12e34", "0xZZ", "1.2.3", "v1.0",
	("a very long note that goes on and on well past eighty columns so that a "
	 "writer which folded long lines would fold it in some unpredictable place"),
};

/* s, or "x" when s is empty or blank (names and action texts must not be). */
static const char *nonblank(const char *s)
{
	return strspn(s, " \t\n") == strlen(s) ? "x" : s;
}

static void test_round_trip_tricky_strings(void **state)
{
	ys_questionnaire *q = mini();
	size_t i;

	(void)state;
	setenv("YARDSTICK_NOW", NOW, 1);
	for (i = 0; i < YS_ARRAY_LEN(tricky); i++) {
		ys_answers *a = ys_answers_new(q), *b;
		ys_diags d = {0};
		size_t len;
		char *s, *who = ys_strdup(nonblank(tricky[i]));

		assert_non_null(a);
		assert_true(ys_answers_set_string(&a->organisation, tricky[i]));
		a->assessors = ys_calloc(1, sizeof(char *));
		a->assessors[0] = ys_strdup(tricky[i]);
		a->n_assessors = 1;
		a->mode = YS_MODE_WORKSHOP;
		a->participants = ys_calloc(1, sizeof(char *));
		a->participants[0] = who;
		a->n_participants = 1;
		a->areas = ys_calloc(1, sizeof(*a->areas));
		a->n_areas = 1;
		a->areas[0].area_id = ys_strdup("cyber");
		a->areas[0].owner = ys_strdup(tricky[i]);
		a->areas[0].actions = ys_calloc(1, sizeof(ys_action));
		a->areas[0].n_actions = 1;
		a->areas[0].actions[0].text = ys_strdup(tricky[i]);
		a->areas[0].actions[0].owner = ys_strdup(tricky[i]);
		assert_true(ys_answers_set_choice(a, q, 0, (ys_choice){YS_ANS_OPTION, 2}));
		assert_true(ys_answers_set_note(a, 0, nonblank(tricky[i])));
		a->responses[0].votes = ys_calloc(1, sizeof(ys_vote));
		a->responses[0].n_votes = 1;
		a->responses[0].votes[0].participant = ys_strdup(who);
		a->responses[0].votes[0].answer = ys_strdup("yes");

		s = write_str(a, &len);
		b = ys_answers_read_mem(s, len, "written.yaml", &d);
		if (!b) {
			fprintf(stderr, "string %zu:\n%s", i, s);
			ys_diags_print(&d, stderr, "yardstick");
		}
		assert_non_null(b);
		assert_string_equal(b->organisation, tricky[i]);
		assert_string_equal(b->assessors[0], tricky[i]);
		assert_string_equal(b->participants[0], who);
		assert_string_equal(b->areas[0].owner, tricky[i]);
		assert_string_equal(b->areas[0].actions[0].owner, tricky[i]);
		assert_string_equal(b->areas[0].actions[0].text,
				    a->areas[0].actions[0].text);
		assert_string_equal(b->responses[0].note, a->responses[0].note);
		assert_string_equal(b->responses[0].votes[0].participant, who);
		check_round_trip(b);
		/* Another YAML reader must not take the string for a number,
		 * boolean, null or date either: such strings are quoted. */
		if (!strcmp(tricky[i], "yes"))
			assert_non_null(strstr(s, "organisation: \"yes\"\n"));
		if (!strcmp(tricky[i], "2026.1"))
			assert_non_null(strstr(s, "note: \"2026.1\"\n"));
		if (!strcmp(tricky[i], "null"))
			assert_non_null(strstr(s, "[\"null\"]"));
		if (!strcmp(tricky[i], "1st place"))
			assert_non_null(strstr(s, "organisation: 1st place\n"));
		ys_free(s);
		ys_answers_free(a);
		ys_answers_free(b);
		ys_diags_free(&d);
	}
	ys_questionnaire_free(q);
	unsetenv("YARDSTICK_NOW");
}

/* Unicode is written as UTF-8, never escaped; long lines are not folded. */
static void test_unicode_written_raw(void **state)
{
	ys_questionnaire *q = mini();
	ys_answers *a = ys_answers_new(q);
	size_t len;
	char *s;

	(void)state;
	assert_true(ys_answers_set_note(a, 1, "Ünïcödé 日本語 😀 \"quoted\" and more"));
	assert_true(ys_answers_set_string(&a->organisation,
					  "Conseil de Montréal 🍁 (a long name, well past eighty columns, "
					  "which must stay on one line)"));
	s = write_str(a, &len);
	assert_non_null(strstr(s, "Ünïcödé 日本語 😀"));
	assert_non_null(strstr(s, "organisation: Conseil de Montréal 🍁 (a long name, "
				  "well past eighty columns, which must stay on one line)\n"));
	assert_null(strstr(s, "\\U"));
	assert_null(strstr(s, "\\u"));
	assert_null(strstr(s, "\\x"));
	ys_free(s);
	ys_answers_free(a);
	ys_questionnaire_free(q);
}

static void test_new_and_empty_omitted(void **state)
{
	ys_questionnaire *q = mini();
	ys_answers *a;
	size_t len;
	char *s;

	(void)state;
	setenv("YARDSTICK_NOW", NOW, 1);
	a = ys_answers_new(q);
	assert_non_null(a);
	assert_int_equal(a->n_bound, 4);
	assert_int_equal(a->n_responses, 4);
	assert_string_equal(a->responses[3].question_id, "data-share");
	s = write_str(a, &len);
	assert_string_equal(s,
		"yardstick-answers: 1\n"
		"questionnaire: {id: mini, version: \"2026.1\", sha256: " SHA "}\n"
		"mode: interview\n"
		"created: " NOW "\n"
		"updated: " NOW "\n");
	ys_free(s);
	/* A note alone is not empty; clearing it makes the response empty. */
	assert_true(ys_answers_set_note(a, 2, "x"));
	s = write_str(a, &len);
	assert_non_null(strstr(s, "answers:\n  data-dpo:\n    note: x\n    at: " NOW "\n"));
	ys_free(s);
	assert_true(ys_answers_set_note(a, 2, ""));
	assert_null(a->responses[2].note);
	s = write_str(a, &len);
	assert_null(strstr(s, "\nanswers:"));
	ys_free(s);
	ys_answers_free(a);
	ys_questionnaire_free(q);
	unsetenv("YARDSTICK_NOW");
}

/* Workshop-only fields are not written in interview mode (the file
 * would not read back); switching to workshop mode writes them. */
static void test_workshop_fields_need_workshop_mode(void **state)
{
	ys_answers *a = read_ok(full);
	size_t len;
	char *s;

	(void)state;
	a->mode = YS_MODE_INTERVIEW;
	s = write_str(a, &len);
	assert_null(strstr(s, "participants"));
	assert_null(strstr(s, "votes"));
	assert_null(strstr(s, "contested"));
	ys_free(s);
	check_round_trip(a);
	a->mode = YS_MODE_WORKSHOP;
	s = write_str(a, &len);
	assert_non_null(strstr(s, "participants: [AB, CD, EF]\n"));
	assert_non_null(strstr(s, "contested: true\n"));
	ys_free(s);
	ys_answers_free(a);
}

static void test_setters(void **state)
{
	ys_questionnaire *q = mini();
	ys_answers *a;
	ys_response *r;

	(void)state;
	setenv("YARDSTICK_NOW", "2026-01-02T03:04:05Z", 1);
	a = ys_answers_new(q);
	r = &a->responses[1];
	assert_string_equal(a->created, "2026-01-02T03:04:05Z");
	setenv("YARDSTICK_NOW", NOW, 1);
	assert_true(ys_answers_set_choice(a, q, 1, (ys_choice){YS_ANS_OPTION, 1}));
	assert_string_equal(r->answer, "most");
	assert_int_equal(r->choice.option, 1);
	assert_string_equal(r->at, NOW);
	assert_string_equal(a->updated, NOW);
	assert_string_equal(a->created, "2026-01-02T03:04:05Z");

	assert_true(ys_answers_set_na_reason(a, 1, "No servers"));
	/* Not written until the answer is n/a, so the file always reads. */
	{
		size_t len;
		char *s = write_str(a, &len);

		assert_null(strstr(s, "na_reason"));
		ys_free(s);
	}
	assert_true(ys_answers_set_choice(a, q, 1, (ys_choice){YS_ANS_NA, 7}));
	{
		size_t len;
		char *s = write_str(a, &len);

		assert_non_null(strstr(s, "    answer: n/a\n    na_reason: No servers\n"));
		ys_free(s);
	}
	assert_string_equal(r->answer, "n/a");
	assert_int_equal(r->choice.option, -1);
	assert_string_equal(r->na_reason, "No servers");
	/* Leaving n/a drops the reason, so the file stays valid. */
	assert_true(ys_answers_set_choice(a, q, 1, (ys_choice){YS_ANS_DONT_KNOW, -1}));
	assert_string_equal(r->answer, "dont-know");
	assert_null(r->na_reason);
	assert_true(ys_answers_set_choice(a, q, 1, (ys_choice){YS_ANS_NONE, -1}));
	assert_null(r->answer);
	assert_int_equal(r->choice.kind, YS_ANS_NONE);

	/* Bad arguments are refused and change nothing. */
	assert_false(ys_answers_set_choice(a, q, 1, (ys_choice){YS_ANS_OPTION, 3}));
	assert_false(ys_answers_set_choice(a, q, 9, (ys_choice){YS_ANS_OPTION, 0}));
	assert_false(ys_answers_set_note(a, 9, "x"));
	assert_null(r->answer);

	/* Control characters and CR LF are cleaned so the file reads back. */
	assert_true(ys_answers_set_note(a, 1, "a\r\nb\rc\x01" "d\x7f" "e\xc2\x85" "f\xff"));
	assert_string_equal(r->note, "a\nb\nc\xEF\xBF\xBD" "d\xEF\xBF\xBD" "e\xEF\xBF\xBD"
			    "f\xEF\xBF\xBD");
	assert_true(ys_answers_set_parked(a, 1, true));
	assert_true(r->parked);
	/* Blank text clears; a blank target is not written. */
	assert_true(ys_answers_set_na_reason(a, 1, " \n\t"));
	assert_null(r->na_reason);
	assert_true(ys_answers_set_string(&a->target, "  "));
	{
		size_t len;
		char *s = write_str(a, &len);

		assert_null(strstr(s, "target"));
		ys_free(s);
	}
	assert_true(ys_answers_set_string(&a->target, "stretch"));
	assert_string_equal(a->target, "stretch");
	assert_true(ys_answers_set_string(&a->target, NULL));
	assert_null(a->target);
	check_round_trip(a);
	ys_answers_free(a);
	ys_questionnaire_free(q);
	unsetenv("YARDSTICK_NOW");
}

static void test_now(void **state)
{
	char buf[32];

	(void)state;
	setenv("YARDSTICK_NOW", "2030-02-28T23:59:59Z", 1);
	ys_now_rfc3339(buf);
	assert_string_equal(buf, "2030-02-28T23:59:59Z");
	/* Not a valid time: the real clock is used. */
	setenv("YARDSTICK_NOW", "yesterday", 1);
	ys_now_rfc3339(buf);
	assert_int_equal(strlen(buf), 20);
	assert_int_equal(buf[10], 'T');
	assert_int_equal(buf[19], 'Z');
	assert_true(strncmp(buf, "2026", 2) == 0);
	unsetenv("YARDSTICK_NOW");
	ys_now_rfc3339(buf);
	assert_int_equal(strlen(buf), 20);
}

static const char bind_bad[] =
	"yardstick-answers: 1\n"
	"questionnaire: {id: mini, version: \"2026.1\", sha256: " SHA "}\n"
	"mode: workshop\n"
	"target: baseline-2\n"
	"created: 2026-11-21T10:00:00Z\n"
	"updated: 2026-11-21T10:41:07Z\n"
	"participants: [AB]\n"
	"areas:\n"
	"  cybre: {owner: Someone}\n"
	"  finance: {owner: Someone}\n"
	"answers:\n"
	"  cyber-mfa: {answer: yess}\n"
	"  cyber-patch: {answer: n/a}\n"
	"  data-dpo:\n"
	"    answer: n/a\n"
	"    na_reason: Not ours.\n"
	"    votes: {AB: mots}\n"
	"  data-share: {answer: dont-know, votes: {AB: \"n/a\"}}\n";

static void test_bind_errors(void **state)
{
	ys_questionnaire *q = mini();
	ys_answers *a = read_ok(bind_bad);
	ys_diags d = {0};

	(void)state;
	assert_false(ys_answers_bind(a, q, "test.yaml", &d));
	assert_int_equal(d.exit_code, 65);
	assert_int_equal(d.count, 8);
	assert_string_equal(d.items[0].message,
			    "'yess' is not an answer to question 'cyber-mfa'; did you mean 'yes'?");
	assert_int_equal(d.items[0].pos.line, 12);
	assert_int_equal(d.items[0].pos.col, 23);
	assert_string_equal(d.items[1].message,
			    "answer n/a to question 'cyber-patch' needs a reason (na_reason)");
	assert_int_equal(d.items[1].pos.line, 13);
	assert_string_equal(d.items[2].message, "question 'data-dpo' does not allow n/a");
	assert_int_equal(d.items[2].pos.line, 15);
	assert_int_equal(d.items[2].pos.col, 13);
	assert_string_equal(d.items[3].message,
			    "'mots' is not an answer to question 'data-dpo'");
	assert_int_equal(d.items[3].pos.line, 17);
	assert_int_equal(d.items[3].pos.col, 17);
	assert_string_equal(d.items[4].message, "question 'data-share' does not allow n/a");
	assert_string_equal(d.items[5].message,
			    "unknown area 'cybre'; did you mean 'cyber'?");
	assert_int_equal(d.items[5].pos.line, 9);
	assert_int_equal(d.items[5].pos.col, 3);
	assert_string_equal(d.items[6].message,
			    "unknown area 'finance' (questionnaire 'mini' has no such area)");
	assert_string_equal(d.items[7].message,
			    "unknown target profile 'baseline-2'; did you mean 'baseline'?");
	assert_int_equal(d.items[7].pos.line, 4);
	assert_int_equal(d.items[7].pos.col, 9);
	ys_diags_free(&d);
	ys_answers_free(a);
	ys_questionnaire_free(q);
}

static void test_changed(void **state)
{
	static const char other[] =
		"yardstick: 1\nid: mini\ntitle: Mini\nversion: \"2027.1\"\n"
		"levels: [{name: A}, {name: B}]\n"
		"answer_sets:\n  yn: [{key: \"no\", label: No, value: 0}, "
		"{key: \"yes\", label: Yes, value: 1}]\n"
		"areas:\n  - id: cyber\n    title: Cyber\n    questions:\n"
		"      - {id: cyber-mfa, level: 1, text: MFA?, answers: yn}\n"
		"      - {id: cyber-new, level: 1, text: New?, answers: yn}\n";
	ys_questionnaire *q = mini(), *q2;
	ys_answers *a = read_ok(full);
	ys_diags d = {0};
	char **removed, **added;
	size_t nr, na, i;

	(void)state;
	q2 = ys_questionnaire_load_mem(other, strlen(other), "other.yaml", &d);
	assert_non_null(q2);
	assert_false(ys_answers_changed(a, q, NULL, &removed, &nr, &added, &na));
	assert_int_equal(nr, 1);
	assert_string_equal(removed[0], "gone-question");
	assert_int_equal(na, 0);
	ys_free(removed[0]);
	ys_free(removed);

	/* Same id, new version, the old questionnaire known. */
	assert_true(ys_answers_changed(a, q2, q, &removed, &nr, &added, &na));
	assert_int_equal(nr, 3);
	assert_string_equal(removed[0], "cyber-patch");
	assert_string_equal(removed[1], "data-dpo");
	assert_string_equal(removed[2], "data-share");
	assert_int_equal(na, 1);
	assert_string_equal(added[0], "cyber-new");
	for (i = 0; i < nr; i++)
		ys_free(removed[i]);
	for (i = 0; i < na; i++)
		ys_free(added[i]);
	ys_free(removed);
	ys_free(added);

	/* Old one unknown: the answered questions q2 does not have. */
	assert_true(ys_answers_changed(a, q2, NULL, &removed, &nr, &added, &na));
	assert_int_equal(nr, 3);
	assert_string_equal(removed[0], "data-dpo");
	assert_string_equal(removed[1], "gone-question");
	assert_string_equal(removed[2], "cyber-patch");
	assert_int_equal(na, 0);
	for (i = 0; i < nr; i++)
		ys_free(removed[i]);
	ys_free(removed);
	ys_answers_free(a);
	ys_questionnaire_free(q);
	ys_questionnaire_free(q2);
	ys_diags_free(&d);
}

/* Several problems in one file are all reported, in file order. */
static void test_all_errors_reported(void **state)
{
	static const char text[] =
		"yardstick-answers: 1\n"
		"questionnaire: {id: Mini, version: \"1\", sha256: abc}\n"
		"mode: interview\n"
		"organisaton: X\n"
		"created: 2026-13-01T00:00:00Z\n"
		"updated: yesterday\n"
		"answers:\n"
		"  q1: {answer: \"yes please\", parked: maybe}\n"
		"  q1: {note: again}\n";
	int code;
	char *out = read_errors(text, &code);

	(void)state;
	assert_int_equal(code, 65);
	assert_string_equal(out,
		"2:21: questionnaire id 'Mini' is not a valid id (use lower-case letters, "
		"digits, '.', '_' and '-', starting with a letter or digit)\n"
		"2:49: questionnaire sha256 must be 64 lower-case hexadecimal digits, not 'abc'\n"
		"4:1: unknown key 'organisaton' in the answers file; did you mean 'organisation'?\n"
		"5:10: created '2026-13-01T00:00:00Z' is not a real time\n"
		"6:10: updated must be a UTC time like 2026-11-21T10:00:00Z, not 'yesterday'\n"
		"8:16: answer 'yes please' is not an answer key (an option key, dont-know or n/a)\n"
		"8:38: parked must be true or false, not 'maybe'\n"
		"9:3: duplicate answer to 'q1' (first defined at 8:3)\n");
	free(out);
}

static void test_write_error(void **state)
{
	ys_answers *a = read_ok(full);
	FILE *f = fopen("/dev/full", "w");

	(void)state;
	if (!f) {
		ys_answers_free(a);
		skip();
	}
	assert_int_equal(ys_answers_write(a, f), ENOSPC);
	fclose(f);
	ys_answers_free(a);
}

/* Every allocation failing in turn: no crash, no leak, a clean error. */
/* ------------------------------------------------------------------ */
/* questionnaire.file, rounds and settled */

/* A workshop file with every key added with the questionnaire's file
 * and the workshop's earlier rounds, in no particular order. */
static const char keys_text[] =
	"yardstick-answers: 1\n"
	"questionnaire: {file: '../elsewhere/my q.yaml', id: mini, version: \"2026.1\", sha256: " SHA "}\n"
	"mode: workshop\n"
	"created: 2026-11-21T10:00:00Z\n"
	"updated: 2026-11-21T10:41:07Z\n"
	"participants: [AB, CD, EF]\n"
	"answers:\n"
	"  data-dpo:\n"
	"    settled: true\n"
	"    answer: \"yes\"\n"
	"  cyber-mfa:\n"
	"    parked: true\n"
	"    settled: false\n"
	"    contested: true\n"
	"    rounds: [{EF: \"yes\", AB: \"no\"}, {CD: partly, AB: \"no\", EF: dont-know}]\n"
	"    votes: {CD: \"yes\", AB: partly}\n"
	"    answer: partly\n";

static const char keys_canonical[] =
	"yardstick-answers: 1\n"
	"questionnaire: {id: mini, version: \"2026.1\", sha256: " SHA ", file: ../elsewhere/my q.yaml}\n"
	"mode: workshop\n"
	"created: 2026-11-21T10:00:00Z\n"
	"updated: 2026-11-21T10:41:07Z\n"
	"participants: [AB, CD, EF]\n"
	"answers:\n"
	"  cyber-mfa:\n"
	"    answer: partly\n"
	"    votes: {AB: partly, CD: \"yes\"}\n"
	"    rounds: [{AB: \"no\", EF: \"yes\"}, {AB: \"no\", CD: partly, EF: dont-know}]\n"
	"    contested: true\n"
	"    settled: false\n"
	"    parked: true\n"
	"  data-dpo:\n"
	"    answer: \"yes\"\n"
	"    settled: true\n";

/* Failing each allocation in turn while reading, binding and writing
 * text gives its canonical form or a clean out-of-memory failure. */
static void alloc_failures(const ys_questionnaire *q, const char *text,
			   const char *canonical)
{
	long before, total, i;

	ys_alloc_fail_after(0);
	before = ys_alloc_count();
	{
		ys_diags d = {0};
		ys_answers *a = ys_answers_read_mem(text, strlen(text), "t.yaml", &d);
		size_t len;
		char *s;

		assert_non_null(a);
		assert_true(ys_answers_bind(a, q, "t.yaml", &d));
		s = ys_answers_to_string(a, &len);
		assert_non_null(s);
		ys_free(s);
		ys_answers_free(a);
		ys_diags_free(&d);
	}
	total = ys_alloc_count() - before;
	assert_true(total > 20);
	for (i = 1; i <= total; i++) {
		ys_diags d = {0};
		ys_answers *a;

		ys_alloc_fail_after(i);
		a = ys_answers_read_mem(text, strlen(text), "t.yaml", &d);
		if (a && ys_answers_bind(a, q, "t.yaml", &d)) {
			size_t len;
			char *s = ys_answers_to_string(a, &len);

			if (s)
				assert_string_equal(s, canonical);
			else
				assert_int_equal(errno, ENOMEM);
			ys_free(s);
		} else {
			assert_int_equal(d.exit_code, 70);
		}
		ys_alloc_fail_after(0);
		ys_answers_free(a);
		ys_diags_free(&d);
	}
}

static void test_allocation_failures(void **state)
{
	ys_questionnaire *q = mini();
	long i;

	(void)state;
	alloc_failures(q, full, full_canonical);
	alloc_failures(q, keys_text, keys_canonical);
	/* Setters leave the old value in place when out of memory. */
	setenv("YARDSTICK_NOW", NOW, 1);
	{
		ys_answers *a = ys_answers_new(q);

		assert_true(ys_answers_set_note(a, 0, "old"));
		for (i = 1; i <= 3; i++) {
			ys_alloc_fail_after(i);
			if (!ys_answers_set_note(a, 0, "new"))
				assert_string_equal(a->responses[0].note, "old");
			ys_alloc_fail_after(0);
			assert_true(ys_answers_set_note(a, 0, "old"));
			ys_alloc_fail_after(i);
			if (!ys_answers_set_choice(a, q, 0, (ys_choice){YS_ANS_DONT_KNOW, -1}))
				assert_null(a->responses[0].answer);
			ys_alloc_fail_after(0);
			assert_true(ys_answers_set_choice(a, q, 0, (ys_choice){YS_ANS_NONE, -1}));
		}
		ys_answers_free(a);
	}
	unsetenv("YARDSTICK_NOW");
	ys_questionnaire_free(q);
}

static void test_new_keys_model(void **state)
{
	ys_questionnaire *q = mini();
	ys_answers *a = read_ok(keys_text);
	const ys_response *r;
	ys_diags d = {0};
	size_t len;
	char *s;

	(void)state;
	assert_string_equal(a->q_file, "../elsewhere/my q.yaml");
	assert_int_equal(a->q_file_pos.line, 2);
	assert_int_equal(a->q_file_pos.col, 23);
	assert_true(a->has_settled);
	r = &a->responses[1];
	assert_string_equal(r->question_id, "cyber-mfa");
	assert_false(r->settled);
	assert_int_equal(r->n_rounds, 2);
	assert_int_equal(r->rounds[0].n_votes, 2);
	assert_string_equal(r->rounds[0].votes[0].participant, "EF");
	assert_int_equal(r->rounds[0].pos.line, 15);
	assert_int_equal(r->rounds[1].n_votes, 3);
	assert_true(a->responses[0].settled);

	assert_true(ys_answers_bind(a, q, "test.yaml", &d));
	r = &a->responses[0];
	/* Every round in participants order, every key resolved. */
	assert_string_equal(r->rounds[0].votes[0].participant, "AB");
	assert_int_equal(r->rounds[0].votes[0].choice.kind, YS_ANS_OPTION);
	assert_int_equal(r->rounds[0].votes[0].choice.option, 0);
	assert_int_equal(r->rounds[1].votes[2].choice.kind, YS_ANS_DONT_KNOW);
	assert_false(ys_answer_is_settled(a, 0));
	assert_true(ys_answer_is_settled(a, 2));
	assert_false(ys_answer_is_settled(a, 3));
	s = write_str(a, &len);
	assert_string_equal(s, keys_canonical);
	ys_free(s);
	check_round_trip(a);
	ys_answers_free(a);
	ys_questionnaire_free(q);
}

/* A workshop file written before settled existed: its answered
 * questions count as settled, and it is written back as it was until a
 * settled state is set, which keeps every other answer settled. */
static void test_settled_provisional(void **state)
{
	static const char old[] =
		"yardstick-answers: 1\n"
		"questionnaire: {id: mini, version: \"2026.1\", sha256: " SHA "}\n"
		"mode: workshop\n"
		"created: 2026-11-21T10:00:00Z\n"
		"updated: 2026-11-21T10:41:07Z\n"
		"participants: [AB, CD]\n"
		"answers:\n"
		"  cyber-mfa:\n"
		"    answer: partly\n"
		"    votes: {AB: partly, CD: \"yes\"}\n"
		"  data-dpo:\n"
		"    answer: \"yes\"\n"
		"  data-share:\n"
		"    votes: {AB: \"no\"}\n";
	ys_questionnaire *q = mini();
	ys_answers *a = read_ok(old), *b;
	ys_diags d = {0};
	size_t len;
	char *s;

	(void)state;
	setenv("YARDSTICK_NOW", NOW, 1);
	assert_true(ys_answers_bind(a, q, "old.yaml", &d));
	assert_false(a->has_settled);
	assert_true(ys_answer_is_settled(a, 0));
	assert_false(ys_answer_is_settled(a, 1));
	assert_true(ys_answer_is_settled(a, 2));
	assert_false(ys_answer_is_settled(a, 3));
	assert_false(ys_answer_is_settled(a, 99));
	s = write_str(a, &len);
	assert_string_equal(s, old);
	ys_free(s);

	/* Settling needs an answer. */
	assert_false(ys_answers_set_settled(a, 3, true));
	assert_false(a->has_settled);
	assert_false(ys_answers_set_settled(a, 99, true));
	/* Unsettling one answer leaves the others settled, in the file too. */
	assert_true(ys_answers_set_settled(a, 0, false));
	assert_true(a->has_settled);
	assert_false(ys_answer_is_settled(a, 0));
	assert_true(ys_answer_is_settled(a, 2));
	assert_string_equal(a->responses[0].at, NOW);
	s = write_str(a, &len);
	assert_non_null(strstr(s, "    votes: {AB: partly, CD: \"yes\"}\n    settled: false\n"));
	assert_non_null(strstr(s, "    answer: \"yes\"\n    settled: true\n"));
	b = ys_answers_read_mem(s, len, "new.yaml", &d);
	assert_non_null(b);
	assert_true(ys_answers_bind(b, q, "new.yaml", &d));
	assert_false(ys_answer_is_settled(b, 0));
	assert_true(ys_answer_is_settled(b, 2));
	assert_false(ys_answer_is_settled(b, 3));
	ys_answers_free(b);
	ys_free(s);
	assert_true(ys_answers_set_settled(a, 0, true));
	assert_true(ys_answer_is_settled(a, 0));
	check_round_trip(a);

	/* In an interview, an answer is settled. */
	a->mode = YS_MODE_INTERVIEW;
	assert_true(ys_answer_is_settled(a, 0));
	s = write_str(a, &len);
	assert_null(strstr(s, "settled"));
	ys_free(s);
	ys_answers_free(a);
	ys_questionnaire_free(q);
	ys_diags_free(&d);
	unsetenv("YARDSTICK_NOW");
}

/* A new round keeps the votes of the last one, oldest first. */
static void test_start_round(void **state)
{
	ys_questionnaire *q = mini();
	ys_answers *a, *b;
	const ys_response *r;
	const char *names[] = {"AB", "CD", "EF"};
	ys_diags d = {0};
	size_t len;
	char *s;

	(void)state;
	setenv("YARDSTICK_NOW", NOW, 1);
	a = ys_answers_new(q);
	assert_non_null(a);
	a->mode = YS_MODE_WORKSHOP;
	assert_true(ys_answers_set_participants(a, names, 3));
	assert_true(ys_answers_set_vote(a, q, 0, 0, (ys_choice){YS_ANS_OPTION, 0}));
	assert_true(ys_answers_set_vote(a, q, 0, 2, (ys_choice){YS_ANS_OPTION, 2}));
	assert_true(ys_answers_set_contested(a, 0, true));
	assert_true(ys_answers_set_choice(a, q, 0, (ys_choice){YS_ANS_OPTION, 0}));
	assert_true(ys_answers_set_settled(a, 0, true));
	assert_true(ys_answers_start_round(a, 0));
	r = &a->responses[0];
	assert_int_equal(r->n_votes, 0);
	assert_int_equal(r->n_rounds, 1);
	assert_int_equal(r->rounds[0].n_votes, 2);
	assert_string_equal(r->rounds[0].votes[1].participant, "EF");
	assert_false(r->contested);
	assert_false(ys_answer_is_settled(a, 0));
	assert_string_equal(r->answer, "no");
	assert_true(ys_answers_set_vote(a, q, 0, 1, (ys_choice){YS_ANS_DONT_KNOW, -1}));
	assert_true(ys_answers_start_round(a, 0));
	assert_true(ys_answers_set_vote(a, q, 0, 0, (ys_choice){YS_ANS_OPTION, 1}));
	/* No votes: nothing to keep, the question is still unsettled. */
	assert_true(ys_answers_start_round(a, 1));
	assert_int_equal(a->responses[1].n_rounds, 0);
	assert_false(ys_answers_start_round(a, 99));
	s = write_str(a, &len);
	assert_non_null(strstr(s,
		"  cyber-mfa:\n"
		"    answer: \"no\"\n"
		"    at: " NOW "\n"
		"    votes: {AB: partly}\n"
		"    rounds: [{AB: \"no\", EF: \"yes\"}, {CD: dont-know}]\n"
		"    settled: false\n"));
	/* The only answer is unsettled, and stays so when read back. */
	b = ys_answers_read_mem(s, len, "r.yaml", &d);
	assert_non_null(b);
	assert_true(ys_answers_bind(b, q, "r.yaml", &d));
	assert_false(ys_answer_is_settled(b, 0));
	assert_int_equal(b->responses[0].n_rounds, 2);
	assert_int_equal(b->responses[0].rounds[1].votes[0].choice.kind, YS_ANS_DONT_KNOW);
	ys_answers_free(b);
	ys_free(s);
	check_round_trip(a);

	/* A participant who leaves takes their votes from every round; a
	 * round left empty goes. */
	{
		const char *left[] = {"AB", "EF"};

		assert_true(ys_answers_set_participants(a, left, 2));
		assert_int_equal(a->responses[0].n_rounds, 1);
		assert_int_equal(a->responses[0].rounds[0].n_votes, 2);
		check_round_trip(a);
	}
	/* Earlier rounds alone keep a response in the file. */
	a->mode = YS_MODE_INTERVIEW;
	s = write_str(a, &len);
	assert_null(strstr(s, "rounds"));
	ys_free(s);
	ys_answers_free(a);
	ys_questionnaire_free(q);
	ys_diags_free(&d);
	unsetenv("YARDSTICK_NOW");
}

/* The workshop example with every new key is canonical: read, bound and
 * written again, it is the same bytes (YARDSTICK_UPDATE_GOLDEN=1 writes
 * it from what it reads). */
static void test_workshop_example_canonical(void **state)
{
	const char *path = "data/recorded/workshop-rounds.yaml";
	ys_diags d = {0};
	ys_questionnaire *q = ys_questionnaire_load_file("data/questionnaires/small-test.yaml",
							 NULL, &d);
	ys_answers *a;
	size_t len, in_len;
	char *s, *in;

	(void)state;
	assert_non_null(q);
	a = ys_answers_read_file(path, &d);
	assert_non_null(a);
	assert_true(ys_answers_bind(a, q, path, &d));
	assert_string_equal(a->q_file, "../questionnaires/small-test.yaml");
	assert_true(a->has_settled);
	assert_false(ys_answer_is_settled(a, 1));
	assert_int_equal(a->responses[1].n_rounds, 2);
	assert_true(ys_answer_is_settled(a, 0));
	s = write_str(a, &len);
	if (getenv("YARDSTICK_UPDATE_GOLDEN") && *getenv("YARDSTICK_UPDATE_GOLDEN")) {
		FILE *f = fopen(path, "w");

		assert_non_null(f);
		fputs(s, f);
		fclose(f);
	}
	in = tu_slurp(path, &in_len);
	assert_non_null(in);
	assert_string_equal(s, in);
	free(in);
	ys_free(s);
	ys_answers_free(a);
	ys_questionnaire_free(q);
	ys_diags_free(&d);
}

/* Vote keys of earlier rounds are checked against the question like
 * current votes, at their positions. */
static void test_round_bind_errors(void **state)
{
	static const char text[] =
		"yardstick-answers: 1\n"
		"questionnaire: {id: mini, version: \"2026.1\", sha256: " SHA "}\n"
		"mode: workshop\n"
		"created: 2026-11-21T10:00:00Z\n"
		"updated: 2026-11-21T10:41:07Z\n"
		"participants: [AB, CD]\n"
		"answers:\n"
		"  cyber-mfa:\n"
		"    rounds: [{AB: yess}, {CD: \"n/a\", AB: most}]\n";
	ys_questionnaire *q = mini();
	ys_answers *a = read_ok(text);
	ys_diags d = {0};

	(void)state;
	assert_false(ys_answers_bind(a, q, "test.yaml", &d));
	assert_int_equal(d.exit_code, 65);
	assert_int_equal(d.count, 3);
	assert_string_equal(d.items[0].message,
			    "'yess' is not an answer to question 'cyber-mfa'; did you mean 'yes'?");
	assert_int_equal(d.items[0].pos.line, 9);
	assert_int_equal(d.items[0].pos.col, 19);
	assert_string_equal(d.items[1].message, "question 'cyber-mfa' does not allow n/a");
	assert_int_equal(d.items[1].pos.col, 31);
	assert_string_equal(d.items[2].message,
			    "'most' is not an answer to question 'cyber-mfa'");
	ys_diags_free(&d);
	ys_answers_free(a);
	ys_questionnaire_free(q);
}

/* Paths that YAML quoting gets wrong easily, recorded as the
 * questionnaire's file: each reads back exactly. */
static const char *const hostile_paths[] = {
	"q.yaml", "../elsewhere/q.yaml", "/abs/q.yaml", "my q.yaml", "q: x.yaml",
	"q:x.yaml", "#q.yaml", "q #x.yaml", "-q.yaml", "- q.yaml", "--", "---",
	"...", "[q].yaml", "{q}.yaml", "a, b.yaml", "a,b", "'q'.yaml",
	"\"q\".yaml", "it's.yaml", "back\\slash.yaml", "true", "no", "null",
	"~", "2026-11-21", "1.5", "0x1F", "1e3", ".inf", "&a", "*a", "!t",
	"%p", "@a", "`t", "|", ">", "?", "? x", "=", "<<", " lead.yaml",
	"trail.yaml ", "a  b", "日本語/アンケート.yaml", "😀/q.yaml",
	"caf\xC3\xA9.yaml", "rtl\xE2\x80\xAE.yaml", "\xEF\xBF\xBD.yaml",
	"nbsp\xC2\xA0.yaml", "private \xEE\x80\x80.yaml", "$HOME/q.yaml",
	"$(rm -rf x).yaml", "a;b|c&d.yaml",
};

static void test_questionnaire_file(void **state)
{
	static const char *const refused[] = {
		"", "tab\there", "line\nbreak", "cr\rx", "esc\x1b[0m", "del\x7f",
		"c1\xC2\x85", "ls\xE2\x80\xA8sep", "ps\xE2\x80\xA9sep",
		"bad \xff utf8", "cut \xE2\x80",
	};
	ys_questionnaire *q = mini();
	size_t i;

	(void)state;
	for (i = 0; i < YS_ARRAY_LEN(hostile_paths); i++) {
		ys_answers *a = ys_answers_new(q), *b;
		ys_diags d = {0};
		size_t len;
		char *s;

		assert_non_null(a);
		assert_true(ys_answers_set_questionnaire_file(a, hostile_paths[i]));
		assert_string_equal(a->q_file, hostile_paths[i]);
		s = write_str(a, &len);
		b = ys_answers_read_mem(s, len, "p.yaml", &d);
		if (!b || !b->q_file || strcmp(b->q_file, hostile_paths[i])) {
			fprintf(stderr, "path [%s] wrote:\n%s", hostile_paths[i], s);
			ys_diags_print(&d, stderr, "yardstick");
		}
		assert_non_null(b);
		assert_string_equal(b->q_file, hostile_paths[i]);
		check_round_trip(b);
		ys_answers_free(b);
		ys_free(s);
		ys_answers_free(a);
		ys_diags_free(&d);
	}
	for (i = 0; i < YS_ARRAY_LEN(refused); i++) {
		ys_answers *a = ys_answers_new(q);

		assert_true(ys_answers_set_questionnaire_file(a, "keep.yaml"));
		assert_false(ys_answers_set_questionnaire_file(a, refused[i]));
		assert_string_equal(a->q_file, "keep.yaml");
		ys_answers_free(a);
	}
	{
		ys_answers *a = ys_answers_new(q);
		size_t len;
		char *s;

		assert_true(ys_answers_set_questionnaire_file(a, "x.yaml"));
		assert_true(ys_answers_set_questionnaire_file(a, NULL));
		assert_null(a->q_file);
		s = write_str(a, &len);
		assert_null(strstr(s, "file"));
		ys_free(s);
		ys_answers_free(a);
	}
	ys_questionnaire_free(q);
}

/* ------------------------------------------------------------------ */
/* The malformed corpus */

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void test_golden_corpus(void **state)
{
	const char *update = getenv("YARDSTICK_UPDATE_GOLDEN");
	char *names[256];
	size_t n = 0, i, failures = 0;
	struct dirent *e;
	DIR *dir = opendir("golden/answers");

	(void)state;
	assert_non_null(dir);
	while ((e = readdir(dir)) != NULL) {
		size_t l = strlen(e->d_name);

		if (l > 5 && !strcmp(e->d_name + l - 5, ".yaml") && n < 256)
			names[n++] = strndup(e->d_name, l - 5);
	}
	closedir(dir);
	qsort(names, n, sizeof(*names), cmp_str);
	assert_true(n >= 15);
	for (i = 0; i < n; i++) {
		char path[512], display[512], *input, *expected, *got = NULL;
		size_t in_len = 0, exp_len = 0, got_len = 0;
		ys_diags d = {0};
		ys_answers *a;
		FILE *out;

		snprintf(path, sizeof(path), "golden/answers/%s.yaml", names[i]);
		snprintf(display, sizeof(display), "answers/%s.yaml", names[i]);
		input = tu_slurp(path, &in_len);
		assert_non_null(input);
		a = ys_answers_read_mem(input, in_len, display, &d);
		out = open_memstream(&got, &got_len);
		fprintf(out, "exit: %d\n", a ? 0 : d.exit_code);
		ys_diags_print(&d, out, "yardstick");
		fclose(out);
		snprintf(path, sizeof(path), "golden/answers/%s.expected", names[i]);
		if (update && *update) {
			FILE *f = fopen(path, "w");

			assert_non_null(f);
			fputs(got, f);
			fclose(f);
		}
		expected = tu_slurp(path, &exp_len);
		if (!expected || strcmp(expected, got)) {
			fprintf(stderr, "golden/answers/%s.yaml: expected\n%s--- got\n%s---\n",
				names[i], expected ? expected : "(no .expected file)\n", got);
			failures++;
		}
		/* A malformed file must be rejected. */
		if (a) {
			fprintf(stderr, "golden/answers/%s.yaml was accepted\n", names[i]);
			failures++;
		}
		ys_answers_free(a);
		ys_diags_free(&d);
		free(input);
		free(expected);
		free(got);
		free(names[i]);
	}
	assert_int_equal(failures, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_read_model),
		cmocka_unit_test(test_bind_and_canonical_order),
		cmocka_unit_test(test_read_file),
		cmocka_unit_test(test_round_trip_full),
		cmocka_unit_test(test_round_trip_tricky_strings),
		cmocka_unit_test(test_unicode_written_raw),
		cmocka_unit_test(test_new_and_empty_omitted),
		cmocka_unit_test(test_workshop_fields_need_workshop_mode),
		cmocka_unit_test(test_setters),
		cmocka_unit_test(test_now),
		cmocka_unit_test(test_bind_errors),
		cmocka_unit_test(test_changed),
		cmocka_unit_test(test_all_errors_reported),
		cmocka_unit_test(test_write_error),
		cmocka_unit_test(test_allocation_failures),
		cmocka_unit_test(test_new_keys_model),
		cmocka_unit_test(test_settled_provisional),
		cmocka_unit_test(test_start_round),
		cmocka_unit_test(test_workshop_example_canonical),
		cmocka_unit_test(test_round_bind_errors),
		cmocka_unit_test(test_questionnaire_file),
		cmocka_unit_test(test_golden_corpus),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
