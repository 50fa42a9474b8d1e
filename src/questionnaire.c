/* The questionnaire loader: libyaml events -> an immutable model in one
 * arena, enforcing every rule of the questionnaire format.
 *
 * The loader streams: it never builds a document tree, so peak memory stays
 * close to the size of the model. Checks that need the whole file (levels
 * may come after areas, answer sets after the questions that use them) are
 * recorded with their positions while reading and run at the end. Schema
 * problems are all reported (up to YS_DIAG_MAX); a YAML syntax error stops
 * the load at that error. */
#include <stdlib.h>
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/questionnaire.h"
#include "yardstick/vec.h"
#include "yardstick/yread.h"

/* A growable array of fixed-size items (ys_realloc'd). */
typedef struct vec {
	void *items;
	size_t count;
	size_t cap;
} vec;

static void *vec_push(vec *v, size_t size)
{
	if (!ys_grow(&v->items, &v->cap, v->count + 1, size))
		return NULL;
	return memset((char *)v->items + v->count++ * size, 0, size);
}

static void vec_free(vec *v)
{
	ys_free(v->items);
	v->items = NULL;
	v->count = v->cap = 0;
}

/* What the end-of-file checks need to know about each question. */
typedef struct qpend {
	ys_pos level_pos;
	ys_pos answers_pos;
	ys_pos cap_pos;         /* of the red_flag_cap value */
	uint32_t rf_first;      /* range in loader.red_flags */
	uint32_t rf_count;
	int32_t level;
	int32_t cap;            /* red_flag_cap as written */
	bool has_level;
	bool has_answers;
	bool has_cap;           /* red_flag_cap was read as a number */
	bool rf_listed;         /* red_flag listed at least one entry */
} qpend;

typedef struct rfpend {
	const char *key;        /* arena */
	ys_pos pos;
} rfpend;

typedef struct target_pend {
	const char *name;
	ys_pos pos;
	size_t first;           /* range in loader.target_entries */
	size_t count;
} target_pend;

typedef struct target_entry {
	const char *area;       /* "default" or an area id; arena */
	long level;
	ys_pos pos;             /* of the key */
	ys_pos level_pos;
} target_entry;

typedef struct rec_pend {
	ys_pos pos;             /* of the level value */
} rec_pend;

typedef struct area_pend {
	vec recs;               /* ys_recommendation */
	vec rec_pos;            /* rec_pend */
	ys_pos questions_pos;
	bool has_questions;
} area_pend;

typedef struct loader {
	ys_yreader *r;
	ys_diags *d;
	ys_questionnaire *q;
	ys_arena *arena;
	bool oom;
	/* Top level */
	bool has_levels;
	ys_pos levels_pos;
	ys_pos top_pos;
	vec levels;             /* ys_level */
	vec sets;               /* ys_answer_set */
	vec targets;            /* target_pend */
	vec target_entries;     /* target_entry */
	vec areas;              /* ys_area */
	vec area_pend;          /* area_pend */
	vec questions;          /* ys_question */
	vec qpend;              /* qpend */
	vec red_flags;          /* rfpend */
	ys_keyset area_ids;
	ys_keyset set_names;
	ys_keyset target_names;
	ys_index qindex;        /* questions by id */
	size_t max_options;
	size_t last_set;        /* find_set() cache */
} loader;

static void oom(loader *L)
{
	if (!L->oom)
		ys_diag_add(L->d, YS_EX_SOFTWARE, ys_yreader_name(L->r), (ys_pos){0, 0},
			    "out of memory");
	L->oom = true;
}

/* Copies a vec into the arena. */
static void *to_arena(loader *L, const vec *v, size_t size)
{
	void *p;

	if (!v->count)
		return NULL;
	p = ys_arena_alloc(L->arena, v->count * size);
	if (!p) {
		oom(L);
		return NULL;
	}
	return memcpy(p, v->items, v->count * size);
}

/* ------------------------------------------------------------------ */
/* Mappings with a fixed set of keys. */

typedef bool (*field_fn)(loader *L, void *ctx, int key, const ys_yevent *value);

/* Binds a loader field function to ys_yread_fields' callback. */
struct field_thunk {
	loader *L;
	field_fn fn;
	void *ctx;
};

static bool field_thunk_call(void *ctx, int key, const ys_yevent *value)
{
	struct field_thunk *t = ctx;

	return t->fn(t->L, t->ctx, key, value);
}

/* Reads a mapping with the fixed keys; see ys_yread_fields. */
static bool read_fields(loader *L, const ys_yevent *start, const char *what,
			const char *const *keys, ys_pos *key_pos, field_fn fn,
			void *ctx)
{
	struct field_thunk t = {L, fn, ctx};

	(void)start;
	return ys_yread_fields(L->r, "%s", what, keys, key_pos, field_thunk_call,
			       &t, &L->oom);
}

static void require(loader *L, ys_pos pos, const char *what,
		    const char *const *keys, const ys_pos *key_pos,
		    const int *required)
{
	ys_yrequire(L->r, pos, what, keys, key_pos, required);
}

static bool expect(loader *L, const ys_yevent *ev, ys_ytype type,
		   const char *what)
{
	return ys_yexpect(L->r, ev, type, what);
}

/* Reads a string value into the arena. Empty strings are refused when
 * nonempty is set. Returns NULL on error (reported). */
static const char *read_string(loader *L, const ys_yevent *ev, const char *what,
			       bool nonempty)
{
	const char *s;

	if (!ys_ycheck_text(L->r, ev, what, nonempty))
		return NULL;
	s = ys_arena_strndup(L->arena, ev->value, ev->len);
	if (!s)
		oom(L);
	return s;
}

