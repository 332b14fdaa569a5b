/*
 * url.c: libFuzzer target for kh_url_canon() and kh_url_site()
 * (lib/url.c).  The input is a reference alone, or a base, a newline
 * and a reference (the first newline splits them; the reference may
 * hold more).
 *
 * What must hold for every canonical form given back:
 * - it is an absolute http or https URL as docs/records.md has it
 *   (the grammar below): lower-case host of letters, digits, '-', '_'
 *   or an IPv6 literal, no default port, a path without dot segments,
 *   escapes in upper case and none of an unreserved byte, no byte that
 *   may not stand raw, no fragment, no empty or tracking parameter, at
 *   most KH_URL_MAX bytes;
 * - libcurl's URL parser takes it and finds the same host;
 * - it is canonical again: given back unchanged without a base, by
 *   another handle and by its own;
 * - against the base's canonical form the reference gives the same;
 * - written with its escapes of non-ASCII bytes raw and the others in
 *   lower case, it gives the same form (a Bengali path raw and
 *   encoded is one URL);
 * - kh_url_site() gives a suffix of its host, whole labels;
 * - for a reference of plain characters (letters, digits, . / ; = ? &
 *   _ ~ -) libcurl resolves to the same URL once that is made
 *   canonical (RFC 3986 5.2 both), except where curl 7.88 is wrong:
 *   an empty segment ("//") in the reference after its start or in the
 *   base (".//../../g" against http://a/b/c/d: curl http://a/g, RFC
 *   3986 5.2.4 and browsers http://a/b/g), and a query right after a
 *   leading dot segment ("../?y": curl http://a/b?y, RFC http://a/b/?y);
 * - nothing reads out of bounds (ASan, UBSan).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>

#include "khobor.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct kh_url *u, *u2;
static CURLU *cu;

static _Noreturn void
broken(const char *what, const char *base, const char *ref, size_t rlen,
    const char *out)
{
	kh_warn("%s", what);
	kh_warn("base: %.512s", base ? base : "(none)");
	kh_warn("ref:  %.*s", rlen > 512 ? 512 : (int)rlen, ref);
	kh_warn("out:  %.512s", out ? out : "(none)");
	abort();
}

static int
unreserved(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' ||
	    c == '~';
}

static int
uphex(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

/* The byte of the upper-case escape at s ("%E0"). */
static int
escaped(const char *s)
{
	return (s[1] <= '9' ? s[1] - '0' : s[1] - 'A' + 10) << 4 |
	    (s[2] <= '9' ? s[2] - '0' : s[2] - 'A' + 10);
}

/* Bytes of a path or query: NULL if all may stand there. */
static const char *
bad_chars(const char *s, const char *e, int query)
{
	for (; s < e; s++) {
		if (*s == '%') {
			if (e - s < 3 || !uphex(s[1]) || !uphex(s[2]))
				return "a '%' not of an upper-case escape";
			if (unreserved(escaped(s)))
				return "an escape of an unreserved byte";
			s += 2;
		} else if (!unreserved(*s) && !strchr("!$&'()*+,;=:@/[]", *s) &&
		    !(query && *s == '?')) {
			return "a byte that may not stand raw";
		}
	}
	return NULL;
}

static const char *const tracking[] = {
	"fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid",
	"mc_cid", "mc_eid", "igshid", "_ga", "_gl", "ref_src", "_hsenc",
	"_hsmi", "mkt_tok"
};

/* The canonical form s[0..n): NULL, or what is wrong.  *host, *hlen:
 * its host. */
