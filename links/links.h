/*
 * links.h: what the parts of links share.
 *
 * A reader (feed.c, sitemap.c, page.c) takes the body of one source and
 * hands each URL it finds to src_found(); emit.c resolves and
 * canonicalises it, merges the mentions of one URL within the source,
 * filters, deduplicates across the run and writes one record a URL at
 * src_end().  The readers know nothing of records, so the fuzz targets
 * run them without the program.
 */
#ifndef LINKS_H
#define LINKS_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <regex.h>

#include "khobor.h"

/* What a URL found is (the record's kind). */
enum lkind { LK_ARTICLE, LK_FEED, LK_SITEMAP, LK_ROBOTS, LK_NKINDS };
/* How it was found (the record's via). */
enum via { V_RSS, V_ATOM, V_RDF, V_JSONFEED, V_SITEMAP, V_NEWS_SITEMAP,
	V_ROBOTS, V_HTML, V_NVIAS };
/* What a source is, as read. */
enum stype { S_FEED, S_SITEMAP, S_ROBOTS, S_PAGE, S_NTYPES };

extern const char *const lkind_name[LK_NKINDS];
extern const char *const via_name[V_NVIAS];

/* One mention of a URL.  Strings need not be NUL-terminated; NULL or
 * a length of 0 means absent.  Titles are text as the source has it:
 * emit.c collapses white space and cuts them to a sane length. */
struct found {
	const char *ref;	/* the URL as written, maybe relative */
	size_t reflen;
	const char *base;	/* absolute, NUL-terminated: what ref is
				 * resolved against; NULL: the source's */
	int canonical;		/* ref is kh_url_canon's already */
	enum lkind kind;
	enum via via;
	const char *title;
	size_t titlelen;
	int title_rank;		/* a mention with a higher rank gives the
				 * title (HTML: heading > link > "more") */
	int title_markup;	/* the title may hold HTML: tags and
				 * entities (RSS, Atom type="html") */
	const char *published;	/* a date as written (date.c reads it) */
	size_t publen;
	const char *lastmod;
	size_t lastmodlen;
	const char *lang;	/* a language as written (en-us, bn_BD) */
	size_t langlen;
};

/* What the user asked for (links.c sets it; emit.c obeys). */
struct links_opt {
	time_t max_age;		/* seconds; 0: any age */
	time_t now;
	int same_site;		/* 1: every source; -1: none (--any-site);
				 * 0: HTML pages only (the default) */
	regex_t *include, *exclude;
	size_t ninclude, nexclude;
	unsigned long limit;	/* URLs written a source; 0: all */
	long max_depth;
	int verbose;
};
extern struct links_opt links_opt;

/* Run-wide counts, for the summary. */
struct links_count {
	unsigned long sources[S_NTYPES];
	unsigned long urls[LK_NKINDS];
	unsigned long failed, unchanged, articles_in;
	unsigned long dup, old, filtered, offsite, deep, limited, refused;
	unsigned long again;	/* written again: a later lastmod */
	unsigned long deep_sources;	/* sources whose further sources
					 * were not written (--max-depth) */
};
extern struct links_count links_count;

/* A source being read: set up by src_begin, ended by src_end.  Write
 * is what each record goes to (rec_write_text in the program, a
 * checker in the fuzz targets). */
typedef void links_write_fn(const char *text, size_t len);
struct src_items;
struct source {
	const struct rec_pos *pos;	/* for messages; may be NULL */
	const char *url;	/* the source's own URL (final_url or url),
				 * NUL-terminated, absolute */
	enum stype type;
	long depth;		/* the source record's */
	const char *site;	/* the source record's site, or NULL */
	size_t sitelen;
	const char *lang;	/* the source's language (a feed's
				 * <language>), as written, or NULL */
	size_t langlen;
	int bd;			/* the source is from Bangladesh: BST is
				 * +06:00 there (date.c) */
	links_write_fn *write;
	struct kh_url *canon;	/* the URL canonicaliser, run-long */
	struct src_items *items;	/* emit.c's */
	unsigned long nfound;	/* mentions handed to src_found */
};

/* emit.c */
void src_begin(struct source *s);
void src_found(struct source *s, const struct found *f);
void src_end(struct source *s);
/* A message about the source: "links: FILE:LINE: URL: what"
 * (silenced by -q). */
