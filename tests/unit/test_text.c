/* Unit tests for the text helpers: UTF-8, display width, sanitising,
 * wrapping and fitting. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "yardstick/alloc.h"
#include "yardstick/text.h"

/* ---- Decoding --------------------------------------------------------- */

struct decode_case {
	const char *bytes;
	size_t n;
	uint32_t cp;
	size_t len;
};

static void test_decode_valid(void **state)
{
	static const struct decode_case cases[] = {
		{ "A", 1, 0x41, 1 },
		{ "\x00", 1, 0x00, 1 },
		{ "\x7F", 1, 0x7F, 1 },
		{ "\xC2\x80", 2, 0x80, 2 },
		{ "\xC3\xA9", 2, 0xE9, 2 },                     /* é */
		{ "\xDF\xBF", 2, 0x7FF, 2 },
		{ "\xE0\xA0\x80", 3, 0x800, 3 },
		{ "\xE4\xB8\xAD", 3, 0x4E2D, 3 },               /* 中 */
		{ "\xED\x9F\xBF", 3, 0xD7FF, 3 },               /* below surrogates */
		{ "\xEE\x80\x80", 3, 0xE000, 3 },               /* above surrogates */
		{ "\xEF\xBF\xBD", 3, 0xFFFD, 3 },
		{ "\xEF\xBF\xBF", 3, 0xFFFF, 3 },
		{ "\xF0\x90\x80\x80", 4, 0x10000, 4 },
		{ "\xF0\x9F\x98\x80", 4, 0x1F600, 4 },          /* 😀 */
		{ "\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4 },
		{ "AB", 2, 0x41, 1 },                           /* only the first */
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint32_t cp = 0xDEAD;
		size_t len = ys_utf8_decode(cases[i].bytes, cases[i].n, &cp);

		assert_int_equal(len, cases[i].len);
		assert_int_equal(cp, cases[i].cp);
	}
}

static void test_decode_invalid(void **state)
{
	static const struct decode_case cases[] = {
		{ "\x80", 1, 0, 1 },                    /* lone continuation */
		{ "\xBF", 1, 0, 1 },
		{ "\xC0\x80", 2, 0, 1 },                /* overlong NUL */
		{ "\xC1\xBF", 2, 0, 1 },                /* overlong 0x7F */
		{ "\xE0\x80\x80", 3, 0, 1 },            /* overlong NUL */
		{ "\xE0\x9F\xBF", 3, 0, 1 },            /* overlong 0x7FF */
		{ "\xF0\x80\x80\x80", 4, 0, 1 },        /* overlong NUL */
		{ "\xF0\x8F\xBF\xBF", 4, 0, 1 },        /* overlong 0xFFFF */
		{ "\xED\xA0\x80", 3, 0, 1 },            /* U+D800 surrogate */
		{ "\xED\xBF\xBF", 3, 0, 1 },            /* U+DFFF surrogate */
		{ "\xF4\x90\x80\x80", 4, 0, 1 },        /* U+110000 */
		{ "\xF5\x80\x80\x80", 4, 0, 1 },        /* F5 never valid */
		{ "\xFF", 1, 0, 1 },
		{ "\xFE", 1, 0, 1 },
		{ "\xC3", 1, 0, 1 },                    /* truncated by n */
		{ "\xE4\xB8", 2, 0, 1 },
		{ "\xF0\x9F\x98", 3, 0, 1 },
		{ "\xE4\xB8\xAD", 2, 0, 1 },            /* n cuts a valid sequence */
		{ "\xC3" "A", 2, 0, 1 },                /* continuation missing */
		{ "\xE4\xB8" "A", 3, 0, 1 },
		{ "\xF0\x9F\x98" "A", 4, 0, 1 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint32_t cp = 0;
		size_t len = ys_utf8_decode(cases[i].bytes, cases[i].n, &cp);

		assert_int_equal(len, 1);
		assert_int_equal(cp, YS_REPLACEMENT);
	}
}

static void test_encode_roundtrip(void **state)
{
	static const uint32_t cps[] = {
		0, 0x41, 0x7F, 0x80, 0x7FF, 0x800, 0x4E2D, 0xD7FF, 0xE000,
		0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF,
	};
	char buf[4];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cps) / sizeof(cps[0]); i++) {
		uint32_t back = 0xDEAD;
		size_t len = ys_utf8_encode(cps[i], buf);
		size_t want = cps[i] < 0x80 ? 1 : cps[i] < 0x800 ? 2 :
			      cps[i] < 0x10000 ? 3 : 4;

		assert_int_equal(len, want);
		assert_int_equal(ys_utf8_decode(buf, len, &back), len);
		assert_int_equal(back, cps[i]);
	}
	assert_int_equal(ys_utf8_encode(0xE9, buf), 2);
	assert_memory_equal(buf, "\xC3\xA9", 2);
	/* Not characters: encoded as U+FFFD rather than invalid bytes. */
	assert_int_equal(ys_utf8_encode(0xD800, buf), 3);
	assert_memory_equal(buf, "\xEF\xBF\xBD", 3);
	assert_int_equal(ys_utf8_encode(0x110000, buf), 3);
	assert_memory_equal(buf, "\xEF\xBF\xBD", 3);
}

