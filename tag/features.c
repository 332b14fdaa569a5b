/*
 * features.c: the entity model's features: the word and its
 * neighbours, the stem and case suffix, the last letters, the shape,
 * the gazetteer's label here and around, and the labels just given.
 */
#include <string.h>

#include "khobor.h"
#include "features.h"

#define SEED 0x9e3779b97f4a7c15ULL
#define FCACHE 4096	/* keys whose hashes are kept */
#define FKEY 40		/* longer keys are hashed each time */

/* A key's hashes (hw, hs, hx, gh), which depend on its bytes and
 * stems only: news text says the same words again and again, and
 * FNV goes a byte at a time. */
struct fcache {
	uint64_t hw, hs, hx, gh[TOK_STEMS + 1];
	const struct fdata *d;	/* what role, clu, nm were looked up in */
	uint16_t stem[TOK_STEMS];
	uint16_t clu;
	uint8_t klen, nstem;	/* klen 0: empty */
	uint8_t role, nm, nms;	/* nms: NAME_* of the first stem that
				 * is a name */
	char key[FKEY];
};

static uint64_t
fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h;
}

static uint64_t
hash(const char *s, size_t n)
{
	return fnv(SEED, s, n);
}

/* One feature: template t with value v, to a bucket. */
static uint32_t
bucket(unsigned t, uint64_t v, unsigned bits)
{
	uint64_t h = (v ^ ((uint64_t)t << 56) ^ t) * 0xd6e8feb86659fd93ULL;

	h ^= h >> 32;
	h *= 0xd6e8feb86659fd93ULL;
	return (uint32_t)(h >> (64 - bits));
}

/* The last (or first) n code points of key as a hash, 0 if shorter. */
static uint64_t
ends(const char *key, size_t len, int n, int last)
{
	size_t i;
	int k = 0;

	if (last) {
		for (i = len; i > 0; i--)
			if (((unsigned char)key[i - 1] & 0xc0) != 0x80 &&
			    ++k == n)
				return hash(key + i - 1, len - i + 1);
	} else {
		for (i = 0; i < len; i++)
			if (((unsigned char)key[i] & 0xc0) != 0x80 && k++ == n)
				return hash(key, i);
	}
	return 0;
}

/* A Latin word's case: 1 lower, 2 upper, 3 capitalised, 4 mixed. */
static unsigned
latin_case(const char *k, size_t n)
{
	int up = 0, low = 0;

	for (size_t j = 0; j < n; j++) {
		up += k[j] >= 'A' && k[j] <= 'Z';
		low += k[j] >= 'a' && k[j] <= 'z';
	}
	return up == 0 ? 1 : low == 0 ? 2 : (k[0] >= 'A' && k[0] <= 'Z') ?
	    3 : 4;
}

/* The token's shape: its class, whether glued to the one before, its
 * length; a Latin word's case, with whether it starts the sentence
 * (where a capital says little) and whether the sentence is all
 * capitals (a headline); a mark is itself. */
static uint64_t
shape(const struct sent *s, size_t i, int caps)
{
	const struct tok *t = &s->t[i];
	const char *k = tok_key(s, i);
	unsigned v = t->cls * 64 + (t->glued ? 32 : 0);
	size_t cps = t->end - t->start;

	v += cps > 8 ? 8 : cps;
	if (t->cls == TOK_LATIN) {
		size_t p = i;

		/* the first word, after marks such as a quote */
		while (p > 0 && s->t[p - 1].cls == TOK_PUNCT)
			p--;
		v += 1000 * latin_case(k, t->klen) + 10000 * (p == 0) +
		    20000 * caps;
	}
	if (t->cls == TOK_PUNCT)
		return hash(k, t->klen);
	return v;
}

/* Whether the sentence's Latin words are in capitals, three at least:
 * a headline, where a capital says nothing. */
static int
caps_sentence(const struct sent *s)
{
	size_t n = 0;

	for (size_t i = 0; i < s->n; i++) {
		if (s->t[i].cls != TOK_LATIN)
			continue;
		if (latin_case(tok_key(s, i), s->t[i].klen) != 2)
			return 0;
		n++;
	}
	return n >= 3;
}

/* A hash of the Latin word in lower case, of other words the word. */
static uint64_t
lower_hash(const struct sent *s, size_t i, uint64_t hw)
{
	const char *k = tok_key(s, i);
	uint64_t h = SEED;

	if (s->t[i].cls != TOK_LATIN)
		return hw;
	for (size_t j = 0; j < s->t[i].klen; j++) {
		unsigned char c = k[j];

		h = (h ^ (c >= 'A' && c <= 'Z' ? c + 32 : c)) *
		    0x100000001b3ULL;
	}
	return h;
}

