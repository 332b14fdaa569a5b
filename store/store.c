/*
 * store: append records to a compressed, indexed archive, and read them
 * back (cat, get, ls, stats, verify, reindex, new).
 *
 * An archive is a directory of day files, DIR/YYYY-MM-DD.jsonl.zst with
 * DIR/YYYY-MM-DD.idx beside each (the day of the record's fetched_at, in
 * UTC), or a single FILE.zst with FILE.zst.idx.  The layout of the files
 * is in archive.h; what users see of it is in store(1).
 */
#define _GNU_SOURCE	/* memmem */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zstd.h>

#include "khobor.h"
#include "archive.h"
#include "dedup.h"
#include "warc.h"

enum {
	OPT_TEE = KH_OPT_OWN,
	OPT_LEVEL,
	OPT_FRAME,
	OPT_FROM,
	OPT_TO,
	OPT_WHERE,
	OPT_REPAIR,
	OPT_WARC,
};

static struct {
	const char *out;	/* -o: the archive to write */
	int tee, repair, warc, frame_set;
	struct arc_opts arc;
	const char *from, *to;	/* cat: YYYY-MM-DD bounds */
	char *where_key, *where_val;
} opt = { .arc = { .level = 3, .frame = (size_t)1 << 20 } };

/* The archive: a directory of day files or a single file. */
struct archive {
	char *path;
	int single;
	int lockfd;
};

/* YYYY-MM-DD at the start of s, with a month and a day that can be. */
static int
is_day(const char *s)
{
	static const char form[] = "dddd-dd-dd";
	int m, d;

	for (int i = 0; form[i]; i++)
		if (form[i] == 'd' ? s[i] < '0' || s[i] > '9' : s[i] != '-')
			return 0;
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	return m >= 1 && m <= 12 && d >= 1 && d <= 31;
}

static char *
pathcat(const char *a, const char *b, const char *c)
{
	size_t n = strlen(a) + strlen(b) + strlen(c) + 1;
	char *s = kh_malloc(n);

	snprintf(s, n, "%s%s%s", a, b, c);
	return s;
}

static void
archive_init(struct archive *a, const char *path, int create)
{
	size_t n = strlen(path);
	struct stat st;

	a->path = strdup(path);
	a->lockfd = -1;
	while (n > 1 && a->path[n - 1] == '/')
		a->path[--n] = '\0';
	a->single = n > 4 && strcmp(a->path + n - 4, ".zst") == 0;
	if (a->single)
		return;
	if (stat(a->path, &st) == 0) {
		if (!S_ISDIR(st.st_mode))
			kh_die("%s: not a directory (an archive is a "
			    "directory, or a file ending in .zst)", a->path);
	} else if (!create || errno != ENOENT) {
		kh_die("%s:", a->path);
	} else if (mkdir(a->path, 0777) < 0 && (errno != EEXIST ||
	    stat(a->path, &st) < 0 || !S_ISDIR(st.st_mode))) {
		/* EEXIST: another writer made it first, which is fine */
		kh_die("%s:", a->path);
	}
}

/* Writers and repairs take the archive's lock; two at once wait in turn. */
static void
archive_lock(struct archive *a)
{
	char *lock = a->single ? pathcat(a->path, ".lock", "") :
	    pathcat(a->path, "/", ".lock");

	a->lockfd = open(lock, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
	if (a->lockfd < 0)
		kh_die("%s:", lock);
	while (flock(a->lockfd, LOCK_EX) < 0)
		if (errno != EINTR)
			kh_die("%s: flock:", lock);
	free(lock);
}

static void
sync_dir(const struct archive *a)
{
	char *dir = strdup(a->path), *slash;
	int fd;

	if (a->single) {
		if ((slash = strrchr(dir, '/')) != NULL) {
			slash[slash == dir] = '\0';
		} else {
			free(dir);
			dir = strdup(".");
		}
	}
	if ((fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) >= 0) {
		if (fsync(fd) < 0)
			kh_warn("%s: fsync:", dir);
		close(fd);
	}
	free(dir);
}

/* The data files of an archive, oldest first: names[i] is the data
 * file, the index is names[i] with .idx for .jsonl.zst (or added). */
struct part_name {
	char *data, *idx;
	char day[11];		/* "" for a single-file archive */
};

/* The data file and index of one day. */
static void
day_paths(const struct archive *a, const char *day, char **data, char **idx)
{
	char name[32];

	if (a->single) {
		*data = strdup(a->path);
		*idx = pathcat(a->path, ".idx", "");
		return;
	}
	snprintf(name, sizeof(name), "%s.jsonl.zst", day);
	*data = pathcat(a->path, "/", name);
	snprintf(name, sizeof(name), "%s.idx", day);
	*idx = pathcat(a->path, "/", name);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(((const struct part_name *)a)->day,
	    ((const struct part_name *)b)->day);
}

static struct part_name *
list_parts(const struct archive *a, size_t *n)
{
	struct part_name *v = NULL;
	struct dirent *d;
	DIR *dir;
	size_t cap = 0;

	*n = 0;
	if (a->single) {
		if (access(a->path, F_OK) < 0)
			return NULL;
		v = kh_malloc(sizeof(*v));
		day_paths(a, "", &v->data, &v->idx);
		v->day[0] = '\0';
		*n = 1;
		return v;
	}
	if ((dir = opendir(a->path)) == NULL)
		kh_die("%s:", a->path);
	while ((d = readdir(dir)) != NULL) {
		if (strlen(d->d_name) != 20 || !is_day(d->d_name) ||
		    strcmp(d->d_name + 10, ".jsonl.zst") != 0)
			continue;
		if (*n == cap) {
			cap = cap ? 2 * cap : 16;
			v = kh_realloc(v, cap * sizeof(*v));
		}
		memcpy(v[*n].day, d->d_name, 10);
		v[*n].day[10] = '\0';
		day_paths(a, v[*n].day, &v[*n].data, &v[*n].idx);
		(*n)++;
	}
	closedir(dir);
	if (*n > 1)
		qsort(v, *n, sizeof(*v), by_name);
	return v;
}

static void
free_parts(struct part_name *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].data);
		free(v[i].idx);
	}
	free(v);
}

