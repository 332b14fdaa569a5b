/*
 * page.c: the article links of an HTML home or section page, and the
 * feeds it announces.
 *
 * Feeds: <link rel="alternate"> of an RSS, Atom or JSON Feed type.
 *
 * Articles: every <a href> is weighed on three kinds of evidence, none
 * of which decides alone:
 *
 * - where it stands: in navigation, a header or footer of the site, a
 *   menu, breadcrumbs, pagination, share or tag lists (by element,
 *   ARIA role, or class and id words), or in a block of many short
 *   links (a menu without a name: link density high, link texts of a
 *   word or two); in a heading, an <article>, <main>;
 * - what its URL looks like (shape.c): an id of five digits or more,
 *   a date followed by more path, a hex or mixed id, a slug of several
 *   words (Bengali ones too, percent-encoded or not), an id in the
 *   query, as against the site's root, one or two bare words, and
 *   tag, topic, author, category, page, login or app paths and files;
 * - what it says: a headline has several words; "more", "বিস্তারিত",
 *   "আরও পড়ুন" point to an article but give no title; a picture says
 *   what it shows in its alt, whatever count or ▶ lies over it.
 *
 * and on the page's repetition: the article links of a section page
 * share a URL shape (the sequence of kinds of their path segments,
 * words / id / slug / date), so a shape seen several times outside the
 * chrome with headline-like texts is an article shape, and a shape seen
 * often with one-word texts a menu's; a token that could be an id
 * (pvtuawaylj) is one when the page has ids of its host, depth and
 * length.  The chrome holds articles too (a ticker or a trending strip
 * in the header, a most-read list in the footer): a headline there
 * whose URL has an id of its own, or the shape and path of the page's
 * articles, is one.  The mentions of one URL (a picture, a headline, a
 * "read more") are weighed together: the best says whether it is an
 * article, and the best text is its title.
 *
 * The page is read with the HTML parser's SAX events, no tree built (a
 * tree cost twice the parse): each element leaves a small record (its
 * parent, context and counts of links and text under it) and each link
 * its text as it comes.  What follows </html> is read too, as a browser
 * shows it.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/HTMLparser.h>
#include <unicode/uchar.h>

#include "links.h"

#define ANCHOR_TEXT_MAX 1024	/* bytes of a link's text kept */
#define HEADLINE_WORDS 4	/* words of a headline, at least */
#define ARTICLE_SCORE 3.0	/* what a URL needs to be an article */

/* --- words of class, id and role -------------------------------------- */

/* Words that make an element the site's chrome (navigation and the
 * like), as a whole class or id token or as a part of one between - or
 * _ (main-nav, site_menu, share-buttons). */
static const char *const chrome_words[] = {
	"nav", "navbar", "navigation", "menu", "menubar", "megamenu",
	"submenu", "breadcrumb", "breadcrumbs", "pagination", "pager",
	"paging", "share", "sharing", "sharethis", "social", "socials",
	"tags", "tagcloud", "taglist", "keywords", "login", "signin",
	"signup", "subscribe", "newsletter", "appstore", "playstore",
	"cookie", "cookies", "copyright", "masthead", "topbar", "offcanvas",
	"hamburger", "dropdown", "browse", "lang", "language", "switcher",
	"follow", "footer", "header", "nav-menu", "ads", "advert",
	"advertisement", "sponsor", "sponsored", NULL
};

/* Parts of a token that make header or footer an article card's
 * (entry-header, card-footer), not the site's. */
static const char *const card_words[] = {
	"card", "entry", "post", "article", "story", "item", "news",
	"content", "title", "headline", "lead", "media", "body", "block",
	"section", "widget", "box", NULL
};

static const char *const hf_words[] = { "header", "footer", "masthead",
	NULL };

/* What header and footer words are in a card's token (card-header),
 * and what words stay chrome there (post-share, entry-tags). */
static const char *const card_parts[] = {
	"header", "footer", "title", "headline", "lang", "language", NULL
};
static const char *const card_chrome[] = {
	"share", "sharing", "social", "tags", "nav", "menu", "breadcrumb",
	"pagination", NULL
};

static const char *const chrome_roles[] = {
	"navigation", "banner", "contentinfo", "menu", "menubar", "search",
	"tablist", NULL
};

/* Link texts that point at an article without naming it. */
static const char *const more_texts[] = {
	"more", "read more", "continue reading", "details", "full story",
	"read full story", "see more", "view more", "read", "»", "›", "...",
	"বিস্তারিত", "আরও পড়ুন", "আরো পড়ুন", "বিস্তারিত পড়ুন",
	"আরও", "আরো", "পুরো খবর", "বিস্তারিত দেখুন", "আরও দেখুন",
	"আরো দেখুন", "সব খবর", "আরও খবর", "সবগুলো", "সব", NULL
};

/* Link texts that call to an action (sign up, log in, get the app):
 * what they start with. */
static const char *const action_texts[] = {
	"sign up", "sign in", "signup", "subscribe", "log in", "login",
	"register", "download", "install", "get the app", "follow us",
	"contact us", "about us", "learn more", "advertise", "donate",
	"newsletter", "সাবস্ক্রাইব", "লগইন", "লগ ইন", "ডাউনলোড",
	"নিবন্ধন", "যোগাযোগ", "বিজ্ঞাপন", NULL
};

static int
has_part(const char *const *list, const char *tok, size_t n)
{
	size_t i = 0, j;

	while (i < n) {
		for (j = i; j < n && tok[j] != '-' && tok[j] != '_'; j++)
			;
		if (word_in(list, tok + i, j - i))
			return 1;
		i = j + 1;
	}
	return 0;
}

