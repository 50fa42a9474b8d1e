/* Reading a list of answers files in order on worker threads; see
 * answers_stream.h.
 *
 * Files are claimed in list order, by the workers and by the caller while
 * it waits, from a window of `window` slots: file i uses slot i % window,
 * and is only claimed while i < next_out + window, so a slot is never
 * reused before its result has been handed out. One mutex guards the
 * counters and the slots' states; files are read outside it. */
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "yardstick/alloc.h"
#include "yardstick/answers_stream.h"

enum slot_state { SLOT_FREE, SLOT_READING, SLOT_DONE };

struct slot {
	enum slot_state state;
	ys_answers_item item;
};

struct ys_answers_stream {
	const char *const *paths;
	size_t n;
	const ys_questionnaire *q;
	size_t window;
	struct slot *slots;     /* window of them */
	size_t next_claim;      /* the next file to read */
	size_t next_out;        /* the next file to hand out */
	size_t reading;         /* files being read */
	bool stop;
	pthread_mutex_t mu;
	pthread_cond_t cv_done;  /* a file was read: the caller may go on */
	pthread_cond_t cv_space; /* a file can be claimed, or stop */
	pthread_cond_t cv_idle;  /* nothing is being read */
	pthread_t threads[YS_STREAM_MAX_THREADS];
	int n_threads;
};

static int auto_threads(void)
{
	long cpus = 1;

#ifdef _SC_NPROCESSORS_ONLN
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
#endif
	if (cpus <= 1)
		return 0;
	return cpus - 1 > YS_STREAM_MAX_THREADS ? YS_STREAM_MAX_THREADS
						: (int)(cpus - 1);
}

/* Reads (and binds) file i into its item. Touches nothing shared. */
static void read_one(const ys_answers_stream *s, size_t i, ys_answers_item *it)
{
	memset(it, 0, sizeof(*it));
	it->index = i;
	it->path = s->paths[i];
	it->a = ys_answers_read_file(it->path, &it->diags);
	if (it->a && s->q) {
		it->bound = true;
		it->bind_ok = ys_answers_bind(it->a, s->q, it->path, &it->diags);
	}
}

static bool can_claim(const ys_answers_stream *s)
{
	return !s->stop && s->next_claim < s->n &&
	       s->next_claim < s->next_out + s->window;
}

/* Claims the next file, reads it with the lock released, and stores the
 * result. Called and returns with the lock held. */
static void claim_and_read(ys_answers_stream *s)
{
	size_t i = s->next_claim++;
	struct slot *sl = &s->slots[i % s->window];
	ys_answers_item it;

	sl->state = SLOT_READING;
	s->reading++;
	pthread_mutex_unlock(&s->mu);
	read_one(s, i, &it);
	pthread_mutex_lock(&s->mu);
	sl->item = it;
	sl->state = SLOT_DONE;
	s->reading--;
	pthread_cond_signal(&s->cv_done);
	if (!s->reading)
		pthread_cond_broadcast(&s->cv_idle);
}

static void *worker_main(void *arg)
{
	ys_answers_stream *s = arg;

	pthread_mutex_lock(&s->mu);
	for (;;) {
		if (can_claim(s)) {
			claim_and_read(s);
			continue;
		}
		if (s->stop || s->next_claim >= s->n)
			break;
		pthread_cond_wait(&s->cv_space, &s->mu);
	}
	pthread_mutex_unlock(&s->mu);
	return NULL;
}

static bool init_sync(ys_answers_stream *s)
{
	if (pthread_mutex_init(&s->mu, NULL))
		return false;
	if (pthread_cond_init(&s->cv_done, NULL))
		goto no_done;
	if (pthread_cond_init(&s->cv_space, NULL))
		goto no_space;
	if (pthread_cond_init(&s->cv_idle, NULL))
		goto no_idle;
	return true;
no_idle:
	pthread_cond_destroy(&s->cv_space);
no_space:
	pthread_cond_destroy(&s->cv_done);
no_done:
	pthread_mutex_destroy(&s->mu);
	return false;
}

ys_answers_stream *ys_answers_stream_open(const char *const *paths, size_t n,
					  const ys_questionnaire *q,
					  int threads, size_t window)
{
	ys_answers_stream *s;
	int i;

	if (threads < 0)
		threads = auto_threads();
	if (threads > YS_STREAM_MAX_THREADS)
		threads = YS_STREAM_MAX_THREADS;
	if (!window)
		window = YS_STREAM_WINDOW;
	s = ys_calloc(1, sizeof(*s));
	if (!s)
		return NULL;
	s->paths = paths;
	s->n = n;
	s->q = q;
	s->window = window;
	s->slots = ys_calloc(window, sizeof(*s->slots));
	if (!s->slots || !init_sync(s)) {
		ys_free(s->slots);
		ys_free(s);
		return NULL;
	}
	for (i = 0; i < threads && (size_t)i < n; i++) {
		if (pthread_create(&s->threads[i], NULL, worker_main, s))
			break;
		s->n_threads++;
	}
	return s;
}

bool ys_answers_stream_next(ys_answers_stream *s, ys_answers_item *item)
{
	struct slot *sl;

	memset(item, 0, sizeof(*item));
	if (s->next_out >= s->n)
		return false;
	sl = &s->slots[s->next_out % s->window];
	pthread_mutex_lock(&s->mu);
	while (sl->state != SLOT_DONE) {
		if (can_claim(s))
			claim_and_read(s);
		else
			pthread_cond_wait(&s->cv_done, &s->mu);
	}
	*item = sl->item;
	memset(&sl->item, 0, sizeof(sl->item));
	sl->state = SLOT_FREE;
	s->next_out++;
	if (can_claim(s))
		pthread_cond_signal(&s->cv_space);
	pthread_mutex_unlock(&s->mu);
	return true;
}

int ys_answers_stream_threads(const ys_answers_stream *s)
{
	return s->n_threads;
}

size_t ys_answers_stream_settle(ys_answers_stream *s)
{
	size_t i, ready = 0;

	pthread_mutex_lock(&s->mu);
	while (s->n_threads && (s->reading || can_claim(s)))
		pthread_cond_wait(&s->cv_idle, &s->mu);
	for (i = 0; i < s->window; i++)
		if (s->slots[i].state == SLOT_DONE)
			ready++;
	pthread_mutex_unlock(&s->mu);
	return ready;
}

void ys_answers_stream_close(ys_answers_stream *s)
{
	size_t i;
	int t;

	if (!s)
		return;
	pthread_mutex_lock(&s->mu);
	s->stop = true;
	pthread_cond_broadcast(&s->cv_space);
	pthread_mutex_unlock(&s->mu);
	for (t = 0; t < s->n_threads; t++)
		pthread_join(s->threads[t], NULL);
	for (i = 0; i < s->window; i++)
		if (s->slots[i].state == SLOT_DONE)
			ys_answers_item_free(&s->slots[i].item);
	pthread_cond_destroy(&s->cv_idle);
	pthread_cond_destroy(&s->cv_space);
	pthread_cond_destroy(&s->cv_done);
	pthread_mutex_destroy(&s->mu);
	ys_free(s->slots);
	ys_free(s);
}

void ys_answers_item_free(ys_answers_item *item)
{
	ys_answers_free(item->a);
	ys_diags_free(&item->diags);
	memset(item, 0, sizeof(*item));
}
