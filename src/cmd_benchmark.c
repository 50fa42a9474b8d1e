/* yardstick benchmark ANSWERS...|FOLDER: how many organisations'
 * assessments of one questionnaire are distributed, anonymously.
 *
 * Files are streamed: each is read, bound, scored, reduced to its
 * per-area numbers and freed in turn, so memory stays small for thousands
 * of files. Files are read and bound ahead on other cores
 * (answers_stream.h) and handed over in order. */
#include <dirent.h>
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
#include "yardstick/bench.h"
#include "yardstick/report.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"

#define MAX_LISTED 20

static void usage(FILE *out)
{
	fputs("Usage: yardstick benchmark ANSWERS... [OPTIONS]\n"
	      "       yardstick benchmark FOLDER [OPTIONS]\n"
	      "Summarise many organisations' answers files for one questionnaire:\n"
	      "per area the distribution of levels and the median and quartiles\n"
	      "of scores. No names, notes or other text from the files appear in\n"
	      "the output. A FOLDER stands for every .yaml and .yml file in it.\n\n"
	      "Options:\n"
	      "  -f, --format FORMAT    text (default), csv or json\n"
	      "  -o, --output FILE      write to FILE instead of standard output\n"
	      "      --force            replace FILE if it exists\n"
	      "  -H, --highlight FILE   show where this organisation's answers sit\n"
	      "  -w, --width N          text width in columns, 60 to 1000 (default 80)\n"
	      "      --ascii            text in strict ASCII instead of UTF-8\n"
	      "  -q, --questionnaire Q  score against questionnaire Q instead of the\n"
	      "                         one named in the files\n"
	      "  -h, --help             show this help\n\n"
	      "All files must be for the same questionnaire. Each organisation counts\n"
	      "once, with its most recent file (by its updated time; names compared\n"
	      "ignoring case and spaces): older files of the same organisation and\n"
	      "the same file given twice are set aside and counted in the output.\n"
	      "At least 5 organisations are needed; an area assessed by fewer than 5\n"
	      "is not shown.\n\n"
	      "Exit status: 0 success, 64 usage error, 65 invalid answers, files for\n"
	      "different questionnaires or fewer than 5 organisations, 66 file\n"
	      "missing or unreadable, 73 output cannot be created, 74 write error.\n", out);
}

typedef struct names {
	char **v;
	size_t n, cap;
} names;

static bool names_push(names *l, char *s)
{
	if (!s)
		return false;
	if (!YS_GROW(l->v, l->cap, l->n + 1)) {
		ys_free(s);
		return false;
	}
	l->v[l->n++] = s;
	return true;
}

