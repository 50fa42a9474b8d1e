/* I/O seam; see io.h. Kept in its own object file so tests can wrap it. */
#include <stdio.h>
#include <unistd.h>

#include "yardstick/io.h"

ssize_t ys_io_write(int fd, const void *buf, size_t n)
{
	return write(fd, buf, n);
}

int ys_io_fsync(int fd)
{
	return fsync(fd);
}

int ys_io_close(int fd)
{
	return close(fd);
}

int ys_io_rename(const char *from, const char *to)
{
	return rename(from, to);
}
