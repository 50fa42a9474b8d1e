/* Fuzz target: the scorecard in every format.
 *
 * The input is an answers file for a fixed questionnaire built into this
 * target (four areas, red flags, N/A, targets, and titles and labels full
 * of text that terminals, Markdown, XML and spreadsheets would act on).
 * Answers that read are bound leniently, as the interview does (problems
 * are reported but the answers are kept), scored, and rendered in every
 * format into memory. Invariants per format:
 *  - text: valid UTF-8 with no control byte but '\n' and no unsafe code
 *    point, no line wider than the width in display columns
 *    (ys_text_width); with ascii, printable ASCII and '\n' only;
 *  - markdown: valid UTF-8, no control byte but '\n', no unsafe code
 *    point (bidi overrides and the like);
 *  - csv: a UTF-8 byte order mark, then RFC 4180 records of 14 fields
 *    ended by CRLF, one per question
 *    after the header; no control byte but CR LF (record ends), LF inside
 *    quotes and tab; valid UTF-8 with no unsafe code point; no cell starts
 *    with = + - @ tab or CR (those get an apostrophe);
 *  - json: well-formed JSON (checked here), valid UTF-8, no raw control
 *    byte inside strings, no unsafe code point;
 *  - svg: balanced XML tags, entities only where '&' appears, no control
 *    byte but '\n', no unsafe code point.
 * The input's length picks the width and the target profile, and whether
 * the answers carry the questionnaire's identity (so both the matching
 * and the mismatch paths are reached). */
#include <string.h>

#include "fuzz.h"
#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/diag.h"
#include "yardstick/questionnaire.h"
#include "yardstick/report.h"
#include "yardstick/score.h"
#include "yardstick/text.h"

