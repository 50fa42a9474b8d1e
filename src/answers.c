/* The answers file: model, strict reader, canonical writer, binding to a
 * questionnaire, and setters; see answers.h and DESIGN section 4.
 *
 * The reader streams events from the strict YAML reader (yread.h) and
 * reports every schema problem it finds (up to YS_DIAG_MAX), like the
 * questionnaire loader. Checks that need the whole file (votes by listed
 * participants, workshop-only fields) run at the end with the positions
 * recorded while reading.
 *
 * The writer uses libyaml's emitter, so quoting is always valid YAML; it
 * forces double quotes on strings another YAML reader would take for a
 * number, a boolean, null or a date, so the file means the same thing to
 * every tool. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/text.h"
#include "yardstick/yread.h"

/* ------------------------------------------------------------------ */
/* Freeing */

static void free_response(ys_response *r)
{
	size_t i;

	ys_free(r->question_id);
	ys_free(r->answer);
	ys_free(r->note);
	ys_free(r->na_reason);
	ys_free(r->at);
	for (i = 0; i < r->n_votes; i++) {
		ys_free(r->votes[i].participant);
		ys_free(r->votes[i].answer);
	}
	ys_free(r->votes);
}

static void free_area(ys_area_record *ar)
{
	size_t i;

	ys_free(ar->area_id);
	ys_free(ar->owner);
	for (i = 0; i < ar->n_actions; i++) {
		ys_free(ar->actions[i].text);
		ys_free(ar->actions[i].owner);
		ys_free(ar->actions[i].due);
	}
	ys_free(ar->actions);
}

static void free_strings(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ys_free(v[i]);
	ys_free(v);
}

void ys_answers_free(ys_answers *a)
{
	size_t i;

	if (!a)
		return;
	ys_free(a->q_id);
	ys_free(a->q_version);
	ys_free(a->q_sha256);
	ys_free(a->organisation);
	free_strings(a->assessors, a->n_assessors);
	ys_free(a->mode);
	ys_free(a->target);
	ys_free(a->created);
	ys_free(a->updated);
	free_strings(a->participants, a->n_participants);
	for (i = 0; i < a->n_areas; i++)
		free_area(&a->areas[i]);
	ys_free(a->areas);
	for (i = 0; i < a->n_responses; i++)
		free_response(&a->responses[i]);
	ys_free(a->responses);
	ys_free(a);
}

/* Appends a zeroed item of size bytes to the array whose pointer is at
 * items_p (any T **), holding *count items in room for *cap; returns the
 * new item, or NULL when out of memory (the array is then unchanged). The
 * array pointer is read and written with memcpy, which is defined for a
 * pointer of any object type. */
static void *push(void *items_p, size_t *count, size_t *cap, size_t size)
{
	char *items;

	memcpy(&items, items_p, sizeof(items));
	if (*count == *cap) {
		size_t n = *cap ? *cap + *cap / 2 + 4 : 4;
		char *p;

		if (n > SIZE_MAX / size)
			return NULL;
		p = ys_realloc(items, n * size);
		if (!p)
			return NULL;
		items = p;
		memcpy(items_p, &items, sizeof(items));
		*cap = n;
	}
	return memset(items + (*count)++ * size, 0, size);
}

/* ------------------------------------------------------------------ */
/* Dates and times */

static bool all_digits(const char *s, size_t n)
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
static int check_date(const char *s, size_t n)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d, dim;

	if (n != 10 || s[4] != '-' || s[7] != '-' || !all_digits(s, 4) ||
	    !all_digits(s + 5, 2) || !all_digits(s + 8, 2))
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
static int check_time(const char *s, size_t n)
{
	int date;

	if (n != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z' ||
	    !all_digits(s + 11, 2) || !all_digits(s + 14, 2) || !all_digits(s + 17, 2))
		return 0;
	date = check_date(s, 10);
	if (date == 0)
		return 0;
	if (date < 0 || number(s + 11, 2) > 23 || number(s + 14, 2) > 59 ||
	    number(s + 17, 2) > 60)
		return -1;
	return 1;
}

void ys_now_rfc3339(char buf[32])
{
	const char *fixed = getenv("YARDSTICK_NOW");
	time_t t;
	struct tm tm;

	if (fixed && check_time(fixed, strlen(fixed)) == 1) {
		memcpy(buf, fixed, 21);
		return;
	}
	t = time(NULL);
	if (!gmtime_r(&t, &tm) || !strftime(buf, 32, "%Y-%m-%dT%H:%M:%SZ", &tm))
		strcpy(buf, "1970-01-01T00:00:00Z");
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
	size_t *ids;            /* hash set of response indexes + 1, by question id */
	size_t ids_cap, ids_count;
	ys_keyset area_ids;
	wonly *wonly;           /* fields only allowed in workshop mode */
	size_t n_wonly, cap_wonly;
	ys_pos mode_pos;
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
	ok = date_only ? check_date(ev->value, ev->len) : check_time(ev->value, ev->len);
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
	wonly *w = push(&R->wonly, &R->n_wonly, &R->cap_wonly, sizeof(*w));

	if (!w) {
		oom(R);
		return;
	}
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
		char *s, **slot;
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
		slot = push(v, n, cap, sizeof(*slot));
		if (!slot) {
			ys_free(s);
			oom(R);
			return false;
		}
		*slot = s;
	}
}