static void names_free(names *l)
{
	ys_strv_free(l->v, l->n);
	memset(l, 0, sizeof(*l));
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_answers_name(const char *n)
{
	size_t len = strlen(n);

	if (n[0] == '.')
		return false;
	return (len > 5 && !strcmp(n + len - 5, ".yaml")) ||
	       (len > 4 && !strcmp(n + len - 4, ".yml"));
}

/* Adds the answers files of folder dir, sorted by name. */
static int add_folder(names *files, const char *dir)
{
	names found = {0};
	struct dirent *e;
	DIR *d = opendir(dir);
	size_t i, dlen = strlen(dir);

	if (!d) {
		int err = errno;

		fputs("yardstick: ", stderr);
		ys_fputs_safe(dir, stderr, 0);
		fprintf(stderr, ": %s\n", strerror(err));
		return YS_EX_NOINPUT;
	}
	while ((e = readdir(d)) != NULL) {
		char *path;

		if (!is_answers_name(e->d_name))
			continue;
		path = ys_malloc(dlen + strlen(e->d_name) + 2);
		if (!path)
			break;
		sprintf(path, "%s%s%s", dir,
			dlen && dir[dlen - 1] == '/' ? "" : "/", e->d_name);
		if (!names_push(&found, path)) {
			closedir(d);
			names_free(&found);
			return cli_error(YS_EX_SOFTWARE, "out of memory");
		}
	}
	closedir(d);
	if (found.n)
		qsort(found.v, found.n, sizeof(*found.v), cmp_str);
	for (i = 0; i < found.n; i++) {
		if (!names_push(files, found.v[i])) {
			found.v[i] = NULL;
			for (i = i + 1; i < found.n; i++)
				ys_free(found.v[i]);
			ys_free(found.v);
			return cli_error(YS_EX_SOFTWARE, "out of memory");
		}
	}
	ys_free(found.v);
	return 0;
}

static int collect(names *files, char **args, int n)
{
	struct stat st;
	int i, rc;

	for (i = 0; i < n; i++) {
		if (stat(args[i], &st) == 0 && S_ISDIR(st.st_mode)) {
			rc = add_folder(files, args[i]);
			if (rc)
				return rc;
		} else if (!names_push(files, ys_strdup(args[i]))) {
			return cli_error(YS_EX_SOFTWARE, "out of memory");
		}
	}
	return 0;
}

/* Scores one file read and bound to q by a stream (it->bound), or
 * reads and binds it here. Returns 0 with *s filled (free with
 * ys_score_free), 1 when the file is for another questionnaire (its id in
 * *other, to free; what binding found is not reported), or an exit code
 * after printing diagnostics. *version_differs is set when its sha256
 * differs. Frees the item, except on success: then the caller frees it
 * after reading its answers. */
static int score_item(ys_answers_item *it, const ys_questionnaire *q,
		      ys_score *s, char **other, bool *version_differs)
{
	ys_answers *a = it->a;
	int rc = 0;

	if (!a)
		goto diags;
	if (!a->q_id || strcmp(a->q_id, q->id) != 0) {
		*other = ys_strdup(a->q_id ? a->q_id : "?");
		ys_answers_item_free(it);
		return *other ? 1 : cli_error(YS_EX_SOFTWARE, "out of memory");
	}
	*version_differs = !a->q_sha256 || strcmp(a->q_sha256, q->sha256) != 0;
	if (!it->bound) {
		it->bound = true;
		it->bind_ok = ys_answers_bind(a, q, it->path, &it->diags);
	}
	if (!it->bind_ok)
		goto diags;
	if (!ys_score_compute(q, a, NULL, s)) {
		rc = cli_error(YS_EX_SOFTWARE, "out of memory scoring %s", it->path);
		ys_answers_item_free(it);
		return rc;
	}
	return 0;
diags:
	ys_diags_print(&it->diags, stderr, "yardstick");
	rc = it->diags.exit_code ? it->diags.exit_code : YS_EX_DATAERR;
	ys_answers_item_free(it);
	return rc;
}

/* Reads, binds and scores the file at path; see score_item. */
static int score_file(const char *path, const ys_questionnaire *q,
		      ys_score *s, char **other, bool *version_differs)
{
	ys_answers_item it = {0};

	int rc;

	it.path = path;
	it.a = ys_answers_read_file(path, &it.diags);
	rc = score_item(&it, q, s, other, version_differs);
	if (rc == 0)
		ys_answers_item_free(&it);
	return rc;
}

/* True when paths a and b name the same file (however spelt). */
static bool same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (!strcmp(a, b))
		return true;
	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
	       sa.st_ino == sb.st_ino;
}

/* Says on stderr why the file at path was set aside (or, for
 * YS_BENCH_REPLACED, why the one at met was), at most MAX_LISTED times. */
static void say_set_aside(ys_bench_added what, const char *path,
			  const char *met, size_t *n_said)
{
	const char *older = path, *newer = met;

	if (what == YS_BENCH_COUNTED || (*n_said)++ >= MAX_LISTED)
		return;
	if (what == YS_BENCH_REPLACED) {
		older = met;
		newer = path;
	}
	fputs("yardstick: note: ", stderr);
	ys_fputs_safe(older, stderr, 0);
	if (what == YS_BENCH_REPEAT && same_file(path, met)) {
		fputs(" set aside: given more than once\n", stderr);
		return;
	}
	if (what == YS_BENCH_REPEAT)
		fputs(" set aside: the same assessment as ", stderr);
	else
		fputs(" set aside: an older assessment of the same organisation as ",
		      stderr);
	ys_fputs_safe(newer, stderr, 0);
	fputc('\n', stderr);
}

