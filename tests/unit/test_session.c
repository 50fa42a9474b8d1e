/* Unit tests for the interview state machine: every screen's behaviour is
 * driven by actions and checked from the session state and the answers
 * file on disk, with no terminal. */
#include <dirent.h>
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
#include "yardstick/questionnaire.h"
#include "yardstick/report.h"
#include "yardstick/session.h"
#include "yardstick/store.h"

/* Two areas, three levels; q2 allows N/A, r1 has a red flag. */
static const char qyaml[] =
	"yardstick: 1\n"
	"id: small\n"
	"title: Small questionnaire\n"
	"version: \"1\"\n"
	"levels:\n"
	"  - name: Absent\n"
	"  - name: Initial\n"
	"  - name: Done\n"
	"answer_sets:\n"
	"  yn:\n"
	"    - {key: \"no\", label: \"No\", value: 0}\n"
	"    - {key: partly, label: \"Partly\", value: 0.5}\n"
	"    - {key: \"yes\", label: \"Yes\", value: 1}\n"
	"targets:\n"
	"  baseline: {default: 1}\n"
	"  stretch: {default: 2}\n"
	"areas:\n"
	"  - id: data\n"
	"    title: Data\n"
	"    questions:\n"
	"      - {id: d1, level: 1, text: First data question?, answers: yn}\n"
	"      - {id: d2, level: 2, text: Second data question?, answers: yn, allow_na: true}\n"
	"  - id: risk\n"
	"    title: Risk\n"
	"    questions:\n"
	"      - {id: r1, level: 1, text: First risk question?, answers: yn, red_flag: [\"no\"]}\n"
	"      - {id: r2, level: 2, text: Second risk question?, answers: yn}\n";

struct fx {
	char dir[64];
	char path[256];
	ys_questionnaire *q;
	ys_session *s;
};

static ys_questionnaire *load_q(void)
{
	ys_diags d = {0};
	ys_questionnaire *q = ys_questionnaire_load_mem(qyaml, strlen(qyaml), "small.yaml", &d);

	if (!q)
		ys_diags_print(&d, stderr, "test");
	ys_diags_free(&d);
	assert_non_null(q);
	return q;
}

static ys_session *open_session(struct fx *f, ys_answers *a, const ys_session_opts *o)
{
	ys_store st;
	pid_t holder = 0;
	char *err = NULL;
	ys_session *s;

	memset(&st, 0, sizeof(st));
	assert_int_equal(ys_store_open(&st, f->path, &holder, &err), 0);
	s = ys_session_new(f->q, a, &st, o);
	assert_non_null(s);
	return s;
}

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));

	assert_non_null(f);
	setenv("YARDSTICK_NOW", "2026-11-21T10:00:00Z", 1);
	snprintf(f->dir, sizeof(f->dir), "/tmp/ys-session-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof(f->path), "%s/answers.yaml", f->dir);
	f->q = load_q();
	*state = f;
	return 0;
}

static int teardown(void **state)
{
	struct fx *f = *state;

	ys_session_free(f->s);
	ys_questionnaire_free(f->q);
	tu_rm_dir(f->dir);
	free(f);
	return 0;
}

static bool act(ys_session *s, ys_action_type t)
{
	return ys_session_do(s, t);
}

static void act_arg(ys_session *s, ys_action_type t, long arg)
{
	ys_session_action a = {t, arg, NULL};

	ys_session_apply(s, &a);
}

static bool type_any(ys_session *s, const char *text)
{
	ys_session_action a = {YS_A_INPUT_INSERT, 0, text};

	return ys_session_apply(s, &a);
}

static void type(ys_session *s, const char *text)
{
	assert_true(type_any(s, text));
}

/* Reads the answers file back and binds it. */
static ys_answers *reread(struct fx *f)
{
	ys_diags d = {0};
	ys_answers *a = ys_answers_read_file(f->path, &d);

	if (a && !ys_answers_bind(a, f->q, f->path, &d)) {
		ys_answers_free(a);
		a = NULL;
	}
	if (!a)
		ys_diags_print(&d, stderr, "test");
	ys_diags_free(&d);
	assert_non_null(a);
	return a;
}

static const char *file_answer(struct fx *f, size_t i, char *buf, size_t n)
{
	ys_answers *a = reread(f);

	snprintf(buf, n, "%s", a->responses[i].answer ? a->responses[i].answer : "(none)");
	ys_answers_free(a);
	return buf;
}

/* A new session, through the start screen, on the first question. */
static ys_session *started(struct fx *f)
{
	ys_answers *a = ys_answers_new(f->q);
	ys_session *s;

	assert_non_null(a);
	s = open_session(f, a, NULL);
	assert_int_equal(s->screen, YS_SCR_START);
	act(s, YS_A_LAST);
	act(s, YS_A_SELECT);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
	assert_int_equal(s->question, 0);
	f->s = s;
	return s;
}

static void test_start_screen(void **state)
{
	struct fx *f = *state;
	ys_answers *a = ys_answers_new(f->q);
	ys_session *s;
	struct stat st;

	s = f->s = open_session(f, a, NULL);
	assert_int_equal(s->screen, YS_SCR_START);
	assert_int_equal(s->row, YS_START_ORG);
	/* Nothing is written before the assessment begins. */
	assert_int_not_equal(stat(f->path, &st), 0);

	act(s, YS_A_SELECT);
	assert_int_equal(s->prompt, YS_PROMPT_ORG);
	type(s, "Anytown Council");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	assert_string_equal(s->a->organisation, "Anytown Council");

	act(s, YS_A_DOWN);
	act(s, YS_A_SELECT);
	assert_int_equal(s->prompt, YS_PROMPT_ASSESSORS);
	type(s, " Sam Patel ,, Jo Bloggs ");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->a->n_assessors, 2);
	assert_string_equal(s->a->assessors[0], "Sam Patel");
	assert_string_equal(s->a->assessors[1], "Jo Bloggs");

	act(s, YS_A_DOWN);
	assert_int_equal(s->row, YS_START_TARGET);
	act(s, YS_A_NEXT);
	assert_string_equal(s->a->target, "baseline");
	act(s, YS_A_NEXT);
	assert_string_equal(s->a->target, "stretch");
	act(s, YS_A_NEXT);
	assert_null(s->a->target);
	act(s, YS_A_PREV);
	assert_string_equal(s->a->target, "stretch");

	act(s, YS_A_LAST);
	act(s, YS_A_SELECT);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
	assert_int_equal(stat(f->path, &st), 0);
	assert_false(s->save_failed);
	assert_non_null(strstr(s->status, "Saved"));
	{
		ys_answers *b = reread(f);

		assert_string_equal(b->organisation, "Anytown Council");
		assert_string_equal(b->target, "stretch");
		assert_int_equal(b->n_assessors, 2);
		ys_answers_free(b);
	}
}

static void test_start_other_questionnaire(void **state)
{
	struct fx *f = *state;
	static const char *const ids[] = {"small", "other"};
	static const char *const titles[] = {"Small", "Other"};
	ys_session_opts o;
	ys_session *s;

	memset(&o, 0, sizeof(o));
	o.q_ids = ids;
	o.q_titles = titles;
	o.n_q = 2;
	s = f->s = open_session(f, ys_answers_new(f->q), &o);
	assert_int_equal(s->q_choice, 0);
	act(s, YS_A_DOWN);
	act(s, YS_A_DOWN);
	act(s, YS_A_DOWN);
	assert_int_equal(s->row, YS_START_QUESTIONNAIRE);
	/* Switching loads the other questionnaire at once, so that its
	 * title, counts and targets show before Begin. */
	act(s, YS_A_NEXT);
	assert_int_equal(s->q_choice, 1);
	assert_int_equal(s->outcome, YS_OUT_RELOAD);
	assert_string_equal(s->reload_id, "other");
}

