/* The answers model: freeing, creating and the setters that make every
 * change to an answers file's content; see answers.h and DESIGN section 4.
 * The strict reader is in answers_read.c, binding to a questionnaire in
 * answers_bind.c and the canonical writer in answers_write.c. */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/text.h"
#include "yardstick/yread.h"

#include "answers_priv.h"

/* ------------------------------------------------------------------ */
/* Freeing */

static void free_votes(ys_vote *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		ys_free(v[i].participant);
		ys_free(v[i].answer);
	}
	ys_free(v);
}

static void free_response(ys_response *r)
{
	size_t i;

	ys_free(r->question_id);
	ys_free(r->answer);
	ys_free(r->note);
	ys_free(r->na_reason);
	ys_free(r->at);
	free_votes(r->votes, r->n_votes);
	for (i = 0; i < r->n_rounds; i++)
		free_votes(r->rounds[i].votes, r->rounds[i].n_votes);
	ys_free(r->rounds);
}

void ys_action_clear(ys_action *act)
{
	ys_free(act->text);
	ys_free(act->owner);
	ys_free(act->due);
	memset(act, 0, sizeof(*act));
}

static void free_area(ys_area_record *ar)
{
	size_t i;

	ys_free(ar->area_id);
	ys_free(ar->owner);
	for (i = 0; i < ar->n_actions; i++)
		ys_action_clear(&ar->actions[i]);
	ys_free(ar->actions);
}

void ys_answers_free(ys_answers *a)
{
	size_t i;

	if (!a)
		return;
	ys_free(a->q_id);
	ys_free(a->q_version);
	ys_free(a->q_sha256);
	ys_free(a->q_file);
	ys_free(a->organisation);
	ys_strv_free(a->assessors, a->n_assessors);
	ys_free(a->target);
	ys_free(a->created);
	ys_free(a->updated);
	ys_strv_free(a->participants, a->n_participants);
	for (i = 0; i < a->n_areas; i++)
		free_area(&a->areas[i]);
	ys_free(a->areas);
	for (i = 0; i < a->n_responses; i++)
		free_response(&a->responses[i]);
	ys_free(a->responses);
	ys_free(a);
}

void ys_now_rfc3339(char buf[32])
{
	const char *fixed = getenv("YARDSTICK_NOW");
	time_t t;
	struct tm tm;

	if (fixed && ys_answers_check_time(fixed, strlen(fixed)) == 1) {
		memcpy(buf, fixed, 21);
		return;
	}
	t = time(NULL);
	if (!gmtime_r(&t, &tm) || !strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm))
		strcpy(buf, "1970-01-01T00:00:00Z");
}

/* ------------------------------------------------------------------ */
/* Creating and binding */

const char *ys_mode_name(ys_mode m)
{
	return m == YS_MODE_WORKSHOP ? "workshop" : "interview";
}

ys_answers *ys_answers_new(const ys_questionnaire *q)
{
	ys_answers *a = ys_calloc(1, sizeof(*a));
	char now[32];
	size_t i;

	if (!a)
		return NULL;
	ys_now_rfc3339(now);
	a->q_id = ys_strdup(q->id);
	a->q_version = ys_strdup(q->version);
	a->q_sha256 = ys_strdup(q->sha256);
	a->mode = YS_MODE_INTERVIEW;
	a->created = ys_strdup(now);
	a->updated = ys_strdup(now);
	if (!a->q_id || !a->q_version || !a->q_sha256 || !a->created ||
	    !a->updated)
		goto fail;
	if (q->n_questions) {
		a->responses = ys_calloc(q->n_questions, sizeof(*a->responses));
		if (!a->responses)
			goto fail;
	}
	for (i = 0; i < q->n_questions; i++) {
		ys_response *rs = &a->responses[i];

		rs->choice = (ys_choice){YS_ANS_NONE, -1};
		rs->question_id = ys_strdup(q->questions[i].id);
		a->n_responses = i + 1;
		if (!rs->question_id)
			goto fail;
	}
	a->n_bound = q->n_questions;
	return a;
fail:
	ys_answers_free(a);
	return NULL;
}

