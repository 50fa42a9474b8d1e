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

/* Accumulates per-area numbers of many organisations' assessments of one
 * questionnaire, one at a time, keeping no notes or free text: memory
 * grows by three doubles per area per organisation. It counts
 * organisations, not files: see ys_bench_add_assessment. */
typedef struct ys_bench ys_bench;

/* A benchmark over q (borrowed; must outlive the bench). NULL when out
 * of memory. Free with ys_bench_free(). */
ys_bench *ys_bench_new(const ys_questionnaire *q);
/* Adds one organisation's score (computed against the same q), never
 * taken for another organisation's. Returns false when out of memory. */
bool ys_bench_add(ys_bench *b, const ys_score *s);

/* What ys_bench_add_assessment did with an assessment. */
typedef enum ys_bench_added {
	YS_BENCH_COUNTED,       /* a new organisation */
	YS_BENCH_REPLACED,      /* more recent than the assessment *other of
				 * the same organisation, which it replaces */
	YS_BENCH_OLDER,         /* set aside: *other, of the same
				 * organisation, is more recent */
	YS_BENCH_REPEAT,        /* set aside: *other is of the same
				 * organisation and as recent (the same file
				 * again, or a copy) */
	YS_BENCH_NOMEM,         /* out of memory; nothing changed */
} ys_bench_added;

/* Adds the score s (computed against the same q) of an assessment of
 * organisation org, created and last updated at the given RFC 3339 UTC
 * times; id is the caller's name for it (a file's position, say), given
 * back in *other (when other is not NULL) as the assessment it met. Each
 * organisation counts once, with its most recent assessment by updated
 * (the first of equally recent ones). Organisations are the same when
 * their names are equal but for ASCII case and white space
 * (ys_org_equal); assessments without a name are the same only when
 * created and updated are both equal (copies of one file). The name is
 * kept only in its compared form, for this, and never written. */
ys_bench_added ys_bench_add_assessment(ys_bench *b, const char *org,
				       const char *created, const char *updated,
				       size_t id, const ys_score *s,
				       size_t *other);
/* Sets the organisation to place in the distribution (a copy of the
 * numbers is kept; s may be freed afterwards). */
bool ys_bench_highlight(ys_bench *b, const ys_score *s);
/* Text output in strict ASCII (as ys_report.ascii) instead of UTF-8. */
void ys_bench_set_ascii(ys_bench *b, bool ascii);
/* Number of organisations added; ys_bench_files: number of assessments
 * given (the difference were set aside). */
size_t ys_bench_count(const ys_bench *b);
size_t ys_bench_files(const ys_bench *b);
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
