/*
 * tok.c: cut Bengali and English text into tokens with NFC keys.
 *
 * Most Bengali news text is NFC already; a token goes through ICU's
 * normaliser only when it holds a character that NFC would change
 * (ড়, ঢ়, য় as one code point, া or ৗ after ে, a nukta after a
 * hasanta) or any non-ASCII Latin, so the common case costs a copy.
 */
#include <pthread.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "khobor.h"
#include "tok.h"

enum kind { K_SPACE, K_NEWLINE, K_JOINER, K_MARK, K_BN, K_LATIN,
	K_DIGIT, K_LETTER, K_END, K_PUNCT };

static enum kind kind_slow(uint32_t c);

/* inline for the common code points, ASCII and Bengali */
static inline enum kind
kind(uint32_t c)
{
	if (c == ' ')
		return K_SPACE;
	if (c >= 0x0980 && c <= 0x09ff) {
		if (c >= 0x09e6 && c <= 0x09ef)
			return K_DIGIT;
		if (c >= 0x09f2 && c <= 0x09fb)
			return K_PUNCT;
		return K_BN;
	}
	return kind_slow(c);
}

/* The code points kind() leaves: not ' ', not U+0980..U+09FF. */
static enum kind
kind_slow(uint32_t c)
{
	if (c < 0x80) {
		if (c == '\n')
			return K_NEWLINE;
		if (c == ' ' || c == '\t' || c == '\r' || c == '\f' ||
		    c == '\v')
			return K_SPACE;
		if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
			return K_LATIN;
		if (c >= '0' && c <= '9')
			return K_DIGIT;
		if (c == '?' || c == '!')
			return K_END;
		return c < 0x20 || c == 0x7f ? K_SPACE : K_PUNCT;
	}
	/* kind() took the Bengali block */
	if (c == 0x0964 || c == 0x0965)
		return K_END;
	if (c == 0x200c || c == 0x200d)
		return K_JOINER;
	if (c == 0xa0 || (c >= 0x2000 && c <= 0x200b) || c == 0x2028 ||
	    c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000 ||
	    c == 0xfeff || (c >= 0x80 && c < 0xa0))
		return K_SPACE;
	if (c >= 0xc0 && c <= 0x24f && c != 0xd7 && c != 0xf7)
		return K_LATIN;
	if (c >= 0x300 && c <= 0x36f)
		return K_MARK;
	if (c == 0xfffd)
		return K_PUNCT;
	if (U_GET_GC_MASK(c) & U_GC_M_MASK)
		return K_MARK;
	if (u_isalpha(c))
		return K_LETTER;
	if (u_isdigit(c))
		return K_DIGIT;
	if (u_isspace(c))
		return K_SPACE;
	return K_PUNCT;
}

static void
keys_room(struct sent *s, size_t n)
{
	if (s->klen + n + 1 > s->kcap) {
		while (s->klen + n + 1 > s->kcap)
			s->kcap = s->kcap ? s->kcap * 2 : 4096;
		s->keys = kh_realloc(s->keys, s->kcap);
	}
}

/* The key of text[b..e) through ICU's NFC into s->keys at s->klen;
 * on any ICU failure the bytes as they are. */
static void
key_nfc(struct sent *s, const char *text, size_t b, size_t e)
{
	UChar in[256], out[512];
	UErrorCode st = U_ZERO_ERROR;
	const UNormalizer2 *nfc = unorm2_getNFCInstance(&st);
	int32_t n = 0, m = 0, k = 0;

	if (U_SUCCESS(st))
		u_strFromUTF8Lenient(in, 256, &n, text + b, (int32_t)(e - b),
		    &st);
	if (U_SUCCESS(st) && n <= 256)
		m = unorm2_normalize(nfc, in, n, out, 512, &st);
	if (U_SUCCESS(st) && n <= 256 && m <= 512) {
		keys_room(s, (size_t)m * 3);
		u_strToUTF8(s->keys + s->klen, (int32_t)(s->kcap - s->klen),
		    &k, out, m, &st);
		if (U_SUCCESS(st)) {
			s->klen += k;
			return;
		}
	}
	keys_room(s, e - b);
	memcpy(s->keys + s->klen, text + b, e - b);
	s->klen += e - b;
}

/* Append the key of the token text[b..e): joiners dropped, NFC. */
static void
key_add(struct sent *s, const char *text, size_t b, size_t e, int nfc)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = b, n;
	uint32_t c;

	if (nfc) {
		key_nfc(s, text, b, e);
	} else if (memchr(text + b, 0xe2, e - b) == NULL) {
		/* no ZWJ or ZWNJ (E2 80 8C, E2 80 8D): the bytes as they are */
		keys_room(s, e - b);
		memcpy(s->keys + s->klen, text + b, e - b);
		s->klen += e - b;
	} else {
		keys_room(s, e - b);
		while (i < e) {
			c = kh_utf8_next(u + i, e - i, &n);
			if (c != 0x200c && c != 0x200d) {
				memcpy(s->keys + s->klen, text + i, n);
				s->klen += n;
			}
			i += n;
		}
	}
	s->keys[s->klen] = '\0';
}

