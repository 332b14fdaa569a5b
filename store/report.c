/*
 * report.c: store report, one HTML page about an archive's period to
 * look at: articles a day by site, the names of the period with their
 * trends, the biggest stories with their outlets, and the health of the
 * collection from collect's logs.  The charts are SVG written here; the
 * page loads nothing and runs no script.
 *
 * The records come from find's walk (find_each): one pass, each record
 * parsed once.  What is kept is bounded by days and by what is tallied,
 * not by records: sites, names and stories are each counted in a table
 * of at most TOP_MAX entries; when one fills, the half counted least is
 * dropped (a name dropped and seen again starts from nothing), so with
 * more than TOP_MAX of a kind in the period the counts of the rare ones
 * may fall short, never those that stay on top.  The same archive and
 * options give the same page, byte for byte: nothing in it depends on
 * the time it is made.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <json-c/json.h>

#include "khobor.h"
#include "dedup.h"
#include "store.h"

#define TOP_MAX 4096	/* sites, names or stories tallied at once */
#define NSITES 8	/* sites with a colour of their own */
#define NNAMES 10	/* names shown */
#define NSTORIES 10	/* stories shown */
#define NOUTLETS 16	/* outlets kept of a story */
#define NBINS 120	/* points of a trend line, at most */
#define NHEALTH 4096	/* sites of collect's log kept */

/* --- days ---------------------------------------------------------------- */

/* Days since 1970-01-01 of YYYY-MM-DD (checked by is_day), and back:
 * the civil calendar as Howard Hinnant's algorithms count it. */
static int32_t
day_of(const char *s)
{
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8), era, yoe, doy;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

static void
day_name(int32_t z, char out[11])
{
	int era, doe, yoe, y, doy, mp, d, m;
	char buf[40];

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	y = yoe + era * 400;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	d = doy - (153 * mp + 2) / 5 + 1;
	m = mp < 10 ? mp + 3 : mp - 9;
	snprintf(buf, sizeof(buf), "%04d-%02d-%02d", (y + (m <= 2)) % 10000,
	    m, d);
	memcpy(out, buf, 10);
	out[10] = '\0';
}

/* Counts by day, sorted by day, only the days with some. */
struct cell {
	int32_t day;
	uint32_t n;
};
struct series {
	struct cell *v;
	size_t n, cap;
};

/* A count plus k, no more than a cell holds. */
static uint32_t
plus(uint32_t n, uint64_t k)
{
	return k >= UINT32_MAX - n ? UINT32_MAX : n + (uint32_t)k;
}

static void
series_add(struct series *s, int32_t day, uint64_t k)
{
	size_t lo = 0, hi = s->n, mid;

	/* records come mostly in day order: the last day first */
	if (s->n > 0 && s->v[s->n - 1].day == day) {
		s->v[s->n - 1].n = plus(s->v[s->n - 1].n, k);
		return;
	}
	if (s->n > 0 && s->v[s->n - 1].day > day) {
		while (lo < hi) {
			mid = (lo + hi) / 2;
			if (s->v[mid].day < day)
				lo = mid + 1;
			else
				hi = mid;
		}
		if (s->v[lo].day == day) {
			s->v[lo].n = plus(s->v[lo].n, k);
			return;
		}
	} else {
		lo = s->n;
	}
	if (s->n == s->cap) {
		s->cap = s->cap ? 2 * s->cap : 8;
		s->v = kh_realloc(s->v, s->cap * sizeof(*s->v));
	}
	memmove(s->v + lo + 1, s->v + lo, (s->n - lo) * sizeof(*s->v));
	s->v[lo].day = day;
	s->v[lo].n = plus(0, k);
	s->n++;
}

/* The count of a day; *at walks the series in day order. */
static uint32_t
series_at(const struct series *s, size_t *at, int32_t day)
{
	while (*at < s->n && s->v[*at].day < day)
		(*at)++;
	return *at < s->n && s->v[*at].day == day ? s->v[*at].n : 0;
}

/* --- bounded tables ------------------------------------------------------ */

struct outlet {
	char *site;
	uint32_t n;
};

struct item {
	char *key;
	uint64_t n;
	struct series days;
	char *type;		/* a name: its type, as first seen */
	char *title, *url;	/* a story: of its earliest article */
	int32_t first, last;	/* a story: its days */
	struct outlet out[NOUTLETS];
	int nout;
	uint64_t more;		/* articles of outlets past NOUTLETS */
};

struct top {
	struct strmap idx;	/* key: the index of its item in off */
	struct item *v;
	size_t n;
	uint64_t dropped;	/* items dropped to make room */
};

/* The most first, ties by name: for items and outlets. */
static int
most_first(uint64_t n, uint64_t m, const char *k, const char *l)
{
	return n != m ? (n > m ? -1 : 1) : strcmp(k, l);
}

static int
by_n(const void *a, const void *b)
{
	const struct item *x = a, *y = b;

	return most_first(x->n, y->n, x->key, y->key);
}

static void
item_free(struct item *it)
{
	free(it->key);
	free(it->days.v);
	free(it->type);
	free(it->title);
	free(it->url);
	for (int i = 0; i < it->nout; i++)
		free(it->out[i].site);
}

