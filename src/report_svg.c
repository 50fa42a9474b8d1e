/* The scorecard as an SVG chart for slides, on the maturity scale (0 to
 * the top level, one named gridline or ring per level), in one of two
 * forms:
 *
 * - a radar for 3 to 12 areas: one spoke per area, the centre 0 and the
 *   outer ring the top level; the maturity of the assessed areas as a
 *   filled polygon (or, when some area is not assessed, as segments
 *   between neighbouring assessed spokes, leaving a gap) and the target
 *   levels as a dashed polygon, so an area's point lies on or outside
 *   the target line exactly when its target is met;
 * - horizontal bars for 1, 2 or more than 12 areas: one row per area, a
 *   bar from 0 as long as its maturity and the target drawn as a mark
 *   across the bar, so the bar reaches the mark exactly when the target
 *   is met. The canvas grows with the number of rows.
 *
 * An area that is not assessed is not plotted (never as zero): its label
 * says "not assessed" and a hollow marker sits at the end of its spoke or
 * the start of its row. Each plotted area (a radar point or a bar)
 * carries data-area, data-maturity and data-target, so the drawing can be
 * checked against the numbers.
 *
 * Text never runs off the canvas: widths are estimated conservatively at
 * 0.6 em a display column (0.65 em in bold; CJK and emoji count two
 * columns), and titles are wrapped, then shortened with an ellipsis, to
 * the room they have. Fonts are the generic sans-serif family only.
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
#define MARGIN 12.0             /* no text closer than this to an edge */

/* Radar geometry (tests/golden/reports/check-consistency.py uses it). */
#define RADAR_H 720.0
#define CX 400.0
#define CY 370.0
#define RADIUS 190.0

/* Bar geometry. */
#define BAR_X0 300.0            /* where 0 is */
#define BAR_X1 760.0            /* where the top level is */
#define BAR_TOP 118.0           /* first row */
#define BAR_ROW 46.0            /* row height */
#define BAR_H 16.0              /* bar thickness */
#define TITLE_PX 270.0          /* room for an area title, left of the bars */

#define EM_PER_COL 0.6
#define EM_PER_COL_BOLD 0.65
#define ELLIPSIS "\xE2\x80\xA6"

static const double pi = 3.14159265358979323846;

/* A coordinate with two decimals, never "-0.00". */
static void coord(FILE *out, double v)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%.2f", v);
	fputs(strcmp(buf, "-0.00") ? buf : "0.00", out);
}

/* The number of display columns that fit in px at font size (px). */
static size_t cols_in(double px, double size, bool bold)
{
	double c = px / (size * (bold ? EM_PER_COL_BOLD : EM_PER_COL));

	return c < 1.0 ? 1 : (size_t)c;
}

/* The top of the scale: the number of levels above 0 (at least 1). */
static double top_level(const ys_questionnaire *q)
{
	return q->n_levels > 1 ? (double)(q->n_levels - 1) : 1.0;
}

/* Maturity and target as a share of the scale. Dividing both by the
 * same top level keeps their order, so a point or bar end is on or
 * beyond the target exactly when maturity >= target. */
static double maturity_frac(const ys_questionnaire *q, const ys_area_score *as)
{
	double f = as->maturity / top_level(q);

	return f < 0.0 ? 0.0 : f > 1.0 ? 1.0 : f;
}

static double target_frac(const ys_questionnaire *q, const ys_area_score *as)
{
	double f = (double)as->target / top_level(q);

	return f > 1.0 ? 1.0 : f;
}

/* ---- text that fits ---- */

#define MAX_LINES 4

/* Up to max lines of s wrapped to cols display columns; when more text
 * is left, the last line is shortened to end with an ellipsis. */
typedef struct lines {
	const char *s;
	size_t cols, max, n;
	const char *start[MAX_LINES];
	size_t len[MAX_LINES];
	bool more;
} lines;

static void take_line(void *ctx, const char *line, size_t len)
{
	lines *l = ctx;

	if (l->n < l->max) {
		l->start[l->n] = line;
		l->len[l->n] = len;
		l->n++;
	} else {
		l->more = true;
	}
}

