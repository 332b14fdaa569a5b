/*
 * robots-test: fetch's robots.txt parser and matcher (fetch/robots.c)
 * on a file, for tests/robots.t.
 *
 *   robots-test [-t] [-a agent] [-p pathfile] robots.txt [path ...]
 *
 * Prints "allow PATH" or "disallow PATH" for each path (the arguments,
 * then each line of pathfile: a path too long for an argument), then
 * "delay D" (the Crawl-delay, -1 for none).  -t adds to stderr the CPU
 * seconds the parse and the questions took and the peak memory in KiB,
 * as "robots-test: cpu S maxrss K".  The agent is "khobor" unless -a names another.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include "khobor.h"
#include "slurp.h"
#include "../fetch/robots.h"

static double
cpu_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static double spent;

static void
ask(const struct robots *r, const char *path)
{
	double t0 = cpu_now();
	int a = robots_allowed(r, path);

	spent += cpu_now() - t0;
	printf("%s %s\n", a ? "allow" : "disallow", path);
}

int
main(int argc, char **argv)
{
	const char *agent = "khobor", *pathfile = NULL;
	struct robots *r;
	struct rusage ru;
	int c, timing = 0;
	size_t len;
	double t0;
	char *txt;

	kh_setprog(argv[0]);
	while ((c = getopt(argc, argv, "a:p:t")) != -1) {
		switch (c) {
		case 'a':
			agent = optarg;
			break;
		case 'p':
			pathfile = optarg;
			break;
		case 't':
			timing = 1;
			break;
		default:
			goto usage;
		}
	}
	if (optind >= argc)
		goto usage;
	txt = slurp(argv[optind++], &len);
	t0 = cpu_now();
	r = robots_parse(txt, len, agent);
	spent += cpu_now() - t0;
	for (; optind < argc; optind++)
		ask(r, argv[optind]);
	if (pathfile != NULL) {
		char *line = NULL;
		size_t cap = 0;
		ssize_t n;
		FILE *f;

		if ((f = fopen(pathfile, "r")) == NULL)
			kh_die("%s:", pathfile);
		while ((n = getline(&line, &cap, f)) > 0) {
			if (line[n - 1] == '\n')
				line[n - 1] = '\0';
			ask(r, line);
		}
		free(line);
		fclose(f);
	}
	printf("delay %g\n", robots_delay(r));
	robots_free(r);
	free(txt);
	if (timing) {
		getrusage(RUSAGE_SELF, &ru);
		kh_warn("cpu %.3f maxrss %ld", spent, ru.ru_maxrss);
	}
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 2;
usage:
	kh_warn("usage: robots-test [-t] [-a agent] [-p pathfile] "
	    "robots.txt [path ...]");
	return 2;
}
