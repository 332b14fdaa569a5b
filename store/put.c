/*
 * put.c: store -o, appending records to an archive: the parts being
 * written, the compressing threads, bodies stored once.
 */
#define _GNU_SOURCE	/* memmem */
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zstd.h>
#define ZDICT_STATIC_LINKING_ONLY	/* the fastCover parameters */
#include <zdict.h>

#include "khobor.h"
#include "archive.h"
#include "dedup.h"
#include "sha1.h"
#include "store.h"
#include "urlidx.h"

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
 * Frames are compressed by worker threads (one a CPU this process may
 * use, at most MAX_THREADS, or --threads) while this one reads and
 * parses the next records, so parsing costs little time and a higher
 * level costs less.  Each frame gets a sequence number when it is
 * queued, and one more thread commits them (written, fsynced, indexed)
 * strictly in that order, so the units of a part and their index lines
 * keep the order of the records; the workers never wait for the disk
 * (an fsync each frame held one of them up to a fifth of a run).  A
 * small queue bounds the memory.
 */
#define NJOBS 8
#define NSLOTS 32	/* frames compressed, waiting for their turn */
struct job {
	struct arc_part *part;
	struct arc_batch *batch;
	unsigned long seq;
	int day;	/* YYYYMMDD, 0 for a single file */
	int ok;		/* compressed without error */
};
static struct {
	pthread_t tid[MAX_THREADS], committer;
	int nworkers;
	pthread_mutex_t mu;
	pthread_cond_t cv;	/* any change below */
	struct job q[NJOBS];	/* queued, not yet taken */
	int head, n, stop;
	struct job done[NSLOTS];	/* compressed, by seq % NSLOTS */
	int ready[NSLOTS];
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

/* The URL index, kept current as units are indexed. */
static struct urlidx_w *urls;

static int
indexed(const char *lines, size_t n, uint64_t off)
{
	return urlidx_add(urls, commit_day, lines, n, off);
}

static void
emit(const char *text, size_t len, const char *keys, size_t keylen,
    uint64_t off, uint32_t recno)
{
	hold(keys, keylen, commit_day, off, recno);
	if (opt.tee)
		rec_write_text(text, len);	/* under flockfile: committer() */
}

/* Commit frames in sequence order: all written, each part synced once,
 * then indexed (and so acknowledged) in order.  A failure stops the run
 * with the files cut back to the last frame indexed. */
static void
commit(struct job *g, int n)
{
	int i, k;

	for (i = 0; i < n; i++)
		if (!g[i].ok || arc_batch_write(g[i].part, g[i].batch) < 0)
			goto fail;
	for (i = 0; i < n; i++) {
		for (k = 0; k < i && g[k].part != g[i].part; k++)
			;
		if (k == i && arc_part_sync(g[i].part) < 0)
			goto fail;
	}
	if (opt.tee)
		flockfile(stdout);
	for (i = 0; i < n; i++) {
		commit_day = g[i].day;
		if (arc_batch_index(g[i].part, g[i].batch, emit,
		    indexed) < 0)
			goto fail;
	}
	if (opt.tee) {
		funlockfile(stdout);
		rec_flush();	/* the reader may be waiting */
	}
	return;
fail:
	for (i = 0; i < n; i++)
		arc_part_undo(g[i].part);
	kh_die("stopped: the records of the last frames were not stored (the "
	    "archive is as it was before them)");
}

/* The committer: every compressed frame whose turn has come, at once,
 * until the workers have stopped and every queued frame is committed. */
static void *
committer(void *arg)
{
	struct job g[NSLOTS];
	int k, n;

	(void)arg;
	pthread_mutex_lock(&wq.mu);
	for (;;) {
		while (!wq.ready[wq.committed % NSLOTS] &&
		    !(wq.stop && wq.committed == wq.queued))
			pthread_cond_wait(&wq.cv, &wq.mu);
		for (n = 0; n < NSLOTS &&
		    wq.ready[k = (wq.committed + n) % NSLOTS]; n++) {
			g[n] = wq.done[k];
			wq.ready[k] = 0;
		}
		if (n == 0)
			break;
		pthread_mutex_unlock(&wq.mu);
		commit(g, n);
		pthread_mutex_lock(&wq.mu);
		wq.committed += n;
		pthread_cond_broadcast(&wq.cv);
	}
	pthread_mutex_unlock(&wq.mu);
	return NULL;
}

/* The CPUs this process may run on (its affinity: taskset, cgroups'
 * cpusets), at most MAX_THREADS. */
static int
cpus(void)
{
	cpu_set_t set;
	long n;

	if (sched_getaffinity(0, sizeof(set), &set) == 0)
		n = CPU_COUNT(&set);
	else
		n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > MAX_THREADS ? MAX_THREADS : (int)n;
}

static void *
worker(void *arg)
{
	ZSTD_CCtx *cctx = arc_cctx_new(&opt.arc);
	struct job j;

	(void)arg;
	pthread_mutex_lock(&wq.mu);
	for (;;) {
		/* a frame to take, and room for it once compressed */
		while ((wq.n == 0 && !wq.stop) || (wq.n > 0 &&
		    wq.q[wq.head].seq - wq.committed >= NSLOTS))
			pthread_cond_wait(&wq.cv, &wq.mu);
		if (wq.n == 0)
			break;
		j = wq.q[wq.head];
		wq.head = (wq.head + 1) % NJOBS;
		wq.n--;
		pthread_cond_broadcast(&wq.cv);
		pthread_mutex_unlock(&wq.mu);
		j.ok = arc_batch_compress(cctx, j.batch) == 0;
		pthread_mutex_lock(&wq.mu);
		wq.done[j.seq % NSLOTS] = j;
		wq.ready[j.seq % NSLOTS] = 1;
		pthread_cond_broadcast(&wq.cv);
	}
	pthread_mutex_unlock(&wq.mu);
	ZSTD_freeCCtx(cctx);
	return NULL;
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
	    day_of(p), 0 };
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
		kh_die("stopped: the files above could not be closed (what "
		    "was acknowledged is synced)");
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
 * the index.  k: the record's keys.  Returns 1 when the text changed
 * (then *text, *len is the text to store and *refs says which fields
 * are references): "html": "..." becomes "html_ref": "@DAY/OFF/N", the
 * bytes around the name and the value as they were, so that the record
 * comes back byte for byte. */
static int
dedup(const char *in, size_t inlen, const struct arc_keys *k,
    const char **text, size_t *len, const char **keys, unsigned *refs)
{
	static char *out[2], *ks;
	static size_t cap[2], kcap;
	struct strmap_ent at;
	char where[64], ref[80];
	const char *src = in, *body, *key, *why, *const *f = dedup_fields;
	size_t kl = 0, start, value, end, bn, srclen = inlen, need, name;
	int m, o = 0;

	*keys = NULL;
	*refs = 0;
	for (int i = 0; i < DEDUP_NFIELDS; i++, f++) {
		if (*(key = k->body[i]) == '\0')
			continue;
		body = NULL;
		if (held_at(key, &at) &&
		    json_member(src, srclen, *f, &start, &value, &end) == 0 &&
		    (body = body_at(at.part, at.off, at.recno, *f, &bn,
		    &why)) == NULL)
			kh_warn("cannot read the %s this record may share (%s); "
			    "stored in full", *f, why);
		if (body != NULL && bn == end - value &&
		    memcmp(body, src + value, bn) == 0) {
			ref_name(where, sizeof(where), at.part, at.off,
			    at.recno);
			m = snprintf(ref, sizeof(ref), "\"%s\"", where);
			name = start + 1 + strlen(*f);	/* its closing quote */
			need = srclen + 4 - (end - value) + m;
			if (need > cap[o])
				out[o] = kh_realloc(out[o], cap[o] = need);
			memcpy(out[o], src, name);
			memcpy(out[o] + name, "_ref", 4);
			memcpy(out[o] + name + 4, src + name, value - name);
			memcpy(out[o] + value + 4, ref, m);
			memcpy(out[o] + value + 4 + m, src + end, srclen - end);
			src = out[o];
			srclen = need;
			o ^= 1;
			*refs |= 1u << i;
			continue;
		}
		need = kl + strlen(key) + 2;
		if (need > kcap)
			ks = kh_realloc(ks, kcap = need + 64);
		kl += snprintf(ks + kl, kcap - kl, "%s%s", kl ? "," : "", key);
		*keys = ks;
	}
	*text = src;
	*len = srclen;
	return *refs != 0;
}

/*
 * --once: a page is stored once a version.  A record whose url (or
 * final_url, or canonical_url, in canonical form) names a record of the
 * archive, or of this run, holding the same text (html when it has no
 * text), byte for byte, is not stored: a redirect's twin, a revisit that
 * found the page as it was.  The archive's URLs come from the indexes
 * (the newest record of each); this run's are kept with the SHA-1 of
 * their record's body.
 */
static struct {
	struct strmap arc;	/* URL: the day, unit and number of its record */
	struct strmap run;	/* URL: its body's digest, sums[recno] */
	unsigned char (*sums)[SHA1_LEN];
	size_t nsums, cap;
	unsigned long same;	/* records not stored */
	/* the record being looked at */
	const char *field, *body;
	size_t bodylen;
	unsigned char sum[SHA1_LEN];
	int found;
} on;

static void
once_url(const char *url, size_t n, void *arg)
{
	const struct arc_entry *e = ((void **)arg)[0];
	const struct part_name *pn = ((void **)arg)[1];
	struct strmap_ent *m;
	int added;

	m = strmap_get(&on.arc, url, n, &added);	/* the newest wins */
	m->part = day_num(pn->day), m->off = e->off, m->recno = e->recno;
}

static void
once_entry(const struct arc_entry *e, const struct part_name *pn, void *arg)
{
	void *both[2] = { (void *)e, (void *)pn };

	(void)arg;
	arc_entry_urls(e, once_url, both);
}

/* The body of field in the record at (day, off, recno), a reference
 * followed: NULL when there is none. */
static const char *
archived_body(int day, uint64_t off, uint32_t recno, const char *field,
    size_t *n)
{
	char name[16], ref[80];
	const char *v;
	uint64_t roff;
	uint32_t rrec;
	int rday;

	if ((v = body_at(day, off, recno, field, n, NULL)) != NULL)
		return v;
	snprintf(name, sizeof(name), "%s_ref", field);
	if ((v = body_at(day, off, recno, name, n, NULL)) == NULL || *n < 2 ||
	    *n - 2 >= sizeof(ref))
		return NULL;
	memcpy(ref, v + 1, *n - 2);	/* body_at's buffer is reused */
	if (ref_parse(ref, *n - 2, &rday, &roff, &rrec) < 0)
		return NULL;
	return body_at(rday, roff, rrec, field, n, NULL);
}

/* One URL of the record being looked at: does the newest record it
 * names (this run's, else the archive's) hold the same body? */
static void
same_url(const char *url, size_t n, void *arg)
{
	struct strmap_ent *m;
	const char *v;
	size_t vn;

	(void)arg;
	if (on.found)
		return;
	if ((m = strmap_find(&on.run, url, n)) != NULL) {
		on.found = memcmp(on.sums[m->recno], on.sum, SHA1_LEN) == 0;
		return;
	}
	if ((m = strmap_find(&on.arc, url, n)) != NULL &&
	    (v = archived_body(m->part, m->off, m->recno, on.field,
	    &vn)) != NULL)
		on.found = vn == on.bodylen && memcmp(v, on.body, vn) == 0;
}

/* This run's record of the body in on.sum now stands for each URL. */
static void
run_url(const char *url, size_t n, void *arg)
{
	int added;

	(void)arg;
	strmap_get(&on.run, url, n, &added)->recno = on.nsums - 1;
}

/* Whether the record (text, len; k its keys) is a version stored
 * already; if not, it is remembered as this run's. */
static int
stored_already(const char *text, size_t len, const struct arc_keys *k)
{
	struct arc_entry e = { 0 };
	struct sha1 h;
	size_t start, value, end;

	on.field = "text";
	if (json_member(text, len, "text", &start, &value, &end) < 0) {
		on.field = "html";
		if (json_member(text, len, "html", &start, &value, &end) < 0)
			return 0;	/* no page: nothing to compare */
	}
	on.body = text + value;
	on.bodylen = end - value;
	sha1_init(&h);
	sha1_update(&h, on.body, on.bodylen);
	sha1_final(&h, on.sum);
	e.url = k->url, e.urllen = k->urllen;
	e.keys = k->keys, e.keyslen = k->keyslen;
	on.found = 0;
	arc_entry_urls(&e, same_url, NULL);
	if (on.found) {
		on.same++;
		return 1;
	}
	if (on.nsums == on.cap)
		on.sums = kh_realloc(on.sums, (on.cap = on.cap ? 2 * on.cap :
		    256) * sizeof(*on.sums));
	memcpy(on.sums[on.nsums++], on.sum, SHA1_LEN);
	arc_entry_urls(&e, run_url, NULL);
	return 0;
}

/*
 * merge: a fetch is stored once.  A record whose url and fetched_at are
 * those of a record of the archive (its indexes) or of this run is the
 * same record, from another shard or merged before, and is left out.
 * Each fetch is kept as 128 bits of the SHA-1 of "url TAB fetched_at",
 * in hex: what the records take is not held.
 */
const char *put_day;
static struct {
	int on;
	struct strmap seen;
	unsigned long same;
} fe;

/* The key of a fetch into key (33 bytes); 0 when it has no fetched_at. */
static int
fetch_key(const char *url, size_t ul, const char *at, size_t al, char *key)
{
	unsigned char sum[SHA1_LEN];
	struct sha1 h;

	if (at == NULL)
		return 0;
	sha1_init(&h);
	sha1_update(&h, url, ul);
	sha1_update(&h, "\t", 1);
	sha1_update(&h, at, al);
	sha1_final(&h, sum);
	for (int i = 0; i < 16; i++)
		snprintf(key + 2 * i, 3, "%02x", sum[i]);
	return 1;
}

static void
fetch_entry(const struct arc_entry *e, const struct part_name *pn, void *arg)
{
	char key[33];
	int added;

	(void)pn, (void)arg;
	if (fetch_key(e->url, e->urllen, e->fetched_at, e->fetchedlen, key))
		strmap_get(&fe.seen, key, 32, &added);
}

/* Whether the record of keys k is a fetch stored already; if not, it is
 * remembered as this run's. */
static int
fetched_already(const struct arc_keys *k)
{
	char key[33];
	int added;

	if (!fetch_key(k->url, k->urllen, k->fetched_at, k->fetchedlen, key))
		return 0;
	strmap_get(&fe.seen, key, 32, &added);
	fe.same += !added;
	return !added;
}

/* Queue one record (checked: it has a url) for its day's part. */
static void
add(const char *text, size_t len, const struct arc_keys *k)
{
	struct arc_part *part;
	const char *out, *hashes;
	char day[11];
	size_t n;
	unsigned refs;

	if (fe.on && fetched_already(k))
		return;
	if (opt.once && stored_already(text, len, k))
		return;
	if (k->fetched_at != NULL && k->fetchedlen >= 10 &&
	    is_day(k->fetched_at))
		snprintf(day, sizeof(day), "%.10s", k->fetched_at);
	else if (put_day != NULL && *put_day != '\0')
		snprintf(day, sizeof(day), "%s", put_day);
	else
		today(day);
	part = part_for(w.a.single ? "" : day);
	/* A frame ends before the record that would take it past its
	 * size: get decompresses no more than it must. */
	if (arc_part_pending(part) > 0 &&
	    arc_part_pending(part) + len + 1 > opt.arc.frame)
		flush_part(part);
	if (dedup(text, len, k, &out, &n, &hashes, &refs))
		arc_part_add(part, out, n, text, len, k, hashes, refs);
	else
		arc_part_add(part, text, len, NULL, 0, k, hashes, 0);
	if (arc_part_pending(part) >= opt.arc.frame)
		flush_part(part);
}

/*
 * The dictionary.  An archive without one gets one trained (ZDICT) on
 * the first DICT_TRAIN bytes of records a run brings: those records are
 * held back until then, so that they too are compressed with it.  A
 * thread of its own trains it and saves it (written and synced before
 * any frame that needs it) while this one goes on reading, holding up
 * to HOLD_MORE bytes of records more: training takes 0.03 s, a tenth of
 * a 34 MB run, which would otherwise leave a core idle.  When input
 * pauses first (the idle flush: a slow pipeline), the records held are
 * stored without it and the samples keep coming; at the end of input,
 * DICT_MIN bytes are enough.
 */
#define DICT_TRAIN ((size_t)2 << 20)
#define DICT_MIN ((size_t)1 << 20)
#define DICT_SIZE ((size_t)112640)	/* zstd's own default */
#define SAMPLE 4096			/* bytes a sample (records are cut) */
#define DICT_FRAME_MAX ((size_t)1 << 20)	/* frames it pays for */
#define HOLD_MORE ((size_t)16 << 20)
static struct {
	int on, hold;		/* sampling; holding records back */
	char *buf;		/* the records sampled (then held), '\n'-ended */
	size_t len, cap;
	size_t *size, n, scap;	/* the samples in buf */
	size_t held;		/* records at the start of buf not stored */
	struct rec_member *mem;	/* their members, one after another, */
	size_t nmem, memcap;	/* so that storing them scans them not */
	struct held_rec {	/* again */
		size_t nmem;
		int escaped;
	} *rec;
	size_t reccap;
	pthread_t tid;		/* the trainer, while training */
	int training, done;	/* done: set by the trainer as it ends */
	size_t sampled;		/* bytes of buf it trains on */
	void *dict;		/* what it made and saved, or NULL */
	size_t dictlen;
	char *path;		/* where it saved it */
} tr;

/* A record at the end of tr.buf, which has room for it. */
static void
append(const char *text, size_t len)
{
	memcpy(tr.buf + tr.len, text, len);
	tr.buf[tr.len + len] = '\n';
}

/* One more record held: its members (offsets into its text) too. */
static void
held_one(const struct rec_members *m)
{
	struct held_rec *r;

	if (tr.held == tr.reccap)
		tr.rec = kh_realloc(tr.rec, (tr.reccap = tr.reccap ?
		    2 * tr.reccap : 256) * sizeof(*tr.rec));
	r = &tr.rec[tr.held++];
	if (tr.nmem + m->n > tr.memcap)
		tr.mem = kh_realloc(tr.mem, (tr.memcap = 2 * (tr.nmem + m->n)) *
		    sizeof(*tr.mem));
	memcpy(tr.mem + tr.nmem, m->v, m->n * sizeof(*m->v));
	tr.nmem += m->n;
	r->nmem = m->n;
	r->escaped = m->escaped;
}

static void
sample(const char *text, size_t len)
{
	if (tr.len + len + 1 > tr.cap) {
		tr.cap = tr.len + len + 1 + tr.len / 2;
		tr.buf = kh_realloc(tr.buf, tr.cap);
	}
	append(text, len);
	for (size_t at = 0; at < len + 1; at += SAMPLE) {
		if (tr.n == tr.scap) {
			tr.scap = tr.scap ? 2 * tr.scap : 1024;
			tr.size = kh_realloc(tr.size, tr.scap * sizeof(*tr.size));
		}
		tr.size[tr.n++] = len + 1 - at < SAMPLE ? len + 1 - at : SAMPLE;
	}
	tr.len += len + 1;
}

/* Store the records held back, in their order. */
static void
release(void)
{
	struct arc_keys k;
	struct rec_members m = { 0 };
	size_t len, mem = 0;
	char *p = tr.buf, *nl;

	for (size_t i = 0; i < tr.held; i++, p = nl + 1) {
		nl = memchr(p, '\n', tr.buf + tr.len - p);
		len = nl - p;
		m.v = tr.mem + mem;
		m.n = m.cap = tr.rec[i].nmem;
		m.escaped = tr.rec[i].escaped;
		mem += m.n;
		if (arc_record_keys(p, len, &m, &k) < 0)
			kh_die("a record held for the dictionary is lost");
		add(p, len, &k);
	}
	tr.held = tr.nmem = 0;
	tr.hold = 0;
}

static void
use_dict(void)
{
	opt.arc.cdict = arc_cdict_new(&opt.arc, opt.arc.dict->buf,
	    opt.arc.dict->len);
}

/* The dictionary saved as path: written under the name tmp, synced and
 * renamed, so that no crash leaves it half written.  -1 with errno. */
static int
save_dict(const void *buf, size_t n, const char *path, const char *tmp)
{
	int fd = kh_open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0644), e;