static void wrap_lines(lines *l, const char *s, size_t cols, size_t max)
{
	memset(l, 0, sizeof(*l));
	l->s = s;
	l->cols = cols;
	l->max = max > MAX_LINES ? MAX_LINES : max;
	ys_wrap(s, cols, take_line, l);
}

/* Writes line k of l escaped for XML (with its ellipsis); false when out
 * of memory. */
static bool line_out(FILE *out, const lines *l, size_t k)
{
	size_t len = l->len[k];
	bool cut = l->more && k + 1 == l->n;
	char *part;

	while (len > 0 && l->start[k][len - 1] == ' ')
		len--;
	if (cut)
		len = ys_text_fit(l->start[k], len, l->cols > 1 ? l->cols - 1 : 0,
				  NULL);
	part = ys_strndup(l->start[k], len);
	if (!part)
		return false;
	ys_xml_str(out, part);
	ys_free(part);
	if (cut)
		fputs(ELLIPSIS, out);
	return true;
}

/* Writes s shortened to cols columns (ellipsis when cut) as one line;
 * newlines become spaces. */
static bool short_out(FILE *out, const char *s, size_t cols)
{
	size_t len = strlen(s), fit;
	char *part;

	if (ys_text_width(s, len) <= cols) {
		ys_xml_str(out, s);
		return true;
	}
	fit = ys_text_fit(s, len, cols > 1 ? cols - 1 : 0, NULL);
	part = ys_strndup(s, fit);
	if (!part)
		return false;
	ys_xml_str(out, part);
	ys_free(part);
	if (fit < len)
		fputs(ELLIPSIS, out);
	return true;
}

/* "maturity 1.5," and "level 1 Initial", or "not assessed". */
static void value_words(const ys_area_score *as, char first[48])
{
	char m[YS_FIGURE_BUF];

	if (as->state == YS_AREA_ASSESSED)
		snprintf(first, 48, "maturity %s,", ys_maturity_str(as->maturity, m));
	else
		snprintf(first, 48, "%s", as->state == YS_AREA_NOT_ASSESSED
			 ? "not assessed" : "not applicable");
}

/* ---- header and legend ---- */

static bool header(FILE *out, const ys_report *r)
{
	const char *org;
	char date[11], tail[160];
	size_t room, tw;
	ys_sb b = {0};

	ys_sb_printf(&b, "%s, version %s", r->q->title, r->q->version);
	if (b.oom) {
		ys_sb_free(&b);
		return false;
	}
	fputs("  <text class=\"title\" x=\"24\" y=\"36\">", out);
	if (!short_out(out, b.buf, cols_in(SVG_W - 24 - MARGIN, 20.0, true))) {
		ys_sb_free(&b);
		return false;
	}
	ys_sb_free(&b);
	fputs("</text>\n  <text class=\"subtitle\" x=\"24\" y=\"60\">", out);
	org = r->a->organisation ? r->a->organisation
				 : "Organisation not recorded";
	tail[0] = '\0';
	ys_report_date(r->a->updated ? r->a->updated : r->a->created, date);
	if (date[0])
		snprintf(tail + strlen(tail), sizeof(tail) - strlen(tail), ", %s",
			 date);
	if (r->s->provisional)
		snprintf(tail + strlen(tail), sizeof(tail) - strlen(tail),
			 " (provisional)");
	if (r->s->assessed) {
		char m[YS_FIGURE_BUF];

		snprintf(tail + strlen(tail), sizeof(tail) - strlen(tail),
			 ". Overall maturity %s of %.0f",
			 ys_maturity_str(r->s->maturity, m), top_level(r->q));
	}
	room = cols_in(SVG_W - 24 - MARGIN, 14.0, false);
	tw = strlen(tail);
	if (!short_out(out, org, room > tw + 8 ? room - tw : 8))
		return false;
	fprintf(out, "%s</text>\n", tail);
	return true;
}

