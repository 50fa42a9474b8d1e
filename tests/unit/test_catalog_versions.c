/* The catalog's versions (DESIGN section 2): the bundled questionnaires
 * keep their earlier released versions built in, read-only, and an
 * answers file is scored against the version whose sha256 it records,
 * else against the newest.
 *
 * Every test runs with an empty $YARDSTICK_PATH and a private
 * $XDG_DATA_HOME, so only the built-ins (and folders a test makes) are
 * found. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "yardstick/catalog.h"
#include "yardstick/questionnaire.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

/* The released 2026.1 files, as answers files made with them record
 * them. An archived version is kept byte for byte: if one of these
 * changes, every answers file made with it stops finding its version. */
static const struct {
	const char *id;
	const char *sha256;
} released[] = {
	{"public-sector-digital-maturity",
	 "dafaf274e8ca20c64f7ff5a19b5a2caf15b9f47fe48e32265a8b907e4f9228b9"},
	{"remote-working-readiness",
	 "89241c665d4d63c3e61355d11018361677e5659faade2e793b2d639f697488cb"},
	{"ai-and-data-readiness",
	 "d87fdf6b0284564830ec57f98ebcf6f826b0ec077b5c444b6b12bf96fcc302b0"},
};

#define OLD_VERSION "2026.1"
#define NEW_VERSION "2027.1"

static char xdg[] = "/tmp/ys-catalog-xdg-XXXXXX";

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(xdg))
		return -1;
	if (setenv("YARDSTICK_PATH", "", 1) || setenv("XDG_DATA_HOME", xdg, 1))
		return -1;
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return rmdir(xdg);
}

static const ys_builtin *builtin(const char *id, const char *version)
{
	const ys_builtin *b;

	for (b = ys_builtins; b->id; b++)
		if (!strcmp(b->id, id) && !strcmp(b->version, version))
			return b;
	return NULL;
}

static void test_version_order(void **state)
{
	(void)state;
	assert_true(ys_version_cmp("2026.1", "2027.1") < 0);
	assert_true(ys_version_cmp("2027.1", "2026.1") > 0);
	assert_true(ys_version_cmp("2026.9", "2026.10") < 0);
	assert_true(ys_version_cmp("1.0", "1.1") < 0);
	assert_true(ys_version_cmp("1.1", "1.1") == 0);
	assert_true(ys_version_cmp("2026.01", "2026.1") == 0);
	assert_true(ys_version_cmp("2026.1", "2026.1.1") < 0);
	assert_true(ys_version_cmp("2026.1-rc", "2026.1") > 0);
	assert_true(ys_version_cmp("", "1") < 0);
}

/* Each bundled id is built in twice: the current version, which is the
 * newest, and the released 2026.1 one, archived, whose bytes have not
 * changed since its release. */
static void test_builtin_versions(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(released); i++) {
		const ys_builtin *cur = builtin(released[i].id, NEW_VERSION);
		const ys_builtin *old = builtin(released[i].id, OLD_VERSION);
		ys_diags d = {0};
		ys_questionnaire *q;

		if (!cur || !old) {
			fail_msg("%s is not built in at both versions", released[i].id);
			return;
		}
		assert_false(cur->archived);
		assert_true(old->archived);
		assert_true(ys_version_cmp(cur->version, old->version) > 0);
		q = ys_questionnaire_load_mem(old->data, old->len, "archived", &d);
		assert_non_null(q);
		assert_string_equal(q->id, released[i].id);
		assert_string_equal(q->version, OLD_VERSION);
		if (strcmp(q->sha256, released[i].sha256) != 0)
			fail_msg("the archived %s %s has changed: its sha256 is %s, "
				 "answers files made with it record %s", q->id,
				 q->version, q->sha256, released[i].sha256);
		ys_questionnaire_free(q);
		ys_diags_free(&d);
	}
}

