/* Unit tests for the merge core: what the merged file holds (votes,
 * consensus, notes, reasons, areas, header), merging a merged file again,
 * the refusals and that they leave the merge as it was, long notes, and
 * allocation failure at every step. Files are read from memory. */
#include <errno.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yardstick/alloc.h"
#include "yardstick/consensus.h"
#include "yardstick/merge.h"
#include "yardstick/yread.h"

#define NOW "2026-11-21T10:00:00Z"

static const char questionnaire[] =
	"yardstick: 1\n"
	"id: unit\n"
	"title: Unit\n"
	"version: \"3\"\n"
	"levels:\n"
	"  - {name: Absent}\n"
	"  - {name: Initial}\n"
	"answer_sets:\n"
	"  cov:\n"
	"    - {key: none, label: None, value: 0}\n"
	"    - {key: few, label: Few, value: 0.25}\n"
	"    - {key: most, label: Most, value: 0.75}\n"
	"    - {key: all, label: All, value: 1}\n"
	"targets:\n"
	"  base: {default: 1}\n"
	"  high: {default: 1}\n"
	"areas:\n"
	"  - id: one\n"
	"    title: One\n"
	"    questions:\n"
	"      - {id: q1, level: 1, text: First?, answers: cov}\n"
	"      - {id: q2, level: 1, text: Second?, answers: cov, allow_na: true}\n"
	"      - {id: q3, level: 1, text: Third?, answers: cov}\n"
	"  - id: two\n"
	"    title: Two\n"
	"    questions:\n"
	"      - {id: q4, level: 1, text: Fourth?, answers: cov}\n";

static ys_questionnaire *load_q(void)
{
	ys_diags d = {0};
	ys_questionnaire *q = ys_questionnaire_load_mem(questionnaire,
		strlen(questionnaire), "unit.yaml", &d);

	assert_non_null(q);
	assert_int_equal(d.count, 0);
	ys_diags_free(&d);
	return q;
}

/* An answers file: the header for q (or for id/version/sha when given)
 * followed by body. The caller frees it. */
static char *file_text(const ys_questionnaire *q, const char *version,
		       const char *sha, const char *body)
{
	size_t n = strlen(body) + 512;
	char *s = malloc(n);

	assert_non_null(s);
	snprintf(s, n, "yardstick-answers: 1\n"
		 "questionnaire: {id: unit, version: \"%s\", sha256: %s}\n%s",
		 version ? version : q->version, sha ? sha : q->sha256, body);
	return s;
}

static ys_answers *read_text(const char *text, const char *name)
{
	ys_diags d = {0};
	ys_answers *a = ys_answers_read_mem(text, strlen(text), name, &d);

	if (!a)
		ys_diags_print(&d, stderr, "test");
	assert_non_null(a);
	ys_diags_free(&d);
	return a;
}

/* Checks, binds and adds body as the file called name; returns the
 * result of the add (after a successful check and bind). */
static bool add_file(ys_merge *m, const ys_questionnaire *q, const char *name,
		     const char *body, ys_diags *d)
{
	char *text = file_text(q, NULL, NULL, body);
	ys_answers *a = read_text(text, name);
	bool ok;

	assert_true(ys_merge_check(m, a, name, d));
	assert_true(ys_answers_bind(a, q, name, d));
	ok = ys_merge_add(m, a, name, d);
	ys_answers_free(a);
	free(text);
	return ok;
}

static const char file_ab[] =
	"organisation: Anytown\n"
	"assessors: [AB]\n"
	"mode: interview\n"
	"target: base\n"
	"created: 2026-05-20T09:00:00Z\n"
	"updated: 2026-05-20T10:00:00Z\n"
	"areas:\n"
	"  one:\n"
	"    owner: Head of ICT\n"
	"    actions:\n"
	"      - {text: Fix it., owner: Jo, due: 2026-07-31}\n"
	"answers:\n"
	"  q1: {answer: none, at: 2026-05-20T09:10:00Z, note: Too low.}\n"
	"  q2: {answer: n/a, na_reason: No such thing here., at: 2026-05-20T09:11:00Z}\n"
	"  q3: {answer: dont-know}\n";

