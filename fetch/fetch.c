/*
 * fetch: download the pages that records (or bare URL lines) name.
 *
 * Reads records, hands each to the scheduler (sched.c), and writes each
 * back when its transfer has ended, with the fetch fields of
 * docs/records.md: the page in UTF-8, or an error.  Output is in the
 * order transfers end, or in input order with -k.  At most --queue
 * records are in flight; reading waits while the queue is full, and
 * transfers run while input is idle.  What --state remembers of a page
 * waits until its record has been written and flushed, so a crash
 * never leaves a page in the state that its reader did not get.
 */
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "khobor.h"
#include "charset.h"
#include "fetch.h"
#include "state.h"

struct fetch_opt opt = {
	.jobs = 16,
	.per_host = 2,
	.delay = 1,
	.timeout = 30,
	.connect_timeout = 10,
	.backoff = 1,
	.max_wait = 600,
	.retries = 2,
	.max_redirects = 10,
	.host_fails = 5,
	.max_size = (size_t)10 << 20,
	.queue = 1024,
};

static const char *state_path;
static double state_every = 60;	/* seconds between saves of --state */
static long kill_after_save;	/* a test's crash point; 0: none */
static const char *contact = "https://example.invalid/khobor-contact";
static const char *ua_format = "khobor/" KH_VERSION " (+%s)";

/* What --state is to remember of a page, once its record is out. */
struct pend {
	char *url, *etag, *last_modified, *fetched_at;
	struct pend *next;
};

/* Records in flight, and for -k the ones finished out of turn. */
static uint64_t next_seq, out_seq;
static unsigned long pending;
static struct slot {
	int done;
	struct json_object *rec;	/* NULL: dropped */
	struct pend *pend;
} *ring;

/* Pages whose records are written but maybe not flushed yet. */
static struct pend *unflushed, **unflushed_tail = &unflushed;
static unsigned long n_unflushed;
#define FLUSH_EVERY 256		/* records, when no wait comes first */

/* For --progress and the summary. */
static unsigned long n_done, n_failed, n_written, n_fetched, n_unchanged;
static unsigned long n_other;		/* left to other shards */
static unsigned long shard_i, shard_n = 1;	/* --shard I/N */
static struct kh_tally failures;

static volatile sig_atomic_t stopping;

static void
on_signal(int sig)
{
	int saved = errno;

	stopping = sig;
	if (write(sched_wake_fd, "", 1) < 0) {
		/* the wait ends at its timeout instead */
	}
	errno = saved;
}

const char *
job_header(struct job *j, const char *name)
{
	struct curl_header *h;

	if (j->easy == NULL || curl_easy_header(j->easy, name, 0,
	    CURLH_HEADER, -1, &h) != CURLHE_OK)
		return NULL;
	return h->value;
}

const char *
job_media_type(struct job *j)
{
	char *ct = NULL;

	if (j->easy == NULL || curl_easy_getinfo(j->easy,
	    CURLINFO_CONTENT_TYPE, &ct) != CURLE_OK || ct == NULL ||
	    strchr(ct, '/') == NULL)
		return NULL;
	return ct;
}

void
job_free(struct job *j)
{
	sched_release(j);
	if (j->rec != NULL)
		json_object_put(j->rec);
	free(j->url);
	free(j->path);
	free(j->body);
	free(j->not_text);
	free(j->warc_file);
	warcout_release(j);
	free(j);
}

/* Set a field the record owns from fetch: replaced where it stands,
 * appended when new, removed when v is NULL (a stale value of an earlier
 * fetch must not survive). */
static void
put(struct json_object *r, const char *key, struct json_object *v)
{
	if (v != NULL)
		json_object_object_add(r, key, v);
	else
		json_object_object_del(r, key);
}

/* A copy of s (NULL: none) in which bytes that are not UTF-8 are
 * U+FFFD: header values and messages hold whatever a server sent, and
 * records and the state file are JSON. */
static char *
utf8_dup(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n, i, len, o = 0;
	char *fixed;

	if (s == NULL)
		return NULL;
	n = strlen(s);
	if (rec_utf8_valid(u, n) == n)
		return strdup(s);
	fixed = kh_malloc(3 * n + 1);
	for (i = 0; i < n; i += len) {
		if (kh_utf8_next(u + i, n - i, &len) == 0xfffd && len == 1) {
			memcpy(fixed + o, "\xef\xbf\xbd", 3);
			o += 3;
		} else {
			memcpy(fixed + o, s + i, len);
			o += len;
		}
	}
	fixed[o] = '\0';
	return fixed;
}

