/* Allocation seam. Every allocation made by the yardstick core goes through
 * these functions so that tests can make the Nth allocation fail and check
 * that every error path is clean. They behave like malloc/realloc/free. */
#ifndef YARDSTICK_ALLOC_H
#define YARDSTICK_ALLOC_H

#include <stddef.h>

void *ys_malloc(size_t size);
void *ys_calloc(size_t n, size_t size);
void *ys_realloc(void *p, size_t size);
void ys_free(void *p);

/* Returns a copy of s that the caller frees with ys_free(), or NULL when out
 * of memory. ys_strdup(NULL) returns NULL. */
char *ys_strdup(const char *s);
char *ys_strndup(const char *s, size_t n);

/* Test hook: when > 0, the allocation after this many more successful ones
 * fails (returns NULL) and the counter goes back to 0. 0 disables. The
 * hook and the count are thread-safe; which allocation fails is only
 * predictable when one thread allocates (read streams inline for such
 * tests: answers_stream.h). */
void ys_alloc_fail_after(long n);
/* Number of allocations made so far (for fault-injection loops). */
long ys_alloc_count(void);

#endif
