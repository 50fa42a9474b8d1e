/* yardstick interview: complete an assessment in the terminal, over one or
 * several sittings. The workshop (cmd_workshop.c) runs through the same
 * code with cli_interactive.workshop set. */
#include <dirent.h>
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"
#include "tui.h"
#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/catalog.h"
#include "yardstick/questionnaire.h"
#include "yardstick/report.h"
#include "yardstick/score.h"
#include "yardstick/session.h"
#include "yardstick/store.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"

#define MAX_ASSESSORS YS_MAX_NAMES

static const char *cmd_name(const cli_interactive *o)
{
	return o->workshop ? "workshop" : "interview";
}

static void usage(FILE *out)
{
	fputs("Usage: yardstick interview [OPTIONS]\n"
	      "Complete an assessment in the terminal. Answers are saved after every\n"
	      "change; run the same command with -o FILE to resume.\n\n"
	      "Options:\n"
	      "  -q, --questionnaire Q  questionnaire file or id (default:\n"
	      "                         " YS_DEFAULT_QUESTIONNAIRE "; resuming: the\n"
	      "                         one the answers file names); a file is\n"
	      "                         recorded in the answers file\n"
	      "  -o, --output FILE      answers file; an existing one is resumed\n"
	      "                         (default: assessment-YYYY-MM-DD.yaml, new)\n"
	      "      --org NAME         the organisation assessed (when resuming a file\n"
	      "                         for another, asked before it is changed)\n"
	      "      --assessor NAMES   who is assessing: 'Sam Patel, Jo Okafor' is\n"
	      "                         two people; repeatable\n"
	      "      --target PROFILE   the questionnaire's target profile to compare with\n"
	      "  -h, --help             show this help\n\n"
	      "Keys: arrows and Enter or 1-9 answer, d don't know, x N/A, n note,\n"
	      "p park, a areas, r review, s scores, q save and quit, F1 all keys.\n\n"
	      "Exit status: 0 done, 64 usage or no terminal, 65 invalid content,\n"
	      "66 input missing, 73 answers file read-only or folder not writable,\n"
	      "74 answers could not be saved, 75 answers file in use by another\n"
	      "yardstick.\n", out);
}

static int parse(int argc, char **argv, cli_interactive *o)
{
	static const struct option longopts[] = {
		{"questionnaire", required_argument, NULL, 'q'},
		{"output", required_argument, NULL, 'o'},
		{"org", required_argument, NULL, 'O'},
		{"assessor", required_argument, NULL, 'A'},
		{"target", required_argument, NULL, 'T'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "q:o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'q':
			o->questionnaire = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'O':
			o->org = optarg;
			break;
		case 'A':
			if (o->n_assessors == MAX_ASSESSORS)
				return cli_usage_error("interview", "too many assessors (at most %d)",
						       MAX_ASSESSORS);
			o->assessors[o->n_assessors++] = optarg;
			break;
		case 'T':
			o->target = optarg;
			break;
		case 'h':
			usage(stdout);
			return -1;
		default:
			return cli_usage_error("interview", "invalid option");
		}
	}
	if (optind < argc)
		return cli_usage_error("interview",
				       "unexpected argument '%s' (use -o FILE to name the answers file)",
				       argv[optind]);
	return 0;
}

/* Picks assessment-YYYY-MM-DD.yaml, or -2, -3... when taken. The caller
 * frees the result. */
static char *default_path(const char *stem)
{
	char date[16], buf[64];
	time_t t = time(NULL);
	struct tm tm;
	struct stat st;
	int i;

	if (!localtime_r(&t, &tm) || !strftime(date, sizeof(date), "%Y-%m-%d", &tm))
		snprintf(date, sizeof(date), "undated");
	for (i = 1; i < 10000; i++) {
		if (i == 1)
			snprintf(buf, sizeof(buf), "%s-%s.yaml", stem, date);
		else
			snprintf(buf, sizeof(buf), "%s-%s-%d.yaml", stem, date, i);
		if (lstat(buf, &st) != 0 && errno == ENOENT)
			return ys_strdup(buf);
	}
	return NULL;
}

