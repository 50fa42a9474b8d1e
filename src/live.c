/* The live workshop's web server: libmicrohttpd on one internal thread
 * (epoll), with connections suspended while the loop handles their
 * request. See yardstick/live.h for the threads and who owns what.
 *
 * This thread never sees the session. It answers on its own only what
 * needs no session: the built-in script and style sheet, the state
 * version, and refusals (unknown paths, wrong methods, bodies or headers
 * over the limits). Every response, refusals included, carries the
 * headers of DESIGN section 7. */
#include <microhttpd.h>

#include <arpa/inet.h>
#include <errno.h>
#include <netdb.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>

#include "ys_config.h"
#include "yardstick/alloc.h"
#include "yardstick/live.h"

struct ys_live {
	struct MHD_Daemon *d;
	ys_live_queue *queue;
	unsigned port;
	bool tls;
	atomic_ulong version;
	atomic_bool stopping;
	pthread_mutex_t lock;   /* guards closed */
	bool closed;            /* no more requests for the loop */
};

/* One connection's request while it is handled. */
struct conn_ctx {
	ys_live_req req;
	char body[YS_LIVE_MAX_BODY];
	size_t blen;
	int stage;              /* 0 reading, 1 waiting for the loop, 2 replied */
	int refuse;             /* status to refuse with once the body is in, 0 */
	bool queued;
};

static const char csp[] =
	"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
	"connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

static enum MHD_Result respond(struct MHD_Connection *c, unsigned status,
			       const char *type, const char *body, size_t len,
			       const char *cookie, const char *location)
{
	struct MHD_Response *r = MHD_create_response_from_buffer(len, (void *)(uintptr_t)body,
								 MHD_RESPMEM_MUST_COPY);
	enum MHD_Result ok;

	if (!r)
		return MHD_NO;
	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Content-Security-Policy", csp);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	if (cookie && *cookie)
		MHD_add_response_header(r, "Set-Cookie", cookie);
	if (location && *location)
		MHD_add_response_header(r, "Location", location);
	ok = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ok;
}

static enum MHD_Result refuse(struct MHD_Connection *c, unsigned status)
{
	char body[256];
	const char *what;
	int n;

	switch (status) {
	case 404:
		what = "Not found.";
		break;
	case 405:
		what = "That method is not allowed here.";
		break;
	case 411:
		what = "A form needs its length.";
		break;
	case 413:
		what = "The form is too large.";
		break;
	case 431:
		what = "The request's headers are too large.";
		break;
	case 400:
		what = "The request is not understood.";
		break;
	default:
		what = "The workshop is not taking requests now.";
		break;
	}
	n = snprintf(body, sizeof(body),
		     "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">"
		     "<title>yardstick</title></head><body><p>%s</p></body></html>\n", what);
	return respond(c, status, "text/html; charset=utf-8", body, (size_t)n, NULL, NULL);
}

static enum MHD_Result count_header(void *cls, enum MHD_ValueKind kind,
				    const char *key, const char *value)
{
	size_t *n = cls;

	(void)kind;
	*n += strlen(key) + (value ? strlen(value) : 0) + 4;
	return MHD_YES;
}

static void client_addr(struct MHD_Connection *c, char *out, size_t n)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	const struct sockaddr *sa = ci ? ci->client_addr : NULL;
	socklen_t len;

	snprintf(out, n, "?");
	if (!sa)
		return;
	len = sa->sa_family == AF_INET6 ? sizeof(struct sockaddr_in6) : sizeof(struct sockaddr_in);
	if (getnameinfo(sa, len, out, (socklen_t)n, NULL, 0, NI_NUMERICHOST))
		snprintf(out, n, "?");
	if (!strncmp(out, "::ffff:", 7) && strchr(out, '.'))
		memmove(out, out + 7, strlen(out + 7) + 1);
}

