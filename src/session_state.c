/* The session's state: status line, saving, getters, navigation between
 * questions and screens, and answering a question. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "session_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/consensus.h"

void sess_status(ys_session *s, bool error, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->status, sizeof(s->status), fmt, ap);
	va_end(ap);
	s->status_error = error;
}

const ys_response *ys_session_response(const ys_session *s, size_t i)
{
	return &s->a->responses[i];
}

ys_answer_kind sess_kind(const ys_session *s, size_t i)
{
	return s->a->responses[i].choice.kind;
}

bool sess_done(const ys_session *s, size_t i)
{
	if (s->workshop)
		return ys_answer_is_settled(s->a, i);
	return sess_kind(s, i) != YS_ANS_NONE;
}

size_t ys_session_answered(const ys_session *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->q->n_questions; i++)
		if (sess_done(s, i))
			n++;
	return n;
}

void ys_session_area_progress(const ys_session *s, size_t area,
			      size_t *answered, size_t *total)
{
	const ys_area *ar = &s->q->areas[area];
	size_t i, n = 0;

	for (i = 0; i < ar->n_questions; i++)
		if (sess_done(s, ar->first_question + i))
			n++;
	*answered = n;
	*total = ar->n_questions;
}

size_t ys_session_first_unanswered(const ys_session *s)
{
	size_t i;

	for (i = 0; i < s->q->n_questions; i++)
		if (!sess_done(s, i))
			return i;
	return s->q->n_questions;
}

size_t ys_session_first_open(const ys_session *s)
{
	size_t i;

	for (i = 0; i < s->q->n_questions; i++)
		if (!sess_done(s, i) && !s->a->responses[i].parked)
			return i;
	return s->q->n_questions;
}

void ys_session_set_status(ys_session *s, bool error, const char *msg)
{
	sess_status(s, error, "%s", msg);
}

bool ys_session_take_store(ys_session *s, ys_store *out)
{
	if (!s->has_store)
		return false;
	*out = s->store;
	memset(&s->store, 0, sizeof(s->store));
	s->has_store = false;
	return true;
}

const char *ys_session_path(const ys_session *s)
{
	return s->has_store ? s->store.path : NULL;
}

void sess_local_time(char out[16])
{
	time_t t = time(NULL);
	struct tm tm;

	if (localtime_r(&t, &tm) && strftime(out, 16, "%H:%M:%S", &tm) > 0)
		return;
	snprintf(out, 16, "now");
}

bool ys_session_save(ys_session *s)
{
	char *err = NULL;
	int rc;

	if (!s->has_store) {
		s->dirty = false;
		return true;
	}
	rc = ys_store_save(&s->store, s->a, &err);
	if (rc == 0) {
		ys_free(err);
		ys_free(s->save_error);
		s->save_error = NULL;
		s->save_failed = false;
		s->dirty = false;
		s->started = true;
		sess_local_time(s->saved_at);
		sess_status(s, false, "Saved at %s (%zu of %zu %s)",
			   s->saved_at, ys_session_answered(s),
			   s->q->n_questions, s->workshop ? "settled" : "answered");
		return true;
	}
	ys_free(s->save_error);
	s->save_error = err ? err : ys_strdup("the answers file could not be written");
	s->save_failed = true;
	s->dirty = true;
	sess_status(s, true, "NOT SAVED: %s. Answers kept in memory: R retry, W save elsewhere.",
		   s->save_error ? s->save_error : "out of memory");
	return false;
}

/* Records that the answers changed and saves them. */
void sess_changed(ys_session *s)
{
	s->dirty = true;
	if (!s->live_batch)
		ys_session_save(s);
}

void sess_touch_updated(ys_session *s)
{
	char now[32];

	ys_now_rfc3339(now);
	ys_answers_set_string(&s->a->updated, now);
}

void sess_oom(ys_session *s)
{
	sess_status(s, true, "Out of memory: that change was not made.");
}

