/*
 * gaz.c: the gazetteer as an open-addressing hash table over the keys
 * of names.  Every proper prefix of a name of several tokens is in the
 * table too, marked as such, so that a lookup at each token of a text
 * stops after one probe unless a name can start there.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/ustring.h>

#include "khobor.h"
#include "gaz.h"

const char *const type_name[T_NTYPES] = { "O", "PER", "LOC", "ORG" };

enum { G_NAME = 1, G_PREFIX = 2 };
/* A bit for the hash of each name's first word: most words of a text
 * start no name, and this says so from the first level of the cache. */
#define FIRST_BITS 65536
#define KEY_MAX 512

struct ent {
	uint64_t h;
	uint32_t key, klen, norm;
	uint8_t type, flags, weak;
};

struct gaz {
	struct ent *tab;
	size_t cap, n, names;
	uint64_t first[FIRST_BITS / 64];	/* hashes of first words */
	char *str;		/* keys and norms, NUL-terminated */
	size_t slen, scap;
	struct sent tmp;
};

int
type_parse(const char *s, size_t n)
{
	for (int t = T_PER; t < T_NTYPES; t++)
		if (strlen(type_name[t]) == n && memcmp(s, type_name[t], n) == 0)
			return t;
	return T_NONE;
}

static uint64_t
fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * GAZ_FNV_PRIME;
	return h;
}

/* A key's hash: the FNV-1a state after it, or 1 (0 marks an empty
 * slot). */
static uint64_t
hash(const char *s, size_t n)
{
	return fnv(GAZ_FNV_SEED, s, n) | 1;
}

struct gaz *
gaz_new(void)
{
	struct gaz *g = kh_malloc(sizeof(*g));

	memset(g, 0, sizeof(*g));
	g->cap = 1024;
	g->tab = kh_malloc(g->cap * sizeof(*g->tab));
	memset(g->tab, 0, g->cap * sizeof(*g->tab));
	return g;
}

void
gaz_free(struct gaz *g)
{
	if (g == NULL)
		return;
	free(g->tab);
	free(g->str);
	sent_free(&g->tmp);
	free(g);
}

size_t
gaz_size(const struct gaz *g)
{
	return g->names;
}

static uint32_t
str_add(struct gaz *g, const char *s, size_t n)
{
	uint32_t off;

	if (g->slen + n + 1 > g->scap) {
		while (g->slen + n + 1 > g->scap)
			g->scap = g->scap ? g->scap * 2 : 65536;
		g->str = kh_realloc(g->str, g->scap);
	}
	off = g->slen;
	memcpy(g->str + off, s, n);
	g->str[off + n] = '\0';
	g->slen += n + 1;
	return off;
}

static struct ent *
find(const struct gaz *g, const char *key, size_t n, uint64_t h)
{
	size_t i = h & (g->cap - 1);

	for (;; i = (i + 1) & (g->cap - 1)) {
		struct ent *e = &g->tab[i];

		if (e->h == 0)
			return e;
		if (e->h == h && e->klen == n &&
		    memcmp(g->str + e->key, key, n) == 0)
			return e;
	}
}

static void
grow(struct gaz *g)
{
	struct ent *old = g->tab;
	size_t ocap = g->cap;

	g->cap *= 2;
	g->tab = kh_malloc(g->cap * sizeof(*g->tab));
	memset(g->tab, 0, g->cap * sizeof(*g->tab));
	for (size_t i = 0; i < ocap; i++) {
		if (old[i].h == 0)
			continue;
		size_t j = old[i].h & (g->cap - 1);

		while (g->tab[j].h != 0)
			j = (j + 1) & (g->cap - 1);
		g->tab[j] = old[i];
	}
	free(old);
}

static struct ent *
put(struct gaz *g, const char *key, size_t n)
{
	uint64_t h = hash(key, n);
	struct ent *e;

	if ((g->n + 1) * 2 > g->cap)
		grow(g);
	e = find(g, key, n, h);
	if (e->h == 0) {
		e->h = h;
		e->key = str_add(g, key, n);
		e->klen = n;
		e->flags = 0;
		e->type = T_NONE;
		g->n++;
	}
	return e;
}

