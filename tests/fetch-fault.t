#!/bin/sh
# fetch --state under injected faults (tests/fault.c, LD_PRELOAD): one
# system call on fetch's own files (the state file, its lock, its
# temporary file, the folder) fails (ENOSPC, EIO), is interrupted
# (EINTR), moves half its bytes (SHORT), or fetch dies just before it
# (KILL), call after call of each kind across a run that saves its
# state often.  Every time: a failed save is said on stderr and the run
# exits non-zero (a failed close has nothing to lose: only what follows
# is checked); the state file is always whole JSON Lines; and a rerun
# with --changed-only delivers every page the faulted run did not, so
# that no page is lost to a state that claims it (docs/records.md:
# state only describes records already written).
#
# The plain build (bin/fetch) runs under the shim: ASan and LD_PRELOAD
# mix badly.  KH_FAULT_SAMPLES (default 3) calls of each kind are
# failed in each mode, spread over the calls a run makes.
. "$(dirname "$0")/lib.sh"
. "$here/fetch-lib.sh"
plan 3

fault=$build/opt/lib/libfault.so
fast=$root/bin/fetch
samples=${KH_FAULT_SAMPLES:-3}
if [ ! -f "$fault" ] || [ ! -x "$fast" ] || ! command -v timeout >/dev/null
then
	for t in 1 2 3; do
		skip "fault injection" "no $fault, $fast or timeout (make builds them)"
	done
	exit 0
fi

serve fetch-server.py
u=http://127.0.0.1:$port
# 40 pages, each with an ETag: a page in the state comes back 304.
i=0
while [ $i -lt 40 ]; do
	echo "$u/page/f$i"
	i=$((i + 1))
done >"$tmp/urls"
sort "$tmp/urls" >"$tmp/all"

# run [KH_FAULT]: fetch the pages with a fresh state file that is saved
# every 0.05 s; records in $tmp/out, stderr in $tmp/err, status in $st.
run() {
	rm -f "$tmp/state" "$tmp/state.tmp" "$tmp/state.lock" "$tmp/log"
	KH_FAULT=${1:-} KH_FAULT_LOG=$tmp/log KH_FETCH_STATE_EVERY=0.05 \
	    LD_PRELOAD=$fault timeout 120 "$fast" --delay 0 --per-host 1 -j 1 \
	    --state "$tmp/state" <"$tmp/urls" >"$tmp/out" 2>"$tmp/err"
	st=$?
}

# delivered FILE: the urls of the whole records of FILE with a page.
delivered() {
	python3 - "$1" <<'PY'
import json, sys
data = open(sys.argv[1], "rb").read()
for line in data[:data.rfind(b"\n") + 1].splitlines():
    r = json.loads(line)
    if "html" in r:
        print(r["url"])
PY
}

# after WHAT: the checks after a faulted run; a line for each failure.
after() {
	what=$1
	if [ -f "$tmp/state" ] && ! python3 -c '
import json, sys
for l in open(sys.argv[1]):
    r = json.loads(l)
    assert isinstance(r["url"], str)' "$tmp/state" 2>/dev/null; then
		echo "$what: the state file is not whole JSON Lines"
	fi
	if grep -q "fault .* KILL" "$tmp/log" 2>/dev/null; then
		[ "$st" -eq 137 ] || echo "$what: killed, yet status $st"
	elif grep -q "^fault" "$tmp/log" 2>/dev/null; then
		case $what in
		*EINTR* | *SHORT*)
			[ "$st" -eq 0 ] || echo "$what: status $st after a call made again" ;;
		close:*)
			# A close after the fsync, or of the lock: nothing
			# to lose; only what follows is checked.
			;;
		*)
			[ "$st" -ne 0 ] || echo "$what: a failed call, yet status 0"
			[ -s "$tmp/err" ] || echo "$what: a failed call, and nothing said" ;;
		esac
	fi
	delivered "$tmp/out" >"$tmp/d1"
	"$fast" -q --delay 0 --changed-only --state "$tmp/state" \
	    <"$tmp/urls" >"$tmp/out2" 2>/dev/null
	delivered "$tmp/out2" >"$tmp/d2"
	sort -u "$tmp/d1" "$tmp/d2" | comm -23 "$tmp/all" - >"$tmp/lost"
	if [ -s "$tmp/lost" ]; then
		echo "$what: $(wc -l <"$tmp/lost") pages never delivered again:" \
		    "$(head -3 "$tmp/lost" | tr '\n' ' ')"
	fi
}

counted() {
	run
	[ "$st" -eq 0 ] && [ "$(delivered "$tmp/out" | wc -l)" -eq 40 ] ||
	    { cat "$tmp/err"; return 1; }
	grep '^calls' "$tmp/log" | tr '\n' ' '
	echo
}
check "a run without faults: 40 pages, the calls on its files counted" counted

# The calls of each kind a run makes, from the run without faults.
calls() {
	awk -v c="$1" '$1 == "calls" && $2 == c { print $3 }' "$tmp/log.clean"
}
cp "$tmp/log" "$tmp/log.clean"

# A sample of N from 1..TOTAL, spread: the first, the last, between.
spread() {
	awk -v n="$2" -v t="$1" 'BEGIN {
		if (t <= 0) exit
		if (n == 0 || n >= t) { for (i = 1; i <= t; i++) print i; exit }
		for (i = 0; i < n; i++) print int(1 + i * (t - 1) / (n > 1 ? n - 1 : 1))
	}' | sort -un
}

faults() {
	mode=$1
	shift
	: >"$tmp/bad"
	n=0
	for c in "$@"; do
		total=$(calls "$c")
		k=$samples
		case $mode in EINTR | SHORT) k=$((samples > 1 ? samples - 1 : 1)) ;; esac
		for i in $(spread "${total:-0}" "$k"); do
			run "$c:$i:$mode"
			grep -q "^fault" "$tmp/log" && n=$((n + 1))
			after "$c:$i:$mode" >>"$tmp/bad"
		done
	done
	echo "$mode: $n faults injected"
	cat "$tmp/bad"
	test "$n" -gt 0 && test ! -s "$tmp/bad"
}
# faults MODE...: each kind of call a run makes fails in each MODE.
t_fail() {
	out=0
	for m in ENOSPC EIO KILL; do
		faults "$m" open read write fsync rename close unlink || out=1
	done
	return $out
}
check "ENOSPC, EIO and a kill at each kind of call: said, non-zero, the state whole, nothing lost" t_fail

t_retry() {
	faults EINTR open read write fsync rename close && faults SHORT read write
}
check "EINTR and short transfers: made again, status 0, nothing lost" t_retry
done_testing
