/* store_tool: drives the answers store (src/store.c) the way the
 * interview does, for the crash and fault tests, without a terminal.
 *
 *   store_tool hold ANSWERS
 *       takes the lock, prints "locked PID", and holds it until standard
 *       input reaches end of file (or the process is killed).
 *   store_tool open ANSWERS
 *       takes the lock (which removes stale temporary files) and lets go.
 *   store_tool save QUESTIONNAIRE ANSWERS STEPS
 *       takes the lock, reads ANSWERS when it exists (else starts new
 *       answers) and carries on a fixed sequence of changes for STEPS
 *       more steps, saving after each. Step k answers question
 *       k mod n with option (k / n) mod its options and records "step k"
 *       in the note of the first question. After each save that succeeds
 *       it prints "saved k" (flushed): what a user would have been shown.
 *       On a failed save it prints "not saved k: MESSAGE" to standard
 *       error and exits with the store's exit code.
 *   store_tool check QUESTIONNAIRE ANSWERS
 *       reads ANSWERS, finds the step it records, checks that every
 *       answer is exactly what the sequence gives after that step, and
 *       prints "step k". Exits 65 when the file cannot be read or holds
 *       anything else.
 *
 * Exit codes are yardstick's (sysexits). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/common.h"
#include "yardstick/diag.h"
#include "yardstick/questionnaire.h"
#include "yardstick/store.h"

static int open_store(ys_store *s, const char *path)
{
	pid_t holder = 0;
	char *err = NULL;
	int rc = ys_store_open(s, path, &holder, &err);

	if (rc != 0) {
		fprintf(stderr, "store_tool: %s\n", err ? err : "cannot open");
		ys_free(err);
	}
	return rc;
}

static ys_questionnaire *load_q(const char *path)
{
	ys_diags d = {0};
	ys_questionnaire *q = ys_questionnaire_load_file(path, NULL, &d);

	if (!q)
		ys_diags_print(&d, stderr, "store_tool");
	ys_diags_free(&d);
	return q;
}

/* Reads and binds answers; NULL (with the diagnostics printed) on error. */
static ys_answers *read_bound(const char *path, const ys_questionnaire *q)
{
	ys_diags d = {0};
	ys_answers *a = ys_answers_read_file(path, &d);

	if (a && !ys_answers_bind(a, q, path, &d)) {
		ys_answers_free(a);
		a = NULL;
	}
	if (!a)
		ys_diags_print(&d, stderr, "store_tool");
	ys_diags_free(&d);
	return a;
}

/* The step recorded in a, or -1 when none. */
static long recorded_step(const ys_answers *a)
{
	const char *note = a->n_bound ? a->responses[0].note : NULL;

	if (!note || strncmp(note, "step ", 5) != 0)
		return -1;
	return strtol(note + 5, NULL, 10);
}

/* Applies step k of the sequence to a. */
static bool apply(ys_answers *a, const ys_questionnaire *q, long k)
{
	size_t i = (size_t)k % q->n_questions;
	const ys_question *qn = &q->questions[i];
	ys_choice c = { YS_ANS_OPTION, (int)(((size_t)k / q->n_questions) %
					     qn->n_options) };
	char note[32];

	snprintf(note, sizeof(note), "step %ld", k);
	return ys_answers_set_choice(a, q, i, c) &&
	       ys_answers_set_note(a, 0, note);
}

static int cmd_save(const char *qpath, const char *path, long steps)
{
	ys_questionnaire *q = load_q(qpath);
	ys_answers *a = NULL;
	ys_store s;
	struct stat st;
	long k, start;
	int rc;

	if (!q)
		return YS_EX_DATAERR;
	rc = open_store(&s, path);
	if (rc != 0) {
		ys_questionnaire_free(q);
		return rc;
	}
	if (stat(path, &st) == 0) {
		a = read_bound(path, q);
		if (!a) {
			rc = YS_EX_DATAERR;
			goto out;
		}
	} else {
		a = ys_answers_new(q);
		if (!a) {
			rc = YS_EX_SOFTWARE;
			goto out;
		}
	}
	start = recorded_step(a) + 1;
	for (k = start; k < start + steps; k++) {
		char *err = NULL;

		if (!apply(a, q, k)) {
			rc = YS_EX_SOFTWARE;
			break;
		}
		rc = ys_store_save(&s, a, &err);
		if (rc != 0) {
			fprintf(stderr, "not saved %ld: %s\n", k,
				err ? err : "no message");
			ys_free(err);
			break;
		}
		printf("saved %ld\n", k);
		fflush(stdout);
	}
out:
	ys_answers_free(a);
	ys_store_close(&s);
	ys_questionnaire_free(q);
	return rc;
}

static int cmd_check(const char *qpath, const char *path)
{
	ys_questionnaire *q = load_q(qpath);
	ys_answers *a, *want = NULL;
	int rc = YS_EX_DATAERR;
	long k, step;
	size_t i;

	if (!q)
		return YS_EX_DATAERR;
	a = read_bound(path, q);
	if (!a)
		goto out;
	step = recorded_step(a);
	if (step < 0) {
		fprintf(stderr, "store_tool: %s records no step\n", path);
		goto out;
	}
	want = ys_answers_new(q);
	for (k = 0; want && k <= step; k++)
		if (!apply(want, q, k))
			break;
	if (!want || k <= step) {
		rc = YS_EX_SOFTWARE;
		goto out;
	}
	for (i = 0; i < q->n_questions; i++) {
		const ys_response *x = &a->responses[i], *y = &want->responses[i];

		if (x->choice.kind != y->choice.kind ||
		    x->choice.option != y->choice.option) {
			fprintf(stderr, "store_tool: %s: question %s does not hold "
				"the answer of step %ld\n", path, q->questions[i].id,
				step);
			goto out;
		}
	}
	printf("step %ld\n", step);
	rc = 0;
out:
	ys_answers_free(want);
	ys_answers_free(a);
	ys_questionnaire_free(q);
	return rc;
}

int main(int argc, char **argv)
{
	ys_store s;
	int rc;

	if (argc == 3 && !strcmp(argv[1], "hold")) {
		char buf[64];

		rc = open_store(&s, argv[2]);
		if (rc != 0)
			return rc;
		printf("locked %ld\n", (long)getpid());
		fflush(stdout);
		while (fread(buf, 1, sizeof(buf), stdin) > 0)
			;
		ys_store_close(&s);
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "open")) {
		rc = open_store(&s, argv[2]);
		if (rc == 0)
			ys_store_close(&s);
		return rc;
	}
	if (argc == 5 && !strcmp(argv[1], "save"))
		return cmd_save(argv[2], argv[3], strtol(argv[4], NULL, 10));
	if (argc == 4 && !strcmp(argv[1], "check"))
		return cmd_check(argv[2], argv[3]);
	fputs("usage: store_tool hold|open ANSWERS\n"
	      "       store_tool save QUESTIONNAIRE ANSWERS STEPS\n"
	      "       store_tool check QUESTIONNAIRE ANSWERS\n", stderr);
	return YS_EX_USAGE;
}
