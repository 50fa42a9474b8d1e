/* The interview state machine (see session.h): ys_session_apply, the
 * actions of each screen, and creating and freeing a session. The other
 * parts are listed in session_priv.h. No curses, no printing. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "session_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/text.h"

static bool move_row(ys_session *s, ys_action_type t, size_t n)
{
	size_t old = s->row;

	if (n == 0)
		return false;
	switch (t) {
	case YS_A_UP:
		if (s->row > 0)
			s->row--;
		break;
	case YS_A_DOWN:
		if (s->row + 1 < n)
			s->row++;
		break;
	case YS_A_FIRST:
		s->row = 0;
		break;
	case YS_A_LAST:
		s->row = n - 1;
		break;
	default:
		break;
	}
	return s->row != old;
}

static void cycle_target(ys_session *s, int dir)
{
	int n = (int)s->q->n_targets;

	s->target += dir;
	if (s->target < -1)
		s->target = n - 1;
	if (s->target >= n)
		s->target = -1;
	if (!ys_answers_set_string(&s->a->target,
				   s->target >= 0 ? s->q->targets[s->target].name : NULL))
		sess_oom(s);
}

static const int interview_rows[] = {
	YS_START_ORG, YS_START_ASSESSORS, YS_START_TARGET,
	YS_START_QUESTIONNAIRE, YS_START_BEGIN,
};

static const int workshop_rows[] = {
	YS_START_ORG, YS_START_PARTICIPANTS, YS_START_TARGET, YS_START_TIMEBOX,
	YS_START_QUESTIONNAIRE, YS_START_BEGIN,
};

size_t ys_session_start_rows(const ys_session *s)
{
	return (s->workshop ? sizeof(workshop_rows) / sizeof(workshop_rows[0]) :
			      sizeof(interview_rows) / sizeof(interview_rows[0])) +
	       (s->opts.offer_path ? 1 : 0);
}

int ys_session_start_field(const ys_session *s, size_t row)
{
	if (row >= ys_session_start_rows(s))
		return YS_START_BEGIN;
	if (s->opts.offer_path) {
		if (row == 0)
			return YS_START_RESUME;
		row--;
	}
	return s->workshop ? workshop_rows[row] : interview_rows[row];
}

static size_t start_row_of(const ys_session *s, int field)
{
	size_t r;

	for (r = 0; r < ys_session_start_rows(s); r++)
		if (ys_session_start_field(s, r) == field)
			return r;
	return 0;
}

static void step_timebox(ys_session *s, int dir)
{
	long t = (long)s->timebox + dir * 5;

	t -= t % 5;
	if (t < 0)
		t = 0;
	if (t > YS_TIMEBOX_MAX)
		t = YS_TIMEBOX_MAX;
	s->timebox = (unsigned)t;
}

static void begin(ys_session *s)
{
	if (s->workshop && !s->a->n_participants) {
		sess_status(s, true, "Name the participants first (initials are fine).");
		s->row = start_row_of(s, YS_START_PARTICIPANTS);
		return;
	}
	if (s->opts.n_q && strcmp(s->opts.q_ids[s->q_choice], s->q->id)) {
		/* Not reached from the keys: a switch loads at once. */
		s->reload_id = s->opts.q_ids[s->q_choice];
		s->outcome = YS_OUT_RELOAD;
		return;
	}
	if (s->workshop && !sess_undo_room(s)) {
		sess_oom(s);
		return;
	}
	s->mark = sess_now(s);
	sess_land(s);
	sess_changed(s);
}

/* Chooses the next (dir 1) or previous questionnaire and asks for it to
 * be loaded now, so that its title, counts and targets show at once. */
static void switch_questionnaire(ys_session *s, int dir)
{
	s->q_choice = (s->q_choice + s->opts.n_q + (size_t)(long)dir) % s->opts.n_q;
	if (strcmp(s->opts.q_ids[s->q_choice], s->q->id)) {
		s->reload_id = s->opts.q_ids[s->q_choice];
		s->outcome = YS_OUT_RELOAD;
	}
}

