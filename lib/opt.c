/*
 * opt.c: the options every khobor program shares, merged with the
 * program's own, parsed with getopt_long.
 */
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"

void
kh_std_fds(void)
{
	static const int mode[3] = { O_WRONLY, O_RDONLY, O_WRONLY };
	int fd, nul;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		/* open() gives the lowest free descriptor: fd itself. */
		nul = open("/dev/null", mode[fd]);
		if (nul < 0)
			_exit(KH_EXIT_ERROR);	/* nowhere to say it */
		if (nul != fd) {
			if (dup2(nul, fd) < 0)
				_exit(KH_EXIT_ERROR);
			close(nul);
		}
	}
}

#ifndef KH_VERSION
#define KH_VERSION "unknown"
#endif

static const struct option common[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "quiet", no_argument, NULL, 'q' },
	{ "strict", no_argument, NULL, KH_OPT_STRICT },
	{ "progress", no_argument, NULL, KH_OPT_PROGRESS },
	{ "max-line", required_argument, NULL, KH_OPT_MAX_LINE },
	{ "max-values", required_argument, NULL, KH_OPT_MAX_VALUES },
	{ "version", no_argument, NULL, KH_OPT_VERSION },
};
#define NCOMMON (sizeof(common) / sizeof(common[0]))
static const struct option jobs_opt = { "jobs", required_argument, NULL, 'j' };

static const char common_help[] =
    "  -h, --help        print this help and exit\n"
    "  -q, --quiet       no message for each bad record, no summary\n"
    "      --strict      stop at the first bad record (exit status 1)\n"
    "      --progress    records/s and bytes/s on stderr, if a terminal\n"
    "      --max-line N  longest input line accepted (default 64M;\n"
    "                    suffixes K, M, G)\n"
    "      --max-values N\n"
    "                    most values (strings, numbers, objects...)\n"
    "                    in one record (default 500000)\n"
    "      --version     print the version and exit\n";

#define KH_JOBS_MAX 256	/* -j: more would only fill the memory */
/* -j's default at most: a worker reserves some 72 MB of address space
 * (its stack, its malloc arena), and a program under ulimit -v 1G must
 * still run on a machine of many CPUs. */
#define KH_JOBS_DEFAULT_MAX 8

static const char jobs_help[] =
    "  -j, --jobs N      worker threads (default: the CPUs online, at\n"
    "                    most 8; 1: none, all in one thread)\n";

static const struct kh_cli *cli;

/* The usage, one line per form of the command: each line of cli->usage
 * after the program's name (the name it was run by). */
static void
print_usage(FILE *f)
{
	const char *u = cli ? cli->usage : "", *nl;

	fprintf(f, "usage: ");
	for (;;) {
		nl = strchr(u, '\n');
		fprintf(f, "%s %.*s\n", kh_prog, nl ? (int)(nl - u) :
		    (int)strlen(u), u);
		if (nl == NULL)
			break;
		u = nl + 1;
		fprintf(f, "       ");
	}
}

void
kh_usage(void)
{
	print_usage(stderr);
	exit(KH_EXIT_ERROR);
}

static _Noreturn void
help(void)
{
	print_usage(stdout);
	printf("\n%s%s%s", common_help, cli->jobs ? jobs_help : "",
	    cli->help ? cli->help : "");
	printf("\nSee %s(1) and docs/records.md.\n", kh_prog);
	exit(rec_exit());
}

/* "64M", "10k", "1GiB", "4096": a byte count, binary suffixes. */
int
kh_parse_size(const char *s, size_t *out)
{
	unsigned long long n, mul = 1;
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno != 0)
		return -1;
	switch (*end) {
	case 'k': case 'K':
		mul = 1ULL << 10, end++;
		break;
	case 'm': case 'M':
		mul = 1ULL << 20, end++;
		break;
	case 'g': case 'G':
		mul = 1ULL << 30, end++;
		break;
	}
	if (mul > 1 && (strcmp(end, "iB") == 0 || strcmp(end, "B") == 0))
		end += strlen(end);
	if (*end != '\0' || n == 0 || n > (SIZE_MAX / 4) / mul)
		return -1;
	*out = n * mul;
	return 0;
}

/* "1000000": a count, decimal, above 0. */
static int
parse_count(const char *s, size_t *out)
{
	unsigned long long n;
	char *end;

	if (*s < '0' || *s > '9')
		return -1;
	errno = 0;
	n = strtoull(s, &end, 10);
	if (errno != 0 || *end != '\0' || n == 0 || n > SIZE_MAX / 2)
		return -1;
	*out = (size_t)n;
	return 0;
}

/* -j's default: the CPUs online (1 if that cannot be told). */
static int
online_cpus(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > KH_JOBS_DEFAULT_MAX ? KH_JOBS_DEFAULT_MAX :
	    (int)n;
}

int
kh_options(int argc, char **argv, const struct kh_cli *c)
{
	struct option *lo;
	size_t nown = 0, nshort, n;
	char *so;
	int ch;

	kh_std_fds();
	/* Big output blocks; the reader flushes before it waits. */
	setvbuf(stdout, NULL, _IOFBF, (size_t)128 << 10);
	kh_setprog(argv[0]);
	argv[0] = (char *)kh_prog;	/* getopt's messages use it */
	cli = c;
	while (c->longopts && c->longopts[nown].name)
		nown++;
	lo = kh_malloc((NCOMMON + nown + 2) * sizeof(*lo));
	memcpy(lo, common, sizeof(common));
	if (nown)
		memcpy(lo + NCOMMON, c->longopts, nown * sizeof(*lo));
	memset(lo + NCOMMON + nown, 0, 2 * sizeof(*lo));
	nshort = strlen(c->shortopts);
	so = kh_malloc(nshort + 5);
	memcpy(so, "hq", 2);
	memcpy(so + 2, c->shortopts, nshort + 1);
	kh_run.jobs = 1;
	if (c->jobs) {
		lo[NCOMMON + nown] = jobs_opt;
		memcpy(so + 2 + nshort, "j:", 3);
		kh_run.jobs = online_cpus();
	}

	while ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1) {
		switch (ch) {
		case 'h':
			help();
		case 'q':
			kh_run.quiet = 1;
			break;
		case KH_OPT_STRICT:
			kh_run.strict = 1;
			break;
		case KH_OPT_PROGRESS:
			kh_run.progress = 1;
			break;
		case KH_OPT_MAX_LINE:
			if (kh_parse_size(optarg, &kh_run.max_line) < 0)
				kh_die("--max-line: not a size: %s", optarg);
			break;
		case KH_OPT_MAX_VALUES:
			if (parse_count(optarg, &kh_run.max_values) < 0)
				kh_die("--max-values: not a number above 0: %s",
				    optarg);
			break;
		case 'j':
			if (parse_count(optarg, &n) < 0 || n > KH_JOBS_MAX)
				kh_die("-j: not a number from 1 to %d: %s",
				    KH_JOBS_MAX, optarg);
			kh_run.jobs = (int)n;
			break;
		case KH_OPT_VERSION:
			printf("%s (khobor) %s\n", kh_prog, KH_VERSION);
			exit(rec_exit());
		case '?':
			kh_usage();
		default:
			if (c->opt == NULL)
				kh_usage();
			c->opt(ch, optarg);
		}
	}
	free(so);
	free(lo);
	return optind;
}