void
gaz_add(struct gaz *g, const char *name, size_t len, int type,
    const char *norm, size_t nlen, int weak)
{
	char key[KEY_MAX];
	size_t k = 0;
	struct ent *e;

	sent_all(&g->tmp, name, len);
	if (g->tmp.n == 0)
		return;
	{
		uint64_t h = hash(tok_key(&g->tmp, 0), g->tmp.t[0].klen);

		g->first[(h >> 7) % FIRST_BITS / 64] |= 1ULL << (h >> 7) % 64;
	}
	for (size_t i = 0; i < g->tmp.n; i++) {
		size_t n = g->tmp.t[i].klen;

		if (k + n + 1 >= KEY_MAX)
			return;
		if (i > 0) {
			/* the prefix so far may start a longer name */
			put(g, key, k)->flags |= G_PREFIX;
			key[k++] = ' ';
		}
		memcpy(key + k, tok_key(&g->tmp, i), n);
		k += n;
	}
	e = put(g, key, k);
	if (e->flags & G_NAME)
		return;
	e->flags |= G_NAME;
	e->type = type;
	e->weak = weak != 0;
	if (norm == NULL || nlen == 0)
		norm = name, nlen = len;
	e->norm = str_add(g, norm, nlen);
	g->names++;
}

/* One line of a gazetteer file (NUL-terminated, no newline). */
static void
gaz_line(struct gaz *g, char *line, size_t n, const char *path,
    unsigned long lineno, int weak)
{
	char *tab1, *tab2, *norm;
	size_t nlen;
	int type;

	while (n > 0 && line[n - 1] == '\r')
		line[--n] = '\0';
	if (n == 0 || line[0] == '#')
		return;
	tab1 = memchr(line, '\t', n);
	if (tab1 == NULL) {
		kh_warn("%s:%lu: no type; left out", path, lineno);
		return;
	}
	tab2 = memchr(tab1 + 1, '\t', line + n - tab1 - 1);
	type = type_parse(tab1 + 1, (tab2 ? tab2 : line + n) - tab1 - 1);
	if (type == T_NONE) {
		kh_warn("%s:%lu: type is not PER, LOC or ORG; left out", path,
		    lineno);
		return;
	}
	norm = tab2 ? tab2 + 1 : NULL;
	nlen = norm ? (size_t)(line + n - norm) : 0;
	gaz_add(g, line, tab1 - line, type, norm, nlen, weak);
}

int
gaz_load(struct gaz *g, const char *path, int weak)
{
	FILE *f = fopen(path, "r");
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	unsigned long lineno = 0;

	if (f == NULL)
		return -1;
	while ((n = getline(&line, &cap, f)) > 0) {
		lineno++;
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		gaz_line(g, line, n, path, lineno, weak);
	}
	free(line);
	if (ferror(f)) {
		int e = errno;

		fclose(f);
		errno = e;
		return -1;
	}
	fclose(f);
	return 0;
}

/* A region's name in one language as UTF-8; 0 when ICU has none. */
static size_t
region_name(const char *code, const char *lang, char *out, size_t cap)
{
	char loc[16];
	UChar name[128];
	UErrorCode st = U_ZERO_ERROR;
	int32_t n, k;

	snprintf(loc, sizeof(loc), "und_%s", code);
	n = uloc_getDisplayCountry(loc, lang, name, 128, &st);
	if (U_FAILURE(st) || n <= 0 || n >= 128 || st ==
	    U_USING_DEFAULT_WARNING)
		return 0;
	/* ICU falls back to the code itself when it has no name */
	if (n == 2 && name[0] == code[0] && name[1] == code[1])
		return 0;
	u_strToUTF8(out, (int32_t)cap, &k, name, n, &st);
	if (U_FAILURE(st) || k <= 0 || (size_t)k >= cap)
		return 0;
	return k;
}

