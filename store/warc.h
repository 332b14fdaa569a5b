/*
 * warc.h: khobor records as a WARC 1.1 file (ISO 28500:2017), each WARC
 * record compressed as its own gzip member (.warc.gz).
 */
#ifndef WARC_H
#define WARC_H

#include <stdio.h>

struct json_object;
struct warc;

/* Start a WARC file on out: writes a warcinfo record (software "khobor",
 * format "WARC File Format 1.1"; WARC-Filename when filename is not
 * NULL).  Returns NULL on a write error (errno set). */
struct warc *warc_open(FILE *out, const char *filename);
/* Write the WARC records for one khobor record: a `response` record when
 * it has `html` (an HTTP/1.1 response block rebuilt from status,
 * content_type, etag, last_modified and the html as UTF-8 body, Content-
 * Type application/http;msgtype=response; a `resource` record of
 * text/html when there is no status, as for file: URLs); a `conversion`
 * record when it has `text` (Content-Type text/plain; charset=utf-8, like
 * Common Crawl's WET, WARC-Refers-To the response's record id when there
 * is one); a `metadata` record with the clean/tag fields that are
 * present (title, published, modified, author, lang, description,
 * canonical_url, site_name, dates, entities) as application/json (one
 * compact JSON object), WARC-Refers-To the response.  Records without
 * url are skipped with return 1.  Returns 0 ok, -1 on write error (errno
 * set); after an error every call fails. */
int warc_write(struct warc *w, struct json_object *rec);
/* Flush; returns -1 on a write error.  Frees w. */
int warc_close(struct warc *w);

#endif