/* "yardstick: PATH: answers for questionnaire 'OTHER', not 'ID'". */
static void say_other(const char *path, const char *other,
		      const ys_questionnaire *q)
{
	fputs("yardstick: ", stderr);
	ys_fputs_safe(path, stderr, 0);
	fputs(": answers for questionnaire '", stderr);
	ys_fputs_safe(other, stderr, 0);
	fputs("', not '", stderr);
	ys_fputs_safe(q->id, stderr, 0);
	fputs("'\n", stderr);
}

static int first_questionnaire(const char *path, const char *qspec,
			       ys_questionnaire **q)
{
	/* One list per file: a list shows source lines of one file only. */
	ys_diags da = {0}, dq = {0};
	ys_answers *a = NULL;

	/* -q is the questionnaire to compare on: files answered with
	 * another are set aside, not refused. */
	if (qspec) {
		*q = ys_catalog_load(qspec, &dq);
	} else {
		a = ys_answers_read_file(path, &da);
		if (!a)
			return cli_diags(&da, YS_EX_DATAERR);
		/* Every file is scored on the version the first one records
		 * (an archived built-in included). */
		*q = ys_catalog_for_answers(a, path, NULL, true, &dq, NULL);
	}
	ys_answers_free(a);
	ys_diags_free(&da);
	if (*q) {
		ys_diags_free(&dq);
		return 0;
	}
	return cli_diags(&dq, YS_EX_DATAERR);
}