/* A whole file into memory (index files), NUL-terminated. */
static char *
slurp(const char *path, size_t *len)
{
	struct stat st;
	char *buf;
	ssize_t r;
	size_t n = 0;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0 || fstat(fd, &st) < 0)
		return NULL;
	buf = kh_malloc(st.st_size + 1);
	while (n < (size_t)st.st_size &&
	    (r = read(fd, buf + n, st.st_size - n)) > 0)
		n += r;
	close(fd);
	buf[n] = '\0';
	*len = n;
	return buf;
}

/* --- writing ------------------------------------------------------------- */

static void each_entry(struct archive *a, void (*fn)(const struct arc_entry *,
    const struct part_name *, void *), void *arg);
static const char *body_at(int day, uint64_t off, uint32_t recno,
    const char *field, size_t *n);
static void ref_name(char *out, size_t n, int day, uint64_t off,
    uint32_t recno);
static struct archive *refs_in;	/* the archive references point into */

/* The parts being written: one per day seen, a few at once (a run that
 * spans midnight, records out of order), the least used closed first. */
#define NOPEN 8
static struct {
	struct archive a;
	struct {
		struct arc_part *part;
		char day[11];
		unsigned long used;
	} open[NOPEN];
	int n;
	unsigned long tick;
} w;

/*
 * Frames are compressed by two worker threads while this one reads and
 * parses the next records, so on two cores parsing costs no time and a
 * higher level costs less.  Each frame gets a sequence number when it is
 * queued and is committed (written, fsynced, indexed) strictly in that
 * order, so the units of a part and their index lines keep the order of
 * the records; a small queue bounds the memory.
 */
#define NWORKERS 2
#define NJOBS 4
static struct {
	pthread_t tid[NWORKERS];
	pthread_mutex_t mu;
	pthread_cond_t cv;	/* any change below */
	struct job {
		struct arc_part *part;
		struct arc_batch *batch;
		unsigned long seq;
		int day;	/* YYYYMMDD, 0 for a single file */
	} q[NJOBS];
	int head, n, stop;
	unsigned long queued, committed;	/* sequence numbers */
} wq = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };

/* The bodies on disk that later records may refer to (dedup.h), by
 * "field:length", with the place of the record holding each.  A body
 * counts only once that record is durable. */
static struct strmap held;
static pthread_mutex_t held_mu = PTHREAD_MUTEX_INITIALIZER;
static int commit_day;	/* the day of the unit being committed */

static void
hold(const char *keys, size_t n, int day, uint64_t off, uint32_t recno)
{
	const char *end = keys + n, *comma;
	struct strmap_ent *e;
	int added;

	if (n == 1 && *keys == '-')
		return;
	pthread_mutex_lock(&held_mu);
	for (; keys < end; keys = comma + 1) {
		if ((comma = memchr(keys, ',', end - keys)) == NULL)
			comma = end;
		e = strmap_get(&held, keys, comma - keys, &added);
		e->part = day, e->off = off, e->recno = recno;
	}
	pthread_mutex_unlock(&held_mu);
}

static int
held_at(const char *key, struct strmap_ent *where)
{
	struct strmap_ent *e;

	pthread_mutex_lock(&held_mu);
	if ((e = strmap_find(&held, key, strlen(key))) != NULL)
		*where = *e;
	pthread_mutex_unlock(&held_mu);
	return e != NULL;
}

static void
emit(const char *text, size_t len, const char *keys, size_t keylen,
    uint64_t off, uint32_t recno)
{
	hold(keys, keylen, commit_day, off, recno);
	if (opt.tee)
		rec_write_text(text, len);	/* under flockfile: worker() */
}

static void *
worker(void *arg)
{
	ZSTD_CCtx *cctx = arc_cctx_new(&opt.arc);
	struct job j;
	int ok;

	(void)arg;
	pthread_mutex_lock(&wq.mu);
	for (;;) {
		while (wq.n == 0 && !wq.stop)
			pthread_cond_wait(&wq.cv, &wq.mu);
		if (wq.n == 0)
			break;
		j = wq.q[wq.head];
		wq.head = (wq.head + 1) % NJOBS;
		wq.n--;
		pthread_cond_broadcast(&wq.cv);
		pthread_mutex_unlock(&wq.mu);
		ok = arc_batch_compress(cctx, j.batch) == 0;
		pthread_mutex_lock(&wq.mu);
		while (wq.committed != j.seq)	/* wait for our turn */
			pthread_cond_wait(&wq.cv, &wq.mu);
		pthread_mutex_unlock(&wq.mu);
		if (opt.tee)
			flockfile(stdout);
		commit_day = j.day;
		if (!ok || arc_batch_commit(j.part, j.batch, emit) < 0)
			kh_die("stopped: the records of the last frame were "
			    "not stored (the archive is as it was before "
			    "them)");
		if (opt.tee) {
			funlockfile(stdout);
			rec_flush();	/* the reader may be waiting */
		}
		pthread_mutex_lock(&wq.mu);
		wq.committed++;
		pthread_cond_broadcast(&wq.cv);
	}
	pthread_mutex_unlock(&wq.mu);
	ZSTD_freeCCtx(cctx);
	return NULL;
}