/* Reads an id (a scalar matching [a-z0-9][a-z0-9._-]*, at most 64). */
static const char *read_id(loader *L, const ys_yevent *ev, const char *what)
{
	if (!ys_ycheck_id(L->r, ev, what))
		return NULL;
	return read_string(L, ev, what, true);
}

/* Adds id to set; reports a duplicate with the first definition. */
static bool unique(loader *L, ys_keyset *set, const char *id, ys_pos pos,
		   const char *what)
{
	ys_pos first;

	if (ys_keyset_add(set, id, strlen(id), pos, &first))
		return true;
	if (!first.line) {
		oom(L);
		return false;
	}
	ys_yerror(L->r, pos, "duplicate %s '%s' (first defined at %lu:%lu)", what, id,
		  (unsigned long)first.line, (unsigned long)first.col);
	return false;
}

/* Reads a mapping whose keys are names (answer sets, target profiles,
 * references): checks each name is a valid id and not a duplicate (in
 * names, or a set local to this mapping when names is NULL), then calls fn
 * with the name and the value's first event; fn must consume the value.
 * Bad entries are reported and their values skipped. what names the
 * mapping in messages, name_what its keys. Returns false only when
 * reading must stop. */
typedef bool (*entry_fn)(loader *L, void *ctx, const char *name, ys_pos pos,
			 const ys_yevent *value);

static bool read_entries(loader *L, const ys_yevent *start, const char *what,
			 const char *name_what, ys_keyset *names, entry_fn fn,
			 void *ctx)
{
	ys_keyset local = {0};
	ys_keyset *set = names ? names : &local;
	bool ok = true;
	ys_yevent ev;

	if (!expect(L, start, YS_Y_MAP, what))
		return true;
	for (;;) {
		const char *name;
		ys_pos pos;

		if (!ys_yreader_next(L->r, &ev)) {
			ok = false;
			break;
		}
		if (ev.type == YS_Y_MAP_END)
			break;
		pos = ev.pos;
		name = read_id(L, &ev, name_what);
		if (name && !unique(L, set, name, pos, name_what))
			name = NULL;
		if (L->oom || !ys_yreader_next(L->r, &ev)) {
			ok = false;
			break;
		}
		if (name ? !fn(L, ctx, name, pos, &ev) : !ys_yreader_skip(L->r, &ev)) {
			ok = false;
			break;
		}
	}
	ys_keyset_free(&local);
	return ok;
}

/* ------------------------------------------------------------------ */
/* Levels */

static const char *const level_keys[] = {"name", "description", NULL};

static bool level_field(loader *L, void *ctx, int key, const ys_yevent *v)
{
	ys_level *lv = ctx;

	if (key == 0)
		lv->name = read_string(L, v, "level name", true);
	else
		lv->description = read_string(L, v, "level description", false);
	return true;
}

static bool read_levels(loader *L, const ys_yevent *start)
{
	ys_yevent ev;

	L->has_levels = true;
	L->levels_pos = start->pos;
	if (!expect(L, start, YS_Y_SEQ, "levels"))
		return true;
	for (;;) {
		ys_pos kp[2];
		ys_level *lv;

		if (!ys_yreader_next(L->r, &ev))
			return false;
		if (ev.type == YS_Y_SEQ_END)
			break;
		if (!expect(L, &ev, YS_Y_MAP, "a level"))
			continue;
		lv = vec_push(&L->levels, sizeof(*lv));
		if (!lv) {
			oom(L);
			return false;
		}
		if (!read_fields(L, &ev, "a level", level_keys, kp, level_field, lv))
			return false;
		if (!kp[0].line)
			ys_yerror(L->r, ev.pos, "a level has no 'name'");
		if (L->levels.count == YS_MAX_LEVELS + 1)
			ys_yerror(L->r, ev.pos, "too many levels (at most %d)", YS_MAX_LEVELS);
	}
	if (L->levels.count < YS_MIN_LEVELS)
		ys_yerror(L->r, start->pos, "levels must list %d to %d levels, not %zu",
			  YS_MIN_LEVELS, YS_MAX_LEVELS, L->levels.count);
	return true;
}

/* ------------------------------------------------------------------ */
/* Answer options (in a named set or inline) */

static const char *const option_keys[] = {"key", "label", "value", NULL};

typedef struct option_ctx {
	ys_option opt;
	ys_pos value_pos;
	bool value_ok;
} option_ctx;

static bool option_field(loader *L, void *ctx, int key, const ys_yevent *v)
{
	option_ctx *o = ctx;

	switch (key) {
	case 0:
		o->opt.key = read_id(L, v, "answer key");
		if (o->opt.key && (!strcmp(o->opt.key, "dont-know")))
			ys_yerror(L->r, v->pos,
				  "answer key 'dont-know' is reserved (don't know is always offered)");
		break;
	case 1:
		o->opt.label = read_string(L, v, "answer label", true);
		break;
	case 2:
		o->value_pos = v->pos;
		o->value_ok = ys_yscalar_double(L->r, v, "answer value", 0.0, 1.0,
						&o->opt.value);
		break;
	}
	return true;
}

