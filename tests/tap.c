/*
 * tap.c: TAP output for the test drivers (tap.h).
 */
#include <stdarg.h>
#include <stdio.h>

#include "tap.h"

static int n, planned, failed;

void
tap_ok(int cond, const char *fmt, ...)
{
	va_list ap;

	printf("%sok %d - ", cond ? "" : "not ", ++n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	failed |= !cond;
}

void
tap_plan(int count)
{
	printf("1..%d\n", count);
	planned = 1;
}

int
tap_exit(void)
{
	if (!planned)
		printf("1..%d\n", n);
	return failed;
}
