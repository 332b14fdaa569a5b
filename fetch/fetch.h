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
	size_t max_size;	/* bytes of body kept */
	long queue;		/* records read and not yet written */
	int keep_order, ok_only, changed_only, ignore_robots, verbose;
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
	struct host *host;
	struct job *next;		/* in its host's queue */
	struct job *rnext, *rprev;	/* in the running list */
	double not_before;		/* a retry waits until then */

	CURL *easy;
	struct curl_slist *headers;
	char *body;
	size_t len, cap;
	int truncated;			/* body hit --max-size */
	char *not_text;			/* the content type that stopped it */
	double started;
	char errbuf[CURL_ERROR_SIZE];
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
/* Is a response of this media type a page (HTML or XML)? */
int fetch_is_text(const char *content_type);
/* Headers of the finished transfer (NULL when absent). */
const char *job_header(struct job *j, const char *name);

#endif
