#!/bin/sh
# store under injected faults (tests/fault.c, LD_PRELOAD): one system
# call of a run fails (ENOSPC, EIO), is interrupted (EINTR), moves half
# its bytes (SHORT), or store dies just before it (KILL), call after
# call of each kind across the run.  Every time: a failed run says so on
# stderr and exits non-zero, and exits 0 only with every record stored;
# an interrupted or short call is made again and the run succeeds;
# nothing acknowledged (--tee) is lost; the next run mends what it must
# and completes the work; verify and zstd -t pass; no record is there
# twice, no empty or temporary file is left.
#
# The plain build (bin/store) runs under the shim: ASan and LD_PRELOAD
# mix badly.  KH_FAULT_SAMPLES (default 3) is how many calls of each
# kind are failed in each mode (one fewer for EINTR and SHORT), spread
# over the calls a run makes; 0 fails every one of them.
. "$(dirname "$0")/lib.sh"
. "$here/store-lib.sh"
plan 4

fault=$build/opt/lib/libfault.so
fast=$root/bin/store
samples=${KH_FAULT_SAMPLES:-3}
W=$tmp/w

if [ ! -f "$fault" ] || [ ! -x "$fast" ] || ! command -v zstd >/dev/null ||
    ! command -v timeout >/dev/null; then
	for t in 1 2 3 4; do
		skip "fault injection" "no $fault, $fast, zstd or timeout (make builds the first two)"
	done
	exit 0
fi

# Pages of a few sites over two days, bodies that come again (some are
# stored once): 1.1 MB for a new archive, enough to train a dictionary
# on; an archive of 600 records and 300 more for appending.
python3 - "$tmp" <<'PY'
import random, sys
rnd = random.Random(13)
words = "রাশিয়ার প্রেসিডেন্ট ঢাকা সফর বৈঠক সরকার নির্বাচন কমিশন বাজেট".split()
bodies = ["<div class=\\\"story\\\">%s</div>" % " ".join(rnd.choice(words) for _ in range(60))
          for _ in range(60)]
recs = ['{"url":"https://f.example/%d","fetched_at":"2024-08-%02dT%02d:00:00Z","title":"খবর %d","html":"%s"}'
        % (i, 15 + i % 2, i % 24, i, rnd.choice(bodies)) for i in range(900)]
d = sys.argv[1]
open(d + "/in.fresh", "w").write("".join(r + "\n" for r in recs))
open(d + "/base.jsonl", "w").write("".join(r + "\n" for r in recs[:600]))
open(d + "/in.append", "w").write("".join(r + "\n" for r in recs[600:]))
PY


# The archive an append run starts from: stored, then as a killed run
# leaves it: its last units not indexed, a torn unit after them.
# Sorted: each input, and what the archive holds after the next run.
for sc in fresh append; do
	sort "$tmp/in.$sc" >"$tmp/sorted.$sc"
done
cp "$tmp/sorted.fresh" "$tmp/want.fresh"
sort "$tmp/base.jsonl" "$tmp/in.append" >"$tmp/want.append"

mkdir "$tmp/base.fresh"
B=$tmp/base.append
"$fast" -o "$B" --frame-size 16K <"$tmp/base.jsonl" 2>/dev/null
head -n 200 "$B/2024-08-15.idx" >"$tmp/i" && mv "$tmp/i" "$B/2024-08-15.idx"
len=$(head -n 1 "$B/2024-08-16.idx" | cut -f 3)
head -c $((len / 2)) "$B/2024-08-16.jsonl.zst" >>"$B/2024-08-16.jsonl.zst"

# run SCENARIO [KH_FAULT]: store appends the scenario's input to a fresh
# copy of its archive with --tee; $tmp/log counts its calls.
run() {
	rm -rf "$W" "$tmp/log"
	cp -r "$tmp/base.$1" "$W"
	KH_FAULT=${2:-} KH_FAULT_LOG=$tmp/log LD_PRELOAD=$fault timeout 300 \
	    "$fast" -o "$W" --tee --frame-size 16K <"$tmp/in.$1" \
	    >"$tmp/acked" 2>"$tmp/err"
}


