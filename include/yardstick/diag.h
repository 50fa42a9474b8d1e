/* Diagnostics: positioned error and warning messages about an input file.
 *
 * The core never prints. Loaders add errors to a ys_diags list, and lint
 * passes add warnings; the command-line front end prints them with
 * ys_diags_print(), GCC style:
 *
 *   yardstick: FILE:LINE:COL: error: MESSAGE
 *     12 |   level: 7
 *        |          ^
 *
 * (or "warning:" in place of "error:"). A warning never sets an exit code.
 *
 * so that editors can jump to them. Messages never contain raw control
 * characters: text quoted from the input is sanitised when added. */
#ifndef YARDSTICK_DIAG_H
#define YARDSTICK_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

#include "yardstick/common.h"

/* Cap on the diagnostics kept for one file; past it, one final
 * "too many errors" diagnostic is added and the rest are dropped. */
#define YS_DIAG_MAX 50
/* The same cap for warnings, counted apart from errors; past it the
 * printout ends with the number of warnings left out. */
#define YS_WARN_MAX 50

typedef struct ys_diag {
	char *file;             /* owned; may be NULL for "no file" */
	ys_pos pos;             /* {0,0}: no position */
	char *message;          /* owned; sanitised */
	bool warning;           /* a warning, not an error */
} ys_diag;

typedef struct ys_diags {
	ys_diag *items;
	size_t count;
	size_t cap;
	size_t dropped;         /* errors not kept past YS_DIAG_MAX */
	size_t warnings;        /* warnings kept (they are in items too) */
	size_t warnings_dropped;        /* warnings not kept past YS_WARN_MAX */
	int exit_code;          /* the exit code the first error implies (0 if none) */
	/* Source text used to show the offending line under diagnostics
	 * about the file named src_name (owned); set by readers of memory,
	 * whose buffer must then outlive the printing. Diagnostics about
	 * other files re-read the file they name. */
	const char *src;
	size_t src_len;
	char *src_name;
} ys_diags;

/* A zero-initialised ys_diags is ready to use. */

/* Adds an error at pos in file, with a printf-style message. exit_code is
 * the code this error implies (YS_EX_DATAERR, YS_EX_NOINPUT, ...); the first
 * one added wins. Out of memory is recorded as YS_EX_SOFTWARE. */
void ys_diag_add(ys_diags *d, int exit_code, const char *file, ys_pos pos,
		 const char *fmt, ...) YS_PRINTF(5, 6);
void ys_diag_vadd(ys_diags *d, int exit_code, const char *file, ys_pos pos,
		  const char *fmt, va_list ap) YS_PRINTF(5, 0);

/* Adds a warning at pos in file; the exit code is left alone. Past
 * YS_WARN_MAX warnings it is only counted. */
void ys_diag_warn(ys_diags *d, const char *file, ys_pos pos,
		  const char *fmt, ...) YS_PRINTF(4, 5);

/* True once YS_DIAG_MAX errors are held (warnings do not count). */
bool ys_diags_full(const ys_diags *d);

/* Prints every diagnostic to out, in the order added, each followed by
 * the source line and a caret when the line can be found. prog is the
 * prefix ("yardstick"). */
void ys_diags_print(const ys_diags *d, FILE *out, const char *prog);

/* A point in a list to go back to: diagnostics added after it can be
 * taken back, when a reader finds a better single explanation for them
 * (an answers reader given a questionnaire). */
typedef struct ys_diags_mark {
	size_t count, dropped, warnings, warnings_dropped;
	int exit_code;
} ys_diags_mark;
ys_diags_mark ys_diags_mark_now(const ys_diags *d);
/* Frees the diagnostics added since m and restores the counts and the
 * exit code to what they were at m. */
void ys_diags_rewind(ys_diags *d, const ys_diags_mark *m);

/* Frees the messages; the list can be used again. */
void ys_diags_free(ys_diags *d);

#endif