/* Sorted, most first (ties by key), and the index made anew. */
static void
top_sort(struct top *t)
{
	struct strmap_ent *e;
	int added;

	if (t->n > 1)
		qsort(t->v, t->n, sizeof(*t->v), by_n);
	strmap_free(&t->idx);
	for (size_t i = 0; i < t->n; i++) {
		e = strmap_get(&t->idx, t->v[i].key, strlen(t->v[i].key),
		    &added);
		e->off = i;
	}
}

/* The item of key, added (counted 0) if absent. */
static struct item *
top_get(struct top *t, const char *key, size_t n)
{
	struct strmap_ent *e;
	struct item *it;
	int added;

	n = strnlen(key, n);	/* strmap's keys end at a NUL */
	if ((e = strmap_find(&t->idx, key, n)) != NULL)
		return &t->v[e->off];
	if (t->v == NULL)
		t->v = kh_malloc(TOP_MAX * sizeof(*t->v));
	if (t->n == TOP_MAX) {
		top_sort(t);
		for (size_t i = TOP_MAX / 2; i < t->n; i++)
			item_free(&t->v[i]);
		t->dropped += t->n - TOP_MAX / 2;
		t->n = TOP_MAX / 2;
		top_sort(t);
	}
	it = &t->v[t->n];
	memset(it, 0, sizeof(*it));
	it->key = strndup(key, n);
	if (it->key == NULL)
		kh_die("strndup:");
	e = strmap_get(&t->idx, key, n, &added);
	e->off = t->n++;
	return it;
}

static void
top_free(struct top *t)
{
	for (size_t i = 0; i < t->n; i++)
		item_free(&t->v[i]);
	free(t->v);
	strmap_free(&t->idx);
}

static char *
dup_n(const char *s, size_t n)
{
	char *d = strndup(s, n);

	if (d == NULL)
		kh_die("strndup:");
	return d;
}

/* --- the records --------------------------------------------------------- */

static struct {
	FILE *f;		/* the page */
	struct series days;	/* articles a day */
	uint64_t articles, undated;
	struct top sites, names, stories;
	int32_t from, to;	/* the period */
} r;

static void
count_name(struct json_object *m, const char *norm, size_t n, void *arg)
{
	struct item *it = top_get(&r.names, norm, n);
	const char *t;
	size_t tn;

	it->n++;
	series_add(&it->days, *(int32_t *)arg, 1);
	if (it->type == NULL && (t = rec_str(m, "type", &tn)) != NULL)
		it->type = dup_n(t, tn);
}

static void
story_outlet(struct item *it, const char *site, size_t n)
{
	int i;

	n = strnlen(site, n);
	for (i = 0; i < it->nout; i++)
		if (strlen(it->out[i].site) == n &&
		    memcmp(it->out[i].site, site, n) == 0)
			break;
	if (i == it->nout) {
		if (i == NOUTLETS) {
			it->more++;
			return;
		}
		it->out[it->nout++].site = dup_n(site, n);
	}
	it->out[i].n++;
}

static void
report_record(struct json_object *rec, const char *line, size_t len,
    void *arg)
{
	struct item *it;
	const char *d, *s, *t;
	char host[256];
	size_t n, tn;
	int32_t day;

	(void)line, (void)len, (void)arg;
	if ((d = record_day(rec)) == NULL) {
		r.undated++;
		return;
	}
	day = day_of(d);
	r.articles++;
	series_add(&r.days, day, 1);
	if ((s = record_site(rec, host, sizeof(host), &n)) == NULL)
		s = "-", n = 1;
	it = top_get(&r.sites, s, n);
	it->n++;
	series_add(&it->days, day, 1);
	record_norms(rec, count_name, &day);
	if ((t = rec_str(rec, "story", &tn)) == NULL)
		return;
	it = top_get(&r.stories, t, tn);
	if (it->n++ == 0 || day < it->first) {
		/* the title of its earliest article */
		free(it->title);
		free(it->url);
		it->title = it->url = NULL;
		if ((t = rec_str(rec, "title", &tn)) != NULL)
			it->title = dup_n(t, tn);
		if ((t = rec_str(rec, "url", &tn)) != NULL)
			it->url = dup_n(t, tn);
		it->first = day;
	}
	if (it->n == 1 || day > it->last)
		it->last = day;
	story_outlet(it, s, n);
}

/* --- HTML ---------------------------------------------------------------- */

/* Text of a record, escaped for HTML (text or an attribute's value):
 * at most max characters (0: all), cut with an ellipsis; control
 * characters as spaces, bad UTF-8 as U+FFFD, a NUL ends it. */
static void
esc_cut(const char *s, size_t n, size_t max)
{
	const unsigned char *u = (const unsigned char *)s;
	const char *e;
	size_t i = 0, k, chars = 0;
	uint32_t c;

	while (i < n && u[i] != '\0') {
		if (max && chars++ == max) {
			fputs("\xe2\x80\xa6", r.f);
			return;
		}
		c = kh_utf8_next(u + i, n - i, &k);
		if ((e = c == '&' ? "&amp;" : c == '<' ? "&lt;" : c == '>' ?
		    "&gt;" : c == '"' ? "&quot;" : c == '\'' ? "&#39;" :
		    NULL) != NULL)
			fputs(e, r.f);
		else if (c < 0x20 || c == 0x7f)
			fputc(' ', r.f);
		else if (c == 0xfffd && k == 1)
			fputs("\xef\xbf\xbd", r.f);
		else
			fwrite(u + i, 1, k, r.f);
		i += k;
	}
}

