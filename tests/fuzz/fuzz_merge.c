/* Fuzz target: merging answers files (merge.c, consensus.c).
 *
 * The input is two answers files separated by a line "#####" (without
 * one, the whole input is both files). Each is read, checked, bound and
 * added as `yardstick merge` does, against the small test questionnaire
 * (built in here); when the input's length is odd, each file is first given
 * that questionnaire's identity, so the fuzzer gets past the identity
 * check. Invariants:
 *  - a refusal always comes with a diagnostic and exit code 65 or 70;
 *  - the merged file is a workshop file whose every vote is by a listed
 *    participant and names an option, dont-know or n/a; it is contested
 *    only where there are votes;
 *  - it writes, reads back without a diagnostic, binds without one, and
 *    writes again byte for byte the same;
 *  - merging the merged file on its own gives the same file again (the
 *    consensus is worked out from the votes, which are all kept). */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/diag.h"
#include "yardstick/merge.h"

static const char separator[] = "\n#####\n";

/* tests/data/questionnaires/small-test.yaml byte for byte, so that the
 * merge tests' answers files (the seeds) match its sha256. */
static const char questionnaire_yaml[] =
	"yardstick: 1\n"
	"id: small-test\n"
	"title: Small test questionnaire\n"
	"version: \"1.0\"\n"
	"description: >-\n"
	"  A small questionnaire for the report tests: four areas, four levels,\n"
	"  red flags, an N/A question and two target profiles.\n"
	"threshold: 0.75\n"
	"levels:\n"
	"  - name: Absent\n"
	"    description: Not in place.\n"
	"  - name: Initial\n"
	"    description: Ad hoc.\n"
	"  - name: Repeatable\n"
	"    description: Documented and owned.\n"
	"  - name: Established\n"
	"    description: Applied everywhere, with evidence.\n"
	"answer_sets:\n"
	"  coverage:\n"
	"    - {key: none, label: \"None\", value: 0}\n"
	"    - {key: few, label: \"A few\", value: 0.25}\n"
	"    - {key: half, label: \"About half\", value: 0.5}\n"
	"    - {key: most, label: \"Most\", value: 0.75}\n"
	"    - {key: all, label: \"All\", value: 1}\n"
	"  yes-no:\n"
	"    - {key: \"no\", label: \"No\", value: 0}\n"
	"    - {key: partly, label: \"Partly\", value: 0.5}\n"
	"    - {key: \"yes\", label: \"Yes\", value: 1}\n"
	"targets:\n"
	"  baseline: {default: 2, backup: 3}\n"
	"  stretch: {default: 3}\n"
	"areas:\n"
	"  - id: backup\n"
	"    title: Backups and recovery\n"
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
	"      - id: backup-plan\n"
	"        level: 2\n"
	"        text: Is there a written recovery plan with named owners?\n"
	"        answers: yes-no\n"
	"      - id: backup-drill\n"
	"        level: 3\n"
	"        text: Is a full recovery rehearsed every year, with lessons recorded?\n"
	"        answers: yes-no\n"
	"    recommendations:\n"
	"      - level: 0\n"
	"        text: Back up every critical system, starting with the ones services cannot run without.\n"
	"      - level: 1\n"
	"        text: Test restores and write the recovery plan down.\n"
	"      - level: 2\n"
	"        text: Rehearse a full recovery once a year.\n"
	"      - level: 3\n"
	"        text: Keep rehearsing; share what you learn with partners.\n"
	"  - id: access\n"
	"    title: Access & identity <MFA, SSO>\n"
	"    questions:\n"
	"      - id: access-mfa\n"
	"        level: 1\n"
	"        weight: 3\n"
	"        text: What share of staff accounts use multi-factor authentication?\n"
	"        answers: coverage\n"
	"        red_flag: [none, few]\n"
	"      - id: access-leavers\n"
	"        level: 2\n"
	"        text: Are leavers' accounts closed within one working day?\n"
	"        answers: yes-no\n"
	"      - id: access-review\n"
	"        level: 3\n"
	"        text: Are privileged accounts reviewed every quarter?\n"
	"        answers: yes-no\n"
	"        red_flag: [\"no\"]\n"
	"    recommendations:\n"
	"      - level: 1\n"
	"        text: Close leavers' accounts within a day of their leaving.\n"
	"  - id: network\n"
	"    title: Network and WiFi\n"
	"    questions:\n"
	"      - id: network-coverage\n"
	"        level: 1\n"
	"        text: What share of sites have reliable staff WiFi?\n"
	"        answers: coverage\n"
	"      - id: network-guest\n"
	"        level: 2\n"
	"        text: Is guest WiFi kept apart from the staff network?\n"
	"        answers: yes-no\n"
	"        allow_na: true\n"
	"      - id: network-monitoring\n"
	"        level: 3\n"
	"        text: Is network performance monitored, with alerts?\n"
	"        answers: yes-no\n"
	"  - id: policy\n"
	"    title: Policies and processes\n"
	"    weight: 1\n"
	"    questions:\n"
	"      - id: policy-security\n"
	"        level: 1\n"
	"        text: Is there an approved information security policy?\n"
	"        answers: yes-no\n"
	"      - id: policy-known\n"
	"        level: 2\n"
	"        text: What share of staff have read and accepted it this year?\n"
	"        answers: coverage\n"
	"      - id: policy-review\n"
	"        level: 3\n"
	"        text: Are policies reviewed on a schedule and the reviews recorded?\n"
	"        answers: yes-no\n"
	"        allow_na: true\n"
	"    recommendations:\n"
	"      - level: 0\n"
	"        text: Write and approve an information security policy.\n";


