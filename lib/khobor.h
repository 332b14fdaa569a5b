/*
 * khobor.h: the record layer every khobor program shares.
 *
 * A record is one JSON object on one line (docs/records.md).  A program
 * parses its options with kh_options(), hands each record to a callback
 * through rec_loop(), writes records with rec_write() and ends with
 * return rec_exit().
 *
 * Public names: kh_ for program plumbing (messages, options, memory),
 * rec_ for records.  Strings from records may hold U+0000 (written as
 * \u0000 in JSON): use json_object_get_string_len(), not strlen().
 */
#ifndef KHOBOR_H
#define KHOBOR_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdint.h>
#include <getopt.h>
#include <json-c/json.h>

/* Exit status of every program. */
enum {
	KH_EXIT_OK = 0,		/* every record went through */
	KH_EXIT_SKIPPED = 1,	/* some records were skipped (or invalid) */
	KH_EXIT_ERROR = 2	/* usage or system error */
};

#define REC_MAX_LINE_DEFAULT ((size_t)64 << 20)
/* The most values (objects, arrays, strings, numbers, true, false,
 * null, at any depth) a record may hold: json-c's tree of a record
 * takes up to some 800 bytes a value, so this bounds its memory. */
#define REC_MAX_VALUES_DEFAULT ((size_t)500000)
/* The message for a record over the limit, with the limit. */
#define REC_TOO_MANY_VALUES "record has more than %zu values (see " \
	"--max-values)"

/* err.c: messages as "prog: what"; a format ending in ':' appends
 * strerror(errno).  kh_die exits with KH_EXIT_ERROR. */
extern const char *kh_prog;
void kh_setprog(const char *argv0);
_Noreturn void kh_die(const char *fmt, ...)
	__attribute__((format(printf, 1, 2)));
void kh_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
struct rec_pos;
void kh_vwarn(const struct rec_pos *pos, const char *fmt, va_list ap);
void *kh_malloc(size_t n);
void *kh_realloc(void *p, size_t n);

/* opt.c: the options every program shares (-h, -q, --help, --version,
 * --strict, --progress, --max-line, --max-values) merged with the
 * program's own.
 * opt() gets each option of the program's own; the return value is
 * optind.  help is printed under the usage line by --help (may be NULL).
 * Long options of the program use codes from KH_OPT_OWN up. */
enum {
	KH_OPT_STRICT = 0x100,
	KH_OPT_PROGRESS,
	KH_OPT_MAX_LINE,
	KH_OPT_VERSION,
	KH_OPT_MAX_VALUES,
	KH_OPT_OWN = 0x200
};
struct kh_cli {
	const char *usage;		/* "[-x] [file ...]", after the name;
					 * more forms on more lines */
	const char *help;		/* the program's own options, or NULL */
	const char *shortopts;		/* the program's own, or "" */
	const struct option *longopts;	/* the program's own, or NULL */
	void (*opt)(int c, char *arg);
	int jobs;			/* takes -j N, --jobs N (kh_run.jobs;
					 * "[-j n]" is in usage) */
};
int kh_options(int argc, char **argv, const struct kh_cli *cli);
/* Descriptors 0, 1 and 2 closed when the program started get /dev/null
 * opened the wrong way round (0 for writing, 1 for reading), so that no
 * file the program opens takes their place and reading records from a
 * closed stdin or writing them to a closed stdout fails as it would
 * have (EBADF, exit 2) instead of reading a lock file or writing
 * nowhere; a closed stderr gets /dev/null.  kh_options() calls it
 * first; a program that does not use kh_options() calls it itself. */
void kh_std_fds(void);
/* sys.c: system calls as a program keeping state on disk makes them:
 * an interrupted call (EINTR) is made again, a short transfer goes on;
 * kh_close takes EINTR for done (Linux has released the descriptor).
 * -1 with errno otherwise.  kh_open adds O_CLOEXEC. */