static void
esc(const char *s)
{
	esc_cut(s, strlen(s), 0);
}

/* Colours of the sites, then of the rest. */
static const char *const colour[NSITES + 1] = { "#1f77b4", "#ff7f0e",
    "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#17becf",
    "#9a9a9a" };

/* The colour of a site: its own among the first NSITES, else grey. */
static const char *
site_colour(const char *site)
{
	for (size_t i = 0; i < NSITES && i < r.sites.n; i++)
		if (strcmp(r.sites.v[i].key, site) == 0)
			return colour[i];
	return colour[NSITES];
}

/* A step for about four ticks up to max: 1, 2 or 5 times a power of
 * ten. */
static uint64_t
tick_step(uint64_t max)
{
	uint64_t p = 1;

	while (p * 10 <= max / 4 + 1)
		p *= 10;
	if (p * 5 <= max / 4 + 1)
		return p * 5;
	if (p * 2 <= max / 4 + 1)
		return p * 2;
	return p;
}

/* The top of a y axis that shows max: a whole number of ticks. */
static uint64_t
axis_top(uint64_t max)
{
	uint64_t step = tick_step(max);

	return max == 0 ? 1 : (max + step - 1) / step * step;
}

/* Axes of a plot from (X0, Y0) to (X1, Y1), y from 0 to ymax (a
 * whole number of ticks), and x labelled with days of the period. */
#define X0 60
#define X1 940
#define Y0 20
#define Y1 240

static void
axes(uint64_t ymax)
{
	uint64_t step = tick_step(ymax);
	int32_t ndays = r.to - r.from + 1, every;
	char name[11];
	double y, x, w = (double)(X1 - X0) / ndays;

	fprintf(r.f, "<g class=\"axis\"><line x1=\"%d\" y1=\"%d\" x2=\"%d\" "
	    "y2=\"%d\"/><line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>\n",
	    X0, Y1, X1, Y1, X0, Y0, X0, Y1);
	for (uint64_t v = 0; v <= ymax; v += step) {
		y = Y1 - (double)(Y1 - Y0) * v / ymax;
		fprintf(r.f, "<line class=\"grid\" x1=\"%d\" y1=\"%.1f\" "
		    "x2=\"%d\" y2=\"%.1f\"/><text x=\"%d\" y=\"%.1f\" "
		    "text-anchor=\"end\">%" PRIu64 "</text>\n", X0, y, X1, y,
		    X0 - 6, y + 4, v);
	}
	/* a label every few days: seven at most */
	every = (ndays + 6) / 7;
	for (int32_t d = 0; d < ndays; d += every) {
		day_name(r.from + d, name);
		x = X0 + w * d + w / 2;
		fprintf(r.f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">"
		    "%s</text>\n", x, Y1 + 18, name);
	}
	fputs("</g>\n", r.f);
}

/* Legend entries from x at y: colour and name. */
static void
legend(int x, int y, const char *col, const char *name, size_t n)
{
	fprintf(r.f, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" "
	    "fill=\"%s\"/><text x=\"%d\" y=\"%d\">", x, y, col, x + 16,
	    y + 11);
	esc_cut(name, strlen(name), n);
	fputs("</text>\n", r.f);
}

/* The start of a chart h high, its id and what it shows. */
static void
svg_open(const char *id, const char *label, double h)
{
	fprintf(r.f, "<svg class=\"chart\" id=\"%s\" "
	    "xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 960 %.0f\" "
	    "role=\"img\" aria-label=\"%s\">\n", id, h, label);
}

/* A bar of data, its tooltip opened: the caller writes its text, then
 * "</title></rect>". */
static void
bar(double x, double y, double w, double h, const char *col)
{
	fprintf(r.f, "<rect class=\"d\" x=\"%.2f\" y=\"%.2f\" "
	    "width=\"%.2f\" height=\"%.2f\" fill=\"%s\"><title>", x, y, w,
	    h, col);
}

/* The largest count of a series, or max if larger. */
static uint64_t
series_max(const struct series *s, uint64_t max)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].n > max)
			max = s->v[i].n;
	return max;
}

/* Articles a day, a bar a day, stacked by site: the first NSITES each
 * in its colour, the others together. */
