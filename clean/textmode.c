/*
 * textmode.c: the article lines of page text extracted by another tool.
 *
 * jusText on lines: each line gets features (length in code points,
 * stop-word density, sentence punctuation, the danda among it, digits,
 * boilerplate cues), a first class (bad, short, near-good, good), then
 * context decides the short and near-good lines from the good and bad
 * lines around them.  Runs of headlines after "আরও পড়ুন", "Related", ...
 * stay bad until running prose comes back.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "khobor.h"
#include "textmode.h"
#include "dateline.h"
#include "stopwords.h"

/* Thresholds in code points and shares; tuned on the seeds and on the
 * texts under tests/clean-text/, with margin. */
#define LEN_SHORT	45	/* below: short, context decides */
#define LEN_LONG	110	/* from here a prose line is good */
#define LEN_CUE		200	/* cues (share, ছবি:) only on lines below */
#define STOP_LOW	0.10	/* near-good needs this stop density */
#define STOP_HIGH	0.16	/* good needs this */
#define MAX_PER_STOP	500	/* code points per sentence end, at most */
#define LEN_WEAK	60	/* weak cues (share, home) only below */
#define WORD_MAX	64	/* bytes of a word kept for lookup */

enum cls { BAD, SHORT, NEAR, GOOD };

struct line {
	size_t off, len;	/* the raw line in text */
	size_t chars;		/* code points once collapsed */
	int words, stops, stends, digits, letters;
	int endpunct;		/* ends like a sentence */
	int hard;		/* a boilerplate cue: bad whatever the context */
	int opener;		/* heads a list of links: "আরও পড়ুন" */
	enum cls cls;
	enum cls nc0;		/* the class before context */
	uint32_t lastch;	/* the last character but closing quotes */
};

/* --- UTF-8 -------------------------------------------------------------- */

static int
is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\v' ||
	    c == '\f' || c == 0xa0 || c == 0x1680 || (c >= 0x2000 &&
	    c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
	    c == 0x205f || c == 0x3000 || c == 0xfeff;
}

/* Letters, marks and digits of words; joiners belong to the word too. */
static int
is_wordch(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '\'';
	if (c == 0x200c || c == 0x200d)
		return 1;
	if (c <= 0xbf || c == 0xd7 || c == 0xf7 || c == 0x964 ||
	    c == 0x965 || (c >= 0x2000 && c <= 0x2bff) ||
	    (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe00 && c <= 0xfe0f) ||
	    (c >= 0xff00 && c <= 0xff0f) || c == 0xfeff || c == 0xfffd ||
	    c >= 0x1f000)
		return 0;
	return 1;
}

static int
is_digit(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 0x9e6 && c <= 0x9ef);
}

static int
is_letter(uint32_t c)
{
	return is_wordch(c) && !is_digit(c) && c != '\'' && c != 0x200c &&
	    c != 0x200d;
}

/* --- stop words ---------------------------------------------------------- */

static uint32_t
fnv1a(const unsigned char *s, size_t n)
{
	uint32_t h = 2166136261u;

	while (n-- > 0)
		h = (h ^ *s++) * 16777619u;
	return h;
}

static int
is_stop(const unsigned char *w, size_t n)
{
	uint32_t h = fnv1a(w, n) & (STOP_TABLE_SIZE - 1);
	unsigned i;

	while ((i = stop_table[h]) != 0) {
		i--;
		if (stop_words[i].len == n &&
		    memcmp(stop_blob + stop_words[i].off, w, n) == 0)
			return 1;
		h = (h + 1) & (STOP_TABLE_SIZE - 1);
	}
	return 0;
}

/* Append c to the word key: ASCII lowered, the Bengali nukta letters
 * that NFC keeps apart (য় ড় ঢ়) taken apart, joiners left out, the
 * typographic apostrophe made plain. */
