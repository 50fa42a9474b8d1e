/* Rounding for display: see include/yardstick/round.h. */
#include <limits.h>
#include <math.h>
#include <stdio.h>

#include "yardstick/round.h"

/* r (already a whole number) as a long, clamped; NaN is 0. */
static long to_long(double r)
{
	if (isnan(r))
		return 0;
	if (r >= (double)LONG_MAX)
		return LONG_MAX;
	if (r <= (double)LONG_MIN)
		return LONG_MIN;
	return (long)r;
}

long ys_round(double x)
{
	return to_long(round(x));       /* halves away from zero, exact */
}

long ys_round_down(double x)
{
	return to_long(floor(x + YS_ROUND_SLACK));
}

long ys_round_tenths_down(double x)
{
	return to_long(floor((x + YS_ROUND_SLACK) * 10.0));
}

char *ys_format_tenths_down(double x, char *buf, size_t n)
{
	long t = ys_round_tenths_down(x);
	unsigned long u = t < 0 ? 0UL - (unsigned long)t : (unsigned long)t;

	if (n)
		snprintf(buf, n, "%s%lu.%lu", t < 0 ? "-" : "", u / 10, u % 10);
	return buf;
}
