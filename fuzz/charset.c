/*
 * charset.c: libFuzzer target for fetch's charset sniffing and
 * conversion to UTF-8.
 *
 * Input: a Content-Type header value, a NUL byte, then the body (without
 * a NUL, all of it is the body and there is no header).
 *
 * What must hold: any bytes give the name of an encoding of the WHATWG
 * Encoding Standard (a name is a label of itself), never utf-7 or
 * utf-32 whatever the header or the page says; the conversion from it
 * gives valid UTF-8 with no byte order mark at the start (unless a
 * second one follows it: U+FEFF as text); nothing leaks or reads out of
 * bounds (ASan, UBSan).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "charset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A byte order mark right after the first one. */
static int
second_bom(const char *b, size_t n)
{
	if (n >= 6 && memcmp(b, "\xef\xbb\xbf\xef\xbb\xbf", 6) == 0)
		return 1;
	return n >= 4 && (memcmp(b, "\xff\xfe\xff\xfe", 4) == 0 ||
	    memcmp(b, "\xfe\xff\xfe\xff", 4) == 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nul = memchr(data, '\0', size);
	const char *body = (const char *)data;
	char name[CHARSET_NAME_MAX], *ct = NULL, *out;
	const char *enc;
	size_t len = size, outlen;

	if (nul != NULL) {
		ct = strndup((const char *)data, nul - (const char *)data);
		body = nul + 1;
		len = size - (nul - (const char *)data) - 1;
	}
	charset_detect(body, len, ct, name);
	if ((enc = charset_label(name, strlen(name))) == NULL ||
	    strcmp(enc, name) != 0)
		abort();	/* not a name of the Standard */
	if ((out = charset_to_utf8(body, len, name, &outlen)) == NULL)
		abort();	/* detect named an encoding with no decoder */
	if (rec_utf8_valid((unsigned char *)out, outlen) != outlen)
		abort();
	if (outlen >= 3 && memcmp(out, "\xef\xbb\xbf", 3) == 0 &&
	    !second_bom(body, len))
		abort();	/* the byte order mark is dropped */
	free(out);
	free(ct);
	return 0;
}
