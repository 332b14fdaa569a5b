/*
 * shape.c: what the shape of a URL says of the page it names, for
 * page.c to weigh: an article (an id of five digits or more, a date
 * followed by more path, a hex or mixed id, a slug of four words or
 * three Bengali ones, an id in the query), a list (tag, topic, author,
 * category, page, login or app paths, pagination in the query), a
 * section (the root, one or two bare words), a file; and the shape
 * itself, the kinds of its segments, for the page's repetition; and
 * whether its last segment could be an id of letters (pvtuawaylj),
 * which the page decides.  Also the word lists both files look words
 * up in, as hash tables.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "links.h"

/* Path segments of pages that list articles or serve the reader, not
 * articles: a URL with one of them is not an article. */
static const char *const list_segments[] = {
	"tag", "tags", "topic", "topics", "category", "categories", "author",
	"authors", "writer", "writers", "reporter", "columnist",
	"contributor", "contributors", "profile", "keyword", "keywords",
	"hashtag", "search", "collection", "collections", "archive",
	"archives", "section", "sections", "page", "login", "signin",
	"sign-in", "signup", "register", "account", "subscribe",
	"subscription", "newsletter", "newsletters", "contact",
	"contact-us", "about", "about-us", "privacy", "privacy-policy",
	"terms", "terms-of-use", "terms-and-conditions", "advertise",
	"advertisement", "career", "careers", "jobs", "app", "apps",
	"download", "epaper", "e-paper", "rss", "feed", "feeds", "sitemap",
	"cdn-cgi", "wp-admin", "wp-login.php", "user", "users", "members",
	"help", "faq", "policy", "disclaimer", "corrections", "unsubscribe",
	"tagged", "tag-list", "all-tags", "series", "podcasts", "shows",
	"programs", "events", "event", NULL
};

/* Files that are not pages. */
static const char *const file_exts[] = {
	"jpg", "jpeg", "png", "gif", "webp", "svg", "pdf", "mp3", "mp4",
	"zip", "css", "js", "xml", "json", "apk", "ico", "rss", "doc",
	"docx", "xls", "xlsx", "avif", NULL
};

/* The word lists, each made a hash table at its first use: a page
 * asks about every class word of every element. */
struct wordset {
	const char *const *list;
	unsigned char *len;
	uint16_t *slot;		/* word number + 1; 0 empty */
	size_t mask;
};

static uint32_t
fold_hash(const char *s, size_t n)
{
	uint32_t h = 2166136261u;

	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)(s[i] >= 'A' && s[i] <= 'Z' ?
		    s[i] | 0x20 : s[i])) * 16777619u;
	return h;
}

static struct wordset *
wordset(const char *const *list)
{
	static struct wordset sets[16];
	struct wordset *w;
	size_t n = 0, i;

	for (w = sets; w->list != NULL && w->list != list; w++)
		;
	if (w->list != NULL)
		return w;
	if (w == sets + sizeof(sets) / sizeof(sets[0]) - 1)
		kh_die("page.c: more word lists than sets");
	while (list[n] != NULL)
		n++;
	w->mask = 15;
	while (w->mask + 1 < 4 * n)
		w->mask = w->mask * 2 + 1;
	w->slot = calloc(w->mask + 1, sizeof(*w->slot));
	w->len = kh_malloc(n + 1);
	if (w->slot == NULL)
		kh_die("calloc:");
	for (size_t k = 0; k < n; k++) {
		w->len[k] = strlen(list[k]);
		for (i = fold_hash(list[k], w->len[k]) & w->mask; w->slot[i];
		    i = (i + 1) & w->mask)
			;
		w->slot[i] = k + 1;
	}
	w->list = list;
	return w;
}

/* Is s[0..n) a word of list (ASCII case folded)? */
int
word_in(const char *const *list, const char *s, size_t n)
{
	struct wordset *w = wordset(list);
	size_t i, k;

	if (n > 255)
		return 0;
	for (i = fold_hash(s, n) & w->mask; w->slot[i] != 0;
	    i = (i + 1) & w->mask) {
		k = w->slot[i] - 1;
		if (w->len[k] == n && strncasecmp(list[k], s, n) == 0)
			return 1;
	}
	return 0;
}

