/*
 * urlidx.c: the archive's URL index (the layout is in urlidx.h).
 *
 * Readers read the slots a lookup probes (pread: a mapped table would
 * grow a long reader's resident memory with the archive, the kernel
 * mapping 16 pages around each one touched) and map the log, which a
 * merge keeps small, so that a lookup costs the same whatever the size
 * of the archive.  Writers never change a file in place that a reader may have
 * mapped, but for appending to the log and its header's words: a table
 * or a log cut back is written anew and renamed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "khobor.h"
#include "archive.h"
#include "store.h"
#include "urlidx.h"

#define HDR 64			/* bytes of a header */
#define ENT 16			/* bytes of an entry */
#define VERSION 1
#define OFF_BITS 42
#define OFF_MASK (((uint64_t)1 << OFF_BITS) - 1)
#define NFD 16			/* day indexes a reader keeps open */

/* Header words, after the magic. */
enum { W_VERSION = 1, W_BITS, W_ID, W_SLOTS, W_ENTRIES, W_DAYS };
enum { W_TABLE = 3, W_CLEAN, W_WRITING };	/* the log's */
/* W_WRITING: a run writes (WRITING), or is bringing the log up to date
 * as it starts (MENDING: what it holds may lack what a run that did not
 * finish indexed; readers do not trust it). */
enum { WRITING = 1, MENDING = 2 };

static const char tab_magic[8] = { 'k', 'h', 'u', 'r', 'l', 't', 'a', 'b' };
static const char log_magic[8] = { 'k', 'h', 'u', 'r', 'l', 'l', 'o', 'g' };

/* --- days, hashes, files ------------------------------------------------ */

/* A day (day_num's YYYYMMDD, 0 for a single file) as a number that
 * grows with the date and fits in 22 bits: every YYYY-MM-DD is_day()
 * takes has one. */
static uint64_t
day_code(int dn)
{
	if (dn == 0)
		return 0;
	return ((uint64_t)(dn / 10000) * 12 + dn / 100 % 100 - 1) * 31 +
	    dn % 100 - 1 + 1;
}

static void
day_name(uint64_t c, char day[11])
{
	if (c == 0) {
		day[0] = '\0';
		return;
	}
	c--;
	snprintf(day, 11, "%04u-%02u-%02u", (unsigned)(c / 372) % 10000,
	    (unsigned)(c / 31 % 12 + 1), (unsigned)(c % 31 + 1));
}

/* Hash bits a new table gets: 64, fewer for tests that want collisions
 * (KH_URLIDX_HASH_BITS). */
static int
new_bits(void)
{
	const char *s = getenv("KH_URLIDX_HASH_BITS");
	int b = s ? atoi(s) : 64;

	return b >= 1 && b <= 64 ? b : 64;
}

/* FNV-1a, then a finaliser that spreads it over all 64 bits; never 0,
 * which marks an empty slot (and a mark in the log). */
static uint64_t
url_hash(const char *s, size_t n, int bits)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3ULL;
	}
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	if (bits < 64)
		h &= ((uint64_t)1 << bits) - 1;
	return h ? h : 1;
}

/* The slot a hash starts at (spread again, for hashes of a few bits). */
static uint64_t
slot_of(uint64_t h, uint64_t nslots)
{
	return (uint64_t)(((unsigned __int128)(h * 0x9e3779b97f4a7c15ULL) *
	    nslots) >> 64);
}

static char *
urls_path(const struct archive *a, const char *suffix)
{
	return a->single ? pathcat(a->path, ".urls", suffix) :
	    pathcat(a->path, "/khobor.urls", suffix);
}

/* Whether another process holds the archive's lock: a writer is at
 * work. */
static int
writer_running(const struct archive *a)
{
	char *lock;
	int fd, r = 0;

	if (a->lockfd >= 0)
		return 0;	/* ours */
	lock = a->single ? pathcat(a->path, ".lock", "") :
	    pathcat(a->path, "/", ".lock");
	fd = kh_open(lock, O_RDONLY, 0);
	free(lock);
	if (fd < 0)
		return 0;
	if (flock(fd, LOCK_SH | LOCK_NB) < 0)
		r = errno == EWOULDBLOCK;
	close(fd);
	return r;
}

/* A whole file, mapped: NULL with errno. */
static const uint64_t *
map_file(const char *path, size_t *len)
{
	struct stat st;
	void *p;
	int fd = kh_open(path, O_RDONLY, 0), e;

	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) < 0 || st.st_size < HDR) {
		e = st.st_size < HDR ? EINVAL : errno;
		close(fd);
		errno = e;
		return NULL;
	}
	p = mmap(NULL, st.st_size, PROT_READ, MAP_SHARED, fd, 0);
	e = errno;
	close(fd);
	if (p == MAP_FAILED) {
		errno = e;
		return NULL;
	}
	*len = st.st_size;
	return p;
}

