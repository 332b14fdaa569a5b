/*
 * cluster.c: the window of articles and their stories (cluster.h).
 *
 * Two articles are one story when
 *  - they share a URL (the same article again, or an updated version
 *    of it), or
 *  - their text is a near-duplicate: the MinHash signatures of their
 *    word shingles agree in st_w.near of their values (wire copy,
 *    syndication, a version with a paragraph more), or
 *  - the features they share weigh st_w.min or more of what they have:
 *    each entity norm, number, day date or title word counts its
 *    kind's weight times its idf in the window, log(1 + M / df), so
 *    that a name in two articles of 2000 says more than "Bangladesh";
 *    the score is the cosine of the two weighted sets (the shared
 *    weight over the root of the product of each one's weight), so a
 *    long article with many names does not match everything.  Entity
 *    norms and numbers are the same in Bengali and English, which is
 *    what joins the two languages.
 * A new article joins the story of its best match, if any, within the
 * window's span of its own time.  Candidates are the docs that share a
 * feature with it that is not too common, or an LSH band of its
 * signature, found through an index of features to docs.
 */
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utf16.h>

#include "khobor.h"
#include "cluster.h"

/* Tuned on the tuning part of the gold set (bench/story.sh): a grid
 * over the weights, the best B-cubed F1.  Day mentions came out at 0:
 * every article of a day names the day. */
struct st_weights st_w = {
	.ent = 1.0, .num = 1.0, .day = 0, .title = 0.6,
	.near = 0.4, .min = 0.25,
};

/* idf's least M: a small window (a test, the first run) would
 * otherwise make every shared word look common. */
#define IDF_M0 200.0
/* A feature in more docs than this finds no candidates (it still
 * counts in the score): the work of an article stays bounded. */
#define DF_SCAN_MAX 400
/* Candidates scored for one article at most. */
#define CAND_MAX 4000
#define TEXT_NUM_MAX 64
/* The least weight of shared entity norms that can make a story: more
 * than one common one; title words and numbers alone never do (guides
 * on one topic share them). */
#define SHARED_MIN 3.0	/* numbers of the text kept as features */

struct ent {
	int64_t t;
	double norm;		/* its features' weight when it came */
	uint64_t story;
	uint32_t mark;
	int nsig;
	uint32_t sig[ST_K];
	size_t nfeat;
	uint64_t feat[];
};

struct node {
	uint64_t key;
	size_t df;
	uint64_t *post;		/* seqs of the docs, ascending */
	size_t start, len, cap;
	struct node *next;
};

struct st_window {
	int64_t span, tmax;
	int have_t;
	struct ent **ring;
	size_t cap, head, n;
	uint64_t base;		/* seq of ring[head] */
	struct node **tab;
	size_t tabsize, nodes;
	uint32_t mark;
};

static uint64_t
mix(uint64_t x)
{
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	return x ^ x >> 31;
}

static uint64_t
fkey(int kind, uint64_t h)
{
	return (mix(h) & 0x0fffffffffffffffULL) | (uint64_t)kind << 60;
}

/* --- docs ----------------------------------------------------------- */

void
st_doc_reset(struct st_doc *d, int64_t t)
{
	d->t = t;
	d->nsig = 0;
	d->nfeat = 0;
}

void
st_doc_free(struct st_doc *d)
{
	free(d->feat);
	free(d->u16);
	free(d->sh);
	memset(d, 0, sizeof(*d));
}

static void
push_feat(struct st_doc *d, uint64_t k)
{
	if (d->nfeat == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 256;
		d->feat = kh_realloc(d->feat, d->cap * sizeof(*d->feat));
	}
	d->feat[d->nfeat++] = k;
}

void
st_doc_add(struct st_doc *d, int kind, const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		h = (h ^ c) * 0x100000001b3ULL;
	}
	push_feat(d, fkey(kind, h));
}

