/* The base utilities: growable arrays, the string builder, the index and
 * the key set (vec.h, strbuf.h, strset.h), and the small string helpers of
 * text.h. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>

#include "yardstick/alloc.h"
#include "yardstick/strbuf.h"
#include "yardstick/strset.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"

static void test_grow(void **state)
{
	int *v = NULL;
	size_t cap = 0, n, i;

	(void)state;
	for (n = 0; n < 10000; n++) {
		assert_true(YS_GROW(v, cap, n + 1));
		assert_true(cap >= n + 1);
		v[n] = (int)n;
	}
	for (i = 0; i < n; i++)
		assert_int_equal(v[i], (int)i);
	/* Growth is geometric: far fewer than n reallocations were needed,
	 * and a request within the capacity changes nothing. */
	assert_true(cap < 2 * n);
	i = cap;
	assert_true(YS_GROW(v, cap, 3));
	assert_int_equal(cap, i);
	ys_free(v);
}

static void test_grow_overflow_and_oom(void **state)
{
	double *v = NULL;
	size_t cap = 0;

	(void)state;
	assert_false(YS_GROW(v, cap, SIZE_MAX / 2));
	assert_null(v);
	assert_int_equal(cap, 0);
	assert_true(YS_GROW(v, cap, 1));
	v[0] = 1.5;
	ys_alloc_fail_after(1);
	assert_false(YS_GROW(v, cap, cap + 1));
	ys_alloc_fail_after(0);
	assert_int_equal(cap, 8);
	assert_true(v[0] == 1.5);   /* unchanged after a failed growth */
	ys_free(v);
}

static void test_sb(void **state)
{
	ys_sb b = {0};
	char *s;
	int i;

	(void)state;
	s = ys_sb_take(&b);
	assert_string_equal(s, "");
	ys_free(s);
	ys_sb_puts(&b, "Ynys ");
	ys_sb_putn(&b, "Môn!!", 4);
	ys_sb_putc(&b, ':');
	for (i = 0; i < 1000; i++)
		ys_sb_printf(&b, "%d,", i);
	assert_false(b.oom);
	assert_int_equal(b.len, strlen(b.buf));
	assert_memory_equal(b.buf, "Ynys Môn:0,1,2,", strlen("Ynys Môn:0,1,2,"));
	s = ys_sb_take(&b);
	assert_null(b.buf);
	assert_string_equal(s + strlen(s) - 4, "999,");
	ys_free(s);

	/* After a failed allocation every call does nothing and take gives
	 * NULL, so a truncated string is never returned as whole. */
	ys_sb_puts(&b, "x");
	ys_alloc_fail_after(1);
	ys_sb_printf(&b, "%0200d", 1);
	ys_alloc_fail_after(0);
	assert_true(b.oom);
	ys_sb_puts(&b, "more");
	assert_null(ys_sb_take(&b));
	assert_null(b.buf);
}

typedef struct names {
	const char *const *v;
} names;

static bool names_eq(const void *ctx, size_t i, const void *key)
{
	return !strcmp(((const names *)ctx)->v[i], key);
}