int kh_open(const char *path, int flags, int mode);
int kh_fsync(int fd);
int kh_ftruncate(int fd, uint64_t len);
int kh_close(int fd);
int kh_rename(const char *from, const char *to);
int kh_pread_full(int fd, void *buf, size_t n, uint64_t off);
int kh_pwrite_full(int fd, const void *buf, size_t n, uint64_t off);
int kh_write_full(int fd, const void *buf, size_t n);
/* fsync the directory holding path, so that a name made or removed
 * there lasts. */
int kh_sync_parent(const char *path);
/* Replace path whole with len bytes of buf, so that a crash leaves the
 * old file or the new one: PATH.tmp written, synced, renamed over path,
 * the folder synced.  0; 1 when the file was replaced but the folder's
 * sync failed (said: the new file may not last a crash); -1 when it was
 * not replaced (said). */
int kh_replace_file(const char *path, const void *buf, size_t len);
_Noreturn void kh_usage(void);
int kh_parse_size(const char *s, size_t *out);

/* Where a record came from: file name ("<stdin>") and line number. */
struct rec_pos {
	const char *file;
	unsigned long line;
	const char *text;	/* the record's JSON text as read (no BOM, */
	size_t len;		/* CR or newline; rec_loop_text: strict
				 * JSON); valid in the callback */
	/* rec_loop_text: the members of the record's object */
	const struct rec_members *members;
};

/* read.c: a line reader bounded by max bytes a line, over a file
 * descriptor.  Before it blocks on input it flushes the records written
 * so far, so a slow pipeline still moves record by record. */
enum rec_read {
	REC_EOF = 0,
	REC_LINE = 1,		/* *line, *len: one line, '\n' removed */
	REC_TOOLONG = 2,	/* a line over the limit, read and dropped */
	REC_IOERR = -1		/* read error; errno is set */
};
struct rec_reader {
	int fd;
	struct rec_pos pos;
	size_t max;		/* longest line accepted, in bytes */
	char *buf;
	size_t cap, start, scan, end;
	int eof;
	uint64_t bytes;		/* bytes consumed so far */
};
void rec_reader_init(struct rec_reader *r, int fd, const char *name,
	size_t max);
enum rec_read rec_read_line(struct rec_reader *r, char **line, size_t *len);
/* When input has been idle for ms milliseconds, call fn once (before
 * waiting on): a program that holds records back (store's frames) can
 * finish them instead of letting them wait for the next record. */
void rec_on_idle(void (*fn)(void), int ms);
/* Instead, when a read on fd would block, call fn(fd), which returns once
 * fd is readable (or at end of input): a program with its own event loop
 * (fetch's transfers) runs it meanwhile, fd among its descriptors. */
void rec_on_wait(void (*fn)(int fd));
void rec_reader_free(struct rec_reader *r);

/* parse.c: one line to one record.  Returns the object (owned by the
 * caller) or NULL with *err set to a message (valid until the next
 * call), *at to the byte
 * offset of the problem (or -1).  first marks the first line of a file,
 * where a UTF-8 byte order mark is dropped.  Blank lines give NULL with
 * *err NULL.  A record with more values than kh_run.max_values is
 * refused (REC_TOO_MANY_VALUES, *at -1) before json-c builds any of
 * it. */
struct rec_parser;
struct rec_parser *rec_parser_new(void);
void rec_parser_free(struct rec_parser *p);
struct json_object *rec_parse(struct rec_parser *p, const char *line, size_t len,
	int first, const char **err, long *at);
/* The string member key of a record (or any object): its value, and
 * its length in *len unless len is NULL; NULL when it is absent or not
 * a string. */
const char *rec_str(struct json_object *o, const char *key, size_t *len);
/* The JSON text the last rec_parse() read: the line without BOM and CR. */
const char *rec_parsed_text(const struct rec_parser *p, size_t *len);
/* The values of a tree: v itself and every value in it, at any depth,
 * as --max-values counts them. */
