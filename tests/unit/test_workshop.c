/* Unit tests for the workshop (the session state machine in workshop
 * mode): participants, hidden votes, undo, reveal, accept, override,
 * dissent notes, parking, the timer and time box on a fake clock, resuming
 * with votes part collected, and a merged file with contested questions.
 * Checked from the session state and from the answers file on disk, with
 * no terminal. */
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
#include "yardstick/consensus.h"
#include "yardstick/live.h"
#include "yardstick/live_page.h"
#include "yardstick/merge.h"
#include "yardstick/questionnaire.h"
#include "yardstick/session.h"
#include "yardstick/store.h"

/* Two areas; d1 and r1 have five options, d2 allows N/A. */
static const char qyaml[] =
	"yardstick: 1\n"
	"id: ws\n"
	"title: Workshop questionnaire\n"
	"version: \"1\"\n"
	"levels:\n"
	"  - name: Absent\n"
	"  - name: Initial\n"
	"  - name: Done\n"
	"answer_sets:\n"
	"  five:\n"
	"    - {key: none, label: \"None\", value: 0}\n"
	"    - {key: few, label: \"A few\", value: 0.25}\n"
	"    - {key: half, label: \"About half\", value: 0.5}\n"
	"    - {key: most, label: \"Most\", value: 0.75}\n"
	"    - {key: all, label: \"All\", value: 1}\n"
	"  yn:\n"
	"    - {key: \"no\", label: \"No\", value: 0}\n"
	"    - {key: \"yes\", label: \"Yes\", value: 1}\n"
	"areas:\n"
	"  - id: data\n"
	"    title: Data\n"
	"    questions:\n"
	"      - {id: d1, level: 1, text: First data question?, answers: five}\n"
	"      - {id: d2, level: 2, text: Second data question?, answers: yn, allow_na: true}\n"
	"  - id: risk\n"
	"    title: Risk\n"
	"    questions:\n"
	"      - {id: r1, level: 1, text: First risk question?, answers: five}\n"
	"      - {id: r2, level: 2, text: Second risk question?, answers: yn}\n";

static const char *const five[] = {"AB", "CD", "EF", "GH", "IJ"};

/* The fake clock: seconds, moved by the tests. */
static long fake_now;

static long fake_clock(void *ctx)
{
	(void)ctx;
	return fake_now;
}

struct fx {
	char dir[64];
	char path[256];
	ys_questionnaire *q;
	ys_session *s;
};

static int setup(void **state)
{
	struct fx *f = calloc(1, sizeof(*f));
	ys_diags d = {0};

	assert_non_null(f);
	setenv("YARDSTICK_NOW", "2026-11-21T10:00:00Z", 1);
	snprintf(f->dir, sizeof(f->dir), "/tmp/ys-workshop-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof(f->path), "%s/workshop.yaml", f->dir);
	f->q = ys_questionnaire_load_mem(qyaml, strlen(qyaml), "ws.yaml", &d);
	if (!f->q)
		ys_diags_print(&d, stderr, "test");
	ys_diags_free(&d);
	assert_non_null(f->q);
	fake_now = 1000;
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

static ys_session_opts wopts(bool resume, unsigned timebox)
{
	ys_session_opts o;

	memset(&o, 0, sizeof(o));
	o.resume = resume;
	o.workshop = true;
	o.timebox = timebox;
	o.clock = fake_clock;
	return o;
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

static bool act(ys_session *s, ys_action_type t)
{
	return ys_session_do(s, t);
}

static void act_arg(ys_session *s, ys_action_type t, long arg)
{
	ys_session_action a = {t, arg, NULL};

	ys_session_apply(s, &a);
}

static void type(ys_session *s, const char *text)
{
	ys_session_action a = {YS_A_INPUT_INSERT, 0, text};

	assert_true(ys_session_apply(s, &a));
}

static void vote(ys_session *s, long option)
{
	act_arg(s, YS_A_CHOOSE, option);
}

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

/* The vote of participant p on question i in the file, as its key, or
 * "-" for none. */
static void file_vote(struct fx *f, size_t i, const char *who, char *buf, size_t n)
{
	ys_answers *a = reread(f);
	const ys_response *r = &a->responses[i];
	size_t k;

	snprintf(buf, n, "-");
	for (k = 0; k < r->n_votes; k++)
		if (!strcmp(r->votes[k].participant, who))
			snprintf(buf, n, "%s", r->votes[k].answer);
	ys_answers_free(a);
}

/* A workshop with the five participants, begun, on the first question. */
static ys_session *begun(struct fx *f, unsigned timebox)
{
	ys_answers *a = ys_answers_new(f->q);
	ys_session_opts o = wopts(false, timebox);
	ys_session *s;

	assert_non_null(a);
	assert_true(ys_answers_set_participants(a, five, 5));
	s = f->s = open_session(f, a, &o);
	assert_true(s->workshop);
	assert_int_equal(s->screen, YS_SCR_START);
	act(s, YS_A_LAST);
	act(s, YS_A_SELECT);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
	assert_int_equal(s->question, 0);
	return s;
}

/* Votes on the current question, one per participant in order: option
 * indexes, or -1 don't know, -2 N/A. */
static void votes(ys_session *s, const long *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (v[i] == -1)
			act(s, YS_A_DONT_KNOW);
		else if (v[i] == -2)
			act(s, YS_A_NA);
		else
			vote(s, v[i]);
	}
}

static void test_start_screen(void **state)
{
	struct fx *f = *state;
	ys_answers *a = ys_answers_new(f->q);
	ys_session_opts o = wopts(false, 0);
	ys_session *s;
	struct stat st;
	ys_answers *back;

	assert_non_null(a);
	s = f->s = open_session(f, a, &o);
	assert_int_equal(s->a->mode, YS_MODE_WORKSHOP);
	assert_int_equal(ys_session_start_rows(s), 6);
	assert_int_equal(ys_session_start_field(s, 0), YS_START_ORG);
	assert_int_equal(ys_session_start_field(s, 1), YS_START_PARTICIPANTS);
	assert_int_equal(ys_session_start_field(s, 2), YS_START_TARGET);
	assert_int_equal(ys_session_start_field(s, 3), YS_START_TIMEBOX);
	assert_int_equal(ys_session_start_field(s, 4), YS_START_QUESTIONNAIRE);
	assert_int_equal(ys_session_start_field(s, 5), YS_START_BEGIN);

	/* No participants: the workshop cannot begin. */
	act(s, YS_A_LAST);
	act(s, YS_A_SELECT);
	assert_int_equal(s->screen, YS_SCR_START);
	assert_true(s->status_error);
	assert_int_equal(ys_session_start_field(s, s->row), YS_START_PARTICIPANTS);
	assert_int_not_equal(stat(f->path, &st), 0);

	/* Duplicates are refused (letter case aside); the prompt stays. */
	act(s, YS_A_SELECT);
	assert_int_equal(s->prompt, YS_PROMPT_PARTICIPANTS);
	type(s, "AB, CD, ,ab");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_PARTICIPANTS);
	assert_true(s->status_error);
	assert_non_null(strstr(s->status, "named twice"));
	assert_int_equal(s->a->n_participants, 0);
	act(s, YS_A_INPUT_KILL);
	type(s, " AB , CD,EF ,, Jo Bloggs");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	assert_int_equal(s->a->n_participants, 4);
	assert_string_equal(s->a->participants[0], "AB");
	assert_string_equal(s->a->participants[2], "EF");
	assert_string_equal(s->a->participants[3], "Jo Bloggs");

	/* The time box: Left/Right in steps of 5, or typed. */
	act(s, YS_A_DOWN);
	act(s, YS_A_DOWN);
	assert_int_equal(ys_session_start_field(s, s->row), YS_START_TIMEBOX);
	act(s, YS_A_NEXT);
	act(s, YS_A_NEXT);
	assert_int_equal(s->timebox, 10);
	act(s, YS_A_PREV);
	assert_int_equal(s->timebox, 5);
	act(s, YS_A_SELECT);
	assert_int_equal(s->prompt, YS_PROMPT_TIMEBOX);
	act(s, YS_A_INPUT_KILL);
	type(s, "ten");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_TIMEBOX);
	assert_true(s->status_error);
	act(s, YS_A_INPUT_KILL);
	type(s, "12");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	assert_int_equal(s->timebox, 12);

	act(s, YS_A_LAST);
	act(s, YS_A_SELECT);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
	back = reread(f);
	assert_int_equal(back->mode, YS_MODE_WORKSHOP);
	assert_int_equal(back->n_participants, 4);
	assert_string_equal(back->participants[3], "Jo Bloggs");
	ys_answers_free(back);
}

