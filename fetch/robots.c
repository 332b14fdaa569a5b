/*
 * robots.c: robots.txt after RFC 9309.
 *
 * Only the groups that concern us are kept: those naming our product
 * token, or, when none does, those for "*".  Several groups for the same
 * agent count as one.  Rules are compared by the length of their
 * pattern; '*' matches any run of bytes and a final '$' anchors the end.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "khobor.h"
#include "robots.h"

struct rule {
	char *pat;	/* normalised: see norm() */
	size_t len;
	int allow;
};

struct ruleset {
	struct rule *v;
	size_t n, cap;
	double delay;	/* -1: none */
	int seen;	/* some group matched */
};

struct robots {
	struct ruleset set;
	int all;	/* robots_all(): 1 allow, 0 deny, -1 parsed rules */
};

static void
add_rule(struct ruleset *s, const char *pat, size_t len, int allow)
{
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 16;
		s->v = kh_realloc(s->v, s->cap * sizeof(*s->v));
	}
	s->v[s->n].pat = kh_malloc(len + 1);
	memcpy(s->v[s->n].pat, pat, len);
	s->v[s->n].pat[len] = '\0';
	s->v[s->n].len = len;
	s->v[s->n].allow = allow;
	s->n++;
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

/* Does pattern pat (with '*' and a final '$') match the start of path,
 * or all of it when anchored?  Greedy with one backtrack point: linear
 * for patterns with no '*', O(n*m) at worst. */
static int
match(const char *pat, size_t plen, const char *path)
{
	const char *star = NULL, *resume = NULL;
	int anchored = plen > 0 && pat[plen - 1] == '$';
	size_t i = 0;

	if (anchored)
		plen--;
	for (;;) {
		if (i == plen) {
			if (!anchored || *path == '\0')
				return 1;
		} else if (pat[i] == '*') {
			star = pat + ++i;
			resume = path;
			continue;
		} else if (*path != '\0' && pat[i] == *path) {
			i++;
			path++;
			continue;
		}
		/* Mismatch: let the last '*' take one more byte. */
		if (star == NULL || *resume == '\0')
			return 0;
		path = ++resume;
		i = star - pat;
	}
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
	size_t i, best = 0, len = strlen(path);
	int allow = 1, found = 0;
	char *buf;

	if (r->all >= 0)
		return r->all || strcmp(path, "/robots.txt") == 0;
	if (strcmp(path, "/robots.txt") == 0 || r->set.n == 0)
		return 1;
	buf = kh_malloc(3 * len + 1);
	norm(path, len, buf);
	for (i = 0; i < r->set.n; i++) {
		const struct rule *ru = &r->set.v[i];

		if (found && (ru->len < best || (ru->len == best &&
		    (allow || !ru->allow))))
			continue;
		if (!match(ru->pat, ru->len, buf))
			continue;
		found = 1;
		best = ru->len;
		allow = ru->allow;
	}
	free(buf);
	return allow;
}

double
robots_delay(const struct robots *r)
{
	return r->set.delay;
}
