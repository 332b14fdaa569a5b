/*
 * archive.h: khobor's archive, without the program.
 *
 * A data file is a run of units.  A unit is a zstd skippable frame (the
 * unit header: how many records, how many bytes of JSON Lines, how long
 * the data frame is, and which of its records hold references to bodies
 * stored elsewhere, dedup.h) and then one zstd frame holding those
 * records as JSON Lines.  `zstd -dc FILE` skips the headers and prints
 * the records.  Beside each data file an index has one line per record:
 *
 *	url TAB unit-offset TAB unit-length TAB record-number TAB
 *	fetched_at TAB record-bytes TAB body-hash TAB other-urls TAB
 *	date NEWLINE
 *
 * with "-" for an absent fetched_at, body hash, other URLs or date.
 * other-urls: the canonical forms (lib/url.c) of the record's url when
 * it differs, its final_url and its canonical_url, each once, separated
 * by spaces, so that a record is found by any of them; date: the latest
 * of its lastmod, modified and published, in seconds since 1970 (UTC),
 * the version of the page the record holds.  Lines of the first formats
 * end after the body hash.  See store(1).
 *
 * The unit header, little-endian 32-bit words:
 *
 *	0x184D2A5B, payload bytes, "khob", records, raw bytes, frame bytes,
 *	2, references, then that many words RECORD << 2 | FIELDS
 *
 * (FIELDS: bit 0 html, bit 1 text; records in ascending order).  Units
 * of the first format end after the frame bytes (a payload of 16 bytes)
 * and list no references: a record of theirs holding
 * "html_ref":"@..." is taken as a reference, as store wrote them so.
 */
#ifndef ARCHIVE_H
#define ARCHIVE_H

#include <stddef.h>
#include <stdint.h>

#include "dedup.h"

struct json_object;
typedef struct ZSTD_CCtx_s ZSTD_CCtx;
typedef struct ZSTD_CDict_s ZSTD_CDict;
typedef struct ZSTD_DDict_s ZSTD_DDict;

#define ARC_MAGIC 0x184D2A5BU	/* a zstd skippable frame magic */
#define ARC_HDR1 24		/* unit header, first format */
#define ARC_HDR 32		/* unit header, before its list */
#define ARC_FORMAT 2
#define ARC_TAG "khob"
#define ARC_MAX_RAW ((uint32_t)1 << 30)	/* bytes of records in a unit */
/* What keeps a unit from being read, when it is not damage (-1), and
 * so never a reason to cut: a frame needs a dictionary the archive does
 * not have (or another than it has), or a read failed (errno). */
#define ARC_NODICT (-2)
#define ARC_IOERR (-3)

struct arc_unit {
	uint64_t off;		/* where the unit starts */
	uint32_t nrec;		/* records in it */
	uint32_t raw;		/* bytes of JSON Lines */
	uint32_t comp;		/* bytes of the zstd frame after the header */
	uint32_t hdr;		/* bytes of the header, its list included */
	uint32_t nref;		/* records with references, listed */
	int legacy;		/* first format: references known by text */
	const uint32_t *refs;	/* the list, once the unit is loaded */
};

static inline uint64_t
arc_unit_end(const struct arc_unit *u)
{
	return u->off + u->hdr + u->comp;
}

/* The fields of record n of a loaded unit that are references (bit i:
 * dedup_fields[i]); 0 for none, and always in a unit of the first
 * format (see legacy). */
unsigned arc_unit_refs(const struct arc_unit *u, uint32_t n);

/* One index line, parsed in place (the strings point into the line). */
struct arc_entry {
	const char *url;
	size_t urllen;
	uint64_t off;
	uint32_t len, recno;
	const char *fetched_at;	/* NULL when "-" */
	size_t fetchedlen;
	uint64_t size;
	const char *hash;	/* NULL when "-" */
	size_t hashlen;
	const char *keys;	/* the other URLs; NULL when "-" or absent */
	size_t keyslen;
	int64_t date;		/* -1 when "-" or absent */
};
int arc_entry_parse(char *line, size_t len, struct arc_entry *e);
/* Each URL of an entry, its url first: fn(url, n, arg). */
void arc_entry_urls(const struct arc_entry *e,
	void (*fn)(const char *url, size_t n, void *arg), void *arg);

