/*
 * model.h: the entity model file: a header (little-endian) and one int8
 * weight per label per feature bucket, read with mmap so that loading
 * costs next to nothing; 2^16 buckets of 8 are 512 KB, which stay in a
 * core's cache while tagging.
 */
#ifndef MODEL_H
#define MODEL_H

#include <stdint.h>

#define MODEL_MAGIC "khobor-ner-3\n\0\0\0"	/* 16 bytes */

struct model_head {
	char magic[16];
	uint32_t bits;		/* 2^bits buckets */
	uint32_t nlabel;	/* weights a bucket */
	float scale;		/* weight = int8 * scale */
	float margin;		/* what a name's start costs (tag-train -m) */
	uint32_t names;		/* bytes of names after the weights */
	uint32_t reserved;
};
/* After the weights: the names learned from the training data, lines of
 * name<TAB>type as a gazetteer file has them (features.c: lz). */

#endif
