/* Diagnostics list and GCC-style printing; see diag.h. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yardstick/alloc.h"
#include "yardstick/diag.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"

bool ys_diags_full(const ys_diags *d)
{
	return d->count - d->warnings >= YS_DIAG_MAX;
}

/* Appends one diagnostic; false when out of memory (the caller counts it
 * as dropped). */
static bool append(ys_diags *d, bool warning, const char *file, ys_pos pos,
		   const char *fmt, va_list ap)
{
	char buf[1024];
	ys_diag *item;
	int n;

	if (!YS_GROW(d->items, d->cap, d->count + 1))
		return false;
	n = vsnprintf(buf, sizeof(buf), fmt, ap);
	if (n < 0)
		snprintf(buf, sizeof(buf), "(unprintable message)");
	item = &d->items[d->count];
	item->file = file ? ys_strdup(file) : NULL;
	item->pos = pos;
	item->warning = warning;
	item->message = ys_sanitize(buf, strlen(buf), 0);
	if ((file && !item->file) || !item->message) {
		ys_free(item->file);
		ys_free(item->message);
		return false;
	}
	d->count++;
	return true;
}

void ys_diag_vadd(ys_diags *d, int exit_code, const char *file, ys_pos pos,
		  const char *fmt, va_list ap)
{
	if (!d->exit_code)
		d->exit_code = exit_code;
	if (ys_diags_full(d)) {
		d->dropped++;
		return;
	}
	if (!append(d, false, file, pos, fmt, ap)) {
		d->exit_code = YS_EX_SOFTWARE;
		d->dropped++;
	}
}

void ys_diag_add(ys_diags *d, int exit_code, const char *file, ys_pos pos,
		 const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ys_diag_vadd(d, exit_code, file, pos, fmt, ap);
	va_end(ap);
}

void ys_diag_warn(ys_diags *d, const char *file, ys_pos pos,
		  const char *fmt, ...)
{
	va_list ap;
	bool ok;

	if (d->warnings >= YS_WARN_MAX) {
		d->warnings_dropped++;
		return;
	}
	va_start(ap, fmt);
	ok = append(d, true, file, pos, fmt, ap);
	va_end(ap);
	if (ok)
		d->warnings++;
	else
		d->warnings_dropped++;  /* out of memory: a warning is not worth failing for */
}

ys_diags_mark ys_diags_mark_now(const ys_diags *d)
{
	ys_diags_mark m;

	m.count = d->count;
	m.dropped = d->dropped;
	m.warnings = d->warnings;
	m.warnings_dropped = d->warnings_dropped;
	m.exit_code = d->exit_code;
	return m;
}

void ys_diags_rewind(ys_diags *d, const ys_diags_mark *m)
{
	while (d->count > m->count) {
		d->count--;
		ys_free(d->items[d->count].file);
		ys_free(d->items[d->count].message);
	}
	d->dropped = m->dropped;
	d->warnings = m->warnings;
	d->warnings_dropped = m->warnings_dropped;
	d->exit_code = m->exit_code;
}

/* Finds line `line` (1-based) in buf; returns its start and length without
 * the line ending, or NULL. */
static const char *find_line(const char *buf, size_t len, uint32_t line,
			     size_t *out_len)
{
	const char *p = buf, *end = buf + len, *nl;
	uint32_t n = 1;

	while (n < line) {
		nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return NULL;
		p = nl + 1;
		n++;
	}
	if (p > end)
		return NULL;
	nl = memchr(p, '\n', (size_t)(end - p));
	*out_len = (size_t)((nl ? nl : end) - p);
	if (*out_len && p[*out_len - 1] == '\r')
		(*out_len)--;
	return p;
}

/* Reads a file for showing source lines; NULL when it cannot (the
 * diagnostic is then printed without its source line). Caller frees. */
static char *slurp(const char *path, size_t *len)
{
	char *buf = NULL;
	size_t cap = 0, n = 0;
	struct stat st;
	FILE *f;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || !(f = fdopen(fd, "rb"))) {
		close(fd);
		return NULL;
	}
	for (;;) {
		size_t r;

		if (n == cap) {
			char *nb;

			if (cap >= 80u * 1024u * 1024u)
				break;
			cap = cap ? cap * 2 : 65536;
			nb = ys_realloc(buf, cap);
			if (!nb)
				break;
			buf = nb;
		}
		r = fread(buf + n, 1, cap - n, f);
		n += r;
		if (r == 0)
			break;
	}
	fclose(f);
	*len = n;
	return buf;
}

/* Prints the source line and a caret under column col (code points). The
 * line is sanitised; the caret is placed by display width, and tabs in the
 * line are copied so it lines up in a terminal. A long line is shown as a
 * window of about SHOW_COLS columns around the column, with "..." marks. */
#define SHOW_COLS 100