bool ys_session_carry_start(ys_session *s, const ys_session *old)
{
	int field = ys_session_start_field(old, old->row);
	size_t i;

	if (!ys_answers_set_string(&s->a->organisation, old->a->organisation) ||
	    !ys_answers_set_assessors(s->a, (const char *const *)old->a->assessors,
				      old->a->n_assessors))
		return false;
	if (s->workshop && old->a->n_participants &&
	    (!ys_answers_set_participants(s->a, (const char *const *)old->a->participants,
					  old->a->n_participants) ||
	     !sess_undo_room(s)))
		return false;
	s->timebox = old->timebox;
	s->target = -1;
	for (i = 0; old->a->target && i < s->q->n_targets; i++)
		if (!strcmp(s->q->targets[i].name, old->a->target))
			s->target = (int)i;
	if (!ys_answers_set_string(&s->a->target,
				   s->target >= 0 ? s->q->targets[s->target].name : NULL))
		return false;
	s->row = start_row_of(s, field);
	if (old->target >= 0 && s->target < 0)
		sess_status(s, false, "This questionnaire has no target profile '%s'; choose one of its own.",
			    old->q->targets[old->target].name);
	return true;
}

static bool start_action(ys_session *s, const ys_session_action *act)
{
	char *joined;
	int dir = 1;
	int field = ys_session_start_field(s, s->row);

	switch (act->type) {
	case YS_A_UP:
	case YS_A_DOWN:
	case YS_A_FIRST:
	case YS_A_LAST:
		return move_row(s, act->type, ys_session_start_rows(s));
	case YS_A_PREV:
		dir = -1;
		/* fall through */
	case YS_A_NEXT:
		if (field == YS_START_TARGET) {
			cycle_target(s, dir);
			return true;
		}
		if (field == YS_START_TIMEBOX) {
			step_timebox(s, dir);
			return true;
		}
		if (field == YS_START_QUESTIONNAIRE && s->opts.n_q > 1) {
			switch_questionnaire(s, dir);
			return true;
		}
		return false;
	case YS_A_SELECT:
		switch (field) {
		case YS_START_PARTICIPANTS:
			joined = ys_names_join(s->a->participants, s->a->n_participants);
			sess_open_prompt(s, YS_PROMPT_PARTICIPANTS, joined);
			ys_free(joined);
			return true;
		case YS_START_TIMEBOX: {
			char buf[16] = "";

			if (s->timebox)
				snprintf(buf, sizeof(buf), "%u", s->timebox);
			sess_open_prompt(s, YS_PROMPT_TIMEBOX, buf);
			return true;
		}
		case YS_START_ORG:
			sess_open_prompt(s, YS_PROMPT_ORG, s->a->organisation);
			return true;
		case YS_START_ASSESSORS:
			joined = ys_names_join(s->a->assessors, s->a->n_assessors);
			sess_open_prompt(s, YS_PROMPT_ASSESSORS, joined);
			ys_free(joined);
			return true;
		case YS_START_TARGET:
			cycle_target(s, 1);
			return true;
		case YS_START_QUESTIONNAIRE:
			if (s->opts.n_q > 1)
				switch_questionnaire(s, 1);
			return true;
		case YS_START_RESUME:
			s->outcome = YS_OUT_RESUME_OFFERED;
			return true;
		default:
			begin(s);
			return true;
		}
	default:
		return false;
	}
}

