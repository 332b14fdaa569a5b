/*
 * body.c: which bodies fetch (and unwarc) take, by what the record
 * expects its URL to be (its "kind", docs/records.md), and the gzip
 * files of sitemaps.
 *
 * A page (no kind, or "article") is HTML or XML; a feed may also be
 * JSON (JSON Feed) or plain text; a sitemap plain text or gzip (a
 * sitemap.xml.gz, inflated here); a robots.txt plain text.  Images,
 * PDFs and archives are refused for every kind.
 */
#include <string.h>
#include <strings.h>

#include <zlib.h>

#include "khobor.h"
#include "body.h"

int
fetch_want(const char *kind, const char *url)
{
	const char *path = NULL;
	static const struct {
		const char *name;
		int want;
	} kinds[] = {
		{ "article", WANT_PAGE }, { "feed", WANT_FEED },
		{ "sitemap", WANT_SITEMAP }, { "robots", WANT_ROBOTS },
	};
	size_t i, n;

	if (kind != NULL)
		for (i = 0; i < sizeof(kinds) / sizeof(*kinds); i++)
			if (strcmp(kind, kinds[i].name) == 0)
				return kinds[i].want;
	/* Without a kind, the path of a robots.txt or of a .xml.gz (a
	 * sitemap, as good as always) says what it is. */
	if (kind == NULL && (path = strstr(url, "://")) != NULL)
		path = strchr(path + 3, '/');
	if (path != NULL) {
		n = strcspn(path, "?#");
		if (n == 11 && strncmp(path, "/robots.txt", 11) == 0)
			return WANT_ROBOTS;
		if (n > 7 && strncasecmp(path + n - 7, ".xml.gz", 7) == 0)
			return WANT_SITEMAP;
	}
	return WANT_PAGE;
}

const char *
fetch_want_name(int want)
{
	switch (want) {
	case WANT_FEED:
		return "a feed";
	case WANT_SITEMAP:
		return "a sitemap";
	case WANT_ROBOTS:
		return "a robots.txt";
	default:
		return "HTML";
	}
}

/* Is the media type ct (a Content-Type value) one of the list?  A
 * "+suffix" entry matches any type ending so. */
static int
media_in(const char *ct, const char *const *list)
{
	size_t n, k;

	while (*ct == ' ' || *ct == '\t')
		ct++;
	n = strcspn(ct, "; \t");
	for (; *list != NULL; list++) {
		k = strlen(*list);
		if (**list == '+') {
			if (n > k && strncasecmp(ct + n - k, *list, k) == 0)
				return 1;
		} else if (n == k && strncasecmp(ct, *list, k) == 0) {
			return 1;
		}
	}
	return 0;
}

int
fetch_accepts(const char *ct, int want)
{
	static const char *const page[] = { "text/html",
	    "application/xhtml+xml", "text/xml", "application/xml", "+xml",
	    NULL };
	static const char *const json[] = { "application/json",
	    "application/feed+json", "+json", "text/plain", NULL };
	static const char *const sitemap[] = { "text/plain",
	    "application/gzip", "application/x-gzip", "application/gzip-compressed",
	    "application/octet-stream", NULL };
	static const char *const robots[] = { "text/plain", NULL };

	if (media_in(ct, page))
		return 1;	/* also a robots.txt sent as text/html */
	switch (want) {
	case WANT_FEED:
		return media_in(ct, json);
	case WANT_SITEMAP:
		return media_in(ct, sitemap);
	case WANT_ROBOTS:
		return media_in(ct, robots);
	default:
		return 0;
	}
}

int
fetch_is_gzip(const char *b, size_t n)
{
	return n >= 2 && (unsigned char)b[0] == 0x1f &&
	    (unsigned char)b[1] == 0x8b;
}

int
fetch_gunzip(const char *in, size_t n, size_t max, char **out,
    size_t *outlen, int *cut)
{
	z_stream z;
	size_t cap = n < max / 4 ? 4 * n + 1024 : max, got = 0;
	char *buf;
	int rc;

	*out = NULL;
	*outlen = 0;
	*cut = 0;
	memset(&z, 0, sizeof(z));
	if (inflateInit2(&z, 16 + MAX_WBITS) != Z_OK)
		return -1;
	buf = kh_malloc(cap + 1);
	z.next_in = (Bytef *)in;
	z.avail_in = n;
	for (;;) {
		if (got == cap) {
			if (cap >= max) {
				*cut = 1;	/* inflates past the cap */
				break;
			}
			cap = cap < max / 2 ? 2 * cap : max;
			buf = kh_realloc(buf, cap + 1);
		}
		z.next_out = (Bytef *)buf + got;
		z.avail_out = cap - got;
		rc = inflate(&z, Z_NO_FLUSH);
		got = cap - z.avail_out;
		if (rc == Z_STREAM_END) {
			/* Members one after another make one file (gzip -c
			 * a b > c); inflateReset keeps where we are. */
			if (z.avail_in > 0 && fetch_is_gzip((const char *)
			    z.next_in, z.avail_in) && inflateReset(&z) == Z_OK)
				continue;
			break;
		}
		if (rc == Z_BUF_ERROR && z.avail_in == 0 && got < cap) {
			*cut = 1;	/* the file ends too soon */
			break;
		}
		if (rc != Z_OK && rc != Z_BUF_ERROR) {
			inflateEnd(&z);
			free(buf);
			return -1;
		}
	}
	inflateEnd(&z);
	*outlen = got;
	buf[got] = '\0';
	*out = buf;
	return 0;
}

/* What a body without a media type is, when it is plainly not text. */
const char *
fetch_sniff(const char *b, size_t n)
{
	static const struct {
		const char *magic;
		size_t len;
		const char *type;
	} sig[] = {
		{ "%PDF-", 5, "application/pdf" },
		{ "\x89PNG", 4, "image/png" },
		{ "GIF8", 4, "image/gif" },
		{ "\xff\xd8\xff", 3, "image/jpeg" },
		{ "PK\x03\x04", 4, "application/zip" },
		{ "\x1f\x8b", 2, "application/gzip" },
	};
	size_t i;

	for (i = 0; i < sizeof(sig) / sizeof(*sig); i++)
		if (n >= sig[i].len && memcmp(b, sig[i].magic, sig[i].len) == 0)
			return sig[i].type;
	if (n >= 2 && ((unsigned char)b[0] == 0xff || (unsigned char)b[0] ==
	    0xfe) && ((unsigned char)b[1] == 0xfe || (unsigned char)b[1] ==
	    0xff))
		return NULL;	/* UTF-16 text has NUL bytes */
	if (memchr(b, '\0', n < 1024 ? n : 1024) != NULL)
		return "application/octet-stream";
	return NULL;
}

