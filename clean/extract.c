/*
 * extract.c: the main text of a page, Readability's way with
 * trafilatura's and jusText's cues.
 *
 * One pass over the tree gives every element its text length, link
 * text length, punctuation and paragraph count (text nodes are read
 * once, never copied).  Paragraph-like elements then vote for their
 * ancestors; the best-scored container and its siblings that look like
 * article text are written out, block by block, leaving out what is
 * boilerplate inside them (related lists, share bars, captions, "read
 * more" lines).  Metadata lives in meta.c.
 *
 * Every walk over the tree is a loop over parent/next pointers, never a
 * recursion: a page nested 10,000 deep costs time, not stack.
 */
#define _GNU_SOURCE	/* strcasestr */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include "khobor.h"
#include "extract.h"
#include "meta.h"
#include "dateline.h"
#include "kind.h"
#include "textmode.h"

/* What the walk knows of one element. */
struct nstat {
	unsigned text;		/* code points of non-space text below */
	unsigned link;		/* of which inside <a> */
	unsigned punct;		/* commas and sentence ends below */
	unsigned own;		/* text in the element's own text nodes */
	unsigned ownp;		/* punctuation in them */
	unsigned paras;		/* <p> elements below */
	unsigned btext;		/* text inside blocks below it */
	unsigned blink;		/* of which inside <a> */
	unsigned good;		/* text of prose blocks below: see measure */
	unsigned head;		/* text of headings below */
	unsigned ilink;		/* of the link text, links within the site */
	unsigned short cards;	/* children that are teaser cards */
	unsigned short items;	/* children with text */
	unsigned all;		/* text below, what is dropped by a guess too */
	unsigned alllink;	/* of which inside <a> */
	unsigned char drop;	/* not part of the text: D_ */
	unsigned char scored;	/* has a score */
	signed char weight;	/* class/id hint: -1, 0, +1, +2 */
	unsigned char hints;	/* H_ flags from class and id */
	double score;
};

/* What an element's class and id say, read once. */
enum {
	H_KILL = 1,		/* boilerplate: comments, related, share */
	H_MAYBE = 2,		/* may hold the article all the same */
	H_WEAK = 4,		/* a weak kill: sidebar, promo */
	H_HEAD = 8,		/* the article's head: title, time, reporter */
	H_COMMENT = 16,		/* comments: boilerplate but in a forum */
	H_TEASER = 32,		/* a list of teasers: cards linking away */
	H_EDGE = 64		/* the article's tail: author bio, copyright */
};

/* Why an element is dropped. */
enum {
	D_NEVER = 1,		/* never text: script, style, form fields */
	D_GUESS = 2		/* chrome by its tag, class or hiding */
};

/* Elements dropped by a guess that hold most of the page are kept:
 * at most this many (they nest, each holding more than half). */
#define KEEP_MAX 16

struct tree {
	struct nstat *st;
	size_t n, cap;
	const xmlNode *keep[KEEP_MAX];
	size_t nkeep;
	int page;		/* not an article: the page's items all */
	int forum;		/* a thread: comments are its text */
	int comments;		/* comments hold most of the page */
	char host[256];		/* the page's host without "www." */
};

#define ST(t, node) (&(t)->st[(uintptr_t)(node)->_private - 1])
#define HAS_ST(node) ((node)->type == XML_ELEMENT_NODE && \
	(node)->_private != NULL)

static int
tag_in(const xmlNode *n, const char *const *names)
{
	if (n->type != XML_ELEMENT_NODE || n->name == NULL)
		return 0;
	for (; *names != NULL; names++)
		if (strcmp((const char *)n->name, *names) == 0)
			return 1;
	return 0;
}

/* Elements whose content is never article text. */
static const char *const never_tags[] = {
	"script", "style", "iframe", "svg", "select", "input", "textarea",
	"object", "embed", "canvas", "map", "head", "title", "meta", "link",
	"video", "audio", NULL
};

/* Elements that are the page's chrome, not its text, unless they hold
 * most of the page: a <div> left open in a <header> or <button> puts
 * the rest of the page inside it (libxml2 does not close it at
 * </header> as a browser does), a <noscript> or <template> may be the
 * page itself. */
static const char *const chrome_tags[] = {
	"noscript", "nav", "header", "footer", "aside", "button",
	"template", "dialog", "menu", "label", NULL
};

/* Block elements: each starts a new line in the text. */
static const char *const block_tags[] = {
	"p", "div", "section", "article", "main", "h1", "h2", "h3", "h4",
	"h5", "h6", "ul", "ol", "li", "dl", "dt", "dd", "table", "tr",
	"blockquote", "pre", "hr", "figure", "figcaption", "address",
	"center", "fieldset", "details", "summary", "caption", "tbody",
	"thead", "tfoot", NULL
};

static const char *const heading_tags[] = {
	"h1", "h2", "h3", "h4", "h5", "h6", NULL
};

/* A block of at least this much text outside links is prose. */
#define PROSE_MIN 40
/* What the rest of a region costs against its prose. */
#define REGION_LAMBDA 1.0
/* The share of the page's text in the region of a page that is no
 * article. */
#define PAGE_SHARE 0.75

/* Does s (lowercased) hold any of words? */
static int
has_word(const char *s, const char *const *words)
{
	for (; *words != NULL; words++)
		if (strstr(s, *words) != NULL)
			return 1;
	return 0;
}

static const char *const neg_hints[] = {
	"comment", "related", "share", "sharing", "social", "sidebar",
	"footer", "masthead", "banner", "advert", "sponsor", "promo",
	"newsletter", "subscri", "popular", "trending", "recommend",
	"outbrain", "taboola", "breadcrumb", "byline", "author", "caption",
	"credit", "widget", "menu", "tags", "tag-", "topics", "keyword",
	"more-news", "morenews", "read-more", "readmore", "also-read",
	"alsoread", "more-stories", "most-read", "mostread", "latest",
	"gdpr", "cookie", "consent", "modal", "popup", "signup",
	"login", "pagination", "pager", "rating", "print", "meta", "hidden",
	"disclaimer", "copyright", "skip", "toolbar", "tools", "follow",
	"whatsapp", "facebook", "twitter", "ad-", "ads-", "-ad", "-ads",
	"dfp", "google_ad", "scroll", "next-", "prev-", "nav", "jump",
	"inline-related", "rel-", "contact", "disqus", "reply", "feedback",
	NULL
};

static const char *const pos_hints[] = {
	"article", "content", "entry", "main", "post", "story", "body",
	"text", "detail", "news-", "blog", "hentry", "h-entry", "prose",
	"reading", "column", NULL
};

/* Hints that make even a good score suspect (the whole block is
 * boilerplate, however long). */
