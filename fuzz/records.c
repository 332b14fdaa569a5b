/*
 * records.c: libFuzzer target for the record layer: the bounded line
 * reader (read.c), the strict parser (parse.c), the writer (write.c) and
 * check_record().
 *
 * Input: a control byte, then the file.  The control byte picks the line
 * limit and how the file reaches the reader: from a memfd, where one
 * read() takes all; from a socket of packets of a chosen size, one
 * packet a read(), so that lines break across reads; or from a memfd
 * behind a long filler, so that the reader moves and grows its buffer.
 *
 * What must hold:
 * - the reader gives back the file exactly: each REC_LINE is the next
 *   line, without its '\n', NUL-terminated, at most the limit long; each
 *   REC_TOOLONG stands for a line over the limit; line numbers count up
 *   by one; at REC_EOF every byte was consumed, and REC_EOF stays;
 * - a line parses the same whatever lines came before it;
 * - rec_print(), what rec_write() writes, is json-c's plain
 *   serialisation (with '/' unescaped) and a '\n': one line of strict
 *   JSON (RFC 8259) in valid UTF-8 with no control bytes, that
 *   rec_parse() takes back to an equal record that serialises to the
 *   same bytes;
 * - check_record() returns the number of problems it reported;
 * - nothing leaks, nothing reads out of bounds (ASan, UBSan).
 */
#define _GNU_SOURCE	/* memfd_create, SOCK_CLOEXEC */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/socket.h>
#include <unistd.h>

#include "khobor.h"
#include "check.h"

#define FLAGS (JSON_C_TO_STRING_PLAIN | JSON_C_TO_STRING_NOSLASHESCAPE)
/* An AF_UNIX socket queues few packets (net.unix.max_dgram_qlen, 10 by
 * default): the last of these many takes the rest of the file. */
#define MAX_PACKETS 8
#define MAX_PACKETED ((size_t)64 << 10)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static _Noreturn void
broken(const char *what, const char *s, size_t len)
{
	if (s != NULL)
		kh_warn("%s: %.*s", what, len > 512 ? 512 : (int)len, s);
	else
		kh_warn("%s", what);
	abort();
}

/* --- a strict RFC 8259 reader, to hold the output to the grammar ---- */

static int json_value(const char **p, const char *e);

static int
is_digit(const char *p, const char *e)
{
	return p < e && *p >= '0' && *p <= '9';
}

static void
json_ws(const char **p, const char *e)
{
	while (*p < e && (**p == ' ' || **p == '\t' || **p == '\n' ||
	    **p == '\r'))
		(*p)++;
}

static int
json_string(const char **p, const char *e)
{
	const char *s = *p;

	if (s == e || *s++ != '"')
		return -1;
	for (; s < e; s++) {
		if (*s == '"') {
			*p = s + 1;
			return 0;
		}
		if ((unsigned char)*s < 0x20)
			return -1;
		if (*s != '\\')
			continue;
		if (++s == e)
			return -1;
		if (*s == 'u') {
			for (int i = 0; i < 4; i++) {
				if (++s == e || !((*s >= '0' && *s <= '9') ||
				    ((*s | 0x20) >= 'a' && (*s | 0x20) <= 'f')))
					return -1;
			}
		} else if (memchr("\"\\/bfnrt", *s, 8) == NULL) {
			return -1;
		}
	}
	return -1;
}

static int
json_number(const char **p, const char *e)
{
	const char *s = *p;

	if (s < e && *s == '-')
		s++;
	if (s < e && *s == '0')
		s++;
	else if (is_digit(s, e))
		while (is_digit(s, e))
			s++;
	else
		return -1;
	if (s < e && *s == '.') {
		if (!is_digit(++s, e))
			return -1;
		while (is_digit(s, e))
			s++;
	}
	if (s < e && (*s == 'e' || *s == 'E')) {
		s++;
		if (s < e && (*s == '+' || *s == '-'))
			s++;
		if (!is_digit(s, e))
			return -1;
		while (is_digit(s, e))
			s++;
	}
	*p = s;
	return 0;
}