/* The first occurrence of the C string pat in s[0..n), or NULL. */
static const char *find(const char *s, size_t n, const char *pat)
{
	size_t k = strlen(pat), i;

	for (i = 0; i + k <= n; i++)
		if (!memcmp(s + i, pat, k))
			return s + i;
	return NULL;
}

static const ys_questionnaire *questionnaire(void)
{
	static ys_questionnaire *q;     /* loaded once, kept for the process */
	static bool tried;
	ys_diags d = {0};

	if (tried)
		return q;
	tried = true;
	/* Fixed times, so that merging twice writes the same bytes. */
	setenv("YARDSTICK_NOW", "2026-11-21T10:00:00Z", 1);
	q = ys_questionnaire_load_mem(questionnaire_yaml,
				      sizeof(questionnaire_yaml) - 1,
				      "small-test.yaml", &d);
	if (!q)
		ys_diags_print(&d, stderr, "fuzz_merge");
	ys_diags_free(&d);
	FUZZ_CHECK(q != NULL);
	return q;
}

static void check_refusal(const ys_diags *d)
{
	FUZZ_CHECK(d->count > 0);
	FUZZ_CHECK(d->exit_code == 65 || d->exit_code == 70);
}

/* Adds one file as cmd_merge.c does; false when it is refused. */
static bool add(ys_merge *m, const ys_questionnaire *q, const char *buf,
		size_t len, const char *name, bool same_identity)
{
	ys_diags d = {0};
	ys_answers *a = ys_answers_read_mem(buf, len, name, &d);
	bool ok = false;

	if (!a) {
		check_refusal(&d);
		ys_diags_free(&d);
		return false;
	}
	if (same_identity) {
		FUZZ_CHECK(ys_answers_set_string(&a->q_id, q->id));
		FUZZ_CHECK(ys_answers_set_string(&a->q_version, q->version));
		FUZZ_CHECK(ys_answers_set_string(&a->q_sha256, q->sha256));
	}
	if (ys_merge_check(m, a, name, &d) && ys_answers_bind(a, q, name, &d) &&
	    ys_merge_add(m, a, name, &d))
		ok = true;
	else
		check_refusal(&d);
	ys_answers_free(a);
	ys_diags_free(&d);
	return ok;
}

static bool is_participant(const ys_answers *a, const char *name)
{
	size_t i;

	for (i = 0; i < a->n_participants; i++)
		if (!strcmp(a->participants[i], name))
			return true;
	return false;
}