static const char file_cd[] =
	"assessors: [CD, Sam]\n"
	"mode: interview\n"
	"target: high\n"
	"created: 2026-05-19T09:00:00Z\n"
	"updated: 2026-05-20T10:00:00Z\n"
	"areas:\n"
	"  one:\n"
	"    owner: Someone else\n"
	"    actions:\n"
	"      - {text: Fix it., owner: Jo, due: 2026-07-31}\n"
	"      - {text: Fix it., owner: Jo}\n"
	"  two:\n"
	"    actions:\n"
	"      - {text: Survey it.}\n"
	"answers:\n"
	"  q1: {answer: all, at: 2026-05-20T09:20:00Z}\n"
	"  q2: {answer: n/a, na_reason: No such thing here.}\n"
	"  q3: {answer: dont-know, note: \"Ask estates.\\nThey know.\"}\n"
	"  q4: {note: Unsure.}\n";

static const char file_ef[] =
	"organisation: Othertown\n"
	"assessors: [EF]\n"
	"mode: interview\n"
	"created: 2026-05-21T09:00:00Z\n"
	"updated: 2026-05-21T10:00:00Z\n"
	"answers:\n"
	"  q1: {answer: few, at: 2026-05-20T09:05:00Z}\n"
	"  q2: {answer: n/a, na_reason: Not here.}\n"
	"  q3: {answer: most}\n";

static const char merged_abcdef[] =
	"organisation: Anytown\n"
	"assessors: [AB, CD, Sam, EF]\n"
	"mode: workshop\n"
	"target: base\n"
	"created: 2026-05-19T09:00:00Z\n"
	"updated: " NOW "\n"
	"participants: [AB, CD, EF]\n"
	"areas:\n"
	"  one:\n"
	"    owner: Head of ICT\n"
	"    actions:\n"
	"    - {text: Fix it., owner: Jo, due: 2026-07-31}\n"
	"    - {text: Fix it., owner: Jo}\n"
	"  two:\n"
	"    actions:\n"
	"    - {text: Survey it.}\n"
	"answers:\n"
	"  q1:\n"
	"    answer: few\n"
	"    note: 'AB: Too low.'\n"
	"    at: 2026-05-20T09:20:00Z\n"
	"    votes: {AB: none, CD: all, EF: few}\n"
	"    contested: true\n"
	"    settled: false\n"
	"  q2:\n"
	"    answer: n/a\n"
	"    na_reason: |-\n"
	"      AB: No such thing here.\n"
	"      CD: No such thing here.\n"
	"      EF: Not here.\n"
	"    at: 2026-05-20T09:11:00Z\n"
	"    votes: {AB: n/a, CD: n/a, EF: n/a}\n"
	"    settled: false\n"
	"  q3:\n"
	"    answer: dont-know\n"
	"    note: |-\n"
	"      CD: Ask estates.\n"
	"      They know.\n"
	"    at: " NOW "\n"
	"    votes: {AB: dont-know, CD: dont-know, EF: most}\n"
	"    settled: false\n"
	"  q4:\n"
	"    note: 'CD: Unsure.'\n";

static int setup(void **state)
{
	(void)state;
	setenv("YARDSTICK_NOW", NOW, 1);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	unsetenv("YARDSTICK_NOW");
	return 0;
}

/* The merged file as text, checked to read back and bind cleanly. */
static char *merged_text(const ys_merge *m, const ys_questionnaire *q,
			 ys_merge_summary *sum)
{
	ys_answers *out = ys_merge_finish(m, sum), *back;
	ys_diags d = {0};
	char *s, *again;
	size_t len;

	assert_non_null(out);
	s = ys_answers_to_string(out, &len);
	assert_non_null(s);
	back = ys_answers_read_mem(s, len, "merged.yaml", &d);
	if (!back)
		ys_diags_print(&d, stderr, "test");
	assert_non_null(back);
	assert_true(ys_answers_bind(back, q, "merged.yaml", &d));
	again = ys_answers_to_string(back, NULL);
	assert_string_equal(s, again);
	ys_free(again);
	ys_answers_free(back);
	ys_answers_free(out);
	ys_diags_free(&d);
	return s;
}

