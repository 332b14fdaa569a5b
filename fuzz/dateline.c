/*
 * dateline.c: libFuzzer target for clean's dateline parser
 * (clean/dateline.c).
 *
 * Input: a control byte (the size of the output buffer, 0..63), then the
 * string.  What must hold:
 * - the parser reads only the len bytes given (the string is copied to
 *   a buffer of exactly that size, so ASan sees any read past it);
 * - with DATELINE_NONE the output is untouched;
 * - otherwise the output is NUL-terminated within its size and reads
 *   YYYY-MM-DD, optionally THH:MM, :SS, and an offset +HH:MM, with a
 *   real day of a real month;
 * - the result does not depend on the output buffer's size, when it fits;
 * - a record with it as published (or modified) passes validate.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "valid.h"
#include "../clean/dateline.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static _Noreturn void
broken(const char *what, const char *s)
{
	kh_warn("%s: %s", what, s);
	abort();
}

static int
num(const char *s, int n)
{
	int v = 0;

	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static void
check_iso(const char *s)
{
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	size_t n = strlen(s);
	int y, m, d;

	if (n < 10 || s[4] != '-' || s[7] != '-')
		broken("not YYYY-MM-DD", s);
	y = num(s, 4), m = num(s + 5, 2), d = num(s + 8, 2);
	if (y < 0 || m < 1 || m > 12 || d < 1 || d > mdays[m - 1])
		broken("not a real date", s);
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0))
		broken("29 February of a common year", s);
	if (n == 10)
		return;
	if (n < 16 || s[10] != 'T' || s[13] != ':' || num(s + 11, 2) < 0 ||
	    num(s + 11, 2) > 23 || num(s + 14, 2) < 0 || num(s + 14, 2) > 59)
		broken("bad time", s);
	s += 16;
	if (*s == ':') {
		if (num(s + 1, 2) < 0 || num(s + 1, 2) > 59)
			broken("bad seconds", s);
		s += 3;
	}
	if (*s == '\0')
		return;
	if ((*s != '+' && *s != '-') || num(s + 1, 2) < 0 || s[3] != ':' ||
	    num(s + 4, 2) < 0 || s[6] != '\0')
		broken("bad offset", s);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	enum dateline_kind k, k2;
	char out[64], big[64];
	size_t outsz = 0;
	char *s;

	if (size > 0)
		outsz = *data++ % 64, size--;
	s = kh_malloc(size ? size : 1);
	if (size > 0)
		memcpy(s, data, size);
	memset(out, 'x', sizeof out);
	k = dateline_parse(s, size, out, outsz);
	if (k == DATELINE_NONE) {
		for (size_t i = 0; i < sizeof out; i++)
			if (out[i] != 'x')
				broken("output touched for no date", "");
	} else if (k != DATELINE_PUBLISHED && k != DATELINE_MODIFIED) {
		broken("unknown kind", "");
	} else {
		if (memchr(out, '\0', outsz) == NULL)
			broken("output not terminated within its size", "");
		check_iso(out);
	}
	k2 = dateline_parse(s, size, big, sizeof big);
	if (k != DATELINE_NONE && (k2 != k || strcmp(out, big) != 0))
		broken("result depends on the buffer's size", big);
	if (k2 != DATELINE_NONE) {
		struct json_object *rec = json_object_new_object();

		check_iso(big);
		json_object_object_add(rec, "url",
		    json_object_new_string("https://bd.example/d"));
		valid_put(rec, k2 == DATELINE_PUBLISHED ? "published" :
		    "modified", big, strlen(big));
		valid_record(rec);
	}
	free(s);
	return 0;
}
