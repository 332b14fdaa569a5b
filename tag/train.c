/*
 * train.c: tag-train, the trainer of tag's entity model: an averaged
 * perceptron over the features of features.c, decoding greedily left
 * to right as tag does, trained on BIO (token<TAB>label, blank line
 * between sentences) and BILOU (JSON lines ["text", [labels]]) data.
 *
 * With -k N it scores N-fold cross-validation on the first file
 * instead: each fold of that file is tagged by a model trained on the
 * other folds and the other files, and span F1 (exact match) is
 * printed for each type and over all.  Everything is deterministic:
 * the same data give the same model, byte for byte.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "features.h"
#include "lex.h"
#include "model.h"
#include "translit.h"

struct tsent {
	struct sent s;
	uint8_t *gold;
	int fold;		/* -1: never held out; TEST: never trained on */
};

static struct tsent *data;
static size_t ndata, capdata;
#define TEST (-2)
#define FOLD_BLOCK 100	/* -k: folds of runs of this many sentences */

static unsigned bits = 16, epochs = 12, folds;
static const char *tests[16];
static int ntest, reading_test;
static uint32_t lang = LANG_BN;
static struct lex *clusters;	/* -c */
static char *cltext;
static size_t cllen;
static const char *romfrom, *romtable;	/* -r, -T */
static struct buf extra;		/* names of -r, as lines */
static float margin = 0;
static const char *out;
static const char *gazfiles[16];
static int ngaz;
static struct gaz *gaz;
static int file_no;

static void
add_tok(struct sent *s, const struct sent *one, size_t i, int glued)
{
	size_t base = s->klen, n = one->t[i].klen;

	if (s->klen + n + 1 > s->kcap) {
		s->kcap = (s->klen + n + 1) * 2;
		s->keys = kh_realloc(s->keys, s->kcap);
	}
	memcpy(s->keys + base, tok_key(one, i), n + 1);
	s->klen += n + 1;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 32;
		s->t = kh_realloc(s->t, s->cap * sizeof(*s->t));
	}
	s->t[s->n] = one->t[i];
	s->t[s->n].key = base;
	s->t[s->n].glued = glued;
	s->n++;
}

/* A sentence under construction: source tokens with their labels. */
static struct tsent cur;
static size_t curcap;
static struct sent one;

static void
cur_word(const char *w, size_t len, int type, int inside)
{
	int first = 1;
	size_t last;

	sent_all(&one, w, len);
	for (last = one.n; last > 0 && one.t[last - 1].cls == TOK_PUNCT;)
		last--;
	for (size_t i = 0; i < one.n; i++) {
		int l = 0;

		/* a mark inside a name's word (জামায়াত-শিবিরের) is inside
		 * the name, and so is a word of marks inside it (মো . নূর);
		 * one at the ends of a name's word is not */
		if (type != T_NONE && (i < last || (last == 0 && inside)) &&
		    (one.t[i].cls != TOK_PUNCT || !first || inside)) {
			l = label_of(type, inside || !first);
			first = 0;
		}
		add_tok(&cur.s, &one, i, i > 0);
		if (cur.s.n > curcap) {
			curcap = cur.s.n * 2;
			cur.gold = kh_realloc(cur.gold, curcap);
		}
		cur.gold[cur.s.n - 1] = l;
	}
}

static void
cur_end(void)
{
	uint8_t prev = 0;

	if (cur.s.n == 0)
		return;
	/* I-X with no X before it begins a span */
	for (size_t i = 0; i < cur.s.n; i++) {
		if (!label_ok(prev, cur.gold[i]))
			cur.gold[i]--;
		prev = cur.gold[i];
	}
	if (ndata == capdata) {
		capdata = capdata ? capdata * 2 : 1024;
		data = kh_realloc(data, capdata * sizeof(*data));
	}
	/* folds of runs of sentences, so that a story's names are not
	 * learned in one fold and tested in the next */
	cur.fold = reading_test ? TEST : file_no == 0 && folds > 0 ?
	    (int)(ndata / FOLD_BLOCK % folds) : -1;
	data[ndata++] = cur;
	memset(&cur, 0, sizeof(cur));
	curcap = 0;
}