static int
hexdig(int c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
}

/* %XX decoded (what a Bengali slug is made of). */
static size_t
pct_decode(const char *s, size_t n, char *out)
{
	size_t k = 0;

	for (size_t i = 0; i < n; i++) {
		if (s[i] == '%' && i + 2 < n && hexdig(s[i + 1] | 0x20) &&
		    hexdig(s[i + 2] | 0x20)) {
			int hi = s[i + 1] | 0x20, lo = s[i + 2] | 0x20;

			hi = hi <= '9' ? hi - '0' : hi - 'a' + 10;
			lo = lo <= '9' ? lo - '0' : lo - 'a' + 10;
			out[k++] = (char)(hi << 4 | lo);
			i += 2;
		} else {
			out[k++] = s[i];
		}
	}
	return k;
}

/* One path segment (decoded), its kind; *ext its extension if any. */
static int
segment(const char *s, size_t n, const char **ext, size_t *extlen,
    int last)
{
	size_t digits = 0, letters = 0, other = 0, i, words = 0, bn = 0;
	size_t run = 0, maxrun = 0, flips = 0, vowels = 0;
	int prev = 0, in = 0, hex = 1;

	*ext = NULL;
	*extlen = 0;
	if (last) {
		/* a leaf's extension: .html, .php */
		for (i = n; i > 0 && i + 6 > n && s[i - 1] != '.'; i--)
			;
		if (i > 1 && i + 6 > n && s[i - 1] == '.' && i < n) {
			*ext = s + i;
			*extlen = n - i;
			n = i - 1;
		}
	}
	if (n == 0)
		return SG_OTHER;
	for (i = 0; i < n; i++) {
		unsigned char c = s[i];
		int kind = c >= '0' && c <= '9' ? 1 :
		    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80 ? 2 :
		    0;

		if (kind == 1) {
			digits++;
			run++;
			if (run > maxrun)
				maxrun = run;
		} else {
			run = 0;
		}
		if (kind == 2) {
			letters++;
			vowels += c < 0x80 && strchr("aeiouyAEIOUY", c) != NULL;
			if (c >= 0x80)
				bn++;
			if (!hexdig(c | 0x20) || c >= 0x80)
				hex = 0;
		}
		if (kind == 0)
			other++;
		if (kind != 0 && !in)
			words++;
		if (kind != 0 && prev != 0 && kind != prev)
			flips++;
		in = kind != 0;
		prev = kind;
	}
	if (digits == n) {
		int v = atoi(s);

		if (n == 8 && v / 10000 >= 1990 && v / 10000 <= 2099 &&
		    v / 100 % 100 >= 1 && v / 100 % 100 <= 12 &&
		    v % 100 >= 1 && v % 100 <= 31)
			return SG_DATE;
		if (n >= 5)
			return SG_ID;
		if (n == 4 && v >= 1990 && v <= 2099)
			return SG_YEAR;
		return SG_NUM;
	}
	if (n == 10 && s[4] == '-' && s[7] == '-' && digits == 8)
		return SG_DATE;
	if (maxrun >= 5 && words >= 2)
		return SG_ID;	/* slug-3678123, 356789-slug */
	if (other == 0 && digits >= 2 && letters >= 1 &&
	    ((hex && n >= 8) || (n >= 6 && flips >= 3)))
		return SG_ID;	/* 3f8a9c2b1d4e, e7h6gd9w2m */
	if (other == 0 && bn == 0 && n >= 8 && digits >= 1 && letters >= 4 &&
	    vowels * 4 < letters)
		return SG_ID;	/* 4qgygcmtba: letters no word has */
	if (digits > 0 && words == 1)
		return SG_OTHER;	/* covid19 */
	/* Bengali letters take 3 bytes; count words */
	if (words >= 4 || (words >= 3 && bn > 0))
		return SG_LONG;
	if (words == 3)
		return SG_SLUG;
	if (words == 2)
		return SG_WORDS;
	if (words == 1)
		return SG_WORD;
	return SG_OTHER;
}

