/*
 * extract.c: libFuzzer target for clean's extractor: HTML bytes in,
 * text and metadata out.
 *
 * What must hold: extract_html() returns on any bytes (broken markup,
 * deep nesting, NUL bytes, invalid UTF-8); every field it sets is a
 * NUL-terminated string; the text has no empty lines, no '\n' at either
 * end and no line twice; for a page in UTF-8 (as a record holds it),
 * the record clean makes of it passes validate; nothing leaks or reads
 * out of bounds.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "valid.h"
#include "../clean/extract.h"

#define URL "https://bd.example/a/b"

/* The record clean writes of the page (clean.c's from_html). */
static void
as_record(const struct extract *x)
{
	struct json_object *rec = json_object_new_object();
	const char *const keys[] = { "title", "published", "modified",
	    "author", "lang", "description", "canonical_url", "site_name",
	    "page_kind" };
	const char *const vals[] = { x->title, x->published, x->modified,
	    x->author, x->lang, x->description, x->canonical_url,
	    x->site_name, x->page_kind };

	json_object_object_add(rec, "url", json_object_new_string(URL));
	valid_put(rec, keys[0], vals[0], vals[0] ? strlen(vals[0]) : 0);
	valid_put(rec, "text", x->text, x->text_len);
	for (size_t i = 1; i < sizeof(keys) / sizeof(keys[0]); i++)
		valid_put(rec, keys[i], vals[i], vals[i] ? strlen(vals[i]) : 0);
	valid_record(rec);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct extract x;
	const char *t;

	if (extract_html((const char *)data, size, URL, &x) == 0 &&
	    (t = x.text) != NULL) {
		if (strlen(t) != x.text_len)
			abort();
		if (x.text_len > 0 && (t[0] == '\n' ||
		    t[x.text_len - 1] == '\n' || strstr(t, "\n\n") != NULL))
			abort();
	}
	if (rec_utf8_valid(data, size) == size)
		as_record(&x);
	extract_free(&x);
	return 0;
}
