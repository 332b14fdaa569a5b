/*
 * url-tmp.c: TEMPORARY stand-in for lib/url.c (kh_url_canon,
 * kh_url_site), which is being written on another branch with this
 * interface.  Enough of docs/records.md's "Canonical URLs" for links'
 * tests, on libcurl's URL parser, and a registered domain from a small
 * list of second-level suffixes instead of the Public Suffix List.
 * Remove this file from links_SRCS (and its declarations from
 * links/links.h) when lib/url.c lands.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "links.h"

#define URL_MAX 8192

struct kh_url {
	CURLU *h, *base;	/* base: the last base, parsed */
	char *lastbase;
	struct buf out;
	char *in;
	size_t incap;
};

struct kh_url *
kh_url_new(void)
{
	struct kh_url *u = kh_malloc(sizeof(*u));

	memset(u, 0, sizeof(*u));
	if ((u->h = curl_url()) == NULL)
		kh_die("curl_url: out of memory");
	return u;
}

void
kh_url_free(struct kh_url *u)
{
	if (u == NULL)
		return;
	curl_url_cleanup(u->h);
	curl_url_cleanup(u->base);
	free(u->lastbase);
	free(u->out.s);
	free(u->in);
	free(u);
}

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

static int
unreserved(int c)
{
	return isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

/* s[0..n) with its percent-encoding normalised (rule 6). */
static void
pct_norm(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	char e[3];

	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];
		int hi, lo;

		if (c == '%' && i + 2 < n && (hi = hexval(s[i + 1])) >= 0 &&
		    (lo = hexval(s[i + 2])) >= 0) {
			c = hi << 4 | lo;
			i += 2;
			if (unreserved(c)) {
				buf_add(b, (char *)&c, 1);
				continue;
			}
		} else if (c != '%' && c > ' ' && c < 0x7f &&
		    strchr("\"<>\\^`{|}", c) == NULL) {
			buf_add(b, (char *)&c, 1);
			continue;
		}
		e[0] = '%';
		e[1] = hex[c >> 4];
		e[2] = hex[c & 15];
		buf_add(b, e, 3);
	}
}

/* Is the query parameter name[0..n) a tracker (rule 5)? */
static int
tracker(const char *name, size_t n)
{
	static const char *const names[] = { "fbclid", "gclid", "dclid",
	    "gbraid", "wbraid", "msclkid", "yclid", "mc_cid", "mc_eid",
	    "igshid", "_ga", "_gl", "ref_src", "_hsenc", "_hsmi", "mkt_tok",
	    NULL };

	if (n >= 4 && strncmp(name, "utm_", 4) == 0)
		return 1;
	for (const char *const *p = names; *p; p++)
		if (strlen(*p) == n && memcmp(*p, name, n) == 0)
			return 1;
	return 0;
}

static void
query_norm(struct buf *b, const char *q)
{
	size_t start = b->len, n;
	const char *amp, *eq;
	int any = 0;

	buf_add(b, "?", 1);
	for (; ; q = amp + 1) {
		amp = strchr(q, '&');
		n = amp ? (size_t)(amp - q) : strlen(q);
		eq = memchr(q, '=', n);
		if (n > 0 && !tracker(q, eq ? (size_t)(eq - q) : n)) {
			if (any)
				buf_add(b, "&", 1);
			pct_norm(b, q, n);
			any = 1;
		}
		if (amp == NULL)
			break;
	}
	if (!any)
		b->len = start;
}

