/*
 * kind.h: what kind of page this is (an article, a forum thread, a
 * listing of other pages, something else), from its markup, its URL
 * and the shape of its text.
 */
#ifndef KIND_H
#define KIND_H

enum page_kind {
	KIND_ARTICLE,
	KIND_FORUM,		/* a thread: its posts are the text */
	KIND_LISTING,		/* items linking to other pages */
	KIND_OTHER		/* products, services, documentation, ... */
};

/* What the page says of itself (meta.c) and how its text lies
 * (extract.c). */
struct page_signals {
	/* schema.org types, in JSON-LD or microdata */
	unsigned char ld_article, ld_product, ld_list, ld_forum, ld_site;
	/* og:type */
	unsigned char og_article, og_product, og_website;
	unsigned char dated;	/* a publication date in the markup */
	unsigned char author;	/* an author in the markup */
	/* the tree, measured */
	unsigned text;		/* text of the body, not dropped */
	unsigned link;		/* of which in links */
	unsigned good;		/* of which in prose blocks */
	unsigned region_good;	/* prose in the region of the text */
	unsigned region_text;	/* all text there */
	unsigned paras;		/* <p> in the region */
	unsigned heads;		/* headline-long links (items) in the body */
	unsigned h1s, articles, times;
	unsigned codes;		/* <pre> and <code> in the region */
	unsigned heads2;	/* <h2>, <h3> in the region */
	unsigned controls;	/* <button>, <input>, <select>, <form> */
	unsigned dateline;	/* a date as the page shows it */
	const char *title;	/* the page's title as clean gives it */
	/* words of the region: all, and of which "we, our", "I, my",
	 * "you, your", "he, she, they, said", numbers, currency signs */
	unsigned words, we, i, you, third, numbers, money;
};

/* The kind, from the signals and the page's address (may be NULL). */
enum page_kind page_kind(const struct page_signals *s, const char *url);
const char *page_kind_name(enum page_kind k);

#endif
