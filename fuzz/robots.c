/*
 * robots.c: libFuzzer target for fetch's robots.txt parser and matcher.
 *
 * Input: a path to ask about, a NUL byte, then the robots.txt (without a
 * NUL, the whole input is the file and "/" the path).
 *
 * What must hold: any bytes parse; /robots.txt is always allowed; a
 * file with no rule for us allows every path; the answer for a path does
 * not change when asked twice; a Crawl-delay is -1 or in [0, 86400);
 * nothing leaks or reads out of bounds (ASan, UBSan).
 *
 * And the matcher answers as a plain one does: the same input read as a
 * few short rules and a short path over the bytes "ab*$/" (see mini())
 * must be judged as ref_match() and RFC 9309's longest match judge it.
 * Run with -timeout=10: a question takes milliseconds at most.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "khobor.h"
#include "../fetch/robots.h"

#define MINI_RULES 6
#define MINI_PAT 15	/* bytes of a pattern, at most */
#define MINI_PATH 24	/* bytes of a path after its '/', at most */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Does pattern pat (m bytes: '*' any run of bytes, a final '$' the end
 * of the path) match the start of path (n bytes)?  ok[i][j] says
 * whether pat from i matches path from j, filled from the end: slow,
 * and plainly right. */
static int
ref_match(const char *pat, size_t m, const char *path, size_t n)
{
	static unsigned char ok[MINI_PAT + 1][MINI_PATH + 2];
	int anchored = m > 0 && pat[m - 1] == '$';
	size_t i, j;

	if (anchored)
		m--;
	for (j = 0; j <= n; j++)
		ok[m][j] = !anchored || j == n;
	for (i = m; i-- > 0;)
		for (j = n + 1; j-- > 0;) {
			if (pat[i] == '*')
				ok[i][j] = ok[i + 1][j] || (j < n &&
				    ok[i][j + 1]);
			else
				ok[i][j] = j < n && pat[i] == path[j] &&
				    ok[i + 1][j + 1];
		}
	return ok[0][0];
}

/* The input read as up to MINI_RULES rules and a path over "ab*$/",
 * bytes that need no normalising: robots.c and the reference must
 * agree. */
static void
mini(const uint8_t *data, size_t size)
{
	static const char abc[] = "ab*$/";
	char pat[MINI_RULES][MINI_PAT + 1], path[MINI_PATH + 2];
	char txt[32 + MINI_RULES * (MINI_PAT + 12)];
	size_t plen[MINI_RULES], n = 0, at = 1, best = 0, i, k, len;
	int allow[MINI_RULES], rules, want = 1, found = 0;
	struct robots *r;

	if (size == 0)
		return;
	rules = 1 + data[0] % MINI_RULES;
	len = (size_t)snprintf(txt, sizeof(txt), "User-agent: *\n");
	for (i = 0; i < (size_t)rules; i++) {
		uint8_t b = at < size ? data[at++] : 0;

		allow[i] = b & 1;
		plen[i] = (b >> 1) % (MINI_PAT + 1);
		for (k = 0; k < plen[i]; k++)
			pat[i][k] = abc[(at < size ? data[at++] : 0) % 5];
		pat[i][k] = '\0';
		len += (size_t)snprintf(txt + len, sizeof(txt) - len,
		    "%s: %s\n", allow[i] ? "Allow" : "Disallow", pat[i]);
	}
	path[n++] = '/';
	while (at < size && n <= MINI_PATH)
		path[n++] = abc[data[at++] % 5];
	path[n] = '\0';
	for (i = 0; i < (size_t)rules; i++) {
		if (plen[i] == 0 || !ref_match(pat[i], plen[i], path, n))
			continue;	/* "Disallow:" is no rule */
		if (!found || plen[i] > best || (plen[i] == best && allow[i]))
			want = allow[i];
		if (!found || plen[i] > best)
			best = plen[i];
		found = 1;
	}
	r = robots_parse(txt, len, "khobor");
	if (robots_allowed(r, path) != (strcmp(path, "/robots.txt") == 0 ||
	    want))
		abort();
	robots_free(r);
}

/* Does "allow" stand in the text, in any case? */
static int
has_rule_word(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i + 5 <= len; i++)
		if (strncasecmp(s + i, "allow", 5) == 0)
			return 1;
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nul = memchr(data, '\0', size);
	const char *txt = (const char *)data, *path = "/";
	size_t len = size;
	char *p = NULL;
	struct robots *r;
	double d;
	int a;

	if (nul != NULL) {
		size_t n = nul - (const char *)data;

		p = kh_malloc(n + 2);
		p[0] = '/';
		memcpy(p + 1, data, n);
		p[n + 1] = '\0';
		path = p;
		txt = nul + 1;
		len = size - n - 1;
	}
	r = robots_parse(txt, len, "khobor");
	if (!robots_allowed(r, "/robots.txt"))
		abort();
	a = robots_allowed(r, path);
	if (a != robots_allowed(r, path))
		abort();
	if (!a && !has_rule_word(txt, len))
		abort();	/* no Allow/Disallow line: no rule */
	d = robots_delay(r);
	if (!(d == -1 || (d >= 0 && d < 86400)))
		abort();
	robots_free(r);
	free(p);
	mini(data, size);
	return 0;
}
