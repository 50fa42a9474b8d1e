/* Reports: the scorecard in every format (DESIGN section 8) and the table
 * of those formats. The wording that explains an area's level is in
 * explain.h, the comparison of two assessments in compare.h and the
 * benchmark of many in bench.h; all of them follow the rules below.
 *
 * Every report writes to a FILE * given by the caller (a file, a pipe or an
 * open_memstream buffer) and never to a terminal directly. Text that comes
 * from a questionnaire or an answers file is sanitised for the format it
 * goes into: plain UTF-8 (or ASCII) for text, escaped for Markdown, JSON,
 * XML, HTML and CSV.
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
#include "yardstick/wording.h"

#define YS_REPORT_DEFAULT_WIDTH 80
#define YS_REPORT_MIN_WIDTH 60
#define YS_REPORT_MAX_WIDTH 1000

typedef enum ys_report_format {
	YS_REPORT_TEXT = 0,
	YS_REPORT_MARKDOWN,
	YS_REPORT_CSV,
	YS_REPORT_JSON,
	YS_REPORT_SVG,
	YS_REPORT_HTML,
} ys_report_format;

/* What a scorecard is made from. q, a and s are borrowed: a is bound to q
 * (ys_answers_bind) and s is ys_score_compute(q, a, ...). */
typedef struct ys_report {
	const ys_questionnaire *q;
	const ys_answers *a;
	const ys_score *s;
	/* Text: columns, YS_REPORT_MIN_WIDTH..YS_REPORT_MAX_WIDTH; 0 means
	 * YS_REPORT_DEFAULT_WIDTH. Smaller values are raised to the minimum. */
	size_t width;
	/* Text: strict ASCII (transliterated) instead of UTF-8. */
	bool ascii;
} ys_report;

/* True when the answers were started with a different questionnaire file
 * than q (id, version or sha256 differ): the report then says so and
 * scores on the questions they share. */
bool ys_report_mismatch(const ys_report *r);

/* One scorecard format: the one table that the scorecard command, the
 * export of the interview and the help texts all read. */
typedef struct ys_report_format_info {
	ys_report_format format;
	const char *name;               /* canonical: "text", "markdown"... */
	const char *alias;              /* another accepted name, or NULL */
	const char *ext;                /* file extension, without the dot */
	int (*write)(const ys_report *r, FILE *out);
	const char *description;
} ys_report_format_info;

/* The formats in the order the help lists them (text first: the
 * default); *n gets their number. */
const ys_report_format_info *ys_report_formats(size_t *n);

/* The format called name (its name or alias, exactly), or NULL. */
const ys_report_format_info *ys_report_format_find(const char *name);

/* "text" (or "txt"), "markdown" (or "md"), "html" (or "htm"), "csv",
 * "json", "svg". Returns
 * false for any other name. */
bool ys_report_format_parse(const char *name, ys_report_format *out);
/* The canonical name; "text" for a value out of range. */
const char *ys_report_format_name(ys_report_format f);

/* The canonical names as a sentence, "text, markdown, html, csv, json or
 * svg",
 * with " (default)" after the first when mark_default; truncated to fit
 * size bytes. Returns buf. */
char *ys_report_format_list(char *buf, size_t size, bool mark_default);

/* Writes the scorecard of r in format f to out; EINVAL for a format out
 * of range. */
int ys_report_write(const ys_report *r, ys_report_format f, FILE *out);

/* The formats one by one. */
int ys_report_text(const ys_report *r, FILE *out);
int ys_report_markdown(const ys_report *r, FILE *out);
int ys_report_csv(const ys_report *r, FILE *out);
int ys_report_json(const ys_report *r, FILE *out);
int ys_report_svg(const ys_report *r, FILE *out);
/* One self-contained HTML5 page: no script, nothing fetched, the chart
 * inline as SVG, print styles for A4 (report_html.c). */
int ys_report_html(const ys_report *r, FILE *out);

/* ---- Shared by the scorecard, explanations and comparison ---- */

/* The response to question index i, or NULL when a is not bound that far. */
const ys_response *ys_report_response(const ys_answers *a, size_t i);

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

#endif
