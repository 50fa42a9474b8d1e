/* Unit tests for the prompt line editor: UTF-8 insertion and deletion,
 * cursor moves over multi-byte characters, display width and limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yardstick/alloc.h"
#include "yardstick/line.h"

#define E_ACUTE "\xc3\xa9"              /* é: 2 bytes, 1 column */
#define KAN "\xe6\xbc\xa2"              /* 漢: 3 bytes, 2 columns */
#define GRIN "\xf0\x9f\x98\x80"         /* U+1F600: 4 bytes, 2 columns */
#define ACUTE "\xcc\x81"                /* combining acute: 2 bytes, 0 columns */

static void test_empty(void **state)
{
	ys_line l = {0};

	(void)state;
	assert_false(ys_line_backspace(&l));
	assert_false(ys_line_delete(&l));
	assert_false(ys_line_left(&l));
	assert_false(ys_line_right(&l));
	assert_int_equal(ys_line_width(&l, 0, 10), 0);
	assert_int_equal(ys_line_insert(&l, ""), YS_LINE_UNCHANGED);
	assert_int_equal(ys_line_insert(&l, NULL), YS_LINE_UNCHANGED);
	assert_null(l.buf);
	assert_true(ys_line_reserve(&l));
	assert_non_null(l.buf);
	assert_string_equal(l.buf, "");
	ys_line_free(&l);
	assert_null(l.buf);
}

static void test_insert_multibyte(void **state)
{
	ys_line l = {0};

	(void)state;
	assert_int_equal(ys_line_insert(&l, "ab"), YS_LINE_OK);
	assert_int_equal(ys_line_insert(&l, E_ACUTE), YS_LINE_OK);
	assert_int_equal(ys_line_insert(&l, KAN GRIN), YS_LINE_OK);
	assert_string_equal(l.buf, "ab" E_ACUTE KAN GRIN);
	assert_int_equal(l.len, 11);
	assert_int_equal(l.cursor, 11);
	/* insert in the middle, before the CJK character */
	assert_true(ys_line_left(&l));
	assert_true(ys_line_left(&l));
	assert_int_equal(l.cursor, 4);
	assert_int_equal(ys_line_insert(&l, "X"), YS_LINE_OK);
	assert_string_equal(l.buf, "ab" E_ACUTE "X" KAN GRIN);
	assert_int_equal(l.cursor, 5);
	ys_line_free(&l);
}

static void test_delete_by_code_point(void **state)
{
	ys_line l = {0};

	(void)state;
	assert_true(ys_line_set(&l, "a" E_ACUTE KAN GRIN "z"));
	assert_true(ys_line_backspace(&l));             /* z */
	assert_string_equal(l.buf, "a" E_ACUTE KAN GRIN);
	assert_true(ys_line_backspace(&l));             /* the whole emoji */
	assert_string_equal(l.buf, "a" E_ACUTE KAN);
	assert_int_equal(l.cursor, 6);
	ys_line_home(&l);
	assert_true(ys_line_right(&l));
	assert_true(ys_line_delete(&l));                /* the whole é */
	assert_string_equal(l.buf, "a" KAN);
	assert_int_equal(l.cursor, 1);
	assert_true(ys_line_delete(&l));                /* the whole 漢 */
	assert_string_equal(l.buf, "a");
	assert_false(ys_line_delete(&l));
	assert_int_equal(l.len, 1);
	ys_line_free(&l);
}

static void test_cursor_moves(void **state)
{
	ys_line l = {0};
	static const size_t stops[] = {0, 1, 3, 6, 10};
	size_t i;

	(void)state;
	assert_true(ys_line_set(&l, "a" E_ACUTE KAN GRIN));
	assert_int_equal(l.cursor, 10);
	for (i = 4; i > 0; i--) {
		assert_true(ys_line_left(&l));
		assert_int_equal(l.cursor, stops[i - 1]);
	}
	assert_false(ys_line_left(&l));
	for (i = 1; i < 5; i++) {
		assert_true(ys_line_right(&l));
		assert_int_equal(l.cursor, stops[i]);
	}
	assert_false(ys_line_right(&l));
	ys_line_home(&l);
	assert_int_equal(l.cursor, 0);
	ys_line_end(&l);
	assert_int_equal(l.cursor, 10);
	assert_int_equal(ys_line_prev(&l, 6), 3);
	assert_int_equal(ys_line_next(&l, 6), 10);
	assert_int_equal(ys_line_next(&l, 10), 10);
	assert_int_equal(ys_line_prev(&l, 0), 0);
	ys_line_free(&l);
}