/* What a class or id token says: 0 nothing; 1 a chrome word (nav,
 * menu, share, ...); 2 only header, footer or masthead, which an
 * article card's own header may be too (context() tells them apart).
 * In a card's token (entry-header, post-tags) only the link-list
 * words count. */
static int
chrome_token(const char *tok, size_t n)
{
	size_t i = 0, j;
	int strong = 0, hf = 0;

	while (i < n) {
		for (j = i; j < n && tok[j] != '-' && tok[j] != '_'; j++)
			;
		if (word_in(chrome_words, tok + i, j - i)) {
			if (word_in(hf_words, tok + i, j - i))
				hf = 1;
			else
				strong = 1;
		}
		i = j + 1;
	}
	if (!strong && !hf)
		return 0;
	if (has_part(card_words, tok, n))
		return !has_part(card_parts, tok, n) &&
		    has_part(card_chrome, tok, n);
	return strong ? 1 : 2;
}

/* camelCase (mainNav, siteFooter): lower case, - at each hump. */
static size_t
uncamel(const char *s, size_t n, char *out, size_t max)
{
	size_t k = 0;

	for (size_t i = 0; i < n && k + 2 < max; i++) {
		char c = s[i];

		if (c >= 'A' && c <= 'Z') {
			if (i > 0 && s[i - 1] >= 'a' && s[i - 1] <= 'z')
				out[k++] = '-';
			c |= 0x20;
		}
		out[k++] = c;
	}
	return k;
}

/* The most a class or id attribute's tokens say (chrome_token). */
static int
chrome_attr(const char *v)
{
	char tok[96];
	size_t n, k;
	int r, best = 0;

	while (v != NULL && *v != '\0') {
		v += strspn(v, " \t\r\n");
		n = strcspn(v, " \t\r\n");
		if (n > 0 && n < sizeof tok - 16) {
			k = uncamel(v, n, tok, sizeof tok);
			if ((r = chrome_token(tok, k)) == 1)
				return 1;
			if (r == 2)
				best = 2;
		}
		v += n;
	}
	return best;
}

/* --- the parse: elements and links as the parser meets them ------------ */

enum {
	C_CHROME = 1,		/* in the site's chrome */
	C_ASIDE = 2,		/* in an aside or sidebar */
	C_HEADING = 4,		/* in h1..h6 */
	C_MAIN = 8,		/* in <main> or <article> */
	C_LI = 16,		/* in a list item */
	C_SKIP = 32,		/* script, style, template: no text, no links */
	C_HDRFTR = 64		/* a header or footer element: the site's
				 * chrome unless in an article, main or li */
};

/* What an element is for the weighing above it. */
enum { T_OTHER, T_INLINE, T_P, T_TOP /* html, body */ };

#define NO_EL UINT32_MAX

/* One element of the page and what its subtree holds, for link
 * density: the page is read with SAX, so this, not a tree, is what
 * stays of it. */
struct el {
	uint32_t parent;	/* its parent's number, or NO_EL */
	unsigned char tag;	/* T_* */
	unsigned flags;		/* its context, from its ancestors' */
	unsigned own;		/* what it is itself (element_own) */
	unsigned anchors, short_anchors, headings;
	unsigned long text, link_text;
};

/* One <a href>.  Its text is in the page's text, or, when it comes
 * from an attribute (aria-label, alt, title), in its attribute text. */
struct mention {
	size_t href, hreflen;	/* in the page's attribute text */
	size_t text, textlen;	/* its text (or heading's, alt's) */
	int text_attr;		/* text is in the attribute text */
	uint32_t el;		/* its element */
	unsigned flags;
	int words;		/* of its text */
	int lettered;		/* its words with a letter */
	int more;		/* a "read more" text */
	int heading;		/* text from a heading in or around it */
	int alt;		/* text from an image's alt or the title */
	int action;		/* "sign up", "download": a call to act */
	int inline_;		/* in running text */
	size_t group;
	double score;
};

/* A link being read: its text is what comes into the page's text from
 * its start on (links nest: an outer one's holds an inner one's). */
struct open_a {
	size_t m;		/* its mention */
	uint32_t el;
	size_t start;		/* where its text starts in the page's text */
	uint32_t inhead;	/* the heading being read, or NO_EL */
	size_t head, headlen;	/* its first heading's text */
	int img;		/* an image seen in it */
	size_t alt, altlen;	/* the image's alt, in the attribute text */
	size_t label, labellen;	/* its aria-label, if it has one */
	size_t title, titlelen;	/* its title, if it has one */
	int has_label, has_alt, has_title;
};

/* The mentions of one URL (its canonical form is the page's urls'
 * entry of the same number). */
struct group {
	size_t first;		/* its first mention */
	int cls;		/* url_shape's verdict */
	struct ushape u;
	double score;
	size_t title;		/* the mention giving the title, or -1 */
	int title_rank;
	int chrome_only;
	int head, shrt;		/* a headline; short texts only (outside
				 * the chrome) */
};

struct page {
	struct source *s;
	struct buf text;	/* the links' texts */
	struct buf attrs;	/* hrefs and the attributes of links' text */
	struct mention *m;
	size_t nm, capm;
	struct group *g;
	size_t capg;
	struct urltab urls;	/* group i's URL is entry i */
	struct urltab hrefs;	/* the hrefs as written, */
	size_t *href_group;	/* and the group of each */
	size_t caph;
	struct el *el;
	size_t nel, capel;
	uint32_t *stack;	/* the open elements */
	size_t depth, capstack;
	size_t skip;		/* open elements under a skipped one */
	int done;		/* the root element closed: what follows
				 * is out of the document */
	struct open_a *open;	/* the open links */
	size_t nopen, capopen;
	char *base;
};

static const char *
mention_text(const struct page *p, const struct mention *m)
{
	return (m->text_attr ? p->attrs.s : p->text.s) + m->text;
}

