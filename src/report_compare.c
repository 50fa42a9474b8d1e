/* Comparison of two assessments (yardstick compare): per-area maturity
 * and level changes with their direction, target status changes, the answers
 * that changed, and, when the two files were answered against different
 * versions of the questionnaire, the areas and questions only one of them
 * has (everything else is compared on what they share, matched by id).
 *
 * Directions compare what the scorecards show: levels, and maturity in
 * tenths rounded down (so "1.4 -> 1.4" is never called a rise); the JSON
 * also carries the exact values. */
#include <errno.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report_priv.h"
#include "report_qdiff.h"
#include "yardstick/alloc.h"
#include "yardstick/compare.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"

/* One area present in both questionnaires. */
typedef struct cmp_area {
	size_t oi, ni;          /* area index in old_q and new_q */
} cmp_area;

/* One question present in both, whose answer changed. */
typedef struct cmp_q {
	size_t oi, ni;          /* question index in old_q and new_q */
} cmp_q;

typedef struct cmp {
	const ys_compare *c;
	cmp_area *areas;
	size_t n_areas;
	cmp_q *changed;
	size_t n_changed;
	size_t n_shared_q;
	size_t *only_old_areas, n_only_old_areas, cap_only_old_areas;
	size_t *only_new_areas, n_only_new_areas, cap_only_new_areas;
	size_t *only_old_q, n_only_old_q, cap_only_old_q;
	size_t *only_new_q, n_only_new_q, cap_only_new_q;
	bool same_questionnaire;
} cmp;

static bool push(size_t **v, size_t *n, size_t *cap, size_t x)
{
	if (!YS_GROW(*v, *cap, *n + 1))
		return false;
	(*v)[(*n)++] = x;
	return true;
}

static const char *raw_answer(const ys_answers *a, size_t i)
{
	const ys_response *r = ys_report_response(a, i);

	return r ? r->answer : NULL;
}

static void cmp_free(cmp *m)
{
	ys_free(m->areas);
	ys_free(m->changed);
	ys_free(m->only_old_areas);
	ys_free(m->only_new_areas);
	ys_free(m->only_old_q);
	ys_free(m->only_new_q);
}

static bool cmp_build(cmp *m, const ys_compare *c)
{
	const ys_questionnaire *oq = c->old_q, *nq = c->new_q;
	size_t i;

	memset(m, 0, sizeof(*m));
	m->c = c;
	m->same_questionnaire = oq == nq || !strcmp(oq->sha256, nq->sha256);
	m->areas = ys_calloc(nq->n_areas ? nq->n_areas : 1, sizeof(*m->areas));
	m->changed = ys_calloc(nq->n_questions ? nq->n_questions : 1,
			       sizeof(*m->changed));
	if (!m->areas || !m->changed)
		return false;
	for (i = 0; i < nq->n_areas; i++) {
		long oi = ys_questionnaire_area_index(oq, nq->areas[i].id);

		if (oi < 0) {
			if (!push(&m->only_new_areas, &m->n_only_new_areas,
				  &m->cap_only_new_areas, i))
				return false;
			continue;
		}
		m->areas[m->n_areas].oi = (size_t)oi;
		m->areas[m->n_areas++].ni = i;
	}
	for (i = 0; i < oq->n_areas; i++)
		if (ys_questionnaire_area_index(nq, oq->areas[i].id) < 0 &&
		    !push(&m->only_old_areas, &m->n_only_old_areas,
			  &m->cap_only_old_areas, i))
			return false;
	for (i = 0; i < nq->n_questions; i++) {
		const ys_question *o =
			ys_questionnaire_find_question(oq, nq->questions[i].id);

		if (!o) {
			if (!push(&m->only_new_q, &m->n_only_new_q,
				  &m->cap_only_new_q, i))
				return false;
			continue;
		}
		m->n_shared_q++;
		if (!ys_str_eq(raw_answer(c->old_a, o->index),
			       raw_answer(c->new_a, i))) {
			m->changed[m->n_changed].oi = o->index;
			m->changed[m->n_changed++].ni = i;
		}
	}
	for (i = 0; i < oq->n_questions; i++)
		if (!ys_questionnaire_find_question(nq, oq->questions[i].id) &&
		    !push(&m->only_old_q, &m->n_only_old_q,
			  &m->cap_only_old_q, i))
			return false;
	return true;
}

