#!/bin/sh
# store under kill -9 and a full disk: no acknowledged record is lost,
# and the archive stays readable.  A record is acknowledged when store
# passes it on (--tee): it does so only after the data and the index are
# fsynced.
. "$(dirname "$0")/lib.sh"
plan 4

KILLS=${KH_KILLS:-200}
python3 - "$tmp/in.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(6000):
        f.write('{"url":"https://k.example/@N@/%d","fetched_at":"2024-08-%02dT00:00:00Z","html":"%s"}\n'
                % (i, 15 + i % 2, ("খবর %d " % i) * 60))
PY
A=$tmp/arch
awk -v n="$KILLS" 'BEGIN { srand(7); for (i = 0; i < n; i++) printf "%.3f\n", rand() * 0.12 }' >"$tmp/delays"
# The kill loop runs the plain build (bin/store): what it tests is the
# files on disk, and sanitizer start-up would make 200 rounds slow.
fast=$root/bin/store
[ -x "$fast" ] || fast=store

# zstd -t on an archive's data files, with its dictionary if it has one;
# none yet (a run killed while it held records back to train one) is fine.
ztest() {
	set -- "$1" "$1"/*.zst
	[ -e "$2" ] || return 0
	if [ -e "$1/khobor.dict" ]; then
		zstd -t -q -D "$1/khobor.dict" "$1"/*.zst
	else
		zstd -t -q "$1"/*.zst
	fi
}

kills() {
	i=0
	while read -r d; do
		i=$((i + 1))
		sed "s/@N@/$i/" "$tmp/in.jsonl" |
		    "$fast" -o "$A" --tee --frame-size 8K >"$tmp/acked.$i" 2>"$tmp/err.$i" &
		pid=$!
		sleep "$d"
		kill -9 "$pid" 2>/dev/null
		wait "$pid" 2>/dev/null
		# the next run finds the torn tail and cuts it
		"$fast" -o "$A" </dev/null 2>>"$tmp/recover" || { echo "recovery run $i failed"; cat "$tmp/recover"; return 1; }
		ztest "$A" || { echo "zstd -t after kill $i"; return 1; }
	done <"$tmp/delays"
	echo "$KILLS kills; $(grep -c 'cut' "$tmp/recover") torn units cut," \
	    "$(grep -c 'indexed' "$tmp/recover") unindexed units recovered;" \
	    "$(cat "$tmp"/acked.* | wc -l) records acknowledged"
}
if command -v zstd >/dev/null; then
	check "$KILLS kill -9 at random moments; every run after repairs; zstd -t passes" kills
else
	skip "kill -9 loop" "no zstd"
fi

nothing_lost() {
	store verify -q "$A" || return 1
	store cat "$A" | sort >"$tmp/have"
	# a line cut short by the kill is no acknowledgment: whole lines only
	python3 - "$tmp"/acked.* <<'PY' | sort >"$tmp/acked"
import sys
for f in sys.argv[1:]:
    data = open(f, "rb").read()
    sys.stdout.buffer.write(data[:data.rfind(b"\n") + 1])
PY
	comm -13 "$tmp/have" "$tmp/acked" >"$tmp/lost"
	echo "$(wc -l <"$tmp/acked") acknowledged, $(wc -l <"$tmp/have") in the archive, $(wc -l <"$tmp/lost") lost"
	head -c 300 "$tmp/lost"
	test ! -s "$tmp/lost"
}
check "zero acknowledged records lost, verify clean" nothing_lost

full_disk() {
	mkdir "$tmp/small"
	mount -t tmpfs -o size=256k tmpfs "$tmp/small" || return 1
	sed 's/@N@/full/' "$tmp/in.jsonl" | store -o "$tmp/small/a" --tee --frame-size 8K >"$tmp/fullacked" 2>"$tmp/fullerr"
	st=$?
	cat "$tmp/fullerr"
	ok=0
	if test $st -eq 2 && grep -q 'No space left on device' "$tmp/fullerr" &&
	    store verify -q "$tmp/small/a" && ztest "$tmp/small/a"; then
		store cat "$tmp/small/a" | sort >"$tmp/fullhave"
		sort "$tmp/fullacked" | comm -13 "$tmp/fullhave" - >"$tmp/fulllost"
		test -s "$tmp/fullacked" && test ! -s "$tmp/fulllost" && ok=1
	fi
	echo "$(wc -l <"$tmp/fullacked") acknowledged before the disk filled"
	umount "$tmp/small"
	test $ok -eq 1
}
if [ "$(id -u)" -eq 0 ] && mkdir "$tmp/probe" && mount -t tmpfs -o size=64k tmpfs "$tmp/probe" 2>/dev/null; then
	umount "$tmp/probe"
	check "a full disk: status 2, a clear error, the archive usable, nothing acknowledged lost" full_disk
else
	skip "a full disk (tmpfs)" "needs root and mount"
fi

dev_full() {
	# A data file that cannot take a byte: the error is clear and the
	# other days of the archive are untouched.
	mkdir "$tmp/df"
	ln -s /dev/full "$tmp/df/2024-08-15.jsonl.zst"
	printf '%s\n' '{"url":"https://a.example/1","fetched_at":"2024-08-15T00:00:00Z"}' |
	    store -o "$tmp/df" 2>"$tmp/dferr"
	st=$?
	cat "$tmp/dferr"
	test $st -eq 2 && grep -q 'No space left on device' "$tmp/dferr"
}
check "a data file on /dev/full: status 2 and a clear error" dev_full
done_testing