static void
chart_days(void)
{
	size_t ns = r.sites.n < NSITES ? r.sites.n : NSITES, at[NSITES] = { 0 };
	int32_t ndays = r.to - r.from + 1;
	uint64_t ymax = axis_top(series_max(&r.days, 0));
	uint32_t c, rest;
	double w = (double)(X1 - X0) / ndays, h, y, x;
	char name[11];
	/* room for the legend: a row for each five */
	int lx = X0, ly = Y1 + 36, rows = (ns + (ns < r.sites.n) + 4) / 5;

	svg_open("chart-days", "articles a day by site", Y1 + 40 + 20 * rows);
	axes(ymax);
	/* every day of the series is in the period (period()) */
	for (size_t i = 0; i < r.days.n; i++) {
		int32_t d = r.days.v[i].day;

		day_name(d, name);
		x = X0 + w * (d - r.from);
		y = Y1;
		rest = r.days.v[i].n;
		for (size_t k = 0; k <= ns; k++) {
			c = k < ns ? series_at(&r.sites.v[k].days, &at[k], d) :
			    rest;
			if (c == 0)
				continue;
			rest -= k < ns ? c : 0;
			h = (double)(Y1 - Y0) * c / ymax;
			y -= h;
			bar(x + w * 0.1, y, w * 0.8, h,
			    colour[k < ns ? k : NSITES]);
			fprintf(r.f, "%s ", name);
			if (k < ns)
				esc(r.sites.v[k].key);
			else
				fputs("other sites", r.f);
			fprintf(r.f, ": %" PRIu32 "</title></rect>\n", c);
		}
	}
	for (size_t k = 0; k < ns; k++) {
		legend(lx, ly, colour[k], r.sites.v[k].key, 20);
		if ((k + 1) % 5 == 0)
			lx = X0, ly += 20;
		else
			lx += 175;
	}
	if (ns < r.sites.n)
		legend(lx, ly, colour[NSITES], "other sites", 0);
	fputs("</svg>\n", r.f);
}

/* The trend of a name: its articles in each of at most NBINS spans of
 * the period, as a line in the box from x to x + w, y to y + h. */
static void
trend(const struct item *it, double x, double w, double y, double h)
{
	int32_t ndays = r.to - r.from + 1;
	int nb = ndays < NBINS ? ndays : NBINS;
	uint32_t bin[NBINS] = { 0 }, max = 1;

	for (size_t i = 0; i < it->days.n; i++) {
		int32_t d = it->days.v[i].day - r.from;

		if (d >= 0 && d < ndays)
			bin[(int64_t)d * nb / ndays] += it->days.v[i].n;
	}
	for (int b = 0; b < nb; b++)
		if (bin[b] > max)
			max = bin[b];
	fputs("<polyline class=\"d trend\" points=\"", r.f);
	for (int b = 0; b < nb; b++)
		fprintf(r.f, "%s%.1f,%.1f", b ? " " : "", nb > 1 ? x + w * b /
		    (nb - 1) : x + w / 2, y + h - h * bin[b] / max);
	fprintf(r.f, "\"><title>most in a span: %" PRIu32 "</title>"
	    "</polyline>\n", max);
}

/* The names most articles name, a bar each, with a trend line. */
static void
chart_names(size_t n)
{
	const struct item *it;
	uint64_t max = r.names.v[0].n;

	svg_open("chart-names", "names of the period", 30 * n + 24);
	fputs("<text x=\"640\" y=\"14\">articles a day, over the period"
	    "</text>\n", r.f);
	for (size_t i = 0; i < n; i++) {
		double y = 24 + 30.0 * i;

		it = &r.names.v[i];
		fprintf(r.f, "<text x=\"250\" y=\"%.0f\" text-anchor=\"end\">",
		    y + 17);
		esc_cut(it->key, strlen(it->key), 26);
		if (it->type != NULL) {
			fputs(" (", r.f);
			esc_cut(it->type, strlen(it->type), 8);
			fputc(')', r.f);
		}
		fputs("</text>\n", r.f);
		bar(260, y + 2, 300.0 * it->n / max, 22, colour[0]);
		esc(it->key);
		fprintf(r.f, ": %" PRIu64 " articles</title></rect>\n"
		    "<text x=\"%.1f\" y=\"%.0f\">%" PRIu64 "</text>\n",
		    it->n, 266 + 300.0 * it->n / max, y + 17, it->n);
		trend(it, 640, 300, y + 2, 22);
	}
	fputs("</svg>\n", r.f);
}

/* The biggest stories, a bar each in parts by outlet. */
static void
chart_stories(size_t n)
{
	const struct item *it;
	uint64_t max = r.stories.v[0].n;
	double x;

	svg_open("chart-stories", "biggest stories by outlet", 30 * n + 8);
	for (size_t i = 0; i < n; i++) {
		double y = 4 + 30.0 * i;

		it = &r.stories.v[i];
		fprintf(r.f, "<text x=\"420\" y=\"%.0f\" text-anchor=\"end\">"
		    "%zu. ", y + 17, i + 1);
		if (it->title != NULL)
			esc_cut(it->title, strlen(it->title), 48);
		else
			esc(it->key);
		fputs("</text>\n", r.f);
		x = 430;
		for (int k = 0; k <= it->nout; k++) {
			uint64_t c = k < it->nout ? it->out[k].n : it->more;
			double w = 440.0 * c / max;

			if (c == 0)
				continue;
			bar(x, y + 2, w, 22, k < it->nout ?
			    site_colour(it->out[k].site) : colour[NSITES]);
			if (k < it->nout)
				esc(it->out[k].site);
			else
				fputs("other outlets", r.f);
			fprintf(r.f, ": %" PRIu64 "</title></rect>\n", c);
			x += w;
		}
		fprintf(r.f, "<text x=\"%.1f\" y=\"%.0f\">%" PRIu64
		    "</text>\n", x + 6, y + 17, it->n);
	}
	fputs("</svg>\n", r.f);
}

static int
by_outlet(const void *a, const void *b)
{
	const struct outlet *x = a, *y = b;

	return most_first(x->n, y->n, x->site, y->site);
}

