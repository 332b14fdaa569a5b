/*
 * xml.c: reading untrusted, often broken XML safely and leniently.
 *
 * Safe: libxml2 never goes to the network or a file (XML_PARSE_NONET,
 * and an entity loader that refuses everything), loads no DTD,
 * substitutes no entity (no XML_PARSE_NOENT) and does no XInclude.  On
 * top of that xml_fix() leaves no reference to any entity but the five
 * XML predefines, so neither an external entity (XXE) nor a tower of
 * them (billion laughs) is ever expanded: each is text.
 *
 * Lenient: what real feeds get wrong and a reader can mend, xml_fix()
 * mends before libxml2 sees it (a bare &, an HTML entity like &nbsp;,
 * a control character); libxml2 recovers from the rest
 * (XML_PARSE_RECOVER), and the body is taken as the UTF-8 it is
 * whatever its declaration says (XML_PARSE_IGNORE_ENC).  xml_report()
 * then says on one line what was wrong.
 */
#define _GNU_SOURCE	/* memmem */
#include <stdlib.h>
#include <string.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "links.h"

static xmlParserInputPtr
refuse(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

static void
quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* What libxml2 said about the source being read. */
static struct {
	unsigned long n;
	int line;
	char first[160];
} errs;

static void
collect(void *ctx, xmlErrorPtr e)
{
	size_t k;

	(void)ctx;
	if (e == NULL || e->level < XML_ERR_ERROR)
		return;
	if (errs.n++ == 0 && e->message != NULL) {
		errs.line = e->line;
		snprintf(errs.first, sizeof errs.first, "%s", e->message);
		k = strlen(errs.first);
		while (k > 0 && (errs.first[k - 1] == '\n' ||
		    errs.first[k - 1] == ' '))
			errs.first[--k] = '\0';
	}
}

void
xml_init(void)
{
	static int done;

	if (done++)
		return;
	xmlInitParser();
	xmlSetExternalEntityLoader(refuse);
	xmlSetGenericErrorFunc(NULL, quiet);
	xmlSetStructuredErrorFunc(NULL, collect);
	/* no DTD is ever loaded or validated against */
	xmlLoadExtDtdDefaultValue = 0;
	xmlSubstituteEntitiesDefault(0);
}

int
xml_options(void)
{
	return XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING | XML_PARSE_IGNORE_ENC | XML_PARSE_NOCDATA |
	    XML_PARSE_COMPACT;
}

void
xml_errors_begin(void)
{
	xml_init();
	errs.n = 0;
	errs.line = 0;
	errs.first[0] = '\0';
}

unsigned long
xml_errors(void)
{
	return errs.n;
}

void
xml_report(const struct source *s, const struct xml_fixes *fx,
    const char *what)
{
	char msg[512];
	size_t n = 0;

#define SAY(...) do { \
	if (n < sizeof msg) \
		n += snprintf(msg + n, sizeof msg - n, __VA_ARGS__); \
} while (0)
	if (fx->amp)
		SAY("%s%lu bare &", n ? ", " : "", fx->amp);
	if (fx->entity)
		SAY("%s%lu HTML entit%s", n ? ", " : "", fx->entity,
		    fx->entity == 1 ? "y" : "ies");
	if (fx->undefined)
		SAY("%s%lu reference%s to undefined entities (&%s; first) "
		    "kept as text", n ? ", " : "", fx->undefined,
		    fx->undefined == 1 ? "" : "s", fx->first_entity);
	if (fx->control)
		SAY("%s%lu control character%s", n ? ", " : "", fx->control,
		    fx->control == 1 ? "" : "s");
	if (errs.n)
		SAY("%s%lu XML error%s, the first at line %d: %s",
		    n ? ", " : "", errs.n, errs.n == 1 ? "" : "s", errs.line,
		    errs.first);
#undef SAY
	if (n > 0)
		src_warn(s, "broken %s, read leniently: %s", what, msg);
}

/* --- the mending ------------------------------------------------------ */

static int
name_start(int c)
{
	return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

static int
name_char(int c)
{
	return name_start(c) || (c >= '0' && c <= '9') || c == '.' ||
	    c == '-' || c == '_';
}

/* A character reference &#...; to a character XML allows? */
static int
good_charref(const char *s, size_t n)
{
	unsigned long c = 0;
	size_t i = 2;
	int hex = n > 3 && (s[2] == 'x' || s[2] == 'X');

	if (hex)
		i++;
	if (i >= n - 1)
		return 0;
	for (; i < n - 1; i++) {
		int d = s[i];

		if (d >= '0' && d <= '9')
			d -= '0';
		else if (hex && (d | 0x20) >= 'a' && (d | 0x20) <= 'f')
			d = (d | 0x20) - 'a' + 10;
		else
			return 0;
		c = c * (hex ? 16 : 10) + d;
		if (c > 0x10ffff)
			return 0;
	}
	return c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 &&
	    c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) || c >= 0x10000;
}

/* Where the construct starting at s[i] (after "<!--", "<![CDATA[",
 * "<?") ends: just past its closing mark, or len. */
