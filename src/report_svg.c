/* The scorecard as an SVG radar chart, for slides: one spoke per area on
 * the maturity scale (the centre is 0, the outer ring the top level, one
 * named ring per level), the areas' maturity as a filled polygon and,
 * when a target profile applies, the target levels as a dashed polygon on
 * the same scale, so an area's point lies on or outside the target line
 * exactly when its target is met. Each plotted point carries data-area,
 * data-maturity and data-target. Areas not assessed sit at the centre
 * and are labelled so.
 *
 * The output is deterministic (coordinates printed with two decimals, no
 * clock, no random ids) and well-formed XML 1.0: all text is escaped and
 * unsafe code points become U+FFFD. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/text.h"

#define SVG_W 800.0
#define SVG_H 720.0
#define CX 400.0
#define CY 370.0
#define RADIUS 190.0
#define LABEL_CHARS 24

static const double pi = 3.14159265358979323846;

/* A coordinate with two decimals, never "-0.00". */
static void coord(FILE *out, double v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%.2f", v);
	fputs(strcmp(buf, "-0.00") ? buf : "0.00", out);
}

static double angle(size_t i, size_t n)
{
	return -pi / 2.0 + 2.0 * pi * (double)i / (double)n;
}

static void point(FILE *out, size_t i, size_t n, double frac)
{
	double a = angle(i, n);

	coord(out, CX + RADIUS * frac * cos(a));
	fputc(',', out);
	coord(out, CY + RADIUS * frac * sin(a));
}

static void ring(FILE *out, size_t n, double frac)
{
	size_t i;

	if (n < 3) {
		fputs("  <circle cx=\"", out);
		coord(out, CX);
		fputs("\" cy=\"", out);
		coord(out, CY);
		fputs("\" r=\"", out);
		coord(out, RADIUS * frac);
		fputs("\" class=\"grid\"/>\n", out);
		return;
	}
	fputs("  <polygon class=\"grid\" points=\"", out);
	for (i = 0; i < n; i++) {
		if (i)
			fputc(' ', out);
		point(out, i, n, frac);
	}
	fputs("\"/>\n", out);
}

/* The top of the scale: the number of levels above 0 (at least 1). */
static double top_level(const ys_questionnaire *q)
{
	return q->n_levels > 1 ? (double)(q->n_levels - 1) : 1.0;
}

/* Distance from the centre as a share of the radius. Dividing maturity
 * and target by the same top level keeps their order, so a point is on
 * or outside the target line exactly when maturity >= target. */
static double maturity_frac(const ys_questionnaire *q, const ys_area_score *as)
{
	double f;

	if (as->state != YS_AREA_ASSESSED)
		return 0.0;
	f = as->maturity / top_level(q);
	return f < 0.0 ? 0.0 : f > 1.0 ? 1.0 : f;
}

static double target_frac(const ys_questionnaire *q, const ys_area_score *as)
{
	double f = (double)as->target / top_level(q);

	return f > 1.0 ? 1.0 : f;
}

/* Writes one label line of at most LABEL_CHARS columns from *s, breaking
 * at a space, and advances *s. */
/* Writes the first n bytes of s escaped for XML; false when out of
 * memory (the report then fails with ENOMEM, never a cut label). */
static bool xml_prefix(FILE *out, const char *s, size_t n)
{
	char *cut = ys_strndup(s, n);

	if (!cut)
		return false;
	ys_xml_str(out, cut);
	ys_free(cut);
	return true;
}

static bool label_line(FILE *out, const char **s)
{
	const char *p = *s, *brk = NULL;
	size_t fit, len = strlen(p);
	fit = ys_text_fit(p, len, LABEL_CHARS, NULL);
	if (fit < len) {
		const char *c;

		for (c = p + fit; c > p; c--) {
			if (*c == ' ') {
				brk = c;
				break;
			}
		}
		if (brk)
			fit = (size_t)(brk - p);
		else if (fit == 0)
			fit = ys_utf8_decode(p, len, &(uint32_t){0});
	}
	if (!xml_prefix(out, p, fit))
		return false;
	p += fit;
	while (*p == ' ')
		p++;
	*s = p;
	return true;
}

