/*
 * scan.c: rec_parse()'s verdict on a line without building a json-c
 * tree, for a program that keeps a record's text as it is (store).
 *
 * The grammar is json-c 0.16's with JSON_TOKENER_STRICT, as rec_parse()
 * sees it, which is not quite RFC 8259:
 * - whitespace is space, tab, CR and LF (not VT or FF);
 * - a member name may be in single quotes ('a' or 'a"b'); a value not;
 * - raw control bytes (U+0001..U+001F) pass inside strings;
 * - a \u escape is four hex digits; a lone or reversed surrogate passes
 *   (json-c writes U+FFFD for it);
 * - an integer may be 00 or -01 (not 01); NaN, Infinity, -Infinity and
 *   doubles strtod() reads but RFC 8259 does not (1., -.5, 01.5) are
 *   read, and rec_parse() rejects them after;
 * - a value may sit at most 31 containers deep (json_tokener_new()'s
 *   depth of 32 counts the top-level object);
 * - a record holds at most kh_run.max_values values, counted as they
 *   start (rec_parse() counts them so too, here, before json-c);
 * - after the object only whitespace.
 *
 * rec_parse() judges numbers on json-c's tree: one that would not be
 * written back as read (NaN, 1., an integer json-c clamps to 64 bits) is
 * an error only if the tree keeps it, and a later duplicate member name
 * drops it ({"a":NaN,"a":1} passes).  Such numbers are rare, so a line
 * that has one is handed to rec_parse() itself, once its JSON is known
 * to be well formed; every other line is judged here.
 *
 * A line in one of these forms that is not JSON (a single-quoted name,
 * a raw control byte or a lone surrogate escape in a string, an integer
 * with a leading zero, NaN and the like that a duplicate name drops) is
 * flagged lax: rec_scan_strict() writes it anew as strict JSON, as the stages
 * that print json-c's tree do, so that what a program keeping the text
 * writes (store's archive) reads with any JSON reader (jq).
 *
 * One pass: strings are scanned 16 or 8 bytes at a time for the quote,
 * a backslash, a control byte or a byte of a multibyte character, which
 * is checked there (outside strings the grammar allows ASCII only).  A line that
 * fails is looked over again for a NUL and invalid UTF-8, so that it is
 * reported as rec_parse() reports it.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __SSE2__
#include <emmintrin.h>
#endif

#include "khobor.h"

/* The deepest a value may be: json-c's default depth less one. */
#define MAX_DEPTH (JSON_TOKENER_DEFAULT_DEPTH - 1)

struct scan {
	const unsigned char *s;
	size_t len, i;
	const char *err;	/* the first problem; NULL while none */
	size_t at;
	int rare;		/* a number only rec_parse() can judge */
	size_t values, max_values;	/* started so far, the most */
	int too_many;		/* stopped at value max_values + 1 */
	const char *lax;	/* the first form JSON lacks, or NULL */
	struct rec_members *m;	/* the top-level members, or NULL */
};

/* A top-level member begins: its name is s[name, end). */
static void
member_name(struct scan *sc, size_t name, size_t end)
{
	struct rec_members *m = sc->m;

	if (m->n == m->cap)
		m->v = kh_realloc(m->v, (m->cap = m->cap ? 2 * m->cap : 16) *
		    sizeof(*m->v));
	m->v[m->n++] = (struct rec_member){ name, end - name, 0, 0 };
	if (memchr(sc->s + name, '\\', end - name) != NULL)
		m->escaped = 1;
}

/* A form json-c reads and JSON lacks. */
static void
lax(struct scan *sc, const char *why)
{
	if (sc->lax == NULL)
		sc->lax = why;
}

static int
fail(struct scan *sc, const char *err, size_t at)
{
	sc->err = err;
	sc->at = at;
	return -1;
}

static int
incomplete(struct scan *sc)
{
	return fail(sc, "record ends before its JSON is complete", sc->len);
}

static int
ws(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static void
skip_ws(struct scan *sc)
{
	while (sc->i < sc->len && ws(sc->s[sc->i]))
		sc->i++;
}

static int
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static int
hex(unsigned char c)
{
	return is_digit(c) || ((c | 0x20) >= 'a' && (c | 0x20) <= 'f');
}

#define ONES 0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* The bytes of w equal to b, as their high bits (exact: no carries
 * between bytes, unlike the shorter (x - ONES) & ~x test). */