static int
name_is(const char *n, const char *name)
{
	return n[0] == name[0] && strcmp(n, name) == 0;
}

/* An attribute's value in SAX's list ("" for one without a value);
 * NULL when absent.  The HTML parser writes names in lower case. */
static const char *
attr(const xmlChar **atts, const char *name)
{
	if (atts == NULL)
		return NULL;
	for (; atts[0] != NULL; atts += 2)
		if (strcasecmp((const char *)atts[0], name) == 0)
			return atts[1] != NULL ? (const char *)atts[1] : "";
	return NULL;
}

static int
inline_name(const char *name)
{
	static const char *const tags[] = { "a", "b", "i", "em", "strong",
	    "span", "font", "small", "u", "sup", "sub", "mark", "abbr", "q",
	    "cite", "bdi", "bdo", "s", NULL };

	return word_in(tags, name, strlen(name));
}

static int
heading_name(const char *s)
{
	return (s[0] == 'h' || s[0] == 'H') && s[1] >= '1' && s[1] <= '6' &&
	    s[2] == '\0';
}

/* What a class or id attribute makes an element: C_CHROME, C_HDRFTR,
 * C_ASIDE or nothing.  Pages repeat their class attributes element
 * after element: each is weighed once (a run-long table, emptied when
 * it grows past 4096). */
static unsigned
attr_says(const char *v)
{
	static struct urltab seen;
	static unsigned char *says;
	static size_t cap;
	size_t k, n = strlen(v);
	int added, r;

	if (n > 512) {
		r = chrome_attr(v);
		return r == 1 ? C_CHROME : r == 2 ? C_HDRFTR : 0;
	}
	if (seen.n >= 4096)
		urltab_clear(&seen);
	k = urltab_add(&seen, v, n, &added);
	if (k == cap) {
		cap = cap ? cap * 2 : 256;
		says = kh_realloc(says, cap);
	}
	if (added) {
		r = chrome_attr(v);
		says[k] = r == 1 ? C_CHROME : r == 2 ? C_HDRFTR :
		    strstr(v, "sidebar") != NULL ? C_ASIDE : 0;
	}
	return says[k];
}

/* What an element is, of itself: the context it gives its
 * descendants. */
static unsigned
element_own(const char *name, const xmlChar **atts)
{
	static const char *const skip[] = { "script", "style", "noscript",
	    "template", "svg", "select", "iframe", "object", "title", NULL };
	const char *v;
	unsigned f = 0;

	switch (name[0]) {
	case 'a':
		if (strcmp(name, "aside") == 0)
			f |= C_ASIDE;
		else if (strcmp(name, "article") == 0)
			f |= C_MAIN;
		break;
	case 'f':
		if (strcmp(name, "footer") == 0)
			f |= C_HDRFTR;
		break;
	case 'h':
		if (strcmp(name, "header") == 0)
			f |= C_HDRFTR;
		else if (heading_name(name))
			f |= C_HEADING;
		break;
	case 'l':
		if (name[1] == 'i' && name[2] == '\0')
			f |= C_LI;
		break;
	case 'm':
		if (strcmp(name, "menu") == 0)
			f |= C_CHROME;
		else if (strcmp(name, "main") == 0)
			f |= C_MAIN;
		break;
	case 'n':
		if (strcmp(name, "nav") == 0)
			f |= C_CHROME;
		else if (strcmp(name, "noscript") == 0)
			return C_SKIP;
		break;
	case 'i': case 'o': case 's': case 't':
		if (word_in(skip, name, strlen(name)))
			return C_SKIP;
		break;
	}
	if (atts == NULL)
		return f;
	if ((v = attr(atts, "role")) != NULL) {
		if (word_in(chrome_roles, v, strlen(v)))
			f |= C_CHROME;
		else if (strcasecmp(v, "complementary") == 0)
			f |= C_ASIDE;
		else if (strcasecmp(v, "main") == 0)
			f |= C_MAIN;
	}
	for (int i = 0; i < 2 && !(f & C_CHROME); i++)
		if ((v = attr(atts, i == 0 ? "class" : "id")) != NULL)
			f |= attr_says(v);
	return f;
}

/* The context under an element: its ancestors' and its own. */
static unsigned
combine(unsigned inherited, unsigned own)
{
	unsigned f = inherited | (own & ~C_HDRFTR);

	if ((own & C_HDRFTR) && !(inherited & (C_MAIN | C_LI)))
		f |= C_CHROME;
	return f;
}

/* Non-blank bytes of a text of n bytes. */
static unsigned long
solid(const char *t, size_t n)
{
	unsigned long k = 0;

	for (size_t i = 0; i < n; i++)
		k += (unsigned char)t[i] > ' ';
	return k;
}

/* Words of a text: runs of letters and digits, Bengali ones too; in
 * *lettered those with a letter (a headline is made of them, not of
 * "16:10 [WUXGA] 14" or "1980-1989(16,347)"). */
static int
count_words(const char *t, size_t n, int *lettered)
{
	const unsigned char *u = (const unsigned char *)t;
	int w = 0, in = 0, letter = 0;
	size_t k;

	*lettered = 0;
	for (size_t i = 0; i < n; i += k) {
		unsigned char c = u[i];
		int wc = c >= 0x80 || (c >= '0' && c <= '9') ||
		    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');

		k = 1;
		/* U+00A0 and the like count as blanks (title_clean's) */
		if (c == 0xc2 && i + 1 < n && u[i + 1] == 0xa0) {
			in = 0;
			k = 2;
			continue;
		}
		if (wc && !in) {
			w++;
			letter = 0;
		}
		if (wc && !letter && (c >= 0x80 ? u_isalpha((UChar32)
		    kh_utf8_next(u + i, n - i, &k)) : c > '9')) {
			letter = 1;
			++*lettered;
		}
		in = wc;
	}
	return w;
}

