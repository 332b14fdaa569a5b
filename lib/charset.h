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
 * the bytes are valid UTF-8, else ICU's detector, else windows-1252.
 * Labels are read by the WHATWG Encoding Standard's table (iso-8859-1
 * and us-ascii mean windows-1252, utf-16 UTF-16LE); a label not in it
 * (utf-7, utf-32) is passed over.  UTF-16 named in the document itself
 * means UTF-8, and x-user-defined there windows-1252.  Writes the
 * encoding's name in the Standard ("UTF-8", "windows-1252", "KOI8-R",
 * "replacement", ...) to name. */
void charset_detect(const char *body, size_t len, const char *content_type,
	char name[CHARSET_NAME_MAX]);

/* The name of the encoding label names in the Encoding Standard, or
 * NULL when it names none.  ASCII whitespace around label does not
 * count, nor the case of ASCII letters. */
const char *charset_label(const char *label, size_t len);

/* body from charset (a label or name of the Encoding Standard) to UTF-8,
 * a byte order mark dropped, bytes invalid in the charset as U+FFFD;
 * the replacement encoding gives one U+FFFD for a body of any length.
 * Returns a malloc'd string of valid UTF-8 with a NUL after it, its
 * length in *outlen; NULL when charset names no encoding. */
char *charset_to_utf8(const char *body, size_t len, const char *charset,
	size_t *outlen);

/* A page's body in UTF-8 as fetch and unwarc write it: its encoding
 * found by charset_detect() (name in cs), then body itself when that is
 * UTF-8 already and valid (no byte order mark), else a malloc'd copy in
 * *copy (for the caller to free) converted by charset_to_utf8(), or
 * repaired as UTF-8 when no converter opens.  Its length in *outlen. */
const char *charset_page(const char *body, size_t len,
	const char *content_type, char cs[CHARSET_NAME_MAX], size_t *outlen,
	char **copy);

#endif
