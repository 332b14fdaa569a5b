/*
 * warcout.c: fetch --warc, each HTTP exchange as WARC 1.1 records (ISO
 * 28500:2017), each record one gzip member.
 *
 * "As received" means the bytes the server sent: libcurl's decoding of
 * the transfer coding (chunked) and the content coding (gzip, br) is
 * turned off for the transfer, the raw body is kept for the WARC file
 * and decoded here (lib/decode.c, as unwarc decodes it) into the body
 * the record gets.  The response header is the lines libcurl hands the
 * header callback, as they came (status line, CR LF and all); the
 * request header is what libcurl sent, from its debug callback.  With
 * HTTP/2 libcurl shows the header in HTTP/1 form: what is kept then is
 * that form.  A body cut at --max-size is written as far as it came,
 * with WARC-Truncated: length.
 *
 * The JSON record names the file and the offset of the gzip member of
 * its response (or revisit) record: warc_file, warc_offset, as unwarc
 * writes them.
 */
#define ZLIB_CONST
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <zlib.h>

#include "khobor.h"
#include "decode.h"
#include "fetch.h"
#include "state.h"
#include "sha1.h"

#define ID_SIZE sizeof("<urn:uuid:00000000-0000-0000-0000-000000000000>")

struct buf {
	char *p;
	size_t n, cap;
};

/* One transfer's exchange, as it comes. */
struct capture {
	struct buf req, head, raw;
	struct decode dec;
	int started;		/* the decoder has its codings */
};

static struct {
	FILE *f;
	char *dir;		/* a folder: files rotate there */
	char *name;		/* the file at hand */
	uint64_t off;		/* bytes in it */
	size_t max;		/* start a new file past this (folder) */
	unsigned long seq;
	char info[ID_SIZE];	/* its warcinfo record's id */
	z_stream z;
	struct buf head, out;
} wo;

static void
put(struct buf *b, const void *p, size_t n)
{
	if (b->cap - b->n < n) {
		while (b->cap - b->n < n)
			b->cap = b->cap ? 2 * b->cap : 4096;
		b->p = kh_realloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, p, n);
	b->n += n;
}

static void
putf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2,
    3)));

