/* Unit tests for the answers stream: results in list order whatever
 * thread read them, each file's problems with that file, the read-ahead
 * window, closing early, inline mode, and allocation failure at every
 * step. The files are written to a fresh folder under /tmp. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "yardstick/alloc.h"
#include "yardstick/answers_stream.h"

#define MAX_FILES 200

typedef enum kind {
	GOOD,           /* reads and binds */
	BROKEN,         /* a YAML syntax error: not read */
	MISSING,        /* no such file */
	BAD_KEY,        /* reads, but an answer key the questionnaire lacks */
} kind;

typedef struct fixture {
	char dir[64];
	ys_questionnaire *q;
	char *paths[MAX_FILES];
	kind kinds[MAX_FILES];
	size_t n;
} fixture;

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	assert_true(fputs(text, f) >= 0);
	assert_int_equal(fclose(f), 0);
}

/* Adds file number n of the given kind; organisation "Org N" tells the
 * files apart. */
static void add_file(fixture *fx, kind k)
{
	char path[128], text[1024];
	size_t n = fx->n;

	assert_true(n < MAX_FILES);
	snprintf(path, sizeof(path), "%s/f%03zu.yaml", fx->dir, n);
	snprintf(text, sizeof(text),
		 "yardstick-answers: 1\n"
		 "questionnaire: {id: mini, version: \"2026.1\", sha256: %s}\n"
		 "organisation: Org %zu\n"
		 "assessors: [P%zu]\n"
		 "mode: interview\n"
		 "created: 2026-11-21T10:00:00Z\n"
		 "updated: 2026-11-21T10:41:07Z\n"
		 "answers:\n"
		 "  cyber-mfa: {answer: %s}\n"
		 "  data-dpo: {answer: \"yes\"%s\n",
		 fx->q->sha256, n, n, k == BAD_KEY ? "sometimes" : "partly",
		 k == BROKEN ? "" : "}");
	if (k != MISSING)
		write_file(path, text);
	fx->paths[n] = strdup(path);
	assert_non_null(fx->paths[n]);
	fx->kinds[n] = k;
	fx->n++;
}

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof(*fx));
	ys_diags d = {0};

	assert_non_null(fx);
	strcpy(fx->dir, "/tmp/ys-stream-XXXXXX");
	assert_non_null(mkdtemp(fx->dir));
	fx->q = ys_questionnaire_load_file("data/mini-questionnaire.yaml", NULL, &d);
	assert_non_null(fx->q);
	ys_diags_free(&d);
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	size_t i;

	for (i = 0; i < fx->n; i++) {
		unlink(fx->paths[i]);
		free(fx->paths[i]);
	}
	rmdir(fx->dir);
	ys_questionnaire_free(fx->q);
	free(fx);
	return 0;
}

static const char *const *paths(const fixture *fx)
{
	return (const char *const *)fx->paths;
}

/* Checks item i against the file it should come from. */
static void check_item(const fixture *fx, const ys_answers_item *it, size_t i,
		       bool bound)
{
	char org[32];

	assert_int_equal(it->index, i);
	assert_string_equal(it->path, fx->paths[i]);
	switch (fx->kinds[i]) {
	case GOOD:
	case BAD_KEY:
		assert_non_null(it->a);
		snprintf(org, sizeof(org), "Org %zu", i);
		assert_string_equal(it->a->organisation, org);
		assert_int_equal(it->bound, bound);
		if (!bound || fx->kinds[i] == GOOD) {
			assert_int_equal(it->diags.count, 0);
			assert_int_equal(it->bind_ok, bound);
			break;
		}
		/* The binding's problem, about this file. */
		assert_false(it->bind_ok);
		assert_int_equal(it->diags.count, 1);
		assert_int_equal(it->diags.exit_code, YS_EX_DATAERR);
		assert_string_equal(it->diags.items[0].file, fx->paths[i]);
		assert_non_null(strstr(it->diags.items[0].message, "sometimes"));
		assert_int_equal(it->a->responses[0].choice.kind, YS_ANS_NONE);
		break;
	case BROKEN:
	case MISSING:
		assert_null(it->a);
		assert_false(it->bound);
		assert_int_equal(it->diags.count, 1);
		assert_int_equal(it->diags.exit_code, fx->kinds[i] == BROKEN
				 ? YS_EX_DATAERR : YS_EX_NOINPUT);
		assert_string_equal(it->diags.items[0].file, fx->paths[i]);
		break;
	}
}

