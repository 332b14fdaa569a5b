/*
 * kind.c: is the page an article?  A linear model over what the page
 * says of itself (schema.org types, og:type, a date and an author in
 * the markup), the words of its address (a dated path, a long slug,
 * "blog", "category", "product") and the shape of its text (how much
 * of it is prose, in one region, in paragraphs; how many headline
 * links).  The weights were fitted on the tuning part of wcxb-dev
 * (bench/clean-eval.sh).  Forum threads and listings among the rest are
 * told by their markup and address.
 */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "kind.h"

/* What the address says: flags of its path's words. */
enum {
	U_ROOT = 1, U_DATE = 2, U_ARTICLE = 4, U_LIST = 8, U_PRODUCT = 16,
	U_FORUM = 32, U_DOCS = 64, U_ID = 128, U_SERVICE = 256,
	U_DOCHOST = 512
};

struct url_words {
	unsigned flags;
	unsigned depth;		/* path segments */
	unsigned slug;		/* words in the last segment */
};

static int
seg_is(const char *s, size_t n, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strlen(*words) == n && strncasecmp(s, *words, n) == 0)
			return 1;
	return 0;
}

static void
url_words(const char *url, struct url_words *u)
{
	static const char *const article[] = { "blog", "blogs", "news",
	    "article", "articles", "post", "posts", "story", "stories",
	    "insights", "resources", "guide", "guides", "learn", "magazine",
	    "journal", "opinion", "features", "feature", "editorial",
	    "explainers", "explainer", "analysis", "column", "columns",
	    "research", "knowledge", "tips", "how-to", "advice", NULL };
	static const char *const list[] = { "category", "categories", "tag",
	    "tags", "topic", "topics", "collections", "collection", "c",
	    "browse", "search", "hub", "section", "sections", "archive",
	    "archives", "page", "latest", "all", "list", "lists", "issues",
	    "shop", "department", "catalog", "catpage", NULL };
	static const char *const product[] = { "product", "products", "p",
	    "dp", "itm", "item", "listing", "store", "pdp", "buy", NULL };
	static const char *const forum[] = { "forum", "forums", "thread",
	    "threads", "t", "viewtopic.php", "showthread.php", "comments",
	    "community", "discussion", "discussions", "questions", "r",
	    "board", "boards", "talk", NULL };
	static const char *const docs[] = { "docs", "doc", "documentation",
	    "manual", "reference", "api", "wiki", "help", "support", "kb",
	    "developer", "developers", "tutorial", "tutorials", NULL };
	static const char *const service[] = { "services", "service",
	    "solutions", "solution", "consulting", "pricing", "about",
	    "about-us", "contact", "contact-us", "company", "careers",
	    "industries", "features", "why-us", "testimonials", "hire",
	    "agency", "platform", "tools", NULL };
	static const char *const dochosts[] = { "docs.", "doc.",
	    "developer.", "developers.", "learn.", "wiki.", "api.",
	    "help.", "support.", NULL };
	const char *p, *end, *seg, *last = NULL;
	size_t lastn = 0;
	int prev_year = 0;

	memset(u, 0, sizeof *u);
	if (url == NULL || (p = strstr(url, "://")) == NULL)
		return;
	p += 3;
	if (strncmp(p, "www.", 4) == 0)
		p += 4;
	for (const char *const *h = dochosts; *h != NULL; h++)
		if (strncmp(p, *h, strlen(*h)) == 0)
			u->flags |= U_DOCHOST;
	p += strcspn(p, "/?#");
	end = p + strcspn(p, "?#");
	for (seg = p; seg < end; ) {
		size_t n;
		int digits = 1;

		while (seg < end && *seg == '/')
			seg++;
		n = (size_t)(memchr(seg, '/', (size_t)(end - seg)) != NULL ?
		    (const char *)memchr(seg, '/', (size_t)(end - seg)) - seg :
		    end - seg);
		if (n == 0)
			break;
		u->depth++;
		for (size_t i = 0; i < n; i++)
			if (!isdigit((unsigned char)seg[i]))
				digits = 0;
		if (digits && n == 4 && (seg[0] == '1' || seg[0] == '2'))
			prev_year = 1;
		else if (digits && n <= 2 && prev_year)
			u->flags |= U_DATE;
		else
			prev_year = 0;
		if (digits && n >= 5)
			u->flags |= U_ID;
		if (seg_is(seg, n, article))
			u->flags |= U_ARTICLE;
		if (seg_is(seg, n, list))
			u->flags |= U_LIST;
		if (seg_is(seg, n, product))
			u->flags |= U_PRODUCT;
		if (seg_is(seg, n, forum))
			u->flags |= U_FORUM;
		if (seg_is(seg, n, docs))
			u->flags |= U_DOCS;
		if (seg_is(seg, n, service))
			u->flags |= U_SERVICE;
		last = seg;
		lastn = n;
		seg += n;
	}
	if (u->depth == 0) {
		u->flags |= U_ROOT;
		return;
	}
	/* "2024-08-17" or "20240817" in the path is a date too */
	for (const char *q = p; q + 8 <= end; q++)
		if ((q[0] == '1' || q[0] == '2') && isdigit((unsigned char)q[1])
		    && isdigit((unsigned char)q[2]) &&
		    isdigit((unsigned char)q[3]) && q[4] == '-' &&
		    isdigit((unsigned char)q[5]) &&
		    isdigit((unsigned char)q[6]) && q[7] == '-' &&
		    q + 10 <= end && isdigit((unsigned char)q[8])) {
			u->flags |= U_DATE;
			break;
		}
	/* the slug: words of the last segment, its extension left out */
	if (last != NULL) {
		unsigned words = 0;
		int in = 0;

		for (size_t i = 0; i < lastn && last[i] != '.'; i++) {
			int alpha = isalpha((unsigned char)last[i]) ||
			    (unsigned char)last[i] >= 0x80 || last[i] == '%';

			if (alpha && !in)
				words++;
			in = alpha || isdigit((unsigned char)last[i]);
		}
		u->slug = words;
	}
}

