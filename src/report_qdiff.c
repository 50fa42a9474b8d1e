/* What changed between two versions of a questionnaire, as a part of
 * compare's text, Markdown and JSON reports; see report_qdiff.h. The
 * differences themselves come from qdiff.c. */
#include <stdio.h>
#include <string.h>

#include "report_qdiff.h"
#include "yardstick/alloc.h"
#include "yardstick/strbuf.h"

static const char *area_title(const ys_questionnaire *q, const ys_question *qn)
{
	return q->areas[qn->area].title;
}

/* "cyber 3 -> 4, data none -> 4": the areas (of either version) where
 * target t of oq and target u of nq set different levels. The caller
 * frees the result; NULL when memory runs out. */
static char *target_changes(const ys_questionnaire *oq, const ys_target *t,
			    const ys_questionnaire *nq, const ys_target *u)
{
	ys_sb sb = {0};
	size_t i;

	for (i = 0; i < nq->n_areas; i++) {
		const char *id = nq->areas[i].id;
		unsigned a = ys_qdiff_target_level(oq, t, id), b = u->levels[i];

		if (ys_questionnaire_area_index(oq, id) < 0 || a == b)
			continue;
		if (sb.len)
			ys_sb_puts(&sb, ", ");
		ys_sb_puts(&sb, id);
		if (a)
			ys_sb_printf(&sb, " %u -> ", a);
		else
			ys_sb_puts(&sb, " none -> ");
		if (b)
			ys_sb_printf(&sb, "%u", b);
		else
			ys_sb_puts(&sb, "none");
	}
	return ys_sb_take(&sb);
}

/* What changed in how question o (of oq) and n (of nq) count their
 * answers: "No longer meets the practice: Most. Now meets it: Some. Not
 * an answer any more: Partly. New answer: Mostly." Labels are the new
 * version's where the key is in both. The caller frees the result; NULL
 * when memory runs out. */
static char *scale_changes(const ys_questionnaire *oq, const ys_question *o,
			   const ys_questionnaire *nq, const ys_question *n)
{
	static const char *const heads[] = {
		"No longer meets the practice: ", "Now meets it: ",
		"Not an answer any more: ", "New answer: ",
	};
	ys_sb sb = {0};
	size_t kind, i;

	for (kind = 0; kind < 4; kind++) {
		const ys_question *side = kind == 3 ? n : o;
		bool any = false;

		for (i = 0; i < side->n_options; i++) {
			const char *key = side->options[i].key;
			int was = ys_qdiff_meets(oq, o, key);
			int now = ys_qdiff_meets(nq, n, key);
			long ni = ys_question_option_index(n, key);
			bool hit = kind == 0 ? was == 1 && now == 0
				 : kind == 1 ? was == 0 && now == 1
				 : kind == 2 ? now < 0 : was < 0;

			if (!hit)
				continue;
			ys_sb_puts(&sb, any ? ", " : sb.len ? ". " : "");
			if (!any)
				ys_sb_puts(&sb, heads[kind]);
			any = true;
			ys_sb_puts(&sb, ni >= 0 ? n->options[ni].label
					      : side->options[i].label);
		}
	}
	if (sb.len)
		ys_sb_putc(&sb, '.');
	return ys_sb_take(&sb);
}

/* ---- text ---- */

static void text_group(ys_tw *t, const char *title, size_t n, bool *first)
{
	if (!*first)
		fputc('\n', t->out);
	*first = false;
	ys_tw_paraf(t, "", "", "%s (%zu):", title, n);
}