/* The session that takes over after a switch keeps what was typed, the
 * row, and the target when the new questionnaire has it. */
static void test_start_carry(void **state)
{
	struct fx *f = *state;
	static const char other[] =
		"yardstick: 1\n"
		"id: other\n"
		"title: Other\n"
		"version: \"1\"\n"
		"levels: [{name: A}, {name: B}]\n"
		"targets:\n"
		"  baseline: {default: 1}\n"
		"areas:\n"
		"  - id: x\n"
		"    title: X\n"
		"    questions:\n"
		"      - {id: x1, level: 1, text: X?, answers: [{key: a, label: A, value: 0}, "
		"{key: b, label: B, value: 1}]}\n";
	static const char *const ids[] = {"small", "other"};
	ys_diags d = {0};
	ys_questionnaire *q2 = ys_questionnaire_load_mem(other, strlen(other), "other.yaml", &d);
	ys_session_opts o;
	ys_session *s, *n;
	ys_store st;

	ys_diags_free(&d);
	assert_non_null(q2);
	memset(&o, 0, sizeof(o));
	o.q_ids = ids;
	o.n_q = 2;
	s = f->s = open_session(f, ys_answers_new(f->q), &o);
	act(s, YS_A_SELECT);
	type(s, "Anytown");
	act(s, YS_A_SUBMIT);
	act(s, YS_A_DOWN);
	act(s, YS_A_SELECT);
	type(s, "Sam, Jo");
	act(s, YS_A_SUBMIT);
	act(s, YS_A_DOWN);
	act(s, YS_A_NEXT);              /* baseline */
	act(s, YS_A_DOWN);
	act(s, YS_A_NEXT);
	assert_int_equal(s->outcome, YS_OUT_RELOAD);

	assert_true(ys_session_take_store(s, &st));
	n = ys_session_new(q2, ys_answers_new(q2), &st, &o);
	assert_non_null(n);
	assert_true(ys_session_carry_start(n, s));
	assert_string_equal(n->a->organisation, "Anytown");
	assert_int_equal(n->a->n_assessors, 2);
	assert_string_equal(n->a->target, "baseline");
	assert_int_equal(n->target, 0);
	assert_int_equal(n->q_choice, 1);
	assert_int_equal(ys_session_start_field(n, n->row), YS_START_QUESTIONNAIRE);
	/* The first Begin begins. */
	act(n, YS_A_LAST);
	act(n, YS_A_SELECT);
	assert_int_equal(n->outcome, YS_OUT_RUNNING);
	assert_int_equal(n->screen, YS_SCR_QUESTION);
	ys_session_free(s);
	f->s = n;

	/* A target the new questionnaire lacks is dropped, with a word. */
	{
		ys_session *m = ys_session_new(f->q, ys_answers_new(f->q), NULL, &o);
		ys_session *m2 = ys_session_new(q2, ys_answers_new(q2), NULL, &o);

		assert_non_null(m);
		assert_non_null(m2);
		m->row = 2;
		assert_int_equal(ys_session_start_field(m, m->row), YS_START_TARGET);
		act(m, YS_A_NEXT);
		act(m, YS_A_NEXT);
		assert_string_equal(m->a->target, "stretch");
		assert_true(ys_session_carry_start(m2, m));
		assert_null(m2->a->target);
		assert_int_equal(m2->target, -1);
		assert_non_null(strstr(m2->status, "no target profile 'stretch'"));
		assert_int_equal(ys_session_start_field(m2, m2->row), YS_START_TARGET);
		ys_session_free(m);
		ys_session_free(m2);
	}
	ys_session_free(f->s);
	f->s = NULL;
	ys_questionnaire_free(q2);
}

/* A new file's start screen offers an earlier one: first row, Enter
 * hands it to the command. */
static void test_start_offer(void **state)
{
	struct fx *f = *state;
	ys_session_opts o;
	ys_session *s;

	memset(&o, 0, sizeof(o));
	o.offer_path = "assessment-2026-12-04.yaml";
	o.offer_label = "1 answered";
	s = f->s = open_session(f, ys_answers_new(f->q), &o);
	assert_int_equal(ys_session_start_rows(s), YS_START_ROWS + 1);
	assert_int_equal(s->row, 0);
	assert_int_equal(ys_session_start_field(s, 0), YS_START_RESUME);
	assert_int_equal(ys_session_start_field(s, 1), YS_START_ORG);
	assert_non_null(strstr(s->status, "Enter resumes"));
	/* Moving away and Begin starts a new one instead... */
	act(s, YS_A_DOWN);
	assert_int_equal(ys_session_start_field(s, s->row), YS_START_ORG);
	act(s, YS_A_UP);
	/* ...Enter on the offer resumes it. */
	act(s, YS_A_SELECT);
	assert_int_equal(s->outcome, YS_OUT_RESUME_OFFERED);
	assert_false(s->started);
}

static void test_navigation(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);

	assert_true(act(s, YS_A_PREV));
	assert_int_equal(s->question, 0);
	assert_non_null(strstr(s->status, "first question"));
	act(s, YS_A_NEXT);
	act(s, YS_A_NEXT);
	/* across the area boundary */
	assert_int_equal(s->question, 2);
	assert_int_equal(s->q->questions[s->question].area, 1);
	act(s, YS_A_NEXT);
	act(s, YS_A_NEXT);
	assert_int_equal(s->question, 3);
	assert_non_null(strstr(s->status, "last question"));
	act(s, YS_A_PREV);
	assert_int_equal(s->question, 2);

	/* no option is chosen in advance; the first move selects one, and
	 * the selection stays within the options */
	assert_int_equal(s->option, -1);
	assert_true(act(s, YS_A_UP));
	assert_int_equal(s->option, 0);
	assert_false(act(s, YS_A_UP));
	act(s, YS_A_DOWN);
	act(s, YS_A_DOWN);
	assert_false(act(s, YS_A_DOWN));
	assert_int_equal(s->option, 2);
	act(s, YS_A_FIRST);
	assert_int_equal(s->option, 0);
	act(s, YS_A_LAST);
	assert_int_equal(s->option, 2);
}

static void test_answering(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);
	char buf[32];

	/* a digit chooses, saves and moves on */
	act_arg(s, YS_A_CHOOSE, 2);
	assert_int_equal(s->question, 1);
	assert_int_equal(s->a->responses[0].choice.kind, YS_ANS_OPTION);
	assert_int_equal(s->a->responses[0].choice.option, 2);
	assert_string_equal(file_answer(f, 0, buf, sizeof(buf)), "yes");
	assert_non_null(strstr(s->status, "1 of 4 answered"));

	/* arrows and Enter: the first Down selects the first option */
	act(s, YS_A_DOWN);
	act(s, YS_A_DOWN);
	act(s, YS_A_SELECT);
	assert_int_equal(s->question, 2);
	assert_string_equal(file_answer(f, 1, buf, sizeof(buf)), "partly");

	/* a digit past the options changes nothing */
	act_arg(s, YS_A_CHOOSE, 5);
	assert_int_equal(s->question, 2);
	assert_true(s->status_error);
	assert_int_equal(s->a->responses[2].choice.kind, YS_ANS_NONE);

	/* changing an answer: back, the selection shows the answer given */
	act(s, YS_A_PREV);
	act(s, YS_A_PREV);
	assert_int_equal(s->question, 0);
	assert_int_equal(s->option, 2);
	act_arg(s, YS_A_CHOOSE, 0);
	assert_string_equal(file_answer(f, 0, buf, sizeof(buf)), "no");
	assert_int_equal(s->question, 1);
	assert_int_equal(ys_session_answered(s), 2);
}