	if (fd < 0)
		return -1;
	if (kh_pwrite_full(fd, buf, n, 0) < 0 || kh_fsync(fd) < 0) {
		e = errno;
		close(fd);
		goto fail;
	}
	if (kh_close(fd) < 0 || rename(tmp, path) < 0) {
		e = errno;
		goto fail;
	}
	return 0;
fail:
	unlink(tmp);
	errno = e;
	return -1;
}

/* The trainer: a dictionary from the first tr.sampled bytes of tr.buf
 * (which nobody changes meanwhile), saved beside the archive; tr.dict
 * stays NULL when there is too little to learn from or it cannot be
 * saved. */
static void *
trainer(void *arg)
{
	ZDICT_fastCover_params_t zp;
	size_t cap = tr.sampled / 16 < DICT_SIZE ? tr.sampled / 16 :
	    DICT_SIZE, n;
	void *buf = kh_malloc(cap);
	char *path, *tmp;

	(void)arg;
	memset(&zp, 0, sizeof(zp));
	/* Fixed parameters (no search): 0.02 s on 2 MB, within 0.5% of
	 * what ZDICT_optimizeTrainFromBuffer_fastCover finds in 0.15 s. */
	zp.k = 1000, zp.d = 8, zp.f = 15, zp.accel = 5;
	zp.zParams.compressionLevel = opt.arc.level;
	n = ZDICT_trainFromBuffer_fastCover(buf, cap, tr.buf, tr.size, tr.n,
	    zp);
	if (ZDICT_isError(n)) {	/* too little or too uniform: none */
		free(buf);
		goto done;
	}
	path = dict_path(&w.a);
	tmp = pathcat(path, ".tmp", "");
	if (save_dict(buf, n, path, tmp) < 0) {
		kh_warn("%s: cannot save the dictionary (going on without "
		    "one):", tmp);
		free(buf);
		free(path);
	} else if (kh_sync_parent(path) < 0) {
		/* in place, but its name may not last: frames of this run
		 * must not need it (a later run uses it) */
		kh_warn("%s: fsync of its directory (going on without the "
		    "dictionary):", path);
		free(buf);
		free(path);
	} else {
		tr.dict = buf, tr.dictlen = n, tr.path = path;
	}
	free(tmp);
done:
	__atomic_store_n(&tr.done, 1, __ATOMIC_RELEASE);
	return NULL;
}