static const char *
table_check(const uint64_t *t, size_t len)
{
	if (memcmp(t, tab_magic, 8) != 0)
		return "not a URL index";
	if (t[W_VERSION] != VERSION)
		return "a URL index of a version this store does not know";
	if (t[W_BITS] < 1 || t[W_BITS] > 64 || t[W_SLOTS] == 0 ||
	    t[W_SLOTS] > len / ENT || t[W_DAYS] > len / ENT ||
	    t[W_ENTRIES] >= t[W_SLOTS] ||
	    HDR + (t[W_SLOTS] + t[W_DAYS]) * ENT != len)
		return "a URL index cut short or damaged";
	return NULL;
}

static const char *
log_check(const uint64_t *l, size_t len, uint64_t bits)
{
	if (memcmp(l, log_magic, 8) != 0 || l[W_VERSION] != VERSION ||
	    l[W_BITS] != bits || l[W_CLEAN] < HDR || l[W_CLEAN] > len ||
	    (l[W_CLEAN] - HDR) % ENT != 0 || l[W_WRITING] > MENDING)
		return "a URL index log cut short or damaged";
	return NULL;
}

/* Whether the index line e names url (as its url or another URL). */
struct names {
	const char *url;
	size_t n;
	int yes;
};

static void
names_url(const char *u, size_t n, void *arg)
{
	struct names *nm = arg;

	if (n == nm->n && memcmp(u, nm->url, n) == 0)
		nm->yes = 1;
}

static int
names(const struct arc_entry *e, const char *url, size_t n)
{
	struct names nm = { url, n, 0 };

	arc_entry_urls(e, names_url, &nm);
	return nm.yes;
}

/* --- reading ------------------------------------------------------------ */

struct urlidx {
	const struct archive *a;
	int tfd;		/* the table */
	uint64_t tab[HDR / 8];	/* its header */
	size_t tablen;
	const uint64_t *log;	/* the log, mapped, header and all */
	size_t loglen;
	const uint64_t *ents;	/* its entries */
	uint64_t nslots, nents;
	int bits;
	struct {
		uint64_t day;
		int fd;
	} fd[NFD];
	int nfd, next;
	char *line;		/* the last index line read */
	size_t cap;
};

void
urlidx_close(struct urlidx *x)
{
	if (x == NULL)
		return;
	if (x->tfd >= 0)
		close(x->tfd);
	if (x->log != NULL)
		munmap((void *)x->log, x->loglen);
	for (int i = 0; i < x->nfd; i++)
		close(x->fd[i].fd);
	free(x->line);
	free(x);
}

/* Map the table and the log: NULL, or why not. */
static const char *
open_maps(struct urlidx *x, const char *tpath, const char *lpath)
{
	const char *why;
	struct stat st;

	if ((x->tfd = kh_open(tpath, O_RDONLY, 0)) < 0)
		return errno == ENOENT ? "no URL index (store reindex makes "
		    "one)" : strerror(errno);
	if (fstat(x->tfd, &st) < 0)
		return strerror(errno);
	if (st.st_size < HDR)
		return "a URL index cut short";
	if (kh_pread_full(x->tfd, x->tab, HDR, 0) < 0)
		return strerror(errno);
	x->tablen = st.st_size;
	if ((why = table_check(x->tab, x->tablen)) != NULL)
		return why;
	if ((x->log = map_file(lpath, &x->loglen)) == NULL)
		return errno == ENOENT ? "no URL index log" : errno == EINVAL ?
		    "a URL index log cut short" : strerror(errno);
	return log_check(x->log, x->loglen, x->tab[W_BITS]);
}

/* The index; with any, also one that a run that did not finish left
 * (verify checks what it holds). */
static struct urlidx *
open_index(const struct archive *a, int any, const char **why)
{
	struct urlidx *x = kh_malloc(sizeof(*x));
	char *tpath = urls_path(a, ""), *lpath = urls_path(a, ".log");

	for (int tries = 0; tries < 2; tries++) {
		memset(x, 0, sizeof(*x));
		x->a = a;
		x->tfd = -1;
		if ((*why = open_maps(x, tpath, lpath)) != NULL)
			goto fail;
		if (x->log[W_TABLE] == x->tab[W_ID]) {
			/* every whole entry there is, while a writer is at
			 * work (checked below) */
			x->ents = x->log + HDR / 8;
			x->nents = ((x->log[W_WRITING] ? x->loglen :
			    x->log[W_CLEAN]) - HDR) / ENT;
		} else if (x->log[W_TABLE] + 1 != x->tab[W_ID]) {
			/* not the log of a table merged from it: a writer
			 * replaced both between our two opens, perhaps */
			*why = "the URL index and its log do not match";
			if (tries == 0) {
				urlidx_close(x);
				x = kh_malloc(sizeof(*x));
				continue;
			}
			goto fail;
		}
		break;
	}
	if (!any && x->log[W_WRITING] == MENDING) {
		*why = "a run is bringing the URL index up to date";
		goto fail;
	}
	if (!any && (x->log[W_WRITING] || x->log[W_CLEAN] != x->loglen) &&
	    !writer_running(a)) {
		*why = "a run that did not finish left the URL index behind "
		    "(the next store -o brings it up to date)";
		goto fail;
	}
	x->nslots = x->tab[W_SLOTS];
	x->bits = x->tab[W_BITS];
	free(tpath);
	free(lpath);
	return x;
fail:
	free(tpath);
	free(lpath);
	urlidx_close(x);
	return NULL;
}