static void test_dont_know_and_na(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);
	char buf[32];

	act(s, YS_A_DONT_KNOW);
	assert_string_equal(file_answer(f, 0, buf, sizeof(buf)), "dont-know");
	assert_int_equal(s->question, 1);

	/* d2 allows N/A: a reason is required */
	act(s, YS_A_NA);
	assert_int_equal(s->prompt, YS_PROMPT_NA_REASON);
	type(s, "   ");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_NA_REASON);
	assert_true(s->status_error);
	assert_int_equal(s->a->responses[1].choice.kind, YS_ANS_NONE);
	act(s, YS_A_CANCEL);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	assert_int_equal(s->a->responses[1].choice.kind, YS_ANS_NONE);
	act(s, YS_A_NA);
	type(s, "No personal data held");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	assert_int_equal(s->question, 2);
	{
		ys_answers *b = reread(f);

		assert_string_equal(b->responses[1].answer, "n/a");
		assert_string_equal(b->responses[1].na_reason, "No personal data held");
		ys_answers_free(b);
	}

	/* r1 does not allow N/A */
	act(s, YS_A_NA);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	assert_true(s->status_error);
	assert_int_equal(s->a->responses[2].choice.kind, YS_ANS_NONE);

	/* answering an N/A question with an option drops the reason */
	act(s, YS_A_PREV);
	act_arg(s, YS_A_CHOOSE, 1);
	assert_null(s->a->responses[1].na_reason);
	assert_string_equal(file_answer(f, 1, buf, sizeof(buf)), "partly");
}

static void test_notes(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);
	ys_answers *b;

	act(s, YS_A_NOTE);
	assert_int_equal(s->prompt, YS_PROMPT_NOTE);
	type(s, "Servers excluded");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->question, 0);
	b = reread(f);
	assert_string_equal(b->responses[0].note, "Servers excluded");
	ys_answers_free(b);

	/* the prompt starts with the note; an empty note removes it */
	act(s, YS_A_NOTE);
	assert_string_equal(s->line.buf, "Servers excluded");
	act(s, YS_A_INPUT_KILL);
	act(s, YS_A_SUBMIT);
	assert_null(s->a->responses[0].note);
	b = reread(f);
	assert_null(b->responses[0].note);
	ys_answers_free(b);
}

static void test_park(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);
	ys_answers *b;

	act(s, YS_A_PARK);
	assert_true(s->a->responses[0].parked);
	assert_int_equal(s->question, 1);
	b = reread(f);
	assert_true(b->responses[0].parked);
	ys_answers_free(b);
	act(s, YS_A_PREV);
	act(s, YS_A_PARK);
	assert_false(s->a->responses[0].parked);
	assert_int_equal(s->question, 0);
	b = reread(f);
	assert_false(b->responses[0].parked);
	ys_answers_free(b);
}

static void test_review(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);

	act(s, YS_A_PARK);              /* d1 parked, unanswered */
	act(s, YS_A_NA);                /* d2 N/A */
	type(s, "not used");
	act(s, YS_A_SUBMIT);
	act(s, YS_A_DONT_KNOW);         /* r1 don't know */
	act_arg(s, YS_A_CHOOSE, 2);     /* r2 yes: the last question, so review */
	assert_int_equal(s->screen, YS_SCR_REVIEW);
	assert_int_equal(s->n_review, 3);
	assert_int_equal(s->review[0].question, 0);
	assert_int_equal(s->review[0].flags, YS_REV_UNANSWERED | YS_REV_PARKED);
	assert_int_equal(s->review[1].question, 1);
	assert_int_equal(s->review[1].flags, YS_REV_NA);
	assert_int_equal(s->review[2].question, 2);
	assert_int_equal(s->review[2].flags, YS_REV_DONT_KNOW);

	act(s, YS_A_DOWN);
	act(s, YS_A_DOWN);
	act(s, YS_A_SELECT);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
	assert_int_equal(s->question, 2);

	act(s, YS_A_REVIEW);
	assert_int_equal(s->screen, YS_SCR_REVIEW);
	act_arg(s, YS_A_JUMP, 1);
	assert_int_equal(s->question, 1);
	act(s, YS_A_REVIEW);
	act_arg(s, YS_A_JUMP, 7);       /* no such item */
	assert_int_equal(s->screen, YS_SCR_REVIEW);
	act(s, YS_A_BACK);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
}

static void test_area_menu(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);
	size_t done, total;

	act(s, YS_A_AREAS);
	assert_int_equal(s->screen, YS_SCR_AREAS);
	assert_int_equal(s->row, 0);
	act(s, YS_A_DOWN);
	act(s, YS_A_SELECT);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
	assert_int_equal(s->question, 2);

	/* jumping lands on the area's first unanswered question */
	act_arg(s, YS_A_CHOOSE, 1);
	act(s, YS_A_AREAS);
	act_arg(s, YS_A_JUMP, 1);
	assert_int_equal(s->question, 3);
	ys_session_area_progress(s, 1, &done, &total);
	assert_int_equal(done, 1);
	assert_int_equal(total, 2);
	act(s, YS_A_AREAS);
	act_arg(s, YS_A_JUMP, 0);
	assert_int_equal(s->question, 0);
}

static void test_finish_to_profile(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);

	act_arg(s, YS_A_CHOOSE, 2);
	act(s, YS_A_NEXT);              /* skip d2 */
	act_arg(s, YS_A_CHOOSE, 0);     /* r1: red flag */
	act_arg(s, YS_A_CHOOSE, 2);     /* r2: last question, d2 still open */
	assert_int_equal(s->screen, YS_SCR_REVIEW);
	act(s, YS_A_SELECT);
	assert_int_equal(s->question, 1);
	act_arg(s, YS_A_CHOOSE, 2);     /* the last one missing */
	assert_int_equal(s->screen, YS_SCR_PROFILE);
	assert_true(s->has_score);
	assert_false(s->score.provisional);
	assert_int_equal(s->score.areas[0].level, 2);
	assert_int_equal(s->score.areas[1].level, 0);  /* r1 not met */
	assert_int_equal(s->score.areas[1].red_flags.count, 1);

	/* changing an answer when all are answered moves on, not to the profile */
	act(s, YS_A_BACK);
	act(s, YS_A_PREV);
	act_arg(s, YS_A_CHOOSE, 1);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
}

