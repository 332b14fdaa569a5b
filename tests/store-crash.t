#!/bin/sh
# store under kill -9 and a full disk: no acknowledged record is lost,
# the archive stays readable and verifies once the next run has mended
# it, and a pipeline that stores what the archive lacks finishes the
# work with every record once.  A record is acknowledged when store
# passes it on (--tee): it does so only after the data is fsynced and
# the index written.
. "$(dirname "$0")/lib.sh"
. "$here/store-lib.sh"
plan 4

KILLS=${KH_KILLS:-200}
ROUNDS=20	# kills an archive takes before the next one starts
python3 - "$tmp/in.jsonl" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    for i in range(3000):
        f.write('{"url":"https://k.example/@N@/%d","fetched_at":"2024-08-%02dT00:00:00Z","html":"%s"}\n'
                % (i, 15 + i % 2, ("খবর %d " % i) * 60))
PY
# Half the kills come at a random moment from the start (recovery, the
# first frame), half at one after the first record was acknowledged
# (frames being written and indexed), whatever the machine's load.
awk -v n="$KILLS" 'BEGIN { srand(7); for (i = 0; i < n; i++) printf "%d %.3f\n", i % 2, rand() * 0.12 }' >"$tmp/delays"
# The kill loop runs the plain build (bin/store): what it tests is the
# files on disk, and sanitizer start-up would make 200 rounds slow.
fast=$root/bin/store
[ -x "$fast" ] || fast=store


# A job is the input with its own urls; a pipeline stores what the
# archive lacks of it (store new), as a cron job does, until a run of it
# ends before its kill.  Each round kills that run at a random moment;
# the next run mends the archive, which must then verify.  Every ROUNDS
# kills the archive's last job is finished unkilled, and the next
# archive starts.
kills() {
	i=0 job=0 arc=0
	: >"$tmp/recover"
	while read -r after d; do
		if [ $((i % ROUNDS)) -eq 0 ]; then
			[ $i -gt 0 ] && { finish || return 1; }
			arc=$((arc + 1)) job=$((job + 1))
			A=$tmp/arch.$arc
			mkdir "$A"
			sed "s/@N@/$job/" "$tmp/in.jsonl" >"$tmp/job.$job"
			echo $job >"$tmp/jobs.$arc"
		fi
		i=$((i + 1))
		rm -f "$tmp/newst"
		{ "$fast" new "$A" <"$tmp/job.$job"; echo $? >"$tmp/newst"; } |
		    "$fast" -o "$A" --tee --frame-size 8K >"$tmp/acked.$arc.$i" 2>"$tmp/err.$i" &
		pid=$!
		if [ "$after" -eq 1 ]; then
			while [ ! -s "$tmp/acked.$arc.$i" ] && kill -0 "$pid" 2>/dev/null; do
				sleep 0.01
			done
		fi
		sleep "$d"
		kill -9 "$pid" 2>/dev/null
		wait "$pid"
		st=$?
		wait
		if [ $st -eq 0 ] && [ "$(cat "$tmp/newst")" -ne 0 ]; then
			echo "round $i: store new failed"; return 1
		fi
		if [ $st -eq 0 ]; then	# the job was done: the next one
			job=$((job + 1))
			sed "s/@N@/$job/" "$tmp/in.jsonl" >"$tmp/job.$job"
			echo $job >>"$tmp/jobs.$arc"
		elif [ $st -ne 137 ]; then
			echo "round $i: status $st"; cat "$tmp/err.$i"; return 1
		fi
		# the next run mends what the kill left
		"$fast" -o "$A" </dev/null 2>>"$tmp/recover" ||
		    { echo "recovery run $i failed"; tail -5 "$tmp/recover"; return 1; }
		"$fast" verify -q "$A" 2>"$tmp/verr" ||
		    { echo "verify after kill $i:"; head -5 "$tmp/verr"; return 1; }
		ztest "$A" || { echo "zstd -t after kill $i"; return 1; }
		for f in "$A"/*; do
			[ -e "$f" ] || continue
			[ -s "$f" ] || { echo "after kill $i: empty $f"; return 1; }
		done
	done <"$tmp/delays"
	finish || return 1
	echo "$KILLS kills over $arc archives, $(cat "$tmp"/jobs.* | wc -l) jobs;" \
	    "$(grep -c 'cut' "$tmp/recover") torn units cut," \
	    "$(grep -c 'indexed' "$tmp/recover") unindexed units recovered," \
	    "$(grep -c 'removed' "$tmp/recover") files left under a temporary name removed"
}

# finish: the archive's last job done by a run that is not killed.
finish() {
	"$fast" new "$A" <"$tmp/job.$job" >"$tmp/todo" &&
	"$fast" -o "$A" <"$tmp/todo" 2>>"$tmp/recover" ||
	    { echo "finishing archive $arc failed"; return 1; }
}


if command -v zstd >/dev/null; then
	check "$KILLS kill -9 at random moments; every run after mends the archive, verify and zstd -t pass" kills
else
	skip "kill -9 loop" "no zstd"
fi

nothing_lost() {
	lost=0 twice=0 acked=0 have=0
	for jobs in "$tmp"/jobs.*; do
		arc=${jobs##*.}
		A=$tmp/arch.$arc
		store verify -q "$A" || return 1
		store cat "$A" | sort >"$tmp/have"
		# every job's records, once each: nothing lost, nothing twice
		for j in $(cat "$jobs"); do cat "$tmp/job.$j"; done | sort >"$tmp/want"
		comm -3 "$tmp/want" "$tmp/have" >"$tmp/diff"
		uniq -d "$tmp/have" >"$tmp/twice"
		for f in "$tmp"/acked.$arc.*; do whole_lines "$f"; done | sort >"$tmp/acked"
		comm -13 "$tmp/have" "$tmp/acked" >"$tmp/lost"
		lost=$((lost + $(wc -l <"$tmp/lost") + $(grep -c '^[^	]' "$tmp/diff")))
		twice=$((twice + $(wc -l <"$tmp/twice") + $(grep -c '^	' "$tmp/diff")))
		acked=$((acked + $(wc -l <"$tmp/acked")))
		have=$((have + $(wc -l <"$tmp/have")))
		head -c 300 "$tmp/lost" "$tmp/diff"
	done
	echo "$acked acknowledged, $have in the archives, $lost lost, $twice twice"
	test "$lost" -eq 0 && test "$twice" -eq 0
}
check "every job done: zero records lost (none acknowledged), none twice, verify clean" nothing_lost

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
