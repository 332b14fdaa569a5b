/*
 * clusters.c: tag-clusters, word classes for the entity model, learned
 * from plain text by the exchange algorithm (Kneser and Ney 1993;
 * Martin, Liermann and Ney 1998): each word is put in turn in the class
 * that makes the class bigram model most likely, until few words move.
 * Words used in like places end in one class: a name the training data
 * never had shares a class with names it had.
 *
 * Reads text lines (a line a sentence or more) from the files given or
 * the standard input, cuts them into tokens as tag does (tok.c), and
 * prints key<TAB>class (1..C) for each word seen at least -m times,
 * sorted by key; -l puts Latin words in lower case first.  Deterministic: the same text gives the same classes.
 */
#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "tok.h"

#define RARE 0		/* word id of every rare word */
#define EDGE 1		/* word id of a sentence's start and end */

static unsigned nclass = 256, mincount = 3, iters = 20;
static int fold;		/* -l */

/* --- words ---------------------------------------------------------- */

struct word {
	uint64_t h;
	char *key;
	long n;
	unsigned id;
};
static struct word *words;
static size_t nwords, capwords;

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h | 1;
}

static struct word *
word_get(const char *key, size_t len)
{
	uint64_t h = hash(key, len);
	size_t i;

	if ((nwords + 1) * 2 > capwords) {
		struct word *old = words;
		size_t ocap = capwords;

		capwords = capwords ? capwords * 2 : 1 << 16;
		words = kh_malloc(capwords * sizeof(*words));
		memset(words, 0, capwords * sizeof(*words));
		for (i = 0; i < ocap; i++) {
			size_t j;

			if (old[i].h == 0)
				continue;
			for (j = old[i].h & (capwords - 1); words[j].h != 0;
			    j = (j + 1) & (capwords - 1))
				;
			words[j] = old[i];
		}
		free(old);
	}
	for (i = h & (capwords - 1); words[i].h != 0;
	    i = (i + 1) & (capwords - 1))
		if (words[i].h == h && strlen(words[i].key) == len &&
		    memcmp(words[i].key, key, len) == 0)
			return &words[i];
	words[i].h = h;
	words[i].key = kh_malloc(len + 1);
	memcpy(words[i].key, key, len);
	words[i].key[len] = '\0';
	nwords++;
	return &words[i];
}

/* The text as word table entries, EDGE between sentences, kept as
 * indexes into words until the ids are known. */
static size_t *text;
static size_t ntext, captext;

static void
text_add(size_t v)
{
	if (ntext == captext) {
		captext = captext ? captext * 2 : 1 << 20;
		text = kh_realloc(text, captext * sizeof(*text));
	}
	text[ntext++] = v;
}

#define EDGE_MARK ((size_t)-1)

static void
read_text(FILE *f)
{
	static struct sent s;
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;

	while ((n = getline(&line, &cap, f)) > 0) {
		size_t pos = 0, cp = 0;

		while (sent_next(&s, line, n, &pos, &cp)) {
			if (s.n == 0)
				continue;
			text_add(EDGE_MARK);
			for (size_t i = 0; i < s.n; i++) {
				struct word *w;

				if (s.t[i].cls == TOK_PUNCT)
					continue;
				if (fold && s.t[i].cls == TOK_LATIN)
					for (char *k = s.keys + s.t[i].key;
					    *k != '\0'; k++)
						if (*k >= 'A' && *k <= 'Z')
							*k += 32;
				w = word_get(tok_key(&s, i), s.t[i].klen);
				w->n++;
				text_add(w - words);
			}
		}
	}
	text_add(EDGE_MARK);
	free(line);
	if (ferror(f))
		kh_die("read error:");
}

/* --- bigrams, a list of neighbours a word ------------------------- */

struct nb {
	unsigned w;
	long n;
};
static unsigned nv;		/* words with an id, RARE and EDGE too */
static struct word **byid;
static long *count;		/* a word's count */
static unsigned *cls;		/* a word's class */
static struct nb **succ, **pred;
static size_t *nsucc, *npred;

static int
by_count(const void *a, const void *b)
{
	const struct word *x = *(struct word *const *)a;
	const struct word *y = *(struct word *const *)b;

	if (x->n != y->n)
		return x->n > y->n ? -1 : 1;
	return strcmp(x->key, y->key);
}

static int
by_word(const void *a, const void *b)
{
	const struct nb *x = a, *y = b;

	return x->w < y->w ? -1 : x->w > y->w;
}

/* Sort a list of neighbours by word and sum the counts of each. */
static size_t
merge(struct nb *l, size_t n)
{
	size_t k = 0;

	qsort(l, n, sizeof(*l), by_word);
	for (size_t i = 0; i < n; i++) {
		if (k > 0 && l[k - 1].w == l[i].w)
			l[k - 1].n += l[i].n;
		else
			l[k++] = l[i];
	}
	return k;
}

