#!/bin/sh
# store's URL index (khobor.urls and its log): get, get - and new answer
# through it what the day indexes answer, whatever happened to it
# (collisions, merges, deletion, damage, runs killed or failing); verify
# checks it and verify --repair makes it anew.
. "$(dirname "$0")/lib.sh"
. "$here/store-lib.sh"
plan 13

# Records over five days, then revisits: some on a later day, some on
# an earlier day written later (get wants the newest day, not the last
# written); final_urls with tracking parameters, found by their
# canonical form; lastmods for new --changed.
python3 - "$tmp" <<'PY'
import json, sys
d = sys.argv[1]
def rec(i, day, v):
    r = {"url": "https://u.example/a/%d" % i,
         "fetched_at": "2024-08-%02dT%02d:00:00Z" % (day, i % 24),
         "title": "খবর %d v%d" % (i, v), "text": "text %d %d " % (i, v) * 20}
    if i % 3 == 0:
        r["final_url"] = "https://u.example/f/%d?utm_source=feed" % i
    if i % 4 == 0:
        r["lastmod"] = "2024-08-%02dT00:00:00Z" % day
    return json.dumps(r, ensure_ascii=False, separators=(",", ":"))
with open(d + "/run1.jsonl", "w") as f:
    for i in range(400):
        f.write(rec(i, 10 + i % 5, 1) + "\n")
with open(d + "/run2.jsonl", "w") as f:
    for i in range(0, 400, 5):
        f.write(rec(i, 9, 2) + "\n")	# older day, written later
    for i in range(0, 400, 7):
        f.write(rec(i, 20, 3) + "\n")	# a newer version
with open(d + "/urls", "w") as f:
    for i in range(0, 420, 3):
        f.write("https://u.example/a/%d\n" % i)
        f.write("HTTPS://U.EXAMPLE/f/%d?utm_source=x\n" % i)	# canonical
        f.write("https://u.example/f/%d\n" % i)
with open(d + "/ask.jsonl", "w") as f:
    for i in range(0, 420, 2):
        f.write('{"url":"https://u.example/a/%d","lastmod":"2024-08-%02dT00:00:00Z"}\n'
                % (i, 12 + i % 10))
        f.write('{"url":"https://u.example/f/%d?utm_medium=x"}\n' % i)
PY

fault=$build/opt/lib/libfault.so
fast=$root/bin/store
[ -x "$fast" ] || fast=$(command -v store)

# answers A NAME: get - of the urls, get of a few, new --changed of the
# asked records, with status and stderr, into $tmp/NAME.*
answers() {
	store get "$1" - <"$tmp/urls" >"$tmp/$2.get" 2>"$tmp/$2.gerr"
	echo "get - $?" >"$tmp/$2.st"
	for u in https://u.example/a/0 https://u.example/a/35 \
	    'https://u.example/f/21?utm_campaign=y' https://u.example/a/999; do
		store get "$1" "$u" >>"$tmp/$2.get" 2>>"$tmp/$2.gerr"
		echo "get $u $?" >>"$tmp/$2.st"
	done
	store new "$1" "$tmp/ask.jsonl" >"$tmp/$2.new" 2>>"$tmp/$2.gerr"
	echo "new $?" >>"$tmp/$2.st"
	store new --changed "$1" "$tmp/ask.jsonl" >"$tmp/$2.changed" \
	    2>>"$tmp/$2.gerr"
	echo "new --changed $?" >>"$tmp/$2.st"
}

# same_answers NAME: what the day indexes gave (ref).
same_answers() {
	for x in get st new changed; do
		same "$tmp/ref.$x" "$tmp/$1.$x" || { echo "$1.$x differs"; return 1; }
	done
}

# The reference: the archive without its URL index, so that every
# answer comes from the day indexes.
store -o "$tmp/A" "$tmp/run1.jsonl" 2>/dev/null &&
    store -o "$tmp/A" "$tmp/run2.jsonl" 2>/dev/null
cp -r "$tmp/A" "$tmp/R"
rm -f "$tmp/R"/khobor.urls*
answers "$tmp/R" ref

