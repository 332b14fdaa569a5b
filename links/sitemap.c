/*
 * sitemap.c: sitemaps (an index of sitemaps, a urlset, Google News's
 * <news:news>, a text file of URLs) and robots.txt's Sitemap: lines.
 *
 * An XML sitemap is read with libxml2's SAX interface, pushed in
 * chunks: no tree is built, so memory stays flat on a 50 MB sitemap,
 * and what is kept is the current entry's few fields.  Elements are
 * known by their local name and their depth (urlset/url/loc,
 * urlset/url/news/title), so that an image:loc or a video's URL deeper
 * in an entry is not taken for the page's, and a sitemap with a wrong
 * or missing namespace still reads.  A sitemap is read up to the
 * protocol's limits, 50,000 URLs and 50 MB; more is reported and left.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "links.h"

#define FIELD_MAX 16384	/* bytes of a field kept (a URL: 8,192) */
#define CHUNK ((size_t)256 << 10)

enum field { F_NONE, F_LOC, F_LASTMOD, F_NEWS_DATE, F_NEWS_TITLE,
	F_NEWS_LANG, F_NFIELDS };

struct sax {
	struct source *s;
	xmlParserCtxtPtr ctxt;
	int depth, root;	/* root: 1 urlset, 2 sitemapindex, -1 other */
	int in_entry, news;
	enum field cur;
	struct buf f[F_NFIELDS];
	long urls;
	int capped;
};

static void
start(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri, int nns, const xmlChar **ns, int nattr,
    int ndefaulted, const xmlChar **attrs)
{
	struct sax *x = ctx;
	const char *name = (const char *)localname;

	(void)prefix, (void)uri, (void)nns, (void)ns, (void)nattr;
	(void)ndefaulted, (void)attrs;
	x->depth++;
	x->cur = F_NONE;
	if (x->depth == 1) {
		x->root = strcasecmp(name, "urlset") == 0 ? 1 :
		    strcasecmp(name, "sitemapindex") == 0 ? 2 : -1;
		return;
	}
	if (x->root < 0)
		return;
	if (x->depth == 2) {
		x->in_entry = strcasecmp(name, x->root == 1 ? "url" :
		    "sitemap") == 0;
		x->news = 0;
		for (int i = 0; i < F_NFIELDS; i++)
			x->f[i].len = 0;
		return;
	}
	if (!x->in_entry)
		return;
	if (x->depth == 3) {
		if (strcasecmp(name, "loc") == 0)
			x->cur = F_LOC;
		else if (strcasecmp(name, "lastmod") == 0)
			x->cur = F_LASTMOD;
		else if (strcasecmp(name, "news") == 0 && x->root == 1)
			x->news = 1;
		return;
	}
	/* in <news:news>: publication_date, title, publication/language */
	if (x->depth == 4 && x->news == 1) {
		if (strcasecmp(name, "publication_date") == 0)
			x->cur = F_NEWS_DATE;
		else if (strcasecmp(name, "title") == 0)
			x->cur = F_NEWS_TITLE;
		else if (strcasecmp(name, "publication") == 0)
			x->news = 2;
		return;
	}
	if (x->depth == 5 && x->news == 2 &&
	    strcasecmp(name, "language") == 0)
		x->cur = F_NEWS_LANG;
}

static void
entry_done(struct sax *x)
{
	struct found f = { 0 };
	struct buf *b = x->f;

	if (b[F_LOC].len == 0)
		return;
	f.ref = b[F_LOC].s;
	f.reflen = b[F_LOC].len;
	f.kind = x->root == 2 ? LK_SITEMAP : LK_ARTICLE;
	f.via = x->news ? V_NEWS_SITEMAP : V_SITEMAP;
	f.lastmod = b[F_LASTMOD].s;
	f.lastmodlen = b[F_LASTMOD].len;
	f.published = b[F_NEWS_DATE].s;
	f.publen = b[F_NEWS_DATE].len;
	f.title = b[F_NEWS_TITLE].s;
	f.titlelen = b[F_NEWS_TITLE].len;
	f.title_markup = 1;
	f.lang = b[F_NEWS_LANG].s;
	f.langlen = b[F_NEWS_LANG].len;
	src_found(x->s, &f);
	if (++x->urls >= SITEMAP_MAX_URLS) {
		x->capped = 1;
		xmlStopParser(x->ctxt);
	}
}

static void
end(void *ctx, const xmlChar *localname, const xmlChar *prefix,
    const xmlChar *uri)
{
	struct sax *x = ctx;

	(void)localname, (void)prefix, (void)uri;
	if (x->depth == 2 && x->in_entry) {
		entry_done(x);
		x->in_entry = 0;
	}
	if (x->depth == 4 && x->news == 2)
		x->news = 1;	/* </news:publication> */
	x->cur = F_NONE;
	x->depth--;
}

static void
chars(void *ctx, const xmlChar *ch, int len)
{
	struct sax *x = ctx;
	struct buf *b;

	if (x->cur == F_NONE || len <= 0)
		return;
	b = &x->f[x->cur];
	if (b->len + len > FIELD_MAX)
		return;
	buf_add(b, (const char *)ch, len);
}

