/* Durable storage of answers files: the lock, atomic saves and clean-up
 * after a crash; see store.h.
 *
 * Writes, fsyncs, closes and renames go through the I/O seam (io.h), which
 * lives in its own object file so tests can make them fail. */
#define _DEFAULT_SOURCE         /* flock() */

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "yardstick/alloc.h"
#include "yardstick/io.h"
#include "yardstick/store.h"
#include "ys_config.h"

/* ---- Test hooks ------------------------------------------------------
 *
 * Built in when meson's test_hooks option is on (the default) and inert
 * unless their environment variable is set, for the crash tests:
 *   YARDSTICK_TEST_PAUSE_BEFORE_RENAME=MS  sleeps MS milliseconds after the
 *       temporary file is written and synced, before it is renamed (or
 *       linked) into place, so a kill -9 can land in that window;
 *   YARDSTICK_TEST_ABORT_AFTER_SAVES=N     abort() right after the Nth
 *       successful ys_store_save() of the process (a crash at a known
 *       moment, for the terminal-restore and sanitizer-report tests).
 * They never change what is written. The save counter is the only global
 * mutable state of this file. */
#if YS_TEST_HOOKS
static long env_number(const char *name)
{
	const char *v = getenv(name);
	char *end;
	long n;

	if (!v || !*v)
		return 0;
	n = strtol(v, &end, 10);
	return *end == '\0' && n > 0 ? n : 0;
}