static void test_votes_hidden_then_revealed(void **state)
{
	struct fx *f = *state;
	ys_session *s = begun(f, 0);
	char buf[32];
	ys_answers *back;

	assert_false(ys_session_revealed(s));
	assert_int_equal(s->voter, 0);
	vote(s, 3);                     /* AB: most */
	assert_int_equal(s->voter, 1);
	assert_false(ys_session_revealed(s));
	/* Saved at once, before the reveal. */
	file_vote(f, 0, "AB", buf, sizeof(buf));
	assert_string_equal(buf, "most");
	back = reread(f);
	assert_null(back->responses[0].answer);
	assert_int_equal(back->responses[0].n_votes, 1);
	ys_answers_free(back);

	vote(s, 1);                     /* CD: few */
	vote(s, 4);                     /* EF: all */
	/* Enter before everyone has voted does not reveal. */
	act(s, YS_A_SELECT);
	assert_false(ys_session_revealed(s));
	assert_non_null(strstr(s->status, "3 of 5 have voted"));
	act(s, YS_A_DONT_KNOW);         /* GH */
	vote(s, 2);                     /* IJ: half */
	assert_int_equal(s->voter, 5);
	assert_int_equal(ys_session_votes_cast(s, 0), 5);
	/* A sixth vote has nobody to go to. */
	vote(s, 0);
	assert_int_equal(ys_session_votes_cast(s, 0), 5);
	assert_int_equal(ys_session_vote(s, 0, 4).option, 2);

	act(s, YS_A_SELECT);            /* everyone voted: Enter reveals */
	assert_true(ys_session_revealed(s));
	assert_int_equal(s->question, 0);
	/* Accept the proposal: option votes 1, 2, 3, 4 give the lower
	 * median 2 (half); few..all is 3 steps: contested. */
	act(s, YS_A_SELECT);
	assert_int_equal(s->question, 1);
	assert_false(ys_session_revealed(s));
	back = reread(f);
	assert_string_equal(back->responses[0].answer, "half");
	assert_true(back->responses[0].contested);
	assert_int_equal(back->responses[0].n_votes, 5);
	assert_string_equal(back->responses[0].votes[3].participant, "GH");
	assert_string_equal(back->responses[0].votes[3].answer, "dont-know");
	ys_answers_free(back);
	assert_non_null(strstr(s->status, "agreed: About half (contested)"));
}

static void test_reveal_early_and_not_contested(void **state)
{
	struct fx *f = *state;
	ys_session *s = begun(f, 0);
	ys_answers *back;
	static const long v[] = {3, 4};

	votes(s, v, 2);
	act(s, YS_A_REVEAL);
	assert_true(ys_session_revealed(s));
	/* Vote keys now choose the answer instead of voting. */
	assert_int_equal(ys_session_votes_cast(s, 0), 2);
	act(s, YS_A_UNDO_VOTE);
	assert_int_equal(ys_session_votes_cast(s, 0), 2);
	act(s, YS_A_SELECT);
	back = reread(f);
	assert_string_equal(back->responses[0].answer, "most");
	assert_false(back->responses[0].contested);
	ys_answers_free(back);

	/* No votes at all: reveal, then Enter has nothing to accept. */
	assert_int_equal(s->question, 1);
	act(s, YS_A_REVEAL);
	assert_true(ys_session_revealed(s));
	act(s, YS_A_SELECT);
	assert_int_equal(s->question, 1);
	assert_null(s->a->responses[1].answer);
}

