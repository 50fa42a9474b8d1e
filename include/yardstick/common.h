/* Shared definitions for the yardstick core: exit codes and source positions. */
#ifndef YARDSTICK_COMMON_H
#define YARDSTICK_COMMON_H

#include <stddef.h>
#include <stdint.h>

/* Exit codes, as in <sysexits.h>; the values are a public contract. */
enum ys_exit {
	YS_EX_OK = 0,
	YS_EX_USAGE = 64,       /* bad command line, or no terminal for an interactive command */
	YS_EX_DATAERR = 65,     /* invalid questionnaire or answers content */
	YS_EX_NOINPUT = 66,     /* input missing or unreadable */
	YS_EX_UNAVAILABLE = 69, /* the live workshop cannot listen (port in use, bad address or certificate) */
	YS_EX_SOFTWARE = 70,    /* internal error (including out of memory) */
	YS_EX_CANTCREAT = 73,   /* output cannot be created */
	YS_EX_IOERR = 74,       /* I/O error while writing */
	YS_EX_TEMPFAIL = 75,    /* answers file in use by another yardstick (lock held) */
};

/* A position in a source file: 1-based line and column. The column counts
 * characters (Unicode code points), not bytes. {0, 0} means "no position". */
typedef struct ys_pos {
	uint32_t line;
	uint32_t col;
} ys_pos;

#define YS_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

#if defined(__GNUC__) || defined(__clang__)
#define YS_PRINTF(f, a) __attribute__((format(printf, f, a)))
#define YS_NODISCARD __attribute__((warn_unused_result))
#else
#define YS_PRINTF(f, a)
#define YS_NODISCARD
#endif

#endif