static void
putf(struct buf *b, const char *fmt, ...)
{
	char line[8192 + 256];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(line, sizeof(line), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	put(b, line, (size_t)n < sizeof(line) ? (size_t)n : sizeof(line) - 1);
}

int
warcout_on(void)
{
	return wo.f != NULL;
}

static void
new_id(char id[ID_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	unsigned char r[16];
	ssize_t got;
	size_t i, o = 10;

	while ((got = getrandom(r, sizeof(r), 0)) < 0 && errno == EINTR)
		;
	if (got != (ssize_t)sizeof(r))
		kh_die("getrandom:");
	r[6] = (r[6] & 0x0f) | 0x40;	/* version 4 */
	r[8] = (r[8] & 0x3f) | 0x80;	/* variant 10 */
	memcpy(id, "<urn:uuid:", 10);
	for (i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			id[o++] = '-';
		id[o++] = hex[r[i] >> 4];
		id[o++] = hex[r[i] & 15];
	}
	id[o++] = '>';
	id[o] = '\0';
}

static void
digest(const void *a, size_t an, const void *b, size_t bn,
    char out[SHA1_B32_SIZE])
{
	unsigned char d[SHA1_LEN];
	struct sha1 s;

	sha1_init(&s);
	sha1_update(&s, a, an);
	sha1_update(&s, b, bn);
	sha1_final(&s, d);
	sha1_base32(d, out);
}

static void
deflate_in(const void *p, size_t n, int flush)
{
	int rc;

	wo.z.next_in = p;
	wo.z.avail_in = n;
	do {
		if (wo.out.cap - wo.out.n < 65536) {
			wo.out.cap = wo.out.cap ? 2 * wo.out.cap : 1 << 17;
			wo.out.p = kh_realloc(wo.out.p, wo.out.cap);
		}
		wo.z.next_out = (unsigned char *)wo.out.p + wo.out.n;
		wo.z.avail_out = wo.out.cap - wo.out.n;
		rc = deflate(&wo.z, flush);
		wo.out.n = wo.out.cap - wo.z.avail_out;
	} while (wo.z.avail_in > 0 || (flush == Z_FINISH && rc != Z_STREAM_END));
}

/* One record: the header in wo.head (without Content-Length, digest
 * and the blank line), a block of a and b, as one gzip member.  Returns
 * the member's offset in the file. */
static uint64_t
record(const void *a, size_t an, const void *b, size_t bn)
{
	char d[SHA1_B32_SIZE];
	uint64_t at = wo.off;

	digest(a, an, b, bn, d);
	putf(&wo.head, "WARC-Block-Digest: sha1:%s\r\nContent-Length: %zu"
	    "\r\n\r\n", d, an + bn);
	wo.out.n = 0;
	if (deflateReset(&wo.z) != Z_OK)
		kh_die("deflateReset failed");
	deflate_in(wo.head.p, wo.head.n, Z_NO_FLUSH);
	deflate_in(a, an, Z_NO_FLUSH);
	deflate_in(b, bn, Z_NO_FLUSH);
	deflate_in("\r\n\r\n", 4, Z_FINISH);
	if (fwrite(wo.out.p, 1, wo.out.n, wo.f) != wo.out.n)
		kh_die("%s: write error:", wo.name);
	wo.off += wo.out.n;
	wo.head.n = 0;
	return at;
}

static void
start_head(const char *type, const char *id, const char *date)
{
	wo.head.n = 0;
	putf(&wo.head, "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: %s\r\n"
	    "WARC-Date: %s\r\n", type, id, date);
	if (wo.info[0] != '\0' && strcmp(type, "warcinfo") != 0)
		putf(&wo.head, "WARC-Warcinfo-ID: %s\r\n", wo.info);
}

/* A file to write to: the one named, or a new one in the folder. */
static void
open_file(void)
{
	char date[32], stamp[16], body[512];
	const char *base;
	size_t n;
	struct stat st;
	int fd;

	if (wo.dir != NULL) {
		free(wo.name);
		now_rfc3339(date, sizeof(date));
		snprintf(stamp, sizeof(stamp), "%.4s%.2s%.2s%.2s%.2s%.2s",
		    date, date + 5, date + 8, date + 11, date + 14,
		    date + 17);
		n = strlen(wo.dir) + 64;
		wo.name = kh_malloc(n);
		snprintf(wo.name, n, "%s/khobor-%s-%ld-%05lu.warc.gz", wo.dir,
		    stamp, (long)getpid(), wo.seq++);
	}
	if ((fd = kh_open(wo.name, O_WRONLY | O_CREAT | O_APPEND, 0644)) < 0)
		kh_die("%s:", wo.name);
	if ((wo.f = fdopen(fd, "a")) == NULL)
		kh_die("%s:", wo.name);
	if (fstat(fd, &st) < 0)
		kh_die("%s:", wo.name);
	wo.off = st.st_size;
	base = strrchr(wo.name, '/') != NULL ? strrchr(wo.name, '/') + 1 :
	    wo.name;
	new_id(wo.info);
	now_rfc3339(date, sizeof(date));
	n = snprintf(body, sizeof(body), "software: khobor/%s fetch\r\n"
	    "format: WARC File Format 1.1\r\nconformsTo: https://iipc."
	    "github.io/warc-specifications/specifications/warc-format/"
	    "warc-1.1/\r\nhttp-header-user-agent: %s\r\n", KH_VERSION,
	    opt.user_agent);
	if (n >= sizeof(body))
		n = sizeof(body) - 1;
	start_head("warcinfo", wo.info, date);
	putf(&wo.head, "WARC-Filename: %s\r\nContent-Type: "
	    "application/warc-fields\r\n", base);
	record(body, n, "", 0);
}

void
warcout_open(const char *path, size_t max)
{
	struct stat st;
	size_t n = strlen(path);

	memset(&wo.z, 0, sizeof(wo.z));
	if (deflateInit2(&wo.z, 6, Z_DEFLATED, 16 + MAX_WBITS, 8,
	    Z_DEFAULT_STRATEGY) != Z_OK)
		kh_die("out of memory");
	wo.max = max;
	if ((stat(path, &st) == 0 && S_ISDIR(st.st_mode)) ||
	    (n > 0 && path[n - 1] == '/')) {
		wo.dir = strdup(path);
		while ((n = strlen(wo.dir)) > 1 && wo.dir[n - 1] == '/')
			wo.dir[n - 1] = '\0';
		if (mkdir(wo.dir, 0755) < 0 && errno != EEXIST)
			kh_die("%s:", wo.dir);
	} else {
		wo.name = strdup(path);
	}
	open_file();
}

static void
close_file(void)
{
	if (wo.f == NULL)
		return;
	if (fflush(wo.f) != 0 || ferror(wo.f) || fclose(wo.f) != 0)
		kh_die("%s: write error:", wo.name);
	wo.f = NULL;
}

void
warcout_close(void)
{
	if (wo.f == NULL)
		return;
	close_file();
	deflateEnd(&wo.z);
	free(wo.head.p);
	free(wo.out.p);
	free(wo.name);
	free(wo.dir);
	memset(&wo, 0, sizeof(wo));
}

/* libcurl's debug callback: the request header as sent. */
static int
on_debug(CURL *e, curl_infotype type, char *p, size_t n, void *arg)
{
	struct job *j = arg;

	(void)e;
	if (type == CURLINFO_HEADER_OUT && j->capture != NULL) {
		/* a new request (a redirect libcurl follows itself, for
		 * robots.txt): the last one is kept */
		j->capture->req.n = 0;
		put(&j->capture->req, p, n);
	}
	return 0;
}

/* Does the header held start with a 1xx status line (100 Continue)? */
static int
interim(const struct buf *h)
{
	const char *sp = memchr(h->p, ' ', h->n);

	return sp != NULL && sp + 1 < h->p + h->n && sp[1] == '1';
}

/* The response header, line by line as it came. */
static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
	struct job *j = arg;
	struct buf *h = &j->capture->head;
	size_t len = size * n;

	/* A status line after a whole header that was no 1xx (a redirect
	 * libcurl followed): that exchange is dropped for this one. */
	if (len > 5 && strncmp(p, "HTTP/", 5) == 0 && h->n > 0 &&
	    !interim(h))
		h->n = 0;
	if (h->n + len > (1 << 20))
		return 0;	/* more header than any server sends */
	put(h, p, len);
	return len;
}

void
warcout_start(struct job *j, CURL *e)
{
	struct capture *c = j->capture;

	if (c == NULL) {
		c = j->capture = kh_malloc(sizeof(*c));
		memset(c, 0, sizeof(*c));
	}
	c->req.n = c->head.n = c->raw.n = 0;
	c->started = 0;
	curl_easy_setopt(e, CURLOPT_HTTP_CONTENT_DECODING, 0L);
	curl_easy_setopt(e, CURLOPT_HTTP_TRANSFER_DECODING, 0L);
	curl_easy_setopt(e, CURLOPT_HEADERFUNCTION, on_header);
	curl_easy_setopt(e, CURLOPT_HEADERDATA, j);
	curl_easy_setopt(e, CURLOPT_DEBUGFUNCTION, on_debug);
	curl_easy_setopt(e, CURLOPT_DEBUGDATA, j);
	curl_easy_setopt(e, CURLOPT_VERBOSE, 1L);
}

int
warcout_body(struct job *j, const char *p, size_t n, size_t limit)
{
	struct capture *c = j->capture;

	if (!c->started) {
		decode_start(&c->dec, job_header(j, "Transfer-Encoding"),
		    job_header(j, "Content-Encoding"), limit);
		c->started = 1;
	}
	/* Raw bytes as long as the page they make fits: compressed ones
	 * are fewer; chunks add a little. */
	if (c->raw.n + n > 2 * limit + (64 << 10)) {
		j->truncated = 1;
		return 0;
	}
	put(&c->raw, p, n);
	decode_feed(&c->dec, (const unsigned char *)p, n);
	if (c->dec.truncated) {
		j->truncated = 1;
		return 0;
	}
	return 1;
}

/* The transfer ended: the body decoded into j->body, and the exchange
 * written when a response came. */
void
warcout_done(struct job *j, long status)
{
	struct capture *c = j->capture;
	char date[32], req_id[ID_SIZE], resp_id[ID_SIZE];
	char pd[SHA1_B32_SIZE];
	const char *ip = NULL;
	struct state_entry *e;
	uint64_t at;

	if (c == NULL)
		return;
	free(j->body);
	j->body = NULL;
	j->len = j->cap = 0;
	if (c->started) {
		decode_end(&c->dec);
		j->body = c->dec.out;
		j->len = c->dec.len;
		j->cap = c->dec.cap;
		c->dec.out = NULL;
		c->dec.cap = 0;
		if (c->dec.truncated)
			j->truncated = 1;
		j->decode_error = c->dec.error;
	}
	if (status <= 0 || c->head.n == 0 || wo.f == NULL)
		return;
	now_rfc3339(date, sizeof(date));
	curl_easy_getinfo(j->easy, CURLINFO_PRIMARY_IP, &ip);
	new_id(resp_id);
	new_id(req_id);
	if (status == 304) {
		start_head("revisit", resp_id, date);
		putf(&wo.head, "WARC-Profile: http://netpreserve.org/warc/1.1/"
		    "revisit/server-not-modified\r\nWARC-Refers-To-Target-"
		    "URI: %s\r\n", j->url);
		if (opt.state != NULL && (e = state_get(opt.state, j->url)) !=
		    NULL && e->fetched_at != NULL)
			putf(&wo.head, "WARC-Refers-To-Date: %s\r\n",
			    e->fetched_at);
	} else {
		start_head("response", resp_id, date);
		digest(c->raw.p != NULL ? c->raw.p : "", c->raw.n, "", 0, pd);
		putf(&wo.head, "WARC-Payload-Digest: sha1:%s\r\n", pd);
		if (j->truncated)
			putf(&wo.head, "WARC-Truncated: length\r\n");
	}
	putf(&wo.head, "WARC-Target-URI: %s\r\n", j->url);
	if (ip != NULL && *ip != '\0')
		putf(&wo.head, "WARC-IP-Address: %s\r\n", ip);
	if (c->req.n > 0)
		putf(&wo.head, "WARC-Concurrent-To: %s\r\n", req_id);
	putf(&wo.head, "Content-Type: application/http;msgtype=response\r\n");
	at = record(c->head.p, c->head.n, c->raw.p != NULL ? c->raw.p : "",
	    c->raw.n);
	if (c->req.n > 0) {
		start_head("request", req_id, date);
		putf(&wo.head, "WARC-Target-URI: %s\r\n", j->url);
		if (ip != NULL && *ip != '\0')
			putf(&wo.head, "WARC-IP-Address: %s\r\n", ip);
		putf(&wo.head, "WARC-Concurrent-To: %s\r\nContent-Type: "
		    "application/http;msgtype=request\r\n", resp_id);
		record(c->req.p, c->req.n, "", 0);
	}
	/* The records are in the file before the JSON record that points
	 * at them goes out. */
	if (fflush(wo.f) != 0)
		kh_die("%s: write error:", wo.name);
	free(j->warc_file);
	j->warc_file = strdup(wo.name);
	j->warc_offset = at;
	snprintf(j->warc_date, sizeof(j->warc_date), "%s", date);
	if (wo.dir != NULL && wo.off >= wo.max) {
		close_file();
		open_file();
	}
}

void
warcout_release(struct job *j)
{
	struct capture *c = j->capture;

	if (c == NULL)
		return;
	decode_free(&c->dec);
	free(c->req.p);
	free(c->head.p);
	free(c->raw.p);
	free(c);
	j->capture = NULL;
}