static void test_undo(void **state)
{
	struct fx *f = *state;
	ys_session *s = begun(f, 0);
	char buf[32];
	static const long v[] = {0, 1, 2};

	act(s, YS_A_UNDO_VOTE);         /* nothing to take back */
	assert_int_equal(ys_session_votes_cast(s, 0), 0);
	votes(s, v, 3);
	assert_int_equal(s->voter, 3);
	act(s, YS_A_UNDO_VOTE);
	assert_int_equal(s->voter, 2);
	assert_int_equal(ys_session_votes_cast(s, 0), 2);
	file_vote(f, 0, "EF", buf, sizeof(buf));
	assert_string_equal(buf, "-");
	vote(s, 4);                     /* EF again */
	file_vote(f, 0, "EF", buf, sizeof(buf));
	assert_string_equal(buf, "all");
	act(s, YS_A_UNDO_VOTE);
	act(s, YS_A_UNDO_VOTE);
	assert_int_equal(s->voter, 1);
	file_vote(f, 0, "CD", buf, sizeof(buf));
	assert_string_equal(buf, "-");
	file_vote(f, 0, "AB", buf, sizeof(buf));
	assert_string_equal(buf, "none");

	/* Up/Down mark another participant, whose vote is then replaced. */
	act(s, YS_A_UP);
	assert_int_equal(s->voter, 0);
	vote(s, 3);
	file_vote(f, 0, "AB", buf, sizeof(buf));
	assert_string_equal(buf, "most");
	assert_int_equal(s->voter, 1);  /* the next without a vote */
	act(s, YS_A_UNDO_VOTE);
	file_vote(f, 0, "AB", buf, sizeof(buf));
	assert_string_equal(buf, "-");
	assert_int_equal(s->voter, 0);
}

static void test_override(void **state)
{
	struct fx *f = *state;
	ys_session *s = begun(f, 0);
	ys_answers *back;
	static const long v1[] = {0, 0, 1, 4, 4};
	static const long v2[] = {1, 1, -2, 0, -1};

	votes(s, v1, 5);
	act(s, YS_A_REVEAL);
	/* Proposal: few (lower median of 0 0 1 4 4 is 1); the room chooses
	 * most instead. */
	vote(s, 3);
	assert_int_equal(s->question, 1);
	back = reread(f);
	assert_string_equal(back->responses[0].answer, "most");
	assert_true(back->responses[0].contested);
	ys_answers_free(back);

	/* d2 allows N/A: an N/A vote counts; choosing N/A asks a reason. */
	votes(s, v2, 5);
	assert_int_equal(ys_session_vote(s, 1, 2).kind, YS_ANS_NA);
	act(s, YS_A_REVEAL);
	act(s, YS_A_NA);
	assert_int_equal(s->prompt, YS_PROMPT_NA_REASON);
	type(s, "No such service");
	act(s, YS_A_SUBMIT);
	assert_int_equal(s->question, 2);
	back = reread(f);
	assert_string_equal(back->responses[1].answer, "n/a");
	assert_string_equal(back->responses[1].na_reason, "No such service");
	/* no..yes is one step: not contested. */
	assert_false(back->responses[1].contested);
	ys_answers_free(back);

	/* Going back to a settled question shows it revealed; don't know
	 * replaces the answer. */
	act(s, YS_A_PREV);
	assert_int_equal(s->question, 1);
	assert_true(ys_session_revealed(s));
	act(s, YS_A_DONT_KNOW);
	back = reread(f);
	assert_string_equal(back->responses[1].answer, "dont-know");
	assert_null(back->responses[1].na_reason);
	ys_answers_free(back);
}

static void test_na_votes(void **state)
{
	struct fx *f = *state;
	ys_session *s = begun(f, 0);
	ys_answers *back;
	static const long all_na[] = {-2, -2, -2, -2, -2};

	/* d1 does not allow N/A: the vote is refused. */
	act(s, YS_A_NA);
	assert_int_equal(ys_session_votes_cast(s, 0), 0);
	assert_int_equal(s->prompt, YS_PROMPT_NONE);
	assert_true(s->status_error);
	act(s, YS_A_NEXT);
	assert_int_equal(s->question, 1);
	votes(s, all_na, 5);
	act(s, YS_A_SELECT);
	act(s, YS_A_SELECT);
	back = reread(f);
	assert_string_equal(back->responses[1].answer, "n/a");
	assert_string_equal(back->responses[1].na_reason, "Every participant answered N/A.");
	ys_answers_free(back);
}

static void test_dissent_note(void **state)
{
	struct fx *f = *state;
	ys_session *s = begun(f, 0);
	ys_answers *back;
	static const long v[] = {0, 4, 4, 4, 4};

	votes(s, v, 5);
	act(s, YS_A_REVEAL);
	act(s, YS_A_DISSENT);
	assert_int_equal(s->prompt, YS_PROMPT_DISSENT);
	type(s, "AB: nobody owns the backups");
	act(s, YS_A_SUBMIT);
	assert_string_equal(s->a->responses[0].note, "Dissent: AB: nobody owns the backups");
	/* An empty dissent changes nothing. */
	act(s, YS_A_DISSENT);
	act(s, YS_A_SUBMIT);
	assert_string_equal(s->a->responses[0].note, "Dissent: AB: nobody owns the backups");
	act(s, YS_A_DISSENT);
	type(s, "CD too");
	act(s, YS_A_SUBMIT);
	act(s, YS_A_SELECT);
	back = reread(f);
	assert_string_equal(back->responses[0].note,
			    "Dissent: AB: nobody owns the backups\nDissent: CD too");
	assert_string_equal(back->responses[0].answer, "all");
	assert_true(back->responses[0].contested);
	ys_answers_free(back);
}

/* A second round on a question already settled, after a dissent note:
 * the votes move to the rounds (nothing lost), the note stays, and the
 * question is unsettled again, so it is back on the review's counts and
 * the scorecard is provisional until it is agreed again. */
