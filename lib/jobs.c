/*
 * jobs.c: the record loop over worker threads (-j N, rec_loop_jobs).
 *
 * The calling thread reads the lines, in order, into a ring of slots;
 * N workers take the slots in turn, parse each line and run the
 * program's callback on it, its records (rec_write) and messages
 * (rec_bad, kh_warn) held in the slot's memory streams; one writer
 * thread puts each slot's messages on stderr and its records on stdout
 * in input order, counts it as rec_loop does, and flushes stdout
 * whenever it has to wait for the next slot, so a slow pipeline still
 * moves record by record.  The ring holds 4 slots a worker: memory is
 * bounded by those records, whatever the input, and a record slower
 * than the rest does not stop the others at once.
 *
 * The writer alone counts records, skipped ones and bytes (kh_run) and
 * draws --progress, so what the program says and exits with is what
 * rec_loop would have made of the same input.
 */
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "khobor.h"
#include "jobs.h"

#define SLOTS_A_WORKER 4
/* A slot's buffers past this size are given back after their record,
 * so that one huge page does not keep its memory in every slot. */
#define KEEP_MAX ((size_t)1 << 20)

enum { FREE, READ, BUSY, DONE };
enum { LINE, READ_FAILED, OPEN_FAILED };

struct slot {
	int state;		/* FREE: the reader's; READ, BUSY: a
				 * worker's; DONE: the writer's */
	int kind;		/* LINE, READ_FAILED, OPEN_FAILED */
	enum rec_read st;
	char *line;
	size_t len, cap;
	struct rec_pos pos;
	uint64_t bytes;		/* input read up to this line */
	int err;		/* errno of READ_FAILED, OPEN_FAILED */
	int counted, bad;	/* a record; rec_bad() on it */
	FILE *out, *msg;	/* its records and messages */
	char *obuf, *mbuf;
	size_t osize, msize;	/* the streams' own */
	size_t olen, mlen;	/* what this record wrote in them */
};

struct worker {
	struct jobs *j;
	pthread_t tid;
	struct loop l;
};

struct jobs {
	pthread_mutex_t mu;
	pthread_cond_t readable;	/* a slot READ, or the end */
	pthread_cond_t done;		/* the slot at head DONE */
	pthread_cond_t freed;		/* the slot at tail FREE */
	struct slot *slot;
	size_t nslot;
	/* slot numbers, not wrapped: next to fill, to work, to write */
	size_t tail, next, head;
	int eof;			/* the reader has put its last slot */
	struct worker *w;
	int nw;
	pthread_t writer;
	void (*stop)(void *);
};

static void
lock(struct jobs *j)
{
	if ((errno = pthread_mutex_lock(&j->mu)) != 0)
		kh_die("pthread_mutex_lock:");
}

static void
unlock(struct jobs *j)
{
	if ((errno = pthread_mutex_unlock(&j->mu)) != 0)
		kh_die("pthread_mutex_unlock:");
}

static void
wait_on(pthread_cond_t *c, struct jobs *j)
{
	if ((errno = pthread_cond_wait(c, &j->mu)) != 0)
		kh_die("pthread_cond_wait:");
}

static void
wake(pthread_cond_t *c, int all)
{
	if ((errno = all ? pthread_cond_broadcast(c) :
	    pthread_cond_signal(c)) != 0)
		kh_die("pthread_cond_signal:");
}

static FILE *
memory_stream(char **buf, size_t *size)
{
	FILE *f = open_memstream(buf, size);

	if (f == NULL)
		kh_die("open_memstream:");
	return f;
}

/* fclose gives the stream's last buffer in *buf. */
static void
close_stream(FILE *f, char **buf)
{
	fclose(f);
	free(*buf);
	*buf = NULL;
}

/* What the stream has had written since its rewind. */
static size_t
stream_len(FILE *f)
{
	off_t end;

	if (fflush(f) == EOF || ferror(f) || (end = ftello(f)) < 0)
		kh_die("cannot write a record to memory: out of memory");
	return (size_t)end;
}

/* One slot's line through the program, in a worker. */
static void
work(struct worker *w, struct slot *s)
{
	rewind(s->out);
	rewind(s->msg);
	rec_write_to(s->out);
	kh_warn_to(s->msg);
	(void)rec_bad_now();
	s->counted = loop_line(&w->l, s->st, s->line, s->len, &s->pos);
	s->bad = rec_bad_now();
	rec_write_to(NULL);
	kh_warn_to(NULL);
	s->olen = stream_len(s->out);
	s->mlen = stream_len(s->msg);
}