/* ------------------------------------------------------------------ */
/* Setters */

/* A copy of s fit to be written and read back: invalid UTF-8 and control
 * characters other than tab and newline become U+FFFD, CR LF and CR become
 * LF, and the text is cut to YS_MAX_STRING bytes at a character boundary.
 * NULL only when out of memory (s must not be NULL). */
static char *clean_copy(const char *s)
{
	size_t n = strlen(s), i = 0, o = 0;
	char *out = ys_malloc(n * 3 + 1);

	if (!out)
		return NULL;
	while (i < n) {
		uint32_t cp;
		size_t k = ys_utf8_decode(s + i, n - i, &cp), w;
		char enc[4];

		if (cp == '\r') {
			cp = '\n';
			if (i + 1 < n && s[i + 1] == '\n')
				k = 2;
		} else if ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F ||
			   (cp >= 0x80 && cp <= 0x9F)) {
			cp = YS_REPLACEMENT;
		}
		w = ys_utf8_encode(cp, enc);
		if (o + w > YS_MAX_STRING)
			break;
		memcpy(out + o, enc, w);
		o += w;
		i += k;
	}
	out[o] = '\0';
	return out;
}

bool ys_answers_set_string(char **field, const char *value)
{
	char *s = NULL;

	if (value) {
		s = clean_copy(value);
		if (!s)
			return false;
	}
	ys_free(*field);
	*field = s;
	return true;
}

/* Allocates two copies of the current time, for response->at and
 * a->updated. */
static bool now_pair(char **at, char **updated)
{
	char now[32];

	ys_now_rfc3339(now);
	*at = ys_strdup(now);
	*updated = ys_strdup(now);
	if (*at && *updated)
		return true;
	ys_free(*at);
	ys_free(*updated);
	return false;
}

static void commit_times(ys_answers *a, ys_response *rs, char *at, char *updated)
{
	ys_free(rs->at);
	rs->at = at;
	ys_free(a->updated);
	a->updated = updated;
}

/* Sets a text field of response i (blank text clears it). */
static bool set_response_text(ys_answers *a, size_t i, size_t offset,
			      const char *value)
{
	ys_response *rs;
	char *s = NULL, *at, *updated, **field;

	if (i >= a->n_responses)
		return false;
	rs = &a->responses[i];
	field = (char **)(void *)((char *)rs + offset);
	if (!ys_str_blank(value)) {
		s = clean_copy(value);
		if (!s)
			return false;
	}
	if (!now_pair(&at, &updated)) {
		ys_free(s);
		return false;
	}
	ys_free(*field);
	*field = s;
	commit_times(a, rs, at, updated);
	return true;
}

bool ys_answers_set_choice(ys_answers *a, const ys_questionnaire *q,
			   size_t i, ys_choice c)
{
	const char *key = NULL;
	ys_response *rs;
	char *s = NULL, *at, *updated;

	if (i >= a->n_responses || i >= q->n_questions)
		return false;
	rs = &a->responses[i];
	switch (c.kind) {
	case YS_ANS_NONE:
		break;
	case YS_ANS_OPTION:
		if (c.option < 0 || (size_t)c.option >= q->questions[i].n_options)
			return false;
		key = q->questions[i].options[c.option].key;
		break;
	case YS_ANS_DONT_KNOW:
		key = YS_KEY_DONT_KNOW;
		break;
	case YS_ANS_NA:
		key = YS_KEY_NA;
		break;
	}
	if (key && !(s = ys_strdup(key)))
		return false;
	if (!now_pair(&at, &updated)) {
		ys_free(s);
		return false;
	}
	ys_free(rs->answer);
	rs->answer = s;
	rs->choice = c;
	if (c.kind != YS_ANS_OPTION)
		rs->choice.option = -1;
	if (c.kind != YS_ANS_NA) {
		ys_free(rs->na_reason);
		rs->na_reason = NULL;
	}
	commit_times(a, rs, at, updated);
	return true;
}