static void test_valid(void **state)
{
	(void)state;
	assert_true(ys_utf8_valid("", 0));
	assert_true(ys_utf8_valid("plain ASCII", 11));
	assert_true(ys_utf8_valid("caf\xC3\xA9 \xE4\xB8\xAD \xF0\x9F\x98\x80", 14));
	assert_true(ys_utf8_valid("\xEF\xBF\xBD", 3));  /* a real U+FFFD */
	assert_true(ys_utf8_valid("a\0b", 3));          /* NUL is valid UTF-8 */
	assert_false(ys_utf8_valid("caf\xC3", 4));      /* truncated at end */
	assert_false(ys_utf8_valid("\xC0\xAF", 2));     /* overlong '/' */
	assert_false(ys_utf8_valid("\xED\xA0\x80", 3)); /* surrogate */
	assert_false(ys_utf8_valid("ok\x80", 3));
	assert_false(ys_utf8_valid("\xF8\x88\x80\x80\x80", 5));
	/* n limits what is checked. */
	assert_true(ys_utf8_valid("ok\x80", 2));
}

/* ---- Width ------------------------------------------------------------ */

struct width_case {
	uint32_t cp;
	int width;
};

static void test_cp_width(void **state)
{
	static const struct width_case cases[] = {
		{ 'A', 1 }, { ' ', 1 }, { '~', 1 },
		{ 0x00, 0 }, { '\t', 0 }, { '\n', 0 }, { 0x1B, 0 },
		{ 0x7F, 0 }, { 0x85, 0 }, { 0x9F, 0 },
		{ 0xA0, 1 }, { 0xE9, 1 }, { 0xAD, 1 },  /* soft hyphen shows */
		/* Combining marks (Mn, Me). */
		{ 0x0300, 0 }, { 0x0301, 0 }, { 0x036F, 0 }, { 0x0488, 0 },
		{ 0x20DD, 0 },          /* COMBINING ENCLOSING CIRCLE (Me) */
		{ 0x0E31, 0 },          /* Thai MAI HAN-AKAT */
		/* Zero-width format characters. */
		{ 0x200B, 0 }, { 0x200C, 0 }, { 0x200D, 0 }, { 0x200E, 0 },
		{ 0x200F, 0 }, { 0x2060, 0 }, { 0x2064, 0 }, { 0xFEFF, 0 },
		{ 0xFE00, 0 }, { 0xFE0E, 0 }, { 0xFE0F, 0 },
		{ 0xE0100, 0 }, { 0xE01EF, 0 }, { 0xE0001, 0 }, { 0xE007F, 0 },
		/* Hangul: leading consonants wide, medial and final zero. */
		{ 0x1100, 2 }, { 0x115F, 2 }, { 0x1160, 0 }, { 0x11A8, 0 },
		{ 0x11FF, 0 }, { 0xD7B0, 0 }, { 0xD7FB, 0 }, { 0xAC00, 2 },
		{ 0xD7A3, 2 },
		/* CJK and fullwidth. */
		{ 0x4E00, 2 }, { 0x4E2D, 2 }, { 0x9FFF, 2 }, { 0x3000, 2 },
		{ 0x3042, 2 }, { 0x30A2, 2 }, { 0xFF21, 2 }, { 0xFF61, 1 },
		{ 0x3400, 2 }, { 0x20000, 2 }, { 0x2A6DF, 2 }, { 0x2FFFD, 2 },
		{ 0x30000, 2 }, { 0x31350, 2 }, /* Extension H, Unicode 15 */
		{ 0x3099, 0 }, { 0x302A, 0 },   /* marks inside CJK blocks */
		/* Emoji. */
		{ 0x1F300, 2 }, { 0x1F600, 2 }, { 0x1F64F, 2 }, { 0x1F680, 2 },
		{ 0x1F914, 2 }, { 0x1F9FF, 2 }, { 0x1FA70, 2 }, { 0x1FAFF, 2 },
		{ 0x1FAE8, 2 },         /* SHAKING FACE, Unicode 15 */
		{ 0x1F6DC, 2 },         /* WIRELESS, Unicode 15 */
		{ 0x1F3FB, 2 },         /* skin tone modifier */
		{ 0x231A, 2 }, { 0x2614, 2 }, { 0x26A1, 2 }, { 0x2705, 2 },
		/* Narrow symbols next to wide ones. */
		{ 0x2603, 1 }, { 0x2764, 1 }, { 0x1F321, 1 }, { 0x2192, 1 },
		{ 0x0410, 1 }, { 0x05D0, 1 }, { 0x0627, 1 },
		/* Not characters. */
		{ 0xFFFD, 1 }, { 0xD800, 1 }, { 0x110000, 1 },
		/* Unicode 15 combining marks. */
		{ 0x11F00, 0 }, { 0x1E08F, 0 }, { 0x0ECE, 0 },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int w = ys_cp_width(cases[i].cp);

		if (w != cases[i].width)
			fail_msg("U+%04X: width %d, expected %d",
				 (unsigned)cases[i].cp, w, cases[i].width);
	}
}

