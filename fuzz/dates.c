/*
 * dates.c: libFuzzer target for tag's date finder (tag/dates.c).
 *
 * Input: a control byte, then the text.  The control byte picks the
 * reference: none, a day, or a day at either end of the calendar
 * (0000, 0001, 9999), so that resolving runs off neither.
 *
 * What must hold for every mention: 0 <= start < end <= the length of
 * the text in code points (as dates.c counts them: a code point, or an
 * invalid byte, each one); mentions in order and without overlaps; a
 * non-empty value that is NUL-terminated; a kind of the five; a mod of
 * the TIMEX3 ones or none.  For a text in UTF-8 (as a record holds it),
 * the record tag makes of it passes validate: values in 0000..9999,
 * intervals in order, offsets that cut the mention out of the text.
 * Nothing reads past the text (ASan).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "valid.h"
#include "../tag/dates.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
	size_t last_end, length;
	struct json_object *dates;	/* the mentions as tag writes them */
	const char *text;
	size_t len;
};

static _Noreturn void
broken(const char *what, const struct date_mention *m)
{
	kh_warn("%s: %zu-%zu %s %s", what, m->start, m->end, m->kind,
	    m->value);
	abort();
}

static void
check(const struct date_mention *m, void *arg)
{
	static const char *const kinds[] = { "date", "datetime", "time",
		"duration", "set" };
	static const char *const mods[] = { "BEFORE", "AFTER",
		"ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
		"EQUAL_OR_LESS", "EQUAL_OR_MORE", "START", "MID", "END",
		"APPROX" };
	struct seen *s = arg;
	size_t i;

	if (m->start >= m->end || m->end > s->length)
		broken("offsets out of the text", m);
	if (m->start < s->last_end)
		broken("mentions out of order or overlapping", m);
	s->last_end = m->end;
	if (memchr(m->value, '\0', sizeof(m->value)) == NULL ||
	    m->value[0] == '\0')
		broken("empty or unterminated value", m);
	for (i = 0; i < 5 && (m->kind == NULL || strcmp(m->kind, kinds[i]));
	    i++)
		;
	if (i == 5)
		broken("unknown kind", m);
	if (m->mod != NULL) {
		for (i = 0; i < 12 && strcmp(m->mod, mods[i]); i++)
			;
		if (i == 12)
			broken("unknown mod", m);
	}
	if (s->dates != NULL) {
		struct json_object *o = valid_mention(s->dates, "text",
		    s->text, s->len, m->start, m->end);

		json_object_object_add(o, "value",
		    json_object_new_string(m->value));
		json_object_object_add(o, "kind",
		    json_object_new_string(m->kind));
		if (m->mod != NULL)
			json_object_object_add(o, "mod",
			    json_object_new_string(m->mod));
	}
}

/* Code points as dates.c counts them: each valid sequence one, each
 * byte that starts none one. */
static size_t
length(const uint8_t *s, size_t n)
{
	size_t i = 0, cp = 0, k;

	while (i < n) {
		k = rec_utf8_valid(s + i, n - i < 4 ? n - i : 4);
		/* rec_utf8_valid: the length of the valid prefix */
		if (k == 0) {
			i++;
		} else {
			size_t step = 1;
			if (s[i] >= 0xf0)
				step = 4;
			else if (s[i] >= 0xe0)
				step = 3;
			else if (s[i] >= 0xc0)
				step = 2;
			if (step > k)
				step = 1;
			i += step;
		}
		cp++;
	}
	return cp;
}

/* The record tag writes of the text (tag.c). */
static void
as_record(const char *text, size_t size, const char *ref)
{
	struct json_object *rec = json_object_new_object();
	struct date_ref r;
	struct seen s = { 0, 0, json_object_new_array(), text, size };

	json_object_object_add(rec, "url", json_object_new_string("x:"));
	if (ref != NULL)
		json_object_object_add(rec, "published",
		    json_object_new_string(ref));
	json_object_object_add(rec, "text",
	    json_object_new_string_len(text, (int)size));
	s.length = length((const uint8_t *)text, size);
	if (ref != NULL)
		date_ref_parse(ref, strlen(ref), &r);
	dates_find(text, size, ref != NULL ? &r : NULL, check, &s);
	json_object_object_add(rec, "dates", s.dates);
	json_object_object_add(rec, "entities", json_object_new_array());
	valid_record(rec);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const refs[] = { "2024-08-17T11:46:00+06:00",
		"0001-01-01", "9999-12-31", "2024-02-29", "0000-01-01",
		"9999-12-26" };
	struct date_ref ref;
	struct seen s = { 0 };
	unsigned ctl = 0;
	char *text;

	if (size > 0)
		ctl = *data++, size--;
	if (ctl % 7 < 6)
		date_ref_parse(refs[ctl % 7], strlen(refs[ctl % 7]), &ref);
	else
		ref.set = 0;
	/* a copy of exactly size bytes, so ASan sees a read past it */
	text = malloc(size ? size : 1);
	if (text == NULL)
		abort();
	memcpy(text, data, size);
	s.length = length((const uint8_t *)text, size);
	dates_find(text, size, &ref, check, &s);
	dates_find(text, size, NULL, check, &(struct seen){ 0, s.length,
	    NULL, NULL, 0 });
	if (rec_utf8_valid((const uint8_t *)text, size) == size)
		as_record(text, size, ctl % 7 < 6 ? refs[ctl % 7] : NULL);
	free(text);
	return 0;
}