/* Reads a list of options; returns them in the arena via *out. */
static bool read_options(loader *L, const ys_yevent *start, const char *what,
			 const ys_option **out, size_t *n)
{
	static const int required[] = {0, 1, 2, -1};
	vec opts = {0};
	ys_keyset keys = {0};
	ys_yevent ev;
	bool ok = true, have_prev = false;
	double prev = 0;
	ys_option *copy;
	size_t listed = 0;

	*out = NULL;
	*n = 0;
	if (!expect(L, start, YS_Y_SEQ, what))
		return true;
	for (;;) {
		option_ctx o;
		ys_pos kp[3];
		ys_option *slot;

		if (!ys_yreader_next(L->r, &ev)) {
			ok = false;
			break;
		}
		if (ev.type == YS_Y_SEQ_END)
			break;
		if (!expect(L, &ev, YS_Y_MAP, "an answer option"))
			continue;
		memset(&o, 0, sizeof(o));
		if (!read_fields(L, &ev, "an answer option", option_keys, kp,
				 option_field, &o)) {
			ok = false;
			break;
		}
		require(L, ev.pos, "an answer option", option_keys, kp, required);
		if (o.opt.key && !unique(L, &keys, o.opt.key, kp[0], "answer key") && L->oom) {
			ok = false;
			break;
		}
		if (o.value_ok) {
			if (have_prev && !(o.opt.value > prev))
				ys_yerror(L->r, o.value_pos,
					  "answer values must increase strictly within a set "
					  "(%g does not follow %g)", o.opt.value, prev);
			prev = o.opt.value;
			have_prev = true;
		}
		/* An incomplete option has been reported; leave it out so
		 * later checks never see a missing key or label. */
		listed++;
		if (!o.opt.key || !o.opt.label || !o.value_ok)
			continue;
		slot = vec_push(&opts, sizeof(ys_option));
		if (!slot) {
			oom(L);
			ok = false;
			break;
		}
		*slot = o.opt;
	}
	if (ok && listed == 0)
		ys_yerror(L->r, start->pos, "%s has no answers", what);
	if (ok && opts.count) {
		copy = ys_arena_alloc(L->arena, opts.count * sizeof(ys_option));
		if (!copy) {
			oom(L);
			ok = false;
		} else {
			memcpy(copy, opts.items, opts.count * sizeof(ys_option));
			*out = copy;
			*n = opts.count;
			if (opts.count > L->max_options)
				L->max_options = opts.count;
		}
	}
	vec_free(&opts);
	ys_keyset_free(&keys);
	return ok;
}

static bool answer_set_entry(loader *L, void *ctx, const char *name,
			     ys_pos pos, const ys_yevent *v)
{
	ys_answer_set *set = vec_push(&L->sets, sizeof(*set));

	(void)ctx;
	if (!set) {
		oom(L);
		return false;
	}
	set->name = name;
	set->pos = pos;
	return read_options(L, v, "an answer set", &set->options, &set->n_options);
}

static bool read_answer_sets(loader *L, const ys_yevent *start)
{
	return read_entries(L, start, "answer_sets", "answer set", &L->set_names,
			    answer_set_entry, NULL);
}

/* ------------------------------------------------------------------ */
/* Targets */

static bool target_level_entry(loader *L, void *ctx, const char *area,
			       ys_pos pos, const ys_yevent *v)
{
	target_entry *e = vec_push(&L->target_entries, sizeof(*e));

	(void)ctx;
	if (!e) {
		oom(L);
		return false;
	}
	e->area = area;
	e->pos = pos;
	e->level_pos = v->pos;
	if (!ys_yscalar_int(L->r, v, "target level", 0, YS_MAX_LEVELS - 1, &e->level))
		e->level = -1;
	return true;
}

static bool target_entry_fn(loader *L, void *ctx, const char *name, ys_pos pos,
			    const ys_yevent *v)
{
	size_t first = L->target_entries.count;
	target_pend *t;

	(void)ctx;
	if (!read_entries(L, v, "a target profile", "area id", NULL,
			  target_level_entry, NULL))
		return false;
	t = vec_push(&L->targets, sizeof(*t));
	if (!t) {
		oom(L);
		return false;
	}
	t->name = name;
	t->pos = pos;
	t->first = first;
	t->count = L->target_entries.count - first;
	return true;
}

static bool read_targets(loader *L, const ys_yevent *start)
{
	return read_entries(L, start, "targets", "target profile", &L->target_names,
			    target_entry_fn, NULL);
}

/* ------------------------------------------------------------------ */
/* Questions */

/* The order is the index used by question_field() and the required list
 * in read_question(). */
static const char *const question_keys[] = {
	"id", "level", "weight", "text", "help", "answers", "red_flag",
	"allow_na", "refs", "red_flag_cap", "advice", "known_by", NULL,
};
#define N_QUESTION_KEYS 12

typedef struct question_ctx {
	ys_question *qn;
	qpend *pend;
} question_ctx;

static bool read_red_flags(loader *L, const ys_yevent *start, qpend *pend)
{
	ys_yevent ev;

	pend->rf_first = (uint32_t)L->red_flags.count;
	if (!expect(L, start, YS_Y_SEQ, "red_flag"))
		return true;
	for (;;) {
		rfpend *rf;
		const char *key;

		if (!ys_yreader_next(L->r, &ev))
			return false;
		if (ev.type == YS_Y_SEQ_END)
			break;
		pend->rf_listed = true;
		key = read_string(L, &ev, "red_flag answer key", true);
		if (!key)
			continue;
		rf = vec_push(&L->red_flags, sizeof(*rf));
		if (!rf) {
			oom(L);
			return false;
		}
		rf->key = key;
		rf->pos = ev.pos;
	}
	pend->rf_count = (uint32_t)(L->red_flags.count - pend->rf_first);
	return true;
}

static bool ref_entry(loader *L, void *ctx, const char *key, ys_pos pos,
		      const ys_yevent *v)
{
	const char *value = read_string(L, v, "reference", true);
	ys_ref *ref;

	(void)pos;
	if (!value)
		return !L->oom;
	ref = vec_push(ctx, sizeof(*ref));
	if (!ref) {
		oom(L);
		return false;
	}
	ref->key = key;
	ref->value = value;
	return true;
}

static bool read_refs(loader *L, const ys_yevent *start, ys_question *qn)
{
	vec refs = {0};
	bool ok = read_entries(L, start, "refs", "reference name", NULL, ref_entry, &refs);

	if (ok && refs.count) {
		qn->refs = to_arena(L, &refs, sizeof(ys_ref));
		qn->n_refs = qn->refs ? refs.count : 0;
		ok = qn->refs != NULL;
	}
	vec_free(&refs);
	return ok;
}