static size_t
key_add(unsigned char *key, size_t n, uint32_t c)
{
	static const uint32_t nukta[3] = { 0x9a1, 0x9a2, 0x9af };

	if (n == SIZE_MAX)
		return n;
	if (c == 0x200c || c == 0x200d)
		return n;
	if (c == 0x2019)
		c = '\'';
	if (c >= 0x9dc && c <= 0x9df && c != 0x9de) {
		n = key_add(key, n, nukta[c == 0x9df ? 2 : c - 0x9dc]);
		return key_add(key, n, 0x9bc);
	}
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	if (n + 4 > WORD_MAX)
		return SIZE_MAX;	/* too long to be a stop word */
	if (c < 0x80) {
		key[n++] = c;
	} else if (c < 0x800) {
		key[n++] = 0xc0 | c >> 6;
		key[n++] = 0x80 | (c & 0x3f);
	} else if (c < 0x10000) {
		key[n++] = 0xe0 | c >> 12;
		key[n++] = 0x80 | ((c >> 6) & 0x3f);
		key[n++] = 0x80 | (c & 0x3f);
	} else {
		key[n++] = 0xf0 | c >> 18;
		key[n++] = 0x80 | ((c >> 12) & 0x3f);
		key[n++] = 0x80 | ((c >> 6) & 0x3f);
		key[n++] = 0x80 | (c & 0x3f);
	}
	return n;
}

/* Words and stop words of s[0..len). */
static void
count_words(const char *s, size_t len, int *words, int *stops)
{
	const unsigned char *p = (const unsigned char *)s;
	unsigned char key[WORD_MAX];
	size_t i = 0, k, n = 0;
	int in = 0;
	uint32_t c;

	*words = *stops = 0;
	for (;;) {
		c = i < len ? kh_utf8_next(p + i, len - i, &k) : 0;
		if (i < len && (is_wordch(c) || (in && c == 0x2019))) {
			if (!in)
				in = 1, n = 0;
			n = key_add(key, n, c);
		} else if (in) {
			in = 0;
			/* a quote at either end is not part of the word */
			while (n != SIZE_MAX && n > 0 && key[n - 1] == '\'')
				n--;
			if (n != SIZE_MAX && n > 0 && key[0] == '\'')
				memmove(key, key + 1, --n);
			if (n > 0) {
				++*words;
				if (n != SIZE_MAX && is_stop(key, n))
					++*stops;
			}
		}
		if (i >= len)
			break;
		i += k;
	}
}

double
text_stop_density(const char *s, size_t len)
{
	int words, stops;

	count_words(s, len, &words, &stops);
	return words == 0 ? 0 : (double)stops / words;
}

/* --- whitespace and lines -------------------------------------------------- */

/* s[0..len) with runs of white space made one ' ', none at either end,
 * appended to out at *n (room for len bytes).  Returns the code points
 * written. */
static size_t
collapse(const char *s, size_t len, char *out, size_t *n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, k, chars = 0, start = *n;
	int space = 0;
	uint32_t c;

	while (i < len) {
		c = kh_utf8_next(p + i, len - i, &k);
		if (is_space(c) || c < 0x20 || c == 0x7f) {
			space = 1;
		} else {
			if (space && *n > start) {
				out[(*n)++] = ' ';
				chars++;
			}
			space = 0;
			if (c == 0xfffd && k == 1) {
				/* a bad byte: the replacement character */
				memcpy(out + *n, "\xef\xbf\xbd", 3);
				*n += 3;
			} else {
				memcpy(out + *n, s + i, k);
				*n += k;
			}
			chars++;
		}
		i += k;
	}
	return chars;
}

/* --- cues ---------------------------------------------------------------- */

/* Does s start with the prefix p, ASCII letters in any case? */
static int
starts(const char *s, size_t n, const char *p)
{
	size_t m = strlen(p);

	if (m > n)
		return 0;
	for (size_t i = 0; i < m; i++) {
		unsigned char a = s[i], b = p[i];

		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (a != b)
			return 0;
	}
	return 1;
}

static int
contains(const char *s, size_t n, const char *p)
{
	size_t m = strlen(p);
	unsigned char c;

	for (size_t i = 0; i + m <= n; i++) {
		/* the first byte first: most places fail there */
		c = s[i];
		if (c >= 'A' && c <= 'Z')
			c += 'a' - 'A';
		if (c == (unsigned char)p[0] && starts(s + i, n - i, p))
			return 1;
	}
	return 0;
}

