/*
 * fetch: download the pages that records (or bare URL lines) name.
 *
 * Reads records, hands each to the scheduler (sched.c), and writes each
 * back when its transfer has ended, with the fetch fields of
 * docs/records.md: the page in UTF-8, or an error.  Output is in the
 * order transfers end, or in input order with -k.  At most --queue
 * records are in flight; reading waits while the queue is full, and
 * transfers run while input is idle.
 */
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
	.max_size = (size_t)10 << 20,
	.queue = 1024,
};

static const char *state_path;
#define STATE_EVERY 60.0	/* seconds between saves of --state */
static const char *contact = "https://example.invalid/khobor-contact";
static const char *ua_format = "khobor/" KH_VERSION " (+%s)";

/* Records in flight, and for -k the ones finished out of turn. */
static uint64_t next_seq, out_seq;
static unsigned long pending;
static struct slot {
	int done;
	struct json_object *rec;	/* NULL: dropped */
} *ring;

/* For --progress. */
static unsigned long n_done, n_failed;

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

int
fetch_is_text(const char *ct)
{
	static const char *const types[] = {
		"text/html", "application/xhtml+xml", "text/xml",
		"application/xml",
	};
	size_t n, i;

	while (*ct == ' ' || *ct == '\t')
		ct++;
	n = strcspn(ct, "; \t");
	for (i = 0; i < sizeof(types) / sizeof(*types); i++)
		if (n == strlen(types[i]) && strncasecmp(ct, types[i], n) == 0)
			return 1;
	return n > 4 && strncasecmp(ct + n - 4, "+xml", 4) == 0;
}