static void print_target_help(const ys_questionnaire *q)
{
	size_t i;

	if (!q->n_targets) {
		fputs("This questionnaire has no target profiles.\n", stderr);
		return;
	}
	fputs("Target profiles:", stderr);
	for (i = 0; i < q->n_targets; i++) {
		fputc(' ', stderr);
		ys_fputs_safe(q->targets[i].name, stderr, 0);
	}
	fputc('\n', stderr);
}

/* Adds the participants named with -p that a does not list yet (all of
 * them for a new file; late arrivals when resuming). Returns 0 or an exit
 * code. */
static int add_participants(const cli_interactive *o, ys_answers *a, bool *changed)
{
	const char **names;
	size_t n = 0, i, k;
	int rc = 0;

	if (!o->n_participants)
		return 0;
	names = ys_calloc(a->n_participants + o->n_participants, sizeof(*names));
	if (!names)
		return YS_EX_SOFTWARE;
	for (i = 0; i < a->n_participants; i++)
		names[n++] = a->participants[i];
	for (i = 0; i < o->n_participants; i++) {
		for (k = 0; k < a->n_participants; k++)
			if (ys_name_equal(a->participants[k], o->participants[i]))
				break;
		if (k == a->n_participants)
			names[n++] = o->participants[i];
	}
	if (n > a->n_participants) {
		char **copy = ys_calloc(n, sizeof(*copy));

		/* The list points into a->participants, which the setter
		 * replaces: copy first. */
		for (i = 0; copy && i < n; i++)
			if (!(copy[i] = ys_strdup(names[i])))
				break;
		if (!copy || i < n ||
		    !ys_answers_set_participants(a, (const char *const *)copy, n))
			rc = YS_EX_SOFTWARE;
		else
			*changed = true;
		while (copy && i)
			ys_free(copy[--i]);
		ys_free(copy);
	}
	ys_free(names);
	return rc;
}

/* The assessors named with --assessor, each value a comma-separated list
 * read as the start screen reads its field ("Sam Patel, Jo Okafor" is two
 * people), stored through the answers setter. Returns 0 or an exit code. */
static int set_assessors(const cli_interactive *o, ys_answers *a)
{
	char **all = NULL;
	size_t n = 0, cap = 0, i, k;
	int rc = 0;

	for (i = 0; i < o->n_assessors && !rc; i++) {
		char **list;
		size_t m;

		if (ys_names_split(o->assessors[i], YS_MAX_NAMES, &list, &m) < 0)
			rc = YS_EX_SOFTWARE;
		else if (n + m > YS_MAX_NAMES)
			rc = cli_usage_error(cmd_name(o), "too many assessors (at most %d)",
					     YS_MAX_NAMES);
		else if (m && !YS_GROW(all, cap, n + m))
			rc = YS_EX_SOFTWARE;
		for (k = 0; k < m; k++) {
			if (rc)
				ys_free(list[k]);
			else
				all[n++] = list[k];
		}
		ys_free(list);
	}
	if (!rc && n && !ys_answers_set_assessors(a, (const char *const *)all, n))
		rc = YS_EX_SOFTWARE;
	ys_strv_free(all, n);
	return rc;
}

/* --org when the file already names another organisation: changed only
 * when the user says so, before the screens start; anything but y or yes
 * (an empty line, end of input) keeps the file's name. */
static bool org_change_confirmed(const char *current, const char *wanted)
{
	char line[16];
	size_t n = 0;
	bool yes;

	if (ys_str_blank(current) || !strcmp(current, wanted))
		return true;
	fputs("This file is for ", stderr);
	ys_fputs_safe(current, stderr, 0);
	fputs("; change it to ", stderr);
	ys_fputs_safe(wanted, stderr, 0);
	fputs("? [y/N] ", stderr);
	fflush(stderr);
	/* Byte by byte, so that nothing typed after the line is taken from
	 * the screens that follow. */
	for (;;) {
		char c;
		ssize_t got = read(STDIN_FILENO, &c, 1);

		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0 || c == '\n')
			break;
		if (n + 1 < sizeof(line))
			line[n++] = c;
	}
	line[n] = '\0';
	while (n && (line[n - 1] == ' ' || line[n - 1] == '\r'))
		line[--n] = '\0';
	yes = !strcmp(line, "y") || !strcmp(line, "Y") || !strcmp(line, "yes") ||
	      !strcmp(line, "Yes") || !strcmp(line, "YES");
	fputs(yes ? "Organisation changed to " : "Keeping ", stderr);
	ys_fputs_safe(yes ? wanted : current, stderr, 0);
	fputs(".\n", stderr);
	return yes;
}