static void
start_training(void)
{
	/* room for the records held meanwhile: buf must not move */
	if (tr.hold && tr.cap < tr.len + HOLD_MORE)
		tr.buf = kh_realloc(tr.buf, tr.cap = tr.len + HOLD_MORE);
	tr.sampled = tr.len;
	tr.training = 1;
	if ((errno = pthread_create(&tr.tid, NULL, trainer, NULL)))
		kh_die("pthread_create:");
}

/* Wait for the trainer; use what it made from now on. */
static void
end_training(void)
{
	static struct arc_dict d;
	const char *why;

	pthread_join(tr.tid, NULL);
	tr.training = tr.on = 0;
	if (tr.dict == NULL)
		return;
	if (arc_dict_set(&d, tr.path, tr.dict, tr.dictlen, &why) < 0)
		kh_die("%s: %s", tr.path, why);
	opt.arc.dict = w.a.dict = &d;
	use_dict();
}

/* Train when enough is sampled (DICT_MIN will do when input ended or
 * paused: force); once trained (or when forced), store what is held. */
static void
sampled(int force)
{
	if (tr.on && !tr.training &&
	    (tr.len >= DICT_TRAIN || (force && tr.len >= DICT_MIN)))
		start_training();
	if (tr.training &&
	    (force || __atomic_load_n(&tr.done, __ATOMIC_ACQUIRE)))
		end_training();
	if (tr.training)
		return;
	if (tr.hold)
		release();
	if (!tr.on) {
		free(tr.buf);
		free(tr.size);
		free(tr.mem);
		free(tr.rec);
		memset(&tr, 0, sizeof(tr));
	}
}