static void test_text_width(void **state)
{
	(void)state;
	assert_int_equal(ys_text_width("", 0), 0);
	assert_int_equal(ys_text_width("hello", 5), 5);
	/* 中文 */
	assert_int_equal(ys_text_width("\xE4\xB8\xAD\xE6\x96\x87", 6), 4);
	/* e + COMBINING ACUTE ACCENT */
	assert_int_equal(ys_text_width("e\xCC\x81", 3), 1);
	/* 😀 and a family: man ZWJ woman ZWJ girl, 3 emoji of 2 */
	assert_int_equal(ys_text_width("\xF0\x9F\x98\x80", 4), 2);
	assert_int_equal(ys_text_width("\xF0\x9F\x91\xA8\xE2\x80\x8D"
				       "\xF0\x9F\x91\xA9\xE2\x80\x8D"
				       "\xF0\x9F\x91\xA7", 18), 6);
	/* Heart with VS16: the selector takes no column. */
	assert_int_equal(ys_text_width("\xE2\x9D\xA4\xEF\xB8\x8F", 6), 1);
	/* Invalid bytes count one column each (shown as U+FFFD). */
	assert_int_equal(ys_text_width("a\xFF\xFE" "b", 4), 4);
	assert_int_equal(ys_text_width("\xE4\xB8", 2), 2);
	/* Hangul syllable from jamo: leading (2) + vowel (0) + final (0). */
	assert_int_equal(ys_text_width("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8",
				       9), 2);
	/* n limits the measure. */
	assert_int_equal(ys_text_width("abcdef", 3), 3);
}

/* ---- Unsafe code points and sanitising -------------------------------- */

static void test_cp_unsafe(void **state)
{
	static const uint32_t unsafe[] = {
		0x00, 0x01, 0x07, 0x08, 0x0B, 0x0C, 0x0D, 0x1B, 0x1F, 0x7F,
		0x80, 0x85, 0x9B, 0x9F, 0x061C, 0x200E, 0x200F, 0x202A,
		0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068,
		0x2069, 0x2028, 0x2029, 0xD800, 0xDFFF, 0x110000,
	};
	static const uint32_t safe[] = {
		'\t', '\n', ' ', 'A', '~', 0xA0, 0xE9, 0x200B, 0x200C, 0x200D,
		0x2060, 0x2065, 0x206A, 0x2027, 0x202F, 0x4E2D, 0x1F600,
		0xFEFF, 0xFFFD, 0x10FFFF, 0x061B, 0x061D,
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(unsafe) / sizeof(unsafe[0]); i++)
		if (!ys_cp_unsafe(unsafe[i]))
			fail_msg("U+%04X should be unsafe", (unsigned)unsafe[i]);
	for (i = 0; i < sizeof(safe) / sizeof(safe[0]); i++)
		if (ys_cp_unsafe(safe[i]))
			fail_msg("U+%04X should be safe", (unsigned)safe[i]);
}