/* s as a JSON string, NULL as none. */
static struct json_object *
str_or_null(const char *s)
{
	struct json_object *v;
	char *fixed = utf8_dup(s);

	if (fixed == NULL)
		return NULL;
	v = json_object_new_string(fixed);
	free(fixed);
	return v;
}

void
now_rfc3339(char *buf, size_t n)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void
fetch_cause(struct job *j, CURLcode rc, char *msg, size_t n)
{
	curl_off_t connected = 0;
	long oserr = 0;

	if (j->easy != NULL)
		curl_easy_getinfo(j->easy, CURLINFO_OS_ERRNO, &oserr);
	switch (rc) {
	case CURLE_OPERATION_TIMEDOUT:
		if (j->easy != NULL)
			curl_easy_getinfo(j->easy, CURLINFO_CONNECT_TIME_T,
			    &connected);
		if (connected == 0 && opt.connect_timeout < opt.timeout)
			snprintf(msg, n, "connect timeout after %g s",
			    opt.connect_timeout);
		else
			snprintf(msg, n, "timeout after %g s", opt.timeout);
		break;
	case CURLE_TOO_MANY_REDIRECTS:
		snprintf(msg, n, "too many redirects (more than %ld)",
		    opt.max_redirects);
		break;
	case CURLE_COULDNT_RESOLVE_HOST:
		snprintf(msg, n, "could not resolve host");
		break;
	case CURLE_COULDNT_CONNECT:
		snprintf(msg, n, "%s", oserr == ECONNREFUSED ?
		    "connection refused" : oserr == ENETUNREACH ?
		    "network unreachable" : oserr == EHOSTUNREACH ?
		    "host unreachable" : "could not connect");
		break;
	case CURLE_GOT_NOTHING:
		snprintf(msg, n, "empty reply from server");
		break;
	case CURLE_OUT_OF_MEMORY:
		/* What libcurl says of a header line over its limit (100 KB),
		 * far more often than of memory. */
		snprintf(msg, n, "a response header too large (or out of "
		    "memory)");
		break;
	default:
		if (oserr == ECONNRESET)
			snprintf(msg, n, "connection reset");
		else if (j->errbuf[0] != '\0')
			snprintf(msg, n, "%s: %s", curl_easy_strerror(rc),
			    j->errbuf);
		else
			snprintf(msg, n, "%s", curl_easy_strerror(rc));
	}
}

/* A sitemap.xml.gz: its text takes the place of the gzip bytes, cut at
 * --max-size (and marked truncated) as any body. */
static int
gunzip_body(struct job *j)
{
	char *text;
	size_t len;
	int cut;

	if (fetch_gunzip(j->body, j->len, opt.max_size, &text, &len,
	    &cut) < 0)
		return -1;
	free(j->body);
	j->body = text;
	j->len = j->cap = len;
	if (cut)
		j->truncated = 1;
	return 0;
}

/* The body in UTF-8 (body itself when it is UTF-8 already, else a
 * malloc'd copy in *copy) and the charset it came in. */
static const char *
body_utf8(struct job *j, const char *ct, char cs[CHARSET_NAME_MAX],
    size_t *len, char **copy)
{
	return charset_page(j->body != NULL ? j->body : "", j->len, ct, cs,
	    len, copy);
}

static void
pend_free(struct pend *p)
{
	if (p == NULL)
		return;
	free(p->url);
	free(p->etag);
	free(p->last_modified);
	free(p->fetched_at);
	free(p);
}

/* A record goes out (r NULL: dropped); what the state is to remember of
 * its page waits for the next flush. */
static void
put_out(struct json_object *r, struct pend *p)
{
	if (r != NULL) {
		rec_write(r);
		json_object_put(r);
		n_written++;
	}
	if (p != NULL) {
		*unflushed_tail = p;
		unflushed_tail = &p->next;
		n_unflushed++;
	}
}

/* Write what may be written: everything at once, or with -k the
 * finished records that are next in input order. */
