/*
 * url.c: the canonical form of a URL (docs/records.md, "Canonical
 * URLs") and the registered domain of its host.
 *
 * The parser, the resolution (RFC 3986 section 5.2, read as browsers
 * read http URLs: WHATWG URL Standard) and the normalisation are written
 * here by hand.  libcurl's URL API was measured and left out: on curl
 * 7.88 it resolves "" and "#f" against the base's folder instead of the
 * base, keeps lower-case escapes, host case, ":0080" and backslashes,
 * and with an allocation for every part it gives some 200,000 URLs a
 * second where links needs over a million.  ICU maps international
 * host names (UTS #46); libpsl knows the Public Suffix List.  Both are
 * loaded (dlopen) when a URL first needs them, a host that is not ASCII
 * or a site: loading them at start is two thirds of the time a short
 * command that canonicalises ASCII URLs (store get) takes, 2.6M of its
 * 3.5M instructions.  They must be installed (libpsl5 comes with
 * libcurl4 on Debian, so it is there wherever fetch runs); a program
 * may link them too.
 *
 * No allocation for a URL once the handle's buffers have grown to the
 * longest URL seen; the last base is kept in canonical form, since a
 * page's links all come with the same one.
 */
#include <arpa/inet.h>
#include <dlfcn.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <libpsl.h>
#include <unicode/uidna.h>
#include <unicode/uvernum.h>

#include "khobor.h"

/* ICU's and libpsl's functions, once loaded.  ICU's names carry its
 * version (uidna_openUTS46 is uidna_openUTS46_72): the macros give
 * them. */
#define NAME_(x) #x
#define NAME(x) NAME_(x)
static const char icu_lib[] = "libicuuc.so." NAME(U_ICU_VERSION_MAJOR_NUM);
static const char psl_lib[] = "libpsl.so.5";
static struct {
	UIDNA *(*open)(uint32_t, UErrorCode *);
	int32_t (*to_ascii)(const UIDNA *, const char *, int32_t, char *,
	    int32_t, UIDNAInfo *, UErrorCode *);
	void (*close)(UIDNA *);
	const char *(*error)(UErrorCode);
} icu;
static struct {
	psl_ctx_t *(*latest)(const char *);
	const psl_ctx_t *(*builtin)(void);
	const char *(*registrable)(const psl_ctx_t *, const char *);
	void (*free)(psl_ctx_t *);
} psl;
static pthread_once_t icu_once = PTHREAD_ONCE_INIT;
static pthread_once_t psl_once = PTHREAD_ONCE_INIT;

static void *
dl_open(const char *lib)
{
	void *h = dlopen(lib, RTLD_NOW | RTLD_LOCAL);

	if (h == NULL)
		kh_die("%s", dlerror());
	return h;
}

static void *
dl_sym(void *h, const char *lib, const char *name)
{
	void *f = dlsym(h, name);

	if (f == NULL)
		kh_die("%s: %s", lib, dlerror());
	return f;
}

static void
icu_load(void)
{
	void *h = dl_open(icu_lib);

	icu.open = dl_sym(h, icu_lib, NAME(uidna_openUTS46));
	icu.to_ascii = dl_sym(h, icu_lib, NAME(uidna_nameToASCII_UTF8));
	icu.close = dl_sym(h, icu_lib, NAME(uidna_close));
	icu.error = dl_sym(h, icu_lib, NAME(u_errorName));
}

static void
psl_load(void)
{
	void *h = dl_open(psl_lib);

	psl.latest = dl_sym(h, psl_lib, "psl_latest");
	psl.builtin = dl_sym(h, psl_lib, "psl_builtin");
	psl.registrable = dl_sym(h, psl_lib, "psl_registrable_domain");
	psl.free = dl_sym(h, psl_lib, "psl_free");
}

#define HOST_MAX 253		/* a DNS name, without the trailing dot */
#define LABEL_MAX 63
#define HOST_IN_MAX 1024	/* a host before IDNA mapping, decoded */
/* Room for scheme, "://", host (or an IPv6 literal), ":port", '/'. */
#define AUTH_ROOM (sizeof "https://" + HOST_MAX + sizeof ":65535/" + 8)