static int
map_type(const char *s, size_t n)
{
	if ((n == 3 && memcmp(s, "PER", 3) == 0) ||
	    (n == 6 && memcmp(s, "PERSON", 6) == 0))
		return T_PER;
	if ((n == 3 && memcmp(s, "LOC", 3) == 0) ||
	    (n == 3 && memcmp(s, "GPE", 3) == 0))
		return T_LOC;
	if (n == 3 && memcmp(s, "ORG", 3) == 0)
		return T_ORG;
	return T_NONE;	/* TIM, DATE, LAW: not entities of ours */
}

/* token<TAB>B-PER lines; a blank line ends a sentence. */
static void
read_bio(FILE *f, const char *path)
{
	char *line = NULL, *tab, *w;
	size_t cap = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, f)) >= 0) {
		while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		w = line;
		if (n >= 3 && memcmp(w, "\xef\xbb\xbf", 3) == 0)
			w += 3, n -= 3;
		if (n == 0) {
			cur_end();
			continue;
		}
		if ((tab = memchr(w, '\t', n)) == NULL) {
			kh_warn("%s: a line without a tab; left out", path);
			continue;
		}
		if (line + n - tab > 2 && (tab[1] == 'B' || tab[1] == 'I') &&
		    tab[2] == '-')
			cur_word(w, tab - w, map_type(tab + 3, line + n - tab -
			    3), tab[1] == 'I');
		else
			cur_word(w, tab - w, T_NONE, 0);
	}
	cur_end();
	free(line);
}

/* The data's tokens: words split at white space, and each punctuation
 * mark its own (নেতা-কর্মীদের is three).  Returns the end of the piece
 * at p: spaces, a mark, or a word. */
static const char *
piece(const char *p)
{
	static const char *const marks[] = { "।", ",", ".", "?", "!", ":",
	    ";", "'", "\"", "’", "‘", "”", "“", "(", ")", "[", "]", "{",
	    "}", "-", "–", "—", "/", "%" };
	const char *q;

	if (*p == ' ') {
		while (*p == ' ')
			p++;
		return p;
	}
	for (q = p; *q && *q != ' '; ) {
		size_t i, n;

		for (i = 0; i < sizeof(marks) / sizeof(marks[0]); i++) {
			n = strlen(marks[i]);
			if (strncmp(q, marks[i], n) == 0)
				break;
		}
		if (i < sizeof(marks) / sizeof(marks[0]))
			return q == p ? p + n : q;
		q++;
	}
	return q;
}

/* ["text", ["B-ORG", "L-ORG", "O", ...]]: the labels of the text's
 * words split at white space. */
static void
read_bilou(FILE *f, const char *path)
{
	char *line = NULL;
	size_t cap = 0, bad = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, f)) > 0) {
		struct json_object *o = json_tokener_parse(line), *labs;
		const char *text, *p, *e, *l;
		size_t nl, k = 0;

		if (o == NULL || !json_object_is_type(o, json_type_array) ||
		    json_object_array_length(o) != 2) {
			bad++;
			json_object_put(o);
			continue;
		}
		text = json_object_get_string(json_object_array_get_idx(o, 0));
		labs = json_object_array_get_idx(o, 1);
		nl = json_object_array_length(labs);
		/* count the words first: a sentence that does not match its
		 * labels is left out */
		for (p = text; *p; p = e) {
			e = piece(p);
			k += *p != ' ';
		}
		if (k != nl) {
			bad++;
			json_object_put(o);
			continue;
		}
		k = 0;
		for (p = text; *p; p = e) {
			e = piece(p);
			if (*p == ' ')
				continue;
			l = json_object_get_string(
			    json_object_array_get_idx(labs, k++));
			if (l != NULL && strlen(l) > 2 && l[1] == '-')
				cur_word(p, e - p, map_type(l + 2,
				    strlen(l + 2)), l[0] == 'I' || l[0] == 'L');
			else
				cur_word(p, e - p, T_NONE, 0);
		}
		cur_end();
		json_object_put(o);
	}
	if (bad > 0)
		kh_warn("%s: %zu sentences whose words do not match their "
		    "labels left out", path, bad);
	free(line);
}

static void
read_file(const char *path)
{
	FILE *f = fopen(path, "r");
	int c;

	if (f == NULL)
		kh_die("%s:", path);
	c = getc(f);
	ungetc(c, f);
	if (c == '[')
		read_bilou(f, path);
	else
		read_bio(f, path);
	if (ferror(f))
		kh_die("%s:", path);
	fclose(f);
}