static bool question_action(ys_session *s, const ys_session_action *act)
{
	const ys_question *qn = &s->q->questions[s->question];
	const ys_response *r = &s->a->responses[s->question];
	ys_choice dk = {YS_ANS_DONT_KNOW, -1};
	int old = s->option;

	if (s->workshop) {
		bool done;
		bool changed_state = sess_workshop_action(s, act, &done);

		if (done)
			return changed_state;
	}
	switch (act->type) {
	case YS_A_UP:
		if (s->option < 0)
			s->option = 0;
		else if (s->option > 0)
			s->option--;
		return s->option != old;
	case YS_A_DOWN:
		if (s->option < 0)
			s->option = 0;
		else if ((size_t)s->option + 1 < qn->n_options)
			s->option++;
		return s->option != old;
	case YS_A_FIRST:
		s->option = 0;
		return s->option != old;
	case YS_A_LAST:
		s->option = (int)qn->n_options - 1;
		return s->option != old;
	case YS_A_SELECT:
		if (s->option < 0) {
			sess_status(s, false, "Nothing recorded yet: choose with \xe2\x86\x91/\xe2\x86\x93 "
				    "and Enter, or press a number.");
			return true;
		}
		return sess_choose(s, s->option);
	case YS_A_CHOOSE:
		return sess_choose(s, act->arg);
	case YS_A_PREV:
		if (s->question == 0) {
			sess_status(s, false, "This is the first question.");
			return true;
		}
		sess_go_question(s, s->question - 1);
		return true;
	case YS_A_NEXT:
		if (s->question + 1 >= s->q->n_questions) {
			sess_status(s, false, "This is the last question: r reviews what is left.");
			return true;
		}
		sess_go_question(s, s->question + 1);
		return true;
	case YS_A_DONT_KNOW:
		return sess_set_choice(s, dk);
	case YS_A_NA:
		if (!qn->allow_na) {
			sess_status(s, true, "This question cannot be marked N/A.");
			return true;
		}
		sess_open_prompt(s, YS_PROMPT_NA_REASON, r->na_reason);
		return true;
	case YS_A_NOTE:
		sess_open_prompt(s, YS_PROMPT_NOTE, r->note);
		return true;
	case YS_A_PARK:
		if (r->parked) {
			if (!ys_answers_set_parked(s->a, s->question, false)) {
				sess_oom(s);
				return true;
			}
			sess_changed(s);
			if (!s->save_failed)
				sess_status(s, false, "Question %zu is no longer parked. Saved at %s.",
					    s->question + 1, s->saved_at);
			return true;
		}
		if (!ys_answers_set_parked(s->a, s->question, true)) {
			sess_oom(s);
			return true;
		}
		sess_changed(s);
		if (!s->save_failed)
			sess_status(s, false, "Question %zu parked for later (r lists what is parked). "
				    "Saved at %s.", s->question + 1, s->saved_at);
		sess_advance(s, false);
		return true;
	default:
		return false;
	}
}

static void jump_area(ys_session *s, size_t ai)
{
	const ys_area *ar;
	size_t i;

	if (ai >= s->q->n_areas)
		return;
	ar = &s->q->areas[ai];
	for (i = 0; i < ar->n_questions; i++)
		if (!sess_done(s, ar->first_question + i) &&
		    !s->a->responses[ar->first_question + i].parked)
			break;
	if (i == ar->n_questions)
		for (i = 0; i < ar->n_questions; i++)
			if (!sess_done(s, ar->first_question + i))
				break;
	if (i == ar->n_questions)
		i = 0;
	sess_go_question(s, ar->first_question + i);
}

/* Moves and choices shared by the list screens (areas, review, profile):
 * Up, Down, Home, End move the selection among n rows; Enter opens the
 * selected row and a digit the row it names, with open_row. Returns true
 * when act is one of those, with what the action returns in *result. */
static bool list_action(ys_session *s, const ys_session_action *act, size_t n,
			void (*open_row)(ys_session *, size_t), bool *result)
{
	switch (act->type) {
	case YS_A_UP:
	case YS_A_DOWN:
	case YS_A_FIRST:
	case YS_A_LAST:
		*result = move_row(s, act->type, n);
		return true;
	case YS_A_SELECT:
		if (s->row < n)
			open_row(s, s->row);
		*result = true;
		return true;
	case YS_A_JUMP:
		*result = act->arg >= 0 && (size_t)act->arg < n;
		if (*result)
			open_row(s, (size_t)act->arg);
		return true;
	default:
		return false;
	}
}

static bool areas_action(ys_session *s, const ys_session_action *act)
{
	bool r = false;

	list_action(s, act, s->q->n_areas, jump_area, &r);
	return r;
}