static const char *const kill_hints[] = {
	"related", "share", "social", "sidebar", "newsletter",
	"subscri", "popular", "trending", "recommend", "outbrain",
	"taboola", "breadcrumb", "byline", "caption", "most-read",
	"mostread", "also-read", "alsoread", "read-more", "readmore",
	"more-news", "more-stories", "cookie", "consent", "gdpr",
	"inline-related", "advert", "promo", "sponsor", "follow", NULL
};

/* Comments: boilerplate of an article, the text of a forum thread. */
static const char *const comment_hints[] = {
	"comment", "disqus", NULL
};

/* Small blocks so named are the article's head, not its text. */
static const char *const head_hints[] = {
	"title", "headline", "kicker", "dateline", "date", "time",
	"reporter", "rpt-", "writer", "published", "updated", NULL
};

/* Small blocks so named close an article without being its text. */
static const char *const edge_hints[] = {
	"author-bio", "authorbio", "author_bio", "about-author",
	"about-the-author", "author-box", "authorbox", "author-info",
	"copyright", "disclaimer", "cta-", "-cta", "call-to-action", NULL
};

/* class and id of n joined, lowercase matching done by has_word. */
static size_t
class_id(const xmlNode *n, char *buf, size_t sz)
{
	size_t len = 0;

	buf[0] = '\0';
	for (const xmlAttr *a = n->properties; a != NULL; a = a->next) {
		const char *an = (const char *)a->name;

		if (strcmp(an, "class") != 0 && strcmp(an, "id") != 0 &&
		    strcmp(an, "itemprop") != 0 && strcmp(an, "role") != 0)
			continue;
		if (a->children == NULL || a->children->content == NULL)
			continue;
		const char *v = (const char *)a->children->content;
		size_t vl = strlen(v);

		/* room for a byte of it, its space and the NUL; a value
		 * that filled buf leaves none for the next */
		if (len + 2 >= sz)
			break;
		if (vl > sz - len - 2)
			vl = sz - len - 2;
		for (size_t i = 0; i < vl; i++)
			buf[len + i] = (char)tolower((unsigned char)v[i]);
		len += vl;
		buf[len++] = ' ';
		buf[len] = '\0';
	}
	return len;
}

static int
hidden(const xmlNode *n)
{
	const char *v;

	if (html_attr(n, "hidden") != NULL)
		return 1;
	if ((v = html_attr(n, "aria-hidden")) != NULL && strcmp(v, "true") == 0)
		return 1;
	if ((v = html_attr(n, "style")) != NULL) {
		char sq[256];
		size_t k = 0;

		/* "display: none" with any spacing */
		for (; *v != '\0' && k + 1 < sizeof sq; v++)
			if (*v != ' ' && *v != '\t')
				sq[k++] = *v;
		sq[k] = '\0';
		if (strcasestr(sq, "display:none") != NULL ||
		    strcasestr(sq, "visibility:hidden") != NULL)
			return 1;
	}
	return 0;
}

/* --- text nodes -------------------------------------------------------- */

/* Length in bytes of the space character at s, or 0: ASCII space, NBSP,
 * the Unicode spaces and the zero-width space. */
static size_t
space_at(const unsigned char *s)
{
	if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' ||
	    *s == '\f' || *s == '\v')
		return 1;
	if (s[0] == 0xc2 && s[1] == 0xa0)
		return 2;
	if (s[0] == 0xe2 && s[1] == 0x80 && ((s[2] >= 0x80 && s[2] <= 0x8b)
	    || s[2] == 0xaf))
		return 3;
	if (s[0] == 0xe3 && s[1] == 0x80 && s[2] == 0x80)
		return 3;
	return 0;
}

/* Code points of non-space text and punctuation in s. */
static void
count_text(const unsigned char *s, unsigned *chars, unsigned *punct)
{
	unsigned c = 0, p = 0;

	while (*s != '\0') {
		size_t k = space_at(s);

		if (k > 0) {
			s += k;
			continue;
		}
		if (*s == ',' || *s == '.' || *s == '?' || *s == '!')
			p++;
		else if (s[0] == 0xe0 && s[1] == 0xa5 &&
		    (s[2] == 0xa4 || s[2] == 0xa5))	/* । ॥ */
			p++;
		if ((*s & 0xc0) != 0x80)
			c++;
		s++;
	}
	*chars = c;
	*punct = p;
}

/* --- the tree walk ------------------------------------------------------- */

static struct nstat *
new_stat(struct tree *t, xmlNode *n)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		t->st = kh_realloc(t->st, t->cap * sizeof *t->st);
	}
	memset(&t->st[t->n], 0, sizeof t->st[0]);
	n->_private = (void *)(uintptr_t)++t->n;
	return &t->st[t->n - 1];
}

/* The next node in document order after n, within root; descend into
 * n's children when asked. */
