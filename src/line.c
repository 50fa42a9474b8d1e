/* The prompt line editor; see line.h. */
#include <stdint.h>
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/line.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"

bool ys_line_reserve(ys_line *l)
{
	if (l->buf)
		return true;
	if (!YS_GROW(l->buf, l->cap, 64))
		return false;
	l->buf[0] = '\0';
	l->len = 0;
	l->cursor = 0;
	return true;
}

/* The longest prefix of s[0..n) of at most max bytes that ends on a
 * character boundary. */
static size_t cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xC0) == 0x80)
		max--;
	return max;
}

bool ys_line_set(ys_line *l, const char *text)
{
	size_t n = text ? cut(text, strlen(text), YS_LINE_MAX) : 0;

	if (!YS_GROW(l->buf, l->cap, n + 1))
		return false;
	if (n)
		memcpy(l->buf, text, n);
	l->buf[n] = '\0';
	l->len = n;
	l->cursor = n;
	return true;
}

ys_line_rc ys_line_insert(ys_line *l, const char *text)
{
	char *clean;
	size_t n;

	if (!text || !*text)
		return YS_LINE_UNCHANGED;
	clean = ys_sanitize(text, strlen(text), 0);
	if (!clean)
		return YS_LINE_NOMEM;
	n = strlen(clean);
	if (l->len + n > YS_LINE_MAX) {
		ys_free(clean);
		return YS_LINE_TOO_LONG;
	}
	if (!YS_GROW(l->buf, l->cap, l->len + n + 1)) {
		ys_free(clean);
		return YS_LINE_NOMEM;
	}
	if (!l->len)
		l->buf[0] = '\0';
	memmove(l->buf + l->cursor + n, l->buf + l->cursor, l->len - l->cursor + 1);
	memcpy(l->buf + l->cursor, clean, n);
	l->len += n;
	l->cursor += n;
	ys_free(clean);
	return YS_LINE_OK;
}

size_t ys_line_prev(const ys_line *l, size_t at)
{
	while (at > 0) {
		at--;
		if (((unsigned char)l->buf[at] & 0xC0) != 0x80)
			break;
	}
	return at;
}

size_t ys_line_next(const ys_line *l, size_t at)
{
	uint32_t cp;

	if (at >= l->len)
		return l->len;
	return at + ys_utf8_decode(l->buf + at, l->len - at, &cp);
}

static void remove_bytes(ys_line *l, size_t from, size_t to)
{
	memmove(l->buf + from, l->buf + to, l->len - to + 1);
	l->len -= to - from;
	l->cursor = from;
}

bool ys_line_backspace(ys_line *l)
{
	if (l->cursor == 0)
		return false;
	remove_bytes(l, ys_line_prev(l, l->cursor), l->cursor);
	return true;
}

bool ys_line_delete(ys_line *l)
{
	if (l->cursor >= l->len)
		return false;
	remove_bytes(l, l->cursor, ys_line_next(l, l->cursor));
	return true;
}

bool ys_line_left(ys_line *l)
{
	if (l->cursor == 0)
		return false;
	l->cursor = ys_line_prev(l, l->cursor);
	return true;
}

bool ys_line_right(ys_line *l)
{
	if (l->cursor >= l->len)
		return false;
	l->cursor = ys_line_next(l, l->cursor);
	return true;
}

void ys_line_home(ys_line *l)
{
	l->cursor = 0;
}

void ys_line_end(ys_line *l)
{
	l->cursor = l->len;
}

void ys_line_clear(ys_line *l)
{
	if (l->buf)
		l->buf[0] = '\0';
	l->len = 0;
	l->cursor = 0;
}

size_t ys_line_width(const ys_line *l, size_t from, size_t to)
{
	if (to > l->len)
		to = l->len;
	if (from >= to)
		return 0;
	return ys_text_width(l->buf + from, to - from);
}

char *ys_line_trimmed(const ys_line *l)
{
	const char *b = l->buf ? l->buf : "";
	const char *e = b + l->len;

	while (*b == ' ' || *b == '\t')
		b++;
	while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	return ys_strndup(b, (size_t)(e - b));
}

void ys_line_free(ys_line *l)
{
	ys_free(l->buf);
	memset(l, 0, sizeof(*l));
}