/* ---- shared wording ---- */

static const char *direction(long from, long to)
{
	return to > from ? "up" : to < from ? "down" : "same";
}

static bool assessed(const ys_area_score *as)
{
	return as->state == YS_AREA_ASSESSED;
}

/* "now met", "no longer met", "still met", "still not met", or "" when
 * either side has no target profile. */
static const char *target_change(const ys_score *os, const ys_score *ns,
				 const ys_area_score *o, const ys_area_score *n)
{
	if (!os->has_target || !ns->has_target)
		return "";
	if (o->target_met && n->target_met)
		return "still met";
	if (o->target_met)
		return "no longer met";
	if (n->target_met)
		return "now met";
	return "still not met";
}

static void level_cell(char *buf, size_t len, const ys_area_score *o,
		       const ys_area_score *n)
{
	char a[8], b[8];

	snprintf(a, sizeof(a), "%d", o->level);
	snprintf(b, sizeof(b), "%d", n->level);
	snprintf(buf, len, "%s -> %s%s%s", assessed(o) ? a : "-",
		 assessed(n) ? b : "-",
		 assessed(o) && assessed(n) ? " " : "",
		 assessed(o) && assessed(n) ? direction(o->level, n->level)
					    : "");
}

/* Maturity as the scorecards show it, in tenths: 1.97 -> 19. */
static long tenths(const ys_area_score *as)
{
	return ys_round_tenths_down(as->maturity);
}

/* A figure's change as the scorecards show it: "1.0 -> 1.5 up 0.5" for
 * maturity (tenths, rounded down), "72 -> 80 up 8" for a practice score;
 * "-" for a side that has no figure. With parens the direction is put in
 * brackets, as the summary lines have it: "1.4 -> 1.6 (up 0.2)". */
static void change_cell(char *buf, size_t len, bool has_old, double old,
			bool has_new, double new, bool maturity, bool parens)
{
	char a[YS_FIGURE_BUF], b[YS_FIGURE_BUF], d[YS_FIGURE_BUF];
	long uo = maturity ? ys_round_tenths_down(old) : ys_practice_shown(old);
	long un = maturity ? ys_round_tenths_down(new) : ys_practice_shown(new);
	long diff = labs(un - uo);

	if (maturity) {
		ys_maturity_str(old, a);
		ys_maturity_str(new, b);
		snprintf(d, sizeof(d), "%ld.%ld", diff / 10, diff % 10);
	} else {
		snprintf(a, sizeof(a), "%ld", uo);
		snprintf(b, sizeof(b), "%ld", un);
		snprintf(d, sizeof(d), "%ld", diff);
	}
	if (has_old && has_new) {
		if (un == uo)
			snprintf(buf, len, parens ? "%s -> %s (same)"
				 : "%s -> %s same", a, b);
		else
			snprintf(buf, len, parens ? "%s -> %s (%s %s)"
				 : "%s -> %s %s %s", a, b, direction(uo, un), d);
	} else {
		snprintf(buf, len, "%s -> %s", has_old ? a : "-",
			 has_new ? b : "-");
	}
}

static void maturity_cell(char *buf, size_t len, const ys_area_score *o,
			  const ys_area_score *n)
{
	change_cell(buf, len, assessed(o), o->maturity, assessed(n),
		    n->maturity, true, false);
}

static void practice_cell(char *buf, size_t len, const ys_area_score *o,
			  const ys_area_score *n)
{
	change_cell(buf, len, assessed(o), o->practice, assessed(n),
		    n->practice, false, false);
}

static const char *file_date(const ys_answers *a, char buf[11])
{
	ys_report_date(a->updated ? a->updated : a->created, buf);
	return buf[0] ? buf : "no date";
}

/* ---- text ---- */

