/*
 * charset.c: which encoding a page is in, and conversion to UTF-8, with
 * ICU's converters and its charset detector (ucsdet).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>

#include "khobor.h"
#include "charset.h"

#define PRESCAN 4096		/* bytes searched for <meta> */
#define DETECT_MAX (64 << 10)	/* bytes given to the detector */

/* Labels whose meaning on the web differs from ICU's: HTML decodes
 * these as windows-1252 (the WHATWG Encoding standard). */
static const char *const as_1252[] = {
	"ascii", "us-ascii", "iso-8859-1", "iso8859-1", "iso_8859-1",
	"iso-ir-100", "latin1", "l1", "cp819", "ibm819", "cp1252",
	"x-cp1252", "windows-1252", "ansi_x3.4-1968", "iso_8859-1:1987",
};

/* Take a label (len bytes, maybe quoted or padded) as a name ICU knows.
 * Returns 0, or -1 to pass it over. */
static int
take_label(const char *s, size_t len, char name[CHARSET_NAME_MAX])
{
	char label[CHARSET_NAME_MAX];
	UErrorCode err = U_ZERO_ERROR;
	UConverter *cnv;
	size_t i;

	while (len > 0 && strchr(" \t\r\n\"'", *s) != NULL) {
		s++;
		len--;
	}
	while (len > 0 && strchr(" \t\r\n\"';", s[len - 1]) != NULL)
		len--;
	if (len == 0 || len >= sizeof(label))
		return -1;
	for (i = 0; i < len; i++) {
		if (!isalnum((unsigned char)s[i]) && strchr("-_.:", s[i]) == NULL)
			return -1;
		label[i] = tolower((unsigned char)s[i]);
	}
	label[len] = '\0';
	for (i = 0; i < sizeof(as_1252) / sizeof(*as_1252); i++)
		if (strcmp(label, as_1252[i]) == 0) {
			strcpy(name, "windows-1252");
			return 0;
		}
	if (strcmp(label, "utf8") == 0 || strcmp(label, "utf-8") == 0 ||
	    strcmp(label, "unicode-1-1-utf-8") == 0) {
		strcpy(name, "UTF-8");
		return 0;
	}
	if ((cnv = ucnv_open(label, &err)) == NULL || U_FAILURE(err))
		return -1;
	ucnv_close(cnv);
	memcpy(name, label, len + 1);
	return 0;
}

/* The value after "charset" (then blanks, '=', blanks) in s[0..len). */
static int
charset_param(const char *s, size_t len, char name[CHARSET_NAME_MAX])
{
	const char *end = s + len, *p, *v;

	for (p = s; p + 7 <= end; p++) {
		if (strncasecmp(p, "charset", 7) != 0)
			continue;
		p += 7;
		while (p < end && (*p == ' ' || *p == '\t'))
			p++;
		if (p == end || *p != '=')
			continue;
		p++;
		while (p < end && strchr(" \t\"'", *p) != NULL)
			p++;
		for (v = p; p < end && strchr(" \t\"';>/", *p) == NULL; p++)
			;
		return take_label(v, p - v, name);
	}
	return -1;
}

/* <meta ... charset=X> or <meta http-equiv content="...; charset=X">
 * among the first PRESCAN bytes. */
static int
meta_charset(const char *body, size_t len, char name[CHARSET_NAME_MAX])
{
	const char *end = body + (len < PRESCAN ? len : PRESCAN), *p, *gt;

	for (p = body; p + 5 < end; p++) {
		if (*p != '<' || strncasecmp(p + 1, "meta", 4) != 0 ||
		    isalnum((unsigned char)p[5]))
			continue;
		if ((gt = memchr(p, '>', end - p)) == NULL)
			return -1;
		if (charset_param(p, gt - p, name) == 0) {
			/* A page that says UTF-16 in ASCII is not UTF-16. */
			if (strncasecmp(name, "utf-16", 6) == 0)
				strcpy(name, "UTF-8");
			return 0;
		}
		p = gt;
	}
	return -1;
}

