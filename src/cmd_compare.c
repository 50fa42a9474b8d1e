/* yardstick compare OLD NEW: what changed between two assessments. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "yardstick/compare.h"
#include "yardstick/qdiff.h"
#include "yardstick/report.h"
#include "yardstick/text.h"

static void usage(FILE *out)
{
	fputs("Usage: yardstick compare OLD NEW [OPTIONS]\n"
	      "Compare two answers files: per-area level and score changes,\n"
	      "target status changes and the answers that changed.\n\n"
	      "Options:\n"
	      "  -f, --format FORMAT   text (default), markdown or json\n"
	      "  -o, --output FILE     write to FILE instead of standard output\n"
	      "      --force           replace FILE if it exists\n"
	      "  -t, --target PROFILE  score both against this target profile (in\n"
	      "                        an older version, under its earlier name\n"
	      "                        when it was renamed)\n"
	      "  -w, --width N         text width in columns, 60 to 1000 (default 80)\n"
	      "      --ascii           text in strict ASCII instead of UTF-8\n"
	      "  -q, --questionnaire Q score both against questionnaire Q\n"
	      "  -h, --help            show this help\n\n"
	      "Each file is scored against the questionnaire version it was\n"
	      "answered with when that version can be found, else against the\n"
	      "current one; files for different versions are compared on the\n"
	      "questions they share and the difference is stated. A warning is\n"
	      "given when the files name different organisations or NEW was last\n"
	      "updated before OLD.\n\n"
	      "Exit status: 0 success, 64 usage error, 65 invalid answers or\n"
	      "questionnaire, 66 file missing or unreadable, 73 output cannot be\n"
	      "created, 74 write error.\n", out);
}

/* Warns, without refusing, about a pair that is probably not what was
 * meant: files naming different organisations (compared as ys_org_equal
 * does; a file without a name is not warned about), or NEW last updated
 * before OLD. */
static void warn_pair(const char *old_path, const ys_answers *old,
		      const char *new_path, const ys_answers *new)
{
	if (!ys_str_blank(old->organisation) && !ys_str_blank(new->organisation) &&
	    !ys_org_equal(old->organisation, new->organisation)) {
		fputs("yardstick: warning: the files name different organisations: ",
		      stderr);
		ys_fputs_safe(old_path, stderr, 0);
		fputs(" is for ", stderr);
		ys_fputs_safe(old->organisation, stderr, 0);
		fputs(", ", stderr);
		ys_fputs_safe(new_path, stderr, 0);
		fputs(" for ", stderr);
		ys_fputs_safe(new->organisation, stderr, 0);
		fputc('\n', stderr);
	}
	if (old->updated && new->updated && strcmp(new->updated, old->updated) < 0) {
		fputs("yardstick: warning: NEW is older than OLD: ", stderr);
		ys_fputs_safe(new_path, stderr, 0);
		fputs(" was last updated ", stderr);
		ys_fputs_safe(new->updated, stderr, 0);
		fputs(", ", stderr);
		ys_fputs_safe(old_path, stderr, 0);
		fputs(" ", stderr);
		ys_fputs_safe(old->updated, stderr, 0);
		fputs("; give the older file first\n", stderr);
	}
}

/* The name target has in side's questionnaire: itself when it has a
 * profile of that name, else the name the other version's profile of
 * that name was renamed to or from (same levels under another name, as
 * ys_qdiff finds it), else NULL. */
static const char *side_target(const ys_questionnaire *side,
			       const ys_questionnaire *other, bool side_is_old,
			       const char *target)
{
	ys_qdiff d;
	const char *name = NULL;
	size_t i;

	if (ys_questionnaire_find_target(side, target))
		return target;
	if (!ys_questionnaire_find_target(other, target) ||
	    !ys_qdiff_build(side_is_old ? side : other,
			    side_is_old ? other : side, &d))
		return NULL;
	for (i = 0; i < d.n_targets_renamed && !name; i++) {
		const ys_qdiff_target *r = &d.targets_renamed[i];

		if (side_is_old && !strcmp(r->new_t->name, target))
			name = r->old_t->name;
		else if (!side_is_old && !strcmp(r->old_t->name, target))
			name = r->new_t->name;
	}
	ys_qdiff_free(&d);
	return name;
}