static void test_second_round_after_settling(void **state)
{
	struct fx *f = *state;
	ys_session *s = begun(f, 0);
	ys_answers *back;
	static const long v[] = {0, 4, 4, 4, 4}, again[] = {3, 3, 3, 3, 3};
	size_t i, unsettled_before = 0, unsettled_after = 0;

	votes(s, v, 5);
	act(s, YS_A_REVEAL);
	act(s, YS_A_DISSENT);
	type(s, "AB: nobody owns it");
	act(s, YS_A_SUBMIT);
	act(s, YS_A_SELECT);
	assert_int_equal(s->question, 1);
	assert_true(ys_answer_is_settled(s->a, 0));
	assert_int_equal(ys_session_contested(s), 0);
	act(s, YS_A_REVIEW);
	for (i = 0; i < s->n_review; i++)
		unsettled_before += !!(s->review[i].flags & YS_REV_UNANSWERED);
	act(s, YS_A_BACK);
	/* Back to it: settled, its votes shown; V votes again. */
	act(s, YS_A_PREV);
	assert_int_equal(s->question, 0);
	assert_true(ys_session_revealed(s));
	act(s, YS_A_NEW_ROUND);
	assert_false(ys_session_revealed(s));
	assert_false(ys_answer_is_settled(s->a, 0));
	assert_int_equal(ys_session_votes_cast(s, 0), 0);
	assert_int_equal(ys_session_contested(s), 0);
	back = reread(f);
	assert_int_equal(back->responses[0].n_rounds, 1);
	assert_int_equal(back->responses[0].rounds[0].n_votes, 5);
	assert_int_equal(back->responses[0].n_votes, 0);
	assert_false(ys_answer_is_settled(back, 0));
	assert_string_equal(back->responses[0].note, "Dissent: AB: nobody owns it");
	/* The earlier answer stays in the file until the room agrees again. */
	assert_string_equal(back->responses[0].answer, "all");
	ys_answers_free(back);
	act(s, YS_A_REVIEW);
	for (i = 0; i < s->n_review; i++)
		unsettled_after += !!(s->review[i].flags & YS_REV_UNANSWERED);
	assert_int_equal(unsettled_after, unsettled_before + 1);
	act(s, YS_A_BACK);
	/* The second round is agreed: settled again, both rounds kept. */
	votes(s, again, 5);
	act(s, YS_A_REVEAL);
	act(s, YS_A_SELECT);
	back = reread(f);
	assert_true(ys_answer_is_settled(back, 0));
	assert_string_equal(back->responses[0].answer, "most");
	assert_int_equal(back->responses[0].n_rounds, 1);
	assert_int_equal(back->responses[0].n_votes, 5);
	assert_string_equal(back->responses[0].note, "Dissent: AB: nobody owns it");
	ys_answers_free(back);
}

static void test_park_and_review(void **state)
{
	struct fx *f = *state;
	ys_session *s = begun(f, 0);
	ys_answers *back;
	static const long v[] = {0, 4, 4};
	size_t i;
	bool parked = false, contested = false, voting = false;

	votes(s, v, 3);
	act(s, YS_A_PARK);
	assert_int_equal(s->question, 1);
	back = reread(f);
	assert_true(back->responses[0].parked);
	assert_int_equal(back->responses[0].n_votes, 3);
	ys_answers_free(back);
	/* Back to it: the votes are still hidden, collection goes on. */
	act(s, YS_A_PREV);
	assert_false(ys_session_revealed(s));
	assert_int_equal(s->voter, 3);
	act(s, YS_A_PARK);              /* unpark: stays */
	assert_int_equal(s->question, 0);
	assert_false(s->a->responses[0].parked);
	act(s, YS_A_PARK);
	act(s, YS_A_NEXT);
	/* r1: contested and settled. */
	assert_int_equal(s->question, 2);
	votes(s, v, 3);
	act(s, YS_A_REVEAL);
	act(s, YS_A_SELECT);
	act(s, YS_A_REVIEW);
	assert_int_equal(s->screen, YS_SCR_REVIEW);
	for (i = 0; i < s->n_review; i++) {
		if (s->review[i].question == 0) {
			parked = s->review[i].flags & YS_REV_PARKED;
			voting = s->review[i].flags & YS_REV_VOTING;
		}
		if (s->review[i].question == 2)
			contested = s->review[i].flags & YS_REV_CONTESTED;
	}
	assert_true(parked);
	assert_true(voting);
	/* Settled in the room: off the review's contested count, though
	 * the file keeps it contested for the scorecard. */
	assert_false(contested);
	assert_true(s->a->responses[2].contested);
	assert_true(s->a->responses[2].settled);
}

static void test_resume_partial_votes(void **state)
{
	struct fx *f = *state;
	ys_session *s = begun(f, 0);
	ys_session_opts o = wopts(true, 0);
	static const long v[] = {2, 3};
	char buf[32];

	votes(s, v, 2);
	act(s, YS_A_QUIT);
	assert_int_equal(s->outcome, YS_OUT_QUIT);
	ys_session_free(s);
	f->s = NULL;

	s = f->s = open_session(f, reread(f), &o);
	assert_int_equal(s->screen, YS_SCR_QUESTION);
	assert_int_equal(s->question, 0);
	assert_false(ys_session_revealed(s));
	assert_int_equal(s->voter, 2);
	assert_int_equal(ys_session_votes_cast(s, 0), 2);
	assert_non_null(strstr(s->status, "2 votes on this question are recorded and hidden"));
	/* Backspace with nothing recorded in this sitting takes back the
	 * vote before the next voter. */
	act(s, YS_A_UNDO_VOTE);
	assert_int_equal(s->voter, 1);
	file_vote(f, 0, "CD", buf, sizeof(buf));
	assert_string_equal(buf, "-");
	vote(s, 2);
	vote(s, 2);
	assert_int_equal(s->voter, 3);
}

/* An interview file for the merge, by participant who, with answers to
 * d1 and r1. */
