/*
 * dedup.h: bodies stored once.
 *
 * An `html` or `text` of at least DEDUP_MIN bytes that a record already
 * in the archive holds, byte for byte, is stored as a reference to that
 * record: the member's name gains "_ref" and its value becomes
 *
 *	"html_ref": "@2024-08-15/135766/0"
 *
 * (its day, the offset of its unit, its place in the unit; "@/OFF/N" in
 * a single-file archive), the bytes around them kept, and it is put back
 * when the record is read.  The unit's header lists the records and
 * fields that are references (archive.h), so that a record's own
 * html_ref is never taken for one.  The record holding a body lists it
 * in its index line as "html:LENGTH:FINGERPRINT" (several joined by
 * commas), so that a later run finds a candidate and compares its bytes
 * before referring to it.
 */
#ifndef DEDUP_H
#define DEDUP_H

#include <stddef.h>
#include <stdint.h>

#define DEDUP_MIN 512

/* The fields whose bodies are stored once. */
#define DEDUP_NFIELDS 2
extern const char *const dedup_fields[DEDUP_NFIELDS + 1];

/* Where the member "key": value stands in a record's JSON text, at the
 * top level: *start at the key's quote, *value at the value, *end just
 * after it.  0 when found, -1 when not (or the key is written with
 * escapes). */
int json_member(const char *text, size_t len, const char *key,
	size_t *start, size_t *value, size_t *end);

/* The index key of a record's body in field, "field:LENGTH:FINGERPRINT"
 * (16 hex digits of a hash of its start, middle and end), over value,
 * the field's JSON value as written (a string: escapes and all, since
 * bodies are compared so); into out: 1, or 0 when the value is no
 * string of DEDUP_MIN bytes or more. */
#define DEDUP_KEY 64
int dedup_key(const char *field, const char *value, size_t vlen, char *out,
	size_t outlen);

/* A hash table of strings, each with a place in the archive. */
struct strmap_ent {
	char *key;
	uint32_t part, recno;
	uint64_t off;
	int64_t date;		/* store new: the version's date */
};
struct strmap {
	struct strmap_ent *e;
	size_t cap, n;
};
/* The entry of key, added if absent (*added says which). */
struct strmap_ent *strmap_get(struct strmap *m, const char *key, size_t n,
	int *added);
struct strmap_ent *strmap_find(const struct strmap *m, const char *key,
	size_t n);
void strmap_free(struct strmap *m);

#endif