static const char questionnaire_yaml[] =
	"yardstick: 1\n"
	"id: small-test\n"
	"title: \"Small test =HYPERLINK(\\\"x\\\") <b>&amp;</b> | *md* \xe2\x80\xae"
	"txt.exe \xe6\x9d\xb1\xe4\xba\xac\"\n"
	"version: \"1.0\"\n"
	"description: \"Tab\\there, a newline\\nand \xe2\x81\xa6isolates\xe2\x81\xa9.\"\n"
	"threshold: 0.75\n"
	"levels:\n"
	"  - name: Absent\n"
	"  - name: \"=Initial\"\n"
	"  - name: \"<Repeatable> & \\\"quoted\\\"\"\n"
	"  - name: \"Establi\xcc\x81shed \xf0\x9f\x98\x80\"\n"
	"answer_sets:\n"
	"  coverage:\n"
	"    - {key: none, label: \"-None\", value: 0}\n"
	"    - {key: few, label: \"+A few\", value: 0.25}\n"
	"    - {key: half, label: \"@About half\", value: 0.5}\n"
	"    - {key: most, label: \"Most, \\\"quoted\\\"\", value: 0.75}\n"
	"    - {key: all, label: \"\\tAll\", value: 1}\n"
	"  yes-no:\n"
	"    - {key: \"no\", label: \"No \xe2\x80\xae\", value: 0}\n"
	"    - {key: partly, label: \"Partly | `x`\", value: 0.5}\n"
	"    - {key: \"yes\", label: \"Yes\\nreally\", value: 1}\n"
	"targets:\n"
	"  baseline: {default: 2, backup: 3}\n"
	"  stretch: {default: 3}\n"
	"areas:\n"
	"  - id: backup\n"
	"    title: \"Backups \xe2\x80\xae and recovery\"\n"
	"    weight: 2\n"
	"    questions:\n"
	"      - id: backup-exists\n"
	"        level: 1\n"
	"        weight: 3\n"
	"        text: What share of critical systems are backed up?\n"
	"        answers: coverage\n"
	"        red_flag: [none]\n"
	"      - id: backup-offsite\n"
	"        level: 1\n"
	"        text: Is a copy of every backup kept offline or off site?\n"
	"        answers: yes-no\n"
	"      - id: backup-tested\n"
	"        level: 2\n"
	"        weight: 2\n"
	"        text: Have restores been tested in the last 12 months?\n"
	"        answers: yes-no\n"
	"      - id: backup-drill\n"
	"        level: 3\n"
	"        text: Is a full recovery rehearsed every year?\n"
	"        answers: yes-no\n"
	"    recommendations:\n"
	"      - level: 0\n"
	"        text: \"=cmd|' /C calc'!A0 \\u202e back up everything\"\n"
	"      - level: 1\n"
	"        text: \"Test restores.\\nWrite the plan down.\"\n"
	"      - level: 3\n"
	"        text: \"Keep going \xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac"
	"\xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac"
	"\xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac"
	"\xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac"
	"\xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac"
	"\xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac\xe6\x9d\xb1\xe4\xba\xac"
	"averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryvery"
	"veryveryveryveryveryverylongword\"\n"
	"  - id: access\n"
	"    title: \"Access & identity <MFA, SSO>\"\n"
	"    questions:\n"
	"      - id: access-mfa\n"
	"        level: 1\n"
	"        weight: 3\n"
	"        text: \"What share use MFA? \\u202e\\u2066\"\n"
	"        answers: coverage\n"
	"        red_flag: [none, few]\n"
	"      - id: access-leavers\n"
	"        level: 2\n"
	"        text: Are leavers' accounts closed within one working day?\n"
	"        answers: yes-no\n"
	"        allow_na: true\n"
	"      - id: access-review\n"
	"        level: 3\n"
	"        text: Are privileged accounts reviewed every quarter?\n"
	"        answers: yes-no\n"
	"        red_flag: [\"no\"]\n"
	"  - id: network\n"
	"    title: \"+Network\"\n"
	"    weight: 3\n"
	"    questions:\n"
	"      - id: network-coverage\n"
	"        level: 1\n"
	"        text: What share of sites have reliable staff WiFi?\n"
	"        answers: coverage\n"
	"        allow_na: true\n"
	"      - id: network-guest\n"
	"        level: 2\n"
	"        text: Is guest WiFi kept apart from the staff network?\n"
	"        answers: yes-no\n"
	"        allow_na: true\n"
	"      - id: network-monitoring\n"
	"        level: 3\n"
	"        text: Is network performance monitored, with alerts?\n"
	"        answers: yes-no\n"
	"        allow_na: true\n";

static const ys_questionnaire *questionnaire(void)
{
	static ys_questionnaire *q;     /* loaded once, kept for the process */
	static bool tried;
	ys_diags d = {0};

	if (!tried) {
		tried = true;
		q = ys_questionnaire_load_mem(questionnaire_yaml,
					      sizeof(questionnaire_yaml) - 1,
					      "builtin", &d);
		if (!q)
			ys_diags_print(&d, stderr, "fuzz_scorecard");
		ys_diags_free(&d);
	}
	FUZZ_CHECK(q != NULL);
	return q;
}

/* ---- Per-format checks ------------------------------------------------ */

/* Valid UTF-8, no unsafe code point; control bytes only from allowed. */
static void check_utf8_clean(const char *s, size_t n, const char *allowed)
{
	size_t i = 0;

	FUZZ_CHECK(ys_utf8_valid(s, n));
	while (i < n) {
		uint32_t cp;
		size_t len = ys_utf8_decode(s + i, n - i, &cp);

		if (cp < 0x20)
			FUZZ_CHECK(cp != 0 && strchr(allowed, (int)cp) != NULL);
		else
			FUZZ_CHECK(!ys_cp_unsafe(cp));
		i += len;
	}
}

