/* A growing string, for every piece of code that builds text in memory. */
#ifndef YARDSTICK_STRBUF_H
#define YARDSTICK_STRBUF_H

#include <stdbool.h>
#include <stddef.h>

#include "yardstick/common.h"

/* A zeroed ys_sb is empty and ready. Memory comes from ys_malloc; after an
 * allocation failure oom is set and later calls do nothing, so a caller
 * checks once, at the end (ys_sb_take returns NULL). buf is NUL-terminated
 * whenever it is not NULL. */
typedef struct ys_sb {
	char *buf;
	size_t len;
	size_t cap;
	bool oom;
} ys_sb;

void ys_sb_putn(ys_sb *b, const char *s, size_t n);
void ys_sb_puts(ys_sb *b, const char *s);
void ys_sb_putc(ys_sb *b, char c);
void ys_sb_printf(ys_sb *b, const char *fmt, ...) YS_PRINTF(2, 3);
/* Returns the string (the caller frees it with ys_free) and empties b;
 * NULL after an allocation failure (b is then freed). An empty builder
 * gives "". */
char *ys_sb_take(ys_sb *b);
void ys_sb_free(ys_sb *b);

#endif