struct buf {
	char *p;
	size_t cap;
};

struct base {
	struct buf in;		/* the base as given, NUL-terminated */
	struct buf s;		/* its canonical form */
	size_t len;
	const char *err;	/* why it has none, or NULL */
	int https;
	size_t path, query, dir; /* where its path starts, its '?' (or
				 * len), the last '/' of its path */
};

struct kh_url {
	struct buf out;		/* the result */
	struct buf given;	/* a reference that was the last result */
	struct buf tmp;		/* the reference without tabs, newlines */
	struct buf host;	/* a host, percent-decoded */
	char ace[HOST_IN_MAX];	/* a host, IDNA-mapped */
	struct buf site;
	struct base base;
	int have_base;
	UIDNA *idna;
	const psl_ctx_t *psl;
	psl_ctx_t *psl_own;	/* psl when loaded from a file */
};

/* Byte classes. */
enum {
	C_ENC = 1,	/* percent-encoded when raw in a path or query */
	C_UNRES = 2,	/* unreserved: an escape of it is decoded */
	C_HEX = 4,
	C_SCHEME = 8,	/* may follow a scheme's first letter */
	C_HOST = 16,	/* may stand in a host name label (lower case) */
	C_END = 32	/* ends an authority: / \ ? # */
};

static const unsigned char cls[256] = {
	[0x00 ... 0x20] = C_ENC,
	['"'] = C_ENC, ['#'] = C_END, ['%'] = 0, ['+'] = C_SCHEME,
	['-'] = C_UNRES | C_SCHEME | C_HOST, ['.'] = C_UNRES | C_SCHEME,
	['/'] = C_END,
	['0' ... '9'] = C_UNRES | C_HEX | C_SCHEME | C_HOST,
	['<'] = C_ENC, ['>'] = C_ENC, ['?'] = C_END,
	['A' ... 'F'] = C_UNRES | C_HEX | C_SCHEME,
	['G' ... 'Z'] = C_UNRES | C_SCHEME,
	['\\'] = C_ENC | C_END, ['^'] = C_ENC, ['_'] = C_UNRES | C_HOST,
	['`'] = C_ENC,
	['a' ... 'f'] = C_UNRES | C_HEX | C_SCHEME | C_HOST,
	['g' ... 'z'] = C_UNRES | C_SCHEME | C_HOST,
	['{'] = C_ENC, ['|'] = C_ENC, ['}'] = C_ENC, ['~'] = C_UNRES,
	[0x7f ... 0xff] = C_ENC
};

static const char hexdig[] = "0123456789ABCDEF";

/* Tracking parameters: compared without regard to ASCII case; "utm_"
 * is a prefix. */
static const struct {
	const char *name;
	size_t len;
} tracking[] = {
#define T(s) { s, sizeof s - 1 }
	T("fbclid"), T("gclid"), T("dclid"), T("gbraid"), T("wbraid"),
	T("msclkid"), T("yclid"), T("mc_cid"), T("mc_eid"), T("igshid"),
	T("_ga"), T("_gl"), T("ref_src"), T("_hsenc"), T("_hsmi"),
	T("mkt_tok")
#undef T
};

static int
hexval(unsigned char c)
{
	return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
}

static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

static void
reserve(struct buf *b, size_t n)
{
	if (n <= b->cap)
		return;
	b->cap = n < 256 ? 256 : n;
	b->p = kh_realloc(b->p, b->cap);
}

struct kh_url *
kh_url_new(void)
{
	struct kh_url *u = kh_malloc(sizeof *u);

	memset(u, 0, sizeof *u);
	return u;
}

void
kh_url_free(struct kh_url *u)
{
	if (u == NULL)
		return;
	free(u->out.p);
	free(u->given.p);
	free(u->tmp.p);
	free(u->host.p);
	free(u->site.p);
	free(u->base.in.p);
	free(u->base.s.p);
	if (u->idna != NULL)
		icu.close(u->idna);
	if (u->psl_own != NULL)
		psl.free(u->psl_own);
	free(u);
}

