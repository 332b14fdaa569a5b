/*
 * scan-test: rec_scan() (lib/scan.c) against rec_parse() over a file of
 * cases, in TAP; or, with --bench, the speed of both over a file of
 * records.
 *
 *   scan-test CASES
 *   scan-test --bench FILE
 *   scan-test --loop | --loop-text [--strict] [file ...]
 *
 * A case is one line, "EXPECT<tab>LINE": LINE is given to both, as a
 * file's first line and as a later one, and they must agree (verdict,
 * and the text of a record).  EXPECT is what rec_scan() says of it as
 * a first line: "-" (only agree), "ok" (a record in strict JSON), "lax"
 * (a record in a form json-c reads and JSON lacks: rec_scan_strict()
 * must write it anew, strict, with json-c's tree), "blank", or "AT
 * MESSAGE" for a bad line.  In LINE, %XX stands for the byte of hex XX, %% for '%'.
 * Lines starting with '#' and empty lines are comments.
 *
 * --loop and --loop-text run rec_loop() or rec_loop_text() over the
 * files and print each record's place and text: the two must print,
 * report and exit alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "khobor.h"
#include "members.h"
#include "tap.h"

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f')
		return (c | 0x20) - 'a' + 10;
	return -1;
}

/* %XX and %% decoded in place; the new length. */
static size_t
decode(char *s, size_t len)
{
	size_t i, o = 0;

	for (i = 0; i < len; i++) {
		if (s[i] == '%' && i + 1 < len && s[i + 1] == '%') {
			s[o++] = '%';
			i++;
		} else if (s[i] == '%' && i + 2 < len && hexval(s[i + 1]) >= 0 &&
		    hexval(s[i + 2]) >= 0) {
			s[o++] = (char)(hexval(s[i + 1]) << 4 | hexval(s[i + 2]));
			i += 2;
		} else {
			s[o++] = s[i];
		}
	}
	return o;
}

/* rec_parse() and rec_scan_members() say the same of the line, and
 * the members are the record's. */
static int
agree(struct rec_parser *p, const char *s, size_t len, int first)
{
	static struct rec_members m;
	struct json_object *obj;
	const char *e1, *e2, *t1, *t2, *why = NULL;
	size_t l1, l2;
	long a1, a2;
	int v1, v2;

	obj = rec_parse(p, s, len, first, &e1, &a1);
	t1 = rec_parsed_text(p, &l1);
	v1 = obj != NULL ? 1 : e1 != NULL ? -1 : 0;
	v2 = rec_scan_members(s, len, first, &e2, &a2, &t2, &l2, &m);
	if (v1 == 1 && v2 == 1)
		why = members_differ(obj, t2, l2, &m);
	json_object_put(obj);
	if (v1 == v2 && (v1 != 1 || (t1 == t2 && l1 == l2)) && why == NULL)
		return 1;
	printf("# %s line: rec_parse %d (%s at %ld), rec_scan %d (%s at "
	    "%ld)%s%s\n", first ? "first" : "later", v1, e1 ? e1 : "-", a1, v2,
	    e2 ? e2 : "-", a2, why ? ": " : "", why ? why : "");
	return 0;
}

/* A lax line written anew: strict, and json-c's tree is the same. */
static int
anew(struct rec_parser *p, const char *s, size_t len)
{
	static struct rec_members m;
	struct json_object *a, *b = NULL;
	const char *err, *text;
	size_t tlen;
	long at;
	int v, same;

	a = rec_parse(p, s, len, 1, &err, &at);
	v = rec_scan_strict(s, len, 1, &err, &at, &text, &tlen, &m);
	if (v == 1 && !m.lax)
		b = rec_parse(p, text, tlen, 0, &err, &at);
	same = a != NULL && b != NULL && json_object_equal(a, b);
	if (!same)
		printf("# written anew: %d %s: %.*s\n", v, m.lax ? "lax" :
		    "strict", v == 1 ? (int)tlen : 0, v == 1 ? text : "");
	json_object_put(a);
	json_object_put(b);
	return same;
}

/* Does rec_scan() say of the line what expect says? */
static int
expected(struct rec_parser *p, const char *expect, const char *s,
    size_t len)
{
	static struct rec_members m;
	const char *err, *text;
	char *end;
	size_t tlen;
	long at, want;
	int v;

	v = rec_scan_members(s, len, 1, &err, &at, &text, &tlen, &m);
	if (strcmp(expect, "-") == 0)
		return 1;
	if (strcmp(expect, "ok") == 0 && v == 1 && !m.lax)
		return 1;
	if (strcmp(expect, "lax") == 0 && v == 1 && m.lax)
		return anew(p, s, len);
	if (strcmp(expect, "blank") == 0 && v == 0)
		return 1;
	want = strtol(expect, &end, 10);
	if (v < 0 && end != expect && *end == ' ' && want == at &&
	    strcmp(end + 1, err) == 0)
		return 1;
	printf("# want: %s\n# got:  %d %ld %s", expect, v, at,
	    err ? err : "-");
	if (v == 1 && m.lax)
		printf(" (lax: %s)", m.lax);
	printf("\n");
	return 0;
}

