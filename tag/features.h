/*
 * features.h: what the entity model sees of a token, shared by the
 * tagger (ner.c) and the trainer (train.c), so both see the same.
 *
 * Labels are BIO over PER, LOC, ORG: 0 is O, 1 + 2 * (type - 1) is
 * B-type and one more is I-type.  Features are hashed into 2^bits
 * buckets; a bucket holds one weight a label.
 */
#ifndef FEATURES_H
#define FEATURES_H

#include <stddef.h>
#include <stdint.h>

#include "gaz.h"
#include "lex.h"
#include "tok.h"

#define NLABEL 7
/* Weights a bucket holds: one a label, padded so that a bucket is 16
 * bytes and never straddles a cache line. */
#define NSTRIDE 8
#define FEAT_MAX 32

static inline int
label_type(int l)
{
	return l == 0 ? T_NONE : (l + 1) / 2;
}

static inline int
label_inside(int l)
{
	return l != 0 && l % 2 == 0;
}

static inline int
label_of(int type, int inside)
{
	return type == T_NONE ? 0 : 1 + 2 * (type - 1) + (inside != 0);
}

/* Whether label l may follow label prev: I-X only after B-X or I-X. */
static inline int
label_ok(int prev, int l)
{
	return !label_inside(l) || (prev != 0 && label_type(prev) ==
	    label_type(l));
}

/* Per-sentence state the features are drawn from: hashes of each
 * token's key and stem, and the gazetteer's labels. */
struct feats {
	uint64_t *hw, *hs, *hx, *hp;	/* word, stem, suffix, shape */
	uint64_t *hl;			/* Latin word in lower case */
	uint64_t (*gh)[TOK_STEMS + 1];	/* gaz_key_hashes */
	uint8_t *gz;			/* gazetteer label of each token */
	uint8_t *lz;			/* the same of the learned names */
	uint8_t *role;			/* ROLE_* of each token's word */
	uint16_t *clu;			/* its cluster, 0: none */
	uint8_t *nm, *nms;		/* NAME_* of its key, of a stem */
	size_t cap;
	struct fcache *cache;		/* hashes of recent keys */
};

/* What the model learned of words besides its weights, from the
 * training data (any may be NULL): its names, and each word's part in
 * them, a ROLE_* number, and its cluster (tag-clusters). */
struct fdata {
	const struct lex *names;	/* names_parse */
	const struct lex *roles;
	const struct lex *clusters;
};

/* The names learned from the training data as a lex: lines
 * key<TAB>type (the keys of a name's tokens joined by a space); each
 * name's key has its type and NAME_FULL, each proper prefix of one
 * NAME_PREFIX.  The keys stay in text, which must outlive x. */
enum { NAME_TYPE = 3, NAME_FULL = 4, NAME_PREFIX = 8 };
void names_parse(struct lex *x, const char *text, size_t len,
	const char *path);

/* A word's part in the names of the training data: the type it is
 * most often a part of, how often (STRONG: in two thirds of the times
 * it is seen at least, else in a fifth), whether mostly after a name's
 * first word (INSIDE); COMMON: seen three times or more, seldom in a
 * name.  0: seen too little. */
enum { ROLE_WEAK = 3, ROLE_INSIDE = 6, ROLE_COMMON = 13 };
static inline unsigned
role_code(int type, int weak, int inside)
{
	return (unsigned)type + (weak ? ROLE_WEAK : 0) +
	    (inside ? ROLE_INSIDE : 0);
}

/* Fill f for sentence s, looking names up in g and what d has.  For
 * each match of g, fn (when not NULL) gets the tokens [i, j), type and
 * norm. */
typedef void gaz_hit_fn(size_t i, size_t j, int type, const char *norm,
	int weak, void *arg);
/* A headline in capitals (DHAKA SAYS) made to read as running text:
 * each Latin word's key in the case of the name it is in g or names
 * (Dhaka), else in lower case, so the model and the gazetteer see what
 * they learned.  The text, spans and offsets stay. */
void feats_truecase(struct sent *s, const struct gaz *g,
	const struct lex *names);
void feats_sent(struct feats *f, const struct sent *s, const struct gaz *g,
	const struct fdata *d, gaz_hit_fn *fn, void *arg);
/* A token's number in x (its key's, else its stems'), 0: none; fold:
 * a Latin word's in lower case. */
unsigned feats_lex(const struct lex *x, const struct sent *s, size_t i,
	int fold);
/* The buckets of token i's features; returns how many (at most
 * FEAT_MAX): those of the word alone (feats_word: the same wherever
 * the word stands, as long as its feats_word_id is the same, so a
 * tagger may keep their sum) and those of its context. */
size_t feats_token(const struct feats *f, const struct sent *s, size_t i,
	unsigned bits, uint32_t *out);
size_t feats_word(const struct feats *f, const struct sent *s, size_t i,
	unsigned bits, uint32_t *out);
size_t feats_context(const struct feats *f, const struct sent *s, size_t i,
	unsigned bits, uint32_t *out);
/* feats_context in parts, for a tagger that keeps sums: token i's
 * own features as the left (right) neighbour of another, i NONE_TOK
 * for the start (end) of the sentence; those of the gazetteer labels
 * (9 for no neighbour); and the rest. */
#define NONE_TOK ((size_t)-1)
size_t feats_as_left(const struct feats *f, size_t i, unsigned bits,
	uint32_t *out);
size_t feats_as_right(const struct feats *f, size_t i, unsigned bits,
	uint32_t *out);
size_t feats_labels(unsigned lz, unsigned gz, unsigned gm1, unsigned gp1,
	unsigned bits, uint32_t *out);
size_t feats_pairs(const struct feats *f, const struct sent *s, size_t i,
	unsigned bits, uint32_t *out);
uint64_t feats_word_id(const struct feats *f, const struct sent *s,
	size_t i);
/* The bucket of the pair (label before, label): the transition
 * weights, prev 0 before the first token. */
uint32_t feats_trans(int prev, unsigned bits);
/* Forget what was looked up of words: the fdata changed. */
void feats_forget(struct feats *f);
void feats_free(struct feats *f);

#endif
