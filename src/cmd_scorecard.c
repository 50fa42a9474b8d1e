/* yardstick scorecard ANSWERS: score an answers file and write the
 * scorecard. Also the loading and output helpers that compare and
 * benchmark share (declared in cli.h). */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "yardstick/alloc.h"
#include "yardstick/answers_stream.h"
#include "yardstick/catalog.h"
#include "yardstick/report.h"
#include "yardstick/store.h"
#include "yardstick/text.h"

static void usage(FILE *out)
{
	fputs("Usage: yardstick scorecard ANSWERS [OPTIONS]\n"
	      "Score an answers file and write its scorecard.\n\n"
	      "Options:\n"
	      "  -f, --format FORMAT   text (default), markdown, csv, json or svg\n"
	      "  -o, --output FILE     write to FILE instead of standard output\n"
	      "      --force           replace FILE if it exists\n"
	      "  -t, --target PROFILE  score against this target profile instead of\n"
	      "                        the one named in the answers file\n"
	      "  -w, --width N         text width in columns, 60 to 1000 (default 80)\n"
	      "  -q, --questionnaire Q use questionnaire Q (a file or an id) instead of\n"
	      "                        the one named in the answers file\n"
	      "  -h, --help            show this help\n\n"
	      "The output for the same files is the same byte for byte. -o never\n"
	      "replaces an existing file without --force, and never leaves a\n"
	      "partial file.\n\n"
	      "Exit status: 0 success, 64 usage error, 65 invalid answers or\n"
	      "questionnaire, 66 file missing or unreadable, 73 output cannot be\n"
	      "created, 74 write error.\n", out);
}

/* Prints a list of ids as "a, b, c" (at most 5, then "and N more"). */
static void print_ids(FILE *out, char **ids, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < 5; i++) {
		if (i)
			fputs(", ", out);
		ys_fputs_safe(ids[i], out, YS_SAN_ASCII);
	}
	if (n > 5)
		fprintf(out, " and %zu more", n - 5);
}

static void free_ids(char **ids, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		ys_free(ids[i]);
	ys_free(ids);
}

void cli_warn_mismatch(const char *path, const ys_answers *a,
		       const ys_questionnaire *q)
{
	ys_questionnaire *old = NULL;
	char **removed = NULL, **added = NULL;
	size_t n_removed = 0, n_added = 0;

	if (a->q_id && strcmp(a->q_id, q->id) != 0) {
		fputs("yardstick: warning: ", stderr);
		ys_fputs_safe(path, stderr, 0);
		fputs(" was answered for questionnaire '", stderr);
		ys_fputs_safe(a->q_id, stderr, 0);
		fputs("', not '", stderr);
		ys_fputs_safe(q->id, stderr, 0);
		fputs("'; scoring on the questions they share\n", stderr);
	}
	if (a->q_sha256 && a->q_id)
		old = ys_catalog_find_sha256(a->q_id, a->q_sha256);
	if (!ys_answers_changed(a, q, old, &removed, &n_removed, &added,
				&n_added)) {
		ys_questionnaire_free(old);
		return;
	}
	fputs("yardstick: warning: ", stderr);
	ys_fputs_safe(path, stderr, 0);
	fputs(" was started with version ", stderr);
	ys_fputs_safe(a->q_version ? a->q_version : "?", stderr, 0);
	fputs(" of the questionnaire (sha256 ", stderr);
	fprintf(stderr, "%.12s...), not version ", a->q_sha256 ? a->q_sha256 : "?");
	ys_fputs_safe(q->version, stderr, 0);
	fprintf(stderr, " (sha256 %.12s...); scoring on the questions they share\n",
		q->sha256);
	if (n_removed) {
		fprintf(stderr, "yardstick: note: %zu question%s not in this "
			"version: ", n_removed, n_removed == 1 ? " is" : "s are");
		print_ids(stderr, removed, n_removed);
		fputc('\n', stderr);
	}
	if (n_added) {
		fprintf(stderr, "yardstick: note: %zu question%s new in this "
			"version: ", n_added, n_added == 1 ? " is" : "s are");
		print_ids(stderr, added, n_added);
		fputc('\n', stderr);
	}
	free_ids(removed, n_removed);
	free_ids(added, n_added);
	ys_questionnaire_free(old);
}

/* Prints and frees d; returns its exit code. */
static int fail_diags(ys_diags *d)
{
	int rc = d->exit_code ? d->exit_code : YS_EX_DATAERR;

	ys_diags_print(d, stderr, "yardstick");
	ys_diags_free(d);
	return rc;
}