size_t rec_count_values(struct json_object *v);
/* Would the next program read a record of len bytes (its line without
 * the newline) and values values, as it reads ours (--max-line,
 * --max-values)?  1 if so; else rec_bad(pos) says why, the record
 * counts as skipped, and 0.  For a program that adds to its records. */
int rec_fits(const struct rec_pos *pos, size_t len, size_t values);
size_t rec_utf8_valid(const unsigned char *s, size_t n);
/* scan.c: 1 when the JSON text s[0..n) starts more than max values
 * before its end or its first error, else 0.  Quick for a line shorter
 * than 2 * max bytes, which cannot hold more. */
int rec_values_over(const char *s, size_t n, size_t max);
/* scan.c: rec_parse()'s verdict on a line without building a record,
 * for a program that keeps the text as it is.  Returns 1 for a record
 * (*text, *tlen: its JSON text, as rec_parsed_text() gives it), 0 for a
 * blank line (*err NULL), -1 for a bad line with *err (a static
 * message) and *at (the byte offset of the problem, or -1).  A line
 * with a number only json-c's tree can judge (NaN, 1., a 20-digit
 * integer) goes to rec_parse() inside. */
int rec_scan(const char *line, size_t len, int first, const char **err,
	long *at, const char **text, size_t *tlen);
/* The same, and for a record the members of its object as they stand
 * in *text, in order (duplicates too), so that a program can take a
 * member's text without a second pass: name and namelen the name
 * between its quotes, as written; value and valuelen the value's JSON
 * text (a string with its quotes).  escaped is set when a name holds a
 * backslash (then it may spell another name than it shows).  m is
 * reused from line to line; it holds nothing useful unless 1 is
 * returned. */
struct rec_member {
	size_t name, namelen, value, valuelen;
};
struct rec_members {
	struct rec_member *v;
	size_t n, cap;
	int escaped;
	const char *lax;	/* NULL, or the (first) form json-c reads
				 * and JSON lacks that the text has */
	char *buf;	/* rec_scan_strict's text */
	size_t buflen;
};
int rec_scan_members(const char *line, size_t len, int first,
	const char **err, long *at, const char **text, size_t *tlen,
	struct rec_members *m);
/* The same, but a lax record (a name in single quotes, a raw control
 * character or a lone surrogate escape in a string, 00 or -01, a NaN
 * that a later duplicate drops) comes back written anew as rec_write()
 * writes it, strict JSON (*text in m->buf, until m's next use), with
 * its members: a program that keeps records as text writes only JSON
 * that any reader takes.  rec_loop_text() hands on records so. */
int rec_scan_strict(const char *line, size_t len, int first,
	const char **err, long *at, const char **text, size_t *tlen,
	struct rec_members *m);
void rec_members_free(struct rec_members *m);
/* The member named name (as written, no escapes) in m, the last one if
 * there are several, as json-c keeps the last; NULL if none. */
const struct rec_member *rec_member_get(const struct rec_members *m,
	const char *text, const char *name);

/* The code point at s[0..n) (n >= 1) and its length in *len; U+FFFD for
 * a bad sequence (overlong, surrogate, cut short, past U+10FFFF), which
 * counts one byte.  Inline: the stages' text scanners call it on every
 * character. */
static inline uint32_t
kh_utf8_next(const unsigned char *s, size_t n, size_t *len)
{
	uint32_t c = s[0], min;
	size_t k, i;

	*len = 1;
	if (c < 0x80)
		return c;
	/* The common case, Bengali: three bytes, no surrogate. */
	if (c >= 0xe0 && c <= 0xec && n > 2 && (s[1] & 0xc0) == 0x80 &&
	    (s[2] & 0xc0) == 0x80 && (c > 0xe0 || s[1] >= 0xa0)) {
		*len = 3;
		return (c & 0x0f) << 12 | (s[1] & 0x3f) << 6 | (s[2] & 0x3f);
	}
	if (c >= 0xc2 && c <= 0xdf)
		k = 1, c &= 0x1f, min = 0x80;
	else if (c >= 0xe0 && c <= 0xef)
		k = 2, c &= 0x0f, min = 0x800;
	else if (c >= 0xf0 && c <= 0xf4)
		k = 3, c &= 0x07, min = 0x10000;
	else
		return 0xfffd;
	if (n <= k)
		return 0xfffd;
	for (i = 1; i <= k; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0xfffd;
		c = c << 6 | (s[i] & 0x3f);
	}
	if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
		return 0xfffd;
	*len = k + 1;
	return c;
}

