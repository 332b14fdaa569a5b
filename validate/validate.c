/*
 * validate: check records against docs/records.md.
 *
 * Reads records and reports each problem as "validate: FILE:LINE: field:
 * problem".  With -p it also writes the records that passed, so it can
 * stand between two stages of a pipeline.
 */
#include "khobor.h"
#include "check.h"

static int pass;	/* -p: write the good records to stdout */

static void
report(void *arg, const char *field, const char *msg)
{
	rec_bad(arg, "%s: %s", field, msg);
}

static void
validate(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	(void)arg;
	if (check_record(rec, report, (void *)pos) == 0 && pass)
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
		.usage = "[-hpq] [--max-line size] [--progress] [--strict] "
		    "[--version] [file ...]",
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
