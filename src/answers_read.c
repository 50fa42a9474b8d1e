/* The strict reader of answers files (DESIGN section 4) and the date and
 * time checks it shares with the setters.
 *
 * The reader streams events from the strict YAML reader (yread.h) and
 * reports every schema problem it finds (up to YS_DIAG_MAX), like the
 * questionnaire loader. Checks that need the whole file (votes by listed
 * participants, workshop-only fields) run at the end with the positions
 * recorded while reading. */
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/path.h"
#include "yardstick/strset.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"
#include "yardstick/yread.h"

#include "answers_priv.h"

/* ------------------------------------------------------------------ */
/* Dates and times */

bool ys_answers_all_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return true;
}

static int number(const char *s, size_t n)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* 0: not YYYY-MM-DD, 1: a real date, -1: the shape but not a real date. */
int ys_answers_check_date(const char *s, size_t n)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d, dim;

	if (n != 10 || s[4] != '-' || s[7] != '-' || !ys_answers_all_digits(s, 4) ||
	    !ys_answers_all_digits(s + 5, 2) || !ys_answers_all_digits(s + 8, 2))
		return 0;
	y = number(s, 4);
	m = number(s + 5, 2);
	d = number(s + 8, 2);
	if (y < 1 || m < 1 || m > 12)
		return -1;
	dim = days[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		dim = 29;
	return d >= 1 && d <= dim ? 1 : -1;
}

/* Same codes for YYYY-MM-DDTHH:MM:SSZ. */
int ys_answers_check_time(const char *s, size_t n)
{
	int date;

	if (n != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' ||
	    !ys_answers_all_digits(s + 11, 2) || !ys_answers_all_digits(s + 14, 2) || !ys_answers_all_digits(s + 17, 2))
		return 0;
	date = ys_answers_check_date(s, 10);
	if (date == 0)
		return 0;
	if (date < 0 || number(s + 11, 2) > 23 || number(s + 14, 2) > 59 ||
	    number(s + 17, 2) > 60)
		return -1;
	return 1;
}

/* ------------------------------------------------------------------ */
/* Reader */

typedef struct wonly {
	ys_pos pos;
	const char *what;
} wonly;

typedef struct reader {
	ys_yreader *r;
	ys_answers *a;
	bool oom;
	size_t cap_assessors, cap_participants, cap_areas, cap_responses;
	ys_keyset participants;
	ys_index ids;           /* responses by question id */
	ys_keyset area_ids;
	wonly *wonly;           /* fields only allowed in workshop mode */
	size_t n_wonly, cap_wonly;
	ys_pos mode_pos;
	bool has_mode;          /* a valid mode was read */
	ys_pos participants_pos;
} reader;

static void oom(reader *R)
{
	if (!R->oom)
		ys_diag_add(ys_yreader_diags(R->r), YS_EX_SOFTWARE,
			    ys_yreader_name(R->r), (ys_pos){0, 0}, "out of memory");
	R->oom = true;
}

static bool is_null(const ys_yevent *ev)
{
	return ys_yevent_is_null(ev);
}

static bool expect(reader *R, const ys_yevent *ev, ys_ytype type,
		   const char *what)
{
	return ys_yexpect(R->r, ev, type, what);
}

/* Reads a scalar as a string the caller owns. An unquoted empty value or
 * null is refused (write "" for an empty string); with nonempty, so is a
 * string of only white space. Returns NULL after reporting. */
static char *read_text(reader *R, const ys_yevent *ev, const char *what,
		       bool nonempty)
{
	char *s;

	if (!ys_ycheck_text(R->r, ev, what, nonempty))
		return NULL;
	s = ys_strndup(ev->value, ev->len);
	if (!s)
		oom(R);
	return s;
}

static char *read_id(reader *R, const ys_yevent *ev, const char *what)
{
	if (!ys_ycheck_id(R->r, ev, what))
		return NULL;
	return read_text(R, ev, what, true);
}

