/* yardstick workshop: a facilitator runs the assessment with a group;
 * every participant votes on each question (DESIGN section 7). The
 * screens and the answers file are the interview's, in workshop mode. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "yardstick/alloc.h"
#include "yardstick/catalog.h"
#include "yardstick/common.h"
#include "yardstick/text.h"


static void usage(FILE *out)
{
	fputs("Usage: yardstick workshop [OPTIONS]\n"
	      "Run an assessment with a group: each participant votes on every question,\n"
	      "the votes stay hidden until revealed, and the group agrees an answer.\n"
	      "Every vote is saved as it is recorded; run the same command with -o FILE\n"
	      "to resume (a file from 'yardstick merge' opens with its votes in).\n\n"
	      "Options:\n"
	      "  -q, --questionnaire Q   questionnaire file or id (default:\n"
	      "                          " YS_DEFAULT_QUESTIONNAIRE "; resuming: the\n"
	      "                          one the answers file names); a file is\n"
	      "                          recorded in the answers file\n"
	      "  -o, --output FILE       answers file; an existing one is resumed\n"
	      "                          (default: workshop-YYYY-MM-DD.yaml, new)\n"
	      "  -p, --participant NAME  a participant, initials are fine (repeatable);\n"
	      "                          when resuming, names not in the file are added\n"
	      "      --org NAME          the organisation assessed (when resuming a file\n"
	      "                          for another, asked before it is changed)\n"
	      "      --target PROFILE    the questionnaire's target profile to compare with\n"
	      "      --timebox MINUTES   time box per area, shown counting down\n"
	      "  -h, --help              show this help\n\n"
	      "Keys: 1-9, d, x record the marked participant's vote, Backspace takes it\n"
	      "back, v reveals; then Enter accepts the proposed answer or 1-9, d, x\n"
	      "choose another, n adds a dissent note, p parks, r reviews, q saves and\n"
	      "quits, F1 all keys.\n\n"
	      "Exit status: 0 done, 64 usage or no terminal, 65 invalid content,\n"
	      "66 input missing, 73 answers file read-only or folder not writable,\n"
	      "74 answers could not be saved, 75 answers file in use by another\n"
	      "yardstick.\n", out);
}

/* A name without the spaces around it; the caller frees it (NULL when out
 * of memory). */
static char *trimmed(const char *s)
{
	const char *e = s + strlen(s);

	while (*s == ' ' || *s == '\t')
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return ys_strndup(s, (size_t)(e - s));
}

/* Checks the participants: none blank, none with a comma (the start
 * screen separates names with commas), none given twice. Returns 0 or the
 * exit code after saying why. */
static int check_participants(const cli_interactive *o)
{
	char **t = ys_calloc(o->n_participants + 1, sizeof(*t));
	size_t i, j;
	int rc = 0;

	if (!t)
		return cli_error(YS_EX_SOFTWARE, "out of memory");
	for (i = 0; i < o->n_participants && !rc; i++) {
		if (!(t[i] = trimmed(o->participants[i]))) {
			rc = cli_error(YS_EX_SOFTWARE, "out of memory");
			break;
		}
		if (!t[i][0])
			rc = cli_usage_error("workshop", "a participant's name is blank");
		else if (strchr(t[i], ','))
			rc = cli_usage_error("workshop",
					     "participant '%s' has a comma in the name; give one name per -p",
					     t[i]);
		for (j = 0; j < i && !rc; j++)
			if (ys_name_equal(t[i], t[j]))
				rc = cli_usage_error("workshop",
						     "participant '%s' is named twice; give each a different name",
						     t[i]);
	}
	ys_strv_free(t, o->n_participants);
	return rc;
}

static int parse_timebox(const char *arg, unsigned *out)
{
	if (!ys_timebox_parse(arg, out))
		return cli_usage_error("workshop",
				       "--timebox takes whole minutes, 0 to %d (got '%s')",
				       YS_TIMEBOX_MAX, arg);
	return 0;
}

static int parse(int argc, char **argv, cli_interactive *o)
{
	static const struct option longopts[] = {
		{"questionnaire", required_argument, NULL, 'q'},
		{"output", required_argument, NULL, 'o'},
		{"participant", required_argument, NULL, 'p'},
		{"org", required_argument, NULL, 'O'},
		{"target", required_argument, NULL, 'T'},
		{"timebox", required_argument, NULL, 'B'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0},
	};
	int c, rc;

	optind = 1;
	while ((c = getopt_long(argc, argv, "q:o:p:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'q':
			o->questionnaire = optarg;
			break;
		case 'o':
			o->output = optarg;
			break;
		case 'p':
			if (o->n_participants == YS_MAX_NAMES)
				return cli_usage_error("workshop", "too many participants (at most %d)",
						       YS_MAX_NAMES);
			o->participants[o->n_participants++] = optarg;
			break;
		case 'O':
			o->org = optarg;
			break;
		case 'T':
			o->target = optarg;
			break;
		case 'B':
			rc = parse_timebox(optarg, &o->timebox);
			if (rc)
				return rc;
			break;
		case 'h':
			usage(stdout);
			return -1;
		default:
			return cli_usage_error("workshop", "invalid option");
		}
	}
	if (optind < argc)
		return cli_usage_error("workshop",
				       "unexpected argument '%s' (use -o FILE to name the answers file)",
				       argv[optind]);
	return check_participants(o);
}

int cmd_workshop(int argc, char **argv)
{
	cli_interactive o;
	int rc;

	memset(&o, 0, sizeof(o));
	o.workshop = true;
	rc = parse(argc, argv, &o);
	if (rc)
		return rc < 0 ? 0 : rc;
	return cli_interactive_run(&o);
}
