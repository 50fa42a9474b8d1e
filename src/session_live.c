/* The session in a live workshop: the seats that tie a participant's name
 * to one device, the join code and its guard against guessing, votes
 * arriving from devices, and the join screen's keys. Only the loop's
 * thread calls these (yardstick/live.h): the server's threads hand their
 * requests over and never see the session. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "session_priv.h"
#include "yardstick/alloc.h"
#include "yardstick/live.h"
#include "yardstick/text.h"
#include "yardstick/vec.h"

/* The most addresses whose wrong codes are remembered; the oldest minute
 * is forgotten first. */
#define MAX_GUARDS 4096

static long default_minute(void)
{
	struct timespec ts;

	if (clock_gettime(CLOCK_MONOTONIC, &ts) != 0)
		return (long)time(NULL) / 60;
	return (long)ts.tv_sec / 60;
}

static void free_seats(ys_session_live *l)
{
	size_t i;

	for (i = 0; i < l->n_seats; i++)
		ys_free(l->seats[i].name);
	ys_free(l->seats);
	l->seats = NULL;
	l->n_seats = 0;
}

void sess_live_free(ys_session *s)
{
	ys_session_live *l = s->live;

	if (!l)
		return;
	free_seats(l);
	ys_strv_free(l->addrs, l->n_addrs);
	ys_free(l->guards);
	memset(l->code, 0, sizeof(l->code));
	ys_free(l);
	s->live = NULL;
}

/* Keeps one seat per participant: a seat whose name changed (the
 * participants were edited) is freed. False when out of memory. */
static bool sync_seats(ys_session *s)
{
	ys_session_live *l = s->live;
	size_t n = s->a->n_participants, i;
	ys_live_seat *seats;

	if (l->n_seats == n) {
		for (i = 0; i < n; i++)
			if (!l->seats[i].name || strcmp(l->seats[i].name, s->a->participants[i]))
				break;
		if (i == n)
			return true;
	}
	seats = ys_calloc(n ? n : 1, sizeof(*seats));
	if (!seats)
		return false;
	for (i = 0; i < n; i++) {
		size_t k;

		seats[i].name = ys_strdup(s->a->participants[i]);
		if (!seats[i].name) {
			while (i--)
				ys_free(seats[i].name);
			ys_free(seats);
			return false;
		}
		/* The same name keeps its device. */
		for (k = 0; k < l->n_seats; k++)
			if (l->seats[k].name && !strcmp(l->seats[k].name, seats[i].name)) {
				memcpy(seats[i].token, l->seats[k].token, sizeof(seats[i].token));
				memcpy(seats[i].forms, l->seats[k].forms, sizeof(seats[i].forms));
			}
	}
	free_seats(l);
	l->seats = seats;
	l->n_seats = n;
	return true;
}

bool ys_session_live_setup(ys_session *s, const char *code, unsigned port, bool tls,
			   char **addrs, size_t n_addrs)
{
	ys_session_live *l = ys_calloc(1, sizeof(*l));

	if (!l) {
		ys_strv_free(addrs, n_addrs);
		return false;
	}
	snprintf(l->code, sizeof(l->code), "%s", code);
	l->port = port;
	l->tls = tls;
	l->addrs = addrs;
	l->n_addrs = n_addrs;
	s->live = l;
	if (!sync_seats(s)) {
		sess_live_free(s);
		return false;
	}
	return true;
}

void ys_session_join_host(const ys_session *s, char *buf, size_t n)
{
	const ys_session_live *l = s->live;
	const char *a;

	if (!l) {
		snprintf(buf, n, "%s", "");
		return;
	}
	a = l->n_addrs ? l->addrs[l->addr] : "localhost";
	snprintf(buf, n, "%s://%s%s%s:%u", l->tls ? "https" : "http",
		 strchr(a, ':') ? "[" : "", a, strchr(a, ':') ? "]" : "", l->port);
}

void ys_session_join_url(const ys_session *s, char *buf, size_t n)
{
	char host[160];

	ys_session_join_host(s, host, sizeof(host));
	snprintf(buf, n, "%s/j/%s", host, s->live ? s->live->code : "");
}

bool ys_session_live_joined(const ys_session *s, size_t p)
{
	const ys_session_live *l = s->live;

	return l && p < l->n_seats && l->seats[p].token[0] &&
	       p < s->a->n_participants && !strcmp(l->seats[p].name, s->a->participants[p]);
}

size_t ys_session_live_count(const ys_session *s)
{
	size_t i, n = 0;

	for (i = 0; s->live && i < s->a->n_participants; i++)
		n += ys_session_live_joined(s, i);
	return n;
}

