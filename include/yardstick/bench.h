/* The benchmark of many assessments (yardstick benchmark). Written with
 * the rules of report.h: to a caller's FILE *, byte-identical for the same
 * inputs; 0 or an errno. */
#ifndef YARDSTICK_BENCH_H
#define YARDSTICK_BENCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "yardstick/questionnaire.h"
#include "yardstick/score.h"

/* Accumulates per-area numbers of many assessments of one questionnaire,
 * one at a time, keeping no names, notes or free text: memory grows by
 * one double per assessed area per assessment. */
typedef struct ys_bench ys_bench;

/* A benchmark over q (borrowed; must outlive the bench). NULL when out
 * of memory. Free with ys_bench_free(). */
ys_bench *ys_bench_new(const ys_questionnaire *q);
/* Adds one organisation's score (computed against the same q). Returns
 * false when out of memory. */
bool ys_bench_add(ys_bench *b, const ys_score *s);
/* Sets the organisation to place in the distribution (a copy of the
 * numbers is kept; s may be freed afterwards). */
bool ys_bench_highlight(ys_bench *b, const ys_score *s);
/* Text output in strict ASCII (as ys_report.ascii) instead of UTF-8. */
void ys_bench_set_ascii(ys_bench *b, bool ascii);
/* Number of organisations added. */
size_t ys_bench_count(const ys_bench *b);
void ys_bench_free(ys_bench *b);

#define YS_BENCH_MIN_ORGS 5

typedef enum ys_bench_format {
	YS_BENCH_TEXT = 0,
	YS_BENCH_CSV,
	YS_BENCH_JSON,
} ys_bench_format;

/* Writes the benchmark. Areas assessed by fewer than YS_BENCH_MIN_ORGS
 * organisations are listed as not shown. Quartiles use linear
 * interpolation between order statistics (Hyndman and Fan type 7, as R's
 * default and numpy's "linear"). width as ys_report.width. */
int ys_bench_write(ys_bench *b, ys_bench_format f, size_t width, FILE *out);

/* Quantile p (0..1) of the sorted values x[0..n) by linear interpolation
 * (type 7). n must be > 0. */
double ys_quantile7(const double *x, size_t n, double p);

#endif
