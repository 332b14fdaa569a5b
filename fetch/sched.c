/*
 * sched.c: hosts, their queues and politeness, and the transfers.
 *
 * Each host (scheme://host:port) has a queue of jobs in the order they
 * came.  A job starts when fewer than -j transfers run, its host has
 * fewer than --per-host running, the host's delay since its last start
 * has passed, and the host's robots.txt is known.  robots.txt is the
 * first job of a new host.  Redirects are followed here, not by libcurl,
 * so that the new host's robots.txt and delay apply too, only http: and
 * https: targets are taken, and none leads from a public address to this
 * machine or its private network.  A host whose transfers fail on the
 * network --host-fails times in a row is given up for the run.  file:
 * URLs are read here, never waiting on a file that is not a regular one.
 */
#define _GNU_SOURCE	/* pipe2 */
#include <sys/socket.h>
#include <sys/stat.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
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
	long down;		/* network failures in a row */
	char refuse[256];	/* why robots.txt keeps us out, or "" */
	double closed_until;	/* a wait beyond --max-wait, or given up */
	char closed_why[256];
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

/* Ask for the host's robots.txt before its pages: a job of its own, at
 * the head of its queue. */
static void
ask_robots(struct host *h)
{
	size_t n = strlen(h->key) + 16;
	struct job *r;

	r = kh_malloc(sizeof(*r));
	memset(r, 0, sizeof(*r));
	r->is_robots = 1;
	r->origin = -1;
	r->url = kh_malloc(n);
	snprintf(r->url, n, "%s/robots.txt", h->key);
	enqueue(h, r, 1);
	h->robots_state = ROBOTS_FETCHING;
}

void
sched_add(struct job *j)
{
	char scheme[16], key[1024], *path, *url;
	const char *err;
	struct host *h;

	url = url_clean(j->url);
	free(j->url);
	j->url = url;
	if (j->redirects == 0)
		j->origin = -1;
	if (url_split(j->url, scheme, sizeof(scheme), key, sizeof(key), &path,
	    &err) < 0) {
		job_done(j, CURLE_OK, err);
		return;
	}
	free(j->path);
	j->path = path;		/* for robots.txt, when the job starts */
	h = get_host(key, strcmp(scheme, "file") == 0);
	enqueue(h, j, 0);
	if (h->robots_state == ROBOTS_UNKNOWN)
		ask_robots(h);
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
	struct job *j = arg;
	size_t len = size * n, limit, room;
	const char *ct;
	long status = 0;

	if (!j->body_seen && !j->is_robots && j->easy != NULL) {
		/* First bytes: is this a page at all? */
		j->body_seen = 1;
		ct = job_media_type(j);
		curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &status);
		if (ct != NULL && status >= 200 && status < 300 &&
		    !fetch_accepts(ct, j->want)) {
			j->not_text = strdup(ct);
			/* stop: we do not want the body; a WARC file
			 * keeps it all the same */
			if (j->capture == NULL)
				return 0;
		}
	}
	limit = j->is_robots ? ROBOTS_MAX_SIZE : opt.max_size;
	if (j->capture != NULL)
		return warcout_body(j, p, len, limit) ? size * n : 0;
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

/* May j connect to an address of this kind?  A record's own URL may be
 * on any address, and the kind of the first one its transfer reaches is
 * its origin; a redirect may lead to a loopback, link-local or private
 * address only when the origin is one of the same kind (or with
 * --allow-private).  So a page on the web cannot send fetch to this
 * machine or the network it runs in (169.254.169.254 on a cloud
 * machine), while a run over an intranet or a local server works as
 * before.  robots.txt is asked for on behalf of the pages waiting for
 * it, and may go where one of them may.  The address is the one
 * connected to, not the name, so a name that leads to a private address
 * is caught too.  (Through a proxy it is the proxy's: the rule then
 * cannot see where requests go, and the proxy must apply its own.) */
static int
permits(const struct job *j, int kind)
{
	return opt.allow_private || kind == ADDR_PUBLIC || j->origin < 0 ||
	    kind == j->origin;
}

