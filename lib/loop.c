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

struct kh_run kh_run = {
	.max_line = REC_MAX_LINE_DEFAULT,
	.max_values = REC_MAX_VALUES_DEFAULT,
	.skipped_word = "skipped",
};

static int cur_bad;	/* the record at hand had a problem */
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

static void
end_record(void)
{
	if (!cur_bad)
		return;
	cur_bad = 0;
	kh_run.skipped++;
	if (kh_run.strict)
		exit(rec_exit());
}

/* What a loop hands records to: rec_loop's fn with a parsed record, or
 * rec_loop_text's text_fn with the text rec_scan() checked. */
struct loop {
	struct rec_parser *p;	/* rec_loop's; NULL for rec_loop_text */
	rec_fn *fn;
	rec_text_fn *text_fn;
	void *arg;
	struct rec_members members;	/* rec_loop_text's, line by line */
};

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

static void
read_file(struct loop *l, int fd, const char *name)
{
	struct rec_reader r;
	struct json_object *rec;
	enum rec_read st;
	const char *err;
	uint64_t base = kh_run.bytes;
	char *line;
	size_t len;
	long at;
	int got;

	rec_reader_init(&r, fd, name, kh_run.max_line);
	while ((st = rec_read_line(&r, &line, &len)) != REC_EOF) {
		kh_run.bytes = base + r.bytes;
		if (st == REC_IOERR) {
			kh_warn("%s: read error:", name);
			kh_run.error = 1;
			break;
		}
		if (st == REC_TOOLONG) {
			kh_run.records++;
			rec_bad(&r.pos, "line longer than %zu bytes (see "
			    "--max-line); skipped", r.max);
			end_record();
			continue;
		}
		if ((got = take(l, line, len, &r.pos, &rec, &err, &at)) == 0)
			continue;	/* blank line */
		kh_run.records++;
		if (got < 0) {
			if (at >= 0)
				rec_bad(&r.pos, "%s at byte %ld; skipped", err,
				    at);
			else
				rec_bad(&r.pos, "%s; skipped", err);
		} else if (rec == NULL) {
			l->text_fn(&r.pos, l->arg);
		} else {
			if (!kh_run.check_in ||
			    check_record(rec, in_problem, &r.pos) == 0)
				l->fn(rec, &r.pos, l->arg);
			json_object_put(rec);
		}
		end_record();
		kh_progress_tick();
	}
	rec_reader_free(&r);
}

static void
loop_files(char **files, struct loop *l)
{
	static char *std_in[] = { "-", NULL };
	int fd;

	if (files == NULL || *files == NULL)
		files = std_in;
	kh_progress_start();
	for (; *files != NULL; files++) {
		if (strcmp(*files, "-") == 0) {
			read_file(l, STDIN_FILENO, "<stdin>");
			continue;
		}
		if ((fd = open(*files, O_RDONLY | O_CLOEXEC)) < 0) {
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

	loop_files(files, &l);
	rec_parser_free(l.p);
}

void
rec_loop_text(char **files, rec_text_fn *fn, void *arg)
{
	struct loop l = { .text_fn = fn, .arg = arg };

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