/* --- the perceptron ------------------------------------------------------ */

static float *w, *u;	/* weights; sums of c * update, for the average */
static double c = 1;
static struct feats ft;

static float *em, *vit;	/* per token and label: own score, best path */
static uint8_t *back;
static size_t vcap;

static void
add(const uint32_t *fb, size_t nf, int l, float by)
{
	for (size_t k = 0; k < nf; k++) {
		size_t b = (size_t)fb[k] * NSTRIDE + l;

		w[b] += by;
		u[b] += by * c;
	}
}

/* Viterbi over BIO labels (I-X only after B-X or I-X), a name's start
 * costing the margin when tagging; when learning, the perceptron's
 * update on every token where the path differs from the gold one. */
static void
decode(const struct tsent *d, uint8_t *pred, const float *wt, int learn,
    const struct fdata *lg)
{
	size_t n = d->s.n, i, k, nf;
	uint32_t fb[FEAT_MAX];
	float cost = learn ? 0 : margin;

	if (n == 0)
		return;
	if (n > vcap) {
		vcap = n * 2;
		em = kh_realloc(em, vcap * NLABEL * sizeof(*em));
		vit = kh_realloc(vit, vcap * NLABEL * sizeof(*vit));
		back = kh_realloc(back, vcap * NLABEL);
	}
	feats_sent(&ft, &d->s, gaz, lg, NULL, NULL);
	for (i = 0; i < n; i++) {
		float *e = em + i * NLABEL, *v = vit + i * NLABEL;

		nf = feats_token(&ft, &d->s, i, bits, fb);
		for (int l = 0; l < NLABEL; l++)
			e[l] = label_inside(l) || l == 0 ? 0 : -cost;
		for (k = 0; k < nf; k++)
			for (int l = 0; l < NLABEL; l++)
				e[l] += wt[(size_t)fb[k] * NSTRIDE + l];
		for (int l = 0; l < NLABEL; l++)
			v[l] = -1e30f;
		for (int p = 0; p < (i == 0 ? 1 : NLABEL); p++) {
			float base = i == 0 ? 0 : vit[(i - 1) * NLABEL + p], t;

			if (base <= -1e29f)
				continue;
			size_t tb = (size_t)feats_trans(p, bits) * NSTRIDE;

			for (int l = 0; l < NLABEL; l++) {
				if (!label_ok(p, l))
					continue;
				t = base + e[l] + wt[tb + l];
				if (t > v[l]) {
					v[l] = t;
					back[i * NLABEL + l] = p;
				}
			}
		}
	}
	int best = 0;

	for (int l = 1; l < NLABEL; l++)
		if (vit[(n - 1) * NLABEL + l] > vit[(n - 1) * NLABEL + best])
			best = l;
	for (i = n; i-- > 0; ) {
		pred[i] = best;
		best = back[i * NLABEL + best];
	}
	if (!learn)
		return;
	for (i = 0; i < n; i++) {
		int g = d->gold[i], q = pred[i];
		int gp = i ? d->gold[i - 1] : 0, qp = i ? pred[i - 1] : 0;

		if (g == q && gp == qp)
			continue;
		if (g != q) {
			nf = feats_token(&ft, &d->s, i, bits, fb);
			add(fb, nf, g, 1);
			add(fb, nf, q, -1);
		}
		fb[0] = feats_trans(gp, bits);
		add(fb, 1, g, 1);
		fb[0] = feats_trans(qp, bits);
		add(fb, 1, q, -1);
	}
	c++;
}

static uint64_t rng = 0x2545f4914f6cdd1dULL;

static size_t
rnd(size_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return rng % n;
}

/* --- names learned from the training data --------------------------------
 * Every name of the training sentences, its last word's sure case suffix
 * stripped, with the type it has most often, is a feature (features.c:
 * lz) unless it is one word seen more often outside a name.  A sentence
 * being trained on sees the names of the other parts of the data only
 * (NPART parts), as a text being tagged sees names learned elsewhere. */
#define NPART 5