/* The part of a file after its questionnaire line. */
static const char *body_of(const char *s)
{
	const char *p = strstr(s, "}\n");

	assert_non_null(p);
	return p + 2;
}

static void test_three_participants(void **state)
{
	ys_questionnaire *q = load_q();
	ys_merge *m = ys_merge_new(q);
	ys_merge_summary sum;
	ys_diags d = {0};
	char *s;

	(void)state;
	assert_true(add_file(m, q, "ab.yaml", file_ab, &d));
	assert_true(add_file(m, q, "cd.yaml", file_cd, &d));
	assert_true(add_file(m, q, "ef.yaml", file_ef, &d));
	assert_int_equal(d.count, 0);
	s = merged_text(m, q, &sum);
	assert_string_equal(body_of(s), merged_abcdef);
	assert_int_equal(sum.n_files, 3);
	assert_int_equal(sum.n_participants, 3);
	assert_int_equal(sum.n_questions, 4);
	assert_int_equal(sum.n_voted, 3);
	assert_int_equal(sum.n_contested, 1);
	assert_int_equal(sum.n_lines_cut, 0);
	/* Finishing does not change the merge. */
	{
		char *s2 = merged_text(m, q, NULL);

		assert_string_equal(s, s2);
		ys_free(s2);
	}
	ys_free(s);
	ys_merge_free(m);
	ys_questionnaire_free(q);
}

static void test_same_reason_once(void **state)
{
	ys_questionnaire *q = load_q();
	ys_merge *m = ys_merge_new(q);
	ys_diags d = {0};
	char *s;

	(void)state;
	assert_true(add_file(m, q, "ab.yaml", file_ab, &d));
	assert_true(add_file(m, q, "cd.yaml", file_cd, &d));
	s = merged_text(m, q, NULL);
	assert_non_null(strstr(s, "    na_reason: No such thing here.\n"));
	ys_free(s);
	ys_merge_free(m);
	ys_questionnaire_free(q);
}

/* A merged file merged again with a late participant: the earlier votes
 * are kept and the consensus worked out from all of them; a settled
 * answer in the workshop file does not survive. */
static void test_merge_into_merged(void **state)
{
	ys_questionnaire *q = load_q();
	ys_merge *m = ys_merge_new(q);
	ys_diags d = {0};
	char *s, *settled, *p;

	(void)state;
	assert_true(add_file(m, q, "ab.yaml", file_ab, &d));
	assert_true(add_file(m, q, "cd.yaml", file_cd, &d));
	assert_true(add_file(m, q, "ef.yaml", file_ef, &d));
	s = merged_text(m, q, NULL);
	ys_merge_free(m);
	/* The facilitator settled q1 on "all". */
	settled = malloc(strlen(s) + 1);
	assert_non_null(settled);
	strcpy(settled, body_of(s));
	p = strstr(settled, "answer: few");
	assert_non_null(p);
	memcpy(p, "answer: all", 11);

	m = ys_merge_new(q);
	assert_true(add_file(m, q, "team.yaml", settled, &d));
	assert_true(add_file(m, q, "gh.yaml",
		"assessors: [GH]\nmode: interview\n"
		"created: 2026-05-22T09:00:00Z\nupdated: 2026-05-22T09:00:00Z\n"
		"answers:\n  q1: {answer: all}\n  q4: {answer: most}\n", &d));
	ys_free(s);
	s = merged_text(m, q, NULL);
	assert_non_null(strstr(s, "participants: [AB, CD, EF, GH]\n"));
	/* none, all, few, all: lower median is few. */
	assert_non_null(strstr(s, "  q1:\n    answer: few\n"));
	assert_non_null(strstr(s, "votes: {AB: none, CD: all, EF: few, GH: all}\n"));
	assert_non_null(strstr(s, "  q4:\n    answer: most\n    note: 'CD: Unsure.'\n"));
	/* A workshop file's notes and reasons are taken as they are. */
	assert_non_null(strstr(s, "      AB: No such thing here.\n"
				  "      CD: No such thing here.\n"));
	assert_null(strstr(s, "CD: CD:"));
	assert_null(strstr(s, "team.yaml"));
	ys_free(s);
	free(settled);
	ys_merge_free(m);
	ys_questionnaire_free(q);
}