void src_warn(const struct source *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The run-wide set of URLs written: 64-bit hashes, open addressing,
 * each with the date (published or lastmod, the later; 0: none) it was
 * written with.  Returns 1 when h was not there (and adds it), 2 when it
 * was written dated and lastmod is later (now its date), 0 else. */
int seen_add(uint64_t h, time_t date, time_t lastmod);
void seen_free(void);
uint64_t links_hash(const char *s, size_t len);
/* JSON string text of s (UTF-8) appended to *buf. */
struct buf {
	char *s;
	size_t len, cap;
};
void buf_add(struct buf *b, const char *s, size_t len);
void buf_json(struct buf *b, const char *s, size_t len);
/* A table of URLs, each once, numbered from 0 in the order added (a
 * source's items, a page's links): urltab_add() gives the number of
 * url, *added telling whether it is new. */
struct urltab {
	struct buf text;	/* the URLs, each NUL-terminated */
	struct urlent {
		size_t off, len;
		uint64_t hash;
	} *e;
	size_t n, cap;
	uint32_t *slot;		/* entry number + 1 by hash; 0 empty */
	size_t mask;
};
size_t urltab_add(struct urltab *t, const char *url, size_t len,
	int *added);
void urltab_clear(struct urltab *t);
void urltab_free(struct urltab *t);
static inline const char *
urltab_url(const struct urltab *t, size_t i)
{
	return t->text.s + t->e[i].off;
}

/* date.c: a date as feeds and sitemaps write it (RFC 822, ISO 8601,
 * W3C datetime, RFC 3339) in the form records.md gives published:
 * YYYY-MM-DD or YYYY-MM-DDThh:mm[:ss][Z|+hh:mm].  bd: a zone BST is
 * Bangladesh's.  Returns the length written to out (at least 32 bytes),
 * or 0 when s is not a date; *when is the instant (UTC; a time without
 * offset or a date alone taken at their latest reading) for
 * --max-age. */
size_t date_parse(const char *s, size_t len, int bd, char *out,
	time_t *when);

/* lang.c-like helper in emit.c: a language as written to a BCP 47 tag
 * (en_us -> en-US); 0 when it is not one. */
size_t lang_norm(const char *s, size_t len, char *out, size_t outsz);

/* xml.c: the safe, lenient XML reading the feed and sitemap readers
 * share.  xml_fix() gives the body with what a lenient reader would
 * repair (a bare &, an HTML entity, a reference to an entity of the
 * document's DTD, a control character) repaired, or the body itself
 * when there was nothing to repair; the counts say what was done. */
struct xml_fixes {
	unsigned long amp, entity, undefined, control;
	char first_entity[48];	/* the first undefined entity's name */
	char *copy;		/* the repaired body (free it), or NULL */
};
const char *xml_fix(const char *s, size_t len, size_t *outlen,
	struct xml_fixes *fx);
/* libxml2 options for untrusted XML: no network, no DTD, no entity
 * substitution, no XInclude, the body taken as UTF-8 whatever it says. */
int xml_options(void);
/* Start and end collecting libxml2's errors for a source; xml_report
 * says on stderr what was wrong with it (once, one line). */
void xml_errors_begin(void);
unsigned long xml_errors(void);	/* errors so far */
void xml_report(const struct source *s, const struct xml_fixes *fx,
	const char *what);
/* Refuse every external entity and DTD (file: included); once a run. */
void xml_init(void);
/* Text of a node and its descendants, whitespace collapsed (at most
 * max bytes). */
struct _xmlNode;
size_t xml_text(struct _xmlNode *n, char *out, size_t max);

/* The readers.  Each returns the number of URLs found, or -1 when the
 * body is not what it was taken for (nothing found). */
long feed_read(struct source *s, const char *body, size_t len);
long jsonfeed_read(struct source *s, const char *body, size_t len);
long sitemap_read(struct source *s, const char *body, size_t len);
long sitemap_text_read(struct source *s, const char *body, size_t len);
long robots_read(struct source *s, const char *body, size_t len);
long page_read(struct source *s, const char *body, size_t len);

/* shape.c: what a canonical URL's shape says (page.c weighs it). */
enum ucls {
	U_FILE = -3,		/* an image, a PDF: not a page */
	U_LIST = -2,		/* tag, author, search, pagination, login */
	U_SECTION = -1,		/* the root; one or two bare words */
	U_UNKNOWN = 0,
	U_WEAK = 1,		/* a slug of three words */
	U_ARTICLE = 2		/* an id, a date and more, a long slug */
};

/* Segment kinds, the letters of a shape. */
enum {
	SG_WORD = 'w',		/* one word */
	SG_WORDS = 'W',		/* two */
	SG_SLUG = 's',		/* three */
	SG_LONG = 'S',		/* four or more (three Bengali) */
	SG_NUM = 'n',		/* a number of 1 to 4 digits */
	SG_YEAR = 'y',
	SG_DATE = 'd',		/* 2024-08-17, 20240817 */
	SG_ID = 'i',		/* 5 digits or more; hex; mixed; slug-123456 */
	SG_OTHER = 'x'
};

/* The rest: the hash of its host and segment kinds (shape), of its
 * host and path but the last segment (prefix), the kind of its last
 * segment, and whether only a slug made it an article. */
struct ushape {
	uint64_t shape, prefix;
	int last, by_slug;
	/* a last segment of letters and digits alone: whether it could
	 * be an id (ID_*, 0 no), the kinds of its characters (IDC_*), a
	 * key of its host, depth and length, and the shape the URL has if
	 * it is an id */
	int idlike;
	unsigned char idchars;
	uint64_t idkey, idshape;
};
enum { ID_MAYBE = 1, ID_LIKELY, ID_IS };
enum { IDC_DIGIT = 1, IDC_HEX = 2, IDC_LOWER = 4, IDC_UPPER = 8 };
int url_shape(const char *url, size_t len, struct ushape *u);
/* Is s[0..n) a word of list (a NULL-ended array; ASCII case folded)? */
int word_in(const char *const *list, const char *s, size_t n);

/* sniff (links.c's, in sniff.c): what the body is. */
enum body { B_RSS, B_RDF, B_ATOM, B_SITEMAP, B_JSON, B_ROBOTS,
	B_URLS, B_HTML, B_OTHER };
enum body sniff(const char *body, size_t len, const char *kind,
	size_t *start);		/* where XML starts */
/* Is the URL's path /robots.txt? */
int robots_path(const char *url);

/* The sitemap protocol's limits: what links reads of one sitemap. */
#define SITEMAP_MAX_URLS 50000
#define SITEMAP_MAX_BYTES ((size_t)50 << 20)

#endif
