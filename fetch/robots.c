/*
 * robots.c: robots.txt after RFC 9309.
 *
 * Only the groups that concern us are kept: those naming our product
 * token, or, when none does, those for "*".  Several groups for the same
 * agent count as one.  Rules are compared by the length of their
 * pattern; '*' matches any run of bytes and a final '$' anchors the end.
 *
 * The file is the server's to write, so each question is answered in
 * bounded time: rules are kept longest first, so the first that matches
 * decides; a pattern is matched piece by piece (the runs between its
 * stars), each piece at its leftmost place after the one before, found
 * with Knuth-Morris-Pratt, so one rule costs O(pattern + path) whatever
 * the bytes; paths are judged up to ROBOTS_PATH_MAX bytes; and one
 * question stops after WORK_MAX steps.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "khobor.h"
#include "robots.h"

/* A step of matching: a byte compared or a table entry made.  Enough
 * for a file of thousands of wildcard rules against paths of thousands
 * of bytes (tens of milliseconds); beyond it the path is taken as
 * disallowed, the answer that keeps us away rather than in. */
#define WORK_MAX ((size_t)1 << 25)

struct rule {
	char *pat;	/* normalised (norm()), runs of '*' as one, no final
			 * '$' */
	size_t plen;
	size_t len;	/* the normalised length as written: ranks rules */
	int allow;
	int anchored;	/* it ended in '$' */
};

struct ruleset {
	struct rule *v;
	size_t n, cap;
	size_t piece;	/* the longest run between stars */
	int disallows;	/* some rule is a Disallow */
	double delay;	/* -1: none */
	int seen;	/* some group matched */
};

struct robots {
	struct ruleset set;
	int all;	/* robots_all(): 1 allow, 0 deny, -1 parsed rules */
};

/* Keep pattern pat (len bytes, normalised).  A pattern of more than
 * ROBOTS_PATH_MAX bytes other than '*' and the final '$' can match no
 * path we judge, so it is dropped: a line of megabytes costs nothing
 * when asking. */
static void
add_rule(struct ruleset *s, const char *pat, size_t len, int allow)
{
	struct rule *ru;
	size_t i, n = 0, lit = 0, run = 0;
	char *p;

	for (i = 0; i < len; i++)
		lit += pat[i] != '*';
	if (len > 0 && pat[len - 1] == '$')
		lit--;
	if (lit > ROBOTS_PATH_MAX)
		return;
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = kh_realloc(s->v, s->cap * sizeof(*s->v));
	}
	ru = &s->v[s->n++];
	ru->len = len;
	ru->allow = allow;
	s->disallows |= !allow;
	ru->anchored = len > 0 && pat[len - 1] == '$';
	if (ru->anchored)
		len--;
	p = ru->pat = kh_malloc(len + 1);
	for (i = 0; i < len; i++) {
		if (pat[i] == '*') {
			if (n > 0 && p[n - 1] == '*')
				continue;	/* "**" is "*" */
			run = 0;
		} else if (++run > s->piece) {
			s->piece = run;
		}
		p[n++] = pat[i];
	}
	p[n] = '\0';
	ru->plen = n;
}

/* Longest first; of two as long, Allow first (it wins a tie). */
static int
rule_cmp(const void *a, const void *b)
{
	const struct rule *x = a, *y = b;

	if (x->len != y->len)
		return x->len < y->len ? 1 : -1;
	return y->allow - x->allow;
}

static void
free_set(struct ruleset *s)
{
	size_t i;

	for (i = 0; i < s->n; i++)
		free(s->v[i].pat);
	free(s->v);
	memset(s, 0, sizeof(*s));
	s->delay = -1;
}

/* One form for patterns and paths alike: bytes outside printable ASCII
 * percent-encoded, hex digits of escapes in upper case.  out has room
 * for 3 * len + 1. */