/* A file that records the 2026.1 sha256 gets the 2026.1 version. */
static void test_recorded_sha_gets_archived(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < COUNT(released); i++) {
		ys_diags d = {0};
		ys_questionnaire *q = ys_catalog_load_recorded(released[i].id,
							       released[i].sha256, &d);
		char source[160];

		assert_non_null(q);
		assert_int_equal(d.count, 0);
		assert_string_equal(q->version, OLD_VERSION);
		assert_string_equal(q->sha256, released[i].sha256);
		snprintf(source, sizeof(source), "builtin:%s@%s", released[i].id,
			 OLD_VERSION);
		assert_string_equal(q->source, source);
		ys_questionnaire_free(q);
		ys_diags_free(&d);
	}
}

/* No sha256, an empty one or one that matches nothing: the newest. */
static void test_no_sha_gets_newest(void **state)
{
	static const char *const shas[] = {
		NULL, "",
		"0000000000000000000000000000000000000000000000000000000000000000",
	};
	size_t i, k;

	(void)state;
	for (i = 0; i < COUNT(released); i++) {
		for (k = 0; k < COUNT(shas); k++) {
			ys_diags d = {0};
			ys_questionnaire *q = ys_catalog_load_recorded(released[i].id,
								       shas[k], &d);
			char source[160];

			assert_non_null(q);
			assert_string_equal(q->version, NEW_VERSION);
			snprintf(source, sizeof(source), "builtin:%s", released[i].id);
			assert_string_equal(q->source, source);
			ys_questionnaire_free(q);
			ys_diags_free(&d);
		}
		/* An id alone is the newest too. */
		{
			ys_diags d = {0};
			ys_questionnaire *q = ys_catalog_load(released[i].id, &d);

			assert_non_null(q);
			assert_string_equal(q->version, NEW_VERSION);
			ys_questionnaire_free(q);
			ys_diags_free(&d);
		}
	}
}

/* An unknown id is still the lookup's error (exit 66), sha256 or not. */
static void test_recorded_unknown_id(void **state)
{
	ys_diags d = {0};

	(void)state;
	assert_null(ys_catalog_load_recorded("no-such-questionnaire",
					     released[0].sha256, &d));
	assert_int_equal(d.exit_code, 66);
	ys_diags_free(&d);
	assert_null(ys_catalog_find_sha256(released[0].id, NULL));
	assert_null(ys_catalog_find_sha256(released[0].id, ""));
}

static void write_file(const char *path, const char *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fwrite(data, 1, len, f), len);
	assert_int_equal(fclose(f), 0);
}

/* The archived version cannot be replaced: an edited copy of it, with the
 * same id and version, in a folder searched before the built-ins, is what
 * a plain id finds, but a file recording the released sha256 still gets
 * the built-in bytes; the edited copy is found only by its own sha256. */
