/* replay PATH...: runs a fuzz target's code over saved inputs, without
 * libFuzzer, so that every build checks the committed corpus.
 *
 * Each PATH is a file or a folder; a folder's regular files are replayed
 * in name order (names starting with '.' are skipped). A broken invariant
 * aborts, so the test fails naming the input last started. Exits 0 when
 * every input ran, 1 when a path cannot be read. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz.h"

/* Reads the file into a block of exactly its size, so that AddressSanitizer
 * catches any read past the end of the input, and runs the target on it. */
static int replay_file(const char *path)
{
	unsigned char *buf;
	struct stat st;
	size_t len;
	FILE *f = fopen(path, "rb");

	if (!f || fstat(fileno(f), &st) != 0) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		if (f)
			fclose(f);
		return 1;
	}
	len = (size_t)st.st_size;
	buf = malloc(len ? len : 1);
	if (!buf || fread(buf, 1, len, f) != len) {
		fprintf(stderr, "replay: %s: cannot read the whole file\n", path);
		free(buf);
		fclose(f);
		return 1;
	}
	fclose(f);
	fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
	LLVMFuzzerTestOneInput(buf, len);
	free(buf);
	return 0;
}

static int cmp_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int replay_dir(const char *dir, size_t *count)
{
	DIR *dp = opendir(dir);
	struct dirent *de;
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	int status = 0;

	if (!dp) {
		fprintf(stderr, "replay: %s: %s\n", dir, strerror(errno));
		return 1;
	}
	while ((de = readdir(dp))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			char **p;

			cap = cap ? cap * 2 : 64;
			p = realloc(names, cap * sizeof(*names));
			if (!p) {
				status = 1;
				break;
			}
			names = p;
		}
		names[n] = malloc(strlen(dir) + strlen(de->d_name) + 2);
		if (!names[n]) {
			status = 1;
			break;
		}
		sprintf(names[n], "%s/%s", dir, de->d_name);
		n++;
	}
	closedir(dp);
	if (n)
		qsort(names, n, sizeof(*names), cmp_names);
	for (i = 0; i < n; i++) {
		struct stat st;

		if (!status && stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
			status = replay_file(names[i]);
			(*count)++;
		}
		free(names[i]);
	}
	free(names);
	return status;
}

int main(int argc, char **argv)
{
	size_t count = 0;
	int i, status = 0;

	if (argc < 2) {
		fputs("usage: replay PATH...\n", stderr);
		return 2;
	}
	for (i = 1; i < argc && !status; i++) {
		struct stat st;

		if (stat(argv[i], &st) != 0) {
			fprintf(stderr, "replay: %s: %s\n", argv[i], strerror(errno));
			status = 1;
		} else if (S_ISDIR(st.st_mode)) {
			status = replay_dir(argv[i], &count);
		} else {
			status = replay_file(argv[i]);
			count++;
		}
	}
	fprintf(stderr, "replay: %zu inputs\n", count);
	return status;
}