/* questionnaire: {id, version, sha256} */

static const char *const qref_keys[] = {"id", "version", "sha256", NULL};

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
		act = push(&c->ar->actions, &c->ar->n_actions, &c->cap_actions,
			   sizeof(*act));
		if (!act) {
			oom(R);
			return false;
		}
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
		c.ar = push(&a->areas, &a->n_areas, &R->cap_areas, sizeof(*c.ar));
		if (!c.ar) {
			ys_free(id);
			oom(R);
			return false;
		}
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

static uint64_t hash_id(const char *s)
{
	uint64_t h = 1469598103934665603ull;

	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ull;
	}
	return h;
}

/* 1 + the index of the response to id, or 0. */
static size_t ids_find(const reader *R, const char *id)
{
	size_t mask, i;

	if (!R->ids_cap)
		return 0;
	mask = R->ids_cap - 1;
	for (i = (size_t)hash_id(id) & mask; R->ids[i]; i = (i + 1) & mask)
		if (!strcmp(R->a->responses[R->ids[i] - 1].question_id, id))
			return R->ids[i];
	return 0;
}

static void ids_place(size_t *slots, size_t cap, const ys_response *rs, size_t idx)
{
	size_t mask = cap - 1, i = (size_t)hash_id(rs[idx].question_id) & mask;

	while (slots[i])
		i = (i + 1) & mask;
	slots[i] = idx + 1;
}

static bool ids_insert(reader *R, size_t idx)
{
	if ((R->ids_count + 1) * 2 > R->ids_cap) {
		size_t cap = R->ids_cap ? R->ids_cap * 2 : 64, i;
		size_t *slots = ys_calloc(cap, sizeof(*slots));

		if (!slots)
			return false;
		for (i = 0; i < R->ids_cap; i++)
			if (R->ids[i])
				ids_place(slots, cap, R->a->responses, R->ids[i] - 1);
		ys_free(R->ids);
		R->ids = slots;
		R->ids_cap = cap;
	}
	ids_place(R->ids, R->ids_cap, R->a->responses, idx);
	R->ids_count++;
	return true;
}

static const char *const response_keys[] = {
	"answer", "note", "na_reason", "at", "votes", "contested", "parked", NULL,
};

typedef struct response_ctx {
	ys_response *rs;
	size_t cap_votes;
	ys_keyset voters;
} response_ctx;

static bool read_votes(reader *R, response_ctx *c, const ys_yevent *start)
{
	ys_response *rs = c->rs;
	ys_yevent ev;

	if (!expect(R, start, YS_Y_MAP, "votes"))
		return true;
	for (;;) {
		ys_vote *vote;
		ys_pos kpos;
		bool end, stop;
		char *who, *key;

		who = read_entry_key(R, &ev, &c->voters, false, "participant",
				     "duplicate vote by '%s' (first defined at %lu:%lu)",
				     &kpos, &end, &stop);
		if (end)
			return true;
		if (stop)
			return false;
		if (!who)
			continue;
		key = read_key(R, &ev, "vote");
		if (!key) {
			ys_free(who);
			if (R->oom)
				return false;
			continue;
		}
		vote = push(&rs->votes, &rs->n_votes, &c->cap_votes, sizeof(*vote));
		if (!vote) {
			ys_free(who);
			ys_free(key);
			oom(R);
			return false;
		}
		vote->participant = who;
		vote->answer = key;
		vote->choice = (ys_choice){YS_ANS_NONE, -1};
		vote->pos = kpos;
		vote->answer_pos = ev.pos;
	}
}

static bool response_field(reader *R, void *ctx, int key, const ys_yevent *v)
{
	response_ctx *c = ctx;
	ys_response *rs = c->rs;

	switch (key) {
	case 0:
		rs->answer_pos = v->pos;
		set_field(&rs->answer, read_key(R, v, "answer"));
		break;
	case 1:
		set_field(&rs->note, read_text(R, v, "note", false));
		break;
	case 2:
		set_field(&rs->na_reason, read_text(R, v, "na_reason", true));
		break;
	case 3:
		set_field(&rs->at, read_time(R, v, "at", false));
		break;
	case 4:
		return read_votes(R, c, v);
	case 5:
		ys_yscalar_bool(R->r, v, "contested", &rs->contested);
		break;
	case 6:
		ys_yscalar_bool(R->r, v, "parked", &rs->parked);
		break;
	}
	return true;
}