/* Lines that open a list of other stories' headlines. */
static const char *const openers[] = {
	"আরও পড়ুন", "আরো পড়ুন", "আরও পড়ুন", "আরো পড়ুন", "আরও খবর", "আরো খবর",
	"দেখুন আরও খবর", "আরও সংবাদ", "আরো সংবাদ", "সম্পর্কিত", "সংশ্লিষ্ট",
	"শীর্ষ সংবাদ", "সর্বশেষ", "জনপ্রিয়", "জনপ্রিয়", "সর্বাধিক পঠিত",
	"সবচেয়ে বেশি পঠিত", "সবচেয়ে বেশি পঠিত", "সর্বাধিক পঠিত", "পাঠকপ্রিয়",
	"পাঠকপ্রিয়", "এই বিভাগের", "এ বিভাগের", "আলোচিত", "ট্রেন্ডিং",
	"related", "most popular", "most read", "more from", "more stories",
	"more news", "read more", "also read", "trending", "latest news",
	"top stories", "you may also like", "recommended", "editor's pick",
	"more in", "popular", "see also", "must read", "also watch",
	"latest", NULL
};

/* Lines that are boilerplate whatever stands around them: credits,
 * labels, "read more" links with their headline, copyright; on lines
 * below LEN_CUE. */
static const char *const prefixes[] = {
	"ছবি:", "ছবি :", "ছবিঃ", "ছবি-", "ছবি -", "ছবি।", "ফাইল ছবি", "সূত্র:",
	"সূত্র :", "সূত্রঃ", "বিভাগ:", "বিভাগ :", "বিভাগঃ", "প্রকাশ:", "প্রকাশ :",
	"প্রকাশঃ", "প্রকাশিত:", "প্রকাশিত :", "প্রকাশের সময়", "প্রকাশের সময়",
	"আপডেট:", "আপডেট :", "আপডেটঃ", "হালনাগাদ:", "হালনাগাদ :", "লেখক:",
	"লেখক :", "আরও পড়ুন", "আরো পড়ুন", "আরও পড়ুন", "আরো পড়ুন",
	"আরও দেখুন", "আরো দেখুন", "গ্রাফিক্স:", "অলংকরণ:", "প্রতীকী ছবি",
	"ভিডিও দেখুন", "video thumbnail", "follow us", "copyright",
	"all rights reserved", "photo:", "photo :", "photo credit",
	"photograph:", "file photo", "image:", "image credit", "source:",
	"source :", "edited by", "written by", "reported by", "| edited",
	"published:", "published on", "updated:", "updated on",
	"first published", "last updated", "read more", "also read",
	"read also", "click here", "tags:", "tags :", "topics:", "©", NULL
};

/* The same on short lines only (below LEN_WEAK): words that also open
 * prose ("Share prices fell", "মন্তব্য করেন তিনি"). */
static const char *const weak[] = {
	"মন্তব্য", "শেয়ার", "শেয়ার", "ফলো করুন", "সাবস্ক্রাইব", "বিজ্ঞাপন",
	"ট্যাগ", "বিষয়:", "বিষয়:", "সম্পাদক", "প্রকাশক", "ঠিকানা:", "ফোন:",
	"ইমেইল:", "ই-মেইল:", "ইমেল:", "কপিরাইট", "স্বত্ব", "সর্বস্বত্ব",
	"ইপেপার", "ই-পেপার", "আপডেট", "হালনাগাদ", "ভিডিও:", "প্রকাশ",
	"follow", "share", "subscribe", "sign up", "sign in", "newsletter",
	"advertisement", "sponsored", "published", "updated", "download",
	"watch", "listen", "comments", "comment", "loading", "home", "menu",
	"login", "log in", "skip to", "privacy", "terms of", "contact",
	"about us", "(c)", "print", "email", "e-paper", "epaper", NULL
};

