/*
 * links: the URLs a page names, one record each: the items of a feed,
 * the URLs and child sitemaps of a sitemap, the sitemaps of a
 * robots.txt, the articles and feeds of an HTML home or section page.
 *
 * Each record fetch wrote is read for what its body is (sniff.c), by
 * the reader for it (feed.c, sitemap.c, page.c); emit.c writes what
 * they find.  A failed fetch, an unchanged page (304) and an article
 * have nothing to read: they are counted, not written on.
 */
#include <errno.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "links.h"

enum {
	OPT_ANY_SITE = KH_OPT_OWN, OPT_SAME_SITE, OPT_INCLUDE, OPT_EXCLUDE,
	OPT_LIMIT, OPT_MAX_AGE, OPT_MAX_DEPTH
};

static struct kh_url *canon;

static void
write_text(const char *text, size_t len)
{
	rec_write_text(text, len);
}

/* A host in Bangladesh (.bd): BST there is +06:00. */
static int
host_bd(const char *url)
{
	const char *h = strstr(url, "://"), *e;

	if (h == NULL)
		return 0;
	h += 3;
	e = h + strcspn(h, "/:?#");
	while (e > h && e[-1] == '.')
		e--;
	return e - h >= 3 && strncasecmp(e - 3, ".bd", 3) == 0;
}

static const char *const what_name[] = { "a feed", "a feed", "a feed",
	"a sitemap", "JSON", "a robots.txt", "a list of URLs", "an HTML page",
	"neither" };

static void
one(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	struct source s = { .pos = pos, .write = write_text, .canon = canon };
	struct json_object *v;
	const char *body, *kind;
	size_t len, start;
	enum body b;
	long n;

	(void)arg;
	if ((s.url = rec_str(rec, "final_url", NULL)) == NULL ||
	    *s.url == '\0')
		s.url = rec_str(rec, "url", NULL);
	if (s.url == NULL || *s.url == '\0') {
		rec_bad(pos, "no url; skipped");
		return;
	}
	if (json_object_object_get_ex(rec, "error", NULL)) {
		links_count.failed++;
		return;
	}
	if (json_object_object_get_ex(rec, "kind", &v) &&
	    !json_object_is_type(v, json_type_string)) {
		rec_bad(pos, "kind: not a string; skipped");
		return;
	}
	kind = rec_str(rec, "kind", NULL);
	if (kind != NULL && strcmp(kind, "article") == 0) {
		links_count.articles_in++;
		return;
	}
	if (!json_object_object_get_ex(rec, "html", &v)) {
		if (json_object_object_get_ex(rec, "status", &v) &&
		    json_object_get_int(v) == 304) {
			links_count.unchanged++;
			return;
		}
		rec_bad(pos, "no html and no error: nothing to read; skipped");
		return;
	}
	if (!json_object_is_type(v, json_type_string)) {
		rec_bad(pos, "html: not a string; skipped");
		return;
	}
	body = json_object_get_string(v);
	len = json_object_get_string_len(v);
	if (json_object_object_get_ex(rec, "depth", &v)) {
		if (!json_object_is_type(v, json_type_int) ||
		    json_object_get_int64(v) < 0) {
			rec_bad(pos, "depth: not a non-negative integer; "
			    "skipped");
			return;
		}
		s.depth = json_object_get_int64(v);
		if (s.depth > 1000000)
			s.depth = 1000000;
	}
	s.site = rec_str(rec, "site", &s.sitelen);
	s.bd = host_bd(s.url);

	/* records.md: a /robots.txt without a kind is of kind robots */
	if (kind == NULL && robots_path(s.url))
		kind = "robots";
	b = sniff(body, len, kind, &start);
	if (b == B_HTML && kind != NULL && (strcmp(kind, "feed") == 0 ||
	    strcmp(kind, "sitemap") == 0 || strcmp(kind, "robots") == 0)) {
		/* an error page, a soft 404, a login wall: not its links */
		src_warn(&s, "of kind %s, but an HTML page: nothing read",
		    kind);
		return;
	}
	if (start > 0)
		src_warn(&s, "%zu bytes of junk before the XML: passed over",
		    start);
	s.type = b <= B_ATOM || b == B_JSON ? S_FEED : b == B_SITEMAP ||
	    b == B_URLS ? S_SITEMAP : b == B_ROBOTS ? S_ROBOTS : S_PAGE;
	src_begin(&s);
	switch (b) {
	case B_RSS: case B_RDF: case B_ATOM:
		n = feed_read(&s, body + start, len - start);
		break;
	case B_SITEMAP:
		n = sitemap_read(&s, body + start, len - start);
		break;
	case B_JSON:
		n = jsonfeed_read(&s, body, len);
		break;
	case B_ROBOTS:
		n = robots_read(&s, body, len);
		break;
	case B_URLS:
		n = sitemap_text_read(&s, body, len);
		break;
	case B_HTML:
		n = page_read(&s, body, len);
		break;
	default:
		n = -1;
	}
	if (n < 0) {
		src_warn(&s, "%s%s%s, but not one links reads: nothing read",
		    what_name[b], kind ? " of kind " : "", kind ? kind : "");
		s.type = S_NTYPES;
	}
	src_end(&s);
	if (s.type < S_NTYPES)
		links_count.sources[s.type]++;
}

