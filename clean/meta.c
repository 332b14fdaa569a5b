/*
 * meta.c: title, dates, author, language, summary, canonical URL and
 * site name of a page.
 *
 * Each field has its sources in order of trust: JSON-LD of a
 * NewsArticle first (publishers fill it for search engines), then
 * OpenGraph and other <meta>, then markup (<h1>, <time>, itemprop), and
 * last the page as it reads (<title>, the visible dateline, the script
 * of the text).
 */
#define _GNU_SOURCE	/* strcasestr */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <json-c/json.h>
#include <libxml/tree.h>

#include "khobor.h"
#include "dateline.h"
#include "kind.h"
#include "meta.h"
#include "textmode.h"

enum src {
	S_TITLE_LD, S_TITLE_OG, S_TITLE_TW, S_TITLE_H1, S_TITLE_TAG,
	S_PUB_LD, S_PUB_META, S_PUB_ITEM, S_PUB_TIME,
	S_MOD_LD, S_MOD_META, S_MOD_ITEM,
	S_AUTH_LD, S_AUTH_META, S_AUTH_ITEM, S_AUTH_REL, S_AUTH_SEEN,
	S_AUTH_POST,
	S_LANG_HTML, S_LANG_META,
	S_DESC_OG, S_DESC_META, S_DESC_LD,
	S_CANON_LINK, S_CANON_OG,
	S_SITE_OG, S_SITE_LD, S_SITE_APP,
	S_N
};

struct meta {
	char *v[S_N];
	int ld_article;		/* a JSON-LD article was read */
	int n_h1;		/* <h1>s with text */
	struct page_signals *sig;
};

/* A copy of s with whitespace collapsed and trimmed; NULL for "". */
static char *
collapse(const char *s, size_t n)
{
	char *r = kh_malloc(n + 1);
	size_t k = 0;
	int sp = 0;

	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v' || c == '\0') {
			sp = 1;
			continue;
		}
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] == 0xa0) {
			sp = 1;
			i++;
			continue;
		}
		if (sp && k > 0)
			r[k++] = ' ';
		sp = 0;
		r[k++] = (char)c;
	}
	r[k] = '\0';
	if (k == 0) {
		free(r);
		return NULL;
	}
	return r;
}

static void
set(struct meta *m, enum src i, const char *s)
{
	if (m->v[i] != NULL || s == NULL)
		return;
	m->v[i] = collapse(s, strlen(s));
}

static xmlNode *
next_node(xmlNode *n, const xmlNode *root, int descend)
{
	if (descend && n->children != NULL)
		return n->children;
	while (n != root) {
		if (n->next != NULL)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

static char *
node_text(xmlNode *n)
{
	xmlChar *c = xmlNodeGetContent(n);
	char *r = NULL;

	if (c != NULL) {
		r = collapse((const char *)c, strlen((const char *)c));
		xmlFree(c);
	}
	return r;
}

static void
set_text(struct meta *m, enum src i, xmlNode *n)
{
	if (m->v[i] == NULL)
		m->v[i] = node_text(n);
}

/* --- dates --------------------------------------------------------------- */

static int
digits(const char **p, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*p)[i]))
			return -1;
		*v = *v * 10 + (*p)[i] - '0';
	}
	*p += n;
	return 0;
}

int
meta_iso_date(const char *s, char *out, size_t outsz)
{
	const char *p = s;
	int y, mo, d, h, mi, sec = -1, oh, om;
	char off[16] = "";

	while (*p == ' ')
		p++;
	if (digits(&p, 4, &y) < 0 || *p++ != '-' || digits(&p, 2, &mo) < 0 ||
	    *p++ != '-' || digits(&p, 2, &d) < 0)
		goto other;
	if (y < 1000 || mo < 1 || mo > 12 || d < 1 || d > 31)
		return -1;
	if (*p != 'T' && *p != ' ') {
		snprintf(out, outsz, "%04d-%02d-%02d", y, mo, d);
		return 0;
	}
	p++;
	if (digits(&p, 2, &h) < 0 || *p++ != ':' || digits(&p, 2, &mi) < 0 ||
	    h > 23 || mi > 59) {
		snprintf(out, outsz, "%04d-%02d-%02d", y, mo, d);
		return 0;
	}
	if (*p == ':') {
		p++;
		if (digits(&p, 2, &sec) < 0 || sec > 59)
			sec = -1;
		if (*p == '.' || *p == ',')
			for (p++; isdigit((unsigned char)*p); p++)
				;
	}
	while (*p == ' ')
		p++;
	if (*p == 'Z') {
		memcpy(off, "Z", 2);
	} else if (*p == '+' || *p == '-') {
		char sign = *p++;

		if (digits(&p, 2, &oh) == 0) {
			if (*p == ':')
				p++;
			if (digits(&p, 2, &om) < 0)
				om = 0;
			if (oh <= 23 && om <= 59)
				snprintf(off, sizeof off, "%c%02u:%02u", sign,
				    (unsigned)oh % 100, (unsigned)om % 100);
		}
	}
	if (sec >= 0)
		snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo,
		    d, h, mi, sec, off);
	else
		snprintf(out, outsz, "%04d-%02d-%02dT%02d:%02d%s", y, mo, d,
		    h, mi, off);
	return 0;
other:
	/* "Tue, 19 Nov 2019 10:00", "August 15, 2025": as a dateline */
	if (dateline_parse(s, strlen(s), out, outsz) != DATELINE_NONE)
		return 0;
	return -1;
}

/* --- JSON-LD ------------------------------------------------------------- */

static int
type_is_article(struct json_object *o)
{
	static const char *const types[] = { "NewsArticle", "Article",
	    "ReportageNewsArticle", "AnalysisNewsArticle",
	    "OpinionNewsArticle", "BlogPosting", "LiveBlogPosting",
	    "BackgroundNewsArticle", "Report", "TechArticle",
	    "ScholarlyArticle", "SocialMediaPosting", NULL };
	struct json_object *t;

	if (!json_object_object_get_ex(o, "@type", &t))
		return 0;
	if (json_object_is_type(t, json_type_array)) {
		size_t n = json_object_array_length(t);

		for (size_t i = 0; i < n; i++) {
			struct json_object *e = json_object_array_get_idx(t, i);

			if (json_object_is_type(e, json_type_string))
				for (const char *const *p = types; *p; p++)
					if (strcmp(json_object_get_string(e),
					    *p) == 0)
						return 1;
		}
		return 0;
	}
	if (!json_object_is_type(t, json_type_string))
		return 0;
	for (const char *const *p = types; *p != NULL; p++)
		if (strcmp(json_object_get_string(t), *p) == 0)
			return 1;
	return 0;
}