static void check_text(const char *s, size_t n, size_t width, bool ascii)
{
	size_t i = 0, start = 0;

	check_utf8_clean(s, n, "\n");
	for (i = 0; i <= n; i++) {
		size_t w;

		if (i < n && ascii)
			FUZZ_CHECK(s[i] == '\n' ||
				   (s[i] >= 0x20 && s[i] < 0x7F));
		if (i < n && s[i] != '\n')
			continue;
		w = ys_text_width(s + start, i - start);
		if (w > width)
			fprintf(stderr, "line wider than %zu: %.*s\n", width,
				(int)(i - start), s + start);
		FUZZ_CHECK(w <= width);
		start = i + 1;
	}
}

/* CSV: parse RFC 4180 and check each cell. */
static void check_csv(const char *s, size_t n, size_t n_questions)
{
	size_t i = 3, rows = 0;

	check_utf8_clean(s, n, "\t\r\n");
	/* A UTF-8 byte order mark first, then the records. */
	FUZZ_CHECK(n >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3));
	while (i < n) {
		size_t fields = 0;

		for (;;) {
			size_t start;
			char first;

			if (i < n && s[i] == '"') {
				i++;
				start = i;
				for (;;) {
					FUZZ_CHECK(i < n);
					if (s[i] == '"') {
						if (i + 1 < n && s[i + 1] == '"') {
							i += 2;
							continue;
						}
						break;
					}
					FUZZ_CHECK(s[i] != '\r');
					i++;
				}
				first = i > start ? s[start] : '\0';
				i++;    /* closing quote */
			} else {
				start = i;
				while (i < n && s[i] != ',' && s[i] != '\r') {
					FUZZ_CHECK(s[i] != '"' && s[i] != '\n');
					i++;
				}
				first = i > start ? s[start] : '\0';
			}
			FUZZ_CHECK(first == '\0' || !strchr("=+-@\t\r", first));
			fields++;
			FUZZ_CHECK(i < n);
			if (s[i] == ',') {
				i++;
				continue;
			}
			FUZZ_CHECK(s[i] == '\r' && i + 1 < n && s[i + 1] == '\n');
			i += 2;
			break;
		}
		FUZZ_CHECK(fields == 14);
		rows++;
	}
	FUZZ_CHECK(rows == n_questions + 1);
}

/* ---- A small JSON checker (RFC 8259 grammar) -------------------------- */

typedef struct jp {
	const char *s;
	size_t n, i;
	int depth;
} jp;

static void j_ws(jp *p)
{
	while (p->i < p->n && strchr(" \t\r\n", p->s[p->i]) && p->s[p->i])
		p->i++;
}

static bool j_lit(jp *p, const char *lit)
{
	size_t l = strlen(lit);

	if (p->n - p->i < l || memcmp(p->s + p->i, lit, l) != 0)
		return false;
	p->i += l;
	return true;
}

static bool j_digits(jp *p)
{
	size_t start = p->i;

	while (p->i < p->n && p->s[p->i] >= '0' && p->s[p->i] <= '9')
		p->i++;
	return p->i > start;
}

static bool j_number(jp *p)
{
	if (p->i < p->n && p->s[p->i] == '-')
		p->i++;
	if (p->i < p->n && p->s[p->i] == '0')
		p->i++;
	else if (!j_digits(p))
		return false;
	if (p->i < p->n && p->s[p->i] == '.') {
		p->i++;
		if (!j_digits(p))
			return false;
	}
	if (p->i < p->n && (p->s[p->i] == 'e' || p->s[p->i] == 'E')) {
		p->i++;
		if (p->i < p->n && (p->s[p->i] == '+' || p->s[p->i] == '-'))
			p->i++;
		if (!j_digits(p))
			return false;
	}
	return true;
}