struct urlidx *
urlidx_open(const struct archive *a, const char **why)
{
	return open_index(a, 0, why);
}

/* The .idx of a day, open. */
static int
day_fd(struct urlidx *x, uint64_t code)
{
	char day[11], *data, *idx;
	int i, fd;

	for (i = 0; i < x->nfd; i++)
		if (x->fd[i].day == code)
			return x->fd[i].fd;
	day_name(code, day);
	day_paths(x->a, day, &data, &idx);
	fd = kh_open(idx, O_RDONLY, 0);
	free(data);
	free(idx);
	if (fd < 0)
		return -1;
	if (x->nfd < NFD) {
		i = x->nfd++;
	} else {
		i = x->next++ % NFD;
		close(x->fd[i].fd);
	}
	x->fd[i].day = code;
	x->fd[i].fd = fd;
	return fd;
}

/* The index line at loc, parsed into *e: 0, or -1 with *why. */
static int
read_line(struct urlidx *x, uint64_t loc, struct arc_entry *e,
    const char **why)
{
	uint64_t off = loc & OFF_MASK, at = off ? off - 1 : 0;
	size_t have = 0, want = 4096, skip = off ? 1 : 0;
	ssize_t r;
	char *nl;
	int fd;

	if ((fd = day_fd(x, loc >> OFF_BITS)) < 0) {
		*why = errno == ENOENT ? "it points into a day index that is "
		    "not there" : strerror(errno);
		return -1;
	}
	for (;;) {
		if (want > x->cap)
			x->line = kh_realloc(x->line, x->cap = want);
		r = pread(fd, x->line + have, want - have, at + have);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			*why = strerror(errno);
			return -1;
		}
		have += r;
		if (skip && (have == 0 || x->line[0] != '\n')) {
			*why = "it points inside an index line";
			return -1;
		}
		if (have > skip &&
		    (nl = memchr(x->line + skip, '\n', have - skip)) != NULL)
			break;
		if (r == 0) {
			*why = "it points past the end of a day index";
			return -1;
		}
		if (have == want)
			want *= 2;
	}
	if (arc_entry_parse(x->line + skip, nl - (x->line + skip), e) < 0) {
		*why = "it points at no index line";
		return -1;
	}
	return 0;
}

/* The newest entry of hash h: 1 with *loc, 0 when there is none, -1
 * with *why when the table cannot be read.  The slots are read 32 at a
 * time from where h starts. */
static int
newest(const struct urlidx *x, uint64_t h, uint64_t *loc, const char **why)
{
	uint64_t buf[2 * 32], i = slot_of(h, x->nslots), s = 0, m, k;
	int found = 0;

	while (s < x->nslots) {
		m = x->nslots - i < 32 ? x->nslots - i : 32;
		if (kh_pread_full(x->tfd, buf, m * ENT, HDR + i * ENT) < 0) {
			*why = strerror(errno);
			return -1;
		}
		for (k = 0; k < m && s < x->nslots; k++, s++) {
			if (buf[2 * k] == 0)
				goto log;
			if (buf[2 * k] == h) {
				*loc = buf[2 * k + 1];
				found = 1;
				goto log;
			}
		}
		i = i + m == x->nslots ? 0 : i + m;
	}
log:
	for (k = 0; k < x->nents; k++)
		if (x->ents[2 * k] == h && (!found || x->ents[2 * k + 1] > *loc))
			*loc = x->ents[2 * k + 1], found = 1;
	return found;
}

int
urlidx_find(struct urlidx *x, const char *url, size_t n,
    struct arc_entry *e, char day[11], uint64_t *where, const char **why)
{
	uint64_t loc;
	int r;

	*why = NULL;
	if ((r = newest(x, url_hash(url, n, x->bits), &loc, why)) <= 0)
		return r;
	if (read_line(x, loc, e, why) < 0)
		return -1;
	if (!names(e, url, n))
		return -1;	/* another URL with its hash */
	day_name(loc >> OFF_BITS, day);
	*where = loc;
	return 1;
}

/* --- entries, tables and logs ------------------------------------------- */

/* Entries being gathered: hash and loc, one after the other; a hash of
 * 0 is a mark (loc: day and the length of its .idx covered). */
struct ents {
	uint64_t *v;
	size_t n, cap;		/* entries */
};

static void
ents_add(struct ents *s, uint64_t h, uint64_t loc)
{
	if (s->n == s->cap)
		s->v = kh_realloc(s->v, (s->cap = s->cap ? 2 * s->cap : 1024) *
		    ENT);
	s->v[2 * s->n] = h;
	s->v[2 * s->n + 1] = loc;
	s->n++;
}

struct line_urls {
	struct ents *s;
	int bits;
	uint64_t loc;
};

static void
line_url(const char *url, size_t n, void *arg)
{
	struct line_urls *lu = arg;

	ents_add(lu->s, url_hash(url, n, lu->bits), lu->loc);
}

/* The entries of index lines (n bytes that start at off in the .idx of
 * day code), and a mark after them: where the whole lines end. */