static int
may_connect(struct job *j, int kind, const char *ip)
{
	struct job *w;
	int ok = permits(j, kind);

	if (j->is_robots && j->origin < 0) {
		ok = 0;
		for (w = j->host->head; w != NULL && !ok; w = w->next)
			ok = !w->is_robots && permits(w, kind);
	}
	if (!ok) {
		snprintf(j->refused, sizeof(j->refused), "redirect to a %s "
		    "address (%s) refused; see --allow-private",
		    addr_kind_name(kind), ip);
		j->refused_kind = kind;
		return 0;
	}
	if (j->origin < 0 && (j->is_robots || j->redirects == 0))
		j->origin = kind;
	return 1;
}

/* libcurl is about to open a socket for a new connection: refuse it
 * before a packet is sent when the address may not be reached. */
static curl_socket_t
open_socket(void *arg, curlsocktype purpose, struct curl_sockaddr *a)
{
	struct job *j = arg;
	const void *bytes = NULL;
	char ip[64] = "?";

	(void)purpose;
	if (a->family == AF_INET)
		bytes = &((struct sockaddr_in *)&a->addr)->sin_addr;
	else if (a->family == AF_INET6)
		bytes = &((struct sockaddr_in6 *)&a->addr)->sin6_addr;
	if (bytes != NULL) {
		inet_ntop(a->family, bytes, ip, sizeof(ip));
		if (!may_connect(j, addr_kind(a->family, bytes), ip))
			return CURL_SOCKET_BAD;
	}
	return socket(a->family, a->socktype | SOCK_CLOEXEC, a->protocol);
}

/* A request is about to be sent, on a new connection or a reused one:
 * the same check, for the address the connection has. */
