/*
 * doc.c: option (a) of issue 16, for measuring only: the page's tree
 * built by gumbo (Google's HTML5 tree builder, libgumbo-dev) and copied
 * into a libxml2 document, so that clean's extractor runs on it
 * unchanged.  bench/gumbo.sh builds clean's sources with
 * -DhtmlReadMemory=gumbo_read_memory and links this in.
 */
#include <string.h>
#include <gumbo.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>

xmlDoc *gumbo_read_memory(const char *, int, const char *, const char *,
    int);

/* e's tag name, lowercase; an unknown tag by its original text. */
static void
tag_name(const GumboElement *e, char *buf, size_t sz)
{
	GumboStringPiece p;
	size_t i;

	if (e->tag != GUMBO_TAG_UNKNOWN) {
		const char *s = gumbo_normalized_tagname(e->tag);

		for (i = 0; s[i] != '\0' && i + 1 < sz; i++)
			buf[i] = s[i];
		buf[i] = '\0';
		return;
	}
	p = e->original_tag;
	gumbo_tag_from_original_text(&p);
	for (i = 0; i < p.length && i + 1 < sz; i++) {
		char c = p.data[i];

		buf[i] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	buf[i] = '\0';
	if (i == 0 && sz > 4)
		memcpy(buf, "span", 5);
}

static void
copy_attrs(xmlNode *x, const GumboVector *attrs)
{
	for (unsigned j = 0; j < attrs->length; j++) {
		const GumboAttribute *a = attrs->data[j];

		xmlNewProp(x, (const xmlChar *)a->name,
		    (const xmlChar *)a->value);
	}
}

static void
copy_children(xmlDoc *doc, xmlNode *to, const GumboVector *kids)
{
	for (unsigned i = 0; i < kids->length; i++) {
		const GumboNode *g = kids->data[i];
		xmlNode *x = NULL;
		char name[64];

		switch (g->type) {
		case GUMBO_NODE_ELEMENT:
		case GUMBO_NODE_TEMPLATE:
			tag_name(&g->v.element, name, sizeof name);
			x = xmlNewDocNode(doc, NULL, (const xmlChar *)name,
			    NULL);
			copy_attrs(x, &g->v.element.attributes);
			xmlAddChild(to, x);
			copy_children(doc, x, &g->v.element.children);
			break;
		case GUMBO_NODE_TEXT:
		case GUMBO_NODE_WHITESPACE:
		case GUMBO_NODE_CDATA:
			xmlAddChild(to, xmlNewDocText(doc,
			    (const xmlChar *)g->v.text.text));
			break;
		case GUMBO_NODE_COMMENT:
			xmlAddChild(to, xmlNewDocComment(doc,
			    (const xmlChar *)g->v.text.text));
			break;
		default:
			break;
		}
	}
}

/* htmlReadMemory's signature: the page as gumbo builds it. */
xmlDoc *
gumbo_read_memory(const char *buf, int len, const char *url,
    const char *enc, int opts)
{
	GumboOutput *out;
	xmlDoc *doc;
	xmlNode *root;
	char name[64];

	(void)url;
	(void)enc;
	(void)opts;
	if ((out = gumbo_parse_with_options(&kGumboDefaultOptions, buf,
	    (size_t)len)) == NULL)
		return NULL;
	doc = htmlNewDocNoDtD(NULL, NULL);
	tag_name(&out->root->v.element, name, sizeof name);
	root = xmlNewDocNode(doc, NULL, (const xmlChar *)name, NULL);
	xmlDocSetRootElement(doc, root);
	copy_attrs(root, &out->root->v.element.attributes);
	copy_children(doc, root, &out->root->v.element.children);
	gumbo_destroy_output(&kGumboDefaultOptions, out);
	return doc;
}