/* Reads the whole list and checks every item in order. */
static void read_all(const fixture *fx, int threads, size_t window,
		     bool bind)
{
	ys_answers_stream *s;
	ys_answers_item it;
	size_t i = 0;

	s = ys_answers_stream_open(paths(fx), fx->n, bind ? fx->q : NULL,
				   threads, window);
	assert_non_null(s);
	if (threads >= 0)
		assert_int_equal(ys_answers_stream_threads(s), threads);
	while (ys_answers_stream_next(s, &it)) {
		check_item(fx, &it, i++, bind);
		ys_answers_item_free(&it);
	}
	assert_int_equal(i, fx->n);
	assert_null(it.a);
	/* Past the end it stays at the end. */
	assert_false(ys_answers_stream_next(s, &it));
	ys_answers_stream_close(s);
}

static void test_order(void **state)
{
	fixture *fx = *state;
	size_t i;

	for (i = 0; i < 120; i++)
		add_file(fx, GOOD);
	read_all(fx, 2, 4, true);
	read_all(fx, 1, 0, true);
	read_all(fx, 3, 1, false);
	read_all(fx, 0, 0, true);
	read_all(fx, YS_STREAM_AUTO, 0, true);
}

static void test_errors_in_order(void **state)
{
	static const kind pattern[] = {GOOD, BROKEN, BAD_KEY, MISSING, GOOD,
				       BAD_KEY, BAD_KEY, BROKEN, MISSING, GOOD};
	fixture *fx = *state;
	size_t i;

	for (i = 0; i < 60; i++)
		add_file(fx, pattern[i % YS_ARRAY_LEN(pattern)]);
	read_all(fx, 2, 3, true);
	read_all(fx, 0, 0, true);
	read_all(fx, 2, 8, false);
}

static void test_window(void **state)
{
	fixture *fx = *state;
	ys_answers_stream *s;
	ys_answers_item it;
	size_t i;

	for (i = 0; i < 20; i++)
		add_file(fx, GOOD);
	s = ys_answers_stream_open(paths(fx), fx->n, fx->q, 2, 4);
	assert_non_null(s);
	/* The workers stop when 4 files are read ahead... */
	assert_int_equal(ys_answers_stream_settle(s), 4);
	for (i = 0; i < 16; i++) {
		/* ...and read one more for each one handed out. */
		assert_true(ys_answers_stream_next(s, &it));
		check_item(fx, &it, i, true);
		ys_answers_item_free(&it);
		assert_int_equal(ys_answers_stream_settle(s), 4);
	}
	/* At the end of the list, fewer. */
	for (; i < 20; i++) {
		assert_true(ys_answers_stream_next(s, &it));
		check_item(fx, &it, i, true);
		ys_answers_item_free(&it);
		assert_int_equal(ys_answers_stream_settle(s), 19 - i);
	}
	assert_false(ys_answers_stream_next(s, &it));
	ys_answers_stream_close(s);

	/* A window larger than the list. */
	s = ys_answers_stream_open(paths(fx), 3, fx->q, 1, 0);
	assert_non_null(s);
	assert_int_equal(ys_answers_stream_settle(s), 3);
	ys_answers_stream_close(s);
}

static void test_early_close(void **state)
{
	fixture *fx = *state;
	ys_answers_stream *s;
	ys_answers_item it;
	size_t i;

	for (i = 0; i < 50; i++)
		add_file(fx, i % 7 == 3 ? BROKEN : GOOD);
	/* Closed at once, while the workers read. */
	s = ys_answers_stream_open(paths(fx), fx->n, fx->q, 2, 8);
	assert_non_null(s);
	ys_answers_stream_close(s);
	/* Closed with results waiting (the sanitizers check they are freed). */
	s = ys_answers_stream_open(paths(fx), fx->n, fx->q, 2, 8);
	assert_non_null(s);
	for (i = 0; i < 5; i++) {
		assert_true(ys_answers_stream_next(s, &it));
		check_item(fx, &it, i, true);
		ys_answers_item_free(&it);
	}
	assert_int_equal(ys_answers_stream_settle(s), 8);
	ys_answers_stream_close(s);
	/* Inline, stopped half way. */
	s = ys_answers_stream_open(paths(fx), fx->n, fx->q, 0, 0);
	assert_non_null(s);
	assert_true(ys_answers_stream_next(s, &it));
	ys_answers_item_free(&it);
	ys_answers_stream_close(s);
	ys_answers_stream_close(NULL);
	/* An empty list. */
	s = ys_answers_stream_open(paths(fx), 0, fx->q, 2, 0);
	assert_non_null(s);
	assert_false(ys_answers_stream_next(s, &it));
	ys_answers_stream_close(s);
}