static inline uint64_t
bytes_eq(uint64_t w, uint64_t b)
{
	uint64_t x = w ^ (b * ONES);

	return ~(((x & ~HIGHS) + ~HIGHS) | x) & HIGHS;
}

/* The index of the first byte of a word that m marks. */
static inline size_t
first_byte(uint64_t m)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (size_t)__builtin_clzll(m) / 8;
#else
	return (size_t)__builtin_ctzll(m) / 8;
#endif
}

/* From s[i], the first byte a string's scan must stop at: the quote q,
 * a backslash, a control byte (NUL to U+001F) or a byte of a multibyte
 * character; or n. */
static inline size_t
plain_run(const unsigned char *s, size_t i, size_t n, unsigned char q)
{
	uint64_t w, m;

#ifdef __SSE2__
	const __m128i vq = _mm_set1_epi8((char)q);
	const __m128i vb = _mm_set1_epi8('\\');
	const __m128i vc = _mm_set1_epi8(0x20);
	__m128i v;
	unsigned mm;

	for (; i + 16 <= n; i += 16) {
		v = _mm_loadu_si128((const __m128i *)(s + i));
		mm = (unsigned)_mm_movemask_epi8(_mm_or_si128(
		    _mm_or_si128(_mm_cmpeq_epi8(v, vq), _mm_cmpeq_epi8(v, vb)),
		    _mm_or_si128(_mm_cmplt_epi8(v, vc), v)));
		if (mm != 0)
			return i + (size_t)__builtin_ctz(mm);
	}
#endif
	for (; i + 8 <= n; i += 8) {
		memcpy(&w, s + i, 8);
		/* below 0x20: a byte whose low seven bits plus 0x60 do
		 * not reach 0x80 (bytes with the high bit stop anyway) */
		m = bytes_eq(w, q) | bytes_eq(w, '\\') |
		    (~((w & ~HIGHS) + 0x60 * ONES) & HIGHS) | (w & HIGHS);
		if (m != 0)
			return i + first_byte(m);
	}
	while (i < n && s[i] != q && s[i] != '\\' && s[i] >= 0x20 &&
	    s[i] < 0x80)
		i++;
	return i;
}

/* The length of the well-formed UTF-8 character at s[i] (RFC 3629, as
 * rec_utf8_valid() takes it), or 0. */
static inline size_t
utf8_char(const unsigned char *s, size_t i, size_t n)
{
	unsigned char c = s[i], lo = 0x80, hi = 0xbf;
	size_t need, k;

	if (c >= 0xc2 && c <= 0xdf) {
		need = 1;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 2;
		if (c == 0xe0)
			lo = 0xa0;
		else if (c == 0xed)
			hi = 0x9f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 3;
		if (c == 0xf0)
			lo = 0x90;
		else if (c == 0xf4)
			hi = 0x8f;
	} else {
		return 0;
	}
	if (n - i <= need || s[i + 1] < lo || s[i + 1] > hi)
		return 0;
	for (k = 2; k <= need; k++)
		if ((s[i + k] & 0xc0) != 0x80)
			return 0;
	return need + 1;
}

/* Of four hex digits: 1 a high surrogate (D800-DBFF), 2 a low one
 * (DC00-DFFF), else 0. */
static int
surrogate(const unsigned char *h)
{
	if ((h[0] | 0x20) != 'd')
		return 0;
	switch (h[1] | 0x20) {
	case '8': case '9': case 'a': case 'b':
		return 1;
	case 'c': case 'd': case 'e': case 'f':
		return 2;
	default:
		return 0;
	}
}

/* The string whose opening quote q is at sc->i: past its closing
 * quote.  A backslash takes one of json-c's escapes after it.  A NUL
 * or invalid UTF-8 is an error that rec_scan() then words as
 * rec_parse() does. */
