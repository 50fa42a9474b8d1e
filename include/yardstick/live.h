/* The live workshop's web server (DESIGN section 7): participants vote
 * from their own phones and laptops while the facilitator's yardstick
 * runs the workshop.
 *
 * The server is libmicrohttpd inside the yardstick process, on threads of
 * its own. Those threads never touch the session or the answers: each
 * request that needs them is parsed and checked here, then handed to the
 * interview's loop through a queue (a mutex and an eventfd the loop polls
 * beside the terminal, so the loop wakes at once). The loop handles it
 * (live_page.c: joins, votes, pages), fills in the reply and calls
 * ys_live_reply(); only then does the client get an answer, so a vote is
 * confirmed only after the loop has saved it.
 *
 * The parts that look at bytes from the network (paths, cookies, form
 * bodies) are plain functions below, unit-tested and fuzzed on their own. */
#ifndef YARDSTICK_LIVE_H
#define YARDSTICK_LIVE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Limits of what a client may send, and of connections. */
#define YS_LIVE_MAX_BODY 2048           /* bytes of a form body */
#define YS_LIVE_MAX_HEADERS 8192        /* bytes of request line and headers */
#define YS_LIVE_MAX_CONNECTIONS 1100    /* open at once, in total */
#define YS_LIVE_MAX_PER_ADDRESS 64      /* from one address (a room behind NAT) */
#define YS_LIVE_IDLE_SECONDS 20         /* a connection idle this long is closed */
#define YS_LIVE_MAX_PARTICIPANTS 500    /* named participants in a live workshop */
/* Wrong join codes one address may try per minute before it is refused
 * (429) until the minute is over. */
#define YS_LIVE_MAX_WRONG_CODES 10

/* The join code: characters that cannot be confused with each other (no
 * 0/O, no 1/l/I), YS_LIVE_CODE_LEN of them, 31 choices each: 44 bits. */
#define YS_LIVE_CODE_ALPHABET "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
#define YS_LIVE_CODE_LEN 9
/* A device token: 16 random bytes as 32 lower-case hex digits. */
#define YS_LIVE_TOKEN_BYTES 16
#define YS_LIVE_TOKEN_LEN (2 * YS_LIVE_TOKEN_BYTES)
/* The cookie that carries the device token. */
#define YS_LIVE_COOKIE "yardstick_device"

/* Fills buf with n bytes from the system's secure generator (getrandom).
 * Returns false when it cannot (then nothing may be issued). */
bool ys_live_random(void *buf, size_t n);
/* A new join code, NUL-terminated, into out. False when no random bytes. */
bool ys_live_new_code(char out[YS_LIVE_CODE_LEN + 1]);
/* A new token (device or form), NUL-terminated hex, into out. */
bool ys_live_new_token(char out[YS_LIVE_TOKEN_LEN + 1]);
/* True when s is a well-formed token (YS_LIVE_TOKEN_LEN lower-case hex). */
bool ys_live_token_valid(const char *s);
/* Compares two strings in time that does not depend on where they
 * differ (tokens, codes). */
bool ys_live_secret_equal(const char *a, const char *b);
/* Normalises a join code as typed (lower case allowed) into out; false
 * when it is not YS_LIVE_CODE_LEN characters of the alphabet. */
bool ys_live_code_normal(const char *typed, size_t n, char out[YS_LIVE_CODE_LEN + 1]);

/* What a request asks for, from its method and path. */
typedef enum ys_live_route {
	YS_LIVE_R_NONE = 0,     /* unknown: 404 */
	YS_LIVE_R_PAGE,         /* GET /: the voting page, or how to join */
	YS_LIVE_R_JOIN_PAGE,    /* GET /j/CODE: the names to choose from */
	YS_LIVE_R_JOIN,         /* POST /j/CODE: claim a name */
	YS_LIVE_R_VOTE,         /* POST /vote */
	YS_LIVE_R_STATE,        /* GET /state: {"v":N}, for the script */
	YS_LIVE_R_SCRIPT,       /* GET /app.js */
	YS_LIVE_R_STYLE,        /* GET /app.css */
	YS_LIVE_R_BAD_METHOD,   /* a known path with the wrong method: 405 */
} ys_live_route;

/* The route of method and path (no query string: one gives NONE). For
 * the join routes, the code from the path goes to code (normalised; ""
 * when it is malformed, which is a wrong code). */
ys_live_route ys_live_route_of(const char *method, const char *path,
			       char code[YS_LIVE_CODE_LEN + 1]);

/* The fields of a form body, application/x-www-form-urlencoded: only the
 * names the page sends, each at most once; anything else makes the form
 * invalid. */
typedef struct ys_live_form {
	char f[YS_LIVE_TOKEN_LEN + 1];  /* the page's form token */
	char q[128];                    /* question id voted on */
	char v[16];                     /* the vote: "1".."99", "d" or "x" */
	char p[8];                      /* participant index, decimal */
	unsigned have;                  /* bit per field: f, q, v, p */
} ys_live_form;

enum { YS_LIVE_F_F = 1, YS_LIVE_F_Q = 2, YS_LIVE_F_V = 4, YS_LIVE_F_P = 8 };