static xmlNode *
next_node(xmlNode *n, const xmlNode *root, int descend)
{
	if (descend && n->children != NULL)
		return n->children;
	while (n != root) {
		if (n->next != NULL)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

static void
read_hints(const xmlNode *n, struct nstat *s)
{
	static const char *const maybe[] = { "article", "body", "column",
	    "content", "main", "story", NULL };
	static const char *const weak[] = { "sidebar", "follow", "promo",
	    "sponsor", "advert", "subscri", "newsletter", NULL };
	char ci[512];
	int w = 0;

	if (class_id(n, ci, sizeof ci) == 0)
		return;
	if (has_word(ci, neg_hints))
		w--;
	if (has_word(ci, pos_hints))
		w++;
	if (strstr(ci, "articlebody") != NULL ||
	    strstr(ci, "article-body") != NULL ||
	    strstr(ci, "article_body") != NULL ||
	    strstr(ci, "story-body") != NULL ||
	    strstr(ci, "entry-content") != NULL ||
	    strstr(ci, "post-content") != NULL)
		w = 2;
	s->weight = (signed char)w;
	if (has_word(ci, kill_hints))
		s->hints |= H_KILL;
	if (has_word(ci, comment_hints))
		s->hints |= H_COMMENT;
	if (has_word(ci, maybe))
		s->hints |= H_MAYBE;
	if (has_word(ci, weak))
		s->hints |= H_WEAK;
	if (has_word(ci, head_hints))
		s->hints |= H_HEAD;
	if (has_word(ci, edge_hints))
		s->hints |= H_EDGE;
}

static double
link_density(const struct nstat *s)
{
	return s->text ? (double)s->link / s->text : 0;
}

/* Readability's unlikely candidates: boilerplate by its class or id,
 * unless the name also says it may hold the article.  A weak hint
 * ("sidebar" on a page-wide wrapper) needs the block to look like
 * boilerplate too: little text, or mostly links. */
static int
killed(const struct tree *t, const struct nstat *s)
{
	return (s->hints & H_KILL) || ((s->hints & H_COMMENT) && !t->forum);
}

static int
unlikely(const struct tree *t, const xmlNode *n, const struct nstat *s)
{
	if (!killed(t, s) || (s->hints & H_MAYBE) ||
	    html_tag_is(n, "body") || html_tag_is(n, "html") || html_tag_is(n, "a"))
		return 0;
	if ((s->hints & H_WEAK) && s->text > 1500 && link_density(s) < 0.3)
		return 0;
	return 1;
}

/* A card: a short block whose headline links elsewhere (a teaser of
 * another page), not a paragraph with a link in it. */
static int
teaser_card(const xmlNode *n, const struct nstat *s)
{
	return !html_tag_is(n, "p") && s->ilink >= 15 && 5 * s->ilink >=
	    s->text && s->text <= 800;
}

/* Does href lead to a page of the site whose host (without "www.")
 * is host: a relative link, or one to host or a name under it? */
static int
same_site(const char *href, const char *host)
{
	const char *p, *h;
	size_t n, hl;

	if (href == NULL)
		return 0;
	while (*href == ' ')
		href++;
	if (href[0] == '#' || strncasecmp(href, "javascript:", 11) == 0 ||
	    strncasecmp(href, "mailto:", 7) == 0)
		return 0;
	if ((p = strstr(href, "//")) == NULL || (p != href && p[-1] != ':'))
		return 1;	/* relative */
	if (host == NULL)
		return 0;
	h = p + 2;
	n = strcspn(h, "/?#:");
	hl = strlen(host);
	if (n >= 4 && strncasecmp(h, "www.", 4) == 0) {
		h += 4;
		n -= 4;
	}
	return n >= hl && strncasecmp(h + n - hl, host, hl) == 0 &&
	    (n == hl || h[n - hl - 1] == '.');
}

static int
kept(const struct tree *t, const xmlNode *n)
{
	for (size_t i = 0; i < t->nkeep; i++)
		if (t->keep[i] == n)
			return 1;
	return 0;
}

/* Pass 1: every element gets its counts; dropped subtrees are counted
 * as nothing but in all. */
static void
measure_once(struct tree *t, xmlNode *root, int strict)
{
	xmlNode *n = root;

	t->n = 0;
	while (n != NULL) {
		int descend = 1;

		if (n->type == XML_ELEMENT_NODE) {
			struct nstat *s = new_stat(t, n);

			if (tag_in(n, never_tags)) {
				s->drop = D_NEVER;
				descend = 0;
			} else {
				read_hints(n, s);
				if ((tag_in(n, chrome_tags) || hidden(n)) &&
				    !kept(t, n))
					s->drop = D_GUESS;
			}
		} else if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			unsigned c, p;

			if (n->content != NULL && n->parent != NULL &&
			    HAS_ST(n->parent)) {
				struct nstat *ps = ST(t, n->parent);

				count_text(n->content, &c, &p);
				ps->text += c;
				ps->all += c;
				ps->own += c;
				ps->ownp += p;
				ps->punct += p;
			}
		}
		if (descend && n->type == XML_ELEMENT_NODE &&
		    n->children != NULL) {
			n = n->children;
			continue;
		}
		/* Leave n and every ancestor it closes: add to parents. */
		for (;;) {
			if (n->type == XML_ELEMENT_NODE && HAS_ST(n)) {
				struct nstat *s = ST(t, n);

				if (html_tag_is(n, "a")) {
					s->link = s->text;
					s->alllink = s->all;
					if (same_site(html_attr(n, "href"),
					    t->host))
						s->ilink = s->text;
				}
				int block = tag_in(n, block_tags) ||
				    html_tag_is(n, "body") || html_tag_is(n, "td") ||
				    html_tag_is(n, "th");

				if (html_tag_is(n, "p"))
					s->paras++;
				if (strict && !s->drop && unlikely(t, n, s) &&
				    !kept(t, n))
					s->drop = D_GUESS;
				/* the text of a block not inside a block
				 * below: prose when long and not links,
				 * neither when a heading */
				if (block) {
					unsigned in = s->text - s->btext,
					    il = s->link - s->blink;

					if (tag_in(n, heading_tags))
						s->head += in;
					else if (in - il >= PROSE_MIN &&
					    2 * il < in)
						s->good += in - il;
				}
				/* teasers linking elsewhere: no prose of the
				 * page's own */
				if (s->cards >= 3 && 10 * s->cards >=
				    6 * s->items) {
					s->hints |= H_TEASER;
					s->good = 0;
				}
				if (n->parent != NULL && HAS_ST(n->parent) &&
				    s->drop != D_NEVER) {
					struct nstat *ps = ST(t, n->parent);

					if (!s->drop && s->text > 0 &&
					    ps->items < 0xffff) {
						ps->items++;
						ps->cards += teaser_card(n, s);
					}

					ps->all += s->all;
					ps->alllink += s->alllink;
					if (!s->drop) {
						ps->text += s->text;
						ps->link += s->link;
						ps->ilink += s->ilink;
						ps->punct += s->punct;
						ps->paras += s->paras;
						ps->good += s->good;
						ps->head += s->head;
						ps->btext += block ? s->text :
						    s->btext;
						ps->blink += block ? s->link :
						    s->blink;
					}
				}
			}
			if (n == root)
				return;
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (n == NULL)
				return;
		}
	}
}

/* Text outside links, what a reader reads. */
static unsigned
prose(unsigned all, unsigned link)
{
	return all > link ? all - link : 0;
}

/* Measure; an element dropped by a guess that holds more than half of
 * the page's prose is the page, not its chrome: measure again with it
 * (and the like of it inside) kept. */
static void
measure(struct tree *t, xmlNode *root, int strict)
{
	unsigned total;
	size_t before = t->nkeep;

	measure_once(t, root, strict);
	if (!HAS_ST(root))
		return;
	total = prose(ST(t, root)->all, ST(t, root)->alllink);
	for (xmlNode *n = root; n != NULL && t->nkeep < KEEP_MAX;
	    n = next_node(n, root, 1)) {
		struct nstat *s;

		if (!HAS_ST(n))
			continue;
		s = ST(t, n);
		if (s->drop != D_GUESS ||
		    2 * (size_t)prose(s->all, s->alllink) <= total)
			continue;
		/* comments that are most of the page: a thread, unless
		 * the page is an article (page_kind says) */
		if ((s->hints & H_COMMENT) && !t->forum)
			t->comments = 1;
		else
			t->keep[t->nkeep++] = n;
	}
	if (t->nkeep > before)
		measure_once(t, root, strict);
}

static void
init_score(struct tree *t, xmlNode *n)
{
	struct nstat *s = ST(t, n);
	static const char *const plus3[] = { "pre", "td", "blockquote", NULL };
	static const char *const minus3[] = { "address", "ol", "ul", "dl",
	    "dd", "dt", "li", "form", NULL };
	static const char *const minus5[] = { "h1", "h2", "h3", "h4", "h5",
	    "h6", "th", NULL };

	s->scored = 1;
	s->score = 25.0 * s->weight;
	if (html_tag_is(n, "div") || html_tag_is(n, "article") || html_tag_is(n, "section")
	    || html_tag_is(n, "main"))
		s->score += 5;
	else if (tag_in(n, plus3))
		s->score += 3;
	else if (tag_in(n, minus3))
		s->score -= 3;
	else if (tag_in(n, minus5))
		s->score -= 5;
	if (html_tag_is(n, "article"))
		s->score += 10;
}

/* Is n inside a dropped element?  (Its stats say so only for the
 * dropped element itself.) */
static int
dropped(struct tree *t, xmlNode *n)
{
	for (; n != NULL && n->type == XML_ELEMENT_NODE; n = n->parent)
		if (HAS_ST(n) && ST(t, n)->drop)
			return 1;
	return 0;
}

/* Pass 2: paragraphs vote for their ancestors; returns the best. */
static xmlNode *
score(struct tree *t, xmlNode *root)
{
	static const char *const para_tags[] = { "p", "pre", "td",
	    "blockquote", NULL };
	xmlNode *best = NULL, *n = root;
	double best_score = 0;

	while (n != NULL) {
		int descend = 1;

		if (n->type == XML_ELEMENT_NODE && HAS_ST(n)) {
			struct nstat *s = ST(t, n);
			unsigned len = tag_in(n, para_tags) ? s->text : s->own;

			if (s->drop) {
				descend = 0;
			} else if (len >= 25 && (tag_in(n, para_tags) ||
			    s->own >= 25)) {
				/* a text-bearing div votes with its own
				 * text only, not every comma below it */
				unsigned p = tag_in(n, para_tags) ?
				    s->punct : s->ownp;
				double v = 1 + p +
				    (len / 100 > 3 ? 3 : len / 100);
				xmlNode *a = n->parent;

				if (s->text > 0 && s->link * 2 > s->text)
					v /= 4;
				for (int level = 0; a != NULL && level < 5 &&
				    a->type == XML_ELEMENT_NODE;
				    level++, a = a->parent) {
					if (!HAS_ST(a))
						break;
					if (!ST(t, a)->scored)
						init_score(t, a);
					ST(t, a)->score += level == 0 ? v :
					    level == 1 ? v / 2 :
					    v / (level * 3);
				}
				/* a text-bearing div is a candidate itself */
				if (s->own >= 25 && !tag_in(n, para_tags)) {
					if (!s->scored)
						init_score(t, n);
					s->score += v;
				}
			}
		}
		n = next_node(n, root, descend);
	}
	/* link density discounts, then the best */
	for (n = root; n != NULL; n = next_node(n, root, 1)) {
		if (n->type != XML_ELEMENT_NODE || !HAS_ST(n))
			continue;
		struct nstat *s = ST(t, n);

		if (!s->scored)
			continue;
		s->score *= 1 - link_density(s);
		if (s->score > best_score && !dropped(t, n)) {
			best_score = s->score;
			best = n;
		}
	}
	/* Readability's climb: an ancestor scored above the best's
	 * nearer ancestors holds more of the article (the text split
	 * over blocks that each vote for it) */
	if (best != NULL) {
		double last = ST(t, best)->score, floor = last / 3;

		for (xmlNode *a = best->parent; a != NULL && a != root &&
		    HAS_ST(a); a = a->parent) {
			struct nstat *as = ST(t, a);

			if (!as->scored)
				continue;
			if (as->drop || as->score < floor)
				break;
			if (as->score > last) {
				best = a;
				break;
			}
			last = as->score;
		}
	}
	/* Text written straight into the best's parent, beside it, is
	 * more of the article than the best: a dateline <small> above a
	 * story typed into its <div> between <br>s. */
	while (best != NULL && best != root && best->parent != NULL &&
	    HAS_ST(best->parent) && !ST(t, best->parent)->drop &&
	    ST(t, best->parent)->own > ST(t, best)->text)
		best = best->parent;
	return best;
}

/* --- writing the text -------------------------------------------------- */

struct out {
	char *buf;
	size_t len, cap;
	size_t line;		/* start of the current line */
	int space;		/* a space is due before the next text */
	uint64_t *seen;		/* hashes of the lines kept */
	size_t nseen, capseen;
};

static void
out_grow(struct out *o, size_t more)
{
	if (o->len + more + 1 <= o->cap)
		return;
	while (o->len + more + 1 > o->cap)
		o->cap = o->cap ? o->cap * 2 : 4096;
	o->buf = kh_realloc(o->buf, o->cap);
}

static uint64_t
hash(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	while (n-- > 0)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h | 1;
}

/* Add h to the set; 0 when it was there already. */
static int
seen_add(struct out *o, uint64_t h)
{
	if (o->nseen * 2 >= o->capseen) {
		size_t cap = o->capseen ? o->capseen * 2 : 64;
		uint64_t *tab = calloc(cap, sizeof *tab);

		if (tab == NULL)
			kh_die("out of memory");
		for (size_t i = 0; i < o->capseen; i++) {
			if (o->seen[i] == 0)
				continue;
			size_t j = o->seen[i] & (cap - 1);

			while (tab[j] != 0)
				j = (j + 1) & (cap - 1);
			tab[j] = o->seen[i];
		}
		free(o->seen);
		o->seen = tab;
		o->capseen = cap;
	}
	size_t j = h & (o->capseen - 1);

	while (o->seen[j] != 0) {
		if (o->seen[j] == h)
			return 0;
		j = (j + 1) & (o->capseen - 1);
	}
	o->seen[j] = h;
	o->nseen++;
	return 1;
}

/* Lines that are boilerplate whatever block they stand in. */
static int
junk_line(const char *s, size_t n)
{
	static const char *const starts[] = {
		"আরও পড়ুন", "আরো পড়ুন", "আরও পড়ুন", "আরো পড়ুন",
		"এ সম্পর্কিত", "সম্পর্কিত খবর", "সংশ্লিষ্ট খবর", "আরও খবর",
		"Read more", "READ MORE", "Also read", "ALSO READ", "Also Read",
		"Read More", "Related:", "RELATED:", "Follow us", "Follow Us",
		"Click here", "Sign up", "Subscribe", "Advertisement",
		"ADVERTISEMENT", "বিজ্ঞাপন", "Share this", "Share on",
		"Image caption", "Image source", "Photo:", "ছবি:", "ছবি :",
		"ফাইল ছবি", "Getty Images", "Reuters/",
		NULL
	};

	for (const char *const *p = starts; *p != NULL; p++) {
		size_t k = strlen(*p);

		if (n >= k && memcmp(s, *p, k) == 0 && n < k + 160)
			return 1;
	}
	return 0;
}

/* A short line that is a date and little else: the page's dateline. */
static int
dateline_only(const char *s, size_t n)
{
	char buf[64];

	if (n > 120)
		return 0;
	if (n >= 3 && (memcmp(s + n - 3, "।", 3) == 0 || s[n - 1] == '.'))
		return 0;
	return dateline_parse(s, n, buf, sizeof buf) != DATELINE_NONE;
}

/* A byline line: a desk or correspondent and at most a place and a
 * dateline after it ("নিজস্ব প্রতিবেদক, ঢাকাপ্রকাশ: ১৪ মার্চ ২০২৫",
 * "Staff Correspondent, Dhaka"), not a lead it opens ("নিজস্ব প্রতিবেদক:
 * রাজধানীতে আজ ... ।"). */
static int
byline_only(const char *s, size_t n)
{
	static const char *const labels[] = { "লিখেছেন ", "লেখক: ",
	    "লেখক : ", NULL };
	size_t d;

	if (n > 200)
		return 0;
	/* "লিখেছেন রফিক আহমেদ": a writer's name after its label */
	for (const char *const *l = labels; *l != NULL; l++) {
		size_t k = strlen(*l);

		if (n > k && n < k + 60 && memcmp(s, *l, k) == 0 &&
		    memchr(s + k, ' ', n - k) != NULL &&
		    memcmp(s + n - 3, "।", 3) != 0)
			return 1;
	}
	if ((d = text_desk_byline(s, n)) == 0)
		return 0;
	if (d == n)
		return 1;
	if (memcmp(s + n - 3, "।", 3) == 0 || s[n - 1] == '.')
		return 0;
	return n - d < 40 || dateline_only(s + d, n - d);
}

/* End the current line: trim it, drop it when it is a repeat or junk. */
static void
end_line(struct out *o)
{
	char *s;
	size_t n = o->len - o->line;

	o->space = 0;
	if (o->buf == NULL)
		return;		/* nothing written yet */
	s = o->buf + o->line;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	o->len = o->line + n;
	o->space = 0;
	if (n == 0)
		return;
	if (junk_line(s, n) || dateline_only(s, n) || byline_only(s, n) ||
	    !seen_add(o, hash(s, n))) {
		o->len = o->line;
		return;
	}
	out_grow(o, 1);
	o->buf[o->len++] = '\n';
	o->line = o->len;
}

static void
out_text(struct out *o, const unsigned char *s)
{
	while (*s != '\0') {
		size_t k = space_at(s);

		if (k > 0) {
			s += k;
			o->space = 1;
			continue;
		}
		const unsigned char *e = s;

		while (*e != '\0' && space_at(e) == 0)
			e++;
		out_grow(o, (size_t)(e - s) + 1);
		if (o->space && o->len > o->line)
			o->buf[o->len++] = ' ';
		o->space = 0;
		memcpy(o->buf + o->len, s, (size_t)(e - s));
		o->len += (size_t)(e - s);
		s = e;
	}
}

/* Is the paragraph n a line every page of the site ends with: a
 * copyright notice, "Follow us on Twitter"? */
static int
edge_line(xmlNode *n)
{
	xmlChar *c;
	const char *p;
	int r = 0;

	if ((c = xmlNodeGetContent(n)) == NULL)
		return 0;
	for (p = (const char *)c; *p == ' ' || *p == '\n' || *p == '\t';
	    p++)
		;
	if (strncmp(p, "\xc2\xa9", 2) == 0 ||
	    strncasecmp(p, "copyright", 9) == 0 ||
	    strcasestr(p, "all rights reserved") != NULL)
		r = 1;
	else if (strncasecmp(p, "follow ", 7) == 0 &&
	    (strcasestr(p, "twitter") != NULL ||
	    strcasestr(p, "facebook") != NULL ||
	    strcasestr(p, "instagram") != NULL ||
	    strstr(p, " on X") != NULL))
		r = 1;
	xmlFree(c);
	return r;
}

/* Boilerplate inside the article: skipped with all it holds. */
static int
skip_inside(struct tree *t, xmlNode *n, int top)
{
	static const char *const lists[] = { "ul", "ol", "dl", "table",
	    "div", "section", "p", "span", "li", NULL };
	struct nstat *s = ST(t, n);

	if (s->drop)
		return 1;
	if (top)
		return 0;
	if ((s->hints & H_TEASER) && !t->page)
		return 1;
	if (html_tag_is(n, "h1") || html_tag_is(n, "figcaption") ||
	    (html_tag_is(n, "figure") && s->text < 300))
		return 1;
	/* a block named as boilerplate that holds most of the page's
	 * prose is the body all the same (measure keeps it) */
	if (killed(t, s) && !kept(t, n) &&
	    !(s->weight > 0 && s->text > 1000 && link_density(s) < 0.2))
		return 1;
	/* the page head repeated by the container: kicker, headline,
	 * reporter, time */
	if ((s->hints & H_HEAD) && s->text < 200)
		return 1;
	/* an article's tail; a page of items may be made of such blocks */
	if (((s->hints & H_EDGE) && s->text < 600 && !t->page) ||
	    (s->text < 200 && html_tag_is(n, "p") && edge_line(n)))
		return 1;
	if (tag_in(n, lists) && !t->page) {
		double ld = link_density(s);

		if (s->text > 0 && ld > 0.5)
			return 1;
		if (s->weight < 0 && ld > 0.2)
			return 1;
		if (s->weight < 0 && s->punct == 0 && s->text < 200)
			return 1;
	}
	return 0;
}

/* Write the text of n's subtree. */
static void
write_node(struct tree *t, struct out *o, xmlNode *top)
{
	xmlNode *n = top;

	while (n != NULL) {
		int descend = 1;

		if (n->type == XML_ELEMENT_NODE) {
			if (!HAS_ST(n) || skip_inside(t, n, n == top))
				descend = 0;
			else if (html_tag_is(n, "br") || tag_in(n, block_tags))
				end_line(o);
		} else if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			if (n->content != NULL)
				out_text(o, n->content);
		}
		if (descend && n->type == XML_ELEMENT_NODE &&
		    n->children != NULL) {
			n = n->children;
			continue;
		}
		for (;;) {
			if (n->type == XML_ELEMENT_NODE &&
			    tag_in(n, block_tags))
				end_line(o);
			else if (html_tag_is(n, "td") || html_tag_is(n, "th"))
				o->space = 1;
			if (n == top)
				return;
			if (n->next != NULL) {
				n = n->next;
				break;
			}
			n = n->parent;
			if (n == NULL)
				return;
		}
	}
}

