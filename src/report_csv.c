/* The scorecard as CSV: one row per question, in questionnaire order,
 * after a header row.
 *
 * Columns: area, question, level, weight, answer, value, note (the ones
 * DESIGN section 8 names, in that order), then answer_label, na_reason,
 * contested. answer is the key as stored (an option key, dont-know or
 * n/a; empty when unanswered); value is the answer's value 0..1 (0 for
 * dont-know, empty for n/a and unanswered).
 *
 * RFC 4180: fields separated by commas, records ended by CRLF, a field
 * quoted when it holds a comma, quote, CR or LF, quotes doubled. A field
 * that begins with = + - @, tab or CR gets a leading apostrophe so that
 * spreadsheets do not run it as a formula. Unsafe code points
 * (ys_cp_unsafe) and invalid UTF-8 become U+FFFD. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "report_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/text.h"

/* Writes one field; false when out of memory. */
static bool cell(FILE *out, const char *s, bool last)
{
	char *clean = NULL;
	const char *p;
	bool quote;

	if (s) {
		clean = ys_sanitize(s, strlen(s),
				    YS_SAN_KEEP_NEWLINE | YS_SAN_KEEP_TAB);
		if (!clean)
			return false;
		s = clean;
	} else {
		s = "";
	}
	quote = strpbrk(s, ",\"\r\n") != NULL ||
		(s[0] && strchr("=+-@\t\r", s[0]));
	if (quote)
		fputc('"', out);
	if (s[0] && strchr("=+-@\t\r", s[0]))
		fputc('\'', out);
	for (p = s; *p; p++) {
		if (*p == '"')
			fputc('"', out);
		fputc(*p, out);
	}
	if (quote)
		fputc('"', out);
	fputs(last ? "\r\n" : ",", out);
	ys_free(clean);
	return true;
}

static void num(FILE *out, long v)
{
	fprintf(out, "%ld,", v);
}

int ys_report_csv(const ys_report *r, FILE *out)
{
	const ys_questionnaire *q = r->q;
	char buf[32];
	bool ok = true;
	size_t i;

	fputs("area,question,level,weight,answer,value,note,answer_label,"
	      "na_reason,contested\r\n", out);
	for (i = 0; i < q->n_questions; i++) {
		const ys_question *qn = &q->questions[i];
		const ys_response *resp = ys_report_response(r->a, i);
		bool answered = resp && resp->answer;

		ok &= cell(out, q->areas[qn->area].id, false);
		ok &= cell(out, qn->id, false);
		num(out, (long)qn->level);
		num(out, (long)qn->weight);
		ok &= cell(out, answered ? resp->answer : NULL, false);
		if (answered && (resp->choice.kind == YS_ANS_OPTION ||
				 resp->choice.kind == YS_ANS_DONT_KNOW))
			ok &= cell(out, ys_format_exact(ys_choice_value(qn, resp->choice),
						  buf), false);
		else
			ok &= cell(out, NULL, false);
		ok &= cell(out, resp ? resp->note : NULL, false);
		ok &= cell(out, answered ? ys_answer_text(qn, resp) : NULL, false);
		ok &= cell(out, resp ? resp->na_reason : NULL, false);
		ok &= cell(out, resp && resp->contested ? "yes" : "", true);
	}
	if (!ok)
		return ENOMEM;
	return ys_report_status(out);
}