static void test_width(void **state)
{
	ys_line l = {0};

	(void)state;
	assert_true(ys_line_set(&l, "a" E_ACUTE KAN GRIN "e" ACUTE));
	assert_int_equal(ys_line_width(&l, 0, l.len), 1 + 1 + 2 + 2 + 1);
	assert_int_equal(ys_line_width(&l, 3, 6), 2);   /* 漢 */
	assert_int_equal(ys_line_width(&l, 6, 10), 2);  /* the emoji */
	assert_int_equal(ys_line_width(&l, 11, 13), 0); /* the combining mark */
	assert_int_equal(ys_line_width(&l, 0, 1000), 7);
	assert_int_equal(ys_line_width(&l, 5, 5), 0);
	ys_line_free(&l);
}

static void test_sanitised_on_insert(void **state)
{
	ys_line l = {0};

	(void)state;
	assert_int_equal(ys_line_insert(&l, "a\tb\nc\x1b[1m\xe2\x80\xae\xff"), YS_LINE_OK);
	assert_null(strchr(l.buf, '\t'));
	assert_null(strchr(l.buf, '\n'));
	assert_null(strchr(l.buf, 0x1b));
	assert_null(strstr(l.buf, "\xe2\x80\xae"));
	assert_null(strchr(l.buf, (char)0xff));
	assert_non_null(strstr(l.buf, "\xef\xbf\xbd"));  /* U+FFFD */
	assert_int_equal(l.len, strlen(l.buf));
	ys_line_free(&l);
}

static void test_limits(void **state)
{
	ys_line l = {0};
	char *big = malloc(YS_LINE_MAX + 8);
	char *t;
	size_t i;

	(void)state;
	assert_non_null(big);
	memset(big, 'x', YS_LINE_MAX - 1);
	big[YS_LINE_MAX - 1] = '\0';
	assert_int_equal(ys_line_insert(&l, big), YS_LINE_OK);
	assert_int_equal(ys_line_insert(&l, "y"), YS_LINE_OK);
	assert_int_equal(l.len, YS_LINE_MAX);
	assert_int_equal(ys_line_insert(&l, "z"), YS_LINE_TOO_LONG);
	assert_int_equal(l.len, YS_LINE_MAX);
	assert_int_equal(l.buf[YS_LINE_MAX - 1], 'y');
	/* a two-byte character that would pass the limit is refused whole */
	assert_true(ys_line_backspace(&l));
	assert_int_equal(ys_line_insert(&l, E_ACUTE), YS_LINE_TOO_LONG);
	assert_int_equal(l.len, YS_LINE_MAX - 1);
	/* set cuts long text on a character boundary */
	memset(big, 'x', YS_LINE_MAX - 1);
	memcpy(big + YS_LINE_MAX - 1, KAN, 4);      /* 漢 and its NUL */
	assert_true(ys_line_set(&l, big));
	assert_int_equal(l.len, YS_LINE_MAX - 1);
	assert_int_equal(l.cursor, YS_LINE_MAX - 1);
	ys_line_clear(&l);
	assert_int_equal(l.len, 0);
	assert_string_equal(l.buf, "");
	/* trimming */
	assert_true(ys_line_set(&l, " \t " KAN " x \t"));
	t = ys_line_trimmed(&l);
	assert_string_equal(t, KAN " x");
	ys_free(t);
	assert_true(ys_line_set(&l, NULL));
	t = ys_line_trimmed(&l);
	assert_string_equal(t, "");
	ys_free(t);
	for (i = 0; i < 3; i++)
		assert_int_equal(ys_line_insert(&l, KAN), YS_LINE_OK);
	assert_int_equal(ys_line_width(&l, 0, l.len), 6);
	ys_line_free(&l);
	free(big);
}

static void test_out_of_memory(void **state)
{
	ys_line l = {0};

	(void)state;
	assert_true(ys_line_set(&l, "ab"));
	ys_alloc_fail_after(1);
	assert_int_equal(ys_line_insert(&l, "c"), YS_LINE_NOMEM);   /* the sanitised copy */
	ys_alloc_fail_after(0);
	assert_string_equal(l.buf, "ab");
	assert_int_equal(l.cursor, 2);
	ys_alloc_fail_after(2);
	assert_int_equal(ys_line_insert(&l, "0123456789abcdefghij"), YS_LINE_NOMEM);   /* growing */
	ys_alloc_fail_after(0);
	assert_string_equal(l.buf, "ab");
	assert_int_equal(l.len, 2);
	ys_alloc_fail_after(1);
	assert_false(ys_line_set(&l, "0123456789abcdefghij"));
	ys_alloc_fail_after(0);
	assert_string_equal(l.buf, "ab");
	ys_line_free(&l);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty),
		cmocka_unit_test(test_insert_multibyte),
		cmocka_unit_test(test_delete_by_code_point),
		cmocka_unit_test(test_cursor_moves),
		cmocka_unit_test(test_width),
		cmocka_unit_test(test_sanitised_on_insert),
		cmocka_unit_test(test_limits),
		cmocka_unit_test(test_out_of_memory),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