/* Readability's choice of siblings to go with the best candidate. */
static int
keep_sibling(struct tree *t, xmlNode *best, xmlNode *sib)
{
	struct nstat *bs = ST(t, best), *s;
	double threshold = bs->score * 0.2;
	double bonus = 0;
	const char *c1, *c2;

	if (!HAS_ST(sib))
		return 0;
	s = ST(t, sib);
	if (s->drop || s->text == 0)
		return 0;
	if (threshold < 10)
		threshold = 10;
	c1 = html_attr(best, "class");
	c2 = html_attr(sib, "class");
	if (c1 != NULL && c2 != NULL && *c1 != '\0' && strcmp(c1, c2) == 0)
		bonus = bs->score * 0.2;
	if (s->scored && s->score + bonus >= threshold && s->weight >= 0)
		return 1;
	if (html_tag_is(sib, "p") || html_tag_is(sib, "blockquote") ||
	    html_tag_is(sib, "pre")) {
		double ld = link_density(s);

		if (s->text > 80 && ld < 0.25)
			return 1;
		if (s->text > 0 && s->text <= 80 && ld == 0 && s->punct > 0)
			return 1;
	}
	return 0;
}

/* --- NFC ----------------------------------------------------------------- */

char *
extract_nfc(const char *s, size_t len, size_t *outlen)
{
	UErrorCode err = U_ZERO_ERROR;
	const UNormalizer2 *nfc;
	UChar *u = NULL, *v = NULL;
	int32_t ulen, vlen, olen;
	char *r;
	size_t i;

	for (i = 0; i < len && (unsigned char)s[i] < 0x80; i++)
		;
	if (i == len || len > INT32_MAX / 2)
		goto copy;
	nfc = unorm2_getNFCInstance(&err);
	if (U_FAILURE(err))
		goto copy;
	u = kh_malloc((len + 1) * sizeof *u);
	/* a bad byte (never from libxml2, but the extractor takes any
	 * bytes) becomes U+FFFD, not nothing: a line of it stays a line */
	u_strFromUTF8WithSub(u, (int32_t)len + 1, &ulen, s, (int32_t)len,
	    0xfffd, NULL, &err);
	if (U_FAILURE(err))
		goto copy;
	if (unorm2_quickCheck(nfc, u, ulen, &err) == UNORM_YES &&
	    U_SUCCESS(err))
		goto copy;
	err = U_ZERO_ERROR;
	vlen = unorm2_normalize(nfc, u, ulen, NULL, 0, &err);
	if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
		goto copy;
	err = U_ZERO_ERROR;
	v = kh_malloc(((size_t)vlen + 1) * sizeof *v);
	unorm2_normalize(nfc, u, ulen, v, vlen + 1, &err);
	if (U_FAILURE(err))
		goto copy;
	u_strToUTF8(NULL, 0, &olen, v, vlen, &err);
	if (err != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(err))
		goto copy;
	err = U_ZERO_ERROR;
	r = kh_malloc((size_t)olen + 1);
	u_strToUTF8(r, olen + 1, &olen, v, vlen, &err);
	if (U_FAILURE(err)) {
		free(r);
		goto copy;
	}
	free(u);
	free(v);
	*outlen = (size_t)olen;
	return r;
copy:
	free(u);
	free(v);
	r = kh_malloc(len + 1);
	memcpy(r, s, len);
	r[len] = '\0';
	*outlen = len;
	return r;
}