bool ys_answers_set_note(ys_answers *a, size_t i, const char *note)
{
	return set_response_text(a, i, offsetof(ys_response, note), note);
}

bool ys_answers_set_na_reason(ys_answers *a, size_t i, const char *reason)
{
	return set_response_text(a, i, offsetof(ys_response, na_reason), reason);
}

bool ys_answers_set_parked(ys_answers *a, size_t i, bool parked)
{
	char *at, *updated;

	if (i >= a->n_responses)
		return false;
	if (!now_pair(&at, &updated))
		return false;
	a->responses[i].parked = parked;
	commit_times(a, &a->responses[i], at, updated);
	return true;
}

ys_area_record *ys_answers_area(const ys_answers *a, const char *area_id)
{
	size_t i;

	for (i = 0; i < a->n_areas; i++)
		if (a->areas[i].area_id && !strcmp(a->areas[i].area_id, area_id))
			return &a->areas[i];
	return NULL;
}

/* Assessors, area records and actions */

bool ys_answers_set_assessors(ys_answers *a, const char *const *names,
			      size_t n)
{
	char **list = NULL;
	size_t i;

	if (n) {
		list = ys_calloc(n, sizeof(*list));
		if (!list)
			return false;
	}
	for (i = 0; i < n; i++) {
		list[i] = clean_copy(names[i] ? names[i] : "");
		if (!list[i]) {
			ys_strv_free(list, i);
			return false;
		}
	}
	ys_strv_free(a->assessors, a->n_assessors);
	a->assessors = list;
	a->n_assessors = n;
	return true;
}

/* Where area id ranks in questionnaire order: its index in q, or after
 * every area of q when q does not have it. */
static size_t area_rank(const ys_questionnaire *q, const char *id)
{
	long k = id ? ys_questionnaire_area_index(q, id) : -1;

	return k < 0 ? q->n_areas : (size_t)k;
}

size_t ys_answers_insert_area(ys_area_record *v, size_t n,
			      const ys_questionnaire *q, const ys_area_record *rec)
{
	size_t rank = area_rank(q, rec->area_id), at;

	for (at = 0; at < n; at++)
		if (area_rank(q, v[at].area_id) > rank)
			break;
	memmove(&v[at + 1], &v[at], (n - at) * sizeof(*v));
	v[at] = *rec;
	return at;
}

ys_area_record *ys_answers_area_record(ys_answers *a, const ys_questionnaire *q,
				       size_t area)
{
	ys_area_record rec = {0}, *r, *na;
	size_t at;

	if (area >= q->n_areas)
		return NULL;
	r = ys_answers_area(a, q->areas[area].id);
	if (r)
		return r;
	if (a->n_areas >= SIZE_MAX / sizeof(*na) - 1)
		return NULL;
	na = ys_realloc(a->areas, (a->n_areas + 1) * sizeof(*na));
	if (!na)
		return NULL;
	a->areas = na;
	rec.area_id = ys_strdup(q->areas[area].id);
	if (!rec.area_id)
		return NULL;
	at = ys_answers_insert_area(a->areas, a->n_areas, q, &rec);
	a->n_areas++;
	return &a->areas[at];
}

/* A copy of the current time for a->updated; NULL when out of memory. */
static char *now_copy(void)
{
	char now[32];

	ys_now_rfc3339(now);
	return ys_strdup(now);
}

static void commit_updated(ys_answers *a, char *updated)
{
	ys_free(a->updated);
	a->updated = updated;
}

/* Cleaned copies of an action's fields into *out (a NULL owner and a NULL
 * or empty due are left out); false when text is NULL, due is not a real
 * YYYY-MM-DD date, or out of memory, with nothing allocated. */
static bool action_copy(ys_action *out, const char *text, const char *owner,
			const char *due)
{
	memset(out, 0, sizeof(*out));
	if (!text)
		return false;
	if (due && *due && ys_answers_check_date(due, strlen(due)) != 1)
		return false;
	out->text = clean_copy(text);
	if (owner)
		out->owner = clean_copy(owner);
	if (due && *due)
		out->due = ys_strdup(due);
	if (out->text && (out->owner || !owner) &&
	    (out->due || !due || !*due))
		return true;
	ys_action_clear(out);
	return false;
}

