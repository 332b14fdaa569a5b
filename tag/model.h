/*
 * model.h: the entity model file: one part a language (Bengali,
 * English), one after the other, so that `cat bn en > ner.model` makes
 * the model of both.  A part is a header (little-endian), one int8
 * weight per label per feature bucket, then text: the names learned
 * from the training data, the roles of words in them and the words'
 * clusters.  The file is
 * read with mmap so that loading costs next to nothing; 2^16 buckets
 * of 8 are 512 KB, which stay in a core's cache while tagging.
 */
#ifndef MODEL_H
#define MODEL_H

#include <stdint.h>

#define MODEL_MAGIC "khobor-ner-4\n\0\0\0"	/* 16 bytes */

enum { LANG_BN, LANG_EN, NLANG };

struct model_head {
	char magic[16];
	uint32_t lang;		/* LANG_* */
	uint32_t bits;		/* 2^bits buckets */
	uint32_t nlabel;	/* weights a bucket */
	float scale;		/* weight = int8 * scale */
	float margin;		/* what a name's start costs (tag-train -m) */
	uint32_t names;		/* bytes of names after the weights */
	uint32_t roles;		/* bytes of roles after the names */
	uint32_t clusters;	/* bytes of word clusters after the roles */
};
/* After the weights: the names learned from the training data, lines of
 * name<TAB>type as a gazetteer file has them (features.c: lz); then
 * lines of word<TAB>ROLE_* (features.h); then lines of word<TAB>class,
 * the word clusters of tag-clusters. */

#endif
