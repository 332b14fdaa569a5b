/*
 * charset.c: which encoding a page is in, and its text in UTF-8.
 *
 * Labels are read by the table of the WHATWG Encoding Standard
 * (https://encoding.spec.whatwg.org/#names-and-labels): its 228 labels
 * of 40 encodings, and nothing else.  A label outside it (utf-7,
 * utf-32, cesu-8, ...) names no encoding, however many ICU knows:
 * browsers decode none of them, and a page decoded otherwise than a
 * browser decodes it has other markup (in utf-7, "+ADw-script+AD4-" is
 * "<script>").  Each encoding is decoded by the ICU converter nearest to
 * it, or here: ISO-8859-16 (missing from the ICU data Debian ships),
 * x-user-defined and replacement.  ICU's charset detector (ucsdet) is
 * heard last, and only for the encodings a browser could guess.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/ucsdet.h>

#include "khobor.h"
#include "charset.h"

#define PRESCAN 4096		/* bytes searched for <meta> */
#define DETECT_MAX (64 << 10)	/* bytes given to the detector */
#define LABEL_MAX 31		/* the longest label has 19 bytes */

enum enc {
	E_UTF8, E_IBM866, E_ISO8859_2, E_ISO8859_3, E_ISO8859_4,
	E_ISO8859_5, E_ISO8859_6, E_ISO8859_7, E_ISO8859_8, E_ISO8859_8I,
	E_ISO8859_10, E_ISO8859_13, E_ISO8859_14, E_ISO8859_15,
	E_ISO8859_16, E_KOI8R, E_KOI8U, E_MAC, E_WIN874, E_WIN1250,
	E_WIN1251, E_WIN1252, E_WIN1253, E_WIN1254, E_WIN1255, E_WIN1256,
	E_WIN1257, E_WIN1258, E_MACCYR, E_GBK, E_GB18030, E_BIG5, E_EUCJP,
	E_ISO2022JP, E_SJIS, E_EUCKR, E_REPL, E_UTF16BE, E_UTF16LE, E_USER
};

/* Each encoding's name in the Standard, and the ICU converter (by its
 * canonical name, so no alias can be taken for another) that decodes
 * it, or NULL where we do.  GBK is decoded as gb18030, as the Standard
 * says; Big5 as Big5-HKSCS, which it includes; EUC-KR as windows-949;
 * Shift_JIS as windows-31j. */
static const struct encoding {
	const char *name, *icu;
} encs[] = {
	[E_UTF8] = { "UTF-8", "UTF-8" },
	[E_IBM866] = { "IBM866", "ibm-866_P100-1995" },
	[E_ISO8859_2] = { "ISO-8859-2", "ibm-912_P100-1995" },
	[E_ISO8859_3] = { "ISO-8859-3", "ibm-913_P100-2000" },
	[E_ISO8859_4] = { "ISO-8859-4", "ibm-914_P100-1995" },
	[E_ISO8859_5] = { "ISO-8859-5", "ibm-915_P100-1995" },
	[E_ISO8859_6] = { "ISO-8859-6", "ibm-1089_P100-1995" },
	[E_ISO8859_7] = { "ISO-8859-7", "ibm-9005_X110-2007" },
	[E_ISO8859_8] = { "ISO-8859-8", "ibm-5012_P100-1999" },
	[E_ISO8859_8I] = { "ISO-8859-8-I", "ibm-5012_P100-1999" },
	[E_ISO8859_10] = { "ISO-8859-10", "iso-8859_10-1998" },
	[E_ISO8859_13] = { "ISO-8859-13", "ibm-921_P100-1995" },
	[E_ISO8859_14] = { "ISO-8859-14", "iso-8859_14-1998" },
	[E_ISO8859_15] = { "ISO-8859-15", "ibm-923_P100-1998" },
	[E_ISO8859_16] = { "ISO-8859-16", NULL },
	[E_KOI8R] = { "KOI8-R", "ibm-878_P100-1996" },
	[E_KOI8U] = { "KOI8-U", "ibm-1168_P100-2002" },
	[E_MAC] = { "macintosh", "macos-0_2-10.2" },
	[E_WIN874] = { "windows-874", "windows-874-2000" },
	[E_WIN1250] = { "windows-1250", "ibm-5346_P100-1998" },
	[E_WIN1251] = { "windows-1251", "ibm-5347_P100-1998" },
	[E_WIN1252] = { "windows-1252", "ibm-5348_P100-1997" },
	[E_WIN1253] = { "windows-1253", "ibm-5349_P100-1998" },
	[E_WIN1254] = { "windows-1254", "ibm-5350_P100-1998" },
	[E_WIN1255] = { "windows-1255", "ibm-9447_P100-2002" },
	[E_WIN1256] = { "windows-1256", "ibm-9448_X100-2005" },
	[E_WIN1257] = { "windows-1257", "ibm-9449_P100-2002" },
	[E_WIN1258] = { "windows-1258", "ibm-5354_P100-1998" },
	[E_MACCYR] = { "x-mac-cyrillic", "macos-7_3-10.2" },
	[E_GBK] = { "GBK", "gb18030" },
	[E_GB18030] = { "gb18030", "gb18030" },
	[E_BIG5] = { "Big5", "ibm-1375_P100-2008" },
	[E_EUCJP] = { "EUC-JP", "euc-jp-2007" },
	[E_ISO2022JP] = { "ISO-2022-JP", "ISO_2022,locale=ja,version=0" },
	[E_SJIS] = { "Shift_JIS", "ibm-943_P15A-2003" },
	[E_EUCKR] = { "EUC-KR", "windows-949-2000" },
	[E_REPL] = { "replacement", NULL },
	[E_UTF16BE] = { "UTF-16BE", "UTF-16BE" },
	[E_UTF16LE] = { "UTF-16LE", "UTF-16LE" },
	[E_USER] = { "x-user-defined", NULL },
};