static int
json_literal(const char **p, const char *e, const char *lit)
{
	size_t n = strlen(lit);

	if ((size_t)(e - *p) < n || memcmp(*p, lit, n) != 0)
		return -1;
	*p += n;
	return 0;
}

/* The members of an object (close '}') or an array (close ']'). */
static int
json_members(const char **p, const char *e, char close)
{
	(*p)++;
	json_ws(p, e);
	if (*p < e && **p == close) {
		(*p)++;
		return 0;
	}
	for (;;) {
		if (close == '}') {
			if (json_string(p, e) < 0)
				return -1;
			json_ws(p, e);
			if (*p == e || *(*p)++ != ':')
				return -1;
		}
		if (json_value(p, e) < 0)
			return -1;
		json_ws(p, e);
		if (*p == e)
			return -1;
		if (**p == close) {
			(*p)++;
			return 0;
		}
		if (*(*p)++ != ',')
			return -1;
		json_ws(p, e);
	}
}

static int
json_value(const char **p, const char *e)
{
	json_ws(p, e);
	if (*p == e)
		return -1;
	switch (**p) {
	case '{':
		return json_members(p, e, '}');
	case '[':
		return json_members(p, e, ']');
	case '"':
		return json_string(p, e);
	case 't':
		return json_literal(p, e, "true");
	case 'f':
		return json_literal(p, e, "false");
	case 'n':
		return json_literal(p, e, "null");
	default:
		return json_number(p, e);
	}
}

static int
json_strict(const char *s, size_t len)
{
	const char *p = s, *e = s + len;

	if (json_value(&p, e) < 0)
		return -1;
	json_ws(&p, e);
	return p == e ? 0 : -1;
}

/* --- the properties --------------------------------------------------- */

static void
count(void *arg, const char *field, const char *msg)
{
	if (field == NULL || msg == NULL || *field == '\0' || *msg == '\0')
		broken("check_record: empty report", NULL, 0);
	(*(int *)arg)++;
}

static int
checked(struct json_object *obj)
{
	int n = 0, ret;

	ret = check_record(obj, count, &n);
	if (ret != n)
		broken("check_record: return value is not the count", NULL, 0);
	return ret;
}

/* What rec_write() writes for obj: the same as rec_print() does. */
static char *
written(struct json_object *obj, size_t *len)
{
	char *buf = NULL;
	FILE *f;

	if ((f = open_memstream(&buf, len)) == NULL)
		kh_die("open_memstream:");
	rec_print(f, obj);
	if (ferror(f) || fclose(f) == EOF)
		kh_die("open_memstream: write error");
	return buf;
}

static void
record(struct rec_parser *p, struct json_object *obj)
{
	struct json_object *again;
	const char *s, *t, *err;
	size_t len, tlen, olen;
	char *copy, *out;
	long at;

	s = json_object_to_json_string_length(obj, FLAGS, &len);
	if (s == NULL)
		broken("cannot serialise", NULL, 0);
	out = written(obj, &olen);
	if (olen != len + 1 || memcmp(out, s, len) != 0 || out[len] != '\n')
		broken("rec_write differs from json-c", out, olen);
	free(out);
	if (s[len] != '\0' || memchr(s, '\0', len) != NULL)
		broken("NUL in the serialisation", s, len);
	if (memchr(s, '\n', len) != NULL)
		broken("newline in the serialisation", s, len);
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20)
			broken("control byte in the serialisation", s, len);
	if (rec_utf8_valid((const unsigned char *)s, len) != len)
		broken("invalid UTF-8 in the serialisation", s, len);
	if (json_strict(s, len) < 0)
		broken("serialisation is not strict JSON", s, len);

	copy = kh_malloc(len + 1);
	memcpy(copy, s, len + 1);
	again = rec_parse(p, copy, len, 1, &err, &at);
	if (again == NULL)
		broken(err ? err : "serialisation parses as blank", s, len);
	t = json_object_to_json_string_length(again, FLAGS, &tlen);
	if (t == NULL || tlen != len || memcmp(s, t, len) != 0)
		broken("serialisation changes when parsed back", s, len);
	if (!json_object_equal(obj, again))
		broken("record changes when parsed back", s, len);
	if (checked(obj) != checked(again))
		broken("check_record differs on the parsed-back record", s,
		    len);
	json_object_put(again);
	free(copy);
}

