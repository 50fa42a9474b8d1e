/* Merging participants' answers files into one workshop file (rules in
 * include/yardstick/merge.h). Votes are held as one row of small integers
 * per participant; text is combined as it arrives, so a file can be freed
 * as soon as it has been added. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/consensus.h"
#include "yardstick/merge.h"
#include "yardstick/strbuf.h"
#include "yardstick/strset.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"
#include "yardstick/yread.h"

/* A vote in the rows: an option index, or one of these. */
enum { VOTE_NONE = -1, VOTE_DK = -2, VOTE_NA = -3 };

/* Room kept at the end of a combined text for the "left out" line. */
#define TRAILER_ROOM 128

/* Text combined line by line, never longer than one string may be. */
typedef struct text_acc {
	ys_sb sb;
	size_t cut;             /* lines left out for length */
} text_acc;

typedef struct question_acc {
	text_acc note;
	text_acc reason;        /* "NAME: reason" lines */
	char *first_reason;     /* the first reason as given */
	bool reasons_differ;
	char at[24];            /* latest time of the files' answers, "" if none */
} question_acc;

typedef struct area_acc {
	char *owner;
	ys_action *actions;
	size_t n_actions, cap_actions;
	ys_index index;         /* the distinct actions */
} area_acc;

struct ys_merge {
	const ys_questionnaire *q;
	/* The first file's name and questionnaire identity. */
	char *first_name, *q_id, *q_version, *q_sha256;
	char **files;           /* names of the files added, in order */
	size_t n_files, cap_files;
	char **participants;
	size_t *participant_file;       /* index into files */
	size_t n_participants, cap_participants;
	ys_index participant_index;     /* by name, so a thousand cost no more than ten */
	int32_t *votes;         /* n_participants rows of n_questions */
	question_acc *qs;       /* n_questions */
	area_acc *areas;        /* n_areas */
	char *organisation, *target, *created;
	char **assessors;
	size_t n_assessors, cap_assessors;
	ys_index assessor_index;
};

/* ------------------------------------------------------------------ */
/* Small helpers */

static bool set_copy(char **field, const char *s)
{
	char *c = ys_strdup(s);

	if (!c)
		return false;
	ys_free(*field);
	*field = c;
	return true;
}

static bool name_is(const void *ctx, size_t i, const void *key)
{
	char *const *names = ctx;

	return !strcmp(names[i], key);
}

/* The index in names of name, or -1. */
static long name_find(const ys_index *x, char *const *names, const char *name)
{
	size_t i = ys_index_find(x, ys_hash_str(name), name_is, names, name);

	return i == YS_INDEX_NONE ? -1 : (long)i;
}

/* Records that names[i] is in the list (i below UINT32_MAX - 1). */
static bool name_add(ys_index *x, char *const *names, size_t i)
{
	return ys_index_add(x, ys_hash_str(names[i]), i, name_is, names, names[i],
			    NULL) >= 0;
}

/* Appends "PREFIX: text" (no prefix when prefix is NULL) as a new line,
 * or counts it as cut when it would make the text too long. */
static bool text_add(text_acc *t, const char *prefix, const char *text)
{
	size_t plen = prefix ? strlen(prefix) + 2 : 0, tlen = strlen(text);
	size_t need = (t->sb.len ? 1 : 0) + plen + tlen;

	if (t->sb.len + need > YS_MAX_STRING - TRAILER_ROOM) {
		t->cut++;
		return true;
	}
	if (t->sb.len)
		ys_sb_putc(&t->sb, '\n');
	if (prefix)
		ys_sb_printf(&t->sb, "%s: ", prefix);
	ys_sb_puts(&t->sb, text);
	return !t->sb.oom;
}

/* The combined text as a new string (NULL when empty; *oom set when out
 * of memory), with a line saying how many were left out. */
static char *text_take(const text_acc *t, const char *what, size_t *cut,
		       bool *oom)
{
	char trailer[TRAILER_ROOM], *s;
	size_t n;

	if (!t->sb.len && !t->cut)
		return NULL;
	trailer[0] = '\0';
	if (t->cut) {
		snprintf(trailer, sizeof(trailer), "%s(%zu more %s left out: "
			 "too long for one answer; see the participants' files)",
			 t->sb.len ? "\n" : "", t->cut, what);
		*cut += t->cut;
	}
	n = t->sb.len + strlen(trailer);
	s = ys_malloc(n + 1);
	if (!s) {
		*oom = true;
		return NULL;
	}
	if (t->sb.len)
		memcpy(s, t->sb.buf, t->sb.len);
	strcpy(s + t->sb.len, trailer);
	return s;
}

