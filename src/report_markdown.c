/* The scorecard as Markdown: the content of the text scorecard, with
 * tables. Every piece of text from the questionnaire or the answers file
 * is escaped so that it shows literally (CommonMark and GitHub Flavored
 * Markdown): the characters \ ` * _ [ ] < > # | ~ & are backslash-escaped
 * everywhere, and a leading - + = or "1." / "1)" that would start a list
 * or a heading is escaped too. Newlines inside a value become spaces, so
 * a value can never end a table row or start a block. Unsafe code points
 * (ys_cp_unsafe) and invalid UTF-8 become U+FFFD. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/explain.h"
#include "yardstick/text.h"

/* True when s[i] is the character that would make a renderer turn the
 * text around it into a link (GFM's extended autolinks, pandoc's bare
 * URIs): the '@' of an email address, the ':' of "scheme://" and the '.'
 * after "www". Escaping that one character stops the link and still
 * shows the text as written; an '@' also gets a word joiner (U+2060)
 * before it, as GFM finds email addresses after escapes are undone. ('<'
 * of an <autolink> is always escaped.) */
static bool autolink_char(const char *s, size_t i, size_t n)
{
	if (s[i] == '@')
		return true;
	if (s[i] == ':')
		return i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/';
	if (s[i] == '.' && i >= 3) {
		size_t k;

		for (k = i - 3; k < i; k++)
			if (s[k] != 'w' && s[k] != 'W')
				return false;
		return k < 4 || !((s[i - 4] >= 'a' && s[i - 4] <= 'z') ||
				  (s[i - 4] >= 'A' && s[i - 4] <= 'Z') ||
				  (s[i - 4] >= '0' && s[i - 4] <= '9'));
	}
	return false;
}

void ys_md_str(FILE *out, const char *s, bool line_start)
{
	size_t n, i = 0, k, digits = 0;
	bool start = line_start;
	uint32_t cp;

	if (!s)
		return;
	n = strlen(s);
	/* Skip leading blanks: they would make an indented code block. */
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
		i++;
	while (i < n) {
		unsigned char c = (unsigned char)s[i];

		if (start) {
			if (c == '-' || c == '+' || c == '=') {
				fputc('\\', out);
				fputc(c, out);
				i++;
				start = false;
				continue;
			}
			if (c >= '0' && c <= '9') {
				digits++;
				fputc(c, out);
				i++;
				continue;
			}
			if (digits && (c == '.' || c == ')'))
				fputc('\\', out);
			start = false;
		}
		if (c < 0x80) {
			if (c == '@') {
				/* GFM links an email address after parsing,
				 * escapes and all: a word joiner (zero width)
				 * keeps the '@' off the name before it. */
				fputs("\xE2\x81\xA0\\@", out);
			} else if (autolink_char(s, i, n)) {
				fputc('\\', out);
				fputc(c, out);
			} else if (strchr("\\`*_[]<>#|~&", c) && c != '\0') {
				fputc('\\', out);
				fputc(c, out);
			} else if (c == '\n' || c == '\t' || c == '\r') {
				fputc(' ', out);
			} else if (c < 0x20 || c == 0x7f) {
				fputs("\xEF\xBF\xBD", out);
			} else {
				fputc(c, out);
			}
			i++;
			continue;
		}
		k = ys_utf8_decode(s + i, n - i, &cp);
		if (cp == YS_REPLACEMENT || ys_cp_unsafe(cp))
			fputs("\xEF\xBF\xBD", out);
		else
			fwrite(s + i, 1, k, out);
		i += k;
	}
}

static void md(FILE *out, const char *s)
{
	ys_md_str(out, s, false);
}

static void item(FILE *out, const char *key, const char *value)
{
	fprintf(out, "- **%s:** ", key);
	md(out, value);
	fputc('\n', out);
}

