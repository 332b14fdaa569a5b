/*
 * check.c: one record against docs/records.md.
 *
 * Each known field must have its documented type and form; mentions in
 * dates and entities must point at their surface text with code-point
 * offsets.  Unknown fields are the business of other programs and pass.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "check.h"

struct ctx {
	struct json_object *rec;
	check_report *report;
	void *arg;
	int n;
};

static void
problem(struct ctx *c, const char *field, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
problem(struct ctx *c, const char *field, const char *fmt, ...)
{
	char msg[256];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	c->report(c->arg, field, msg);
	c->n++;
}

static const char *
type_name(struct json_object *v)
{
	switch (json_object_get_type(v)) {
	case json_type_null:
		return "null";
	case json_type_boolean:
		return "a boolean";
	case json_type_int:
	case json_type_double:
		return "a number";
	case json_type_string:
		return "a string";
	case json_type_array:
		return "an array";
	default:
		return "an object";
	}
}

/* --- small parsers over NUL-terminated text ------------------------- */

static int
digits(const char **p, int n, int allow_x, int *val)
{
	int v = 0, x = 0;

	for (int i = 0; i < n; i++) {
		char ch = (*p)[i];
		if (ch >= '0' && ch <= '9')
			v = v * 10 + (ch - '0');
		else if (allow_x && ch == 'X')
			x = 1;
		else
			return -1;
	}
	*p += n;
	*val = x ? -1 : v;	/* -1: unknown (X) */
	return 0;
}

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
days_in(int y, int m)
{
	static const int d[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (m == 2 && (y < 0 || leap(y)))
		return 29;
	return d[m - 1];
}

/* YYYY-MM-DD; X for unknown digits where allow_x. */
static int
ymd(const char **p, int allow_x, const char **why)
{
	int y, m, d;

	if (digits(p, 4, allow_x, &y) < 0 || *(*p)++ != '-' ||
	    digits(p, 2, allow_x, &m) < 0 || *(*p)++ != '-' ||
	    digits(p, 2, allow_x, &d) < 0)
		return *why = "not a date of the form YYYY-MM-DD", -1;
	if (m == 0 || m > 12)
		return *why = "month out of range", -1;
	if (d == 0 || d > (m > 0 ? days_in(y, m) : 31))
		return *why = "day out of range", -1;
	return 0;
}

/* hh:mm[:ss[.fff]] */
static int
hms(const char **p, const char **why)
{
	int h, m, s = 0;

	if (digits(p, 2, 0, &h) < 0 || *(*p)++ != ':' ||
	    digits(p, 2, 0, &m) < 0)
		return *why = "not a time of the form hh:mm[:ss]", -1;
	if (**p == ':') {
		(*p)++;
		if (digits(p, 2, 0, &s) < 0)
			return *why = "bad seconds", -1;
		if (**p == '.') {
			(*p)++;
			if (**p < '0' || **p > '9')
				return *why = "bad fraction of a second", -1;
			while (**p >= '0' && **p <= '9')
				(*p)++;
		}
	}
	if (h > 24 || m > 59 || s > 60 || (h == 24 && (m || s)))
		return *why = "time out of range", -1;
	return 0;
}

/* Z or +hh:mm / -hh:mm */
static int
offset(const char **p, const char **why)
{
	int h, m;

	if (**p == 'Z') {
		(*p)++;
		return 0;
	}
	if (**p != '+' && **p != '-')
		return 0;
	(*p)++;
	if (digits(p, 2, 0, &h) < 0 || *(*p)++ != ':' ||
	    digits(p, 2, 0, &m) < 0 || h > 23 || m > 59)
		return *why = "bad UTC offset (want Z or +hh:mm)", -1;
	return 1;
}

/* ISO 8601 date or date-time: YYYY-MM-DD[Thh:mm[:ss[.f]][Z|+hh:mm]].
 * need_utc: RFC 3339 in UTC, seconds and Z required. */
int
check_datetime(const char *s, int need_utc, const char **why)
{
	const char *p = s;

	if (ymd(&p, 0, why) < 0)
		return -1;
	if (*p == '\0' && !need_utc)
		return 0;
	if (*p != 'T')
		return *why = need_utc ? "not RFC 3339 "
		    "(want YYYY-MM-DDThh:mm:ssZ)" : "junk after the date", -1;
	p++;
	if (hms(&p, why) < 0)
		return -1;
	if (need_utc && (p - s < 19 || *p != 'Z'))
		return *why = "not RFC 3339 in UTC (want YYYY-MM-DDThh:mm:ssZ)",
		    -1;
	if (offset(&p, why) < 0)
		return -1;
	if (*p != '\0')
		return *why = "junk after the time", -1;
	return 0;
}

/* --- TIMEX3 values ---------------------------------------------------- */

enum vform { V_BAD, V_REF, V_DATE, V_DATETIME, V_DURATION, V_INTERVAL };

/* A date value: YYYY, YYY (decade), YY (century), YYYY-MM, YYYY-MM-DD,
 * YYYY-Www[-D|-WE], YYYY-Qn, YYYY-Hn, YYYY-SP|SU|FA|WI; X for unknown
 * digits.  Returns 1 if a full YYYY-MM-DD (a time may follow). */
static int
date_value(const char **p, const char **why)
{
	const char *q = *p, *start = *p;
	int y, v, n = 0;

	while ((q[n] >= '0' && q[n] <= '9') || q[n] == 'X')
		n++;
	if (n < 2 || n > 4)
		return *why = "a date value starts with 2 to 4 year digits", -1;
	digits(p, n, 1, &y);
	if (n < 4 || **p != '-')
		return 0;
	(*p)++;
	if (**p == 'W') {
		(*p)++;
		if (digits(p, 2, 1, &v) < 0 || v == 0 || v > 53)
			return *why = "bad week number (want W01..W53)", -1;
		if (**p != '-')
			return 0;
		(*p)++;
		if (strncmp(*p, "WE", 2) == 0) {
			*p += 2;
			return 0;
		}
		if (digits(p, 1, 1, &v) < 0 || v == 0 || v > 7)
			return *why = "bad day of the week (want 1..7)", -1;
		return 0;
	}
	if (**p == 'Q' || **p == 'H') {
		int top = **p == 'Q' ? 4 : 2;
		(*p)++;
		if (digits(p, 1, 1, &v) < 0 || v == 0 || v > top)
			return *why = "bad quarter or half", -1;
		return 0;
	}
	if (strncmp(*p, "SP", 2) == 0 || strncmp(*p, "SU", 2) == 0 ||
	    strncmp(*p, "FA", 2) == 0 || strncmp(*p, "WI", 2) == 0) {
		*p += 2;
		return 0;
	}
	if (digits(p, 2, 1, &v) < 0 || v == 0 || v > 12)
		return *why = "bad month (want 01..12)", -1;
	if (**p != '-')
		return 0;
	*p = start;	/* back to the year: check the whole date */
	if (ymd(p, 1, why) < 0)
		return -1;
	return 1;
}

/* A date or date-time value; sets *form. */
static int
point_value(const char **p, enum vform *form, const char **why)
{
	static const char *parts[] = { "MO", "MI", "AF", "EV", "NI", "DT" };
	int full = date_value(p, why);

	if (full < 0)
		return -1;
	*form = V_DATE;
	if (**p != 'T')
		return 0;
	if (!full)
		return *why = "a time needs a full date (YYYY-MM-DDT...)", -1;
	(*p)++;
	*form = V_DATETIME;
	for (size_t i = 0; i < sizeof(parts) / sizeof(parts[0]); i++)
		if (strncmp(*p, parts[i], 2) == 0) {
			*p += 2;
			return 0;
		}
	if (hms(p, why) < 0)
		return -1;
	return offset(p, why) < 0 ? -1 : 0;
}

/* PnYnMnWnDTnHnMnS; n digits (with a decimal part) or X. */
static int
duration_value(const char *p, const char **why)
{
	const char *units = "YMWD";
	int any = 0, time = 0;

	p++;	/* P */
	while (*p) {
		if (*p == 'T' && !time) {
			time = 1, units = "HMS", p++;
			continue;
		}
		if (*p == 'X') {
			p++;
		} else if (*p >= '0' && *p <= '9') {
			while (*p >= '0' && *p <= '9')
				p++;
			if (*p == '.') {
				p++;
				if (*p < '0' || *p > '9')
					return *why = "bad decimal in duration", -1;
				while (*p >= '0' && *p <= '9')
					p++;
			}
		} else {
			return *why = "bad duration (want e.g. P1Y, PT3H)", -1;
		}
		const char *u = strchr(units, *p);
		if (*p == '\0' || u == NULL)
			return *why = "bad duration unit", -1;
		units = u + 1;	/* units come in order, each once */
		p++;
		any = 1;
	}
	if (!any || p[-1] == 'T')
		return *why = "empty duration", -1;
	return 0;
}

/* Is start (n bytes) no later than end?  Only asked where the two are
 * written alike (digits in the same places, no X), so that comparing
 * them as text compares the times. */
static int
in_order(const char *start, size_t n, const char *end)
{
	size_t i;

	for (i = 0; i < n && end[i]; i++) {
		int da = start[i] >= '0' && start[i] <= '9';
		int db = end[i] >= '0' && end[i] <= '9';
		if (da != db || (!da && start[i] != end[i]))
			return 1;	/* not comparable: no verdict */
		if (start[i] != end[i])
			return start[i] < end[i];
	}
	return 1;
}

static enum vform
value_form(const char *s, const char **why)
{
	enum vform a, b;
	const char *p = s, *slash;

	if (strcmp(s, "PRESENT_REF") == 0 || strcmp(s, "PAST_REF") == 0 ||
	    strcmp(s, "FUTURE_REF") == 0)
		return V_REF;
	if (s[0] == 'P')
		return duration_value(s, why) < 0 ? V_BAD : V_DURATION;
	if (point_value(&p, &a, why) < 0)
		return V_BAD;
	if (*p == '\0')
		return a;
	if (*p != '/')
		return *why = "junk after the value", V_BAD;
	slash = p++;
	if (point_value(&p, &b, why) < 0)
		return V_BAD;
	if (*p != '\0')
		return *why = "junk after the value", V_BAD;
	if (!in_order(s, slash - s, slash + 1))
		return *why = "interval ends before it starts", V_BAD;
	return a == V_DATETIME || b == V_DATETIME ? V_DATETIME : V_INTERVAL;
}

int
check_value(const char *s, const char *kind, const char **why)
{
	enum vform f = value_form(s, why);

	if (f == V_BAD)
		return -1;
	if (kind == NULL)
		return 0;
	if (strcmp(kind, "date") == 0) {
		if (f == V_REF || f == V_DATE || f == V_INTERVAL)
			return 0;
	} else if (strcmp(kind, "datetime") == 0 || strcmp(kind, "time") == 0) {
		if (f == V_DATETIME)
			return 0;
	} else if (strcmp(kind, "duration") == 0) {
		if (f == V_DURATION)
			return 0;
	} else if (strcmp(kind, "set") == 0) {
		if (f != V_REF)
			return 0;
	} else {
		return *why = "unknown kind (date, datetime, time, duration, "
		    "set)", -1;
	}
	return *why = "value does not fit its kind", -1;
}

/* --- BCP 47 ----------------------------------------------------------- */

/* A subtag: 1..8 letters and digits; *alpha, *digit say what it holds. */
static size_t
subtag(const char *s, int *alpha, int *digit)
{
	size_t n = 0;

	*alpha = *digit = 0;
	for (;; n++) {
		char ch = s[n] | 0x20;
		if (ch >= 'a' && ch <= 'z')
			*alpha = 1;
		else if (s[n] >= '0' && s[n] <= '9')
			*digit = 1;
		else
			return n;
	}
}

/* Well-formed per RFC 5646 section 2.1 (the irregular grandfathered
 * tags aside):
 *   language ["-" script] ["-" region] *("-" variant)
 *   *("-" singleton 1*("-" 2*8alnum)) ["-" "x" 1*("-" 1*8alnum)]
 * or a private-use tag "x-..." alone. */
int
check_lang(const char *s)
{
	enum { LANG, EXTLANG, LANGLONG, SCRIPT, REGION, VARIANT, EXT,
	    EXTBODY, PRIV, PRIVBODY } st;
	int a, d, extlangs = 0;
	size_t n;

	n = subtag(s, &a, &d);
	if (n == 1 && (*s | 0x20) == 'x')
		st = PRIV;
	else if (n >= 2 && n <= 8 && !d)
		st = n <= 3 ? LANG : LANGLONG;	/* 4..8 letters: no extlang */
	else
		return -1;
	for (s += n; *s; s += n) {
		if (*s++ != '-')
			return -1;
		n = subtag(s, &a, &d);
		if (n == 0 || n > 8)
			return -1;
		if (st == PRIV || st == PRIVBODY) {
			st = PRIVBODY;
		} else if (n == 1) {
			if (st == EXT)
				return -1;	/* a singleton needs a subtag */
			st = (*s | 0x20) == 'x' ? PRIV : EXT;
		} else if (st == EXT || st == EXTBODY) {
			st = EXTBODY;
		} else if (st <= EXTLANG && n == 3 && !d && extlangs < 3) {
			st = EXTLANG, extlangs++;
		} else if (st <= LANGLONG && n == 4 && !d) {
			st = SCRIPT;
		} else if (st <= SCRIPT && ((n == 2 && !d) || (n == 3 && !a))) {
			st = REGION;
		} else if (st <= VARIANT && (n >= 5 || (n == 4 && s[0] >= '0' &&
		    s[0] <= '9'))) {
			st = VARIANT;
		} else {
			return -1;
		}
	}
	return st == EXT || st == PRIV ? -1 : 0;
}

/* --- fields -------------------------------------------------------------- */

static struct json_object *
want(struct ctx *c, const char *field, enum json_type t, const char *tname)
{
	struct json_object *v;

	if (!json_object_object_get_ex(c->rec, field, &v))
		return NULL;
	if (!json_object_is_type(v, t)) {
		problem(c, field, "want %s, got %s", tname, type_name(v));
		return NULL;
	}
	return v;
}

static const char *
want_string(struct ctx *c, const char *field, int nonempty)
{
	struct json_object *v = want(c, field, json_type_string, "a string");

	if (v == NULL)
		return NULL;
	if (nonempty && json_object_get_string_len(v) == 0) {
		problem(c, field, "empty");
		return NULL;
	}
	return json_object_get_string(v);
}

static void
check_url(struct ctx *c, const char *field, int required)
{
	const char *s = want_string(c, field, 1), *p;

	if (s == NULL) {
		if (required && !json_object_object_get_ex(c->rec, field, NULL))
			problem(c, field, "missing (every record has one)");
		return;
	}
	p = s;
	if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
		while (((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') ||
		    (*p >= '0' && *p <= '9') || *p == '+' || *p == '-' ||
		    *p == '.')
			p++;
	if (p == s || *p != ':')
		problem(c, field, "not an absolute URL (no scheme:)");
	for (p = s; *p; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f) {
			problem(c, field, "URL holds a space or control "
			    "character");
			break;
		}
}

static void
check_time_field(struct ctx *c, const char *field, int need_utc)
{
	const char *s = want_string(c, field, 1), *why;

	if (s != NULL && check_datetime(s, need_utc, &why) < 0)
		problem(c, field, "%s: %s", s, why);
}

/* Code points in UTF-8 text (already known to be valid). */
static size_t
cp_count(const char *s, size_t n)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++)
		k += ((unsigned char)s[i] & 0xc0) != 0x80;
	return k;
}

/* Byte offset of code point cp, walking on from a cursor (mentions come
 * mostly in order, so this is linear for sorted arrays). */
struct cursor {
	const char *s;
	size_t len, cps;	/* bytes, code points */
	size_t cp, byte;	/* where the walk stands */
};

static size_t
cp_to_byte(struct cursor *k, size_t cp)
{
	if (cp < k->cp)
		k->cp = k->byte = 0;
	while (k->cp < cp && k->byte < k->len) {
		k->byte++;
		while (k->byte < k->len &&
		    ((unsigned char)k->s[k->byte] & 0xc0) == 0x80)
			k->byte++;
		k->cp++;
	}
	return k->byte;
}

/* At most max bytes of s, not splitting a character. */
static size_t
utf8_cut(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

static int
get_offset(struct ctx *c, struct json_object *m, const char *path,
    const char *name, size_t *out)
{
	struct json_object *v;
	char f[96];
	int64_t n;

	snprintf(f, sizeof(f), "%s.%s", path, name);
	if (!json_object_object_get_ex(m, name, &v)) {
		problem(c, f, "missing");
		return -1;
	}
	if (!json_object_is_type(v, json_type_int)) {
		problem(c, f, "want an integer, got %s", type_name(v));
		return -1;
	}
	n = json_object_get_int64(v);
	if (n < 0) {
		problem(c, f, "negative");
		return -1;
	}
	*out = (size_t)n;
	return 0;
}

static const char *
mention_string(struct ctx *c, struct json_object *m, const char *path,
    const char *name, int required)
{
	struct json_object *v;
	char f[96];

	snprintf(f, sizeof(f), "%s.%s", path, name);
	if (!json_object_object_get_ex(m, name, &v)) {
		if (required)
			problem(c, f, "missing");
		return NULL;
	}
	if (!json_object_is_type(v, json_type_string)) {
		problem(c, f, "want a string, got %s", type_name(v));
		return NULL;
	}
	if (json_object_get_string_len(v) == 0) {
		problem(c, f, "empty");
		return NULL;
	}
	return json_object_get_string(v);
}

static const char *
one_of(const char *s, const char *const *set)
{
	for (; *set; set++)
		if (strcmp(s, *set) == 0)
			return *set;
	return NULL;
}

/* What a date or an entity adds to a mention. */
static void
check_date_extra(struct ctx *c, struct json_object *m, const char *path)
{
	static const char *const mods[] = { "BEFORE", "AFTER", "ON_OR_BEFORE",
	    "ON_OR_AFTER", "LESS_THAN", "MORE_THAN", "EQUAL_OR_LESS",
	    "EQUAL_OR_MORE", "START", "MID", "END", "APPROX", NULL };
	static const char *const kinds[] = { "date", "datetime", "time",
	    "duration", "set", NULL };
	const char *value = mention_string(c, m, path, "value", 1);
	const char *kind = mention_string(c, m, path, "kind", 1);
	const char *mod = mention_string(c, m, path, "mod", 0), *why;
	char f[96];

	snprintf(f, sizeof(f), "%s.kind", path);
	if (kind != NULL && one_of(kind, kinds) == NULL) {
		problem(c, f, "%s: want date, datetime, time, duration or set",
		    kind);
		kind = NULL;
	}
	snprintf(f, sizeof(f), "%s.value", path);
	if (value != NULL && check_value(value, kind, &why) < 0)
		problem(c, f, "%s: %s", value, why);
	snprintf(f, sizeof(f), "%s.mod", path);
	if (mod != NULL && one_of(mod, mods) == NULL)
		problem(c, f, "%s: not a TIMEX3 mod", mod);
}

static void
check_entity_extra(struct ctx *c, struct json_object *m, const char *path)
{
	static const char *const types[] = { "PER", "LOC", "ORG", NULL };
	const char *type = mention_string(c, m, path, "type", 1);
	char f[96];

	mention_string(c, m, path, "norm", 1);
	snprintf(f, sizeof(f), "%s.type", path);
	if (type != NULL && one_of(type, types) == NULL)
		problem(c, f, "%s: want PER, LOC or ORG", type);
}

static void
check_mentions(struct ctx *c, const char *field,
    void (*extra)(struct ctx *, struct json_object *, const char *))
{
	static const char *const fields[] = { "title", "text", NULL };
	struct json_object *arr, *m, *target;
	struct cursor cur[2] = { { 0 } };
	const char *fname, *surface;
	size_t n, start, end, flen, a, b;
	char path[64], f[96];
	int which;

	if ((arr = want(c, field, json_type_array, "an array")) == NULL)
		return;
	n = json_object_array_length(arr);
	for (size_t i = 0; i < n; i++) {
		snprintf(path, sizeof(path), "%s[%zu]", field, i);
		m = json_object_array_get_idx(arr, i);
		if (!json_object_is_type(m, json_type_object)) {
			problem(c, path, "want an object, got %s", type_name(m));
			continue;
		}
		extra(c, m, path);
		fname = mention_string(c, m, path, "field", 1);
		surface = mention_string(c, m, path, "text", 1);
		if (get_offset(c, m, path, "start", &start) < 0 ||
		    get_offset(c, m, path, "end", &end) < 0 || fname == NULL)
			continue;
		snprintf(f, sizeof(f), "%s.field", path);
		if (one_of(fname, fields) == NULL) {
			problem(c, f, "%s: want \"title\" or \"text\"", fname);
			continue;
		}
		which = strcmp(fname, "text") == 0;
		if (!json_object_object_get_ex(c->rec, fname, &target) ||
		    !json_object_is_type(target, json_type_string)) {
			problem(c, f, "the record has no string field %s",
			    fname);
			continue;
		}
		if (cur[which].s == NULL) {
			cur[which].s = json_object_get_string(target);
			cur[which].len = json_object_get_string_len(target);
			cur[which].cps = cp_count(cur[which].s,
			    cur[which].len);
		}
		snprintf(f, sizeof(f), "%s.end", path);
		if (end <= start) {
			problem(c, f, "%zu: not after start %zu", end, start);
			continue;
		}
		flen = cur[which].cps;
		if (end > flen) {
			problem(c, f, "%zu: past the end of %s (%zu code "
			    "points)", end, fname, flen);
			continue;
		}
		a = cp_to_byte(&cur[which], start);
		b = cp_to_byte(&cur[which], end);
		snprintf(f, sizeof(f), "%s.text", path);
		/* the length json-c keeps: a surface may hold U+0000 */
		json_object_object_get_ex(m, "text", &target);
		if (surface != NULL && ((size_t)json_object_get_string_len(
		    target) != b - a ||
		    memcmp(surface, cur[which].s + a, b - a) != 0))
			problem(c, f, "%s[%zu:%zu] is \"%.*s\", not \"%s\"",
			    fname, start, end, (int)utf8_cut(cur[which].s + a,
			    b - a, 60), cur[which].s + a, surface);
	}
}

/* What links writes (docs/records.md, "links"). */
static void
check_links(struct ctx *c)
{
	static const char *const kinds[] = { "article", "feed", "sitemap",
	    "robots", NULL };
	static const char *const vias[] = { "rss", "atom", "rdf", "jsonfeed",
	    "sitemap", "news-sitemap", "robots", "html", NULL };
	struct json_object *v;
	const char *s;

	if ((s = want_string(c, "kind", 1)) != NULL && !one_of(s, kinds))
		problem(c, "kind", "%s: want article, feed, sitemap or robots",
		    s);
	if ((s = want_string(c, "via", 1)) != NULL && !one_of(s, vias))
		problem(c, "via", "%s: not a way links finds URLs", s);
	check_url(c, "source", 0);
	check_time_field(c, "lastmod", 0);
	want_string(c, "site", 1);
	if ((v = want(c, "depth", json_type_int, "an integer")) != NULL &&
	    json_object_get_int64(v) < 0)
		problem(c, "depth", "negative");
}

/* A capture reference (unwarc, fetch --warc): the WARC file and the
 * byte offset of the record's gzip member (or record) in it. */
static void
check_capture(struct ctx *c)
{
	struct json_object *v;

	want_string(c, "warc_file", 1);
	if ((v = want(c, "warc_offset", json_type_int, "an integer")) !=
	    NULL && json_object_get_int64(v) < 0)
		problem(c, "warc_offset", "negative");
	if (json_object_object_get_ex(c->rec, "warc_file", NULL) &&
	    !json_object_object_get_ex(c->rec, "warc_offset", NULL))
		problem(c, "warc_file", "without warc_offset");
}

int
check_record(struct json_object *rec, check_report *report, void *arg)
{
	static const char *const strings[] = { "charset",
	    "etag", "last_modified", "html", "title", "text", "author",
	    "description", "site_name", NULL };
	struct ctx c = { rec, report, arg, 0 };
	struct json_object *v;
	const char *s;

	check_url(&c, "url", 1);
	check_url(&c, "final_url", 0);
	check_url(&c, "canonical_url", 0);
	check_time_field(&c, "fetched_at", 1);
	check_time_field(&c, "published", 0);
	check_time_field(&c, "modified", 0);
	for (const char *const *f = strings; *f; f++)
		want_string(&c, *f, 0);
	if ((v = want(&c, "status", json_type_int, "an integer")) != NULL &&
	    (json_object_get_int64(v) < 100 || json_object_get_int64(v) > 599))
		problem(&c, "status", "%s: not an HTTP status (100..599)",
		    json_object_to_json_string(v));
	want(&c, "truncated", json_type_boolean, "a boolean");
	if (want_string(&c, "error", 1) != NULL &&
	    json_object_object_get_ex(rec, "html", NULL))
		problem(&c, "html", "present in a record with an error");
	if ((s = want_string(&c, "lang", 1)) != NULL && check_lang(s) < 0)
		problem(&c, "lang", "%s: not a BCP 47 language tag", s);
	if ((s = want_string(&c, "page_kind", 1)) != NULL &&
	    strcmp(s, "article") != 0 && strcmp(s, "forum") != 0 &&
	    strcmp(s, "listing") != 0 && strcmp(s, "other") != 0)
		problem(&c, "page_kind", "%s: not article, forum, listing or "
		    "other", s);
	if ((s = want_string(&c, "content_type", 1)) != NULL &&
	    strchr(s, '/') == NULL)
		problem(&c, "content_type", "%s: not a media type", s);
	check_mentions(&c, "dates", check_date_extra);
	check_mentions(&c, "entities", check_entity_extra);
	check_links(&c);
	check_capture(&c);
	if ((s = want_string(&c, "story", 1)) != NULL && (strlen(s) != 17 ||
	    s[0] != 's' || strspn(s + 1, "0123456789abcdef") != 16))
		problem(&c, "story", "%s: not s and 16 hex digits", s);
	return c.n;
}