long ys_session_live_who(ys_session *s, const char *token)
{
	ys_session_live *l = s->live;
	size_t i;
	long who = -1;

	if (!l || !ys_live_token_valid(token) || !sync_seats(s))
		return -1;
	/* Every seat is compared, in constant time each. */
	for (i = 0; i < l->n_seats; i++)
		if (l->seats[i].token[0] && ys_live_secret_equal(l->seats[i].token, token))
			who = (long)i;
	return who;
}

bool ys_session_live_open(const ys_session *s)
{
	ys_screen on = s->screen;

	if (!s->live || !s->workshop || !s->started || !s->a->n_participants)
		return false;
	if (on == YS_SCR_JOIN)
		on = s->join_return;
	if (on == YS_SCR_KEYS || on == YS_SCR_QHELP)
		on = s->help_return;
	return on == YS_SCR_QUESTION && s->question < s->q->n_questions &&
	       !s->revealed[s->question];
}

static ys_live_guard *guard_of(ys_session_live *l, const char *addr, long minute)
{
	size_t i, oldest = 0;

	for (i = 0; i < l->n_guards; i++) {
		if (!strcmp(l->guards[i].addr, addr))
			break;
		if (l->guards[i].minute < l->guards[oldest].minute)
			oldest = i;
	}
	if (i == l->n_guards) {
		if (l->n_guards == MAX_GUARDS) {
			i = oldest;
		} else {
			if (!YS_GROW(l->guards, l->guards_cap, l->n_guards + 1))
				return NULL;
			i = l->n_guards++;
		}
		memset(&l->guards[i], 0, sizeof(l->guards[i]));
		snprintf(l->guards[i].addr, sizeof(l->guards[i].addr), "%s", addr);
		l->guards[i].minute = minute;
	}
	if (l->guards[i].minute != minute) {
		l->guards[i].minute = minute;
		l->guards[i].wrong = 0;
	}
	return &l->guards[i];
}

ys_live_result ys_session_live_check_code(ys_session *s, const char *addr, const char *code)
{
	ys_session_live *l = s->live;
	ys_live_guard *g;
	long minute;

	if (!l)
		return YS_LIVE_WRONG_CODE;
	minute = l->minute ? l->minute() : default_minute();
	g = guard_of(l, addr, minute);
	if (!g)
		return YS_LIVE_NO_MEMORY;
	if (g->wrong >= YS_LIVE_MAX_WRONG_CODES)
		return YS_LIVE_LIMITED;
	if (code[0] && ys_live_secret_equal(code, l->code))
		return YS_LIVE_OK;
	g->wrong++;
	return YS_LIVE_WRONG_CODE;
}

ys_live_result ys_session_live_join(ys_session *s, const char *p, char token[33])
{
	ys_session_live *l = s->live;
	char *end;
	long i;

	if (!l)
		return YS_LIVE_NO_NAME;
	if (!sync_seats(s))
		return YS_LIVE_NO_MEMORY;
	if (!p[0] || p[0] < '0' || p[0] > '9' || strlen(p) > 6)
		return YS_LIVE_NO_NAME;
	i = strtol(p, &end, 10);
	if (*end || i < 0 || (size_t)i >= l->n_seats)
		return YS_LIVE_NO_NAME;
	if (l->seats[i].token[0])
		return YS_LIVE_TAKEN;
	if (!ys_live_new_token(l->seats[i].token)) {
		l->seats[i].token[0] = '\0';
		return YS_LIVE_NO_MEMORY;
	}
	memset(l->seats[i].forms, 0, sizeof(l->seats[i].forms));
	memcpy(token, l->seats[i].token, 33);
	sess_status(s, false, "%s joined from a device (%zu of %zu).",
		    s->a->participants[i], ys_session_live_count(s), s->a->n_participants);
	return YS_LIVE_OK;
}

/* The choice a vote field names on question qn, or kind NONE. */
static ys_choice parse_vote(const ys_question *qn, const char *v)
{
	ys_choice c = {YS_ANS_NONE, -1};
	char *end;
	long o;

	if (!strcmp(v, "d")) {
		c.kind = YS_ANS_DONT_KNOW;
	} else if (!strcmp(v, "x")) {
		if (qn->allow_na)
			c.kind = YS_ANS_NA;
	} else if (v[0] >= '1' && v[0] <= '9' && strlen(v) <= 3) {
		o = strtol(v, &end, 10);
		if (!*end && o >= 1 && (size_t)o <= qn->n_options) {
			c.kind = YS_ANS_OPTION;
			c.option = (int)o - 1;
		}
	}
	return c;
}

const char *ys_session_live_new_form(ys_session *s, size_t p)
{
	ys_live_seat *seat;

	if (!s->live || p >= s->live->n_seats)
		return NULL;
	seat = &s->live->seats[p];
	seat->next_form %= YS_LIVE_SEAT_FORMS;
	if (!ys_live_new_token(seat->forms[seat->next_form])) {
		seat->forms[seat->next_form][0] = '\0';
		return NULL;
	}
	return seat->forms[seat->next_form++];
}