/* Every label, sorted by strcmp() (tests/charset.t checks it). */
static const struct label {
	const char *label;
	enum enc enc;
} labels[] = {
	{ "866", E_IBM866 },
	{ "ansi_x3.4-1968", E_WIN1252 },
	{ "arabic", E_ISO8859_6 },
	{ "ascii", E_WIN1252 },
	{ "asmo-708", E_ISO8859_6 },
	{ "big5", E_BIG5 },
	{ "big5-hkscs", E_BIG5 },
	{ "chinese", E_GBK },
	{ "cn-big5", E_BIG5 },
	{ "cp1250", E_WIN1250 },
	{ "cp1251", E_WIN1251 },
	{ "cp1252", E_WIN1252 },
	{ "cp1253", E_WIN1253 },
	{ "cp1254", E_WIN1254 },
	{ "cp1255", E_WIN1255 },
	{ "cp1256", E_WIN1256 },
	{ "cp1257", E_WIN1257 },
	{ "cp1258", E_WIN1258 },
	{ "cp819", E_WIN1252 },
	{ "cp866", E_IBM866 },
	{ "csbig5", E_BIG5 },
	{ "cseuckr", E_EUCKR },
	{ "cseucpkdfmtjapanese", E_EUCJP },
	{ "csgb2312", E_GBK },
	{ "csibm866", E_IBM866 },
	{ "csiso2022jp", E_ISO2022JP },
	{ "csiso2022kr", E_REPL },
	{ "csiso58gb231280", E_GBK },
	{ "csiso88596e", E_ISO8859_6 },
	{ "csiso88596i", E_ISO8859_6 },
	{ "csiso88598e", E_ISO8859_8 },
	{ "csiso88598i", E_ISO8859_8I },
	{ "csisolatin1", E_WIN1252 },
	{ "csisolatin2", E_ISO8859_2 },
	{ "csisolatin3", E_ISO8859_3 },
	{ "csisolatin4", E_ISO8859_4 },
	{ "csisolatin5", E_WIN1254 },
	{ "csisolatin6", E_ISO8859_10 },
	{ "csisolatin9", E_ISO8859_15 },
	{ "csisolatinarabic", E_ISO8859_6 },
	{ "csisolatincyrillic", E_ISO8859_5 },
	{ "csisolatingreek", E_ISO8859_7 },
	{ "csisolatinhebrew", E_ISO8859_8 },
	{ "cskoi8r", E_KOI8R },
	{ "csksc56011987", E_EUCKR },
	{ "csmacintosh", E_MAC },
	{ "csshiftjis", E_SJIS },
	{ "csunicode", E_UTF16LE },
	{ "cyrillic", E_ISO8859_5 },
	{ "dos-874", E_WIN874 },
	{ "ecma-114", E_ISO8859_6 },
	{ "ecma-118", E_ISO8859_7 },
	{ "elot_928", E_ISO8859_7 },
	{ "euc-jp", E_EUCJP },
	{ "euc-kr", E_EUCKR },
	{ "gb18030", E_GB18030 },
	{ "gb2312", E_GBK },
	{ "gb_2312", E_GBK },
	{ "gb_2312-80", E_GBK },
	{ "gbk", E_GBK },
	{ "greek", E_ISO8859_7 },
	{ "greek8", E_ISO8859_7 },
	{ "hebrew", E_ISO8859_8 },
	{ "hz-gb-2312", E_REPL },
	{ "ibm819", E_WIN1252 },
	{ "ibm866", E_IBM866 },
	{ "iso-10646-ucs-2", E_UTF16LE },
	{ "iso-2022-cn", E_REPL },
	{ "iso-2022-cn-ext", E_REPL },
	{ "iso-2022-jp", E_ISO2022JP },
	{ "iso-2022-kr", E_REPL },
	{ "iso-8859-1", E_WIN1252 },
	{ "iso-8859-10", E_ISO8859_10 },
	{ "iso-8859-11", E_WIN874 },
	{ "iso-8859-13", E_ISO8859_13 },
	{ "iso-8859-14", E_ISO8859_14 },
	{ "iso-8859-15", E_ISO8859_15 },
	{ "iso-8859-16", E_ISO8859_16 },
	{ "iso-8859-2", E_ISO8859_2 },
	{ "iso-8859-3", E_ISO8859_3 },
	{ "iso-8859-4", E_ISO8859_4 },
	{ "iso-8859-5", E_ISO8859_5 },
	{ "iso-8859-6", E_ISO8859_6 },
	{ "iso-8859-6-e", E_ISO8859_6 },
	{ "iso-8859-6-i", E_ISO8859_6 },
	{ "iso-8859-7", E_ISO8859_7 },
	{ "iso-8859-8", E_ISO8859_8 },
	{ "iso-8859-8-e", E_ISO8859_8 },
	{ "iso-8859-8-i", E_ISO8859_8I },
	{ "iso-8859-9", E_WIN1254 },
	{ "iso-ir-100", E_WIN1252 },
	{ "iso-ir-101", E_ISO8859_2 },
	{ "iso-ir-109", E_ISO8859_3 },
	{ "iso-ir-110", E_ISO8859_4 },
	{ "iso-ir-126", E_ISO8859_7 },
	{ "iso-ir-127", E_ISO8859_6 },
	{ "iso-ir-138", E_ISO8859_8 },
	{ "iso-ir-144", E_ISO8859_5 },
	{ "iso-ir-148", E_WIN1254 },
	{ "iso-ir-149", E_EUCKR },
	{ "iso-ir-157", E_ISO8859_10 },
	{ "iso-ir-58", E_GBK },
	{ "iso8859-1", E_WIN1252 },
	{ "iso8859-10", E_ISO8859_10 },
	{ "iso8859-11", E_WIN874 },
	{ "iso8859-13", E_ISO8859_13 },
	{ "iso8859-14", E_ISO8859_14 },
	{ "iso8859-15", E_ISO8859_15 },
	{ "iso8859-2", E_ISO8859_2 },
	{ "iso8859-3", E_ISO8859_3 },
	{ "iso8859-4", E_ISO8859_4 },
	{ "iso8859-5", E_ISO8859_5 },
	{ "iso8859-6", E_ISO8859_6 },
	{ "iso8859-7", E_ISO8859_7 },
	{ "iso8859-8", E_ISO8859_8 },
	{ "iso8859-9", E_WIN1254 },
	{ "iso88591", E_WIN1252 },
	{ "iso885910", E_ISO8859_10 },
	{ "iso885911", E_WIN874 },
	{ "iso885913", E_ISO8859_13 },
	{ "iso885914", E_ISO8859_14 },
	{ "iso885915", E_ISO8859_15 },
	{ "iso88592", E_ISO8859_2 },
	{ "iso88593", E_ISO8859_3 },
	{ "iso88594", E_ISO8859_4 },
	{ "iso88595", E_ISO8859_5 },
	{ "iso88596", E_ISO8859_6 },
	{ "iso88597", E_ISO8859_7 },
	{ "iso88598", E_ISO8859_8 },
	{ "iso88599", E_WIN1254 },
	{ "iso_8859-1", E_WIN1252 },
	{ "iso_8859-15", E_ISO8859_15 },
	{ "iso_8859-1:1987", E_WIN1252 },
	{ "iso_8859-2", E_ISO8859_2 },
	{ "iso_8859-2:1987", E_ISO8859_2 },
	{ "iso_8859-3", E_ISO8859_3 },
	{ "iso_8859-3:1988", E_ISO8859_3 },
	{ "iso_8859-4", E_ISO8859_4 },
	{ "iso_8859-4:1988", E_ISO8859_4 },
	{ "iso_8859-5", E_ISO8859_5 },
	{ "iso_8859-5:1988", E_ISO8859_5 },
	{ "iso_8859-6", E_ISO8859_6 },
	{ "iso_8859-6:1987", E_ISO8859_6 },
	{ "iso_8859-7", E_ISO8859_7 },
	{ "iso_8859-7:1987", E_ISO8859_7 },
	{ "iso_8859-8", E_ISO8859_8 },
	{ "iso_8859-8:1988", E_ISO8859_8 },
	{ "iso_8859-9", E_WIN1254 },
	{ "iso_8859-9:1989", E_WIN1254 },
	{ "koi", E_KOI8R },
	{ "koi8", E_KOI8R },
	{ "koi8-r", E_KOI8R },
	{ "koi8-ru", E_KOI8U },
	{ "koi8-u", E_KOI8U },
	{ "koi8_r", E_KOI8R },
	{ "korean", E_EUCKR },
	{ "ks_c_5601-1987", E_EUCKR },
	{ "ks_c_5601-1989", E_EUCKR },
	{ "ksc5601", E_EUCKR },
	{ "ksc_5601", E_EUCKR },
	{ "l1", E_WIN1252 },
	{ "l2", E_ISO8859_2 },
	{ "l3", E_ISO8859_3 },
	{ "l4", E_ISO8859_4 },
	{ "l5", E_WIN1254 },
	{ "l6", E_ISO8859_10 },
	{ "l9", E_ISO8859_15 },
	{ "latin1", E_WIN1252 },
	{ "latin2", E_ISO8859_2 },
	{ "latin3", E_ISO8859_3 },
	{ "latin4", E_ISO8859_4 },
	{ "latin5", E_WIN1254 },
	{ "latin6", E_ISO8859_10 },
	{ "logical", E_ISO8859_8I },
	{ "mac", E_MAC },
	{ "macintosh", E_MAC },
	{ "ms932", E_SJIS },
	{ "ms_kanji", E_SJIS },
	{ "replacement", E_REPL },
	{ "shift-jis", E_SJIS },
	{ "shift_jis", E_SJIS },
	{ "sjis", E_SJIS },
	{ "sun_eu_greek", E_ISO8859_7 },
	{ "tis-620", E_WIN874 },
	{ "ucs-2", E_UTF16LE },
	{ "unicode", E_UTF16LE },
	{ "unicode-1-1-utf-8", E_UTF8 },
	{ "unicode11utf8", E_UTF8 },
	{ "unicode20utf8", E_UTF8 },
	{ "unicodefeff", E_UTF16LE },
	{ "unicodefffe", E_UTF16BE },
	{ "us-ascii", E_WIN1252 },
	{ "utf-16", E_UTF16LE },
	{ "utf-16be", E_UTF16BE },
	{ "utf-16le", E_UTF16LE },
	{ "utf-8", E_UTF8 },
	{ "utf8", E_UTF8 },
	{ "visual", E_ISO8859_8 },
	{ "windows-1250", E_WIN1250 },
	{ "windows-1251", E_WIN1251 },
	{ "windows-1252", E_WIN1252 },
	{ "windows-1253", E_WIN1253 },
	{ "windows-1254", E_WIN1254 },
	{ "windows-1255", E_WIN1255 },
	{ "windows-1256", E_WIN1256 },
	{ "windows-1257", E_WIN1257 },
	{ "windows-1258", E_WIN1258 },
	{ "windows-31j", E_SJIS },
	{ "windows-874", E_WIN874 },
	{ "windows-949", E_EUCKR },
	{ "x-cp1250", E_WIN1250 },
	{ "x-cp1251", E_WIN1251 },
	{ "x-cp1252", E_WIN1252 },
	{ "x-cp1253", E_WIN1253 },
	{ "x-cp1254", E_WIN1254 },
	{ "x-cp1255", E_WIN1255 },
	{ "x-cp1256", E_WIN1256 },
	{ "x-cp1257", E_WIN1257 },
	{ "x-cp1258", E_WIN1258 },
	{ "x-euc-jp", E_EUCJP },
	{ "x-gbk", E_GBK },
	{ "x-mac-cyrillic", E_MACCYR },
	{ "x-mac-roman", E_MAC },
	{ "x-mac-ukrainian", E_MACCYR },
	{ "x-sjis", E_SJIS },
	{ "x-unicode20utf8", E_UTF8 },
	{ "x-user-defined", E_USER },
	{ "x-x-big5", E_BIG5 },
};

