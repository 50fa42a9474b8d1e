/* Strict YAML event reader on libyaml; see yread.h.
 *
 * libyaml marks are 0-based and count characters. Reader errors (invalid
 * UTF-8, control bytes) give only a byte offset, so the line and column are
 * computed here from the bytes read. libyaml 0.2.5 has no nesting limit and
 * its scanner slows down quadratically with depth, so depth is counted here
 * and parsing stops at the first event past the limit.
 *
 * Parsing and interpreting are split: a producer turns libyaml events into
 * compact records in blocks (checking each string as it goes), and
 * ys_yreader_next() hands the records out. For a large file the producer
 * runs on a second thread, so libyaml's scanning overlaps with building
 * the caller's model; for memory input and small files it runs inline when
 * the consumer runs out of records. Both use the same code. */
#include <errno.h>
#include <pthread.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "yardstick/alloc.h"
#include "yardstick/sha256.h"
#include "yardstick/text.h"
#include "yardstick/yread.h"

/* What the producer records for each libyaml event. */
enum rec_type {
	R_DOC_START, R_DOC_END, R_ALIAS, R_SCALAR, R_SEQ, R_SEQ_END, R_MAP,
	R_MAP_END, R_STREAM_END, R_PARSE_ERROR,
};

enum rec_flag {
	F_PLAIN = 1, F_ANCHOR = 2, F_TAG = 4, F_TAG_DIRECTIVES = 8,
};

enum rec_problem {
	P_NONE, P_TOO_LONG, P_NUL, P_CONTROL, P_UTF8,
};

struct rec {
	uint8_t type;
	uint8_t flags;
	uint8_t problem;        /* scalars: enum rec_problem */
	uint32_t problem_cp;    /* the offending code point for P_CONTROL */
	ys_pos pos;
	uint32_t off;           /* value (NUL-terminated) in the block's strings */
	uint32_t len;
	uint32_t name_off;      /* anchor, tag or alias name, for messages */
};

#define BLOCK_EVENTS 1024
#define NAME_MAX_LEN 64
/* Room for one string of the maximum length, its NUL and a name. */
#define BLOCK_STRINGS (YS_MAX_STRING + 1 + 2 * (NAME_MAX_LEN + 1) + 4096)
#define NBLOCKS 4
/* How far (in characters) libyaml may scan past the end of the last event
 * before reading stops. A string at the 64 KiB limit takes at most four
 * source characters per byte (escapes), so only a string far over the
 * limit, or a comment or blank space this long, gets here; stopping early
 * keeps a huge string from costing a scan of the whole file. */
#define MAX_GAP (1024u * 1024u)
/* Files at least this large are parsed on a second thread. */
#define THREAD_MIN_SIZE (512u * 1024u)
/* Their blocks are larger, so that the threads hand a block over (and
 * wake each other) every few thousand events, not every few KiB of
 * text. */
#define BLOCK_EVENTS_LARGE 4096
#define BLOCK_SLACK_LARGE (128u * 1024u)

/* A block is one allocation sized to the input: a small file gets a small
 * block, so reading thousands of small files costs no page faults for
 * buffers they never use. */
struct block {
	size_t n;               /* records filled */
	size_t next;            /* next record to hand out */
	size_t used;            /* string bytes used */
	size_t ev_cap;
	size_t str_cap;
	size_t max_copy;        /* longest string that can need copying, + 1 */
	struct rec *ev;
	char *str;
};

struct ys_yreader {
	yaml_parser_t parser;
	bool failed;
	bool done;
	bool seen_document;
	int depth;              /* consumer's nesting depth */
	ys_diags *diags;
	char *name;
	/* Input: a file descriptor, or memory. */
	int fd;
	const char *mem;
	size_t mem_len;
	size_t nread;           /* bytes delivered to libyaml */
	bool fingerprint;
	bool too_large;
	bool too_long;          /* MAX_GAP scanned without an event */
	yaml_mark_t event_end;  /* end of the last event produced */
	bool utf16;
	int read_errno;
	ys_sha256 sha;
	char sha_hex[65];
	/* Producer state (owned by the producer while it runs). */
	int prod_depth;
	bool prod_done;
	/* Blocks: cur is the one being handed out. */
	struct block *blocks[NBLOCKS];
	int nblocks;
	struct block *cur;
	/* Threaded mode */
	bool threaded;
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t cv_filled;
	pthread_cond_t cv_free;
	struct block *filled[NBLOCKS];
	int filled_head, filled_count;
	struct block *freeq[NBLOCKS];
	int free_count;
	bool cancel;
	bool thread_exited;
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
	if (r->parser.mark.index > r->event_end.index + MAX_GAP) {
		r->too_long = true;
		return 0;
	}
	if (r->fingerprint)
		ys_sha256_update(&r->sha, buf, (size_t)n);
	r->nread += (size_t)n;
	*size_read = (size_t)n;
	return 1;
}

