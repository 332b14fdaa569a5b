/*
 * sched.c: hosts, their queues and politeness, and the transfers.
 *
 * Each host (scheme://host:port) has a queue of jobs in the order they
 * came.  A job starts when fewer than -j transfers run, its host has
 * fewer than --per-host running, the host's delay since its last start
 * has passed, and the host's robots.txt is known.  robots.txt is the
 * first job of a new host.  Redirects are followed here, not by libcurl,
 * so that the new host's robots.txt and delay apply too and only http:
 * and https: targets are taken.
 */
#define _GNU_SOURCE	/* pipe2 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "khobor.h"
#include "fetch.h"
#include "robots.h"
#include "state.h"

#define HOSTS_KEPT 4096		/* idle hosts remembered (robots, delay) */
#define BACKOFF_MAX 600.0	/* seconds */

enum { ROBOTS_UNKNOWN, ROBOTS_FETCHING, ROBOTS_KNOWN };

struct host {
	char *key;		/* scheme://host:port, or "file:" */
	int is_file;		/* no robots, no delay, no limit */
	struct robots *robots;
	int robots_state;
	double delay;		/* --delay, or the site's Crawl-delay */
	double next_at;		/* no request starts before */
	double last_used;
	int active, fails;	/* running; failures in a row */
	const char *refuse;	/* why its pages are not fetched, or NULL */
	double closed_until;	/* it asked for a wait beyond --max-wait */
	char closed_why[128];
	struct job *head, *tail;
	struct host *hnext;	/* hash chain */
	struct host *bnext;	/* in the list of hosts with a queue */
	int busy;
};

static CURLM *multi;
static struct host **htab;
static size_t hsize, nhosts;
static struct host *busy;	/* hosts with a queue */
static long running;
static struct job *run_list;	/* the running transfers */
static CURL **pool;		/* easy handles to reuse */
static size_t npool;
static int wake_rd = -1;
int sched_wake_fd = -1;