indexed() {
	answers "$tmp/A" idx
	grep -q 'searching the day indexes\|reading the day indexes' \
	    "$tmp/ref.gerr" || { echo "no word of the missing index"; return 1; }
	! grep 'day indexes' "$tmp/idx.gerr" || return 1
	same_answers idx || return 1
	# revisits: the newest day wins, not the last written
	store get "$tmp/A" https://u.example/a/35 | grep -q '"fetched_at":"2024-08-20' &&
	store get "$tmp/A" https://u.example/a/5 | grep -q '"fetched_at":"2024-08-10' &&
	test "$(wc -l <"$tmp/idx.get")" -gt 300 &&
	grep -c 'not in the archive' "$tmp/idx.gerr" &&
	store verify "$tmp/A" 2>&1 | grep 'khobor.urls: .* all found'
}
check "get, get - and new through the URL index answer as the day indexes do" indexed

single() {
	store -o "$tmp/s.zst" "$tmp/run1.jsonl" "$tmp/run2.jsonl" 2>/dev/null &&
	test -s "$tmp/s.zst.urls" && test -s "$tmp/s.zst.urls.log" &&
	store get "$tmp/s.zst" https://u.example/a/35 >"$tmp/s1" 2>"$tmp/serr" &&
	store get "$tmp/A" https://u.example/a/35 | same - "$tmp/s1" &&
	! test -s "$tmp/serr" && store verify -q "$tmp/s.zst"
}
check "a single-file archive has its URL index too" single

collisions() {
	# 3 bits of hash: nearly every lookup meets another URL's entry
	rm -rf "$tmp/C"
	KH_URLIDX_HASH_BITS=3 store -o "$tmp/C" "$tmp/run1.jsonl" 2>/dev/null &&
	KH_URLIDX_HASH_BITS=3 store -o "$tmp/C" "$tmp/run2.jsonl" 2>/dev/null &&
	answers "$tmp/C" col && same_answers col &&
	store verify -q "$tmp/C"
}
check "two URLs with one hash (KH_URLIDX_HASH_BITS=3): the same answers, verify clean" collisions

merges() {
	rm -rf "$tmp/M"
	KH_URLIDX_LOG_MAX=100 store -o "$tmp/M" "$tmp/run1.jsonl" 2>/dev/null &&
	test "$(wc -c <"$tmp/M/khobor.urls.log")" -eq 64 || { echo "not merged"; return 1; }
	cp "$tmp/M/khobor.urls" "$tmp/t1"
	# appended, not merged (under the bound), then merged
	head -n 20 "$tmp/run2.jsonl" | KH_URLIDX_LOG_MAX=100 store -o "$tmp/M" 2>/dev/null &&
	test "$(wc -c <"$tmp/M/khobor.urls.log")" -gt 64 &&
	cmp -s "$tmp/t1" "$tmp/M/khobor.urls" &&
	sed 1,20d "$tmp/run2.jsonl" | KH_URLIDX_LOG_MAX=100 store -o "$tmp/M" 2>/dev/null &&
	test "$(wc -c <"$tmp/M/khobor.urls.log")" -eq 64 &&
	! cmp -s "$tmp/t1" "$tmp/M/khobor.urls" &&
	answers "$tmp/M" mrg && same_answers mrg && store verify -q "$tmp/M"
}
check "the log is merged into a new table once it holds KH_URLIDX_LOG_MAX entries: the same answers" merges

deleted() {
	rm -rf "$tmp/D"
	cp -r "$tmp/A" "$tmp/D"
	rm "$tmp/D/khobor.urls"
	answers "$tmp/D" del && same_answers del &&
	grep -q 'no URL index' "$tmp/del.gerr" &&
	store verify "$tmp/D" 2>"$tmp/verr" &&
	grep 'no URL index yet' "$tmp/verr" &&
	store verify --repair "$tmp/D" 2>"$tmp/verr" &&
	grep 'made anew' "$tmp/verr" &&
	store verify "$tmp/D" 2>&1 | grep 'all found' &&
	answers "$tmp/D" del2 && same_answers del2 && ! grep 'day indexes' "$tmp/del2.gerr"
}
check "a deleted URL index: get and new say so and answer from the day indexes; verify says so, --repair makes it anew" deleted