/* N/A everywhere in the votes but not the agreed answer: no reason in
 * the file, so the merged file gives one. */
static void test_na_without_reason(void **state)
{
	ys_questionnaire *q = load_q();
	ys_merge *m = ys_merge_new(q);
	ys_diags d = {0};
	char *s;

	(void)state;
	assert_true(add_file(m, q, "w.yaml",
		"mode: workshop\ncreated: 2026-05-22T09:00:00Z\n"
		"updated: 2026-05-22T09:00:00Z\nparticipants: [X, Y]\n"
		"answers:\n  q2: {answer: few, votes: {X: n/a, Y: n/a}}\n", &d));
	s = merged_text(m, q, NULL);
	assert_non_null(strstr(s, "  q2:\n    answer: n/a\n"
				  "    na_reason: Every participant answered N/A.\n"));
	ys_free(s);
	ys_merge_free(m);
	ys_questionnaire_free(q);
}

static void assert_refused(ys_merge *m, const ys_questionnaire *q,
			   const char *name, const char *body,
			   const char *message)
{
	ys_diags d = {0};

	assert_false(add_file(m, q, name, body, &d));
	assert_int_equal(d.exit_code, 65);
	assert_true(d.count >= 1);
	assert_string_equal(d.items[0].file, name);
	assert_non_null(strstr(d.items[0].message, message));
	ys_diags_free(&d);
}

static void test_refusals_change_nothing(void **state)
{
	ys_questionnaire *q = load_q();
	ys_merge *m = ys_merge_new(q);
	ys_diags d = {0};
	char *want, *got;

	(void)state;
	assert_true(add_file(m, q, "ab.yaml", file_ab, &d));
	assert_true(add_file(m, q, "cd.yaml", file_cd, &d));
	assert_true(add_file(m, q, "ef.yaml", file_ef, &d));
	want = merged_text(m, q, NULL);

	assert_refused(m, q, "again.yaml", file_ab,
		       "participant 'AB' is already merged from ab.yaml");
	assert_refused(m, q, "none.yaml",
		"mode: interview\ncreated: 2026-05-22T09:00:00Z\n"
		"updated: 2026-05-22T09:00:00Z\nanswers:\n  q1: {answer: all}\n",
		"names no assessor");
	assert_refused(m, q, "blank.yaml",
		"assessors: [\" \", ZZ]\nmode: interview\n"
		"created: 2026-05-22T09:00:00Z\nupdated: 2026-05-22T09:00:00Z\n",
		"names no assessor");
	assert_refused(m, q, "w.yaml",
		"mode: workshop\ncreated: 2026-05-22T09:00:00Z\n"
		"updated: 2026-05-22T09:00:00Z\nparticipants: [ZZ, EF]\n"
		"answers:\n  q1: {answer: all, votes: {ZZ: all, EF: none}}\n",
		"participant 'EF' is already merged from ef.yaml");
	assert_refused(m, q, "w0.yaml",
		"mode: workshop\ncreated: 2026-05-22T09:00:00Z\n"
		"updated: 2026-05-22T09:00:00Z\n",
		"names no participants");
	assert_refused(m, q, "extra.yaml",
		"assessors: [ZZ]\nmode: interview\n"
		"created: 2026-05-22T09:00:00Z\nupdated: 2026-05-22T09:00:00Z\n"
		"answers:\n  q1: {answer: all}\n  q9: {answer: all}\n",
		"answers question 'q9', which questionnaire 'unit' version 3 "
		"does not have");
	got = merged_text(m, q, NULL);
	assert_string_equal(got, want);
	ys_free(got);
	ys_free(want);
	ys_merge_free(m);
	ys_questionnaire_free(q);
}

