/*
 * charset.h: a page's character encoding, and its text in UTF-8.
 */
#ifndef CHARSET_H
#define CHARSET_H

#include <stddef.h>

#define CHARSET_NAME_MAX 64

/* Find the encoding of body (len bytes), in the order of HTML's
 * encoding sniffing: a byte order mark, the charset parameter of
 * content_type (may be NULL), a <meta charset> or http-equiv in the
 * first 4 KiB or an XML declaration, and without any of them UTF-8 when
 * the bytes are valid UTF-8, else ICU's detector.  Labels are read as
 * browsers read them (iso-8859-1 and us-ascii mean windows-1252); a label
 * ICU does not know is passed over.  Writes the name to name. */
void charset_detect(const char *body, size_t len, const char *content_type,
	char name[CHARSET_NAME_MAX]);

/* body from charset to UTF-8, a byte order mark dropped, bytes invalid
 * in the charset as U+FFFD.  Returns a malloc'd string with a NUL after
 * it, its length in *outlen; NULL when ICU has no such converter. */
char *charset_to_utf8(const char *body, size_t len, const char *charset,
	size_t *outlen);

#endif