/* The question id index, checked for duplicates while loading and kept
 * for lookups. */
static bool question_is(const void *ctx, size_t i, const void *key)
{
	const ys_question *qs = ctx;

	return !strcmp(qs[i].id, key);
}

/* Adds qn (whose id is set) to the index; reports a duplicate id with the
 * first question's position. */
static bool index_question(loader *L, const ys_question *qn)
{
	const ys_question *qs = L->questions.items, *other;
	size_t dup;
	int rc = ys_index_add(&L->qindex, ys_hash_str(qn->id), qn->index,
			      question_is, qs, qn->id, &dup);

	if (rc < 0) {
		oom(L);
		return false;
	}
	if (rc == 0) {
		other = &qs[dup];
		ys_yerror(L->r, qn->pos, "duplicate question id '%s' (first defined at %lu:%lu)",
			  qn->id, (unsigned long)other->pos.line,
			  (unsigned long)other->pos.col);
		return false;
	}
	return true;
}

static bool question_field(loader *L, void *ctx, int key, const ys_yevent *v)
{
	question_ctx *c = ctx;
	ys_question *qn = c->qn;
	long n;

	switch (key) {
	case 0:
		qn->id = read_id(L, v, "question id");
		if (qn->id && !index_question(L, qn))
			qn->id = NULL;
		break;
	case 1:
		c->pend->level_pos = v->pos;
		if (ys_yscalar_int(L->r, v, "level", -1000000, 1000000, &n)) {
			c->pend->level = (int32_t)n;
			qn->level = n >= 1 && n < YS_MAX_LEVELS ? (unsigned)n : 0;
			c->pend->has_level = true;
		}
		break;
	case 2:
		if (ys_yscalar_int(L->r, v, "question weight", 1, 3, &n))
			qn->weight = (unsigned)n;
		break;
	case 3:
		qn->text = read_string(L, v, "question text", true);
		break;
	case 4:
		qn->help = read_string(L, v, "help", false);
		break;
	case 5:
		c->pend->answers_pos = v->pos;
		c->pend->has_answers = true;
		if (v->type == YS_Y_SCALAR) {
			qn->answer_set = read_id(L, v, "answer set name");
		} else if (v->type == YS_Y_SEQ) {
			return read_options(L, v, "answers", &qn->options, &qn->n_options);
		} else {
			ys_yerror(L->r, v->pos,
				  "answers must name an answer set or list the answers");
			return ys_yreader_skip(L->r, v);
		}
		break;
	case 6:
		return read_red_flags(L, v, c->pend);
	case 7:
		ys_yscalar_bool(L->r, v, "allow_na", &qn->allow_na);
		break;
	case 8:
		return read_refs(L, v, qn);
	case 9:
		/* Any whole number here; the range 0..N-2 is checked at the
		 * end, once the levels are known. */
		c->pend->cap_pos = v->pos;
		if (ys_yscalar_int(L->r, v, "red_flag_cap", -1000000, 1000000, &n)) {
			c->pend->cap = (int32_t)n;
			c->pend->has_cap = true;
		}
		break;
	case 10:
		qn->advice = read_string(L, v, "advice", true);
		break;
	case 11:
		qn->known_by = read_string(L, v, "known_by", true);
		break;
	}
	return true;
}

static bool read_question(loader *L, const ys_yevent *start, size_t area)
{
	static const int required[] = {0, 1, 3, 5, -1};
	ys_pos kp[N_QUESTION_KEYS];
	question_ctx c;
	ys_question *qn;
	qpend *pend;

	if (L->questions.count >= YS_MAX_QUESTIONS) {
		if (L->questions.count == YS_MAX_QUESTIONS) {
			ys_yerror(L->r, start->pos, "too many questions (the limit is %d)",
				  YS_MAX_QUESTIONS);
			L->questions.count++;   /* report once */
		}
		return ys_yreader_skip(L->r, start);
	}
	qn = vec_push(&L->questions, sizeof(*qn));
	pend = vec_push(&L->qpend, sizeof(*pend));
	if (!qn || !pend) {
		oom(L);
		return false;
	}
	qn->weight = 1;
	qn->red_flag_cap = 1;
	qn->area = area;
	qn->index = L->questions.count - 1;
	qn->pos = start->pos;
	c.qn = qn;
	c.pend = pend;
	if (!read_fields(L, start, "a question", question_keys, kp, question_field, &c))
		return false;
	require(L, start->pos, "a question", question_keys, kp, required);
	/* kp[9] is red_flag_cap, kp[6] red_flag (in either order). */
	if (kp[9].line && !pend->rf_listed)
		ys_yerror(L->r, pend->cap_pos,
			  "red_flag_cap without red_flag: it sets the level a red flag "
			  "caps the area at, so list the red flag answers in red_flag "
			  "or remove red_flag_cap");
	return true;
}

static bool read_questions(loader *L, const ys_yevent *start, size_t area)
{
	ys_yevent ev;

	if (!expect(L, start, YS_Y_SEQ, "questions"))
		return true;
	for (;;) {
		if (!ys_yreader_next(L->r, &ev))
			return false;
		if (ev.type == YS_Y_SEQ_END)
			return true;
		if (!expect(L, &ev, YS_Y_MAP, "a question"))
			continue;
		if (!read_question(L, &ev, area))
			return false;
	}
}

/* ------------------------------------------------------------------ */
/* Areas */

static const char *const area_keys[] = {
	"id", "title", "weight", "description", "questions", "recommendations", NULL,
};

static const char *const rec_keys[] = {"level", "text", NULL};

