/*
 * bnword.c: Bengali words without ICU: the case suffixes and particles
 * of names (tag strips them to find a name; store find to match one),
 * and the few spots where a Bengali word's bytes differ from its NFC.
 */
#include <pthread.h>
#include <string.h>

#include "khobor.h"

/* Suffixes, longest first (bytes), in NFC: য় is য + nukta. */
static const char *const suffixes[] = {
	"য়েরই", "য়েরও", "দেরকে", "দেরই", "দেরও",
	"য়ের", "েরই", "েরও", "কেই", "কেও", "তেই", "তেও", "য়েই",
	"দের", "য়ে", "এর", "ের", "কে", "তে", "য়", "রা",
	"সহ", "ই", "ও", "র", "ে",
};
#define NSUFFIX (sizeof(suffixes) / sizeof(suffixes[0]))
static size_t suffix_len[NSUFFIX];
/* The suffixes by their last byte: indexes, ended by -1. */
static signed char by_last[256][NSUFFIX + 1];

/* Suffixes a name rarely ends in by itself. */
static const char *const sure[] = {
	"য়েরই", "য়েরও", "দেরকে", "দেরই", "দেরও", "য়ের", "েরই",
	"েরও", "কেই", "কেও", "দের", "এর", "ের", "কে",
};

/* Whether s[0..n) ends a Bengali letter: the stem must end in a letter
 * or a sign that can close a syllable, not a hasanta that wants the
 * suffix's first letter. */
static int
stem_ok(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t cps = 0;

	for (size_t i = 0; i < n && cps < 2; i++)
		cps += (u[i] & 0xc0) != 0x80;
	if (cps < 2 || n < 3)
		return 0;
	/* last code point: three bytes, U+09xx */
	/* a nukta ends a letter (য়, ড়): বিশ্ববিদ্যালয়-ের */
	return !(u[n - 3] == 0xe0 && u[n - 2] == 0xa7 && u[n - 1] == 0x8d);
}

/* Whether a suffix starts with য় (-য়, -য়ের), which follows a vowel
 * only (মায়ের; বিশ্ববিদ্যালয়ের is বিশ্ববিদ্যালয়-ের). */
static int
ya(const char *suf)
{
	return strncmp(suf, "য়", strlen("য়")) == 0;
}

/* Whether s[0..n) ends in a vowel, a vowel sign or ঁ ং ঃ
 * (পিয়ংইয়ং-য়ের). */
static int
vowel_end(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s + n - 3;
	unsigned c;

	if (n < 3 || u[0] != 0xe0 || (u[1] & 0xfe) != 0xa6)
		return 0;
	c = ((u[1] & 1) << 6) + (u[2] & 0x3f);
	return (c >= 0x01 && c <= 0x14) || (c >= 0x3e && c <= 0x4c);
}

/* suffix_len and by_last, once, whatever thread comes first. */
static void
suffix_tables(void)
{
	int fill[256] = { 0 };

	memset(by_last, -1, sizeof(by_last));
	for (size_t i = 0; i < NSUFFIX; i++) {
		unsigned char last;

		suffix_len[i] = strlen(suffixes[i]);
		last = suffixes[i][suffix_len[i] - 1];
		by_last[last][fill[last]++] = (signed char)i;
	}
}

int
suffix_strip(const char *key, size_t klen, size_t *stems, int max)
{
	static pthread_once_t once = PTHREAD_ONCE_INIT;
	int k = 0;

	const signed char *ix;

	pthread_once(&once, suffix_tables);
	/* every suffix ends in U+09xx: most words are out at once */
	if (klen < 6 || (unsigned char)key[klen - 3] != 0xe0)
		return 0;
	ix = by_last[(unsigned char)key[klen - 1]];
	for (; *ix >= 0 && k < max; ix++) {
		size_t n = suffix_len[*ix], j = n;
		const char *suf = suffixes[*ix], *end = key + klen - n;

		if (n >= klen)
			continue;
		/* from the end: the last byte is known, the one before
		 * tells most suffixes apart */
		while (j > 0 && end[j - 1] == suf[j - 1])
			j--;
		if (j == 0 && stem_ok(key, klen - n) && (!ya(suf) ||
		    vowel_end(key, klen - n)))
			stems[k++] = klen - n;
	}
	return k;
}

int
suffix_sure(const char *key, size_t klen, size_t n)
{
	for (size_t i = 0; i < sizeof(sure) / sizeof(sure[0]); i++)
		if (strlen(sure[i]) == klen - n &&
		    memcmp(key + n, sure[i], klen - n) == 0)
			return 1;
	return 0;
}


/* U+09xx as its three UTF-8 bytes */
#define BN0 0xe0
#define BN1(c) (0xa4 | ((c) >> 6 & 3))
#define BN2(c) (0x80 | ((c) & 0x3f))

static unsigned
bn_at(const unsigned char *u, size_t left)
{
	if (left < 3 || u[0] != BN0 || (u[1] & 0xfc) != 0xa4 ||
	    (u[2] & 0xc0) != 0x80)
		return 0;
	return ((unsigned)(u[1] & 3) << 6 | (u[2] & 0x3f)) + 0x900;
}

size_t
kh_word_fold(const char *s, size_t n, char *out)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0;
	unsigned c, next;

	while (i < n) {
		c = bn_at(u + i, n - i);
		if (c == 0) {
			out[o++] = u[i] >= 'A' && u[i] <= 'Z' ? u[i] + 32 :
			    (char)u[i];
			i++;
			continue;
		}
		i += 3;
		next = bn_at(u + i, n - i);
		if (c == 0x9dc || c == 0x9dd || c == 0x9df) {
			/* excluded from composition: letter and nukta */
			c = c == 0x9dc ? 0x9a1 : c == 0x9dd ? 0x9a2 : 0x9af;
			next = 0;
			out[o++] = BN0, out[o++] = BN1(c), out[o++] = BN2(c);
			c = 0x9bc;
		} else if (c == 0x9c7 && (next == 0x9be || next == 0x9d7)) {
			c = next == 0x9be ? 0x9cb : 0x9cc;
			i += 3;
		}
		out[o++] = BN0, out[o++] = BN1(c), out[o++] = BN2(c);
	}
	return o;
}
