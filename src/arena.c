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

void *ys_arena_alloc(ys_arena *a, size_t size)
{
	const size_t align = alignof(max_align_t);
	ys_arena_chunk *c = a->head;
	size_t need = (size + align - 1) & ~(align - 1);
	void *p;

	if (need < size)
		return NULL;
	if (!c || c->size - c->used < need) {
		size_t cap = need > CHUNK_MIN ? need : CHUNK_MIN;

		/* Grow chunk sizes with the arena so big inputs need few chunks. */
		if (a->total / 4 > cap && a->total / 4 < ((size_t)1 << 26))
			cap = a->total / 4;
		if (cap > SIZE_MAX - sizeof(*c))
			return NULL;
		c = ys_malloc(sizeof(*c) + cap);
		if (!c)
			return NULL;
		c->size = cap;
		c->used = 0;
		if (a->head && a->head->size - a->head->used > cap - need) {
			/* Keep filling the current chunk; put the big one behind it. */
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
		a->total += sizeof(*c) + cap;
	}
	p = c->data + c->used;
	c->used += need;
	memset(p, 0, size);
	return p;
}

char *ys_arena_strndup(ys_arena *a, const char *s, size_t n)
{
	char *c;

	if (n == SIZE_MAX)
		return NULL;
	c = ys_arena_alloc(a, n + 1);
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