bool ys_answers_set_owner(ys_answers *a, const ys_questionnaire *q,
			  size_t area, const char *owner)
{
	char *s = NULL, *updated = now_copy();
	ys_area_record *r;

	if (!updated)
		return false;
	if (!ys_str_blank(owner) && !(s = clean_copy(owner))) {
		ys_free(updated);
		return false;
	}
	r = ys_answers_area_record(a, q, area);
	if (!r) {
		ys_free(s);
		ys_free(updated);
		return false;
	}
	ys_free(r->owner);
	r->owner = s;
	commit_updated(a, updated);
	return true;
}

bool ys_answers_add_action(ys_answers *a, const ys_questionnaire *q,
			   size_t area, const char *text, const char *owner,
			   const char *due)
{
	ys_action act, *na;
	ys_area_record *r;
	char *updated;

	if (!action_copy(&act, text, owner, due))
		return false;
	updated = now_copy();
	r = updated ? ys_answers_area_record(a, q, area) : NULL;
	na = r && r->n_actions < SIZE_MAX / sizeof(*na) - 1 ?
	     ys_realloc(r->actions, (r->n_actions + 1) * sizeof(*na)) : NULL;
	if (!na) {
		ys_action_clear(&act);
		ys_free(updated);
		return false;
	}
	r->actions = na;
	na[r->n_actions++] = act;
	commit_updated(a, updated);
	return true;
}

/* Action k of area's record, NULL when there is none. */
static ys_action *find_action(const ys_answers *a, const ys_questionnaire *q,
			      size_t area, size_t k, ys_area_record **rec)
{
	ys_area_record *r = area < q->n_areas ? ys_answers_area(a, q->areas[area].id)
					      : NULL;

	if (!r || k >= r->n_actions)
		return NULL;
	*rec = r;
	return &r->actions[k];
}

bool ys_answers_edit_action(ys_answers *a, const ys_questionnaire *q,
			    size_t area, size_t k, const char *text,
			    const char *owner, const char *due)
{
	ys_area_record *r;
	ys_action act, *old = find_action(a, q, area, k, &r);
	char *updated;

	if (!old || !action_copy(&act, text, owner, due))
		return false;
	updated = now_copy();
	if (!updated) {
		ys_action_clear(&act);
		return false;
	}
	ys_action_clear(old);
	*old = act;
	commit_updated(a, updated);
	return true;
}

bool ys_answers_remove_action(ys_answers *a, const ys_questionnaire *q,
			      size_t area, size_t k)
{
	ys_area_record *r;
	ys_action *old = find_action(a, q, area, k, &r);
	char *updated;

	if (!old || !(updated = now_copy()))
		return false;
	ys_action_clear(old);
	memmove(old, old + 1, (r->n_actions - k - 1) * sizeof(*old));
	r->n_actions--;
	commit_updated(a, updated);
	return true;
}

/* Workshop setters */

/* A cleaned copy of name without surrounding spaces; NULL when out of
 * memory. */
static char *clean_name(const char *name)
{
	char *c = clean_copy(name), *t;
	size_t b, e;

	if (!c)
		return NULL;
	b = strspn(c, " \t\n");
	e = strlen(c);
	while (e > b && (c[e - 1] == ' ' || c[e - 1] == '\t' || c[e - 1] == '\n'))
		e--;
	t = ys_strndup(c + b, e - b);
	ys_free(c);
	return t;
}

static long participant_index(const ys_answers *a, const char *name)
{
	size_t k;

	for (k = 0; k < a->n_participants; k++)
		if (!strcmp(a->participants[k], name))
			return (long)k;
	return -1;
}

/* Removes vote j of the n votes at *v. */
static void drop_vote(ys_vote **v, size_t *n, size_t j)
{
	ys_vote *votes = *v;

	ys_free(votes[j].participant);
	ys_free(votes[j].answer);
	memmove(&votes[j], &votes[j + 1], (*n - j - 1) * sizeof(*votes));
	(*n)--;
}