static void check_identity(const ys_questionnaire *q, const char *version,
			   const char *sha, const char *message)
{
	ys_merge *m = ys_merge_new(q);
	ys_diags d = {0};
	char *first = file_text(q, NULL, NULL, file_ab);
	char *other = file_text(q, version, sha, file_cd);
	ys_answers *a = read_text(first, "a.yaml");
	ys_answers *b = read_text(other, "b.yaml");

	assert_true(ys_merge_check(m, a, "a.yaml", &d));
	assert_false(ys_merge_check(m, b, "b.yaml", &d));
	assert_int_equal(d.exit_code, 65);
	assert_int_equal(d.count, 1);
	assert_string_equal(d.items[0].file, "b.yaml");
	assert_non_null(strstr(d.items[0].message, message));
	/* The second file of the same questionnaire passes. */
	assert_true(ys_merge_check(m, a, "a2.yaml", &d));
	ys_diags_free(&d);
	ys_answers_free(a);
	ys_answers_free(b);
	free(first);
	free(other);
	ys_merge_free(m);
}

static void test_identity(void **state)
{
	ys_questionnaire *q = load_q();
	char sha[65], *text;
	ys_merge *m;
	ys_answers *a;
	ys_diags d = {0};

	(void)state;
	memset(sha, '0', 64);
	sha[64] = '\0';
	check_identity(q, "4", NULL,
		       "answers version 4 of questionnaire 'unit', but a.yaml "
		       "answers version 3");
	check_identity(q, NULL, sha, "but a.yaml has sha256");
	/* Another id. */
	m = ys_merge_new(q);
	text = file_text(q, NULL, NULL, file_ab);
	a = read_text(text, "a.yaml");
	free(text);
	assert_true(ys_merge_check(m, a, "a.yaml", &d));
	ys_free(a->q_id);
	a->q_id = ys_strdup("other");
	assert_false(ys_merge_check(m, a, "b.yaml", &d));
	assert_non_null(strstr(d.items[0].message,
			       "answers questionnaire 'other', but a.yaml answers 'unit'"));
	ys_diags_free(&d);
	/* The first file against the questionnaire. */
	ys_merge_free(m);
	m = ys_merge_new(q);
	ys_free(a->q_sha256);
	a->q_sha256 = ys_strdup(sha);
	assert_false(ys_merge_check(m, a, "a.yaml", &d));
	assert_non_null(strstr(d.items[0].message, "but the questionnaire given"));
	ys_diags_free(&d);
	ys_answers_free(a);
	ys_merge_free(m);
	ys_questionnaire_free(q);
}

/* Notes too long together for one string keep what fits and say how
 * much was left out; the file still reads back. */
static void test_long_notes(void **state)
{
	ys_questionnaire *q = load_q();
	ys_merge *m = ys_merge_new(q);
	ys_merge_summary sum;
	ys_diags d = {0};
	char note[4001], body[4400], name[32], *s;
	ys_answers *out;
	int i;

	(void)state;
	memset(note, 'x', sizeof(note) - 1);
	note[sizeof(note) - 1] = '\0';
	for (i = 0; i < 40; i++) {
		snprintf(name, sizeof(name), "p%02d.yaml", i);
		snprintf(body, sizeof(body), "assessors: [P%02d]\nmode: interview\n"
			 "created: 2026-05-22T09:00:00Z\n"
			 "updated: 2026-05-22T09:00:00Z\n"
			 "answers:\n  q1: {answer: all, note: %s}\n", i, note);
		assert_true(add_file(m, q, name, body, &d));
	}
	s = merged_text(m, q, &sum);
	/* About 4 KB a line: 16 fit in 64 KiB less the room kept. */
	assert_int_equal(sum.n_lines_cut, 24);
	assert_non_null(strstr(s, "(24 more notes left out"));
	ys_free(s);
	out = ys_merge_finish(m, NULL);
	assert_non_null(out);
	assert_true(strlen(out->responses[0].note) <= YS_MAX_STRING);
	assert_non_null(strstr(out->responses[0].note, "P15: x"));
	assert_null(strstr(out->responses[0].note, "P16: x"));
	ys_answers_free(out);
	ys_merge_free(m);
	ys_questionnaire_free(q);
}

