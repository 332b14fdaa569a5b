/*
 * dates.c: libFuzzer target for tag's date finder (tag/dates.c).
 *
 * Input: a control byte, then the text.  The control byte picks the
 * reference: none, a day, or a day in a far year (0001, 9999), so that
 * resolving runs off neither end of the calendar.
 *
 * What must hold for every mention: 0 <= start < end <= the length of
 * the text in code points (as dates.c counts them: a code point, or an
 * invalid byte, each one); mentions in order and without overlaps; a
 * non-empty value that is NUL-terminated; a kind of the five; a mod of
 * the TIMEX3 ones or none.  Nothing reads past the text (ASan).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "../tag/dates.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct seen {
	size_t last_end, length;
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

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const refs[] = { "2024-08-17T11:46:00+06:00",
		"0001-01-01", "9999-12-31", "2024-02-29" };
	struct date_ref ref;
	struct seen s = { 0 };
	unsigned ctl = 0;
	char *text;

	if (size > 0)
		ctl = *data++, size--;
	if (ctl % 5 < 4)
		date_ref_parse(refs[ctl % 5], strlen(refs[ctl % 5]), &ref);
	else
		ref.set = 0;
	/* a copy of exactly size bytes, so ASan sees a read past it */
	text = malloc(size ? size : 1);
	if (text == NULL)
		abort();
	memcpy(text, data, size);
	s.length = length((const uint8_t *)text, size);
	dates_find(text, size, &ref, check, &s);
	dates_find(text, size, NULL, check, &(struct seen){ 0, s.length });
	free(text);
	return 0;
}