static bool read_response(reader *R, char *id, ys_pos kpos, const ys_yevent *start)
{
	ys_answers *a = R->a;
	response_ctx c;
	ys_pos kp[7];
	bool ok;

	if (!expect(R, start, YS_Y_MAP, "an answer")) {
		ys_free(id);
		return true;
	}
	memset(&c, 0, sizeof(c));
	c.rs = push(&a->responses, &a->n_responses, &R->cap_responses,
		    sizeof(*c.rs));
	if (!c.rs) {
		ys_free(id);
		oom(R);
		return false;
	}
	c.rs->question_id = id;
	c.rs->pos = kpos;
	if (!ids_insert(R, a->n_responses - 1)) {
		oom(R);
		return false;
	}
	c.rs->choice = (ys_choice){YS_ANS_NONE, -1};
	ok = read_fields(R, "the answer to '%s'", id, response_keys, kp,
			 response_field, &c);
	ys_keyset_free(&c.voters);
	if (!ok)
		return false;
	if (kp[2].line && !(c.rs->answer && !strcmp(c.rs->answer, YS_KEY_NA)) &&
	    !(kp[0].line && !c.rs->answer))
		ys_yerror(R->r, kp[2], "na_reason is only allowed with answer %s",
			  YS_KEY_NA);
	if (kp[4].line)
		note_workshop_only(R, kp[4], "votes");
	if (kp[5].line)
		note_workshop_only(R, kp[5], "contested");
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

static const char *const top_keys[] = {
	"yardstick-answers", "questionnaire", "organisation", "assessors", "mode",
	"target", "created", "updated", "participants", "areas", "answers", NULL,
};

static bool top_field(reader *R, void *ctx, int key, const ys_yevent *v)
{
	static const int qref_required[] = {0, 1, 2, -1};
	static const char *const modes[] = {"interview", "workshop", NULL};
	ys_answers *a = R->a;
	ys_pos kp[3];
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
		set_field(&a->mode, read_text(R, v, "mode", true));
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
	default:
		return read_answers(R, v);
	}
}