static void text_header(ys_tw *t, const cmp *m)
{
	const ys_compare *c = m->c;
	const char *k = "                ";
	char d1[11], d2[11];

	char *title = ys_tw_plain(t, c->new_q->title);

	if (!title)
		return;
	ys_tw_paraf(t, "", "", "Comparison: %s", title);
	ys_tw_rule(t, '=', ys_tw_width(title) + 12);
	fputc('\n', t->out);
	ys_free(title);
	ys_tw_paraf(t, "Old:            ", k, "%s (%s, questionnaire version %s)",
	      c->old_name, file_date(c->old_a, d1), c->old_q->version);
	ys_tw_paraf(t, "New:            ", k, "%s (%s, questionnaire version %s)",
	      c->new_name, file_date(c->new_a, d2), c->new_q->version);
	if (ys_str_eq(c->old_a->organisation, c->new_a->organisation))
		ys_tw_para(t, "Organisation:   ", k, c->new_a->organisation
		     ? c->new_a->organisation : "(not recorded)");
	else
		ys_tw_paraf(t, "Organisation:   ", k, "%s (old), %s (new)",
		      c->old_a->organisation ? c->old_a->organisation
		      : "(not recorded)",
		      c->new_a->organisation ? c->new_a->organisation
		      : "(not recorded)");
	if (m->same_questionnaire)
		ys_tw_paraf(t, "Questionnaire:  ", k, "both use version %s",
		      c->new_q->version);
	else
		ys_tw_paraf(t, "Questionnaire:  ", k, "old version %s, new version "
		      "%s: compared on the %zu questions they share (%zu only "
		      "in the old version, %zu only in the new)",
		      c->old_q->version, c->new_q->version, m->n_shared_q,
		      m->n_only_old_q, m->n_only_new_q);
	ys_tw_paraf(t, "Completion:     ", k, "%zu of %zu -> %zu of %zu questions "
	      "answered (%s -> %s)", c->old_s->answered, c->old_s->total,
	      c->new_s->answered, c->new_s->total,
	      c->old_s->provisional ? "provisional" : "final",
	      c->new_s->provisional ? "provisional" : "final");
	if (!ys_str_eq(c->old_s->target_name, c->new_s->target_name))
		ys_tw_paraf(t, "Target:         ", k, "%s (old), %s (new)",
		      c->old_s->has_target ? c->old_s->target_name : "none",
		      c->new_s->has_target ? c->new_s->target_name : "none");
	else
		ys_tw_para(t, "Target:         ", k, c->new_s->has_target
		     ? c->new_s->target_name : "none");
}

static void text_summary(ys_tw *t, const cmp *m)
{
	const ys_score *os = m->c->old_s, *ns = m->c->new_s;
	const char *k = "                   ";
	size_t i, up = 0, down = 0, same = 0;

	ys_tw_heading(t, "SUMMARY");
	if (os->assessed && ns->assessed) {
		char buf[96];

		change_cell(buf, sizeof(buf), true, os->maturity, true,
			    ns->maturity, true, true);
		ys_tw_para(t, "Overall maturity:  ", k, buf);
		change_cell(buf, sizeof(buf), true, os->practice, true,
			    ns->practice, false, true);
		ys_tw_para(t, "Practice score:    ", k, buf);
	} else {
		ys_tw_para(t, "Overall maturity:  ", k, "not available on both sides");
	}
	if (os->has_percent_to_target && ns->has_percent_to_target)
		ys_tw_paraf(t, "Percent to target: ", k, "%ld%% -> %ld%%",
		      ys_percent_shown(os->percent_to_target),
		      ys_percent_shown(ns->percent_to_target));
	ys_tw_paraf(t, "Ownership clarity: ", k, "%ld%% -> %ld%%",
	      ys_percent_shown(os->ownership_clarity),
	      ys_percent_shown(ns->ownership_clarity));
	for (i = 0; i < m->n_areas; i++) {
		const ys_area_score *o = &os->areas[m->areas[i].oi];
		const ys_area_score *n = &ns->areas[m->areas[i].ni];

		if (!assessed(o) || !assessed(n))
			continue;
		if (n->level > o->level)
			up++;
		else if (n->level < o->level)
			down++;
		else
			same++;
	}
	ys_tw_paraf(t, "Levels:            ", k, "%zu %s up, %zu down, %zu the same "
	      "(areas assessed in both)", up, up == 1 ? "area" : "areas", down,
	      same);
	ys_tw_paraf(t, "Answers changed:   ", k, "%zu", m->n_changed);
}