/* --- declarations from XML -------------------------------------------- */

/* Does s[0..n) start with word, in any case? */
static int
starts(const char *s, size_t n, const char *word)
{
	size_t k = strlen(word);

	return n >= k && strncasecmp(s, word, k) == 0;
}

/* The first of s[i..n) at which word starts (in any case), or n. */
static size_t
find_word(const char *s, size_t i, size_t n, const char *word)
{
	const char *p;

	while (i < n && (p = memchr(s + i, word[0], n - i)) != NULL) {
		i = (size_t)(p - s);
		if (starts(p, n - i, word))
			return i;
		i++;
	}
	return n;
}

/* Past the quoted string at s[i] ('"' or '\''), or n. */
static size_t
past_quoted(const char *s, size_t i, size_t n)
{
	const char *q = memchr(s + i + 1, s[i], n - i - 1);

	return q != NULL ? (size_t)(q - s) + 1 : n;
}

/* The end of the markup declaration at s[i] ("<!ENTITY ...>", or a
 * DOCTYPE with its internal subset "[...]"): past its '>', quoted
 * strings and, in a subset, comments and declarations skipped.  A
 * subset that never ends ends at its first '>', as a browser ends a
 * DOCTYPE; a declaration that never ends, at n.  *subset is set when a
 * DOCTYPE has one. */