static const char *
ld_string(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v))
		return NULL;
	if (json_object_is_type(v, json_type_string))
		return json_object_get_string(v);
	return NULL;
}

/* Names of an author value: "A", {"name": "A"}, or an array of them. */
static void
ld_names(struct json_object *v, char *buf, size_t sz, int depth)
{
	const char *name = NULL;

	if (depth > 3 || v == NULL)
		return;
	if (json_object_is_type(v, json_type_array)) {
		size_t n = json_object_array_length(v);

		for (size_t i = 0; i < n && i < 20; i++)
			ld_names(json_object_array_get_idx(v, i), buf, sz,
			    depth + 1);
		return;
	}
	if (json_object_is_type(v, json_type_string))
		name = json_object_get_string(v);
	else if (json_object_is_type(v, json_type_object))
		name = ld_string(v, "name");
	if (name == NULL || *name == '\0' || strncmp(name, "http", 4) == 0)
		return;
	size_t len = strlen(buf);

	if (strstr(buf, name) != NULL)
		return;
	snprintf(buf + len, sz - len, "%s%s", len ? ", " : "", name);
}

static void
ld_article(struct json_object *o, struct meta *m)
{
	struct json_object *v;
	char names[512] = "";

	m->ld_article = 1;
	set(m, S_TITLE_LD, ld_string(o, "headline"));
	set(m, S_PUB_LD, ld_string(o, "datePublished"));
	set(m, S_MOD_LD, ld_string(o, "dateModified"));
	set(m, S_DESC_LD, ld_string(o, "description"));
	if (json_object_object_get_ex(o, "author", &v)) {
		ld_names(v, names, sizeof names, 0);
		if (names[0] != '\0')
			set(m, S_AUTH_LD, names);
	}
	if (json_object_object_get_ex(o, "publisher", &v) &&
	    json_object_is_type(v, json_type_object))
		set(m, S_SITE_LD, ld_string(v, "name"));
}

static void
ld_walk(struct json_object *o, struct meta *m, int depth)
{
	struct json_object *v;

	if (depth > 6 || o == NULL || m->ld_article)
		return;
	if (json_object_is_type(o, json_type_array)) {
		size_t n = json_object_array_length(o);

		for (size_t i = 0; i < n && !m->ld_article; i++)
			ld_walk(json_object_array_get_idx(o, i), m, depth + 1);
		return;
	}
	if (!json_object_is_type(o, json_type_object))
		return;
	if (type_is_article(o)) {
		ld_article(o, m);
		return;
	}
	if (json_object_object_get_ex(o, "@graph", &v))
		ld_walk(v, m, depth + 1);
	if (json_object_object_get_ex(o, "mainEntity", &v))
		ld_walk(v, m, depth + 1);
	if (json_object_object_get_ex(o, "mainEntityOfPage", &v) &&
	    json_object_is_type(v, json_type_object))
		ld_walk(v, m, depth + 1);
}

/* What a schema.org type name says of the page, into sig. */
static void
schema_type(const char *t, struct page_signals *sig)
{
	static const char *const article[] = { "Article", "NewsArticle",
	    "BlogPosting", "ReportageNewsArticle", "AnalysisNewsArticle",
	    "OpinionNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
	    "TechArticle", "ScholarlyArticle", "Report", "Recipe", NULL };
	static const char *const product[] = { "Product", "ProductGroup",
	    "Offer", "AggregateOffer", "IndividualProduct", NULL };
	static const char *const list[] = { "ItemList", "CollectionPage",
	    "SearchResultsPage", "OfferCatalog", NULL };
	static const char *const forum[] = { "DiscussionForumPosting",
	    "QAPage", "Comment", "SocialMediaPosting", NULL };
	static const char *const site[] = { "Service", "LocalBusiness",
	    "ProfessionalService", "FAQPage", "Course", "SoftwareApplication",
	    "WebApplication", "Event", "AboutPage", "ContactPage", NULL };
	const char *const *const sets[] = { article, product, list, forum,
	    site };
	unsigned char *const flags[] = { &sig->ld_article, &sig->ld_product,
	    &sig->ld_list, &sig->ld_forum, &sig->ld_site };
	const char *slash;

	/* microdata names a type by its URL */
	if ((slash = strrchr(t, '/')) != NULL)
		t = slash + 1;
	for (size_t i = 0; i < sizeof sets / sizeof sets[0]; i++)
		for (const char *const *p = sets[i]; *p != NULL; p++)
			if (strcmp(t, *p) == 0)
				*flags[i] = 1;
}

/* The types of the page's JSON-LD nodes: the top ones, those of its
 * @graph and its mainEntity. */
static void
ld_types(struct json_object *o, struct page_signals *sig, int depth)
{
	struct json_object *v;

	if (depth > 4 || o == NULL)
		return;
	if (json_object_is_type(o, json_type_array)) {
		size_t n = json_object_array_length(o);

		for (size_t i = 0; i < n && i < 100; i++)
			ld_types(json_object_array_get_idx(o, i), sig,
			    depth + 1);
		return;
	}
	if (!json_object_is_type(o, json_type_object))
		return;
	if (json_object_object_get_ex(o, "@type", &v)) {
		if (json_object_is_type(v, json_type_string))
			schema_type(json_object_get_string(v), sig);
		else if (json_object_is_type(v, json_type_array))
			for (size_t i = 0; i < json_object_array_length(v) &&
			    i < 8; i++) {
				struct json_object *e =
				    json_object_array_get_idx(v, i);

				if (json_object_is_type(e, json_type_string))
					schema_type(json_object_get_string(e),
					    sig);
			}
	}
	if (json_object_object_get_ex(o, "@graph", &v))
		ld_types(v, sig, depth + 1);
	if (json_object_object_get_ex(o, "mainEntity", &v))
		ld_types(v, sig, depth + 1);
}

/* At least as many as the values json-c would make of s, in any of
 * its modes: each value but the first comes after a '[', ',' or ':'
 * (those in strings and comments are counted too). */
