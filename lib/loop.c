/*
 * loop.c: the record loop.  Reads each file (or stdin) line by line,
 * parses, hands records to the program, and keeps the count of what was
 * skipped for the exit status.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "khobor.h"
#include "check.h"
#include "jobs.h"

struct kh_run kh_run = {
	.max_line = REC_MAX_LINE_DEFAULT,
	.max_values = REC_MAX_VALUES_DEFAULT,
	.skipped_word = "skipped",
};

/* The record at hand had a problem (each worker of rec_loop_jobs has
 * a record at hand). */
static _Thread_local int cur_bad;
static int bare_urls;	/* see rec_accept_bare_urls() */

void
rec_accept_bare_urls(void)
{
	bare_urls = 1;
}

/* A line that is not a JSON object: {"url": the line, blanks stripped},
 * or NULL with *err set. */
static struct json_object *
bare_url(const char *line, size_t len, int first, const char **err,
    long *at)
{
	struct json_object *rec;
	size_t i, bad;

	if (first && len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0) {
		line += 3;
		len -= 3;
	}
	while (len > 0 && strchr(" \t\r", line[len - 1]) != NULL)
		len--;
	while (len > 0 && (*line == ' ' || *line == '\t')) {
		line++;
		len--;
	}
	*at = -1;
	*err = NULL;
	if (len == 0)
		return NULL;	/* blank */
	if ((bad = rec_utf8_valid((const unsigned char *)line, len)) < len) {
		*err = "invalid UTF-8 in a URL line";
		*at = bad;
		return NULL;
	}
	for (i = 0; i < len; i++)
		if ((unsigned char)line[i] <= ' ' || line[i] == 0x7f) {
			*err = "a URL line with a blank or control character";
			*at = i;
			return NULL;
		}
	rec = json_object_new_object();
	json_object_object_add(rec, "url",
	    json_object_new_string_len(line, (int)len));
	return rec;
}

