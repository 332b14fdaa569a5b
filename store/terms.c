/*
 * terms.c: the find index (find.h): a Bloom filter a unit of the terms
 * of its records, in DATA.terms beside each data file.
 *
 * The file, little-endian:
 *
 *	"khterms1", k (u32), 0 (u32), covered (u64), units (u64)
 *
 * then for each unit, in the order of the data file: its offset (u64),
 * frame bytes (u32), records (u32), the last 4 bytes of its frame (the
 * zstd checksum of its records), the filter's 64-bit words (u32), and
 * the words.  covered: where the last unit ends.  A filter has 10 bits a
 * distinct term and K bits set for each (1% false positives); a unit
 * whose filter says no is not read.
 *
 * find makes the file the first time it reads a data file without one
 * (or with one that covers less than the data: a day still written to),
 * from the units it reads then, and reindex makes them all anew; a
 * directory find cannot write to leaves find scanning, as before.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <json-c/json.h>

#include "khobor.h"
#include "archive.h"
#include "find.h"
#include "store.h"

#define MAGIC "khterms1"
#define HDR 32
#define UHDR 24
#define K 7		/* bits set a term */
#define BITS 10		/* bits a term */

/* --- terms ------------------------------------------------------------ */

uint64_t
term_hash(int ns, const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	h = (h ^ (unsigned char)ns) * 0x100000001b3ULL;
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	/* murmur3's finaliser: every bit of the word stirs every other */
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

static void
add(struct tgather *g, int ns, const char *s, size_t n)
{
	if (g->n == g->cap) {
		g->cap = g->cap ? 2 * g->cap : 1024;
		g->h = kh_realloc(g->h, g->cap * sizeof(*g->h));
	}
	g->h[g->n++] = term_hash(ns, s, n);
}

/* Each word of s folded, and its stems: no allocation but for a word
 * longer than the buffer. */
static void
add_words(struct tgather *g, int ns, const char *s, size_t n)
{
	char buf[512], *f;
	size_t at = 0, b, e, k, st[NSTEM];
	int ns_;

	while (next_word(s, n, &at, &b, &e)) {
		f = 2 * (e - b) <= sizeof(buf) ? buf : kh_malloc(2 * (e - b));
		k = kh_word_fold(s + b, e - b, f);
		add(g, ns, f, k);
		ns_ = suffix_strip(f, k, st, NSTEM);
		for (int j = 0; j < ns_; j++)
			add(g, ns, f, st[j]);
		if (f != buf)
			free(f);
	}
}

/* A value folded (ASCII lower case), each part from a separator on
 * cut off in turn: "news.example.com" as it is, "example.com", "com"
 * (seps "."); "bn-BD" as "bn-bd" and "bn" (seps "-_", kept from the
 * start). */
static void
add_folded(struct tgather *g, int ns, const char *s, size_t n,
    const char *seps, int from_end)
{
	char buf[256] = { 0 };

	if (n == 0 || n > sizeof(buf))
		return;
	for (size_t i = 0; i < n; i++)
		buf[i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i];
	add(g, ns, buf, n);
	for (size_t i = 0; i < n; i++) {
		if (strchr(seps, buf[i]) == NULL || buf[i] == '\0')
			continue;
		if (from_end)
			add(g, ns, buf + i + 1, n - i - 1);
		else
			add(g, ns, buf, i);
	}
}

void
terms_of_record(struct json_object *rec, struct tgather *g)
{
	struct json_object *ents, *m;
	const char *s, *p;
	size_t n;

	if (json_object_object_get_ex(rec, "entities", &ents) &&
	    json_object_is_type(ents, json_type_array))
		for (size_t i = 0; i < json_object_array_length(ents); i++) {
			m = json_object_array_get_idx(ents, i);
			if (!json_object_is_type(m, json_type_object))
				continue;
			if ((s = rec_str(m, "norm", &n)) != NULL)
				add_words(g, TERM_ENTITY, s, n);
			if ((s = rec_str(m, "text", &n)) != NULL)
				add_words(g, TERM_ENTITY, s, n);
		}
	if ((s = rec_str(rec, "title", &n)) != NULL)
		add_words(g, TERM_WORD, s, n);
	if ((s = rec_str(rec, "text", &n)) != NULL)
		add_words(g, TERM_WORD, s, n);
	if ((s = rec_str(rec, "site", &n)) != NULL) {
		char *f = kh_malloc(2 * n + 1);

		add(g, TERM_SITE, f, kh_word_fold(s, n, f));
		free(f);
	}
	for (int i = 0; i < 2; i++) {
		if ((s = rec_str(rec, i ? "final_url" : "url", &n)) == NULL ||
		    (p = strstr(s, "://")) == NULL)
			continue;
		p += 3;
		add_folded(g, TERM_SITE, p, strcspn(p, "/?#:"), ".", 1);
	}
	if ((s = rec_str(rec, "lang", &n)) != NULL)
		add_folded(g, TERM_LANG, s, n, "-_", 0);
	if ((s = rec_str(rec, "story", &n)) != NULL)
		add(g, TERM_STORY, s, n);
}

/* --- filters ---------------------------------------------------------- */

static void
bits_of(uint64_t h, uint32_t nwords, uint64_t pos[K])
{
	uint64_t m = (uint64_t)nwords * 64, h2 = (h >> 32 | h << 32) | 1;

	for (int i = 0; i < K; i++)
		pos[i] = (h + i * h2) % m;
}

int
tfilter_has(const struct tfilter *f, uint64_t h)
{
	uint64_t pos[K];

	bits_of(h, f->nwords, pos);
	for (int i = 0; i < K; i++)
		if (!(f->bits[pos[i] / 64] >> (pos[i] % 64) & 1))
			return 0;
	return 1;
}

int
tfilter_word(const struct tfilter *f, int ns, const struct word *w)
{
	if (tfilter_has(f, term_hash(ns, w->w, w->n)))
		return 1;
	for (int i = 0; i < w->nstem; i++)
		if (tfilter_has(f, term_hash(ns, w->w, w->stem[i])))
			return 1;
	return 0;
}

static int
by_value(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* The filter of the terms gathered (then emptied): its words, malloc'd. */
static uint64_t *
filter_of(struct tgather *g, uint32_t *nwords)
{
	uint64_t *bits, pos[K];
	size_t n = 0;

	qsort(g->h, g->n, sizeof(*g->h), by_value);
	for (size_t i = 0; i < g->n; i++)
		if (i == 0 || g->h[i] != g->h[i - 1])
			g->h[n++] = g->h[i];
	*nwords = (uint32_t)((n * BITS + 63) / 64);
	if (*nwords == 0)
		*nwords = 1;
	bits = calloc(*nwords, sizeof(*bits));
	if (bits == NULL)
		kh_die("calloc:");
	for (size_t i = 0; i < n; i++) {
		bits_of(g->h[i], *nwords, pos);
		for (int j = 0; j < K; j++)
			bits[pos[j] / 64] |= (uint64_t)1 << (pos[j] % 64);
	}
	g->n = 0;
	return bits;
}

/* --- the file --------------------------------------------------------- */

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint64_t
get64(const unsigned char *p)
{
	return get32(p) | (uint64_t)get32(p + 4) << 32;
}

static void
put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++)
		p[i] = v >> (8 * i);
}