static void
emit(uint64_t seq, struct json_object *r, struct pend *p)
{
	struct slot *s;

	if (!opt.keep_order) {
		put_out(r, p);
		pending--;
	} else {
		s = &ring[seq % opt.queue];
		s->done = 1;
		s->rec = r;
		s->pend = p;
		while ((s = &ring[out_seq % opt.queue])->done) {
			put_out(s->rec, s->pend);
			s->done = 0;
			s->rec = NULL;
			s->pend = NULL;
			out_seq++;
			pending--;
		}
	}
	if (n_unflushed >= FLUSH_EVERY)
		fetch_flush();
}

/* The records written reach the reader; now the state may know their
 * pages. */
static void
flush_and_commit(void)
{
	struct pend *p, *next;

	rec_flush();
	for (p = unflushed; p != NULL; p = next) {
		next = p->next;
		state_put(opt.state, p->url, p->etag, p->last_modified,
		    p->fetched_at);
		pend_free(p);
	}
	unflushed = NULL;
	unflushed_tail = &unflushed;
	n_unflushed = 0;
}

/* Save the state.  The tests make the moment right after a save
 * visible (-v) and can end the run there as a crash would
 * (KH_FETCH_KILL_AFTER_SAVE=n: SIGKILL after the n-th save). */
static void
save_state(void)
{
	static long saves;

	if (state_save(opt.state) < 0) {
		kh_run.error = 1;
		return;
	}
	saves++;
	if (opt.verbose)
		kh_warn("--state saved after %lu records written", n_written);
	if (kill_after_save > 0 && saves == kill_after_save)
		raise(SIGKILL);
}

/* A long run saves its state now and then, so that a crash (kill -9,
 * power) has to fetch again at most a minute of it. */
void
fetch_flush(void)
{
	static double last;
	double now;

	flush_and_commit();
	if (opt.state == NULL)
		return;
	now = now_mono();
	if (last == 0)
		last = now;
	if (now - last < state_every)
		return;
	last = now;
	save_state();
}

/* The kind of a failure, for the summary: what went wrong, or the HTTP
 * status. */
static const char *
failure_kind(long status, CURLcode rc, const char *error, char *buf,
    size_t n)
{
	static const struct {
		const char *prefix, *kind;
	} by_text[] = {
		{ "not HTML", "not-html" },
		{ "not a feed", "media-type" },
		{ "not a sitemap", "media-type" },
		{ "not a robots.txt", "media-type" },
		{ "damaged gzip", "gzip" },
		{ "disallowed by robots", "robots" },
		{ "robots.txt", "robots" },
		{ "redirect", "redirect" },
		{ "host given up", "host-down" },
		{ "HTTP status", "bad-status" },
		{ "unsupported URL", "bad-url" },
		{ "not a valid", "bad-url" },
		{ "no host", "bad-url" },
		{ "cannot", "file" },
		{ "not a ", "file" },
	};
	size_t i;

	for (i = 0; i < sizeof(by_text) / sizeof(*by_text); i++)
		if (strncmp(error, by_text[i].prefix,
		    strlen(by_text[i].prefix)) == 0)
			return by_text[i].kind;
	switch (rc) {
	case CURLE_OK:
		break;
	case CURLE_OPERATION_TIMEDOUT:
		return "timeout";
	case CURLE_COULDNT_CONNECT:
		return "connect";
	case CURLE_COULDNT_RESOLVE_HOST:
		return "dns";
	case CURLE_TOO_MANY_REDIRECTS:
		return "redirects";
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
		return "network";
	default:
		return "protocol";
	}
	if (status > 0) {
		snprintf(buf, n, "%ld", status);
		return buf;
	}
	if (strncmp(error, "HTTP ", 5) == 0)
		return "wait";	/* a Retry-After beyond --max-wait */
	return "other";
}

static void
count_failure(long status, CURLcode rc, const char *error)
{
	char buf[24];

	kh_tally_add(&failures, failure_kind(status, rc, error, buf,
	    sizeof(buf)));
}

/* The line at the end of every run (-q: none): "fetch: 37 urls: 31
 * unchanged, 5 fetched, 1 failed (404 1)". */