static size_t
norm(const char *s, size_t len, char *out)
{
	static const char hex[] = "0123456789ABCDEF";
	const unsigned char *p = (const unsigned char *)s;
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		if (p[i] == '%' && i + 2 < len && isxdigit(p[i + 1]) &&
		    isxdigit(p[i + 2])) {
			out[o++] = '%';
			out[o++] = toupper(p[i + 1]);
			out[o++] = toupper(p[i + 2]);
			i += 2;
		} else if (p[i] <= ' ' || p[i] >= 0x7f) {
			out[o++] = '%';
			out[o++] = hex[p[i] >> 4];
			out[o++] = hex[p[i] & 15];
		} else {
			out[o++] = p[i];
		}
	}
	out[o] = '\0';
	return o;
}

/* Where needle (k bytes) first occurs in hay (n bytes), or -1:
 * Knuth-Morris-Pratt, at most 2k + 2n steps whatever the bytes, counted
 * in *work; -1 too when they pass WORK_MAX.  fail has room for k. */
static long
find(const char *needle, size_t k, const char *hay, size_t n, size_t *fail,
    size_t *work)
{
	size_t i, b;

	if (k == 0)
		return 0;
	if (k > n)
		return -1;
	/* fail[i]: the longest proper prefix of needle[0..i] that also
	 * ends there. */
	fail[0] = 0;
	for (i = 1, b = 0; i < k; i++) {
		while (b > 0 && needle[i] != needle[b])
			b = fail[b - 1];
		if (needle[i] == needle[b])
			b++;
		fail[i] = b;
	}
	*work += 2 * k;
	for (i = 0, b = 0; i < n; i++) {
		while (b > 0 && hay[i] != needle[b])
			b = fail[b - 1];
		if (hay[i] == needle[b] && ++b == k)
			return (long)(i + 1 - k);
		if ((*work += 2) > WORK_MAX)
			return -1;
	}
	return -1;
}

/* Does rule ru match the start of path (n bytes), or all of it when
 * anchored?  The pieces between stars are taken in order, each at its
 * leftmost place after the one before: if any placement works, that one
 * does, as it leaves the most path to those after.  An anchored last
 * piece must end the path. */
static int
match(const struct rule *ru, const char *path, size_t n, size_t *fail,
    size_t *work)
{
	const char *p = ru->pat, *end = p + ru->plen, *star;
	size_t at, k;
	long pos;

	*work += ru->plen;	/* the memchr()s */
	star = memchr(p, '*', end - p);
	k = (star != NULL ? star : end) - p;
	if (k > n || memcmp(p, path, k) != 0)
		return 0;	/* the first piece starts the path */
	if (star == NULL)
		return !ru->anchored || k == n;
	at = k;
	for (p = star + 1; (star = memchr(p, '*', end - p)) != NULL;
	    p = star + 1) {
		k = star - p;
		if ((pos = find(p, k, path + at, n - at, fail, work)) < 0)
			return 0;
		at += pos + k;
	}
	k = end - p;
	*work += k;
	if (ru->anchored)
		return n - at >= k && memcmp(path + n - k, p, k) == 0;
	return find(p, k, path + at, n - at, fail, work) >= 0;
}

/* Is the user-agent value v (len bytes) our product token? */
static int
agent_is(const char *v, size_t len, const char *agent)
{
	size_t n = 0, alen = strlen(agent);

	while (n < len && v[n] != ' ' && v[n] != '/' && v[n] != '\t')
		n++;
	return n == alen && n > 0 && strncasecmp(v, agent, n) == 0;
}

static int
key_is(const char *k, size_t len, const char *name)
{
	return strlen(name) == len && strncasecmp(k, name, len) == 0;
}

