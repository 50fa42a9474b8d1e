/* Unit tests for durable storage: atomic saves that keep the old file
 * byte for byte when a write or an fsync fails (through the I/O seam,
 * linked with -Wl,--wrap=ys_io_write,--wrap=ys_io_fsync), a folder that
 * cannot be written (as an unprivileged user), the lock (held by another
 * process, released by kill -9), stale temporary files, and exclusive
 * creation that never follows a symbolic link. */
#define _DEFAULT_SOURCE         /* setgroups() */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <setjmp.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cmocka.h>

#include "testutil.h"

#include "yardstick/alloc.h"
#include "yardstick/answers.h"
#include "yardstick/io.h"
#include "yardstick/questionnaire.h"
#include "yardstick/store.h"

/* ------------------------------------------------------------------ */
/* The seam */

static int write_fail_after = -1;      /* calls to let through before failing */
static int write_errno = ENOSPC;
static size_t write_max;                /* > 0: short writes of at most this */
static int write_eintr;                 /* this many calls fail with EINTR first */
static int fsync_fail_after = -1;
static int fsync_calls;

ssize_t __real_ys_io_write(int fd, const void *buf, size_t n);
ssize_t __wrap_ys_io_write(int fd, const void *buf, size_t n);
int __real_ys_io_fsync(int fd);
int __wrap_ys_io_fsync(int fd);

ssize_t __wrap_ys_io_write(int fd, const void *buf, size_t n)
{
	if (write_eintr > 0) {
		write_eintr--;
		errno = EINTR;
		return -1;
	}
	if (write_fail_after == 0) {
		errno = write_errno;
		return -1;
	}
	if (write_fail_after > 0)
		write_fail_after--;
	if (write_max && n > write_max)
		n = write_max;
	return __real_ys_io_write(fd, buf, n);
}

int __wrap_ys_io_fsync(int fd)
{
	fsync_calls++;
	if (fsync_fail_after == 0) {
		errno = EIO;
		return -1;
	}
	if (fsync_fail_after > 0)
		fsync_fail_after--;
	return __real_ys_io_fsync(fd);
}

static void seam_reset(void)
{
	write_fail_after = -1;
	write_errno = ENOSPC;
	write_max = 0;
	write_eintr = 0;
	fsync_fail_after = -1;
	fsync_calls = 0;
}

/* ------------------------------------------------------------------ */
/* Helpers */

typedef struct fixture {
	char dir[64];
	char path[128];
	ys_questionnaire *q;
	ys_answers *a;
} fixture;

static int setup(void **state)
{
	fixture *f = calloc(1, sizeof(*f));
	ys_diags d = {0};

	assert_non_null(f);
	strcpy(f->dir, "/tmp/ys-store-XXXXXX");
	assert_non_null(mkdtemp(f->dir));
	snprintf(f->path, sizeof(f->path), "%s/answers.yaml", f->dir);
	f->q = ys_questionnaire_load_file("data/mini-questionnaire.yaml", NULL, &d);
	assert_non_null(f->q);
	setenv("YARDSTICK_NOW", "2026-11-21T10:00:00Z", 1);
	f->a = ys_answers_new(f->q);
	assert_non_null(f->a);
	assert_true(ys_answers_set_string(&f->a->organisation, "Anytown Council"));
	assert_true(ys_answers_set_choice(f->a, f->q, 0, (ys_choice){YS_ANS_OPTION, 2}));
	seam_reset();
	*state = f;
	return 0;
}

static void remove_tree(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;

	if (!d)
		return;
	while ((e = readdir(d)) != NULL) {
		char p[512];

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, e->d_name);
		if (unlink(p) != 0)
			remove_tree(p);
	}
	closedir(d);
	rmdir(dir);
}

static int teardown(void **state)
{
	fixture *f = *state;

	seam_reset();
	chmod(f->dir, 0700);
	remove_tree(f->dir);
	ys_answers_free(f->a);
	ys_questionnaire_free(f->q);
	free(f);
	unsetenv("YARDSTICK_NOW");
	return 0;
}

static void put(const char *path, const char *text)
{
	FILE *fp = fopen(path, "wb");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
}

/* Number of entries in dir whose name holds ".tmp-". */
static int count_temps(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int n = 0;

	assert_non_null(d);
	while ((e = readdir(d)) != NULL)
		if (strstr(e->d_name, ".tmp-"))
			n++;
	closedir(d);
	return n;
}

