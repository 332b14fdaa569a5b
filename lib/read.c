/*
 * read.c: a line reader with a bound on line length.
 *
 * getline(3) grows its buffer for as long as a line lasts, so one runaway
 * line (a binary file, a missing newline) ends in an out-of-memory kill.
 * This reader keeps at most max bytes of a line (plus one read chunk): a
 * longer line is read through, dropped and reported as REC_TOOLONG.
 */
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "khobor.h"
#include "jobs.h"

#define CHUNK ((size_t)256 << 10)	/* least room for one read */

void
rec_reader_init(struct rec_reader *r, int fd, const char *name, size_t max)
{
	memset(r, 0, sizeof(*r));
	r->fd = fd;
	r->pos.file = name;
	r->max = max;
	r->cap = 4 * CHUNK;
	r->buf = kh_malloc(r->cap);
}

void
rec_reader_free(struct rec_reader *r)
{
	free(r->buf);
	r->buf = NULL;
}

static void (*idle_fn)(void);
static int idle_ms;
static void (*wait_fn)(int fd);
static int no_flush;	/* see rec_read_noflush() */

void
rec_read_noflush(int on)
{
	no_flush = on;
}

void
rec_on_wait(void (*fn)(int fd))
{
	wait_fn = fn;
}

void
rec_on_idle(void (*fn)(void), int ms)
{
	idle_fn = fn;
	idle_ms = ms;
}

/* Would a read block?  Then flush what we wrote first, and after a
 * while without input let the program finish what it holds, or let it
 * work until input comes. */
static void
flush_if_idle(int fd)
{
	struct pollfd p = { .fd = fd, .events = POLLIN };

	if (no_flush || poll(&p, 1, 0) != 0)
		return;
	rec_flush();
	if (wait_fn != NULL) {
		wait_fn(fd);
		rec_flush();
		return;
	}
	if (idle_fn != NULL && poll(&p, 1, idle_ms) == 0) {
		idle_fn();
		rec_flush();
	}
}

/* Read more input after the unread part of the buffer, always leaving
 * one byte free so a line can be NUL-terminated.  Returns the bytes
 * read, 0 at end of input, -1 on error. */
static ssize_t
fill(struct rec_reader *r)
{
	ssize_t n;

	/* Move the unread part to the front only when the room after it
	 * runs short, so page-sized records are not copied at every read. */
	if (r->cap - r->end < CHUNK && r->start > 0) {
		memmove(r->buf, r->buf + r->start, r->end - r->start);
		r->end -= r->start;
		r->scan -= r->start;
		r->start = 0;
	}
	if (r->cap - r->end < CHUNK) {
		r->cap *= 2;
		r->buf = kh_realloc(r->buf, r->cap);
	}
	flush_if_idle(r->fd);
	do
		n = read(r->fd, r->buf + r->end, r->cap - r->end - 1);
	while (n < 0 && errno == EINTR);
	if (n > 0) {
		r->end += n;
		r->bytes += n;
	} else if (n == 0) {
		r->eof = 1;
	}
	return n;
}

/* Drop the rest of an over-long line, up to and including its '\n'. */
static enum rec_read
skip_line(struct rec_reader *r)
{
	char *nl;

	for (;;) {
		nl = memchr(r->buf + r->start, '\n', r->end - r->start);
		if (nl != NULL) {
			r->start = r->scan = nl - r->buf + 1;
			return REC_TOOLONG;
		}
		r->start = r->scan = r->end = 0;
		switch (fill(r)) {
		case -1:
			return REC_IOERR;
		case 0:
			return REC_TOOLONG;
		}
	}
}

enum rec_read
rec_read_line(struct rec_reader *r, char **line, size_t *len)
{
	char *nl;
	size_t n;

	for (;;) {
		nl = memchr(r->buf + r->scan, '\n', r->end - r->scan);
		if (nl != NULL) {
			n = nl - (r->buf + r->start);
			break;
		}
		r->scan = r->end;
		if (r->end - r->start > r->max) {
			r->pos.line++;
			return skip_line(r);
		}
		if (r->eof) {
			if (r->start == r->end)
				return REC_EOF;
			n = r->end - r->start;	/* no final newline */
			break;
		}
		if (fill(r) < 0)
			return REC_IOERR;
	}
	r->pos.line++;
	*line = r->buf + r->start;
	*len = n;
	(*line)[n] = '\0';	/* room is kept for it: see fill() */
	r->start = r->scan = r->start + n + (nl != NULL);
	if (n > r->max)
		return REC_TOOLONG;
	return REC_LINE;
}