/* "2d", "36h", "1w", "90m", "1d12h": a duration in seconds; -1 if not. */
static long
duration(const char *s)
{
	long total = 0, v;
	char *end;

	if (*s == '\0')
		return -1;
	while (*s != '\0') {
		if (*s < '0' || *s > '9')
			return -1;
		errno = 0;
		v = strtol(s, &end, 10);
		if (errno != 0 || v > 100L * 365 * 86400)
			return -1;
		switch (*end) {
		case 's': break;
		case 'm': v *= 60; break;
		case 'h': v *= 3600; break;
		case 'd': v *= 86400; break;
		case 'w': v *= 7 * 86400; break;
		default: return -1;
		}
		total += v;
		if (total > 100L * 365 * 86400)
			return -1;
		s = end + 1;
	}
	return total > 0 ? total : -1;
}

static long
count_arg(const char *opt, const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (*s < '0' || *s > '9' || *end != '\0' || errno != 0)
		kh_die("%s: not a count: %s", opt, s);
	return v;
}

static void
add_regex(regex_t **v, size_t *n, const char *opt, const char *re)
{
	char msg[256];
	int rc;

	*v = kh_realloc(*v, (*n + 1) * sizeof(**v));
	if ((rc = regcomp(&(*v)[*n], re, REG_EXTENDED | REG_NOSUB)) != 0) {
		regerror(rc, &(*v)[*n], msg, sizeof msg);
		kh_die("%s: %s: %s", opt, re, msg);
	}
	(*n)++;
}

static void
option(int c, char *arg)
{
	long v;

	switch (c) {
	case 'v':
		links_opt.verbose++;
		break;
	case OPT_ANY_SITE:
		links_opt.same_site = -1;
		break;
	case OPT_SAME_SITE:
		links_opt.same_site = 1;
		break;
	case OPT_INCLUDE:
		add_regex(&links_opt.include, &links_opt.ninclude,
		    "--include", arg);
		break;
	case OPT_EXCLUDE:
		add_regex(&links_opt.exclude, &links_opt.nexclude,
		    "--exclude", arg);
		break;
	case OPT_LIMIT:
		if ((v = count_arg("--limit", arg)) <= 0)
			kh_die("--limit: not a positive count: %s", arg);
		links_opt.limit = v;
		break;
	case OPT_MAX_AGE:
		if ((v = duration(arg)) < 0)
			kh_die("--max-age: not a duration (2d, 36h, 1w): %s",
			    arg);
		links_opt.max_age = v;
		break;
	case OPT_MAX_DEPTH:
		links_opt.max_depth = count_arg("--max-depth", arg);
		break;
	default:
		kh_usage();
	}
}

/* 1234567 as "1,234,567". */
static const char *
thousands(unsigned long v, char *buf, size_t size)
{
	char digits[32];
	size_t n = snprintf(digits, sizeof digits, "%lu", v), k = 0;

	for (size_t i = 0; i < n && k + 2 < size; i++) {
		if (i > 0 && (n - i) % 3 == 0)
			buf[k++] = ',';
		buf[k++] = digits[i];
	}
	buf[k] = '\0';
	return buf;
}

/* Parts "N word" joined by ", ", those with N > 0 (all if none). */
static void
parts(struct buf *b, const unsigned long *n, const char *const *one,
    const char *const *many, size_t k)
{
	char num[32];
	int first = 1;

	for (size_t i = 0; i < k; i++) {
		if (n[i] == 0)
			continue;
		if (!first)
			buf_add(b, ", ", 2);
		first = 0;
		thousands(n[i], num, sizeof num);
		buf_add(b, num, strlen(num));
		buf_add(b, " ", 1);
		buf_add(b, n[i] == 1 ? one[i] : many[i],
		    strlen(n[i] == 1 ? one[i] : many[i]));
	}
}

