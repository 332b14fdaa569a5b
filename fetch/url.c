/*
 * url.c: URLs and addresses as fetch meets them.
 *
 * A URL from input or from a Location header is cleaned as browsers
 * clean it (WHATWG URL: blanks around it dropped, tabs and newlines in
 * it dropped, other bytes a URL cannot hold percent-encoded), so every
 * final_url fetch writes is one a reader can take.  The kind of an
 * address (loopback, link-local, private) decides where a redirect may
 * lead (sched.c).
 */
#include <arpa/inet.h>
#include <ctype.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "khobor.h"
#include "fetch.h"

/* Bytes a URL cannot hold: blanks, controls, DEL and all of 8 bits. */
static int
bad_byte(unsigned char c)
{
	return c <= ' ' || c >= 0x7f;
}

char *
url_clean(const char *in)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *s = (const unsigned char *)in;
	size_t n = strlen(in), i, o = 0, len, host_end = 0;
	const unsigned char *p;
	char *out;

	while (n > 0 && s[0] <= ' ') {
		s++;
		n--;
	}
	while (n > 0 && s[n - 1] <= ' ')
		n--;
	/* The authority, after "scheme://": a name in UTF-8 stays as it is
	 * (libcurl converts it with IDNA); elsewhere such bytes are
	 * escaped. */
	for (p = s; p < s + n && (isalnum(*p) || strchr("+-.", *p)); p++)
		;
	if (p > s && p + 2 < s + n && p[0] == ':' && p[1] == '/' &&
	    p[2] == '/') {
		host_end = p + 3 - s;
		while (host_end < n && strchr("/?#", s[host_end]) == NULL)
			host_end++;
	}
	out = kh_malloc(3 * n + 1);
	for (i = 0; i < n; i += len) {
		len = 1;
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
			continue;
		if (!bad_byte(s[i])) {
			out[o++] = s[i];
			continue;
		}
		if (i < host_end && s[i] >= 0x80 &&
		    kh_utf8_next(s + i, n - i, &len) != 0xfffd) {
			memcpy(out + o, s + i, len);
			o += len;
			continue;
		}
		len = 1;
		out[o++] = '%';
		out[o++] = hex[s[i] >> 4];
		out[o++] = hex[s[i] & 15];
	}
	out[o] = '\0';
	return out;
}

int
url_other_scheme(const char *ref)
{
	const unsigned char *s = (const unsigned char *)ref, *p;

	while (*s != '\0' && *s <= ' ')
		s++;
	if (!isalpha(*s))
		return 0;
	for (p = s; isalnum(*p) || (*p != '\0' && strchr("+-.", *p)); p++)
		;
	if (*p != ':')
		return 0;
	return !((p - s == 4 && strncasecmp((const char *)s, "http", 4) ==
	    0) || (p - s == 5 && strncasecmp((const char *)s, "https", 5) ==
	    0));
}

char *
url_resolve(const char *base, const char *ref)
{
	CURLU *u = curl_url();
	char *clean = url_clean(ref), *got = NULL, *ret = NULL;

	if (u == NULL)
		kh_die("out of memory");
	if (curl_url_set(u, CURLUPART_URL, base, CURLU_NON_SUPPORT_SCHEME) ==
	    CURLUE_OK && curl_url_set(u, CURLUPART_URL, clean,
	    CURLU_NON_SUPPORT_SCHEME) == CURLUE_OK && curl_url_get(u,
	    CURLUPART_URL, &got, 0) == CURLUE_OK)
		ret = url_clean(got);	/* a name in UTF-8 stays UTF-8 */
	curl_free(got);
	curl_url_cleanup(u);
	free(clean);
	return ret;
}