static void
table_stories(size_t n)
{
	struct item *it;
	char a[11], b[11];

	fputs("<table class=\"stories\">\n<tr><th>#</th><th>story</th>"
	    "<th>articles</th><th>outlets</th><th>days</th></tr>\n", r.f);
	for (size_t i = 0; i < n; i++) {
		it = &r.stories.v[i];
		fprintf(r.f, "<tr><td>%zu</td><td>", i + 1);
		/* a link only to the web: no other scheme */
		if (it->url != NULL && (strncmp(it->url, "http://", 7) == 0 ||
		    strncmp(it->url, "https://", 8) == 0)) {
			fputs("<a href=\"", r.f);
			esc(it->url);
			fputs("\">", r.f);
		}
		esc(it->title != NULL ? it->title : it->key);
		if (it->url != NULL && (strncmp(it->url, "http://", 7) == 0 ||
		    strncmp(it->url, "https://", 8) == 0))
			fputs("</a>", r.f);
		fputs(" <span class=\"id\">", r.f);
		esc(it->key);
		fprintf(r.f, "</span></td><td class=\"n\">%" PRIu64
		    "</td><td>", it->n);
		for (int k = 0; k < it->nout; k++) {
			fputs(k ? ", " : "", r.f);
			esc(it->out[k].site);
			fprintf(r.f, " (%" PRIu32 ")", it->out[k].n);
		}
		if (it->more)
			fprintf(r.f, ", others (%" PRIu64 ")", it->more);
		day_name(it->first, a);
		day_name(it->last, b);
		if (it->first == it->last)
			fprintf(r.f, "</td><td>%s</td></tr>\n", a);
		else
			fprintf(r.f, "</td><td>%s to %s</td></tr>\n", a, b);
	}
	fputs("</table>\n", r.f);
}

/* --- collect's logs ------------------------------------------------------ */

struct hsite {
	char *name;
	uint64_t runs, archived, failed, dead_runs, sources;
	uint64_t least_failed;	/* sources failed in every run, at least */
};

static struct {
	uint64_t runs, bad, archived, failed, stopped;
	struct kh_tally by;	/* failed_by's kinds */
	struct series d_runs, d_archived, d_failed;
	struct hsite *sites;
	struct strmap idx;
	size_t nsites;
	int have_log, have_sites;
} h;

/* A count of a log: digits, at most LOG_MAX (more is taken for LOG_MAX,
 * so that sums cannot wrap); 0 for anything else. */
#define LOG_MAX 1000000000000ULL
static uint64_t
log_num(const char *s)
{
	uint64_t v = 0;

	if (*s == '\0' || strspn(s, "0123456789") != strlen(s))
		return 0;
	for (; *s && v < LOG_MAX; s++)
		v = v * 10 + (*s - '0');
	return v < LOG_MAX ? v : LOG_MAX;
}

/* The text of key=TEXT in a log line's words (NULL when absent), its
 * number in *v unless v is NULL (0 when absent). */
static char *
log_word(char *const *w, int nw, const char *key, uint64_t *v)
{
	size_t k = strlen(key);

	for (int i = 1; i < nw; i++)
		if (strncmp(w[i], key, k) == 0 && w[i][k] == '=') {
			if (v != NULL)
				*v = log_num(w[i] + k + 1);
			return w[i] + k + 1;
		}
	if (v != NULL)
		*v = 0;
	return NULL;
}

/* A line's words (split in place at blanks), its day in *day: the
 * number of words, 0 for a line of no run of the period. */
static int
log_split(char *line, char **w, int max, int32_t *day)
{
	int n = 0;

	for (char *p = strtok(line, " \t\n"); p && n < max;
	    p = strtok(NULL, " \t\n"))
		w[n++] = p;
	if (n < 2 || !is_day(w[0]) || w[0][10] != 'T')
		return 0;
	*day = day_of(w[0]);
	if ((opt.from && strncmp(w[0], opt.from, 10) < 0) ||
	    (opt.to && strncmp(w[0], opt.to, 10) > 0))
		return 0;
	return n;
}

/* Each line of ARCHIVE/.collect/NAME to fn: 0, or -1 when there is
 * none (an error other than its absence said).  A line longer than
 * LOG_LINE (a run's is some 300 bytes) is passed over. */
#define LOG_LINE 65536
static int
log_read(const struct archive *a, const char *name,
    void (*fn)(char **w, int nw, int32_t day))
{
	struct rec_reader rd;
	enum rec_read got;
	char *path = pathcat(a->path, "/.collect/", name), *line, *w[64];
	size_t len;
	int32_t day;
	int nw, fd;

	if (a->single || (fd = kh_open(path, O_RDONLY, 0)) < 0) {
		if (!a->single && errno != ENOENT) {
			kh_warn("%s:", path);
			kh_run.error = 1;
		}
		free(path);
		return -1;
	}
	rec_reader_init(&rd, fd, path, LOG_LINE);
	while ((got = rec_read_line(&rd, &line, &len)) != REC_EOF) {
		if (got == REC_IOERR) {
			kh_warn("%s:", path);
			kh_run.error = 1;
			break;
		}
		if (got == REC_LINE && (nw = log_split(line, w, 64, &day)) > 0)
			fn(w, nw, day);
	}
	rec_reader_free(&rd);
	close(fd);
	free(path);
	return 0;
}