/* Anywhere in a line below LEN_CUE. */
static const char *const inside[] = {
	"google news", "অনুসরণ করুন", "ফলো করুন", "সাবস্ক্রাইব করুন",
	"all rights reserved", "সর্বস্বত্ব সংরক্ষিত", "©", "follow us",
	"ইউটিউব চ্যানেল", "ফেসবুক পেজ", "টেলিগ্রাম চ্যানেল", "হোয়াটসঅ্যাপ চ্যানেল",
	"হোয়াটসঅ্যাপ চ্যানেল", "whatsapp channel", NULL
};

/* Words that end a byline: "কালবেলা ডেস্ক", "নিজস্ব প্রতিবেদক". */
static const char *const bylines[] = {
	"ডেস্ক", "প্রতিবেদক", "প্রতিনিধি", "সংবাদদাতা", "রিপোর্টার", "ব্যুরো",
	"desk", "correspondent", "reporter", "bureau", NULL
};

size_t
text_desk_byline(const char *s, size_t n)
{
	size_t e = 0, words = 0;

	/* the name runs to the first ',', ':', '|', '-' or the end */
	while (e < n && s[e] != ',' && s[e] != ':' && s[e] != '|' &&
	    s[e] != '-' && s[e] != '\n')
		e++;
	while (e > 0 && s[e - 1] == ' ')
		e--;
	for (size_t i = 0; i < e; i++)
		if (s[i] == ' ' && i > 0 && s[i - 1] != ' ')
			words++;
	if (e == 0 || words > 3)
		return 0;
	for (const char *const *b = bylines; *b != NULL; b++) {
		size_t m = strlen(*b);

		/* in English a desk is furniture too ("IT Service Desk",
		 * "Standing Desk"): only a correspondent or reporter signs */
		if ((unsigned char)s[0] < 0x80 && (strcmp(*b, "desk") == 0 ||
		    strcmp(*b, "bureau") == 0))
			continue;

		/* the desk word ends the name as a word of its own or the
		 * end of one ("ওয়েবডেস্ক") */
		if (e >= m && starts(s + e - m, m, *b) &&
		    (e == m || (unsigned char)s[e - m - 1] >= 0x80 ||
		    s[e - m - 1] == ' '))
			return e;
	}
	return 0;
}

static int
match_any(const char *s, size_t n, const char *const *list, int anywhere)
{
	for (; *list != NULL; list++)
		if (anywhere ? contains(s, n, *list) : starts(s, n, *list))
			return 1;
	return 0;
}

/* A byline glued to the lead ("ওয়েবডেস্ক- ...", "নিজস্ব প্রতিবেদক: ..."):
 * a byline word within the first words, then '-' or ':'. */
static int
glued_byline(const char *s, size_t n)
{
	size_t lim = n < 60 ? n : 60;

	for (size_t i = 1; i < lim; i++) {
		if (s[i] != '-' && s[i] != ':')
			continue;
		for (const char *const *b = bylines; *b != NULL; b++) {
			size_t m = strlen(*b);
			size_t e = i;

			while (e > 0 && s[e - 1] == ' ')
				e--;
			if (e >= m && starts(s + e - m, m, *b))
				return 1;
		}
		return 0;
	}
	return 0;
}

/* A line that is just a byline ("কালবেলা ডেস্ক", "Staff Correspondent"). */
static int
byline(const char *s, size_t n)
{
	for (const char *const *b = bylines; *b != NULL; b++) {
		size_t m = strlen(*b);

		if (n >= m && starts(s + n - m, m, *b))
			return 1;
	}
	return 0;
}

/* A Latin kicker before a Bengali headline or dek: "Russia-North
 * Korea: ইউক্রেনকে ...".  Prose does not open so. */
static int
kicker(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n && i < 40; i++) {
		unsigned char c = s[i];

		if (c == ':')
			break;
		if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z') && c != ' ' &&
		    c != '-' && c != '&' && c != ',' && c != '\'')
			return 0;
	}
	if (i < 3 || i >= n || i == 40 || s[i] != ':')
		return 0;
	/* and Bengali after it */
	for (i++; i < n; i++)
		if ((unsigned char)s[i] == 0xe0 && i + 1 < n &&
		    ((unsigned char)s[i + 1] == 0xa6 ||
		    (unsigned char)s[i + 1] == 0xa7))
			return 1;
	return 0;
}

