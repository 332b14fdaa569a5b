/*
 * dateline.c: the publication time a page prints, Bengali or English.
 *
 * The string is cut into tokens (numbers in any script's digits, words,
 * single punctuation marks), then read left to right: a label sets the
 * kind, a date (day month year, month day year, d/m/y, y-m-d) is taken
 * with the clock time next to it (before or after), AM/PM and Bengali
 * parts of the day applied.  Only complete, real dates count.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <unicode/uchar.h>

#include "khobor.h"
#include "dateline.h"

#define NTOK	64	/* tokens looked at in one window */
#define KEEP	16	/* tokens carried into the next window */

enum tok_type { T_NUM, T_WORD, T_PUNCT };

/* What a word means here. */
enum word_kind {
	W_OTHER, W_MONTH, W_AM, W_PM, W_PUBLISHED, W_MODIFIED,
	W_MORNING, W_NOON, W_EVENING, W_NIGHT, W_FILLER, W_UTC
};

struct tok {
	enum tok_type type;
	size_t start, end;	/* bytes in s */
	long val;		/* T_NUM: the value; T_WORD W_MONTH: 1..12 */
	int ndig;		/* T_NUM: digits */
	enum word_kind kind;	/* T_WORD */
	uint32_t ch;		/* T_PUNCT: the character */
};

static int
digit(uint32_t c)
{
	if (c < 0x80)
		return c >= '0' && c <= '9' ? (int)(c - '0') : -1;
	return u_charDigitValue((UChar32)c);
}

static int
wordch(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
	if (c == 0x200c || c == 0x200d)
		return 1;
	return u_isalpha((UChar32)c) || (U_GET_GC_MASK((UChar32)c) &
	    U_GC_M_MASK) != 0;
}

/* --- words ------------------------------------------------------------------ */

struct name {
	const char *s;
	int v;
};

/* Month names; Bengali in the spellings pages use, with য় both ways. */
static const struct name months[] = {
	{ "জানুয়ারি", 1 }, { "জানুয়ারী", 1 }, { "জানুয়ারি", 1 },
	{ "জানুয়ারী", 1 }, { "জানুআরি", 1 },
	{ "ফেব্রুয়ারি", 2 }, { "ফেব্রুয়ারী", 2 }, { "ফেব্রুয়ারি", 2 },
	{ "ফেব্রুয়ারী", 2 }, { "ফেব্রুআরি", 2 },
	{ "মার্চ", 3 }, { "এপ্রিল", 4 }, { "মে", 5 }, { "জুন", 6 },
	{ "জুলাই", 7 }, { "আগস্ট", 8 }, { "অগাস্ট", 8 }, { "আগষ্ট", 8 },
	{ "অগস্ট", 8 }, { "সেপ্টেম্বর", 9 }, { "সেপ্টেম্বর", 9 },
	{ "অক্টোবর", 10 }, { "অক্টোবর", 10 }, { "নভেম্বর", 11 },
	{ "ডিসেম্বর", 12 },
	{ "january", 1 }, { "jan", 1 }, { "february", 2 }, { "feb", 2 },
	{ "march", 3 }, { "mar", 3 }, { "april", 4 }, { "apr", 4 },
	{ "may", 5 }, { "june", 6 }, { "jun", 6 }, { "july", 7 },
	{ "jul", 7 }, { "august", 8 }, { "aug", 8 }, { "september", 9 },
	{ "sept", 9 }, { "sep", 9 }, { "october", 10 }, { "oct", 10 },
	{ "november", 11 }, { "nov", 11 }, { "december", 12 }, { "dec", 12 },
	{ NULL, 0 }
};