/* ------------------------------------------------------------------ */
/* Life cycle */

ys_merge *ys_merge_new(const ys_questionnaire *q)
{
	ys_merge *m = ys_calloc(1, sizeof(*m));

	if (!m)
		return NULL;
	m->q = q;
	m->qs = ys_calloc(q->n_questions ? q->n_questions : 1, sizeof(*m->qs));
	m->areas = ys_calloc(q->n_areas ? q->n_areas : 1, sizeof(*m->areas));
	if (!m->qs || !m->areas) {
		ys_merge_free(m);
		return NULL;
	}
	return m;
}

void ys_merge_free(ys_merge *m)
{
	size_t i, k;

	if (!m)
		return;
	ys_free(m->first_name);
	ys_free(m->q_id);
	ys_free(m->q_version);
	ys_free(m->q_sha256);
	ys_strv_free(m->files, m->n_files);
	ys_strv_free(m->participants, m->n_participants);
	ys_free(m->participant_file);
	ys_index_free(&m->participant_index);
	ys_index_free(&m->assessor_index);
	ys_free(m->votes);
	for (i = 0; m->qs && i < m->q->n_questions; i++) {
		ys_sb_free(&m->qs[i].note.sb);
		ys_sb_free(&m->qs[i].reason.sb);
		ys_free(m->qs[i].first_reason);
	}
	ys_free(m->qs);
	for (i = 0; m->areas && i < m->q->n_areas; i++) {
		ys_free(m->areas[i].owner);
		for (k = 0; k < m->areas[i].n_actions; k++)
			ys_action_clear(&m->areas[i].actions[k]);
		ys_free(m->areas[i].actions);
		ys_index_free(&m->areas[i].index);
	}
	ys_free(m->areas);
	ys_free(m->organisation);
	ys_free(m->target);
	ys_free(m->created);
	ys_strv_free(m->assessors, m->n_assessors);
	ys_free(m);
}

/* ------------------------------------------------------------------ */
/* Checking a file */

static const char *or_none(const char *s)
{
	return s ? s : "(none)";
}

bool ys_merge_check(ys_merge *m, const ys_answers *a, const char *name,
		    ys_diags *d)
{
	const ys_pos nopos = {0, 0};

	if (!m->first_name) {
		if (!a->q_sha256 || strcmp(a->q_sha256, m->q->sha256)) {
			ys_diag_add(d, YS_EX_DATAERR, name, nopos,
				    "answered with questionnaire '%s' version %s "
				    "(sha256 %s), but the questionnaire given is "
				    "version %s (sha256 %s, %s)",
				    or_none(a->q_id), or_none(a->q_version),
				    or_none(a->q_sha256), m->q->version,
				    m->q->sha256, m->q->source);
			return false;
		}
		if (!set_copy(&m->first_name, name) ||
		    !set_copy(&m->q_id, or_none(a->q_id)) ||
		    !set_copy(&m->q_version, or_none(a->q_version)) ||
		    !set_copy(&m->q_sha256, a->q_sha256)) {
			ys_diag_add(d, YS_EX_SOFTWARE, name, nopos, "out of memory");
			return false;
		}
		return true;
	}
	if (!a->q_id || strcmp(a->q_id, m->q_id)) {
		ys_diag_add(d, YS_EX_DATAERR, name, nopos,
			    "answers questionnaire '%s', but %s answers '%s'; "
			    "only answers to the same questionnaire can be merged",
			    or_none(a->q_id), m->first_name, m->q_id);
		return false;
	}
	if (!a->q_version || strcmp(a->q_version, m->q_version)) {
		ys_diag_add(d, YS_EX_DATAERR, name, nopos,
			    "answers version %s of questionnaire '%s', but %s "
			    "answers version %s; only answers to the same version "
			    "can be merged", or_none(a->q_version), m->q_id,
			    m->first_name, m->q_version);
		return false;
	}
	if (!a->q_sha256 || strcmp(a->q_sha256, m->q_sha256)) {
		ys_diag_add(d, YS_EX_DATAERR, name, nopos,
			    "answers questionnaire '%s' version %s with sha256 %s, "
			    "but %s has sha256 %s: the two files were answered "
			    "with different questionnaire files of the same "
			    "version", m->q_id, m->q_version, or_none(a->q_sha256),
			    m->first_name, m->q_sha256);
		return false;
	}
	return true;
}

