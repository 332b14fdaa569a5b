/*
 * find.c: store find, the records of an archive that answer a question
 * (a name, words, days, a site, a language, a URL pattern, a story),
 * written as stored or tallied; and --where's dotted paths, which cat
 * and export share.
 *
 * Words and names are compared folded (kh_word_fold: ASCII in lower
 * case, Bengali as NFC has it) and with Bengali case suffixes stripped
 * as tag strips them, so that পুতিনের finds পুতিন.  An entity matches a
 * name when its norm is the name, or every word of the name is a word
 * of its norm or of the mention: "Putin" finds "Vladimir Putin".  A
 * Bengali name also finds the norms its mentions carry elsewhere in
 * the archive: a first pass over the days asked for learns them (at
 * most NALIAS), so that পুতিনের finds an English article whose mention
 * reads "Putin" under the norm "Vladimir Putin".
 */
#define _GNU_SOURCE	/* memmem */
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <json-c/json.h>

#include "khobor.h"
#include "archive.h"
#include "store.h"
#include "find.h"

#define NALIAS 64	/* norms a Bengali name may learn */

/* Which of q's words (a bit each; q has at most 64) stand among the
 * words of s: each word of s folded on the stack, no allocation but for
 * a word longer than the buffer; stops once all are found. */
static uint64_t
words_found(const struct words *q, const char *s, size_t len)
{
	char buf[512];
	struct word w;
	size_t at = 0, b, e;
	uint64_t got = 0, all = q->n >= 64 ? UINT64_MAX :
	    ((uint64_t)1 << q->n) - 1;

	while (got != all && next_word(s, len, &at, &b, &e)) {
		w.w = 2 * (e - b) <= sizeof(buf) ? buf : kh_malloc(2 * (e - b));
		w.n = kh_word_fold(s + b, e - b, w.w);
		w.nstem = -1;	/* not yet: most words need none */
		for (size_t i = 0; i < q->n && i < 64; i++) {
			if (got >> i & 1)
				continue;
			if (w.nstem < 0 && (q->v[i].n != w.n ||
			    memcmp(q->v[i].w, w.w, w.n) != 0))
				w.nstem = suffix_strip(w.w, w.n, w.stem,
				    NSTEM);
			if (word_eq(&q->v[i], &w))
				got |= (uint64_t)1 << i;
		}
		if (w.w != buf)
			free(w.w);
	}
	return got;
}

static uint64_t
all_bits(size_t n)
{
	return n >= 64 ? UINT64_MAX : ((uint64_t)1 << n) - 1;
}

/* --- needles: what a record's text must hold to be worth parsing ------- */

/*
 * Before a record is parsed, its line is searched for a needle of each
 * word asked for: a word's shortest key (itself or a stem) is a prefix
 * of every word it matches, so the line holds it, ASCII letters in any
 * case.  A Bengali needle stops before the first letter whose bytes NFC
 * may spell otherwise (য় ড় ঢ়, a nukta, ো ৌ and their parts): a record
 * in another normal form is still parsed.  A line with \u escapes is
 * always parsed.
 */
struct needle {
	char *s;
	size_t n;
};

static int
nfc_unsure(unsigned c)
{
	return c == 0x9a1 || c == 0x9a2 || c == 0x9af || c == 0x9bc ||
	    c == 0x9be || c == 0x9c7 || c == 0x9cb || c == 0x9cc ||
	    c == 0x9d7 || c == 0x9dc || c == 0x9dd || c == 0x9df;
}

