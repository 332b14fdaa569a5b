/*
 * slurp.c: a whole file in memory, for the test drivers that take one
 * (robots-test, charset-test).
 */
#include <stdio.h>
#include <stdlib.h>

#include "khobor.h"
#include "slurp.h"

char *
slurp(const char *path, size_t *len)
{
	size_t cap = 1 << 16, n;
	char *buf = kh_malloc(cap);
	FILE *f;

	if ((f = fopen(path, "rb")) == NULL)
		kh_die("%s:", path);
	*len = 0;
	while ((n = fread(buf + *len, 1, cap - *len, f)) > 0)
		if ((*len += n) == cap)
			buf = kh_realloc(buf, cap *= 2);
	if (ferror(f))
		kh_die("%s:", path);
	fclose(f);
	return buf;
}
