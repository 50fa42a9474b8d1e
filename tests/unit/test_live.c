/* Unit tests for the live server's handling of network bytes, with no
 * server: join codes and tokens from the secure generator, routes, form
 * bodies and their limits, cookies, escaping, the [ADDR:]PORT option,
 * the default route's interface and the order of the addresses shown,
 * and the queue between the server's threads and the loop. */
#define _DEFAULT_SOURCE 1
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <cmocka.h>

#include "yardstick/alloc.h"
#include "yardstick/live.h"
#include "yardstick/strbuf.h"
#include "yardstick/text.h"

static void test_join_codes(void **state)
{
	char codes[2000][YS_LIVE_CODE_LEN + 1];
	unsigned seen[256] = {0};
	size_t i, j, k;

	(void)state;
	for (i = 0; i < 2000; i++) {
		assert_true(ys_live_new_code(codes[i]));
		assert_int_equal(strlen(codes[i]), YS_LIVE_CODE_LEN);
		for (k = 0; k < YS_LIVE_CODE_LEN; k++) {
			char c = codes[i][k];

			assert_non_null(strchr(YS_LIVE_CODE_ALPHABET, c));
			assert_true(c != '0' && c != 'O' && c != '1' && c != 'l' && c != 'I');
			seen[(unsigned char)c]++;
		}
	}
	/* At least 40 bits: 31^9 is about 2^44.6. */
	assert_true(sizeof(YS_LIVE_CODE_ALPHABET) - 1 == 31 && YS_LIVE_CODE_LEN == 9);
	/* Every character turns up, none far more than its share (18000
	 * characters, about 580 each). */
	for (k = 0; k < sizeof(YS_LIVE_CODE_ALPHABET) - 1; k++) {
		unsigned n = seen[(unsigned char)YS_LIVE_CODE_ALPHABET[k]];

		assert_true(n > 400 && n < 800);
	}
	for (i = 0; i < 2000; i++)
		for (j = i + 1; j < 2000; j++)
			assert_string_not_equal(codes[i], codes[j]);
}

static void test_tokens(void **state)
{
	char a[YS_LIVE_TOKEN_LEN + 1], b[YS_LIVE_TOKEN_LEN + 1];
	unsigned bits = 0;
	size_t i;

	(void)state;
	assert_true(YS_LIVE_TOKEN_BYTES * 8 >= 128);
	assert_true(ys_live_new_token(a));
	assert_true(ys_live_new_token(b));
	assert_int_equal(strlen(a), 32);
	assert_true(ys_live_token_valid(a));
	assert_string_not_equal(a, b);
	/* Each hex digit of 16 tokens takes several values. */
	for (i = 0; i < 16; i++) {
		assert_true(ys_live_new_token(a));
		bits |= 1u << (a[0] <= '9' ? a[0] - '0' : a[0] - 'a' + 10);
	}
	assert_true(__builtin_popcount(bits) >= 5);
	assert_false(ys_live_token_valid(""));
	assert_false(ys_live_token_valid("0123456789abcdef0123456789abcdeF"));
	assert_false(ys_live_token_valid("0123456789abcdef0123456789abcde"));
	assert_false(ys_live_token_valid("0123456789abcdef0123456789abcdef0"));
	assert_true(ys_live_secret_equal("abc", "abc"));
	assert_false(ys_live_secret_equal("abc", "abd"));
	assert_false(ys_live_secret_equal("abc", "abcd"));
	assert_false(ys_live_secret_equal("", "a"));
}

static void test_code_normal(void **state)
{
	char out[YS_LIVE_CODE_LEN + 1];

	(void)state;
	assert_true(ys_live_code_normal("abcd23xyz", 9, out));
	assert_string_equal(out, "ABCD23XYZ");
	assert_false(ys_live_code_normal("ABCD23XY0", 9, out));
	assert_false(ys_live_code_normal("ABCD23XYO", 9, out));
	assert_false(ys_live_code_normal("ABCD23XY1", 9, out));
	assert_false(ys_live_code_normal("ABCD23XYI", 9, out));
	assert_false(ys_live_code_normal("ABCD23XY", 8, out));
	assert_false(ys_live_code_normal("ABCD23XY%", 9, out));
	assert_false(ys_live_code_normal("ABCD\0" "3XYZ", 9, out));
}

