/*
 * linkrec.c: the record checker the fuzz targets of links' readers
 * (feed, sitemap, robotslines, linkhtml) share, and their source.
 *
 * Every record written must be one line of JSON that rec_parse() takes
 * (UTF-8, no control bytes, no newline) and check_record() passes,
 * with an http(s) url, a kind and a via of docs/records.md, the depth
 * of the source plus one, its source, and published and lastmod as
 * ISO 8601 dates, lang a BCP 47 tag, a title without blanks at its
 * ends.  Each input starts afresh: the run's set of URLs is emptied.
 */
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "linkrec.h"
#include "check.h"

#define SOURCE_URL "https://www.fuzz.example/section/feed"

static struct rec_parser *parser;
static struct kh_url *canon;
static long depth;
static int same_site;
static unsigned long written, counts[LK_NKINDS][V_NVIAS];

static _Noreturn void
broken(const char *what, const char *s, size_t len)
{
	kh_warn("%s: %.*s", what, len > 512 ? 512 : (int)len, s);
	abort();
}

static void
report(void *arg, const char *field, const char *msg)
{
	kh_warn("check_record: %s: %s", field, msg);
	(*(int *)arg)++;
}

static int
index_of(const char *const *names, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (strcmp(names[i], s) == 0)
			return i;
	return -1;
}

static const char *
str(struct json_object *o, const char *key)
{
	struct json_object *v;

	if (!json_object_object_get_ex(o, key, &v))
		return NULL;
	if (!json_object_is_type(v, json_type_string))
		broken("not a string", key, strlen(key));
	return json_object_get_string(v);
}

static void
check(const char *text, size_t len)
{
	struct json_object *rec, *v;
	const char *err, *s, *why;
	char *line;
	int problems = 0, kind, via;
	long at;

	for (size_t i = 0; i < len; i++)
		if ((unsigned char)text[i] < 0x20)
			broken("control byte in a record", text, len);
	if (rec_utf8_valid((const unsigned char *)text, len) != len)
		broken("invalid UTF-8 in a record", text, len);
	line = kh_malloc(len + 1);
	memcpy(line, text, len);
	line[len] = '\0';
	if ((rec = rec_parse(parser, line, len, 0, &err, &at)) == NULL)
		broken(err ? err : "blank record", text, len);
	if (check_record(rec, report, &problems) != 0 || problems != 0)
		broken("record fails validate", text, len);
	s = str(rec, "url");
	if (strncmp(s, "http://", 7) != 0 && strncmp(s, "https://", 8) != 0)
		broken("url not http(s)", text, len);
	if ((s = str(rec, "kind")) == NULL ||
	    (kind = index_of(lkind_name, LK_NKINDS, s)) < 0)
		broken("bad kind", text, len);
	if ((s = str(rec, "via")) == NULL ||
	    (via = index_of(via_name, V_NVIAS, s)) < 0)
		broken("bad via", text, len);
	if ((s = str(rec, "source")) == NULL || strcmp(s, SOURCE_URL) != 0)
		broken("bad source", text, len);
	if (!json_object_object_get_ex(rec, "depth", &v) ||
	    !json_object_is_type(v, json_type_int) ||
	    json_object_get_int64(v) != depth + 1)
		broken("bad depth", text, len);
	if ((s = str(rec, "lastmod")) != NULL && check_datetime(s, 0, &why))
		broken("bad lastmod", text, len);
	if ((s = str(rec, "title")) != NULL && (*s == '\0' || *s == ' ' ||
	    s[strlen(s) - 1] == ' '))
		broken("title with blanks at an end", text, len);
	if (same_site && kind == LK_ARTICLE) {
		const char *h = strstr(str(rec, "url"), "://") + 3;
		size_t n = strcspn(h, "/:?#");

		if (n < 12 || memcmp(h + n - 12, "fuzz.example", 12) != 0 ||
		    (n > 12 && h[n - 13] != '.'))
			broken("article off the page's site", text, len);
	}
	counts[kind][via]++;
	written++;
	json_object_put(rec);
	free(line);
}

void
linkrec_begin(struct source *s, enum stype type, long d)
{
	if (parser == NULL) {
		kh_run.quiet = 1;	/* the readers' warnings: not wanted */
		parser = rec_parser_new();
		canon = kh_url_new();
		xml_init();
	}
	seen_free();
	memset(counts, 0, sizeof counts);
	memset(s, 0, sizeof(*s));
	written = 0;
	same_site = 0;
	depth = d;
	s->url = SOURCE_URL;
	s->type = type;
	s->depth = d;
	s->write = check;
	s->canon = canon;
	src_begin(s);
}

unsigned long
linkrec_end(struct source *s)
{
	src_end(s);
	return written;
}

void
linkrec_same_site(int on)
{
	same_site = on;
}

unsigned long
linkrec_count(int kind, int via)
{
	return counts[kind][via];
}