/* Does the line look like JSON (or is it a bare URL)? */
static int
is_json(const char *line, size_t len, int first)
{
	size_t i = 0;

	if (first && len >= 3 && memcmp(line, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && (line[i] == ' ' || line[i] == '\t'))
		i++;
	return i == len || line[i] == '{' || line[i] == '[' || line[i] == '"';
}

void
rec_bad(const struct rec_pos *pos, const char *fmt, ...)
{
	va_list ap;

	if (!kh_run.quiet) {
		va_start(ap, fmt);
		kh_vwarn(pos, fmt, ap);
		va_end(ap);
	}
	cur_bad = 1;
}

/* A problem check_record found in a record read (kh_run.check_in). */
static void
in_problem(void *arg, const char *field, const char *msg)
{
	rec_bad(arg, "%s: %s; skipped", field, msg);
}

int
rec_bad_now(void)
{
	int bad = cur_bad;

	cur_bad = 0;
	return bad;
}

static void
end_record(void)
{
	if (!rec_bad_now())
		return;
	kh_run.skipped++;
	if (kh_run.strict)
		exit(rec_exit());
}

/* One line: 1 a record (*rec, NULL for rec_loop_text; pos->text and
 * pos->len its text), 0 blank, -1 bad (*err, *at). */
static int
take(struct loop *l, char *line, size_t len, struct rec_pos *pos,
    struct json_object **rec, const char **err, long *at)
{
	int first = pos->line == 1;

	*rec = NULL;
	pos->members = NULL;
	if (l->p == NULL) {
		pos->members = &l->members;
		return rec_scan_strict(line, len, first, err, at, &pos->text,
		    &pos->len, &l->members);
	}
	if (bare_urls && !is_json(line, len, first)) {
		*rec = bare_url(line, len, first, err, at);
		pos->text = line;
		pos->len = len;
	} else {
		*rec = rec_parse(l->p, line, len, first, err, at);
		pos->text = rec_parsed_text(l->p, &pos->len);
	}
	return *rec != NULL ? 1 : *err != NULL ? -1 : 0;
}

int
loop_line(struct loop *l, enum rec_read st, char *line, size_t len,
    struct rec_pos *pos)
{
	struct json_object *rec;
	const char *err;
	long at;
	int got;

	if (st == REC_TOOLONG) {
		rec_bad(pos, "line longer than %zu bytes (see --max-line); "
		    "skipped", kh_run.max_line);
		return 1;
	}
	if ((got = take(l, line, len, pos, &rec, &err, &at)) == 0)
		return 0;	/* blank line */
	if (got < 0) {
		if (at >= 0)
			rec_bad(pos, "%s at byte %ld; skipped", err, at);
		else
			rec_bad(pos, "%s; skipped", err);
	} else if (rec == NULL) {
		l->text_fn(pos, l->arg);
	} else {
		if (!kh_run.check_in ||
		    check_record(rec, in_problem, pos) == 0)
			l->fn(rec, pos, l->arg);
		json_object_put(rec);
	}
	return 1;
}

static void
read_file(struct loop *l, int fd, const char *name)
{
	struct rec_reader r;
	enum rec_read st;
	char *line;
	size_t len;

	rec_reader_init(&r, fd, name, kh_run.max_line);
	while ((st = rec_read_line(&r, &line, &len)) != REC_EOF) {
		if (l->jobs != NULL) {
			jobs_put(l->jobs, st, line, len, &r.pos,
			    l->bytes + r.bytes);
			if (st == REC_IOERR)
				break;
			continue;
		}
		kh_run.bytes = l->bytes + r.bytes;
		if (st == REC_IOERR) {
			kh_warn("%s: read error:", name);
			kh_run.error = 1;
			break;
		}
		if (loop_line(l, st, line, len, &r.pos)) {
			kh_run.records++;
			end_record();
			kh_progress_tick();
		}
	}
	l->bytes += r.bytes;
	rec_reader_free(&r);
}

static void
loop_files(char **files, struct loop *l)
{
	static char *std_in[] = { "-", NULL };
	int fd;

	if (files == NULL || *files == NULL)
		files = std_in;
	for (; *files != NULL; files++) {
		if (strcmp(*files, "-") == 0) {
			read_file(l, STDIN_FILENO, "<stdin>");
			continue;
		}
		if ((fd = open(*files, O_RDONLY | O_CLOEXEC)) < 0) {
			if (l->jobs != NULL) {
				jobs_open_failed(l->jobs, *files);
				continue;
			}
			kh_warn("%s:", *files);
			kh_run.error = 1;
			continue;
		}
		read_file(l, fd, *files);
		close(fd);
	}
}

void
rec_loop(char **files, rec_fn *fn, void *arg)
{
	struct loop l = { .p = rec_parser_new(), .fn = fn, .arg = arg };

	kh_progress_start();
	loop_files(files, &l);
	rec_parser_free(l.p);
}

void
rec_loop_jobs(char **files, rec_fn *fn, void *(*start)(void *arg),
    void (*stop)(void *state), void *arg)
{
	struct loop l = { .fn = fn };

	kh_progress_start();
	if (kh_run.jobs <= 1) {
		l.p = rec_parser_new();
		l.arg = start(arg);
		loop_files(files, &l);
		stop(l.arg);
		rec_parser_free(l.p);
		return;
	}
	l.jobs = jobs_start(&l, start, stop, arg);
	loop_files(files, &l);
	jobs_end(l.jobs);
}

void
rec_loop_text(char **files, rec_text_fn *fn, void *arg)
{
	struct loop l = { .text_fn = fn, .arg = arg };

	kh_progress_start();
	loop_files(files, &l);
	rec_members_free(&l.members);
}

int
rec_exit(void)
{
	kh_progress_end();
	rec_close();
	if (kh_run.skipped > 0 && !kh_run.quiet)
		kh_warn("%lu of %lu records %s", kh_run.skipped,
		    kh_run.records, kh_run.skipped_word);
	if (kh_run.error)
		return KH_EXIT_ERROR;
	return kh_run.skipped > 0 ? KH_EXIT_SKIPPED : KH_EXIT_OK;
}