static bool j_string(jp *p)
{
	if (p->i >= p->n || p->s[p->i] != '"')
		return false;
	p->i++;
	while (p->i < p->n) {
		unsigned char c = (unsigned char)p->s[p->i++];

		if (c == '"')
			return true;
		if (c < 0x20)
			return false;
		if (c != '\\')
			continue;
		if (p->i >= p->n)
			return false;
		c = (unsigned char)p->s[p->i++];
		if (c == 'u') {
			int k;

			for (k = 0; k < 4; k++, p->i++)
				if (p->i >= p->n ||
				    !strchr("0123456789abcdefABCDEF", p->s[p->i]) ||
				    !p->s[p->i])
					return false;
		} else if (!strchr("\"\\/bfnrt", c) || !c) {
			return false;
		}
	}
	return false;
}

static bool j_value(jp *p);

static bool j_container(jp *p, char close, bool object)
{
	p->i++;
	if (++p->depth > 64)
		return false;
	j_ws(p);
	if (p->i < p->n && p->s[p->i] == close) {
		p->i++;
		p->depth--;
		return true;
	}
	for (;;) {
		j_ws(p);
		if (object) {
			if (!j_string(p))
				return false;
			j_ws(p);
			if (p->i >= p->n || p->s[p->i++] != ':')
				return false;
		}
		if (!j_value(p))
			return false;
		j_ws(p);
		if (p->i >= p->n)
			return false;
		if (p->s[p->i] == ',') {
			p->i++;
			continue;
		}
		if (p->s[p->i] != close)
			return false;
		p->i++;
		p->depth--;
		return true;
	}
}

static bool j_value(jp *p)
{
	j_ws(p);
	if (p->i >= p->n)
		return false;
	switch (p->s[p->i]) {
	case '{':
		return j_container(p, '}', true);
	case '[':
		return j_container(p, ']', false);
	case '"':
		return j_string(p);
	case 't':
		return j_lit(p, "true");
	case 'f':
		return j_lit(p, "false");
	case 'n':
		return j_lit(p, "null");
	default:
		return j_number(p);
	}
}

static void check_json(const char *s, size_t n)
{
	jp p = { s, n, 0, 0 };

	check_utf8_clean(s, n, "\n");
	FUZZ_CHECK(n > 0 && s[0] == '{');
	FUZZ_CHECK(j_value(&p));
	j_ws(&p);
	FUZZ_CHECK(p.i == n);
}

/* ---- SVG: tags balance and '&' only starts an entity ------------------ */

static void check_svg(const char *s, size_t n)
{
	char stack[32][16];
	size_t i = 0;
	int depth = 0;

	check_utf8_clean(s, n, "\n");
	while (i < n) {
		if (s[i] == '&') {
			size_t k = i + 1;

			if (k < n && s[k] == '#')
				k++;
			while (k < n && ((s[k] >= 'a' && s[k] <= 'z') ||
					 (s[k] >= '0' && s[k] <= '9')))
				k++;
			FUZZ_CHECK(k > i + 1 && k < n && s[k] == ';');
			i = k + 1;
		} else if (s[i] == '>') {
			FUZZ_CHECK(!"a '>' outside a tag");
		} else if (s[i] != '<') {
			i++;
		} else {
			/* A tag: <?...?>, </name>, <name ...> or <name .../>. */
			size_t start = ++i, len;
			bool closing = i < n && s[i] == '/';
			bool decl = i < n && (s[i] == '?' || s[i] == '!');
			char quote = 0;

			if (closing)
				start = ++i;
			while (i < n && (quote || s[i] != '>')) {
				FUZZ_CHECK(s[i] != '<');
				if (quote && s[i] == quote)
					quote = 0;
				else if (!quote && (s[i] == '"' || s[i] == '\''))
					quote = s[i];
				i++;
			}
			FUZZ_CHECK(i < n);
			if (decl) {
				i++;
				continue;
			}
			for (len = 0; start + len < i && s[start + len] != ' ' &&
				      s[start + len] != '/' && s[start + len] != '\n';
			     len++)
				;
			FUZZ_CHECK(len > 0 && len < sizeof(stack[0]));
			if (closing) {
				FUZZ_CHECK(depth > 0);
				depth--;
				FUZZ_CHECK(strlen(stack[depth]) == len &&
					   !memcmp(stack[depth], s + start, len));
			} else if (s[i - 1] != '/') {
				FUZZ_CHECK(depth < 32);
				memcpy(stack[depth], s + start, len);
				stack[depth][len] = '\0';
				depth++;
			}
			i++;
		}
	}
	FUZZ_CHECK(depth == 0);
}

