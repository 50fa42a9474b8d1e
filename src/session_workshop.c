/* The session in a workshop: the clock and time boxes, collecting votes,
 * taking them back, revealing them and accepting the proposed answer. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "session_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/consensus.h"

/* Seconds on the monotonic clock; fixed when YARDSTICK_NOW is set, so
 * that timers do not move under tests. */
static long default_clock(void *ctx)
{
	const char *fixed = getenv("YARDSTICK_NOW");
	struct timespec ts;

	(void)ctx;
	if (fixed && *fixed)
		return 0;
	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return (long)time(NULL);
	return (long)ts.tv_sec;
}

long sess_now(const ys_session *s)
{
	return s->opts.clock ? s->opts.clock(s->opts.clock_ctx) : default_clock(NULL);
}

bool sess_running(const ys_session *s)
{
	return s->screen != YS_SCR_START && s->screen != YS_SCR_CHANGED;
}

/* Charges the time since the last mark to the current question's area. */
void sess_charge(ys_session *s)
{
	long t;

	if (!s->workshop || !s->area_spent)
		return;
	t = sess_now(s);
	if (sess_running(s) && s->question < s->q->n_questions && t > s->mark)
		s->area_spent[s->q->questions[s->question].area] += t - s->mark;
	s->mark = t;
}

ys_choice ys_session_vote(const ys_session *s, size_t i, size_t p)
{
	long j = ys_answers_find_vote(s->a, i, p);

	if (j < 0)
		return (ys_choice){YS_ANS_NONE, -1};
	return s->a->responses[i].votes[j].choice;
}

size_t ys_session_votes_cast(const ys_session *s, size_t i)
{
	return s->a->responses[i].n_votes;
}

bool ys_session_revealed(const ys_session *s)
{
	return s->workshop && s->revealed && s->revealed[s->question];
}

long ys_session_question_seconds(const ys_session *s)
{
	long t = sess_now(s) - s->shown_at;

	return t > 0 ? t : 0;
}

long ys_session_area_left(const ys_session *s, size_t area)
{
	long spent, t;

	if (!s->workshop || !s->timebox || !s->area_spent || area >= s->q->n_areas)
		return 0;
	spent = s->area_spent[area];
	t = sess_now(s);
	if (sess_running(s) && s->question < s->q->n_questions &&
	    s->q->questions[s->question].area == area && t > s->mark)
		spent += t - s->mark;
	return (long)s->timebox * 60 - spent;
}

size_t ys_session_contested(const ys_session *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->q->n_questions; i++)
		if (s->a->responses[i].contested && !ys_answer_is_settled(s->a, i))
			n++;
	return n;
}

/* The first participant from `from` on (then from the start) who has not
 * voted on question i; n_participants when everyone has. */
static size_t next_voter(const ys_session *s, size_t i, size_t from)
{
	size_t n = s->a->n_participants, k;

	for (k = 0; k < n; k++) {
		size_t p = (from + k) % n;

		if (ys_answers_find_vote(s->a, i, p) < 0)
			return p;
	}
	return n;
}

void sess_device_voted(ys_session *s, size_t p)
{
	if (s->voter == p)
		s->voter = next_voter(s, s->question, p + 1);
}

bool sess_undo_room(ys_session *s)
{
	size_t n = s->a->n_participants ? s->a->n_participants : 1;
	size_t *u;

	if (s->undo_cap >= n)
		return true;
	u = ys_realloc(s->undo, n * sizeof(*u));
	if (!u)
		return false;
	s->undo = u;
	s->undo_cap = n;
	return true;
}

/* Sets up vote collection on question i as it is shown. */
void sess_enter_question(ys_session *s, size_t i)
{
	s->shown_at = sess_now(s);
	s->n_undo = 0;
	s->voter = next_voter(s, i, 0);
	/* An answer is shown with its votes once settled, and so is a
	 * merge's proposal; a question voting again after discussion keeps
	 * its new votes hidden. */
	if (s->a->responses[i].choice.kind != YS_ANS_NONE &&
	    (ys_answer_is_settled(s->a, i) || !s->a->responses[i].n_rounds))
		s->revealed[i] = true;
	s->entered = true;
}

bool ys_timebox_parse(const char *text, unsigned *out)
{
	char *end;
	long v;

	if (text[0] < '0' || text[0] > '9')
		return false;
	errno = 0;
	v = strtol(text, &end, 10);
	if (errno || *end || v < 0 || v > YS_TIMEBOX_MAX)
		return false;
	*out = (unsigned)v;
	return true;
}