static char *read_key(reader *R, const ys_yevent *ev, const char *what)
{
	if (!expect(R, ev, YS_Y_SCALAR, what))
		return NULL;
	if (strcmp(ev->value, YS_KEY_DONT_KNOW) && strcmp(ev->value, YS_KEY_NA) &&
	    !ys_valid_id(ev->value, ev->len)) {
		if (is_null(ev))
			ys_yerror(R->r, ev->pos, "%s is empty", what);
		else
			ys_yerror(R->r, ev->pos,
				  "%s '%s' is not an answer key (an option key, %s or %s)",
				  what, ev->value, YS_KEY_DONT_KNOW, YS_KEY_NA);
		return NULL;
	}
	return read_text(R, ev, what, true);
}

/* A timestamp (date_only: a due date). */
static char *read_time(reader *R, const ys_yevent *ev, const char *what,
		       bool date_only)
{
	int ok;

	if (!expect(R, ev, YS_Y_SCALAR, what))
		return NULL;
	ok = date_only ? ys_answers_check_date(ev->value, ev->len) : ys_answers_check_time(ev->value, ev->len);
	if (ok == 0) {
		if (date_only)
			ys_yerror(R->r, ev->pos,
				  "%s must be a date like 2027-03-31, not '%s'", what,
				  ev->value);
		else
			ys_yerror(R->r, ev->pos,
				  "%s must be a UTC time like 2026-11-21T10:00:00Z, not '%s'",
				  what, ev->value);
		return NULL;
	}
	if (ok < 0) {
		ys_yerror(R->r, ev->pos, "%s '%s' is not a real %s", what, ev->value,
			  date_only ? "date" : "time");
		return NULL;
	}
	return read_text(R, ev, what, true);
}

static void note_workshop_only(reader *R, ys_pos pos, const char *what)
{
	wonly *w;

	if (!YS_GROW(R->wonly, R->cap_wonly, R->n_wonly + 1)) {
		oom(R);
		return;
	}
	w = &R->wonly[R->n_wonly++];
	w->pos = pos;
	w->what = what;
}

/* Sets *field to s, reporting a value given twice is not possible here
 * (duplicate keys are caught before), so this only frees an old value. */
static void set_field(char **field, char *s)
{
	ys_free(*field);
	*field = s;
}

typedef bool (*field_fn)(reader *R, void *ctx, int key, const ys_yevent *v);

/* Binds a reader field function to ys_yread_fields' callback. */
struct field_thunk {
	reader *R;
	field_fn fn;
	void *ctx;
};

static bool field_thunk_call(void *ctx, int key, const ys_yevent *value)
{
	struct field_thunk *t = ctx;

	return t->fn(t->R, t->ctx, key, value);
}

/* Reads a mapping with the fixed keys; see ys_yread_fields. */
static bool read_fields(reader *R, const char *what_fmt, const char *what_arg,
			const char *const *keys, ys_pos *key_pos, field_fn fn,
			void *ctx)
{
	struct field_thunk t = {R, fn, ctx};

	return ys_yread_fields(R->r, what_fmt, what_arg, keys, key_pos,
			       field_thunk_call, &t, &R->oom);
}

static void require(reader *R, ys_pos pos, const char *what,
		    const char *const *keys, const ys_pos *key_pos,
		    const int *required)
{
	ys_yrequire(R->r, pos, what, keys, key_pos, required);
}

/* Reads a list of strings into *v / *n. Returns false to stop. */
static bool read_string_list(reader *R, const ys_yevent *start, const char *what,
			     const char *item, char ***v, size_t *n, size_t *cap,
			     bool unique)
{
	ys_yevent ev;

	if (!expect(R, start, YS_Y_SEQ, what))
		return true;
	for (;;) {
		char *s;
		ys_pos first;

		if (!ys_yreader_next(R->r, &ev))
			return false;
		if (ev.type == YS_Y_SEQ_END)
			return true;
		s = read_text(R, &ev, item, unique);
		if (!s) {
			if (R->oom)
				return false;
			continue;
		}
		if (unique && !ys_keyset_add(&R->participants, s, strlen(s), ev.pos,
					     &first)) {
			ys_free(s);
			if (!first.line) {
				oom(R);
				return false;
			}
			ys_yerror(R->r, ev.pos, "duplicate %s '%s' (first listed at %lu:%lu)",
				  item, ev.value, (unsigned long)first.line,
				  (unsigned long)first.col);
			continue;
		}
		if (!YS_GROW(*v, *cap, *n + 1)) {
			ys_free(s);
			oom(R);
			return false;
		}
		(*v)[(*n)++] = s;
	}
}

