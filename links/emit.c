/*
 * emit.c: from what the readers find to the records links writes.
 *
 * A source's mentions are gathered first (src_found): each URL made
 * canonical, its mentions merged into one item that keeps the place of
 * the first and what the others add (a title, a date).  At the end of
 * the source (src_end) the items are written in order, through the
 * filters the user asked for and the run's set of URLs already
 * written.  A source's items take memory as its body does, and go with
 * it; what stays for the run is the set: 12 bytes a URL (its hash and
 * the date it was written with), 24 at most as its table doubles, up to
 * SEEN_MAX URLs.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>

#include "links.h"

/* The run's set holds at most this many URLs (a 96 MiB table); past it
 * links stops deduplicating across sources, and says so once. */
#define SEEN_MAX ((size_t)1 << 22)
#define TITLE_MAX 600	/* bytes of a title kept */

const char *const lkind_name[LK_NKINDS] = { "article", "feed", "sitemap",
	"robots" };
const char *const via_name[V_NVIAS] = { "rss", "atom", "rdf", "jsonfeed",
	"sitemap", "news-sitemap", "robots", "html" };

struct links_opt links_opt = { .max_depth = 4 };
struct links_count links_count;

/* --- buffers and JSON ------------------------------------------------- */

void
buf_add(struct buf *b, const char *s, size_t len)
{
	if (b->cap - b->len < len + 1) {
		size_t cap = b->cap ? b->cap : 256;

		while (cap - b->len < len + 1)
			cap *= 2;
		b->s = kh_realloc(b->s, cap);
		b->cap = cap;
	}
	if (len > 0)
		memcpy(b->s + b->len, s, len);
	b->len += len;
}

/* s as a JSON string, quotes included: UTF-8 as is, a bad sequence as
 * U+FFFD, control characters escaped. */
void
buf_json(struct buf *b, const char *s, size_t len)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run, k;
	char e[6];

	buf_add(b, "\"", 1);
	while (i < len) {
		for (run = i; run < len && p[run] >= 0x20 && p[run] < 0x80 &&
		    p[run] != '"' && p[run] != '\\'; run++)
			;
		buf_add(b, s + i, run - i);
		if ((i = run) == len)
			break;
		if (p[i] >= 0x80) {
			if (kh_utf8_next(p + i, len - i, &k) == 0xfffd &&
			    !(k == 3 && p[i] == 0xef && p[i + 1] == 0xbf &&
			    p[i + 2] == 0xbd))
				buf_add(b, "\xef\xbf\xbd", 3);
			else
				buf_add(b, s + i, k);
			i += k;
			continue;
		}
		e[0] = '\\';
		switch (p[i]) {
		case '"': case '\\':
			e[1] = p[i];
			buf_add(b, e, 2);
			break;
		case '\n':
			buf_add(b, "\\n", 2);
			break;
		case '\t':
			buf_add(b, "\\t", 2);
			break;
		case '\r':
			buf_add(b, "\\r", 2);
			break;
		default:
			memcpy(e + 1, "u00", 3);
			e[4] = hex[p[i] >> 4];
			e[5] = hex[p[i] & 15];
			buf_add(b, e, 6);
		}
		i++;
	}
	buf_add(b, "\"", 1);
}

/* --- a table of URLs ----------------------------------------------- */

void
urltab_clear(struct urltab *t)
{
	t->n = 0;
	t->text.len = 0;
	if (t->slot != NULL)
		memset(t->slot, 0, (t->mask + 1) * sizeof(*t->slot));
}

void
urltab_free(struct urltab *t)
{
	free(t->text.s);
	free(t->e);
	free(t->slot);
	memset(t, 0, sizeof(*t));
}