long
sitemap_read(struct source *s, const char *body, size_t len)
{
	static xmlSAXHandler sax;
	struct sax x = { .s = s };
	struct xml_fixes fx;
	const char *p;
	size_t plen, off, n;
	int over = 0;

	if (len > SITEMAP_MAX_BYTES) {
		len = SITEMAP_MAX_BYTES;
		over = 1;
	}
	xml_errors_begin();
	p = xml_fix(body, len, &plen, &fx);
	if (sax.initialized == 0) {
		sax.initialized = XML_SAX2_MAGIC;
		sax.startElementNs = start;
		sax.endElementNs = end;
		sax.characters = chars;
		sax.cdataBlock = chars;
	}
	n = plen < 4 ? plen : 4;
	x.ctxt = xmlCreatePushParserCtxt(&sax, &x, p, (int)n, s->url);
	if (x.ctxt == NULL)
		kh_die("xmlCreatePushParserCtxt: out of memory");
	xmlCtxtUseOptions(x.ctxt, xml_options());
	for (off = n; off < plen && !x.capped; off += n) {
		n = plen - off < CHUNK ? plen - off : CHUNK;
		if (xmlParseChunk(x.ctxt, p + off, (int)n, 0) != 0 &&
		    x.ctxt->disableSAX > 1)
			break;	/* stopped */
	}
	if (!x.capped)
		xmlParseChunk(x.ctxt, NULL, 0, 1);
	/* An internal DTD's entity declarations make libxml2 build a
	 * document to hold them (its SAX1 compatibility), even under SAX:
	 * it is the parser's caller's to free. */
	if (x.ctxt->myDoc != NULL)
		xmlFreeDoc(x.ctxt->myDoc);
	xmlFreeParserCtxt(x.ctxt);
	if (x.root > 0)
		xml_report(s, &fx, "sitemap");
	if (x.capped)
		src_warn(s, "sitemap over the protocol's limit of %d URLs: "
		    "read the first %d", SITEMAP_MAX_URLS, SITEMAP_MAX_URLS);
	else if (over && x.root > 0)
		src_warn(s, "sitemap over the protocol's limit of 50 MB: read "
		    "the first 50 MB");
	for (int i = 0; i < F_NFIELDS; i++)
		free(x.f[i].s);
	free(fx.copy);
	return x.root > 0 ? x.urls : -1;
}

/* --- plain text: a sitemap of URLs, robots.txt ------------------------ */

/* Each line of s, blanks around it trimmed, to fn; stops when fn
 * returns nonzero. */
static void
lines(const char *s, size_t len, int (*fn)(void *, const char *, size_t),
    void *arg)
{
	const char *p = s, *e = s + len, *nl, *a, *b;

	if (len >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	for (; p < e; p = nl + 1) {
		if ((nl = memchr(p, '\n', e - p)) == NULL)
			nl = e;
		for (a = p; a < nl && (*a == ' ' || *a == '\t'); a++)
			;
		for (b = nl; b > a && (b[-1] == ' ' || b[-1] == '\t' ||
		    b[-1] == '\r'); b--)
			;
		if (fn(arg, a, b - a))
			break;
	}
}

struct text {
	struct source *s;
	long n;
};

static int
url_line(void *arg, const char *l, size_t n)
{
	struct text *t = arg;
	struct found f = { .ref = l, .reflen = n, .kind = LK_ARTICLE,
	    .via = V_SITEMAP };

	/* each prefix against as many bytes as the line has: it is not
	 * NUL-terminated */
	if ((n >= 7 && strncasecmp(l, "http://", 7) == 0) ||
	    (n >= 8 && strncasecmp(l, "https://", 8) == 0)) {
		src_found(t->s, &f);
		if (++t->n >= SITEMAP_MAX_URLS) {
			src_warn(t->s, "sitemap over the protocol's limit of "
			    "%d URLs: read the first %d", SITEMAP_MAX_URLS,
			    SITEMAP_MAX_URLS);
			return 1;
		}
	}
	return 0;
}

long
sitemap_text_read(struct source *s, const char *body, size_t len)
{
	struct text t = { s, 0 };

	lines(body, len > SITEMAP_MAX_BYTES ? SITEMAP_MAX_BYTES : len,
	    url_line, &t);
	return t.n;
}

/* "Sitemap: URL" (any case, blanks around the colon); a comment cut. */
static int
robots_line(void *arg, const char *l, size_t n)
{
	struct text *t = arg;
	struct found f = { .kind = LK_SITEMAP, .via = V_ROBOTS };
	const char *hash;
	size_t i = 7;

	if (n < 8 || strncasecmp(l, "sitemap", 7) != 0)
		return 0;
	while (i < n && (l[i] == ' ' || l[i] == '\t'))
		i++;
	if (i == n || l[i++] != ':')
		return 0;
	if ((hash = memchr(l + i, '#', n - i)) != NULL)
		n = hash - l;
	while (i < n && (l[i] == ' ' || l[i] == '\t'))
		i++;
	while (n > i && (l[n - 1] == ' ' || l[n - 1] == '\t'))
		n--;
	if (i == n)
		return 0;
	f.ref = l + i;
	f.reflen = n - i;
	src_found(t->s, &f);
	t->n++;
	return 0;
}

long
robots_read(struct source *s, const char *body, size_t len)
{
	struct text t = { s, 0 };

	lines(body, len, robots_line, &t);
	return t.n;
}
