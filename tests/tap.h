/*
 * tap.h: TAP output for the test drivers (sha1-test, scan-test,
 * url-test), one line a test: "ok N - name" or "not ok N - name".
 */
#ifndef TAP_H
#define TAP_H

void tap_ok(int cond, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The plan, "1..n", before the tests. */
void tap_plan(int n);
/* The plan after the tests if none came before; the exit status: 1 if
 * a test failed, else 0. */
int tap_exit(void);

#endif