static int
day_num(const char *day)
{
	return *day ? atoi(day) * 10000 + atoi(day + 5) * 100 +
	    atoi(day + 8) : 0;
}

static int
day_of(const struct arc_part *p)
{
	for (int i = 0; i < w.n; i++)
		if (w.open[i].part == p)
			return day_num(w.open[i].day);
	return 0;
}

static void
flush_part(struct arc_part *p)
{
	struct arc_batch *b = arc_part_take(p);

	if (b == NULL)
		return;
	pthread_mutex_lock(&wq.mu);
	while (wq.n == NJOBS)
		pthread_cond_wait(&wq.cv, &wq.mu);
	wq.q[(wq.head + wq.n) % NJOBS] = (struct job){ p, b, wq.queued++,
	    day_of(p) };
	wq.n++;
	pthread_cond_broadcast(&wq.cv);
	pthread_mutex_unlock(&wq.mu);
}

/* Wait until every queued frame is committed. */
static void
drain(void)
{
	pthread_mutex_lock(&wq.mu);
	while (wq.committed != wq.queued)
		pthread_cond_wait(&wq.cv, &wq.mu);
	pthread_mutex_unlock(&wq.mu);
}

static void
flush_all(void)
{
	for (int i = 0; i < w.n; i++)
		flush_part(w.open[i].part);
}

static void
close_slot(int i)
{
	flush_part(w.open[i].part);
	drain();
	if (arc_part_close(w.open[i].part) < 0)
		kh_die("%s: close:", w.a.path);
	w.open[i] = w.open[--w.n];
}

static struct arc_part *
part_for(const char *day)
{
	char *data, *idx;
	int i, lru = 0;

	for (i = 0; i < w.n; i++)
		if (strcmp(w.open[i].day, day) == 0) {
			w.open[i].used = ++w.tick;
			return w.open[i].part;
		}
	if (w.n == NOPEN) {
		for (i = 1; i < w.n; i++)
			if (w.open[i].used < w.open[lru].used)
				lru = i;
		close_slot(lru);
	}
	day_paths(&w.a, day, &data, &idx);
	i = w.n;
	if ((w.open[i].part = arc_part_open(data, idx, &opt.arc)) == NULL)
		kh_die("%s: cannot append to this archive", data);
	w.n++;
	sync_dir(&w.a);		/* the files' names are durable too */
	snprintf(w.open[i].day, sizeof(w.open[i].day), "%s", day);
	w.open[i].used = ++w.tick;
	free(data);
	free(idx);
	return w.open[i].part;
}

static void
today(char *day)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(day, 11, "%Y-%m-%d", &tm);
}

/* A body that a durable record holds already, byte for byte, becomes a
 * reference to that record; one that none holds is listed in *keys for
 * the index.  Returns 1 when the text changed (then *text, *len is the
 * text to store). */
static int
dedup(struct json_object *rec, const char *in, size_t inlen,
    const char **text, size_t *len, const char **keys)
{
	static char *out, *ks;
	static size_t kcap;
	struct strmap_ent at;
	char key[DEDUP_KEY], ref[80];
	const char *src = in, *body;
	size_t kl = 0, start, value, end, bn, srclen = inlen, need;
	int changed = 0, m;

	*keys = NULL;
	for (const char *const *f = dedup_fields; *f; f++) {
		if (!dedup_key(rec, *f, key, sizeof(key)))
			continue;
		if (held_at(key, &at) &&
		    json_member(src, srclen, *f, &start, &value, &end) == 0 &&
		    (body = body_at(at.part, at.off, at.recno, *f, &bn)) &&
		    bn == end - value && memcmp(body, src + value, bn) == 0) {
			/* "html":"..." becomes "html_ref":"@DAY/OFF/N" */
			ref_name(ref, sizeof(ref), at.part, at.off, at.recno);
			char *t = kh_malloc(srclen + 128);
			m = snprintf(t + start, 128, "\"%s_ref\":\"%s\"", *f,
			    ref);
			memcpy(t, src, start);
			memcpy(t + start + m, src + end, srclen - end);
			srclen = srclen - (end - start) + m;
			free(out);
			src = out = t;
			changed = 1;
			continue;
		}
		need = kl + strlen(key) + 2;
		if (need > kcap)
			ks = kh_realloc(ks, kcap = need + 64);
		kl += snprintf(ks + kl, kcap - kl, "%s%s", kl ? "," : "", key);
		*keys = ks;
	}
	*text = out;
	*len = srclen;
	return changed;
}

static void
put(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	struct json_object *v;
	struct arc_part *part;
	const char *url, *fetched = NULL, *text, *hashes;
	char day[11];
	size_t n, len;

	(void)arg;
	if (!json_object_object_get_ex(rec, "url", &v) ||
	    !json_object_is_type(v, json_type_string) ||
	    json_object_get_string_len(v) == 0) {
		rec_bad(pos, "no url; skipped");
		return;
	}
	url = json_object_get_string(v);
	n = json_object_get_string_len(v);
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)url[i] <= ' ') {
			rec_bad(pos, "url holds a space or control character; "
			    "skipped");
			return;
		}
	if (json_object_object_get_ex(rec, "fetched_at", &v) &&
	    json_object_is_type(v, json_type_string))
		fetched = json_object_get_string(v);
	if (fetched != NULL && is_day(fetched))
		snprintf(day, sizeof(day), "%.10s", fetched);
	else
		today(day);
	if (pos->len >= ARC_MAX_RAW) {
		rec_bad(pos, "record larger than a frame may be (1 GiB); "
		    "skipped");
		return;
	}
	part = part_for(w.a.single ? "" : day);
	if (arc_part_pending(part) + pos->len + 1 > ARC_MAX_RAW)
		flush_part(part);
	if (dedup(rec, pos->text, pos->len, &text, &len, &hashes))
		arc_part_add(part, text, len, pos->text, pos->len, url, n,
		    fetched, hashes);
	else
		arc_part_add(part, pos->text, pos->len, NULL, 0, url, n,
		    fetched, hashes);
	if (arc_part_pending(part) >= opt.arc.frame)
		flush_part(part);
}