static ys_answers *interview(struct fx *f, const char *who, int d1, int r1)
{
	ys_answers *a = ys_answers_new(f->q);

	assert_non_null(a);
	assert_true(ys_answers_set_string(&a->organisation, "Anytown"));
	a->assessors = ys_calloc(1, sizeof(char *));
	assert_non_null(a->assessors);
	a->assessors[0] = ys_strdup(who);
	a->n_assessors = 1;
	assert_true(ys_answers_set_choice(a, f->q, 0, (ys_choice){YS_ANS_OPTION, d1}));
	assert_true(ys_answers_set_choice(a, f->q, 2, (ys_choice){YS_ANS_OPTION, r1}));
	return a;
}

static void test_merged_file(void **state)
{
	struct fx *f = *state;
	ys_merge *m = ys_merge_new(f->q);
	ys_diags d = {0};
	ys_answers *merged, *back;
	ys_session_opts o = wopts(true, 0);
	ys_session *s;
	size_t i, unsettled = 0;
	static const int d1[] = {1, 1, 2}, r1[] = {0, 4, 2};
	static const char *const who[] = {"AB", "CD", "EF"};

	assert_non_null(m);
	for (i = 0; i < 3; i++) {
		ys_answers *a = interview(f, who[i], d1[i], r1[i]);

		assert_true(ys_merge_add(m, a, who[i], &d));
		ys_answers_free(a);
	}
	merged = ys_merge_finish(m, NULL);
	ys_merge_free(m);
	ys_diags_free(&d);
	assert_non_null(merged);
	assert_true(merged->responses[2].contested);
	assert_false(merged->responses[0].contested);

	s = f->s = open_session(f, merged, &o);
	/* The merge's answers are proposals, none settled: the first
	 * question is the first to settle, its proposal shown. */
	assert_int_equal(s->screen, YS_SCR_QUESTION);
	assert_int_equal(s->question, 0);
	assert_true(ys_session_revealed(s));
	assert_int_equal(ys_session_answered(s), 0);
	assert_non_null(strstr(s->status, "1 contested"));
	/* The contested question from the review list: the votes are in and
	 * shown, the merge's proposal can be accepted or overridden. */
	act(s, YS_A_REVIEW);
	for (i = 0; i < s->n_review; i++)
		unsettled += !!(s->review[i].flags & YS_REV_UNANSWERED);
	assert_int_equal(unsettled, f->q->n_questions);
	for (i = 0; i < s->n_review; i++)
		if (s->review[i].flags & YS_REV_CONTESTED)
			break;
	assert_true(i < s->n_review);
	assert_int_equal(s->review[i].question, 2);
	act_arg(s, YS_A_JUMP, (long)i);
	assert_int_equal(s->question, 2);
	assert_true(ys_session_revealed(s));
	assert_string_equal(s->a->responses[2].answer, "half");
	vote(s, 1);                     /* the room settles on "few" */
	back = reread(f);
	assert_string_equal(back->responses[2].answer, "few");
	assert_true(back->responses[2].contested);
	assert_true(back->responses[2].settled);
	assert_false(back->responses[0].settled);
	assert_int_equal(back->responses[2].n_votes, 3);
	ys_answers_free(back);
	/* Settled: off the review's contested count, one fewer to settle. */
	assert_int_equal(ys_session_contested(s), 0);
	assert_int_equal(ys_session_answered(s), 1);
	/* The review screen's counts: one fewer unsettled, none contested. */
	act(s, YS_A_REVIEW);
	{
		size_t un = 0, ct = 0;

		for (i = 0; i < s->n_review; i++) {
			un += !!(s->review[i].flags & YS_REV_UNANSWERED);
			ct += !!(s->review[i].flags & YS_REV_CONTESTED);
		}
		assert_int_equal(un, unsettled - 1);
		assert_int_equal(ct, 0);
	}
}

static void test_timer_and_timebox(void **state)
{
	struct fx *f = *state;
	ys_session *s;
	static const long v[] = {1, 1, 1, 1, 1};

	fake_now = 5000;
	s = begun(f, 1);
	assert_int_equal(ys_session_question_seconds(s), 0);
	assert_int_equal(ys_session_area_left(s, 0), 60);
	fake_now += 45;
	assert_int_equal(ys_session_question_seconds(s), 45);
	assert_int_equal(ys_session_area_left(s, 0), 15);
	assert_int_equal(ys_session_area_left(s, 1), 60);
	votes(s, v, 5);
	act(s, YS_A_SELECT);
	act(s, YS_A_SELECT);
	/* A new question: its timer starts again; the area's time goes on. */
	assert_int_equal(s->question, 1);
	assert_int_equal(ys_session_question_seconds(s), 0);
	fake_now += 30;
	assert_int_equal(ys_session_area_left(s, 0), -15);
	/* Time on the other area's questions is charged to that area. */
	act(s, YS_A_NEXT);
	fake_now += 20;
	assert_int_equal(ys_session_area_left(s, 0), -15);
	assert_int_equal(ys_session_area_left(s, 1), 40);
	assert_int_equal(ys_session_question_seconds(s), 20);
}