damaged() {
	rm -rf "$tmp/X"
	cp -r "$tmp/A" "$tmp/X"
	# every entry's place moved by one byte: lines that are no lines
	python3 - "$tmp/X/khobor.urls" "$tmp/X/khobor.urls.log" <<'PY' || return 1
import struct, sys
for p, n in ((sys.argv[1], None), (sys.argv[2], -1)):
    b = bytearray(open(p, "rb").read())
    if n is None:
        n = struct.unpack_from("<Q", b, 32)[0]	# slots
    else:
        n = (len(b) - 64) // 16
    for i in range(n):
        h, loc = struct.unpack_from("<QQ", b, 64 + 16 * i)
        if h:
            struct.pack_into("<Q", b, 64 + 16 * i + 8, loc + 1)
    open(p, "wb").write(b)
PY
	answers "$tmp/X" dmg && same_answers dmg &&
	grep -q 'cannot say' "$tmp/dmg.gerr" || return 1
	{ store verify "$tmp/X" 2>"$tmp/verr"; test $? -eq 1; } &&
	grep 'khobor.urls: cannot find the url at byte' "$tmp/verr" &&
	store verify --repair "$tmp/X" 2>/dev/null; test $? -eq 1 &&
	store verify -q "$tmp/X" || return 1
	# a header cut short
	head -c 40 "$tmp/A/khobor.urls" >"$tmp/X/khobor.urls"
	answers "$tmp/X" dmg2 && same_answers dmg2 &&
	{ store verify "$tmp/X" 2>"$tmp/verr"; test $? -eq 1; } &&
	grep 'cut short' "$tmp/verr" &&
	# the next run makes it anew too
	store -o "$tmp/X" </dev/null 2>"$tmp/werr" && grep 'made anew' "$tmp/werr" &&
	store verify -q "$tmp/X" && answers "$tmp/X" dmg3 && same_answers dmg3
}
check "a damaged URL index: get and new still right, verify reports it (status 1), --repair or the next run makes it anew" damaged

lost_log() {
	# the log lost: the next run reads again what the table does not
	# cover; a day index cut back: the next run makes the table anew
	rm -rf "$tmp/L"
	KH_URLIDX_LOG_MAX=100 store -o "$tmp/L" "$tmp/run1.jsonl" 2>/dev/null &&
	store -o "$tmp/L" "$tmp/run2.jsonl" 2>/dev/null &&
	rm "$tmp/L/khobor.urls.log" &&
	{ store verify "$tmp/L" 2>/dev/null; test $? -eq 1; } &&
	store -o "$tmp/L" </dev/null 2>/dev/null &&
	store verify -q "$tmp/L" && answers "$tmp/L" log && same_answers log &&
	rm "$tmp/L"/2024-08-20.* &&
	{ store verify "$tmp/L" 2>"$tmp/verr"; test $? -eq 1; } &&
	grep 'covers the index of 2024-08-20, which is not there' "$tmp/verr" &&
	store -o "$tmp/L" </dev/null 2>"$tmp/werr" && grep 'made anew' "$tmp/werr" &&
	store verify -q "$tmp/L" 2>/dev/null &&
	store get "$tmp/L" https://u.example/a/35 | grep -q '"fetched_at":"2024-08-10' &&
	# a day index lost: the next run indexes the day again
	rm "$tmp/L/2024-08-11.idx" &&
	store -o "$tmp/L" </dev/null 2>/dev/null &&
	store verify -q "$tmp/L" 2>/dev/null &&
	store get "$tmp/L" https://u.example/a/1 | grep -q '"fetched_at":"2024-08-11'
}
check "a lost log, a day deleted, a day index lost: verify says so, the next run mends the URL index" lost_log

# killed RULE: a run appending run2 killed at the call RULE names; get
# and new then answer right (from the day indexes, saying so); the next
# run brings the index up to date.
killed() {
	rm -rf "$tmp/K"
	cp -r "$tmp/A1" "$tmp/K"
	KH_FAULT=$1 LD_PRELOAD=$fault "$fast" -o "$tmp/K" --tee \
	    "$tmp/run2.jsonl" >"$tmp/kacked" 2>/dev/null
	st=$?
	[ "$st" -eq 137 ] || { echo "$1: status $st"; return 1; }
	# what the day indexes hold now, compared with what the index says
	cp -r "$tmp/K" "$tmp/KR"
	rm -f "$tmp/KR"/khobor.urls*
	answers "$tmp/KR" ref
	answers "$tmp/K" kil && same_answers kil || { echo "$1: answers differ"; return 1; }
	store -o "$tmp/K" "$tmp/run2.jsonl" 2>/dev/null </dev/null &&
	store verify -q "$tmp/K" 2>"$tmp/verr" || { echo "$1: $(cat "$tmp/verr")"; return 1; }
	rm -rf "$tmp/KR"
}