static void text_names(ys_tw *t, const ys_qdiff *d, const ys_questionnaire *oq,
		       const ys_questionnaire *nq, bool *first)
{
	size_t n = d->n_levels + d->n_targets_renamed + d->n_targets_removed +
		   d->n_targets_added + d->n_targets_changed +
		   (d->threshold_changed ? 1 : 0);
	size_t i;

	if (!n)
		return;
	text_group(t, "Levels, targets and threshold", n, first);
	for (i = 0; i < d->n_levels; i++) {
		const ys_qdiff_level *l = &d->levels[i];

		if (l->old_name && l->new_name)
			ys_tw_paraf(t, "* ", "  ", "Level %u is now called %s "
				    "(was %s).", l->index, l->new_name, l->old_name);
		else if (l->new_name)
			ys_tw_paraf(t, "* ", "  ", "Level %u, %s, is new.",
				    l->index, l->new_name);
		else
			ys_tw_paraf(t, "* ", "  ", "Level %u, %s, is gone.",
				    l->index, l->old_name);
	}
	for (i = 0; i < d->n_targets_renamed; i++)
		ys_tw_paraf(t, "* ", "  ", "Target %s is now called %s, with "
			    "the same levels.", d->targets_renamed[i].old_t->name,
			    d->targets_renamed[i].new_t->name);
	for (i = 0; i < d->n_targets_removed; i++)
		ys_tw_paraf(t, "* ", "  ", "Target %s is no longer in the "
			    "questionnaire.", d->targets_removed[i]->name);
	for (i = 0; i < d->n_targets_added; i++)
		ys_tw_paraf(t, "* ", "  ", "Target %s is new.",
			    d->targets_added[i]->name);
	for (i = 0; i < d->n_targets_changed; i++) {
		const ys_qdiff_target *c = &d->targets_changed[i];
		char *what = target_changes(oq, c->old_t, nq, c->new_t);

		if (!what) {
			t->oom = true;
			return;
		}
		ys_tw_paraf(t, "* ", "  ", "Target %s sets other levels: %s.",
			    c->new_t->name, what);
		ys_free(what);
	}
	if (d->threshold_changed)
		ys_tw_paraf(t, "* ", "  ", "A practice now counts as met from "
			    "an answer worth %.2f (was %.2f).", d->new_threshold,
			    d->old_threshold);
}

static void text_areas(ys_tw *t, const char *title, const ys_area *const *v,
		       size_t n, bool *first)
{
	size_t i;

	if (!n)
		return;
	text_group(t, title, n, first);
	for (i = 0; i < n; i++)
		ys_tw_paraf(t, "* ", "  ", "%s: %s", v[i]->id, v[i]->title);
}

static void text_questions(ys_tw *t, const char *title,
			   const ys_questionnaire *q,
			   const ys_question *const *v, size_t n, bool *first)
{
	size_t i;

	if (!n)
		return;
	text_group(t, title, n, first);
	for (i = 0; i < n; i++) {
		ys_tw_paraf(t, "* ", "  ", "%s (%s, level %u)", v[i]->id,
			    area_title(q, v[i]), v[i]->level);
		ys_tw_para(t, "  ", "  ", v[i]->text);
	}
}

static void text_moved(ys_tw *t, const ys_qdiff *d, const ys_questionnaire *oq,
		       const ys_questionnaire *nq, bool *first)
{
	size_t i;

	if (!d->n_moved)
		return;
	text_group(t, "Questions moved to another level or area", d->n_moved,
		   first);
	for (i = 0; i < d->n_moved; i++) {
		const ys_question *o = d->moved[i].old_qn, *n = d->moved[i].new_qn;

		if (strcmp(oq->areas[o->area].id, nq->areas[n->area].id) != 0)
			ys_tw_paraf(t, "* ", "  ", "%s (%s, level %u -> %s, "
				    "level %u)", n->id, area_title(oq, o), o->level,
				    area_title(nq, n), n->level);
		else
			ys_tw_paraf(t, "* ", "  ", "%s (%s, level %u -> %u)",
				    n->id, area_title(nq, n), o->level, n->level);
		ys_tw_para(t, "  ", "  ", n->text);
	}
}

static void text_rescaled(ys_tw *t, const ys_qdiff *d,
			  const ys_questionnaire *oq,
			  const ys_questionnaire *nq, bool *first)
{
	size_t i;

	if (!d->n_rescaled)
		return;
	text_group(t, "Questions whose answers count differently",
		   d->n_rescaled, first);
	for (i = 0; i < d->n_rescaled; i++) {
		const ys_question *o = d->rescaled[i].old_qn;
		const ys_question *n = d->rescaled[i].new_qn;
		char *what = scale_changes(oq, o, nq, n);

		if (!what) {
			t->oom = true;
			return;
		}
		ys_tw_paraf(t, "* ", "  ", "%s (%s, level %u)", n->id,
			    area_title(nq, n), n->level);
		ys_tw_para(t, "  ", "  ", n->text);
		ys_tw_para(t, "  ", "  ", what);
		ys_free(what);
	}
}