bool ys_answers_set_participants(ys_answers *a, const char *const *names,
				 size_t n)
{
	char **list = NULL;
	size_t i, j;

	if (n) {
		list = ys_calloc(n, sizeof(*list));
		if (!list)
			return false;
	}
	for (i = 0; i < n; i++) {
		list[i] = names[i] ? clean_name(names[i]) : NULL;
		if (!list[i] || !list[i][0])
			goto fail;
		for (j = 0; j < i; j++)
			if (ys_name_equal(list[i], list[j]))
				goto fail;
	}
	ys_strv_free(a->participants, a->n_participants);
	a->participants = list;
	a->n_participants = n;
	for (i = 0; i < a->n_responses; i++) {
		ys_response *rs = &a->responses[i];
		size_t k;

		for (j = rs->n_votes; j > 0; j--)
			if (participant_index(a, rs->votes[j - 1].participant) < 0)
				drop_vote(&rs->votes, &rs->n_votes, j - 1);
		for (k = rs->n_rounds; k > 0; k--) {
			ys_vote_round *rd = &rs->rounds[k - 1];

			for (j = rd->n_votes; j > 0; j--)
				if (participant_index(a, rd->votes[j - 1].participant) < 0)
					drop_vote(&rd->votes, &rd->n_votes, j - 1);
			if (rd->n_votes)
				continue;
			ys_free(rd->votes);
			memmove(rd, rd + 1, (rs->n_rounds - k) * sizeof(*rd));
			rs->n_rounds--;
		}
	}
	return true;
fail:
	ys_strv_free(list, n);
	return false;
}

long ys_answers_find_vote(const ys_answers *a, size_t i, size_t p)
{
	const ys_response *rs;
	size_t j;

	if (i >= a->n_responses || p >= a->n_participants)
		return -1;
	rs = &a->responses[i];
	for (j = 0; j < rs->n_votes; j++)
		if (!strcmp(rs->votes[j].participant, a->participants[p]))
			return (long)j;
	return -1;
}

bool ys_answers_set_vote(ys_answers *a, const ys_questionnaire *q, size_t i,
			 size_t p, ys_choice c)
{
	const char *key = NULL;
	ys_response *rs;
	char *k = NULL, *who = NULL, *at, *updated;
	long j;
	size_t pos;

	if (i >= a->n_responses || i >= q->n_questions || p >= a->n_participants)
		return false;
	rs = &a->responses[i];
	switch (c.kind) {
	case YS_ANS_NONE:
		break;
	case YS_ANS_OPTION:
		if (c.option < 0 || (size_t)c.option >= q->questions[i].n_options)
			return false;
		key = q->questions[i].options[c.option].key;
		break;
	case YS_ANS_DONT_KNOW:
		key = YS_KEY_DONT_KNOW;
		c.option = -1;
		break;
	case YS_ANS_NA:
		if (!q->questions[i].allow_na)
			return false;
		key = YS_KEY_NA;
		c.option = -1;
		break;
	}
	j = ys_answers_find_vote(a, i, p);
	if (key && !(k = ys_strdup(key)))
		return false;
	if (key && j < 0) {
		ys_vote *nv = ys_realloc(rs->votes, (rs->n_votes + 1) * sizeof(*nv));

		if (!nv) {
			ys_free(k);
			return false;
		}
		rs->votes = nv;
		if (!(who = ys_strdup(a->participants[p]))) {
			ys_free(k);
			return false;
		}
	}
	if (!now_pair(&at, &updated)) {
		ys_free(k);
		ys_free(who);
		return false;
	}
	if (!key) {
		if (j >= 0)
			drop_vote(&rs->votes, &rs->n_votes, (size_t)j);
	} else if (j >= 0) {
		ys_free(rs->votes[j].answer);
		rs->votes[j].answer = k;
		rs->votes[j].choice = c;
	} else {
		/* Before the first vote by someone listed after p. */
		for (pos = 0; pos < rs->n_votes; pos++)
			if (participant_index(a, rs->votes[pos].participant) > (long)p)
				break;
		memmove(&rs->votes[pos + 1], &rs->votes[pos],
			(rs->n_votes - pos) * sizeof(*rs->votes));
		memset(&rs->votes[pos], 0, sizeof(*rs->votes));
		rs->votes[pos].participant = who;
		rs->votes[pos].answer = k;
		rs->votes[pos].choice = c;
		rs->n_votes++;
	}
	commit_times(a, rs, at, updated);
	return true;
}