static void test_answers_setters(void **state)
{
	struct fx *f = *state;
	ys_answers *a = ys_answers_new(f->q);
	static const char *const dup[] = {"AB", "ab"};
	static const char *const blank[] = {"AB", "  "};
	static const char *const three[] = {"AB", "CD", "EF"};
	static const char *const two[] = {"CD", " AB "};

	assert_non_null(a);
	assert_false(ys_answers_set_participants(a, dup, 2));
	assert_false(ys_answers_set_participants(a, blank, 2));
	assert_int_equal(a->n_participants, 0);
	assert_true(ys_answers_set_participants(a, three, 3));
	/* Votes in participants order whatever the order recorded. */
	assert_true(ys_answers_set_vote(a, f->q, 0, 2, (ys_choice){YS_ANS_OPTION, 4}));
	assert_true(ys_answers_set_vote(a, f->q, 0, 0, (ys_choice){YS_ANS_DONT_KNOW, -1}));
	assert_true(ys_answers_set_vote(a, f->q, 0, 1, (ys_choice){YS_ANS_OPTION, 1}));
	assert_int_equal(a->responses[0].n_votes, 3);
	assert_string_equal(a->responses[0].votes[0].participant, "AB");
	assert_string_equal(a->responses[0].votes[1].answer, "few");
	assert_string_equal(a->responses[0].votes[2].answer, "all");
	/* Out of range, and N/A where the question does not allow it. */
	assert_false(ys_answers_set_vote(a, f->q, 0, 3, (ys_choice){YS_ANS_OPTION, 1}));
	assert_false(ys_answers_set_vote(a, f->q, 0, 0, (ys_choice){YS_ANS_OPTION, 5}));
	assert_false(ys_answers_set_vote(a, f->q, 0, 0, (ys_choice){YS_ANS_NA, -1}));
	assert_true(ys_answers_set_vote(a, f->q, 1, 0, (ys_choice){YS_ANS_NA, -1}));
	/* Removing, and a participant dropped from the list loses votes. */
	assert_true(ys_answers_set_vote(a, f->q, 0, 1, (ys_choice){YS_ANS_NONE, -1}));
	assert_int_equal(a->responses[0].n_votes, 2);
	assert_int_equal(ys_answers_find_vote(a, 0, 1), -1);
	assert_true(ys_answers_set_participants(a, two, 2));
	assert_string_equal(a->participants[1], "AB");
	assert_int_equal(a->responses[0].n_votes, 1);
	assert_string_equal(a->responses[0].votes[0].participant, "AB");
	assert_true(ys_answers_set_contested(a, 0, true));
	assert_true(a->responses[0].contested);
	ys_answers_free(a);
}

/* Every allocation failing in turn while votes are recorded, revealed and
 * accepted: nothing crashes or leaks, and what was saved reads back. */
static void test_out_of_memory(void **state)
{
	struct fx *f = *state;
	long n;
	static const long v[] = {0, 4, 2, 1, 3};

	for (n = 1;; n++) {
		ys_session *s = begun(f, 5);
		ys_answers *back;
		long before = ys_alloc_count(), used;

		ys_alloc_fail_after(n);
		votes(s, v, 5);
		act(s, YS_A_UNDO_VOTE);
		vote(s, 3);
		act(s, YS_A_REVEAL);
		act(s, YS_A_DISSENT);
		type(s, "EF disagrees");
		act(s, YS_A_SUBMIT);
		act(s, YS_A_SELECT);
		ys_alloc_fail_after(0);
		used = ys_alloc_count() - before;
		ys_session_free(s);
		f->s = NULL;
		back = reread(f);
		if (used < n) {
			/* No allocation failed: everything went through. */
			assert_string_equal(back->responses[0].answer, "half");
			assert_string_equal(back->responses[0].note, "Dissent: EF disagrees");
			ys_answers_free(back);
			break;
		}
		ys_answers_free(back);
		unlink(f->path);
	}
	assert_true(n > 20);
}

/* One parser for the time box, on the command line and the start
 * screen: whole minutes, digits only, 0 to YS_TIMEBOX_MAX. */
static void test_timebox_parse(void **state)
{
	unsigned v = 7;

	(void)state;
	assert_true(ys_timebox_parse("0", &v));
	assert_int_equal(v, 0);
	assert_true(ys_timebox_parse("15", &v));
	assert_int_equal(v, 15);
	assert_true(ys_timebox_parse("600", &v));
	assert_int_equal(v, YS_TIMEBOX_MAX);
	v = 7;
	assert_false(ys_timebox_parse("601", &v));
	assert_false(ys_timebox_parse("", &v));
	assert_false(ys_timebox_parse("-1", &v));
	assert_false(ys_timebox_parse("+5", &v));
	assert_false(ys_timebox_parse(" 5", &v));
	assert_false(ys_timebox_parse("5 ", &v));
	assert_false(ys_timebox_parse("5m", &v));
	assert_false(ys_timebox_parse("99999999999999999999", &v));
	assert_int_equal(v, 7);
}

/* ---- Live workshop: devices join and vote through the session ---- */

static long fake_minute_now;
static long fake_minute(void)
{
	return fake_minute_now;
}

static ys_session *live_session(struct fx *f)
{
	ys_session *s = begun(f, 0);
	char **addrs = ys_calloc(2, sizeof(*addrs));

	assert_non_null(addrs);
	addrs[0] = ys_strdup("192.0.2.1");
	addrs[1] = ys_strdup("2001:db8::1");
	assert_true(ys_session_live_setup(s, "ABCDEFGHJ", 8080, false, addrs, 2));
	s->live->minute = fake_minute;
	fake_minute_now = 7;
	return s;
}

