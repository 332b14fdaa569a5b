/*
 * merge.c: store merge OUT SHARD..., the archives that parallel jobs
 * wrote joined into one.
 *
 * The union of the shards' days is walked in date order; for each day,
 * the day files of the shards that have it are read a unit at a time,
 * side by side, and their records taken in fetched_at order (each
 * shard's own order kept, ties in the order the shards were given).
 * Each record comes back as cat writes it (its bodies put back) and goes
 * through put.c as a record of store -o does, so that OUT's frames,
 * dictionary, bodies stored once, indexes and URL index are made the
 * usual way.  Memory: a unit of each shard that has the day, and what
 * store -o keeps of OUT.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "khobor.h"
#include "archive.h"
#include "dedup.h"
#include "store.h"

struct shard {
	struct archive a;
	struct arc_dict d;
	struct part_name *parts;
	size_t nparts, next;	/* the day files, the next to read */
	unsigned long read;	/* records read back */
};

/* One shard's day file, read a unit at a time. */
struct cursor {
	struct shard *s;
	const char *path;
	int fd;
	uint64_t size, next;	/* the file's size, the next unit */
	struct arc_unit u;
	char *buf;
	size_t cap;
	const char *at, *end;	/* the unit's records not taken yet */
	uint32_t recno;		/* the head's place in its unit */
	unsigned long line;	/* the head's place in the file, from 1 */
	const char *text;	/* the head record as stored, or NULL */
	size_t len;
	int64_t t;		/* its fetched_at, INT64_MIN for none */
};

static int bad;	/* something could not be read: exit 1 */

static const char *
plural(unsigned long n)
{
	return n == 1 ? "" : "s";
}

static int64_t
fetched_time(const char *text, size_t len)
{
	size_t start, value, end;
	int64_t t;

	if (json_member(text, len, "fetched_at", &start, &value, &end) < 0 ||
	    end - value < 2 || text[value] != '"')
		return INT64_MIN;
	t = arc_time(text + value + 1, end - value - 2);
	return t < 0 ? INT64_MIN : t;
}

/* The cursor's next record: 1, or 0 at the end of what can be read. */
static int
advance(struct cursor *c)
{
	const char *why;
	int r;

	for (;;) {
		if (c->at != NULL && (c->text = arc_next_line(&c->at, c->end,
		    &c->len)) != NULL) {
			c->recno++;
			c->line++;
			c->t = fetched_time(c->text, c->len);
			return 1;
		}
		c->text = NULL;
		c->at = NULL;
		r = arc_unit_read(c->fd, c->next, c->size, &c->u, &why);
		if (r == 0)
			return 0;
		if (r != 1) {
			kh_warn("%s: at byte %" PRIu64 ": %s; the rest of the "
			    "file is not merged (store verify --repair "
			    "mends the shard)", c->path, c->next, why);
			bad = 1;
			return 0;
		}
		r = arc_unit_load(c->fd, &c->u, c->s->a.dict, &c->buf,
		    &c->cap, &why);
		if (r == ARC_NODICT || r == ARC_IOERR) {
			kh_warn("%s: at byte %" PRIu64 ": %s; the rest of the "
			    "file is not merged", c->path, c->next, why);
			kh_run.error = 1;
			return 0;
		}
		if (r < 0) {
			kh_warn("%s: at byte %" PRIu64 ": %s; its %" PRIu32
			    " records are not merged", c->path, c->next, why,
			    c->u.nrec);
			kh_run.records += c->u.nrec;
			kh_run.skipped += c->u.nrec;
			c->line += c->u.nrec;
			bad = 1;
			c->next = arc_unit_end(&c->u);
			continue;
		}
		c->next = arc_unit_end(&c->u);
		c->at = c->buf;
		c->end = c->buf + c->u.raw;
		c->recno = UINT32_MAX;	/* the first record makes it 0 */
	}
}

/* The head record of c, its bodies put back, to OUT. */
static void
take(struct cursor *c, struct archive *out)
{
	static struct rec_members m;
	struct rec_pos pos = { .file = c->path, .line = c->line };
	const char *text, *why, *err;
	size_t len;
	long at;

	kh_run.records++;
	c->s->read++;
	refs_in = &c->s->a;
	if (restore(c->text, c->len, &c->u, c->recno, &text, &len, &why) > 0) {
		refs_in = out;
		rec_bad(&pos, "refers to a body it cannot have: %s; skipped",
		    why);
		kh_run.skipped++;
		return;
	}
	refs_in = out;
	if (rec_scan_members(text, len, 0, &err, &at, &pos.text, &pos.len,
	    &m) != 1) {
		rec_bad(&pos, "not a record: %s; skipped", err ? err :
		    "a blank line");
		kh_run.skipped++;
		return;
	}
	pos.members = &m;
	if (write_record(&pos) < 0)
		kh_run.skipped++;
	kh_progress_tick();
}