/* Labels and the words around a time; prefixes where marked. */
static const struct name words[] = {
	{ "am", W_AM }, { "pm", W_PM }, { "এএম", W_AM }, { "পিএম", W_PM },
	{ "পূর্বাহ্ণ", W_AM }, { "পূর্বাহ্ন", W_AM }, { "অপরাহ্ণ", W_PM },
	{ "অপরাহ্ন", W_PM },
	{ "সকাল", W_MORNING }, { "ভোর", W_MORNING }, { "দুপুর", W_NOON },
	{ "বিকাল", W_EVENING }, { "বিকেল", W_EVENING },
	{ "সন্ধ্যা", W_EVENING }, { "রাত", W_NIGHT },
	{ "published", W_PUBLISHED }, { "posted", W_PUBLISHED },
	{ "updated", W_MODIFIED }, { "modified", W_MODIFIED },
	{ "edited", W_MODIFIED },
	{ "হালনাগাদ", W_MODIFIED }, { "সংশোধিত", W_MODIFIED },
	{ "at", W_FILLER }, { "on", W_FILLER }, { "সময়", W_FILLER },
	{ "সময়", W_FILLER }, { "বেলা", W_FILLER }, { "time", W_FILLER },
	{ "gmt", W_UTC }, { "utc", W_UTC },
	{ NULL, 0 }
};

/* Label stems: "প্রকাশ", "প্রকাশিত", "প্রকাশের"; "আপডেট", "আপডেটঃ". */
static const struct name stems[] = {
	{ "প্রকাশ", W_PUBLISHED }, { "আপডেট", W_MODIFIED },
	{ "হালনাগাদ", W_MODIFIED }, { NULL, 0 }
};

/* s[0..n) equal to the name, ASCII in any case. */
static int
same(const char *s, size_t n, const char *name, int prefix)
{
	size_t m = strlen(name);

	if (prefix ? n < m : n != m)
		return 0;
	for (size_t i = 0; i < m; i++) {
		unsigned char a = s[i];

		if (a >= 'A' && a <= 'Z')
			a += 'a' - 'A';
		if (a != (unsigned char)name[i])
			return 0;
	}
	return 1;
}

static void
word_kind(struct tok *t, const char *s)
{
	const char *w = s + t->start;
	size_t n = t->end - t->start;
	const struct name *p;

	t->kind = W_OTHER;
	for (p = months; p->s != NULL; p++)
		if (same(w, n, p->s, 0)) {
			t->kind = W_MONTH;
			t->val = p->v;
			return;
		}
	for (p = words; p->s != NULL; p++)
		if (same(w, n, p->s, 0)) {
			t->kind = p->v;
			return;
		}
	for (p = stems; p->s != NULL; p++)
		if (same(w, n, p->s, 1)) {
			t->kind = p->v;
			return;
		}
}

/* --- tokens ------------------------------------------------------------------ */

struct lexer {
	const char *s;
	size_t len, i;
};

/* The next token, or 0 at the end. */
static int
next_tok(struct lexer *lx, struct tok *t)
{
	const unsigned char *p = (const unsigned char *)lx->s;
	size_t k;
	uint32_t c;
	int d;

	for (;;) {
		if (lx->i >= lx->len)
			return 0;
		c = kh_utf8_next(p + lx->i, lx->len - lx->i, &k);
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == 0xa0 || (c >= 0x2000 && c <= 0x200b) || c == 0x202f ||
		    c == 0xfeff || c == 0x3000)
			lx->i += k;
		else
			break;
	}
	t->start = lx->i;
	if ((d = digit(c)) >= 0) {
		t->type = T_NUM;
		t->val = 0;
		t->ndig = 0;
		while (lx->i < lx->len &&
		    (d = digit(kh_utf8_next(p + lx->i, lx->len - lx->i, &k))) >= 0) {
			if (t->ndig < 9)
				t->val = t->val * 10 + d;
			t->ndig++;
			lx->i += k;
		}
	} else if (wordch(c)) {
		t->type = T_WORD;
		while (lx->i < lx->len &&
		    wordch(kh_utf8_next(p + lx->i, lx->len - lx->i, &k)))
			lx->i += k;
	} else {
		t->type = T_PUNCT;
		t->ch = c;
		lx->i += k;
	}
	t->end = lx->i;
	if (t->type == T_WORD)
		word_kind(t, lx->s);
	return 1;
}

/* --- dates ---------------------------------------------------------------------- */

struct found {
	int y, m, d;
	int h, mi, sec;		/* h < 0: no time */
	int off;		/* minutes east of UTC */
	int has_off;
	size_t end;		/* tokens used, from the start */
};

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
real_date(int y, int m, int d)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};

	if (y < 1900 || y > 2199 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap(y));
}