#define NF 44

/* What the title's words say: a headline ("How ...", "10 best ...",
 * a question) or a page's name ("Services", "Pricing"). */
static void
title_words(const char *t, double *f)
{
	static const char *const head[] = { "how ", "what ", "why ",
	    "when ", "best ", "top ", "guide", "tips", "ways ", "vs",
	    "review", "things", "ideas", NULL };
	static const char *const page[] = { "services", "service",
	    "solutions", "company", "agency", "consulting", "pricing",
	    "documentation", "docs", "reference", "shop", "buy", "store",
	    "products", "forum", "sale", NULL };
	unsigned words = 0;
	int in = 0, digit = 0, question = 0, h = 0, pg = 0;
	char low[256];
	size_t i;

	f[0] = f[1] = f[2] = f[3] = 0;
	if (t == NULL)
		return;
	for (i = 0; t[i] != '\0' && i + 1 < sizeof low; i++) {
		unsigned char c = (unsigned char)t[i];

		low[i] = (char)tolower(c);
		if (isdigit(c))
			digit = 1;
		if (c == '?')
			question = 1;
		if (c != ' ' && !in)
			words++;
		in = c != ' ';
	}
	low[i] = '\0';
	for (const char *const *w = head; *w != NULL; w++)
		if (strstr(low, *w) != NULL)
			h = 1;
	for (const char *const *w = page; *w != NULL; w++)
		if (strstr(low, *w) != NULL)
			pg = 1;
	f[0] = words >= 12 ? 1 : words / 12.0;
	f[1] = digit || question;
	f[2] = h;
	f[3] = pg;
}

static double
lg(double x)
{
	return log(1 + x);
}

