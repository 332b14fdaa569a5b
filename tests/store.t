#!/bin/sh
# store: round trip, rotation, appends, get/ls/stats/new, reindex,
# damage, and what stock tools see.
. "$(dirname "$0")/lib.sh"
plan 31

# Records over three days, Bengali text, a page-sized body, odd bytes.
python3 - "$tmp/in.jsonl" <<'PY'
import json, sys
out = []
for i in range(300):
    day = "2024-08-%02d" % (15 + i % 3)
    r = {"url": "https://bd.example/news/%d" % i,
         "fetched_at": "%sT%02d:%02d:07Z" % (day, i % 24, i % 60),
         "title": "পুতিনের সফর %d" % i,
         "html": ("<p>রাশিয়ার প্রেসিডেন্ট \"quoted\" \\ \t / %d</p>\n" % i) * (1 + i % 40)}
    out.append(json.dumps(r, ensure_ascii=False, separators=(",", ":")))
open(sys.argv[1], "w", encoding="utf-8").write("\n".join(out) + "\n")
PY
A=$tmp/arch

sorted_same() {	# sorted_same A B: the same lines, in any order
	sort "$1" >"$tmp/s1"
	sort "$2" >"$tmp/s2"
	same "$tmp/s1" "$tmp/s2"
}

roundtrip() {
	store -o "$A" --frame-size 16K "$tmp/in.jsonl" >"$tmp/out" || return 1
	test ! -s "$tmp/out" || { echo "store wrote to stdout"; return 1; }
	store cat "$A" >"$tmp/back" && sorted_same "$tmp/in.jsonl" "$tmp/back"
}
check "records in == records out, byte for byte" roundtrip

rotation() {
	ls "$A" | grep -v '^\.' >"$tmp/files"
	printf '%s\n' 2024-08-15.idx 2024-08-15.jsonl.zst 2024-08-16.idx \
	    2024-08-16.jsonl.zst 2024-08-17.idx 2024-08-17.jsonl.zst \
	    khobor.urls khobor.urls.log >"$tmp/want"
	same "$tmp/want" "$tmp/files" &&
	test "$(store cat --from 2024-08-16 --to 2024-08-16 "$A" | wc -l)" -eq 100
}
check "one file a day by fetched_at; cat --from/--to" rotation

stock_zstd() {
	zstd -t -q "$A"/*.zst && zstd -dc "$A"/*.zst >"$tmp/z" &&
	sorted_same "$tmp/in.jsonl" "$tmp/z"
}
if command -v zstd >/dev/null; then
	check "zstd -dc reads the archive without khobor" stock_zstd
else
	skip "zstd -dc reads the archive" "no zstd"
fi

where() {
	store cat --where 'title=পুতিনের সফর 42' "$A" >"$tmp/wh" &&
	grep '"url":"https://bd.example/news/42"' "$tmp/in.jsonl" >"$tmp/w" &&
	same "$tmp/w" "$tmp/wh" &&
	store export --warc --where url=https://bd.example/news/42 "$A" |
	    zcat | tr -d '\r' | grep -a -c '^WARC-Target-URI: ' >"$tmp/n" &&
	test "$(cat "$tmp/n")" -eq 2	# warcinfo has none; resource, metadata
}
check "cat and export --where field=value pick the records" where

get_one() {
	store get "$A" https://bd.example/news/42 >"$tmp/g" &&
	grep '"url":"https://bd.example/news/42"' "$tmp/in.jsonl" >"$tmp/w" &&
	same "$tmp/w" "$tmp/g" &&
	{ store get "$A" https://bd.example/none 2>"$tmp/e"; test $? -eq 1; } &&
	grep -q 'https://bd.example/none: not in the archive' "$tmp/e" || return 1
	# several, in the order asked, from argv or a line each on stdin
	for n in 7 250 7 0 299; do
		grep "\"url\":\"https://bd.example/news/$n\"" "$tmp/in.jsonl"
	done >"$tmp/w5"
	store get "$A" https://bd.example/news/7 https://bd.example/news/250 \
	    https://bd.example/news/7 https://bd.example/news/0 \
	    https://bd.example/news/299 >"$tmp/g5" && same "$tmp/w5" "$tmp/g5" &&
	printf 'https://bd.example/news/%s\r\n' 7 250 7 0 299 |
	    store get "$A" - >"$tmp/g5" && same "$tmp/w5" "$tmp/g5" &&
	{ printf '%s\n' https://bd.example/news/7 https://bd.example/none https://bd.example/news/0 |
	    store get "$A" - >"$tmp/g2" 2>"$tmp/e"; test $? -eq 1; } &&
	test "$(wc -l <"$tmp/g2")" -eq 2 && grep -q 'none: not in the archive' "$tmp/e"
}
check "get URL gives the record (or several, or a line each from stdin); a missing url is status 1" get_one

ls_stats() {
	store ls "$A" >"$tmp/ls" && test "$(wc -l <"$tmp/ls")" -eq 300 &&
	grep -q "^https://bd.example/news/7	2024-08-16T07:07:07Z	[0-9]*$" "$tmp/ls" &&
	store stats "$A" >"$tmp/st" && cat "$tmp/st" &&
	grep -q '^records	300$' "$tmp/st" && grep -q '^files	3$' "$tmp/st"
}
check "ls lists url, fetched_at, size; stats counts" ls_stats

append() {
	printf '%s\n' '{"url":"https://bd.example/late","fetched_at":"2024-08-17T23:59:59Z"}' |
	    store -o "$A" && store get "$A" https://bd.example/late >/dev/null &&
	test "$(store cat "$A" | wc -l)" -eq 301 && store verify -q "$A"
}
check "a second run appends to the day's file" append

new_urls() {
	printf '%s\n' https://bd.example/news/1 https://bd.example/fresh https://bd.example/news/2 https://bd.example/fresh |
	    sed 's/.*/{"url":"&"}/' >"$tmp/urls"
	store new "$A" "$tmp/urls" >"$tmp/new" &&
	test "$(cat "$tmp/new")" = '{"url":"https://bd.example/fresh"}'
}
check "new writes only the urls not yet archived (once)" new_urls

