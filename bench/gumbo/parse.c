/*
 * parse.c: gumbo's bare parse of each record's html, and nothing else:
 * the anchor of option (a) in bench/gumbo.sh, as bench/parse.c is
 * libxml2's.
 */
#include <gumbo.h>
#include "khobor.h"

static unsigned long nodes;	/* keeps the work from being optimised out */

static void
parse(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	struct json_object *html;
	GumboOutput *out;

	(void)pos;
	(void)arg;
	if (!json_object_object_get_ex(rec, "html", &html))
		return;
	out = gumbo_parse_with_options(&kGumboDefaultOptions,
	    json_object_get_string(html), json_object_get_string_len(html));
	if (out != NULL && out->root != NULL)
		nodes++;
	gumbo_destroy_output(&kGumboDefaultOptions, out);
}

int
main(int argc, char **argv)
{
	static const struct kh_cli cli = {
		.usage = "[-hq] [file ...]",
		.shortopts = "",
	};
	int i = kh_options(argc, argv, &cli);

	rec_loop(argv + i, parse, NULL);
	return rec_exit();
}
