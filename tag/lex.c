/*
 * lex.c: key -> number, open addressing over the FNV-1a hash of the
 * key, the keys kept in one string.
 */
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "lex.h"

struct slot {
	uint64_t h;		/* 0: empty */
	uint32_t key, klen;
	unsigned v;
};

struct lex {
	struct slot *tab;
	size_t cap, n;
	char *str;
	size_t slen, scap;
};

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h | 1;
}

struct lex *
lex_new(void)
{
	struct lex *x = kh_malloc(sizeof(*x));

	memset(x, 0, sizeof(*x));
	x->cap = 256;
	x->tab = kh_malloc(x->cap * sizeof(*x->tab));
	memset(x->tab, 0, x->cap * sizeof(*x->tab));
	return x;
}

void
lex_free(struct lex *x)
{
	if (x == NULL)
		return;
	free(x->tab);
	free(x->str);
	free(x);
}

size_t
lex_size(const struct lex *x)
{
	return x->n;
}

static struct slot *
find(const struct lex *x, const char *key, size_t len, uint64_t h)
{
	size_t i = h & (x->cap - 1);

	for (;; i = (i + 1) & (x->cap - 1)) {
		struct slot *e = &x->tab[i];

		if (e->h == 0 || (e->h == h && e->klen == len &&
		    memcmp(x->str + e->key, key, len) == 0))
			return e;
	}
}

static void
grow(struct lex *x)
{
	struct slot *old = x->tab;
	size_t ocap = x->cap;

	x->cap *= 2;
	x->tab = kh_malloc(x->cap * sizeof(*x->tab));
	memset(x->tab, 0, x->cap * sizeof(*x->tab));
	for (size_t i = 0; i < ocap; i++) {
		size_t j;

		if (old[i].h == 0)
			continue;
		for (j = old[i].h & (x->cap - 1); x->tab[j].h != 0;
		    j = (j + 1) & (x->cap - 1))
			;
		x->tab[j] = old[i];
	}
	free(old);
}

void
lex_put(struct lex *x, const char *key, size_t len, unsigned v)
{
	uint64_t h = hash(key, len);
	struct slot *e;

	if (v == 0 || len > UINT32_MAX)
		return;
	if ((x->n + 1) * 2 > x->cap)
		grow(x);
	e = find(x, key, len, h);
	if (e->h != 0)
		return;
	if (x->slen + len > x->scap) {
		while (x->slen + len > x->scap)
			x->scap = x->scap ? x->scap * 2 : 65536;
		x->str = kh_realloc(x->str, x->scap);
	}
	memcpy(x->str + x->slen, key, len);
	e->h = h;
	e->key = x->slen;
	e->klen = len;
	e->v = v;
	x->slen += len;
	x->n++;
}

unsigned
lex_get(const struct lex *x, const char *key, size_t len)
{
	const struct slot *e;

	if (x == NULL)
		return 0;
	e = find(x, key, len, hash(key, len));
	return e->h != 0 ? e->v : 0;
}

void
lex_parse(struct lex *x, const char *text, size_t len, const char *path)
{
	const char *p = text, *e = text + len, *nl, *tab;
	unsigned long lineno = 0;

	for (; p < e; p = nl + 1) {
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
		lex_put(x, p, tab - p, (unsigned)v);
	}
}