void
gaz_countries(struct gaz *g)
{
	const char *const *codes = uloc_getISOCountries();
	char en[512], bn[512];
	size_t ne, nb;

	for (; codes != NULL && *codes != NULL; codes++) {
		if ((ne = region_name(*codes, "en", en, sizeof(en))) == 0)
			continue;
		gaz_add(g, en, ne, T_LOC, en, ne, 0);
		if ((nb = region_name(*codes, "bn", bn, sizeof(bn))) > 0)
			gaz_add(g, bn, nb, T_LOC, en, ne, 0);
	}
}

static const struct ent *
get_h(const struct gaz *g, const char *key, size_t n, uint64_t h)
{
	const struct ent *e = find(g, key, n, h | 1);

	return e->h != 0 ? e : NULL;
}

static const struct ent *
get(const struct gaz *g, const char *key, size_t n)
{
	return get_h(g, key, n, hash(key, n));
}

int
gaz_word(const struct gaz *g, const char *key, size_t len, int *type,
    const char **norm)
{
	const struct ent *e = get(g, key, len);

	if (e == NULL || !(e->flags & G_NAME))
		return 0;
	*type = e->type;
	*norm = g->str + e->norm;
	return 1;
}

int
gaz_known(const struct gaz *g, const char *key, size_t len)
{
	const struct ent *e = get(g, key, len);

	return e != NULL && (e->flags & (G_NAME | G_PREFIX));
}

size_t
gaz_match(const struct gaz *g, const struct sent *s, size_t i,
    const uint64_t *hi, int *type, const char **norm, int *weak)
{
	char key[KEY_MAX];
	size_t k = 0, best = 0;
	const struct ent *e, *f;
	uint64_t hk[TOK_STEMS + 1], raw;
	int q, any = 0;

	if (s->t[i].cls == TOK_PUNCT)
		return 0;
	for (q = 0; q <= s->t[i].nstem && !any; q++)
		any = g->first[((hi[q] | 1) >> 7) % FIRST_BITS / 64] >>
		    ((hi[q] | 1) >> 7) % 64 & 1;
	if (!any)
		return 0;
	raw = 0;
	for (size_t j = i; j < s->n; j++) {
		const struct tok *t = &s->t[j];

		if (t->cls == TOK_PUNCT && j == i)
			break;
		if (k + t->klen + 1 >= KEY_MAX)
			break;
		if (j > i) {
			key[k++] = ' ';
			gaz_key_hashes(t, tok_key(s, j), fnv(raw, " ", 1), hk);
		} else {
			memcpy(hk, hi, sizeof(hk));
		}
		memcpy(key + k, tok_key(s, j), t->klen);
		e = get_h(g, key, k + t->klen, hk[t->nstem]);
		if (e != NULL && (e->flags & G_NAME)) {
			best = j - i + 1;
			*type = e->type;
			*norm = g->str + e->norm;
			*weak = e->weak;
		} else {
			for (q = 0; q < t->nstem; q++) {
				f = get_h(g, key, k + t->stem[q], hk[q]);
				if (f != NULL && (f->flags & G_NAME)) {
					best = j - i + 1;
					*type = f->type;
					*norm = g->str + f->norm;
					*weak = f->weak;
					break;
				}
			}
		}
		if (e == NULL || !(e->flags & G_PREFIX))
			break;
		raw = hk[t->nstem];
		k += t->klen;
	}
	return best;
}

void
gaz_key_hashes(const struct tok *t, const char *key, uint64_t seed,
    uint64_t *h)
{
	int ord[TOK_STEMS], n = t->nstem;
	size_t p = 0;

	/* one pass, the stems shortest first */
	for (int q = 0; q < n; q++) {
		int k = q;

		for (; k > 0 && t->stem[ord[k - 1]] > t->stem[q]; k--)
			ord[k] = ord[k - 1];
		ord[k] = q;
	}
	for (int k = 0; k < n; k++) {
		seed = fnv(seed, key + p, t->stem[ord[k]] - p);
		p = t->stem[ord[k]];
		h[ord[k]] = seed;
	}
	h[n] = fnv(seed, key + p, t->klen - p);
}
