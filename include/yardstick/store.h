/* Durable storage of an answers file: a lock held while the file is open,
 * atomic saves, and clean-up after a crash.
 *
 *  - Lock: PATH.lock beside the file, held with flock(LOCK_EX | LOCK_NB)
 *    for as long as the store is open; it holds the holder's process id as
 *    text. A second writer is refused with that process id (exit 75).
 *    The kernel releases the lock when the holder dies, even by kill -9.
 *  - Save: write to a temporary file in the same folder
 *    (.NAME.tmp-PID-XXXXXX, mode 0600, or the mode of the PATH it
 *    replaces), fsync, rename over PATH, fsync the folder. On any failure the temporary file is removed, PATH keeps its
 *    previous bytes, and the error is returned; a failed fsync is never
 *    retried on the same file.
 *  - Open removes stale temporary files of PATH left by a crash.
 *
 * Error messages name the file and the system's reason; they are returned
 * in *err (allocated, the caller frees it with ys_free; NULL when out of
 * memory or when err is NULL) and are not sanitised: print them with
 * ys_fputs_safe(). Out of memory is YS_EX_SOFTWARE. */
#ifndef YARDSTICK_STORE_H
#define YARDSTICK_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "yardstick/answers.h"

typedef struct ys_store {
	char *path;
	char *lock_path;
	int lock_fd;
} ys_store;

/* Takes the lock for path (the answers file need not exist yet) and
 * removes stale temporary files. Returns 0, or an exit code with a message
 * in *err (the caller frees it with ys_free): YS_EX_TEMPFAIL when another
 * process holds the lock (*holder gets its pid, or 0 if unknown),
 * YS_EX_CANTCREAT when the lock file cannot be created. */
int ys_store_open(ys_store *s, const char *path, pid_t *holder, char **err);

/* Starts a new answers file at path, for "save elsewhere": refuses a path
 * that exists (even a dangling symbolic link: *exists is set and the
 * return is YS_EX_CANTCREAT with *err NULL), then opens a store there as
 * ys_store_open does and saves a to it. Returns 0 with s open, or an exit
 * code with a message in *err (the caller frees it) and s closed. */
int ys_store_create(ys_store *s, const char *path, const ys_answers *a,
		    bool *exists, char **err);

/* Saves a atomically to s->path (mode 0600 for a new file; a file
 * replaced keeps its permission bits). Returns 0, or YS_EX_IOERR /
 * YS_EX_CANTCREAT with a message in *err. On failure the file on disk is
 * unchanged and a is untouched. (The one exception: when only the final
 * fsync of the folder fails, the new file is in place but may not survive
 * a power cut; that is reported as YS_EX_IOERR too.) */
int ys_store_save(ys_store *s, const ys_answers *a, char **err);
/* The same for any bytes (used by exports too); mode is a new file's
 * permission bits, and a regular file replaced keeps its own. With
 * exclusive, fails with EEXIST (YS_EX_CANTCREAT) rather than replace an
 * existing path, and never follows a symbolic link at path. Nothing partial is ever left at path: the data is written to
 * a temporary file first and linked into place (on file systems without
 * hard links, written in place with O_EXCL and removed on failure). */
int ys_atomic_write(const char *path, const char *data, size_t len,
		    unsigned mode, bool exclusive, char **err);

/* Checks that the folder holding path can be written by creating and
 * removing a temporary file there. Returns 0 or YS_EX_CANTCREAT with a
 * message. */
int ys_store_check_writable(const char *path, char **err);

/* Releases the lock and frees the store (the lock file is removed). */
void ys_store_close(ys_store *s);

#endif