typedef struct rec_ctx {
	ys_recommendation rec;
	ys_pos level_pos;
	bool level_ok;
} rec_ctx;

static bool rec_field(loader *L, void *ctx, int key, const ys_yevent *v)
{
	rec_ctx *c = ctx;
	long n;

	if (key == 0) {
		c->level_pos = v->pos;
		if (ys_yscalar_int(L->r, v, "recommendation level", 0, YS_MAX_LEVELS - 1, &n)) {
			c->rec.level = (unsigned)n;
			c->level_ok = true;
		}
	} else {
		c->rec.text = read_string(L, v, "recommendation text", true);
	}
	return true;
}

typedef struct area_ctx {
	ys_area *area;
	area_pend *pend;
	size_t index;
} area_ctx;

static bool read_recommendations(loader *L, const ys_yevent *start, area_pend *p)
{
	static const int required[] = {0, 1, -1};
	ys_yevent ev;

	if (!expect(L, start, YS_Y_SEQ, "recommendations"))
		return true;
	for (;;) {
		rec_ctx c;
		ys_pos kp[2];

		if (!ys_yreader_next(L->r, &ev))
			return false;
		if (ev.type == YS_Y_SEQ_END)
			return true;
		if (!expect(L, &ev, YS_Y_MAP, "a recommendation"))
			continue;
		memset(&c, 0, sizeof(c));
		if (!read_fields(L, &ev, "a recommendation", rec_keys, kp, rec_field, &c))
			return false;
		require(L, ev.pos, "a recommendation", rec_keys, kp, required);
		if (c.level_ok && c.rec.text) {
			ys_recommendation *r = vec_push(&p->recs, sizeof(*r));
			rec_pend *rp = vec_push(&p->rec_pos, sizeof(*rp));

			if (!r || !rp) {
				oom(L);
				return false;
			}
			*r = c.rec;
			rp->pos = c.level_pos;
		}
	}
}

static bool area_field(loader *L, void *ctx, int key, const ys_yevent *v)
{
	area_ctx *c = ctx;
	ys_area *a = c->area;

	switch (key) {
	case 0:
		a->id = read_id(L, v, "area id");
		if (a->id && !unique(L, &L->area_ids, a->id, v->pos, "area id"))
			a->id = NULL;
		break;
	case 1:
		a->title = read_string(L, v, "area title", true);
		break;
	case 2:
		ys_yscalar_double(L->r, v, "area weight", 0.001, 1000.0, &a->weight);
		break;
	case 3:
		a->description = read_string(L, v, "area description", false);
		break;
	case 4:
		c->pend->questions_pos = v->pos;
		c->pend->has_questions = true;
		return read_questions(L, v, c->index);
	case 5:
		return read_recommendations(L, v, c->pend);
	}
	return true;
}

static bool read_areas(loader *L, const ys_yevent *start)
{
	static const int required[] = {0, 1, 4, -1};
	ys_yevent ev;

	if (!expect(L, start, YS_Y_SEQ, "areas"))
		return true;
	for (;;) {
		area_ctx c;
		ys_pos kp[6];
		ys_area *a;
		area_pend *p;

		if (!ys_yreader_next(L->r, &ev))
			return false;
		if (ev.type == YS_Y_SEQ_END)
			break;
		if (!expect(L, &ev, YS_Y_MAP, "an area"))
			continue;
		a = vec_push(&L->areas, sizeof(*a));
		p = vec_push(&L->area_pend, sizeof(*p));
		if (!a || !p) {
			oom(L);
			return false;
		}
		a->weight = 1;
		a->pos = ev.pos;
		a->first_question = L->questions.count;
		c.area = a;
		c.pend = p;
		c.index = L->areas.count - 1;
		if (!read_fields(L, &ev, "an area", area_keys, kp, area_field, &c))
			return false;
		/* Questions may have grown the arrays: refresh pointers. */
		a = (ys_area *)L->areas.items + c.index;
		a->n_questions = (L->questions.count > YS_MAX_QUESTIONS ? YS_MAX_QUESTIONS
									 : L->questions.count) -
				 a->first_question;
		require(L, ev.pos, "an area", area_keys, kp, required);
	}
	if (L->areas.count == 0)
		ys_yerror(L->r, start->pos, "areas must list at least one area");
	return true;
}

/* ------------------------------------------------------------------ */
/* Top level */

static const char *const top_keys[] = {
	"yardstick", "id", "title", "version", "description", "threshold",
	"levels", "answer_sets", "targets", "areas", NULL,
};

static bool top_field(loader *L, void *ctx, int key, const ys_yevent *v)
{
	ys_questionnaire *q = L->q;
	long n;

	(void)ctx;
	switch (key) {
	case 0:
		if (v->type == YS_Y_SCALAR && v->plain && !strcmp(v->value, "1"))
			break;
		if (ys_yscalar_int(L->r, v, "yardstick (the format version)", 1, 1000000, &n))
			ys_yerror(L->r, v->pos,
				  "unsupported format version %ld (this yardstick reads version %d)",
				  n, YS_FORMAT_VERSION);
		break;
	case 1:
		q->id = read_id(L, v, "questionnaire id");
		break;
	case 2:
		q->title = read_string(L, v, "title", true);
		break;
	case 3:
		q->version = read_string(L, v, "version", true);
		break;
	case 4:
		q->description = read_string(L, v, "description", false);
		break;
	case 5:
		ys_yscalar_double(L->r, v, "threshold", 0.0, 1.0, &q->threshold);
		break;
	case 6:
		return read_levels(L, v);
	case 7:
		return read_answer_sets(L, v);
	case 8:
		return read_targets(L, v);
	case 9:
		return read_areas(L, v);
	}
	return true;
}