static int unknown_target(const ys_questionnaire *q, const char *target)
{
	size_t i;

	fputs("yardstick: unknown target profile '", stderr);
	ys_fputs_safe(target, stderr, 0);
	fputs("'; ", stderr);
	ys_fputs_safe(q->id, stderr, 0);
	fputs(q->n_targets ? " has: " : " has no target profiles", stderr);
	for (i = 0; i < q->n_targets; i++) {
		if (i)
			fputs(", ", stderr);
		ys_fputs_safe(q->targets[i].name, stderr, 0);
	}
	fputc('\n', stderr);
	return YS_EX_USAGE;
}

int cli_load_assessment(const char *path, const char *qspec,
			const char *target, bool exact, cli_assessment *out)
{
	/* One list per file: a list shows source lines of one file only. */
	ys_diags da = {0}, dq = {0};
	ys_answers_stream *s = NULL;
	ys_answers_item it;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	/* With the questionnaire named, the answers are read on another core
	 * while it loads; its problems only count once the answers read. */
	if (qspec)
		s = ys_answers_stream_open(&path, 1, NULL, YS_STREAM_AUTO, 0);
	if (s) {
		out->q = ys_catalog_load(qspec, &dq);
		ys_answers_stream_next(s, &it);
		ys_answers_stream_close(s);
		out->a = it.a;
		da = it.diags;
	} else {
		out->a = ys_answers_read_file(path, &da);
	}
	if (!out->a) {
		rc = fail_diags(&da);
		goto fail;
	}
	if (!qspec && exact && out->a->q_id && out->a->q_sha256)
		out->q = ys_catalog_find_sha256(out->a->q_id, out->a->q_sha256);
	if (!out->q && !s)
		out->q = ys_catalog_load(qspec ? qspec : out->a->q_id, &dq);
	if (!out->q) {
		rc = fail_diags(&dq);
		goto fail;
	}
	ys_diags_free(&dq);
	cli_warn_mismatch(path, out->a, out->q);
	if (!ys_answers_bind(out->a, out->q, path, &da)) {
		rc = fail_diags(&da);
		goto fail;
	}
	ys_diags_free(&da);
	if (target && !ys_questionnaire_find_target(out->q, target)) {
		rc = unknown_target(out->q, target);
		goto fail;
	}
	if (!ys_score_compute(out->q, out->a, target, &out->s)) {
		rc = cli_error(YS_EX_SOFTWARE, "out of memory");
		goto fail;
	}
	out->scored = true;
	return 0;
fail:
	ys_diags_free(&da);
	ys_diags_free(&dq);
	cli_assessment_free(out);
	return rc;
}

void cli_assessment_free(cli_assessment *c)
{
	if (c->scored)
		ys_score_free(&c->s);
	ys_answers_free(c->a);
	ys_questionnaire_free(c->q);
	memset(c, 0, sizeof(*c));
}

int cmd_scorecard(int argc, char **argv)
{
	ys_report_format fmt = YS_REPORT_TEXT;
	size_t width = YS_REPORT_DEFAULT_WIDTH;
	const char *output, *target, *qspec;
	bool force;
	cli_out_opts o;
	cli_assessment as;
	ys_report r;
	cli_mem m;
	int rc;

	rc = cli_parse_out_opts("scorecard", argc, argv, "t", usage, &o);
	if (rc >= 0)
		return rc;
	if (o.format && !ys_report_format_parse(o.format, &fmt))
		return cli_usage_error("scorecard",
			"unknown format '%s' (text, markdown, csv, json or svg)", o.format);
	if (o.width)
		width = o.width;
	output = o.output;
	target = o.target;
	qspec = o.qspec;
	force = o.force;
	if (optind >= argc)
		return cli_usage_error("scorecard", "no answers file given");
	if (argc - optind > 1)
		return cli_usage_error("scorecard", "one answers file at a time "
				       "(use compare or benchmark for several)");
	rc = cli_load_assessment(argv[optind], qspec, target, false, &as);
	if (rc)
		return rc;
	r.q = as.q;
	r.a = as.a;
	r.s = &as.s;
	r.width = width;
	if (!cli_mem_open(&m)) {
		cli_assessment_free(&as);
		return cli_error(YS_EX_SOFTWARE, "out of memory");
	}
	rc = ys_report_write(&r, fmt, m.f);
	rc = cli_mem_output(&m, rc, output, force);
	cli_assessment_free(&as);
	return rc;
}
