#!/bin/sh
# clean -j N and tag -j N (lib/jobs.c): the same bytes on stdout, the
# same messages in the same order on stderr and the same exit status
# as -j 1, on the golden and bad-input cases, on records with bad ones
# among them (--strict too), a closed pipe, a full disk, a record
# flushed before the next one is read; and on the Zyte and a slice of
# the wcxb-dev pages when ../shared is there.
. "$(dirname "$0")/lib.sh"
plan 14

# Programs that run clean and tag with -j N, for golden.sh.
for j in 1 2 4; do
	mkdir -p "$tmp/j$j"
	for p in clean tag; do
		printf '#!/bin/sh\nexec "%s/%s" -j %s "$@"\n' "$bin" $p $j \
		    >"$tmp/j$j/$p"
		chmod +x "$tmp/j$j/$p"
	done
done

# golden DIR CASE...: the cases of tests/DIR pass at -j 4.  (golden.t
# and bad-input.t run them at the default, the CPUs online.)
golden() {
	dir=$1
	shift
	for j in 4; do
		KH_BIN=$tmp/j$j "$root/tests/golden.sh" --dir "$dir" "$@" \
		    >"$tmp/golden.out" 2>&1
		if grep -q '^not ok' "$tmp/golden.out"; then
			echo "-j $j:"
			grep -A10 '^not ok' "$tmp/golden.out" | head -30
			return 1
		fi
	done
}
check "golden cases of clean and tag: as written, at -j 4" \
    golden golden $(cd "$root/tests/golden" && ls -d clean-* tag-*)

# same_runs PROG ARGS... < input: PROG -j 1, 2 and 4 give the same
# stdout, stderr and status.
same_runs() {
	cat >"$tmp/in"
	for j in 1 2 4; do
		"$@" -j $j <"$tmp/in" >"$tmp/out$j" 2>"$tmp/err$j"
		echo $? >"$tmp/st$j"
	done
	for j in 2 4; do
		same "$tmp/out1" "$tmp/out$j" && same "$tmp/err1" "$tmp/err$j" &&
		    same "$tmp/st1" "$tmp/st$j" || { echo "-j $j differs"; return 1; }
	done
}

# The bad-input cases of clean and tag: those run alike, their inputs
# one after the other, at -j 1, 2 and 4 (a process a case at each -j
# would take long under the sanitizers); a closed stdout or stdin as
# written, at -j 4.
bad_input() {
	d=$root/tests/bad-input
	cat "$d"/clean-*/cmd "$d"/tag-*/cmd | grep -v '&-' | sort -u |
	while read -r cmd; do
		for c in "$d"/clean-* "$d"/tag-*; do
			if [ "$(cat "$c/cmd")" = "$cmd" ] && [ -f "$c/stdin" ]; then
				cat "$c/stdin"
			fi
		done | same_runs $cmd || { echo "$cmd"; return 1; }
	done &&
	golden bad-input clean-stdout-closed tag-stdin-closed
}
check "bad-input cases of clean and tag: alike at -j 1, 2 and 4" bad_input

# 70 records: the fixture pages, text records, errors, and a bad line
# every seventh, each bad in its own way.
python3 - "$root/tests/clean" >"$tmp/mixed.jsonl" <<'PY'
import json, os, sys
d = sys.argv[1]
pages = [open(os.path.join(d, f), encoding="utf-8").read()
         for f in sorted(os.listdir(d)) if f.endswith(".html")]
bad = ['{"url": "https://b.example/", "html": 5}', '{"url": ', 'nope',
       '{"url": "https://b.example/", "html": "<p>x</p>"} 1', '[1]',
       '{"url": 5, "html": ""}']
