/* The command-line front end: one function per subcommand. Each takes the
 * subcommand's own argv (argv[0] is the subcommand name) and returns the
 * process exit code. */
#ifndef YARDSTICK_CLI_H
#define YARDSTICK_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "yardstick/answers.h"
#include "yardstick/common.h"
#include "yardstick/diag.h"
#include "yardstick/live.h"
#include "yardstick/questionnaire.h"
#include "yardstick/score.h"
#include "yardstick/session.h"

int cmd_interview(int argc, char **argv);
int cmd_validate(int argc, char **argv);
int cmd_list(int argc, char **argv);
int cmd_scorecard(int argc, char **argv);
int cmd_compare(int argc, char **argv);
int cmd_benchmark(int argc, char **argv);
int cmd_merge(int argc, char **argv);

int cmd_workshop(int argc, char **argv);

/* What an interactive command was asked to do; cmd_interview.c runs the
 * interview and the workshop alike. The strings are borrowed from argv. */
typedef struct cli_interactive {
	const char *questionnaire;      /* -q */
	const char *output;             /* -o */
	const char *org;
	const char *target;
	const char *assessors[YS_MAX_NAMES];
	size_t n_assessors;
	/* Workshop. */
	bool workshop;
	const char *participants[YS_LIVE_MAX_PARTICIPANTS];
	size_t n_participants;
	unsigned timebox;               /* minutes per area, 0 for none */
	/* Live workshop: --live [ADDR:]PORT (live_addr NULL for every
	 * address), --tls-cert and --tls-key (PEM text, read at start). */
	bool live;
	const char *live_addr;
	unsigned live_port;
	const char *tls_cert;
	const char *tls_key;
} cli_interactive;

/* Refuses without a terminal (64), opens or creates the answers file and
 * runs the screens. Returns the exit code. */
int cli_interactive_run(const cli_interactive *o);

/* Prints "yardstick: MESSAGE" to stderr; returns code. */
int cli_error(int code, const char *fmt, ...) YS_PRINTF(2, 3);

/* Prints "Try 'yardstick CMD --help'." after a usage error; returns 64. */
int cli_usage_error(const char *cmd, const char *fmt, ...) YS_PRINTF(2, 3);

/* Prints d to stderr and frees it; returns its exit code, or fallback
 * when it has none. */
int cli_diags(ys_diags *d, int fallback);

/* An answers file with its questionnaire and score (scorecard and
 * compare). */
typedef struct cli_assessment {
	ys_answers *a;
	ys_questionnaire *q;
	ys_score s;
	bool scored;
} cli_assessment;

/* Reads path, finds its questionnaire as ys_catalog_for_answers() does
 * (qspec, refused with 65 when it is another questionnaire; else the
 * file the answers record; else the version the file records, found by
 * its sha256 among every version of its id, archived built-ins
 * included; else the one the lookup finds for the id), warns on stderr
 * when file and questionnaire versions differ, binds and scores against
 * target (NULL: the file's own). Prints diagnostics and returns an exit
 * code on failure (*out is then empty). */
int cli_load_assessment(const char *path, const char *qspec,
			const char *target, cli_assessment *out);
void cli_assessment_free(cli_assessment *c);
/* Says on stderr that q has no target profile named target, listing the
 * ones it has. Returns YS_EX_USAGE. */
int cli_unknown_target(const ys_questionnaire *q, const char *target);
/* Warns on stderr that the answers at path were started with another
 * questionnaire than q, naming the questions added and removed. */
void cli_warn_mismatch(const char *path, const ys_answers *a,
		       const ys_questionnaire *q);

/* Records in a where its questionnaire was loaded from (questionnaire.file):
 * qpath (a path from the current folder; NULL clears the record) seen
 * from the folder of the answers file answers_path. When the relative
 * path cannot be made (the folder is gone) or the file could not hold it,
 * the record is cleared and false returned, so that it never names
 * another file; the id lookup then finds the questionnaire. */
bool cli_record_questionnaire_file(ys_answers *a, const char *qpath,
				   const char *answers_path);

/* Prints s to out as one shell word (ys_shell_word, sanitised), for the
 * commands the program tells the user to run next. */
void cli_put_word(FILE *out, const char *s);

/* A report built in memory first, so that nothing partial is written. */
typedef struct cli_mem {
	FILE *f;
	char *buf;
	size_t len;
} cli_mem;

bool cli_mem_open(cli_mem *m);
/* Closes the stream of m, keeping its bytes. Returns status (the report
 * writer's result, 0 or an errno), or ENOMEM when it was 0 and closing
 * failed. */
int cli_mem_close(cli_mem *m, int status);
/* Writes the bytes of a closed m to path with ys_atomic_write, exclusive
 * unless force, and frees them. Returns 0, or ys_atomic_write's exit code
 * with *err set as it sets it. */
int cli_mem_save(cli_mem *m, const char *path, bool force, char **err);
/* Frees m (closing it first if it is open). */
void cli_mem_free(cli_mem *m);
/* Closes m and writes its bytes to path (NULL or "-": standard output)
 * with ys_atomic_write, exclusive unless force. status is the report
 * writer's result (0 or an errno). Returns the exit code, after printing
 * any error. */
int cli_mem_output(cli_mem *m, int status, const char *path, bool force);

/* Writes len bytes of buf to path with ys_atomic_write (mode as there),
 * exclusive unless force; prints any error. Returns the exit code: 73
 * when path exists without force (DESIGN section 2, every command). */
int cli_write_file(const char *path, const char *buf, size_t len,
		   unsigned mode, bool force);
/* The same refusal checked before any work: 73, after saying so, when
 * path (not "-") exists and force is false; else 0. */
int cli_check_output(const char *path, bool force);

/* Parses a --width value (YS_REPORT_MIN_WIDTH..YS_REPORT_MAX_WIDTH). */
bool cli_parse_width(const char *arg, size_t *out);

/* The options of the commands that write a report. */
typedef struct cli_out_opts {
	const char *format;     /* as given; NULL for the command's default */
	const char *output;     /* -o; NULL for standard output */
	bool force;
	size_t width;           /* 0 when not given */
	bool ascii;             /* --ascii: strict ASCII text */
	const char *qspec;      /* -q */
	const char *target;     /* -t, where extra has "t" */
	const char *highlight;  /* -H, where extra has "H" */
} cli_out_opts;

/* Parses -f/--format, -o/--output, --force, -w/--width,
 * -q/--questionnaire, -h/--help and --ascii, plus -t/--target and -H/--highlight
 * when extra names them ("tH"). Returns -1 when the operands start at
 * optind, or the exit code to return (0 after --help, 64 on a usage
 * error, already reported). */
int cli_parse_out_opts(const char *cmd, int argc, char **argv,
		       const char *extra, void (*usage)(FILE *out),
		       cli_out_opts *o);

#endif
