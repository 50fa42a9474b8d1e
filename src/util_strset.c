/* Hash lookups by string (strset.h). */
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/strset.h"
#include "yardstick/vec.h"

#define FNV_PRIME 1099511628211u

uint64_t ys_hash(const void *s, size_t n)
{
	const unsigned char *p = s;
	uint64_t h = YS_HASH_SEED;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ p[i]) * FNV_PRIME;
	return h;
}

uint64_t ys_hash_str(const char *s)
{
	uint64_t h = YS_HASH_SEED;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * FNV_PRIME;
	return h;
}

uint64_t ys_hash_more(uint64_t h, const char *s)
{
	for (; s && *s; s++)
		h = (h ^ (unsigned char)*s) * FNV_PRIME;
	return (h ^ (s ? 0xffu : 0xfeu)) * FNV_PRIME;
}

static uint32_t slot_hash(uint64_t h)
{
	return (uint32_t)(h >> 32) ^ (uint32_t)h;
}

size_t ys_index_find(const ys_index *x, uint64_t h, ys_index_eq eq,
		     const void *ctx, const void *key)
{
	uint32_t sh = slot_hash(h);
	size_t mask, i;

	if (!x->cap)
		return YS_INDEX_NONE;
	mask = x->cap - 1;
	for (i = sh & mask; x->slots[i]; i = (i + 1) & mask) {
		uint64_t v = x->slots[i];

		if ((uint32_t)(v >> 32) == sh && eq(ctx, (uint32_t)v - 1, key))
			return (uint32_t)v - 1;
	}
	return YS_INDEX_NONE;
}

static bool index_grow(ys_index *x)
{
	size_t cap = x->cap ? x->cap * 2 : 64, i;
	uint64_t *t;

	if (cap > SIZE_MAX / sizeof(*t) || cap < x->cap)
		return false;
	t = ys_calloc(cap, sizeof(*t));
	if (!t)
		return false;
	for (i = 0; i < x->cap; i++) {
		uint64_t v = x->slots[i];
		size_t j;

		if (!v)
			continue;
		for (j = (size_t)(v >> 32) & (cap - 1); t[j]; j = (j + 1) & (cap - 1))
			;
		t[j] = v;
	}
	ys_free(x->slots);
	x->slots = t;
	x->cap = cap;
	return true;
}

int ys_index_add(ys_index *x, uint64_t h, size_t i, ys_index_eq eq,
		 const void *ctx, const void *key, size_t *dup)
{
	uint32_t sh = slot_hash(h);
	size_t mask, j;

	if (i > YS_INDEX_MAX)
		return -1;
	if ((x->count + 1) * 2 > x->cap && !index_grow(x))
		return -1;
	mask = x->cap - 1;
	for (j = sh & mask; x->slots[j]; j = (j + 1) & mask) {
		uint64_t v = x->slots[j];

		if ((uint32_t)(v >> 32) == sh && eq(ctx, (uint32_t)v - 1, key)) {
			if (dup)
				*dup = (uint32_t)v - 1;
			return 0;
		}
	}
	x->slots[j] = (uint64_t)sh << 32 | (uint32_t)(i + 1);
	x->count++;
	return 1;
}

void ys_index_clear(ys_index *x)
{
	if (x->cap)
		memset(x->slots, 0, x->cap * sizeof(*x->slots));
	x->count = 0;
}

void ys_index_free(ys_index *x)
{
	ys_free(x->slots);
	x->slots = NULL;
	x->cap = x->count = 0;
}

/* ---- ys_keyset ---- */

struct ys_keyset_entry {
	char *key;
	size_t len;
	ys_pos pos;
};

typedef struct keyset_key {
	const char *s;
	size_t len;
} keyset_key;

static bool keyset_eq(const void *ctx, size_t i, const void *key)
{
	const struct ys_keyset_entry *e = &((const ys_keyset *)ctx)->entries[i];
	const keyset_key *k = key;

	return e->len == k->len && !memcmp(e->key, k->s, k->len);
}

bool ys_keyset_add(ys_keyset *s, const char *key, size_t len, ys_pos pos,
		   ys_pos *first)
{
	keyset_key k = {key, len};
	uint64_t h = ys_hash(key, len);
	size_t dup = ys_index_find(&s->index, h, keyset_eq, s, &k);
	char *copy;

	*first = (ys_pos){0, 0};
	if (dup != YS_INDEX_NONE) {
		*first = s->entries[dup].pos;
		return false;
	}
	if (!YS_GROW(s->entries, s->cap, s->count + 1))
		return false;
	copy = ys_strndup(key, len);
	if (!copy)
		return false;
	/* Only entries below count are indexed, so this one is not compared
	 * until it is added. */
	s->entries[s->count] = (struct ys_keyset_entry){copy, len, pos};
	if (ys_index_add(&s->index, h, s->count, keyset_eq, s, &k, NULL) != 1) {
		ys_free(copy);
		return false;
	}
	s->count++;
	return true;
}

bool ys_keyset_find(const ys_keyset *s, const char *key, size_t len,
		    ys_pos *pos)
{
	keyset_key k = {key, len};
	size_t i = ys_index_find(&s->index, ys_hash(key, len), keyset_eq, s, &k);

	if (i == YS_INDEX_NONE)
		return false;
	if (pos)
		*pos = s->entries[i].pos;
	return true;
}

void ys_keyset_free(ys_keyset *s)
{
	size_t i;

	for (i = 0; i < s->count; i++)
		ys_free(s->entries[i].key);
	ys_free(s->entries);
	ys_index_free(&s->index);
	*s = (ys_keyset){0};
}