static bool is_workshop(const ys_answers *a)
{
	return a->mode == YS_MODE_WORKSHOP;
}

/* The participants a brings: its participants in workshop mode, else its
 * first assessor. */
static char *const *file_participants(const ys_answers *a, size_t *n)
{
	if (is_workshop(a)) {
		*n = a->n_participants;
		return a->participants;
	}
	*n = a->n_assessors && !ys_str_blank(a->assessors[0]) ? 1 : 0;
	return a->assessors;
}

static long find_participant(const ys_merge *m, const char *who)
{
	return name_find(&m->participant_index, m->participants, who);
}

/* Every reason a file cannot be added, before anything changes. */
static bool can_add(const ys_merge *m, const ys_answers *a, const char *name,
		    ys_diags *d)
{
	const ys_pos nopos = {0, 0};
	size_t errors = d->count + d->dropped, n, i;
	char *const *who = file_participants(a, &n);

	if (!n && is_workshop(a))
		ys_diag_add(d, YS_EX_DATAERR, name, nopos,
			    "names no participants, so its votes cannot be "
			    "told apart");
	else if (!n)
		ys_diag_add(d, YS_EX_DATAERR, name, nopos,
			    "names no assessor; a participant is named by the "
			    "file's first assessor: add 'assessors: [NAME]'");
	for (i = 0; i < n; i++) {
		long k = find_participant(m, who[i]);

		if (k >= 0)
			ys_diag_add(d, YS_EX_DATAERR, name, nopos,
				    "participant '%s' is already merged from %s; "
				    "each participant's answers can be merged once",
				    who[i], m->files[m->participant_file[k]]);
	}
	for (i = a->n_bound; i < a->n_responses; i++)
		ys_diag_add(d, YS_EX_DATAERR, name, a->responses[i].pos,
			    "answers question '%s', which questionnaire '%s' "
			    "version %s does not have",
			    or_none(a->responses[i].question_id), m->q->id,
			    m->q->version);
	return d->count + d->dropped == errors;
}

/* ------------------------------------------------------------------ */
/* Adding a file */

static int32_t vote_of(ys_choice c)
{
	switch (c.kind) {
	case YS_ANS_OPTION: return c.option >= 0 ? c.option : VOTE_NONE;
	case YS_ANS_DONT_KNOW: return VOTE_DK;
	case YS_ANS_NA: return VOTE_NA;
	case YS_ANS_NONE: break;
	}
	return VOTE_NONE;
}

static ys_choice choice_of(int32_t v)
{
	switch (v) {
	case VOTE_NONE: return (ys_choice){YS_ANS_NONE, -1};
	case VOTE_DK: return (ys_choice){YS_ANS_DONT_KNOW, -1};
	case VOTE_NA: return (ys_choice){YS_ANS_NA, -1};
	default: return (ys_choice){YS_ANS_OPTION, v};
	}
}

/* Adds participant names (copies) and their rows of absent votes, from
 * the file added last. */
static bool add_participants(ys_merge *m, char *const *who, size_t n)
{
	size_t nq = m->q->n_questions, i, rows;
	int32_t *votes;

	rows = m->n_participants + n;
	if (rows >= UINT32_MAX - 1 ||
	    (nq && rows > SIZE_MAX / sizeof(*votes) / nq))
		return false;
	while (m->cap_participants < rows) {
		size_t cap = m->cap_participants ? m->cap_participants * 2 : 16;
		char **p;
		size_t *f;

		if (nq && cap > SIZE_MAX / sizeof(*votes) / nq)
			return false;
		p = ys_realloc(m->participants, cap * sizeof(*p));
		if (!p)
			return false;
		m->participants = p;
		f = ys_realloc(m->participant_file, cap * sizeof(*f));
		if (!f)
			return false;
		m->participant_file = f;
		votes = ys_realloc(m->votes, (nq ? cap * nq : 1) * sizeof(*votes));
		if (!votes)
			return false;
		m->votes = votes;
		m->cap_participants = cap;
	}
	for (i = 0; i < n; i++) {
		size_t row = m->n_participants;
		size_t k;

		m->participants[row] = ys_strdup(who[i]);
		if (!m->participants[row])
			return false;
		if (!name_add(&m->participant_index, m->participants, row)) {
			ys_free(m->participants[row]);
			return false;
		}
		m->participant_file[row] = m->n_files - 1;
		for (k = 0; k < nq; k++)
			m->votes[row * nq + k] = VOTE_NONE;
		m->n_participants++;
	}
	return true;
}