/* --- features ---------------------------------------------------------------- */

static int
sentence_end(uint32_t c)
{
	return c == 0x964 || c == 0x965 || c == '.' || c == '?' ||
	    c == '!';
}

/* Closing quotes and brackets that may follow a sentence's end. */
static int
closer(uint32_t c)
{
	return c == '"' || c == '\'' || c == ')' || c == ']' ||
	    c == 0x2019 || c == 0x201d || c == 0xbb;
}

static void
features(struct line *l, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	uint32_t c, last = 0, prev = 0;
	size_t i = 0, k;

	l->stends = l->digits = l->letters = 0;
	while (i < n) {
		c = kh_utf8_next(p + i, n - i, &k);
		if (is_digit(c))
			l->digits++;
		else if (is_letter(c))
			l->letters++;
		/* "3.5" and "a.m." are not the ends of sentences */
		if (sentence_end(c) && !(c == '.' && i + k < n &&
		    !is_space(p[i + k])) && !sentence_end(prev))
			l->stends++;
		if (!closer(c))
			last = c;
		prev = c;
		i += k;
	}
	l->lastch = last;
	l->endpunct = sentence_end(last) || last == ':' ||
	    last == 0x2026;
	if (sentence_end(last) && !sentence_end(prev) && closer(prev))
		l->stends += 0;
	count_words(s, n, &l->words, &l->stops);
}

/* Only digits, punctuation and spaces: list numbers, "00:00", "06:10:38". */
static int
no_letters(const struct line *l)
{
	return l->letters == 0;
}

static void
first_class(struct line *l, const char *s, size_t n)
{
	double sd = l->words ? (double)l->stops / l->words : 0;
	char iso[40];

	l->hard = l->opener = 0;
	if (n == 0) {
		l->cls = BAD;
		return;
	}
	if (l->chars < 40 && match_any(s, n, openers, 0))
		l->opener = 1;
	if (no_letters(l) || l->opener || glued_byline(s, n) ||
	    (l->chars < LEN_CUE && (match_any(s, n, prefixes, 0) ||
	    match_any(s, n, inside, 1))) ||
	    (l->chars < LEN_WEAK && match_any(s, n, weak, 0)) ||
	    kicker(s, n) ||
	    (l->chars < 60 && byline(s, n)) ||
	    (l->chars < 100 && dateline_parse(s, n, iso, sizeof iso) !=
	    DATELINE_NONE)) {
		l->hard = 1;
		l->cls = BAD;
		return;
	}
	if (l->chars < LEN_SHORT) {
		l->cls = SHORT;
		return;
	}
	/* glued headline lists: long, but hardly a sentence end in them */
	if (l->stends == 0 || l->chars / (size_t)l->stends > MAX_PER_STOP) {
		l->cls = l->chars < LEN_LONG && l->endpunct ? SHORT : BAD;
		return;
	}
	if (l->chars >= LEN_LONG && sd >= STOP_HIGH)
		l->cls = GOOD;
	else if (sd >= STOP_LOW && l->endpunct)
		l->cls = NEAR;
	else if (l->endpunct)
		l->cls = SHORT;
	else
		l->cls = BAD;
}

/* --- context ------------------------------------------------------------------ */

/* jusText's neighbours: for each line the class of the nearest line
 * before it (after it, dir -1) that is not empty nor short (nor
 * near-good, with skip_near); BAD at the edges.  One pass each way, so
 * a page of a thousand short lines costs no more than a thousand. */
static void
neighbours(const struct line *ls, size_t n, int forward, int skip_near,
    enum cls *out)
{
	enum cls c = BAD;

	for (size_t k = 0; k < n; k++) {
		size_t i = forward ? k : n - 1 - k;

		out[i] = c;
		if (ls[i].chars == 0 || ls[i].cls == SHORT ||
		    (skip_near && ls[i].cls == NEAR))
			continue;
		c = ls[i].cls;
	}
}