struct count {
	uint64_t h;
	char *key;
	int c[T_NTYPES];	/* [T_NONE]: times as a word outside names */
	int first;		/* times first in a name */
};
struct ctab {
	struct count *v;
	size_t n, cap;
};
struct learnt {
	struct lex *names;	/* of text, names' lines */
	struct lex *roles;
	char *text;
	struct fdata fd;
};
static struct learnt learned[NPART + 1];	/* [NPART]: of all the parts */
static struct buf {
	char *s;
	size_t len, cap;
} names, roles;		/* the last ones learned, as lines */

static struct count *
count_get(struct ctab *t, const char *key, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)key[i]) * 0x100000001b3ULL;
	h |= 1;
	if ((t->n + 1) * 2 > t->cap) {
		struct count *old = t->v;
		size_t ocap = t->cap;

		t->cap = t->cap ? t->cap * 2 : 1 << 14;
		t->v = kh_malloc(t->cap * sizeof(*t->v));
		memset(t->v, 0, t->cap * sizeof(*t->v));
		for (i = 0; i < ocap; i++) {
			size_t j = old[i].h & (t->cap - 1);

			if (old[i].h == 0)
				continue;
			while (t->v[j].h != 0)
				j = (j + 1) & (t->cap - 1);
			t->v[j] = old[i];
		}
		free(old);
	}
	for (i = h & (t->cap - 1); t->v[i].h != 0; i = (i + 1) & (t->cap - 1))
		if (t->v[i].h == h && strlen(t->v[i].key) == len &&
		    memcmp(t->v[i].key, key, len) == 0)
			return &t->v[i];
	t->v[i].h = h;
	t->v[i].key = kh_malloc(len + 1);
	memcpy(t->v[i].key, key, len);
	t->v[i].key[len] = '\0';
	t->n++;
	return &t->v[i];
}

static void
ctab_clear(struct ctab *t)
{
	for (size_t i = 0; i < t->cap; i++)
		free(t->v[i].key);
	free(t->v);
	memset(t, 0, sizeof(*t));
}

static void
buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->len + n > b->cap) {
		while (b->len + n > b->cap)
			b->cap = b->cap ? b->cap * 2 : 65536;
		b->s = kh_realloc(b->s, b->cap);
	}
	memcpy(b->s + b->len, s, n);
	b->len += n;
}

/* Whether sentence d is trained on when fold hold (-1: none) is held
 * out. */
static int
trained(const struct tsent *d, int hold)
{
	return d->fold != TEST && (hold < 0 || d->fold != hold);
}

/* Count token a of d, of type type (T_NONE: outside names), under its
 * key and its stems. */
static void
count_word(struct ctab *t, const struct tsent *d, size_t a, int type,
    int first)
{
	const struct tok *k = &d->s.t[a];
	struct count *e;

	if (k->cls != TOK_BN && k->cls != TOK_LATIN)
		return;
	for (int q = -1; q < k->nstem; q++) {
		e = count_get(t, tok_key(&d->s, a), q < 0 ? k->klen :
		    k->stem[q]);
		e->c[type]++;
		e->first += first;
	}
}

/* A word's ROLE_* from its counts (features.h). */
static unsigned
role_of(const struct count *e)
{
	int best = T_PER, all = e->c[T_NONE], in;

	for (int t = T_LOC; t < T_NTYPES; t++)
		if (e->c[t] > e->c[best])
			best = t;
	in = e->c[T_PER] + e->c[T_LOC] + e->c[T_ORG];
	all += in;
	if (3 * e->c[best] >= 2 * all)
		return role_code(best, 0, 2 * e->first < in);
	if (5 * e->c[best] >= all)
		return role_code(best, 1, 2 * e->first < in);
	return all >= 3 ? ROLE_COMMON : 0;
}

/* What the sentences outside fold hold and part skip (-1: none) teach
 * of words: their names as a gazetteer, their words' roles; the lines
 * of both in names and roles. */
