#!/bin/sh
# make demo's script (scripts/demo.sh) with the programs of bin/ (make
# check builds them): the sample site's three runs archive 42, 0 and 4
# articles, and the report says what the archive holds.
. "$(dirname "$0")/lib.sh"
plan 1

t_demo() {
	for p in fetch links clean tag store; do
		[ -x "$root/bin/$p" ] || { echo "bin/$p missing: make"; return 1; }
	done
	KH_DEMO_DIR=$tmp/demo "$root/scripts/demo.sh" >"$tmp/out" 2>&1
	st=$?
	cat "$tmp/out"
	test "$st" -eq 0 &&
	grep -q '^as expected: 42 articles, then none, then the 4 new or edited ones' "$tmp/out" &&
	grep -q '^  nothing new: ' "$tmp/out" &&
	grep -Eq '^  dainik +25 ' "$tmp/out" && grep -Eq '^  courier +21 ' "$tmp/out" &&
	grep -q '^top 10 entities' "$tmp/out" &&
	# Dhaka, in English and in Bengali, under one norm
	grep -Eq '^ +[0-9]+  Dhaka .*ঢাকা' "$tmp/out" &&
	grep -q '^published: 2019-07-10 to 2024-08-18$' "$tmp/out" &&
	grep -Eq '^archive: 46 records, [0-9]+ bytes of records, [0-9]+ compressed \(ratio [0-9.]+\)$' "$tmp/out" &&
	grep -q '^query it:' "$tmp/out"
}
check "scripts/demo.sh: 42, 0 and 4 articles archived, and the report" t_demo
done_testing
