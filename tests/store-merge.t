#!/bin/sh
# store merge: shards that parallel jobs wrote joined into one archive,
# as if one run had stored every record.
. "$(dirname "$0")/lib.sh"
plan 10

# gen N OUT: N records over four days, the days interleaved in input
# order, each day in fetch order; each record's text its own (words from
# its number), but that every 7th of the second half has the text of the
# record N/2 before (a body a shard stores once).  Over a megabyte, so
# that each half trains a dictionary of its own.
gen() {
	python3 - "$1" "$2" <<'PY'
import json, sys
n, out = int(sys.argv[1]), sys.argv[2]
words = "রাশিয়ার প্রেসিডেন্ট visit minister \"quoted\" dhaka \\ / river".split()
texts = []
with open(out, "w", encoding="utf-8") as f:
    for i in range(n):
        day = "2024-08-%02d" % (15 + (i * 7) % 4)
        if i >= n // 2 and i % 7 == 6:
            text = texts[i - n // 2]
        else:
            text = " ".join(words[(i * k + k * k) % len(words)] + str(i % (k + 3))
                            for k in range(40 + i % 300))
        texts.append(text)
        r = {"url": "https://bd.example/news/%d" % i,
             "fetched_at": "%sT%02d:%02d:%02dZ" % (day, i * 50 // 3600,
                                                   i * 50 // 60 % 60, i * 50 % 60),
             "title": "খবর %d" % i, "text": text}
        f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
PY
}
gen 1400 "$tmp/all.jsonl"
awk 'NR % 2' "$tmp/all.jsonl" >"$tmp/a.jsonl"
awk '!(NR % 2)' "$tmp/all.jsonl" >"$tmp/b.jsonl"
store -o "$tmp/one" "$tmp/all.jsonl" 2>/dev/null
# each shard in two runs, as the second's copies are stored once
for s in a b; do
	S=$(echo $s | tr ab AB)
	head -n 500 "$tmp/$s.jsonl" | store -o "$tmp/$S" 2>/dev/null
	tail -n +501 "$tmp/$s.jsonl" | store -o "$tmp/$S" 2>/dev/null
done

sorted_same() {	# sorted_same A B: the same lines, in any order
	sort "$1" >"$tmp/s1"
	sort "$2" >"$tmp/s2"
	same "$tmp/s1" "$tmp/s2"
}

# The fetched_at days of records, in the order given: never going back.
days_in_order() {
	python3 -c '
import json, sys
days = [json.loads(l)["fetched_at"][:10] for l in open(sys.argv[1])]
sys.exit(days != sorted(days))' "$1"
}

disjoint() {
	test -s "$tmp/A/khobor.dict" && test -s "$tmp/B/khobor.dict" &&
	! cmp -s "$tmp/A/khobor.dict" "$tmp/B/khobor.dict" || {
		echo "the shards should have dictionaries of their own"
		return 1
	}
	zstd -dc -D "$tmp/A/khobor.dict" "$tmp/A"/*.zst |
	    grep -c '"text_ref":' >"$tmp/n"
	test "$(cat "$tmp/n")" -ge 20 || {
		echo "shard A should hold bodies stored once"
		return 1
	}
	store merge "$tmp/M" "$tmp/A" "$tmp/B" 2>"$tmp/e" || return 1
	cat "$tmp/e"
	grep -q "A: 700 records read" "$tmp/e" &&
	grep -q "M: 1400 records merged: 1400 stored, 0 the same fetch" \
	    "$tmp/e" || return 1
	store cat "$tmp/one" >"$tmp/one.out" &&
	store cat "$tmp/M" >"$tmp/m.out" &&
	sorted_same "$tmp/one.out" "$tmp/m.out" &&
	days_in_order "$tmp/m.out" && sorted_same "$tmp/all.jsonl" "$tmp/m.out"
}
check "disjoint shards merge into what one run stores" disjoint

sound() {
	store verify -q "$tmp/M" || return 1
	python3 -c '
import json, sys
for l in open(sys.argv[1]): print(json.loads(l)["url"])' "$tmp/all.jsonl" \
	    >"$tmp/urls"
	store get "$tmp/M" - <"$tmp/urls" >"$tmp/got" &&
	sorted_same "$tmp/all.jsonl" "$tmp/got"
}
check "the merged archive verifies, and get finds each url" sound

# Overlapping shards: records 0-599 in C, 400-999 in D (400-599 in
# both), and one url in two versions, the later in C, given first, on
# the same day: merged in fetch order, the later version is the one get
# gives.
overlap() {
	head -n 600 "$tmp/all.jsonl" >"$tmp/c.jsonl"
	sed -n 401,1000p "$tmp/all.jsonl" >"$tmp/d.jsonl"
	printf '%s\n' '{"url":"https://bd.example/v","fetched_at":"2024-08-16T20:00:00Z","text":"second"}' >>"$tmp/c.jsonl"
	printf '%s\n' '{"url":"https://bd.example/v","fetched_at":"2024-08-16T14:00:00Z","text":"first"}' >>"$tmp/d.jsonl"
	store -o "$tmp/C" "$tmp/c.jsonl" 2>/dev/null &&
	store -o "$tmp/D" "$tmp/d.jsonl" 2>/dev/null &&
	store merge "$tmp/O" "$tmp/C" "$tmp/D" 2>"$tmp/e" || return 1
	cat "$tmp/e"
	grep -q "O: 1202 records merged: 1002 stored, 200 the same fetch" \
	    "$tmp/e" || return 1
	{ head -n 1000 "$tmp/all.jsonl"; tail -n 1 "$tmp/c.jsonl"
	    tail -n 1 "$tmp/d.jsonl"; } >"$tmp/want"
	store cat "$tmp/O" >"$tmp/o.out" && sorted_same "$tmp/want" "$tmp/o.out" &&
	store get "$tmp/O" https://bd.example/v | grep -q '"second"' &&
	store verify -q "$tmp/O"
}
check "overlapping shards: a record in both stored once, both versions kept, the later last" overlap

into_existing() {
	store merge "$tmp/E" "$tmp/A" 2>/dev/null &&
	store merge "$tmp/E" "$tmp/B" 2>"$tmp/e" &&
	grep -q "700 records merged: 700 stored" "$tmp/e" &&
	store cat "$tmp/E" >"$tmp/e.out" && sorted_same "$tmp/all.jsonl" "$tmp/e.out" &&
	store merge "$tmp/E" "$tmp/B" "$tmp/A" 2>"$tmp/e" &&
	cat "$tmp/e" &&
	grep -q "1400 records merged: 0 stored, 1400 the same fetch" "$tmp/e" &&
	store cat "$tmp/E" >"$tmp/e2.out" && same "$tmp/e.out" "$tmp/e2.out" &&
	store verify -q "$tmp/E"
}
check "merge into an archive adds to it; the same shards again add nothing" into_existing

# A page fetched twice, unchanged: two fetches, kept; with --once, one.
once() {
	printf '%s\n' '{"url":"https://bd.example/r","fetched_at":"2024-08-15T01:00:00Z","text":"same"}' |
	    store -o "$tmp/R1" 2>/dev/null &&
	printf '%s\n' '{"url":"https://bd.example/r","fetched_at":"2024-08-15T02:00:00Z","text":"same"}' |
	    store -o "$tmp/R2" 2>/dev/null &&
	store merge "$tmp/RA" "$tmp/R1" "$tmp/R2" 2>/dev/null &&
	test "$(store cat "$tmp/RA" | wc -l)" -eq 2 &&
	store merge --once "$tmp/RB" "$tmp/R1" "$tmp/R2" 2>"$tmp/e" &&
	cat "$tmp/e" && grep -q "RB: 1 record the same as stored ones" "$tmp/e" &&
	store cat "$tmp/RB" | grep -q '01:00:00Z' &&
	test "$(store cat "$tmp/RB" | wc -l)" -eq 1
}
check "a page fetched again unchanged: kept, but for --once" once

usage() {
	for args in "$tmp/M $tmp/A $tmp/M" "$tmp/M $tmp/none" "$tmp/M" ""; do
		# shellcheck disable=SC2086
		store merge $args 2>"$tmp/e"
		st=$?
		cat "$tmp/e"
		test $st -eq 2 && test -s "$tmp/e" || return 1
	done
	store merge "$tmp/M" "$tmp/A" "$tmp/M/" 2>"$tmp/e"
	test $? -eq 2 && grep -q "cannot be one of the shards" "$tmp/e" &&
	store merge "$tmp/new" "$tmp/none" 2>"$tmp/e"
	test $? -eq 2 && grep -q "none: No such file" "$tmp/e" &&
	test ! -e "$tmp/new"
}
check "OUT as a shard, a missing shard, no shards: status 2 and a message" usage

damaged() {
	cp -r "$tmp/A" "$tmp/Abad"
	f=$tmp/Abad/2024-08-17.jsonl.zst
	flip_bit "$f"
	store merge "$tmp/X" "$tmp/Abad" "$tmp/B" 2>"$tmp/e"
	st=$?
	cat "$tmp/e"
	test $st -eq 1 &&
	grep -q "Abad/2024-08-17.jsonl.zst: at byte [0-9]*: .* records are not merged" \
	    "$tmp/e" || return 1
	store cat "$tmp/X" | wc -l >"$tmp/n"
	n=$(cat "$tmp/n")
	test "$n" -lt 1400 && test "$n" -gt 1000 && store verify -q "$tmp/X"
}
check "a damaged frame of a shard: said, its records left out, the rest merged, status 1" damaged

truncated() {
	cp -r "$tmp/A" "$tmp/Acut"
	f=$tmp/Acut/2024-08-15.jsonl.zst
	truncate -s $(($(stat -c %s "$f") - 100)) "$f"
	store merge "$tmp/Y" "$tmp/Acut" "$tmp/B" 2>"$tmp/e"
	st=$?
	cat "$tmp/e"
	test $st -eq 1 &&
	grep -q "Acut/2024-08-15.jsonl.zst: at byte [0-9]*: .*the rest of the file is not merged" \
	    "$tmp/e" &&
	store cat "$tmp/Y" | wc -l >"$tmp/n" &&
	test "$(cat "$tmp/n")" -gt 1000 && store verify -q "$tmp/Y"
}
check "a shard cut short: said, what comes before it merged, status 1" truncated

single_file() {
	store -o "$tmp/s.zst" "$tmp/a.jsonl" 2>/dev/null &&
	store merge "$tmp/S" "$tmp/s.zst" "$tmp/B" 2>/dev/null &&
	store cat "$tmp/S" >"$tmp/s.out" && sorted_same "$tmp/all.jsonl" "$tmp/s.out" &&
	store verify -q "$tmp/S"
}
check "a single-file shard merges too" single_file

# Memory: 20000 records (some 60 MB) in two shards, merged by the
# unsanitized build: what merge holds is a frame a shard and store -o's
# own tables, not the records.
memory() {
	opt=$root/bin/store
	test -x "$opt" || { echo "no $opt (make all)"; return 1; }
	python3 - "$tmp/big.jsonl" <<'PY'
import json, sys
with open(sys.argv[1], "w") as f:
    for i in range(20000):
        day = "2024-09-%02d" % (1 + i % 5)
        text = " ".join("w%d" % ((i * 31 + k * 17) % 100003) for k in range(500))
        f.write(json.dumps({"url": "https://m.example/%d" % i,
            "fetched_at": "%sT%02d:00:00Z" % (day, i % 24),
            "text": text}) + "\n")
PY
	bytes=$(stat -c %s "$tmp/big.jsonl")
	awk 'NR % 2' "$tmp/big.jsonl" | "$opt" -o "$tmp/G1" 2>/dev/null &&
	awk '!(NR % 2)' "$tmp/big.jsonl" | "$opt" -o "$tmp/G2" 2>/dev/null &&
	/usr/bin/time -f %M -o "$tmp/rss" "$opt" merge "$tmp/G" "$tmp/G1" \
	    "$tmp/G2" 2>"$tmp/e" || { cat "$tmp/e"; return 1; }
	kb=$(tail -n 1 "$tmp/rss")
	echo "merge of $bytes bytes of records: ${kb} KB"
	"$opt" cat "$tmp/G" | wc -l >"$tmp/n" &&
	test "$(cat "$tmp/n")" -eq 20000 &&
	test $((kb * 1024)) -lt $((bytes * 3 / 5))
}
check "merging 20000 records holds far less than they take" memory

done_testing