/* The needle of a word: 0 when it has none worth looking for. */
static int
needle_of(const struct word *w, struct needle *nd)
{
	const unsigned char *u = (const unsigned char *)w->w;
	size_t n = w->n, i, k;

	for (int j = 0; j < w->nstem; j++)
		if (w->stem[j] < n)
			n = w->stem[j];
	for (i = 0; i < n; i += k) {
		kh_utf8_next(u + i, n - i, &k);
		if (k == 3 && u[i] == 0xe0 && nfc_unsure(((unsigned)(u[i + 1] &
		    3) << 6 | (u[i + 2] & 0x3f)) + 0x900))
			break;
	}
	if (i == 0)
		return 0;
	nd->s = w->w;
	nd->n = i;
	return 1;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Whether hay holds the needle (folded: ASCII in lower case), ASCII
 * letters in any case. */
static int
holds(const char *hay, size_t n, const struct needle *nd)
{
	const char *p, *lo, *up, *end = hay + n;
	size_t i;
	int letters = 0, c0 = (unsigned char)nd->s[0];

	for (i = 0; i < nd->n && !letters; i++)
		letters = nd->s[i] >= 'a' && nd->s[i] <= 'z';
	if (!letters)
		return memmem(hay, n, nd->s, nd->n) != NULL;
	/* the next place of the first byte in either case */
	lo = memchr(hay, c0, n);
	up = c0 >= 'a' && c0 <= 'z' ? memchr(hay, c0 - 32, n) : NULL;
	while (lo != NULL || up != NULL) {
		p = lo == NULL || (up != NULL && up < lo) ? up : lo;
		if ((size_t)(end - p) < nd->n)
			return 0;
		for (i = 1; i < nd->n && lower((unsigned char)p[i]) ==
		    (unsigned char)nd->s[i]; i++)
			;
		if (i == nd->n)
			return 1;
		if (p == lo)
			lo = memchr(p + 1, c0, end - p - 1);
		else
			up = memchr(p + 1, c0 - 32, end - p - 1);
	}
	return 0;
}

/* Whether the line holds a needle of every word of ws. */
static int
holds_words(const char *line, size_t len, const struct words *ws)
{
	struct needle nd;

	for (size_t i = 0; i < ws->n; i++)
		if (needle_of(&ws->v[i], &nd) && !holds(line, len, &nd))
			return 0;
	return 1;
}

/* --- the question ----------------------------------------------------- */

struct name {
	const char *as_given;
	struct words w;
	char *fold;		/* the whole name folded */
	size_t foldn;
	int bengali;		/* has a Bengali letter: learn aliases */
	char *alias[NALIAS];	/* norms its mentions carry */
	struct words aliasw[NALIAS];	/* and their words */
	int nalias;
};

static struct {
	struct name *names;
	size_t nnames;
	struct words text;
	char from_day[11];	/* --from less a day: the first day file */
	int learning;		/* the first pass: aliases only */
	int where_seen;		/* --where's field stood in a record */
	uint64_t h_site, h_lang, h_story;	/* their terms (terms.c) */
	int index_said;		/* a find index could not be written */
	find_fn *fn;		/* what a matching record is given to */
	void *arg;
	uint64_t count;
	struct strmap tally;
} q;

/* The whole string folded: *n bytes, malloc'd. */
static char *
fold_all(const char *s, size_t len, size_t *n)
{
	char *f = kh_malloc(2 * len + 1);

	*n = kh_word_fold(s, len, f);
	f[*n] = '\0';
	return f;
}

/* Whether a string (its folded form) equals the name folded. */
static int
fold_eq(const struct name *nm, const char *s, size_t n)
{
	char buf[512];

	if (2 * n > sizeof(buf))	/* no name is that long */
		return 0;
	return kh_word_fold(s, n, buf) == nm->foldn &&
	    memcmp(buf, nm->fold, nm->foldn) == 0;
}

/* Whether every word of the name stands in s. */
static int
words_in(const struct name *nm, const char *s, size_t n)
{
	return nm->w.n > 0 && words_found(&nm->w, s, n) == all_bits(nm->w.n);
}

/* Whether an entity mention (its type already checked) is of the name:
 * by its norm or its own text; *by_text says the text matched. */
static int
mention_is(const struct name *nm, struct json_object *m, int *by_text)
{
	const char *norm, *text;
	size_t nn = 0, tn = 0;

	*by_text = 0;
	norm = rec_str(m, "norm", &nn);
	text = rec_str(m, "text", &tn);
	if (norm != NULL) {
		for (int i = 0; i < nm->nalias; i++)
			if (strlen(nm->alias[i]) == nn &&
			    memcmp(nm->alias[i], norm, nn) == 0)
				return 1;
		if (fold_eq(nm, norm, nn) || words_in(nm, norm, nn))
			return 1;
	}
	if (text != NULL && (fold_eq(nm, text, tn) || words_in(nm, text, tn)))
		return *by_text = 1;
	return 0;
}

static int
type_ok(struct json_object *m)
{
	const char *t;

	return opt.find_type == NULL || ((t = rec_str(m, "type", NULL)) &&
	    strcmp(t, opt.find_type) == 0);
}

/* A norm a Bengali name's mention carries, learnt once. */
static void
learn(struct name *nm, struct json_object *m)
{
	const char *norm;
	size_t nn;

	if ((norm = rec_str(m, "norm", &nn)) == NULL)
		return;
	for (int i = 0; i < nm->nalias; i++)
		if (strcmp(nm->alias[i], norm) == 0)
			return;
	if (nm->nalias == NALIAS) {
		static int said;

		if (!said++)
			kh_warn("--entity %s: more than %d names answer to "
			    "it; the first %d are looked for", nm->as_given,
			    NALIAS, NALIAS);
		return;
	}
	words_of(&nm->aliasw[nm->nalias], norm, nn);
	nm->alias[nm->nalias++] = strdup(norm);
}

/* --type alone: a record with an entity of the type. */
static int
has_type(struct json_object *rec)
{
	struct json_object *ents, *m;

	if (!json_object_object_get_ex(rec, "entities", &ents) ||
	    !json_object_is_type(ents, json_type_array))
		return 0;
	for (size_t i = 0; i < json_object_array_length(ents); i++) {
		m = json_object_array_get_idx(ents, i);
		if (json_object_is_type(m, json_type_object) && type_ok(m))
			return 1;
	}
	return 0;
}

static int
has_entity(struct json_object *rec, struct name *nm)
{
	struct json_object *ents, *m;
	int by_text, hit = 0;

	if (!json_object_object_get_ex(rec, "entities", &ents) ||
	    !json_object_is_type(ents, json_type_array))
		return 0;
	for (size_t i = 0; i < json_object_array_length(ents); i++) {
		m = json_object_array_get_idx(ents, i);
		if (!json_object_is_type(m, json_type_object) || !type_ok(m) ||
		    !mention_is(nm, m, &by_text))
			continue;
		if (!q.learning)
			return 1;
		if (by_text)
			learn(nm, m);
		hit = 1;
	}
	return hit;
}

/* The record's date as a day: published, else fetched_at (as written:
 * the outlet's own day). */
const char *
record_day(struct json_object *rec)
{
	const char *d;
	size_t n;

	if (((d = rec_str(rec, "published", &n)) != NULL && n >= 10 &&
	    is_day(d)) || ((d = rec_str(rec, "fetched_at", &n)) != NULL &&
	    n >= 10 && is_day(d)))
		return d;
	return NULL;
}

/* The host of a URL, lower case, in buf: its length, 0 for none. */
static size_t
url_host(const char *url, char *buf, size_t cap)
{
	const char *p = strstr(url, "://"), *e;
	size_t n;

	if (p == NULL)
		return 0;
	p += 3;
	e = p + strcspn(p, "/?#:");
	if ((n = e - p) == 0 || n >= cap)
		return 0;
	for (size_t i = 0; i < n; i++)
		buf[i] = p[i] >= 'A' && p[i] <= 'Z' ? p[i] + 32 : p[i];
	buf[n] = '\0';
	return n;
}

static int
site_ok(struct json_object *rec)
{
	const char *s, *u;
	char host[256];
	size_t hn, sn = strlen(opt.find_site);

	if ((s = rec_str(rec, "site", NULL)) != NULL &&
	    strcasecmp(s, opt.find_site) == 0)
		return 1;
	for (int i = 0; i < 2; i++) {
		if ((u = rec_str(rec, i ? "final_url" : "url", NULL)) == NULL ||
		    (hn = url_host(u, host, sizeof(host))) < sn)
			continue;
		if (strcasecmp(host + hn - sn, opt.find_site) == 0 &&
		    (hn == sn || host[hn - sn - 1] == '.'))
			return 1;
	}
	return 0;
}

static int
lang_ok(struct json_object *rec)
{
	const char *l = rec_str(rec, "lang", NULL);
	size_t n = strlen(opt.find_lang);

	return l != NULL && strncasecmp(l, opt.find_lang, n) == 0 &&
	    (l[n] == '\0' || l[n] == '-' || l[n] == '_');
}

static int
url_ok(struct json_object *rec)
{
	const char *u;
	int glob = strpbrk(opt.find_url, "*?[") != NULL;

	for (int i = 0; i < 2; i++) {
		if ((u = rec_str(rec, i ? "final_url" : "url", NULL)) == NULL)
			continue;
		if (glob ? fnmatch(opt.find_url, u, 0) == 0 :
		    strstr(u, opt.find_url) != NULL)
			return 1;
	}
	return 0;
}

static int
text_ok(struct json_object *rec)
{
	const char *s;
	size_t n;
	uint64_t got = 0;

	if ((s = rec_str(rec, "title", &n)) != NULL)
		got |= words_found(&q.text, s, n);
	if (got != all_bits(q.text.n) &&
	    (s = rec_str(rec, "text", &n)) != NULL)
		got |= words_found(&q.text, s, n) | got;
	return got == all_bits(q.text.n);
}

static int
story_ok(struct json_object *rec)
{
	const char *s = rec_str(rec, "story", NULL);

	return s != NULL && strcmp(s, opt.find_story) == 0;
}

/* --- --where ---------------------------------------------------------- */

/* Whether the value at path p (dots between names) under o is v: an
 * array on the way matches when any element does. */
static int
path_is(struct json_object *o, const char *p, const char *v)
{
	struct json_object *m;
	const char *dot;
	char key[256];
	size_t n;

	if (json_object_is_type(o, json_type_array)) {
		for (size_t i = 0; i < json_object_array_length(o); i++)
			if (path_is(json_object_array_get_idx(o, i), p, v))
				return 1;
		return 0;
	}
	if (*p == '\0') {
		q.where_seen = 1;
		return o != NULL && !json_object_is_type(o, json_type_object) &&
		    strcmp(json_object_get_string(o), v) == 0;
	}
	if (!json_object_is_type(o, json_type_object))
		return 0;
	dot = strchr(p, '.');
	n = dot ? (size_t)(dot - p) : strlen(p);
	if (n >= sizeof(key))
		return 0;
	memcpy(key, p, n);
	key[n] = '\0';
	if (!json_object_object_get_ex(o, key, &m))
		return 0;
	if (m == NULL) {	/* null */
		q.where_seen = 1;
		return strcmp(v, "null") == 0 && dot == NULL;
	}
	return path_is(m, dot ? dot + 1 : "", v);
}

int
where_match(struct json_object *rec)
{
	return opt.where_key == NULL || (rec != NULL &&
	    path_is(rec, opt.where_key, opt.where_val));
}

int
where_said(void)
{
	if (opt.where_key == NULL || q.where_seen)
		return 0;
	kh_warn("--where: no record read has a field %s", opt.where_key);
	return KH_EXIT_SKIPPED;
}

/* --- the scan ----------------------------------------------------------- */

struct scan {
	const struct part_name *part;
	struct finder *fd;	/* --latest */
};

static int
matches(struct json_object *rec)
{
	const char *d;

	if (opt.from || opt.to) {
		if ((d = record_day(rec)) == NULL ||
		    (opt.from && strncmp(d, opt.from, 10) < 0) ||
		    (opt.to && strncmp(d, opt.to, 10) > 0))
			return 0;
	}
	if (opt.find_site && !site_ok(rec))
		return 0;
	if (opt.find_lang && !lang_ok(rec))
		return 0;
	if (opt.find_url && !url_ok(rec))
		return 0;
	if (opt.find_story && !story_ok(rec))
		return 0;
	for (size_t i = 0; i < q.nnames; i++)
		if (!has_entity(rec, &q.names[i]))
			return 0;
	if (opt.find_type && q.nnames == 0 && !has_type(rec))
		return 0;
	if (q.text.n > 0 && !text_ok(rec))
		return 0;
	return where_match(rec);
}

/* The newest version of the record's url is this one. */
static int
latest(const struct scan *sc, struct json_object *rec, uint64_t off,
    uint32_t recno)
{
	const char *u;
	char day[11];
	uint64_t o;
	uint32_t r;
	size_t n;

	if ((u = rec_str(rec, "url", &n)) == NULL ||
	    finder_newest(sc->fd, u, n, day, &o, &r) != 1)
		return 1;	/* nothing newer known */
	return o == off && r == recno && strcmp(day, sc->part->day) == 0;
}

static void
tally(const char *key, size_t n)
{
	struct strmap_ent *e;
	int added;

	e = strmap_get(&q.tally, key, n, &added);
	if (added)
		e->off = 0;
	e->off++;
}

/* The record's site: its site member, else its URL's host (in buf,
 * lower case); NULL for none. */
const char *
record_site(struct json_object *rec, char *buf, size_t cap, size_t *n)
{
	const char *s, *u;

	if ((s = rec_str(rec, "site", n)) != NULL)
		return s;
	if ((u = rec_str(rec, "url", NULL)) != NULL &&
	    (*n = url_host(u, buf, cap)) > 0)
		return buf;
	return NULL;
}

/* The norm of mention i of ents, if of --type's type. */
static const char *
norm_of(struct json_object *ents, size_t i, struct json_object **m,
    size_t *n)
{
	*m = json_object_array_get_idx(ents, i);
	if (!json_object_is_type(*m, json_type_object) || !type_ok(*m))
		return NULL;
	return rec_str(*m, "norm", n);
}

void
record_norms(struct json_object *rec, norm_fn *fn, void *arg)
{
	struct json_object *ents, *m, *o;
	struct strmap once = { 0 };
	const char *s, *t;
	size_t n, k, j, len;
	int added;

	if (!json_object_object_get_ex(rec, "entities", &ents) ||
	    !json_object_is_type(ents, json_type_array))
		return;
	len = json_object_array_length(ents);
	for (size_t i = 0; i < len; i++) {
		if ((s = norm_of(ents, i, &m, &n)) == NULL)
			continue;
		if (len > 32) {
			/* many: a table of those seen */
			strmap_get(&once, s, n, &added);
			if (!added)
				continue;
		} else {
			/* few (most records): the earlier ones, looked at */
			for (j = 0; j < i; j++)
				if ((t = norm_of(ents, j, &o, &k)) != NULL &&
				    k == n && memcmp(s, t, n) == 0)
					break;
			if (j < i)
				continue;
		}
		fn(m, s, n, arg);
	}
	strmap_free(&once);
}

static void
tally_norm(struct json_object *m, const char *norm, size_t n, void *arg)
{
	(void)m;
	(void)arg;
	tally(norm, n);
}

/* The keys a matching record counts under with --by. */
static void
tally_record(struct json_object *rec)
{
	const char *s;
	char host[256];
	size_t n;

	switch (opt.find_by) {
	case BY_DAY:
		if ((s = record_day(rec)) != NULL)
			tally(s, 10);
		else
			tally("-", 1);
		break;
	case BY_SITE:
		if ((s = record_site(rec, host, sizeof(host), &n)) != NULL)
			tally(s, n);
		else
			tally("-", 1);
		break;
	case BY_STORY:
		if ((s = rec_str(rec, "story", &n)) != NULL)
			tally(s, n);
		else
			tally("-", 1);
		break;
	case BY_ENTITY:
		/* each norm once a record */
		record_norms(rec, tally_norm, NULL);
		break;
	default:
		break;
	}
}

/* find's own: a matching record counted, tallied or written. */
static void
found(struct json_object *rec, const char *line, size_t len, void *arg)
{
	(void)arg;
	q.count++;
	if (opt.find_by != BY_NONE)
		tally_record(rec);
	else if (!opt.find_count)
		rec_write_text(line, len);
}

/* Whether the line may answer: it holds what each name and --text ask
 * for (a name: its words, or a norm it learnt), and --site, --lang and
 * --story's values. */
static int
needles_in(const char *line, size_t len)
{
	const char *v[2] = { opt.find_site, opt.find_lang };
	struct needle nd;
	int ok;

	for (int i = 0; i < 2; i++) {	/* in any case */
		if (v[i] == NULL || *v[i] == '\0')
			continue;
		nd.s = fold_all(v[i], strlen(v[i]), &nd.n);
		ok = holds(line, len, &nd);
		free(nd.s);
		if (!ok)
			return 0;
	}
	if (opt.find_story != NULL && memmem(line, len, opt.find_story,
	    strlen(opt.find_story)) == NULL)
		return 0;
	for (size_t i = 0; i < q.nnames; i++) {
		struct name *nm = &q.names[i];

		ok = holds_words(line, len, &nm->w);
		for (int j = 0; j < nm->nalias && !ok; j++)
			ok = memmem(line, len, nm->alias[j],
			    strlen(nm->alias[j])) != NULL;
		if (!ok)
			return 0;
	}
	return q.text.n == 0 || holds_words(line, len, &q.text);
}

/* Whether the line may answer: it holds the needles, or has \u
 * escapes that may spell them otherwise. */
static int
may_match(const char *line, size_t len)
{
	return needles_in(line, len) || memmem(line, len, "\\u", 2) != NULL;
}

static int
find_unit(const struct arc_unit *u, const char *recs, void *arg)
{
	const char *at = recs;
	struct scan *sc = arg;
	struct json_object *rec;
	const char *line;
	size_t len = 0;

	for (uint32_t i = 0; i < u->nrec; i++) {
		if ((line = arc_next_line(&at, recs + u->raw, &len)) == NULL)
			break;
		put_back(u, i, &line, &len);
		if (!may_match(line, len) ||
		    (rec = arc_record(line, len)) == NULL)
			continue;	/* verify says why a record is none */
		if (!matches(rec) || q.learning ||
		    (opt.find_latest && !latest(sc, rec, u->off, i))) {
			json_object_put(rec);
			continue;
		}
		q.fn(rec, line, len, q.arg);
		json_object_put(rec);
	}
	return 0;
}

/* Whether every word of ws may be among a unit's terms of ns. */
static int
unit_words(const struct tfilter *f, int ns, const struct words *ws)
{
	for (size_t i = 0; i < ws->n; i++)
		if (!tfilter_word(f, ns, &ws->v[i]))
			return 0;
	return 1;
}

/* Whether a unit whose filter is f may hold an answer. */
static int
unit_may(const struct tfilter *f)
{
	if ((opt.find_site && !tfilter_has(f, q.h_site)) ||
	    (opt.find_lang && !tfilter_has(f, q.h_lang)) ||
	    (opt.find_story && !tfilter_has(f, q.h_story)))
		return 0;
	for (size_t i = 0; i < q.nnames; i++) {
		struct name *nm = &q.names[i];
		int ok = unit_words(f, TERM_ENTITY, &nm->w);

		for (int j = 0; j < nm->nalias && !ok; j++)
			ok = unit_words(f, TERM_ENTITY, &nm->aliasw[j]);
		if (!ok)
			return 0;
	}
	return unit_words(f, TERM_WORD, &q.text);
}

/* The terms of every record of a unit, for its filter. */
static void
gather(const struct arc_unit *u, const char *recs, struct tgather *g)
{
	const char *at = recs;
	struct json_object *rec;
	const char *line, *why;
	size_t len = 0;

	for (uint32_t i = 0; i < u->nrec; i++) {
		if ((line = arc_next_line(&at, recs + u->raw, &len)) == NULL)
			break;
		restore(line, len, u, i, &line, &len, &why);
		if ((rec = arc_record(line, len)) == NULL)
			continue;
		terms_of_record(rec, g);
		json_object_put(rec);
	}
}

/* One data file: the units its find index says may hold an answer
 * (all, without one), each record of them through find_unit; the index
 * made or brought up to date on the way.  0, or as arc_scan. */
static int
scan_part(struct scan *sc, int fd, const char *data, uint64_t *end,
    const char **why)
{
	static char *buf;
	static size_t cap;
	struct tgather g = { 0 };
	struct tfile *tf = tfile_load(data);
	struct twrite *tw = NULL;
	const struct tfilter *f;
	struct arc_unit u;
	struct stat st;
	int r;

	*end = 0;
	if (fstat(fd, &st) < 0) {
		*why = strerror(errno);
		tfile_free(tf);
		return ARC_IOERR;
	}
	if (!tfile_covers(tf, st.st_size))
		tw = twrite_new();
	while ((r = arc_unit_read(fd, *end, st.st_size, &u, why)) == 1) {
		f = tfile_unit(tf, fd, &u);
		if (f != NULL && tw != NULL)
			twrite_unit(tw, fd, &u, f, NULL);
		if (f != NULL && !unit_may(f)) {
			*end = arc_unit_end(&u);
			continue;
		}
		if ((r = arc_unit_load(fd, &u, opt.arc.dict, &buf, &cap,
		    why)) < 0)
			break;
		if (f == NULL && tw != NULL) {
			gather(&u, buf, &g);
			twrite_unit(tw, fd, &u, NULL, &g);
		}
		find_unit(&u, buf, sc);
		*end = arc_unit_end(&u);
	}
	/* a directory find may not write to keeps it scanning */
	if (tw != NULL && r == 0 && twrite_commit(tw, data) < 0 &&
	    errno != EACCES && errno != EROFS && errno != EPERM &&
	    !q.index_said++)
		kh_warn("%s: cannot write its find index (%s): reading it "
		    "all", data, strerror(errno));
	twrite_free(tw);
	tfile_free(tf);
	free(g.h);
	return r;
}

/* Each day file that may hold an answer, in turn. */
static int
scan(struct archive *a, struct finder *fd)
{
	struct part_name *v;
	struct scan sc = { NULL, fd };
	const char *why;
	uint64_t end;
	size_t n;
	int f, r, st = 0;

	v = list_parts(a, &n);
	for (size_t i = 0; i < n; i++) {
		/* published no later than fetched: a record of a day file
		 * before --from's eve cannot be on or after --from */
		if (!a->single && q.from_day[0] &&
		    strcmp(v[i].day, q.from_day) < 0)
			continue;
		if ((f = kh_open(v[i].data, O_RDONLY, 0)) < 0) {
			kh_warn("%s:", v[i].data);
			st = KH_EXIT_ERROR;
			continue;
		}
		sc.part = &v[i];
		r = scan_part(&sc, f, v[i].data, &end, &why);
		if (r < 0) {
			kh_warn("%s: at byte %" PRIu64 ": %s%s", v[i].data, end,
			    why, r == ARC_NODICT || r == ARC_IOERR ? "" :
			    "; run store verify");
			st = KH_EXIT_ERROR;
		}
		close(f);
	}
	free_parts(v, n);
	return st;
}

static int
by_count(const void *a, const void *b)
{
	const struct strmap_ent *x = *(const struct strmap_ent *const *)a;
	const struct strmap_ent *y = *(const struct strmap_ent *const *)b;

	if (opt.find_by != BY_DAY && x->off != y->off)
		return x->off > y->off ? -1 : 1;
	return strcmp(x->key, y->key);
}

/* The tallies, as TSV: key and count; days in order, else the largest
 * count first. */
static void
print_tally(void)
{
	struct strmap_ent **v;
	size_t n = 0;
	char num[32];

	v = kh_malloc((q.tally.n + 1) * sizeof(*v));
	for (size_t i = 0; i < q.tally.cap; i++)
		if (q.tally.e[i].key != NULL)
			v[n++] = &q.tally.e[i];
	qsort(v, n, sizeof(*v), by_count);
	for (size_t i = 0; i < n; i++) {
		int k = snprintf(num, sizeof(num), "\t%" PRIu64 "\n",
		    v[i]->off);

		fputs(v[i]->key, stdout);
		fwrite(num, 1, k, stdout);
	}
	free(v);
}

static void
name_init(struct name *nm, const char *s)
{
	const unsigned char *u = (const unsigned char *)s;

	memset(nm, 0, sizeof(*nm));
	nm->as_given = s;
	words_of(&nm->w, s, strlen(s));
	nm->fold = fold_all(s, strlen(s), &nm->foldn);
	for (; *u; u++)
		if (u[0] == 0xe0 && (u[1] == 0xa6 || u[1] == 0xa7))
			nm->bengali = 1;
}

int
find_each(struct archive *a, find_fn *fn, void *arg)
{
	struct finder *fd = NULL;
	struct tm tm = { 0 };
	time_t t;
	size_t n;
	int st = 0, k, learn_any = 0;

	q.fn = fn;
	q.arg = arg;
	if (opt.from != NULL) {
		/* the eve of --from (a record published on --from,
		 * local time, may be fetched on its eve, UTC) */
		tm.tm_year = atoi(opt.from) - 1900;
		tm.tm_mon = atoi(opt.from + 5) - 1;
		tm.tm_mday = atoi(opt.from + 8) - 1;
		t = timegm(&tm);
		gmtime_r(&t, &tm);
		strftime(q.from_day, sizeof(q.from_day), "%Y-%m-%d", &tm);
	}
	q.nnames = opt.find_nentity;
	q.names = kh_malloc((q.nnames + 1) * sizeof(*q.names));
	for (size_t i = 0; i < q.nnames; i++) {
		name_init(&q.names[i], opt.find_entity[i]);
		learn_any |= q.names[i].bengali;
	}
	if (opt.find_text != NULL) {
		words_of(&q.text, opt.find_text, strlen(opt.find_text));
		if (q.text.n == 0)
			kh_die("--text: no word in %s", opt.find_text);
		if (q.text.n > 64)
			kh_die("--text: more than 64 words");
	}
	if (opt.find_site != NULL) {
		char *fs = fold_all(opt.find_site, strlen(opt.find_site), &n);

		q.h_site = term_hash(TERM_SITE, fs, n);
		free(fs);
	}
	if (opt.find_lang != NULL) {
		char *fl = fold_all(opt.find_lang, strlen(opt.find_lang), &n);

		q.h_lang = term_hash(TERM_LANG, fl, n);
		free(fl);
	}
	if (opt.find_story != NULL)
		q.h_story = term_hash(TERM_STORY, opt.find_story,
		    strlen(opt.find_story));
	if (learn_any) {
		q.learning = 1;
		if ((k = scan(a, NULL)) > st)
			st = k;
		q.learning = 0;
	}
	if (opt.find_latest)
		fd = finder_open(a);
	if ((k = scan(a, fd)) > st)
		st = k;
	finder_close(fd);
	if ((k = where_said()) > st)
		st = k;
	for (size_t i = 0; i < q.nnames; i++) {
		words_free(&q.names[i].w);
		free(q.names[i].fold);
		for (int j = 0; j < q.names[i].nalias; j++) {
			free(q.names[i].alias[j]);
			words_free(&q.names[i].aliasw[j]);
		}
	}
	free(q.names);
	words_free(&q.text);
	return st;
}

int
cmd_find(struct archive *a)
{
	int st = find_each(a, found, NULL);

	if (opt.find_by != BY_NONE) {
		print_tally();
	} else if (opt.find_count) {
		printf("%" PRIu64 "\n", q.count);
	}
	strmap_free(&q.tally);
	return st;
}