static bool record_vote(ys_session *s, ys_choice c)
{
	size_t i = s->question, n = s->a->n_participants, p = s->voter;

	if (!n) {
		sess_status(s, true, "This workshop has no participants to vote.");
		return true;
	}
	if (p >= n) {
		sess_status(s, false, "Everyone has voted: Enter or v reveals the votes, Backspace takes the last one back.");
		return true;
	}
	if (!sess_undo_room(s) || !ys_answers_set_vote(s->a, s->q, i, p, c)) {
		sess_oom(s);
		return true;
	}
	if (s->n_undo == s->undo_cap) {
		memmove(s->undo, s->undo + 1, (s->n_undo - 1) * sizeof(*s->undo));
		s->n_undo--;
	}
	s->undo[s->n_undo++] = p;
	s->voter = next_voter(s, i, p + 1);
	sess_changed(s);
	if (s->save_failed)
		return true;
	if (s->voter < n)
		sess_status(s, false, "%s has voted (%zu of %zu). Next: %s.",
			   s->a->participants[p], ys_session_votes_cast(s, i), n,
			   s->a->participants[s->voter]);
	else
		sess_status(s, false, "%s has voted. Everyone has voted: Enter reveals the votes.",
			   s->a->participants[p]);
	return true;
}

static bool undo_vote(ys_session *s)
{
	size_t i = s->question, n = s->a->n_participants, k;
	long p = -1;

	if (s->n_undo) {
		p = (long)s->undo[--s->n_undo];
	} else {
		/* Votes from an earlier sitting: the nearest one before the
		 * next voter, else the last. */
		for (k = s->voter < n ? s->voter : n; k > 0 && p < 0; k--)
			if (ys_answers_find_vote(s->a, i, k - 1) >= 0)
				p = (long)k - 1;
		for (k = n; k > 0 && p < 0; k--)
			if (ys_answers_find_vote(s->a, i, k - 1) >= 0)
				p = (long)k - 1;
	}
	if (p < 0) {
		sess_status(s, false, "There is no vote to take back.");
		return true;
	}
	if (!ys_answers_set_vote(s->a, s->q, i, (size_t)p,
				 (ys_choice){YS_ANS_NONE, -1})) {
		sess_oom(s);
		return true;
	}
	s->voter = (size_t)p;
	sess_changed(s);
	if (!s->save_failed)
		sess_status(s, false, "%s's vote was taken back: %s votes again.",
			   s->a->participants[p], s->a->participants[p]);
	return true;
}

static bool reveal(ys_session *s)
{
	s->revealed[s->question] = true;
	s->n_undo = 0;
	if (!ys_session_votes_cast(s, s->question))
		sess_status(s, false, "No votes were recorded: choose the answer with 1-9, d or x.");
	else
		sess_status(s, false, "Votes revealed: Enter accepts the proposed answer; 1-9, d or x chooses another.");
	return true;
}

/* A second round after discussion: the votes move to the earlier
 * rounds, the question is unsettled and the votes are hidden again. */
static bool new_round(ys_session *s)
{
	size_t i = s->question;

	if (!ys_session_votes_cast(s, i)) {
		sess_status(s, false, "There are no votes to vote again on: choose the answer with 1-9, d or x.");
		return true;
	}
	if (!ys_answers_start_round(s->a, i)) {
		sess_oom(s);
		return true;
	}
	s->revealed[i] = false;
	s->n_undo = 0;
	s->voter = next_voter(s, i, 0);
	s->shown_at = sess_now(s);
	sess_changed(s);
	if (!s->save_failed)
		sess_status(s, false, "Round %zu: the earlier votes are kept in the file; everyone votes again.",
			    s->a->responses[i].n_rounds + 1);
	return true;
}

static bool accept(ys_session *s)
{
	size_t i = s->question;
	const ys_response *r = &s->a->responses[i];
	ys_spread sp = ys_consensus_votes(&s->q->questions[i], r->votes, r->n_votes, NULL);

	if (sp.proposed.kind == YS_ANS_NONE) {
		sess_status(s, false, "No votes to agree: choose the answer with 1-9, d or x.");
		return true;
	}
	if (sp.proposed.kind == YS_ANS_NA && !r->na_reason &&
	    !ys_answers_set_na_reason(s->a, i, "Every participant answered N/A.")) {
		sess_oom(s);
		return true;
	}
	return sess_set_choice(s, sp.proposed);
}