void ys_qdiff_write_text(ys_tw *t, const ys_qdiff *d,
			 const ys_questionnaire *oq,
			 const ys_questionnaire *nq)
{
	bool first = true;

	if (d->same)
		return;
	text_names(t, d, oq, nq, &first);
	text_areas(t, "Areas added", d->areas_added, d->n_areas_added, &first);
	text_areas(t, "Areas removed", d->areas_removed, d->n_areas_removed,
		   &first);
	text_questions(t, "Questions added", nq, d->added, d->n_added, &first);
	text_questions(t, "Questions removed", oq, d->removed, d->n_removed,
		       &first);
	text_moved(t, d, oq, nq, &first);
	text_rescaled(t, d, oq, nq, &first);
	if (!d->n_added && !d->n_removed && !d->n_moved && !d->n_rescaled) {
		if (!first)
			fputc('\n', t->out);
		ys_tw_para(t, "", "", "No questions were added, removed or "
			   "moved; wording, help or answers may differ.");
	}
}

/* ---- Markdown ---- */

static void md(FILE *out, const char *s)
{
	ys_md_str(out, s, false);
}

static void md_question_table(FILE *out, const char *title,
			      const ys_questionnaire *q,
			      const ys_question *const *v, size_t n)
{
	size_t i;

	if (!n)
		return;
	fprintf(out, "\n### %s (%zu)\n\n| Question | Area | Level | Text |\n"
		"| --- | --- | --- | --- |\n", title, n);
	for (i = 0; i < n; i++) {
		fputs("| ", out);
		md(out, v[i]->id);
		fputs(" | ", out);
		md(out, area_title(q, v[i]));
		fprintf(out, " | %u | ", v[i]->level);
		md(out, v[i]->text);
		fputs(" |\n", out);
	}
}

static void md_areas(FILE *out, const char *title, const ys_area *const *v,
		     size_t n)
{
	size_t i;

	if (!n)
		return;
	fprintf(out, "\n### %s (%zu)\n\n", title, n);
	for (i = 0; i < n; i++) {
		fputs("- ", out);
		md(out, v[i]->id);
		fputs(": ", out);
		md(out, v[i]->title);
		fputc('\n', out);
	}
}

bool ys_qdiff_write_markdown(FILE *out, const ys_qdiff *d,
			     const ys_questionnaire *oq,
			     const ys_questionnaire *nq)
{
	size_t i, n;

	if (d->same)
		return true;
	n = d->n_levels + d->n_targets_renamed + d->n_targets_removed +
	    d->n_targets_added + d->n_targets_changed +
	    (d->threshold_changed ? 1 : 0);
	if (n)
		fputs("\n### Levels, targets and threshold\n\n", out);
	for (i = 0; i < d->n_levels; i++) {
		const ys_qdiff_level *l = &d->levels[i];

		fprintf(out, "- Level %u ", l->index);
		if (l->old_name && l->new_name) {
			fputs("is now called ", out);
			md(out, l->new_name);
			fputs(" (was ", out);
			md(out, l->old_name);
			fputs(").\n", out);
		} else {
			fputs(l->new_name ? "is new: " : "is gone: ", out);
			md(out, l->new_name ? l->new_name : l->old_name);
			fputs(".\n", out);
		}
	}
	for (i = 0; i < d->n_targets_renamed; i++) {
		fputs("- Target ", out);
		md(out, d->targets_renamed[i].old_t->name);
		fputs(" is now called ", out);
		md(out, d->targets_renamed[i].new_t->name);
		fputs(", with the same levels.\n", out);
	}
	for (i = 0; i < d->n_targets_removed; i++) {
		fputs("- Target ", out);
		md(out, d->targets_removed[i]->name);
		fputs(" is no longer in the questionnaire.\n", out);
	}
	for (i = 0; i < d->n_targets_added; i++) {
		fputs("- Target ", out);
		md(out, d->targets_added[i]->name);
		fputs(" is new.\n", out);
	}
	for (i = 0; i < d->n_targets_changed; i++) {
		const ys_qdiff_target *c = &d->targets_changed[i];
		char *what = target_changes(oq, c->old_t, nq, c->new_t);

		if (!what)
			return false;
		fputs("- Target ", out);
		md(out, c->new_t->name);
		fputs(" sets other levels: ", out);
		md(out, what);
		fputs(".\n", out);
		ys_free(what);
	}
	if (d->threshold_changed)
		fprintf(out, "- A practice now counts as met from an answer "
			"worth %.2f (was %.2f).\n", d->new_threshold,
			d->old_threshold);
	md_areas(out, "Areas added", d->areas_added, d->n_areas_added);
	md_areas(out, "Areas removed", d->areas_removed, d->n_areas_removed);
	md_question_table(out, "Questions added", nq, d->added, d->n_added);
	md_question_table(out, "Questions removed", oq, d->removed, d->n_removed);
	if (d->n_moved)
		fprintf(out, "\n### Questions moved to another level or area "
			"(%zu)\n\n| Question | Area | Level | Text |\n"
			"| --- | --- | --- | --- |\n", d->n_moved);
	for (i = 0; i < d->n_moved; i++) {
		const ys_question *o = d->moved[i].old_qn, *q = d->moved[i].new_qn;

		fputs("| ", out);
		md(out, q->id);
		fputs(" | ", out);
		if (strcmp(oq->areas[o->area].id, nq->areas[q->area].id) != 0) {
			md(out, area_title(oq, o));
			fputs(" -> ", out);
		}
		md(out, area_title(nq, q));
		fprintf(out, " | %u -> %u | ", o->level, q->level);
		md(out, q->text);
		fputs(" |\n", out);
	}
	if (d->n_rescaled)
		fprintf(out, "\n### Questions whose answers count differently "
			"(%zu)\n\n| Question | Area | Level | Change |\n"
			"| --- | --- | --- | --- |\n", d->n_rescaled);
	for (i = 0; i < d->n_rescaled; i++) {
		const ys_question *o = d->rescaled[i].old_qn;
		const ys_question *q = d->rescaled[i].new_qn;
		char *what = scale_changes(oq, o, nq, q);

		if (!what)
			return false;
		fputs("| ", out);
		md(out, q->id);
		fputs(" | ", out);
		md(out, area_title(nq, q));
		fprintf(out, " | %u | ", q->level);
		md(out, what);
		fputs(" |\n", out);
		ys_free(what);
	}
	if (!d->n_added && !d->n_removed && !d->n_moved && !d->n_rescaled)
		fputs("\nNo questions were added, removed or moved; wording, "
		      "help or answers may differ.\n", out);
	return true;
}