static void test_resume(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);
	ys_session_opts o;
	ys_answers *b;

	act_arg(s, YS_A_CHOOSE, 2);
	act_arg(s, YS_A_CHOOSE, 2);
	act(s, YS_A_QUIT);
	assert_int_equal(s->outcome, YS_OUT_QUIT);
	ys_session_free(s);
	f->s = NULL;

	memset(&o, 0, sizeof(o));
	o.resume = true;
	b = reread(f);
	s = f->s = open_session(f, b, &o);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
	assert_int_equal(s->question, 2);
	assert_true(s->started);
	assert_string_equal(s->status, "Resumed: 2 of 4 answered.");

	/* a resumed file with every answer opens on the profile */
	act_arg(s, YS_A_CHOOSE, 2);
	act_arg(s, YS_A_CHOOSE, 2);
	assert_int_equal(s->screen, YS_SCR_PROFILE);
	act(s, YS_A_QUIT);
	ys_session_free(s);
	b = reread(f);
	s = f->s = open_session(f, b, &o);
	assert_int_equal(s->screen, YS_SCR_PROFILE);
}

static void test_changed_questionnaire(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);
	ys_session_opts o;
	ys_answers *b;
	static const char *const removed[] = {"old-question"};

	act_arg(s, YS_A_CHOOSE, 2);
	act(s, YS_A_QUIT);
	ys_session_free(s);
	f->s = NULL;

	b = reread(f);
	assert_true(ys_answers_set_string(&b->q_version, "0.9"));
	assert_true(ys_answers_set_string(&b->q_sha256,
		"0000000000000000000000000000000000000000000000000000000000000000"));
	memset(&o, 0, sizeof(o));
	o.resume = true;
	o.has_changes = true;
	o.removed = removed;
	o.n_removed = 1;
	s = f->s = open_session(f, b, &o);
	assert_int_equal(s->screen, YS_SCR_CHANGED);
	act(s, YS_A_SELECT);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
	assert_int_equal(s->question, 1);
	b = reread(f);
	assert_string_equal(b->q_sha256, f->q->sha256);
	assert_string_equal(b->q_version, "1");
	ys_answers_free(b);
}

/* Saved elsewhere, the answers still name their questionnaire's file:
 * the record is rewritten for the new folder, put back when the save is
 * refused, and dropped when the file is no longer there. */
static void test_save_as_rebases_questionnaire_file(void **state)
{
	struct fx *f = *state;
	char p[200], q[200], other[200];
	ys_session_opts o;
	ys_session *s;
	ys_answers *a, *b;
	FILE *fp;

	snprintf(p, sizeof(p), "%s/q", f->dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/a", f->dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/b", f->dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/b/deeper", f->dir);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(q, sizeof(q), "%s/q/own q.yaml", f->dir);
	fp = fopen(q, "w");
	assert_non_null(fp);
	fclose(fp);
	snprintf(f->path, sizeof(f->path), "%s/a/answers.yaml", f->dir);
	a = ys_answers_new(f->q);
	assert_non_null(a);
	assert_true(ys_answers_set_questionnaire_file(a, "../q/own q.yaml"));
	memset(&o, 0, sizeof(o));
	o.resume = true;
	s = f->s = open_session(f, a, &o);
	act_arg(s, YS_A_CHOOSE, 0);

	act(s, YS_A_SAVE_ELSEWHERE);
	act(s, YS_A_INPUT_KILL);
	snprintf(other, sizeof(other), "%s/b/deeper/moved.yaml", f->dir);
	type(s, other);
	act(s, YS_A_SUBMIT);
	assert_false(s->status_error);
	assert_string_equal(s->a->q_file, "../../q/own q.yaml");
	snprintf(f->path, sizeof(f->path), "%s", other);
	b = reread(f);
	assert_string_equal(b->q_file, "../../q/own q.yaml");
	ys_answers_free(b);

	/* Refused (the file exists): the record is as it was. */
	act(s, YS_A_SAVE_ELSEWHERE);
	act(s, YS_A_INPUT_KILL);
	snprintf(p, sizeof(p), "%s/a/answers.yaml", f->dir);
	type(s, p);
	act(s, YS_A_SUBMIT);
	assert_true(s->status_error);
	assert_string_equal(s->a->q_file, "../../q/own q.yaml");

	/* The questionnaire is gone: the record would name another file. */
	assert_int_equal(unlink(q), 0);
	act(s, YS_A_SAVE_ELSEWHERE);
	act(s, YS_A_INPUT_KILL);
	snprintf(other, sizeof(other), "%s/b/last.yaml", f->dir);
	type(s, other);
	act(s, YS_A_SUBMIT);
	assert_false(s->status_error);
	assert_null(s->a->q_file);

	ys_session_free(s);
	f->s = NULL;
	{
		static const char *const rm[] = {
			"a/answers.yaml", "b/deeper/moved.yaml", "b/last.yaml",
			"b/deeper", "a", "b", "q",
		};
		size_t i;

		for (i = 0; i < sizeof(rm) / sizeof(rm[0]); i++) {
			snprintf(p, sizeof(p), "%s/%s", f->dir, rm[i]);
			remove(p);
		}
	}
}

static void test_failed_save(void **state)
{
	struct fx *f = *state;
	char moved[160], other[160], buf[32];
	ys_session *s;
	ys_answers *b;

	/* the store lives in a folder that then disappears */
	snprintf(f->path, sizeof(f->path), "%s/sub/answers.yaml", f->dir);
	snprintf(moved, sizeof(moved), "%s/sub", f->dir);
	assert_int_equal(mkdir(moved, 0700), 0);
	s = started(f);
	snprintf(moved, sizeof(moved), "%s/gone", f->dir);
	{
		char sub[160];

		snprintf(sub, sizeof(sub), "%s/sub", f->dir);
		assert_int_equal(rename(sub, moved), 0);
		act_arg(s, YS_A_CHOOSE, 2);
		/* the answer is kept in memory, with an error on the status line */
		assert_true(s->save_failed);
		assert_true(s->status_error);
		assert_non_null(strstr(s->status, "NOT SAVED"));
		assert_non_null(s->save_error);
		assert_int_equal(s->a->responses[0].choice.kind, YS_ANS_OPTION);
		assert_int_equal(s->question, 1);

		/* retrying still fails while the folder is gone */
		act(s, YS_A_RETRY_SAVE);
		assert_true(s->save_failed);

		/* quitting asks, and can be refused */
		act(s, YS_A_QUIT);
		assert_int_equal(s->outcome, YS_OUT_RUNNING);
		assert_int_equal(s->prompt, YS_PROMPT_QUIT_UNSAVED);
		act(s, YS_A_NO);
		assert_int_equal(s->prompt, YS_PROMPT_NONE);

		/* the folder is back: a retry saves everything */
		assert_int_equal(rename(moved, sub), 0);
		act(s, YS_A_RETRY_SAVE);
		assert_false(s->save_failed);
		assert_false(s->status_error);
		assert_string_equal(file_answer(f, 0, buf, sizeof(buf)), "yes");
		assert_int_equal(rename(sub, moved), 0);
	}

	/* save elsewhere after another failure */
	act_arg(s, YS_A_CHOOSE, 1);
	assert_true(s->save_failed);
	act(s, YS_A_SAVE_ELSEWHERE);
	assert_int_equal(s->prompt, YS_PROMPT_SAVE_AS);
	act(s, YS_A_INPUT_KILL);
	snprintf(other, sizeof(other), "%s/elsewhere.yaml", f->dir);
	type(s, other);
	act(s, YS_A_SUBMIT);
	assert_false(s->save_failed);
	assert_string_equal(ys_session_path(s), other);
	snprintf(f->path, sizeof(f->path), "%s", other);
	b = reread(f);
	assert_string_equal(b->responses[0].answer, "yes");
	assert_string_equal(b->responses[1].answer, "partly");
	ys_answers_free(b);

	/* an existing file is never overwritten by save elsewhere */
	act(s, YS_A_SAVE_ELSEWHERE);
	act(s, YS_A_INPUT_KILL);
	snprintf(moved, sizeof(moved), "%s/gone/answers.yaml", f->dir);
	type(s, moved);
	act(s, YS_A_SUBMIT);
	assert_true(s->status_error);
	assert_string_equal(ys_session_path(s), other);

	ys_session_free(s);
	f->s = NULL;
	{
		char p[200];

		snprintf(p, sizeof(p), "%s/gone/answers.yaml", f->dir);
		unlink(p);
		snprintf(p, sizeof(p), "%s/gone", f->dir);
		rmdir(p);
	}
}

static void test_quit_unsaved_yes(void **state)
{
	struct fx *f = *state;
	char sub[160], gone[160];
	ys_session *s;

	snprintf(sub, sizeof(sub), "%s/sub", f->dir);
	snprintf(gone, sizeof(gone), "%s/gone", f->dir);
	snprintf(f->path, sizeof(f->path), "%s/answers.yaml", sub);
	assert_int_equal(mkdir(sub, 0700), 0);
	s = started(f);
	assert_int_equal(rename(sub, gone), 0);
	act_arg(s, YS_A_CHOOSE, 0);
	act(s, YS_A_QUIT);
	assert_int_equal(s->prompt, YS_PROMPT_QUIT_UNSAVED);
	act(s, YS_A_YES);
	assert_int_equal(s->outcome, YS_OUT_QUIT);
	assert_true(s->save_failed);
	ys_session_free(s);
	f->s = NULL;
	tu_rm_dir(gone);
}

static void test_interrupt_and_terminate(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);

	act(s, YS_A_NOTE);
	type(s, "half typed");
	act(s, YS_A_INTERRUPT);
	assert_int_equal(s->prompt, YS_PROMPT_CONFIRM_QUIT);
	act(s, YS_A_NO);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	assert_int_equal(s->outcome, YS_OUT_RUNNING);
	act(s, YS_A_INTERRUPT);
	act(s, YS_A_YES);
	assert_int_equal(s->outcome, YS_OUT_QUIT);
	/* nothing applies once the session is over */
	assert_false(act(s, YS_A_NEXT));
}