static uint64_t
ents_lines(struct ents *s, int bits, uint64_t code, const char *lines,
    size_t n, uint64_t off)
{
	struct line_urls lu = { s, bits, 0 };
	struct arc_entry e;
	const char *p = lines, *nl;
	char *line;

	for (; (nl = memchr(p, '\n', lines + n - p)) != NULL; p = nl + 1) {
		line = (char *)p;	/* arc_entry_parse changes nothing */
		if (arc_entry_parse(line, nl - p, &e) < 0)
			continue;	/* verify says why */
		lu.loc = code << OFF_BITS | (off + (p - lines));
		arc_entry_urls(&e, line_url, &lu);
	}
	ents_add(s, 0, code << OFF_BITS | (off + (p - lines)));
	return off + (p - lines);
}

/* What a table covers (and marks after it): day code and length,
 * sorted, the longest of each day. */
struct cov {
	uint64_t day, len;
};

static int
by_day(const void *a, const void *b)
{
	const struct cov *x = a, *y = b;

	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return x->len < y->len ? -1 : x->len > y->len;
}

/* The marks of s as coverage: *n days. */
static struct cov *
ents_cov(const struct ents *s, size_t *n)
{
	struct cov *c = kh_malloc((s->n + 1) * sizeof(*c));
	size_t k = 0;

	for (size_t i = 0; i < s->n; i++)
		if (s->v[2 * i] == 0) {
			c[k].day = s->v[2 * i + 1] >> OFF_BITS;
			c[k++].len = s->v[2 * i + 1] & OFF_MASK;
		}
	qsort(c, k, sizeof(*c), by_day);
	*n = 0;
	for (size_t i = 0; i < k; i++) {
		if (*n > 0 && c[*n - 1].day == c[i].day)
			(*n)--;	/* the longest is last */
		c[(*n)++] = c[i];
	}
	return c;
}

/* Write buf at the end of what fd holds (at *end): 0, or -1 (errno). */
static int
put_at(int fd, const void *buf, size_t n, uint64_t *end)
{
	if (kh_pwrite_full(fd, buf, n, *end) < 0)
		return -1;
	*end += n;
	return 0;
}

/* A table of the entries of s (the newest of each hash) and their
 * marks, written to path.tmp, synced and renamed to path, its
 * directory synced: 0, or -1 (reported). */
static int
write_table(const char *path, const struct ents *s, int bits, uint64_t id)
{
	uint64_t hdr[HDR / 8] = { 0 }, *slots, nslots, i, h, end = 0;
	size_t nent = 0, ncov;
	struct cov *cov;
	char *tmp = pathcat(path, ".tmp", "");
	int fd = -1, ret = -1;

	for (i = 0; i < s->n; i++)
		nent += s->v[2 * i] != 0;
	nslots = nent + nent / 2 + 16;	/* at most 2/3 full */
	slots = calloc(nslots, ENT);
	if (slots == NULL)
		kh_die("out of memory");
	nent = 0;
	for (size_t k = 0; k < s->n; k++) {
		if ((h = s->v[2 * k]) == 0)
			continue;
		for (i = slot_of(h, nslots); slots[2 * i] != 0 &&
		    slots[2 * i] != h; i = i + 1 == nslots ? 0 : i + 1)
			;
		if (slots[2 * i] == 0) {
			slots[2 * i] = h;
			slots[2 * i + 1] = s->v[2 * k + 1];
			nent++;
		} else if (s->v[2 * k + 1] > slots[2 * i + 1]) {
			slots[2 * i + 1] = s->v[2 * k + 1];
		}
	}
	cov = ents_cov(s, &ncov);
	memcpy(hdr, tab_magic, 8);
	hdr[W_VERSION] = VERSION;
	hdr[W_BITS] = bits;
	hdr[W_ID] = id;
	hdr[W_SLOTS] = nslots;
	hdr[W_ENTRIES] = nent;
	hdr[W_DAYS] = ncov;
	if ((fd = kh_open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644)) < 0 ||
	    put_at(fd, hdr, HDR, &end) < 0 ||
	    put_at(fd, slots, nslots * ENT, &end) < 0 ||
	    put_at(fd, cov, ncov * sizeof(*cov), &end) < 0 ||
	    kh_fsync(fd) < 0) {
		kh_warn("%s:", tmp);
		goto done;
	}
	if (kh_close(fd) < 0) {
		fd = -1;
		kh_warn("%s:", tmp);
		goto done;
	}
	fd = -1;
	if (kh_rename(tmp, path) < 0) {
		kh_warn("%s: rename:", tmp);
		goto done;
	}
	if (kh_sync_parent(path) < 0) {
		kh_warn("%s: fsync of its directory:", path);
		goto done;
	}
	ret = 0;
done:
	if (fd >= 0)
		close(fd);
	if (ret < 0)
		unlink(tmp);
	free(tmp);
	free(slots);
	free(cov);
	return ret;
}

/* A log for table id holding n entries (ents), written to path.tmp,
 * synced and renamed: its descriptor, open for appending, or -1
 * (reported). */
