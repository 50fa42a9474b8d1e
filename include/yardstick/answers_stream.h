/* Reading a list of answers files in order, on more than one core.
 *
 * A stream reads each file of a list with ys_answers_read_file() and,
 * when given a questionnaire, binds it with ys_answers_bind(), on worker
 * threads, and hands the results back strictly in the list's order. At
 * most `window` files are read ahead of the one the caller has reached,
 * so memory stays bounded however long the list is. While the caller
 * waits for the next result it reads files itself, so one worker keeps
 * two cores busy.
 *
 *   s = ys_answers_stream_open(paths, n, q, YS_STREAM_AUTO, 0);
 *   while (ys_answers_stream_next(s, &item)) {
 *           ... item.a, or item.diags when item.a is NULL ...
 *           ys_answers_item_free(&item);
 *   }
 *   ys_answers_stream_close(s);
 *
 * Each file gets its own diagnostics list, so the caller prints them in
 * list order whatever thread read the file. The caller may stop at any
 * time: ys_answers_stream_close() waits for the files being read and
 * frees every result not handed out.
 *
 * With threads == 0 nothing runs on another thread: each file is read
 * (and bound) inside ys_answers_stream_next(), in order, so allocations
 * happen in a predictable order (for fault-injection tests, alloc.h).
 *
 * The questionnaire and the paths are only read, from several threads;
 * they must not change and must outlive the stream. One stream is used
 * from one thread. */
#ifndef YARDSTICK_ANSWERS_STREAM_H
#define YARDSTICK_ANSWERS_STREAM_H

#include <stdbool.h>
#include <stddef.h>

#include "yardstick/answers.h"
#include "yardstick/diag.h"
#include "yardstick/questionnaire.h"

/* threads: as many workers as there are other cores (at most
 * YS_STREAM_MAX_THREADS), none on a single core. */
#define YS_STREAM_AUTO (-1)
#define YS_STREAM_MAX_THREADS 8
/* window 0: this many files at most are read ahead. */
#define YS_STREAM_WINDOW 32

typedef struct ys_answers_stream ys_answers_stream;

/* One file's result. The caller owns a and diags: free both with
 * ys_answers_item_free(), or take a (setting item->a to NULL) first. */
typedef struct ys_answers_item {
	size_t index;           /* position in the list */
	const char *path;       /* paths[index], borrowed */
	ys_answers *a;          /* NULL when the file could not be read */
	ys_diags diags;         /* a == NULL: why; else the binding's problems */
	bool bound;             /* a was bound to the stream's questionnaire */
	bool bind_ok;           /* ys_answers_bind() returned true */
} ys_answers_item;

/* A stream over the n files in paths (borrowed). q, when not NULL, is
 * the questionnaire every file is bound to as soon as it is read, whether
 * or not the file names it (a caller that must check the file's identity
 * first checks it and ignores item.diags when the check fails). threads
 * is the number of worker threads (YS_STREAM_AUTO, 0 for none, at most
 * YS_STREAM_MAX_THREADS); workers that cannot be started are done
 * without. window (0: YS_STREAM_WINDOW) is how many files may be read
 * ahead of the caller. Reading starts at once. NULL when out of memory.
 * Free with ys_answers_stream_close(). */
ys_answers_stream *ys_answers_stream_open(const char *const *paths, size_t n,
					  const ys_questionnaire *q,
					  int threads, size_t window);

/* Moves the next file's result, in list order, into *item, reading it
 * first when no worker has. Returns false (item zeroed) when every file
 * has been handed out. */
bool ys_answers_stream_next(ys_answers_stream *s, ys_answers_item *item);

/* The number of worker threads running (0 when inline). */
int ys_answers_stream_threads(const ys_answers_stream *s);

/* For tests: waits until no file is being read and no more can be started
 * (the window is full, or the list is done), then returns how many
 * results are ready and not yet handed out. With threads == 0 returns 0
 * at once. */
size_t ys_answers_stream_settle(ys_answers_stream *s);

/* Stops the workers (each finishes the file it is reading), frees every
 * result not handed out, and frees s. NULL is allowed. */
void ys_answers_stream_close(ys_answers_stream *s);

void ys_answers_item_free(ys_answers_item *item);

#endif
