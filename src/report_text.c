/* The scorecard as plain text (the default format, DESIGN section 8).
 *
 * UTF-8 by default: names such as "Ynys Môn", "Zoë" or CJK print as
 * written, and columns are aligned by display width (CJK and emoji take
 * two columns). Unsafe code points (ys_cp_unsafe), control characters and
 * invalid UTF-8 become U+FFFD. With the ascii option the output is strict
 * ASCII for places that take nothing else: text from the questionnaire
 * and the answers file is transliterated (accented Latin letters to their
 * base letter, curly quotes and dashes to ASCII ones, ...; the table is
 * in yardstick(1)) and anything else becomes '?'. No line is wider than
 * the width asked for (default 80, at least 60). */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "report_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/explain.h"
#include "yardstick/text.h"

/* ---- ASCII transliteration ---- */

/* Base letters of U+0100..U+017F; '?' marks the ones handled apart. */
static const char latin_ext_a[129] =
	"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi??JjKkk"
	"LlLlLlLlLlNnNnNnnNnOoOoOo??RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUu"
	"WwYyYZzZzZzs";

/* Base letters of U+00C0..U+00FF ('?' for the ones handled apart). */
static const char latin1[65] =
	"AAAAAA?CEEEEIIIIDNOOOOOxOUUUUY??aaaaaa?ceeeeiiiidnooooo/ouuuuy?y";

static const char *translit(uint32_t cp, char one[2])
{
	one[1] = '\0';
	switch (cp) {
	case 0x00C6: return "AE";
	case 0x00E6: return "ae";
	case 0x00DE: return "Th";
	case 0x00FE: return "th";
	case 0x00DF: return "ss";
	case 0x0132: return "IJ";
	case 0x0133: return "ij";
	case 0x0152: return "OE";
	case 0x0153: return "oe";
	case 0x00A0: case 0x2002: case 0x2003: case 0x2007: case 0x2009:
	case 0x200A: case 0x202F: case 0x205F: case 0x3000:
		return " ";
	case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
	case 0xFEFF:
		return "";
	case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
	case 0x00B4:
		return "'";
	case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
	case 0x00AB: case 0x00BB:
		return "\"";
	case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
	case 0x2015: case 0x2212:
		return "-";
	case 0x2026: return "...";
	case 0x2022: case 0x25CF: case 0x00B7: case 0x2023: case 0x25E6:
		return "*";
	case 0x00A3: return "GBP";
	case 0x20AC: return "EUR";
	case 0x00A9: return "(c)";
	case 0x00AE: return "(R)";
	case 0x2122: return "(TM)";
	case 0x00B0: return " degrees";
	case 0x00BC: return "1/4";
	case 0x00BD: return "1/2";
	case 0x00BE: return "3/4";
	case 0x2264: return "<=";
	case 0x2265: return ">=";
	case 0x2260: return "!=";
	case 0x2192: return "->";
	case 0x2190: return "<-";
	case 0x2713: case 0x2714: return "[x]";
	case 0x1E80: case 0x1E82: case 0x1E84: return "W";
	case 0x1E81: case 0x1E83: case 0x1E85: return "w";
	case 0x1EF2: return "Y";
	case 0x1EF3: return "y";
	default: break;
	}
	if (cp >= 0xC0 && cp <= 0xFF && latin1[cp - 0xC0] != '?') {
		one[0] = latin1[cp - 0xC0];
		return one;
	}
	if (cp >= 0x100 && cp <= 0x17F && latin_ext_a[cp - 0x100] != '?') {
		one[0] = latin_ext_a[cp - 0x100];
		return one;
	}
	if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0xFE00 && cp <= 0xFE0F))
		return "";      /* combining marks and variation selectors */
	return "?";
}

