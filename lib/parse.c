/*
 * parse.c: one input line to one record, or a precise reason why not.
 *
 * json-c is lenient where the record format is not: it lets invalid
 * UTF-8 (surrogates, overlong forms) through, clamps integers that do
 * not fit 64 bits, and reads NaN, Infinity, 1. and 01.5, which it would
 * write back as invalid JSON.  Those are caught here, so a record that passes
 * rec_parse() is written back as valid JSON with its values unchanged.
 * Its tree takes far more memory than its text, so a record with more
 * values than the limit is refused before json-c reads it.
 */
#define _GNU_SOURCE	/* memmem */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"

struct rec_parser {
	struct json_tokener *tok;
	char msg[96];
	const char *text;	/* what the last parse read */
	size_t len;
};

static void
new_tokener(struct rec_parser *p)
{
	p->tok = json_tokener_new();
	if (p->tok == NULL)
		kh_die("json_tokener_new: out of memory");
	json_tokener_set_flags(p->tok, JSON_TOKENER_STRICT);
}

/* json_tokener_reset() in json-c 0.16 keeps a pending high surrogate:
 * after a line that broke off inside \ud84d\u..., the next record's
 * first \u escape would gain a U+FFFD.  A failed parse gets a new
 * tokener instead. */
static void
fresh_tokener(struct rec_parser *p)
{
	json_tokener_free(p->tok);
	new_tokener(p);
}

struct rec_parser *
rec_parser_new(void)
{
	struct rec_parser *p = kh_malloc(sizeof(*p));

	new_tokener(p);
	return p;
}

void
rec_parser_free(struct rec_parser *p)
{
	if (p == NULL)
		return;
	json_tokener_free(p->tok);
	free(p);
}

/* Offset of the first byte that is not part of well-formed UTF-8
 * (RFC 3629: no overlong forms, no surrogates, nothing past U+10FFFF),
 * or n when all is well. */
size_t
rec_utf8_valid(const unsigned char *s, size_t n)
{
	size_t i = 0, need;
	unsigned char lo, hi;
	uint64_t w;

	while (i < n) {
		if (s[i] < 0x80) {
			for (; i + 8 <= n; i += 8) {
				memcpy(&w, s + i, 8);
				if (w & 0x8080808080808080ULL)
					break;
			}
			while (i < n && s[i] < 0x80)
				i++;
			continue;
		}
		lo = 0x80, hi = 0xbf;
		if (s[i] >= 0xc2 && s[i] <= 0xdf) {
			need = 1;
		} else if (s[i] >= 0xe0 && s[i] <= 0xef) {
			need = 2;
			if (s[i] == 0xe0)
				lo = 0xa0;
			else if (s[i] == 0xed)
				hi = 0x9f;
		} else if (s[i] >= 0xf0 && s[i] <= 0xf4) {
			need = 3;
			if (s[i] == 0xf0)
				lo = 0x90;
			else if (s[i] == 0xf4)
				hi = 0x8f;
		} else {
			return i;
		}
		if (n - i <= need || s[i + 1] < lo || s[i + 1] > hi)
			return i;
		for (size_t k = 2; k <= need; k++)
			if ((s[i + k] & 0xc0) != 0x80)
				return i;
		i += need + 1;
	}
	return n;
}

static int
digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Is s a number as RFC 8259 writes it?  json-c also reads 1. and 01.5,
 * and keeps a double's text to write it back. */
static int
json_number(const char *s)
{
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (digit(*s))
		while (digit(*s))
			s++;
	else
		return 0;
	if (*s == '.') {
		if (!digit(*++s))
			return 0;
		while (digit(*s))
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!digit(*s))
			return 0;
		while (digit(*s))
			s++;
	}
	return *s == '\0';
}

/* json-c clamps an integer beyond 64 bits to the nearest bound.  When a
 * bound shows up, look for an integer in the line (outside strings) that
 * does not fit. */
static int
int_overflow(const char *line, size_t len)
{
	static const char minabs[] = "9223372036854775808";
	static const char umax[] = "18446744073709551615";
	const char *lim;
	size_t i, j, nd, nl;
	char quote = 0;
	int neg;

	for (i = 0; i < len; i++) {
		if (quote) {
			if (line[i] == '\\')
				i++;
			else if (line[i] == quote)
				quote = 0;
			continue;
		}
		if (line[i] == '"' || line[i] == '\'') {
			quote = line[i];
			continue;
		}
		if (line[i] != '-' && !digit(line[i]))
			continue;
		neg = line[i] == '-';
		for (j = i + neg; j < len && digit(line[j]); j++)
			;
		nd = j - i - neg;
		if (j < len && (line[j] == '.' || line[j] == 'e' ||
		    line[j] == 'E')) {
			/* a double: skip all of it */
			while (j < len && (digit(line[j]) || line[j] == '.' ||
			    line[j] == 'e' || line[j] == 'E' ||
			    line[j] == '+' || line[j] == '-'))
				j++;
		} else {
			lim = neg ? minabs : umax;
			nl = strlen(lim);
			if (nd > nl || (nd == nl &&
			    memcmp(line + i + neg, lim, nl) > 0))
				return 1;
		}
		i = j - 1;
	}
	return 0;
}

