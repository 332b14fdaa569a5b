/*
 * progress.c: --progress, one updating line on stderr with records/s
 * and bytes/s.  Silent when stderr is not a terminal, so a cron job's
 * log does not fill with carriage returns.
 */
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "khobor.h"

#define EVERY_NS 250000000L	/* redraw at most four times a second */

static struct {
	int on, shown;
	struct timespec start, last;
} pg;

static double
since(const struct timespec *a, const struct timespec *b)
{
	return (b->tv_sec - a->tv_sec) + (b->tv_nsec - a->tv_nsec) / 1e9;
}

static void (*line_fn)(FILE *f, double secs);

void
kh_progress_line(void (*fn)(FILE *f, double secs))
{
	line_fn = fn;
}

static void
draw(const struct timespec *now)
{
	double t = since(&pg.start, now);
	double mb = kh_run.bytes / 1e6;

	if (t <= 0)
		t = 1e-9;
	if (line_fn != NULL) {
		fprintf(stderr, "\r%s: ", kh_prog);
		line_fn(stderr, t);
		fputs("\033[K", stderr);
		pg.shown = 1;
		pg.last = *now;
		return;
	}
	fprintf(stderr, "\r%s: %lu records (%lu skipped), %.1f MB, "
	    "%.0f records/s, %.1f MB/s\033[K", kh_prog, kh_run.records,
	    kh_run.skipped, mb, kh_run.records / t, mb / t);
	pg.shown = 1;
	pg.last = *now;
}

void
kh_progress_start(void)
{
	if (!kh_run.progress || !isatty(STDERR_FILENO))
		return;
	pg.on = 1;
	clock_gettime(CLOCK_MONOTONIC, &pg.start);
	pg.last = pg.start;
}

void
kh_progress_tick(void)
{
	struct timespec now;

	if (!pg.on)
		return;
	clock_gettime(CLOCK_MONOTONIC_COARSE, &now);
	if (since(&pg.last, &now) * 1e9 >= EVERY_NS)
		draw(&now);
}

/* Make room for a message: wipe the progress line. */
void
kh_progress_clear(void)
{
	if (pg.shown) {
		fputs("\r\033[K", stderr);
		pg.shown = 0;
	}
}

void
kh_progress_end(void)
{
	struct timespec now;

	if (!pg.on)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	draw(&now);
	fputc('\n', stderr);
	pg.on = pg.shown = 0;
}