static enum MHD_Result static_file(struct ys_live *l, struct MHD_Connection *c,
				   ys_live_route route)
{
	char buf[64];
	int n;

	switch (route) {
	case YS_LIVE_R_SCRIPT:
		return respond(c, 200, "text/javascript; charset=utf-8", ys_live_script,
			       strlen(ys_live_script), NULL, NULL);
	case YS_LIVE_R_STYLE:
		return respond(c, 200, "text/css; charset=utf-8", ys_live_style,
			       strlen(ys_live_style), NULL, NULL);
	default:
		n = snprintf(buf, sizeof(buf), "{\"v\":%lu}\n", atomic_load(&l->version));
		return respond(c, 200, "application/json", buf, (size_t)n, NULL, NULL);
	}
}

/* Hands the request to the loop; false when the loop takes no more. */
static bool enqueue(struct ys_live *l, struct conn_ctx *cc)
{
	bool ok;

	pthread_mutex_lock(&l->lock);
	ok = !l->closed;
	if (ok)
		ys_live_queue_push(l->queue, &cc->req);
	pthread_mutex_unlock(&l->lock);
	return ok;
}

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
			      const char *method, const char *version,
			      const char *upload, size_t *upload_size, void **con_cls)
{
	struct ys_live *l = cls;
	struct conn_ctx *cc = *con_cls;

	(void)version;
	if (!cc) {
		size_t hlen = strlen(url) + strlen(method) + 16;
		const char *cl;

		cc = ys_calloc(1, sizeof(*cc));
		if (!cc)
			return MHD_NO;
		*con_cls = cc;
		MHD_get_connection_values(c, MHD_HEADER_KIND, count_header, &hlen);
		if (hlen > YS_LIVE_MAX_HEADERS) {
			cc->stage = 2;
			return refuse(c, 431);
		}
		cc->req.route = ys_live_route_of(method, url, cc->req.code);
		if (cc->req.route == YS_LIVE_R_NONE || cc->req.route == YS_LIVE_R_BAD_METHOD) {
			cc->stage = 2;
			return refuse(c, cc->req.route == YS_LIVE_R_NONE ? 404 : 405);
		} else if (!strcmp(method, "POST")) {
			char *end;
			unsigned long n;

			cl = MHD_lookup_connection_value(c, MHD_HEADER_KIND,
							 MHD_HTTP_HEADER_CONTENT_LENGTH);
			if (!cl) {
				cc->stage = 2;
				return refuse(c, 411);
			}
			errno = 0;
			n = strtoul(cl, &end, 10);
			if (errno || *end || end == cl || n > YS_LIVE_MAX_BODY) {
				cc->stage = 2;
				return refuse(c, 413);
			}
		}
		return MHD_YES;
	}
	if (*upload_size) {
		if (cc->blen + *upload_size > sizeof(cc->body))
			cc->refuse = 413;
		else
			memcpy(cc->body + cc->blen, upload, *upload_size);
		cc->blen += *upload_size;
		*upload_size = 0;
		return MHD_YES;
	}
	if (cc->stage == 2)
		return MHD_YES;
	if (cc->refuse) {
		cc->stage = 2;
		return refuse(c, (unsigned)cc->refuse);
	}
	if (cc->stage == 1) {
		ys_live_req *r = &cc->req;
		enum MHD_Result ok;

		if (!atomic_load_explicit(&r->done, memory_order_acquire))
			return MHD_YES;         /* spurious: still with the loop */
		cc->stage = 2;
		ok = respond(c, (unsigned)r->status, r->type ? r->type : "text/html; charset=utf-8",
			     r->body ? r->body : "", r->len, r->set_cookie, r->location);
		ys_free(r->body);
		r->body = NULL;
		return ok;
	}
	switch (cc->req.route) {
	case YS_LIVE_R_SCRIPT:
	case YS_LIVE_R_STYLE:
	case YS_LIVE_R_STATE:
		cc->stage = 2;
		return static_file(l, c, cc->req.route);
	default:
		break;
	}
	if (atomic_load(&l->stopping)) {
		cc->stage = 2;
		return refuse(c, 503);
	}
	client_addr(c, cc->req.addr, sizeof(cc->req.addr));
	ys_live_cookie_token(MHD_lookup_connection_value(c, MHD_HEADER_KIND, "Cookie"),
			     cc->req.token);
	if (cc->req.route == YS_LIVE_R_JOIN || cc->req.route == YS_LIVE_R_VOTE)
		cc->req.form_ok = ys_live_parse_form(cc->body, cc->blen, &cc->req.form);
	cc->req.conn = c;
	cc->stage = 1;
	MHD_suspend_connection(c);
	if (!enqueue(l, cc)) {
		cc->req.status = 503;
		atomic_store_explicit(&cc->req.done, true, memory_order_release);
		MHD_resume_connection(c);
	}
	return MHD_YES;
}

