/*
 * warcin.c: WARC records (ISO 28500, WARC/1.0 and 1.1) read from a
 * stream in constant memory: the input through a fixed buffer, inflated
 * (when it is gzip) into a fixed window, header lines into a fixed
 * buffer, and of a block only the body asked for, decoded and cut at a
 * size.
 *
 * Archives are large and often damaged: a crawl killed mid-write leaves
 * a gzip member cut short, a copy joins files with junk between them.
 * The reader says where (the byte offset in the file) and goes on: at
 * the next gzip member after damaged or foreign bytes in a compressed
 * file, at the next line that starts "WARC/" in a plain one.  A record
 * whose gzip member ends before its block does (a record cut short,
 * then the next member) ends there, so one short record does not take
 * the records after it along.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#include "khobor.h"
#include "warcin.h"

#define IN_SIZE (1 << 17)	/* input read at once */
#define WIN_SIZE (1 << 17)	/* inflated bytes at hand */
#define LINE_MAX_ (16 << 10)	/* the longest header line */
#define HEAD_MAX (64 << 10)	/* a record's header lines, all of them */
#define RING 32			/* gzip members remembered */

/* What fill() gives besides a count of bytes. */
enum { F_EOF = 0, F_ERR = -1, F_GAP = -2, F_LONG = -3, F_END = -4,
	F_CUT = -5 };

struct warcin {
	warcin_read *rd;
	void *ctx;
	size_t max;
	warcin_want *want;
	warcin_problem *problem;
	void *arg;

	unsigned char in[IN_SIZE];
	size_t ip, ie;
	uint64_t in_off;	/* file offset of in[0] */
	int in_eof;

	int gz;			/* -1: not known yet */
	z_stream z;
	int zinit, member;	/* member: inside a gzip member */
	uint64_t member_off;
	size_t member_ip;	/* where it starts in in[], if still there */
	int member_ip_ok;
	int after_damage;	/* skipping the rest of a damaged member */
	uint64_t damage_end;	/* how far inflate read into it */

	unsigned char win[WIN_SIZE];
	size_t wp, we;
	uint64_t dpos;		/* position of win[wp] in the inflated
				 * stream */
	struct {
		uint64_t dstart, off;
	} ring[RING];
	unsigned nring;		/* members started, in all */

	char head[HEAD_MAX];
	size_t headn;
	struct decode dec;
};

const char *
warcin_get(const struct warcin_header *h, size_t n, const char *name)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strcasecmp(h[i].name, name) == 0)
			return h[i].value;
	return NULL;
}

struct warcin *
warcin_new(warcin_read *rd, void *ctx, size_t max, warcin_want *want,
    warcin_problem *problem, void *arg)
{
	struct warcin *w = kh_malloc(sizeof(*w));

	memset(w, 0, offsetof(struct warcin, in));
	w->ip = w->ie = 0;
	w->in_off = 0;
	w->in_eof = 0;
	w->gz = -1;
	w->zinit = w->member = w->member_ip_ok = w->after_damage = 0;
	w->wp = w->we = 0;
	w->dpos = 0;
	w->nring = 0;
	w->headn = 0;
	memset(&w->dec, 0, sizeof(w->dec));
	w->rd = rd;
	w->ctx = ctx;
	w->max = max;
	w->want = want;
	w->problem = problem;
	w->arg = arg;
	return w;
}

void
warcin_free(struct warcin *w)
{
	if (w == NULL)
		return;
	if (w->zinit)
		inflateEnd(&w->z);
	decode_free(&w->dec);
	free(w);
}

int
warcin_gzip(const struct warcin *w)
{
	return w->gz == 1;
}

