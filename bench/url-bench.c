/*
 * url-bench: the speed of kh_url_canon() (lib/url.c).
 *
 *   url-bench [-p] [file]
 *
 * Reads URLs one a line (a line "BASE<tab>REF" is REF against BASE),
 * all into memory, then times kh_url_canon() over them, one handle, in
 * the order given, and prints on stderr "N URLs, R refused, S s CPU, W
 * s wall, U URLs/s": U counts CPU time, which other work on a shared
 * machine does not swell as it swells wall time.  With -p, prints each
 * canonical form (or "!" and the message) on stdout, one a line, after
 * the timing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "khobor.h"

struct item {
	size_t base, ref, reflen;	/* offsets into the text; base 0: none */
};

static double
now(clockid_t clock)
{
	struct timespec t;

	clock_gettime(clock, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

int
main(int argc, char **argv)
{
	struct item *items = NULL;
	size_t n = 0, cap = 0, tlen = 1, tcap = 1 << 20, refused = 0, len;
	char *text = kh_malloc(tcap), *line = NULL, *tab;
	const char *got, *err;
	struct kh_url *u;
	size_t lcap = 0;
	ssize_t ll;
	FILE *in = stdin;
	double t0, t1, c0, c1;
	int c, print = 0;

	kh_setprog(argv[0]);
	while ((c = getopt(argc, argv, "p")) != -1) {
		if (c != 'p')
			kh_die("usage: url-bench [-p] [file]");
		print = 1;
	}
	if (argc - optind > 1)
		kh_die("usage: url-bench [-p] [file]");
	if (optind < argc && (in = fopen(argv[optind], "r")) == NULL)
		kh_die("%s:", argv[optind]);
	/* every line NUL-terminated in one text, so the timed loop reads
	 * only memory */
	text[0] = '\0';
	while ((ll = getline(&line, &lcap, in)) > 0) {
		if (line[ll - 1] == '\n')
			line[--ll] = '\0';
		while (tlen + ll + 1 > tcap)
			text = kh_realloc(text, tcap *= 2);
		if (n == cap)
			items = kh_realloc(items, (cap = cap ? cap * 2 : 1024) *
			    sizeof *items);
		memcpy(text + tlen, line, ll + 1);
		if ((tab = strchr(text + tlen, '\t')) != NULL) {
			*tab = '\0';
			items[n].base = tlen;
			items[n].ref = tlen + (tab - (text + tlen)) + 1;
		} else {
			items[n].base = 0;
			items[n].ref = tlen;
		}
		items[n].reflen = tlen + ll - items[n].ref;
		tlen += ll + 1;
		n++;
	}
	if (ferror(in))
		kh_die("reading:");
	free(line);
	u = kh_url_new();
	t0 = now(CLOCK_MONOTONIC);
	c0 = now(CLOCK_PROCESS_CPUTIME_ID);
	for (size_t i = 0; i < n; i++)
		if (kh_url_canon(u, text + items[i].ref, items[i].reflen,
		    items[i].base ? text + items[i].base : NULL, &len,
		    &err) == NULL)
			refused++;
	c1 = now(CLOCK_PROCESS_CPUTIME_ID);
	t1 = now(CLOCK_MONOTONIC);
	kh_warn("%zu URLs, %zu refused, %.3f s CPU, %.3f s wall, %.0f URLs/s",
	    n, refused, c1 - c0, t1 - t0, n / (c1 - c0));
	for (size_t i = 0; print && i < n; i++) {
		got = kh_url_canon(u, text + items[i].ref, items[i].reflen,
		    items[i].base ? text + items[i].base : NULL, &len, &err);
		if (got != NULL)
			printf("%s\n", got);
		else
			printf("!%s\n", err);
	}
	kh_url_free(u);
	free(items);
	free(text);
	if (fflush(stdout) == EOF || ferror(stdout))
		kh_die("standard output:");
	return KH_EXIT_OK;
}
