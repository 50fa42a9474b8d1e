/* Strict YAML event reader on libyaml; see yread.h.
 *
 * libyaml marks are 0-based and count characters. Reader errors (invalid
 * UTF-8, control bytes) give only a byte offset, so the line and column are
 * computed here from the bytes read. libyaml 0.2.5 has no nesting limit and
 * its scanner slows down quadratically with depth, so depth is counted here
 * and parsing stops at the first event past the limit. */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "yardstick/alloc.h"
#include "yardstick/sha256.h"
#include "yardstick/text.h"
#include "yardstick/yread.h"

struct ys_yreader {
	yaml_parser_t parser;
	yaml_event_t event;
	bool have_event;
	bool failed;
	bool done;
	bool in_document;
	bool seen_document;
	int depth;
	ys_diags *diags;
	char *name;
	/* Input: a file descriptor, or memory. */
	int fd;
	const char *mem;
	size_t mem_len;
	size_t nread;           /* bytes delivered to libyaml */
	bool fingerprint;
	bool too_large;
	bool utf16;
	int read_errno;
	ys_sha256 sha;
	char sha_hex[65];
};

static const char *const type_names[] = {
	[YS_Y_END] = "end of file",
	[YS_Y_MAP] = "a mapping",
	[YS_Y_MAP_END] = "end of mapping",
	[YS_Y_SEQ] = "a sequence",
	[YS_Y_SEQ_END] = "end of sequence",
	[YS_Y_SCALAR] = "a scalar",
};

ys_diags *ys_yreader_diags(ys_yreader *r)
{
	return r->diags;
}

const char *ys_yreader_name(const ys_yreader *r)
{
	return r->name;
}

void ys_yerror(ys_yreader *r, ys_pos pos, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ys_diag_vadd(r->diags, YS_EX_DATAERR, r->name, pos, fmt, ap);
	va_end(ap);
}

static ys_pos mark_pos(yaml_mark_t m)
{
	ys_pos p;

	p.line = (uint32_t)(m.line + 1);
	p.col = (uint32_t)(m.column + 1);
	return p;
}

/* libyaml read handler for file input: counts, hashes and caps the bytes. */
static int read_handler(void *data, unsigned char *buf, size_t size,
			size_t *size_read)
{
	ys_yreader *r = data;
	ssize_t n;

	for (;;) {
		n = read(r->fd, buf, size);
		if (n >= 0 || errno != EINTR)
			break;
	}
	if (n < 0) {
		r->read_errno = errno;
		return 0;
	}
	if (r->nread == 0 && n >= 2 &&
	    ((buf[0] == 0xFF && buf[1] == 0xFE) || (buf[0] == 0xFE && buf[1] == 0xFF))) {
		r->utf16 = true;
		return 0;
	}
	if ((size_t)n > YS_MAX_FILE - r->nread) {
		r->too_large = true;
		return 0;
	}
	if (r->fingerprint)
		ys_sha256_update(&r->sha, buf, (size_t)n);
	r->nread += (size_t)n;
	*size_read = (size_t)n;
	return 1;
}

static ys_yreader *reader_new(const char *display_name, ys_diags *d)
{
	ys_yreader *r = ys_calloc(1, sizeof(*r));

	if (!r) {
		ys_diag_add(d, YS_EX_SOFTWARE, display_name, (ys_pos){0, 0},
			    "out of memory");
		return NULL;
	}
	r->fd = -1;
	r->diags = d;
	r->name = ys_strdup(display_name);
	if (!r->name || !yaml_parser_initialize(&r->parser)) {
		ys_diag_add(d, YS_EX_SOFTWARE, display_name, (ys_pos){0, 0},
			    "out of memory");
		ys_free(r->name);
		ys_free(r);
		return NULL;
	}
	ys_sha256_init(&r->sha);
	return r;
}

ys_yreader *ys_yreader_open_file(const char *path, const char *display_name,
				 ys_diags *d)
{
	return ys_yreader_open_file_fp(path, display_name, true, d);
}