struct san_case {
	const char *in;
	size_t n;
	unsigned flags;
	const char *out;
};

#define FFFD "\xEF\xBF\xBD"

static const struct san_case san_cases[] = {
	{ "plain text", 10, 0, "plain text" },
	{ "", 0, 0, "" },
	/* ESC sequences: the ESC goes, the harmless rest stays visible. */
	{ "\x1B[2Jboom", 8, 0, FFFD "[2Jboom" },
	{ "\x1B]0;title\x07", 10, 0, FFFD "]0;title" FFFD },
	/* C1 controls (CSI U+009B as UTF-8) and raw C1 bytes (invalid). */
	{ "a\xC2\x9B" "31mb", 7, 0, "a" FFFD "31mb" },
	{ "a\x9B" "b", 3, 0, "a" FFFD "b" },
	{ "cr\rbs\bdel\x7F", 10, 0, "cr" FFFD "bs" FFFD "del" FFFD },
	{ "nul\0x", 5, 0, "nul" FFFD "x" },
	/* Newlines and tabs. */
	{ "a\nb\tc", 5, 0, "a b c" },
	{ "a\nb\tc", 5, YS_SAN_KEEP_NEWLINE, "a\nb c" },
	{ "a\nb\tc", 5, YS_SAN_KEEP_TAB, "a b\tc" },
	{ "a\nb\tc", 5, YS_SAN_KEEP_NEWLINE | YS_SAN_KEEP_TAB, "a\nb\tc" },
	/* Bidi overrides and isolates, LRM/RLM, ALM, separators. */
	{ "x\xE2\x80\xAEgpj.exe", 11, 0, "x" FFFD "gpj.exe" },
	{ "\xE2\x81\xA6" "a" "\xE2\x81\xA9", 7, 0, FFFD "a" FFFD },
	{ "\xE2\x80\x8E\xE2\x80\x8F\xD8\x9C", 8, 0, FFFD FFFD FFFD },
	{ "l1\xE2\x80\xA8l2\xE2\x80\xA9", 10, 0, "l1" FFFD "l2" FFFD },
	/* Invalid UTF-8: overlong, surrogate, truncated, stray bytes. */
	{ "\xC0\xAF", 2, 0, FFFD FFFD },
	{ "\xED\xA0\x80", 3, 0, FFFD FFFD FFFD },
	{ "ok\xE4\xB8", 4, 0, "ok" FFFD FFFD },
	{ "\xFF", 1, 0, FFFD },
	/* Valid non-ASCII stays, including zero-width joiners. */
	{ "caf\xC3\xA9 \xE4\xB8\xAD", 9, 0, "caf\xC3\xA9 \xE4\xB8\xAD" },
	{ "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9", 11, 0,
	  "\xF0\x9F\x91\xA8\xE2\x80\x8D\xF0\x9F\x91\xA9" },
	/* ASCII mode: one '?' per character or invalid byte. */
	{ "caf\xC3\xA9 \xE4\xB8\xAD!", 10, YS_SAN_ASCII, "caf? ?!" },
	{ "\x1B[m\xE2\x80\xAE\xC0\xAF", 8, YS_SAN_ASCII, "?[m???" },
	{ "a\nb", 3, YS_SAN_ASCII | YS_SAN_KEEP_NEWLINE, "a\nb" },
	/* n limits the input: the rest is ignored. */
	{ "abc\x1B", 3, 0, "abc" },
};

static void test_sanitize(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(san_cases) / sizeof(san_cases[0]); i++) {
		const struct san_case *c = &san_cases[i];
		char *out = ys_sanitize(c->in, c->n, c->flags);

		assert_non_null(out);
		if (strcmp(out, c->out) != 0)
			fail_msg("case %zu: got \"%s\"", i, out);
		assert_true(ys_utf8_valid(out, strlen(out)));
		ys_free(out);
	}
}

static void test_sanitize_oom(void **state)
{
	(void)state;
	ys_alloc_fail_after(1);
	assert_null(ys_sanitize("abc", 3, 0));
	ys_alloc_fail_after(0);
}

