/* Allocation seam with a fault-injection hook for tests.
 *
 * The counters are atomic so that files can be read on several threads
 * (answers_stream.h). Fault injection stays deterministic where tests use
 * it: on one thread, the Nth allocation after ys_alloc_fail_after(N) is the
 * one that fails. */
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "yardstick/alloc.h"

static atomic_long fail_after;  /* 0: never fail */
static atomic_long count;

static int should_fail(void)
{
	long n;

	atomic_fetch_add_explicit(&count, 1, memory_order_relaxed);
	n = atomic_load_explicit(&fail_after, memory_order_relaxed);
	/* Exactly one allocation takes the counter from 1 to 0. */
	while (n > 0) {
		if (atomic_compare_exchange_weak_explicit(&fail_after, &n, n - 1,
							  memory_order_relaxed,
							  memory_order_relaxed))
			return n == 1;
	}
	return 0;
}

void ys_alloc_fail_after(long n)
{
	atomic_store(&fail_after, n);
}

long ys_alloc_count(void)
{
	return atomic_load(&count);
}

void *ys_malloc(size_t size)
{
	if (should_fail())
		return NULL;
	return malloc(size ? size : 1);
}

void *ys_calloc(size_t n, size_t size)
{
	if (should_fail())
		return NULL;
	return calloc(n ? n : 1, size ? size : 1);
}

void *ys_realloc(void *p, size_t size)
{
	if (should_fail())
		return NULL;
	return realloc(p, size ? size : 1);
}

void ys_free(void *p)
{
	free(p);
}

char *ys_strndup(const char *s, size_t n)
{
	char *c;

	if (!s)
		return NULL;
	c = ys_malloc(n + 1);
	if (!c)
		return NULL;
	memcpy(c, s, n);
	c[n] = '\0';
	return c;
}

char *ys_strdup(const char *s)
{
	return s ? ys_strndup(s, strlen(s)) : NULL;
}