/* ISO-8859-16 from 0xA0 (below it, bytes are their code points). */
static const uint16_t iso8859_16[96] = {
	0x00a0, 0x0104, 0x0105, 0x0141, 0x20ac, 0x201e, 0x0160, 0x00a7,
	0x0161, 0x00a9, 0x0218, 0x00ab, 0x0179, 0x00ad, 0x017a, 0x017b,
	0x00b0, 0x00b1, 0x010c, 0x0142, 0x017d, 0x201d, 0x00b6, 0x00b7,
	0x017e, 0x010d, 0x0219, 0x00bb, 0x0152, 0x0153, 0x0178, 0x017c,
	0x00c0, 0x00c1, 0x00c2, 0x0102, 0x00c4, 0x0106, 0x00c6, 0x00c7,
	0x00c8, 0x00c9, 0x00ca, 0x00cb, 0x00cc, 0x00cd, 0x00ce, 0x00cf,
	0x0110, 0x0143, 0x00d2, 0x00d3, 0x00d4, 0x0150, 0x00d6, 0x015a,
	0x0170, 0x00d9, 0x00da, 0x00db, 0x00dc, 0x0118, 0x021a, 0x00df,
	0x00e0, 0x00e1, 0x00e2, 0x0103, 0x00e4, 0x0107, 0x00e6, 0x00e7,
	0x00e8, 0x00e9, 0x00ea, 0x00eb, 0x00ec, 0x00ed, 0x00ee, 0x00ef,
	0x0111, 0x0144, 0x00f2, 0x00f3, 0x00f4, 0x0151, 0x00f6, 0x015b,
	0x0171, 0x00f9, 0x00fa, 0x00fb, 0x00fc, 0x0119, 0x021b, 0x00ff,
};