static void text_areas(ys_tw *t, const cmp *m)
{
	const ys_compare *c = m->c;
	char lv[48], sc[48];
	char pr[48];
	bool wide;
	/* The widest cells: "1.5 -> 1.4 down 0.1" (19) and
	 * "100 -> 0 down 100" (17). */
	size_t i, title_w, widest = 4, fixed = 2 + 19 + 2 + 12 + 2 + 17 + 2 + 13;

	ys_tw_heading(t, "AREAS");
	/* Narrow reports leave the practice score column out of the table;
	 * the summary above still gives the overall practice score. */
	wide = t->width >= fixed + 4;
	if (!wide)
		fixed -= 2 + 17;
	title_w = t->width > fixed + 8 ? t->width - fixed : 8;
	/* No wider than the widest title needs. */
	for (i = 0; i < m->n_areas; i++) {
		char *title = ys_tw_plain(t, c->new_q->areas[m->areas[i].ni].title);

		if (title && ys_tw_width(title) > widest)
			widest = ys_tw_width(title);
		ys_free(title);
	}
	if (title_w > widest)
		title_w = widest;
	ys_tw_cell(t, "Area", title_w);
	if (wide)
		fprintf(t->out, "  %-19s  %-12s  %-17s  %s\n", "Maturity",
			"Level", "Practice", "Target");
	else
		fprintf(t->out, "  %-19s  %-12s  %s\n", "Maturity", "Level",
			"Target");
	ys_tw_rule(t, '-', title_w + fixed);
	for (i = 0; i < m->n_areas; i++) {
		const ys_area_score *o = &c->old_s->areas[m->areas[i].oi];
		const ys_area_score *n = &c->new_s->areas[m->areas[i].ni];
		char *title = ys_tw_plain(t, c->new_q->areas[m->areas[i].ni].title);
		char row[256];
		size_t len;

		if (!title)
			return;
		level_cell(lv, sizeof(lv), o, n);
		maturity_cell(sc, sizeof(sc), o, n);
		practice_cell(pr, sizeof(pr), o, n);
		if (ys_tw_width(title) > title_w) {
			ys_tw_para(t, "", "  ", title);
			ys_tw_cell(t, "", title_w);
		} else {
			ys_tw_cell(t, title, title_w);
		}
		if (wide)
			snprintf(row, sizeof(row), "  %-19s  %-12s  %-17s  %s", sc,
				 lv, pr, target_change(c->old_s, c->new_s, o, n));
		else
			snprintf(row, sizeof(row), "  %-19s  %-12s  %s", sc, lv,
				 target_change(c->old_s, c->new_s, o, n));
		len = strlen(row);
		while (len > 0 && row[len - 1] == ' ')
			row[--len] = '\0';
		fprintf(t->out, "%s\n", row);
		ys_free(title);
	}
	for (i = 0; i < m->n_only_old_areas; i++)
		ys_tw_paraf(t, "* ", "  ", "%s: only in the old version",
		      c->old_q->areas[m->only_old_areas[i]].title);
	for (i = 0; i < m->n_only_new_areas; i++)
		ys_tw_paraf(t, "* ", "  ", "%s: only in the new version",
		      c->new_q->areas[m->only_new_areas[i]].title);
}

static void text_changed(ys_tw *t, const cmp *m)
{
	const ys_compare *c = m->c;
	size_t i;

	ys_tw_heading(t, "CHANGED ANSWERS");
	if (!m->n_changed) {
		ys_tw_para(t, "", "", "None: every shared question has the same answer.");
		return;
	}
	for (i = 0; i < m->n_changed; i++) {
		const ys_question *oqn = &c->old_q->questions[m->changed[i].oi];
		const ys_question *nqn = &c->new_q->questions[m->changed[i].ni];

		if (i)
			fputc('\n', t->out);
		ys_tw_paraf(t, "* ", "  ", "%s (%s, level %u)", nqn->id,
		      c->new_q->areas[nqn->area].title, nqn->level);
		ys_tw_para(t, "  ", "  ", nqn->text);
		ys_tw_paraf(t, "  ", "  ", "Old: %s. New: %s.",
		      ys_answer_text(oqn, ys_report_response(c->old_a, oqn->index)),
		      ys_answer_text(nqn, ys_report_response(c->new_a, nqn->index)));
	}
}