/* ---- JSON ---- */

static void j_areas(FILE *out, const char *key, const ys_area *const *v,
		    size_t n)
{
	size_t i;

	fprintf(out, ",\n    \"%s\": [", key);
	for (i = 0; i < n; i++) {
		fputs(i ? ", {\"id\": " : "{\"id\": ", out);
		ys_json_str(out, v[i]->id);
		fputs(", \"title\": ", out);
		ys_json_str(out, v[i]->title);
		fputc('}', out);
	}
	fputc(']', out);
}

static void j_questions(FILE *out, const char *key, const ys_questionnaire *q,
			const ys_question *const *v, size_t n)
{
	size_t i;

	fprintf(out, ",\n    \"%s\": [", key);
	for (i = 0; i < n; i++) {
		fputs(i ? ",\n      {\"id\": " : "\n      {\"id\": ", out);
		ys_json_str(out, v[i]->id);
		fputs(", \"area\": ", out);
		ys_json_str(out, q->areas[v[i]->area].id);
		fprintf(out, ", \"level\": %u}", v[i]->level);
	}
	fputs(n ? "\n    ]" : "]", out);
}

/* The answer keys of one kind of scale change, as scale_changes. */
static void j_keys(FILE *out, const ys_questionnaire *oq, const ys_question *o,
		   const ys_questionnaire *nq, const ys_question *n, int kind)
{
	const ys_question *side = kind == 3 ? n : o;
	size_t i, k = 0;

	fputc('[', out);
	for (i = 0; i < side->n_options; i++) {
		const char *key = side->options[i].key;
		int was = ys_qdiff_meets(oq, o, key), now = ys_qdiff_meets(nq, n, key);
		bool hit = kind == 0 ? was == 1 && now == 0
			 : kind == 1 ? was == 0 && now == 1
			 : kind == 2 ? now < 0 : was < 0;

		if (!hit)
			continue;
		if (k++)
			fputs(", ", out);
		ys_json_str(out, key);
	}
	fputc(']', out);
}

static void j_names(FILE *out, const ys_target *const *v, size_t n)
{
	size_t i;

	fputc('[', out);
	for (i = 0; i < n; i++) {
		if (i)
			fputs(", ", out);
		ys_json_str(out, v[i]->name);
	}
	fputc(']', out);
}

