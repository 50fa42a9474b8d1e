/* Hash lookups by string: one open-addressing table for the whole program.
 *
 * ys_index maps keys to positions in an array the caller owns (questions,
 * responses, names, actions): it stores only each element's hash and
 * position, and asks the caller whether element i has a given key, so an
 * array of many elements costs no allocation per element. ys_keyset is an
 * owning set of strings with a source position each, built on it, for
 * duplicate detection in free-form YAML mappings. */
#ifndef YARDSTICK_STRSET_H
#define YARDSTICK_STRSET_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "yardstick/common.h"

/* FNV-1a over n bytes; ys_hash_str over a NUL-terminated string. Chain
 * several fields with ys_hash_more (each field is followed by a separator,
 * so ("ab", "c") and ("a", "bc") differ; NULL hashes unlike ""). */
uint64_t ys_hash(const void *s, size_t n);
uint64_t ys_hash_str(const char *s);
uint64_t ys_hash_more(uint64_t h, const char *s);
#define YS_HASH_SEED 14695981039346656037u

#define YS_INDEX_NONE ((size_t)-1)
/* The largest position an index holds. */
#define YS_INDEX_MAX ((size_t)UINT32_MAX - 1)

/* Zero-initialised is empty. */
typedef struct ys_index {
	uint64_t *slots;  /* hash's high 32 bits << 32 | position + 1; 0 = free */
	size_t cap;       /* a power of two, or 0 */
	size_t count;
} ys_index;

/* True when element i of the caller's array (ctx) has key. */
typedef bool (*ys_index_eq)(const void *ctx, size_t i, const void *key);

/* The position of the element with key (hash h), or YS_INDEX_NONE. */
size_t ys_index_find(const ys_index *x, uint64_t h, ys_index_eq eq,
		     const void *ctx, const void *key);
/* Adds position i, whose key is key (hash h). Returns 1 when added; 0 when
 * an element with an equal key is already indexed (its position goes to
 * *dup when dup is not NULL; nothing is added); -1 when out of memory or i
 * is above YS_INDEX_MAX. */
int ys_index_add(ys_index *x, uint64_t h, size_t i, ys_index_eq eq,
		 const void *ctx, const void *key, size_t *dup);
/* Empties x (its positions become free again). */
void ys_index_clear(ys_index *x);
void ys_index_free(ys_index *x);

/* A set of strings with their positions, for duplicate detection in
 * free-form mappings (answer set names, target names, answers by question
 * id, voters). Zero-initialised is empty. */
typedef struct ys_keyset {
	struct ys_keyset_entry *entries;
	size_t count;
	size_t cap;
	ys_index index;
} ys_keyset;

/* Adds key (copied) at pos. Returns true when it was new; when it was
 * already present returns false and stores the first position in *first.
 * Out of memory also returns false with *first = {0,0}. */
bool ys_keyset_add(ys_keyset *s, const char *key, size_t len, ys_pos pos,
		   ys_pos *first);
/* Looks key up; returns true and its position (when pos is not NULL) when
 * present. */
bool ys_keyset_find(const ys_keyset *s, const char *key, size_t len,
		    ys_pos *pos);
void ys_keyset_free(ys_keyset *s);

#endif
