/*
 * sitemap.c: libFuzzer target for links' sitemap readers: XML sitemaps
 * (sitemap_read: an index, a urlset, Google News) and text sitemaps
 * (sitemap_text_read).
 *
 * Input: a control byte (its low bit picks the reader), then the body.
 *
 * What must hold: no crash, leak or read out of bounds; at most 50,000
 * URLs a sitemap; every record passes linkrec.c's checks, and is an
 * article or a sitemap found via sitemap or news-sitemap; a text
 * sitemap gives articles via sitemap only.
 */
#include <stdint.h>
#include <stdlib.h>

#include "khobor.h"
#include "linkrec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source s;
	unsigned ctl = 0;
	unsigned long n;
	long r;

	if (size > 0)
		ctl = *data++, size--;
	linkrec_begin(&s, S_SITEMAP, 1);
	if (ctl & 1)
		r = sitemap_text_read(&s, (const char *)data, size);
	else
		r = sitemap_read(&s, (const char *)data, size);
	n = linkrec_end(&s);
	if (r < -1 || r > SITEMAP_MAX_URLS || n > SITEMAP_MAX_URLS)
		abort();
	if (ctl & 1 && n != linkrec_count(LK_ARTICLE, V_SITEMAP))
		abort();
	if (n != linkrec_count(LK_ARTICLE, V_SITEMAP) +
	    linkrec_count(LK_ARTICLE, V_NEWS_SITEMAP) +
	    linkrec_count(LK_SITEMAP, V_SITEMAP))
		abort();
	return 0;
}
