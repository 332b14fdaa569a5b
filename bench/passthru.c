/*
 * passthru: the record layer alone, parse and write back each record.
 * The cost every stage pays before doing its own work; bench/records.sh
 * measures it and the tests use it to pin the layer's behaviour.
 */
#include "khobor.h"

static void
put(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	(void)pos, (void)arg;
	rec_write(rec);
}

int
main(int argc, char **argv)
{
	static const struct kh_cli cli = {
		.usage = "[-hq] [--max-line size] [--max-values n] "
		    "[--progress] [--strict] [--version] [file ...]",
		.shortopts = "",
	};
	int i = kh_options(argc, argv, &cli);

	rec_loop(argv + i, put, NULL);
	return rec_exit();
}