/* A run killed while writing left its days' tails torn or unindexed:
 * mend every part now, not only the days this run writes to. */
static void
recover_all(struct archive *a)
{
	struct arc_part *p;
	struct part_name *v;
	size_t n;

	v = list_parts(a, &n);
	for (size_t i = 0; i < n; i++) {
		if ((p = arc_part_open(v[i].data, v[i].idx, &opt.arc)) == NULL)
			kh_die("%s: cannot append to this archive", v[i].data);
		if (arc_part_close(p) < 0)
			kh_die("%s: close:", v[i].data);
	}
	free_parts(v, n);
}

static void
held_entry(const struct arc_entry *e, const struct part_name *pn, void *arg)
{
	const char *nl;

	(void)arg;
	if (e->hash != NULL && (nl = strchr(e->hash, '\n')) != NULL)
		hold(e->hash, nl - e->hash, day_num(pn->day), e->off, e->recno);
}

static int
cmd_write(char **files)
{
	/* High levels find matches far apart: give them room (at levels
	 * of 10 and more, 16M frames reach 0.98 of whole-file zstd -19,
	 * 1M frames 0.81). */
	if (!opt.frame_set && opt.arc.level >= 10)
		opt.arc.frame = (size_t)16 << 20;
	archive_init(&w.a, opt.out, 1);
	archive_lock(&w.a);
	recover_all(&w.a);
	opt.arc.keep_orig = opt.tee;
	refs_in = &w.a;
	each_entry(&w.a, held_entry, NULL);
	/* A slow pipeline: store what came after a second without input. */
	rec_on_idle(flush_all, 1000);
	for (int i = 0; i < NWORKERS; i++)
		if ((errno = pthread_create(&wq.tid[i], NULL, worker, NULL)))
			kh_die("pthread_create:");
	rec_loop(files, put, NULL);
	while (w.n > 0)
		close_slot(w.n - 1);
	pthread_mutex_lock(&wq.mu);
	wq.stop = 1;
	pthread_cond_broadcast(&wq.cv);
	pthread_mutex_unlock(&wq.mu);
	for (int i = 0; i < NWORKERS; i++)
		pthread_join(wq.tid[i], NULL);
	return rec_exit();
}

/* --- reading ------------------------------------------------------------- */

/* --- references (dedup.h) ------------------------------------------------ */

static void
ref_name(char *out, size_t n, int day, uint64_t off, uint32_t recno)
{
	if (day == 0)
		snprintf(out, n, "@/%" PRIu64 "/%" PRIu32, off, recno);
	else
		snprintf(out, n, "@%04d-%02d-%02d/%" PRIu64 "/%" PRIu32,
		    day / 10000 % 10000, day / 100 % 100, day % 100, off,
		    recno);
}

/* "@2024-08-15/135766/0" (or "@/135766/0" in a single file). */
static int
ref_parse(const char *s, size_t n, int *day, uint64_t *off, uint32_t *recno)
{
	char buf[80], *p, *e;

	if (n < 4 || n >= sizeof(buf) || s[0] != '@')
		return -1;
	memcpy(buf, s, n);
	buf[n] = '\0';
	p = buf + 1;
	if (*p == '/') {
		*day = 0;
	} else {
		if (!is_day(p) || p[10] != '/')
			return -1;
		*day = day_num(p);
		p += 10;
	}
	*off = strtoull(p + 1, &e, 10);
	if (e == p + 1 || *e != '/')
		return -1;
	p = e + 1;
	*recno = strtoul(p, &e, 10);
	return e == p || *e != '\0' ? -1 : 0;
}

/* The raw JSON value of field in the record at (day, off, recno), or
 * NULL.  Points into a buffer of its own, valid until the next call. */
static const char *
body_at(int day, uint64_t off, uint32_t recno, const char *field, size_t *n)
{
	static struct { int day, fd; } fds[8];
	static int nfds, next;
	static char *buf;
	static size_t cap;
	struct arc_unit u;
	struct stat sb;
	const char *why, *line;
	char *data, *idx, name[16];
	size_t len, start, value, end;
	int i, fd = -1;

	for (i = 0; i < nfds; i++)
		if (fds[i].day == day)
			fd = fds[i].fd;
	if (fd < 0) {
		if (day)
			snprintf(name, sizeof(name), "%04d-%02d-%02d",
			    day / 10000 % 10000, day / 100 % 100, day % 100);
		else
			name[0] = '\0';
		day_paths(refs_in, name, &data, &idx);
		fd = open(data, O_RDONLY | O_CLOEXEC);
		free(data);
		free(idx);
		if (fd < 0)
			return NULL;
		if (nfds < 8) {
			i = nfds++;
		} else {
			i = next++ % 8;
			close(fds[i].fd);
		}
		fds[i].day = day, fds[i].fd = fd;
	}
	if (fstat(fd, &sb) < 0 ||
	    arc_unit_read(fd, off, sb.st_size, &u, &why) != 1 ||
	    arc_unit_record(fd, &u, opt.arc.dict, opt.arc.dictlen, recno, &buf,
	    &cap, &line, &len, &why) < 0 ||
	    json_member(line, len, field, &start, &value, &end) < 0)
		return NULL;
	*n = end - value;
	return line + value;
}

