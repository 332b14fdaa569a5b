#!/bin/sh
# rec_scan() (lib/scan.c) against rec_parse() over tests/scan-cases: the
# same verdict on each line, and the messages and offsets expected.  The
# speed of both: scan-test --bench FILE (not part of make check).
. "$(dirname "$0")/lib.sh"

scan_test=$bin/scan-test
if [ ! -x "$scan_test" ]; then
	plan 1
	skip "rec_scan against rec_parse" "no $scan_test (make check builds it)"
	done_testing
fi
exec "$scan_test" "$here/scan-cases"
