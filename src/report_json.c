/* The scorecard as JSON ("yardstick-scorecard/2", DESIGN section 8).
 *
 * Layout: two-space indentation, one key per line, arrays of ids on one
 * line; keys in a fixed order. Display values are rounded as every other
 * surface rounds them (yardstick/round.h: maturity to one decimal, down;
 * practice scores to whole numbers; percentages down); the exact values
 * are in the *_exact keys, in full double precision (the shortest form
 * that reads back as the same double). Absent values are null, never
 * omitted. There are no score bands. */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "report_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/explain.h"
#include "yardstick/text.h"

typedef struct jw {
	FILE *out;
	int depth;
	bool first;             /* no member written yet at this depth */
} jw;

static void jw_indent(jw *j)
{
	int i;

	fputc('\n', j->out);
	for (i = 0; i < j->depth; i++)
		fputs("  ", j->out);
}

/* Starts a member (key may be NULL inside an array). */
static void jw_key(jw *j, const char *key)
{
	if (!j->first)
		fputc(',', j->out);
	j->first = false;
	jw_indent(j);
	if (key) {
		ys_json_str(j->out, key);
		fputs(": ", j->out);
	}
}

static void jw_open(jw *j, const char *key, char c)
{
	if (key || j->depth > 0)
		jw_key(j, key);
	fputc(c, j->out);
	j->depth++;
	j->first = true;
}

static void jw_close(jw *j, char c)
{
	j->depth--;
	if (!j->first)
		jw_indent(j);
	fputc(c, j->out);
	j->first = false;
}

static void jw_string(jw *j, const char *key, const char *v)
{
	jw_key(j, key);
	ys_json_str(j->out, v);
}

static void jw_int(jw *j, const char *key, long v)
{
	jw_key(j, key);
	fprintf(j->out, "%ld", v);
}

static void jw_null(jw *j, const char *key)
{
	jw_key(j, key);
	fputs("null", j->out);
}

static void jw_bool(jw *j, const char *key, bool v)
{
	jw_key(j, key);
	fputs(v ? "true" : "false", j->out);
}

static void jw_exact(jw *j, const char *key, double v)
{
	jw_key(j, key);
	ys_json_exact(j->out, v);
}

/* An array of question ids on one line. */
/* Maturity as displayed: one decimal, rounded down ("1.9" for 1.97). */
static void jw_maturity(jw *j, const char *key, double v)
{
	char buf[YS_FIGURE_BUF];

	jw_key(j, key);
	fputs(ys_maturity_str(v, buf), j->out);
}

static void jw_qlist(jw *j, const char *key, const ys_questionnaire *q,
		     const ys_qlist *l)
{
	size_t i;

	jw_key(j, key);
	fputc('[', j->out);
	for (i = 0; i < l->count; i++) {
		if (i)
			fputs(", ", j->out);
		if (l->items[i] < q->n_questions)
			ys_json_str(j->out, q->questions[l->items[i]].id);
		else
			fputs("null", j->out);
	}
	fputc(']', j->out);
}

static void jw_strings(jw *j, const char *key, char *const *v, size_t n)
{
	size_t i;

	jw_key(j, key);
	fputc('[', j->out);
	for (i = 0; i < n; i++) {
		if (i)
			fputs(", ", j->out);
		ys_json_str(j->out, v[i]);
	}
	fputc(']', j->out);
}

static const char *state_name(ys_area_state st)
{
	switch (st) {
	case YS_AREA_ASSESSED: return "assessed";
	case YS_AREA_NOT_ASSESSED: return "not_assessed";
	case YS_AREA_NOT_APPLICABLE: return "not_applicable";
	}
	return "not_assessed";
}