/* Applies --org, --assessor and --target to a. Returns 0 or an exit code. */
static int apply_opts(const cli_interactive *o, const ys_questionnaire *q,
		      ys_answers *a, bool *changed)
{
	*changed = false;
	if (o->target) {
		if (!ys_questionnaire_find_target(q, o->target)) {
			cli_usage_error(cmd_name(o), "unknown target profile '%s'", o->target);
			print_target_help(q);
			return YS_EX_USAGE;
		}
		if (!ys_answers_set_string(&a->target, o->target))
			return YS_EX_SOFTWARE;
		*changed = true;
	}
	if (o->org && org_change_confirmed(a->organisation, o->org)) {
		if (!ys_answers_set_string(&a->organisation, o->org))
			return YS_EX_SOFTWARE;
		*changed = true;
	}
	if (o->n_assessors) {
		int rc = set_assessors(o, a);

		if (rc)
			return rc;
		*changed = true;
	}
	if (o->workshop)
		return add_participants(o, a, changed);
	return 0;
}

/* A message for the status line, allocated with ys_malloc. */
static char *message(const char *fmt, const char *arg)
{
	size_t n = strlen(fmt) + strlen(arg) + 1;
	char *m = ys_malloc(n);

	if (m)
		snprintf(m, n, fmt, arg);
	return m;
}

/* The format typed at the export prompt, looked up in the report's format
 * table; "" is the default, the table's first. */
static bool export_format(const char *typed, const char **name, const char **ext)
{
	const ys_report_format_info *fi;
	size_t n;

	fi = *typed ? ys_report_format_find(typed) : ys_report_formats(&n);
	if (!fi)
		return false;
	*name = fi->name;
	*ext = fi->ext;
	return true;
}

/* The export key of the profile screen: writes the scorecard in the
 * chosen format to the chosen file with the rules of `scorecard -o`
 * (never replacing a file, never through a symbolic link, nothing
 * partial left behind). */
static bool export_scorecard(void *ctx, const ys_questionnaire *q,
			     const ys_answers *a, const char *format,
			     const char *out_path, char **msg, bool *exists)
{
	const ys_report_format_info *fi = ys_report_format_find(format);
	ys_score sc;
	ys_report r;
	char *err = NULL;
	cli_mem m;
	int rc;

	(void)ctx;
	*msg = NULL;
	*exists = false;
	if (!fi) {
		*msg = message("Unknown scorecard format '%s'.", format);
		return false;
	}
	if (!ys_score_compute(q, a, NULL, &sc)) {
		ys_score_free(&sc);
		*msg = message("%s", "The scores could not be computed.");
		return false;
	}
	r.q = q;
	r.a = a;
	r.s = &sc;
	r.width = 0;
	r.ascii = false;
	rc = cli_mem_open(&m) ? cli_mem_close(&m, ys_report_write(&r, fi->format, m.f))
			      : ENOMEM;
	ys_score_free(&sc);
	if (rc) {
		cli_mem_free(&m);
		*msg = message("The scorecard could not be made: %s", strerror(rc));
		return false;
	}
	rc = cli_mem_save(&m, out_path, false, &err);
	if (rc) {
		struct stat st;

		*exists = lstat(out_path, &st) == 0;
		if (*exists)
			*msg = message("%s already exists; exports never replace a file. "
				       "Type another name.", out_path);
		else
			*msg = message("Export failed: %s", err ? err : "cannot write the file");
		ys_free(err);
		return false;
	}
	*msg = message("Scorecard written to %s", out_path);
	return true;
}

/* Everything the interview holds while it runs. */
struct run {
	cli_interactive o;
	char *path;
	ys_store store;
	bool store_open;
	ys_questionnaire *q;
	ys_answers *a;
	ys_session_opts sopts;
	ys_catalog_entry *cat;
	size_t n_cat;
	const char **q_ids;
	const char **q_titles;
	char **removed, **added;
	size_t n_removed, n_added;
	bool overrides;
	/* The questionnaire -q named by its path (borrowed from argv) and its
	 * id, so that the start screen can switch back to it; NULL when -q
	 * was not a path. */
	const char *qpath;
	char *qpath_id;
	/* The id and title the start screen offers for a questionnaire the
	 * catalog does not list (one given by its path): copies, as the
	 * questionnaire itself is freed when the screen switches to another. */
	char *extra_id, *extra_title;
	char formats[96];       /* the scorecard formats, for the export prompt */
	ys_live *live;          /* the live workshop's server, NULL when not live */
	char live_code[YS_LIVE_CODE_LEN + 1];
	const char **format_names;      /* their names, offered as a list */
	char *offer_path;       /* an earlier answers file to offer, or NULL */
	char offer_label[160];
};