/* The canonical form of a URL (lib/url.c), NUL-terminated, valid until
 * the next call; NULL when it has none (not http or https, no host). */
const char *arc_canon(const char *url, size_t n, size_t *len);
/* A time as records write them (2024-08-17, 2024-08-17T11:46:00+06:00,
 * ...Z, fractions of a second, no offset read as UTC) in seconds since
 * 1970; -1 when it is none. */
int64_t arc_time(const char *s, size_t n);

/* The archive's zstd dictionary (store.c keeps it in a file beside the
 * data).  A frame compressed with it carries its id and cannot be read
 * without it; frames written before the archive had one carry none. */
struct arc_dict {
	const char *path;	/* for messages */
	void *buf;
	size_t len;
	unsigned id;
	ZSTD_DDict *dd;
};
/* The dictionary in buf (taken over), checked: 0, or -1 with *why. */
int arc_dict_set(struct arc_dict *d, const char *path, void *buf,
	size_t len, const char **why);

/* Reading units.  arc_unit_read: the header at off; 1 ok, 0 at the end
 * of the file, -1 with *why set when no valid unit starts there (a cut
 * or damaged tail), ARC_IOERR.  arc_unit_load: the unit's records,
 * decompressed and checked against the header, into *buf (grown as
 * needed), and its list of references (u->refs, also in *buf); -1 with
 * *why set when the frame is damaged, ARC_NODICT when it needs a
 * dictionary d is not, ARC_IOERR. */
int arc_unit_read(int fd, uint64_t off, uint64_t size, struct arc_unit *u,
	const char **why);
int arc_unit_load(int fd, struct arc_unit *u, const struct arc_dict *d,
	char **buf, size_t *cap, const char **why);
/* Whether the unit's frame can be read with d: 0, or ARC_NODICT or
 * ARC_IOERR with *why. */
int arc_unit_dict(int fd, const struct arc_unit *u, const struct arc_dict *d,
	const char **why);

/* Only the n-th record (0-based) of a unit, decompressing no further
 * than it: *line and *len point into *buf, and so does u->refs.  For
 * get.  Returns as arc_unit_load. */
int arc_unit_record(int fd, struct arc_unit *u, const struct arc_dict *d,
	uint32_t n, char **buf, size_t *cap, const char **line, size_t *len,
	const char **why);

/* Writing: a part is one data file and its index, open for appending
 * under the archive's lock.  A part's data file is made with its first
 * unit, written and synced under a temporary name and renamed into
 * place, so that no crash leaves a data file without a whole unit. */
struct arc_part;
struct arc_opts {
	int keep_orig;		/* keep records as they came, for emit */
	int level;		/* zstd level */
	size_t frame;		/* bytes of records a frame holds at most */
	const struct arc_dict *dict;	/* for reading back (recovery) */
	const ZSTD_CDict *cdict;	/* frames taken from now on use it */
};
/* Open data and index (the data made with the first unit: none yet is
 * fine); cut a torn tail (reporting it) and index complete units that
 * the index lacks; remove a data file that holds no unit.  NULL on error,
 * reported; then nothing was changed when the error is a frame that
 * needs a dictionary o->dict is not. */
struct arc_part *arc_part_open(const char *data, const char *idx,
	const struct arc_opts *o);
/* Queue one record: its JSON text as stored (no newline), the text as it
 * came if that differs (or NULL), its index data (k; hash: the bodies it
 * holds, or NULL) and the fields of it that are references (as
 * arc_unit_refs gives them). */
struct arc_keys;
void arc_part_add(struct arc_part *p, const char *text, size_t len,
	const char *orig, size_t origlen, const struct arc_keys *k,
	const char *hash, unsigned refs);