reindex() {
	cp "$A/2024-08-16.idx" "$tmp/idx.orig"
	rm "$A"/*.idx
	store reindex "$A" && same "$tmp/idx.orig" "$A/2024-08-16.idx" &&
	store verify -q "$A" && store get "$A" https://bd.example/news/4 >/dev/null
}
check "reindex rebuilds a lost index from the data alone" reindex

tee_out() {
	store -o "$tmp/t.zst" --tee "$tmp/in.jsonl" >"$tmp/tee" &&
	same "$tmp/in.jsonl" "$tmp/tee" && test -f "$tmp/t.zst.idx" &&
	test "$(store cat "$tmp/t.zst" | wc -l)" -eq 300
}
check "--tee passes records on; a .zst name is a single-file archive" tee_out

bad_records() {
	printf '%s\n' '{"url":"https://a.example/1"}' '{"no":"url"}' '{"url":"has space"}' 'junk' |
	    store -o "$tmp/b.zst" 2>"$tmp/e"
	st=$?
	cat "$tmp/e"
	test $st -eq 1 && grep -q '<stdin>:2: no url; skipped' "$tmp/e" &&
	grep -q '<stdin>:3: url holds a space' "$tmp/e" &&
	test "$(store cat "$tmp/b.zst")" = '{"url":"https://a.example/1"}'
}
check "bad records are skipped with their line; the rest stored" bad_records

torn_tail() {
	cp -r "$A" "$tmp/torn"
	f=$tmp/torn/2024-08-15.jsonl.zst
	head -c 3000 "$f" | tail -c 2000 >>"$f"	# a half-written unit
	printf '%s\n' '{"url":"https://bd.example/after","fetched_at":"2024-08-15T10:00:00Z"}' |
	    store -o "$tmp/torn" 2>"$tmp/e"
	cat "$tmp/e"
	grep -q 'cut .*torn unit' "$tmp/e" && store verify -q "$tmp/torn" &&
	zstd -t -q "$tmp/torn"/*.zst &&
	test "$(store cat "$tmp/torn" | wc -l)" -eq 302
}
check "a torn unit at the end is cut by the next run, which goes on" torn_tail

unindexed() {
	cp -r "$A" "$tmp/unidx"
	# A crash after the data's fsync, before the index's: drop index lines.
	head -n 50 "$tmp/unidx/2024-08-16.idx" >"$tmp/i" && mv "$tmp/i" "$tmp/unidx/2024-08-16.idx"
	# the next run mends every day, also those it does not write to
	printf '' | store -o "$tmp/unidx" 2>"$tmp/e"
	cat "$tmp/e"
	grep -q 'indexed [0-9]* records written by a run that did not finish' "$tmp/e" &&
	store verify -q "$tmp/unidx" &&
	store get "$tmp/unidx" https://bd.example/news/298 >/dev/null || return 1
	# The machine went down before the index was synced: its tail is
	# lost lines, then zeros or garbage.
	head -n 40 "$tmp/unidx/2024-08-17.idx" >"$tmp/i" &&
	{ cat "$tmp/i"; printf 'https://x.example/cut\t12'; head -c 3000 /dev/zero; printf '\n\001\n'; } \
	    >"$tmp/unidx/2024-08-17.idx" &&
	printf '' | store -o "$tmp/unidx" 2>"$tmp/e"
	cat "$tmp/e"
	grep -q 'dropped the torn tail of the index' "$tmp/e" &&
	store verify -q "$tmp/unidx" && store cat "$tmp/unidx" >"$tmp/uc" &&
	store cat "$A" >"$tmp/ua" && sorted_same "$tmp/ua" "$tmp/uc"
}
check "whole units the index lacks (or garbage after a crash) are indexed, not lost" unindexed

bitflip() {
	cp -r "$A" "$tmp/flip"
	f=$tmp/flip/2024-08-17.jsonl.zst
	flip_bit "$f"
	store verify "$tmp/flip" 2>"$tmp/e"
	st=$?
	cat "$tmp/e"
	test $st -eq 1 && grep -q '2024-08-17.jsonl.zst: at byte' "$tmp/e" &&
	store cat "$tmp/flip" >/dev/null 2>&1
	test $? -eq 2 || return 1
	store verify --repair "$tmp/flip" 2>"$tmp/e"
	cat "$tmp/e"
	grep -q 'indexed records lost' "$tmp/e" && store verify -q "$tmp/flip" &&
	zstd -t -q "$tmp/flip"/*.zst
}
check "a flipped bit is found; verify --repair cuts it and reindexes" bitflip

truncated_anywhere() {
	# Cut the data at many places: no crash, a clear word every time.
	sz=$(stat -c %s "$A/2024-08-15.jsonl.zst")
	for cut in 0 1 10 23 24 25 100 1000 5000 $((sz / 2)) $((sz - 1)); do
		cp -r "$A" "$tmp/cut"
		truncate -s "$cut" "$tmp/cut/2024-08-15.jsonl.zst"
		store verify "$tmp/cut" >/dev/null 2>&1
		st=$?
		store cat "$tmp/cut" >/dev/null 2>&1
		st2=$?
		store get "$tmp/cut" https://bd.example/news/3 >/dev/null 2>&1
		st3=$?
		rm -rf "$tmp/cut"
		# 1: verify found it; cat/get: 0, 1 or 2, never a crash
		test $st -eq 1 -o \( $cut -eq $sz \) || { echo "verify at $cut: $st"; return 1; }
		test $st2 -le 2 -a $st3 -le 2 || { echo "cut $cut: $st2 $st3"; return 1; }
	done
}
check "truncated archives give clear errors, never a crash" truncated_anywhere

usage() {
	store 2>"$tmp/e"; test $? -eq 2 && grep -q '^usage: store' "$tmp/e" &&
	{ store ca "$A" 2>"$tmp/e"; test $? -eq 2; } &&
	grep -q '^store: ca: no such command$' "$tmp/e" &&
	{ store export "$A" 2>"$tmp/e"; test $? -eq 2; } &&
	grep -q 'export: say which format (--warc)' "$tmp/e" &&
	{ store cat "$tmp/nowhere" 2>"$tmp/e"; test $? -eq 2; } &&
	grep -q 'nowhere: No such file or directory' "$tmp/e"
}
check "usage errors and a missing archive are status 2" usage

concurrent() {
	python3 - "$tmp" <<'PY'
import sys
for k in "ab":
    with open(sys.argv[1] + "/c" + k, "w") as f:
        for i in range(3000):
            f.write('{"url":"https://%s.example/%d","fetched_at":"2024-09-01T00:00:00Z","x":"%s"}\n' % (k, i, "y" * 300))
PY
	store -o "$tmp/cc" --frame-size 8K "$tmp/ca" & p1=$!
	store -o "$tmp/cc" --frame-size 8K "$tmp/cb" & p2=$!
	wait $p1 && wait $p2 && store verify -q "$tmp/cc" &&
	cat "$tmp/ca" "$tmp/cb" >"$tmp/cab" && store cat "$tmp/cc" >"$tmp/ccout" &&
	sorted_same "$tmp/cab" "$tmp/ccout"
}
check "two writers at once are serialised, never interleaved" concurrent
dedup() {
	# The same bodies again under other urls, a day later: stored once.
	python3 - "$tmp/in.jsonl" "$tmp/dup.jsonl" <<'PY'
import json, sys
big = 0
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in open(sys.argv[1], encoding="utf-8"):
        r = json.loads(line)
        r["url"] = r["url"].replace("bd.example", "mirror.example")
        r["fetched_at"] = r["fetched_at"].replace("2024-08-1", "2024-09-1")
        r["text"] = "রাশিয়ার প্রেসিডেন্ট। " * 40 if int(r["url"].rsplit("/", 1)[1]) % 2 else "short"
        out.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")
        # the length as the record writes it, escapes and all
        big += len(json.dumps(r["html"], ensure_ascii=False).encode()) - 2 >= 512
open(sys.argv[2] + ".big", "w").write("%d\n" % big)
PY
	store -o "$tmp/dd" --frame-size 16K "$tmp/in.jsonl" &&
	before=$(du -sb "$tmp/dd" | cut -f1) &&
	store -o "$tmp/dd" --frame-size 16K --tee "$tmp/dup.jsonl" >"$tmp/dtee" &&
	after=$(du -sb "$tmp/dd" | cut -f1) &&
	echo "archive: $before bytes, then $after with 300 duplicate bodies" &&
	sorted_same "$tmp/dup.jsonl" "$tmp/dtee" &&
	# (with the dictionary these small runs trained on the archive)
	refs=$(zstd -dc -D "$tmp/dd/khobor.dict" "$tmp/dd"/2024-09-*.zst |
	    grep -c '"html_ref":"@') &&
	echo "$refs references for $(cat "$tmp/dup.jsonl.big") bodies of 512 bytes or more" &&
	test "$refs" -eq "$(cat "$tmp/dup.jsonl.big")" && test "$refs" -gt 250 &&
	cat "$tmp/in.jsonl" "$tmp/dup.jsonl" >"$tmp/dall" &&
	store cat "$tmp/dd" >"$tmp/dback" && sorted_same "$tmp/dall" "$tmp/dback" &&
	store get "$tmp/dd" https://mirror.example/news/7 >"$tmp/g" &&
	grep '/news/7"' "$tmp/dup.jsonl" >"$tmp/w" && same "$tmp/w" "$tmp/g" &&
	store verify -q "$tmp/dd"
}
check "duplicate bodies are stored once, referenced, and read back whole" dedup

dedup_reindex() {
	rm "$tmp/dd"/*.idx && store reindex "$tmp/dd" && store verify -q "$tmp/dd" &&
	store cat "$tmp/dd" >"$tmp/dback" && sorted_same "$tmp/dall" "$tmp/dback" &&
	# without the holding day, the references are found dangling
	rm "$tmp/dd"/2024-08-15.* && { store verify "$tmp/dd" 2>"$tmp/e"; test $? -eq 1; } &&
	grep -q 'refers to a body no record holds' "$tmp/e"
}
check "references survive reindex; verify finds dangling ones" dedup_reindex

# --- the dictionary ----------------------------------------------------------
# Pages of one site: the same frame around each story, 20 KB a page.
# 600 KB first (too little to train on), then 5.4 MB, which trains one
# on its first 2 MB.  Small frames, as a slow pipeline writes them, are
# where a dictionary pays most.
python3 - "$tmp/site.jsonl" <<'PY'
import json, random, sys
rnd = random.Random(5)
words = "রাশিয়ার প্রেসিডেন্ট ঢাকা সফর বৈঠক সরকার নির্বাচন কমিশন বাজেট".split()
nav = "".join('<li class="menu-item"><a href="https://site.example/section/%d">বিভাগ %d</a></li>'
              % (k, k) for k in range(150))
js = "".join('window.cfg_%d={enabled:true,slot:"ad-%d",size:[300,250]};' % (k, k)
             for k in range(60))
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for i in range(300):
        story = " ".join(rnd.choice(words) for _ in range(80))
        html = ('<html><head><title>খবর %d</title><script>%s</script></head><body>'
                '<ul class="nav">%s</ul><article><h1>শিরোনাম %d</h1><p>%s</p></article>'
                '<footer>© সর্বস্বত্ব সংরক্ষিত</footer></body></html>' % (i, js, nav, i, story))
        f.write(json.dumps({"url": "https://site.example/%d" % i,
                            "fetched_at": "2024-08-20T%02d:00:00Z" % (i % 24),
                            "html": html}, ensure_ascii=False,
                           separators=(",", ":")) + "\n")
PY
dictionary() {
	D=$tmp/site.zst
	head -n 30 "$tmp/site.jsonl" >"$tmp/site1"
	tail -n +31 "$tmp/site.jsonl" >"$tmp/site2"
	store -o "$D" --frame-size 16K "$tmp/site1" && test ! -e "$D.dict" &&
	store -o "$D" --frame-size 16K "$tmp/site2" && test -s "$D.dict" || return 1
	# frames from before the dictionary and with it, in one file
	zstd -dc -D "$D.dict" "$D" >"$tmp/zd" && same "$tmp/site.jsonl" "$tmp/zd" &&
	{ ! zstd -dc "$D" >/dev/null 2>&1; } &&
	store cat "$D" >"$tmp/sd" && same "$tmp/site.jsonl" "$tmp/sd" &&
	store get "$D" https://site.example/250 >"$tmp/g" &&
	sed -n 251p "$tmp/site.jsonl" | same - "$tmp/g" &&
	store verify -q "$D" &&
	store stats "$D" | grep -q "^dictionary	$(wc -c <"$D.dict")\$" || return 1
	# it pays: the same records in a fresh archive without one
	store -o "$tmp/nd.zst" --frame-size 16K --no-dict "$tmp/site.jsonl" &&
	test ! -e "$tmp/nd.zst.dict" &&
	with=$(($(wc -c <"$D") + $(wc -c <"$D.dict"))) && without=$(wc -c <"$tmp/nd.zst") &&
	echo "with the dictionary $with bytes (counting it), without $without" &&
	test "$with" -lt "$without" || return 1
	# a lost dictionary is named, not a crash
	mv "$D.dict" "$tmp/saved.dict"
	store cat "$D" >/dev/null 2>"$tmp/e"; st=$?
	mv "$tmp/saved.dict" "$D.dict"
	cat "$tmp/e"
	test $st -ne 0 && test $st -le 2 && grep -q "needs the archive's dictionary" "$tmp/e"
}
if command -v zstd >/dev/null; then
	check "a dictionary is trained, kept beside the archive, and read with zstd -D" dictionary
else
	skip "the dictionary" "no zstd"
fi

slow_dictionary() {
	# Input pauses: what came is stored (and passed on by --tee)
	# without waiting for more input or for the dictionary, which is
	# trained later in the run.  The input goes on only once those 5
	# records are through, or after 60 s: a store that held them to
	# the end fails, whatever the load (a fixed wait of 1.8 s was not
	# enough for a loaded machine).
	: >"$tmp/slowtee"
	{
		head -n 5 "$tmp/site.jsonl"
		i=0
		while [ "$(wc -l <"$tmp/slowtee")" -lt 5 ] && [ $i -lt 600 ]; do
			sleep 0.1
			i=$((i + 1))
		done
		wc -l <"$tmp/slowtee" >"$tmp/early"
		tail -n +6 "$tmp/site.jsonl"
	} | store -o "$tmp/slow" --tee >"$tmp/slowtee" || return 1
	early=$(cat "$tmp/early")
	echo "$early records stored during the pause" &&
	test "$early" -eq 5 && test -s "$tmp/slow/khobor.dict" &&
	store cat "$tmp/slow" >"$tmp/sc" && same "$tmp/site.jsonl" "$tmp/sc" &&
	zstd -dc -D "$tmp/slow/khobor.dict" "$tmp/slow"/*.zst | same "$tmp/site.jsonl" -
}
check "a pause in input stores what came; the dictionary follows" slow_dictionary

small_runs() {
	# Runs too small to train on (cron): the second trains on its own
	# records and those stored before, and its frames use it.
	D=$tmp/small
	head -n 30 "$tmp/site.jsonl" >"$tmp/small1"
	sed -n 31,60p "$tmp/site.jsonl" >"$tmp/small2"
	store -o "$D" --frame-size 16K "$tmp/small1" &&
	test ! -e "$D/khobor.dict" &&
	store -o "$D" --frame-size 16K "$tmp/small2" &&
	test -s "$D/khobor.dict" &&
	{ ! zstd -dc "$D"/*.zst >/dev/null 2>&1; } &&
	head -n 60 "$tmp/site.jsonl" >"$tmp/small12" &&
	zstd -dc -D "$D/khobor.dict" "$D"/*.zst | same "$tmp/small12" - &&
	store cat "$D" | same "$tmp/small12" - &&
	store verify -q "$D"
}
if command -v zstd >/dev/null; then
	check "small runs train a dictionary on what the archive holds" small_runs
else
	skip "small runs train a dictionary" "no zstd"
fi

threads() {
	# Frames are compressed by several threads, and committed in order:
	# the archive does not depend on how many.
	store -o "$tmp/t1.zst" --threads 1 --frame-size 16K "$tmp/site.jsonl" &&
	store -o "$tmp/t3.zst" --threads 3 --frame-size 16K "$tmp/site.jsonl" &&
	cmp "$tmp/t1.zst" "$tmp/t3.zst" && cmp "$tmp/t1.zst.idx" "$tmp/t3.zst.idx" &&
	cmp "$tmp/t1.zst.dict" "$tmp/t3.zst.dict" &&
	store cat "$tmp/t3.zst" | same "$tmp/site.jsonl" - || return 1
	for n in 0 17 2x; do
		store -o "$tmp/t0.zst" --threads "$n" </dev/null 2>"$tmp/e"
		test $? -eq 2 &&
		grep -q "^store: --threads: want 1\.\.16: $n\$" "$tmp/e" || return 1
	done
	test ! -e "$tmp/t0.zst"
}
check "--threads: the same archive whatever the number; bad numbers refused" threads

lax_json() {
	# Forms json-c reads and JSON lacks are archived as strict JSON,
	# as every stage writes records: zstd -dc | jq must read it all.
	# A strict record is kept byte for byte, escapes and all.
	python3 - "$tmp/lax.jsonl" "$tmp/lax.want" <<'PY' || return 1
import sys
rec = [('{"url":"https://l.example/1","x":"tab\tend"}',
        '{"url":"https://l.example/1","x":"tab\\tend"}'),
       ("{'url':\"https://l.example/2\"}", '{"url":"https://l.example/2"}'),
       ('{"url":"https://l.example/3","n":00,"m":-01,"s":"\\ud800 \\ud83d\\ude00"}',
        '{"url":"https://l.example/3","n":0,"m":-1,"s":"\ufffd \U0001f600"}'),
       ('{"url":"https://l.example/4","a":NaN,"a":1}',
        '{"url":"https://l.example/4","a":1}'),
       ('{"url":"https://l.example/5","t":"\\u00e9\\/"}',
        '{"url":"https://l.example/5","t":"\\u00e9\\/"}')]
for path, k in zip(sys.argv[1:], (0, 1)):
    open(path, "w", encoding="utf-8").write("".join(r[k] + "\n" for r in rec))
PY
	store -o "$tmp/lax.zst" "$tmp/lax.jsonl" &&
	store cat "$tmp/lax.zst" | same "$tmp/lax.want" - &&
	zstd -dc "$tmp/lax.zst" | jq -c . >"$tmp/lax.jq" &&
	test "$(wc -l <"$tmp/lax.jq")" -eq 5
}
if command -v zstd >/dev/null && command -v jq >/dev/null; then
	check "records in forms JSON lacks are archived as strict JSON (jq reads them)" lax_json
else
	skip "records in forms JSON lacks" "no zstd or jq"
fi

# --- records as they are spelled ---------------------------------------------
# Bodies stored once come back byte for byte whatever the spelling of
# their member, and a record's own html_ref or text_ref is data.
python3 - "$tmp/sp1" "$tmp/sp2" <<'PY'
import sys
B = "<p>" + "পুতিনের সফর \\\"q\\\" \\u0041\\/ " * 30 + "</p>"
T = "রাশিয়ার প্রেসিডেন্ট। " * 40
U = "https://sp.example/"
D1, D2 = '"fetched_at":"2024-08-15T00:00:00Z"', '"fetched_at":"2024-08-16T00:00:00Z"'
first = ['{"url":"%s0",%s,"html":"%s","text":"%s"}' % (U, D1, B, T)]
second = [
    '{"url":"%s1",%s,"html": "%s"}' % (U, D2, B),
    '{ "url" : "%s2" , %s ,  "html" :\t"%s" , "x" : [1, {"html": "y"}] } ' % (U, D2, B),
    '{"url":"%s3",%s,"html":"%s","html":"%s"}' % (U, D2, B, B),
    '{"url":"%s4",%s,"html":"%s","html_ref":"@2024-08-15/0/0"}' % (U, D2, B),
    '{"url":"%s5",%s,"html_ref":"@2024-08-15/0/0","text_ref":"@2024-08-15/0/0"}' % (U, D2),
    '{"url":"%s6",%s,"text" :"%s","html":"%s"}' % (U, D2, T, B),
    '{"url":"%s7",%s,"ht\\u006dl":"%s"}' % (U, D2, B),
    '{"url":"%s8",%s,"text_ref":"@2024-08-15/0/0","html":"%s","n":1}' % (U, D2, B),
]
open(sys.argv[1], "w", encoding="utf-8").write("".join(r + "\n" for r in first))
open(sys.argv[2], "w", encoding="utf-8").write("".join(r + "\n" for r in second))
PY
SP=$tmp/sp
spelling() {
	store -o "$SP" "$tmp/sp1" && store -o "$SP" "$tmp/sp2" || return 1
	cat "$tmp/sp1" "$tmp/sp2" >"$tmp/spall"
	store cat "$SP" | same "$tmp/spall" - || return 1
	for i in 0 1 2 3 4 5 6 7 8; do
		store get "$SP" "https://sp.example/$i" || return 1
	done | same "$tmp/spall" - || return 1
	store verify -q "$SP" || return 1
	# the bodies were stored once, the bytes around them kept
	zstd -dc "$SP/2024-08-16.jsonl.zst" >"$tmp/spz" &&
	grep -q '"html_ref": "@2024-08-15/' "$tmp/spz" &&
	grep -q '"html_ref" :	"@2024-08-15/' "$tmp/spz" &&
	grep -q 'sp.example/6",.*"text_ref" :"@2024-08-15/' "$tmp/spz"
}
check "bodies stored once come back byte for byte: blanks, escapes, duplicate and escaped names" spelling

own_refs() {
	# a record's own html_ref and text_ref are data, never resolved
	for i in 4 5 8; do
		store get "$SP" "https://sp.example/$i" >"$tmp/g" 2>"$tmp/e" &&
		grep "/sp.example/$i\"" "$tmp/spall" | same - "$tmp/g" &&
		test ! -s "$tmp/e" || return 1
	done
}
check "a record's own html_ref and text_ref come back as they are" own_refs

random_spelling() {
	# Records of random spelling (blanks, escapes, member order,
	# duplicate, escaped and nested names, own references), over three
	# runs that share bodies: each comes back as it went in.
	for seed in 1 2 3; do
		python3 - "$seed" >"$tmp/rs.$seed" <<'PY' || return 1
import random, sys
seed = int(sys.argv[1])
rnd = random.Random(seed)
def w(): return rnd.choice(["", " ", "  ", "\t", " \t "])
def body(n):
    return '"' + "".join(rnd.choice(["\\u0041", "\\/", '\\"', "\\\\", "\\n",
        "\\ud83d\\ude00", "খবর ", "abc ", "<p>", "ঢাকা "]) for _ in range(n)) + '"'
rnd2 = random.Random(0)
bodies = [body(rnd2.randint(150, 400)) for _ in range(6)]
for i in range(150):
    day = 15 + rnd.randint(0, 2)
    m = [('"url"', '"https://rs.example/%d/%d"' % (seed, i)),
         ('"fetched_at"', '"2024-08-%02dT00:00:00Z"' % day)]
    for f in ["html", "text"]:
        r = rnd.random()
        if r < 0.6: m.append(('"%s"' % f, rnd.choice(bodies)))
        elif r < 0.65: m += [('"%s"' % f, rnd.choice(bodies))] * 2
        elif r < 0.72: m.append(('"%s_ref"' % f, '"@2024-08-%02d/0/0"' % day))
        elif r < 0.78: m.append(('"%s"' % f, "null"))
        elif r < 0.84: m.append(('"%s\\u005fref"' % f, '"@2024-08-15/0/0"'))
        elif r < 0.9: m.append(('"h\\u0074ml"', rnd.choice(bodies)))
    if rnd.random() < 0.3:
        m.append(('"x"', '{"html":%s,"a":[1,{"text":"y"}]}' % rnd.choice(bodies)))
    rnd.shuffle(m)
    print(w() + "{" + ",".join(w() + k + w() + ":" + w() + v + w() for k, v in m) + "}" + w())
PY
	done
	store -o "$tmp/rs" "$tmp/rs.1" && store -o "$tmp/rs" --tee "$tmp/rs.2" >"$tmp/rs.tee" &&
	store -o "$tmp/rs" --frame-size 4K "$tmp/rs.3" || return 1
	sorted_same "$tmp/rs.2" "$tmp/rs.tee" || return 1
	cat "$tmp/rs.1" "$tmp/rs.2" "$tmp/rs.3" >"$tmp/rs.all"
	store cat "$tmp/rs" >"$tmp/rs.back" && sorted_same "$tmp/rs.all" "$tmp/rs.back" &&
	store verify -q "$tmp/rs" || return 1
	sed -n '7p;150p;299p;450p' "$tmp/rs.all" | sed -n 's/.*"\(https:\/\/rs\.example\/[0-9]*\/[0-9]*\)".*/\1/p' >"$tmp/rs.urls"
	store get "$tmp/rs" - <"$tmp/rs.urls" >"$tmp/rs.got" &&
	sed -n '7p;150p;299p;450p' "$tmp/rs.all" | same - "$tmp/rs.got" || return 1
	# and bodies were stored once
	refs=$(zstd -dc -D "$tmp/rs/khobor.dict" "$tmp/rs"/*.zst 2>/dev/null |
	    grep -c '_ref"[ 	]*:[ 	]*"@2024-08-1[5-7]/[1-9]') || true
	echo "$refs records hold references"
	test "$refs" -gt 50
}
if command -v zstd >/dev/null; then
	check "records of random spelling come back byte for byte" random_spelling
else
	skip "records of random spelling" "no zstd"
fi

first_format() {
	# An archive written before units listed their references (the
	# first format, tests/store-v1): read as then, and appended to.
	cp -r "$here/store-v1" "$tmp/v1" &&
	store cat "$tmp/v1" | same "$here/store-v1.jsonl" - &&
	store get "$tmp/v1" https://v1.example/3 >"$tmp/g" &&
	sed -n 3p "$here/store-v1.jsonl" | same - "$tmp/g" &&
	store verify -q "$tmp/v1" || return 1
	sed -e 's/v1\.example/v2.example/' -e 's/2024-08-15T/2024-08-16T/' \
	    "$here/store-v1.jsonl" >"$tmp/v2.jsonl" &&
	store -o "$tmp/v1" "$tmp/v2.jsonl" &&
	cat "$here/store-v1.jsonl" "$tmp/v2.jsonl" | sort >"$tmp/v12" &&
	store cat "$tmp/v1" | sort | same "$tmp/v12" - &&
	zstd -dc "$tmp/v1"/*.zst | grep -c '_ref":"@2024-08-1' >"$tmp/n" &&
	test "$(cat "$tmp/n")" -ge 5 &&
	# reindex writes the lines anew, in the format of today: the same
	# columns, then the other URLs and the date (none here: "-")
	cp "$tmp/v1/2024-08-15.idx" "$tmp/v1.idx" && store reindex "$tmp/v1" &&
	sed 's/$/	-	-/' "$tmp/v1.idx" >"$tmp/v1.idx3" &&
	same "$tmp/v1.idx3" "$tmp/v1/2024-08-15.idx" && store verify -q "$tmp/v1"
}
if command -v zstd >/dev/null; then
	check "an archive of the first format is read as before, and appended to" first_format
else
	skip "an archive of the first format" "no zstd"
fi

empty_day() {
	# An empty data file, as a run killed before its first frame left
	# one before store made data files with their first frame.
	cp -r "$SP" "$tmp/emp" && : >"$tmp/emp/2024-08-18.jsonl.zst" &&
	: >"$tmp/emp/2024-08-18.idx" || return 1
	store verify "$tmp/emp" 2>"$tmp/e"
	st=$?
	cat "$tmp/e"
	test $st -eq 1 && grep -q '2024-08-18.jsonl.zst: an empty data file' "$tmp/e" || return 1
	store -o "$tmp/emp" </dev/null 2>"$tmp/e"
	st=$?
	cat "$tmp/e"
	test $st -eq 0 && grep -q 'removed an empty data file' "$tmp/e" &&
	test ! -e "$tmp/emp/2024-08-18.jsonl.zst" &&
	test ! -e "$tmp/emp/2024-08-18.idx" && store verify -q "$tmp/emp" &&
	zstd -t -q "$tmp/emp"/*.zst || return 1
	# verify --repair removes one too
	: >"$tmp/emp/2024-08-19.jsonl.zst"
	store verify -q --repair "$tmp/emp" 2>/dev/null
	test ! -e "$tmp/emp/2024-08-19.jsonl.zst" && store verify -q "$tmp/emp"
}
check "an empty data file: verify says so, the next run and verify --repair remove it" empty_day

no_dict() {
	# Frames that need the archive's dictionary, which is missing or
	# another: nothing is cut, the id is named, exit 2.
	D=$tmp/nd
	store -o "$D" --frame-size 16K "$tmp/site.jsonl" && test -s "$D/khobor.dict" &&
	tac "$tmp/site.jsonl" | sed "s/খবর/news/g" | store -o "$tmp/other" --frame-size 16K || return 1
	id=$(zstd -lv "$D"/*.zst 2>/dev/null | sed -n 's/.*Dictionary ID: *\([0-9]*\).*/\1/p' | head -1)
	mv "$D/khobor.dict" "$tmp/nd.dict"
	for round in missing other; do
		[ $round = other ] && cp "$tmp/other/khobor.dict" "$D/khobor.dict"
		(cd "$D" && ls -la . && md5sum *) >"$tmp/before"
		store verify --repair "$D" 2>"$tmp/e"; st=$?
		cat "$tmp/e"
		test $st -eq 2 && grep -q "dictionary.*id $id" "$tmp/e" &&
		grep -q 'nothing was changed' "$tmp/e" || return 1
		store cat "$D" >/dev/null 2>"$tmp/e"; st=$?
		cat "$tmp/e"
		test $st -eq 2 && grep -q "id $id" "$tmp/e" &&
		! grep -q 'run store verify' "$tmp/e" || return 1
		store get "$D" https://site.example/7 >/dev/null 2>"$tmp/e"; st=$?
		test $st -eq 2 && grep -q "id $id" "$tmp/e" || return 1
		# a writer (its index lost its tail: it would have to read
		# the frames) touches nothing
		head -n 3 "$D/2024-08-20.idx" >"$tmp/i" && cp "$D/2024-08-20.idx" "$tmp/idx.full" &&
		cp "$tmp/i" "$D/2024-08-20.idx" && (cd "$D" && ls -la . && md5sum *) >"$tmp/before" &&
		printf '%s\n' '{"url":"https://site.example/new","fetched_at":"2024-08-20T00:00:00Z"}' |
		    store -o "$D" 2>"$tmp/e"; st=$?
		cat "$tmp/e"
		test $st -eq 2 && grep -q "id $id" "$tmp/e" || return 1
		(cd "$D" && ls -la . && md5sum *) | same "$tmp/before" - || return 1
		cp "$tmp/idx.full" "$D/2024-08-20.idx"
	done
	cp "$tmp/nd.dict" "$D/khobor.dict" && store verify -q "$D" &&
	store cat "$D" | same "$tmp/site.jsonl" -
}
if command -v zstd >/dev/null; then
	check "a missing or replaced dictionary: nothing cut or written, its id named, exit 2" no_dict
else
	skip "a missing or replaced dictionary" "no zstd"
fi

export_warc() {
	store -o "$tmp/ex.zst" "$here/golden/validate-example/stdin" &&
	store export --warc "$tmp/ex.zst" >"$tmp/ex.warc.gz" && gzip -t "$tmp/ex.warc.gz" &&
	zcat "$tmp/ex.warc.gz" | tr -d '\r' | grep -a '^WARC-Type: ' | sort | uniq -c |
	    awk '{ printf "%s %s\n", $1, $3 }' >"$tmp/types" &&
	printf '%s\n' "2 conversion" "2 metadata" "1 response" "1 warcinfo" >"$tmp/want" &&
	same "$tmp/want" "$tmp/types" || return 1
	if [ -f "$here/node_modules/warcio/package.json" ]; then
		node "$here/warc-check.mjs" "$tmp/ex.warc.gz"
	fi
}
check "export --warc: response, conversion, metadata records (warcio checks when installed)" export_warc
done_testing