static size_t
ld_values_bound(const char *s)
{
	size_t n = 1;

	for (; *s != '\0'; s++)
		n += *s == '[' || *s == ',' || *s == ':';
	return n;
}

static void
ld_script(xmlNode *n, struct meta *m)
{
	xmlChar *c;
	struct json_tokener *tok;
	struct json_object *o;

	if ((c = xmlNodeGetContent(n)) == NULL)
		return;
	tok = json_tokener_new_ex(16);
	if (tok != NULL) {
		size_t len = strlen((const char *)c);

		/* a block with more values than a record may have is
		 * no article's, and its tree could take gigabytes */
		if (len < INT32_MAX &&
		    ld_values_bound((const char *)c) <= kh_run.max_values) {
			o = json_tokener_parse_ex(tok, (const char *)c,
			    (int)len);
			ld_types(o, m->sig, 0);
			ld_walk(o, m, 0);
			json_object_put(o);
		}
		json_tokener_free(tok);
	}
	xmlFree(c);
}

/* --- <meta> -------------------------------------------------------------- */

static void
meta_tag(xmlNode *n, struct meta *m)
{
	const char *key = html_attr(n, "property"), *c = html_attr(n, "content");
	char k[64];
	size_t i;

	if (key == NULL)
		key = html_attr(n, "name");
	if (key == NULL)
		key = html_attr(n, "itemprop");
	if (key == NULL) {
		key = html_attr(n, "http-equiv");
		if (key != NULL && strcasecmp(key, "content-language") == 0)
			set(m, S_LANG_META, c);
		return;
	}
	if (c == NULL)
		return;
	for (i = 0; key[i] != '\0' && i + 1 < sizeof k; i++)
		k[i] = (char)tolower((unsigned char)key[i]);
	k[i] = '\0';
	if (strcmp(k, "og:type") == 0) {
		m->sig->og_article |= strcasecmp(c, "article") == 0;
		m->sig->og_product |= strncasecmp(c, "product", 7) == 0 ||
		    strcasecmp(c, "og:product") == 0;
		m->sig->og_website |= strcasecmp(c, "website") == 0;
	} else if (strcmp(k, "og:title") == 0)
		set(m, S_TITLE_OG, c);
	else if (strcmp(k, "twitter:title") == 0)
		set(m, S_TITLE_TW, c);
	else if (strcmp(k, "og:description") == 0)
		set(m, S_DESC_OG, c);
	else if (strcmp(k, "description") == 0 ||
	    strcmp(k, "twitter:description") == 0)
		set(m, S_DESC_META, c);
	else if (strcmp(k, "og:site_name") == 0)
		set(m, S_SITE_OG, c);
	else if (strcmp(k, "application-name") == 0)
		set(m, S_SITE_APP, c);
	else if (strcmp(k, "og:url") == 0)
		set(m, S_CANON_OG, c);
	else if (strcmp(k, "og:locale") == 0)
		set(m, S_LANG_META, c);
	else if (strcmp(k, "article:published_time") == 0 ||
	    strcmp(k, "og:article:published_time") == 0 ||
	    strcmp(k, "og:published_time") == 0 ||
	    strcmp(k, "published_time") == 0 ||
	    strcmp(k, "datepublished") == 0 || strcmp(k, "pubdate") == 0 ||
	    strcmp(k, "publishdate") == 0 || strcmp(k, "publish-date") == 0 ||
	    strcmp(k, "publish_date") == 0 || strcmp(k, "date") == 0 ||
	    strcmp(k, "dc.date.issued") == 0 || strcmp(k, "dc.date") == 0 ||
	    strcmp(k, "dcterms.created") == 0 ||
	    strcmp(k, "sailthru.date") == 0 ||
	    strcmp(k, "parsely-pub-date") == 0 ||
	    strcmp(k, "article.published") == 0 ||
	    strcmp(k, "citation_publication_date") == 0)
		set(m, S_PUB_META, c);
	else if (strcmp(k, "article:modified_time") == 0 ||
	    strcmp(k, "og:updated_time") == 0 ||
	    strcmp(k, "datemodified") == 0 || strcmp(k, "lastmod") == 0 ||
	    strcmp(k, "last-modified") == 0 ||
	    strcmp(k, "article.updated") == 0 ||
	    strcmp(k, "dcterms.modified") == 0)
		set(m, S_MOD_META, c);
	else if (strcmp(k, "author") == 0 || strcmp(k, "article:author") == 0 ||
	    strcmp(k, "dc.creator") == 0 || strcmp(k, "parsely-author") == 0 ||
	    strcmp(k, "sailthru.author") == 0 || strcmp(k, "byl") == 0) {
		if (strncmp(c, "http", 4) == 0)
			return;
		if (strncasecmp(c, "by ", 3) == 0)
			c += 3;
		set(m, S_AUTH_META, c);
	}
}

/* The element under n (a few levels down) with itemprop="name". */
static xmlNode *
itemprop_name(xmlNode *n, int depth)
{
	if (depth > 6)
		return NULL;
	for (xmlNode *c = n->children; c != NULL; c = c->next) {
		xmlNode *r;
		const char *p;

		if (c->type != XML_ELEMENT_NODE)
			continue;
		if ((p = html_attr(c, "itemprop")) != NULL &&
		    strcmp(p, "name") == 0)
			return c;
		if ((r = itemprop_name(c, depth + 1)) != NULL)
			return r;
	}
	return NULL;
}

/* An element with itemprop: its value is content=, datetime= or text. */
static void
itemprop(xmlNode *n, struct meta *m)
{
	const char *p = html_attr(n, "itemprop"), *v;
	enum src i;

	if (p == NULL)
		return;
	if (strcmp(p, "datePublished") == 0)
		i = S_PUB_ITEM;
	else if (strcmp(p, "dateModified") == 0)
		i = S_MOD_ITEM;
	else if (strcmp(p, "author") == 0 || strcmp(p, "creator") == 0)
		i = S_AUTH_ITEM;
	else
		return;
	if (m->v[i] != NULL || html_tag_is(n, "meta"))
		return;
	if ((v = html_attr(n, "content")) != NULL ||
	    (v = html_attr(n, "datetime")) != NULL)
		set(m, i, v);
	else if (i == S_AUTH_ITEM) {
		/* a Person's name, not the whole card (avatar letter,
		 * rank, join date, post count) */
		xmlNode *nm = itemprop_name(n, 0);
		char *t;

		if (nm != NULL && (v = html_attr(nm, "content")) != NULL) {
			set(m, i, v);
			return;
		}
		t = node_text(nm != NULL ? nm : n);

		if (t != NULL && strlen(t) < 100)
			m->v[i] = t;
		else
			free(t);
	} else
		set_text(m, i, n);
}