void sess_go_question(ys_session *s, size_t i)
{
	const ys_response *r;

	if (i >= s->q->n_questions)
		i = s->q->n_questions - 1;
	if (s->workshop && (i != s->question || !s->entered)) {
		sess_charge(s);
		s->question = i;
		sess_enter_question(s, i);
	}
	s->question = i;
	r = &s->a->responses[i];
	/* No option is chosen in advance: a default answer biases the
	 * result, and the first option is often the worst one. */
	s->option = r->choice.kind == YS_ANS_OPTION ? r->choice.option : -1;
	if (s->option < 0 || (size_t)s->option >= s->q->questions[i].n_options)
		s->option = -1;
	s->from_review = false;
	s->screen = YS_SCR_QUESTION;
}

static void rebuild_review(ys_session *s)
{
	size_t i;

	s->n_review = 0;
	for (i = 0; i < s->q->n_questions; i++) {
		const ys_response *r = &s->a->responses[i];
		unsigned f = 0;

		bool settled = s->workshop && ys_answer_is_settled(s->a, i);

		if (!sess_done(s, i))
			f |= YS_REV_UNANSWERED;
		/* In a workshop, settling a question takes it off the parked
		 * and contested counts (contested stays on the record). */
		if (r->parked && !settled)
			f |= YS_REV_PARKED;
		if (r->choice.kind == YS_ANS_DONT_KNOW)
			f |= YS_REV_DONT_KNOW;
		if (r->choice.kind == YS_ANS_NA)
			f |= YS_REV_NA;
		if (s->workshop && r->contested && !settled)
			f |= YS_REV_CONTESTED;
		if (s->workshop && !settled && r->n_votes)
			f |= YS_REV_VOTING;
		if (f) {
			s->review[s->n_review].question = i;
			s->review[s->n_review].flags = f;
			s->n_review++;
		}
	}
	if (s->row >= s->n_review)
		s->row = s->n_review ? s->n_review - 1 : 0;
}

void sess_recompute_score(ys_session *s)
{
	if (s->has_score)
		ys_score_free(&s->score);
	memset(&s->score, 0, sizeof(s->score));
	s->has_score = ys_score_compute(s->q, s->a, NULL, &s->score);
	if (!s->has_score) {
		ys_score_free(&s->score);
		memset(&s->score, 0, sizeof(s->score));
		sess_status(s, true, "The scores could not be computed.");
	}
}

void sess_open_review(ys_session *s)
{
	rebuild_review(s);
	s->row = 0;
	s->screen = YS_SCR_REVIEW;
}

/* Back to the review list after a question opened from it was answered
 * or parked, on the row where that question was (or the one after it,
 * when it has left the list). */
static void back_to_review(ys_session *s)
{
	size_t i;

	rebuild_review(s);
	for (i = 0; i < s->n_review && s->review[i].question < s->question; i++)
		;
	s->row = i < s->n_review ? i : (s->n_review ? s->n_review - 1 : 0);
	s->screen = YS_SCR_REVIEW;
}

void sess_open_profile(ys_session *s)
{
	sess_recompute_score(s);
	s->row = s->q->questions[s->question].area;
	s->item = 0;
	s->screen = YS_SCR_PROFILE;
}

size_t ys_session_profile_items(const ys_session *s, size_t *n_blockers)
{
	const ys_area_record *r;
	size_t nb = 0;

	if (s->has_score && s->row < s->score.n_areas)
		nb = s->score.areas[s->row].blockers.count;
	if (n_blockers)
		*n_blockers = nb;
	if (s->row >= s->q->n_areas)
		return nb;
	r = ys_answers_area(s->a, s->q->areas[s->row].id);
	return nb + (r ? r->n_actions : 0);
}

/* Lands on the first question neither answered nor parked; when only
 * parked ones are left, on the review list; when everything is
 * answered, on the profile. */
void sess_land(ys_session *s)
{
	size_t i = ys_session_first_open(s);

	if (i < s->q->n_questions) {
		sess_go_question(s, i);
	} else if (ys_session_first_unanswered(s) < s->q->n_questions) {
		s->question = ys_session_first_unanswered(s);
		sess_open_review(s);
	} else if (s->workshop && ys_session_contested(s)) {
		/* A file straight from merge: settle the contested questions. */
		s->question = 0;
		sess_open_review(s);
	} else {
		s->question = 0;
		sess_open_profile(s);
	}
}

