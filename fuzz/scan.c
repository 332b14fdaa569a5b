/*
 * scan.c: libFuzzer target for rec_scan() (lib/scan.c), differential:
 * each line of the input goes to rec_scan() and to rec_parse(), the
 * first line as a file's first (a BOM is dropped there).
 *
 * What must hold:
 * - both say the same of the line: a record, blank, or bad;
 * - for a record, rec_scan()'s text is rec_parsed_text()'s, and the
 *   members rec_scan_members() finds are json-c's (tests/members.c);
 * - a record flagged lax (a form json-c reads and JSON lacks) comes
 *   back from rec_scan_strict() written anew: a record, not lax, with
 *   json-c's tree of the line;
 * - for a bad line, an offset within the line (or -1) and a message;
 *   where rec_parse() found a NUL byte, invalid UTF-8, JSON that is
 *   not an object or more values than --max-values, rec_scan() says the
 *   same at the same offset (one line in four has a limit of 1 to 40,
 *   so that the count is held to it often);
 * - nothing reads out of bounds (ASan, UBSan).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "../tests/members.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static _Noreturn void
broken(const char *what, const char *line, size_t len, const char *e1,
    long at1, const char *e2, long at2)
{
	kh_warn("%s: %.*s", what, len > 512 ? 512 : (int)len, line);
	kh_warn("rec_parse: %s at %ld", e1 ? e1 : "(none)", at1);
	kh_warn("rec_scan: %s at %ld", e2 ? e2 : "(none)", at2);
	abort();
}

/* rec_parse()'s messages that rec_scan() gives in the same cases. */
static int
same_case(const char *err)
{
	static const char *const msgs[] = {
		"NUL byte (not allowed in JSON text)",
		"invalid UTF-8",
		"a JSON array, not an object",
		"a JSON string, not an object",
		"a JSON number, not an object",
		"a JSON boolean, not an object",
		"JSON null, not an object",
	};

	for (size_t i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++)
		if (strcmp(err, msgs[i]) == 0)
			return 1;
	return strncmp(err, "record has more than ", 21) == 0;
}

/* A lax line written anew by rec_scan_strict(): NULL when it is a
 * strict record with obj's tree, else what is wrong. */
static const char *
anew(struct json_object *obj, const char *line, size_t len, int first)
{
	static struct rec_parser *p2;
	static struct rec_members m;
	struct json_object *again;
	const char *err, *text, *why = NULL;
	size_t tlen;
	long at;

	if (p2 == NULL)
		p2 = rec_parser_new();
	if (rec_scan_strict(line, len, first, &err, &at, &text, &tlen,
	    &m) != 1)
		return "rec_scan_strict cannot write a lax record anew";
	if (m.lax)
		return "rec_scan_strict wrote a lax record";
	again = rec_parse(p2, text, tlen, 0, &err, &at);
	if (again == NULL || !json_object_equal(obj, again))
		why = "rec_scan_strict changed the record";
	json_object_put(again);
	return why;
}

static void
one_line(struct rec_parser *p, const char *line, size_t len, int first)
{
	static struct rec_members m;
	struct json_object *obj;
	const char *e1, *e2, *t1, *t2, *why;
	size_t l1, l2;
	long at1, at2;
	int v1, v2;

	kh_run.max_values = len % 4 == 1 ? 1 + len / 4 % 40 :
	    REC_MAX_VALUES_DEFAULT;
	obj = rec_parse(p, line, len, first, &e1, &at1);
	v1 = obj != NULL ? 1 : e1 == NULL ? 0 : -1;
	t1 = rec_parsed_text(p, &l1);
	v2 = rec_scan_members(line, len, first, &e2, &at2, &t2, &l2, &m);
	why = v1 == 1 && v2 == 1 ? members_differ(obj, t2, l2, &m) : NULL;
	if (why == NULL && v1 == 1 && v2 == 1 && m.lax)
		why = anew(obj, line, len, first);
	json_object_put(obj);
	if (why != NULL)
		broken(why, line, len, e1, at1, e2, at2);
	if (v1 != v2)
		broken("rec_scan and rec_parse disagree", line, len, e1, at1,
		    e2, at2);
	if (v2 == 1 && (t1 != t2 || l1 != l2))
		broken("rec_scan's text is not rec_parse's", line, len, e1,
		    at1, e2, at2);
	if (v2 == 0 && e2 != NULL)
		broken("rec_scan: a message for a blank line", line, len, e1,
		    at1, e2, at2);
	if (v2 < 0 && (e2 == NULL || *e2 == '\0' || at2 < -1 ||
	    at2 > (long)len))
		broken("rec_scan: no message, or offset out of the line", line,
		    len, e1, at1, e2, at2);
	if (v2 < 0 && same_case(e1) && (strcmp(e1, e2) != 0 || at1 != at2))
		broken("rec_scan's message is not rec_parse's", line, len, e1,
		    at1, e2, at2);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct rec_parser *p;
	const char *s = (const char *)data, *e = s + size, *nl;
	char *line;
	size_t len;
	int first = 1;

	if (p == NULL)
		p = rec_parser_new();
	while (s < e) {
		nl = memchr(s, '\n', e - s);
		len = nl != NULL ? (size_t)(nl - s) : (size_t)(e - s);
		/* a copy of its exact size, so ASan sees a read past it */
		line = malloc(len > 0 ? len : 1);
		if (line == NULL)
			abort();
		memcpy(line, s, len);
		one_line(p, line, len, first);
		free(line);
		first = 0;
		s += len + 1;
	}
	return 0;
}