static void print_source(FILE *out, const char *line, size_t len, ys_pos pos)
{
	size_t start = 0, end, i, width;
	uint32_t col = 1, first_col = 1;
	char *safe;
	int gw;
	char gutter[16];

	/* Skip a UTF-8 byte order mark at the start of the first line. */
	if (pos.line == 1 && len >= 3 && !memcmp(line, "\xEF\xBB\xBF", 3)) {
		line += 3;
		len -= 3;
	}
	/* Start the window so the caret sits at most SHOW_COLS - 20 columns in. */
	if (pos.col > SHOW_COLS - 20) {
		uint32_t skip = pos.col - (SHOW_COLS - 20);

		while (start < len && first_col <= skip) {
			uint32_t cp;

			start += ys_utf8_decode(line + start, len - start, &cp);
			first_col++;
		}
	}
	/* End the window after SHOW_COLS display columns. */
	end = start;
	width = 0;
	while (end < len) {
		uint32_t cp;
		size_t n = ys_utf8_decode(line + end, len - end, &cp);
		int w = cp == '\t' ? 8 : ys_cp_unsafe(cp) ? 1 : ys_cp_width(cp);

		if (width + (size_t)w > SHOW_COLS)
			break;
		width += (size_t)w;
		end += n;
	}
	safe = ys_sanitize(line + start, end - start, YS_SAN_KEEP_TAB);
	if (!safe)
		return;
	gw = snprintf(gutter, sizeof(gutter), "%5lu", (unsigned long)pos.line);
	fprintf(out, "%s | %s%s%s\n", gutter, start ? "..." : "", safe,
		end < len ? "..." : "");
	ys_free(safe);
	fprintf(out, "%*s | %s", gw, "", start ? "   " : "");
	i = start;
	col = first_col;
	while (i < end && col < pos.col) {
		uint32_t cp;
		size_t n = ys_utf8_decode(line + i, end - i, &cp);

		if (cp == '\t') {
			fputc('\t', out);
		} else {
			int w = ys_cp_unsafe(cp) ? 1 : ys_cp_width(cp);

			for (; w > 0; w--)
				fputc(' ', out);
		}
		i += n;
		col++;
	}
	/* A position past the end of the window still gets a caret. */
	for (; col < pos.col && col < first_col + SHOW_COLS; col++)
		fputc(' ', out);
	fputs("^\n", out);
}

void ys_diags_print(const ys_diags *d, FILE *out, const char *prog)
{
	const char *cached_name = NULL;
	char *cached = NULL;
	size_t cached_len = 0, i;

	for (i = 0; i < d->count; i++) {
		const ys_diag *g = &d->items[i];
		const char *src = NULL, *line;
		size_t src_len = 0, line_len;
		char *name = g->file ? ys_sanitize(g->file, strlen(g->file), 0) : NULL;

		fprintf(out, "%s: ", prog);
		if (name && g->pos.line)
			fprintf(out, "%s:%lu:%lu: ", name,
				(unsigned long)g->pos.line, (unsigned long)g->pos.col);
		else if (name)
			fprintf(out, "%s: ", name);
		fprintf(out, "%s: %s\n", g->warning ? "warning" : "error", g->message);
		ys_free(name);
		if (!g->pos.line || !g->file)
			continue;
		if (d->src && d->src_name && !strcmp(d->src_name, g->file)) {
			src = d->src;
			src_len = d->src_len;
		} else if (!strncmp(g->file, "builtin:", 8)) {
			continue;       /* a built-in questionnaire not in d->src */
		} else {
			if (!cached_name || strcmp(cached_name, g->file)) {
				ys_free(cached);
				cached = slurp(g->file, &cached_len);
				cached_name = g->file;
			}
			src = cached;
			src_len = cached_len;
		}
		if (!src)
			continue;
		line = find_line(src, src_len, g->pos.line, &line_len);
		if (line)
			print_source(out, line, line_len, g->pos);
	}
	if (d->dropped)
		fprintf(out, "%s: too many errors; only the first %d are shown\n",
			prog, YS_DIAG_MAX);
	if (d->warnings_dropped)
		fprintf(out, "%s: and %zu more %s; only the first %d are shown\n",
			prog, d->warnings_dropped,
			d->warnings_dropped == 1 ? "warning" : "warnings", YS_WARN_MAX);
	ys_free(cached);
}

void ys_diags_free(ys_diags *d)
{
	size_t i;

	for (i = 0; i < d->count; i++) {
		ys_free(d->items[i].file);
		ys_free(d->items[i].message);
	}
	ys_free(d->items);
	ys_free(d->src_name);
	d->src_name = NULL;
	d->src = NULL;
	d->src_len = 0;
	d->items = NULL;
	d->count = d->cap = d->dropped = 0;
	d->warnings = d->warnings_dropped = 0;
	d->exit_code = 0;
}