/* ASCII whitespace, as the Standard trims it from labels. */
static int
is_ws(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
}

static int
label_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct label *)elem)->label);
}

/* The encoding label (len bytes) names, or -1: ASCII whitespace around
 * it is dropped and ASCII letters match in either case. */
static int
lookup(const char *s, size_t len)
{
	const struct label *l;
	char key[LABEL_MAX + 1];
	size_t i;

	while (len > 0 && is_ws(*s)) {
		s++;
		len--;
	}
	while (len > 0 && is_ws(s[len - 1]))
		len--;
	if (len == 0 || len > LABEL_MAX)
		return -1;
	for (i = 0; i < len; i++) {
		if (s[i] == '\0')
			return -1;
		key[i] = s[i] >= 'A' && s[i] <= 'Z' ? s[i] - 'A' + 'a' : s[i];
	}
	key[len] = '\0';
	l = bsearch(key, labels, sizeof(labels) / sizeof(*labels),
	    sizeof(*labels), label_cmp);
	return l != NULL ? (int)l->enc : -1;
}

const char *
charset_label(const char *label, size_t len)
{
	int e = lookup(label, len);

	return e >= 0 ? encs[e].name : NULL;
}

/* A label as written in a header or a document (len bytes, maybe
 * quoted, maybe followed by ';'): its encoding, or -1. */