static void test_index(void **state)
{
	static const char *const v[] = {"cyber", "data", "infra", "data", "own", "cyber"};
	names ctx = {v};
	ys_index x = {0};
	char buf[32];
	size_t i, dup = 99;
	char *many[3000];

	(void)state;
	assert_int_equal(ys_index_find(&x, ys_hash_str("x"), names_eq, &ctx, "x"),
			 YS_INDEX_NONE);
	for (i = 0; i < 3; i++)
		assert_int_equal(ys_index_add(&x, ys_hash_str(v[i]), i, names_eq, &ctx, v[i], NULL), 1);
	assert_int_equal(ys_index_add(&x, ys_hash_str(v[3]), 3, names_eq, &ctx, v[3], &dup), 0);
	assert_int_equal(dup, 1);
	assert_int_equal(ys_index_add(&x, ys_hash_str(v[4]), 4, names_eq, &ctx, v[4], NULL), 1);
	assert_int_equal(ys_index_add(&x, ys_hash_str(v[5]), 5, names_eq, &ctx, v[5], &dup), 0);
	assert_int_equal(dup, 0);
	assert_int_equal(x.count, 4);
	assert_int_equal(ys_index_find(&x, ys_hash_str("own"), names_eq, &ctx, "own"), 4);
	assert_int_equal(ys_index_find(&x, ys_hash_str("ow"), names_eq, &ctx, "ow"),
			 YS_INDEX_NONE);
	ys_index_clear(&x);
	assert_int_equal(ys_index_find(&x, ys_hash_str("own"), names_eq, &ctx, "own"),
			 YS_INDEX_NONE);
	ys_index_free(&x);

	/* Many keys: every one found again after the table has grown. */
	for (i = 0; i < 3000; i++) {
		snprintf(buf, sizeof(buf), "q-%zu", i);
		many[i] = ys_strdup(buf);
		assert_non_null(many[i]);
	}
	ctx.v = (const char *const *)many;
	for (i = 0; i < 3000; i++)
		assert_int_equal(ys_index_add(&x, ys_hash_str(many[i]), i, names_eq,
					      &ctx, many[i], NULL), 1);
	for (i = 0; i < 3000; i++)
		assert_int_equal(ys_index_find(&x, ys_hash_str(many[i]), names_eq,
					       &ctx, many[i]), i);
	assert_int_equal(ys_index_add(&x, 1, YS_INDEX_MAX + 1, names_eq, &ctx, "z", NULL), -1);
	ys_index_free(&x);
	for (i = 0; i < 3000; i++)
		ys_free(many[i]);
}

static void test_keyset(void **state)
{
	ys_keyset s = {0};
	ys_pos first, pos;

	(void)state;
	assert_true(ys_keyset_add(&s, "alpha", 5, (ys_pos){3, 5}, &first));
	assert_true(ys_keyset_add(&s, "alphabet", 5 + 3, (ys_pos){4, 5}, &first));
	/* Keys are compared by length and bytes: "alp" is not "alpha". */
	assert_true(ys_keyset_add(&s, "alphabet", 3, (ys_pos){5, 5}, &first));
	assert_false(ys_keyset_add(&s, "alpha", 5, (ys_pos){9, 1}, &first));
	assert_int_equal(first.line, 3);
	assert_int_equal(first.col, 5);
	assert_true(ys_keyset_find(&s, "alp", 3, &pos));
	assert_int_equal(pos.line, 5);
	assert_false(ys_keyset_find(&s, "beta", 4, NULL));
	ys_alloc_fail_after(1);
	assert_false(ys_keyset_add(&s, "gamma", 5, (ys_pos){6, 1}, &first));
	ys_alloc_fail_after(0);
	assert_int_equal(first.line, 0);
	assert_false(ys_keyset_find(&s, "gamma", 5, NULL));
	assert_int_equal(s.count, 3);
	ys_keyset_free(&s);
}

static void test_strings(void **state)
{
	char **v = ys_malloc(2 * sizeof(*v));

	(void)state;
	assert_true(ys_str_blank(NULL));
	assert_true(ys_str_blank(""));
	assert_true(ys_str_blank(" \t\n"));
	assert_false(ys_str_blank(" x "));
	assert_true(ys_str_eq(NULL, NULL));
	assert_false(ys_str_eq(NULL, ""));
	assert_false(ys_str_eq("a", NULL));
	assert_true(ys_str_eq("Môn", "Môn"));
	assert_false(ys_str_eq("Mon", "Môn"));
	assert_non_null(v);
	v[0] = ys_strdup("a");
	v[1] = ys_strdup("b");
	ys_strv_free(v, 2);
	ys_strv_free(NULL, 0);
	/* A NULL hash differs from an empty string's, and field boundaries
	 * count. */
	assert_true(ys_hash_more(YS_HASH_SEED, NULL) != ys_hash_more(YS_HASH_SEED, ""));
	assert_true(ys_hash_more(ys_hash_more(YS_HASH_SEED, "ab"), "c") !=
		    ys_hash_more(ys_hash_more(YS_HASH_SEED, "a"), "bc"));
	assert_true(ys_hash("abc", 3) == ys_hash_str("abc"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_grow),
		cmocka_unit_test(test_grow_overflow_and_oom),
		cmocka_unit_test(test_sb),
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_keyset),
		cmocka_unit_test(test_strings),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