static int
write_log(const char *path, int bits, uint64_t id, const uint64_t *ents,
    size_t n, int writing)
{
	uint64_t hdr[HDR / 8] = { 0 }, end = 0;
	char *tmp = pathcat(path, ".tmp", "");
	int fd;

	memcpy(hdr, log_magic, 8);
	hdr[W_VERSION] = VERSION;
	hdr[W_BITS] = bits;
	hdr[W_TABLE] = id;
	hdr[W_CLEAN] = HDR + n * ENT;
	hdr[W_WRITING] = writing;
	if ((fd = kh_open(tmp, O_RDWR | O_CREAT | O_TRUNC, 0644)) < 0 ||
	    put_at(fd, hdr, HDR, &end) < 0 ||
	    put_at(fd, ents, n * ENT, &end) < 0 || kh_fsync(fd) < 0) {
		kh_warn("%s:", tmp);
		goto fail;
	}
	if (kh_rename(tmp, path) < 0) {
		kh_warn("%s: rename:", tmp);
		goto fail;
	}
	if (kh_sync_parent(path) < 0) {
		kh_warn("%s: fsync of its directory:", path);
		free(tmp);
		close(fd);
		return -1;
	}
	free(tmp);
	return fd;
fail:
	if (fd >= 0)
		close(fd);
	unlink(tmp);
	free(tmp);
	return -1;
}

/* The entries of every day index of the archive, their coverage marked. */
static int
ents_archive(const struct archive *a, struct ents *s, int bits)
{
	struct part_name *v;
	size_t n, len;
	char *idx;
	int ret = 0;

	v = list_parts(a, &n);
	for (size_t i = 0; i < n; i++) {
		if ((idx = slurp(v[i].idx, &len)) == NULL) {
			if (errno == ENOENT)
				continue;	/* verify says so */
			kh_warn("%s:", v[i].idx);
			ret = -1;
			break;
		}
		ents_lines(s, bits, day_code(day_num(v[i].day)), idx, len, 0);
		free(idx);
	}
	free_parts(v, n);
	return ret;
}

/* An id for a new table, one past those there are, so that a log of
 * another table is never taken for its own: 0, or -1 (reported). */
static int
next_id(const struct archive *a, uint64_t *id)
{
	char *path[2] = { urls_path(a, ""), urls_path(a, ".log") };
	const uint64_t *m;
	size_t len;
	int ret = 0;

	*id = (uint64_t)time(NULL) << 20;
	for (int i = 0; i < 2; i++) {
		if ((m = map_file(path[i], &len)) != NULL) {
			if (memcmp(m, i ? log_magic : tab_magic, 8) == 0 &&
			    m[W_ID] >= *id)	/* W_TABLE in a log */
				*id = m[W_ID] + 1;
			munmap((void *)m, len);
		} else if (errno != ENOENT && errno != EINVAL) {
			kh_warn("%s:", path[i]);
			ret = -1;
		}
	}
	free(path[0]);
	free(path[1]);
	return ret;
}

/* A new table from the day indexes, and an empty log: the log's
 * descriptor (writing: marked as being written), or -1. */
static int
rebuild(const struct archive *a, int bits, uint64_t *id, int writing)
{
	struct ents s = { 0 };
	char *tpath = urls_path(a, ""), *lpath = urls_path(a, ".log");
	int fd = -1;

	if (next_id(a, id) == 0 && ents_archive(a, &s, bits) == 0 &&
	    write_table(tpath, &s, bits, *id) == 0)
		fd = write_log(lpath, bits, *id, NULL, 0, writing);
	free(s.v);
	free(tpath);
	free(lpath);
	return fd;
}

int
urlidx_rebuild(const struct archive *a)
{
	uint64_t id;
	int fd = rebuild(a, new_bits(), &id, 0);

	if (fd < 0)
		return -1;
	close(fd);
	return 0;
}

/* --- writing ------------------------------------------------------------ */

struct urlidx_w {
	const struct archive *a;
	char *tpath, *lpath;
	int lfd;		/* the log, open */
	uint64_t id, lend;	/* its table's id, where it ends */
	int bits;
	int anew;		/* no table to keep: make one */
	int empty;		/* and no data: make it with the first lines */
	struct ents cov;	/* the table's coverage and the log's marks */
	struct ents add;	/* entries being appended */
};

/* The table's coverage (t: the table, header and all, or NULL to read
 * it from fd) as marks: 0, or -1 (errno). */
static int
table_marks(struct ents *s, const uint64_t *t, int fd, const uint64_t *hdr)
{
	uint64_t *c;

	if (t != NULL)
		c = (uint64_t *)(t + HDR / 8 + 2 * hdr[W_SLOTS]);
	else if (kh_pread_full(fd, c = kh_malloc(hdr[W_DAYS] * ENT + 1),
	    hdr[W_DAYS] * ENT, HDR + hdr[W_SLOTS] * ENT) < 0) {
		free(c);
		return -1;
	}
	for (uint64_t i = 0; i < hdr[W_DAYS]; i++)
		ents_add(s, 0, c[2 * i] << OFF_BITS | (c[2 * i + 1] & OFF_MASK));
	if (t == NULL)
		free(c);
	return 0;
}