/* The model's inputs. */
static void
features(const struct page_signals *s, const char *url, double *f)
{
	struct url_words u;
	double text = s->text ? s->text : 1;

	url_words(url, &u);
	f[0] = 1;
	f[1] = s->ld_article;
	f[2] = s->ld_product;
	f[3] = s->ld_list;
	f[4] = s->ld_forum;
	f[5] = s->ld_site;
	f[6] = s->og_article;
	f[7] = s->og_product;
	f[8] = s->og_website;
	f[9] = s->dated;
	f[10] = s->author;
	f[11] = (u.flags & U_ROOT) != 0;
	f[12] = (u.flags & U_DATE) != 0;
	f[13] = (u.flags & U_ARTICLE) != 0;
	f[14] = (u.flags & U_LIST) != 0;
	f[15] = (u.flags & U_PRODUCT) != 0;
	f[16] = (u.flags & U_FORUM) != 0;
	f[17] = (u.flags & U_DOCS) != 0;
	f[18] = u.slug >= 4 ? 1 : u.slug / 4.0;
	f[19] = (double)s->good / text;
	f[20] = s->good ? (double)s->region_good / s->good : 0;
	f[21] = lg(s->paras) / 4;
	f[22] = (double)s->link / text;
	f[23] = lg(s->heads) / 4;
	f[24] = (u.flags & U_SERVICE) != 0;
	f[25] = (u.flags & U_DOCHOST) != 0;
	f[26] = (u.flags & U_ID) != 0;
	f[27] = lg(s->codes) / 4;
	f[28] = s->paras ? lg((double)s->region_good / s->paras) / 6 : 0;
	f[29] = lg(s->heads2) / 4;
	f[30] = lg(s->controls) / 4;
	f[31] = lg(s->times) / 4;
	title_words(s->title, f + 32);
	{
		double w = s->words ? s->words : 1;

		f[36] = lg(s->words) / 8;
		f[37] = 10.0 * s->we / w;
		f[38] = 10.0 * s->i / w;
		f[39] = 10.0 * s->you / w;
		f[40] = 10.0 * s->third / w;
		f[41] = 10.0 * s->numbers / w;
		f[42] = 10.0 * s->money / w;
		f[43] = (double)s->region_text / text;
	}
}

/* Fitted on the tuning part of wcxb-dev: article against the rest. */
static const double weights[NF] = {
	-3.799, 0.610, -0.576, -0.201, -0.696, -0.117,
	0.784, -0.496, -0.243, 0.509, 0.564, -0.267,
	0.461, 1.104, -0.315, -0.220, -0.827, -0.547,
	1.234, 0.682, 0.398, 0.455, -0.307, 0.319,
	-0.368, -0.471, -0.308, -0.635, 0.848, -0.040,
	-0.687, -0.312, 0.497, 0.439, 0.933, -0.227,
	0.250, -0.237, -0.097, -0.065, 0.091, -0.369,
	-0.130, 0.336
};

enum page_kind
page_kind(const struct page_signals *s, const char *url)
{
	double f[NF], z = 0;
	struct url_words u;

	features(s, url, f);
	if (getenv("KH_KIND_DEBUG") != NULL) {
		char buf[NF * 12], *b = buf;

		for (int i = 0; i < NF; i++)
			b += snprintf(b, sizeof buf - (size_t)(b - buf),
			    "%s%.4g", i ? "," : "", f[i]);
		kh_warn("features: %s", buf);
	}
	for (int i = 0; i < NF; i++)
		z += weights[i] * f[i];
	if (z > 0)
		return KIND_ARTICLE;
	url_words(url, &u);
	if (s->ld_forum || (u.flags & U_FORUM))
		return KIND_FORUM;
	if (s->ld_list || (u.flags & (U_LIST | U_ROOT)))
		return KIND_LISTING;
	return KIND_OTHER;
}

const char *
page_kind_name(enum page_kind k)
{
	static const char *const names[] = { "article", "forum", "listing",
	    "other" };

	return names[k];
}