static char *answers_text(const ys_answers *a)
{
	size_t len;
	char *s = ys_answers_to_string(a, &len);

	assert_non_null(s);
	return s;
}

/* ------------------------------------------------------------------ */
/* Saving */

static void test_save_and_reload(void **state)
{
	fixture *f = *state;
	ys_store s;
	struct stat st;
	char *err = (char *)1, *want, *got, *lock;
	pid_t holder = -1;
	ys_diags d = {0};
	ys_answers *b;

	assert_int_equal(ys_store_open(&s, f->path, &holder, &err), 0);
	assert_null(err);
	assert_int_equal(holder, 0);
	lock = tu_slurp(s.lock_path, NULL);
	assert_non_null(lock);
	assert_int_equal(atol(lock), (long)getpid());
	free(lock);

	assert_int_equal(ys_store_save(&s, f->a, &err), 0);
	assert_null(err);
	want = answers_text(f->a);
	got = tu_slurp(f->path, NULL);
	assert_string_equal(got, want);
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(count_temps(f->dir), 0);
	/* The file, then the folder. */
	assert_int_equal(fsync_calls, 2);

	b = ys_answers_read_file(f->path, &d);
	assert_non_null(b);
	assert_string_equal(b->organisation, "Anytown Council");
	ys_answers_free(b);
	ys_diags_free(&d);

	ys_store_close(&s);
	{
		char lp[160];

		snprintf(lp, sizeof(lp), "%s.lock", f->path);
		assert_int_equal(stat(lp, &st), -1);
		assert_int_equal(errno, ENOENT);
	}
	ys_free(want);
	free(got);
}

/* Short writes and EINTR are retried until everything is written. */
static void test_short_writes(void **state)
{
	fixture *f = *state;
	char *err = NULL, *want, *got;

	write_max = 7;
	write_eintr = 3;
	want = answers_text(f->a);
	assert_int_equal(ys_atomic_write(f->path, want, strlen(want), 0644, false,
					 &err), 0);
	got = tu_slurp(f->path, NULL);
	assert_string_equal(got, want);
	ys_free(want);
	free(got);
}

/* Saves v1, changes the answers, and makes the next save fail in the way
 * arm() sets up: the file must keep v1 byte for byte, no temporary file
 * may remain, and the message must name the file and the reason. */
static void check_failed_save(fixture *f, void (*arm)(void), const char *reason,
			      int fsyncs)
{
	ys_store s;
	char *err = NULL, *v1, *after, *v2;
	pid_t holder;

	assert_int_equal(ys_store_open(&s, f->path, &holder, &err), 0);
	assert_int_equal(ys_store_save(&s, f->a, &err), 0);
	v1 = tu_slurp(f->path, NULL);
	assert_non_null(v1);

	assert_true(ys_answers_set_note(f->a, 0, "A long note that makes the file grow."));
	assert_true(ys_answers_set_choice(f->a, f->q, 2, (ys_choice){YS_ANS_DONT_KNOW, -1}));
	fsync_calls = 0;
	arm();
	assert_int_equal(ys_store_save(&s, f->a, &err), 74);
	/* A failed fsync is never retried. */
	assert_int_equal(fsync_calls, fsyncs);
	assert_non_null(err);
	assert_non_null(strstr(err, f->path));
	assert_non_null(strstr(err, reason));
	ys_free(err);
	after = tu_slurp(f->path, NULL);
	assert_string_equal(after, v1);
	assert_int_equal(count_temps(f->dir), 0);

	/* The answers are intact in memory: a retry saves them all. */
	seam_reset();
	assert_int_equal(ys_store_save(&s, f->a, &err), 0);
	v2 = tu_slurp(f->path, NULL);
	assert_non_null(strstr(v2, "A long note that makes the file grow."));
	assert_non_null(strstr(v2, "answer: dont-know"));
	ys_store_close(&s);
	free(v1);
	free(after);
	free(v2);
}

static void arm_write_fails_at_once(void)
{
	write_fail_after = 0;
}

static void arm_write_fails_part_way(void)
{
	write_max = 16;
	write_fail_after = 3;
}

static void arm_fsync_fails(void)
{
	fsync_fail_after = 0;
}

static void test_failed_write_keeps_old_file(void **state)
{
	fixture *f = *state;

	check_failed_save(f, arm_write_fails_at_once, strerror(ENOSPC), 0);
}

static void test_partial_write_keeps_old_file(void **state)
{
	fixture *f = *state;

	check_failed_save(f, arm_write_fails_part_way, strerror(ENOSPC), 0);
}

