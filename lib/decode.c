/*
 * decode.c: an HTTP body as received (WARC keeps the bytes of the
 * exchange; unwarc reads them, fetch --warc gets them from libcurl) to
 * the page's bytes: chunked transfer coding undone, then
 * the content coding (gzip, deflate, and br when built with
 * libbrotlidec), streaming, into at most max bytes.
 *
 * Archives hold what servers sent, so a body may be cut (the crawler's
 * own size limit, a dropped connection) or damaged: what could be read
 * is kept and marked truncated, and a body that cannot be read at all
 * gets an error, as fetch says of a damaged sitemap.xml.gz.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#ifdef KH_BROTLI
#include <brotli/decode.h>
#endif

#include "khobor.h"
#include "decode.h"

enum { CODING_IDENTITY, CODING_GZIP, CODING_DEFLATE, CODING_BR };
enum { CS_SIZE, CS_EXT, CS_DATA, CS_DATA_END, CS_TRAILER, CS_TRAILER_LINE,
	CS_DONE };

/* Is the token tok (n bytes) in the comma-separated list s? */
static int
has_token(const char *s, const char *tok)
{
	size_t n = strlen(tok), k;

	while (*s != '\0') {
		s += strspn(s, " \t,");
		k = strcspn(s, " \t,;");
		if (k == n && strncasecmp(s, tok, n) == 0)
			return 1;
		s += k;
		s += strcspn(s, ",");
	}
	return 0;
}

/* The content coding named by ce; -1 for more than one or one unknown. */
static int
coding_of(const char *ce)
{
	static const struct {
		const char *name;
		int coding;
	} names[] = {
		{ "identity", CODING_IDENTITY }, { "gzip", CODING_GZIP },
		{ "x-gzip", CODING_GZIP }, { "deflate", CODING_DEFLATE },
		{ "br", CODING_BR },
	};
	int coding = CODING_IDENTITY, c;
	size_t k, i;

	while (*ce != '\0') {
		ce += strspn(ce, " \t,");
		if ((k = strcspn(ce, " \t,;")) == 0)
			break;
		for (i = 0, c = -1; i < sizeof(names) / sizeof(*names); i++)
			if (strlen(names[i].name) == k &&
			    strncasecmp(ce, names[i].name, k) == 0)
				c = names[i].coding;
		if (c < 0 || (c != CODING_IDENTITY && coding !=
		    CODING_IDENTITY))
			return -1;
		if (c != CODING_IDENTITY)
			coding = c;
		ce += k;
		ce += strcspn(ce, ",");
	}
	return coding;
}

void
decode_start(struct decode *d, const char *te, const char *ce, size_t max)
{
	d->len = 0;
	d->max = max;
	d->truncated = 0;
	d->error = NULL;
	d->chunked = te != NULL && has_token(te, "chunked");
	d->cstate = CS_SIZE;
	d->csize = 0;
	d->cdigits = 0;
	d->zdone = 0;
	d->fresh = 1;
	d->coding = ce != NULL ? coding_of(ce) : CODING_IDENTITY;
	if (d->coding < 0) {
		d->error = "content encoding not supported";
		return;
	}
#ifndef KH_BROTLI
	if (d->coding == CODING_BR) {
		d->error = "content encoding br not supported (built "
		    "without libbrotlidec)";
		return;
	}
#else
	if (d->coding == CODING_BR) {
		if (d->br != NULL)
			BrotliDecoderDestroyInstance(d->br);
		if ((d->br = BrotliDecoderCreateInstance(NULL, NULL,
		    NULL)) == NULL)
			kh_die("out of memory");
	}
#endif
}

/* Room for at least one more byte of output, within max; 0 when full. */
static size_t
room(struct decode *d)
{
	size_t want;

	if (d->len >= d->max)
		return 0;
	if (d->cap - 1 <= d->len || d->out == NULL) {
		want = d->cap < 4096 ? 4096 : 2 * d->cap;
		if (want > d->max + 1)
			want = d->max + 1;
		d->out = kh_realloc(d->out, want);
		d->cap = want;
	}
	return d->cap - 1 - d->len;
}

static void
put(struct decode *d, const unsigned char *p, size_t n)
{
	size_t k;

	while (n > 0) {
		if ((k = room(d)) == 0) {
			d->truncated = 1;
			return;
		}
		if (k > n)
			k = n;
		memcpy(d->out + d->len, p, k);
		d->len += k;
		p += k;
		n -= k;
	}
}

static int
is_gzip(const unsigned char *p, size_t n)
{
	return n >= 2 && p[0] == 0x1f && p[1] == 0x8b;
}

static void
inflate_feed(struct decode *d, const unsigned char *p, size_t n)
{
	int rc, bits;
	size_t k;

	if (d->fresh) {
		/* gzip or zlib by their headers (32); a "deflate" body
		 * without the zlib header, as some servers send, raw. */
		bits = 15 + 32;
		if (d->coding == CODING_DEFLATE && n > 0 && ((p[0] & 0x0f) !=
		    8 || (p[0] >> 4) > 7 || (n > 1 && (p[0] << 8 | p[1]) %
		    31 != 0)))
			bits = -15;
		if (d->zinit && inflateReset2(&d->z, bits) != Z_OK)
			inflateEnd(&d->z), d->zinit = 0;
		if (!d->zinit) {
			memset(&d->z, 0, sizeof(d->z));
			if (inflateInit2(&d->z, bits) != Z_OK)
				kh_die("out of memory");
			d->zinit = 1;
		}
		d->fresh = 0;
	}
	d->z.next_in = (unsigned char *)p;
	d->z.avail_in = n;
	while (d->z.avail_in > 0 && !d->zdone) {
		if ((k = room(d)) == 0) {
			d->truncated = 1;
			d->zdone = 1;
			break;
		}
		d->z.next_out = (unsigned char *)d->out + d->len;
		d->z.avail_out = k;
		rc = inflate(&d->z, Z_NO_FLUSH);
		d->len += k - d->z.avail_out;
		if (rc == Z_STREAM_END) {
			/* Members one after another make one gzip file. */
			if (is_gzip(d->z.next_in, d->z.avail_in) &&
			    inflateReset(&d->z) == Z_OK)
				continue;
			d->zdone = 2;
		} else if (rc != Z_OK && rc != Z_BUF_ERROR) {
			d->error = d->coding == CODING_GZIP ?
			    "damaged gzip data" : "damaged deflate data";
			d->zdone = 1;
		}
	}
}

