/*
 * url-test: kh_url_canon() and kh_url_site() (lib/url.c) over a file of
 * cases, in TAP.
 *
 *   url-test CASES
 *
 * A case is one line of three fields between tabs:
 *
 *   BASE	REF	EXPECTED	kh_url_canon(REF, BASE) is EXPECTED
 *   site	URL	EXPECTED	kh_url_site(URL) is EXPECTED
 *
 * BASE "-" is no base (NULL); EXPECTED "!message" is a refusal with
 * that message ("!" alone: kh_url_site() finds no host).  In the
 * fields, \t \n \r \s (space) \\ and \xHH stand for their bytes, and
 * \{N*TEXT} for TEXT written N times.  A canonical form given back
 * must be canonical again (given back unchanged without a base, and
 * by its own handle as reference and as base) and hold no byte that
 * may not stand raw in a URL.  Lines starting with '#' and empty
 * lines are comments.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "tap.h"

static struct kh_url *u;

/* A field with its escapes decoded, in a new string; its length in
 * *len. */
static char *
decode(const char *s, size_t *len, unsigned long lineno)
{
	size_t cap = 64, o = 0, reps, m;
	char *d = kh_malloc(cap), *end, hex[3] = "";
	const char *t;

	for (; *s; s++) {
		if (o + 4 >= cap)
			d = kh_realloc(d, cap *= 2);
		if (*s != '\\') {
			d[o++] = *s;
			continue;
		}
		switch (*++s) {
		case 't': d[o++] = '\t'; break;
		case 'n': d[o++] = '\n'; break;
		case 'r': d[o++] = '\r'; break;
		case 's': d[o++] = ' '; break;
		case '\\': d[o++] = '\\'; break;
		case 'x':
			hex[0] = s[1];
			hex[1] = hex[0] != '\0' ? s[2] : '\0';
			d[o++] = (char)strtoul(hex, &end, 16);
			if (end != hex + 2)
				kh_die("line %lu: bad \\x", lineno);
			s += 2;
			break;
		case '{':
			reps = strtoul(s + 1, &end, 10);
			if (*end != '*' || (t = strchr(end, '}')) == NULL)
				kh_die("line %lu: bad \\{N*TEXT}", lineno);
			m = t - end - 1;
			while (o + reps * m + 4 >= cap)
				d = kh_realloc(d, cap *= 2);
			for (size_t i = 0; i < reps; i++, o += m)
				memcpy(d + o, end + 1, m);
			s = t;
			break;
		default:
			kh_die("line %lu: unknown escape \\%c", lineno, *s);
		}
	}
	d[o] = '\0';
	*len = o;
	return d;
}

/* What every canonical form must be: NULL, or what is wrong. */
static const char *
not_canonical(const char *s, size_t len)
{
	const char *t, *err, *why = NULL;
	size_t tlen;
	char *again;

	if (strncmp(s, "http://", 7) != 0 && strncmp(s, "https://", 8) != 0)
		return "not http:// or https://";
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7f)
			return "a byte that may not stand raw";
	if (len > KH_URL_MAX)
		return "longer than KH_URL_MAX";
	/* a copy of its exact size, so ASan sees a read past its end */
	again = kh_malloc(len);
	memcpy(again, s, len);
	if ((t = kh_url_canon(u, again, len, NULL, &tlen, &err)) == NULL)
		why = err;
	else if (tlen != len || memcmp(t, s, len) != 0)
		why = "not canonical again";
	free(again);
	return why;
}

/* What is wrong with a case (site: a kh_url_site() case): NULL, or
 * the message, in a static buffer. */
static const char *
wrong(const char *base, const char *ref, size_t rlen, const char *want,
    size_t wlen, int site)
{
	static char msg[600];
	const char *got, *err, *why;
	size_t glen;
	char *exact;

	if (site) {
		got = kh_url_site(u, ref, &glen);
		if (got == NULL ? strcmp(want, "!") == 0 :
		    glen == wlen && memcmp(got, want, wlen) == 0)
			return NULL;
		snprintf(msg, sizeof msg, "want %.200s\n# got  %.*s", want,
		    got ? (int)glen : 6, got ? got : "(null)");
		return msg;
	}
	/* not NUL-terminated: exactly its bytes */
	exact = kh_malloc(rlen > 0 ? rlen : 1);
	memcpy(exact, ref, rlen);
	got = kh_url_canon(u, exact, rlen, base, &glen, &err);
	free(exact);
	if (want[0] == '!') {
		if (got == NULL && strcmp(err, want + 1) == 0)
			return NULL;
		snprintf(msg, sizeof msg, "want refusal: %s\n# got  %.200s",
		    want + 1, got ? got : err);
		return msg;
	}
	if (got == NULL || glen != wlen || memcmp(got, want, wlen) != 0) {
		snprintf(msg, sizeof msg, "want %.200s\n# got  %.200s", want,
		    got ? got : err);
		return msg;
	}
	/* a result given back to the same handle, as ref and as base */
	if ((got = kh_url_canon(u, got, glen, NULL, &glen, &err)) == NULL ||
	    glen != wlen || memcmp(got, want, wlen) != 0 ||
	    (got = kh_url_canon(u, "", 0, got, &glen, &err)) == NULL ||
	    glen != wlen || memcmp(got, want, wlen) != 0) {
		snprintf(msg, sizeof msg, "given back to its handle: %.200s",
		    got ? got : err);
		return msg;
	}
	if ((why = not_canonical(want, wlen)) != NULL) {
		snprintf(msg, sizeof msg, "%s: %.200s", why, want);
		return msg;
	}
	return NULL;
}

static void
one(const char *fb, const char *fr, const char *fe, unsigned long lineno)
{
	char *base = NULL, *ref, *want;
	const char *why;
	size_t rlen, wlen;

	if (strcmp(fb, "-") != 0 && strcmp(fb, "site") != 0)
		base = decode(fb, &rlen, lineno);
	ref = decode(fr, &rlen, lineno);
	want = decode(fe, &wlen, lineno);
	why = wrong(base, ref, rlen, want, wlen, strcmp(fb, "site") == 0);
	tap_ok(why == NULL, "line %lu: %.80s", lineno, fr);
	if (why != NULL)
		printf("# %s\n", why);
	free(base);
	free(ref);
	free(want);
}

int
main(int argc, char **argv)
{
	char *line = NULL, *f[3], *p;
	unsigned long lineno = 0;
	size_t cap = 0;
	ssize_t len;
	FILE *in;
	int k;

	kh_setprog(argv[0]);
	if (argc != 2)
		kh_die("usage: url-test CASES");
	if ((in = fopen(argv[1], "r")) == NULL)
		kh_die("%s:", argv[1]);
	u = kh_url_new();
	while ((len = getline(&line, &cap, in)) >= 0) {
		lineno++;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		for (k = 0, p = line; k < 3 && p != NULL; k++) {
			f[k] = p;
			if ((p = strchr(p, '\t')) != NULL)
				*p++ = '\0';
		}
		if (k != 3 || p != NULL)
			kh_die("%s:%lu: not three fields", argv[1], lineno);
		one(f[0], f[1], f[2], lineno);
	}
	if (ferror(in))
		kh_die("%s:", argv[1]);
	fclose(in);
	free(line);
	kh_url_free(u);
	return tap_exit();
}