size_t
urltab_add(struct urltab *t, const char *url, size_t len, int *added)
{
	uint64_t h = links_hash(url, len);
	size_t i;

	/* at half full the index doubles */
	if (t->slot == NULL || t->n + 1 > (t->mask + 1) / 2) {
		size_t mask = t->slot ? t->mask * 2 + 1 : 255;
		uint32_t *slot = calloc(mask + 1, sizeof(*slot));

		if (slot == NULL)
			kh_die("calloc:");
		for (size_t k = 0; k < t->n; k++) {
			for (i = t->e[k].hash & mask; slot[i] != 0;
			    i = (i + 1) & mask)
				;
			slot[i] = k + 1;
		}
		free(t->slot);
		t->slot = slot;
		t->mask = mask;
	}
	for (i = h & t->mask; t->slot[i] != 0; i = (i + 1) & t->mask) {
		const struct urlent *e = &t->e[t->slot[i] - 1];

		if (e->hash == h && e->len == len &&
		    memcmp(t->text.s + e->off, url, len) == 0) {
			*added = 0;
			return t->slot[i] - 1;
		}
	}
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 256;
		t->e = kh_realloc(t->e, t->cap * sizeof(*t->e));
	}
	t->e[t->n].off = t->text.len;
	t->e[t->n].len = len;
	t->e[t->n].hash = h;
	buf_add(&t->text, url, len);
	buf_add(&t->text, "", 1);	/* for regexec, kh_url_site */
	t->slot[i] = ++t->n;
	*added = 1;
	return t->n - 1;
}

/* --- the run's set of URLs written ---------------------------------- */

static inline uint64_t
rotl(uint64_t x, int r)
{
	return x << r | x >> (64 - r);
}

/* 64 bits of a URL: 8 bytes a step, murmur3's finaliser at the end. */
uint64_t
links_hash(const char *s, size_t len)
{
	const uint64_t k1 = 0x87c37b91114253d5ULL, k2 = 0x4cf5ad432745937fULL;
	uint64_t h = 0x9e3779b97f4a7c15ULL ^ len, w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = rotl(h ^ rotl(w * k1, 31) * k2, 27) * 5 + 0x52dce729;
	}
	w = 0;
	memcpy(&w, s, len);
	h ^= rotl(w * k1, 31) * k2;
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h ? h : 1;	/* 0 marks an empty slot */
}

/* The hashes, and beside each the date its URL was written with (in
 * seconds since 1970, 0: none; a uint32 lasts until 2106). */
static struct {
	uint64_t *v;
	uint32_t *date;
	size_t n, mask;
	int full;
} seen;

static uint32_t
seen_date(time_t t)
{
	return t <= 0 ? 0 : t >= (time_t)UINT32_MAX ? UINT32_MAX :
	    (uint32_t)t;
}

static void
seen_put(uint64_t *v, uint32_t *date, size_t mask, uint64_t h, uint32_t d)
{
	size_t i = h & mask;

	while (v[i] != 0)
		i = (i + 1) & mask;
	v[i] = h;
	date[i] = d;
}

static void
seen_alloc(uint64_t **v, uint32_t **date, size_t n)
{
	if ((*v = calloc(n, sizeof(**v))) == NULL ||
	    (*date = calloc(n, sizeof(**date))) == NULL)
		kh_die("calloc:");
}

int
seen_add(uint64_t h, time_t date, time_t lastmod)
{
	size_t i;

	if (seen.full)
		return 1;
	if (seen.v == NULL) {
		seen.mask = 4095;
		seen_alloc(&seen.v, &seen.date, seen.mask + 1);
	}
	for (i = h & seen.mask; seen.v[i] != 0; i = (i + 1) & seen.mask)
		if (seen.v[i] == h) {
			/* written dated, and changed since: again */
			if (seen.date[i] != 0 && lastmod > 0 &&
			    seen_date(lastmod) > seen.date[i]) {
				seen.date[i] = seen_date(lastmod);
				return 2;
			}
			return 0;
		}
	if (seen.n >= SEEN_MAX) {
		seen.full = 1;
		kh_warn("more than %zu URLs: no longer deduplicating across "
		    "sources", SEEN_MAX);
		return 1;
	}
	seen.v[i] = h;
	seen.date[i] = seen_date(date);
	/* at half full the table doubles: 12 to 24 bytes a URL */
	if (++seen.n > (seen.mask + 1) / 2) {
		size_t mask = seen.mask * 2 + 1;
		uint64_t *v;
		uint32_t *d;

		seen_alloc(&v, &d, mask + 1);
		for (i = 0; i <= seen.mask; i++)
			if (seen.v[i] != 0)
				seen_put(v, d, mask, seen.v[i], seen.date[i]);
		free(seen.v);
		free(seen.date);
		seen.v = v;
		seen.date = d;
		seen.mask = mask;
	}
	return 1;
}

