/*
 * charset-test: fetch's encoding sniffing and decoding (lib/charset.c)
 * alone, for tests/charset.t.
 *
 *   charset-test -l [label ...]
 *   charset-test [-c content-type | -e encoding] file
 *
 * -l prints "LABEL<tab>NAME" for each label (the arguments, else each
 * line of stdin): the encoding's name in the WHATWG Encoding Standard,
 * or "-" when the label names none.  Otherwise the file is the body of
 * a page: its encoding is found as fetch finds it (-c gives the
 * Content-Type header) or is the one -e names; "encoding NAME" is
 * printed on a line, then the body in UTF-8.  Exit 1 when there is no
 * such encoding to decode from.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "khobor.h"
#include "slurp.h"
#include "charset.h"

static void
label(const char *s, size_t len)
{
	const char *name = charset_label(s, len);

	fwrite(s, 1, len, stdout);
	printf("\t%s\n", name != NULL ? name : "-");
}

int
main(int argc, char **argv)
{
	const char *ct = NULL, *enc = NULL;
	char name[CHARSET_NAME_MAX], *body, *out;
	int c, labels = 0, ret = 0;
	size_t len, outlen;

	kh_setprog(argv[0]);
	while ((c = getopt(argc, argv, "c:e:l")) != -1) {
		switch (c) {
		case 'c':
			ct = optarg;
			break;
		case 'e':
			enc = optarg;
			break;
		case 'l':
			labels = 1;
			break;
		default:
			goto usage;
		}
	}
	if (labels && optind < argc) {
		for (; optind < argc; optind++)
			label(argv[optind], strlen(argv[optind]));
	} else if (labels) {
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;

		while ((n = getline(&line, &cap, stdin)) > 0)
			label(line, n - (line[n - 1] == '\n'));
		free(line);
	} else {
		if (optind != argc - 1)
			goto usage;
		body = slurp(argv[optind], &len);
		if (enc == NULL) {
			charset_detect(body, len, ct, name);
			enc = name;
		}
		printf("encoding %s\n", enc);
		if ((out = charset_to_utf8(body, len, enc, &outlen)) != NULL) {
			fwrite(out, 1, outlen, stdout);
			if (rec_utf8_valid((unsigned char *)out, outlen) !=
			    outlen)
				kh_die("%s: the output is not UTF-8",
				    argv[optind]);
		} else {
			ret = 1;
		}
		free(out);
		free(body);
	}
	if (fflush(stdout) != 0 || ferror(stdout))
		kh_die("stdout:");
	return ret;
usage:
	kh_warn("usage: charset-test -l [label ...] | "
	    "[-c content-type | -e encoding] file");
	return 2;
}
