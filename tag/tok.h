/*
 * tok.h: words of Bengali and English text for the entity tagger.
 *
 * A text is cut into tokens: runs of Bengali letters and signs (with
 * ZWJ/ZWNJ inside), runs of Latin letters, runs of digits, and single
 * other characters (punctuation).  Each token keeps its place in the
 * text in code points and bytes, and a key: its NFC form without
 * ZWJ/ZWNJ, which is what the gazetteer and the model see.
 */
#ifndef TOK_H
#define TOK_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

enum tok_cls { TOK_BN, TOK_LATIN, TOK_DIGIT, TOK_PUNCT, TOK_OTHER };
#define TOK_STEMS 4

struct tok {
	size_t start, end;	/* code points into the text */
	size_t bstart, bend;	/* bytes into the text */
	uint32_t key, klen;	/* the key: offset and length in keys */
	uint32_t kh;		/* tok_hash of the key, for caches */
	uint8_t cls;		/* enum tok_cls */
	uint8_t glued;		/* no space between this and the previous */
	uint8_t nstem;		/* Bengali: stems a case suffix leaves, */
	uint16_t stem[TOK_STEMS];	/* bytes, longest first */
};

/* The tokens of one sentence (or piece of one), and the bytes of their
 * keys.  Buffers are kept and reused from one sentence to the next. */
struct sent {
	struct tok *t;
	size_t n, cap;
	char *keys;
	size_t klen, kcap;
};

#define SENT_MAX 200	/* a longer sentence is cut into pieces */

/* Read the next sentence of text[*pos..len) into s (emptied first),
 * advancing *pos (bytes) and *cp (code points).  Returns 0 at the end
 * of the text, else 1 (s may still hold no token). */
int sent_next(struct sent *s, const char *text, size_t len, size_t *pos,
	size_t *cp);
/* Tokens of a whole short string (a gazetteer name) into s. */
void sent_all(struct sent *s, const char *text, size_t len);
void sent_free(struct sent *s);

/* Whether the code point that ends at byte pos of text is part of a
 * word (a letter, digit, mark or joiner). */
int tok_word_before(const char *text, size_t pos);
/* The end (bytes) of the word that goes on at byte pos. */
size_t tok_word_end(const char *text, size_t len, size_t pos);
/* Code points in text[from..to), counted as the tokens count them. */
size_t tok_cps(const char *text, size_t from, size_t to);

/* A quick hash of a key, eight bytes at a time: the slot of a cache
 * that keeps what is worked out of a key (the slot is then checked
 * against the key itself). */
static inline uint32_t
tok_hash(const char *key, size_t n)
{
	uint64_t h = n, w;
	size_t i = 0;

	for (; i + 8 <= n; i += 8) {
		memcpy(&w, key + i, 8);
		h = (h ^ w) * 0xd6e8feb86659fd93ULL;
		h ^= h >> 29;
	}
	if (i < n) {
		w = 0;
		memcpy(&w, key + i, n - i);
		h = (h ^ w) * 0xd6e8feb86659fd93ULL;
		h ^= h >> 29;
	}
	return (uint32_t)(h * 0x9e3779b97f4a7c15ULL >> 32);
}

static inline const char *
tok_key(const struct sent *s, size_t i)
{
	return s->keys + s->t[i].key;
}


#endif