/* .collect/log: TIME sites=N ... archived=N ... failed=N
 * [failed_by=K:N,...] ... [stopped=max-time] exit=N */
static void
log_run(char **w, int nw, int32_t day)
{
	uint64_t v, k;
	char *by, *kind, *c, *save = NULL;

	h.runs++;
	series_add(&h.d_runs, day, 1);
	if (log_word(w, nw, "exit", &v) != NULL && v != 0)
		h.bad++;
	log_word(w, nw, "archived", &v);
	h.archived += v;
	series_add(&h.d_archived, day, v);
	log_word(w, nw, "failed", &v);
	h.failed += v;
	series_add(&h.d_failed, day, v);
	if (log_word(w, nw, "stopped", NULL) != NULL)
		h.stopped++;
	if ((by = log_word(w, nw, "failed_by", NULL)) == NULL)
		return;
	for (kind = strtok_r(by, ",", &save); kind;
	    kind = strtok_r(NULL, ",", &save)) {
		if ((c = strrchr(kind, ':')) == NULL || c == kind ||
		    (k = log_num(c + 1)) == 0)
			continue;
		*c = '\0';
		/* the kind's slot (or other's) counts k, not one */
		kh_tally_add(&h.by, kind);
		for (int i = 0; i < KH_TALLY_KINDS; i++)
			if (i == KH_TALLY_KINDS - 1 || strncmp(h.by.k[i].name,
			    kind, sizeof(h.by.k[i].name) - 1) == 0) {
				h.by.k[i].n += k - 1;
				break;
			}
	}
}

/* .collect/sites.log: TIME site=NAME sources=N failed_sources=N ...
 * archived=N failed=N */
static void
log_site(char **w, int nw, int32_t day)
{
	struct strmap_ent *e;
	struct hsite *s;
	const char *name;
	uint64_t src, fs, v;
	int added;

	(void)day;
	if ((name = log_word(w, nw, "site", NULL)) == NULL || *name == '\0')
		return;
	if ((e = strmap_find(&h.idx, name, strlen(name))) == NULL) {
		if (h.nsites == NHEALTH) {
			static int said;

			if (!said++)
				kh_warn("collect's sites.log names more than "
				    "%d sites: the rest are left out",
				    NHEALTH);
			return;
		}
		if (h.sites == NULL)
			h.sites = kh_malloc(NHEALTH * sizeof(*h.sites));
		e = strmap_get(&h.idx, name, strlen(name), &added);
		e->off = h.nsites;
		s = &h.sites[h.nsites++];
		memset(s, 0, sizeof(*s));
		s->name = e->key;
		s->least_failed = UINT64_MAX;
	}
	s = &h.sites[e->off];
	log_word(w, nw, "sources", &src);
	log_word(w, nw, "failed_sources", &fs);
	if (fs > src)
		fs = src;
	s->runs++;
	s->sources = src;
	if (src > 0 && fs >= src)
		s->dead_runs++;
	if (fs < s->least_failed)
		s->least_failed = fs;
	log_word(w, nw, "archived", &v);
	s->archived += v;
	log_word(w, nw, "failed", &v);
	s->failed += v;
}

/* Archived and failed articles a day, of collect's runs. */
static void
chart_runs(void)
{
	int32_t ndays = r.to - r.from + 1;
	double w = (double)(X1 - X0) / ndays, x, hh;
	size_t at = 0, af = 0;
	uint64_t ymax = axis_top(series_max(&h.d_failed,
	    series_max(&h.d_archived, 1)));
	uint32_t a, f, n;
	char name[11];

	svg_open("chart-runs", "collect runs a day", Y1 + 60);
	axes(ymax);
	for (size_t i = 0; i < h.d_runs.n; i++) {
		int32_t d = h.d_runs.v[i].day;

		n = h.d_runs.v[i].n;
		day_name(d, name);
		a = series_at(&h.d_archived, &at, d);
		f = series_at(&h.d_failed, &af, d);
		x = X0 + w * (d - r.from);
		hh = (double)(Y1 - Y0) * a / ymax;
		bar(x + w * 0.1, Y1 - hh, w * 0.4, hh, colour[2]);
		fprintf(r.f, "%s: %" PRIu32 " run%s, %" PRIu32 " archived"
		    "</title></rect>\n", name, n, n == 1 ? "" : "s", a);
		hh = (double)(Y1 - Y0) * f / ymax;
		bar(x + w * 0.5, Y1 - hh, w * 0.4, hh, colour[3]);
		fprintf(r.f, "%s: %" PRIu32 " failed</title></rect>\n", name,
		    f);
	}
	legend(X0, Y1 + 36, colour[2], "archived", 0);
	legend(X0 + 175, Y1 + 36, colour[3], "failed", 0);
	fputs("</svg>\n", r.f);
}

static int
by_site_name(const void *a, const void *b)
{
	return strcmp(((const struct hsite *)a)->name,
	    ((const struct hsite *)b)->name);
}