void
seen_free(void)
{
	free(seen.v);
	free(seen.date);
	memset(&seen, 0, sizeof(seen));
}

/* --- text of titles and languages ------------------------------------ */

/* Is the code point at p (n bytes left) white space?  *k its length. */
static int
space_at(const unsigned char *p, size_t n, size_t *k)
{
	uint32_t c;

	if (*p < 0x80) {
		*k = 1;
		return *p == ' ' || (*p >= '\t' && *p <= '\r');
	}
	c = kh_utf8_next(p, n, k);
	return c == 0xa0 || (c >= 0x2000 && c <= 0x200a) || c == 0x202f ||
	    c == 0x205f || c == 0x3000 || c == 0xfeff || c == 0x2028 ||
	    c == 0x2029;
}

/* Tags out and entities decoded: a title that holds HTML (RSS titles
 * often do, escaped once more than they should). */
static size_t
unmarkup(const char *s, size_t len, char *out)
{
	size_t n = 0, i = 0, k;
	const char *semi;

	while (i < len) {
		/* CDATA as the HTML parser leaves it (feed.c's second
		 * reading): its text stays */
		if (s[i] == '<' && len - i >= 9 &&
		    memcmp(s + i, "<![CDATA[", 9) == 0) {
			i += 9;
			continue;
		}
		if (s[i] == ']' && len - i >= 3 &&
		    memcmp(s + i, "]]>", 3) == 0) {
			i += 3;
			continue;
		}
		if (s[i] == '<' && i + 1 < len && (s[i + 1] == '/' ||
		    s[i + 1] == '!' || ((s[i + 1] | 0x20) >= 'a' &&
		    (s[i + 1] | 0x20) <= 'z'))) {
			const char *gt = memchr(s + i, '>', len - i);

			if (gt != NULL) {
				out[n++] = ' ';
				i = gt - s + 1;
				continue;
			}
		}
		if (s[i] == '&' && (semi = memchr(s + i, ';', len - i)) !=
		    NULL && (k = semi - (s + i)) >= 2 && k <= 10) {
			char name[12];
			unsigned long c = 0;
			const htmlEntityDesc *e;

			memcpy(name, s + i + 1, k - 1);
			name[k - 1] = '\0';
			if (name[0] == '#') {
				char *end;

				c = name[1] == 'x' || name[1] == 'X' ?
				    strtoul(name + 2, &end, 16) :
				    strtoul(name + 1, &end, 10);
				if (*end != '\0' || end == name + 1)
					c = 0;
			} else if (strcmp(name, "apos") == 0) {
				c = '\'';
			} else if ((e = htmlEntityLookup((const xmlChar *)
			    name)) != NULL) {
				c = e->value;
			}
			if (c != 0 && c <= 0x10ffff && !(c >= 0xd800 &&
			    c <= 0xdfff)) {
				n += xmlCopyChar(0, (xmlChar *)out + n, (int)c);
				i += k + 1;
				continue;
			}
		}
		out[n++] = s[i++];
	}
	return n;
}

/* A title as records hold it: white space collapsed, cut at a code
 * point under TITLE_MAX bytes.  Returns its length in out. */
static size_t
title_clean(const char *s, size_t len, int markup, char *out)
{
	char *tmp = NULL;
	const unsigned char *p;
	size_t n = 0, i, k;
	int gap = 0;

	if (markup && (memchr(s, '<', len) || memchr(s, '&', len))) {
		/* an entity is never shorter than what it stands for */
		tmp = kh_malloc(len + 1);
		len = unmarkup(s, len, tmp);
		s = tmp;
	}
	p = (const unsigned char *)s;
	for (i = 0; i < len; i += k) {
		if (space_at(p + i, len - i, &k)) {
			gap = n > 0;
			continue;
		}
		if (n + (size_t)gap + k > TITLE_MAX)
			break;
		if (gap)
			out[n++] = ' ';
		gap = 0;
		memcpy(out + n, s + i, k);
		n += k;
	}
	free(tmp);
	return n;
}