/* Has the text a letter (a count "১২", a time "02:35", "▶" has
 * none)? */
static int
has_letter(const char *t, size_t n)
{
	const unsigned char *u = (const unsigned char *)t;
	size_t i, k;

	for (i = 0; i < n; i += k) {
		k = 1;
		if (u[i] < 0x80) {
			if ((u[i] | 0x20) >= 'a' && (u[i] | 0x20) <= 'z')
				return 1;
		} else if (u_isalpha((UChar32)kh_utf8_next(u + i, n - i,
		    &k))) {
			return 1;
		}
	}
	return 0;
}

static int
is_more(const char *t, size_t n)
{
	char low[64];

	while (n > 0 && (t[n - 1] == ' ' || t[n - 1] == '.' ||
	    t[n - 1] == ':' || t[n - 1] == '>'))
		n--;
	while (n > 0 && (*t == ' ' || *t == '+' || *t == '>'))
		t++, n--;
	if (n == 0 || n >= sizeof low)
		return 0;
	for (size_t i = 0; i < n; i++)
		low[i] = t[i] >= 'A' && t[i] <= 'Z' ? t[i] | 0x20 : t[i];
	return word_in(more_texts, low, n);
}

/* Does the text start with a call to act? */
static int
is_action(const char *t, size_t n)
{
	size_t k;

	while (n > 0 && (*t == ' ' || *t == '\t' || *t == '\n'))
		t++, n--;
	for (const char *const *a = action_texts; *a; a++) {
		k = strlen(*a);
		if (n >= k && strncasecmp(t, *a, k) == 0 &&
		    (n == k || !((t[k] | 0x20) >= 'a' && (t[k] | 0x20) <= 'z')))
			return 1;
	}
	return 0;
}

/* An attribute's value kept in the attribute text; its offset. */
static size_t
keep_attr(struct page *p, const char *v, size_t *len)
{
	size_t off = p->attrs.len;

	*len = strlen(v);
	buf_add(&p->attrs, v, *len);
	return off;
}

/* A text of n bytes cut to at most max, at a code point. */
static size_t
cut(const char *t, size_t n, size_t max)
{
	if (n <= max)
		return n;
	n = max;
	while (n > 0 && ((unsigned char)t[n] & 0xc0) == 0x80)
		n--;
	return n;
}

/* A link starts: its mention, and its text to be read. */
static void
link_start(struct page *p, uint32_t e, const char *href,
    const xmlChar **atts)
{
	struct mention *m;
	struct open_a *o;
	const char *v;

	if (p->nm == p->capm) {
		p->capm = p->capm ? p->capm * 2 : 256;
		p->m = kh_realloc(p->m, p->capm * sizeof(*p->m));
	}
	m = &p->m[p->nm++];
	memset(m, 0, sizeof(*m));
	m->el = e;
	m->flags = p->el[e].flags;
	m->href = keep_attr(p, href, &m->hreflen);
	if (p->nopen == p->capopen) {
		p->capopen = p->capopen ? p->capopen * 2 : 8;
		p->open = kh_realloc(p->open, p->capopen * sizeof(*p->open));
	}
	o = &p->open[p->nopen++];
	memset(o, 0, sizeof(*o));
	o->m = p->nm - 1;
	o->el = e;
	o->start = p->text.len;
	o->inhead = NO_EL;
	if ((v = attr(atts, "aria-label")) != NULL) {
		o->has_label = 1;
		o->label = keep_attr(p, v, &o->labellen);
	}
	if ((v = attr(atts, "title")) != NULL) {
		o->has_title = 1;
		o->title = keep_attr(p, v, &o->titlelen);
	}
}

/* A text from an attribute as a mention's text.  A call to act stays
 * one whatever says it ("Download our app" on a badge). */
static void
text_from_attr(struct page *p, struct mention *m, size_t off, size_t len)
{
	m->text = off;
	m->textlen = len;
	m->text_attr = 1;
	m->words = count_words(p->attrs.s + off, len, &m->lettered);
	m->action |= is_action(p->attrs.s + off, len);
}

/* A link ends: what its text says, and its counts in its element. */
static void
link_end(struct page *p, struct open_a *o)
{
	struct mention *m = &p->m[o->m];
	struct el *e = &p->el[o->el];
	size_t len = cut(p->text.s + o->start, p->text.len - o->start,
	    ANCHOR_TEXT_MAX);
	const char *t;

	/* a card link holding a heading: the heading is the title */
	if (o->headlen > 0 && o->head < o->start + len) {
		m->heading = 1;
		m->text = o->head;
		m->textlen = o->head + o->headlen > o->start + len ?
		    o->start + len - o->head : o->headlen;
	} else {
		m->text = o->start;
		m->textlen = len;
	}
	m->heading |= (m->flags & C_HEADING) != 0;
	t = mention_text(p, m);
	m->words = count_words(t, m->textlen, &m->lettered);
	m->more = is_more(t, m->textlen);
	m->action = is_action(t, m->textlen);
	/* a picture with a count over it (১২), a duration, a ▶: the
	 * picture's alt says what it shows */
	if (m->words > 0 && m->words <= 3 && !m->more && o->has_alt &&
	    o->altlen > 0 && o->altlen < ANCHOR_TEXT_MAX &&
	    !has_letter(t, m->textlen)) {
		text_from_attr(p, m, o->alt, o->altlen);
		m->alt = 1;
	}
	if (m->words == 0 && o->has_label && o->labellen > 0 &&
	    o->labellen < ANCHOR_TEXT_MAX) {
		/* a link without text that says what it is: as its text */
		text_from_attr(p, m, o->label, o->labellen);
		t = mention_text(p, m);
		m->more = is_more(t, m->textlen);
		m->action = is_action(t, m->textlen);
	}
	if (m->words == 0) {
		/* a picture: its alt text, else the link's title */
		size_t off = 0, k = 0;

		if (o->has_alt && o->altlen > 0) {
			off = o->alt;
			k = o->altlen;
		} else if (o->has_title) {
			off = o->title;
			k = o->titlelen;
		}
		if (k > 0 && k < ANCHOR_TEXT_MAX) {
			text_from_attr(p, m, off, k);
			m->alt = 1;
		}
	}
	e->anchors++;
	e->short_anchors += m->words <= 2 && !m->alt;
	if (!m->alt)
		e->link_text += solid(mention_text(p, m), m->textlen);
}