static void test_live_join(void **state)
{
	struct fx *f = *state;
	ys_session *s = live_session(f);
	char url[128], tok[33], tok2[33];
	int i;

	ys_session_join_url(s, url, sizeof(url));
	assert_string_equal(url, "http://192.0.2.1:8080/j/ABCDEFGHJ");
	/* The join screen cycles the addresses. */
	act(s, YS_A_JOIN_SCREEN);
	assert_int_equal(s->screen, YS_SCR_JOIN);
	act(s, YS_A_NEXT_ADDRESS);
	ys_session_join_url(s, url, sizeof(url));
	assert_string_equal(url, "http://[2001:db8::1]:8080/j/ABCDEFGHJ");
	act(s, YS_A_BACK);
	assert_int_equal(s->screen, YS_SCR_QUESTION);

	/* Wrong codes are counted per address and minute. */
	for (i = 0; i < YS_LIVE_MAX_WRONG_CODES; i++)
		assert_int_equal(ys_session_live_check_code(s, "10.0.0.9", "ZZZZZZZZZ"),
				 YS_LIVE_WRONG_CODE);
	assert_int_equal(ys_session_live_check_code(s, "10.0.0.9", "ABCDEFGHJ"), YS_LIVE_LIMITED);
	assert_int_equal(ys_session_live_check_code(s, "10.0.0.9", ""), YS_LIVE_LIMITED);
	assert_int_equal(ys_session_live_check_code(s, "10.0.0.8", "ABCDEFGHJ"), YS_LIVE_OK);
	fake_minute_now++;
	assert_int_equal(ys_session_live_check_code(s, "10.0.0.9", "ABCDEFGHJ"), YS_LIVE_OK);
	assert_int_equal(ys_session_live_check_code(s, "10.0.0.9", ""), YS_LIVE_WRONG_CODE);

	/* A name is claimed once. */
	assert_int_equal(ys_session_live_join(s, "0", tok), YS_LIVE_OK);
	assert_true(ys_live_token_valid(tok));
	assert_true(ys_session_live_joined(s, 0));
	assert_int_equal(ys_session_live_who(s, tok), 0);
	assert_int_equal(ys_session_live_join(s, "0", tok2), YS_LIVE_TAKEN);
	assert_int_equal(ys_session_live_join(s, "5", tok2), YS_LIVE_NO_NAME);
	assert_int_equal(ys_session_live_join(s, "-1", tok2), YS_LIVE_NO_NAME);
	assert_int_equal(ys_session_live_join(s, "0x1", tok2), YS_LIVE_NO_NAME);
	assert_int_equal(ys_session_live_join(s, "", tok2), YS_LIVE_NO_NAME);
	assert_int_equal(ys_session_live_who(s, "0123456789abcdef0123456789abcdef"), -1);
	assert_int_equal(ys_session_live_count(s), 1);
	/* Released by the facilitator (the marked participant), it can be
	 * claimed again, by a new token; the old one is worthless. */
	s->voter = 0;
	act(s, YS_A_RELEASE);
	assert_false(ys_session_live_joined(s, 0));
	assert_int_equal(ys_session_live_who(s, tok), -1);
	assert_int_equal(ys_session_live_join(s, "0", tok2), YS_LIVE_OK);
	assert_string_not_equal(tok, tok2);
	/* Renaming the participants frees the seats whose name changed. */
	{
		static const char *const renamed[] = {"AB", "XY", "EF", "GH", "IJ"};

		assert_true(ys_session_live_join(s, "1", tok) == YS_LIVE_OK);
		assert_true(ys_answers_set_participants(s->a, renamed, 5));
		assert_int_equal(ys_session_live_who(s, tok2), 0);
		assert_int_equal(ys_session_live_who(s, tok), -1);
	}
}

static void test_live_votes(void **state)
{
	struct fx *f = *state;
	ys_session *s = live_session(f);
	char ab[33], cd[33], buf[16];
	const char *fab, *fcd;

	assert_int_equal(ys_session_live_join(s, "0", ab), YS_LIVE_OK);
	assert_int_equal(ys_session_live_join(s, "1", cd), YS_LIVE_OK);
	fab = ys_session_live_new_form(s, 0);
	fcd = ys_session_live_new_form(s, 1);
	assert_non_null(fab);
	assert_non_null(fcd);
	assert_true(ys_session_live_open(s));
	assert_int_equal(ys_session_live_vote(s, "", fab, "d1", "1"), YS_LIVE_NO_TOKEN);
	assert_int_equal(ys_session_live_vote(s, ab, fcd, "d1", "1"), YS_LIVE_BAD_FORM);
	assert_int_equal(ys_session_live_vote(s, ab, fab, "d2", "1"), YS_LIVE_CLOSED);
	assert_int_equal(ys_session_live_vote(s, ab, fab, "d1", "6"), YS_LIVE_BAD_VOTE);
	assert_int_equal(ys_session_live_vote(s, ab, fab, "d1", "x"), YS_LIVE_BAD_VOTE);
	assert_int_equal(ys_session_live_vote(s, ab, fab, "d1", "0"), YS_LIVE_BAD_VOTE);
	assert_int_equal(ys_session_votes_cast(s, 0), 0);
	/* Saved at once, and the marked voter moves past a device vote. */
	assert_int_equal(ys_session_live_vote(s, ab, fab, "d1", "2"), YS_LIVE_OK);
	file_vote(f, 0, "AB", buf, sizeof(buf));
	assert_string_equal(buf, "few");
	assert_int_equal(s->voter, 1);
	assert_int_equal(ys_session_live_vote(s, ab, fab, "d1", "5"), YS_LIVE_OK);
	file_vote(f, 0, "AB", buf, sizeof(buf));
	assert_string_equal(buf, "all");
	/* Votes arriving together are saved together, at the batch's end. */
	ys_session_live_begin_batch(s);
	assert_int_equal(ys_session_live_vote(s, cd, fcd, "d1", "d"), YS_LIVE_OK);
	file_vote(f, 0, "CD", buf, sizeof(buf));
	assert_string_equal(buf, "-");
	assert_true(ys_session_live_end_batch(s));
	file_vote(f, 0, "CD", buf, sizeof(buf));
	assert_string_equal(buf, "dont-know");
	assert_false(s->dirty);
	/* A typed vote for someone without a device. */
	s->voter = 2;
	vote(s, 0);
	file_vote(f, 0, "EF", buf, sizeof(buf));
	assert_string_equal(buf, "none");
	/* Not while on another screen's question list, nor after the reveal. */
	act(s, YS_A_REVIEW);
	assert_false(ys_session_live_open(s));
	assert_int_equal(ys_session_live_vote(s, ab, fab, "d1", "1"), YS_LIVE_CLOSED);
	act(s, YS_A_BACK);
	assert_true(ys_session_live_open(s));
	act(s, YS_A_REVEAL);
	assert_false(ys_session_live_open(s));
	assert_int_equal(ys_session_live_vote(s, ab, fab, "d1", "1"), YS_LIVE_CLOSED);
	/* A second round: the votes move to rounds, voting opens again. */
	act(s, YS_A_NEW_ROUND);
	assert_false(ys_session_revealed(s));
	assert_true(ys_session_live_open(s));
	assert_int_equal(ys_session_votes_cast(s, 0), 0);
	assert_int_equal(s->a->responses[0].n_rounds, 1);
	assert_int_equal(s->a->responses[0].rounds[0].n_votes, 3);
	assert_int_equal(ys_session_live_vote(s, cd, fcd, "d1", "3"), YS_LIVE_OK);
	{
		ys_answers *back = reread(f);

		assert_int_equal(back->responses[0].n_rounds, 1);
		assert_int_equal(back->responses[0].n_votes, 1);
		ys_answers_free(back);
	}
	/* A form token stays good for the device's last few pages only. */
	{
		char old[33];
		int k;

		snprintf(old, sizeof(old), "%s", fcd);
		for (k = 0; k < YS_LIVE_SEAT_FORMS - 1; k++)
			assert_non_null(ys_session_live_new_form(s, 1));
		assert_int_equal(ys_session_live_vote(s, cd, old, "d1", "2"), YS_LIVE_OK);
		assert_non_null(ys_session_live_new_form(s, 1));
		assert_int_equal(ys_session_live_vote(s, cd, old, "d1", "2"), YS_LIVE_BAD_FORM);
		fcd = ys_session_live_new_form(s, 1);
	}
	/* Accepting settles it; the next question opens for voting. */
	act(s, YS_A_REVEAL);
	act(s, YS_A_SELECT);
	assert_true(s->a->responses[0].settled);
	assert_int_equal(s->question, 1);
	assert_true(ys_session_live_open(s));
	assert_int_equal(ys_session_live_vote(s, ab, fab, "d2", "x"), YS_LIVE_OK);
}

