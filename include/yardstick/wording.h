/* Answers in words, shared by the screens, the session and every report
 * format, so that "Don't know" and "N/A" read the same everywhere. */
#ifndef YARDSTICK_WORDING_H
#define YARDSTICK_WORDING_H

#include "yardstick/answers.h"
#include "yardstick/questionnaire.h"

/* The label of a choice: the option's label, "Don't know", "N/A", or
 * "Not answered" (YS_ANS_NONE). Never NULL; the string is static or
 * belongs to the questionnaire. */
const char *ys_choice_text(const ys_question *qn, ys_choice c);

/* The answer of a response in words, as ys_choice_text; "Not answered"
 * when r is NULL or unanswered. */
const char *ys_answer_text(const ys_question *qn, const ys_response *r);

#endif