/* A line parses the same with a new parser as with the one that has
 * seen the lines before it. */
static void
alone(struct json_object *obj, char *line, size_t len, int first,
    const char *err, long at)
{
	struct rec_parser *p = rec_parser_new();
	struct json_object *again;
	const char *err2;
	long at2;

	again = rec_parse(p, line, len, first, &err2, &at2);
	if ((obj == NULL) != (again == NULL) || at != at2 ||
	    (err == NULL) != (err2 == NULL) ||
	    (err != NULL && strcmp(err, err2) != 0) ||
	    (obj != NULL && !json_object_equal(obj, again)))
		broken("parse depends on the lines before", line, len);
	json_object_put(again);
	rec_parser_free(p);
}

/* Where the lines of file[0..size) are: the reader must agree. */
struct expect {
	const char *file;
	size_t size, off;
	unsigned long line;
};

static void
next_line(struct expect *x, enum rec_read st, const struct rec_reader *r,
    const char *line, size_t len)
{
	const char *nl;
	size_t n;

	if (x->off >= x->size)
		broken("reader: a line after the end of the file", NULL, 0);
	nl = memchr(x->file + x->off, '\n', x->size - x->off);
	n = nl ? (size_t)(nl - (x->file + x->off)) : x->size - x->off;
	if (r->pos.line != ++x->line)
		broken("reader: line number is off", NULL, 0);
	if (st == REC_TOOLONG) {
		if (n <= r->max)
			broken("reader: REC_TOOLONG for a short line",
			    x->file + x->off, n);
	} else {
		if (len > r->max)
			broken("reader: line over the limit", line, len);
		if (len != n || memcmp(line, x->file + x->off, n) != 0)
			broken("reader: line is not the file's", line, len);
		if (line[len] != '\0')
			broken("reader: line not NUL-terminated", line, len);
	}
	x->off += n + (nl != NULL);
}

/* One memfd, reused: emptied for each input. */
static int
memfd_empty(void)
{
	static int fd = -1;

	if (fd < 0 && (fd = memfd_create("records", MFD_CLOEXEC)) < 0)
		kh_die("memfd_create:");
	if (ftruncate(fd, 0) < 0)
		kh_die("ftruncate:");
	return fd;
}

static void
memfd_fill(int fd, const char *buf, size_t size)
{
	size_t done = 0;
	ssize_t n;

	while (done < size) {
		if ((n = pwrite(fd, buf + done, size - done, done)) < 0)
			kh_die("pwrite:");
		done += n;
	}
	if (lseek(fd, 0, SEEK_SET) < 0)
		kh_die("lseek:");
}

/* The file as packets of k bytes on a socket: read() takes one packet
 * at a time, and gives 0 (end of file) once they are all taken. */
static int
packets(const char *buf, size_t size, size_t k)
{
	size_t off = 0, n;
	int sv[2], count = 0;

	if (socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC, 0, sv) < 0)
		kh_die("socketpair:");
	while (off < size) {
		n = ++count < MAX_PACKETS && k < size - off ? k : size - off;
		if (send(sv[1], buf + off, n, MSG_DONTWAIT) != (ssize_t)n)
			kh_die("send:");
		off += n;
	}
	close(sv[1]);
	return sv[0];
}

static size_t
limit(unsigned ctl)
{
	static const size_t few[] = { REC_MAX_LINE_DEFAULT, 1, 8, 64 };

	if (ctl >= 0xf0)
		return few[ctl & 3];
	ctl &= 0x3f;
	if (ctl == 0)
		return REC_MAX_LINE_DEFAULT;
	return ctl < 32 ? ctl : (size_t)(ctl - 31) * 128;
}