static void open_review_row(ys_session *s, size_t i)
{
	sess_go_question(s, s->review[i].question);
	s->from_review = true;
}

static bool review_action(ys_session *s, const ys_session_action *act)
{
	bool r = false;

	list_action(s, act, s->n_review, open_review_row, &r);
	return r;
}

/* Enter on the profile: the selected blocker's question, the selected
 * action's edit prompt, or with nothing selectable the area's first open
 * question. */
static void profile_open(ys_session *s, size_t area)
{
	size_t nb, n;

	(void)area;
	n = ys_session_profile_items(s, &nb);
	if (s->item < nb) {
		sess_go_question(s, s->score.areas[s->row].blockers.items[s->item]);
		return;
	}
	if (s->item < n) {
		const ys_area_record *r = ys_answers_area(s->a, s->q->areas[s->row].id);
		const ys_action *ac = &r->actions[s->item - nb];

		sess_drop_pending(s);
		s->editing = s->item - nb;
		if (ac->owner && !(s->pending_owner = ys_strdup(ac->owner))) {
			sess_oom(s);
			return;
		}
		if (ac->due && !(s->pending_due = ys_strdup(ac->due))) {
			sess_drop_pending(s);
			sess_oom(s);
			return;
		}
		sess_open_prompt(s, YS_PROMPT_ACTION_TEXT, ac->text);
		return;
	}
	jump_area(s, s->row);
}

static bool profile_action(ys_session *s, const ys_session_action *act)
{
	ys_area_record *r = ys_answers_area(s->a, s->q->areas[s->row].id);
	size_t nb, n = ys_session_profile_items(s, &nb), old = s->item;

	switch (act->type) {
	case YS_A_UP:
	case YS_A_DOWN:
	case YS_A_FIRST:
	case YS_A_LAST:
		if (!move_row(s, act->type, s->q->n_areas))
			return false;
		s->item = 0;
		return true;
	case YS_A_SELECT:
		profile_open(s, s->row);
		return true;
	case YS_A_JUMP:
		return false;
	case YS_A_PREV:
		if (s->item > 0)
			s->item--;
		return s->item != old;
	case YS_A_NEXT:
		if (s->item + 1 < n)
			s->item++;
		return s->item != old;
	case YS_A_OWNER:
		sess_open_prompt(s, YS_PROMPT_OWNER, r ? r->owner : NULL);
		return true;
	case YS_A_ADD_ACTION:
		sess_drop_pending(s);
		sess_open_prompt(s, YS_PROMPT_ACTION_TEXT, NULL);
		return true;
	case YS_A_DELETE_ACTION:
		if (!r || !r->n_actions) {
			sess_status(s, false, "This area has no actions to delete.");
			return true;
		}
		if (s->item < nb || s->item >= n) {
			sess_status(s, false, "Select the action to delete with \xe2\x86\x90/\xe2\x86\x92 first.");
			return true;
		}
		s->prompt = YS_PROMPT_DELETE_ACTION;
		return true;
	case YS_A_EXPORT:
		if (!s->opts.export_fn) {
			sess_status(s, false, "Export the scorecard with: yardstick scorecard %s",
				   ys_session_path(s) ? ys_session_path(s) : "ANSWERS");
			return true;
		}
		if (s->opts.n_export_names) {
			size_t i;

			s->export_choice = 0;
			for (i = 0; s->export_format && i < s->opts.n_export_names; i++)
				if (!strcmp(s->opts.export_names[i], s->export_format))
					s->export_choice = i;
			snprintf(s->export_label, sizeof(s->export_label), "Scorecard format");
			sess_open_prompt(s, YS_PROMPT_EXPORT_FORMAT, NULL);
			return true;
		}
		if (s->opts.export_formats)
			snprintf(s->export_label, sizeof(s->export_label),
				 "Scorecard format (%s)", s->opts.export_formats);
		else
			snprintf(s->export_label, sizeof(s->export_label),
				 "Scorecard format");
		sess_open_prompt(s, YS_PROMPT_EXPORT_FORMAT,
			    s->export_format ? s->export_format : "text");
		return true;
	default:
		return false;
	}
}