ys_yreader *ys_yreader_open_file_fp(const char *path, const char *display_name,
				    bool fingerprint, ys_diags *d)
{
	const char *name = display_name ? display_name : path;
	struct stat st;
	ys_yreader *r;
	int fd;

	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		ys_diag_add(d, YS_EX_NOINPUT, name, (ys_pos){0, 0}, "cannot open: %s",
			    strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) != 0) {
		ys_diag_add(d, YS_EX_NOINPUT, name, (ys_pos){0, 0}, "cannot read: %s",
			    strerror(errno));
		close(fd);
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		ys_diag_add(d, YS_EX_NOINPUT, name, (ys_pos){0, 0},
			    "is a folder, not a file");
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		ys_diag_add(d, YS_EX_NOINPUT, name, (ys_pos){0, 0},
			    "not a regular file (a device, pipe or socket cannot be read)");
		close(fd);
		return NULL;
	}
	if ((unsigned long long)st.st_size > YS_MAX_FILE) {
		ys_diag_add(d, YS_EX_DATAERR, name, (ys_pos){0, 0},
			    "file is too large (%llu bytes; the limit is %u MiB)",
			    (unsigned long long)st.st_size, YS_MAX_FILE / (1024u * 1024u));
		close(fd);
		return NULL;
	}
	/* Reads block normally from here on. */
	if (fcntl(fd, F_SETFL, 0) != 0) {
		ys_diag_add(d, YS_EX_NOINPUT, name, (ys_pos){0, 0}, "cannot read: %s",
			    strerror(errno));
		close(fd);
		return NULL;
	}
	r = reader_new(name, d);
	if (!r) {
		close(fd);
		return NULL;
	}
	r->fd = fd;
	r->fingerprint = fingerprint;
	yaml_parser_set_input(&r->parser, read_handler, r);
	return r;
}

ys_yreader *ys_yreader_open_mem(const char *buf, size_t len,
				const char *display_name, ys_diags *d)
{
	const char *name = display_name ? display_name : "<memory>";
	ys_yreader *r;

	if (len > YS_MAX_FILE) {
		ys_diag_add(d, YS_EX_DATAERR, name, (ys_pos){0, 0},
			    "file is too large (%zu bytes; the limit is %u MiB)", len,
			    YS_MAX_FILE / (1024u * 1024u));
		return NULL;
	}
	r = reader_new(name, d);
	if (!r)
		return NULL;
	r->mem = buf;
	r->mem_len = len;
	if (len >= 2 && (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
			 ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF)))
		r->utf16 = true;
	ys_sha256_update(&r->sha, buf, len);
	r->nread = len;
	yaml_parser_set_input_string(&r->parser, (const unsigned char *)buf,
				     r->utf16 ? 0 : len);
	d->src = buf;
	d->src_len = len;
	return r;
}

void ys_yreader_close(ys_yreader *r)
{
	if (!r)
		return;
	if (r->have_event)
		yaml_event_delete(&r->event);
	yaml_parser_delete(&r->parser);
	if (r->fd >= 0)
		close(r->fd);
	ys_free(r->name);
	ys_free(r);
}

const char *ys_yreader_sha256(const ys_yreader *r)
{
	return r->sha_hex;
}

size_t ys_yreader_size(const ys_yreader *r)
{
	return r->nread;
}

/* Computes the line and column of byte offset off: re-reads the input from
 * the start (a regular file, or memory). Columns count code points. */
static ys_pos offset_pos(ys_yreader *r, size_t off)
{
	ys_pos p = {1, 1};
	char buf[65536];
	size_t done = 0;
	bool cr = false;

	/* The pending bytes of a multi-byte sequence split across reads are
	 * only ever continuation bytes, which do not start a code point. */
	while (done < off) {
		size_t want = off - done < sizeof(buf) ? off - done : sizeof(buf);
		const char *chunk;
		size_t n, i;

		if (r->mem) {
			chunk = r->mem + done;
			n = want;
		} else {
			ssize_t got = pread(r->fd, buf, want, (off_t)done);

			if (got <= 0)
				break;
			chunk = buf;
			n = (size_t)got;
		}
		for (i = 0; i < n; i++) {
			unsigned char c = (unsigned char)chunk[i];

			if (c == '\n') {
				if (!cr)
					p.line++;
				p.col = 1;
				cr = false;
			} else if (c == '\r') {
				p.line++;
				p.col = 1;
				cr = true;
			} else {
				cr = false;
				if ((c & 0xC0) != 0x80)
					p.col++;
			}
		}
		done += n;
	}
	/* A BOM at the start is not a column. */
	if (p.line == 1 && off >= 3) {
		unsigned char bom[3] = {0, 0, 0};

		if (r->mem)
			memcpy(bom, r->mem, 3);
		else if (pread(r->fd, bom, 3, 0) != 3)
			memset(bom, 0, 3);
		if (bom[0] == 0xEF && bom[1] == 0xBB && bom[2] == 0xBF)
			p.col--;
	}
	return p;
}

