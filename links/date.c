/*
 * date.c: the dates feeds and sitemaps give, in the form records.md
 * gives published.
 *
 * Two shapes are read.  ISO 8601 as W3C datetime and RFC 3339 have it
 * (2024-08-17, 2024-08-17T11:46:00+06:00, a space for the T, an offset
 * without its colon, a fraction of a second, / for -).  And the date of
 * RFC 822 and what feeds make of it, read as words and numbers: a month
 * by name (English or Bengali, any case, short or long), a day, a year
 * of four digits or two, a time h:mm[:ss] with am/pm or not, a zone as
 * an offset or by name; a weekday, commas and dashes are passed over,
 * so "Sat, 17 Aug 2024 11:46:00 +0600", "August 17, 2024 11:46 am" and
 * "শনিবার, ১৭ আগস্ট ২০২৪ ১১:৪৬" all read.  A year and month alone
 * (2024-08) is not a date records can hold: no value.
 */
#include <string.h>
#include <strings.h>

#include "links.h"

#define DATE_MAX 160	/* a longer string is not a date */

/* A zone's name and offset in minutes; BST is Britain's unless the
 * source is Bangladeshi (bd), where it is Bangladesh Standard Time. */
static const struct zone {
	const char *name;
	int off;
} zones[] = {
	{ "UT", 0 }, { "UTC", 0 }, { "GMT", 0 }, { "Z", 0 },
	{ "EST", -300 }, { "EDT", -240 }, { "CST", -360 }, { "CDT", -300 },
	{ "MST", -420 }, { "MDT", -360 }, { "PST", -480 }, { "PDT", -420 },
	{ "IST", 330 }, { "BDT", 360 }, { "NPT", 345 }, { "PKT", 300 },
	{ "CET", 60 }, { "CEST", 120 }, { "EET", 120 }, { "EEST", 180 },
	{ "WET", 0 }, { "WEST", 60 }, { "MSK", 180 }, { "GST", 240 },
	{ "SGT", 480 }, { "HKT", 480 }, { "JST", 540 }, { "KST", 540 },
	{ "AEST", 600 }, { "AEDT", 660 }, { "WIB", 420 }, { "SAST", 120 },
	{ "EAT", 180 }, { "WAT", 60 },
};

static const char *const months_en[12] = { "jan", "feb", "mar", "apr",
	"may", "jun", "jul", "aug", "sep", "oct", "nov", "dec" };

/* Bengali month names by their first letters, which no spelling of
 * them differs in (জানুয়ারি/জানুয়ারী, আগস্ট/আগষ্ট/অগাস্ট). */