void ys_sb_plain(ys_sb *b, const char *s, bool keep_nl, bool ascii)
{
	size_t n = strlen(s), i = 0, k;
	uint32_t cp;
	char one[2];

	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 0x20 && c < 0x7f) {
			/* A run of printable ASCII goes in as it is, at once. */
			for (k = i + 1; k < n && (unsigned char)s[k] >= 0x20 &&
			     (unsigned char)s[k] < 0x7f; k++)
				;
			ys_sb_putn(b, s + i, k - i);
			i = k;
			continue;
		}
		if (c < 0x80) {
			if (c == '\n')
				ys_sb_putn(b, keep_nl ? "\n" : " ", 1);
			else if (c == '\t')
				ys_sb_putn(b, " ", 1);
			else
				ys_sb_puts(b, ascii ? "?" : "\xEF\xBF\xBD");
			i++;
			continue;
		}
		k = ys_utf8_decode(s + i, n - i, &cp);
		if (cp == YS_REPLACEMENT || ys_cp_unsafe(cp))
			ys_sb_puts(b, ascii ? "?" : "\xEF\xBF\xBD");
		else if (ascii)
			ys_sb_puts(b, translit(cp, one));
		else
			ys_sb_putn(b, s + i, k);
		i += k;
	}
}

void ys_sb_ascii(ys_sb *b, const char *s, bool keep_nl)
{
	ys_sb_plain(b, s, keep_nl, true);
}

/* ---- the plain-text writer (shared with compare and benchmark) ---- */


static void emit_line(void *ctx, const char *line, size_t len)
{
	ys_tw *t = ctx;

	fputs(t->lines++ ? t->rest : t->first, t->out);
	while (len > 0 && line[len - 1] == ' ')
		len--;
	fwrite(line, 1, len, t->out);
	fputc('\n', t->out);
}

/* Writes text made plain (ys_sb_plain) wrapped to the width, the first
 * line after first and the others after rest (both ASCII, same length). */
void ys_tw_para(ys_tw *t, const char *first, const char *rest, const char *text)
{
	ys_sb b = {0};
	size_t avail, plen = strlen(first);

	ys_sb_plain(&b, text ? text : "", true, t->ascii);
	if (b.oom) {
		ys_sb_free(&b);
		t->oom = true;
		return;
	}
	avail = t->width > plen + 20 ? t->width - plen : 20;
	t->first = first;
	t->rest = rest;
	t->lines = 0;
	if (b.len == 0)
		fprintf(t->out, "%s\n", first);
	else
		ys_wrap(b.buf, avail, emit_line, t);
	ys_sb_free(&b);
}

/* A paragraph built from pieces with a printf-style format; the pieces
 * may come from the input (made plain by para). */
void ys_tw_paraf(ys_tw *t, const char *first, const char *rest,
		  const char *fmt, ...)
{
	va_list ap;
	char *s;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		t->oom = true;
		return;
	}
	s = ys_malloc((size_t)n + 1);
	if (!s) {
		t->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	ys_tw_para(t, first, rest, s);
	ys_free(s);
}

void ys_tw_heading(ys_tw *t, const char *title)
{
	fprintf(t->out, "\n%s\n", title);
	ys_tw_rule(t, '-', ys_tw_width(title));
}

char *ys_tw_plain(ys_tw *t, const char *s)
{
	ys_sb b = {0};
	char *r;

	ys_sb_plain(&b, s ? s : "", false, t->ascii);
	r = ys_sb_take(&b);
	if (!r)
		t->oom = true;
	return r;
}

size_t ys_tw_width(const char *s)
{
	return ys_text_width(s, strlen(s));
}

void ys_tw_cell(ys_tw *t, const char *s, size_t w)
{
	size_t used = 0, n = ys_text_fit(s, strlen(s), w, &used);

	fwrite(s, 1, n, t->out);
	for (; used < w; used++)
		fputc(' ', t->out);
}

void ys_tw_rule(ys_tw *t, char c, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < t->width; i++)
		fputc(c, t->out);
	fputc('\n', t->out);
}

/* ---- sections ---- */

