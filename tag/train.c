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
#include "model.h"

struct tsent {
	struct sent s;
	uint8_t *gold;
	int fold;		/* -1: never held out */
};

static struct tsent *data;
static size_t ndata, capdata;
static unsigned bits = 16, epochs = 12, folds;
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

	sent_all(&one, w, len);
	for (size_t i = 0; i < one.n; i++) {
		int l = 0;

		if (one.t[i].cls != TOK_PUNCT && type != T_NONE) {
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
	cur.fold = file_no == 0 && folds > 0 ? (int)(ndata % folds) : -1;
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
    const struct gaz *lg)
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
};
static struct count *counts;
static size_t ncount, capcount;
static struct gaz *learned[NPART + 1];	/* [NPART]: of all the parts */
static char *names;			/* the last names, as a file */
static size_t nameslen, namescap;

static struct count *
count_get(const char *key, size_t len)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)key[i]) * 0x100000001b3ULL;
	h |= 1;
	if ((ncount + 1) * 2 > capcount) {
		struct count *old = counts;
		size_t ocap = capcount;

		capcount = capcount ? capcount * 2 : 1 << 14;
		counts = kh_malloc(capcount * sizeof(*counts));
		memset(counts, 0, capcount * sizeof(*counts));
		for (i = 0; i < ocap; i++) {
			size_t j = old[i].h & (capcount - 1);

			if (old[i].h == 0)
				continue;
			while (counts[j].h != 0)
				j = (j + 1) & (capcount - 1);
			counts[j] = old[i];
		}
		free(old);
	}
	for (i = h & (capcount - 1); counts[i].h != 0;
	    i = (i + 1) & (capcount - 1))
		if (counts[i].h == h && strlen(counts[i].key) == len &&
		    memcmp(counts[i].key, key, len) == 0)
			return &counts[i];
	counts[i].h = h;
	counts[i].key = kh_malloc(len + 1);
	memcpy(counts[i].key, key, len);
	counts[i].key[len] = '\0';
	ncount++;
	return &counts[i];
}

static void
counts_clear(void)
{
	for (size_t i = 0; i < capcount; i++)
		free(counts[i].key);
	free(counts);
	counts = NULL;
	ncount = capcount = 0;
}

static void
names_add(const char *s, size_t n)
{
	if (nameslen + n > namescap) {
		while (nameslen + n > namescap)
			namescap = namescap ? namescap * 2 : 65536;
		names = kh_realloc(names, namescap);
	}
	memcpy(names + nameslen, s, n);
	nameslen += n;
}

/* The names of the sentences outside fold hold and part skip (-1:
 * none), as a gazetteer; their lines in names. */
static struct gaz *
learn(int hold, int skip)
{
	struct gaz *g = gaz_new();
	char buf[1024];

	for (size_t i = 0; i < ndata; i++) {
		const struct tsent *d = &data[i];

		if ((hold >= 0 && d->fold == hold) || (int)(i % NPART) == skip)
			continue;
		for (size_t a = 0; a < d->s.n; a++) {
			size_t b = a + 1, k = 0;

			if (d->gold[a] == 0) {
				if (d->s.t[a].cls == TOK_BN ||
				    d->s.t[a].cls == TOK_LATIN)
					count_get(tok_key(&d->s, a),
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
			count_get(buf, k)->c[label_type(d->gold[a])]++;
		}
	}
	nameslen = 0;
	for (size_t i = 0; i < capcount; i++) {
		struct count *e = &counts[i];
		int best = T_PER;

		if (e->h == 0)
			continue;
		for (int t = T_LOC; t < T_NTYPES; t++)
			if (e->c[t] > e->c[best])
				best = t;
		if (e->c[best] == 0 || e->c[T_NONE] >= e->c[best])
			continue;
		gaz_add(g, e->key, strlen(e->key), best, NULL, 0, 0);
		names_add(e->key, strlen(e->key));
		names_add("\t", 1);
		names_add(type_name[best], strlen(type_name[best]));
		names_add("\n", 1);
	}
	counts_clear();
	return g;
}

static void
learn_all(int hold)
{
	for (int p = 0; p <= NPART; p++) {
		gaz_free(learned[p]);
		learned[p] = learn(hold, p < NPART ? p : -1);
	}
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
		if (data[i].fold != hold || hold < 0)
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
			decode(d, pred, w, 1, learned[order[i] % NPART]);
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

static void
crossval(void)
{
	uint8_t *pred = NULL;
	size_t pcap = 0;

	for (unsigned k = 0; k < folds; k++) {
		train(k);
		quantize(NULL);
		for (size_t i = 0; i < ndata; i++) {
			if (data[i].fold != (int)k)
				continue;
			if (data[i].s.n > pcap) {
				pcap = data[i].s.n * 2;
				pred = kh_realloc(pred, pcap);
			}
			decode(&data[i], pred, w, 0, learned[NPART]);
			score(data[i].gold, pred, data[i].s.n);
		}
	}
	free(pred);
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
	h.names = nameslen;
	if ((f = fopen(path, "wb")) == NULL)
		kh_die("%s:", path);
	if (fwrite(&h, sizeof(h), 1, f) != 1 ||
	    fwrite(q, sizeof(*q), nb, f) != nb ||
	    fwrite(names, 1, nameslen, f) != nameslen || fclose(f) == EOF)
		kh_die("%s:", path);
	kh_warn("%s: %zu sentences, %zu of %zu weights non-zero", path,
	    ndata, kept, nb);
	free(q);
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
	case 'g':
		if (ngaz == 16)
			kh_die("too many -g");
		gazfiles[ngaz++] = arg;
		break;
	case 'o':
		out = arg;
		break;
	default:
		kh_usage();
	}
}

int
main(int argc, char **argv)
{
	static const struct kh_cli cli = {
		.usage = "[-h] [-b bits] [-e epochs] [-g gazetteer] "
		    "[-m margin] [-k folds | -o model] file ...",
		.help = "  -b bits           2^bits feature buckets (16)\n"
		    "  -e epochs         passes over the data (12)\n"
		    "  -g gazetteer      names file for the gazetteer "
		    "features\n"
		    "  -k folds          cross-validate on the first file\n"
		    "  -m margin         least score over O that starts a "
		    "name (0)\n"
		    "  -o model          write the model\n",
		.shortopts = "b:e:g:k:m:o:",
		.opt = option,
	};
	int i = kh_options(argc, argv, &cli);
	size_t nb;

	if (i >= argc || (out == NULL) == (folds == 0))
		kh_usage();
	gaz = gaz_new();
	for (int k = 0; k < ngaz; k++)
		if (gaz_load(gaz, gazfiles[k], 0) < 0)
			kh_die("%s:", gazfiles[k]);
	gaz_countries(gaz);
	for (; i < argc; i++, file_no++)
		read_file(argv[i]);
	if (ndata == 0)
		kh_die("no sentences to train on");
	nb = ((size_t)1 << bits) * NSTRIDE;
	w = kh_malloc(nb * sizeof(*w));
	u = kh_malloc(nb * sizeof(*u));
	if (folds > 0) {
		crossval();
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
		gaz_free(learned[p]);
	free(names);
	return 0;
}
