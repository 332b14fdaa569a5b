/*
 * write.c: records out, one compact line each.
 *
 * The record is written straight into stdout's buffer by our own walk of
 * the tree: json-c's serialiser escapes strings a byte at a time through
 * a growing printbuf, which made writing cost more than parsing on
 * page-sized records.  Output matches json-c's plain form with '/' left
 * alone.  Numbers are json-c's own text (for doubles, the text they were
 * read from).
 *
 * stdout is fully buffered; the reader flushes it before it waits for
 * input (read.c), and rec_exit() checks the final flush and close, so a
 * full disk is an error and not a silent loss.
 */
#define _GNU_SOURCE	/* fwrite_unlocked, ferror_unlocked */
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "khobor.h"
#include "jobs.h"

/* Bytes that JSON strings must escape. */
static const unsigned char special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1,
};

/* The reader went away: end now and quietly, as a filter killed by
 * SIGPIPE does, even if SIGPIPE was ignored when we were started. */
static _Noreturn void
pipe_closed(void)
{
	signal(SIGPIPE, SIG_DFL);
	raise(SIGPIPE);
	_exit(KH_EXIT_ERROR);
}

static _Noreturn void
write_failed(void)
{
	if (errno == EPIPE)
		pipe_closed();
	kh_die("write error on standard output:");
}

/* Does any of the 8 bytes of w need escaping?  Exact (no false
 * positives): the classic "has a byte less than n" word tests. */
#define ONES 0x0101010101010101ULL
#define HIGH 0x8080808080808080ULL
static inline int
has_special(uint64_t w)
{
	uint64_t lt = (w - ONES * 0x20) & ~w;
	uint64_t q = w ^ (ONES * '"'), b = w ^ (ONES * '\\');

	q = (q - ONES) & ~q;
	b = (b - ONES) & ~b;
	return ((lt | q | b) & HIGH) != 0;
}

static void
put_string(FILE *f, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t i = 0, j;
	unsigned char c;
	uint64_t w;

	putc_unlocked('"', f);
	for (;;) {
		for (j = i; j + 8 <= n; j += 8) {
			memcpy(&w, s + j, 8);
			if (has_special(w))
				break;
		}
		for (; j < n && !special[(unsigned char)s[j]]; j++)
			;
		if (j > i)
			fwrite_unlocked(s + i, 1, j - i, f);
		if (j == n)
			break;
		putc_unlocked('\\', f);
		switch (c = s[j]) {
		case '"':
		case '\\':
			putc_unlocked(c, f);
			break;
		case '\b':
			putc_unlocked('b', f);
			break;
		case '\f':
			putc_unlocked('f', f);
			break;
		case '\n':
			putc_unlocked('n', f);
			break;
		case '\r':
			putc_unlocked('r', f);
			break;
		case '\t':
			putc_unlocked('t', f);
			break;
		default:
			fwrite_unlocked("u00", 1, 3, f);
			putc_unlocked(hex[c >> 4], f);
			putc_unlocked(hex[c & 15], f);
		}
		i = j + 1;
	}
	putc_unlocked('"', f);
}

static void
put_value(FILE *f, struct json_object *v)
{
	const char *s;
	size_t i, n;
	int first = 1;

	switch (json_object_get_type(v)) {
	case json_type_null:
		fwrite_unlocked("null", 1, 4, f);
		break;
	case json_type_boolean:
		if (json_object_get_boolean(v))
			fwrite_unlocked("true", 1, 4, f);
		else
			fwrite_unlocked("false", 1, 5, f);
		break;
	case json_type_string:
		put_string(f, json_object_get_string(v),
		    json_object_get_string_len(v));
		break;
	case json_type_array:
		putc_unlocked('[', f);
		n = json_object_array_length(v);
		for (i = 0; i < n; i++) {
			if (i > 0)
				putc_unlocked(',', f);
			put_value(f, json_object_array_get_idx(v, i));
		}
		putc_unlocked(']', f);
		break;
	case json_type_object: {
		putc_unlocked('{', f);
		json_object_object_foreach(v, key, val) {
			if (!first)
				putc_unlocked(',', f);
			first = 0;
			put_string(f, key, strlen(key));
			putc_unlocked(':', f);
			put_value(f, val);
		}
		putc_unlocked('}', f);
		break;
	}
	default:	/* numbers: json-c's text for them */
		s = json_object_to_json_string_length(v,
		    JSON_C_TO_STRING_PLAIN, &n);
		if (s == NULL)
			kh_die("cannot write a number: out of memory");
		fwrite_unlocked(s, 1, n, f);
	}
}

void
rec_print(FILE *f, struct json_object *rec)
{
	put_value(f, rec);
	putc_unlocked('\n', f);
}

/* Where this thread's records go: a worker of rec_loop_jobs() holds
 * them in memory for the thread that writes them in input order. */
static _Thread_local FILE *out_to;

void
rec_write_to(FILE *f)
{
	out_to = f;
}

static void
check_out(FILE *f)
{
	if (!ferror_unlocked(f))
		return;
	if (f != stdout)
		kh_die("cannot write a record to memory: out of memory");
	write_failed();
}

void
rec_write(struct json_object *rec)
{
	FILE *f = out_to != NULL ? out_to : stdout;

	rec_print(f, rec);
	check_out(f);
}

void
rec_write_text(const char *text, size_t len)
{
	FILE *f = out_to != NULL ? out_to : stdout;

	fwrite_unlocked(text, 1, len, f);
	putc_unlocked('\n', f);
	check_out(f);
}

void
rec_write_lines(const char *text, size_t len)
{
	fwrite_unlocked(text, 1, len, stdout);
	check_out(stdout);
}

void
rec_flush(void)
{
	if (fflush(stdout) == EOF)
		write_failed();
}

/* Called once at the end: what is still buffered must reach its file. */
void
rec_close(void)
{
	if (fflush(stdout) == EOF || ferror(stdout))
		write_failed();
	if (fclose(stdout) == EOF) {
		if (errno == EPIPE)
			pipe_closed();
		kh_die("closing standard output:");
	}
}