/* A filler before the data, for a reader whose first read() takes
 * first bytes: a line of 'x' after which that read ends 16 bytes into
 * the data (kind 0), just before it (1) or 1 byte into it (3); or
 * spaces without '\n' (2), so that the first line outgrows the buffer:
 * a record with leading space, or a line over the limit. */
static char *
with_filler(const uint8_t *data, size_t size, unsigned kind, size_t first,
    size_t *fsize)
{
	size_t fill;
	char *file;

	switch (kind) {
	case 0:
		fill = first - 16;
		break;
	case 1:
		fill = first;
		break;
	case 2:
		fill = first + 64;
		break;
	default:
		fill = first - 1;
		break;
	}
	*fsize = fill + size;
	file = kh_malloc(*fsize + 1);
	if (kind == 2) {
		memset(file, ' ', fill);
	} else {
		memset(file, 'x', fill - 1);
		file[fill - 1] = '\n';
	}
	if (size > 0)
		memcpy(file + fill, data, size);
	return file;
}

/*
 * The control byte:
 *   below 0x80	a memfd; the low 6 bits give the line limit: 0 the
 *		default, 1..31, or 128..4096 in steps of 128;
 *   0x80..0xef	packets, limit as above; the next byte + 1 is the
 *		packet size;
 *   from 0xf0	a memfd behind a filler (one input in sixteen: it costs
 *		a megabyte); the low 2 bits pick the limit (the default,
 *		1, 8, 64), the next 2 the filler.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rec_parser *p;
	struct rec_reader r;
	struct json_object *obj;
	struct expect x = { 0 };
	enum rec_read st;
	const char *err;
	char *line, *file;
	size_t len, fsize, max, k = 0;
	unsigned ctl = 0;
	long at;
	int fd;

	if (size > 0)
		ctl = *data++, size--;
	max = limit(ctl);
	if (ctl >= 0x80 && ctl < 0xf0 && size > 0)
		k = (size_t)*data++ + 1, size--;
	if (ctl >= 0xf0) {
		/* read.c's first read() takes all its buffer but the byte
		 * kept for a NUL */
		fd = memfd_empty();
		rec_reader_init(&r, fd, "fuzz", max);
		file = with_filler(data, size, (ctl >> 2) & 3, r.cap - 1,
		    &fsize);
		memfd_fill(fd, file, fsize);
	} else {
		fsize = size;
		file = kh_malloc(size + 1);
		if (size > 0)
			memcpy(file, data, size);
		if (k > 0 && size <= MAX_PACKETED) {
			fd = packets(file, size, k);
		} else {
			fd = memfd_empty();
			memfd_fill(fd, file, fsize);
		}
		rec_reader_init(&r, fd, "fuzz", max);
	}

	p = rec_parser_new();
	x.file = file, x.size = fsize;
	while ((st = rec_read_line(&r, &line, &len)) != REC_EOF) {
		if (st != REC_LINE && st != REC_TOOLONG)
			broken("reader: read error", NULL, 0);
		next_line(&x, st, &r, line, len);
		if (st == REC_TOOLONG)
			continue;
		obj = rec_parse(p, line, len, r.pos.line == 1, &err, &at);
		alone(obj, line, len, r.pos.line == 1, err, at);
		if (obj == NULL) {
			if (err != NULL && (at < -1 || at > (long)len))
				broken("parse: error offset out of the line",
				    line, len);
			continue;
		}
		record(p, obj);
		json_object_put(obj);
	}
	if (x.off != fsize || r.bytes != fsize)
		broken("reader: EOF before the end of the file", NULL, 0);
	if (rec_read_line(&r, &line, &len) != REC_EOF)
		broken("reader: REC_EOF does not stay", NULL, 0);
	if (k > 0 && size <= MAX_PACKETED)
		close(r.fd);
	rec_reader_free(&r);
	rec_parser_free(p);
	free(file);
	return 0;
}
