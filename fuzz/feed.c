/*
 * feed.c: libFuzzer target for links' feed readers: RSS, RDF, Atom
 * (feed_read) and JSON Feed (jsonfeed_read).
 *
 * Input: a control byte, then the body.  The control byte's low bit
 * picks the reader, the next the source's depth (0 or 3).
 *
 * What must hold: any bytes read without a crash, a leak or a read out
 * of bounds; a reader returns -1 or the items it found; every record
 * passes linkrec.c's checks, and is an article of the reader's via.
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
	linkrec_begin(&s, S_FEED, ctl & 2 ? 3 : 0);
	if (ctl & 1)
		r = jsonfeed_read(&s, (const char *)data, size);
	else
		r = feed_read(&s, (const char *)data, size);
	n = linkrec_end(&s);
	if (r < -1)
		abort();
	if (ctl & 1) {
		if (n != linkrec_count(LK_ARTICLE, V_JSONFEED))
			abort();
	} else if (n != linkrec_count(LK_ARTICLE, V_RSS) +
	    linkrec_count(LK_ARTICLE, V_RDF) +
	    linkrec_count(LK_ARTICLE, V_ATOM)) {
		abort();
	}
	return 0;
}