static void completed(void *cls, struct MHD_Connection *c, void **con_cls,
		      enum MHD_RequestTerminationCode toe)
{
	struct conn_ctx *cc = *con_cls;

	(void)cls;
	(void)c;
	(void)toe;
	if (!cc)
		return;
	ys_free(cc->req.body);
	ys_free(cc);
	*con_cls = NULL;
}

bool ys_live_parse_listen(const char *arg, char **addr, unsigned *port,
			  char *err, size_t errlen)
{
	const char *colon = strrchr(arg, ':'), *p = colon ? colon + 1 : arg;
	char *end;
	unsigned long v;

	*addr = NULL;
	if (!*p || *p < '0' || *p > '9') {
		snprintf(err, errlen, "--live takes [ADDR:]PORT, a port number 0 to 65535 (got '%s')", arg);
		return false;
	}
	errno = 0;
	v = strtoul(p, &end, 10);
	if (errno || *end || v > 65535) {
		snprintf(err, errlen, "--live takes [ADDR:]PORT, a port number 0 to 65535 (got '%s')", arg);
		return false;
	}
	*port = (unsigned)v;
	if (colon) {
		const char *a = arg;
		size_t n = (size_t)(colon - arg);

		if (n >= 2 && a[0] == '[' && a[n - 1] == ']') {
			a++;
			n -= 2;
		}
		if (!n) {
			snprintf(err, errlen, "--live: the address before ':' is empty (got '%s')", arg);
			return false;
		}
		*addr = ys_strndup(a, n);
		if (!*addr) {
			snprintf(err, errlen, "out of memory");
			return false;
		}
	}
	return true;
}

/* More descriptors than the connections allowed, where the hard limit
 * lets us. */
static void raise_fd_limit(void)
{
	struct rlimit rl;
	rlim_t want = YS_LIVE_MAX_CONNECTIONS + 64;

	if (getrlimit(RLIMIT_NOFILE, &rl))
		return;
	if (rl.rlim_cur >= want)
		return;
	rl.rlim_cur = rl.rlim_max == RLIM_INFINITY || rl.rlim_max > want ? want : rl.rlim_max;
	setrlimit(RLIMIT_NOFILE, &rl);
}