static void header(ys_tw *t, const ys_report *r)
{
	const ys_answers *a = r->a;
	const ys_score *s = r->s;
	const char *k = "                ";
	char date[11], *title;
	size_t i, n;

	title = ys_tw_plain(t, r->q->title);
	if (!title)
		return;
	n = ys_tw_width(title) + 11;
	if (n > t->width)
		ys_tw_para(t, "", "", title);
	else
		fprintf(t->out, "Scorecard: %s\n", title);
	ys_tw_rule(t, '=', n);
	fputc('\n', t->out);
	ys_free(title);

	ys_tw_para(t, "Organisation:   ", k,
	     a->organisation ? a->organisation : "(not recorded)");
	ys_tw_paraf(t, "Questionnaire:  ", k, "%s, version %s (%s)", r->q->title,
	      r->q->version, r->q->id);
	ys_report_date(a->updated ? a->updated : a->created, date);
	ys_tw_para(t, "Date:           ", k, date[0] ? date : "(not recorded)");
	if (a->n_assessors) {
		ys_sb b = {0};

		for (i = 0; i < a->n_assessors; i++) {
			if (i)
				ys_sb_puts(&b, ", ");
			ys_sb_puts(&b, a->assessors[i]);
		}
		if (b.oom)
			t->oom = true;
		ys_tw_para(t, "Assessors:      ", k, b.buf ? b.buf : "");
		ys_sb_free(&b);
	} else {
		ys_tw_para(t, "Assessors:      ", k, "(not recorded)");
	}
	if (ys_report_is_workshop(r))
		ys_tw_paraf(t, "Mode:           ", k, "Workshop with %zu %s",
		      a->n_participants,
		      ys_plural(a->n_participants, "participant", "participants"));
	else
		ys_tw_para(t, "Mode:           ", k, "Interview");
	ys_tw_paraf(t, "Completion:     ", k, "%zu of %zu questions answered",
	      s->answered, s->total);
	{
		ys_sb st = {0};

		ys_report_status_line(&st, s);
		if (st.oom)
			t->oom = true;
		else
			ys_tw_para(t, "Status:         ", k, st.buf);
		ys_sb_free(&st);
	}
	if (s->has_target)
		ys_tw_para(t, "Target:         ", k, s->target_name);
	else
		ys_tw_para(t, "Target:         ", k, "(none)");
	if (ys_report_mismatch(r))
		ys_tw_paraf(t, "Note:           ", k,
		      "these answers were started with version %s of the "
		      "questionnaire; they are scored against version %s, on "
		      "the questions the two share.",
		      a->q_version ? a->q_version : "?", r->q->version);
}

/* The level column of an area: "2 Managed", "not assessed"... in buf. */
static void level_cell(ys_tw *t, const ys_report *r, size_t i, char *buf,
		       size_t n)
{
	const ys_area_score *as = &r->s->areas[i];
	char *name;

	if (as->state == YS_AREA_NOT_ASSESSED) {
		snprintf(buf, n, "not assessed");
		return;
	}
	if (as->state == YS_AREA_NOT_APPLICABLE) {
		snprintf(buf, n, "not applicable");
		return;
	}
	name = ys_tw_plain(t, ys_level_name(r->q, as->level));
	snprintf(buf, n, "%d ", as->level);
	if (name) {
		size_t have = strlen(buf), fit = strlen(name);

		/* Cut to the buffer, never inside a UTF-8 sequence. */
		if (fit > n - have - 1) {
			fit = n - have - 1;
			while (fit > 0 && ((unsigned char)name[fit] & 0xC0) == 0x80)
				fit--;
		}
		memcpy(buf + have, name, fit);
		buf[have + fit] = '\0';
	}
	ys_free(name);
}

/* The columns of a profile row other than the title and the level:
 * " BAR  MATURITY  LEVEL  PRACTICE  TARGET" without the level. */
static size_t profile_fixed(const ys_report *r, size_t per)
{
	return 1 + ys_report_bar_width(r, per) + 2 + 8 + 2 + 2 + 8 +
	       (r->s->has_target ? 2 + 11 : 0);
}

