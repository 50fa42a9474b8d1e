/* Fuzz target: the live workshop's request handling (form bodies,
 * cookies, paths) down to the session.
 *
 * The input is four lines: method, path, Cookie header, then the body
 * (the rest, newlines included). A cookie value or form token "@@" is
 * replaced by the first participant's real one, so that votes get past
 * the token checks and into the session. Invariants:
 *  - a route's join code is empty or YS_LIVE_CODE_LEN characters of the
 *    code alphabet; a cookie's token is empty or well formed;
 *  - a form that parses holds only printable ASCII in fields it marks as
 *    present, and the empty string in the others;
 *  - the session answers every request with a status the server knows,
 *    a body with no unescaped markup from the input, and changes only
 *    the current question's votes. */
#include <string.h>

#include "fuzz.h"
#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/live.h"
#include "yardstick/live_page.h"
#include "yardstick/questionnaire.h"
#include "yardstick/session.h"
#include "yardstick/text.h"

static const char qyaml[] =
	"yardstick: 1\n"
	"id: fz\n"
	"title: Fuzz <b>title</b>\n"
	"version: \"1\"\n"
	"levels:\n"
	"  - name: Absent\n"
	"  - name: Done\n"
	"answer_sets:\n"
	"  yn:\n"
	"    - {key: \"no\", label: \"No <script>\", value: 0}\n"
	"    - {key: \"yes\", label: \"Yes\", value: 1}\n"
	"areas:\n"
	"  - id: a\n"
	"    title: Area\n"
	"    questions:\n"
	"      - {id: q1, level: 1, text: \"First <i>?\", help: \"Help & <b>\", answers: yn, allow_na: true}\n"
	"      - {id: q2, level: 1, text: Second?, answers: yn}\n";

static ys_questionnaire *q;
static ys_session *s;

static void setup(void)
{
	static const char *const names[] = {"AB", "<img src=x>", "CD"};
	ys_diags d = {0};
	ys_answers *a;
	ys_session_opts o;
	char **addrs;
	char tok[33];

	q = ys_questionnaire_load_mem(qyaml, strlen(qyaml), "fz.yaml", &d);
	ys_diags_free(&d);
	FUZZ_CHECK(q != NULL);
	a = ys_answers_new(q);
	FUZZ_CHECK(a && ys_answers_set_participants(a, names, 3));
	memset(&o, 0, sizeof(o));
	o.workshop = true;
	o.resume = true;
	s = ys_session_new(q, a, NULL, &o);
	FUZZ_CHECK(s != NULL);
	s->started = true;
	addrs = ys_calloc(1, sizeof(*addrs));
	FUZZ_CHECK(addrs != NULL);
	addrs[0] = ys_strdup("192.0.2.7");
	FUZZ_CHECK(ys_session_live_setup(s, "ABCDEFGHJ", 80, false, addrs, 1));
	FUZZ_CHECK(ys_session_live_join(s, "0", tok) == YS_LIVE_OK);
}

/* The next line of data (up to '\n') into out; returns the bytes used. */
static size_t line(const uint8_t *data, size_t size, char *out, size_t cap)
{
	size_t i = 0, o = 0;

	while (i < size && data[i] != '\n') {
		if (o + 1 < cap && data[i])
			out[o++] = (char)data[i];
		i++;
	}
	out[o] = '\0';
	return i < size ? i + 1 : i;
}

static void check_field(const char *f, bool present)
{
	size_t i;

	if (!present) {
		FUZZ_CHECK(f[0] == '\0');
		return;
	}
	for (i = 0; f[i]; i++)
		FUZZ_CHECK(f[i] >= 0x20 && f[i] <= 0x7e);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char method[16], path[256], cookie[512], *at;
	ys_live_req r;
	size_t used = 0, i;
	const char *body;
	size_t blen;

	if (!s)
		setup();
	used += line(data + used, size - used, method, sizeof(method));
	used += line(data + used, size - used, path, sizeof(path));
	used += line(data + used, size - used, cookie, sizeof(cookie));
	body = (const char *)data + used;
	blen = size - used;

	memset(&r, 0, sizeof(r));
	r.route = ys_live_route_of(method, path, r.code);
	FUZZ_CHECK(r.code[0] == '\0' || strlen(r.code) == YS_LIVE_CODE_LEN);
	for (i = 0; r.code[i]; i++)
		FUZZ_CHECK(strchr(YS_LIVE_CODE_ALPHABET, r.code[i]) != NULL);
	if ((at = strstr(cookie, "@@")) != NULL)
		snprintf(cookie, sizeof(cookie), YS_LIVE_COOKIE "=%s", s->live->seats[0].token);
	ys_live_cookie_token(cookie, r.token);
	FUZZ_CHECK(r.token[0] == '\0' || ys_live_token_valid(r.token));
	r.form_ok = ys_live_parse_form(body, blen, &r.form);
	if (r.form_ok) {
		check_field(r.form.f, r.form.have & YS_LIVE_F_F);
		check_field(r.form.q, r.form.have & YS_LIVE_F_Q);
		check_field(r.form.v, r.form.have & YS_LIVE_F_V);
		check_field(r.form.p, r.form.have & YS_LIVE_F_P);
		if (!strcmp(r.form.f, "@@"))
			snprintf(r.form.f, sizeof(r.form.f), "%s", ys_session_live_new_form(s, 0));
	}
	snprintf(r.addr, sizeof(r.addr), "10.0.%u.%u", size > 0 ? data[0] : 0u, (unsigned)(size & 0xff));
	if (r.route == YS_LIVE_R_NONE || r.route == YS_LIVE_R_BAD_METHOD ||
	    r.route == YS_LIVE_R_SCRIPT || r.route == YS_LIVE_R_STYLE || r.route == YS_LIVE_R_STATE)
		return 0;       /* answered by the server itself */
	ys_live_serve(s, &r);
	FUZZ_CHECK(r.status == 200 || r.status == 303 || r.status == 400 || r.status == 403 ||
		   r.status == 404 || r.status == 409 || r.status == 429 || r.status == 503);
	if (r.body) {
		FUZZ_CHECK(strlen(r.body) == r.len);
		FUZZ_CHECK(!strstr(r.body, "<script>") && !strstr(r.body, "<img") &&
			   !strstr(r.body, "<i>") && !strstr(r.body, "<b>"));
		FUZZ_CHECK(ys_utf8_valid(r.body, r.len));
	}
	ys_free(r.body);
	/* Only the current question takes votes. */
	FUZZ_CHECK(s->a->responses[1].n_votes == 0);
	return 0;
}
