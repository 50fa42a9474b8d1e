/* I/O seam: the system calls that durable saves make, in their own object
 * file so tests can replace them with -Wl,--wrap or a fault-injecting
 * preload. They behave exactly like the POSIX calls they name. */
#ifndef YARDSTICK_IO_H
#define YARDSTICK_IO_H

#include <stddef.h>
#include <sys/types.h>

ssize_t ys_io_write(int fd, const void *buf, size_t n);
int ys_io_fsync(int fd);
int ys_io_close(int fd);
int ys_io_rename(const char *from, const char *to);

/* Writes all n bytes through ys_io_write, retrying on EINTR and short
 * writes. Returns 0 or -1 with errno set. Defined in store.c, outside this
 * seam, so that a wrapped ys_io_write is seen. */
int ys_io_write_all(int fd, const void *buf, size_t n);

#endif
