/* Fuzz target: the text sanitiser, display width and word wrapping.
 *
 * The first byte chooses the ys_sanitize flags and the wrap width; the
 * rest is the text. Invariants:
 *  - ys_sanitize output is valid UTF-8, holds no unsafe code point
 *    (ys_cp_unsafe), no newline or tab unless asked to keep them, only
 *    ASCII with YS_SAN_ASCII, and sanitising it again changes nothing;
 *  - ys_fputs_safe writes exactly what ys_sanitize returns (up to the
 *    first NUL, since it takes a C string);
 *  - ys_wrap of the sanitised text gives lines without newlines, each at
 *    most the width unless it is a single character wider than the line,
 *    and loses no character other than the spaces it breaks at;
 *  - ys_text_fit never ends inside a UTF-8 sequence, never exceeds the
 *    width, and agrees with ys_text_width. */
#include <string.h>

#include "fuzz.h"
#include "yardstick/alloc.h"
#include "yardstick/text.h"

static void check_clean(const char *s, size_t n, unsigned flags)
{
	size_t i = 0;

	FUZZ_CHECK(ys_utf8_valid(s, n));
	while (i < n) {
		uint32_t cp;
		size_t len = ys_utf8_decode(s + i, n - i, &cp);

		FUZZ_CHECK(!ys_cp_unsafe(cp));
		FUZZ_CHECK(cp != '\n' || (flags & YS_SAN_KEEP_NEWLINE));
		FUZZ_CHECK(cp != '\t' || (flags & YS_SAN_KEEP_TAB));
		FUZZ_CHECK(cp < 0x80 || !(flags & YS_SAN_ASCII));
		i += len;
	}
}

/* ys_fputs_safe must agree with ys_sanitize on the C string in s. */
static void check_fputs(const char *data, size_t size, unsigned flags)
{
	char *cstr = ys_malloc(size + 1), *want, *got = NULL;
	size_t len = 0, n;
	FILE *f;

	if (!cstr)
		return;
	memcpy(cstr, data, size);
	cstr[size] = '\0';
	n = strlen(cstr);
	want = ys_sanitize(cstr, n, flags);
	f = open_memstream(&got, &len);
	FUZZ_CHECK(want != NULL && f != NULL);
	ys_fputs_safe(cstr, f, flags);
	FUZZ_CHECK(fclose(f) == 0);
	FUZZ_CHECK(len == strlen(want) && memcmp(got, want, len) == 0);
	free(got);
	ys_free(want);
	ys_free(cstr);
}

struct wrap_check {
	size_t width;
	char *joined;           /* the lines' bytes, spaces removed */
	size_t n;
};

static void on_line(void *ctx, const char *line, size_t len)
{
	struct wrap_check *w = ctx;
	size_t i, width = ys_text_width(line, len);

	FUZZ_CHECK(memchr(line, '\n', len) == NULL);
	if (width > w->width) {
		/* Only a single character (with its combining marks) wider
		 * than the whole line may overflow it. */
		size_t fit = ys_text_fit(line, len, w->width, NULL);
		uint32_t cp;

		FUZZ_CHECK(fit == 0);
		FUZZ_CHECK(ys_utf8_decode(line, len, &cp) > 0);
		FUZZ_CHECK(ys_cp_width(cp) > (int)w->width);
		FUZZ_CHECK(ys_text_width(line, len) == (size_t)ys_cp_width(cp));
	}
	for (i = 0; i < len; i++)
		if (line[i] != ' ')
			w->joined[w->n++] = line[i];
}

static void check_wrap(const char *s, size_t width)
{
	size_t n = strlen(s), i, k = 0;
	struct wrap_check w = { width ? width : 1, NULL, 0 };
	char *expect;

	w.joined = ys_malloc(n + 1);
	expect = ys_malloc(n + 1);
	if (!w.joined || !expect) {
		ys_free(w.joined);
		ys_free(expect);
		return;
	}
	ys_wrap(s, width, on_line, &w);
	for (i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\n')
			expect[k++] = s[i];
	FUZZ_CHECK(w.n == k && memcmp(w.joined, expect, k) == 0);
	ys_free(w.joined);
	ys_free(expect);
}

static void check_fit(const char *s, size_t n, size_t width)
{
	size_t used = 0, fit = ys_text_fit(s, n, width, &used);

	FUZZ_CHECK(fit <= n);
	FUZZ_CHECK(used <= width);
	FUZZ_CHECK(ys_text_width(s, fit) == used);
	/* Never inside a UTF-8 sequence: the next byte starts a character. */
	if (fit < n)
		FUZZ_CHECK(((unsigned char)s[fit] & 0xC0) != 0x80);
	if (fit == n)
		FUZZ_CHECK(ys_text_width(s, n) <= width);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data + 1;
	unsigned flags;
	size_t n, width, len1, len2;
	char *once, *twice;

	if (size < 1)
		return 0;
	flags = data[0] & 7u;
	width = data[0] >> 3;   /* 0..31: narrow widths reach the edge cases */
	n = size - 1;

	once = ys_sanitize(s, n, flags);
	FUZZ_CHECK(once != NULL);
	len1 = strlen(once);
	check_clean(once, len1, flags);

	twice = ys_sanitize(once, len1, flags);
	FUZZ_CHECK(twice != NULL);
	len2 = strlen(twice);
	FUZZ_CHECK(len1 == len2 && memcmp(once, twice, len1) == 0);
	ys_free(twice);

	check_fputs(s, n, flags);
	check_wrap(once, width);
	check_fit(once, len1, width);
	ys_free(once);
	return 0;
}
