/*
 * warc.c: khobor records as WARC 1.1 records.  Each WARC record is one
 * gzip member, so a reader can inflate any record from its offset alone
 * (CDX indexes and replay tools rely on that).
 */
#define ZLIB_CONST		/* next_in is const */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <time.h>
#include <zlib.h>

#include "khobor.h"
#include "sha1.h"
#include "warc.h"

#define ID_SIZE sizeof("<urn:uuid:00000000-0000-0000-0000-000000000000>")
#define DATE_SIZE sizeof("2024-08-17T05:50:12Z")

struct buf {
	char *p;
	size_t n, cap;
};

/* A record's block: a header we built (or nothing) and a body from the
 * khobor record, hashed and compressed where they lie. */
struct block {
	const char *head, *body;
	size_t headn, bodyn;
};

/* The khobor record at hand and what its WARC records share. */
struct item {
	struct json_object *rec;
	const char *uri;	/* WARC-Target-URI */
	size_t urin;
	char date[DATE_SIZE];
	char resp[ID_SIZE];	/* the response's record id, or "" */
};

struct warc {
	FILE *out;
	z_stream z;
	int err;		/* errno of the first write error, or 0 */
	struct buf head;	/* the WARC header of the record at hand */
	struct buf http;	/* the HTTP header of a response block */
	unsigned char zout[1 << 16];
};

/* The fields clean and tag add, in the order of docs/records.md. */
static const char *const meta_keys[] = {
	"title", "published", "modified", "author", "lang", "description",
	"canonical_url", "site_name", "dates", "entities", NULL
};