/* Moves on after question s->question was answered. finished is true when
 * this answer was the last one missing. */
void sess_advance(ys_session *s, bool finished)
{
	if (finished) {
		sess_open_profile(s);
		return;
	}
	if (s->from_review) {
		back_to_review(s);
		return;
	}
	if (s->question + 1 < s->q->n_questions) {
		sess_go_question(s, s->question + 1);
		return;
	}
	if (ys_session_first_unanswered(s) == s->q->n_questions)
		sess_open_profile(s);
	else
		sess_open_review(s);
}

/* After question i was answered: when that finished its area or the
 * whole questionnaire, says so on the status line and offers the
 * profile. */
static void say_finished(ys_session *s, size_t i, bool all)
{
	const ys_area *ar = &s->q->areas[s->q->questions[i].area];
	size_t k, dk = 0, na = 0, answered, total;

	if (s->save_failed)
		return;
	if (all) {
		sess_status(s, false, "All %zu questions answered and saved: this is the profile "
			    "(e exports the scorecard).", s->q->n_questions);
		return;
	}
	ys_session_area_progress(s, s->q->questions[i].area, &answered, &total);
	if (answered < total)
		return;
	for (k = 0; k < ar->n_questions; k++) {
		ys_answer_kind kind = sess_kind(s, ar->first_question + k);

		dk += kind == YS_ANS_DONT_KNOW;
		na += kind == YS_ANS_NA;
	}
	sess_status(s, false, "Area done: %s, %zu answered (%zu don't know, %zu N/A). "
		    "Saved. s shows the profile.", ar->title, total, dk, na);
}

bool sess_set_choice(ys_session *s, ys_choice c)
{
	size_t i = s->question;
	bool was_open = !sess_done(s, i);
	bool all;

	if (c.kind != YS_ANS_NA && s->a->responses[i].na_reason &&
	    !ys_answers_set_na_reason(s->a, i, NULL)) {
		sess_oom(s);
		return true;
	}
	if (s->workshop) {
		/* The spread as the answer is agreed: contested stays on the
		 * record, so the scorecard lists it. */
		const ys_response *r = &s->a->responses[i];
		ys_spread sp = ys_consensus_votes(&s->q->questions[i], r->votes,
						  r->n_votes, NULL);

		if (sp.contested != r->contested &&
		    !ys_answers_set_contested(s->a, i, sp.contested)) {
			sess_oom(s);
			return true;
		}
	}
	if (!ys_answers_set_choice(s->a, s->q, i, c) ||
	    (s->workshop && !ys_answers_set_settled(s->a, i, true))) {
		sess_oom(s);
		return true;
	}
	/* An answer takes the question off the parking list. */
	if (s->a->responses[i].parked && !ys_answers_set_parked(s->a, i, false)) {
		sess_oom(s);
		return true;
	}
	sess_changed(s);
	if (s->workshop && !s->save_failed) {
		const ys_question *qn = &s->q->questions[i];

		sess_status(s, false, "Question %zu agreed: %s%s. Saved at %s.", i + 1,
			   c.kind == YS_ANS_OPTION ? qn->options[c.option].label :
			   c.kind == YS_ANS_NA ? "N/A" : "Don't know",
			   s->a->responses[i].contested ? " (contested)" : "", s->saved_at);
	}
	all = was_open && ys_session_first_unanswered(s) == s->q->n_questions;
	if (was_open && !s->workshop)
		say_finished(s, i, all);
	sess_advance(s, all);
	return true;
}

bool sess_choose(ys_session *s, long opt)
{
	const ys_question *qn = &s->q->questions[s->question];
	ys_choice c;

	if (opt < 0 || (size_t)opt >= qn->n_options) {
		sess_status(s, true, "There is no option %ld here.", opt + 1);
		return true;
	}
	c.kind = YS_ANS_OPTION;
	c.option = (int)opt;
	return sess_set_choice(s, c);
}
