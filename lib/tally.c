/*
 * tally.c: how many of each kind, for the line a program says at the end
 * of a run ("failed (404 3, timeout 1)", "skipped (request 14, ...)").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"

void
kh_tally_add(struct kh_tally *t, const char *kind)
{
	size_t i;

	for (i = 0; i < KH_TALLY_KINDS - 1 && t->k[i].n > 0 &&
	    strcmp(t->k[i].name, kind) != 0; i++)
		;
	/* the last slot takes what has no room */
	if (t->k[i].n == 0)
		snprintf(t->k[i].name, sizeof(t->k[i].name), "%s",
		    i == KH_TALLY_KINDS - 1 ? "other" : kind);
	t->k[i].n++;
}

static int
by_count(const void *a, const void *b)
{
	const struct kh_tally_kind *x = a, *y = b;

	if (x->n != y->n)
		return x->n < y->n ? 1 : -1;
	return strcmp(x->name, y->name);
}

size_t
kh_tally_format(struct kh_tally *t, char *buf, size_t size)
{
	size_t nk, i, o = 0;

	if (size > 0)
		*buf = '\0';
	for (nk = 0; nk < KH_TALLY_KINDS && t->k[nk].n > 0; nk++)
		;
	qsort(t->k, nk, sizeof(*t->k), by_count);
	for (i = 0; i < nk && o < size; i++)
		o += snprintf(buf + o, size - o, "%s%s %lu", i > 0 ? ", " : "",
		    t->k[i].name, t->k[i].n);
	return nk;
}