/* Pairs of consonants words have, in English and in Bengali written in
 * Latin letters (bh, dh, kh, nj): any other pair is rare in a word,
 * and common in a random id (pvtuawaylj: pv, vt, lj).  y counts as a
 * vowel. */
static const char common_pairs[] =
	"bb bh bl br bs cc ch ck cl cr ct dd dg dh dj dm dr ds ff fl fr ft "
	"gg gh gl gn gr gs hl hm hn hr hs ht jh kh kk kl kn kr ks kt lb lc "
	"ld lf lg lk ll lm lp ls lt lv mb mm mn mp ms nc nd nf ng nh nj nk "
	"nl nm nn nr ns nt nv nw nz ph pl pp pr ps pt rb rc rd rf rg rh rj "
	"rk rl rm rn rp rr rs rt rv rw rz sc sh sk sl sm sn sp ss st sw tc "
	"th tl tr ts tt tw wd wh wk wl wn wr ws xc xp xt zz dl ln tf tz fs "
	"dw hw dn cs tm bt gm hf";

static int
consonant(int c)
{
	return c >= 'a' && c <= 'z' && strchr("aeiouy", c) == NULL;
}

/* Pairs of letters of s no word has (ASCII case folded). */
static int
rare_pairs(const char *s, size_t n)
{
	static uint32_t ok[26];	/* bit j of ok[i]: the pair i, j is common */
	static int init;
	int rare = 0, a, b;

	if (!init) {
		for (const char *p = common_pairs; *p; p += p[2] ? 3 : 2)
			ok[p[0] - 'a'] |= (uint32_t)1 << (p[1] - 'a');
		init = 1;
	}
	for (size_t i = 0; i + 1 < n; i++) {
		a = s[i] | 0x20;
		b = s[i + 1] | 0x20;
		if (consonant(a) && consonant(b) &&
		    !(ok[a - 'a'] >> (b - 'a') & 1))
			rare++;
	}
	return rare;
}

/* A last segment of letters and digits alone (tinj61zj9m, pvtuawaylj,
 * 3f8a9c2b1d4e): what kinds of characters it has (IDC_*), and whether
 * it could be an id (ID_IS: it is one by itself, segment() says so;
 * ID_LIKELY: digits among its letters, or two pairs of letters no word
 * has; ID_MAYBE: a digit, or one such pair (okutawvy, but rajshahi
 * too); 0: it reads as a word).  The page's repetition decides on the
 * others (page.c). */
static int
id_token(const char *s, size_t n, int kind, unsigned char *chars)
{
	size_t flips = 0;
	int prev = 0, cur, rare = 0;

	*chars = 0;
	if (n < 6 || n > 32)
		return 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = s[i];

		if (c >= '0' && c <= '9')
			*chars |= IDC_DIGIT, cur = 1;
		else if (c >= 'a' && c <= 'f')
			*chars |= IDC_HEX, cur = 2;
		else if (c >= 'a' && c <= 'z')
			*chars |= IDC_LOWER, cur = 2;
		else if (c >= 'A' && c <= 'Z')
			*chars |= IDC_UPPER, cur = 2;
		else
			return 0;
		flips += prev != 0 && cur != prev;
		prev = cur;
	}
	if (kind == SG_ID)
		return ID_IS;
	if (!(*chars & (IDC_HEX | IDC_LOWER | IDC_UPPER)))
		return 0;
	/* digits inside (havwy86ogg) or a number at an end
	 * (24095yahzy), not a year or a count after a word (budget2024,
	 * covid19) */
	if (flips >= 2)
		return ID_LIKELY;
	if (flips == 1) {
		size_t d = strspn(s, "0123456789");
		int v;

		if (d == 0)
			d = n - strcspn(s, "0123456789");
		v = d == 4 ? atoi(s[0] >= '0' && s[0] <= '9' ? s : s + n - 4) :
		    0;
		if (d >= 3 && !(v >= 1900 && v <= 2099))
			return ID_LIKELY;
	}
	for (size_t i = 0; i < n; ) {
		size_t j = i;

		while (j < n && !(s[j] >= '0' && s[j] <= '9'))
			j++;
		rare += rare_pairs(s + i, j - i);
		while (j < n && s[j] >= '0' && s[j] <= '9')
			j++;
		i = j;
	}
	return rare >= 2 ? ID_LIKELY : rare == 1 || flips > 0 ? ID_MAYBE : 0;
}

