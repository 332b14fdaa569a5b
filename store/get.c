/*
 * get.c: reading an archive back: cat, export, get, ls, stats, verify,
 * reindex, new.
 */
#define _GNU_SOURCE	/* memmem */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zstd.h>

#include "khobor.h"
#include "archive.h"
#include "dedup.h"
#include "store.h"
#include "urlidx.h"
#include "warc.h"

void
put_back(const struct arc_unit *u, uint32_t n, const char **line,
    size_t *len)
{
	const char *why;

	if (restore(*line, *len, u, n, line, len, &why) > 0) {
		kh_warn("a record refers to a body it cannot have: %s (run "
		    "store verify)", why);
		kh_run.error = 1;
	}
}

static int
cat_unit(const struct arc_unit *u, const char *recs, void *arg)
{
	const char *at = recs;
	struct json_object *rec;
	const char *line;
	size_t len = 0;
	int ok;

	(void)arg;
	for (uint32_t i = 0; i < u->nrec; i++) {
		if ((line = arc_next_line(&at, recs + u->raw, &len)) == NULL)
			break;
		put_back(u, i, &line, &len);
		if (opt.where_key != NULL) {	/* parse only to filter */
			rec = arc_record(line, len);
			ok = where_match(rec);
			json_object_put(rec);
			if (!ok)
				continue;
		}
		rec_write_text(line, len);
	}
	return 0;
}

