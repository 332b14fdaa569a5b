/*
 * unwarc: the pages of WARC files as fetch's records.
 *
 * Reads WARC files (plain or gzip, any number, or standard input) and
 * writes one record for each capture of a page: a response, resource or
 * revisit record whose content is HTML as fetch takes it.  The body is
 * de-chunked, decompressed and converted to UTF-8 by fetch's own code
 * (lib/charset.c, lib/body.c), so a page read from an archive and
 * the same page fetched give the same record.  Each record says where
 * its capture is: warc_file and warc_offset (docs/records.md).
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "khobor.h"
#include "check.h"
#include "body.h"
#include "charset.h"
#include "warcin.h"


static size_t max_size = 10 << 20;
static int ok_only;
static unsigned long n_records, n_written, n_skipped, n_errors;
static int stop;		/* --strict and a problem */
static struct kh_tally skips;

/* The file at hand: its name in messages, and in records (NULL for
 * standard input, which has none). */
static const char *cur_name, *cur_file;

/* What the record at hand is to become, decided from its headers. */
struct verdict {
	const char *skip;	/* why it is skipped (a kind), or NULL */
	const char *url;
	const char *ct;		/* its media type, or NULL */
	int want;		/* WANT_* for its URL */
	int status;		/* for the record: 0 none */
	const char *error;	/* for the record */
	char msg[32];
	char urlbuf[16 << 10];	/* a header line's length at most */
};

static void
problem(void *arg, uint64_t off, const char *msg)
{
	(void)arg;
	n_errors++;
	if (!kh_run.quiet)
		kh_warn("%s:%llu: %s", cur_name, (unsigned long long)off, msg);
	if (kh_run.strict)
		stop = 1;
}

static void
skipped(const char *kind)
{
	n_skipped++;
	kh_tally_add(&skips, kind);
}

static int
is_type(const char *t, const char *name)
{
	return strcasecmp(t, name) == 0;
}

/* Of the headers: what the record is to be, and whether its body is
 * needed for that. */
static int
want(const struct warcin_rec *r, void *arg)
{
	struct verdict *v = arg;
	const char *ct;
	int st = r->status;

	memset(v, 0, sizeof(*v));
	v->url = warcin_get(r->warc, r->nwarc, "WARC-Target-URI");
	if (v->url != NULL && *v->url == '<') {
		/* WARC 1.0's grammar wrote it in angle brackets, and wget
		 * still does */
		snprintf(v->urlbuf, sizeof(v->urlbuf), "%.*s",
		    (int)strcspn(v->url + 1, ">"), v->url + 1);
		v->url = v->urlbuf;
	}
	if (!is_type(r->type, "resource") && st == 0) {
		v->skip = "not-http";
		return 0;
	}
	ct = is_type(r->type, "resource") ? warcin_get(r->warc, r->nwarc,
	    "Content-Type") : warcin_get(r->http, r->nhttp, "Content-Type");
	v->ct = ct != NULL && strchr(ct, '/') != NULL ? ct : NULL;
	v->want = fetch_want(NULL, v->url != NULL ? v->url : "");
	if (v->ct != NULL && !fetch_accepts(v->ct, v->want)) {
		v->skip = "not-html";
		return 0;
	}
	if (is_type(r->type, "revisit")) {
		/* The same content as an earlier capture, or a 304: what
		 * fetch writes of a page that did not change. */
		if (st != 0 && st != 304 && (st < 200 || st > 299)) {
			v->skip = "revisit";
			return 0;
		}
		v->status = 304;
		return 0;
	}
	v->status = st;
	if (st == 304)
		return 0;
	if (st >= 400) {
		if (ok_only) {
			v->skip = "http-error";
			return 0;
		}
		snprintf(v->msg, sizeof(v->msg), "HTTP %d", st);
		v->error = v->msg;
		return 0;
	}
	if (st != 0 && (st < 200 || st > 299)) {
		v->skip = st >= 300 && st < 400 ? "redirect" : "status";
		return 0;
	}
	return 1;
}

/* s (n bytes) as a JSON string of valid UTF-8. */
static struct json_object *
jstr(const char *s, size_t n)
{
	struct json_object *v;
	size_t len;
	char *fixed;

	if (rec_utf8_valid((const unsigned char *)s, n) == n)
		return json_object_new_string_len(s, (int)n);
	fixed = charset_to_utf8(s, n, "UTF-8", &len);
	v = json_object_new_string_len(fixed, (int)len);
	free(fixed);
	return v;
}

