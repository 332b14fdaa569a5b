/*
 * members.c: rec_scan_members()'s members of a record against the
 * object json-c made of it, for the differential tests (tests/scan-test,
 * fuzz/scan).
 */
#include <string.h>

#include "khobor.h"
#include "members.h"

static int
ws(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* The JSON text t[0..n) is one whole value, equal to want: it starts
 * at a value's first byte, ends where the record goes on with blanks,
 * ',' or '}', and json-c reads it, with nothing but blanks after. */
static int
same_value(const char *t, size_t n, struct json_object *want)
{
	struct json_tokener *tok = json_tokener_new();
	struct json_object *got;
	size_t end;
	int ok;

	got = json_tokener_parse_ex(tok, t, (int)n + 1);
	end = json_tokener_get_parse_end(tok);
	/* null is NULL to json-c: the tokener's state tells it parsed */
	ok = json_tokener_get_error(tok) == json_tokener_success &&
	    !ws(t[0]) && !ws(t[n - 1]) &&
	    (ws(t[n]) || t[n] == ',' || t[n] == '}') &&
	    end >= n && (end == n || ws(t[n])) &&
	    json_object_equal(got, want);
	json_object_put(got);
	json_tokener_free(tok);
	return ok;
}

const char *
members_differ(struct json_object *obj, const char *text, size_t len,
    const struct rec_members *m)
{
	struct json_object *v;
	const struct rec_member *e;
	size_t distinct = 0, i, j;
	char name[256];
	int escaped = 0, last;

	for (i = 0; i < m->n; i++) {
		e = &m->v[i];
		if (e->name == 0 || e->name + e->namelen >= len ||
		    e->value + e->valuelen > len || e->valuelen == 0)
			return "a member out of the text";
		if ((text[e->name - 1] != '"' && text[e->name - 1] != '\'') ||
		    text[e->name + e->namelen] != text[e->name - 1])
			return "a member's name not between its quotes";
		if (memchr(text + e->name, '\\', e->namelen) != NULL)
			escaped = 1;
		for (j = i + 1, last = 1; j < m->n && last; j++)
			last = m->v[j].namelen != e->namelen ||
			    memcmp(text + m->v[j].name, text + e->name,
			    e->namelen) != 0;
		distinct += last;
		/* json-c keeps the last of a name; compare that one */
		if (!last || escaped || e->namelen >= sizeof(name))
			continue;
		memcpy(name, text + e->name, e->namelen);
		name[e->namelen] = '\0';
		if (!json_object_object_get_ex(obj, name, &v))
			return "a member json-c does not have";
		if (!same_value(text + e->value, e->valuelen, v))
			return "a member's value is not json-c's";
		if (rec_member_get(m, text, name) != e)
			return "rec_member_get does not find the last member";
	}
	if (escaped != m->escaped)
		return "escaped names not flagged as such";
	if (!escaped && distinct != (size_t)json_object_object_length(obj))
		return "not as many members as json-c has";
	return NULL;
}