static int
is_p(const struct tok *t, const char *chars)
{
	if (t->type != T_PUNCT || t->ch >= 0x80)
		return 0;
	return strchr(chars, (int)t->ch) != NULL;
}

/* A day number: "27", "২৭", "27th", "২৭শে" (the suffix is a word). */
static int
day_at(const struct tok *t, size_t n, size_t i, const char *s, size_t *next)
{
	static const char *const suffix[] = {
		"st", "nd", "rd", "th", "শে", "ই", "লা", "রা", "ঠা", NULL
	};

	if (i >= n || t[i].type != T_NUM || t[i].ndig > 2 || t[i].val < 1 ||
	    t[i].val > 31)
		return -1;
	*next = i + 1;
	if (i + 1 < n && t[i + 1].type == T_WORD &&
	    t[i + 1].start == t[i].end)
		for (const char *const *x = suffix; *x != NULL; x++)
			if (same(s + t[i + 1].start, t[i + 1].end -
			    t[i + 1].start, *x, 0)) {
				*next = i + 2;
				break;
			}
	return (int)t[i].val;
}

static int
year_at(const struct tok *t, size_t n, size_t i)
{
	if (i >= n || t[i].type != T_NUM || t[i].ndig != 4)
		return -1;
	return (int)t[i].val;
}

static int
month_at(const struct tok *t, size_t n, size_t i, size_t *next)
{
	if (i >= n || t[i].type != T_WORD || t[i].kind != W_MONTH)
		return -1;
	*next = i + 1;
	/* "Aug." */
	if (i + 1 < n && is_p(&t[i + 1], ".") && t[i + 1].start == t[i].end)
		*next = i + 2;
	return (int)t[i].val;
}

/* Skip one separator between the parts of a date. */
static size_t
sep(const struct tok *t, size_t n, size_t i)
{
	if (i < n && is_p(&t[i], ",.-/"))
		return i + 1;
	return i;
}

/* A date starting at token i; f->end is the token after it. */
static int
date_at(const struct tok *t, size_t n, size_t i, const char *s,
    struct found *f)
{
	size_t j, k;
	int a, b, c;

	/* 27 December 2025, 27 Dec, 2025 */
	if ((a = day_at(t, n, i, s, &j)) > 0 &&
	    (b = month_at(t, n, sep(t, n, j), &k)) > 0 &&
	    (c = year_at(t, n, sep(t, n, k))) > 0) {
		f->d = a, f->m = b, f->y = c;
		f->end = sep(t, n, k) + 1;
		return real_date(c, b, a);
	}
	/* December 27, 2025; Aug 15 2025 */
	if ((b = month_at(t, n, i, &j)) > 0 &&
	    (a = day_at(t, n, j, s, &k)) > 0 &&
	    (c = year_at(t, n, sep(t, n, k))) > 0) {
		f->d = a, f->m = b, f->y = c;
		f->end = sep(t, n, k) + 1;
		return real_date(c, b, a);
	}
	/* 27/12/2025, 27-12-2025, 27.12.2025, 2025-08-15, 2025/08/15:
	 * numbers and one kind of mark, with no space between */
	if (i + 4 < n && t[i].type == T_NUM && t[i + 2].type == T_NUM &&
	    t[i + 4].type == T_NUM && is_p(&t[i + 1], "/-.") &&
	    t[i + 3].type == T_PUNCT && t[i + 3].ch == t[i + 1].ch &&
	    t[i].end == t[i + 1].start && t[i + 1].end == t[i + 2].start &&
	    t[i + 2].end == t[i + 3].start && t[i + 3].end == t[i + 4].start &&
	    t[i + 2].ndig <= 2) {
		f->end = i + 5;
		if (t[i].ndig == 4 && t[i + 4].ndig <= 2) {
			f->y = t[i].val, f->m = t[i + 2].val;
			f->d = t[i + 4].val;
			return real_date(f->y, f->m, f->d);
		}
		if (t[i].ndig <= 2 && t[i + 4].ndig == 4) {
			/* day first, as Bangladesh and India write; month
			 * first only when that is the one reading */
			f->y = t[i + 4].val, f->d = t[i].val;
			f->m = t[i + 2].val;
			if (real_date(f->y, f->m, f->d))
				return 1;
			f->d = t[i + 2].val, f->m = t[i].val;
			return real_date(f->y, f->m, f->d);
		}
	}
	return 0;
}