static void report_parser_error(ys_yreader *r)
{
	yaml_parser_t *p = &r->parser;
	const char *problem = p->problem ? p->problem : "unknown error";

	if (r->utf16) {
		ys_yerror(r, (ys_pos){1, 1},
			  "the file is UTF-16; save it as UTF-8");
		return;
	}
	if (r->too_large) {
		ys_yerror(r, (ys_pos){0, 0},
			  "file is too large (the limit is %u MiB)",
			  YS_MAX_FILE / (1024u * 1024u));
		return;
	}
	if (r->read_errno) {
		ys_diag_add(r->diags, YS_EX_NOINPUT, r->name, (ys_pos){0, 0},
			    "read error: %s", strerror(r->read_errno));
		return;
	}
	switch (p->error) {
	case YAML_MEMORY_ERROR:
		ys_diag_add(r->diags, YS_EX_SOFTWARE, r->name, (ys_pos){0, 0},
			    "out of memory");
		break;
	case YAML_READER_ERROR: {
		ys_pos pos = offset_pos(r, p->problem_offset);

		if (!strcmp(problem, "control characters are not allowed"))
			ys_yerror(r, pos, "control character U+%04X is not allowed",
				  (unsigned)p->problem_value);
		else if (strstr(problem, "UTF-8"))
			ys_yerror(r, pos, "invalid UTF-8 (%s)", problem);
		else
			ys_yerror(r, pos, "%s", problem);
		break;
	}
	case YAML_SCANNER_ERROR:
	case YAML_PARSER_ERROR:
		if (p->context)
			ys_yerror(r, mark_pos(p->problem_mark),
				  "YAML syntax error: %s (%s at line %lu, column %lu)",
				  problem, p->context,
				  (unsigned long)p->context_mark.line + 1,
				  (unsigned long)p->context_mark.column + 1);
		else
			ys_yerror(r, mark_pos(p->problem_mark),
				  "YAML syntax error: %s", problem);
		break;
	default:
		ys_yerror(r, mark_pos(p->problem_mark), "YAML error: %s", problem);
		break;
	}
}

static bool fail(ys_yreader *r)
{
	r->failed = true;
	return false;
}

/* Checks a scalar's text: length limit and characters. Printable ASCII is
 * the common case and takes the fast path; other bytes are decoded. */
static bool check_scalar(ys_yreader *r, const yaml_event_t *e, ys_pos pos)
{
	const unsigned char *s = e->data.scalar.value;
	size_t n = e->data.scalar.length, i;

	if (n > YS_MAX_STRING) {
		ys_yerror(r, pos, "string is too long (%zu bytes; the limit is %u KiB)",
			  n, YS_MAX_STRING / 1024u);
		return false;
	}
	for (i = 0; i < n; i++) {
		unsigned char c = s[i];
		uint32_t cp;
		size_t k;

		/* Eight bytes at a time while they are all printable ASCII:
		 * no byte < 0x20, none >= 0x80, none equal to 0x7F. */
		while (n - i >= 8) {
			const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
			uint64_t x;

			memcpy(&x, s + i, 8);
			if ((x & high) || ((x - ones * 0x20) & ~x & high) ||
			    (((x ^ (ones * 0x7F)) - ones) & ~(x ^ (ones * 0x7F)) & high))
				break;
			i += 8;
		}
		if (i >= n)
			break;
		c = s[i];
		if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t')
			continue;
		if (c == 0) {
			ys_yerror(r, pos, "NUL character in string");
			return false;
		}
		if (c < 0x80) {
			ys_yerror(r, pos, "control character U+%04X in string", (unsigned)c);
			return false;
		}
		k = ys_utf8_decode((const char *)s + i, n - i, &cp);
		if (cp == YS_REPLACEMENT && k == 1) {
			ys_yerror(r, pos, "string is not valid UTF-8");
			return false;
		}
		if (cp >= 0x80 && cp <= 0x9F) {
			ys_yerror(r, pos, "control character U+%04X in string", (unsigned)cp);
			return false;
		}
		i += k - 1;
	}
	return true;
}

