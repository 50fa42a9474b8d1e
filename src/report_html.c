/* The scorecard as one self-contained HTML page (DESIGN section 8), for a
 * committee paper or an intranet: the content of the text scorecard, with
 * the chart inline as SVG, and nothing else: no script, no style sheet,
 * font or picture fetched from anywhere, so the file can be mailed,
 * attached or printed to PDF from any browser as it is.
 *
 * Accessibility (WCAG 2.2 AA): lang="en-GB", headings h1, h2, h3 in order,
 * real tables with header cells (scope="col" and, for the row's subject,
 * scope="row"), text in #1a1a1a on white, and no meaning carried by
 * colour alone: every bar sits beside its figure and is hidden from
 * screen readers, and a target says "met" or "not met" in words. The
 * chart has role="img" and a caption as its text alternative.
 *
 * Print: A4 pages with margins; table rows, area sections and the chart
 * are not split across pages where they fit on one; long words wrap
 * anywhere, so no table is wider than the page.
 *
 * Every text from the questionnaire or the answers file is escaped for
 * HTML (ys_xml_str: & < > " ' escaped, unsafe code points and invalid
 * UTF-8 as U+FFFD). The output has no clock or random part. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/explain.h"

static const char style[] =
	"html { color: #1a1a1a; background: #ffffff; }\n"
	"body { font-family: sans-serif; font-size: 1rem; line-height: 1.45;"
	" max-width: 62rem; margin: 0 auto; padding: 1.5rem; }\n"
	"h1 { font-size: 1.7rem; margin: 0 0 1rem; line-height: 1.2; }\n"
	"h2 { font-size: 1.35rem; margin: 2rem 0 .6rem; padding-bottom: .2rem;"
	" border-bottom: 2px solid #1a1a1a; break-after: avoid;"
	" page-break-after: avoid; }\n"
	"h3 { font-size: 1.1rem; margin: 1.4rem 0 .4rem; break-after: avoid;"
	" page-break-after: avoid; }\n"
	"h1, h2, h3, p, dd, li, th, td, figcaption { overflow-wrap: anywhere; }\n"
	"p { margin: .4rem 0; }\n"
	"dl.facts { display: grid; grid-template-columns: max-content 1fr;"
	" gap: .15rem 1rem; margin: 0 0 1rem; }\n"
	"dl.facts dt { font-weight: bold; }\n"
	"dl.facts dd { margin: 0; min-width: 0; }\n"
	".state { border: 2px solid #1a1a1a; padding: .4rem .6rem;"
	" margin: .8rem 0; font-weight: bold; }\n"
	"table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; }\n"
	"th, td { border: 1px solid #6f6f6f; padding: .25rem .45rem;"
	" text-align: left; vertical-align: top; }\n"
	"thead th { background: #eeeeee; }\n"
	"th, td { min-width: 5.5em; }\n"
	"th.q { font-weight: normal; width: 40%; }\n"
	"td.a { min-width: 8em; }\n"
	"thead { display: table-header-group; }\n"
	"tr { break-inside: avoid; page-break-inside: avoid; }\n"
	".num { text-align: right; }\n"
	"td.num { white-space: nowrap; }\n"
	".lvl { min-width: 6.5em; }\n"
	".qid { display: block; font-size: .85rem; color: #3d3d3d; }\n"
	".figure { white-space: nowrap; }\n"
	".meter { display: inline-block; position: relative; width: 7rem;"
	" height: .8rem; margin-right: .45rem; vertical-align: -.05rem;"
	" border: 1px solid #4a4a4a; background: #ffffff; }\n"
	".meter-fill { position: absolute; left: 0; top: 0; bottom: 0;"
	" background: #1d70b8; }\n"
	".meter-mark { position: absolute; top: -.25rem; bottom: -.25rem;"
	" width: 0; border-left: 3px solid #1a1a1a; margin-left: -1px; }\n"
	".meter, .meter-fill, .meter-mark { print-color-adjust: exact;"
	" -webkit-print-color-adjust: exact; }\n"
	"section.area { break-inside: avoid; page-break-inside: avoid; }\n"
	"figure { margin: 1rem 0; break-inside: avoid; page-break-inside: avoid; }\n"
	"figure svg { display: block; width: 100%; max-width: 40rem; height: auto; }\n"
	"figcaption { font-size: .9rem; margin-top: .3rem; }\n"
	"@media screen and (max-width: 40rem) {\n"
	"  body { padding: .75rem; }\n"
	"  .figure { white-space: normal; }\n"
	"  .meter { width: 3.5rem; }\n"
	"  .lvl, th, td, td.a { min-width: 0; }\n"
	"}\n"
	"@page { size: A4; margin: 18mm 16mm 18mm 16mm; }\n"
	"@media print {\n"
	"  body { max-width: none; margin: 0; padding: 0; font-size: 10pt; }\n"
	"  h2 { margin-top: 1.4rem; }\n"
	"  figure svg { max-width: 150mm; }\n"
	"}\n";

/* Text from the questionnaire or answers, escaped; NULL writes nothing. */
static void h(FILE *out, const char *s)
{
	if (s)
		ys_xml_str(out, s);
}