/* ---- what changed between the versions (report_qdiff.c) ---- */

static void qdiff_text(ys_tw *t, const cmp *m)
{
	ys_qdiff d;

	if (!ys_qdiff_build(m->c->old_q, m->c->new_q, &d)) {
		t->oom = true;
		return;
	}
	ys_qdiff_write_text(t, &d, m->c->old_q, m->c->new_q);
	ys_qdiff_free(&d);
}

static bool qdiff_markdown(FILE *out, const cmp *m)
{
	ys_qdiff d;
	bool ok;

	if (!ys_qdiff_build(m->c->old_q, m->c->new_q, &d))
		return false;
	ok = ys_qdiff_write_markdown(out, &d, m->c->old_q, m->c->new_q);
	ys_qdiff_free(&d);
	return ok;
}

static bool qdiff_json(FILE *out, const cmp *m)
{
	ys_qdiff d;

	if (!ys_qdiff_build(m->c->old_q, m->c->new_q, &d))
		return false;
	ys_qdiff_write_json(out, &d, m->c->old_q, m->c->new_q);
	ys_qdiff_free(&d);
	return true;
}

static void text_versions(ys_tw *t, const cmp *m)
{
	const ys_compare *c = m->c;

	if (m->same_questionnaire)
		return;
	ys_tw_heading(t, "QUESTIONNAIRE DIFFERENCES");
	ys_tw_paraf(t, "", "", "The files were answered against different versions "
	      "of the questionnaire (%s and %s). Only the %zu questions they "
	      "share are compared above; each side's maturity and levels are "
	      "worked out on its own version.", c->old_q->version,
	      c->new_q->version, m->n_shared_q);
	fputc('\n', t->out);
	qdiff_text(t, m);
}

static int write_text(const cmp *m, FILE *out)
{
	ys_tw t = {0};

	t.out = out;
	t.width = ys_report_width(m->c->width);
	t.ascii = m->c->ascii;
	text_header(&t, m);
	text_summary(&t, m);
	text_areas(&t, m);
	text_changed(&t, m);
	text_versions(&t, m);
	return t.oom ? ENOMEM : ys_report_status(out);
}

/* ---- Markdown ---- */

static void md(FILE *out, const char *s)
{
	ys_md_str(out, s, false);
}

