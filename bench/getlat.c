/*
 * getlat: the latency of `store get ARCHIVE -`, as a client sees it.
 *
 *   getlat STORE ARCHIVE URLS
 *
 * Starts STORE get ARCHIVE - with pipes, then for each line of URLS
 * writes the url and reads its record back whole, timing each from the
 * write to the record's newline, and checks that the record is the
 * url's (each url must be in the archive).  Prints "n N median MS p99
 * MS".  bench/store.sh uses it: a
 * client in Python adds half a millisecond of its own to each record of
 * 124 KB (its readline), which is the client's cost, not store's.
 */
#define _GNU_SOURCE	/* memmem */
#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "khobor.h"

static double
now_ms(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e3 + t.tv_nsec / 1e6;
}

static int
by_value(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static void
write_all(int fd, const char *s, size_t n)
{
	ssize_t w;

	for (; n > 0; s += w, n -= w)
		if ((w = write(fd, s, n)) < 0 && errno != EINTR)
			kh_die("write to store:");
		else if (w < 0)
			w = 0;
}

/* One record from fd into *buf: its length with the newline. */
static size_t
read_record(int fd, char **buf, size_t *cap)
{
	size_t len = 0;
	ssize_t r;
	char *nl;

	for (;;) {
		if (len == *cap)
			*buf = kh_realloc(*buf, *cap = *cap ? 2 * *cap : 1 << 20);
		/* store writes nothing for a url it does not have */
		if (poll(&(struct pollfd){ fd, POLLIN, 0 }, 1, 10000) == 0)
			kh_die("no record from store within 10 s");
		if ((r = read(fd, *buf + len, *cap - len)) < 0 && errno == EINTR)
			continue;
		if (r < 0)
			kh_die("read from store:");
		if (r == 0)
			kh_die("store ended before giving a record");
		nl = memchr(*buf + len, '\n', r);
		len += r;
		if (nl != NULL) {
			if (nl != *buf + len - 1)
				kh_die("store gave more than one record");
			return len;
		}
	}
}

int
main(int argc, char **argv)
{
	int in[2], out[2], status;
	char *line = NULL, *buf = NULL, *want = NULL;
	size_t lcap = 0, cap = 0, n = 0, tcap = 0, len;
	double *t = NULL, t0;
	ssize_t got;
	pid_t pid;
	FILE *urls;

	kh_setprog(argv[0]);
	if (argc != 4) {
		fprintf(stderr, "usage: getlat store archive urls\n");
		return KH_EXIT_ERROR;
	}
	signal(SIGPIPE, SIG_IGN);	/* store's end is reported as such */
	if ((urls = fopen(argv[3], "r")) == NULL)
		kh_die("%s:", argv[3]);
	if (pipe(in) < 0 || pipe(out) < 0)
		kh_die("pipe:");
	if ((pid = fork()) < 0)
		kh_die("fork:");
	if (pid == 0) {
		if (dup2(in[0], 0) < 0 || dup2(out[1], 1) < 0)
			kh_die("dup2:");
		close(in[0]), close(in[1]), close(out[0]), close(out[1]);
		execl(argv[1], argv[1], "get", argv[2], "-", (char *)NULL);
		kh_die("%s:", argv[1]);
	}
	close(in[0]);
	close(out[1]);
	while ((got = getline(&line, &lcap, urls)) > 0) {
		if (line[got - 1] != '\n')
			line[got++] = '\n';	/* getline left room */
		if (got == 1)
			continue;
		t0 = now_ms();
		write_all(in[1], line, got);
		len = read_record(out[0], &buf, &cap);
		if (n == tcap)
			t = kh_realloc(t, (tcap = tcap ? 2 * tcap : 1024) *
			    sizeof(*t));
		t[n++] = now_ms() - t0;
		/* its record has "url":"URL" (a url with no escapes) */
		want = kh_realloc(want, got + 8);
		memcpy(want, "\"url\":\"", 7);
		memcpy(want + 7, line, got - 1);
		want[got + 6] = '"';
		if (memmem(buf, len, want, got + 7) == NULL)
			kh_die("the record for %.*s is another's", (int)got - 1,
			    line);
	}
	if (ferror(urls))
		kh_die("%s: read error", argv[3]);
	close(in[1]);
	if (waitpid(pid, &status, 0) < 0)
		kh_die("waitpid:");
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		kh_die("store get exited with status %d", WIFEXITED(status) ?
		    WEXITSTATUS(status) : 128 + WTERMSIG(status));
	if (n == 0)
		kh_die("%s: no url", argv[3]);
	qsort(t, n, sizeof(*t), by_value);
	printf("n %zu median %.3f p99 %.3f\n", n, n % 2 ? t[n / 2] :
	    (t[n / 2 - 1] + t[n / 2]) / 2, t[n * 99 / 100]);
	free(t);
	free(line);
	free(buf);
	free(want);
	fclose(urls);
	return 0;
}