size_t
lang_norm(const char *s, size_t len, char *out, size_t outsz)
{
	static const struct { const char *name, *tag; } names[] = {
		{ "bengali", "bn" }, { "bangla", "bn" }, { "বাংলা", "bn" },
		{ "english", "en" }, { "hindi", "hi" }, { "urdu", "ur" },
	};
	size_t n = 0, start, k, digits;
	int part = 0, stage = 0;

	out[0] = '\0';	/* and so on every failure below */

	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\n'))
		len--;
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strlen(names[i].name) == len &&
		    strncasecmp(names[i].name, s, len) == 0) {
			snprintf(out, outsz, "%s", names[i].tag);
			return strlen(out);
		}
	/* language[-Script][-REGION]: what feeds and sitemaps write */
	for (size_t i = 0; i <= len; part++) {
		start = i;
		while (i < len && s[i] != '-' && s[i] != '_')
			i++;
		k = i - start;
		if (n + k + 2 > outsz || k == 0)
			goto bad;
		if (part > 0)
			out[n++] = '-';
		digits = 0;
		for (size_t j = 0; j < k; j++) {
			char c = s[start + j];
			int alpha = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
			int digit = c >= '0' && c <= '9';

			if (part == 0 ? !alpha : !(alpha || digit))
				goto bad;
			digits += digit;
			if (part == 0 || (k == 4 && j > 0))
				c |= 0x20;	/* bn, Beng */
			else if (alpha)
				c &= ~0x20;	/* BD, Beng's B */
			out[n++] = c;
		}
		if (part == 0 && (k < 2 || k > 3))
			goto bad;
		/* then a script (Beng) and a region (BD, 419), in order */
		if (part > 0 && k == 4 && digits == 0 && stage < 1)
			stage = 1;
		else if (part > 0 && ((k == 2 && digits == 0) ||
		    (k == 3 && digits == 3)) && stage < 2)
			stage = 2;
		else if (part > 0)
			goto bad;
		i++;
	}
	out[n] = '\0';
	return n;
bad:
	out[0] = '\0';
	return 0;
}

/* --- a source's items ------------------------------------------------- */

struct item {
	size_t title, titlelen;
	int title_rank;
	unsigned char kind, via;
	char published[32], lastmod[32], lang[24];
	time_t when;		/* published, else lastmod; 0: unknown */
	time_t mod;		/* lastmod; 0: unknown */
};

struct src_items {
	struct urltab urls;	/* item i's URL is urls' entry i */
	struct item *v;
	size_t cap;
	struct buf text;	/* titles */
	char *tmp;		/* title_clean's */
	size_t tmpcap;
};

static struct src_items items;	/* one source at a time */

void
src_begin(struct source *s)
{
	urltab_clear(&items.urls);
	items.text.len = 0;
	s->items = &items;
	s->nfound = 0;
}

/* The first date of a kind a mention gives: written to out, and its
 * time (0: none) returned. */
static time_t
set_date(char *out, time_t *when, const struct source *s, const char *d,
    size_t len)
{
	time_t t;
	int bd;

	if (out[0] != '\0' || d == NULL || len == 0)
		return 0;
	/* BST: Bangladesh's for a Bangladeshi source, or a Bengali one */
	bd = s->bd || (s->lang != NULL && s->langlen >= 2 &&
	    strncasecmp(s->lang, "bn", 2) == 0);
	if (date_parse(d, len, bd, out, &t) <= 0)
		return 0;
	if (*when == 0)
		*when = t;
	return t;
}

