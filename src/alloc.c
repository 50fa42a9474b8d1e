/* Allocation seam with a fault-injection hook for tests. */
#include <stdlib.h>
#include <string.h>

#include "yardstick/alloc.h"

static long fail_after;         /* 0: never fail */
static long count;

static int should_fail(void)
{
	count++;
	if (fail_after > 0 && --fail_after == 0)
		return 1;
	return 0;
}

void ys_alloc_fail_after(long n)
{
	fail_after = n;
}

long ys_alloc_count(void)
{
	return count;
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