static void
learn(struct learnt *l, int hold, int skip)
{
	struct ctab nt = { 0 }, wt = { 0 };
	char buf[1024], num[16];

	l->names = lex_new();
	l->roles = lex_new();
	l->fd.names = l->names;
	l->fd.roles = l->roles;
	l->fd.clusters = clusters;
	for (size_t i = 0; i < ndata; i++) {
		const struct tsent *d = &data[i];

		if (!trained(d, hold) || (int)(i % NPART) == skip)
			continue;
		for (size_t a = 0; a < d->s.n; a++) {
			size_t b = a + 1, k = 0;

			count_word(&wt, d, a, label_type(d->gold[a]),
			    d->gold[a] != 0 && !label_inside(d->gold[a]));
			if (d->gold[a] == 0) {
				if (d->s.t[a].cls == TOK_BN ||
				    d->s.t[a].cls == TOK_LATIN)
					count_get(&nt, tok_key(&d->s, a),
					    d->s.t[a].klen)->c[T_NONE]++;
				continue;
			}
			if (label_inside(d->gold[a]))
				continue;
			while (b < d->s.n && label_inside(d->gold[b]))
				b++;
			for (size_t j = a; j < b; j++) {
				size_t kl = d->s.t[j].klen;

				if (k + kl + 2 > sizeof(buf))
					break;
				if (j > a)
					buf[k++] = ' ';
				/* the last word without a sure suffix */
				if (j == b - 1 && d->s.t[j].nstem > 0 &&
				    suffix_sure(tok_key(&d->s, j), kl,
				    d->s.t[j].stem[0]))
					kl = d->s.t[j].stem[0];
				memcpy(buf + k, tok_key(&d->s, j), kl);
				k += kl;
			}
			count_get(&nt, buf, k)->c[label_type(d->gold[a])]++;
		}
	}
	names.len = roles.len = 0;
	for (size_t i = 0; i < nt.cap; i++) {
		struct count *e = &nt.v[i];
		int best = T_PER;

		if (e->h == 0)
			continue;
		for (int t = T_LOC; t < T_NTYPES; t++)
			if (e->c[t] > e->c[best])
				best = t;
		if (e->c[best] == 0 || e->c[T_NONE] >= e->c[best])
			continue;
		buf_add(&names, e->key, strlen(e->key));
		buf_add(&names, "\t", 1);
		buf_add(&names, type_name[best], strlen(type_name[best]));
		buf_add(&names, "\n", 1);
	}
	for (size_t i = 0; i < wt.cap; i++) {
		struct count *e = &wt.v[i];
		unsigned r;

		if (e->h == 0 || (r = role_of(e)) == 0)
			continue;
		lex_put(l->roles, e->key, strlen(e->key), r);
		buf_add(&roles, e->key, strlen(e->key));
		buf_add(&roles, num, snprintf(num, sizeof(num), "\t%u\n", r));
	}
	if (extra.len > 0)
		buf_add(&names, extra.s, extra.len);
	l->text = kh_malloc(names.len + 1);
	if (names.len > 0)
		memcpy(l->text, names.s, names.len);
	names_parse(l->names, l->text, names.len, "learned names");
	ctab_clear(&nt);
	ctab_clear(&wt);
}

static void
learn_all(int hold)
{
	for (int p = 0; p <= NPART; p++) {
		lex_free(learned[p].names);
		lex_free(learned[p].roles);
		free(learned[p].text);
		learn(&learned[p], hold, p < NPART ? p : -1);
	}
	/* the parts are new, whatever their addresses */
	feats_forget(&ft);
}

/* Train on every sentence not in fold hold; the averaged weights are
 * left in w. */
static void
train(int hold)
{
	size_t nb = ((size_t)1 << bits) * NSTRIDE, *order, m = 0;
	uint8_t *pred = NULL;
	size_t pcap = 0;

	learn_all(hold);
	memset(w, 0, nb * sizeof(*w));
	memset(u, 0, nb * sizeof(*u));
	c = 1;
	rng = 0x2545f4914f6cdd1dULL;
	order = kh_malloc(ndata * sizeof(*order));
	for (size_t i = 0; i < ndata; i++)
		if (trained(&data[i], hold))
			order[m++] = i;
	for (unsigned e = 0; e < epochs; e++) {
		for (size_t i = m; i > 1; i--) {
			size_t j = rnd(i), t = order[i - 1];

			order[i - 1] = order[j];
			order[j] = t;
		}
		for (size_t i = 0; i < m; i++) {
			const struct tsent *d = &data[order[i]];

			if (d->s.n > pcap) {
				pcap = d->s.n * 2;
				pred = kh_realloc(pred, pcap);
			}
			decode(d, pred, w, 1, &learned[order[i] % NPART].fd);
		}
	}
	for (size_t i = 0; i < nb; i++)
		w[i] -= u[i] / c;
	free(order);
	free(pred);
}

