/*
 * parse: libxml2's bare HTML parse of each record's html, and nothing
 * else: the speed anchor bench/clean.sh measures clean against.
 */
#include <libxml/HTMLparser.h>

#include "khobor.h"

static unsigned long nodes;	/* keeps the work from being optimised out */

static void
parse(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	struct json_object *html;
	xmlDoc *doc;

	(void)pos;
	(void)arg;
	if (!json_object_object_get_ex(rec, "html", &html))
		return;
	doc = htmlReadMemory(json_object_get_string(html),
	    json_object_get_string_len(html), NULL, "UTF-8",
	    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
	    HTML_PARSE_COMPACT | HTML_PARSE_RECOVER);
	if (doc != NULL && xmlDocGetRootElement(doc) != NULL)
		nodes++;
	xmlFreeDoc(doc);
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