static int
take_label(const char *s, size_t len)
{
	while (len > 0 && (*s == '"' || *s == '\'')) {
		s++;
		len--;
	}
	while (len > 0 && (s[len - 1] == '"' || s[len - 1] == '\'' ||
	    s[len - 1] == ';'))
		len--;
	return lookup(s, len);
}

/* The encoding after "charset" (then blanks, '=', blanks) in
 * s[0..len), or -1. */
static int
charset_param(const char *s, size_t len)
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
		return take_label(v, p - v);
	}
	return -1;
}

/* A label read from the document's own bytes, as ASCII: HTML's prescan
 * takes UTF-16 there for UTF-8 (the bytes that said it were not
 * UTF-16) and x-user-defined for windows-1252. */
static int
in_document(int e)
{
	if (e == E_UTF16BE || e == E_UTF16LE)
		return E_UTF8;
	return e == E_USER ? E_WIN1252 : e;
}

/* <meta ... charset=X> or <meta http-equiv content="...; charset=X">
 * among the first PRESCAN bytes: the first that names an encoding. */
static int
meta_charset(const char *body, size_t len)
{
	const char *end = body + (len < PRESCAN ? len : PRESCAN), *p, *gt;
	int e;

	for (p = body; p + 5 < end; p++) {
		if (*p != '<' || strncasecmp(p + 1, "meta", 4) != 0 ||
		    isalnum((unsigned char)p[5]))
			continue;
		if ((gt = memchr(p, '>', end - p)) == NULL)
			return -1;
		if ((e = charset_param(p, gt - p)) >= 0)
			return in_document(e);
		p = gt;
	}
	return -1;
}

