/* Bump allocator in chunks; see arena.h. */
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/arena.h"

#define CHUNK_MIN (64u * 1024u)

struct ys_arena_chunk {
	ys_arena_chunk *next;
	size_t size;            /* usable bytes after the header */
	size_t used;
	alignas(max_align_t) unsigned char data[];
};

/* Allocates size bytes aligned to align (a power of two no larger than
 * max_align_t's), without zeroing. */
static void *arena_raw(ys_arena *a, size_t size, size_t align)
{
	ys_arena_chunk *c = a->head;
	size_t start;

	if (size > SIZE_MAX / 2)
		return NULL;
	if (c) {
		start = (c->used + align - 1) & ~(align - 1);
		if (start <= c->size && c->size - start >= size) {
			c->used = start + size;
			return c->data + start;
		}
	}
	{
		size_t cap = size > CHUNK_MIN ? size : CHUNK_MIN;

		/* Grow chunk sizes with the arena so big inputs need few chunks. */
		if (a->total / 4 > cap && a->total / 4 < ((size_t)1 << 26))
			cap = a->total / 4;
		c = ys_malloc(sizeof(*c) + cap);
		if (!c)
			return NULL;
		c->size = cap;
		c->used = size;
		if (a->head && a->head->size - a->head->used > cap - size) {
			/* Keep filling the current chunk; put the big one behind it. */
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
		a->total += sizeof(*c) + cap;
		return c->data;
	}
}

void *ys_arena_alloc(ys_arena *a, size_t size)
{
	void *p = arena_raw(a, size, alignof(max_align_t));

	return p ? memset(p, 0, size) : NULL;
}

char *ys_arena_strndup(ys_arena *a, const char *s, size_t n)
{
	char *c;

	if (n == SIZE_MAX)
		return NULL;
	c = arena_raw(a, n + 1, 1);
	if (!c)
		return NULL;
	memcpy(c, s, n);
	c[n] = '\0';
	return c;
}

char *ys_arena_strdup(ys_arena *a, const char *s)
{
	return ys_arena_strndup(a, s, strlen(s));
}

void ys_arena_free(ys_arena *a)
{
	ys_arena_chunk *c = a->head;

	while (c) {
		ys_arena_chunk *next = c->next;

		ys_free(c);
		c = next;
	}
	a->head = NULL;
	a->total = 0;
}
