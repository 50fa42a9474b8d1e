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
	bool dont_know;         /* answered "don't know": a knowledge gap */
	const char *answer;     /* ys_answer_text() of its response; static or q's */
	const char *advice;     /* the question's advice, NULL when it has none */
	const char *known_by;   /* who usually knows; only for a don't know, else NULL */
} ys_blocker;

/* Why an area is at its level and what blocks the next. The strings are
 * plain sentences (UTF-8 from the questionnaire, not yet sanitised for
 * any format); the caller frees everything with ys_explanation_free(). */
typedef struct ys_explanation {
	char *status;           /* short: "Maturity 1.5, level 1 Initial",
				 * "Not assessed", "Not applicable" */
	char *why;              /* why the area is at its level */
	char *next;             /* what the next level needs; NULL at the top
				 * level and when the area is not assessed */
	ys_blocker *blockers;   /* the score's blockers: red flags that hold the
				 * area down first, then the practices at the
				 * next level that are not met */
	size_t n_blockers;
	size_t n_cap_blockers;  /* how many of blockers are red flags */
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
#define YS_METHOD_PARAS 7
bool ys_explain_method(const ys_questionnaire *q,
		       char *paras[YS_METHOD_PARAS]);

#endif