/* A block for an input of size bytes. A string's text is never more than
 * twice its source bytes (the longest escapes, \\L and \\P, turn two
 * characters into three bytes), so a block need not hold more. */
static struct block *block_new(size_t size)
{
	bool large = size >= THREAD_MIN_SIZE;
	size_t max_copy = (size < YS_MAX_STRING / 2 ? 2 * size : YS_MAX_STRING) + 1;
	size_t str_cap = max_copy + 2 * (NAME_MAX_LEN + 1) + (size < 4096 ? 64 : 4096);
	size_t ev_cap = size / 2 + 16 < BLOCK_EVENTS ? size / 2 + 16 : BLOCK_EVENTS;
	struct block *b;

	if (str_cap > BLOCK_STRINGS)
		str_cap = BLOCK_STRINGS;
	if (large) {
		str_cap = BLOCK_STRINGS + BLOCK_SLACK_LARGE;
		ev_cap = BLOCK_EVENTS_LARGE;
	}
	b = ys_malloc(sizeof(*b) + ev_cap * sizeof(struct rec) + str_cap);
	if (!b)
		return NULL;
	b->n = b->next = b->used = 0;
	b->ev_cap = ev_cap;
	b->str_cap = str_cap;
	b->max_copy = max_copy;
	b->ev = (struct rec *)(b + 1);
	b->str = (char *)(b->ev + ev_cap);
	return b;
}

static ys_yreader *reader_new(const char *display_name, int nblocks,
			      size_t input_size, ys_diags *d)
{
	ys_yreader *r = ys_calloc(1, sizeof(*r));
	int i;

	if (!r) {
		ys_diag_add(d, YS_EX_SOFTWARE, display_name, (ys_pos){0, 0},
			    "out of memory");
		return NULL;
	}
	r->fd = -1;
	r->diags = d;
	r->name = ys_strdup(display_name);
	for (i = 0; i < nblocks; i++) {
		r->blocks[i] = block_new(input_size);
		if (!r->blocks[i])
			break;
		r->nblocks++;
	}
	if (!r->name || r->nblocks < nblocks || !yaml_parser_initialize(&r->parser)) {
		ys_diag_add(d, YS_EX_SOFTWARE, display_name, (ys_pos){0, 0},
			    "out of memory");
		for (i = 0; i < r->nblocks; i++)
			ys_free(r->blocks[i]);
		ys_free(r->name);
		ys_free(r);
		return NULL;
	}
	ys_sha256_init(&r->sha);
	return r;
}

static void *producer_main(void *arg);

/* Starts the producer thread; on failure the reader stays inline. */
static void start_thread(ys_yreader *r)
{
	int i;

	if (r->nblocks < 2 || pthread_mutex_init(&r->mu, NULL))
		return;
	if (pthread_cond_init(&r->cv_filled, NULL)) {
		pthread_mutex_destroy(&r->mu);
		return;
	}
	if (pthread_cond_init(&r->cv_free, NULL)) {
		pthread_cond_destroy(&r->cv_filled);
		pthread_mutex_destroy(&r->mu);
		return;
	}
	for (i = 0; i < r->nblocks; i++)
		r->freeq[r->free_count++] = r->blocks[i];
	r->threaded = true;
	if (pthread_create(&r->thread, NULL, producer_main, r)) {
		r->threaded = false;
		r->free_count = 0;
		pthread_cond_destroy(&r->cv_free);
		pthread_cond_destroy(&r->cv_filled);
		pthread_mutex_destroy(&r->mu);
	}
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
	r = reader_new(name, (unsigned long long)st.st_size >= THREAD_MIN_SIZE ? NBLOCKS : 1,
		       (size_t)st.st_size, d);
	if (!r) {
		close(fd);
		return NULL;
	}
	r->fd = fd;
	r->fingerprint = fingerprint;
	yaml_parser_set_input(&r->parser, read_handler, r);
	if (r->nblocks > 1)
		start_thread(r);
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
	r = reader_new(name, 1, len, d);
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
	ys_free(d->src_name);
	d->src_name = ys_strdup(name);
	d->src = d->src_name ? buf : NULL;
	d->src_len = len;
	return r;
}