/* --- the title ----------------------------------------------------------- */

/* The headline without the site's name around it ("Headline | Site",
 * "Site - Headline"). */
static char *
strip_site(char *t, const char *site)
{
	static const char *const seps[] = { " | ", " - ", " – ", " — ",
	    " :: ", " » ", " · ", " • ", " / ", NULL };
	size_t tl = strlen(t);

	for (const char *const *sp = seps; *sp != NULL; sp++) {
		size_t sl = strlen(*sp);
		char *last = NULL, *first = strstr(t, *sp);

		for (char *q = first; q != NULL; q = strstr(q + 1, *sp))
			last = q;
		if (last == NULL)
			continue;
		const char *tail = last + sl, *head = t;
		size_t headlen = (size_t)(first - t);

		if (site != NULL && *site != '\0') {
			if (strcasestr(tail, site) != NULL) {
				*last = '\0';
				return t;
			}
			if (headlen < 200 && strncasecmp(head, site,
			    strlen(site)) == 0 && strlen(site) >= headlen) {
				memmove(t, first + sl, tl - headlen - sl + 1);
				return t;
			}
		}
		/* no site name known: a short last part is the site's */
		if (strlen(tail) * 2 < (size_t)(last - t) &&
		    strlen(tail) < 40) {
			*last = '\0';
			return t;
		}
	}
	return t;
}

/* The title as the page's <h1> has it when the title is the <h1> and a
 * tail after a separator ("Using the Fetch API - Web APIs"). */
static char *
title_by_h1(char *t, const char *h1)
{
	static const char *const seps[] = { "|", "-", "\xe2\x80\x93",
	    "\xe2\x80\x94", "\xe2\x80\xa2", "\xc2\xb7", "\xc2\xbb", "/",
	    "::", NULL };
	size_t n;
	const char *r;

	if (t == NULL || h1 == NULL || (n = strlen(h1)) < 3 ||
	    strlen(t) <= n || strncasecmp(t, h1, n) != 0 || t[n] != ' ')
		return t;
	for (r = t + n; *r == ' '; r++)
		;
	for (const char *const *sp = seps; *sp != NULL; sp++)
		if (strncmp(r, *sp, strlen(*sp)) == 0) {
			t[n] = '\0';
			return t;
		}
	return t;
}

/* A heading's text without the mark that documentation generators link
 * it by ("Quickstart¶", "Usage §", "Install #"). */
static void
trim_anchor(char *h)
{
	static const char *const marks[] = { "\xc2\xb6", "\xc2\xa7", "#",
	    "\xf0\x9f\x94\x97", NULL };
	size_t n = strlen(h);

	for (const char *const *mp = marks; *mp != NULL; mp++) {
		size_t ml = strlen(*mp);

		if (n > ml && strcmp(h + n - ml, *mp) == 0) {
			n -= ml;
			while (n > 0 && h[n - 1] == ' ')
				n--;
			h[n] = '\0';
			return;
		}
	}
}

/* The first <h1> with text, and how many there are. */
static void
h1(struct meta *m, xmlNode *n)
{
	char *h = node_text(n);

	if (h == NULL)
		return;
	m->n_h1++;
	trim_anchor(h);
	if (m->v[S_TITLE_H1] == NULL && *h != '\0')
		m->v[S_TITLE_H1] = h;
	else
		free(h);
}

static int
word_byte(unsigned char c)
{
	return isalnum(c) || c >= 0x80;
}

/* Whether h (a heading) says what t (a title) says: at least half of
 * h's words occur in t as words (ASCII letters in any case). */
static int
says_same(const char *h, const char *t)
{
	int words = 0, found = 0;

	for (const char *p = h; *p != '\0';) {
		const char *w;
		size_t wl;

		while (*p != '\0' && !word_byte((unsigned char)*p))
			p++;
		for (w = p; word_byte((unsigned char)*p); p++)
			;
		if ((wl = (size_t)(p - w)) == 0)
			break;
		words++;
		for (const char *q = t; *q != '\0'; q++) {
			if (strncasecmp(q, w, wl) == 0 &&
			    (q == t || !word_byte((unsigned char)q[-1])) &&
			    !word_byte((unsigned char)q[wl])) {
				found++;
				break;
			}
		}
	}
	return words > 0 && 2 * found >= words;
}

/* The page's one <h1>, which is the headline as the reader sees it,
 * when it says what the metadata's title says: metadata titles carry
 * a site's SEO wording ("Best Apps to Learn a Language in 2025 - Top 10
 * Picks" for "Top 10: Best Language Learning App"), and a page with
 * several <h1>s has no one heading for it.  A logo's <h1> (the site's
 * name) is not a headline. */
static int
headline_is_h1(const struct meta *m, const char *t, const char *site)
{
	const char *h = m->v[S_TITLE_H1];
	size_t n;

	if (h == NULL || m->n_h1 != 1 || (n = strlen(h)) < 3 || n > 300)
		return 0;
	if (site != NULL && strcasecmp(h, site) == 0)
		return 0;
	if (t == NULL)
		return 1;
	/* a title that goes on from the heading with a colon says more
	 * ("Fetch: the API, explained" for "Fetch") */
	if (strncasecmp(t, h, n) == 0 && t[n] == ':')
		return 0;
	return says_same(h, t);
}

/* --- languages and URLs ------------------------------------------------ */

/* "bn_BD" -> "bn-BD"; NULL for what is no language tag. */
static char *
lang_tag(const char *s)
{
	char buf[36];
	size_t i, k = 0;

	while (*s == ' ')
		s++;
	for (i = 0; s[i] != '\0' && s[i] != ',' && s[i] != ';' &&
	    s[i] != ' '; i++) {
		char c = s[i];

		if (k + 1 >= sizeof buf)
			return NULL;
		if (c == '_')
			c = '-';
		if (!isalnum((unsigned char)c) && c != '-')
			return NULL;
		buf[k++] = c;
	}
	buf[k] = '\0';
	for (i = 0; i < k && buf[i] != '-'; i++)
		buf[i] = (char)tolower((unsigned char)buf[i]);
	if (i < 2 || i > 3)
		return NULL;
	for (size_t j = i; j < k; j++)
		if (buf[j] == '-' && (j + 1 == k || buf[j + 1] == '-'))
			return NULL;
	/* region subtags upper case: en-us -> en-US */
	if (k - i == 3 && isalpha((unsigned char)buf[i + 1]))
		for (size_t j = i + 1; j < k; j++)
			buf[j] = (char)toupper((unsigned char)buf[j]);
	return strdup(buf);
}

