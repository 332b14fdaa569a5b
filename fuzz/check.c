/*
 * check.c: libFuzzer target for the small parsers of lib/check.c:
 * TIMEX3 values, ISO 8601 / RFC 3339 times and BCP 47 language tags.
 *
 * The input, NUL-terminated in a buffer of its exact size (so ASan sees
 * a read past the terminator), goes to each parser.  What must hold:
 * no crash, no read out of bounds; 0 or -1, and a reason whenever -1;
 * a value good for a kind is a good value; "time" is "datetime"; a
 * time good as RFC 3339 in UTC is a good ISO 8601 time.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static _Noreturn void
broken(const char *what, const char *s, const char *kind)
{
	kh_warn("%s: \"%s\" (%s)", what, s, kind ? kind : "no kind");
	abort();
}

/* Call one parser; check the result and the reason. */
static int
value(const char *s, const char *kind)
{
	const char *why = NULL;
	int ret = check_value(s, kind, &why);

	if (ret != 0 && ret != -1)
		broken("check_value: not 0 or -1", s, kind);
	if (ret < 0 && (why == NULL || *why == '\0'))
		broken("check_value: -1 without a reason", s, kind);
	return ret;
}

static int
datetime(const char *s, int need_utc)
{
	const char *why = NULL;
	int ret = check_datetime(s, need_utc, &why);

	if (ret != 0 && ret != -1)
		broken("check_datetime: not 0 or -1", s, NULL);
	if (ret < 0 && (why == NULL || *why == '\0'))
		broken("check_datetime: -1 without a reason", s, NULL);
	return ret;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const kinds[] = { "date", "datetime", "time",
	    "duration", "set", "bogus" };
	char *s = kh_malloc(size + 1);
	int any, ret[sizeof(kinds) / sizeof(kinds[0])], lang;

	if (size > 0)
		memcpy(s, data, size);
	s[size] = '\0';

	any = value(s, NULL);
	for (size_t i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
		ret[i] = value(s, kinds[i]);
		if (ret[i] == 0 && any != 0)
			broken("check_value: good for a kind, bad without",
			    s, kinds[i]);
	}
	if (ret[1] != ret[2])
		broken("check_value: time and datetime differ", s, NULL);
	if (ret[5] == 0)
		broken("check_value: an unknown kind passes", s, kinds[5]);

	if (datetime(s, 1) == 0 && datetime(s, 0) != 0)
		broken("check_datetime: UTC time that is not a time", s, NULL);

	lang = check_lang(s);
	if (lang != 0 && lang != -1)
		broken("check_lang: not 0 or -1", s, NULL);

	free(s);
	return 0;
}