void
src_found(struct source *s, const struct found *f)
{
	struct src_items *it = s->items;
	struct item *x;
	const char *url, *err;
	size_t len, k;
	time_t t;
	int added;

	s->nfound++;
	if (f->ref == NULL || f->reflen == 0)
		return;
	if (f->canonical) {
		url = f->ref;
		len = f->reflen;
	} else {
		url = kh_url_canon(s->canon, f->ref, f->reflen,
		    f->base ? f->base : s->url, &len, &err);
	}
	if (url == NULL) {
		links_count.refused++;
		if (links_opt.verbose > 1)
			src_warn(s, "%.*s: %s; left out", f->reflen > 200 ?
			    200 : (int)f->reflen, f->ref, err);
		return;
	}
	k = urltab_add(&it->urls, url, len, &added);
	if (k == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 256;
		it->v = kh_realloc(it->v, it->cap * sizeof(*it->v));
	}
	x = &it->v[k];
	if (added) {
		memset(x, 0, sizeof(*x));
		x->title_rank = -1;
		x->kind = f->kind;
		x->via = f->via;
	}
	if (f->title != NULL && f->titlelen > 0 &&
	    f->title_rank > x->title_rank) {
		size_t n;

		if (it->tmpcap < f->titlelen + 8) {
			it->tmpcap = f->titlelen + 8;
			it->tmp = kh_realloc(it->tmp, it->tmpcap);
		}
		n = title_clean(f->title, f->titlelen, f->title_markup,
		    it->tmp);
		if (n > 0) {
			x->title = it->text.len;
			x->titlelen = n;
			x->title_rank = f->title_rank;
			buf_add(&it->text, it->tmp, n);
		}
	}
	set_date(x->published, &x->when, s, f->published, f->publen);
	if ((t = set_date(x->lastmod, &x->when, s, f->lastmod,
	    f->lastmodlen)) != 0)
		x->mod = t;
	if (x->lang[0] == '\0' && f->lang != NULL && f->langlen > 0)
		lang_norm(f->lang, f->langlen, x->lang, sizeof(x->lang));
}

static int
matches(const regex_t *re, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (regexec(&re[i], s, 0, NULL, 0) == 0)
			return 1;
	return 0;
}

/* The authority of a canonical URL: between :// and the path. */
static const char *
authority(const char *url, size_t *n)
{
	const char *h = strstr(url, "://");

	h = h != NULL ? h + 3 : url;
	*n = strcspn(h, "/?#");
	return h;
}

/* What a source's URLs' hosts were found to be: the URLs of one source
 * come from a few hosts, and the public suffix list need be asked once
 * a host (it took a tenth of the time of a section page). */
#define MEMO_HOSTS 8
static struct {
	char host[256];
	size_t len;
	int same;
} memo[MEMO_HOSTS];
static size_t nmemo, memo_next;

/* Is the URL on the source's site (its registered domain)? */
static int
same_site(struct source *s, const char *url, const char *site,
    size_t sitelen)
{
	const char *t, *h;
	size_t n, hl, i;
	int same;

	if (site == NULL)
		return 1;	/* a source without a site: nothing to hold
				 * its URLs to */
	h = authority(url, &hl);
	for (i = 0; i < nmemo; i++)
		if (memo[i].len == hl && memcmp(memo[i].host, h, hl) == 0)
			return memo[i].same;
	t = kh_url_site(s->canon, url, &n);
	same = t != NULL && n == sitelen && memcmp(t, site, n) == 0;
	if (hl < sizeof(memo[0].host)) {
		i = memo_next++ % MEMO_HOSTS;
		memcpy(memo[i].host, h, hl);
		memo[i].len = hl;
		memo[i].same = same;
		if (nmemo < MEMO_HOSTS)
			nmemo++;
	}
	return same;
}

/* One record, as text: the fields in docs/records.md's order. */
static void
record(struct source *s, struct buf *b, const struct item *x,
    const char *url, size_t urllen, const char *lang)
{
	char num[32];

	b->len = 0;
	buf_add(b, "{\"url\":", 7);
	buf_json(b, url, urllen);
	buf_add(b, ",\"kind\":\"", 9);
	buf_add(b, lkind_name[x->kind], strlen(lkind_name[x->kind]));
	buf_add(b, "\",\"source\":", 11);
	buf_json(b, s->url, strlen(s->url));
	buf_add(b, ",\"via\":\"", 8);
	buf_add(b, via_name[x->via], strlen(via_name[x->via]));
	buf_add(b, "\",\"depth\":", 10);
	buf_add(b, num, snprintf(num, sizeof num, "%ld", s->depth + 1));
	if (x->titlelen > 0) {
		buf_add(b, ",\"title\":", 9);
		buf_json(b, s->items->text.s + x->title, x->titlelen);
	}
	if (x->published[0] != '\0') {
		buf_add(b, ",\"published\":\"", 14);
		buf_add(b, x->published, strlen(x->published));
		buf_add(b, "\"", 1);
	}
	if (x->lastmod[0] != '\0') {
		buf_add(b, ",\"lastmod\":\"", 12);
		buf_add(b, x->lastmod, strlen(x->lastmod));
		buf_add(b, "\"", 1);
	}
	if (lang[0] != '\0') {
		buf_add(b, ",\"lang\":\"", 9);
		buf_add(b, lang, strlen(lang));
		buf_add(b, "\"", 1);
	}
	if (s->site != NULL) {
		buf_add(b, ",\"site\":", 8);
		buf_json(b, s->site, s->sitelen);
	}
	buf_add(b, "}", 1);
}