/* Put back the body of a "field_ref" member: 0 when there is none, 1
 * with *v, *n the body (and *start, *end the member), -1 when it points
 * at nothing. */
static int
resolve(const char *text, size_t len, const char *field, size_t *start,
    size_t *end, const char **v, size_t *n)
{
	char name[32];
	size_t value;
	uint64_t off;
	uint32_t recno;
	int day;

	snprintf(name, sizeof(name), "%s_ref", field);
	if (json_member(text, len, name, start, &value, end) < 0)
		return 0;
	if (*end - value < 2 || ref_parse(text + value + 1, *end - value - 2,
	    &day, &off, &recno) < 0 ||
	    (*v = body_at(day, off, recno, field, n)) == NULL)
		return -1;
	return 1;
}

/* The record with its references put back; text itself if it has none. */
static const char *
restore(const char *text, size_t len, size_t *outlen)
{
	static char *out[2];
	static size_t cap[2];
	const char *v;
	size_t start, end, n, fl, need;
	int k = 0;

	*outlen = len;
	if (memmem(text, len, "_ref\":\"@", 8) == NULL)
		return text;	/* the common case, cheaply */
	for (const char *const *f = dedup_fields; *f; f++) {
		switch (resolve(text, len, *f, &start, &end, &v, &n)) {
		case 0:
			continue;
		case -1:
			kh_warn("a record refers to a %s that no record holds "
			    "(run store verify)", *f);
			continue;
		}
		fl = strlen(*f) + 3;	/* "field": */
		need = start + fl + n + (len - end);
		if (need > cap[k])
			out[k] = kh_realloc(out[k], cap[k] = need);
		memcpy(out[k], text, start);
		out[k][start] = '"';
		memcpy(out[k] + start + 1, *f, fl - 3);
		memcpy(out[k] + start + fl - 2, "\":", 2);
		memcpy(out[k] + start + fl, v, n);
		memcpy(out[k] + start + fl + n, text + end, len - end);
		len = need;
		text = out[k];
		k ^= 1;
	}
	*outlen = len;
	return text;
}

static int
where_ok(const char *text, size_t len)
{
	static struct json_tokener *tok;
	struct json_object *rec, *v;
	int ok = 0;

	if (opt.where_key == NULL)
		return 1;
	if (tok == NULL && (tok = json_tokener_new()) == NULL)
		kh_die("json-c: out of memory");
	json_tokener_reset(tok);
	rec = json_tokener_parse_ex(tok, text, len);
	if (rec != NULL && json_object_object_get_ex(rec, opt.where_key, &v))
		ok = strcmp(json_object_get_string(v), opt.where_val) == 0;
	json_object_put(rec);
	return ok;
}

static int
cat_unit(const struct arc_unit *u, const char *recs, void *arg)
{
	const char *line;
	size_t len = 0;

	(void)arg;
	for (uint32_t i = 0; i < u->nrec; i++) {
		line = arc_nth_line(recs, u->raw, i, &len);
		if (line == NULL)
			continue;
		line = restore(line, len, &len);
		if (where_ok(line, len))
			rec_write_text(line, len);
	}
	return 0;
}

/* export --warc: each record as WARC records on stdout. */
static int
warc_unit(const struct arc_unit *u, const char *recs, void *arg)
{
	static struct json_tokener *tok;
	struct json_object *rec;
	const char *line;
	size_t len = 0;

	if (tok == NULL && (tok = json_tokener_new()) == NULL)
		kh_die("json-c: out of memory");
	for (uint32_t i = 0; i < u->nrec; i++) {
		line = arc_nth_line(recs, u->raw, i, &len);
		if (line == NULL)
			continue;
		line = restore(line, len, &len);
		if (!where_ok(line, len))
			continue;
		json_tokener_reset(tok);
		if ((rec = json_tokener_parse_ex(tok, line, len)) == NULL)
			continue;	/* verify says why */
		if (warc_write(arg, rec) < 0) {
			if (errno == EPIPE)
				exit(rec_exit());	/* quietly, like a write */
			kh_die("write error on standard output:");
		}
		json_object_put(rec);
	}
	return 0;
}

static int
in_range(const char *day)
{
	return (!opt.from || strcmp(day, opt.from) >= 0) &&
	    (!opt.to || strcmp(day, opt.to) <= 0);
}

static int
cmd_cat(struct archive *a, int warc)
{
	struct part_name *v;
	struct warc *wc = NULL;
	const char *why;
	size_t n;
	int fd, st = 0;

	if (warc && (wc = warc_open(stdout, NULL)) == NULL)
		kh_die("write error on standard output:");
	v = list_parts(a, &n);
	for (size_t i = 0; i < n; i++) {
		if (!a->single && !in_range(v[i].day))
			continue;
		if ((fd = open(v[i].data, O_RDONLY | O_CLOEXEC)) < 0) {
			kh_warn("%s:", v[i].data);
			st = KH_EXIT_ERROR;
			continue;
		}
		arc_scan(fd, opt.arc.dict, opt.arc.dictlen,
		    warc ? warc_unit : cat_unit, wc, &why);
		if (why != NULL) {
			kh_warn("%s: %s; run store verify", v[i].data, why);
			st = KH_EXIT_ERROR;
		}
		close(fd);
	}
	free_parts(v, n);
	if (wc != NULL && warc_close(wc) < 0)
		kh_die("write error on standard output:");
	return st;
}

