/*
 * dates-lex.c: the words of dates, Bengali and English, and their lookup.
 *
 * Words are compared after folding: ASCII to lower case, the one-code-
 * point forms of য় ড় ঢ় to their two-code-point (NFC) forms, and ZWJ/ZWNJ
 * dropped, so that every spelling a keyboard makes finds its entry.  A
 * Bengali entry may carry a case ending (নভেম্বরে, বছরের, সপ্তাহেই) from
 * a short list; the whole word is the mention, as the gold spans are.
 */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "dates-lex.h"

#define N_(s, c, v)		{ s, c, 0, v, 0 }
#define NF(s, c, v, f)		{ s, c, 0, v, f }
#define NU(s, c, u, v, f)	{ s, c, u, v, f }
#define E_(s, c, v)		{ s, c, 0, v, F_EN | F_EXACT }
#define EF(s, c, v, f)		{ s, c, 0, v, F_EN | F_EXACT | (f) }

static const struct lexent words[] = {
	/* months, with the spellings in use */
	N_("জানুয়ারি", C_MONTH, 1), N_("জানুয়ারী", C_MONTH, 1),
	N_("ফেব্রুয়ারি", C_MONTH, 2), N_("ফেব্রুয়ারী", C_MONTH, 2),
	N_("ফেবরুয়ারি", C_MONTH, 2),
	N_("মার্চ", C_MONTH, 3), N_("এপ্রিল", C_MONTH, 4),
	/* মে + য়ে is মেয়ে (girl): May takes no ending */
	NF("মে", C_MONTH, 5, F_EXACT), NF("মেতে", C_MONTH, 5, F_EXACT),
	NF("মের", C_MONTH, 5, F_EXACT),
	N_("জুন", C_MONTH, 6), N_("জুলাই", C_MONTH, 7),
	N_("আগস্ট", C_MONTH, 8), N_("অগাস্ট", C_MONTH, 8),
	N_("আগষ্ট", C_MONTH, 8), N_("অগস্ট", C_MONTH, 8),
	N_("সেপ্টেম্বর", C_MONTH, 9), N_("সেপ্টেম্বার", C_MONTH, 9),
	N_("অক্টোবর", C_MONTH, 10), N_("অক্টোবার", C_MONTH, 10),
	N_("নভেম্বর", C_MONTH, 11), N_("নভেম্বার", C_MONTH, 11),
	N_("ডিসেম্বর", C_MONTH, 12), N_("ডিসেম্বার", C_MONTH, 12),
	E_("january", C_MONTH, 1), E_("february", C_MONTH, 2),
	EF("march", C_MONTH, 3, F_WEAK), E_("april", C_MONTH, 4),
	EF("may", C_MONTH, 5, F_WEAK), E_("june", C_MONTH, 6),
	E_("july", C_MONTH, 7), E_("august", C_MONTH, 8),
	E_("september", C_MONTH, 9), E_("october", C_MONTH, 10),
	E_("november", C_MONTH, 11), E_("december", C_MONTH, 12),
	EF("jan", C_MONTH, 1, F_ABBR | F_WEAK),
	EF("feb", C_MONTH, 2, F_ABBR | F_WEAK),
	EF("mar", C_MONTH, 3, F_ABBR | F_WEAK),
	EF("apr", C_MONTH, 4, F_ABBR | F_WEAK),
	EF("jun", C_MONTH, 6, F_ABBR | F_WEAK),
	EF("jul", C_MONTH, 7, F_ABBR | F_WEAK),
	EF("aug", C_MONTH, 8, F_ABBR | F_WEAK),
	EF("sep", C_MONTH, 9, F_ABBR | F_WEAK),
	EF("sept", C_MONTH, 9, F_ABBR | F_WEAK),
	EF("oct", C_MONTH, 10, F_ABBR | F_WEAK),
	EF("nov", C_MONTH, 11, F_ABBR | F_WEAK),
	EF("dec", C_MONTH, 12, F_ABBR | F_WEAK),

	/* the Bangla calendar's months */
	N_("বৈশাখ", C_BMONTH, 1), N_("জ্যৈষ্ঠ", C_BMONTH, 2),
	N_("জৈষ্ঠ্য", C_BMONTH, 2), N_("জ্যেষ্ঠ", C_BMONTH, 2),
	N_("আষাঢ়", C_BMONTH, 3), N_("শ্রাবণ", C_BMONTH, 4),
	N_("ভাদ্র", C_BMONTH, 5), N_("আশ্বিন", C_BMONTH, 6),
	N_("কার্তিক", C_BMONTH, 7), N_("অগ্রহায়ণ", C_BMONTH, 8),
	N_("অঘ্রাণ", C_BMONTH, 8), N_("পৌষ", C_BMONTH, 9),
	N_("মাঘ", C_BMONTH, 10), N_("ফাল্গুন", C_BMONTH, 11),
	N_("চৈত্র", C_BMONTH, 12),

	/* weekdays, ISO numbered */
	N_("সোমবার", C_WDAY, 1), N_("মঙ্গলবার", C_WDAY, 2),
	N_("বুধবার", C_WDAY, 3), N_("বৃহস্পতিবার", C_WDAY, 4),
	N_("বৃহষ্পতিবার", C_WDAY, 4), N_("বিষ্যুদবার", C_WDAY, 4),
	N_("শুক্রবার", C_WDAY, 5), N_("শনিবার", C_WDAY, 6),
	N_("রবিবার", C_WDAY, 7), N_("রোববার", C_WDAY, 7),
	E_("monday", C_WDAY, 1), E_("tuesday", C_WDAY, 2),
	E_("wednesday", C_WDAY, 3), E_("thursday", C_WDAY, 4),
	E_("friday", C_WDAY, 5), E_("saturday", C_WDAY, 6),
	E_("sunday", C_WDAY, 7),
	EF("mon", C_WDAY, 1, F_ABBR | F_WEAK),
	EF("tue", C_WDAY, 2, F_ABBR | F_WEAK),
	EF("tues", C_WDAY, 2, F_ABBR | F_WEAK),
	EF("wed", C_WDAY, 3, F_ABBR | F_WEAK),
	EF("thu", C_WDAY, 4, F_ABBR | F_WEAK),
	EF("thur", C_WDAY, 4, F_ABBR | F_WEAK),
	EF("thurs", C_WDAY, 4, F_ABBR | F_WEAK),
	EF("fri", C_WDAY, 5, F_ABBR | F_WEAK),
	EF("sat", C_WDAY, 6, F_ABBR | F_WEAK),
	EF("sun", C_WDAY, 7, F_ABBR | F_WEAK),

	/* days named from today; unit: a part of the day + 1 */
	N_("আজ", C_DAYREL, 0), N_("এদিন", C_DAYREL, 0),
	N_("গতকাল", C_DAYREL, -1), N_("আগামীকাল", C_DAYREL, 1),
	N_("পরশু", C_DAYREL, 2),
	/* কাল: yesterday or tomorrow, as the verb says; কালের is "of
	 * an age" (কালের কণ্ঠ), so the forms are listed */
	NF("কাল", C_DAYREL, DAYREL_EITHER, F_EXACT),
	NF("কালকে", C_DAYREL, DAYREL_EITHER, F_EXACT),
	NF("কালই", C_DAYREL, DAYREL_EITHER, F_EXACT),
	E_("today", C_DAYREL, 0), E_("yesterday", C_DAYREL, -1),
	E_("tomorrow", C_DAYREL, 1),
	{ "tonight", C_DAYREL, P_NI + 1, 0, F_EN | F_EXACT },

	N_("গত", C_LAST, 0), N_("বিগত", C_LAST, 0),
	NU("গতবছর", C_LAST, U_YEAR, 0, 0),
	NU("গতমাস", C_LAST, U_MONTH, 0, 0),
	NU("গতসপ্তাহ", C_LAST, U_WEEK, 0, 0),
	E_("last", C_LAST, 0), E_("past", C_LAST, 0),
	N_("আগামী", C_NEXT, 0), N_("আসছে", C_NEXT, 0),
	N_("আসন্ন", C_NEXT, 0),
	E_("next", C_NEXT, 0), E_("coming", C_NEXT, 0),
	NF("চলতি", C_THIS, 0, F_EXACT), NF("এই", C_THIS, 0, F_EXACT),
	E_("this", C_THIS, 0), E_("current", C_THIS, 0),

	N_("দিন", C_UNIT, U_DAY), N_("সপ্তাহ", C_UNIT, U_WEEK),
	N_("মাস", C_UNIT, U_MONTH), N_("বছর", C_UNIT, U_YEAR),
	N_("বৎসর", C_UNIT, U_YEAR), N_("ঘণ্টা", C_UNIT, U_HOUR),
	N_("ঘন্টা", C_UNIT, U_HOUR), N_("মিনিট", C_UNIT, U_MIN),
	N_("সেকেন্ড", C_UNIT, U_SEC), N_("দশক", C_UNIT, U_DECADE),
	E_("day", C_UNIT, U_DAY), E_("days", C_UNIT, U_DAY),
	E_("week", C_UNIT, U_WEEK), E_("weeks", C_UNIT, U_WEEK),
	E_("month", C_UNIT, U_MONTH), E_("months", C_UNIT, U_MONTH),
	E_("year", C_UNIT, U_YEAR), E_("years", C_UNIT, U_YEAR),
	E_("hour", C_UNIT, U_HOUR), E_("hours", C_UNIT, U_HOUR),
	E_("minute", C_UNIT, U_MIN), E_("minutes", C_UNIT, U_MIN),
	E_("decade", C_UNIT, U_DECADE), E_("decades", C_UNIT, U_DECADE),

	N_("আগে", C_AGO, 0), N_("পূর্বে", C_AGO, 0), E_("ago", C_AGO, 0),
	N_("পর", C_LATER, 0), E_("later", C_LATER, 0),

	N_("সাল", C_YMARK, 0), N_("খ্রিস্টাব্দ", C_YMARK, 0),
	N_("খ্রিষ্টাব্দ", C_YMARK, 0), N_("খ্রীষ্টাব্দ", C_YMARK, 0),
	NF("ইং", C_YMARK, 0, F_ABBR | F_EXACT),
	NF("খ্রি", C_YMARK, 0, F_ABBR | F_EXACT),
	N_("বঙ্গাব্দ", C_YMARK, 1),

	N_("সকাল", C_POD, P_MO), N_("ভোর", C_POD, P_DAWN),
	N_("দুপুর", C_POD, P_MI), N_("বিকেল", C_POD, P_AF),
	N_("বিকাল", C_POD, P_AF), N_("সন্ধ্যা", C_POD, P_EV),
	N_("সন্ধ্যায়", C_POD, P_EV), N_("রাত", C_POD, P_NI),
	/* বেলা ১১টা, বেলা ২টা: the day's light hours; alone it is not a
	 * time */
	NF("বেলা", C_POD, P_MI, F_WEAK),
	N_("দিবাগত", C_NIGHTOF, 0),
	N_("তারিখ", C_DATEMARK, 0),
	N_("প্রান্তিক", C_QUARTER, 0),
	NF("প্রথম", C_QORD, 1, F_EXACT), NF("দ্বিতীয়", C_QORD, 2, F_EXACT),
	NF("তৃতীয়", C_QORD, 3, F_EXACT), NF("চতুর্থ", C_QORD, 4, F_EXACT),
	NF("শেষ", C_QORD, 4, F_EXACT),
	N_("সপ্তাহান্ত", C_WEEKEND, 0), E_("weekend", C_WEEKEND, 0),
	/* the part of a month, year or week: after it in Bengali
	 * (মাসের শেষে), before it in English (early next month) */
	NF("শুরুতে", C_PART, 0, F_EXACT), NF("মাঝামাঝি", C_PART, 1, F_EXACT),
	NF("শেষে", C_PART, 2, F_EXACT), NF("শেষদিকে", C_PART, 2, F_EXACT),
	E_("early", C_PART, 0), E_("mid", C_PART, 1), E_("late", C_PART, 2),
	E_("morning", C_POD, P_MO), E_("afternoon", C_POD, P_AF),
	E_("evening", C_POD, P_EV), E_("night", C_POD, P_NI),

	NF("এএম", C_AMPM, 0, F_EXACT), NF("পিএম", C_AMPM, 1, F_EXACT),
	E_("am", C_AMPM, 0), E_("pm", C_AMPM, 1),
	N_("সাড়ে", C_HALF, 30), N_("সোয়া", C_HALF, 15),
	N_("পৌনে", C_HALF, -15),

	/* number words, in tenths: দেড় is one and a half */
	NF("এক", C_NUMW, 10, F_EXACT), NF("দুই", C_NUMW, 20, F_EXACT),
	NF("দু", C_NUMW, 20, F_EXACT), NF("তিন", C_NUMW, 30, F_EXACT),
	NF("চার", C_NUMW, 40, F_EXACT), NF("পাঁচ", C_NUMW, 50, F_EXACT),
	NF("ছয়", C_NUMW, 60, F_EXACT), NF("ছয়", C_NUMW, 60, F_EXACT),
	NF("সাত", C_NUMW, 70, F_EXACT), NF("আট", C_NUMW, 80, F_EXACT),
	NF("নয়", C_NUMW, 90, F_EXACT), NF("দশ", C_NUMW, 100, F_EXACT),
	NF("এগারো", C_NUMW, 110, F_EXACT), NF("বারো", C_NUMW, 120, F_EXACT),
	NF("তেরো", C_NUMW, 130, F_EXACT), NF("চৌদ্দ", C_NUMW, 140, F_EXACT),
	NF("পনেরো", C_NUMW, 150, F_EXACT), NF("ষোলো", C_NUMW, 160, F_EXACT),
	NF("সতেরো", C_NUMW, 170, F_EXACT),
	NF("আঠারো", C_NUMW, 180, F_EXACT), NF("উনিশ", C_NUMW, 190, F_EXACT),
	NF("বিশ", C_NUMW, 200, F_EXACT), NF("পঁচিশ", C_NUMW, 250, F_EXACT),
	NF("ত্রিশ", C_NUMW, 300, F_EXACT),
	NF("চল্লিশ", C_NUMW, 400, F_EXACT),
	NF("পঞ্চাশ", C_NUMW, 500, F_EXACT), NF("একশ", C_NUMW, 1000, F_EXACT),
	NF("দেড়", C_NUMW, 15, F_EXACT), NF("আড়াই", C_NUMW, 25, F_EXACT),
	E_("one", C_NUMW, 10), E_("two", C_NUMW, 20),
	E_("three", C_NUMW, 30), E_("four", C_NUMW, 40),
	E_("five", C_NUMW, 50), E_("six", C_NUMW, 60),
	E_("seven", C_NUMW, 70), E_("eight", C_NUMW, 80),
	E_("nine", C_NUMW, 90), E_("ten", C_NUMW, 100),
	E_("eleven", C_NUMW, 110), E_("twelve", C_NUMW, 120),
	E_("fifteen", C_NUMW, 150), E_("twenty", C_NUMW, 200),
	E_("thirty", C_NUMW, 300),
	EF("a", C_NUMW, 10, F_WEAK), EF("an", C_NUMW, 10, F_WEAK),
	N_("কয়েক", C_FEW, 0), E_("several", C_FEW, 0),
	E_("few", C_FEW, 0),

	E_("from", C_FROM, 0),
	N_("থেকে", C_TO, 0), E_("to", C_TO, 0), E_("until", C_TO, 0),
	E_("through", C_TO, 0),
	N_("কম", C_LESS, 0), E_("less", C_LESS, 0),
	N_("বেশি", C_MORE, 0), N_("বেশী", C_MORE, 0),
	E_("more", C_MORE, 0), E_("than", C_THAN, 0),
	N_("প্রায়", C_APPROX, 0), E_("about", C_APPROX, 0),
	E_("around", C_APPROX, 0), E_("nearly", C_APPROX, 0),
	E_("almost", C_APPROX, 1),
	NF("মধ্যে", C_WITHIN, 0, F_EXACT), NF("মধ্যেই", C_WITHIN, 0, F_EXACT),
	NF("ধরে", C_WITHIN, 1, F_EXACT), E_("within", C_WITHIN, 2),
	N_("সময়", C_SPAN, 0),
	N_("নববর্ষ", C_NEWYEAR, 0), N_("বাংলা", C_BANGLA, 0),
	N_("ইংরেজি", C_ENGLISH, 0), N_("ইংরেজী", C_ENGLISH, 0),

	/* vague references: optional in the gold, cheap to give */
	NF("সম্প্রতি", C_REF, 0, F_EXACT), NF("এখন", C_REF, 1, F_EXACT),
	NF("এখনই", C_REF, 1, F_EXACT), NF("বর্তমানে", C_REF, 1, F_EXACT),
	NF("ভবিষ্যতে", C_REF, 2, F_EXACT), E_("recently", C_REF, 0),
	E_("currently", C_REF, 1),

	N_("প্রতি", C_EVERY, 0), E_("every", C_EVERY, 0),
	E_("each", C_EVERY, 0),
	N_("প্রতিদিন", C_SET, U_DAY), N_("প্রতিবছর", C_SET, U_YEAR),
	N_("প্রতিমাস", C_SET, U_MONTH), N_("প্রতিসপ্তাহ", C_SET, U_WEEK),
	E_("daily", C_SET, U_DAY), E_("weekly", C_SET, U_WEEK),
	E_("monthly", C_SET, U_MONTH), E_("annually", C_SET, U_YEAR),
	E_("yearly", C_SET, U_YEAR),

	N_("পহেলা", C_ORD1, 1), N_("পয়লা", C_ORD1, 1),
	E_("of", C_OF, 0), E_("at", C_AT, 0), E_("in", C_IN, 0),
	N_("বয়সী", C_AGE, 0), N_("বয়স", C_AGE, 0), E_("old", C_AGE, 0),
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

/* Case endings a Bengali entry may carry, folded. */
static const char *const endings[] = {
	"ে", "ের", "এ", "এর", "র", "ই", "েই", "েরই", "রই", "ও", "েও",
	"তে", "তেই", "কে", "কের", "য়", "য়ে", "য়ের", "টি", "টা", "টায়",
	"টার", "েরও", "তেও",
};

#define MAXW 64
#define NBUCKET (128 + 26)

struct folded {
	char s[MAXW];
	unsigned char len;
	short next;
};
static struct folded fold_words[NWORDS];
static short bucket[NBUCKET];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* Decode one UTF-8 code point of s[0..n); -1 when invalid. */
static int
utf8(const unsigned char *s, size_t n, size_t *used)
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
	return -1;
}