static void
put64(unsigned char *p, uint64_t v)
{
	put32(p, (uint32_t)v);
	put32(p + 4, (uint32_t)(v >> 32));
}

struct tunit {
	uint64_t off, end;
	uint32_t comp, nrec, sum;
	struct tfilter f;
	uint64_t *own;		/* twrite's copy */
};

struct tfile {
	char *buf;
	uint64_t covered;
	struct tunit *u;
	size_t n, next;
};

static char *
terms_path(const char *data)
{
	return pathcat(data, ".terms", "");
}

/* The 4 bytes that end unit u's frame (its checksum): 0 when unread. */
static uint32_t
unit_sum(int fd, const struct arc_unit *u)
{
	unsigned char b[4];

	if (u->comp < 4 || kh_pread_full(fd, b, 4, arc_unit_end(u) - 4) < 0)
		return 0;
	return get32(b);
}

struct tfile *
tfile_load(const char *data)
{
	struct tfile *t;
	char *path = terms_path(data), *buf;
	const unsigned char *p, *end;
	size_t len, cap = 0;
	uint64_t units, last = 0;

	buf = slurp(path, &len);
	free(path);
	if (buf == NULL)
		return NULL;
	p = (const unsigned char *)buf;
	end = p + len;
	if (len < HDR || memcmp(p, MAGIC, 8) != 0 || get32(p + 8) != K)
		goto bad;
	t = kh_malloc(sizeof(*t));
	memset(t, 0, sizeof(*t));
	t->buf = buf;
	t->covered = get64(p + 16);
	units = get64(p + 24);
	p += HDR;
	while (t->n < units) {
		struct tunit x = { 0 };

		if (end - p < UHDR)
			goto bad_t;
		x.off = get64(p);
		x.comp = get32(p + 8);
		x.nrec = get32(p + 12);
		x.sum = get32(p + 16);
		x.f.nwords = get32(p + 20);
		p += UHDR;
		if (x.f.nwords == 0 || (size_t)(end - p) / 8 < x.f.nwords ||
		    (t->n > 0 && x.off < last))
			goto bad_t;
		x.f.bits = (const uint64_t *)p;	/* 8-aligned: see HDR */
		p += (size_t)x.f.nwords * 8;
		last = x.off + 1;
		if (t->n == cap) {
			cap = cap ? 2 * cap : 64;
			t->u = kh_realloc(t->u, cap * sizeof(*t->u));
		}
		t->u[t->n++] = x;
	}
	if (p != end)
		goto bad_t;
	return t;
bad_t:
	tfile_free(t);
	return NULL;
bad:
	free(buf);
	return NULL;
}

