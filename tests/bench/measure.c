/* measure RUNS COMMAND [ARG...]: the benchmark timing harness.
 *
 * Runs COMMAND RUNS times, one after the other, with its standard output
 * sent to /dev/null, and prints one line on stdout:
 *
 *   BEST_SECONDS MEDIAN_SECONDS PEAK_RSS_KIB CPU_SECONDS
 *
 * Wall time is taken with CLOCK_MONOTONIC around each run (spawn to exit);
 * the peak resident set size is the largest of any run, and CPU_SECONDS
 * the mean user + system time of a run (all threads), both from
 * getrusage(RUSAGE_CHILDREN). Exits 1, naming the status, when a run does
 * not exit with status 0, and 2 on a usage or system error. */
#include <errno.h>
#include <fcntl.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>

extern char **environ;

#define MAX_RUNS 100

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* Runs argv once; stores its wall time. Returns 0 when it exited 0. */
static int run_once(char **argv, double *seconds)
{
	posix_spawn_file_actions_t fa;
	pid_t pid;
	int status, err;
	double start;

	if (posix_spawn_file_actions_init(&fa) != 0 ||
	    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0) != 0) {
		fputs("measure: cannot set up the child's output\n", stderr);
		return 2;
	}
	start = now();
	err = posix_spawnp(&pid, argv[0], &fa, NULL, argv, environ);
	posix_spawn_file_actions_destroy(&fa);
	if (err) {
		fprintf(stderr, "measure: %s: %s\n", argv[0], strerror(err));
		return 2;
	}
	while (waitpid(pid, &status, 0) < 0) {
		if (errno != EINTR) {
			perror("measure: waitpid");
			return 2;
		}
	}
	*seconds = now() - start;
	if (WIFEXITED(status) && WEXITSTATUS(status) == 0)
		return 0;
	if (WIFEXITED(status))
		fprintf(stderr, "measure: %s exited with status %d\n", argv[0],
			WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		fprintf(stderr, "measure: %s killed by signal %d\n", argv[0],
			WTERMSIG(status));
	return 1;
}

int main(int argc, char **argv)
{
	double times[MAX_RUNS];
	struct rusage ru;
	char *end;
	long runs, i;

	if (argc < 3) {
		fputs("usage: measure RUNS COMMAND [ARG...]\n", stderr);
		return 2;
	}
	runs = strtol(argv[1], &end, 10);
	if (*end || runs < 1 || runs > MAX_RUNS) {
		fprintf(stderr, "measure: RUNS must be 1..%d\n", MAX_RUNS);
		return 2;
	}
	for (i = 0; i < runs; i++) {
		int rc = run_once(argv + 2, &times[i]);

		if (rc)
			return rc;
	}
	if (getrusage(RUSAGE_CHILDREN, &ru) != 0) {
		perror("measure: getrusage");
		return 2;
	}
	qsort(times, (size_t)runs, sizeof(times[0]), cmp_double);
	printf("%.6f %.6f %ld %.6f\n", times[0], times[(runs - 1) / 2],
	       (long)ru.ru_maxrss,
	       ((double)ru.ru_utime.tv_sec + (double)ru.ru_utime.tv_usec / 1e6 +
		(double)ru.ru_stime.tv_sec + (double)ru.ru_stime.tv_usec / 1e6) /
	       (double)runs);
	return 0;
}