static bool label(FILE *out, const ys_report *r, size_t i, size_t n)
{
	const ys_area_score *as = &r->s->areas[i];
	double a = angle(i, n), x, y, c = cos(a), s = sin(a);
	const char *anchor, *rest = r->q->areas[i].title;
	int lines = 0;

	x = CX + (RADIUS + 14.0) * c;
	y = CY + (RADIUS + 14.0) * s;
	anchor = c > 0.2 ? "start" : c < -0.2 ? "end" : "middle";
	/* Labels above the chart grow upwards, so the title ends near it. */
	if (s < -0.5)
		y -= 30.0;
	else if (s > 0.5)
		y += 10.0;
	else
		y -= 6.0;
	fprintf(out, "  <text class=\"label\" text-anchor=\"%s\" x=\"", anchor);
	coord(out, x);
	fputs("\" y=\"", out);
	coord(out, y);
	fputs("\">", out);
	while (*rest && lines < 3) {
		fputs("<tspan x=\"", out);
		coord(out, x);
		fputs(lines ? "\" dy=\"14\">" : "\" dy=\"0\">", out);
		if (lines == 2 && ys_text_width(rest, strlen(rest)) > LABEL_CHARS) {
			size_t fit = ys_text_fit(rest, strlen(rest),
						 LABEL_CHARS - 3, NULL);

			if (!xml_prefix(out, rest, fit))
				return false;
			fputs("...", out);
			rest += strlen(rest);
		} else if (!label_line(out, &rest)) {
			return false;
		}
		fputs("</tspan>", out);
		lines++;
	}
	fputs("<tspan class=\"value\" x=\"", out);
	coord(out, x);
	fputs("\" dy=\"15\">", out);
	if (as->state == YS_AREA_ASSESSED) {
		char m[YS_FIGURE_BUF];

		fprintf(out, "maturity %s, level %d ",
			ys_maturity_str(as->maturity, m), as->level);
		ys_xml_str(out, ys_level_name(r->q, as->level));
	} else {
		fputs(as->state == YS_AREA_NOT_ASSESSED ? "not assessed"
			: "not applicable", out);
	}
	fputs("</tspan></text>\n", out);
	return true;
}

static void polygon(FILE *out, const ys_report *r, bool target)
{
	size_t i, n = r->s->n_areas;

	fprintf(out, "  <polygon class=\"%s\" points=\"",
		target ? "target" : "maturity");
	for (i = 0; i < n; i++) {
		const ys_area_score *as = &r->s->areas[i];

		if (i)
			fputc(' ', out);
		point(out, i, n, target ? target_frac(r->q, as)
				       : maturity_frac(r->q, as));
	}
	fputs("\"/>\n", out);
}

static bool header(FILE *out, const ys_report *r)
{
	const char *org;
	char date[11];
	size_t fit;

	fputs("  <text class=\"title\" x=\"24\" y=\"36\">", out);
	ys_xml_str(out, r->q->title);
	fputs(", version ", out);
	ys_xml_str(out, r->q->version);
	fputs("</text>\n  <text class=\"subtitle\" x=\"24\" y=\"58\">", out);
	org = r->a->organisation ? r->a->organisation
				 : "Organisation not recorded";
	fit = ys_text_fit(org, strlen(org), 60, NULL);
	if (!xml_prefix(out, org, fit))
		return false;
	if (fit < strlen(org))
		fputs("...", out);
	ys_report_date(r->a->updated ? r->a->updated : r->a->created, date);
	if (date[0])
		fprintf(out, ", %s", date);
	if (r->s->provisional)
		fputs(" (provisional)", out);
	if (r->s->assessed) {
		char m[YS_FIGURE_BUF];

		fprintf(out, ". Overall maturity %s of %.0f",
			ys_maturity_str(r->s->maturity, m), top_level(r->q));
	}
	fputs("</text>\n", out);
	return true;
}

static void legend(FILE *out, const ys_report *r)
{
	double y = SVG_H - 36.0;

	fputs("  <rect class=\"maturity\" x=\"24\" y=\"", out);
	coord(out, y - 11.0);
	fputs("\" width=\"16\" height=\"12\"/>\n  <text class=\"legend\" "
	      "x=\"48\" y=\"", out);
	coord(out, y);
	fprintf(out, "\">Maturity, 0 to %.0f</text>\n", top_level(r->q));
	if (!r->s->has_target)
		return;
	fputs("  <line class=\"target\" x1=\"260\" y1=\"", out);
	coord(out, y - 5.0);
	fputs("\" x2=\"284\" y2=\"", out);
	coord(out, y - 5.0);
	fputs("\"/>\n  <text class=\"legend\" x=\"292\" y=\"", out);
	coord(out, y);
	fputs("\">Target \xE2\x80\x9C", out);
	ys_xml_str(out, r->s->target_name ? r->s->target_name : "");
	fputs("\xE2\x80\x9D: an area meets it when its point is on or "
	      "outside this line</text>\n", out);
}