static int
string(struct scan *sc, unsigned char q)
{
	const unsigned char *s = sc->s;
	size_t i = sc->i + 1, n = sc->len, k;

	for (;;) {
		i = plain_run(s, i, n, q);
		if (i >= n)
			return incomplete(sc);
		if (s[i] == q) {
			sc->i = i + 1;
			return 0;
		}
		if (s[i] >= 0x80) {
			/* a run of multibyte characters (Bengali text) */
			do {
				if ((k = utf8_char(s, i, n)) == 0)
					return fail(sc, "invalid UTF-8", i);
				i += k;
			} while (i < n && s[i] >= 0x80);
			continue;
		}
		if (s[i] == 0)
			return fail(sc, "NUL byte", i);
		if (s[i] < 0x20) {	/* raw: json-c takes it, JSON not */
			lax(sc, "a raw control character in a string");
			i++;
			continue;
		}
		if (++i >= n)
			return incomplete(sc);
		switch (s[i]) {
		case '"': case '\\': case '/': case 'b': case 'f': case 'n':
		case 'r': case 't':
			i++;
			break;
		case 'u':
			for (k = 1; k <= 4; k++) {
				if (i + k >= n)
					return incomplete(sc);
				if (!hex(s[i + k]))
					return fail(sc, "malformed JSON (invalid "
					    "string sequence)", i + k);
			}
			/* a surrogate not in a pair: json-c makes it
			 * U+FFFD, some readers (jq 1.6) refuse it */
			k = surrogate(s + i + 1);
			if (k == 1 && i + 10 < n && s[i + 5] == '\\' &&
			    s[i + 6] == 'u' && hex(s[i + 7]) && hex(s[i + 8]) &&
			    hex(s[i + 9]) && hex(s[i + 10]) &&
			    surrogate(s + i + 7) == 2)
				i += 6;	/* the pair's first half */
			else if (k != 0)
				lax(sc, "a lone surrogate escape");
			i += 5;
			break;
		default:
			return fail(sc, "malformed JSON (invalid string "
			    "sequence)", i);
		}
	}
}

/* One of true, false, null, NaN, Infinity at sc->i. */
static int
literal(struct scan *sc, const char *word, const char *err)
{
	size_t k;

	for (k = 0; word[k] != '\0'; k++) {
		if (sc->i + k >= sc->len)
			return incomplete(sc);
		if (sc->s[sc->i + k] != (unsigned char)word[k])
			return fail(sc, err, sc->i + k);
	}
	sc->i += k;
	return 0;
}

/* An integer json-c clamps to 64 bits, or one rec_parse()'s check for
 * that counts as too long: digits d[0..nd), negative or not. */
static int
long_int(const unsigned char *d, size_t nd, int neg)
{
	static const char minabs[] = "9223372036854775808";
	static const char umax[] = "18446744073709551615";
	const char *lim = neg ? minabs : umax;
	size_t nl = neg ? sizeof(minabs) - 1 : sizeof(umax) - 1;

	return nd > nl || (nd == nl && memcmp(d, lim, nl) >= 0);
}

/* Does strtod() read all of s[0..n) (digits, '.', 'e', signs)?  Sets
 * *json when RFC 8259 writes the number so too. */
static int
strtod_reads(const unsigned char *s, size_t n, int *json)
{
	size_t i = 0, a, b = 0, c = 0;

	*json = 1;
	if (i < n && s[i] == '-')
		i++;
	for (a = i; i < n && is_digit(s[i]); i++)
		;
	a = i - a;		/* digits before '.' */
	if (a == 0 || (a > 1 && s[i - a] == '0'))
		*json = 0;
	if (i < n && s[i] == '.') {
		for (b = ++i; i < n && is_digit(s[i]); i++)
			;
		b = i - b;	/* digits after '.' */
		if (b == 0)
			*json = 0;
	}
	if (a + b == 0)
		return 0;
	if (i < n && (s[i] == 'e' || s[i] == 'E')) {
		i++;
		if (i < n && (s[i] == '+' || s[i] == '-'))
			i++;
		for (c = i; i < n && is_digit(s[i]); i++)
			;
		if (i == c)
			return 0;
	}
	return i == n;
}

/* A number at sc->i, as json-c takes one in: the longest run of the
 * characters a number may have in that place, then judged whole. */