static int write_markdown(const cmp *m, FILE *out)
{
	const ys_compare *c = m->c;
	const ys_score *os = c->old_s, *ns = c->new_s;
	char d1[11], d2[11], lv[48], sc[96], pr[48];
	size_t i;

	fputs("# Comparison: ", out);
	md(out, c->new_q->title);
	fputs("\n\n- **Old:** ", out);
	md(out, c->old_name);
	fprintf(out, " (%s, questionnaire version ", file_date(c->old_a, d1));
	md(out, c->old_q->version);
	fputs(")\n- **New:** ", out);
	md(out, c->new_name);
	fprintf(out, " (%s, questionnaire version ", file_date(c->new_a, d2));
	md(out, c->new_q->version);
	fputs(")\n- **Organisation:** ", out);
	md(out, c->new_a->organisation ? c->new_a->organisation
	   : "(not recorded)");
	if (!ys_str_eq(c->old_a->organisation, c->new_a->organisation)) {
		fputs(" (old: ", out);
		md(out, c->old_a->organisation ? c->old_a->organisation
		   : "(not recorded)");
		fputc(')', out);
	}
	fprintf(out, "\n- **Completion:** %zu of %zu -> %zu of %zu questions "
		"answered (%s -> %s)\n", os->answered, os->total, ns->answered,
		ns->total, os->provisional ? "provisional" : "final",
		ns->provisional ? "provisional" : "final");
	if (!m->same_questionnaire)
		fprintf(out, "- **Questionnaire:** different versions: compared "
			"on the %zu questions they share (%zu only in the old "
			"version, %zu only in the new)\n", m->n_shared_q,
			m->n_only_old_q, m->n_only_new_q);
	if (os->assessed && ns->assessed) {
		change_cell(sc, sizeof(sc), true, os->maturity, true,
			    ns->maturity, true, true);
		fprintf(out, "- **Overall maturity:** %s\n", sc);
		change_cell(sc, sizeof(sc), true, os->practice, true,
			    ns->practice, false, true);
		fprintf(out, "- **Practice score:** %s\n", sc);
	}
	if (os->has_percent_to_target && ns->has_percent_to_target)
		fprintf(out, "- **Percent to target:** %ld%% -> %ld%%\n",
			ys_percent_shown(os->percent_to_target),
			ys_percent_shown(ns->percent_to_target));
	fprintf(out, "- **Ownership clarity:** %ld%% -> %ld%%\n",
		ys_percent_shown(os->ownership_clarity),
		ys_percent_shown(ns->ownership_clarity));

	fputs("\n## Areas\n\n| Area | Maturity | Level | Practice score | Target |\n"
	      "| --- | --- | --- | --- | --- |\n", out);
	for (i = 0; i < m->n_areas; i++) {
		const ys_area_score *o = &os->areas[m->areas[i].oi];
		const ys_area_score *n = &ns->areas[m->areas[i].ni];

		level_cell(lv, sizeof(lv), o, n);
		maturity_cell(sc, sizeof(sc), o, n);
		practice_cell(pr, sizeof(pr), o, n);
		fputs("| ", out);
		md(out, c->new_q->areas[m->areas[i].ni].title);
		fprintf(out, " | %s | %s | %s | %s |\n", sc, lv, pr,
			target_change(os, ns, o, n));
	}
	fputs("\n## Changed answers\n\n", out);
	if (!m->n_changed)
		fputs("None: every shared question has the same answer.\n", out);
	else
		fputs("| Question | Area | Text | Old | New |\n"
		      "| --- | --- | --- | --- | --- |\n", out);
	for (i = 0; i < m->n_changed; i++) {
		const ys_question *oqn = &c->old_q->questions[m->changed[i].oi];
		const ys_question *nqn = &c->new_q->questions[m->changed[i].ni];

		fputs("| ", out);
		md(out, nqn->id);
		fputs(" | ", out);
		md(out, c->new_q->areas[nqn->area].title);
		fputs(" | ", out);
		md(out, nqn->text);
		fputs(" | ", out);
		md(out, ys_answer_text(oqn, ys_report_response(c->old_a, oqn->index)));
		fputs(" | ", out);
		md(out, ys_answer_text(nqn, ys_report_response(c->new_a, nqn->index)));
		fputs(" |\n", out);
	}
	if (!m->same_questionnaire) {
		fputs("\n## Questionnaire differences\n\nThe files were "
		      "answered against different versions of the "
		      "questionnaire (", out);
		md(out, c->old_q->version);
		fputs(" and ", out);
		md(out, c->new_q->version);
		fputs("); each side is scored on its own version.\n", out);
		if (!qdiff_markdown(out, m))
			return ENOMEM;
	}
	return ys_report_status(out);
}

/* ---- JSON ---- */

static void j_side_area(FILE *out, const ys_questionnaire *q,
			const ys_score *s, const ys_area_score *as)
{
	if (!assessed(as)) {
		fprintf(out, "{\"level\": null, \"maturity\": null, "
			"\"maturity_exact\": null, \"practice_score\": null, "
			"\"practice_score_exact\": null, \"target_met\": %s}",
			s->has_target ? "false" : "null");
		return;
	}
	fprintf(out, "{\"level\": %d, \"level_name\": ", as->level);
	ys_json_str(out, ys_level_name(q, as->level));
	{
		char m[YS_FIGURE_BUF];

		fprintf(out, ", \"maturity\": %s, \"maturity_exact\": ",
			ys_maturity_str(as->maturity, m));
	}
	ys_json_exact(out, as->maturity);
	fprintf(out, ", \"practice_score\": %ld, \"practice_score_exact\": ",
		ys_practice_shown(as->practice));
	ys_json_exact(out, as->practice);
	fprintf(out, ", \"target_met\": %s}",
		!s->has_target ? "null" : as->target_met ? "true" : "false");
}

