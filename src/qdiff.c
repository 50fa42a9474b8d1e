/* What changed between two versions of a questionnaire; see qdiff.h. */
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/qdiff.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"

/* Appends x to the array v of *n elements and capacity *cap. */
#define PUSH(v, n, cap, x)                                              \
	(YS_GROW(v, cap, (n) + 1) ? ((v)[(n)++] = (x), true) : false)

unsigned ys_qdiff_target_level(const ys_questionnaire *q, const ys_target *t,
			       const char *area_id)
{
	long i = ys_questionnaire_area_index(q, area_id);

	return i < 0 ? 0 : t->levels[i];
}

/* True when a and b set the same level for every area both versions
 * have, and there is at least one such area. */
static bool same_levels(const ys_questionnaire *oq, const ys_target *a,
			const ys_questionnaire *nq, const ys_target *b)
{
	size_t i, shared = 0;

	for (i = 0; i < nq->n_areas; i++) {
		const char *id = nq->areas[i].id;

		if (ys_questionnaire_area_index(oq, id) < 0)
			continue;
		shared++;
		if (ys_qdiff_target_level(oq, a, id) != b->levels[i])
			return false;
	}
	return shared > 0;
}

int ys_qdiff_meets(const ys_questionnaire *q, const ys_question *qn,
		   const char *key)
{
	long o = ys_question_option_index(qn, key);

	return o < 0 ? -1 : qn->options[o].value >= q->threshold;
}

/* True when some answer key meets the practice in one version and not in
 * the other, or is in one version only. */
static bool rescaled(const ys_questionnaire *oq, const ys_question *o,
		     const ys_questionnaire *nq, const ys_question *n)
{
	size_t i;

	for (i = 0; i < o->n_options; i++)
		if (ys_qdiff_meets(oq, o, o->options[i].key) !=
		    ys_qdiff_meets(nq, n, o->options[i].key))
			return true;
	for (i = 0; i < n->n_options; i++)
		if (ys_question_option_index(o, n->options[i].key) < 0)
			return true;
	return false;
}

static bool diff_areas(const ys_questionnaire *oq,
		       const ys_questionnaire *nq, ys_qdiff *d)
{
	size_t i;

	for (i = 0; i < nq->n_areas; i++)
		if (ys_questionnaire_area_index(oq, nq->areas[i].id) < 0 &&
		    !PUSH(d->areas_added, d->n_areas_added, d->cap_areas_added,
			  &nq->areas[i]))
			return false;
	for (i = 0; i < oq->n_areas; i++)
		if (ys_questionnaire_area_index(nq, oq->areas[i].id) < 0 &&
		    !PUSH(d->areas_removed, d->n_areas_removed,
			  d->cap_areas_removed, &oq->areas[i]))
			return false;
	return true;
}

static bool diff_questions(const ys_questionnaire *oq,
			   const ys_questionnaire *nq, ys_qdiff *d)
{
	size_t i;

	for (i = 0; i < nq->n_questions; i++) {
		const ys_question *n = &nq->questions[i];
		const ys_question *o = ys_questionnaire_find_question(oq, n->id);

		if (!o) {
			if (!PUSH(d->added, d->n_added, d->cap_added, n))
				return false;
			continue;
		}
		d->n_shared++;
		if (o->level != n->level ||
		    strcmp(oq->areas[o->area].id, nq->areas[n->area].id) != 0) {
			ys_qdiff_move m = {o, n};

			if (!PUSH(d->moved, d->n_moved, d->cap_moved, m))
				return false;
		}
		if (rescaled(oq, o, nq, n)) {
			ys_qdiff_move m = {o, n};

			if (!PUSH(d->rescaled, d->n_rescaled, d->cap_rescaled, m))
				return false;
		}
	}
	for (i = 0; i < oq->n_questions; i++)
		if (!ys_questionnaire_find_question(nq, oq->questions[i].id) &&
		    !PUSH(d->removed, d->n_removed, d->cap_removed,
			  &oq->questions[i]))
			return false;
	return true;
}

