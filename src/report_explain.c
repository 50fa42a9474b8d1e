/* The wording shared by every report format and the profile screen: why an
 * area is at its level and what blocks the next; plus small helpers the
 * report writers share (string builder, escaping, number formatting). */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
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
	char *p;

	if (!isfinite(x)) {
		strcpy(buf, "0");
		return buf;
	}
	snprintf(buf, 32, "%.4f", x);
	p = strchr(buf, '.');
	if (p) {
		char *e = buf + strlen(buf) - 1;

		while (e > p && *e == '0')
			*e-- = '\0';
		if (e == p)
			*e = '\0';
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

bool ys_report_format_parse(const char *name, ys_report_format *out)
{
	static const struct {
		const char *name;
		ys_report_format f;
	} names[] = {
		{"text", YS_REPORT_TEXT}, {"txt", YS_REPORT_TEXT},
		{"markdown", YS_REPORT_MARKDOWN}, {"md", YS_REPORT_MARKDOWN},
		{"csv", YS_REPORT_CSV}, {"json", YS_REPORT_JSON},
		{"svg", YS_REPORT_SVG},
	};
	size_t i;

	for (i = 0; i < YS_ARRAY_LEN(names); i++) {
		if (!strcmp(name, names[i].name)) {
			*out = names[i].f;
			return true;
		}
	}
	return false;
}

const char *ys_report_format_name(ys_report_format f)
{
	switch (f) {
	case YS_REPORT_TEXT: return "text";
	case YS_REPORT_MARKDOWN: return "markdown";
	case YS_REPORT_CSV: return "csv";
	case YS_REPORT_JSON: return "json";
	case YS_REPORT_SVG: return "svg";
	}
	return "text";
}

int ys_report_write(const ys_report *r, ys_report_format f, FILE *out)
{
	switch (f) {
	case YS_REPORT_TEXT: return ys_report_text(r, out);
	case YS_REPORT_MARKDOWN: return ys_report_markdown(r, out);
	case YS_REPORT_CSV: return ys_report_csv(r, out);
	case YS_REPORT_JSON: return ys_report_json(r, out);
	case YS_REPORT_SVG: return ys_report_svg(r, out);
	}
	return EINVAL;
}

bool ys_report_mismatch(const ys_report *r)
{
	const ys_answers *a = r->a;
	const ys_questionnaire *q = r->q;

	return !a->q_id || strcmp(a->q_id, q->id) ||
	       !a->q_version || strcmp(a->q_version, q->version) ||
	       !a->q_sha256 || strcmp(a->q_sha256, q->sha256);
}

/* ---- answers in words ---- */

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

bool ys_report_is_workshop(const ys_report *r)
{
	return r->a->mode && !strcmp(r->a->mode, "workshop");
}

const char *ys_choice_text(const ys_question *qn, ys_choice c)
{
	switch (c.kind) {
	case YS_ANS_OPTION:
		if (c.option >= 0 && (size_t)c.option < qn->n_options)
			return qn->options[c.option].label;
		return "Unknown answer";
	case YS_ANS_DONT_KNOW:
		return "Don't know";
	case YS_ANS_NA:
		return "N/A";
	case YS_ANS_NONE:
		break;
	}
	return "Not answered";
}

const char *ys_answer_text(const ys_question *qn, const ys_response *r)
{
	if (!r || !r->answer)
		return "Not answered";
	return ys_choice_text(qn, r->choice);
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

const char *ys_level_name(const ys_questionnaire *q, long level)
{
	if (level < 0 || (size_t)level >= q->n_levels)
		return "?";
	return q->levels[level].name;
}

size_t ys_area_applicable_at(const ys_questionnaire *q, const ys_answers *a,
			     size_t area, unsigned level)
{
	const ys_area *ar = &q->areas[area];
	size_t i, n = 0;

	for (i = 0; i < ar->n_questions; i++) {
		const ys_question *qn = &ar->questions[i];
		const ys_response *r = ys_report_response(a, qn->index);

		if (qn->level != level)
			continue;
		if (r && r->answer && r->choice.kind == YS_ANS_NA)
			continue;
		n++;
	}
	return n;
}

/* ---- explanations ---- */

static bool add_blocker(ys_explanation *e, const ys_questionnaire *q,
			const ys_answers *a, size_t qi, bool red_flag)
{
	ys_blocker *b;

	if (qi >= q->n_questions)
		return true;
	b = ys_realloc(e->blockers, (e->n_blockers + 1) * sizeof(*b));
	if (!b)
		return false;
	e->blockers = b;
	b += e->n_blockers++;
	b->question = qi;
	b->red_flag = red_flag;
	b->answer = ys_answer_text(&q->questions[qi], ys_report_response(a, qi));
	return true;
}

static void why_assessed(ys_sb *b, const ys_questionnaire *q,
			 const ys_answers *a, const ys_area_score *as,
			 size_t area)
{
	long top = (long)q->n_levels - 1;
	long L = as->level, U = as->level_uncapped;
	size_t nflags = as->red_flags.count;

	if (nflags && U > L) {
		ys_sb_printf(b, "It is held at level %ld (%s) by %s: %s. "
			     "Without %s, the area would be at level %ld (%s).",
			     L, ys_level_name(q, L),
			     ys_plural(nflags, "a red-flag answer",
				    "red-flag answers"),
			     ys_plural(nflags,
				    "an answer that means a basic safeguard is "
				    "missing caps the area at level 1, whatever "
				    "else is in place",
				    "answers that mean a basic safeguard is "
				    "missing cap the area at level 1, whatever "
				    "else is in place"),
			     ys_plural(nflags, "it", "them"),
			     U, ys_level_name(q, U));
	} else if (L >= top) {
		ys_sb_printf(b, "It is at the top level, %ld (%s): every "
			     "practice at every level is met.",
			     L, ys_level_name(q, L));
	} else {
		size_t need = ys_area_applicable_at(q, a, area,
						    (unsigned)(L + 1));
		size_t miss = as->blockers.count;

		if (L == 0)
			ys_sb_printf(b, "It is at level 0 (%s): ",
				     ys_level_name(q, 0));
		else if (L == 1)
			ys_sb_printf(b, "It is at level 1 (%s): every practice "
				     "at level 1 is met, but ",
				     ys_level_name(q, 1));
		else if (L == 2)
			ys_sb_printf(b, "It is at level 2 (%s): every practice "
				     "at levels 1 and 2 is met, but ",
				     ys_level_name(q, 2));
		else
			ys_sb_printf(b, "It is at level %ld (%s): every "
				     "practice at levels 1 to %ld is met, but ",
				     L, ys_level_name(q, L), L);
		if (need == 1)
			ys_sb_printf(b, "the one practice at level %ld is not "
				     "met yet.", L + 1);
		else if (miss >= need)
			ys_sb_printf(b, "none of the %zu practices at level %ld "
				     "is met yet.", need, L + 1);
		else
			ys_sb_printf(b, "%zu of the %zu practices at level %ld "
				     "%s not met yet (%d%% of the way to level "
				     "%ld).", miss, need, L + 1,
				     ys_plural(miss, "is", "are"),
				     as->progress_to_next < 0 ? 0
				     : as->progress_to_next, L + 1);
		if (nflags)
			ys_sb_printf(b, " %s would also hold it at level 1 "
				     "if everything else were met.",
				     ys_plural(nflags, "A red-flag answer",
					    "Red-flag answers"));
	}
	ys_sb_printf(b, " Its score is %ld out of 100 (%s).",
		     ys_round(as->score), ys_band(as->score));
	if (as->unanswered.count)
		ys_sb_printf(b, " %zu %s in this area %s unanswered, so the "
			     "result is provisional.", as->unanswered.count,
			     ys_plural(as->unanswered.count, "question",
				    "questions"),
			     ys_plural(as->unanswered.count, "is", "are"));
	if (as->dont_know.count)
		ys_sb_printf(b, " %zu %s answered \"don't know\", which "
			     "counts as 0 and blocks levels until someone "
			     "finds out.", as->dont_know.count,
			     ys_plural(as->dont_know.count, "question was",
				    "questions were"));
}

static void next_assessed(ys_sb *b, const ys_questionnaire *q,
			  const ys_area_score *as)
{
	long L = as->level, U = as->level_uncapped;
	size_t nflags = as->red_flags.count;
	char thr[32];

	ys_format_exact(q->threshold * 100.0, thr);
	if (nflags && U > L && as->blockers.count == 0) {
		ys_sb_printf(b, "Clearing the red %s below would take it to "
			     "level %ld (%s).", ys_plural(nflags, "flag", "flags"),
			     U, ys_level_name(q, U));
		return;
	}
	if (nflags)
		ys_sb_printf(b, "First clear the red %s below. Then, to ",
			     ys_plural(nflags, "flag", "flags"));
	else
		ys_sb_puts(b, "To ");
	ys_sb_printf(b, "reach level %ld (%s), %s below must be answered "
		     "(not \"don't know\") with an answer worth at least %s%% "
		     "of full marks.", L + 1, ys_level_name(q, L + 1),
		     ys_plural(as->blockers.count, "the practice",
			    "each practice"), thr);
}

bool ys_explain_area(const ys_questionnaire *q, const ys_answers *a,
		     const ys_score *s, size_t area, ys_explanation *out)
{
	const ys_area_score *as = &s->areas[area];
	ys_sb st = {0}, why = {0}, next = {0};
	size_t i;

	memset(out, 0, sizeof(*out));
	switch (as->state) {
	case YS_AREA_NOT_APPLICABLE:
		ys_sb_puts(&st, "Not applicable");
		ys_sb_puts(&why, "Every question in this area was answered "
			   "N/A, so it has no score or level.");
		break;
	case YS_AREA_NOT_ASSESSED:
		ys_sb_puts(&st, "Not assessed");
		ys_sb_printf(&why, "No question in this area has been answered "
			     "yet (%zu of %zu unanswered", as->unanswered.count,
			     as->total);
		if (as->not_applicable.count)
			ys_sb_printf(&why, ", %zu N/A", as->not_applicable.count);
		ys_sb_puts(&why, "), so it has no score or level.");
		break;
	case YS_AREA_ASSESSED:
		ys_sb_printf(&st, "Level %d %s", as->level,
			     ys_level_name(q, as->level));
		why_assessed(&why, q, a, as, area);
		if ((size_t)as->level + 1 < q->n_levels ||
		    as->level_uncapped > as->level) {
			next_assessed(&next, q, as);
			out->next = ys_sb_take(&next);
			if (!out->next)
				goto oom;
		}
		for (i = 0; i < as->red_flags.count; i++)
			if (!add_blocker(out, q, a, as->red_flags.items[i], true))
				goto oom;
		for (i = 0; i < as->blockers.count; i++) {
			size_t k, qi = as->blockers.items[i];
			bool listed = false;

			/* A red-flag answer is listed once, as a red flag. */
			for (k = 0; k < as->red_flags.count; k++)
				listed |= as->red_flags.items[k] == qi;
			if (!listed && !add_blocker(out, q, a, qi, false))
				goto oom;
		}
		if (as->level >= 0)
			out->recommendation =
				ys_area_recommendation(&q->areas[area],
						       (unsigned)as->level);
		break;
	}
	out->status = ys_sb_take(&st);
	out->why = ys_sb_take(&why);
	if (!out->status || !out->why)
		goto oom;
	return true;
oom:
	ys_sb_free(&st);
	ys_sb_free(&why);
	ys_sb_free(&next);
	ys_explanation_free(out);
	return false;
}

void ys_explanation_free(ys_explanation *e)
{
	if (!e)
		return;
	ys_free(e->status);
	ys_free(e->why);
	ys_free(e->next);
	ys_free(e->blockers);
	memset(e, 0, sizeof(*e));
}

/* ---- the scoring method in words ---- */

bool ys_explain_method(const ys_questionnaire *q,
		       char *paras[YS_METHOD_PARAS])
{
	ys_sb b = {0}, lv = {0};
	char thr[32];
	size_t i;

	memset(paras, 0, YS_METHOD_PARAS * sizeof(*paras));
	ys_format_exact(q->threshold, thr);
	for (i = 0; i < q->n_levels; i++)
		ys_sb_printf(&lv, "%s%zu %s", i ? ", " : "", i,
			     q->levels[i].name);
	paras[0] = ys_strdup("Each answer has a value from 0 to 1 set by the "
		"questionnaire. \"Don't know\" counts as 0. N/A (only where "
		"a question allows it) and unanswered questions are left out "
		"of the score; any unanswered question makes the scorecard "
		"provisional.");
	paras[1] = ys_strdup("Area score (0 to 100): 100 times the weighted "
		"mean of the values of the answered questions in the area. "
		"Questions weigh 1 (normal), 2 (important) or 3 (critical).");
	ys_sb_printf(&b, "Area level: the highest level L for which every "
		     "question at levels 1 to L is answered, is not \"don't "
		     "know\" and has a value of at least %s. A red-flag answer "
		     "caps the area at level 1. The levels are %s. Levels are "
		     "never rounded up.", thr, lv.buf ? lv.buf : "");
	paras[2] = ys_sb_take(&b);
	paras[3] = ys_strdup("Index (0 to 100): the mean of the assessed "
		"areas' scores, weighted by area weight; there is no overall "
		"level. Weakest area: the lowest level, then the lowest score. "
		"Bands: 0-24 Beginning, 25-49 Developing, 50-74 Established, "
		"75-100 Advanced.");
	paras[4] = ys_strdup("Target: an area meets it when its level is at "
		"or above the target level. Percent to target: 100 times (1 "
		"minus the levels still missing divided by the sum of the "
		"target levels), over the assessed areas. Ownership clarity: "
		"the share of areas with a named owner.");
	paras[5] = ys_strdup("Scores and the index are shown as whole numbers, "
		"halves rounded away from zero; percentages are rounded down, "
		"so they never overstate.");
	ys_sb_free(&lv);
	for (i = 0; i < YS_METHOD_PARAS; i++) {
		if (!paras[i]) {
			for (i = 0; i < YS_METHOD_PARAS; i++) {
				ys_free(paras[i]);
				paras[i] = NULL;
			}
			return false;
		}
	}
	return true;
}
