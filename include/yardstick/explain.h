/* Explanations: why an area is at its level, what blocks the next, and
 * the scoring method in words. Shared by every report format and the
 * profile screen. */
#ifndef YARDSTICK_EXPLAIN_H
#define YARDSTICK_EXPLAIN_H

#include <stdbool.h>
#include <stddef.h>

#include "yardstick/answers.h"
#include "yardstick/questionnaire.h"
#include "yardstick/score.h"

/* One question that stands between an area and its next level. */
typedef struct ys_blocker {
	size_t question;        /* index in q->questions */
	bool red_flag;          /* a red-flag answer to clear, not a level practice */
	const char *answer;     /* ys_answer_text() of its response; static or q's */
} ys_blocker;

/* Why an area is at its level and what blocks the next. The strings are
 * plain sentences (UTF-8 from the questionnaire, not yet sanitised for
 * any format); the caller frees everything with ys_explanation_free(). */
typedef struct ys_explanation {
	char *status;           /* short: "Level 1 Initial", "Not assessed", "Not applicable" */
	char *why;              /* why the area is at its level */
	char *next;             /* what the next level needs; NULL at the top
				 * level and when the area is not assessed */
	ys_blocker *blockers;   /* red flags to clear first, then the practices
				 * at the next level that are not met */
	size_t n_blockers;
	const char *recommendation;     /* q's text for the level reached, or NULL */
} ys_explanation;

/* Explains area number area of s. Returns false when out of memory (*out
 * is then empty and safe to free). */
bool ys_explain_area(const ys_questionnaire *q, const ys_answers *a,
		     const ys_score *s, size_t area, ys_explanation *out);
void ys_explanation_free(ys_explanation *e);

/* The scoring method of q in words, as YS_METHOD_PARAS paragraphs of
 * plain sentences (for the appendix of every format). Each paragraph is
 * a new string the caller frees with ys_free(); returns false when out of
 * memory (every entry is then NULL). */
#define YS_METHOD_PARAS 6
bool ys_explain_method(const ys_questionnaire *q,
		       char *paras[YS_METHOD_PARAS]);

#endif
