#!/bin/sh
# story: near-duplicates and the sample site's Bengali and English
# reports of one event share a story, unrelated articles do not; ids
# that last across runs with --state; the window; bad input; output
# that validate passes; memory bounded by the window, not the input.
. "$(dirname "$0")/lib.sh"
plan 16

# The sample site's articles through clean and tag, as the pipeline
# gives them to story.
python3 "$root/tests/story/site-records.py" "$root/tests/site" \
    "$root/tests/story/site-stories.tsv" | clean -q | tag -q \
    >"$tmp/site.jsonl"

# A set of our own: an article, its wire copy (other outlet, new
# headline, last paragraph dropped, a word changed), its update at the
# same URL, an unrelated article with many of its common words, the
# article again 5 days later at another URL (out of a 3-day window).
python3 - "$tmp/dup.jsonl" <<'PY'
import json, sys
paras = [
    "The central bank raised its policy rate by half a point on Tuesday, "
    "the third rise this year, saying inflation had stayed above nine "
    "percent for eleven months running.",
    "Governor Nasir Uddin told reporters in Dhaka that the bank would "
    "keep money tight until prices of rice, eggs and cooking oil came "
    "down, and that the taka would be allowed to float more freely.",
    "Traders at the Karwan Bazar wholesale market said the price of "
    "coarse rice had risen by four taka a kilogram in a fortnight.",
    "Economists welcomed the move but warned that higher rates would "
    "squeeze small businesses already hit by the floods in the east.",
]
unrelated = [
    "The city corporation said on Tuesday that it would clear the drains "
    "of the old town before the rains, and that work had started in "
    "three wards after complaints from traders and residents.",
    "The mayor told reporters that the work would take a month and that "
    "the market would stay open while it went on.",
]
def rec(url, title, text, pub, site):
    return {"url": url, "site": site, "published": pub, "title": title,
            "text": "\n".join(text), "lang": "en", "gold": url}
out = [
    rec("https://a.example/rate", "Central bank raises rate again",
        paras, "2024-08-13T10:00:00+06:00", "a.example"),
    rec("https://b.example/news/991", "Policy rate up by half a point",
        [paras[0], paras[1].replace("tight", "tighter"), paras[2]],
        "2024-08-13T12:30:00+06:00", "b.example"),
    rec("https://a.example/rate", "Central bank raises rate, taka to float",
        paras + ["Later on Tuesday the finance ministry said it backed the "
                 "decision."], "2024-08-13T15:00:00+06:00", "a.example"),
    rec("https://c.example/drains", "Drains of the old town to be cleared",
        unrelated, "2024-08-13T11:00:00+06:00", "c.example"),
    {"url": "https://c.example/no-text", "title": "A page with no text"},
    rec("https://d.example/late", "Central bank raises rate again",
        paras, "2024-08-18T10:00:00+06:00", "d.example"),
]
with open(sys.argv[1], "w", encoding="utf-8") as f:
    for r in out:
        f.write(json.dumps(r, ensure_ascii=False) + "\n")
PY
story "$tmp/dup.jsonl" >"$tmp/dup.out" 2>"$tmp/dup.err"
ids() {
	jq -r '.story // "none"' "$1" | tr '\n' ' '
}

near_dup() {
	set -- $(ids "$tmp/dup.out")
	echo "stories: $*"
	test "$1" = "$2" && test "$1" = "$3"
}
check "a wire copy and an updated version join the article's story" near_dup

unrelated() {
	set -- $(ids "$tmp/dup.out")
	test "$4" != "$1" && test "$5" = none
}
check "an unrelated article of common words: a story of its own" unrelated

window() {
	set -- $(ids "$tmp/dup.out")
	test "$6" != "$1" || return 1
	set -- $(story --window 7 "$tmp/dup.jsonl" | jq -r '.story // "none"')
	echo "with --window 7: $*"
	test "$6" = "$1"
}
check "the same text 5 days later: not with a 3-day window, with a 7-day one" \
    window

future() {
	# a date far ahead (a typo, a bad clock) first: the window is not
	# emptied and held there
	{ echo '{"url":"https://e.example/x","published":"2099-01-01","text":"Soon."}'
	  cat "$tmp/dup.jsonl"; } | story | tail -n +2 >"$tmp/future.out" &&
	set -- $(ids "$tmp/future.out") &&
	echo "stories: $*" && test "$1" = "$2" && test "$1" = "$3"
}
check "a date far in the future does not empty the window" future