static void
room(struct feats *f, size_t n)
{
	if (n <= f->cap)
		return;
	f->cap = n;
	f->hw = kh_realloc(f->hw, n * sizeof(*f->hw));
	f->hs = kh_realloc(f->hs, n * sizeof(*f->hs));
	f->hx = kh_realloc(f->hx, n * sizeof(*f->hx));
	f->hp = kh_realloc(f->hp, n * sizeof(*f->hp));
	f->hl = kh_realloc(f->hl, n * sizeof(*f->hl));
	f->gh = kh_realloc(f->gh, n * sizeof(*f->gh));
	f->gz = kh_realloc(f->gz, n);
	f->lz = kh_realloc(f->lz, n);
	f->role = kh_realloc(f->role, n);
	f->clu = kh_realloc(f->clu, n * sizeof(*f->clu));
	f->nm = kh_realloc(f->nm, n);
	f->nms = kh_realloc(f->nms, n);
}

static void
key_hashes(struct feats *f, const struct tok *t, const char *key, size_t i)
{
	size_t n = t->klen;

	if (t->nstem > 0) {
		size_t st = t->stem[0];

		f->hs[i] = hash(key, st);
		f->hw[i] = fnv(f->hs[i], key + st, n - st);
		f->hx[i] = hash(key + st, n - st);
	} else {
		f->hw[i] = hash(key, n);
		f->hs[i] = f->hw[i];
		f->hx[i] = 0;
	}
	gaz_key_hashes(t, key, GAZ_FNV_SEED, f->gh[i]);
}

unsigned
feats_lex(const struct lex *x, const struct sent *s, size_t i, int fold)
{
	const struct tok *t = &s->t[i];
	const char *key = tok_key(s, i);
	char low[64];
	unsigned v;

	if (x == NULL || (t->cls != TOK_BN && t->cls != TOK_LATIN))
		return 0;
	if (fold && t->cls == TOK_LATIN && t->klen <= sizeof(low)) {
		for (size_t j = 0; j < t->klen; j++)
			low[j] = key[j] >= 'A' && key[j] <= 'Z' ? key[j] + 32 :
			    key[j];
		return lex_get(x, low, t->klen);
	}
	if ((v = lex_get(x, key, t->klen)) != 0)
		return v;
	for (int q = 0; q < t->nstem; q++)
		if ((v = lex_get(x, key, t->stem[q])) != 0)
			return v;
	return 0;
}

/* What d has of token i: its role, its cluster, the NAME_* of its key
 * and of its first stem that is a name. */
static void
lookups(struct feats *f, const struct fdata *d, const struct sent *s,
    size_t i)
{
	const struct tok *t = &s->t[i];
	const char *key = tok_key(s, i);
	unsigned v;

	f->role[i] = f->nm[i] = f->nms[i] = 0;
	f->clu[i] = 0;
	if (d == NULL)
		return;
	f->role[i] = feats_lex(d->roles, s, i, 0);
	f->clu[i] = feats_lex(d->clusters, s, i, 1);
	if (d->names == NULL || t->cls == TOK_PUNCT)
		return;
	f->nm[i] = lex_get(d->names, key, t->klen);
	for (int q = 0; q < t->nstem && !(f->nm[i] & NAME_FULL); q++)
		if ((v = lex_get(d->names, key, t->stem[q])) & NAME_FULL) {
			f->nms[i] = v;
			break;
		}
}

