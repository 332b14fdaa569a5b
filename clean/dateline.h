/*
 * dateline.h: a publication time as a page prints it, Bengali or
 * English ("প্রকাশ : ২৭ ডিসেম্বর ২০২৫, ০৮:৩৫ এএম", "আপডেট: ১৭ আগস্ট ২০২৪",
 * "Published: Friday, August 15, 2025 11:45 PM", "15 Aug 2025").
 */
#ifndef DATELINE_H
#define DATELINE_H

#include <stddef.h>

enum dateline_kind {
	DATELINE_NONE = 0,
	DATELINE_PUBLISHED,	/* "প্রকাশ", "প্রকাশিত", "Published", or no label */
	DATELINE_MODIFIED	/* "আপডেট", "হালনাগাদ", "Updated", "Modified" */
};

/* Read the first date in s (UTF-8, len bytes) into out as ISO 8601:
 * "2025-12-27T08:35" (local time as printed, no offset unless the text
 * gives one) or "2025-12-27".  Returns its kind by the label before it,
 * or DATELINE_NONE (out untouched) when s holds no complete date (day,
 * month and year).  Never reads past len. */
enum dateline_kind dateline_parse(const char *s, size_t len, char *out,
	size_t outsz);

#endif
