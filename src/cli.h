/* The command-line front end: one function per subcommand. Each takes the
 * subcommand's own argv (argv[0] is the subcommand name) and returns the
 * process exit code. */
#ifndef YARDSTICK_CLI_H
#define YARDSTICK_CLI_H

#include <stdio.h>

int cmd_interview(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_scorecard(int argc, char **argv);

/* Prints "yardstick: MESSAGE" to stderr; returns code. */
int cli_error(int code, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

/* Prints "Try 'yardstick CMD --help'." after a usage error; returns 64. */
int cli_usage_error(const char *cmd, const char *fmt, ...)
#if defined(__GNUC__) || defined(__clang__)
	__attribute__((format(printf, 2, 3)))
#endif
	;

#endif