/* write.c: one record, one compact line on stdout: UTF-8 unescaped,
 * '/' unescaped.  A closed pipe ends the program at once and quietly
 * (SIGPIPE); any other write error is fatal. */
void rec_write(struct json_object *rec);
/* A record's JSON text as it is (one line, no newline in it). */
void rec_write_text(const char *text, size_t len);
/* The same line to any stream, unchecked: for tests and fuzzing. */
void rec_print(FILE *f, struct json_object *rec);
void rec_flush(void);
void rec_close(void);

/* loop.c: the record loop over the files named (or stdin, or "-").
 * fn gets each record and the place it came from; the loop frees the
 * record after fn returns (fn may json_object_get() it to keep it).
 * Bad input is reported and counted by the loop itself. */
typedef void rec_fn(struct json_object *rec, const struct rec_pos *pos,
	void *arg);
void rec_loop(char **files, rec_fn *fn, void *arg);
/* The same loop for a program that needs only each record's text (in
 * pos->text, pos->len): rec_scan_strict() checks each line, with the
 * same reports, counts, --strict, progress and idle/wait hooks, and no
 * json-c tree is built (but for a lax line, written anew as strict
 * JSON).  It takes no bare URLs (rec_accept_bare_urls()
 * is for rec_loop only). */
typedef void rec_text_fn(const struct rec_pos *pos, void *arg);
void rec_loop_text(char **files, rec_text_fn *fn, void *arg);
/* rec_loop over kh_run.jobs worker threads (-j), as rec_loop would
 * run it: one thread reads the lines, the workers parse them and call
 * fn, and one thread writes what fn wrote (rec_write, rec_write_text)
 * and said (rec_bad, kh_warn) in input order, with rec_loop's counts,
 * --strict, --progress and flushes.  At most 4 records a worker are in
 * flight.  start(arg) makes a worker's own state, which fn gets as its
 * arg, and stop(state) frees it; both run in the calling thread.  fn
 * may change nothing but that state and the record.  kh_run.jobs 1:
 * rec_loop with one state.  With more, the reader neither flushes nor
 * calls rec_on_idle's or rec_on_wait's function. */
void rec_loop_jobs(char **files, rec_fn *fn, void *(*start)(void *arg),
	void (*stop)(void *state), void *arg);
/* Let rec_loop take a line that is not JSON (its first byte other than
 * space or tab is not '{') as a bare URL: the record {"url": line}, the
 * line stripped of surrounding blanks.  A line with blanks inside, or
 * invalid UTF-8, is reported and skipped.  fetch reads URL lists so. */
void rec_accept_bare_urls(void);
/* Report a problem with the record at pos: "prog: file:line: message".
 * The record counts as skipped (once, however many problems it has);
 * under --strict the program stops after this record. */