static char *
join_url(const char *href, const char *base)
{
	const char *p, *host_end;
	size_t n;
	char *r;

	if (*href == '\0' || strchr(href, ' ') != NULL)
		return NULL;
	for (p = href; isalnum((unsigned char)*p) || *p == '+' || *p == '-' ||
	    *p == '.'; p++)
		;
	if (*p == ':' && p > href && isalpha((unsigned char)*href))
		return strdup(href);
	if (base == NULL || (p = strstr(base, "://")) == NULL)
		return NULL;
	if (href[0] == '/' && href[1] == '/') {
		n = (size_t)(p - base) + 1 + strlen(href) + 1;
		r = kh_malloc(n);
		snprintf(r, n, "%.*s:%s", (int)(p - base), base, href);
		return r;
	}
	host_end = p + 3;
	while (*host_end != '\0' && *host_end != '/' && *host_end != '?' &&
	    *host_end != '#')
		host_end++;
	if (href[0] == '/') {
		n = (size_t)(host_end - base) + strlen(href) + 1;
		r = kh_malloc(n);
		snprintf(r, n, "%.*s%s", (int)(host_end - base), base, href);
		return r;
	}
	/* relative to the base's folder */
	const char *q = base + strcspn(base, "?#"), *slash = host_end;

	for (const char *s = host_end; s < q; s++)
		if (*s == '/')
			slash = s;
	n = (size_t)(slash - base) + 1 + strlen(href) + 1;
	r = kh_malloc(n);
	snprintf(r, n, "%.*s/%s", (int)(slash - base), base, href);
	return r;
}

/* href made absolute against base, or NULL: also when it holds a
 * control character (a space, the one blank set() leaves, it refuses
 * already), which no URL may. */
static char *
absolute(const char *href, const char *base)
{
	char *r = href != NULL ? join_url(href, base) : NULL;

	for (const char *q = r; q != NULL && *q != '\0'; q++)
		if ((unsigned char)*q < ' ' || *q == 0x7f) {
			free(r);
			return NULL;
		}
	return r;
}

/* Decode in place the character references a title was escaped with
 * twice ("M&#038;A", "Traveler&#8217;s", "&bull;"): numeric ones and
 * the few names titles use. */
static void
unescape(char *s)
{
	static const struct {
		const char *name;
		const char *utf8;
	} names[] = {
		{ "amp", "&" }, { "quot", "\"" }, { "apos", "'" },
		{ "lt", "<" }, { "gt", ">" }, { "nbsp", " " },
		{ "bull", "\xe2\x80\xa2" }, { "ndash", "\xe2\x80\x93" },
		{ "mdash", "\xe2\x80\x94" }, { "rsquo", "\xe2\x80\x99" },
		{ "lsquo", "\xe2\x80\x98" }, { "ldquo", "\xe2\x80\x9c" },
		{ "rdquo", "\xe2\x80\x9d" }, { "hellip", "\xe2\x80\xa6" },
		{ "raquo", "\xc2\xbb" }, { "laquo", "\xc2\xab" },
		{ "middot", "\xc2\xb7" }, { "copy", "\xc2\xa9" },
		{ "reg", "\xc2\xae" }, { "trade", "\xe2\x84\xa2" },
	};
	char *w = s;

	for (const char *r = s; *r != '\0'; ) {
		const char *semi;
		unsigned long cp = 0;
		int done = 0;

		if (*r != '&' || (semi = strchr(r, ';')) == NULL ||
		    semi - r > 10) {
			*w++ = *r++;
			continue;
		}
		if (r[1] == '#') {
			char *end;
			int hex = r[2] == 'x' || r[2] == 'X';

			cp = strtoul(r + 2 + hex, &end, hex ? 16 : 10);
			if (end == semi && end > r + 2 + hex && cp > 0x1f &&
			    (cp < 0x7f || cp > 0x9f) &&
			    cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff)) {
				/* UTF-8 of cp: never longer than "&#...;" */
				if (cp < 0x80) {
					*w++ = (char)cp;
				} else if (cp < 0x800) {
					*w++ = (char)(0xc0 | cp >> 6);
					*w++ = (char)(0x80 | (cp & 0x3f));
				} else if (cp < 0x10000) {
					*w++ = (char)(0xe0 | cp >> 12);
					*w++ = (char)(0x80 | (cp >> 6 & 0x3f));
					*w++ = (char)(0x80 | (cp & 0x3f));
				} else {
					*w++ = (char)(0xf0 | cp >> 18);
					*w++ = (char)(0x80 | (cp >> 12 & 0x3f));
					*w++ = (char)(0x80 | (cp >> 6 & 0x3f));
					*w++ = (char)(0x80 | (cp & 0x3f));
				}
				done = 1;
			}
		} else {
			for (size_t i = 0; i < sizeof names / sizeof names[0];
			    i++)
				if ((size_t)(semi - r - 1) == strlen(names[i].name) &&
				    strncmp(r + 1, names[i].name,
				    (size_t)(semi - r - 1)) == 0 &&
				    strlen(names[i].utf8) <= (size_t)(semi - r + 1)) {
					size_t k = strlen(names[i].utf8);

					memcpy(w, names[i].utf8, k);
					w += k;
					done = 1;
					break;
				}
		}
		if (done)
			r = semi + 1;
		else
			*w++ = *r++;
	}
	*w = '\0';
}

/* --- the byline as the page shows it ------------------------------------ */

/* The text of n, whitespace collapsed, into buf: 0 when it is empty,
 * longer than buf, or spread over more elements than a byline is. */