double
now_mono(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static uint64_t
hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

void
sched_init(void)
{
	int p[2];

	if (curl_global_init(CURL_GLOBAL_DEFAULT) != 0)
		kh_die("cannot initialise libcurl");
	if ((multi = curl_multi_init()) == NULL)
		kh_die("cannot initialise libcurl");
	curl_multi_setopt(multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, opt.jobs);
	curl_multi_setopt(multi, CURLMOPT_MAX_HOST_CONNECTIONS, opt.per_host);
	curl_multi_setopt(multi, CURLMOPT_PIPELINING, CURLPIPE_MULTIPLEX);
	hsize = 1024;
	htab = calloc(hsize, sizeof(*htab));
	pool = calloc(opt.jobs, sizeof(*pool));
	if (htab == NULL || pool == NULL)
		kh_die("out of memory");
	/* A signal handler writes here to end a wait at once. */
	if (pipe2(p, O_CLOEXEC | O_NONBLOCK) < 0)
		kh_die("pipe:");
	wake_rd = p[0];
	sched_wake_fd = p[1];
}

static void
host_free(struct host *h)
{
	robots_free(h->robots);
	free(h->key);
	free(h);
}

/* Forget idle hosts when too many are remembered, so memory stays
 * bounded over a long list of sites. */
static void
forget_idle_hosts(void)
{
	struct host **pp, *h;
	size_t i;

	if (nhosts < 2 * HOSTS_KEPT)
		return;
	for (i = 0; i < hsize; i++)
		for (pp = &htab[i]; (h = *pp) != NULL;) {
			if (h->head == NULL && h->active == 0 &&
			    h->robots_state != ROBOTS_FETCHING &&
			    nhosts > HOSTS_KEPT) {
				*pp = h->hnext;
				host_free(h);
				nhosts--;
			} else {
				pp = &h->hnext;
			}
		}
}

static struct host *
get_host(const char *key, int is_file)
{
	struct host *h;
	size_t b;

	b = hash(key) & (hsize - 1);
	for (h = htab[b]; h != NULL; h = h->hnext)
		if (strcmp(h->key, key) == 0)
			return h;
	forget_idle_hosts();
	h = kh_malloc(sizeof(*h));
	memset(h, 0, sizeof(*h));
	h->key = strdup(key);
	h->is_file = is_file;
	h->delay = is_file ? 0 : opt.delay;
	h->robots_state = is_file || opt.ignore_robots ? ROBOTS_KNOWN :
	    ROBOTS_UNKNOWN;
	h->hnext = htab[b];
	htab[b] = h;
	nhosts++;
	return h;
}

static void
enqueue(struct host *h, struct job *j, int at_head)
{
	j->host = h;
	if (at_head) {
		j->next = h->head;
		h->head = j;
		if (h->tail == NULL)
			h->tail = j;
	} else {
		j->next = NULL;
		if (h->tail != NULL)
			h->tail->next = j;
		else
			h->head = j;
		h->tail = j;
	}
	if (!h->busy) {
		h->busy = 1;
		h->bnext = busy;
		busy = h;
	}
}

static struct job *
dequeue(struct host *h)
{
	struct job *j = h->head;

	h->head = j->next;
	if (h->head == NULL)
		h->tail = NULL;
	j->next = NULL;
	return j;
}

/* The URL's scheme, host key and path ("/p?q"), or an error.  Returns
 * 0, or -1 with *err a static message. */
static int
split_url(const char *url, char *scheme, size_t ssz, char *key, size_t ksz,
    char **path, const char **err)
{
	CURLU *u = curl_url();
	char *sch = NULL, *host = NULL, *port = NULL, *p = NULL, *q = NULL;
	int ret = -1;
	size_t i;

	*path = NULL;
	if (curl_url_set(u, CURLUPART_URL, url, CURLU_NON_SUPPORT_SCHEME |
	    CURLU_URLENCODE) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_SCHEME, &sch, 0) != CURLUE_OK) {
		*err = "not a valid absolute URL";
		goto out;
	}
	snprintf(scheme, ssz, "%s", sch);
	for (i = 0; scheme[i] != '\0'; i++)
		scheme[i] = tolower((unsigned char)scheme[i]);
	if (strcmp(scheme, "file") == 0) {
		snprintf(key, ksz, "file:");
		ret = 0;
		goto out;
	}
	if (strcmp(scheme, "http") != 0 && strcmp(scheme, "https") != 0) {
		*err = "unsupported URL scheme (http, https and file only)";
		goto out;
	}
	if (curl_url_get(u, CURLUPART_HOST, &host, 0) != CURLUE_OK ||
	    curl_url_get(u, CURLUPART_PORT, &port, CURLU_DEFAULT_PORT) !=
	    CURLUE_OK) {
		*err = "no host in the URL";
		goto out;
	}
	for (i = 0; host[i] != '\0'; i++)
		host[i] = tolower((unsigned char)host[i]);
	snprintf(key, ksz, "%s://%s:%s", scheme, host, port);
	curl_url_get(u, CURLUPART_PATH, &p, 0);
	curl_url_get(u, CURLUPART_QUERY, &q, 0);
	i = strlen(p != NULL ? p : "/") + (q != NULL ? strlen(q) + 1 : 0) + 1;
	*path = kh_malloc(i);
	snprintf(*path, i, "%s%s%s", p != NULL ? p : "/", q != NULL ? "?" : "",
	    q != NULL ? q : "");
	ret = 0;
out:
	curl_free(sch);
	curl_free(host);
	curl_free(port);
	curl_free(p);
	curl_free(q);
	curl_url_cleanup(u);
	return ret;
}

void
sched_add(struct job *j)
{
	char scheme[16], key[1024], *path;
	const char *err;
	struct host *h;
	struct job *r;

	if (split_url(j->url, scheme, sizeof(scheme), key, sizeof(key), &path,
	    &err) < 0) {
		job_done(j, CURLE_OK, err);
		return;
	}
	free(j->path);
	j->path = path;		/* for robots.txt, when the job starts */
	h = get_host(key, strcmp(scheme, "file") == 0);
	enqueue(h, j, 0);
	if (h->robots_state == ROBOTS_UNKNOWN) {
		/* Ask for robots.txt first: a job of its own, at the head. */
		size_t n = strlen(key) + 16;

		r = kh_malloc(sizeof(*r));
		memset(r, 0, sizeof(*r));
		r->is_robots = 1;
		r->url = kh_malloc(n);
		snprintf(r->url, n, "%s/robots.txt", key);
		enqueue(h, r, 1);
		h->robots_state = ROBOTS_FETCHING;
	}
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	struct job *j = arg;
	size_t len = size * n, limit, room;
	char *ct = NULL;
	long status = 0;

	if (j->cap == 0 && !j->is_robots) {
		/* First bytes: is this a page at all? */
		curl_easy_getinfo(j->easy, CURLINFO_CONTENT_TYPE, &ct);
		curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &status);
		if (ct != NULL && status >= 200 && status < 300 &&
		    !fetch_is_text(ct)) {
			j->not_text = strdup(ct);
			return 0;	/* stop: we do not want the body */
		}
	}
	limit = j->is_robots ? ROBOTS_MAX_SIZE : opt.max_size;
	room = limit - j->len;
	if (len > room) {
		j->truncated = 1;
		len = room;
	}
	if (j->len + len + 1 > j->cap) {
		j->cap = j->cap ? j->cap : 64 << 10;
		while (j->len + len + 1 > j->cap)
			j->cap *= 2;
		j->body = kh_realloc(j->body, j->cap);
	}
	memcpy(j->body + j->len, p, len);
	j->len += len;
	j->body[j->len] = '\0';
	return j->truncated ? 0 : size * n;
}

