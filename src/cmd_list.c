/* yardstick list */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "yardstick/catalog.h"
#include "yardstick/text.h"

static void usage(FILE *out)
{
	fputs("Usage: yardstick list [--targets QUESTIONNAIRE]\n"
	      "List every questionnaire yardstick can find, in lookup order:\n"
	      "$YARDSTICK_PATH, $XDG_DATA_HOME/yardstick/questionnaires, the\n"
	      "installed data folder, then the built-in ones. For each: id,\n"
	      "version, number of questions, title and where it comes from.\n"
	      "Each id is listed once, as the lookup finds it; the earlier\n"
	      "versions built in (used only for answers files that record\n"
	      "them) are noted under it.\n\n"
	      "Options:\n"
	      "  -t, --targets QUESTIONNAIRE  print the target profile names of\n"
	      "                               one questionnaire, one per line\n"
	      "  -h, --help                   show this help\n", out);
}

static int list_targets(const char *spec)
{
	ys_diags d = {0};
	ys_questionnaire *q = ys_catalog_load_fp(spec, false, &d);
	int status = 0;
	size_t i;

	if (!q) {
		ys_diags_print(&d, stderr, "yardstick");
		status = d.exit_code ? d.exit_code : YS_EX_DATAERR;
	} else {
		for (i = 0; i < q->n_targets; i++)
			printf("%s\n", q->targets[i].name);
	}
	ys_questionnaire_free(q);
	ys_diags_free(&d);
	if (fflush(stdout) != 0 || ferror(stdout))
		return cli_error(YS_EX_IOERR, "error writing to standard output");
	return status;
}

int cmd_list(int argc, char **argv)
{
	static const struct option opts[] = {
		{"targets", required_argument, NULL, 't'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	const char *targets_of = NULL;
	ys_catalog_entry *e;
	size_t n, i;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "t:h", opts, NULL)) != -1) {
		if (c == 'h') {
			usage(stdout);
			return 0;
		}
		if (c == 't') {
			targets_of = optarg;
			continue;
		}
		return cli_usage_error("list", "invalid option");
	}
	if (optind < argc)
		return cli_usage_error("list", "unexpected argument '%s'", argv[optind]);
	if (targets_of)
		return list_targets(targets_of);
	if (!ys_catalog_list(&e, &n))
		return cli_error(YS_EX_SOFTWARE, "out of memory");
	printf("%-34s %-10s %9s  %s\n", "ID", "VERSION", "QUESTIONS", "TITLE");
	for (i = 0; i < n; i++) {
		ys_fputs_safe(e[i].id, stdout, 0);
		printf("%*s", (int)(e[i].id && strlen(e[i].id) < 34 ? 35 - strlen(e[i].id) : 1), "");
		if (e[i].valid) {
			ys_fputs_safe(e[i].version, stdout, 0);
			printf("%*s %9zu  ", (int)(strlen(e[i].version) < 10 ? 10 - strlen(e[i].version) : 0),
			       "", e[i].n_questions);
			ys_fputs_safe(e[i].title, stdout, 0);
		} else {
			fputs("(invalid: run 'yardstick validate' on it)", stdout);
		}
		fputs(strcmp(e[i].source, "built-in") ? "\n    from " : "\n    built in", stdout);
		if (strcmp(e[i].source, "built-in"))
			ys_fputs_safe(e[i].source, stdout, 0);
		fputc('\n', stdout);
		if (e[i].archived) {
			fputs("    earlier versions, built in read-only: ", stdout);
			ys_fputs_safe(e[i].archived, stdout, 0);
			fputc('\n', stdout);
		}
	}
	ys_catalog_list_free(e, n);
	if (fflush(stdout) != 0 || ferror(stdout))
		return cli_error(YS_EX_IOERR, "error writing to standard output");
	return 0;
}
