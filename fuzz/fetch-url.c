/*
 * fetch-url.c: libFuzzer target for fetch's reading of URLs and
 * Location headers (fetch/url.c).
 *
 * Input: a Location, or a base URL, a NUL byte, then the Location.
 *
 * What must hold: url_clean() gives a URL without blanks, controls or
 * DEL, in valid UTF-8, and cleaning it again changes nothing; what
 * url_resolve() gives holds the same; splitting either does not crash;
 * an address as text has a kind; nothing leaks or reads out of bounds
 * (ASan, UBSan).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "../fetch/fetch.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
check_clean(const char *u)
{
	size_t i, n = strlen(u);
	char *again;

	for (i = 0; i < n; i++)
		if ((unsigned char)u[i] <= ' ' || u[i] == 0x7f)
			abort();
	if (rec_utf8_valid((const unsigned char *)u, n) != n)
		abort();
	again = url_clean(u);
	if (strcmp(again, u) != 0)
		abort();
	free(again);
}

static void
split(const char *u)
{
	char scheme[16], key[1024], *path = NULL;
	const char *err;

	url_split(u, scheme, sizeof(scheme), key, sizeof(key), &path, &err);
	free(path);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nul = memchr(data, '\0', size), *ref;
	const char *base = "http://a.example/p/q?r";
	char *copy = kh_malloc(size + 1);
	char *clean, *to;
	int kind;

	memcpy(copy, data, size);
	copy[size] = '\0';
	ref = copy;
	if (nul != NULL) {
		base = copy;
		ref = copy + (nul - (const char *)data) + 1;
	}
	clean = url_clean(ref);
	check_clean(clean);
	split(clean);
	url_other_scheme(ref);
	if ((to = url_resolve(base, ref)) != NULL) {
		check_clean(to);
		split(to);
		free(to);
	}
	kind = addr_kind_str(ref);
	if (kind < ADDR_PUBLIC || kind > ADDR_PRIVATE)
		abort();
	free(clean);
	free(copy);
	return 0;
}