/* The legend at y: the maturity swatch, the target mark and, when some
 * area is not assessed, the hollow marker. */
static bool legend(FILE *out, const ys_report *r, double y, bool bars)
{
	size_t i;
	bool unassessed = false;

	fputs("  <rect class=\"maturity\" x=\"24\" y=\"", out);
	coord(out, y - 11.0);
	fputs("\" width=\"16\" height=\"12\"/>\n  <text class=\"legend\" "
	      "x=\"48\" y=\"", out);
	coord(out, y);
	fprintf(out, "\">%s, 0 to %.0f</text>\n",
		bars ? "Bar: maturity" : "Maturity", top_level(r->q));
	for (i = 0; i < r->s->n_areas; i++)
		if (r->s->areas[i].state == YS_AREA_NOT_ASSESSED)
			unassessed = true;
	if (unassessed) {
		fputs("  <circle class=\"unassessed\" cx=\"408\" cy=\"", out);
		coord(out, y - 5.0);
		fputs("\" r=\"5\"/>\n  <text class=\"legend\" x=\"420\" y=\"", out);
		coord(out, y);
		fputs("\">not assessed: not plotted</text>\n", out);
	}
	if (!r->s->has_target)
		return true;
	y += 20.0;
	if (bars) {
		fputs("  <line class=\"target-key\" x1=\"32\" y1=\"", out);
		coord(out, y - 12.0);
		fputs("\" x2=\"32\" y2=\"", out);
		coord(out, y + 2.0);
	} else {
		fputs("  <line class=\"target\" x1=\"24\" y1=\"", out);
		coord(out, y - 5.0);
		fputs("\" x2=\"40\" y2=\"", out);
		coord(out, y - 5.0);
	}
	fputs("\"/>\n  <text class=\"legend\" x=\"48\" y=\"", out);
	coord(out, y);
	fputs("\">Target \xE2\x80\x9C", out);
	if (!short_out(out, r->s->target_name ? r->s->target_name : "", 24))
		return false;
	fprintf(out, "\xE2\x80\x9D: met when the %s</text>\n",
		bars ? "bar reaches this mark" : "point is on or outside this line");
	return true;
}

/* ---- the radar ---- */

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

	fputs("  <polygon class=\"grid\" points=\"", out);
	for (i = 0; i < n; i++) {
		if (i)
			fputc(' ', out);
		point(out, i, n, frac);
	}
	fputs("\"/>\n", out);
}

/* The label of spoke i: up to 3 lines of title, then the value in two
 * lines, placed outside the ring and kept inside the canvas. */
static bool radar_label(FILE *out, const ys_report *r, size_t i, size_t n)
{
	const ys_area_score *as = &r->s->areas[i];
	double a = angle(i, n), c = cos(a), s = sin(a), x, y, room, y0;
	const char *anchor;
	char first[48];
	size_t k, nl;
	lines l;

	x = CX + (RADIUS + 14.0) * c;
	y = CY + (RADIUS + 14.0) * s;
	if (c > 0.2) {
		anchor = "start";
		room = SVG_W - MARGIN - x;
	} else if (c < -0.2) {
		anchor = "end";
		room = x - MARGIN;
	} else {
		anchor = "middle";
		room = 2.0 * (x < SVG_W - x ? x - MARGIN : SVG_W - MARGIN - x);
		if (room > 220.0)
			room = 220.0;
	}
	wrap_lines(&l, r->q->areas[i].title, cols_in(room, 12.0, false), 3);
	nl = l.n + 2;
	/* Label blocks above the chart end near it; below it they start
	 * near it; at the sides they are centred on the spoke's end. */
	if (s < -0.5)
		y0 = y - 14.0 * (double)(nl - 1) - 2.0;
	else if (s > 0.5)
		y0 = y + 12.0;
	else
		y0 = y - 7.0 * (double)(nl - 1) + 4.0;
	fprintf(out, "  <text class=\"label\" text-anchor=\"%s\" x=\"", anchor);
	coord(out, x);
	fputs("\" y=\"", out);
	coord(out, y0);
	fputs("\">", out);
	for (k = 0; k < l.n; k++) {
		fputs("<tspan x=\"", out);
		coord(out, x);
		fprintf(out, "\" dy=\"%s\">", k ? "14" : "0");
		if (!line_out(out, &l, k))
			return false;
		fputs("</tspan>", out);
	}
	value_words(as, first);
	fputs("<tspan class=\"value\" x=\"", out);
	coord(out, x);
	fprintf(out, "\" dy=\"%s\">", l.n ? "14" : "0");
	ys_xml_str(out, first);
	fputs("</tspan>", out);
	if (as->state == YS_AREA_ASSESSED) {
		ys_sb b = {0};

		ys_sb_printf(&b, "level %d %s", as->level,
			     ys_level_name(r->q, as->level));
		fputs("<tspan class=\"value\" x=\"", out);
		coord(out, x);
		fputs("\" dy=\"14\">", out);
		if (b.oom || !short_out(out, b.buf, cols_in(room, 11.0, false))) {
			ys_sb_free(&b);
			return false;
		}
		ys_sb_free(&b);
		fputs("</tspan>", out);
	}
	fputs("</text>\n", out);
	return true;
}

