/*
 * find.h: what find.c, words.c and terms.c share (store/ only).
 *
 * Words are compared folded (kh_word_fold: ASCII in lower case, Bengali
 * as NFC has it) and with Bengali case suffixes stripped as tag strips
 * them: two words are one when they are equal or a stem of one is the
 * other or a stem of it.
 */
#ifndef FIND_H
#define FIND_H

#include <stddef.h>
#include <stdint.h>

#include "archive.h"

#define NSTEM 4		/* stems of a word compared */

/* A word, folded, and the stems its Bengali case suffixes leave. */
struct word {
	char *w;
	size_t n;
	size_t stem[NSTEM];
	int nstem;
};

/* A list of words (a name, --text). */
struct words {
	struct word *v;
	size_t n;
};

/* words.c */
/* The next word of s[*at..len): 1 with *b and *e set, 0 at the end. */
int next_word(const char *s, size_t len, size_t *at, size_t *b, size_t *e);
/* The words of s, each folded with its stems, added to ws. */
void words_of(struct words *ws, const char *s, size_t len);
void words_free(struct words *ws);
int word_eq(const struct word *a, const struct word *b);

/*
 * terms.c: the find index.  Beside each data file, DATA.terms holds a
 * Bloom filter for each unit of the terms of its records (entity words,
 * text words, sites, languages, stories: term_* below), so that find
 * decompresses only the units that may hold an answer.  A filter is used
 * for a unit only when the unit's sizes and its frame's checksum are
 * those it was made from: a data file cut back and written again, or a
 * file of another archive, costs a scan, never a wrong answer.
 */
#define TERM_ENTITY 'e'	/* a word of an entity's norm or mention */
#define TERM_WORD 'w'	/* a word of the title or text */
#define TERM_SITE 's'	/* a site member, a host or a domain above it */
#define TERM_LANG 'l'	/* a language tag or a shorter one of it */
#define TERM_STORY 't'	/* a story id */

uint64_t term_hash(int ns, const char *s, size_t n);

/* A unit's terms, gathered record by record. */
struct tgather {
	uint64_t *h;
	size_t n, cap;
};
struct json_object;
void terms_of_record(struct json_object *rec, struct tgather *g);

/* A unit's filter, as loaded. */
struct tfilter {
	const uint64_t *bits;
	uint32_t nwords;
};
int tfilter_has(const struct tfilter *f, uint64_t h);
/* Whether any key of word w (itself, its stems) in namespace ns may be
 * among the filter's terms. */
int tfilter_word(const struct tfilter *f, int ns, const struct word *w);

/* The index of one data file, loaded: NULL when there is none or it is
 * not one (*why). */
struct tfile;
struct tfile *tfile_load(const char *data);
/* The filter of unit u of the data file open at fd, or NULL when the
 * index has none for it (past what it covers, or made from another
 * unit).  Units are asked for in order. */
const struct tfilter *tfile_unit(struct tfile *t, int fd,
	const struct arc_unit *u);
/* Whether it covers every unit up to end. */
int tfile_covers(const struct tfile *t, uint64_t end);
/* Writing the index anew: the units it had that are still there, then
 * the units gathered now, in order; tfile_commit writes it (to a
 * temporary file, renamed into place): 0, or -1 with errno (left as it
 * was).  Both free what they are given. */
struct twrite;
struct twrite *twrite_new(void);
void twrite_unit(struct twrite *w, int fd, const struct arc_unit *u,
	const struct tfilter *have, struct tgather *g);
int twrite_commit(struct twrite *w, const char *data);
void twrite_free(struct twrite *w);
void tfile_free(struct tfile *t);

#endif