static void run_free(struct run *r)
{
	if (r->store_open)
		ys_store_close(&r->store);
	ys_answers_free(r->a);
	ys_questionnaire_free(r->q);
	ys_catalog_list_free(r->cat, r->n_cat);
	ys_free(r->q_ids);
	ys_free(r->q_titles);
	ys_strv_free(r->removed, r->n_removed);
	ys_strv_free(r->added, r->n_added);
	ys_free(r->format_names);
	ys_free(r->offer_path);
	ys_free(r->qpath_id);
	ys_free(r->extra_id);
	ys_free(r->extra_title);
	ys_free(r->path);
}

/* True when name is STEM-*.yaml, the default name of a new file. */
static bool default_named(const char *name, const char *stem)
{
	size_t n = strlen(name), k = strlen(stem);

	return n > k + 6 && !strncmp(name, stem, k) && name[k] == '-' &&
	       !strcmp(name + n - 5, ".yaml");
}

/* A plain `yardstick` in a folder that holds default-named answers files
 * from earlier sittings offers to resume the most recent one (by its
 * updated time) on the start screen: the same mode, and with -q the same
 * questionnaire. Files that do not read are left alone. */
static void find_offer(struct run *r)
{
	const char *stem = r->o.workshop ? "workshop" : "assessment";
	char best[32] = "";
	DIR *dir;
	struct dirent *e;

	if (r->o.output || !(dir = opendir(".")))
		return;
	while ((e = readdir(dir))) {
		ys_diags d = {0};
		ys_answers *a;
		size_t i, answered = 0;

		if (!default_named(e->d_name, stem) || !strcmp(e->d_name, r->path))
			continue;
		a = ys_answers_read_file(e->d_name, &d);
		ys_diags_free(&d);
		if (!a)
			continue;
		if ((a->mode == YS_MODE_WORKSHOP) == r->o.workshop && a->updated &&
		    (!r->o.questionnaire || (a->q_id && !strcmp(a->q_id, r->q->id))) &&
		    strcmp(a->updated, best) > 0 && strlen(a->updated) < sizeof(best)) {
			char *p = ys_strdup(e->d_name);

			if (p) {
				ys_free(r->offer_path);
				r->offer_path = p;
				snprintf(best, sizeof(best), "%s", a->updated);
				for (i = 0; i < a->n_responses; i++)
					answered += a->responses[i].answer != NULL;
				/* 2026-12-04T10:41:07Z: date and minutes, in UTC. */
				snprintf(r->offer_label, sizeof(r->offer_label),
					 "%zu answered%s%s, last changed %.10s %.5s UTC", answered,
					 a->organisation ? ", " : "",
					 a->organisation ? a->organisation : "", a->updated,
					 strlen(a->updated) > 11 ? a->updated + 11 : "");
			}
		}
		ys_answers_free(a);
	}
	closedir(dir);
	r->sopts.offer_path = r->offer_path;
	r->sopts.offer_label = r->offer_path ? r->offer_label : NULL;
}

/* The questionnaires the start screen offers: valid ones from the
 * catalog, with the loaded one always among them. */