/* A <link rel="alternate"> to a feed: a further source. */
static void
feed_link(struct page *p, const xmlChar **atts)
{
	const char *rel = attr(atts, "rel"), *type = attr(atts, "type"),
	    *href, *title;
	struct found f = { .kind = LK_FEED, .via = V_HTML };
	int alternate = 0;

	if (rel != NULL)
		for (const char *r = rel; *r; r += strcspn(r, " \t\r\n")) {
			r += strspn(r, " \t\r\n");
			if (strncasecmp(r, "alternate", 9) == 0 &&
			    (r[9] == '\0' || strchr(" \t\r\n", r[9])))
				alternate = 1;
		}
	if (alternate && type != NULL &&
	    (strncasecmp(type, "application/rss+xml", 19) == 0 ||
	    strncasecmp(type, "application/atom+xml", 20) == 0 ||
	    strncasecmp(type, "application/feed+json", 21) == 0 ||
	    strncasecmp(type, "application/rdf+xml", 19) == 0) &&
	    (href = attr(atts, "href")) != NULL) {
		title = attr(atts, "title");
		f.ref = href;
		f.reflen = strlen(href);
		f.base = p->base;
		f.title = title;
		f.titlelen = title ? strlen(title) : 0;
		src_found(p->s, &f);
	}
}

static void
set_base(struct page *p, const char *href)
{
	const char *err, *b;
	size_t len;

	if (p->base != NULL || href == NULL)
		return;
	b = kh_url_canon(p->s->canon, href, strlen(href), p->s->url, &len,
	    &err);
	if (b != NULL) {
		p->base = kh_malloc(len + 1);
		memcpy(p->base, b, len + 1);
	}
}

/* Text into the open links (at most ANCHOR_TEXT_MAX bytes the
 * innermost). */
static void
link_text(struct page *p, const char *t, size_t n)
{
	size_t have = p->text.len - p->open[p->nopen - 1].start;

	if (have >= ANCHOR_TEXT_MAX)
		return;
	buf_add(&p->text, t, cut(t, n, ANCHOR_TEXT_MAX - have));
}

static void
sax_start(void *ctx, const xmlChar *xname, const xmlChar **atts)
{
	struct page *p = ctx;
	const char *name = (const char *)xname, *v;
	uint32_t up;
	unsigned own, flags;
	struct el *e;
	size_t i;

	if (name == NULL)
		return;
	if (p->done) {
		/* after </html>: in the root again, as a tree would have
		 * it */
		p->done = 0;
		p->stack[p->depth++] = 0;
	}
	/* what is under a script, a template, an svg: not read */
	if (p->skip > 0 || (p->depth > 0 &&
	    (p->el[p->stack[p->depth - 1]].flags & C_SKIP))) {
		p->skip++;
		return;
	}
	if (p->depth == p->capstack) {
		p->capstack = p->capstack ? p->capstack * 2 : 64;
		p->stack = kh_realloc(p->stack, p->capstack *
		    sizeof(*p->stack));
	}
	if (p->nel == p->capel) {
		p->capel = p->capel ? p->capel * 2 : 1024;
		p->el = kh_realloc(p->el, p->capel * sizeof(*p->el));
	}
	up = p->depth > 0 ? p->stack[p->depth - 1] : NO_EL;
	/* the root is no context */
	own = up == NO_EL ? 0 : element_own(name, atts);
	flags = up == NO_EL ? 0 : combine(p->el[up].flags, own);
	e = &p->el[p->nel];
	memset(e, 0, sizeof(*e));
	e->parent = up;
	e->flags = flags;
	e->own = own;
	e->headings = (own & C_HEADING) != 0;
	e->tag = name_is(name, "p") ? T_P : name_is(name, "body") ||
	    name_is(name, "html") ? T_TOP : inline_name(name) ? T_INLINE :
	    T_OTHER;
	p->stack[p->depth++] = p->nel++;

	if (p->nopen > 0 && e->tag != T_INLINE &&
	    p->text.len > p->open[0].start &&
	    p->text.len - p->open[p->nopen - 1].start < ANCHOR_TEXT_MAX)
		buf_add(&p->text, " ", 1);
	if (flags & C_SKIP)
		return;
	if (p->nopen > 0 && heading_name(name))
		for (i = 0; i < p->nopen; i++)
			if (p->open[i].inhead == NO_EL &&
			    p->open[i].headlen == 0) {
				p->open[i].inhead = p->nel - 1;
				p->open[i].head = p->text.len;
			}
	switch (name[0]) {
	case 'a':
		if (name[1] == '\0' && (v = attr(atts, "href")) != NULL)
			link_start(p, p->nel - 1, v, atts);
		break;
	case 'b':
		if (name_is(name, "base"))
			set_base(p, attr(atts, "href"));
		break;
	case 'i':
		if (p->nopen > 0 && name_is(name, "img")) {
			v = attr(atts, "alt");
			for (i = 0; i < p->nopen; i++) {
				if (p->open[i].img)
					continue;
				p->open[i].img = 1;
				if (v != NULL) {
					p->open[i].has_alt = 1;
					p->open[i].alt = keep_attr(p, v,
					    &p->open[i].altlen);
				}
			}
		}
		break;
	case 'l':
		if (name_is(name, "link"))
			feed_link(p, atts);
		break;
	}
}

