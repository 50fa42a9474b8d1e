/* Text helpers: UTF-8, display width from built-in Unicode tables, and
 * sanitising for terminals and exports. Nothing here depends on the locale
 * and nothing allocates except ys_sanitize(). */
#include <stdint.h>
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/common.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"

#include "text_width_tables.h"

/* ---- UTF-8 ------------------------------------------------------------ */

size_t ys_utf8_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	uint32_t c, min;
	size_t len, i;

	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	if (u[0] >= 0xC2 && u[0] <= 0xDF) {
		len = 2;
		c = u[0] & 0x1Fu;
		min = 0x80;
	} else if (u[0] >= 0xE0 && u[0] <= 0xEF) {
		len = 3;
		c = u[0] & 0x0Fu;
		min = 0x800;
	} else if (u[0] >= 0xF0 && u[0] <= 0xF4) {
		len = 4;
		c = u[0] & 0x07u;
		min = 0x10000;
	} else {
		/* Continuation byte, C0/C1 (always overlong) or F5..FF. */
		goto invalid;
	}
	if (n < len)
		goto invalid;
	for (i = 1; i < len; i++) {
		if ((u[i] & 0xC0u) != 0x80)
			goto invalid;
		c = (c << 6) | (u[i] & 0x3Fu);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto invalid;
	*cp = c;
	return len;
invalid:
	*cp = YS_REPLACEMENT;
	return 1;
}