static void
summary(unsigned long unfinished)
{
	char line[1024], kinds[512];
	size_t o;
	const char *sep = ": ";

	if (kh_run.quiet)
		return;
	o = snprintf(line, sizeof(line), "%lu url%s", (unsigned long)next_seq,
	    next_seq == 1 ? "" : "s");
#define PART(...) do { \
		if (o < sizeof(line)) \
			o += snprintf(line + o, sizeof(line) - o, __VA_ARGS__); \
	} while (0)
	if (n_unchanged > 0) {
		PART("%s%lu unchanged", sep, n_unchanged);
		sep = ", ";
	}
	if (n_fetched > 0) {
		PART("%s%lu fetched", sep, n_fetched);
		sep = ", ";
	}
	if (n_failed > 0) {
		PART("%s%lu failed (", sep, n_failed);
		sep = ", ";
		kh_tally_format(&failures, kinds, sizeof(kinds));
		PART("%s)", kinds);
	}
	if (unfinished > 0)
		PART("%s%lu unfinished", sep, unfinished);
	if (n_other > 0)
		PART("; %lu left to the other shards", n_other);
#undef PART
	kh_warn("%s", line);
}

/* The exit status: rec_exit()'s, and 1 when URLs were given and not
 * one page came (fetched or unchanged), so that cron can tell a run
 * that reached nothing. */
static int
exit_status(void)
{
	int status = rec_exit();

	if (status == KH_EXIT_OK && next_seq > 0 && n_fetched + n_unchanged ==
	    0)
		status = KH_EXIT_SKIPPED;
	return status;
}

/* What the state is to remember of a page fetched without error (NULL:
 * nothing): its validators, and for a 304 those it had. */
static struct pend *
state_entry_of(struct job *j, long status, const char *etag,
    const char *lastmod, const char *at)
{
	struct state_entry *e = NULL;
	struct pend *p;

	if (opt.state == NULL || j->redirects > 0)
		return NULL;
	if (status == 304 && (e = state_get(opt.state, j->url)) == NULL)
		return NULL;
	p = kh_malloc(sizeof(*p));
	p->url = strdup(j->url);
	p->etag = utf8_dup(etag != NULL || e == NULL ? etag : e->etag);
	p->last_modified = utf8_dup(lastmod != NULL || e == NULL ? lastmod :
	    e->last_modified);
	p->fetched_at = strdup(at);
	p->next = NULL;
	return p;
}