static bool changed_action(ys_session *s, const ys_session_action *act)
{
	switch (act->type) {
	case YS_A_SELECT:
	case YS_A_BACK:
		if (!ys_answers_set_string(&s->a->q_id, s->q->id) ||
		    !ys_answers_set_string(&s->a->q_version, s->q->version) ||
		    !ys_answers_set_string(&s->a->q_sha256, s->q->sha256)) {
			sess_oom(s);
			return true;
		}
		sess_touch_updated(s);
		sess_land(s);
		sess_changed(s);
		return true;
	case YS_A_UP:
		if (s->scroll > 0)
			s->scroll--;
		return true;
	case YS_A_DOWN:
		s->scroll++;
		return true;
	default:
		return false;
	}
}

static bool help_action(ys_session *s, const ys_session_action *act)
{
	switch (act->type) {
	case YS_A_UP:
		if (s->scroll == 0)
			return false;
		s->scroll--;
		return true;
	case YS_A_DOWN:
		s->scroll++;
		return true;
	case YS_A_FIRST:
		s->scroll = 0;
		return true;
	case YS_A_PREV:         /* PgUp, PgDn: a page */
		s->scroll = s->scroll > 10 ? s->scroll - 10 : 0;
		return true;
	case YS_A_NEXT:
		s->scroll += 10;
		return true;
	case YS_A_NONE:
		return false;
	default:
		/* any other key goes back */
		s->screen = s->help_return;
		return true;
	}
}

/* Actions that work the same on every screen once the interview runs. */
static bool common_action(ys_session *s, const ys_session_action *act, bool *done)
{
	*done = true;
	switch (act->type) {
	case YS_A_KEYS:
		if (s->screen != YS_SCR_KEYS && s->screen != YS_SCR_QHELP)
			s->help_return = s->screen;
		s->screen = YS_SCR_KEYS;
		s->scroll = 0;
		return true;
	case YS_A_QUIT:
		return sess_quit(s);
	case YS_A_RETRY_SAVE:
		if (!s->started)
			break;
		ys_session_save(s);
		return true;
	case YS_A_SAVE_ELSEWHERE:
		if (!s->started)
			break;
		sess_open_prompt(s, YS_PROMPT_SAVE_AS, ys_session_path(s));
		return true;
	default:
		break;
	}
	if (sess_running(s)) {
		switch (act->type) {
		case YS_A_QHELP:
			if (s->screen != YS_SCR_QUESTION)
				break;
			s->help_return = s->screen;
			s->screen = YS_SCR_QHELP;
			s->scroll = 0;
			return true;
		case YS_A_AREAS:
			if (s->screen == YS_SCR_AREAS) {
				s->screen = YS_SCR_QUESTION;
				return true;
			}
			s->row = s->q->questions[s->question].area;
			s->screen = YS_SCR_AREAS;
			return true;
		case YS_A_REVIEW:
			if (s->screen == YS_SCR_REVIEW) {
				s->screen = YS_SCR_QUESTION;
				return true;
			}
			sess_open_review(s);
			return true;
		case YS_A_PROFILE:
			if (s->screen == YS_SCR_PROFILE) {
				s->screen = YS_SCR_QUESTION;
				return true;
			}
			sess_open_profile(s);
			return true;
		case YS_A_BACK:
			if (s->screen == YS_SCR_QUESTION)
				break;
			sess_go_question(s, s->question);
			return true;
		default:
			break;
		}
	}
	*done = false;
	return false;
}

