/*
 * words.c: words as store find compares them (find.h).
 */
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "find.h"

/* Whether code point c (n bytes at u) separates words. */
static int
separator(const unsigned char *u, size_t n)
{
	unsigned c;

	if (n == 1)
		return !((u[0] >= '0' && u[0] <= '9') || (u[0] >= 'a' &&
		    u[0] <= 'z') || (u[0] >= 'A' && u[0] <= 'Z') ||
		    u[0] == '_');
	if (n == 2) {
		c = (u[0] & 0x1f) << 6 | (u[1] & 0x3f);
		return c < 0xc0 || c == 0xd7 || c == 0xf7;	/* ¡..¿ × ÷ */
	}
	if (n == 3) {
		c = (u[0] & 0x0f) << 12 | (u[1] & 0x3f) << 6 | (u[2] & 0x3f);
		/* danda, general punctuation, CJK and fullwidth marks */
		return c == 0x964 || c == 0x965 ||
		    (c >= 0x2000 && c <= 0x206f) ||
		    (c >= 0x3000 && c <= 0x303f) ||
		    (c >= 0xff01 && c <= 0xff0f) || c == 0xfeff;
	}
	return 0;
}

/* The next word of s[*at..len): 1 with *b and *e set, 0 at the end. */
int
next_word(const char *s, size_t len, size_t *at, size_t *b, size_t *e)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = *at, n;

	for (;; i += n) {
		if (i >= len)
			return 0;
		kh_utf8_next(u + i, len - i, &n);
		if (!separator(u + i, n))
			break;
	}
	*b = i;
	for (; i < len; i += n) {
		kh_utf8_next(u + i, len - i, &n);
		if (separator(u + i, n))
			break;
	}
	*e = *at = i;
	return 1;
}

static void
word_set(struct word *w, const char *s, size_t n)
{
	w->w = kh_malloc(2 * n + 1);
	w->n = kh_word_fold(s, n, w->w);
	w->w[w->n] = '\0';
	w->nstem = suffix_strip(w->w, w->n, w->stem, NSTEM);
}

void
words_of(struct words *ws, const char *s, size_t len)
{
	size_t at = 0, b, e;

	while (next_word(s, len, &at, &b, &e)) {
		ws->v = kh_realloc(ws->v, (ws->n + 1) * sizeof(*ws->v));
		word_set(&ws->v[ws->n++], s + b, e - b);
	}
}

void
words_free(struct words *ws)
{
	for (size_t i = 0; i < ws->n; i++)
		free(ws->v[i].w);
	free(ws->v);
	memset(ws, 0, sizeof(*ws));
}

/* Whether a and b are one word: equal, or a stem of one is the other
 * or a stem of it. */
int
word_eq(const struct word *a, const struct word *b)
{
	size_t ka[NSTEM + 1], kb[NSTEM + 1];
	int na = 0, nb = 0;

	if (a->n == b->n && memcmp(a->w, b->w, a->n) == 0)
		return 1;
	ka[na++] = a->n;
	for (int i = 0; i < a->nstem; i++)
		ka[na++] = a->stem[i];
	kb[nb++] = b->n;
	for (int i = 0; i < b->nstem; i++)
		kb[nb++] = b->stem[i];
	for (int i = 0; i < na; i++)
		for (int j = 0; j < nb; j++)
			if (ka[i] == kb[j] && memcmp(a->w, b->w, ka[i]) == 0)
				return 1;
	return 0;
}

