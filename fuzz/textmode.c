/*
 * textmode.c: libFuzzer target for clean's text mode (clean/textmode.c)
 * and the dateline parser it calls on short lines.
 *
 * What must hold for any bytes:
 * - text_article() gives valid UTF-8 with no NUL, no empty line, no
 *   '\n' at either end, no white space at a line's ends or twice in a
 *   row, no line twice; as many lines as flags set in keep;
 * - text_stop_density() is within 0..1;
 * - for text in UTF-8 (as a record holds it), the record clean makes
 *   of it in text mode (text_mode(): the article, a published date
 *   from a dateline) passes validate;
 * - nothing leaks, nothing reads out of bounds (ASan, UBSan).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "valid.h"
#include "../clean/textmode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static _Noreturn void
broken(const char *what, const char *s, size_t len)
{
	kh_warn("%s: %.*s", what, len > 512 ? 512 : (int)len, s);
	abort();
}

static void
check_lines(const char *out, size_t olen, size_t kept)
{
	size_t lines = 0, i, a, b;
	const char *p = out, *e = out + olen, *nl;

	if (olen == 0) {
		if (kept != 0)
			broken("lines kept but no output", out, olen);
		return;
	}
	if (rec_utf8_valid((const unsigned char *)out, olen) != olen)
		broken("invalid UTF-8", out, olen);
	if (memchr(out, '\0', olen) != NULL)
		broken("NUL in the output", out, olen);
	for (; p <= e; p = nl + 1) {
		nl = memchr(p, '\n', e - p);
		if (nl == NULL)
			nl = e;
		if (nl == p)
			broken("empty line", out, olen);
		if (*p == ' ' || nl[-1] == ' ')
			broken("space at a line's end", p, nl - p);
		for (i = 1; i < (size_t)(nl - p); i++)
			if ((p[i] == ' ' && p[i - 1] == ' ') || p[i] == '\t' ||
			    p[i] == '\r')
				broken("white space not collapsed", p, nl - p);
		lines++;
		if (nl == e)
			break;
	}
	if (lines != kept)
		broken("lines out differ from the flags", out, olen);
	/* no line twice: compare each with the others (inputs are small) */
	if (lines > 64)
		return;
	for (p = out, a = 0; a < lines; a++) {
		const char *q, *pe = memchr(p, '\n', e - p);

		pe = pe ? pe : e;
		for (q = pe + 1, b = a + 1; b < lines; b++) {
			const char *qe = memchr(q, '\n', e - q);

			qe = qe ? qe : e;
			if (qe - q == pe - p && memcmp(p, q, pe - p) == 0)
				broken("a line twice", p, pe - p);
			q = qe + 1;
		}
		p = pe + 1;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	size_t nlines = 1, olen, kept = 0, i;
	unsigned char *keep;
	double sd;
	char *out;

	for (i = 0; i < size; i++)
		nlines += data[i] == '\n';
	keep = kh_malloc(nlines);
	memset(keep, 0xaa, nlines);
	out = text_article((const char *)data, size, &olen, keep);
	if (out == NULL || out[olen] != '\0')
		broken("output not a string", (const char *)data, size);
	for (i = 0; i < nlines; i++) {
		if (keep[i] > 1)
			broken("keep flag not set", (const char *)data, size);
		kept += keep[i];
	}
	check_lines(out, olen, kept);
	free(out);
	free(keep);
	/* also with no flags wanted */
	out = text_article((const char *)data, size, &olen, NULL);
	free(out);
	sd = text_stop_density((const char *)data, size);
	if (!(sd >= 0 && sd <= 1))
		broken("stop density out of 0..1", (const char *)data, size);
	if (rec_utf8_valid(data, size) == size) {
		/* clean.c's from_text */
		struct json_object *rec = json_object_new_object();
		char date[64];

		json_object_object_add(rec, "url",
		    json_object_new_string("https://bd.example/t"));
		out = text_mode((const char *)data, size, &olen, date,
		    sizeof date);
		valid_put(rec, "published", date, strlen(date));
		json_object_object_add(rec, "text",
		    json_object_new_string_len(out, (int)olen));
		free(out);
		valid_record(rec);
	}
	return 0;
}