static void
context(struct line *ls, size_t n)
{
	enum cls *nc = kh_malloc((n ? n : 1) * 5 * sizeof *nc);
	enum cls *pa = nc + n, *pn = pa + n, *na = pn + n, *nn = na + n;
	size_t i, first = n;
	int inlist = 0;

	/* After a list opener, headlines until running prose. */
	for (i = 0; i < n; i++) {
		if (ls[i].chars == 0)
			continue;
		if (ls[i].opener)
			inlist = 1;
		else if (ls[i].cls == GOOD)
			inlist = 0;
		else if (inlist)
			ls[i].cls = BAD, ls[i].hard = 1;
	}
	neighbours(ls, n, 1, 1, pa);
	neighbours(ls, n, 1, 0, pn);
	neighbours(ls, n, 0, 1, na);
	neighbours(ls, n, 0, 0, nn);
	for (i = 0; i < n; i++) {
		enum cls a, b;

		ls[i].nc0 = ls[i].cls;
		nc[i] = ls[i].cls;
		if (ls[i].chars == 0 || ls[i].hard)
			continue;
		a = pa[i];
		b = na[i];
		if (ls[i].cls == SHORT) {
			/* between good lines, or next to a near-good one
			 * on the side where a bad one is further off */
			if (a == GOOD && b == GOOD)
				nc[i] = GOOD;
			else if (a == BAD && b == BAD)
				nc[i] = BAD;
			else if ((a == BAD && pn[i] == NEAR) ||
			    (b == BAD && nn[i] == NEAR))
				nc[i] = GOOD;
			else
				nc[i] = BAD;
			/* a short line without a sentence's end is a
			 * heading, a caption or a link */
			if (!ls[i].endpunct)
				nc[i] = BAD;
		} else if (ls[i].cls == NEAR) {
			nc[i] = a == BAD && b == BAD ? BAD : GOOD;
		}
	}
	for (i = 0; i < n; i++)
		ls[i].cls = nc[i];
	free(nc);
	/* The head of the page (headline, dek, byline, dateline) comes
	 * before the first good line, or the first that ends as a
	 * statement (a headline may end in '!' or '?', hardly in a
	 * danda): none of it is kept. */
	for (i = 0; i < n && first == n; i++)
		if (ls[i].chars > 0 && ls[i].cls == GOOD && (ls[i].nc0 ==
		    GOOD || ls[i].lastch == 0x964 || ls[i].lastch == '.'))
			first = i;
	for (i = 0; i < first && i < n; i++)
		ls[i].cls = BAD;
}

/* --- duplicates ----------------------------------------------------------------- */

struct seen {
	uint64_t *hash;
	size_t *at, *len;	/* where the kept line is in the output */
	size_t size;
};

static uint64_t
hash64(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ull;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 1099511628211ull;
	return h;
}

/* Is out[at..at+len) a line kept already?  If not, remember it. */
static int
seen_before(struct seen *t, const char *out, size_t at, size_t len)
{
	uint64_t h = hash64(out + at, len);
	size_t i = h & (t->size - 1);

	while (t->len[i] != SIZE_MAX) {
		if (t->hash[i] == h && t->len[i] == len &&
		    memcmp(out + t->at[i], out + at, len) == 0)
			return 1;
		i = (i + 1) & (t->size - 1);
	}
	t->hash[i] = h;
	t->at[i] = at;
	t->len[i] = len;
	return 0;
}

/* --- NFC ------------------------------------------------------------------------- */

/* s[0..*n) in NFC, in place or in a new buffer; returns the buffer. */
static char *
nfc(char *s, size_t *n)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nf = unorm2_getNFCInstance(&err);
	UChar *u, *v;
	int32_t ulen, vlen, olen;
	size_t i;
	char *out;

	for (i = 0; i < *n && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == *n || U_FAILURE(err) || *n > INT32_MAX / 4)
		return s;
	u = kh_malloc((*n + 1) * sizeof *u);
	u_strFromUTF8WithSub(u, *n + 1, &ulen, s, *n, 0xfffd, NULL, &err);
	if (U_FAILURE(err) || unorm2_isNormalized(nf, u, ulen, &err) ||
	    U_FAILURE(err)) {
		free(u);
		return s;
	}
	/* NFC of Bengali never grows past three times the input */
	v = kh_malloc(((size_t)ulen * 3 + 1) * sizeof *v);
	vlen = unorm2_normalize(nf, u, ulen, v, ulen * 3 + 1, &err);
	if (U_FAILURE(err)) {
		free(u);
		free(v);
		return s;
	}
	out = kh_malloc((size_t)vlen * 3 + 1);
	u_strToUTF8WithSub(out, vlen * 3 + 1, &olen, v, vlen, 0xfffd, NULL,
	    &err);
	free(u);
	free(v);
	if (U_FAILURE(err)) {
		free(out);
		return s;
	}
	free(s);
	out[olen] = '\0';
	*n = olen;
	return out;
}