static void hook_before_rename(void)
{
	long ms = env_number("YARDSTICK_TEST_PAUSE_BEFORE_RENAME");
	struct timespec ts;

	if (ms <= 0)
		return;
	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static void hook_after_save(void)
{
	static long saves;
	long n = env_number("YARDSTICK_TEST_ABORT_AFTER_SAVES");

	if (n > 0 && ++saves == n)
		abort();
}
#else
static void hook_before_rename(void)
{
}

static void hook_after_save(void)
{
}
#endif

int ys_io_write_all(int fd, const void *buf, size_t n)
{
	const char *p = buf;

	while (n > 0) {
		ssize_t w = ys_io_write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (w == 0) {
			errno = EIO;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* Sets *err to a new formatted message (when err is not NULL) and returns
 * code. */
static int fail(char **err, int code, const char *fmt, ...) YS_PRINTF(3, 4);

static int fail(char **err, int code, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (!err)
		return code;
	*err = NULL;
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return code;
	*err = ys_malloc((size_t)n + 1);
	if (*err) {
		va_start(ap, fmt);
		vsnprintf(*err, (size_t)n + 1, fmt, ap);
		va_end(ap);
	}
	return code;
}

/* Splits path into its folder ("." when it has none) and its last
 * component. Both are new strings the caller frees. */
static bool split_path(const char *path, char **dir, char **base)
{
	const char *slash = strrchr(path, '/');

	if (!slash) {
		*dir = ys_strdup(".");
		*base = ys_strdup(path);
	} else {
		*dir = slash == path ? ys_strdup("/")
				     : ys_strndup(path, (size_t)(slash - path));
		*base = ys_strdup(slash + 1);
	}
	if (*dir && *base)
		return true;
	ys_free(*dir);
	ys_free(*base);
	*dir = *base = NULL;
	return false;
}

/* Creates a new temporary file DIR/.BASE.tmp-PID-XXXXXX that did not exist
 * before (O_EXCL, never through a symbolic link). Returns its descriptor
 * and sets *tmp (caller frees), or -1 with errno set. */
static int open_temp(const char *dir, const char *base, unsigned mode,
		     char **tmp)
{
	static const char digits[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	size_t n = strlen(dir) + strlen(base) + 64;
	struct timespec ts;
	unsigned long seed;
	int attempt, fd;

	*tmp = ys_malloc(n);
	if (!*tmp) {
		errno = ENOMEM;
		return -1;
	}
	clock_gettime(CLOCK_REALTIME, &ts);
	seed = (unsigned long)ts.tv_nsec ^ ((unsigned long)ts.tv_sec << 20) ^
	       ((unsigned long)getpid() << 8) ^ (unsigned long)(uintptr_t)tmp;
	for (attempt = 0; attempt < 100; attempt++) {
		char suffix[7];
		int i;

		seed = seed * 6364136223846793005ul + 1442695040888963407ul;
		for (i = 0; i < 6; i++)
			suffix[i] = digits[(seed >> (10 + 5 * i)) % 36];
		suffix[6] = '\0';
		snprintf(*tmp, n, "%s/.%s.tmp-%ld-%s", dir, base, (long)getpid(), suffix);
		fd = open(*tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
			  (mode_t)mode);
		if (fd >= 0)
			return fd;
		if (errno != EEXIST)
			break;
	}
	{
		int e = errno;

		ys_free(*tmp);
		*tmp = NULL;
		errno = e;
	}
	return -1;
}

/* Writes data to fd, syncs and closes it (fd is closed in every case).
 * Returns 0 or -1 with errno set and *what naming the step that failed. */
static int write_sync_close(int fd, const char *data, size_t len,
			    const char **what)
{
	int e;

	if (ys_io_write_all(fd, data, len) != 0) {
		*what = "write error";
		goto fail;
	}
	/* A failed fsync is never retried: the kernel may have dropped the
	 * dirty pages and a second fsync would wrongly succeed. */
	if (ys_io_fsync(fd) != 0) {
		*what = "could not flush to disk";
		goto fail;
	}
	if (ys_io_close(fd) != 0) {
		*what = "write error on close";
		return -1;
	}
	return 0;
fail:
	e = errno;
	ys_io_close(fd);
	errno = e;
	return -1;
}

/* Makes the rename durable. Some file systems cannot sync a folder
 * (EINVAL); that is not an error. */
static int sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC), rc, e;

	if (fd < 0)
		return errno == EACCES ? 0 : -1;
	rc = ys_io_fsync(fd);
	e = errno;
	close(fd);
	if (rc != 0 && e != EINVAL) {
		errno = e;
		return -1;
	}
	return 0;
}

/* Exclusive create without link(): O_EXCL on the target itself. Removes
 * what it wrote when it fails part way. */
static int write_excl_direct(const char *path, const char *data, size_t len,
			     unsigned mode, char **err)
{
	const char *what = "";
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC,
		      (mode_t)mode);

	if (fd < 0) {
		if (errno == EEXIST)
			return fail(err, YS_EX_CANTCREAT, "%s already exists", path);
		return fail(err, YS_EX_CANTCREAT, "cannot create %s: %s", path,
			    strerror(errno));
	}
	if (write_sync_close(fd, data, len, &what) != 0) {
		int e = errno;

		unlink(path);
		return fail(err, YS_EX_IOERR, "cannot write %s: %s (%s)", path,
			    strerror(e), what);
	}
	return 0;
}

/* The file that replaces path keeps path's permission bits (0640 stays
 * 0640, whatever the umask): fd, the temporary file, gets them when path
 * is a regular file. When that fails the temporary file keeps the mode it
 * was created with, which is never wider. */
static void keep_mode(int fd, const char *path)
{
	struct stat st;

	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    fchmod(fd, st.st_mode & 0777) != 0) {
		/* The save goes on with the narrower mode. */
	}
}

int ys_atomic_write(const char *path, const char *data, size_t len,
		    unsigned mode, bool exclusive, char **err)
{
	char *dir = NULL, *base = NULL, *tmp = NULL;
	const char *what = "";
	int fd, rc = 0, e;

	if (err)
		*err = NULL;
	if (!split_path(path, &dir, &base))
		return fail(err, YS_EX_SOFTWARE, "out of memory");
	if (!*base) {
		rc = fail(err, YS_EX_CANTCREAT, "cannot write %s: not a file name", path);
		goto out;
	}
	if (exclusive) {
		struct stat st;

		if (lstat(path, &st) == 0) {
			rc = fail(err, YS_EX_CANTCREAT, "%s already exists", path);
			goto out;
		}
	}
	fd = open_temp(dir, base, mode, &tmp);
	if (fd >= 0 && !exclusive)
		keep_mode(fd, path);
	if (fd < 0) {
		if (errno == ENOMEM)
			rc = fail(err, YS_EX_SOFTWARE, "cannot save %s: out of memory",
				  path);
		else
			rc = fail(err, YS_EX_CANTCREAT,
				  "cannot save %s: cannot create a file in %s: %s",
				  path, dir, strerror(errno));
		goto out;
	}
	if (write_sync_close(fd, data, len, &what) != 0) {
		e = errno;
		unlink(tmp);
		rc = fail(err, YS_EX_IOERR, "cannot save %s: %s (%s)", path, strerror(e),
			  what);
		goto out;
	}
	hook_before_rename();
	if (!exclusive) {
		if (ys_io_rename(tmp, path) != 0) {
			e = errno;
			unlink(tmp);
			rc = fail(err, YS_EX_CANTCREAT, "cannot save %s: %s", path,
				  strerror(e));
			goto out;
		}
	} else if (link(tmp, path) != 0) {
		/* link() never replaces and never follows a link at path. */
		e = errno;
		unlink(tmp);
		if (e == EEXIST)
			rc = fail(err, YS_EX_CANTCREAT, "%s already exists", path);
		else if (e == EPERM || e == ENOSYS || e == EOPNOTSUPP || e == EMLINK)
			rc = write_excl_direct(path, data, len, mode, err);
		else
			rc = fail(err, YS_EX_CANTCREAT, "cannot create %s: %s", path,
				  strerror(e));
		if (rc)
			goto out;
	} else {
		unlink(tmp);
	}
	if (sync_dir(dir) != 0)
		rc = fail(err, YS_EX_IOERR,
			  "%s was written but its folder %s could not be flushed to disk: %s",
			  path, dir, strerror(errno));
out:
	ys_free(tmp);
	ys_free(dir);
	ys_free(base);
	return rc;
}

int ys_store_check_writable(const char *path, char **err)
{
	char *dir = NULL, *base = NULL, *tmp = NULL;
	int fd, rc = 0;

	if (err)
		*err = NULL;
	if (!split_path(path, &dir, &base))
		return fail(err, YS_EX_SOFTWARE, "out of memory");
	fd = open_temp(dir, *base ? base : "yardstick", 0600, &tmp);
	if (fd < 0) {
		rc = fail(err, YS_EX_CANTCREAT, "cannot write in folder %s: %s", dir,
			  strerror(errno));
	} else {
		close(fd);
		unlink(tmp);
	}
	ys_free(tmp);
	ys_free(dir);
	ys_free(base);
	return rc;
}

/* True when name is a temporary file of base: .BASE.tmp-PID-XXXXXX. */
static bool is_temp_of(const char *name, const char *base)
{
	size_t bl = strlen(base), i;
	const char *p;

	if (name[0] != '.' || strncmp(name + 1, base, bl) ||
	    strncmp(name + 1 + bl, ".tmp-", 5))
		return false;
	p = name + 1 + bl + 5;
	for (i = 0; p[i] >= '0' && p[i] <= '9'; i++)
		;
	if (i == 0 || p[i] != '-')
		return false;
	p += i + 1;
	for (i = 0; p[i]; i++)
		if (!((p[i] >= 'a' && p[i] <= 'z') || (p[i] >= '0' && p[i] <= '9') ||
		      (p[i] >= 'A' && p[i] <= 'Z')))
			return false;
	return i == 6;
}

/* Removes temporary files of path left by a process that died while
 * saving. Called with the lock held, so none of them is in use. */
static void remove_stale(const char *path)
{
	char *dir, *base;
	struct dirent *e;
	DIR *d;

	if (!split_path(path, &dir, &base))
		return;
	d = opendir(dir);
	if (d) {
		while ((e = readdir(d)) != NULL) {
			struct stat st;

			if (!is_temp_of(e->d_name, base))
				continue;
			if (fstatat(dirfd(d), e->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
			    !S_ISDIR(st.st_mode))
				unlinkat(dirfd(d), e->d_name, 0);
		}
		closedir(d);
	}
	ys_free(dir);
	ys_free(base);
}

/* The process id written in a lock file, or 0. */
static pid_t read_holder(int fd)
{
	char buf[32];
	ssize_t n = pread(fd, buf, sizeof(buf) - 1, 0);
	long pid = 0;
	ssize_t i;

	if (n <= 0)
		return 0;
	for (i = 0; i < n && buf[i] >= '0' && buf[i] <= '9'; i++) {
		if (pid > 100000000)
			return 0;
		pid = pid * 10 + (buf[i] - '0');
	}
	return (pid_t)pid;
}

int ys_store_open(ys_store *s, const char *path, pid_t *holder, char **err)
{
	int attempt, rc;

	memset(s, 0, sizeof(*s));
	s->lock_fd = -1;
	if (holder)
		*holder = 0;
	if (err)
		*err = NULL;
	s->path = ys_strdup(path);
	s->lock_path = ys_malloc(strlen(path) + 6);
	if (!s->path || !s->lock_path) {
		rc = fail(err, YS_EX_SOFTWARE, "out of memory");
		goto fail;
	}
	strcpy(s->lock_path, path);
	strcat(s->lock_path, ".lock");
	for (attempt = 0; attempt < 20; attempt++) {
		struct stat a, b;
		int fd = open(s->lock_path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);

		if (fd < 0) {
			rc = fail(err, YS_EX_CANTCREAT, "cannot create the lock file %s: %s",
				  s->lock_path, strerror(errno));
			goto fail;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
			int e = errno;
			pid_t pid = e == EWOULDBLOCK ? read_holder(fd) : 0;

			close(fd);
			if (e != EWOULDBLOCK) {
				rc = fail(err, YS_EX_CANTCREAT, "cannot lock %s: %s",
					  s->lock_path, strerror(e));
				goto fail;
			}
			if (holder)
				*holder = pid;
			if (pid)
				rc = fail(err, YS_EX_TEMPFAIL,
					  "%s is open in another yardstick (process %ld)",
					  path, (long)pid);
			else
				rc = fail(err, YS_EX_TEMPFAIL,
					  "%s is open in another yardstick", path);
			goto fail;
		}
		/* The holder before us may have removed the lock file just
		 * before we locked it: then lock the new one. */
		if (fstat(fd, &a) == 0 && lstat(s->lock_path, &b) == 0 &&
		    a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
			char pid[32];
			int n = snprintf(pid, sizeof(pid), "%ld\n", (long)getpid());

			if (ftruncate(fd, 0) == 0 && pwrite(fd, pid, (size_t)n, 0) < 0) {
				/* The lock holds all the same; others see pid 0. */
			}
			s->lock_fd = fd;
			remove_stale(path);
			return 0;
		}
		close(fd);
	}
	rc = fail(err, YS_EX_CANTCREAT, "cannot lock %s: it keeps changing",
		  s->lock_path);
fail:
	ys_free(s->path);
	ys_free(s->lock_path);
	s->path = s->lock_path = NULL;
	return rc;
}

int ys_store_create(ys_store *s, const char *path, const ys_answers *a,
		    bool *exists, char **err)
{
	struct stat st;
	pid_t holder = 0;
	int rc;

	*exists = false;
	*err = NULL;
	memset(s, 0, sizeof(*s));
	s->lock_fd = -1;
	if (lstat(path, &st) == 0) {
		*exists = true;
		return YS_EX_CANTCREAT;
	}
	rc = ys_store_open(s, path, &holder, err);
	if (rc != 0)
		return rc;
	rc = ys_store_save(s, a, err);
	if (rc != 0)
		ys_store_close(s);
	return rc;
}

int ys_store_save(ys_store *s, const ys_answers *a, char **err)
{
	size_t len;
	char *buf;
	int rc;

	if (err)
		*err = NULL;
	buf = ys_answers_to_string(a, &len);
	if (!buf)
		return fail(err, errno == ENOMEM ? YS_EX_SOFTWARE : YS_EX_IOERR,
			    "cannot save %s: %s", s->path, strerror(errno));
	rc = ys_atomic_write(s->path, buf, len, 0600, false, err);
	ys_free(buf);
	if (rc == 0)
		hook_after_save();
	return rc;
}

void ys_store_close(ys_store *s)
{
	if (!s)
		return;
	if (s->lock_fd >= 0) {
		/* Removed while still locked, so nobody locks a file that is
		 * about to disappear without noticing (see ys_store_open). */
		unlink(s->lock_path);
		close(s->lock_fd);
	}
	ys_free(s->path);
	ys_free(s->lock_path);
	s->path = s->lock_path = NULL;
	s->lock_fd = -1;
}