static size_t
skip_to(const char *s, size_t len, size_t i, const char *end)
{
	const char *e = memmem(s + i, len - i, end, strlen(end));

	return e ? (size_t)(e - s) + strlen(end) : len;
}

const char *
xml_fix(const char *s, size_t len, size_t *outlen, struct xml_fixes *fx)
{
	static unsigned char special[256];
	struct buf out = { 0 };
	size_t i = 0, done = 0, k;

	memset(fx, 0, sizeof(*fx));
	if (!special['&']) {
		for (k = 0; k < 0x20; k++)
			special[k] = k != '\t' && k != '\n' && k != '\r';
		special['&'] = special['<'] = 1;
	}
#define FLUSH(upto) do { \
	buf_add(&out, s + done, (upto) - done); \
} while (0)
	while (i < len) {
		unsigned char c;

		while (i < len && !special[(unsigned char)s[i]])
			i++;
		if (i == len)
			break;
		c = s[i];
		if (c == '<') {
			if (i + 3 < len && s[i + 1] == '!' && s[i + 2] == '-' &&
			    s[i + 3] == '-')
				i = skip_to(s, len, i + 4, "-->");
			else if (i + 8 < len && memcmp(s + i, "<![CDATA[", 9) ==
			    0)
				i = skip_to(s, len, i + 9, "]]>");
			else if (i + 1 < len && s[i + 1] == '?')
				i = skip_to(s, len, i + 2, "?>");
			else
				i++;
			continue;
		}
		if (c != '&') {
			FLUSH(i);
			buf_add(&out, " ", 1);
			done = ++i;
			fx->control++;
			continue;
		}
		/* &name; &#123; &#x1F; or a bare & */
		k = i + 1;
		if (k < len && s[k] == '#') {
			k++;
			while (k < len && k - i < 12 && name_char(s[k]))
				k++;
			if (k < len && s[k] == ';' &&
			    good_charref(s + i, k - i + 1)) {
				i = k + 1;
				continue;
			}
		} else if (k < len && name_start(s[k])) {
			while (k < len && k - i < 40 && name_char(s[k]))
				k++;
			if (k < len && s[k] == ';') {
				size_t n = k - i - 1;
				char name[40];
				const htmlEntityDesc *e;

				memcpy(name, s + i + 1, n);
				name[n] = '\0';
				if (strcmp(name, "amp") == 0 ||
				    strcmp(name, "lt") == 0 ||
				    strcmp(name, "gt") == 0 ||
				    strcmp(name, "quot") == 0 ||
				    strcmp(name, "apos") == 0) {
					i = k + 1;
					continue;
				}
				FLUSH(i);
				if ((e = htmlEntityLookup((xmlChar *)name)) !=
				    NULL) {
					xmlChar u[8];
					int m = xmlCopyChar(0, u, e->value);

					buf_add(&out, (char *)u, m);
					done = i = k + 1;
					fx->entity++;
					continue;
				}
				/* an entity of the document's DTD, or of no
				 * one: text, never expanded */
				if (fx->undefined++ == 0)
					snprintf(fx->first_entity,
					    sizeof fx->first_entity, "%s",
					    name);
				buf_add(&out, "&amp;", 5);
				done = i = i + 1;
				continue;
			}
		}
		FLUSH(i);
		buf_add(&out, "&amp;", 5);
		done = ++i;
		fx->amp++;
	}
#undef FLUSH
	if (out.s == NULL) {
		*outlen = len;
		return s;
	}
	buf_add(&out, s + done, len - done);
	fx->copy = out.s;
	*outlen = out.len;
	return out.s;
}

/* --- text of a node ------------------------------------------------- */

static void
text_of(xmlNode *n, struct buf *b, size_t max, int depth)
{
	for (; n != NULL && b->len < max; n = n->next) {
		if (n->type == XML_TEXT_NODE ||
		    n->type == XML_CDATA_SECTION_NODE) {
			const char *t = (const char *)n->content;
			size_t k = t ? strlen(t) : 0;

			if (k > max - b->len) {
				k = max - b->len;
				while (k > 0 && (t[k] & 0xc0) == 0x80)
					k--;	/* a whole code point */
			}
			buf_add(b, t, k);
		} else if (n->type == XML_ELEMENT_NODE && depth < 64) {
			text_of(n->children, b, max, depth + 1);
		}
	}
}

size_t
xml_text(xmlNode *n, char *out, size_t max)
{
	static struct buf b;
	size_t i = 0, j;

	b.len = 0;
	if (n == NULL || max == 0)
		return 0;
	text_of(n->children, &b, max - 1, 0);
	/* trimmed; inner white space is emit.c's to collapse */
	while (i < b.len && (b.s[i] == ' ' || b.s[i] == '\n' ||
	    b.s[i] == '\t' || b.s[i] == '\r'))
		i++;
	j = b.len;
	while (j > i && (b.s[j - 1] == ' ' || b.s[j - 1] == '\n' ||
	    b.s[j - 1] == '\t' || b.s[j - 1] == '\r'))
		j--;
	memcpy(out, b.s + i, j - i);
	out[j - i] = '\0';
	return j - i;
}
