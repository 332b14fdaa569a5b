#!/bin/sh
# Replay the fuzz corpora through the sanitizer build of each target
# (fuzz/driver.c stands in for libFuzzer).
. "$(dirname "$0")/lib.sh"

targets=$(cd "$root/fuzz/corpus" && ls)
plan $(echo "$targets" | wc -l)
for t in $targets; do
	replay=$build/asan/fuzz/$t-replay
	if [ -x "$replay" ]; then
		check "fuzz corpus $t replays clean" "$replay" "$root/fuzz/corpus/$t"
	else
		skip "fuzz corpus $t" "no $replay (make check builds it)"
	fi
done
done_testing