static void
sax_end(void *ctx, const xmlChar *name)
{
	struct page *p = ctx;
	uint32_t k;
	struct el *e, *up;

	(void)name;
	if (p->skip > 0) {
		p->skip--;
		return;
	}
	if (p->done || p->depth == 0)
		return;
	k = p->stack[--p->depth];
	e = &p->el[k];
	for (size_t i = 0; i < p->nopen; i++)
		if (p->open[i].inhead == k) {
			p->open[i].headlen = p->text.len - p->open[i].head;
			p->open[i].inhead = NO_EL;
		}
	if (p->nopen > 0 && p->open[p->nopen - 1].el == k)
		link_end(p, &p->open[--p->nopen]);
	if (e->parent != NO_EL) {
		up = &p->el[e->parent];
		up->anchors += e->anchors;
		up->short_anchors += e->short_anchors;
		up->headings += e->headings;
		up->text += e->text;
		up->link_text += e->link_text;
	}
	if (p->depth == 0)
		p->done = 1;
}

static void
sax_text(void *ctx, const xmlChar *xt, int len)
{
	struct page *p = ctx;
	const char *t = (const char *)xt;
	struct el *e;

	if (p->skip > 0 || p->nel == 0 || len <= 0)
		return;
	/* after </html>: the root's, as a tree would have it */
	e = &p->el[p->done || p->depth == 0 ? 0 : p->stack[p->depth - 1]];
	if (e->flags & C_SKIP)
		return;
	e->text += solid(t, len);
	if (p->nopen > 0)
		link_text(p, t, len);
}

/* What the parser does not build: script and style's text, white space
 * it leaves out. */
static void
sax_none(void *ctx, const xmlChar *t, int len)
{
	(void)ctx;
	(void)t;
	(void)len;
}

/* Read the page with SAX into p: its elements and links. */
static void
parse(struct page *p, const char *body, size_t len)
{
	htmlSAXHandler sax;
	htmlParserCtxtPtr ctxt;

	if ((ctxt = htmlNewParserCtxt()) == NULL)
		kh_die("htmlNewParserCtxt: out of memory");
	memset(&sax, 0, sizeof(sax));
	sax.startElement = sax_start;
	sax.endElement = sax_end;
	sax.characters = sax_text;
	sax.cdataBlock = sax_none;
	sax.ignorableWhitespace = sax_none;
	memcpy(ctxt->sax, &sax, sizeof(sax));
	ctxt->userData = p;
	/* the body is UTF-8 (fetch made it so), whatever its <meta> says */
	htmlCtxtReadMemory(ctxt, body, len > INT_MAX ? INT_MAX : (int)len,
	    p->s->url, "UTF-8", HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
	    HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT);
	/* what the parser left open */
	while (p->depth > 0 && !p->done)
		sax_end(p, NULL);
	htmlFreeParserCtxt(ctxt);
}

/* --- weighing ---------------------------------------------------------- */

/* The block a link stands in: the nearest ancestor holding 4 links or
 * more.  A menu's are short (a word or two) and its text all links. */
static int
in_menu(struct page *p, uint32_t a)
{
	const struct el *st;
	int up = 0;

	for (uint32_t n = p->el[a].parent; n != NO_EL && up < 6;
	    n = p->el[n].parent, up++) {
		st = &p->el[n];
		if (st->anchors < 4)
			continue;
		return st->short_anchors * 5 >= st->anchors * 4 &&
		    st->link_text * 10 >= st->text * 7;
	}
	return 0;
}

/* A mention's context, from the top of the page down to it.  The body,
 * and a wrapper holding half the page's links or more, are no
 * navigation, header or footer, whatever their class says (<body
 * class="onenav-site-navigation">). */
static unsigned
context(struct page *p, uint32_t a, unsigned total)
{
	uint32_t chain[256];
	const struct el *st;
	size_t k = 0;
	unsigned f = 0, own;

	for (uint32_t n = a; n != NO_EL && k < 256; n = p->el[n].parent)
		chain[k++] = n;
	while (k-- > 0) {
		st = &p->el[chain[k]];
		own = st->own;
		if ((st->anchors >= 20 && st->anchors * 2 >= total) ||
		    st->tag == T_TOP)
			own &= ~(C_CHROME | C_HDRFTR | C_ASIDE);
		/* a card's header: a heading and a link or three */
		if ((own & C_HDRFTR) && st->headings > 0 && st->anchors <= 3)
			own &= ~C_HDRFTR;
		f = combine(f, own);
	}
	return f;
}

static struct group *
group_of(struct page *p, const char *url, size_t len, size_t mention)
{
	struct group *g;
	size_t k;
	int added;

	k = urltab_add(&p->urls, url, len, &added);
	if (k == p->capg) {
		p->capg = p->capg ? p->capg * 2 : 128;
		p->g = kh_realloc(p->g, p->capg * sizeof(*p->g));
	}
	g = &p->g[k];
	if (!added)
		return g;
	memset(g, 0, sizeof(*g));
	g->first = mention;
	g->title = (size_t)-1;
	g->title_rank = 0;
	g->chrome_only = 1;
	g->shrt = 1;
	g->score = -1e9;
	g->cls = url_shape(urltab_url(&p->urls, k), len, &g->u);
	return g;
}

/* The group of a mention's href: made canonical once for all the
 * links of the page that write it alike (a picture, a headline and a
 * "more" of one card); NULL when it is no http(s) URL. */