static int
number(struct scan *sc, int depth)
{
	const unsigned char *s = sc->s;
	size_t start = sc->i, i = sc->i, n = sc->len;
	int dbl = 0, exp = 0, neg_ok = 1, pos_ok = 0, json;
	unsigned char c;

	for (; i < n; i++) {
		c = s[i];
		if (is_digit(c)) {
			neg_ok = pos_ok = 0;
		} else if ((c == 'e' || c == 'E') && !exp) {
			exp = dbl = 1;
			neg_ok = pos_ok = 1;
		} else if (c == '.' && !dbl) {
			dbl = 1;
			neg_ok = pos_ok = 1;
		} else if ((c == '-' && neg_ok) || (c == '+' && pos_ok)) {
			neg_ok = pos_ok = 0;
		} else {
			break;
		}
	}
	if (i == n && depth > 0)
		return incomplete(sc);
	if (i < n && depth > 0 && !ws(s[i]) && s[i] != ',' && s[i] != ']' &&
	    s[i] != '}' && s[i] != '/' && s[i] != 'I' && s[i] != 'i')
		return fail(sc, "malformed JSON (number expected)", i);
	if (i - start == 1 && s[start] == '-' && i < n &&
	    (s[i] == 'I' || s[i] == 'i')) {
		sc->i = i;
		if (literal(sc, "Infinity", "malformed JSON (unexpected "
		    "character)") < 0)
			return -1;
		sc->rare = 1;
		lax(sc, "NaN or Infinity");
		return 0;
	}
	sc->i = i;
	if (dbl) {
		if (!strtod_reads(s + start, i - start, &json))
			return fail(sc, "malformed JSON (number expected)", i);
		if (!json) {
			sc->rare = 1;
			lax(sc, "a number JSON lacks (1., .5)");
		}
		return 0;
	}
	c = s[start] == '-';
	if (i - start == c)
		return fail(sc, "malformed JSON (number expected)", i);
	if (!c && s[start] == '0') {
		/* json-c takes 00 and -01, not 01 */
		for (size_t k = start; k < i; k++)
			if (s[k] != '0')
				return fail(sc, "malformed JSON (number "
				    "expected)", i);
	}
	if (s[start + c] == '0' && i - start - c > 1)
		lax(sc, "an integer with a leading zero (00, -01)");
	if (long_int(s + start + c, i - start - c, c))
		sc->rare = 1;
	return 0;
}

/* A scalar value (not an object or array) at sc->i. */
static int
scalar(struct scan *sc, int depth)
{
	switch (sc->s[sc->i]) {
	case '"':
		return string(sc, '"');
	case 't':
		return literal(sc, "true", "malformed JSON (boolean expected)");
	case 'f':
		return literal(sc, "false",
		    "malformed JSON (boolean expected)");
	case 'n':
		return literal(sc, "null", "malformed JSON (null expected)");
	case 'N':
		sc->rare = 1;
		lax(sc, "NaN or Infinity");
		return literal(sc, "NaN", "malformed JSON (null expected)");
	case 'I':
		sc->rare = 1;
		lax(sc, "NaN or Infinity");
		return literal(sc, "Infinity",
		    "malformed JSON (unexpected character)");
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		return number(sc, depth);
	default:
		return fail(sc, "malformed JSON (unexpected character)", sc->i);
	}
}

/*
 * The one value of the line: an explicit stack of the open containers
 * ('}' or ']'), so a deep line costs no recursion.  Returns the first
 * byte of the value (what kind it is), or -1.
 */