/* Samples from the records of one unit of the archive: 1 (stop) once
 * there are enough. */
static int
sample_unit(const struct arc_unit *u, const char *recs, void *arg)
{
	const char *line;
	size_t len = 0;

	(void)arg;
	for (uint32_t i = 0; i < u->nrec && tr.len < DICT_TRAIN; i++)
		if ((line = arc_nth_line(recs, u->raw, i, &len)) != NULL)
			sample(line, len);
	return tr.len >= DICT_TRAIN;
}

/* A run too small to train on: learn from the records stored before,
 * newest day first, so that an archive fed by small cron runs gets a
 * dictionary all the same (its next frames use it).  Best effort: a
 * part that cannot be read is passed over (verify reports it). */
static void
sample_archive(void)
{
	struct part_name *v;
	const char *why;
	uint64_t end;
	size_t n;
	int fd;

	drain();	/* nothing of this run is half written */
	v = list_parts(&w.a, &n);
	for (size_t i = n; i-- > 0 && tr.len < DICT_TRAIN;) {
		if ((fd = kh_open(v[i].data, O_RDONLY, 0)) < 0)
			continue;
		arc_scan(fd, NULL, sample_unit, NULL, &end, &why);
		close(fd);
	}
	free_parts(v, n);
}

/* A record to hold while the trainer works: after what it reads. */
static void
hold_more(const char *text, size_t len, const struct rec_members *m)
{
	if (tr.len + len + 1 > tr.cap) {
		sampled(1);	/* full: wait for the trainer */
		return;
	}
	append(text, len);
	tr.len += len + 1;
	held_one(m);
}

