/*
 * extract.c: libFuzzer target for clean's extractor: HTML bytes in,
 * text and metadata out.
 *
 * What must hold: extract_html() returns on any bytes (broken markup,
 * deep nesting, NUL bytes, invalid UTF-8); every field it sets is a
 * NUL-terminated string; the text has no empty lines, no '\n' at either
 * end and no line twice; nothing leaks or reads out of bounds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "../clean/extract.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract x;
	const char *t;

	if (extract_html((const char *)data, size, "https://bd.example/a/b",
	    &x) == 0 && (t = x.text) != NULL) {
		if (strlen(t) != x.text_len)
			abort();
		if (x.text_len > 0 && (t[0] == '\n' ||
		    t[x.text_len - 1] == '\n' || strstr(t, "\n\n") != NULL))
			abort();
	}
	extract_free(&x);
	return 0;
}