static int
value(struct scan *sc)
{
	char open[MAX_DEPTH + 1];
	int depth = 0, top = -1;
	unsigned char c;
	size_t k;

next_value:
	skip_ws(sc);
	if (sc->i >= sc->len)
		return incomplete(sc);
	if (++sc->values > sc->max_values) {
		sc->too_many = 1;
		return fail(sc, "too many values", sc->i);
	}
	if (depth > MAX_DEPTH)
		return fail(sc, "malformed JSON (nesting too deep)", sc->i);
	c = sc->s[sc->i];
	if (top < 0)
		top = c;
	else if (depth == 1 && sc->m != NULL && top == '{')
		sc->m->v[sc->m->n - 1].value = sc->i;
	if (c == '{' || c == '[') {
		open[depth++] = c == '{' ? '}' : ']';
		sc->i++;
		skip_ws(sc);
		if (sc->i >= sc->len)
			return incomplete(sc);
		if (sc->s[sc->i] == open[depth - 1]) {
			sc->i++;
			depth--;
			goto after_value;
		}
		if (c == '[')
			goto next_value;
		goto member;
	}
	if (scalar(sc, depth) < 0)
		return -1;

after_value:
	if (depth == 1 && sc->m != NULL && top == '{') {
		struct rec_member *v = &sc->m->v[sc->m->n - 1];
		v->valuelen = sc->i - v->value;
	}
	skip_ws(sc);
	if (depth == 0) {
		if (sc->i < sc->len)
			return fail(sc, "malformed JSON (unexpected "
			    "character)", sc->i);
		return top;
	}
	if (sc->i >= sc->len)
		return incomplete(sc);
	c = sc->s[sc->i];
	if (c == open[depth - 1]) {
		sc->i++;
		depth--;
		goto after_value;
	}
	if (c != ',')
		return fail(sc, open[depth - 1] == '}' ?
		    "malformed JSON (object value separator ',' expected)" :
		    "malformed JSON (array value separator ',' expected)",
		    sc->i);
	sc->i++;
	skip_ws(sc);
	if (sc->i >= sc->len)
		return incomplete(sc);
	if (open[depth - 1] == ']')
		goto next_value;

member:
	/* json-c takes a name in single quotes too */
	c = sc->s[sc->i];
	if (c != '"' && c != '\'')
		return fail(sc, "malformed JSON (quoted object property name "
		    "expected)", sc->i);
	k = sc->i;
	if (c == '\'')
		lax(sc, "a name in single quotes");
	if (string(sc, c) < 0)
		return -1;
	if (depth == 1 && sc->m != NULL)
		member_name(sc, k + 1, sc->i - 1);
	skip_ws(sc);
	if (sc->i >= sc->len)
		return incomplete(sc);
	if (sc->s[sc->i] != ':')
		return fail(sc, "malformed JSON (object property name "
		    "separator ':' expected)", sc->i);
	sc->i++;
	goto next_value;
}

static const char *
not_object(int c)
{
	switch (c) {
	case '[':
		return "a JSON array, not an object";
	case '"':
		return "a JSON string, not an object";
	case 't':
	case 'f':
		return "a JSON boolean, not an object";
	case 'n':
		return "JSON null, not an object";
	default:
		return "a JSON number, not an object";
	}
}

static struct rec_parser *
parser(void)
{
	static struct rec_parser *p;

	if (p == NULL)
		p = rec_parser_new();
	return p;
}

/* The rare line: rec_parse()'s own verdict. */
static int
judge(const char *line, size_t len, int first, const char **err, long *at)
{
	struct json_object *obj;

	obj = rec_parse(parser(), line, len, first, err, at);
	if (obj == NULL)
		return -1;
	json_object_put(obj);
	return 1;
}

int
rec_scan(const char *line, size_t len, int first, const char **err,
    long *at, const char **text, size_t *tlen)
{
	return rec_scan_members(line, len, first, err, at, text, tlen, NULL);
}

