/*
 * decode.h: an HTTP body as a WARC record keeps it (as it came over the
 * wire: chunked, compressed) back to the bytes of the page, streaming.
 */
#ifndef DECODE_H
#define DECODE_H

#include <stddef.h>
#include <stdint.h>
#include <zlib.h>

struct decode {
	/* what came out: at most max bytes, a NUL after them */
	char *out;
	size_t len, cap, max;
	int truncated;		/* cut at max, or the body ended too soon */
	const char *error;	/* a static message: the body cannot be read */
	/* state */
	int chunked, cstate, cdigits;
	uint64_t csize;		/* bytes left in the chunk at hand */
	int coding;		/* CODING_* */
	int zinit, zdone;	/* zdone: 1 stopped, 2 the stream ended */
	int fresh;		/* no byte of this body decoded yet */
	z_stream z;
	void *br;		/* BrotliDecoderState */
};

/* Start on a body sent with Transfer-Encoding te and Content-Encoding ce
 * (either may be NULL), keeping at most max bytes of it.  d->out is kept
 * from one body to the next (give a zeroed struct the first time). */
void decode_start(struct decode *d, const char *te, const char *ce,
	size_t max);
/* The next n bytes of the body as received. */
void decode_feed(struct decode *d, const unsigned char *p, size_t n);
/* The body ended: d->out, d->len, d->truncated and d->error say what
 * it was. */
void decode_end(struct decode *d);
void decode_free(struct decode *d);

#endif