static bool diff_levels(const ys_questionnaire *oq,
			const ys_questionnaire *nq, ys_qdiff *d)
{
	size_t n = oq->n_levels > nq->n_levels ? oq->n_levels : nq->n_levels;
	size_t i;

	for (i = 0; i < n; i++) {
		ys_qdiff_level l = {(unsigned)i,
				    i < oq->n_levels ? oq->levels[i].name : NULL,
				    i < nq->n_levels ? nq->levels[i].name : NULL};

		if (ys_str_eq(l.old_name, l.new_name))
			continue;
		if (!PUSH(d->levels, d->n_levels, d->cap_levels, l))
			return false;
	}
	return true;
}

/* Targets by name first; then each old target gone is paired with the
 * first new one (in the new version's order) that is not a rename yet
 * and sets the same levels: a rename. */
static bool diff_targets(const ys_questionnaire *oq,
			 const ys_questionnaire *nq, ys_qdiff *d)
{
	bool *paired = ys_calloc(nq->n_targets ? nq->n_targets : 1, sizeof(*paired));
	size_t i, k;

	if (!paired)
		return false;
	for (i = 0; i < nq->n_targets; i++) {
		const ys_target *o = ys_questionnaire_find_target(oq,
								  nq->targets[i].name);
		ys_qdiff_target t = {o, &nq->targets[i]};

		if (!o)
			continue;
		paired[i] = true;
		if (!same_levels(oq, o, nq, &nq->targets[i]) &&
		    !PUSH(d->targets_changed, d->n_targets_changed,
			  d->cap_targets_changed, t))
			goto oom;
	}
	for (k = 0; k < oq->n_targets; k++) {
		const ys_target *o = &oq->targets[k];
		bool renamed = false;

		if (ys_questionnaire_find_target(nq, o->name))
			continue;
		for (i = 0; i < nq->n_targets && !renamed; i++) {
			ys_qdiff_target t = {o, &nq->targets[i]};

			if (paired[i] || !same_levels(oq, o, nq, &nq->targets[i]))
				continue;
			paired[i] = renamed = true;
			if (!PUSH(d->targets_renamed, d->n_targets_renamed,
				  d->cap_targets_renamed, t))
				goto oom;
		}
		if (!renamed && !PUSH(d->targets_removed, d->n_targets_removed,
				      d->cap_targets_removed, o))
			goto oom;
	}
	for (i = 0; i < nq->n_targets; i++)
		if (!paired[i] && !PUSH(d->targets_added, d->n_targets_added,
					d->cap_targets_added, &nq->targets[i]))
			goto oom;
	ys_free(paired);
	return true;
oom:
	ys_free(paired);
	return false;
}

bool ys_qdiff_build(const ys_questionnaire *old_q,
		    const ys_questionnaire *new_q, ys_qdiff *d)
{
	memset(d, 0, sizeof(*d));
	d->old_threshold = old_q->threshold;
	d->new_threshold = new_q->threshold;
	if (old_q == new_q || (old_q->sha256[0] &&
			       !strcmp(old_q->sha256, new_q->sha256))) {
		d->same = true;
		return true;
	}
	d->threshold_changed = old_q->threshold != new_q->threshold;
	if (diff_areas(old_q, new_q, d) && diff_questions(old_q, new_q, d) &&
	    diff_levels(old_q, new_q, d) && diff_targets(old_q, new_q, d))
		return true;
	ys_qdiff_free(d);
	return false;
}

void ys_qdiff_free(ys_qdiff *d)
{
	ys_free(d->areas_added);
	ys_free(d->areas_removed);
	ys_free(d->added);
	ys_free(d->removed);
	ys_free(d->moved);
	ys_free(d->rescaled);
	ys_free(d->levels);
	ys_free(d->targets_renamed);
	ys_free(d->targets_removed);
	ys_free(d->targets_added);
	ys_free(d->targets_changed);
	memset(d, 0, sizeof(*d));
}

bool ys_qdiff_empty(const ys_qdiff *d)
{
	return d->same ||
	       (!d->threshold_changed && !d->n_areas_added &&
		!d->n_areas_removed && !d->n_added && !d->n_removed &&
		!d->n_moved && !d->n_rescaled && !d->n_levels && !d->n_targets_renamed &&
		!d->n_targets_removed && !d->n_targets_added &&
		!d->n_targets_changed);
}