static bool write_area(jw *j, const ys_report *r, size_t i)
{
	const ys_questionnaire *q = r->q;
	const ys_area *ar = &q->areas[i];
	const ys_area_score *as = &r->s->areas[i];
	const ys_area_record *rec = ys_answers_area(r->a, ar->id);
	bool assessed = as->state == YS_AREA_ASSESSED;
	ys_explanation e;
	size_t k;

	if (!ys_explain_area(q, r->a, r->s, i, &e))
		return false;
	jw_open(j, NULL, '{');
	jw_string(j, "id", ar->id);
	jw_string(j, "title", ar->title);
	jw_exact(j, "weight", ar->weight);
	jw_string(j, "state", state_name(as->state));
	if (assessed) {
		jw_int(j, "level", as->level);
		jw_string(j, "level_name", ys_level_name(q, as->level));
		jw_maturity(j, "maturity", as->maturity);
		jw_exact(j, "maturity_exact", as->maturity);
		jw_bool(j, "capped", as->capped);
		if (as->cap >= 0)
			jw_int(j, "cap", as->cap);
		else
			jw_null(j, "cap");
		jw_int(j, "practice_score", ys_practice_shown(as->practice));
		jw_exact(j, "practice_score_exact", as->practice);
	} else {
		jw_null(j, "level");
		jw_null(j, "level_name");
		jw_null(j, "maturity");
		jw_null(j, "maturity_exact");
		jw_null(j, "capped");
		jw_null(j, "cap");
		jw_null(j, "practice_score");
		jw_null(j, "practice_score_exact");
	}
	if (r->s->has_target) {
		jw_int(j, "target", (long)as->target);
		jw_string(j, "target_name", ys_level_name(q, (long)as->target));
		jw_bool(j, "target_met", as->target_met);
	} else {
		jw_null(j, "target");
		jw_null(j, "target_name");
		jw_null(j, "target_met");
	}
	if (assessed && as->progress_to_next >= 0)
		jw_int(j, "progress_to_next", as->progress_to_next);
	else
		jw_null(j, "progress_to_next");
	jw_int(j, "answered", (long)as->answered);
	jw_int(j, "total", (long)as->total);
	jw_string(j, "owner", rec ? rec->owner : NULL);
	jw_qlist(j, "blockers", q, &as->blockers);
	jw_qlist(j, "red_flags", q, &as->red_flags);
	jw_qlist(j, "dont_know", q, &as->dont_know);
	jw_qlist(j, "not_applicable", q, &as->not_applicable);
	jw_qlist(j, "unanswered", q, &as->unanswered);
	jw_qlist(j, "contested", q, &as->contested);
	jw_string(j, "status", e.status);
	jw_string(j, "why", e.why);
	jw_string(j, "next", e.next);
	jw_open(j, "next_steps", '[');
	for (k = 0; k < e.n_blockers; k++) {
		const ys_blocker *b = &e.blockers[k];

		jw_open(j, NULL, '{');
		jw_string(j, "question", q->questions[b->question].id);
		jw_bool(j, "red_flag", b->red_flag);
		jw_bool(j, "dont_know", b->dont_know);
		jw_string(j, "answer", b->answer);
		jw_string(j, "advice", b->advice);
		jw_string(j, "known_by", b->known_by);
		jw_close(j, '}');
	}
	jw_close(j, ']');
	jw_string(j, "recommendation", e.recommendation);
	jw_open(j, "actions", '[');
	for (k = 0; rec && k < rec->n_actions; k++) {
		jw_open(j, NULL, '{');
		jw_string(j, "text", rec->actions[k].text);
		jw_string(j, "owner", rec->actions[k].owner);
		jw_string(j, "due", rec->actions[k].due);
		jw_close(j, '}');
	}
	jw_close(j, ']');
	jw_close(j, '}');
	ys_explanation_free(&e);
	return true;
}

static void write_votes(jw *j, const ys_response *resp)
{
	size_t k;

	jw_open(j, "votes", '{');
	for (k = 0; k < resp->n_votes; k++)
		jw_string(j, resp->votes[k].participant, resp->votes[k].answer);
	jw_close(j, '}');
}

static void write_question(jw *j, const ys_report *r, size_t i)
{
	const ys_questionnaire *q = r->q;
	const ys_question *qn = &q->questions[i];
	const ys_response *resp = ys_report_response(r->a, i);
	bool answered = resp && resp->answer;

	jw_open(j, NULL, '{');
	jw_string(j, "id", qn->id);
	jw_string(j, "area", q->areas[qn->area].id);
	jw_int(j, "level", qn->level);
	jw_int(j, "weight", qn->weight);
	jw_string(j, "answer", answered ? resp->answer : NULL);
	jw_string(j, "label", answered ? ys_answer_text(qn, resp) : NULL);
	if (answered && (resp->choice.kind == YS_ANS_OPTION ||
			 resp->choice.kind == YS_ANS_DONT_KNOW))
		jw_exact(j, "value", ys_choice_value(qn, resp->choice));
	else
		jw_null(j, "value");
	jw_bool(j, "meets_threshold",
		answered && ys_choice_meets(q, qn, resp->choice));
	jw_string(j, "note", resp ? resp->note : NULL);
	jw_string(j, "na_reason", resp ? resp->na_reason : NULL);
	jw_bool(j, "parked", resp && resp->parked);
	jw_bool(j, "contested", resp && resp->contested);
	if (resp && resp->n_votes)
		write_votes(j, resp);
	jw_close(j, '}');
}