void
job_done(struct job *j, CURLcode rc, const char *error)
{
	struct json_object *r = j->rec;
	char msg[CURL_ERROR_SIZE + 128], at[32], media[128];
	char cs[CHARSET_NAME_MAX], *copy = NULL;
	const char *etag = NULL, *lastmod = NULL, *what, *body = NULL, *ct;
	size_t len = 0;
	int is_file = strncasecmp(j->url, "file:", 5) == 0, answered;
	long status = 0;
	struct pend *p = NULL;

	if (j->easy != NULL)
		curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &status);
	ct = job_media_type(j);
	answered = status > 0 || (is_file && j->file_read);
	if (error == NULL && rc != CURLE_OK) {
		fetch_cause(j, rc, msg, sizeof(msg));
		error = msg;
	}
	if (error == NULL && !is_file && (status < 100 || status > 599)) {
		/* docs/records.md: a status is 100..599. */
		snprintf(msg, sizeof(msg), "HTTP status %ld out of range",
		    status);
		error = msg;
	}
	if (status < 100 || status > 599)
		status = 0;
	if (error == NULL && j->not_text == NULL && ct != NULL &&
	    status >= 200 && status < 300 && !fetch_accepts(ct, j->want))
		j->not_text = strdup(ct);
	if (error == NULL && j->not_text == NULL && ct == NULL &&
	    (what = fetch_sniff(j->body != NULL ? j->body : "", j->len)) != NULL &&
	    !fetch_accepts(what, j->want))
		j->not_text = strdup(what);
	if (error == NULL && j->decode_error != NULL) {
		snprintf(msg, sizeof(msg), "%s", j->decode_error);
		error = msg;
	}
	if (error == NULL && j->not_text != NULL) {
		snprintf(media, sizeof(media), "%.*s",
		    (int)strcspn(j->not_text, "; \t"), j->not_text);
		snprintf(msg, sizeof(msg), "not %s: %s",
		    fetch_want_name(j->want), media);
		error = msg;
	}
	if (error == NULL && j->want == WANT_SITEMAP && status != 304 &&
	    fetch_is_gzip(j->body, j->len) && gunzip_body(j) < 0) {
		snprintf(msg, sizeof(msg), "damaged gzip data");
		error = msg;
	}
	if (error == NULL && !is_file && (status >= 400 || status < 200)) {
		snprintf(msg, sizeof(msg), "HTTP %ld", status);
		error = msg;
	} else if (error == NULL && status >= 300 && status != 304) {
		snprintf(msg, sizeof(msg), "HTTP %ld without a Location",
		    status);
		error = msg;
	} else if (error == NULL && status == 304 && !j->conditional) {
		/* "Unchanged" since a fetch we never made: --changed-only
		 * would drop the page for good. */
		snprintf(msg, sizeof(msg), "HTTP 304 to a request without "
		    "conditions");
		error = msg;
	}
	if (status >= 200 && status < 400) {
		etag = job_header(j, "ETag");
		lastmod = job_header(j, "Last-Modified");
	}
	if (error == NULL && status != 304)
		body = body_utf8(j, ct, cs, &len, &copy);
	if (j->warc_date[0] != '\0')	/* the WARC record's time */
		snprintf(at, sizeof(at), "%s", j->warc_date);
	else
		now_rfc3339(at, sizeof(at));

	put(r, "final_url", json_object_new_string(j->url));
	put(r, "status", status > 0 ? json_object_new_int64(status) : NULL);
	put(r, "fetched_at", answered ? json_object_new_string(at) : NULL);
	put(r, "content_type", str_or_null(ct));
	put(r, "charset", body != NULL ? json_object_new_string(cs) : NULL);
	put(r, "etag", str_or_null(etag));
	put(r, "last_modified", str_or_null(lastmod));
	put(r, "html", body != NULL ? json_object_new_string_len(body,
	    (int)len) : NULL);
	put(r, "truncated", body != NULL ?
	    json_object_new_boolean(j->truncated) : NULL);
	put(r, "error", str_or_null(error));
	put(r, "warc_file", j->warc_file != NULL ?
	    json_object_new_string(j->warc_file) : NULL);
	put(r, "warc_offset", j->warc_file != NULL ?
	    json_object_new_int64((int64_t)j->warc_offset) : NULL);
	free(copy);

	n_done++;
	if (error != NULL) {
		n_failed++;
		count_failure(status, rc, error);
	} else {
		if (!is_file)
			p = state_entry_of(j, status, etag, lastmod, at);
		if (status == 304)
			n_unchanged++;
		else
			n_fetched++;
	}
	j->rec = NULL;
	if ((error != NULL && opt.ok_only) || (status == 304 &&
	    opt.changed_only)) {
		json_object_put(r);
		r = NULL;
	}
	emit(j->seq, r, p);
	job_free(j);
	kh_progress_tick();
}

/* SIGINT or SIGTERM: keep what is complete, drop what is not, save the
 * state, and go. */
static _Noreturn void
stop_now(void)
{
	unsigned long lost;
	int status;

	sched_abort();
	lost = pending;
	flush_and_commit();
	if (opt.state != NULL)
		save_state();
	kh_warn("stopped by signal %d: %lu record%s in flight not written",
	    (int)stopping, lost, lost == 1 ? "" : "s");
	warcout_close();
	status = rec_exit();
	summary(lost);
	exit(status > KH_EXIT_SKIPPED ? status : KH_EXIT_SKIPPED);
}

static void
wait_input(int fd)
{
	while (!stopping && !sched_step(fd, 1000))
		;
	if (stopping)
		stop_now();
}

/* --shard I/N: URL's worker, by its host name (lower case, no port, no
 * user), so that all of a host's URLs, http and https alike, go to one
 * worker and two workers never ask one host at once.  FNV-1a: the same
 * host goes to the same shard on every machine and every run. */
static unsigned long
shard_of(const char *url)
{
	const char *h = strstr(url, "://"), *e;
	uint64_t x = 0xcbf29ce484222325ULL;

	if (h == NULL)
		return 0;
	h += 3;
	e = h + strcspn(h, "/?#");
	for (const char *at = h; at < e; at++)
		if (*at == '@')
			h = at + 1;
	if (*h == '[')
		e = h + strcspn(h, "]/?#");
	else
		e = h + strcspn(h, ":/?#");
	for (; h < e; h++)
		x = (x ^ (unsigned char)tolower((unsigned char)*h)) *
		    0x100000001b3ULL;
	return (unsigned long)(x % shard_n);
}