static void test_names(void **state)
{
	char *names[] = {"Ana", "bo", "Chen Li"};
	char *j;

	(void)state;
	assert_true(ys_name_equal("Ana", "ANA"));
	assert_true(ys_name_equal("", ""));
	assert_false(ys_name_equal("Ana", "Anna"));
	assert_false(ys_name_equal("An", "Ana"));
	assert_false(ys_name_equal("Ana", "An"));
	assert_false(ys_name_equal("a[", "A{"));       /* only letters fold */
	assert_false(ys_name_equal("\xc3\xa9", "\xc3\x89")); /* é, É: ASCII only */
	j = ys_names_join(names, 3);
	assert_string_equal(j, "Ana, bo, Chen Li");
	ys_free(j);
	j = ys_names_join(names, 1);
	assert_string_equal(j, "Ana");
	ys_free(j);
	j = ys_names_join(names, 0);
	assert_string_equal(j, "");
	ys_free(j);
	ys_alloc_fail_after(1);
	assert_null(ys_names_join(names, 3));
	ys_alloc_fail_after(0);
}

/* "A, B" is two people: split on commas, spaces and tabs trimmed, empty
 * items dropped, as the start screen reads its name fields. */
static void test_names_split(void **state)
{
	char **v = (char **)1;
	size_t n = 99;

	(void)state;
	assert_int_equal(ys_names_split("Sam Patel, Jo Okafor", 10, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "Sam Patel");
	assert_string_equal(v[1], "Jo Okafor");
	ys_strv_free(v, n);

	assert_int_equal(ys_names_split(" \tZo\xc3\xab ,, ,\t\xe6\x9d\x8e ,", 10, &v, &n), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "Zo\xc3\xab");
	assert_string_equal(v[1], "\xe6\x9d\x8e");
	ys_strv_free(v, n);

	assert_int_equal(ys_names_split("Lee", 10, &v, &n), 0);
	assert_int_equal(n, 1);
	assert_string_equal(v[0], "Lee");
	ys_strv_free(v, n);

	assert_int_equal(ys_names_split(" , ", 10, &v, &n), 0);
	assert_int_equal(n, 0);
	ys_strv_free(v, n);

	/* More than max names: 1, nothing returned. */
	assert_int_equal(ys_names_split("A, B, C", 2, &v, &n), 1);
	assert_null(v);
	assert_int_equal(n, 0);
	assert_int_equal(ys_names_split("A, B", 2, &v, &n), 0);
	assert_int_equal(n, 2);
	ys_strv_free(v, n);

	/* Out of memory at the second name: -1, nothing returned. */
	ys_alloc_fail_after(3);
	assert_int_equal(ys_names_split("A, B", 2, &v, &n), -1);
	ys_alloc_fail_after(0);
	assert_null(v);
	assert_int_equal(n, 0);
}

static void test_sanitize_output_is_safe(void **state)
{
	/* Every byte value, in every position, never yields an unsafe
	 * character or invalid UTF-8. */
	char in[3];
	unsigned a, b;

	(void)state;
	for (a = 0; a < 256; a++) {
		for (b = 0; b < 256; b += 5) {
			char *out;
			size_t i = 0, n;

			in[0] = (char)a;
			in[1] = (char)b;
			in[2] = (char)0x80;
			out = ys_sanitize(in, 3, YS_SAN_KEEP_NEWLINE);
			assert_non_null(out);
			n = strlen(out);
			assert_true(ys_utf8_valid(out, n));
			while (i < n) {
				uint32_t cp;

				i += ys_utf8_decode(out + i, n - i, &cp);
				assert_false(ys_cp_unsafe(cp));
			}
			ys_free(out);
		}
	}
}

static void test_fputs_safe(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(san_cases) / sizeof(san_cases[0]); i++) {
		const struct san_case *c = &san_cases[i];
		char buf[256];
		char *in;
		FILE *f;
		size_t len;

		/* fputs_safe takes a NUL-terminated string. */
		if (memchr(c->in, '\0', c->n) || c->in[c->n] != '\0')
			continue;
		in = ys_strndup(c->in, c->n);
		assert_non_null(in);
		f = fmemopen(buf, sizeof(buf), "w");
		assert_non_null(f);
		ys_fputs_safe(in, f, c->flags);
		len = (size_t)ftell(f);
		fclose(f);
		assert_int_equal(len, strlen(c->out));
		assert_memory_equal(buf, c->out, len);
		ys_free(in);
	}
}

/* ---- Wrapping --------------------------------------------------------- */

struct lines {
	char text[32][64];
	size_t n;
};

