/*
 * archive.c: units of zstd-compressed records and their index (see
 * archive.h for the layout).
 *
 * Durability: a unit is written and the data file fsynced, then its
 * index lines appended (the index is fsynced when the part is closed:
 * it can be rebuilt from the data); only then are its records
 * acknowledged.  A crash leaves at worst a torn unit at the end of the
 * data file (cut when the part is next opened; its records were never
 * acknowledged) or whole units the index lacks (indexed when the part
 * is next opened).  Nothing before the tail is ever rewritten.
 */
#define _GNU_SOURCE	/* memrchr */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#define ZSTD_STATIC_LINKING_ONLY	/* ZSTD_getCParams */
#include <zstd.h>

#include "khobor.h"
#include "archive.h"
#include "dedup.h"

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = v, p[1] = v >> 8, p[2] = v >> 16, p[3] = v >> 24;
}

static uint32_t
get32(const unsigned char *p)
{
	return p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static void
grow(char **buf, size_t *cap, size_t need)
{
	if (*cap >= need)
		return;
	*cap = need + need / 2 + 4096;
	*buf = kh_realloc(*buf, *cap);
}

/* --- reading ----------------------------------------------------------- */

int
arc_unit_read(int fd, uint64_t off, uint64_t size, struct arc_unit *u,
    const char **why)
{
	unsigned char h[ARC_HDR];
	uint32_t payload;

	u->nrec = 0;
	if (off == size)
		return 0;
	if (size - off < ARC_HDR1)
		return *why = "a unit header is cut short", -1;
	if (kh_pread_full(fd, h, size - off < ARC_HDR ? ARC_HDR1 : ARC_HDR,
	    off) < 0)
		return *why = strerror(errno), ARC_IOERR;
	payload = get32(h + 4);
	if (get32(h) != ARC_MAGIC || memcmp(h + 8, ARC_TAG, 4) != 0 ||
	    (payload != ARC_HDR1 - 8 && payload < ARC_HDR - 8))
		return *why = "no unit header where one should start", -1;
	u->off = off;
	u->nrec = get32(h + 12);
	u->raw = get32(h + 16);
	u->comp = get32(h + 20);
	u->legacy = payload == ARC_HDR1 - 8;
	u->hdr = ARC_HDR1;
	u->nref = 0;
	u->refs = NULL;
	if (!u->legacy) {
		if (size - off < ARC_HDR)
			return *why = "a unit header is cut short", -1;
		u->nref = get32(h + 28);
		if (get32(h + 24) != ARC_FORMAT || u->nref > u->nrec ||
		    u->nref > ARC_MAX_RAW / 4 ||
		    payload != ARC_HDR - 8 + 4 * (uint64_t)u->nref)
			return *why = "a unit header makes no sense", -1;
		u->hdr = ARC_HDR + 4 * u->nref;
	}
	if (u->nrec == 0 || u->raw < u->nrec || u->comp == 0 ||
	    u->raw > ARC_MAX_RAW)
		return *why = "a unit header makes no sense", -1;
	if (u->hdr > size - off || u->comp > size - off - u->hdr)
		return *why = "a unit's frame is cut short", -1;
	return 1;
}

unsigned
arc_unit_refs(const struct arc_unit *u, uint32_t n)
{
	size_t lo = 0, hi = u->legacy || u->refs == NULL ? 0 : u->nref, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (u->refs[mid] >> 2 == n)
			return u->refs[mid] & 3;
		if (u->refs[mid] >> 2 < n)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

/* The unit's list and compressed frame, read whole, the frame's size
 * checked against the header before room is made in *buf for what it
 * holds; the list goes into *buf after that room (u->refs).  *frame is
 * in a buffer of read_frame's own, valid until the next call.  0, or -1
 * or ARC_IOERR with *why. */
static int
read_frame(int fd, struct arc_unit *u, char **buf, size_t *cap,
    const char **frame, const char **why)
{
	static char *src;
	static size_t srccap;
	size_t list = (size_t)u->nref * 4, at = ((size_t)u->raw + 4) & ~3;
	uint32_t *refs, v, prev = 0;

	grow(&src, &srccap, list + u->comp);
	if (kh_pread_full(fd, src, list + u->comp, u->off + u->hdr - list) < 0)
		return *why = strerror(errno), ARC_IOERR;
	if (ZSTD_getFrameContentSize(src + list, u->comp) != u->raw)
		return *why = "a frame's size differs from its header's", -1;
	grow(buf, cap, at + list);
	refs = (uint32_t *)(void *)(*buf + at);
	for (uint32_t i = 0; i < u->nref; i++) {
		v = get32((unsigned char *)src + 4 * i);
		if ((v & 3) == 0 || v >> 2 >= u->nrec || (i > 0 && v <= prev))
			return *why = "a unit's list of references makes no "
			    "sense", -1;
		refs[i] = prev = v;
	}
	u->refs = refs;
	*frame = src + list;
	return 0;
}

int
arc_dict_set(struct arc_dict *d, const char *path, void *buf, size_t len,
    const char **why)
{
	unsigned id = ZSTD_getDictID_fromDict(buf, len);

	/* by reference: buf is kept as long as d */
	if (id == 0 || (d->dd = ZSTD_createDDict_byReference(buf, len)) ==
	    NULL)
		return *why = "not a zstd dictionary", -1;
	d->path = path;
	d->buf = buf;
	d->len = len;
	d->id = id;
	return 0;
}

/* The dictionary a frame needs: *dd NULL when it needs none.  -1 with
 * *why when it needs one the archive does not have. */
static int
frame_dict(const struct arc_dict *d, const char *src, size_t n,
    const ZSTD_DDict **dd, const char **why)
{
	static char msg[160];
	unsigned id = ZSTD_getDictID_fromFrame(src, n);

	*dd = NULL;
	if (id == 0)
		return 0;
	if (d != NULL && d->id == id) {
		*dd = d->dd;
		return 0;
	}
	if (d == NULL)
		snprintf(msg, sizeof(msg), "a frame needs the archive's "
		    "dictionary (id %u), which is missing", id);
	else
		snprintf(msg, sizeof(msg), "a frame needs dictionary id %u, "
		    "not %s (id %u)", id, d->path, d->id);
	*why = msg;
	return ARC_NODICT;
}

int
arc_unit_dict(int fd, const struct arc_unit *u, const struct arc_dict *d,
    const char **why)
{
	char h[ZSTD_FRAMEHEADERSIZE_MAX];
	const ZSTD_DDict *dd;
	size_t n = u->comp < sizeof(h) ? u->comp : sizeof(h);

	if (kh_pread_full(fd, h, n, u->off + u->hdr) < 0)
		return *why = strerror(errno), ARC_IOERR;
	return frame_dict(d, h, n, &dd, why);
}

int
arc_unit_load(int fd, struct arc_unit *u, const struct arc_dict *d,
    char **buf, size_t *cap, const char **why)
{
	static ZSTD_DCtx *dctx;
	const ZSTD_DDict *dd;
	const char *src;
	size_t n, lines = 0;
	int r;

	if (dctx == NULL && (dctx = ZSTD_createDCtx()) == NULL)
		kh_die("zstd: out of memory");
	if ((r = read_frame(fd, u, buf, cap, &src, why)) < 0 ||
	    (r = frame_dict(d, src, u->comp, &dd, why)) < 0)
		return r;
	n = ZSTD_decompress_usingDDict(dctx, *buf, u->raw, src, u->comp, dd);
	if (ZSTD_isError(n))
		return *why = ZSTD_getErrorName(n), -1;
	if (n != u->raw || (*buf)[n - 1] != '\n')
		return *why = "a frame does not hold what its header says", -1;
	for (const char *p = *buf; (p = memchr(p, '\n', *buf + n - p)); p++)
		lines++;
	if (lines != u->nrec)
		return *why = "a frame holds another number of records than "
		    "its header says", -1;
	(*buf)[n] = '\0';
	return 0;
}

int
arc_unit_record(int fd, struct arc_unit *u, const struct arc_dict *d,
    uint32_t n, char **buf, size_t *cap, const char **line, size_t *len,
    const char **why)
{
	static ZSTD_DCtx *dctx;
	const ZSTD_DDict *dd;
	const char *src, *start, *nl;
	char *out;
	size_t r, need, at = 0, scan = 0;
	uint32_t seen = 0;
	int st;

	if (n >= u->nrec)
		return *why = "no such record in its unit", -1;
	if (dctx == NULL && (dctx = ZSTD_createDCtx()) == NULL)
		kh_die("zstd: out of memory");
	if ((st = read_frame(fd, u, buf, cap, &src, why)) < 0 ||
	    (st = frame_dict(d, src, u->comp, &dd, why)) < 0)
		return st;
	/* Decompress only as far as the record, a block at a time straight
	 * into *buf (zstd's own streaming would decode the whole frame in
	 * one go, as it fits): on average half a frame. */
	r = dd != NULL ? ZSTD_decompressBegin_usingDDict(dctx, dd) :
	    ZSTD_decompressBegin(dctx);
	if (ZSTD_isError(r))
		return *why = ZSTD_getErrorName(r), -1;
	out = *buf;
	start = out;
	while ((need = ZSTD_nextSrcSizeToDecompress(dctx)) != 0) {
		if (need > u->comp - at)
			break;	/* the frame is cut short */
		r = ZSTD_decompressContinue(dctx, out + scan, u->raw - scan,
		    src + at, need);
		if (ZSTD_isError(r))
			return *why = ZSTD_getErrorName(r), -1;
		at += need;
		for (r += scan; (nl = memchr(out + scan, '\n', r - scan));) {
			scan = nl - out + 1;
			if (seen++ == n) {
				*line = start;
				*len = nl - start;
				return 0;
			}
			start = nl + 1;
		}
		scan = r;
	}
	return *why = "a frame does not hold what its header says", -1;
}

const char *
arc_nth_line(const char *recs, size_t raw, uint32_t n, size_t *len)
{
	const char *p = recs, *end = recs + raw, *nl;

	for (;;) {
		nl = memchr(p, '\n', end - p);
		if (nl == NULL)
			return NULL;
		if (n-- == 0) {
			*len = nl - p;
			return p;
		}
		p = nl + 1;
	}
}

const char *
arc_next_line(const char **at, const char *end, size_t *len)
{
	const char *p = *at, *nl;

	if (p >= end || (nl = memchr(p, '\n', end - p)) == NULL)
		return NULL;
	*len = nl - p;
	*at = nl + 1;
	return p;
}

int
arc_scan(int fd, const struct arc_dict *d, arc_unit_fn *fn, void *arg,
    uint64_t *end, const char **why)
{
	static char *buf;
	static size_t cap;
	struct arc_unit u;
	struct stat st;
	int r;

	*why = NULL;
	*end = 0;
	if (fstat(fd, &st) < 0)
		return *why = strerror(errno), ARC_IOERR;
	while ((r = arc_unit_read(fd, *end, st.st_size, &u, why)) == 1) {
		if ((r = arc_unit_load(fd, &u, d, &buf, &cap, why)) < 0)
			return r;
		if (fn != NULL && fn(&u, buf, arg))
			return 0;
		*end = arc_unit_end(&u);
	}
	return r;
}

static int
field_u64(char **p, char *end, uint64_t *v)
{
	char *tab = memchr(*p, '\t', end - *p), *e;

	if (tab == NULL || tab == *p)
		return -1;
	errno = 0;
	*v = strtoull(*p, &e, 10);
	if (e != tab || errno != 0 || **p == '-')
		return -1;
	*p = tab + 1;
	return 0;
}

int
arc_entry_parse(char *line, size_t len, struct arc_entry *e)
{
	char *p = line, *end = line + len, *tab, *q;
	uint64_t len64, recno;

	if ((tab = memchr(p, '\t', end - p)) == NULL || tab == p)
		return -1;
	e->url = p, e->urllen = tab - p;
	p = tab + 1;
	if (field_u64(&p, end, &e->off) < 0 ||
	    field_u64(&p, end, &len64) < 0 ||
	    field_u64(&p, end, &recno) < 0 || len64 > UINT32_MAX ||
	    recno > UINT32_MAX)
		return -1;
	e->len = len64, e->recno = recno;
	if ((tab = memchr(p, '\t', end - p)) == NULL)
		return -1;
	e->fetched_at = tab - p == 1 && *p == '-' ? NULL : p;
	e->fetchedlen = tab - p;
	p = tab + 1;
	if (field_u64(&p, end, &e->size) < 0 || p >= end)
		return -1;
	/* the body hash, then (since the third format) the other URLs and
	 * the date */
	e->keys = NULL, e->keyslen = 0, e->date = -1;
	if ((tab = memchr(p, '\t', end - p)) == NULL)
		tab = end;
	e->hash = tab - p == 1 && *p == '-' ? NULL : p;
	e->hashlen = e->hash ? (size_t)(tab - p) : 0;
	if (tab == end)
		return 0;
	p = tab + 1;
	if ((tab = memchr(p, '\t', end - p)) == NULL || tab == p)
		return -1;
	if (!(tab - p == 1 && *p == '-'))
		e->keys = p, e->keyslen = tab - p;
	p = tab + 1;
	if (end - p == 1 && *p == '-')
		return 0;
	errno = 0;
	e->date = strtoll(p, &q, 10);
	if (q != end || q == p || errno != 0 || e->date < 0)
		return -1;
	return 0;
}

void
arc_entry_urls(const struct arc_entry *e,
    void (*fn)(const char *url, size_t n, void *arg), void *arg)
{
	const char *p = e->keys, *end = e->keys + e->keyslen, *sp;

	fn(e->url, e->urllen, arg);
	for (; p != NULL && p < end; p = sp + 1) {
		if ((sp = memchr(p, ' ', end - p)) == NULL)
			sp = end;
		if (sp > p)
			fn(p, sp - p, arg);
	}
}

const char *
arc_canon(const char *url, size_t n, size_t *len)
{
	static struct kh_url *u;
	const char *c, *err;

	if (u == NULL)
		u = kh_url_new();
	c = kh_url_canon(u, url, n, NULL, len, &err);
	return c;
}

/* n digits at s as a number, or -1. */
static int
digits(const char *s, size_t n)
{
	int v = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

int64_t
arc_time(const char *s, size_t n)
{
	struct tm tm = { 0 };
	size_t i = 10;
	int off = 0, h, m;

	if (n < 10 || s[4] != '-' || s[7] != '-' ||
	    (tm.tm_year = digits(s, 4)) < 0 ||
	    (tm.tm_mon = digits(s + 5, 2)) < 1 || tm.tm_mon > 12 ||
	    (tm.tm_mday = digits(s + 8, 2)) < 1 || tm.tm_mday > 31)
		return -1;
	tm.tm_year -= 1900;
	tm.tm_mon--;
	if (n >= 16 && (s[10] == 'T' || s[10] == ' ') && s[13] == ':') {
		if ((tm.tm_hour = digits(s + 11, 2)) < 0 || tm.tm_hour > 24 ||
		    (tm.tm_min = digits(s + 14, 2)) < 0 || tm.tm_min > 59)
			return -1;
		i = 16;
		if (n >= 19 && s[16] == ':') {
			if ((tm.tm_sec = digits(s + 17, 2)) < 0 ||
			    tm.tm_sec > 60)
				return -1;
			i = 19;
			if (i < n && (s[i] == '.' || s[i] == ','))
				for (i++; i < n && s[i] >= '0' && s[i] <= '9';)
					i++;
		}
		if (i < n && (s[i] == '+' || s[i] == '-') && n - i >= 3 &&
		    (h = digits(s + i + 1, 2)) >= 0) {
			m = n - i >= 6 && s[i + 3] == ':' ? digits(s + i + 4, 2) :
			    n - i >= 5 ? digits(s + i + 3, 2) : 0;
			if (m < 0)
				return -1;
			off = (s[i] == '-' ? -1 : 1) * (h * 3600 + m * 60);
		}
	}
	return (int64_t)timegm(&tm) - off;
}

struct json_object *
arc_record(const char *text, size_t len)
{
	static struct rec_parser *p;
	const char *err;
	long at;

	if (p == NULL)
		p = rec_parser_new();
	return rec_parse(p, text, len, 0, &err, &at);
}

/* A string member of a parsed record into buf: 1, 0 when absent or
 * no string. */
static int
parsed_string(struct json_object *rec, const char *key, char **buf,
    size_t *cap, const char **s, size_t *n)
{
	struct json_object *v;

	if (!json_object_object_get_ex(rec, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return 0;
	*n = json_object_get_string_len(v);
	grow(buf, cap, *n + 1);
	memcpy(*buf, json_object_get_string(v), *n + 1);
	*s = *buf;
	return 1;
}

/* A string member whose text is its value: 1 with *v, *n the string
 * between its quotes; 0 when absent or no string; -1 when escapes hide
 * it (in the value, or maybe in a name): json-c must read it. */
static int
text_string(const char *text, const struct rec_members *m, const char *key,
    const char **v, size_t *n)
{
	const struct rec_member *e = rec_member_get(m, text, key);

	if (e == NULL)
		return m->escaped ? -1 : 0;
	if (text[e->value] != '"')
		return 0;
	if (memchr(text + e->value, '\\', e->valuelen) != NULL)
		return -1;
	*v = text + e->value + 1;
	*n = e->valuelen - 2;
	return 1;
}

/* The member named field if it stands once in the record, written so
 * (no escapes), and no member field_ref stands beside it: only such a
 * body is stored once, so that a reference put in its place is the
 * record's only member of its name, and a body read back is the one the
 * key was made of. */
static const struct rec_member *
once(const struct rec_members *m, const char *text, const char *field)
{
	const struct rec_member *e = NULL;
	size_t n = strlen(field);

	for (size_t i = 0; i < m->n; i++) {
		const struct rec_member *v = &m->v[i];
		if (v->namelen < n || memcmp(text + v->name, field, n) != 0)
			continue;
		if (v->namelen == n + 4 && memcmp(text + v->name + n, "_ref",
		    4) == 0)
			return NULL;
		if (v->namelen == n) {
			if (e != NULL)
				return NULL;
			e = v;
		}
	}
	return e;
}

/* The other URLs of a record (see archive.h): each of urls[] in
 * canonical form, unless it is the url or an earlier one, into *buf. */
static size_t
other_urls(const char *url, size_t ul, const char **urls, const size_t *n,
    int count, char **buf, size_t *cap)
{
	const char *c;
	size_t cl, at = 0, i;
	int j;

	for (j = 0; j < count; j++) {
		if (urls[j] == NULL || (c = arc_canon(urls[j], n[j], &cl)) == NULL)
			continue;
		if (cl == ul && memcmp(c, url, ul) == 0)
			continue;
		for (i = 0; i < at; i += strcspn(*buf + i, " ") + 1)
			if (strncmp(*buf + i, c, cl) == 0 &&
			    ((*buf)[i + cl] == ' ' || (*buf)[i + cl] == '\0'))
				break;
		if (i < at)
			continue;
		grow(buf, cap, at + cl + 2);
		if (at > 0)
			(*buf)[at++] = ' ';
		memcpy(*buf + at, c, cl);
		at += cl;
		(*buf)[at] = '\0';
	}
	return at;
}

/* The strings arc_record_keys reads, and where they are kept when json-c
 * must read them. */
enum { K_URL, K_FETCHED, K_FINAL, K_CANON, K_LASTMOD, K_MODIFIED,
	K_PUBLISHED, K_N };
static const char *const k_names[K_N] = { "url", "fetched_at", "final_url",
	"canonical_url", "lastmod", "modified", "published" };

int
arc_record_keys(const char *text, size_t len, const struct rec_members *m,
    struct arc_keys *k)
{
	static struct rec_members own;
	static char *buf[K_N], *keys;
	static size_t cap[K_N], kcap;
	struct json_object *rec = NULL;
	const struct rec_member *e;
	const char *err, *t, *v[K_N];
	size_t hl = 0, tl, n[K_N];
	int64_t d;
	long at;
	int got[K_N], escaped = 0, ret = -1;

	if (m == NULL) {	/* a record read back: check it too */
		if (rec_scan_members(text, len, 0, &err, &at, &t, &tl,
		    &own) != 1 || t != text || tl != len)
			return -1;
		m = &own;
	}
	for (int i = 0; i < K_N; i++)
		if ((got[i] = text_string(text, m, k_names[i], &v[i],
		    &n[i])) < 0)
			escaped = 1;
	if (escaped) {
		if ((rec = arc_record(text, len)) == NULL)
			return -1;
		for (int i = 0; i < K_N; i++)
			got[i] = parsed_string(rec, k_names[i], &buf[i],
			    &cap[i], &v[i], &n[i]);
	}
	for (int i = 0; i < K_N; i++)
		if (got[i] != 1)
			v[i] = NULL, n[i] = 0;
	if (v[K_URL] == NULL)
		goto done;
	k->url = v[K_URL], k->urllen = n[K_URL];
	k->fetched_at = v[K_FETCHED], k->fetchedlen = n[K_FETCHED];
	/* the index keeps 40 bytes of it, and no control character */
	if (k->fetched_at != NULL && k->fetchedlen > 40)
		k->fetchedlen = 40;
	for (size_t i = 0; k->fetched_at != NULL && i < k->fetchedlen; i++)
		if ((unsigned char)k->fetched_at[i] < ' ')
			k->fetched_at = NULL;
	if (k->fetched_at == NULL)
		k->fetchedlen = 0;
	{
		const char *u[3] = { v[K_URL], v[K_FINAL], v[K_CANON] };
		size_t un[3] = { n[K_URL], n[K_FINAL], n[K_CANON] };
		k->keyslen = other_urls(k->url, k->urllen, u, un, 3, &keys,
		    &kcap);
	}
	k->keys = k->keyslen ? keys : "";
	k->date = -1;
	for (int i = K_LASTMOD; i <= K_PUBLISHED; i++)
		if (v[i] != NULL && (d = arc_time(v[i], n[i])) > k->date)
			k->date = d;
	k->hashes[0] = '\0';
	for (int i = 0; i < DEDUP_NFIELDS; i++) {
		e = once(m, text, dedup_fields[i]);
		if (e == NULL || !dedup_key(dedup_fields[i], text + e->value,
		    e->valuelen, k->body[i], sizeof(k->body[i]))) {
			k->body[i][0] = '\0';
			continue;
		}
		hl += snprintf(k->hashes + hl, sizeof(k->hashes) - hl, "%s%s",
		    hl ? "," : "", k->body[i]);
	}
	ret = 0;
done:
	json_object_put(rec);
	return ret;
}

/* The index line's last columns, "TAB other-urls TAB date NEWLINE",
 * appended at *buf + at: the new length. */
static size_t
index_cols(char **buf, size_t *cap, size_t at, const struct arc_keys *k)
{
	char date[32];
	int m;

	if (k->date >= 0)
		m = snprintf(date, sizeof(date), "\t%" PRId64 "\n", k->date);
	else
		m = snprintf(date, sizeof(date), "\t-\n");
	grow(buf, cap, at + 2 + k->keyslen + m);
	(*buf)[at++] = '\t';
	if (k->keyslen > 0) {
		memcpy(*buf + at, k->keys, k->keyslen);
		at += k->keyslen;
	} else {
		(*buf)[at++] = '-';
	}
	memcpy(*buf + at, date, m);
	return at + m;
}

size_t
arc_index_line(char **buf, size_t *cap, size_t at, const struct arc_keys *k,
    const struct arc_unit *u, uint32_t recno, size_t size)
{
	char tail[96 + sizeof(k->hashes)];
	int m;

	m = snprintf(tail, sizeof(tail), "\t%" PRIu64 "\t%" PRIu32 "\t%"
	    PRIu32 "\t%.*s\t%zu\t%s", u->off, u->hdr + u->comp, recno,
	    k->fetched_at ? (int)k->fetchedlen : 1,
	    k->fetched_at ? k->fetched_at : "-", size,
	    *k->hashes ? k->hashes : "-");
	grow(buf, cap, at + k->urllen + m);
	memcpy(*buf + at, k->url, k->urllen);
	memcpy(*buf + at + k->urllen, tail, m);
	return index_cols(buf, cap, at + k->urllen + m, k);
}

/* --- writing ----------------------------------------------------------- */

struct pending {		/* a queued record's index data */
	size_t meta;		/* offset of "url" "\tRECNO..." in meta */
	size_t urllen;
};

/* Records queued for one unit: filled by the reading thread, written by
 * arc_batch_write (possibly in another thread). */
struct arc_batch {
	char *buf;		/* the records, '\n'-ended */
	size_t len, cap;
	char *obuf;		/* the records as they came (opts.keep_orig) */
	size_t olen, ocap;
	char *meta;		/* url "\trecno\tfetched\tsize\thash\turls\tdate\n" */
	size_t mlen, mcap;
	struct pending *pend;
	size_t npend, pcap;
	uint32_t *refs;		/* the unit's list of references */
	size_t nref, rcap;
	char *z;		/* the unit: header and frame */
	size_t zlen, zcap;
	uint64_t at;		/* where it was written */
	const ZSTD_CDict *cdict;	/* the dictionary it uses, or NULL */
};

struct arc_part {
	const struct arc_opts *o;
	char *data, *idx;
	char *tmp;		/* the data file's name while it is made */
	int dfd, ifd;		/* -1: no such file yet */
	int creating;		/* dfd is tmp, to be renamed to data */
	int fresh;		/* the files are made by this run */
	uint64_t dend, iend;	/* where data and index end */
	uint64_t wend;		/* where units written, not yet indexed, end */
	int idirty;		/* index lines not yet synced */
	struct arc_batch *cur;	/* being filled */
	char *line;		/* index lines */
	size_t linecap;
};

/* Batches done with, kept with their buffers for the next ones: a
 * frame's buffers then grow once a run, not once a frame (reallocs,
 * page faults and unmapping cost the reading thread a tenth of its
 * time).  A steady run has up to NJOBS + workers + 2 in flight, more
 * when frames wait for their turn to be committed (put.c). */
#define POOL_MAX 32
static struct {
	pthread_mutex_t mu;
	struct arc_batch *b[POOL_MAX];
	int n;
} pool = { .mu = PTHREAD_MUTEX_INITIALIZER };

static struct arc_batch *
batch_new(size_t frame)
{
	struct arc_batch *b = NULL;

	pthread_mutex_lock(&pool.mu);
	if (pool.n > 0)
		b = pool.b[--pool.n];
	pthread_mutex_unlock(&pool.mu);
	if (b == NULL) {
		b = kh_malloc(sizeof(*b));
		memset(b, 0, sizeof(*b));
		/* a frame's worth at once, not by reallocs */
		grow(&b->buf, &b->cap, frame < (8 << 20) ? frame : 8 << 20);
	}
	return b;
}

static void
meta_add(struct arc_batch *b, const char *s, size_t n)
{
	grow(&b->meta, &b->mcap, b->mlen + n);
	memcpy(b->meta + b->mlen, s, n);
	b->mlen += n;
}

void
arc_part_add(struct arc_part *p, const char *text, size_t len,
    const char *orig, size_t origlen, const struct arc_keys *k,
    const char *hash, unsigned refs)
{
	struct arc_batch *b;
	char tail[160];
	int n;

	if (p->cur == NULL)
		p->cur = batch_new(p->o->frame);
	b = p->cur;
	grow(&b->buf, &b->cap, b->len + len + 1);
	memcpy(b->buf + b->len, text, len);
	b->len += len;
	b->buf[b->len++] = '\n';
	if (p->o->keep_orig) {
		if (orig == NULL)
			orig = text, origlen = len;
		grow(&b->obuf, &b->ocap, b->olen + origlen + 1);
		memcpy(b->obuf + b->olen, orig, origlen);
		b->olen += origlen;
		b->obuf[b->olen++] = '\n';
	}
	if (refs != 0) {
		if (b->nref == b->rcap) {
			b->rcap = b->rcap ? 2 * b->rcap : 64;
			b->refs = kh_realloc(b->refs, b->rcap *
			    sizeof(*b->refs));
		}
		b->refs[b->nref++] = (uint32_t)b->npend << 2 | refs;
	}
	if (b->npend == b->pcap) {
		b->pcap = b->pcap ? 2 * b->pcap : 64;
		b->pend = kh_realloc(b->pend, b->pcap * sizeof(*b->pend));
	}
	b->pend[b->npend].meta = b->mlen;
	b->pend[b->npend].urllen = k->urllen;
	meta_add(b, k->url, k->urllen);
	n = snprintf(tail, sizeof(tail), "\t%zu\t%.*s\t%zu\t", b->npend,
	    k->fetchedlen ? (int)k->fetchedlen : 1,
	    k->fetchedlen ? k->fetched_at : "-", len);
	meta_add(b, tail, n);
	meta_add(b, hash ? hash : "-", hash ? strlen(hash) : 1);
	b->mlen = index_cols(&b->meta, &b->mcap, b->mlen, k);
	b->npend++;
}

size_t
arc_part_pending(const struct arc_part *p)
{
	return p->cur ? p->cur->len : 0;
}

struct arc_batch *
arc_part_take(struct arc_part *p)
{
	struct arc_batch *b = p->cur;

	if (b != NULL)
		b->cdict = p->o->cdict;
	p->cur = NULL;
	return b;
}

void
arc_batch_free(struct arc_batch *b)
{
	if (b == NULL)
		return;
	pthread_mutex_lock(&pool.mu);
	if (pool.n < POOL_MAX) {
		b->len = b->olen = b->mlen = b->npend = b->zlen = 0;
		b->nref = 0;
		b->cdict = NULL;
		pool.b[pool.n++] = b;
		b = NULL;
	}
	pthread_mutex_unlock(&pool.mu);
	if (b == NULL)
		return;
	free(b->buf);
	free(b->obuf);
	free(b->z);
	free(b->meta);
	free(b->pend);
	free(b->refs);
	free(b);
}

/* Append the index lines of a unit written at off.  Index data comes
 * from the records of the unit (recovery) or from the queue. */
static int
index_append(struct arc_part *p, const char *lines, size_t n)
{
	if (kh_pwrite_full(p->ifd, lines, n, p->iend) < 0)
		return -1;
	p->idirty = 1;
	p->iend += n;
	return 0;
}

/* The header of a unit with b's records (its list included) at h. */
static void
unit_header(unsigned char *h, const struct arc_batch *b, uint32_t comp)
{
	put32(h, ARC_MAGIC);
	put32(h + 4, ARC_HDR - 8 + 4 * b->nref);
	memcpy(h + 8, ARC_TAG, 4);
	put32(h + 12, b->npend);
	put32(h + 16, b->len);
	put32(h + 20, comp);
	put32(h + 24, ARC_FORMAT);
	put32(h + 28, b->nref);
	for (size_t i = 0; i < b->nref; i++)
		put32(h + ARC_HDR + 4 * i, b->refs[i]);
}

/* The parameters of o's frames, which their dictionary shares.  The
 * hash table holds no more entries than a quarter of a frame's bytes,
 * as a bigger one is mostly empty and misses the cache; at the greedy
 * level (5), whose rows hold 16 entries, the search looks at all 16,
 * not 8.  On the 34 MB benchmark with 512K frames both together:
 * ratio 5.948 for 5.929 (2^18 entries, 8 looked at), and 3% faster. */
static ZSTD_compressionParameters
frame_params(const struct arc_opts *o, size_t dictlen)
{
	ZSTD_compressionParameters cp = ZSTD_getCParams(o->level, o->frame,
	    dictlen);
	unsigned log;

	for (log = 1; ((size_t)2 << log) <= o->frame; log++)
		;
	if (log > 8 && cp.hashLog > log - 2)
		cp.hashLog = log - 2;
	if (cp.strategy == ZSTD_greedy && cp.searchLog < 4)
		cp.searchLog = 4;
	return cp;
}

ZSTD_CCtx *
arc_cctx_new(const struct arc_opts *o)
{
	ZSTD_compressionParameters cp = frame_params(o, 0);
	ZSTD_CCtx *c = ZSTD_createCCtx();

	if (c == NULL)
		kh_die("zstd: out of memory");
	ZSTD_CCtx_setParameter(c, ZSTD_c_compressionLevel, o->level);
	ZSTD_CCtx_setParameter(c, ZSTD_c_checksumFlag, 1);
	ZSTD_CCtx_setParameter(c, ZSTD_c_hashLog, cp.hashLog);
	ZSTD_CCtx_setParameter(c, ZSTD_c_searchLog, cp.searchLog);
	return c;
}

ZSTD_CDict *
arc_cdict_new(const struct arc_opts *o, const void *dict, size_t len)
{
	ZSTD_CDict *cd;

	/* Made with the frames' own parameters, so that zstd copies its
	 * tables into each frame's context instead of loading it anew
	 * (at level 5: 15% faster, and a better ratio). */
	cd = ZSTD_createCDict_advanced(dict, len, ZSTD_dlm_byCopy,
	    ZSTD_dct_auto, frame_params(o, len), ZSTD_defaultCMem);
	if (cd == NULL)
		kh_die("zstd: out of memory");
	return cd;
}

int
arc_batch_compress(ZSTD_CCtx *c, struct arc_batch *b)
{
	size_t hdr, bound, comp;

	if (b == NULL || b->npend == 0)
		return 0;
	hdr = ARC_HDR + 4 * b->nref;
	bound = ZSTD_compressBound(b->len);
	grow(&b->z, &b->zcap, hdr + bound);
	ZSTD_CCtx_refCDict(c, b->cdict);	/* NULL: none */
	comp = ZSTD_compress2(c, b->z + hdr, bound, b->buf, b->len);
	if (ZSTD_isError(comp)) {
		kh_warn("zstd: %s", ZSTD_getErrorName(comp));
		return -1;
	}
	unit_header((unsigned char *)b->z, b, comp);
	b->zlen = hdr + comp;
	return 0;
}

int
arc_batch_write(struct arc_part *p, struct arc_batch *b)
{
	if (b == NULL || b->npend == 0)
		return 0;
	if (p->dfd < 0) {
		/* the part's first unit: the file is made under another
		 * name, and renamed once it holds the unit, synced */
		if ((p->dfd = kh_open(p->tmp, O_RDWR | O_CREAT | O_TRUNC,
		    0644)) < 0) {
			kh_warn("%s:", p->tmp);
			return -1;
		}
		p->creating = 1;
	}
	if (p->wend < p->dend)
		p->wend = p->dend;
	b->at = p->wend;
	if (kh_pwrite_full(p->dfd, b->z, b->zlen, b->at) < 0) {
		kh_warn("%s:", p->creating ? p->tmp : p->data);
		arc_part_undo(p);
		return -1;
	}
	p->wend += b->zlen;
	return 0;
}

int
arc_part_sync(struct arc_part *p)
{
	if (p->wend <= p->dend)
		return 0;
	if (kh_fsync(p->dfd) < 0) {
		kh_warn("%s: fsync:", p->creating ? p->tmp : p->data);
		arc_part_undo(p);
		return -1;
	}
	if (p->creating) {
		if (rename(p->tmp, p->data) < 0) {
			kh_warn("%s: rename:", p->tmp);
			arc_part_undo(p);
			return -1;
		}
		p->creating = 0;
		if (kh_sync_parent(p->data) < 0) {
			kh_warn("%s: fsync of its directory:", p->data);
			arc_part_undo(p);
			return -1;
		}
	}
	return 0;
}

int
arc_batch_index(struct arc_part *p, struct arc_batch *b, arc_emit_fn *emit,
    arc_indexed_fn *indexed)
{
	uint64_t at = p->iend;
	size_t n = 0, k;
	char num[64];
	int m, ret = -1;

	if (b == NULL || b->npend == 0) {
		arc_batch_free(b);
		return 0;
	}
	m = snprintf(num, sizeof(num), "\t%" PRIu64 "\t%zu", b->at, b->zlen);
	for (k = 0; k < b->npend; k++) {
		const char *url = b->meta + b->pend[k].meta;
		const char *tail = url + b->pend[k].urllen;
		size_t tl = (k + 1 < b->npend ? b->meta + b->pend[k + 1].meta :
		    b->meta + b->mlen) - tail;
		grow(&p->line, &p->linecap, n + b->pend[k].urllen + m + tl);
		memcpy(p->line + n, url, b->pend[k].urllen);
		n += b->pend[k].urllen;
		memcpy(p->line + n, num, m);
		n += m;
		memcpy(p->line + n, tail, tl);
		n += tl;
	}
	if (p->ifd < 0 && (p->ifd = kh_open(p->idx, O_RDWR | O_CREAT |
	    O_TRUNC, 0644)) < 0) {
		kh_warn("%s:", p->idx);
		arc_part_undo(p);
		goto done;
	}
	if (b->at != p->dend) {
		kh_warn("%s: a unit is out of its turn", p->data);
		arc_part_undo(p);
		goto done;
	}
	if (index_append(p, p->line, n) < 0) {
		kh_warn("%s:", p->idx);
		arc_part_undo(p);
		goto done;
	}
	p->dend = b->at + b->zlen;
	if (indexed != NULL && indexed(p->line, n, at) < 0) {
		/* not indexed after all: the unit and its lines go */
		p->iend = at;
		p->dend = b->at;
		arc_part_undo(p);
		goto done;
	}
	if (emit != NULL) {
		const char *r = p->o->keep_orig ? b->obuf : b->buf, *nl;
		for (k = 0; k < b->npend; k++, r = nl + 1) {
			const char *tail = b->meta + b->pend[k].meta +
			    b->pend[k].urllen, *h = tail, *hend;
			/* "\trecno\tfetched\tsize\thash\turls\tdate\n" */
			for (int t = 0; t < 4; t++)
				h = strchr(h, '\t') + 1;
			hend = strchr(h, '\t');
			nl = strchr(r, '\n');
			emit(r, nl - r, h, hend - h, b->at, k);
		}
	}
	ret = 0;
done:
	arc_batch_free(b);
	return ret;
}

/* The part's files hold nothing: none, then. */
static void
part_remove(struct arc_part *p)
{
	if (p->dfd >= 0) {
		close(p->dfd);
		if (unlink(p->creating ? p->tmp : p->data) < 0)
			kh_warn("%s: cannot remove:", p->creating ? p->tmp :
			    p->data);
	}
	if (p->ifd >= 0) {
		close(p->ifd);
		if (unlink(p->idx) < 0)
			kh_warn("%s: cannot remove:", p->idx);
	}
	p->dfd = p->ifd = -1;
	p->creating = p->idirty = 0;
	p->dend = p->iend = p->wend = 0;
}

void
arc_part_undo(struct arc_part *p)
{
	/* nothing after the last unit indexed counts */
	if (p->dend == 0 && p->fresh)
		part_remove(p);
	else if (kh_ftruncate(p->dfd, p->dend) < 0 ||
	    (p->ifd >= 0 && kh_ftruncate(p->ifd, p->iend) < 0))
		kh_warn("%s: cannot cut back a failed write:", p->data);
	p->wend = p->dend;
}

/* Recovery: units after the index's last are indexed if whole. */
struct recover {
	struct arc_part *p;
	size_t nrec;
	int err;		/* the index could not take them */
};

static int
recover_unit(const struct arc_unit *u, const char *recs, void *arg)
{
	struct recover *rc = arg;
	struct arc_part *p = rc->p;
	struct arc_keys k;
	const char *line;
	size_t len = 0, n = 0;

	for (uint32_t i = 0; i < u->nrec; i++) {
		line = arc_nth_line(recs, u->raw, i, &len);
		if (line == NULL || arc_record_keys(line, len, NULL, &k) < 0)
			return 1;	/* not ours: stop here, cut the rest */
		n = arc_index_line(&p->line, &p->linecap, n, &k, u, i, len);
	}
	if (index_append(p, p->line, n) < 0) {
		rc->err = errno;
		return 1;
	}
	p->dend = arc_unit_end(u);
	rc->nrec += u->nrec;
	return 0;
}

/* Where the units the index fully knows end (*covered), where the last
 * of them starts (*last), and how much of the index to keep (*keep).
 * The index's tail is what a crash may have torn: a cut last line is
 * dropped, and so are the lines of a last unit that does not have all
 * its records (its unit is then indexed again from the data). */
static int
index_tail(struct arc_part *p, uint64_t *covered, uint64_t *last,
    uint64_t *keep)
{
	struct arc_entry e;
	struct arc_unit u;
	const char *why;
	struct stat st;
	char *idx, *end, *start, *nl;
	int r;

	*covered = *last = *keep = 0;
	if (fstat(p->ifd, &st) < 0)
		return -1;
	p->iend = st.st_size;
	if (st.st_size == 0)
		return 0;
	idx = kh_malloc(st.st_size);
	if (kh_pread_full(p->ifd, idx, st.st_size, 0) < 0) {
		free(idx);
		return -1;
	}
	end = idx + st.st_size;
	if (end[-1] != '\n') {	/* a torn last line */
		nl = memrchr(idx, '\n', end - idx);
		end = nl ? nl + 1 : idx;
	}
	/* The last line that parses (the index is synced only at the end
	 * of a run, so a crash of the machine may leave garbage after it),
	 * and then back over the lines of its unit.  What is dropped is
	 * indexed again from the data. */
	while (end > idx) {
		start = memrchr(idx, '\n', end - 1 - idx);
		start = start ? start + 1 : idx;
		if (arc_entry_parse(start, end - 1 - start, &e) == 0)
			break;
		end = start;
	}
	*keep = end - idx;
	if (end > idx) {
		*covered = e.off + e.len;
		*last = e.off;
		if ((r = arc_unit_read(p->dfd, e.off, UINT64_MAX, &u,
		    &why)) == ARC_IOERR) {
			free(idx);
			return -1;
		}
		if (r == 1 && e.recno + 1 != u.nrec) {
			uint64_t off = e.off;
			while (start > idx) {
				nl = memrchr(idx, '\n', start - 1 - idx);
				nl = nl ? nl + 1 : idx;
				if (arc_entry_parse(nl, start - 1 - nl, &e) < 0 ||
				    e.off != off)
					break;
				start = nl;
			}
			*keep = start - idx;
			*covered = off;
			*last = UINT64_MAX;	/* unknown: none checked */
		}
	}
	free(idx);
	return 0;
}

/* The units after the index's last (from p->dend): the whole ones are
 * indexed (a crash between data and index), a torn one is cut.  A frame
 * that needs a dictionary the archive lacks is no torn one: -1, nothing
 * cut. */
static int
recover_tail(struct arc_part *p, uint64_t size)
{
	static char *buf;
	static size_t cap;
	struct recover rc = { p, 0, 0 };
	struct arc_unit u;
	const char *why = NULL;
	uint64_t end = p->dend;
	int r;

	while ((r = arc_unit_read(p->dfd, end, size, &u, &why)) == 1) {
		r = arc_unit_load(p->dfd, &u, p->o->dict, &buf, &cap, &why);
		if (r < 0 || recover_unit(&u, buf, &rc))
			break;
		end = arc_unit_end(&u);
	}
	if (r == ARC_NODICT || r == ARC_IOERR) {
		kh_warn("%s: at byte %" PRIu64 ": %s; nothing was cut", p->data,
		    end, why);
		return -1;
	}
	if (rc.err) {
		errno = rc.err;
		kh_warn("%s:", p->idx);
		return -1;
	}
	if (rc.nrec > 0)
		kh_warn("%s: indexed %zu records written by a run that did not "
		    "finish", p->data, rc.nrec);
	if (size == p->dend)
		return 0;
	/* what the torn unit's header says, while it is there */
	(void)arc_unit_read(p->dfd, p->dend, size, &u, &why);
	if (kh_ftruncate(p->dfd, p->dend) < 0 || kh_fsync(p->dfd) < 0) {
		kh_warn("%s: cannot cut a torn tail:", p->data);
		return -1;
	}
	if (u.nrec > 0)
		kh_warn("%s: cut a torn unit of %" PRIu32 " records (%" PRIu64
		    " bytes) at the end; they were never acknowledged",
		    p->data, u.nrec, size - p->dend);
	else
		kh_warn("%s: cut %" PRIu64 " bytes of a torn unit at the end; "
		    "its records were never acknowledged", p->data,
		    size - p->dend);
	return 0;
}

/* p's data file, if it is there and holds something: 1, or 0 when there
 * is none (an empty one, left by an old run killed before its first
 * unit, is removed), -1 on error. */
static int
data_open(struct arc_part *p)
{
	struct stat st;

	if ((p->dfd = kh_open(p->data, O_RDWR, 0)) < 0) {
		if (errno != ENOENT) {
			kh_warn("%s:", p->data);
			return -1;
		}
	} else if (fstat(p->dfd, &st) < 0) {
		kh_warn("%s:", p->data);
		return -1;
	} else if (S_ISREG(st.st_mode) && st.st_size == 0) {
		close(p->dfd);
		p->dfd = -1;
		if (unlink(p->data) < 0) {
			kh_warn("%s: cannot remove an empty data file:",
			    p->data);
			return -1;
		}
		kh_warn("%s: removed an empty data file (a run was killed "
		    "before its first frame)", p->data);
	} else {
		return 1;
	}
	/* no data: an index left without it says nothing */
	if (unlink(p->idx) < 0 && errno != ENOENT) {
		kh_warn("%s: cannot remove an index without data:", p->idx);
		return -1;
	}
	return 0;
}

struct arc_part *
arc_part_open(const char *data, const char *idx, const struct arc_opts *o)
{
	struct arc_part *p = kh_malloc(sizeof(*p));
	struct arc_unit u;
	const char *why;
	struct stat st;
	uint64_t covered, last, keep;
	size_t n = strlen(data) + 5;
	int r;

	memset(p, 0, sizeof(*p));
	p->dfd = p->ifd = -1;
	p->o = o;
	p->data = strdup(data);
	p->idx = strdup(idx);
	p->tmp = kh_malloc(n);
	snprintf(p->tmp, n, "%s.tmp", data);
	switch (data_open(p)) {
	case 0:
		p->fresh = 1;	/* made with its first unit */
		return p;
	case -1:
		goto fail;
	}
	p->ifd = kh_open(idx, O_RDWR | O_CREAT, 0644);
	if (p->ifd < 0) {
		kh_warn("%s:", idx);
		goto fail;
	}
	if (index_tail(p, &covered, &last, &keep) < 0) {
		kh_warn("%s:", idx);
		goto fail;
	}
	if (fstat(p->dfd, &st) < 0) {
		kh_warn("%s:", data);
		goto fail;
	}
	if ((uint64_t)st.st_size < covered) {
		kh_warn("%s: shorter than its index says; run store verify "
		    "--repair", data);
		goto fail;
	}
	/* The frames name the dictionary they need: one missing or
	 * replaced is said now, before anything is written or cut. */
	if (last != UINT64_MAX && covered > 0 &&
	    ((r = arc_unit_read(p->dfd, last, st.st_size, &u, &why)) ==
	    ARC_IOERR || (r == 1 && (r = arc_unit_dict(p->dfd, &u, o->dict,
	    &why)) < 0))) {
		kh_warn("%s: at byte %" PRIu64 ": %s; nothing was changed",
		    data, last, why);
		goto fail;
	}
	if (keep < p->iend) {
		if (kh_ftruncate(p->ifd, keep) < 0) {
			kh_warn("%s:", idx);
			goto fail;
		}
		p->iend = keep;
		kh_warn("%s: dropped the torn tail of the index", p->idx);
	}
	p->dend = covered;
	if ((uint64_t)st.st_size > covered && recover_tail(p, st.st_size) < 0)
		goto fail;
	if (p->dend == 0 && S_ISREG(st.st_mode)) {
		/* nothing whole was in it */
		part_remove(p);
		p->fresh = 1;
		if (kh_sync_parent(data) < 0)
			kh_warn("%s: fsync of its directory:", data);
	}
	return p;
fail:
	arc_part_close(p);
	return NULL;
}

int
arc_part_close(struct arc_part *p)
{
	int ret = 0;

	if (p == NULL)
		return 0;
	if (p->creating) {	/* a unit that failed: never renamed */
		close(p->dfd);
		p->dfd = -1;
		unlink(p->tmp);
	}
	if (p->dfd >= 0 && kh_close(p->dfd) < 0) {
		kh_warn("%s: close:", p->data);
		ret = -1;
	}
	if (p->ifd >= 0 && p->idirty && kh_fsync(p->ifd) < 0) {
		kh_warn("%s: fsync:", p->idx);
		ret = -1;
	}
	if (p->ifd >= 0 && kh_close(p->ifd) < 0) {
		kh_warn("%s: close:", p->idx);
		ret = -1;
	}
	free(p->data);
	free(p->idx);
	free(p->tmp);
	arc_batch_free(p->cur);
	free(p->line);
	free(p);
	return ret;
}