#define SCACHE 4096	/* Bengali keys whose stems are kept */
#define SKEY 52		/* longer keys are stripped each time */

/* The stems of recent Bengali keys: the same words come again and
 * again, and suffix_strip tries many suffixes.  A thread's own: it
 * changes with every word. */
static _Thread_local struct scache {
	char key[SKEY];
	uint8_t klen, nstem;	/* klen 0: empty */
	uint16_t stem[TOK_STEMS];
} scache[SCACHE];

/* t's stems (t->key at key, t->kh set), through the cache. */
static void
stems(struct tok *t, const char *key)
{
	size_t st[TOK_STEMS];
	int k;

	if (t->klen > 0 && t->klen <= SKEY) {
		struct scache *c = &scache[t->kh % SCACHE];

		if (c->klen == t->klen && memcmp(c->key, key, t->klen) == 0) {
			t->nstem = c->nstem;
			memcpy(t->stem, c->stem, sizeof(t->stem));
			return;
		}
		k = suffix_strip(key, t->klen, st, TOK_STEMS);
		for (int j = 0; j < k; j++)
			t->stem[j] = c->stem[j] = (uint16_t)st[j];
		t->nstem = c->nstem = k;
		c->klen = t->klen;
		memcpy(c->key, key, t->klen);
		return;
	}
	k = suffix_strip(key, t->klen, st, TOK_STEMS);
	for (int j = 0; j < k; j++)
		t->stem[j] = (uint16_t)st[j];
	t->nstem = k;
}

static void
tok_add(struct sent *s, const char *text, size_t b, size_t e, size_t cb,
    size_t ce, int cls, int glued, int nfc)
{
	struct tok *t;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 64;
		s->t = kh_realloc(s->t, s->cap * sizeof(*s->t));
	}
	t = &s->t[s->n++];
	t->bstart = b, t->bend = e;
	t->start = cb, t->end = ce;
	t->cls = cls;
	t->glued = glued;
	t->key = s->klen;
	key_add(s, text, b, e, nfc);
	t->klen = s->klen - t->key;
	s->klen++;	/* keep the NUL */
	t->kh = tok_hash(s->keys + t->key, t->klen);
	t->nstem = 0;
	if (cls == TOK_BN && t->klen < 65536)
		stems(t, s->keys + t->key);
}

/* Whether a word of kind k goes on with a code point of kind c. */
static int
goes_on(enum kind k, enum kind c)
{
	if (c == K_MARK || c == K_JOINER)
		return k != K_DIGIT || c == K_MARK;
	return c == k;
}

/* Whether Bengali c after prev is a spot NFC would change. */
static inline int
bn_nfc(uint32_t prev, uint32_t c)
{
	return (c == 0x09dc || c == 0x09dd || c == 0x09df) ||
	    (prev == 0x09c7 && (c == 0x09be || c == 0x09d7)) ||
	    (prev == 0x09cd && c == 0x09bc);
}

/* The code points bn_nfc looks at, as bits of c - 0x980. */
#define NFC_LO (1ULL << 0x3c | 1ULL << 0x3e)
#define NFC_HI (1ULL << (0x57 - 64) | 1ULL << (0x5c - 64) | \
	1ULL << (0x5d - 64) | 1ULL << (0x5f - 64))

/* A Bengali word's run of U+0980..U+09FF from *i, three bytes each,
 * the common case, without decoding or classing: a letter or sign goes
 * on the word; returns 1 at a digit or a sign of money, which ends it,
 * else 0 at the first other byte, for the general test. */
static inline int
bn_run(const unsigned char *u, size_t len, size_t *i, size_t *c0,
    uint32_t *prev, int *nfc)
{
	size_t at = *i, cps = *c0;
	uint32_t c, p = *prev, o;
	int ret = 0;

	while (len - at > 2 && u[at] == 0xe0 && (u[at + 1] & 0xfe) == 0xa6 &&
	    (u[at + 2] & 0xc0) == 0x80) {
		o = ((u[at + 1] & 1) << 6) + (u[at + 2] & 0x3f);
		c = 0x980 + o;
		if ((c >= 0x09e6 && c <= 0x09ef) ||
		    (c >= 0x09f2 && c <= 0x09fb)) {
			ret = 1;
			break;
		}
		if (((o < 64 ? NFC_LO >> o : NFC_HI >> (o - 64)) & 1) &&
		    bn_nfc(p, c))
			*nfc = 1;
		p = c;
		at += 3, cps++;
	}
	*i = at, *c0 = cps, *prev = p;
	return ret;
}

/* Whether the '.' that is the last token of s ends an abbreviation
 * or an initial, not the sentence: মো., ড., এ.কে.এম., Mr., J. */