/* Checks that need the whole file. */
static void check_workshop(reader *R, const ys_pos *kp)
{
	ys_answers *a = R->a;
	const char **names;
	size_t i, j;

	if (!a->mode)
		return;
	if (strcmp(a->mode, "workshop")) {
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
				  R->wonly[i].what, a->mode, (unsigned long)R->mode_pos.line,
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

		for (j = 0; j < rs->n_votes; j++) {
			const ys_vote *v = &rs->votes[j];
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
	ys_free(names);
}

static ys_answers *read_answers_file(ys_yreader *r, ys_diags *d)
{
	static const int required[] = {0, 1, 4, 6, 7, -1};
	size_t errors_before = d->count + d->dropped;
	reader R;
	ys_yevent ev;
	ys_pos kp[11], top_pos = {1, 1};
	bool ok;

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
	if (ok) {
		require(&R, top_pos, "the answers file", top_keys, kp, required);
		check_workshop(&R, kp);
	}
	ok = ok && !R.oom && d->count + d->dropped == errors_before;
	ys_keyset_free(&R.participants);
	ys_free(R.ids);
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

/* ------------------------------------------------------------------ */
/* Creating and binding */

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
	a->mode = ys_strdup("interview");
	a->created = ys_strdup(now);
	a->updated = ys_strdup(now);
	if (!a->q_id || !a->q_version || !a->q_sha256 || !a->mode || !a->created ||
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

/* Resolves key for question qn into *c; returns false with a message in
 * msg when the key is not one of its answers. */
static bool resolve(const ys_question *qn, const char *key, ys_choice *c,
		    char *msg, size_t msg_len)
{
	const char **cands, *hint = NULL;
	long opt;
	size_t i;

	*c = (ys_choice){YS_ANS_NONE, -1};
	if (!strcmp(key, YS_KEY_DONT_KNOW)) {
		c->kind = YS_ANS_DONT_KNOW;
		return true;
	}
	if (!strcmp(key, YS_KEY_NA)) {
		c->kind = YS_ANS_NA;
		if (qn->allow_na)
			return true;
		snprintf(msg, msg_len, "question '%s' does not allow %s", qn->id,
			 YS_KEY_NA);
		return false;
	}
	opt = ys_question_option_index(qn, key);
	if (opt >= 0) {
		c->kind = YS_ANS_OPTION;
		c->option = (int)opt;
		return true;
	}
	cands = ys_calloc(qn->n_options + 3, sizeof(*cands));
	if (cands) {
		for (i = 0; i < qn->n_options; i++)
			cands[i] = qn->options[i].key;
		cands[i++] = YS_KEY_DONT_KNOW;
		if (qn->allow_na)
			cands[i++] = YS_KEY_NA;
		hint = ys_did_you_mean(key, cands);
	}
	if (hint)
		snprintf(msg, msg_len, "'%s' is not an answer to question '%s'; did you mean '%s'?",
			 key, qn->id, hint);
	else
		snprintf(msg, msg_len, "'%s' is not an answer to question '%s'", key,
			 qn->id);
	ys_free(cands);
	return false;
}

static void bind_response(ys_response *rs, const ys_question *qn,
			  const ys_answers *a, const char *name, ys_diags *d)
{
	char msg[512];
	size_t i;

	if (rs->answer) {
		if (!resolve(qn, rs->answer, &rs->choice, msg, sizeof(msg)))
			ys_diag_add(d, YS_EX_DATAERR, name, rs->answer_pos, "%s", msg);
		else if (rs->choice.kind == YS_ANS_NA && !rs->na_reason)
			ys_diag_add(d, YS_EX_DATAERR, name, rs->answer_pos,
				    "answer %s to question '%s' needs a reason (na_reason)",
				    YS_KEY_NA, qn->id);
	} else {
		rs->choice = (ys_choice){YS_ANS_NONE, -1};
	}
	for (i = 0; i < rs->n_votes; i++) {
		ys_vote *v = &rs->votes[i];

		if (!resolve(qn, v->answer, &v->choice, msg, sizeof(msg)))
			ys_diag_add(d, YS_EX_DATAERR, name, v->answer_pos, "%s", msg);
	}
	/* Votes in participants order, so the file is canonical. */
	for (i = 1; i < rs->n_votes; i++) {
		ys_vote v = rs->votes[i];
		size_t j = i, rank = a->n_participants, k;

		for (k = 0; k < a->n_participants; k++)
			if (!strcmp(a->participants[k], v.participant))
				break;
		rank = k;
		while (j > 0) {
			for (k = 0; k < a->n_participants; k++)
				if (!strcmp(a->participants[k], rs->votes[j - 1].participant))
					break;
			if (k <= rank)
				break;
			rs->votes[j] = rs->votes[j - 1];
			j--;
		}
		rs->votes[j] = v;
	}
}

/* Orders area records by questionnaire area order (unknown ids last, in
 * file order) and reports unknown ids. */
static bool bind_areas(ys_answers *a, const ys_questionnaire *q,
		       const char *name, ys_diags *d)
{
	ys_area_record *sorted;
	const char **ids;
	size_t i, n = 0;
	long k;

	if (!a->n_areas)
		return true;
	sorted = ys_calloc(a->n_areas, sizeof(*sorted));
	ids = ys_calloc(q->n_areas + 1, sizeof(*ids));
	if (!sorted || !ids) {
		ys_free(sorted);
		ys_free(ids);
		return false;
	}
	for (i = 0; i < q->n_areas; i++)
		ids[i] = q->areas[i].id;
	for (k = 0; k < (long)q->n_areas; k++)
		for (i = 0; i < a->n_areas; i++)
			if (a->areas[i].area_id && !strcmp(a->areas[i].area_id, ids[k]))
				sorted[n++] = a->areas[i];
	for (i = 0; i < a->n_areas; i++) {
		const char *hint;

		if (a->areas[i].area_id &&
		    ys_questionnaire_area_index(q, a->areas[i].area_id) >= 0)
			continue;
		sorted[n++] = a->areas[i];
		if (!a->areas[i].area_id)
			continue;
		hint = ys_did_you_mean(a->areas[i].area_id, ids);
		if (hint)
			ys_diag_add(d, YS_EX_DATAERR, name, a->areas[i].pos,
				    "unknown area '%s'; did you mean '%s'?",
				    a->areas[i].area_id, hint);
		else
			ys_diag_add(d, YS_EX_DATAERR, name, a->areas[i].pos,
				    "unknown area '%s' (questionnaire '%s' has no such area)",
				    a->areas[i].area_id, q->id);
	}
	ys_free(a->areas);
	a->areas = sorted;
	ys_free(ids);
	return true;
}

static void bind_target(const ys_answers *a, const ys_questionnaire *q,
			const char *name, ys_diags *d)
{
	const char **names;
	const char *hint = NULL;
	size_t i;

	if (!a->target || ys_questionnaire_find_target(q, a->target))
		return;
	names = ys_calloc(q->n_targets + 1, sizeof(*names));
	if (names) {
		for (i = 0; i < q->n_targets; i++)
			names[i] = q->targets[i].name;
		hint = ys_did_you_mean(a->target, names);
	}
	if (hint)
		ys_diag_add(d, YS_EX_DATAERR, name, a->target_pos,
			    "unknown target profile '%s'; did you mean '%s'?", a->target,
			    hint);
	else
		ys_diag_add(d, YS_EX_DATAERR, name, a->target_pos,
			    "unknown target profile '%s' (questionnaire '%s' does not define it)",
			    a->target, q->id);
	ys_free(names);
}

bool ys_answers_bind(ys_answers *a, const ys_questionnaire *q,
		     const char *display_name, ys_diags *d)
{
	size_t errors_before = d->count + d->dropped;
	size_t n = q->n_questions, extra = 0, i, next;
	size_t *owner = NULL, *slot = NULL;
	ys_response *out = NULL;

	/* slot[i]: the question index response i fills, or SIZE_MAX when it
	 * goes after the questions. owner[k]: 1 + the response filling
	 * question k, or 0. The same question twice (only possible for
	 * answers built in memory) keeps the later one in the slot. */
	owner = ys_calloc(n ? n : 1, sizeof(*owner));
	slot = ys_calloc(a->n_responses ? a->n_responses : 1, sizeof(*slot));
	if (!owner || !slot)
		goto oom;
	for (i = 0; i < a->n_responses; i++) {
		const ys_question *qn = a->responses[i].question_id
			? ys_questionnaire_find_question(q, a->responses[i].question_id)
			: NULL;

		slot[i] = SIZE_MAX;
		if (!qn)
			continue;
		if (owner[qn->index])
			slot[owner[qn->index] - 1] = SIZE_MAX;
		owner[qn->index] = i + 1;
		slot[i] = qn->index;
	}
	for (i = 0; i < a->n_responses; i++)
		if (slot[i] == SIZE_MAX)
			extra++;
	out = ys_calloc(n + extra ? n + extra : 1, sizeof(*out));
	if (!out)
		goto oom;
	for (i = 0; i < n; i++) {
		if (owner[i])
			continue;
		out[i].choice = (ys_choice){YS_ANS_NONE, -1};
		out[i].question_id = ys_strdup(q->questions[i].id);
		if (!out[i].question_id) {
			while (i-- > 0)
				if (!owner[i])
					ys_free(out[i].question_id);
			goto oom;
		}
	}
	next = n;
	for (i = 0; i < a->n_responses; i++) {
		ys_response *rs = &a->responses[i];

		if (slot[i] != SIZE_MAX) {
			out[slot[i]] = *rs;
			continue;
		}
		rs->choice = (ys_choice){YS_ANS_NONE, -1};
		if (rs->answer && !strcmp(rs->answer, YS_KEY_DONT_KNOW))
			rs->choice.kind = YS_ANS_DONT_KNOW;
		else if (rs->answer && !strcmp(rs->answer, YS_KEY_NA))
			rs->choice.kind = YS_ANS_NA;
		out[next++] = *rs;
	}
	ys_free(owner);
	ys_free(slot);
	ys_free(a->responses);
	a->responses = out;
	a->n_responses = next;
	a->n_bound = n;
	for (i = 0; i < n; i++)
		bind_response(&out[i], &q->questions[i], a, display_name, d);
	if (!bind_areas(a, q, display_name, d)) {
		ys_diag_add(d, YS_EX_SOFTWARE, display_name, (ys_pos){0, 0},
			    "out of memory");
		return false;
	}
	bind_target(a, q, display_name, d);
	return d->count + d->dropped == errors_before;

oom:
	ys_free(owner);
	ys_free(slot);
	ys_free(out);
	ys_diag_add(d, YS_EX_SOFTWARE, display_name, (ys_pos){0, 0}, "out of memory");
	return false;
}

/* ------------------------------------------------------------------ */
/* What changed */

static bool push_id(char ***list, size_t *n, size_t *cap, const char *id)
{
	char **slot, *s = ys_strdup(id);

	if (!s)
		return false;
	slot = push(list, n, cap, sizeof(*slot));
	if (!slot) {
		ys_free(s);
		return false;
	}
	*slot = s;
	return true;
}

bool ys_answers_changed(const ys_answers *a, const ys_questionnaire *q,
			const ys_questionnaire *old,
			char ***removed, size_t *n_removed,
			char ***added, size_t *n_added)
{
	size_t cap_r = 0, cap_a = 0, i;
	bool changed;

	*removed = *added = NULL;
	*n_removed = *n_added = 0;
	changed = !a->q_id || strcmp(a->q_id, q->id) || !a->q_version ||
		  strcmp(a->q_version, q->version) || !a->q_sha256 ||
		  strcmp(a->q_sha256, q->sha256);
	if (old) {
		for (i = 0; i < old->n_questions; i++)
			if (!ys_questionnaire_find_question(q, old->questions[i].id))
				push_id(removed, n_removed, &cap_r, old->questions[i].id);
		for (i = 0; i < q->n_questions; i++)
			if (!ys_questionnaire_find_question(old, q->questions[i].id))
				push_id(added, n_added, &cap_a, q->questions[i].id);
		return changed;
	}
	for (i = 0; i < a->n_responses; i++) {
		const ys_response *rs = &a->responses[i];

		if (rs->question_id && rs->answer &&
		    !ys_questionnaire_find_question(q, rs->question_id))
			push_id(removed, n_removed, &cap_r, rs->question_id);
	}
	return changed;
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

static bool blank(const char *s)
{
	return s[strspn(s, " \t\n\r")] == '\0';
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
	if (value && !blank(value)) {
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

static void drop_vote(ys_response *rs, size_t j)
{
	ys_free(rs->votes[j].participant);
	ys_free(rs->votes[j].answer);
	memmove(&rs->votes[j], &rs->votes[j + 1],
		(rs->n_votes - j - 1) * sizeof(*rs->votes));
	rs->n_votes--;
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
	free_strings(a->participants, a->n_participants);
	a->participants = list;
	a->n_participants = n;
	for (i = 0; i < a->n_responses; i++) {
		ys_response *rs = &a->responses[i];

		for (j = rs->n_votes; j > 0; j--)
			if (participant_index(a, rs->votes[j - 1].participant) < 0)
				drop_vote(rs, j - 1);
	}
	return true;
fail:
	free_strings(list, n);
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
			drop_vote(rs, (size_t)j);
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

/* ------------------------------------------------------------------ */
/* Writer */

typedef struct wbuf {
	char *data;
	size_t len;
	size_t cap;
	bool oom;
} wbuf;

static int wbuf_handler(void *ctx, unsigned char *buf, size_t size)
{
	wbuf *b = ctx;

	if (size > b->cap - b->len) {
		size_t cap = b->cap ? b->cap : 4096;
		char *p;

		while (size > cap - b->len) {
			if (cap > SIZE_MAX / 2) {
				b->oom = true;
				return 0;
			}
			cap *= 2;
		}
		p = ys_realloc(b->data, cap);
		if (!p) {
			b->oom = true;
			return 0;
		}
		b->data = p;
		b->cap = cap;
	}
	memcpy(b->data + b->len, buf, size);
	b->len += size;
	return 1;
}

typedef struct emitter {
	yaml_emitter_t em;
	bool failed;
	bool oom;
} emitter;

enum style {
	ST_TEXT,        /* any style; quoted when it would read as another type */
	ST_PLAIN,       /* a timestamp or date: plain */
	ST_QUOTED,      /* always double-quoted */
};

static bool in_set(const char *s, const char *set)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!strchr(set, *s))
			return false;
	return true;
}

/* True when s, written plain, would be read by a YAML 1.1 or 1.2 reader as
 * something other than a string: null, a boolean, a number in any of the
 * notations those versions allow, a timestamp, or a merge key. */
static bool looks_typed(const char *s)
{
	static const char *const words[] = {
		"~", "null", "Null", "NULL", "y", "Y", "yes", "Yes", "YES", "n", "N",
		"no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
		"on", "On", "ON", "off", "Off", "OFF", "<<", "=", ".inf", ".Inf",
		".INF", ".nan", ".NaN", ".NAN", NULL,
	};
	const char *p = s, *e;
	size_t i;

	if (!*s)
		return true;
	/* Most text starts with a letter that begins no special word. */
	if (!strchr("~nNyYtTfFoO<=.+-0123456789", *s))
		return false;
	/* The words are at most five characters long. */
	if (strnlen(s, 6) <= 5)
		for (i = 0; words[i]; i++)
			if (!strcmp(s, words[i]))
				return true;
	if (all_digits(s, 4) && s[4] == '-')
		return true;            /* a date or timestamp */
	if (*p == '+' || *p == '-')
		p++;
	if (!strcmp(p, ".inf") || !strcmp(p, ".Inf") || !strcmp(p, ".INF"))
		return true;
	if (p[0] == '0' && (p[1] == 'x' || p[1] == 'X'))
		return in_set(p + 2, "0123456789abcdefABCDEF_");
	if (p[0] == '0' && (p[1] == 'o' || p[1] == 'O'))
		return in_set(p + 2, "01234567_");
	if (p[0] == '0' && (p[1] == 'b' || p[1] == 'B'))
		return in_set(p + 2, "01_");
	/* Decimal and sexagesimal numbers: digits, '_', '.', ':' and at most
	 * one exponent. */
	if (!((*p >= '0' && *p <= '9') || *p == '.'))
		return false;
	e = strpbrk(p, "eE");
	if (!e)
		return in_set(p, "0123456789_.:") && strpbrk(p, "0123456789");
	{
		char mant[64];
		size_t n = (size_t)(e - p);

		if (n == 0 || n >= sizeof(mant))
			return false;
		memcpy(mant, p, n);
		mant[n] = '\0';
		if (!in_set(mant, "0123456789_.") || !strpbrk(mant, "0123456789"))
			return false;
		e++;
		if (*e == '+' || *e == '-')
			e++;
		return in_set(e, "0123456789");
	}
}

/* libyaml 0.2.5 escapes every character beyond U+FFFF (emoji, rare CJK)
 * as \UXXXXXXXX even in Unicode mode. So that the file holds them as
 * UTF-8, scalars are passed to the emitter with each such character
 * replaced by a pair of private-use characters (U+E000+high 10 bits,
 * U+E400+low 10 bits), which libyaml writes as they are; a private-use
 * character in U+E000..U+E800 of the text itself is written as U+E800
 * followed by it. unmask() undoes this on the finished output. */
static char *mask(const char *s)
{
	size_t n = strlen(s), i = 0, o = 0;
	char *out = ys_malloc(n * 2 + 1);

	if (!out)
		return NULL;
	while (i < n) {
		uint32_t cp;
		size_t k = ys_utf8_decode(s + i, n - i, &cp);

		if (cp >= 0x10000) {
			o += ys_utf8_encode(0xE000 + ((cp - 0x10000) >> 10), out + o);
			o += ys_utf8_encode(0xE400 + ((cp - 0x10000) & 0x3FF), out + o);
		} else if (cp >= 0xE000 && cp <= 0xE800) {
			o += ys_utf8_encode(0xE800, out + o);
			o += ys_utf8_encode(cp, out + o);
		} else {
			memcpy(out + o, s + i, k);
			o += k;
		}
		i += k;
	}
	out[o] = '\0';
	return out;
}

/* The code point of the 3-byte sequence at p (known to start with 0xEE). */
static uint32_t cp3(const char *p)
{
	return ((uint32_t)(p[0] & 0x0F) << 12) | ((uint32_t)(p[1] & 0x3F) << 6) |
	       (uint32_t)(p[2] & 0x3F);
}

/* Undoes mask() over the whole output, in place; returns the new length. */
static size_t unmask(char *s, size_t n)
{
	size_t i = 0, o = 0;

	while (i < n) {
		uint32_t a, b;

		if ((unsigned char)s[i] != 0xEE || i + 6 > n ||
		    (unsigned char)s[i + 3] != 0xEE) {
			s[o++] = s[i++];
			continue;
		}
		a = cp3(s + i);
		b = cp3(s + i + 3);
		if (a == 0xE800 && b >= 0xE000 && b <= 0xE800) {
			o += ys_utf8_encode(b, s + o);
		} else if (a >= 0xE000 && a <= 0xE3FF && b >= 0xE400 && b <= 0xE7FF) {
			o += ys_utf8_encode(0x10000 + ((a - 0xE000) << 10) + (b - 0xE400),
					    s + o);
		} else {
			s[o++] = s[i++];
			continue;
		}
		i += 6;
	}
	return o;
}

static bool emit(emitter *E, yaml_event_t *ev, int ok)
{
	if (E->failed)
		return false;
	if (!ok || !yaml_emitter_emit(&E->em, ev))
		E->failed = true;
	return !E->failed;
}

/* What the writer needs to know about a string, in one pass. */
enum {
	HAS_BREAK = 1 << 0,     /* a newline */
	HAS_SEPARATOR = 1 << 1, /* U+2028 or U+2029 */
	HAS_MASKED = 1 << 2,    /* characters mask() changes */
};

static unsigned scan(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned flags = 0;

	for (; *u; u++) {
		if (*u < 0x80) {
			if (*u == '\n')
				flags |= HAS_BREAK;
		} else if (*u == 0xEE || *u >= 0xF0) {
			flags |= HAS_MASKED;
		} else if (*u == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9)) {
			flags |= HAS_SEPARATOR;
		}
	}
	return flags;
}

static bool scalar(emitter *E, const char *s, enum style st)
{
	yaml_scalar_style_t style = YAML_ANY_SCALAR_STYLE;
	unsigned flags = scan(s);
	yaml_event_t ev;
	char *m = NULL;
	bool ok;

	if (st == ST_QUOTED || (st == ST_TEXT && looks_typed(s)))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	else if (st == ST_TEXT && (flags & HAS_BREAK))
		style = YAML_LITERAL_SCALAR_STYLE;
	/* Line and paragraph separators read back differently outside
	 * double quotes. */
	if (flags & HAS_SEPARATOR)
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	if (flags & HAS_MASKED) {
		m = mask(s);
		if (!m) {
			E->failed = E->oom = true;
			return false;
		}
		s = m;
	}
	ok = emit(E, &ev, yaml_scalar_event_initialize(&ev, NULL, NULL,
			  (yaml_char_t *)(void *)(uintptr_t)s, (int)strlen(s), 1, 1,
			  style));
	ys_free(m);
	return ok;
}

static bool key_value(emitter *E, const char *key, const char *value,
		      enum style st)
{
	return scalar(E, key, ST_TEXT) && scalar(E, value, st);
}

static bool map_start(emitter *E, bool flow)
{
	yaml_event_t ev;

	return emit(E, &ev, yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
			    flow ? YAML_FLOW_MAPPING_STYLE : YAML_BLOCK_MAPPING_STYLE));
}

static bool map_end(emitter *E)
{
	yaml_event_t ev;

	return emit(E, &ev, yaml_mapping_end_event_initialize(&ev));
}

static bool seq_start(emitter *E, bool flow)
{
	yaml_event_t ev;

	return emit(E, &ev, yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
			    flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE));
}

static bool seq_end(emitter *E)
{
	yaml_event_t ev;

	return emit(E, &ev, yaml_sequence_end_event_initialize(&ev));
}

static bool string_list(emitter *E, const char *key, char **v, size_t n)
{
	size_t i;

	if (!scalar(E, key, ST_TEXT) || !seq_start(E, true))
		return false;
	for (i = 0; i < n; i++)
		scalar(E, v[i] ? v[i] : "", ST_TEXT);
	return seq_end(E);
}

static bool response_empty(const ys_response *rs, bool workshop)
{
	return !rs->answer && !rs->note && !rs->parked &&
	       !(workshop && (rs->n_votes || rs->contested));
}

static bool area_empty(const ys_area_record *ar)
{
	return !ar->owner && !ar->n_actions;
}

static void write_response(emitter *E, const ys_response *rs, bool workshop)
{
	size_t i;

	scalar(E, rs->question_id, ST_TEXT);
	map_start(E, false);
	if (rs->answer)
		key_value(E, "answer", rs->answer, ST_TEXT);
	if (rs->note)
		key_value(E, "note", rs->note, ST_TEXT);
	/* A reason without n/a would not read back (it may be set just
	 * before the answer is). */
	if (rs->na_reason && rs->answer && !strcmp(rs->answer, YS_KEY_NA))
		key_value(E, "na_reason", rs->na_reason, ST_TEXT);
	if (rs->at)
		key_value(E, "at", rs->at, ST_PLAIN);
	if (workshop && rs->n_votes) {
		scalar(E, "votes", ST_TEXT);
		map_start(E, true);
		for (i = 0; i < rs->n_votes; i++)
			key_value(E, rs->votes[i].participant, rs->votes[i].answer,
				  ST_TEXT);
		map_end(E);
	}
	if (workshop && rs->contested)
		key_value(E, "contested", "true", ST_PLAIN);
	if (rs->parked)
		key_value(E, "parked", "true", ST_PLAIN);
	map_end(E);
}

static void write_area(emitter *E, const ys_area_record *ar)
{
	size_t i;

	scalar(E, ar->area_id, ST_TEXT);
	map_start(E, false);
	if (ar->owner)
		key_value(E, "owner", ar->owner, ST_TEXT);
	if (ar->n_actions) {
		scalar(E, "actions", ST_TEXT);
		seq_start(E, false);
		for (i = 0; i < ar->n_actions; i++) {
			const ys_action *act = &ar->actions[i];

			map_start(E, true);
			key_value(E, "text", act->text ? act->text : "", ST_TEXT);
			if (act->owner)
				key_value(E, "owner", act->owner, ST_TEXT);
			if (act->due)
				key_value(E, "due", act->due, ST_PLAIN);
			map_end(E);
		}
		seq_end(E);
	}
	map_end(E);
}

static void write_body(emitter *E, const ys_answers *a)
{
	/* Participants, votes and contested belong to workshop mode only;
	 * written in another mode the file could not be read back. */
	bool workshop = a->mode && !strcmp(a->mode, "workshop");
	char version[16];
	size_t i;
	bool any;

	snprintf(version, sizeof(version), "%d", YS_ANSWERS_FORMAT);
	map_start(E, false);
	key_value(E, "yardstick-answers", version, ST_PLAIN);
	scalar(E, "questionnaire", ST_TEXT);
	map_start(E, true);
	key_value(E, "id", a->q_id ? a->q_id : "", ST_TEXT);
	key_value(E, "version", a->q_version ? a->q_version : "", ST_QUOTED);
	key_value(E, "sha256", a->q_sha256 ? a->q_sha256 : "", ST_TEXT);
	map_end(E);
	if (a->organisation)
		key_value(E, "organisation", a->organisation, ST_TEXT);
	if (a->n_assessors)
		string_list(E, "assessors", a->assessors, a->n_assessors);
	key_value(E, "mode", a->mode ? a->mode : "interview", ST_TEXT);
	if (a->target && !blank(a->target))
		key_value(E, "target", a->target, ST_TEXT);
	if (a->created)
		key_value(E, "created", a->created, ST_PLAIN);
	if (a->updated)
		key_value(E, "updated", a->updated, ST_PLAIN);
	if (workshop && a->n_participants)
		string_list(E, "participants", a->participants, a->n_participants);
	for (any = false, i = 0; i < a->n_areas && !any; i++)
		any = !area_empty(&a->areas[i]);
	if (any) {
		scalar(E, "areas", ST_TEXT);
		map_start(E, false);
		for (i = 0; i < a->n_areas; i++)
			if (!area_empty(&a->areas[i]))
				write_area(E, &a->areas[i]);
		map_end(E);
	}
	for (any = false, i = 0; i < a->n_responses && !any; i++)
		any = !response_empty(&a->responses[i], workshop);
	if (any) {
		scalar(E, "answers", ST_TEXT);
		map_start(E, false);
		for (i = 0; i < a->n_responses; i++)
			if (!response_empty(&a->responses[i], workshop) && a->responses[i].question_id)
				write_response(E, &a->responses[i], workshop);
		map_end(E);
	}
	map_end(E);
}

char *ys_answers_to_string(const ys_answers *a, size_t *len)
{
	wbuf b = {0};
	emitter E;
	yaml_event_t ev;
	bool ok;
	int err;

	memset(&E, 0, sizeof(E));
	if (!yaml_emitter_initialize(&E.em)) {
		errno = ENOMEM;
		return NULL;
	}
	yaml_emitter_set_output(&E.em, wbuf_handler, &b);
	yaml_emitter_set_unicode(&E.em, 1);
	yaml_emitter_set_width(&E.em, -1);
	yaml_emitter_set_indent(&E.em, 2);
	yaml_emitter_set_break(&E.em, YAML_LN_BREAK);
	emit(&E, &ev, yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING));
	emit(&E, &ev, yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1));
	write_body(&E, a);
	emit(&E, &ev, yaml_document_end_event_initialize(&ev, 1));
	emit(&E, &ev, yaml_stream_end_event_initialize(&ev));
	ok = !E.failed && yaml_emitter_flush(&E.em);
	err = b.oom || E.oom || E.em.error == YAML_MEMORY_ERROR ? ENOMEM : EINVAL;
	yaml_emitter_delete(&E.em);
	if (ok && !wbuf_handler(&b, (unsigned char *)"", 1))    /* the NUL */
		ok = false, err = ENOMEM;
	if (!ok) {
		ys_free(b.data);
		errno = err;
		return NULL;
	}
	b.len = unmask(b.data, b.len - 1);
	b.data[b.len] = '\0';
	if (len)
		*len = b.len;
	return b.data;
}

int ys_answers_write(const ys_answers *a, FILE *out)
{
	size_t len;
	char *s = ys_answers_to_string(a, &len);
	int err = 0;

	if (!s)
		return errno;
	errno = 0;
	if (fwrite(s, 1, len, out) != len || fflush(out) != 0)
		err = errno ? errno : EIO;
	ys_free(s);
	return err;
}
