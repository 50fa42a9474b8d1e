/* The interview state machine; see session.h. No curses, no printing. */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "yardstick/alloc.h"
#include "yardstick/consensus.h"
#include "yardstick/session.h"
#include "yardstick/text.h"

#define INPUT_MAX 4096

static void status_set(ys_session *s, bool error, const char *fmt, ...)
	YS_PRINTF(3, 4);

static void status_set(ys_session *s, bool error, const char *fmt, ...)
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

static ys_answer_kind kind_of(const ys_session *s, size_t i)
{
	return s->a->responses[i].choice.kind;
}

size_t ys_session_answered(const ys_session *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->q->n_questions; i++)
		if (kind_of(s, i) != YS_ANS_NONE)
			n++;
	return n;
}

void ys_session_area_progress(const ys_session *s, size_t area,
			      size_t *answered, size_t *total)
{
	const ys_area *ar = &s->q->areas[area];
	size_t i, n = 0;

	for (i = 0; i < ar->n_questions; i++)
		if (kind_of(s, ar->first_question + i) != YS_ANS_NONE)
			n++;
	*answered = n;
	*total = ar->n_questions;
}

size_t ys_session_first_unanswered(const ys_session *s)
{
	size_t i;

	for (i = 0; i < s->q->n_questions; i++)
		if (kind_of(s, i) == YS_ANS_NONE)
			return i;
	return s->q->n_questions;
}

void ys_session_set_status(ys_session *s, bool error, const char *msg)
{
	status_set(s, error, "%s", msg);
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

bool ys_session_text_prompt(const ys_session *s)
{
	return s->prompt != YS_PROMPT_NONE &&
	       s->prompt != YS_PROMPT_CONFIRM_QUIT &&
	       s->prompt != YS_PROMPT_QUIT_UNSAVED;
}

const char *ys_session_prompt_label(const ys_session *s)
{
	switch (s->prompt) {
	case YS_PROMPT_ORG:
		return "Organisation";
	case YS_PROMPT_ASSESSORS:
		return "Assessors (comma separated)";
	case YS_PROMPT_NA_REASON:
		return "Why does it not apply";
	case YS_PROMPT_NOTE:
		return "Note";
	case YS_PROMPT_OWNER:
		return "Owner of this area";
	case YS_PROMPT_ACTION_TEXT:
		return "New action";
	case YS_PROMPT_ACTION_OWNER:
		return "Action owner";
	case YS_PROMPT_ACTION_DUE:
		return "Due date (YYYY-MM-DD, optional)";
	case YS_PROMPT_SAVE_AS:
		return "Save to file";
	case YS_PROMPT_EXPORT_FORMAT:
		return s->export_label;
	case YS_PROMPT_EXPORT_PATH:
		return "Export the scorecard to file";
	case YS_PROMPT_CONFIRM_QUIT:
		return "Quit? Your answers are saved. (y/n)";
	case YS_PROMPT_QUIT_UNSAVED:
		return "The last save failed. Quit and lose unsaved changes? (y/n, R retry, W save elsewhere)";
	case YS_PROMPT_PARTICIPANTS:
		return "Participants (comma separated; initials are fine)";
	case YS_PROMPT_TIMEBOX:
		return "Minutes per area (empty for no time box)";
	case YS_PROMPT_DISSENT:
		return "Dissent note (who disagrees, and why)";
	case YS_PROMPT_NONE:
		break;
	}
	return "";
}

/* ---- Saving ---- */

static void local_time(char out[16])
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
		local_time(s->saved_at);
		status_set(s, false, "Saved at %s (%zu of %zu answered)",
			   s->saved_at, ys_session_answered(s),
			   s->q->n_questions);
		return true;
	}
	ys_free(s->save_error);
	s->save_error = err ? err : ys_strdup("the answers file could not be written");
	s->save_failed = true;
	s->dirty = true;
	status_set(s, true, "NOT SAVED: %s. Answers kept in memory: R retry, W save elsewhere.",
		   s->save_error ? s->save_error : "out of memory");
	return false;
}

/* Records that the answers changed and saves them. */
static void changed(ys_session *s)
{
	s->dirty = true;
	ys_session_save(s);
}

static void touch_updated(ys_session *s)
{
	char now[32];

	ys_now_rfc3339(now);
	ys_answers_set_string(&s->a->updated, now);
}

static void oom(ys_session *s)
{
	status_set(s, true, "Out of memory: that change was not made.");
}

/* ---- Workshop: clock and votes ---- */

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

static long now_s(const ys_session *s)
{
	return s->opts.clock ? s->opts.clock(s->opts.clock_ctx) : default_clock(NULL);
}

static bool running(const ys_session *s)
{
	return s->screen != YS_SCR_START && s->screen != YS_SCR_CHANGED;
}

/* Charges the time since the last mark to the current question's area. */
static void charge(ys_session *s)
{
	long t;

	if (!s->workshop || !s->area_spent)
		return;
	t = now_s(s);
	if (running(s) && s->question < s->q->n_questions && t > s->mark)
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
	long t = now_s(s) - s->shown_at;

	return t > 0 ? t : 0;
}

long ys_session_area_left(const ys_session *s, size_t area)
{
	long spent, t;

	if (!s->workshop || !s->timebox || !s->area_spent || area >= s->q->n_areas)
		return 0;
	spent = s->area_spent[area];
	t = now_s(s);
	if (running(s) && s->question < s->q->n_questions &&
	    s->q->questions[s->question].area == area && t > s->mark)
		spent += t - s->mark;
	return (long)s->timebox * 60 - spent;
}