static void collect(void *ctx, const char *line, size_t len)
{
	struct lines *l = ctx;

	assert_true(l->n < 32);
	assert_true(len < 64);
	memcpy(l->text[l->n], line, len);
	l->text[l->n][len] = '\0';
	l->n++;
}

/* Wraps s at width and checks the lines against want (NULL-terminated). */
static void check_wrap(const char *s, size_t width, const char *const *want)
{
	struct lines l;
	size_t n, i, count = 0;

	memset(&l, 0, sizeof(l));
	n = ys_wrap(s, width, collect, &l);
	while (want[count])
		count++;
	if (n != count || l.n != count) {
		for (i = 0; i < l.n; i++)
			print_message("  line %zu: \"%s\"\n", i, l.text[i]);
		fail_msg("\"%s\" at %zu: %zu lines, expected %zu", s, width,
			 n, count);
	}
	for (i = 0; i < count; i++) {
		if (strcmp(l.text[i], want[i]) != 0)
			fail_msg("\"%s\" at %zu: line %zu \"%s\", expected \"%s\"",
				 s, width, i, l.text[i], want[i]);
		/* No line is wider than the width unless it is a single
		 * character that cannot fit (with its combining marks). */
		if (ys_text_width(l.text[i], strlen(l.text[i])) > width) {
			uint32_t cp;
			size_t len = strlen(l.text[i]);
			size_t first = ys_utf8_decode(l.text[i], len, &cp);

			assert_true((size_t)ys_cp_width(cp) > width);
			assert_int_equal(ys_text_width(l.text[i] + first,
						       len - first), 0);
		}
		/* Valid input never gives a line that splits a sequence. */
		if (ys_utf8_valid(s, strlen(s)))
			assert_true(ys_utf8_valid(l.text[i],
						  strlen(l.text[i])));
	}
}

#define WRAP(s, w, ...) do { \
		static const char *const want_[] = { __VA_ARGS__, NULL }; \
		check_wrap((s), (w), want_); \
	} while (0)
#define WRAP_NONE(s, w) do { \
		static const char *const want_[] = { NULL }; \
		check_wrap((s), (w), want_); \
	} while (0)

static void test_wrap_ascii(void **state)
{
	(void)state;
	WRAP("the quick brown fox", 10, "the quick", "brown fox");
	WRAP("the quick brown fox", 19, "the quick brown fox");   /* exact */
	WRAP("the quick brown fox", 100, "the quick brown fox");
	WRAP("the quick brown fox", 9, "the quick", "brown fox"); /* exact */
	WRAP("the quick brown fox", 8, "the", "quick", "brown", "fox");
	WRAP("aaaa bbbb", 4, "aaaa", "bbbb");
	/* Spaces inside a line are kept; the run at a break is dropped. */
	WRAP("a  b   c", 20, "a  b   c");
	WRAP("aaa   bbb", 5, "aaa", "bbb");
	WRAP("aaa   bbb", 6, "aaa", "bbb");
	WRAP("ab cd", 4, "ab", "cd");
	/* Leading spaces (indentation) are kept on the first line. */
	WRAP("  indented text", 11, "  indented", "text");
	/* Trailing spaces that fit are kept; ones at a break are dropped. */
	WRAP("end  ", 5, "end  ");
	WRAP("end   ", 5, "end");
}

static void test_wrap_long_words(void **state)
{
	(void)state;
	WRAP("abcdefghij", 4, "abcd", "efgh", "ij");
	WRAP("abcdefgh", 4, "abcd", "efgh");
	WRAP("go abcdefghij now", 4, "go", "abcd", "efgh", "ij", "now");
	WRAP("https://example.org/a/b", 10, "https://ex", "ample.org/", "a/b");
	/* Leading spaces before a long word: break inside. */
	WRAP("   abcdefgh", 5, "   ab", "cdefg", "h");
	/* Width 1: one character per line; spaces at breaks vanish. */
	WRAP("ab c", 1, "a", "b", "c");
	WRAP("abc", 1, "a", "b", "c");
	/* Width 0 behaves as 1. */
	WRAP("ab", 0, "a", "b");
}

