/*
 * parse: libxml2's bare parse of each record's html, and nothing
 * else: the speed anchor bench/clean.sh measures clean against, and
 * with -x (parsed as XML, the way links reads feeds and sitemaps)
 * bench/links.sh links.
 */
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>

#include "khobor.h"

static unsigned long nodes;	/* keeps the work from being optimised out */
static int xml;			/* -x */

static void
parse(struct json_object *rec, const struct rec_pos *pos, void *arg)
{
	struct json_object *html;
	xmlDoc *doc;

	(void)pos;
	(void)arg;
	if (!json_object_object_get_ex(rec, "html", &html))
		return;
	if (xml)
		doc = xmlReadMemory(json_object_get_string(html),
		    json_object_get_string_len(html), NULL, "UTF-8",
		    XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
		    XML_PARSE_NONET | XML_PARSE_COMPACT | XML_PARSE_RECOVER);
	else
		doc = htmlReadMemory(json_object_get_string(html),
		    json_object_get_string_len(html), NULL, "UTF-8",
		    HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
		    HTML_PARSE_NONET | HTML_PARSE_COMPACT |
		    HTML_PARSE_RECOVER);
	if (doc != NULL && xmlDocGetRootElement(doc) != NULL)
		nodes++;
	xmlFreeDoc(doc);
}

static void
option(int c, char *arg)
{
	(void)arg;
	if (c == 'x')
		xml = 1;
	else
		kh_usage();
}

int
main(int argc, char **argv)
{
	static const struct kh_cli cli = {
		.usage = "[-hqx] [file ...]",
		.help = "  -x                parse as XML, not HTML\n",
		.shortopts = "x",
		.opt = option,
	};
	int i = kh_options(argc, argv, &cli);

	rec_loop(argv + i, parse, NULL);
	return rec_exit();
}
