/*
 * warcin.h: WARC records read from a stream, plain or gzip (one member a
 * record, or the whole file in one), in constant memory.
 */
#ifndef WARCIN_H
#define WARCIN_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "decode.h"

#define WARCIN_HEADERS 128	/* header lines kept, WARC's and HTTP's */

struct warcin_header {
	const char *name, *value;
};

/* One record, valid until the next call of warcin_next(). */
struct warcin_rec {
	uint64_t offset;	/* of its gzip member, or of the record in a
				 * plain file */
	const char *type;	/* WARC-Type, "" when absent */
	struct warcin_header warc[WARCIN_HEADERS];
	size_t nwarc;
	/* A response, revisit or resource: its block as an HTTP message
	 * (status > 0) or as the content itself. */
	int status;		/* 0: not an HTTP response */
	struct warcin_header http[WARCIN_HEADERS];
	size_t nhttp;
	/* The body, when the want callback asked for it. */
	int has_body;
	const struct decode *body;
};

/* A header's value by name (ASCII case ignored), the first one; NULL. */
const char *warcin_get(const struct warcin_header *h, size_t n,
	const char *name);

struct warcin;
typedef ssize_t warcin_read(void *ctx, void *buf, size_t n);
/* A problem in the input: off is a byte offset in the file read. */
typedef void warcin_problem(void *arg, uint64_t off, const char *msg);
/* After the headers: 1 to have the body decoded (up to max bytes). */
typedef int warcin_want(const struct warcin_rec *r, void *arg);

struct warcin *warcin_new(warcin_read *rd, void *ctx, size_t max,
	warcin_want *want, warcin_problem *problem, void *arg);
/* The next record: 1 with *r filled, 0 at the end of the input, -1 on
 * a read error (errno set).  Damaged input is reported and passed
 * over: the reader goes on at the next record or gzip member. */
int warcin_next(struct warcin *w, struct warcin_rec *r);
/* Is the input gzip (known after the first record)? */
int warcin_gzip(const struct warcin *w);
void warcin_free(struct warcin *w);

#endif
