/*
 * translit.c: Bengali words in Latin letters: the table's spelling, or
 * one by rule: each letter as names are spelt in English (শ sh, ব b,
 * the inherent vowel a), the inherent vowel dropped at the end of a
 * word but after a cluster (চন্দ্র Chandra) and between a vowel and a
 * consonant with a vowel (রহমান Rahman, মনসুর Mansur), as most names in
 * South Asian English have it.
 */
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "lex.h"
#include "translit.h"

struct translit {
	struct lex *x;		/* word -> line, from 1 */
	const char **latin;	/* each line's Latin word, NUL-less */
	size_t *llen, n;
};

struct translit *
translit_new(const char *text, size_t len, const char *path)
{
	struct translit *t = kh_malloc(sizeof(*t));
	const char *p, *e = text + len, *nl, *tab;
	unsigned long lineno = 0;
	size_t lines = 0;

	for (p = text; p < e && (p = memchr(p, '\n', e - p)) != NULL; p++)
		lines++;
	t->x = lex_new();
	lex_reserve(t->x, lines + 1);
	t->latin = kh_malloc((lines + 2) * sizeof(*t->latin));
	t->llen = kh_malloc((lines + 2) * sizeof(*t->llen));
	t->n = 0;
	for (p = text; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', e - p)) == NULL)
			nl = e;
		lineno++;
		if (nl == p || *p == '#')
			continue;
		tab = memchr(p, '\t', nl - p);
		if (tab == NULL || tab == p || tab + 1 == nl || t->n + 1 >=
		    65535) {
			kh_warn("%s:%lu: not word<TAB>latin; left out", path,
			    lineno);
			continue;
		}
		t->latin[t->n + 1] = tab + 1;
		t->llen[t->n + 1] = nl - tab - 1;
		lex_or(t->x, p, tab - p, t->n + 1);
		t->n++;
	}
	return t;
}

void
translit_free(struct translit *t)
{
	if (t == NULL)
		return;
	lex_free(t->x);
	free(t->latin);
	free(t->llen);
	free(t);
}

/* Letters of U+0980..U+09FF: their Latin, and what they are. */
enum { X, V, C, S, H, N };	/* other, vowel, consonant, sign, hasanta,
				 * nasal or visarga after a vowel */
static const struct {
	unsigned char kind;
	const char *latin;
} bn[128] = {
	[0x01] = { N, "" }, [0x02] = { N, "ng" }, [0x03] = { N, "h" },
	[0x05] = { V, "a" }, [0x06] = { V, "a" }, [0x07] = { V, "i" },
	[0x08] = { V, "i" }, [0x09] = { V, "u" }, [0x0a] = { V, "u" },
	[0x0b] = { V, "ri" }, [0x0f] = { V, "e" }, [0x10] = { V, "oi" },
	[0x13] = { V, "o" }, [0x14] = { V, "ou" },
	[0x15] = { C, "k" }, [0x16] = { C, "kh" }, [0x17] = { C, "g" },
	[0x18] = { C, "gh" }, [0x19] = { C, "ng" }, [0x1a] = { C, "ch" },
	[0x1b] = { C, "chh" }, [0x1c] = { C, "j" }, [0x1d] = { C, "jh" },
	[0x1e] = { C, "n" }, [0x1f] = { C, "t" }, [0x20] = { C, "th" },
	[0x21] = { C, "d" }, [0x22] = { C, "dh" }, [0x23] = { C, "n" },
	[0x24] = { C, "t" }, [0x25] = { C, "th" }, [0x26] = { C, "d" },
	[0x27] = { C, "dh" }, [0x28] = { C, "n" }, [0x2a] = { C, "p" },
	[0x2b] = { C, "f" }, [0x2c] = { C, "b" }, [0x2d] = { C, "bh" },
	[0x2e] = { C, "m" }, [0x2f] = { C, "j" }, [0x30] = { C, "r" },
	[0x32] = { C, "l" }, [0x36] = { C, "sh" }, [0x37] = { C, "sh" },
	[0x38] = { C, "s" }, [0x39] = { C, "h" },
	[0x3e] = { S, "a" }, [0x3f] = { S, "i" }, [0x40] = { S, "i" },
	[0x41] = { S, "u" }, [0x42] = { S, "u" }, [0x43] = { S, "ri" },
	[0x47] = { S, "e" }, [0x48] = { S, "oi" }, [0x4b] = { S, "o" },
	[0x4c] = { S, "ou" }, [0x4d] = { H, "" }, [0x4e] = { C, "t" },
	[0x5c] = { C, "r" }, [0x5d] = { C, "rh" }, [0x5f] = { C, "y" },
	[0x60] = { V, "ri" },
};

#define UNITS 48

/* A syllable: consonants, then a vowel: its own, the inherent one
 * (inh), or none. */
struct unit {
	char cons[16];
	const char *vow;	/* NULL: inherent or none */
	const char *tail;	/* ng, h after the vowel */
	unsigned char inh;
};

static void
cat(char *d, size_t cap, const char *s)
{
	size_t n = strlen(d), k = strlen(s);

	if (n + k < cap) {
		memcpy(d + n, s, k);
		d[n + k] = '\0';
	}
}

/* By rule; returns the length, 0 when it does not fit.  medial: keep
 * the inherent vowels inside the word (মমতা Mamata, not Mamta). */