#ifdef KH_BROTLI
static void
brotli_feed(struct decode *d, const unsigned char *p, size_t n)
{
	BrotliDecoderResult rc;
	size_t k, out;
	uint8_t *next;

	while (!d->zdone) {
		if ((k = room(d)) == 0) {
			d->truncated = 1;
			d->zdone = 1;
			return;
		}
		out = k;
		next = (uint8_t *)d->out + d->len;
		rc = BrotliDecoderDecompressStream(d->br, &n, &p, &out, &next,
		    NULL);
		d->len += k - out;
		if (rc == BROTLI_DECODER_RESULT_SUCCESS) {
			d->zdone = 2;
		} else if (rc == BROTLI_DECODER_RESULT_ERROR) {
			d->error = "damaged brotli data";
			d->zdone = 1;
		} else if (rc == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT) {
			return;
		}
	}
}
#endif

/* Bytes of the body after the transfer coding. */
static void
content(struct decode *d, const unsigned char *p, size_t n)
{
	if (d->error != NULL || n == 0)
		return;
	if (d->coding == CODING_BR)
		d->fresh = 0;
	switch (d->coding) {
	case CODING_GZIP:
	case CODING_DEFLATE:
		inflate_feed(d, p, n);
		break;
#ifdef KH_BROTLI
	case CODING_BR:
		brotli_feed(d, p, n);
		break;
#endif
	default:
		put(d, p, n);
	}
}

static int
hex(unsigned char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* The chunked transfer coding (RFC 9112, 7.1), bare LF taken for CRLF
 * as servers and crawlers sometimes write it. */
static void
dechunk(struct decode *d, const unsigned char *p, size_t n)
{
	size_t i = 0, k;
	int v;

	while (i < n && d->error == NULL) {
		switch (d->cstate) {
		case CS_SIZE:
			if ((v = hex(p[i])) >= 0) {
				if (d->csize >> 56 != 0)
					goto bad;
				d->csize = d->csize << 4 | v;
				d->cdigits = 1;
				i++;
			} else if (!d->cdigits && (p[i] == ' ' ||
			    p[i] == '\t')) {
				i++;	/* blanks before the size */
			} else if (!d->cdigits) {
				goto bad;
			} else {
				d->cstate = CS_EXT;
			}
			break;
		case CS_EXT:
			/* extensions and the CR: up to the LF */
			if (p[i++] != '\n')
				break;
			d->cstate = d->csize == 0 ? CS_TRAILER : CS_DATA;
			break;
		case CS_DATA:
			k = n - i < d->csize ? n - i : d->csize;
			content(d, p + i, k);
			i += k;
			if ((d->csize -= k) == 0)
				d->cstate = CS_DATA_END;
			break;
		case CS_DATA_END:
			if (p[i] == '\r') {
				i++;
			} else if (p[i] == '\n') {
				i++;
				d->cstate = CS_SIZE;
				d->cdigits = 0;
			} else {
				goto bad;
			}
			break;
		case CS_TRAILER:
			/* at the start of a trailer line: an empty one ends */
			if (p[i] == '\r') {
				i++;
			} else if (p[i++] == '\n') {
				d->cstate = CS_DONE;
			} else {
				d->cstate = CS_TRAILER_LINE;
			}
			break;
		case CS_TRAILER_LINE:
			if (p[i++] == '\n')
				d->cstate = CS_TRAILER;
			break;
		default:
			return;		/* what follows the last chunk */
		}
	}
	return;
bad:
	d->error = "bad chunked encoding";
}

void
decode_feed(struct decode *d, const unsigned char *p, size_t n)
{
	if (d->error != NULL)
		return;
	if (d->chunked)
		dechunk(d, p, n);
	else
		content(d, p, n);
}

void
decode_end(struct decode *d)
{
	if (d->error == NULL && d->chunked && d->cstate != CS_DONE &&
	    d->cstate != CS_TRAILER)
		d->truncated = 1;	/* no last chunk: the body was cut */
	/* A compressed stream without its end was cut; one of which
	 * nothing came out is no such stream at all.  No bytes at all are
	 * an empty body. */
	if (d->error == NULL && d->coding != CODING_IDENTITY && !d->fresh &&
	    d->zdone != 2) {
		if (d->len == 0 && d->coding != CODING_BR)
			d->error = d->coding == CODING_GZIP ?
			    "damaged gzip data" : "damaged deflate data";
		else
			d->truncated = 1;
	}
	if (d->out == NULL || d->cap < d->len + 1) {
		d->cap = d->len + 1;
		d->out = kh_realloc(d->out, d->cap);
	}
	d->out[d->len] = '\0';
}

void
decode_free(struct decode *d)
{
	if (d->zinit)
		inflateEnd(&d->z);
#ifdef KH_BROTLI
	if (d->br != NULL)
		BrotliDecoderDestroyInstance(d->br);
#endif
	free(d->out);
	memset(d, 0, sizeof(*d));
}