static void check_merged(const ys_questionnaire *q, const ys_answers *a,
			 const ys_merge_summary *sum)
{
	size_t i, k;

	FUZZ_CHECK(a->mode == YS_MODE_WORKSHOP);
	FUZZ_CHECK(a->n_bound == q->n_questions);
	FUZZ_CHECK(a->n_participants == sum->n_participants);
	FUZZ_CHECK(sum->n_questions == q->n_questions);
	FUZZ_CHECK(sum->n_contested <= sum->n_voted);
	for (i = 0; i < a->n_responses; i++) {
		const ys_response *r = &a->responses[i];

		FUZZ_CHECK(!r->contested || r->n_votes > 0);
		for (k = 0; k < r->n_votes; k++) {
			FUZZ_CHECK(is_participant(a, r->votes[k].participant));
			FUZZ_CHECK(r->votes[k].choice.kind != YS_ANS_NONE);
		}
	}
}

/* Writes a, reads it back and binds it; returns the text (caller frees). */
static char *round_trip(const ys_questionnaire *q, const ys_answers *a,
			size_t *len)
{
	ys_diags d = {0};
	ys_answers *b;
	char *s1, *s2;
	size_t n2;

	s1 = ys_answers_to_string(a, len);
	FUZZ_CHECK(s1 != NULL);
	b = ys_answers_read_mem(s1, *len, "merged.yaml", &d);
	if (!b || !ys_answers_bind(b, q, "merged.yaml", &d)) {
		d.src = s1;
		d.src_len = *len;
		ys_diags_print(&d, stderr, "merged");
		fprintf(stderr, "--- merged ---\n%.*s", (int)*len, s1);
	}
	FUZZ_CHECK(b != NULL && d.count == 0);
	s2 = ys_answers_to_string(b, &n2);
	FUZZ_CHECK(s2 != NULL && n2 == *len && !memcmp(s1, s2, n2));
	ys_free(s2);
	ys_answers_free(b);
	ys_diags_free(&d);
	return s1;
}

/* Merging the merged file alone gives it back. */
static void check_remerge(const ys_questionnaire *q, const char *text,
			  size_t len)
{
	ys_merge *m = ys_merge_new(q);
	ys_merge_summary sum;
	ys_answers *again;
	char *s;
	size_t n;

	FUZZ_CHECK(m != NULL);
	FUZZ_CHECK(add(m, q, text, len, "merged.yaml", false));
	again = ys_merge_finish(m, &sum);
	FUZZ_CHECK(again != NULL);
	s = ys_answers_to_string(again, &n);
	FUZZ_CHECK(s != NULL);
	if (n != len || memcmp(s, text, n))
		fprintf(stderr, "--- merged ---\n%.*s--- merged again ---\n%.*s",
			(int)len, text, (int)n, s);
	FUZZ_CHECK(n == len && !memcmp(s, text, n));
	ys_free(s);
	ys_answers_free(again);
	ys_merge_free(m);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const ys_questionnaire *q = questionnaire();
	const char *buf = (const char *)data, *sep;
	const char *b2 = buf;
	size_t n1 = size, n2 = size;
	bool same = size & 1;
	ys_merge_summary sum;
	ys_answers *merged;
	ys_merge *m;
	bool ok1, ok2;
	char *text;
	size_t len;

	sep = find(buf, size, separator);
	if (sep) {
		n1 = (size_t)(sep - buf) + 1;   /* keeps the newline */
		b2 = sep + sizeof(separator) - 1;
		n2 = size - (size_t)(b2 - buf);
	}
	m = ys_merge_new(q);
	FUZZ_CHECK(m != NULL);
	ok1 = add(m, q, buf, n1, "one.yaml", same);
	ok2 = add(m, q, b2, n2, "two.yaml", same);
	if (ok1 || ok2) {
		merged = ys_merge_finish(m, &sum);
		FUZZ_CHECK(merged != NULL);
		FUZZ_CHECK(sum.n_files == (size_t)ok1 + (size_t)ok2);
		check_merged(q, merged, &sum);
		text = round_trip(q, merged, &len);
		if (merged->n_participants > 0)
			check_remerge(q, text, len);
		ys_free(text);
		ys_answers_free(merged);
	}
	ys_merge_free(m);
	return 0;
}