bool ys_yreader_next(ys_yreader *r, ys_yevent *ev)
{
	memset(ev, 0, sizeof(*ev));
	if (r->failed)
		return false;
	if (r->done) {
		ev->type = YS_Y_END;
		return true;
	}
	for (;;) {
		yaml_event_t *e = &r->event;
		ys_pos pos;

		if (r->have_event) {
			yaml_event_delete(e);
			r->have_event = false;
		}
		if (!yaml_parser_parse(&r->parser, e)) {
			report_parser_error(r);
			return fail(r);
		}
		r->have_event = true;
		pos = mark_pos(e->start_mark);
		ev->pos = pos;
		switch (e->type) {
		case YAML_NO_EVENT:
			ys_yerror(r, pos, "unexpected end of input");
			return fail(r);
		case YAML_STREAM_START_EVENT:
			continue;
		case YAML_STREAM_END_EVENT: {
			unsigned char digest[32];

			if (r->fingerprint || r->mem) {
				ys_sha256_final(&r->sha, digest);
				ys_sha256_hex(digest, r->sha_hex);
			}
			r->done = true;
			ev->type = YS_Y_END;
			return true;
		}
		case YAML_DOCUMENT_START_EVENT:
			if (r->seen_document) {
				ys_yerror(r, pos, "a second YAML document; a file holds exactly one");
				return fail(r);
			}
			if (e->data.document_start.tag_directives.start !=
			    e->data.document_start.tag_directives.end) {
				ys_yerror(r, pos, "%%TAG directives are not allowed");
				return fail(r);
			}
			r->seen_document = true;
			r->in_document = true;
			continue;
		case YAML_DOCUMENT_END_EVENT:
			r->in_document = false;
			continue;
		case YAML_ALIAS_EVENT:
			ys_yerror(r, pos, "aliases (*%s) are not allowed",
				  (const char *)e->data.alias.anchor);
			return fail(r);
		case YAML_SCALAR_EVENT:
			if (e->data.scalar.anchor) {
				ys_yerror(r, pos, "anchors (&%s) are not allowed",
					  (const char *)e->data.scalar.anchor);
				return fail(r);
			}
			if (e->data.scalar.tag) {
				ys_yerror(r, pos, "tags (%s) are not allowed",
					  (const char *)e->data.scalar.tag);
				return fail(r);
			}
			if (!check_scalar(r, e, pos))
				return fail(r);
			ev->type = YS_Y_SCALAR;
			ev->value = (const char *)e->data.scalar.value;
			ev->len = e->data.scalar.length;
			ev->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
			ev->depth = r->depth + 1;
			return true;
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			bool map = e->type == YAML_MAPPING_START_EVENT;
			yaml_char_t *anchor = map ? e->data.mapping_start.anchor
						  : e->data.sequence_start.anchor;
			yaml_char_t *tag = map ? e->data.mapping_start.tag
					       : e->data.sequence_start.tag;

			if (anchor) {
				ys_yerror(r, pos, "anchors (&%s) are not allowed",
					  (const char *)anchor);
				return fail(r);
			}
			if (tag) {
				ys_yerror(r, pos, "tags (%s) are not allowed",
					  (const char *)tag);
				return fail(r);
			}
			if (r->depth >= YS_MAX_DEPTH) {
				ys_yerror(r, pos, "nesting is too deep (the limit is %d levels)",
					  YS_MAX_DEPTH);
				return fail(r);
			}
			r->depth++;
			ev->type = map ? YS_Y_MAP : YS_Y_SEQ;
			ev->depth = r->depth;
			return true;
		}
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			ev->type = e->type == YAML_MAPPING_END_EVENT ? YS_Y_MAP_END
								     : YS_Y_SEQ_END;
			ev->depth = r->depth;
			r->depth--;
			return true;
		}
	}
}