size_t arc_part_pending(const struct arc_part *p);
/* Writing what is queued takes three steps, so that several threads can
 * compress while units are still committed in order: take what is
 * queued (NULL if nothing; it will use the dictionary o->cdict names
 * now), compress it (any thread, with a context of its own), then
 * commit it, in the order of the takes: write it after the units
 * written before it, sync the data file (once for several units), and
 * index it.  Once indexed, its records are durable; emit is then called
 * for each with its text (as it came, with keep_orig), its index hash
 * field, and where it now is (unit offset, record number).  Each step
 * returns -1 on error (reported; the files are cut back to the last
 * unit indexed, arc_part_undo).  arc_batch_index frees the batch
 * whatever happens. */
struct arc_batch;
struct arc_batch *arc_part_take(struct arc_part *p);
typedef void arc_emit_fn(const char *text, size_t len, const char *hash,
	size_t hashlen, uint64_t off, uint32_t recno);
/* Called with a unit's index lines once they are appended (n bytes at
 * off in the index), before its records are acknowledged: 0, or -1 to
 * fail (reported): the unit and its lines are then cut off again. */
typedef int arc_indexed_fn(const char *lines, size_t n, uint64_t off);
ZSTD_CCtx *arc_cctx_new(const struct arc_opts *o);
/* A dictionary made ready for frames with o's parameters. */
ZSTD_CDict *arc_cdict_new(const struct arc_opts *o, const void *dict,
	size_t len);
int arc_batch_compress(ZSTD_CCtx *c, struct arc_batch *b);
int arc_batch_write(struct arc_part *p, struct arc_batch *b);
int arc_part_sync(struct arc_part *p);
int arc_batch_index(struct arc_part *p, struct arc_batch *b,
	arc_emit_fn *emit, arc_indexed_fn *indexed);
void arc_part_undo(struct arc_part *p);
void arc_batch_free(struct arc_batch *b);
int arc_part_close(struct arc_part *p);

/* Every unit of a data file in turn, checked; for verify and reindex.
 * fn returns nonzero to stop.  *end: where the valid units end.  Returns
 * 0 when they fill the file (or fn stopped), -1 with *why when something
 * else follows, ARC_NODICT or ARC_IOERR with *why when the unit there
 * cannot be read. */
typedef int arc_unit_fn(const struct arc_unit *u, const char *recs,
	void *arg);
int arc_scan(int fd, const struct arc_dict *d, arc_unit_fn *fn, void *arg,
	uint64_t *end, const char **why);

/* The record-th line of a unit's records (0-based): pointer and length. */
const char *arc_nth_line(const char *recs, size_t raw, uint32_t n,
	size_t *len);
/* The line at *at (before end) and its length, *at moved past it; NULL
 * when no whole line is left.  For reading a unit's records in turn:
 * arc_nth_line walks from the start each time. */
const char *arc_next_line(const char **at, const char *end, size_t *len);

/* A stored record's JSON text as an object (lib's parser, with its
 * checks), or NULL when it is not a record. */
struct json_object *arc_record(const char *text, size_t len);

/* What the index keeps of a record: its url, its fetched_at (NULL when
 * it has none), its other URLs and date (see the index above) and the
 * bodies it holds (dedup.h): the key of each of
 * dedup_fields ("" for none: also when the field's name stands more than
 * once in the record, or the record has a member FIELD_ref of its own)
 * and all of them joined ("" for none).  m:
 * the record's members as rec_scan_members() found them when it read
 * the record; NULL to scan (and so check) the text here.  From the text
 * where it can, else from the record json-c parses.  The pointers are
 * valid until the next call.  -1 when the text is no record with a
 * string url. */
struct arc_keys {
	const char *url, *fetched_at;
	size_t urllen, fetchedlen;
	char body[DEDUP_NFIELDS][DEDUP_KEY];
	char hashes[DEDUP_NFIELDS * (DEDUP_KEY + 1)];
	const char *keys;	/* the other URLs, canonical; "" for none */
	size_t keyslen;
	int64_t date;		/* the version's date, -1 for none */
};
struct rec_members;
int arc_record_keys(const char *text, size_t len,
	const struct rec_members *m, struct arc_keys *k);
/* The index line of a record (its keys, its unit, its place there and
 * its size) appended at *buf + at, grown as needed: the new length. */
size_t arc_index_line(char **buf, size_t *cap, size_t at,
	const struct arc_keys *k, const struct arc_unit *u, uint32_t recno,
	size_t size);

#endif
