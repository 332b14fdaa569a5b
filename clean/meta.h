/*
 * meta.h: a page's metadata (title, dates, author, language, summary,
 * canonical URL, site name) from its <head>, JSON-LD and markup.
 */
#ifndef META_H
#define META_H

#include <libxml/tree.h>

#include "extract.h"

/* Fill out's metadata fields from the parsed page (before the text). */
void meta_read(xmlDoc *doc, xmlNode *root, const char *url,
	struct extract *out);
/* After the text: the visible dateline when no markup gave a date, and
 * the language by the script of the text when the page did not say. */
void meta_finish(xmlNode *body, struct extract *out);

/* s as an ISO 8601 date or date-time of docs/records.md, into out;
 * 0 on success, -1 when s is no date. */
int meta_iso_date(const char *s, char *out, size_t outsz);

#endif
