/*
 * dates-test: run tag's date finder over lines "REF<TAB>TEXT" (REF an
 * ISO date or date-time, or "-" for none) and print each mention as
 * "start<TAB>end<TAB>kind<TAB>value<TAB>mod<TAB>surface" (mod "-" when
 * none).  With -j, print a record per line instead, for validate:
 * {"url":"x:","text":TEXT,"dates":[...]}.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "khobor.h"
#include "../tag/dates.h"

struct line {
	const char *s;
	size_t len;
	struct json_object *dates;	/* -j */
};

/* The bytes of code points [start, end) of s. */
static const char *
slice(const char *s, size_t len, size_t start, size_t end, size_t *n)
{
	size_t i = 0, cp = 0, b = 0;

	for (; i < len; i++) {
		if (((unsigned char)s[i] & 0xc0) == 0x80)
			continue;
		if (cp == start)
			b = i;
		if (cp == end)
			break;
		cp++;
	}
	*n = i - b;
	return s + b;
}

static void
print(const struct date_mention *m, void *arg)
{
	struct line *l = arg;
	const char *t;
	size_t n;

	t = slice(l->s, l->len, m->start, m->end, &n);
	if (l->dates != NULL) {
		struct json_object *o = json_object_new_object();
		json_object_object_add(o, "field",
		    json_object_new_string("text"));
		json_object_object_add(o, "start",
		    json_object_new_int64((int64_t)m->start));
		json_object_object_add(o, "end",
		    json_object_new_int64((int64_t)m->end));
		json_object_object_add(o, "text",
		    json_object_new_string_len(t, (int)n));
		json_object_object_add(o, "value",
		    json_object_new_string(m->value));
		json_object_object_add(o, "kind",
		    json_object_new_string(m->kind));
		if (m->mod != NULL)
			json_object_object_add(o, "mod",
			    json_object_new_string(m->mod));
		json_object_array_add(l->dates, o);
		return;
	}
	printf("%zu\t%zu\t%s\t%s\t%s\t%.*s\n", m->start, m->end, m->kind,
	    m->value, m->mod ? m->mod : "-", (int)n, t);
}

int
main(int argc, char **argv)
{
	struct date_ref ref;
	struct line l;
	char *line = NULL, *tab;
	size_t cap = 0;
	ssize_t n;
	int c, json = 0;

	kh_setprog(argv[0]);
	while ((c = getopt(argc, argv, "j")) != -1) {
		if (c != 'j') {
			kh_warn("usage: dates-test [-j] < lines");
			return 2;
		}
		json = 1;
	}
	while ((n = getline(&line, &cap, stdin)) >= 0) {
		if (n > 0 && line[n - 1] == '\n')
			line[--n] = '\0';
		if ((tab = memchr(line, '\t', n)) == NULL)
			continue;
		if (date_ref_parse(line, tab - line, &ref) < 0)
			ref.set = 0;
		l.s = tab + 1;
		l.len = n - (tab + 1 - line);
		l.dates = json ? json_object_new_array() : NULL;
		dates_find(l.s, l.len, &ref, print, &l);
		if (json) {
			struct json_object *r = json_object_new_object();
			json_object_object_add(r, "url",
			    json_object_new_string("x:"));
			json_object_object_add(r, "text",
			    json_object_new_string_len(l.s, (int)l.len));
			json_object_object_add(r, "dates", l.dates);
			rec_write(r);
			json_object_put(r);
		}
	}
	free(line);
	rec_close();
	return 0;
}
