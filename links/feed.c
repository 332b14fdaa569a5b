/*
 * feed.c: the items of a feed: RSS 2.0 (and 0.9x), RSS 1.0 (RDF),
 * Atom 1.0 (and 0.3), JSON Feed 1.0 and 1.1.
 *
 * XML feeds are small (a few hundred KB): read whole with libxml2 into
 * a tree, through xml.c's mending and safe options, and walked by the
 * local names of elements, so that a feed that gets its namespaces
 * wrong still reads.  A feed too broken for that (markup in a
 * description that unbalances the items) is read again with libxml2's
 * HTML parser, which never gives up, and the reading that finds more
 * items wins.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include "links.h"

#define TEXT_MAX 4096	/* bytes of an element's text read */

static char lang_buf[64];	/* the feed's language, for s->lang */

static int
is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    strcasecmp((const char *)n->name, name) == 0;
}

/* The element's name without a prefix the HTML parser kept in it
 * ("content:encoded" for the XML parser's "encoded"). */
static const char *
local(const xmlNode *n)
{
	const char *name = (const char *)n->name, *c;

	if (n->ns == NULL && (c = strchr(name, ':')) != NULL)
		return c + 1;
	return name;
}

static int
named(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    strcasecmp(local(n), name) == 0;
}

/* The prefix the element was written with (dc, atom, feedburner), from
 * its namespace or from its name as the HTML parser kept it. */
static int
prefixed(const xmlNode *n, const char *pfx)
{
	const char *name = (const char *)n->name;
	size_t k = strlen(pfx);

	if (n->ns != NULL && n->ns->prefix != NULL)
		return strcasecmp((const char *)n->ns->prefix, pfx) == 0;
	return strncasecmp(name, pfx, k) == 0 && name[k] == ':';
}

static int
no_prefix(const xmlNode *n)
{
	return (n->ns == NULL || n->ns->prefix == NULL) &&
	    strchr((const char *)n->name, ':') == NULL;
}

/* Text of an element; for the HTML parser's reading of RSS, where
 * <link> is empty (a void element in HTML), the text after it. */
static size_t
text(xmlNode *n, char *out)
{
	size_t k = xml_text(n, out, TEXT_MAX);

	if (k == 0 && n->children == NULL && n->next != NULL &&
	    n->next->type == XML_TEXT_NODE && is(n, "link")) {
		const char *t = (const char *)n->next->content;
		size_t i = strspn(t, " \t\r\n"), j = strcspn(t + i, " \t\r\n<");

		if (j >= TEXT_MAX)
			j = TEXT_MAX - 1;
		memcpy(out, t + i, j);
		out[j] = '\0';
		k = j;
	}
	return k;
}

