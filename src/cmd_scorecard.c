/* yardstick scorecard ANSWERS: score an answers file and write the
 * scorecard. */
#include <getopt.h>
#include <stdio.h>

#include "cli.h"
#include "yardstick/report.h"

static void usage(FILE *out)
{
	char formats[96];

	fputs("Usage: yardstick scorecard ANSWERS [OPTIONS]\n"
	      "Score an answers file and write its scorecard.\n\n"
	      "Options:\n", out);
	fprintf(out, "  -f, --format FORMAT   %s\n",
		ys_report_format_list(formats, sizeof(formats), true));
	fputs("  -o, --output FILE     write to FILE instead of standard output\n"
	      "      --force           replace FILE if it exists\n"
	      "  -t, --target PROFILE  score against this target profile instead of\n"
	      "                        the one named in the answers file\n"
	      "  -w, --width N         text width in columns, 60 to 1000 (default 80)\n"
	      "      --ascii           text in strict ASCII (accents dropped, other\n"
	      "                        scripts as '?') instead of UTF-8\n"
	      "  -q, --questionnaire Q use questionnaire Q (a file or an id, with the\n"
	      "                        same id) instead of the one the answers file\n"
	      "                        names\n"
	      "  -h, --help            show this help\n\n"
	      "The output for the same files is the same byte for byte. -o never\n"
	      "replaces an existing file without --force, and never leaves a\n"
	      "partial file.\n\n"
	      "Exit status: 0 success, 64 usage error, 65 invalid answers or\n"
	      "questionnaire, 66 file missing or unreadable, 73 output cannot be\n"
	      "created, 74 write error.\n", out);
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
	if (o.format && !ys_report_format_parse(o.format, &fmt)) {
		char formats[96];

		return cli_usage_error("scorecard", "unknown format '%s' (%s)", o.format,
				       ys_report_format_list(formats, sizeof(formats),
							     false));
	}
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
	rc = cli_load_assessment(argv[optind], qspec, target, &as);
	if (rc)
		return rc;
	r.q = as.q;
	r.a = as.a;
	r.s = &as.s;
	r.width = width;
	r.ascii = o.ascii;
	if (!cli_mem_open(&m)) {
		cli_assessment_free(&as);
		return cli_error(YS_EX_SOFTWARE, "out of memory");
	}
	rc = ys_report_write(&r, fmt, m.f);
	rc = cli_mem_output(&m, rc, output, force);
	cli_assessment_free(&as);
	return rc;
}