static void
log_marks(struct ents *s, const uint64_t *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (e[2 * i] == 0)
			ents_add(s, 0, e[2 * i + 1]);
}

static void
w_free(struct urlidx_w *w)
{
	if (w->lfd >= 0)
		close(w->lfd);
	free(w->tpath);
	free(w->lpath);
	free(w->cov.v);
	free(w->add.v);
	free(w);
}

struct urlidx_w *
urlidx_begin(const struct archive *a)
{
	struct urlidx_w *w = kh_malloc(sizeof(*w));
	const uint64_t *t, *l = NULL;
	const uint64_t mending = MENDING;
	const char *why;
	size_t tl, ll = 0, n;

	memset(w, 0, sizeof(*w));
	w->a = a;
	w->lfd = -1;
	w->tpath = urls_path(a, "");
	w->lpath = urls_path(a, ".log");
	if ((t = map_file(w->tpath, &tl)) == NULL ||
	    (why = table_check(t, tl)) != NULL) {
		if (t != NULL || errno != ENOENT)
			kh_warn("%s: %s: made anew", w->tpath, t ? why :
			    errno == EINVAL ? "cut short" : strerror(errno));
		if (t != NULL)
			munmap((void *)t, tl);
		w->anew = 1;	/* once the parts are mended */
		return w;
	}
	w->id = t[W_ID];
	w->bits = t[W_BITS];
	table_marks(&w->cov, t, -1, t);
	munmap((void *)t, tl);
	if ((l = map_file(w->lpath, &ll)) != NULL &&
	    log_check(l, ll, w->bits) == NULL && l[W_TABLE] == w->id) {
		n = (l[W_CLEAN] - HDR) / ENT;
		log_marks(&w->cov, l + HDR / 8, n);
		if (l[W_WRITING] || l[W_CLEAN] != ll) {
			/* a run did not finish: its entries go (its index
			 * lines are read again, as mended, below) */
			w->lfd = write_log(w->lpath, w->bits, w->id,
			    l + HDR / 8, n, MENDING);
		} else if ((w->lfd = kh_open(w->lpath, O_RDWR, 0)) < 0 ||
		    kh_pwrite_full(w->lfd, &mending, 8, W_WRITING * 8) < 0 ||
		    kh_fsync(w->lfd) < 0) {
			kh_warn("%s:", w->lpath);
			goto fail;
		}
		w->lend = HDR + n * ENT;
	} else {
		/* none, damaged, or merged into the table already: the
		 * table's coverage says what to read again */
		w->lfd = write_log(w->lpath, w->bits, w->id, NULL, 0, MENDING);
		w->lend = HDR;
	}
	if (l != NULL)
		munmap((void *)l, ll);
	l = NULL;
	if (w->lfd < 0)
		goto fail;
	return w;
fail:
	if (l != NULL)
		munmap((void *)l, ll);
	w_free(w);
	return NULL;
}

/* Append what w->add holds to the log. */
static int
w_flush(struct urlidx_w *w)
{
	if (w->add.n == 0)
		return 0;
	if (put_at(w->lfd, w->add.v, w->add.n * ENT, &w->lend) < 0) {
		kh_warn("%s:", w->lpath);
		/* what was written of them goes (their lines go too) */
		w->add.n = 0;
		if (kh_ftruncate(w->lfd, w->lend) < 0)
			kh_warn("%s: cannot cut back a failed write:",
			    w->lpath);
		return -1;
	}
	w->add.n = 0;
	return 0;
}

/* Index lines of part i not covered yet, to the log: 0, 1 when the
 * index covers more than the part's .idx holds (cut back, or gone: only
 * a new table will do), -1 on error. */
static int
catch_up(struct urlidx_w *w, const struct part_name *pn, uint64_t covered)
{
	struct stat st;
	char *buf, nl;
	int fd, r = 0;

	if ((fd = kh_open(pn->idx, O_RDONLY, 0)) < 0) {
		if (errno == ENOENT)
			return covered > 0;
		kh_warn("%s:", pn->idx);
		return -1;
	}
	if (fstat(fd, &st) < 0) {
		kh_warn("%s:", pn->idx);
		close(fd);
		return -1;
	}
	/* shorter, or no line ends where the coverage does (the index
	 * was written anew): only a new table will do */
	if ((uint64_t)st.st_size < covered || (covered > 0 &&
	    (kh_pread_full(fd, &nl, 1, covered - 1) < 0 || nl != '\n'))) {
		close(fd);
		return 1;
	}
	if ((uint64_t)st.st_size > covered) {
		buf = kh_malloc(st.st_size - covered);
		if (kh_pread_full(fd, buf, st.st_size - covered, covered) < 0) {
			kh_warn("%s:", pn->idx);
			r = -1;
		} else {
			ents_lines(&w->add, w->bits, day_code(day_num(pn->day)),
			    buf, st.st_size - covered, covered);
			r = w_flush(w);
		}
		free(buf);
	}
	close(fd);
	return r;
}

