/*
 * linkhtml.c: libFuzzer target for links' reading of HTML pages
 * (page_read in links/page.c): the article links of a home or section
 * page and the feeds it announces.
 *
 * Input: a control byte (its low bit: --any-site instead of the
 * default, same site for pages), then the page.
 *
 * What must hold: any bytes (broken markup, deep nesting, NUL bytes,
 * invalid UTF-8) read without a crash, a leak or a read out of bounds;
 * every record passes linkrec.c's checks and is an article or a feed
 * found via html; by default every article is on the page's site.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "linkrec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct source s;
	unsigned ctl = 0;
	unsigned long n;

	if (size > 0)
		ctl = *data++, size--;
	links_opt.same_site = ctl & 1 ? -1 : 0;
	linkrec_begin(&s, S_PAGE, 2);
	linkrec_same_site(!(ctl & 1));
	if (page_read(&s, (const char *)data, size) < 0)
		abort();
	n = linkrec_end(&s);
	if (n != linkrec_count(LK_ARTICLE, V_HTML) +
	    linkrec_count(LK_FEED, V_HTML))
		abort();
	return 0;
}
