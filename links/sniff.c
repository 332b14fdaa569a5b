/*
 * sniff.c: what a body is, from its first bytes (and the record's
 * kind for plain text): the root element of XML (rss, rdf:RDF, feed,
 * urlset, sitemapindex), JSON, a robots.txt, a list of URLs, or HTML.
 * Among XML formats the body decides whatever the record expected (a
 * feed URL that serves a sitemap); links.c reads no HTML page where
 * the kind expected a feed, a sitemap or a robots.txt.
 */
#define _GNU_SOURCE	/* memmem */
#include <string.h>
#include <strings.h>

#include "links.h"

static const char *
skip_blank(const char *p, const char *e)
{
	while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
		p++;
	return p;
}

static const char *
past(const char *p, const char *e, const char *end)
{
	const char *q = memmem(p, e - p, end, strlen(end));

	return q ? q + strlen(end) : e;
}

/* Past a <!DOCTYPE ...>, with its internal subset [ ... ] if any. */
static const char *
past_doctype(const char *p, const char *e)
{
	int depth = 0;

	for (; p < e; p++) {
		if (*p == '[')
			depth++;
		else if (*p == ']' && depth > 0)
			depth--;
		else if (*p == '>' && depth == 0)
			return p + 1;
		else if (*p == '"' || *p == '\'') {
			const char *q = memchr(p + 1, *p, e - p - 1);

			if (q == NULL)
				return e;
			p = q;
		}
	}
	return e;
}

static int
name_is(const char *p, const char *e, const char *name)
{
	size_t n = strlen(name);

	return (size_t)(e - p) >= n && strncasecmp(p, name, n) == 0 &&
	    ((size_t)(e - p) == n || strchr(" \t\r\n>/", p[n]) != NULL);
}

/* The first element's local name decides.  Junk before an XML
 * declaration (a PHP warning printed ahead of a feed) is passed over:
 * *start is where the XML begins. */
static enum body
markup(const char *body, const char *p, const char *e, size_t *start,
    int again)
{
	const char *name, *colon, *decl;
	enum body b;

	while ((p = skip_blank(p, e)) < e && *p == '<') {
		if (e - p >= 4 && memcmp(p, "<!--", 4) == 0) {
			p = past(p + 4, e, "-->");
		} else if (e - p >= 2 && p[1] == '?') {
			p = past(p + 2, e, "?>");
		} else if (e - p >= 9 && strncasecmp(p, "<!doctype", 9) == 0) {
			if (name_is(skip_blank(p + 9, e), e, "html"))
				return B_HTML;
			p = past_doctype(p + 9, e);
		} else {
			break;
		}
	}
	if (p >= e || *p != '<')
		return B_HTML;
	name = ++p;
	while (p < e && strchr(" \t\r\n>/", *p) == NULL)
		p++;
	if ((colon = memchr(name, ':', p - name)) != NULL)
		name = colon + 1;
	if (name_is(name, e, "rss") || name_is(name, e, "channel"))
		return B_RSS;
	if (name_is(name, e, "RDF"))
		return B_RDF;
	if (name_is(name, e, "feed"))
		return B_ATOM;
	if (name_is(name, e, "urlset") || name_is(name, e, "sitemapindex"))
		return B_SITEMAP;
	if (!again && !name_is(name, e, "html") &&
	    (decl = memmem(p, e - p < 65536 ? e - p : 65536, "<?xml", 5)) !=
	    NULL && (b = markup(body, decl, e, start, 1)) != B_HTML) {
		*start = decl - body;
		return b;
	}
	return B_HTML;
}

/* Does a line start a robots.txt rule (User-agent:, Sitemap:, ...)? */
static int
robots_word(const char *p, const char *e)
{
	static const char *const words[] = { "user-agent", "sitemap",
	    "disallow", "allow", "crawl-delay", "host", NULL };

	for (const char *const *w = words; *w; w++) {
		size_t n = strlen(*w);
		const char *q = p + n;

		if ((size_t)(e - p) > n && strncasecmp(p, *w, n) == 0) {
			while (q < e && (*q == ' ' || *q == '\t'))
				q++;
			if (q < e && *q == ':')
				return 1;
		}
	}
	return 0;
}

static int
url_line(const char *p, const char *e)
{
	return (e - p > 7 && strncasecmp(p, "http://", 7) == 0) ||
	    (e - p > 8 && strncasecmp(p, "https://", 8) == 0);
}

int
robots_path(const char *url)
{
	const char *h = strstr(url, "://"), *path, *end;

	if (h == NULL)
		return 0;
	path = strchr(h + 3, '/');
	if (path == NULL)
		return 0;
	end = path + strcspn(path, "?#");
	return end - path == 11 && strncasecmp(path, "/robots.txt", 11) == 0;
}

enum body
sniff(const char *body, size_t len, const char *kind,
    size_t *start)
{
	const char *p = body, *e = body + len, *nl;
	int lines = 0;

	*start = 0;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	p = skip_blank(p, e);
	if (p == e)
		return B_OTHER;
	if (*p == '<')
		return markup(body, p, e, start, 0);
	if (*p == '{' || *p == '[')
		return B_JSON;
	if (kind != NULL && strcmp(kind, "robots") == 0)
		return B_ROBOTS;
	/* the first few lines say what plain text is */
	for (; p < e && lines < 20; p = nl + 1) {
		if ((nl = memchr(p, '\n', e - p)) == NULL)
			nl = e;
		p = skip_blank(p, nl);
		if (p == nl || *p == '#')
			continue;
		lines++;
		if (robots_word(p, nl))
			return B_ROBOTS;
		if (url_line(p, nl))
			return B_URLS;
		break;
	}
	return B_OTHER;
}