static void test_terminate_saves(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);
	char buf[32];

	act_arg(s, YS_A_CHOOSE, 1);
	act(s, YS_A_TERMINATE);
	assert_int_equal(s->outcome, YS_OUT_TERMINATED);
	assert_string_equal(file_answer(f, 0, buf, sizeof(buf)), "partly");
}

static void test_line_editor(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);

	act(s, YS_A_NOTE);
	type(s, "ab");
	type(s, "\xc3\xa9");            /* é, two bytes */
	type(s, "\xe6\xbc\xa2");        /* 漢, three bytes */
	assert_string_equal(s->line.buf, "ab\xc3\xa9\xe6\xbc\xa2");
	assert_int_equal(s->line.cursor, 7);
	act(s, YS_A_INPUT_BACKSPACE);
	assert_string_equal(s->line.buf, "ab\xc3\xa9");
	act(s, YS_A_INPUT_LEFT);
	assert_int_equal(s->line.cursor, 2);
	type(s, "X");
	assert_string_equal(s->line.buf, "abX\xc3\xa9");
	act(s, YS_A_INPUT_HOME);
	act(s, YS_A_INPUT_DELETE);
	assert_string_equal(s->line.buf, "bX\xc3\xa9");
	act(s, YS_A_INPUT_END);
	assert_false(act(s, YS_A_INPUT_RIGHT));
	assert_false(act(s, YS_A_INPUT_DELETE));
	/* control characters, ESC and bidi overrides never get in */
	type(s, "\x1b[31m\xe2\x80\xae\x07");
	assert_null(strchr(s->line.buf, 0x1b));
	assert_null(strstr(s->line.buf, "\xe2\x80\xae"));
	assert_null(strchr(s->line.buf, 0x07));
	act(s, YS_A_INPUT_KILL);
	assert_string_equal(s->line.buf, "");
	assert_false(act(s, YS_A_INPUT_BACKSPACE));
	act(s, YS_A_CANCEL);
	assert_null(s->a->responses[0].note);
}

static void test_profile_owner_and_actions(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);
	ys_answers *b;

	act(s, YS_A_PROFILE);
	assert_int_equal(s->screen, YS_SCR_PROFILE);
	assert_true(s->has_score);
	act(s, YS_A_DOWN);              /* risk */
	act(s, YS_A_OWNER);
	type(s, "Head of ICT");
	act(s, YS_A_SUBMIT);
	act(s, YS_A_ADD_ACTION);
	type(s, "Turn on MFA");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_ACTION_OWNER);
	type(s, "Sam");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_ACTION_DUE);
	type(s, "2027-02-30");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_ACTION_DUE);
	assert_true(s->status_error);
	act(s, YS_A_INPUT_KILL);
	type(s, "2027-03-31");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	assert_true(s->score.areas[1].has_owner);

	b = reread(f);
	assert_int_equal(b->n_areas, 1);
	assert_string_equal(b->areas[0].area_id, "risk");
	assert_string_equal(b->areas[0].owner, "Head of ICT");
	assert_int_equal(b->areas[0].n_actions, 1);
	assert_string_equal(b->areas[0].actions[0].text, "Turn on MFA");
	assert_string_equal(b->areas[0].actions[0].owner, "Sam");
	assert_string_equal(b->areas[0].actions[0].due, "2027-03-31");
	ys_answers_free(b);

	/* an owner for the first area keeps the areas in questionnaire order */
	act(s, YS_A_UP);
	act(s, YS_A_OWNER);
	type(s, "DPO");
	act(s, YS_A_SUBMIT);
	b = reread(f);
	assert_int_equal(b->n_areas, 2);
	assert_string_equal(b->areas[0].area_id, "data");
	ys_answers_free(b);

	/* deleting the action: select it (after the area's blockers), then
	 * confirm */
	act(s, YS_A_DOWN);
	while (act(s, YS_A_NEXT))
		;
	act(s, YS_A_DELETE_ACTION);
	assert_int_equal(s->prompt, YS_PROMPT_DELETE_ACTION);
	act(s, YS_A_YES);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	b = reread(f);
	assert_int_equal(b->areas[1].n_actions, 0);
	ys_answers_free(b);

	/* the export hook is optional */
	act(s, YS_A_EXPORT);
	assert_non_null(strstr(s->status, "yardstick scorecard"));
}

/* What the save-as seam is asked to do, and what it answers. */
struct save_as_calls {
	int calls;
	char path[256];
	const ys_answers *a;
	int rc;                 /* 0 succeeds */
	bool exists;
	const char *err;        /* copied into *err when not NULL */
};

static int fake_save_as(void *ctx, ys_store *store, const char *path,
			const ys_answers *a, bool *exists, char **err)
{
	struct save_as_calls *c = ctx;

	c->calls++;
	snprintf(c->path, sizeof(c->path), "%s", path);
	c->a = a;
	*exists = c->exists;
	*err = c->err ? ys_strdup(c->err) : NULL;
	if (c->rc != 0)
		return c->rc;
	/* An open store that was never on disk: the session only closes it. */
	memset(store, 0, sizeof(*store));
	store->lock_fd = -1;
	store->path = ys_strdup(path);
	assert_non_null(store->path);
	return 0;
}