static void j_target_levels(FILE *out, const ys_questionnaire *oq,
			    const ys_target *t, const ys_questionnaire *nq,
			    const ys_target *u)
{
	size_t i, k = 0;

	fputc('[', out);
	for (i = 0; i < nq->n_areas; i++) {
		const char *id = nq->areas[i].id;
		unsigned a = ys_qdiff_target_level(oq, t, id), b = u->levels[i];

		if (ys_questionnaire_area_index(oq, id) < 0 || a == b)
			continue;
		fputs(k++ ? ", {\"area\": " : "{\"area\": ", out);
		ys_json_str(out, id);
		fprintf(out, ", \"old\": %u, \"new\": %u}", a, b);
	}
	fputc(']', out);
}

void ys_qdiff_write_json(FILE *out, const ys_qdiff *d,
			 const ys_questionnaire *oq,
			 const ys_questionnaire *nq)
{
	size_t i;

	fprintf(out, "{\n    \"same\": %s,\n    \"levels_renamed\": [",
		d->same ? "true" : "false");
	for (i = 0; i < d->n_levels; i++) {
		fprintf(out, "%s{\"level\": %u, \"old\": ", i ? ", " : "",
			d->levels[i].index);
		ys_json_str(out, d->levels[i].old_name);
		fputs(", \"new\": ", out);
		ys_json_str(out, d->levels[i].new_name);
		fputc('}', out);
	}
	fputs("],\n    \"threshold\": ", out);
	if (d->threshold_changed) {
		fputs("{\"old\": ", out);
		ys_json_exact(out, d->old_threshold);
		fputs(", \"new\": ", out);
		ys_json_exact(out, d->new_threshold);
		fputc('}', out);
	} else {
		fputs("null", out);
	}
	j_areas(out, "areas_added", d->areas_added, d->n_areas_added);
	j_areas(out, "areas_removed", d->areas_removed, d->n_areas_removed);
	j_questions(out, "questions_added", nq, d->added, d->n_added);
	j_questions(out, "questions_removed", oq, d->removed, d->n_removed);
	fputs(",\n    \"questions_moved\": [", out);
	for (i = 0; i < d->n_moved; i++) {
		const ys_question *o = d->moved[i].old_qn, *n = d->moved[i].new_qn;

		fputs(i ? ",\n      {\"id\": " : "\n      {\"id\": ", out);
		ys_json_str(out, n->id);
		fputs(", \"old_area\": ", out);
		ys_json_str(out, oq->areas[o->area].id);
		fputs(", \"new_area\": ", out);
		ys_json_str(out, nq->areas[n->area].id);
		fprintf(out, ", \"old_level\": %u, \"new_level\": %u}", o->level,
			n->level);
	}
	fputs(d->n_moved ? "\n    ]" : "]", out);
	fputs(",\n    \"questions_rescaled\": [", out);
	for (i = 0; i < d->n_rescaled; i++) {
		const ys_question *o = d->rescaled[i].old_qn;
		const ys_question *n = d->rescaled[i].new_qn;

		fputs(i ? ",\n      {\"id\": " : "\n      {\"id\": ", out);
		ys_json_str(out, n->id);
		fputs(", \"no_longer_met\": ", out);
		j_keys(out, oq, o, nq, n, 0);
		fputs(", \"now_met\": ", out);
		j_keys(out, oq, o, nq, n, 1);
		fputs(", \"removed\": ", out);
		j_keys(out, oq, o, nq, n, 2);
		fputs(", \"added\": ", out);
		j_keys(out, oq, o, nq, n, 3);
		fputc('}', out);
	}
	fputs(d->n_rescaled ? "\n    ],\n    \"targets_renamed\": [" :
	      "],\n    \"targets_renamed\": [", out);
	for (i = 0; i < d->n_targets_renamed; i++) {
		fputs(i ? ", {\"old\": " : "{\"old\": ", out);
		ys_json_str(out, d->targets_renamed[i].old_t->name);
		fputs(", \"new\": ", out);
		ys_json_str(out, d->targets_renamed[i].new_t->name);
		fputc('}', out);
	}
	fputs("],\n    \"targets_removed\": ", out);
	j_names(out, d->targets_removed, d->n_targets_removed);
	fputs(",\n    \"targets_added\": ", out);
	j_names(out, d->targets_added, d->n_targets_added);
	fputs(",\n    \"targets_changed\": [", out);
	for (i = 0; i < d->n_targets_changed; i++) {
		fputs(i ? ", {\"name\": " : "{\"name\": ", out);
		ys_json_str(out, d->targets_changed[i].new_t->name);
		fputs(", \"areas\": ", out);
		j_target_levels(out, oq, d->targets_changed[i].old_t, nq,
				d->targets_changed[i].new_t);
		fputc('}', out);
	}
	fputs("]\n  }", out);
}
