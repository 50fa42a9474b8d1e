/* Paths recorded in answers files and printed in commands; see path.h. */
#define _DEFAULT_SOURCE         /* realpath() with a NULL buffer */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "yardstick/alloc.h"
#include "yardstick/path.h"
#include "yardstick/strbuf.h"

char *ys_path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	size_t n;

	if (!slash)
		return ys_strdup(".");
	n = (size_t)(slash - path);
	while (n > 0 && path[n - 1] == '/')
		n--;
	if (n == 0)
		return ys_strdup("/");
	return ys_strndup(path, n);
}

char *ys_path_join(const char *dir, const char *rel)
{
	ys_sb b = {0};

	if (rel[0] == '/' || !strcmp(dir, "."))
		return ys_strdup(rel);
	ys_sb_puts(&b, dir);
	if (b.len && dir[b.len - 1] != '/')
		ys_sb_putc(&b, '/');
	ys_sb_puts(&b, rel);
	if (b.oom) {
		ys_sb_free(&b);
		errno = ENOMEM;
		return NULL;
	}
	return ys_sb_take(&b);
}

/* Length of the first component of s (s does not start with '/'). */
static size_t component(const char *s)
{
	const char *e = strchr(s, '/');

	return e ? (size_t)(e - s) : strlen(s);
}

char *ys_path_relative(const char *target, const char *dir)
{
	const char *t = target, *d = dir;
	ys_sb b = {0};

	/* Skip the components they share. */
	for (;;) {
		size_t nt, nd;

		while (*t == '/')
			t++;
		while (*d == '/')
			d++;
		nt = component(t);
		nd = component(d);
		if (!nd || nt != nd || memcmp(t, d, nt))
			break;
		t += nt;
		d += nd;
	}
	/* Up from each remaining component of dir, then down to target. */
	while (*d) {
		size_t nd = component(d);

		ys_sb_puts(&b, b.len ? "/.." : "..");
		d += nd;
		while (*d == '/')
			d++;
	}
	if (*t) {
		if (b.len)
			ys_sb_putc(&b, '/');
		ys_sb_puts(&b, t);
	}
	if (!b.len)
		ys_sb_putc(&b, '.');
	if (b.oom) {
		ys_sb_free(&b);
		errno = ENOMEM;
		return NULL;
	}
	return ys_sb_take(&b);
}

char *ys_path_from_answers(const char *file, const char *answers_path)
{
	char *dir = ys_path_dir(answers_path), *rdir = NULL, *rfile = NULL;
	char *out = NULL;
	int err = ENOMEM;

	if (!dir)
		goto done;
	rdir = realpath(dir, NULL);
	if (!rdir) {
		err = errno;
		goto done;
	}
	rfile = realpath(file, NULL);
	if (!rfile) {
		err = errno;
		goto done;
	}
	out = ys_path_relative(rfile, rdir);
done:
	ys_free(dir);
	free(rdir);
	free(rfile);
	if (!out)
		errno = err;
	return out;
}

char *ys_path_in_answers(const char *rel, const char *answers_path)
{
	char *dir = ys_path_dir(answers_path), *out;

	if (!dir)
		return NULL;
	out = ys_path_join(dir, rel);
	ys_free(dir);
	return out;
}

char *ys_shell_word(const char *s)
{
	static const char safe[] =
		"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
		"0123456789./_-+,:@%=";
	ys_sb b = {0};
	bool plain = *s && strspn(s, safe) == strlen(s);

	if (s[0] == '-')
		ys_sb_puts(&b, "./");
	if (plain) {
		ys_sb_puts(&b, s);
	} else {
		ys_sb_putc(&b, '\'');
		for (; *s; s++) {
			if (*s == '\'')
				ys_sb_puts(&b, "'\\''");
			else
				ys_sb_putc(&b, *s);
		}
		ys_sb_putc(&b, '\'');
	}
	if (b.oom) {
		ys_sb_free(&b);
		errno = ENOMEM;
		return NULL;
	}
	return ys_sb_take(&b);
}