bool ys_session_apply(ys_session *s, const ys_session_action *act)
{
	bool done;
	bool r;

	if (s->outcome != YS_OUT_RUNNING)
		return false;
	if (act->type == YS_A_TERMINATE) {
		if (s->started && (s->dirty || s->save_failed))
			ys_session_save(s);
		s->outcome = YS_OUT_TERMINATED;
		return true;
	}
	if (act->type == YS_A_INTERRUPT) {
		if (s->prompt == YS_PROMPT_CONFIRM_QUIT ||
		    s->prompt == YS_PROMPT_QUIT_UNSAVED)
			return false;
		sess_drop_pending(s);
		sess_close_prompt(s);
		s->prompt = YS_PROMPT_CONFIRM_QUIT;
		return true;
	}
	if (s->prompt != YS_PROMPT_NONE)
		return sess_prompt_action(s, act);
	if (s->screen == YS_SCR_JOIN)
		return sess_join_action(s, act);
	r = sess_live_action(s, act, &done);
	if (done)
		return r;
	if (s->screen == YS_SCR_KEYS || s->screen == YS_SCR_QHELP)
		return help_action(s, act);
	r = common_action(s, act, &done);
	if (done)
		return r;
	switch (s->screen) {
	case YS_SCR_START:
		return start_action(s, act);
	case YS_SCR_CHANGED:
		return changed_action(s, act);
	case YS_SCR_QUESTION:
		return question_action(s, act);
	case YS_SCR_AREAS:
		return areas_action(s, act);
	case YS_SCR_REVIEW:
		return review_action(s, act);
	case YS_SCR_PROFILE:
		return profile_action(s, act);
	default:
		return false;
	}
}

bool ys_session_do(ys_session *s, ys_action_type type)
{
	ys_session_action a = {type, 0, NULL};

	return ys_session_apply(s, &a);
}

ys_session *ys_session_new(const ys_questionnaire *q, ys_answers *a,
			   ys_store *store, const ys_session_opts *opts)
{
	ys_session *s = ys_calloc(1, sizeof(*s));
	size_t i;

	if (!s)
		return NULL;
	s->review = ys_calloc(q->n_questions ? q->n_questions : 1, sizeof(*s->review));
	if (!s->review || !ys_line_reserve(&s->line)) {
		ys_free(s->review);
		ys_line_free(&s->line);
		ys_free(s);
		return NULL;
	}
	s->q = q;
	s->a = a;
	s->editing = SIZE_MAX;
	if (opts)
		s->opts = *opts;
	if (s->opts.workshop && !sess_workshop_new(s)) {
		ys_free(s->review);
		ys_line_free(&s->line);
		ys_free(s);
		return NULL;
	}
	if (store) {
		s->store = *store;
		s->has_store = true;
		memset(store, 0, sizeof(*store));
	}
	s->target = -1;
	for (i = 0; a->target && i < q->n_targets; i++)
		if (!strcmp(q->targets[i].name, a->target))
			s->target = (int)i;
	for (i = 0; i < s->opts.n_q; i++)
		if (!strcmp(s->opts.q_ids[i], q->id))
			s->q_choice = i;
	s->help_return = YS_SCR_QUESTION;
	if (s->opts.resume) {
		s->started = true;
		if (s->opts.has_changes)
			s->screen = YS_SCR_CHANGED;
		else
			sess_land(s);
		if (s->workshop)
			sess_resumed_status(s);
		else
			sess_status(s, false, "Resumed: %zu of %zu answered.",
				   ys_session_answered(s), q->n_questions);
	} else {
		s->screen = YS_SCR_START;
		s->row = a->organisation ? ys_session_start_rows(s) - 1 : 0;
		if (s->workshop && a->organisation && !a->n_participants)
			s->row = start_row_of(s, YS_START_PARTICIPANTS);
		if (s->opts.offer_path) {
			s->row = 0;
			sess_status(s, false, "Enter resumes the earlier %s; Begin starts a new one.",
				    s->workshop ? "workshop" : "assessment");
		}
	}
	return s;
}

void ys_session_free(ys_session *s)
{
	if (!s)
		return;
	if (s->has_store)
		ys_store_close(&s->store);
	if (s->has_score)
		ys_score_free(&s->score);
	ys_answers_free(s->a);
	sess_drop_pending(s);
	ys_free(s->export_format);
	ys_free(s->review);
	ys_line_free(&s->line);
	ys_free(s->save_error);
	ys_free(s->revealed);
	ys_free(s->area_spent);
	ys_free(s->undo);
	sess_live_free(s);
	ys_free(s);
}