static void
say(struct warcin *w, uint64_t off, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
say(struct warcin *w, uint64_t off, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	w->problem(w->arg, off, msg);
}

/* More input after in[ip..ie): >0, F_EOF or F_ERR. */
static int
in_more(struct warcin *w)
{
	ssize_t got;

	if (w->ip > 0) {
		memmove(w->in, w->in + w->ip, w->ie - w->ip);
		if (w->member_ip_ok && w->member_ip >= w->ip)
			w->member_ip -= w->ip;
		else
			w->member_ip_ok = 0;
		w->in_off += w->ip;
		w->ie -= w->ip;
		w->ip = 0;
	}
	if (w->in_eof || w->ie == IN_SIZE)
		return F_EOF;
	do
		got = w->rd(w->ctx, w->in + w->ie, IN_SIZE - w->ie);
	while (got < 0 && errno == EINTR);
	if (got < 0)
		return F_ERR;
	if (got == 0) {
		w->in_eof = 1;
		return F_EOF;
	}
	w->ie += got;
	return (int)got;
}

static int
is_magic(const unsigned char *p, size_t n)
{
	return n >= 3 && p[0] == 0x1f && p[1] == 0x8b && p[2] == 8;
}

/* At the next gzip member: 1 (started), F_GAP (started after bytes that
 * are none, reported), F_EOF or F_ERR. */
static int
member_start(struct warcin *w)
{
	uint64_t junk = 0, junk_off = 0;
	unsigned char *p;
	int gap = 0;

	for (;;) {
		while (w->ie - w->ip < 3 && !w->in_eof)
			if (in_more(w) == F_ERR)
				return F_ERR;
		if (is_magic(w->in + w->ip, w->ie - w->ip))
			break;
		if (w->ip == w->ie)
			break;
		if (junk == 0)
			junk_off = w->in_off + w->ip;
		p = memchr(w->in + w->ip + 1, 0x1f, w->ie - w->ip - 1);
		junk += (p != NULL ? (size_t)(p - w->in) : w->ie) - w->ip;
		w->ip = p != NULL ? (size_t)(p - w->in) : w->ie;
	}
	if (junk > 0 && !w->after_damage) {
		say(w, junk_off, "%llu bytes that are no gzip member; "
		    "skipped", (unsigned long long)junk);
		gap = 1;
	}
	w->after_damage = 0;
	if (w->ip == w->ie)
		return gap ? F_GAP : F_EOF;
	if (!w->zinit) {
		memset(&w->z, 0, sizeof(w->z));
		if (inflateInit2(&w->z, 16 + MAX_WBITS) != Z_OK)
			kh_die("out of memory");
		w->zinit = 1;
	} else if (inflateReset(&w->z) != Z_OK) {
		kh_die("inflateReset failed");
	}
	w->member = 1;
	w->member_off = w->in_off + w->ip;
	w->member_ip = w->ip;
	w->member_ip_ok = 1;
	w->ring[w->nring % RING].dstart = w->dpos + (w->we - w->wp);
	w->ring[w->nring % RING].off = w->member_off;
	w->nring++;
	return gap ? F_GAP : 1;
}

/* A damaged member: go on at the next one, looking from just after the
 * start of this one when that is still at hand (a member cut short is
 * followed by the next).  A member that starts inside the bytes of a
 * damaged one is no news: the same damage. */
static int
member_damaged(struct warcin *w, const char *what, int rewind)
{
	if (w->member_off >= w->damage_end)
		say(w, w->member_off, "%s; skipped to the next gzip member",
		    what);
	if (w->in_off + w->ip > w->damage_end)
		w->damage_end = w->in_off + w->ip;
	w->member = 0;
	w->after_damage = 1;
	if (rewind && w->member_ip_ok && w->member_ip + 1 <= w->ie)
		w->ip = w->member_ip + 1;
	return F_GAP;
}

/* Inflate into win[we..): bytes made, F_EOF, F_ERR or F_GAP. */
static int
fill_gz(struct warcin *w)
{
	size_t before, used;
	int rc, got;

	for (;;) {
		if (!w->member && (rc = member_start(w)) != 1)
			return rc;
		if (w->ip == w->ie) {
			if ((got = in_more(w)) == F_ERR)
				return F_ERR;
			if (got == F_EOF)
				return member_damaged(w, "gzip member cut "
				    "short (the file ends)", 0);
		}
		w->z.next_in = w->in + w->ip;
		w->z.avail_in = w->ie - w->ip;
		w->z.next_out = w->win + w->we;
		w->z.avail_out = WIN_SIZE - w->we;
		before = w->we;
		rc = inflate(&w->z, Z_NO_FLUSH);
		used = (w->ie - w->ip) - w->z.avail_in;
		w->ip += used;
		w->we = WIN_SIZE - w->z.avail_out;
		if (rc == Z_STREAM_END) {
			w->member = 0;
			/* stop at the end of a member, so that the next one
			 * is known to start where it does */
			if (w->we > before)
				return (int)(w->we - before);
			continue;
		}
		if (rc != Z_OK && rc != Z_BUF_ERROR)
			return member_damaged(w, rc == Z_DATA_ERROR ?
			    "damaged gzip member" : "gzip member unreadable",
			    1);
		if (w->we > before)
			return (int)(w->we - before);
	}
}

static int
fill_plain(struct warcin *w)
{
	size_t n;
	int got;

	if (w->ip == w->ie && (got = in_more(w)) <= 0)
		return got;
	n = w->ie - w->ip;
	if (n > WIN_SIZE - w->we)
		n = WIN_SIZE - w->we;
	memcpy(w->win + w->we, w->in + w->ip, n);
	w->ip += n;
	w->we += n;
	return (int)n;
}

/* More bytes at the end of the window: a count, F_EOF, F_ERR, or F_GAP
 * (what follows does not continue what came before; what is left in the
 * window is dropped). */
static int
fill(struct warcin *w)
{
	int rc;

	if (w->wp > 0) {
		memmove(w->win, w->win + w->wp, w->we - w->wp);
		w->we -= w->wp;
		w->wp = 0;
	}
	if (w->we == WIN_SIZE)
		return F_LONG;
	if (w->gz < 0) {
		while (w->ie - w->ip < 2 && !w->in_eof)
			if (in_more(w) == F_ERR)
				return F_ERR;
		w->gz = w->ie - w->ip >= 2 && w->in[w->ip] == 0x1f &&
		    w->in[w->ip + 1] == 0x8b;
	}
	rc = w->gz ? fill_gz(w) : fill_plain(w);
	if (rc == F_GAP) {
		w->dpos += w->we - w->wp;
		w->wp = w->we;
	}
	return rc;
}

static void
advance(struct warcin *w, size_t n)
{
	w->wp += n;
	w->dpos += n;
}

/* The offset that names the record starting at d: its gzip member's,
 * or d itself in a plain file. */
static uint64_t
offset_at(const struct warcin *w, uint64_t d)
{
	unsigned i, n = w->nring < RING ? w->nring : RING;

	if (w->gz != 1)
		return d;
	for (i = 0; i < n; i++) {
		unsigned k = (w->nring - 1 - i) % RING;

		if (w->ring[k].dstart <= d)
			return w->ring[k].off;
	}
	return w->ring[(w->nring - n) % RING].off;
}

/* The start of the first member that starts after d (UINT64_MAX). */
static uint64_t
member_after(const struct warcin *w, uint64_t d)
{
	unsigned i, n = w->nring < RING ? w->nring : RING;
	uint64_t best = UINT64_MAX;

	for (i = 0; i < n; i++) {
		unsigned k = (w->nring - 1 - i) % RING;

		if (w->ring[k].dstart > d && w->ring[k].dstart < best)
			best = w->ring[k].dstart;
	}
	return best;
}

/* A line of at most limit bytes (its '\n' counted): 1 with *line, *len
 * (CR LF or LF dropped), F_END when limit bytes go by without one, or
 * what fill() gave. */
static int
get_line(struct warcin *w, char **line, size_t *len, uint64_t limit)
{
	size_t avail, n;
	unsigned char *nl;
	int rc;

	for (;;) {
		avail = w->we - w->wp;
		if (avail > limit)
			avail = limit;
		if ((nl = memchr(w->win + w->wp, '\n', avail)) != NULL) {
			*line = (char *)w->win + w->wp;
			n = nl - (w->win + w->wp);
			advance(w, n + 1);
			if (n > 0 && (*line)[n - 1] == '\r')
				n--;
			*len = n;
			return 1;
		}
		if (avail >= LINE_MAX_)
			return F_LONG;
		if (avail == limit)
			return F_END;
		if ((rc = fill(w)) <= 0)
			return rc;
	}
}

/* Does a gzip member start at the window's position? */
static int
at_member_start(const struct warcin *w)
{
	return w->gz == 1 && w->dpos > 0 && member_after(w, w->dpos - 1) ==
	    w->dpos;
}

/* Skip to the next line that starts "WARC/", or the next gzip member
 * that does: 1 there, or what fill() gave (F_GAP: at the start of the
 * next member after damage). */
static int
resync(struct warcin *w)
{
	unsigned char *nl;
	size_t n;
	uint64_t next;
	int rc, bol = 1;

	for (;;) {
		if (w->we - w->wp < 5) {
			if ((rc = fill(w)) == F_EOF) {
				advance(w, w->we - w->wp);	/* a tail */
				return F_EOF;
			}
			if (rc < 0)
				return rc;
			continue;
		}
		if ((bol || at_member_start(w)) && memcmp(w->win + w->wp,
		    "WARC/", 5) == 0)
			return 1;
		n = w->we - w->wp;
		if (w->gz == 1 && (next = member_after(w, w->dpos)) <
		    w->dpos + n)
			n = next - w->dpos;
		if ((nl = memchr(w->win + w->wp, '\n', n)) != NULL)
			n = nl + 1 - (w->win + w->wp);
		bol = nl != NULL;
		advance(w, n);
	}
}

/* Header lines up to an empty one, into h (at most WARCIN_HEADERS),
 * name and value copied to w->head: 1, F_END at the end of the block,
 * F_LONG for too much, or what fill() gave.  *left counts down the
 * bytes of the block read. */
static int
get_headers(struct warcin *w, struct warcin_header *h, size_t *nh,
    uint64_t *left)
{
	char *line, *colon, *v, *e;
	size_t len, k;
	uint64_t before;
	int rc;

	*nh = 0;
	for (;;) {
		before = w->dpos;
		rc = get_line(w, &line, &len, *left);
		if (*left != UINT64_MAX)
			*left -= w->dpos - before;
		if (rc != 1)
			return rc;
		if (len == 0)
			return 1;
		if ((line[0] == ' ' || line[0] == '\t') && *nh > 0 &&
		    w->headn > 0) {
			/* a folded line continues the last value, which
			 * ends the buffer */
			while (len > 0 && (*line == ' ' || *line == '\t'))
				line++, len--;
			if (w->headn + len + 1 > HEAD_MAX)
				return F_LONG;
			if (*h[*nh - 1].value != '\0')
				w->head[w->headn - 1] = ' ';
			else
				w->headn--;	/* an empty value so far */
			memcpy(w->head + w->headn, line, len);
			w->headn += len;
			w->head[w->headn++] = '\0';
			continue;
		}
		if ((colon = memchr(line, ':', len)) == NULL ||
		    *nh == WARCIN_HEADERS)
			continue;	/* not a header; more than kept */
		if (w->headn + len + 2 > HEAD_MAX)
			return F_LONG;
		k = colon - line;
		while (k > 0 && (line[k - 1] == ' ' || line[k - 1] == '\t'))
			k--;
		h[*nh].name = w->head + w->headn;
		memcpy(w->head + w->headn, line, k);
		w->headn += k;
		w->head[w->headn++] = '\0';
		v = colon + 1;
		e = line + len;
		while (v < e && (*v == ' ' || *v == '\t'))
			v++;
		while (e > v && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		h[*nh].value = w->head + w->headn;
		memcpy(w->head + w->headn, v, e - v);
		w->headn += e - v;
		w->head[w->headn++] = '\0';
		/* a NUL inside makes the value end there: names and values
		 * are C strings from here on */
		(*nh)++;
	}
}

/* An HTTP status line: its code, or 0. */
static int
status_of(const char *line, size_t len)
{
	size_t i = 5;
	int st = 0, k;

	if (len < 12 || strncasecmp(line, "HTTP/", 5) != 0)
		return 0;
	while (i < len && line[i] != ' ')
		i++;
	while (i < len && line[i] == ' ')
		i++;
	for (k = 0; k < 3; k++, i++) {
		if (i >= len || line[i] < '0' || line[i] > '9')
			return 0;
		st = st * 10 + (line[i] - '0');
	}
	if (i < len && line[i] != ' ' && line[i] != '\t')
		return 0;
	return st >= 100 && st <= 599 ? st : 0;
}

/* The HTTP response heading a block: status line and header; 1xx
 * interim responses (100 Continue) passed over. */
static int
http_head(struct warcin *w, struct warcin_rec *r, uint64_t *left)
{
	char *line;
	size_t len;
	uint64_t before;
	int rc;

	do {
		before = w->dpos;
		rc = get_line(w, &line, &len, *left);
		*left -= w->dpos - before;
		if (rc != 1)
			return rc;
		if ((r->status = status_of(line, len)) == 0)
			return 1;	/* no HTTP response: the block as is */
		if ((rc = get_headers(w, r->http, &r->nhttp, left)) != 1 &&
		    rc != F_END)
			return rc;
	} while (r->status < 200 && r->status != 101 && *left > 0);
	return 1;
}

/* The block's bytes from here to its end, to the decoder when the body
 * is wanted: 1, or F_CUT when a gzip member starts with a record inside
 * the block (the record was cut short), or what fill() gave. */
static int
block_rest(struct warcin *w, uint64_t left, int keep)
{
	uint64_t next;
	size_t n;
	int rc;

	while (left > 0) {
		if (w->wp == w->we && (rc = fill(w)) <= 0)
			return rc;
		if (at_member_start(w)) {
			/* a new member inside the block: does it start a
			 * record? */
			while (w->we - w->wp < 5)
				if ((rc = fill(w)) <= 0)
					return rc;
			if (memcmp(w->win + w->wp, "WARC/", 5) == 0)
				return F_CUT;
		}
		n = w->we - w->wp;
		if (n > left)
			n = left;
		if (w->gz == 1 && (next = member_after(w, w->dpos)) <
		    w->dpos + n)
			n = next - w->dpos;
		if (keep)
			decode_feed(&w->dec, w->win + w->wp, n);
		advance(w, n);
		left -= n;
	}
	return 1;
}

static int
is_type(const char *t, const char *name)
{
	return strcasecmp(t, name) == 0;
}

/* The end of the input in the middle of a record. */
static int
cut_at_end(struct warcin *w, const struct warcin_rec *r, int rc)
{
	if (rc == F_ERR)
		return -1;
	say(w, r->offset, "record cut short (the file ends)");
	return 0;
}

int
warcin_next(struct warcin *w, struct warcin_rec *r)
{
	const char *cl, *ct, *te, *ce;
	char *line, *end;
	size_t len;
	uint64_t left, start;
	int rc, keep;

again:
	memset(r, 0, sizeof(*r));
	r->type = "";
	w->headn = 0;
	/* the CR LF CR LF after a block, and any blank lines */
	for (;;) {
		if (w->wp == w->we) {
			rc = fill(w);
			if (rc == F_EOF)
				return 0;
			if (rc == F_ERR)
				return -1;
			continue;
		}
		if (w->win[w->wp] != '\r' && w->win[w->wp] != '\n')
			break;
		advance(w, 1);
	}
	start = w->dpos;
	r->offset = offset_at(w, start);
	rc = get_line(w, &line, &len, UINT64_MAX);
	if (rc == F_GAP)
		goto again;
	if (rc == F_EOF || rc == F_ERR)
		return cut_at_end(w, r, rc);
	if (rc == F_LONG)
		advance(w, 1);
	if (rc != 1 || len < 6 || memcmp(line, "WARC/", 5) != 0) {
		say(w, r->offset, "not a WARC record; skipped to the next one");
		goto skip;
	}
	left = UINT64_MAX;
	rc = get_headers(w, r->warc, &r->nwarc, &left);
	if (rc == F_GAP)
		goto again;
	if (rc == F_EOF || rc == F_ERR)
		return cut_at_end(w, r, rc);
	if (rc != 1) {
		say(w, r->offset, "WARC header too long; skipped");
		goto skip;
	}
	cl = warcin_get(r->warc, r->nwarc, "Content-Length");
	errno = 0;
	if (cl == NULL || *cl < '0' || *cl > '9' ||
	    (left = strtoull(cl, &end, 10), *end != '\0') || errno != 0) {
		say(w, r->offset, "%s Content-Length; skipped", cl == NULL ?
		    "no" : "bad");
		goto skip;
	}
	if ((r->type = warcin_get(r->warc, r->nwarc, "WARC-Type")) == NULL)
		r->type = "";
	ct = warcin_get(r->warc, r->nwarc, "Content-Type");
	keep = 0;
	if (is_type(r->type, "response") || is_type(r->type, "revisit") ||
	    is_type(r->type, "resource")) {
		if (!is_type(r->type, "resource") && ct != NULL &&
		    strncasecmp(ct, "application/http", 16) == 0) {
			rc = http_head(w, r, &left);
			if (rc == F_GAP)
				goto again;
			if (rc == F_EOF || rc == F_ERR)
				return cut_at_end(w, r, rc);
			if (rc == F_LONG) {
				say(w, r->offset, "HTTP header too long; "
				    "skipped");
				goto skip;
			}
		}
		if ((keep = w->want(r, w->arg))) {
			te = r->status ? warcin_get(r->http, r->nhttp,
			    "Transfer-Encoding") : NULL;
			ce = r->status ? warcin_get(r->http, r->nhttp,
			    "Content-Encoding") : NULL;
			decode_start(&w->dec, te, ce, w->max);
		}
	}
	rc = block_rest(w, left, keep);
	if (rc == F_GAP)
		goto again;
	if (rc == F_CUT) {
		say(w, r->offset, "record cut short (a gzip member ends "
		    "inside it); skipped");
		goto again;
	}
	if (rc != 1)
		return cut_at_end(w, r, rc);
	if (keep) {
		decode_end(&w->dec);
		r->has_body = 1;
		r->body = &w->dec;
	}
	return 1;
skip:
	if ((rc = resync(w)) == F_ERR)
		return -1;
	goto again;
}