static size_t
put3(char *o, int c)
{
	o[0] = (char)(0xe0 | c >> 12);
	o[1] = (char)(0x80 | ((c >> 6) & 0x3f));
	o[2] = (char)(0x80 | (c & 0x3f));
	return 3;
}

/*
 * Fold w into o (MAXW bytes): ASCII lowered, ZWNJ and ZWJ dropped,
 * U+09DC/DD/DF decomposed with their nukta, other code points from
 * U+0800 kept; -1 when too long or not a word.  The Bengali block
 * (three bytes, E0 A6/A7 xx), most of what it sees, is copied as it is.
 */
static int
fold(const unsigned char *s, size_t len, char *o)
{
	size_t i = 0, n = 0, used;
	int c;

	while (i < len) {
		if (n + 6 > MAXW)
			return -1;
		if (s[i] < 0x80) {
			c = s[i++];
			o[n++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			continue;
		}
		/* U+0980..U+09FF but U+09DC/DD/DF (E0 A7 9C/9D/9F) */
		if (i + 3 <= len && s[i] == 0xe0 && (s[i + 1] & 0xfe) == 0xa6
		    && (s[i + 2] & 0xc0) == 0x80 && (s[i + 1] == 0xa6 ||
		    (s[i + 2] != 0x9c && s[i + 2] != 0x9d &&
		    s[i + 2] != 0x9f))) {
			o[n] = (char)s[i], o[n + 1] = (char)s[i + 1];
			o[n + 2] = (char)s[i + 2];
			n += 3, i += 3;
			continue;
		}
		c = utf8(s + i, len - i, &used);
		i += used;
		if (c < 0)
			return -1;
		if (c == 0x200c || c == 0x200d) {
			continue;
		} else if (c == 0x9dc || c == 0x9dd || c == 0x9df) {
			n += put3(o + n, c == 0x9dc ? 0x9a1 : c == 0x9dd ?
			    0x9a2 : 0x9af);
			n += put3(o + n, 0x9bc);
		} else if (c >= 0x800) {
			n += put3(o + n, c);
		} else {
			return -1;
		}
	}
	return (int)n;
}

static int
bucket_of(const char *o, size_t n)
{
	const unsigned char *s = (const unsigned char *)o;
	size_t used;
	int c;

	if (n == 0)
		return -1;
	c = utf8(s, n, &used);
	if (c >= 'a' && c <= 'z')
		return 128 + c - 'a';
	if (c >= 0x980 && c < 0xa00)
		return c - 0x980;
	return -1;
}

/*
 * Every form a word may take (its folded entry, or the entry and one
 * case ending) in one hash table, so that a lookup is one fold and one
 * probe.  A key reached by two entries keeps the longer entry, or the
 * first in table order: what a walk of the entries would choose.
 */
#define NFORM	(NWORDS * (1 + sizeof(endings) / sizeof(endings[0])))
#define NSLOT	16384	/* a power of two, over twice NFORM */

struct form {
	char s[MAXW];
	unsigned char len, suffix;
	short word;
};
static struct form forms[NFORM];
static unsigned nforms;
static struct slot {
	unsigned hash;
	short form;	/* -1: empty */
} slots[NSLOT];

/* Which first two letters a form may start with (as buckets). */
static unsigned char pairs[NBUCKET][(NBUCKET + 7) / 8];
/* And a Bloom filter of their first three. */
#define NTRIPLE	(1 << 14)
static unsigned char triples[NTRIPLE / 8];
static atomic_int ready;

static unsigned
triple_of(int b1, int b2, int b3)
{
	return ((unsigned)b1 * 0x9e3779b1u ^ (unsigned)b2 * 0x85ebca77u ^
	    (unsigned)b3 * 0xc2b2ae3du) >> 18;
}

static unsigned
hash_of(const char *s, size_t n)
{
	unsigned h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static void
add_form(int word, const char *e, size_t elen)
{
	const struct folded *f = &fold_words[word];
	struct form *fm;
	size_t n = f->len + elen;
	unsigned h, k;
	char key[MAXW];

	if (n > MAXW)
		return;		/* cannot happen: a fold is at most MAXW */
	memcpy(key, f->s, f->len);
	memcpy(key + f->len, e, elen);
	h = hash_of(key, n);
	for (k = h & (NSLOT - 1); slots[k].form >= 0; k = (k + 1) &
	    (NSLOT - 1)) {
		fm = &forms[slots[k].form];
		if (slots[k].hash != h || fm->len != n ||
		    memcmp(fm->s, key, n) != 0)
			continue;
		if (fold_words[fm->word].len < f->len) {
			fm->word = (short)word;
			fm->suffix = elen > 0;
		}
		return;
	}
	if (nforms >= NFORM || nforms >= NSLOT / 2)
		return;		/* cannot happen: the sizes fit */
	{
		size_t u1, u2;
		int b1 = bucket_of(key, n), b2, b3;
		utf8((const unsigned char *)key, n, &u1);
		if (u1 < n && (b2 = bucket_of(key + u1, n - u1)) >= 0) {
			pairs[b1][b2 / 8] |= (unsigned char)(1 << b2 % 8);
			utf8((const unsigned char *)key + u1, n - u1, &u2);
			if (u1 + u2 < n && (b3 = bucket_of(key + u1 + u2, n -
			    u1 - u2)) >= 0)
				triples[triple_of(b1, b2, b3) / 8] |=
				    (unsigned char)(1 << triple_of(b1, b2, b3) %
				    8);
			/* a third letter no bucket holds matches no word
			 * whose third letter is plain: nothing to add */
		} else if (u1 < n) {
			/* a second letter no bucket holds: never filter */
			memset(pairs[b1], 0xff, sizeof(pairs[b1]));
		}
	}
	fm = &forms[nforms];
	memcpy(fm->s, key, n);
	fm->len = (unsigned char)n;
	fm->suffix = elen > 0;
	fm->word = (short)word;
	slots[k].hash = h;
	slots[k].form = (short)nforms++;
}

static void
init(void)
{
	int b, n;

	for (b = 0; b < NBUCKET; b++)
		bucket[b] = -1;
	for (size_t k = 0; k < NSLOT; k++)
		slots[k].form = -1;
	/* in reverse, so that each bucket lists its words in table order */
	for (size_t i = NWORDS; i-- > 0;) {
		n = fold((const unsigned char *)words[i].s, strlen(words[i].s),
		    fold_words[i].s);
		if (n <= 0 || (b = bucket_of(fold_words[i].s, n)) < 0)
			continue;	/* cannot happen: the table is ours */
		fold_words[i].len = (unsigned char)n;
		fold_words[i].next = bucket[b];
		bucket[b] = (short)i;
	}
	for (size_t i = 0; i < NWORDS; i++) {
		if (fold_words[i].len == 0)
			continue;
		add_form((int)i, "", 0);
		if (words[i].flags & F_EXACT)
			continue;
		for (size_t e = 0; e < sizeof(endings) / sizeof(endings[0]);
		    e++)
			add_form((int)i, endings[e], strlen(endings[e]));
	}
	/* an hour in words takes টা (সাতটা, সাতটায়) though the number
	 * word takes no case ending */
	for (size_t i = 0; i < NWORDS; i++) {
		static const char *const hour[] = { "টা", "টায়", "টার", "টে" };

		if (fold_words[i].len == 0 || words[i].cat != C_NUMW ||
		    (words[i].flags & F_EN) || words[i].val % 10 != 0 ||
		    words[i].val > 120)
			continue;
		for (size_t e = 0; e < sizeof(hour) / sizeof(hour[0]); e++)
			add_form((int)i, hour[e], strlen(hour[e]));
	}
	atomic_store_explicit(&ready, 1, memory_order_release);
}

/* A Bengali letter folding leaves as it is (not U+09DC/DD/DF, E0 A7
 * 9C/9D/9F): its bucket, else -1. */
static inline int
plain_bn(const char *w)
{
	const unsigned char *s = (const unsigned char *)w;

	if (s[0] != 0xe0 || (s[1] & 0xfe) != 0xa6 || (s[2] & 0xc0) != 0x80 ||
	    (s[1] == 0xa7 && (s[2] == 0x9c || s[2] == 0x9d || s[2] == 0x9f)))
		return -1;
	return (s[1] & 1) << 6 | (s[2] & 0x3f);
}

/* A letter folding leaves as it is, ASCII (lower cased) or Bengali: its
 * bucket and *used, else -1. */
static inline int
plain(const char *w, size_t len, size_t *used)
{
	unsigned char c = (unsigned char)w[0];

	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
		*used = 1;
		return 128 + (c | 0x20) - 'a';
	}
	*used = 3;
	return len >= 3 ? plain_bn(w) : -1;
}

const struct lexent *
lex_lookup(const char *w, size_t len, int *suffix)
{
	char o[MAXW];
	const struct form *fm;
	unsigned h, k;
	size_t u1, u2, u3;
	int n, b, b2, b3;

	*suffix = 0;
	/* the first letter decides before any folding is done */
	if (len == 0 || len >= MAXW)
		return NULL;
	if (!atomic_load_explicit(&ready, memory_order_acquire))
		pthread_once(&once, init);
	if ((b = plain(w, len, &u1)) < 0) {
		size_t used;
		int c = utf8((const unsigned char *)w, len, &used);
		if (c >= 'A' && c <= 'Z')
			c += 32;
		if (c == 0x9dc || c == 0x9dd || c == 0x9df)
			c = c == 0x9dc ? 0x9a1 : c == 0x9dd ? 0x9a2 : 0x9af;
		b = c >= 'a' && c <= 'z' ? 128 + c - 'a' :
		    c >= 0x980 && c < 0xa00 ? c - 0x980 : -1;
		if (b < 0 || bucket[b] < 0)
			return NULL;
	} else if (bucket[b] < 0) {
		return NULL;
	} else if (u1 < len && (b2 = plain(w + u1, len - u1, &u2)) >= 0) {
		/* the first letters, when folding keeps them as they are */
		if (!(pairs[b][b2 / 8] & 1 << b2 % 8))
			return NULL;
		if (u1 + u2 < len && (b3 = plain(w + u1 + u2, len - u1 - u2,
		    &u3)) >= 0 && !(triples[triple_of(b, b2, b3) / 8] & 1 <<
		    triple_of(b, b2, b3) % 8))
			return NULL;
	}
	if ((n = fold((const unsigned char *)w, len, o)) <= 0)
		return NULL;
	h = hash_of(o, (size_t)n);
	for (k = h & (NSLOT - 1); slots[k].form >= 0; k = (k + 1) &
	    (NSLOT - 1)) {
		fm = &forms[slots[k].form];
		if (slots[k].hash == h && fm->len == (size_t)n &&
		    memcmp(fm->s, o, (size_t)n) == 0) {
			*suffix = fm->suffix;
			return &words[fm->word];
		}
	}
	return NULL;
}