static void catalog_choices(struct run *r)
{
	size_t i, n = 0;

	if (!ys_catalog_list(&r->cat, &r->n_cat))
		return;
	r->q_ids = ys_calloc(r->n_cat + 1, sizeof(*r->q_ids));
	r->q_titles = ys_calloc(r->n_cat + 1, sizeof(*r->q_titles));
	if (!r->q_ids || !r->q_titles)
		return;
	for (i = 0; i < r->n_cat; i++) {
		if (!r->cat[i].valid)
			continue;
		r->q_ids[n] = r->cat[i].id;
		r->q_titles[n] = r->cat[i].title;
		n++;
	}
	for (i = 0; i < n; i++)
		if (!strcmp(r->q_ids[i], r->q->id))
			break;
	if (i == n) {
		/* A questionnaire given by path: offer it first. */
		r->extra_id = ys_strdup(r->q->id);
		r->extra_title = ys_strdup(r->q->title);
		if (!r->extra_id || !r->extra_title)
			return;
		memmove(r->q_ids + 1, r->q_ids, n * sizeof(*r->q_ids));
		memmove(r->q_titles + 1, r->q_titles, n * sizeof(*r->q_titles));
		r->q_ids[0] = r->extra_id;
		r->q_titles[0] = r->extra_title;
		n++;
	}
	r->sopts.q_ids = r->q_ids;
	r->sopts.q_titles = r->q_titles;
	r->sopts.n_q = n;
}

/* An interview resumes interview files and a workshop workshop files;
 * anything else is refused with what to run instead. */
static int check_mode(const struct run *r)
{
	bool workshop = r->a->mode == YS_MODE_WORKSHOP;

	if (workshop == r->o.workshop)
		return 0;
	fputs("yardstick: ", stderr);
	ys_fputs_safe(r->path, stderr, 0);
	if (workshop) {
		fputs(" is a workshop file; resume it with: yardstick workshop -o ", stderr);
		cli_put_word(stderr, r->path);
		fputc('\n', stderr);
	} else {
		fputs(" is an interview, not a workshop file.\n"
		      "Resume it with: yardstick interview -o ", stderr);
		cli_put_word(stderr, r->path);
		fputs("\nor combine interviews into a workshop file with: "
		      "yardstick merge FILE... -o NEW\n", stderr);
	}
	return YS_EX_USAGE;
}

/* True when the answers file the user gave cannot or must not be written:
 * no write permission for anyone (0444, a frozen assessment, even for
 * root) or none for this user, or a read-only file system. */
static bool read_only(const struct stat *st, const char *path)
{
	return (st->st_mode & 0222) == 0 || access(path, W_OK) != 0;
}

static void say_read_only(const struct run *r)
{
	fputs("yardstick: ", stderr);
	ys_fputs_safe(r->path, stderr, 0);
	fputs(" is read-only; yardstick leaves it as it is.\n"
	      "To go on with this assessment, make it writable first:\n"
	      "  chmod u+w ", stderr);
	cli_put_word(stderr, r->path);
	fputs("\nor copy it and open the copy with -o. To read it as it is:\n"
	      "  yardstick scorecard ", stderr);
	cli_put_word(stderr, r->path);
	fputc('\n', stderr);
}

/* Opens the answers file: lock, then read and bind an existing one or
 * create new answers. Returns 0 or an exit code (after printing why). */