/* Parses body (len bytes, not NUL-terminated). Returns false for anything
 * malformed: a bad %-escape, an unknown or repeated field, a value too
 * long for its field, bytes that are not printable ASCII once decoded
 * (question ids and the rest are ASCII). */
bool ys_live_parse_form(const char *body, size_t len, ys_live_form *out);

/* The device token from a Cookie header value (NULL or absent: ""), into
 * out; false when the cookie is present but malformed (treated as none). */
bool ys_live_cookie_token(const char *header, char out[YS_LIVE_TOKEN_LEN + 1]);

/* Appends s HTML-escaped (& < > " ') to the builder. */
struct ys_sb;
void ys_live_html(struct ys_sb *b, const char *s);

/* ---- The queue between the server's threads and the loop ---- */

/* A request waiting for the loop. The server fills the first part; the
 * loop fills the reply and hands it back with ys_live_reply(). */
typedef struct ys_live_req {
	ys_live_route route;
	char addr[64];                  /* client address, text */
	char token[YS_LIVE_TOKEN_LEN + 1]; /* device token from the cookie, "" */
	char code[YS_LIVE_CODE_LEN + 1];   /* join routes: the code in the path */
	ys_live_form form;              /* POST routes */
	bool form_ok;                   /* the body parsed */
	/* The reply. */
	int status;                     /* HTTP status */
	char *body;                     /* ys_malloc'd; freed with the request */
	size_t len;
	const char *type;               /* content type, static */
	char set_cookie[160];           /* "" for none */
	char location[160];             /* for 303, "" for none */
	/* Private to the server. */
	struct ys_live_req *next;
	void *conn;
	/* Set by the loop's reply (release) and read by the server's thread
	 * (acquire), so the reply's fields are visible before it is sent. */
	atomic_bool done;
} ys_live_req;

typedef struct ys_live_queue ys_live_queue;

/* A queue with its wake-up descriptor. NULL when out of memory or no
 * eventfd. */
ys_live_queue *ys_live_queue_new(void);
void ys_live_queue_free(ys_live_queue *q);
/* The descriptor that is readable while requests wait. */
int ys_live_queue_fd(const ys_live_queue *q);
/* Adds r at the end (any thread) and wakes the loop. */
void ys_live_queue_push(ys_live_queue *q, ys_live_req *r);
/* Takes the oldest request, or NULL when none waits (the descriptor is
 * then no longer readable). */
ys_live_req *ys_live_queue_pop(ys_live_queue *q);

/* ---- The server ---- */

typedef struct ys_live ys_live;

typedef struct ys_live_opts {
	const char *addr;       /* address to listen on; NULL for every address */
	unsigned port;          /* 0: any free port */
	const char *cert_pem;   /* TLS: certificate and key, PEM text; NULL for HTTP */
	const char *key_pem;
} ys_live_opts;

/* Parses "[ADDR:]PORT" (ADDR may be a bracketed IPv6 address) into
 * addr (allocated with ys_malloc, NULL when absent) and *port. False with
 * a message in err for anything else. */
bool ys_live_parse_listen(const char *arg, char **addr, unsigned *port,
			  char *err, size_t errlen);

/* Starts listening. Returns NULL with a message in err (bind failed, port
 * in use, bad certificate). */
ys_live *ys_live_start(const ys_live_opts *opts, char *err, size_t errlen);
/* Stops: nothing listens any more; waiting requests get 503. NULL is fine. */
void ys_live_stop(ys_live *l);
/* The port actually bound. */
unsigned ys_live_port(const ys_live *l);
bool ys_live_tls(const ys_live *l);
/* The descriptor the loop polls; readable while requests wait. */
int ys_live_fd(const ys_live *l);
/* The next waiting request, or NULL. */
ys_live_req *ys_live_next(ys_live *l);
/* Sends r's reply (status, body, headers filled by the loop). r belongs
 * to the server again: the caller must not touch it afterwards. */
void ys_live_reply(ys_live *l, ys_live_req *r);
/* Publishes the state version the script polls (GET /state). */
void ys_live_set_version(ys_live *l, unsigned long v);

/* The addresses to show participants for a server bound to bind (NULL or
 * a wildcard: every address). With a specific address, just that one.
 * Otherwise this computer's IPv4 addresses, the one of the interface
 * holding the default route (/proc/net/route) first, then the others,
 * then global IPv6 ones, loopback last. *out is allocated (free with
 * ys_strv_free). False when out of memory. */
bool ys_live_addresses(const char *bind, char ***out, size_t *n);
/* The same order from a list of interfaces (getifaddrs) and the name of
 * the interface holding the default route ("" or NULL: none): that
 * interface's IPv4 addresses, the other IPv4 ones, global IPv6 ones (no
 * link-local), loopback; interfaces that are down are left out, and
 * 127.0.0.1 stands in when nothing is left. */
struct ifaddrs;
bool ys_live_addresses_of(const struct ifaddrs *ifs, const char *def_iface,
			  char ***out, size_t *n);
/* The name of the interface holding the default route, read from a
 * /proc/net/route text; false when there is none. */
bool ys_live_default_iface(const char *route_text, char *iface, size_t n);

/* The built-in script and style sheet (generated from src/live/). */
extern const char ys_live_script[];
extern const char ys_live_style[];

#endif