/* Text or, when s is NULL or empty, a placeholder of ours. */
static void h_or(FILE *out, const char *s, const char *none)
{
	h(out, s && *s ? s : none);
}

/* The maturity bar: the filled part up to the maturity and, with a
 * target, a mark at the target level, both on the level scale, so the
 * fill reaches the mark exactly when the target is met. Decoration only:
 * the figure beside it says the same in text. */
static void meter(FILE *out, const ys_report *r, const ys_area_score *as)
{
	double top = r->q->n_levels > 1 ? (double)(r->q->n_levels - 1) : 1.0;
	double f = as->maturity / top;

	if (f < 0.0)
		f = 0.0;
	if (f > 1.0)
		f = 1.0;
	fprintf(out, "<span class=\"meter\" aria-hidden=\"true\">"
		"<span class=\"meter-fill\" style=\"width: %.2f%%\"></span>",
		f * 100.0);
	if (r->s->has_target) {
		double t = (double)as->target / top;

		fprintf(out, "<span class=\"meter-mark\" style=\"left: %.2f%%\">"
			"</span>", (t > 1.0 ? 1.0 : t) * 100.0);
	}
	fputs("</span>", out);
}

static void fact(FILE *out, const char *key)
{
	fprintf(out, "<dt>%s</dt><dd>", key);
}

static bool header(FILE *out, const ys_report *r)
{
	const ys_answers *a = r->a;
	const ys_score *s = r->s;
	ys_sb st = {0};
	char date[11];
	size_t i;

	fputs("<h1>Scorecard: ", out);
	h(out, r->q->title);
	fputs("</h1>\n<dl class=\"facts\">\n", out);
	fact(out, "Organisation");
	h_or(out, a->organisation, "(not recorded)");
	fputs("</dd>\n", out);
	fact(out, "Questionnaire");
	h(out, r->q->title);
	fputs(", version ", out);
	h(out, r->q->version);
	fputs(" (", out);
	h(out, r->q->id);
	fputs(")</dd>\n", out);
	ys_report_date(a->updated ? a->updated : a->created, date);
	fact(out, "Date");
	fputs(date[0] ? date : "(not recorded)", out);
	fputs("</dd>\n", out);
	fact(out, "Assessors");
	for (i = 0; i < a->n_assessors; i++) {
		if (i)
			fputs(", ", out);
		h(out, a->assessors[i]);
	}
	if (!a->n_assessors)
		fputs("(not recorded)", out);
	fputs("</dd>\n", out);
	fact(out, "Mode");
	if (ys_report_is_workshop(r))
		fprintf(out, "Workshop with %zu %s", a->n_participants,
			ys_plural(a->n_participants, "participant",
				  "participants"));
	else
		fputs("Interview", out);
	fputs("</dd>\n", out);
	fact(out, "Completion");
	fprintf(out, "%zu of %zu questions answered</dd>\n", s->answered,
		s->total);
	fact(out, "Target");
	h_or(out, s->has_target ? s->target_name : NULL, "(none)");
	fputs("</dd>\n</dl>\n", out);
	ys_report_status_line(&st, s);
	if (st.oom) {
		ys_sb_free(&st);
		return false;
	}
	fputs("<p class=\"state\">", out);
	h(out, st.buf);
	fputs("</p>\n", out);
	ys_sb_free(&st);
	if (ys_report_mismatch(r)) {
		fputs("<p><strong>Note:</strong> these answers were started "
		      "with version ", out);
		h(out, a->q_version ? a->q_version : "?");
		fputs(" of the questionnaire; they are scored against version ",
		      out);
		h(out, r->q->version);
		fputs(", on the questions the two share.</p>\n", out);
	}
	return true;
}

