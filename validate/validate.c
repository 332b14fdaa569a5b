/*
 * validate: check records against docs/records.md.
 *
 * Reads records and reports each problem as "validate: FILE:LINE: field:
 * problem".  With -p it also writes the records that passed, so it can
 * stand between two stages of a pipeline.
 */
#include <stdio.h>

#include "khobor.h"
#include "check.h"

static int pass;	/* -p: write the good records to stdout */

static void
report(void *arg, const char *field, const char *msg)
{
	rec_bad(arg, "%s: %s", field, msg);
}

/* json-c reads a few forms JSON lacks (a name in single quotes, a raw
 * tab in a string...): khobor's stages never write them, and a stage of
 * one's own must not either. */
static int
strict_json(const struct rec_pos *pos)
{
	static struct rec_members m;
	const char *err, *text;
	char msg[160];
	size_t tlen;
	long at;

	if (rec_scan_members(pos->text, pos->len, 0, &err, &at, &text, &tlen,
	    &m) != 1 || m.lax == NULL)
		return 0;
	snprintf(msg, sizeof(msg), "not JSON, though json-c reads it: %s",
	    m.lax);
	report((void *)pos, "(line)", msg);
	return -1;
}

static void
validate(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	int bad = strict_json(pos);

	(void)arg;
	if (check_record(rec, report, (void *)pos) == 0 && !bad && pass)
		rec_write(rec);
}

static void
option(int c, char *arg)
{
	(void)arg;
	if (c == 'p')
		pass = 1;
	else
		kh_usage();
}

int
main(int argc, char **argv)
{
	static const struct kh_cli cli = {
		.usage = "[-hpq] [--max-line size] [--max-values n] "
		    "[--progress] [--strict] [--version] [file ...]",
		.help = "  -p                write the records that pass to "
		    "stdout\n",
		.shortopts = "p",
		.opt = option,
	};
	int i = kh_options(argc, argv, &cli);

	kh_run.skipped_word = "invalid";
	rec_loop(argv + i, validate, NULL);
	return rec_exit();
}
