/* Growable arrays (vec.h). */
#include <stdint.h>
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/vec.h"

bool ys_grow(void *pp, size_t *cap, size_t need, size_t size)
{
	void *p, *q;
	size_t n;

	if (need <= *cap)
		return true;
	if (!size || need > SIZE_MAX / size)
		return false;
	n = *cap ? *cap : 8;
	while (n < need)
		n = n > SIZE_MAX / 2 ? need : n * 2;
	if (n > SIZE_MAX / size)
		n = need;
	/* The pointer is read and written through memcpy: pp points at a
	 * T *, which need not have the representation of a void *. */
	memcpy(&p, pp, sizeof(p));
	q = ys_realloc(p, n * size);
	if (!q)
		return false;
	memcpy(pp, &q, sizeof(q));
	*cap = n;
	return true;
}