struct robots *
robots_parse(const char *txt, size_t len, const char *agent)
{
	struct ruleset mine = { .delay = -1 }, star = { .delay = -1 };
	struct robots *r = kh_malloc(sizeof(*r));
	const char *p, *end, *eol, *colon, *hash, *k, *v;
	size_t klen, vlen;
	int in_agents = 0, g_mine = 0, g_star = 0;
	char *buf;

	if (len > ROBOTS_MAX_SIZE)
		len = ROBOTS_MAX_SIZE;
	buf = kh_malloc(3 * len + 1);
	end = txt + len;
	if (len >= 3 && memcmp(txt, "\xef\xbb\xbf", 3) == 0)
		txt += 3;	/* a byte order mark */
	for (p = txt; p < end; p = eol + 1) {
		if ((eol = memchr(p, '\n', end - p)) == NULL)
			eol = end;
		k = p;
		if ((colon = memchr(k, ':', eol - k)) == NULL)
			continue;
		v = colon + 1;
		/* Value: blanks and a comment trimmed. */
		vlen = eol - v;
		if ((hash = memchr(v, '#', vlen)) != NULL)
			vlen = hash - v;
		while (vlen > 0 && (*v == ' ' || *v == '\t')) {
			v++;
			vlen--;
		}
		while (vlen > 0 && strchr(" \t\r", v[vlen - 1]) != NULL)
			vlen--;
		while (k < colon && (*k == ' ' || *k == '\t'))
			k++;
		klen = colon - k;
		while (klen > 0 && (k[klen - 1] == ' ' || k[klen - 1] == '\t'))
			klen--;
		if (key_is(k, klen, "user-agent")) {
			if (!in_agents)
				g_mine = g_star = 0;
			in_agents = 1;
			if (vlen == 1 && *v == '*')
				g_star = 1;
			else if (agent_is(v, vlen, agent))
				g_mine = 1;
			if (g_mine)
				mine.seen = 1;
			if (g_star)
				star.seen = 1;
			continue;
		}
		if (key_is(k, klen, "allow") || key_is(k, klen, "disallow")) {
			int allow = key_is(k, klen, "allow");
			size_t n;

			in_agents = 0;
			if (vlen == 0)
				continue;	/* "Disallow:" allows all */
			n = norm(v, vlen, buf);
			if (g_mine)
				add_rule(&mine, buf, n, allow);
			if (g_star)
				add_rule(&star, buf, n, allow);
		} else if (key_is(k, klen, "crawl-delay")) {
			char num[32], *e;
			double d;

			in_agents = 0;
			if (vlen == 0 || vlen >= sizeof(num))
				continue;
			memcpy(num, v, vlen);
			num[vlen] = '\0';
			d = strtod(num, &e);
			if (*e != '\0' || !(d >= 0 && d < 86400))
				continue;
			if (g_mine)
				mine.delay = d;
			if (g_star)
				star.delay = d;
		} else if (!key_is(k, klen, "sitemap")) {
			in_agents = 0;	/* another rule of the group */
		}
	}
	free(buf);
	if (mine.n > 0)
		qsort(mine.v, mine.n, sizeof(*mine.v), rule_cmp);
	if (star.n > 0)
		qsort(star.v, star.n, sizeof(*star.v), rule_cmp);
	if (mine.seen) {
		r->set = mine;
		free_set(&star);
	} else {
		r->set = star;
		free_set(&mine);
	}
	r->all = -1;
	return r;
}

struct robots *
robots_all(int allow)
{
	struct robots *r = kh_malloc(sizeof(*r));

	memset(r, 0, sizeof(*r));
	r->set.delay = -1;
	r->all = allow != 0;
	return r;
}

void
robots_free(struct robots *r)
{
	if (r == NULL)
		return;
	free_set(&r->set);
	free(r);
}

int
robots_allowed(const struct robots *r, const char *path)
{
	size_t i, n, work = 0, *fail, len = strlen(path);
	int allow = 1;
	char *buf;

	if (r->all >= 0)
		return r->all || strcmp(path, "/robots.txt") == 0;
	if (strcmp(path, "/robots.txt") == 0 || !r->set.disallows)
		return 1;
	if (len > ROBOTS_PATH_MAX)
		return 0;	/* normalised, it is no shorter */
	buf = kh_malloc(3 * len + 1);
	fail = kh_malloc((r->set.piece + 1) * sizeof(*fail));
	if ((n = norm(path, len, buf)) > ROBOTS_PATH_MAX)
		allow = 0;
	/* Longest first: the first rule to match is the one. */
	for (i = 0; n <= ROBOTS_PATH_MAX && i < r->set.n; i++) {
		if (match(&r->set.v[i], buf, n, fail, &work)) {
			allow = r->set.v[i].allow;
			break;
		}
		if (work > WORK_MAX) {
			allow = 0;
			break;
		}
	}
	free(fail);
	free(buf);
	return allow;
}

double
robots_delay(const struct robots *r)
{
	return r->set.delay;
}
