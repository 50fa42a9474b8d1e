/* yardstick merge ANSWERS... -o OUT: combine answers files that
 * participants completed separately into one workshop file.
 *
 * Files are streamed through the merge (include/yardstick/merge.h): each
 * is read, checked, bound, added and freed in turn; the files after the
 * first are read and bound ahead on other cores (answers_stream.h), and
 * handed over in order. A file with a problem is reported and the rest
 * are still checked, so one run lists every problem; nothing is written
 * unless every file merged. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "yardstick/alloc.h"
#include "yardstick/answers_stream.h"
#include "yardstick/catalog.h"
#include "yardstick/merge.h"
#include "yardstick/store.h"
#include "yardstick/strbuf.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"

static void usage(FILE *out)
{
	fputs("Usage: yardstick merge ANSWERS... -o OUT [OPTIONS]\n"
	      "Combine answers files that participants completed separately into\n"
	      "one workshop answers file, with the workshop's consensus rules.\n"
	      "Each interview file is one participant, named by its first\n"
	      "assessor; a workshop file brings its participants and votes.\n"
	      "Contested questions are flagged for the facilitator to settle with\n"
	      "'yardstick workshop -o OUT'.\n\n"
	      "Options:\n"
	      "  -o, --output OUT       the merged file (required); never one of\n"
	      "                         the inputs\n"
	      "      --force            replace OUT if it exists\n"
	      "  -q, --questionnaire Q  the questionnaire the files were answered\n"
	      "                         with (a file or an id), when it cannot be\n"
	      "                         found by the id recorded in them\n"
	      "  -h, --help             show this help\n\n"
	      "Every file must be for the same questionnaire id, version and\n"
	      "sha256, and name a different participant. Files that name\n"
	      "different organisations are merged with a warning; the merged file\n"
	      "keeps the first organisation named.\n\n"
	      "Exit status: 0 success, 64 usage error, 65 invalid answers, files\n"
	      "that cannot be merged, or OUT one of the inputs, 66 file missing or\n"
	      "unreadable, 73 OUT exists without --force or cannot be created,\n"
	      "74 write error.\n", out);
}

static void say_file(const char *path, const char *msg)
{
	fputs("yardstick: ", stderr);
	ys_fputs_safe(path, stderr, 0);
	fputs(msg, stderr);
}

/* OUT must not be an input (same file, through any link: 65), and must
 * not exist unless force (73, as for every command). */
static int check_output(const char *out, char **inputs, int n, bool force)
{
	struct stat so, si, sl;
	int i;

	if (lstat(out, &sl) != 0)
		return 0;
	if (stat(out, &so) == 0) {
		for (i = 0; i < n; i++) {
			if (stat(inputs[i], &si) == 0 && si.st_dev == so.st_dev &&
			    si.st_ino == so.st_ino) {
				say_file(out, " is one of the inputs (");
				ys_fputs_safe(inputs[i], stderr, 0);
				fputs("); merge never writes over its inputs: "
				      "choose another output file\n", stderr);
				return YS_EX_DATAERR;
			}
		}
	}
	return cli_check_output(out, force);
}

/* The questionnaire the first file a (read from path) was answered with:
 * qspec when given (refused when it is another questionnaire), else the
 * file a records, else the version it records (found by its sha256
 * among every version of its id, archived built-ins included), else the
 * one found by its id when that has the same sha256. *from_file gets the
 * questionnaire's path when the merged file should record it (see
 * ys_catalog_for_answers), else NULL. */