static unsigned long put_bad;	/* records put() skipped */

static void
put(const struct rec_pos *pos, void *arg)
{
	struct arc_keys k;

	(void)arg;
	if (arc_record_keys(pos->text, pos->len, pos->members,
	    &k) < 0 || k.urllen == 0) {
		rec_bad(pos, "no url; skipped");
		put_bad++;
		return;
	}
	for (size_t i = 0; i < k.urllen; i++)
		if ((unsigned char)k.url[i] <= ' ') {
			rec_bad(pos, "url holds a space or control character; "
			    "skipped");
			put_bad++;
			return;
		}
	if (pos->len >= ARC_MAX_RAW) {
		rec_bad(pos, "record larger than a frame may be (1 GiB); "
		    "skipped");
		put_bad++;
		return;
	}
	if (tr.training) {
		if (tr.hold) {
			hold_more(pos->text, pos->len, pos->members);
			if (tr.hold) {
				sampled(0);	/* the trainer may be done */
				return;
			}
		} else {
			sampled(0);
		}
	} else if (tr.on) {
		sample(pos->text, pos->len);
		if (tr.hold) {
			held_one(pos->members);
			if (tr.len >= DICT_TRAIN)
				sampled(0);
			return;
		}
		if (tr.len >= DICT_TRAIN)
			sampled(0);
	}
	add(pos->text, pos->len, &k);
}