int
rec_scan_members(const char *line, size_t len, int first, const char **err,
    long *at, const char **text, size_t *tlen, struct rec_members *m)
{
	struct scan sc = { 0 };
	const char *nul, *s = line;
	size_t bom = 0, n = len, bad, k;
	int top;

	*err = NULL;
	*at = -1;
	if (first && n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		bom = 3;
	s += bom, n -= bom;
	if (n > 0 && s[n - 1] == '\r')
		n--;
	*text = s;
	*tlen = n;
	for (k = 0; k < n && (s[k] == ' ' || s[k] == '\t' || s[k] == '\r'); k++)
		;
	if (k == n)
		return 0;	/* blank */
	sc.s = (const unsigned char *)s;
	sc.len = n;
	sc.max_values = kh_run.max_values;
	if ((sc.m = m) != NULL)
		m->n = 0, m->escaped = 0, m->lax = NULL;
	if ((top = value(&sc)) < 0) {
		/* A NUL or invalid UTF-8 anywhere is what rec_parse()
		 * reports first; a line that scans well has neither. */
		if ((nul = memchr(s, '\0', n)) != NULL) {
			*err = "NUL byte (not allowed in JSON text)";
			*at = bom + (nul - s);
		} else if ((bad = rec_utf8_valid((const unsigned char *)s,
		    n)) < n) {
			*err = "invalid UTF-8";
			*at = bom + bad;
		} else if (sc.too_many) {
			static char msg[96];

			snprintf(msg, sizeof(msg), REC_TOO_MANY_VALUES,
			    sc.max_values);
			*err = msg;
		} else {
			*err = sc.err;
			*at = bom + sc.at;
		}
		return -1;
	}
	if (top != '{') {
		*err = not_object(top);
		return -1;
	}
	if (m != NULL)
		m->lax = sc.lax;
	if (sc.rare)
		return judge(line, len, first, err, at);
	return 1;
}

/* At least as many as the values in s[0..n), whatever it holds: each
 * value but the first comes after a '[', ',' or ':' (those in strings
 * counted too). */
static size_t
values_bound(const unsigned char *s, size_t n)
{
	size_t v = 1, i = 0;

#ifdef __SSE2__
	const __m128i vc = _mm_set1_epi8(','), vk = _mm_set1_epi8(':');
	const __m128i vb = _mm_set1_epi8('[');
	__m128i x;

	for (; i + 16 <= n; i += 16) {
		x = _mm_loadu_si128((const __m128i *)(s + i));
		v += (size_t)__builtin_popcount((unsigned)_mm_movemask_epi8(
		    _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(x, vc),
		    _mm_cmpeq_epi8(x, vk)), _mm_cmpeq_epi8(x, vb))));
	}
#endif
	for (; i < n; i++)
		v += s[i] == ',' || s[i] == ':' || s[i] == '[';
	return v;
}

int
rec_values_over(const char *s, size_t n, size_t max)
{
	struct scan sc = { 0 };

	/* v values take 2v - 1 bytes at least: each its own first byte,
	 * and all but the first elements of arrays a ',' or ':' before;
	 * a page of HTML has far fewer ',', ':' and '[' than bytes */
	if (n / 2 < max || values_bound((const unsigned char *)s, n) <= max)
		return 0;
	sc.s = (const unsigned char *)s;
	sc.len = n;
	sc.max_values = max;
	(void)value(&sc);
	return sc.too_many;
}

const struct rec_member *
rec_member_get(const struct rec_members *m, const char *text,
    const char *name)
{
	size_t n = strlen(name);

	for (size_t i = m->n; i-- > 0;)
		if (m->v[i].namelen == n &&
		    memcmp(text + m->v[i].name, name, n) == 0)
			return &m->v[i];
	return NULL;
}

int
rec_scan_strict(const char *line, size_t len, int first, const char **err,
    long *at, const char **text, size_t *tlen, struct rec_members *m)
{
	struct json_object *obj;
	FILE *f;
	int v;

	v = rec_scan_members(line, len, first, err, at, text, tlen, m);
	if (v != 1 || !m->lax)
		return v;
	/* json-c's tree of it, printed as every stage prints a record */
	if ((obj = rec_parse(parser(), line, len, first, err, at)) == NULL)
		return -1;	/* rec_scan_members() said it would parse */
	free(m->buf);
	m->buf = NULL;
	if ((f = open_memstream(&m->buf, &m->buflen)) == NULL)
		kh_die("open_memstream:");
	rec_print(f, obj);
	json_object_put(obj);
	if (fclose(f) != 0)
		kh_die("open_memstream:");
	v = rec_scan_members(m->buf, m->buflen - 1, 0, err, at, text, tlen,
	    m);
	if (v == 1 && m->lax) {	/* json-c wrote what JSON lacks */
		*err = "cannot be written as strict JSON";
		*at = -1;
		return -1;
	}
	return v;
}

void
rec_members_free(struct rec_members *m)
{
	free(m->v);
	free(m->buf);
	memset(m, 0, sizeof(*m));
}