static size_t
decl_end(const char *s, size_t i, size_t n, int *subset)
{
	size_t first = n;
	int in = 0;

	*subset = 0;
	for (i += 2; i < n; i++) {
		if (s[i] == '"' || s[i] == '\'') {
			i = past_quoted(s, i, n) - 1;
		} else if (in && starts(s + i, n - i, "<!--")) {
			i = find_word(s, i + 4, n, "-->") + 2;
		} else if (!in && s[i] == '[') {
			in = *subset = 1;
		} else if (in && s[i] == ']') {
			size_t k = i + 1;

			while (k < n && (s[k] == ' ' || s[k] == '\t' ||
			    s[k] == '\r' || s[k] == '\n' || s[k] == '\f'))
				k++;
			if (k < n && s[k] == '>')
				return k + 1;
		} else if (s[i] == '>') {
			if (!in)
				return i + 1;
			if (first == n)
				first = i + 1;
		}
	}
	return first;
}

/*
 * What XML puts in a DOCTYPE's internal subset ([...]) and the
 * declarations <!ENTITY>, <!ELEMENT>, <!ATTLIST> and <!NOTATION> are
 * no HTML: libxml2's HTML parser makes text of them (a billion laughs'
 * entity definitions as the article), and a browser shows what follows
 * the first '>'.  They are cut out of a copy of the page (NULL when
 * there is none); their entities are not expanded, a reference to one
 * stays as written, as a browser shows it.  Comments and the raw text
 * of script and style are passed over.
 */
static char *
strip_decls(const char *s, size_t n, size_t *outlen)
{
	static const char *const decls[] = { "<!ENTITY", "<!ELEMENT",
	    "<!ATTLIST", "<!NOTATION", NULL };
	char *out = NULL;
	size_t i = 0, from = 0, o = 0, e;
	const char *p;
	int subset, cut;

	while (i < n && (p = memchr(s + i, '<', n - i)) != NULL) {
		i = (size_t)(p - s);
		cut = 0;
		if (starts(p, n - i, "<!--")) {
			i = find_word(s, i + 4, n, "-->");
			continue;
		}
		if (starts(p, n - i, "<script") || starts(p, n - i, "<style")) {
			i = find_word(s, i + 6, n, starts(p, n - i, "<script") ?
			    "</script" : "</style");
			continue;
		}
		if (starts(p, n - i, "<!DOCTYPE")) {
			e = decl_end(s, i, n, &subset);
			cut = subset;
		} else {
			for (size_t k = 0; decls[k] != NULL && !cut; k++)
				cut = starts(p, n - i, decls[k]);
			e = cut ? decl_end(s, i, n, &subset) : i + 1;
		}
		if (cut) {
			if (out == NULL)
				out = kh_malloc(n + 1);
			memcpy(out + o, s + from, i - from);
			o += i - from;
			from = e;
		}
		i = e;
	}
	if (out == NULL)
		return NULL;
	memcpy(out + o, s + from, n - from);
	o += n - from;
	out[o] = '\0';
	*outlen = o;
	return out;
}