static void
section_health(const struct archive *a)
{
	char kinds[512];
	int dead = 0, failing = 0;

	(void)a;
	fputs("<section id=\"health\">\n<h2>Collection health</h2>\n", r.f);
	if (!h.have_log && !h.have_sites) {
		fputs("<p class=\"none\">No collect log: this archive was not "
		    "filled by kh-collect.</p>\n</section>\n", r.f);
		return;
	}
	if (h.runs == 0 && h.nsites == 0) {
		fputs("<p class=\"none\">No collect run in this period.</p>\n"
		    "</section>\n", r.f);
		return;
	}
	fprintf(r.f, "<p>%" PRIu64 " run%s, %" PRIu64 " that did not end "
	    "well, %" PRIu64 " stopped at --max-time; %" PRIu64
	    " articles archived, %" PRIu64 " failed", h.runs,
	    h.runs == 1 ? "" : "s", h.bad, h.stopped, h.archived, h.failed);
	if (kh_tally_format(&h.by, kinds, sizeof(kinds)) > 0) {
		fputs(" (", r.f);
		esc(kinds);
		fputc(')', r.f);
	}
	fputs(".</p>\n", r.f);
	if (h.runs > 0)
		chart_runs();
	if (h.nsites == 0) {
		fputs("</section>\n", r.f);
		return;
	}
	if (h.nsites > 1)
		qsort(h.sites, h.nsites, sizeof(*h.sites), by_site_name);
	fputs("<table class=\"sites\">\n<tr><th>site</th><th>runs</th>"
	    "<th>archived</th><th>failed</th><th>sources</th>"
	    "<th>feeds</th></tr>\n", r.f);
	for (size_t i = 0; i < h.nsites; i++) {
		struct hsite *s = &h.sites[i];
		int is_dead = s->dead_runs == s->runs;

		dead += is_dead;
		failing += !is_dead && s->least_failed > 0;
		fprintf(r.f, "<tr%s><td>", is_dead ? " class=\"dead\"" :
		    s->least_failed > 0 ? " class=\"failing\"" : "");
		esc(s->name);
		fprintf(r.f, "</td><td class=\"n\">%" PRIu64 "</td><td "
		    "class=\"n\">%" PRIu64 "</td><td class=\"n\">%" PRIu64
		    "</td><td class=\"n\">%" PRIu64 "</td><td>", s->runs,
		    s->archived, s->failed, s->sources);
		if (is_dead)
			fputs("dead: every source failed in every run", r.f);
		else if (s->least_failed > 0)
			fprintf(r.f, "%" PRIu64 " failed in every run",
			    s->least_failed);
		else if (s->dead_runs > 0)
			fprintf(r.f, "all failed in %" PRIu64 " run%s",
			    s->dead_runs, s->dead_runs == 1 ? "" : "s");
		else
			fputs("ok", r.f);
		fputs("</td></tr>\n", r.f);
	}
	fputs("</table>\n", r.f);
	fprintf(r.f, "<p>%d dead site%s, %d with a feed failing in every "
	    "run.</p>\n</section>\n", dead, dead == 1 ? "" : "s", failing);
}

/* --- the page ------------------------------------------------------------ */

static const char style[] =
    "body{font-family:\"Noto Sans\",\"Noto Sans Bengali\",sans-serif;"
    "max-width:960px;margin:1em auto;color:#222}\n"
    "h1{font-size:1.5em}h2{font-size:1.2em;border-bottom:1px solid #ccc}\n"
    "svg.chart{width:100%;height:auto;font-size:12px}\n"
    "svg .axis line{stroke:#444}svg .grid{stroke:#ddd}\n"
    "svg .trend{fill:none;stroke:#d62728;stroke-width:1.5}\n"
    "table{border-collapse:collapse;width:100%}\n"
    "td,th{border-bottom:1px solid #eee;padding:2px 6px;text-align:left;"
    "vertical-align:top}\n"
    "td.n{text-align:right}.id{color:#888;font-size:.8em}\n"
    "tr.dead{background:#fdd}tr.failing{background:#ffe}\n"
    ".none{color:#888}\n";