/* The log caught up: readers may trust it while the run writes. */
static int
caught_up(struct urlidx_w *w)
{
	const uint64_t one = WRITING;

	if (kh_pwrite_full(w->lfd, &one, 8, W_WRITING * 8) < 0) {
		kh_warn("%s:", w->lpath);
		return -1;
	}
	return 0;
}

int
urlidx_ready(struct urlidx_w *w)
{
	struct part_name *v;
	struct cov *c;
	size_t n, nc, k = 0;
	uint64_t code;
	int r = 0, gone = 0;

	if (!w->anew) {
		c = ents_cov(&w->cov, &nc);
		v = list_parts(w->a, &n);
		for (size_t i = 0; i < n && r == 0; i++) {
			code = day_code(day_num(v[i].day));
			while (k < nc && c[k].day < code)
				gone = 1, k++;	/* covered, and gone */
			r = catch_up(w, &v[i], k < nc && c[k].day == code ?
			    c[k].len : 0);
			if (k < nc && c[k].day == code)
				k++;
		}
		if (k < nc)
			gone = 1;
		free(c);
		free_parts(v, n);
		if (r < 0)
			return -1;
		if (r == 0 && !gone)
			return caught_up(w);
		kh_warn("%s: covers index lines that are no longer there: "
		    "made anew", w->tpath);
	}
	if (w->anew) {
		/* a new archive: no index files until it has data, so
		 * that a run that stores nothing leaves nothing */
		v = list_parts(w->a, &n);
		free_parts(v, n);
		if (n == 0 && access(w->tpath, F_OK) < 0 && errno == ENOENT) {
			w->empty = 1;
			return 0;
		}
	}
	if (w->lfd >= 0)
		close(w->lfd);
	w->bits = w->anew ? new_bits() : w->bits;
	w->anew = 0;
	w->lfd = rebuild(w->a, w->bits, &w->id, WRITING);
	w->lend = HDR;
	return w->lfd < 0 ? -1 : 0;
}

int
urlidx_add(struct urlidx_w *w, int day, const char *lines, size_t n,
    uint64_t off)
{
	if (w->empty) {
		/* the archive had nothing when the run began */
		w->bits = new_bits();
		w->anew = w->empty = 0;
		if ((w->lfd = rebuild(w->a, w->bits, &w->id, WRITING)) < 0)
			return -1;
		w->lend = HDR;
		return 0;	/* it read the lines from the day index */
	}
	ents_lines(&w->add, w->bits, day_code(day), lines, n, off);
	return w_flush(w);
}

/* Entries in the log past which a run merges it (KH_URLIDX_LOG_MAX for
 * tests). */
static uint64_t
log_max(void)
{
	const char *s = getenv("KH_URLIDX_LOG_MAX");

	return s && atol(s) > 0 ? (uint64_t)atol(s) : URLIDX_LOG_MAX;
}

/* The table and the log as one new table, and an empty log. */
static int
merge(struct urlidx_w *w)
{
	struct ents s = { 0 };
	const uint64_t *t;
	uint64_t *e, n = (w->lend - HDR) / ENT;
	size_t tl;
	int fd, ret = -1;

	if ((t = map_file(w->tpath, &tl)) == NULL ||
	    table_check(t, tl) != NULL || t[W_ID] != w->id) {
		kh_warn("%s: changed under the lock: not merged", w->tpath);
		goto done;
	}
	for (uint64_t i = 0; i < t[W_SLOTS]; i++)
		if (t[HDR / 8 + 2 * i] != 0)
			ents_add(&s, t[HDR / 8 + 2 * i], t[HDR / 8 + 2 * i + 1]);
	table_marks(&s, t, -1, t);
	e = kh_malloc(n * ENT + 1);
	if (kh_pread_full(w->lfd, e, n * ENT, HDR) < 0) {
		kh_warn("%s:", w->lpath);
		free(e);
		goto done;
	}
	for (uint64_t i = 0; i < n; i++)
		ents_add(&s, e[2 * i], e[2 * i + 1]);
	free(e);
	if (write_table(w->tpath, &s, w->bits, w->id + 1) < 0)
		goto done;
	/* the table holds the log now: a crash here leaves the old log,
	 * which readers and writers know for merged (its table's id is
	 * one less) */
	if ((fd = write_log(w->lpath, w->bits, w->id + 1, NULL, 0, 0)) < 0)
		goto done;
	close(fd);
	ret = 0;
done:
	if (t != NULL)
		munmap((void *)t, tl);
	free(s.v);
	return ret;
}

int
urlidx_end(struct urlidx_w *w)
{
	uint64_t words[2];
	int ret = 0;

	if (w == NULL)
		return 0;
	if (w->empty) {
		w_free(w);
		return 0;
	}
	words[0] = w->lend;	/* clean */
	words[1] = 0;		/* writing */
	if (kh_fsync(w->lfd) < 0 ||
	    kh_pwrite_full(w->lfd, words, 16, W_CLEAN * 8) < 0 ||
	    kh_fsync(w->lfd) < 0) {
		kh_warn("%s:", w->lpath);
		ret = -1;
	} else if ((w->lend - HDR) / ENT > log_max() && merge(w) < 0) {
		ret = -1;
	}
	w_free(w);
	return ret;
}

