#!/bin/sh
# rec_scan() (lib/scan.c) against rec_parse() over tests/scan-cases: the
# same verdict on each line, and the messages and offsets expected; and
# rec_loop_text() against rec_loop(): the same records, reports, counts
# and exit status.  The speed of both parsers: scan-test --bench FILE
# (not part of make check).
. "$(dirname "$0")/lib.sh"

scan_test=$bin/scan-test
plan 3
if [ ! -x "$scan_test" ]; then
	for t in 1 2 3; do
		skip "rec_scan" "no $scan_test (make check builds it)"
	done
	done_testing
fi

cases() {
	"$scan_test" "$here/scan-cases" >"$tmp/cases.out" && return 0
	grep -A3 '^not ok' "$tmp/cases.out"
	return 1
}
check "rec_scan agrees with rec_parse over scan-cases, messages as expected" \
	cases

printf '{"a":1}\n\n[1]\n{"a":NaN}\n  \r\n{"b":"x"}\r\n{"a":"\377"}\n{"c":3}' \
	>"$tmp/a.jsonl"
printf '\357\273\277{"z":1}\n{' >"$tmp/b.jsonl"

# loops OPTION...: both loops over a.jsonl, b.jsonl and a.jsonl on stdin.
loops() {
	for m in loop loop-text; do
		"$scan_test" --$m "$@" "$tmp/a.jsonl" "$tmp/b.jsonl" - \
		    <"$tmp/a.jsonl" >"$tmp/$m.out" 2>"$tmp/$m.err"
		echo "exit $?" >>"$tmp/$m.out"
	done
	same "$tmp/loop.out" "$tmp/loop-text.out" &&
	    same "$tmp/loop.err" "$tmp/loop-text.err"
}

all() {
	loops &&
	    grep -q '^exit 1$' "$tmp/loop.out" &&
	    grep -q 'b.jsonl:1: {"z":1}$' "$tmp/loop.out" &&
	    grep -q '^scan-test: 7 of 14 records skipped$' "$tmp/loop.err"
}
check "rec_loop_text reads, reports and counts as rec_loop does" all

strict() {
	loops --strict &&
	    grep -q '^exit 1$' "$tmp/loop.out" &&
	    grep -q '^scan-test: 1 of 2 records skipped$' "$tmp/loop.err"
}
check "rec_loop_text stops under --strict as rec_loop does" strict
done_testing
