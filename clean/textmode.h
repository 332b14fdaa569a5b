/*
 * textmode.h: the article lines of page text that another tool extracted
 * (boilerplate and all, one block a line, as the seeds in
 * ../shared/data/seeds).
 */
#ifndef TEXTMODE_H
#define TEXTMODE_H

#include <stddef.h>

/* Classify the lines of text (UTF-8, len bytes) into article and
 * boilerplate.  Returns the article lines joined by '\n' (no '\n' at the
 * end, whitespace collapsed, NFC) in a malloc'd NUL-terminated string,
 * its length in *outlen; "" when no line is kept.  keep, when not NULL,
 * gets one flag per input line (lines counted as split on '\n'; the
 * caller gives room for them: 1 + the number of '\n' in text). */
char *text_article(const char *text, size_t len, size_t *outlen,
	unsigned char *keep);

/* Text mode as clean runs it: text_article(), and in date (datesz
 * bytes) the time of the first dateline that says "published" among
 * the short lines left out, or "" when there is none. */
char *text_mode(const char *text, size_t len, size_t *outlen, char *date,
	size_t datesz);

/* The share of words in s (UTF-8, len bytes) that are stop words of
 * Bengali or English (জন্য, করে, এবং, the, and, ...), 0..1, 0 for no
 * words: jusText's cue that a block is running prose. */
double text_stop_density(const char *s, size_t len);

/* A byline that names a desk or a correspondent, as Bengali and English
 * papers sign their news ("নিজস্ব প্রতিবেদক", "চট্টগ্রাম ব্যুরো",
 * "Staff Correspondent", "নিজস্ব প্রতিবেদক, ঢাকা"): when s (UTF-8, n
 * bytes) opens with one, at most four words up to the first ',', ':',
 * '|' or '-', whose last word is such a word, the length of that name;
 * else 0. */
size_t text_desk_byline(const char *s, size_t n);

#endif