static void test_archive_not_replaced(void **state)
{
	const ys_builtin *old = builtin(released[0].id, OLD_VERSION);
	char dir[] = "/tmp/ys-catalog-XXXXXX";
	char path[256];
	char *copy;
	const char *title;
	ys_diags d = {0};
	ys_questionnaire *q;
	char edited_sha[65];

	(void)state;
	if (!old) {
		fail_msg("%s %s is not built in", released[0].id, OLD_VERSION);
		return;
	}
	assert_non_null(mkdtemp(dir));
	copy = malloc(old->len + 1);
	if (!copy) {
		fail_msg("out of memory");
		return;
	}
	memcpy(copy, old->data, old->len + 1);
	title = strstr(copy, "\ntitle: ");
	if (!title) {
		fail_msg("no title line in %s %s", released[0].id, OLD_VERSION);
		return;
	}
	copy[title - copy + 8] = 'X';   /* the title's first letter */
	snprintf(path, sizeof(path), "%s/%s.yaml", dir, released[0].id);
	write_file(path, copy, old->len);
	free(copy);
	assert_int_equal(setenv("YARDSTICK_PATH", dir, 1), 0);

	q = ys_catalog_load(released[0].id, &d);
	assert_non_null(q);
	assert_string_equal(q->source, path);
	assert_string_equal(q->version, OLD_VERSION);
	assert_string_not_equal(q->sha256, released[0].sha256);
	memcpy(edited_sha, q->sha256, sizeof(edited_sha));
	ys_questionnaire_free(q);

	q = ys_catalog_load_recorded(released[0].id, released[0].sha256, &d);
	assert_non_null(q);
	assert_string_equal(q->sha256, released[0].sha256);
	assert_string_equal(q->source, "builtin:" "public-sector-digital-maturity"
			    "@" OLD_VERSION);
	assert_true(q->title[0] != 'X');
	ys_questionnaire_free(q);

	q = ys_catalog_load_recorded(released[0].id, edited_sha, &d);
	assert_non_null(q);
	assert_string_equal(q->source, path);
	ys_questionnaire_free(q);

	assert_int_equal(setenv("YARDSTICK_PATH", "", 1), 0);
	assert_int_equal(d.count, 0);
	ys_diags_free(&d);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* A folder copy with the released bytes comes first in lookup order, and
 * a broken file beside it does not stop the search. */
static void test_folder_copy_and_broken_file(void **state)
{
	const ys_builtin *old = builtin(released[1].id, OLD_VERSION);
	char dir[] = "/tmp/ys-catalog-XXXXXX";
	char path[256], broken[256];
	ys_diags d = {0};
	ys_questionnaire *q;

	(void)state;
	if (!old) {
		fail_msg("%s %s is not built in", released[1].id, OLD_VERSION);
		return;
	}
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/last-year.yaml", dir);
	write_file(path, old->data, old->len);
	snprintf(broken, sizeof(broken), "%s/%s.yaml", dir, released[2].id);
	write_file(broken, "yardstick: [\n", 13);
	assert_int_equal(setenv("YARDSTICK_PATH", dir, 1), 0);

	q = ys_catalog_load_recorded(released[1].id, released[1].sha256, &d);
	assert_non_null(q);
	assert_string_equal(q->source, path);
	assert_string_equal(q->version, OLD_VERSION);
	ys_questionnaire_free(q);
	q = ys_catalog_load_recorded(released[2].id, released[2].sha256, &d);
	assert_non_null(q);
	assert_string_equal(q->version, OLD_VERSION);
	ys_questionnaire_free(q);
	assert_int_equal(d.count, 0);

	assert_int_equal(setenv("YARDSTICK_PATH", "", 1), 0);
	ys_diags_free(&d);
	assert_int_equal(unlink(path), 0);
	assert_int_equal(unlink(broken), 0);
	assert_int_equal(rmdir(dir), 0);
}

/* The list shows each id once, at its newest, and notes the archived
 * versions. */
static void test_list_each_id_once(void **state)
{
	ys_catalog_entry *e;
	size_t n, i, k, seen;

	(void)state;
	assert_true(ys_catalog_list(&e, &n));
	for (i = 0; i < COUNT(released); i++) {
		seen = 0;
		for (k = 0; k < n; k++) {
			if (strcmp(e[k].id, released[i].id) != 0)
				continue;
			seen++;
			assert_true(e[k].valid);
			assert_string_equal(e[k].version, NEW_VERSION);
			assert_string_equal(e[k].source, "built-in");
			assert_non_null(e[k].archived);
			assert_string_equal(e[k].archived, OLD_VERSION);
		}
		assert_int_equal(seen, 1);
	}
	ys_catalog_list_free(e, n);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_version_order),
		cmocka_unit_test(test_builtin_versions),
		cmocka_unit_test(test_recorded_sha_gets_archived),
		cmocka_unit_test(test_no_sha_gets_newest),
		cmocka_unit_test(test_recorded_unknown_id),
		cmocka_unit_test(test_archive_not_replaced),
		cmocka_unit_test(test_folder_copy_and_broken_file),
		cmocka_unit_test(test_list_each_id_once),
	};

	return cmocka_run_group_tests(tests, setup, teardown);
}