static int find_questionnaire(const char *path, const ys_answers *a,
			      const char *qspec, ys_questionnaire **out,
			      const char **from_file)
{
	ys_diags d = {0};
	ys_questionnaire *q, *exact;

	q = ys_catalog_for_answers(a, path, qspec, true, &d, from_file);
	if (!q)
		return cli_diags(&d, YS_EX_DATAERR);
	ys_diags_free(&d);
	if (qspec || !strcmp(q->sha256, a->q_sha256)) {
		*out = q;       /* ys_merge_check compares -q with the files */
		return 0;
	}
	/* The recorded file changed since: the version answered with, if
	 * it can be found by its sha256. */
	*from_file = NULL;
	exact = ys_catalog_find_sha256(a->q_id, a->q_sha256);
	if (exact) {
		ys_questionnaire_free(q);
		*out = exact;
		return 0;
	}
	ys_diag_add(&d, YS_EX_DATAERR, path, (ys_pos){0, 0},
		    "answered with questionnaire '%s' version %s (sha256 %s), "
		    "which cannot be found: the one found by that id is "
		    "version %s (sha256 %s, %s); name the questionnaire the "
		    "files were answered with using -q", a->q_id, a->q_version,
		    a->q_sha256, q->version, q->sha256, q->source);
	ys_questionnaire_free(q);
	return cli_diags(&d, YS_EX_DATAERR);
}

/* The first organisation the merged files name (the one the merged file
 * keeps) and the files that name another, to warn about once merged. */
typedef struct org_seen {
	char *name;
	const char *path;
	char **other;           /* "PATH is for NAME", each allocated */
	size_t n_other, cap_other;
} org_seen;

/* Notes whether a (read from path) names another organisation than the
 * first file that named one (compared as ys_org_equal does). */
static void check_org(org_seen *seen, const ys_answers *a, const char *path)
{
	ys_sb sb = {0};

	if (ys_str_blank(a->organisation))
		return;
	if (!seen->name) {
		seen->name = ys_strdup(a->organisation);
		seen->path = path;
		return;
	}
	if (ys_org_equal(seen->name, a->organisation))
		return;
	ys_sb_printf(&sb, "%s is for %s", path, a->organisation);
	if (sb.oom || !YS_GROW(seen->other, seen->cap_other, seen->n_other + 1))
		ys_sb_free(&sb);
	else
		seen->other[seen->n_other++] = sb.buf;
}

static void warn_orgs(const org_seen *seen)
{
	size_t i;

	if (!seen->n_other)
		return;
	fputs("yardstick: warning: the files name different organisations: ",
	      stderr);
	ys_fputs_safe(seen->path, stderr, 0);
	fputs(" is for ", stderr);
	ys_fputs_safe(seen->name, stderr, 0);
	for (i = 0; i < seen->n_other; i++) {
		fputs(", ", stderr);
		ys_fputs_safe(seen->other[i], stderr, 0);
	}
	fputs("; the merged file keeps ", stderr);
	ys_fputs_safe(seen->name, stderr, 0);
	fputc('\n', stderr);
}

/* Checks and adds one file, read and bound to m's questionnaire by the
 * stream: the check comes first, and what the binding found is only
 * reported when the check passes, as if the file were bound after it.
 * A file merged that names another organisation than the first is warned
 * about. Frees the item. Returns 0 or an exit code after printing
 * diagnostics. */
static int merge_one(ys_merge *m, ys_answers_item *it, org_seen *seen)
{
	ys_diags d = {0};
	int rc = 0;

	if (!it->a)
		return cli_diags(&it->diags, YS_EX_DATAERR);
	if (!ys_merge_check(m, it->a, it->path, &d))
		rc = cli_diags(&d, YS_EX_DATAERR);
	else if (!it->bind_ok || !ys_merge_add(m, it->a, it->path, &it->diags))
		rc = cli_diags(&it->diags, YS_EX_DATAERR);
	if (!rc)
		check_org(seen, it->a, it->path);
	ys_diags_free(&d);
	ys_answers_item_free(it);
	return rc;
}

static int write_output(const ys_answers *a, const char *out, bool force)
{
	char *buf;
	size_t len;
	int rc;

	buf = ys_answers_to_string(a, &len);
	if (!buf && errno == ENOMEM)
		return cli_error(YS_EX_SOFTWARE, "out of memory");
	if (!buf)
		return cli_error(YS_EX_SOFTWARE, "cannot write the merged "
				 "answers: %s", strerror(errno));
	rc = cli_write_file(out, buf, len, 0600, force);
	ys_free(buf);
	return rc;
}