static void profile(ys_tw *t, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	const ys_score *s = r->s;
	char cell[96], barbuf[YS_REPORT_BAR_BUF], target[24], m[YS_FIGURE_BUF];
	size_t i, lw = 5, bw, title_w, fixed, per, maxper, need = 4, widest = 4;

	ys_tw_heading(t, "PROFILE");
	for (i = 0; i < s->n_areas; i++) {
		level_cell(t, r, i, cell, sizeof(cell));
		if (ys_tw_width(cell) > lw)
			lw = ys_tw_width(cell);
	}
	if (lw > 23)
		lw = 23;
	for (i = 0; i < q->n_areas; i++) {
		char *title = ys_tw_plain(t, q->areas[i].title);
		size_t w = title ? ys_tw_width(title) : 0;

		if (w > widest)
			widest = w;
		ys_free(title);
	}
	need = widest > 28 ? 28 : widest;
	/* Bars are as long as they can be (YS_REPORT_BAR_MAX) unless shorter
	 * ones, down to 2 characters a level, let every title fit on its
	 * row; else the longest bar that fits the row is used and titles go
	 * on lines of their own. Level names are cut only when a bar of 1
	 * character a level does not fit either. */
	maxper = ys_bar_per_level(q, YS_REPORT_BAR_MAX);
	per = 0;
	for (i = maxper; i >= 2 && !per; i--)
		if (lw + profile_fixed(r, i) + need <= t->width)
			per = i;
	for (i = maxper; i >= 1 && !per; i--)
		if (lw + profile_fixed(r, i) + 4 <= t->width)
			per = i;
	if (!per)
		per = 1;
	bw = ys_report_bar_width(r, per);
	fixed = profile_fixed(r, per);
	/* A title longer than its column goes on a line of its own above
	 * the row, so the row needs only a small indent; long level names
	 * are cut only when even that does not fit. */
	if (lw + fixed + 4 > t->width)
		lw = t->width > fixed + 4 + 5 ? t->width - fixed - 4 : 5;
	fixed += lw;
	/* The title column takes what the row leaves, but no more than the
	 * widest title needs, so a wide report does not stretch it. */
	title_w = t->width > fixed + 4 ? t->width - fixed : 4;
	if (title_w > widest)
		title_w = widest;
	ys_tw_cell(t, "Area", title_w);
	fprintf(t->out, " %-*s  %8s  ", (int)bw, "", "Maturity");
	ys_tw_cell(t, "Level", lw);
	fprintf(t->out, "  %8s", "Practice");
	if (s->has_target)
		fprintf(t->out, "  %s", "Target");
	fputc('\n', t->out);
	ys_tw_rule(t, '-', title_w + fixed);
	for (i = 0; i < s->n_areas; i++) {
		const ys_area_score *as = &s->areas[i];
		bool assessed = as->state == YS_AREA_ASSESSED;
		char *title = ys_tw_plain(t, q->areas[i].title);

		if (!title)
			return;
		level_cell(t, r, i, cell, sizeof(cell));
		ys_report_bar(barbuf, r, as, per);
		if (ys_tw_width(title) > title_w) {
			ys_tw_para(t, "", "  ", title);
			ys_tw_cell(t, "", title_w);
		} else {
			ys_tw_cell(t, title, title_w);
		}
		fprintf(t->out, " %s  %8s  ", barbuf,
			assessed ? ys_maturity_str(as->maturity, m) : "-");
		ys_tw_cell(t, cell, lw);
		if (assessed)
			fprintf(t->out, "  %8ld", ys_practice_shown(as->practice));
		else
			fprintf(t->out, "  %8s", "-");
		if (s->has_target) {
			snprintf(target, sizeof(target), "%u %s", as->target,
				 as->target_met ? "met" : "not met");
			fprintf(t->out, "  %s", target);
		}
		fputc('\n', t->out);
		ys_free(title);
	}
	ys_tw_para(t, "", "", "");
	{
		char *legend = ys_report_legend(q, per, "'|'");

		if (!legend) {
			t->oom = true;
			return;
		}
		ys_tw_para(t, "", "", legend);
		ys_free(legend);
	}
}

static void summary_section(ys_tw *t, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	const ys_score *s = r->s;
	const char *k = "                   ";
	char m[YS_FIGURE_BUF];
	size_t owned, met, assessed;

	ys_tw_heading(t, "SUMMARY");
	ys_report_counts(s, &owned, &met, &assessed);
	if (s->assessed) {
		ys_tw_paraf(t, "Overall maturity:  ", k, "%s of %zu (the mean "
		      "of the assessed areas; there is no overall level)",
		      ys_maturity_str(s->maturity, m),
		      q->n_levels ? q->n_levels - 1 : 0);
		ys_tw_paraf(t, "Practice score:    ", k, "%ld out of 100",
		      ys_practice_shown(s->practice));
	} else {
		ys_tw_para(t, "Overall maturity:  ", k, "none: no area is assessed yet");
	}
	if (s->weakest_area >= 0 && (size_t)s->weakest_area < q->n_areas) {
		const ys_area_score *w = &s->areas[s->weakest_area];

		ys_tw_paraf(t, "Weakest area:      ", k, "%s (maturity %s, level "
		      "%d %s; practice score %ld)",
		      q->areas[s->weakest_area].title,
		      ys_maturity_str(w->maturity, m), w->level,
		      ys_level_name(q, w->level), ys_practice_shown(w->practice));
	} else {
		ys_tw_para(t, "Weakest area:      ", k, "none: no area is assessed yet");
	}
	if (s->has_target && s->has_percent_to_target)
		ys_tw_paraf(t, "Percent to target: ", k,
		      "%ld%% of the way to the \"%s\" target (%zu of %zu "
		      "assessed %s at or above target)",
		      ys_percent_shown(s->percent_to_target), s->target_name,
		      met, assessed, ys_plural(assessed, "area", "areas"));
	else if (s->has_target)
		ys_tw_paraf(t, "Percent to target: ", k,
		      "not available: no assessed area has a target above 0");
	else
		ys_tw_para(t, "Percent to target: ", k,
		     "no target profile chosen (use --target)");
	ys_tw_paraf(t, "Ownership clarity: ", k,
	      "%ld%% (%zu of %zu %s a named owner)",
	      ys_percent_shown(s->ownership_clarity), owned, s->n_areas,
	      ys_plural(owned, "area has", "areas have"));
}