/* Inline mode reads nothing before it is asked, on the caller's thread,
 * so it allocates exactly what reading the files one by one does. */
static void test_inline(void **state)
{
	fixture *fx = *state;
	ys_answers_stream *s;
	ys_answers_item it;
	long before, direct, streamed, threaded;
	size_t i;

	for (i = 0; i < 10; i++)
		add_file(fx, i == 4 ? BAD_KEY : GOOD);
	before = ys_alloc_count();
	for (i = 0; i < fx->n; i++) {
		ys_diags d = {0};
		ys_answers *a = ys_answers_read_file(fx->paths[i], &d);

		assert_non_null(a);
		assert_int_equal(ys_answers_bind(a, fx->q, fx->paths[i], &d),
				 i != 4);
		ys_answers_free(a);
		ys_diags_free(&d);
	}
	direct = ys_alloc_count() - before;

	before = ys_alloc_count();
	s = ys_answers_stream_open(paths(fx), fx->n, fx->q, 0, 0);
	assert_non_null(s);
	assert_int_equal(ys_answers_stream_threads(s), 0);
	assert_int_equal(ys_answers_stream_settle(s), 0);
	for (i = 0; i < fx->n; i++) {
		assert_true(ys_answers_stream_next(s, &it));
		check_item(fx, &it, i, true);
		ys_answers_item_free(&it);
		assert_int_equal(ys_answers_stream_settle(s), 0);
	}
	ys_answers_stream_close(s);
	streamed = ys_alloc_count() - before;
	/* The stream's own allocations: itself and its window. */
	assert_int_equal(streamed, direct + 2);

	/* Allocations on the workers are counted too, none lost. */
	before = ys_alloc_count();
	read_all(fx, 2, 2, true);
	threaded = ys_alloc_count() - before;
	assert_int_equal(threaded, streamed);
}

/* One pass over the files with allocation number i failing, inline.
 * Returns true when nothing failed. */
static bool stream_with_failure(const fixture *fx, long i)
{
	ys_answers_stream *s;
	ys_answers_item it;
	bool clean = true;
	size_t k = 0;

	ys_alloc_fail_after(i);
	s = ys_answers_stream_open(paths(fx), fx->n, fx->q, 0, 2);
	if (!s) {
		ys_alloc_fail_after(0);
		return false;
	}
	while (ys_answers_stream_next(s, &it)) {
		assert_int_equal(it.index, k);
		if (it.diags.exit_code == YS_EX_SOFTWARE) {
			/* Out of memory, said about this file. */
			clean = false;
			if (it.diags.count)
				assert_string_equal(it.diags.items[0].file,
						    fx->paths[k]);
		} else {
			check_item(fx, &it, k, true);
		}
		ys_answers_item_free(&it);
		k++;
	}
	ys_answers_stream_close(s);
	assert_int_equal(k, fx->n);
	ys_alloc_fail_after(0);
	return clean;
}

static void test_allocation_failures(void **state)
{
	fixture *fx = *state;
	long i, failed = 0;

	add_file(fx, GOOD);
	add_file(fx, BAD_KEY);
	add_file(fx, BROKEN);
	add_file(fx, GOOD);
	for (i = 1; i < 100000; i++) {
		if (stream_with_failure(fx, i))
			break;
		failed++;
	}
	assert_true(i < 100000);
	/* Every allocation up to the clean run failed once. */
	assert_true(failed > 20);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_errors_in_order, setup, teardown),
		cmocka_unit_test_setup_teardown(test_window, setup, teardown),
		cmocka_unit_test_setup_teardown(test_early_close, setup, teardown),
		cmocka_unit_test_setup_teardown(test_inline, setup, teardown),
		cmocka_unit_test_setup_teardown(test_allocation_failures, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
