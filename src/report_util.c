/* Helpers the report writers share: the result and
 * width of a report, escaping for JSON and XML, number and date
 * formatting, and the answers of a report in words. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/consensus.h"
#include "yardstick/text.h"

/* ---- output helpers ---- */

int ys_report_status(FILE *out)
{
	errno = 0;
	if (fflush(out) != 0 || ferror(out))
		return errno ? errno : EIO;
	return 0;
}

size_t ys_report_width(size_t width)
{
	if (width == 0)
		return YS_REPORT_DEFAULT_WIDTH;
	if (width < YS_REPORT_MIN_WIDTH)
		return YS_REPORT_MIN_WIDTH;
	if (width > YS_REPORT_MAX_WIDTH)
		return YS_REPORT_MAX_WIDTH;
	return width;
}

void ys_json_str(FILE *out, const char *s)
{
	size_t n, i = 0, k;
	uint32_t cp;

	if (!s) {
		fputs("null", out);
		return;
	}
	n = strlen(s);
	fputc('"', out);
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			fputc('\\', out);
			fputc(c, out);
			i++;
			continue;
		}
		if (c < 0x80) {
			if (c < 0x20 || c == 0x7f)
				fprintf(out, "\\u%04x", c);
			else
				fputc(c, out);
			i++;
			continue;
		}
		k = ys_utf8_decode(s + i, n - i, &cp);
		if (cp == YS_REPLACEMENT || ys_cp_unsafe(cp))
			fprintf(out, "\\u%04x", (unsigned)cp);
		else
			fwrite(s + i, 1, k, out);
		i += k;
	}
	fputc('"', out);
}

char *ys_format_exact(double x, char buf[32])
{
	int prec;

	if (!isfinite(x)) {
		strcpy(buf, "0");
		return buf;
	}
	/* The shortest form that reads back as the same double: 0.75, 75,
	 * 70.45454545454545; plain decimals in the range figures take, so
	 * 100 is "100", not "1e+02"; exponent form only far outside it. */
	if (x == 0.0) {
		strcpy(buf, "0");
		return buf;
	}
	if (fabs(x) >= 1e-4 && fabs(x) < 1e15) {
		for (prec = 0; prec <= 24; prec++) {
			snprintf(buf, 32, "%.*f", prec, x);
			if (strtod(buf, NULL) == x)
				return buf;
		}
	}
	for (prec = 1; prec <= 17; prec++) {
		snprintf(buf, 32, "%.*g", prec, x);
		if (strtod(buf, NULL) == x)
			break;
	}
	if (!strcmp(buf, "-0"))
		strcpy(buf, "0");
	return buf;
}

void ys_json_exact(FILE *out, double x)
{
	char buf[32];

	fputs(ys_format_exact(x, buf), out);
}

void ys_xml_str(FILE *out, const char *s)
{
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		switch (c) {
		case '&': fputs("&amp;", out); i++; continue;
		case '<': fputs("&lt;", out); i++; continue;
		case '>': fputs("&gt;", out); i++; continue;
		case '"': fputs("&quot;", out); i++; continue;
		case '\'': fputs("&apos;", out); i++; continue;
		default: break;
		}
		if (c < 0x80) {
			if (c == '\n' || c == '\t')
				fputc(' ', out);
			else if (c < 0x20 || c == 0x7f)
				fputs("\xEF\xBF\xBD", out);
			else
				fputc(c, out);
			i++;
			continue;
		}
		k = ys_utf8_decode(s + i, n - i, &cp);
		if (cp == YS_REPLACEMENT || ys_cp_unsafe(cp) ||
		    cp == 0xFFFE || cp == 0xFFFF)
			fputs("\xEF\xBF\xBD", out);
		else
			fwrite(s + i, 1, k, out);
		i += k;
	}
}

char *ys_report_date(const char *t, char buf[11])
{
	size_t i;

	buf[0] = '\0';
	if (!t || strlen(t) < 10)
		return buf;
	for (i = 0; i < 10; i++) {
		char c = t[i];

		if (i == 4 || i == 7) {
			if (c != '-')
				return buf;
		} else if (c < '0' || c > '9') {
			return buf;
		}
	}
	memcpy(buf, t, 10);
	buf[10] = '\0';
	return buf;
}
bool ys_report_mismatch(const ys_report *r)
{
	const ys_answers *a = r->a;
	const ys_questionnaire *q = r->q;

	return !a->q_id || strcmp(a->q_id, q->id) ||
	       !a->q_version || strcmp(a->q_version, q->version) ||
	       !a->q_sha256 || strcmp(a->q_sha256, q->sha256);
}

/* ---- the answers of a report ---- */

const ys_response *ys_report_response(const ys_answers *a, size_t i)
{
	if (!a || i >= a->n_bound || i >= a->n_responses)
		return NULL;
	return &a->responses[i];
}

size_t ys_report_n_contested(const ys_report *r)
{
	size_t i, n = 0;

	for (i = 0; i < r->q->n_questions; i++) {
		const ys_response *resp = ys_report_response(r->a, i);

		if (resp && resp->contested)
			n++;
	}
	return n;
}

bool ys_report_has_note(const ys_response *resp)
{
	return resp && (resp->choice.kind == YS_ANS_NA ||
			!ys_str_blank(resp->note));
}