static void
summary(void)
{
	static const char *const src1[] = { "feed", "sitemap", "robots.txt",
	    "page" }, *const srcn[] = { "feeds", "sitemaps", "robots.txt",
	    "pages" }, *const url1[] = { "article", "feed", "sitemap",
	    "robots.txt" }, *const urln[] = { "articles", "feeds",
	    "sitemaps", "robots.txt" };
	const struct links_count *c = &links_count;
	unsigned long srcs = 0, urls = 0;
	unsigned long more[9] = { c->failed, c->unchanged, c->articles_in,
	    c->dup, c->again, c->old, c->filtered + c->offsite, c->limited,
	    c->deep };
	static const char *const more1[] = { "failed source skipped",
	    "unchanged (304)", "article not read", "duplicate",
	    "written again with a later lastmod", "older than --max-age",
	    "filtered out", "over --limit",
	    "further source past --max-depth" }, *const moren[] = {
	    "failed sources skipped", "unchanged (304)", "articles not read",
	    "duplicates", "written again with a later lastmod",
	    "older than --max-age", "filtered out", "over --limit",
	    "further sources past --max-depth" };
	struct buf b = { 0 };
	char num[32];

	if (kh_run.quiet)
		return;
	for (int i = 0; i < S_NTYPES; i++)
		srcs += c->sources[i];
	for (int i = 0; i < LK_NKINDS; i++)
		urls += c->urls[i];
	thousands(srcs, num, sizeof num);
	buf_add(&b, num, strlen(num));
	buf_add(&b, srcs == 1 ? " source" : " sources", srcs == 1 ? 7 : 8);
	if (srcs > 0) {
		buf_add(&b, ": ", 2);
		parts(&b, c->sources, src1, srcn, S_NTYPES);
	}
	buf_add(&b, "; ", 2);
	thousands(urls, num, sizeof num);
	buf_add(&b, num, strlen(num));
	buf_add(&b, urls == 1 ? " url" : " urls", urls == 1 ? 4 : 5);
	if (urls > 0) {
		buf_add(&b, " (", 2);
		parts(&b, c->urls, url1, urln, LK_NKINDS);
		buf_add(&b, ")", 1);
	}
	for (int i = 0; i < 9; i++)
		if (more[i] > 0) {
			buf_add(&b, "; ", 2);
			parts(&b, more, more1, moren, 9);
			break;
		}
	buf_add(&b, "", 1);
	kh_warn("%s", b.s);
	free(b.s);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "any-site", no_argument, NULL, OPT_ANY_SITE },
		{ "same-site", no_argument, NULL, OPT_SAME_SITE },
		{ "include", required_argument, NULL, OPT_INCLUDE },
		{ "exclude", required_argument, NULL, OPT_EXCLUDE },
		{ "limit", required_argument, NULL, OPT_LIMIT },
		{ "max-age", required_argument, NULL, OPT_MAX_AGE },
		{ "max-depth", required_argument, NULL, OPT_MAX_DEPTH },
		{ NULL, 0, NULL, 0 }
	};
	static const struct kh_cli cli = {
		.usage = "[-hqv] [--any-site | --same-site] "
		    "[--exclude regex] [--include regex] [--limit n] "
		    "[--max-age duration] [--max-depth n] [--max-line size] "
		    "[--progress] [--strict] [--version] [file ...]",
		.help =
		    "  -v                say more: sources not followed; -vv "
		    "URLs left out,\n"
		    "                    -vvv each link of a page with its "
		    "score\n"
		    "      --same-site   keep every source's URLs to its site "
		    "(registered\n"
		    "                    domain); --any-site: no source's "
		    "(by default an\n"
		    "                    HTML page's articles are)\n"
		    "      --include re  only URLs matching (POSIX ERE; "
		    "repeatable)\n"
		    "      --exclude re  no URL matching (repeatable)\n"
		    "      --limit n     URLs written a source, at most\n"
		    "      --max-age d   leave out what is dated before now - d "
		    "(2d, 36h, 1w)\n"
		    "      --max-depth n no further source from a source this "
		    "deep (4)\n",
		.shortopts = "v",
		.longopts = longopts,
		.opt = option,
	};
	int i;

	i = kh_options(argc, argv, &cli);
	/* Each record's tree is freed before the next is built: keep the
	 * freed heap for it rather than give it back and ask again. */
	mallopt(M_TRIM_THRESHOLD, 64 << 20);
	mallopt(M_TOP_PAD, 16 << 20);
	links_opt.now = time(NULL);
	xml_init();
	canon = kh_url_new();
	kh_run.check_in = 1;
	rec_loop(argv + i, one, NULL);
	summary();
	kh_url_free(canon);
	seen_free();
	return rec_exit();
}