static void test_routes(void **state)
{
	char code[YS_LIVE_CODE_LEN + 1];

	(void)state;
	assert_int_equal(ys_live_route_of("GET", "/", code), YS_LIVE_R_PAGE);
	assert_int_equal(ys_live_route_of("HEAD", "/", code), YS_LIVE_R_PAGE);
	assert_int_equal(ys_live_route_of("POST", "/", code), YS_LIVE_R_BAD_METHOD);
	assert_int_equal(ys_live_route_of("GET", "/state", code), YS_LIVE_R_STATE);
	assert_int_equal(ys_live_route_of("GET", "/app.js", code), YS_LIVE_R_SCRIPT);
	assert_int_equal(ys_live_route_of("GET", "/app.css", code), YS_LIVE_R_STYLE);
	assert_int_equal(ys_live_route_of("POST", "/vote", code), YS_LIVE_R_VOTE);
	assert_int_equal(ys_live_route_of("GET", "/vote", code), YS_LIVE_R_BAD_METHOD);
	assert_int_equal(ys_live_route_of("GET", "/j/abcd23xyz", code), YS_LIVE_R_JOIN_PAGE);
	assert_string_equal(code, "ABCD23XYZ");
	assert_int_equal(ys_live_route_of("POST", "/j/ABCD23XYZ", code), YS_LIVE_R_JOIN);
	/* A malformed code is a wrong code, not another route. */
	assert_int_equal(ys_live_route_of("GET", "/j/../etc", code), YS_LIVE_R_NONE);
	assert_int_equal(ys_live_route_of("GET", "/j/short", code), YS_LIVE_R_JOIN_PAGE);
	assert_string_equal(code, "");
	assert_int_equal(ys_live_route_of("DELETE", "/j/ABCD23XYZ", code), YS_LIVE_R_BAD_METHOD);
	assert_int_equal(ys_live_route_of("GET", "/ws.yaml", code), YS_LIVE_R_NONE);
	assert_int_equal(ys_live_route_of("GET", "/../ws.yaml", code), YS_LIVE_R_NONE);
	assert_int_equal(ys_live_route_of("GET", "//", code), YS_LIVE_R_NONE);
	assert_int_equal(ys_live_route_of("GET", "", code), YS_LIVE_R_NONE);
	assert_int_equal(ys_live_route_of("PUT", "/vote", code), YS_LIVE_R_BAD_METHOD);
}

static void test_forms(void **state)
{
	ys_live_form f;
	char big[YS_LIVE_MAX_BODY + 2];
	const char *ok = "f=0123456789abcdef0123456789abcdef&q=data-dpo&v=3";

	(void)state;
	assert_true(ys_live_parse_form(ok, strlen(ok), &f));
	assert_int_equal(f.have, YS_LIVE_F_F | YS_LIVE_F_Q | YS_LIVE_F_V);
	assert_string_equal(f.q, "data-dpo");
	assert_string_equal(f.v, "3");
	assert_true(ys_live_parse_form("p=12", 4, &f));
	assert_string_equal(f.p, "12");
	assert_true(ys_live_parse_form("q=a%2Db+c", 9, &f));
	assert_string_equal(f.q, "a-b c");
	assert_true(ys_live_parse_form("", 0, &f));
	assert_int_equal(f.have, 0);
	/* Malformed, unknown, repeated, too long, not printable ASCII. */
	assert_false(ys_live_parse_form("x=1", 3, &f));
	assert_false(ys_live_parse_form("v=1&v=2", 7, &f));
	assert_false(ys_live_parse_form("v", 1, &f));
	assert_false(ys_live_parse_form("vv=1", 4, &f));
	assert_false(ys_live_parse_form("=1", 2, &f));
	assert_false(ys_live_parse_form("v=1&", 4, &f));
	assert_false(ys_live_parse_form("&v=1", 4, &f));
	assert_false(ys_live_parse_form("v=%", 3, &f));
	assert_false(ys_live_parse_form("v=%4", 4, &f));
	assert_false(ys_live_parse_form("v=%zz", 5, &f));
	assert_false(ys_live_parse_form("v=%0a", 5, &f));
	assert_false(ys_live_parse_form("v=%00", 5, &f));
	assert_false(ys_live_parse_form("v=%C3%A9", 8, &f));
	assert_false(ys_live_parse_form("v=\x01", 3, &f));
	assert_false(ys_live_parse_form("v=1\0x", 5, &f));
	assert_false(ys_live_parse_form("v=0123456789abcdef", 18, &f));
	assert_false(ys_live_parse_form("p=123456789", 11, &f));
	memset(big, 'a', sizeof(big));
	big[0] = 'q';
	big[1] = '=';
	assert_false(ys_live_parse_form(big, sizeof(big), &f));
}

