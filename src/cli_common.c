/* Helpers shared by the command-line front end: messages, options of the
 * report commands, and writing a report built in memory. */
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "cli.h"
#include "yardstick/alloc.h"
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

/* Closes the stream and writes what it holds; frees everything. */
int cli_mem_output(cli_mem *m, int status, const char *path, bool force)
{
	int rc = 0;

	if (fclose(m->f) != 0 && status == 0)
		status = ENOMEM;
	m->f = NULL;
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
	free(m->buf);
	m->buf = NULL;
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
	enum { OPT_FORCE = 256 };
	static const struct option all[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"force", no_argument, NULL, OPT_FORCE},
		{"width", required_argument, NULL, 'w'},
		{"questionnaire", required_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
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
		if (i < 6 || strchr(extra, all[i].val))
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