static void *
worker_main(void *arg)
{
	struct worker *w = arg;
	struct jobs *j = w->j;
	struct slot *s;

	lock(j);
	for (;;) {
		while (j->next == j->tail && !j->eof)
			wait_on(&j->readable, j);
		if (j->next == j->tail)
			break;
		s = &j->slot[j->next++ % j->nslot];
		s->state = BUSY;
		unlock(j);
		if (s->kind == LINE)
			work(w, s);
		lock(j);
		s->state = DONE;
		if (s == &j->slot[j->head % j->nslot])
			wake(&j->done, 0);
	}
	unlock(j);
	return NULL;
}

/* The end of a run the writer stops (--strict): as rec_loop's
 * exit(rec_exit()), but without running exit handlers under the
 * workers' feet: rec_exit() has written and closed all there was. */
static _Noreturn void
stop_now(void)
{
	_exit(rec_exit());
}

/* One slot's messages and records out, and counted, in the writer. */
static void
emit(struct slot *s)
{
	switch (s->kind) {
	case OPEN_FAILED:
		errno = s->err;
		kh_warn("%s:", s->pos.file);
		kh_run.error = 1;
		return;
	case READ_FAILED:
		kh_run.bytes = s->bytes;
		errno = s->err;
		kh_warn("%s: read error:", s->pos.file);
		kh_run.error = 1;
		return;
	}
	kh_run.bytes = s->bytes;
	if (s->mlen > 0) {
		kh_progress_clear();
		/* one write: stderr is unbuffered */
		fwrite(s->mbuf, 1, s->mlen, stderr);
	}
	if (s->olen > 0)
		rec_write_lines(s->obuf, s->olen);
	if (s->counted) {
		kh_run.records++;
		if (s->bad) {
			kh_run.skipped++;
			if (kh_run.strict)
				stop_now();
		}
		kh_progress_tick();
	}
}

/* A slot's buffers back to their usual size after a huge record. */
static void
trim(struct slot *s)
{
	if (s->olen > KEEP_MAX) {
		close_stream(s->out, &s->obuf);
		s->out = memory_stream(&s->obuf, &s->osize);
	}
	if (s->mlen > KEEP_MAX) {
		close_stream(s->msg, &s->mbuf);
		s->msg = memory_stream(&s->mbuf, &s->msize);
	}
}

static void *
writer_main(void *arg)
{
	struct jobs *j = arg;
	struct slot *s;
	int flushed = 1;

	lock(j);
	for (;;) {
		s = &j->slot[j->head % j->nslot];
		if (j->head == j->tail && j->eof)
			break;
		if (j->head == j->tail || s->state != DONE) {
			if (!flushed) {
				/* nothing to write for now: what is written
				 * goes on down the pipeline meanwhile */
				unlock(j);
				rec_flush();
				flushed = 1;
				lock(j);
				continue;
			}
			wait_on(&j->done, j);
			continue;
		}
		unlock(j);
		emit(s);
		trim(s);
		flushed = 0;
		lock(j);
		s->state = FREE;
		j->head++;
		wake(&j->freed, 0);
	}
	unlock(j);
	return NULL;
}