store -o "$tmp/A1" "$tmp/run1.jsonl" 2>/dev/null
kills() {
	rm -rf "$tmp/K" "$tmp/log"
	cp -r "$tmp/A1" "$tmp/K"
	KH_FAULT_LOG=$tmp/log LD_PRELOAD=$fault "$fast" -o "$tmp/K" \
	    "$tmp/run2.jsonl" 2>/dev/null || return 1
	n=0
	for call in pwrite fsync; do
		count=$(sed -n "s/^calls $call //p" "$tmp/log")
		for k in 1 2 $((count / 2)) $((count - 1)) "$count"; do
			killed "$call:$k:KILL" || return 1
			n=$((n + 1))
		done
	done
	echo "$n runs killed"
}
if [ -f "$fault" ] && [ -x "$fast" ]; then
	check "runs killed while writing: get and new answer right, the next run mends the URL index" kills
else
	skip "runs killed while writing" "no $fault or $fast (make builds them)"
fi

# merge_faults: a run that merges, with one call failed (EIO) or store
# killed before it: status non-zero, a word on stderr, nothing
# acknowledged lost; the next run mends, verify is clean, and the
# answers are those of the day indexes.
merge_faults() {
	rm -rf "$tmp/F0" "$tmp/log"
	cp -r "$tmp/A1" "$tmp/F0"
	KH_URLIDX_LOG_MAX=100 KH_FAULT_LOG=$tmp/log LD_PRELOAD=$fault \
	    "$fast" -o "$tmp/F0" "$tmp/run2.jsonl" 2>/dev/null || return 1
	bad=0 total=0
	for call in open pwrite fsync rename ftruncate; do
		count=$(sed -n "s/^calls $call //p" "$tmp/log")
		[ -n "$count" ] || continue
		for what in EIO KILL; do
			for n in 1 $(((count + 1) / 2)) "$count"; do
				rm -rf "$tmp/F"
				cp -r "$tmp/A1" "$tmp/F"
				KH_URLIDX_LOG_MAX=100 KH_FAULT=$call:$n:$what \
				    LD_PRELOAD=$fault "$fast" -o "$tmp/F" --tee \
				    "$tmp/run2.jsonl" >"$tmp/facked" 2>"$tmp/ferr"
				st=$?
				total=$((total + 1))
				msg=
				if [ "$st" -ne 0 ] && [ "$what" = EIO ] && ! [ -s "$tmp/ferr" ]; then
					msg="status $st and no word"
				fi
				# the next run stores the records missing
				store cat "$tmp/F" | sort >"$tmp/fhave"
				sort "$tmp/run2.jsonl" | comm -23 - "$tmp/fhave" |
				    KH_URLIDX_LOG_MAX=100 store -o "$tmp/F" 2>/dev/null ||
				    msg="$msg; the next run failed"
				store verify -q "$tmp/F" 2>/dev/null || msg="$msg; verify fails"
				store cat "$tmp/F" | sort >"$tmp/fhave"
				whole_lines "$tmp/facked" | sort | comm -13 "$tmp/fhave" - >"$tmp/flost"
				[ -s "$tmp/flost" ] && msg="$msg; acknowledged records lost"
				store get "$tmp/F" - <"$tmp/urls" 2>/dev/null |
				    cmp -s - "$tmp/ref.get.all" || msg="$msg; get - differs"
				if [ -n "$msg" ]; then
					echo "$call:$n:$what: status $st$msg"
					bad=$((bad + 1))
				fi
			done
		done
	done
	echo "$total faults in runs that merge, $bad not survived"
	test "$total" -gt 0 && test "$bad" -eq 0
}
store get "$tmp/R" - <"$tmp/urls" >"$tmp/ref.get.all" 2>/dev/null
if [ -f "$fault" ] && [ -x "$fast" ]; then
	check "faults in a run that merges the log: said, nothing acknowledged lost, mended by the next run" merge_faults
else
	skip "faults in a run that merges" "no $fault or $fast (make builds them)"
fi