bool ys_answers_set_contested(ys_answers *a, size_t i, bool contested)
{
	char *at, *updated;

	if (i >= a->n_responses)
		return false;
	if (!now_pair(&at, &updated))
		return false;
	a->responses[i].contested = contested;
	commit_times(a, &a->responses[i], at, updated);
	return true;
}


/* Gives answers without any settled key the state ys_answer_is_settled
 * counted for them, once, before the first settled state is set. */
static void materialise_settled(ys_answers *a)
{
	size_t i;

	if (a->has_settled)
		return;
	for (i = 0; i < a->n_responses; i++)
		a->responses[i].settled = a->responses[i].answer != NULL;
	a->has_settled = true;
}

bool ys_answers_set_settled(ys_answers *a, size_t i, bool settled)
{
	char *at, *updated;

	if (i >= a->n_responses || (settled && !a->responses[i].answer))
		return false;
	if (!now_pair(&at, &updated))
		return false;
	materialise_settled(a);
	a->responses[i].settled = settled;
	commit_times(a, &a->responses[i], at, updated);
	return true;
}

void ys_answers_unsettle_all(ys_answers *a)
{
	size_t i;

	for (i = 0; i < a->n_responses; i++)
		a->responses[i].settled = false;
	a->has_settled = true;
}

bool ys_answers_start_round(ys_answers *a, size_t i)
{
	ys_response *rs;
	ys_vote_round *nr;
	char *at, *updated;

	if (i >= a->n_responses)
		return false;
	rs = &a->responses[i];
	if (rs->n_votes) {
		if (rs->n_rounds >= SIZE_MAX / sizeof(*nr) - 1)
			return false;
		nr = ys_realloc(rs->rounds, (rs->n_rounds + 1) * sizeof(*nr));
		if (!nr)
			return false;
		rs->rounds = nr;
	}
	if (!now_pair(&at, &updated))
		return false;
	materialise_settled(a);
	if (rs->n_votes) {
		memset(&rs->rounds[rs->n_rounds], 0, sizeof(*rs->rounds));
		rs->rounds[rs->n_rounds].votes = rs->votes;
		rs->rounds[rs->n_rounds].n_votes = rs->n_votes;
		rs->n_rounds++;
		rs->votes = NULL;
		rs->n_votes = 0;
	}
	rs->contested = false;
	rs->settled = false;
	commit_times(a, rs, at, updated);
	return true;
}

bool ys_answer_is_settled(const ys_answers *a, size_t i)
{
	const ys_response *rs;

	if (i >= a->n_responses)
		return false;
	rs = &a->responses[i];
	if (a->mode == YS_MODE_WORKSHOP && a->has_settled)
		return rs->settled && rs->answer;
	return rs->answer != NULL;
}

bool ys_answers_set_questionnaire_file(ys_answers *a, const char *file)
{
	size_t n, i = 0;
	char *s;

	if (!file) {
		ys_free(a->q_file);
		a->q_file = NULL;
		return true;
	}
	n = strlen(file);
	if (!n || n > YS_MAX_STRING)
		return false;
	while (i < n) {
		uint32_t cp;
		size_t k = ys_utf8_decode(file + i, n - i, &cp);

		if ((cp == YS_REPLACEMENT && (k != 3 || memcmp(file + i, "\xEF\xBF\xBD", 3))) ||
		    cp < 0x20 || cp == 0x7F ||
		    (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 || cp == 0x2029)
			return false;
		i += k;
	}
	s = ys_strdup(file);
	if (!s)
		return false;
	ys_free(a->q_file);
	a->q_file = s;
	return true;
}
