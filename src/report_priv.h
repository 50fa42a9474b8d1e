/* Helpers shared by the report writers (src/report_*.c), most of them in
 * report_util.c. Not part of the public API. */
#ifndef YARDSTICK_REPORT_PRIV_H
#define YARDSTICK_REPORT_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "yardstick/common.h"
#include "yardstick/report.h"
#include "yardstick/strbuf.h"

/* The result of a report: flushes out and returns 0, or an errno (EIO
 * when the stream failed without one). */
int ys_report_status(FILE *out);

/* The text width to use for a requested width (0: default). */
size_t ys_report_width(size_t width);

/* JSON: writes s as a JSON string (with quotes), or null when s is NULL.
 * Every control character, DEL and unsafe code point (ys_cp_unsafe) is
 * written as a \uXXXX escape; invalid UTF-8 becomes \ufffd. */
void ys_json_str(FILE *out, const char *s);
/* Writes an exact value with ys_format_exact. */
void ys_json_exact(FILE *out, double x);

/* Markdown (report_markdown.c): writes s so that it shows literally in
 * CommonMark and GitHub Flavored Markdown: \ ` * _ [ ] < > # | ~ & are
 * backslash-escaped, leading blanks are dropped, and with line_start (s
 * begins a paragraph) a leading - + = or "1." / "1)" is escaped too.
 * Text a renderer would turn into a link is escaped as well: the '@' of
 * an email address (with a word joiner, U+2060, before it), the ':' of
 * "http://" (any "scheme://") and the '.' of "www.".
 * Newlines and tabs become spaces, so a value can never end a table row;
 * other control characters, unsafe code points and invalid UTF-8 become
 * U+FFFD. NULL writes nothing. */
void ys_md_str(FILE *out, const char *s, bool line_start);

/* CSV (report_csv.c): writes s (NULL: empty) as one RFC 4180 field and
 * then ',' or, when last, CRLF. Unsafe code points and invalid UTF-8
 * become U+FFFD; a field that begins with = + - @, tab or CR gets a
 * leading apostrophe (and quotes) so that no spreadsheet runs it as a
 * formula. False when out of memory. */
bool ys_csv_cell(FILE *out, const char *s, bool last);

/* Writes s with '&', '<', '>', '"' and '\'' escaped for XML, unsafe code
 * points and invalid UTF-8 replaced by U+FFFD. */
void ys_xml_str(FILE *out, const char *s);

/* one when n is 1, else many ("1 question", "2 questions"). */
static inline const char *ys_plural(size_t n, const char *one, const char *many)
{
	return n == 1 ? one : many;
}

/* The number of questions marked contested, and whether the answers come
 * from a workshop (a workshop always shows the contested section). */
size_t ys_report_n_contested(const ys_report *r);
bool ys_report_is_workshop(const ys_report *r);

/* True when the response has a note or is answered N/A: the questions
 * the notes section of text, Markdown and HTML lists. */
bool ys_report_has_note(const ys_response *resp);

/* The maturity bar of text and Markdown: per characters a level (at most
 * ys_bar_per_level(q, YS_REPORT_BAR_MAX); narrow text reports use fewer), '#' up to the maturity, '.'
 * after it, and with a target '|' after the target level's cells, so the
 * bar reaches the mark exactly when the target is met; blank when the
 * area is not assessed. All bars of a report have the same width,
 * ys_report_bar_width(). */
#define YS_REPORT_BAR_MAX 12
#define YS_REPORT_BAR_BUF (YS_REPORT_BAR_MAX * 2 + 4)
void ys_report_bar(char buf[YS_REPORT_BAR_BUF], const ys_report *r,
		   const ys_area_score *as, size_t per);
size_t ys_report_bar_width(const ys_report *r, size_t per);

/* The level name, or "?" when out of range. */
const char *ys_level_name(const ys_questionnaire *q, long level);

/* The sentence under the profile table that says what the bars and
 * figures mean, with mark the target mark as the format writes it; a new
 * string (ys_free), NULL when out of memory. */
char *ys_report_legend(const ys_questionnaire *q, size_t per,
		       const char *mark);

/* The status sentence of a scorecard's header: "PROVISIONAL: 4
 * questions are unanswered, so ..." or "FINAL: every question is
 * answered.", naming unsettled workshop questions too. */
void ys_report_status_line(ys_sb *b, const ys_score *s);

/* Appends a contested question's votes, per option in option order and
 * then don't know and N/A, as "Label n; Label n" (plain, unescaped: the
 * writer escapes it for its format), and sets *spread to their range in
 * steps (ys_vote_spread). Returns false when out of memory. */
bool ys_report_vote_summary(ys_sb *b, const ys_question *qn,
			    const ys_response *resp, unsigned *spread);

/* The question lists of an area's score, for writers that walk one of
 * them over every area; ys_report_count_of: their total over the areas. */
typedef const ys_qlist *(*ys_list_of)(const ys_area_score *as);
const ys_qlist *ys_list_red(const ys_area_score *as);
const ys_qlist *ys_list_dk(const ys_area_score *as);
const ys_qlist *ys_list_un(const ys_area_score *as);
size_t ys_report_count_of(const ys_score *s, ys_list_of f);

/* The counts the summary states: areas with a named owner, assessed
 * areas, and assessed areas that meet their target. */
void ys_report_counts(const ys_score *s, size_t *owned, size_t *met,
		      size_t *assessed);

/* Plain-text output (report_text.c), shared by the text scorecard,
 * compare and benchmark. Text is made plain (ys_sb_plain: UTF-8, or ASCII
 * with ascii) and wrapped to width display columns. oom is set when an
 * allocation failed. */
typedef struct ys_tw {
	FILE *out;
	size_t width;
	bool ascii;
	bool oom;
	const char *first, *rest;       /* wrapping state */
	size_t lines;
} ys_tw;

/* Appends s as plain text: tabs as spaces, newlines kept only with
 * keep_nl (else spaces). Without ascii, UTF-8 as written, with control
 * characters, unsafe code points (ys_cp_unsafe) and invalid UTF-8 as
 * U+FFFD. With ascii, strict ASCII: accented Latin letters as their base
 * letter, typographic quotes, dashes and spaces as ASCII ones, combining
 * marks dropped, anything else (other scripts, emoji, unsafe code points,
 * invalid UTF-8) '?'. */
void ys_sb_plain(ys_sb *b, const char *s, bool keep_nl, bool ascii);
/* ys_sb_plain with ascii. */
void ys_sb_ascii(ys_sb *b, const char *s, bool keep_nl);
/* A new plain copy of s for a table cell (ys_free), NULL after setting
 * t->oom. */
char *ys_tw_plain(ys_tw *t, const char *s);
/* The display width of s (ys_text_width). */
size_t ys_tw_width(const char *s);
/* Writes s cut to at most w display columns, then spaces up to w. */
void ys_tw_cell(ys_tw *t, const char *s, size_t w);
/* A line of n characters c (at most the width). */
void ys_tw_rule(ys_tw *t, char c, size_t n);
/* Writes text wrapped to the width: the first line after first, the
 * others after rest (both ASCII, normally the same length). */
void ys_tw_para(ys_tw *t, const char *first, const char *rest,
		const char *text);
void ys_tw_paraf(ys_tw *t, const char *first, const char *rest,
		 const char *fmt, ...) YS_PRINTF(4, 5);
/* A blank line, the title, and a line of '-' under it. */
void ys_tw_heading(ys_tw *t, const char *title);

#endif