/* A clock time at i: "11:45", "১১:৪৬", "9.02"? no: only ':'; seconds,
 * then AM/PM.  part is a part-of-day word before it, or W_OTHER. */
static int
time_at(const struct tok *t, size_t n, size_t i, struct found *f,
    size_t *next)
{
	enum word_kind part = W_OTHER;
	int h, mi, sec = -1;
	size_t j = i;

	if (j < n && t[j].type == T_WORD && t[j].kind >= W_MORNING &&
	    t[j].kind <= W_NIGHT)
		part = t[j++].kind;
	if (j + 2 >= n || t[j].type != T_NUM || t[j].ndig > 2 ||
	    !is_p(&t[j + 1], ":") || t[j + 2].type != T_NUM ||
	    t[j + 2].ndig != 2)
		return 0;
	h = t[j].val, mi = t[j + 2].val;
	j += 3;
	if (j + 1 < n && is_p(&t[j], ":") && t[j + 1].type == T_NUM &&
	    t[j + 1].ndig == 2)
		sec = t[j + 1].val, j += 2;
	if (mi > 59 || sec > 59 || h > 23)
		return 0;
	/* AM, PM, a.m., p.m. */
	if (j < n && t[j].type == T_WORD &&
	    (t[j].kind == W_AM || t[j].kind == W_PM)) {
		part = t[j].kind;
		j++;
	} else if (j + 3 < n && t[j].type == T_WORD && is_p(&t[j + 1], ".") &&
	    t[j + 2].type == T_WORD && is_p(&t[j + 3], ".") &&
	    t[j + 2].end - t[j + 2].start == 1 &&
	    t[j].end - t[j].start == 1) {
		/* the caller's string is not at hand; a/p by the value set
		 * when the token was read: see lx_ampm() */
		part = t[j].val == 'p' ? W_PM : t[j].val == 'a' ? W_AM :
		    W_OTHER;
		if (part != W_OTHER)
			j += 4;
	}
	switch (part) {
	case W_AM:
	case W_MORNING:
		if (h < 1 || h > 12) {
			if (part == W_AM)
				return 0;
		} else if (h == 12) {
			h = 0;
		}
		break;
	case W_PM:
		if (h < 1 || h > 12)
			return 0;
		if (h < 12)
			h += 12;
		break;
	case W_NOON:
		if (h >= 1 && h < 6)
			h += 12;
		break;
	case W_EVENING:
		if (h >= 1 && h < 12)
			h += 12;
		break;
	case W_NIGHT:
		if (h >= 6 && h < 12)
			h += 12;
		else if (h == 12)
			h = 0;
		break;
	default:
		break;
	}
	f->h = h, f->mi = mi, f->sec = sec;
	*next = j;
	return 1;
}

/* A UTC offset at i: "+06:00", "+0600", "GMT+6", "UTC+05:30", "GMT". */
static int
offset_at(const struct tok *t, size_t n, size_t i, struct found *f)
{
	int utc = 0, sign, h, m = 0;

	if (i < n && t[i].type == T_WORD && t[i].kind == W_UTC)
		utc = 1, i++;
	if (i + 1 < n && is_p(&t[i], "+-") && t[i + 1].type == T_NUM &&
	    t[i].end == t[i + 1].start) {
		sign = t[i].ch == '-' ? -1 : 1;
		if (t[i + 1].ndig == 4) {
			h = t[i + 1].val / 100, m = t[i + 1].val % 100;
		} else if (t[i + 1].ndig <= 2) {
			h = t[i + 1].val;
			if (i + 3 < n && is_p(&t[i + 2], ":") &&
			    t[i + 3].type == T_NUM && t[i + 3].ndig == 2)
				m = t[i + 3].val;
			else if (!utc)
				return 0;
		} else {
			return 0;
		}
		if (h > 14 || m > 59)
			return 0;
		f->off = sign * (h * 60 + m);
		f->has_off = 1;
		return 1;
	}
	if (utc) {
		f->off = 0;
		f->has_off = 1;
		return 1;
	}
	return 0;
}