static void radar_dot(FILE *out, const ys_report *r, size_t i, size_t n)
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

static bool radar(FILE *out, const ys_report *r, size_t n)
{
	const ys_questionnaire *q = r->q;
	size_t i, lv, top = q->n_levels > 1 ? q->n_levels - 1 : 1;
	bool all = true;

	for (i = 0; i < n; i++)
		if (r->s->areas[i].state != YS_AREA_ASSESSED)
			all = false;
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
	if (all) {
		fputs("  <polygon class=\"maturity\" points=\"", out);
		for (i = 0; i < n; i++) {
			if (i)
				fputc(' ', out);
			point(out, i, n, maturity_frac(q, &r->s->areas[i]));
		}
		fputs("\"/>\n", out);
	} else {
		/* Only between neighbouring assessed spokes: an area that is
		 * not assessed leaves a gap, never a dip to zero. */
		bool any = false;

		for (i = 0; i < n; i++) {
			size_t j = (i + 1) % n;

			if (r->s->areas[i].state != YS_AREA_ASSESSED ||
			    r->s->areas[j].state != YS_AREA_ASSESSED)
				continue;
			fputs(any ? " M" : "  <path class=\"maturity-line\" d=\"M", out);
			any = true;
			point(out, i, n, maturity_frac(q, &r->s->areas[i]));
			fputs(" L", out);
			point(out, j, n, maturity_frac(q, &r->s->areas[j]));
		}
		if (any)
			fputs("\"/>\n", out);
	}
	if (r->s->has_target) {
		fputs("  <polygon class=\"target\" points=\"", out);
		for (i = 0; i < n; i++) {
			if (i)
				fputc(' ', out);
			point(out, i, n, target_frac(q, &r->s->areas[i]));
		}
		fputs("\"/>\n", out);
	}
	/* Each ring is named by its level, along the upward spoke. */
	for (lv = 1; lv <= top; lv++) {
		fputs("  <text class=\"tick\" x=\"", out);
		coord(out, CX + 4.0);
		fputs("\" y=\"", out);
		coord(out, CY - RADIUS * (double)lv / (double)top + 12.0);
		fprintf(out, "\">%zu ", lv);
		if (!short_out(out, ys_level_name(q, (long)lv), 16))
			return false;
		fputs("</text>\n", out);
	}
	for (i = 0; i < n; i++) {
		if (r->s->areas[i].state == YS_AREA_ASSESSED) {
			radar_dot(out, r, i, n);
		} else {
			fputs("  <circle class=\"unassessed\" cx=\"", out);
			coord(out, CX + RADIUS * cos(angle(i, n)));
			fputs("\" cy=\"", out);
			coord(out, CY + RADIUS * sin(angle(i, n)));
			fputs("\" r=\"5\"/>\n", out);
		}
	}
	for (i = 0; i < n; i++)
		if (!radar_label(out, r, i, n))
			return false;
	return legend(out, r, RADAR_H - 40.0, false);
}