/* One question as a list item: "* ID (AREA, level N)" then the text. */
static void question_item(ys_tw *t, const ys_report *r, size_t qi)
{
	const ys_question *qn = &r->q->questions[qi];

	ys_tw_paraf(t, "* ", "  ", "%s (%s, level %u, %s)", qn->id,
	      r->q->areas[qn->area].title, qn->level, ys_weight_name(qn->weight));
	ys_tw_para(t, "  ", "  ", qn->text);
}

static void red_flags(ys_tw *t, const ys_report *r)
{
	const ys_score *s = r->s;
	size_t i, k, n = ys_report_count_of(s, ys_list_red);

	ys_tw_heading(t, "RED FLAGS");
	if (!n) {
		ys_tw_para(t, "", "", "None.");
		return;
	}
	ys_tw_para(t, "", "", "A red-flag answer is an immediate risk. It caps its "
	     "area's maturity at the level shown, whatever else is in place, "
	     "until it is cleared.");
	for (i = 0; i < s->n_areas; i++) {
		for (k = 0; k < s->areas[i].red_flags.count; k++) {
			size_t qi = s->areas[i].red_flags.items[k];

			if (qi >= r->q->n_questions)
				continue;
			fputc('\n', t->out);
			question_item(t, r, qi);
			ys_tw_paraf(t, "  ", "  ", "Answer: %s. Caps the area "
			      "at level %u.",
			      ys_answer_text(&r->q->questions[qi],
					     ys_report_response(r->a, qi)),
			      r->q->questions[qi].red_flag_cap);
			if (r->q->questions[qi].advice)
				ys_tw_paraf(t, "  ", "  ", "What to do: %s",
				      r->q->questions[qi].advice);
		}
	}
}

static void knowledge_gaps(ys_tw *t, const ys_report *r)
{
	const ys_score *s = r->s;
	size_t i, k, n = ys_report_count_of(s, ys_list_dk);

	ys_tw_heading(t, "KNOWLEDGE GAPS");
	if (!n) {
		ys_tw_para(t, "", "", "None: no question was answered \"don't know\".");
		return;
	}
	ys_tw_paraf(t, "", "", "%zu %s answered \"don't know\". Each counts as 0 "
	      "and blocks its level until someone finds out.", n,
	      ys_plural(n, "question was", "questions were"));
	for (i = 0; i < s->n_areas; i++) {
		for (k = 0; k < s->areas[i].dont_know.count; k++) {
			size_t qi = s->areas[i].dont_know.items[k];
			const ys_response *resp = ys_report_response(r->a, qi);

			if (qi >= r->q->n_questions)
				continue;
			fputc('\n', t->out);
			question_item(t, r, qi);
			if (r->q->questions[qi].known_by)
				ys_tw_paraf(t, "  ", "  ", "Who usually knows: %s",
				      r->q->questions[qi].known_by);
			if (resp && resp->note)
				ys_tw_paraf(t, "  ", "  ", "Note: %s", resp->note);
		}
	}
}