static const char *
not_canonical(const char *s, size_t n, const char **host, size_t *hlen)
{
	const char *p = s, *e = s + n, *h, *q, *seg, *w;
	unsigned long port = 0;
	size_t label;
	int https;

	if (strlen(s) != n)
		return "length is not the string's";
	if (n > KH_URL_MAX)
		return "longer than KH_URL_MAX";
	if (strncmp(s, "http://", 7) == 0)
		https = 0, p += 7;
	else if (strncmp(s, "https://", 8) == 0)
		https = 1, p += 8;
	else
		return "not http:// or https://";
	h = p;
	if (*p == '[') {
		for (p++; p < e && ((*p >= '0' && *p <= '9') ||
		    (*p >= 'a' && *p <= 'f') || *p == ':' || *p == '.'); p++)
			;
		if (p == e || *p++ != ']')
			return "bad IPv6 literal";
	} else {
		for (label = 0; p < e && *p != ':' && *p != '/'; p++) {
			if (*p == '.') {
				if (label == 0)
					return "empty label";
				label = 0;
			} else if ((*p >= 'a' && *p <= 'z') ||
			    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_') {
				if (++label > 63)
					return "label over 63 bytes";
			} else {
				return "a byte that may not stand in a host";
			}
		}
		if (label == 0)
			return "empty last label";
		if (p - h > 253)
			return "host over 253 bytes";
	}
	*host = h;
	*hlen = p - h;
	if (*p == ':') {
		if (*++p == '0')
			return "port with a leading zero";
		for (; p < e && *p >= '0' && *p <= '9'; p++)
			if ((port = port * 10 + (*p - '0')) > 65535)
				return "port over 65535";
		if (port == 0 || port == (https ? 443u : 80u))
			return "no port, or the default";
	}
	if (*p != '/')
		return "no path";
	q = memchr(p, '?', e - p);
	if ((w = bad_chars(p, q ? q : e, 0)) != NULL)
		return w;
	for (seg = p; seg < (q ? q : e); ) {
		const char *se = ++seg;

		while (se < (q ? q : e) && *se != '/')
			se++;
		if ((se - seg == 1 && seg[0] == '.') ||
		    (se - seg == 2 && seg[0] == '.' && seg[1] == '.'))
			return "a dot segment";
		seg = se;
	}
	if (q == NULL)
		return NULL;
	if ((w = bad_chars(q + 1, e, 1)) != NULL)
		return w;
	for (p = q + 1; p <= e; p = seg + 1) {
		size_t m, k;

		seg = memchr(p, '&', e - p);
		seg = seg ? seg : e;
		if (seg == p)
			return "an empty parameter, or an empty query";
		m = (w = memchr(p, '=', seg - p)) ? (size_t)(w - p) :
		    (size_t)(seg - p);
		if (m >= 4 && strncasecmp(p, "utm_", 4) == 0)
			return "a utm_ parameter";
		for (k = 0; k < sizeof tracking / sizeof tracking[0]; k++)
			if (strlen(tracking[k]) == m &&
			    strncasecmp(p, tracking[k], m) == 0)
				return "a tracking parameter";
	}
	return NULL;
}

/* s[0..n) with its escapes of non-ASCII bytes written raw and the
 * others in lower case: NULL if that is canonically s, else what is
 * wrong. */
static const char *
raw_differs(const char *s, size_t n)
{
	char *t = malloc(n + 1), *p = t;
	const char *c, *err, *why = NULL;
	size_t len;
	int v;

	if (t == NULL)
		abort();
	for (size_t i = 0; i < n; i++) {
		if (s[i] != '%' || i + 2 >= n) {
			*p++ = s[i];
			continue;
		}
		if ((v = escaped(s + i)) >= 0x80) {
			*p++ = (char)v;
		} else {
			*p++ = '%';
			*p++ = s[i + 1] | 0x20;
			*p++ = s[i + 2] | 0x20;
		}
		i += 2;
	}
	if ((c = kh_url_canon(u2, t, p - t, NULL, &len, &err)) == NULL ||
	    len != n || memcmp(c, s, n) != 0)
		why = "written with raw and lower-case escapes it differs";
	free(t);
	return why;
}

/* libcurl's URL parser on s: NULL, or what is wrong. */
static const char *
curl_disagrees(const char *s, const char *host, size_t hlen)
{
	char *h = NULL;
	const char *why = NULL;

	if (curl_url_set(cu, CURLUPART_URL, s, 0) != CURLUE_OK)
		return "libcurl does not take it";
	if (curl_url_get(cu, CURLUPART_HOST, &h, 0) != CURLUE_OK ||
	    strlen(h) != hlen || memcmp(h, host, hlen) != 0)
		why = "libcurl finds another host";
	curl_free(h);
	return why;
}

/* For a reference of plain characters, libcurl's resolution against
 * the canonical base, made canonical: NULL if it is out, or it does not
 * apply. */