static bool header(FILE *out, const ys_report *r)
{
	const ys_answers *a = r->a;
	const ys_score *s = r->s;
	char date[11];
	size_t i;

	fputs("# Scorecard: ", out);
	md(out, r->q->title);
	fputs("\n\n", out);
	item(out, "Organisation", a->organisation ? a->organisation
	     : "(not recorded)");
	fputs("- **Questionnaire:** ", out);
	md(out, r->q->title);
	fputs(", version ", out);
	md(out, r->q->version);
	fputs(" (", out);
	md(out, r->q->id);
	fputs(")\n", out);
	ys_report_date(a->updated ? a->updated : a->created, date);
	item(out, "Date", date[0] ? date : "(not recorded)");
	fputs("- **Assessors:** ", out);
	for (i = 0; i < a->n_assessors; i++) {
		if (i)
			fputs(", ", out);
		md(out, a->assessors[i]);
	}
	if (!a->n_assessors)
		fputs("(not recorded)", out);
	fputc('\n', out);
	if (ys_report_is_workshop(r))
		fprintf(out, "- **Mode:** Workshop with %zu %s\n",
			a->n_participants, ys_plural(a->n_participants,
						  "participant", "participants"));
	else
		fputs("- **Mode:** Interview\n", out);
	fprintf(out, "- **Completion:** %zu of %zu questions answered\n",
		s->answered, s->total);
	{
		ys_sb st = {0};

		ys_report_status_line(&st, s);
		if (st.oom) {
			ys_sb_free(&st);
			return false;
		}
		fputs("- **Status:** ", out);
		md(out, st.buf);
		fputc('\n', out);
		ys_sb_free(&st);
	}
	item(out, "Target", s->has_target ? s->target_name : "(none)");
	if (ys_report_mismatch(r)) {
		fputs("- **Note:** these answers were started with version ", out);
		md(out, a->q_version ? a->q_version : "?");
		fputs(" of the questionnaire; they are scored against version ",
		      out);
		md(out, r->q->version);
		fputs(", on the questions the two share.\n", out);
	}
	return true;
}

static bool profile(FILE *out, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	const ys_score *s = r->s;
	char bar[YS_REPORT_BAR_BUF], m[YS_FIGURE_BUF], *legend;
	size_t i, per = ys_bar_per_level(q, YS_REPORT_BAR_MAX);

	fputs("\n## Profile\n\n", out);
	fputs(s->has_target
		      ? "| Area | Maturity | Bar | Level | Practice score | Target |\n"
			"| --- | ---: | --- | --- | ---: | --- |\n"
		      : "| Area | Maturity | Bar | Level | Practice score |\n"
			"| --- | ---: | --- | --- | ---: |\n", out);
	for (i = 0; i < s->n_areas && i < q->n_areas; i++) {
		const ys_area_score *as = &s->areas[i];

		fputs("| ", out);
		md(out, q->areas[i].title);
		fputs(" | ", out);
		if (as->state == YS_AREA_ASSESSED) {
			ys_report_bar(bar, r, as, per);
			fprintf(out, "%s | `%s` | %d ",
				ys_maturity_str(as->maturity, m), bar,
				as->level);
			md(out, ys_level_name(q, as->level));
			if (as->capped)
				fputs(" (held by a red flag)", out);
			fprintf(out, " | %ld |", ys_practice_shown(as->practice));
		} else {
			fprintf(out, "- | | %s | - |",
				as->state == YS_AREA_NOT_ASSESSED
					? "not assessed" : "not applicable");
		}
		if (s->has_target)
			fprintf(out, " %u: %s |", as->target,
				as->target_met ? "met" : "not met");
		fputc('\n', out);
	}
	legend = ys_report_legend(q, per, "`|`");
	if (!legend)
		return false;
	fprintf(out, "\n%s\n", legend);
	ys_free(legend);
	return true;
}