static void summarise(const ys_merge_summary *s, const char *out)
{
	fprintf(stderr, "yardstick: merged %zu %s from %zu %s into ",
		s->n_participants, s->n_participants == 1 ? "participant"
		: "participants", s->n_files, s->n_files == 1 ? "file" : "files");
	ys_fputs_safe(out, stderr, 0);
	fprintf(stderr, ": %zu of %zu questions answered, %zu contested\n",
		s->n_voted, s->n_questions, s->n_contested);
	if (s->n_lines_cut)
		fprintf(stderr, "yardstick: warning: %zu note or reason %s left "
			"out: a combined note was too long\n", s->n_lines_cut,
			s->n_lines_cut == 1 ? "line was" : "lines were");
	if (s->n_contested) {
		fputs("yardstick: settle them with: yardstick workshop -o ", stderr);
		cli_put_word(stderr, out);
		fputc('\n', stderr);
	}
}

static int run(char **files, int n, const char *qspec, const char *out,
	       bool force)
{
	ys_diags d = {0};
	ys_questionnaire *q = NULL;
	ys_merge *m = NULL;
	org_seen seen = {NULL, NULL, NULL, 0, 0};
	ys_answers_stream *s = NULL;
	ys_answers_item it = {0};
	ys_answers *first, *merged;
	const char *from_file = NULL;
	ys_merge_summary sum;
	int i, rc, failed = 0, first_rc = 0;

	rc = check_output(out, files, n, force);
	if (rc)
		return rc;
	first = ys_answers_read_file(files[0], &d);
	if (!first)
		return cli_diags(&d, YS_EX_DATAERR);
	ys_diags_free(&d);
	rc = find_questionnaire(files[0], first, qspec, &q, &from_file);
	if (rc) {
		ys_answers_free(first);
		return rc;
	}
	/* The first file is bound here; the others by the stream. */
	it.path = files[0];
	it.a = first;
	it.bound = true;
	it.bind_ok = ys_answers_bind(first, q, files[0], &it.diags);
	m = ys_merge_new(q);
	if (m && n > 1)
		s = ys_answers_stream_open((const char *const *)files + 1,
					   (size_t)n - 1, q, YS_STREAM_AUTO, 0);
	if (!m || (n > 1 && !s)) {
		ys_answers_item_free(&it);
		rc = cli_error(YS_EX_SOFTWARE, "out of memory");
		goto out;
	}
	for (i = 0; i < n; i++) {
		if (i)
			ys_answers_stream_next(s, &it);
		rc = merge_one(m, &it, &seen);
		if (rc == YS_EX_SOFTWARE || (rc && i == 0))
			goto out;
		if (rc) {
			failed++;
			if (!first_rc)
				first_rc = rc;
		}
	}
	if (failed) {
		rc = cli_error(first_rc, "nothing written: %d of %d files cannot "
			       "be merged", failed, n);
		goto out;
	}
	merged = ys_merge_finish(m, &sum);
	if (!merged) {
		rc = cli_error(YS_EX_SOFTWARE, "out of memory");
		goto out;
	}
	/* So that the workshop finds an author's questionnaire. */
	if (from_file)
		cli_record_questionnaire_file(merged, from_file, out);
	rc = write_output(merged, out, force);
	ys_answers_free(merged);
	if (!rc) {
		warn_orgs(&seen);
		summarise(&sum, out);
	}
out:
	ys_answers_stream_close(s);
	ys_merge_free(m);
	ys_questionnaire_free(q);
	ys_free(seen.name);
	ys_strv_free(seen.other, seen.n_other);
	return rc;
}

int cmd_merge(int argc, char **argv)
{
	enum { OPT_FORCE = 256 };
	static const struct option opts[] = {
		{"output", required_argument, NULL, 'o'},
		{"force", no_argument, NULL, OPT_FORCE},
		{"questionnaire", required_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *output = NULL, *qspec = NULL;
	bool force = false;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "o:q:h", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			output = optarg;
			break;
		case OPT_FORCE:
			force = true;
			break;
		case 'q':
			qspec = optarg;
			break;
		case 'h':
			usage(stdout);
			return YS_EX_OK;
		default:
			return cli_usage_error("merge", "invalid option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("merge", "no answers files given");
	if (!output || !output[0])
		return cli_usage_error("merge", "the merged file must be named "
				       "with -o OUT");
	return run(argv + optind, argc - optind, qspec, output, force);
}
