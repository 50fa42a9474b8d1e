/* bare_parse FILE...: the benchmark baseline. Runs a libyaml event parse
 * over each file and does nothing else with the events, so that
 * `yardstick validate` can be compared with the cheapest possible pass
 * over the same bytes. Exit 0 when every file parses, 1 on a YAML error,
 * 2 when a file cannot be opened. */
#include <stdio.h>

#include <yaml.h>

static int parse_file(const char *path)
{
	yaml_parser_t parser;
	yaml_event_t event;
	FILE *f;
	int status = 0, done = 0;

	f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return 2;
	}
	if (!yaml_parser_initialize(&parser)) {
		fclose(f);
		fputs("bare_parse: out of memory\n", stderr);
		return 2;
	}
	yaml_parser_set_input_file(&parser, f);
	while (!done) {
		if (!yaml_parser_parse(&parser, &event)) {
			fprintf(stderr, "%s:%lu:%lu: %s\n", path,
				(unsigned long)parser.problem_mark.line + 1,
				(unsigned long)parser.problem_mark.column + 1,
				parser.problem ? parser.problem : "parse error");
			status = 1;
			break;
		}
		done = event.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&event);
	}
	yaml_parser_delete(&parser);
	fclose(f);
	return status;
}

int main(int argc, char **argv)
{
	int i, status = 0;

	if (argc < 2) {
		fputs("usage: bare_parse FILE...\n", stderr);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		int s = parse_file(argv[i]);

		if (s > status)
			status = s;
	}
	return status;
}