/* What the query says: an id (id=12345, nid=, p=) makes an article,
 * whatever else it holds (cat=1); else a page, tag, category or search
 * parameter makes a list. */
static int
query_says(const char *q, size_t n)
{
	static const char *const ids[] = { "id", "nid", "news_id", "newsid",
	    "article_id", "articleid", "aid", "p", "story_id", "storyid",
	    "contentid", "content_id", "cid", "post", NULL };
	static const char *const pages[] = { "page", "pg", "paged", "offset",
	    "start", "tag", "category", "cat", "author", "s", "q", "search",
	    NULL };
	const char *e = q + n, *amp, *eq;
	int list = 0;

	for (; q < e; q = amp + 1) {
		if ((amp = memchr(q, '&', e - q)) == NULL)
			amp = e;
		if ((eq = memchr(q, '=', amp - q)) == NULL)
			continue;
		if (word_in(ids, q, eq - q) && amp - eq - 1 >= 2 &&
		    strspn(eq + 1, "0123456789") >= (size_t)(amp - eq - 1))
			return U_ARTICLE;
		if (word_in(pages, q, eq - q))
			list = 1;
	}
	return list ? U_LIST : U_UNKNOWN;
}

/* A host that serves the reader, not articles: e-paper, shop, login,
 * files (epaper.example.com/2024/08/17/index.php is no article). */
static int
service_host(const char *h, size_t n)
{
	static const char *const labels[] = { "epaper", "e-paper", "ads",
	    "ad", "shop", "store", "accounts", "account", "login", "auth",
	    "sso", "id", "mail", "webmail", "cdn", "static", "img", "images",
	    "assets", "api", "subscribe", "subscription", NULL };
	const char *dot = memchr(h, '.', n);

	return dot != NULL && word_in(labels, h, dot - h);
}