static void
page(const struct archive *a)
{
	char from[11], to[11];
	size_t n;

	day_name(r.from, from);
	day_name(r.to, to);
	fputs("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    /* nothing to load, nothing to run: whatever a record holds */
	    "<meta http-equiv=\"Content-Security-Policy\" content=\""
	    "default-src 'none'; style-src 'unsafe-inline'\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width\">\n"
	    "<title>khobor report: ", r.f);
	esc(a->path);
	if (r.articles > 0 || opt.from || opt.to)
		fprintf(r.f, ", %s to %s", from, to);
	fprintf(r.f, "</title>\n<style>\n%s</style>\n</head>\n<body>\n"
	    "<h1>khobor report</h1>\n<p class=\"period\">Archive <code>",
	    style);
	esc(a->path);
	fputs("</code>", r.f);
	if (r.articles > 0 || opt.from || opt.to)
		fprintf(r.f, ", articles published from %s to %s "
		    "(%" PRId32 " day%s)", from, to, r.to - r.from + 1,
		    r.to == r.from ? "" : "s");
	fputs(".</p>\n", r.f);
	if (r.articles == 0) {
		fputs("<p class=\"none\" id=\"empty\">No article in this "
		    "period.</p>\n", r.f);
	} else {
		fprintf(r.f, "<p class=\"totals\">%" PRIu64 " article%s from "
		    "%zu site%s, naming %zu%s name%s, in %zu%s stor%s.</p>\n",
		    r.articles, r.articles == 1 ? "" : "s", r.sites.n,
		    r.sites.n == 1 ? "" : "s", r.names.n,
		    r.names.dropped ? "+" : "", r.names.n == 1 ? "" : "s",
		    r.stories.n, r.stories.dropped ? "+" : "",
		    r.stories.n == 1 ? "y" : "ies");
		fputs("<section id=\"days\">\n<h2>Articles a day, by site"
		    "</h2>\n", r.f);
		chart_days();
		fputs("</section>\n<section id=\"names\">\n<h2>Names of the "
		    "period</h2>\n", r.f);
		if ((n = r.names.n < NNAMES ? r.names.n : NNAMES) > 0)
			chart_names(n);
		else
			fputs("<p class=\"none\">No article names anyone: "
			    "are they tagged?</p>\n", r.f);
		fputs("</section>\n<section id=\"stories\">\n<h2>Biggest "
		    "stories</h2>\n", r.f);
		if ((n = r.stories.n < NSTORIES ? r.stories.n : NSTORIES) >
		    0) {
			chart_stories(n);
			table_stories(n);
		} else {
			fputs("<p class=\"none\">No article has a story: "
			    "run kh-story.</p>\n", r.f);
		}
		fputs("</section>\n", r.f);
	}
	if (r.undated > 0)
		fprintf(r.f, "<p class=\"none\">%" PRIu64 " record%s without "
		    "a date left out.</p>\n", r.undated,
		    r.undated == 1 ? "" : "s");
	section_health(a);
	fputs("</body>\n</html>\n", r.f);
}

/* The period: --from and --to, else the first and the last day with an
 * article or a run. */
static void
period(void)
{
	const struct series *s[2] = { &r.days, &h.d_runs };
	int any = 0;

	for (int i = 0; i < 2; i++) {
		if (s[i]->n == 0)
			continue;
		if (!any || s[i]->v[0].day < r.from)
			r.from = s[i]->v[0].day;
		if (!any || s[i]->v[s[i]->n - 1].day > r.to)
			r.to = s[i]->v[s[i]->n - 1].day;
		any = 1;
	}
	if (opt.from)
		r.from = day_of(opt.from);
	if (opt.to)
		r.to = day_of(opt.to);
	if (!any && !opt.from)
		r.from = r.to;
	if (!any && !opt.to)
		r.to = r.from;
	if (r.to < r.from)
		r.to = r.from;
}

/* The temporary page, removed at exit (kh_die too) unless renamed. */
static char *pending;

static void
remove_pending(void)
{
	if (pending != NULL)
		unlink(pending);
}

int
cmd_report(struct archive *a)
{
	const char *out = opt.out ? opt.out : "-";
	char *tmp = NULL;
	int st, fd;

	/* find's question would narrow the articles, not collect's runs */
	if (opt.find_nentity || opt.find_type || opt.find_site ||
	    opt.find_lang || opt.find_text || opt.find_url || opt.find_story ||
	    opt.find_latest || opt.find_count || opt.find_by != BY_NONE ||
	    opt.where_key) {
		kh_warn("report: takes no filter but --from and --to");
		kh_usage();
	}
	if (strcmp(out, "-") == 0) {
		r.f = stdout;
		out = "<stdout>";
	} else {
		/* first, so that a bad -o fails before the archive is read */
		tmp = pathcat(out, ".tmp", "");
		if ((fd = kh_open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666)) < 0)
			kh_die("%s:", out);
		pending = tmp;
		atexit(remove_pending);
		if ((r.f = fdopen(fd, "w")) == NULL)
			kh_die("%s:", out);
	}
	st = find_each(a, report_record, NULL);
	h.have_log = log_read(a, "log", log_run) == 0;
	h.have_sites = log_read(a, "sites.log", log_site) == 0;
	top_sort(&r.sites);
	top_sort(&r.names);
	top_sort(&r.stories);
	for (size_t i = 0; i < r.stories.n && i < NSTORIES; i++)
		if (r.stories.v[i].nout > 1)
			qsort(r.stories.v[i].out, r.stories.v[i].nout,
			    sizeof(*r.stories.v[i].out), by_outlet);
	period();
	page(a);
	if (fflush(r.f) == EOF || ferror(r.f) ||
	    (tmp != NULL && kh_fsync(fileno(r.f)) < 0))
		kh_die("%s:", out);
	if (tmp != NULL) {
		if (fclose(r.f) == EOF || kh_rename(tmp, out) < 0)
			kh_die("%s:", out);
		pending = NULL;
		free(tmp);
	}
	if (!kh_run.quiet)
		kh_warn("%s: %" PRIu64 " article%s, %zu site%s, %zu stor%s, "
		    "%" PRIu64 " collect run%s", out, r.articles,
		    r.articles == 1 ? "" : "s", r.sites.n,
		    r.sites.n == 1 ? "" : "s", r.stories.n,
		    r.stories.n == 1 ? "y" : "ies", h.runs,
		    h.runs == 1 ? "" : "s");
	top_free(&r.sites);
	top_free(&r.names);
	top_free(&r.stories);
	free(r.days.v);
	free(h.d_runs.v);
	free(h.d_archived.v);
	free(h.d_failed.v);
	strmap_free(&h.idx);
	free(h.sites);
	return st;
}