size_t ys_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *u = (unsigned char *)out;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = YS_REPLACEMENT;
	if (cp < 0x80) {
		u[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		u[0] = (unsigned char)(0xC0 | (cp >> 6));
		u[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		u[0] = (unsigned char)(0xE0 | (cp >> 12));
		u[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		u[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	u[0] = (unsigned char)(0xF0 | (cp >> 18));
	u[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	u[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	u[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* Decodes one character at s[0..n) and reports whether it was valid (a
 * literal U+FFFD in the input is valid). */
static size_t decode_checked(const char *s, size_t n, uint32_t *cp,
			     bool *valid)
{
	size_t len = ys_utf8_decode(s, n, cp);

	*valid = !(*cp == YS_REPLACEMENT && len == 1);
	return len;
}

bool ys_utf8_valid(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n) {
		uint32_t cp;
		bool valid;

		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		i += decode_checked(s + i, n - i, &cp, &valid);
		if (!valid)
			return false;
	}
	return true;
}

/* ---- Display width ---------------------------------------------------- */

static bool in_table(uint32_t cp, const struct ys_width_range *t, size_t n)
{
	size_t lo = 0, hi = n;

	if (n == 0 || cp < t[0].first || cp > t[n - 1].last)
		return false;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (cp > t[mid].last)
			lo = mid + 1;
		else if (cp < t[mid].first)
			hi = mid;
		else
			return true;
	}
	return false;
}

int ys_cp_width(uint32_t cp)
{
	if (cp >= 0x20 && cp < 0x7F)
		return 1;
	if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0))
		return 0;
	if (cp >= 0xD800 && cp <= 0xDFFF)
		return 1;       /* shown as U+FFFD */
	if (cp > 0x10FFFF)
		return 1;
	if (in_table(cp, ys_zero_width, YS_ARRAY_LEN(ys_zero_width)))
		return 0;
	if (in_table(cp, ys_wide, YS_ARRAY_LEN(ys_wide)))
		return 2;
	return 1;
}

size_t ys_text_width(const char *s, size_t n)
{
	size_t i = 0, w = 0;

	while (i < n) {
		uint32_t cp;

		i += ys_utf8_decode(s + i, n - i, &cp);
		w += (size_t)ys_cp_width(cp);
	}
	return w;
}

size_t ys_text_fit(const char *s, size_t n, size_t width, size_t *used)
{
	size_t i = 0, w = 0;

	while (i < n) {
		uint32_t cp;
		size_t len = ys_utf8_decode(s + i, n - i, &cp);
		size_t cw = (size_t)ys_cp_width(cp);

		if (w + cw > width)
			break;
		w += cw;
		i += len;
	}
	if (used)
		*used = w;
	return i;
}

/* ---- Sanitising ------------------------------------------------------- */

bool ys_cp_unsafe(uint32_t cp)
{
	if (cp < 0x20)
		return cp != '\t' && cp != '\n';
	if (cp >= 0x7F && cp < 0xA0)
		return true;    /* DEL and C1 controls */
	switch (cp) {
	case 0x061C:            /* ARABIC LETTER MARK */
	case 0x200E:            /* LEFT-TO-RIGHT MARK */
	case 0x200F:            /* RIGHT-TO-LEFT MARK */
	case 0x2028:            /* LINE SEPARATOR */
	case 0x2029:            /* PARAGRAPH SEPARATOR */
		return true;
	default:
		break;
	}
	if (cp >= 0x202A && cp <= 0x202E)       /* embeddings and overrides */
		return true;
	if (cp >= 0x2066 && cp <= 0x2069)       /* isolates */
		return true;
	/* Not characters at all: surrogates and beyond U+10FFFF. */
	return (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF;
}

/* Writes the sanitised form of the character at s[0..n) through put() and
 * returns the number of input bytes it used. */
static size_t sanitize_one(const char *s, size_t n, unsigned flags,
			   void (*put)(void *ctx, const char *b, size_t len),
			   void *ctx)
{
	static const char fffd[] = "\xEF\xBF\xBD";
	uint32_t cp;
	bool valid;
	size_t len = decode_checked(s, n, &cp, &valid);

	if (cp == '\n' && !(flags & YS_SAN_KEEP_NEWLINE))
		put(ctx, " ", 1);
	else if (cp == '\t' && !(flags & YS_SAN_KEEP_TAB))
		put(ctx, " ", 1);
	else if (!valid || ys_cp_unsafe(cp))
		put(ctx, (flags & YS_SAN_ASCII) ? "?" : fffd,
		    (flags & YS_SAN_ASCII) ? 1 : 3);
	else if (cp >= 0x80 && (flags & YS_SAN_ASCII))
		put(ctx, "?", 1);
	else
		put(ctx, s, len);
	return len;
}

struct membuf {
	char *p;
	size_t len;
};

static void put_mem(void *ctx, const char *b, size_t len)
{
	struct membuf *m = ctx;

	memcpy(m->p + m->len, b, len);
	m->len += len;
}

static void put_file(void *ctx, const char *b, size_t len)
{
	fwrite(b, 1, len, (FILE *)ctx);
}

char *ys_sanitize(const char *s, size_t n, unsigned flags)
{
	struct membuf m = { NULL, 0 };
	size_t i = 0;

	/* Each input byte gives at most 3 output bytes (U+FFFD). */
	if (n > (SIZE_MAX - 1) / 3)
		return NULL;
	m.p = ys_malloc(3 * n + 1);
	if (!m.p)
		return NULL;
	while (i < n)
		i += sanitize_one(s + i, n - i, flags, put_mem, &m);
	m.p[m.len] = '\0';
	return m.p;
}

void ys_fputs_safe(const char *s, FILE *out, unsigned flags)
{
	size_t n, i = 0;

	if (!s)
		return;
	n = strlen(s);
	while (i < n) {
		/* Copy runs of plain printable ASCII in one call. */
		size_t run = i;

		while (run < n && (unsigned char)s[run] >= 0x20 &&
		       (unsigned char)s[run] < 0x7F)
			run++;
		if (run > i) {
			fwrite(s + i, 1, run - i, out);
			i = run;
			continue;
		}
		i += sanitize_one(s + i, n - i, flags, put_file, out);
	}
}

/* ---- Wrapping --------------------------------------------------------- */

/* Byte length of the first character at s[0..n) together with the zero
 * width characters (combining marks) that follow it. */
static size_t first_cluster(const char *s, size_t n)
{
	uint32_t cp;
	size_t i = ys_utf8_decode(s, n, &cp);

	while (i < n) {
		size_t len = ys_utf8_decode(s + i, n - i, &cp);

		if (ys_cp_width(cp) != 0 || cp == '\n')
			break;
		i += len;
	}
	return i;
}

/* Wraps one paragraph s[0..n) (no '\n' in it, n > 0). */
static size_t wrap_paragraph(const char *s, size_t n, size_t width,
			     void (*emit)(void *ctx, const char *line,
					  size_t len),
			     void *ctx)
{
	size_t pos = 0, lines = 0;

	while (pos < n) {
		const char *p = s + pos;
		size_t rest = n - pos;
		size_t fit = ys_text_fit(p, rest, width, NULL);
		size_t end, next;

		if (fit == rest) {
			emit(ctx, p, rest);
			return lines + 1;
		}
		if (p[fit] == ' ') {
			/* The line breaks at a space: drop the run of spaces. */
			end = fit;
			next = fit;
		} else {
			/* Break at the last space inside the part that fits. */
			size_t sp = fit;

			while (sp > 0 && p[sp - 1] != ' ')
				sp--;
			end = sp;
			next = sp;
		}
		while (end > 0 && p[end - 1] == ' ')
			end--;
		if (end == 0 && !(fit > 0 && p[fit] == ' ')) {
			/* No usable space: the word is wider than the line,
			 * or the line is only leading spaces. Break inside it
			 * at a character boundary; a character wider than the
			 * line goes alone on its line. */
			end = fit ? fit : first_cluster(p, rest);
			next = end;
		}
		while (next < rest && p[next] == ' ')
			next++;
		emit(ctx, p, end);
		lines++;
		pos += next;
	}
	return lines;
}

size_t ys_wrap(const char *s, size_t width,
	       void (*emit)(void *ctx, const char *line, size_t len),
	       void *ctx)
{
	size_t lines = 0;

	if (!s)
		return 0;
	if (width == 0)
		width = 1;
	while (*s) {
		const char *nl = strchr(s, '\n');
		size_t len = nl ? (size_t)(nl - s) : strlen(s);

		if (len == 0) {
			emit(ctx, s, 0);
			lines++;
		} else {
			lines += wrap_paragraph(s, len, width, emit, ctx);
		}
		if (!nl)
			break;
		s = nl + 1;
	}
	return lines;
}

bool ys_name_equal(const char *x, const char *y)
{
	for (; *x && *y; x++, y++) {
		unsigned char a = (unsigned char)*x, b = (unsigned char)*y;

		if (a >= 'A' && a <= 'Z')
			a = (unsigned char)(a - 'A' + 'a');
		if (b >= 'A' && b <= 'Z')
			b = (unsigned char)(b - 'A' + 'a');
		if (a != b)
			return false;
	}
	return *x == *y;
}

int ys_names_split(const char *text, size_t max, char ***out, size_t *count)
{
	char **list = NULL;
	size_t n = 0, cap = 0;
	const char *p = text;
	int rc = 0;

	while (*p) {
		const char *e = strchr(p, ',');
		const char *b = p, *t;

		if (!e)
			e = p + strlen(p);
		t = e;
		while (b < t && (*b == ' ' || *b == '\t'))
			b++;
		while (t > b && (t[-1] == ' ' || t[-1] == '\t'))
			t--;
		if (t > b) {
			if (n == max) {
				rc = 1;
				goto fail;
			}
			if (!YS_GROW(list, cap, n + 1) ||
			    !(list[n] = ys_strndup(b, (size_t)(t - b)))) {
				rc = -1;
				goto fail;
			}
			n++;
		}
		p = *e ? e + 1 : e;
	}
	*out = list;
	*count = n;
	return 0;
fail:
	ys_strv_free(list, n);
	*out = NULL;
	*count = 0;
	return rc;
}

static bool org_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' ||
	       c == '\f';
}

static char org_fold(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

char *ys_org_key(const char *name)
{
	char *key = ys_malloc(strlen(name) + 1);
	size_t n = 0;

	if (!key)
		return NULL;
	for (; *name; name++)
		if (!org_space(*name))
			key[n++] = org_fold(*name);
	key[n] = '\0';
	return key;
}

bool ys_org_equal(const char *x, const char *y)
{
	for (;;) {
		while (org_space(*x))
			x++;
		while (org_space(*y))
			y++;
		if (!*x || !*y)
			return !*x && !*y;
		if (org_fold(*x) != org_fold(*y))
			return false;
		x++;
		y++;
	}
}

char *ys_names_join(char *const *names, size_t n)
{
	size_t i, len = 1, at = 0;
	char *out;

	for (i = 0; i < n; i++)
		len += strlen(names[i]) + 2;
	out = ys_malloc(len);
	if (!out)
		return NULL;
	for (i = 0; i < n; i++) {
		size_t k = strlen(names[i]);

		if (i) {
			memcpy(out + at, ", ", 2);
			at += 2;
		}
		memcpy(out + at, names[i], k);
		at += k;
	}
	out[at] = '\0';
	return out;
}

void ys_strv_free(char **v, size_t n)
{
	size_t i;

	if (!v)
		return;
	for (i = 0; i < n; i++)
		ys_free(v[i]);
	ys_free(v);
}

bool ys_str_blank(const char *s)
{
	return !s || s[strspn(s, " \t\n\r")] == '\0';
}

bool ys_str_eq(const char *a, const char *b)
{
	if (!a || !b)
		return a == b;
	return !strcmp(a, b);
}