/* Stops the producer thread and waits for it. */
static void stop_thread(ys_yreader *r)
{
	if (!r->threaded)
		return;
	pthread_mutex_lock(&r->mu);
	r->cancel = true;
	pthread_cond_broadcast(&r->cv_free);
	pthread_mutex_unlock(&r->mu);
	pthread_join(r->thread, NULL);
	pthread_cond_destroy(&r->cv_free);
	pthread_cond_destroy(&r->cv_filled);
	pthread_mutex_destroy(&r->mu);
	r->threaded = false;
}

void ys_yreader_close(ys_yreader *r)
{
	int i;

	if (!r)
		return;
	stop_thread(r);
	yaml_parser_delete(&r->parser);
	if (r->fd >= 0)
		close(r->fd);
	for (i = 0; i < r->nblocks; i++)
		ys_free(r->blocks[i]);
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
	if (r->too_long) {
		ys_yerror(r, mark_pos(r->event_end),
			  "more than %u MiB of text without a value after this "
			  "point: a string is limited to %u KiB, and a comment or "
			  "blank space this long is refused too",
			  MAX_GAP / (1024u * 1024u), YS_MAX_STRING / 1024u);
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

/* ---------------------------------------------------------------- */
/* Producer: libyaml events -> records. Runs on the producer thread in
 * threaded mode, so it touches only the parser, the input state and the
 * block it is filling, and allocates nothing. */

/* Checks a scalar's text: length limit and characters. Printable ASCII is
 * the common case and takes the fast path; other bytes are decoded. */
static enum rec_problem scan_scalar(const unsigned char *s, size_t n,
				    uint32_t *bad_cp)
{
	size_t i;

	if (n > YS_MAX_STRING)
		return P_TOO_LONG;
	for (i = 0; i < n; i++) {
		unsigned char c;
		uint32_t cp;
		size_t k;

		/* Eight bytes at a time while they are all printable ASCII:
		 * no byte < 0x20, none >= 0x80, none equal to 0x7F. */
		while (n - i >= 8) {
			const uint64_t ones = 0x0101010101010101ull, high = 0x8080808080808080ull;
			uint64_t x, y;

			memcpy(&x, s + i, 8);
			y = x ^ (ones * 0x7F);
			if ((x & high) || ((x - ones * 0x20) & ~x & high) ||
			    ((y - ones) & ~y & high))
				break;
			i += 8;
		}
		if (i >= n)
			break;
		c = s[i];
		if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t')
			continue;
		if (c == 0)
			return P_NUL;
		if (c < 0x80) {
			*bad_cp = c;
			return P_CONTROL;
		}
		k = ys_utf8_decode((const char *)s + i, n - i, &cp);
		if (cp == YS_REPLACEMENT && k == 1)
			return P_UTF8;
		if (cp >= 0x80 && cp <= 0x9F) {
			*bad_cp = cp;
			return P_CONTROL;
		}
		i += k - 1;
	}
	return P_NONE;
}

/* Copies s (n bytes) and a NUL into the block; returns its offset. The
 * caller has checked there is room. */
static uint32_t put_str(struct block *b, const void *s, size_t n)
{
	uint32_t off = (uint32_t)b->used;

	if (n)
		memcpy(b->str + b->used, s, n);
	b->str[b->used + n] = '\0';
	b->used += n + 1;
	return off;
}

static uint32_t put_name(struct block *b, const yaml_char_t *name)
{
	size_t n = name ? strlen((const char *)name) : 0;

	return put_str(b, name ? (const char *)name : "", n > NAME_MAX_LEN ? NAME_MAX_LEN : n);
}

/* Fills b with records until it is full or the stream is over. */
static void fill_block(ys_yreader *r, struct block *b)
{
	b->n = b->next = b->used = 0;
	while (!r->prod_done && b->n < b->ev_cap) {
		yaml_event_t e;
		struct rec *rec;
		const yaml_char_t *name = NULL;

		/* Room for the largest record's strings. */
		if (b->str_cap - b->used < b->max_copy + 2 * (NAME_MAX_LEN + 1))
			break;
		rec = &b->ev[b->n];
		memset(rec, 0, sizeof(*rec));
		if (!yaml_parser_parse(&r->parser, &e)) {
			rec->type = R_PARSE_ERROR;
			b->n++;
			r->prod_done = true;
			break;
		}
		r->event_end = e.end_mark;
		rec->pos.line = (uint32_t)(e.start_mark.line + 1);
		rec->pos.col = (uint32_t)(e.start_mark.column + 1);
		switch (e.type) {
		case YAML_NO_EVENT:
		case YAML_STREAM_START_EVENT:
			yaml_event_delete(&e);
			continue;
		case YAML_STREAM_END_EVENT:
			rec->type = R_STREAM_END;
			r->prod_done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			rec->type = R_DOC_START;
			if (e.data.document_start.tag_directives.start !=
			    e.data.document_start.tag_directives.end)
				rec->flags |= F_TAG_DIRECTIVES;
			break;
		case YAML_DOCUMENT_END_EVENT:
			rec->type = R_DOC_END;
			break;
		case YAML_ALIAS_EVENT:
			rec->type = R_ALIAS;
			name = e.data.alias.anchor;
			break;
		case YAML_SCALAR_EVENT: {
			const unsigned char *v = e.data.scalar.value;
			size_t n = e.data.scalar.length;

			rec->type = R_SCALAR;
			if (e.data.scalar.style == YAML_PLAIN_SCALAR_STYLE)
				rec->flags |= F_PLAIN;
			if (e.data.scalar.anchor) {
				rec->flags |= F_ANCHOR;
				name = e.data.scalar.anchor;
			} else if (e.data.scalar.tag) {
				rec->flags |= F_TAG;
				name = e.data.scalar.tag;
			}
			rec->problem = (uint8_t)scan_scalar(v, n, &rec->problem_cp);
			/* Cannot happen (see block_new), but never overrun. */
			if (n + 1 > b->max_copy && rec->problem == P_NONE)
				rec->problem = P_TOO_LONG;
			rec->len = (uint32_t)(n > YS_MAX_STRING ? n : n);
			rec->off = put_str(b, v, rec->problem == P_TOO_LONG ? 0 : n);
			if (rec->problem == P_TOO_LONG)
				rec->len = (uint32_t)(n > UINT32_MAX ? UINT32_MAX : n);
			break;
		}
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT: {
			bool map = e.type == YAML_MAPPING_START_EVENT;
			yaml_char_t *anchor = map ? e.data.mapping_start.anchor
						  : e.data.sequence_start.anchor;
			yaml_char_t *tag = map ? e.data.mapping_start.tag
					       : e.data.sequence_start.tag;

			rec->type = map ? R_MAP : R_SEQ;
			if (anchor) {
				rec->flags |= F_ANCHOR;
				name = anchor;
			} else if (tag) {
				rec->flags |= F_TAG;
				name = tag;
			}
			/* Stop scanning past the depth limit: the consumer
			 * reports it at this record. */
			if (++r->prod_depth > YS_MAX_DEPTH)
				r->prod_done = true;
			break;
		}
		case YAML_SEQUENCE_END_EVENT:
			rec->type = R_SEQ_END;
			r->prod_depth--;
			break;
		case YAML_MAPPING_END_EVENT:
			rec->type = R_MAP_END;
			r->prod_depth--;
			break;
		}
		if (name || rec->type == R_ALIAS)
			rec->name_off = put_name(b, name);
		yaml_event_delete(&e);
		b->n++;
	}
}

static void *producer_main(void *arg)
{
	ys_yreader *r = arg;

	for (;;) {
		struct block *b;

		pthread_mutex_lock(&r->mu);
		while (!r->free_count && !r->cancel)
			pthread_cond_wait(&r->cv_free, &r->mu);
		if (r->cancel || r->prod_done) {
			pthread_mutex_unlock(&r->mu);
			break;
		}
		b = r->freeq[--r->free_count];
		pthread_mutex_unlock(&r->mu);
		fill_block(r, b);
		pthread_mutex_lock(&r->mu);
		r->filled[(r->filled_head + r->filled_count) % NBLOCKS] = b;
		r->filled_count++;
		pthread_cond_signal(&r->cv_filled);
		pthread_mutex_unlock(&r->mu);
		if (r->prod_done)
			break;
	}
	return NULL;
}

/* ---------------------------------------------------------------- */
/* Consumer */

/* Returns the next record. The stream always ends with a terminal record
 * (stream end, parse error, or a start past the depth limit), after which
 * the consumer never asks again. */
static const struct rec *next_rec(ys_yreader *r)
{
	struct block *b = r->cur;

	if (b && b->next < b->n)
		return &b->ev[b->next++];
	if (!r->threaded) {
		b = r->blocks[0];
		fill_block(r, b);
		r->cur = b;
		if (b->n == 0) {
			/* Cannot happen: fill_block always makes progress. */
			b->ev[0].type = R_PARSE_ERROR;
			b->n = 1;
		}
		return &b->ev[b->next++];
	}
	pthread_mutex_lock(&r->mu);
	if (b)
		r->freeq[r->free_count++] = b;
	pthread_cond_signal(&r->cv_free);
	while (!r->filled_count)
		pthread_cond_wait(&r->cv_filled, &r->mu);
	b = r->filled[r->filled_head];
	r->filled_head = (r->filled_head + 1) % NBLOCKS;
	r->filled_count--;
	pthread_mutex_unlock(&r->mu);
	r->cur = b;
	if (b->n == 0) {
		b->ev[0].type = R_PARSE_ERROR;
		b->n = 1;
	}
	return &b->ev[b->next++];
}

static bool report_scalar_problem(ys_yreader *r, const struct rec *rec)
{
	switch (rec->problem) {
	case P_TOO_LONG:
		ys_yerror(r, rec->pos, "string is too long (%lu bytes; the limit is %u KiB)",
			  (unsigned long)rec->len, YS_MAX_STRING / 1024u);
		break;
	case P_NUL:
		ys_yerror(r, rec->pos, "NUL character in string");
		break;
	case P_CONTROL:
		ys_yerror(r, rec->pos, "control character U+%04X in string",
			  (unsigned)rec->problem_cp);
		break;
	default:
		ys_yerror(r, rec->pos, "string is not valid UTF-8");
		break;
	}
	return fail(r);
}

bool ys_yreader_next(ys_yreader *r, ys_yevent *ev)
{
	memset(ev, 0, sizeof(*ev));
	if (r->failed)
		return false;
	if (ys_diags_full(r->diags) && r->diags->dropped > 0) {
		/* More errors than can be shown: stop reading rather than
		 * scan a file of 100,000 errors to the end. */
		stop_thread(r);
		return fail(r);
	}
	if (r->done) {
		ev->type = YS_Y_END;
		return true;
	}
	for (;;) {
		const struct rec *rec = next_rec(r);
		const char *strs = r->cur->str;
		const char *name = strs + rec->name_off;

		ev->pos = rec->pos;
		switch ((enum rec_type)rec->type) {
		case R_PARSE_ERROR:
			stop_thread(r);
			report_parser_error(r);
			return fail(r);
		case R_STREAM_END: {
			unsigned char digest[32];

			stop_thread(r);
			if (r->fingerprint || r->mem) {
				ys_sha256_final(&r->sha, digest);
				ys_sha256_hex(digest, r->sha_hex);
			}
			r->done = true;
			ev->type = YS_Y_END;
			return true;
		}
		case R_DOC_START:
			if (r->seen_document) {
				ys_yerror(r, rec->pos, "a second YAML document; a file holds exactly one");
				return fail(r);
			}
			if (rec->flags & F_TAG_DIRECTIVES) {
				ys_yerror(r, rec->pos, "%%TAG directives are not allowed");
				return fail(r);
			}
			r->seen_document = true;
			continue;
		case R_DOC_END:
			continue;
		case R_ALIAS:
			ys_yerror(r, rec->pos, "aliases (*%s) are not allowed", name);
			return fail(r);
		case R_SCALAR:
		case R_SEQ:
		case R_MAP:
			if (rec->flags & F_ANCHOR) {
				ys_yerror(r, rec->pos, "anchors (&%s) are not allowed", name);
				return fail(r);
			}
			if (rec->flags & F_TAG) {
				ys_yerror(r, rec->pos, "tags (%s) are not allowed", name);
				return fail(r);
			}
			if (rec->type == R_SCALAR) {
				if (rec->problem != P_NONE)
					return report_scalar_problem(r, rec);
				ev->type = YS_Y_SCALAR;
				ev->value = strs + rec->off;
				ev->len = rec->len;
				ev->plain = rec->flags & F_PLAIN;
				ev->depth = r->depth + 1;
				return true;
			}
			if (r->depth >= YS_MAX_DEPTH) {
				ys_yerror(r, rec->pos, "nesting is too deep (the limit is %d levels)",
					  YS_MAX_DEPTH);
				return fail(r);
			}
			r->depth++;
			ev->type = rec->type == R_MAP ? YS_Y_MAP : YS_Y_SEQ;
			ev->depth = r->depth;
			return true;
		case R_SEQ_END:
		case R_MAP_END:
			ev->type = rec->type == R_MAP_END ? YS_Y_MAP_END : YS_Y_SEQ_END;
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

/* Reports a number that failed to parse or is out of range. A range of a
 * million or more means the caller checks it later: don't show it. */
static void number_error(ys_yreader *r, const ys_yevent *ev, const char *what,
			 const char *kind, const char *range, bool wide, bool integer)
{
	bool quote = !number_syntax(ev->value, ev->len, integer);

	if (wide)
		ys_yerror(r, ev->pos, "%s must be %s, not %s%s%s", what, kind,
			  quote ? "'" : "", ev->value, quote ? "'" : "");
	else
		ys_yerror(r, ev->pos, "%s must be %s from %s, not %s%s%s", what, kind,
			  range, quote ? "'" : "", ev->value, quote ? "'" : "");
}

bool ys_yscalar_int(ys_yreader *r, const ys_yevent *ev, const char *what,
		    long min, long max, long *out)
{
	char *end = NULL, range[64];
	long v = 0;
	bool ok;

	if (!expect_scalar(r, ev, what, "a whole number"))
		return false;
	errno = 0;
	ok = number_syntax(ev->value, ev->len, true);
	if (ok)
		v = strtol(ev->value, &end, 10);
	if (!ok || errno || *end || v < min || v > max) {
		snprintf(range, sizeof(range), "%ld to %ld", min, max);
		number_error(r, ev, what, "a whole number", range, max - min >= 1000000, true);
		return false;
	}
	*out = v;
	return true;
}

bool ys_yscalar_double(ys_yreader *r, const ys_yevent *ev, const char *what,
		       double min, double max, double *out)
{
	char *end = NULL, range[64];
	double v = 0;
	bool ok;

	if (!expect_scalar(r, ev, what, "a number"))
		return false;
	errno = 0;
	ok = number_syntax(ev->value, ev->len, false);
	if (ok)
		v = strtod(ev->value, &end);
	if (!ok || errno || *end || !isfinite(v) || v < min || v > max) {
		snprintf(range, sizeof(range), "%g to %g", min, max);
		number_error(r, ev, what, "a number", range, max - min >= 1000000, false);
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

bool ys_yevent_is_null(const ys_yevent *ev)
{
	return ev->type == YS_Y_SCALAR && ev->plain &&
	       (ev->len == 0 || (ev->len == 1 && ev->value[0] == '~') ||
		(ev->len == 4 && !memcmp(ev->value, "null", 4)));
}

bool ys_yexpect(ys_yreader *r, const ys_yevent *ev, ys_ytype type,
		const char *what)
{
	static const char *const names[] = {
		[YS_Y_END] = "nothing", [YS_Y_MAP] = "a mapping",
		[YS_Y_MAP_END] = "end of mapping", [YS_Y_SEQ] = "a list",
		[YS_Y_SEQ_END] = "end of list", [YS_Y_SCALAR] = "a single value",
	};

	if (ev->type == type)
		return true;
	if (ys_yevent_is_null(ev))
		ys_yerror(r, ev->pos, "%s is empty; expected %s", what, names[type]);
	else
		ys_yerror(r, ev->pos, "%s must be %s, not %s", what, names[type],
			  names[ev->type]);
	ys_yreader_skip(r, ev);
	return false;
}

bool ys_ycheck_text(ys_yreader *r, const ys_yevent *ev, const char *what,
		    bool nonempty)
{
	size_t i;

	if (!ys_yexpect(r, ev, YS_Y_SCALAR, what))
		return false;
	if (ys_yevent_is_null(ev)) {
		ys_yerror(r, ev->pos, "%s is empty", what);
		return false;
	}
	if (nonempty) {
		for (i = 0; i < ev->len; i++)
			if (ev->value[i] != ' ' && ev->value[i] != '\t' && ev->value[i] != '\n')
				return true;
		ys_yerror(r, ev->pos, "%s is empty", what);
		return false;
	}
	return true;
}

bool ys_ycheck_id(ys_yreader *r, const ys_yevent *ev, const char *what)
{
	if (!ys_yexpect(r, ev, YS_Y_SCALAR, what))
		return false;
	if (ys_valid_id(ev->value, ev->len))
		return true;
	if (ev->len > 64)
		ys_yerror(r, ev->pos, "%s is longer than 64 characters", what);
	else
		ys_yerror(r, ev->pos,
			  "%s '%s' is not a valid id (use lower-case letters, digits, "
			  "'.', '_' and '-', starting with a letter or digit)",
			  what, ev->value);
	return false;
}

bool ys_yread_fields(ys_yreader *r, const char *what_fmt, const char *what_arg,
		     const char *const *keys, ys_pos *key_pos, ys_field_fn fn,
		     void *ctx, const bool *stop)
{
	size_t nkeys = 0, i;
	ys_yevent ev;
	char what[160];

	/* The mapping's description, made only when a message needs it. */
#define WHAT() (snprintf(what, sizeof(what), what_fmt, what_arg), what)
	while (keys[nkeys])
		key_pos[nkeys++] = (ys_pos){0, 0};
	for (;;) {
		int found = -1;
		ys_pos kpos;

		if (!ys_yreader_next(r, &ev))
			return false;
		if (ev.type == YS_Y_MAP_END)
			return true;
		kpos = ev.pos;
		if (ev.type != YS_Y_SCALAR) {
			ys_yerror(r, ev.pos, "keys in %s must be plain names", WHAT());
			if (!ys_yreader_skip(r, &ev) || !ys_yreader_next(r, &ev) ||
			    !ys_yreader_skip(r, &ev))
				return false;
			continue;
		}
		for (i = 0; i < nkeys; i++)
			if (ev.value[0] == keys[i][0] && !strcmp(ev.value, keys[i])) {
				found = (int)i;
				break;
			}
		if (found < 0) {
			const char *hint = ys_did_you_mean(ev.value, keys);

			if (hint)
				ys_yerror(r, kpos, "unknown key '%s' in %s; did you mean '%s'?",
					  ev.value, WHAT(), hint);
			else
				ys_yerror(r, kpos, "unknown key '%s' in %s", ev.value, WHAT());
		} else if (key_pos[found].line) {
			ys_yerror(r, kpos, "duplicate key '%s' in %s (first defined at %lu:%lu)",
				  keys[found], WHAT(), (unsigned long)key_pos[found].line,
				  (unsigned long)key_pos[found].col);
			found = -1;
		} else {
			key_pos[found] = kpos;
		}
		if (!ys_yreader_next(r, &ev))
			return false;
		if (found < 0) {
			if (!ys_yreader_skip(r, &ev))
				return false;
			continue;
		}
		if (!fn(ctx, found, &ev) || (stop && *stop))
			return false;
	}
#undef WHAT
}

void ys_yrequire(ys_yreader *r, ys_pos pos, const char *what,
		 const char *const *keys, const ys_pos *key_pos,
		 const int *required)
{
	char list[256];
	size_t used = 0, missing = 0;

	list[0] = '\0';
	for (; *required >= 0; required++) {
		if (key_pos[*required].line)
			continue;
		if (used < sizeof(list))
			used += (size_t)snprintf(list + used, sizeof(list) - used, "%s'%s'",
						 missing ? ", " : "", keys[*required]);
		missing++;
	}
	if (missing == 1)
		ys_yerror(r, pos, "%s has no %s", what, list);
	else if (missing > 1)
		ys_yerror(r, pos, "%s is missing required keys: %s", what, list);
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