static void
fetch(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	struct json_object *u;
	struct job *j;
	const char *url;
	size_t n, i;

	(void)arg;
	if (!json_object_object_get_ex(rec, "url", &u) ||
	    !json_object_is_type(u, json_type_string)) {
		rec_bad(pos, "no \"url\" string; skipped");
		return;
	}
	/* docs/records.md: "scheme:...", no blanks or controls; a record
	 * without such a url would be written out invalid. */
	url = json_object_get_string(u);
	n = json_object_get_string_len(u);
	for (i = 0; i < n && (isalnum((unsigned char)url[i]) ||
	    (i > 0 && strchr("+-.", url[i]) != NULL)); i++)
		;
	if (i == 0 || i == n || url[i] != ':' || strlen(url) != n ||
	    !isalpha((unsigned char)url[0])) {
		rec_bad(pos, "\"url\" is not an absolute URL; skipped");
		return;
	}
	for (i = 0; i < n; i++)
		if ((unsigned char)url[i] <= ' ' || url[i] == 0x7f) {
			rec_bad(pos, "\"url\" holds a blank or control "
			    "character; skipped");
			return;
		}
	if (shard_n > 1 && shard_of(url) != shard_i) {
		n_other++;
		return;
	}
	j = kh_malloc(sizeof(*j));
	memset(j, 0, sizeof(*j));
	j->rec = json_object_get(rec);
	j->url = strdup(url);
	j->want = fetch_want(json_object_object_get_ex(rec, "kind", &u) &&
	    json_object_is_type(u, json_type_string) ?
	    json_object_get_string(u) : NULL, url);
	j->line = pos->line;
	j->seq = next_seq++;
	pending++;
	sched_add(j);
	sched_step(-1, 0);
	while (pending >= (unsigned long)opt.queue && !stopping)
		sched_step(-1, 1000);
	if (stopping)
		stop_now();
}

static void
progress_line(FILE *f, double secs)
{
	fprintf(f, "%lu/%lu done, %.1f pages/s, %lu failed", n_done,
	    (unsigned long)next_seq, n_done / secs, n_failed);
}

static double
seconds(const char *name, const char *s, double min)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (errno != 0 || end == s || *end != '\0' || !(v >= min) ||
	    v > 1e6)
		kh_die("%s: not a number of seconds: %s", name, s);
	return v;
}

static long
count(const char *name, const char *s, long min, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < min || v > max)
		kh_die("%s: not a number from %ld to %ld: %s", name, min, max,
		    s);
	return v;
}

enum {
	O_ALLOW_PRIVATE = KH_OPT_OWN, O_BACKOFF, O_CHANGED_ONLY,
	O_CONNECT_TIMEOUT, O_CONTACT, O_DELAY, O_HOST_FAILS, O_IGNORE_ROBOTS,
	O_MAX_REDIRECTS, O_MAX_SIZE, O_MAX_WAIT, O_OK_ONLY, O_PER_HOST,
	O_QUEUE, O_RESOLVE, O_RETRIES, O_SHARD, O_STATE, O_TIMEOUT,
	O_USER_AGENT,
	O_WARC, O_WARC_MAX_SIZE
};

static const char *warc_path;		/* --warc */
static size_t warc_max = (size_t)1 << 30;	/* --warc-max-size */