/* <?xml version="1.0" encoding="X"?> at the very start. */
static int
xml_encoding(const char *body, size_t len)
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
			return in_document(take_label(p, q - p));
		}
	return -1;
}

/* ICU's likeliest guess among the encodings a browser could guess: not
 * UTF-16 or UTF-32 without a byte order mark, nor the 7-bit ISO-2022
 * forms (whose escapes make markup of text), nor one outside the
 * Standard (IBM420, ...). */
static int
detect(const char *body, size_t len)
{
	UErrorCode err = U_ZERO_ERROR;
	UCharsetDetector *csd;
	const UCharsetMatch **m;
	const char *found;
	int32_t i, n = 0;
	int e = -1;

	if ((csd = ucsdet_open(&err)) == NULL || U_FAILURE(err))
		return -1;
	ucsdet_enableInputFilter(csd, 1);	/* look past the markup */
	ucsdet_setText(csd, body, len < DETECT_MAX ? len : DETECT_MAX, &err);
	m = ucsdet_detectAll(csd, &n, &err);
	for (i = 0; U_SUCCESS(err) && m != NULL && i < n && e < 0; i++) {
		if (ucsdet_getConfidence(m[i], &err) <= 10)
			break;	/* sorted: the rest are guesses too */
		if ((found = ucsdet_getName(m[i], &err)) == NULL ||
		    U_FAILURE(err))
			break;
		switch (e = lookup(found, strlen(found))) {
		case E_UTF16BE:
		case E_UTF16LE:
		case E_ISO2022JP:
		case E_REPL:
		case E_USER:
			e = -1;
		}
	}
	ucsdet_close(csd);
	return e;
}

/* HTML's encoding sniffing, in its order. */
static int
sniff(const char *body, size_t len, const char *content_type)
{
	const unsigned char *b = (const unsigned char *)body;
	int e;

	if (len >= 3 && b[0] == 0xef && b[1] == 0xbb && b[2] == 0xbf)
		return E_UTF8;
	if (len >= 2 && b[0] == 0xff && b[1] == 0xfe)
		return E_UTF16LE;
	if (len >= 2 && b[0] == 0xfe && b[1] == 0xff)
		return E_UTF16BE;
	/* The header's, whatever it is: UTF-16 there is UTF-16LE. */
	if (content_type != NULL && (e = charset_param(content_type,
	    strlen(content_type))) >= 0)
		return e;
	if ((e = meta_charset(body, len)) >= 0 ||
	    (e = xml_encoding(body, len)) >= 0)
		return e;
	if (rec_utf8_valid(b, len) == len)
		return E_UTF8;
	if ((e = detect(body, len)) >= 0)
		return e;
	return E_WIN1252;	/* what browsers fall back to */
}

void
charset_detect(const char *body, size_t len, const char *content_type,
    char name[CHARSET_NAME_MAX])
{
	strcpy(name, encs[sniff(body, len, content_type)].name);
}

/* Bytes the encoding does not map become U+FFFD, as in the Standard's
 * decoders (ICU's substitute is U+001A for some); ctx non-NULL: gb18030,
 * whose byte 0x80 the Standard maps to U+20AC. */
