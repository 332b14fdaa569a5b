/*
 * cluster.h: the articles of a window of days and the story each
 * belongs to (story/cluster.c).
 *
 * An article is reduced to a doc: a MinHash signature of its text's
 * word shingles (near-duplicates: wire copy, syndication, updates) and
 * a sorted set of feature hashes (entity norms, numbers, day dates,
 * title words, its URLs, the LSH bands of the signature).  A new doc
 * joins the story of the window's doc it matches best, else starts
 * one; the window forgets docs older than its span, so its memory is
 * bounded by the articles of that span, not by the input.
 */
#ifndef STORY_CLUSTER_H
#define STORY_CLUSTER_H

#include <stdint.h>
#include <stdio.h>

#define ST_K 64		/* MinHash values a signature */
#define ST_BANDS 16	/* LSH bands of ST_K / ST_BANDS values */
#define ST_SHINGLE 4	/* words a shingle */
#define ST_FEAT_MAX 512	/* features a doc at most */

/* Feature kinds, in a feature hash's top 4 bits. */
enum { ST_F_URL = 1, ST_F_ENT, ST_F_NUM, ST_F_DAY, ST_F_TITLE, ST_F_BAND };

/* The weights of the scoring rule (defaults in cluster.c, tuned on the
 * gold's tuning part: bench/story-score.py). */
struct st_weights {
	double ent, num, day, title;	/* a shared feature's weight per kind,
					 * times its idf */
	double near;	/* signature agreement that makes a near-duplicate */
	double min;	/* the score that puts two docs in one story */
};
extern struct st_weights st_w;

struct st_doc {
	int64_t t;		/* published (else fetched_at), Unix seconds */
	uint32_t sig[ST_K];
	int nsig;		/* 0: too few words for a signature */
	uint64_t *feat;		/* sorted, unique */
	size_t nfeat, cap;
	/* work space of st_doc_text */
	uint16_t *u16;
	size_t u16cap;
	uint64_t *sh;
	size_t shcap;
};

struct st_window;

/* A doc anew (its features dropped, its time t). */
void st_doc_reset(struct st_doc *d, int64_t t);
void st_doc_free(struct st_doc *d);
/* A feature of kind from the bytes s[0..n) (an entity norm, a URL, a
 * date value), compared without ASCII case. */
void st_doc_add(struct st_doc *d, int kind, const char *s, size_t n);
/* Words of the title (title words, numbers) and of the text (numbers,
 * the signature): UTF-8 in, NFC, lower case, Bengali digits as ASCII. */
void st_doc_text(struct st_doc *d, const char *title, size_t tlen,
    const char *text, size_t len);
/* Sort and finish the doc (its bands); call once, after the adds. */
void st_doc_done(struct st_doc *d);

struct st_window *st_window_new(int64_t span);
void st_window_free(struct st_window *w);
/* The story of d, a new one named after seed (its URL and time) when
 * d matches nothing; d then joins the window (unless it is older than
 * the window's span).  Returns the 64-bit story id; *isnew says
 * whether d starts it. */
uint64_t st_assign(struct st_window *w, const struct st_doc *d,
    const char *seed, size_t seedlen, int *isnew);
/* The window as text, and back (-1 on a bad line, with *line). */
int st_save(const struct st_window *w, FILE *f);
int st_load(struct st_window *w, FILE *f, unsigned long *line);
size_t st_window_size(const struct st_window *w);
/* The newest time the window has seen, else dflt. */
int64_t st_window_now(const struct st_window *w, int64_t dflt);

#endif