static char *
attr(xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

/* One item's strings, kept while its children are read. */
struct item {
	char link[TEXT_MAX], guid[TEXT_MAX], title[TEXT_MAX];
	char pub[TEXT_MAX], upd[TEXT_MAX], lang[64], orig[TEXT_MAX];
	int guid_link, title_markup;
	char *href;		/* Atom's link, xmlGetProp's */
	int href_rank;
};

static void
item_done(struct source *s, struct item *it, enum via via,
    const char *base)
{
	struct found f = { .kind = LK_ARTICLE, .via = via, .base = base };
	const char *u = NULL;

	/* FeedBurner's origLink is the article; link is its redirect */
	if (it->orig[0] != '\0')
		u = it->orig;
	else if (it->href != NULL)
		u = it->href;
	else if (it->link[0] != '\0')
		u = it->link;
	else if (it->guid[0] != '\0' && it->guid_link &&
	    (strncasecmp(it->guid, "http://", 7) == 0 ||
	    strncasecmp(it->guid, "https://", 8) == 0))
		u = it->guid;
	if (u != NULL) {
		f.ref = u;
		f.reflen = strlen(u);
		f.title = it->title;
		f.titlelen = strlen(it->title);
		f.title_markup = it->title_markup;
		f.published = it->pub;
		f.publen = strlen(it->pub);
		f.lastmod = it->upd;
		f.lastmodlen = strlen(it->upd);
		f.lang = it->lang;
		f.langlen = strlen(it->lang);
		src_found(s, &f);
	}
	xmlFree(it->href);
}

static void
item_clear(struct item *it)
{
	it->link[0] = it->guid[0] = it->title[0] = it->pub[0] = '\0';
	it->upd[0] = it->lang[0] = it->orig[0] = '\0';
	it->guid_link = 1;
	it->title_markup = 1;
	it->href = NULL;
	it->href_rank = 0;
}

/* An RSS 2.0 or RDF item; returns 1 when it gave a URL. */
static int
rss_item(struct source *s, xmlNode *item, struct item *it, enum via via)
{
	unsigned long before = s->nfound;
	char *v;

	item_clear(it);
	if (via == V_RDF && (v = attr(item, "about")) != NULL) {
		snprintf(it->guid, sizeof it->guid, "%s", v);
		xmlFree(v);
	}
	for (xmlNode *c = item->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (named(c, "link") && no_prefix(c)) {
			if (it->link[0] == '\0')
				text(c, it->link);
		} else if (named(c, "link") && prefixed(c, "atom") &&
		    it->href == NULL) {
			char *rel = attr(c, "rel");

			if (rel == NULL || strcasecmp(rel, "alternate") == 0)
				it->href = attr(c, "href");
			xmlFree(rel);
		} else if (named(c, "origLink")) {
			text(c, it->orig);
		} else if (named(c, "guid") && no_prefix(c)) {
			text(c, it->guid);
			v = attr(c, "isPermaLink");
			it->guid_link = v == NULL ||
			    strcasecmp(v, "false") != 0;
			xmlFree(v);
		} else if (named(c, "title") && it->title[0] == '\0') {
			text(c, it->title);
		} else if ((named(c, "pubDate") || (named(c, "date") &&
		    prefixed(c, "dc")) || named(c, "published") ||
		    named(c, "issued")) && it->pub[0] == '\0') {
			text(c, it->pub);
		} else if ((named(c, "updated") || named(c, "modified")) &&
		    it->upd[0] == '\0') {
			text(c, it->upd);
		} else if (named(c, "language") && it->lang[0] == '\0') {
			xml_text(c, it->lang, sizeof it->lang);
		}
	}
	if (via == V_RDF && it->link[0] == '\0' && it->guid[0] != '\0')
		it->guid_link = 1;
	item_done(s, it, via, NULL);
	return s->nfound > before;
}

static void
feed_lang(struct source *s, xmlNode *n)
{
	size_t k = xml_text(n, lang_buf, sizeof lang_buf);

	if (k > 0 && s->lang == NULL) {
		s->lang = lang_buf;
		s->langlen = k;
	}
}

/* RSS 0.9x, 2.0: rss/channel/item; RSS 1.0: rdf:RDF/item. */
static long
rss(struct source *s, xmlNode *root, enum via via, struct item *it)
{
	long n = 0;

	for (xmlNode *c = root->children; c != NULL; c = c->next) {
		if (named(c, "channel")) {
			for (xmlNode *i = c->children; i != NULL; i = i->next)
				if (named(i, "item"))
					n += rss_item(s, i, it, via);
				else if (named(i, "language"))
					feed_lang(s, i);
		} else if (named(c, "item")) {
			n += rss_item(s, c, it, via);
		}
	}
	return n;
}

/* How good an Atom <link> is as the entry's URL: alternate HTML best. */
static int
atom_link_rank(xmlNode *l)
{
	char *rel = attr(l, "rel"), *type = attr(l, "type");
	int r = 0;

	if (rel == NULL || strcasecmp(rel, "alternate") == 0)
		r = type == NULL || strncasecmp(type, "text/html", 9) == 0 ||
		    strncasecmp(type, "application/xhtml", 17) == 0 ? 3 : 2;
	xmlFree(rel);
	xmlFree(type);
	return r;
}

static long
atom(struct source *s, xmlDoc *doc, xmlNode *root, struct item *it)
{
	long n = 0;
	char *v;

	if ((v = (char *)xmlNodeGetLang(root)) != NULL) {
		snprintf(lang_buf, sizeof lang_buf, "%s", v);
		s->lang = lang_buf;
		s->langlen = strlen(lang_buf);
		xmlFree(v);
	}
	for (xmlNode *e = root->children; e != NULL; e = e->next) {
		unsigned long before = s->nfound;
		char *base;

		if (!named(e, "entry"))
			continue;
		item_clear(it);
		for (xmlNode *c = e->children; c != NULL; c = c->next) {
			int r;

			if (named(c, "link") && no_prefix(c) &&
			    (r = atom_link_rank(c)) > it->href_rank) {
				xmlFree(it->href);
				it->href = attr(c, "href");
				it->href_rank = it->href ? r : 0;
			} else if (named(c, "id") && no_prefix(c)) {
				text(c, it->guid);
			} else if (named(c, "title") && no_prefix(c)) {
				v = attr(c, "type");
				it->title_markup = v != NULL &&
				    strcasecmp(v, "html") == 0;
				xmlFree(v);
				text(c, it->title);
			} else if ((named(c, "published") ||
			    named(c, "issued")) && it->pub[0] == '\0') {
				text(c, it->pub);
			} else if ((named(c, "updated") ||
			    named(c, "modified")) && it->upd[0] == '\0') {
				text(c, it->upd);
			} else if (named(c, "origLink")) {
				text(c, it->orig);
			}
		}
		if ((v = (char *)xmlNodeGetLang(e)) != NULL) {
			snprintf(it->lang, sizeof it->lang, "%s", v);
			xmlFree(v);
		}
		/* xml:base, from the entry up to the feed's own URL */
		base = (char *)xmlNodeGetBase(doc, e);
		item_done(s, it, V_ATOM, base);
		xmlFree(base);
		n += s->nfound > before;
	}
	return n;
}

/* The items of a parsed document; -1 when it is no feed. */
static long
walk(struct source *s, xmlDoc *doc)
{
	static struct item it;
	xmlNode *root = xmlDocGetRootElement(doc), *r;

	if (root == NULL)
		return -1;
	/* the HTML parser wraps what it reads in <html><body> */
	if (is(root, "html")) {
		for (r = root->children; r != NULL && !named(r, "body");
		    r = r->next)
			;
		for (r = r ? r->children : NULL; r != NULL &&
		    r->type != XML_ELEMENT_NODE; r = r->next)
			;
		if (r == NULL || r->next != NULL)
			return -1;
		root = r;
	}
	if (named(root, "rss") || named(root, "channel"))
		return rss(s, named(root, "channel") ? root->parent : root,
		    V_RSS, &it);
	if (named(root, "RDF"))
		return rss(s, root, V_RDF, &it);
	if (named(root, "feed"))
		return atom(s, doc, root, &it);
	return -1;
}

/* How many items the body seems to hold: what a reading should find. */
static long
item_tags(const char *s, size_t len)
{
	const char *p = s, *e = s + len;
	long n = 0;
	size_t k;

	while ((p = memchr(p, '<', e - p)) != NULL) {
		p++;
		k = e - p > 5 && strncasecmp(p, "item", 4) == 0 ? 4 :
		    e - p > 6 && strncasecmp(p, "entry", 5) == 0 ? 5 : 0;
		if (k > 0 && strchr("> \t\r\n", p[k]) != NULL && p[k] != '\0')
			n++;
	}
	return n;
}

long
feed_read(struct source *s, const char *body, size_t len)
{
	struct xml_fixes fx;
	xmlDoc *doc;
	const char *x;
	size_t xlen;
	long n = -1, h, want;

	xml_errors_begin();
	x = xml_fix(body, len, &xlen, &fx);
	if (xlen > INT_MAX)
		xlen = INT_MAX;
	s->lang = NULL;
	doc = xmlReadMemory(x, (int)xlen, s->url, NULL, xml_options());
	if (doc != NULL)
		n = walk(s, doc);
	xmlFreeDoc(doc);
	xml_report(s, &fx, "feed");
	if (xml_errors() > 0 && n < (want = item_tags(x, xlen))) {
		/* Broken past what XML recovery mends.  What the first
		 * reading found stays; the second adds what it lacked
		 * (src_found merges mentions of one URL). */
		doc = htmlReadMemory(x, (int)xlen, s->url, "UTF-8",
		    HTML_PARSE_RECOVER | HTML_PARSE_NONET |
		    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		    HTML_PARSE_NOIMPLIED | HTML_PARSE_COMPACT);
		if (doc != NULL && (h = walk(s, doc)) > n) {
			src_warn(s, "broken feed: %ld of %ld items read as "
			    "XML, %ld as HTML", n < 0 ? 0 : n, want, h);
			n = h;
		}
		xmlFreeDoc(doc);
	}
	free(fx.copy);
	return n;
}

/* --- JSON Feed -------------------------------------------------------- */

static const char *
jstr(struct json_object *o, const char *key, size_t *len)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string)) {
		*len = 0;
		return NULL;
	}
	*len = json_object_get_string_len(v);
	return json_object_get_string(v);
}

