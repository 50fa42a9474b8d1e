/* yardstick validate QUESTIONNAIRE... */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "yardstick/catalog.h"
#include "yardstick/questionnaire.h"
#include "yardstick/text.h"

static void usage(FILE *out)
{
	fputs("Usage: yardstick validate [OPTIONS] QUESTIONNAIRE...\n"
	      "Check questionnaires and report every problem found, as\n"
	      "FILE:LINE:COL: error: MESSAGE with the source line and a caret.\n"
	      "A valid questionnaire may still get warnings (a question without\n"
	      "advice, an area without a recommendation for a level), printed\n"
	      "the same way with warning: in place of error:.\n"
	      "QUESTIONNAIRE is a file or the id of an installed or built-in one.\n\n"
	      "Options:\n"
	      "  -q, --quiet  print nothing for valid questionnaires but warnings\n"
	      "  -h, --help   show this help\n\n"
	      "Exit status: 0 all valid (even with warnings), 65 invalid content,\n"
	      "66 missing or unreadable file, 64 usage error.\n", out);
}

int cmd_validate(int argc, char **argv)
{
	static const struct option opts[] = {
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	bool quiet = false;
	int c, status = 0, i;

	optind = 1;
	while ((c = getopt_long(argc, argv, "qh", opts, NULL)) != -1) {
		switch (c) {
		case 'q':
			quiet = true;
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			return cli_usage_error("validate", "invalid option");
		}
	}
	if (optind >= argc)
		return cli_usage_error("validate", "no questionnaire given");
	for (i = optind; i < argc; i++) {
		ys_diags d = {0};
		ys_questionnaire *q = ys_catalog_load_fp(argv[i], false, &d);

		if (q) {
			/* Warnings first, so the ok line closes the report. */
			if (ys_questionnaire_lint(q, &d))
				ys_diags_print(&d, stderr, "yardstick");
			if (!quiet) {
				ys_fputs_safe(q->source, stdout, 0);
				printf(": ok: %s %s, %zu areas, %zu questions\n", q->id,
				       q->version, q->n_areas, q->n_questions);
			}
			ys_questionnaire_free(q);
		} else {
			ys_diags_print(&d, stderr, "yardstick");
			if (!status)
				status = d.exit_code ? d.exit_code : YS_EX_DATAERR;
		}
		ys_diags_free(&d);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		return cli_error(YS_EX_IOERR, "error writing to standard output");
	return status;
}