/* True when form is one of the tokens of the pages sent to the seat's
 * device; every one is compared. */
static bool form_ok(const ys_live_seat *seat, const char *form)
{
	bool ok = false;
	size_t i;

	for (i = 0; i < YS_LIVE_SEAT_FORMS; i++)
		if (seat->forms[i][0] && ys_live_secret_equal(seat->forms[i], form))
			ok = true;
	return ok;
}

ys_live_result ys_session_live_vote(ys_session *s, const char *token, const char *form,
				    const char *qid, const char *v)
{
	long p = ys_session_live_who(s, token);
	const ys_question *qn;
	ys_choice c;

	if (p < 0)
		return YS_LIVE_NO_TOKEN;
	if (!form_ok(&s->live->seats[p], form))
		return YS_LIVE_BAD_FORM;
	if (!ys_session_live_open(s))
		return YS_LIVE_CLOSED;
	qn = &s->q->questions[s->question];
	if (strcmp(qn->id, qid))
		return YS_LIVE_CLOSED;
	c = parse_vote(qn, v);
	if (c.kind == YS_ANS_NONE)
		return YS_LIVE_BAD_VOTE;
	if (!ys_answers_set_vote(s->a, s->q, s->question, (size_t)p, c))
		return YS_LIVE_NO_MEMORY;
	sess_device_voted(s, (size_t)p);
	sess_changed(s);
	if (s->live_batch) {
		s->batch_votes++;
		return YS_LIVE_OK;
	}
	if (s->save_failed || s->dirty)
		return YS_LIVE_NOT_SAVED;
	sess_status(s, false, "%s has voted from their device (%zu of %zu).",
		    s->a->participants[p], ys_session_votes_cast(s, s->question),
		    s->a->n_participants);
	return YS_LIVE_OK;
}

void ys_session_live_begin_batch(ys_session *s)
{
	s->live_batch = true;
	s->batch_votes = 0;
}

bool ys_session_live_end_batch(ys_session *s)
{
	s->live_batch = false;
	if (!s->dirty)
		return !s->save_failed || !s->batch_votes;
	if (!ys_session_save(s))
		return false;
	if (s->batch_votes && s->question < s->q->n_questions)
		sess_status(s, false, "%zu of %zu have voted on this question (%zu just now from devices). Saved at %s.",
			    ys_session_votes_cast(s, s->question), s->a->n_participants,
			    s->batch_votes, s->saved_at);
	return true;
}

/* The join screen: Tab or the arrows show another address, any other key
 * goes back. */
bool sess_join_action(ys_session *s, const ys_session_action *act)
{
	ys_session_live *l = s->live;

	switch (act->type) {
	case YS_A_NEXT_ADDRESS:
	case YS_A_NEXT:
	case YS_A_DOWN:
		if (l && l->n_addrs > 1)
			l->addr = (l->addr + 1) % l->n_addrs;
		return true;
	case YS_A_PREV:
	case YS_A_UP:
		if (l && l->n_addrs > 1)
			l->addr = (l->addr + l->n_addrs - 1) % l->n_addrs;
		return true;
	case YS_A_NONE:
		return false;
	case YS_A_QUIT:
		return sess_quit(s);
	default:
		s->screen = s->join_return;
		return true;
	}
}

/* The key that opens the join screen, and releasing a name. */
bool sess_live_action(ys_session *s, const ys_session_action *act, bool *done)
{
	ys_session_live *l = s->live;
	size_t p;

	*done = false;
	if (!l)
		return false;
	switch (act->type) {
	case YS_A_JOIN_SCREEN:
		*done = true;
		if (s->screen == YS_SCR_KEYS || s->screen == YS_SCR_QHELP)
			s->screen = s->help_return;
		s->join_return = s->screen;
		s->screen = YS_SCR_JOIN;
		return true;
	case YS_A_RELEASE:
		if (s->screen != YS_SCR_QUESTION || !s->workshop)
			return false;
		*done = true;
		p = s->voter;
		if (p >= s->a->n_participants || !sync_seats(s)) {
			sess_status(s, false, "Mark a participant with Up/Down first, then L frees their name.");
			return true;
		}
		if (!l->seats[p].token[0]) {
			sess_status(s, false, "%s has no device to release.", s->a->participants[p]);
			return true;
		}
		memset(l->seats[p].token, 0, sizeof(l->seats[p].token));
		memset(l->seats[p].forms, 0, sizeof(l->seats[p].forms));
		sess_status(s, false, "%s's name is free: they can join again from another device.",
			    s->a->participants[p]);
		return true;
	default:
		return false;
	}
}