/* Saving elsewhere goes through opts.save_as_fn: its refusals become
 * status messages, and on success the session saves to the new file.
 * No disk is touched: the session has no store of its own. */
static void test_save_as_hook(void **state)
{
	struct fx *f = *state;
	struct save_as_calls c;
	ys_session_opts o;
	ys_session *s;

	memset(&c, 0, sizeof(c));
	memset(&o, 0, sizeof(o));
	o.resume = true;
	o.save_as_fn = fake_save_as;
	o.save_as_ctx = &c;
	s = f->s = ys_session_new(f->q, ys_answers_new(f->q), NULL, &o);
	assert_non_null(s);
	assert_null(ys_session_path(s));
	act_arg(s, YS_A_CHOOSE, 2);

	/* an existing file is refused, and the prompt can be tried again */
	c.rc = 73;
	c.exists = true;
	act(s, YS_A_SAVE_ELSEWHERE);
	assert_int_equal(s->prompt, YS_PROMPT_SAVE_AS);
	assert_string_equal(s->line.buf, "");
	type(s, "  taken.yaml ");
	act(s, YS_A_SUBMIT);
	assert_int_equal(c.calls, 1);
	assert_string_equal(c.path, "taken.yaml");      /* trimmed */
	assert_ptr_equal(c.a, s->a);
	assert_true(s->status_error);
	assert_string_equal(s->status, "taken.yaml already exists; choose a new file name.");
	assert_null(ys_session_path(s));

	/* a failure names the file and the reason */
	c.exists = false;
	c.err = "cannot lock /x/new.yaml.lock: Permission denied";
	act(s, YS_A_SAVE_ELSEWHERE);
	type(s, "/x/new.yaml");
	act(s, YS_A_SUBMIT);
	assert_int_equal(c.calls, 2);
	assert_true(s->status_error);
	assert_string_equal(s->status, "Cannot save to /x/new.yaml: cannot lock "
			    "/x/new.yaml.lock: Permission denied");
	c.err = NULL;
	act(s, YS_A_SAVE_ELSEWHERE);
	type(s, "/x/new.yaml");
	act(s, YS_A_SUBMIT);
	assert_string_equal(s->status, "Cannot save to /x/new.yaml: the file cannot be written");
	assert_null(ys_session_path(s));

	/* an empty name does not reach the seam */
	act(s, YS_A_SAVE_ELSEWHERE);
	act(s, YS_A_SUBMIT);
	assert_int_equal(c.calls, 3);
	assert_int_equal(s->prompt, YS_PROMPT_SAVE_AS);
	assert_string_equal(s->status, "Type a file name to save to, or Esc to cancel.");
	act(s, YS_A_CANCEL);

	/* success: the session takes the new store over */
	c.rc = 0;
	act(s, YS_A_SAVE_ELSEWHERE);
	type(s, "/nonexistent-folder/answers.yaml");
	act(s, YS_A_SUBMIT);
	assert_int_equal(c.calls, 4);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	assert_false(s->status_error);
	assert_false(s->save_failed);
	assert_false(s->dirty);
	assert_string_equal(ys_session_path(s), "/nonexistent-folder/answers.yaml");
	assert_non_null(strstr(s->status, " to /nonexistent-folder/answers.yaml"));
	assert_int_equal(strncmp(s->status, "Saved ", 6), 0);
	assert_int_equal(c.a->responses[0].choice.kind, YS_ANS_OPTION);
}

struct export_calls {
	int calls;
	int refuse;             /* refuse this many calls as "exists" first */
	char format[16];
	char path[512];
};

static bool fake_export(void *ctx, const ys_questionnaire *q, const ys_answers *a,
			const char *format, const char *path, char **msg,
			bool *exists)
{
	struct export_calls *c = ctx;

	(void)q;
	(void)a;
	c->calls++;
	snprintf(c->format, sizeof(c->format), "%s", format);
	snprintf(c->path, sizeof(c->path), "%s", path);
	*exists = c->refuse > 0;
	if (c->refuse-- > 0) {
		*msg = ys_strdup("exists");
		return false;
	}
	*msg = ys_strdup(path);
	return true;
}

/* The format prompt's check, from the report's format table as the
 * interview does it. */
static bool table_format(const char *typed, const char **name, const char **ext)
{
	const ys_report_format_info *fi = ys_report_format_find(*typed ? typed : "text");

	if (!fi)
		return false;
	*name = fi->name;
	*ext = fi->ext;
	return true;
}

/* e asks for the format, then the file (a free name beside the answers
 * file, with the format's extension); a name that is taken keeps the
 * prompt open for another. */
static void test_export_hook(void **state)
{
	struct fx *f = *state;
	struct export_calls c;
	ys_session_opts o;
	char want[512];
	size_t stem;
	ys_session *s;

	memset(&c, 0, sizeof(c));
	c.refuse = 1;
	memset(&o, 0, sizeof(o));
	o.export_fn = fake_export;
	o.export_ctx = &c;
	o.export_format = table_format;
	o.export_formats = "text, markdown, csv, json or svg";
	s = f->s = open_session(f, ys_answers_new(f->q), &o);
	act(s, YS_A_LAST);
	act(s, YS_A_SELECT);
	act(s, YS_A_PROFILE);
	act(s, YS_A_EXPORT);
	assert_int_equal(s->prompt, YS_PROMPT_EXPORT_FORMAT);
	assert_string_equal(s->line.buf, "text");
	assert_string_equal(ys_session_prompt_label(s),
			    "Scorecard format (text, markdown, csv, json or svg)");
	act(s, YS_A_INPUT_KILL);
	type(s, "yaml");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_EXPORT_FORMAT);   /* unknown format */
	assert_true(s->status_error);
	assert_string_equal(s->status, "Unknown format 'yaml': type text, markdown, "
			    "csv, json or svg.");
	act(s, YS_A_INPUT_KILL);
	type(s, "json");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_EXPORT_PATH);
	stem = strlen(f->path) - strlen(".yaml");
	snprintf(want, sizeof(want), "%.*s-scorecard.json", (int)stem, f->path);
	assert_string_equal(s->line.buf, want);
	act(s, YS_A_SUBMIT);
	assert_int_equal(c.calls, 1);
	assert_string_equal(c.format, "json");
	assert_string_equal(c.path, want);
	assert_int_equal(s->prompt, YS_PROMPT_EXPORT_PATH);     /* taken: ask again */
	act(s, YS_A_INPUT_KILL);
	type(s, "other.json");
	act(s, YS_A_SUBMIT);
	assert_int_equal(c.calls, 2);
	assert_string_equal(c.path, "other.json");
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	assert_string_equal(s->status, "other.json");
	/* html by its alias: the canonical name, and a .html file. */
	act(s, YS_A_EXPORT);
	act(s, YS_A_INPUT_KILL);
	type(s, "htm");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_EXPORT_PATH);
	snprintf(want, sizeof(want), "%.*s-scorecard.html", (int)stem, f->path);
	assert_string_equal(s->line.buf, want);
	act(s, YS_A_SUBMIT);
	assert_int_equal(c.calls, 3);
	assert_string_equal(c.format, "html");
	assert_string_equal(c.path, want);
}

/* Enter on a fresh question records nothing until an option is chosen
 * with the arrows; digits still answer at once. */
