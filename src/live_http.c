/* The live server's handling of bytes from the network, with no server
 * around it: random codes and tokens, routes, form bodies, cookies,
 * escaping; and the queue that carries requests to the loop. Everything
 * here is unit-tested, and the parsers are fuzzed (tests/fuzz). */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/random.h>
#include <unistd.h>

#include "yardstick/alloc.h"
#include "yardstick/live.h"
#include "yardstick/strbuf.h"
#include "yardstick/text.h"

bool ys_live_random(void *buf, size_t n)
{
	unsigned char *p = buf;

	while (n) {
		ssize_t got = getrandom(p, n, 0);

		if (got < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		p += got;
		n -= (size_t)got;
	}
	return true;
}

bool ys_live_new_code(char out[YS_LIVE_CODE_LEN + 1])
{
	static const char alphabet[] = YS_LIVE_CODE_ALPHABET;
	const unsigned n = sizeof(alphabet) - 1;
	/* Bytes below the largest multiple of n are used, the rest dropped,
	 * so that every character is equally likely. */
	const unsigned limit = 256 - 256 % n;
	size_t i = 0;

	while (i < YS_LIVE_CODE_LEN) {
		unsigned char b[16];
		size_t k;

		if (!ys_live_random(b, sizeof(b)))
			return false;
		for (k = 0; k < sizeof(b) && i < YS_LIVE_CODE_LEN; k++)
			if (b[k] < limit)
				out[i++] = alphabet[b[k] % n];
	}
	out[i] = '\0';
	return true;
}

bool ys_live_new_token(char out[YS_LIVE_TOKEN_LEN + 1])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char b[YS_LIVE_TOKEN_BYTES];
	size_t i;

	if (!ys_live_random(b, sizeof(b)))
		return false;
	for (i = 0; i < sizeof(b); i++) {
		out[2 * i] = hex[b[i] >> 4];
		out[2 * i + 1] = hex[b[i] & 15];
	}
	out[YS_LIVE_TOKEN_LEN] = '\0';
	return true;
}