/* Exact spans: count true and false ones for each type. */
static long tp[T_NTYPES], fp[T_NTYPES], fn_[T_NTYPES];

static size_t
span_end(const uint8_t *lab, size_t n, size_t i)
{
	size_t j = i + 1;

	while (j < n && label_inside(lab[j]) &&
	    label_type(lab[j]) == label_type(lab[i]))
		j++;
	return j;
}

static void
score(const uint8_t *gold, const uint8_t *pred, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (pred[i] != 0 && !label_inside(pred[i])) {
			size_t e = span_end(pred, n, i), f;
			int t = label_type(pred[i]);

			if (gold[i] == pred[i] && (f = span_end(gold, n, i)) ==
			    e)
				tp[t]++;
			else
				fp[t]++;
		}
		if (gold[i] != 0 && !label_inside(gold[i])) {
			size_t e = span_end(gold, n, i);

			if (!(pred[i] == gold[i] && span_end(pred, n, i) == e))
				fn_[label_type(gold[i])]++;
		}
	}
}

static void
report(void)
{
	long T = 0, P = 0, N = 0;

	printf("%-6s %6s %6s %6s %7s\n", "type", "P", "R", "F1", "gold");
	for (int t = T_PER; t <= T_NTYPES; t++) {
		long a, b, g;
		double p, r;

		if (t < T_NTYPES) {
			a = tp[t], b = fp[t], g = tp[t] + fn_[t];
			T += a, P += b, N += fn_[t];
		} else {
			a = T, b = P, g = T + N;
		}
		p = a + b ? (double)a / (a + b) : 0;
		r = g ? (double)a / g : 0;
		printf("%-6s %6.3f %6.3f %6.3f %7ld\n",
		    t < T_NTYPES ? type_name[t] : "micro", p, r,
		    p + r > 0 ? 2 * p * r / (p + r) : 0, g);
	}
}

/* The weights as int8 (weight = q * scale), as tag reads them; with q
 * NULL the float weights are rounded the same way, so that
 * cross-validation scores the model tag would get. */
static float
quantize(int8_t *q)
{
	size_t nb = ((size_t)1 << bits) * NSTRIDE;
	float max = 0, scale;

	for (size_t i = 0; i < nb; i++)
		if (fabsf(w[i]) > max)
			max = fabsf(w[i]);
	scale = max > 0 ? max / 127 : 1;
	for (size_t i = 0; i < nb; i++) {
		long v = lrintf(w[i] / scale);

		if (q != NULL)
			q[i] = (int8_t)v;
		else
			w[i] = v * scale;
	}
	return scale;
}

/* Tag and score the sentences of fold k (TEST: the -t files) with the
 * weights in w, rounded as tag reads them. */
static void
test_fold(int k)
{
	static uint8_t *pred;
	static size_t pcap;

	quantize(NULL);
	for (size_t i = 0; i < ndata; i++) {
		if (data[i].fold != k)
			continue;
		if (data[i].s.n > pcap) {
			pcap = data[i].s.n * 2;
			pred = kh_realloc(pred, pcap);
		}
		decode(&data[i], pred, w, 0, &learned[NPART].fd);
		score(data[i].gold, pred, data[i].s.n);
	}
}

static void
crossval(void)
{
	for (unsigned k = 0; k < folds; k++) {
		train(k);
		test_fold(k);
	}
	report();
}

static void
save(const char *path)
{
	size_t nb = ((size_t)1 << bits) * NSTRIDE, kept = 0;
	struct model_head h;
	int8_t *q = kh_malloc(nb);
	float scale = quantize(q);
	FILE *f;

	for (size_t i = 0; i < nb; i++)
		kept += q[i] != 0;
	memset(&h, 0, sizeof(h));
	memcpy(h.magic, MODEL_MAGIC, sizeof(h.magic));
	h.bits = bits;
	h.nlabel = NSTRIDE;
	h.scale = scale;
	h.margin = margin;
	h.lang = lang;
	h.names = names.len;
	h.roles = roles.len;
	h.clusters = cllen;
	if ((f = fopen(path, "wb")) == NULL)
		kh_die("%s:", path);
	if (fwrite(&h, sizeof(h), 1, f) != 1 ||
	    fwrite(q, sizeof(*q), nb, f) != nb ||
	    (names.len > 0 && fwrite(names.s, 1, names.len, f) != names.len) ||
	    (roles.len > 0 && fwrite(roles.s, 1, roles.len, f) != roles.len) ||
	    (cllen > 0 && fwrite(cltext, 1, cllen, f) != cllen) ||
	    fclose(f) == EOF)
		kh_die("%s:", path);
	kh_warn("%s: %zu sentences, %zu of %zu weights non-zero", path,
	    ndata, kept, nb);
	free(q);
}