size_t ys_session_contested(const ys_session *s)
{
	size_t i, n = 0;

	for (i = 0; i < s->q->n_questions; i++)
		if (s->a->responses[i].contested)
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

static bool undo_room(ys_session *s)
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
static void enter_question(ys_session *s, size_t i)
{
	s->shown_at = now_s(s);
	s->n_undo = 0;
	s->voter = next_voter(s, i, 0);
	if (s->a->responses[i].choice.kind != YS_ANS_NONE)
		s->revealed[i] = true;
	s->entered = true;
}

/* ---- Navigation ---- */

static void go_question(ys_session *s, size_t i)
{
	const ys_response *r;

	if (i >= s->q->n_questions)
		i = s->q->n_questions - 1;
	if (s->workshop && (i != s->question || !s->entered)) {
		charge(s);
		s->question = i;
		enter_question(s, i);
	}
	s->question = i;
	r = &s->a->responses[i];
	s->option = r->choice.kind == YS_ANS_OPTION ? r->choice.option : 0;
	if (s->option < 0 || (size_t)s->option >= s->q->questions[i].n_options)
		s->option = 0;
	s->screen = YS_SCR_QUESTION;
}

static void rebuild_review(ys_session *s)
{
	size_t i;

	s->n_review = 0;
	for (i = 0; i < s->q->n_questions; i++) {
		const ys_response *r = &s->a->responses[i];
		unsigned f = 0;

		if (r->choice.kind == YS_ANS_NONE)
			f |= YS_REV_UNANSWERED;
		if (r->parked)
			f |= YS_REV_PARKED;
		if (r->choice.kind == YS_ANS_DONT_KNOW)
			f |= YS_REV_DONT_KNOW;
		if (r->choice.kind == YS_ANS_NA)
			f |= YS_REV_NA;
		if (s->workshop && r->contested)
			f |= YS_REV_CONTESTED;
		if (s->workshop && r->choice.kind == YS_ANS_NONE && r->n_votes)
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

static void recompute_score(ys_session *s)
{
	if (s->has_score)
		ys_score_free(&s->score);
	memset(&s->score, 0, sizeof(s->score));
	s->has_score = ys_score_compute(s->q, s->a, NULL, &s->score);
	if (!s->has_score) {
		ys_score_free(&s->score);
		memset(&s->score, 0, sizeof(s->score));
		status_set(s, true, "The scores could not be computed.");
	}
}

static void open_review(ys_session *s)
{
	rebuild_review(s);
	s->row = 0;
	s->screen = YS_SCR_REVIEW;
}

static void open_profile(ys_session *s)
{
	recompute_score(s);
	s->row = s->q->questions[s->question].area;
	s->screen = YS_SCR_PROFILE;
}

/* Lands on the first unanswered question, or on the profile when
 * everything is answered. */
static void land(ys_session *s)
{
	size_t i = ys_session_first_unanswered(s);

	if (i < s->q->n_questions) {
		go_question(s, i);
	} else if (s->workshop && ys_session_contested(s)) {
		/* A file straight from merge: settle the contested questions. */
		s->question = 0;
		open_review(s);
	} else {
		s->question = 0;
		open_profile(s);
	}
}

/* Moves on after question s->question was answered. finished is true when
 * this answer was the last one missing. */
static void advance(ys_session *s, bool finished)
{
	if (finished) {
		open_profile(s);
		return;
	}
	if (s->question + 1 < s->q->n_questions) {
		go_question(s, s->question + 1);
		return;
	}
	if (ys_session_first_unanswered(s) == s->q->n_questions)
		open_profile(s);
	else
		open_review(s);
}

static bool set_choice(ys_session *s, ys_choice c)
{
	size_t i = s->question;
	bool was_open = kind_of(s, i) == YS_ANS_NONE;

	if (c.kind != YS_ANS_NA && s->a->responses[i].na_reason &&
	    !ys_answers_set_na_reason(s->a, i, NULL)) {
		oom(s);
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
			oom(s);
			return true;
		}
	}
	if (!ys_answers_set_choice(s->a, s->q, i, c)) {
		oom(s);
		return true;
	}
	changed(s);
	if (s->workshop && !s->save_failed) {
		const ys_question *qn = &s->q->questions[i];

		status_set(s, false, "Question %zu agreed: %s%s. Saved at %s.", i + 1,
			   c.kind == YS_ANS_OPTION ? qn->options[c.option].label :
			   c.kind == YS_ANS_NA ? "N/A" : "Don't know",
			   s->a->responses[i].contested ? " (contested)" : "", s->saved_at);
	}
	advance(s, was_open && ys_session_first_unanswered(s) == s->q->n_questions);
	return true;
}

static bool choose(ys_session *s, long opt)
{
	const ys_question *qn = &s->q->questions[s->question];
	ys_choice c;

	if (opt < 0 || (size_t)opt >= qn->n_options) {
		status_set(s, true, "There is no option %ld here.", opt + 1);
		return true;
	}
	c.kind = YS_ANS_OPTION;
	c.option = (int)opt;
	return set_choice(s, c);
}

/* ---- Prompts and the line editor ---- */

static bool input_set(ys_session *s, const char *text)
{
	size_t n = text ? strlen(text) : 0;

	if (n > INPUT_MAX)
		n = INPUT_MAX;
	if (n + 1 > s->input_cap) {
		char *p = ys_realloc(s->input, n + 1);

		if (!p)
			return false;
		s->input = p;
		s->input_cap = n + 1;
	}
	if (n)
		memcpy(s->input, text, n);
	s->input[n] = '\0';
	s->input_len = n;
	s->cursor = n;
	return true;
}

static void open_prompt(ys_session *s, ys_prompt p, const char *initial)
{
	if (!input_set(s, initial) && !input_set(s, NULL)) {
		oom(s);
		return;
	}
	s->prompt = p;
}

static void close_prompt(ys_session *s)
{
	s->prompt = YS_PROMPT_NONE;
	if (s->input) {
		s->input[0] = '\0';
		s->input_len = 0;
		s->cursor = 0;
	}
}

/* Inserts typed text at the cursor, turning anything unsafe into U+FFFD
 * and line breaks and tabs into spaces. */
static bool input_insert(ys_session *s, const char *text)
{
	char *clean;
	size_t n, need;

	if (!text || !*text)
		return false;
	clean = ys_sanitize(text, strlen(text), 0);
	if (!clean) {
		oom(s);
		return true;
	}
	n = strlen(clean);
	if (s->input_len + n > INPUT_MAX) {
		ys_free(clean);
		status_set(s, true, "That text is too long.");
		return true;
	}
	need = s->input_len + n + 1;
	if (need > s->input_cap) {
		size_t cap = s->input_cap ? s->input_cap : 64;
		char *p;

		while (cap < need)
			cap *= 2;
		p = ys_realloc(s->input, cap);
		if (!p) {
			ys_free(clean);
			oom(s);
			return true;
		}
		s->input = p;
		s->input_cap = cap;
	}
	memmove(s->input + s->cursor + n, s->input + s->cursor,
		s->input_len - s->cursor + 1);
	memcpy(s->input + s->cursor, clean, n);
	s->input_len += n;
	s->cursor += n;
	ys_free(clean);
	return true;
}

static size_t prev_char(const char *s, size_t at)
{
	while (at > 0) {
		at--;
		if (((unsigned char)s[at] & 0xC0) != 0x80)
			break;
	}
	return at;
}

static size_t next_char(const char *s, size_t len, size_t at)
{
	uint32_t cp;

	if (at >= len)
		return len;
	return at + ys_utf8_decode(s + at, len - at, &cp);
}

static void input_remove(ys_session *s, size_t from, size_t to)
{
	memmove(s->input + from, s->input + to, s->input_len - to + 1);
	s->input_len -= to - from;
	s->cursor = from;
}

/* The input with spaces trimmed, as a new string (NULL when out of
 * memory); the caller frees it. */
static char *input_trimmed(const ys_session *s)
{
	const char *b = s->input ? s->input : "";
	const char *e = b + strlen(b);

	while (*b == ' ' || *b == '\t')
		b++;
	while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return ys_strndup(b, (size_t)(e - b));
}

static bool edit(ys_session *s, const ys_session_action *act)
{
	switch (act->type) {
	case YS_A_INPUT_INSERT:
		return input_insert(s, act->text);
	case YS_A_INPUT_BACKSPACE:
		if (s->cursor == 0)
			return false;
		input_remove(s, prev_char(s->input, s->cursor), s->cursor);
		return true;
	case YS_A_INPUT_DELETE:
		if (s->cursor >= s->input_len)
			return false;
		input_remove(s, s->cursor,
			     next_char(s->input, s->input_len, s->cursor));
		return true;
	case YS_A_INPUT_LEFT:
		if (s->cursor == 0)
			return false;
		s->cursor = prev_char(s->input, s->cursor);
		return true;
	case YS_A_INPUT_RIGHT:
		if (s->cursor >= s->input_len)
			return false;
		s->cursor = next_char(s->input, s->input_len, s->cursor);
		return true;
	case YS_A_INPUT_HOME:
		s->cursor = 0;
		return true;
	case YS_A_INPUT_END:
		s->cursor = s->input_len;
		return true;
	case YS_A_INPUT_KILL:
		input_remove(s, 0, s->input_len);
		return true;
	default:
		return false;
	}
}

/* ---- Answers fields ---- */

/* Splits a comma-separated list of names, trimming spaces and tabs and
 * dropping empty items, into *out (n names; the caller frees each and the
 * array with ys_free). Returns 0, 1 when there are more than max names,
 * or -1 when out of memory; on failure *out is NULL. */
static int split_names(const char *text, size_t max, char ***out, size_t *count)
{
	char **list = NULL;
	size_t n = 0;
	const char *p = text;
	int rc = 0;

	while (*p) {
		const char *e = strchr(p, ',');
		const char *b = p, *t;

		if (!e)
			e = p + strlen(p);
		t = e;
		while (b < t && (*b == ' ' || *b == '\t'))
			b++;
		while (t > b && (t[-1] == ' ' || t[-1] == '\t'))
			t--;
		if (t > b) {
			char **nl;

			if (n == max) {
				rc = 1;
				goto fail;
			}
			nl = ys_realloc(list, (n + 1) * sizeof(*nl));
			if (!nl || !(nl[n] = ys_strndup(b, (size_t)(t - b)))) {
				if (nl)
					list = nl;
				rc = -1;
				goto fail;
			}
			list = nl;
			n++;
		}
		p = *e ? e + 1 : e;
	}
	*out = list;
	*count = n;
	return 0;
fail:
	while (n)
		ys_free(list[--n]);
	ys_free(list);
	*out = NULL;
	*count = 0;
	return rc;
}

static bool set_assessors(ys_session *s, const char *text)
{
	char **list;
	size_t n, i;
	bool ok;

	if (split_names(text, SIZE_MAX, &list, &n) != 0)
		return false;
	ok = ys_answers_set_assessors(s->a, (const char *const *)list, n);
	for (i = 0; i < n; i++)
		ys_free(list[i]);
	ys_free(list);
	return ok;
}

static bool valid_date(const char *d)
{
	int y, m, day, i;
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (strlen(d) != 10 || d[4] != '-' || d[7] != '-')
		return false;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (d[i] < '0' || d[i] > '9'))
			return false;
	y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 + (d[3] - '0');
	m = (d[5] - '0') * 10 + (d[6] - '0');
	day = (d[8] - '0') * 10 + (d[9] - '0');
	if (m < 1 || m > 12 || day < 1 || day > mdays[m - 1])
		return false;
	if (m == 2 && day == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return false;
	return true;
}

static bool add_action(ys_session *s, const char *due)
{
	if (!ys_answers_add_action(s->a, s->q, s->row, s->pending_action,
				   s->pending_owner, due))
		return false;
	ys_free(s->pending_action);
	ys_free(s->pending_owner);
	s->pending_action = NULL;
	s->pending_owner = NULL;
	return true;
}

static void drop_pending(ys_session *s)
{
	ys_free(s->pending_action);
	ys_free(s->pending_owner);
	s->pending_action = NULL;
	s->pending_owner = NULL;
}

/* ---- Leaving ---- */

static bool quit(ys_session *s)
{
	if (s->started && (s->dirty || s->save_failed) && !ys_session_save(s)) {
		s->prompt = YS_PROMPT_QUIT_UNSAVED;
		return true;
	}
	s->outcome = YS_OUT_QUIT;
	return true;
}

static bool save_as(ys_session *s, const char *path)
{
	ys_store ns;
	struct stat st;
	pid_t holder = 0;
	char *err = NULL;
	int rc;

	if (s->has_store && !strcmp(path, s->store.path))
		return ys_session_save(s);
	if (lstat(path, &st) == 0) {
		status_set(s, true, "%s already exists; choose a new file name.", path);
		return false;
	}
	memset(&ns, 0, sizeof(ns));
	rc = ys_store_open(&ns, path, &holder, &err);
	if (rc != 0) {
		status_set(s, true, "Cannot save to %s: %s", path,
			   err ? err : "the file cannot be created");
		ys_free(err);
		return false;
	}
	rc = ys_store_save(&ns, s->a, &err);
	if (rc != 0) {
		status_set(s, true, "Cannot save to %s: %s", path,
			   err ? err : "the file cannot be written");
		ys_free(err);
		ys_store_close(&ns);
		return false;
	}
	if (s->has_store)
		ys_store_close(&s->store);
	s->store = ns;
	s->has_store = true;
	s->save_failed = false;
	s->dirty = false;
	s->started = true;
	ys_free(s->save_error);
	s->save_error = NULL;
	local_time(s->saved_at);
	status_set(s, false, "Saved %s to %s", s->saved_at, path);
	return true;
}

/* ---- Workshop fields ---- */

/* Sets the participants from a comma-separated list. Returns false with
 * the reason on the status line when the list is refused. */
static bool set_participants(ys_session *s, const char *text)
{
	char **list;
	size_t n, i, j;
	bool ok = false;
	int rc = split_names(text, YS_MAX_NAMES, &list, &n);

	if (rc > 0) {
		status_set(s, true, "At most %d participants.", YS_MAX_NAMES);
		return false;
	}
	if (rc < 0) {
		oom(s);
		return false;
	}
	for (i = 0; i < n; i++) {
		for (j = 0; j < i; j++) {
			if (ys_name_equal(list[i], list[j])) {
				status_set(s, true, "%s is named twice: give each participant a different name.",
					   list[i]);
				goto done;
			}
		}
	}
	if (!ys_answers_set_participants(s->a, (const char *const *)list, n) ||
	    !undo_room(s))
		goto oom;
	ok = true;
	goto done;
oom:
	oom(s);
done:
	while (n)
		ys_free(list[--n]);
	ys_free(list);
	return ok;
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

static bool set_timebox(ys_session *s, const char *text)
{
	if (!*text) {
		s->timebox = 0;
		return true;
	}
	if (!ys_timebox_parse(text, &s->timebox)) {
		status_set(s, true, "Give the time box as whole minutes, 1 to %d (0 or empty for none).",
			   YS_TIMEBOX_MAX);
		return false;
	}
	return true;
}

#define DISSENT_PREFIX "Dissent: "

/* Adds a line "Dissent: text" to the current question's note. */
static void add_dissent(ys_session *s, const char *text)
{
	const char *old = s->a->responses[s->question].note;
	size_t n = (old ? strlen(old) + 1 : 0) + strlen(DISSENT_PREFIX) + strlen(text) + 1;
	char *note = ys_malloc(n);

	if (!note) {
		oom(s);
		return;
	}
	snprintf(note, n, "%s%s%s%s", old ? old : "", old ? "\n" : "", DISSENT_PREFIX, text);
	if (!ys_answers_set_note(s->a, s->question, note)) {
		ys_free(note);
		oom(s);
		return;
	}
	ys_free(note);
	changed(s);
	if (!s->save_failed)
		status_set(s, false, "Dissent note added and saved.");
}

/* ---- Exporting the scorecard ---- */

/* The first free name NAME-scorecard.EXT (then -2, -3...) beside the
 * answers file; the caller frees it. */
static char *export_default_name(const ys_session *s, const char *ext)
{
	const char *path = ys_session_path(s) ? ys_session_path(s) : "assessment.yaml";
	size_t stem = strlen(path), cap;
	struct stat st;
	char *name;
	int i;

	if (stem > 5 && !strcmp(path + stem - 5, ".yaml"))
		stem -= 5;
	else if (stem > 4 && !strcmp(path + stem - 4, ".yml"))
		stem -= 4;
	cap = stem + strlen(ext) + 32;
	name = ys_malloc(cap);
	if (!name)
		return NULL;
	for (i = 1; i < 1000; i++) {
		if (i == 1)
			snprintf(name, cap, "%.*s-scorecard.%s", (int)stem, path, ext);
		else
			snprintf(name, cap, "%.*s-scorecard-%d.%s", (int)stem, path, i, ext);
		if (lstat(name, &st) != 0 && errno == ENOENT)
			break;
	}
	return name;
}

static void export_format_chosen(ys_session *s, const char *text)
{
	const char *format = text, *ext = text;
	char *name;

	if (s->opts.export_format && !s->opts.export_format(text, &format, &ext)) {
		if (s->opts.export_formats)
			status_set(s, true, "Unknown format '%s': type %s.", text,
				   s->opts.export_formats);
		else
			status_set(s, true, "Unknown format '%s'.", text);
		return;
	}
	if (!ys_answers_set_string(&s->export_format, format)) {
		oom(s);
		return;
	}
	name = export_default_name(s, ext);
	close_prompt(s);
	open_prompt(s, YS_PROMPT_EXPORT_PATH, name);
	ys_free(name);
}

static void export_to(ys_session *s, const char *path)
{
	char *msg = NULL;
	bool exists = false, ok;

	if (!*path) {
		status_set(s, true, "Type a file name to export to, or Esc to cancel.");
		return;
	}
	if (s->dirty)
		ys_session_save(s);
	ok = s->opts.export_fn(s->opts.export_ctx, s->q, s->a,
			       s->export_format ? s->export_format : "text", path,
			       &msg, &exists);
	/* A name that is taken keeps the prompt open for another one. */
	if (ok || !exists)
		close_prompt(s);
	status_set(s, !ok, "%s", msg ? msg : (ok ? "Exported." : "Export failed."));
	ys_free(msg);
}

/* ---- Submitting a prompt ---- */

static bool submit(ys_session *s)
{
	ys_prompt p = s->prompt;
	char *text = input_trimmed(s);
	bool ok = true;

	if (!text) {
		oom(s);
		return true;
	}
	switch (p) {
	case YS_PROMPT_ORG:
		ok = ys_answers_set_string(&s->a->organisation, *text ? text : NULL);
		close_prompt(s);
		break;
	case YS_PROMPT_ASSESSORS:
		ok = set_assessors(s, text);
		close_prompt(s);
		break;
	case YS_PROMPT_NA_REASON: {
		ys_choice c = {YS_ANS_NA, -1};

		if (!*text) {
			status_set(s, true, "N/A needs a reason: type why this question does not apply, or Esc to cancel.");
			break;
		}
		close_prompt(s);
		if (!ys_answers_set_na_reason(s->a, s->question, text)) {
			oom(s);
			break;
		}
		set_choice(s, c);
		break;
	}
	case YS_PROMPT_NOTE:
		close_prompt(s);
		if (!ys_answers_set_note(s->a, s->question, *text ? text : NULL)) {
			oom(s);
			break;
		}
		changed(s);
		break;
	case YS_PROMPT_OWNER: {
		close_prompt(s);
		if (!ys_answers_set_owner(s->a, s->q, s->row, *text ? text : NULL)) {
			oom(s);
			break;
		}
		changed(s);
		recompute_score(s);
		break;
	}
	case YS_PROMPT_ACTION_TEXT:
		if (!*text) {
			close_prompt(s);
			break;
		}
		drop_pending(s);
		s->pending_action = text;
		text = NULL;
		open_prompt(s, YS_PROMPT_ACTION_OWNER, NULL);
		break;
	case YS_PROMPT_ACTION_OWNER:
		if (*text) {
			s->pending_owner = text;
			text = NULL;
		}
		open_prompt(s, YS_PROMPT_ACTION_DUE, NULL);
		break;
	case YS_PROMPT_ACTION_DUE:
		if (*text && !valid_date(text)) {
			status_set(s, true, "Give the due date as YYYY-MM-DD, or leave it empty.");
			break;
		}
		close_prompt(s);
		if (!add_action(s, text)) {
			drop_pending(s);
			oom(s);
			break;
		}
		changed(s);
		break;
	case YS_PROMPT_PARTICIPANTS:
		if (set_participants(s, text))
			close_prompt(s);
		break;
	case YS_PROMPT_TIMEBOX:
		if (set_timebox(s, text))
			close_prompt(s);
		break;
	case YS_PROMPT_DISSENT:
		close_prompt(s);
		if (*text)
			add_dissent(s, text);
		break;
	case YS_PROMPT_SAVE_AS:
		if (!*text) {
			status_set(s, true, "Type a file name to save to, or Esc to cancel.");
			break;
		}
		close_prompt(s);
		save_as(s, text);
		break;
	case YS_PROMPT_EXPORT_FORMAT:
		export_format_chosen(s, text);
		break;
	case YS_PROMPT_EXPORT_PATH:
		export_to(s, text);
		break;
	default:
		close_prompt(s);
		break;
	}
	if (!ok)
		oom(s);
	ys_free(text);
	return true;
}

static bool prompt_action(ys_session *s, const ys_session_action *act)
{
	if (ys_session_text_prompt(s)) {
		if (act->type == YS_A_SUBMIT)
			return submit(s);
		if (act->type == YS_A_CANCEL) {
			drop_pending(s);
			close_prompt(s);
			return true;
		}
		return edit(s, act);
	}
	/* yes/no prompts */
	switch (act->type) {
	case YS_A_YES:
		if (s->prompt == YS_PROMPT_QUIT_UNSAVED) {
			s->outcome = YS_OUT_QUIT;
			return true;
		}
		close_prompt(s);
		return quit(s);
	case YS_A_NO:
	case YS_A_CANCEL:
		close_prompt(s);
		return true;
	case YS_A_RETRY_SAVE:
		if (s->prompt == YS_PROMPT_QUIT_UNSAVED && ys_session_save(s)) {
			close_prompt(s);
			s->outcome = YS_OUT_QUIT;
		}
		return true;
	case YS_A_SAVE_ELSEWHERE:
		close_prompt(s);
		open_prompt(s, YS_PROMPT_SAVE_AS, ys_session_path(s));
		return true;
	default:
		return false;
	}
}

/* ---- Screens ---- */

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
		oom(s);
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
	return s->workshop ? sizeof(workshop_rows) / sizeof(workshop_rows[0]) :
			     sizeof(interview_rows) / sizeof(interview_rows[0]);
}

int ys_session_start_field(const ys_session *s, size_t row)
{
	if (row >= ys_session_start_rows(s))
		return YS_START_BEGIN;
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
		status_set(s, true, "Name the participants first (initials are fine).");
		s->row = start_row_of(s, YS_START_PARTICIPANTS);
		return;
	}
	if (s->opts.n_q && strcmp(s->opts.q_ids[s->q_choice], s->q->id)) {
		s->reload_id = s->opts.q_ids[s->q_choice];
		s->outcome = YS_OUT_RELOAD;
		return;
	}
	if (s->workshop && !undo_room(s)) {
		oom(s);
		return;
	}
	s->mark = now_s(s);
	land(s);
	changed(s);
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
			s->q_choice = (s->q_choice + s->opts.n_q + (size_t)(long)dir) % s->opts.n_q;
			return true;
		}
		return false;
	case YS_A_SELECT:
		switch (field) {
		case YS_START_PARTICIPANTS:
			joined = ys_names_join(s->a->participants, s->a->n_participants);
			open_prompt(s, YS_PROMPT_PARTICIPANTS, joined);
			ys_free(joined);
			return true;
		case YS_START_TIMEBOX: {
			char buf[16] = "";

			if (s->timebox)
				snprintf(buf, sizeof(buf), "%u", s->timebox);
			open_prompt(s, YS_PROMPT_TIMEBOX, buf);
			return true;
		}
		case YS_START_ORG:
			open_prompt(s, YS_PROMPT_ORG, s->a->organisation);
			return true;
		case YS_START_ASSESSORS:
			joined = ys_names_join(s->a->assessors, s->a->n_assessors);
			open_prompt(s, YS_PROMPT_ASSESSORS, joined);
			ys_free(joined);
			return true;
		case YS_START_TARGET:
			cycle_target(s, 1);
			return true;
		case YS_START_QUESTIONNAIRE:
			if (s->opts.n_q > 1)
				s->q_choice = (s->q_choice + 1) % s->opts.n_q;
			return true;
		default:
			begin(s);
			return true;
		}
	default:
		return false;
	}
}