static void test_live_pages(void **state)
{
	struct fx *f = *state;
	ys_session *s = live_session(f);
	ys_live_req r;
	char ab[33];

	assert_int_equal(ys_session_live_join(s, "0", ab), YS_LIVE_OK);
	/* The page of a joined device: the question and its buttons. */
	memset(&r, 0, sizeof(r));
	r.route = YS_LIVE_R_PAGE;
	memcpy(r.token, ab, sizeof(r.token));
	ys_live_serve(s, &r);
	assert_int_equal(r.status, 200);
	assert_non_null(strstr(r.body, "First data question?"));
	assert_non_null(strstr(r.body, "name=\"v\" value=\"5\""));
	/* Each page carries a form token of its own. */
	assert_non_null(strstr(r.body, s->live->seats[0].forms[0]));
	assert_int_equal(s->live->seats[0].next_form, 1);
	ys_free(r.body);
	/* A join with a wrong code, and a page without a token. */
	memset(&r, 0, sizeof(r));
	r.route = YS_LIVE_R_JOIN_PAGE;
	snprintf(r.addr, sizeof(r.addr), "10.0.0.1");
	snprintf(r.code, sizeof(r.code), "ZZZZZZZZZ");
	ys_live_serve(s, &r);
	assert_int_equal(r.status, 404);
	assert_null(strstr(r.body, "ABCDEFGHJ"));
	ys_free(r.body);
	memset(&r, 0, sizeof(r));
	r.route = YS_LIVE_R_PAGE;
	ys_live_serve(s, &r);
	assert_int_equal(r.status, 200);
	assert_null(strstr(r.body, "First data question?"));
	ys_free(r.body);
	/* A vote through the page's form: 303, then the page says recorded. */
	memset(&r, 0, sizeof(r));
	r.route = YS_LIVE_R_VOTE;
	memcpy(r.token, ab, sizeof(r.token));
	r.form_ok = true;
	r.form.have = YS_LIVE_F_F | YS_LIVE_F_Q | YS_LIVE_F_V;
	snprintf(r.form.f, sizeof(r.form.f), "%s", s->live->seats[0].forms[0]);
	snprintf(r.form.q, sizeof(r.form.q), "d1");
	snprintf(r.form.v, sizeof(r.form.v), "3");
	assert_true(ys_live_serve(s, &r));
	assert_int_equal(r.status, 303);
	assert_string_equal(r.location, "/");
	ys_free(r.body);
	memset(&r, 0, sizeof(r));
	r.route = YS_LIVE_R_PAGE;
	memcpy(r.token, ab, sizeof(r.token));
	ys_live_serve(s, &r);
	assert_non_null(strstr(r.body, "About half</strong> &#8212; recorded."));
	assert_null(strstr(r.body, "Note:"));
	ys_free(r.body);
	/* After the reveal, the spread and the note, escaped; a new note
	 * changes the version the script follows. */
	act(s, YS_A_REVEAL);
	{
		unsigned long v = ys_live_page_version(s);

		assert_true(ys_answers_set_note(s->a, 0, "Dissent: <b>AB</b> & \"CD\"\nsecond line"));
		assert_true(ys_live_page_version(s) != v);
	}
	memset(&r, 0, sizeof(r));
	r.route = YS_LIVE_R_PAGE;
	memcpy(r.token, ab, sizeof(r.token));
	ys_live_serve(s, &r);
	assert_non_null(strstr(r.body, "The votes (1)"));
	assert_non_null(strstr(r.body, "Note: Dissent: &lt;b&gt;AB&lt;/b&gt; &amp; &quot;CD&quot;\nsecond line"));
	assert_null(strstr(r.body, "<b>"));
	ys_free(r.body);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_start_screen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_votes_hidden_then_revealed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_reveal_early_and_not_contested, setup, teardown),
		cmocka_unit_test_setup_teardown(test_undo, setup, teardown),
		cmocka_unit_test_setup_teardown(test_override, setup, teardown),
		cmocka_unit_test_setup_teardown(test_na_votes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dissent_note, setup, teardown),
		cmocka_unit_test_setup_teardown(test_second_round_after_settling, setup, teardown),
		cmocka_unit_test_setup_teardown(test_park_and_review, setup, teardown),
		cmocka_unit_test_setup_teardown(test_resume_partial_votes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_merged_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_timer_and_timebox, setup, teardown),
		cmocka_unit_test_setup_teardown(test_answers_setters, setup, teardown),
		cmocka_unit_test_setup_teardown(test_out_of_memory, setup, teardown),
		cmocka_unit_test(test_timebox_parse),
		cmocka_unit_test_setup_teardown(test_live_join, setup, teardown),
		cmocka_unit_test_setup_teardown(test_live_votes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_live_pages, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
