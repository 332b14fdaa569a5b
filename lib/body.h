/*
 * body.h: which bodies a page's record takes (lib/body.c), for fetch and
 * unwarc alike.
 */
#ifndef BODY_H
#define BODY_H

#include <stddef.h>

/* What a record expects its URL to be (its "kind"): what bodies are
 * taken. */
enum { WANT_PAGE, WANT_FEED, WANT_SITEMAP, WANT_ROBOTS };

/* WANT_* for a record's kind (NULL: none) and url; its name in
 * messages ("HTML", "a feed"); is a body of media type ct taken for
 * it?  fetch_gunzip: a gzip file inflated to at most max bytes, into
 * *out (malloc'd, NUL after it); *cut when it went past max or ended
 * too soon; -1 when it is no gzip data. */
int fetch_want(const char *kind, const char *url);
const char *fetch_want_name(int want);
int fetch_accepts(const char *content_type, int want);
int fetch_is_gzip(const char *body, size_t len);
/* The media type of a body sent without one, when it is plainly not
 * text (a PDF, an image, NUL bytes); else NULL. */
const char *fetch_sniff(const char *body, size_t len);
int fetch_gunzip(const char *in, size_t n, size_t max, char **out,
	size_t *outlen, int *cut);

#endif