/* ---- Workshop: the question screen ---- */

static bool record_vote(ys_session *s, ys_choice c)
{
	size_t i = s->question, n = s->a->n_participants, p = s->voter;

	if (!n) {
		status_set(s, true, "This workshop has no participants to vote.");
		return true;
	}
	if (p >= n) {
		status_set(s, false, "Everyone has voted: Enter or v reveals the votes, Backspace takes the last one back.");
		return true;
	}
	if (!undo_room(s) || !ys_answers_set_vote(s->a, s->q, i, p, c)) {
		oom(s);
		return true;
	}
	if (s->n_undo == s->undo_cap) {
		memmove(s->undo, s->undo + 1, (s->n_undo - 1) * sizeof(*s->undo));
		s->n_undo--;
	}
	s->undo[s->n_undo++] = p;
	s->voter = next_voter(s, i, p + 1);
	changed(s);
	if (s->save_failed)
		return true;
	if (s->voter < n)
		status_set(s, false, "%s has voted (%zu of %zu). Next: %s.",
			   s->a->participants[p], ys_session_votes_cast(s, i), n,
			   s->a->participants[s->voter]);
	else
		status_set(s, false, "%s has voted. Everyone has voted: Enter reveals the votes.",
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
		status_set(s, false, "There is no vote to take back.");
		return true;
	}
	if (!ys_answers_set_vote(s->a, s->q, i, (size_t)p,
				 (ys_choice){YS_ANS_NONE, -1})) {
		oom(s);
		return true;
	}
	s->voter = (size_t)p;
	changed(s);
	if (!s->save_failed)
		status_set(s, false, "%s's vote was taken back: %s votes again.",
			   s->a->participants[p], s->a->participants[p]);
	return true;
}