/* ---- The target ------------------------------------------------------- */

static void render(const ys_report *r, ys_report_format f, char **buf,
		   size_t *len)
{
	FILE *m;

	*buf = NULL;
	*len = 0;
	m = open_memstream(buf, len);
	FUZZ_CHECK(m != NULL);
	FUZZ_CHECK(ys_report_write(r, f, m) == 0);
	FUZZ_CHECK(fclose(m) == 0);
}

static void check_all(const ys_questionnaire *q, ys_answers *a,
		      const char *target, size_t width)
{
	ys_report r = { q, a, NULL, width, false };
	ys_score s;
	char *buf;
	size_t len, w;

	if (!ys_score_compute(q, a, target, &s)) {
		/* Only an unknown target makes scoring fail here. */
		FUZZ_CHECK(target == NULL && a->target != NULL &&
			   !ys_questionnaire_find_target(q, a->target));
		return;
	}
	r.s = &s;
	w = width == 0 ? YS_REPORT_DEFAULT_WIDTH
	    : width < YS_REPORT_MIN_WIDTH ? YS_REPORT_MIN_WIDTH
	    : width > YS_REPORT_MAX_WIDTH ? YS_REPORT_MAX_WIDTH : width;

	render(&r, YS_REPORT_TEXT, &buf, &len);
	check_text(buf, len, w, false);
	free(buf);
	r.ascii = true;
	render(&r, YS_REPORT_TEXT, &buf, &len);
	check_text(buf, len, w, true);
	free(buf);
	r.ascii = false;
	render(&r, YS_REPORT_MARKDOWN, &buf, &len);
	check_utf8_clean(buf, len, "\n");
	free(buf);
	render(&r, YS_REPORT_CSV, &buf, &len);
	check_csv(buf, len, q->n_questions);
	free(buf);
	render(&r, YS_REPORT_JSON, &buf, &len);
	check_json(buf, len);
	free(buf);
	render(&r, YS_REPORT_SVG, &buf, &len);
	check_svg(buf, len);
	free(buf);
	ys_score_free(&s);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const size_t widths[] = { 0, 1, 60, 61, 72, 80, 133, 2000 };
	static const char *const targets[] = { NULL, "baseline", "stretch" };
	const ys_questionnaire *q = questionnaire();
	ys_diags d = {0};
	ys_answers *a;

	a = ys_answers_read_mem((const char *)data, size, "fuzz.yaml", &d);
	ys_diags_free(&d);
	if (!a)
		return 0;
	if (size & 1) {
		/* The answers claim this very questionnaire. */
		FUZZ_CHECK(ys_answers_set_string(&a->q_id, q->id));
		FUZZ_CHECK(ys_answers_set_string(&a->q_version, q->version));
		FUZZ_CHECK(ys_answers_set_string(&a->q_sha256, q->sha256));
	}
	/* Lenient: problems are reported but the answers stay bound. */
	ys_answers_bind(a, q, "fuzz.yaml", &d);
	ys_diags_free(&d);
	check_all(q, a, targets[(size >> 1) % 3], widths[(size >> 3) % 8]);
	if (a->target && !ys_questionnaire_find_target(q, a->target)) {
		/* As the interview would: drop a target the questionnaire
		 * does not have, and render again. */
		ys_answers_set_string(&a->target, NULL);
		check_all(q, a, NULL, widths[(size >> 3) % 8]);
	}
	ys_answers_free(a);
	return 0;
}