/* --- the page ------------------------------------------------------------ */

static void
debug(struct tree *t, xmlNode *best)
{
	char ci[512];

	if (getenv("KH_EXTRACT_DEBUG") == NULL || best == NULL)
		return;
	class_id(best, ci, sizeof ci);
	kh_warn("best: <%s %s> score %.1f text %u link %u", best->name, ci,
	    ST(t, best)->score, ST(t, best)->text, ST(t, best)->link);
	for (xmlNode *a = best->parent; a != NULL &&
	    a->type == XML_ELEMENT_NODE; a = a->parent) {
		class_id(a, ci, sizeof ci);
		kh_warn("  in <%s %s> score %.1f", a->name, ci,
		    HAS_ST(a) ? ST(t, a)->score : 0);
	}
}

/* How much an element looks like the page's text as a whole: its
 * prose less what else it holds (links, short lines), headings
 * neither. */
static double
region_score(const struct nstat *s)
{
	double rest = (double)s->text - s->good - s->head;

	return s->good - REGION_LAMBDA * rest;
}

/* The region of the text: of best and its ancestors, the one whose
 * prose outweighs the rest the most.  A body split into blocks under
 * different parents (page builders) is gathered this way. */
/* Does the page say n holds the whole article: <main>, an <article>
 * that is not one of a list of them, a class like "article-body"? */
static int
whole_article(struct tree *t, const xmlNode *n)
{
	const char *v;

	if (ST(t, n)->weight >= 2 || html_tag_is(n, "main"))
		return 1;
	if ((v = html_attr(n, "role")) != NULL && strcmp(v, "main") == 0)
		return 1;
	if (!html_tag_is(n, "article"))
		return 0;
	for (const xmlNode *c = n->parent->children; c != NULL; c = c->next)
		if (c != n && html_tag_is(c, "article"))
			return 0;
	return 1;
}

static xmlNode *
region(struct tree *t, xmlNode *best, xmlNode *body)
{
	xmlNode *r = best;
	double rs;

	if (best == NULL)
		return NULL;
	rs = region_score(ST(t, best));
	for (xmlNode *a = best; a != body && a->parent != NULL &&
	    HAS_ST(a->parent) && !whole_article(t, a); ) {
		double v;

		a = a->parent;
		if (a == body || ST(t, a)->drop)
			break;
		v = region_score(ST(t, a));
		if (v > rs) {
			rs = v;
			r = a;
		}
	}
	return r;
}

/* The region of a page that is no article: the element that holds
 * most of the page's text, as deep as there is one; items, posts and
 * sections all, not the one article. */
static xmlNode *
page_region(struct tree *t, xmlNode *body)
{
	xmlNode *n = body, *next;

	if (!HAS_ST(body))
		return body;
	do {
		next = NULL;
		for (xmlNode *c = n->children; c != NULL && next == NULL;
		    c = c->next)
			if (HAS_ST(c) && !ST(t, c)->drop &&
			    ST(t, c)->text >= PAGE_SHARE * ST(t, body)->text)
				next = c;
		if (next != NULL)
			n = next;
	} while (next != NULL);
	return n;
}

static void
write_best(struct tree *t, struct out *o, xmlNode *best, xmlNode *body)
{
	xmlNode *r = t->page ? page_region(t, body) : region(t, best, body);

	if (getenv("KH_EXTRACT_DEBUG") != NULL && r != NULL)
		kh_warn("region: <%s> good %u text %u head %u", r->name,
		    ST(t, r)->good, ST(t, r)->text, ST(t, r)->head);
	if (r != best) {
		write_node(t, o, r);
	} else if (best != NULL && best != body && best->parent != NULL) {
		for (xmlNode *s = best->parent->children; s != NULL;
		    s = s->next) {
			if (s == best || (s->type == XML_ELEMENT_NODE &&
			    keep_sibling(t, best, s) &&
			    !skip_inside(t, s, 0))) {
				write_node(t, o, s);
				end_line(o);
			}
		}
	} else if (best != NULL) {
		write_node(t, o, best);
	} else if (HAS_ST(body) && !ST(t, body)->drop &&
	    link_density(ST(t, body)) < 0.5) {
		/* no paragraph long enough to vote: a short page is all
		 * text, unless it is all links */
		write_node(t, o, body);
	}
	end_line(o);
}

/* Count the words of s that tell whose voice the text is in: a
 * company's ("we"), a writer's ("I"), a manual's ("you"), a
 * reporter's ("he said"); and numbers and prices. */
static void
voice_words(const unsigned char *s, struct page_signals *sig)
{
	static const char *const we[] = { "we", "our", "us", "ours",
	    "আমরা", "আমাদের", NULL };
	static const char *const i[] = { "i", "my", "me", "i'm", "আমি",
	    "আমার", NULL };
	static const char *const you[] = { "you", "your", "you're",
	    "আপনি", "আপনার", NULL };
	static const char *const third[] = { "he", "she", "they", "said",
	    "his", "her", "says", "told", "তিনি", "তারা", "বলেন", "জানান",
	    "বলেছেন", NULL };
	const char *const *sets[] = { we, i, you, third };
	unsigned *counts[] = { &sig->we, &sig->i, &sig->you, &sig->third };

	while (*s != '\0') {
		const unsigned char *w;
		char low[32];
		size_t n;

		while (*s != '\0' && (space_at(s) > 0 || ispunct(*s))) {
			if (*s == '$' || (s[0] == 0xe2 && s[1] == 0x82 &&
			    s[2] == 0xac) || (s[0] == 0xc2 && s[1] == 0xa3) ||
			    (s[0] == 0xe0 && s[1] == 0xa7 && s[2] == 0xb3))
				sig->money++;	/* $ € £ ৳ */
			s += space_at(s) > 0 ? space_at(s) : 1;
		}
		if (*s == '\0')
			break;
		for (w = s; *s != '\0' && space_at(s) == 0 &&
		    (!ispunct(*s) || *s == '\''); s++)
			;
		n = (size_t)(s - w);
		if (n == 0) {
			s++;
			continue;
		}
		sig->words++;
		if (isdigit(*w)) {
			sig->numbers++;
			continue;
		}
		if (n >= sizeof low)
			continue;
		for (size_t k = 0; k < n; k++)
			low[k] = (char)tolower(w[k]);
		low[n] = '\0';
		for (size_t k = 0; k < 4; k++)
			for (const char *const *p = sets[k]; *p != NULL; p++)
				if (strcmp(low, *p) == 0)
					(*counts[k])++;
	}
}

/* How the page's text lies, for page_kind(). */
static void
tree_signals(struct tree *t, xmlNode *body, xmlNode *best,
	struct page_signals *sig)
{
	xmlNode *r = region(t, best, body);