static void summary(FILE *out, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	const ys_score *s = r->s;
	char m[YS_FIGURE_BUF];
	size_t owned, met, assessed;

	ys_report_counts(s, &owned, &met, &assessed);
	fputs("\n## Summary\n\n", out);
	if (s->assessed) {
		fprintf(out, "- **Overall maturity:** %s of %zu (the mean of "
			"the assessed areas; there is no overall level)\n",
			ys_maturity_str(s->maturity, m),
			q->n_levels ? q->n_levels - 1 : 0);
		fprintf(out, "- **Practice score:** %ld out of 100\n",
			ys_practice_shown(s->practice));
	} else {
		fputs("- **Overall maturity:** none: no area is assessed yet\n",
		      out);
	}
	if (s->weakest_area >= 0 && (size_t)s->weakest_area < q->n_areas) {
		const ys_area_score *w = &s->areas[s->weakest_area];

		fputs("- **Weakest area:** ", out);
		md(out, q->areas[s->weakest_area].title);
		fprintf(out, " (maturity %s, level %d ",
			ys_maturity_str(w->maturity, m), w->level);
		md(out, ys_level_name(q, w->level));
		fprintf(out, "; practice score %ld)\n",
			ys_practice_shown(w->practice));
	} else {
		fputs("- **Weakest area:** none: no area is assessed yet\n", out);
	}
	if (s->has_target && s->has_percent_to_target) {
		fprintf(out, "- **Percent to target:** %ld%% of the way to the "
			"\"", ys_percent_shown(s->percent_to_target));
		md(out, s->target_name);
		fprintf(out, "\" target (%zu of %zu assessed %s at or above "
			"target)\n", met, assessed,
			ys_plural(assessed, "area", "areas"));
	} else if (s->has_target) {
		fputs("- **Percent to target:** not available: no assessed "
		      "area has a target above 0\n", out);
	} else {
		fputs("- **Percent to target:** no target profile chosen\n", out);
	}
	fprintf(out, "- **Ownership clarity:** %ld%% (%zu of %zu %s a named "
		"owner)\n", ys_percent_shown(s->ownership_clarity), owned,
		s->n_areas, ys_plural(owned, "area has", "areas have"));
}

/* The first columns of a question row: | id | area | question | */
static void question_cells(FILE *out, const ys_report *r, size_t qi)
{
	const ys_question *qn = &r->q->questions[qi];

	fputs("| ", out);
	md(out, qn->id);
	fputs(" | ", out);
	md(out, r->q->areas[qn->area].title);
	fprintf(out, " | %u | ", qn->level);
	md(out, qn->text);
	fputs(" |", out);
}

/* A table of the questions in one list; last column: answer or note. */
static void question_table(FILE *out, const ys_report *r, ys_list_of f,
			   const char *last)
{
	const ys_score *s = r->s;
	size_t i, k;

	if (f == ys_list_red)
		fputs("\n| Question | Area | Level | Text | Answer | Caps at level "
		      "| What to do |\n"
		      "| --- | --- | ---: | --- | --- | ---: | --- |\n", out);
	else if (f == ys_list_dk)
		fputs("\n| Question | Area | Level | Text | Who usually knows "
		      "| Note |\n"
		      "| --- | --- | ---: | --- | --- | --- |\n", out);
	else
		fprintf(out, "\n| Question | Area | Level | Text | %s |\n"
			"| --- | --- | ---: | --- | --- |\n", last);
	for (i = 0; i < s->n_areas; i++) {
		const ys_qlist *l = f(&s->areas[i]);

		for (k = 0; k < l->count; k++) {
			size_t qi = l->items[k];
			const ys_response *resp = ys_report_response(r->a, qi);

			if (qi >= r->q->n_questions)
				continue;
			question_cells(out, r, qi);
			fputc(' ', out);
			if (f == ys_list_red) {
				md(out, ys_answer_text(&r->q->questions[qi],
						       resp));
				fprintf(out, " | %u | ",
					r->q->questions[qi].red_flag_cap);
				md(out, r->q->questions[qi].advice);
			} else if (f == ys_list_dk) {
				md(out, r->q->questions[qi].known_by);
				fputs(" | ", out);
				md(out, resp ? resp->note : NULL);
			}
			else
				fputs(resp && resp->parked ? "parked for later"
				      : "not answered", out);
			fputs(" |\n", out);
		}
	}
}

