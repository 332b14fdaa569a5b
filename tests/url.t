#!/bin/sh
# kh_url_canon() and kh_url_site() (lib/url.c) over tests/url-cases:
# each canonical form as expected, canonical again, and each refusal
# with its message; validate takes the canonical forms.  The speed:
# bench/url.sh (not part of make check).
. "$(dirname "$0")/lib.sh"

url_test=$bin/url-test
url_bench=$bin/url-bench
plan 2
if [ ! -x "$url_test" ] || [ ! -x "$url_bench" ]; then
	skip "kh_url_canon" "no $url_test (make check builds it)"
	skip "validate takes canonical forms" "no $url_bench"
	done_testing
fi

cases() {
	"$url_test" "$here/url-cases" >"$tmp/cases.out" && return 0
	grep -A3 '^not ok' "$tmp/cases.out"
	return 1
}
check "kh_url_canon and kh_url_site over url-cases ($(grep -vc '^#\|^$' \
    "$here/url-cases") cases)" cases

# The cases of url-cases written without escapes, made canonical by
# url-bench -p (it reads "BASE<tab>REF"), as records: validate takes
# every one.  A canonical form holds no '"' or '\' (they are escaped),
# so it goes into JSON as it is.
validated() {
	awk -F '\t' '$1 != "site" && $1 !~ /^#/ && $0 !~ /\\/ && $2 != "" {
		print ($1 == "-" ? "" : $1 "\t") $2 }' "$here/url-cases" \
	    >"$tmp/refs"
	"$url_bench" -p "$tmp/refs" 2>/dev/null | grep -v '^!' |
	    sed 's/.*/{"url":"&"}/' >"$tmp/records" || return 1
	n=$(wc -l <"$tmp/records")
	echo "$n canonical forms"
	[ "$n" -ge 120 ] && validate --strict "$tmp/records"
}
check "validate takes every canonical form as a url" validated
done_testing
