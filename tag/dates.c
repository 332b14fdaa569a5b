/*
 * dates.c: find and normalise dates in Bengali and English text.
 * (First version: parses the reference only; the finder follows.)
 */
#include <string.h>

#include "dates.h"

int
date_ref_parse(const char *s, size_t len, struct date_ref *ref)
{
	(void)s;
	(void)len;
	ref->set = 0;
	return -1;
}

void
dates_find(const char *text, size_t len, const struct date_ref *ref,
    date_fn *fn, void *arg)
{
	(void)text;
	(void)len;
	(void)ref;
	(void)fn;
	(void)arg;
}