/* Separators between a date and its time: ", ", " | ", " - ", "at". */
static size_t
skip_glue(const struct tok *t, size_t n, size_t i)
{
	for (int k = 0; k < 3 && i < n; k++) {
		if (is_p(&t[i], ",|-@/") || (t[i].type == T_PUNCT &&
		    (t[i].ch == 0x2013 || t[i].ch == 0x2014 || t[i].ch == 0x2022 ||
		    t[i].ch == 0x7c)) || (t[i].type == T_WORD &&
		    t[i].kind == W_FILLER))
			i++;
		else
			break;
	}
	return i;
}

/* Look in tokens t[0..n) (more to come when !last) for the first date.
 * Returns 1 with *f set, 0 for none, -1 when the window must move on
 * before deciding. */
static int
scan(const struct tok *t, size_t n, int last, const char *s,
    enum dateline_kind *kind, struct found *f)
{
	struct found before = { .h = -1 };
	size_t time_end = SIZE_MAX, j, i;

	for (i = 0; i < n; i++) {
		/* a date needs up to a dozen tokens after its start */
		if (!last && i + 16 > n)
			return -1;
		if (t[i].type == T_WORD && (t[i].kind == W_PUBLISHED ||
		    t[i].kind == W_MODIFIED))
			*kind = t[i].kind == W_PUBLISHED ? DATELINE_PUBLISHED :
			    DATELINE_MODIFIED;
		memset(f, 0, sizeof *f);
		f->h = -1;
		if (date_at(t, n, i, s, f)) {
			j = skip_glue(t, n, f->end);
			if (!time_at(t, n, j, f, &j) && before.h >= 0 &&
			    skip_glue(t, n, time_end) == i) {
				f->h = before.h, f->mi = before.mi;
				f->sec = before.sec;
			}
			if (f->h >= 0)
				offset_at(t, n, j, f);
			return 1;
		}
		if (time_at(t, n, i, &before, &j))
			time_end = j;
	}
	return 0;
}

enum dateline_kind
dateline_parse(const char *s, size_t len, char *out, size_t outsz)
{
	struct tok t[NTOK];
	struct lexer lx = { s, len, 0 };
	enum dateline_kind kind = DATELINE_PUBLISHED;
	struct found f;
	size_t n = 0;
	char buf[40];
	int last = 0, r, w;

	if (s == NULL)
		return DATELINE_NONE;
	for (;;) {
		while (n < NTOK && !last) {
			if (!next_tok(&lx, &t[n])) {
				last = 1;
				break;
			}
			/* remember 'a' or 'p' of "a.m." in the value */
			if (t[n].type == T_WORD && t[n].end - t[n].start == 1)
				t[n].val = s[t[n].start] | 0x20;
			n++;
		}
		r = scan(t, n, last, s, &kind, &f);
		if (r == 1)
			break;
		if (r == 0 && last)
			return DATELINE_NONE;
		/* move on: keep the tail, which may start a date */
		memmove(t, t + (n - KEEP), KEEP * sizeof *t);
		n = KEEP;
		if (r == 0)
			continue;
		if (last)
			return DATELINE_NONE;
	}
	if (f.h < 0)
		w = snprintf(buf, sizeof buf, "%04d-%02d-%02d", f.y, f.m, f.d);
	else if (f.sec < 0)
		w = snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d", f.y,
		    f.m, f.d, f.h, f.mi);
	else
		w = snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d",
		    f.y, f.m, f.d, f.h, f.mi, f.sec);
	if (f.h >= 0 && f.has_off && w > 0 && (size_t)w < sizeof buf)
		w += snprintf(buf + w, sizeof buf - w, "%c%02d:%02d",
		    f.off < 0 ? '-' : '+', (f.off < 0 ? -f.off : f.off) / 60,
		    (f.off < 0 ? -f.off : f.off) % 60);
	if (w < 0 || (size_t)w >= outsz || (size_t)w >= sizeof buf)
		return DATELINE_NONE;
	memcpy(out, buf, w + 1);
	return kind;
}