static void test_failed_fsync_keeps_old_file(void **state)
{
	fixture *f = *state;

	check_failed_save(f, arm_fsync_fails, strerror(EIO), 1);
}

static void test_fsync_not_retried(void **state)
{
	fixture *f = *state;
	char *err = NULL;

	fsync_fail_after = 0;
	assert_int_equal(ys_atomic_write(f->path, "x\n", 2, 0600, false, &err), 74);
	assert_int_equal(fsync_calls, 1);
	assert_int_equal(access(f->path, F_OK), -1);
	assert_int_equal(count_temps(f->dir), 0);
	ys_free(err);
}

/* A rename that fails (the target is a non-empty folder) is reported and
 * leaves nothing behind. */
static void test_failed_rename(void **state)
{
	fixture *f = *state;
	char inner[192], *err = NULL;

	assert_int_equal(mkdir(f->path, 0700), 0);
	snprintf(inner, sizeof(inner), "%s/keep", f->path);
	put(inner, "keep");
	assert_int_equal(ys_atomic_write(f->path, "x\n", 2, 0600, false, &err), 73);
	assert_non_null(err);
	assert_non_null(strstr(err, f->path));
	assert_int_equal(count_temps(f->dir), 0);
	ys_free(err);
}

/* A folder that cannot be written: checked as an unprivileged user. Root
 * drops to nobody in a child process; others use a read-only folder
 * (skipped only when even that is writable). */
static int unwritable_checks(const fixture *f)
{
	char *err = NULL;
	ys_store s;
	pid_t holder;

	if (ys_store_check_writable(f->path, &err) != 73 || !err ||
	    !strstr(err, f->dir) || !strstr(err, strerror(EACCES)))
		return 1;
	ys_free(err);
	if (ys_atomic_write(f->path, "new\n", 4, 0600, false, &err) != 73 || !err ||
	    !strstr(err, f->path))
		return 2;
	ys_free(err);
	if (ys_atomic_write(f->path, "new\n", 4, 0600, true, &err) != 73)
		return 3;
	ys_free(err);
	if (ys_store_open(&s, f->path, &holder, &err) != 73 || !err ||
	    !strstr(err, ".lock"))
		return 4;
	ys_free(err);
	return 0;
}

static void test_unwritable_folder(void **state)
{
	fixture *f = *state;
	char *err = NULL, *after;

	put(f->path, "old contents\n");
	assert_int_equal(ys_store_check_writable(f->path, &err), 0);
	assert_int_equal(count_temps(f->dir), 0);
	if (geteuid() == 0) {
		pid_t pid;
		int status;

		assert_int_equal(chmod(f->dir, 0755), 0);
		assert_int_equal(chown(f->dir, 0, 0), 0);
		pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			if (setgroups(0, NULL) != 0 || setgid(65534) != 0 ||
			    setuid(65534) != 0)
				_exit(10);
			_exit(unwritable_checks(f));
		}
		assert_int_equal(waitpid(pid, &status, 0), pid);
		assert_true(WIFEXITED(status));
		assert_int_equal(WEXITSTATUS(status), 0);
	} else {
		assert_int_equal(chmod(f->dir, 0555), 0);
		if (access(f->dir, W_OK) == 0) {
			chmod(f->dir, 0700);
			skip();
		}
		assert_int_equal(unwritable_checks(f), 0);
		chmod(f->dir, 0700);
	}
	after = tu_slurp(f->path, NULL);
	assert_string_equal(after, "old contents\n");
	assert_int_equal(count_temps(f->dir), 0);
	free(after);
}

/* ------------------------------------------------------------------ */
/* The lock */