static void
bigrams(void)
{
	struct word **all = kh_malloc(nwords * sizeof(*all));
	size_t k = 0, *cs, *cp;
	unsigned prev = EDGE;

	for (size_t i = 0; i < capwords; i++)
		if (words[i].h != 0)
			all[k++] = &words[i];
	qsort(all, k, sizeof(*all), by_count);
	nv = 2;
	for (size_t i = 0; i < k; i++)
		all[i]->id = all[i]->n >= (long)mincount ? nv++ : RARE;
	byid = kh_malloc(nv * sizeof(*byid));
	memset(byid, 0, nv * sizeof(*byid));
	for (size_t i = 0; i < k; i++)
		if (all[i]->id != RARE)
			byid[all[i]->id] = all[i];
	free(all);
	count = kh_malloc(nv * sizeof(*count));
	memset(count, 0, nv * sizeof(*count));
	cs = kh_malloc(nv * sizeof(*cs));
	cp = kh_malloc(nv * sizeof(*cp));
	memset(cs, 0, nv * sizeof(*cs));
	memset(cp, 0, nv * sizeof(*cp));
	/* the ids; then how many neighbours, to cut the lists */
	for (size_t i = 0; i < ntext; i++) {
		unsigned w = text[i] == EDGE_MARK ? EDGE : words[text[i]].id;

		text[i] = w;
		count[w]++;
		if (i > 0) {
			cs[prev]++;
			cp[w]++;
		}
		prev = w;
	}
	succ = kh_malloc(nv * sizeof(*succ));
	pred = kh_malloc(nv * sizeof(*pred));
	nsucc = kh_malloc(nv * sizeof(*nsucc));
	npred = kh_malloc(nv * sizeof(*npred));
	for (unsigned w = 0; w < nv; w++) {
		succ[w] = kh_malloc((cs[w] + 1) * sizeof(**succ));
		pred[w] = kh_malloc((cp[w] + 1) * sizeof(**pred));
		nsucc[w] = npred[w] = 0;
	}
	for (size_t i = 1; i < ntext; i++) {
		unsigned a = text[i - 1], b = text[i];

		succ[a][nsucc[a]++] = (struct nb){ b, 1 };
		pred[b][npred[b]++] = (struct nb){ a, 1 };
	}
	for (unsigned w = 0; w < nv; w++) {
		nsucc[w] = merge(succ[w], nsucc[w]);
		npred[w] = merge(pred[w], npred[w]);
	}
	free(cs);
	free(cp);
	free(text);
}

/* --- the exchange algorithm --------------------------------------- */

static long *cc;		/* class bigram counts, nclass x nclass */
static long *cn;		/* class counts */
static double *flog;		/* x log x for small x */
#define FLOG 65536

static double
xlogx(long x)
{
	if (x < FLOG)
		return flog[x];
	return (double)x * log((double)x);
}

/* The counts of word w's neighbours by class, and the classes they
 * are in, each once. */
static long *rw, *lw;
static unsigned *rl, *ll;
static size_t nr, nl;

static void
neighbours(unsigned w)
{
	for (size_t i = 0; i < nr; i++)
		rw[rl[i]] = 0;
	for (size_t i = 0; i < nl; i++)
		lw[ll[i]] = 0;
	nr = nl = 0;
	for (size_t i = 0; i < nsucc[w]; i++) {
		unsigned c = cls[succ[w][i].w];

		if (succ[w][i].w == w)
			continue;
		if (rw[c] == 0)
			rl[nr++] = c;
		rw[c] += succ[w][i].n;
	}
	for (size_t i = 0; i < npred[w]; i++) {
		unsigned c = cls[pred[w][i].w];

		if (pred[w][i].w == w)
			continue;
		if (lw[c] == 0)
			ll[nl++] = c;
		lw[c] += pred[w][i].n;
	}
}

static long
self(unsigned w)
{
	for (size_t i = 0; i < nsucc[w]; i++)
		if (succ[w][i].w == w)
			return succ[w][i].n;
	return 0;
}

/* Add (sign 1) or take away (-1) word w's counts to class b's. */
static void
move(unsigned w, unsigned b, int sign, long sw)
{
	for (size_t i = 0; i < nr; i++)
		cc[(size_t)b * nclass + rl[i]] += sign * rw[rl[i]];
	for (size_t i = 0; i < nl; i++)
		cc[(size_t)ll[i] * nclass + b] += sign * lw[ll[i]];
	cc[(size_t)b * nclass + b] += sign * sw;
	cn[b] += sign * count[w];
}

/* The change in the likelihood of putting word w in class b, its
 * counts out of every class. */
static double
gain(unsigned w, unsigned b, long sw)
{
	double d = 0;
	long bb = cc[(size_t)b * nclass + b], add = sw;

	for (size_t i = 0; i < nr; i++) {
		unsigned c = rl[i];
		long x = cc[(size_t)b * nclass + c];

		if (c == b) {
			add += rw[c];
			continue;
		}
		d += xlogx(x + rw[c]) - xlogx(x);
	}
	for (size_t i = 0; i < nl; i++) {
		unsigned c = ll[i];
		long x = cc[(size_t)c * nclass + b];

		if (c == b) {
			add += lw[c];
			continue;
		}
		d += xlogx(x + lw[c]) - xlogx(x);
	}
	d += xlogx(bb + add) - xlogx(bb);
	d -= 2 * (xlogx(cn[b] + count[w]) - xlogx(cn[b]));
	return d;
}