const char *
kh_url_canon(struct kh_url *u, const char *ref, size_t reflen,
    const char *base, size_t *len, const char **err)
{
	char *scheme = NULL, *host = NULL, *port = NULL, *path = NULL,
	    *query = NULL;
	const char *ret = NULL;
	size_t i, n = 0, hl;
	CURLUcode rc;

	*err = NULL;
	/* What browsers do with an href: surrounding blanks dropped, tabs
	 * and newlines inside removed. */
	while (reflen > 0 && (unsigned char)*ref <= ' ')
		ref++, reflen--;
	while (reflen > 0 && (unsigned char)ref[reflen - 1] <= ' ')
		reflen--;
	if (reflen == 0)
		return *err = "empty URL", NULL;
	if (reflen > URL_MAX)
		return *err = "URL longer than 8192 bytes", NULL;
	if (u->incap < reflen + 1)
		u->in = kh_realloc(u->in, u->incap = reflen + 1);
	for (i = 0; i < reflen; i++)
		if (ref[i] != '\t' && ref[i] != '\n' && ref[i] != '\r')
			u->in[n++] = ref[i];
	u->in[n] = '\0';
	if (memchr(u->in, '\0', n) != NULL || strlen(u->in) != n)
		return *err = "NUL in URL", NULL;
	for (i = 0; isalnum((unsigned char)u->in[i]) || u->in[i] == '+' ||
	    u->in[i] == '-' || u->in[i] == '.'; i++)
		;
	if (i > 0 && u->in[i] == ':' && isalpha((unsigned char)u->in[0]) &&
	    !(i == 4 && strncasecmp(u->in, "http", 4) == 0) &&
	    !(i == 5 && strncasecmp(u->in, "https", 5) == 0))
		return *err = "not an http or https URL", NULL;
	if (base == NULL && !(i > 0 && u->in[i] == ':'))
		return *err = "relative URL without a base", NULL;
	/* a page's links share its base: parsed once */
	if (base != NULL && (u->lastbase == NULL ||
	    strcmp(u->lastbase, base) != 0)) {
		free(u->lastbase);
		u->lastbase = NULL;
		curl_url_cleanup(u->base);
		if ((u->base = curl_url()) == NULL)
			kh_die("curl_url: out of memory");
		if (curl_url_set(u->base, CURLUPART_URL, base, 0) != CURLUE_OK)
			return *err = "bad base URL", NULL;
		u->lastbase = strdup(base);
		if (u->lastbase == NULL)
			kh_die("strdup:");
	}
	curl_url_cleanup(u->h);
	u->h = base != NULL ? curl_url_dup(u->base) : curl_url();
	if (u->h == NULL)
		kh_die("curl_url: out of memory");
	rc = curl_url_set(u->h, CURLUPART_URL, u->in, CURLU_ALLOW_SPACE);
	if (rc != CURLUE_OK)
		return *err = curl_url_strerror(rc), NULL;
	if (curl_url_get(u->h, CURLUPART_SCHEME, &scheme, 0) != CURLUE_OK ||
	    (strcasecmp(scheme, "http") != 0 &&
	    strcasecmp(scheme, "https") != 0)) {
		*err = "not an http or https URL";
		goto out;
	}
	if (curl_url_get(u->h, CURLUPART_HOST, &host, CURLU_PUNYCODE) !=
	    CURLUE_OK || *host == '\0') {
		*err = "no host";
		goto out;
	}
	curl_url_get(u->h, CURLUPART_PORT, &port, CURLU_NO_DEFAULT_PORT);
	curl_url_get(u->h, CURLUPART_PATH, &path, 0);
	curl_url_get(u->h, CURLUPART_QUERY, &query, 0);

	u->out.len = 0;
	for (char *p = scheme; *p; p++)
		*p = tolower((unsigned char)*p);
	buf_add(&u->out, scheme, strlen(scheme));
	buf_add(&u->out, "://", 3);
	hl = strlen(host);
	while (hl > 0 && host[hl - 1] == '.')
		hl--;
	if (hl == 0) {
		*err = "no host";
		goto out;
	}
	for (i = 0; i < hl; i++)
		host[i] = tolower((unsigned char)host[i]);
	buf_add(&u->out, host, hl);
	if (port != NULL && *port != '\0' &&
	    !(strcmp(scheme, "http") == 0 && strcmp(port, "80") == 0) &&
	    !(strcmp(scheme, "https") == 0 && strcmp(port, "443") == 0)) {
		buf_add(&u->out, ":", 1);
		buf_add(&u->out, port, strlen(port));
	}
	if (path == NULL || *path == '\0')
		buf_add(&u->out, "/", 1);
	else
		pct_norm(&u->out, path, strlen(path));
	if (query != NULL && *query != '\0')
		query_norm(&u->out, query);
	if (u->out.len > URL_MAX) {
		*err = "URL longer than 8192 bytes";
		goto out;
	}
	buf_add(&u->out, "", 1);
	u->out.len--;
	*len = u->out.len;
	ret = u->out.s;
out:
	curl_free(scheme);
	curl_free(host);
	curl_free(port);
	curl_free(path);
	curl_free(query);
	return ret;
}

/* The registered domain: the last two labels of the host, or three
 * when the second-last is a common second-level suffix of a country
 * (com.bd, co.in, gov.uk, ...).  An address is itself. */
static int
sld(const char *s, size_t n)
{
	static const char *const names[] = { "com", "co", "net", "org",
	    "gov", "edu", "ac", "mil", "info", "gen", "ind", "nic", "res",
	    "firm", "biz", "ltd", "plc", "nom", "sch", "or", "ne", "go",
	    NULL };

	for (const char *const *p = names; *p; p++)
		if (strlen(*p) == n && memcmp(*p, s, n) == 0)
			return 1;
	return 0;
}

const char *
kh_url_site(struct kh_url *u, const char *url, size_t *len)
{
	const char *h, *e, *p, *d[3] = { NULL, NULL, NULL }, *start;
	int k = 0, ip = 1;

	if ((h = strstr(url, "://")) == NULL)
		return NULL;
	h += 3;
	e = h + strcspn(h, "/:?#");
	if (e == h)
		return NULL;
	for (p = h; p < e; p++)
		if (!isdigit((unsigned char)*p) && *p != '.')
			ip = 0;
	start = h;
	if (*h != '[' && !ip) {
		for (p = e; p > h && k < 3; p--)
			if (p[-1] == '.')
				d[k++] = p - 1;
		if (k >= 2) {
			start = d[1] + 1;
			if (e - d[0] - 1 == 2 && sld(start, d[0] - start))
				start = k == 3 ? d[2] + 1 : h;
		}
	}
	u->out.len = 0;
	buf_add(&u->out, start, e - start);
	buf_add(&u->out, "", 1);
	*len = e - start;
	return u->out.s;
}
