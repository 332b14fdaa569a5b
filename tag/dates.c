/*
 * dates.c: find and normalise the dates in a text, Bengali and English.
 *
 * The text is read into tokens (numbers, known words from dates-lex.c,
 * the few punctuation marks dates use); runs of other words collapse
 * into one barrier token.  Tokens go through a fixed window, so memory
 * stays constant however long the text.  At each token the matchers try
 * the expressions below and the longest match is one mention.
 *
 * Relative expressions resolve against the reference; without one they
 * keep TIMEX3's PAST_REF / PRESENT_REF / FUTURE_REF, and a day whose
 * year is not given is XXXX-MM-DD.
 *
 * The Bangla calendar is Bangladesh's, as revised by the Bangla Academy
 * in 2019 (from 1426 BS): 1 Boishakh is 14 April; Boishakh to Ashwin
 * have 31 days, Kartik to Chaitra 30, but Falgun 29, or 30 when its
 * February is a Gregorian leap one.  So 21 February is 8 Falgun, 16
 * December is 1 Poush, and year Y BS starts in Gregorian year Y + 593.
 */
#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>

#include "dates.h"
#include "dates-lex.h"

enum ttype { T_OTHER, T_NUM, T_WORD, T_PUNCT, T_ISO };
enum nsuf { S_NONE, S_ORD, S_TIME, S_OTHER };

struct tok {
	size_t cb, ce;		/* code points */
	unsigned char type, space, nsuf, ascii;
	unsigned char cat, flags, suffix;
	unsigned char cue;	/* T_WORD: CUE_LOC */
	size_t bb, be;		/* T_OTHER: bytes of its words, for cue_of */
	signed char unit;
	int val;		/* word value; number value */
	int ndig;		/* digits of a number */
	int ch;			/* punctuation */
	/* T_ISO: the parsed value */
	short y, m, d, h, mi, s;
	char tz[8];
};

/* What the words no date is made of say: a verb in the future (যাবেন,
 * হবে, will), a last word in the genitive (নির্বাচনের: a date counted
 * from it is counted from an event). */
#define CUE_FUT	1
#define CUE_GEN	2
#define CUE_LOC	4	/* T_WORD: in the locative (রাতে, সন্ধ্যায়) */

#define WIN 256
#define LOOK 32

struct scan {
	const unsigned char *s;
	size_t len, pos, cp;
	struct tok t[WIN];
	int n;
	const struct date_ref *ref;
	long last;		/* the day of the last mention with one */
	date_fn *fn;
	void *arg;
};

#define NO_DAY LONG_MIN

static struct tok end_tok;	/* zero: T_OTHER, a barrier */

/* --- calendar arithmetic ----------------------------------------------- */

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
		31 };
	return m == 2 && leap(y) ? 29 : n[m - 1];
}