static void
exchange(void)
{
	cc = kh_malloc((size_t)nclass * nclass * sizeof(*cc));
	memset(cc, 0, (size_t)nclass * nclass * sizeof(*cc));
	cn = kh_malloc(nclass * sizeof(*cn));
	memset(cn, 0, nclass * sizeof(*cn));
	cls = kh_malloc(nv * sizeof(*cls));
	flog = kh_malloc(FLOG * sizeof(*flog));
	flog[0] = 0;
	for (long x = 1; x < FLOG; x++)
		flog[x] = (double)x * log((double)x);
	rw = kh_malloc(nclass * sizeof(*rw));
	lw = kh_malloc(nclass * sizeof(*lw));
	memset(rw, 0, nclass * sizeof(*rw));
	memset(lw, 0, nclass * sizeof(*lw));
	rl = kh_malloc(nclass * sizeof(*rl));
	ll = kh_malloc(nclass * sizeof(*ll));
	/* RARE and EDGE have classes of their own; the commonest words
	 * one each, the others in turn */
	for (unsigned w = 0; w < nv; w++)
		cls[w] = w < nclass ? w : 2 + (w - 2) % (nclass - 2);
	for (unsigned w = 0; w < nv; w++) {
		for (size_t i = 0; i < nsucc[w]; i++)
			cc[(size_t)cls[w] * nclass + cls[succ[w][i].w]] +=
			    succ[w][i].n;
		cn[cls[w]] += count[w];
	}
	for (unsigned it = 0; it < iters; it++) {
		size_t moved = 0;

		for (unsigned w = 2; w < nv; w++) {
			unsigned a = cls[w], best = a;
			long sw = self(w);
			double g, top;

			neighbours(w);
			move(w, a, -1, sw);
			top = gain(w, a, sw);
			for (unsigned b = 2; b < nclass; b++) {
				if (b == a)
					continue;
				if ((g = gain(w, b, sw)) > top + 1e-9) {
					top = g;
					best = b;
				}
			}
			/* the class counts of w's neighbours do not change,
			 * only w's: its lists stay right for the new class */
			move(w, best, 1, sw);
			cls[w] = best;
			moved += best != a;
		}
		kh_warn("pass %u: %zu of %u words moved", it + 1, moved, nv - 2);
		if (moved * 1000 < nv)
			break;
	}
}

static int
by_key(const void *a, const void *b)
{
	const struct word *x = *(struct word *const *)a;
	const struct word *y = *(struct word *const *)b;

	return strcmp(x->key, y->key);
}

static void
option(int c, char *arg)
{
	char *end;
	unsigned long v;

	if (c == 'l') {
		fold = 1;
		return;
	}
	errno = 0;
	v = strtoul(arg, &end, 10);
	if (errno || *end || end == arg || v > 100000)
		kh_die("-%c %s: out of range", c, arg);
	switch (c) {
	case 'c':
		if (v < 4 || v > 4096)
			kh_die("-c %s: out of range", arg);
		nclass = v;
		break;
	case 'i':
		iters = v;
		break;
	case 'm':
		if (v < 1)
			kh_die("-m %s: out of range", arg);
		mincount = v;
		break;
	default:
		kh_usage();
	}
}

int
main(int argc, char **argv)
{
	static const struct kh_cli cli = {
		.usage = "[-hl] [-c classes] [-i passes] [-m count] [file ...]",
		.help = "  -c classes        how many classes (256)\n"
		    "  -i passes         passes over the words at most (20)\n"
		    "  -l                Latin words in lower case\n"
		    "  -m count          least count of a word (3)\n",
		.shortopts = "c:i:lm:",
		.opt = option,
	};
	int i = kh_options(argc, argv, &cli);
	struct word **out;
	size_t k = 0;

	if (i == argc) {
		read_text(stdin);
	} else {
		for (; i < argc; i++) {
			FILE *f = strcmp(argv[i], "-") == 0 ? stdin :
			    fopen(argv[i], "r");

			if (f == NULL)
				kh_die("%s:", argv[i]);
			read_text(f);
			if (f != stdin)
				fclose(f);
		}
	}
	bigrams();
	if (nv < nclass + 2)
		kh_die("%u words seen %u times: too few for %u classes",
		    nv - 2, mincount, nclass);
	exchange();
	out = kh_malloc(nv * sizeof(*out));
	for (unsigned w = 2; w < nv; w++)
		out[k++] = byid[w];
	qsort(out, k, sizeof(*out), by_key);
	for (size_t j = 0; j < k; j++)
		printf("%s\t%u\n", out[j]->key, cls[out[j]->id] - 1);
	if (fflush(stdout) == EOF || ferror(stdout))
		kh_die("standard output:");
	return 0;
}