static void test_wrap_unicode(void **state)
{
	(void)state;
	/* 中文字符 = four CJK characters, 2 columns each. */
	WRAP("\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97\xE7\xAC\xA6", 4,
	     "\xE4\xB8\xAD\xE6\x96\x87", "\xE5\xAD\x97\xE7\xAC\xA6");
	WRAP("\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97", 5,
	     "\xE4\xB8\xAD\xE6\x96\x87", "\xE5\xAD\x97");
	/* A wide character that cannot fit goes alone on its line. */
	WRAP("\xE4\xB8\xAD\xE6\x96\x87", 1, "\xE4\xB8\xAD", "\xE6\x96\x87");
	WRAP("a\xE4\xB8\xAD", 2, "a", "\xE4\xB8\xAD");
	/* ... with its combining mark (U+0301) still attached. */
	WRAP("\xE4\xB8\xAD\xCC\x81\xE6\x96\x87", 1,
	     "\xE4\xB8\xAD\xCC\x81", "\xE6\x96\x87");
	/* Emoji are two columns. */
	WRAP("\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 4,
	     "\xF0\x9F\x98\x80\xF0\x9F\x98\x80", "\xF0\x9F\x98\x80");
	/* Combining marks stay with their base: e + U+0301, five times. */
	WRAP("e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81", 2,
	     "e\xCC\x81" "e\xCC\x81", "e\xCC\x81" "e\xCC\x81", "e\xCC\x81");
	/* Words with accents break by width, not bytes. */
	WRAP("caf\xC3\xA9 cr\xC3\xA8me", 5, "caf\xC3\xA9", "cr\xC3\xA8me");
	/* Invalid bytes are single characters and never merge. */
	WRAP("\xFF\xFE\xFD", 2, "\xFF\xFE", "\xFD");
}

static void test_wrap_newlines(void **state)
{
	(void)state;
	WRAP_NONE("", 10);
	WRAP("\n", 10, "");
	WRAP("\n\n", 10, "", "");
	WRAP("\n\n\n", 3, "", "", "");
	WRAP("a\n", 10, "a");
	WRAP("a\nb", 10, "a", "b");
	WRAP("a\n\nb", 10, "a", "", "b");
	WRAP("\na", 10, "", "a");
	WRAP("one two\nthree four", 9, "one two", "three", "four");
	WRAP("   ", 2, "");
	WRAP("x\n   \ny", 2, "x", "", "y");
	assert_int_equal(ys_wrap(NULL, 10, collect, NULL), 0);
}

/* ---- Fitting ---------------------------------------------------------- */

static void test_text_fit(void **state)
{
	const char *cjk = "\xE4\xB8\xAD\xE6\x96\x87";     /* 中文 */
	const char *accent = "e\xCC\x81x";              /* e + U+0301, x */
	size_t used = 99;

	(void)state;
	assert_int_equal(ys_text_fit("hello", 5, 3, &used), 3);
	assert_int_equal(used, 3);
	assert_int_equal(ys_text_fit("hello", 5, 10, &used), 5);
	assert_int_equal(used, 5);
	assert_int_equal(ys_text_fit("hello", 5, 0, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(ys_text_fit("", 0, 5, &used), 0);
	assert_int_equal(used, 0);
	/* Never half a wide character. */
	assert_int_equal(ys_text_fit(cjk, 6, 3, &used), 3);
	assert_int_equal(used, 2);
	assert_int_equal(ys_text_fit(cjk, 6, 1, &used), 0);
	assert_int_equal(used, 0);
	assert_int_equal(ys_text_fit(cjk, 6, 4, &used), 6);
	assert_int_equal(used, 4);
	/* The combining mark comes with its base. */
	assert_int_equal(ys_text_fit(accent, 4, 1, &used), 3);
	assert_int_equal(used, 1);
	/* Invalid bytes are one column each and consumed one at a time. */
	assert_int_equal(ys_text_fit("\xE4\xB8" "a", 3, 1, &used), 1);
	assert_int_equal(used, 1);
	/* used may be NULL. */
	assert_int_equal(ys_text_fit("abc", 3, 2, NULL), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_decode_invalid),
		cmocka_unit_test(test_encode_roundtrip),
		cmocka_unit_test(test_valid),
		cmocka_unit_test(test_cp_width),
		cmocka_unit_test(test_text_width),
		cmocka_unit_test(test_cp_unsafe),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_sanitize_oom),
		cmocka_unit_test(test_sanitize_output_is_safe),
		cmocka_unit_test(test_fputs_safe),
		cmocka_unit_test(test_wrap_ascii),
		cmocka_unit_test(test_wrap_long_words),
		cmocka_unit_test(test_wrap_unicode),
		cmocka_unit_test(test_wrap_newlines),
		cmocka_unit_test(test_text_fit),
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_names_split),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