int
url_split(const char *url, char *scheme, size_t ssz, char *key, size_t ksz,
    char **path, const char **err)
{
	CURLU *u = curl_url();
	char *sch = NULL, *host = NULL, *port = NULL, *p = NULL, *q = NULL;
	int ret = -1;
	size_t i;

	*path = NULL;
	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME) !=
	    CURLUE_OK || curl_url_get(u, CURLUPART_SCHEME, &sch, 0) !=
	    CURLUE_OK) {
		*err = "not a valid absolute URL";
		goto out;
	}
	snprintf(scheme, ssz, "%s", sch);
	for (i = 0; scheme[i] != '\0'; i++)
		scheme[i] = tolower((unsigned char)scheme[i]);
	if (strcmp(scheme, "file") == 0) {
		snprintf(key, ksz, "file:");
		ret = 0;
		goto out;
	}
	if (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0) {
		*err = "unsupported URL scheme (http, https and file only)";
		goto out;
	}
	if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) !=
	    CURLUE_OK) {
		*err = "no host in the URL";
		goto out;
	}
	for (i = 0; host[i] != '\0'; i++)
		host[i] = tolower((unsigned char)host[i]);
	snprintf(key, ksz, "%s://%s:%s", scheme, host, port);
	curl_url_get(u, CURLUPART_PATH, &p, 0);
	curl_url_get(u, CURLUPART_QUERY, &q, 0);
	i = strlen(p != NULL ? p : "/") + (q != NULL ? strlen(q) + 1 : 0) + 1;
	*path = kh_malloc(i);
	snprintf(*path, i, "%s%s%s", p != NULL ? p : "/", q != NULL ? "?" : "",
	    q != NULL ? q : "");
	ret = 0;
out:
	curl_free(sch);
	curl_free(host);
	curl_free(port);
	curl_free(p);
	curl_free(q);
	curl_url_cleanup(u);
	return ret;
}

char *
url_file_path(const char *url)
{
	CURLU *u = curl_url();
	char *p = NULL, *ret = NULL;

	if (curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
	    curl_url_get(u, CURLUPART_PATH, &p, CURLU_URLDECODE) ==
	    CURLUE_OK && p != NULL)
		ret = strdup(p);
	curl_free(p);
	curl_url_cleanup(u);
	return ret;
}

/* The kind of an IPv4 address, in network order. */
static int
kind4(const unsigned char *a)
{
	if (a[0] == 127 || a[0] == 0)	/* 0.0.0.0 reaches this machine */
		return ADDR_LOOPBACK;
	if (a[0] == 169 && a[1] == 254)
		return ADDR_LINK_LOCAL;
	if (a[0] == 10 || (a[0] == 172 && (a[1] & 0xf0) == 16) ||
	    (a[0] == 192 && a[1] == 168) ||
	    (a[0] == 100 && (a[1] & 0xc0) == 64))	/* shared, RFC 6598 */
		return ADDR_PRIVATE;
	return ADDR_PUBLIC;
}

int
addr_kind(int family, const void *addr)
{
	static const unsigned char mapped[12] = { [10] = 0xff, [11] = 0xff };
	static const unsigned char nat64[12] = { 0, 0x64, 0xff, 0x9b };
	static const unsigned char zero[12];
	const unsigned char *a = addr;

	if (family == AF_INET)
		return kind4(a);
	if (family != AF_INET6)
		return ADDR_PUBLIC;
	/* An IPv4 address inside an IPv6 one is what it holds. */
	if (memcmp(a, mapped, 12) == 0 || memcmp(a, nat64, 12) == 0 ||
	    memcmp(a, zero, 12) == 0)
		return kind4(a + 12);
	if ((a[0] & 0xfe) == 0xfc)
		return ADDR_PRIVATE;		/* fc00::/7 */
	if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80)
		return ADDR_LINK_LOCAL;		/* fe80::/10 */
	return ADDR_PUBLIC;
}

int
addr_kind_str(const char *ip)
{
	unsigned char a[16];

	if (inet_pton(AF_INET, ip, a) == 1)
		return addr_kind(AF_INET, a);
	if (inet_pton(AF_INET6, ip, a) == 1)
		return addr_kind(AF_INET6, a);
	return ADDR_PUBLIC;
}

const char *
addr_kind_name(int kind)
{
	switch (kind) {
	case ADDR_LOOPBACK:
		return "loopback";
	case ADDR_LINK_LOCAL:
		return "link-local";
	case ADDR_PRIVATE:
		return "private";
	default:
		return "public";
	}
}