/* The reference as browsers read it: C0 controls and spaces at either
 * end dropped, tabs and newlines anywhere dropped. */
static const char *
clean(struct kh_url *u, const char *s, size_t *np)
{
	size_t n = *np, i, k;

	while (n > 0 && (unsigned char)s[0] <= 0x20)
		s++, n--;
	while (n > 0 && (unsigned char)s[n - 1] <= 0x20)
		n--;
	*np = n;
	for (i = 0; i < n; i++)
		if (s[i] == '\t' || s[i] == '\n' || s[i] == '\r')
			break;
	if (i == n)
		return s;
	reserve(&u->tmp, n);
	memcpy(u->tmp.p, s, i);
	for (k = i; i < n; i++)
		if (s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			u->tmp.p[k++] = s[i];
	*np = k;
	return u->tmp.p;
}

/* s[0..n) appended at o with its percent-encoding normalised: escapes
 * of unreserved bytes decoded, others in upper case, a '%' that starts
 * no escape written %25, bytes that may not stand raw escaped.  o has
 * room for 3n bytes.  Returns the new end. */
static size_t
norm(char *o, size_t k, const char *s, size_t n)
{
	unsigned char c;
	int v;

	for (size_t i = 0; i < n; i++) {
		c = s[i];
		if (c == '%') {
			if (i + 2 < n && (cls[(unsigned char)s[i + 1]] &
			    C_HEX) && (cls[(unsigned char)s[i + 2]] & C_HEX)) {
				v = hexval(s[i + 1]) << 4 | hexval(s[i + 2]);
				i += 2;
				if (cls[v] & C_UNRES) {
					o[k++] = v;
					continue;
				}
				c = v;
			}
			o[k++] = '%';
			o[k++] = hexdig[c >> 4];
			o[k++] = hexdig[c & 15];
		} else if (cls[c] & C_ENC) {
			o[k++] = '%';
			o[k++] = hexdig[c >> 4];
			o[k++] = hexdig[c & 15];
		} else {
			o[k++] = c;
		}
	}
	return k;
}

/* The segments of the path p[0..n) ('/' or '\' between them) appended
 * to the path o[root..k), dot segments removed (RFC 3986 5.2.4): the
 * path there is a run of "/segment".  Returns the new end. */
static size_t
segments(char *o, size_t root, size_t k, const char *p, size_t n)
{
	size_t s = 0, e, mark, len;

	for (;;) {
		for (e = s; e < n && p[e] != '/' && p[e] != '\\'; e++)
			;
		mark = k;
		o[k++] = '/';
		k = norm(o, k, p + s, e - s);
		len = k - mark - 1;
		if (len == 1 && o[mark + 1] == '.') {
			k = mark;
			if (e == n)
				o[k++] = '/';
		} else if (len == 2 && o[mark + 1] == '.' &&
		    o[mark + 2] == '.') {
			k = mark;
			/* the previous "/segment" out, not past the root */
			while (k > root && o[--k] != '/')
				;
			if (e == n)
				o[k++] = '/';
		}
		if (e == n)
			return k;
		s = e + 1;
	}
}

static int
is_tracking(const char *s, size_t n)
{
	const char *eq = memchr(s, '=', n);
	size_t i, j;

	if (eq != NULL)
		n = eq - s;
	if (n >= 4 && lower(s[0]) == 'u' && lower(s[1]) == 't' &&
	    lower(s[2]) == 'm' && s[3] == '_')
		return 1;
	for (i = 0; i < sizeof tracking / sizeof tracking[0]; i++) {
		if (tracking[i].len != n ||
		    lower(s[0]) != (unsigned char)tracking[i].name[0])
			continue;
		for (j = 1; j < n && lower(s[j]) ==
		    (unsigned char)tracking[i].name[j]; j++)
			;
		if (j == n)
			return 1;
	}
	return 0;
}

/* The query q[0..n) appended at o: parameters ('&' between them)
 * normalised, tracking and empty ones dropped, and no '?' if none is
 * left. */
static size_t
query(char *o, size_t k, const char *q, size_t n)
{
	size_t s = 0, e, qmark = k, mark, start;
	int first = 1;

	o[k++] = '?';
	for (; s <= n; s = e + 1) {
		e = s;
		while (e < n && q[e] != '&')
			e++;
		if (e == s)
			continue;
		mark = k;
		if (!first)
			o[k++] = '&';
		start = k;
		k = norm(o, k, q + s, e - s);
		if (is_tracking(o + start, k - start)) {
			k = mark;
			continue;
		}
		first = 0;
	}
	return first ? qmark : k;
}

/* An IPv6 literal (between the brackets) written at o in its
 * canonical text form (RFC 5952, as inet_ntop writes it). */
static const char *
ipv6(char *o, size_t *k, const char *h, size_t n)
{
	char in[INET6_ADDRSTRLEN + 1], text[INET6_ADDRSTRLEN];
	unsigned char a[16];
	size_t m;

	if (n >= sizeof in)
		return "bad IPv6 address";
	memcpy(in, h, n);
	in[n] = '\0';
	if (memchr(in, '\0', n) != NULL || inet_pton(AF_INET6, in, a) != 1 ||
	    inet_ntop(AF_INET6, a, text, sizeof text) == NULL)
		return "bad IPv6 address";
	m = strlen(text);
	o[(*k)++] = '[';
	memcpy(o + *k, text, m);
	*k += m;
	o[(*k)++] = ']';
	return NULL;
}

/* A host name of ASCII h[0..n) checked and written at o in lower case:
 * one trailing dot dropped; labels of letters, digits, '-' and '_', not
 * empty, at most 63 bytes, at most 253 in all; a name whose last label
 * is a number is an IPv4 address in four decimal parts. */
static const char *
host_ascii(char *o, size_t *k, const char *h, size_t n)
{
	size_t i, label = 0, dots = 0;
	unsigned char c;
	int numeric;

	if (n > 0 && h[n - 1] == '.')
		n--;
	if (n == 0)
		return "no host";
	if (n > HOST_MAX)
		return "host name too long";
	for (i = 0; i <= n; i++) {
		c = i < n ? lower(h[i]) : '.';
		if (c == '.') {
			if (i == label)
				return "bad host";
			if (i - label > LABEL_MAX)
				return "host name too long";
			if (i < n)
				dots++, label = i + 1;
		} else if (!(cls[c] & C_HOST)) {
			return "bad host";
		}
	}
	/* "ends in a number" (WHATWG): 12, 0x1f */
	for (i = label; i < n && h[i] >= '0' && h[i] <= '9'; i++)
		;
	numeric = i == n || (n - label >= 2 && h[label] == '0' &&
	    lower(h[label + 1]) == 'x');
	if (numeric) {
		unsigned v = 0, digits = 0;

		if (dots != 3)
			return "bad IPv4 address";
		for (i = 0; i <= n; i++) {
			if (i == n || h[i] == '.') {
				if (v > 255 || (digits > 1 && h[i - digits] == '0'))
					return "bad IPv4 address";
				v = digits = 0;
			} else if (h[i] >= '0' && h[i] <= '9' && digits < 3) {
				v = v * 10 + (h[i] - '0');
				digits++;
			} else {
				return "bad IPv4 address";
			}
		}
	}
	for (i = 0; i < n; i++)
		o[(*k)++] = lower(h[i]);
	return NULL;
}

/* A label of h[0..n) starting "xn--" (any case). */
static int
has_ace(const char *h, size_t n)
{
	for (size_t i = 0; i + 4 <= n; i++)
		if ((i == 0 || h[i - 1] == '.') && lower(h[i]) == 'x' &&
		    lower(h[i + 1]) == 'n' && h[i + 2] == '-' && h[i + 3] == '-')
			return 1;
	return 0;
}

/* A registered name h[0..n) as written in a URL written at o:
 * percent-decoded, mapped by UTS #46 (ICU) when it has non-ASCII or
 * punycode labels, then checked by host_ascii(). */
static const char *
host_name(struct kh_url *u, char *o, size_t *k, const char *h, size_t n)
{
	/* What UTS #46 says of lengths, empty labels and hyphens is left
	 * to host_ascii(), so ASCII names and others obey one rule. */
	const uint32_t ignored = UIDNA_ERROR_EMPTY_LABEL |
	    UIDNA_ERROR_LABEL_TOO_LONG | UIDNA_ERROR_DOMAIN_NAME_TOO_LONG |
	    UIDNA_ERROR_LEADING_HYPHEN | UIDNA_ERROR_TRAILING_HYPHEN |
	    UIDNA_ERROR_HYPHEN_3_4;
	UIDNAInfo info = UIDNA_INFO_INITIALIZER;
	UErrorCode st = U_ZERO_ERROR;
	size_t i, m = 0;
	unsigned char c;
	int ascii = 1;
	int32_t len;
	char *d;

	if (n > HOST_IN_MAX)
		return "host name too long";
	reserve(&u->host, n);
	d = u->host.p;
	for (i = 0; i < n; i++) {
		c = h[i];
		if (c == '%') {
			if (i + 2 >= n || !(cls[(unsigned char)h[i + 1]] &
			    C_HEX) || !(cls[(unsigned char)h[i + 2]] & C_HEX))
				return "bad host";
			c = hexval(h[i + 1]) << 4 | hexval(h[i + 2]);
			i += 2;
		}
		ascii &= c < 0x80;
		d[m++] = c;
	}
	if (ascii && !has_ace(d, m))
		return host_ascii(o, k, d, m);
	if (u->idna == NULL) {
		pthread_once(&icu_once, icu_load);
		u->idna = icu.open(UIDNA_NONTRANSITIONAL_TO_ASCII |
		    UIDNA_CHECK_BIDI | UIDNA_CHECK_CONTEXTJ, &st);
		if (U_FAILURE(st))
			kh_die("ICU: uidna_openUTS46: %s", icu.error(st));
	}
	len = icu.to_ascii(u->idna, d, (int32_t)m, u->ace,
	    sizeof u->ace, &info, &st);
	if (st == U_BUFFER_OVERFLOW_ERROR ||
	    st == U_STRING_NOT_TERMINATED_WARNING)
		return "host name too long";
	if (U_FAILURE(st) || (info.errors & ~ignored) != 0)
		return "bad international host name";
	return host_ascii(o, k, u->ace, (size_t)len);
}

/* The authority a[0..n) written at o, its user and password dropped,
 * its port when not the default. */
static const char *
authority(struct kh_url *u, char *o, size_t *k, const char *a, size_t n,
    int https)
{
	const char *h = a, *end = a + n, *p, *e;
	unsigned long port = 0;

	for (p = end; p > a; p--)
		if (p[-1] == '@') {
			h = p;
			break;
		}
	if (h == end)
		return "no host";
	if (*h == '[') {
		if ((p = memchr(h, ']', end - h)) == NULL)
			return "bad IPv6 address";
		if ((e = ipv6(o, k, h + 1, p - h - 1)) != NULL)
			return e;
		if (++p < end && *p != ':')
			return "bad host";
	} else {
		if ((p = memchr(h, ':', end - h)) == NULL)
			p = end;
		if (p == h)
			return "no host";
		if ((e = host_name(u, o, k, h, p - h)) != NULL)
			return e;
	}
	if (p == end || ++p == end)
		return NULL;
	for (; p < end; p++) {
		if (*p < '0' || *p > '9')
			return "bad port";
		if ((port = port * 10 + (*p - '0')) > 65535)
			return "port out of range";
	}
	if (port == 0)
		return "port out of range";
	if (port != (https ? 443u : 80u)) {
		char d[8];
		int m = 0;

		while (port > 0) {
			d[m++] = '0' + port % 10;
			port /= 10;
		}
		o[(*k)++] = ':';
		while (m > 0)
			o[(*k)++] = d[--m];
	}
	return NULL;
}

/* The length of r's scheme (its "http:" without ':'), or 0. */
static size_t
scheme_len(const char *r, size_t n)
{
	size_t i;

	if (n == 0 || lower(r[0]) < 'a' || lower(r[0]) > 'z')
		return 0;
	for (i = 1; i < n && (cls[(unsigned char)r[i]] & C_SCHEME); i++)
		;
	return i < n && r[i] == ':' ? i : 0;
}

static int
two_slashes(const char *r, size_t n)
{
	return n >= 2 && (r[0] == '/' || r[0] == '\\') &&
	    (r[1] == '/' || r[1] == '\\');
}

/* The offset of the first c1 or c2 in r[0..n), or n. */
static size_t
span_to(const char *r, size_t n, unsigned char c1, unsigned char c2)
{
	size_t i;

	for (i = 0; i < n && r[i] != c1 && r[i] != c2; i++)
		;
	return i;
}

/* The canonical form of ref[0..n) against b (NULL: none) into dst;
 * NULL or why there is none.  *len its length. */
static const char *
canon(struct kh_url *u, struct buf *dst, const char *ref, size_t n,
    const struct base *b, size_t *len)
{
	const char *r, *e;
	size_t i, k = 0, root, pe, qe;
	int https;
	char *o;

	r = clean(u, ref, &n);
	reserve(dst, (b != NULL ? b->len : 0) + 3 * n + AUTH_ROOM);
	o = dst->p;
	if ((i = scheme_len(r, n)) > 0) {
		if (i == 4 && lower(r[0]) == 'h' && lower(r[1]) == 't' &&
		    lower(r[2]) == 't' && lower(r[3]) == 'p')
			https = 0;
		else if (i == 5 && lower(r[0]) == 'h' && lower(r[1]) == 't' &&
		    lower(r[2]) == 't' && lower(r[3]) == 'p' &&
		    lower(r[4]) == 's')
			https = 1;
		else
			return "not an http or https URL";
		r += i + 1;
		n -= i + 1;
		/* "http:g" against an http base is the relative "g" */
		if (b != NULL && b->err == NULL && b->https == https &&
		    !two_slashes(r, n))
			goto relative;
	} else if (two_slashes(r, n)) {
		if (b == NULL)
			return "relative URL and no base";
		if (b->err != NULL)
			return "bad base URL";
		https = b->https;
	} else {
		goto relative;
	}

	/* scheme://authority/path?query: any number of slashes */
	while (n > 0 && (r[0] == '/' || r[0] == '\\'))
		r++, n--;
	memcpy(o, https ? "https://" : "http://", 7 + https);
	k = 7 + https;
	for (i = 0; i < n && !(cls[(unsigned char)r[i]] & C_END); i++)
		;
	if ((e = authority(u, o, &k, r, i, https)) != NULL)
		return e;
	root = k;
	pe = i + span_to(r + i, n - i, '?', '#');
	if (i < pe)
		k = segments(o, root, k, r + i + 1, pe - i - 1);
	else
		o[k++] = '/';
	goto query;

relative:
	if (b == NULL)
		return n == 0 ? "empty URL" : "relative URL and no base";
	if (b->err != NULL)
		return "bad base URL";
	pe = span_to(r, n, '?', '#');
	if (pe == 0 && (n == 0 || r[0] == '#')) {
		memcpy(o, b->s.p, b->len);
		k = b->len;
		goto done;
	}
	if (pe == 0) {
		memcpy(o, b->s.p, b->query);
		k = b->query;
	} else if (r[0] == '/' || r[0] == '\\') {
		memcpy(o, b->s.p, b->path);
		k = segments(o, b->path, b->path, r + 1, pe - 1);
	} else {
		memcpy(o, b->s.p, b->dir);
		k = segments(o, b->path, b->dir, r, pe);
	}

query:
	if (pe < n && r[pe] == '?') {
		qe = pe + 1 + span_to(r + pe + 1, n - pe - 1, '#', '#');
		k = query(o, k, r + pe + 1, qe - pe - 1);
	}
done:
	if (k > KH_URL_MAX)
		return "longer than 8192 bytes";
	o[k] = '\0';
	*len = k;
	return NULL;
}

/* The base in canonical form, kept while the same base comes again. */
static const struct base *
set_base(struct kh_url *u, const char *s)
{
	struct base *b = &u->base;
	size_t n, i;

	if (u->have_base && strcmp(b->in.p, s) == 0)
		return b;
	n = strlen(s);
	reserve(&b->in, n + 1);
	memcpy(b->in.p, s, n + 1);
	u->have_base = 1;
	if ((b->err = canon(u, &b->s, s, n, NULL, &b->len)) != NULL)
		return b;
	b->https = b->s.p[4] == 's';
	b->path = 7 + b->https + strcspn(b->s.p + 7 + b->https, "/");
	b->query = b->path + strcspn(b->s.p + b->path, "?");
	for (i = b->query; b->s.p[i - 1] != '/'; i--)
		;
	b->dir = i - 1;
	return b;
}

const char *
kh_url_canon(struct kh_url *u, const char *ref, size_t reflen,
    const char *base, size_t *len, const char **err)
{
	const struct base *b = base != NULL ? set_base(u, base) : NULL;
	uintptr_t r = (uintptr_t)ref, o = (uintptr_t)u->out.p;

	/* The last result given back: out is about to be written. */
	if (u->out.p != NULL && r >= o && r < o + u->out.cap) {
		reserve(&u->given, reflen);
		memcpy(u->given.p, ref, reflen);
		ref = u->given.p;
	}
	if ((*err = canon(u, &u->out, ref, reflen, b, len)) != NULL) {
		*len = 0;
		return NULL;
	}
	return u->out.p;
}

/* The host of a URL: "scheme://", user and password, port skipped. */
static const char *
url_host(const char *url, size_t *n)
{
	const char *h, *p, *end;

	if ((h = strstr(url, "://")) == NULL)
		return NULL;
	h += 3;
	end = h + strcspn(h, "/\\?#");
	for (p = end; p > h; p--)
		if (p[-1] == '@') {
			h = p;
			break;
		}
	if (*h == '[') {
		p = memchr(h, ']', end - h);
		p = p != NULL ? p + 1 : end;
	} else {
		for (p = h; p < end && *p != ':'; p++)
			;
	}
	*n = p - h;
	return *n > 0 ? h : NULL;
}

const char *
kh_url_site(struct kh_url *u, const char *url, size_t *len)
{
	const char *h, *site;
	size_t n, i;
	int ip = 1;
	char *s;

	if ((h = url_host(url, &n)) == NULL)
		return NULL;
	reserve(&u->site, n + 1);
	s = u->site.p;
	for (i = 0; i < n; i++) {
		s[i] = lower(h[i]);
		ip &= (s[i] >= '0' && s[i] <= '9') || s[i] == '.';
	}
	if (n > 1 && s[n - 1] == '.')
		n--;
	s[n] = '\0';
	*len = n;
	/* An address is its own site (libpsl would cut 127.0.0.1 to 0.1). */
	if (ip || s[0] == '[')
		return s;
	/* The newest of the list built into libpsl and the one of
	 * Debian's publicsuffix package. */
	if (u->psl == NULL) {
		pthread_once(&psl_once, psl_load);
		if ((u->psl = u->psl_own = psl.latest(NULL)) == NULL)
			u->psl = psl.builtin();
	}
	/* A host that is a public suffix itself (localhost, gov.bd) is
	 * its own site too. */
	if (u->psl == NULL ||
	    (site = psl.registrable(u->psl, s)) == NULL)
		return s;
	*len = n - (site - s);
	return site;
}