static void unanswered(ys_tw *t, const ys_report *r)
{
	const ys_score *s = r->s;
	size_t i, k;

	if (s->answered == s->total)
		return;
	ys_tw_heading(t, "UNANSWERED QUESTIONS");
	ys_tw_paraf(t, "", "", "%zu %s not answered yet; the scorecard stays "
	      "provisional until %s.", s->total - s->answered,
	      ys_plural(s->total - s->answered, "question is", "questions are"),
	      ys_plural(s->total - s->answered, "it is", "they are"));
	for (i = 0; i < s->n_areas; i++) {
		for (k = 0; k < s->areas[i].unanswered.count; k++) {
			size_t qi = s->areas[i].unanswered.items[k];
			const ys_response *resp = ys_report_response(r->a, qi);

			if (qi >= r->q->n_questions)
				continue;
			fputc('\n', t->out);
			question_item(t, r, qi);
			if (resp && resp->parked)
				ys_tw_para(t, "  ", "  ", "(parked for later)");
		}
	}
}

static void contested(ys_tw *t, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	size_t i, n = ys_report_n_contested(r);

	if (!ys_report_is_workshop(r) && !n)
		return;
	ys_tw_heading(t, "CONTESTED QUESTIONS");
	if (!n) {
		ys_tw_para(t, "", "", "None: on every question the votes were less "
		     "than two steps apart.");
		return;
	}
	ys_tw_para(t, "", "", "Votes on these questions were two or more steps "
	     "apart. The agreed answer is the one scored.");
	for (i = 0; i < q->n_questions; i++) {
		const ys_question *qn = &q->questions[i];
		const ys_response *resp = ys_report_response(r->a, i);
		unsigned spread;
		ys_sb b = {0};

		if (!resp || !resp->contested)
			continue;
		if (!ys_report_vote_summary(&b, qn, resp, &spread)) {
			ys_sb_free(&b);
			t->oom = true;
			return;
		}
		fputc('\n', t->out);
		question_item(t, r, i);
		ys_tw_paraf(t, "  ", "  ", "Agreed: %s", ys_answer_text(qn, resp));
		ys_sb_printf(&b, " (spread: %u %s)", spread,
			     ys_plural(spread, "step", "steps"));
		if (b.oom)
			t->oom = true;
		else
			ys_tw_paraf(t, "  ", "  ", "Votes: %s", b.buf);
		ys_sb_free(&b);
		if (resp->note)
			ys_tw_paraf(t, "  ", "  ", "Note: %s", resp->note);
	}
}

static void area_detail(ys_tw *t, const ys_report *r, size_t i)
{
	const ys_questionnaire *q = r->q;
	const ys_area_score *as = &r->s->areas[i];
	const ys_area_record *rec = ys_answers_area(r->a, q->areas[i].id);
	ys_explanation e;
	char num[32];
	size_t k;

	if (!ys_explain_area(q, r->a, r->s, i, &e)) {
		t->oom = true;
		return;
	}
	snprintf(num, sizeof(num), "%zu. ", i + 1);
	fputc('\n', t->out);
	ys_tw_para(t, num, "   ", q->areas[i].title);
	{
		ys_sb b = {0};

		ys_sb_puts(&b, e.status);
		if (as->state == YS_AREA_ASSESSED)
			ys_sb_printf(&b, ", practice score %ld",
				     ys_practice_shown(as->practice));
		if (r->s->has_target)
			ys_sb_printf(&b, ". Target: level %u %s, %s",
				     as->target,
				     ys_level_name(q, (long)as->target),
				     as->target_met ? "met" : "not met");
		ys_sb_printf(&b, ". %zu of %zu questions answered.",
			     as->answered, as->total);
		if (b.oom)
			t->oom = true;
		else
			ys_tw_para(t, "   ", "   ", b.buf);
		ys_sb_free(&b);
	}
	ys_tw_paraf(t, "   ", "   ", "Owner: %s", rec && rec->owner ? rec->owner
	      : "none named");
	fputc('\n', t->out);
	ys_tw_paraf(t, "   ", "   ", "Why: %s", e.why);
	if (e.next) {
		fputc('\n', t->out);
		ys_tw_paraf(t, "   ", "   ", "Next: %s", e.next);
		for (k = 0; k < e.n_blockers; k++) {
			const ys_question *qn = &q->questions[e.blockers[k].question];

			ys_tw_paraf(t, "   * ", "     ", "%s%s (level %u, %s): %s",
			      e.blockers[k].red_flag ? "RED FLAG " : "",
			      qn->id, qn->level, ys_weight_name(qn->weight),
			      qn->text);
			ys_tw_paraf(t, "     ", "     ", "Answer: %s", e.blockers[k].answer);
			if (e.blockers[k].known_by)
				ys_tw_paraf(t, "     ", "     ", "Who usually knows: %s",
				      e.blockers[k].known_by);
			if (e.blockers[k].advice)
				ys_tw_paraf(t, "     ", "     ", "What to do: %s",
				      e.blockers[k].advice);
		}
	}
	if (e.recommendation) {
		fputc('\n', t->out);
		ys_tw_paraf(t, "   ", "   ", "Recommendation: %s", e.recommendation);
	}
	ys_explanation_free(&e);
}

