/* err.c: messages and allocation that cannot fail silently. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "khobor.h"
#include "jobs.h"

const char *kh_prog = "khobor";

/* Where this thread's messages go: a worker of rec_loop_jobs() holds
 * them with its record, so that they come out in input order. */
static _Thread_local FILE *warn_to;

void
kh_warn_to(FILE *f)
{
	warn_to = f;
}

void
kh_setprog(const char *argv0)
{
	const char *p;

	if (argv0 == NULL || *argv0 == '\0')
		return;
	p = strrchr(argv0, '/');
	kh_prog = p ? p + 1 : argv0;
}

void
kh_vwarn(const struct rec_pos *pos, const char *fmt, va_list ap)
{
	int saved = errno;
	size_t n = strlen(fmt);
	FILE *f = warn_to != NULL ? warn_to : stderr;

	if (warn_to == NULL)
		kh_progress_clear();
	fprintf(f, "%s: ", kh_prog);
	if (pos != NULL)
		fprintf(f, "%s:%lu: ", pos->file, pos->line);
	vfprintf(f, fmt, ap);
	if (n > 0 && fmt[n - 1] == ':')
		fprintf(f, " %s", strerror(saved));
	fputc('\n', f);
}

void
kh_die(const char *fmt, ...)
{
	va_list ap;

	warn_to = NULL;		/* a last word is not held back */
	va_start(ap, fmt);
	kh_vwarn(NULL, fmt, ap);
	va_end(ap);
	exit(KH_EXIT_ERROR);
}

void
kh_warn(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kh_vwarn(NULL, fmt, ap);
	va_end(ap);
}

void *
kh_malloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		kh_die("malloc:");
	return p;
}

void *
kh_realloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		kh_die("realloc:");
	return p;
}
