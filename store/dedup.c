/*
 * dedup.c: the pieces of storing a body once (see dedup.h): finding a
 * member in a record's text without parsing it again, and a string
 * table.
 */
#define _GNU_SOURCE	/* memmem */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "dedup.h"

const char *const dedup_fields[DEDUP_NFIELDS + 1] = { "html", "text", NULL };

static size_t
skip_ws(const char *s, size_t i, size_t n)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
	    s[i] == '\r'))
		i++;
	return i;
}

/* At a '"': past the closing quote.  -1 if the text ends first.  A
 * quote closes the string unless an odd run of backslashes precedes it;
 * memchr finds the quotes, as strings are most of a record. */
static int
skip_string(const char *s, size_t *i, size_t n)
{
	const char *p = s + *i + 1, *end = s + n, *q, *b;

	while ((q = memchr(p, '"', end - p)) != NULL) {
		for (b = q; b > p && b[-1] == '\\'; b--)
			;
		if ((q - b) % 2 == 0) {
			*i = q + 1 - s;
			return 0;
		}
		p = q + 1;
	}
	return -1;
}

/* Past one JSON value (the text is known to be valid JSON). */
static int
skip_value(const char *s, size_t *i, size_t n)
{
	int depth = 0;
	char c;

	while (*i < n) {
		c = s[*i];
		if (c == '"') {
			if (skip_string(s, i, n) < 0)
				return -1;
			if (depth == 0)
				return 0;
			continue;
		}
		if (c == '{' || c == '[') {
			depth++;
		} else if (c == '}' || c == ']') {
			if (depth == 0)
				return 0;	/* a scalar's end: the parent's */
			if (--depth == 0) {
				(*i)++;
				return 0;
			}
		} else if (depth == 0 && (c == ',' || c == ' ' || c == '\t' ||
		    c == '\r' || c == '\n')) {
			return 0;
		}
		(*i)++;
	}
	return depth == 0 ? 0 : -1;
}

int
json_member(const char *text, size_t len, const char *key, size_t *start,
    size_t *value, size_t *end)
{
	size_t i = skip_ws(text, 0, len), k, klen = strlen(key);

	if (i >= len || text[i++] != '{')
		return -1;
	for (;;) {
		i = skip_ws(text, i, len);
		if (i >= len || text[i] != '"')
			return -1;	/* '}' (not found) or a quote json-c allows */
		k = i;
		if (skip_string(text, &i, len) < 0)
			return -1;
		i = skip_ws(text, i, len);
		if (i >= len || text[i++] != ':')
			return -1;
		i = skip_ws(text, i, len);
		*value = i;
		if (skip_value(text, &i, len) < 0)
			return -1;
		if (i - *value > 0 && k + klen + 2 <= len &&
		    text[k + klen + 1] == '"' &&
		    memcmp(text + k + 1, key, klen) == 0) {
			*start = k;
			*end = i;
			return 0;
		}
		i = skip_ws(text, i, len);
		if (i >= len || text[i++] != ',')
			return -1;
	}
}

static uint64_t
fnv_more(uint64_t h, const char *s, size_t n)	/* FNV-1a */
{
	while (n--)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static uint64_t
fnv(const char *s, size_t n)
{
	return fnv_more(1469598103934665603ULL, s, n);
}

int
dedup_key(const char *field, const char *value, size_t vlen, char *out,
    size_t outlen)
{
	size_t n, k;
	const char *s;
	uint64_t h;

	if (vlen < 2 || value[0] != '"' || (n = vlen - 2) < DEDUP_MIN)
		return 0;
	/* A fingerprint of 3 KiB at most, from the start, the middle and
	 * the end: cheap on a page, and a clash costs only a comparison. */
	s = value + 1;
	k = n < 1024 ? n : 1024;
	h = fnv_more(1469598103934665603ULL, s, k);
	h = fnv_more(h, s + n / 2 - k / 2, k);
	h = fnv_more(h, s + n - k, k);
	snprintf(out, outlen, "%s:%zu:%016llx", field, n,
	    (unsigned long long)h);
	return 1;
}

static struct strmap_ent *
slot(const struct strmap *m, const char *key, size_t n)
{
	size_t i;

	for (i = fnv(key, n) & (m->cap - 1); m->e[i].key != NULL;
	    i = (i + 1) & (m->cap - 1))
		if (strlen(m->e[i].key) == n && memcmp(m->e[i].key, key, n) == 0)
			break;
	return &m->e[i];
}

struct strmap_ent *
strmap_find(const struct strmap *m, const char *key, size_t n)
{
	struct strmap_ent *e;

	if (m->cap == 0)
		return NULL;
	e = slot(m, key, n);
	return e->key ? e : NULL;
}

struct strmap_ent *
strmap_get(struct strmap *m, const char *key, size_t n, int *added)
{
	struct strmap_ent *e;

	if (2 * (m->n + 1) > m->cap) {
		struct strmap t = { NULL, m->cap ? 2 * m->cap : 1024, 0 };
		t.e = calloc(t.cap, sizeof(*t.e));
		if (t.e == NULL)
			kh_die("calloc:");
		for (size_t i = 0; i < m->cap; i++)
			if (m->e[i].key != NULL)
				*slot(&t, m->e[i].key, strlen(m->e[i].key)) =
				    m->e[i];
		t.n = m->n;
		free(m->e);
		*m = t;
	}
	e = slot(m, key, n);
	*added = e->key == NULL;
	if (*added) {
		if ((e->key = strndup(key, n)) == NULL)
			kh_die("strndup:");
		m->n++;
	}
	return e;
}

void
strmap_free(struct strmap *m)
{
	for (size_t i = 0; i < m->cap; i++)
		free(m->e[i].key);
	free(m->e);
	m->e = NULL;
	m->cap = m->n = 0;
}