static bool reveal(ys_session *s)
{
	s->revealed[s->question] = true;
	s->n_undo = 0;
	if (!ys_session_votes_cast(s, s->question))
		status_set(s, false, "No votes were recorded: choose the answer with 1-9, d or x.");
	else
		status_set(s, false, "Votes revealed: Enter accepts the proposed answer; 1-9, d or x chooses another.");
	return true;
}

static bool accept(ys_session *s)
{
	size_t i = s->question;
	const ys_response *r = &s->a->responses[i];
	ys_spread sp = ys_consensus_votes(&s->q->questions[i], r->votes, r->n_votes, NULL);

	if (sp.proposed.kind == YS_ANS_NONE) {
		status_set(s, false, "No votes to agree: choose the answer with 1-9, d or x.");
		return true;
	}
	if (sp.proposed.kind == YS_ANS_NA && !r->na_reason &&
	    !ys_answers_set_na_reason(s->a, i, "Every participant answered N/A.")) {
		oom(s);
		return true;
	}
	return set_choice(s, sp.proposed);
}

/* Keys of the question screen that differ in a workshop; *done is false
 * for those that work as in the interview. */
static bool workshop_action(ys_session *s, const ys_session_action *act, bool *done)
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
			status_set(s, true, "There is no option %ld here.", act->arg + 1);
			return true;
		}
		c.kind = YS_ANS_OPTION;
		c.option = (int)act->arg;
		return shown ? set_choice(s, c) : record_vote(s, c);
	case YS_A_DONT_KNOW:
		c.kind = YS_ANS_DONT_KNOW;
		return shown ? set_choice(s, c) : record_vote(s, c);
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
			status_set(s, false, "%zu of %zu have voted: v reveals the votes now.",
				   ys_session_votes_cast(s, s->question), n);
			return true;
		}
		return reveal(s);
	case YS_A_REVEAL:
		if (shown) {
			status_set(s, false, "The votes are shown: Enter accepts the proposed answer.");
			return true;
		}
		return reveal(s);
	case YS_A_UNDO_VOTE:
		if (shown) {
			status_set(s, false, "The votes are shown: choose the answer, or p to park the question.");
			return true;
		}
		return undo_vote(s);
	case YS_A_DISSENT:
		open_prompt(s, YS_PROMPT_DISSENT, NULL);
		return true;
	default:
		*done = false;
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
		bool changed_state = workshop_action(s, act, &done);

		if (done)
			return changed_state;
	}
	switch (act->type) {
	case YS_A_UP:
		if (s->option > 0)
			s->option--;
		return s->option != old;
	case YS_A_DOWN:
		if ((size_t)s->option + 1 < qn->n_options)
			s->option++;
		return s->option != old;
	case YS_A_FIRST:
		s->option = 0;
		return s->option != old;
	case YS_A_LAST:
		s->option = (int)qn->n_options - 1;
		return s->option != old;
	case YS_A_SELECT:
		return choose(s, s->option);
	case YS_A_CHOOSE:
		return choose(s, act->arg);
	case YS_A_PREV:
		if (s->question == 0) {
			status_set(s, false, "This is the first question.");
			return true;
		}
		go_question(s, s->question - 1);
		return true;
	case YS_A_NEXT:
		if (s->question + 1 >= s->q->n_questions) {
			status_set(s, false, "This is the last question: r reviews what is left.");
			return true;
		}
		go_question(s, s->question + 1);
		return true;
	case YS_A_DONT_KNOW:
		return set_choice(s, dk);
	case YS_A_NA:
		if (!qn->allow_na) {
			status_set(s, true, "This question cannot be marked N/A.");
			return true;
		}
		open_prompt(s, YS_PROMPT_NA_REASON, r->na_reason);
		return true;
	case YS_A_NOTE:
		open_prompt(s, YS_PROMPT_NOTE, r->note);
		return true;
	case YS_A_PARK:
		if (r->parked) {
			if (!ys_answers_set_parked(s->a, s->question, false)) {
				oom(s);
				return true;
			}
			changed(s);
			return true;
		}
		if (!ys_answers_set_parked(s->a, s->question, true)) {
			oom(s);
			return true;
		}
		changed(s);
		advance(s, false);
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
		if (kind_of(s, ar->first_question + i) == YS_ANS_NONE)
			break;
	if (i == ar->n_questions)
		i = 0;
	go_question(s, ar->first_question + i);
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
	go_question(s, s->review[i].question);
}