static int
short_text(const xmlNode *n, char *buf, size_t sz)
{
	const xmlNode *c = n->children;
	size_t len = 0;
	int sp = 0, visits = 0;

	while (c != NULL) {
		if (++visits > 64)
			return 0;
		if (c->type == XML_TEXT_NODE && c->content != NULL) {
			for (const unsigned char *t = c->content; *t; t++) {
				if (isspace(*t)) {
					sp = len > 0;
					continue;
				}
				if (len + 2 >= sz)
					return 0;
				if (sp)
					buf[len++] = ' ';
				sp = 0;
				buf[len++] = (char)*t;
			}
		} else if (c->type == XML_ELEMENT_NODE && c->children != NULL &&
		    !html_tag_is(c, "script") && !html_tag_is(c, "style")) {
			c = c->children;
			continue;
		}
		while (c != NULL && c->next == NULL)
			c = c->parent == n ? NULL : c->parent;
		if (c != NULL)
			c = c->next;
	}
	buf[len] = '\0';
	return len > 0;
}

/* s without a leading "By", "Written by", "Posted by" (and a colon). */
static const char *
strip_by(const char *s)
{
	static const char *const by[] = { "written by", "posted by",
	    "authored by", "by", "লিখেছেন", "লেখক", NULL };

	for (const char *const *b = by; *b != NULL; b++) {
		size_t n = strlen(*b);

		if (strncasecmp(s, *b, n) == 0 &&
		    (s[n] == ' ' || s[n] == ':' || s[n] == '\0')) {
			s += n;
			while (*s == ' ' || *s == ':')
				s++;
			return s;
		}
	}
	return s;
}

/* Does s read as a person's or a desk's name: a few capitalised words,
 * no digits, no address? */
static int
name_like(const char *s)
{
	static const char *const small[] = { "and", "de", "da", "van", "von",
	    "der", "la", "le", "del", "bin", "al", NULL };
	/* what a byline's neighbours are labelled */
	static const char *const labels[] = { "by", "author", "authors",
	    "name", "role", "type", "category", "member", "sector", "review",
	    "location", "contact", "company size", "use case", "editor",
	    "staff", "admin", "guest", "sign in", "log in", NULL };
	size_t len = strlen(s);
	unsigned words = 0;

	if (len < 3 || len > 60 || strpbrk(s, "@:()|\xc2") != NULL ||
	    strstr(s, "http") != NULL)
		return 0;
	for (const char *const *l = labels; *l != NULL; l++)
		if (strcasecmp(s, *l) == 0)
			return 0;
	for (const char *p = s; *p != '\0'; ) {
		size_t w = strcspn(p, " ");
		int ok = (unsigned char)*p >= 0x80 || isupper((unsigned char)*p);

		for (const char *const *k = small; !ok && *k != NULL; k++)
			ok = strlen(*k) == w && strncmp(p, *k, w) == 0;
		if (!ok || ++words > 5)
			return 0;
		for (size_t i = 0; i < w; i++)
			if (isdigit((unsigned char)p[i]))
				return 0;
		p += w;
		while (*p == ' ')
			p++;
	}
	return words > 0;
}

/* Is n a leaf whose text starts with "by", or is a byline's label
 * ("Written by", "Author": *label 1; a bare "By": 2)? */
static int
by_leaf(const xmlNode *n, int *label)
{
	static const char *const labels[] = { "written by", "posted by",
	    "authored by", "author", "by", "লিখেছেন", "লেখক", NULL };
	const xmlNode *c = n->children;
	const unsigned char *t;
	size_t len;

	if (c == NULL || c->type != XML_TEXT_NODE || c->content == NULL)
		return 0;
	for (t = c->content; isspace(*t); t++)
		;
	if (strncasecmp((const char *)t, "by ", 3) != 0 &&
	    strncasecmp((const char *)t, "by\n", 3) != 0 &&
	    strncmp((const char *)t, "লিখেছেন", strlen("লিখেছেন")) != 0 &&
	    strncmp((const char *)t, "লেখক", strlen("লেখক")) != 0 &&
	    strncasecmp((const char *)t, "written by", 10) != 0 &&
	    strncasecmp((const char *)t, "posted by", 9) != 0 &&
	    (strncasecmp((const char *)t, "author", 6) != 0 ||
	    isalpha(t[6])))
		return 0;
	*label = 0;
	if (c->next != NULL)
		return 1;
	len = strlen((const char *)t);
	while (len > 0 && (isspace(t[len - 1]) || t[len - 1] == ':'))
		len--;
	for (const char *const *l = labels; *l != NULL; l++)
		if (strlen(*l) == len && strncasecmp((const char *)t, *l,
		    len) == 0)
			*label = strcmp(*l, "by") == 0 ? 2 : 1;
	return 1;
}

/* Does the class name an author: "author", "post-author", not
 * "authorized" or "authority"? */
static int
author_word(const char *cls)
{
	for (const char *p = cls; (p = strcasestr(p, "author")) != NULL; p++)
		if (!isalpha((unsigned char)p[6]) || p[6] == 's')
			return 1;
	return 0;
}

/* Is n inside a menu, a filter or the page's footer ("By Industry",
 * "Sort by Price")? */
static int
in_menu(const xmlNode *n)
{
	static const char *const tags[] = { "nav", "select", "button", "form",
	    "aside", NULL };
	int footer = 0;

	for (int d = 0; n != NULL && n->type == XML_ELEMENT_NODE && d < 30;
	    n = n->parent, d++) {
		const char *c = html_attr(n, "class");

		/* the story's own furniture, whatever the page's classes
		 * above it ("<main class=offset-nav>"); an article's
		 * <footer> holds its byline */
		if (html_tag_is(n, "article") || html_tag_is(n, "main"))
			return 0;
		if (html_tag_is(n, "footer"))
			footer = 1;
		for (const char *const *t = tags; *t != NULL; t++)
			if (html_tag_is(n, *t))
				return 1;
		if (c != NULL && (strcasestr(c, "menu") != NULL ||
		    strcasestr(c, "nav") != NULL ||
		    strcasestr(c, "filter") != NULL ||
		    strcasestr(c, "sort") != NULL ||
		    strcasestr(c, "comment") != NULL))
			return 1;
	}
	return footer;
}

/* A byline the page shows: a link with rel=author, an element whose
 * class names a byline or author, a "By ..." line, or the element after
 * a "Written by" label.  The first that reads as a name is kept. */