/* <?xml version="1.0" encoding="X"?> at the very start. */
static int
xml_encoding(const char *body, size_t len, char name[CHARSET_NAME_MAX])
{
	const char *end, *p, *q;

	if (len < 6 || memcmp(body, "<?xml", 5) != 0)
		return -1;
	if ((end = memchr(body, '>', len < 256 ? len : 256)) == NULL)
		return -1;
	for (p = body; p + 8 < end; p++)
		if (memcmp(p, "encoding", 8) == 0) {
			p += 8;
			while (p < end && strchr(" \t=\"'", *p) != NULL)
				p++;
			for (q = p; q < end && strchr(" \t\"'?", *q) == NULL;
			    q++)
				;
			return take_label(p, q - p, name);
		}
	return -1;
}

static int
detect(const char *body, size_t len, char name[CHARSET_NAME_MAX])
{
	UErrorCode err = U_ZERO_ERROR;
	UCharsetDetector *csd;
	const UCharsetMatch *m;
	const char *found;
	int ret = -1;

	if ((csd = ucsdet_open(&err)) == NULL || U_FAILURE(err))
		return -1;
	ucsdet_enableInputFilter(csd, 1);	/* look past the markup */
	ucsdet_setText(csd, body, len < DETECT_MAX ? len : DETECT_MAX, &err);
	m = ucsdet_detect(csd, &err);
	if (m != NULL && U_SUCCESS(err) && ucsdet_getConfidence(m, &err) > 10 &&
	    (found = ucsdet_getName(m, &err)) != NULL && U_SUCCESS(err))
		ret = take_label(found, strlen(found), name);
	ucsdet_close(csd);
	return ret;
}

void
charset_detect(const char *body, size_t len, const char *content_type,
    char name[CHARSET_NAME_MAX])
{
	const unsigned char *b = (const unsigned char *)body;

	if (len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf) {
		strcpy(name, "UTF-8");
		return;
	}
	if (len >= 2 && b[0] == 0xff && b[1] == 0xfe) {
		strcpy(name, "UTF-16LE");
		return;
	}
	if (len >= 2 && b[0] == 0xfe && b[1] == 0xff) {
		strcpy(name, "UTF-16BE");
		return;
	}
	if (content_type != NULL &&
	    charset_param(content_type, strlen(content_type), name) == 0)
		return;
	if (meta_charset(body, len, name) == 0 ||
	    xml_encoding(body, len, name) == 0)
		return;
	if (rec_utf8_valid(b, len) == len) {
		strcpy(name, "UTF-8");
		return;
	}
	if (detect(body, len, name) == 0)
		return;
	strcpy(name, "windows-1252");	/* what browsers fall back to */
}

char *
charset_to_utf8(const char *body, size_t len, const char *charset,
    size_t *outlen)
{
	UErrorCode err = U_ZERO_ERROR;
	UConverter *cnv;
	size_t cap;
	int32_t n;
	char *out;

	if (len > INT32_MAX / 4)
		len = INT32_MAX / 4;	/* ICU counts in int32_t */
	if ((cnv = ucnv_open(charset, &err)) == NULL || U_FAILURE(err))
		return NULL;
	cap = 3 * len + 16;	/* any charset's byte to UTF-8 */
	out = kh_malloc(cap);
	n = ucnv_toAlgorithmic(UCNV_UTF8, cnv, out, (int32_t)cap - 1, body,
	    (int32_t)len, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR) {
		err = U_ZERO_ERROR;
		cap = (size_t)n + 1;
		out = kh_realloc(out, cap);
		ucnv_reset(cnv);
		n = ucnv_toAlgorithmic(UCNV_UTF8, cnv, out, (int32_t)cap - 1,
		    body, (int32_t)len, &err);
	}
	ucnv_close(cnv);
	if (U_FAILURE(err)) {
		free(out);
		return NULL;
	}
	if (n >= 3 && memcmp(out, "\xef\xbb\xbf", 3) == 0) {
		memmove(out, out + 3, n - 3);
		n -= 3;
	}
	out[n] = '\0';
	*outlen = n;
	return out;
}