/* Input paused: store what came (rec_on_idle). */
static void
idle(void)
{
	sampled(1);
	flush_all();
}

/* A run killed while writing left its days' tails torn or unindexed,
 * or files under a temporary name: mend every part now, not only the
 * days this run writes to. */
static void
recover_all(struct archive *a)
{
	struct arc_part *p;
	struct part_name *v;
	size_t n;

	remove_leftovers(a);
	v = list_parts(a, &n);
	for (size_t i = 0; i < n; i++) {
		if ((p = arc_part_open(v[i].data, v[i].idx, &opt.arc)) == NULL)
			kh_die("%s: cannot append to this archive", v[i].data);
		if (arc_part_close(p) < 0)
			kh_die("%s: cannot append to this archive", v[i].data);
	}
	free_parts(v, n);
}

static void
held_entry(const struct arc_entry *e, const struct part_name *pn, void *arg)
{
	(void)arg;
	if (e->hash != NULL)
		hold(e->hash, e->hashlen, day_num(pn->day), e->off, e->recno);
}

void
write_begin(int same_fetch)
{
	/* High levels find matches far apart: give them room (at levels
	 * of 10 and more, 16M frames reach 0.98 of whole-file zstd -19,
	 * 1M frames 0.81). */
	if (!opt.frame_set && opt.arc.level >= 10)
		opt.arc.frame = (size_t)16 << 20;
	archive_init(&w.a, opt.out, 1);
	archive_lock(&w.a);
	dict_load(&w.a);	/* under the lock: another run may train one */
	/* Frames of 16M (levels from 10) hold what a dictionary would:
	 * there it only costs (7% of ratio at level 19). */
	if (opt.arc.frame > DICT_FRAME_MAX)
		opt.no_dict = 1;
	if (opt.arc.dict != NULL && !opt.no_dict)
		use_dict();
	tr.on = tr.hold = opt.arc.dict == NULL && !opt.no_dict;
	if (tr.on)	/* once: growing it moves it, and records held */
		tr.buf = kh_malloc(tr.cap = DICT_TRAIN + HOLD_MORE + (1 << 20));
	recover_all(&w.a);
	/* The URL index, marked as being written, then brought up to date
	 * with the mended parts.  Only a run that did not finish leaves
	 * them to mend, and the mark it left says so to readers: a run
	 * that finds a frame it cannot read changes nothing. */
	if ((urls = urlidx_begin(&w.a)) == NULL)
		kh_die("%s: cannot write to the URL index", w.a.path);
	if (urlidx_ready(urls) < 0)
		kh_die("%s: cannot bring the URL index up to date", w.a.path);
	opt.arc.keep_orig = opt.tee;
	refs_in = &w.a;
	each_entry(&w.a, held_entry, NULL);
	if (opt.once)
		each_entry(&w.a, once_entry, NULL);
	if ((fe.on = same_fetch))
		each_entry(&w.a, fetch_entry, NULL);
	wq.nworkers = opt.threads > 0 ? opt.threads : cpus();
	for (int i = 0; i < wq.nworkers; i++)
		if ((errno = pthread_create(&wq.tid[i], NULL, worker, NULL)))
			kh_die("pthread_create:");
	if ((errno = pthread_create(&wq.committer, NULL, committer, NULL)))
		kh_die("pthread_create:");
}