static void test_lock_contention(void **state)
{
	fixture *f = *state;
	ys_store s, s2;
	char *err = NULL, pidtext[32];
	pid_t child, holder = 0;
	int fds[2], hold[2], status;
	char c;

	/* The child reports on fds that it holds the lock, then waits on
	 * hold, which only ends (EOF) if this process goes away first. */
	assert_int_equal(pipe(fds), 0);
	assert_int_equal(pipe(hold), 0);
	child = fork();
	assert_true(child >= 0);
	if (child == 0) {
		ys_store cs;
		pid_t h;
		char *e = NULL;

		close(fds[0]);
		close(hold[1]);
		c = ys_store_open(&cs, f->path, &h, &e) == 0 ? 'y' : 'n';
		if (write(fds[1], &c, 1) != 1)
			_exit(1);
		while (read(hold[0], &c, 1) != 0)
			;
		_exit(0);
	}
	close(fds[1]);
	close(hold[0]);
	assert_int_equal(read(fds[0], &c, 1), 1);
	assert_int_equal(c, 'y');
	close(fds[0]);

	assert_int_equal(ys_store_open(&s, f->path, &holder, &err), 75);
	assert_int_equal(holder, child);
	assert_non_null(err);
	snprintf(pidtext, sizeof(pidtext), "process %ld", (long)child);
	assert_non_null(strstr(err, pidtext));
	assert_non_null(strstr(err, f->path));
	ys_free(err);
	assert_null(s.path);

	/* kill -9: the kernel releases the lock. */
	assert_int_equal(kill(child, SIGKILL), 0);
	assert_int_equal(waitpid(child, &status, 0), child);
	assert_true(WIFSIGNALED(status));
	close(hold[1]);
	assert_int_equal(ys_store_open(&s, f->path, &holder, &err), 0);

	/* A second open in the same process is refused too. */
	assert_int_equal(ys_store_open(&s2, f->path, &holder, &err), 75);
	assert_int_equal(holder, getpid());
	ys_free(err);
	ys_store_close(&s);
	assert_int_equal(ys_store_open(&s2, f->path, &holder, &err), 0);
	ys_store_close(&s2);
}

static void test_stale_temps_removed(void **state)
{
	fixture *f = *state;
	static const char *const stale[] = {
		".answers.yaml.tmp-1234-abcdef", ".answers.yaml.tmp-99-Zz0912",
	};
	static const char *const kept[] = {
		".answers.yaml.tmp-x", ".other.yaml.tmp-1234-abcdef",
		".answers.yaml.tmp-1234-abcdef.bak", "answers.yaml.tmp-1234-abcdef",
		".answers.yaml.tmp-x.tmp-12-abcdef",
	};
	char p[256], *err = NULL;
	ys_store s;
	pid_t holder;
	size_t i;

	for (i = 0; i < YS_ARRAY_LEN(stale); i++) {
		snprintf(p, sizeof(p), "%s/%s", f->dir, stale[i]);
		put(p, "partial");
	}
	for (i = 0; i < YS_ARRAY_LEN(kept); i++) {
		snprintf(p, sizeof(p), "%s/%s", f->dir, kept[i]);
		put(p, "other");
	}
	put(f->path, "answers\n");
	assert_int_equal(ys_store_open(&s, f->path, &holder, &err), 0);
	for (i = 0; i < YS_ARRAY_LEN(stale); i++) {
		snprintf(p, sizeof(p), "%s/%s", f->dir, stale[i]);
		assert_int_equal(access(p, F_OK), -1);
	}
	for (i = 0; i < YS_ARRAY_LEN(kept); i++) {
		snprintf(p, sizeof(p), "%s/%s", f->dir, kept[i]);
		assert_int_equal(access(p, F_OK), 0);
	}
	assert_int_equal(access(f->path, F_OK), 0);
	ys_store_close(&s);
}

/* ------------------------------------------------------------------ */
/* Exclusive creation */

static void test_exclusive_write(void **state)
{
	fixture *f = *state;
	char out[160], other[160], dangling[160], *err = NULL, *s;
	struct stat st;

	snprintf(out, sizeof(out), "%s/scorecard.txt", f->dir);
	snprintf(other, sizeof(other), "%s/other.txt", f->dir);
	snprintf(dangling, sizeof(dangling), "%s/nowhere.txt", f->dir);

	assert_int_equal(ys_atomic_write(out, "one\n", 4, 0640, true, &err), 0);
	s = tu_slurp(out, NULL);
	assert_string_equal(s, "one\n");
	free(s);
	assert_int_equal(stat(out, &st), 0);
	{
		mode_t mask = umask(0);

		umask(mask);
		assert_int_equal(st.st_mode & 0777, 0640 & ~mask);
	}

	/* Never replaces an existing file. */
	assert_int_equal(ys_atomic_write(out, "two\n", 4, 0644, true, &err), 73);
	assert_non_null(strstr(err, "already exists"));
	assert_non_null(strstr(err, out));
	ys_free(err);
	s = tu_slurp(out, NULL);
	assert_string_equal(s, "one\n");
	free(s);

	/* Never follows a symbolic link, to a file or to nowhere. */
	put(other, "other\n");
	assert_int_equal(unlink(out), 0);
	assert_int_equal(symlink(other, out), 0);
	assert_int_equal(ys_atomic_write(out, "two\n", 4, 0644, true, &err), 73);
	ys_free(err);
	s = tu_slurp(other, NULL);
	assert_string_equal(s, "other\n");
	free(s);
	assert_int_equal(unlink(out), 0);
	assert_int_equal(symlink(dangling, out), 0);
	assert_int_equal(ys_atomic_write(out, "two\n", 4, 0644, true, &err), 73);
	ys_free(err);
	assert_int_equal(lstat(dangling, &st), -1);
	assert_int_equal(count_temps(f->dir), 0);

	/* A failed write leaves nothing at the target. */
	assert_int_equal(unlink(out), 0);
	write_fail_after = 0;
	assert_int_equal(ys_atomic_write(out, "two\n", 4, 0644, true, &err), 74);
	ys_free(err);
	assert_int_equal(lstat(out, &st), -1);
	assert_int_equal(count_temps(f->dir), 0);
}