void
src_end(struct source *s)
{
	static struct buf rec;
	struct src_items *it = s->items;
	const char *site = NULL, *t;
	char *own = NULL, lang[24] = "";
	size_t sitelen = 0, i;
	unsigned long written = 0, deep = 0;
	time_t oldest = links_opt.now - links_opt.max_age;
	int hold;

	hold = links_opt.same_site > 0 ||
	    (links_opt.same_site == 0 && s->type == S_PAGE);
	nmemo = memo_next = 0;	/* a new source, a new site */
	if (hold && (t = kh_url_site(s->canon, s->url, &sitelen)) != NULL) {
		own = kh_malloc(sitelen + 1);
		memcpy(own, t, sitelen + 1);
		site = own;
	}
	if (s->lang != NULL)
		lang_norm(s->lang, s->langlen, lang, sizeof lang);
	for (i = 0; i < it->urls.n; i++) {
		struct item *x = &it->v[i];
		const char *url = urltab_url(&it->urls, i);

		if (x->kind != LK_ARTICLE && s->depth >= links_opt.max_depth) {
			deep++;
			continue;
		}
		if ((links_opt.ninclude > 0 && !matches(links_opt.include,
		    links_opt.ninclude, url)) || matches(links_opt.exclude,
		    links_opt.nexclude, url)) {
			links_count.filtered++;
			continue;
		}
		/* a page's own feeds may live elsewhere (a feed service):
		 * only the default hold on HTML pages spares them */
		if (hold && (x->kind == LK_ARTICLE ||
		    links_opt.same_site > 0) &&
		    !same_site(s, url, site, sitelen)) {
			links_count.offsite++;
			continue;
		}
		if (links_opt.max_age > 0 && x->when != 0 && x->when < oldest) {
			links_count.old++;
			continue;
		}
		if (links_opt.limit > 0 && written >= links_opt.limit) {
			links_count.limited++;
			continue;
		}
		/* once a run; again when a source dates a change later
		 * than the date it was written with (an RSS item's
		 * pubDate, then the Atom entry's <updated>), for store
		 * new --changed and collect to see */
		switch (seen_add(it->urls.e[i].hash, x->mod > x->when ?
		    x->mod : x->when, x->mod)) {
		case 0:
			links_count.dup++;
			continue;
		case 2:
			links_count.again++;
			break;
		}
		record(s, &rec, x, url, it->urls.e[i].len,
		    x->lang[0] ? x->lang : lang);
		s->write(rec.s, rec.len);
		written++;
		links_count.urls[x->kind]++;
	}
	if (deep > 0) {
		links_count.deep += deep;
		links_count.deep_sources++;
		if (links_opt.verbose)
			src_warn(s, "depth %ld reaches --max-depth %ld: %lu "
			    "further sources not written", s->depth,
			    links_opt.max_depth, deep);
	}
	free(own);
}

void
src_warn(const struct source *s, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	size_t n;

	if (kh_run.quiet)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	n = strlen(s->url);
	if (s->pos != NULL)
		kh_warn("%s:%lu: %.*s%s: %s", s->pos->file, s->pos->line,
		    n > 200 ? 200 : (int)n, s->url, n > 200 ? "..." : "", msg);
	else
		kh_warn("%.*s: %s", n > 200 ? 200 : (int)n, s->url, msg);
}