/* ---- the bars ---- */

static double bar_x(double frac)
{
	return BAR_X0 + (BAR_X1 - BAR_X0) * frac;
}

static bool bars(FILE *out, const ys_report *r, size_t n, double height)
{
	const ys_questionnaire *q = r->q;
	size_t i, lv, top = q->n_levels > 1 ? q->n_levels - 1 : 1;
	double y_end = BAR_TOP + BAR_ROW * (double)n;
	double step = (BAR_X1 - BAR_X0) / (double)top;

	/* Gridlines at each level, named above the plot. */
	for (lv = 0; lv <= top; lv++) {
		double x = bar_x((double)lv / (double)top);
		const char *anchor = lv == 0 ? "start" : lv == top ? "end"
			: "middle";
		size_t cols = cols_in(lv == 0 || lv == top ? step / 2.0 + 20.0
				      : step - 6.0, 10.0, false);
		char num[24];

		fputs("  <line class=\"grid\" x1=\"", out);
		coord(out, x);
		fputs("\" y1=\"", out);
		coord(out, BAR_TOP - 10.0);
		fputs("\" x2=\"", out);
		coord(out, x);
		fputs("\" y2=\"", out);
		coord(out, y_end - 6.0);
		fprintf(out, "\"/>\n  <text class=\"tick\" text-anchor=\"%s\" x=\"",
			anchor);
		coord(out, x);
		fputs("\" y=\"", out);
		coord(out, BAR_TOP - 16.0);
		snprintf(num, sizeof(num), "%zu ", lv);
		fputs("\">", out);
		fputs(num, out);
		if (!short_out(out, ys_level_name(q, (long)lv),
			       cols > strlen(num) + 1 ? cols - strlen(num) : 1))
			return false;
		fputs("</text>\n", out);
	}
	for (i = 0; i < n; i++) {
		const ys_area_score *as = &r->s->areas[i];
		double y = BAR_TOP + BAR_ROW * (double)i;
		char first[48], exact[32];
		size_t k;
		lines l;

		/* The title, right-aligned against the bars, up to 2 lines;
		 * the value under the bar. */
		wrap_lines(&l, q->areas[i].title, cols_in(TITLE_PX, 12.0, false), 2);
		fputs("  <text class=\"label\" text-anchor=\"end\" x=\"", out);
		coord(out, BAR_X0 - 10.0);
		fputs("\" y=\"", out);
		coord(out, y + 12.0);
		fputs("\">", out);
		for (k = 0; k < l.n; k++) {
			fputs("<tspan x=\"", out);
			coord(out, BAR_X0 - 10.0);
			fprintf(out, "\" dy=\"%s\">", k ? "14" : "0");
			if (!line_out(out, &l, k))
				return false;
			fputs("</tspan>", out);
		}
		fputs("</text>\n", out);
		value_words(as, first);
		if (as->state == YS_AREA_ASSESSED) {
			double w = bar_x(maturity_frac(q, as)) - BAR_X0;
			ys_sb b = {0};

			fputs("  <rect class=\"bar\" data-area=\"", out);
			ys_xml_str(out, q->areas[i].id);
			fprintf(out, "\" data-maturity=\"%s\"",
				ys_format_exact(as->maturity, exact));
			if (r->s->has_target)
				fprintf(out, " data-target=\"%u\"", as->target);
			fputs(" x=\"", out);
			coord(out, BAR_X0);
			fputs("\" y=\"", out);
			coord(out, y);
			fputs("\" width=\"", out);
			coord(out, w);
			fprintf(out, "\" height=\"%.0f\"/>\n", BAR_H);
			ys_sb_printf(&b, "%s level %d %s", first, as->level,
				     ys_level_name(q, as->level));
			fputs("  <text class=\"value\" x=\"", out);
			coord(out, BAR_X0);
			fputs("\" y=\"", out);
			coord(out, y + BAR_H + 13.0);
			fputs("\">", out);
			if (b.oom || !short_out(out, b.buf,
					       cols_in(BAR_X1 + 30.0 - BAR_X0,
						       11.0, false))) {
				ys_sb_free(&b);
				return false;
			}
			ys_sb_free(&b);
			fputs("</text>\n", out);
		} else {
			fputs("  <circle class=\"unassessed\" cx=\"", out);
			coord(out, BAR_X0 + 6.0);
			fputs("\" cy=\"", out);
			coord(out, y + BAR_H / 2.0);
			fputs("\" r=\"5\"/>\n  <text class=\"value\" x=\"", out);
			coord(out, BAR_X0 + 16.0);
			fputs("\" y=\"", out);
			coord(out, y + 12.0);
			fputs("\">", out);
			ys_xml_str(out, first);
			fputs("</text>\n", out);
		}
		if (r->s->has_target) {
			double x = bar_x(target_frac(q, as));

			fputs("  <line class=\"target-mark\" x1=\"", out);
			coord(out, x);
			fputs("\" y1=\"", out);
			coord(out, y - 4.0);
			fputs("\" x2=\"", out);
			coord(out, x);
			fputs("\" y2=\"", out);
			coord(out, y + BAR_H + 4.0);
			fputs("\"/>\n", out);
		}
	}
	return legend(out, r, height - 44.0, true);
}