/* A replacing save over a symbolic link replaces the link, not the file it
 * points to. */
static void test_replace_symlink(void **state)
{
	fixture *f = *state;
	char other[160], *err = NULL, *s;
	struct stat st;

	snprintf(other, sizeof(other), "%s/elsewhere.yaml", f->dir);
	put(other, "elsewhere\n");
	assert_int_equal(symlink(other, f->path), 0);
	assert_int_equal(ys_atomic_write(f->path, "new\n", 4, 0600, false, &err), 0);
	assert_int_equal(lstat(f->path, &st), 0);
	assert_true(S_ISREG(st.st_mode));
	s = tu_slurp(other, NULL);
	assert_string_equal(s, "elsewhere\n");
	free(s);
}

/* Every save keeps the permission bits of the file it replaces, whatever
 * the umask; a new file is 0600. */
static void test_save_keeps_mode(void **state)
{
	static const unsigned modes[] = {0600, 0640, 0644, 0660, 0400};
	fixture *f = *state;
	struct stat st;
	ys_store s;
	char *err = NULL;
	mode_t old = umask(077);
	size_t i;

	assert_int_equal(ys_store_open(&s, f->path, NULL, &err), 0);
	assert_int_equal(ys_store_save(&s, f->a, &err), 0);
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	for (i = 0; i < sizeof(modes) / sizeof(*modes); i++) {
		assert_int_equal(chmod(f->path, modes[i]), 0);
		assert_int_equal(ys_store_save(&s, f->a, &err), 0);
		assert_null(err);
		assert_int_equal(stat(f->path, &st), 0);
		assert_int_equal(st.st_mode & 0777, modes[i]);
		/* And the next save too. */
		assert_int_equal(ys_store_save(&s, f->a, &err), 0);
		assert_int_equal(stat(f->path, &st), 0);
		assert_int_equal(st.st_mode & 0777, modes[i]);
	}
	ys_store_close(&s);
	/* A report replaced with --force keeps its mode too. */
	assert_int_equal(chmod(f->path, 0640), 0);
	assert_int_equal(ys_atomic_write(f->path, "new\n", 4, 0644, false, &err), 0);
	assert_int_equal(stat(f->path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0640);
	umask(old);
}

static void test_write_all(void **state)
{
	int fds[2];
	char buf[16] = {0};

	(void)state;
	assert_int_equal(pipe(fds), 0);
	write_max = 1;
	write_eintr = 2;
	assert_int_equal(ys_io_write_all(fds[1], "hello", 5), 0);
	assert_int_equal(read(fds[0], buf, sizeof(buf)), 5);
	assert_string_equal(buf, "hello");
	write_fail_after = 0;
	write_errno = EPIPE;
	assert_int_equal(ys_io_write_all(fds[1], "x", 1), -1);
	assert_int_equal(errno, EPIPE);
	close(fds[0]);
	close(fds[1]);
	seam_reset();
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_save_and_reload, setup, teardown),
		cmocka_unit_test_setup_teardown(test_short_writes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_write_keeps_old_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_partial_write_keeps_old_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_fsync_keeps_old_file, setup, teardown),
		cmocka_unit_test_setup_teardown(test_fsync_not_retried, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_rename, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unwritable_folder, setup, teardown),
		cmocka_unit_test_setup_teardown(test_lock_contention, setup, teardown),
		cmocka_unit_test_setup_teardown(test_stale_temps_removed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exclusive_write, setup, teardown),
		cmocka_unit_test_setup_teardown(test_replace_symlink, setup, teardown),
		cmocka_unit_test_setup_teardown(test_save_keeps_mode, setup, teardown),
		cmocka_unit_test(test_write_all),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