	if (HAS_ST(body)) {
		sig->text = ST(t, body)->text;
		sig->link = ST(t, body)->link;
		sig->good = ST(t, body)->good;
	}
	if (r != NULL) {
		sig->region_good = ST(t, r)->good;
		sig->region_text = ST(t, r)->text;
		sig->paras = ST(t, r)->paras;
	}
	for (xmlNode *n = body; n != NULL; n = next_node(n, body, 1))
		if (html_tag_is(n, "button") || html_tag_is(n, "input") ||
		    html_tag_is(n, "select") || html_tag_is(n, "form"))
			sig->controls++;
	for (xmlNode *n = body; n != NULL; ) {
		xmlNode *e = n;

		if (!HAS_ST(e) || ST(t, e)->drop) {
			n = next_node(n, body, 0);
			continue;
		}
		n = next_node(n, body, 1);
		if (html_tag_is(e, "a") && ST(t, e)->text >= 25)
			sig->heads++;
		else if (html_tag_is(e, "h1"))
			sig->h1s++;
		else if (html_tag_is(e, "article"))
			sig->articles++;
		else if (html_tag_is(e, "time"))
			sig->times++;
	}
	for (xmlNode *n = r; n != NULL; ) {
		xmlNode *e = n;

		if (e->type == XML_ELEMENT_NODE && HAS_ST(e) &&
		    ST(t, e)->drop) {
			n = next_node(n, r, 0);
			continue;
		}
		n = next_node(n, r, 1);
		if (e->type == XML_TEXT_NODE && e->content != NULL)
			voice_words(e->content, sig);
		else if (html_tag_is(e, "pre") || html_tag_is(e, "code"))
			sig->codes++;
		else if (html_tag_is(e, "h2") || html_tag_is(e, "h3"))
			sig->heads2++;
	}
}

/* The host of url without "www.", into buf ("" when none). */
static void
page_host(const char *url, char *buf, size_t sz)
{
	const char *p;
	size_t n;

	buf[0] = '\0';
	if (url == NULL || (p = strstr(url, "://")) == NULL)
		return;
	p += 3;
	if (strncasecmp(p, "www.", 4) == 0)
		p += 4;
	n = strcspn(p, "/?#:");
	if (n >= sz)
		return;
	memcpy(buf, p, n);
	buf[n] = '\0';
}

static xmlNode *
find_body(xmlNode *root)
{
	for (xmlNode *n = root; n != NULL; n = next_node(n, root, 1))
		if (html_tag_is(n, "body"))
			return n;
	return root;
}

/* A browser puts what follows </body> or </html> into the body;
 * libxml2 makes more elements of the document of it (an <html> of its
 * own): they move into the body, the way the page shows them. */
static void
gather_strays(xmlNode *root, xmlNode *body)
{
	xmlNode *n, *next, *c, *cnext;

	for (n = root->next; n != NULL; n = next) {
		next = n->next;
		if (n->type != XML_ELEMENT_NODE)
			continue;
		xmlUnlinkNode(n);
		if (!html_tag_is(n, "html") && !html_tag_is(n, "body")) {
			xmlAddChild(body, n);
			continue;
		}
		for (c = n->children; c != NULL; c = cnext) {
			cnext = c->next;
			xmlUnlinkNode(c);
			if (xmlAddChild(body, c) == NULL)
				xmlFreeNode(c);
		}
		xmlFreeNode(n);
	}
}

void
extract_init(void)
{
	xmlInitParser();
}

int
extract_html(const char *html, size_t len, const char *url,
	struct extract *out)
{
	struct tree t = { 0 };
	struct out o = { 0 };
	struct page_signals sig = { 0 };
	enum page_kind kind;
	char *copy;
	xmlDoc *doc;
	xmlNode *root, *body, *best;

	memset(out, 0, sizeof *out);
	if (len > INT32_MAX)
		return -1;
	if ((copy = strip_decls(html, len, &len)) != NULL)
		html = copy;
	/* XML_PARSE_HUGE: libxml2 would end the page at a text node (a
	 * script, a paragraph) of 10,000,000 characters and drop the rest;
	 * the line limit bounds a page instead */
	doc = htmlReadMemory(html, (int)len, url, "UTF-8",
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	    HTML_PARSE_COMPACT | HTML_PARSE_RECOVER | XML_PARSE_HUGE);
	free(copy);
	if (doc == NULL || (root = xmlDocGetRootElement(doc)) == NULL) {
		xmlFreeDoc(doc);
		return -1;
	}
	body = find_body(root);
	gather_strays(root, body);
	page_host(url, t.host, sizeof t.host);
	meta_read(doc, root, url, out, &sig);
	meta_shown(body, out, &sig);
	/* Readability's retry: when dropping the unlikely blocks leaves
	 * next to nothing, the page named its article oddly. */
	for (int strict = 1; strict >= 0; strict--) {
		o.len = o.line = 0;
		o.space = 0;
		o.nseen = 0;
		if (o.seen != NULL)
			memset(o.seen, 0, o.capseen * sizeof *o.seen);
		measure(&t, root, strict);
		best = score(&t, body);
		debug(&t, best);
		if (strict) {
			sig.title = out->title;
			tree_signals(&t, body, best, &sig);
			kind = page_kind(&sig, url);
			if (kind != KIND_ARTICLE && t.comments)
				kind = KIND_FORUM;
			out->page_kind = page_kind_name(kind);
			/* a thread is by its first poster, whose card the
			 * software may mark unlike the replies' */
			if (kind == KIND_FORUM && out->poster != NULL &&
			    (out->author == NULL || out->author_seen)) {
				free(out->author);
				out->author = out->poster;
				out->poster = NULL;
			}
			t.page = kind != KIND_ARTICLE;
			if (kind == KIND_FORUM) {
				t.forum = 1;
				measure(&t, root, strict);
				best = score(&t, body);
			}
		}
		write_best(&t, &o, best, body);
		if (o.len >= 250)
			break;
	}
	if (o.len > 0 && o.buf[o.len - 1] == '\n')
		o.len--;
	if (o.len == 0 && out->description != NULL) {
		/* a page its scripts write: what it says of itself */
		o.len = o.line = 0;
		out_text(&o, (const unsigned char *)out->description);
	}
	out->text = extract_nfc(o.buf != NULL ? o.buf : "", o.len,
	    &out->text_len);
	meta_finish(out);
	free(o.buf);
	free(o.seen);
	free(t.st);
	xmlFreeDoc(doc);
	return 0;
}

void
extract_free(struct extract *out)
{
	free(out->title);
	free(out->text);
	free(out->published);
	free(out->modified);
	free(out->author);
	free(out->lang);
	free(out->description);
	free(out->canonical_url);
	free(out->site_name);
	free(out->poster);
	memset(out, 0, sizeof *out);
}
