/*
 * store.h: what the parts of store share (not a library: store/ only).
 * store.c: archives, day files, references, main; put.c: writing;
 * get.c: reading; merge.c: joining archives.
 */
#ifndef STORE_H
#define STORE_H

#include <stddef.h>
#include <stdint.h>

#include "khobor.h"
#include "archive.h"

enum {
	OPT_TEE = KH_OPT_OWN,
	OPT_LEVEL,
	OPT_FRAME,
	OPT_FROM,
	OPT_TO,
	OPT_WHERE,
	OPT_REPAIR,
	OPT_WARC,
	OPT_NO_DICT,
	OPT_THREADS,
	OPT_CHANGED,
	OPT_ONCE,
	OPT_ENTITY,
	OPT_TYPE,
	OPT_SITE,
	OPT_LANG,
	OPT_TEXT,
	OPT_URL,
	OPT_STORY,
	OPT_LATEST,
	OPT_COUNT,
	OPT_BY,
};

/* find --by */
enum { BY_NONE, BY_DAY, BY_SITE, BY_ENTITY, BY_STORY };

#define MAX_THREADS 16	/* compressing threads, at most */

struct store_opt {
	const char *out;	/* -o: the archive to write */
	int tee, repair, warc, frame_set, no_dict;
	int changed;		/* new: let changed versions through */
	int once;		/* -o: a version once (put.c) */
	int threads;		/* compressing threads; 0: one a CPU */
	struct arc_opts arc;
	const char *from, *to;	/* cat: YYYY-MM-DD bounds */
	char *where_key, *where_val;
	/* find: the question */
	char **find_entity;
	size_t find_nentity;
	const char *find_type, *find_site, *find_lang, *find_text;
	const char *find_url, *find_story;
	int find_latest, find_count, find_by;
};
extern struct store_opt opt;

/* The archive: a directory of day files or a single file. */
struct archive {
	char *path;
	int single;
	int lockfd;
	const struct arc_dict *dict;	/* its frames' dictionary, or NULL */
};

/* The data files of an archive, oldest first: names[i] is the data
 * file, the index is names[i] with .idx for .jsonl.zst (or added). */
struct part_name {
	char *data, *idx;
	char day[11];		/* "" for a single-file archive */
};

extern struct archive *refs_in;	/* the archive references point into */
extern const char *put_day;	/* put.c: the day of a record without
				 * fetched_at (NULL: the day of the run) */

int is_day(const char *s);
int day_num(const char *day);
char *pathcat(const char *a, const char *b, const char *c);
void archive_init(struct archive *a, const char *path, int create);
void archive_lock(struct archive *a);
char *dict_path(const struct archive *a);
void dict_load(struct archive *a);
void dict_read(struct archive *a, struct arc_dict *d);
int sync_dir(const struct archive *a);
void remove_leftovers(const struct archive *a);
void day_paths(const struct archive *a, const char *day, char **data,
    char **idx);
struct part_name *list_parts(const struct archive *a, size_t *n);
void free_parts(struct part_name *v, size_t n);
char *slurp(const char *path, size_t *len);
typedef void entry_fn(const struct arc_entry *, const struct part_name *,
    void *);
void each_entry(struct archive *a, entry_fn *fn, void *arg);
void each_entry_in(const struct part_name *v, size_t n, entry_fn *fn,
    void *arg);

/* References to bodies other records hold (dedup.h). */
void ref_name(char *out, size_t n, int day, uint64_t off, uint32_t recno);
int ref_parse(const char *s, size_t n, int *day, uint64_t *off,
    uint32_t *recno);
const char *body_at(int day, uint64_t off, uint32_t recno, const char *field,
    size_t *n, const char **why);
/* Record n of unit u (its text, len) with its references put back:
 * *out, *outlen (text itself when it has none).  Returns how many of
 * them point at nothing (left as they are), *why saying why. */
int restore(const char *text, size_t len, const struct arc_unit *u,
    uint32_t n, const char **out, size_t *outlen, const char **why);
/* get.c: restore() for a reader: a reference that points at nothing is
 * reported (and the exit status set), and left as it is. */
void put_back(const struct arc_unit *u, uint32_t n, const char **line,
    size_t *len);

/* The commands. */
int cmd_write(char **files);
/* put.c: cmd_write in steps, for merge: the archive opt.out opened,
 * locked and mended; records put one by one; the end of the run (its
 * exit status).  With same_fetch, a record whose url and fetched_at are
 * those of a record of the archive or of this run is left out. */
void write_begin(int same_fetch);
int write_record(const struct rec_pos *pos);
int write_end(unsigned long *fetched, unsigned long *same);
int cmd_merge(char **args);
int cmd_cat(struct archive *a, int warc);
int cmd_get(struct archive *a, char **urls);
int cmd_stats(struct archive *a);
int cmd_walk(struct archive *a, int rebuild);
int cmd_new(struct archive *a, char **files);
void ls_entry(const struct arc_entry *e, const struct part_name *pn,
    void *arg);
int cmd_find(struct archive *a);
int cmd_report(struct archive *a);

/* find.c: --where's dotted path over a record (1: it has the value
 * there, or there is no --where); where_said: at the end, a warning
 * and 1 when no record read had the field at all. */
struct json_object;
int where_match(struct json_object *rec);
int where_said(void);
/* find.c: each record of the archive that answers the question opt asks
 * (find's filters; none: every record), oldest day first, to fn with its
 * text as stored; then where_said.  The exit status so far. */
typedef void find_fn(struct json_object *rec, const char *line, size_t len,
    void *arg);
int find_each(struct archive *a, find_fn *fn, void *arg);
/* The record's day (published, else fetched_at: its first 10 bytes),
 * NULL for none; its site (the site member, else its URL's host, lower
 * case, in buf), NULL for none. */
const char *record_day(struct json_object *rec);
const char *record_site(struct json_object *rec, char *buf, size_t cap,
    size_t *n);
/* Each entity norm of the record once (of --type's type, if given). */
typedef void norm_fn(struct json_object *m, const char *norm, size_t n,
    void *arg);
void record_norms(struct json_object *rec, norm_fn *fn, void *arg);

/* get.c: the newest record of a URL (any of its forms), as get finds
 * it: through the URL index, else every day index read once. */
struct finder;
struct finder *finder_open(const struct archive *a);
int finder_newest(struct finder *f, const char *url, size_t ul,
    char day[11], uint64_t *off, uint32_t *recno);
void finder_close(struct finder *f);

#endif