/* key_hashes and lookups through the cache */
static void
key_cached(struct feats *f, const struct fdata *d, const struct sent *s,
    size_t i)
{
	const struct tok *t = &s->t[i];
	const char *key = tok_key(s, i);
	struct fcache *c;
	size_t n = t->klen;

	if (n == 0 || n > FKEY) {
		key_hashes(f, t, key, i);
		lookups(f, d, s, i);
		return;
	}
	c = &f->cache[t->kh % FCACHE];
	if (c->klen == n && c->nstem == t->nstem && memcmp(c->key, key,
	    n) == 0 && memcmp(c->stem, t->stem, t->nstem *
	    sizeof(t->stem[0])) == 0) {
		f->hw[i] = c->hw;
		f->hs[i] = c->hs;
		f->hx[i] = c->hx;
		memcpy(f->gh[i], c->gh, sizeof(c->gh));
		if (c->d != d) {
			lookups(f, d, s, i);
			c->d = d;
			c->role = f->role[i], c->clu = f->clu[i];
			c->nm = f->nm[i], c->nms = f->nms[i];
		}
		f->role[i] = c->role, f->clu[i] = c->clu;
		f->nm[i] = c->nm, f->nms[i] = c->nms;
		return;
	}
	key_hashes(f, t, key, i);
	lookups(f, d, s, i);
	c->klen = n;
	c->nstem = t->nstem;
	memcpy(c->key, key, n);
	memcpy(c->stem, t->stem, t->nstem * sizeof(t->stem[0]));
	c->hw = f->hw[i];
	c->hs = f->hs[i];
	c->hx = f->hx[i];
	memcpy(c->gh, f->gh[i], sizeof(c->gh));
	c->d = d;
	c->role = f->role[i], c->clu = f->clu[i];
	c->nm = f->nm[i], c->nms = f->nms[i];
}

/* The longest learned name at token i (tokens), its type in *type. */
static size_t
names_match(const struct feats *f, const struct lex *x,
    const struct sent *s, size_t i, int *type)
{
	char key[512];
	size_t best = 0, k;
	unsigned v;

	if (f->nm[i] & NAME_FULL)
		best = 1, *type = f->nm[i] & NAME_TYPE;
	else if (f->nms[i] & NAME_FULL)
		best = 1, *type = f->nms[i] & NAME_TYPE;
	if (!(f->nm[i] & NAME_PREFIX) || s->t[i].klen >= sizeof(key))
		return best;
	memcpy(key, tok_key(s, i), k = s->t[i].klen);
	for (size_t j = i + 1; j < s->n; j++) {
		const struct tok *t = &s->t[j];

		if (k + 1 + t->klen > sizeof(key))
			break;
		key[k++] = ' ';
		memcpy(key + k, tok_key(s, j), t->klen);
		v = lex_get(x, key, k + t->klen);
		if (v & NAME_FULL) {
			best = j - i + 1, *type = v & NAME_TYPE;
		} else {
			for (int q = 0; q < t->nstem; q++) {
				unsigned w = lex_get(x, key, k + t->stem[q]);

				if (w & NAME_FULL) {
					best = j - i + 1, *type = w & NAME_TYPE;
					break;
				}
			}
		}
		if (!(v & NAME_PREFIX))
			break;
		k += t->klen;
	}
	return best;
}

void
names_parse(struct lex *x, const char *text, size_t len, const char *path)
{
	const char *p, *e = text + len, *nl, *tab, *sp;
	unsigned long lineno = 0;
	size_t lines = 0;
	int type;

	for (p = text; p < e && (p = memchr(p, '\n', e - p)) != NULL; p++)
		lines++;
	lex_reserve(x, 2 * lines);
	for (p = text; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', e - p)) == NULL)
			nl = e;
		lineno++;
		tab = memchr(p, '\t', nl - p);
		if (tab == NULL || tab == p || (type = type_parse(tab + 1,
		    nl - tab - 1)) == T_NONE) {
			kh_warn("%s:%lu: not key<TAB>type; left out", path,
			    lineno);
			continue;
		}
		for (sp = p; (sp = memchr(sp + 1, ' ', tab - sp - 1)) != NULL;)
			lex_or(x, p, sp - p, NAME_PREFIX);
		if (!(lex_get(x, p, tab - p) & NAME_FULL))
			lex_or(x, p, tab - p, (unsigned)type | NAME_FULL);
	}
}

/* Whether key[0..n) is a whole name in g or names. */
static int
known(const struct gaz *g, const struct lex *names, const char *key,
    size_t n)
{
	int type;
	const char *norm;

	return (g != NULL && gaz_word(g, key, n, &type, &norm)) ||
	    (names != NULL && (lex_get(names, key, n) & NAME_FULL));
}

/* Latin key k[0..n) in title case (Dhaka) into out. */
static void
title(char *out, const char *k, size_t n)
{
	for (size_t j = 0; j < n; j++)
		out[j] = j > 0 && k[j] >= 'A' && k[j] <= 'Z' ? k[j] + 32 :
		    j == 0 && k[j] >= 'a' && k[j] <= 'z' ? k[j] - 32 : k[j];
}

/* The most Latin tokens from i whose keys in title case, joined by a
 * space, are a name in g or names (SHEIKH HASINA: Sheikh Hasina);
 * 0: none. */