/* One record: 0, or -1 when it was skipped (said). */
int
write_record(const struct rec_pos *pos)
{
	unsigned long bad = put_bad;

	put(pos, NULL);
	return put_bad == bad ? 0 : -1;
}

/* The end of the run: everything stored, synced and indexed.  *fetched
 * and *same (if not NULL): the records left out as fetches and versions
 * stored already (said here otherwise, as --once's). */
int
write_end(unsigned long *fetched, unsigned long *same)
{
	if (tr.on && !tr.training && tr.len < DICT_MIN)
		sample_archive();
	if (tr.len < DICT_MIN)
		tr.on = 0;	/* too little to train on, even so */
	sampled(1);
	while (w.n > 0)
		close_slot(w.n - 1);
	pthread_mutex_lock(&wq.mu);
	wq.stop = 1;
	pthread_cond_broadcast(&wq.cv);
	pthread_mutex_unlock(&wq.mu);
	for (int i = 0; i < wq.nworkers; i++)
		pthread_join(wq.tid[i], NULL);
	pthread_join(wq.committer, NULL);
	if (urlidx_end(urls) < 0) {
		kh_warn("%s: the URL index was left as a run that did not "
		    "finish leaves it (the records are stored; the next run "
		    "mends it)", w.a.path);
		kh_run.error = 1;
	}
	if (fetched != NULL)
		*fetched = fe.same;
	if (same != NULL)
		*same = on.same;
	else if (opt.once && on.same > 0 && !kh_run.quiet)
		kh_warn("%lu record%s the same as stored ones: not stored "
		    "again (--once)", on.same, on.same == 1 ? "" : "s");
	return rec_exit();
}

int
cmd_write(char **files)
{
	write_begin(0);
	/* A slow pipeline: store what came after a second without input. */
	rec_on_idle(idle, 1000);
	rec_loop_text(files, put, NULL);
	return write_end(NULL, NULL);
}