static void test_no_option_in_advance(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);
	char buf[32];

	assert_int_equal(s->option, -1);
	assert_true(act(s, YS_A_SELECT));
	assert_int_equal(s->question, 0);
	assert_int_equal(ys_session_answered(s), 0);
	assert_false(s->status_error);
	assert_non_null(strstr(s->status, "Nothing recorded"));
	assert_string_equal(file_answer(f, 0, buf, sizeof(buf)), "(none)");
	act(s, YS_A_DOWN);
	assert_int_equal(s->option, 0);
	act(s, YS_A_SELECT);
	assert_string_equal(file_answer(f, 0, buf, sizeof(buf)), "no");
	/* the next question again starts with nothing chosen */
	assert_int_equal(s->question, 1);
	assert_int_equal(s->option, -1);
	act_arg(s, YS_A_CHOOSE, 1);
	assert_string_equal(file_answer(f, 1, buf, sizeof(buf)), "partly");
	/* going back shows the answer given as the selection */
	act(s, YS_A_PREV);
	assert_int_equal(s->option, 1);
}

/* Parking is said on the status line; an answer takes the question off
 * the parking list. */
static void test_park_status_and_answer(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);
	ys_answers *b;

	act(s, YS_A_PARK);
	assert_int_equal(s->question, 1);
	assert_non_null(strstr(s->status, "Question 1 parked for later"));
	act(s, YS_A_PREV);
	act(s, YS_A_PARK);
	assert_non_null(strstr(s->status, "Question 1 is no longer parked"));
	act(s, YS_A_PARK);
	act(s, YS_A_PREV);
	assert_true(s->a->responses[0].parked);
	act_arg(s, YS_A_CHOOSE, 2);
	assert_false(s->a->responses[0].parked);
	b = reread(f);
	assert_false(b->responses[0].parked);
	assert_string_equal(b->responses[0].answer, "yes");
	ys_answers_free(b);
	act(s, YS_A_REVIEW);
	assert_int_equal(s->n_review, 3);
	assert_int_equal(s->review[0].question, 1);
}

/* Resuming opens the first question neither answered nor parked; with
 * only parked ones left, the review list. */
static void test_resume_first_open(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);
	ys_session_opts o;

	act_arg(s, YS_A_CHOOSE, 0);     /* q1 answered */
	act(s, YS_A_PARK);              /* q2 parked */
	act(s, YS_A_QUIT);
	ys_session_free(s);
	memset(&o, 0, sizeof(o));
	o.resume = true;
	s = f->s = open_session(f, reread(f), &o);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
	assert_int_equal(s->question, 2);
	act(s, YS_A_PARK);
	act(s, YS_A_PARK);
	act(s, YS_A_QUIT);
	ys_session_free(s);
	s = f->s = open_session(f, reread(f), &o);
	assert_int_equal(s->screen, YS_SCR_REVIEW);
	assert_int_equal(s->n_review, 3);
}

/* Answering a question opened from the review list goes back to the
 * list; finishing an area or everything says so. */
static void test_review_return_and_finished(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);

	act(s, YS_A_DONT_KNOW);
	act_arg(s, YS_A_CHOOSE, 1);
	assert_non_null(strstr(s->status, "Area done: Data, 2 answered (1 don't know, 0 N/A)"));
	assert_non_null(strstr(s->status, "s shows the profile"));
	act(s, YS_A_REVIEW);
	assert_int_equal(s->n_review, 3);
	act(s, YS_A_DOWN);              /* r1 */
	act(s, YS_A_SELECT);
	assert_int_equal(s->question, 2);
	act_arg(s, YS_A_CHOOSE, 2);
	assert_int_equal(s->screen, YS_SCR_REVIEW);
	assert_int_equal(s->n_review, 2);
	assert_int_equal(s->review[s->row].question, 3);
	/* the last one missing finishes the questionnaire: the profile */
	act(s, YS_A_SELECT);
	act_arg(s, YS_A_CHOOSE, 2);
	assert_int_equal(s->screen, YS_SCR_PROFILE);
	assert_non_null(strstr(s->status, "All 4 questions answered"));
	/* moving on from a question opened from the list no longer returns */
	act(s, YS_A_REVIEW);
	act(s, YS_A_SELECT);
	act(s, YS_A_NEXT);
	act(s, YS_A_PREV);
	act(s, YS_A_DONT_KNOW);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
}

/* The profile lists the area's blockers, Enter goes to the selected one;
 * actions are edited and deleted (after a confirmation). */
static void test_profile_blockers_and_actions(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);
	size_t nb, n;
	ys_answers *b;

	act_arg(s, YS_A_CHOOSE, 2);     /* d1 yes */
	act_arg(s, YS_A_CHOOSE, 2);     /* d2 yes */
	act_arg(s, YS_A_CHOOSE, 0);     /* r1 no: a red flag */
	act(s, YS_A_PROFILE);
	assert_int_equal(s->row, 1);    /* the area of the current question */
	n = ys_session_profile_items(s, &nb);
	assert_true(nb >= 1);
	assert_int_equal(n, nb);
	assert_int_equal(s->score.areas[1].blockers.items[0], 2);
	act(s, YS_A_SELECT);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
	assert_int_equal(s->question, 2);
	act(s, YS_A_PROFILE);
	assert_int_equal(s->item, 0);
	assert_false(act(s, YS_A_PREV));
	/* - on a blocker deletes nothing */
	act(s, YS_A_DELETE_ACTION);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);

	/* add two actions, the second with a UK date */
	act(s, YS_A_ADD_ACTION);
	type(s, "Name a risk owner");
	act(s, YS_A_SUBMIT);
	act(s, YS_A_SUBMIT);
	act(s, YS_A_SUBMIT);
	act(s, YS_A_ADD_ACTION);
	type(s, "Write the policy");
	act(s, YS_A_SUBMIT);
	type(s, "Jo");
	act(s, YS_A_SUBMIT);
	type(s, "31/01/2027");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	assert_non_null(strstr(s->status, "Action added, due 2027-01-31"));
	n = ys_session_profile_items(s, &nb);
	assert_int_equal(n, nb + 2);

	/* edit the second: its fields are offered */
	while (act(s, YS_A_NEXT))
		;
	assert_int_equal(s->item, nb + 1);
	act(s, YS_A_SELECT);
	assert_int_equal(s->prompt, YS_PROMPT_ACTION_TEXT);
	assert_string_equal(s->line.buf, "Write the policy");
	assert_string_equal(ys_session_prompt_label(s), "Action");
	type(s, " today");
	act(s, YS_A_SUBMIT);
	assert_string_equal(s->line.buf, "Jo");
	act(s, YS_A_SUBMIT);
	assert_string_equal(s->line.buf, "2027-01-31");
	act(s, YS_A_INPUT_KILL);
	type(s, "29/02/2027");
	act(s, YS_A_SUBMIT);
	assert_true(s->status_error);
	assert_non_null(strstr(s->status, "February 2027 has 28 days"));
	act(s, YS_A_INPUT_KILL);
	type(s, "1/3/2027");
	act(s, YS_A_SUBMIT);
	assert_non_null(strstr(s->status, "Action changed"));
	b = reread(f);
	assert_int_equal(b->areas[0].n_actions, 2);
	assert_string_equal(b->areas[0].actions[1].text, "Write the policy today");
	assert_string_equal(b->areas[0].actions[1].owner, "Jo");
	assert_string_equal(b->areas[0].actions[1].due, "2027-03-01");
	ys_answers_free(b);

	/* delete the first: n keeps it, y deletes it */
	act(s, YS_A_PREV);
	assert_int_equal(s->item, nb);
	act(s, YS_A_DELETE_ACTION);
	assert_int_equal(s->prompt, YS_PROMPT_DELETE_ACTION);
	assert_false(ys_session_text_prompt(s));
	act(s, YS_A_NO);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	b = reread(f);
	assert_int_equal(b->areas[0].n_actions, 2);
	ys_answers_free(b);
	act(s, YS_A_DELETE_ACTION);
	act(s, YS_A_YES);
	b = reread(f);
	assert_int_equal(b->areas[0].n_actions, 1);
	assert_string_equal(b->areas[0].actions[0].text, "Write the policy today");
	ys_answers_free(b);

	/* another area starts at its first item */
	act(s, YS_A_UP);
	assert_int_equal(s->item, 0);
}