long
jsonfeed_read(struct source *s, const char *body, size_t len)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *feed, *items;
	const char *v;
	size_t vlen;
	long n = 0;

	feed = json_tokener_parse_ex(tok, body, len > INT_MAX ? INT_MAX :
	    (int)len);
	json_tokener_free(tok);
	if (feed == NULL || !json_object_is_type(feed, json_type_object) ||
	    (v = jstr(feed, "version", &vlen)) == NULL ||
	    strstr(v, "jsonfeed.org/version/") == NULL) {
		json_object_put(feed);
		return -1;
	}
	s->lang = jstr(feed, "language", &s->langlen);
	if (json_object_object_get_ex(feed, "items", &items) &&
	    json_object_is_type(items, json_type_array)) {
		size_t k = json_object_array_length(items);

		for (size_t i = 0; i < k; i++) {
			struct json_object *it =
			    json_object_array_get_idx(items, i);
			struct found f = { .kind = LK_ARTICLE,
			    .via = V_JSONFEED };

			if (!json_object_is_type(it, json_type_object))
				continue;
			if ((f.ref = jstr(it, "url", &f.reflen)) == NULL &&
			    (f.ref = jstr(it, "external_url", &f.reflen)) ==
			    NULL) {
				f.ref = jstr(it, "id", &f.reflen);
				if (f.ref != NULL && strncasecmp(f.ref, "http",
				    4) != 0)
					f.ref = NULL;
			}
			if (f.ref == NULL)
				continue;
			f.title = jstr(it, "title", &f.titlelen);
			f.published = jstr(it, "date_published", &f.publen);
			f.lastmod = jstr(it, "date_modified", &f.lastmodlen);
			f.lang = jstr(it, "language", &f.langlen);
			src_found(s, &f);
			n++;
		}
	}
	/* src_end reads s->lang, which lives in feed: keep a copy */
	if (s->lang != NULL) {
		snprintf(lang_buf, sizeof lang_buf, "%.*s",
		    (int)(s->langlen < 63 ? s->langlen : 63), s->lang);
		s->lang = lang_buf;
		s->langlen = strlen(lang_buf);
	}
	json_object_put(feed);
	return n;
}