static int prepare(struct run *r)
{
	struct stat st;
	ys_diags d = {0};
	pid_t holder = 0;
	char *err = NULL;
	bool exists;
	int rc;

	if (r->o.output) {
		r->path = ys_strdup(r->o.output);
	} else {
		r->path = default_path(r->o.workshop ? "workshop" : "assessment");
	}
	if (!r->path)
		return cli_error(YS_EX_CANTCREAT, "cannot choose a name for the answers file");
	exists = lstat(r->path, &st) == 0;
	if (exists && !S_ISREG(st.st_mode)) {
		cli_error(YS_EX_NOINPUT, "%s is not a regular file", r->path);
		return YS_EX_NOINPUT;
	}
	if (exists && read_only(&st, r->path)) {
		say_read_only(r);
		return YS_EX_CANTCREAT;
	}
	rc = ys_store_check_writable(r->path, &err);
	if (rc) {
		fputs("yardstick: cannot save answers next to ", stderr);
		ys_fputs_safe(r->path, stderr, 0);
		fputs(": ", stderr);
		ys_fputs_safe(err ? err : "the folder is not writable", stderr, 0);
		fputs("\nChoose a folder you can write to, or give another file with -o.\n",
		      stderr);
		ys_free(err);
		return rc;
	}
	rc = ys_store_open(&r->store, r->path, &holder, &err);
	if (rc) {
		if (rc == YS_EX_TEMPFAIL) {
			fputs("yardstick: ", stderr);
			ys_fputs_safe(r->path, stderr, 0);
			if (holder)
				fprintf(stderr, " is in use by another yardstick (process %ld).\n",
					(long)holder);
			else
				fputs(" is in use by another yardstick.\n", stderr);
		} else {
			fputs("yardstick: ", stderr);
			ys_fputs_safe(err ? err : "cannot lock the answers file", stderr, 0);
			fputc('\n', stderr);
		}
		ys_free(err);
		return rc;
	}
	r->store_open = true;

	if (exists) {
		const char *from_file;

		r->a = ys_answers_read_file(r->path, &d);
		if (!r->a)
			return cli_diags(&d, YS_EX_DATAERR);
		rc = check_mode(r);
		if (rc)
			return rc;
		/* -q, else the file the answers record, else the version the
		 * file records when it is found (an archived built-in
		 * included), so answers made with last year's questionnaire
		 * are never moved to this year's; else the id. A -q for
		 * another questionnaire is refused (65). */
		r->q = ys_catalog_for_answers(r->a, r->path, r->o.questionnaire,
					      true, &d, &from_file);
		if (!r->q)
			return cli_diags(&d, YS_EX_NOINPUT);
		if (!ys_answers_bind(r->a, r->q, r->path, &d))
			return cli_diags(&d, YS_EX_DATAERR);
		if (!r->a->q_sha256 || strcmp(r->a->q_sha256, r->q->sha256)) {
			ys_questionnaire *old = ys_catalog_find_sha256(r->a->q_id,
								       r->a->q_sha256 ? r->a->q_sha256 : "");

			ys_answers_changed(r->a, r->q, old, &r->removed, &r->n_removed,
					   &r->added, &r->n_added);
			ys_questionnaire_free(old);
			r->sopts.has_changes = true;
			r->sopts.removed = (const char *const *)r->removed;
			r->sopts.n_removed = r->n_removed;
			r->sopts.added = (const char *const *)r->added;
			r->sopts.n_added = r->n_added;
		}
		/* A -q given on resume is what the file records from now on:
		 * saved at once, or, when the questionnaire changed, with the
		 * new version once the user goes on from the changed screen
		 * (quitting there leaves the file as it was). */
		if (r->o.questionnaire) {
			char *before = r->a->q_file ? ys_strdup(r->a->q_file) : NULL;

			cli_record_questionnaire_file(r->a, from_file, r->path);
			if (!ys_str_eq(before, r->a->q_file) && !r->sopts.has_changes)
				r->overrides = true;
			ys_free(before);
		}
		r->sopts.resume = true;
	} else {
		r->q = ys_catalog_load(r->o.questionnaire ? r->o.questionnaire :
				       YS_DEFAULT_QUESTIONNAIRE, &d);
		if (!r->q)
			return cli_diags(&d, YS_EX_NOINPUT);
		r->a = ys_answers_new(r->q);
		if (!r->a)
			return cli_error(YS_EX_SOFTWARE, "out of memory");
		if (r->o.workshop)
			r->a->mode = YS_MODE_WORKSHOP;
		if (r->o.questionnaire && ys_catalog_is_path(r->o.questionnaire)) {
			r->qpath = r->o.questionnaire;
			r->qpath_id = ys_strdup(r->q->id);
			if (!r->qpath_id)
				return cli_error(YS_EX_SOFTWARE, "out of memory");
			cli_record_questionnaire_file(r->a, r->q->source, r->path);
		}
	}
	ys_diags_free(&d);
	{
		bool changed;

		rc = apply_opts(&r->o, r->q, r->a, &changed);
		r->overrides = r->overrides || changed;
	}
	if (rc)
		return rc;
	catalog_choices(r);
	r->sopts.export_fn = export_scorecard;
	r->sopts.export_format = export_format;
	r->sopts.export_formats = ys_report_format_list(r->formats, sizeof(r->formats),
							 false);
	{
		size_t n, i;
		const ys_report_format_info *fi = ys_report_formats(&n);

		r->format_names = ys_calloc(n ? n : 1, sizeof(*r->format_names));
		for (i = 0; r->format_names && i < n; i++)
			r->format_names[i] = fi[i].name;
		r->sopts.export_names = r->format_names;
		r->sopts.n_export_names = r->format_names ? n : 0;
	}
	if (!exists)
		find_offer(r);
	r->sopts.workshop = r->o.workshop;
	r->sopts.timebox = r->o.timebox;
	return 0;
}