static bool review_action(ys_session *s, const ys_session_action *act)
{
	bool r = false;

	list_action(s, act, s->n_review, open_review_row, &r);
	return r;
}

static bool profile_action(ys_session *s, const ys_session_action *act)
{
	ys_area_record *r = ys_answers_area(s->a, s->q->areas[s->row].id);
	bool handled;

	if (list_action(s, act, s->q->n_areas, jump_area, &handled))
		return handled;
	switch (act->type) {
	case YS_A_OWNER:
		open_prompt(s, YS_PROMPT_OWNER, r ? r->owner : NULL);
		return true;
	case YS_A_ADD_ACTION:
		drop_pending(s);
		open_prompt(s, YS_PROMPT_ACTION_TEXT, NULL);
		return true;
	case YS_A_DELETE_ACTION:
		if (!r || !r->n_actions) {
			status_set(s, false, "This area has no actions to remove.");
			return true;
		}
		if (!ys_answers_remove_action(s->a, s->q, s->row, r->n_actions - 1)) {
			oom(s);
			return true;
		}
		changed(s);
		return true;
	case YS_A_EXPORT:
		if (!s->opts.export_fn) {
			status_set(s, false, "Export the scorecard with: yardstick scorecard %s",
				   ys_session_path(s) ? ys_session_path(s) : "ANSWERS");
			return true;
		}
		if (s->opts.export_formats)
			snprintf(s->export_label, sizeof(s->export_label),
				 "Scorecard format (%s)", s->opts.export_formats);
		else
			snprintf(s->export_label, sizeof(s->export_label),
				 "Scorecard format");
		open_prompt(s, YS_PROMPT_EXPORT_FORMAT,
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
			oom(s);
			return true;
		}
		touch_updated(s);
		land(s);
		changed(s);
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
	bool running = s->screen != YS_SCR_START && s->screen != YS_SCR_CHANGED;

	*done = true;
	switch (act->type) {
	case YS_A_KEYS:
		if (s->screen != YS_SCR_KEYS && s->screen != YS_SCR_QHELP)
			s->help_return = s->screen;
		s->screen = YS_SCR_KEYS;
		s->scroll = 0;
		return true;
	case YS_A_QUIT:
		return quit(s);
	case YS_A_RETRY_SAVE:
		if (!s->started)
			break;
		ys_session_save(s);
		return true;
	case YS_A_SAVE_ELSEWHERE:
		if (!s->started)
			break;
		open_prompt(s, YS_PROMPT_SAVE_AS, ys_session_path(s));
		return true;
	default:
		break;
	}
	if (running) {
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
			open_review(s);
			return true;
		case YS_A_PROFILE:
			if (s->screen == YS_SCR_PROFILE) {
				s->screen = YS_SCR_QUESTION;
				return true;
			}
			open_profile(s);
			return true;
		case YS_A_BACK:
			if (s->screen == YS_SCR_QUESTION)
				break;
			go_question(s, s->question);
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
		drop_pending(s);
		close_prompt(s);
		s->prompt = YS_PROMPT_CONFIRM_QUIT;
		return true;
	}
	if (s->prompt != YS_PROMPT_NONE)
		return prompt_action(s, act);
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

/* Sets up a workshop session; false when out of memory. */
static bool workshop_new(ys_session *s)
{
	const ys_questionnaire *q = s->q;

	s->workshop = true;
	s->timebox = s->opts.timebox > YS_TIMEBOX_MAX ? YS_TIMEBOX_MAX : s->opts.timebox;
	s->revealed = ys_calloc(q->n_questions ? q->n_questions : 1, sizeof(*s->revealed));
	s->area_spent = ys_calloc(q->n_areas ? q->n_areas : 1, sizeof(*s->area_spent));
	s->a->mode = YS_MODE_WORKSHOP;
	if (!s->revealed || !s->area_spent || !undo_room(s)) {
		ys_free(s->revealed);
		ys_free(s->area_spent);
		ys_free(s->undo);
		return false;
	}
	s->mark = now_s(s);
	s->shown_at = s->mark;
	return true;
}

static void resumed_status(ys_session *s)
{
	size_t hidden = s->screen == YS_SCR_QUESTION && !s->revealed[s->question] ?
			ys_session_votes_cast(s, s->question) : 0;
	size_t contested = ys_session_contested(s);

	if (hidden)
		status_set(s, false, "Resumed: %zu of %zu settled. %zu votes on this question are recorded and hidden: v reveals them.",
			   ys_session_answered(s), s->q->n_questions, hidden);
	else if (contested)
		status_set(s, false, "Resumed: %zu of %zu settled, %zu contested (r lists them).",
			   ys_session_answered(s), s->q->n_questions, contested);
	else
		status_set(s, false, "Resumed: %zu of %zu settled.",
			   ys_session_answered(s), s->q->n_questions);
}

ys_session *ys_session_new(const ys_questionnaire *q, ys_answers *a,
			   ys_store *store, const ys_session_opts *opts)
{
	ys_session *s = ys_calloc(1, sizeof(*s));
	size_t i;

	if (!s)
		return NULL;
	s->review = ys_calloc(q->n_questions ? q->n_questions : 1, sizeof(*s->review));
	s->input = ys_malloc(64);
	if (!s->review || !s->input) {
		ys_free(s->review);
		ys_free(s->input);
		ys_free(s);
		return NULL;
	}
	s->input[0] = '\0';
	s->input_cap = 64;
	s->q = q;
	s->a = a;
	if (opts)
		s->opts = *opts;
	if (s->opts.workshop && !workshop_new(s)) {
		ys_free(s->review);
		ys_free(s->input);
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
			land(s);
		if (s->workshop)
			resumed_status(s);
		else
			status_set(s, false, "Resumed: %zu of %zu answered.",
				   ys_session_answered(s), q->n_questions);
	} else {
		s->screen = YS_SCR_START;
		s->row = a->organisation ? ys_session_start_rows(s) - 1 : 0;
		if (s->workshop && a->organisation && !a->n_participants)
			s->row = start_row_of(s, YS_START_PARTICIPANTS);
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
	drop_pending(s);
	ys_free(s->export_format);
	ys_free(s->review);
	ys_free(s->input);
	ys_free(s->save_error);
	ys_free(s->revealed);
	ys_free(s->area_spent);
	ys_free(s->undo);
	ys_free(s);
}