static size_t
title_name(const struct sent *s, size_t i, const struct gaz *g,
    const struct lex *names)
{
	char key[256];
	size_t k = 0, best = 0;

	for (size_t j = i; j < s->n && j < i + 6; j++) {
		size_t n = s->t[j].klen;

		if (s->t[j].cls != TOK_LATIN || k + n + 1 > sizeof(key))
			break;
		if (j > i)
			key[k++] = ' ';
		title(key + k, tok_key(s, j), n);
		k += n;
		if (known(g, names, key, k))
			best = j - i + 1;
	}
	return best;
}

void
feats_truecase(struct sent *s, const struct gaz *g, const struct lex *names)
{
	char *k;
	size_t n, j;

	if (!caps_sentence(s))
		return;
	for (size_t i = 0; i < s->n; i++) {
		if (s->t[i].cls != TOK_LATIN || s->t[i].klen < 2)
			continue;
		/* a name in title case, or an acronym a list knows (BNP) */
		if ((j = title_name(s, i, g, names)) == 0 &&
		    known(g, names, tok_key(s, i), s->t[i].klen))
			continue;
		for (size_t t = i; t < i + (j ? j : 1); t++) {
			k = s->keys + s->t[t].key;
			n = s->t[t].klen;
			if (j > 0)
				title(k, k, n);
			else
				for (size_t c = 0; c < n; c++)
					if (k[c] >= 'A' && k[c] <= 'Z')
						k[c] += 32;
			s->t[t].kh = tok_hash(k, n);
		}
		if (j > 0)
			i += j - 1;
	}
}

void
feats_sent(struct feats *f, const struct sent *s, const struct gaz *g,
    const struct fdata *d, gaz_hit_fn *fn, void *arg)
{
	size_t i, j, k;
	const char *norm;
	int type, weak, caps = caps_sentence(s);

	room(f, s->n + 1);
	/* calloc: zero pages, touched as words come */
	if (f->cache == NULL && (f->cache = calloc(FCACHE,
	    sizeof(*f->cache))) == NULL)
		kh_die("out of memory");
	for (i = 0; i < s->n; i++) {
		key_cached(f, d, s, i);
		f->hp[i] = shape(s, i, caps);
		f->hl[i] = lower_hash(s, i, f->hw[i]);
		f->gz[i] = 0;
		f->lz[i] = 0;
	}
	for (i = 0; d != NULL && d->names != NULL && i < s->n; i = k) {
		k = i + 1;
		if ((j = names_match(f, d->names, s, i, &type)) == 0)
			continue;
		for (k = i; k < i + j; k++)
			f->lz[k] = label_of(type, k > i);
	}
	for (i = 0; i < s->n; i = k) {
		k = i + 1;
		if (g == NULL || (j = gaz_match(g, s, i, f->gh[i], &type, &norm,
		    &weak)) == 0)
			continue;
		for (k = i; k < i + j; k++)
			f->gz[k] = label_of(type, k > i);
		if (fn != NULL)
			fn(i, i + j, type, norm, weak, arg);
	}
}

size_t
feats_word(const struct feats *f, const struct sent *s, size_t i,
    unsigned bits, uint32_t *out)
{
	const char *key = tok_key(s, i);
	size_t klen = s->t[i].klen, n = 0;

#define F(t, v) (out[n++] = bucket((t), (v), bits))
	F(0, 0);
	F(1, f->hw[i]);
	F(2, f->hs[i]);
	F(3, f->hx[i]);
	F(10, f->hp[i]);
	F(16, ends(key, klen, 1, 1));
	F(17, ends(key, klen, 2, 1));
	F(18, ends(key, klen, 3, 1));
	F(19, ends(key, klen, 2, 0));
	F(20, ends(key, klen, 3, 0));
	F(33, f->role[i]);
	F(36, f->clu[i]);
	F(43, f->hl[i]);
	return n;
}