static void test_cookies(void **state)
{
	char t[YS_LIVE_TOKEN_LEN + 1];
	const char *tok = "0123456789abcdef0123456789abcdef";
	char hdr[200];

	(void)state;
	assert_true(ys_live_cookie_token(NULL, t));
	assert_string_equal(t, "");
	assert_true(ys_live_cookie_token("a=b; c=d", t));
	assert_string_equal(t, "");
	snprintf(hdr, sizeof(hdr), "a=b; " YS_LIVE_COOKIE "=%s; c=d", tok);
	assert_true(ys_live_cookie_token(hdr, t));
	assert_string_equal(t, tok);
	snprintf(hdr, sizeof(hdr), YS_LIVE_COOKIE "=%s", tok);
	assert_true(ys_live_cookie_token(hdr, t));
	assert_string_equal(t, tok);
	/* A name that only starts with the cookie's, and malformed tokens. */
	snprintf(hdr, sizeof(hdr), YS_LIVE_COOKIE "x=%s", tok);
	assert_true(ys_live_cookie_token(hdr, t));
	assert_string_equal(t, "");
	assert_false(ys_live_cookie_token(YS_LIVE_COOKIE "=abc", t));
	assert_string_equal(t, "");
	assert_false(ys_live_cookie_token(YS_LIVE_COOKIE "=0123456789ABCDEF0123456789ABCDEF", t));
	assert_string_equal(t, "");
	assert_false(ys_live_cookie_token(YS_LIVE_COOKIE "=", t));
}

static void test_html(void **state)
{
	ys_sb b = {0};
	char *s;

	(void)state;
	ys_live_html(&b, "<script>alert('x')</script> & \"q\"");
	ys_live_html(&b, " \xe2\x80\xae rtl \x1b[31m");
	s = ys_sb_take(&b);
	assert_non_null(s);
	assert_string_equal(s, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;"
			    " \xef\xbf\xbd rtl \xef\xbf\xbd[31m");
	ys_free(s);
}

static void test_listen_option(void **state)
{
	char *addr, err[128];
	unsigned port = 1;

	(void)state;
	assert_true(ys_live_parse_listen("8080", &addr, &port, err, sizeof(err)));
	assert_null(addr);
	assert_int_equal(port, 8080);
	assert_true(ys_live_parse_listen("192.168.1.5:80", &addr, &port, err, sizeof(err)));
	assert_string_equal(addr, "192.168.1.5");
	assert_int_equal(port, 80);
	ys_free(addr);
	assert_true(ys_live_parse_listen("[::1]:0", &addr, &port, err, sizeof(err)));
	assert_string_equal(addr, "::1");
	assert_int_equal(port, 0);
	ys_free(addr);
	assert_false(ys_live_parse_listen("abc", &addr, &port, err, sizeof(err)));
	assert_non_null(strstr(err, "[ADDR:]PORT"));
	assert_false(ys_live_parse_listen("70000", &addr, &port, err, sizeof(err)));
	assert_false(ys_live_parse_listen("80x", &addr, &port, err, sizeof(err)));
	assert_false(ys_live_parse_listen(":80", &addr, &port, err, sizeof(err)));
	assert_false(ys_live_parse_listen("host:", &addr, &port, err, sizeof(err)));
	assert_false(ys_live_parse_listen("-1", &addr, &port, err, sizeof(err)));
}