static void note_time(question_acc *qa, const char *at)
{
	if (at && strlen(at) < sizeof(qa->at) && strcmp(at, qa->at) > 0)
		strcpy(qa->at, at);
}

static bool add_reason(question_acc *qa, const char *who, const char *reason)
{
	if (!reason)
		return true;
	if (!qa->first_reason) {
		qa->first_reason = ys_strdup(reason);
		if (!qa->first_reason)
			return false;
	} else if (strcmp(qa->first_reason, reason)) {
		qa->reasons_differ = true;
	}
	return text_add(&qa->reason, who, reason);
}

/* One interview file: one participant (row), the answers are the votes. */
static bool add_interview(ys_merge *m, const ys_answers *a, size_t row)
{
	size_t nq = m->q->n_questions, i;
	const char *who = m->participants[row];

	for (i = 0; i < nq; i++) {
		const ys_response *r = &a->responses[i];
		question_acc *qa = &m->qs[i];

		if (r->answer) {
			m->votes[row * nq + i] = vote_of(r->choice);
			note_time(qa, r->at);
			if (r->choice.kind == YS_ANS_NA &&
			    !add_reason(qa, who, r->na_reason))
				return false;
		}
		if (r->note && !text_add(&qa->note, who, r->note))
			return false;
	}
	return true;
}

/* One workshop file: its participants from row first on, its votes. The
 * bound votes are in participants order, so one walk finds each row. */
static bool add_workshop(ys_merge *m, const ys_answers *a, size_t first)
{
	size_t nq = m->q->n_questions, i, k, p;

	for (i = 0; i < nq; i++) {
		const ys_response *r = &a->responses[i];
		question_acc *qa = &m->qs[i];

		for (k = 0, p = 0; k < r->n_votes; k++) {
			const char *who = r->votes[k].participant;
			size_t start = p;

			while (p < a->n_participants &&
			       strcmp(a->participants[p], who))
				p++;
			if (p == a->n_participants) {
				/* Not in order after all: look from the start. */
				for (p = 0; p < start &&
				     strcmp(a->participants[p], who); p++)
					;
				if (p == start)
					continue;
			}
			m->votes[(first + p) * nq + i] =
				vote_of(r->votes[k].choice);
		}
		if (r->n_votes || r->answer)
			note_time(qa, r->at);
		if (r->choice.kind == YS_ANS_NA &&
		    !add_reason(qa, NULL, r->na_reason))
			return false;
		if (r->note && !text_add(&qa->note, NULL, r->note))
			return false;
	}
	return true;
}

static uint64_t action_hash(const ys_action *ac)
{
	uint64_t h = ys_hash_more(YS_HASH_SEED, ac->text);

	h = ys_hash_more(h, ac->owner);
	return ys_hash_more(h, ac->due);
}

static bool action_is(const void *ctx, size_t i, const void *key)
{
	const ys_action *old = &((const ys_action *)ctx)[i], *ac = key;

	return ys_str_eq(old->text, ac->text) && ys_str_eq(old->owner, ac->owner) &&
	       ys_str_eq(old->due, ac->due);
}

/* Adds a copy of action ac to area unless the area has it already. */
static bool add_action(ys_merge *m, size_t area, const ys_action *ac)
{
	area_acc *ar = &m->areas[area];
	uint64_t h = action_hash(ac);
	ys_action *copy;

	if (ys_index_find(&ar->index, h, action_is, ar->actions, ac) != YS_INDEX_NONE)
		return true;
	if (ar->n_actions >= UINT32_MAX - 1 ||
	    !YS_GROW(ar->actions, ar->cap_actions, ar->n_actions + 1))
		return false;
	copy = &ar->actions[ar->n_actions];
	memset(copy, 0, sizeof(*copy));
	copy->text = ys_strdup(ac->text ? ac->text : "");
	copy->owner = ac->owner ? ys_strdup(ac->owner) : NULL;
	copy->due = ac->due ? ys_strdup(ac->due) : NULL;
	if (!copy->text || (ac->owner && !copy->owner) || (ac->due && !copy->due) ||
	    ys_index_add(&ar->index, h, ar->n_actions, action_is, ar->actions, ac,
			 NULL) < 0) {
		ys_action_clear(copy);
		return false;
	}
	ar->n_actions++;
	return true;
}