static void j_side(FILE *out, const char *name, const ys_questionnaire *q,
		   const ys_answers *a, const ys_score *s)
{
	char d[11];

	fputs("{\"file\": ", out);
	ys_json_str(out, name);
	fputs(", \"organisation\": ", out);
	ys_json_str(out, a->organisation);
	fputs(", \"date\": ", out);
	ys_report_date(a->updated ? a->updated : a->created, d);
	ys_json_str(out, d[0] ? d : NULL);
	fputs(", \"questionnaire_version\": ", out);
	ys_json_str(out, q->version);
	fputs(", \"questionnaire_sha256\": ", out);
	ys_json_str(out, q->sha256);
	fprintf(out, ", \"provisional\": %s, \"answered\": %zu, \"total\": %zu",
		s->provisional ? "true" : "false", s->answered, s->total);
	fputs(", \"target\": ", out);
	ys_json_str(out, s->has_target ? s->target_name : NULL);
	if (s->assessed) {
		char m[YS_FIGURE_BUF];

		fprintf(out, ", \"maturity\": %s, \"maturity_exact\": ",
			ys_maturity_str(s->maturity, m));
		ys_json_exact(out, s->maturity);
		fprintf(out, ", \"practice_score\": %ld, "
			"\"practice_score_exact\": ",
			ys_practice_shown(s->practice));
		ys_json_exact(out, s->practice);
	} else {
		fputs(", \"maturity\": null, \"maturity_exact\": null, "
		      "\"practice_score\": null, \"practice_score_exact\": null",
		      out);
	}
	fputs(", \"ownership_clarity_exact\": ", out);
	ys_json_exact(out, s->ownership_clarity);
	fputc('}', out);
}

static void j_ids(FILE *out, const ys_questionnaire *q, const size_t *v,
		  size_t n, bool areas)
{
	size_t i;

	fputc('[', out);
	for (i = 0; i < n; i++) {
		if (i)
			fputs(", ", out);
		ys_json_str(out, areas ? q->areas[v[i]].id : q->questions[v[i]].id);
	}
	fputc(']', out);
}

/* A change in tenths as a JSON number: -3 -> "-0.3", 12 -> "1.2". */
static const char *signed_tenths(long d, char buf[YS_FIGURE_BUF])
{
	snprintf(buf, YS_FIGURE_BUF, "%s%ld.%ld", d < 0 ? "-" : "",
		 labs(d) / 10, labs(d) % 10);
	return buf;
}

