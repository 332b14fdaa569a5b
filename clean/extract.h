/*
 * extract.h: the article and its metadata out of one HTML page.
 *
 * No JSON and no I/O: HTML bytes (UTF-8, whatever the page declares) in,
 * strings out, so the extractor can be tested and fuzzed on its own.
 */
#ifndef EXTRACT_H
#define EXTRACT_H

#include <stddef.h>

/* Every field is a malloc'd NUL-terminated UTF-8 string in NFC, or NULL
 * when the page has nothing to say about it. */
struct extract {
	char *title;
	char *text;		/* one paragraph a line, no '\n' at the end */
	size_t text_len;
	char *published;	/* ISO 8601, as docs/records.md says */
	char *modified;
	char *author;		/* names joined with ", " */
	char *lang;		/* BCP 47 */
	char *description;
	char *canonical_url;	/* absolute */
	char *site_name;
	const char *page_kind;	/* static: "article", "forum", ... */
	char *poster;		/* a thread's first poster, the author of a
				 * page that is a forum (internal) */
	int author_seen;	/* author is from the page's markup or
				 * text, not its JSON-LD or <meta> */
};

/* libxml2's global state, made once before threads call extract_html
 * (its xmlInitParser); a program with one thread need not call it. */
void extract_init(void);

/* Extract from html (len bytes, UTF-8; NUL bytes allowed).  url, when
 * not NULL, is the page's address, to make relative links absolute.
 * Returns 0, or -1 when the page could not be parsed at all (out
 * stays empty).  Call extract_free() on out either way. */
int extract_html(const char *html, size_t len, const char *url,
	struct extract *out);
void extract_free(struct extract *out);

/* s (len bytes of UTF-8) in Unicode NFC: a malloc'd string, its length
 * in *outlen. */
char *extract_nfc(const char *s, size_t len, size_t *outlen);

#endif