static int run(names *files, const char *qspec, const char *highlight,
	       ys_bench_format fmt, size_t width, bool ascii,
	       const char *output, bool force)
{
	ys_questionnaire *q = NULL;
	ys_answers_stream *st = NULL;
	ys_bench *b = NULL;
	names wrong = {0};
	size_t i, n_versions = 0, n_said = 0, aside;
	cli_mem m;
	int rc;

	rc = first_questionnaire(files->v[0], qspec, &q);
	if (rc)
		return rc;
	b = ys_bench_new(q);
	if (b)
		st = ys_answers_stream_open((const char *const *)files->v,
					    files->n, q, YS_STREAM_AUTO, 0);
	if (!b || !st) {
		rc = cli_error(YS_EX_SOFTWARE, "out of memory");
		goto out;
	}
	for (i = 0; i < files->n; i++) {
		ys_answers_item it;
		ys_score s;
		char *other = NULL;
		bool differs = false;

		ys_answers_stream_next(st, &it);
		rc = score_item(&it, q, &s, &other, &differs);
		if (rc == 1) {
			if (wrong.n < MAX_LISTED) {
				say_other(files->v[i], other, q);
			}
			ys_free(other);
			if (!names_push(&wrong, ys_strdup(files->v[i]))) {
				rc = cli_error(YS_EX_SOFTWARE, "out of memory");
				goto out;
			}
			rc = 0;
			continue;
		}
		if (rc)
			goto out;
		if (differs)
			n_versions++;
		{
			size_t met = 0;
			ys_bench_added what = ys_bench_add_assessment(b,
				it.a->organisation, it.a->created, it.a->updated, i,
				&s, &met);

			ys_answers_item_free(&it);
			ys_score_free(&s);
			if (what == YS_BENCH_NOMEM) {
				rc = cli_error(YS_EX_SOFTWARE, "out of memory");
				goto out;
			}
			say_set_aside(what, files->v[i], files->v[met], &n_said);
		}
	}
	ys_answers_stream_close(st);
	st = NULL;
	if (wrong.n) {
		if (wrong.n > MAX_LISTED)
			fprintf(stderr, "yardstick: ... and %zu more\n",
				wrong.n - MAX_LISTED);
		fputs("yardstick: every file must be for the same questionnaire (",
		      stderr);
		ys_fputs_safe(q->id, stderr, 0);
		fprintf(stderr, "); %zu %s not\n", wrong.n,
			wrong.n == 1 ? "file is" : "files are");
		rc = YS_EX_DATAERR;
		goto out;
	}
	aside = ys_bench_files(b) - ys_bench_count(b);
	if (n_said > MAX_LISTED)
		fprintf(stderr, "yardstick: note: ... and %zu more set aside\n",
			n_said - MAX_LISTED);
	if (ys_bench_count(b) < YS_BENCH_MIN_ORGS) {
		if (aside)
			rc = cli_error(YS_EX_DATAERR, "a benchmark needs at least %d "
				       "organisations; the %zu files given are from %zu "
				       "(%zu set aside as %s)", YS_BENCH_MIN_ORGS,
				       ys_bench_files(b), ys_bench_count(b), aside,
				       aside == 1 ? "an older assessment of the same "
				       "organisation or a repeat" : "older assessments "
				       "of the same organisation or repeats");
		else
			rc = cli_error(YS_EX_DATAERR, "a benchmark needs at least %d "
				       "organisations' answers files; %zu given",
				       YS_BENCH_MIN_ORGS, ys_bench_count(b));
		goto out;
	}
	if (n_versions)
		fprintf(stderr, "yardstick: warning: %zu of %zu files were "
			"answered with another version of the questionnaire; "
			"they are scored against version %s\n", n_versions,
			files->n, q->version);
	if (highlight) {
		ys_score s;
		char *other = NULL;
		bool differs = false;

		rc = score_file(highlight, q, &s, &other, &differs);
		if (rc == 1) {
			say_other(highlight, other, q);
			ys_free(other);
			rc = YS_EX_DATAERR;
			goto out;
		}
		if (rc)
			goto out;
		ys_bench_highlight(b, &s);
		ys_score_free(&s);
	}
	if (!cli_mem_open(&m)) {
		rc = cli_error(YS_EX_SOFTWARE, "out of memory");
		goto out;
	}
	ys_bench_set_ascii(b, ascii);
	rc = ys_bench_write(b, fmt, width, m.f);
	rc = cli_mem_output(&m, rc, output, force);
out:
	ys_answers_stream_close(st);
	names_free(&wrong);
	ys_bench_free(b);
	ys_questionnaire_free(q);
	return rc;
}

int cmd_benchmark(int argc, char **argv)
{
	ys_bench_format fmt = YS_BENCH_TEXT;
	cli_out_opts o;
	names files = {0};
	const char *f;
	int rc;

	rc = cli_parse_out_opts("benchmark", argc, argv, "H", usage, &o);
	if (rc >= 0)
		return rc;
	f = o.format;
	if (!f || !strcmp(f, "text") || !strcmp(f, "txt"))
		fmt = YS_BENCH_TEXT;
	else if (!strcmp(f, "csv"))
		fmt = YS_BENCH_CSV;
	else if (!strcmp(f, "json"))
		fmt = YS_BENCH_JSON;
	else
		return cli_usage_error("benchmark",
			"unknown format '%s' (text, csv or json)", f);
	if (optind >= argc)
		return cli_usage_error("benchmark", "no answers files given");
	rc = collect(&files, argv + optind, argc - optind);
	if (!rc && files.n < YS_BENCH_MIN_ORGS)
		rc = cli_error(YS_EX_DATAERR, "a benchmark needs at least %d "
			       "organisations' answers files; %zu given",
			       YS_BENCH_MIN_ORGS, files.n);
	if (!rc)
		rc = run(&files, o.qspec, o.highlight, fmt, o.width, o.ascii, o.output,
			 o.force);
	names_free(&files);
	return rc;
}