static void
start(struct job *j)
{
	CURL *e = npool > 0 ? pool[--npool] : curl_easy_init();
	struct state_entry *st;

	if (e == NULL)
		kh_die("cannot make a libcurl handle");
	j->easy = e;
	j->started = now_mono();
	j->errbuf[0] = '\0';
	curl_easy_setopt(e, CURLOPT_URL, j->url);
	curl_easy_setopt(e, CURLOPT_PRIVATE, j);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, j->errbuf);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, j);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_USERAGENT, opt.user_agent);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
	    (long)(opt.connect_timeout * 1000));
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(opt.timeout * 1000));
	if (j->host->is_file) {
		curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "file");
	} else {
		curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
		curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
	}
	if (j->is_robots) {
		/* robots.txt may move within the site (RFC 9309: 5 hops). */
		curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 1L);
		curl_easy_setopt(e, CURLOPT_MAXREDIRS, 5L);
	} else {
		j->headers = curl_slist_append(NULL, "Accept: text/html,"
		    "application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		if (opt.state != NULL && j->redirects == 0 &&
		    (st = state_get(opt.state, j->url)) != NULL) {
			char h[1024];

			if (st->etag != NULL) {
				snprintf(h, sizeof(h), "If-None-Match: %s",
				    st->etag);
				j->headers = curl_slist_append(j->headers, h);
			}
			if (st->last_modified != NULL) {
				snprintf(h, sizeof(h), "If-Modified-Since: %s",
				    st->last_modified);
				j->headers = curl_slist_append(j->headers, h);
			}
		}
		curl_easy_setopt(e, CURLOPT_HTTPHEADER, j->headers);
	}
	if (curl_multi_add_handle(multi, e) != CURLM_OK)
		kh_die("cannot start a transfer");
	j->rprev = NULL;
	j->rnext = run_list;
	if (run_list != NULL)
		run_list->rprev = j;
	run_list = j;
	running++;
	j->host->active++;
}

/* Put the easy handle back for the next transfer. */
void
sched_release(struct job *j)
{
	if (j->easy == NULL)
		return;
	curl_easy_reset(j->easy);
	if (npool < (size_t)opt.jobs)
		pool[npool++] = j->easy;
	else
		curl_easy_cleanup(j->easy);
	j->easy = NULL;
	curl_slist_free_all(j->headers);
	j->headers = NULL;
}

/* Forget a transfer's outcome, to try again or follow a redirect. */
static void
reset_transfer(struct job *j)
{
	sched_release(j);
	free(j->body);
	j->body = NULL;
	j->len = j->cap = 0;
	j->truncated = 0;
	free(j->not_text);
	j->not_text = NULL;
}

/* Start what may start.  Returns the earliest time a waiting job may
 * start (HUGE_VAL when none waits on time). */
static double
pump(void)
{
	struct host **pp, *h;
	struct job *j;
	double now = now_mono(), wake = HUGE_VAL, t;

	for (pp = &busy; (h = *pp) != NULL;) {
		while ((j = h->head) != NULL && running < opt.jobs) {
			if (!j->is_robots && h->robots_state != ROBOTS_KNOWN)
				break;
			if (now < h->closed_until) {
				/* Not for hours: its pages fail now rather
				 * than hold the run up. */
				dequeue(h);
				job_done(j, CURLE_OK, h->closed_why);
				continue;
			}
			t = j->not_before;
			if (!h->is_file) {
				if (h->active >= opt.per_host)
					break;
				if (h->next_at > t)
					t = h->next_at;
			}
			if (now < t) {
				if (t < wake)
					wake = t;
				break;
			}
			dequeue(h);
			if (!j->is_robots && h->robots != NULL) {
				if (h->refuse != NULL || j->path == NULL ||
				    !robots_allowed(h->robots, j->path)) {
					job_done(j, CURLE_OK, h->refuse != NULL ?
					    h->refuse : "disallowed by "
					    "robots.txt");
					continue;
				}
			}
			h->next_at = now + h->delay;
			h->last_used = now;
			start(j);
		}
		if (h->head == NULL) {
			h->busy = 0;
			*pp = h->bnext;
		} else {
			pp = &h->bnext;
		}
	}
	return wake;
}

