/* Helpers shared by the command-line front end: messages and diagnostics,
 * loading an assessment, options of the report commands, and writing a
 * report built in memory. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "yardstick/alloc.h"
#include "yardstick/answers_stream.h"
#include "yardstick/catalog.h"
#include "yardstick/path.h"
#include "yardstick/report.h"
#include "yardstick/store.h"
#include "yardstick/text.h"

/* Prints "yardstick: MESSAGE" to stderr, sanitised: messages quote file
 * names and ids the user typed, which must not reach the terminal raw. */
static void vwarn(const char *fmt, va_list ap)
{
	char buf[2048];

	vsnprintf(buf, sizeof(buf), fmt, ap);
	fputs("yardstick: ", stderr);
	ys_fputs_safe(buf, stderr, 0);
	fputc('\n', stderr);
}

int cli_error(int code, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	return code;
}

int cli_usage_error(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vwarn(fmt, ap);
	va_end(ap);
	if (cmd)
		fprintf(stderr, "Try 'yardstick %s --help'.\n", cmd);
	else
		fputs("Try 'yardstick --help'.\n", stderr);
	return YS_EX_USAGE;
}

int cli_diags(ys_diags *d, int fallback)
{
	int rc = d->exit_code ? d->exit_code : fallback;

	ys_diags_print(d, stderr, "yardstick");
	ys_diags_free(d);
	return rc;
}

/* ---- Loading an assessment (scorecard, compare) ---- */

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
	ys_strv_free(removed, n_removed);
	ys_strv_free(added, n_added);
	ys_questionnaire_free(old);
}

int cli_unknown_target(const ys_questionnaire *q, const char *target)
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
			const char *target, cli_assessment *out)
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
		rc = cli_diags(&da, YS_EX_DATAERR);
		goto fail;
	}
	if (out->q && !ys_catalog_check_spec(out->a, path, out->q, qspec, &dq)) {
		ys_questionnaire_free(out->q);
		out->q = NULL;
	} else if (!out->q && !s) {
		out->q = ys_catalog_for_answers(out->a, path, qspec, true, &dq, NULL);
	}
	if (!out->q) {
		rc = cli_diags(&dq, YS_EX_DATAERR);
		goto fail;
	}
	ys_diags_free(&dq);
	cli_warn_mismatch(path, out->a, out->q);
	if (!ys_answers_bind(out->a, out->q, path, &da)) {
		rc = cli_diags(&da, YS_EX_DATAERR);
		goto fail;
	}
	ys_diags_free(&da);
	if (target && !ys_questionnaire_find_target(out->q, target)) {
		rc = cli_unknown_target(out->q, target);
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

bool cli_record_questionnaire_file(ys_answers *a, const char *qpath,
				   const char *answers_path)
{
	char *rel = qpath ? ys_path_from_answers(qpath, answers_path) : NULL;
	bool ok = ys_answers_set_questionnaire_file(a, rel) && (rel || !qpath);

	if (!ok)
		ys_answers_set_questionnaire_file(a, NULL);
	ys_free(rel);
	return ok;
}

void cli_put_word(FILE *out, const char *s)
{
	char *w = ys_shell_word(s);

	ys_fputs_safe(w ? w : s, out, 0);
	ys_free(w);
}

/* ---- Reports built in memory ---- */

bool cli_mem_open(cli_mem *m)
{
	m->buf = NULL;
	m->len = 0;
	m->f = open_memstream(&m->buf, &m->len);
	return m->f != NULL;
}

static void say_exists(const char *path)
{
	fputs("yardstick: ", stderr);
	ys_fputs_safe(path, stderr, 0);
	fputs(" already exists (use --force to replace it)\n", stderr);
}

int cli_check_output(const char *path, bool force)
{
	struct stat st;

	if (force || !path || !strcmp(path, "-") || lstat(path, &st) != 0)
		return 0;
	say_exists(path);
	return YS_EX_CANTCREAT;
}

int cli_write_file(const char *path, const char *buf, size_t len,
		   unsigned mode, bool force)
{
	char *err = NULL;
	int rc;

	rc = ys_atomic_write(path, buf, len, mode, !force, &err);
	if (rc != 0) {
		fputs("yardstick: ", stderr);
		if (err) {
			ys_fputs_safe(err, stderr, 0);
		} else {
			ys_fputs_safe(path, stderr, 0);
			fputs(": cannot write", stderr);
		}
		if (rc == YS_EX_CANTCREAT && !force && err &&
		    strstr(err, "exist"))
			fputs(" (use --force to replace it)", stderr);
		fputc('\n', stderr);
	}
	ys_free(err);
	return rc;
}

int cli_mem_close(cli_mem *m, int status)
{
	if (fclose(m->f) != 0 && status == 0)
		status = ENOMEM;
	m->f = NULL;
	return status;
}

int cli_mem_save(cli_mem *m, const char *path, bool force, char **err)
{
	int rc = ys_atomic_write(path, m->buf, m->len, 0644, !force, err);

	cli_mem_free(m);
	return rc;
}

void cli_mem_free(cli_mem *m)
{
	if (m->f)
		fclose(m->f);
	m->f = NULL;
	free(m->buf);
	m->buf = NULL;
	m->len = 0;
}

/* Closes the stream and writes what it holds; frees everything. */
int cli_mem_output(cli_mem *m, int status, const char *path, bool force)
{
	int rc = 0;

	status = cli_mem_close(m, status);
	if (status != 0) {
		rc = status == ENOMEM ? cli_error(YS_EX_SOFTWARE, "out of memory")
				      : cli_error(YS_EX_SOFTWARE,
						  "cannot build the report: %s",
						  strerror(status));
	} else if (!path || !strcmp(path, "-")) {
		if (fwrite(m->buf, 1, m->len, stdout) != m->len ||
		    fflush(stdout) != 0 || ferror(stdout))
			rc = cli_error(YS_EX_IOERR,
				       "error writing to standard output: %s",
				       strerror(errno));
	} else {
		rc = cli_write_file(path, m->buf, m->len, 0644, force);
	}
	cli_mem_free(m);
	return rc;
}

bool cli_parse_width(const char *arg, size_t *out)
{
	char *end;
	unsigned long v;

	if (!arg[0] || arg[0] < '0' || arg[0] > '9')
		return false;
	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno || *end || v < YS_REPORT_MIN_WIDTH || v > YS_REPORT_MAX_WIDTH)
		return false;
	*out = v;
	return true;
}

