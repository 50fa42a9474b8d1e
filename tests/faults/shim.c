/* Fault-injecting LD_PRELOAD shim for the fault tests (tests/faults).
 *
 * Replaces write(), fsync(), fdatasync(), close() and rename() of the
 * process it is preloaded into. Only regular files and folders are
 * affected (never the terminal, pipes or standard error, so messages
 * still get out). Controlled by environment variables, read once:
 *
 *   YS_FAULT_WRITE_LIMIT=N   writes to regular files succeed for N bytes
 *                            in total, then fail with ENOSPC (a write
 *                            that crosses the limit is cut short there)
 *   YS_FAULT_FSYNC=file|dir  fsync of a regular file, or of a folder,
 *                            fails with EIO (after doing nothing)
 *   YS_FAULT_CLOSE=1         close of a regular file that was written
 *                            to fails with EIO (the descriptor is closed,
 *                            as Linux does)
 *   YS_FAULT_RENAME=1        rename fails with EROFS
 *   YS_FAULT_ONLY=TEXT       only files whose path contains TEXT are
 *                            affected (for rename: either path)
 *   YS_FAULT_LOG=PATH        appends one line per injected fault, and
 *                            "fsync retried" when fsync is called again
 *                            on a descriptor whose fsync failed, before
 *                            it is closed (the tests require that this
 *                            never happens; a new file may reuse the
 *                            inode number of a removed one, so files are
 *                            told apart by their open descriptor)
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

typedef ssize_t (*write_fn)(int, const void *, size_t);
typedef int (*int_fn)(int);
typedef int (*rename_fn)(const char *, const char *);

static struct {
	int ready;
	long long write_limit;          /* -1: no limit */
	long long written;
	int fsync_file, fsync_dir, close_fail, rename_fail;
	const char *log;
	const char *only;
	/* Descriptors written to (for YS_FAULT_CLOSE), and descriptors
	 * whose fsync failed, until they are closed. */
	unsigned char dirty[4096];
	unsigned char sync_failed[4096];
} st;

static write_fn real_write;
static int_fn real_fsync, real_fdatasync, real_close;
static rename_fn real_rename;

/* The next definition of a function (ISO C has no cast from the object
 * pointer dlsym returns to a function pointer; copy its bytes, as POSIX
 * allows). */
static void next(const char *name, void *fn, size_t size)
{
	void *p = dlsym(RTLD_NEXT, name);

	if (!p)
		abort();
	memcpy(fn, &p, size);
}

static void setup(void)
{
	const char *v;

	if (st.ready)
		return;
	next("write", &real_write, sizeof(real_write));
	next("fsync", &real_fsync, sizeof(real_fsync));
	next("fdatasync", &real_fdatasync, sizeof(real_fdatasync));
	next("close", &real_close, sizeof(real_close));
	next("rename", &real_rename, sizeof(real_rename));
	v = getenv("YS_FAULT_WRITE_LIMIT");
	st.write_limit = v && *v ? atoll(v) : -1;
	v = getenv("YS_FAULT_FSYNC");
	st.fsync_file = v && !strcmp(v, "file");
	st.fsync_dir = v && !strcmp(v, "dir");
	v = getenv("YS_FAULT_CLOSE");
	st.close_fail = v && *v == '1';
	v = getenv("YS_FAULT_RENAME");
	st.rename_fail = v && *v == '1';
	st.log = getenv("YS_FAULT_LOG");
	st.only = getenv("YS_FAULT_ONLY");
	if (st.only && !*st.only)
		st.only = NULL;
	st.ready = 1;
}

static void note(const char *what)
{
	int fd;

	if (!st.log || !*st.log)
		return;
	fd = open(st.log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
	if (fd < 0)
		return;
	real_write(fd, what, strlen(what));
	real_write(fd, "\n", 1);
	real_close(fd);
}

/* True when fd's path contains YS_FAULT_ONLY (or that is not set). */
static int chosen(int fd)
{
	char link[64], path[4096];
	ssize_t n;

	if (!st.only)
		return 1;
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	n = readlink(link, path, sizeof(path) - 1);
	if (n < 0)
		return 0;
	path[n] = '\0';
	return strstr(path, st.only) != NULL;
}

/* 1 for a regular file, 2 for a folder, 0 for anything else (and for
 * files YS_FAULT_ONLY leaves alone). */
static int kind(int fd)
{
	struct stat s;

	if (fd <= 2 || fstat(fd, &s) != 0 || !chosen(fd))
		return 0;
	if (S_ISREG(s.st_mode))
		return 1;
	return S_ISDIR(s.st_mode) ? 2 : 0;
}

ssize_t write(int fd, const void *buf, size_t n)
{
	ssize_t w;

	setup();
	if (st.write_limit >= 0 && kind(fd) == 1) {
		long long room = st.write_limit - st.written;

		if (room <= 0) {
			note("write: ENOSPC");
			errno = ENOSPC;
			return -1;
		}
		if ((long long)n > room)
			n = (size_t)room;
	}
	w = real_write(fd, buf, n);
	if (w > 0 && kind(fd) == 1) {
		st.written += w;
		if (fd < (int)sizeof(st.dirty))
			st.dirty[fd] = 1;
	}
	return w;
}

static int sync_common(int fd, int_fn real)
{
	int k;

	setup();
	k = kind(fd);
	if (fd >= 0 && fd < (int)sizeof(st.sync_failed) && st.sync_failed[fd])
		note("fsync retried");
	if ((k == 1 && st.fsync_file) || (k == 2 && st.fsync_dir)) {
		if (fd < (int)sizeof(st.sync_failed))
			st.sync_failed[fd] = 1;
		note(k == 1 ? "fsync file: EIO" : "fsync dir: EIO");
		errno = EIO;
		return -1;
	}
	return real(fd);
}

int fsync(int fd)
{
	setup();
	return sync_common(fd, real_fsync);
}

int fdatasync(int fd)
{
	setup();
	return sync_common(fd, real_fdatasync);
}

int close(int fd)
{
	int dirty = 0, rc;

	setup();
	if (fd >= 0 && fd < (int)sizeof(st.dirty)) {
		dirty = st.dirty[fd];
		st.dirty[fd] = 0;
		st.sync_failed[fd] = 0;
	}
	rc = real_close(fd);
	if (rc == 0 && dirty && st.close_fail) {
		note("close: EIO");
		errno = EIO;
		return -1;
	}
	return rc;
}

int rename(const char *from, const char *to)
{
	setup();
	if (st.rename_fail && (!st.only || strstr(from, st.only) ||
			       strstr(to, st.only))) {
		note("rename: EROFS");
		errno = EROFS;
		return -1;
	}
	return real_rename(from, to);
}