/* Scores both sides against target, each under the name it has in that
 * side's version: -t minimum scores a 2026.1 file against baseline, the
 * same levels under last year's name. Returns 0 or an exit code. */
static int rescore(cli_assessment *old, cli_assessment *new, const char *target)
{
	cli_assessment *sides[2] = {old, new};
	size_t k;

	for (k = 0; k < 2; k++) {
		cli_assessment *s = sides[k];
		const char *name = side_target(s->q, sides[1 - k]->q, k == 0, target);

		if (!name)
			return cli_unknown_target(s->q, target);
		ys_score_free(&s->s);
		s->scored = false;
		if (!ys_score_compute(s->q, s->a, name, &s->s))
			return cli_error(YS_EX_SOFTWARE, "out of memory");
		s->scored = true;
	}
	return 0;
}

int cmd_compare(int argc, char **argv)
{
	ys_compare_format fmt = YS_COMPARE_TEXT;
	const char *output, *target, *qspec, *f;
	size_t width;
	bool force;
	cli_out_opts o;
	cli_assessment old, new;
	ys_compare c;
	cli_mem m;
	int rc;

	rc = cli_parse_out_opts("compare", argc, argv, "t", usage, &o);
	if (rc >= 0)
		return rc;
	f = o.format;
	if (!f || !strcmp(f, "text") || !strcmp(f, "txt"))
		fmt = YS_COMPARE_TEXT;
	else if (!strcmp(f, "markdown") || !strcmp(f, "md"))
		fmt = YS_COMPARE_MARKDOWN;
	else if (!strcmp(f, "json"))
		fmt = YS_COMPARE_JSON;
	else
		return cli_usage_error("compare",
			"unknown format '%s' (text, markdown or json)", f);
	output = o.output;
	target = o.target;
	qspec = o.qspec;
	force = o.force;
	width = o.width;
	if (argc - optind != 2)
		return cli_usage_error("compare", "give two answers files, OLD and NEW");
	/* Each scored on its own target first; -t is applied once both
	 * versions are known, as a profile may have been renamed. */
	rc = cli_load_assessment(argv[optind], qspec, NULL, &old);
	if (rc)
		return rc;
	rc = cli_load_assessment(argv[optind + 1], qspec, NULL, &new);
	if (!rc && target)
		rc = rescore(&old, &new, target);
	if (rc) {
		cli_assessment_free(&old);
		cli_assessment_free(&new);
		return rc;
	}
	if (strcmp(old.q->id, new.q->id) != 0) {
		fputs("yardstick: ", stderr);
		ys_fputs_safe(argv[optind], stderr, 0);
		fputs(" and ", stderr);
		ys_fputs_safe(argv[optind + 1], stderr, 0);
		fputs(" are for different questionnaires (", stderr);
		ys_fputs_safe(old.q->id, stderr, 0);
		fputs(" and ", stderr);
		ys_fputs_safe(new.q->id, stderr, 0);
		fputs(")\n", stderr);
		cli_assessment_free(&old);
		cli_assessment_free(&new);
		return YS_EX_DATAERR;
	}
	warn_pair(argv[optind], old.a, argv[optind + 1], new.a);
	memset(&c, 0, sizeof(c));
	c.old_q = old.q;
	c.new_q = new.q;
	c.old_a = old.a;
	c.new_a = new.a;
	c.old_s = &old.s;
	c.new_s = &new.s;
	c.old_name = argv[optind];
	c.new_name = argv[optind + 1];
	c.width = width;
	c.ascii = o.ascii;
	if (!cli_mem_open(&m)) {
		rc = cli_error(YS_EX_SOFTWARE, "out of memory");
	} else {
		rc = ys_compare_write(&c, fmt, m.f);
		rc = cli_mem_output(&m, rc, output, force);
	}
	cli_assessment_free(&old);
	cli_assessment_free(&new);
	return rc;
}