/* The bytes of the file at path. */
static char *
read_all(const char *path, size_t *len)
{
	FILE *f = fopen(path, "r");
	char *b = NULL;
	size_t cap = 0, n;

	if (f == NULL)
		kh_die("%s:", path);
	*len = 0;
	do {
		if (*len == cap)
			b = kh_realloc(b, cap = cap ? cap * 2 : 65536);
		n = fread(b + *len, 1, cap - *len, f);
		*len += n;
	} while (n > 0);
	if (ferror(f))
		kh_die("%s:", path);
	fclose(f);
	return b;
}

/*
 * -r: the names of another language's model in Latin letters, as names
 * learned: a word that part's training data has mostly in names of one
 * type (a role neither weak nor common, features.h), spelt as tag spells
 * a name no list knows (translit.c, with -T's table), and with its
 * inherent vowels kept (translit_medial).  So the English
 * model knows Shakib and Mansur from the Bengali news, where names of
 * the subcontinent are many and the English data has few.
 */
static void
romanised(void)
{
	size_t len, tlen = 0;
	char *m = read_all(romfrom, &len), *tt = NULL, word[256], word2[256];
	struct translit *tl = NULL;
	struct model_head h;
	const char *at = m, *e = m + len;

	if (romtable != NULL) {
		tt = read_all(romtable, &tlen);
		tl = translit_new(tt, tlen, romtable);
	}
	while ((size_t)(e - at) >= sizeof(h)) {
		const char *p, *end, *nl, *tab;
		size_t nb;

		memcpy(&h, at, sizeof(h));
		nb = ((size_t)1 << (h.bits & 31)) * NSTRIDE;
		if (memcmp(h.magic, MODEL_MAGIC, 16) != 0 || h.bits < 10 ||
		    h.bits > 24 || (size_t)(e - at) - sizeof(h) < nb +
		    h.names + h.roles + h.clusters)
			kh_die("%s: not a model of this tag", romfrom);
		p = at + sizeof(h) + nb + h.names;
		end = p + h.roles;
		at += sizeof(h) + nb + h.names + h.roles + h.clusters;
		if (h.lang == lang)
			continue;
		for (; p < end; p = nl + 1) {
			unsigned long r;
			size_t k;
			int type;

			if ((nl = memchr(p, '\n', end - p)) == NULL)
				nl = end;
			if ((tab = memchr(p, '\t', nl - p)) == NULL)
				continue;
			r = strtoul(tab + 1, NULL, 10);
			/* role_code(type, 0, inside) */
			if (r == 0 || r >= ROLE_COMMON || (r - 1) % ROLE_INSIDE >=
			    ROLE_WEAK)
				continue;
			type = (int)((r - 1) % ROLE_WEAK) + 1;
			if ((k = translit_word(tl, p, tab - p, word,
			    sizeof(word))) < 3)
				continue;
			for (int v = 0; v < 2; v++) {
				/* the other spelling too, when it is other */
				if (v == 1 && ((k = translit_medial(p, tab - p,
				    word2, sizeof(word2))) == 0 ||
				    strcmp(word, word2) == 0))
					break;
				buf_add(&extra, v ? word2 : word, k);
				buf_add(&extra, "\t", 1);
				buf_add(&extra, type_name[type],
				    strlen(type_name[type]));
				buf_add(&extra, "\n", 1);
			}
		}
	}
	translit_free(tl);
	free(tt);
	free(m);
}