for i in range(70):
    if i % 7 == 3:
        print(bad[i // 7 % len(bad)])
    elif i % 5 == 0:
        print(json.dumps({"url": "https://t.example/%d" % i, "title": "বন্যা",
              "text": "সিলেটে ১৯ জুন বন্যা। Dhaka, 12 May 2024.\nঢাকা"},
              ensure_ascii=False))
    elif i % 11 == 0:
        print(json.dumps({"url": "https://e.example/%d" % i, "error": "HTTP 404"}))
    else:
        print(json.dumps({"url": "https://bd.example/%d" % i,
              "html": pages[i % len(pages)]}, ensure_ascii=False))
PY

mixed() {
	same_runs clean <"$tmp/mixed.jsonl" || return 1
	test "$(cat "$tmp/st1")" = 1 && test -s "$tmp/err1" &&
	cp "$tmp/out1" "$tmp/cleaned.jsonl" &&
	{ cat "$tmp/cleaned.jsonl"; sed -n '4p;11p' "$tmp/mixed.jsonl"; } |
	    same_runs tag && test "$(cat "$tmp/st1")" = 1
}
check "bad records among good ones: same records, messages, status" mixed

strict() {
	sed -n '1,40p' "$tmp/mixed.jsonl" | same_runs clean --strict &&
	test "$(cat "$tmp/st1")" = 1 && test "$(wc -l <"$tmp/out1")" -lt 4 &&
	{ sed -n '1,20p' "$tmp/cleaned.jsonl"; echo '{"bad'; \
	    cat "$tmp/cleaned.jsonl"; } | same_runs tag --strict &&
	test "$(wc -l <"$tmp/out1")" -eq 20
}
check "--strict stops after the first bad record, as -j 1 does" strict

quiet_max() {
	same_runs clean -q --max-values 40 <"$tmp/mixed.jsonl" &&
	! test -s "$tmp/err1" &&
	same_runs tag --max-line 2K --max-values 30 <"$tmp/cleaned.jsonl" &&
	grep -q 'more than 30 values' "$tmp/err1" &&
	grep -q 'longer than 2048 bytes' "$tmp/err1"
}
check "-q, --max-line and --max-values: the same at every -j" quiet_max

# many: the mixed records 40 times over, for the pipe tests.
for i in $(seq 40); do cat "$tmp/mixed.jsonl"; done >"$tmp/many.jsonl"

closed_pipe() {
	for j in 1 4; do
		{ clean -j $j -q "$tmp/many.jsonl"; echo $? >"$tmp/pst$j"; } |
		    head -c 100 >/dev/null
		{ trap '' PIPE; clean -j $j -q "$tmp/many.jsonl" 2>"$tmp/perr$j"
		    echo $? >"$tmp/pig$j"; } | head -c 100 >/dev/null
	done
	# killed by SIGPIPE (128 + 13) even when it was ignored, quietly
	test "$(cat "$tmp/pst1")" = 141 && test "$(cat "$tmp/pst4")" = 141 &&
	test "$(cat "$tmp/pig1")" = 141 && test "$(cat "$tmp/pig4")" = 141 &&
	! test -s "$tmp/perr4"
}
check "a closed pipe ends clean -j 4 as it ends -j 1 (SIGPIPE)" closed_pipe

full() {
	for j in 1 4; do
		tag -j $j "$tmp/cleaned.jsonl" >/dev/full 2>"$tmp/ferr$j"
		echo $? >"$tmp/fst$j"
	done
	same "$tmp/ferr1" "$tmp/ferr4" && same "$tmp/fst1" "$tmp/fst4" &&
	test "$(cat "$tmp/fst4")" = 2 && grep -q 'write error' "$tmp/ferr4"
}
check "a full disk: tag -j 4 says so and exits 2, as -j 1" full

# flushed: with more input still to come, the first record is on the
# output before the next is written (a generous wait: a loaded machine).
flushed() {
	prog=$1
	shift
	mkfifo "$tmp/fifo.$prog"
	"$prog" -j 4 "$@" <"$tmp/fifo.$prog" >"$tmp/fl.$prog" 2>&1 &
	pid=$!
	exec 3>"$tmp/fifo.$prog"
	sed -n 2p "$tmp/cleaned.jsonl" >&3
	wait_for test -s "$tmp/fl.$prog"
	got=$?
	exec 3>&-
	wait $pid
	test $got -eq 0
}
check "clean -j 4 writes a record before its input ends" flushed clean
check "tag -j 4 writes a record before its input ends" flushed tag

options() {
	clean -j 0 </dev/null 2>"$tmp/e0"
	test $? = 2 && grep -q -- '-j: not a number from 1' "$tmp/e0" &&
	tag -j x </dev/null 2>/dev/null
	test $? = 2 && clean --jobs 3 </dev/null && clean --help |
	    grep -q -- '--jobs N' && tag --help | grep -q -- '-j, --jobs N'
}
check "-j 0 and -j x are usage errors; --jobs N; --help lists -j" options

if [ ! -d "$shared/data/zyte/html" ]; then
	for t in "Zyte pages: clean" "Zyte pages: tag" "wcxb-dev slice: clean" \
	    "wcxb-dev slice: tag"; do
		skip "$t -j 1 and -j 4 agree" "no ../shared/data/zyte"
	done
	done_testing
fi

"$root/bench/zyte-records.py" "$shared/data/zyte" >"$tmp/zyte.jsonl"
# the first 20 pages of wcxb-dev (python stops at the closed pipe)
"$root/bench/wcxb-records.py" "$shared/data/wcxb-dev" 2>/dev/null |
    head -n 20 >"$tmp/wcxb.jsonl"

# agree [-p] PROG IN OUT: PROG -j 1 and -j 4 on IN give the same bytes
# (the -j 1 ones into OUT), exit status and messages.  -p: -j 1 is the
# plain build's (bin/), quicker on all the Zyte pages than a sanitizer
# build; the sanitized one runs -j 4.
agree() {
	one=$bin
	[ "$1" = -p ] && one=$root/bin && shift
	"$one/$1" -j 1 "$2" >"$3" 2>"$tmp/a1.err" || return 1
	"$1" -j 4 "$2" >"$tmp/a4.out" 2>"$tmp/a4.err" || return 1
	test -s "$3" && same "$3" "$tmp/a4.out" &&
	same "$tmp/a1.err" "$tmp/a4.err"
}
check "Zyte pages: clean -j 1 and -j 4 agree" \
    agree -p clean "$tmp/zyte.jsonl" "$tmp/zyte.clean"
check "Zyte pages: tag -j 1 and -j 4 agree" \
    agree -p tag "$tmp/zyte.clean" "$tmp/zyte.tag"
check "wcxb-dev slice: clean -j 1 and -j 4 agree" \
    agree clean "$tmp/wcxb.jsonl" "$tmp/wcxb.clean"
check "wcxb-dev slice: tag -j 1 and -j 4 agree" \
    agree tag "$tmp/wcxb.clean" "$tmp/wcxb.tag"
done_testing