static void test_default_route(void **state)
{
	char iface[32];
	static const char table[] =
		"Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\n"
		"docker0\t000011AC\t00000000\t0001\t0\t0\t0\t0000FFFF\n"
		"wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\n"
		"wlan0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\n";
	static const char down[] =
		"Iface\tDestination\tGateway \tFlags\n"
		"eth0\t00000000\t0101A8C0\t0002\n";

	(void)state;
	assert_true(ys_live_default_iface(table, iface, sizeof(iface)));
	assert_string_equal(iface, "wlan0");
	assert_false(ys_live_default_iface(down, iface, sizeof(iface)));
	assert_false(ys_live_default_iface("", iface, sizeof(iface)));
}

static void test_addresses(void **state)
{
	char **v;
	size_t n;

	(void)state;
	assert_true(ys_live_addresses("10.1.2.3", &v, &n));
	assert_int_equal(n, 1);
	assert_string_equal(v[0], "10.1.2.3");
	ys_strv_free(v, n);
	assert_true(ys_live_addresses(NULL, &v, &n));
	assert_true(n >= 1);
	/* Loopback comes last, if at all before the others. */
	if (n > 1)
		assert_string_not_equal(v[0], "127.0.0.1");
	ys_strv_free(v, n);
}

/* The order of the addresses shown, from a made-up list of interfaces:
 * the default route's interface first whatever its place in the list,
 * then the other IPv4 ones, global IPv6, loopback last; link-local IPv6
 * and interfaces that are down never. */
static struct sockaddr_storage if_sa[8];

static void if_entry(struct ifaddrs *e, struct ifaddrs *next, int k, const char *name,
		     unsigned flags, const char *addr)
{
	memset(e, 0, sizeof(*e));
	memset(&if_sa[k], 0, sizeof(if_sa[k]));
	if (strchr(addr, ':')) {
		struct sockaddr_in6 *in6 = (struct sockaddr_in6 *)&if_sa[k];

		in6->sin6_family = AF_INET6;
		assert_int_equal(inet_pton(AF_INET6, addr, &in6->sin6_addr), 1);
	} else {
		struct sockaddr_in *in = (struct sockaddr_in *)&if_sa[k];

		in->sin_family = AF_INET;
		assert_int_equal(inet_pton(AF_INET, addr, &in->sin_addr), 1);
	}
	e->ifa_next = next;
	e->ifa_name = (char *)(uintptr_t)name;
	e->ifa_flags = flags;
	e->ifa_addr = (struct sockaddr *)&if_sa[k];
}

static void test_address_order(void **state)
{
	struct ifaddrs e[7];
	char **v;
	size_t n;

	(void)state;
	if_entry(&e[0], &e[1], 0, "lo", IFF_UP | IFF_LOOPBACK, "127.0.0.1");
	if_entry(&e[1], &e[2], 1, "docker0", IFF_UP, "172.17.0.1");
	if_entry(&e[2], &e[3], 2, "wlan0", IFF_UP, "fe80::1");
	if_entry(&e[3], &e[4], 3, "wlan0", IFF_UP, "2001:db8::5");
	if_entry(&e[4], &e[5], 4, "eth1", 0, "10.9.9.9");  /* down */
	if_entry(&e[5], &e[6], 5, "lo", IFF_UP | IFF_LOOPBACK, "::1");
	if_entry(&e[6], NULL, 6, "wlan0", IFF_UP, "192.168.1.5");

	assert_true(ys_live_addresses_of(e, "wlan0", &v, &n));
	assert_int_equal(n, 4);
	assert_string_equal(v[0], "192.168.1.5");
	assert_string_equal(v[1], "172.17.0.1");
	assert_string_equal(v[2], "2001:db8::5");
	assert_string_equal(v[3], "127.0.0.1");
	ys_strv_free(v, n);
	/* Another interface holding the default route comes first instead. */
	assert_true(ys_live_addresses_of(e, "docker0", &v, &n));
	assert_int_equal(n, 4);
	assert_string_equal(v[0], "172.17.0.1");
	assert_string_equal(v[1], "192.168.1.5");
	ys_strv_free(v, n);
	/* No default route: the IPv4 ones in the list's order. */
	assert_true(ys_live_addresses_of(e, NULL, &v, &n));
	assert_string_equal(v[0], "172.17.0.1");
	assert_string_equal(v[1], "192.168.1.5");
	ys_strv_free(v, n);
	/* Nothing but a down interface: the loopback stands in. */
	assert_true(ys_live_addresses_of(&e[4], "eth1", &v, &n));
	assert_true(n >= 1);
	ys_strv_free(v, n);
	e[4].ifa_next = NULL;
	assert_true(ys_live_addresses_of(&e[4], "eth1", &v, &n));
	assert_int_equal(n, 1);
	assert_string_equal(v[0], "127.0.0.1");
	ys_strv_free(v, n);
}

