/*
 * meta.h: a page's metadata (title, dates, author, language, summary,
 * canonical URL, site name) from its <head>, JSON-LD and markup.
 */
#ifndef META_H
#define META_H

#include <string.h>
#include <strings.h>

#include <libxml/tree.h>

#include "extract.h"
#include "kind.h"

/* The value of attribute name of n ("" when it has none), or NULL when
 * n lacks it.  Inline: the extractor asks on every element. */
static inline const char *
html_attr(const xmlNode *n, const char *name)
{
	for (const xmlAttr *a = n->properties; a != NULL; a = a->next)
		if (strcasecmp((const char *)a->name, name) == 0)
			return a->children != NULL &&
			    a->children->content != NULL ?
			    (const char *)a->children->content : "";
	return NULL;
}

/* Is n the element name (lower case, as libxml2's HTML parser has it)? */
static inline int
html_tag_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->name != NULL &&
	    strcmp((const char *)n->name, name) == 0;
}

/* Fill out's metadata fields from the parsed page (before the text). */
void meta_read(xmlDoc *doc, xmlNode *root, const char *url,
	struct extract *out, struct page_signals *sig);
/* The dateline and byline the page shows: the visible dateline as
 * published when no markup gave a date, and both as signals of an
 * article (after meta_read, before page_kind). */
void meta_shown(xmlNode *body, struct extract *out, struct page_signals *sig);
/* After the text: the modified time as published when there is no
 * other, and the language by the script of the text when the page did
 * not say or named a language not written in it. */
void meta_finish(struct extract *out);

/* s as an ISO 8601 date or date-time of docs/records.md, into out;
 * 0 on success, -1 when s is no date. */
int meta_iso_date(const char *s, char *out, size_t outsz);

#endif