bool ys_yreader_skip(ys_yreader *r, const ys_yevent *ev)
{
	int depth;
	ys_yevent e;

	if (ev->type != YS_Y_MAP && ev->type != YS_Y_SEQ)
		return !r->failed;
	depth = 1;
	while (depth > 0) {
		if (!ys_yreader_next(r, &e))
			return false;
		if (e.type == YS_Y_MAP || e.type == YS_Y_SEQ)
			depth++;
		else if (e.type == YS_Y_MAP_END || e.type == YS_Y_SEQ_END)
			depth--;
		else if (e.type == YS_Y_END)
			return false;
	}
	return true;
}

/* Reports that a scalar was expected and skips what was there instead. */
static bool expect_scalar(ys_yreader *r, const ys_yevent *ev, const char *what,
			  const char *kind)
{
	if (ev->type == YS_Y_SCALAR && ev->plain)
		return true;
	if (ev->type == YS_Y_SCALAR)
		ys_yerror(r, ev->pos, "%s must be %s, not a quoted string", what, kind);
	else
		ys_yerror(r, ev->pos, "%s must be %s, not %s", what, kind,
			  type_names[ev->type]);
	ys_yreader_skip(r, ev);
	return false;
}

/* Strict decimal syntax: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?
 * When integer is true, only -?(0|[1-9][0-9]*). */
static bool number_syntax(const char *s, size_t n, bool integer)
{
	size_t i = 0;

	if (i < n && s[i] == '-')
		i++;
	if (i >= n || s[i] < '0' || s[i] > '9')
		return false;
	if (s[i] == '0')
		i++;
	else
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
	if (integer)
		return i == n;
	if (i < n && s[i] == '.') {
		size_t start = ++i;

		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == start)
			return false;
	}
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		size_t start;

		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		start = i;
		while (i < n && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == start)
			return false;
	}
	return i == n;
}

bool ys_yscalar_int(ys_yreader *r, const ys_yevent *ev, const char *what,
		    long min, long max, long *out)
{
	char *end;
	long v;

	if (!expect_scalar(r, ev, what, "a whole number"))
		return false;
	errno = 0;
	v = number_syntax(ev->value, ev->len, true) ? strtol(ev->value, &end, 10) : 0;
	if (!number_syntax(ev->value, ev->len, true) || errno || *end ||
	    v < min || v > max) {
		bool quote = !number_syntax(ev->value, ev->len, true);

		/* Callers that check the range later pass a wide one: don't show it. */
		if (max - min >= 1000000)
			ys_yerror(r, ev->pos, "%s must be a whole number, not %s%s%s", what,
				  quote ? "'" : "", ev->value, quote ? "'" : "");
		else
			ys_yerror(r, ev->pos, "%s must be a whole number from %ld to %ld, not %s%s%s",
				  what, min, max, quote ? "'" : "", ev->value, quote ? "'" : "");
		return false;
	}
	*out = v;
	return true;
}

bool ys_yscalar_double(ys_yreader *r, const ys_yevent *ev, const char *what,
		       double min, double max, double *out)
{
	char *end;
	double v;

	if (!expect_scalar(r, ev, what, "a number"))
		return false;
	if (!number_syntax(ev->value, ev->len, false)) {
		ys_yerror(r, ev->pos, "%s must be a number from %g to %g, not '%s'",
			  what, min, max, ev->value);
		return false;
	}
	errno = 0;
	v = strtod(ev->value, &end);
	if (errno || *end || !isfinite(v) || v < min || v > max) {
		ys_yerror(r, ev->pos, "%s must be a number from %g to %g, not %s",
			  what, min, max, ev->value);
		return false;
	}
	*out = v;
	return true;
}

