/* The scorecard as CSV: one row per question, in questionnaire order,
 * after a header row, for a spreadsheet.
 *
 * The file starts with a UTF-8 byte order mark, so that a spreadsheet
 * opened by double-click (LibreOffice, Excel) reads it as UTF-8 and shows
 * "Ynys Môn", not "Ynys MÃ´n".
 *
 * Columns: area, area_title, question, question_text, level, weight,
 * answer, answer_label, value, note, na_reason, votes, contested, settled.
 * answer is the key as stored (an option key, dont-know or n/a; empty
 * when unanswered) and answer_label its wording; value is the answer's
 * value 0..1 (0 for dont-know, empty for n/a and unanswered); votes are
 * a workshop's votes as "participant: answer key" joined by "; " (empty
 * in an interview); contested is "yes" for a contested question;
 * settled, in a workshop, is "yes" for an answer the room has settled
 * and "no" for one it has not yet (the scorecard stays provisional), as
 * ys_answer_is_settled() says; empty in an interview and when
 * unanswered.
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

bool ys_csv_cell(FILE *out, const char *s, bool last)
{
	char *clean = NULL;
	const char *p;
	bool quote, defuse;

	if (s) {
		clean = ys_sanitize(s, strlen(s),
				    YS_SAN_KEEP_NEWLINE | YS_SAN_KEEP_TAB);
		if (!clean)
			return false;
		s = clean;
	} else {
		s = "";
	}
	/* ys_sanitize already turns a CR (a control character) into
	 * U+FFFD, so a cell cannot start with one; the '\r' here keeps the
	 * cell safe should that ever change. */
	defuse = s[0] && strchr("=+-@\t\r", s[0]);
	quote = strpbrk(s, ",\"\r\n") != NULL || defuse;
	if (quote)
		fputc('"', out);
	if (defuse)
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

/* A workshop's votes as "AB: most; CD: few"; "" when there are none. */
static bool votes_cell(FILE *out, const ys_response *resp)
{
	ys_sb b = {0};
	size_t k;
	bool ok;

	for (k = 0; resp && k < resp->n_votes; k++) {
		const ys_vote *v = &resp->votes[k];

		ys_sb_printf(&b, "%s%s: %s", k ? "; " : "",
			     v->participant ? v->participant : "?",
			     v->answer ? v->answer : "");
	}
	if (b.oom) {
		ys_sb_free(&b);
		return false;
	}
	ok = ys_csv_cell(out, b.buf ? b.buf : "", false);
	ys_sb_free(&b);
	return ok;
}

int ys_report_csv(const ys_report *r, FILE *out)
{
	const ys_questionnaire *q = r->q;
	char buf[32];
	bool ok = true;
	size_t i;

	fputs("\xEF\xBB\xBF" "area,area_title,question,question_text,level,"
	      "weight,answer,answer_label,value,note,na_reason,votes,"
	      "contested,settled\r\n", out);
	for (i = 0; i < q->n_questions; i++) {
		const ys_question *qn = &q->questions[i];
		const ys_response *resp = ys_report_response(r->a, i);
		bool answered = resp && resp->answer;

		ok &= ys_csv_cell(out, q->areas[qn->area].id, false);
		ok &= ys_csv_cell(out, q->areas[qn->area].title, false);
		ok &= ys_csv_cell(out, qn->id, false);
		ok &= ys_csv_cell(out, qn->text, false);
		num(out, (long)qn->level);
		num(out, (long)qn->weight);
		ok &= ys_csv_cell(out, answered ? resp->answer : NULL, false);
		ok &= ys_csv_cell(out, answered ? ys_answer_text(qn, resp) : NULL,
				  false);
		if (answered && (resp->choice.kind == YS_ANS_OPTION ||
				 resp->choice.kind == YS_ANS_DONT_KNOW))
			ok &= ys_csv_cell(out, ys_format_exact(
				ys_choice_value(qn, resp->choice), buf), false);
		else
			ok &= ys_csv_cell(out, NULL, false);
		ok &= ys_csv_cell(out, resp ? resp->note : NULL, false);
		ok &= ys_csv_cell(out, resp ? resp->na_reason : NULL, false);
		ok &= votes_cell(out, resp);
		ok &= ys_csv_cell(out, resp && resp->contested ? "yes" : "", false);
		ok &= ys_csv_cell(out, r->a->mode != YS_MODE_WORKSHOP || !answered ? "" :
				  ys_answer_is_settled(r->a, i) ? "yes" : "no", true);
	}
	if (!ok)
		return ENOMEM;
	return ys_report_status(out);
}