static void lists(FILE *out, const ys_report *r)
{
	const ys_score *s = r->s;
	size_t n;

	fputs("\n## Red flags\n\n", out);
	if (!ys_report_count_of(s, ys_list_red)) {
		fputs("None.\n", out);
	} else {
		fputs("A red-flag answer is an immediate risk. It caps its "
		      "area's maturity at the level shown, whatever else is in "
		      "place, until it is cleared.\n", out);
		question_table(out, r, ys_list_red, "Answer");
	}
	fputs("\n## Knowledge gaps\n\n", out);
	n = ys_report_count_of(s, ys_list_dk);
	if (!n) {
		fputs("None: no question was answered \"don't know\".\n", out);
	} else {
		fprintf(out, "%zu %s answered \"don't know\". Each counts as 0 "
			"and blocks its level until someone finds out.\n", n,
			ys_plural(n, "question was", "questions were"));
		question_table(out, r, ys_list_dk, "Note");
	}
}

static bool contested(FILE *out, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	size_t i, n = ys_report_n_contested(r);

	if (!ys_report_is_workshop(r) && !n)
		return true;
	fputs("\n## Contested questions\n\n", out);
	if (!n) {
		fputs("None: on every question the votes were less than two "
		      "steps apart.\n", out);
		return true;
	}
	fputs("Votes on these questions were two or more steps apart. The "
	      "agreed answer is the one scored.\n\n"
	      "| Question | Area | Level | Text | Agreed | Votes | Spread |\n"
	      "| --- | --- | ---: | --- | --- | --- | ---: |\n", out);
	for (i = 0; i < q->n_questions; i++) {
		const ys_question *qn = &q->questions[i];
		const ys_response *resp = ys_report_response(r->a, i);
		ys_sb votes = {0};
		unsigned spread;

		if (!resp || !resp->contested)
			continue;
		if (!ys_report_vote_summary(&votes, qn, resp, &spread)) {
			ys_sb_free(&votes);
			return false;
		}
		question_cells(out, r, i);
		fputc(' ', out);
		md(out, ys_answer_text(qn, resp));
		fputs(" | ", out);
		md(out, votes.buf);
		fprintf(out, " | %u |\n", spread);
		ys_sb_free(&votes);
	}
	return true;
}

static void unanswered(FILE *out, const ys_report *r)
{
	const ys_score *s = r->s;

	if (s->answered == s->total)
		return;
	fprintf(out, "\n## Unanswered questions\n\n%zu %s not answered yet; "
		"the scorecard stays provisional until %s.\n",
		s->total - s->answered,
		ys_plural(s->total - s->answered, "question is", "questions are"),
		ys_plural(s->total - s->answered, "it is", "they are"));
	question_table(out, r, ys_list_un, "Status");
}

static bool area_detail(FILE *out, const ys_report *r, size_t i)
{
	const ys_questionnaire *q = r->q;
	const ys_area_score *as = &r->s->areas[i];
	const ys_area_record *rec = ys_answers_area(r->a, q->areas[i].id);
	ys_explanation e;
	size_t k;

	if (!ys_explain_area(q, r->a, r->s, i, &e))
		return false;
	fprintf(out, "\n### %zu. ", i + 1);
	md(out, q->areas[i].title);
	fputs("\n\n", out);
	md(out, e.status);
	if (as->state == YS_AREA_ASSESSED)
		fprintf(out, ", practice score %ld",
			ys_practice_shown(as->practice));
	if (r->s->has_target) {
		fprintf(out, ". Target: level %u ", as->target);
		md(out, ys_level_name(q, (long)as->target));
		fprintf(out, ", %s", as->target_met ? "met" : "not met");
	}
	fprintf(out, ". %zu of %zu questions answered. Owner: ", as->answered,
		as->total);
	md(out, rec && rec->owner ? rec->owner : "none named");
	fputs(".\n\n**Why:** ", out);
	md(out, e.why);
	fputc('\n', out);
	if (e.next) {
		fputs("\n**Next:** ", out);
		md(out, e.next);
		fputc('\n', out);
		if (e.n_blockers)
			fputs("\n| Question | Level | Weight | Text | Answer "
			      "| What to do |\n"
			      "| --- | ---: | --- | --- | --- | --- |\n", out);
		for (k = 0; k < e.n_blockers; k++) {
			const ys_question *qn = &q->questions[e.blockers[k].question];

			fputs("| ", out);
			if (e.blockers[k].red_flag)
				fputs("**Red flag:** ", out);
			md(out, qn->id);
			fprintf(out, " | %u | %s | ", qn->level,
				ys_weight_name(qn->weight));
			md(out, qn->text);
			fputs(" | ", out);
			md(out, e.blockers[k].answer);
			fputs(" | ", out);
			if (e.blockers[k].known_by) {
				fputs("Who usually knows: ", out);
				md(out, e.blockers[k].known_by);
				if (e.blockers[k].advice)
					fputs(". ", out);
			}
			md(out, e.blockers[k].advice);
			fputs(" |\n", out);
		}
	}
	if (e.recommendation) {
		fputs("\n**Recommendation:** ", out);
		md(out, e.recommendation);
		fputc('\n', out);
	}
	ys_explanation_free(&e);
	return true;
}