static bool add_areas(ys_merge *m, const ys_answers *a)
{
	size_t i, k;

	for (i = 0; i < a->n_areas; i++) {
		const ys_area_record *rec = &a->areas[i];
		long area = rec->area_id
			? ys_questionnaire_area_index(m->q, rec->area_id) : -1;

		if (area < 0)
			continue;       /* the binding reported it */
		if (!m->areas[area].owner && !ys_str_blank(rec->owner) &&
		    !set_copy(&m->areas[area].owner, rec->owner))
			return false;
		for (k = 0; k < rec->n_actions; k++)
			if (!add_action(m, (size_t)area, &rec->actions[k]))
				return false;
	}
	return true;
}

static bool add_assessors(ys_merge *m, const ys_answers *a)
{
	size_t i;

	for (i = 0; i < a->n_assessors; i++) {
		const char *s = a->assessors[i];

		if (ys_str_blank(s) || name_find(&m->assessor_index, m->assessors, s) >= 0)
			continue;
		if (m->n_assessors >= UINT32_MAX - 1 ||
		    !YS_GROW(m->assessors, m->cap_assessors, m->n_assessors + 1))
			return false;
		m->assessors[m->n_assessors] = ys_strdup(s);
		if (!m->assessors[m->n_assessors])
			return false;
		if (!name_add(&m->assessor_index, m->assessors, m->n_assessors)) {
			ys_free(m->assessors[m->n_assessors]);
			return false;
		}
		m->n_assessors++;
	}
	return true;
}

static bool add_header(ys_merge *m, const ys_answers *a)
{
	if (!m->organisation && !ys_str_blank(a->organisation) &&
	    !set_copy(&m->organisation, a->organisation))
		return false;
	if (!m->target && !ys_str_blank(a->target) && !set_copy(&m->target, a->target))
		return false;
	if (a->created && (!m->created || strcmp(a->created, m->created) < 0) &&
	    !set_copy(&m->created, a->created))
		return false;
	return add_assessors(m, a);
}

bool ys_merge_add(ys_merge *m, const ys_answers *a, const char *name,
		  ys_diags *d)
{
	size_t n, first = m->n_participants;
	char *const *who = file_participants(a, &n);
	bool ok;

	if (a->n_bound != m->q->n_questions) {
		ys_diag_add(d, YS_EX_SOFTWARE, name, (ys_pos){0, 0},
			    "internal error: answers not bound to the questionnaire");
		return false;
	}
	if (!can_add(m, a, name, d))
		return false;
	ok = YS_GROW(m->files, m->cap_files, m->n_files + 1);
	if (ok) {
		m->files[m->n_files] = ys_strdup(name);
		ok = m->files[m->n_files] != NULL;
		if (ok)
			m->n_files++;
	}
	ok = ok && add_participants(m, who, n);
	ok = ok && (is_workshop(a) ? add_workshop(m, a, first)
				   : add_interview(m, a, first));
	ok = ok && add_areas(m, a) && add_header(m, a);
	if (!ok)
		ys_diag_add(d, YS_EX_SOFTWARE, name, (ys_pos){0, 0},
			    "out of memory");
	return ok;
}

/* ------------------------------------------------------------------ */
/* The merged file */

static const char *choice_key(const ys_question *qn, ys_choice c)
{
	switch (c.kind) {
	case YS_ANS_OPTION: return qn->options[c.option].key;
	case YS_ANS_DONT_KNOW: return YS_KEY_DONT_KNOW;
	case YS_ANS_NA: return YS_KEY_NA;
	case YS_ANS_NONE: break;
	}
	return NULL;
}

static char **copy_strings(char *const *v, size_t n)
{
	char **out = ys_calloc(n ? n : 1, sizeof(*out));
	size_t i;

	if (!out)
		return NULL;
	for (i = 0; i < n; i++) {
		out[i] = ys_strdup(v[i]);
		if (!out[i]) {
			ys_strv_free(out, i);
			return NULL;
		}
	}
	return out;
}

static bool finish_header(const ys_merge *m, ys_answers *a)
{
	a->mode = YS_MODE_WORKSHOP;
	if (m->created && !set_copy(&a->created, m->created))
		return false;
	if (m->organisation && !set_copy(&a->organisation, m->organisation))
		return false;
	if (m->target && !set_copy(&a->target, m->target))
		return false;
	if (!ys_answers_set_assessors(a, (const char *const *)m->assessors,
				      m->n_assessors))
		return false;
	a->participants = copy_strings(m->participants, m->n_participants);
	if (!a->participants)
		return false;
	a->n_participants = m->n_participants;
	return true;
}