/* The last index line of url in one index file, or NULL. */
static char *
find_url(char *idx, size_t len, const char *url, struct arc_entry *e)
{
	size_t ul = strlen(url);
	char *p = idx, *hit = NULL, *nl;

	while ((p = memmem(p, idx + len - p, url, ul)) != NULL) {
		if ((p == idx || p[-1] == '\n') && p[ul] == '\t')
			hit = p;
		p += ul;
	}
	if (hit == NULL)
		return NULL;
	nl = memchr(hit, '\n', idx + len - hit);
	if (nl == NULL || arc_entry_parse(hit, nl - hit, e) < 0)
		return NULL;
	return hit;
}

static int
cmd_get(struct archive *a, char **urls)
{
	static char *buf;
	static size_t cap;
	struct part_name *v;
	struct arc_entry e;
	struct arc_unit u;
	const char *why, *line;
	struct stat sb;
	size_t n, len, ilen;
	char *idx;
	int fd, st = 0, found;

	if (*urls == NULL)
		kh_usage();
	v = list_parts(a, &n);
	for (; *urls; urls++) {
		found = 0;
		for (size_t i = n; i-- > 0 && !found;) {
			if ((idx = slurp(v[i].idx, &ilen)) == NULL)
				continue;
			if (find_url(idx, ilen, *urls, &e) != NULL) {
				found = 1;
				fd = open(v[i].data, O_RDONLY | O_CLOEXEC);
				if (fd < 0 || fstat(fd, &sb) < 0 ||
				    arc_unit_read(fd, e.off, sb.st_size, &u,
				    &why) != 1 || arc_unit_record(fd, &u,
				    opt.arc.dict, opt.arc.dictlen, e.recno,
				    &buf, &cap, &line, &len, &why) < 0) {
					kh_warn("%s: cannot read the record of "
					    "%s: %s", v[i].data, *urls, fd < 0 ?
					    strerror(errno) : why);
					st = KH_EXIT_ERROR;
				} else {
					line = restore(line, len, &len);
					rec_write_text(line, len);
				}
				if (fd >= 0)
					close(fd);
			}
			free(idx);
		}
		if (!found) {
			kh_warn("%s: not in the archive", *urls);
			if (st == 0)
				st = KH_EXIT_SKIPPED;
		}
	}
	free_parts(v, n);
	return st;
}

/* Each index line of each part, to fn. */
static void
each_entry(struct archive *a, void (*fn)(const struct arc_entry *,
    const struct part_name *, void *), void *arg)
{
	struct part_name *v;
	struct arc_entry e;
	size_t n, len;
	char *idx, *p, *nl;

	v = list_parts(a, &n);
	for (size_t i = 0; i < n; i++) {
		if ((idx = slurp(v[i].idx, &len)) == NULL) {
			kh_warn("%s: no index; run store reindex", v[i].idx);
			continue;
		}
		for (p = idx; (nl = memchr(p, '\n', idx + len - p)); p = nl + 1)
			if (arc_entry_parse(p, nl - p, &e) == 0)
				fn(&e, &v[i], arg);
		free(idx);
	}
	free_parts(v, n);
}

static void
ls_entry(const struct arc_entry *e, const struct part_name *pn, void *arg)
{
	(void)pn, (void)arg;
	printf("%.*s\t%.*s\t%" PRIu64 "\n", (int)e->urllen, e->url,
	    e->fetched_at ? (int)e->fetchedlen : 1,
	    e->fetched_at ? e->fetched_at : "-", e->size);
}

struct stats {
	uint64_t records, raw, units, last_off;
	const char *last_part;
};

static void
stat_entry(const struct arc_entry *e, const struct part_name *pn, void *arg)
{
	struct stats *s = arg;

	s->records++;
	s->raw += e->size + 1;
	if (s->last_part != pn->data || s->last_off != e->off)
		s->units++;
	s->last_part = pn->data;
	s->last_off = e->off;
}

static int
cmd_stats(struct archive *a)
{
	struct stats s = { 0 };
	struct part_name *v;
	struct stat sb;
	uint64_t comp = 0;
	size_t n;

	each_entry(a, stat_entry, &s);
	v = list_parts(a, &n);
	for (size_t i = 0; i < n; i++)
		if (stat(v[i].data, &sb) == 0)
			comp += sb.st_size;
	printf("files\t%zu\n", n);
	if (n > 0 && !a->single)
		printf("days\t%s..%s\n", v[0].day, v[n - 1].day);
	printf("records\t%" PRIu64 "\nframes\t%" PRIu64 "\n", s.records,
	    s.units);
	printf("bytes\t%" PRIu64 "\ncompressed\t%" PRIu64 "\n", s.raw, comp);
	printf("ratio\t%.2f\n", comp ? (double)s.raw / comp : 0.0);
	free_parts(v, n);
	return 0;
}

/* verify and reindex: walk the data, compare with or rebuild the index. */
struct walk {
	const struct part_name *pn;
	FILE *out;		/* reindex: the new index */
	char *idx;		/* verify: the index, and where we are in it */
	size_t idxlen, at;
	uint64_t records;
	int problems;
};