/* questionnaire: {id, version, sha256, file} */

static const char *const qref_keys[] = {"id", "version", "sha256", "file", NULL};

static bool is_sha256(const char *s, size_t n)
{
	size_t i;

	if (n != 64)
		return false;
	for (i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

static bool qref_field(reader *R, void *ctx, int key, const ys_yevent *v)
{
	ys_answers *a = R->a;

	(void)ctx;
	switch (key) {
	case 0:
		set_field(&a->q_id, read_id(R, v, "questionnaire id"));
		break;
	case 1:
		set_field(&a->q_version, read_text(R, v, "questionnaire version", true));
		break;
	case 2:
		if (v->type == YS_Y_SCALAR && !is_sha256(v->value, v->len)) {
			ys_yerror(R->r, v->pos,
				  "questionnaire sha256 must be 64 lower-case hexadecimal digits, not '%s'",
				  v->value);
			break;
		}
		set_field(&a->q_sha256, read_text(R, v, "questionnaire sha256", true));
		break;
	case 3:
		if (v->type == YS_Y_SCALAR && v->len && strcspn(v->value, "\t\n") < v->len) {
			ys_yerror(R->r, v->pos,
				  "questionnaire file must be a path on one line");
			break;
		}
		a->q_file_pos = v->pos;
		set_field(&a->q_file, read_text(R, v, "questionnaire file", true));
		break;
	}
	return true;
}

/* areas: {AREA: {owner, actions: [{text, owner, due}]}} */

static const char *const area_keys[] = {"owner", "actions", NULL};
static const char *const action_keys[] = {"text", "owner", "due", NULL};

typedef struct area_ctx {
	ys_area_record *ar;
	size_t cap_actions;
} area_ctx;

static bool action_field(reader *R, void *ctx, int key, const ys_yevent *v)
{
	ys_action *act = ctx;

	switch (key) {
	case 0:
		set_field(&act->text, read_text(R, v, "action text", false));
		break;
	case 1:
		set_field(&act->owner, read_text(R, v, "action owner", false));
		break;
	case 2:
		set_field(&act->due, read_time(R, v, "due", true));
		break;
	}
	return true;
}

static bool read_actions(reader *R, area_ctx *c, const ys_yevent *start)
{
	static const int required[] = {0, -1};
	ys_yevent ev;

	if (!expect(R, start, YS_Y_SEQ, "actions"))
		return true;
	for (;;) {
		ys_action *act;
		ys_pos kp[3];

		if (!ys_yreader_next(R->r, &ev))
			return false;
		if (ev.type == YS_Y_SEQ_END)
			return true;
		if (!expect(R, &ev, YS_Y_MAP, "an action"))
			continue;
		if (!YS_GROW(c->ar->actions, c->cap_actions, c->ar->n_actions + 1)) {
			oom(R);
			return false;
		}
		act = memset(&c->ar->actions[c->ar->n_actions++], 0, sizeof(*act));
		if (!read_fields(R, "%s", "an action", action_keys, kp, action_field, act))
			return false;
		require(R, ev.pos, "an action", action_keys, kp, required);
	}
}

static bool area_field(reader *R, void *ctx, int key, const ys_yevent *v)
{
	area_ctx *c = ctx;

	if (key == 0) {
		set_field(&c->ar->owner, read_text(R, v, "area owner", false));
		return true;
	}
	return read_actions(R, c, v);
}

/* The key of one entry of a mapping keyed by names (area ids, voters):
 * reads it (an id when id is set, else text), refuses a duplicate in seen
 * (dup_fmt names it, with the first one's position), then reads the
 * value's first event into *ev; *key_pos gets the key's position.
 * Returns the key, which the caller owns;
 * NULL when the key was refused (its value then skipped) or, with *stop
 * set, when reading must stop. *stop is false otherwise; *end is set at
 * the end of the mapping. */
static char *read_entry_key(reader *R, ys_yevent *ev, ys_keyset *seen, bool id,
			    const char *what, const char *dup_fmt, ys_pos *key_pos,
			    bool *end, bool *stop)
{
	ys_pos kpos, first;
	char *key;

	*end = *stop = false;
	if (!ys_yreader_next(R->r, ev)) {
		*stop = true;
		return NULL;
	}
	if (ev->type == YS_Y_MAP_END) {
		*end = true;
		return NULL;
	}
	kpos = *key_pos = ev->pos;
	key = id ? read_id(R, ev, what) : read_text(R, ev, what, true);
	if (key && !ys_keyset_add(seen, key, strlen(key), kpos, &first)) {
		if (!first.line) {
			ys_free(key);
			oom(R);
			*stop = true;
			return NULL;
		}
		ys_yerror(R->r, kpos, dup_fmt, key, (unsigned long)first.line,
			  (unsigned long)first.col);
		ys_free(key);
		key = NULL;
	}
	if (!ys_yreader_next(R->r, ev)) {
		ys_free(key);
		*stop = true;
		return NULL;
	}
	if (!key && (R->oom || !ys_yreader_skip(R->r, ev)))
		*stop = true;
	return key;
}

static bool read_areas(reader *R, const ys_yevent *start)
{
	ys_answers *a = R->a;
	ys_yevent ev;

	if (!expect(R, start, YS_Y_MAP, "areas"))
		return true;
	for (;;) {
		area_ctx c;
		ys_pos kp[2], kpos;
		bool end, stop;
		char *id;

		id = read_entry_key(R, &ev, &R->area_ids, true, "area id",
				    "duplicate area '%s' (first defined at %lu:%lu)",
				    &kpos, &end, &stop);
		if (end)
			return true;
		if (stop)
			return false;
		if (!id)
			continue;
		if (!expect(R, &ev, YS_Y_MAP, "an area record")) {
			ys_free(id);
			continue;
		}
		memset(&c, 0, sizeof(c));
		if (!YS_GROW(a->areas, R->cap_areas, a->n_areas + 1)) {
			ys_free(id);
			oom(R);
			return false;
		}
		c.ar = memset(&a->areas[a->n_areas++], 0, sizeof(*c.ar));
		c.ar->area_id = id;
		c.ar->pos = kpos;
		if (!read_fields(R, "area '%s'", id, area_keys, kp, area_field, &c))
			return false;
	}
}

/* answers: {QUESTION: {answer, note, na_reason, at, votes, contested, parked}}
 *
 * Duplicate question ids are found with a hash set of indexes into the
 * responses read so far, so that a file with many answers costs no extra
 * allocation per answer. */

static bool id_is(const void *ctx, size_t i, const void *key)
{
	const ys_answers *a = ctx;

	return !strcmp(a->responses[i].question_id, key);
}

/* 1 + the index of the response to id, or 0. */
static size_t ids_find(const reader *R, const char *id)
{
	size_t i = ys_index_find(&R->ids, ys_hash_str(id), id_is, R->a, id);

	return i == YS_INDEX_NONE ? 0 : i + 1;
}

static bool ids_insert(reader *R, size_t idx)
{
	const char *id = R->a->responses[idx].question_id;

	return ys_index_add(&R->ids, ys_hash_str(id), idx, id_is, R->a, id, NULL) > 0;
}

/* The order answers are written in (DESIGN section 4). */
static const char *const response_keys[] = {
	"answer", "note", "na_reason", "at", "votes", "rounds", "contested",
	"settled", "parked", NULL,
};
enum {
	RK_ANSWER, RK_NOTE, RK_NA_REASON, RK_AT, RK_VOTES, RK_ROUNDS,
	RK_CONTESTED, RK_SETTLED, RK_PARKED, RK_COUNT,
};

typedef struct response_ctx {
	ys_response *rs;
	size_t cap_rounds;
} response_ctx;

/* Reads a mapping of participant: answer key (the votes of one round)
 * into *votes / *n; what names it in messages. *entries (when not NULL)
 * gets the number of entries, read or refused. */
static bool read_votes(reader *R, ys_vote **votes, size_t *n,
		       const ys_yevent *start, const char *what, size_t *entries)
{
	ys_keyset voters = {0};
	size_t cap = 0;
	ys_yevent ev;
	bool ok = true;

	if (!expect(R, start, YS_Y_MAP, what))
		return true;
	for (;;) {
		ys_vote *vote;
		ys_pos kpos;
		bool end, stop;
		char *who, *key;

		who = read_entry_key(R, &ev, &voters, false, "participant",
				     "duplicate vote by '%s' (first defined at %lu:%lu)",
				     &kpos, &end, &stop);
		if (end)
			break;
		if (stop) {
			ok = false;
			break;
		}
		if (entries)
			(*entries)++;
		if (!who)
			continue;
		key = read_key(R, &ev, "vote");
		if (!key) {
			ys_free(who);
			if (R->oom) {
				ok = false;
				break;
			}
			continue;
		}
		if (!YS_GROW(*votes, cap, *n + 1)) {
			ys_free(who);
			ys_free(key);
			oom(R);
			ok = false;
			break;
		}
		vote = &(*votes)[(*n)++];
		vote->participant = who;
		vote->answer = key;
		vote->choice = (ys_choice){YS_ANS_NONE, -1};
		vote->pos = kpos;
		vote->answer_pos = ev.pos;
	}
	ys_keyset_free(&voters);
	return ok;
}

/* rounds: [{PARTICIPANT: KEY, ...}, ...], oldest first. */
static bool read_rounds(reader *R, response_ctx *c, const ys_yevent *start)
{
	ys_response *rs = c->rs;
	ys_yevent ev;

	if (!expect(R, start, YS_Y_SEQ, "rounds"))
		return true;
	for (;;) {
		ys_vote_round *rd;
		size_t entries = 0;

		if (!ys_yreader_next(R->r, &ev))
			return false;
		if (ev.type == YS_Y_SEQ_END)
			return true;
		if (!expect(R, &ev, YS_Y_MAP, "a round"))
			continue;
		if (!YS_GROW(rs->rounds, c->cap_rounds, rs->n_rounds + 1)) {
			oom(R);
			return false;
		}
		rd = memset(&rs->rounds[rs->n_rounds++], 0, sizeof(*rd));
		rd->pos = ev.pos;
		if (!read_votes(R, &rd->votes, &rd->n_votes, &ev, "a round",
				&entries))
			return false;
		if (!entries)
			ys_yerror(R->r, rd->pos,
				  "a round has no votes (write the votes as participant: answer)");
	}
}

static bool response_field(reader *R, void *ctx, int key, const ys_yevent *v)
{
	response_ctx *c = ctx;
	ys_response *rs = c->rs;

	switch (key) {
	case RK_ANSWER:
		rs->answer_pos = v->pos;
		set_field(&rs->answer, read_key(R, v, "answer"));
		break;
	case RK_NOTE:
		set_field(&rs->note, read_text(R, v, "note", false));
		break;
	case RK_NA_REASON:
		set_field(&rs->na_reason, read_text(R, v, "na_reason", true));
		break;
	case RK_AT:
		set_field(&rs->at, read_time(R, v, "at", false));
		break;
	case RK_VOTES:
		return read_votes(R, &rs->votes, &rs->n_votes, v, "votes", NULL);
	case RK_ROUNDS:
		return read_rounds(R, c, v);
	case RK_CONTESTED:
		ys_yscalar_bool(R->r, v, "contested", &rs->contested);
		break;
	case RK_SETTLED:
		R->a->has_settled = true;
		ys_yscalar_bool(R->r, v, "settled", &rs->settled);
		break;
	case RK_PARKED:
		ys_yscalar_bool(R->r, v, "parked", &rs->parked);
		break;
	}
	return true;
}

static bool read_response(reader *R, char *id, ys_pos kpos, const ys_yevent *start)
{
	ys_answers *a = R->a;
	response_ctx c;
	ys_pos kp[RK_COUNT];
	bool ok;

	if (!expect(R, start, YS_Y_MAP, "an answer")) {
		ys_free(id);
		return true;
	}
	memset(&c, 0, sizeof(c));
	if (!YS_GROW(a->responses, R->cap_responses, a->n_responses + 1)) {
		ys_free(id);
		oom(R);
		return false;
	}
	c.rs = memset(&a->responses[a->n_responses++], 0, sizeof(*c.rs));
	c.rs->question_id = id;
	c.rs->pos = kpos;
	if (!ids_insert(R, a->n_responses - 1)) {
		oom(R);
		return false;
	}
	c.rs->choice = (ys_choice){YS_ANS_NONE, -1};
	ok = read_fields(R, "the answer to '%s'", id, response_keys, kp,
			 response_field, &c);
	if (!ok)
		return false;
	/* (An answer that did not read has been reported already.) */
	if (kp[RK_NA_REASON].line &&
	    !(c.rs->answer && !strcmp(c.rs->answer, YS_KEY_NA)) &&
	    !(kp[RK_ANSWER].line && !c.rs->answer))
		ys_yerror(R->r, kp[RK_NA_REASON],
			  "na_reason is only allowed with answer %s", YS_KEY_NA);
	if (kp[RK_SETTLED].line && !kp[RK_ANSWER].line)
		ys_yerror(R->r, kp[RK_SETTLED],
			  "settled is only allowed with an answer (the answer the room agreed)");
	if (kp[RK_VOTES].line)
		note_workshop_only(R, kp[RK_VOTES], "votes");
	if (kp[RK_ROUNDS].line)
		note_workshop_only(R, kp[RK_ROUNDS], "rounds");
	if (kp[RK_CONTESTED].line)
		note_workshop_only(R, kp[RK_CONTESTED], "contested");
	if (kp[RK_SETTLED].line)
		note_workshop_only(R, kp[RK_SETTLED], "settled");
	return !R->oom;
}

static bool read_answers(reader *R, const ys_yevent *start)
{
	ys_yevent ev;

	if (!expect(R, start, YS_Y_MAP, "answers"))
		return true;
	for (;;) {
		ys_pos kpos, first;
		size_t dup;
		char *id;

		if (!ys_yreader_next(R->r, &ev))
			return false;
		if (ev.type == YS_Y_MAP_END)
			return true;
		kpos = ev.pos;
		id = read_id(R, &ev, "question id");
		if (id && (dup = ids_find(R, id)) != 0) {
			first = R->a->responses[dup - 1].pos;
			ys_yerror(R->r, kpos,
				  "duplicate answer to '%s' (first defined at %lu:%lu)", id,
				  (unsigned long)first.line, (unsigned long)first.col);
			ys_free(id);
			id = NULL;
		}
		if (!ys_yreader_next(R->r, &ev)) {
			ys_free(id);
			return false;
		}
		if (!id) {
			if (R->oom || !ys_yreader_skip(R->r, &ev))
				return false;
			continue;
		}
		if (!read_response(R, id, kpos, &ev))
			return false;
	}
}

/* The top level */

/* The last key is not an answers file's: it is the format key of a
 * questionnaire, noted to say so when one is given in place of answers. */
static const char *const top_keys[] = {
	"yardstick-answers", "questionnaire", "organisation", "assessors", "mode",
	"target", "created", "updated", "participants", "areas", "answers",
	"yardstick", NULL,
};
enum { TK_QUESTIONNAIRE_FORMAT = 11, TK_COUNT };

static bool top_field(reader *R, void *ctx, int key, const ys_yevent *v)
{
	static const int qref_required[] = {0, 1, 2, -1};
	static const char *const modes[] = {"interview", "workshop", NULL};
	ys_answers *a = R->a;
	ys_pos kp[4];
	char *mode;
	long n;

	(void)ctx;
	switch (key) {
	case 0:
		if (ys_yscalar_int(R->r, v, "yardstick-answers (the format version)", 1,
				   1000000, &n) && n != YS_ANSWERS_FORMAT)
			ys_yerror(R->r, v->pos,
				  "unsupported answers format version %ld (this yardstick reads version %d)",
				  n, YS_ANSWERS_FORMAT);
		return true;
	case 1:
		if (!expect(R, v, YS_Y_MAP, "questionnaire"))
			return true;
		if (!read_fields(R, "%s", "questionnaire", qref_keys, kp, qref_field, NULL))
			return false;
		require(R, v->pos, "questionnaire", qref_keys, kp, qref_required);
		return true;
	case 2:
		set_field(&a->organisation, read_text(R, v, "organisation", false));
		return true;
	case 3:
		return read_string_list(R, v, "assessors", "assessor", &a->assessors,
					&a->n_assessors, &R->cap_assessors, false);
	case 4:
		R->mode_pos = v->pos;
		if (v->type == YS_Y_SCALAR && strcmp(v->value, "interview") &&
		    strcmp(v->value, "workshop") && !is_null(v)) {
			const char *hint = ys_did_you_mean(v->value, modes);

			if (hint)
				ys_yerror(R->r, v->pos,
					  "mode must be 'interview' or 'workshop', not '%s'; did you mean '%s'?",
					  v->value, hint);
			else
				ys_yerror(R->r, v->pos,
					  "mode must be 'interview' or 'workshop', not '%s'",
					  v->value);
			return true;
		}
		mode = read_text(R, v, "mode", true);
		if (mode) {
			a->mode = strcmp(mode, ys_mode_name(YS_MODE_WORKSHOP)) ?
				  YS_MODE_INTERVIEW : YS_MODE_WORKSHOP;
			R->has_mode = true;
			ys_free(mode);
		}
		return true;
	case 5:
		a->target_pos = v->pos;
		set_field(&a->target, read_text(R, v, "target", true));
		return true;
	case 6:
		set_field(&a->created, read_time(R, v, "created", false));
		return true;
	case 7:
		set_field(&a->updated, read_time(R, v, "updated", false));
		return true;
	case 8:
		R->participants_pos = v->pos;
		return read_string_list(R, v, "participants", "participant",
					&a->participants, &a->n_participants,
					&R->cap_participants, true);
	case 9:
		return read_areas(R, v);
	case 10:
		return read_answers(R, v);
	default:
		return ys_yreader_skip(R->r, v);
	}
}

/* Reports the votes by someone not in participants (names, NULL
 * terminated, for the hint). */
static void check_voters(reader *R, const ys_vote *votes, size_t n,
			 const char *const *names)
{
	size_t j;

	for (j = 0; j < n; j++) {
		const ys_vote *v = &votes[j];
		const char *hint;

		if (ys_keyset_find(&R->participants, v->participant,
				   strlen(v->participant), NULL))
			continue;
		hint = ys_did_you_mean(v->participant, names);
		if (hint)
			ys_yerror(R->r, v->pos,
				  "vote by '%s', who is not listed in participants; did you mean '%s'?",
				  v->participant, hint);
		else
			ys_yerror(R->r, v->pos,
				  "vote by '%s', who is not listed in participants",
				  v->participant);
	}
}

/* Checks that need the whole file. */
static void check_workshop(reader *R, const ys_pos *kp)
{
	ys_answers *a = R->a;
	const char **names;
	size_t i, j;

	if (!R->has_mode)
		return;
	if (a->mode != YS_MODE_WORKSHOP) {
		if (kp[8].line)
			note_workshop_only(R, kp[8], "participants");
		/* In file order. */
		for (i = 1; i < R->n_wonly; i++) {
			wonly w = R->wonly[i];

			for (j = i; j > 0 && (R->wonly[j - 1].pos.line > w.pos.line ||
					      (R->wonly[j - 1].pos.line == w.pos.line &&
					       R->wonly[j - 1].pos.col > w.pos.col)); j--)
				R->wonly[j] = R->wonly[j - 1];
			R->wonly[j] = w;
		}
		for (i = 0; i < R->n_wonly; i++)
			ys_yerror(R->r, R->wonly[i].pos,
				  "%s is only allowed in workshop mode (this file's mode is '%s' at %lu:%lu)",
				  R->wonly[i].what, ys_mode_name(a->mode), (unsigned long)R->mode_pos.line,
				  (unsigned long)R->mode_pos.col);
		return;
	}
	names = ys_calloc(a->n_participants + 1, sizeof(*names));
	if (!names) {
		oom(R);
		return;
	}
	for (i = 0; i < a->n_participants; i++)
		names[i] = a->participants[i];
	for (i = 0; i < a->n_responses; i++) {
		const ys_response *rs = &a->responses[i];

		/* In file order: earlier rounds are written after the votes. */
		check_voters(R, rs->votes, rs->n_votes, names);
		for (j = 0; j < rs->n_rounds; j++)
			check_voters(R, rs->rounds[j].votes, rs->rounds[j].n_votes,
				     names);
	}
	ys_free(names);
}

/* The file has a questionnaire's format key. With neither
 * yardstick-answers nor questionnaire it is a questionnaire given where
 * answers were expected: one message says so and how to start an
 * assessment on it, in place of every complaint about its keys. Else the
 * key is just not an answers file's (perhaps yardstick-answers
 * mistyped). */
static bool questionnaire_given(reader *R, const ys_pos *kp,
				const ys_diags_mark *mark)
{
	ys_diags *d = ys_yreader_diags(R->r);
	const char *name = ys_yreader_name(R->r);
	char *word;

	if (kp[0].line) {
		ys_yerror(R->r, kp[TK_QUESTIONNAIRE_FORMAT],
			  "unknown key 'yardstick' in the answers file");
		return false;
	}
	if (kp[1].line) {
		ys_yerror(R->r, kp[TK_QUESTIONNAIRE_FORMAT],
			  "unknown key 'yardstick' in the answers file; did you mean 'yardstick-answers'?");
		return false;
	}
	ys_diags_rewind(d, mark);
	word = ys_shell_word(name);
	ys_diag_add(d, YS_EX_DATAERR, name, (ys_pos){0, 0},
		    "this is a questionnaire, not an answers file; start an assessment on it with: yardstick interview -q %s",
		    word ? word : name);
	ys_free(word);
	return true;
}

static ys_answers *read_answers_file(ys_yreader *r, ys_diags *d)
{
	static const int required[] = {0, 1, 4, 6, 7, -1};
	size_t errors_before = d->count + d->dropped;
	ys_diags_mark mark = ys_diags_mark_now(d);
	reader R;
	ys_yevent ev;
	ys_pos kp[TK_COUNT], top_pos = {1, 1};
	bool ok;

	memset(kp, 0, sizeof(kp));

	if (!r)
		return NULL;
	memset(&R, 0, sizeof(R));
	R.r = r;
	R.a = ys_calloc(1, sizeof(*R.a));
	if (!R.a) {
		oom(&R);
		ys_yreader_close(r);
		return NULL;
	}
	ok = ys_yreader_next(r, &ev);
	if (ok && ev.type == YS_Y_END) {
		ys_yerror(r, (ys_pos){1, 1}, "the file is empty; expected an answers file");
		ok = false;
	} else if (ok && ev.type != YS_Y_MAP) {
		ys_yerror(r, ev.pos,
			  "an answers file must be a mapping of keys (yardstick-answers, questionnaire, ...)");
		ok = false;
	}
	if (ok) {
		top_pos = ev.pos;
		ok = read_fields(&R, "%s", "the answers file", top_keys, kp, top_field,
				 NULL);
	}
	if (ok)
		ok = ys_yreader_next(r, &ev);   /* the end of the document */
	/* A questionnaire is said to be one, in place of every complaint. */
	if (kp[TK_QUESTIONNAIRE_FORMAT].line && !R.oom &&
	    questionnaire_given(&R, kp, &mark))
		ok = false;
	if (ok) {
		require(&R, top_pos, "the answers file", top_keys, kp, required);
		check_workshop(&R, kp);
	}
	ok = ok && !R.oom && d->count + d->dropped == errors_before;
	ys_keyset_free(&R.participants);
	ys_index_free(&R.ids);
	ys_keyset_free(&R.area_ids);
	ys_free(R.wonly);
	ys_yreader_close(r);
	if (!ok) {
		if (!d->exit_code)
			d->exit_code = YS_EX_DATAERR;
		ys_answers_free(R.a);
		return NULL;
	}
	return R.a;
}

ys_answers *ys_answers_read_file(const char *path, ys_diags *d)
{
	/* Answers files are never fingerprinted: skip the hashing. */
	return read_answers_file(ys_yreader_open_file_fp(path, NULL, false, d), d);
}

ys_answers *ys_answers_read_mem(const char *buf, size_t len,
				const char *display_name, ys_diags *d)
{
	return read_answers_file(ys_yreader_open_mem(buf, len, display_name, d), d);
}