/* The UTF-16 of s[0..n), in NFC, at d->u16 (its length). */
static size_t
to_nfc(struct st_doc *d, const char *s, size_t n)
{
	UErrorCode e = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&e);
	int32_t len = 0, out;
	size_t need = 2 * (n + 1);	/* raw, then normalised beside it */

	if (U_FAILURE(e) || n > INT32_MAX / 4)
		return 0;
	if (d->u16cap < 2 * need) {
		d->u16cap = 2 * need;
		d->u16 = kh_realloc(d->u16, d->u16cap * sizeof(*d->u16));
	}
	u_strFromUTF8WithSub(d->u16, (int32_t)need, &len, s, (int32_t)n,
	    0xfffd, NULL, &e);
	if (U_FAILURE(e))
		return 0;
	if (unorm2_quickCheck(nfc, d->u16, len, &e) == UNORM_YES ||
	    U_FAILURE(e))
		return U_FAILURE(e) ? 0 : (size_t)len;
	/* NFC is never more than three times as long; most text clean
	 * wrote is NFC already and never gets here. */
	if (d->u16cap < need + 3 * (size_t)len + 1) {
		uint16_t *t = kh_malloc((need + 3 * (size_t)len + 1) *
		    sizeof(*t));

		memcpy(t, d->u16, (size_t)len * sizeof(*t));
		free(d->u16);
		d->u16 = t;
		d->u16cap = need + 3 * (size_t)len + 1;
	}
	e = U_ZERO_ERROR;
	out = unorm2_normalize(nfc, d->u16, len, d->u16 + need,
	    (int32_t)(d->u16cap - need), &e);
	if (U_FAILURE(e))
		return (size_t)len;
	memmove(d->u16, d->u16 + need, (size_t)out * sizeof(*d->u16));
	return (size_t)out;
}

/* One word: its hash, its code points, whether all digits, and then
 * their value (up to 4 digits). */
struct word {
	uint64_t h;
	size_t ncp;
	int digits;
	unsigned val;
};

/* A number that says something of an event: two digits or more, and
 * not a year (1900-2099), which a guide and a report share as often. */
static int
telling_number(const struct word *w)
{
	return w->digits && w->ncp >= 2 && !(w->ncp == 4 && w->val >= 1900 &&
	    w->val <= 2099);
}

typedef void word_fn(struct st_doc *d, const struct word *w, void *arg);

/* The words of u[0..n): runs of letters and marks (Bengali's vowel
 * signs and virama are marks), or runs of digits of any script read as
 * ASCII; format characters (ZWJ, ZWNJ, soft hyphen) inside a word are
 * dropped; letters in lower case. */
static void
words(struct st_doc *d, const uint16_t *u, size_t n, word_fn *fn, void *arg)
{
	struct word w = { 0xcbf29ce484222325ULL, 0, 0, 0 };
	size_t i = 0;

	while (i < n) {
		UChar32 c;
		int cls;	/* 0 break, 1 letter, 2 digit, 3 ignore */

		U16_NEXT(u, i, n, c);
		if (c < 0x80) {
			if (c >= 'A' && c <= 'Z')
				c += 'a' - 'A', cls = 1;
			else if (c >= 'a' && c <= 'z')
				cls = 1;
			else if (c >= '0' && c <= '9')
				cls = 2;
			else
				cls = 0;
		} else {
			int8_t t = u_charType(c);

			if (U_MASK(t) & (U_GC_L_MASK | U_GC_M_MASK)) {
				cls = 1;
				c = u_tolower(c);
			} else if (t == U_DECIMAL_DIGIT_NUMBER) {
				cls = 2;
				c = '0' + u_charDigitValue(c);
			} else if (t == U_FORMAT_CHAR)
				cls = 3;
			else
				cls = 0;
		}
		if (cls == 3)
			continue;
		if (w.ncp > 0 && (cls == 0 || (cls == 2) != w.digits)) {
			fn(d, &w, arg);
			w.h = 0xcbf29ce484222325ULL;
			w.ncp = 0;
			w.val = 0;
		}
		if (cls == 0)
			continue;
		w.digits = cls == 2;
		if (w.digits && w.ncp < 4)
			w.val = w.val * 10 + (unsigned)(c - '0');
		w.h = (w.h ^ (uint32_t)c) * 0x100000001b3ULL;
		w.ncp++;
	}
	if (w.ncp > 0)
		fn(d, &w, arg);
}

static void
title_word(struct st_doc *d, const struct word *w, void *arg)
{
	(void)arg;
	if (telling_number(w))
		push_feat(d, fkey(ST_F_NUM, w->h));
	else if (!w->digits && w->ncp >= 4)
		push_feat(d, fkey(ST_F_TITLE, w->h));
}