bool ys_yscalar_bool(ys_yreader *r, const ys_yevent *ev, const char *what,
		     bool *out)
{
	if (!expect_scalar(r, ev, what, "true or false"))
		return false;
	if (!strcmp(ev->value, "true")) {
		*out = true;
		return true;
	}
	if (!strcmp(ev->value, "false")) {
		*out = false;
		return true;
	}
	ys_yerror(r, ev->pos, "%s must be true or false, not '%s'", what, ev->value);
	return false;
}

bool ys_valid_id(const char *s, size_t len)
{
	size_t i;

	if (len == 0 || len > 64)
		return false;
	for (i = 0; i < len; i++) {
		char c = s[i];
		bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
			  (i > 0 && (c == '.' || c == '_' || c == '-'));

		if (!ok)
			return false;
	}
	return true;
}

static size_t edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j;
	size_t row[65];

	if (la > 64 || lb > 64)
		return (size_t)-1;
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t prev = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t cur = row[j];
			size_t best = prev + (a[i - 1] != b[j - 1]);

			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = cur;
		}
	}
	return row[lb];
}

const char *ys_did_you_mean(const char *word, const char *const *candidates)
{
	const char *best = NULL;
	size_t best_d = (size_t)-1, len = strlen(word), limit;

	limit = len <= 3 ? 1 : len <= 6 ? 2 : 3;
	for (; *candidates; candidates++) {
		size_t dist = edit_distance(word, *candidates);

		if (dist < best_d) {
			best_d = dist;
			best = *candidates;
		}
	}
	return best && best_d > 0 && best_d <= limit ? best : NULL;
}

struct ys_keyset_entry {
	char *key;
	size_t len;
	uint64_t hash;
	ys_pos pos;
};

static uint64_t fnv1a(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;
	size_t i;

	for (i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ull;
	}
	return h;
}

static struct ys_keyset_entry *keyset_slot(const ys_keyset *s, const char *key,
					   size_t len, uint64_t h)
{
	size_t mask = s->cap - 1, i = (size_t)h & mask;

	for (;;) {
		struct ys_keyset_entry *e = &s->slots[i];

		if (!e->key || (e->hash == h && e->len == len && !memcmp(e->key, key, len)))
			return e;
		i = (i + 1) & mask;
	}
}

static bool keyset_grow(ys_keyset *s)
{
	size_t cap = s->cap ? s->cap * 2 : 16, i;
	ys_keyset old = *s;

	s->slots = ys_calloc(cap, sizeof(*s->slots));
	if (!s->slots) {
		*s = old;
		return false;
	}
	s->cap = cap;
	for (i = 0; i < old.cap; i++)
		if (old.slots[i].key)
			*keyset_slot(s, old.slots[i].key, old.slots[i].len,
				     old.slots[i].hash) = old.slots[i];
	ys_free(old.slots);
	return true;
}

bool ys_keyset_add(ys_keyset *s, const char *key, size_t len, ys_pos pos,
		   ys_pos *first)
{
	uint64_t h = fnv1a(key, len);
	struct ys_keyset_entry *e;

	*first = (ys_pos){0, 0};
	if ((s->count + 1) * 2 > s->cap && !keyset_grow(s))
		return false;
	e = keyset_slot(s, key, len, h);
	if (e->key) {
		*first = e->pos;
		return false;
	}
	e->key = ys_strndup(key, len);
	if (!e->key)
		return false;
	e->len = len;
	e->hash = h;
	e->pos = pos;
	s->count++;
	return true;
}

bool ys_keyset_find(const ys_keyset *s, const char *key, size_t len,
		    ys_pos *pos)
{
	struct ys_keyset_entry *e;

	if (!s->cap)
		return false;
	e = keyset_slot(s, key, len, fnv1a(key, len));
	if (!e->key)
		return false;
	if (pos)
		*pos = e->pos;
	return true;
}

void ys_keyset_free(ys_keyset *s)
{
	size_t i;

	for (i = 0; i < s->cap; i++)
		ys_free(s->slots[i].key);
	ys_free(s->slots);
	s->slots = NULL;
	s->cap = s->count = 0;
}