/* ------------------------------------------------------------------ */
/* End-of-file checks and assembly */

static const ys_answer_set *find_set(loader *L, const char *name)
{
	const ys_answer_set *sets = L->sets.items;
	size_t i;

	/* Neighbouring questions often share a set. */
	if (L->last_set < L->sets.count && !strcmp(sets[L->last_set].name, name))
		return &sets[L->last_set];
	for (i = 0; i < L->sets.count; i++)
		if (!strcmp(sets[i].name, name)) {
			L->last_set = i;
			return &sets[i];
		}
	return NULL;
}

static long find_area(loader *L, const char *id)
{
	const ys_area *areas = L->areas.items;
	size_t i;

	for (i = 0; i < L->areas.count; i++)
		if (areas[i].id && !strcmp(areas[i].id, id))
			return (long)i;
	return -1;
}

/* Collects names for a did-you-mean hint; the array is in the arena. */
static const char **set_names(loader *L)
{
	const ys_answer_set *sets = L->sets.items;
	const char **names = ys_arena_alloc(L->arena, (L->sets.count + 1) * sizeof(*names));
	size_t i;

	if (!names)
		return NULL;
	for (i = 0; i < L->sets.count; i++)
		names[i] = sets[i].name;
	return names;
}

static void check_questions(loader *L)
{
	ys_question *qs = L->questions.items;
	qpend *pend = L->qpend.items;
	rfpend *rfs = L->red_flags.items;
	size_t nlev = L->levels.count, i, j, k;
	const bool *no_flags = NULL;
	const char **names = NULL;

	for (i = 0; i < L->questions.count && !L->oom; i++) {
		ys_question *qn = &qs[i];
		qpend *p = &pend[i];

		if (p->has_level && L->has_levels && nlev >= YS_MIN_LEVELS &&
		    nlev <= YS_MAX_LEVELS && (p->level < 1 || (size_t)p->level > nlev - 1))
			ys_yerror(L->r, p->level_pos,
				  "level %ld is out of range: this questionnaire has %zu levels, "
				  "so a question's level is 1 to %zu",
				  (long)p->level, nlev, nlev - 1);
		else if (p->has_level && (p->level < 1 || p->level >= YS_MAX_LEVELS))
			ys_yerror(L->r, p->level_pos, "level %ld is out of range (1 to %d)",
				  (long)p->level, YS_MAX_LEVELS - 1);
		if (p->has_cap && p->rf_listed) {
			if (L->has_levels && nlev >= YS_MIN_LEVELS && nlev <= YS_MAX_LEVELS &&
			    (p->cap < 0 || (size_t)p->cap > nlev - 2))
				ys_yerror(L->r, p->cap_pos,
					  "red_flag_cap %ld is out of range: this questionnaire has "
					  "%zu levels, so a red flag caps an area at level 0 to %zu",
					  (long)p->cap, nlev, nlev - 2);
			else if (p->cap < 0 || p->cap > YS_MAX_LEVELS - 2)
				ys_yerror(L->r, p->cap_pos,
					  "red_flag_cap %ld is out of range (0 to %d)",
					  (long)p->cap, YS_MAX_LEVELS - 2);
			else
				qn->red_flag_cap = (unsigned)p->cap;
		}
		if (qn->answer_set) {
			const ys_answer_set *set = find_set(L, qn->answer_set);

			if (set) {
				qn->options = set->options;
				qn->n_options = set->n_options;
			} else {
				const char *hint;

				if (!names && !(names = set_names(L))) {
					oom(L);
					return;
				}
				hint = ys_did_you_mean(qn->answer_set, names);
				if (hint)
					ys_yerror(L->r, p->answers_pos,
						  "unknown answer set '%s'; did you mean '%s'?",
						  qn->answer_set, hint);
				else
					ys_yerror(L->r, p->answers_pos,
						  "unknown answer set '%s'", qn->answer_set);
			}
		}
		if (p->rf_count && qn->n_options) {
			bool *flags = ys_arena_alloc(L->arena, qn->n_options * sizeof(bool));

			if (!flags) {
				oom(L);
				return;
			}
			for (j = 0; j < p->rf_count; j++) {
				const rfpend *rf = &rfs[p->rf_first + j];

				for (k = 0; k < qn->n_options; k++)
					if (!strcmp(qn->options[k].key, rf->key))
						break;
				if (k == qn->n_options)
					ys_yerror(L->r, rf->pos,
						  "red_flag '%s' is not one of this question's answers",
						  rf->key);
				else
					flags[k] = true;
			}
			qn->red_flag = flags;
		}
	}
	if (L->oom)
		return;
	no_flags = ys_arena_alloc(L->arena, (L->max_options + 1) * sizeof(bool));
	if (!no_flags) {
		oom(L);
		return;
	}
	for (i = 0; i < L->questions.count; i++)
		if (!qs[i].red_flag)
			qs[i].red_flag = no_flags;
}