static const char *
curl_resolves(const char *base, const char *ref, size_t rlen,
    const char *out)
{
	char *r, *got = NULL;
	const char *c, *err, *why = NULL;
	size_t len;

	if (rlen == 0 || strstr(base + sizeof "https:/", "//") != NULL)
		return NULL;
	for (size_t i = 0; i < rlen; i++)
		if (ref[i] == '\0' || (i > 0 && ref[i] == '/' &&
		    ref[i - 1] == '/') || (i > 1 && ref[i] == '?' &&
		    ref[i - 1] == '/' && ref[i - 2] == '.') || strchr("abcdefghijklmnopqrstuvwxyz"
		    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789./;=?&_~-", ref[i]) ==
		    NULL)
			return NULL;
	r = malloc(rlen + 1);
	if (r == NULL)
		abort();
	memcpy(r, ref, rlen);
	r[rlen] = '\0';
	if (curl_url_set(cu, CURLUPART_URL, base, 0) == CURLUE_OK &&
	    curl_url_set(cu, CURLUPART_URL, r, 0) == CURLUE_OK &&
	    curl_url_get(cu, CURLUPART_URL, &got, 0) == CURLUE_OK &&
	    ((c = kh_url_canon(u2, got, strlen(got), NULL, &len, &err)) ==
	    NULL || strcmp(c, out) != 0))
		why = "libcurl resolves it to another URL";
	curl_free(got);
	free(r);
	return why;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *ref = (const char *)data, *nl, *out, *again, *err, *cb;
	const char *why, *host, *site;
	char *base = NULL, *r, *canon_base = NULL, *o = NULL;
	size_t rlen = size, len, len2, hlen, slen;

	if (u == NULL) {
		u = kh_url_new();
		u2 = kh_url_new();
		if ((cu = curl_url()) == NULL)
			abort();
	}
	if ((nl = memchr(data, '\n', size)) != NULL) {
		base = strndup(ref, nl - ref);
		if (base == NULL)
			abort();
		rlen = size - (nl - ref) - 1;
		ref = nl + 1;
	}
	/* a copy of its exact size, so ASan sees a read past it */
	if ((r = malloc(rlen > 0 ? rlen : 1)) == NULL)
		abort();
	memcpy(r, ref, rlen);
	if (base != NULL && (cb = kh_url_canon(u2, base, strlen(base), NULL, &len, &err)) !=
	    NULL && (canon_base = strdup(cb)) == NULL)
		abort();
	out = kh_url_canon(u, r, rlen, base, &len, &err);
	if (out == NULL) {
		if (err == NULL || *err == '\0')
			broken("a refusal without a message", base, r, rlen,
			    NULL);
		goto done;
	}
	if ((o = strdup(out)) == NULL)
		abort();
	if ((why = not_canonical(o, len, &host, &hlen)) != NULL ||
	    (why = curl_disagrees(o, host, hlen)) != NULL ||
	    (why = raw_differs(o, len)) != NULL)
		broken(why, base, r, rlen, o);
	if ((again = kh_url_canon(u2, o, len, NULL, &len2, &err)) == NULL ||
	    len2 != len || strcmp(again, o) != 0)
		broken("not canonical again", base, r, rlen, o);
	/* given back to its own handle, which writes where it reads */
	if ((again = kh_url_canon(u, out, len, NULL, &len2, &err)) == NULL ||
	    len2 != len || strcmp(again, o) != 0)
		broken("not canonical again on its own handle", base, r, rlen,
		    o);
	if (canon_base != NULL &&
	    ((again = kh_url_canon(u2, r, rlen, canon_base, &len2, &err)) ==
	    NULL || strcmp(again, o) != 0))
		broken("the canonical base gives another URL", base, r, rlen,
		    o);
	if ((site = kh_url_site(u, o, &slen)) == NULL || slen > hlen ||
	    memcmp(site, host + hlen - slen, slen) != 0 ||
	    (slen < hlen && host[hlen - slen - 1] != '.'))
		broken("kh_url_site: not the host or a suffix of labels", base,
		    r, rlen, o);
	if (canon_base != NULL &&
	    (why = curl_resolves(canon_base, r, rlen, o)) != NULL)
		broken(why, base, r, rlen, o);
done:
	free(o);
	free(canon_base);
	free(r);
	free(base);
	return 0;
}
