/*
 * robotslines.c: libFuzzer target for the Sitemap: lines of a
 * robots.txt (robots_read in links/sitemap.c).
 *
 * What must hold: no crash, leak or read out of bounds; every record
 * passes linkrec.c's checks and is a sitemap found via robots; there
 * are no more of them than lines that start (after blanks) with
 * "sitemap" in any case (after a byte order mark, for the first).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "khobor.h"
#include "linkrec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long
sitemap_lines(const char *s, size_t n)
{
	unsigned long k = 0;
	size_t i = 0;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;	/* a byte order mark, which robots_read passes over */
	while (i < n) {
		while (i < n && (s[i] == ' ' || s[i] == '\t'))
			i++;
		if (n - i >= 7 && strncasecmp(s + i, "sitemap", 7) == 0)
			k++;
		while (i < n && s[i] != '\n')
			i++;
		i++;
	}
	return k;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source s;
	unsigned long n;

	linkrec_begin(&s, S_ROBOTS, 0);
	if (robots_read(&s, (const char *)data, size) < 0)
		abort();
	n = linkrec_end(&s);
	if (n != linkrec_count(LK_SITEMAP, V_ROBOTS))
		abort();
	if (n > sitemap_lines((const char *)data, size))
		abort();
	return 0;
}