/* One plotted area: a dot at its maturity with the figures it is drawn
 * from, so the drawing can be checked against them. */
static void dot(FILE *out, const ys_report *r, size_t i, size_t n)
{
	const ys_area_score *as = &r->s->areas[i];
	double f = maturity_frac(r->q, as);
	char exact[32];

	fputs("  <circle class=\"dot\" data-area=\"", out);
	ys_xml_str(out, r->q->areas[i].id);
	fprintf(out, "\" data-maturity=\"%s\"", ys_format_exact(as->maturity,
							      exact));
	if (r->s->has_target)
		fprintf(out, " data-target=\"%u\"", as->target);
	fputs(" cx=\"", out);
	coord(out, CX + RADIUS * f * cos(angle(i, n)));
	fputs("\" cy=\"", out);
	coord(out, CY + RADIUS * f * sin(angle(i, n)));
	fputs("\" r=\"3.5\"/>\n", out);
}

int ys_report_svg(const ys_report *r, FILE *out)
{
	size_t i, lv, n = r->s->n_areas;
	size_t top = r->q->n_levels > 1 ? r->q->n_levels - 1 : 1;

	if (n > r->q->n_areas)
		n = r->q->n_areas;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
		"height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\">\n",
		SVG_W, SVG_H, SVG_W, SVG_H);
	fputs("  <title>Scorecard: ", out);
	ys_xml_str(out, r->q->title);
	fputs("</title>\n", out);
	fputs("  <style>\n"
	      "    text { font-family: sans-serif; fill: #222222; }\n"
	      "    .title { font-size: 20px; font-weight: bold; }\n"
	      "    .subtitle { font-size: 14px; }\n"
	      "    .label { font-size: 12px; }\n"
	      "    .value { font-size: 11px; fill: #555555; }\n"
	      "    .legend { font-size: 12px; }\n"
	      "    .tick { font-size: 10px; fill: #595959; }\n"
	      "    .grid { fill: none; stroke: #cccccc; stroke-width: 1; }\n"
	      "    .spoke { stroke: #cccccc; stroke-width: 1; }\n"
	      "    .maturity { fill: #1d70b8; fill-opacity: 0.35; stroke: #1d70b8; stroke-width: 2; }\n"
	      "    .dot { fill: #1d70b8; }\n"
	      "    .target { fill: none; stroke: #d4351c; stroke-width: 2; stroke-dasharray: 6 4; }\n"
	      "  </style>\n", out);
	fprintf(out, "  <rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" "
		"fill=\"#ffffff\"/>\n", SVG_W, SVG_H);
	if (!header(out, r))
		return ENOMEM;
	for (lv = 1; lv <= top; lv++)
		ring(out, n, (double)lv / (double)top);
	for (i = 0; i < n; i++) {
		fputs("  <line class=\"spoke\" x1=\"", out);
		coord(out, CX);
		fputs("\" y1=\"", out);
		coord(out, CY);
		fputs("\" x2=\"", out);
		coord(out, CX + RADIUS * cos(angle(i, n)));
		fputs("\" y2=\"", out);
		coord(out, CY + RADIUS * sin(angle(i, n)));
		fputs("\"/>\n", out);
	}
	/* Each ring is named by its level, along the upward spoke. */
	for (lv = 1; lv <= top; lv++) {
		fputs("  <text class=\"tick\" x=\"", out);
		coord(out, CX + 4.0);
		fputs("\" y=\"", out);
		coord(out, CY - RADIUS * (double)lv / (double)top + 12.0);
		fprintf(out, "\">%zu ", lv);
		ys_xml_str(out, ys_level_name(r->q, (long)lv));
		fputs("</text>\n", out);
	}
	if (n > 0) {
		polygon(out, r, false);
		if (r->s->has_target)
			polygon(out, r, true);
		for (i = 0; i < n; i++)
			if (r->s->areas[i].state == YS_AREA_ASSESSED)
				dot(out, r, i, n);
		for (i = 0; i < n; i++)
			if (!label(out, r, i, n))
				return ENOMEM;
	}
	legend(out, r);
	fputs("</svg>\n", out);
	return ys_report_status(out);
}