int
url_shape(const char *url, size_t len, struct ushape *u)
{
	char kinds[64], coarse[64], dec[1024];
	const char *h, *path, *q, *e = url + len, *seg, *ext = NULL,
	    *lastseg = NULL;
	size_t nk = 0, extlen = 0, n, hl, dn;
	int cls = U_UNKNOWN, k, date_at = -1, id = 0, list = 0, qs;

	h = strstr(url, "://");
	h = h ? h + 3 : url;
	path = memchr(h, '/', e - h);
	if (path == NULL)
		path = e;
	hl = path - h;
	q = memchr(path, '?', e - path);
	if (q == NULL)
		q = e;
	for (seg = path; seg < q; seg += n) {
		const char *end;

		if (*seg == '/') {
			seg++;
			n = 0;
			continue;
		}
		end = memchr(seg, '/', q - seg);
		n = (end ? end : q) - seg;
		lastseg = seg;
		if (nk == sizeof kinds)
			continue;	/* a path of 64 segments says enough */
		if (n >= sizeof dec) {
			kinds[nk++] = SG_OTHER;
			continue;
		}
		dn = pct_decode(seg, n, dec);
		dec[dn] = '\0';
		if (word_in(list_segments, dec, dn))
			list = 1;
		k = segment(dec, dn, &ext, &extlen, seg + n >= q ||
		    (seg + n + 1 >= q));
		if (k == SG_ID)
			id = 1;
		if (k == SG_DATE && date_at < 0)
			date_at = nk;
		kinds[nk++] = k;
		if (ext != NULL) {
			char e2[8];
			size_t i;

			for (i = 0; i < extlen && i < 7; i++)
				e2[i] = ext[i] | 0x20;
			if (word_in(file_exts, e2, i))
				cls = U_FILE;
			/* the extension belongs to the last segment only */
			if (seg + n < q)
				ext = NULL;
		}
	}
	/* a date as /2024/08/17/ */
	for (size_t i = 0; i + 2 < nk && date_at < 0; i++)
		if (kinds[i] == SG_YEAR && kinds[i + 1] == SG_NUM &&
		    kinds[i + 2] == SG_NUM)
			date_at = i + 2;
	/* the shape: slugs of two words or more as one kind, so that a
	 * page's articles of short and long slugs share it */
	for (size_t i = 0; i < nk; i++)
		coarse[i] = kinds[i] == SG_WORDS || kinds[i] == SG_SLUG ?
		    SG_LONG : kinds[i];
	u->shape = links_hash(h, hl) ^ links_hash(coarse, nk) * 31;
	u->prefix = links_hash(h, (lastseg ? lastseg : path) - h) + nk;
	u->last = nk > 0 ? kinds[nk - 1] : 0;
	u->by_slug = 0;
	u->idlike = 0;
	u->idkey = u->idshape = 0;
	n = lastseg != NULL ? (size_t)(q - lastseg) - (q[-1] == '/') : 0;
	if (nk > 0 && nk < sizeof kinds && ext == NULL &&
	    (u->idlike = id_token(lastseg, n, kinds[nk - 1],
	    &u->idchars)) > 0) {
		/* its host, depth and length; its shape were it an id */
		u->idkey = links_hash(h, hl) ^ (uint64_t)(nk << 8 | n) *
		    0x9e3779b97f4a7c15ULL;
		coarse[nk - 1] = SG_ID;
		u->idshape = links_hash(h, hl) ^ links_hash(coarse, nk) * 31;
	}
	if (cls == U_FILE)
		return cls;
	if (list || service_host(h, hl))
		return U_LIST;
	qs = q < e ? query_says(q + 1, e - q - 1) : U_UNKNOWN;
	if (qs == U_LIST)
		return U_LIST;
	if (id || qs == U_ARTICLE)
		return U_ARTICLE;
	if (date_at >= 0)
		return (size_t)date_at + 1 < nk ? U_ARTICLE : U_LIST;
	if (nk == 0)
		return U_SECTION;
	k = kinds[nk - 1];
	u->by_slug = k == SG_LONG || k == SG_SLUG;
	if (k == SG_LONG)
		return U_ARTICLE;
	if (ext != NULL && (strncasecmp(ext, "htm", 3) == 0 ||
	    strncasecmp(ext, "php", 3) == 0 || strncasecmp(ext, "asp", 3) ==
	    0 || strncasecmp(ext, "cms", 3) == 0 || strncasecmp(ext, "shtm",
	    4) == 0)) {
		if (k == SG_NUM || k == SG_SLUG)
			return U_WEAK;
		if (k == SG_WORD && nk == 1)
			return U_SECTION;	/* /index.html */
	}
	if (k == SG_SLUG)
		return U_WEAK;
	if (k == SG_NUM && nk > 1) {
		/* /national/2: a page of a list */
		const char *d = q;

		if (d > path && d[-1] == '/')
			d--;
		while (d > path && d[-1] >= '0' && d[-1] <= '9')
			d--;
		if (strspn(d, "0123456789") <= 2)
			return U_LIST;
	}
	for (size_t i = 0; i < nk; i++)
		if (kinds[i] != SG_WORD && !(kinds[i] == SG_WORDS &&
		    i + 1 < nk))
			return U_UNKNOWN;
	return nk <= 3 ? U_SECTION : U_UNKNOWN;
}

