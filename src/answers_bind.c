/* Binding answers to a questionnaire (resolving keys, canonical order) and
 * what changed between the questionnaire the answers were started with
 * and another; see answers.h. */
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"
#include "yardstick/yread.h"

#include "answers_priv.h"

/* ------------------------------------------------------------------ */
/* Binding */


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

/* The index of participant name in a's participants; n_participants
 * when not listed. */
static size_t participant_rank(const ys_answers *a, const char *name)
{
	size_t k;

	for (k = 0; k < a->n_participants; k++)
		if (!strcmp(a->participants[k], name))
			break;
	return k;
}

/* Resolves the n votes at v for question qn, reporting keys that are not
 * its answers, and puts them in participants order (stable), so the file
 * is canonical. */
static void bind_votes(ys_vote *v, size_t n, const ys_question *qn,
		       const ys_answers *a, const char *name, ys_diags *d)
{
	char msg[512];
	size_t i;

	for (i = 0; i < n; i++)
		if (!resolve(qn, v[i].answer, &v[i].choice, msg, sizeof(msg)))
			ys_diag_add(d, YS_EX_DATAERR, name, v[i].answer_pos, "%s", msg);
	for (i = 1; i < n; i++) {
		ys_vote x = v[i];
		size_t j = i, rank = participant_rank(a, x.participant);

		while (j > 0 && participant_rank(a, v[j - 1].participant) > rank) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
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
	bind_votes(rs->votes, rs->n_votes, qn, a, name, d);
	for (i = 0; i < rs->n_rounds; i++)
		bind_votes(rs->rounds[i].votes, rs->rounds[i].n_votes, qn, a, name, d);
}

/* Orders area records by questionnaire area order (unknown ids last, in
 * file order) and reports unknown ids. */
static bool bind_areas(ys_answers *a, const ys_questionnaire *q,
		       const char *name, ys_diags *d)
{
	ys_area_record *sorted;
	const char **ids;
	size_t i;

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
	for (i = 0; i < a->n_areas; i++) {
		const char *hint;

		ys_answers_insert_area(sorted, i, q, &a->areas[i]);
		if (!a->areas[i].area_id ||
		    ys_questionnaire_area_index(q, a->areas[i].area_id) >= 0)
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
	char *s = ys_strdup(id);

	if (!s || !YS_GROW(*list, *cap, *n + 1)) {
		ys_free(s);
		return false;
	}
	(*list)[(*n)++] = s;
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

