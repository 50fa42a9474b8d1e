/* A bump allocator: many small allocations freed with one call. The loaded
 * questionnaire lives in one arena, so error paths cannot leak. */
#ifndef YARDSTICK_ARENA_H
#define YARDSTICK_ARENA_H

#include <stddef.h>

typedef struct ys_arena_chunk ys_arena_chunk;

typedef struct ys_arena {
	ys_arena_chunk *head;
	size_t total;           /* bytes obtained from the allocator */
} ys_arena;

/* An arena is ready to use when zero-initialised. */

/* Returns size bytes aligned for any type, owned by the arena, or NULL when
 * out of memory. The memory is zeroed. */
void *ys_arena_alloc(ys_arena *a, size_t size);
/* Copies n bytes of s and adds a NUL; owned by the arena. */
char *ys_arena_strndup(ys_arena *a, const char *s, size_t n);
char *ys_arena_strdup(ys_arena *a, const char *s);
/* Frees everything the arena holds; the arena can be used again. */
void ys_arena_free(ys_arena *a);

#endif
