/* Rounding for display (DESIGN section 5, "Display"): every figure the
 * program shows, on screen or in a report, is rounded here and nowhere
 * else, so one figure never shows two values in two places.
 *
 * - practice scores: whole numbers, halves away from zero (ys_round);
 * - percent to target, progress to the next level and ownership clarity:
 *   whole percents rounded down (ys_round_down);
 * - maturity: one decimal, rounded down (ys_round_tenths_down and
 *   ys_format_tenths_down), so a level is never shown before it is
 *   reached.
 *
 * Every rounding down first adds YS_ROUND_SLACK, so that a figure a
 * floating-point error leaves just below a boundary still shows as the
 * boundary: 1.7 shows as 1.7, 100 * (1 - 4/5) as 20. NaN shows as 0, and
 * values beyond the range of long are clamped to it. */
#ifndef YARDSTICK_ROUND_H
#define YARDSTICK_ROUND_H

#include <stddef.h>

#define YS_ROUND_SLACK 1e-9

/* x to the nearest whole number, halves away from zero: 2.5 -> 3,
 * -2.5 -> -3. */
long ys_round(double x);

/* x rounded down to a whole number, allowing YS_ROUND_SLACK: 19.7 -> 19,
 * 19.9999999999 -> 20, -0.5 -> -1. */
long ys_round_down(double x);

/* x in tenths, rounded down, allowing YS_ROUND_SLACK: 1.97 -> 19,
 * 1.7 -> 17, 2 -> 20. */
long ys_round_tenths_down(double x);

/* Writes x with one decimal, rounded down as ys_round_tenths_down ("1.9"
 * for 1.97, "2.0" for 2), into buf of size n (always terminated when n
 * > 0). Returns buf. */
char *ys_format_tenths_down(double x, char *buf, size_t n);

#endif