static void
to_u_error(const void *ctx, UConverterToUnicodeArgs *args,
    const char *units, int32_t n, UConverterCallbackReason why,
    UErrorCode *err)
{
	static const UChar fffd = 0xfffd, euro = 0x20ac;

	if (why != UCNV_UNASSIGNED && why != UCNV_ILLEGAL &&
	    why != UCNV_IRREGULAR)
		return;		/* reset, close, clone */
	*err = U_ZERO_ERROR;
	ucnv_cbToUWriteUChars(args, ctx != NULL && n == 1 && units[0] ==
	    '\x80' ? &euro : &fffd, 1, 0, err);
}

/* body in ICU's converter for encoding e; -1 if it fails. */
static int32_t
icu_to_utf8(int e, const char *body, int32_t len, char **out, size_t *cap)
{
	UErrorCode err = U_ZERO_ERROR;
	UConverter *cnv;
	int32_t n;

	if ((cnv = ucnv_open(encs[e].icu, &err)) == NULL || U_FAILURE(err))
		return -1;
	ucnv_setToUCallBack(cnv, to_u_error, e == E_GBK || e == E_GB18030 ?
	    "" : NULL, NULL, NULL, &err);
	n = ucnv_toAlgorithmic(UCNV_UTF8, cnv, *out, (int32_t)*cap - 1, body,
	    len, &err);
	if (err == U_BUFFER_OVERFLOW_ERROR) {
		err = U_ZERO_ERROR;
		*cap = (size_t)n + 1;
		*out = kh_realloc(*out, *cap);
		ucnv_reset(cnv);
		n = ucnv_toAlgorithmic(UCNV_UTF8, cnv, *out, (int32_t)*cap - 1,
		    body, len, &err);
	}
	ucnv_close(cnv);
	return U_FAILURE(err) ? -1 : n;
}

/* The single-byte encodings decoded here: out has room for 3 * len. */
static size_t
byte_to_utf8(int e, const unsigned char *b, size_t len, char *out)
{
	size_t i, o = 0;
	uint32_t c;

	for (i = 0; i < len; i++) {
		if ((c = b[i]) < 0x80) {
			out[o++] = c;
			continue;
		}
		if (e == E_USER)
			c += 0xf780 - 0x80;	/* into the private use area */
		else if (c >= 0xa0)
			c = iso8859_16[c - 0xa0];
		if (c < 0x800) {
			out[o++] = 0xc0 | c >> 6;
		} else {
			out[o++] = 0xe0 | c >> 12;
			out[o++] = 0x80 | (c >> 6 & 0x3f);
		}
		out[o++] = 0x80 | (c & 0x3f);
	}
	return o;
}

char *
charset_to_utf8(const char *body, size_t len, const char *charset,
    size_t *outlen)
{
	int e = lookup(charset, strlen(charset));
	size_t n, cap;
	int32_t got;
	char *out;

	if (e < 0)
		return NULL;	/* no encoding: never ICU's guess at one */
	if (len > INT32_MAX / 4)
		len = INT32_MAX / 4;	/* ICU counts in int32_t */
	cap = 3 * len + 16;	/* any encoding's byte to UTF-8 */
	out = kh_malloc(cap);
	if (e == E_REPL) {
		/* The Standard's decoder for encodings that hide markup
		 * (ISO-2022-KR, HZ, ...): one U+FFFD for the whole. */
		n = len > 0 ? 3 : 0;
		memcpy(out, "\xef\xbf\xbd", n);
	} else if (encs[e].icu == NULL) {
		n = byte_to_utf8(e, (const unsigned char *)body, len, out);
	} else if ((got = icu_to_utf8(e, body, len, &out, &cap)) >= 0) {
		n = got;
	} else {
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

const char *
charset_page(const char *body, size_t len, const char *content_type,
    char cs[CHARSET_NAME_MAX], size_t *outlen, char **copy)
{
	*outlen = len;
	*copy = NULL;
	charset_detect(body, len, content_type, cs);
	if (strcmp(cs, "UTF-8") == 0 && rec_utf8_valid((const unsigned char *)
	    body, len) == len && !(len >= 3 && memcmp(body, "\xef\xbb\xbf",
	    3) == 0))
		return body;
	if ((*copy = charset_to_utf8(body, len, cs, outlen)) == NULL) {
		/* No converter after all: UTF-8, repaired. */
		strcpy(cs, "UTF-8");
		*copy = charset_to_utf8(body, len, "UTF-8", outlen);
	}
	if (*copy == NULL) {
		*outlen = 0;
		return "";
	}
	return *copy;
}