static void check_areas(loader *L)
{
	ys_area *areas = L->areas.items;
	area_pend *pend = L->area_pend.items;
	const ys_question *qs = L->questions.items;
	size_t nlev = L->levels.count, i, j;
	bool levels_ok = L->has_levels && nlev >= YS_MIN_LEVELS && nlev <= YS_MAX_LEVELS;

	for (i = 0; i < L->areas.count && !L->oom; i++) {
		ys_area *a = &areas[i];
		area_pend *p = &pend[i];
		const ys_recommendation *recs = p->recs.items;
		const rec_pend *rpos = p->rec_pos.items;
		unsigned seen_rec[YS_MAX_LEVELS] = {0};

		if (p->has_questions && a->n_questions == 0)
			ys_yerror(L->r, p->questions_pos, "area '%s' has no questions",
				  a->id ? a->id : "?");
		if (levels_ok && a->n_questions) {
			unsigned count[YS_MAX_LEVELS] = {0};

			for (j = 0; j < a->n_questions; j++) {
				unsigned lv = qs[a->first_question + j].level;

				if (lv < YS_MAX_LEVELS)
					count[lv]++;
			}
			for (j = 1; j < nlev; j++)
				if (!count[j])
					ys_yerror(L->r, a->pos,
						  "area '%s' has no question at level %zu (%s); every "
						  "area needs at least one question at each level 1 to %zu",
						  a->id ? a->id : "?", j,
						  ((const ys_level *)L->levels.items)[j].name
							  ? ((const ys_level *)L->levels.items)[j].name
							  : "?",
						  nlev - 1);
		}
		for (j = 0; j < p->recs.count; j++) {
			unsigned lv = recs[j].level;

			if (levels_ok && lv >= nlev) {
				ys_yerror(L->r, rpos[j].pos,
					  "recommendation level %u is out of range (0 to %zu)",
					  lv, nlev - 1);
				continue;
			}
			if (lv < YS_MAX_LEVELS && seen_rec[lv]) {
				ys_yerror(L->r, rpos[j].pos,
					  "a second recommendation for level %u in area '%s'",
					  lv, a->id ? a->id : "?");
				continue;
			}
			if (lv < YS_MAX_LEVELS)
				seen_rec[lv] = 1;
		}
		if (p->recs.count) {
			ys_recommendation *copy =
				ys_arena_alloc(L->arena, p->recs.count * sizeof(*copy));

			if (!copy) {
				oom(L);
				return;
			}
			memcpy(copy, recs, p->recs.count * sizeof(*copy));
			a->recommendations = copy;
			a->n_recommendations = p->recs.count;
		}
	}
}

/* The area ids and "default", NULL-terminated, for did-you-mean hints;
 * NULL when out of memory. */
static const char **area_names(loader *L)
{
	const ys_area *areas = L->areas.items;
	size_t n = L->areas.count, k;
	const char **names = ys_arena_alloc(L->arena, (n + 2) * sizeof(*names));

	if (!names)
		return NULL;
	for (k = 0; k < n; k++)
		names[k] = areas[k].id ? areas[k].id : "";
	names[n] = "default";
	names[n + 1] = NULL;
	return names;
}

static void check_targets(loader *L, ys_target **out)
{
	const target_pend *ts = L->targets.items;
	const target_entry *es = L->target_entries.items;
	size_t nlev = L->levels.count, nareas = L->areas.count, i, j, k;
	const char **names = NULL;
	ys_target *targets;

	*out = NULL;
	if (!L->targets.count)
		return;
	targets = ys_arena_alloc(L->arena, L->targets.count * sizeof(*targets));
	if (!targets) {
		oom(L);
		return;
	}
	for (i = 0; i < L->targets.count; i++) {
		unsigned *levels = ys_arena_alloc(L->arena, (nareas + 1) * sizeof(*levels));
		unsigned dflt = 0;

		if (!levels) {
			oom(L);
			return;
		}
		targets[i].name = ts[i].name;
		targets[i].levels = levels;
		for (j = 0; j < ts[i].count; j++) {
			const target_entry *e = &es[ts[i].first + j];

			if (e->level >= 0 && L->has_levels && nlev >= YS_MIN_LEVELS &&
			    (size_t)e->level >= nlev) {
				ys_yerror(L->r, e->level_pos,
					  "target level %ld is out of range (0 to %zu)",
					  e->level, nlev - 1);
				continue;
			}
			if (!strcmp(e->area, "default")) {
				if (e->level >= 0)
					dflt = (unsigned)e->level;
				continue;
			}
			if (find_area(L, e->area) < 0) {
				const char *hint = NULL;

				/* Past the error cap the message is only
				 * counted: spare the hint (100,000 unknown
				 * areas). */
				if (!ys_diags_full(L->d)) {
					if (!names && !(names = area_names(L))) {
						oom(L);
						return;
					}
					hint = ys_did_you_mean(e->area, names);
				}
				if (hint)
					ys_yerror(L->r, e->pos,
						  "target profile '%s' names an unknown area '%s'; did you mean '%s'?",
						  ts[i].name, e->area, hint);
				else
					ys_yerror(L->r, e->pos,
						  "target profile '%s' names an unknown area '%s'",
						  ts[i].name, e->area);
			}
		}
		for (k = 0; k < nareas; k++)
			levels[k] = dflt;
		for (j = 0; j < ts[i].count; j++) {
			const target_entry *e = &es[ts[i].first + j];
			long a;

			if (e->level < 0 || !strcmp(e->area, "default"))
				continue;
			a = find_area(L, e->area);
			if (a >= 0 && (!L->has_levels || (size_t)e->level < nlev))
				levels[a] = (unsigned)e->level;
		}
	}
	*out = targets;
}

static void loader_free(loader *L)
{
	size_t i;

	for (i = 0; i < L->area_pend.count; i++) {
		area_pend *p = (area_pend *)L->area_pend.items + i;

		vec_free(&p->recs);
		vec_free(&p->rec_pos);
	}
	vec_free(&L->levels);
	vec_free(&L->sets);
	vec_free(&L->targets);
	vec_free(&L->target_entries);
	vec_free(&L->areas);
	vec_free(&L->area_pend);
	vec_free(&L->questions);
	vec_free(&L->qpend);
	vec_free(&L->red_flags);
	ys_keyset_free(&L->area_ids);
	ys_keyset_free(&L->set_names);
	ys_keyset_free(&L->target_names);
	ys_index_free(&L->qindex);
}

