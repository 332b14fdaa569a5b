/*
 * dates-lex.h: the words the date finder knows (dates-lex.c) and the
 * tokens it reads text into (dates.c).  Internal to tag's date finder.
 */
#ifndef DATES_LEX_H
#define DATES_LEX_H

#include <stddef.h>

/* What a known word is. */
enum cat {
	C_NONE,
	C_MONTH,	/* val 1..12 */
	C_BMONTH,	/* Bangla calendar month, val 1..12 */
	C_WDAY,		/* val 1 (Monday) .. 7 (Sunday) */
	C_DAYREL,	/* today/yesterday/...: val the offset in days;
			 * DAYREL_EITHER: কাল, yesterday or tomorrow */
	C_LAST,		/* গত, last; unit set in compounds (গতবছর) */
	C_NEXT,		/* আগামী, next */
	C_THIS,		/* চলতি, এই, this */
	C_UNIT,		/* val enum unit */
	C_AGO,		/* আগে, ago */
	C_LATER,	/* পর, পরে, later */
	C_YMARK,	/* সাল, খ্রিস্টাব্দ: val 0; বঙ্গাব্দ: val 1 */
	C_POD,		/* part of day: val enum pod */
	C_AMPM,		/* val 0 am, 1 pm */
	C_HALF,		/* সাড়ে +30, সোয়া +15, পৌনে -15: val minutes */
	C_NUMW,		/* number word: val in tenths (দেড় 15) */
	C_FEW,		/* কয়েক, several: an unknown number */
	C_FROM,		/* from */
	C_TO,		/* থেকে, to, until */
	C_LESS,		/* কম, less */
	C_MORE,		/* বেশি, more, over */
	C_THAN,		/* than */
	C_APPROX,	/* প্রায়, about */
	C_WITHIN,	/* মধ্যে, within */
	C_SPAN,		/* সময়: "time" in "... কম সময়ের মধ্যে" */
	C_NEWYEAR,	/* নববর্ষ */
	C_BANGLA,	/* বাংলা: Bangla (calendar) */
	C_ENGLISH,	/* ইংরেজি: English (calendar) */
	C_REF,		/* vague: val 0 past, 1 present, 2 future */
	C_EVERY,	/* প্রতি, every */
	C_SET,		/* প্রতিদিন, daily: val the unit */
	C_ORD1,		/* পহেলা: the first (day) */
	C_OF,		/* of */
	C_AT,		/* at */
	C_AGE,		/* বয়সী, old: makes "50 years" an age */
	C_IN,		/* in (3 days) */
	C_NIGHTOF,	/* দিবাগত: the night after the day before it */
	C_DATEMARK,	/* তারিখ: "১১ তারিখ", the 11th of a month */
	C_QUARTER,	/* প্রান্তিক: a quarter of a (fiscal) year */
	C_QORD,		/* প্রথম .. চতুর্থ, শেষ: val the quarter */
	C_WEEKEND,	/* সপ্তাহান্ত, weekend */
	C_PART		/* early, শুরুতে: val 0 start, 1 middle, 2 end */
};

#define DAYREL_EITHER 9

enum unit { U_DAY, U_WEEK, U_MONTH, U_YEAR, U_HOUR, U_MIN, U_SEC,
	U_DECADE };
enum pod { P_MO, P_MI, P_AF, P_EV, P_NI, P_DAWN };

/* Entry flags. */
#define F_EXACT	1	/* takes no Bengali case ending */
#define F_WEAK	2	/* only inside a longer expression */
#define F_ABBR	4	/* an abbreviation: a '.' may follow */
#define F_EN	8	/* English (ASCII, matched without case) */

struct lexent {
	const char *s;
	unsigned char cat;
	signed char unit;	/* compounds: the unit of গতবছর */
	short val;
	unsigned char flags;
};

/* Look up one word (w: len bytes of letters, Bengali or ASCII).  Returns
 * the entry or NULL; *suffix says whether a case ending followed. */
const struct lexent *lex_lookup(const char *w, size_t len, int *suffix);

#endif
