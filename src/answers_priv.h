/* What the parts of the answers module (answers.c, answers_read.c,
 * answers_bind.c, answers_write.c) share. Not part of the public API. */
#ifndef YARDSTICK_ANSWERS_PRIV_H
#define YARDSTICK_ANSWERS_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "yardstick/answers.h"

/* True when the n bytes at s are all ASCII digits (stops at a NUL). */
bool ys_answers_all_digits(const char *s, size_t n);

/* Puts a copy of rec (taking its strings) into the n records of v, which
 * has room for one more and is in questionnaire order (areas q does not
 * have last, in the order they came): after every record that ranks with
 * it or before it. Returns the index it went to. The one place that keeps
 * area records in order: bind and ys_answers_area_record use it. */
size_t ys_answers_insert_area(ys_area_record *v, size_t n,
			      const ys_questionnaire *q, const ys_area_record *rec);

/* 0: not YYYY-MM-DD, 1: a real date, -1: the shape but not a real date. */
int ys_answers_check_date(const char *s, size_t n);
/* Same codes for YYYY-MM-DDTHH:MM:SSZ. */
int ys_answers_check_time(const char *s, size_t n);

#endif
