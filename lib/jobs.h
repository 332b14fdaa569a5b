/*
 * jobs.h: what lib/jobs.c (rec_loop_jobs over worker threads) and
 * lib/loop.c share inside the library; no program includes it.
 */
#ifndef JOBS_H
#define JOBS_H

#include <stdio.h>

#include "khobor.h"

/* What a loop hands records to: rec_loop's fn with a parsed record, or
 * rec_loop_text's text_fn with the text rec_scan() checked.  A worker
 * thread has its own (its parser, its members, its arg). */
struct loop {
	struct rec_parser *p;	/* rec_loop's; NULL for rec_loop_text */
	rec_fn *fn;
	rec_text_fn *text_fn;
	void *arg;
	struct rec_members members;	/* rec_loop_text's, line by line */
	struct jobs *jobs;	/* the workers the reader hands lines to,
				 * or NULL: the reader runs them */
	uint64_t bytes;		/* input read in the files before */
};

/* One line as the reader got it (st: REC_LINE or REC_TOOLONG) through
 * the program: 1 when it counts as a record (not blank), 0 if not.
 * rec_bad() on it is remembered in rec_bad_now(). */
int loop_line(struct loop *l, enum rec_read st, char *line, size_t len,
	struct rec_pos *pos);
/* Whether rec_bad() was called in this thread since the last call,
 * which forgets it. */
int rec_bad_now(void);

/* jobs.c: the workers, the writer, and the reader's side. */
struct jobs *jobs_start(const struct loop *l, void *(*start)(void *),
	void (*stop)(void *), void *arg);
/* The reader's line (st any but REC_EOF; for REC_IOERR, errno is its
 * error), bytes the input read so far, counting the files before. */
void jobs_put(struct jobs *j, enum rec_read st, const char *line,
	size_t len, const struct rec_pos *pos, uint64_t bytes);
/* A file that could not be opened: its message in its place. */
void jobs_open_failed(struct jobs *j, const char *name);
void jobs_end(struct jobs *j);

/* err.c: this thread's messages into f (NULL: stderr again). */
void kh_warn_to(FILE *f);
/* write.c: this thread's rec_write and rec_write_text into f (NULL:
 * stdout again); rec_write_lines writes records already written so,
 * to stdout. */
void rec_write_to(FILE *f);
void rec_write_lines(const char *text, size_t len);
/* read.c: the reader no longer flushes stdout before it waits (the
 * writer thread owns stdout and flushes it before it waits). */
void rec_read_noflush(int on);

#endif