static int
abbrev(const struct sent *s)
{
	static const char *const titles[] = { "Capt", "Col", "Dr", "Gen",
	    "Gov", "Lt", "Mr", "Mrs", "Ms", "Prof", "Rep", "Rev", "Sen",
	    "Sgt", "St" };
	const struct tok *t;
	const char *key;

	if (s->n < 2 || !s->t[s->n - 1].glued)
		return 0;
	t = &s->t[s->n - 2];
	key = tok_key(s, s->n - 2);
	if (t->cls == TOK_BN)
		return t->end - t->start <= 2 && strcmp(key, "না") != 0;
	if (t->cls != TOK_LATIN)
		return 0;
	if (t->klen == 1)
		return key[0] >= 'A' && key[0] <= 'Z';
	for (size_t i = 0; i < sizeof(titles) / sizeof(titles[0]); i++)
		if (strcmp(key, titles[i]) == 0)
			return 1;
	return 0;
}

int
sent_next(struct sent *s, const char *text, size_t len, size_t *pos,
    size_t *cp)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t i = *pos, c0 = *cp, n, b, cb;
	int glued = 0, nfc;
	uint32_t c, prev;
	enum kind k, w;

	s->n = 0;
	s->klen = 0;
	if (i >= len)
		return 0;
	while (i < len && s->n < SENT_MAX) {
		c = kh_utf8_next(u + i, len - i, &n);
		k = kind(c);
		if (k == K_SPACE || k == K_NEWLINE ||
		    (k == K_JOINER)) {
			i += n, c0++;
			glued = 0;
			if (k == K_NEWLINE && s->n > 0)
				break;
			continue;
		}
		b = i, cb = c0;
		if (k == K_BN || k == K_LATIN || k == K_DIGIT ||
		    k == K_LETTER) {
			w = k;
			nfc = 0;
			prev = 0;
			for (;;) {
				if (w == K_BN && bn_nfc(prev, c))
					nfc = 1;
				else if (c >= 0x80 && w != K_BN)
					nfc = 1;
				prev = c;
				i += n, c0++;
				if (w == K_BN && bn_run(u, len, &i, &c0, &prev,
				    &nfc))
					break;
				if (i >= len)
					break;
				c = kh_utf8_next(u + i, len - i, &n);
				if (!goes_on(w, kind(c)))
					break;
			}
			tok_add(s, text, b, i, cb, c0,
			    w == K_BN ? TOK_BN : w == K_LATIN ? TOK_LATIN :
			    w == K_DIGIT ? TOK_DIGIT : TOK_OTHER, glued,
			    nfc);
			glued = 1;
			continue;
		}
		/* punctuation, a mark alone: one token each; a byte that is
		 * not UTF-8 has the key U+FFFD, so keys are always UTF-8 */
		i += n, c0++;
		if (c == 0xfffd && n == 1) {
			size_t at = s->n;

			tok_add(s, "\xef\xbf\xbd", 0, 3, cb, c0, TOK_PUNCT, glued,
			    0);
			s->t[at].bstart = b, s->t[at].bend = i;
		} else {
			tok_add(s, text, b, i, cb, c0, TOK_PUNCT, glued, 0);
		}
		glued = 1;
		if (k == K_END || (c == '.' && (i >= len || u[i] == ' ' ||
		    u[i] == '\n') && !abbrev(s)))
			break;
	}
	*pos = i, *cp = c0;
	return 1;
}

void
sent_all(struct sent *s, const char *text, size_t len)
{
	/* kept: a gazetteer of thousands of names calls this for each */
	static struct sent one;
	size_t pos = 0, cp = 0, base;

	s->n = 0;
	s->klen = 0;
	while (sent_next(&one, text, len, &pos, &cp)) {
		for (size_t i = 0; i < one.n; i++) {
			base = s->klen;
			keys_room(s, one.t[i].klen);
			memcpy(s->keys + base, tok_key(&one, i),
			    one.t[i].klen + 1);
			if (s->n == s->cap) {
				s->cap = s->cap ? s->cap * 2 : 16;
				s->t = kh_realloc(s->t, s->cap * sizeof(*s->t));
			}
			s->t[s->n] = one.t[i];
			s->t[s->n].key = base;
			s->n++;
			s->klen = base + one.t[i].klen + 1;
		}
	}
}

void
sent_free(struct sent *s)
{
	free(s->t);
	free(s->keys);
	memset(s, 0, sizeof(*s));
}

/* Whether a code point of kind k goes on a word. */
static int
wordy(enum kind k)
{
	return k == K_BN || k == K_LATIN || k == K_DIGIT || k == K_LETTER ||
	    k == K_MARK || k == K_JOINER;
}

int
tok_word_before(const char *text, size_t pos)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t b = pos, n;

	if (pos == 0)
		return 0;
	do
		b--;
	while (b > 0 && pos - b < 4 && (u[b] & 0xc0) == 0x80);
	return wordy(kind(kh_utf8_next(u + b, pos - b, &n)));
}

size_t
tok_word_end(const char *text, size_t len, size_t pos)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t n;

	while (pos < len && wordy(kind(kh_utf8_next(u + pos, len - pos, &n))))
		pos += n;
	return pos;
}

size_t
tok_cps(const char *text, size_t from, size_t to)
{
	const unsigned char *u = (const unsigned char *)text;
	size_t k = 0, n;

	while (from < to) {
		kh_utf8_next(u + from, to - from, &n);
		from += n;
		k++;
	}
	return k;
}