const struct tfilter *
tfile_unit(struct tfile *t, int fd, const struct arc_unit *u)
{
	struct tunit *x;

	if (t == NULL)
		return NULL;
	while (t->next < t->n && t->u[t->next].off < u->off)
		t->next++;
	if (t->next == t->n)
		return NULL;
	x = &t->u[t->next];
	if (x->off != u->off || x->comp != u->comp || x->nrec != u->nrec ||
	    x->sum != unit_sum(fd, u))
		return NULL;
	return &x->f;
}

int
tfile_covers(const struct tfile *t, uint64_t end)
{
	return t != NULL && t->covered == end;
}

void
tfile_free(struct tfile *t)
{
	if (t == NULL)
		return;
	free(t->buf);
	free(t->u);
	free(t);
}

struct twrite {
	struct tunit *u;
	size_t n, cap;
};

struct twrite *
twrite_new(void)
{
	struct twrite *w = kh_malloc(sizeof(*w));

	memset(w, 0, sizeof(*w));
	return w;
}

void
twrite_unit(struct twrite *w, int fd, const struct arc_unit *u,
    const struct tfilter *have, struct tgather *g)
{
	struct tunit *x;

	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 64;
		w->u = kh_realloc(w->u, w->cap * sizeof(*w->u));
	}
	x = &w->u[w->n++];
	memset(x, 0, sizeof(*x));
	x->off = u->off;
	x->end = arc_unit_end(u);
	x->comp = u->comp;
	x->nrec = u->nrec;
	x->sum = unit_sum(fd, u);
	if (have != NULL) {
		x->f.nwords = have->nwords;
		x->own = kh_malloc((size_t)have->nwords * 8);
		memcpy(x->own, have->bits, (size_t)have->nwords * 8);
	} else {
		x->own = filter_of(g, &x->f.nwords);
	}
	x->f.bits = x->own;
}

static mode_t umask_now = (mode_t)-1;

int
twrite_commit(struct twrite *w, const char *data)
{
	char *path = terms_path(data), *tmp = pathcat(path, ".XXXXXX", "");
	unsigned char h[HDR], b[8];
	FILE *f = NULL;
	int fd, e, ok;

	if ((fd = mkstemp(tmp)) < 0)
		goto fail;
	/* as the data files are made: by the umask, not mkstemp's 0600 */
	if (umask_now == (mode_t)-1)
		umask(umask_now = umask(022));
	if (fchmod(fd, 0666 & ~umask_now) < 0 ||
	    (f = fdopen(fd, "w")) == NULL) {
		e = errno;
		close(fd);
		goto fail_made;
	}
	memcpy(h, MAGIC, 8);
	put32(h + 8, K);
	put32(h + 12, 0);
	put64(h + 16, w->n ? w->u[w->n - 1].end : 0);
	put64(h + 24, w->n);
	fwrite(h, 1, HDR, f);
	for (size_t i = 0; i < w->n; i++) {
		unsigned char uh[UHDR];

		put64(uh, w->u[i].off);
		put32(uh + 8, w->u[i].comp);
		put32(uh + 12, w->u[i].nrec);
		put32(uh + 16, w->u[i].sum);
		put32(uh + 20, w->u[i].f.nwords);
		fwrite(uh, 1, UHDR, f);
		for (uint32_t j = 0; j < w->u[i].f.nwords; j++) {
			put64(b, w->u[i].own[j]);
			fwrite(b, 1, 8, f);
		}
	}
	ok = !ferror(f);
	e = errno;
	if (fclose(f) != 0 || !ok) {
		e = ok ? errno : e;
		goto fail_made;
	}
	if (rename(tmp, path) < 0) {
		e = errno;
		goto fail_made;
	}
	free(tmp);
	free(path);
	return 0;
fail_made:
	unlink(tmp);
	errno = e;
fail:
	e = errno;
	free(tmp);
	free(path);
	errno = e;
	return -1;
}

void
twrite_free(struct twrite *w)
{
	if (w == NULL)
		return;
	for (size_t i = 0; i < w->n; i++)
		free(w->u[i].own);
	free(w->u);
	free(w);
}
