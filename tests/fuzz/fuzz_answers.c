/* Fuzz target: the answers file reader and the canonical writer.
 *
 * Any input must either be read or be refused with at least one
 * diagnostic and a non-zero exit code. What is read must survive a round
 * trip: write it, read that back, write again, and the two writes must be
 * byte-identical. When the answers also bind to the default built-in
 * questionnaire, the same holds for the bound (questionnaire-ordered)
 * form. */
#include <string.h>

#include "fuzz.h"
#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/catalog.h"
#include "yardstick/diag.h"

/* The questionnaire answers are bound to: loaded once, kept for the
 * process (reachable, so not a leak). NULL if it fails to load. */
static const ys_questionnaire *default_questionnaire(void)
{
	static ys_questionnaire *q;
	static bool tried;
	ys_diags d = {0};
	size_t i;

	if (tried)
		return q;
	tried = true;
	for (i = 0; ys_builtins[i].id; i++) {
		if (strcmp(ys_builtins[i].id, YS_DEFAULT_QUESTIONNAIRE) != 0)
			continue;
		q = ys_questionnaire_load_mem(ys_builtins[i].data,
					      ys_builtins[i].len,
					      "builtin", &d);
		break;
	}
	ys_diags_free(&d);
	return q;
}

/* Writes a, reads the text back (which must succeed), writes that, and
 * checks both texts are the same bytes. With q, the copy read back is
 * bound to q before it is written. */
static void check_round_trip(const ys_answers *a, const ys_questionnaire *q)
{
	ys_diags d = {0};
	ys_answers *b;
	char *s1, *s2;
	size_t n1, n2;

	s1 = ys_answers_to_string(a, &n1);
	FUZZ_CHECK(s1 != NULL);
	b = ys_answers_read_mem(s1, n1, "written.yaml", &d);
	if (!b) {
		d.src = s1;
		d.src_len = n1;
		ys_diags_print(&d, stderr, "round trip");
		fprintf(stderr, "--- written text ---\n%.*s", (int)n1, s1);
	}
	FUZZ_CHECK(b != NULL);
	if (q)
		FUZZ_CHECK(ys_answers_bind(b, q, "written.yaml", &d));
	FUZZ_CHECK(d.count == 0);
	s2 = ys_answers_to_string(b, &n2);
	FUZZ_CHECK(s2 != NULL);
	if (n1 != n2 || memcmp(s1, s2, n1) != 0)
		fprintf(stderr, "--- first write ---\n%.*s--- second write ---\n%.*s",
			(int)n1, s1, (int)n2, s2);
	FUZZ_CHECK(n1 == n2 && memcmp(s1, s2, n1) == 0);
	ys_free(s1);
	ys_free(s2);
	ys_answers_free(b);
	ys_diags_free(&d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const ys_questionnaire *q = default_questionnaire();
	ys_diags d = {0};
	ys_answers *a;

	a = ys_answers_read_mem((const char *)data, size, "fuzz.yaml", &d);
	if (!a) {
		FUZZ_CHECK(d.count > 0);
		FUZZ_CHECK(d.exit_code != 0);
		ys_diags_free(&d);
		return 0;
	}
	FUZZ_CHECK(d.count == 0);
	check_round_trip(a, NULL);
	if (q && ys_answers_bind(a, q, "fuzz.yaml", &d))
		check_round_trip(a, q);
	ys_answers_free(a);
	ys_diags_free(&d);
	return 0;
}