reader_during_writer() {
	# a writer at work (it holds the lock, its log is marked): readers
	# trust what it has logged so far.  Its input stays open until the
	# answer came; it stores what came after a second without input.
	rm -rf "$tmp/W" "$tmp/fifo"
	cp -r "$tmp/A1" "$tmp/W"
	mkfifo "$tmp/fifo"
	store -o "$tmp/W" <"$tmp/fifo" &
	pid=$!
	exec 3>"$tmp/fifo"
	cat "$tmp/run2.jsonl" >&3
	wait_for sh -c "store get '$tmp/W' https://u.example/a/35 2>'$tmp/werr' |
	    grep -q '\"fetched_at\":\"2024-08-20'"
	st=$?
	kill -0 "$pid" 2>/dev/null
	alive=$?
	exec 3>&-
	wait "$pid" && test $st -eq 0 && test $alive -eq 0 &&
	! grep 'day indexes' "$tmp/werr"
}
check "while a writer is at work, get answers through the index" reader_during_writer

mending() {
	# a writer holds the lock and is still bringing the log up to date
	# (the log's word 5 is 2): readers do not trust it yet
	command -v flock >/dev/null || { echo "no flock(1)"; return 0; }
	rm -rf "$tmp/G"
	cp -r "$tmp/A" "$tmp/G"
	python3 -c '
import struct, sys
with open(sys.argv[1], "r+b") as f:
    f.seek(40); f.write(struct.pack("<Q", 2))' "$tmp/G/khobor.urls.log" &&
	flock "$tmp/G/.lock" store get "$tmp/G" https://u.example/a/35 \
	    >"$tmp/m1" 2>"$tmp/merr" &&
	grep -q 'bringing the URL index up to date' "$tmp/merr" &&
	grep -q '"fetched_at":"2024-08-20' "$tmp/m1"
}
check "while a run brings the URL index up to date, get searches the day indexes" mending

lazy_icu() {
	# ICU and libpsl are loaded when a URL needs them (lib/url.c), not
	# at start: a get of ASCII URLs does without
	rm -f "$tmp/q" "$tmp/a"
	mkfifo "$tmp/q"
	store get "$tmp/A" - <"$tmp/q" >"$tmp/a" 2>/dev/null &
	pid=$!
	exec 4>"$tmp/q"
	echo https://u.example/a/1 >&4
	wait_for grep -q 'u.example/a/1"' "$tmp/a"
	grep -c 'libicuuc\|libpsl' "/proc/$pid/maps" >"$tmp/n1"
	echo 'https://ঢাকা.example/x' >&4
	echo https://u.example/a/2 >&4
	wait_for grep -q 'u.example/a/2"' "$tmp/a"
	grep -c libicuuc "/proc/$pid/maps" >"$tmp/n2"
	exec 4>&-
	wait "$pid"
	test "$(cat "$tmp/n1")" -eq 0 && test "$(cat "$tmp/n2")" -gt 0
}
check "store get loads ICU only once a url has a host that is not ASCII" lazy_icu

unfinished() {
	# a run that failed (the disk full as the log grows): its frames cut
	# back, the index left marked; verify says so and exits 0, get
	# searches the day indexes and says so, --repair makes it clean
	rm -rf "$tmp/U" "$tmp/log"
	cp -r "$tmp/A1" "$tmp/U"
	KH_FAULT_LOG=$tmp/log LD_PRELOAD=$fault "$fast" -o "$tmp/U" \
	    "$tmp/run2.jsonl" 2>/dev/null || return 1
	count=$(sed -n "s/^calls pwrite //p" "$tmp/log")
	rm -rf "$tmp/U"
	cp -r "$tmp/A1" "$tmp/U"
	KH_FAULT=pwrite:$((count - 2))+:ENOSPC LD_PRELOAD=$fault "$fast" \
	    -o "$tmp/U" "$tmp/run2.jsonl" 2>"$tmp/uerr"
	test $? -eq 2 || return 1
	cat "$tmp/uerr"
	store verify -q "$tmp/U" 2>"$tmp/verr" && cat "$tmp/verr" &&
	grep -q 'did not finish' "$tmp/verr" &&
	store get "$tmp/U" https://u.example/a/1 2>&1 >/dev/null | grep 'did not finish' &&
	store verify --repair "$tmp/U" 2>/dev/null &&
	store get "$tmp/U" https://u.example/a/1 2>&1 >/dev/null | wc -c | grep -qx 0
}
if [ -f "$fault" ] && [ -x "$fast" ]; then
	check "a run that failed leaves the index marked: verify says so, get searches the day indexes, --repair mends" unfinished
else
	skip "a run that failed" "no $fault or $fast"
fi
done_testing