static bool write_contested(jw *j, const ys_report *r)
{
	const ys_questionnaire *q = r->q;
	size_t i, k, *counts;

	jw_open(j, "contested", '[');
	for (i = 0; i < q->n_questions; i++) {
		const ys_question *qn = &q->questions[i];
		const ys_response *resp = ys_report_response(r->a, i);
		unsigned spread;

		if (!resp || !resp->contested)
			continue;
		counts = ys_calloc(qn->n_options + 2, sizeof(*counts));
		if (!counts)
			return false;
		spread = ys_vote_spread(qn, resp, counts);
		jw_open(j, NULL, '{');
		jw_string(j, "id", qn->id);
		jw_string(j, "area", q->areas[qn->area].id);
		jw_string(j, "answer", resp->answer);
		jw_int(j, "spread", (long)spread);
		jw_open(j, "counts", '{');
		for (k = 0; k < qn->n_options; k++)
			jw_int(j, qn->options[k].key, (long)counts[k]);
		jw_int(j, YS_KEY_DONT_KNOW, (long)counts[qn->n_options]);
		jw_int(j, YS_KEY_NA, (long)counts[qn->n_options + 1]);
		jw_close(j, '}');
		write_votes(j, resp);
		jw_string(j, "note", resp->note);
		jw_close(j, '}');
		ys_free(counts);
	}
	jw_close(j, ']');
	return true;
}

int ys_report_json(const ys_report *r, FILE *out)
{
	const ys_questionnaire *q = r->q;
	const ys_answers *a = r->a;
	const ys_score *s = r->s;
	jw j = {out, 0, true};
	char date[11];
	size_t i;

	jw_open(&j, NULL, '{');
	jw_string(&j, "format", "yardstick-scorecard/2");
	jw_open(&j, "questionnaire", '{');
	jw_string(&j, "id", q->id);
	jw_string(&j, "version", q->version);
	jw_string(&j, "title", q->title);
	jw_string(&j, "sha256", q->sha256);
	jw_exact(&j, "threshold", q->threshold);
	jw_open(&j, "levels", '[');
	for (i = 0; i < q->n_levels; i++)
		jw_string(&j, NULL, q->levels[i].name);
	jw_close(&j, ']');
	jw_close(&j, '}');
	jw_open(&j, "answers_questionnaire", '{');
	jw_string(&j, "id", a->q_id);
	jw_string(&j, "version", a->q_version);
	jw_string(&j, "sha256", a->q_sha256);
	jw_bool(&j, "matches", !ys_report_mismatch(r));
	jw_close(&j, '}');
	jw_string(&j, "organisation", a->organisation);
	jw_strings(&j, "assessors", a->assessors, a->n_assessors);
	jw_string(&j, "mode", ys_mode_name(a->mode));
	jw_strings(&j, "participants", a->participants, a->n_participants);
	jw_string(&j, "created", a->created);
	jw_string(&j, "updated", a->updated);
	ys_report_date(a->updated ? a->updated : a->created, date);
	jw_string(&j, "date", date[0] ? date : NULL);
	jw_string(&j, "target", s->has_target ? s->target_name : NULL);
	jw_bool(&j, "provisional", s->provisional);
	jw_open(&j, "completion", '{');
	jw_int(&j, "answered", (long)s->answered);
	jw_int(&j, "total", (long)s->total);
	jw_int(&j, "unsettled", (long)s->unsettled);
	jw_close(&j, '}');

	jw_open(&j, "areas", '[');
	for (i = 0; i < s->n_areas && i < q->n_areas; i++)
		if (!write_area(&j, r, i))
			return ENOMEM;
	jw_close(&j, ']');

	if (s->assessed) {
		jw_maturity(&j, "maturity", s->maturity);
		jw_exact(&j, "maturity_exact", s->maturity);
		jw_int(&j, "practice_score", ys_practice_shown(s->practice));
		jw_exact(&j, "practice_score_exact", s->practice);
	} else {
		jw_null(&j, "maturity");
		jw_null(&j, "maturity_exact");
		jw_null(&j, "practice_score");
		jw_null(&j, "practice_score_exact");
	}
	if (s->weakest_area >= 0 && (size_t)s->weakest_area < q->n_areas)
		jw_string(&j, "weakest_area", q->areas[s->weakest_area].id);
	else
		jw_null(&j, "weakest_area");
	if (s->has_target && s->has_percent_to_target) {
		jw_int(&j, "percent_to_target",
		       ys_percent_shown(s->percent_to_target));
		jw_exact(&j, "percent_to_target_exact", s->percent_to_target);
	} else {
		jw_null(&j, "percent_to_target");
		jw_null(&j, "percent_to_target_exact");
	}
	jw_int(&j, "ownership_clarity", ys_percent_shown(s->ownership_clarity));
	jw_exact(&j, "ownership_clarity_exact", s->ownership_clarity);

	if (!write_contested(&j, r))
		return ENOMEM;
	jw_open(&j, "questions", '[');
	for (i = 0; i < q->n_questions; i++)
		write_question(&j, r, i);
	jw_close(&j, ']');
	jw_key(&j, "unknown_questions");
	fputc('[', out);
	for (i = a->n_bound; i < a->n_responses; i++) {
		if (i > a->n_bound)
			fputs(", ", out);
		ys_json_str(out, a->responses[i].question_id);
	}
	fputc(']', out);
	jw_close(&j, '}');
	fputc('\n', out);
	return ys_report_status(out);
}