static void profile(FILE *out, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	const ys_score *s = r->s;
	char m[YS_FIGURE_BUF];
	size_t i;

	fputs("\n<h2>Profile</h2>\n<table class=\"profile\">\n<thead><tr>"
	      "<th scope=\"col\">Area</th><th scope=\"col\">Maturity</th>"
	      "<th scope=\"col\">Level</th>"
	      "<th scope=\"col\" class=\"num\">Practice score</th>", out);
	if (s->has_target)
		fputs("<th scope=\"col\">Target</th>", out);
	fputs("</tr></thead>\n<tbody>\n", out);
	for (i = 0; i < s->n_areas && i < q->n_areas; i++) {
		const ys_area_score *as = &s->areas[i];

		fputs("<tr><th scope=\"row\">", out);
		h(out, q->areas[i].title);
		fputs("</th>", out);
		if (as->state == YS_AREA_ASSESSED) {
			fputs("<td class=\"figure\">", out);
			meter(out, r, as);
			fprintf(out, "%s</td><td class=\"lvl\">%d ",
				ys_maturity_str(as->maturity, m), as->level);
			h(out, ys_level_name(q, as->level));
			if (as->capped)
				fputs(" (held by a red flag)", out);
			fprintf(out, "</td><td class=\"num\">%ld</td>",
				ys_practice_shown(as->practice));
		} else {
			fprintf(out, "<td>none</td><td class=\"lvl\">%s</td>"
				"<td class=\"num\">none</td>",
				as->state == YS_AREA_NOT_ASSESSED
					? "not assessed" : "not applicable");
		}
		if (s->has_target) {
			fprintf(out, "<td class=\"lvl\">%u ", as->target);
			h(out, ys_level_name(q, (long)as->target));
			fprintf(out, ": %s</td>", as->target_met ? "met"
				: "not met");
		}
		fputs("</tr>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
	fprintf(out, "<p>Maturity is the level reached plus the share of the "
		"next level's practices in place (0 to %zu). The bar shows it "
		"on the level scale%s. The practice score (0 to 100) is how "
		"much of the area's practice is in place at every level.</p>\n",
		q->n_levels ? q->n_levels - 1 : 0,
		s->has_target ? "; the upright mark is the target level, which "
				"a bar reaches exactly when the area meets its "
				"target" : "");
}

/* The chart: the SVG writer's output, written to memory and embedded
 * without its XML declaration, named by the caption below it. */
static int chart(FILE *out, const ys_report *r)
{
	char *buf = NULL;
	size_t len = 0;
	const char *svg;
	FILE *mem = open_memstream(&buf, &len);
	int rc;

	if (!mem)
		return errno ? errno : ENOMEM;
	rc = ys_report_svg(r, mem);
	if (fclose(mem) != 0 && !rc)
		rc = ENOMEM;
	if (rc) {
		free(buf);
		return rc;
	}
	svg = buf ? strstr(buf, "<svg ") : NULL;
	if (!svg) {
		free(buf);
		return EINVAL;
	}
	fputs("\n<h2>Chart</h2>\n<figure>\n<svg aria-labelledby=\"chart-caption\" ",
	      out);
	fputs(svg + 5, out);
	fprintf(out, "<figcaption id=\"chart-caption\">Chart of each area's "
		"maturity on the level scale, from 0 at the centre to %zu at "
		"the outer ring%s. Areas not assessed are marked so and not "
		"plotted. The profile table gives the same figures.</figcaption>\n"
		"</figure>\n", r->q->n_levels ? r->q->n_levels - 1 : 0,
		r->s->has_target ? ", with the target levels as a dashed "
				   "line: an area meets its target when its "
				   "point is on or outside that line" : "");
	free(buf);
	return 0;
}

static void summary(FILE *out, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	const ys_score *s = r->s;
	char m[YS_FIGURE_BUF];
	size_t owned, met, assessed;

	ys_report_counts(s, &owned, &met, &assessed);
	fputs("\n<h2>Summary</h2>\n<dl class=\"facts\">\n", out);
	fact(out, "Overall maturity");
	if (s->assessed)
		fprintf(out, "%s of %zu (the mean of the assessed areas; there "
			"is no overall level)</dd>\n",
			ys_maturity_str(s->maturity, m),
			q->n_levels ? q->n_levels - 1 : 0);
	else
		fputs("none: no area is assessed yet</dd>\n", out);
	if (s->assessed) {
		fact(out, "Practice score");
		fprintf(out, "%ld out of 100</dd>\n",
			ys_practice_shown(s->practice));
	}
	fact(out, "Weakest area");
	if (s->weakest_area >= 0 && (size_t)s->weakest_area < q->n_areas) {
		const ys_area_score *w = &s->areas[s->weakest_area];

		h(out, q->areas[s->weakest_area].title);
		fprintf(out, " (maturity %s, level %d ",
			ys_maturity_str(w->maturity, m), w->level);
		h(out, ys_level_name(q, w->level));
		fprintf(out, "; practice score %ld)</dd>\n",
			ys_practice_shown(w->practice));
	} else {
		fputs("none: no area is assessed yet</dd>\n", out);
	}
	fact(out, "Percent to target");
	if (s->has_target && s->has_percent_to_target) {
		fprintf(out, "%ld%% of the way to the \xE2\x80\x9C",
			ys_percent_shown(s->percent_to_target));
		h(out, s->target_name);
		fprintf(out, "\xE2\x80\x9D target (%zu of %zu assessed %s at or above "
			"target)</dd>\n", met, assessed,
			ys_plural(assessed, "area", "areas"));
	} else if (s->has_target) {
		fputs("not available: no assessed area has a target above "
		      "0</dd>\n", out);
	} else {
		fputs("no target profile chosen</dd>\n", out);
	}
	fact(out, "Ownership clarity");
	fprintf(out, "%ld%% (%zu of %zu %s a named owner)</dd>\n</dl>\n",
		ys_percent_shown(s->ownership_clarity), owned, s->n_areas,
		ys_plural(owned, "area has", "areas have"));
}

/* The row header of a question: its text, then its id and level. */
static void question_th(FILE *out, const ys_report *r, size_t qi)
{
	const ys_question *qn = &r->q->questions[qi];

	fputs("<tr><th scope=\"row\" class=\"q\">", out);
	h(out, qn->text);
	fputs("<span class=\"qid\">", out);
	h(out, qn->id);
	fprintf(out, ", level %u, %s</span></th>", qn->level,
		ys_weight_name(qn->weight));
	fputs("<td class=\"a\">", out);
	h(out, r->q->areas[qn->area].title);
	fputs("</td>", out);
}

static void red_flags(FILE *out, const ys_report *r)
{
	const ys_score *s = r->s;
	bool todo = false;
	size_t i, k;

	fputs("\n<h2>Red flags</h2>\n", out);
	if (!ys_report_count_of(s, ys_list_red)) {
		fputs("<p>None.</p>\n", out);
		return;
	}
	for (i = 0; i < s->n_areas; i++)
		for (k = 0; k < s->areas[i].red_flags.count; k++)
			if (s->areas[i].red_flags.items[k] < r->q->n_questions &&
			    r->q->questions[s->areas[i].red_flags.items[k]].advice)
				todo = true;
	fprintf(out, "<p>A red-flag answer is an immediate risk. It caps its "
		"area's maturity at the level shown, whatever else is in "
		"place, until it is cleared.</p>\n<table>\n<thead><tr>"
		"<th scope=\"col\">Question</th><th scope=\"col\">Area</th>"
		"<th scope=\"col\">Answer</th>"
		"<th scope=\"col\" class=\"num\">Caps at level</th>%s"
		"</tr></thead>\n<tbody>\n",
		todo ? "<th scope=\"col\">What to do</th>" : "");
	for (i = 0; i < s->n_areas; i++) {
		const ys_qlist *l = ys_list_red(&s->areas[i]);

		for (k = 0; k < l->count; k++) {
			size_t qi = l->items[k];
			const ys_question *qn;

			if (qi >= r->q->n_questions)
				continue;
			qn = &r->q->questions[qi];
			question_th(out, r, qi);
			fputs("<td>", out);
			h(out, ys_answer_text(qn, ys_report_response(r->a, qi)));
			fprintf(out, "</td><td class=\"num\">%u</td>",
				qn->red_flag_cap);
			if (todo) {
				fputs("<td>", out);
				h(out, qn->advice);
				fputs("</td>", out);
			}
			fputs("</tr>\n", out);
		}
	}
	fputs("</tbody>\n</table>\n", out);
}

static void knowledge_gaps(FILE *out, const ys_report *r)
{
	const ys_score *s = r->s;
	size_t i, k, n = ys_report_count_of(s, ys_list_dk);

	fputs("\n<h2>Knowledge gaps</h2>\n", out);
	if (!n) {
		fputs("<p>None: no question was answered \xE2\x80\x9C" "don't "
		      "know\xE2\x80\x9D.</p>\n", out);
		return;
	}
	fprintf(out, "<p>%zu %s answered \xE2\x80\x9C" "don't know\xE2\x80\x9D. Each counts "
		"as 0 and blocks its level until someone finds out.</p>\n"
		"<table>\n<thead><tr><th scope=\"col\">Question</th>"
		"<th scope=\"col\">Area</th>"
		"<th scope=\"col\">Who usually knows</th>"
		"<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n", n,
		ys_plural(n, "question was", "questions were"));
	for (i = 0; i < s->n_areas; i++) {
		const ys_qlist *l = ys_list_dk(&s->areas[i]);

		for (k = 0; k < l->count; k++) {
			size_t qi = l->items[k];
			const ys_response *resp = ys_report_response(r->a, qi);

			if (qi >= r->q->n_questions)
				continue;
			question_th(out, r, qi);
			fputs("<td>", out);
			h_or(out, r->q->questions[qi].known_by, "not stated");
			fputs("</td><td>", out);
			h(out, resp ? resp->note : NULL);
			fputs("</td></tr>\n", out);
		}
	}
	fputs("</tbody>\n</table>\n", out);
}

static bool contested(FILE *out, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	size_t i, n = ys_report_n_contested(r);

	if (!ys_report_is_workshop(r) && !n)
		return true;
	fputs("\n<h2>Contested questions</h2>\n", out);
	if (!n) {
		fputs("<p>None: on every question the votes were less than two "
		      "steps apart.</p>\n", out);
		return true;
	}
	fputs("<p>Votes on these questions were two or more steps apart. The "
	      "agreed answer is the one scored.</p>\n<table>\n<thead><tr>"
	      "<th scope=\"col\">Question</th><th scope=\"col\">Area</th>"
	      "<th scope=\"col\">Agreed answer</th><th scope=\"col\">Votes</th>"
	      "<th scope=\"col\" class=\"num\">Spread (steps)</th>"
	      "<th scope=\"col\">Note</th></tr></thead>\n<tbody>\n", out);
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
		question_th(out, r, i);
		fputs("<td>", out);
		h(out, ys_answer_text(qn, resp));
		fputs("</td><td>", out);
		h(out, votes.buf);
		fprintf(out, "</td><td class=\"num\">%u</td><td>", spread);
		h(out, resp->note);
		fputs("</td></tr>\n", out);
		ys_sb_free(&votes);
	}
	fputs("</tbody>\n</table>\n", out);
	return true;
}

static void unanswered(FILE *out, const ys_report *r)
{
	const ys_score *s = r->s;
	size_t i, k;
	size_t n = s->total - s->answered;

	if (!n)
		return;
	fprintf(out, "\n<h2>Unanswered questions</h2>\n<p>%zu %s not answered "
		"yet; the scorecard stays provisional until %s.</p>\n",
		n, ys_plural(n, "question is", "questions are"),
		ys_plural(n, "it is", "they are"));
	if (!ys_report_count_of(s, ys_list_un))
		return;
	fputs("<table>\n<thead><tr><th scope=\"col\">Question</th>"
	      "<th scope=\"col\">Area</th><th scope=\"col\">Status</th>"
	      "</tr></thead>\n<tbody>\n", out);
	for (i = 0; i < s->n_areas; i++) {
		const ys_qlist *l = ys_list_un(&s->areas[i]);

		for (k = 0; k < l->count; k++) {
			size_t qi = l->items[k];
			const ys_response *resp = ys_report_response(r->a, qi);

			if (qi >= r->q->n_questions)
				continue;
			question_th(out, r, qi);
			fprintf(out, "<td>%s</td></tr>\n", resp && resp->parked
				? "parked for later" : "not answered");
		}
	}
	fputs("</tbody>\n</table>\n", out);
}

static void blockers(FILE *out, const ys_report *r, const ys_explanation *e)
{
	bool todo = false;
	size_t k;

	if (!e->n_blockers)
		return;
	for (k = 0; k < e->n_blockers; k++)
		if (e->blockers[k].advice || e->blockers[k].known_by)
			todo = true;
	fprintf(out, "<table>\n<thead><tr><th scope=\"col\">Question</th>"
		"<th scope=\"col\">Answer</th>%s</tr></thead>\n<tbody>\n",
		todo ? "<th scope=\"col\">What to do</th>" : "");
	for (k = 0; k < e->n_blockers; k++) {
		const ys_blocker *b = &e->blockers[k];
		const ys_question *qn = &r->q->questions[b->question];

		fputs("<tr><th scope=\"row\" class=\"q\">", out);
		if (b->red_flag)
			fputs("Red flag: ", out);
		h(out, qn->text);
		fputs("<span class=\"qid\">", out);
		h(out, qn->id);
		fprintf(out, ", level %u, %s</span></th><td>", qn->level,
			ys_weight_name(qn->weight));
		h(out, b->answer);
		fputs("</td>", out);
		if (!todo) {
			fputs("</tr>\n", out);
			continue;
		}
		fputs("<td>", out);
		if (b->known_by) {
			fputs("Who usually knows: ", out);
			h(out, b->known_by);
			fputs(b->advice ? ". " : ".", out);
		}
		h(out, b->advice);
		fputs("</td></tr>\n", out);
	}
	fputs("</tbody>\n</table>\n", out);
}

static bool area_detail(FILE *out, const ys_report *r, size_t i)
{
	const ys_questionnaire *q = r->q;
	const ys_area_score *as = &r->s->areas[i];
	const ys_area_record *rec = ys_answers_area(r->a, q->areas[i].id);
	ys_explanation e;

	if (!ys_explain_area(q, r->a, r->s, i, &e))
		return false;
	fprintf(out, "<section class=\"area\" aria-labelledby=\"area-%zu\">\n"
		"<h3 id=\"area-%zu\">%zu. ", i + 1, i + 1, i + 1);
	h(out, q->areas[i].title);
	fputs("</h3>\n<p>", out);
	h(out, e.status);
	if (as->state == YS_AREA_ASSESSED)
		fprintf(out, ", practice score %ld",
			ys_practice_shown(as->practice));
	if (r->s->has_target) {
		fprintf(out, ". Target: level %u ", as->target);
		h(out, ys_level_name(q, (long)as->target));
		fprintf(out, ", %s", as->target_met ? "met" : "not met");
	}
	fprintf(out, ". %zu of %zu questions answered. Owner: ", as->answered,
		as->total);
	h_or(out, rec ? rec->owner : NULL, "none named");
	fputs(".</p>\n<p><strong>Why:</strong> ", out);
	h(out, e.why);
	fputs("</p>\n", out);
	if (e.next) {
		fputs("<p><strong>Next:</strong> ", out);
		h(out, e.next);
		fputs("</p>\n", out);
		blockers(out, r, &e);
	}
	if (e.recommendation) {
		fputs("<p><strong>Recommendation:</strong> ", out);
		h(out, e.recommendation);
		fputs("</p>\n", out);
	}
	fputs("</section>\n", out);
	ys_explanation_free(&e);
	return true;
}

/* Every answer with a note, and every N/A answer with its reason, in
 * questionnaire order. */
static void notes(FILE *out, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	size_t i, n = 0;

	fputs("\n<h2>Notes and N/A answers</h2>\n", out);
	for (i = 0; i < q->n_questions; i++) {
		const ys_question *qn = &q->questions[i];
		const ys_response *resp = ys_report_response(r->a, i);
		bool na = resp && resp->answer &&
			  resp->choice.kind == YS_ANS_NA;

		if (!resp || (!resp->note && !na))
			continue;
		if (!n++)
			fputs("<table>\n<thead><tr><th scope=\"col\">Question</th>"
			      "<th scope=\"col\">Area</th>"
			      "<th scope=\"col\">Answer</th>"
			      "<th scope=\"col\">Note, or reason for N/A</th>"
			      "</tr></thead>\n<tbody>\n", out);
		question_th(out, r, i);
		fputs("<td>", out);
		h(out, resp->answer ? ys_answer_text(qn, resp) : "not answered");
		fputs("</td><td>", out);
		if (na) {
			fputs("<strong>Why N/A:</strong> ", out);
			h_or(out, resp->na_reason, "no reason given");
			if (resp->note)
				fputs("<br>", out);
		}
		h(out, resp->note);
		fputs("</td></tr>\n", out);
	}
	if (n)
		fputs("</tbody>\n</table>\n", out);
	else
		fputs("<p>None: no answer has a note and none is N/A.</p>\n",
		      out);
}

static void action_plan(FILE *out, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	size_t i, k, n = 0;

	fputs("\n<h2>Action plan</h2>\n", out);
	for (i = 0; i < q->n_areas; i++) {
		const ys_area_record *rec = ys_answers_area(r->a, q->areas[i].id);

		for (k = 0; rec && k < rec->n_actions; k++) {
			const ys_action *ac = &rec->actions[k];

			if (!n++)
				fputs("<table>\n<thead><tr>"
				      "<th scope=\"col\">Area</th>"
				      "<th scope=\"col\">Action</th>"
				      "<th scope=\"col\">Owner</th>"
				      "<th scope=\"col\">Due</th>"
				      "</tr></thead>\n<tbody>\n", out);
			fputs("<tr><td class=\"a\">", out);
			h(out, q->areas[i].title);
			fputs("</td><td>", out);
			h(out, ac->text);
			fputs("</td><td>", out);
			h_or(out, ac->owner, "not named");
			fputs("</td><td class=\"figure\">", out);
			h_or(out, ac->due, "not set");
			fputs("</td></tr>\n", out);
		}
	}
	if (n)
		fputs("</tbody>\n</table>\n", out);
	else
		fputs("<p>No actions recorded yet.</p>\n", out);
}

static bool appendix(FILE *out, const ys_report *r)
{
	char *paras[YS_METHOD_PARAS];
	size_t i;

	if (!ys_explain_method(r->q, paras))
		return false;
	fputs("\n<h2>Appendix: how the scores are worked out</h2>\n", out);
	for (i = 0; i < YS_METHOD_PARAS; i++) {
		fputs("<p>", out);
		h(out, paras[i]);
		fputs("</p>\n", out);
		ys_free(paras[i]);
	}
	return true;
}

int ys_report_html(const ys_report *r, FILE *out)
{
	size_t i;
	int rc;

	fputs("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n"
	      "<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, "
	      "initial-scale=1\">\n<title>Scorecard: ", out);
	h(out, r->q->title);
	if (r->a->organisation && *r->a->organisation) {
		fputs(", ", out);
		h(out, r->a->organisation);
	}
	fprintf(out, "</title>\n<style>\n%s</style>\n</head>\n<body>\n<main>\n",
		style);
	if (!header(out, r))
		return ENOMEM;
	profile(out, r);
	rc = chart(out, r);
	if (rc)
		return rc;
	summary(out, r);
	red_flags(out, r);
	knowledge_gaps(out, r);
	if (!contested(out, r))
		return ENOMEM;
	unanswered(out, r);
	fputs("\n<h2>Areas</h2>\n", out);
	for (i = 0; i < r->s->n_areas && i < r->q->n_areas; i++)
		if (!area_detail(out, r, i))
			return ENOMEM;
	notes(out, r);
	action_plan(out, r);
	if (!appendix(out, r))
		return ENOMEM;
	fputs("</main>\n</body>\n</html>\n", out);
	return ys_report_status(out);
}