static void
add(struct json_object *rec, const char *key, const char *s)
{
	if (s != NULL)
		json_object_object_add(rec, key, jstr(s, strlen(s)));
}

/* WARC-Date (W3C-DTF, UTC; or an ARC file's 14 digits) as records.md
 * has fetched_at: RFC 3339 in UTC.  0, or -1 when it is none. */
static int
norm_date(const char *d, char *out, size_t n)
{
	const char *why;
	size_t k = strlen(d);

	if (k == 14 && strspn(d, "0123456789") == 14)
		snprintf(out, n, "%.4s-%.2s-%.2sT%.2s:%.2s:%.2sZ", d, d + 4,
		    d + 6, d + 8, d + 10, d + 12);
	else if (k == 10)
		snprintf(out, n, "%sT00:00:00Z", d);	/* a day alone */
	else if (k == 17 && d[16] == 'Z')
		snprintf(out, n, "%.16s:00Z", d);	/* no seconds */
	else if (k > 6 && strcmp(d + k - 6, "+00:00") == 0)
		snprintf(out, n, "%.*sZ", (int)(k - 6), d);
	else
		snprintf(out, n, "%s", d);
	return check_datetime(out, 1, &why) == 0 ? 0 : -1;
}

static void
report(void *arg, const char *field, const char *msg)
{
	const struct warcin_rec *r = arg;
	char buf[300];

	snprintf(buf, sizeof(buf), "%s: %s; skipped", field, msg);
	problem(NULL, r->offset, buf);
}

/* The record of a capture, as fetch writes a page's. */
static void
page(const struct warcin_rec *r, struct verdict *v)
{
	struct json_object *rec;
	const char *date, *body = NULL, *what, *ct = v->ct;
	char at[64], cs[CHARSET_NAME_MAX], *copy = NULL, *text = NULL;
	const char *error = v->error;
	size_t len = 0, tlen;
	int truncated = 0, cut;

	if (v->url == NULL) {
		problem(NULL, r->offset, "no WARC-Target-URI; skipped");
		return;
	}
	if (r->has_body) {
		body = r->body->out;
		len = r->body->len;
		truncated = r->body->truncated || warcin_get(r->warc,
		    r->nwarc, "WARC-Truncated") != NULL;
		if (r->body->error != NULL)
			error = r->body->error;
		if (error == NULL && ct == NULL && (what = fetch_sniff(body,
		    len)) != NULL && !fetch_accepts(what, v->want)) {
			skipped("not-html");
			return;
		}
		if (error == NULL && v->want == WANT_SITEMAP &&
		    fetch_is_gzip(body, len)) {
			if (fetch_gunzip(body, len, max_size, &text, &tlen,
			    &cut) < 0) {
				error = "damaged gzip data";
			} else {
				body = text;
				len = tlen;
				truncated |= cut;
			}
		}
		if (error == NULL)
			body = charset_page(body, len, ct, cs, &len, &copy);
	}
	rec = json_object_new_object();
	add(rec, "url", v->url);
	add(rec, "final_url", v->url);
	if (v->status > 0)
		json_object_object_add(rec, "status",
		    json_object_new_int(v->status));
	if ((date = warcin_get(r->warc, r->nwarc, "WARC-Date")) != NULL &&
	    norm_date(date, at, sizeof(at)) == 0)
		json_object_object_add(rec, "fetched_at",
		    json_object_new_string(at));
	else
		problem(NULL, r->offset, date == NULL ? "no WARC-Date" :
		    "WARC-Date not a date; fetched_at left out");
	add(rec, "content_type", ct);
	if (r->has_body && error == NULL)
		add(rec, "charset", cs);
	if (v->status >= 200 && v->status < 400) {
		add(rec, "etag", warcin_get(r->http, r->nhttp, "ETag"));
		add(rec, "last_modified", warcin_get(r->http, r->nhttp,
		    "Last-Modified"));
	}
	if (r->has_body && error == NULL) {
		json_object_object_add(rec, "html",
		    json_object_new_string_len(body, (int)len));
		json_object_object_add(rec, "truncated",
		    json_object_new_boolean(truncated));
	}
	add(rec, "error", error);
	add(rec, "warc_file", cur_file);
	json_object_object_add(rec, "warc_offset",
	    json_object_new_int64((int64_t)r->offset));
	free(copy);
	free(text);
	/* What goes out passes validate, whatever the archive held (a
	 * URL with spaces, a status out of range...). */
	if (check_record(rec, report, (void *)r) == 0) {
		rec_write(rec);
		n_written++;
	}
	json_object_put(rec);
}

