/* Unit tests for paths recorded in answers files and printed in
 * commands (path.h). Run from the tests folder (meson sets it). */
#include <errno.h>
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <cmocka.h>

#include "testutil.h"

#include "yardstick/alloc.h"
#include "yardstick/path.h"

static void check(char *got, const char *want)
{
	assert_non_null(got);
	assert_string_equal(got, want);
	ys_free(got);
}

static void test_dir_and_join(void **state)
{
	(void)state;
	check(ys_path_dir("a.yaml"), ".");
	check(ys_path_dir("a/b.yaml"), "a");
	check(ys_path_dir("../x/y/b.yaml"), "../x/y");
	check(ys_path_dir("a//b.yaml"), "a");
	check(ys_path_dir("/b.yaml"), "/");
	check(ys_path_dir("/x/b.yaml"), "/x");
	check(ys_path_dir("./b.yaml"), ".");
	check(ys_path_join(".", "../q.yaml"), "../q.yaml");
	check(ys_path_join("a", "../q.yaml"), "a/../q.yaml");
	check(ys_path_join("a/", "q.yaml"), "a/q.yaml");
	check(ys_path_join("/", "q.yaml"), "/q.yaml");
	check(ys_path_join("a/b", "/abs/q.yaml"), "/abs/q.yaml");
	check(ys_path_in_answers("../elsewhere/q.yaml", "work/fs.yaml"),
	      "work/../elsewhere/q.yaml");
	check(ys_path_in_answers("q.yaml", "fs.yaml"), "q.yaml");
}

static void test_relative(void **state)
{
	(void)state;
	check(ys_path_relative("/a/b/q.yaml", "/a/b"), "q.yaml");
	check(ys_path_relative("/a/elsewhere/q.yaml", "/a/work"), "../elsewhere/q.yaml");
	check(ys_path_relative("/a/q.yaml", "/a/b/c"), "../../q.yaml");
	check(ys_path_relative("/a/b/c/q.yaml", "/a"), "b/c/q.yaml");
	check(ys_path_relative("/q.yaml", "/"), "q.yaml");
	check(ys_path_relative("/tmp/q.yaml", "/home/u"), "../../tmp/q.yaml");
	check(ys_path_relative("/a/b", "/a/b"), ".");
	check(ys_path_relative("/a", "/a/b"), "..");
	/* A shared prefix is not a shared folder. */
	check(ys_path_relative("/ab/q.yaml", "/a"), "../ab/q.yaml");
	check(ys_path_relative("/a/q.yaml", "/ab"), "../a/q.yaml");
	check(ys_path_relative("/a b/q 1.yaml", "/a b/c d"), "../q 1.yaml");
}

/* Real files: the recorded path, resolved from the answers file's
 * folder, names the questionnaire from any current folder. */
static void test_from_answers(void **state)
{
	char tmpl[] = "/tmp/yardstick-path-XXXXXX", cwd[PATH_MAX], p[PATH_MAX + 64];
	char *base = mkdtemp(tmpl), *rel, *back;
	FILE *f;

	(void)state;
	assert_non_null(base);
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	snprintf(p, sizeof(p), "%s/elsewhere", base);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/work", base);
	assert_int_equal(mkdir(p, 0700), 0);
	snprintf(p, sizeof(p), "%s/elsewhere/my q.yaml", base);
	f = fopen(p, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(chdir(base), 0);
	/* The answers file need not exist; the questionnaire must. */
	check(ys_path_from_answers("elsewhere/my q.yaml", "work/fs.yaml"),
	      "../elsewhere/my q.yaml");
	assert_int_equal(chdir("work"), 0);
	rel = ys_path_from_answers("../elsewhere/my q.yaml", "fs.yaml");
	check(ys_path_from_answers("../elsewhere/./my q.yaml", "../work/fs.yaml"),
	      "../elsewhere/my q.yaml");
	assert_non_null(rel);
	assert_string_equal(rel, "../elsewhere/my q.yaml");
	/* From another folder, the path is found through the answers file. */
	assert_int_equal(chdir(".."), 0);
	back = ys_path_in_answers(rel, "work/fs.yaml");
	assert_non_null(back);
	assert_int_equal(access(back, F_OK), 0);
	ys_free(back);
	ys_free(rel);
	errno = 0;
	assert_null(ys_path_from_answers("elsewhere/missing.yaml", "work/fs.yaml"));
	assert_int_equal(errno, ENOENT);
	assert_null(ys_path_from_answers("elsewhere/my q.yaml", "no-folder/fs.yaml"));
	assert_int_equal(errno, ENOENT);
	snprintf(p, sizeof(p), "%s/elsewhere/my q.yaml", base);
	unlink(p);
	snprintf(p, sizeof(p), "%s/elsewhere", base);
	rmdir(p);
	snprintf(p, sizeof(p), "%s/work", base);
	rmdir(p);
	assert_int_equal(chdir(cwd), 0);
	rmdir(base);
}

/* Each word, given to sh as printed, is one argument equal to the
 * string (with "./" before a leading '-'). */
static void test_shell_word(void **state)
{
	static const char *const words[] = {
		"fs.yaml", "../elsewhere/q.yaml", "my answers.yaml", "it's.yaml",
		"a'b'c", "'", "$HOME", "$(echo x)", "`x`", "a;b", "a|b", "a&b",
		"*.yaml", "?", "[a]", "~/x", "a\\b", "\"q\"", "x#y", "#x", "!x",
		"caf\xC3\xA9", "-o.yaml", "-", "a=b", "%@+,:.", "tab\tx", "",
	};
	size_t i;

	(void)state;
	check(ys_shell_word("fs.yaml"), "fs.yaml");
	check(ys_shell_word("../elsewhere/q-1_2.yaml"), "../elsewhere/q-1_2.yaml");
	check(ys_shell_word("my q.yaml"), "'my q.yaml'");
	check(ys_shell_word("it's"), "'it'\\''s'");
	check(ys_shell_word("-x.yaml"), "./-x.yaml");
	check(ys_shell_word("-x y"), "./'-x y'");
	check(ys_shell_word(""), "''");
	for (i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		char *w = ys_shell_word(words[i]), cmd[512], out[512];
		const char *want = words[i];
		char expect[512];
		FILE *p;
		size_t n;

		assert_non_null(w);
		snprintf(cmd, sizeof(cmd), "printf '%%s' %s", w);
		p = popen(cmd, "r");
		assert_non_null(p);
		n = fread(out, 1, sizeof(out) - 1, p);
		out[n] = '\0';
		assert_int_equal(pclose(p), 0);
		snprintf(expect, sizeof(expect), "%s%s", want[0] == '-' ? "./" : "", want);
		assert_string_equal(out, expect);
		ys_free(w);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_dir_and_join),
		cmocka_unit_test(test_relative),
		cmocka_unit_test(test_from_answers),
		cmocka_unit_test(test_shell_word),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