/* What a body without a media type is, when it is plainly not text. */
static const char *
sniff(const char *b, size_t n)
{
	static const struct {
		const char *magic;
		size_t len;
		const char *type;
	} sig[] = {
		{ "%PDF-", 5, "application/pdf" },
		{ "\x89PNG", 4, "image/png" },
		{ "GIF8", 4, "image/gif" },
		{ "\xff\xd8\xff", 3, "image/jpeg" },
		{ "PK\x03\x04", 4, "application/zip" },
		{ "\x1f\x8b", 2, "application/gzip" },
	};
	size_t i;

	for (i = 0; i < sizeof(sig) / sizeof(*sig); i++)
		if (n >= sig[i].len && memcmp(b, sig[i].magic, sig[i].len) == 0)
			return sig[i].type;
	if (n >= 2 && ((unsigned char)b[0] == 0xff || (unsigned char)b[0] ==
	    0xfe) && ((unsigned char)b[1] == 0xfe || (unsigned char)b[1] ==
	    0xff))
		return NULL;	/* UTF-16 text has NUL bytes */
	if (memchr(b, '\0', n < 1024 ? n : 1024) != NULL)
		return "application/octet-stream";
	return NULL;
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

static struct json_object *
str_or_null(const char *s)
{
	return s != NULL ? json_object_new_string(s) : NULL;
}

static void
now_rfc3339(char *buf, size_t n)
{
	time_t t = time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(buf, n, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

/* The message for a transfer libcurl ended with an error. */
static void
curl_message(struct job *j, CURLcode rc, char *msg, size_t n)
{
	curl_off_t connected = 0;

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
	default:
		if (j->errbuf[0] != '\0')
			snprintf(msg, n, "%s: %s", curl_easy_strerror(rc),
			    j->errbuf);
		else
			snprintf(msg, n, "%s", curl_easy_strerror(rc));
	}
}

/* The body in UTF-8 (body itself when it is UTF-8 already, else a
 * malloc'd copy in *copy) and the charset it came in. */
static const char *
body_utf8(struct job *j, const char *ct, char cs[CHARSET_NAME_MAX],
    size_t *len, char **copy)
{
	const char *body = j->body != NULL ? j->body : "";

	*len = j->len;
	*copy = NULL;
	charset_detect(body, *len, ct, cs);
	if (strcmp(cs, "UTF-8") == 0 && rec_utf8_valid((const unsigned char *)
	    body, *len) == *len && !(*len >= 3 && memcmp(body,
	    "\xef\xbb\xbf", 3) == 0))
		return body;
	if ((*copy = charset_to_utf8(body, j->len, cs, len)) == NULL) {
		/* No converter after all: UTF-8, repaired. */
		strcpy(cs, "UTF-8");
		*copy = charset_to_utf8(body, j->len, "UTF-8", len);
	}
	if (*copy == NULL) {
		*len = 0;
		return "";
	}
	return *copy;
}

/* Write what may be written: everything at once, or with -k the
 * finished records that are next in input order. */
static void
emit(uint64_t seq, struct json_object *r)
{
	struct slot *s;

	if (!opt.keep_order) {
		if (r != NULL) {
			rec_write(r);
			json_object_put(r);
		}
		pending--;
		return;
	}
	s = &ring[seq % opt.queue];
	s->done = 1;
	s->rec = r;
	while ((s = &ring[out_seq % opt.queue])->done) {
		if (s->rec != NULL) {
			rec_write(s->rec);
			json_object_put(s->rec);
		}
		s->done = 0;
		s->rec = NULL;
		out_seq++;
		pending--;
	}
}

/* A long run saves its state now and then, so that a crash (kill -9,
 * power) loses at most a minute of it. */
static void
save_state_now_and_then(void)
{
	static double last;
	double now = now_mono();

	if (opt.state == NULL)
		return;
	if (last == 0)
		last = now;
	if (now - last < STATE_EVERY)
		return;
	last = now;
	if (state_save(opt.state) < 0)
		kh_run.error = 1;
}

void
job_done(struct job *j, CURLcode rc, const char *error)
{
	struct json_object *r = j->rec;
	char msg[CURL_ERROR_SIZE + 128], at[32], media[128];
	char cs[CHARSET_NAME_MAX], *copy = NULL;
	const char *etag = NULL, *lastmod = NULL, *what, *body = NULL;
	size_t len = 0;
	int is_file = strncasecmp(j->url, "file:", 5) == 0, answered;
	long status = 0;
	char *ct = NULL;

	if (j->easy != NULL) {
		curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &status);
		curl_easy_getinfo(j->easy, CURLINFO_CONTENT_TYPE, &ct);
	}
	answered = status > 0 || (is_file && j->easy != NULL && rc == CURLE_OK);
	if (error == NULL && rc != CURLE_OK) {
		curl_message(j, rc, msg, sizeof(msg));
		error = msg;
	}
	if (error == NULL && j->not_text == NULL && ct != NULL &&
	    status >= 200 && status < 300 && !fetch_is_text(ct))
		j->not_text = strdup(ct);
	if (error == NULL && j->not_text == NULL && ct == NULL &&
	    (what = sniff(j->body != NULL ? j->body : "", j->len)) != NULL)
		j->not_text = strdup(what);
	if (error == NULL && j->not_text != NULL) {
		snprintf(media, sizeof(media), "%.*s",
		    (int)strcspn(j->not_text, "; \t"), j->not_text);
		snprintf(msg, sizeof(msg), "not HTML: %s", media);
		error = msg;
	}
	if (error == NULL && status >= 400) {
		snprintf(msg, sizeof(msg), "HTTP %ld", status);
		error = msg;
	} else if (error == NULL && status >= 300 && status != 304) {
		snprintf(msg, sizeof(msg), "HTTP %ld without a Location",
		    status);
		error = msg;
	}
	if (status >= 200 && status < 400) {
		etag = job_header(j, "ETag");
		lastmod = job_header(j, "Last-Modified");
	}
	if (error == NULL && status != 304)
		body = body_utf8(j, ct, cs, &len, &copy);
	now_rfc3339(at, sizeof(at));

	put(r, "final_url", json_object_new_string(j->url));
	put(r, "status", status > 0 && !is_file ?
	    json_object_new_int64(status) : NULL);
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
	free(copy);

	if (opt.state != NULL && error == NULL && j->redirects == 0) {
		struct state_entry *e;

		if (status == 304 && (e = state_get(opt.state, j->url)) !=
		    NULL) {
			state_put(opt.state, j->url, etag != NULL ? etag :
			    e->etag, lastmod != NULL ? lastmod :
			    e->last_modified, at);
		} else if (!is_file) {
			state_put(opt.state, j->url, etag, lastmod, at);
		}
	}

	save_state_now_and_then();
	n_done++;
	if (error != NULL)
		n_failed++;
	j->rec = NULL;
	if ((error != NULL && opt.ok_only) || (status == 304 &&
	    opt.changed_only)) {
		json_object_put(r);
		r = NULL;
	}
	emit(j->seq, r);
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
	if (opt.state != NULL)
		state_save(opt.state);
	kh_warn("stopped by signal %d: %lu record%s in flight not written",
	    (int)stopping, lost, lost == 1 ? "" : "s");
	status = rec_exit();
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

static void
fetch(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	struct json_object *u;
	struct job *j;

	(void)arg;
	if (!json_object_object_get_ex(rec, "url", &u) ||
	    !json_object_is_type(u, json_type_string)) {
		rec_bad(pos, "no \"url\" string; skipped");
		return;
	}
	j = kh_malloc(sizeof(*j));
	memset(j, 0, sizeof(*j));
	j->rec = json_object_get(rec);
	j->url = strdup(json_object_get_string(u));
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
	O_BACKOFF = KH_OPT_OWN, O_CHANGED_ONLY, O_CONNECT_TIMEOUT, O_CONTACT,
	O_DELAY, O_IGNORE_ROBOTS, O_MAX_REDIRECTS, O_MAX_SIZE, O_MAX_WAIT,
	O_OK_ONLY, O_PER_HOST, O_QUEUE, O_RETRIES, O_STATE, O_TIMEOUT,
	O_USER_AGENT
};

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
	case O_RETRIES:
		opt.retries = count("--retries", arg, 0, 100);
		break;
	case O_STATE:
		state_path = arg;
		break;
	case O_TIMEOUT:
		opt.timeout = seconds("--timeout", arg, 0.001);
		break;
	case O_USER_AGENT:
		ua_format = arg;
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

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "backoff", required_argument, NULL, O_BACKOFF },
		{ "changed-only", no_argument, NULL, O_CHANGED_ONLY },
		{ "connect-timeout", required_argument, NULL,
		    O_CONNECT_TIMEOUT },
		{ "contact", required_argument, NULL, O_CONTACT },
		{ "delay", required_argument, NULL, O_DELAY },
		{ "ignore-robots", no_argument, NULL, O_IGNORE_ROBOTS },
		{ "max-redirects", required_argument, NULL, O_MAX_REDIRECTS },
		{ "max-size", required_argument, NULL, O_MAX_SIZE },
		{ "max-wait", required_argument, NULL, O_MAX_WAIT },
		{ "ok-only", no_argument, NULL, O_OK_ONLY },
		{ "per-host", required_argument, NULL, O_PER_HOST },
		{ "queue", required_argument, NULL, O_QUEUE },
		{ "retries", required_argument, NULL, O_RETRIES },
		{ "state", required_argument, NULL, O_STATE },
		{ "timeout", required_argument, NULL, O_TIMEOUT },
		{ "user-agent", required_argument, NULL, O_USER_AGENT },
		{ NULL, 0, NULL, 0 },
	};
	static const struct kh_cli cli = {
		.usage = "[-hkqv] [-j jobs] [--backoff secs] [--changed-only] "
		    "[--connect-timeout secs] [--contact url] [--delay secs] "
		    "[--ignore-robots] [--max-line size] [--max-redirects n] "
		    "[--max-size size] [--max-wait secs] [--ok-only] "
		    "[--per-host n] [--progress] [--queue n] [--retries n] "
		    "[--state file] [--strict] [--timeout secs] "
		    "[--user-agent format] [--version] [file ...]",
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
		    "  --timeout secs       for a whole transfer (30); "
		    "--connect-timeout (10)\n"
		    "  --max-size size      of a body kept (10M); more is cut "
		    "and marked truncated\n"
		    "  --retries n          after network errors and 5xx (2); "
		    "--backoff secs (1)\n"
		    "  --max-redirects n    (10); --max-wait secs: longest "
		    "Retry-After obeyed (600)\n"
		    "  --queue n            records in flight at most (1024)\n"
		    "  --user-agent format  %s stands for --contact url\n",
		.shortopts = "j:kv",
		.longopts = longopts,
		.opt = option,
	};
	struct sigaction sa;
	int i;

	i = kh_options(argc, argv, &cli);
	make_agent();
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
	if (opt.state != NULL) {
		if (state_save(opt.state) < 0)
			kh_run.error = 1;
		state_close(opt.state);
	}
	sched_free();
	free(ring);
	return rec_exit();
}