static void test_due_dates(void **state)
{
	char iso[11];

	(void)state;
	assert_null(ys_due_date_parse("31/01/2027", iso));
	assert_string_equal(iso, "2027-01-31");
	assert_null(ys_due_date_parse("1/2/2027", iso));
	assert_string_equal(iso, "2027-02-01");
	assert_null(ys_due_date_parse("2027-03-31", iso));
	assert_string_equal(iso, "2027-03-31");
	assert_null(ys_due_date_parse("29/02/2028", iso));
	assert_string_equal(ys_due_date_parse("29/02/2027", iso),
			    "That is not a date: February 2027 has 28 days.");
	assert_string_equal(ys_due_date_parse("31/04/2027", iso),
			    "That is not a date: April 2027 has 30 days.");
	assert_non_null(strstr(ys_due_date_parse("01/13/2027", iso), "month must be 1 to 12"));
	assert_non_null(strstr(ys_due_date_parse("2027-02-30", iso), "February 2027 has 28"));
	assert_non_null(ys_due_date_parse("31-01-2027", iso));
	assert_non_null(ys_due_date_parse("2027-1-5", iso));
	assert_non_null(ys_due_date_parse("31/01/27", iso));
	assert_non_null(ys_due_date_parse("31/01/2027x", iso));
	assert_non_null(ys_due_date_parse("", iso));
	assert_non_null(ys_due_date_parse("00/01/2027", iso));
}

/* With the format names, the export prompt is a list: arrows and digits
 * choose, Enter takes it. */
static void test_export_list(void **state)
{
	struct fx *f = *state;
	static const char *const names[] = {"text", "markdown", "csv", "json", "svg"};
	struct export_calls c;
	ys_session_opts o;
	ys_session *s;

	memset(&c, 0, sizeof(c));
	memset(&o, 0, sizeof(o));
	o.export_fn = fake_export;
	o.export_ctx = &c;
	o.export_format = table_format;
	o.export_names = names;
	o.n_export_names = 5;
	s = f->s = open_session(f, ys_answers_new(f->q), &o);
	act(s, YS_A_LAST);
	act(s, YS_A_SELECT);
	act(s, YS_A_PROFILE);
	act(s, YS_A_EXPORT);
	assert_int_equal(s->prompt, YS_PROMPT_EXPORT_FORMAT);
	assert_false(ys_session_text_prompt(s));
	assert_int_equal(s->export_choice, 0);
	act(s, YS_A_PREV);
	assert_int_equal(s->export_choice, 4);
	act(s, YS_A_NEXT);
	act(s, YS_A_NEXT);
	assert_int_equal(s->export_choice, 1);
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_EXPORT_PATH);
	assert_non_null(strstr(s->line.buf, "-scorecard.md"));
	act(s, YS_A_CANCEL);
	/* a digit picks at once; the last format is offered next time */
	act(s, YS_A_EXPORT);
	assert_int_equal(s->export_choice, 1);
	act_arg(s, YS_A_CHOOSE, 3);
	assert_int_equal(s->prompt, YS_PROMPT_EXPORT_PATH);
	assert_non_null(strstr(s->line.buf, "-scorecard.json"));
	act(s, YS_A_SUBMIT);
	assert_string_equal(c.format, "json");
}

static void test_help_screens(void **state)
{
	struct fx *f = *state;
	ys_session *s = started(f);

	act(s, YS_A_QHELP);
	assert_int_equal(s->screen, YS_SCR_QHELP);
	act(s, YS_A_DOWN);
	assert_int_equal(s->scroll, 1);
	act(s, YS_A_BACK);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
	act(s, YS_A_AREAS);
	act(s, YS_A_KEYS);
	assert_int_equal(s->screen, YS_SCR_KEYS);
	act(s, YS_A_SELECT);
	assert_int_equal(s->screen, YS_SCR_AREAS);
}

/* Out of memory at every step of a short interview: no crash, no leak,
 * and the session stays usable. */
static void test_allocation_failures(void **state)
{
	struct fx *f = *state;
	long n;

	for (n = 1; n < 200; n++) {
		ys_answers *a = ys_answers_new(f->q);
		ys_session *s;
		ys_store st;
		pid_t holder;
		char *err = NULL;

		assert_non_null(a);
		memset(&st, 0, sizeof(st));
		assert_int_equal(ys_store_open(&st, f->path, &holder, &err), 0);
		ys_alloc_fail_after(n);
		s = ys_session_new(f->q, a, &st, NULL);
		if (!s) {
			ys_alloc_fail_after(0);
			ys_answers_free(a);
			ys_store_close(&st);
			continue;
		}
		act(s, YS_A_LAST);
		act(s, YS_A_SELECT);
		act_arg(s, YS_A_CHOOSE, 1);
		act(s, YS_A_NOTE);
		type_any(s, "note");
		act(s, YS_A_SUBMIT);
		act(s, YS_A_NA);
		type_any(s, "why");
		act(s, YS_A_SUBMIT);
		act(s, YS_A_PROFILE);
		act(s, YS_A_OWNER);
		type_any(s, "owner");
		act(s, YS_A_SUBMIT);
		act(s, YS_A_ADD_ACTION);
		type_any(s, "do it");
		act(s, YS_A_SUBMIT);
		act(s, YS_A_SUBMIT);
		act(s, YS_A_SUBMIT);
		act(s, YS_A_REVIEW);
		ys_alloc_fail_after(0);
		act(s, YS_A_QUIT);
		ys_session_free(s);
		unlink(f->path);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
#define T(fn) cmocka_unit_test_setup_teardown(fn, setup, teardown)
		T(test_start_screen),
		T(test_start_other_questionnaire),
		T(test_start_carry),
		T(test_start_offer),
		T(test_no_option_in_advance),
		T(test_park_status_and_answer),
		T(test_resume_first_open),
		T(test_review_return_and_finished),
		T(test_profile_blockers_and_actions),
		T(test_due_dates),
		T(test_export_list),
		T(test_navigation),
		T(test_answering),
		T(test_dont_know_and_na),
		T(test_notes),
		T(test_park),
		T(test_review),
		T(test_area_menu),
		T(test_finish_to_profile),
		T(test_resume),
		T(test_changed_questionnaire),
		T(test_save_as_rebases_questionnaire_file),
		T(test_failed_save),
		T(test_quit_unsaved_yes),
		T(test_interrupt_and_terminate),
		T(test_terminate_saves),
		T(test_line_editor),
		T(test_profile_owner_and_actions),
		T(test_save_as_hook),
		T(test_export_hook),
		T(test_help_screens),
		T(test_allocation_failures),
#undef T
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