struct textctx {
	uint64_t last[ST_SHINGLE];
	size_t nwords, nsh, nnum;
};

static void
text_word(struct st_doc *d, const struct word *w, void *arg)
{
	struct textctx *c = arg;
	uint64_t h;

	if (telling_number(w) && c->nnum < TEXT_NUM_MAX) {
		push_feat(d, fkey(ST_F_NUM, w->h));
		c->nnum++;
	}
	c->last[c->nwords++ % ST_SHINGLE] = w->h;
	if (c->nwords < ST_SHINGLE)
		return;
	h = 0;
	for (size_t k = 0; k < ST_SHINGLE; k++)
		h = mix(h + c->last[(c->nwords + k) % ST_SHINGLE]);
	if (c->nsh == d->shcap) {
		d->shcap = d->shcap ? d->shcap * 2 : 1024;
		d->sh = kh_realloc(d->sh, d->shcap * sizeof(*d->sh));
	}
	d->sh[c->nsh++] = h;
}

/* The MinHash functions: h_i(x) = high half of a_i x + b_i, a_i odd. */
static uint64_t mh_a[ST_K], mh_b[ST_K];

static void
minhash_init(void)
{
	uint64_t s = 0x6b686f626f72ULL;	/* fixed: signatures are kept in
					 * state files from run to run */

	if (mh_a[0] != 0)
		return;
	for (int i = 0; i < ST_K; i++) {
		s += 0x9e3779b97f4a7c15ULL;
		mh_a[i] = mix(s) | 1;
		s += 0x9e3779b97f4a7c15ULL;
		mh_b[i] = mix(s);
	}
}

