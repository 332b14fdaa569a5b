/*
 * warc-export: records (files or stdin) as a .warc.gz on stdout, through
 * store/warc.c.  A driver for tests/warc.t until store has its command.
 */
#include "khobor.h"
#include "../store/warc.h"

static void
put(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	int r = warc_write(arg, rec);

	if (r < 0)
		kh_die("write error on standard output:");
	if (r > 0)
		rec_bad(pos, "no url; skipped");
}

int
main(int argc, char **argv)
{
	static const struct kh_cli cli = {
		.usage = "[-hq] [--max-line size] [--progress] [--strict] "
		    "[--version] [file ...]",
		.shortopts = "",
	};
	int i = kh_options(argc, argv, &cli);
	struct warc *w;

	if ((w = warc_open(stdout, NULL)) == NULL)
		kh_die("write error on standard output:");
	rec_loop(argv + i, put, w);
	if (warc_close(w) < 0)
		kh_die("write error on standard output:");
	return rec_exit();
}