static void
option(int ch, char *arg)
{
	char *end;
	unsigned long v;

	switch (ch) {
	case 'b':
	case 'e':
	case 'k':
		errno = 0;
		v = strtoul(arg, &end, 10);
		if (errno || *end || end == arg || v > 1000 ||
		    (ch == 'b' && (v < 10 || v > 24)) || (ch == 'k' && v == 1))
			kh_die("-%c %s: out of range", ch, arg);
		if (ch == 'b')
			bits = v;
		else if (ch == 'e')
			epochs = v;
		else
			folds = v;
		break;
	case 'm':
		margin = strtof(arg, &end);
		if (*end || end == arg)
			kh_die("-m %s: not a number", arg);
		break;
	case 'c':
		cltext = read_all(arg, &cllen);
		clusters = lex_new();
		lex_parse(clusters, cltext, cllen, arg);
		break;
	case 'g':
		if (ngaz == 16)
			kh_die("too many -g");
		gazfiles[ngaz++] = arg;
		break;
	case 'l':
		if (strcmp(arg, "bn") == 0)
			lang = LANG_BN;
		else if (strcmp(arg, "en") == 0)
			lang = LANG_EN;
		else
			kh_die("-l %s: not bn or en", arg);
		break;
	case 'o':
		out = arg;
		break;
	case 'r':
		romfrom = arg;
		break;
	case 'T':
		romtable = arg;
		break;
	case 't':
		if (ntest == 16)
			kh_die("too many -t");
		tests[ntest++] = arg;
		break;
	default:
		kh_usage();
	}
}

int
main(int argc, char **argv)
{
	static const struct kh_cli cli = {
		.usage = "[-h] [-b bits] [-c clusters] [-e epochs] [-g gazetteer] "
		    "[-l lang] "
		    "[-m margin] [-r model [-T translit]] "
		    "[-k folds | -o model | -t test] file ...",
		.help = "  -b bits           2^bits feature buckets (16)\n"
		    "  -c clusters       word clusters (tag-clusters)\n"
		    "  -e epochs         passes over the data (12)\n"
		    "  -g gazetteer      names file for the gazetteer "
		    "features\n"
		    "  -k folds          cross-validate on the first file\n"
		    "  -l lang           the model's language: bn (the "
		    "default) or en\n"
		    "  -m margin         least score over O that starts a "
		    "name (0)\n"
		    "  -o model          write the model\n"
		    "  -r model          the names of model's other language, "
		    "in Latin letters\n"
		    "  -t test           score on the sentences of test, "
		    "trained on the rest\n"
		    "  -T translit       how -r spells words (translit.tsv)\n",
		.shortopts = "b:c:e:g:k:l:m:o:r:t:T:",
		.opt = option,
	};
	int i = kh_options(argc, argv, &cli);
	size_t nb;

	if (i >= argc || (out != NULL) + (folds > 0) + (ntest > 0) != 1)
		kh_usage();
	gaz = gaz_new();
	for (int k = 0; k < ngaz; k++)
		if (gaz_load(gaz, gazfiles[k], 0) < 0)
			kh_die("%s:", gazfiles[k]);
	gaz_countries(gaz);
	for (; i < argc; i++, file_no++)
		read_file(argv[i]);
	reading_test = 1;
	for (int k = 0; k < ntest; k++)
		read_file(tests[k]);
	if (romfrom != NULL)
		romanised();
	if (ndata == 0)
		kh_die("no sentences to train on");
	nb = ((size_t)1 << bits) * NSTRIDE;
	w = kh_malloc(nb * sizeof(*w));
	u = kh_malloc(nb * sizeof(*u));
	if (folds > 0) {
		crossval();
	} else if (ntest > 0) {
		train(-1);
		test_fold(TEST);
		report();
	} else {
		train(-1);
		save(out);
	}
	if (fflush(stdout) == EOF || ferror(stdout))
		kh_die("standard output:");
	for (size_t k = 0; k < ndata; k++) {
		sent_free(&data[k].s);
		free(data[k].gold);
	}
	free(data);
	free(w);
	free(u);
	feats_free(&ft);
	free(em);
	free(vit);
	free(back);
	sent_free(&one);
	gaz_free(gaz);
	for (int p = 0; p <= NPART; p++)
	{
		lex_free(learned[p].names);
		lex_free(learned[p].roles);
		free(learned[p].text);
	}
	free(names.s);
	free(roles.s);
	free(cltext);
	lex_free(clusters);
	free(extra.s);
	return 0;
}
