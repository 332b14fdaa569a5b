#!/bin/sh
# kh_url_canon() and kh_url_site() (lib/url.c) over tests/url-cases:
# each canonical form as expected, canonical again, and each refusal
# with its message.  The speed: bench/url.sh (not part of make check).
. "$(dirname "$0")/lib.sh"

url_test=$bin/url-test
plan 1
if [ ! -x "$url_test" ]; then
	skip "kh_url_canon" "no $url_test (make check builds it)"
	done_testing
fi

cases() {
	"$url_test" "$here/url-cases" >"$tmp/cases.out" && return 0
	grep -A3 '^not ok' "$tmp/cases.out"
	return 1
}
check "kh_url_canon and kh_url_site over url-cases ($(grep -vc '^#\|^$' \
    "$here/url-cases") cases)" cases
done_testing
