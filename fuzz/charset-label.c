/*
 * charset-label.c: libFuzzer target for fetch's table of the WHATWG
 * Encoding Standard's labels (charset_label() in lib/charset.c).
 *
 * Input: a label, a NUL byte, then a body (without a NUL, the input is
 * both the label and the body).
 *
 * What must hold: a label names one of the Standard's 40 encodings or
 * none (utf-7 and utf-32 are none); a name is a label of itself; the
 * case of ASCII letters and ASCII whitespace around the label do not
 * count, and nothing else is dropped (a vertical tab, a NUL, U+00A0 or
 * a quote makes a label no label); a label with a byte past ASCII is
 * none; the body decodes from the label's encoding to valid UTF-8, and
 * a label that names none decodes nothing.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "charset.h"

#define LABEL_TRY 64	/* bytes of a label tried in its variants */

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The names of the Standard, written out again. */
static const char *const names[] = {
	"UTF-8", "IBM866", "ISO-8859-2", "ISO-8859-3", "ISO-8859-4",
	"ISO-8859-5", "ISO-8859-6", "ISO-8859-7", "ISO-8859-8",
	"ISO-8859-8-I", "ISO-8859-10", "ISO-8859-13", "ISO-8859-14",
	"ISO-8859-15", "ISO-8859-16", "KOI8-R", "KOI8-U", "macintosh",
	"windows-874", "windows-1250", "windows-1251", "windows-1252",
	"windows-1253", "windows-1254", "windows-1255", "windows-1256",
	"windows-1257", "windows-1258", "x-mac-cyrillic", "GBK", "gb18030",
	"Big5", "EUC-JP", "ISO-2022-JP", "Shift_JIS", "EUC-KR",
	"replacement", "UTF-16BE", "UTF-16LE", "x-user-defined",
};

static int
is_name(const char *s)
{
	size_t i;

	for (i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (s == names[i] || strcmp(s, names[i]) == 0)
			return 1;
	return 0;
}

/* The same result, or both none. */
static int
same(const char *a, const char *b)
{
	return a == b || (a != NULL && b != NULL && strcmp(a, b) == 0);
}

static void
variants(const char *label, size_t len, const char *enc)
{
	char buf[LABEL_TRY + 8];
	size_t i;

	if (len > LABEL_TRY)
		return;
	/* Each ASCII letter in the other case. */
	for (i = 0; i < len; i++)
		buf[i] = label[i] >= 'a' && label[i] <= 'z' ? label[i] - 32 :
		    label[i] >= 'A' && label[i] <= 'Z' ? label[i] + 32 :
		    label[i];
	if (!same(charset_label(buf, len), enc))
		abort();
	/* ASCII whitespace around it. */
	memcpy(buf, "\t\n ", 3);
	memcpy(buf + 3, label, len);
	memcpy(buf + 3 + len, "\f\r ", 3);
	if (!same(charset_label(buf, len + 6), enc))
		abort();
	if (enc == NULL)
		return;
	/* Nothing else around a label is dropped. */
	buf[2] = '\v';
	if (charset_label(buf + 2, len + 1) != NULL)
		abort();
	buf[2] = '"';
	if (charset_label(buf + 2, len + 1) != NULL)
		abort();
	memcpy(buf + 1, "\xc2\xa0", 2);
	if (charset_label(buf + 1, len + 2) != NULL)
		abort();
	buf[3 + len] = '\0';
	if (charset_label(buf + 3, len + 1) != NULL)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *nul = memchr(data, '\0', size);
	const char *label = (const char *)data, *body = label, *enc;
	size_t len = size, blen = size, outlen, i;
	char *out;

	if (nul != NULL) {
		len = nul - label;
		body = nul + 1;
		blen = size - len - 1;
	}
	enc = charset_label(label, len);
	if (enc != NULL && !is_name(enc))
		abort();
	if (enc != NULL && !same(charset_label(enc, strlen(enc)), enc))
		abort();	/* a name is a label of itself */
	for (i = 0; enc != NULL && i < len; i++)
		if ((unsigned char)label[i] >= 0x80)
			abort();	/* every label is ASCII */
	variants(label, len, enc);
	out = charset_to_utf8(body, blen, enc != NULL ? enc : "", &outlen);
	if ((out == NULL) != (enc == NULL))
		abort();
	if (out != NULL && rec_utf8_valid((unsigned char *)out, outlen) !=
	    outlen)
		abort();
	free(out);
	return 0;
}
