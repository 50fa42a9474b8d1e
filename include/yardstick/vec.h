/* Growable arrays: one growth rule for every array in the program.
 *
 * An array is any `T *p` with its capacity `size_t cap` (in elements) kept
 * beside it; the element count is the caller's. YS_GROW makes room:
 *
 *	if (!YS_GROW(a->items, a->cap, a->n + 1))
 *		return false;              // out of memory: nothing changed
 *	a->items[a->n++] = item;
 *
 * Memory comes from ys_realloc (the allocation seam), so fault-injection
 * tests reach every array. */
#ifndef YARDSTICK_VEC_H
#define YARDSTICK_VEC_H

#include <stdbool.h>
#include <stddef.h>

/* Makes room for at least need elements of size bytes in the array whose
 * pointer is at pp (a T **, passed as void *) and whose capacity is *cap.
 * The capacity at least doubles (starting at 8), so n pushes cost O(n).
 * New elements are not initialised. Returns false when need * size would
 * overflow or memory runs out; the array and *cap are then unchanged. */
bool ys_grow(void *pp, size_t *cap, size_t need, size_t size);

#define YS_GROW(p, cap, need) ys_grow(&(p), &(cap), (need), sizeof(*(p)))

#endif