/* Starts a new session on questionnaire id after the start screen chose
 * another one. Returns the new session, or s unchanged (with a message)
 * when the questionnaire cannot be loaded. */
static ys_session *reload(struct run *r, ys_session *s)
{
	ys_diags d = {0};
	/* The questionnaire given by its path is offered by its id, which
	 * the lookup may not know: load it from its file again. */
	bool from_path = r->qpath && !strcmp(s->reload_id, r->qpath_id);
	ys_questionnaire *nq = ys_catalog_load(from_path ? r->qpath : s->reload_id,
					       &d);
	ys_answers *na;
	ys_session *ns;
	ys_store st;
	size_t i;

	ys_diags_free(&d);
	s->outcome = YS_OUT_RUNNING;
	if (!nq) {
		/* Back to the questionnaire that is loaded. */
		for (i = 0; i < s->opts.n_q; i++)
			if (!strcmp(s->opts.q_ids[i], s->q->id))
				s->q_choice = i;
		ys_session_set_status(s, true, "That questionnaire could not be loaded; run yardstick validate on it.");
		return s;
	}
	na = ys_answers_new(nq);
	if (na && s->workshop)
		na->mode = YS_MODE_WORKSHOP;
	if (na && from_path && ys_session_path(s))
		cli_record_questionnaire_file(na, nq->source, ys_session_path(s));
	if (!na) {
		ys_questionnaire_free(nq);
		ys_session_set_status(s, true, "Out of memory.");
		return s;
	}
	ys_session_take_store(s, &st);
	ns = ys_session_new(nq, na, &st, &r->sopts);
	if (!ns || !ys_session_carry_start(ns, s)) {
		if (ns)
			ys_session_free(ns);    /* frees na and closes st */
		else
			ys_answers_free(na);
		ys_questionnaire_free(nq);
		if (!ns)
			ys_store_close(&st);
		s->outcome = YS_OUT_QUIT;
		return s;
	}
	ys_session_free(s);
	ys_questionnaire_free(r->q);
	r->q = nq;
	return ns;
}

/* Makes s a live workshop on r's server: the addresses to show and the
 * join code. False when out of memory. */
static bool live_attach(struct run *r, ys_session *s)
{
	char **addrs;
	size_t n;

	if (!ys_live_addresses(r->o.live_addr, &addrs, &n))
		return false;
	return ys_session_live_setup(s, r->live_code, ys_live_port(r->live),
				     ys_live_tls(r->live), addrs, n);
}

/* Starts the live server (--live). Returns 0 or an exit code after
 * saying why. */
static int live_start(struct run *r)
{
	ys_live_opts lo;
	char err[256];

	if (!ys_live_new_code(r->live_code))
		return cli_error(YS_EX_SOFTWARE, "the system's random generator cannot be read");
	memset(&lo, 0, sizeof(lo));
	lo.addr = r->o.live_addr;
	lo.port = r->o.live_port;
	lo.cert_pem = r->o.tls_cert;
	lo.key_pem = r->o.tls_key;
	r->live = ys_live_start(&lo, err, sizeof(err));
	if (!r->live)
		return cli_error(YS_EX_UNAVAILABLE, "%s", err);
	return 0;
}

/* The command to run next, which must work exactly as printed from this
 * folder: the answers file records where its questionnaire is
 * (questionnaire.file) when it was given by its path, so the command
 * names only the answers file; should the record be missing (a path the
 * file cannot hold) or unsaved, the command names the questionnaire
 * too. */
static void print_next(const struct run *r, const ys_session *s)
{
	const char *qpath = NULL;

	/* (Quitting on the changed screen saves nothing: the file still
	 * records the questionnaire it was started with.) */
	if ((!s->a->q_file || s->screen == YS_SCR_CHANGED) && r->o.questionnaire &&
	    ys_catalog_is_path(r->o.questionnaire) &&
	    !strcmp(s->q->source, r->o.questionnaire))
		qpath = r->o.questionnaire;
	if (ys_session_answered(s) < s->q->n_questions)
		printf("Resume with: yardstick %s -o ", cmd_name(&r->o));
	else
		printf("Scorecard: yardstick scorecard ");
	cli_put_word(stdout, ys_session_path(s));
	if (qpath) {
		fputs(" -q ", stdout);
		cli_put_word(stdout, qpath);
	}
	putchar('\n');
}