/* Days since 1970-01-01 (proleptic Gregorian). */
static long
days_of(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void
civil(long z, int *y, int *m, int *d)
{
	long era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
wday_of(long z)		/* ISO: 1 Monday .. 7 Sunday */
{
	long w = (z + 3) % 7;
	return (int)(w < 0 ? w + 7 : w) + 1;
}

static void
iso_week(long z, int *wy, int *wn)
{
	long thu = z - (wday_of(z) - 1) + 3;
	int y, m, d;

	civil(thu, &y, &m, &d);
	*wy = y;
	*wn = (int)((thu - days_of(y, 1, 1)) / 7 + 1);
}

/* A year a value can be written with: four digits, 0000 to 9999.
 * What falls outside becomes PAST_REF or FUTURE_REF. */
static int
year_ok(int y)
{
	return y >= 0 && y <= 9999;
}

static int
valid_day(int y, int m, int d)
{
	return year_ok(y) && m >= 1 && m <= 12 && d >= 1 && d <= mdays(y, m);
}

static long
ref_days(const struct date_ref *r)
{
	return days_of(r->year, r->month, r->day);
}

/* Bangla calendar day (revised 2019 rules) to days since the epoch in
 * *z (before 1970, below 0); -1 when there is no such day.  The year is
 * any the finder reads or resolves (0..9999, or the reference's); *gy
 * is the Gregorian year it starts in, and the day may fall outside
 * 0000..9999: the caller checks. */
static int
bangla_days(int by, int bm, int bd, int *gy, long *z)
{
	int len;
	long off;

	*gy = by + 593;
	if (by < -1000 || by > 10000 || bm < 1 || bm > 12 || bd < 1)
		return -1;
	len = bm <= 6 ? 31 : bm == 11 ? (leap(*gy + 1) ? 30 : 29) : 30;
	if (bd > len)
		return -1;
	off = bm <= 6 ? (bm - 1) * 31 : 186 + (bm - 7) * 30 -
	    (bm == 12 && !leap(*gy + 1));
	*z = days_of(*gy, 4, 14) + off + bd - 1;
	return 0;
}

/* The Bangla year the reference falls in. */
static int
bangla_year(const struct date_ref *r)
{
	long z = ref_days(r);
	return z >= days_of(r->year, 4, 14) ? r->year - 593 : r->year - 594;
}

/* --- the reference ------------------------------------------------------ */

static int
num_at(const char *s, size_t len, size_t i, int n, int *v)
{
	*v = 0;
	if (i + n > len)
		return -1;
	for (int k = 0; k < n; k++) {
		if (s[i + k] < '0' || s[i + k] > '9')
			return -1;
		*v = *v * 10 + (s[i + k] - '0');
	}
	return 0;
}

int
date_ref_parse(const char *s, size_t len, struct date_ref *ref)
{
	int y, m, d, h = -1, mi = -1;

	memset(ref, 0, sizeof(*ref));
	if (num_at(s, len, 0, 4, &y) < 0 || len < 10 || s[4] != '-' ||
	    num_at(s, len, 5, 2, &m) < 0 || s[7] != '-' ||
	    num_at(s, len, 8, 2, &d) < 0 || !valid_day(y, m, d))
		return -1;
	if (len > 10) {
		if ((s[10] != 'T' && s[10] != ' ') ||
		    num_at(s, len, 11, 2, &h) < 0 || len < 16 ||
		    s[13] != ':' || num_at(s, len, 14, 2, &mi) < 0 ||
		    h > 23 || mi > 59)
			return -1;
	}
	ref->set = 1;
	ref->year = y, ref->month = m, ref->day = d;
	ref->hour = h, ref->min = mi;
	return 0;
}

/* --- tokens --------------------------------------------------------------- */

static int decode_slow(const unsigned char *, size_t, size_t *);

/* One code point; ASCII and the Bengali block (E0 A6/A7 xx, most of
 * the text) without a call. */
static inline int
decode(const unsigned char *s, size_t n, size_t *used)
{
	if (s[0] < 0x80) {
		*used = 1;
		return s[0];
	}
	if (s[0] == 0xe0 && n >= 3 && (s[1] & 0xfe) == 0xa6 &&
	    (s[2] & 0xc0) == 0x80) {
		*used = 3;
		return 0x980 | (s[1] & 1) << 6 | (s[2] & 0x3f);
	}
	return decode_slow(s, n, used);
}

static int
decode_slow(const unsigned char *s, size_t n, size_t *used)
{
	int c = s[0];

	*used = 1;
	if (c < 0x80)
		return c;
	if ((c & 0xe0) == 0xc0 && n >= 2 && (s[1] & 0xc0) == 0x80) {
		*used = 2;
		c = (c & 0x1f) << 6 | (s[1] & 0x3f);
		return c >= 0x80 ? c : -1;
	}
	if ((c & 0xf0) == 0xe0 && n >= 3 && (s[1] & 0xc0) == 0x80 &&
	    (s[2] & 0xc0) == 0x80) {
		*used = 3;
		c = (c & 0x0f) << 12 | (s[1] & 0x3f) << 6 | (s[2] & 0x3f);
		return c >= 0x800 && (c < 0xd800 || c > 0xdfff) ? c : -1;
	}
	if ((c & 0xf8) == 0xf0 && n >= 4 && (s[1] & 0xc0) == 0x80 &&
	    (s[2] & 0xc0) == 0x80 && (s[3] & 0xc0) == 0x80) {
		*used = 4;
		c = (c & 0x07) << 18 | (s[1] & 0x3f) << 12 |
		    (s[2] & 0x3f) << 6 | (s[3] & 0x3f);
		return c >= 0x10000 && c <= 0x10ffff ? c : -1;
	}
	return -1;
}

static int
bn_digit(int c)
{
	return c >= 0x9e6 && c <= 0x9ef;
}

/* Letters of a word: Bengali letters and signs (not its digits), ZWJ,
 * ZWNJ, ASCII letters. */
static int
word_cp(int c)
{
	return (c >= 0x980 && c < 0xa00 && !bn_digit(c) && c != 0x9e4 &&
	    c != 0x9e5) || c == 0x200c || c == 0x200d ||
	    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* Add a token; others merge into one barrier. */
static struct tok *
push(struct scan *sc, int type, size_t cb, int space)
{
	struct tok *t;

	if (type == T_OTHER && sc->n > 0 && sc->t[sc->n - 1].type == T_OTHER) {
		t = &sc->t[sc->n - 1];
		return t;
	}
	t = &sc->t[sc->n++];
	memset(t, 0, sizeof(*t));
	t->type = (unsigned char)type;
	t->bb = sc->pos;
	t->cb = cb;
	t->space = (unsigned char)space;
	return t;
}

/* Whether w[0..n) ends in the string e. */
static int
ends_in(const char *w, size_t n, const char *e)
{
	size_t k = strlen(e);

	return n >= k && memcmp(w + n - k, e, k) == 0;
}

/* The CUE_* of a word: Bengali future endings -বে, -বেন, -বো (হবে,
 * যাবেন, করবো; not তবে "but", কবে "when", the adverbs in -ভাবে, nouns
 * in the locative: উৎসবে, জবাবে, নেতৃত্বে), English will and shall; genitive
 * endings -ের, -এর, -দের, -ার (not সরকার, বাজার, আবার ...); locative
 * endings -ে, -য়, -তে, -েই. */
static int
cues(const char *w, size_t n)
{
	static const char *const notfut[] = { "তবে", "কবে", "সবে", "যবে",
		"রবে", "শবে", "উৎসবে", "জবাবে", "অভাবে", "প্রভাবে",
		"স্বভাবে", "নবাবে", "হিসাবে", "হিসেবে" };
	static const char *const notgen[] = { "সরকার", "বাজার", "পরিবার",
		"অধিকার", "ব্যবহার", "আবার", "এবার", "বার", "হাজার",
		"প্রকার", "আর", "বিচার", "প্রচার", "আকার", "উদ্ধার",
		"শিকার", "সংস্কার", "পুরস্কার", "স্বীকার", "ইফতার" };
	int c = 0;

	if (n > 0 && (unsigned char)w[0] < 0x80) {
		if ((n == 4 && strncasecmp(w, "will", 4) == 0) ||
		    (n == 5 && strncasecmp(w, "shall", 5) == 0))
			return CUE_FUT;
		return 0;
	}
	/* most words end in none of the endings' last letters: ে র ন ো ়
	 * য় ই (E0 A7 87, E0 A6 B0, E0 A6 A8, E0 A7 8B, E0 A6 BC, E0 A7 9F,
	 * E0 A6 87) */
	if (n < 6 || (unsigned char)w[n - 3] != 0xe0)
		return 0;
	switch ((unsigned char)w[n - 2] << 8 | (unsigned char)w[n - 1]) {
	case 0xa787: case 0xa6b0: case 0xa6a8: case 0xa78b: case 0xa6bc:
	case 0xa79f: case 0xa687:
		break;
	default:
		return 0;
	}
	/* য় as one code point (U+09DF) or as য and a nukta */
	if (ends_in(w, n, "ে") || ends_in(w, n, "য়") ||
	    ends_in(w, n, "\xe0\xa7\x9f") || ends_in(w, n, "েই"))
		c |= CUE_LOC;
	if ((ends_in(w, n, "বে") || ends_in(w, n, "বেন") ||
	    ends_in(w, n, "বো")) && n >= 9 && !ends_in(w, n, "ভাবে") &&
	    !ends_in(w, n, "্বে") && !ends_in(w, n, "্বেন")) {
		c = CUE_FUT;
		for (size_t i = 0; i < sizeof(notfut) / sizeof(notfut[0]); i++)
			if (strlen(notfut[i]) == n && !memcmp(w, notfut[i], n))
				c = 0;
	}
	if (ends_in(w, n, "ের") || ends_in(w, n, "এর") ||
	    ends_in(w, n, "ার")) {
		c |= CUE_GEN;
		for (size_t i = 0; i < sizeof(notgen) / sizeof(notgen[0]); i++)
			if (strlen(notgen[i]) == n && !memcmp(w, notgen[i], n))
				c &= ~CUE_GEN;
	}
	return c;
}

/* The end of the word at byte p of s: letters until a non-letter,
 * *cps their code points.  A change of script ends a word ("2025সালে"
 * is two): an ASCII word is ASCII letters; another is Bengali letters
 * and signs (three bytes, E0 A6/A7 xx), ZWNJ and ZWJ (E2 80 8C/8D). */
static inline size_t
word_end(const unsigned char *s, size_t len, size_t p, size_t *cps)
{
	size_t n = 0;

	if (s[p] < 0x80) {
		while (p < len && (s[p] | 0x20) >= 'a' && (s[p] | 0x20) <= 'z')
			p++, n++;
	} else {
		while (p + 3 <= len) {
			if (s[p] == 0xe0 && (s[p + 1] & 0xfe) == 0xa6 &&
			    (s[p + 2] & 0xc0) == 0x80) {
				int c = 0x980 | (s[p + 1] & 1) << 6 |
				    (s[p + 2] & 0x3f);
				if (bn_digit(c) || c == 0x9e4 || c == 0x9e5)
					break;
			} else if (s[p] != 0xe2 || s[p + 1] != 0x80 ||
			    (s[p + 2] != 0x8c && s[p + 2] != 0x8d)) {
				break;
			}
			p += 3, n++;
		}
	}
	*cps = n;
	return p;
}

/* The CUE_* of the words of barrier t, worked out only near a date:
 * CUE_FUT of any, CUE_GEN of the last. */
static int
cue_of(const struct scan *sc, const struct tok *t)
{
	size_t p = t->bb, e, used, n;
	int c = 0, ch;

	if (t->type != T_OTHER)
		return 0;
	while (p < t->be) {
		ch = decode(sc->s + p, t->be - p, &used);
		if (ch < 0 || !word_cp(ch) || ch == 0x200c || ch == 0x200d) {
			p += used;
			continue;
		}
		if ((e = word_end(sc->s, t->be, p, &n)) == p) {
			p += used;
			continue;
		}
		c = (c & CUE_FUT) | (cues((const char *)sc->s + p, e - p) &
		    (CUE_FUT | CUE_GEN));
		p = e;
	}
	return c;
}

/* Scan a word at sc->pos. */
static void
lex_word(struct scan *sc, int space)
{
	const unsigned char *s = sc->s;
	size_t b = sc->pos, p, cb = sc->cp, n;
	const struct lexent *e;
	struct tok *t;
	int suffix;

	p = word_end(s, sc->len, b, &n);
	sc->pos = p, sc->cp = cb + n;
	e = lex_lookup((const char *)sc->s + b, sc->pos - b, &suffix);
	t = push(sc, e ? T_WORD : T_OTHER, cb, space);
	t->ce = sc->cp;
	if (e == NULL) {
		if (t->cb == cb)
			t->bb = b;	/* push saw the position after it */
		t->be = p;
		return;
	}
	t->cat = e->cat, t->val = e->val, t->unit = e->unit;
	t->flags = e->flags, t->suffix = (unsigned char)suffix;
	t->cue = cues((const char *)s + b, p - b) & CUE_LOC;
}

static int
num_suffix(const char *w, size_t n, int ascii)
{
	static const char *const ord[] = { "লা", "রা", "ঠা", "ই", "শে", "তম",
		"এ", "ে" };
	/* টো, টোয়: West Bengal's (দুপুর ২টো) */
	static const char *const tim[] = { "টা", "টায়", "টার", "টে", "টায়",
		"টো", "টোয়", "টোয়", "টোর" };

	if (ascii) {
		if (n == 2 && (!memcmp(w, "st", 2) || !memcmp(w, "nd", 2) ||
		    !memcmp(w, "rd", 2) || !memcmp(w, "th", 2)))
			return S_ORD;
		return S_OTHER;
	}
	for (size_t i = 0; i < sizeof(ord) / sizeof(ord[0]); i++)
		if (strlen(ord[i]) == n && memcmp(ord[i], w, n) == 0)
			return S_ORD;
	for (size_t i = 0; i < sizeof(tim) / sizeof(tim[0]); i++)
		if (strlen(tim[i]) == n && memcmp(tim[i], w, n) == 0)
			return S_TIME;
	return S_OTHER;
}

/* ASCII digits at p: their count, value in *v (capped). */
static int
adigits(const unsigned char *s, size_t len, size_t p, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (p + n < len && n < max && s[p + n] >= '0' && s[p + n] <= '9')
		*v = *v * 10 + (s[p + n] - '0'), n++;
	return n;
}

/* 2025-08-15, 2025-08-15T11:45, 2025-08-15T11:45:00+06:00 or Z, read as
 * one token: returns the bytes taken, 0 if not such a value. */
static size_t
lex_iso(struct scan *sc, struct tok *t)
{
	const unsigned char *s = sc->s;
	size_t p = sc->pos, len = sc->len, k;
	int y, m, d, h, mi, se = -1;

	if (adigits(s, len, p, 5, &y) != 4 || p + 10 > len || s[p + 4] != '-'
	    || adigits(s, len, p + 5, 3, &m) != 2 || s[p + 7] != '-' ||
	    adigits(s, len, p + 8, 3, &d) != 2 || !valid_day(y, m, d))
		return 0;
	t->y = (short)y, t->m = (short)m, t->d = (short)d;
	t->h = t->mi = t->s = -1;
	p += 10;
	if (p + 6 <= len && (s[p] == 'T' || s[p] == ' ') &&
	    adigits(s, len, p + 1, 3, &h) == 2 && s[p + 3] == ':' &&
	    adigits(s, len, p + 4, 3, &mi) == 2 && h < 24 && mi < 60) {
		t->h = (short)h, t->mi = (short)mi;
		p += 6;
		if (p + 3 <= len && s[p] == ':' &&
		    adigits(s, len, p + 1, 3, &se) == 2 && se < 60) {
			t->s = (short)se;
			p += 3;
			if (p < len && s[p] == '.') {
				k = 1;
				while (p + k < len && s[p + k] >= '0' &&
				    s[p + k] <= '9')
					k++;
				if (k > 1)
					p += k;
			}
		}
		if (p < len && s[p] == 'Z') {
			memcpy(t->tz, "Z", 2);
			p++;
		} else if (p + 6 <= len && (s[p] == '+' || s[p] == '-') &&
		    adigits(s, len, p + 1, 3, &h) == 2 && s[p + 3] == ':' &&
		    adigits(s, len, p + 4, 3, &mi) == 2 && h < 24 &&
		    mi < 60) {
			memcpy(t->tz, s + p, 6);
			t->tz[6] = '\0';
			p += 6;
		}
	}
	return p - sc->pos;
}

static void
lex_number(struct scan *sc, int c0, int space)
{
	size_t b, used, cb = sc->cp;
	int c, v = 0, n = 0, ascii = c0 < 0x80;
	struct tok *t;

	t = push(sc, T_NUM, cb, space);
	if (ascii && (b = lex_iso(sc, t)) > 0) {
		t->type = T_ISO;
		sc->pos += b, sc->cp += b;
		t->ce = sc->cp;
		return;
	}
	while (sc->pos < sc->len) {
		c = decode(sc->s + sc->pos, sc->len - sc->pos, &used);
		if (ascii ? !(c >= '0' && c <= '9') : !bn_digit(c))
			break;
		if (n < 9)
			v = v * 10 + (ascii ? c - '0' : u_charDigitValue(c));
		n++;
		sc->pos += used;
		sc->cp++;
	}
	t->val = v, t->ndig = n, t->ascii = (unsigned char)ascii;
	t->ce = sc->cp;
	/* letters glued on: ১৫ই, ৯টায়, 15th; others stay a word */
	b = sc->pos;
	while (b < sc->len) {
		c = decode(sc->s + b, sc->len - b, &used);
		if (c < 0 || !word_cp(c) || (ascii != (c < 0x80)))
			break;
		b += used;
	}
	if (b > sc->pos) {
		int k = num_suffix((const char *)sc->s + sc->pos, b - sc->pos,
		    ascii);
		if (!ascii || k == S_ORD) {
			t->nsuf = (unsigned char)k;
			while (sc->pos < b) {
				decode(sc->s + sc->pos, b - sc->pos, &used);
				sc->pos += used;
				sc->cp++;
			}
			t->ce = sc->cp;
		}
	}
}

/* Read tokens until the window is full or the text ends. */
static void
fill(struct scan *sc)
{
	size_t used;
	int c, space = 1;

	while (sc->n < WIN - 1 && sc->pos < sc->len) {
		unsigned char b = sc->s[sc->pos];
		/* fast path: ASCII that cannot start anything */
		if (b == ' ' || b == '\t' || b == '\r') {
			sc->pos++, sc->cp++;
			space = 1;
			continue;
		}
		c = decode(sc->s + sc->pos, sc->len - sc->pos, &used);
		if (c < 0) {
			push(sc, T_OTHER, sc->cp, space)->ce = sc->cp + 1;
			sc->pos++, sc->cp++;
			space = 0;
			continue;
		}
		if ((c >= '0' && c <= '9') || bn_digit(c)) {
			lex_number(sc, c, space);
		} else if (word_cp(c) && c != 0x200c && c != 0x200d) {
			lex_word(sc, space);
		} else if (c == 0xa0 || c == 0x2009 || c == 0x202f) {
			sc->pos += used, sc->cp++;
			space = 1;
			continue;
		} else if ((c > 0 && c < 0x80 && strchr(",()-|:/.';?!", c)) ||
		    c == 0x2013 || c == 0x2014 || c == 0x964) {
			struct tok *t = push(sc, T_PUNCT, sc->cp, space);
			t->ch = c == 0x2013 || c == 0x2014 ? '-' : c;
			sc->pos += used, sc->cp++;
			t->ce = sc->cp;
		} else {
			push(sc, T_OTHER, sc->cp, space)->ce = sc->cp + 1;
			sc->pos += used, sc->cp++;
		}
		space = 0;
	}
}

/* --- matching ------------------------------------------------------------- */

struct match {
	int end;		/* token index past the mention */
	char value[128];	/* room for "%s/%s"; values fit in 64 */
	const char *kind, *mod;
};

static const struct tok *
T(const struct scan *sc, int i)
{
	return i < sc->n ? &sc->t[i] : &end_tok;
}

static int
is_word(const struct scan *sc, int i, int cat)
{
	const struct tok *t = T(sc, i);
	return t->type == T_WORD && t->cat == cat;
}

static int
is_punct(const struct scan *sc, int i, int ch)
{
	const struct tok *t = T(sc, i);
	return t->type == T_PUNCT && t->ch == ch;
}

/* Skip the '.' after an abbreviation (Aug., খ্রি.). */
static int
after_abbr(const struct scan *sc, int i)
{
	if ((T(sc, i - 1)->flags & F_ABBR) && is_punct(sc, i, '.') &&
	    !T(sc, i)->space)
		return i + 1;
	return i;
}

/* Whether token t ends a clause: । ? ! ; , . */
static int
clause_end(const struct tok *t)
{
	return t->type == T_PUNCT && (t->ch == 0x964 || t->ch == '?' ||
	    t->ch == '!' || t->ch == ';' || t->ch == ',' || t->ch == '.');
}

/* Whether the clause of the mention at tokens [i, j) speaks of the
 * future: a verb in the future before it (English: will visit ... on
 * Tuesday) or after it (Bengali: সোমবার ... যাবেন). */
static int
future(const struct scan *sc, int i, int j)
{
	for (int k = i - 1; k >= 0 && !clause_end(&sc->t[k]); k--)
		if (cue_of(sc, &sc->t[k]) & CUE_FUT)
			return 1;
	for (int k = j; k < sc->n && !clause_end(&sc->t[k]); k++)
		if (cue_of(sc, &sc->t[k]) & CUE_FUT)
			return 1;
	return 0;
}

static int
p_day(const struct scan *sc, int i, int *d)
{
	const struct tok *t = T(sc, i);

	if (t->type == T_WORD && t->cat == C_ORD1) {
		*d = 1;
		return i + 1;
	}
	if (t->type != T_NUM || t->ndig > 2 || t->val < 1 || t->val > 31 ||
	    (t->nsuf != S_NONE && t->nsuf != S_ORD))
		return 0;
	*d = t->val;
	return i + 1;
}

/* A month name; *bs set for the Bangla calendar. */
static int
p_month(const struct scan *sc, int i, int *m, int *bs)
{
	const struct tok *t = T(sc, i);

	if (t->type != T_WORD || (t->cat != C_MONTH && t->cat != C_BMONTH))
		return 0;
	*m = t->val;
	*bs = t->cat == C_BMONTH;
	i = after_abbr(sc, i + 1);
	/* "জুলাই মাসে": the month's name and the word month */
	if (is_word(sc, i, C_UNIT) && T(sc, i)->val == U_MONTH &&
	    !T(sc, i - 1)->suffix)
		i++;
	return i;
}

/* A year: four digits, maybe with সাল/খ্রিস্টাব্দ/বঙ্গাব্দ. *bs: -1 not
 * said, 0 Gregorian, 1 Bangla. */
static int
p_year(const struct scan *sc, int i, int *y, int *bs, int need_mark)
{
	const struct tok *t = T(sc, i);

	*bs = -1;
	if (t->type != T_NUM || t->ndig != 4 || t->nsuf == S_TIME ||
	    t->nsuf == S_OTHER)
		return 0;
	*y = t->val;
	i++;
	if (is_word(sc, i, C_BANGLA) && is_word(sc, i + 1, C_UNIT) == 0 &&
	    0)
		i++;
	if (is_word(sc, i, C_YMARK)) {
		*bs = T(sc, i)->val;
		i = after_abbr(sc, i + 1);
	} else if (need_mark) {
		return 0;
	}
	return i;
}

struct dt {
	int y, m, d;		/* y -1: unknown */
	int h, mi, s, pod;	/* -1: none */
	char tz[8];
};

static int
p_time(const struct scan *sc, int i, struct dt *w)
{
	const struct tok *t;
	int pod = -1, half = 0, h, mi = 0, s = -1, ok = 0, j;

	if (is_word(sc, i, C_POD)) {
		pod = T(sc, i)->val;
		i++;
	}
	if (is_word(sc, i, C_HALF)) {
		half = T(sc, i)->val;
		i++;
	}
	t = T(sc, i);
	if (pod >= 0 && t->type == T_WORD && t->cat == C_NUMW &&
	    t->suffix && !(t->flags & F_EN) && t->val % 10 == 0 &&
	    t->val >= 10 && t->val <= 120) {
		/* সন্ধ্যা সাতটা: the hour in words */
		h = t->val / 10;
		ok = 1;
		j = i + 1;
		goto hour;
	}
	if (t->type != T_NUM || t->ndig > 2 || t->nsuf == S_ORD ||
	    t->nsuf == S_OTHER)
		return 0;
	h = t->val;
	ok = t->nsuf == S_TIME;
	j = i + 1;
	if (t->nsuf == S_NONE && is_punct(sc, j, ':') && !T(sc, j)->space &&
	    T(sc, j + 1)->type == T_NUM && T(sc, j + 1)->ndig == 2 &&
	    !T(sc, j + 1)->space && T(sc, j + 1)->nsuf != S_OTHER) {
		mi = T(sc, j + 1)->val;
		ok = 1;
		j += 2;
		if (is_punct(sc, j, ':') && !T(sc, j)->space &&
		    T(sc, j + 1)->type == T_NUM && T(sc, j + 1)->ndig == 2 &&
		    !T(sc, j + 1)->space) {
			s = T(sc, j + 1)->val;
			j += 2;
		}
	}
hour:
	if (is_word(sc, j, C_AMPM)) {
		if (h < 1 || h > 12)
			return 0;
		h = T(sc, j)->val ? (h % 12) + 12 : h % 12;
		ok = 1;
		j = after_abbr(sc, j + 1);
	} else if (pod >= 0 && ok) {
		if (pod == P_MI && h >= 1 && h <= 5)
			h += 12;
		else if ((pod == P_AF || pod == P_EV) && h < 12)
			h += 12;
		else if (pod == P_NI && h >= 6 && h < 12)
			h += 12;
		else if (pod == P_NI && h == 12)
			h = 0;
	}
	if (!ok || (t->nsuf == S_TIME && half == 0 && pod < 0 &&
	    !is_word(sc, j, C_AMPM) && T(sc, i)->space == 0 && 0))
		return 0;
	if (pod < 0 && half == 0 && t->type == T_NUM && t->nsuf == S_TIME)
		return 0;	/* "৩টা" alone is three (things) */
	mi += half;
	if (mi < 0)
		mi += 60, h -= 1;
	if (h < 0 || h > 23 || mi > 59 || s > 59)
		return 0;
	w->h = h, w->mi = mi, w->s = s;
	w->pod = -1;
	return j;
}

#define NO_YEAR INT_MIN

/* Choose the year for a day or month given without one: the nearest
 * to the reference (dir 0), the latest on or before it (-1), the
 * earliest on or after it (1); wd, when not 0, must be the weekday.
 * NO_YEAR when none; at the edges of the calendar it may be -1 or
 * 10000, which the caller cannot write. */
static int
pick_year(const struct date_ref *r, int m, int d, int dir, int wd)
{
	long z0 = ref_days(r), bestd = 0;
	int y, dd, best = NO_YEAR;

	for (y = r->year - 1; y <= r->year + 1; y++) {
		if (d > mdays(y, m))
			continue;
		long z = days_of(y, m, d > 0 ? d : 1);
		long dist = z - z0;
		if (d <= 0 && dist < 0 && z + mdays(y, m) > z0)
			dist = 0;	/* the reference's own month */
		if (dir < 0 && dist > 0)
			continue;
		if (dir > 0 && dist < 0)
			continue;
		if (wd && d > 0 && wday_of(z) != wd)
			continue;
		dd = (int)(dist < 0 ? -dist : dist);
		if (best == NO_YEAR || dd < bestd)
			best = y, bestd = dd;
	}
	return best;
}

static void
put_day(char *b, size_t n, int y, int m, int d)
{
	if (y < 0)
		snprintf(b, n, "XXXX-%02d-%02d", m, d);
	else
		snprintf(b, n, "%04d-%02d-%02d", y, m, d);
}

static void
put_dt(struct match *mt, const struct dt *w)
{
	static const char *const pods[] = { "MO", "MI", "AF", "EV", "NI",
		"MO" };
	char day[40];
	size_t n;

	put_day(day, sizeof(day), w->y, w->m, w->d);
	mt->kind = "date";
	if (w->h >= 0) {
		n = (size_t)snprintf(mt->value, sizeof(mt->value), "%sT%02d:%02d",
		    day, w->h, w->mi);
		if (w->s >= 0 && n < sizeof(mt->value))
			n += snprintf(mt->value + n, sizeof(mt->value) - n,
			    ":%02d", w->s);
		if (w->tz[0] && n < sizeof(mt->value))
			snprintf(mt->value + n, sizeof(mt->value) - n, "%s",
			    w->tz);
		mt->kind = "datetime";
	} else if (w->pod >= 0) {
		snprintf(mt->value, sizeof(mt->value), "%sT%s", day,
		    pods[w->pod]);
		mt->kind = "datetime";
	} else {
		snprintf(mt->value, sizeof(mt->value), "%s", day);
	}
}

/* After a day: its time (", ১১:৪৬ এএম", " | 11:45 PM", " রাতে"). */
static int
p_daytime(const struct scan *sc, int i, struct dt *w)
{
	int j = i, k;

	if (is_punct(sc, j, ',') || is_punct(sc, j, '|') ||
	    is_punct(sc, j, '-') || is_word(sc, j, C_AT))
		j++;
	if ((k = p_time(sc, j, w)) > 0)
		return k;
	if (j == i && is_word(sc, i, C_POD) && !is_word(sc, i + 1, C_HALF) &&
	    T(sc, i + 1)->type != T_NUM) {
		w->pod = T(sc, i)->val;
		return i + 1;
	}
	return i;
}

/* A calendar date without a weekday; fills w (y -1 when not given).
 * *gran: 'D' day, 'M' month, 'Y' year. */
static int
p_date(const struct scan *sc, int i, struct dt *w, int *gran, int *bsp)
{
	const struct tok *t = T(sc, i);
	int d, m, y, bs, bs2, j, k;

	memset(w, 0, sizeof(*w));
	w->y = -1, w->h = w->mi = w->s = w->pod = -1;
	*bsp = 0;
	if (t->type == T_ISO) {
		w->y = t->y, w->m = t->m, w->d = t->d;
		w->h = t->h, w->mi = t->mi, w->s = t->s;
		memcpy(w->tz, t->tz, sizeof(w->tz));
		*gran = 'D';
		return i + 1;
	}
	/* 15/08/2025, 15.08.2025, 2025/08/15 */
	if (t->type == T_NUM && t->nsuf == S_NONE &&
	    (is_punct(sc, i + 1, '/') || is_punct(sc, i + 1, '.') ||
	    is_punct(sc, i + 1, '-')) && !T(sc, i + 1)->space &&
	    T(sc, i + 2)->type == T_NUM && !T(sc, i + 2)->space &&
	    is_punct(sc, i + 3, T(sc, i + 1)->ch) && !T(sc, i + 3)->space &&
	    T(sc, i + 4)->type == T_NUM && !T(sc, i + 4)->space &&
	    T(sc, i + 2)->nsuf == S_NONE) {
		int a = t->val, b = T(sc, i + 2)->val, c = T(sc, i + 4)->val;
		if (t->ndig == 4 && T(sc, i + 4)->ndig <= 2)
			y = a, m = b, d = c;
		else if (T(sc, i + 4)->ndig == 4 && t->ndig <= 2 &&
		    T(sc, i + 2)->ndig <= 2)
			y = c, m = b, d = a;
		else
			return 0;
		if (m > 12 && d <= 12 && T(sc, i + 4)->ndig == 4)
			k = m, m = d, d = k;
		if (!valid_day(y, m, d))
			return 0;
		w->y = y, w->m = m, w->d = d;
		*gran = 'D';
		return i + 5;
	}
	/* day month [,] [year] */
	if ((j = p_day(sc, i, &d)) > 0) {
		if (is_word(sc, j, C_OF))
			j++;
		if ((k = p_month(sc, j, &m, &bs)) == 0)
			return 0;
		j = k;
		w->m = m, w->d = d;
		*gran = 'D';
		*bsp = bs;
		k = is_punct(sc, j, ',') ? j + 1 : j;
		if (!T(sc, j - 1)->suffix &&
		    (k = p_year(sc, k, &y, &bs2, 0)) > 0) {
			w->y = y;
			if (bs2 == 1)
				*bsp = 1;
			j = k;
		}
		return j;
	}
	/* month day[,] year; month [,] year; month */
	if ((j = p_month(sc, i, &m, &bs)) > 0) {
		w->m = m;
		*bsp = bs;
		/* জুলাইয়ের ২ তারিখ */
		if (T(sc, j - 1)->suffix && T(sc, j)->type == T_NUM &&
		    p_day(sc, j, &d) > 0 && is_word(sc, j + 1, C_DATEMARK)) {
			w->d = d;
			*gran = 'D';
			return j + 2;
		}
		if (!T(sc, j - 1)->suffix && p_day(sc, j, &d) > 0 &&
		    T(sc, j)->nsuf != S_TIME && !is_punct(sc, j + 1, ':')) {
			w->d = d;
			*gran = 'D';
			j++;
			k = is_punct(sc, j, ',') ? j + 1 : j;
			if ((k = p_year(sc, k, &y, &bs2, 0)) > 0)
				w->y = y, j = k;
			else if (T(sc, j - 1)->ascii == 0 && 0)
				return 0;
			return j;
		}
		k = is_punct(sc, j, ',') ? j + 1 : j;
		if (!T(sc, j - 1)->suffix && !(i > 0 &&
		    T(sc, i - 1)->type == T_NUM && T(sc, i - 1)->ndig <= 2 &&
		    T(sc, i - 1)->nsuf != S_OTHER) &&
		    (k = p_year(sc, k, &y, &bs2, 0)) > 0) {
			w->y = y;
			*gran = 'M';
			return k;
		}
		if ((T(sc, i)->flags & F_WEAK) || bs)
			return 0;
		/* after a day that was no day (৩২ ফেব্রুয়ারি): nothing */
		if (i > 0 && T(sc, i - 1)->type == T_NUM &&
		    T(sc, i - 1)->nsuf != S_OTHER)
			return 0;
		/* a bare English name needs its capital: "August" */
		*gran = 'M';
		return j;
	}
	/* year with its mark: ২০২৫ সাল, 1971 খ্রিস্টাব্দে, ১৪৩১ বঙ্গাব্দ */
	if ((j = p_year(sc, i, &y, &bs, 1)) > 0) {
		w->y = y;
		/* ২০২৪ সালের নভেম্বরে, ২০২৪ সালের ১৫ আগস্ট */
		if (bs != 1 && T(sc, j - 1)->suffix) {
			if ((k = p_month(sc, j, &m, &bs2)) > 0 && !bs2) {
				w->m = m;
				*gran = 'M';
				return k;
			}
			if (p_day(sc, j, &d) > 0 &&
			    (k = p_month(sc, j + 1, &m, &bs2)) > 0 && !bs2) {
				w->m = m, w->d = d;
				*gran = 'D';
				return k;
			}
		}
		*gran = 'Y';
		*bsp = bs == 1;
		return j;
	}
	return 0;
}

/* What resolve() makes of a date: none, a value, or one that falls
 * before year 0000 or after 9999 (PAST_REF, FUTURE_REF). */
enum { R_NONE = -1, R_OK, R_BEFORE, R_AFTER };

/* Turn a parsed date into a value: the year from the reference when
 * missing, the Bangla calendar converted. */
static int
resolve(const struct scan *sc, struct dt *w, int gran, int bs, int dir,
    int wd)
{
	const struct date_ref *r = sc->ref;
	int gy;
	long z;

	if (bs) {
		if (gran == 'Y')
			return R_NONE;	/* kept for the interval form below */
		if (w->y < 0) {
			if (r == NULL || !r->set)
				return R_NONE;
			w->y = bangla_year(r);
		}
		if (gran != 'D')
			return R_NONE;
		if (bangla_days(w->y, w->m, w->d, &gy, &z) < 0)
			return R_NONE;
		civil(z, &w->y, &w->m, &w->d);
		return w->y < 0 ? R_BEFORE : w->y > 9999 ? R_AFTER : R_OK;
	}
	if (w->y < 0 && r != NULL && r->set) {
		if ((w->y = pick_year(r, w->m, gran == 'D' ? w->d : 0, dir,
		    wd)) == NO_YEAR && wd)
			w->y = pick_year(r, w->m, gran == 'D' ? w->d : 0, dir,
			    0);
		if (w->y == NO_YEAR)
			return R_NONE;
		if (!year_ok(w->y))
			return w->y < 0 ? R_BEFORE : R_AFTER;
	}
	if (w->y > 9999)
		return R_NONE;
	if (gran == 'D') {
		if (w->y >= 0 ? !valid_day(w->y, w->m, w->d) :
		    w->d > mdays(2000, w->m))
			return R_NONE;
	}
	return R_OK;
}

static void
put_gran(struct match *mt, const struct dt *w, int gran)
{
	if (gran == 'D') {
		put_dt(mt, w);
		return;
	}
	mt->kind = "date";
	if (gran == 'M') {
		if (w->y < 0)
			snprintf(mt->value, sizeof(mt->value), "XXXX-%02d",
			    w->m);
		else
			snprintf(mt->value, sizeof(mt->value), "%04d-%02d",
			    w->y, w->m);
	} else {
		snprintf(mt->value, sizeof(mt->value), "%04d", w->y);
	}
}

static int
ref_set(const struct scan *sc)
{
	return sc->ref != NULL && sc->ref->set;
}

static void
put_ref(struct match *mt, int dir)
{
	snprintf(mt->value, sizeof(mt->value), "%s", dir < 0 ? "PAST_REF" :
	    dir > 0 ? "FUTURE_REF" : "PRESENT_REF");
	mt->kind = "date";
}

/* The day z; dir says where it lies from the reference, for a day
 * outside years 0000..9999. */
static void
put_days(struct match *mt, long z, int dir)
{
	struct dt w = { .h = -1, .mi = -1, .s = -1, .pod = -1 };

	civil(z, &w.y, &w.m, &w.d);
	if (year_ok(w.y))
		put_dt(mt, &w);
	else
		put_ref(mt, dir);
}

/* The day of a time given without one (minutes past midnight), in the
 * clause of tokens [i, j): the day the text last named (when it lies
 * on the side of the reference the verb's tense says), else the
 * reference's, the day before when the time is still to come there and
 * the clause speaks of the past (রাত ১১টায় ... পৌঁছায়), the day after
 * when it has passed and the clause speaks of the future. */
static long
day_for(const struct scan *sc, int i, int j, int mins)
{
	long z = ref_days(sc->ref);
	int r, fut = future(sc, i, j);

	/* the day named last, unless the verb says otherwise (রাত ১০টায়
	 * সভা হয়। সকাল ৯টায় বৈঠক বসবে) */
	if (sc->last != NO_DAY && sc->last != z && (sc->last > z) == fut)
		return sc->last;
	if (sc->ref->hour < 0)
		return z;
	r = sc->ref->hour * 60 + sc->ref->min;
	if (!fut && mins > r)
		return z - 1;
	if (fut && mins < r)
		return z + 1;
	return z;
}

/* The hour a part of the day stands for, to set it beside the
 * reference's time. */
static int
pod_mins(int pod)
{
	static const int h[] = { 9, 12, 15, 18, 21, 5 };

	return h[pod] * 60;
}

/* dir, or for a bare date (dir 0) 1 in a clause of the future (will
 * be held on March 3): the next day or month of its name.  Worked out
 * once a date was read (*fc -1: not yet). */
static int
tense_dir(const struct scan *sc, int i, int dir, int *fc)
{
	if (dir != 0)
		return dir;
	if (*fc < 0)
		*fc = future(sc, i, i + 1);
	return *fc;
}

/* A whole date expression: dates, ranges, weekday forms; the date's
 * time when it has one. */
static int
m_date(const struct scan *sc, int i, struct match *mt, int dir)
{
	struct dt w, w2;
	int gran, gran2, bs, bs2, j, k, d1, m1, b1, fc = -1;

	/* ranges: ১০-১৫ মার্চ, ১০ থেকে ১৫ মার্চ, from 10 to 15 March,
	 * জুলাই-আগস্টে */
	k = is_word(sc, i, C_FROM) ? i + 1 : i;
	if ((j = p_day(sc, k, &d1)) > 0 && (is_punct(sc, j, '-') ||
	    is_word(sc, j, C_TO)) && T(sc, k)->nsuf != S_TIME &&
	    (j = p_date(sc, j + 1, &w2, &gran2, &bs2)) > 0 && gran2 == 'D' &&
	    !bs2 && w2.h < 0) {
		int td = tense_dir(sc, i, dir, &fc);

		w = w2;
		w.d = d1;
		if (resolve(sc, &w2, 'D', 0, td, 0) == R_OK && (w.y = w2.y,
		    resolve(sc, &w, 'D', 0, td, 0) == R_OK) && w.d < w2.d) {
			char a[40], b[40];
			put_day(a, sizeof(a), w.y, w.m, w.d);
			put_day(b, sizeof(b), w2.y, w2.m, w2.d);
			snprintf(mt->value, sizeof(mt->value), "%s/%s", a, b);
			mt->kind = "date";
			return j;
		}
	}
	if ((j = p_month(sc, k, &m1, &b1)) > 0 && !b1 &&
	    !T(sc, j - 1)->suffix && (is_punct(sc, j, '-') ||
	    is_word(sc, j, C_TO)) &&
	    (j = p_date(sc, j + 1, &w2, &gran2, &bs2)) > 0 && gran2 == 'M' &&
	    !bs2 && m1 < w2.m) {
		if (resolve(sc, &w2, 'M', 0, tense_dir(sc, i, dir, &fc),
		    0) == R_OK) {
			if (w2.y < 0)
				snprintf(mt->value, sizeof(mt->value),
				    "XXXX-%02d/XXXX-%02d", m1, w2.m);
			else
				snprintf(mt->value, sizeof(mt->value),
				    "%04d-%02d/%04d-%02d", w2.y, m1, w2.y,
				    w2.m);
			mt->kind = "date";
			return j;
		}
	}

	if ((j = p_date(sc, i, &w, &gran, &bs)) == 0)
		return 0;
	if (gran == 'Y' && bs) {
		/* a Bangla year spans two Gregorian ones: 1 Boishakh to
		 * 30 Chaitra */
		int gy;
		long z1, z2;
		if (bangla_days(w.y, 1, 1, &gy, &z1) < 0 ||
		    bangla_days(w.y, 12, 30, &gy, &z2) < 0)
			return 0;
		struct dt a = { .h = -1, .pod = -1 }, b = a;
		civil(z1, &a.y, &a.m, &a.d);
		civil(z2, &b.y, &b.m, &b.d);
		if (!year_ok(a.y) || !year_ok(b.y))
			return 0;	/* the year given runs past 9999 */
		char sa[40], sb[40];
		put_day(sa, sizeof(sa), a.y, a.m, a.d);
		put_day(sb, sizeof(sb), b.y, b.m, b.d);
		snprintf(mt->value, sizeof(mt->value), "%s/%s", sa, sb);
		mt->kind = "date";
		return j;
	}
	if ((k = resolve(sc, &w, gran, bs, tense_dir(sc, i, dir, &fc),
	    0)) == R_NONE)
		return 0;
	if (k != R_OK) {
		put_ref(mt, k == R_BEFORE ? -1 : 1);
		return j;
	}
	if (gran == 'D' && w.h < 0)
		j = p_daytime(sc, j, &w);
	put_gran(mt, &w, gran);
	return j;
}

/* শুক্রবার, বৃহস্পতিবার (১৫ আগস্ট), Friday, August 15, 2025, শুক্রবার
 * রাতে.  dir: -1 after গত, 1 after আগামী, 0 bare; 2 after এই. */
static int
m_wday(const struct scan *sc, int i, struct match *mt, int dir)
{
	const struct tok *t = T(sc, i);
	struct dt w;
	int j = after_abbr(sc, i + 1), k, gran, bs, rc, wd = t->val;

	if (t->type != T_WORD || t->cat != C_WDAY)
		return 0;
	/* with its date */
	k = j;
	if (is_punct(sc, k, '(') || is_punct(sc, k, ','))
		k++;
	if ((k = p_date(sc, k, &w, &gran, &bs)) > 0 && gran == 'D') {
		if (is_punct(sc, j, '(')) {
			if (!is_punct(sc, k, ')'))
				goto bare;
			k++;
		}
		if ((rc = resolve(sc, &w, gran, bs, 0, wd)) == R_NONE)
			goto bare;
		if (rc != R_OK) {
			put_ref(mt, rc == R_BEFORE ? -1 : 1);
			return k;
		}
		if (w.h < 0)
			k = p_daytime(sc, k, &w);
		put_gran(mt, &w, gran);
		return k;
	}
bare:
	if (t->flags & F_WEAK)
		return 0;
	memset(&w, 0, sizeof(w));
	w.h = w.mi = w.s = w.pod = -1;
	k = p_daytime(sc, j, &w);
	/* বৃহস্পতিবার দিবাগত রাত ২টা: the night after Thursday, 02:00 on
	 * Friday */
	if (k == j && is_word(sc, j, C_NIGHTOF) &&
	    (k = p_daytime(sc, j + 1, &w)) == j + 1)
		k = j;
	/* a bare weekday in a clause of the future is the next one, or
	 * today */
	if (dir == 0 && future(sc, i, k))
		dir = 3;
	if (!ref_set(sc)) {
		put_ref(mt, dir == 1 || dir == 3 ? 1 : dir == 2 ? 0 : -1);
		return j;
	}
	long z = ref_days(sc->ref), back;
	back = (wday_of(z) - wd + 7) % 7;
	if (dir == -1 && back == 0)
		back = 7;
	if (dir == 1)
		z += (wd - wday_of(z) + 7) % 7 ? (wd - wday_of(z) + 7) % 7 : 7;
	else if (dir == 3)
		z += (wd - wday_of(z) + 7) % 7;
	else if (dir == 2)
		z += wd - wday_of(z);
	else
		z -= back;
	if (is_word(sc, j, C_NIGHTOF) && w.h >= 0 && w.h < 6)
		z++;
	civil(z, &w.y, &w.m, &w.d);
	if (!year_ok(w.y)) {
		put_ref(mt, z < ref_days(sc->ref) ? -1 : 1);
		return j;
	}
	put_dt(mt, &w);
	return k;
}

static int
unit_ch(int u)
{
	return "DWMYHMSY"[u];
}

/* A number before a unit: digits or a word; tenths in *v, -1 for "a
 * few".  weak_ok lets "a"/"an" count. */
static int
p_count(const struct scan *sc, int i, int *v, int weak_ok)
{
	const struct tok *t = T(sc, i);

	if (t->type == T_NUM && t->nsuf == S_NONE && t->ndig <= 4) {
		*v = t->val * 10;
		return i + 1;
	}
	/* not an hour in words (সাতটা) */
	if (t->type == T_WORD && t->cat == C_NUMW && !t->suffix &&
	    (weak_ok || !(t->flags & F_WEAK))) {
		*v = t->val;
		/* দু'দিন: the number's word cut short */
		if (is_punct(sc, i + 1, '\'') && !T(sc, i + 1)->space &&
		    !T(sc, i + 2)->space && is_word(sc, i + 2, C_UNIT))
			return i + 2;
		return i + 1;
	}
	if (t->type == T_WORD && t->cat == C_FEW) {
		*v = -1;
		return i + 1;
	}
	return 0;
}

static void
put_duration(struct match *mt, int v, int u)
{
	char n[16];
	int mult = u == U_DECADE ? 10 : 1;

	if (v < 0)
		snprintf(n, sizeof(n), "X");
	else if (v % 10)
		snprintf(n, sizeof(n), "%d.%d", v * mult / 10, v * mult % 10);
	else
		snprintf(n, sizeof(n), "%d", v / 10 * mult);
	snprintf(mt->value, sizeof(mt->value), "P%s%s%c", u >= U_HOUR &&
	    u != U_DECADE ? "T" : "", n, unit_ch(u));
	mt->kind = "duration";
}

/* Shift the reference by n units; the value as coarse as the unit.
 * Past year 9999 or before 0000 (the ISO week's year for a week) it is
 * FUTURE_REF or PAST_REF. */
static void
put_shift(const struct scan *sc, struct match *mt, int n, int u)
{
	const struct date_ref *r = sc->ref;
	long z = ref_days(r);
	int y, m, wn, dir = n < 0 ? -1 : n > 0;

	switch (u) {
	case U_DAY:
		put_days(mt, z + n, dir);
		return;
	case U_WEEK:
		iso_week(z + 7L * n, &y, &wn);
		if (year_ok(y))
			snprintf(mt->value, sizeof(mt->value), "%04d-W%02d",
			    y, wn);
		break;
	case U_MONTH:
		m = r->month - 1 + n;
		y = r->year + (m >= 0 ? m / 12 : -((11 - m) / 12));
		m = ((m % 12) + 12) % 12 + 1;
		if (year_ok(y))
			snprintf(mt->value, sizeof(mt->value), "%04d-%02d", y,
			    m);
		break;
	case U_DECADE:
		y = r->year + 10 * n;
		if (year_ok(y))
			snprintf(mt->value, sizeof(mt->value), "%03d", y / 10);
		break;
	default:
		y = r->year + n;
		if (year_ok(y))
			snprintf(mt->value, sizeof(mt->value), "%04d", y);
		break;
	}
	if (!year_ok(y))
		put_ref(mt, dir);
	mt->kind = "date";
}

/* The weekend n weeks from the reference's: YYYY-Www-WE. */
static void
put_weekend(const struct scan *sc, struct match *mt, int n)
{
	int y, wn;

	iso_week(ref_days(sc->ref) + 7L * n, &y, &wn);
	if (year_ok(y))
		snprintf(mt->value, sizeof(mt->value), "%04d-W%02d-WE", y, wn);
	else
		put_ref(mt, n < 0 ? -1 : 1);
	mt->kind = "date";
}

/* Durations and counted shifts: তিন দিন, ৫ বছর, two weeks, ৩ দিন আগে,
 * 3 days ago, এক বছরের কম সময়ের মধ্যে, less than a year. */
static int
m_count(const struct scan *sc, int i, struct match *mt)
{
	const char *mod = NULL;
	int j = i, v, u, k;

	if (is_word(sc, j, C_APPROX)) {
		mod = T(sc, j)->val ? "LESS_THAN" : "APPROX";
		j++;
	} else if ((is_word(sc, j, C_LESS) || is_word(sc, j, C_MORE)) &&
	    is_word(sc, j + 1, C_THAN)) {
		mod = is_word(sc, j, C_LESS) ? "LESS_THAN" : "MORE_THAN";
		j += 2;
	} else if (is_word(sc, j, C_IN) && T(sc, j)->flags & F_EN) {
		/* in 3 days */
		if ((k = p_count(sc, j + 1, &v, 1)) > 0 &&
		    is_word(sc, k, C_UNIT) && v > 0 && v % 10 == 0 &&
		    T(sc, k)->val <= U_YEAR) {
			if (ref_set(sc))
				put_shift(sc, mt, v / 10, T(sc, k)->val);
			else
				put_ref(mt, 1);
			return k + 1;
		}
		return 0;
	}
	if ((k = p_count(sc, j, &v, mod != NULL || 1)) == 0 ||
	    !is_word(sc, k, C_UNIT))
		return 0;
	if ((T(sc, j)->flags & F_WEAK) && mod == NULL &&
	    !is_word(sc, k + 1, C_AGO) && !is_word(sc, k + 1, C_LATER))
		return 0;
	u = T(sc, k)->val;
	j = k + 1;
	if (is_word(sc, j, C_AGE) || (is_punct(sc, j, '-') &&
	    is_word(sc, j + 1, C_AGE)))
		return 0;	/* ৫০ বছর বয়সী: an age */
	if ((is_word(sc, j, C_AGO) || is_word(sc, j, C_LATER)) &&
	    mod == NULL && v > 0 && v % 10 == 0) {
		int back = is_word(sc, j, C_AGO);
		if (i > 0 && sc->t[i - 1].type == T_OTHER &&
		    (cue_of(sc, &sc->t[i - 1]) & CUE_GEN)) {
			/* নির্বাচনের দুই দিন আগে: from an event, not from
			 * the reference; only the length is known */
			put_duration(mt, v, u);
			return j + 1;
		}
		if (!ref_set(sc)) {
			put_ref(mt, back ? -1 : 1);
		} else if (u >= U_HOUR && u != U_DECADE) {
			put_ref(mt, back ? -1 : 1);
		} else {
			put_shift(sc, mt, back ? -v / 10 : v / 10, u);
		}
		return j + 1;
	}
	if (mod == NULL) {
		if (is_word(sc, j, C_LESS))
			mod = "LESS_THAN", j++;
		else if (is_word(sc, j, C_MORE))
			mod = "MORE_THAN", j++;
		if (mod != NULL && is_word(sc, j, C_SPAN))
			j++;
		if (is_word(sc, j, C_WITHIN) && T(sc, j)->val != 2) {
			if (mod == NULL && T(sc, j)->val == 0)
				mod = "EQUAL_OR_LESS";
			j++;
		}
	}
	put_duration(mt, v, u);
	mt->mod = mod;
	return j;
}

/* গত/আগামী/চলতি/এই + unit (+ month, day): গত বছর নভেম্বরে, চলতি
 * বছরের জুনে, এই সপ্তাহেই, last week, গত ১৮ ডিসেম্বর, গত ১০ বছরে. */
static int
m_rel(const struct scan *sc, int i, struct match *mt)
{
	const struct tok *t = T(sc, i);
	int dir, j = i + 1, u, k, v, gran, bs, m, b;
	struct dt w;

	if (t->type != T_WORD)
		return 0;
	if (t->cat == C_LAST)
		dir = -1;
	else if (t->cat == C_NEXT)
		dir = 1;
	else if (t->cat == C_THIS)
		dir = 0;
	else
		return 0;
	if (t->unit > 0) {
		u = t->unit;
		j = i + 1;
		goto unit;
	}
	if (is_word(sc, j, C_DAYREL) && T(sc, j)->val == 2 && dir < 0) {
		/* গত পরশু: the day before yesterday */
		if (ref_set(sc))
			put_days(mt, ref_days(sc->ref) - 2, -1);
		else
			put_ref(mt, -1);
		return j + 1;
	}
	if (is_word(sc, j, C_WDAY))
		return m_wday(sc, j, mt, dir == 0 ? 2 : dir);
	if (is_word(sc, j, C_WEEKEND)) {
		if (!ref_set(sc))
			put_ref(mt, dir);
		else
			put_weekend(sc, mt, dir);
		return j + 1;
	}
	if (dir < 0 && is_word(sc, j, C_POD) && T(sc, j + 1)->type != T_NUM &&
	    !is_word(sc, j + 1, C_HALF)) {
		/* গত রাতে, last night */
		struct dt p = { .h = -1, .mi = -1, .s = -1 };
		if (!ref_set(sc)) {
			put_ref(mt, -1);
			return j + 1;
		}
		p.pod = T(sc, j)->val;
		civil(ref_days(sc->ref) - (p.pod == P_NI), &p.y, &p.m, &p.d);
		if (!year_ok(p.y))
			return 0;
		put_dt(mt, &p);
		return j + 1;
	}
	if (dir == 0 && is_word(sc, j, C_POD) && (t->flags & F_EN)) {
		/* this morning, this evening */
		struct dt p = { .h = -1, .mi = -1, .s = -1 };
		if (!ref_set(sc)) {
			put_ref(mt, 0);
			return j + 1;
		}
		p.pod = T(sc, j)->val;
		civil(ref_days(sc->ref), &p.y, &p.m, &p.d);
		put_dt(mt, &p);
		return j + 1;
	}
	if (dir != 0 && (k = m_date(sc, j, mt, dir)) > 0)
		return k;
	if ((k = p_count(sc, j, &v, 0)) > 0 && is_word(sc, k, C_UNIT) &&
	    dir != 0) {
		put_duration(mt, v, T(sc, k)->val);
		return k + 1;
	}
	if (!is_word(sc, j, C_UNIT))
		return 0;
	u = T(sc, j)->val;
	j++;
unit:
	if (u == U_MONTH && ref_set(sc) && T(sc, j)->type == T_NUM &&
	    (k = p_day(sc, j, &v)) > 0 && is_word(sc, k, C_DATEMARK)) {
		/* চলতি মাসের ১১ তারিখে */
		m = sc->ref->month - 1 + dir;
		w.y = sc->ref->year + (m < 0 ? -1 : m / 12);
		w.m = (m + 12) % 12 + 1, w.d = v;
		w.h = w.mi = w.s = w.pod = -1;
		if (!year_ok(w.y) || !valid_day(w.y, w.m, w.d))
			return 0;
		put_dt(mt, &w);
		return k + 1;
	}
	if (u == U_YEAR && (k = p_month(sc, j, &m, &b)) > 0 && !b) {
		/* গত বছর নভেম্বরে; গত বছরের ১৫ আগস্ট */
		if (!ref_set(sc) || !year_ok(sc->ref->year + dir)) {
			put_ref(mt, dir);
			return k;
		}
		snprintf(mt->value, sizeof(mt->value), "%04d-%02d",
		    sc->ref->year + dir, m);
		mt->kind = "date";
		return k;
	}
	if (u == U_YEAR && p_day(sc, j, &v) > 0 &&
	    (k = p_date(sc, j, &w, &gran, &bs)) > 0 && gran == 'D' && !bs &&
	    w.y < 0) {
		if (!ref_set(sc) || !year_ok(sc->ref->year + dir)) {
			put_ref(mt, dir);
			return k;
		}
		w.y = sc->ref->year + dir;
		if (!valid_day(w.y, w.m, w.d))
			return 0;
		k = p_daytime(sc, k, &w);
		put_dt(mt, &w);
		return k;
	}
	if (u > U_YEAR && u != U_DECADE)
		return 0;
	if (!ref_set(sc))
		put_ref(mt, dir);
	else if (u == U_DAY)
		return 0;	/* "এই দিনে": not a day of the calendar */
	else
		put_shift(sc, mt, dir, u);
	return j;
}

/* আজ, গতকাল, আগামীকাল, পরশু, today, tonight; with a time or part of
 * day. */
static int
m_dayrel(const struct scan *sc, int i, struct match *mt)
{
	const struct tok *t = T(sc, i);
	struct dt w = { .h = -1, .mi = -1, .s = -1, .pod = -1 };
	int j = i + 1, k;

	int off = t->val;

	if (!is_word(sc, i, C_DAYREL))
		return 0;
	if (t->unit > 0)
		w.pod = t->unit - 1;
	else if ((k = p_daytime(sc, j, &w)) > j)
		j = k;
	if (off == DAYREL_EITHER) {
		/* কাল alone is also "a time, an age" (স্থান-কাল): a day
		 * only in a clause of the future or with its time */
		if (future(sc, i, j))
			off = 1;
		else if (j > i + 1)
			off = -1;
		else
			return 0;
	}
	if (ref_set(sc))
		civil(ref_days(sc->ref) + off, &w.y, &w.m, &w.d);
	/* no reference, or a day outside years 0000..9999 */
	if (!ref_set(sc) || !year_ok(w.y)) {
		if (w.h >= 0) {
			snprintf(mt->value, sizeof(mt->value),
			    "XXXX-XX-XXT%02d:%02d", w.h, w.mi);
			mt->kind = "time";
			return j;
		}
		put_ref(mt, off < 0 ? -1 : off > 0);
		return j;
	}
	put_dt(mt, &w);
	return j;
}

/* নববর্ষ: the nearest 1 January or, for বাংলা নববর্ষ, 14 April. */
static int
m_newyear(const struct scan *sc, int i, struct match *mt)
{
	int j = i, which = 0, y, by = NO_YEAR, bk = 0;
	long z, d, bestd = 0;

	if (is_word(sc, j, C_BANGLA))
		which = 2, j++;
	else if (is_word(sc, j, C_ENGLISH))
		which = 1, j++;
	if (!is_word(sc, j, C_NEWYEAR))
		return 0;
	if (!ref_set(sc)) {
		snprintf(mt->value, sizeof(mt->value), "XXXX-%s",
		    which == 2 ? "04-14" : "01-01");
		mt->kind = "date";
		return j + 1;
	}
	z = ref_days(sc->ref);
	for (y = sc->ref->year - 1; y <= sc->ref->year + 1; y++)
		for (int k = 1; k <= 2; k++) {
			if (which && which != k)
				continue;
			d = days_of(y, k == 1 ? 1 : 4, k == 1 ? 1 : 14) - z;
			if (by == NO_YEAR || (d < 0 ? -d : d) < bestd)
				by = y, bk = k, bestd = d < 0 ? -d : d;
		}
	if (!year_ok(by))
		put_ref(mt, by < 0 ? -1 : 1);
	else
		snprintf(mt->value, sizeof(mt->value), "%04d-%s", by,
		    bk == 1 ? "01-01" : "04-14");
	mt->kind = "date";
	return j + 1;
}

/* প্রতি শুক্রবার, প্রতিদিন, every week. */
static int
m_set(const struct scan *sc, int i, struct match *mt)
{
	const struct tok *t = T(sc, i);

	mt->kind = "set";
	if (is_word(sc, i, C_SET)) {
		snprintf(mt->value, sizeof(mt->value), "P1%c",
		    unit_ch(t->val));
		return i + 1;
	}
	if (!is_word(sc, i, C_EVERY))
		return 0;
	if (is_word(sc, i + 1, C_WDAY) && !(T(sc, i + 1)->flags & F_WEAK)) {
		snprintf(mt->value, sizeof(mt->value), "XXXX-WXX-%d",
		    T(sc, i + 1)->val);
		return i + 2;
	}
	if (is_word(sc, i + 1, C_UNIT) && T(sc, i + 1)->val <= U_YEAR) {
		snprintf(mt->value, sizeof(mt->value), "P1%c",
		    unit_ch(T(sc, i + 1)->val));
		return i + 2;
	}
	return 0;
}

/* A time alone: XXXX-XX-XXT21:00. */
static int
m_time(const struct scan *sc, int i, struct match *mt)
{
	struct dt w;
	int j;

	if ((j = p_time(sc, i, &w)) == 0)
		return 0;
	/* a bare "১০:৩০" is often a score or a ratio; want a marker */
	if (!is_word(sc, i, C_POD) && !is_word(sc, i, C_HALF) &&
	    !is_word(sc, j - 1, C_AMPM) && !is_punct(sc, j - 1, '.'))
		return 0;
	if (ref_set(sc)) {
		/* the day the text speaks of (ভোর ৫টায় ... সকাল ৮টায়) */
		civil(day_for(sc, i, j, w.h * 60 + w.mi), &w.y, &w.m, &w.d);
		if (year_ok(w.y)) {
			w.s = -1;
			w.tz[0] = '\0';
			put_dt(mt, &w);
			return j;
		}
	}
	snprintf(mt->value, sizeof(mt->value), "XXXX-XX-XXT%02d:%02d", w.h,
	    w.mi);
	mt->kind = "time";
	return j;
}

/* A part of the day alone (ভোরে, বিকেলে): on the day the text speaks
 * of; only with a reference. */
static int
m_pod(const struct scan *sc, int i, struct match *mt)
{
	const struct tok *t = T(sc, i);
	struct dt w = { .h = -1, .mi = -1, .s = -1 };

	/* in the locative only: রাতের (of a night), সকাল (a morning) name
	 * no time; প্রতিদিন সকালে is every morning */
	if (!is_word(sc, i, C_POD) || (t->flags & (F_WEAK | F_EN)) ||
	    !(t->cue & CUE_LOC) || !ref_set(sc) ||
	    is_word(sc, i + 1, C_HALF) || T(sc, i + 1)->type == T_NUM ||
	    (i > 0 && (is_word(sc, i - 1, C_SET) ||
	    is_word(sc, i - 1, C_EVERY))))
		return 0;
	w.pod = t->val;
	civil(day_for(sc, i, i + 1, pod_mins(t->val)), &w.y, &w.m, &w.d);
	if (!year_ok(w.y))
		return 0;
	put_dt(mt, &w);
	return i + 1;
}

/* ১১ তারিখ: the 11th of the reference's month, the last one, or in a
 * clause of the future the next one. */
static int
m_datemark(const struct scan *sc, int i, struct match *mt)
{
	struct dt w = { .h = -1, .mi = -1, .s = -1, .pod = -1 };
	int d, j, fut;

	if ((j = p_day(sc, i, &d)) == 0 || T(sc, i)->type != T_NUM ||
	    !is_word(sc, j, C_DATEMARK) || !ref_set(sc))
		return 0;
	fut = future(sc, i, j + 1);
	w.y = sc->ref->year, w.m = sc->ref->month, w.d = d;
	if (!fut && d > sc->ref->day && --w.m == 0)
		w.m = 12, w.y--;
	else if (fut && d < sc->ref->day && ++w.m == 13)
		w.m = 1, w.y++;
	if (!year_ok(w.y) || !valid_day(w.y, w.m, w.d))
		return 0;
	put_dt(mt, &w);
	return j + 1;
}

/* সপ্তাহান্তে alone: the reference's weekend when it is one or the
 * clause speaks of the future, else the last one. */
static int
m_weekend(const struct scan *sc, int i, struct match *mt)
{
	/* English says which one (this weekend); "for the weekend" is any */
	if (!is_word(sc, i, C_WEEKEND) || (T(sc, i)->flags & F_EN) ||
	    !ref_set(sc))
		return 0;
	put_weekend(sc, mt, wday_of(ref_days(sc->ref)) >= 6 ||
	    future(sc, i, i + 1) ? 0 : -1);
	return i + 1;
}

/* A year without its mark where a date is plain: ২০১৫ থেকে, from
 * 2015, in 2015. */
static int
m_year(const struct scan *sc, int i, struct match *mt)
{
	const struct tok *t = T(sc, i);

	if (t->type != T_NUM || t->ndig != 4 || t->nsuf != S_NONE ||
	    t->val < 1800 || t->val > 2100 || is_punct(sc, i + 1, '-') ||
	    is_punct(sc, i + 1, '/'))
		return 0;
	if (!(is_word(sc, i + 1, C_TO) && !t->ascii) && !(i > 0 &&
	    (is_word(sc, i - 1, C_FROM) || is_word(sc, i - 1, C_IN))))
		return 0;
	snprintf(mt->value, sizeof(mt->value), "%04d", t->val);
	mt->kind = "date";
	return i + 1;
}

/* After a year (গত বছরের, ২০২৩ সালের): শেষ প্রান্তিকে, its quarter. */
static int
quarter(const struct scan *sc, int j, struct match *mt)
{
	if (strlen(mt->value) != 4 || !is_word(sc, j, C_QORD) ||
	    !is_word(sc, j + 1, C_QUARTER))
		return j;
	snprintf(mt->value + 4, sizeof(mt->value) - 4, "-Q%d",
	    T(sc, j)->val);
	return j + 2;
}

/* Whether v is a month, a year or a week (2024-09, 2024, 2024-W34),
 * which has a start, a middle and an end. */
static int
coarse(const char *v)
{
	size_t n = strlen(v);

	return isdigit((unsigned char)v[0]) && (n == 4 || (n == 7 &&
	    v[4] == '-' && isdigit((unsigned char)v[5])) || (n == 8 &&
	    v[5] == 'W'));
}

static const char *const part_mod[] = { "START", "MID", "END" };

/* Keep the day of a value that has one (2024-08-16, 2024-08-16T05:00)
 * for the times after it. */
static void
note_day(struct scan *sc, const char *v)
{
	int y, m, d;

	if (strlen(v) >= 10 && sscanf(v, "%4d-%2d-%2d", &y, &m, &d) == 3 &&
	    v[4] == '-' && v[7] == '-' && valid_day(y, m, d))
		sc->last = days_of(y, m, d);
}

/* The longest expression starting at token i; its end, or 0. */
static int
match_at(const struct scan *sc, int i, struct match *best)
{
	struct match mt;
	int (*const fns[])(const struct scan *, int, struct match *) = {
		m_rel, m_dayrel, m_newyear, m_set, m_count, m_time, m_pod,
		m_datemark, m_weekend, m_year,
	};
	int j, bestj = 0;
	const struct tok *t = T(sc, i);

	if (t->type == T_OTHER || t->type == T_PUNCT)
		return 0;
	if (t->type == T_WORD && t->cat == C_PART) {
		/* early next month, mid-March, late 2024 */
		j = is_punct(sc, i + 1, '-') ? i + 2 : i + 1;
		if ((t->flags & F_EN) && T(sc, j)->type == T_NUM &&
		    T(sc, j)->ndig == 4 && T(sc, j)->nsuf == S_NONE &&
		    T(sc, j)->val >= 1800 && T(sc, j)->val <= 2100 &&
		    !is_punct(sc, j + 1, '-') && !is_punct(sc, j + 1, '/')) {
			/* late 2025 */
			snprintf(best->value, sizeof(best->value), "%04d",
			    T(sc, j)->val);
			best->kind = "date";
			best->mod = part_mod[t->val];
			return j + 1;
		}
		if (!(t->flags & F_EN) || T(sc, j)->cat == C_PART ||
		    (j = match_at(sc, j, best)) == 0 || best->mod != NULL ||
		    !coarse(best->value))
			return 0;
		best->mod = part_mod[t->val];
		return j;
	}
	if (t->type == T_WORD && t->cat == C_REF) {
		put_ref(best, t->val - 1);
		best->mod = NULL;
		return i + 1;
	}
	memset(&mt, 0, sizeof(mt));
	if ((j = m_wday(sc, i, &mt, 0)) > bestj)
		bestj = j, *best = mt;
	memset(&mt, 0, sizeof(mt));
	if ((j = m_date(sc, i, &mt, 0)) > bestj)
		bestj = j, *best = mt;
	for (size_t k = 0; k < sizeof(fns) / sizeof(fns[0]); k++) {
		memset(&mt, 0, sizeof(mt));
		if ((j = fns[k](sc, i, &mt)) > bestj)
			bestj = j, *best = mt;
	}
	if (bestj == 0)
		return 0;
	bestj = quarter(sc, bestj, best);
	/* মাসের শেষে, বছরের শুরুতে */
	if (is_word(sc, bestj, C_PART) && !(T(sc, bestj)->flags & F_EN) &&
	    best->mod == NULL && coarse(best->value))
		best->mod = part_mod[T(sc, bestj++)->val];
	return bestj;
}

/* A range whose ends are clock times, months or years, or days no
 * matcher joined: the match mt at [i, j), then থেকে, to or a dash, then
 * a second match.  The second end is read after the first: a time on
 * the first's day (the next day when it is earlier: রাত ১১টা থেকে ভোর
 * ৪টা), a month in the first year after the first month (গত ডিসেম্বর
 * থেকে ফেব্রুয়ারি).  Returns the range's end, or j. */
static int
join(const struct scan *sc, int j, struct match *mt)
{
	struct match m2;
	int k, y, mo, d, h, mi, y2, m2o, d2, h2, mi2, n;
	long z;
	char a[20], b[40];

	if (!(is_word(sc, j, C_TO) || (is_punct(sc, j, '-') &&
	    T(sc, j + 1)->space == T(sc, j)->space)) || mt->mod != NULL)
		return j;
	memset(&m2, 0, sizeof(m2));
	if ((k = match_at(sc, j + 1, &m2)) <= j + 1 || m2.value[0] == '\0' ||
	    m2.mod != NULL || strchr(mt->value, '/') != NULL ||
	    strchr(m2.value, '/') != NULL)
		return j;
	if ((n = (int)strlen(mt->value)) > 16)
		return j;
	memcpy(a, mt->value, (size_t)n + 1);
	if (n == 16 && sscanf(a, "%4d-%2d-%2dT%2d:%2d", &y, &mo, &d, &h,
	    &mi) == 5 && strlen(m2.value) == 16 &&
	    sscanf(m2.value + 11, "%2d:%2d", &h2, &mi2) == 2 &&
	    m2.value[10] == 'T') {
		z = days_of(y, mo, d) + (h2 * 60 + mi2 <= h * 60 + mi);
		civil(z, &y2, &m2o, &d2);
		if (!year_ok(y2))
			return j;
		snprintf(b, sizeof(b), "%04d-%02d-%02dT%02d:%02d", y2, m2o,
		    d2, h2, mi2);
	} else if (n == 7 && sscanf(a, "%4d-%2d", &y, &mo) == 2 &&
	    strlen(m2.value) == 7 && sscanf(m2.value, "%4d-%2d", &y2,
	    &m2o) == 2) {
		y2 = m2o > mo ? y : y + 1;
		if (!year_ok(y2))
			return j;
		snprintf(b, sizeof(b), "%04d-%02d", y2, m2o);
	} else if ((n == 4 || n == 10) && strlen(m2.value) == (size_t)n &&
	    strcmp(m2.value, a) > 0 && isdigit((unsigned char)a[0]) &&
	    isdigit((unsigned char)m2.value[0])) {
		memcpy(b, m2.value, (size_t)n + 1);
	} else {
		return j;
	}
	snprintf(mt->value, sizeof(mt->value), "%s/%s", a, b);
	return k;
}

void
dates_find(const char *text, size_t len, const struct date_ref *ref,
    date_fn *fn, void *arg)
{
	struct scan *sc, local;
	struct match mt;
	struct date_mention dm;
	int i, j, limit;

	sc = &local;
	sc->s = (const unsigned char *)text;
	sc->len = text ? len : 0;
	sc->pos = sc->cp = 0;
	sc->n = 0;
	sc->ref = ref;
	sc->last = NO_DAY;
	sc->fn = fn, sc->arg = arg;
	for (;;) {
		fill(sc);
		if (sc->n == 0)
			break;
		limit = sc->pos < sc->len ? sc->n - LOOK : sc->n;
		for (i = 0; i < limit;) {
			memset(&mt, 0, sizeof(mt));
			j = match_at(sc, i, &mt);
			if (j <= i || mt.value[0] == '\0') {
				i++;
				continue;
			}
			j = join(sc, j, &mt);
			if (j > sc->n)
				j = sc->n;
			dm.start = sc->t[i].cb;
			dm.end = sc->t[j - 1].ce;
			memcpy(dm.value, mt.value, sizeof(dm.value) - 1);
			dm.value[sizeof(dm.value) - 1] = '\0';
			dm.kind = mt.kind;
			dm.mod = mt.mod;
			fn(&dm, arg);
			note_day(sc, dm.value);
			i = j;
		}
		memmove(sc->t, sc->t + i, (sc->n - i) * sizeof(sc->t[0]));
		sc->n -= i;
		if (sc->pos >= sc->len && sc->n == 0)
			break;
	}
}
