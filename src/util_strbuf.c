/* The string builder (strbuf.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/strbuf.h"

static bool sb_grow(ys_sb *b, size_t extra)
{
	size_t need, cap;
	char *p;

	if (b->oom)
		return false;
	if (extra > (size_t)-1 / 2 - b->len) {
		b->oom = true;
		return false;
	}
	need = b->len + extra + 1;
	if (need <= b->cap)
		return true;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	p = ys_realloc(b->buf, cap);
	if (!p) {
		b->oom = true;
		return false;
	}
	b->buf = p;
	b->cap = cap;
	return true;
}

void ys_sb_putn(ys_sb *b, const char *s, size_t n)
{
	if (!sb_grow(b, n))
		return;
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

void ys_sb_puts(ys_sb *b, const char *s)
{
	ys_sb_putn(b, s, strlen(s));
}

void ys_sb_putc(ys_sb *b, char c)
{
	ys_sb_putn(b, &c, 1);
}

void ys_sb_printf(ys_sb *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if (!sb_grow(b, (size_t)n))
		return;
	va_start(ap, fmt);
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

char *ys_sb_take(ys_sb *b)
{
	char *s;

	if (b->oom) {
		ys_sb_free(b);
		return NULL;
	}
	if (!b->buf)
		return ys_strdup("");
	s = b->buf;
	b->buf = NULL;
	b->len = b->cap = 0;
	return s;
}

void ys_sb_free(ys_sb *b)
{
	ys_free(b->buf);
	b->buf = NULL;
	b->len = b->cap = 0;
	b->oom = false;
}
