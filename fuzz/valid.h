/*
 * valid.h: for the fuzz targets of code whose results become a record
 * (clean's extractor, text mode and datelines; tag's dates and
 * entities): the record as the stage writes it must pass validate.
 */
#ifndef FUZZ_VALID_H
#define FUZZ_VALID_H

#include <stddef.h>
#include <json-c/json.h>

/* Write rec as the stages write records, read the line back as validate
 * reads it, and check it as validate checks it; abort() with the
 * problems when it would not pass.  Takes rec's reference. */
void valid_record(struct json_object *rec);

/* A string member added as the stages add one: not when s is NULL or
 * empty. */
void valid_put(struct json_object *rec, const char *key, const char *s,
	size_t len);

/* A mention as tag writes it: field, start and end (code points) and
 * the text they cut out of s (len bytes of UTF-8), appended to arr;
 * returns the mention for its other members. */
struct json_object *valid_mention(struct json_object *arr, const char *field,
	const char *s, size_t len, size_t start, size_t end);

#endif
