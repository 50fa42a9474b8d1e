/* Reports: the scorecard in every format (DESIGN section 8), the wording
 * that explains an area's level, the comparison of two assessments and the
 * benchmark of many.
 *
 * Every report writes to a FILE * given by the caller (a file, a pipe or an
 * open_memstream buffer) and never to a terminal directly. Text that comes
 * from a questionnaire or an answers file is sanitised for the format it
 * goes into: plain ASCII for text, escaped for Markdown, JSON, XML and CSV.
 * The output for the same inputs is byte-identical: no clock is read, so
 * the date shown is the assessment's own (the answers file's "updated").
 *
 * The write functions return 0, or the errno of the first failed write
 * (EIO when the stream reports an error without one), or ENOMEM. */
#ifndef YARDSTICK_REPORT_H
#define YARDSTICK_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "yardstick/answers.h"
#include "yardstick/questionnaire.h"
#include "yardstick/score.h"

#define YS_REPORT_DEFAULT_WIDTH 80
#define YS_REPORT_MIN_WIDTH 60
#define YS_REPORT_MAX_WIDTH 1000

typedef enum ys_report_format {
	YS_REPORT_TEXT = 0,
	YS_REPORT_MARKDOWN,
	YS_REPORT_CSV,
	YS_REPORT_JSON,
	YS_REPORT_SVG,
} ys_report_format;

/* "text", "markdown" (or "md"), "csv", "json", "svg". Returns false for
 * any other name. */
bool ys_report_format_parse(const char *name, ys_report_format *out);
const char *ys_report_format_name(ys_report_format f);

/* What a scorecard is made from. q, a and s are borrowed: a is bound to q
 * (ys_answers_bind) and s is ys_score_compute(q, a, ...). */
typedef struct ys_report {
	const ys_questionnaire *q;
	const ys_answers *a;
	const ys_score *s;
	/* Text: columns, YS_REPORT_MIN_WIDTH..YS_REPORT_MAX_WIDTH; 0 means
	 * YS_REPORT_DEFAULT_WIDTH. Smaller values are raised to the minimum. */
	size_t width;
} ys_report;

/* True when the answers were started with a different questionnaire file
 * than q (id, version or sha256 differ): the report then says so and
 * scores on the questions they share. */
bool ys_report_mismatch(const ys_report *r);

/* Writes the scorecard of r in format f to out. */
int ys_report_write(const ys_report *r, ys_report_format f, FILE *out);

/* The formats one by one. */
int ys_report_text(const ys_report *r, FILE *out);
int ys_report_markdown(const ys_report *r, FILE *out);
int ys_report_csv(const ys_report *r, FILE *out);
int ys_report_json(const ys_report *r, FILE *out);
int ys_report_svg(const ys_report *r, FILE *out);

/* ---- Explanations (shared by every format and the profile screen) ---- */

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

/* The response to question index i, or NULL when a is not bound that far. */
const ys_response *ys_report_response(const ys_answers *a, size_t i);

/* The answer of a response in words: the option's label, "Don't know",
 * "N/A", or "Not answered" (r NULL or unanswered). Never NULL; the string
 * is static or belongs to the questionnaire. */
const char *ys_answer_text(const ys_question *qn, const ys_response *r);
/* The label of a choice, as ys_answer_text. */
const char *ys_choice_text(const ys_question *qn, ys_choice c);

/* "normal", "important" or "critical" for weights 1, 2 and 3. */
const char *ys_weight_name(unsigned weight);

/* Vote counts of a workshop response. counts has n_options + 2 entries:
 * one per option, then don't know, then N/A. Returns the spread: the
 * number of option steps between the lowest and highest option voted
 * (0 when fewer than two option votes). */
unsigned ys_vote_spread(const ys_question *qn, const ys_response *r,
			size_t *counts);

/* Formats an exact value deterministically: printf "%.4f", then trailing
 * zeros and a trailing point removed ("70.4545", "57.9", "100", "0").
 * buf holds at least 32 bytes. Returns buf. */
char *ys_format_exact(double x, char buf[32]);

/* The date part (YYYY-MM-DD) of an RFC 3339 time into buf, or "" when the
 * time is NULL or malformed. Returns buf. */
char *ys_report_date(const char *rfc3339, char buf[11]);

/* ---- Comparison of two assessments (yardstick compare) ---- */

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
} ys_compare;

int ys_compare_write(const ys_compare *c, ys_compare_format f, FILE *out);

/* ---- Benchmark of many assessments (yardstick benchmark) ---- */

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