/* --- verify ------------------------------------------------------------- */

struct vfy {
	const char *path;
	int problems;
};

static void
vproblem(struct vfy *vf, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
vproblem(struct vfy *vf, const char *fmt, ...)
{
	char msg[512];
	va_list ap;

	if (++vf->problems > 10)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	kh_warn("%s: %s", vf->path, msg);
}

static void
gone(struct vfy *vf, uint64_t code)
{
	char day[11];

	day_name(code, day);
	vproblem(vf, "covers the index of %s, which is not there", *day ?
	    day : "the archive");
}

struct vline {
	struct urlidx *x;
	struct vfy *vf;
	uint64_t loc;
	const char *idx;
};

static void
verify_url(const char *url, size_t n, void *arg)
{
	struct vline *vl = arg;
	struct arc_entry e;
	const char *why;
	char day[11];
	uint64_t where;
	int r = urlidx_find(vl->x, url, n, &e, day, &where, &why);

	if (r == 1 && where >= vl->loc)
		return;
	if (r < 0 && why == NULL)
		return;	/* another URL with its hash: get searches */
	vproblem(vl->vf, "%s the url at byte %" PRIu64 " of %s (%.*s)%s%s",
	    r == 1 ? "gives an older line for" : r == 0 ? "lacks" :
	    "cannot find", vl->loc & OFF_MASK, vl->idx, (int)n, url,
	    r < 0 ? ": " : "", r < 0 ? why : "");
}

int
urlidx_verify(const struct archive *a)
{
	struct vfy vf = { NULL, 0 };
	struct vline vl;
	struct ents s = { 0 };
	struct arc_entry e;
	struct part_name *v;
	struct urlidx *x;
	struct cov *c;
	const char *why, *p, *nl;
	char *tpath = urls_path(a, ""), *idx;
	struct stat st;
	size_t n, nc, k = 0, len;
	uint64_t code;

	vf.path = tpath;
	if ((x = open_index(a, 1, &why)) == NULL &&
	    access(tpath, F_OK) < 0 && errno == ENOENT) {
		kh_warn("%s: no URL index yet: get and new search the day "
		    "indexes (the next store -o, store reindex or store verify "
		    "--repair makes one)", tpath);
		free(tpath);
		return -1;
	}
	if (x == NULL) {
		vproblem(&vf, "%s; store verify --repair or store reindex "
		    "makes it anew", why);
		free(tpath);
		return vf.problems;
	}
	if (table_marks(&s, NULL, x->tfd, x->tab) < 0)
		vproblem(&vf, "%s", strerror(errno));
	log_marks(&s, x->ents, x->nents);
	c = ents_cov(&s, &nc);
	v = list_parts(a, &n);
	/* what it covers first: a day index longer (lines it lacks), shorter
	 * or gone (lines that are no longer there) */
	for (size_t i = 0; i < n; i++) {
		code = day_code(day_num(v[i].day));
		while (k < nc && c[k].day < code)
			gone(&vf, c[k++].day);
		if (stat(v[i].idx, &st) < 0)
			st.st_size = 0;	/* the parts' check says why */
		if ((k < nc && c[k].day == code ? c[k].len : 0) !=
		    (uint64_t)st.st_size)
			vproblem(&vf, "covers %" PRIu64 " of the %jd bytes of "
			    "%s", k < nc && c[k].day == code ? c[k].len : 0,
			    (intmax_t)st.st_size, v[i].idx);
		if (k < nc && c[k].day == code)
			k++;
	}
	while (k < nc)
		gone(&vf, c[k++].day);
	vl.x = x;
	vl.vf = &vf;
	for (size_t i = 0; i < n; i++) {
		code = day_code(day_num(v[i].day));
		if ((idx = slurp(v[i].idx, &len)) == NULL)
			continue;	/* the parts' check says why */
		vl.idx = v[i].idx;
		for (p = idx; (nl = memchr(p, '\n', idx + len - p)) != NULL;
		    p = nl + 1) {
			if (arc_entry_parse((char *)p, nl - p, &e) < 0)
				continue;
			vl.loc = code << OFF_BITS | (uint64_t)(p - idx);
			arc_entry_urls(&e, verify_url, &vl);
		}
		free(idx);
	}
	if (vf.problems > 10)
		kh_warn("%s: %d problems in all", tpath, vf.problems);
	else if (vf.problems == 0 && x->log[W_WRITING] && !writer_running(a))
		kh_warn("%s: sound, but left marked as being written by a run "
		    "that did not finish: get and new search the day indexes "
		    "until the next store -o (or store verify --repair)",
		    tpath);
	else if (vf.problems == 0 && !kh_run.quiet)
		fprintf(stderr, "%s: %s: %" PRIu64 " urls, %" PRIu64 " in the "
		    "log, all found\n", kh_prog, tpath, x->tab[W_ENTRIES],
		    x->nents);
	k = vf.problems == 0 && x->log[W_WRITING] && !writer_running(a);
	free(c);
	free(s.v);
	free_parts(v, n);
	urlidx_close(x);
	free(tpath);
	return k ? -1 : vf.problems;
}
