/* The live workshop's pages, built on the loop's thread from the session:
 * how to join, the names to choose from, the current question with its
 * options as buttons and the participant's own vote, and after the reveal
 * the spread as the projector shows it. Also the dispatcher that turns a
 * request from the queue into a join, a vote or a page.
 *
 * Every text from the questionnaire or the answers goes through
 * ys_live_html (escaped and sanitised). The pages work as plain forms;
 * the script (src/live/app.js) only fetches the same pages. */
#include <stdio.h>
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/consensus.h"
#include "yardstick/live.h"
#include "yardstick/live_page.h"
#include "yardstick/strbuf.h"

static void head(ys_sb *b, const char *title, unsigned long version)
{
	ys_sb_puts(b, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
		   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	ys_live_html(b, title);
	ys_sb_puts(b, " - yardstick workshop</title>\n"
		   "<link rel=\"stylesheet\" href=\"/app.css\">\n"
		   "<script src=\"/app.js\" defer></script>\n</head>\n<body>\n");
	ys_sb_printf(b, "<main id=\"main\" data-v=\"%lu\">\n", version);
}

static void foot(ys_sb *b)
{
	ys_sb_puts(b, "</main>\n</body>\n</html>\n");
}

/* A page with a heading and a message (both plain text, escaped). */
static void message_page(ys_sb *b, unsigned long version, const char *title, const char *msg,
			 bool link_home)
{
	head(b, title, version);
	ys_sb_puts(b, "<h1 tabindex=\"-1\">");
	ys_live_html(b, title);
	ys_sb_puts(b, "</h1>\n<p class=\"msg\">");
	ys_live_html(b, msg);
	ys_sb_puts(b, "</p>\n");
	if (link_home)
		ys_sb_puts(b, "<p><a href=\"/\">Back to the question</a></p>\n");
	foot(b);
}

unsigned long ys_live_page_version(const ys_session *s)
{
	unsigned long h = 1469598103UL;
	const ys_response *r;
	unsigned long parts[9];
	const char *c;
	size_t i;

	parts[0] = (unsigned long)s->question;
	parts[1] = ys_session_live_open(s);
	parts[2] = s->workshop && s->revealed ? s->revealed[s->question] : 0;
	r = s->question < s->q->n_questions ? ys_session_response(s, s->question) : NULL;
	parts[3] = r ? (unsigned long)r->choice.kind : 0;
	parts[4] = r ? (unsigned long)(r->choice.option + 1) : 0;
	parts[5] = r ? (unsigned long)r->n_rounds : 0;
	parts[6] = s->started;
	parts[7] = s->outcome;
	/* The note shows with the spread: a new one changes the page. */
	parts[8] = 0;
	for (c = r && r->note ? r->note : ""; *c; c++)
		parts[8] = parts[8] * 31 + (unsigned char)*c;
	for (i = 0; i < 9; i++)
		h = (h ^ parts[i]) * 16777619UL + i;
	return h & 0x7fffffffUL;
}

static const char *choice_words(const ys_question *qn, ys_choice c)
{
	switch (c.kind) {
	case YS_ANS_OPTION:
		return qn->options[c.option].label;
	case YS_ANS_DONT_KNOW:
		return "Don't know";
	case YS_ANS_NA:
		return "N/A";
	default:
		return "none";
	}
}

static void vote_button(ys_sb *b, const char *value, const char *num, const char *label,
			bool mine)
{
	ys_sb_printf(b, "<button type=\"submit\" name=\"v\" value=\"%s\" class=\"opt%s\""
		     " aria-pressed=\"%s\"><span class=\"key\" aria-hidden=\"true\">%s</span> "
		     "<span class=\"label\">",
		     value, mine ? " mine" : "", mine ? "true" : "false", num);
	/* The mark flows on with the label's words, so a narrow screen
	 * wraps it between words like the rest. */
	ys_live_html(b, label);
	if (mine)
		ys_sb_puts(b, " <span class=\"tick\">(your vote)</span>");
	ys_sb_puts(b, "</span></button>\n");
}

/* The spread as the projector shows it. */
static void spread(ys_sb *b, const ys_session *s, const ys_question *qn, const ys_response *r)
{
	size_t *counts = ys_calloc(qn->n_options ? qn->n_options : 1, sizeof(*counts));
	ys_spread sp = ys_consensus_votes(qn, r->votes, r->n_votes, counts);
	size_t i, k;

	(void)s;
	if (!counts) {
		b->oom = true;
		return;
	}
	ys_sb_printf(b, "<h2>The votes (%zu)</h2>\n<table class=\"spread\">\n"
		     "<thead><tr><th scope=\"col\">Answer</th><th scope=\"col\">Votes</th></tr></thead>\n<tbody>\n",
		     sp.n_votes);
	for (i = 0; i < qn->n_options; i++) {
		ys_sb_puts(b, "<tr><th scope=\"row\">");
		ys_live_html(b, qn->options[i].label);
		ys_sb_puts(b, "</th><td><span class=\"bar\" aria-hidden=\"true\">");
		for (k = 0; k < counts[i] && k < 30; k++)
			ys_sb_puts(b, "\xe2\x96\x88");
		ys_sb_printf(b, "</span> %zu</td></tr>\n", counts[i]);
	}
	ys_sb_printf(b, "<tr><th scope=\"row\">Don't know</th><td>%zu</td></tr>\n", sp.n_dont_know);
	if (qn->allow_na || sp.n_na)
		ys_sb_printf(b, "<tr><th scope=\"row\">N/A</th><td>%zu</td></tr>\n", sp.n_na);
	ys_sb_puts(b, "</tbody>\n</table>\n");
	ys_sb_printf(b, "<p>Range: %u %s%s</p>\n", sp.range, sp.range == 1 ? "step" : "steps",
		     sp.contested ? " <strong class=\"flag\">CONTESTED</strong>" : "");
	ys_sb_puts(b, "<p>Proposed: <strong>");
	ys_live_html(b, choice_words(qn, sp.proposed));
	ys_sb_puts(b, "</strong></p>\n");
	if (r->choice.kind != YS_ANS_NONE) {
		ys_sb_puts(b, "<p>Agreed: <strong>");
		ys_live_html(b, choice_words(qn, r->choice));
		ys_sb_puts(b, "</strong></p>\n");
	}
	/* The note (dissent notes among it), as the projector shows it
	 * below the spread. */
	if (r->note && *r->note) {
		ys_sb_puts(b, "<p class=\"note\">Note: ");
		ys_live_html(b, r->note);
		ys_sb_puts(b, "</p>\n");
	}
	ys_free(counts);
}

static void question_page(ys_sb *b, ys_session *s, long p, unsigned long version)
{
	const char *form = ys_session_live_new_form(s, (size_t)p);
	const ys_question *qn = &s->q->questions[s->question];
	const ys_response *r = ys_session_response(s, s->question);
	ys_choice mine = ys_session_vote(s, s->question, (size_t)p);
	bool open = ys_session_live_open(s);
	size_t i;
	char num[24];

	head(b, s->q->title, version);
	ys_sb_puts(b, "<p class=\"who\">Voting as <strong>");
	ys_live_html(b, s->a->participants[p]);
	ys_sb_printf(b, "</strong></p>\n<h1 tabindex=\"-1\"><span class=\"area\">");
	ys_live_html(b, s->q->areas[qn->area].title);
	ys_sb_printf(b, "</span> Question %zu of %zu</h1>\n<p class=\"q\">",
		     s->question + 1, s->q->n_questions);
	ys_live_html(b, qn->text);
	ys_sb_puts(b, "</p>\n");
	if (qn->help) {
		ys_sb_puts(b, "<details><summary>Help for this question</summary>\n<p class=\"help\">");
		ys_live_html(b, qn->help);
		ys_sb_puts(b, "</p></details>\n");
	}
	if (open && !form)
		b->oom = true;  /* no random bytes: the page cannot be sent */
	if (open && form) {
		ys_sb_puts(b, "<form method=\"post\" action=\"/vote\">\n<fieldset>\n"
			   "<legend>Your vote (hidden until the facilitator reveals the votes)</legend>\n");
		ys_sb_printf(b, "<input type=\"hidden\" name=\"f\" value=\"%s\">\n", form);
		ys_sb_puts(b, "<input type=\"hidden\" name=\"q\" value=\"");
		ys_live_html(b, qn->id);
		ys_sb_puts(b, "\">\n");
		for (i = 0; i < qn->n_options; i++) {
			snprintf(num, sizeof(num), "%zu", i + 1);
			vote_button(b, num, num, qn->options[i].label,
				    mine.kind == YS_ANS_OPTION && (size_t)mine.option == i);
		}
		vote_button(b, "d", "d", "Don't know", mine.kind == YS_ANS_DONT_KNOW);
		if (qn->allow_na)
			vote_button(b, "x", "x", "N/A: does not apply here", mine.kind == YS_ANS_NA);
		ys_sb_puts(b, "</fieldset>\n</form>\n");
	}
	ys_sb_puts(b, "<div class=\"status\" role=\"status\">");
	if (mine.kind != YS_ANS_NONE) {
		ys_sb_puts(b, "<p class=\"mine\">Your vote: <strong>");
		ys_live_html(b, choice_words(qn, mine));
		ys_sb_puts(b, "</strong>");
		if (s->save_failed || (s->dirty && !s->live_batch))
			ys_sb_puts(b, " (not saved yet: tell the facilitator)");
		else
			ys_sb_puts(b, " &#8212; recorded.");
		ys_sb_puts(b, open ? " You can change it until the votes are revealed.</p>\n" : "</p>\n");
	} else if (open) {
		ys_sb_puts(b, "<p>You have not voted on this question yet.</p>\n");
	}
	if (!open && !s->revealed[s->question])
		ys_sb_puts(b, "<p>Voting on this question is closed. Wait for the facilitator.</p>\n");
	ys_sb_puts(b, "</div>\n");
	if (s->revealed[s->question])
		spread(b, s, qn, r);
	foot(b);
}

static void waiting_page(ys_sb *b, const ys_session *s, long p, unsigned long version)
{
	head(b, "Waiting", version);
	ys_sb_puts(b, "<p class=\"who\">Voting as <strong>");
	ys_live_html(b, s->a->participants[p]);
	ys_sb_puts(b, "</strong></p>\n<h1 tabindex=\"-1\">Waiting for the facilitator</h1>\n"
		   "<p class=\"msg\" role=\"status\">No question is open for voting just now. "
		   "This page follows the facilitator: the next question appears here "
		   "(without script, reload the page).</p>\n"
		   "<p><a href=\"/\">Reload</a></p>\n");
	foot(b);
}

static void join_page(ys_sb *b, const ys_session *s, unsigned long version)
{
	size_t i;

	head(b, "Join the workshop", version);
	ys_sb_puts(b, "<h1 tabindex=\"-1\">Join the workshop</h1>\n<p>");
	ys_live_html(b, s->q->title);
	ys_sb_puts(b, "</p>\n");
	if (!s->a->n_participants) {
		ys_sb_puts(b, "<p class=\"msg\">The facilitator has not named the participants yet. "
			   "Reload this page once they have.</p>\n");
		foot(b);
		return;
	}
	ys_sb_printf(b, "<form method=\"post\" action=\"/j/%s\">\n<fieldset>\n"
		     "<legend>Choose your name</legend>\n", s->live->code);
	for (i = 0; i < s->a->n_participants; i++) {
		bool taken = ys_session_live_joined(s, i);

		ys_sb_printf(b, "<button type=\"submit\" name=\"p\" value=\"%zu\" class=\"opt\"%s>"
			     "<span class=\"label\">", i, taken ? " disabled" : "");
		ys_live_html(b, s->a->participants[i]);
		if (taken)
			ys_sb_puts(b, " <span class=\"tick\">(taken)</span>");
		ys_sb_puts(b, "</span></button>\n");
	}
	ys_sb_puts(b, "</fieldset>\n</form>\n<p class=\"small\">This device becomes yours for "
		   "the workshop. If your name is taken, ask the facilitator to release it.</p>\n");
	foot(b);
}

static void reply(ys_live_req *r, int status, ys_sb *b)
{
	r->status = status;
	r->type = "text/html; charset=utf-8";
	r->body = ys_sb_take(b);
	if (!r->body) {
		r->status = 503;
		r->len = 0;
		return;
	}
	r->len = strlen(r->body);
}

static void redirect(ys_live_req *r, const char *to)
{
	ys_sb b = {0};

	snprintf(r->location, sizeof(r->location), "%s", to);
	ys_sb_puts(&b, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Recorded</title></head>"
		   "<body><main><p><a href=\"/\">Continue</a></p></main></body></html>\n");
	reply(r, 303, &b);
}

static int result_status(ys_live_result res)
{
	switch (res) {
	case YS_LIVE_OK:
		return 200;
	case YS_LIVE_WRONG_CODE:
		return 404;
	case YS_LIVE_LIMITED:
		return 429;
	case YS_LIVE_TAKEN:
	case YS_LIVE_CLOSED:
		return 409;
	case YS_LIVE_NO_TOKEN:
	case YS_LIVE_BAD_FORM:
		return 403;
	case YS_LIVE_NO_NAME:
	case YS_LIVE_BAD_VOTE:
		return 400;
	default:
		return 503;
	}
}

static const char *result_words(ys_live_result res)
{
	switch (res) {
	case YS_LIVE_WRONG_CODE:
		return "That join address is not right. Check it on the projector and try again.";
	case YS_LIVE_LIMITED:
		return "Too many wrong join codes from this network address. Wait a minute and try again.";
	case YS_LIVE_TAKEN:
		return "That name is already taken by another device. If it is yours, ask the facilitator to release it.";
	case YS_LIVE_CLOSED:
		return "That question is not open for voting any more. Your vote was not recorded.";
	case YS_LIVE_NO_TOKEN:
		return "This device has not joined the workshop. Scan the QR code on the projector, or open the join address shown there.";
	case YS_LIVE_BAD_FORM:
		return "That form does not belong to this device. Reload the page and vote again.";
	case YS_LIVE_NO_NAME:
		return "There is no such participant. Choose your name from the list.";
	case YS_LIVE_BAD_VOTE:
		return "There is no such answer. Choose one of the buttons.";
	case YS_LIVE_NOT_SAVED:
		return "Your vote could not be saved on the facilitator's computer. Tell the facilitator.";
	default:
		return "The facilitator's computer is out of memory. Tell the facilitator.";
	}
}

static void refusal(ys_live_req *r, const ys_session *s, ys_live_result res, unsigned long v)
{
	ys_sb b = {0};

	message_page(&b, v, res == YS_LIVE_CLOSED || res == YS_LIVE_BAD_FORM ?
		     "Not recorded" : "Cannot do that", result_words(res),
		     res == YS_LIVE_CLOSED || res == YS_LIVE_BAD_FORM || res == YS_LIVE_BAD_VOTE);
	(void)s;
	reply(r, result_status(res), &b);
}

void ys_live_unsaved(ys_session *s, ys_live_req *r)
{
	if (r->route != YS_LIVE_R_VOTE && r->route != YS_LIVE_R_PAGE)
		return;
	if (r->route == YS_LIVE_R_VOTE && r->status != 303)
		return;
	ys_free(r->body);
	r->body = NULL;
	r->location[0] = '\0';
	if (r->route == YS_LIVE_R_VOTE)
		refusal(r, s, YS_LIVE_NOT_SAVED, ys_live_page_version(s));
	else
		ys_live_serve(s, r);
}

bool ys_live_serve(ys_session *s, ys_live_req *r)
{
	unsigned long v = ys_live_page_version(s);
	ys_live_result res;
	ys_sb b = {0};
	long p;
	char token[33];

	if (!s->live || s->outcome != YS_OUT_RUNNING) {
		r->status = 503;
		return false;
	}
	switch (r->route) {
	case YS_LIVE_R_PAGE:
		p = ys_session_live_who(s, r->token);
		if (p < 0)
			message_page(&b, v, "Join the workshop",
				     "To take part, scan the QR code on the projector or open the join address shown there.",
				     false);
		else if (s->started && s->question < s->q->n_questions &&
			 (ys_session_live_open(s) || s->revealed[s->question]))
			question_page(&b, s, p, v);
		else
			waiting_page(&b, s, p, v);
		reply(r, 200, &b);
		return false;
	case YS_LIVE_R_JOIN_PAGE:
	case YS_LIVE_R_JOIN:
		res = ys_session_live_check_code(s, r->addr, r->code);
		if (res != YS_LIVE_OK) {
			refusal(r, s, res, v);
			return false;
		}
		if (ys_session_live_who(s, r->token) >= 0) {
			redirect(r, "/");      /* this device has a name already */
			return false;
		}
		if (r->route == YS_LIVE_R_JOIN_PAGE) {
			join_page(&b, s, v);
			reply(r, 200, &b);
			return false;
		}
		if (!r->form_ok || r->form.have != YS_LIVE_F_P) {
			refusal(r, s, YS_LIVE_NO_NAME, v);
			return false;
		}
		res = ys_session_live_join(s, r->form.p, token);
		if (res != YS_LIVE_OK) {
			refusal(r, s, res, v);
			return res == YS_LIVE_OK;
		}
		snprintf(r->set_cookie, sizeof(r->set_cookie),
			 YS_LIVE_COOKIE "=%s; Path=/; Max-Age=86400; HttpOnly; SameSite=Strict%s", token,
			 s->live->tls ? "; Secure" : "");
		memset(token, 0, sizeof(token));
		redirect(r, "/");
		return true;
	case YS_LIVE_R_VOTE:
		if (ys_session_live_who(s, r->token) < 0) {
			refusal(r, s, YS_LIVE_NO_TOKEN, v);
			return false;
		}
		if (!r->form_ok || r->form.have != (YS_LIVE_F_F | YS_LIVE_F_Q | YS_LIVE_F_V)) {
			refusal(r, s, YS_LIVE_BAD_FORM, v);
			return false;
		}
		res = ys_session_live_vote(s, r->token, r->form.f, r->form.q, r->form.v);
		if (res != YS_LIVE_OK) {
			refusal(r, s, res, v);
			return res == YS_LIVE_NOT_SAVED;
		}
		redirect(r, "/");
		return true;
	default:
		r->status = 404;
		return false;
	}
}
