/* The comparison of two assessments (yardstick compare). Written with the
 * rules of report.h: to a caller's FILE *, sanitised, byte-identical for
 * the same inputs; 0 or an errno. */
#ifndef YARDSTICK_COMPARE_H
#define YARDSTICK_COMPARE_H

#include <stddef.h>
#include <stdio.h>

#include "yardstick/answers.h"
#include "yardstick/questionnaire.h"
#include "yardstick/score.h"

typedef enum ys_compare_format {
	YS_COMPARE_TEXT = 0,
	YS_COMPARE_MARKDOWN,
	YS_COMPARE_JSON,
} ys_compare_format;

/* Two assessments, each with its questionnaire and score (borrowed).
 * The questionnaires may be different versions of one questionnaire (or
 * the same object): areas and questions are matched by id and the report
 * states which exist on one side only. old_name and new_name name the
 * files in the report (sanitised when written). */
typedef struct ys_compare {
	const ys_questionnaire *old_q, *new_q;
	const ys_answers *old_a, *new_a;
	const ys_score *old_s, *new_s;
	const char *old_name, *new_name;
	size_t width;           /* text: as ys_report.width */
	bool ascii;             /* text: as ys_report.ascii */
} ys_compare;

int ys_compare_write(const ys_compare *c, ys_compare_format f, FILE *out);

#endif