static const struct { const char *stem; int m; } months_bn[] = {
	{ "জানু", 1 }, { "ফেব", 2 }, { "মার্চ", 3 }, { "এপ্রি", 4 },
	{ "মে", 5 }, { "জুন", 6 }, { "জুলা", 7 }, { "আগ", 8 }, { "অগা", 8 },
	{ "সেপ্ট", 9 }, { "সেপ্টে", 9 }, { "অক্টো", 10 }, { "নভে", 11 },
	{ "ডিসে", 12 },
};

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(int y, int m)
{
	static const int d[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	return m == 2 && leap(y) ? 29 : d[m - 1];
}

/* Days from 1970-01-01 to y-m-d (proleptic Gregorian). */
static long
days(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* s with Bengali digits made ASCII, blanks collapsed, into out. */
static size_t
ascii_digits(const char *s, size_t len, char *out, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = 0;

	for (size_t i = 0; i < len && n + 1 < max; i++) {
		if (p[i] == 0xe0 && i + 2 < len && p[i + 1] == 0xa7 &&
		    p[i + 2] >= 0xa6 && p[i + 2] <= 0xaf) {
			out[n++] = '0' + (p[i + 2] - 0xa6);
			i += 2;
		} else if (p[i] <= ' ') {
			if (n > 0 && out[n - 1] != ' ')
				out[n++] = ' ';
		} else {
			out[n++] = p[i];
		}
	}
	while (n > 0 && out[n - 1] == ' ')
		n--;
	out[n] = '\0';
	return n;
}

static int
num(const char **p, int min, int max, int *v)
{
	int n = 0;

	*v = 0;
	while (**p >= '0' && **p <= '9' && n < max) {
		*v = *v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	if (n < min || (**p >= '0' && **p <= '9'))
		return -1;
	return n;
}

struct dt {
	int y, mo, d, h, mi, s;	/* h < 0: no time; s < 0: no seconds */
	int off;		/* minutes */
	int zone;		/* 0 none, 1 Z, 2 an offset */
};

/* +hh:mm, +hhmm, +hh (p at the sign); -1 when it is not one. */
static int
offset(const char **p, struct dt *t)
{
	const char *q = *p;
	int sign = *q == '-' ? -1 : 1, h, m = 0, n;

	q++;
	if ((n = num(&q, 2, 4, &h)) < 0)
		return -1;
	if (n == 4) {
		m = h % 100;
		h /= 100;
	} else if (n != 2) {
		return -1;
	} else if (*q == ':') {
		q++;
		if (num(&q, 2, 2, &m) < 0)
			return -1;
	}
	if (h > 23 || m > 59)
		return -1;
	t->off = sign * (h * 60 + m);
	t->zone = 2;
	*p = q;
	return 0;
}

/* hh:mm[:ss[.fff]]; t is left alone when it is not one. */
static int
hhmm(const char **p, struct dt *t)
{
	const char *q = *p;
	int h, mi, sec = -1;

	if (num(&q, 1, 2, &h) < 0 || *q++ != ':' || num(&q, 2, 2, &mi) < 0)
		return -1;
	if (*q == ':') {
		q++;
		if (num(&q, 2, 2, &sec) < 0)
			return -1;
		if (*q == '.' || *q == ',')
			for (q++; *q >= '0' && *q <= '9'; q++)
				;
	}
	t->h = h;
	t->mi = mi;
	t->s = sec;
	*p = q;
	return 0;
}

static int
zone_name(const char *w, size_t n, int bd, struct dt *t)
{
	if (n == 3 && strncasecmp(w, "BST", 3) == 0) {
		t->off = bd ? 360 : 60;
		t->zone = 2;
		return 0;
	}
	for (size_t i = 0; i < sizeof(zones) / sizeof(zones[0]); i++)
		if (strlen(zones[i].name) == n &&
		    strncasecmp(zones[i].name, w, n) == 0) {
			t->off = zones[i].off;
			t->zone = zones[i].off == 0 && n <= 3 &&
			    strncasecmp(w, "WET", 3) != 0 ? 1 : 2;
			return 0;
		}
	return -1;
}

/* 2024-08-17[Thh:mm[:ss][zone]] */
static int
iso(const char *p, struct dt *t)
{
	char sep;

	if (num(&p, 4, 4, &t->y) < 0 || (*p != '-' && *p != '/'))
		return -1;
	sep = *p++;
	if (num(&p, 1, 2, &t->mo) < 0 || *p++ != sep ||
	    num(&p, 1, 2, &t->d) < 0)
		return -1;
	if (*p == '\0')
		return 0;
	if (*p != 'T' && *p != 't' && *p != ' ')
		return -1;
	p++;
	if (hhmm(&p, t) < 0)
		return -1;
	if (*p == ' ')
		p++;
	if (*p == 'Z' || *p == 'z') {
		t->zone = 1;
		p++;
	} else if (*p == '+' || *p == '-') {
		if (offset(&p, t) < 0)
			return -1;
	} else if (*p != '\0') {
		size_t n = strspn(p, "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
		    "abcdefghijklmnopqrstuvwxyz");

		if (n == 0 || zone_name(p, n, 0, t) < 0)
			return -1;
		p += n;
	}
	return *p == '\0' ? 0 : -1;
}

static int
month_word(const char *w, size_t n)
{
	if ((unsigned char)w[0] >= 0x80) {
		for (size_t i = 0; i < sizeof(months_bn) / sizeof(months_bn[0]);
		    i++) {
			size_t k = strlen(months_bn[i].stem);

			if (n >= k && memcmp(w, months_bn[i].stem, k) == 0)
				return months_bn[i].m;
		}
		return 0;
	}
	if (n < 3)
		return 0;
	for (int i = 0; i < 12; i++)
		if (strncasecmp(w, months_en[i], 3) == 0)
			return i + 1;
	return 0;
}

/* Words and numbers: "Sat, 17 Aug 2024 11:46:00 +0600" and the like. */
static int
words(const char *p, int bd, struct dt *t)
{
	int nums[3], nn = 0, pm = -1, v, len;
	size_t n;

	while (*p != '\0') {
		if (*p == ' ' || *p == ',' || *p == '.' || *p == '(' ||
		    *p == ')' || *p == '|') {
			p++;
		} else if (*p >= '0' && *p <= '9') {
			const char *q = p;

			if (t->h < 0 && hhmm(&q, t) == 0) {
				p = q;
				continue;
			}
			if ((len = num(&p, 1, 4, &v)) < 0 || nn == 3)
				return -1;
			nums[nn++] = len == 4 ? v + 10000 : v;
		} else if ((*p == '+' || *p == '-') && t->h >= 0 &&
		    p[1] >= '0' && p[1] <= '9') {
			if (offset(&p, t) < 0)
				return -1;
		} else if (*p == '-' || *p == '/') {
			p++;
		} else {
			const char *w = p;
			int m;

			while (*p != '\0' && strchr(" ,.()|+-/", *p) == NULL &&
			    !(*p >= '0' && *p <= '9'))
				p++;
			n = p - w;
			if (n == 0)
				return -1;
			if ((m = month_word(w, n)) != 0 && t->mo == 0)
				t->mo = m;
			else if (n == 2 && strncasecmp(w, "am", 2) == 0)
				pm = 0;
			else if (n == 2 && strncasecmp(w, "pm", 2) == 0)
				pm = 1;
			else if (t->h >= 0)
				zone_name(w, n, bd, t);
		}
	}
	if (t->mo == 0 || nn != 2)
		return -1;
	/* a day and a year, in either order; a year of 4 digits, or of 2
	 * after the day */
	if (nums[0] >= 10000 && nums[1] < 10000) {
		t->y = nums[0] - 10000;
		t->d = nums[1];
	} else if (nums[1] >= 10000 && nums[0] < 10000) {
		t->y = nums[1] - 10000;
		t->d = nums[0];
	} else if (nums[0] < 100 && nums[1] < 100) {
		t->d = nums[0];
		t->y = nums[1] + (nums[1] < 70 ? 2000 : 1900);
	} else {
		return -1;
	}
	if (pm >= 0 && t->h >= 0) {
		if (t->h < 1 || t->h > 12)
			return -1;
		t->h = t->h % 12 + (pm ? 12 : 0);
	}
	return 0;
}

size_t
date_parse(const char *s, size_t len, int bd, char *out, time_t *when)
{
	char buf[DATE_MAX];
	struct dt t = { .h = -1, .s = -1 };
	long secs;
	int n;

	if (len == 0 || len >= DATE_MAX)
		return 0;
	ascii_digits(s, len, buf, sizeof buf);
	if (iso(buf, &t) < 0) {
		memset(&t, 0, sizeof t);
		t.h = t.s = -1;
		if (words(buf, bd, &t) < 0)
			return 0;
	}
	/* years a news item can have: no 0001-01-01 of a zero time */
	if (t.y < 1900 || t.y > 2100 || t.mo < 1 || t.mo > 12 || t.d < 1 ||
	    t.d > mdays(t.y, t.mo))
		return 0;
	if (t.h >= 0 && (t.h > 23 || t.mi > 59 || t.s > 59)) {
		if (!(t.h == 24 && t.mi == 0 && t.s <= 0))
			return 0;
	}
	secs = days(t.y, t.mo, t.d) * 86400L;
	if (t.h < 0) {
		n = snprintf(out, 32, "%04d-%02d-%02d", t.y, t.mo, t.d);
		/* the day's end, wherever on Earth */
		*when = secs + 86400 + 14 * 3600;
		return n;
	}
	secs += t.h * 3600L + t.mi * 60L + (t.s > 0 ? t.s : 0);
	n = snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d", t.y, t.mo, t.d,
	    t.h, t.mi);
	if (t.s >= 0)
		n += snprintf(out + n, 32 - n, ":%02d", t.s);
	if (t.zone == 1) {
		n += snprintf(out + n, 32 - n, "Z");
	} else if (t.zone == 2) {
		int a = t.off < 0 ? -t.off : t.off;

		n += snprintf(out + n, 32 - n, "%c%02d:%02d",
		    t.off < 0 ? '-' : '+', a / 60, a % 60);
		secs -= t.off * 60L;
	} else {
		secs += 14 * 3600;	/* local time: its latest reading */
	}
	*when = (time_t)secs;
	return n;
}