bool ys_live_token_valid(const char *s)
{
	size_t i;

	for (i = 0; i < YS_LIVE_TOKEN_LEN; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return s[i] == '\0';
}

bool ys_live_secret_equal(const char *a, const char *b)
{
	size_t na = strlen(a), nb = strlen(b), i;
	unsigned char d = na != nb;

	for (i = 0; i < na && i < nb; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

bool ys_live_code_normal(const char *typed, size_t n, char out[YS_LIVE_CODE_LEN + 1])
{
	size_t i;

	if (n != YS_LIVE_CODE_LEN)
		return false;
	for (i = 0; i < n; i++) {
		char c = typed[i];

		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!c || !strchr(YS_LIVE_CODE_ALPHABET, c))
			return false;
		out[i] = c;
	}
	out[n] = '\0';
	return true;
}

ys_live_route ys_live_route_of(const char *method, const char *path,
			       char code[YS_LIVE_CODE_LEN + 1])
{
	bool get = !strcmp(method, "GET") || !strcmp(method, "HEAD");
	bool post = !strcmp(method, "POST");
	ys_live_route r = YS_LIVE_R_NONE;
	bool want_post = false;

	code[0] = '\0';
	if (!strcmp(path, "/"))
		r = YS_LIVE_R_PAGE;
	else if (!strcmp(path, "/state"))
		r = YS_LIVE_R_STATE;
	else if (!strcmp(path, "/app.js"))
		r = YS_LIVE_R_SCRIPT;
	else if (!strcmp(path, "/app.css"))
		r = YS_LIVE_R_STYLE;
	else if (!strcmp(path, "/vote")) {
		r = YS_LIVE_R_VOTE;
		want_post = true;
	} else if (!strncmp(path, "/j/", 3) && !strchr(path + 3, '/')) {
		if (!ys_live_code_normal(path + 3, strlen(path + 3), code))
			code[0] = '\0';
		if (post)
			return YS_LIVE_R_JOIN;
		return get ? YS_LIVE_R_JOIN_PAGE : YS_LIVE_R_BAD_METHOD;
	}
	if (r == YS_LIVE_R_NONE)
		return r;
	if (want_post ? !post : !get)
		return YS_LIVE_R_BAD_METHOD;
	return r;
}

static int hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* Decodes s[0..n) (+ for space, %XX) into out of size cap; false when
 * malformed, too long or not printable ASCII. */
static bool form_decode(const char *s, size_t n, char *out, size_t cap)
{
	size_t i, o = 0;

	for (i = 0; i < n; i++) {
		int c = (unsigned char)s[i];

		if (c == '+') {
			c = ' ';
		} else if (c == '%') {
			int h, l;

			if (i + 2 >= n)
				return false;
			h = hexval(s[i + 1]);
			l = hexval(s[i + 2]);
			if (h < 0 || l < 0)
				return false;
			c = h * 16 + l;
			i += 2;
		}
		if (c < 0x20 || c > 0x7e || o + 1 >= cap)
			return false;
		out[o++] = (char)c;
	}
	out[o] = '\0';
	return true;
}

bool ys_live_parse_form(const char *body, size_t len, ys_live_form *out)
{
	size_t i = 0;

	memset(out, 0, sizeof(*out));
	if (len > YS_LIVE_MAX_BODY)
		return false;
	while (i < len) {
		size_t end = i, eq;
		char *field;
		size_t cap;
		unsigned bit;

		while (end < len && body[end] != '&')
			end++;
		for (eq = i; eq < end && body[eq] != '='; eq++)
			;
		if (eq == end || eq - i != 1)
			return false;
		switch (body[i]) {
		case 'f':
			field = out->f, cap = sizeof(out->f), bit = YS_LIVE_F_F;
			break;
		case 'q':
			field = out->q, cap = sizeof(out->q), bit = YS_LIVE_F_Q;
			break;
		case 'v':
			field = out->v, cap = sizeof(out->v), bit = YS_LIVE_F_V;
			break;
		case 'p':
			field = out->p, cap = sizeof(out->p), bit = YS_LIVE_F_P;
			break;
		default:
			return false;
		}
		if (out->have & bit)
			return false;
		if (!form_decode(body + eq + 1, end - eq - 1, field, cap))
			return false;
		out->have |= bit;
		i = end + 1;
		if (end + 1 == len)
			return false;   /* a trailing '&' */
	}
	return true;
}

bool ys_live_cookie_token(const char *header, char out[YS_LIVE_TOKEN_LEN + 1])
{
	const size_t nl = sizeof(YS_LIVE_COOKIE) - 1;
	const char *p = header;

	out[0] = '\0';
	if (!header)
		return true;
	while (*p) {
		const char *e;

		while (*p == ' ' || *p == ';')
			p++;
		e = p;
		while (*e && *e != ';')
			e++;
		if ((size_t)(e - p) > nl && !strncmp(p, YS_LIVE_COOKIE, nl) && p[nl] == '=') {
			size_t vl = (size_t)(e - p) - nl - 1;

			if (vl != YS_LIVE_TOKEN_LEN)
				return false;
			memcpy(out, p + nl + 1, vl);
			out[vl] = '\0';
			if (!ys_live_token_valid(out)) {
				out[0] = '\0';
				return false;
			}
			return true;
		}
		p = e;
	}
	return true;
}

void ys_live_html(ys_sb *b, const char *text)
{
	char *clean = ys_sanitize(text, strlen(text), YS_SAN_KEEP_NEWLINE);
	const char *s;

	if (!clean) {
		b->oom = true;
		return;
	}
	for (s = clean; *s; s++) {
		switch (*s) {
		case '&':
			ys_sb_puts(b, "&amp;");
			break;
		case '<':
			ys_sb_puts(b, "&lt;");
			break;
		case '>':
			ys_sb_puts(b, "&gt;");
			break;
		case '"':
			ys_sb_puts(b, "&quot;");
			break;
		case '\'':
			ys_sb_puts(b, "&#39;");
			break;
		default:
			ys_sb_putc(b, *s);
		}
	}
	ys_free(clean);
}

/* ---- The queue ---- */

struct ys_live_queue {
	pthread_mutex_t lock;
	ys_live_req *head, *tail;
	int fd;                 /* eventfd: non-zero while requests wait */
};

ys_live_queue *ys_live_queue_new(void)
{
	ys_live_queue *q = ys_calloc(1, sizeof(*q));

	if (!q)
		return NULL;
	q->fd = eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
	if (q->fd < 0 || pthread_mutex_init(&q->lock, NULL)) {
		if (q->fd >= 0)
			close(q->fd);
		ys_free(q);
		return NULL;
	}
	return q;
}

void ys_live_queue_free(ys_live_queue *q)
{
	if (!q)
		return;
	close(q->fd);
	pthread_mutex_destroy(&q->lock);
	ys_free(q);
}

int ys_live_queue_fd(const ys_live_queue *q)
{
	return q->fd;
}

void ys_live_queue_push(ys_live_queue *q, ys_live_req *r)
{
	uint64_t one = 1;
	ssize_t w;

	r->next = NULL;
	pthread_mutex_lock(&q->lock);
	if (q->tail)
		q->tail->next = r;
	else
		q->head = r;
	q->tail = r;
	w = write(q->fd, &one, sizeof(one));
	(void)w;        /* the counter cannot overflow at one per request */
	pthread_mutex_unlock(&q->lock);
}

ys_live_req *ys_live_queue_pop(ys_live_queue *q)
{
	ys_live_req *r;

	pthread_mutex_lock(&q->lock);
	r = q->head;
	if (r) {
		q->head = r->next;
		if (!q->head)
			q->tail = NULL;
		r->next = NULL;
	}
	if (!q->head) {
		uint64_t n;
		ssize_t got = read(q->fd, &n, sizeof(n));

		(void)got;      /* EAGAIN when already drained */
	}
	pthread_mutex_unlock(&q->lock);
	return r;
}