void rec_bad(const struct rec_pos *pos, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Flush and check stdout, print the summary, return the exit status. */
int rec_exit(void);
/* The run's settings and counters, set by kh_options and the loop. */
struct kh_run {
	int quiet, strict, progress;
	size_t max_line;
	size_t max_values;	/* see REC_MAX_VALUES_DEFAULT */
	unsigned long records, skipped;
	uint64_t bytes;
	int error;		/* a system error happened: exit 2 */
	int jobs;		/* rec_loop_jobs' workers (-j); 1: none */
	const char *skipped_word;	/* for the summary: "skipped" */
	/* rec_loop checks each record against docs/records.md (lib/
	 * check.c) before the program sees it, and skips one that fails,
	 * with a message a problem: a stage that passes records on sets it,
	 * so that what it writes passes validate whatever it read. */
	int check_in;
};
extern struct kh_run kh_run;

/* tally.c: how many of each kind, for a run's summary.  KH_TALLY_KINDS
 * kinds at most; the last counts the rest as "other". */
#define KH_TALLY_KINDS 24
struct kh_tally_kind {
	char name[24];		/* "404", "timeout", "not-html", ... */
	unsigned long n;
};
struct kh_tally {
	struct kh_tally_kind k[KH_TALLY_KINDS];
};
void kh_tally_add(struct kh_tally *t, const char *kind);
/* The kinds, most first, as "404 3, timeout 1" into buf (cut to size);
 * returns how many kinds there are (0: buf is ""). */
size_t kh_tally_format(struct kh_tally *t, char *buf, size_t size);

/* url.c: the canonical form of a URL (docs/records.md, "Canonical
 * URLs") and the site it belongs to.  A program that calls these links
 * ICU and libpsl: icu-uc and libpsl in its NAME_PKGS.  The handle holds
 * the buffers (no allocation a URL once they have grown) and the last
 * base in canonical form; one handle a thread. */
#define KH_URL_MAX 8192		/* the longest canonical form, in bytes */
struct kh_url;
struct kh_url *kh_url_new(void);
void kh_url_free(struct kh_url *u);
/* The canonical form of ref (reflen bytes; need not be NUL-terminated)
 * resolved against base (an absolute URL, NUL-terminated; NULL when ref
 * must be absolute).  Returns the form, NUL-terminated, valid until the
 * next call with u, its length in *len; or NULL with *err a static
 * message ("not an http or https URL", "no host", "longer than 8192
 * bytes", ...).  A bad base matters only to a ref that needs it ("bad
 * base URL"). */
const char *kh_url_canon(struct kh_url *u, const char *ref, size_t reflen,
	const char *base, size_t *len, const char **err);
/* The registered domain (eTLD+1, by the Public Suffix List) of the host
 * of an absolute URL, lower case, valid until the next call with u:
 * "bangla.bdnews24.com" -> "bdnews24.com", "www.dhaka.gov.bd" ->
 * "dhaka.gov.bd"; the host itself for an IP address or a public suffix
 * ("localhost"); NULL when there is no host.  For same-site tests.  It
 * does not touch kh_url_canon()'s result. */
const char *kh_url_site(struct kh_url *u, const char *url, size_t *len);

/* progress.c: the --progress line on a terminal. */
void kh_progress_start(void);
void kh_progress_tick(void);
void kh_progress_clear(void);
void kh_progress_end(void);
/* A program whose progress is not records in, records out (fetch's
 * transfers) prints its own line after "prog: "; secs since the start. */
void kh_progress_line(void (*fn)(FILE *f, double secs));

/* bnword.c: Bengali words without ICU.
 * Case suffixes and particles of Bengali names (-এর, -কে, -তে, ...),
 * longest first, NFC.  suffix_strip() gives the lengths (bytes) of the
 * stems of key that a suffix leaves, longest stem first, stems of at
 * least two letters; returns how many (at most max). */
int suffix_strip(const char *key, size_t klen, size_t *stems, int max);
/* Whether the suffix that stem length n leaves on key is one a name
 * rarely ends in by itself (-এর, -কে, -দের): safe to strip from a name
 * no list knows. */
int suffix_sure(const char *key, size_t klen, size_t n);
/* A word as store find compares words: ASCII letters in lower case and
 * Bengali as NFC has it (ড় ঢ় য় as letter and nukta, ো ৌ as one code
 * point), written to out (room for 2 * n bytes); its length. */
size_t kh_word_fold(const char *s, size_t n, char *out);

#endif