static void
put(struct buf *b, const char *s, size_t n)
{
	if (b->cap - b->n < n) {
		while (b->cap - b->n < n)
			b->cap = b->cap ? 2 * b->cap : 1024;
		b->p = kh_realloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
}

static void
puts_(struct buf *b, const char *s)
{
	put(b, s, strlen(s));
}

/* A value from a record, with control bytes as %XX: a CR or LF in a URL
 * or an ETag must not end the header and start another. */
static void
put_value(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char esc[3] = "%";

	for (; n > 0; s++, n--) {
		unsigned char c = *s;

		if (c >= 0x20 && c != 0x7f) {
			put(b, s, 1);
			continue;
		}
		esc[1] = hex[c >> 4], esc[2] = hex[c & 15];
		put(b, esc, 3);
	}
}

static void
header(struct buf *b, const char *name, const char *v, size_t n)
{
	puts_(b, name);
	puts_(b, ": ");
	put_value(b, v, n);
	puts_(b, "\r\n");
}

static void
header_num(struct buf *b, const char *name, unsigned long long v)
{
	char num[24];

	header(b, name, num, snprintf(num, sizeof num, "%llu", v));
}

/* The string field key of rec, if there is one. */
static int
field(struct json_object *rec, const char *key, const char **s, size_t *n)
{
	struct json_object *v;

	if (!json_object_object_get_ex(rec, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return 0;
	*s = json_object_get_string(v);
	*n = json_object_get_string_len(v);
	return 1;
}

/* A random (version 4) UUID as a WARC record id. */
static int
new_id(char id[ID_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char r[16];
	ssize_t got;
	int i;

	while ((got = getrandom(r, sizeof r, 0)) < 0 && errno == EINTR)
		;
	if (got != sizeof r) {
		if (got >= 0)
			errno = EIO;
		return -1;
	}
	r[6] = (r[6] & 0x0f) | 0x40;	/* version 4 */
	r[8] = (r[8] & 0x3f) | 0x80;	/* the RFC 9562 variant */
	memcpy(id, "<urn:uuid:", 10);
	id += 10;
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			*id++ = '-';
		*id++ = hex[r[i] >> 4];
		*id++ = hex[r[i] & 15];
	}
	memcpy(id, ">", 2);
	return 0;
}

/* WARC-Date: fetched_at to the second when it has the form fetch writes
 * (RFC 3339 in UTC, "Z", maybe fractions), else now. */
static void
warc_date(struct json_object *rec, char date[DATE_SIZE])
{
	static const char form[] = "0000-00-00T00:00:00";	/* 0: a digit */
	const char *s, *p;
	size_t n, i;
	struct tm tm;
	time_t now;

	if (rec != NULL && field(rec, "fetched_at", &s, &n)) {
		for (i = 0; i < n && form[i] != '\0'; i++)
			if (form[i] == '0' ? !isdigit((unsigned char)s[i]) :
			    s[i] != form[i])
				break;
		p = s + i;
		if (*p == '.')
			p += 1 + strspn(p + 1, "0123456789");
		if (i == sizeof form - 1 && p == s + n - 1 && *p == 'Z') {
			memcpy(date, s, i);
			memcpy(date + i, "Z", 2);
			return;
		}
	}
	now = time(NULL);
	strftime(date, DATE_SIZE, "%Y-%m-%dT%H:%M:%SZ", gmtime_r(&now, &tm));
}

/* Start a record's header in w->head; id gets its new record id. */
static int
begin(struct warc *w, const char *type, char id[ID_SIZE],
    const struct item *it)
{
	if (new_id(id) < 0)
		return -1;
	w->head.n = 0;
	puts_(&w->head, "WARC/1.1\r\n");
	header(&w->head, "WARC-Type", type, strlen(type));
	header(&w->head, "WARC-Record-ID", id, ID_SIZE - 1);
	header(&w->head, "WARC-Date", it->date, DATE_SIZE - 1);
	if (it->uri != NULL)
		header(&w->head, "WARC-Target-URI", it->uri, it->urin);
	return 0;
}

/* n bytes into the gzip member at hand; end closes the member. */
static int
deflate_out(struct warc *w, const char *p, size_t n, int end)
{
	size_t chunk, have;
	int flush;

	do {
		/* avail_in is an unsigned int: feed big bodies in parts. */
		chunk = n < (1u << 30) ? n : (1u << 30);
		flush = end && chunk == n ? Z_FINISH : Z_NO_FLUSH;
		w->z.next_in = (const Bytef *)p;
		w->z.avail_in = (uInt)chunk;
		do {
			w->z.next_out = w->zout;
			w->z.avail_out = sizeof w->zout;
			if (deflate(&w->z, flush) == Z_STREAM_ERROR) {
				errno = EIO;
				return -1;
			}
			have = sizeof w->zout - w->z.avail_out;
			if (fwrite(w->zout, 1, have, w->out) != have)
				return -1;
		} while (w->z.avail_out == 0);
		p += chunk, n -= chunk;
	} while (n > 0);
	return 0;
}

/* A digest header: of the whole block, or of its body (the payload). */
static void
digest(struct buf *h, const char *name, const struct block *b, int whole)
{
	char v[sizeof "sha1:" + SHA1_B32_SIZE - 1] = "sha1:";
	unsigned char d[SHA1_LEN];
	struct sha1 s;

	sha1_init(&s);
	if (whole)
		sha1_update(&s, b->head, b->headn);
	sha1_update(&s, b->body, b->bodyn);
	sha1_final(&s, d);
	sha1_base32(d, v + 5);
	header(h, name, v, sizeof v - 1);
}

/* End the header with the block's type, length and digests, then write
 * header, block and CRLF CRLF as one gzip member. */
static int
finish(struct warc *w, const char *type, const struct block *b,
    int payload)
{
	header(&w->head, "Content-Type", type, strlen(type));
	header_num(&w->head, "Content-Length", b->headn + b->bodyn);
	digest(&w->head, "WARC-Block-Digest", b, 1);
	if (payload)
		digest(&w->head, "WARC-Payload-Digest", b, 0);
	puts_(&w->head, "\r\n");
	if (deflate_out(w, w->head.p, w->head.n, 0) < 0 ||
	    deflate_out(w, b->head, b->headn, 0) < 0 ||
	    deflate_out(w, b->body, b->bodyn, 0) < 0 ||
	    deflate_out(w, "\r\n\r\n", 4, 1) < 0)
		return -1;
	deflateReset(&w->z);	/* the next record starts a new member */
	return 0;
}

/* The fetched page: an HTTP response rebuilt around the html. */
static int
response(struct warc *w, struct item *it, const char *html, size_t htmln)
{
	struct block b = { .head = "", .body = html, .bodyn = htmln };
	struct json_object *rec = it->rec, *v;
	struct buf *h = &w->http;
	const char *s, *semi;
	size_t n;
	int status = 0;
	char line[64];

	if (json_object_object_get_ex(rec, "status", &v) &&
	    json_object_is_type(v, json_type_int))
		status = json_object_get_int(v);
	if (status < 100 || status > 599) {
		/* No HTTP behind it (file: URLs): the page itself. */
		return begin(w, "resource", it->resp, it) < 0 ? -1 :
		    finish(w, "text/html; charset=utf-8", &b, 0);
	}
	h->n = 0;
	/* The reason phrase is not kept; HTTP/1.1 lets it be empty. */
	put(h, line, snprintf(line, sizeof line, "HTTP/1.1 %d %s\r\n",
	    status, status == 200 ? "OK" : ""));
	/* The body is the html as fetch converted it to UTF-8: say so, or a
	 * replay would decode it in the charset it was sent in. */
	if (!field(rec, "content_type", &s, &n))
		s = "", n = 0;
	if ((semi = memchr(s, ';', n)) != NULL)
		n = semi - s;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		s = "text/html", n = 9;
	puts_(h, "Content-Type: ");
	put_value(h, s, n);
	puts_(h, "; charset=utf-8\r\n");
	header_num(h, "Content-Length", b.bodyn);
	if (field(rec, "etag", &s, &n))
		header(h, "ETag", s, n);
	if (field(rec, "last_modified", &s, &n))
		header(h, "Last-Modified", s, n);
	puts_(h, "\r\n");
	b.head = h->p, b.headn = h->n;

	if (begin(w, "response", it->resp, it) < 0)
		return -1;
	if (json_object_object_get_ex(rec, "truncated", &v) &&
	    json_object_is_type(v, json_type_boolean) &&
	    json_object_get_boolean(v))
		header(&w->head, "WARC-Truncated", "length", 6);
	return finish(w, "application/http;msgtype=response", &b, 1);
}

/* A record derived from the response: conversion or metadata. */
static int
derived(struct warc *w, const struct item *it, const char *type,
    const char *ctype, const char *body, size_t n)
{
	struct block b = { .head = "", .body = body, .bodyn = n };
	char id[ID_SIZE];

	if (begin(w, type, id, it) < 0)
		return -1;
	if (*it->resp != '\0')
		header(&w->head, "WARC-Refers-To", it->resp, ID_SIZE - 1);
	return finish(w, ctype, &b, 0);
}

static int
metadata(struct warc *w, const struct item *it)
{
	struct json_object *m, *v;
	const char *const *k;
	const char *s;
	size_t n;
	int r = 0;

	if ((m = json_object_new_object()) == NULL)
		kh_die("json_object_new_object:");
	for (k = meta_keys; *k != NULL; k++)
		if (json_object_object_get_ex(it->rec, *k, &v) && v != NULL)
			json_object_object_add(m, *k, json_object_get(v));
	if (json_object_object_length(m) > 0) {
		s = json_object_to_json_string_length(m,
		    JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE, &n);
		r = derived(w, it, "metadata", "application/json", s, n);
	}
	json_object_put(m);
	return r;
}

struct warc *
warc_open(FILE *out, const char *filename)
{
	static const char info[] = "software: khobor"
#ifdef KH_VERSION
	    " " KH_VERSION
#endif
	    "\r\nformat: WARC File Format 1.1\r\n"
	    "conformsTo: https://iipc.github.io/warc-specifications/"
	    "specifications/warc-format/warc-1.1/\r\n";
	struct block b = { .head = "", .body = info, .bodyn = sizeof info - 1 };
	struct warc *w = kh_malloc(sizeof *w);
	struct item it = { .uri = NULL };
	char id[ID_SIZE];
	int err;

	memset(w, 0, sizeof *w);
	w->out = out;
	/* windowBits 15 + 16: a gzip wrapper, not zlib's */
	if (deflateInit2(&w->z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		kh_die("deflateInit2: out of memory");
	warc_date(NULL, it.date);
	if (begin(w, "warcinfo", id, &it) < 0)
		goto fail;
	if (filename != NULL)
		header(&w->head, "WARC-Filename", filename, strlen(filename));
	if (finish(w, "application/warc-fields", &b, 0) < 0)
		goto fail;
	return w;
fail:
	err = errno;
	warc_close(w);
	errno = err;
	return NULL;
}

int
warc_write(struct warc *w, struct json_object *rec)
{
	struct item it = { .rec = rec };
	const char *s;
	size_t n;

	if (w->err) {
		errno = w->err;
		return -1;
	}
	if (!field(rec, "url", &it.uri, &it.urin))
		return 1;
	field(rec, "final_url", &it.uri, &it.urin);	/* where the page was */
	warc_date(rec, it.date);
	if ((field(rec, "html", &s, &n) && response(w, &it, s, n) < 0) ||
	    (field(rec, "text", &s, &n) && derived(w, &it, "conversion",
	    "text/plain; charset=utf-8", s, n) < 0) ||
	    metadata(w, &it) < 0) {
		w->err = errno;
		return -1;
	}
	return 0;
}

int
warc_close(struct warc *w)
{
	int err = w->err;

	deflateEnd(&w->z);
	errno = 0;
	if (fflush(w->out) == EOF || ferror(w->out))
		err = err ? err : errno ? errno : EIO;
	free(w->head.p);
	free(w->http.p);
	free(w);
	if (err) {
		errno = err;
		return -1;
	}
	return 0;
}