static void
byline(xmlNode *n, struct meta *m)
{
	const char *rel = html_attr(n, "rel"), *cls = html_attr(n, "class");
	char buf[256];
	const char *name;
	size_t desk;
	int label = 0, named, by;

	if (m->v[S_AUTH_REL] != NULL)
		return;
	named = cls != NULL && (strcasestr(cls, "byline") != NULL ||
	    strcasestr(cls, "reporter") != NULL ||
	    strcasestr(cls, "contributor") != NULL ||
	    strcasestr(cls, "writer") != NULL || author_word(cls));
	by = by_leaf(n, &label);
	/* a desk or correspondent signs the story ("নিজস্ব প্রতিবেদক,
	 * ঢাকা", "Staff Correspondent"): the first such block, in
	 * whatever element the page puts it */
	if (!named && !by && label == 0 && m->v[S_AUTH_SEEN] == NULL &&
	    n->children != NULL && short_text(n, buf, sizeof buf) &&
	    (desk = text_desk_byline(buf, strlen(buf))) > 0 && !in_menu(n)) {
		buf[desk] = '\0';
		set(m, S_AUTH_SEEN, buf);
		return;
	}
	if (label) {
		xmlNode *s = n->next;

		while (s != NULL && s->type != XML_ELEMENT_NODE)
			s = s->next;
		/* a bare "By" labels a link to the writer's page, not a
		 * filter's choices ("Sort by" "Price") */
		if (s == NULL || (label == 2 && !html_tag_is(s, "a")) ||
		    !short_text(s, buf, sizeof buf))
			return;
		name = strip_by(buf);
	} else if (named || by || (rel != NULL && html_tag_is(n, "a") &&
	    strcasecmp(rel, "author") == 0)) {
		if (!short_text(n, buf, sizeof buf))
			return;
		name = strip_by(buf);
	} else
		return;
	if (!name_like(name) || in_menu(n))
		return;
	if (rel != NULL && strcasecmp(rel, "author") == 0)
		set(m, S_AUTH_REL, name);
	else
		set(m, S_AUTH_SEEN, name);
}

/* A thread's first poster, as forum software marks it: an element's
 * data-author (XenForo, Reddit), a link whose class names a user name
 * (phpBB's "username", vBulletin's "bigusername"). */
static void
poster(xmlNode *n, struct meta *m)
{
	const char *v = html_attr(n, "data-author"), *cls;
	char buf[128];

	if (m->v[S_AUTH_POST] != NULL)
		return;
	if (v == NULL && html_tag_is(n, "a") &&
	    (cls = html_attr(n, "class")) != NULL &&
	    strcasestr(cls, "username") != NULL &&
	    short_text(n, buf, sizeof buf))
		v = buf;
	if (v == NULL || *v == '\0' || strlen(v) > 60 ||
	    strpbrk(v, "<>@\n") != NULL || in_menu(n))
		return;
	set(m, S_AUTH_POST, v);
}

/* --- the page ------------------------------------------------------------ */

static char *
pick(struct meta *m, enum src from, enum src to)
{
	for (enum src i = from; i <= to; i++)
		if (m->v[i] != NULL) {
			char *r = m->v[i];

			m->v[i] = NULL;
			return r;
		}
	return NULL;
}

static char *
pick_date(struct meta *m, enum src from, enum src to)
{
	char buf[64];

	for (enum src i = from; i <= to; i++)
		if (m->v[i] != NULL && meta_iso_date(m->v[i], buf,
		    sizeof buf) == 0)
			return strdup(buf);
	return NULL;
}

void
meta_read(xmlDoc *doc, xmlNode *root, const char *url, struct extract *out,
	struct page_signals *sig)
{
	struct meta m = { .sig = sig };
	const char *v;
	char *t;

	(void)doc;
	if ((v = html_attr(root, "lang")) != NULL)
		set(&m, S_LANG_HTML, v);
	for (xmlNode *n = root; n != NULL;) {
		int descend = 1;

		if (n->type == XML_ELEMENT_NODE) {
			if (html_tag_is(n, "meta")) {
				meta_tag(n, &m);
			} else if (html_tag_is(n, "script")) {
				v = html_attr(n, "type");
				if (v != NULL && strcasecmp(v,
				    "application/ld+json") == 0)
					ld_script(n, &m);
				descend = 0;
			} else if (html_tag_is(n, "style")) {
				descend = 0;
			} else if (html_tag_is(n, "title")) {
				if (m.v[S_TITLE_TAG] == NULL &&
				    (n->parent == NULL ||
				    !html_tag_is(n->parent, "svg")))
					set_text(&m, S_TITLE_TAG, n);
				descend = 0;
			} else if (html_tag_is(n, "h1")) {
				h1(&m, n);
			} else if (html_tag_is(n, "link")) {
				v = html_attr(n, "rel");
				if (v != NULL && strcasecmp(v, "canonical") == 0)
					set(&m, S_CANON_LINK, html_attr(n, "href"));
			} else if (html_tag_is(n, "time")) {
				set(&m, S_PUB_TIME, html_attr(n, "datetime"));
			}
			if (html_attr(n, "itemprop") != NULL)
				itemprop(n, &m);
			if (descend) {
				byline(n, &m);
				poster(n, &m);
			}
			if ((v = html_attr(n, "itemtype")) != NULL)
				schema_type(v, sig);
		}
		n = next_node(n, root, descend);
	}

	out->site_name = pick(&m, S_SITE_OG, S_SITE_APP);
	t = pick(&m, S_TITLE_LD, S_TITLE_TAG);
	if (headline_is_h1(&m, t, out->site_name)) {
		free(t);
		t = m.v[S_TITLE_H1];
		m.v[S_TITLE_H1] = NULL;
	}
	if (t != NULL) {
		unescape(t);
		out->title = title_by_h1(strip_site(t, out->site_name),
		    m.v[S_TITLE_H1]);
	}
	out->published = pick_date(&m, S_PUB_LD, S_PUB_TIME);
	/* a date in the markup, not a <time> of the page's furniture */
	t = pick_date(&m, S_PUB_LD, S_PUB_ITEM);
	sig->dated = t != NULL;
	free(t);
	out->modified = pick_date(&m, S_MOD_LD, S_MOD_ITEM);
	out->author = pick(&m, S_AUTH_LD, S_AUTH_META);
	out->author_seen = out->author == NULL;
	if (out->author == NULL)
		out->author = pick(&m, S_AUTH_ITEM, S_AUTH_ITEM);
	/* the model was fitted on an author in the markup */
	sig->author = out->author != NULL;
	if (out->author == NULL)
		out->author = pick(&m, S_AUTH_REL, S_AUTH_SEEN);
	out->poster = pick(&m, S_AUTH_POST, S_AUTH_POST);
	for (enum src i = S_LANG_HTML; i <= S_LANG_META && !out->lang; i++)
		if (m.v[i] != NULL)
			out->lang = lang_tag(m.v[i]);
	out->description = pick(&m, S_DESC_OG, S_DESC_LD);
	for (enum src i = S_CANON_LINK; i <= S_CANON_OG; i++)
		if (out->canonical_url == NULL && m.v[i] != NULL)
			out->canonical_url = absolute(m.v[i], url);
	for (int i = 0; i < S_N; i++)
		free(m.v[i]);
}