static ys_questionnaire *load(ys_yreader *r, ys_diags *d)
{
	static const int required[] = {0, 1, 2, 3, 6, 9, -1};
	size_t errors_before = d->count + d->dropped;
	ys_questionnaire *q;
	loader L;
	ys_yevent ev;
	ys_pos kp[10];
	ys_target *targets = NULL;
	bool ok;
	size_t i;

	if (!r)
		return NULL;
	q = ys_calloc(1, sizeof(*q));
	if (!q) {
		ys_diag_add(d, YS_EX_SOFTWARE, ys_yreader_name(r), (ys_pos){0, 0},
			    "out of memory");
		ys_yreader_close(r);
		return NULL;
	}
	memset(&L, 0, sizeof(L));
	L.r = r;
	L.d = d;
	L.q = q;
	L.arena = &q->arena;
	q->threshold = YS_DEFAULT_THRESHOLD;

	ok = ys_yreader_next(r, &ev);
	if (ok && ev.type == YS_Y_END) {
		ys_yerror(r, (ys_pos){1, 1}, "the file is empty; expected a questionnaire");
		ok = false;
	} else if (ok && ev.type != YS_Y_MAP) {
		ys_yerror(r, ev.pos,
			  "a questionnaire must be a mapping of keys (yardstick, id, title, ...)");
		ok = false;
	}
	if (ok) {
		L.top_pos = ev.pos;
		ok = read_fields(&L, &ev, "the questionnaire", top_keys, kp, top_field, NULL);
	}
	if (ok)
		ok = ys_yreader_next(r, &ev);   /* the end of the document */
	if (ok) {
		require(&L, L.top_pos, "the questionnaire", top_keys, kp, required);
		if (L.questions.count > YS_MAX_QUESTIONS)
			L.questions.count = YS_MAX_QUESTIONS;
		L.qpend.count = L.questions.count;
		check_questions(&L);
		check_areas(&L);
		check_targets(&L, &targets);
	}
	ok = ok && !L.oom && d->count + d->dropped == errors_before;
	if (ok) {
		ys_area *areas = L.areas.items;

		q->source = ys_arena_strdup(L.arena, ys_yreader_name(r));
		memcpy(q->sha256, ys_yreader_sha256(r), 65);
		q->size = ys_yreader_size(r);
		q->levels = to_arena(&L, &L.levels, sizeof(ys_level));
		q->n_levels = L.levels.count;
		q->answer_sets = to_arena(&L, &L.sets, sizeof(ys_answer_set));
		q->n_answer_sets = L.sets.count;
		q->targets = targets;
		q->n_targets = L.targets.count;
		/* Keep the question array itself, trimmed, outside the arena. */
		q->priv_questions = L.questions.items;
		q->n_questions = L.questions.count;
		L.questions.items = NULL;
		L.questions.count = L.questions.cap = 0;
		if (q->n_questions) {
			ys_question *trim = ys_realloc(q->priv_questions,
						       q->n_questions * sizeof(ys_question));

			if (trim)
				q->priv_questions = trim;
		}
		q->questions = q->priv_questions;
		q->priv_index = L.qindex;
		memset(&L.qindex, 0, sizeof(L.qindex));
		for (i = 0; i < L.areas.count; i++)
			areas[i].questions = q->priv_questions + areas[i].first_question;
		q->areas = to_arena(&L, &L.areas, sizeof(ys_area));
		q->n_areas = L.areas.count;
		if (!q->source)
			oom(&L);
		ok = !L.oom;
	}
	loader_free(&L);
	ys_yreader_close(r);
	if (!ok) {
		if (!d->exit_code)
			d->exit_code = YS_EX_DATAERR;
		ys_questionnaire_free(q);
		return NULL;
	}
	return q;
}

ys_questionnaire *ys_questionnaire_load_file(const char *path,
					     const char *display_name,
					     ys_diags *d)
{
	return load(ys_yreader_open_file(path, display_name, d), d);
}

ys_questionnaire *ys_questionnaire_load_file_nofp(const char *path,
						  const char *display_name,
						  ys_diags *d)
{
	return load(ys_yreader_open_file_fp(path, display_name, false, d), d);
}

ys_questionnaire *ys_questionnaire_load_mem(const char *buf, size_t len,
					    const char *display_name,
					    ys_diags *d)
{
	return load(ys_yreader_open_mem(buf, len, display_name, d), d);
}

void ys_questionnaire_free(ys_questionnaire *q)
{
	if (!q)
		return;
	ys_arena_free(&q->arena);
	ys_free(q->priv_questions);
	ys_index_free(&q->priv_index);
	ys_free(q);
}

const ys_question *ys_questionnaire_find_question(const ys_questionnaire *q,
						  const char *id)
{
	size_t i = ys_index_find(&q->priv_index, ys_hash_str(id), question_is,
				 q->questions, id);

	return i == YS_INDEX_NONE ? NULL : &q->questions[i];
}

long ys_questionnaire_area_index(const ys_questionnaire *q, const char *id)
{
	size_t i;

	for (i = 0; i < q->n_areas; i++)
		if (!strcmp(q->areas[i].id, id))
			return (long)i;
	return -1;
}

const ys_target *ys_questionnaire_find_target(const ys_questionnaire *q,
					      const char *name)
{
	size_t i;

	for (i = 0; i < q->n_targets; i++)
		if (!strcmp(q->targets[i].name, name))
			return &q->targets[i];
	return NULL;
}

long ys_question_option_index(const ys_question *qn, const char *key)
{
	size_t i;

	for (i = 0; i < qn->n_options; i++)
		if (!strcmp(qn->options[i].key, key))
			return (long)i;
	return -1;
}

const char *ys_area_recommendation(const ys_area *a, unsigned level)
{
	size_t i;

	for (i = 0; i < a->n_recommendations; i++)
		if (a->recommendations[i].level == level)
			return a->recommendations[i].text;
	return NULL;
}
