/* Interim text helpers (UTF-8 decode and sanitising) until the full module
 * with display-width tables lands. */
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/text.h"

size_t ys_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c;
	size_t len, i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		len = 2;
		c = u[0] & 0x1F;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		len = 3;
		c = u[0] & 0x0F;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		len = 4;
		c = u[0] & 0x07;
	} else {
		*cp = YS_REPLACEMENT;
		return 1;
	}
	if (n < len) {
		*cp = YS_REPLACEMENT;
		return 1;
	}
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80) {
			*cp = YS_REPLACEMENT;
			return 1;
		}
		c = (c << 6) | (u[i] & 0x3F);
	}
	if ((len == 3 && c < 0x800) || (len == 4 && (c < 0x10000 || c > 0x10FFFF)) ||
	    (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = YS_REPLACEMENT;
		return 1;
	}
	*cp = c;
	return len;
}

size_t ys_utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | (cp >> 6));
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | (cp >> 12));
		out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | (cp >> 18));
	out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

int ys_cp_width(uint32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
	    (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	if ((cp >= 0x300 && cp <= 0x36F) || (cp >= 0x200B && cp <= 0x200F))
		return 0;
	return 1;
}

bool ys_cp_unsafe(uint32_t cp)
{
	return (cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F ||
	       (cp >= 0x80 && cp <= 0x9F) || (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F ||
	       cp == 0x061C || cp == 0x2028 || cp == 0x2029;
}

char *ys_sanitize(const char *s, size_t n, unsigned flags)
{
	char *out = ys_malloc(n * 3 + 1), *o = out;
	size_t i = 0;

	if (!out)
		return NULL;
	while (i < n) {
		uint32_t cp;
		size_t k = ys_utf8_decode(s + i, n - i, &cp);

		if (cp == '\n' && !(flags & YS_SAN_KEEP_NEWLINE))
			cp = ' ';
		else if (cp == '\t' && !(flags & YS_SAN_KEEP_TAB))
			cp = ' ';
		else if (ys_cp_unsafe(cp))
			cp = YS_REPLACEMENT;
		if ((flags & YS_SAN_ASCII) && cp >= 0x80)
			cp = '?';
		o += ys_utf8_encode(cp, o);
		i += k;
	}
	*o = '\0';
	return out;
}

void ys_fputs_safe(const char *s, FILE *out, unsigned flags)
{
	char *t = ys_sanitize(s, strlen(s), flags);

	if (t) {
		fputs(t, out);
		ys_free(t);
	}
}