/* --- the article ----------------------------------------------------------------- */

char *
text_article(const char *text, size_t len, size_t *outlen,
    unsigned char *keep)
{
	struct line *ls;
	struct seen seen;
	size_t n = 1, i, at, o = 0, cl;
	char *col, *out;
	const char *p, *nl;

	for (p = text; (nl = memchr(p, '\n', len - (p - text))) != NULL;
	    p = nl + 1)
		n++;
	ls = kh_malloc(n * sizeof *ls);
	/* every line collapsed, one after another: at most len bytes
	 * plus the replacement characters for bad bytes */
	col = kh_malloc(len * 3 + 1);
	for (i = 0, p = text; i < n; i++) {
		size_t rest = len - (p - text);

		nl = memchr(p, '\n', rest);
		ls[i].len = nl ? (size_t)(nl - p) : rest;
		at = o;
		ls[i].chars = collapse(p, ls[i].len, col, &o);
		ls[i].off = at;
		ls[i].len = o - at;
		features(&ls[i], col + at, ls[i].len);
		first_class(&ls[i], col + at, ls[i].len);
		p += (nl ? (size_t)(nl - p) + 1 : rest);
	}
	context(ls, n);

	for (seen.size = 16; seen.size < 2 * n; seen.size *= 2)
		;
	seen.hash = kh_malloc(seen.size * sizeof *seen.hash);
	seen.at = kh_malloc(seen.size * sizeof *seen.at);
	seen.len = kh_malloc(seen.size * sizeof *seen.len);
	for (i = 0; i < seen.size; i++)
		seen.len[i] = SIZE_MAX;
	out = kh_malloc(o + n + 1);
	for (o = 0, i = 0; i < n; i++) {
		int k = ls[i].chars > 0 && ls[i].cls == GOOD;

		if (k) {
			cl = ls[i].len;
			at = o + (o > 0);
			memcpy(out + at, col + ls[i].off, cl);
			if (seen_before(&seen, out, at, cl)) {
				k = 0;
			} else {
				if (o > 0)
					out[o] = '\n';
				o = at + cl;
			}
		}
		if (keep != NULL)
			keep[i] = k;
	}
	out[o] = '\0';
	free(seen.hash);
	free(seen.at);
	free(seen.len);
	free(col);
	free(ls);
	out = nfc(out, &o);
	*outlen = o;
	return out;
}

char *
text_mode(const char *s, size_t len, size_t *outlen, char *date,
    size_t datesz)
{
	const char *line = s, *e;
	size_t nl = 1, ll;
	unsigned char *keep;
	char *art;

	for (size_t i = 0; i < len; i++)
		nl += s[i] == '\n';
	keep = kh_malloc(nl);
	memset(keep, 1, nl);
	art = text_article(s, len, outlen, keep);
	if (datesz > 0)
		date[0] = '\0';
	for (size_t i = 0; i < nl && line <= s + len; i++) {
		e = memchr(line, '\n', (size_t)(s + len - line));
		ll = e ? (size_t)(e - line) : (size_t)(s + len - line);
		if (!keep[i] && ll < 200 && dateline_parse(line, ll, date,
		    datesz) == DATELINE_PUBLISHED)
			break;
		if (datesz > 0)
			date[0] = '\0';	/* a "modified" one */
		if (e == NULL)
			break;
		line = e + 1;
	}
	free(keep);
	return art;
}