ids_form() {
	jq -e -s 'map(select(.text)) | all(.story | test("^s[0-9a-f]{16}$"))' \
	    "$tmp/dup.out" >/dev/null &&
	sed -n 5p "$tmp/dup.jsonl" | jq -c 'del(.gold)' >"$tmp/notext.want" &&
	sed -n 5p "$tmp/dup.out" | jq -c 'del(.gold)' >"$tmp/notext.got" &&
	same "$tmp/notext.want" "$tmp/notext.got"
}
check "ids are s and 16 hex digits; a record without text passes unchanged" \
    ids_form

story "$tmp/site.jsonl" >"$tmp/site.out"
cross_language() {
	# the Bengali and English reports the gold puts in one story
	python3 - "$tmp/site.out" <<'PY'
import json, sys
from collections import defaultdict
gold = defaultdict(set)
for line in open(sys.argv[1], encoding="utf-8"):
    r = json.loads(line)
    gold[r["gold"]].add((r.get("lang", "")[:2], r["story"]))
both = [g for g, v in gold.items() if {l for l, _ in v} == {"bn", "en"}]
joined = [g for g in both
          if {s for l, s in gold[g] if l == "bn"} &
          {s for l, s in gold[g] if l == "en"}]
print("%d of %d stories in both languages joined: %s"
      % (len(joined), len(both), " ".join(sorted(joined))))
sys.exit(0 if len(joined) >= 0.6 * len(both) else 1)
PY
}
check "the site's Bengali and English reports of one event share a story" \
    cross_language

site_scores() {
	python3 "$root/bench/story-score.py" "$tmp/site.out" | tee "$tmp/sc" &&
	awk '$1 == "all" { p = $11; bf = $(NF) }
	    END { exit !(p >= 0.85 && bf >= 0.85) }' "$tmp/sc"
}
check "the site: pairwise precision and B-cubed F1 at 0.85 or more" \
    site_scores

no_old() {
	# the Courier's 2019 archive (Feni's flood of 2019) is no 2024 story
	jq -r 'select(.gold | test("2019")) | .story' "$tmp/site.out" |
	    sort -u >"$tmp/old" &&
	jq -r 'select(.gold | test("2019") | not) | .story' "$tmp/site.out" |
	    sort -u >"$tmp/new" &&
	test "$(wc -l <"$tmp/old")" -eq 3 &&
	test -z "$(comm -12 "$tmp/old" "$tmp/new")"
}
check "articles of 2019 stay out of 2024's stories" no_old

two_runs() {
	head -n 30 "$tmp/site.jsonl" >"$tmp/part1"
	tail -n +31 "$tmp/site.jsonl" >"$tmp/part2"
	story --state "$tmp/state" "$tmp/part1" >"$tmp/run1" &&
	story --state "$tmp/state" "$tmp/part2" >"$tmp/run2" &&
	test ! -e "$tmp/state.tmp" &&
	cat "$tmp/run1" "$tmp/run2" >"$tmp/runs" &&
	same "$tmp/site.out" "$tmp/runs" &&
	story --state "$tmp/state" "$tmp/part2" >"$tmp/run3" &&
	same "$tmp/run2" "$tmp/run3"
}
check "--state: two runs give the ids of one; a run again the same ids" \
    two_runs

overlap() {
	# A run that started while another holds the state waits for it,
	# then reads what it left: the two give the ids of one run.
	rm -f "$tmp/s2" "$tmp/s2.lock" "$tmp/fifo"
	mkfifo "$tmp/fifo" || return 1
	story --state "$tmp/s2" <"$tmp/fifo" >"$tmp/o1" 2>"$tmp/e1" &
	p1=$!
	exec 7>"$tmp/fifo"
	cat "$tmp/part1" >&7
	if ! wait_for sh -c "! flock -n '$tmp/s2.lock' true" 7>&-; then
		echo "the first run holds no lock on $tmp/s2.lock"
		exec 7>&-
		wait $p1
		return 1
	fi
	# (not holding the fifo open: the first run would never end)
	story --state "$tmp/s2" "$tmp/part2" >"$tmp/o2" 2>"$tmp/e2" 7>&- &
	p2=$!
	wait_for grep -q "s2: another run is using it; waiting" "$tmp/e2"
	w=$?
	exec 7>&-
	wait $p1 && wait $p2 && [ $w -eq 0 ] &&
	cat "$tmp/o1" "$tmp/o2" >"$tmp/o12" && same "$tmp/site.out" "$tmp/o12"
}
if command -v flock >/dev/null && command -v mkfifo >/dev/null; then
	check "--state: a second run waits for the first, then reads its window" \
	    overlap
