#!/bin/sh
# dates: tag's date finder through dates-test.  Each tests/dates/AREA.tsv
# documents one area: a line "> REF<TAB>TEXT" (REF "-": no reference),
# then the mentions expected, "start end kind value mod surface".
. "$(dirname "$0")/lib.sh"
areas="bengali-absolute bengali-relative bangla-calendar ranges-durations
english invalid edges context"
plan 12

# run_cases FILE: each input alone through dates-test, in the file's form.
run_cases() {
	grep '^> ' "$1" | cut -c3- | while IFS= read -r line; do
		printf '> %s\n' "$line"
		printf '%s\n' "$line" | dates-test || echo "dates-test failed"
	done
}

for a in $areas; do
	area() {
		run_cases "$here/dates/$1.tsv" >"$tmp/$1.out" &&
		same "$here/dates/$1.tsv" "$tmp/$1.out"
	}
	check "dates: $a" area "$a"
done

# Every mention, from every case, is a valid record for validate.
valid() {
	cat "$here"/dates/*.tsv | grep '^> ' | cut -c3- >"$tmp/all" &&
	dates-test -j <"$tmp/all" >"$tmp/all.jsonl" &&
	test "$(wc -l <"$tmp/all.jsonl")" -eq "$(wc -l <"$tmp/all")" &&
	validate "$tmp/all.jsonl"
}
check "dates-test -j records pass validate" valid

# Any bytes: invalid UTF-8, NULs, long lines; nothing crashes, offsets
# stay inside each line (ASan build under make check).
junk() {
	python3 - "$tmp/junk" <<'PY' || return 1
import random, sys
r = random.Random(7)
pieces = ["১৫ আগস্ট ", "গত বছর ", "২০২৪ সালের ", "\xff", "\xe0\xa7",
          "১", "Aug ", "-", "(", ")", "৩১", "রাত ", "সাড়ে ", "9:", "টা",
          "বৈশাখ ", "১৪৩১ ", "থেকে ", "মাস ", "9999 ", "0000-00-00 "]
out = bytearray()
for i in range(400):
    out += b"2024-08-17\t" if i % 3 else b"-\t"
    for _ in range(r.randrange(1, 60)):
        p = r.choice(pieces)
        out += p.encode("latin-1") if p.startswith(("\xff", "\xe0")) \
            else p.encode()
    out += b"\n"
open(sys.argv[1], "wb").write(bytes(out))
PY
	dates-test <"$tmp/junk" >"$tmp/junk.out" || return 1
	awk -F'\t' '$1 >= $2 || $4 == "" { print "bad: " $0; bad = 1 }
	    END { exit bad }' "$tmp/junk.out"
}
check "odd bytes and fragments: no crash, sane spans" junk

# A long text in one call: constant memory, mentions all found.
long() {
	python3 -c '
import sys
s = "রাশিয়ার প্রেসিডেন্ট পুতিন বৃহস্পতিবার (১৫ আগস্ট) আলাস্কায় পৌঁছান। " * 3000
sys.stdout.write("2024-08-17\t" + s + "\n")' >"$tmp/long" &&
	dates-test <"$tmp/long" >"$tmp/long.out" &&
	test "$(wc -l <"$tmp/long.out")" -eq 3000 &&
	test "$(sort -u -t'	' -k4,4 "$tmp/long.out" | wc -l)" -eq 1
}
check "3000 mentions in one long text, window by window" long

# The seeds' gold: at least 95% exact (value and span).
if [ -d "$shared/data/seeds" ] && [ -x "$build/opt/bin/dates-test" ]; then
	seeds() {
		python3 "$root/bench/dates-eval.py" --bin "$build/opt/bin/dates-test" \
		    --seeds "$shared/data/seeds" >"$tmp/eval" || return 1
		cat "$tmp/eval"
		awk '/^dates-test/ { ok = ($5 + 0 >= 95) } END { exit !ok }' \
		    "$tmp/eval"
	}
	check "seeds: >= 95% of gold dates exact" seeds
else
	skip "seeds: gold dates" "no ../shared/data/seeds or build/opt/bin"
fi
done_testing