static double
backoff(int n)
{
	double w = opt.backoff * pow(2, n > 0 ? n - 1 : 0);

	return w < BACKOFF_MAX ? w : BACKOFF_MAX;
}

/* Retry-After: seconds or an HTTP date; -1 when absent or unreadable. */
static double
retry_after(struct job *j)
{
	const char *v = job_header(j, "Retry-After");
	char *end;
	double s;
	time_t t;

	if (v == NULL)
		return -1;
	s = strtod(v, &end);
	if (end != v && *end == '\0' && s >= 0)
		return s;
	if ((t = curl_getdate(v, NULL)) < 0)
		return -1;
	s = difftime(t, time(NULL));
	return s > 0 ? s : 0;
}

/* Try the job again after wait seconds, first of its host. */
static void
retry(struct job *j, double wait)
{
	j->tries++;
	reset_transfer(j);
	j->not_before = now_mono() + wait;
	enqueue(j->host, j, 1);
}

static void
robots_done(struct job *j, CURLcode rc, long status)
{
	struct host *h = j->host;

	if (rc == CURLE_OK && status >= 200 && status < 300)
		h->robots = robots_parse(j->body != NULL ? j->body : "",
		    j->len, opt.agent);
	else if (rc == CURLE_WRITE_ERROR && j->truncated)
		h->robots = robots_parse(j->body, j->len, opt.agent);
	else if (rc == CURLE_OK && status >= 400 && status < 500)
		h->robots = robots_all(1);	/* no robots.txt: no rules */
	else
		h->robots = robots_all(0);	/* unreachable: stay away */
	h->robots_state = ROBOTS_KNOWN;
	if (robots_delay(h->robots) > h->delay) {
		h->delay = robots_delay(h->robots);
		if (h->next_at < j->started + h->delay)
			h->next_at = j->started + h->delay;
	}
	if (rc != CURLE_OK || status >= 500)
		h->refuse = rc != CURLE_OK ? "robots.txt unreachable: "
		    "not fetched" : "robots.txt gave a server error: not "
		    "fetched";
	reset_transfer(j);
	free(j->url);
	free(j);
}

static int
retryable(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_CONNECT:
	case CURLE_OPERATION_TIMEDOUT:
	case CURLE_RECV_ERROR:
	case CURLE_SEND_ERROR:
	case CURLE_GOT_NOTHING:
	case CURLE_PARTIAL_FILE:
	case CURLE_HTTP2:
	case CURLE_HTTP2_STREAM:
	case CURLE_SSL_CONNECT_ERROR:
		return 1;
	default:
		return 0;
	}
}

static void
log_request(struct job *j, CURLcode rc, long status)
{
	if (!opt.verbose)
		return;
	if (rc == CURLE_OK || j->truncated || j->not_text)
		kh_warn("GET %s %ld %zu bytes %.0f ms", j->url, status, j->len,
		    (now_mono() - j->started) * 1000);
	else
		kh_warn("GET %s failed: %s (%.0f ms)", j->url,
		    curl_easy_strerror(rc), (now_mono() - j->started) * 1000);
}

/* Take a transfer out of the multi handle and the running list. */
static void
stop_transfer(struct job *j)
{
	curl_multi_remove_handle(multi, j->easy);
	if (j->rprev != NULL)
		j->rprev->rnext = j->rnext;
	else
		run_list = j->rnext;
	if (j->rnext != NULL)
		j->rnext->rprev = j->rprev;
	j->rnext = j->rprev = NULL;
	running--;
	j->host->active--;
}