ys_live *ys_live_start(const ys_live_opts *opts, char *err, size_t errlen)
{
	struct ys_live *l = ys_calloc(1, sizeof(*l));
	unsigned flags = MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL |
			 MHD_ALLOW_SUSPEND_RESUME;
	struct sockaddr_storage ss;
	struct addrinfo *ai = NULL;
	const union MHD_DaemonInfo *di;
	unsigned idle = YS_LIVE_IDLE_SECONDS;

	if (!l || !(l->queue = ys_live_queue_new())) {
		snprintf(err, errlen, "out of memory");
		ys_free(l);
		return NULL;
	}
	pthread_mutex_init(&l->lock, NULL);
	memset(&ss, 0, sizeof(ss));
	if (opts->addr) {
		struct addrinfo hints;
		int rc;

		memset(&hints, 0, sizeof(hints));
		hints.ai_flags = AI_NUMERICHOST | AI_PASSIVE;
		hints.ai_socktype = SOCK_STREAM;
		rc = getaddrinfo(opts->addr, NULL, &hints, &ai);
		if (rc || !ai) {
			snprintf(err, errlen, "--live: '%s' is not an IP address of this computer", opts->addr);
			goto fail;
		}
		memcpy(&ss, ai->ai_addr, ai->ai_addrlen);
		if (ss.ss_family == AF_INET6) {
			((struct sockaddr_in6 *)&ss)->sin6_port = htons((uint16_t)opts->port);
			flags |= MHD_USE_IPv6;
		} else {
			((struct sockaddr_in *)&ss)->sin_port = htons((uint16_t)opts->port);
		}
		freeaddrinfo(ai);
	} else {
		flags |= MHD_USE_DUAL_STACK;
	}
	if (opts->cert_pem) {
		if (MHD_is_feature_supported(MHD_FEATURE_TLS) != MHD_YES) {
			snprintf(err, errlen, "this yardstick's libmicrohttpd has no TLS support");
			goto fail;
		}
		flags |= MHD_USE_TLS;
		l->tls = true;
	}
	raise_fd_limit();
#if YS_TEST_HOOKS
	{
		/* The tests of idle connections need not wait the full time. */
		const char *t = getenv("YARDSTICK_TEST_LIVE_IDLE");

		if (t && atoi(t) > 0)
			idle = (unsigned)atoi(t);
	}
#endif
	l->d = MHD_start_daemon(flags, (uint16_t)opts->port, NULL, NULL, handle, l,
				MHD_OPTION_CONNECTION_LIMIT, (unsigned)YS_LIVE_MAX_CONNECTIONS,
				MHD_OPTION_PER_IP_CONNECTION_LIMIT, (unsigned)YS_LIVE_MAX_PER_ADDRESS,
				MHD_OPTION_CONNECTION_TIMEOUT, idle,
				MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(4 * YS_LIVE_MAX_HEADERS),
				MHD_OPTION_NOTIFY_COMPLETED, completed, l,
				opts->addr ? MHD_OPTION_SOCK_ADDR : MHD_OPTION_END, &ss,
				opts->cert_pem ? MHD_OPTION_HTTPS_MEM_CERT : MHD_OPTION_END, opts->cert_pem,
				opts->cert_pem ? MHD_OPTION_HTTPS_MEM_KEY : MHD_OPTION_END, opts->key_pem,
				MHD_OPTION_END);
	if (!l->d) {
		snprintf(err, errlen, "cannot listen on %s%s%u%s",
			 opts->addr ? opts->addr : "port ", opts->addr ? ":" : "", opts->port,
			 opts->cert_pem ? " (or the TLS certificate and key do not match or cannot be read)" :
			 " (is it in use, or not an address of this computer?)");
		goto fail;
	}
	di = MHD_get_daemon_info(l->d, MHD_DAEMON_INFO_BIND_PORT);
	l->port = di ? di->port : opts->port;
	return l;
fail:
	ys_live_queue_free(l->queue);
	pthread_mutex_destroy(&l->lock);
	ys_free(l);
	return NULL;
}

void ys_live_stop(ys_live *l)
{
	ys_live_req *r;

	if (!l)
		return;
	atomic_store(&l->stopping, true);
	pthread_mutex_lock(&l->lock);
	l->closed = true;
	pthread_mutex_unlock(&l->lock);
	/* Whatever still waits is refused, so no connection stays suspended. */
	while ((r = ys_live_queue_pop(l->queue))) {
		r->status = 503;
		ys_live_reply(l, r);
	}
	MHD_stop_daemon(l->d);
	ys_live_queue_free(l->queue);
	pthread_mutex_destroy(&l->lock);
	ys_free(l);
}

unsigned ys_live_port(const ys_live *l)
{
	return l->port;
}

bool ys_live_tls(const ys_live *l)
{
	return l->tls;
}

int ys_live_fd(const ys_live *l)
{
	return ys_live_queue_fd(l->queue);
}

ys_live_req *ys_live_next(ys_live *l)
{
	return ys_live_queue_pop(l->queue);
}

void ys_live_reply(ys_live *l, ys_live_req *r)
{
	struct MHD_Connection *c = r->conn;

	(void)l;
	if (!r->status)
		r->status = 500;
	atomic_store_explicit(&r->done, true, memory_order_release);
	MHD_resume_connection(c);
}

void ys_live_set_version(ys_live *l, unsigned long v)
{
	atomic_store(&l->version, v);
}
