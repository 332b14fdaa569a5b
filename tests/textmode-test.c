/*
 * textmode-test: clean's text mode and dateline parser alone, for the
 * tests and bench/clean-text-eval.sh.
 *
 *   textmode-test		text on stdin, the article lines out
 *   textmode-test -n		the numbers (from 1) of the lines kept
 *   textmode-test -v		every line: kept (+/-), code points, stop
 *				density, the line
 *   textmode-test -d		one string a line, "kind<TAB>iso" for each
 *				(kind none, published or modified)
 *   textmode-test -s		one string a line, its stop density
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "khobor.h"
#include "../clean/textmode.h"
#include "../clean/dateline.h"

static char *
slurp(size_t *len)
{
	size_t cap = 1 << 16, n = 0;
	char *buf = kh_malloc(cap);
	ssize_t k;

	for (;;) {
		if (n == cap)
			buf = kh_realloc(buf, cap *= 2);
		k = read(0, buf + n, cap - n);
		if (k == 0)
			break;
		if (k < 0)
			kh_die("standard input:");
		n += k;
	}
	*len = n;
	return buf;
}

static void
per_line(const char *buf, size_t len, int mode)
{
	static const char *const kinds[] = { "none", "published", "modified" };
	const char *p = buf, *e = buf + len, *nl;
	enum dateline_kind k;
	char iso[64];
	size_t n;

	while (p < e) {
		nl = memchr(p, '\n', e - p);
		n = nl ? (size_t)(nl - p) : (size_t)(e - p);
		if (mode == 'd') {
			k = dateline_parse(p, n, iso, sizeof iso);
			printf("%s\t%s\n", kinds[k], k ? iso : "");
		} else {
			printf("%.3f\n", text_stop_density(p, n));
		}
		p += n + 1;
	}
}

int
main(int argc, char **argv)
{
	size_t len, olen, nlines = 1, i;
	unsigned char *keep;
	const char *p;
	char *buf, *out;
	int c, mode = 0;

	kh_setprog(argv[0]);
	while ((c = getopt(argc, argv, "dnsv")) != -1) {
		if (c == '?')
			kh_die("usage: textmode-test [-d | -n | -s | -v] < text");
		mode = c;
	}
	buf = slurp(&len);
	if (mode == 'd' || mode == 's') {
		per_line(buf, len, mode);
	} else {
		for (i = 0; i < len; i++)
			nlines += buf[i] == '\n';
		keep = kh_malloc(nlines);
		out = text_article(buf, len, &olen, keep);
		if (mode == 0) {
			fwrite(out, 1, olen, stdout);
			if (olen > 0)
				putchar('\n');
		}
		for (i = 0, p = buf; i < nlines; i++) {
			const char *nl = memchr(p, '\n', len - (p - buf));
			size_t n = nl ? (size_t)(nl - p) : len - (p - buf);

			if (mode == 'n' && keep[i])
				printf("%zu\n", i + 1);
			else if (mode == 'v' && n > 0)
				printf("%c %4zu %.2f %.*s\n", keep[i] ? '+' : '-',
				    n, text_stop_density(p, n), (int)n, p);
			p += n + 1;
		}
		free(out);
		free(keep);
	}
	free(buf);
	if (fflush(stdout) == EOF || ferror(stdout))
		kh_die("standard output:");
	return 0;
}