static void
finished(struct job *j, CURLcode rc)
{
	struct host *h = j->host;
	long status = 0;
	double wait;
	char *loc = NULL;

	stop_transfer(j);
	curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &status);
	log_request(j, rc, status);
	if (j->is_robots) {
		robots_done(j, rc, status);
		return;
	}
	if (rc == CURLE_WRITE_ERROR && (j->truncated || j->not_text))
		rc = CURLE_OK;	/* we stopped it: what came is the result */
	if (rc != CURLE_OK) {
		if (retryable(rc) && j->tries < opt.retries) {
			h->fails++;
			retry(j, backoff(j->tries + 1));
			return;
		}
		job_done(j, rc, NULL);
		return;
	}
	if (status >= 300 && status < 400 && status != 304 &&
	    curl_easy_getinfo(j->easy, CURLINFO_REDIRECT_URL, &loc) ==
	    CURLE_OK && loc != NULL) {
		if (j->redirects >= opt.max_redirects) {
			job_done(j, CURLE_TOO_MANY_REDIRECTS, NULL);
			return;
		}
		if (strncasecmp(loc, "http://", 7) != 0 &&
		    strncasecmp(loc, "https://", 8) != 0) {
			job_done(j, CURLE_UNSUPPORTED_PROTOCOL,
			    "redirect to a URL that is not http: or https: "
			    "refused");
			return;
		}
		j->redirects++;
		free(j->url);
		j->url = strdup(loc);
		reset_transfer(j);
		j->tries = 0;
		sched_add(j);
		return;
	}
	if (status == 429 || status == 503) {
		/* The host asks us to slow down: pause all of it. */
		wait = retry_after(j);
		if (wait < 0)
			wait = backoff(++h->fails);
		if (wait > opt.max_wait) {
			h->closed_until = now_mono() + wait;
			snprintf(h->closed_why, sizeof(h->closed_why),
			    "HTTP %ld: the host asks for a wait of %.0f s, "
			    "beyond --max-wait", status, wait);
		} else if (h->next_at < now_mono() + wait) {
			h->next_at = now_mono() + wait;
		}
		if (j->tries < opt.retries && wait <= opt.max_wait) {
			retry(j, 0);
			return;
		}
	} else if (status >= 500 && j->tries < opt.retries) {
		h->fails++;
		retry(j, backoff(j->tries + 1));
		return;
	} else if (status < 500) {
		h->fails = 0;
	}
	job_done(j, CURLE_OK, NULL);
}

int
sched_step(int fd, int timeout_ms)
{
	struct curl_waitfd w[2];
	struct CURLMsg *m;
	double wake, now;
	int n = 0, left, readable = 0, still;
	char drain[64];

	wake = pump();
	now = now_mono();
	if (wake != HUGE_VAL && (wake - now) * 1000 < timeout_ms)
		timeout_ms = wake > now ? (int)ceil((wake - now) * 1000) : 0;
	w[n++] = (struct curl_waitfd){ .fd = wake_rd,
	    .events = CURL_WAIT_POLLIN };
	if (fd >= 0)
		w[n++] = (struct curl_waitfd){ .fd = fd,
		    .events = CURL_WAIT_POLLIN };
	if (curl_multi_poll(multi, w, n, timeout_ms, NULL) != CURLM_OK)
		kh_die("waiting for transfers failed");
	if (w[0].revents)
		while (read(wake_rd, drain, sizeof(drain)) > 0)
			;
	if (fd >= 0 && w[1].revents)
		readable = 1;
	curl_multi_perform(multi, &still);
	while ((m = curl_multi_info_read(multi, &left)) != NULL) {
		struct job *j;

		if (m->msg != CURLMSG_DONE)
			continue;
		curl_easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&j);
		finished(j, m->data.result);
	}
	pump();
	return readable;
}

int
sched_idle(void)
{
	return busy == NULL && running == 0;
}

/* Drop every job: queued ones, and running transfers half done. */
void
sched_abort(void)
{
	struct host *h;
	struct job *j;
	struct CURLMsg *m;
	size_t i;
	int left;

	while ((m = curl_multi_info_read(multi, &left)) != NULL)
		;
	while ((j = run_list) != NULL) {
		stop_transfer(j);
		job_free(j);
	}
	for (i = 0; i < hsize; i++)
		for (h = htab[i]; h != NULL; h = h->hnext)
			while (h->head != NULL) {
				j = dequeue(h);
				job_free(j);
			}
	busy = NULL;
}

void
sched_free(void)
{
	struct host *h, *next;
	size_t i;

	sched_abort();
	for (i = 0; i < hsize; i++)
		for (h = htab[i]; h != NULL; h = next) {
			next = h->hnext;
			host_free(h);
		}
	free(htab);
	while (npool > 0)
		curl_easy_cleanup(pool[--npool]);
	free(pool);
	curl_multi_cleanup(multi);
	curl_global_cleanup();
	close(wake_rd);
	close(sched_wake_fd);
}