else
	skip "--state: a second run waits for the first" "no flock(1) or mkfifo"
fi

bad_state() {
	printf 'khobor-story 1\nd x\n' >"$tmp/bad.state"
	story --state "$tmp/bad.state" "$tmp/dup.jsonl" >/dev/null \
	    2>"$tmp/bs.err"
	test $? -eq 2 && cat "$tmp/bs.err" &&
	grep -q 'bad.state:2: not a story state file' "$tmp/bs.err" &&
	grep -q '^d x$' "$tmp/bad.state"
}
check "a damaged state file: said, exit 2, left as it is" bad_state

bad_input() {
	{ sed -n 1p "$tmp/dup.jsonl"; echo '{"url": "x:1", "text": 5}';
	  echo 'not json'; sed -n 2p "$tmp/dup.jsonl"; } >"$tmp/bad.jsonl"
	story "$tmp/bad.jsonl" >"$tmp/bad.out" 2>"$tmp/bad.err"
	test $? -eq 1 && cat "$tmp/bad.err" &&
	grep -q '^story: .*bad.jsonl:2: text: want a string, got a number; skipped$' \
	    "$tmp/bad.err" &&
	grep -q '^story: .*bad.jsonl:3: ' "$tmp/bad.err" &&
	grep -q '^story: 2 of 4 records skipped$' "$tmp/bad.err" &&
	test "$(wc -l <"$tmp/bad.out")" -eq 2
}
check "bad input: said with its line, skipped, exit 1, the rest out" bad_input

valid() {
	validate "$tmp/site.out" && validate "$tmp/dup.out" &&
	validate "$tmp/bad.out" &&
	echo '{"url":"x:1","story":"s12"}' | validate 2>&1 |
	    grep -q 'story: s12: not s and 16 hex digits'
}
check "output passes validate; validate knows a story id" valid

full() {
	story "$tmp/dup.jsonl" >/dev/full 2>"$tmp/full.err"
	test $? -eq 2 && grep -q 'write error' "$tmp/full.err"
}
check "a full disk: exit 2" full

usage() {
	story --window 0 </dev/null 2>"$tmp/u.err"
	test $? -eq 2 && grep -q -- '--window: not a number of days' \
	    "$tmp/u.err" && story --version | grep -q '^story (khobor)' &&
	story -h | grep -q '^usage: story '
}
check "options: --window checked, --version, -h" usage

# Memory: 60 days of 150 articles a day against 15 days of them; with a
# 3-day window the longer run must not take more (the plain build, as
# ASan's allocator keeps what is freed).
if [ -x "$root/bin/story" ] && [ -x /usr/bin/time ]; then
	python3 - "$tmp/long.jsonl" <<'PY'
import json, random, sys
rnd = random.Random(1)
vocab = ["w%d" % i for i in range(20000)]
names = ["Person %d" % i for i in range(3000)]
with open(sys.argv[1], "w") as f:
    for day in range(60):
        for k in range(150):
            text = " ".join(rnd.choice(vocab) for _ in range(300))
            ents = [{"field": "title", "start": 0, "end": 1, "text": "x",
                     "type": "PER", "norm": rnd.choice(names)}
                    for _ in range(5)]
            f.write(json.dumps({
                "url": "https://m.example/%d/%d" % (day, k),
                "published": "2024-%02d-%02dT%02d:%02d:00Z"
                % (1 + day // 28, 1 + day % 28, k // 7, k % 60),
                "title": "x " + rnd.choice(vocab), "text": text,
                "entities": ents}) + "\n")
PY
	head -n 2250 "$tmp/long.jsonl" >"$tmp/short.jsonl"
	rss() {
		/usr/bin/time -f %M -o "$tmp/rss" "$root/bin/story" -v "$1" \
		    >/dev/null 2>"$tmp/rss.err" && tail -n 1 "$tmp/rss"
	}
	flat() {
		a=$(rss "$tmp/short.jsonl") && b=$(rss "$tmp/long.jsonl") &&
		cat "$tmp/rss.err" &&
		echo "max RSS: 2250 articles ${a} KiB, 9000 articles ${b} KiB" &&
		test "$b" -le $((a + a / 4))
	}
	check "memory bounded by the window: 4 times the input, RSS flat" flat
else
	skip "memory bounded by the window" "no bin/story or /usr/bin/time"
fi
done_testing