/* One day of every shard that has it, in fetched_at order. */
static void
merge_day(struct shard *sh, size_t n, const char *day, struct cursor *cv,
    struct archive *out)
{
	struct cursor done;
	struct stat st;
	size_t nc = 0, i, best;

	for (i = 0; i < n; i++) {
		struct shard *s = &sh[i];
		struct cursor *c = &cv[nc];

		if (s->next == s->nparts || strcmp(s->parts[s->next].day,
		    day) != 0)
			continue;
		c->s = s;
		c->path = s->parts[s->next++].data;
		if ((c->fd = kh_open(c->path, O_RDONLY, 0)) < 0 ||
		    fstat(c->fd, &st) < 0) {
			kh_warn("%s:", c->path);
			kh_run.error = 1;
			if (c->fd >= 0)
				close(c->fd);
			continue;
		}
		c->size = st.st_size;
		c->next = 0;
		c->at = NULL;
		c->line = 0;
		if (advance(c))
			nc++;
		else
			close(c->fd);
	}
	put_day = day;
	while (nc > 0) {
		for (best = 0, i = 1; i < nc; i++)
			if (cv[i].t < cv[best].t)
				best = i;
		take(&cv[best], out);
		if (advance(&cv[best]))
			continue;
		close(cv[best].fd);
		/* the others in the order the shards were given; the
		 * spent one last, for its buffer */
		done = cv[best];
		memmove(&cv[best], &cv[best + 1], (nc - best - 1) *
		    sizeof(*cv));
		cv[--nc] = done;
	}
}

/* A shard, checked before anything is written: there, not OUT. */
static void
shard_open(struct shard *s, const char *path, const struct stat *out)
{
	struct stat st;

	if (stat(path, &st) < 0)
		kh_die("%s:", path);
	if (out != NULL && st.st_dev == out->st_dev &&
	    st.st_ino == out->st_ino)
		kh_die("%s: the archive merged into cannot be one of the "
		    "shards", path);
	archive_init(&s->a, path, 0);
	dict_read(&s->a, &s->d);
	s->parts = list_parts(&s->a, &s->nparts);
}

int
cmd_merge(char **args)
{
	static struct shard *sh;	/* static: reachable at exit */
	struct cursor *cv;
	struct archive *out;
	struct stat ost;
	unsigned long fetched, same, written;
	const char *day;
	size_t n, i;
	int exists, st;

	if (args[1] == NULL) {
		kh_warn("merge: which archive?");
		kh_usage();
	}
	if (args[2] == NULL) {
		kh_warn("merge: which shards?");
		kh_usage();
	}
	for (n = 0; args[2 + n] != NULL; n++)
		;
	sh = kh_malloc(n * sizeof(*sh));
	memset(sh, 0, n * sizeof(*sh));
	cv = kh_malloc(n * sizeof(*cv));
	memset(cv, 0, n * sizeof(*cv));
	exists = stat(args[1], &ost) == 0;
	for (i = 0; i < n; i++)
		shard_open(&sh[i], args[2 + i], exists ? &ost : NULL);
	opt.out = args[1];
	write_begin(1);
	out = refs_in;	/* OUT, which put.c writes */
	kh_progress_start();
	for (;;) {
		day = NULL;
		for (i = 0; i < n; i++)
			if (sh[i].next < sh[i].nparts && (day == NULL ||
			    strcmp(sh[i].parts[sh[i].next].day, day) < 0))
				day = sh[i].parts[sh[i].next].day;
		if (day == NULL)
			break;
		merge_day(sh, n, day, cv, out);
	}
	written = kh_run.records - kh_run.skipped;
	st = write_end(&fetched, &same);
	written -= fetched + same;
	if (!kh_run.quiet) {
		for (i = 0; i < n; i++)
			kh_warn("%s: %lu record%s read", sh[i].a.path,
			    sh[i].read, plural(sh[i].read));
		kh_warn("%s: %lu record%s merged: %lu stored, %lu the same "
		    "fetch as a stored one", opt.out, kh_run.records,
		    plural(kh_run.records), written, fetched);
		if (opt.once)
			kh_warn("%s: %lu record%s the same as stored ones: not "
			    "stored again (--once)", opt.out, same,
			    plural(same));
	}
	for (i = 0; i < n; i++)
		free(cv[i].buf);
	free(cv);
	return bad && st == 0 ? KH_EXIT_SKIPPED : st;
}