/* Questions with a note or an N/A answer, with the note and the reason. */
static void notes(FILE *out, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	size_t i, n = 0;

	fputs("\n## Notes and N/A answers\n\n", out);
	for (i = 0; i < q->n_questions; i++) {
		const ys_question *qn = &q->questions[i];
		const ys_response *resp = ys_report_response(r->a, i);

		if (!ys_report_has_note(resp))
			continue;
		if (!n++)
			fputs("Questions with a note from the assessors, and "
			      "questions answered N/A with the reason given (an "
			      "N/A question counts neither for nor against its "
			      "area).\n\n"
			      "| Question | Area | Level | Text | Answer | "
			      "Note or N/A reason |\n"
			      "| --- | --- | --- | --- | --- | --- |\n", out);
		question_cells(out, r, i);
		fputc(' ', out);
		md(out, ys_answer_text(qn, resp));
		fputs(" | ", out);
		if (resp->choice.kind == YS_ANS_NA) {
			fputs("N/A reason: ", out);
			md(out, !ys_str_blank(resp->na_reason) ? resp->na_reason
			   : "none given");
			if (!ys_str_blank(resp->note))
				fputs(". ", out);
		}
		if (!ys_str_blank(resp->note)) {
			fputs("Note: ", out);
			md(out, resp->note);
		}
		fputs(" |\n", out);
	}
	if (!n)
		fputs("None: no question has a note or an N/A answer.\n", out);
}

static void action_plan(FILE *out, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	size_t i, k, n = 0;

	fputs("\n## Action plan\n\n", out);
	for (i = 0; i < q->n_areas; i++) {
		const ys_area_record *rec = ys_answers_area(r->a, q->areas[i].id);

		for (k = 0; rec && k < rec->n_actions; k++) {
			const ys_action *ac = &rec->actions[k];

			if (!n++)
				fputs("| Area | Action | Owner | Due |\n"
				      "| --- | --- | --- | --- |\n", out);
			fputs("| ", out);
			md(out, q->areas[i].title);
			fputs(" | ", out);
			md(out, ac->text);
			fputs(" | ", out);
			md(out, ac->owner ? ac->owner : "not named");
			fputs(" | ", out);
			md(out, ac->due ? ac->due : "not set");
			fputs(" |\n", out);
		}
	}
	if (!n)
		fputs("No actions recorded yet.\n", out);
}

int ys_report_markdown(const ys_report *r, FILE *out)
{
	char *paras[YS_METHOD_PARAS];
	size_t i;

	if (!header(out, r) || !profile(out, r))
		return ENOMEM;
	summary(out, r);
	lists(out, r);
	if (!contested(out, r))
		return ENOMEM;
	unanswered(out, r);
	fputs("\n## Areas\n", out);
	for (i = 0; i < r->s->n_areas && i < r->q->n_areas; i++)
		if (!area_detail(out, r, i))
			return ENOMEM;
	notes(out, r);
	action_plan(out, r);
	if (!ys_explain_method(r->q, paras))
		return ENOMEM;
	fputs("\n## Appendix: how the scores are worked out\n", out);
	for (i = 0; i < YS_METHOD_PARAS; i++) {
		fputc('\n', out);
		ys_md_str(out, paras[i], true);
		fputc('\n', out);
		ys_free(paras[i]);
	}
	return ys_report_status(out);
}
