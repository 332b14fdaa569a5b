/*
 * dates.h: find and normalise the dates in a text, Bengali and English
 * (docs/records.md, "tag": date mentions and their TIMEX3 values).
 */
#ifndef DATES_H
#define DATES_H

#include <stddef.h>

/* The reference a relative expression is resolved against: the
 * record's published, else fetched_at, else tag's --ref. */
struct date_ref {
	int set;		/* 0: none; relative values stay relative */
	int year, month, day;	/* the reference's calendar day */
	int hour, min;		/* -1 when the reference has no time */
};

/* Read an ISO 8601 date or date-time ("2024-08-17",
 * "2024-08-17T11:46:00+06:00", "2024-08-17T05:46:03Z") into ref, as the
 * local day and time it names.  Returns 0, or -1 (ref->set = 0) when s
 * is not such a value. */
int date_ref_parse(const char *s, size_t len, struct date_ref *ref);

/* One date mention: code-point offsets into the text given, the TIMEX3
 * value, the kind ("date", "datetime", "time", "duration", "set") and
 * the modifier or NULL. */
struct date_mention {
	size_t start, end;
	char value[64];
	const char *kind;
	const char *mod;
};
typedef void date_fn(const struct date_mention *m, void *arg);

/* Call fn for each date in text (UTF-8, len bytes, any content: invalid
 * UTF-8 is skipped over, never read past len), in order of start,
 * without overlaps.  ref may be NULL. */
void dates_find(const char *text, size_t len, const struct date_ref *ref,
	date_fn *fn, void *arg);

#endif