static int
cases(const char *path)
{
	struct rec_parser *p = rec_parser_new();
	unsigned long lineno = 0;
	char *line = NULL, *tab;
	size_t cap = 0, len;
	ssize_t got;
	FILE *f;

	if ((f = fopen(path, "r")) == NULL)
		kh_die("%s:", path);
	while ((got = getline(&line, &cap, f)) >= 0) {
		lineno++;
		len = got;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len == 0 || line[0] == '#')
			continue;
		if ((tab = memchr(line, '\t', len)) == NULL)
			kh_die("%s:%lu: no tab after what is expected", path,
			    lineno);
		*tab++ = '\0';
		len = decode(tab, len - (tab - line));
		tap_ok(agree(p, tab, len, 1) && agree(p, tab, len, 0) &&
		    expected(p, line, tab, len), "line %lu: %s", lineno, line);
	}
	if (ferror(f))
		kh_die("%s: read error", path);
	fclose(f);
	free(line);
	rec_parser_free(p);
	return tap_exit();
}

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

static int
by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

/* One pass of rec_parse() (p) or rec_scan() (p NULL) over buf: MB/s. */
static double
pass(struct rec_parser *p, const char *buf, size_t size,
    unsigned long *records)
{
	const char *s = buf, *e = buf + size, *nl, *err, *text;
	struct json_object *obj;
	size_t len, tlen;
	double t = now();
	long at;

	*records = 0;
	for (; s < e; s += len + 1) {
		nl = memchr(s, '\n', e - s);
		len = nl != NULL ? (size_t)(nl - s) : (size_t)(e - s);
		if (p != NULL) {
			obj = rec_parse(p, s, len, s == buf, &err, &at);
			*records += obj != NULL;
			json_object_put(obj);
		} else {
			*records += rec_scan(s, len, s == buf, &err, &at,
			    &text, &tlen) == 1;
		}
	}
	return size / (now() - t) / 1e6;
}

static int
bench(const char *path)
{
	struct rec_parser *p = rec_parser_new();
	size_t size = 0, cap = 1 << 20, got;
	double mbs[2][5];
	unsigned long recs[2];
	char *buf = kh_malloc(cap);
	FILE *f;

	if ((f = fopen(path, "r")) == NULL)
		kh_die("%s:", path);
	while ((got = fread(buf + size, 1, cap - size, f)) > 0)
		if ((size += got) == cap)
			buf = kh_realloc(buf, cap *= 2);
	if (ferror(f))
		kh_die("%s: read error", path);
	fclose(f);
	for (int i = 0; i < 5; i++) {
		mbs[0][i] = pass(NULL, buf, size, &recs[0]);
		mbs[1][i] = pass(p, buf, size, &recs[1]);
	}
	qsort(mbs[0], 5, sizeof(double), by_value);
	qsort(mbs[1], 5, sizeof(double), by_value);
	printf("%s: %.1f MB, median of 5\n", path, size / 1e6);
	printf("rec_scan:  %6.0f MB/s (%lu records)\n", mbs[0][2], recs[0]);
	printf("rec_parse: %6.0f MB/s (%lu records)\n", mbs[1][2], recs[1]);
	free(buf);
	rec_parser_free(p);
	if (recs[0] != recs[1])
		kh_die("rec_scan and rec_parse disagree on the records");
	return 0;
}

static void
print_text(const struct rec_pos *pos, void *arg)
{
	(void)arg;
	printf("%s:%lu: %.*s\n", pos->file, pos->line, (int)pos->len,
	    pos->text);
}

static void
print_record(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	(void)rec;
	print_text(pos, arg);
}

static int
loop(int argc, char **argv, int text)
{
	static const struct kh_cli cli = {
		.usage = "--loop | --loop-text [--strict] [file ...]",
		.shortopts = "",
	};
	int i = kh_options(argc, argv, &cli);

	if (text)
		rec_loop_text(argv + i, print_text, NULL);
	else
		rec_loop(argv + i, print_record, NULL);
	return rec_exit();
}

int
main(int argc, char **argv)
{
	int text;

	if (argc >= 2 && (strcmp(argv[1], "--loop") == 0 ||
	    strcmp(argv[1], "--loop-text") == 0)) {
		text = strcmp(argv[1], "--loop-text") == 0;
		argv[1] = argv[0];	/* the name kh_options() takes */
		return loop(argc - 1, argv + 1, text);
	}
	kh_setprog(argv[0]);
	if (argc == 3 && strcmp(argv[1], "--bench") == 0)
		return bench(argv[2]);
	if (argc == 2 && argv[1][0] != '-')
		return cases(argv[1]);
	kh_die("usage: scan-test cases | --bench file | --loop[-text] "
	    "[--strict] [file ...]");
}