/* Does the tree hold a number that would not be written back as read? */
static const char *
bad_number(struct json_object *v, const char *line, size_t len)
{
	const char *why = NULL, *s;
	size_t i, n;

	switch (json_object_get_type(v)) {
	case json_type_int:
		if ((json_object_get_int64(v) == INT64_MIN ||
		    json_object_get_uint64(v) == UINT64_MAX) &&
		    int_overflow(line, len))
			return "integer out of 64-bit range";
		break;
	case json_type_double:
		s = json_object_to_json_string(v);
		if (json_number(s))
			break;
		if (s[0] == '-')
			s++;
		if (s[0] == 'N' || s[0] == 'I')
			return "NaN and Infinity are not JSON";
		return "malformed JSON number (1. and 01.5 are not JSON)";
	case json_type_array:
		n = json_object_array_length(v);
		for (i = 0; i < n && why == NULL; i++)
			why = bad_number(json_object_array_get_idx(v, i),
			    line, len);
		break;
	case json_type_object: {
		json_object_object_foreach(v, key, val) {
			(void)key;
			if ((why = bad_number(val, line, len)) != NULL)
				break;
		}
		break;
	}
	default:
		break;
	}
	return why;
}

static const char *
not_object(struct json_object *v)
{
	switch (json_object_get_type(v)) {
	case json_type_array:
		return "a JSON array, not an object";
	case json_type_string:
		return "a JSON string, not an object";
	case json_type_int:
	case json_type_double:
		return "a JSON number, not an object";
	case json_type_boolean:
		return "a JSON boolean, not an object";
	default:
		return "JSON null, not an object";
	}
}

const char *
rec_parsed_text(const struct rec_parser *p, size_t *len)
{
	*len = p->len;
	return p->text;
}

static int
blank(const char *s, size_t n)
{
	for (; n > 0; s++, n--)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return 0;
	return 1;
}

struct json_object *
rec_parse(struct rec_parser *p, const char *line, size_t len, int first,
    const char **err, long *at)
{
	struct json_object *obj;
	enum json_tokener_error e;
	const char *nul, *why;
	size_t bom = 0, bad;

	*err = NULL;
	*at = -1;
	if (first && len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0)
		bom = 3;
	line += bom, len -= bom;
	if (len > 0 && line[len - 1] == '\r')
		len--;
	p->text = line;
	p->len = len;
	if (blank(line, len))
		return NULL;
	if ((nul = memchr(line, '\0', len)) != NULL) {
		*err = "NUL byte (not allowed in JSON text)";
		*at = bom + (nul - line);
		return NULL;
	}
	if ((bad = rec_utf8_valid((unsigned char *)line, len)) < len) {
		*err = "invalid UTF-8";
		*at = bom + bad;
		return NULL;
	}
	/* json-c takes up to some 800 bytes a value ({} in an array): a
	 * 21 MB line of them would take 5 GB */
	if (rec_values_over(line, len, kh_run.max_values)) {
		snprintf(p->msg, sizeof(p->msg), REC_TOO_MANY_VALUES,
		    kh_run.max_values);
		*err = p->msg;
		return NULL;
	}
	json_tokener_reset(p->tok);
	obj = json_tokener_parse_ex(p->tok, line, len);
	e = json_tokener_get_error(p->tok);
	if (obj == NULL && e == json_tokener_continue) {
		/* A bare 42 or null is complete only at the end of input:
		 * say so with a NUL, which json-c takes as the end. */
		obj = json_tokener_parse_ex(p->tok, "", 1);
		e = json_tokener_get_error(p->tok);
		if (obj == NULL && e != json_tokener_success) {
			*err = "record ends before its JSON is complete";
			*at = bom + len;
			fresh_tokener(p);
			return NULL;
		}
	}
	if (obj == NULL) {
		if (e == json_tokener_success) {
			*err = "JSON null, not an object";
		} else {
			snprintf(p->msg, sizeof(p->msg), "malformed JSON (%s)",
			    json_tokener_error_desc(e));
			*err = p->msg;
			*at = bom + json_tokener_get_parse_end(p->tok);
			fresh_tokener(p);
		}
		return NULL;
	}
	if (!json_object_is_type(obj, json_type_object)) {
		*err = not_object(obj);
		json_object_put(obj);
		return NULL;
	}
	if ((why = bad_number(obj, line, len)) != NULL) {
		*err = why;
		json_object_put(obj);
		return NULL;
	}
	return obj;
}

size_t
rec_count_values(struct json_object *v)
{
	size_t n = 1, i, k;

	switch (json_object_get_type(v)) {
	case json_type_array:
		k = json_object_array_length(v);
		for (i = 0; i < k; i++)
			n += rec_count_values(json_object_array_get_idx(v, i));
		break;
	case json_type_object: {
		json_object_object_foreach(v, key, val) {
			(void)key;
			n += rec_count_values(val);
		}
		break;
	}
	default:
		break;
	}
	return n;
}

int
rec_fits(const struct rec_pos *pos, size_t len, size_t values)
{
	if (values > kh_run.max_values) {
		rec_bad(pos, "record would have more than %zu values (see "
		    "--max-values); skipped", kh_run.max_values);
		return 0;
	}
	if (len > kh_run.max_line) {
		rec_bad(pos, "record would be longer than %zu bytes (see "
		    "--max-line); skipped", kh_run.max_line);
		return 0;
	}
	return 1;
}

const char *
rec_str(struct json_object *o, const char *key, size_t *len)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v) ||
	    !json_object_is_type(v, json_type_string))
		return NULL;
	if (len != NULL)
		*len = json_object_get_string_len(v);
	return json_object_get_string(v);
}