static struct group *
group_of_href(struct page *p, const struct mention *m, size_t i)
{
	const char *href = p->attrs.s + m->href, *url, *err;
	size_t k, len;
	int added;

	if (m->hreflen == 0 || href[0] == '#' ||
	    strncasecmp(href, "javascript:", 11) == 0 ||
	    strncasecmp(href, "mailto:", 7) == 0 ||
	    strncasecmp(href, "tel:", 4) == 0)
		return NULL;
	k = urltab_add(&p->hrefs, href, m->hreflen, &added);
	if (k == p->caph) {
		p->caph = p->caph ? p->caph * 2 : 128;
		p->href_group = kh_realloc(p->href_group,
		    p->caph * sizeof(*p->href_group));
	}
	if (!added)
		return p->href_group[k] == (size_t)-1 ? NULL :
		    &p->g[p->href_group[k]];
	url = kh_url_canon(p->s->canon, href, m->hreflen,
	    p->base ? p->base : p->s->url, &len, &err);
	if (url == NULL) {
		p->href_group[k] = (size_t)-1;
		return NULL;
	}
	p->href_group[k] = group_of(p, url, len, i) - p->g;
	return &p->g[p->href_group[k]];
}

/* How well a mention's text serves as the title: 0 not at all. */
static int
title_rank(const struct mention *m)
{
	if (m->more || m->action || m->inline_ || m->textlen == 0)
		return 0;
	if (m->heading && !m->alt && m->words >= 2)
		return 4;
	if (!m->alt && m->words >= 3)
		return 3;
	if (m->alt && m->words >= 3)
		return 1;
	return 0;
}

static int
headline(const struct mention *m)
{
	return !m->more && !m->alt && !m->action && !m->inline_ &&
	    m->words >= HEADLINE_WORDS && m->lettered >= HEADLINE_WORDS - 1;
}

/* art_like: the URL has the shape of the page's articles, and its
 * path but the last segment is one of theirs (decide()). */
static double
mention_score(struct page *p, struct mention *m, const struct group *g,
    int art_like)
{
	static const double cls_score[] = { -10, -4, -2.5, 0, 1.5, 3 };
	double sc = cls_score[g->cls - U_FILE];

	if (headline(m))
		sc += 1.5;
	else if (!m->more && m->words == 3)
		sc += 0.5;	/* three words, or a picture that says what
				 * it shows */
	else if (!m->more && !m->alt && m->words == 1)
		sc -= 1;
	else if (m->alt && m->words > 3)
		sc += 0.5;
	if (m->heading)
		sc += 1;
	if (m->action)
		sc -= 3;
	if (m->flags & C_CHROME) {
		/* A headline in the site's header, menu or footer (a
		 * ticker, a trending strip, a story in a menu) is an
		 * article when its URL says so on its own (an id, a date)
		 * or is like the page's articles where they stand; a
		 * menu's sections are neither, or have no headline. */
		if (!headline(m) || !((g->cls == U_ARTICLE &&
		    !g->u.by_slug) || (art_like && g->cls > U_UNKNOWN)))
			sc -= 3.5;
	} else if (in_menu(p, m->el))
		sc -= 2;
	if (m->flags & C_MAIN)
		sc += 0.5;
	if (m->flags & C_ASIDE)
		sc -= 0.5;
	return sc;
}

/* Is the link a mention in running text (a paragraph much longer
 * than the link)?  Its text is no headline then. */
static int
in_text(struct page *p, const struct mention *m)
{
	uint32_t n = p->el[m->el].parent;

	while (n != NO_EL && p->el[n].tag == T_INLINE)
		n = p->el[n].parent;
	if (n == NO_EL || p->el[n].tag != T_P)
		return 0;
	return p->el[n].text > 2 * solid(mention_text(p, m), m->textlen) +
	    40;
}

/* Counts of the page's URLs by a key (a shape, a prefix). */
struct tally {
	uint64_t key;
	unsigned n, a, b;
};

static struct tally *
tally_of(struct tally *v, size_t mask, uint64_t key)
{
	size_t i;

	key |= 1;	/* 0 marks an empty slot */
	for (i = key & mask; v[i].key != 0 && v[i].key != key;
	    i = (i + 1) & mask)
		;
	v[i].key = key;
	return &v[i];
}