static int
before_request(void *arg, char *ip, char *local_ip, int port,
    int local_port)
{
	struct job *j = arg;

	(void)local_ip;
	(void)port;
	(void)local_port;
	return may_connect(j, addr_kind_str(ip), ip) ? CURL_PREREQFUNC_OK :
	    CURL_PREREQFUNC_ABORT;
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
	j->refused[0] = '\0';
	j->conditional = 0;
	curl_easy_setopt(e, CURLOPT_URL, j->url);
	j->resolve = resolve_for(j->host->key);
	curl_easy_setopt(e, CURLOPT_RESOLVE, j->resolve);
	curl_easy_setopt(e, CURLOPT_PRIVATE, j);
	curl_easy_setopt(e, CURLOPT_ERRORBUFFER, j->errbuf);
	curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, on_body);
	curl_easy_setopt(e, CURLOPT_WRITEDATA, j);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, open_socket);
	curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, j);
	curl_easy_setopt(e, CURLOPT_PREREQFUNCTION, before_request);
	curl_easy_setopt(e, CURLOPT_PREREQDATA, j);
	curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(e, CURLOPT_USERAGENT, opt.user_agent);
	curl_easy_setopt(e, CURLOPT_ACCEPT_ENCODING, "");
	curl_easy_setopt(e, CURLOPT_PIPEWAIT, 1L);
	curl_easy_setopt(e, CURLOPT_CONNECTTIMEOUT_MS,
	    (long)(opt.connect_timeout * 1000));
	curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, (long)(opt.timeout * 1000));
	if (warcout_on())
		warcout_start(j, e);
	curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https");
	curl_easy_setopt(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
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
				j->conditional = 1;
			}
			if (st->last_modified != NULL) {
				snprintf(h, sizeof(h), "If-Modified-Since: %s",
				    st->last_modified);
				j->headers = curl_slist_append(j->headers, h);
				j->conditional = 1;
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

/* A file: URL, read here and not by libcurl: opened without waiting and
 * taken only when it is a regular file, so that a FIFO without a writer
 * or a device cannot hold the run up (libcurl would block in open(2),
 * out of reach of --timeout). */
static void
read_file(struct job *j)
{
	char buf[64 << 10], msg[256], *path;
	struct stat sb;
	ssize_t n;
	int fd;

	j->started = now_mono();
	if ((path = url_file_path(j->url)) == NULL) {
		job_done(j, CURLE_OK, "not a file: URL that names a file");
		return;
	}
	fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	free(path);
	if (fd < 0) {
		snprintf(msg, sizeof(msg), "cannot open the file: %s",
		    strerror(errno));
		job_done(j, CURLE_OK, msg);
		return;
	}
	if (fstat(fd, &sb) < 0 || !S_ISREG(sb.st_mode)) {
		close(fd);
		job_done(j, CURLE_OK, "not a regular file");
		return;
	}
	while ((n = read(fd, buf, sizeof(buf))) > 0 &&
	    on_body(buf, 1, n, j) == (size_t)n)
		;
	close(fd);
	if (n < 0) {
		snprintf(msg, sizeof(msg), "cannot read the file: %s",
		    strerror(errno));
		job_done(j, CURLE_OK, msg);
		return;
	}
	j->file_read = 1;
	job_done(j, CURLE_OK, NULL);
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
	curl_slist_free_all(j->resolve);
	j->resolve = NULL;
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
	j->refused[0] = '\0';
	j->body_seen = 0;
	j->decode_error = NULL;
}

static void
free_robots_job(struct job *j)
{
	reset_transfer(j);
	warcout_release(j);
	free(j->url);
	free(j);
}

/* robots.txt is known now: these rules, and when its pages are kept out,
 * why (fmt NULL: they are not). */
static void
robots_known(struct host *h, struct robots *r, const char *fmt, ...)
{
	va_list ap;

	robots_free(h->robots);
	h->robots = r;
	h->robots_state = ROBOTS_KNOWN;
	h->refuse[0] = '\0';
	if (fmt != NULL) {
		va_start(ap, fmt);
		vsnprintf(h->refuse, sizeof(h->refuse), fmt, ap);
		va_end(ap);
	}
}

/* A job that will not run: a page's record says why; robots.txt keeps
 * its host's pages out, saying the same. */
static void
give_up(struct job *j, const char *why)
{
	if (!j->is_robots) {
		job_done(j, CURLE_OK, why);
		return;
	}
	robots_known(j->host, robots_all(0), "%s", why);
	free_robots_job(j);
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
		while ((j = h->head) != NULL) {
			if (now < h->closed_until) {
				/* Not for hours, or given up: its pages fail
				 * now rather than hold the run up. */
				dequeue(h);
				give_up(j, h->closed_why);
				continue;
			}
			if (!j->is_robots && h->robots_state != ROBOTS_KNOWN)
				break;
			if (!j->is_robots && h->robots != NULL &&
			    (h->refuse[0] != '\0' || j->path == NULL ||
			    !robots_allowed(h->robots, j->path))) {
				dequeue(h);
				job_done(j, CURLE_OK, h->refuse[0] != '\0' ?
				    h->refuse : "disallowed by robots.txt");
				continue;
			}
			if (h->is_file) {
				dequeue(h);
				read_file(j);
				continue;
			}
			if (running >= opt.jobs || h->active >= opt.per_host)
				break;
			t = j->not_before;
			if (h->next_at > t)
				t = h->next_at;
			if (now < t) {
				if (t < wake)
					wake = t;
				break;
			}
			dequeue(h);
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

/* Retry-After (RFC 9110 10.2.3): seconds as digits, or an HTTP date;
 * -1 when absent or neither (a sign, a fraction, "inf": a backoff
 * instead). */
static double
retry_after(struct job *j)
{
	const char *v = job_header(j, "Retry-After");
	double s;
	time_t t;

	if (v == NULL || *v == '\0')
		return -1;
	if (strspn(v, "0123456789") == strlen(v))
		return strtod(v, NULL);	/* huge is fine: beyond --max-wait */
	if (!isalpha((unsigned char)*v) || (t = curl_getdate(v, NULL)) < 0)
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

/* Failures of the network rather than of the server's answer. */
static int
network_error(CURLcode rc)
{
	switch (rc) {
	case CURLE_COULDNT_RESOLVE_HOST:
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

/* Worth trying again: the network failed, but not the name. */
static int
retryable(CURLcode rc)
{
	return network_error(rc) && rc != CURLE_COULDNT_RESOLVE_HOST;
}

/* The host of j failed on the network: after --host-fails in a row it
 * is given up, and its queued pages fail at once with the reason, so a
 * dead or hanging host with a full queue does not hold up the others.
 * Returns 1 when the host is given up. */
static int
host_failed(struct job *j, CURLcode rc)
{
	struct host *h = j->host;
	char cause[CURL_ERROR_SIZE + 64];

	if (!network_error(rc))
		return 0;
	if (++h->down < opt.host_fails || opt.host_fails == 0)
		return 0;
	if (h->closed_until != HUGE_VAL) {
		fetch_cause(j, rc, cause, sizeof(cause));
		h->closed_until = HUGE_VAL;
		snprintf(h->closed_why, sizeof(h->closed_why), "host given up "
		    "after %ld network failures in a row (%.160s)", h->down,
		    cause);
	}
	return 1;
}

/* robots.txt was refused for where it led (see may_connect): the pages
 * that may not go there fail with the reason; those that may ask for it
 * again. */
static void
robots_refused(struct job *r)
{
	struct host *h = r->host;
	struct job **pp, *j;

	h->robots_state = ROBOTS_UNKNOWN;
	for (pp = &h->head; (j = *pp) != NULL;) {
		if (permits(j, r->refused_kind)) {
			pp = &j->next;
			continue;
		}
		*pp = j->next;
		if (h->tail == j)
			h->tail = NULL;
		j->next = NULL;
		job_done(j, CURLE_OK, r->refused);
	}
	for (j = h->head; j != NULL; j = j->next)
		h->tail = j;
	if (h->head != NULL)
		ask_robots(h);
	free_robots_job(r);
}

/* When the host got j's request: after the name lookup and the
 * connection (CURLINFO_PRETRANSFER_TIME_T), which under load or far away
 * take a good part of a delay; -1 when it was never sent.  curl's clock
 * starts a little after j->started, and its end a little before now: the
 * later of the two starts, so that the time is never too early. */
static double
sent_at(struct job *j)
{
	curl_off_t pre, total;
	double from = j->started, now = now_mono();

	if (curl_easy_getinfo(j->easy, CURLINFO_PRETRANSFER_TIME_T,
	    &pre) != CURLE_OK || pre <= 0)
		return -1;
	if (curl_easy_getinfo(j->easy, CURLINFO_TOTAL_TIME_T,
	    &total) == CURLE_OK && now - total / 1e6 > from)
		from = now - total / 1e6;
	return from + pre / 1e6;
}

/* A host's delay runs from when it got the last request, as it sees
 * the requests, not from when the transfer was begun here. */
static void
delay_from_sent(struct job *j)
{
	struct host *h = j->host;
	double sent;

	if (h->delay > 0 && (sent = sent_at(j)) > 0 &&
	    h->next_at < sent + h->delay)
		h->next_at = sent + h->delay;
}

static void
robots_done(struct job *j, CURLcode rc, long status)
{
	struct host *h = j->host;
	char cause[CURL_ERROR_SIZE + 64];

	if (rc == CURLE_WRITE_ERROR && j->truncated)
		rc = CURLE_OK;	/* RFC 9309: the first 500 KiB are parsed */
	if (rc != CURLE_OK && j->refused[0] != '\0') {
		robots_refused(j);
		return;
	}
	if (status > 0)
		h->down = 0;
	if (rc != CURLE_OK && rc != CURLE_TOO_MANY_REDIRECTS) {
		/* Unreachable: tried again like a page; in the end nothing
		 * is allowed (RFC 9309 2.3.1.4), and the pages say why. */
		if (!host_failed(j, rc) && retryable(rc) &&
		    j->tries < opt.retries) {
			retry(j, backoff(j->tries + 1));
			return;
		}
		fetch_cause(j, rc, cause, sizeof(cause));
		robots_known(h, robots_all(0), "robots.txt unreachable: %s: "
		    "not fetched", cause);
	} else if (status >= 500 && status <= 599) {
		if (j->tries < opt.retries) {
			h->fails++;
			retry(j, backoff(j->tries + 1));
			return;
		}
		robots_known(h, robots_all(0), "robots.txt gave HTTP %ld: not "
		    "fetched", status);
	} else if (rc == CURLE_OK && status >= 200 && status < 300) {
		robots_known(h, robots_parse(j->body != NULL ? j->body : "",
		    j->len, opt.agent), NULL);
	} else if (rc != CURLE_OK || (status >= 300 && status < 500)) {
		/* Missing, or more than 5 redirects: "unavailable", so no
		 * rules (RFC 9309 2.3.1.2 and 2.3.1.3). */
		robots_known(h, robots_all(1), NULL);
	} else {
		robots_known(h, robots_all(0), "robots.txt unreachable: HTTP "
		    "status %ld out of range: not fetched", status);
	}
	if (robots_delay(h->robots) > opt.max_wait) {
		/* Like a Retry-After beyond --max-wait: a site must not hold
		 * a run up for hours. */
		h->closed_until = HUGE_VAL;
		snprintf(h->closed_why, sizeof(h->closed_why), "robots.txt "
		    "asks for a Crawl-delay of %.0f s, beyond --max-wait",
		    robots_delay(h->robots));
	} else if (robots_delay(h->robots) > h->delay) {
		h->delay = robots_delay(h->robots);
		if (h->next_at < j->started + h->delay)
			h->next_at = j->started + h->delay;
		delay_from_sent(j);
	}
	free_robots_job(j);
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

/* A 3xx with a Location: follow it as a new job of the host it names. */
static void
redirect(struct job *j, const char *loc)
{
	char *to;

	if (j->redirects >= opt.max_redirects) {
		job_done(j, CURLE_TOO_MANY_REDIRECTS, NULL);
		return;
	}
	if (url_other_scheme(loc)) {
		job_done(j, CURLE_OK, "redirect to a URL that is not http: or "
		    "https: refused");
		return;
	}
	if ((to = url_resolve(j->url, loc)) == NULL) {
		job_done(j, CURLE_OK, "redirect to a URL that cannot be read");
		return;
	}
	j->redirects++;
	free(j->url);
	j->url = to;
	reset_transfer(j);
	j->tries = 0;
	sched_add(j);
}

static void
finished(struct job *j, CURLcode rc)
{
	struct host *h = j->host;
	const char *loc;
	long status = 0;
	double wait;

	stop_transfer(j);
	curl_easy_getinfo(j->easy, CURLINFO_RESPONSE_CODE, &status);
	log_request(j, rc, status);
	delay_from_sent(j);
	warcout_done(j, status);
	if (j->is_robots) {
		robots_done(j, rc, status);
		return;
	}
	if (rc == CURLE_WRITE_ERROR && (j->truncated || j->not_text))
		rc = CURLE_OK;	/* we stopped it: what came is the result */
	if (rc != CURLE_OK && j->refused[0] != '\0') {
		job_done(j, rc, j->refused);
		return;
	}
	if (rc != CURLE_OK) {
		if (!host_failed(j, rc) && retryable(rc) &&
		    j->tries < opt.retries) {
			h->fails++;
			retry(j, backoff(j->tries + 1));
			return;
		}
		job_done(j, rc, NULL);
		return;
	}
	h->down = 0;
	if (status >= 300 && status < 400 && status != 304 &&
	    (loc = job_header(j, "Location")) != NULL) {
		redirect(j, loc);
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
	/* What is finished reaches the reader before we wait, not when
	 * the slowest transfer ends (docs/records.md). */
	if (timeout_ms > 0)
		fetch_flush();
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