int ys_report_svg(const ys_report *r, FILE *out)
{
	size_t n = r->s->n_areas;
	bool radar_form;
	double height;

	if (n > r->q->n_areas)
		n = r->q->n_areas;
	radar_form = n >= 3 && n <= 12;
	height = radar_form ? RADAR_H
		: BAR_TOP + BAR_ROW * (double)(n ? n : 1) + 64.0;
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", out);
	fprintf(out, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" "
		"height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" "
		"data-form=\"%s\">\n", SVG_W, height, SVG_W, height,
		radar_form ? "radar" : "bars");
	fputs("  <title>Scorecard: ", out);
	ys_xml_str(out, r->q->title);
	fputs("</title>\n", out);
	fputs("  <style>\n"
	      "    text { font-family: sans-serif; fill: #222222; }\n"
	      "    .title { font-size: 20px; font-weight: bold; }\n"
	      "    .subtitle { font-size: 14px; }\n"
	      "    .label { font-size: 12px; }\n"
	      "    .value { font-size: 11px; fill: #505050; }\n"
	      "    .legend { font-size: 12px; }\n"
	      "    .tick { font-size: 10px; fill: #505050; }\n"
	      "    .grid { fill: none; stroke: #cccccc; stroke-width: 1; }\n"
	      "    .spoke { stroke: #cccccc; stroke-width: 1; }\n"
	      "    .maturity { fill: #1d70b8; fill-opacity: 0.35; stroke: #1d70b8; stroke-width: 2; }\n"
	      "    .maturity-line { fill: none; stroke: #1d70b8; stroke-width: 2; }\n"
	      "    .bar { fill: #1d70b8; }\n"
	      "    .dot { fill: #1d70b8; }\n"
	      "    .unassessed { fill: #ffffff; stroke: #505050; stroke-width: 1.5; }\n"
	      "    .target { fill: none; stroke: #d4351c; stroke-width: 2; stroke-dasharray: 6 4; }\n"
	      "    .target-mark, .target-key { stroke: #d4351c; stroke-width: 3; }\n"
	      "  </style>\n", out);
	fprintf(out, "  <rect x=\"0\" y=\"0\" width=\"%.0f\" height=\"%.0f\" "
		"fill=\"#ffffff\"/>\n", SVG_W, height);
	if (!header(out, r))
		return ENOMEM;
	if (radar_form) {
		if (!radar(out, r, n))
			return ENOMEM;
	} else if (!bars(out, r, n, height)) {
		return ENOMEM;
	}
	fputs("</svg>\n", out);
	return ys_report_status(out);
}