static void
problem(struct walk *wk, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
problem(struct walk *wk, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	kh_warn("%s: %s", wk->pn->data, msg);
	wk->problems++;
}

/* Does the record refer to a body that no record holds? */
static int
unresolved(const char *text, size_t len)
{
	size_t start, end, n;
	const char *v;

	if (memmem(text, len, "_ref\":\"@", 8) == NULL)
		return 0;
	for (const char *const *f = dedup_fields; *f; f++)
		if (resolve(text, len, *f, &start, &end, &v, &n) < 0)
			return 1;
	return 0;
}

static int
walk_unit(const struct arc_unit *u, const char *recs, void *arg)
{
	struct walk *wk = arg;
	struct arc_entry e;
	const char *line;
	char *url, *fetched, *hashes, *nl;
	size_t len = 0;

	for (uint32_t i = 0; i < u->nrec; i++) {
		line = arc_nth_line(recs, u->raw, i, &len);
		if (line == NULL ||
		    arc_record_keys(line, len, &url, &fetched, &hashes) < 0) {
			problem(wk, "unit at %" PRIu64 ", record %" PRIu32
			    ": not a record with a url", u->off, i);
			continue;
		}
		wk->records++;
		if (wk->out == NULL && unresolved(line, len))
			problem(wk, "%s: refers to a body no record holds",
			    url);
		if (wk->out != NULL) {
			fprintf(wk->out, "%s\t%" PRIu64 "\t%" PRIu32 "\t%"
			    PRIu32 "\t%s\t%zu\t%s\n", url, u->off, ARC_HDR +
			    u->comp, i, fetched ? fetched : "-", len,
			    hashes ? hashes : "-");
		} else if (wk->idx != NULL) {
			nl = memchr(wk->idx + wk->at, '\n', wk->idxlen - wk->at);
			if (nl == NULL || arc_entry_parse(wk->idx + wk->at,
			    nl - (wk->idx + wk->at), &e) < 0) {
				problem(wk, "the index lacks %s (unit at %"
				    PRIu64 ")", url, u->off);
			} else {
				if (e.off != u->off || e.recno != i ||
				    e.urllen != strlen(url) ||
				    memcmp(e.url, url, e.urllen) != 0)
					problem(wk, "index line for %s does "
					    "not match the data", url);
				wk->at = nl - wk->idx + 1;
			}
		}
		free(url);
		free(fetched);
		free(hashes);
	}
	return 0;
}

/* How many index lines point at or past off (what a cut loses). */
static size_t
indexed_from(char *idx, size_t len, uint64_t off)
{
	struct arc_entry e;
	char *p, *nl;
	size_t n = 0;

	for (p = idx; p && (nl = memchr(p, '\n', idx + len - p)); p = nl + 1)
		if (arc_entry_parse(p, nl - p, &e) == 0 && e.off >= off)
			n++;
	return n;
}

static int
walk_part(const struct part_name *pn, int rebuild)
{
	struct walk wk = { .pn = pn };
	char *tmp = NULL;
	const char *why;
	struct stat sb;
	uint64_t end;
	int fd;

	if ((fd = open(pn->data, (opt.repair ? O_RDWR : O_RDONLY) |
	    O_CLOEXEC)) < 0 || fstat(fd, &sb) < 0) {
		kh_warn("%s:", pn->data);
		return 1;
	}
	if (rebuild) {
		tmp = pathcat(pn->idx, ".tmp", "");
		if ((wk.out = fopen(tmp, "w")) == NULL)
			kh_die("%s:", tmp);
	} else if ((wk.idx = slurp(pn->idx, &wk.idxlen)) == NULL) {
		problem(&wk, "no index (%s); run store reindex", pn->idx);
	}
	end = arc_scan(fd, opt.arc.dict, opt.arc.dictlen, walk_unit, &wk, &why);
	if (why != NULL) {
		problem(&wk, "at byte %" PRIu64 " of %jd: %s", end,
		    (intmax_t)sb.st_size, why);
		if (opt.repair) {
			if (ftruncate(fd, end) < 0 || fsync(fd) < 0)
				kh_die("%s: cannot cut the damaged tail:",
				    pn->data);
			kh_warn("%s: cut %jd bytes from byte %" PRIu64
			    ": %zu indexed records lost", pn->data,
			    (intmax_t)(sb.st_size - end), end,
			    indexed_from(wk.idx, wk.idxlen, end));
		}
	}
	if (wk.idx != NULL && wk.at < wk.idxlen)
		problem(&wk, "the index has lines for records the data lacks");
	if (wk.out != NULL) {
		if (fflush(wk.out) == EOF || fsync(fileno(wk.out)) < 0 ||
		    fclose(wk.out) == EOF || rename(tmp, pn->idx) < 0)
			kh_die("%s:", tmp);
	}
	free(tmp);
	free(wk.idx);
	close(fd);
	if (!rebuild && wk.problems == 0 && !kh_run.quiet)
		fprintf(stderr, "%s: %s: %" PRIu64 " records, all sound\n",
		    kh_prog, pn->data, wk.records);
	return wk.problems;
}

static int
cmd_walk(struct archive *a, int rebuild)
{
	struct part_name *v;
	size_t n;
	int bad = 0;

	if (rebuild || opt.repair)
		archive_lock(a);
	v = list_parts(a, &n);
	for (size_t i = 0; i < n; i++)
		bad += walk_part(&v[i], rebuild);
	/* verify --repair: the data is cut; now bring the index in line. */
	if (!rebuild && opt.repair && bad > 0)
		for (size_t i = 0; i < n; i++)
			walk_part(&v[i], 1);
	if (rebuild || opt.repair)
		sync_dir(a);
	free_parts(v, n);
	if (rebuild)
		return 0;
	return bad ? KH_EXIT_SKIPPED : 0;
}

/* new: the records whose url the archive lacks. */
static void
known_entry(const struct arc_entry *e, const struct part_name *pn, void *arg)
{
	int added;

	(void)pn;
	strmap_get(arg, e->url, e->urllen, &added);
}

static void
new_record(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	struct json_object *v;
	int added;

	if (!json_object_object_get_ex(rec, "url", &v) ||
	    !json_object_is_type(v, json_type_string)) {
		rec_bad(pos, "no url; skipped");
		return;
	}
	strmap_get(arg, json_object_get_string(v),
	    json_object_get_string_len(v), &added);
	if (added)
		rec_write(rec);
}

static int
cmd_new(struct archive *a, char **files)
{
	struct strmap seen = { 0 };

	each_entry(a, known_entry, &seen);
	rec_loop(files, new_record, &seen);
	strmap_free(&seen);
	return rec_exit();
}

/* --- main ------------------------------------------------------------------ */

static void
option(int c, char *arg)
{
	char *eq;
	size_t n;

	switch (c) {
	case 'o':
		opt.out = arg;
		break;
	case OPT_TEE:
		opt.tee = 1;
		break;
	case OPT_LEVEL:
		opt.arc.level = atoi(arg);
		if (opt.arc.level < 1 || opt.arc.level > ZSTD_maxCLevel())
			kh_die("--level: want 1..%d", ZSTD_maxCLevel());
		break;
	case OPT_FRAME:
		if (kh_parse_size(arg, &n) < 0 || n > ((size_t)1 << 30))
			kh_die("--frame-size: not a size up to 1G: %s", arg);
		opt.arc.frame = n;
		opt.frame_set = 1;
		break;
	case OPT_FROM:
	case OPT_TO:
		if (!is_day(arg) || arg[10] != '\0')
			kh_die("--%s: want YYYY-MM-DD: %s",
			    c == OPT_FROM ? "from" : "to", arg);
		*(c == OPT_FROM ? &opt.from : &opt.to) = arg;
		break;
	case OPT_WHERE:
		if ((eq = strchr(arg, '=')) == NULL || eq == arg)
			kh_die("--where: want field=value: %s", arg);
		opt.where_key = strndup(arg, eq - arg);
		opt.where_val = eq + 1;
		break;
	case OPT_REPAIR:
		opt.repair = 1;
		break;
	case OPT_WARC:
		opt.warc = 1;
		break;
	default:
		kh_usage();
	}
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "tee", no_argument, NULL, OPT_TEE },
		{ "level", required_argument, NULL, OPT_LEVEL },
		{ "frame-size", required_argument, NULL, OPT_FRAME },
		{ "from", required_argument, NULL, OPT_FROM },
		{ "to", required_argument, NULL, OPT_TO },
		{ "where", required_argument, NULL, OPT_WHERE },
		{ "repair", no_argument, NULL, OPT_REPAIR },
		{ "warc", no_argument, NULL, OPT_WARC },
		{ NULL, 0, NULL, 0 },
	};
	static const struct kh_cli cli = {
		.usage = "[-hq] [--frame-size size] [--level n] "
		    "[--max-line size] [--progress] [--strict] [--tee] "
		    "[--version] -o archive [file ...]\n"
		    "       store cat [--from day] [--to day] "
		    "[--where field=value] archive\n"
		    "       store get archive url ...\n"
		    "       store ls archive\n"
		    "       store stats archive\n"
		    "       store verify [--repair] archive\n"
		    "       store reindex archive\n"
		    "       store new archive [file ...]\n"
		    "       store export --warc [--from day] [--to day] "
		    "[--where field=value] archive",
		.help = "  -o archive        append the records to archive (a "
		    "directory of day files,\n"
		    "                    or a single file ending in .zst)\n"
		    "      --tee         pass each record on once it is "
		    "stored\n"
		    "      --level N     zstd level (default 3)\n"
		    "      --frame-size N  bytes of records a frame holds "
		    "(default 1M; 16M\n"
		    "                    at levels 10 and above)\n"
		    "      --from DAY, --to DAY  cat: days to read\n"
		    "      --where F=V   cat: records whose field F is V\n"
		    "      --repair      verify: cut a damaged tail, rebuild "
		    "the index\n"
		    "      --warc        export: WARC 1.1, one gzip member a "
		    "record, on stdout\n",
		.shortopts = "o:",
		.longopts = longopts,
		.opt = option,
	};
	static struct archive a;	/* static: reachable at exit */
	char **args;
	int i = kh_options(argc, argv, &cli), st;

	args = argv + i;
	if (opt.out != NULL)
		return cmd_write(args);
	if (args[0] == NULL || args[1] == NULL)
		kh_usage();
	archive_init(&a, args[1], 0);
	refs_in = &a;
	if (strcmp(args[0], "cat") == 0)
		st = cmd_cat(&a, 0);
	else if (strcmp(args[0], "export") == 0 && opt.warc)
		st = cmd_cat(&a, 1);
	else if (strcmp(args[0], "get") == 0)
		st = cmd_get(&a, args + 2);
	else if (strcmp(args[0], "ls") == 0)
		st = (each_entry(&a, ls_entry, NULL), 0);
	else if (strcmp(args[0], "stats") == 0)
		st = cmd_stats(&a);
	else if (strcmp(args[0], "verify") == 0)
		st = cmd_walk(&a, 0);
	else if (strcmp(args[0], "reindex") == 0)
		st = cmd_walk(&a, 1);
	else if (strcmp(args[0], "new") == 0)
		return cmd_new(&a, args + 2);
	else
		kh_usage();
	i = rec_exit();
	return st > i ? st : i;
}
