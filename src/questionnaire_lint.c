/* Warnings about a valid questionnaire: what the format allows but a
 * useful questionnaire should not leave out. See ys_questionnaire_lint()
 * in questionnaire.h. */
#include <stdlib.h>

#include "yardstick/alloc.h"
#include "yardstick/questionnaire.h"
#include "yardstick/strbuf.h"

/* Warns when area a lacks a recommendation for any level 0..N-2 (an area
 * at the top level has no next step), naming every missing level in one
 * warning. Returns 1 when it warned, else 0. */
static size_t lint_recommendations(const ys_questionnaire *q, const ys_area *a,
				   ys_diags *d)
{
	unsigned missing[YS_MAX_LEVELS];
	size_t n = 0, i;
	ys_sb sb = {0};
	char *list;

	for (i = 0; i + 1 < q->n_levels; i++)
		if (!ys_area_recommendation(a, (unsigned)i))
			missing[n++] = (unsigned)i;
	if (!n)
		return 0;
	for (i = 0; i < n; i++) {
		if (i)
			ys_sb_puts(&sb, i + 1 == n ? " and " : ", ");
		ys_sb_printf(&sb, "%u (%s)", missing[i], q->levels[missing[i]].name);
	}
	list = ys_sb_take(&sb);
	ys_diag_warn(d, q->source, a->pos,
		     "area '%s' has no recommendation for level%s %s; an area's "
		     "recommendation is its next step, so each level 0 to %zu needs one",
		     a->id, n == 1 ? "" : "s", list ? list : "?", q->n_levels - 2);
	ys_free(list);
	return 1;
}

size_t ys_questionnaire_lint(const ys_questionnaire *q, ys_diags *d)
{
	size_t found = 0, i, j;

	for (i = 0; i < q->n_areas; i++) {
		const ys_area *a = &q->areas[i];

		found += lint_recommendations(q, a, d);
		for (j = 0; j < a->n_questions; j++) {
			const ys_question *qn = &a->questions[j];

			if (qn->advice)
				continue;
			ys_diag_warn(d, q->source, qn->pos,
				     "question '%s' has no advice; advice says what to do "
				     "to meet this practice and is shown when it blocks a level",
				     qn->id);
			found++;
		}
	}
	return found;
}
