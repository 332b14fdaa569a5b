/*
 * fetch.h: what fetch's parts share.  fetch.c reads the input, turns
 * each finished transfer into its record and writes it; sched.c keeps
 * the hosts, their queues and politeness, and runs the transfers with
 * libcurl's multi interface.
 */
#ifndef FETCH_H
#define FETCH_H

#include <stdint.h>
#include <curl/curl.h>
#include <json-c/json.h>

#include "body.h"

struct robots;
struct state;

struct fetch_opt {
	long jobs;		/* -j: transfers at once */
	long per_host;		/* connections to one host at once */
	double delay;		/* seconds between requests to one host */
	double timeout, connect_timeout;	/* seconds */
	double backoff;		/* first wait before a retry, doubling */
	double max_wait;	/* longest Retry-After obeyed */
	long retries, max_redirects;
	long host_fails;	/* network failures in a row that end a host */
	size_t max_size;	/* bytes of body kept */
	long queue;		/* records read and not yet written */
	int keep_order, ok_only, changed_only, ignore_robots, verbose;
	int allow_private;	/* redirects may lead anywhere */
	const char *user_agent;	/* as sent */
	char agent[64];		/* its product token, for robots.txt */
	struct state *state;
};
extern struct fetch_opt opt;

struct host;

/* One record on its way: its transfer, then its result. */

struct job {
	struct json_object *rec;	/* the input record */
	unsigned long line;		/* where it came from, for messages */
	uint64_t seq;			/* input order, for -k */
	char *url;			/* now: after redirects, the target */
	char *path;			/* url's path and query, from '/' */
	int redirects, tries;
	int is_robots;			/* the robots.txt of host */
	int want;			/* WANT_*: from the record's kind */
	int origin;			/* the kind of address the record's own
					 * URL is on (ADDR_*), -1 until known */
	int conditional;		/* If-None-Match/-Modified-Since sent */
	int file_read;			/* a file: URL that could be read */
	struct host *host;
	struct job *next;		/* in its host's queue */
	struct job *rnext, *rprev;	/* in the running list */
	double not_before;		/* a retry waits until then */

	CURL *easy;
	struct curl_slist *headers;
	struct curl_slist *resolve;	/* --resolve entries for its host */
	char *body;
	size_t len, cap;
	int truncated;			/* body hit --max-size */
	char *not_text;			/* the content type that stopped it */
	double started;
	char errbuf[CURL_ERROR_SIZE];
	/* --warc (warcout.c): the exchange as it comes, and where its
	 * response record went */
	struct capture *capture;
	int body_seen;			/* the first bytes were judged */
	const char *decode_error;	/* the body could not be decoded */
	char *warc_file;
	uint64_t warc_offset;
	char warc_date[32];		/* the response's WARC-Date */
	char refused[160];		/* why a connection was not made */
	int refused_kind;		/* to what kind of address */
};

/* sched.c */
void sched_init(void);
void sched_add(struct job *j);
/* Run the transfers: start what may start, wait for events (and for fd
 * to be readable when fd >= 0, or up to timeout_ms), handle what
 * finished.  Returns 1 when fd became readable. */
int sched_step(int fd, int timeout_ms);
int sched_idle(void);		/* nothing queued or running */
void sched_abort(void);		/* drop every queued and running job */
void sched_free(void);
void sched_release(struct job *j);	/* give back the easy handle */
extern int sched_wake_fd;	/* write a byte here to end a wait */
double now_mono(void);

/* fetch.c: a job ended (result in the job, or error given); the job is
 * freed by it. */
void job_done(struct job *j, CURLcode rc, const char *error);
void job_free(struct job *j);
/* Headers of the finished transfer (NULL when absent). */
const char *job_header(struct job *j, const char *name);
/* Its Content-Type when that is a media type (has a '/'), else NULL. */
const char *job_media_type(struct job *j);
/* Why a transfer failed on the network, in a few words ("connection
 * refused", "timeout after 30 s"). */
void fetch_cause(struct job *j, CURLcode rc, char *msg, size_t n);
/* Write out the records written so far, and let the state remember the
 * pages they hold; called before every wait. */
void fetch_flush(void);
/* The time now, UTC, as fetched_at has it: "2024-08-17T05:46:03Z". */
void now_rfc3339(char *buf, size_t n);

/* warcout.c: --warc FILE or FOLDER (files of about max bytes).  start
 * sets a transfer up to keep its bytes as they come (libcurl decodes
 * nothing); body takes raw body bytes (0: stop the transfer, the page
 * is past limit); done decodes the body into j->body and writes the
 * exchange; release frees what the job kept. */
void warcout_open(const char *path, size_t max);
void warcout_close(void);
int warcout_on(void);
void warcout_start(struct job *j, CURL *e);
int warcout_body(struct job *j, const char *p, size_t n, size_t limit);
void warcout_done(struct job *j, long status);
void warcout_release(struct job *j);

/* url.c */
enum { ADDR_PUBLIC, ADDR_LOOPBACK, ADDR_LINK_LOCAL, ADDR_PRIVATE };
/* url cleaned as browsers clean it: blanks around it and tabs and
 * newlines in it dropped, other bytes a URL cannot hold percent-encoded
 * (a host name's UTF-8 kept).  malloc'd. */
char *url_clean(const char *url);
/* Does ref (a Location) name a scheme other than http: and https:? */
int url_other_scheme(const char *ref);
/* ref (a Location) made absolute against base and cleaned; NULL when it
 * cannot be read.  malloc'd. */
char *url_resolve(const char *base, const char *ref);
/* The URL's scheme, host key (scheme://host:port, or "file:") and path
 * ("/p?q", malloc'd; NULL for file:).  Returns 0, or -1 with *err a
 * static message. */
int url_split(const char *url, char *scheme, size_t ssz, char *key,
	size_t ksz, char **path, const char **err);
/* The file a file: URL names, percent-decoded (malloc'd), or NULL. */
char *url_file_path(const char *url);

/* resolve.c: --resolve HOST:PORT:ADDRESS (exits 2 on a bad one), and
 * the CURLOPT_RESOLVE list for a host key "scheme://host:port" (NULL:
 * none; the caller frees it). */
void resolve_add(const char *arg);
struct curl_slist *resolve_for(const char *key);
void resolve_free(void);
/* The kind of an address (AF_INET or AF_INET6 bytes, or text). */
int addr_kind(int family, const void *addr);
int addr_kind_str(const char *ip);
const char *addr_kind_name(int kind);

#endif