struct jobs *
jobs_start(const struct loop *l, void *(*start)(void *), void (*stop)(void *),
    void *arg)
{
	struct jobs *j = kh_malloc(sizeof(*j));
	size_t i;
	int k;

	memset(j, 0, sizeof(*j));
	if ((errno = pthread_mutex_init(&j->mu, NULL)) != 0 ||
	    (errno = pthread_cond_init(&j->readable, NULL)) != 0 ||
	    (errno = pthread_cond_init(&j->done, NULL)) != 0 ||
	    (errno = pthread_cond_init(&j->freed, NULL)) != 0)
		kh_die("pthread_mutex_init:");
	j->nw = kh_run.jobs;
	j->stop = stop;
	j->nslot = (size_t)j->nw * SLOTS_A_WORKER;
	j->slot = kh_malloc(j->nslot * sizeof(*j->slot));
	memset(j->slot, 0, j->nslot * sizeof(*j->slot));
	for (i = 0; i < j->nslot; i++) {
		j->slot[i].out = memory_stream(&j->slot[i].obuf,
		    &j->slot[i].osize);
		j->slot[i].msg = memory_stream(&j->slot[i].mbuf,
		    &j->slot[i].msize);
	}
	/* the lazily made state of the libraries, made before there are
	 * threads to race for it: json-c's hash seed */
	json_object_put(json_tokener_parse("{\"a\":0}"));
	rec_read_noflush(1);
	if ((errno = pthread_create(&j->writer, NULL, writer_main, j)) != 0)
		kh_die("pthread_create:");
	j->w = kh_malloc(j->nw * sizeof(*j->w));
	for (k = 0; k < j->nw; k++) {
		j->w[k].j = j;
		j->w[k].l = *l;
		j->w[k].l.jobs = NULL;
		j->w[k].l.p = rec_parser_new();
		j->w[k].l.arg = start(arg);
		if ((errno = pthread_create(&j->w[k].tid, NULL, worker_main,
		    &j->w[k])) == 0)
			continue;
		/* out of threads or of memory for their stacks (ulimit
		 * -u, -v): the workers there are do the work */
		if (k == 0)
			kh_die("pthread_create:");
		stop(j->w[k].l.arg);
		rec_parser_free(j->w[k].l.p);
		j->nw = k;
	}
	return j;
}

/* The next slot to fill, once the writer is done with it. */
static struct slot *
slot_to_fill(struct jobs *j)
{
	struct slot *s;

	lock(j);
	s = &j->slot[j->tail % j->nslot];
	while (s->state != FREE)
		wait_on(&j->freed, j);
	unlock(j);
	return s;
}

static void
slot_filled(struct jobs *j, struct slot *s)
{
	lock(j);
	s->state = READ;
	j->tail++;
	wake(&j->readable, 0);
	unlock(j);
}

/* Room for n bytes in s->line: grown by halves up to KEEP_MAX, to the
 * byte past it, and back to KEEP_MAX after a huge line. */
static void
line_room(struct slot *s, size_t n)
{
	size_t cap;

	if (n <= s->cap && (s->cap <= KEEP_MAX || n > KEEP_MAX))
		return;
	cap = s->cap + s->cap / 2;
	if (cap > KEEP_MAX)
		cap = KEEP_MAX;
	if (cap < n)
		cap = n;
	free(s->line);
	s->line = kh_malloc(cap);
	s->cap = cap;
}

void
jobs_put(struct jobs *j, enum rec_read st, const char *line, size_t len,
    const struct rec_pos *pos, uint64_t bytes)
{
	int err = errno;
	struct slot *s = slot_to_fill(j);

	s->kind = st == REC_IOERR ? READ_FAILED : LINE;
	s->st = st;
	s->err = err;
	s->pos = *pos;
	s->bytes = bytes;
	s->len = 0;
	if (st == REC_LINE) {
		/* with the NUL rec_read_line() puts after a line */
		line_room(s, len + 1);
		memcpy(s->line, line, len + 1);
		s->len = len;
	}
	slot_filled(j, s);
}

void
jobs_open_failed(struct jobs *j, const char *name)
{
	int err = errno;
	struct slot *s = slot_to_fill(j);

	s->kind = OPEN_FAILED;
	s->err = err;
	memset(&s->pos, 0, sizeof(s->pos));
	s->pos.file = name;
	slot_filled(j, s);
}

void
jobs_end(struct jobs *j)
{
	size_t i;
	int k;

	lock(j);
	j->eof = 1;
	wake(&j->readable, 1);
	wake(&j->done, 0);
	unlock(j);
	for (k = 0; k < j->nw; k++)
		if ((errno = pthread_join(j->w[k].tid, NULL)) != 0)
			kh_die("pthread_join:");
	if ((errno = pthread_join(j->writer, NULL)) != 0)
		kh_die("pthread_join:");
	rec_read_noflush(0);
	for (k = 0; k < j->nw; k++) {
		j->stop(j->w[k].l.arg);
		rec_parser_free(j->w[k].l.p);
	}
	for (i = 0; i < j->nslot; i++) {
		close_stream(j->slot[i].out, &j->slot[i].obuf);
		close_stream(j->slot[i].msg, &j->slot[i].mbuf);
		free(j->slot[i].line);
	}
	pthread_cond_destroy(&j->readable);
	pthread_cond_destroy(&j->done);
	pthread_cond_destroy(&j->freed);
	pthread_mutex_destroy(&j->mu);
	free(j->slot);
	free(j->w);
	free(j);
}
