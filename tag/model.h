/*
 * model.h: the entity model file: a header and one int16 weight per
 * label per feature bucket, little-endian, read with mmap so that
 * loading costs next to nothing.
 */
#ifndef MODEL_H
#define MODEL_H

#include <stdint.h>

#define MODEL_MAGIC "khobor-ner-1\n\0\0\0"	/* 16 bytes */

struct model_head {
	char magic[16];
	uint32_t bits;		/* 2^bits buckets */
	uint32_t nlabel;	/* weights a bucket */
	float scale;		/* weight = int16 * scale */
	float margin;		/* what a name's start costs (tag-train -m) */
};

#endif