static bool need_terminal(void)
{
	return !isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO);
}

int cmd_interview(int argc, char **argv)
{
	cli_interactive o;
	int rc;

	memset(&o, 0, sizeof(o));
	rc = parse(argc, argv, &o);
	if (rc)
		return rc < 0 ? 0 : rc;
	return cli_interactive_run(&o);
}

int cli_interactive_run(const cli_interactive *o)
{
	struct run r;
	ys_session *s;
	int rc, sig;
	bool saved, started, failed;
	char *save_error = NULL;
	char *resume_path = NULL;

	memset(&r, 0, sizeof(r));
	r.o = *o;
again:
	if (need_terminal()) {
		fprintf(stderr, "yardstick: the %s needs a terminal on standard input and output.\n",
			cmd_name(o));
		fputs("In scripts and pipes use the non-interactive commands:\n"
		      "  yardstick scorecard ANSWERS   score an answers file\n"
		      "  yardstick validate FILE       check a questionnaire\n"
		      "  yardstick list                list the questionnaires\n", stderr);
		return YS_EX_USAGE;
	}
	setlocale(LC_ALL, "");
	rc = prepare(&r);
	if (rc) {
		run_free(&r);
		ys_free(resume_path);
		return rc;
	}
	s = ys_session_new(r.q, r.a, &r.store, &r.sopts);
	if (!s) {
		run_free(&r);
		ys_free(resume_path);
		return cli_error(YS_EX_SOFTWARE, "out of memory");
	}
	r.a = NULL;
	r.store_open = false;
	if (r.overrides && r.sopts.resume)
		ys_session_save(s);
	if (o->live) {
		rc = live_start(&r);
		if (!rc && !live_attach(&r, s))
			rc = cli_error(YS_EX_SOFTWARE, "out of memory");
		if (rc) {
			ys_live_stop(r.live);
			ys_session_free(s);
			run_free(&r);
			return rc;
		}
		ys_session_do(s, YS_A_JOIN_SCREEN);
	}
	rc = tui_begin();
	if (rc) {
		ys_live_stop(r.live);
		ys_session_free(s);
		run_free(&r);
		ys_free(resume_path);
		return rc;
	}
	for (;;) {
		tui_run(s, r.live);
		if (s->outcome != YS_OUT_RELOAD)
			break;
		s = reload(&r, s);
		if (r.live && !s->live && !live_attach(&r, s))
			ys_session_set_status(s, true, "Out of memory: the live page is not available.");
	}
	/* The workshop is over: nothing listens any more. */
	ys_live_stop(r.live);
	r.live = NULL;
	tui_end();
	if (s->outcome == YS_OUT_RESUME_OFFERED) {
		/* The start screen's offer: open the earlier file instead, as
		 * it is (the options typed for a new file are not applied).
		 * The new file was never written. */
		ys_free(resume_path);
		resume_path = ys_strdup(r.offer_path);
		ys_session_free(s);
		run_free(&r);
		if (!resume_path)
			return cli_error(YS_EX_SOFTWARE, "out of memory");
		memset(&r, 0, sizeof(r));
		r.o = *o;
		r.o.output = resume_path;
		r.o.org = NULL;
		r.o.target = NULL;
		r.o.n_assessors = 0;
		r.o.n_participants = 0;
		goto again;
	}

	sig = tui_signal();
	started = s->started;
	failed = s->save_failed;
	saved = started && !failed;
	if (failed && s->save_error)
		save_error = ys_strdup(s->save_error);
	if (saved) {
		printf("Answers saved to ");
		ys_fputs_safe(ys_session_path(s), stdout, 0);
		printf(" (%zu of %zu answered).\n", ys_session_answered(s), r.q->n_questions);
		print_next(&r, s);
	}
	ys_session_free(s);
	run_free(&r);
	ys_free(resume_path);
	if (failed) {
		fputs("yardstick: the last changes were NOT saved: ", stderr);
		ys_fputs_safe(save_error ? save_error : "write failed", stderr, 0);
		fputc('\n', stderr);
		ys_free(save_error);
		return YS_EX_IOERR;
	}
	fflush(stdout);
	if (sig)
		return 128 + sig;
	return YS_EX_OK;
}