static bool finish_areas(const ys_merge *m, ys_answers *a)
{
	size_t i, k;

	for (i = 0; i < m->q->n_areas; i++) {
		const area_acc *src = &m->areas[i];

		if (src->owner && !ys_answers_set_owner(a, m->q, i, src->owner))
			return false;
		for (k = 0; k < src->n_actions; k++) {
			const ys_action *from = &src->actions[k];

			if (!ys_answers_add_action(a, m->q, i, from->text, from->owner,
						   from->due))
				return false;
		}
	}
	return true;
}

static bool finish_votes(const ys_merge *m, ys_response *r,
			 const ys_question *qn, const ys_choice *col,
			 size_t n_votes)
{
	size_t p, k = 0;

	r->votes = ys_calloc(n_votes, sizeof(*r->votes));
	if (!r->votes)
		return false;
	for (p = 0; p < m->n_participants; p++) {
		ys_vote *v;

		if (col[p].kind == YS_ANS_NONE)
			continue;
		v = &r->votes[k++];
		r->n_votes = k;
		v->choice = col[p];
		v->participant = ys_strdup(m->participants[p]);
		v->answer = ys_strdup(choice_key(qn, col[p]));
		if (!v->participant || !v->answer)
			return false;
	}
	return true;
}

static bool finish_question(const ys_merge *m, ys_answers *a, size_t i,
			    ys_choice *col, const char *now,
			    ys_merge_summary *sum)
{
	const ys_question *qn = &m->q->questions[i];
	const question_acc *qa = &m->qs[i];
	ys_response *r = &a->responses[i];
	size_t nq = m->q->n_questions, p;
	bool oom = false;
	ys_spread sp;

	for (p = 0; p < m->n_participants; p++) {
		col[p] = choice_of(m->votes[p * nq + i]);
		if (col[p].kind == YS_ANS_OPTION &&
		    (size_t)col[p].option >= qn->n_options)
			col[p] = (ys_choice){YS_ANS_NONE, -1};
	}
	sp = ys_consensus_compute(qn, col, m->n_participants, NULL);
	r->note = text_take(&qa->note, "notes", &sum->n_lines_cut, &oom);
	if (oom)
		return false;
	if (!sp.n_votes)
		return true;
	sum->n_voted++;
	if (sp.contested)
		sum->n_contested++;
	r->choice = sp.proposed;
	r->contested = sp.contested;
	r->answer = ys_strdup(choice_key(qn, sp.proposed));
	r->at = ys_strdup(qa->at[0] ? qa->at : now);
	if (!r->answer || !r->at || !finish_votes(m, r, qn, col, sp.n_votes))
		return false;
	if (sp.proposed.kind != YS_ANS_NA)
		return true;
	if (qa->first_reason && !qa->reasons_differ)
		r->na_reason = ys_strdup(qa->first_reason);
	else if (qa->first_reason)
		r->na_reason = text_take(&qa->reason, "reasons",
					 &sum->n_lines_cut, &oom);
	else
		r->na_reason = ys_strdup("Every participant answered N/A.");
	return r->na_reason != NULL;
}

ys_answers *ys_merge_finish(const ys_merge *m, ys_merge_summary *summary)
{
	ys_merge_summary sum = {0};
	ys_answers *a = ys_answers_new(m->q);
	ys_choice *col = NULL;
	char now[32];
	size_t i;

	if (!a)
		return NULL;
	ys_now_rfc3339(now);
	sum.n_files = m->n_files;
	sum.n_participants = m->n_participants;
	sum.n_questions = m->q->n_questions;
	col = ys_calloc(m->n_participants ? m->n_participants : 1, sizeof(*col));
	if (!col || !finish_header(m, a) || !finish_areas(m, a))
		goto fail;
	for (i = 0; i < m->q->n_questions; i++)
		if (!finish_question(m, a, i, col, now, &sum))
			goto fail;
	/* Merged answers are proposals until the room settles them. */
	ys_answers_unsettle_all(a);
	ys_free(col);
	if (summary)
		*summary = sum;
	return a;
fail:
	ys_free(col);
	ys_answers_free(a);
	return NULL;
}