static void
option(int c, char *arg)
{
	switch (c) {
	case 'j':
		opt.jobs = count("-j", arg, 1, 1000);
		break;
	case 'k':
		opt.keep_order = 1;
		break;
	case 'v':
		opt.verbose = 1;
		break;
	case O_ALLOW_PRIVATE:
		opt.allow_private = 1;
		break;
	case O_BACKOFF:
		opt.backoff = seconds("--backoff", arg, 0);
		break;
	case O_CHANGED_ONLY:
		opt.changed_only = 1;
		break;
	case O_CONNECT_TIMEOUT:
		opt.connect_timeout = seconds("--connect-timeout", arg, 0.001);
		break;
	case O_CONTACT:
		contact = arg;
		break;
	case O_DELAY:
		opt.delay = seconds("--delay", arg, 0);
		break;
	case O_HOST_FAILS:
		opt.host_fails = count("--host-fails", arg, 0, 1000000);
		break;
	case O_IGNORE_ROBOTS:
		opt.ignore_robots = 1;
		break;
	case O_MAX_REDIRECTS:
		opt.max_redirects = count("--max-redirects", arg, 0, 100);
		break;
	case O_MAX_SIZE:
		if (kh_parse_size(arg, &opt.max_size) < 0)
			kh_die("--max-size: not a size: %s", arg);
		break;
	case O_MAX_WAIT:
		opt.max_wait = seconds("--max-wait", arg, 0);
		break;
	case O_OK_ONLY:
		opt.ok_only = 1;
		break;
	case O_PER_HOST:
		opt.per_host = count("--per-host", arg, 1, 100);
		break;
	case O_QUEUE:
		opt.queue = count("--queue", arg, 1, 1000000);
		break;
	case O_RESOLVE:
		resolve_add(arg);
		break;
	case O_RETRIES:
		opt.retries = count("--retries", arg, 0, 100);
		break;
	case O_SHARD: {
		char *end;

		errno = 0;
		shard_i = strtoul(arg, &end, 10);
		if (end == arg || *end != '/' || !isdigit((unsigned char)end[1]))
			kh_die("--shard: want I/N (0/4: the first of four): %s",
			    arg);
		shard_n = strtoul(end + 1, &end, 10);
		if (*end != '\0' || errno != 0 || shard_n < 1 ||
		    shard_n > 1000000 || shard_i >= shard_n)
			kh_die("--shard: want I/N with 0 <= I < N: %s", arg);
		break;
	}
	case O_STATE:
		state_path = arg;
		break;
	case O_TIMEOUT:
		opt.timeout = seconds("--timeout", arg, 0.001);
		break;
	case O_USER_AGENT:
		ua_format = arg;
		break;
	case O_WARC:
		warc_path = arg;
		break;
	case O_WARC_MAX_SIZE:
		if (kh_parse_size(arg, &warc_max) < 0 || warc_max == 0)
			kh_die("--warc-max-size: not a size: %s", arg);
		break;
	default:
		kh_usage();
	}
}

/* The User-Agent: the format with %s as the contact; its product
 * token (up to the first '/' or blank) names us in robots.txt. */
static void
make_agent(void)
{
	static char ua[1024];
	const char *p = strstr(ua_format, "%s");
	size_t n;

	if (p != NULL && strstr(p + 2, "%") == NULL && strchr(ua_format, '%') ==
	    p)
		snprintf(ua, sizeof(ua), "%.*s%s%s", (int)(p - ua_format),
		    ua_format, contact, p + 2);
	else if (strchr(ua_format, '%') == NULL)
		snprintf(ua, sizeof(ua), "%s", ua_format);
	else
		kh_die("--user-agent: only one %%s (the contact) may stand "
		    "in it");
	opt.user_agent = ua;
	n = strcspn(ua, "/ \t");
	if (n == 0 || n >= sizeof(opt.agent))
		kh_die("--user-agent: it must start with a product name");
	memcpy(opt.agent, ua, n);
	opt.agent[n] = '\0';
}

/* Settings for the tests, from the environment: a --state save every
 * KH_FETCH_STATE_EVERY seconds instead of every minute, and the crash
 * point of save_state(). */