static void
decide(struct page *p)
{
	struct tally *shapes, *prefixes, *t;
	size_t mask = 1, i;

	/* every mention to its URL's group */
	for (i = 0; i < p->nm; i++) {
		struct mention *m = &p->m[i];
		struct group *g;

		m->flags = context(p, m->el, p->nel ? p->el[0].anchors : 0);
		if (in_text(p, m))
			m->inline_ = 1;
		if ((g = group_of_href(p, m, i)) == NULL) {
			m->group = (size_t)-1;
			continue;
		}
		m->group = g - p->g;
		if (m->flags & C_CHROME)
			continue;
		g->chrome_only = 0;
		g->head |= headline(m);
		g->shrt &= m->words <= 2 || m->more;
	}
	while (mask + 1 < p->urls.n * 2 + 2)
		mask = mask * 2 + 1;
	shapes = calloc(mask + 1, sizeof(*shapes));
	prefixes = calloc(mask + 1, sizeof(*prefixes));
	if (shapes == NULL || prefixes == NULL)
		kh_die("calloc:");
	/* Ids of letters alone (pvtuawaylj) or with few digits
	 * (havwy86ogg): a token that could be an id is one when the page
	 * links two others of its host, depth and length, of its
	 * alphabet, that are ids by themselves (tinj61zj9m); a word of
	 * that length is no id (shape.c's letter pairs tell), and a token
	 * the letters leave in doubt (okutawvy, rajshahi) must be linked
	 * with a headline too. */
	for (i = 0; i < p->urls.n; i++) {
		struct group *g = &p->g[i];

		if (g->u.idlike != ID_IS)
			continue;
		t = tally_of(prefixes, mask, g->u.idkey);
		t->n++;
		t->a |= g->u.idchars;
	}
	for (i = 0; i < p->urls.n; i++) {
		struct group *g = &p->g[i];

		if (g->u.idlike == 0 || g->u.idlike == ID_IS ||
		    (g->u.idlike == ID_MAYBE && !g->head) ||
		    g->cls <= U_LIST || g->cls >= U_WEAK)
			continue;
		t = tally_of(prefixes, mask, g->u.idkey);
		if (t->n >= 2 && (g->u.idchars & ~t->a) == 0) {
			/* weaker than an id of its own: the page's word */
			g->cls = U_WEAK;
			g->u.shape = g->u.idshape;
			g->u.last = SG_ID;
			g->u.by_slug = 0;
		}
	}
	memset(prefixes, 0, (mask + 1) * sizeof(*prefixes));
	/* The page's repetition, outside the chrome: by shape, how many
	 * URLs (n) and how many with a headline (a) or short texts only
	 * (b); by prefix, how many with a headline may be articles (n),
	 * how many end in a word or two (a) and how many in a slug (b). */
	for (i = 0; i < p->urls.n; i++) {
		struct group *g = &p->g[i];

		if (g->chrome_only)
			continue;
		t = tally_of(shapes, mask, g->u.shape);
		t->n++;
		t->a += g->head;
		t->b += g->shrt;
		t = tally_of(prefixes, mask, g->u.prefix);
		t->n += g->head && g->cls >= U_WEAK;
		t->a += g->u.last == SG_WORD || g->u.last == SG_WORDS;
		t->b += g->u.last == SG_SLUG || g->u.last == SG_LONG;
	}
	/* A slug among bare words under one prefix names a topic, a
	 * school, a department, as its neighbours do (/school/science,
	 * /school/humanities-arts-and-social-sciences): no article. */
	for (i = 0; i < p->urls.n; i++) {
		struct group *g = &p->g[i];

		t = tally_of(prefixes, mask, g->u.prefix);
		if (g->u.by_slug && g->cls > U_UNKNOWN && t->a >= 2 &&
		    t->a > t->b)
			g->cls = U_UNKNOWN;
	}
	for (i = 0; i < p->nm; i++) {
		struct mention *m = &p->m[i];
		struct group *g;
		double sc;
		int r, art_shape;

		if (m->group == (size_t)-1)
			continue;
		g = &p->g[m->group];
		t = tally_of(shapes, mask, g->u.shape);
		art_shape = t->n >= 3 && t->a * 2 >= t->n;
		sc = mention_score(p, m, g, art_shape &&
		    tally_of(prefixes, mask, g->u.prefix)->n > 0);
		/* an article shape lends to a headline, a picture, a "more",
		 * not to a name of a word or two (a sub-section's) unless
		 * its URL says article */
		if (art_shape && (g->cls == U_ARTICLE ||
		    m->words >= 3 || m->words == 0 || m->more || m->alt))
			sc += 1.5;
		else if (t->n >= 4 && t->a == 0 && t->b * 4 >= t->n * 3)
			sc -= 1;
		if (sc > g->score)
			g->score = sc;
		if ((r = title_rank(m)) > g->title_rank) {
			g->title_rank = r;
			g->title = i;
		}
	}
	free(shapes);
	free(prefixes);
}

/* -vvv: a URL of the page, its score and title. */
static void
say_score(struct page *p, const struct group *g)
{
	const char *t = "";
	size_t n = 0;

	if (g->title != (size_t)-1) {
		t = mention_text(p, &p->m[g->title]);
		n = p->m[g->title].textlen;
		if (n > 80) {
			n = 80;
			while (n > 0 && ((unsigned char)t[n] & 0xc0) == 0x80)
				n--;
		}
	}
	src_warn(p->s, "%s %.1f %.*s | %.*s", g->score >= ARTICLE_SCORE ?
	    "article" : "not    ", g->score, (int)p->urls.e[g - p->g].len,
	    urltab_url(&p->urls, g - p->g), (int)n, t);
}

long
page_read(struct source *s, const char *body, size_t len)
{
	struct page p = { .s = s };
	const char *self, *err;
	char *own = NULL;
	size_t ownlen = 0;
	long n = 0;

	xml_init();
	parse(&p, body, len);
	decide(&p);
	if ((self = kh_url_canon(s->canon, s->url, strlen(s->url), NULL,
	    &ownlen, &err)) != NULL) {
		own = kh_malloc(ownlen + 1);
		memcpy(own, self, ownlen + 1);
	}
	for (size_t i = 0; i < p.urls.n; i++) {
		struct group *g = &p.g[i];
		struct found f = { .kind = LK_ARTICLE, .via = V_HTML,
		    .canonical = 1 };

		if (links_opt.verbose >= 3)
			say_score(&p, g);

		if (g->score < ARTICLE_SCORE)
			continue;
		/* the page itself is no find */
		f.ref = urltab_url(&p.urls, i);
		f.reflen = p.urls.e[i].len;
		if (own != NULL && ownlen == f.reflen &&
		    memcmp(own, f.ref, f.reflen) == 0)
			continue;
		if (g->title != (size_t)-1) {
			f.title = mention_text(&p, &p.m[g->title]);
			f.titlelen = p.m[g->title].textlen;
		}
		src_found(s, &f);
		n++;
	}
	free(p.text.s);
	free(p.attrs.s);
	free(p.m);
	free(p.g);
	free(p.el);
	free(p.stack);
	free(p.open);
	urltab_free(&p.urls);
	urltab_free(&p.hrefs);
	free(p.href_group);
	free(p.base);
	free(own);
	return n;
}