int cli_parse_out_opts(const char *cmd, int argc, char **argv,
		       const char *extra, void (*usage)(FILE *out),
		       cli_out_opts *o)
{
	enum { OPT_FORCE = 256, OPT_ASCII };
	static const struct option all[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"force", no_argument, NULL, OPT_FORCE},
		{"width", required_argument, NULL, 'w'},
		{"questionnaire", required_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"ascii", no_argument, NULL, OPT_ASCII},
		{"target", required_argument, NULL, 't'},
		{"highlight", required_argument, NULL, 'H'},
		{NULL, 0, NULL, 0},
	};
	struct option opts[YS_ARRAY_LEN(all)];
	char shortopts[32] = "f:o:w:q:h";
	size_t n = 0, i;
	int c;

	/* The common options, then those of extra ("t", "H") this command has. */
	for (i = 0; i < YS_ARRAY_LEN(all) - 1; i++)
		if (i < 7 || strchr(extra, all[i].val))
			opts[n++] = all[i];
	opts[n] = all[YS_ARRAY_LEN(all) - 1];
	for (i = 0; extra[i]; i++) {
		size_t len = strlen(shortopts);

		shortopts[len] = extra[i];
		shortopts[len + 1] = ':';
		shortopts[len + 2] = '\0';
	}
	memset(o, 0, sizeof(*o));
	optind = 1;
	while ((c = getopt_long(argc, argv, shortopts, opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			o->format = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case OPT_FORCE:
			o->force = true;
			break;
		case OPT_ASCII:
			o->ascii = true;
			break;
		case 'w':
			if (!cli_parse_width(optarg, &o->width))
				return cli_usage_error(cmd,
					"--width must be a whole number from %d to %d",
					YS_REPORT_MIN_WIDTH, YS_REPORT_MAX_WIDTH);
			break;
		case 'q':
			o->qspec = optarg;
			break;
		case 't':
			o->target = optarg;
			break;
		case 'H':
			o->highlight = optarg;
			break;
		case 'h':
			usage(stdout);
			return YS_EX_OK;
		default:
			return cli_usage_error(cmd, "invalid option");
		}
	}
	return -1;
}