static size_t
by_rule(const char *key, size_t len, char *out, size_t cap, int medial)
{
	struct unit u[UNITS];
	unsigned cp[96];
	size_t n = 0, nu = 0, k = 0, i;

	/* the code points, all of the Bengali block or nothing */
	for (i = 0; i + 3 <= len && n < sizeof(cp) / sizeof(cp[0]); i += 3) {
		const unsigned char *b = (const unsigned char *)key + i;

		if (b[0] != 0xe0 || (b[1] & 0xfe) != 0xa6 || (b[2] & 0xc0) !=
		    0x80)
			return 0;
		cp[n++] = ((b[1] & 1) << 6) + (b[2] & 0x3f);
	}
	if (i != len)
		return 0;
	for (i = 0; i < n && nu < UNITS; i++) {
		unsigned c = cp[i], kind = bn[c].kind;
		struct unit *p = nu > 0 ? &u[nu - 1] : NULL;

		/* a nukta makes ড ঢ য the letters ড় ঢ় য় */
		if (c == 0x3c && p != NULL && p->vow == NULL && p->inh) {
			size_t m = strlen(p->cons);
			const char *r = NULL;

			if (i > 0 && cp[i - 1] == 0x21)
				r = "r";
			else if (i > 0 && cp[i - 1] == 0x22)
				r = "rh";
			else if (i > 0 && cp[i - 1] == 0x2f)
				r = "y";
			if (r != NULL && m >= strlen(bn[cp[i - 1]].latin)) {
				p->cons[m - strlen(bn[cp[i - 1]].latin)] = '\0';
				cat(p->cons, sizeof(p->cons), r);
			}
			continue;
		}
		switch (kind) {
		case V:
			/* অ্যা: the a of English (অ্যান্ডারসন Anderson) */
			if (c == 0x05 && i + 2 < n && cp[i + 1] == 0x4d &&
			    cp[i + 2] == 0x2f) {
				i += 2;
				if (i + 1 < n && cp[i + 1] == 0x3e)
					i++;
			}
			memset(&u[nu], 0, sizeof(u[nu]));
			u[nu].vow = bn[c].latin;
			nu++;
			break;
		case C:
			/* after a hasanta: ্য, ্র, ্ল go on the consonant
			 * before, ্ব is silent but at the start (স্বপন) */
			if (p != NULL && i > 0 && cp[i - 1] == 0x4d && p->vow ==
			    NULL && (c == 0x2f || c == 0x30 || c == 0x32 ||
			    c == 0x2c)) {
				if (c == 0x2f)
					cat(p->cons, sizeof(p->cons), "y");
				else if (c != 0x2c)
					cat(p->cons, sizeof(p->cons), bn[c].latin);
				else if (nu == 1)
					cat(p->cons, sizeof(p->cons), "w");
				p->inh = 1;
				break;
			}
			memset(&u[nu], 0, sizeof(u[nu]));
			cat(u[nu].cons, sizeof(u[nu].cons), bn[c].latin);
			u[nu].inh = c != 0x4e;	/* ৎ has none */
			nu++;
			break;
		case S:
			if (p != NULL && p->vow == NULL && p->cons[0] != '\0') {
				p->vow = bn[c].latin;
				p->inh = 0;
			} else {
				memset(&u[nu], 0, sizeof(u[nu]));
				u[nu++].vow = bn[c].latin;
			}
			break;
		case H:
			if (p != NULL && p->vow == NULL)
				p->inh = 0;
			break;
		case N:
			if (p != NULL)
				p->tail = bn[c].latin;
			break;
		default:
			break;
		}
	}
	if (nu == 0)
		return 0;
	/* the inherent vowel: none at the end of a word of two syllables
	 * or more, none between a vowel and a consonant with one */
	if (nu > 1 && u[nu - 1].inh && u[nu - 1].tail == NULL &&
	    u[nu - 1].cons[1] != 'r' && (u[nu - 2].vow != NULL ||
	    u[nu - 2].inh))
		u[nu - 1].inh = 0;
	for (i = nu - 1; !medial && i-- > 1;)
		if (u[i].inh && u[i].tail == NULL && (u[i - 1].vow != NULL ||
		    u[i - 1].inh) && u[i + 1].cons[0] != '\0' &&
		    (u[i + 1].vow != NULL || u[i + 1].inh))
			u[i].inh = 0;
	out[0] = '\0';
	for (i = 0; i < nu; i++) {
		cat(out, cap, u[i].cons);
		if (u[i].vow != NULL)
			cat(out, cap, u[i].vow);
		else if (u[i].inh)
			cat(out, cap, "a");
		/* ং before k or g is n (বাংলা Bangla) */
		if (u[i].tail != NULL)
			cat(out, cap, u[i].tail[0] == 'n' && i + 1 < nu &&
			    (u[i + 1].cons[0] == 'k' || u[i + 1].cons[0] ==
			    'g') ? "n" : u[i].tail);
	}
	k = strlen(out);
	if (k == 0 || k + 1 >= cap)
		return 0;
	if (out[0] >= 'a' && out[0] <= 'z')
		out[0] -= 32;
	return k;
}

size_t
translit_word(const struct translit *t, const char *key, size_t len,
    char *out, size_t cap)
{
	unsigned line = t != NULL ? lex_get(t->x, key, len) : 0;

	if (line != 0 && t->llen[line] + 1 < cap) {
		memcpy(out, t->latin[line], t->llen[line]);
		out[t->llen[line]] = '\0';
		if (out[0] >= 'a' && out[0] <= 'z')
			out[0] -= 32;
		return t->llen[line];
	}
	return by_rule(key, len, out, cap, 0);
}

size_t
translit_medial(const char *key, size_t len, char *out, size_t cap)
{
	return by_rule(key, len, out, cap, 1);
}
