/*
 * lex.c: key -> number, open addressing over the key's tok_hash.  The
 * keys of lex_parse stay where they are (the mmapped model), those of
 * lex_put are copied into chunks that never move; a slot is sixteen
 * bytes, so that the tables of a model cost little to build.
 */
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "lex.h"
#include "tok.h"

#define CHUNK 65536

struct slot {
	const char *key;	/* NULL: empty */
	uint32_t h;
	uint16_t klen, v;
};

struct chunk {
	struct chunk *next;
	size_t used;
	char b[CHUNK];
};

struct lex {
	struct slot *tab;
	size_t cap, n;
	struct chunk *keys;	/* lex_put's copies */
};

/* tok_hash: eight bytes at a time */
#define hash tok_hash

struct lex *
lex_new(void)
{
	struct lex *x = kh_malloc(sizeof(*x));

	memset(x, 0, sizeof(*x));
	x->cap = 256;
	x->tab = calloc(x->cap, sizeof(*x->tab));
	if (x->tab == NULL)
		kh_die("out of memory");
	return x;
}

void
lex_free(struct lex *x)
{
	struct chunk *c, *next;

	if (x == NULL)
		return;
	for (c = x->keys; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(x->tab);
	free(x);
}

size_t
lex_size(const struct lex *x)
{
	return x->n;
}

static struct slot *
find(const struct lex *x, const char *key, size_t len, uint32_t h)
{
	size_t i = h & (x->cap - 1);

	for (;; i = (i + 1) & (x->cap - 1)) {
		struct slot *e = &x->tab[i];

		if (e->key == NULL || (e->h == h && e->klen == len &&
		    memcmp(e->key, key, len) == 0))
			return e;
	}
}

/* A table for n keys, full to 70% at most (a model's tables are
 * large, and the pages a table touches cost start-up time), the
 * entries there moved over. */
static void
resize(struct lex *x, size_t n)
{
	struct slot *old = x->tab;
	size_t ocap = x->cap;

	while (x->cap * 7 < n * 10)
		x->cap *= 2;
	if (x->cap == ocap)
		return;
	x->tab = calloc(x->cap, sizeof(*x->tab));
	if (x->tab == NULL)
		kh_die("out of memory");
	for (size_t i = 0; i < ocap; i++) {
		size_t j;

		if (old[i].key == NULL)
			continue;
		for (j = old[i].h & (x->cap - 1); x->tab[j].key != NULL;
		    j = (j + 1) & (x->cap - 1))
			;
		x->tab[j] = old[i];
	}
	free(old);
}

/* Put key (kept where it is) unless it is there. */
static void
put(struct lex *x, const char *key, size_t len, unsigned v, int copy)
{
	uint32_t h = hash(key, len);
	struct slot *e;

	if (v == 0 || v > UINT16_MAX || len == 0 || len > UINT16_MAX)
		return;
	resize(x, x->n + 1);
	e = find(x, key, len, h);
	if (e->key != NULL)
		return;
	if (copy) {
		struct chunk *c = x->keys;
		char *k;

		if (len > CHUNK)
			return;
		if (c == NULL || c->used + len > CHUNK) {
			c = kh_malloc(sizeof(*c));
			c->next = x->keys;
			c->used = 0;
			x->keys = c;
		}
		k = c->b + c->used;
		memcpy(k, key, len);
		c->used += len;
		key = k;
	}
	e->key = key;
	e->h = h;
	e->klen = (uint16_t)len;
	e->v = (uint16_t)v;
	x->n++;
}

void
lex_put(struct lex *x, const char *key, size_t len, unsigned v)
{
	put(x, key, len, v, 1);
}

void
lex_or(struct lex *x, const char *key, size_t len, unsigned bits)
{
	struct slot *e;

	put(x, key, len, bits, 0);
	e = find(x, key, len, hash(key, len));
	if (e->key != NULL)
		e->v |= bits;
}

void
lex_reserve(struct lex *x, size_t n)
{
	resize(x, x->n + n);
}

unsigned
lex_get(const struct lex *x, const char *key, size_t len)
{
	const struct slot *e;

	if (x == NULL || x->n == 0)
		return 0;
	e = find(x, key, len, hash(key, len));
	return e->key != NULL ? e->v : 0;
}

void
lex_parse(struct lex *x, const char *text, size_t len, const char *path)
{
	const char *p = text, *e = text + len, *nl, *tab;
	unsigned long lineno = 0;
	size_t lines = 0;

	for (p = text; p < e && (p = memchr(p, '\n', e - p)) != NULL; p++)
		lines++;
	resize(x, x->n + lines);
	for (p = text; p < e; p = nl + 1) {
		unsigned long v = 0;
		const char *d;

		if ((nl = memchr(p, '\n', e - p)) == NULL)
			nl = e;
		lineno++;
		if (nl == p)
			continue;
		tab = memchr(p, '\t', nl - p);
		for (d = tab ? tab + 1 : nl; d < nl && *d >= '0' && *d <= '9' &&
		    v < 65536; d++)
			v = v * 10 + (*d - '0');
		if (tab == NULL || tab == p || d != nl || d == tab + 1 ||
		    v == 0 || v >= 65536) {
			kh_warn("%s:%lu: not key<TAB>number; left out", path,
			    lineno);
			continue;
		}
		put(x, p, tab - p, (unsigned)v, 0);
	}
}