static int write_json(const cmp *m, FILE *out)
{
	const ys_compare *c = m->c;
	const ys_score *os = c->old_s, *ns = c->new_s;
	char tb[YS_FIGURE_BUF];
	size_t i;

	fputs("{\n  \"format\": \"yardstick-compare/2\",\n  \"questionnaire\": ",
	      out);
	ys_json_str(out, c->new_q->id);
	fputs(",\n  \"old\": ", out);
	j_side(out, c->old_name, c->old_q, c->old_a, os);
	fputs(",\n  \"new\": ", out);
	j_side(out, c->new_name, c->new_q, c->new_a, ns);
	fprintf(out, ",\n  \"same_questionnaire\": %s,\n  \"shared_questions\": %zu",
		m->same_questionnaire ? "true" : "false", m->n_shared_q);
	if (os->assessed && ns->assessed)
		fprintf(out, ",\n  \"maturity_change\": %s",
			signed_tenths(ys_round_tenths_down(ns->maturity) -
				      ys_round_tenths_down(os->maturity), tb));
	else
		fputs(",\n  \"maturity_change\": null", out);
	fputs(",\n  \"areas\": [", out);
	for (i = 0; i < m->n_areas; i++) {
		const ys_area_score *o = &os->areas[m->areas[i].oi];
		const ys_area_score *n = &ns->areas[m->areas[i].ni];
		bool both = assessed(o) && assessed(n);
		const char *tc = target_change(os, ns, o, n);

		fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
		ys_json_str(out, c->new_q->areas[m->areas[i].ni].id);
		fputs(", \"title\": ", out);
		ys_json_str(out, c->new_q->areas[m->areas[i].ni].title);
		fputs(",\n     \"old\": ", out);
		j_side_area(out, c->old_q, os, o);
		fputs(",\n     \"new\": ", out);
		j_side_area(out, c->new_q, ns, n);
		if (both) {
			long to = tenths(o), tn = tenths(n);

			fprintf(out, ",\n     \"level_change\": %d, "
				"\"level_direction\": \"%s\", "
				"\"maturity_change\": %s, "
				"\"maturity_direction\": \"%s\", "
				"\"maturity_change_exact\": ",
				n->level - o->level,
				direction(o->level, n->level),
				signed_tenths(tn - to, tb), direction(to, tn));
			ys_json_exact(out, n->maturity - o->maturity);
			fprintf(out, ", \"practice_change\": %ld, "
				"\"practice_direction\": \"%s\"",
				ys_practice_shown(n->practice) -
				ys_practice_shown(o->practice),
				direction(ys_practice_shown(o->practice),
					  ys_practice_shown(n->practice)));
		} else {
			fputs(",\n     \"level_change\": null, \"level_direction\": "
			      "null, \"maturity_change\": null, "
			      "\"maturity_direction\": null, "
			      "\"maturity_change_exact\": null, "
			      "\"practice_change\": null, "
			      "\"practice_direction\": null", out);
		}
		fputs(", \"target_change\": ", out);
		ys_json_str(out, tc[0] ? tc : NULL);
		fputc('}', out);
	}
	fputs(m->n_areas ? "\n  ],\n  \"changed_answers\": [" :
	      "],\n  \"changed_answers\": [", out);
	for (i = 0; i < m->n_changed; i++) {
		const ys_question *oqn = &c->old_q->questions[m->changed[i].oi];
		const ys_question *nqn = &c->new_q->questions[m->changed[i].ni];
		const ys_response *ro = ys_report_response(c->old_a, oqn->index);
		const ys_response *rn = ys_report_response(c->new_a, nqn->index);

		fputs(i ? ",\n    {\"id\": " : "\n    {\"id\": ", out);
		ys_json_str(out, nqn->id);
		fputs(", \"area\": ", out);
		ys_json_str(out, c->new_q->areas[nqn->area].id);
		fputs(", \"old\": ", out);
		ys_json_str(out, ro ? ro->answer : NULL);
		fputs(", \"new\": ", out);
		ys_json_str(out, rn ? rn->answer : NULL);
		fputs(", \"old_label\": ", out);
		ys_json_str(out, ys_answer_text(oqn, ro));
		fputs(", \"new_label\": ", out);
		ys_json_str(out, ys_answer_text(nqn, rn));
		fputc('}', out);
	}
	fputs(m->n_changed ? "\n  ],\n" : "],\n", out);
	fputs("  \"only_old_areas\": ", out);
	j_ids(out, c->old_q, m->only_old_areas, m->n_only_old_areas, true);
	fputs(",\n  \"only_new_areas\": ", out);
	j_ids(out, c->new_q, m->only_new_areas, m->n_only_new_areas, true);
	fputs(",\n  \"only_old_questions\": ", out);
	j_ids(out, c->old_q, m->only_old_q, m->n_only_old_q, false);
	fputs(",\n  \"only_new_questions\": ", out);
	j_ids(out, c->new_q, m->only_new_q, m->n_only_new_q, false);
	fputs(",\n  \"questionnaire_changes\": ", out);
	if (!qdiff_json(out, m))
		return ENOMEM;
	fputs("\n}\n", out);
	return ys_report_status(out);
}

int ys_compare_write(const ys_compare *c, ys_compare_format f, FILE *out)
{
	cmp m;
	int rc;

	if (!cmp_build(&m, c)) {
		cmp_free(&m);
		return ENOMEM;
	}
	switch (f) {
	case YS_COMPARE_MARKDOWN:
		rc = write_markdown(&m, out);
		break;
	case YS_COMPARE_JSON:
		rc = write_json(&m, out);
		break;
	case YS_COMPARE_TEXT:
	default:
		rc = write_text(&m, out);
		break;
	}
	cmp_free(&m);
	return rc;
}