/* export --warc: each record as WARC records on stdout. */
static int
warc_unit(const struct arc_unit *u, const char *recs, void *arg)
{
	const char *at = recs;
	struct json_object *rec;
	const char *line;
	size_t len = 0;

	for (uint32_t i = 0; i < u->nrec; i++) {
		if ((line = arc_next_line(&at, recs + u->raw, &len)) == NULL)
			break;
		put_back(u, i, &line, &len);
		if ((rec = arc_record(line, len)) == NULL)
			continue;	/* verify says why */
		if (where_match(rec) && warc_write(arg, rec) < 0) {
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

int
cmd_cat(struct archive *a, int warc)
{
	struct part_name *v;
	struct warc *wc = NULL;
	const char *why;
	uint64_t end;
	size_t n;
	int fd, r, st = 0;

	if (warc && (wc = warc_open(stdout, NULL)) == NULL)
		kh_die("write error on standard output:");
	v = list_parts(a, &n);
	for (size_t i = 0; i < n; i++) {
		if (!a->single && !in_range(v[i].day))
			continue;
		if ((fd = kh_open(v[i].data, O_RDONLY, 0)) < 0) {
			kh_warn("%s:", v[i].data);
			st = KH_EXIT_ERROR;
			continue;
		}
		r = arc_scan(fd, opt.arc.dict, warc ? warc_unit : cat_unit, wc,
		    &end, &why);
		if (r == ARC_NODICT || r == ARC_IOERR) {
			kh_warn("%s: at byte %" PRIu64 ": %s", v[i].data, end,
			    why);
			st = KH_EXIT_ERROR;
		} else if (r < 0) {
			kh_warn("%s: at byte %" PRIu64 ": %s; run store verify",
			    v[i].data, end, why);
			st = KH_EXIT_ERROR;
		}
		close(fd);
	}
	free_parts(v, n);
	if (wc != NULL && warc_close(wc) < 0)
		kh_die("write error on standard output:");
	if ((r = where_said()) > st)
		st = r;
	return st;
}

/* Where the URLs of the index lines stand: a url first on its line and
 * followed by a tab, or one of the other URLs (between a tab or a space
 * and a space, a tab or the line's end).  Nothing else in a line is a
 * URL. */
static int
url_at(const char *idx, size_t len, const char *p, size_t ul)
{
	char before = p == idx ? '\n' : p[-1];
	char after = p + ul < idx + len ? p[ul] : '\n';

	return (before == '\n' && after == '\t') ||
	    ((before == '\t' || before == ' ') &&
	    (after == ' ' || after == '\t' || after == '\n'));
}

/* The last index line in one index file that names url (as its url or
 * one of its other URLs), or NULL. */
static char *
find_url(char *idx, size_t len, const char *url, size_t ul,
    struct arc_entry *e)
{
	char *p = idx, *hit = NULL, *start, *nl;
	struct arc_entry t;

	while ((p = memmem(p, idx + len - p, url, ul)) != NULL) {
		if (url_at(idx, len, p, ul)) {
			start = p;
			while (start > idx && start[-1] != '\n')
				start--;
			nl = memchr(p, '\n', idx + len - p);
			if (nl != NULL && start > hit &&
			    arc_entry_parse(start, nl - start, &t) == 0) {
				hit = start;
				*e = t;
			}
		}
		p += ul;
	}
	return hit;
}

/*
 * Where get finds urls: through the URL index (urlidx.h), else, when
 * there is none to trust or it cannot say (two URLs with one hash), by
 * a search through the day indexes, newest day first; more than one url
 * (or "-", urls on the standard input) without an index: every index
 * read once into a table, the newest entry of each url kept.  A url is
 * found as it is written, else by its canonical form, among the url,
 * final_url and canonical_url (canonical) of each record.
 */
#define NDATA 16	/* data files kept open */
struct finder {
	const struct archive *a;
	struct urlidx *ux;	/* the URL index, or NULL */
	struct part_name *v;	/* the parts, listed once needed */
	size_t n;
	int listed;
	struct {
		char day[11];
		int fd;
	} fd[NDATA];		/* data files open, by day */
	int nfd, next;
	struct strmap map;
	int mapped;
	const struct arc_entry *e;	/* map_url: the entry, */
	size_t part;			/* and its part */
};

static void
list(struct finder *f)
{
	if (!f->listed)
		f->v = list_parts(f->a, &f->n);
	f->listed = 1;
}

static void
map_url(const char *url, size_t n, void *arg)
{
	struct finder *f = arg;
	struct strmap_ent *m;
	int added;

	m = strmap_get(&f->map, url, n, &added);
	m->part = f->part;	/* later days and lines win */
	m->off = f->e->off;
	m->recno = f->e->recno;
}

static void
map_entry(const struct arc_entry *e, const struct part_name *pn, void *arg)
{
	struct finder *f = arg;

	f->e = e;
	f->part = pn - f->v;
	arc_entry_urls(e, map_url, f);
}

/* The forms of a url to look up: as written, and canonical if that
 * differs.  How many. */
static int
forms(const char *url, size_t ul, const char *q[2], size_t ql[2])
{
	const char *c;
	size_t cl;

	q[0] = url, ql[0] = ul;
	if ((c = arc_canon(url, ul, &cl)) != NULL &&
	    (cl != ul || memcmp(c, url, ul) != 0)) {
		q[1] = c, ql[1] = cl;
		return 2;
	}
	return 1;
}

/* The newest record of any of the nq forms q through the URL index: 1
 * with *e, its day and *where, 0 when there is none, -1 when the index
 * cannot say (said, when it is not two URLs with one hash). */
static int
indexed(struct urlidx *ux, const char *const *q, const size_t *ql, int nq,
    struct arc_entry *best, char day[11], uint64_t *where)
{
	static int said;
	struct arc_entry e;
	const char *why;
	char d[11];
	uint64_t at;
	int found = 0, r;

	for (int i = 0; i < nq; i++) {
		if ((r = urlidx_find(ux, q[i], ql[i], &e, d, &at, &why)) < 0) {
			if (why != NULL && !said++)
				kh_warn("the URL index cannot say where %.*s is "
				    "(%s): searching the day indexes (run store "
				    "verify)", (int)ql[i], q[i], why);
			return -1;
		}
		if (r == 1 && (!found || at > *where)) {
			*best = e;	/* what get needs of it is not text */
			*where = at;
			memcpy(day, d, 11);
			found = 1;
		}
	}
	return found;
}

/* The day, unit offset and record number of url (as written, then
 * canonical): 1, or 0 if absent. */
static int
locate(struct finder *f, const char *url, size_t ul, char day[11],
    uint64_t *off, uint32_t *recno)
{
	struct strmap_ent *m;
	struct arc_entry e = { 0 };
	const char *q[2];
	size_t ilen, ql[2];
	uint64_t where;
	char *idx;
	int found = 0, nq = forms(url, ul, q, ql);

	if (f->ux != NULL &&
	    (found = indexed(f->ux, q, ql, nq, &e, day, &where)) >= 0) {
		*off = e.off, *recno = e.recno;
		return found;
	}
	found = 0;
	list(f);
	if (f->mapped) {
		for (int i = 0; i < nq; i++)
			if ((m = strmap_find(&f->map, q[i], ql[i])) != NULL) {
				memcpy(day, f->v[m->part].day, 11);
				*off = m->off, *recno = m->recno;
				return 1;
			}
		return 0;
	}
	for (size_t i = f->n; i-- > 0 && !found;) {
		if ((idx = slurp(f->v[i].idx, &ilen)) == NULL)
			continue;
		for (int j = 0; j < nq && !found; j++)
			if (find_url(idx, ilen, q[j], ql[j], &e) != NULL) {
				memcpy(day, f->v[i].day, 11);
				*off = e.off, *recno = e.recno;
				found = 1;
			}
		free(idx);
	}
	return found;
}

/* The data file of a day, open: its descriptor, or -1 (errno). */
static int
data_fd(struct finder *f, const char *day, char **path)
{
	char *idx;
	int i, fd;

	day_paths(f->a, day, path, &idx);
	free(idx);
	for (i = 0; i < f->nfd; i++)
		if (strcmp(f->fd[i].day, day) == 0)
			return f->fd[i].fd;
	if ((fd = kh_open(*path, O_RDONLY, 0)) < 0)
		return -1;
	if (f->nfd < NDATA) {
		i = f->nfd++;
	} else {
		i = f->next++ % NDATA;
		close(f->fd[i].fd);
	}
	memcpy(f->fd[i].day, day, 11);
	f->fd[i].fd = fd;
	return fd;
}

/* Write the record of url: 0, or the exit status it calls for. */
static int
get_one(struct finder *f, const char *url, size_t ul)
{
	static char *buf;
	static size_t cap;
	struct arc_unit u;
	struct stat sb;
	const char *why = NULL, *line;
	char day[11], *data;
	uint64_t off;
	uint32_t recno;
	size_t len;
	int fd, st = KH_EXIT_ERROR;

	if (!locate(f, url, ul, day, &off, &recno)) {
		kh_warn("%.*s: not in the archive", (int)ul, url);
		return KH_EXIT_SKIPPED;
	}
	if ((fd = data_fd(f, day, &data)) < 0)
		why = strerror(errno);
	else if (fstat(fd, &sb) < 0)
		why = strerror(errno);
	else if (arc_unit_read(fd, off, sb.st_size, &u, &why) == 1 &&
	    arc_unit_record(fd, &u, opt.arc.dict, recno, &buf, &cap, &line,
	    &len, &why) == 0) {
		put_back(&u, recno, &line, &len);
		rec_write_text(line, len);
		st = 0;
	} else if (why == NULL) {
		why = "no unit where the index says";
	}
	if (st != 0)
		kh_warn("%s: cannot read the record of %.*s: %s", data,
		    (int)ul, url, why);
	free(data);
	return st;
}

int
cmd_get(struct archive *a, char **urls)
{
	struct finder f = { 0 };
	struct rec_reader r;
	enum rec_read rd;
	const char *why;
	char *line;
	size_t len;
	int st = 0, k;

	if (*urls == NULL)
		kh_usage();
	f.a = a;
	if ((f.ux = urlidx_open(a, &why)) == NULL)
		kh_warn("%s: %s: searching the day indexes", a->path, why);
	if (f.ux == NULL && (urls[1] != NULL || strcmp(urls[0], "-") == 0)) {
		list(&f);
		each_entry_in(f.v, f.n, map_entry, &f);
		f.mapped = 1;
	}
	if (strcmp(urls[0], "-") == 0 && urls[1] == NULL) {
		/* a url a line; each record out as soon as it is found */
		rec_reader_init(&r, STDIN_FILENO, "<stdin>", kh_run.max_line);
		while ((rd = rec_read_line(&r, &line, &len)) != REC_EOF) {
			if (rd != REC_LINE) {
				kh_warn("<stdin>:%lu: %s", r.pos.line, rd ==
				    REC_IOERR ? strerror(errno) :
				    "line too long");
				st = KH_EXIT_ERROR;
				break;
			}
			if (len > 0 && line[len - 1] == '\r')
				len--;
			if (len == 0)
				continue;
			if ((k = get_one(&f, line, len)) > st)
				st = k;
			rec_flush();
		}
		rec_reader_free(&r);
	} else {
		for (; *urls; urls++)
			if ((k = get_one(&f, *urls, strlen(*urls))) > st)
				st = k;
	}
	for (int i = 0; i < f.nfd; i++)
		close(f.fd[i].fd);
	urlidx_close(f.ux);
	strmap_free(&f.map);
	free_parts(f.v, f.n);
	return st;
}

struct finder *
finder_open(const struct archive *a)
{
	struct finder *f = kh_malloc(sizeof(*f));
	const char *why;

	memset(f, 0, sizeof(*f));
	f->a = a;
	if ((f->ux = urlidx_open(a, &why)) == NULL) {
		/* many lookups: every index read once */
		list(f);
		each_entry_in(f->v, f->n, map_entry, f);
		f->mapped = 1;
	}
	return f;
}

int
finder_newest(struct finder *f, const char *url, size_t ul, char day[11],
    uint64_t *off, uint32_t *recno)
{
	return locate(f, url, ul, day, off, recno);
}

void
finder_close(struct finder *f)
{
	if (f == NULL)
		return;
	for (int i = 0; i < f->nfd; i++)
		close(f->fd[i].fd);
	urlidx_close(f->ux);
	strmap_free(&f->map);
	free_parts(f->v, f->n);
	free(f);
}

void
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

int
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
	if (opt.arc.dict != NULL) {	/* it counts in the ratio */
		printf("dictionary\t%zu\n", opt.arc.dict->len);
		comp += opt.arc.dict->len;
	}
	printf("bytes\t%" PRIu64 "\ncompressed\t%" PRIu64 "\n", s.raw, comp);
	printf("ratio\t%.2f\n", comp ? (double)s.raw / comp : 0.0);
	free_parts(v, n);
	return 0;
}

/* verify and reindex: walk the data, compare with or rebuild the index. */
struct walk {
	const struct part_name *pn;
	int out;		/* reindex: the new index, */
	char *obuf;		/* what is not yet written of it, */
	size_t olen, ocap;	/* and where it ends */
	uint64_t oat;
	char *idx;		/* verify: the index, and where we are in it */
	size_t idxlen, at;
	uint64_t records;
	int problems;
	int empty;		/* the data file is empty */
	int nodict;		/* a frame needs a dictionary we lack */
	int ioerr;		/* a read failed */
	uint64_t cut;		/* where damage starts, or UINT64_MAX */
	size_t lost;		/* index lines at or past it */
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

/* reindex: the index lines so far, written. */
static int
out_flush(struct walk *wk)
{
	if (kh_pwrite_full(wk->out, wk->obuf, wk->olen, wk->oat) < 0)
		return -1;
	wk->oat += wk->olen;
	wk->olen = 0;
	return 0;
}

static int
walk_unit(const struct arc_unit *u, const char *recs, void *arg)
{
	struct walk *wk = arg;
	struct arc_entry e;
	struct arc_keys k;
	const char *line, *why, *t;
	char *nl;
	size_t len = 0, tl;

	for (uint32_t i = 0; i < u->nrec; i++) {
		line = arc_nth_line(recs, u->raw, i, &len);
		if (line == NULL || arc_record_keys(line, len, NULL, &k) < 0) {
			problem(wk, "unit at %" PRIu64 ", record %" PRIu32
			    ": not a record with a url", u->off, i);
			continue;
		}
		wk->records++;
		if (wk->out >= 0) {
			wk->olen = arc_index_line(&wk->obuf, &wk->ocap,
			    wk->olen, &k, u, i, len);
			if (wk->olen >= (1 << 20) && out_flush(wk) < 0)
				return 1;
			continue;
		}
		if (restore(line, len, u, i, &t, &tl, &why) > 0)
			problem(wk, "%.*s: refers to a body no record holds "
			    "(%s)", (int)k.urllen, k.url, why);
		if (wk->idx == NULL)
			continue;
		nl = memchr(wk->idx + wk->at, '\n', wk->idxlen - wk->at);
		if (nl == NULL || arc_entry_parse(wk->idx + wk->at,
		    nl - (wk->idx + wk->at), &e) < 0) {
			problem(wk, "the index lacks %.*s (unit at %" PRIu64
			    ")", (int)k.urllen, k.url, u->off);
		} else {
			if (e.off != u->off || e.len != u->hdr + u->comp ||
			    e.recno != i || e.urllen != k.urllen ||
			    memcmp(e.url, k.url, e.urllen) != 0)
				problem(wk, "index line for %.*s does not match "
				    "the data", (int)k.urllen, k.url);
			wk->at = nl - wk->idx + 1;
		}
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

/* Check one part (or rebuild its index: written to a temporary file,
 * synced and renamed, unless a frame needs a dictionary we lack). */
static void
walk_part(struct walk *wk, const struct part_name *pn, int rebuild)
{
	const char *why;
	struct stat sb;
	uint64_t end;
	char *tmp = NULL;
	int fd, r;

	memset(wk, 0, sizeof(*wk));
	wk->pn = pn;
	wk->out = -1;
	wk->cut = UINT64_MAX;
	if ((fd = kh_open(pn->data, O_RDONLY, 0)) < 0 ||
	    fstat(fd, &sb) < 0) {
		kh_warn("%s:", pn->data);
		kh_run.error = 1;
		if (fd >= 0)
			close(fd);
		return;
	}
	if (S_ISREG(sb.st_mode) && sb.st_size == 0) {
		wk->empty = 1;
		problem(wk, "an empty data file (a run was killed before its "
		    "first frame; zstd cannot read it): the next store -o or "
		    "store verify --repair removes it");
	}
	if (rebuild) {
		tmp = pathcat(pn->idx, ".tmp", "");
		if ((wk->out = kh_open(tmp, O_WRONLY | O_CREAT | O_TRUNC,
		    0644)) < 0)
			kh_die("%s:", tmp);
	} else if ((wk->idx = slurp(pn->idx, &wk->idxlen)) == NULL) {
		if (errno == ENOENT) {
			problem(wk, "no index (%s); run store reindex",
			    pn->idx);
		} else {
			kh_warn("%s:", pn->idx);
			wk->ioerr = 1;
		}
	}
	r = arc_scan(fd, opt.arc.dict, walk_unit, wk, &end, &why);
	if (r == ARC_NODICT || r == ARC_IOERR) {
		kh_warn("%s: at byte %" PRIu64 ": %s", pn->data, end, why);
		*(r == ARC_NODICT ? &wk->nodict : &wk->ioerr) = 1;
	} else if (r < 0) {
		problem(wk, "at byte %" PRIu64 " of %jd: %s", end,
		    (intmax_t)sb.st_size, why);
		wk->cut = end;
	}
	if (wk->idx != NULL && wk->at < wk->idxlen && r == 0)
		problem(wk, "the index has lines for records the data lacks");
	/* what a repair would lose; the index itself is not kept, as an
	 * archive of many days has many */
	if (wk->empty || wk->cut != UINT64_MAX)
		wk->lost = indexed_from(wk->idx, wk->idxlen, wk->empty ? 0 :
		    wk->cut);
	free(wk->idx);
	wk->idx = NULL;
	if (wk->out >= 0) {
		if (wk->nodict || wk->ioerr) {
			close(wk->out);
			unlink(tmp);
		} else if (out_flush(wk) < 0 || kh_fsync(wk->out) < 0 ||
		    kh_close(wk->out) < 0 || rename(tmp, pn->idx) < 0) {
			kh_die("%s:", tmp);
		}
	}
	free(tmp);
	free(wk->obuf);
	close(fd);
	if (!rebuild && wk->problems == 0 && !wk->nodict && !wk->ioerr &&
	    !kh_run.quiet)
		fprintf(stderr, "%s: %s: %" PRIu64 " records, all sound\n",
		    kh_prog, pn->data, wk->records);
}

/* verify --repair: rebuild a damaged part's index (from its sound
 * frames), then cut the data after the last of them, or remove the part
 * when nothing of it is sound: a crash between the two leaves an index
 * that the data covers, and a tail the next writer cuts. */
static void
repair_part(struct walk *wk, const struct part_name *pn)
{
	struct walk again;
	struct stat sb;
	int fd;

	if (wk->empty || wk->cut == 0) {
		if (unlink(pn->data) < 0 || (unlink(pn->idx) < 0 &&
		    errno != ENOENT))
			kh_die("%s: cannot remove:", pn->data);
		kh_warn("%s: removed: nothing in it was sound (%zu indexed "
		    "records lost)", pn->data, wk->lost);
		return;
	}
	walk_part(&again, pn, 1);
	if (again.nodict || again.ioerr)
		kh_die("%s: cannot rebuild the index; nothing was cut",
		    pn->data);
	if (wk->cut == UINT64_MAX)
		return;
	if ((fd = kh_open(pn->data, O_RDWR, 0)) < 0 || fstat(fd, &sb) < 0 ||
	    kh_ftruncate(fd, wk->cut) < 0 || kh_fsync(fd) < 0)
		kh_die("%s: cannot cut the damaged tail:", pn->data);
	close(fd);
	kh_warn("%s: cut %jd bytes from byte %" PRIu64 ": %zu indexed records "
	    "lost", pn->data, (intmax_t)(sb.st_size - wk->cut), wk->cut,
	    wk->lost);
}

int
cmd_walk(struct archive *a, int rebuild)
{
	struct part_name *v;
	struct walk *wk;
	size_t n;
	int bad = 0, nodict = 0, ioerr = 0;
	int urls = 0;		/* URL index: problems, -1 for none there */

	if (rebuild || opt.repair)
		archive_lock(a);
	v = list_parts(a, &n);
	wk = kh_malloc((n + 1) * sizeof(*wk));
	for (size_t i = 0; i < n; i++) {
		walk_part(&wk[i], &v[i], rebuild);
		bad += wk[i].problems > 0;
		nodict += wk[i].nodict;
		ioerr += wk[i].ioerr;
	}
	/* What could not be read is not known to be damaged: repair
	 * nothing then. */
	if (nodict)
		kh_warn("%s: frames need a dictionary that the archive does "
		    "not have: put back the one they were written with (%s)%s",
		    a->path, opt.arc.dict ? "it was replaced" : "it is missing",
		    opt.repair || rebuild ? "; nothing was changed" : "");
	else if (ioerr && opt.repair)
		kh_warn("%s: read errors: nothing was changed", a->path);
	/* the URL index: checked against the day indexes as they are, and
	 * made anew from them once they are rebuilt or mended */
	if (!rebuild && !nodict && !ioerr)
		urls = urlidx_verify(a);
	if (!nodict && !ioerr && opt.repair) {
		remove_leftovers(a);
		for (size_t i = 0; i < n; i++)
			if (wk[i].problems > 0)
				repair_part(&wk[i], &v[i]);
	}
	if (!nodict && !ioerr && (rebuild || (opt.repair && (bad ||
	    urls != 0))) && urlidx_rebuild(a) < 0) {
		kh_warn("%s: cannot make the URL index anew (get and new search "
		    "the day indexes meanwhile)", a->path);
		kh_run.error = 1;
	} else if (opt.repair && urls != 0) {
		kh_warn("%s: the URL index was made anew", a->path);
	}
	free(wk);
	if ((rebuild || opt.repair) && !nodict && sync_dir(a) < 0) {
		kh_warn("%s: fsync:", a->path);
		kh_run.error = 1;
	}
	free_parts(v, n);
	if (nodict || ioerr)
		return KH_EXIT_ERROR;
	return (bad || urls > 0) && !rebuild ? KH_EXIT_SKIPPED : 0;
}

/* new: the records whose url the archive lacks (or, --changed, holds
 * in a version older than the record's lastmod). */
struct known {
	struct strmap *seen;
	uint64_t last;		/* where the part's last unit indexed starts */
	int64_t date;		/* known_url: the entry's date */
};

static void
known_url(const char *url, size_t n, void *arg)
{
	struct known *kn = arg;
	struct strmap_ent *m;
	int added;

	m = strmap_get(kn->seen, url, n, &added);
	if (added || kn->date > m->date)
		m->date = kn->date;
}

/* An entry's version: its date, else when it was fetched, else 0. */
static int64_t
version(const struct arc_entry *e)
{
	int64_t t;

	if (e->date >= 0)
		return e->date;
	if (e->fetched_at != NULL &&
	    (t = arc_time(e->fetched_at, e->fetchedlen)) >= 0)
		return t;
	return 0;
}

static void
known_entry(const struct arc_entry *e, const struct part_name *pn, void *arg)
{
	struct known *kn = arg;

	(void)pn;
	kn->date = version(e);
	arc_entry_urls(e, known_url, kn);
	if (e->off > kn->last)
		kn->last = e->off;
}

/* The urls of the whole units from off on: those a run that did not
 * finish wrote after its last index line (the next writer indexes
 * them) are in the archive all the same, and must not come again. */
static void
known_tail(const struct part_name *pn, uint64_t off, struct known *kn)
{
	static char *buf;
	static size_t cap;
	struct arc_unit u;
	struct arc_keys k;
	struct arc_entry e = { 0 };
	struct stat sb;
	const char *why, *line;
	size_t len;
	int fd;

	if ((fd = kh_open(pn->data, O_RDONLY, 0)) < 0)
		return;
	while (fstat(fd, &sb) == 0 &&
	    arc_unit_read(fd, off, sb.st_size, &u, &why) == 1 &&
	    arc_unit_load(fd, &u, opt.arc.dict, &buf, &cap, &why) == 0) {
		for (uint32_t i = 0; i < u.nrec; i++) {
			if ((line = arc_nth_line(buf, u.raw, i, &len)) == NULL ||
			    arc_record_keys(line, len, NULL, &k) < 0)
				continue;
			e.url = k.url, e.urllen = k.urllen;
			e.keys = k.keys, e.keyslen = k.keyslen;
			e.fetched_at = k.fetched_at;
			e.fetchedlen = k.fetchedlen;
			e.date = k.date;
			known_entry(&e, pn, kn);
		}
		off = arc_unit_end(&u);
	}
	close(fd);
}

static struct {
	unsigned long urls, fresh, changed, held, again;
} nw;

/* What new looks urls up in: the URL index, or (when there is none to
 * trust, or it cannot say) a table of every URL of the archive, made
 * once; the urls of the input are in seen too, as they pass. */
struct news {
	struct archive *a;
	struct urlidx *ux;
	struct strmap seen;
	int loaded;		/* seen holds the archive's URLs */
};

/* Every URL of the archive into seen, with its newest version's date. */
static void
load_all(struct news *ns)
{
	struct known kn = { &ns->seen, 0, 0 };
	struct part_name *v;
	size_t n;

	v = list_parts(ns->a, &n);
	for (size_t i = 0; i < n; i++) {
		kn.last = 0;
		each_entry_in(&v[i], 1, known_entry, &kn);
		known_tail(&v[i], kn.last, &kn);
	}
	free_parts(v, n);
	ns->loaded = 1;
}

/* url (and c, its canonical form, if not NULL) in the URL index: 1 with
 * *date, the version of its newest record, 0 when the archive lacks it,
 * -1 when the index cannot say. */
static int
archived(struct news *ns, const char *u, size_t ul, const char *c,
    size_t cl, int64_t *date)
{
	static int said;
	const char *q[2] = { u, c }, *why;
	size_t ql[2] = { ul, cl };
	struct arc_entry e;
	uint64_t at, best = 0;
	char day[11];
	int r, found = 0;

	for (int i = 0; i < 2 && q[i] != NULL; i++) {
		if ((r = urlidx_find(ns->ux, q[i], ql[i], &e, day, &at,
		    &why)) < 0) {
			if (why != NULL && !said++)
				kh_warn("the URL index cannot say whether %.*s "
				    "is archived (%s): reading the day indexes "
				    "(run store verify)", (int)ql[i], q[i], why);
			return -1;
		}
		if (r == 1 && (!found || at > best)) {
			*date = version(&e);
			best = at;
			found = 1;
		}
	}
	return found;
}

static void
new_record(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	static char *cbuf;
	static size_t ccap;
	struct news *ns = arg;
	struct strmap_ent *m = NULL, here;
	const char *u, *c, *lm;
	size_t ul, cl = 0, ln;
	int64_t t;
	int added, r;

	if ((u = rec_str(rec, "url", &ul)) == NULL) {
		rec_bad(pos, "no url; skipped");
		return;
	}
	nw.urls++;
	/* a copy: load_all canonicalises too */
	if ((c = arc_canon(u, ul, &cl)) != NULL) {
		if (cl + 1 > ccap)
			cbuf = kh_realloc(cbuf, ccap = cl + 64);
		memcpy(cbuf, c, cl + 1);
		c = cbuf;
	}
	if ((m = strmap_find(&ns->seen, u, ul)) == NULL && c != NULL)
		m = strmap_find(&ns->seen, c, cl);
	if (m == NULL && !ns->loaded) {
		here.date = -1;
		r = archived(ns, u, ul, c != NULL && (cl != ul ||
		    memcmp(c, u, ul) != 0) ? c : NULL, cl, &here.date);
		if (r < 0) {
			load_all(ns);
			if ((m = strmap_find(&ns->seen, u, ul)) == NULL &&
			    c != NULL)
				m = strmap_find(&ns->seen, c, cl);
		} else if (r == 1) {
			m = &here;
		}
	}
	if (m == NULL) {
		nw.fresh++;
	} else if (m->date == INT64_MAX) {
		nw.again++;	/* earlier in the input */
		return;
	} else if (opt.changed && (lm = rec_str(rec, "lastmod", &ln)) != NULL &&
	    (t = arc_time(lm, ln)) > m->date) {
		nw.changed++;
	} else {
		nw.held++;
		return;
	}
	/* written once: a later record of the same url is a repeat */
	strmap_get(&ns->seen, u, ul, &added)->date = INT64_MAX;
	if (c != NULL)
		strmap_get(&ns->seen, c, cl, &added)->date = INT64_MAX;
	rec_write(rec);
}

int
cmd_new(struct archive *a, char **files)
{
	struct news ns = { a, NULL, { 0 }, 0 };
	const char *why;

	if ((ns.ux = urlidx_open(a, &why)) == NULL) {
		kh_warn("%s: %s: reading the day indexes", a->path, why);
		load_all(&ns);
	}
	rec_loop(files, new_record, &ns);
	urlidx_close(ns.ux);
	strmap_free(&ns.seen);
	if (!kh_run.quiet)
		kh_warn("%lu url%s: %lu new, %lu changed, %lu in the archive, "
		    "%lu repeated", nw.urls, nw.urls == 1 ? "" : "s",
		    nw.fresh, nw.changed, nw.held, nw.again);
	return rec_exit();
}