static void areas(ys_tw *t, const ys_report *r)
{
	size_t i;

	ys_tw_heading(t, "AREAS");
	for (i = 0; i < r->s->n_areas && i < r->q->n_areas; i++)
		area_detail(t, r, i);
}

static void notes(ys_tw *t, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	size_t i, n = 0;

	ys_tw_heading(t, "NOTES AND N/A ANSWERS");
	for (i = 0; i < q->n_questions; i++) {
		const ys_question *qn = &q->questions[i];
		const ys_response *resp = ys_report_response(r->a, i);
		bool na;

		if (!ys_report_has_note(resp))
			continue;
		na = resp->choice.kind == YS_ANS_NA;
		if (n++ == 0)
			ys_tw_para(t, "", "", "Questions with a note from the "
				   "assessors, and questions answered N/A "
				   "with the reason given (an N/A question "
				   "counts neither for nor against its area).");
		fputc('\n', t->out);
		question_item(t, r, i);
		ys_tw_paraf(t, "  ", "  ", "Answer: %s",
			    ys_answer_text(qn, resp));
		if (na)
			ys_tw_paraf(t, "  ", "  ", "N/A reason: %s",
				    !ys_str_blank(resp->na_reason)
				    ? resp->na_reason : "none given");
		if (!ys_str_blank(resp->note))
			ys_tw_paraf(t, "  ", "  ", "Note: %s", resp->note);
	}
	if (!n)
		ys_tw_para(t, "", "", "None: no question has a note or an N/A "
			   "answer.");
}

static void action_plan(ys_tw *t, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	size_t i, k, n = 0;

	ys_tw_heading(t, "ACTION PLAN");
	for (i = 0; i < q->n_areas; i++) {
		const ys_area_record *rec = ys_answers_area(r->a, q->areas[i].id);

		for (k = 0; rec && k < rec->n_actions; k++) {
			const ys_action *ac = &rec->actions[k];

			if (n++)
				fputc('\n', t->out);
			ys_tw_paraf(t, "* ", "  ", "%s: %s", q->areas[i].title,
			      ac->text ? ac->text : "");
			ys_tw_paraf(t, "  ", "  ", "Owner: %s. Due: %s.",
			      ac->owner ? ac->owner : "not named",
			      ac->due ? ac->due : "not set");
		}
	}
	if (!n)
		ys_tw_para(t, "", "", "No actions recorded yet.");
}

static void appendix(ys_tw *t, const ys_report *r)
{
	char *paras[YS_METHOD_PARAS];
	size_t i;

	if (!ys_explain_method(r->q, paras)) {
		t->oom = true;
		return;
	}
	ys_tw_heading(t, "APPENDIX: HOW THE SCORES ARE WORKED OUT");
	for (i = 0; i < YS_METHOD_PARAS; i++) {
		if (i)
			fputc('\n', t->out);
		ys_tw_para(t, "", "", paras[i]);
		ys_free(paras[i]);
	}
}

int ys_report_text(const ys_report *r, FILE *out)
{
	ys_tw t = {0};

	t.out = out;
	t.width = ys_report_width(r->width);
	t.ascii = r->ascii;
	header(&t, r);
	profile(&t, r);
	summary_section(&t, r);
	red_flags(&t, r);
	knowledge_gaps(&t, r);
	contested(&t, r);
	unanswered(&t, r);
	areas(&t, r);
	notes(&t, r);
	action_plan(&t, r);
	appendix(&t, r);
	if (t.oom)
		return ENOMEM;
	return ys_report_status(out);
}