static void
one(const struct warcin_rec *r, struct verdict *v)
{
	static const char *const types[] = { "response", "resource",
	    "revisit", NULL };
	const char *const *t;

	n_records++;
	for (t = types; *t != NULL && !is_type(r->type, *t); t++)
		;
	if (*t == NULL) {
		skipped(*r->type != '\0' ? r->type : "untyped");
		return;
	}
	if (v->skip != NULL) {
		skipped(v->skip);
		return;
	}
	page(r, v);
}

static ssize_t
read_fd(void *ctx, void *buf, size_t n)
{
	int fd = *(int *)ctx;
	struct pollfd p = { .fd = fd, .events = POLLIN };

	/* about to wait: what was written goes out first */
	if (poll(&p, 1, 0) == 0)
		rec_flush();
	return read(fd, buf, n);
}

static void
unwarc(int fd)
{
	struct warcin_rec r;
	struct verdict v;
	struct warcin *w = warcin_new(read_fd, &fd, max_size, want, problem,
	    &v);
	int rc;

	while (!stop && (rc = warcin_next(w, &r)) == 1) {
		if (*r.type == '\0' || (!is_type(r.type, "response") &&
		    !is_type(r.type, "resource") && !is_type(r.type,
		    "revisit")))
			memset(&v, 0, sizeof(v));
		one(&r, &v);
	}
	if (!stop && rc < 0) {
		kh_warn("%s: read error:", cur_name);
		kh_run.error = 1;
	}
	warcin_free(w);
}

/* "unwarc: 40 records: 12 html, 28 skipped (request 14, not-html 9,
 * ...), 1 error" */
static void
summary(void)
{
	char line[1024], kinds[512];
	size_t o;

	if (kh_run.quiet)
		return;
	o = snprintf(line, sizeof(line), "%lu record%s: %lu html, %lu skipped",
	    n_records, n_records == 1 ? "" : "s", n_written, n_skipped);
	if (kh_tally_format(&skips, kinds, sizeof(kinds)) > 0 &&
	    o < sizeof(line))
		o += snprintf(line + o, sizeof(line) - o, " (%s)", kinds);
	if (o < sizeof(line))
		snprintf(line + o, sizeof(line) - o, ", %lu error%s", n_errors,
		    n_errors == 1 ? "" : "s");
	kh_warn("%s", line);
}

enum { O_MAX_SIZE = KH_OPT_OWN, O_OK_ONLY };

static void
option(int c, char *arg)
{
	switch (c) {
	case O_MAX_SIZE:
		if (kh_parse_size(arg, &max_size) < 0)
			kh_die("--max-size: not a size: %s", arg);
		break;
	case O_OK_ONLY:
		ok_only = 1;
		break;
	default:
		kh_usage();
	}
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "max-size", required_argument, NULL, O_MAX_SIZE },
		{ "ok-only", no_argument, NULL, O_OK_ONLY },
		{ NULL, 0, NULL, 0 },
	};
	static const struct kh_cli cli = {
		.usage = "[-hq] [--max-size size] [--ok-only] [--strict] "
		    "[--version] [file ...]",
		.help =
		    "  --max-size size   of a body kept (10M); more is cut and "
		    "marked truncated\n"
		    "  --ok-only         drop the captures of failed requests "
		    "(4xx, 5xx)\n",
		.shortopts = "",
		.longopts = longopts,
		.opt = option,
	};
	int i, fd, status;

	i = kh_options(argc, argv, &cli);
	if (i == argc) {
		cur_name = "<stdin>";
		cur_file = NULL;
		unwarc(0);
	}
	for (; i < argc && !stop; i++) {
		if (strcmp(argv[i], "-") == 0) {
			cur_name = "<stdin>";
			cur_file = NULL;
			unwarc(0);
			continue;
		}
		if ((fd = open(argv[i], O_RDONLY | O_CLOEXEC)) < 0) {
			kh_warn("%s:", argv[i]);
			kh_run.error = 1;
			continue;
		}
		cur_name = cur_file = argv[i];
		unwarc(fd);
		close(fd);
	}
	status = rec_exit();
	summary();
	if (status == KH_EXIT_OK && n_errors > 0)
		status = KH_EXIT_SKIPPED;
	return status;
}
