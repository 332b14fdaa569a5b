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
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "khobor.h"
#include "../fetch/robots.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	return 0;
}
