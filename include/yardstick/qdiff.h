/* What changed between two versions of a questionnaire: the areas and
 * questions added and removed, the questions moved to another level or
 * area, level names, the threshold, and the target profiles renamed,
 * removed, added or changed. Areas and questions are matched by id.
 *
 * Used by compare when two answers files were made with different
 * versions, so that a change in a level can be read against the change in
 * what the level asks. Pure computation: no output, no curses. Every
 * pointer in a ys_qdiff points into the two questionnaires, which must
 * outlive it. */
#ifndef YARDSTICK_QDIFF_H
#define YARDSTICK_QDIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "yardstick/questionnaire.h"

/* A question in both versions, at another level or in another area. */
typedef struct ys_qdiff_move {
	const ys_question *old_qn, *new_qn;
} ys_qdiff_move;

/* A level whose name differs; a level only one version has (when the
 * number of levels changed) has NULL for the other name. */
typedef struct ys_qdiff_level {
	unsigned index;
	const char *old_name, *new_name;
} ys_qdiff_level;

/* Two target profiles paired: renamed (different names, the same level
 * for every area both versions have) or changed (the same name, some
 * level different). */
typedef struct ys_qdiff_target {
	const ys_target *old_t, *new_t;
} ys_qdiff_target;

typedef struct ys_qdiff {
	bool same;                      /* the same bytes (sha256): nothing else is set */
	bool threshold_changed;
	double old_threshold, new_threshold;

	const ys_area **areas_added;    /* in the new version only, its order */
	size_t n_areas_added, cap_areas_added;
	const ys_area **areas_removed;  /* in the old version only, its order */
	size_t n_areas_removed, cap_areas_removed;

	const ys_question **added;      /* in the new version only, its order */
	size_t n_added, cap_added;
	const ys_question **removed;    /* in the old version only, its order */
	size_t n_removed, cap_removed;
	ys_qdiff_move *moved;           /* in both, new version's order */
	size_t n_moved, cap_moved;
	ys_qdiff_move *rescaled;        /* in both, with answers that meet the
					 * practice in one version and not the
					 * other, or that one version lacks */
	size_t n_rescaled, cap_rescaled;
	size_t n_shared;                /* questions in both */

	ys_qdiff_level *levels;         /* renamed, added or removed levels */
	size_t n_levels, cap_levels;

	ys_qdiff_target *targets_renamed;
	size_t n_targets_renamed, cap_targets_renamed;
	const ys_target **targets_removed;      /* gone, not renamed */
	size_t n_targets_removed, cap_targets_removed;
	const ys_target **targets_added;        /* new, not a rename */
	size_t n_targets_added, cap_targets_added;
	ys_qdiff_target *targets_changed;
	size_t n_targets_changed, cap_targets_changed;
} ys_qdiff;

/* Works out what changed from old_q to new_q into *d (any previous
 * content is not freed). Returns false when memory runs out (*d is then
 * freed and empty). Free with ys_qdiff_free. */
bool ys_qdiff_build(const ys_questionnaire *old_q,
		    const ys_questionnaire *new_q, ys_qdiff *d);
void ys_qdiff_free(ys_qdiff *d);

/* True when the versions differ in nothing ys_qdiff records (wording,
 * help or answer options may still differ when same is false). */
bool ys_qdiff_empty(const ys_qdiff *d);

/* Whether the answer key of question qn of q counts as meeting the
 * practice: 1 met, 0 not met, -1 qn has no such answer. */
int ys_qdiff_meets(const ys_questionnaire *q, const ys_question *qn,
		   const char *key);

/* The level target t of questionnaire q sets for area id; 0 (no target)
 * when q has no such area. */
unsigned ys_qdiff_target_level(const ys_questionnaire *q, const ys_target *t,
			       const char *area_id);

#endif