size_t
feats_context(const struct feats *f, const struct sent *s, size_t i,
    unsigned bits, uint32_t *out)
{
	uint64_t wm1 = i > 0 ? f->hw[i - 1] : 1, wp1 = i + 1 < s->n ?
	    f->hw[i + 1] : 3;
	uint64_t sm1 = i > 0 ? f->hs[i - 1] : 1, sp1 = i + 1 < s->n ?
	    f->hs[i + 1] : 3;
	unsigned gm1 = i > 0 ? f->gz[i - 1] : 9, gp1 = i + 1 < s->n ?
	    f->gz[i + 1] : 9;
	size_t n = 0;

	F(4, wm1);
	F(5, wp1);
	F(8, sm1);
	F(9, sp1);
	F(34, i > 0 ? f->role[i - 1] : 20);
	F(35, i + 1 < s->n ? f->role[i + 1] : 20);
	F(37, i > 0 ? f->clu[i - 1] : 65535);
	F(38, i + 1 < s->n ? f->clu[i + 1] : 65535);
	F(46, i > 0 ? f->hp[i - 1] : 1);
	F(47, i + 1 < s->n ? f->hp[i + 1] : 3);
	F(11, f->lz[i]);
	F(12, f->lz[i] * 16 + f->gz[i]);
	F(13, f->gz[i]);
	F(14, f->gz[i] * 16 + gm1);
	F(15, f->gz[i] * 16 + gp1);
	F(21, wm1 * 31 + f->hw[i]);
	F(22, f->hw[i] * 31 + wp1);
	F(30, sp1 * 16 + f->hx[i]);
	return n;
}

/* The same features as feats_context (keep the two in step), split as
 * the tagger sums them: a word's own part as the left neighbour
 * (templates 4, 8) and as the right one (5, 9), the same at the ends
 * of the sentence, the gazetteer labels around (11 to 15), and the
 * pairs (21, 22, 30).  Integer sums do not depend on the order. */
size_t
feats_as_left(const struct feats *f, size_t i, unsigned bits,
    uint32_t *out)
{
	size_t n = 0;

	F(4, i == NONE_TOK ? 1 : f->hw[i]);
	F(8, i == NONE_TOK ? 1 : f->hs[i]);
	F(34, i == NONE_TOK ? 20 : f->role[i]);
	F(37, i == NONE_TOK ? 65535 : f->clu[i]);
	F(46, i == NONE_TOK ? 1 : f->hp[i]);
	return n;
}

size_t
feats_as_right(const struct feats *f, size_t i, unsigned bits,
    uint32_t *out)
{
	size_t n = 0;

	F(5, i == NONE_TOK ? 3 : f->hw[i]);
	F(9, i == NONE_TOK ? 3 : f->hs[i]);
	F(35, i == NONE_TOK ? 20 : f->role[i]);
	F(38, i == NONE_TOK ? 65535 : f->clu[i]);
	F(47, i == NONE_TOK ? 3 : f->hp[i]);
	return n;
}

size_t
feats_labels(unsigned lz, unsigned gz, unsigned gm1, unsigned gp1,
    unsigned bits, uint32_t *out)
{
	size_t n = 0;

	F(11, lz);
	F(12, lz * 16 + gz);
	F(13, gz);
	F(14, gz * 16 + gm1);
	F(15, gz * 16 + gp1);
	return n;
}

size_t
feats_pairs(const struct feats *f, const struct sent *s, size_t i,
    unsigned bits, uint32_t *out)
{
	uint64_t wm1 = i > 0 ? f->hw[i - 1] : 1, wp1 = i + 1 < s->n ?
	    f->hw[i + 1] : 3;
	uint64_t sp1 = i + 1 < s->n ? f->hs[i + 1] : 3;
	size_t n = 0;

	F(21, wm1 * 31 + f->hw[i]);
	F(22, f->hw[i] * 31 + wp1);
	F(30, sp1 * 16 + f->hx[i]);
	return n;
}
#undef F

size_t
feats_token(const struct feats *f, const struct sent *s, size_t i,
    unsigned bits, uint32_t *out)
{
	size_t n = feats_word(f, s, i, bits, out);

	return n + feats_context(f, s, i, bits, out + n);
}

uint64_t
feats_word_id(const struct feats *f, const struct sent *s, size_t i)
{
	(void)s;
	return f->hw[i] ^ (uint64_t)f->hp[i] * 0x9e3779b97f4a7c15ULL;
}

uint32_t
feats_trans(int prev, unsigned bits)
{
	return bucket(23, prev, bits);
}

void
feats_forget(struct feats *f)
{
	if (f->cache != NULL)
		memset(f->cache, 0, FCACHE * sizeof(*f->cache));
}

void
feats_free(struct feats *f)
{
	free(f->hw);
	free(f->hs);
	free(f->hx);
	free(f->hp);
	free(f->hl);
	free(f->gh);
	free(f->gz);
	free(f->lz);
	free(f->role);
	free(f->clu);
	free(f->nm);
	free(f->nms);
	free(f->cache);
	memset(f, 0, sizeof(*f));
}
