/*
 * entities.c: libFuzzer target for tag's entity finder (tag/ner.c and
 * the tokenizer, gazetteer and features under it).
 *
 * Input: any bytes, given as the title and again, cut at the first
 * newline, as the text of one record.  What must hold: every mention
 * names a field, 0 <= start < end <= the field's length in code points,
 * its byte offsets cut exactly those code points out of the field, its
 * type is PER, LOC or ORG, its norm is non-empty valid UTF-8; mentions
 * of a field come in order without overlap; for input in UTF-8 (as a
 * record holds it), the record tag makes of it passes validate; nothing
 * leaks or reads out of bounds (ASan, UBSan).  The shipped gazetteer
 * and model are used when found next to the binary (build/asan/fuzz,
 * build/fuzz) or in $KH_TAG_DATA; else ICU's country names alone.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "khobor.h"
#include "valid.h"
#include "../tag/gaz.h"
#include "../tag/ner.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static struct ner *ner;

static _Noreturn void
broken(const char *what)
{
	kh_warn("%s", what);
	abort();
}

/* Code points in s[0..n), counting as tok.c does: every byte that is
 * not a UTF-8 continuation byte starts one, and so does a stray
 * continuation byte (U+FFFD). */
static size_t
cps(const unsigned char *s, size_t n)
{
	size_t k = 0, i = 0, len;

	while (i < n) {
		len = 1;
		if (s[i] >= 0xc2 && s[i] <= 0xf4) {
			size_t want = s[i] < 0xe0 ? 2 : s[i] < 0xf0 ? 3 : 4;
			uint32_t c = s[i] & (0x7f >> want);
			size_t j;

			for (j = 1; j < want && i + j < n &&
			    (s[i + j] & 0xc0) == 0x80; j++)
				c = c << 6 | (s[i + j] & 0x3f);
			if (j == want && i + j <= n && !(want == 3 &&
			    (c < 0x800 || (c >= 0xd800 && c <= 0xdfff))) &&
			    !(want == 4 && (c < 0x10000 || c > 0x10ffff)))
				len = want;
		}
		i += len;
		k++;
	}
	return k;
}

static void
open_ner(void)
{
	static const char *const up[] = { "/../../../tag/data",
	    "/../../tag/data" };
	static char paths[4][PATH_MAX], model[PATH_MAX];
	const char *gaz[1], *dir = getenv("KH_TAG_DATA"), *mp = NULL;
	const char *weak[2] = { paths[1], paths[2] };
	char exe[PATH_MAX], d[PATH_MAX];
	ssize_t n;
	int ng = 0;

	d[0] = '\0';
	if (dir != NULL) {
		snprintf(d, sizeof(d), "%s", dir);
	} else if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) >
	    0) {
		exe[n] = '\0';
		*strrchr(exe, '/') = '\0';
		for (int i = 0; i < 2 && d[0] == '\0'; i++) {
			int k = snprintf(paths[0], PATH_MAX,
			    "%s%s/gazetteer.tsv", exe, up[i]);

			if (k > 0 && k < PATH_MAX && access(paths[0], R_OK) ==
			    0)
				snprintf(d, sizeof(d), "%s%s", exe, up[i]);
		}
	}
	if (d[0] != '\0' && snprintf(paths[0], PATH_MAX, "%s/gazetteer.tsv",
	    d) < PATH_MAX && snprintf(paths[1], PATH_MAX, "%s/places-bd.tsv",
	    d) < PATH_MAX && snprintf(paths[2], PATH_MAX,
	    "%s/places-world.tsv", d) < PATH_MAX && snprintf(paths[3],
	    PATH_MAX, "%s/translit.tsv", d) < PATH_MAX && snprintf(model,
	    PATH_MAX, "%s/ner.model", d) < PATH_MAX) {
		gaz[ng++] = paths[0];
		if (access(model, R_OK) == 0)
			mp = model;
	}
	ner = ner_open(mp, gaz, ng, weak, ng > 0 ? 2 : 0, ng > 0 ? paths[3] :
	    NULL);
}

/* The record tag writes of the two fields and their n mentions m
 * (tag.c). */
static void
as_record(const char *const f[2], const size_t len[2],
    const struct ner_mention *m, size_t n)
{
	static const char *const fields[] = { "title", "text" };
	struct json_object *rec = json_object_new_object(), *arr, *o;

	json_object_object_add(rec, "url", json_object_new_string("x:"));
	for (int k = 0; k < 2; k++)
		json_object_object_add(rec, fields[k],
		    json_object_new_string_len(f[k], (int)len[k]));
	json_object_object_add(rec, "dates", json_object_new_array());
	arr = json_object_new_array();
	for (size_t i = 0; i < n; i++, m++) {
		o = valid_mention(arr, fields[m->field], f[m->field],
		    len[m->field], m->start, m->end);
		json_object_object_add(o, "type",
		    json_object_new_string(type_name[m->type]));
		json_object_object_add(o, "norm",
		    json_object_new_string(m->norm));
	}
	json_object_object_add(rec, "entities", arr);
	valid_record(rec);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const struct ner_mention *m;
	const char *nl = memchr(data, '\n', size);
	const char *f[2] = { (const char *)data, nl ? nl + 1 :
	    (const char *)data };
	size_t len[2] = { size, nl ? size - (nl + 1 - (const char *)data) :
	    size }, n, endb[2] = { 0, 0 };

	if (ner == NULL)
		open_ner();
	ner_begin(ner);
	ner_text(ner, 0, f[0], len[0]);
	ner_text(ner, 1, f[1], len[1]);
	n = ner_end(ner, &m);
	for (size_t i = 0; i < n; i++, m++) {
		const unsigned char *s;

		if (m->field < 0 || m->field > 1)
			broken("field out of range");
		s = (const unsigned char *)f[m->field];
		if (i > 0 && m[-1].field > m->field)
			broken("fields out of order");
		if (m->bstart >= m->bend || m->bend > len[m->field])
			broken("byte offsets out of the field");
		if (m->bstart < endb[m->field])
			broken("mentions overlap or are out of order");
		endb[m->field] = m->bend;
		if (m->start >= m->end || cps(s, m->bstart) != m->start ||
		    cps(s, m->bend) != m->end)
			broken("code-point offsets do not match the bytes");
		if (m->type < T_PER || m->type > T_ORG)
			broken("type out of range");
		if (m->norm == NULL || *m->norm == '\0' ||
		    rec_utf8_valid((const unsigned char *)m->norm,
		    strlen(m->norm)) != strlen(m->norm))
			broken("norm empty or not UTF-8");
	}
	if (rec_utf8_valid(data, size) == size)
		as_record(f, len, m - n, n);
	return 0;
}
