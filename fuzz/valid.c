/*
 * valid.c: the record a fuzz target built, through validate's eyes
 * (see valid.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "valid.h"
#include "check.h"

static void
report(void *arg, const char *field, const char *msg)
{
	(void)arg;
	kh_warn("invalid record: %s: %s", field, msg);
}

void
valid_record(struct json_object *rec)
{
	static struct rec_parser *p;
	static struct rec_members m;
	struct json_object *back;
	const char *err, *text;
	char *buf = NULL;
	size_t size = 0, tlen;
	long at;
	FILE *f;

	if (p == NULL)
		p = rec_parser_new();
	if ((f = open_memstream(&buf, &size)) == NULL)
		abort();
	rec_print(f, rec);
	if (fclose(f) != 0 || size == 0 || buf[size - 1] != '\n')
		abort();
	size--;
	if ((back = rec_parse(p, buf, size, 0, &err, &at)) == NULL) {
		kh_warn("a record validate cannot read: %s at %ld: %.*s", err,
		    at, size > 512 ? 512 : (int)size, buf);
		abort();
	}
	if (rec_scan_members(buf, size, 0, &err, &at, &text, &tlen, &m) != 1 ||
	    m.lax != NULL) {
		kh_warn("a record not strict JSON: %.*s",
		    size > 512 ? 512 : (int)size, buf);
		abort();
	}
	if (check_record(back, report, NULL) != 0) {
		kh_warn("in: %.*s", size > 512 ? 512 : (int)size, buf);
		abort();
	}
	json_object_put(back);
	json_object_put(rec);
	free(buf);
}

void
valid_put(struct json_object *rec, const char *key, const char *s,
    size_t len)
{
	if (s != NULL && len > 0)
		json_object_object_add(rec, key,
		    json_object_new_string_len(s, (int)len));
}

/* The byte offset of code point cp in s. */
static size_t
cp_byte(const char *s, size_t len, size_t cp)
{
	size_t b = 0, k;

	while (cp > 0 && b < len) {
		kh_utf8_next((const unsigned char *)s + b, len - b, &k);
		b += k;
		cp--;
	}
	return b;
}

struct json_object *
valid_mention(struct json_object *arr, const char *field, const char *s,
    size_t len, size_t start, size_t end)
{
	struct json_object *m = json_object_new_object();
	size_t a = cp_byte(s, len, start), b = cp_byte(s, len, end);

	json_object_object_add(m, "field", json_object_new_string(field));
	json_object_object_add(m, "start", json_object_new_int64(
	    (int64_t)start));
	json_object_object_add(m, "end", json_object_new_int64((int64_t)end));
	json_object_object_add(m, "text", json_object_new_string_len(s + a,
	    (int)(b - a)));
	json_object_array_add(arr, m);
	return m;
}
