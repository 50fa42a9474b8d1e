/* Unit tests for display rounding (DESIGN section 5, "Display"), case by
 * case: halves away from zero for practice scores, whole percents rounded
 * down, maturity in tenths rounded down, each rounding down allowing
 * 1e-9 for floating-point error. */
#include <limits.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "yardstick/round.h"

static void test_half_away_from_zero(void **state)
{
	(void)state;
	assert_int_equal(ys_round(0.0), 0);
	assert_int_equal(ys_round(0.5), 1);
	assert_int_equal(ys_round(-0.5), -1);
	assert_int_equal(ys_round(2.5), 3);
	assert_int_equal(ys_round(-2.5), -3);
	assert_int_equal(ys_round(60.5), 61);
	assert_int_equal(ys_round(60.49), 60);
	assert_int_equal(ys_round(99.5), 100);
	assert_int_equal(ys_round(0.49999999999999994), 0);
	assert_int_equal(ys_round(100.0 * 2.0 / 3.0), 67);
	assert_int_equal(ys_round(100.0 / 6.0), 17);
}

static void test_round_down_whole(void **state)
{
	(void)state;
	assert_int_equal(ys_round_down(0.0), 0);
	assert_int_equal(ys_round_down(16.999), 16);
	assert_int_equal(ys_round_down(19.7), 19);
	assert_int_equal(ys_round_down(99.9999), 99);
	assert_int_equal(ys_round_down(100.0), 100);
	/* One area in six with an owner: 16.67 shows as 16, not 17. */
	assert_int_equal(ys_round_down(100.0 * 1.0 / 6.0), 16);
	assert_int_equal(ys_round_down(100.0 * 5.0 / 6.0), 83);
	/* Floating-point error just below a boundary is allowed for. */
	assert_int_equal(ys_round_down(100.0 * (1.0 - 4.0 / 5.0)), 20);
	assert_true(100.0 * (1.0 - 4.0 / 5.0) < 20.0);
	assert_int_equal(ys_round_down(100.0 * (1.0 - 0.7)), 30);
	assert_true(0.57 * 100.0 < 57.0);
	assert_int_equal(ys_round_down(0.57 * 100.0), 57);
	assert_int_equal(ys_round_down(20.0 - 1e-10), 20);
	/* ... but not more than 1e-9 of it. */
	assert_int_equal(ys_round_down(20.0 - 1e-8), 19);
	assert_int_equal(ys_round_down(-0.5), -1);
}

static void test_round_down_tenths(void **state)
{
	(void)state;
	assert_int_equal(ys_round_tenths_down(0.0), 0);
	assert_int_equal(ys_round_tenths_down(1.97), 19);
	assert_int_equal(ys_round_tenths_down(1.99999), 19);
	assert_int_equal(ys_round_tenths_down(2.0), 20);
	assert_int_equal(ys_round_tenths_down(1.7), 17);
	assert_int_equal(ys_round_tenths_down(0.1 + 0.2), 3);
	assert_int_equal(ys_round_tenths_down(1.0 + 2.0 / 3.0), 16);
	/* 1.7 computed the long way round lands just below it. */
	volatile double near = 0.7 * 3.0 / 3.0 + 1.0;
	assert_true(near < 1.7);
	assert_int_equal(ys_round_tenths_down(near), 17);
	assert_int_equal(ys_round_tenths_down(3.0 - 1e-10), 30);
	assert_int_equal(ys_round_tenths_down(3.0 - 1e-8), 29);
}

static void test_format_tenths(void **state)
{
	char buf[32];

	(void)state;
	assert_string_equal(ys_format_tenths_down(1.97, buf, sizeof(buf)), "1.9");
	assert_string_equal(ys_format_tenths_down(1.7, buf, sizeof(buf)), "1.7");
	assert_string_equal(ys_format_tenths_down(2.0, buf, sizeof(buf)), "2.0");
	assert_string_equal(ys_format_tenths_down(0.0, buf, sizeof(buf)), "0.0");
	assert_string_equal(ys_format_tenths_down(0.05, buf, sizeof(buf)), "0.0");
	assert_string_equal(ys_format_tenths_down(12.34, buf, sizeof(buf)), "12.3");
	assert_string_equal(ys_format_tenths_down(-0.5, buf, sizeof(buf)), "-0.5");
	assert_string_equal(ys_format_tenths_down(1.25, buf, 3), "1.");
}

static void test_odd_values(void **state)
{
	(void)state;
	assert_int_equal(ys_round((double)NAN), 0);
	assert_int_equal(ys_round_down((double)NAN), 0);
	assert_int_equal(ys_round_tenths_down((double)NAN), 0);
	assert_int_equal(ys_round(1e300), LONG_MAX);
	assert_int_equal(ys_round(-1e300), LONG_MIN);
	assert_int_equal(ys_round_down((double)INFINITY), LONG_MAX);
	assert_int_equal(ys_round_tenths_down(-1e300), LONG_MIN);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_half_away_from_zero),
		cmocka_unit_test(test_round_down_whole),
		cmocka_unit_test(test_round_down_tenths),
		cmocka_unit_test(test_format_tenths),
		cmocka_unit_test(test_odd_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