void
st_doc_text(struct st_doc *d, const char *title, size_t tlen,
    const char *text, size_t len)
{
	struct textctx c = { { 0 }, 0, 0, 0 };
	size_t n;

	if (title != NULL && (n = to_nfc(d, title, tlen)) > 0)
		words(d, d->u16, n, title_word, NULL);
	if (text == NULL || (n = to_nfc(d, text, len)) == 0)
		return;
	words(d, d->u16, n, text_word, &c);
	if (c.nsh == 0)
		return;
	minhash_init();
	for (int i = 0; i < ST_K; i++)
		d->sig[i] = UINT32_MAX;
	for (size_t j = 0; j < c.nsh; j++) {
		uint64_t x = d->sh[j];

		for (int i = 0; i < ST_K; i++) {
			uint32_t v = (uint32_t)((x * mh_a[i] + mh_b[i]) >> 32);

			if (v < d->sig[i])
				d->sig[i] = v;
		}
	}
	d->nsig = ST_K;
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

void
st_doc_done(struct st_doc *d)
{
	size_t i, k;

	if (d->nsig > 0)
		for (i = 0; i < ST_BANDS; i++) {
			uint64_t h = i;

			for (k = 0; k < ST_K / ST_BANDS; k++)
				h = mix(h + d->sig[i * (ST_K / ST_BANDS) + k]);
			push_feat(d, fkey(ST_F_BAND, h));
		}
	qsort(d->feat, d->nfeat, sizeof(*d->feat), cmp_u64);
	for (i = k = 0; i < d->nfeat; i++)
		if (k == 0 || d->feat[i] != d->feat[k - 1])
			d->feat[k++] = d->feat[i];
	/* the most features kept: the ones that sort first, by kind
	 * (URLs, entities, numbers, days, title words, bands); an
	 * article past the limit loses its bands, and is still found
	 * through its names */
	d->nfeat = k < ST_FEAT_MAX ? k : ST_FEAT_MAX;
}

/* --- the window ----------------------------------------------------- */

struct st_window *
st_window_new(int64_t span)
{
	struct st_window *w = kh_malloc(sizeof(*w));

	memset(w, 0, sizeof(*w));
	w->span = span;
	w->tabsize = 1024;
	w->tab = kh_malloc(w->tabsize * sizeof(*w->tab));
	memset(w->tab, 0, w->tabsize * sizeof(*w->tab));
	return w;
}

void
st_window_free(struct st_window *w)
{
	if (w == NULL)
		return;
	for (size_t i = 0; i < w->n; i++)
		free(w->ring[(w->head + i) % w->cap]);
	for (size_t i = 0; i < w->tabsize; i++)
		for (struct node *p = w->tab[i], *nx; p != NULL; p = nx) {
			nx = p->next;
			free(p->post);
			free(p);
		}
	free(w->ring);
	free(w->tab);
	free(w);
}

size_t
st_window_size(const struct st_window *w)
{
	return w->n;
}

static struct node **
slot(const struct st_window *w, uint64_t key)
{
	struct node **p = &w->tab[mix(key) & (w->tabsize - 1)];

	while (*p != NULL && (*p)->key != key)
		p = &(*p)->next;
	return p;
}

static void
grow_tab(struct st_window *w)
{
	size_t size = w->tabsize * 2;
	struct node **tab = kh_malloc(size * sizeof(*tab));

	memset(tab, 0, size * sizeof(*tab));
	for (size_t i = 0; i < w->tabsize; i++)
		for (struct node *p = w->tab[i], *nx; p != NULL; p = nx) {
			nx = p->next;
			p->next = tab[mix(p->key) & (size - 1)];
			tab[mix(p->key) & (size - 1)] = p;
		}
	free(w->tab);
	w->tab = tab;
	w->tabsize = size;
}

static double
idf(const struct st_window *w, size_t df)
{
	double m = w->n > IDF_M0 ? (double)w->n : IDF_M0;

	return log(1 + m / (double)(df > 0 ? df : 1));
}

static double kind_weight(uint64_t key);

/* The weight of d's features in the window as it stands. */
static double
doc_norm(const struct st_window *w, const struct st_doc *d)
{
	double s = 0;

	for (size_t i = 0; i < d->nfeat; i++) {
		double k = kind_weight(d->feat[i]);
		const struct node *nd;

		if (k > 0) {
			nd = *slot(w, d->feat[i]);
			s += k * idf(w, nd != NULL ? nd->df + 1 : 1);
		}
	}
	return s;
}

static struct ent *
get_ent(const struct st_window *w, uint64_t seq)
{
	if (seq < w->base || seq >= w->base + w->n)
		return NULL;
	return w->ring[(w->head + (seq - w->base)) % w->cap];
}

static void
insert(struct st_window *w, const struct st_doc *d, uint64_t story,
    double norm)
{
	struct ent *e = kh_malloc(sizeof(*e) + d->nfeat * sizeof(uint64_t));
	uint64_t seq = w->base + w->n;

	e->t = d->t;
	e->norm = norm;
	e->story = story;
	e->mark = 0;
	e->nsig = d->nsig;
	memcpy(e->sig, d->sig, sizeof(e->sig));
	e->nfeat = d->nfeat;
	memcpy(e->feat, d->feat, d->nfeat * sizeof(uint64_t));
	if (w->n == w->cap) {
		size_t cap = w->cap ? w->cap * 2 : 256;
		struct ent **r = kh_malloc(cap * sizeof(*r));

		for (size_t i = 0; i < w->n; i++)
			r[i] = w->ring[(w->head + i) % w->cap];
		free(w->ring);
		w->ring = r;
		w->cap = cap;
		w->head = 0;
	}
	w->ring[(w->head + w->n++) % w->cap] = e;
	for (size_t i = 0; i < e->nfeat; i++) {
		struct node **p = slot(w, e->feat[i]), *nd = *p;

		if (nd == NULL) {
			nd = kh_malloc(sizeof(*nd));
			memset(nd, 0, sizeof(*nd));
			nd->key = e->feat[i];
			*p = nd;
			if (++w->nodes > w->tabsize)
				grow_tab(w);
		}
		nd->df++;
		/* the docs gone from the window leave the front */
		while (nd->start < nd->len && nd->post[nd->start] < w->base)
			nd->start++;
		if (nd->start > nd->len / 2) {
			memmove(nd->post, nd->post + nd->start,
			    (nd->len - nd->start) * sizeof(*nd->post));
			nd->len -= nd->start;
			nd->start = 0;
		}
		if (nd->len == nd->cap) {
			nd->cap = nd->cap ? nd->cap * 2 : 4;
			nd->post = kh_realloc(nd->post,
			    nd->cap * sizeof(*nd->post));
		}
		nd->post[nd->len++] = seq;
	}
}

/* Forget the docs at the front older than the span before tmax; a doc
 * behind a newer one waits for it (input comes roughly in time order,
 * so that keeps the window near its span). */
static void
expire(struct st_window *w)
{
	int64_t cut = w->tmax - w->span;

	while (w->n > 0 && w->ring[w->head]->t < cut) {
		struct ent *e = w->ring[w->head];

		for (size_t i = 0; i < e->nfeat; i++) {
			struct node **p = slot(w, e->feat[i]), *nd = *p;

			if (nd != NULL && --nd->df == 0) {
				*p = nd->next;
				free(nd->post);
				free(nd);
				w->nodes--;
			}
		}
		free(e);
		w->head = (w->head + 1) % w->cap;
		w->n--;
		w->base++;
	}
}

static double
kind_weight(uint64_t key)
{
	switch (key >> 60) {
	case ST_F_ENT:
		return st_w.ent;
	case ST_F_NUM:
		return st_w.num;
	case ST_F_DAY:
		return st_w.day;
	case ST_F_TITLE:
		return st_w.title;
	}
	return 0;
}

#define SCORE_SAME_URL 1e9
#define SCORE_NEAR 1e6

/* How strongly d and e are one story: SCORE_SAME_URL, SCORE_NEAR plus
 * the agreeing values, or the weight of what they share. */
static double
score(const struct st_window *w, const struct st_doc *d, double dnorm,
    const struct ent *e)
{
	double s = 0, named = 0;
	size_t i = 0, j = 0;
	int agree = 0;

	if (d->nsig > 0 && e->nsig > 0) {
		for (int k = 0; k < ST_K; k++)
			agree += d->sig[k] == e->sig[k];
	}
	while (i < d->nfeat && j < e->nfeat) {
		uint64_t k = d->feat[i];
		const struct node *nd;

		if (k < e->feat[j]) {
			i++;
			continue;
		}
		if (k > e->feat[j]) {
			j++;
			continue;
		}
		i++, j++;
		if (k >> 60 == ST_F_URL)
			return SCORE_SAME_URL;
		if ((nd = *slot(w, k)) != NULL) {
			double x = kind_weight(k) * idf(w, nd->df + 1);

			s += x;
			if (k >> 60 == ST_F_ENT)
				named += x;
		}
	}
	if (agree >= st_w.near * ST_K)
		return SCORE_NEAR + agree;
	if (named < SHARED_MIN || dnorm <= 0 || e->norm <= 0)
		return 0;
	return s / sqrt(dnorm * e->norm);
}

uint64_t
st_assign(struct st_window *w, const struct st_doc *d, const char *seed,
    size_t seedlen, int *isnew)
{
	const struct ent *best = NULL;
	uint64_t bestseq = 0, story;
	double bests = 0;
	size_t scanmax = w->n / 10 > DF_SCAN_MAX ? w->n / 10 : DF_SCAN_MAX;
	size_t ncand = 0;
	double dnorm;

	if (!w->have_t || d->t > w->tmax) {
		w->tmax = d->t;
		w->have_t = 1;
		expire(w);
	}
	dnorm = doc_norm(w, d);
	if (++w->mark == 0) {
		for (size_t i = 0; i < w->n; i++)
			w->ring[(w->head + i) % w->cap]->mark = 0;
		w->mark = 1;
	}
	for (size_t i = 0; i < d->nfeat && ncand < CAND_MAX; i++) {
		struct node *nd = *slot(w, d->feat[i]);
		int kind = (int)(d->feat[i] >> 60);

		if (nd == NULL || (nd->df > scanmax && kind != ST_F_URL &&
		    kind != ST_F_BAND))
			continue;
		for (size_t p = nd->start; p < nd->len && ncand < CAND_MAX;
		    p++) {
			uint64_t seq = nd->post[p];
			struct ent *e = get_ent(w, seq);
			double s;

			if (e == NULL || e->mark == w->mark)
				continue;
			e->mark = w->mark;
			if (llabs(e->t - d->t) > w->span)
				continue;
			ncand++;
			s = score(w, d, dnorm, e);
			if (s > bests || (s == bests && best != NULL &&
			    seq < bestseq)) {
				best = e;
				bests = s;
				bestseq = seq;
			}
		}
	}
	*isnew = !(best != NULL && bests >= st_w.min);
	if (!*isnew)
		story = best->story;
	else {
		uint64_t h = 0xcbf29ce484222325ULL;

		for (size_t i = 0; i < seedlen; i++)
			h = (h ^ (unsigned char)seed[i]) * 0x100000001b3ULL;
		story = mix(h);
	}
	if (d->t >= w->tmax - w->span)
		insert(w, d, story, dnorm);
	return story;
}

int64_t
st_window_now(const struct st_window *w, int64_t dflt)
{
	return w->have_t ? w->tmax : dflt;
}

/* --- the state file --------------------------------------------------
 * "khobor-story 1", then "now T" when the window has seen a time, then
 * a line a doc, oldest first: "d T STORY NORM NSIG SIG... NFEAT
 * FEAT...", numbers in decimal, NORM as C's %a (exact), story,
 * signature and features in hex. */

int
st_save(const struct st_window *w, FILE *f)
{
	fprintf(f, "khobor-story 1\n");
	if (w->have_t)
		fprintf(f, "now %lld\n", (long long)w->tmax);
	for (size_t i = 0; i < w->n; i++) {
		const struct ent *e = w->ring[(w->head + i) % w->cap];

		fprintf(f, "d %lld %016llx %a %d", (long long)e->t,
		    (unsigned long long)e->story, e->norm, e->nsig);
		for (int k = 0; k < e->nsig; k++)
			fprintf(f, " %x", e->sig[k]);
		fprintf(f, " %zu", e->nfeat);
		for (size_t k = 0; k < e->nfeat; k++)
			fprintf(f, " %llx", (unsigned long long)e->feat[k]);
		fputc('\n', f);
	}
	return ferror(f) ? -1 : 0;
}

/* The next number of a line, in base; -1 when there is none. */
static int
num(char **p, int base, unsigned long long *v, int neg)
{
	char *end;

	while (**p == ' ')
		(*p)++;
	if (**p == '\0' || **p == '\n' || (!neg && **p == '-'))
		return -1;
	errno = 0;
	*v = neg ? (unsigned long long)strtoll(*p, &end, base) :
	    strtoull(*p, &end, base);
	if (end == *p || errno != 0 || (*end != ' ' && *end != '\n' &&
	    *end != '\0'))
		return -1;
	*p = end;
	return 0;
}

int
st_load(struct st_window *w, FILE *f, unsigned long *line)
{
	struct st_doc d;
	char *buf = NULL, *p, *end;
	double norm;
	size_t cap = 0;
	unsigned long long v, story, n;
	ssize_t len;
	int ret = -1;

	memset(&d, 0, sizeof(d));
	*line = 0;
	while ((len = getline(&buf, &cap, f)) >= 0) {
		++*line;
		p = buf;
		if (*line == 1) {
			if (strcmp(buf, "khobor-story 1\n") != 0)
				goto out;
			continue;
		}
		if (strncmp(p, "now ", 4) == 0) {
			p += 3;
			if (num(&p, 10, &v, 1) < 0)
				goto out;
			w->tmax = (int64_t)v;
			w->have_t = 1;
			continue;
		}
		if (strncmp(p, "d ", 2) != 0)
			goto out;
		p++;
		if (num(&p, 10, &v, 1) < 0 || num(&p, 16, &story, 0) < 0)
			goto out;
		errno = 0;
		norm = strtod(p, &end);
		if (end == p || errno != 0 || !(norm >= 0) || *end != ' ')
			goto out;
		p = end;
		if (num(&p, 10, &n, 0) < 0 || (n != 0 && n != ST_K))
			goto out;
		st_doc_reset(&d, (int64_t)v);
		d.nsig = (int)n;
		for (int k = 0; k < d.nsig; k++) {
			if (num(&p, 16, &v, 0) < 0 || v > UINT32_MAX)
				goto out;
			d.sig[k] = (uint32_t)v;
		}
		if (num(&p, 10, &n, 0) < 0 || n > ST_FEAT_MAX)
			goto out;
		for (size_t k = 0; k < n; k++) {
			if (num(&p, 16, &v, 0) < 0 ||
			    (k > 0 && v <= d.feat[k - 1]))
				goto out;
			push_feat(&d, v);
		}
		if (*p != '\n' && *p != '\0')
			goto out;
		insert(w, &d, story, norm);
	}
	if (ferror(f))
		goto out;
	if (w->have_t)
		expire(w);
	ret = 0;
out:
	free(buf);
	st_doc_free(&d);
	return ret;
}