static void
test_hooks(void)
{
	const char *v;

	if ((v = getenv("KH_FETCH_STATE_EVERY")) != NULL)
		state_every = seconds("KH_FETCH_STATE_EVERY", v, 0);
	if ((v = getenv("KH_FETCH_KILL_AFTER_SAVE")) != NULL)
		kill_after_save = count("KH_FETCH_KILL_AFTER_SAVE", v, 0,
		    1000000);
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "allow-private", no_argument, NULL, O_ALLOW_PRIVATE },
		{ "backoff", required_argument, NULL, O_BACKOFF },
		{ "changed-only", no_argument, NULL, O_CHANGED_ONLY },
		{ "connect-timeout", required_argument, NULL,
		    O_CONNECT_TIMEOUT },
		{ "contact", required_argument, NULL, O_CONTACT },
		{ "delay", required_argument, NULL, O_DELAY },
		{ "host-fails", required_argument, NULL, O_HOST_FAILS },
		{ "ignore-robots", no_argument, NULL, O_IGNORE_ROBOTS },
		{ "max-redirects", required_argument, NULL, O_MAX_REDIRECTS },
		{ "max-size", required_argument, NULL, O_MAX_SIZE },
		{ "max-wait", required_argument, NULL, O_MAX_WAIT },
		{ "ok-only", no_argument, NULL, O_OK_ONLY },
		{ "per-host", required_argument, NULL, O_PER_HOST },
		{ "queue", required_argument, NULL, O_QUEUE },
		{ "resolve", required_argument, NULL, O_RESOLVE },
		{ "retries", required_argument, NULL, O_RETRIES },
		{ "shard", required_argument, NULL, O_SHARD },
		{ "state", required_argument, NULL, O_STATE },
		{ "timeout", required_argument, NULL, O_TIMEOUT },
		{ "user-agent", required_argument, NULL, O_USER_AGENT },
		{ "warc", required_argument, NULL, O_WARC },
		{ "warc-max-size", required_argument, NULL, O_WARC_MAX_SIZE },
		{ NULL, 0, NULL, 0 },
	};
	static const struct kh_cli cli = {
		.usage = "[-hkqv] [-j jobs] [--allow-private] [--backoff secs] "
		    "[--changed-only] [--connect-timeout secs] [--contact url] "
		    "[--delay secs] [--host-fails n] "
		    "[--ignore-robots] [--max-line size] [--max-redirects n] "
		    "[--max-size size] [--max-values n] [--max-wait secs] "
		    "[--ok-only] "
		    "[--per-host n] [--progress] [--queue n] "
		    "[--resolve host:port:addr] [--retries n] [--shard i/n] "
		    "[--state file] [--strict] [--timeout secs] "
		    "[--user-agent format] [--version] [--warc file | dir] "
		    "[--warc-max-size size] [file ...]",
		.help =
		    "  -j jobs              transfers at once (16)\n"
		    "  -k                   write records in input order\n"
		    "  -v                   log each request to stderr\n"
		    "  --per-host n         transfers to one host at once (2)\n"
		    "  --delay secs         between requests to a host (1)\n"
		    "  --state file         remember ETag/Last-Modified; ask "
		    "only for changes\n"
		    "  --changed-only       drop pages that did not change "
		    "(304)\n"
		    "  --ok-only            drop failed fetches\n"
		    "  --ignore-robots      do not read robots.txt\n"
		    "  --host-fails n       network failures in a row that give "
		    "a host up (5)\n"
		    "  --allow-private      let redirects lead to loopback, "
		    "link-local and private addresses\n"
		    "  --timeout secs       for a whole transfer (30); "
		    "--connect-timeout (10)\n"
		    "  --max-size size      of a body kept (10M); more is cut "
		    "and marked truncated\n"
		    "  --retries n          after network errors and 5xx (2); "
		    "--backoff secs (1)\n"
		    "  --max-redirects n    (10); --max-wait secs: longest "
		    "Retry-After obeyed (600)\n"
		    "  --queue n            records in flight at most (1024)\n"
		    "  --resolve host:port:addr  connect there for host "
		    "(* for all names)\n"
		    "  --shard i/n          only the URLs of the hosts of "
		    "worker i of n (0/4)\n"
		    "  --user-agent format  %s stands for --contact url\n"
		    "  --warc file|dir      keep each exchange as sent, in a "
		    "WARC file (a folder: files of --warc-max-size, 1G)\n",
		.shortopts = "j:kv",
		.longopts = longopts,
		.opt = option,
	};
	struct sigaction sa;
	int i;

	i = kh_options(argc, argv, &cli);
	make_agent();
	test_hooks();
	if (warc_path != NULL)
		warcout_open(warc_path, warc_max);
	if (opt.keep_order) {
		ring = calloc(opt.queue, sizeof(*ring));
		if (ring == NULL)
			kh_die("out of memory");
	}
	if (state_path != NULL)
		opt.state = state_open(state_path);
	sched_init();
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	kh_progress_line(progress_line);
	rec_accept_bare_urls();
	rec_on_wait(wait_input);

	rec_loop(argv + i, fetch, NULL);
	while (!sched_idle() && !stopping)
		sched_step(-1, 1000);
	if (stopping)
		stop_now();
	flush_and_commit();
	if (opt.state != NULL) {
		save_state();
		state_close(opt.state);
	}
	sched_free();
	resolve_free();
	warcout_close();
	free(ring);
	i = exit_status();
	summary(0);
	return i;
}
