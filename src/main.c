/* yardstick: measure an organisation's digital maturity from a YAML
 * questionnaire. This file dispatches git-style subcommands. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "ys_config.h"
#include "yardstick/common.h"
#include "yardstick/text.h"

struct command {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
};

static const struct command commands[] = {
	{"interview", cmd_interview, "complete an assessment in the terminal (the default)"},
	{"workshop", cmd_workshop, "run an assessment with a group: votes, spread, consensus"},
	{"validate", cmd_validate, "check questionnaires and report every problem"},
	{"list", cmd_list, "list the bundled and installed questionnaires"},
	{"scorecard", cmd_scorecard, "score an answers file and print the scorecard"},
	{"compare", cmd_compare, "compare two assessments: level, score and answer changes"},
	{"merge", cmd_merge, "combine participants' answers files into one workshop file"},
	{"benchmark", cmd_benchmark, "summarise many organisations' assessments, anonymously"},
};

static void usage(FILE *out)
{
	size_t i;

	fputs("Usage: yardstick [COMMAND] [OPTIONS]\n"
	      "With no command, runs the interview.\n"
	      "Measure an organisation's digital maturity from a questionnaire.\n\n"
	      "Commands:\n", out);
	for (i = 0; i < YS_ARRAY_LEN(commands); i++)
		fprintf(out, "  %-10s  %s\n", commands[i].name, commands[i].summary);
	fputs("\nOptions:\n"
	      "  -h, --help     show this help\n"
	      "  -V, --version  show the version\n\n"
	      "Run 'yardstick COMMAND --help' for a command's options.\n"
	      "Exit codes: 0 success, 64 usage, 65 invalid content, 66 input missing,\n"
	      "70 internal error, 73 cannot create output, 74 write error,\n"
	      "75 answers file in use.\n", out);
}

int main(int argc, char **argv)
{
	const char *name;
	size_t i;

	if (argc < 2)
		return cmd_interview(argc, argv);
	name = argv[1];
	if (!strcmp(name, "-h") || !strcmp(name, "--help") || !strcmp(name, "help")) {
		usage(stdout);
		return YS_EX_OK;
	}
	if (!strcmp(name, "-V") || !strcmp(name, "--version")) {
		printf("yardstick %s\n", YS_VERSION);
		return YS_EX_OK;
	}
	for (i = 0; i < YS_ARRAY_LEN(commands); i++)
		if (!strcmp(name, commands[i].name))
			return commands[i].run(argc - 1, argv + 1);
	return cli_usage_error(NULL, "unknown command '%s'", name);
}