/* The consensus in the merged file is the consensus module's. */
static void test_consensus_agrees(void **state)
{
	ys_questionnaire *q = load_q();
	ys_merge *m = ys_merge_new(q);
	ys_diags d = {0};
	ys_answers *out;
	size_t i;

	(void)state;
	assert_true(add_file(m, q, "ab.yaml", file_ab, &d));
	assert_true(add_file(m, q, "cd.yaml", file_cd, &d));
	assert_true(add_file(m, q, "ef.yaml", file_ef, &d));
	out = ys_merge_finish(m, NULL);
	assert_non_null(out);
	for (i = 0; i < q->n_questions; i++) {
		const ys_response *r = &out->responses[i];
		ys_spread sp = ys_consensus_votes(&q->questions[i], r->votes,
						  r->n_votes, NULL);

		assert_int_equal(r->choice.kind, sp.proposed.kind);
		assert_int_equal(r->choice.option, sp.proposed.option);
		assert_int_equal(r->contested, sp.contested);
		assert_int_equal(r->n_votes, sp.n_votes);
	}
	ys_answers_free(out);
	ys_merge_free(m);
	ys_questionnaire_free(q);
}

/* One whole merge with allocation number i failing. Returns true when it
 * went through (the result is then checked against want). */
static bool merge_with_failure(const ys_questionnaire *q, long i,
			       const char *want)
{
	static const char *const bodies[] = {file_ab, file_cd, file_ef};
	static const char *const names[] = {"ab.yaml", "cd.yaml", "ef.yaml"};
	ys_answers *files[3], *out = NULL;
	ys_merge *m;
	char *s = NULL;
	bool ok = true;
	size_t k;

	/* The files are read before the failure is armed. */
	for (k = 0; k < 3; k++) {
		char *text = file_text(q, NULL, NULL, bodies[k]);
		ys_diags d = {0};

		files[k] = read_text(text, names[k]);
		assert_true(ys_answers_bind(files[k], q, names[k], &d));
		free(text);
	}
	ys_alloc_fail_after(i);
	m = ys_merge_new(q);
	ok = m != NULL;
	for (k = 0; ok && k < 3; k++) {
		ys_diags d = {0};

		ok = ys_merge_check(m, files[k], names[k], &d) &&
		     ys_merge_add(m, files[k], names[k], &d);
		if (!ok)
			assert_int_equal(d.exit_code, 70);
		ys_diags_free(&d);
	}
	if (ok)
		out = ys_merge_finish(m, NULL);
	ok = ok && out;
	if (ok)
		s = ys_answers_to_string(out, NULL);
	ok = ok && s;
	ys_alloc_fail_after(0);
	if (ok)
		assert_string_equal(body_of(s), want);
	ys_free(s);
	ys_answers_free(out);
	ys_merge_free(m);
	for (k = 0; k < 3; k++)
		ys_answers_free(files[k]);
	return ok;
}

static void test_allocation_failures(void **state)
{
	ys_questionnaire *q = load_q();
	long i, failed = 0;

	(void)state;
	for (i = 1; i < 100000; i++) {
		if (merge_with_failure(q, i, merged_abcdef))
			break;
		failed++;
	}
	assert_true(failed > 50);
	ys_questionnaire_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_three_participants),
		cmocka_unit_test(test_same_reason_once),
		cmocka_unit_test(test_merge_into_merged),
		cmocka_unit_test(test_na_without_reason),
		cmocka_unit_test(test_refusals_change_nothing),
		cmocka_unit_test(test_identity),
		cmocka_unit_test(test_long_notes),
		cmocka_unit_test(test_consensus_agrees),
		cmocka_unit_test(test_allocation_failures),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