# after WHAT STATUS: the checks after a run with a fault.  A line for
# each failure on stdout.
after() {
	what=$1 st=$2
	case $what in
	KILL) [ "$st" -eq 137 ] || echo "not killed: status $st" ;;
	EINTR|SHORT)
		[ "$st" -eq 0 ] || echo "not made again: status $st: $(head -c 300 "$tmp/err")" ;;
	*)
		[ "$st" -le 2 ] || echo "status $st (a crash or a hang)"
		[ "$st" -eq 0 ] || [ -s "$tmp/err" ] || echo "status $st and no word on stderr"
		;;
	esac
	# status 0: every record was stored, and so acknowledged
	if [ "$st" -eq 0 ] && ! sort "$tmp/acked" | cmp -s - "$tmp/sorted.$sc"; then
		echo "status 0, and not every record acknowledged"
	fi
	# the next run of a pipeline: the records not yet in the archive
	if ! "$fast" new "$W" <"$tmp/in.$sc" >"$tmp/todo" 2>"$tmp/err2" ||
	    ! "$fast" -o "$W" <"$tmp/todo" 2>"$tmp/err2"; then
		echo "the next run failed: $(head -c 300 "$tmp/err2")"
	fi
	"$fast" verify -q "$W" 2>"$tmp/verr" || echo "verify: $(head -c 300 "$tmp/verr")"
	ztest "$W" 2>/dev/null || echo "zstd -t fails"
	for f in "$W"/*.zst "$W"/*.tmp; do
		case $f in
		*'*'*) ;;
		*.tmp) echo "left behind: $f" ;;
		*) [ -s "$f" ] || echo "an empty data file: $f" ;;
		esac
	done
	"$fast" cat "$W" | sort >"$tmp/have"
	whole_lines "$tmp/acked" | sort | comm -13 "$tmp/have" - >"$tmp/lost"
	[ -s "$tmp/lost" ] && echo "$(wc -l <"$tmp/lost") acknowledged records lost"
	# the input whole, once each
	[ "$(uniq -d "$tmp/have" | wc -l)" -eq 0 ] || echo "records stored twice"
	comm -3 "$tmp/want.$sc" "$tmp/have" >"$tmp/diff"
	[ -s "$tmp/diff" ] && echo "$(wc -l <"$tmp/diff") records differ from the input after the next run"
	return 0
}

# Spread: k of 1..n (all when k is 0 or n <= k), one a line.
spread() {
	awk -v n="$1" -v k="$2" 'BEGIN {
		if (k == 0 || n <= k) { for (i = 1; i <= n; i++) print i; exit }
		if (k == 1) { print int((n + 1) / 2); exit }
		for (j = 0; j < k; j++) { v = 1 + int(j * (n - 1) / (k - 1) + 0.5); if (v != last) print v; last = v }
	}'
}

modes() {
	case $1 in
	open) echo ENOSPC EINTR KILL ;;
	read) echo EIO EINTR SHORT ;;
	pread) echo EIO EINTR SHORT KILL ;;
	write|pwrite) echo ENOSPC EINTR SHORT KILL ;;
	fsync|ftruncate) echo EIO EINTR KILL ;;
	close) echo EIO EINTR ;;
	*) echo EIO KILL ;;
	esac
}

# faults SCENARIO: every kind of call a clean run makes, failed in each
# mode at calls spread over the run.
faults() {
	sc=$1
	run "$sc" || { echo "a clean run failed"; cat "$tmp/err"; return 1; }
	cp "$tmp/log" "$tmp/counts.$sc"
	: >"$tmp/bad"
	total=0
	while read -r word call count; do
		[ "$word" = calls ] || continue
		printf ' %s (%s calls):' "$call" "$count" >>"$tmp/sum"
		for what in $(modes "$call"); do
			inj=0
			# a retry is one loop a call site: fewer
			k=$samples
			case $what in EINTR|SHORT) [ "$k" -gt 1 ] && k=$((k - 1)) ;; esac
			for n in $(spread "$count" "$k"); do
				run "$sc" "$call:$n:$what"
				st=$?
				grep -q '^fault' "$tmp/log" 2>/dev/null || continue
				inj=$((inj + 1))
				after "$what" "$st" | sed "s/^/$call:$n:$what: /" >>"$tmp/bad"
			done
			printf ' %s' "$what $inj" >>"$tmp/sum"
			total=$((total + inj))
		done
		printf '; ' >>"$tmp/sum"
	done <"$tmp/counts.$sc"
	# on one line, so that KH_VERBOSE shows it all
	echo "$total faults injected, $(cut -d: -f1-3 "$tmp/bad" | sort -u | wc -l) not survived:$(cat "$tmp/sum")"
	rm -f "$tmp/sum"
	head -20 "$tmp/bad"
	test "$total" -gt 0 && test ! -s "$tmp/bad"
}
check "a new archive: faults at every kind of call, each survived" faults fresh
check "appending (and mending a killed run's tail): faults at every kind of call, each survived" faults append

first_frame() {
	# killed before its first frame: no empty day file, for zstd -dc
	# or anyone (item 2 of issue 13), before or after the next run
	rm -rf "$tmp/ff"
	head -n 5 "$tmp/in.fresh" | KH_FAULT=pwrite:1:KILL LD_PRELOAD=$fault \
	    "$fast" -o "$tmp/ff" --no-dict 2>/dev/null
	test $? -eq 137 || return 1
	for f in "$tmp/ff"/*.zst; do
		[ -e "$f" ] || continue
		test -s "$f" || { echo "an empty $f after the kill"; return 1; }
	done
	"$fast" -o "$tmp/ff" </dev/null && "$fast" verify -q "$tmp/ff" &&
	ls "$tmp/ff" >"$tmp/ls" && test ! -s "$tmp/ls"
}
check "killed before its first frame: no empty data file is left" first_frame

repair() {
	# verify --repair and reindex under faults: an error is said, exit
	# 2, and the archive stays as usable as it was
	# bodies of their own: a cut day leaves no reference without one
	awk '{ sub(/"html":"/, "\"html\":\"" NR " "); print }' "$tmp/base.jsonl" |
	    "$fast" -o "$tmp/rp0" --frame-size 16K 2>/dev/null
	b=$tmp/rp0/2024-08-15.jsonl.zst
	python3 -c '
import sys
f = sys.argv[1]; b = bytearray(open(f, "rb").read()); b[len(b) * 3 // 4] ^= 0x10
open(f, "wb").write(b)' "$b"
	cp -r "$tmp/rp0" "$tmp/rpc"
	"$fast" verify --repair "$tmp/rpc" 2>/dev/null
	"$fast" cat "$tmp/rpc" >"$tmp/rpwant"
	bad=0 total=0
	for cmd in "verify --repair" reindex; do
		rm -rf "$tmp/rp" "$tmp/log"
		cp -r "$tmp/rp0" "$tmp/rp"
		KH_FAULT_LOG=$tmp/log LD_PRELOAD=$fault "$fast" $cmd "$tmp/rp" 2>/dev/null
		for call in open pwrite fsync rename ftruncate unlink; do
			count=$(sed -n "s/^calls $call //p" "$tmp/log")
			for n in $(spread "${count:-0}" "$samples"); do
				rm -rf "$tmp/rp"
				cp -r "$tmp/rp0" "$tmp/rp"
				KH_FAULT=$call:$n:EIO LD_PRELOAD=$fault timeout 60 \
				    "$fast" $cmd "$tmp/rp" 2>"$tmp/err"
				st=$?
				total=$((total + 1))
				# it said so; a second go finishes the repair,
				# and loses no more than a clean one
				"$fast" verify --repair "$tmp/rp" 2>/dev/null
				if [ "$st" -eq 0 ] || [ "$st" -gt 2 ] ||
				    ! [ -s "$tmp/err" ] ||
				    ! "$fast" verify -q "$tmp/rp" 2>/dev/null ||
				    ! ztest "$tmp/rp" ||
				    ! "$fast" cat "$tmp/rp" | cmp -s - "$tmp/rpwant"; then
					echo "$cmd with $call:$n:EIO: status $st: $(head -c 200 "$tmp/err")"
					bad=$((bad + 1))
				fi
			done
		done
	done
	echo "$total faults in verify --repair and reindex, $bad not survived"
	test "$bad" -eq 0
}
check "verify --repair and reindex under faults: an error said, then repaired" repair
done_testing