/* Keys of the question screen that differ in a workshop; *done is false
 * for those that work as in the interview. */
bool sess_workshop_action(ys_session *s, const ys_session_action *act, bool *done)
{
	const ys_question *qn = &s->q->questions[s->question];
	bool shown = s->revealed[s->question];
	size_t n = s->a->n_participants, old = s->voter;
	ys_choice c = {YS_ANS_NONE, -1};

	*done = true;
	switch (act->type) {
	case YS_A_UP:
	case YS_A_FIRST:
		if (shown || !n)
			return false;
		if (act->type == YS_A_FIRST)
			s->voter = 0;
		else if (s->voter > 0)
			s->voter = s->voter > n ? n - 1 : s->voter - 1;
		return s->voter != old;
	case YS_A_DOWN:
	case YS_A_LAST:
		if (shown || !n)
			return false;
		if (act->type == YS_A_LAST)
			s->voter = n - 1;
		else if (s->voter + 1 < n)
			s->voter++;
		return s->voter != old;
	case YS_A_CHOOSE:
		if (act->arg < 0 || (size_t)act->arg >= qn->n_options) {
			sess_status(s, true, "There is no option %ld here.", act->arg + 1);
			return true;
		}
		c.kind = YS_ANS_OPTION;
		c.option = (int)act->arg;
		return shown ? sess_set_choice(s, c) : record_vote(s, c);
	case YS_A_DONT_KNOW:
		c.kind = YS_ANS_DONT_KNOW;
		return shown ? sess_set_choice(s, c) : record_vote(s, c);
	case YS_A_NA:
		if (shown || !qn->allow_na) {
			*done = false;  /* the answer N/A asks for a reason */
			return false;
		}
		c.kind = YS_ANS_NA;
		return record_vote(s, c);
	case YS_A_SELECT:
		if (shown)
			return accept(s);
		if (s->voter < n) {
			sess_status(s, false, "%zu of %zu have voted: v reveals the votes now.",
				   ys_session_votes_cast(s, s->question), n);
			return true;
		}
		return reveal(s);
	case YS_A_REVEAL:
		if (shown) {
			sess_status(s, false, "The votes are shown: Enter accepts the proposed answer.");
			return true;
		}
		return reveal(s);
	case YS_A_UNDO_VOTE:
		if (shown) {
			sess_status(s, false, "The votes are shown: choose the answer, or p to park the question.");
			return true;
		}
		return undo_vote(s);
	case YS_A_DISSENT:
		sess_open_prompt(s, YS_PROMPT_DISSENT, NULL);
		return true;
	case YS_A_NEW_ROUND:
		if (!shown) {
			sess_status(s, false, "The votes are still hidden: v reveals them; V votes again after that.");
			return true;
		}
		return new_round(s);
	default:
		*done = false;
		return false;
	}
}

/* Sets up a workshop session; false when out of memory. */
bool sess_workshop_new(ys_session *s)
{
	const ys_questionnaire *q = s->q;

	s->workshop = true;
	s->timebox = s->opts.timebox > YS_TIMEBOX_MAX ? YS_TIMEBOX_MAX : s->opts.timebox;
	s->revealed = ys_calloc(q->n_questions ? q->n_questions : 1, sizeof(*s->revealed));
	s->area_spent = ys_calloc(q->n_areas ? q->n_areas : 1, sizeof(*s->area_spent));
	s->a->mode = YS_MODE_WORKSHOP;
	if (!s->revealed || !s->area_spent || !sess_undo_room(s)) {
		ys_free(s->revealed);
		ys_free(s->area_spent);
		ys_free(s->undo);
		return false;
	}
	s->mark = sess_now(s);
	s->shown_at = s->mark;
	return true;
}

void sess_resumed_status(ys_session *s)
{
	size_t hidden = s->screen == YS_SCR_QUESTION && !s->revealed[s->question] ?
			ys_session_votes_cast(s, s->question) : 0;
	size_t contested = ys_session_contested(s);

	if (hidden)
		sess_status(s, false, "Resumed: %zu of %zu settled. %zu votes on this question are recorded and hidden: v reveals them.",
			   ys_session_answered(s), s->q->n_questions, hidden);
	else if (contested)
		sess_status(s, false, "Resumed: %zu of %zu settled, %zu contested (r lists them).",
			   ys_session_answered(s), s->q->n_questions, contested);
	else
		sess_status(s, false, "Resumed: %zu of %zu settled.",
			   ys_session_answered(s), s->q->n_questions);
}