bool ys_report_is_workshop(const ys_report *r)
{
	return r->a->mode == YS_MODE_WORKSHOP;
}
const char *ys_weight_name(unsigned weight)
{
	switch (weight) {
	case 1: return "normal";
	case 2: return "important";
	case 3: return "critical";
	default: return "weighted";
	}
}

unsigned ys_vote_spread(const ys_question *qn, const ys_response *r,
			size_t *counts)
{
	/* The workshop's own rules, so screen, merge and report agree. */
	ys_spread sp = ys_consensus_votes(qn, r ? r->votes : NULL,
					  r ? r->n_votes : 0, counts);

	if (counts) {
		counts[qn->n_options] = sp.n_dont_know;
		counts[qn->n_options + 1] = sp.n_na;
	}
	return sp.range;
}

bool ys_report_vote_summary(ys_sb *b, const ys_question *qn,
			    const ys_response *resp, unsigned *spread)
{
	size_t k, *counts = ys_calloc(qn->n_options + 2, sizeof(*counts));
	bool first = true;

	if (!counts)
		return false;
	*spread = ys_vote_spread(qn, resp, counts);
	for (k = 0; k < qn->n_options + 2; k++) {
		if (!counts[k])
			continue;
		ys_sb_printf(b, "%s%s %zu", first ? "" : "; ",
			     k < qn->n_options ? qn->options[k].label :
			     k == qn->n_options ? "Don't know" : "N/A", counts[k]);
		first = false;
	}
	ys_free(counts);
	return !b->oom;
}

const ys_qlist *ys_list_red(const ys_area_score *as)
{
	return &as->red_flags;
}

const ys_qlist *ys_list_dk(const ys_area_score *as)
{
	return &as->dont_know;
}

const ys_qlist *ys_list_un(const ys_area_score *as)
{
	return &as->unanswered;
}

size_t ys_report_count_of(const ys_score *s, ys_list_of f)
{
	size_t i, n = 0;

	for (i = 0; i < s->n_areas; i++)
		n += f(&s->areas[i])->count;
	return n;
}

const char *ys_level_name(const ys_questionnaire *q, long level)
{
	if (level < 0 || (size_t)level >= q->n_levels)
		return "?";
	return q->levels[level].name;
}

char *ys_report_legend(const ys_questionnaire *q, size_t per,
		       const char *mark)
{
	ys_sb b = {0};

	ys_sb_printf(&b, "Maturity is the level reached plus the share of the "
		     "next level's practices in place (0 to %zu). Bars show "
		     "it on the level scale, %zu %s a level; %s marks the "
		     "target level, which a bar reaches exactly when the area "
		     "meets its target. The practice score (0 to 100) is how "
		     "much of the area's practice is in place at every level.",
		     q->n_levels ? q->n_levels - 1 : 0, per,
		     ys_plural(per, "character", "characters"), mark);
	if (b.oom) {
		ys_sb_free(&b);
		return NULL;
	}
	return ys_sb_take(&b);
}

void ys_report_status_line(ys_sb *b, const ys_score *s)
{
	size_t un = s->total - s->answered;

	if (!s->provisional) {
		ys_sb_puts(b, "FINAL: every question is answered.");
		return;
	}
	ys_sb_puts(b, "PROVISIONAL: ");
	if (un)
		ys_sb_printf(b, "%zu %s unanswered", un,
			     ys_plural(un, "question is", "questions are"));
	if (un && s->unsettled)
		ys_sb_puts(b, " and ");
	if (s->unsettled)
		ys_sb_printf(b, "%zu answered %s not yet settled in the "
			     "workshop", s->unsettled,
			     ys_plural(s->unsettled, "question is",
				       "questions are"));
	ys_sb_puts(b, ", so scores and levels may still change.");
}

void ys_report_counts(const ys_score *s, size_t *owned, size_t *met,
		      size_t *assessed)
{
	size_t i;

	*owned = *met = *assessed = 0;
	for (i = 0; i < s->n_areas; i++) {
		if (s->areas[i].has_owner)
			(*owned)++;
		if (s->areas[i].state == YS_AREA_ASSESSED) {
			(*assessed)++;
			if (s->areas[i].target_met)
				(*met)++;
		}
	}
}

void ys_report_bar(char buf[YS_REPORT_BAR_BUF], const ys_report *r,
		   const ys_area_score *as, size_t per)
{
	size_t top = r->q->n_levels > 1 ? r->q->n_levels - 1 : 1;
	size_t cells = per * top, fill, mark = SIZE_MAX, i, o = 0;
	bool assessed = as->state == YS_AREA_ASSESSED;

	fill = assessed ? ys_maturity_cells(as->maturity, per) : 0;
	if (r->s->has_target)
		mark = as->target * per;
	buf[o++] = '[';
	for (i = 0; i < cells && o < YS_REPORT_BAR_BUF - 3; i++) {
		if (i == mark)
			buf[o++] = '|';
		buf[o++] = !assessed ? ' ' : i < fill ? '#' : '.';
	}
	if (mark == cells)
		buf[o++] = '|';
	buf[o++] = ']';
	buf[o] = '\0';
}

size_t ys_report_bar_width(const ys_report *r, size_t per)
{
	size_t top = r->q->n_levels > 1 ? r->q->n_levels - 1 : 1;

	return per * top + 2 +
	       (r->s->has_target ? 1 : 0);
}
