/*
 * clean: the article and its metadata out of each record's page.
 *
 * A record with html gets the fields of docs/records.md that clean
 * writes (title, text, published, ...), and loses its html unless
 * --keep-html.  A record with text but no html goes through text mode
 * (textmode.c).  A record with an error, or with neither, passes
 * through untouched.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "extract.h"
#include "textmode.h"

enum { OPT_KEEP_HTML = KH_OPT_OWN };

static int keep_html;	/* --keep-html */

/* A worker's own (-j): the memory a record is written to first. */
struct job {
	FILE *ms;
	char *buf;
	size_t size;
};

/* Set key to s (len bytes), in place when the record has it already. */
static void
put(struct json_object *rec, const char *key, const char *s, size_t len)
{
	if (s == NULL || len == 0)
		return;
	json_object_object_add(rec, key, json_object_new_string_len(s,
	    (int)len));
}

static void
put_str(struct json_object *rec, const char *key, const char *s)
{
	if (s != NULL)
		put(rec, key, s, strlen(s));
}

static void
from_html(struct json_object *rec, struct json_object *html)
{
	struct extract x;
	struct json_object *u;
	const char *url = NULL;

	if (json_object_object_get_ex(rec, "final_url", &u) ||
	    json_object_object_get_ex(rec, "url", &u))
		url = json_object_get_string(u);
	/* a page with nothing to parse (empty) gets no fields */
	(void)extract_html(json_object_get_string(html),
	    (size_t)json_object_get_string_len(html), url, &x);
	if (!keep_html)
		json_object_object_del(rec, "html");
	put_str(rec, "title", x.title);
	put(rec, "text", x.text, x.text_len);
	put_str(rec, "published", x.published);
	put_str(rec, "modified", x.modified);
	put_str(rec, "author", x.author);
	put_str(rec, "lang", x.lang);
	put_str(rec, "description", x.description);
	put_str(rec, "canonical_url", x.canonical_url);
	put_str(rec, "site_name", x.site_name);
	put_str(rec, "page_kind", x.page_kind);
	extract_free(&x);
}

/* Text mode: the article lines of page text; its dateline from the
 * lines left out. */
static void
from_text(struct json_object *rec, struct json_object *text)
{
	size_t outlen;
	char *art, date[64];

	art = text_mode(json_object_get_string(text),
	    (size_t)json_object_get_string_len(text), &outlen, date,
	    sizeof date);
	if (!json_object_object_get_ex(rec, "published", NULL))
		put_str(rec, "published", date);
	/* an empty article still replaces the page text */
	json_object_object_add(rec, "text",
	    json_object_new_string_len(art, (int)outlen));
	free(art);
}

/* A record clean added to, unless the next program would refuse it:
 * up to nine fields more, and a title, description and text each as
 * long as the page (with --keep-html, the page too). */
static void
put_record(struct job *j, struct json_object *rec, const struct rec_pos *pos)
{
	off_t end;

	rewind(j->ms);
	rec_print(j->ms, rec);
	if (fflush(j->ms) == EOF || (end = ftello(j->ms)) < 1)
		kh_die("cannot write a record to memory: out of memory");
	if (rec_fits(pos, (size_t)end - 1, rec_count_values(rec)))
		rec_write_text(j->buf, (size_t)end - 1);
}

static void *
job_start(void *arg)
{
	struct job *j = kh_malloc(sizeof(*j));

	(void)arg;
	memset(j, 0, sizeof(*j));
	if ((j->ms = open_memstream(&j->buf, &j->size)) == NULL)
		kh_die("open_memstream:");
	return j;
}

static void
job_stop(void *arg)
{
	struct job *j = arg;

	fclose(j->ms);
	free(j->buf);
	free(j);
}

static void
clean(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	struct json_object *v;

	if (json_object_object_get_ex(rec, "error", NULL)) {
		rec_write(rec);
		return;
	}
	if (json_object_object_get_ex(rec, "html", &v)) {
		if (!json_object_is_type(v, json_type_string)) {
			rec_bad(pos, "html: not a string");
			return;
		}
		from_html(rec, v);
	} else if (json_object_object_get_ex(rec, "text", &v) &&
	    json_object_is_type(v, json_type_string)) {
		from_text(rec, v);
	} else {
		rec_write(rec);
		return;
	}
	put_record(arg, rec, pos);
}

static void
option(int c, char *arg)
{
	(void)arg;
	if (c == OPT_KEEP_HTML)
		keep_html = 1;
	else
		kh_usage();
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "keep-html", no_argument, NULL, OPT_KEEP_HTML },
		{ NULL, 0, NULL, 0 }
	};
	static const struct kh_cli cli = {
		.usage = "[-hq] [-j n] [--keep-html] [--max-line size] "
		    "[--max-values n] [--progress] [--strict] [--version] "
		    "[file ...]",
		.help = "  --keep-html       keep each record's html\n",
		.shortopts = "",
		.longopts = longopts,
		.opt = option,
		.jobs = 1,
	};
	int i = kh_options(argc, argv, &cli);

	kh_run.check_in = 1;
	extract_init();
	rec_loop_jobs(argv + i, clean, job_start, job_stop, NULL);
	return rec_exit();
}