static int
has_digit(const unsigned char *s)
{
	for (; *s != '\0'; s++)
		if (isdigit(*s) || (s[0] == 0xe0 && s[1] == 0xa7 &&
		    s[2] >= 0xa6 && s[2] <= 0xaf))
			return 1;
	return 0;
}

static int
has_h1(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c != NULL; c = c->next)
		if (c->type == XML_ELEMENT_NODE && (html_tag_is(c, "h1") ||
		    has_h1(c)))
			return 1;
	return 0;
}

/* Is n in the page's masthead or menus, where a site prints today's
 * date ("সোমবার, ১৬ মার্চ ২০২৫" above every page)? */
static int
in_masthead(const xmlNode *n)
{
	static const char *const words[] = { "masthead", "topbar", "top-bar",
	    "navbar", "menu", "today", NULL };

	for (int d = 0; n != NULL && n->type == XML_ELEMENT_NODE && d < 30;
	    n = n->parent, d++) {
		if (html_tag_is(n, "article") || html_tag_is(n, "main"))
			return 0;
		/* the page's header, not the story's (which holds its
		 * <h1>) */
		if (html_tag_is(n, "header") && (n->parent == NULL ||
		    html_tag_is(n->parent, "body")) && !has_h1(n))
			return 1;
		if (html_tag_is(n, "nav"))
			return 1;
		for (int a = 0; a < 2; a++) {
			const char *v = html_attr(n, a ? "id" : "class");

			for (const char *const *w = words; v != NULL &&
			    *w != NULL; w++)
				if (strcasestr(v, *w) != NULL)
					return 1;
		}
	}
	return 0;
}

/* The first short block of the page that reads as a dateline, one in
 * the masthead only when there is no other. */
static void
dateline(xmlNode *body, struct extract *out)
{
	unsigned texts = 0;
	char buf[64], head[64] = "";

	for (xmlNode *n = body; n != NULL && texts < 4000;) {
		int descend = 1;

		if (n->type == XML_ELEMENT_NODE && (html_tag_is(n, "script") ||
		    html_tag_is(n, "style") || html_tag_is(n, "noscript") ||
		    html_tag_is(n, "template")))
			descend = 0;
		else if (n->type == XML_TEXT_NODE && n->content != NULL &&
		    n->parent != NULL && has_digit(n->content)) {
			xmlNode *p = n->parent;
			xmlChar *c;

			texts++;
			/* the label may stand in an element of its own */
			if (p->parent != NULL && !html_tag_is(p->parent, "body") &&
			    (html_tag_is(p, "span") || html_tag_is(p, "time") ||
			    html_tag_is(p, "strong") || html_tag_is(p, "b")))
				p = p->parent;
			c = xmlNodeGetContent(p);
			if (c != NULL) {
				size_t len = strlen((const char *)c);
				enum dateline_kind k = DATELINE_NONE;

				if (len < 200)
					k = dateline_parse((const char *)c,
					    len, buf, sizeof buf);
				xmlFree(c);
				if (k == DATELINE_PUBLISHED && in_masthead(p)) {
					if (head[0] == '\0')
						memcpy(head, buf, sizeof head);
				} else if (k == DATELINE_PUBLISHED &&
				    out->published == NULL) {
					out->published = strdup(buf);
					return;
				}
				if (k == DATELINE_MODIFIED &&
				    out->modified == NULL)
					out->modified = strdup(buf);
			}
		}
		n = next_node(n, body, descend);
	}
	if (head[0] != '\0' && out->published == NULL)
		out->published = strdup(head);
}

/* Is tag a language written in the Bengali script (bn, as, bpy, mni,
 * "bn-BD")? */
static int
bengali_script(const char *tag)
{
	static const char *const langs[] = { "bn", "as", "bpy", "mni", NULL };

	for (const char *const *l = langs; *l != NULL; l++) {
		size_t n = strlen(*l);

		if (strncasecmp(tag, *l, n) == 0 && (tag[n] == '\0' ||
		    tag[n] == '-' || tag[n] == '_'))
			return 1;
	}
	return 0;
}

/* What the page shows of its date and writer, for page_kind: a
 * Bengali paper's article often has neither in its markup, only a
 * dateline ("প্রকাশ: ১৪ মার্চ ২০২৫") and a byline ("নিজস্ব প্রতিবেদক").
 * The dateline found is the published time meta_finish would find. */
void
meta_shown(xmlNode *body, struct extract *out, struct page_signals *sig)
{
	if (out->published == NULL && body != NULL) {
		dateline(body, out);
		sig->dated |= out->published != NULL;
	}
	sig->author |= out->author != NULL;
}

void
meta_finish(struct extract *out)
{
	size_t bn = 0, latin = 0;

	/* a page that dates only its last update is dated by it: the
	 * best time there is of it, nearer than when it was fetched */
	if (out->published == NULL && out->modified != NULL)
		out->published = strdup(out->modified);
	if (out->text == NULL)
		return;
	for (const unsigned char *s = (const unsigned char *)out->text;
	    *s != '\0'; s++) {
		if (s[0] == 0xe0 && (s[1] == 0xa6 || s[1] == 0xa7))
			bn++;
		else if (isalpha(*s))
			latin++;
	}
	/* a Bengali page that declares "en-US" (a theme's default) is
	 * Bengali: the script of the text wins over a language not
	 * written in it */
	if (out->lang != NULL && bn > latin && !bengali_script(out->lang)) {
		free(out->lang);
		out->lang = NULL;
	}
	if (out->lang != NULL)
		return;
	if (bn > latin)
		out->lang = strdup("bn");
	else if (latin > 0)
		out->lang = strdup("en");
}