/* ---- The queue ---- */

#define PRODUCERS 4
#define PER_PRODUCER 2000

struct producer {
	ys_live_queue *q;
	ys_live_req *reqs;
	int id;
};

static void *produce(void *arg)
{
	struct producer *p = arg;
	int i;

	for (i = 0; i < PER_PRODUCER; i++) {
		p->reqs[i].status = p->id * PER_PRODUCER + i;
		ys_live_queue_push(p->q, &p->reqs[i]);
	}
	return NULL;
}

static bool readable(int fd)
{
	struct pollfd pf = {fd, POLLIN, 0};

	return poll(&pf, 1, 0) == 1;
}

static void test_queue(void **state)
{
	ys_live_queue *q = ys_live_queue_new();
	struct producer p[PRODUCERS];
	pthread_t th[PRODUCERS];
	static ys_live_req reqs[PRODUCERS][PER_PRODUCER];
	static bool got[PRODUCERS * PER_PRODUCER];
	int last[PRODUCERS];
	size_t n = 0;
	int i;

	(void)state;
	assert_non_null(q);
	assert_false(readable(ys_live_queue_fd(q)));
	assert_null(ys_live_queue_pop(q));
	for (i = 0; i < PRODUCERS; i++) {
		p[i].q = q;
		p[i].reqs = reqs[i];
		p[i].id = i;
		last[i] = -1;
		assert_int_equal(pthread_create(&th[i], NULL, produce, &p[i]), 0);
	}
	/* The loop's side: wait on the descriptor, take what is there. */
	while (n < PRODUCERS * PER_PRODUCER) {
		struct pollfd pf = {ys_live_queue_fd(q), POLLIN, 0};
		ys_live_req *r;

		assert_true(poll(&pf, 1, 5000) == 1);
		while ((r = ys_live_queue_pop(q))) {
			int id = r->status / PER_PRODUCER;

			assert_false(got[r->status]);
			got[r->status] = true;
			/* Each producer's requests arrive in its order. */
			assert_true(r->status > last[id]);
			last[id] = r->status;
			n++;
		}
	}
	for (i = 0; i < PRODUCERS; i++)
		pthread_join(th[i], NULL);
	assert_null(ys_live_queue_pop(q));
	assert_false(readable(ys_live_queue_fd(q)));
	/* One more wakes the descriptor again. */
	ys_live_queue_push(q, &reqs[0][0]);
	assert_true(readable(ys_live_queue_fd(q)));
	assert_ptr_equal(ys_live_queue_pop(q), &reqs[0][0]);
	assert_false(readable(ys_live_queue_fd(q)));
	ys_live_queue_free(q);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_join_codes),
		cmocka_unit_test(test_tokens),
		cmocka_unit_test(test_code_normal),
		cmocka_unit_test(test_routes),
		cmocka_unit_test(test_forms),
		cmocka_unit_test(test_cookies),
		cmocka_unit_test(test_html),
		cmocka_unit_test(test_listen_option),
		cmocka_unit_test(test_default_route),
		cmocka_unit_test(test_addresses),
		cmocka_unit_test(test_address_order),
		cmocka_unit_test(test_queue),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
